//! Configuration as a user meets it: `figcheck.toml` found above each file,
//! per-path overrides, the command line winning, check options, strict
//! errors that point into the TOML, and `figcheck config`.

mod common;

use std::path::Path;
use std::process::Output;

use common::{snapshot_settings, transcript};

/// A stated change the figures contradict (50%, not 20%): an error of
/// `percent-change-contradicts-values` unless config says otherwise.
const ROSE: &str = "Revenue rose 20% to $150 million from $100 million, the company said.\n";

/// A temporary directory holding `files` (path, contents).
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (path, text) in files {
        let p = dir.path().join(path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("directories");
        }
        std::fs::write(p, text).expect("a fixture file");
    }
    dir
}

fn figcheck(dir: &Path, args: &[&str]) -> Output {
    common::figcheck()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("figcheck runs")
}

/// `(path, code, severity)` of every diagnostic in JSONL output.
fn findings(o: &Output) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for line in String::from_utf8_lossy(&o.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        for d in v["diagnostics"].as_array().expect("diagnostics") {
            out.push((
                v["path"].as_str().unwrap_or("").to_string(),
                d["code"].as_str().unwrap_or("").to_string(),
                d["severity"].as_str().unwrap_or("").to_string(),
            ));
        }
    }
    out
}

fn one(path: &str, code: &str, severity: &str) -> (String, String, String) {
    (path.into(), code.into(), severity.into())
}

const PCT: &str = "percent-change-contradicts-values";

#[test]
fn without_config_the_defaults_apply() {
    let d = tree(&[("a.md", ROSE)]);
    let o = figcheck(d.path(), &["check", "--format", "jsonl", "a.md"]);
    assert_eq!(findings(&o), [one("a.md", PCT, "error")]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn severity_overrides_and_options_come_from_the_closest_config() {
    let d = tree(&[
        (
            "figcheck.toml",
            "[severity]\npercent-change-contradicts-values = \"warning\"\n\
             [[overrides]]\nfiles = [\"archive/**\"]\nignore = [\"percent-change-contradicts-values\"]\n",
        ),
        ("docs/a.md", ROSE),
        ("archive/old/b.md", ROSE),
        // closest wins: this one loosens the tolerance past 30 points
        (
            "loose/.figcheck.toml",
            "[rules.percent-change-contradicts-values]\nmin-points = 40\n",
        ),
        ("loose/c.md", ROSE),
    ]);
    let o = figcheck(d.path(), &["check", "--format", "jsonl", "."]);
    assert_eq!(findings(&o), [one("./docs/a.md", PCT, "warning")]);
    // warnings only: exit 0
    assert_eq!(o.status.code(), Some(0), "{}", transcript(&o));
}

#[test]
fn the_command_line_wins_over_config() {
    let d = tree(&[
        ("figcheck.toml", "select = [\"range-inverted\"]\n"),
        ("a.md", ROSE),
    ]);
    let o = figcheck(d.path(), &["check", "--format", "jsonl", "a.md"]);
    assert!(findings(&o).is_empty());
    let o = figcheck(
        d.path(),
        &["check", "--format", "jsonl", "--select", PCT, "a.md"],
    );
    assert_eq!(findings(&o), [one("a.md", PCT, "error")]);
    let o = figcheck(
        d.path(),
        &["check", "--format", "jsonl", "--isolated", "a.md"],
    );
    assert_eq!(findings(&o), [one("a.md", PCT, "error")]);
}

#[test]
fn config_flag_forces_one_file() {
    let d = tree(&[
        ("figcheck.toml", "select = [\"range-inverted\"]\n"),
        ("other.toml", "[severity]\nall = \"info\"\n"),
        ("a.md", ROSE),
    ]);
    let args = [
        "check",
        "--format",
        "jsonl",
        "--config",
        "other.toml",
        "a.md",
    ];
    let o = figcheck(d.path(), &args);
    assert_eq!(findings(&o), [one("a.md", PCT, "info")]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn include_and_exclude_shape_the_walk() {
    let d = tree(&[
        (
            "figcheck.toml",
            "include = [\"**/*.md\", \"**/*.prose\"]\nexclude = [\"drafts\"]\n",
        ),
        ("a.prose", ROSE),
        ("b.txt", ROSE),
        ("drafts/c.md", ROSE),
        ("docs/d.md", ROSE),
    ]);
    let o = figcheck(d.path(), &["check", "--format", "jsonl", "."]);
    let paths: Vec<String> = findings(&o).into_iter().map(|f| f.0).collect();
    assert_eq!(paths, ["./a.prose", "./docs/d.md"]);
    // a file named on the command line is always read
    let o = figcheck(d.path(), &["check", "--format", "jsonl", "drafts/c.md"]);
    assert_eq!(findings(&o).len(), 1);
}

#[test]
fn the_config_date_is_the_default_document_date() {
    // Thursday, March 3 is right in 2022 and wrong in 2021.
    let text = "The talks ended on Thursday, March 3.\n";
    let d = tree(&[("figcheck.toml", "date = 2021-06-01\n"), ("a.md", text)]);
    let o = figcheck(d.path(), &["check", "--format", "jsonl", "a.md"]);
    let codes: Vec<String> = findings(&o).into_iter().map(|f| f.1).collect();
    assert_eq!(codes, ["weekday-contradicts-date"]);
    let o = figcheck(
        d.path(),
        &["check", "--format", "jsonl", "--date", "2022-06-01", "a.md"],
    );
    assert!(findings(&o).is_empty(), "{}", transcript(&o));
}

/// Each bad config: exit 2, and the rendered error pointing into the TOML.
#[test]
fn config_errors_point_into_the_toml() {
    let cases = [
        ("unknown-key", "selekt = [\"all\"]\n"),
        (
            "unknown-rule",
            "select = [\"all\", \"range-inverted\", \"ranges-inverted\"]\n",
        ),
        ("bad-severity", "[severity]\nrange-inverted = \"fatal\"\n"),
        ("bad-date", "date = \"15/09/2022\"\n"),
        (
            "unknown-option",
            "[rules.percent-change-contradicts-values]\nrounding = 0.05\n",
        ),
        (
            "option-out-of-range",
            "[rules.percent-change-contradicts-values]\nmin-points = -1\n",
        ),
        (
            "override-unknown-key",
            "[[overrides]]\nfiles = [\"a/**\"]\nselct = []\n",
        ),
        ("bad-glob", "exclude = [\"drafts/[\"]\n"),
        ("not-toml", "select = [\n"),
    ];
    for (name, config) in cases {
        let d = tree(&[("figcheck.toml", config), ("a.md", ROSE)]);
        let o = figcheck(d.path(), &["check", "a.md"]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", transcript(&o));
        assert!(o.stdout.is_empty(), "{name}: no output before the error");
        snapshot_settings()
            .bind(|| insta::assert_snapshot!(format!("config-error-{name}"), transcript(&o)));
    }
}

#[test]
fn figcheck_config_prints_the_resolved_settings() {
    let d = tree(&[
        (
            "figcheck.toml",
            "ignore = [\"repeated-sentence\"]\ndate = \"2022-09-15\"\nexclude = [\"drafts/**\"]\n\
             [rules.percent-change-contradicts-values]\nmin-points = 2.5\n\
             [[overrides]]\nfiles = [\"archive/**\"]\nselect = [\"impossible-date\"]\n\
             severity = { impossible-date = \"info\" }\n",
        ),
        ("archive/x.md", ROSE),
    ]);
    let o = figcheck(d.path(), &["config", "archive/x.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", transcript(&o));
    snapshot_settings().bind(|| insta::assert_snapshot!("config-resolved", transcript(&o)));
    // what it prints is itself a valid config
    let printed = String::from_utf8_lossy(&o.stdout).into_owned();
    let d2 = tree(&[("figcheck.toml", printed.as_str()), ("a.md", ROSE)]);
    let o = figcheck(d2.path(), &["check", "a.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", transcript(&o));
    let o = figcheck(d.path(), &["config", "--isolated", "archive/x.md"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("none (built-in defaults)"));
}
