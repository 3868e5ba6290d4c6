//! Day numbers and years written in words: "twenty nine", "thirty-first",
//! "nineteen eighty six", "nineteen hundred ninety three", "two thousand and
//! twenty". The date parser combines them with month names ("May twenty
//! nine", "the second of August") and reads a spelled year after a year cue
//! ("in nineteen ninety six").
//!
//! The words are data in `checks/lexicon/dates.toml` under `[spelled]`. Every
//! reader here looks at one word first and gives up on any word that is not a
//! number word, through a length mask and one lookup of its packed letters,
//! without allocating.

use std::sync::LazyLock;

use serde::Deserialize;

use super::LEXICON;
use crate::extract::lexicon::WordMap;
#[cfg(test)]
use crate::extract::lexicon::{WordBuf, lower_word};
use crate::extract::packed::PackedWords;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SpelledFile {
    ones: Vec<String>,
    tens: Vec<String>,
    ordinals: Vec<String>,
    ten_ordinals: Vec<String>,
}

impl SpelledFile {
    /// True when `w` (lowercase) is one of the spelled numbers: a day or
    /// year in words never ends at its first word.
    pub(super) fn holds(&self, w: &str) -> bool {
        [&self.ones, &self.tens, &self.ordinals, &self.ten_ordinals]
            .iter()
            .any(|list| list.iter().any(|x| x == w))
    }

    /// The lists have the lengths their values need and no word twice.
    #[cfg(test)]
    pub(super) fn check(&self) -> Result<(), String> {
        let lens = (
            self.ones.len(),
            self.tens.len(),
            self.ordinals.len(),
            self.ten_ordinals.len(),
        );
        if lens != (19, 8, 19, 2) {
            return Err(format!("list lengths `{lens:?}`"));
        }
        let mut seen = std::collections::HashSet::new();
        for w in self
            .ones
            .iter()
            .chain(&self.tens)
            .chain(&self.ordinals)
            .chain(&self.ten_ordinals)
        {
            if w.trim().is_empty() || !seen.insert(w.to_ascii_lowercase()) {
                return Err(format!("empty or duplicate `{w}`"));
            }
        }
        Ok(())
    }
}

/// What one number word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// 1–19.
    One(u8),
    /// 20, 30 … 90.
    Ten(u8),
    /// 1st–19th.
    Ordinal(u8),
    /// 20th, 30th.
    TenOrdinal(u8),
}

struct Words {
    map: WordMap<Word>,
    /// The words of [`Words::map`] by their packed letters: [`word_at`]'s
    /// lookup (a test checks that no word is too long for it).
    packed: PackedWords<Word>,
}

/// Per first letter, the lengths of the number words, tested on the raw
/// bytes before a word is lowercased.
static FIRST: LazyLock<[u32; 26]> = LazyLock::new(|| {
    let mut m = [0u32; 26];
    for w in WORDS.map.keys() {
        let b = w.as_bytes();
        if let Some(&c) = b.first()
            && c.is_ascii_lowercase()
            && b.len() < 32
        {
            m[usize::from(c - b'a')] |= 1 << b.len();
        }
    }
    m
});

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let f = &LEXICON.spelled;
    let mut map = WordMap::default();
    let mut put = |w: &String, v: Word| {
        let w = w.to_ascii_lowercase();
        map.insert(w, v);
    };
    for (k, w) in f.ones.iter().enumerate() {
        put(w, Word::One(k as u8 + 1));
    }
    for (k, w) in f.tens.iter().enumerate() {
        put(w, Word::Ten(k as u8 * 10 + 20));
    }
    for (k, w) in f.ordinals.iter().enumerate() {
        put(w, Word::Ordinal(k as u8 + 1));
    }
    for (k, w) in f.ten_ordinals.iter().enumerate() {
        put(w, Word::TenOrdinal(k as u8 * 10 + 20));
    }
    let packed = PackedWords::new(map.iter().map(|(w, v)| (w.as_str(), *v)));
    Words { map, packed }
});

/// The number word at the start of `s` and the text after it.
///
/// The word is looked up by its packed letters, which [`word_at_by_map`]
/// (the tests' reference) lowercases and hashes instead: the date parser
/// asks this up to five times at each spelled number it meets ("one of",
/// "two years"), ~30,000 times on the 5 MB news sample.
fn word_at(s: &str) -> Option<(Word, &str)> {
    let b = s.as_bytes();
    let len = shaped_run(b)?;
    // as `lower_word` reads it: a word joined to a digit or to another
    // script is none
    if b.get(len).is_some_and(|c| c.is_ascii_digit() || *c >= 0x80) {
        return None;
    }
    let v = WORDS.packed.get(b, len)?;
    Some((v, &s[len..]))
}

/// The length of the run of ASCII letters `b` starts with, when some
/// number word has its first letter and length; `None` otherwise.
fn shaped_run(b: &[u8]) -> Option<usize> {
    let first = b.first()?.to_ascii_lowercase();
    if !first.is_ascii_lowercase() {
        return None;
    }
    let len = b
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    (len < 32 && FIRST[usize::from(first - b'a')] & (1 << len) != 0).then_some(len)
}

/// [`word_at`] by the hash map of lowercase words.
#[cfg(test)]
fn word_at_by_map(s: &str) -> Option<(Word, &str)> {
    shaped_run(s.as_bytes())?;
    let mut buf = WordBuf::new();
    let (w, n) = lower_word(s, &mut buf)?;
    let v = *WORDS.map.get(w)?;
    Some((v, &s[n..]))
}

/// True when a number word starts `s`: the cheap test for word starts.
pub(super) fn starts(s: &str) -> bool {
    word_at(s).is_some()
}

/// Every number word [`starts`] admits, lowercase.
pub(super) fn words() -> impl Iterator<Item = &'static str> {
    WORDS.map.keys().map(String::as_str)
}

/// The number word a text starts with, looked up once for the readers
/// that begin there ([`day_of`], [`year_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Lead<'a> {
    word: Word,
    rest: &'a str,
}

impl Lead<'_> {
    /// True for "first" to "fifth": an ordinal that can number a week of
    /// a month.
    pub(super) fn is_small_ordinal(self) -> bool {
        matches!(self.word, Word::Ordinal(n) if n <= 5)
    }
}

/// The number word at the start of `s`, if any.
pub(super) fn lead(s: &str) -> Option<Lead<'_>> {
    word_at(s).map(|(word, rest)| Lead { word, rest })
}

/// The next word after one space or a hyphen ("twenty-five").
fn next(s: &str) -> Option<&str> {
    let rest = s.strip_prefix(' ').or_else(|| s.strip_prefix('-'))?;
    rest.as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphabetic)
        .then_some(rest)
}

/// The next word after one space.
fn next_word(s: &str) -> Option<&str> {
    let rest = s.strip_prefix(' ')?;
    rest.as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphabetic)
        .then_some(rest)
}

/// True when `word` (ASCII letters) starts `s` as a whole word.
fn keyword<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let head = s.get(..word.len())?;
    (head.eq_ignore_ascii_case(word)
        && !s
            .as_bytes()
            .get(word.len())
            .is_some_and(u8::is_ascii_alphanumeric))
    .then(|| &s[word.len()..])
}

/// A number from 1 to 99 in words: its value, whether it is an ordinal,
/// whether it took two words, and the text after it.
fn small(s: &str) -> Option<(u8, bool, bool, &str)> {
    small_of(lead(s)?)
}

/// [`small`] from its first word.
fn small_of(lead: Lead<'_>) -> Option<(u8, bool, bool, &str)> {
    let Lead { word, rest } = lead;
    match word {
        Word::One(n) => Some((n, false, false, rest)),
        Word::Ordinal(n) => Some((n, true, false, rest)),
        Word::TenOrdinal(n) => Some((n, true, false, rest)),
        Word::Ten(t) => {
            if let Some((w2, rest2)) = next(rest).and_then(word_at) {
                match w2 {
                    Word::One(n) if n < 10 => return Some((t + n, false, true, rest2)),
                    Word::Ordinal(n) if n < 10 => return Some((t + n, true, true, rest2)),
                    _ => {}
                }
            }
            Some((t, false, false, rest))
        }
    }
}

/// True when a spelled number ending before `rest` ends there: no letter or
/// digit, and no hyphen into a word ("twenty-something").
fn ends(rest: &str) -> bool {
    let b = rest.as_bytes();
    match b.first() {
        None => true,
        Some(c) if c.is_ascii_alphanumeric() => false,
        Some(b'-') => !b.get(1).is_some_and(u8::is_ascii_alphanumeric),
        Some(_) => true,
    }
}

/// A day of the month in words, 1–31: any ordinal ("first", "thirty-first")
/// or a cardinal of ten or more ("twenty nine"); "one" to "nine" are too
/// often counts ("May one day"). Returns the day, whether it is an ordinal,
/// and the text after it.
pub(super) fn day(s: &str) -> Option<(u8, bool, &str)> {
    day_of(lead(s)?)
}

/// [`day`] from its first word.
pub(super) fn day_of(lead: Lead<'_>) -> Option<(u8, bool, &str)> {
    let (n, ordinal, _, rest) = small_of(lead)?;
    if !(1..=31).contains(&n) || (!ordinal && n < 10) || !ends(rest) {
        return None;
    }
    Some((n, ordinal, rest))
}

/// A year in words, 1000–2199: "nineteen eighty six", "twenty twenty",
/// "nineteen hundred \[and\] ninety three", "two thousand \[and\] twenty". A
/// lone "two thousand" or "nineteen hundred" is as likely a count and is
/// not read.
pub(super) fn year(s: &str) -> Option<(i32, &str)> {
    year_of(lead(s)?)
}

/// [`year`] from its first word.
pub(super) fn year_of(lead: Lead<'_>) -> Option<(i32, &str)> {
    let Lead { word, rest } = lead;
    let century = match word {
        Word::One(2) => {
            // "two thousand [and] thirty two"
            let rest = next_word(rest).and_then(|r| keyword(r, "thousand"))?;
            let rest = next_word(rest)?;
            let rest = keyword(rest, "and").and_then(next_word).unwrap_or(rest);
            let (n, ordinal, _, rest) = small(rest)?;
            if ordinal || !ends(rest) {
                return None;
            }
            return Some((2000 + i32::from(n), rest));
        }
        Word::One(c) if c >= 10 => c,
        Word::Ten(20) => 20,
        _ => return None,
    };
    let after = next_word(rest)?;
    let (rest, hundred) = match keyword(after, "hundred") {
        Some(r) => {
            let r = next_word(r)?;
            (keyword(r, "and").and_then(next_word).unwrap_or(r), true)
        }
        None => (after, false),
    };
    let (n, ordinal, _, rest) = small(rest)?;
    // "nineteen eighty six": the second part is 10–99 ("nineteen five" is
    // two numbers); after "hundred" any 1–99
    if ordinal || (!hundred && n < 10) || !ends(rest) {
        return None;
    }
    Some((i32::from(century) * 100 + i32::from(n), rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::packed::packable;

    #[track_caller]
    fn day_is(s: &str, expected: u8, rest: &str) {
        let got = day(s).map(|(d, _, r)| (d, r));
        assert_eq!(got, Some((expected, rest)), "day in `{s}`");
    }

    #[track_caller]
    fn no_day(s: &str) {
        assert_eq!(day(s).map(|(d, _, _)| d), None, "day in `{s}`");
    }

    #[track_caller]
    fn year_is(s: &str, expected: i32, rest: &str) {
        assert_eq!(year(s), Some((expected, rest)), "year in `{s}`");
    }

    #[track_caller]
    fn no_year(s: &str) {
        assert_eq!(year(s).map(|(y, _)| y), None, "year in `{s}`");
    }

    /// [`word_at`]'s packed lookup answers as the hash map does: on every
    /// number word in three cases, cut short and run on, before a space, a
    /// hyphen, a digit, an accented letter and nothing, and on words glued
    /// at random from letters and pieces of number words.
    #[test]
    fn packed_lookup_matches_the_map() {
        assert!(WORDS.map.keys().all(|w| packable(w)));
        let glued = crate::testgen::glued(
            4000,
            5,
            &[
                "t", "e", "n", "th", "ty", "one", "Two", "eigh", "ir", "een", "x", "s",
            ],
            0x9e37_79b9_7f4a_7c15,
        );
        let tails = ["", " May", "-first", "1", "\u{e9}", ".", "\u{2019}s"];
        let words = WORDS.map.keys().map(String::as_str);
        let mut hits = 0;
        for s in crate::testgen::lookup_probes(words, glued, &tails) {
            let fast = word_at(&s);
            assert_eq!(fast, word_at_by_map(&s), "{s:?}");
            hits += usize::from(fast.is_some());
        }
        assert!(hits > 500, "{hits}");
    }

    #[test]
    fn lexicon_lists_each_word_once() {
        assert_eq!(LEXICON.spelled.check(), Ok(()));
    }

    #[test]
    fn days_in_words() {
        day_is("twenty nine", 29, "");
        day_is("Thirty-first of May", 31, " of May");
        day_is("first two thousand", 1, " two thousand");
        day_is("ninth through", 9, " through");
        day_is("fifteen August", 15, " August");
        day_is("twentieth.", 20, ".");
        day_is("twenty five nineteen", 25, " nineteen");
    }

    #[test]
    fn not_days() {
        no_day("one day");
        no_day("nine");
        no_day("forty");
        no_day("thirty two");
        no_day("twenty-something");
        no_day("firstly");
        no_day("tent");
    }

    #[test]
    fn years_in_words() {
        year_is("nineteen eighty six", 1986, "");
        year_is("nineteen ninety six and", 1996, " and");
        year_is("two thousand and twenty", 2020, "");
        year_is("two thousand thirty two.", 2032, ".");
        year_is("nineteen hundred ninety three,", 1993, ",");
        year_is("nineteen hundred and five", 1905, "");
        year_is("twenty twenty-one", 2021, "");
        year_is("Eighteen sixty", 1860, "");
    }

    #[test]
    fn not_years() {
        no_year("two thousand");
        no_year("two thousand people");
        no_year("nineteen five");
        no_year("nineteen");
        no_year("twenty five");
        no_year("three hundred ninety");
        no_year("nineteen eighty sixth");
        no_year("nineteen hundred");
        no_year("twenty twenty-somethings");
    }
}
