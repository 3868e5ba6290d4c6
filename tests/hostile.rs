//! Hostile input: whatever a user or a broken pipeline feeds figcheck, it
//! answers with a result or a clear error, in bounded time, never a panic.
//! Each test runs the real binary, as a user would.

mod common;

use common::{figcheck, run};
use std::io::{Read, Write};
use std::process::{Output, Stdio};

/// figcheck ran to completion: exit 0 (clean) or 1 (findings), and nothing
/// on stderr that looks like a crash.
#[track_caller]
fn completed(o: &Output) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "status {:?}: {err}",
        o.status
    );
    assert!(!err.contains("panicked"), "{err}");
}

/// figcheck started with `args` and its standard streams piped, for a
/// test that talks to it while it runs.
fn piped(args: &[&str]) -> std::process::Child {
    figcheck()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Checks `text` as a document of `format` from stdin, as JSONL output.
fn check(text: &[u8], format: &str) -> Output {
    run(
        &["check", "--format", "jsonl", "--input-format", format, "-"],
        Some(text),
    )
}

/// The diagnostics of a one-document JSONL answer.
fn diagnostics(o: &Output) -> Vec<serde_json::Value> {
    let line = String::from_utf8_lossy(&o.stdout);
    let v: serde_json::Value = serde_json::from_str(line.trim()).expect("one JSON line");
    v["diagnostics"].as_array().cloned().unwrap_or_default()
}

#[test]
fn a_million_digit_number_is_read_without_overflow() {
    let text = format!(
        "The bill came to ${} billion, up from $5 billion.",
        "9".repeat(1_000_000)
    );
    let o = check(text.as_bytes(), "plain");
    completed(&o);
    // The number is far too large to be an f64: no diagnostic may claim a
    // value for it, and the JSON stays valid.
    assert!(
        diagnostics(&o).is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let o = run(&["claims", "--format", "jsonl", "-"], Some(text.as_bytes()));
    completed(&o);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert!(v["claims"].is_array());
}

#[test]
fn deeply_nested_lists_and_quotes_are_flat_work() {
    let sentence = "Sales rose to 5 million from 9 million.\n";
    for (open, name) in [("- ", "lists"), (">", "quotes"), ("> - ", "both")] {
        let text = format!("{}{sentence}", open.repeat(100_000));
        let o = check(text.as_bytes(), "markdown");
        completed(&o);
        let d = diagnostics(&o);
        assert_eq!(d.len(), 1, "{name}: the contradiction is still found");
        // The label points at the original bytes, after the markup.
        let start = d[0]["labels"][0]["start"].as_u64().unwrap() as usize;
        assert!(start >= text.len() - sentence.len(), "{name}: {start}");
    }
}

#[test]
fn nul_bytes_make_a_binary_file_skipped_with_a_notice() {
    let dir = tempdir();
    std::fs::write(dir.join("blob.txt"), b"up 5% \x00\x00\x00 from 9%").unwrap();
    let o = figcheck()
        .args(["check", "blob.txt"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("blob.txt") && err.contains("binary"), "{err}");
}

#[test]
fn invalid_utf8_is_a_clear_error_naming_the_file() {
    let o = run(
        &["check", "-"],
        Some(b"Sales rose 5% \xc3\x28 to $9 million."),
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("UTF-8") && !err.contains("panicked"), "{err}");
}

#[test]
fn bidi_emoji_and_zero_width_characters_around_figures_keep_offsets_valid() {
    let text = "\u{202e}Sales rose to \u{200b}5 million\u{200d} from 9 million 🚀.\n\
                عدد السكان 5 مليون، ١٢٣ \u{2066}12%\u{2069} 👩‍👩‍👧 up from \u{feff}20%.\n\
                Revenue of 5\u{200b}000 dollars, 7\u{fe0f}\u{20e3} items, 3\u{2060}% more.\n";
    for format in ["plain", "markdown"] {
        let o = run(
            &["claims", "--format", "jsonl", "--input-format", format, "-"],
            Some(text.as_bytes()),
        );
        completed(&o);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
        for c in v["claims"].as_array().unwrap() {
            let (s, e) = (
                c["start"].as_u64().unwrap() as usize,
                c["end"].as_u64().unwrap() as usize,
            );
            assert!(s < e && e <= text.len(), "{c}");
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "{c}");
            assert_eq!(&text[s..e], c["text"].as_str().unwrap(), "{c}");
        }
        let o = check(text.as_bytes(), format);
        completed(&o);
    }
}

#[test]
fn a_50_mb_jsonl_line_is_one_record() {
    // Figures at both ends of 50 MB of prose: both contradictions are found
    // and the last one is located at the end of the record's text.
    let filler = "The board met again on the matter and said little about it. ";
    let text = format!(
        "Sales rose to 5 million from 9 million. {}Profit fell to $9 million from $5 million.",
        filler.repeat((50 << 20) / filler.len() + 1)
    );
    let mut input = serde_json::to_vec(&serde_json::json!({"id": "huge", "text": text})).unwrap();
    input.extend_from_slice(b"\n{\"id\": \"small\", \"text\": \"It fell 5%.\"}\n");
    assert!(input.len() > 50 << 20);
    let o = run(
        &[
            "check",
            "--input",
            "jsonl",
            "--format",
            "jsonl",
            "--ignore",
            "repeated-sentence",
            "-",
        ],
        Some(&input),
    );
    completed(&o);
    let records: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    assert_eq!(
        (&records[0]["id"], &records[1]["id"]),
        (&"huge".into(), &"small".into())
    );
    let diagnostics = records[0]["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 2);
    let last = diagnostics[1]["labels"][0]["start"].as_u64().unwrap() as usize;
    assert_eq!(&text[last..last + 10], "$9 million");
}

/// "in two weeks" reads its clause back for a tense ("we will leave in two
/// weeks"); in text without a mark, a clause ran back to the text's start at
/// every "in", so 200,000 of them in 2 MB never finished. The clause is
/// read back 1 KB at most: the "will" just before the last "in two weeks"
/// still makes it a date to come, and nothing else is one.
#[test]
fn many_in_a_week_without_a_mark_are_linear_work() {
    for sep in [" ", "\t"] {
        let filler = ["in", "a", "week", ""].join(sep).repeat(100_000);
        let text = format!("{filler}we will leave in two weeks");
        let o = run(&["claims", "--format", "jsonl", "-"], Some(text.as_bytes()));
        completed(&o);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
        let claims = v["claims"].as_array().expect("claims");
        let texts: Vec<&str> = claims.iter().map(|c| c["text"].as_str().unwrap()).collect();
        assert_eq!(texts, ["in two weeks"], "{sep:?}");
    }
}

/// Relative dates counted past the calendar ("200 centuries ago" is 20,000
/// years, past the span a date library adds without panicking) resolve to
/// nothing against a document date: from JSONL records with their date and
/// from a document given `--date`, in both commands.
#[test]
fn counts_past_the_calendar_resolve_to_nothing() {
    let texts = [
        "200 centuries ago",
        "In 2020, 199 centuries ago, sales rose.",
        "It was 1000 centuries ago, 1000 decades later, 999 years ago and 1000 weeks on.",
        "Sales rose in the past 300 centuries and the next 250 centuries.",
    ];
    let mut input = String::new();
    for (i, text) in texts.iter().enumerate() {
        let record = serde_json::json!({"id": i, "text": text, "date": "2020-05-01"});
        input.push_str(&format!("{record}\n"));
    }
    for command in ["check", "claims"] {
        let o = run(
            &[command, "--input", "jsonl", "--format", "jsonl", "-"],
            Some(input.as_bytes()),
        );
        completed(&o);
        assert_eq!(
            String::from_utf8_lossy(&o.stdout).lines().count(),
            texts.len()
        );
        let o = run(
            &[command, "--date", "2020-05-01", "--format", "jsonl", "-"],
            Some(texts.join(" ").as_bytes()),
        );
        completed(&o);
    }
}

/// Records piped in one at a time are answered one at a time: each answer
/// is written out while the producer is still to send the next, not when
/// a batch is full, 8 KB of output have gathered or the input ends.
#[test]
fn a_trickle_of_records_is_answered_as_it_comes() {
    let mut child = piped(&["check", "--input", "jsonl", "--format", "jsonl", "-"]);
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufRead::lines(std::io::BufReader::new(stdout)) {
            let _ = tx.send(line.unwrap());
        }
    });
    for id in 0..3 {
        let text = "Sales rose to $5 million from $9 million.";
        let record = format!("{}\n", serde_json::json!({"id": id, "text": text}));
        stdin.write_all(record.as_bytes()).unwrap();
        stdin.flush().unwrap();
        // a minute is no speed bar: an answer held back never comes while
        // the input is open
        let line = rx
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("the record's answer before the next record");
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["id"], id);
        assert_eq!(v["diagnostics"].as_array().map(Vec::len), Some(1));
    }
    drop(stdin);
    assert_eq!(child.wait().unwrap().code(), Some(1));
    reader.join().unwrap();
    assert!(rx.try_recv().is_err());
}

#[test]
fn a_closed_stdout_ends_the_run_quietly() {
    let text = "Sales rose to 5 million from 9 million.\n".repeat(2_000);
    let mut child = piped(&["check", "--format", "jsonl", "-"]);
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(text.as_bytes());
    });
    // Read one byte, then hang up, as `figcheck … | head -c 1` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    let _ = stdout.read(&mut first);
    drop(stdout);
    let _ = writer.join();
    let o = child.wait_with_output().unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{:?}", o.status);
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
}

/// A fresh empty directory under the target directory.
fn tempdir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "hostile-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn thousands_of_findings_on_one_long_line_render_as_human_reports() {
    // Columns past 65,535 and a whole-file scan per report once made the
    // human renderer panic and take quadratic time here.
    let text = "Sales rose to 5 million from 9 million; ".repeat(3_000);
    let o = run(&["check", "-"], Some(text.as_bytes()));
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8_lossy(&o.stdout);
    // a few pairs fall across the 4 KB cuts of this sentence-less line
    assert!(out.matches("direction-contradicts-values").count() > 2_900);
    // reports far along the line are located at their own column
    let far = out
        .match_indices("[-:1:")
        .filter_map(|(i, _)| out[i + 5..].split(']').next()?.parse::<usize>().ok())
        .max()
        .unwrap_or(0);
    assert!(far > 100_000, "{far}");
}
