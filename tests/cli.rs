//! The `figcheck` binary as a user meets it: output on real documents,
//! exit codes, the batch interface, and clear errors on bad input.

mod common;

use common::{run, snapshot_settings, transcript};

const SEED_003: &str = "seeds/003_b56a1be04dda86ca.txt";
const SEED_000: &str = "seeds/000_47d0b5ff4e475279.txt";

#[test]
fn founding_example_is_an_error() {
    let o = run(&["check", SEED_003], None);
    assert_eq!(o.status.code(), Some(1), "{}", transcript(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("direction-contradicts-values"), "{out}");
    snapshot_settings().bind(|| insta::assert_snapshot!("cli-check-seed-003", transcript(&o)));
}

#[test]
fn seed_000_repeats_are_warnings() {
    let o = run(&["check", "--date", "2022-09-15", SEED_000], None);
    snapshot_settings().bind(|| insta::assert_snapshot!("cli-check-seed-000", transcript(&o)));
}

#[test]
fn claims_on_both_seeds() {
    for (name, path) in [("003", SEED_003), ("000", SEED_000)] {
        let o = run(&["claims", path], None);
        assert_eq!(o.status.code(), Some(0), "{}", transcript(&o));
        snapshot_settings()
            .bind(|| insta::assert_snapshot!(format!("cli-claims-seed-{name}"), transcript(&o)));
    }
}

#[test]
fn json_output_has_the_documented_shape() {
    let o = run(&["check", "--format", "json", SEED_003], None);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    let files = v["files"].as_array().expect("files array");
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["path"], SEED_003);
    let text = std::fs::read_to_string(common::fixture(SEED_003)).unwrap();
    let d = files[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "direction-contradicts-values")
        .expect("the founding contradiction");
    assert_eq!(d["severity"], "error");
    assert!(!d["help"].as_str().unwrap().is_empty());
    let labels = d["labels"].as_array().unwrap();
    assert!(labels.len() >= 2);
    for l in labels {
        let (s, e) = (
            l["start"].as_u64().unwrap() as usize,
            l["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], l["text"].as_str().unwrap());
    }
    let texts: Vec<&str> = labels.iter().map(|l| l["text"].as_str().unwrap()).collect();
    assert!(
        texts.iter().any(|t| t.contains("13 million barrels")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("16 million barrels")),
        "{texts:?}"
    );
}

#[test]
fn jsonl_records_get_one_line_each_in_order() {
    let input = concat!(
        r#"{"id": "a", "text": "Sales rose to $5 million from $9 million.", "date": null}"#,
        "\n",
        r#"{"id": 2, "text": "Nothing to see.", "date": "2022-01-01"}"#,
        "\n",
        "\n",
        r#"{"id": null, "text": "It has 12 employees."}"#,
        "\n",
    );
    for cmd in ["check", "claims"] {
        let o = run(
            &[cmd, "--input", "jsonl", "--format", "jsonl"],
            Some(input.as_bytes()),
        );
        let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect();
        let ids: Vec<String> = lines.iter().map(|l| l["id"].to_string()).collect();
        assert_eq!(ids, ["\"a\"", "2", "null"], "{cmd}");
        let key = if cmd == "check" {
            "diagnostics"
        } else {
            "claims"
        };
        assert!(lines.iter().all(|l| l[key].is_array()), "{cmd}");
    }
}

/// A record is named by its id as JSON wherever a report shows a name
/// (a file's path in human output and `--format json`, the claims table),
/// while a `--format jsonl` or `claims --format json` answer carries the
/// id itself.
#[test]
fn jsonl_records_are_named_by_their_id_in_every_report() {
    let input = concat!(
        r#"{"id": "a\"b", "text": "Sales rose to $5 million from $9 million."}"#,
        "\n",
        r#"{"id": 7, "text": "Profit fell to $9 million from $5 million."}"#,
        "\n",
    );
    let out = |args: &[&str]| {
        let o = run(args, Some(input.as_bytes()));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let human = out(&["check", "--input", "jsonl"]);
    assert!(human.contains(r#"["a\"b":1:15]"#), "{human}");
    assert!(human.contains("[7:1:16]"), "{human}");
    let json: serde_json::Value =
        serde_json::from_str(&out(&["check", "--input", "jsonl", "--format", "json"])).unwrap();
    let paths: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, [r#""a\"b""#, "7"]);
    let ids: Vec<String> = out(&["check", "--input", "jsonl", "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, [r#""a\"b""#, "7"]);
    let table = out(&["claims", "--input", "jsonl"]);
    assert!(table.starts_with("\"a\\\"b\": 2 claims\n"), "{table}");
    assert!(table.contains("\n7: 2 claims\n"), "{table}");
    let claims: serde_json::Value =
        serde_json::from_str(&out(&["claims", "--input", "jsonl", "--format", "json"])).unwrap();
    let files = claims["files"].as_array().unwrap();
    assert_eq!(
        (&files[0]["id"], &files[1]["id"]),
        (&"a\"b".into(), &7.into())
    );
    assert!(files.iter().all(|f| f.get("path").is_none()));
}

#[test]
fn malformed_jsonl_line_is_named_and_the_rest_still_run() {
    let input = "{\"id\": 1, \"text\": \"a\"}\nnot json\n{\"id\": 3, \"text\": \"b\"}\n";
    let o = run(
        &["check", "--input", "jsonl", "--format", "jsonl"],
        Some(input.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("-:2:"), "{err}");
}

#[test]
fn unreadable_inputs_get_one_line_errors_and_the_rest_is_checked() {
    let dir = tempdir();
    std::fs::write(dir.join("bad.txt"), b"price \xff\xfe 5").unwrap();
    std::fs::write(dir.join("bin.txt"), b"\x00\x01\x02 binary").unwrap();
    std::fs::write(
        dir.join("good.txt"),
        "Sales rose to $5 million from $9 million.",
    )
    .unwrap();
    let o = common::figcheck()
        .args(["check", "bad.txt", "bin.txt", "missing.txt", "good.txt"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    snapshot_settings().bind(|| insta::assert_snapshot!("cli-unreadable-inputs", transcript(&o)));
}

#[test]
fn unknown_rule_is_a_usage_error() {
    let o = run(&["check", "--select", "no-such-rule", SEED_003], None);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("unknown rule `no-such-rule`"), "{err}");
    assert!(
        err.contains("direction-contradicts-values"),
        "lists the valid names: {err}"
    );
    let o = run(&["explain", "no-such-rule"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn rules_and_explain() {
    let o = run(&["rules"], None);
    assert_eq!(o.status.code(), Some(0));
    snapshot_settings().bind(|| insta::assert_snapshot!("cli-rules", transcript(&o)));
    let o = run(&["explain", "direction-contradicts-values"], None);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("## Why") && out.contains("## Flags") && out.contains("## Does not flag"));
}

#[test]
fn directories_are_walked_honouring_gitignore() {
    let dir = tempdir();
    std::fs::create_dir_all(dir.join("docs/skip")).unwrap();
    std::fs::write(dir.join(".gitignore"), "skip/\n").unwrap();
    std::fs::write(
        dir.join("docs/a.md"),
        "Sales rose to $5 million from $9 million.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("docs/skip/b.md"),
        "Sales rose to $5 million from $9 million.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("docs/c.rs"),
        "// rose to $5 million from $9 million\n",
    )
    .unwrap();
    let o = common::figcheck()
        .args(["check", "--format", "jsonl", "."])
        .current_dir(&dir)
        .output()
        .unwrap();
    let paths: Vec<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["path"].to_string())
        .collect();
    assert_eq!(paths, ["\"./docs/a.md\""]);
}

/// A fresh empty directory under the target directory.
fn tempdir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "cli-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
