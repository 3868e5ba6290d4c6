//! Baselines as a user adopts them: record today's findings, then see only
//! new ones, however the rest of the file moves.

mod common;

use std::path::Path;
use std::process::Output;

use common::transcript;

const ROSE: &str = "Revenue rose 20% to $150 million from $100 million, the company said.\n";
const FELL: &str = "Sales rose to $5 million from $9 million.\n";

fn figcheck(dir: &Path, args: &[&str]) -> Output {
    common::figcheck()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("figcheck runs")
}

fn write(dir: &Path, path: &str, text: &str) {
    std::fs::write(dir.join(path), text).expect("a fixture file");
}

/// The codes of the diagnostics in JSONL output, in order.
fn codes(o: &Output) -> Vec<String> {
    let mut out = Vec::new();
    for line in String::from_utf8_lossy(&o.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        for d in v["diagnostics"].as_array().expect("diagnostics") {
            out.push(d["code"].as_str().unwrap_or("").to_string());
        }
    }
    out
}

fn check(dir: &Path) -> Output {
    figcheck(
        dir,
        &[
            "check",
            "--format",
            "jsonl",
            "--baseline",
            "base.json",
            "a.md",
        ],
    )
}

/// A directory with `a.md` holding `text` and its findings recorded.
fn baselined(text: &str) -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("a temporary directory");
    write(d.path(), "a.md", text);
    let o = figcheck(
        d.path(),
        &["check", "--write-baseline", "base.json", "a.md"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", transcript(&o));
    assert!(o.stdout.is_empty(), "writing a baseline reports nothing");
    d
}

#[test]
fn recorded_findings_are_hidden_and_exit_is_clean() {
    let d = baselined(&format!("{ROSE}\n{FELL}"));
    let o = check(d.path());
    assert!(codes(&o).is_empty(), "{}", transcript(&o));
    assert_eq!(o.status.code(), Some(0));
    // without the baseline both are there
    let o = figcheck(d.path(), &["check", "--format", "jsonl", "a.md"]);
    assert_eq!(codes(&o).len(), 2);
}

#[test]
fn an_edit_above_a_finding_does_not_resurrect_it() {
    let d = baselined(ROSE);
    write(
        d.path(),
        "a.md",
        &format!(
            "# Results\n\nA new opening paragraph.\n\n{}",
            ROSE.replace(" to ", "\nto ")
        ),
    );
    let o = check(d.path());
    assert!(codes(&o).is_empty(), "{}", transcript(&o));
}

#[test]
fn a_changed_figure_is_a_new_finding() {
    let d = baselined(ROSE);
    write(d.path(), "a.md", &ROSE.replace("$150", "$160"));
    let o = check(d.path());
    assert_eq!(codes(&o), ["percent-change-contradicts-values"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn a_new_finding_elsewhere_is_shown() {
    let d = baselined(ROSE);
    write(d.path(), "a.md", &format!("{ROSE}\n{FELL}"));
    let o = check(d.path());
    assert_eq!(codes(&o), ["direction-contradicts-values"]);
}

#[test]
fn identical_findings_count_as_a_multiset() {
    // One recorded, two present: one shown.
    let d = baselined(ROSE);
    write(d.path(), "a.md", &format!("{ROSE}\nAnd again.\n\n{ROSE}"));
    let o = check(d.path());
    let n = codes(&o)
        .iter()
        .filter(|c| *c == "percent-change-contradicts-values")
        .count();
    assert_eq!(n, 1, "{}", transcript(&o));
}

#[test]
fn the_file_is_stable_sorted_json() {
    let d = baselined(&format!("{FELL}\n{ROSE}"));
    let first = std::fs::read_to_string(d.path().join("base.json")).expect("written");
    let v: serde_json::Value = serde_json::from_str(&first).expect("JSON");
    assert_eq!(v["version"], 1);
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        rules,
        [
            "direction-contradicts-values",
            "percent-change-contradicts-values"
        ]
    );
    assert_eq!(v["findings"][1]["figures"][0], "20%");
    assert_eq!(v["findings"][1]["path"], "a.md");
    let o = figcheck(
        d.path(),
        &["check", "--write-baseline", "base.json", "a.md"],
    );
    assert_eq!(o.status.code(), Some(0));
    let again = std::fs::read_to_string(d.path().join("base.json")).expect("written");
    assert_eq!(first, again);
}

#[test]
fn a_bad_baseline_is_an_error() {
    let d = tempfile::tempdir().expect("a temporary directory");
    write(d.path(), "a.md", ROSE);
    write(d.path(), "base.json", "[]");
    let o = check(d.path());
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("base.json: not a figcheck baseline"), "{err}");
    let o = figcheck(d.path(), &["check", "--baseline", "missing.json", "a.md"]);
    assert_eq!(o.status.code(), Some(2));
}
