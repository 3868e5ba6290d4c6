//! Every check documents itself and proves it: its definition is complete,
//! every `fire` example in `checks/<name>.toml` fires with only that check on,
//! every `pass` example stays silent, and its fixture's rendered output is
//! snapshotted.

mod common;

use figcheck::analysis::{Analysis, Needs, Options};
use figcheck::check::{self, REGISTRY, RuleSet};
use figcheck::render::{Checked, human, json};
use figcheck::source::InputFormat;

fn diagnostics_for(name: &str, text: &str, date: Option<&str>) -> Vec<figcheck::Diagnostic> {
    let date = date.map(|d| {
        d.parse::<jiff::civil::Date>()
            .expect("example dates are valid")
    });
    let analysis = Analysis::new(
        text,
        &Options {
            format: InputFormat::Plain,
            date,
        },
    );
    let rules = RuleSet::new(&[name], &[]).expect("registered name");
    check::run(&analysis, &rules)
}

#[test]
fn definitions_are_complete() {
    for r in REGISTRY {
        let def = r.def();
        assert_eq!(def.code, r.name, "code in checks/{}.toml", r.name);
        for (field, text) in [
            ("summary", &def.summary),
            ("message", &def.message),
            ("help", &def.help),
            ("why", &def.why),
        ] {
            assert!(!text.trim().is_empty(), "{}: `{field}` is empty", r.name);
            assert!(
                !text.contains("placeholder"),
                "{}: `{field}` is a placeholder",
                r.name
            );
        }
        assert!(
            def.examples.fire.len() >= 4,
            "{}: fewer than 4 examples that fire",
            r.name
        );
        assert!(
            def.examples.pass.len() >= 4,
            "{}: fewer than 4 examples that pass",
            r.name
        );
    }
}

#[test]
fn examples_that_must_fire_fire() {
    let mut failures = Vec::new();
    for r in REGISTRY {
        for e in &r.def().examples.fire {
            let found = diagnostics_for(r.name, &e.text, e.date.as_deref());
            if !found.iter().any(|d| d.code == r.name) {
                failures.push(format!("{}: silent on {:?}", r.name, e.text));
            }
            for d in &found {
                assert!(
                    !d.labels.is_empty(),
                    "{}: a diagnostic without labels",
                    r.name
                );
                assert!(
                    !d.message.contains('{') && !d.help.contains('{'),
                    "{}: unfilled placeholder in {:?} / {:?}",
                    r.name,
                    d.message,
                    d.help
                );
                for l in &d.labels {
                    assert!(e.text.get(l.span.clone()).is_some(), "{}: bad span", r.name);
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn examples_that_must_pass_pass() {
    let mut failures = Vec::new();
    for r in REGISTRY {
        for e in &r.def().examples.pass {
            let found = diagnostics_for(r.name, &e.text, e.date.as_deref());
            if let Some(d) = found.first() {
                failures.push(format!("{}: fired on {:?}: {}", r.name, e.text, d.message));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The rendered output of each check's fixture, `tests/fixtures/checks/<name>.md`.
#[test]
fn fixtures_render() {
    for r in REGISTRY {
        let rel = format!("checks/{}.md", r.name);
        let path = common::fixture(&rel);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("missing fixture tests/fixtures/{rel}"));
        let analysis = Analysis::new(
            &text,
            &Options {
                format: InputFormat::Markdown,
                date: None,
            },
        );
        let rules = RuleSet::new(&[r.name], &[]).expect("registered name");
        let diagnostics = check::run(&analysis, &rules);
        assert!(!diagnostics.is_empty(), "{rel}: the fixture must fire");
        let name = format!("tests/fixtures/{rel}");
        let checked = Checked::new(&name, &text, diagnostics);
        let mut out = Vec::new();
        human::write(&mut out, &checked, human::Style::default()).expect("renders");
        common::snapshot_settings().bind(|| {
            insta::assert_snapshot!(format!("check-{}", r.name), String::from_utf8_lossy(&out));
        });
    }
}

/// The README's list of checks stays complete.
#[test]
fn readme_lists_every_check() {
    let readme = include_str!("../README.md");
    for r in REGISTRY {
        assert!(
            readme.contains(&format!("| `{}` |", r.name)),
            "README does not list `{}`",
            r.name
        );
    }
}

/// A `check` run leaves out the claims' context ([`Needs::CHECKS`]) and a
/// `claims` run the relations ([`Needs::CLAIMS`]). On every example of
/// every check, dated as written, and on every Markdown, HTML and seed
/// fixture, the checks' run must find what it finds on the whole analysis
/// (so no check reads a claim's context), the claims must differ only in
/// their context, and the claims output must be the whole analysis's.
#[test]
fn needs_leave_out_only_what_no_output_reads() {
    let mut docs: Vec<(String, Option<jiff::civil::Date>, InputFormat)> = Vec::new();
    for r in REGISTRY {
        let def = r.def();
        for e in def.examples.fire.iter().chain(&def.examples.pass) {
            let date = e
                .date
                .as_deref()
                .map(|d| d.parse().expect("example dates are valid"));
            docs.push((e.text.clone(), date, InputFormat::Plain));
        }
    }
    for dir in ["checks", "html", "seeds"] {
        let mut paths: Vec<_> = std::fs::read_dir(common::fixture(dir))
            .expect("fixture folder")
            .map(|e| e.expect("fixture entry").path())
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("fixture text");
            let format = InputFormat::from_path(&path);
            docs.push((text, None, format));
        }
    }
    assert!(docs.len() > 200, "{} documents", docs.len());
    let mut relations = 0;
    let mut contexts = 0;
    for (text, date, format) in &docs {
        let options = Options {
            format: *format,
            date: *date,
        };
        let all = Analysis::new(text, &options);
        let checks = Analysis::with(text, &options, Needs::CHECKS);
        let claims = Analysis::with(text, &options, Needs::CLAIMS);
        let rules = RuleSet::all();
        assert_eq!(
            check::run(&all, &rules),
            check::run(&checks, &rules),
            "{text:?}"
        );
        assert_eq!(all.relations, checks.relations, "{text:?}");
        let mut bare = all.claims.clone();
        for c in &mut bare {
            contexts += usize::from(c.context != Default::default());
            c.context = Default::default();
        }
        assert_eq!(bare, checks.claims, "{text:?}");
        assert!(claims.relations.is_empty());
        assert_eq!(all.claims, claims.claims, "{text:?}");
        let (mut a, mut b) = (Vec::new(), Vec::new());
        json::write_claims_line(&mut a, None, "doc", &all).expect("writes");
        json::write_claims_line(&mut b, None, "doc", &claims).expect("writes");
        assert_eq!(a, b, "{text:?}");
        relations += all.relations.len();
    }
    // the texts hold what is left out, or the test would prove nothing
    assert!(
        relations > 50 && contexts > 200,
        "{relations} relations, {contexts} contexts"
    );
}
