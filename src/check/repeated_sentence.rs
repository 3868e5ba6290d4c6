//! `repeated-sentence`: a sentence of eight words or more that appears twice
//! in one document, word for word: a paste or merge left behind.
//!
//! Sentences are compared after collapsing white space (a line break inside
//! a sentence does not make it different) and case-sensitively; only
//! sentences that end as prose does (".", "!", "?") count, so repeated table
//! headings are left alone. Each sentence is looked up once in a hash map
//! keyed by its first and last bytes, and the few that share those with
//! another once more in a map keyed by their whole normalised text, so the
//! check is linear in the document; words are counted only for a sentence
//! found there, as equal sentences have as many words.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher, RandomState};
use std::sync::LazyLock;

use super::{Check, Def, Finding, FindingLabel, fill};
use crate::analysis::Analysis;

pub struct Rule;

/// Sentences shorter than this are too often repeated on purpose ("Shares
/// fell.", a refrain, a dateline).
const MIN_WORDS: usize = 8;

/// True when the sentence ends as prose does: a table row or a heading
/// repeated ("Average CD rates of city, trust and long-term banks") is
/// layout, not a slip. (The rule reads its bytes in place with
/// [`ends_as_prose_by_bytes`], decoding only where that cannot tell.)
#[cfg(test)]
fn ends_as_prose(text: &str) -> bool {
    ends_as_prose_by_bytes(text.as_bytes()).unwrap_or_else(|| ends_as_prose_decoded(text))
}

/// [`ends_as_prose`] of a sentence's bytes `b`, told by its last byte:
/// `None` when the characters must be decoded ([`ends_as_prose_decoded`]).
/// Most sentences end in an ASCII byte that settles it without decoding:
/// a terminator, or a byte that is neither one nor trimmed.
fn ends_as_prose_by_bytes(b: &[u8]) -> Option<bool> {
    match b.last() {
        Some(b'.' | b'!' | b'?') => Some(true),
        Some(&x)
            if x.is_ascii() && !matches!(x, b'"' | b'\'' | b')' | b']' | b' ' | b'\t'..=b'\r') =>
        {
            Some(false)
        }
        _ => None,
    }
}

/// [`ends_as_prose`] read by characters: what the byte test above falls
/// back to, and what it is tested against.
fn ends_as_prose_decoded(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | ')' | '”' | '’' | ']')
    });
    t.ends_with(['.', '!', '?', '…'])
}

/// A sentence as the map keys it: its text and the hash of its words
/// joined by single spaces ([`sentence_hash`]). Equal hashes are compared
/// word by word, so that white space is collapsed without copying.
#[derive(Clone, Copy)]
struct Key<'a> {
    hash: u64,
    text: &'a str,
}

impl PartialEq for Key<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash
            && self
                .text
                .split_whitespace()
                .eq(other.text.split_whitespace())
    }
}

impl Eq for Key<'_> {}

impl Hash for Key<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// Passes the sentence hash through: it is already a mixed hash, and
/// SipHash over it would cost more than computing it.
#[derive(Default)]
struct Passthrough(u64);

impl Hasher for Passthrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }
}

/// Every byte of a word set to `b`.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// True when any byte of `x` is below `n` (`n` at most 128).
const fn has_less(x: u64, n: u8) -> bool {
    x.wrapping_sub(splat(n)) & !x & splat(0x80) != 0
}

/// The eight bytes of `bytes` at `i`.
fn word_at(bytes: &[u8], i: usize) -> u64 {
    let mut w = [0; 8];
    w.copy_from_slice(&bytes[i..i + 8]);
    u64::from_le_bytes(w)
}

/// A letter: what pads a short sentence's last block, so that the padding
/// is neither white space nor a control byte and pairs with no space.
const PAD: u8 = b'a';

/// 64 bits of the 128-bit product, folded: each bit of either factor moves
/// many of the result's.
fn fold_mul(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

/// The hash of sixteen bytes, as two words, mixed into `h`: one product of
/// both, each side keyed (by the running hash and by `key`), so that input
/// written without the keys cannot zero a factor.
fn mix(h: u64, a: u64, b: u64, key: u64) -> u64 {
    fold_mul(h ^ a, b ^ key)
}

/// The hash after the last block: the length is mixed in last, so that a
/// short tail padded with letters is not the same as one ending in them.
fn finish(h: u64, len: usize) -> u64 {
    fold_mul(h ^ len as u64, 0xbf58_476d_1ce4_e5b9)
}

/// High bits set where `word` may hold white space other than a single
/// space (`next` is the eight bytes from one further on: a byte of their
/// union below 0x21 is two spaces, or a control byte), a control byte, or a
/// byte beyond ASCII. None set means the word is plain; a set one is only
/// a suspicion that [`plain_exact`] settles.
fn suspect(word: u64, next: u64) -> u64 {
    let pair = word | next;
    (pair.wrapping_sub(splat(0x21)) & !pair) | word.wrapping_sub(splat(0x20)) | word
}

/// The hash of every byte of `bytes`, sixteen at a time, keyed by `seed`,
/// and, from the same reads, the [`suspect`] flags of all its words. The
/// last block is the last sixteen bytes (overlapping the one before), or
/// for a shorter text its bytes padded with letters.
fn hash_blocks(bytes: &[u8], seed: u64) -> (u64, u64) {
    let key = fold_mul(seed, 0x9e37_79b9_7f4a_7c15);
    let len = bytes.len();
    let mut h = seed;
    let mut flags = 0;
    // a block and the byte after it, read without a bounds test
    let mut rest = bytes;
    while let Some(block) = rest.first_chunk::<17>() {
        let (a, b) = (word_at(block, 0), word_at(block, 8));
        flags |= suspect(a, word_at(block, 1)) | suspect(b, word_at(block, 9));
        h = mix(h, a, b, key);
        rest = &rest[16..];
    }
    if len >= 16 {
        let (a, b) = (word_at(bytes, len - 16), word_at(bytes, len - 8));
        let after = b >> 8 | u64::from(PAD) << 56;
        flags |= suspect(a, word_at(bytes, len - 15)) | suspect(b, after);
        h = mix(h, a, b, key);
    } else if len > 0 {
        let mut last = [PAD; 17];
        last[..len].copy_from_slice(bytes);
        let (a, b) = (word_at(&last, 0), word_at(&last, 8));
        flags |= suspect(a, word_at(&last, 1)) | suspect(b, word_at(&last, 9));
        h = mix(h, a, b, key);
    }
    (finish(h, len), flags)
}

/// A hash of every byte of `bytes`, keyed by `seed`.
fn hash_bytes(bytes: &[u8], seed: u64) -> u64 {
    hash_blocks(bytes, seed).0
}

/// [`hash_bytes`] of `text` if its white space is single ASCII spaces
/// between words, so that its words joined by single spaces are `text`
/// itself; `None` otherwise. Control bytes count as white space here (the
/// few that are not send a sentence down the copying path, which is as
/// exact). One pass hashes and tests most sentences: only one whose flags
/// raise a suspicion (a character beyond ASCII, mostly) is read again.
/// Sixteen bytes a step, one product and no branch: 4.46 MB of sentences
/// in the 5 MB of news cost 15.6 M instructions eight bytes a step.
fn plain_hash(text: &str, seed: u64) -> Option<u64> {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return None;
    }
    let (h, flags) = hash_blocks(bytes, seed);
    (flags & splat(0x80) == 0 || plain_exact(text)).then_some(h)
}

/// Whether `text`, which neither starts nor ends with a space, holds no
/// white space but single spaces between words, and no control byte:
/// eight bytes at a time, decoding characters only in words beyond ASCII.
fn plain_exact(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 9 <= bytes.len() {
        if !plain(text, i, word_at(bytes, i), word_at(bytes, i + 1)) {
            return false;
        }
        i += 8;
    }
    let rest = &bytes[i..];
    if rest.is_empty() {
        return true;
    }
    let mut w = [PAD; 8];
    w[..rest.len()].copy_from_slice(rest);
    let word = u64::from_le_bytes(w);
    plain(text, i, word, word >> 8 | u64::from(PAD) << 56)
}

/// Whether `word`, the eight bytes of `text` from `i` on, holds no white
/// space but single spaces; `next` holds the eight from `i + 1` on.
fn plain(text: &str, i: usize, word: u64, next: u64) -> bool {
    // one test for the common word: ASCII, no control byte, no two spaces
    suspect(word, next) & splat(0x80) == 0 || plain_slow(text, i, word, next)
}

/// [`plain`] for a word that failed its one test: it may still be plain
/// if it only holds characters beyond ASCII that are not white space.
#[inline(never)]
fn plain_slow(text: &str, i: usize, word: u64, next: u64) -> bool {
    if has_less(word | next, 0x21) || has_less(word, 0x20) {
        return false;
    }
    let bytes = text.as_bytes();
    // a character starting in the word that is white space ("\u{a0}")
    let wide_space = |j: usize| {
        bytes[j] >= 0xC0
            && text
                .get(j..)
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_whitespace)
    };
    !(i..bytes.len().min(i + 8)).any(wide_space)
}

/// The hash of the words of `text` joined by single spaces, so that a line
/// break or a double space inside a sentence changes nothing. Every byte
/// is hashed, with a key drawn once per process: templated sentences that
/// share all but a figure in the middle ("Revenue for the period under
/// review was $… million, compared with …") still hash apart, and input
/// cannot be written ahead to make many sentences hash alike, so equal
/// hashes stay rare and the check linear. A sentence whose white space is
/// already single spaces (most) is hashed in place; others are joined into
/// `buf` first.
fn sentence_hash(text: &str, buf: &mut String) -> u64 {
    let seed = seed();
    if let Some(h) = plain_hash(text, seed) {
        return h;
    }
    join_words(text, buf);
    hash_bytes(buf.as_bytes(), seed)
}

/// The key the hashes are drawn with, once per process.
fn seed() -> u64 {
    static SEED: LazyLock<u64> = LazyLock::new(|| RandomState::new().hash_one(0x5eed_u64));
    *SEED
}

/// The words of `text` joined by single spaces, into `buf`.
fn join_words(text: &str, buf: &mut String) {
    buf.clear();
    for w in text.split_whitespace() {
        if !buf.is_empty() {
            buf.push(' ');
        }
        buf.push_str(w);
    }
}

/// A first key of a sentence, read from its ends only: the hash of the
/// first and the last eight bytes of its words joined by single spaces
/// (of all of them when they are fewer). Sentences the check finds equal
/// have equal words, so equal edge keys; a sentence whose edge key no other
/// sentence has is never repeated and is not hashed in full. Where the
/// first nine and the last eight bytes are plain (no white space but single
/// spaces between words, no control byte, nothing beyond ASCII: the
/// [`suspect`] test), those bytes are the joined words' own and are read
/// in place; otherwise the words are joined into `buf` first. (Sixteen
/// bytes at each end kept 88 more of the 34,600 sentences of 5.6 MB of
/// news from the full hash, for more work on each of them all.) `b` is
/// the sentence's bytes, and `text` the sentence as a `str`, asked for
/// only to join its words.
fn edge_key<'t>(b: &[u8], text: impl FnOnce() -> &'t str, seed: u64, buf: &mut String) -> u64 {
    let n = b.len();
    if n >= 9 && b[0] != b' ' && b[n - 1] != b' ' {
        let (head, tail) = (word_at(b, 0), word_at(b, n - 8));
        let flags = suspect(head, word_at(b, 1)) | suspect(tail, tail >> 8 | u64::from(PAD) << 56);
        if flags & splat(0x80) == 0 {
            return edges(head, tail, seed);
        }
    }
    join_words(text(), buf);
    let j = buf.as_bytes();
    let m = j.len();
    if m < 8 {
        return hash_bytes(j, seed);
    }
    edges(word_at(j, 0), word_at(j, m - 8), seed)
}

/// The hash of a sentence's first and last eight bytes, as words.
fn edges(head: u64, tail: u64, seed: u64) -> u64 {
    let key = fold_mul(seed, 0x9e37_79b9_7f4a_7c15);
    finish(mix(seed, head, tail, key), 16)
}

/// True when the sentence has enough words (runs holding a letter or digit).
fn long_enough(text: &str) -> bool {
    // most sentences are ASCII: split their bytes on the ASCII characters
    // `char::is_whitespace` admits, without decoding characters
    if text.is_ascii() {
        return text
            .as_bytes()
            .split(|b| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'))
            .filter(|w| w.iter().any(u8::is_ascii_alphanumeric))
            .nth(MIN_WORDS - 1)
            .is_some();
    }
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .nth(MIN_WORDS - 1)
        .is_some()
}

/// The edge keys of a document's sentences, each with the first sentence
/// that has it, [`MARKED`] once another shares it: open addressing in one
/// vector, kept from document to document. Edge keys are
/// mixed hashes, so their top bits pick the slot, and the table is at most
/// half full: most keys take one probe. A `HashMap` cost 2.0 M instructions
/// over 5 MB of news to look up and insert, and 0.9 M to make and free.
#[derive(Default)]
struct EdgeTable {
    slots: Vec<(u64, usize)>,
    /// 64 less the bits of a slot index.
    shift: u32,
}

/// A slot of an [`EdgeTable`] that holds no key. No marked sentence index
/// is `VACANT`: an index is below `isize::MAX`, so its mark leaves a low
/// bit clear.
const VACANT: usize = usize::MAX;

/// The bit of a slot's sentence index set once another sentence shares
/// the key, so that the first sentence is listed once ([`EdgeTable::share`]).
const MARKED: usize = 1 << (usize::BITS - 1);

/// What [`EdgeTable::share`] found of a key.
#[derive(Debug, PartialEq)]
enum Shared {
    /// No sentence before had it: it went in.
    New,
    /// One sentence before had it, this one: the first time it is shared.
    First(usize),
    /// Sentences before had it and were listed already.
    Again,
}

impl EdgeTable {
    /// Empties the table, with room for `n` keys.
    fn reset(&mut self, n: usize) {
        let size = n.saturating_mul(2).max(8).next_power_of_two();
        self.slots.clear();
        self.slots.resize(size, (0, VACANT));
        self.shift = 64 - size.trailing_zeros();
    }

    /// Whether `key` is in the table, and with which sentence the first
    /// time it is shared; if not, `key` goes in with `sentence` (which
    /// must be below `isize::MAX`).
    fn share(&mut self, key: u64, sentence: usize) -> Shared {
        let mask = self.slots.len() - 1;
        let mut i = (key >> self.shift) as usize & mask;
        loop {
            let slot = &mut self.slots[i];
            if slot.1 == VACANT {
                *slot = (key, sentence);
                return Shared::New;
            }
            if slot.0 == key {
                if slot.1 & MARKED != 0 {
                    return Shared::Again;
                }
                slot.1 |= MARKED;
                return Shared::First(slot.1 & !MARKED);
            }
            i = (i + 1) & mask;
        }
    }
}

/// The sentences whose edge key another shares (in order once sorted),
/// the [`EdgeTable`], and the buffer words are joined in.
type Edges = (Vec<usize>, EdgeTable, String);

thread_local! {
    /// The [`Edges`], reused from document to document, borrowed in place
    /// (as [`crate::extract::relation`] keeps its vectors).
    static EDGES: std::cell::RefCell<Edges> = Default::default();
}

/// The most sentences (and bytes of a sentence, and slots of the table, at
/// two a sentence) whose [`Edges`] are kept for the next document.
const MAX_KEPT: usize = 1 << 14;

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>) {
        EDGES.with_borrow_mut(|edges| {
            let (shared, table, buf) = edges;
            shared.clear();
            table.reset(doc.sentences.len());
            Self::edges(doc, shared, table, buf);
            if !shared.is_empty() {
                // a first sentence is listed when the second comes
                shared.sort_unstable();
                Self::repeats(doc, def, shared, out);
            }
            // a table sized by every sentence of a long document with few
            // sentences of prose (a table, a list) is not kept either
            if shared.capacity() > MAX_KEPT
                || buf.capacity() > MAX_KEPT
                || table.slots.capacity() > 2 * MAX_KEPT
            {
                *edges = Edges::default();
            }
        });
    }
}

impl Rule {
    /// The edge keys of the sentences that end as prose: the sentences
    /// whose key another shares go into `shared`, as only those can repeat.
    /// Most sentences share none, and are not listed at all (with every
    /// sentence listed and flagged, and edges of sixteen bytes, the rule
    /// cost 6.72 M instructions over 5.6 MB of news, 5.06 M now).
    fn edges(doc: &Analysis<'_>, shared: &mut Vec<usize>, table: &mut EdgeTable, buf: &mut String) {
        let seed = seed();
        let bytes = doc.text().as_bytes();
        for (i, span) in doc.sentences.iter().enumerate() {
            // the sentence's bytes, read in place: sliced as a `str` (its
            // ends tested for char boundaries) only where the characters
            // are decoded, as few are
            let b = bytes.get(span.clone()).unwrap_or_default();
            let text = || doc.slice(span);
            if !ends_as_prose_by_bytes(b).unwrap_or_else(|| ends_as_prose_decoded(text())) {
                continue;
            }
            match table.share(edge_key(b, text, seed, buf), i) {
                Shared::New => {}
                Shared::First(first) => shared.extend([first, i]),
                Shared::Again => shared.push(i),
            }
        }
    }

    /// The sentences whose edge key another shares, in order, compared in
    /// full.
    fn repeats(doc: &Analysis<'_>, def: &Def<'_>, shared: &[usize], out: &mut Vec<Finding>) {
        let mut buf = String::new();
        let mut first: HashMap<Key<'_>, usize, BuildHasherDefault<Passthrough>> =
            HashMap::default();
        for &i in shared {
            let span = &doc.sentences[i];
            let text = doc.slice(span);
            let key = Key {
                hash: sentence_hash(text, &mut buf),
                text,
            };
            // one hash per sentence: look up and insert through the entry.
            // Short sentences are kept too, and their words counted only
            // when one repeats: equal word sequences have equal counts, so
            // the first of a long one is still the one kept
            match first.entry(key) {
                Entry::Occupied(e) => {
                    if !long_enough(text) {
                        continue;
                    }
                    let earlier = &doc.sentences[*e.get()];
                    let words = text.split_whitespace().count().to_string();
                    let args = [("words", words.as_str())];
                    out.push(Finding {
                        message: fill(&def.message, &args),
                        help: fill(&def.help, &args),
                        labels: vec![
                            FindingLabel::primary(span.clone(), "repeated here"),
                            FindingLabel::secondary(earlier.clone(), "first written here"),
                        ],
                    });
                }
                Entry::Vacant(e) => {
                    e.insert(i);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::Finding;
    use crate::extract::relation::test_support::doc;

    fn findings(text: &str) -> Vec<Finding> {
        let d = doc(text);
        crate::check::test_support::run("repeated-sentence", &d.analysis())
    }

    #[track_caller]
    fn fires(text: &str, n: usize) {
        let f = findings(text);
        assert_eq!(f.len(), n, "in {text:?}: {f:?}");
        for f in &f {
            assert!(f.labels[0].primary && f.labels[1].span.start < f.labels[0].span.start);
            assert!(!f.message.contains('{'));
        }
    }

    #[test]
    fn fires_on_a_long_sentence_repeated() {
        fires(
            "The board approved the merger on Tuesday after a long debate. Shares rose. The board approved the merger on Tuesday after a long debate.",
            1,
        );
        fires(
            "The board approved the merger on Tuesday after a long\n debate. The board  approved the merger on Tuesday after a long debate.",
            1,
        );
        fires("A b c d e f g h. A b c d e f g h. A b c d e f g h.", 2);
    }

    /// The ASCII shortcut counts words as the general path does.
    #[test]
    fn word_count_is_the_same_with_and_without_the_ascii_path() {
        for t in [
            "a b c d e f g h.",
            "a b c d e f g.",
            "a\x0bb\x0cc\rd\te\nf g h.",
            "a - b -- c , d e f g h.",
            "a b c d e f g \u{a0}h.",
            "a b c d e f g\u{2003}h.",
        ] {
            let general = t
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .nth(super::MIN_WORDS - 1)
                .is_some();
            assert_eq!(super::long_enough(t), general, "{t:?}");
        }
    }

    /// Strings glued from pieces that hold white space of every kind (and
    /// control bytes that are not), at every offset of the eight-byte reads.
    fn glued(n: usize) -> Vec<String> {
        const PIECES: &[&str] = &[
            "a", "Word", "sentence", " ", "  ", "\n", "\t", "\r\n", "\x0b", "\x0c", "\x1c", "\0",
            "\u{7f}", "\u{a0}", "\u{85}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{202f}",
            "\u{205f}", "\u{3000}", "\u{200b}", "“", "’", "é", "€5", "—", ".", "!", "?", "…", "\"",
            "'", ")", "]", "”", "12,345",
        ];
        crate::testgen::glued(n, 40, PIECES, 0x2545_f491_4f6c_dd1d)
    }

    /// The in-place hash of a plain sentence is the hash of its joined words,
    /// and a sentence is plain exactly when it is its joined words (and holds
    /// no control byte); distinct word sequences hash apart.
    #[test]
    fn sentence_hash_is_the_hash_of_the_joined_words() {
        let mut buf = String::new();
        let mut seen = std::collections::HashMap::new();
        for t in glued(60_000) {
            let joined = t.split_whitespace().collect::<Vec<_>>().join(" ");
            let controls = t.bytes().any(|b| b < 0x20);
            let plain = super::plain_hash(&t, 7);
            assert_eq!(plain.is_some(), joined == t && !controls, "{t:?}");
            if let Some(h) = plain {
                assert_eq!(h, super::hash_bytes(t.as_bytes(), 7), "{t:?}");
            }
            let hash = super::sentence_hash(&t, &mut buf);
            assert_eq!(hash, super::sentence_hash(&joined, &mut buf), "{t:?}");
            let earlier = seen.entry(hash).or_insert_with(|| joined.clone());
            assert_eq!(*earlier, joined, "two word sequences hash alike");
        }
    }

    /// A sentence's edge key is that of its words joined by single spaces,
    /// read in place or joined first: sentences with the same words have
    /// the same edge key, so no repeat the full hash would find is left
    /// out. Glued strings hold white space of every kind; the plain ones
    /// of every length around the eight bytes of an edge take the
    /// in-place reading.
    #[test]
    fn edge_key_is_the_joined_words_edge_key() {
        fn reference(t: &str) -> u64 {
            let joined = t.split_whitespace().collect::<Vec<_>>().join(" ");
            let j = joined.as_bytes();
            let m = j.len();
            if m < 8 {
                return super::hash_bytes(j, 7);
            }
            super::edges(super::word_at(j, 0), super::word_at(j, m - 8), 7)
        }
        let mut buf = String::new();
        let mut texts = glued(60_000);
        // plain sentences (but for a double space now and then), read in place
        let plain = [
            "a", "Word", "sentence", " ", " ", " ", "  ", ".", "!", "12,345", "\"", "'", ")",
        ];
        texts.extend(crate::testgen::glued(20_000, 30, &plain, 0x9a1f));
        for len in 0..60 {
            let t: String = (0..len)
                .map(|i| if i % 5 == 4 { ' ' } else { 'x' })
                .collect();
            texts.push(t.trim().to_string());
            texts.push(t.replace(' ', "  \n "));
        }
        let (mut in_place, mut joined) = (0, 0);
        for t in &texts {
            assert_eq!(
                super::edge_key(t.as_bytes(), || t, 7, &mut buf),
                reference(t),
                "{t:?}"
            );
            // what is surely read in place, and what surely is not
            let plain = t.split_whitespace().collect::<Vec<_>>().join(" ") == *t
                && t.bytes().all(|b| (0x20..0x7f).contains(&b));
            in_place += usize::from(plain && t.len() >= 9);
            joined += usize::from(!plain);
        }
        assert!(in_place > 1_000 && joined > 10_000, "{in_place} {joined}");
    }

    /// Every byte is hashed, in full blocks, in the overlapping last block
    /// and in a padded short one: changing any one byte of a sentence of
    /// any length up to five blocks, or adding a letter, changes its hash.
    #[test]
    fn every_byte_and_the_length_count() {
        for len in 0..80 {
            let base: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            let h = super::hash_bytes(&base, 7);
            for p in 0..len {
                for b in [b'A', b' ', b'z', 0x80] {
                    let mut t = base.clone();
                    t[p] = b;
                    if t != base {
                        assert_ne!(super::hash_bytes(&t, 7), h, "{len} {p} {b}");
                    }
                }
            }
            let mut longer = base.clone();
            longer.push(b'a');
            assert_ne!(super::hash_bytes(&longer, 7), h, "{len}");
            assert_ne!(super::hash_bytes(&base, 8), h, "{len}");
        }
    }

    /// Templated sentences that differ only in a figure far from both ends
    /// hash apart: a hash of their first and last bytes would put them all
    /// in one bucket and compare each with every earlier one.
    #[test]
    fn templated_sentences_hash_apart() {
        let mut buf = String::new();
        let hashes: std::collections::HashSet<u64> = (0..20_000)
            .map(|n| {
                let t = format!(
                    "Revenue for the whole of the period under review was ${n} million, \
                     against a forecast made by the board a year earlier."
                );
                super::sentence_hash(&t, &mut buf)
            })
            .collect();
        assert_eq!(hashes.len(), 20_000);
    }

    /// The byte test of a sentence's end answers as the decoding one does.
    #[test]
    fn ends_as_prose_is_the_same_by_bytes_and_by_characters() {
        let ends = (0..=0x7f_u8).map(|b| char::from(b).to_string()).chain(
            [
                "”", "’", "…", "\u{a0}", "\u{2003}", "é", "”.", ". ", ".\u{a0}", "!)", "?\"\n",
            ]
            .map(String::from),
        );
        let texts: Vec<String> = glued(20_000)
            .into_iter()
            .chain(ends.flat_map(|e| [e.clone(), format!("It rose{e}"), format!("It rose.{e}")]))
            .collect();
        for t in &texts {
            assert_eq!(
                super::ends_as_prose(t),
                super::ends_as_prose_decoded(t),
                "{t:?}"
            );
        }
    }

    #[test]
    fn passes_short_or_different_sentences() {
        fires("Shares fell. Shares fell. Shares fell.", 0);
        fires(
            "The board approved the merger on Tuesday after a long debate. The board approved the merger on Tuesday after a long debate!",
            0,
        );
        fires(
            "The board approved the merger on Tuesday after a long debate. the board approved the merger on Tuesday after a long debate.",
            0,
        );
        fires("", 0);
        fires(
            "Average CD rates of city, trust and long-term banks\n\nAverage CD rates of city, trust and long-term banks",
            0,
        );
    }

    /// The edge table answers as a map of each key's first sentence and
    /// count does: keys drawn from few values and crowded into few slots
    /// (the top bits alike), so that probes run on and wrap around the
    /// end, in tables of many sizes.
    #[test]
    fn the_edge_table_answers_as_a_map() {
        use super::Shared;
        use std::collections::HashMap;
        let mut rng = crate::testgen::Rng::new(0xed9e);
        let mut table = super::EdgeTable::default();
        let (mut firsts, mut agains) = (0, 0);
        for round in 0..2_000 {
            let n = rng.below(40);
            table.reset(n);
            let mut map: HashMap<u64, (usize, usize)> = HashMap::new();
            for sentence in 0..n {
                // top bits from a few values, low bits from a few more
                let top = rng.next() % (1 + round as u64 % 5);
                let key = top.rotate_right(3) ^ (rng.next() % 3) | u64::from(round % 2 == 0) << 63;
                let seen = map.entry(key).or_insert((sentence, 0));
                seen.1 += 1;
                let want = match seen.1 {
                    1 => Shared::New,
                    2 => Shared::First(seen.0),
                    _ => Shared::Again,
                };
                firsts += usize::from(seen.1 == 2);
                agains += usize::from(seen.1 > 2);
                assert_eq!(table.share(key, sentence), want, "{round} {key:x}");
            }
        }
        assert!(firsts > 5_000 && agains > 5_000, "{firsts} {agains}");
    }
}
