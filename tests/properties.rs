//! Properties that hold for any input: the pipeline never panics, and every
//! span it reports is a valid byte range on character boundaries of the
//! original text, whatever the markup.

use figcheck::analysis::{Analysis, Options};
use figcheck::check::{self, RuleSet};
use figcheck::source::InputFormat;
use proptest::prelude::*;

/// Fragments that exercise numbers, markup, line endings and non-ASCII text.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("$55 billion".to_string()),
        Just("nearly 13 million barrels".to_string()),
        Just(", up from ".to_string()),
        Just(" rose 20% to ".to_string()),
        Just(" from ".to_string()),
        Just("Thursday, March 3, 2021".to_string()),
        Just("February 30".to_string()),
        Just("between 900 and 400 workers".to_string()),
        Just("12.5%".to_string()),
        Just("−3.5".to_string()),
        Just("1,234.56".to_string()),
        Just("twenty-five".to_string()),
        Just("Sept. ".to_string()),
        Just("U.S. ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("# ".to_string()),
        Just("`".to_string()),
        Just("```\n".to_string()),
        Just("[a](http://x.org/5)".to_string()),
        Just("&amp;".to_string()),
        Just("\\*".to_string()),
        Just("---\ndate: 2022-09-15\n---\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("é€😀\u{200b}".to_string()),
        Just("- ".to_string()),
        Just("> ".to_string()),
        "[0-9.,%$ ]{1,12}",
        "\\PC{0,8}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|v| v.concat())
}

fn assert_spans_valid(text: &str, format: InputFormat) {
    let analysis = Analysis::new(text, &Options { format, date: None });
    for c in &analysis.claims {
        let s = analysis.to_source(&c.span);
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "claim span {s:?} out of range"
        );
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(
            analysis.text().get(c.span.clone()).is_some(),
            "prose span off boundary"
        );
    }
    for d in check::run(&analysis, &RuleSet::all()) {
        for l in &d.labels {
            assert!(l.span.start <= l.span.end && l.span.end <= text.len());
            assert!(text.is_char_boundary(l.span.start) && text.is_char_boundary(l.span.end));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn plain_never_panics_and_spans_are_valid(text in document()) {
        assert_spans_valid(&text, InputFormat::Plain);
    }

    #[test]
    fn markdown_never_panics_and_spans_are_valid(text in document()) {
        assert_spans_valid(&text, InputFormat::Markdown);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        assert_spans_valid(&text, InputFormat::Plain);
        assert_spans_valid(&text, InputFormat::Markdown);
    }
}
