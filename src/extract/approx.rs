//! Approximators: the words before a figure that make it an interval
//! ("nearly 13 million", "more than 5", "up to 40%").
//!
//! The phrases and their factors are data (`checks/lexicon/approximators.toml`);
//! this module matches them, longest first, and turns a value and a phrase
//! into the interval the claim carries.

use std::sync::LazyLock;

use serde::Deserialize;

use super::lexicon::{self, WordMap, leading_letters, match_phrase, spaces};
use super::packed::PackedLists;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    approximator: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    phrase: String,
    low: f64,
    high: f64,
}

struct Approximators {
    entries: Vec<Entry>,
    /// First word → entries starting with it, longest phrase first.
    by_first: WordMap<Vec<usize>>,
    /// `by_first` for [`parse`]: a first word, in any case, → its
    /// entries. A packed word is looked up without lowercasing or hashing
    /// it (parse 10.0 M -> 8.2 M instructions on 5 MB of news).
    packed: PackedLists<usize>,
    /// Phrases that are symbols ("~", "<", "≈") by their first byte,
    /// longest first: most figures begin with a digit, which none does.
    symbols: Vec<Vec<usize>>,
}

static APPROX: LazyLock<Approximators> = LazyLock::new(|| {
    let file: File = lexicon::parse(
        "approximators",
        include_str!("../../checks/lexicon/approximators.toml"),
    );
    let mut by_first: WordMap<Vec<usize>> = WordMap::default();
    let mut symbols = Vec::new();
    for (i, e) in file.approximator.iter().enumerate() {
        let first: String = e
            .phrase
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        if first.is_empty() {
            symbols.push(i);
        } else {
            by_first.entry(first).or_default().push(i);
        }
    }
    let longest = |i: &usize| std::cmp::Reverse(file.approximator[*i].phrase.len());
    for v in by_first.values_mut() {
        v.sort_by_key(longest);
    }
    symbols.sort_by_key(longest);
    let mut by_byte = vec![Vec::new(); 256];
    for i in symbols {
        if let Some(&b) = file.approximator[i].phrase.as_bytes().first() {
            by_byte[usize::from(b)].push(i);
        }
    }
    let packed = PackedLists::new(by_first.iter().map(|(w, l)| (w.as_str(), l.as_slice())));
    Approximators {
        entries: file.approximator,
        by_first,
        packed,
        symbols: by_byte,
    }
});

/// An approximator found before a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Found {
    pub phrase: &'static str,
    pub low: f64,
    pub high: f64,
    pub start: usize,
    /// End of the phrase.
    pub end: usize,
    /// Where the figure may start: after the phrase and its spaces.
    pub next: usize,
}

/// The first words of the approximators that start with a word.
pub(crate) fn first_words() -> impl Iterator<Item = &'static str> {
    let a: &'static Approximators = &APPROX;
    a.by_first.keys().map(String::as_str)
}

/// The words after the first of the approximators that start with a word,
/// lowercase ("than" of "more than", "excess" and "of" of "in excess of").
pub(crate) fn later_words() -> impl Iterator<Item = String> {
    let a: &'static Approximators = &APPROX;
    a.by_first
        .values()
        .flatten()
        .flat_map(|&i| a.entries[i].phrase.split(' ').skip(1))
        .map(str::to_ascii_lowercase)
}

/// Every approximator phrase, for tests.
#[cfg(test)]
pub(crate) fn phrases() -> impl Iterator<Item = &'static str> {
    let a: &'static Approximators = &APPROX;
    a.entries.iter().map(|e| e.phrase.as_str())
}

/// True when `c` begins a symbol approximator ("~", "<", "≈").
pub(crate) fn starts_symbol(c: char) -> bool {
    let mut buf = [0u8; 4];
    let first = c.encode_utf8(&mut buf).as_bytes()[0];
    APPROX.symbols[usize::from(first)]
        .iter()
        .any(|&i| APPROX.entries[i].phrase.starts_with(c))
}

/// Matches an approximator at `pos`: a phrase followed by at least one
/// space, or a symbol, glued or not ("~5", "< 5").
///
/// Inlined where it is called: about two in five of the places it is asked
/// about begin with a byte that is no letter and begins no symbol (most
/// often a digit), which one lookup turns away before [`parse_read`] is
/// called.
#[inline(always)]
pub(crate) fn parse(text: &str, pos: usize, end: usize) -> Option<Found> {
    let &first = text.as_bytes().get(pos)?;
    if !first.is_ascii_alphabetic() && APPROX.symbols[usize::from(first)].is_empty() {
        return None;
    }
    parse_read(text, pos, end)
}

/// [`parse`] past its first-byte test.
fn parse_read(text: &str, pos: usize, end: usize) -> Option<Found> {
    let s = text.get(pos..end)?;
    let a: &'static Approximators = &APPROX;
    let &first = s.as_bytes().first()?;
    if !first.is_ascii_alphabetic() {
        for &i in &a.symbols[usize::from(first)] {
            let e = &a.entries[i];
            if let Some(n) = lexicon::match_exact(s, &e.phrase) {
                let gap = spaces(&s[n..]);
                return Some(Found {
                    phrase: e.phrase.as_str(),
                    low: e.low,
                    high: e.high,
                    start: pos,
                    end: pos + n,
                    next: pos + n + gap,
                });
            }
        }
        return None;
    }
    // the word `lower_word` would read: its letters, before no digit or
    // other script
    let b = s.as_bytes();
    let n = leading_letters(s).len();
    if b.get(n).is_some_and(|c| c.is_ascii_digit() || *c >= 0x80) {
        return None;
    }
    for &i in a.packed.get(b, n) {
        let e = &a.entries[i];
        // its first word is the one read: the rest of it is matched after
        let rest = e
            .phrase
            .get(n..)
            .and_then(|p| match_phrase(&s[n..], p, true));
        if let Some(n) = rest.map(|m| n + m) {
            let gap = spaces(&s[n..]);
            if gap == 0 {
                continue;
            }
            return Some(Found {
                phrase: e.phrase.as_str(),
                low: e.low,
                high: e.high,
                start: pos,
                end: pos + n,
                next: pos + n + gap,
            });
        }
    }
    None
}

/// The interval `value` stands for under factors `low` and `high`: ordered,
/// so that a negative value swaps the bounds. An infinite factor gives an
/// unbounded side, never NaN.
pub(crate) fn interval(value: f64, low: f64, high: f64) -> (f64, f64) {
    let mul = |f: f64| {
        if f.is_infinite() {
            if value == 0.0 { f } else { f * value.signum() }
        } else {
            value * f
        }
    };
    let (a, b) = (mul(low), mul(high));
    if a <= b { (a, b) } else { (b, a) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn found(s: &str, phrase: &str, low: f64, high: f64) {
        let f = parse(s, 0, s.len()).unwrap_or_else(|| panic!("no approximator in `{s}`"));
        assert_eq!((f.phrase, f.low, f.high), (phrase, low, high));
        assert_eq!(&s[f.start..f.end].to_ascii_lowercase(), phrase);
    }

    #[test]
    fn matches_longest_phrase() {
        found("nearly 13", "nearly", 0.9, 1.0);
        found("More than 5", "more than", 1.0, f64::INFINITY);
        found("just over 5", "just over", 1.0, 1.05);
        found("up to 40", "up to", 0.0, 1.0);
        found("an estimated 40", "an estimated", 0.9, 1.1);
        assert_eq!(parse("nearlyx 5", 0, 9), None);
        assert_eq!(parse("more", 0, 4), None);
        assert_eq!(parse("overall 5", 0, 9), None);
        assert!(first_words().any(|w| w == "about") && !first_words().any(|w| w == "the"));
        found("~5", "~", 0.9, 1.1);
        found("< 5", "<", 0.0, 1.0);
        found("ca. 5", "ca.", 0.9, 1.1);
        assert!(starts_symbol('∼') && !starts_symbol('x'));
    }

    /// [`parse`]'s first-byte test turns away only what [`parse_read`]
    /// finds nothing at: every byte offset (inside characters too) and end
    /// of texts glued from every phrase, its first byte, digits, letters,
    /// marks and other scripts.
    #[test]
    fn first_byte_test_answers_as_the_reading() {
        let a = &*APPROX;
        let mut pieces: Vec<&str> = a.entries.iter().map(|e| e.phrase.as_str()).collect();
        let firsts: Vec<String> = a
            .entries
            .iter()
            .filter_map(|e| e.phrase.chars().next().map(String::from))
            .collect();
        pieces.extend(firsts.iter().map(String::as_str));
        pieces.extend([
            " ", "5", "12", "$", "-", ".", "x", "The", "\u{e9}", "\u{2022}", "%",
        ]);
        let (mut found, mut tried) = (0, 0);
        for t in crate::testgen::glued(4_000, 6, &pieces, 0x9e37_79b9_7f4a_7c15) {
            for pos in 0..=t.len() + 1 {
                for end in [t.len(), pos + 1, pos] {
                    let got = parse(&t, pos, end);
                    assert_eq!(got, parse_read(&t, pos, end), "{t:?} {pos} {end}");
                    found += usize::from(got.is_some());
                    tried += 1;
                }
            }
        }
        assert!(found * 100 > tried, "{found} of {tried}");
    }

    /// Symbols sharing a first byte ("∼", "≈", "≥" and "≤" all begin with
    /// 0xE2; ">=" and ">") are each found, the longest first.
    #[test]
    fn symbols_are_found_by_their_first_byte() {
        found("\u{2248} 5", "\u{2248}", 0.9, 1.1);
        found("\u{223c}5", "\u{223c}", 0.9, 1.1);
        found("\u{2265}5", "\u{2265}", 1.0, f64::INFINITY);
        found("\u{2264} 5", "\u{2264}", 0.0, 1.0);
        found(">= 5", ">=", 1.0, f64::INFINITY);
        found("> 5", ">", 1.0, f64::INFINITY);
        found("<=5", "<=", 0.0, 1.0);
        for s in ["5", "-5", "\u{2022} 5", "$5"] {
            assert_eq!(parse(s, 0, s.len()), None, "{s}");
        }
        assert!(starts_symbol('\u{2248}') && starts_symbol('>') && !starts_symbol('5'));
        assert!(!starts_symbol('\u{2022}'));
    }

    #[test]
    fn intervals_are_ordered() {
        assert_eq!(interval(13e6, 0.9, 1.0), (13e6 * 0.9, 13e6));
        assert_eq!(interval(-10.0, 0.9, 1.0), (-10.0, -9.0));
        assert_eq!(interval(5.0, 1.0, f64::INFINITY), (5.0, f64::INFINITY));
        assert_eq!(
            interval(-5.0, 1.0, f64::INFINITY),
            (f64::NEG_INFINITY, -5.0)
        );
        assert_eq!(interval(0.0, 1.0, f64::INFINITY), (0.0, f64::INFINITY));
    }

    /// [`parse`] finds the entries of a first word as `by_first` holds
    /// them, which needs every first word packed; and finds none for
    /// words that are no first word, or are joined to digits or other
    /// scripts, as a lowercased lookup did.
    #[test]
    fn packed_first_words_are_the_map() {
        let a: &Approximators = &APPROX;
        for (w, entries) in &a.by_first {
            assert!(super::super::packed::packable(w), "`{w}` is not packed");
            for form in [w.clone(), w.to_ascii_uppercase()] {
                assert_eq!(a.packed.get(form.as_bytes(), w.len()), entries, "{form}");
            }
        }
        for t in [
            "about5",
            "abouté 5",
            "abouts 5",
            "the 5",
            "abou 5",
            "ABOUT 5",
        ] {
            let want = t.starts_with("ABOUT").then_some("about");
            assert_eq!(parse(t, 0, t.len()).map(|f| f.phrase), want, "{t}");
        }
        // the lookup of a lowercased word in `by_first`, and every phrase
        // matched whole, as `parse` read words before
        let reference = |s: &str| {
            let mut buf = lexicon::WordBuf::new();
            let (w, _) = lexicon::lower_word(s, &mut buf)?;
            a.by_first.get(w)?.iter().find_map(|&i| {
                let e = &a.entries[i];
                let n = match_phrase(s, &e.phrase, true)?;
                let gap = spaces(&s[n..]);
                (gap > 0).then_some((e.phrase.as_str(), n, n + gap))
            })
        };
        let mut texts: Vec<String> = Vec::new();
        for p in phrases().chain(["the", "abou", "x", "more then"]) {
            let spaced = p.replace(' ', "  \t");
            let mut cut = p.to_string();
            cut.pop();
            for form in [
                p.to_string(),
                p.to_ascii_uppercase(),
                spaced,
                cut.to_string(),
            ] {
                for tail in ["", " 5", "5", "é 5", "s 5", " than 5", "-5", ". 5", "  x"] {
                    texts.push(format!("{form}{tail}"));
                }
            }
        }
        let mut found = 0;
        for t in texts
            .iter()
            .filter(|t| t.starts_with(|c: char| c.is_ascii_alphabetic()))
        {
            let got = parse(t, 0, t.len()).map(|f| (f.phrase, f.end, f.next));
            assert_eq!(got, reference(t), "{t:?}");
            found += usize::from(got.is_some());
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn lexicon_is_clean() {
        let mut seen = std::collections::HashSet::new();
        for e in &APPROX.entries {
            assert!(!e.phrase.is_empty() && e.phrase == e.phrase.to_ascii_lowercase());
            assert!(seen.insert(e.phrase.as_str()), "duplicate `{}`", e.phrase);
            assert!(e.low <= e.high, "`{}`", e.phrase);
        }
    }
}
