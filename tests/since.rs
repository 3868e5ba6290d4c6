//! `--since REV` in a real git repository made by the test: only findings
//! on changed lines, untracked files wholly, clear errors otherwise. The
//! tests pass over themselves when git is not installed.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::transcript;

const ROSE: &str = "Revenue rose 20% to $150 million from $100 million, the company said.\n";
const FELL: &str = "Sales rose to $5 million from $9 million.\n";

fn has_git() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[track_caller]
fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(o.status.success(), "git {args:?}: {}", transcript(&o));
}

fn figcheck(dir: &Path, args: &[&str]) -> Output {
    common::figcheck()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("figcheck runs")
}

/// `(path, code)` of every diagnostic in JSONL output.
fn findings(o: &Output) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in String::from_utf8_lossy(&o.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        for d in v["diagnostics"].as_array().expect("diagnostics") {
            let path = v["path"].as_str().unwrap_or("").to_string();
            out.push((path, d["code"].as_str().unwrap_or("").to_string()));
        }
    }
    out
}

/// A repository with one commit holding `a.md` (ROSE, then a blank line).
fn repo() -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("a temporary directory");
    git(d.path(), &["init", "-q"]);
    std::fs::create_dir_all(d.path().join("docs")).expect("docs");
    std::fs::write(d.path().join("docs/a.md"), format!("{ROSE}\n")).expect("a.md");
    git(d.path(), &["add", "."]);
    git(d.path(), &["commit", "-q", "-m", "start"]);
    d
}

#[test]
fn only_findings_on_changed_lines_are_reported() {
    if !has_git() {
        return;
    }
    let d = repo();
    let a = d.path().join("docs/a.md");
    let args = ["check", "--format", "jsonl", "--since", "HEAD", "docs"];
    let o = figcheck(d.path(), &args);
    assert!(findings(&o).is_empty(), "{}", transcript(&o));
    // a new line with a finding: only it is reported
    std::fs::write(&a, format!("{ROSE}\n{FELL}")).expect("edit");
    let o = figcheck(d.path(), &args);
    let want = [(
        "docs/a.md".to_string(),
        "direction-contradicts-values".to_string(),
    )];
    assert_eq!(findings(&o), want, "{}", transcript(&o));
    assert_eq!(o.status.code(), Some(1));
    // committed: nothing changed since HEAD, everything since the first commit
    git(d.path(), &["commit", "-q", "-am", "more"]);
    let o = figcheck(d.path(), &args);
    assert!(findings(&o).is_empty(), "{}", transcript(&o));
    let o = figcheck(
        d.path(),
        &[
            "check",
            "--format",
            "jsonl",
            "--since",
            "HEAD~1",
            "docs/a.md",
        ],
    );
    assert_eq!(findings(&o).len(), 1, "{}", transcript(&o));
}

#[test]
fn untracked_files_count_as_wholly_changed() {
    if !has_git() {
        return;
    }
    let d = repo();
    std::fs::write(d.path().join("docs/new.md"), ROSE).expect("new file");
    let o = figcheck(
        d.path(),
        &["check", "--format", "jsonl", "--since", "HEAD", "docs"],
    );
    let want = [(
        "docs/new.md".to_string(),
        "percent-change-contradicts-values".to_string(),
    )];
    assert_eq!(findings(&o), want, "{}", transcript(&o));
}

#[test]
fn works_from_a_subdirectory() {
    if !has_git() {
        return;
    }
    let d = repo();
    std::fs::write(d.path().join("docs/a.md"), format!("{ROSE}\n{FELL}")).expect("edit");
    let o = figcheck(
        &d.path().join("docs"),
        &["check", "--format", "jsonl", "--since", "HEAD", "a.md"],
    );
    assert_eq!(findings(&o).len(), 1, "{}", transcript(&o));
}

#[test]
fn unknown_revision_and_no_repository_are_errors() {
    if !has_git() {
        return;
    }
    let d = repo();
    let o = figcheck(d.path(), &["check", "--since", "no-such-rev", "docs"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("unknown git revision `no-such-rev`"), "{err}");
    let plain = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(plain.path().join("a.md"), ROSE).expect("a.md");
    let o = figcheck(plain.path(), &["check", "--since", "HEAD", "a.md"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("needs a git repository"), "{err}");
}
