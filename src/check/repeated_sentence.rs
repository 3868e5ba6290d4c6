//! `repeated-sentence`: a sentence of eight words or more that appears twice
//! in one document, word for word: a paste or merge left behind.
//!
//! Sentences are compared after collapsing white space (a line break inside
//! a sentence does not make it different) and case-sensitively; only
//! sentences that end as prose does (".", "!", "?") count, so repeated table
//! headings are left alone. Each sentence is looked up once in a hash map
//! keyed by its normalised text, so the check is linear in the document;
//! words are counted only for a sentence found there, as equal sentences
//! have as many words.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use super::{Check, CheckDef, Finding, FindingLabel, fill};
use crate::analysis::Analysis;

pub struct Rule;

/// Sentences shorter than this are too often repeated on purpose ("Shares
/// fell.", a refrain, a dateline).
const MIN_WORDS: usize = 8;

/// True when the sentence ends as prose does: a table row or a heading
/// repeated ("Average CD rates of city, trust and long-term banks") is
/// layout, not a slip.
fn ends_as_prose(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | ')' | '”' | '’' | ']')
    });
    t.ends_with(['.', '!', '?', '…'])
}

/// A sentence compared and hashed word by word, so that white space is
/// collapsed without copying the sentence (this runs on every sentence).
#[derive(Clone, Copy)]
struct Words<'a>(&'a str);

impl PartialEq for Words<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.split_whitespace().eq(other.0.split_whitespace())
    }
}

impl Eq for Words<'_> {}

impl Hash for Words<'_> {
    /// Equal word sequences have the same printable ASCII bytes in the same
    /// order, so only those are mixed in (spaces, control bytes and other
    /// characters' bytes are skipped). The first 32 of them and the last 16
    /// tell sentences apart well enough at a cost that does not grow with
    /// the sentence; equal hashes are compared in full.
    fn hash<H: Hasher>(&self, state: &mut H) {
        let printable = |c: &&u8| **c > b' ' && c.is_ascii();
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let bytes = self.0.as_bytes();
        for &c in bytes.iter().filter(printable).take(32) {
            h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
        }
        for &c in bytes.iter().rev().filter(printable).take(16) {
            h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
        }
        state.write_u64(h);
    }
}

/// Passes the sentence hash through, mixed once: it is already a hash, and
/// SipHash over it would cost more than computing it.
#[derive(Default)]
struct Passthrough(u64);

impl Hasher for Passthrough {
    fn finish(&self) -> u64 {
        self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15)
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

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &CheckDef, out: &mut Vec<Finding>) {
        let mut first: HashMap<Words<'_>, usize, BuildHasherDefault<Passthrough>> =
            HashMap::with_capacity_and_hasher(doc.sentences.len(), Default::default());
        for (i, span) in doc.sentences.iter().enumerate() {
            let text = doc.slice(span);
            if !ends_as_prose(text) {
                continue;
            }
            let key = Words(text);
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
}
