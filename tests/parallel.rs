//! Output does not depend on the number of threads: files and JSONL records
//! are checked in parallel but rendered in input order.

mod common;

use std::process::Output;

use common::{fixture, transcript};

fn run(args: &[&str], threads: &str) -> Output {
    common::figcheck()
        .args(args)
        .args(["--threads", threads])
        .current_dir(fixture(""))
        .output()
        .expect("figcheck runs")
}

#[track_caller]
fn same_with_1_and_2_threads(args: &[&str]) {
    let one = run(args, "1");
    let two = run(args, "2");
    assert!(!one.stdout.is_empty(), "{}", transcript(&one));
    assert_eq!(transcript(&one), transcript(&two), "{args:?}");
}

#[test]
fn a_directory_of_fixtures_gives_byte_identical_output() {
    for format in ["human", "json", "jsonl"] {
        same_with_1_and_2_threads(&["check", "--format", format, "."]);
    }
    same_with_1_and_2_threads(&["claims", "--format", "jsonl", "."]);
}

#[test]
fn jsonl_records_across_batches_keep_their_order() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let texts = [
        "Revenue rose 20% to $150 million from $100 million, the company said.",
        "Sales rose to $5 million from $9 million.",
        "Nothing to see here.",
    ];
    let mut jsonl = String::new();
    // more records than one batch holds
    for i in 0..4200 {
        let rec = serde_json::json!({ "id": i, "text": texts[i % texts.len()] });
        jsonl.push_str(&rec.to_string());
        jsonl.push('\n');
    }
    let path = dir.path().join("records.jsonl");
    std::fs::write(&path, jsonl).expect("records");
    let path = path.to_string_lossy().into_owned();
    let args = [
        "check",
        "--input",
        "jsonl",
        "--format",
        "jsonl",
        path.as_str(),
    ];
    same_with_1_and_2_threads(&args);
    let o = run(&args, "2");
    let ids: Vec<u64> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("JSON")["id"]
                .as_u64()
                .unwrap_or(u64::MAX)
        })
        .collect();
    assert_eq!(ids, (0..4200).collect::<Vec<u64>>());
}

#[test]
fn a_record_line_that_is_not_utf8_is_named_and_the_next_one_still_runs() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("bad.jsonl");
    std::fs::write(
        &path,
        b"{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":\"\xff\"}\n{\"id\":3,\"text\":\"b\"}\n",
    )
    .expect("records");
    let path = path.to_string_lossy().into_owned();
    let o = run(
        &["check", "--input", "jsonl", "--format", "jsonl", &path],
        "2",
    );
    assert_eq!(o.status.code(), Some(2));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("\"id\":1") && out.contains("\"id\":3"),
        "{out}"
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.jsonl:2: not valid UTF-8"), "{err}");
}
