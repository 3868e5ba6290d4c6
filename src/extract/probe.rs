//! Every parser family alone at one position, for the `parsers` fuzz target
//! and the property tests below.
//!
//! The scanner calls each parser only where its gate and its own order let
//! it, so fuzzing the whole extraction never reaches most pairs of parser
//! and position: the date parser is not tried inside "95 million", the unit
//! reader not after a word. A parser is a function of the text, the sentence
//! end and a position, and a later caller (a new check, a changed gate) may
//! call it anywhere. [`misread_at`] calls each one at a position and checks
//! what it answers: no panic, and every span it returns lies between the
//! position and the sentence end, on char boundaries.

use crate::source::Span;

use super::{approx, date, money, multiplier, number, quantity, stats};

/// The spans each parser returns when called at `pos` inside `sentence`,
/// named by parser. `pos` must be a char boundary inside the sentence.
fn reads_at(text: &str, sentence: &Span, pos: usize) -> Vec<(&'static str, Span)> {
    let end = sentence.end;
    let mut out = Vec::new();
    let mut put = |parser, start, stop| out.push((parser, start..stop));
    for money_before in [false, true] {
        if let Some(n) = number::parse(text, pos, end, money_before) {
            put("number", n.start, n.end);
            put("number digits", n.start, n.digits_end);
        }
    }
    if let Some(a) = approx::parse(text, pos, end) {
        put("approximator", a.start, a.end);
        put("approximator and space", a.start, a.next);
    }
    if let Some(c) = money::prefix(text, pos, end) {
        put("currency before", c.start, c.end);
        put("currency before and space", c.start, c.next);
    }
    if let Some(c) = money::suffix(text, pos, end) {
        put("currency after", c.start, c.end);
    }
    if let Some((_, e)) = quantity::percent(text, pos, end) {
        put("percent", pos, e);
    }
    if let Some(u) = quantity::unit(text, pos, end) {
        put("unit", u.start, u.end);
    }
    if let Some((_, s, e)) = quantity::noun(text, pos, end) {
        put("counted noun", s, e);
    }
    if let Some(e) = quantity::age_after(text, pos, end) {
        put("age", pos, e);
    }
    if let Some((s, e)) = quantity::measured_of(text, pos, end) {
        put("measured", s, e);
    }
    if let Some(m) = multiplier::parse_at(text, pos, end) {
        put("multiplier", m.span.start, m.span.end);
        put("multiplier number", m.number_span.start, m.number_span.end);
    }
    if let Some(d) = date::parse_at(text, sentence.clone(), pos) {
        put("date", pos, d.end);
        for m in d.members.iter().flatten() {
            put("date member", m.start, m.end);
        }
    }
    if let Some(r) = date::relative::parse(text, pos, end) {
        put("relative date", pos, r.end);
    }
    out
}

/// Calls every parser at `pos` inside `sentence` (a char boundary, or the
/// call is skipped) and describes the first span that does not lie between
/// `pos` and the sentence end on char boundaries, or `None`. At the
/// sentence's start it also runs the statistics reader over the sentence.
#[doc(hidden)]
pub fn misread_at(text: &str, sentence: Span, pos: usize) -> Option<String> {
    if sentence.start > sentence.end
        || text.get(sentence.clone()).is_none()
        || !sentence.contains(&pos)
        || !text.is_char_boundary(pos)
    {
        return None;
    }
    let mut reads = reads_at(text, &sentence, pos);
    if pos == sentence.start {
        for r in stats::reports(text, sentence.clone()) {
            for span in [r.span, r.statistic_span, r.p_span] {
                reads.push(("statistics report", span));
            }
        }
    }
    misplaced(text, &sentence, pos, reads)
}

/// The first of `reads` not between `pos` and the sentence end on char
/// boundaries, described.
fn misplaced(
    text: &str,
    sentence: &Span,
    pos: usize,
    reads: Vec<(&'static str, Span)>,
) -> Option<String> {
    reads.into_iter().find_map(|(parser, span)| {
        let inside = pos <= span.start && span.start <= span.end && span.end <= sentence.end;
        (!inside || text.get(span.clone()).is_none()).then(|| {
            format!("{parser} at {pos} in sentence {sentence:?} read {span:?} of {text:?}")
        })
    })
}

/// [`misread_at`] at every char boundary of every sentence of `text`.
#[doc(hidden)]
pub fn misread(text: &str) -> Option<String> {
    crate::source::sentence::split(text)
        .into_iter()
        .find_map(|s| {
            (s.start..s.end)
                .filter(|&p| text.is_char_boundary(p))
                .find_map(|p| misread_at(text, s.clone(), p))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parser_reads_inside_the_seed_articles_and_fixtures() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut read = 0;
        for dir in ["seeds", "checks", "html", "suppress"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for e in entries.flatten() {
                if let Ok(text) = std::fs::read_to_string(e.path()) {
                    assert_eq!(misread(&text), None, "{}", e.path().display());
                    read += 1;
                }
            }
        }
        assert!(read >= 2, "no fixture read under {}", root.display());
    }

    #[test]
    fn parsers_are_called_and_their_spans_checked() {
        let text = "It cost $5 million, up 4.2% in September 2021.";
        let sentence = 0..text.len();
        let reads = |pos| -> Vec<String> {
            reads_at(text, &sentence, pos)
                .into_iter()
                .map(|(p, s)| format!("{p} {}", &text[s]))
                .collect()
        };
        for (pos, read) in [
            (8, "currency before $"),
            (9, "number 5 million"),
            (26, "percent %"),
            (31, "date September 2021"),
        ] {
            let r = reads(pos);
            assert!(r.iter().any(|x| x == read), "{read} at {pos}: {r:?}");
        }
        assert_eq!(misread_at(text, sentence.clone(), 9), None);
        assert_eq!(
            misread_at(text, 0..4, 9),
            None,
            "a position outside is skipped"
        );
        let e = "an é";
        // past the sentence end, before the position, reversed
        for bad in [8..12, 7..9, Span { start: 9, end: 8 }] {
            assert!(
                misplaced(text, &(0..10), 8, vec![("x", bad.clone())]).is_some(),
                "{bad:?}"
            );
        }
        assert!(
            misplaced(e, &(0..e.len()), 0, vec![("x", 0..4)]).is_some(),
            "inside é"
        );
        assert_eq!(misplaced(e, &(0..e.len()), 0, vec![("x", 0..5)]), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        #[test]
        fn every_parser_reads_inside_random_sentences(
            words in proptest::collection::vec(proptest::sample::select(crate::extract::scan::tests::VOCABULARY), 1..16)
        ) {
            let text = words.concat();
            proptest::prop_assert_eq!(misread(&text), None);
        }
    }
}
