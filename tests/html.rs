//! HTML input as a user meets it: what is prose and what is markup, entities
//! and CRLF kept exact, broken markup read without a panic. The snapshots
//! hold the rendered report, as printed.

mod common;

use common::{run, snapshot_settings, transcript};

/// The fixtures under `tests/fixtures/html/`, with the exit code each must give.
const FIXTURES: &[(&str, i32)] = &[("article", 1), ("crlf-entities", 1), ("broken", 1)];

#[test]
fn fixtures_render() {
    for (name, code) in FIXTURES {
        let path = format!("html/{name}.html");
        let o = run(&["check", &path], None);
        assert_eq!(o.status.code(), Some(*code), "{}", transcript(&o));
        snapshot_settings()
            .bind(|| insta::assert_snapshot!(format!("html-{name}"), transcript(&o)));
    }
}

/// Every label of every diagnostic points at the figure's own bytes in the
/// file, entities and all.
#[test]
fn labels_are_source_bytes() {
    for (name, _) in FIXTURES {
        let path = format!("html/{name}.html");
        let text = std::fs::read_to_string(common::fixture(&path)).expect("fixture");
        let o = run(&["check", "--format", "json", &path], None);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
        for d in v["files"][0]["diagnostics"]
            .as_array()
            .expect("diagnostics")
        {
            for l in d["labels"].as_array().expect("labels") {
                let (s, e) = (
                    l["start"].as_u64().expect("start") as usize,
                    l["end"].as_u64().expect("end") as usize,
                );
                assert_eq!(text.get(s..e), l["text"].as_str(), "{path}: {l}");
            }
        }
    }
}

/// Figures written with entities map back to the entities.
#[test]
fn entities_stay_in_the_figures_they_belong_to() {
    let o = run(
        &["claims", "--format", "json", "html/crlf-entities.html"],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    let texts: Vec<&str> = v["files"][0]["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|c| c["text"].as_str())
        .collect();
    assert!(texts.contains(&"&euro;5&nbsp;million"), "{texts:?}");
    assert!(texts.contains(&"&euro;7&nbsp;million"), "{texts:?}");
}

/// Scripts, styles, the head, attributes, code and preformatted text are
/// not prose; the figures in them are never read.
#[test]
fn markup_is_not_prose() {
    let o = run(&["check", "--dump", "prose", "html/article.html"], None);
    let out = String::from_utf8_lossy(&o.stdout);
    for markup in [
        "16000000", "margin", "13 vs 16", "99", "fetch", "<pre>", "&euro;", "2022/03",
    ] {
        assert!(!out.contains(markup), "{markup:?} read as prose:\n{out}");
    }
    assert!(out.contains("Run \u{fffc} to see the raw series."), "{out}");
    assert!(out.contains("Imports rose 20% to €150 million"), "{out}");
}

/// `--input-format html` reads stdin (or any extension) as HTML.
#[test]
fn input_format_flag() {
    let page =
        b"<p>The plant will shed between 900 and 400 workers.</p><script>between 9 and 4</script>";
    let o = run(&["check", "--input-format", "html", "-"], Some(page));
    // a warning: reported, and the exit code stays 0
    assert_eq!(o.status.code(), Some(0), "{}", transcript(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(out.matches("range-inverted").count(), 1, "{out}");
    // read as plain text, the markup is prose and the script's range counts
    let o = run(&["check", "--input-format", "plain", "-"], Some(page));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout)
            .matches("range-inverted")
            .count(),
        2
    );
}

/// A directory walk picks up `.html` files.
#[test]
fn directories_include_html() {
    let o = run(&["check", "--format", "jsonl", "html"], None);
    let out = String::from_utf8_lossy(&o.stdout);
    for (name, _) in FIXTURES {
        assert!(out.contains(&format!("{name}.html")), "{name}: {out}");
    }
}

/// A `<meta name="date">` is the document date, for dates written without
/// a year; without it the same page says nothing.
#[test]
fn meta_date_dates_the_document() {
    let body = "<p>The plant reopened on Thursday, March 3, after a week of repairs.</p>";
    let dated = format!("<head><meta name=\"date\" content=\"2021-03-10\"></head>{body}");
    let o = run(
        &["check", "--input-format", "html", "-"],
        Some(dated.as_bytes()),
    );
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("weekday-contradicts-date"),
        "{}",
        transcript(&o)
    );
    let o = run(
        &["check", "--input-format", "html", "-"],
        Some(body.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(0), "{}", transcript(&o));
}
