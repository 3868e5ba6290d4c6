//! Regression tests for the inputs the fuzzers found crashes with: each file
//! in `tests/fixtures/fuzz/` (named `<target>-<n>`) goes through every stage
//! the fuzz targets exercise, in every input format, and must not panic.

use std::path::Path;

use figcheck::analysis::{Analysis, Options};
use figcheck::render::{Checked, json};
use figcheck::source::{self, InputFormat, sentence};
use figcheck::{RuleSet, check, extract};

const FORMATS: [InputFormat; 3] = [InputFormat::Plain, InputFormat::Markdown, InputFormat::Html];

/// Every stage on `bytes`: the source layer's map stays inside the source,
/// claims and labels lie on char boundaries, and the JSON renderers run.
#[track_caller]
fn assert_pipeline_survives(name: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let sentences = sentence::split(&text);
    for c in extract::extract(&text, &sentences) {
        assert!(
            text.get(c.span.clone()).is_some(),
            "{name}: claim {:?}",
            c.span
        );
    }
    assert_eq!(extract::probe::misread(&text), None, "{name}");
    let rules = RuleSet::all();
    for format in FORMATS {
        let prose = source::prose(&text, format);
        let end = prose.map.to_source_pos(prose.text.len());
        assert!(
            end <= text.len(),
            "{name}: {format:?} prose maps past the end"
        );
        let doc = Analysis::new(&text, &Options { format, date: None });
        let diagnostics = check::run(&doc, &rules);
        for d in &diagnostics {
            for l in &d.labels {
                assert!(
                    text.get(l.span.clone()).is_some(),
                    "{name}: label {:?}",
                    l.span
                );
            }
        }
        let checked = Checked::new(name, &text, diagnostics);
        let mut out = Vec::new();
        json::write_line(&mut out, &json::diagnostics(&checked)).unwrap();
        json::write_line(&mut out, &json::claims(&doc)).unwrap();
    }
}

#[test]
fn saved_fuzz_inputs_do_not_crash() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    inputs.retain(|p| p.file_name().is_some_and(|n| n != "README"));
    inputs.sort();
    for path in &inputs {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).unwrap();
        assert_pipeline_survives(&name, &bytes);
    }
}

/// The harness itself on inputs of the kinds the fuzzers favour.
#[test]
fn hostile_snippets_do_not_crash() {
    for s in [
        "",
        "\u{0}",
        "1e999%",
        "$-.5bn",
        "<p>&amp;1</p>",
        "# 1\n\n> 2 to 1",
        "\u{202e}12\u{200b}%",
    ] {
        assert_pipeline_survives(s, s.as_bytes());
    }
}
