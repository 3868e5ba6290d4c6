//! Lexicons: the word lists figcheck reads, kept as data in `checks/lexicon/`
//! and embedded at compile time, plus the byte-level helpers the parsers use
//! to look words up in them without allocating.
//!
//! Each list is parsed once, on first use, into a `'static` value, so claims
//! can hold `&'static str` units and phrases without allocating. The files are
//! strict (`deny_unknown_fields`); a test parses every one of them, so a
//! mistyped key fails the build's tests instead of silently matching nothing.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::de::DeserializeOwned;

/// Parses an embedded lexicon. A parse failure is a bug in figcheck's own
/// data, caught by the lexicon tests, never by a user.
///
/// A file of `checks/` is read from the JSON the build script wrote of it
/// ([`compiled`]), into the same structs: `toml` took 9 M instructions of
/// every run to read them, `serde_json` takes a fraction. Any other text
/// is read as TOML.
#[expect(
    clippy::panic,
    reason = "the text is figcheck's own, embedded at compile time and parsed by the lexicon tests"
)]
pub fn parse<T: DeserializeOwned>(name: &str, text: &str) -> T {
    let read = match compiled(text) {
        Some(json) => serde_json::from_str(json).map_err(|e| e.to_string()),
        None => toml::from_str(text).map_err(|e| e.to_string()),
    };
    match read {
        Ok(v) => v,
        Err(e) => panic!("embedded lexicon `{name}` is invalid: {e}"),
    }
}

/// The JSON that `build.rs` wrote of `text`, when `text` is one of the
/// files under `checks/`: found by the text itself, so that a text that
/// is not the file (a test's own) is never given the file's data.
fn compiled(text: &str) -> Option<&'static str> {
    /// Each file's TOML text and its JSON.
    static COMPILED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/compiled.rs"));
    COMPILED
        .iter()
        .find(|(toml, _)| *toml == text)
        .map(|&(_, json)| json)
}

#[cfg(test)]
mod parse_tests {
    /// Every file under `checks/` is read from its JSON, and reads as the
    /// same values as `toml` reads it (integers as integers, floats as
    /// floats, every table's keys), but one that JSON cannot hold, which
    /// is read as TOML; a text that is no file is read as TOML.
    #[test]
    fn compiled_json_reads_as_the_toml() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("checks");
        let mut compiled = 0;
        for dir in [root.clone(), root.join("lexicon")] {
            for entry in std::fs::read_dir(dir).expect("checks/ is readable") {
                let path = entry.expect("a directory entry").path();
                if path.extension().is_none_or(|x| x != "toml") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("UTF-8");
                let want: toml::Value = toml::from_str(&text).expect("valid TOML");
                let got: toml::Value = super::parse("test", &text);
                assert_eq!(got, want, "{path:?}");
                if super::compiled(&text).is_some() {
                    compiled += 1;
                } else {
                    // left out only for a value JSON has no form of
                    let json = serde_json::to_string(&want).expect("writes");
                    let back = serde_json::from_str::<toml::Value>(&json);
                    assert!(back.is_err(), "{path:?} not compiled");
                }
            }
        }
        assert!(compiled > 20, "{compiled} files compiled");
        let own = "a = 1\nb = [1.5, \"x\"]\n[c]\nd = true\n";
        assert!(super::compiled(own).is_none());
        let got: toml::Value = super::parse("test", own);
        assert_eq!(got, toml::from_str::<toml::Value>(own).expect("valid TOML"));
    }
}

/// FNV-1a: lexicon keys are short words, looked up at word starts in hot
/// loops, where SipHash's setup costs more than the hash itself.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map from lowercase words to lexicon entries.
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// Per first letter, the lengths of a word list's all-letter words: one
/// load and one bit test turn most prose words away before any hashing.
/// Words with other characters are never produced by [`lower_word`], so they
/// are left out.
#[derive(Default, Clone)]
pub struct LengthMask([u32; 26]);

impl LengthMask {
    pub fn insert(&mut self, word: &str) {
        let b = word.as_bytes();
        if let Some(&c) = b.first()
            && b.len() < 32
            && b.iter().all(u8::is_ascii_alphabetic)
        {
            self.0[usize::from(c.to_ascii_lowercase() - b'a')] |= 1 << b.len();
        }
    }

    /// False when no word of the list can be `word` (lowercase letters).
    pub fn may_hold(&self, word: &str) -> bool {
        let b = word.as_bytes();
        match b.first() {
            Some(&c) if c.is_ascii_lowercase() && b.len() < 32 => {
                self.0[usize::from(c - b'a')] & (1 << b.len()) != 0
            }
            _ => true,
        }
    }
}

/// Per lowercase first letter and length, the second and the last letters
/// of a word list's all-letter words: finer than [`LengthMask`] where a
/// list holds common shapes ("week" shares its first letter and length
/// with "with", "were", "when", "what", but not its last letter).
#[derive(Clone)]
pub struct ShapeMask(Box<[(u32, u32); 32 * 32]>);

impl Default for ShapeMask {
    fn default() -> Self {
        ShapeMask(Box::new([(0, 0); 32 * 32]))
    }
}

impl ShapeMask {
    /// The slot of an all-letter word shorter than 32 bytes; `None` for
    /// any other. A letter's low five bits number it from 1 to 26 in
    /// either case, so neither the slot nor [`ShapeMask::letters`] needs
    /// to lowercase, and the slot is always inside the table.
    fn slot(w: &[u8]) -> Option<usize> {
        let &c = w.first()?;
        (c.is_ascii_alphabetic() && w.len() < 32).then(|| (usize::from(c & 31) << 5) | w.len())
    }

    /// The letter bits of `w`'s second byte (its first for a one-letter
    /// word) and of its last byte (letters, see [`ShapeMask::slot`]).
    fn letters(w: &[u8]) -> (u32, u32) {
        let bit = |c: &u8| 1u32 << (c & 31);
        let second = w.get(1).or(w.first()).map_or(0, bit);
        (second, w.last().map_or(0, bit))
    }

    /// Adds `word` when it is all ASCII letters: other words are never
    /// asked about (see [`ShapeMask::may_hold`]).
    pub fn insert(&mut self, word: &str) {
        let b = word.as_bytes();
        if b.iter().all(u8::is_ascii_alphabetic)
            && let Some(k) = Self::slot(b)
        {
            let (second, last) = Self::letters(b);
            self.0[k].0 |= second;
            self.0[k].1 |= last;
        }
    }

    /// False when no word of the list equals `run`, a run of ASCII letters,
    /// under ASCII case folding. Runs of 32 letters or more are let through.
    pub fn may_hold(&self, run: &[u8]) -> bool {
        let Some(k) = Self::slot(run) else {
            return !run.is_empty();
        };
        let (seconds, lasts) = self.0[k];
        let (second, last) = Self::letters(run);
        seconds & second != 0 && lasts & last != 0
    }
}

impl<S: AsRef<str>> Extend<S> for ShapeMask {
    fn extend<I: IntoIterator<Item = S>>(&mut self, words: I) {
        for w in words {
            self.insert(w.as_ref());
        }
    }
}

impl<S: AsRef<str>> FromIterator<S> for ShapeMask {
    fn from_iter<I: IntoIterator<Item = S>>(words: I) -> Self {
        let mut m = ShapeMask::default();
        m.extend(words);
        m
    }
}

/// The ASCII letters `s` begins with: the run whose shape a
/// [`ShapeMask`] is asked about before [`lower_word`] reads the word.
pub(crate) fn leading_letters(s: &str) -> &[u8] {
    let b = s.as_bytes();
    &b[..letters_end(b, 0)]
}

/// The number of ASCII letters and digits `s` begins with: the head a
/// unit or currency symbol is compared with ("m2", "US").
pub(crate) fn alnum_head(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_alphanumeric).count()
}

/// Asserts that `mask` turns none of the all-letter `keys` away, in any of
/// three cases: the words [`lower_word`] would find in the map are all let
/// through.
#[cfg(test)]
#[track_caller]
pub(crate) fn assert_shapes_hold<'k>(mask: &ShapeMask, keys: impl Iterator<Item = &'k String>) {
    let mut n = 0;
    for k in keys {
        let mut capital = k.clone();
        capital[..1.min(k.len())].make_ascii_uppercase();
        for form in [k.clone(), k.to_ascii_uppercase(), capital] {
            let run = leading_letters(&form);
            if run.len() == form.len() && !run.is_empty() {
                assert!(mask.may_hold(run), "`{form}` turned away");
                n += 1;
            }
        }
    }
    assert!(n > 0, "no key tried");
}

/// The longest word a lexicon holds; longer words are never looked up.
pub const MAX_WORD: usize = 24;

/// [`LETTERS`]: an ASCII lowercase letter.
const LOWER: u8 = 1;
/// [`LETTERS`]: an ASCII uppercase letter.
const UPPER: u8 = 2;
/// Per byte: [`LOWER`], [`UPPER`] or 0 (no ASCII letter).
static LETTERS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_lowercase() {
            LOWER
        } else if b.is_ascii_uppercase() {
            UPPER
        } else {
            0
        };
        c += 1;
    }
    t
};

/// A stack buffer for one lowercased word ([`lower_word`]).
pub type WordBuf = arrayvec::ArrayString<MAX_WORD>;

/// The ASCII letters at the start of `s`, lowercased into `buf`, and their
/// byte length. `None` when `s` does not start with a letter or the word is
/// longer than [`MAX_WORD`] (no lexicon word is).
#[inline]
pub fn lower_word<'b>(s: &'b str, buf: &'b mut WordBuf) -> Option<(&'b str, usize)> {
    let b = s.as_bytes();
    let mut n = 0;
    let mut seen = 0;
    for &c in b {
        let k = LETTERS[usize::from(c)];
        if k == 0 {
            break;
        }
        if n == MAX_WORD {
            return None;
        }
        seen |= k;
        n += 1;
    }
    if n == 0 || b.get(n).is_some_and(|c| c.is_ascii_digit() || *c >= 0x80) {
        return None;
    }
    let word = s.get(..n)?;
    // Most prose words are lowercase already: borrow them from `s` (this
    // runs at every word start). The others are copied as a `str` and
    // lowercased in place, which needs no UTF-8 validation of the copy.
    if seen & UPPER == 0 {
        return Some((word, n));
    }
    buf.clear();
    buf.try_push_str(word).ok()?;
    buf.make_ascii_lowercase();
    Some((buf.as_str(), n))
}

/// True when nothing word-like follows `at`: the end, or a byte that is not
/// an ASCII letter or digit. Non-ASCII letters end words too, which is safe
/// for the lexicons' ASCII words.
pub fn ends_word(s: &str, at: usize) -> bool {
    s.as_bytes()
        .get(at)
        .is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// The longest word [`pack_word`] holds: its letters fill a `u128`.
pub const PACKED: usize = 16;

/// The first `n` bytes of `b` (ASCII letters, 1 to [`PACKED`] of them)
/// lowercased, first letter in the lowest byte, zeros above: a key no
/// other word shares and no word has as 0. With 16 bytes at hand they are
/// read in one load and masked, instead of copying a word of variable
/// length; setting bit 5 lowercases a letter. The gate's cache and the
/// context's word classes are keyed by it.
#[inline(always)]
pub fn pack_word(b: &[u8], n: usize) -> u128 {
    // a table, not a shift: a `u128` shift by a variable is a branch and
    // three shifts, at every word the gate or the context reads
    let keep = KEEP.get(n).copied().unwrap_or(0);
    let case = keep & u128::from_le_bytes([0x20; PACKED]);
    match b.first_chunk::<PACKED>() {
        Some(chunk) => (u128::from_le_bytes(*chunk) & keep) | case,
        None => pack_letters(&b[..n]),
    }
}

/// Per word length 0 to [`PACKED`]: the mask that keeps its bytes.
static KEEP: [u128; PACKED + 1] = {
    let mut t = [0u128; PACKED + 1];
    let mut n = 1;
    while n <= PACKED {
        t[n] = u128::MAX >> (8 * (PACKED - n));
        n += 1;
    }
    t
};

/// The run of ASCII letters at the start of `chunk`, measured and packed
/// in one reading when it ends within the chunk: `read` of its length `n`
/// (under [`PACKED`]) and [`pack_word`] of it, from the eight-byte words
/// its end was found in. The scanner's walk reads every word so, where
/// measuring the word ([`letters_end`]) and packing it again with a
/// table's mask cost ~12 instructions more a word (7.7 M of a `check` run
/// on 5.6 MB of news). `read` is inlined at each of the two ends, after a
/// word of up to seven letters, whose key's high half is zero, and after
/// a longer one: the cache's hash of the first folds that half away.
/// `None` for a run of [`PACKED`] letters or more.
#[inline(always)]
pub fn measure_packed<R>(chunk: &[u8; PACKED], read: impl FnOnce(usize, u128) -> R) -> Option<R> {
    const CASE: u64 = 0x2020_2020_2020_2020;
    let (lo, hi) = chunk.split_first_chunk::<8>()?;
    let lo = u64::from_le_bytes(*lo);
    // the bytes before the first that is no letter, from its high bit: the
    // lowest set bit, at 8k + 7, shifted to 8k, less one
    let keep = |stops: u64| ((stops & stops.wrapping_neg()) >> 7).wrapping_sub(1);
    let stops = !letters(lo) & HIGH_BITS;
    if stops != 0 {
        let n = (stops.trailing_zeros() / 8) as usize;
        return Some(read(n, u128::from((lo | CASE) & keep(stops))));
    }
    let hi = u64::from_le_bytes(*hi.first_chunk::<8>()?);
    let stops = !letters(hi) & HIGH_BITS;
    if stops != 0 {
        let n = 8 + (stops.trailing_zeros() / 8) as usize;
        let high = (hi | CASE) & keep(stops);
        return Some(read(n, u128::from(lo | CASE) | u128::from(high) << 64));
    }
    None
}

/// [`pack_word`] a byte at a time: for the end of a text, for building
/// tables of listed words, and what the one-load reading must agree with.
pub fn pack_letters(run: &[u8]) -> u128 {
    run.iter()
        .rev()
        .fold(0, |k, &c| k << 8 | u128::from(c.to_ascii_lowercase()))
}

/// Matches a lexicon phrase at the start of `s`, ignoring ASCII case: a space
/// in `phrase` matches one or more spaces or tabs. Returns the byte length
/// matched. When `word` is set, a letter or digit may not follow the match.
///
/// Most bytes compared are equal as they stand (prose and phrases are
/// mostly lowercase), which one compare tells; only the others are folded,
/// where `eq_ignore_ascii_case` folded both bytes of every pair (~20
/// instructions a byte, ~8 M on 5 MB of news).
pub fn match_phrase(s: &str, phrase: &str, word: bool) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    for &p in phrase.as_bytes() {
        let &c = b.get(i)?;
        if p == b' ' {
            if c != b' ' && c != b'\t' {
                return None;
            }
            i += 1;
            while matches!(b.get(i), Some(b' ' | b'\t')) {
                i += 1;
            }
        } else if c == p || (c | 0x20 == p | 0x20 && p.is_ascii_alphabetic()) {
            // a letter matches itself in either case (bit 5 is the case),
            // any other byte only itself
            i += 1;
        } else {
            return None;
        }
    }
    phrase_end(s, phrase, word, i)
}

/// `Some(i)` when the bytes of `phrase` matched in `s` up to `i` make a
/// match of [`match_phrase`]: `i` ends no character of `s` midway (a
/// multi-byte phrase may not), and with `word`, no letter or digit follows
/// a phrase that ends in one.
fn phrase_end(s: &str, phrase: &str, word: bool, i: usize) -> Option<usize> {
    if !s.is_char_boundary(i) {
        return None;
    }
    let last_alnum = phrase
        .as_bytes()
        .last()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if word && last_alnum && !ends_word(s, i) {
        return None;
    }
    Some(i)
}

/// Matches `sym` exactly (case matters) at the start of `s`.
pub fn match_exact(s: &str, sym: &str) -> Option<usize> {
    s.starts_with(sym).then_some(sym.len())
}

/// The number of spaces and tabs at the start of `s`.
pub fn spaces(s: &str) -> usize {
    s.bytes().take_while(|c| *c == b' ' || *c == b'\t').count()
}

/// The runs of ASCII letters in `b`, left to right, as (start, end): each
/// run begins at a letter after a non-letter (or at the start) and ends
/// before a non-letter (or at the end). The edges are found eight bytes at
/// a time ([`letters`]), not a byte at a time.
pub(crate) fn letter_runs(b: &[u8]) -> LetterRuns<'_> {
    LetterRuns {
        b,
        at: 0,
        here: 0,
        edges: 0,
        carry: 0,
        start: 0,
    }
}

/// [`letter_runs`]' walk.
pub(crate) struct LetterRuns<'b> {
    b: &'b [u8],
    /// Where the next word of eight bytes is read.
    at: usize,
    /// The letter mask of the word read last, and its edges not yet given.
    here: u64,
    edges: u64,
    /// Bit 7 set when the last byte read is a letter.
    carry: u64,
    /// The start of the run being read.
    start: usize,
}

impl Iterator for LetterRuns<'_> {
    type Item = (usize, usize);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize)> {
        loop {
            // a letter after a non-letter starts a run, a non-letter after
            // a letter (the zero padding past the end is one) ends it
            while self.edges != 0 {
                let edge = self.edges & self.edges.wrapping_neg();
                let pos = self.at - 8 + (self.edges.trailing_zeros() / 8) as usize;
                self.edges ^= edge;
                if self.here & edge != 0 {
                    self.start = pos;
                } else {
                    return Some((self.start, pos));
                }
            }
            if self.at >= self.b.len() {
                // a run up to the end of a text of whole words
                if self.carry != 0 {
                    self.carry = 0;
                    return Some((self.start, self.b.len()));
                }
                return None;
            }
            self.here = letters(word_from(self.b, self.at));
            self.edges = self.here ^ (self.here << 8 | self.carry);
            self.carry = self.here >> 56;
            self.at += 8;
        }
    }
}

/// The end of the run of ASCII letters at `i` in `b`: the first byte at or
/// after `i` that is not a letter, or the end of `b`. Eight bytes are
/// tested at a time ([`letters`]); the scanner measures every word of a
/// text with it.
#[inline]
pub(crate) fn letters_end(b: &[u8], mut i: usize) -> usize {
    while let Some(w) = b.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let stops = !letters(u64::from_le_bytes(*w)) & HIGH_BITS;
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    // fewer than eight bytes left: the zero padding past the end is a stop
    let stops = !letters(word_from(b, i)) & HIGH_BITS;
    (i + (stops.trailing_zeros() / 8) as usize).min(b.len())
}

/// The high bit of every byte of a word.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `b` from `i` on as a little-endian word, padded with
/// zero bytes (not letters) past the end.
fn word_from(b: &[u8], i: usize) -> u64 {
    if let Some(w) = b.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        return u64::from_le_bytes(*w);
    }
    let rest = b.get(i..).unwrap_or_default();
    rest.iter().rev().fold(0, |w, &x| w << 8 | u64::from(x))
}

/// The high bit of each byte of `w` that is an ASCII letter, set: the byte
/// with bit 5 set (lowercase) and bit 7 cleared is from "a" to "z", and
/// its bit 7 was clear. Each sum stays within its byte.
pub(crate) fn letters(w: u64) -> u64 {
    const LOW_BITS: u64 = !HIGH_BITS;
    let lower = (w | 0x2020_2020_2020_2020) & LOW_BITS;
    let from_a = lower + 0x1f1f_1f1f_1f1f_1f1f; // 0x61 + 0x1f = 0x80
    let past_z = lower + 0x0505_0505_0505_0505; // 0x7b + 0x05 = 0x80
    from_a & !past_z & !w & HIGH_BITS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`match_phrase`] as it read before its fast path: every pair of
    /// bytes folded with `eq_ignore_ascii_case`, then the same end test.
    fn match_phrase_folding(s: &str, phrase: &str, word: bool) -> Option<usize> {
        let b = s.as_bytes();
        let mut i = 0;
        for &p in phrase.as_bytes() {
            if p == b' ' {
                let st = i;
                while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
                    i += 1;
                }
                if i == st {
                    return None;
                }
            } else {
                match b.get(i) {
                    Some(c) if c.eq_ignore_ascii_case(&p) => i += 1,
                    _ => return None,
                }
            }
        }
        phrase_end(s, phrase, word, i)
    }

    /// [`match_phrase`] answers as [`match_phrase_folding`]: every phrase
    /// of the approximator, unit, currency and percent lexicons and a few
    /// of marks, spaces and other scripts, each in its forms (capitals,
    /// capitalised, cut short, plural, doubled), matched against strings
    /// glued from their words, letters, marks, spaces and tabs, with and
    /// without `word`. Counts the matches found and the ones found with a
    /// byte folded, so that neither path goes untried.
    #[test]
    fn match_phrase_answers_as_folding() {
        let mut phrases: Vec<String> = crate::extract::approx::phrases()
            .chain(crate::extract::quantity::phrases())
            .chain(crate::extract::money::phrases())
            .map(str::to_string)
            .collect();
        phrases.extend(
            [
                "and",
                "out of",
                "a year",
                "per  annum",
                "sq. km",
                "°C",
                "per-cent",
                "US$",
                "‰",
                " ",
                "A B",
                "@",
                "[",
                "`",
                "{",
                "",
            ]
            .map(str::to_string),
        );
        // each phrase's space also as a tab, first or after a space
        let forms: Vec<String> = phrases
            .iter()
            .flat_map(|p| {
                let mut forms = [p.replace(' ', "\t"), p.replace(' ', " \t")].to_vec();
                if p.is_ascii() && p.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
                    forms.extend(crate::testgen::word_forms(p));
                } else {
                    forms.extend([p.clone(), format!("{p}s")]);
                }
                forms
            })
            .collect();
        let mut pieces: Vec<&str> = forms.iter().map(String::as_str).collect();
        pieces.extend([
            " ", "  ", "\t", "a", "Z", "-", "5", ".", "é", "@", "`", "{", "[",
        ]);
        let probes = crate::testgen::glued(30_000, 4, &pieces, 0x9e37_79b9_7f4a_7c15);
        let (mut found, mut folded) = (0, 0);
        for p in &phrases {
            // the strings that may match at their first byte, or fail
            // there only on its case bit ("@" and "`")
            for t in forms.iter().chain(&probes).filter(|t| {
                t.as_bytes()
                    .first()
                    .is_some_and(|c| p.as_bytes().first().is_none_or(|f| f | 0x20 == c | 0x20))
            }) {
                for word in [false, true] {
                    let got = match_phrase(t, p, word);
                    assert_eq!(got, match_phrase_folding(t, p, word), "{p:?} in {t:?}");
                    if let Some(n) = got {
                        found += 1;
                        folded += usize::from(t.as_bytes()[..n] != *p.as_bytes());
                    }
                }
            }
        }
        assert!(
            found > 10_000 && folded > 1_000,
            "{found} found, {folded} folded"
        );
    }

    /// The runs of ASCII letters a byte at a time.
    fn letter_runs_bytewise(b: &[u8]) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i].is_ascii_alphabetic() {
                let start = i;
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                runs.push((start, i));
            } else {
                i += 1;
            }
        }
        runs
    }

    /// [`letter_runs`] finds the runs the bytes do, on strings glued from
    /// words, runs longer than a word, marks either side of the letters'
    /// range ("@", "[", "`", "{"), digits and characters beyond ASCII,
    /// each read from its first nine offsets so that every run meets every
    /// place in a word of eight bytes; and [`letters_end`] ends each run
    /// where the bytes do, from every offset.
    #[test]
    fn letter_runs_are_the_bytes_runs() {
        let pieces = [
            "a",
            "Up",
            "said",
            "abcdefghijklmnopq",
            " ",
            ",",
            "5",
            "@",
            "[",
            "`",
            "{",
            "é",
            "日",
            "\u{a0}",
            "ZZ",
            "\0",
        ];
        let mut runs = 0;
        for t in crate::testgen::glued(30_000, 16, &pieces, 0x2545_f491_4f6c_dd1d) {
            let b = t.as_bytes();
            for start in 0..b.len().min(9) {
                let got: Vec<_> = letter_runs(&b[start..]).collect();
                assert_eq!(got, letter_runs_bytewise(&b[start..]), "{t:?} from {start}");
                runs += got.len();
            }
            for i in 0..=b.len() {
                let bytewise = i + b[i..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .count();
                assert_eq!(letters_end(b, i), bytewise, "{t:?} from {i}");
            }
        }
        assert!(runs > 100_000, "{runs}");
        assert_eq!(letter_runs(b"").count(), 0);
        assert_eq!(letter_runs(b"abcdefgh").collect::<Vec<_>>(), [(0, 8)]);
    }

    /// [`measure_packed`] gives the run of letters at the start of 16
    /// bytes and [`pack_word`] of it when the run ends within them, and
    /// nothing for a longer run: at every offset of glued text of runs of
    /// every length, in both cases, before marks, digits, other scripts
    /// and the bytes either side of the letters.
    #[test]
    fn measure_packed_is_letters_end_and_pack_word() {
        let pieces = [
            "a",
            "Bc",
            "the",
            "defgh",
            "ijklmnop",
            "QRSTUVWXYzabcde",
            "fghijklmnopqrstuv",
            " ",
            "5",
            "@",
            "[",
            "`",
            "{",
            "\u{e9}",
            "\0",
            "-",
        ];
        let (mut short, mut long, mut none) = (0, 0, 0);
        for t in crate::testgen::glued(20_000, 12, &pieces, 0x6a09_e667_f3bc_c908) {
            let b = t.as_bytes();
            for i in 0..b.len() {
                let Some(chunk) = b[i..].first_chunk::<PACKED>() else {
                    break;
                };
                let n = letters_end(b, i) - i;
                let want = (n < PACKED).then(|| (n, pack_word(chunk, n)));
                assert_eq!(measure_packed(chunk, |n, k| (n, k)), want, "{t:?} at {i}");
                match n {
                    0..8 => short += 1,
                    8..PACKED => long += 1,
                    _ => none += 1,
                }
            }
        }
        assert!(
            short > 50_000 && long > 10_000 && none > 10_000,
            "{short} short, {long} long, {none} none"
        );
    }

    #[test]
    fn lowers_words_without_allocating() {
        let mut buf = WordBuf::new();
        assert_eq!(
            lower_word("Million dollars", &mut buf),
            Some(("million", 7))
        );
        assert_eq!(lower_word("G7", &mut buf), None);
        assert_eq!(lower_word("7", &mut buf), None);
        assert_eq!(lower_word("", &mut buf), None);
        assert_eq!(lower_word(&"a".repeat(40), &mut buf), None);
        // the longest word a lexicon may hold, in either case, and one more
        let long = "Ab".repeat(MAX_WORD / 2);
        let want = long.to_ascii_lowercase();
        assert_eq!(lower_word(&long, &mut buf), Some((want.as_str(), MAX_WORD)));
        assert_eq!(lower_word(&format!("{long}c"), &mut buf), None);
        assert_eq!(lower_word("mIXed-case", &mut buf), Some(("mixed", 5)));
        assert_eq!(lower_word("ÉTÉ", &mut buf), None);
        assert_eq!(lower_word("Caf\u{e9}", &mut buf), None);
    }

    #[test]
    fn length_masks_turn_away_only_absent_shapes() {
        let mut m = LengthMask::default();
        m.insert("twice");
        m.insert("at least");
        assert!(m.may_hold("twice") && m.may_hold("trice"));
        assert!(!m.may_hold("two") && !m.may_hold("at"));
    }

    /// A shape mask holds every word inserted, in any case, and turns
    /// away words of other shapes: every word of up to three letters is
    /// asked of a mask of some of them.
    #[test]
    fn shape_masks_hold_what_was_inserted() {
        let mut m = ShapeMask::default();
        let listed = ["a", "an", "week", "said", "to", "yesterday", "zz", "a-b"];
        for w in listed {
            m.insert(w);
        }
        let abc: Vec<char> = ('a'..='z').chain('A'..='Z').collect();
        let mut words: Vec<String> = abc.iter().map(char::to_string).collect();
        for n in 2..=3 {
            let mut next = Vec::new();
            for w in words.iter().filter(|w| w.len() == n - 1) {
                next.extend(abc.iter().map(|c| format!("{w}{c}")));
            }
            words.extend(next);
        }
        words.extend(["WEEK", "Said", "yesterdaY", "with", "sail", "seed"].map(String::from));
        let mut held = 0;
        for w in &words {
            let listed = listed.iter().any(|l| l.eq_ignore_ascii_case(w));
            if listed {
                assert!(m.may_hold(w.as_bytes()), "`{w}`");
            }
            held += usize::from(m.may_hold(w.as_bytes()));
        }
        assert!(!m.may_hold(b"with") && !m.may_hold(b"sail") && !m.may_hold(b"seed"));
        assert!(!m.may_hold(b"") && m.may_hold(&[b'a'; 40]));
        // a: 2 cases; an, to, zz: 4; the shapes' other words are few
        assert!(held < 40, "{held}");
    }

    #[test]
    fn matches_phrases_at_word_ends() {
        assert_eq!(match_phrase("More  than 5", "more than", true), Some(10));
        assert_eq!(match_phrase("millionaires", "million", true), None);
        assert_eq!(match_phrase("million.", "million", true), Some(7));
        assert_eq!(match_phrase("more", "more than", true), None);
        assert_eq!(match_exact("°C hot", "°C"), Some(3));
        assert_eq!(spaces("  \tx"), 3);
    }
}
