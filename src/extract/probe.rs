//! Every parser family alone at one position, for the `parsers` fuzz target
//! and the property tests below.
//!
//! The scanner calls each parser only where its gate and its own order let
//! it, so fuzzing the whole extraction never reaches most pairs of parser
//! and position: the date parser is not tried inside "95 million", the unit
//! reader not after a word. A parser reads the text from a position up to
//! an end (the sentence's, or a range given with it), and a later caller (a
//! new check, a changed gate) may call it anywhere. [`misread_at`] calls
//! each one at a position, including positions that are no word start,
//! which some parsers do not promise to handle, and checks the answers: no
//! panic, and every span returned lies between the position and the end,
//! on char boundaries.

use crate::source::Span;

use super::{approx, date, money, multiplier, number, quantity, scan, stats};

/// The spans each parser returns when called at `pos` inside `sentence`,
/// named by parser; at the sentence's start, also the readers that take the
/// whole sentence. `pos` must be a char boundary inside the sentence or its
/// end.
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
        // the scanner's reader of the cents after a whole amount
        if let Some((_, e)) = scan::minor_after(text, c, 1.0, end) {
            put("minor unit after a currency", c.end, e);
        }
    }
    if let Some((_, e)) = quantity::percent(text, pos, end) {
        put("percent", pos, e);
    }
    if let Some(u) = quantity::unit(text, pos, end) {
        put("unit", u.start, u.end);
        if let Some((_, _, e)) = quantity::part_after(text, u.name, u.end, end) {
            put("part after a unit", u.end, e);
        }
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
    if pos == sentence.start {
        for m in multiplier::scan(text, sentence.clone()) {
            put("multiplier in the sentence", m.span.start, m.span.end);
        }
        for r in stats::reports(text, sentence.clone()) {
            for span in [r.span, r.statistic_span, r.p_span] {
                put("statistics report", span.start, span.end);
            }
        }
    }
    out
}

/// Calls every parser at `pos` inside `sentence` or at its end (a char
/// boundary, or nothing is called) and describes the first span that does
/// not lie between `pos` and the sentence's end on char boundaries, or
/// `None`.
pub fn misread_at(text: &str, sentence: Span, pos: usize) -> Option<String> {
    if sentence.start > sentence.end
        || text.get(sentence.clone()).is_none()
        || pos < sentence.start
        || pos > sentence.end
        || !text.is_char_boundary(pos)
    {
        return None;
    }
    misplaced(text, &sentence, pos, reads_at(text, &sentence, pos))
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

/// [`misread_at`] at every char boundary of every sentence of `text`, with
/// the sentence's end and with the sentence cut before each of its ASCII
/// punctuation marks (so that a parser is also asked where its end falls
/// inside a bracket, a decimal or a date: "5 (kg", "4.", "9/").
pub fn misread(text: &str) -> Option<String> {
    let b = text.as_bytes();
    crate::source::sentence::split(text)
        .into_iter()
        .find_map(|s| {
            let cuts = (s.start + 1..s.end).filter(|&e| b[e].is_ascii_punctuation());
            std::iter::once(s.end).chain(cuts).find_map(|end| {
                (s.start..=end)
                    .filter(|&p| text.is_char_boundary(p))
                    .find_map(|p| misread_at(text, s.start..end, p))
            })
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
        // 2 seed articles, 16 check fixtures, 3 HTML pages, 3 suppression files
        assert!(
            read >= 24,
            "only {read} fixtures read under {}",
            root.display()
        );
    }

    #[test]
    fn each_parser_is_called() {
        let text = "Nearly 2,000 people, 45 years old, paid 5 dlrs and 50 cents for 13 barrels of \
                    Russian oil, 1 hour and a half, up 4.2% in September 2021, \
                    which doubled two weeks ago, t(20) = 2.1, p = .04.";
        let sentence = 0..text.len();
        let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle}"));
        for (pos, read) in [
            (0, "approximator Nearly"),
            (at("2,000"), "number 2,000"),
            (at(" people"), "counted noun people"),
            (at(" years old"), "unit years"),
            (at(" old"), "age  old"),
            (at(" dlrs"), "currency after dlrs"),
            (at(" dlrs"), "minor unit after a currency  and 50 cents"),
            (at(" barrels"), "unit barrels"),
            (at(" of Russian"), "measured Russian oil"),
            (at(" hour"), "part after a unit  and a half"),
            (at("4.2") + 3, "percent %"),
            (at("September"), "date September 2021"),
            (at("doubled"), "multiplier doubled"),
            (at("two weeks"), "relative date two weeks ago"),
            (0, "multiplier in the sentence doubled"),
            (0, "statistics report t(20) = 2.1, p = .04"),
        ] {
            let reads: Vec<String> = reads_at(text, &sentence, pos)
                .into_iter()
                .map(|(p, s)| format!("{p} {}", &text[s]))
                .collect();
            assert!(
                reads.iter().any(|x| x == read),
                "{read} at {pos}: {reads:?}"
            );
        }
        assert_eq!(misread(text), None);
    }

    #[test]
    fn a_span_out_of_place_is_reported() {
        let text = "It cost $5 million.";
        // past the sentence end, before the position, reversed
        for bad in [8..12, 7..9, Span { start: 9, end: 8 }] {
            let m = misplaced(text, &(0..10), 8, vec![("x", bad.clone())]);
            assert!(m.is_some_and(|m| m.starts_with("x at 8")), "{bad:?}");
        }
        assert_eq!(misplaced(text, &(0..10), 8, vec![("x", 8..10)]), None);
        let e = "an é";
        assert!(
            misplaced(e, &(0..e.len()), 0, vec![("x", 0..4)]).is_some(),
            "inside é"
        );
        assert_eq!(misplaced(e, &(0..e.len()), 0, vec![("x", 0..5)]), None);
    }

    #[test]
    fn a_unit_is_not_read_past_a_cut_end() {
        // the sentence cut before the closing bracket: "(kg" is no unit
        let text = "It weighs 5 (kg) now.";
        let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle}"));
        assert_eq!(misread_at(text, 0..at(")"), at(" (")), None);
        assert_eq!(misread(text), None);
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
