//! Inline suppressions as a user meets them, in Markdown, plain text and
//! HTML: what they hide, what is still reported, and the
//! `unused-suppression` reports on stale, misspelt and unknown directives.
//! The snapshots hold the rendered report, as printed.

mod common;

use common::{run, snapshot_settings, transcript};

const FIXTURES: &[&str] = &["report.md", "notes.txt", "page.html"];

#[test]
fn fixtures_render() {
    for name in FIXTURES {
        let o = run(&["check", &format!("suppress/{name}")], None);
        let stem = name.split('.').next().unwrap_or(name);
        snapshot_settings()
            .bind(|| insta::assert_snapshot!(format!("suppress-{stem}"), transcript(&o)));
    }
}

/// The codes reported for a fixture with `args` added.
fn codes(name: &str, args: &[&str]) -> Vec<String> {
    let path = format!("suppress/{name}");
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    all.push(&path);
    let o = run(&all, None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    v["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect()
}

/// `unused-suppression` obeys `--select` and `--ignore` like every check.
#[test]
fn unused_suppression_is_selectable() {
    let all = codes("report.md", &[]);
    assert_eq!(
        all.iter().filter(|c| *c == "unused-suppression").count(),
        3,
        "{all:?}"
    );
    let ignored = codes("report.md", &["--ignore", "unused-suppression"]);
    assert!(
        !ignored.iter().any(|c| c == "unused-suppression"),
        "{ignored:?}"
    );
    assert_eq!(ignored.len(), all.len() - 3);
    let only = codes("report.md", &["--select", "unused-suppression"]);
    assert_eq!(only, ["unused-suppression"; 3]);
}

/// Selecting some checks does not make a suppression for another look stale.
#[test]
fn selection_does_not_make_suppressions_stale() {
    let found = codes(
        "notes.txt",
        &["--select", "unused-suppression,range-inverted"],
    );
    assert_eq!(found, ["range-inverted"], "{found:?}");
}

#[test]
fn explain_and_rules_list_it() {
    let o = run(&["explain", "unused-suppression"], None);
    assert_eq!(o.status.code(), Some(0), "{}", transcript(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("figcheck-disable-next-line"), "{out}");
    let o = run(&["rules"], None);
    assert!(String::from_utf8_lossy(&o.stdout).contains("unused-suppression"));
}
