//! `figure-restated-differently`: one measured thing given two values in one
//! document ("a 400,000 lire limit … the 233,352 lire limit").
//!
//! News carries many figures for one noun legitimately (other years, other
//! regions, other companies, "rose to X from Y"), so the check reads only
//! the narrowest pattern: an amount used as a modifier of a noun ("a 25
//! billion dlr recapitalization") and, in a later sentence, a definite
//! back-reference to the same noun ("the 37 billion dlr recapitalization
//! plan"). The back-reference is a restatement of one earlier mention: of
//! one whose value it agrees with (within rounding and approximators, with
//! scales normalised, so "$1.2 billion" is "1,200 million dollars"), if
//! any; otherwise of the one earlier mention no other back-reference
//! restates. With two such candidates the reading is unclear and the check
//! is silent, unless a name after the noun picks one ("loss to … Boyd
//! Jefferies"). Figures in relations, in parentheses (conversions), in
//! sentences naming other years, tied to other periods ("in the fourth
//! quarter", "over the full year"), with other parties ("a merger with A",
//! "the merger of B"), or more than five times apart, and percentages, are
//! never compared.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::{Check, Def, Finding, FindingLabel, fill};
use crate::analysis::Analysis;
use crate::extract::lexicon::Fnv;
use crate::extract::packed::PackedWords;
use crate::extract::relation::interval;
use crate::extract::{Claim, ClaimId, ClaimKind};
use crate::source::Span;

pub struct Rule;

/// A map of small keys that is only asked, never walked (so its order
/// does not matter), hashed with FNV instead of SipHash.
type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Words that end a noun phrase after a figure: function words, auxiliaries.
const STOP: &[&str] = &[
    "a", "about", "after", "against", "also", "an", "and", "are", "as", "at", "be", "been",
    "before", "between", "but", "by", "can", "could", "did", "do", "does", "during", "each", "for",
    "from", "had", "has", "have", "he", "her", "his", "if", "in", "into", "is", "it", "its", "may",
    "might", "more", "must", "of", "on", "or", "over", "per", "plus", "said", "says", "she",
    "should", "since", "than", "that", "the", "their", "them", "these", "they", "this", "those",
    "through", "to", "under", "until", "up", "was", "we", "were", "when", "which", "while", "who",
    "will", "with", "would",
];

/// A figure used as a modifier of a noun.
struct Mention<'a> {
    id: ClaimId,
    /// The noun phrase after the figure, lowercase words of the text: the
    /// first `words` of the array ([`head_after`]'s), not a vector for
    /// each mention.
    head: [&'a str; HEAD_WORDS],
    words: usize,
    /// "the" right before the figure.
    definite: bool,
    /// Where the figure starts, where the noun phrase ends, and the
    /// sentence: what [`Around`] is read from.
    start: usize,
    head_end: usize,
    sentence: Span,
    /// What the words around the mention name, read on first use: most
    /// mentions are never compared with another.
    around: OnceCell<Around>,
}

/// The names and periods around a mention.
struct Around {
    /// The first capitalised name shortly after the noun phrase.
    entity: Option<String>,
    /// A name joined to the noun by "of" or "with" ("a merger with Marsh"):
    /// a party that makes the thing what it is.
    party: Option<String>,
    /// Period words shortly after the noun phrase.
    periods: Vec<String>,
}

impl<'a> Mention<'a> {
    /// The words of the noun phrase.
    fn head(&self) -> &[&'a str] {
        self.head.get(..self.words).unwrap_or_default()
    }

    /// [`Around`] of the mention, read from `text` the first time it is
    /// asked for.
    fn around(&self, text: &str) -> &Around {
        self.around.get_or_init(|| Around {
            entity: entity_after(text, self.head_end, self.sentence.end),
            party: party_after(text, self.head_end, self.sentence.end),
            periods: periods_around(
                text,
                self.sentence.start,
                self.start,
                self.head_end,
                self.sentence.end,
            ),
        })
    }
}

/// A word of [`STOP`].
const STOP_WORD: u8 = 1;
/// A word of [`NOT_NOUNS`].
const NOT_NOUN: u8 = 2;
/// A word of [`PERIODS`].
const PERIOD: u8 = 4;
/// "last", "next", "previous": a period follows.
const RELATIVE: u8 = 8;

/// The lists [`head_after`] reads that a clean word (lowercase letters
/// and hyphens) is in, as bits: one lookup of its packed letters, not a
/// search of each list by its strings (with the sorted vector of related
/// claims, the rule went 9.5 to 7.6 M instructions over 5.6 MB of news).
/// No listed word has a hyphen, and a word with one packs to no word of
/// letters (the test `word_classes_are_the_lists` holds both).
fn class_of(word: &str) -> u8 {
    static TABLE: std::sync::LazyLock<PackedWords<u8>> = std::sync::LazyLock::new(|| {
        let lists: [(&[&str], u8); 4] = [
            (STOP, STOP_WORD),
            (NOT_NOUNS, NOT_NOUN),
            (PERIODS, PERIOD),
            (&["last", "next", "previous"], RELATIVE),
        ];
        let mut classes: HashMap<&str, u8> = HashMap::new();
        for (list, class) in lists {
            for &w in list {
                *classes.entry(w).or_default() |= class;
            }
        }
        PackedWords::new(classes.into_iter())
    });
    TABLE.get(word.as_bytes(), word.len()).unwrap_or(0)
}

/// The most words of a noun phrase [`head_after`] reads.
const HEAD_WORDS: usize = 3;

/// The pieces of `s` between single spaces, as `s.split(' ')` gives them,
/// found by a byte loop: the pieces are short words, for which a vector
/// search per piece cost more (with [`head_after`]'s array, the rule went
/// 7.68 to 6.83 M instructions over 5.6 MB of news).
fn split_spaces(s: &str) -> impl Iterator<Item = &str> {
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let start = from?;
        let rest = s.get(start..)?;
        match rest.bytes().position(|b| b == b' ') {
            Some(k) => {
                from = Some(start + k + 1);
                rest.get(..k)
            }
            None => {
                from = None;
                Some(rest)
            }
        }
    })
}

/// The lowercase noun phrase right after `end`: up to three words, stopped
/// by punctuation, a capitalised word, a figure or a function word. The
/// words are the first of the array, as many as the count says, not a
/// vector for each figure.
fn head_after(text: &str, end: usize) -> ([&str; HEAD_WORDS], usize, usize) {
    let rest = text.get(end..).unwrap_or("");
    let mut words = [""; HEAD_WORDS];
    let mut n = 0;
    let mut pos = end;
    let mut consumed = 0;
    for raw in split_spaces(rest) {
        consumed += raw.len() + 1;
        if raw.is_empty() {
            if n == 0 && consumed == 1 {
                continue;
            }
            break;
        }
        let word = raw.trim_end_matches([',', '.', ';', ':', ')']);
        let clean = !word.is_empty()
            && word.bytes().all(|c| c.is_ascii_lowercase() || c == b'-')
            && !word.starts_with('-');
        // the word lists are searched only for a clean word, all at once
        // ([`class_of`])
        let class = if clean { class_of(word) } else { 0 };
        let ends = !clean
            || class & (STOP_WORD | PERIOD | RELATIVE) != 0
            // a participle after the noun starts a clause ("loss incurred by")
            || n > 0
                && (word.ends_with("ed") || word.ends_with("ing") || class & NOT_NOUN != 0);
        if ends {
            break;
        }
        words[n] = word;
        n += 1;
        pos = end + consumed - 1;
        if n == HEAD_WORDS || word.len() != raw.len() {
            break;
        }
    }
    (words, n, pos)
}

/// The name right after "of" or "with" (and an optional "the") at `from`.
fn party_after(text: &str, from: usize, end: usize) -> Option<String> {
    let rest = text.get(from..end)?;
    let mut words = rest.split_whitespace();
    let prep = words.next()?;
    if !(prep.eq_ignore_ascii_case("of") || prep.eq_ignore_ascii_case("with")) {
        return None;
    }
    let mut next = words.next()?;
    if next.eq_ignore_ascii_case("the") {
        next = words.next()?;
    }
    next.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then(|| {
            next.trim_end_matches([',', '.', ';', ':', ')', '\''])
                .to_string()
        })
}

/// The first run of capitalised words within six words after `from`, within
/// the sentence ending at `end`.
fn entity_after(text: &str, from: usize, end: usize) -> Option<String> {
    let rest = text.get(from..end)?;
    let mut run: Vec<&str> = Vec::new();
    for raw in rest.split_whitespace().take(8) {
        let word = raw.trim_end_matches([',', '.', ';', ':', ')']);
        let cap = word.chars().next().is_some_and(char::is_uppercase);
        if cap {
            run.push(word);
        } else if !run.is_empty() {
            break;
        }
        if word.len() != raw.len() && !run.is_empty() && !raw.ends_with('.') {
            break;
        }
    }
    (!run.is_empty()).then(|| run.join(" "))
}

/// The lowercase word before `start`, if any.
fn word_before(text: &str, start: usize) -> Option<&str> {
    let head = text.get(..start)?.trim_end_matches(' ');
    let from = head
        .rfind(|c: char| !c.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    head.get(from..).filter(|w| !w.is_empty())
}

/// True when `pos` is inside parentheses in its sentence.
fn in_parens(text: &str, sentence_start: usize, pos: usize) -> bool {
    // brackets are ASCII: searched for as bytes, and most sentences open
    // none, so that one vector search answers
    let before = text.get(sentence_start..pos).unwrap_or("").as_bytes();
    if memchr::memchr(b'(', before).is_none() {
        return false;
    }
    memchr::memchr_iter(b'(', before).count() > memchr::memchr_iter(b')', before).count()
}

/// Amounts that may name one thing: money in one currency and large bare
/// amounts ("a 61 mln mark increase"). Quantities are left out: "the 100
/// metres freestyle" and "the 400 metres freestyle" are two events.
fn amount(c: &Claim) -> bool {
    match c.kind {
        ClaimKind::Money => true,
        ClaimKind::Number => c.value.is_some_and(|v| v.abs() >= 1e5),
        _ => false,
    }
}

/// The figure with its unit, without its approximator: "400,000 lire".
fn figure_text<'a>(text: &'a str, c: &Claim) -> &'a str {
    let start = c
        .approx
        .as_ref()
        .map_or(c.span.start, |a| a.span.end.max(c.span.start));
    text.get(start..c.span.end).unwrap_or("").trim()
}

/// Words that are not nouns although they follow a figure: participles
/// and adverbs ("the A$2.60 paid by", "the 45.7 billion yen already
/// invested").
const NOT_NOUNS: &[&str] = &[
    "already", "bought", "built", "cash", "held", "left", "lost", "made", "now", "owed", "paid",
    "put", "set", "sold", "spent", "still", "won",
];

/// True when the phrase starts with a noun, as far as word shapes tell.
fn noun_head(head: &[&str]) -> bool {
    head.first().is_some_and(|w| {
        !(w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly") || NOT_NOUNS.contains(w))
    })
}

/// Words before "the" that make the figure a base of comparison ("down
/// from the $16.7 billion surplus", "more than the 20 dlrs"), which has
/// another value by design.
const COMPARING: &[&str] = &[
    "above", "below", "beyond", "eclipsed", "exceeded", "exceeds", "from", "over", "than", "to",
    "under", "versus", "with",
];

/// Words naming a period: mentions tied to different periods ("in the
/// fourth quarter", "over the full year") are different amounts.
const PERIODS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "annual",
    "half",
    "month",
    "monthly",
    "months",
    "quarter",
    "quarterly",
    "week",
    "weeks",
    "year",
    "years",
];

/// The periods a mention is tied to: each period word among the five words
/// before the figure (from `clause` on) and the eight after its noun phrase,
/// with the word before it ("last year", "this year", "fourth quarter",
/// "in january"), sorted.
fn periods_around(text: &str, clause: usize, start: usize, from: usize, end: usize) -> Vec<String> {
    // the last five words, read from the end: the clause may be long
    let mut before: Vec<&str> = text
        .get(clause..start)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(5)
        .collect();
    before.reverse();
    let before = before.as_slice();
    let after: Vec<&str> = text
        .get(from..end)
        .unwrap_or("")
        .split_whitespace()
        .take(8)
        .collect();
    let mut out = Vec::new();
    for words in [before, after.as_slice()] {
        for (k, w) in words.iter().enumerate() {
            let w = w.trim_end_matches([',', '.', ';', ':', ')']);
            if PERIODS.iter().any(|p| p.eq_ignore_ascii_case(w)) {
                let prev = k.checked_sub(1).map_or("", |j| words[j]);
                out.push(format!(
                    "{} {}",
                    prev.to_ascii_lowercase(),
                    w.to_ascii_lowercase()
                ));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// How far apart two values of one thing may be: a slip changes digits,
/// while amounts many times apart ("a 200 mln mark surplus", "the 17.6
/// billion mark surplus") are more likely two things.
const MAX_RATIO: f64 = 5.0;

fn plausible(a: &Claim, b: &Claim) -> bool {
    match (a.value, b.value) {
        (Some(x), Some(y)) if x != 0.0 && y != 0.0 => {
            let r = (x / y).abs();
            r.is_finite() && (1.0 / MAX_RATIO..=MAX_RATIO).contains(&r)
        }
        _ => false,
    }
}

/// One phrase is the other or begins it ("loss", "loss incurred").
fn same_head(a: &[&str], b: &[&str]) -> bool {
    let n = a.len().min(b.len());
    n > 0 && a[..n] == b[..n]
}

/// True when "the" is the word right before the figure `c`.
fn follows_the(text: &str, c: &Claim) -> bool {
    the_before(text, c.span.start)
}

/// True when the [`word_before`] `start` is "the" in any case, told by the
/// three bytes before the spaces and the one before them, not by reading
/// the word back to its start: asked of nearly every amount of every
/// document (does the last one follow "the"?), with the word read the
/// rule cost 2.25 M instructions over 5.6 MB of news, 1.63 M now.
fn the_before(text: &str, start: usize) -> bool {
    let Some(head) = text.get(..start) else {
        return false;
    };
    let b = head.as_bytes();
    let mut end = b.len();
    while end > 0 && b[end - 1] == b' ' {
        end -= 1;
    }
    // the byte before "the" is no letter, nor the last of a character
    // beyond ASCII (after which [`word_before`] finds no word)
    end >= 3
        && b[end - 3..end].eq_ignore_ascii_case(b"the")
        && (end == 3 || b[end - 4].is_ascii() && !b[end - 4].is_ascii_alphabetic())
}

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>) {
        // Only a definite mention restates an earlier one, and the mentions
        // after the last definite one are never read (each is compared only
        // with earlier ones, and only definite ones take an earlier one
        // away): the claims after the last amount that follows "the" are
        // left out, and a document with none (most) reads no noun phrase
        let text = doc.text();
        let Some(last) = doc
            .claims
            .iter()
            .rposition(|c| amount(c) && c.part_of.is_none() && follows_the(text, c))
        else {
            return;
        };
        Self::find(doc, def, out, last + 1);
    }
}

impl Rule {
    /// The restatements among the first `upto` claims.
    fn find(doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>, upto: usize) {
        let text = doc.text();
        // asked of amounts only: a sorted vector, searched by halving,
        // cheaper to fill than a hash set, and filled only once an amount
        // asks (most documents have none)
        let related: OnceCell<Vec<ClaimId>> = OnceCell::new();
        let is_related = |id: ClaimId| {
            let related = related.get_or_init(|| {
                let mut all = Vec::with_capacity(3 * doc.relations.len());
                for r in &doc.relations {
                    all.extend([r.current, r.previous]);
                    all.extend(r.change);
                }
                all.sort_unstable();
                all
            });
            related.binary_search(&id).is_ok()
        };
        // Years named per sentence, a time anchor, as (sentence, year) in
        // sentence order: listed only when two mentions are compared, which
        // few documents come to (a vector per sentence for every document
        // cost 1.5 M instructions over 5 MB of news)
        let years: OnceCell<Vec<(usize, i32)>> = OnceCell::new();
        let years_of = |sentence: usize| {
            let all = years.get_or_init(|| {
                let mut all: Vec<(usize, i32)> = doc
                    .claims
                    .iter()
                    .filter(|c| c.sentence < doc.sentences.len())
                    .filter_map(|c| Some((c.sentence, c.date?.year?)))
                    .collect();
                all.sort_by_key(|&(s, _)| s);
                all
            });
            let from = all.partition_point(|&(s, _)| s < sentence);
            let to = all.partition_point(|&(s, _)| s <= sentence);
            &all[from..to]
        };
        let mut mentions: Vec<Mention> = Vec::new();
        for (id, c) in doc.claims.iter().enumerate().take(upto) {
            if !amount(c) || c.part_of.is_some() || is_related(id) {
                continue;
            }
            let Some(s) = doc.sentences.get(c.sentence) else {
                continue;
            };
            let (words, n, head_end) = head_after(text, c.span.end);
            let head = &words[..n];
            // A bare amount's first word is its unit ("mark", "crowns"):
            // a noun must follow it.
            let min_words = if c.kind == ClaimKind::Number { 2 } else { 1 };
            if head.len() < min_words || !noun_head(&head[min_words - 1..]) {
                continue;
            }
            // after the noun: most figures have none, and the search of
            // the sentence before them for brackets is spared
            if in_parens(text, s.start, c.span.start) {
                continue;
            }
            let definite = follows_the(text, c);
            // "from the", "than the": a base of comparison.
            let lead = text.get(..c.span.start).unwrap_or("").trim_end();
            let lead = lead.get(..lead.len().saturating_sub(3)).unwrap_or("");
            if definite
                && word_before(text, lead.len())
                    .is_some_and(|w| COMPARING.iter().any(|x| x.eq_ignore_ascii_case(w)))
            {
                continue;
            }
            mentions.push(Mention {
                id,
                head: words,
                words: n,
                definite,
                start: c.span.start,
                head_end,
                sentence: s.clone(),
                around: OnceCell::new(),
            });
        }
        // only a definite mention restates an earlier one (the loop below
        // skips the others): without one, the groups need not be made
        if !mentions.iter().any(|m| m.definite) {
            return;
        }
        let agree =
            |a: ClaimId, b: ClaimId| match (interval(&doc.claims, a), interval(&doc.claims, b)) {
                (Some((al, ah)), Some((bl, bh))) => al <= bh && bl <= ah,
                _ => true,
            };
        let key = |m: &Mention| {
            let c = &doc.claims[m.id];
            (c.kind, c.unit)
        };
        let other_years = |a: &Claim, b: &Claim| {
            let (ya, yb) = (years_of(a.sentence), years_of(b.sentence));
            !ya.is_empty() && !yb.is_empty() && !ya.iter().any(|y| yb.iter().any(|x| x.1 == y.1))
        };
        // Mentions can only restate each other with the same kind, unit and
        // first head word (`same` below requires all three), so each looks
        // only at its own group: linear in long documents, not quadratic.
        let mut groups: FnvMap<(ClaimKind, Option<&str>, &str), Vec<usize>> = HashMap::default();
        for (k, m) in mentions.iter().enumerate() {
            let c = &doc.claims[m.id];
            if let Some(first) = m.head().first() {
                groups.entry((c.kind, c.unit, *first)).or_default().push(k);
            }
        }
        for (mi, m) in mentions.iter().enumerate() {
            if !m.definite {
                continue;
            }
            let mc = &doc.claims[m.id];
            let Some(group) = m
                .head()
                .first()
                .and_then(|&first| groups.get(&(mc.kind, mc.unit, first)))
            else {
                continue;
            };
            let same = |e: &Mention| {
                let ec = &doc.claims[e.id];
                if key(e) != key(m)
                    || !same_head(e.head(), m.head())
                    || other_years(ec, mc)
                    || !plausible(ec, mc)
                {
                    return false;
                }
                let (ea, ma) = (e.around(text), m.around(text));
                (ea.periods.is_empty() || ma.periods.is_empty() || ea.periods == ma.periods)
                    // two parties: two things ("a merger with A", "the merger of B")
                    && (ea.party.is_none() || ma.party.is_none() || ea.party == ma.party)
            };
            let earlier: Vec<&Mention> = group
                .iter()
                .take_while(|&&k| k < mi)
                .map(|&k| &mentions[k])
                .filter(|e| doc.claims[e.id].sentence < mc.sentence && same(e))
                .collect();
            if earlier.is_empty() || earlier.iter().any(|e| agree(e.id, m.id)) {
                continue;
            }
            // Earlier mentions another back-reference restates are taken.
            let free: Vec<&Mention> = earlier
                .into_iter()
                .filter(|e| {
                    !group.iter().map(|&k| (k, &mentions[k])).any(|(k, r)| {
                        k != mi
                            && r.definite
                            && r.id != e.id
                            && doc.claims[r.id].span.start > doc.claims[e.id].span.start
                            && same(r)
                            && agree(r.id, e.id)
                    })
                })
                .collect();
            let named: Vec<&Mention> = match &m.around(text).entity {
                Some(n) => free
                    .iter()
                    .copied()
                    .filter(|e| e.around(text).entity.as_ref() == Some(n))
                    .collect(),
                None => Vec::new(),
            };
            let pool = if named.is_empty() { free } else { named };
            let Some(first) = pool.first() else {
                continue;
            };
            if pool.iter().any(|e| !agree(e.id, first.id)) {
                continue;
            }
            let e = pool.last().unwrap_or(first);
            let ec = &doc.claims[e.id];
            let head = m.head().join(" ");
            let (current, previous) = (figure_text(text, mc), figure_text(text, ec));
            let args = [
                ("current", current),
                ("previous", previous),
                ("thing", head.as_str()),
            ];
            out.push(Finding {
                message: fill(&def.message, &args),
                help: fill(&def.help, &args),
                labels: vec![
                    FindingLabel::primary(mc.span.clone(), "restated value"),
                    FindingLabel::secondary(ec.span.clone(), "first given as"),
                ],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::test_support::{self, fires_once};

    const NAME: &str = "figure-restated-differently";

    #[track_caller]
    fn fires(text: &str, message: &str) {
        fires_once(NAME, text, message, 2);
    }

    #[track_caller]
    fn passes(text: &str) {
        test_support::passes(NAME, text)
    }

    /// [`super::the_before`] is "the" as [`super::word_before`] reads it,
    /// at every offset of texts glued from "the" in its cases, words that
    /// end in it, spaces, marks and characters beyond ASCII that run into
    /// it or stand apart.
    #[test]
    fn the_before_is_the_word_before() {
        let pieces = [
            " ", "  ", "the", "The", "THE", "tHe", "a", "x", "é", "日", "\u{a0}", ",", "5", "-",
            "(", "\n", "he", "t",
        ];
        let (mut the, mut wide) = (0, 0);
        for s in crate::testgen::glued(20_000, 8, &pieces, 0x3bf0) {
            for at in 0..=s.len() + 1 {
                let word = super::word_before(&s, at);
                let want = word.is_some_and(|w| w.eq_ignore_ascii_case("the"));
                assert_eq!(super::the_before(&s, at), want, "{s:?} {at}");
                the += usize::from(want);
                // "the" right after a character beyond ASCII: no word
                let head = s.get(..at).unwrap_or("").trim_end_matches(' ');
                wide += usize::from(
                    head.len() > 3
                        && head.is_char_boundary(head.len() - 3)
                        && head[head.len() - 3..].eq_ignore_ascii_case("the")
                        && head[..head.len() - 3]
                            .chars()
                            .next_back()
                            .is_some_and(|c| !c.is_ascii()),
                );
            }
        }
        assert!(the > 5_000 && wide > 1_000, "{the} {wide}");
    }

    /// [`super::split_spaces`] gives the pieces `str::split(' ')` gives, for
    /// texts of spaces, letters, marks and other scripts.
    #[test]
    fn spaces_split_as_the_str_split() {
        let pieces = ["", " ", "  ", "a", "bc", "é", "\u{a0}", ",", "日"];
        for s in crate::testgen::glued(20_000, 8, &pieces, 0x5b11) {
            let got: Vec<&str> = super::split_spaces(&s).collect();
            let want: Vec<&str> = s.split(' ').collect();
            assert_eq!(got, want, "{s:?}");
        }
    }

    /// [`super::class_of`] finds a word in the lists its strings are in,
    /// for every word of the lists, their prefixes and extensions, and
    /// others.
    #[test]
    fn word_classes_are_the_lists() {
        use super::{NOT_NOUN, NOT_NOUNS, PERIOD, PERIODS, RELATIVE, STOP, STOP_WORD, class_of};
        let mut words: Vec<String> = ["", "-", "x", "zz", "aaaaaaaaaaaaaaaaa", "septembers"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        for w in STOP.iter().chain(NOT_NOUNS).chain(PERIODS) {
            words.push(w.to_string());
            words.push(format!("{w}s"));
            words.push(format!("{w}-"));
            words.push(w[..w.len() - 1].to_string());
            words.push(w[1..].to_string());
        }
        for w in &words {
            let mut want = 0;
            for (list, class) in [
                (STOP, STOP_WORD),
                (NOT_NOUNS, NOT_NOUN),
                (PERIODS, PERIOD),
                (&["last", "next", "previous"][..], RELATIVE),
            ] {
                if list.contains(&w.as_str()) {
                    want |= class;
                }
            }
            assert_eq!(class_of(w), want, "{w:?}");
        }
    }

    /// The rule reads the claims up to the last amount after "the" (none
    /// for most documents), and finds what it finds reading them all:
    /// documents glued from sentences that restate amounts, with and
    /// without "the", in other years and periods, with parties and names.
    #[test]
    fn reading_up_to_the_last_definite_amount_finds_the_same() {
        use crate::analysis::{Analysis, Options};
        let pieces = [
            "It set a $55 billion pipeline budget. ",
            "The $45 billion pipeline budget was cut. ",
            "Analysts said the $55 billion pipeline budget was small. ",
            "A 400,000 lire limit applies. ",
            "The 233,352 lire limit would remain. ",
            "It had the 400,000 lire limit in 2019. ",
            "In 2021 a $7 billion budget was set. ",
            "The $5 billion budget of Aon closed. ",
            "It was down from the $16.7 billion surplus. ",
            "Officials forecast a $16 billion surplus. ",
            "The 61 mln mark capital increase will be led by Boyd Jefferies. ",
            "A 20 mln mark capital increase is separate. ",
            "It sold 300,000 shares. ",
            "The 2.7 mln dlr loss incurred by Boyd Jefferies stays. ",
            "Sales rose 5% to $4 billion from $3 billion. ",
            "The talks ended. ",
        ];
        let reg = crate::check::find(NAME).expect("registered");
        let (mut found, mut skipped, mut cut) = (0, 0, 0);
        for text in crate::testgen::glued(3_000, 7, &pieces, 0xf16e) {
            let doc = Analysis::new(&text, &Options::default());
            let mut fast = Vec::new();
            reg.check.run(&doc, &test_support::embedded(reg), &mut fast);
            let mut all = Vec::new();
            super::Rule::find(
                &doc,
                &test_support::embedded(reg),
                &mut all,
                doc.claims.len(),
            );
            assert_eq!(fast, all, "{text:?}");
            found += usize::from(!all.is_empty());
            let last = doc
                .claims
                .iter()
                .rposition(|c| super::amount(c) && super::follows_the(doc.text(), c));
            match last {
                None => skipped += 1,
                Some(l) => cut += usize::from(doc.claims[l + 1..].iter().any(super::amount)),
            }
        }
        assert!(
            found > 100 && skipped > 100 && cut > 100,
            "{found} {skipped} {cut}"
        );
    }

    #[test]
    fn fires_on_a_back_reference_with_another_value() {
        fires(
            "Rules impose a 400,000 lire limit on bank notes. The 233,352 lire limit would remain for residents.",
            "the limit is given as `233,352 lire` here but as `400,000 lire` earlier",
        );
        fires(
            "The firm set a $55 billion pipeline budget. Analysts said the $45 billion pipeline budget was too small.",
            "the pipeline budget is given as `$45 billion` here but as `$55 billion` earlier",
        );
        // a name after a participle is no party
        fires(
            "It voted for a 25 billion dlr recapitalization of the Federal Fund. It approved the 37 billion dlr recapitalization plan proposed by Rep. Carper.",
            "the recapitalization plan is given as `37 billion dlr` here but as `25 billion dlr` earlier",
        );
        // a name picks the earlier mention
        fires(
            "It involved a 1.2 mln dlr loss to Jefferies Group and a 3.8 mln dlr loss to Boyd Jefferies. The SEC said the 2.7 mln dlr loss incurred by Boyd Jefferies should be recorded.",
            "the loss is given as `2.7 mln dlr` here but as `3.8 mln dlr` earlier",
        );
    }

    #[test]
    fn passes_on_consistent_or_unclear_restatements() {
        passes("It won a $1.23 billion contract. The $1.2 billion contract runs to 2030.");
        passes("It won a $1.2 billion contract. The 1,200 million dollar contract runs to 2030.");
        // two earlier candidates, nothing to choose between them
        passes(
            "It sold a 900 mln dlr issue and a 600 mln dlr issue. The 794 mln dlr issue matures in 1997.",
        );
        // the earlier one is restated by another back-reference
        passes(
            "A 61 mln mark capital increase is planned. The 20 mln mark capital increase is separate. The 61 mln mark capital increase will be led by a bank.",
        );
        // other years
        passes("In 2019 it had a $5 billion budget. In 2021 the $7 billion budget was approved.");
        // conversions and relations
        passes(
            "It wrote off 100 billion yen ($884 million) worth of assets. The $900 million worth of loans stays.",
        );
        passes(
            "Sales rose to a $5 billion level from $4 billion. The $3 billion level was last seen in 2010.",
        );
        // two names, two things; a base of comparison; two periods; participles
        passes(
            "Marsh announced a $1.8 billion merger with Johnson. The $1.2 billion merger of Aon closed in December.",
        );
        passes(
            "Officials forecast a $16 billion surplus. It was down from the $16.7 billion surplus.",
        );
        passes(
            "The 66.5 billion franc reduction over the full year was expected. The 21.4 billion franc reduction in the fourth quarter was not.",
        );
        passes(
            "Institutions paid a A$3.10 price. The stock is above the A$2.00 price paid by the public.",
        );
        passes(
            "The shares beat the A$3.10 paid by institutions. The opening price eclipsed the A$2.60 paid by the public.",
        );
        // last year's and this year's
        passes(
            "Apple announced a $90 billion buyback last year. This year the $110 billion buyback is the largest ever.",
        );
        // amounts many times apart: two things
        passes("Other items had a 200 mln mark surplus. The 17.6 billion mark surplus was lower.");
        // no definite back-reference
        passes("A $55 billion pipeline was approved. A $45 billion pipeline was rejected.");
    }
}
