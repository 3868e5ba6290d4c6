//! Fuzzes the whole pipeline: arbitrary bytes, read as UTF-8 (lossily), in
//! each input format, through every check and the JSON renderer.
#![no_main]

use figcheck::analysis::{Analysis, Options};
use figcheck::render::{Checked, json};
use figcheck::source::InputFormat;
use figcheck::{RuleSet, check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let rules = RuleSet::all();
    for format in [InputFormat::Plain, InputFormat::Markdown, InputFormat::Html] {
        let options = Options {
            format,
            date: jiff::civil::Date::new(2024, 2, 29).ok(),
        };
        let doc = Analysis::new(&text, &options);
        let diagnostics = check::run(&doc, &rules);
        for d in &diagnostics {
            for l in &d.labels {
                assert!(
                    text.get(l.span.clone()).is_some(),
                    "label {:?} not in source",
                    l.span
                );
            }
        }
        let checked = Checked::new("fuzz", &text, diagnostics);
        let mut out = Vec::new();
        json::write_line(&mut out, &json::diagnostics(&checked)).expect("writing to a Vec");
        let mut out = Vec::new();
        json::write_line(&mut out, &json::claims(&doc)).expect("writing to a Vec");
    }
});
