//! `total-contradicts-parts`: parts listed with a total that they cannot
//! belong to: a part larger than the total it is "included" in ("200 jobs,
//! including 333 for local workers"), disjoint parts that add up to more
//! ("274,000 tonnes, of which 134,316 are grains and 203,000 derivatives"),
//! or a list summed by "a total of" / "in all" that adds up to something
//! else ("12 in May, 7 in June and 5 in July, a total of 20").
//!
//! Only lists the grammar ties to the total are read, and only parts that
//! count what the total counts: the same currency or unit, or a bare number,
//! or the same counted noun ("13 telephone exchanges including 68,000 lines"
//! counts two things). "Including" names some parts, not all, so it is never
//! read as a partition. Net amounts (profit, loss, a change) are left alone:
//! their parts may pull both ways. Every figure is the interval its rounding
//! allows, so "31.2 million, of which 23.94 million and 7.3 million" passes.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{Check, Def, Finding, FindingLabel, fill};
use crate::analysis::Analysis;
use crate::extract::relation::{interval, value_text};
use crate::extract::{Claim, ClaimId, ClaimKind};

pub struct Rule;

/// `checks/lexicon/totals.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Totals {
    subset: Vec<String>,
    disjoint: Vec<String>,
    part_of: Vec<String>,
    total_before: Vec<String>,
    total_after: Vec<String>,
    net: Vec<String>,
    change: Vec<String>,
    function_words: Vec<String>,
    list_breaks: Vec<String>,
    rank: Vec<String>,
    /// The last word of each `subset` cue, which a gap before a part must
    /// end with (filled from `subset`, not read from the file).
    #[serde(skip)]
    subset_last: Vec<String>,
    /// The last word of each `total_before` cue, likewise.
    #[serde(skip)]
    total_before_last: Vec<String>,
    /// The first word of each `total_after` cue, which the text after a
    /// total must start with.
    #[serde(skip)]
    total_after_first: Vec<String>,
    /// The [`shape`]s of the `subset_last` words, as bits: a gap whose
    /// last word has none ends no subset cue.
    #[serde(skip)]
    subset_last_shapes: [u32; 32],
    /// The last two bytes of each `subset_last` word, as bits: bit `x &
    /// 31` of entry `y & 31` for a word that ends in `x`, `y` (one bit for
    /// both cases of a letter). A gap whose last word's last two bytes
    /// have no bit ends no subset cue ([`may_end_subset_cue`]); `None` if
    /// a word is shorter.
    #[serde(skip)]
    subset_last_ends: Option<[u32; 32]>,
}

/// A word's first byte under ASCII case folding (its low five bits, which
/// other bytes may share) and its length, as an index and a bit: words
/// equal under ASCII case folding have one shape.
fn shape(w: &str) -> (usize, u32) {
    let b = w.as_bytes();
    let first = b.first().map_or(0, |&c| usize::from(c & 31));
    (first, 1 << b.len().min(31))
}

/// False when no word of `list`, whose [`shape`]s are `shapes`, is `w`
/// under ASCII case folding; true may be wrong.
fn may_be_in(shapes: &[u32; 32], w: &str) -> bool {
    let (first, len) = shape(w);
    shapes[first] & len != 0
}

fn lexicon() -> &'static Totals {
    static LEX: OnceLock<Totals> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut t: Totals = crate::extract::lexicon::parse(
            "totals",
            include_str!("../../checks/lexicon/totals.toml"),
        );
        let lasts = |cues: &[String]| {
            cues.iter()
                .map(|c| c.rsplit(' ').next().unwrap_or(c).to_string())
                .collect()
        };
        t.subset_last = lasts(&t.subset);
        t.total_before_last = lasts(&t.total_before);
        t.total_after_first = t
            .total_after
            .iter()
            .map(|c| c.split(' ').next().unwrap_or(c).to_string())
            .collect();
        for w in &t.subset_last {
            let (first, len) = shape(w);
            t.subset_last_shapes[first] |= len;
        }
        t.subset_last_ends = t.subset_last.iter().try_fold([0; 32], |mut bits, w| {
            let [.., x, y] = w.as_bytes() else {
                return None;
            };
            bits[usize::from(y & 31)] |= 1 << (x & 31);
            Some(bits)
        });
        t
    })
}

/// The words of `s`: runs of letters, digits and inner hyphens or
/// apostrophes.
fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

/// The byte ends of the words of `s`, as [`words`] splits them.
fn word_ends(s: &str) -> impl Iterator<Item = usize> + '_ {
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    s.char_indices().filter_map(move |(i, c)| {
        let next = s[i + c.len_utf8()..].chars().next();
        (is_word(c) && !next.is_some_and(is_word)).then_some(i + c.len_utf8())
    })
}

/// Where the last word of `s` ([`words`]) lies, read back over ASCII
/// bytes: `Some(None)` when `s` has no word, `None` when a byte beyond
/// ASCII is met first (it may be a letter or a joiner, or white space).
fn last_word_ascii(s: &str) -> Option<Option<std::ops::Range<usize>>> {
    let b = s.as_bytes();
    let class = |i: usize| BYTE_CLASS[usize::from(b[i])];
    let mut end = b.len();
    while end > 0 && class(end - 1) != WORD_BYTE {
        if class(end - 1) == WIDE_BYTE {
            return None;
        }
        end -= 1;
    }
    if end == 0 {
        return Some(None);
    }
    let mut start = end - 1;
    while start > 0 && class(start - 1) == WORD_BYTE {
        start -= 1;
    }
    if start > 0 && class(start - 1) == WIDE_BYTE {
        return None;
    }
    Some(Some(start..end))
}

/// [`BYTE_CLASS`]: an ASCII byte of a word (a letter, a digit, "-", "'").
const WORD_BYTE: u8 = 1;
/// [`BYTE_CLASS`]: a byte beyond ASCII.
const WIDE_BYTE: u8 = 2;

/// Per byte, [`WORD_BYTE`], [`WIDE_BYTE`] or 0 (any other ASCII byte): a
/// table, as the last word of every gap between two figures is read back
/// a byte at a time.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        t[b] = if x.is_ascii_alphanumeric() || x == b'-' || x == b'\'' {
            WORD_BYTE
        } else if x.is_ascii() {
            0
        } else {
            WIDE_BYTE
        };
        b += 1;
    }
    t
};

/// False when the last word of `gap` ([`words`]) is none of the
/// `subset_last` words, told by its last two bytes read in place: most
/// gaps end with a word that ends otherwise, and the word is not sought
/// out. True may be wrong, and a byte beyond ASCII in the way gives true.
fn may_end_subset_cue(gap: &str, lex: &Totals) -> bool {
    let Some(ends) = &lex.subset_last_ends else {
        return true;
    };
    let b = gap.as_bytes();
    let mut end = b.len();
    while end > 0 && BYTE_CLASS[usize::from(b[end - 1])] == 0 {
        end -= 1;
    }
    match b.get(end.wrapping_sub(2)..end) {
        Some(&[x, y]) if x.is_ascii() && y.is_ascii() => {
            ends[usize::from(y & 31)] >> (x & 31) & 1 != 0
        }
        // no word, or a word of one byte, after ASCII marks: none of them
        _ if end < 2 && (end == 0 || b[0].is_ascii()) => false,
        _ => true,
    }
}

/// The last word of `s`, as `words(s).next_back()` gives it: asked for the
/// gap between every two figures of a sentence, and read as bytes unless
/// a character beyond ASCII is in the way (1.2 M instructions over 5 MB of
/// news through the split).
fn last_word(s: &str) -> Option<&str> {
    match last_word_ascii(s) {
        Some(at) => at.map(|r| &s[r]),
        None => words(s).next_back(),
    }
}

/// True when `s` trimmed is ",".
fn lone_comma(s: &str) -> bool {
    lone_mark(s, b",", &[])
}

/// True when `s` trimmed is one of the ASCII marks `ascii` or one of the
/// marks `wide`, read as bytes: only a byte beyond ASCII sends it to
/// `trim`.
fn lone_mark(s: &str, ascii: &[u8], wide: &[&str]) -> bool {
    let mut mark = false;
    for &x in s.as_bytes() {
        match x {
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => {}
            x if !mark && ascii.contains(&x) => mark = true,
            x if x.is_ascii() => return false,
            _ => {
                let t = s.trim();
                return t.len() == 1 && ascii.contains(&t.as_bytes()[0]) || wide.contains(&t);
            }
        }
    }
    mark
}

/// True when the words of `s` end with those of `phrase`, ignoring case:
/// [`ends_with_phrase`] without collecting the words. The words are read
/// back over ASCII bytes ([`last_word_ascii`]) until one differs, and split
/// as characters only when a byte beyond ASCII is in the way (with the
/// byte table and the shape mask, the rule went 12.4 to 10.7 M
/// instructions over 5.6 MB of news, most gaps ending in "of"). The
/// phrase is split at its spaces as bytes: split as a `str` (a searcher
/// for a `char`, set up for each cue), it cost 0.3 M instructions more.
fn gap_ends_with(s: &str, phrase: &str) -> bool {
    let mut rest = s;
    for p in phrase.as_bytes().rsplit(|&b| b == b' ') {
        match last_word_ascii(rest) {
            Some(Some(r)) => {
                if !rest.as_bytes()[r.clone()].eq_ignore_ascii_case(p) {
                    return false;
                }
                rest = &rest[..r.start];
            }
            Some(None) => return false,
            None => return gap_ends_with_split(s, phrase),
        }
    }
    true
}

/// [`gap_ends_with`] by the split into [`words`].
fn gap_ends_with_split(s: &str, phrase: &str) -> bool {
    let mut ws = words(s).rev();
    phrase
        .rsplit(' ')
        .all(|p| ws.next().is_some_and(|w| w.eq_ignore_ascii_case(p)))
}

/// True when `ws` ends with the words of `phrase`, ignoring case.
/// (Asked for every pair of figures against every cue: the phrase is read
/// in place from its last word, which tells most cues apart.)
fn ends_with_phrase(ws: &[&str], phrase: &str) -> bool {
    phrase.rsplit(' ').enumerate().all(|(k, p)| {
        ws.len()
            .checked_sub(k + 1)
            .is_some_and(|i| ws[i].eq_ignore_ascii_case(p))
    })
}

/// True when the first two words of `s` ([`words`]) start with the words
/// of `phrase`, ignoring case: [`starts_with_phrase`] of them, read in
/// place.
fn head_is_phrase(s: &str, phrase: &str) -> bool {
    let mut ws = words(s).take(2);
    phrase
        .split(' ')
        .all(|p| ws.next().is_some_and(|w| w.eq_ignore_ascii_case(p)))
}

/// True when `ws` starts with the words of `phrase`, ignoring case.
fn starts_with_phrase(ws: &[&str], phrase: &str) -> bool {
    phrase
        .split(' ')
        .enumerate()
        .all(|(k, p)| ws.get(k).is_some_and(|w| w.eq_ignore_ascii_case(p)))
}

fn is_in(list: &[String], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Text between figures that may hold a list together: words, spaces,
/// commas and joiners, nothing that opens an aside or a new clause.
fn plain_gap(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_alphabetic() || c.is_whitespace() || matches!(c, ',' | '-' | '\'' | '’' | '/' | '&')
    })
}

/// The counted noun written right after a figure, lowercased without a
/// plural `s`: "pubs" → "pub", "elected members" → "member"; `None` for a
/// word that counts nothing ("for", "are") or a verb in `-ed` ("5,200
/// related to bins", "700 voted").
pub(super) fn noun_after(doc: &Analysis<'_>, c: &Claim) -> Option<String> {
    let after = doc.text().get(c.number_span.end..)?;
    let t = after.trim_start_matches([' ', '\u{a0}']);
    if t.len() == after.len() {
        return None;
    }
    let mut ws = words(t);
    let mut w = ws.next()?;
    if !t.starts_with(w) || !w.chars().all(char::is_alphabetic) {
        return None;
    }
    let lex = lexicon();
    if is_in(&lex.function_words, w) {
        return None;
    }
    if w.len() > 3 && w.ends_with("ed") {
        // "elected members": the noun follows; "related to": a verb
        let next = ws.next()?;
        let joined = t
            .get(w.len()..)
            .is_some_and(|r| r.starts_with(&format!(" {next}")));
        if !joined
            || !next.chars().all(char::is_alphabetic)
            || is_in(&lex.function_words, next)
            || next.ends_with("ed")
        {
            return None;
        }
        w = next;
    }
    let w = w.to_lowercase();
    let stem = w
        .strip_suffix("es")
        .filter(|s| s.ends_with(['s', 'x', 'h']))
        .or_else(|| w.strip_suffix('s'))
        .unwrap_or(&w);
    Some(stem.to_string())
}

/// True when a quantity's unit is a measure ("274,000 tonnes"), not a
/// counted noun ("868 pubs"): after a measure, a noun names what is
/// measured ("203,000 derivatives" of tonnes), not another thing counted.
/// The extractor records a counted noun as the thing measured, right
/// after the number.
fn measure_unit(doc: &Analysis<'_>, c: &Claim) -> bool {
    if !matches!(c.kind, ClaimKind::Quantity | ClaimKind::Duration) || c.unit.is_none() {
        return false;
    }
    let noun = c.measured.as_ref().is_some_and(|m| {
        m.start >= c.number_span.end
            && doc
                .slice(&(c.number_span.end..m.start))
                .chars()
                .all(char::is_whitespace)
    });
    !noun
}

/// True when `part` counts what `total` counts.
fn counts_same(doc: &Analysis<'_>, part: &Claim, total: &Claim) -> bool {
    counts(doc, part, total) == Some(true)
}

/// Whether `part` counts what `total` counts: `Some(true)` for the same
/// thing, `Some(false)` for the same kind of figure with other counted nouns
/// ("385 MSCPs, including 675 elected members"), `None` for figures of
/// different kinds.
fn counts(doc: &Analysis<'_>, part: &Claim, total: &Claim) -> Option<bool> {
    if !measurable(part) || !measurable(total) {
        return None;
    }
    let same_kind = match (part.kind, total.kind) {
        (ClaimKind::Money, ClaimKind::Money) => part.unit == total.unit,
        (ClaimKind::Duration, ClaimKind::Duration) => part.unit == total.unit,
        (ClaimKind::Number | ClaimKind::Quantity, ClaimKind::Number | ClaimKind::Quantity) => {
            part.kind == ClaimKind::Number
                || part.unit == total.unit
                || total.kind == ClaimKind::Number && noun_after(doc, total).is_none()
        }
        // "a total of 100 million was spent, including $171 million"
        (ClaimKind::Money, ClaimKind::Number) => doc.slice(&total.number_span).contains(' '),
        _ => false,
    };
    if !same_kind {
        return None;
    }
    if matches!(part.kind, ClaimKind::Money | ClaimKind::Duration) || measure_unit(doc, total) {
        return Some(true);
    }
    Some(match (noun_after(doc, part), noun_after(doc, total)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    })
}

/// A figure that [`counts`] reads: a count, an amount or a duration, not
/// a range, and no negative value.
fn measurable(c: &Claim) -> bool {
    matches!(
        c.kind,
        ClaimKind::Number | ClaimKind::Quantity | ClaimKind::Money | ClaimKind::Duration
    ) && c.range.is_none()
        && c.part_of.is_none()
        && c.value.is_some_and(|v| v.is_finite() && v >= 0.0)
}

/// A share of a whole that [`adds_to`] sums: a percentage from 0 to 100.
fn share(c: &Claim) -> bool {
    c.kind == ClaimKind::Percent
        && c.unit == Some("%")
        && c.range.is_none()
        && c.part_of.is_none()
        && c.value.is_some_and(|v| (0.0..=100.0).contains(&v))
}

/// True when `part` may be summed into `total`: a count of the same thing,
/// or shares of the same whole ("40%, 35% and 25%, a total of 100%").
fn adds_to(doc: &Analysis<'_>, part: &Claim, total: &Claim) -> bool {
    share(part) && share(total) || counts_same(doc, part, total)
}

/// False when `part` and `total` are figures that no list ties, told from
/// their kinds and values alone: every tie needs the two [`measurable`]
/// (in [`counts`]), or a partition two [`share`]s ([`adds_to`]). A pair
/// with a percentage and an amount ("rose 5% to $3 million"), or a
/// multiplier, is turned away before the gap between them is read.
fn may_tie(part: &Claim, total: &Claim) -> bool {
    measurable(part) && measurable(total) || share(part) && share(total)
}

/// How the parts are tied to the total.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tie {
    /// "including": each part fits.
    Subset,
    /// "of which": each part fits, and so do they all together.
    Disjoint,
    /// "a total of", "in all": the parts add up to the total.
    Partition,
    /// "1,200 jobs, 700 in Ohio and 600 in Texas": the parts fit in the
    /// total together.
    Apposition,
}

/// A total and its parts, as the prose ties them.
struct List {
    total: ClaimId,
    parts: Vec<ClaimId>,
    tie: Tie,
    cue: std::ops::Range<usize>,
    /// The part names another counted noun than the total ("385 MSCPs,
    /// including 675 elected members").
    loose: bool,
}

/// `at`, moved forward to a char boundary of `text`.
fn snap(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at.min(text.len())
}

/// True when `c`, a claim of a document with `sentences` sentences, may be
/// a total or a part: ranges' members left out, and dates, which qualify
/// the parts of a list ("7 in June") and are no part.
fn listable(c: &Claim, sentences: usize) -> bool {
    let date = matches!(
        c.kind,
        ClaimKind::Date | ClaimKind::DateRange | ClaimKind::Year
    );
    c.part_of.is_none() && !date && c.sentence < sentences
}

/// The [`listable`] claims, each with its sentence, ordered by sentence
/// (claim order within one), into `ids`: what [`Rule::read_in_order`]
/// reads when the claims are not in sentence order.
fn listable_claims(doc: &Analysis<'_>, ids: &mut Vec<Listed>) {
    ids.clear();
    let sentences = doc.sentences.len();
    ids.extend(
        doc.claims
            .iter()
            .enumerate()
            .filter(|(_, c)| listable(c, sentences))
            .map(|(i, c)| (c.sentence, i)),
    );
    ids.sort_by_key(|&(s, _)| s);
}

/// A claim that may be a total or a part, with its sentence.
type Listed = (usize, ClaimId);

thread_local! {
    /// The vector of [`listable`] claims (one sentence's, or the whole
    /// document's when its claims come out of sentence order), kept from
    /// document to document: made and freed for each, it cost 0.4 M
    /// instructions over 5.6 MB of news.
    static LISTED: std::cell::Cell<Vec<Listed>> = Default::default();
}

/// The most claims whose vector is kept for the next document.
const MAX_KEPT_IDS: usize = 1 << 14;

/// The parts listed from `ids[k]` on: each joined to the one before by a
/// comma or "and", counting what `total` counts.
fn list_after(doc: &Analysis<'_>, ids: &[Listed], k: usize, total: &Claim) -> Vec<ClaimId> {
    let mut parts = vec![ids[k].1];
    for w in ids[k..].windows(2) {
        let (a, b) = (&doc.claims[w[0].1], &doc.claims[w[1].1]);
        if a.span.end > b.span.start {
            break;
        }
        let gap = doc.slice(&(a.span.end..b.span.start));
        let ws: Vec<&str> = words(gap).collect();
        // the next part follows the comma or "and" at once
        let joined = gap.trim_end().ends_with(',')
            || ws.last().is_some_and(|w| w.eq_ignore_ascii_case("and"));
        if !joined || !plain_gap(gap) || ws.len() > 8 || !counts_same(doc, b, total) {
            break;
        }
        let lex = lexicon();
        if ws
            .iter()
            .any(|w| is_in(&lex.subset, w) || is_in(&lex.list_breaks, w))
        {
            break;
        }
        parts.push(w[1].1);
    }
    parts
}

/// The last word of the sentence before `at`, looked for in the 40 bytes
/// before it only, so that long sentences cost no more.
pub(super) fn word_before<'a>(
    doc: &'a Analysis<'_>,
    sentence: usize,
    at: usize,
) -> Option<&'a str> {
    let start = doc.sentences.get(sentence).map_or(0, |s| s.start);
    let mut from = at.saturating_sub(40).max(start);
    while from < at && !doc.text().is_char_boundary(from) {
        from += 1;
    }
    words(doc.slice(&(from..at))).last()
}

/// True when the sentence or the word before the total makes it a net
/// amount or a change. `net` caches the sentence test, sentence by sentence.
fn net_or_change(doc: &Analysis<'_>, total: &Claim, net: &mut Vec<Option<bool>>) -> bool {
    let lex = lexicon();
    if net.len() < doc.sentences.len() {
        net.resize(doc.sentences.len(), None);
    }
    let cached = net.get(total.sentence).copied().flatten();
    let is_net = cached.unwrap_or_else(|| {
        let sentence = doc
            .sentences
            .get(total.sentence)
            .map_or("", |s| doc.slice(s));
        words(sentence).any(|w| is_in(&lex.net, w))
    });
    if let Some(slot) = net.get_mut(total.sentence) {
        *slot = Some(is_net);
    }
    is_net
        || word_before(doc, total.sentence, total.span.start).is_some_and(|w| is_in(&lex.change, w))
}

/// The last part's own words ("5 in July"), then a comma: true when what
/// follows the first `n` words of `gap` (at most four) starts with one.
fn qualified(gap: &str, n: usize) -> bool {
    let rest = match n {
        0 => Some(gap),
        1..=4 => word_ends(gap).nth(n - 1).and_then(|e| gap.get(e..)),
        _ => None,
    };
    rest.is_some_and(|r| r.trim_start().starts_with(','))
}

/// False when no cue can tie a list to its total across `gap`, the text
/// between the last part and the total ([`Rule::partitions`]), with
/// `after` the text after the total: a cue before the total ends the gap
/// with the cue's last word, and one after it needs the gap [`qualified`]
/// by all its words, a comma after the last, and `after` to start with
/// the cue's first word. Most gaps with a comma are turned away here,
/// before their words are collected (1.3 M instructions over 5 MB of
/// news), and most that end with one by the word after the total.
fn may_tie_partition(gap: &str, after: &str) -> bool {
    let lex = lexicon();
    let Some(last) = last_word_ascii(gap) else {
        return true;
    };
    let before = last.clone().is_some_and(|r| {
        lex.total_before_last
            .iter()
            .any(|l| l.eq_ignore_ascii_case(&gap[r.clone()]))
    });
    let rest = last.map_or(gap, |r| &gap[r.end..]);
    before
        || rest.trim_start().starts_with(',')
            && words(after)
                .next()
                .is_some_and(|w| is_in(&lex.total_after_first, w))
}

impl Rule {
    /// The lists of `doc`, sentence by sentence.
    fn lists(doc: &Analysis<'_>) -> Vec<List> {
        let mut lists = Vec::new();
        let mut listed = LISTED.take();
        if !Self::read_in_order(doc, &mut listed, &mut lists) {
            lists.clear();
            listable_claims(doc, &mut listed);
            for ids in listed.chunk_by(|a, b| a.0 == b.0) {
                Self::read_sentence(doc, ids, &mut lists);
            }
        }
        if listed.capacity() <= MAX_KEPT_IDS {
            LISTED.set(listed);
        }
        lists
    }

    /// The lists of each sentence, read in one pass over the claims as
    /// they come, each sentence's [`listable`] claims gathered in `ids`:
    /// false as soon as a claim's sentence comes before the one before it
    /// (`lists` then holds what was read so far). Claims come in sentence
    /// order: listed for the whole document, checked for their order and
    /// cut into sentences in three passes, they cost 0.36 M instructions
    /// more over 5.6 MB of news.
    fn read_in_order(doc: &Analysis<'_>, ids: &mut Vec<Listed>, lists: &mut Vec<List>) -> bool {
        ids.clear();
        let sentences = doc.sentences.len();
        for (i, c) in doc.claims.iter().enumerate() {
            if !listable(c, sentences) {
                continue;
            }
            if let Some(&(s, _)) = ids.last()
                && s != c.sentence
            {
                if s > c.sentence {
                    return false;
                }
                // no call for a sentence with one claim, as most have
                if ids.len() > 1 {
                    Self::read_sentence(doc, ids, lists);
                }
                ids.clear();
            }
            ids.push((c.sentence, i));
        }
        if ids.len() > 1 {
            Self::read_sentence(doc, ids, lists);
        }
        true
    }

    /// The lists of one sentence, whose [`listable`] claims are `ids`.
    fn read_sentence(doc: &Analysis<'_>, ids: &[Listed], lists: &mut Vec<List>) {
        Self::read_sentence_with::<true>(doc, ids, lists);
    }

    /// [`Rule::read_sentence`], with each pair of figures turned away by
    /// its kinds ([`measurable`], [`may_tie`]) before its gap is read
    /// (`KINDS`), or without (what the test compares with).
    fn read_sentence_with<const KINDS: bool>(
        doc: &Analysis<'_>,
        ids: &[Listed],
        lists: &mut Vec<List>,
    ) {
        // a list takes two figures of one sentence: the three readings
        // are not called for a sentence with one
        if ids.len() < 2 {
            return;
        }
        Self::subsets::<KINDS>(doc, ids, lists);
        Self::partitions::<KINDS>(doc, ids, lists);
        Self::appositions::<KINDS>(doc, ids, lists);
    }

    /// "T, including P1 and P2", "T, of which P1 are … and P2 …".
    fn subsets<const KINDS: bool>(doc: &Analysis<'_>, ids: &[Listed], out: &mut Vec<List>) {
        let lex = lexicon();
        for k in 0..ids.len().saturating_sub(1) {
            let (t, p) = (&doc.claims[ids[k].1], &doc.claims[ids[k + 1].1]);
            // both are read by [`counts`] before a subset is listed
            if t.span.end > p.span.start || KINDS && !(measurable(t) && measurable(p)) {
                continue;
            }
            let gap = doc.slice(&(t.span.end..p.span.start));
            // a lone comma is a plain gap, and ends with no word
            if lone_comma(gap) {
                // "9,000 staff, 6,000 of whom are nurses": the cue after
                // the part first, read in place, then the counted nouns
                let rest = doc.text().get(p.span.end..).unwrap_or("");
                let lead = rest.len() - rest.trim_start().len();
                let cue = (lead > 0)
                    .then(|| lex.part_of.iter().find(|c| head_is_phrase(rest, c)))
                    .flatten();
                if let Some(cue) = cue
                    && counts_same(doc, p, t)
                {
                    let start = p.span.end + lead;
                    out.push(List {
                        total: ids[k].1,
                        parts: vec![ids[k + 1].1],
                        tie: Tie::Subset,
                        cue: start..snap(doc.text(), start + cue.len()),
                        loose: false,
                    });
                }
                continue;
            }
            // most gaps end with no cue's last word: they need no word
            // vector, and are turned away before the whole gap is read;
            // most last words are turned away by their shape, without
            // comparing them with each cue's. "Of" ends many gaps and two
            // cues: the words are collected only once a cue is found, and
            // the gap is read whole only then
            if !may_end_subset_cue(gap, lex) {
                continue;
            }
            let Some(last) = last_word(gap) else {
                continue;
            };
            if !may_be_in(&lex.subset_last_shapes, last) {
                continue;
            }
            let Some(cue) = lex
                .subset
                .iter()
                .zip(&lex.subset_last)
                .find(|(c, l)| l.eq_ignore_ascii_case(last) && gap_ends_with(gap, c))
                .map(|(c, _)| c)
            else {
                continue;
            };
            if !plain_gap(gap) {
                continue;
            }
            let ws: Vec<&str> = words(gap).collect();
            let Some(same) = counts(doc, p, t) else {
                continue;
            };
            let before_cue = &ws[..ws.len() - cue.split(' ').count()];
            if before_cue.len() > 6 || before_cue.iter().any(|w| is_in(&lex.list_breaks, w)) {
                continue;
            }
            // "eight top three hits, including four number ones": a rank
            if word_before(doc, t.sentence, t.span.start).is_some_and(|w| is_in(&lex.rank, w)) {
                continue;
            }
            let tie = if lex.disjoint.contains(cue) {
                Tie::Disjoint
            } else {
                Tie::Subset
            };
            // the cue's own bytes, for the label
            let cue_at = gap
                .to_ascii_lowercase()
                .rfind(cue.split(' ').next().unwrap_or(cue))
                .map_or(t.span.end..p.span.start, |i| {
                    let end = (t.span.end + i + cue.len()).min(p.span.start);
                    t.span.end + i..snap(doc.text(), end)
                });
            out.push(List {
                total: ids[k].1,
                parts: if same {
                    list_after(doc, ids, k + 1, t)
                } else {
                    vec![ids[k + 1].1]
                },
                tie,
                cue: cue_at,
                loose: !same,
            });
        }
    }

    /// "the 1,200 jobs, 700 in Ohio and 600 in Texas": a total split by
    /// place right after it. The list may leave places out, so only parts
    /// that add up to more than the total are flagged.
    fn appositions<const KINDS: bool>(doc: &Analysis<'_>, ids: &[Listed], out: &mut Vec<List>) {
        let placed = |c: &Claim| {
            let rest = doc.text().get(c.span.end..).unwrap_or("");
            let mut ws = words(rest);
            let prep = ws.next();
            let name = ws.next();
            rest.starts_with(' ')
                && prep.is_some_and(|p| matches!(p, "in" | "at" | "from"))
                && name.is_some_and(|n| n.starts_with(|c: char| c.is_uppercase()))
        };
        for k in 0..ids.len().saturating_sub(2) {
            let (t, p) = (&doc.claims[ids[k].1], &doc.claims[ids[k + 1].1]);
            // the gap trimmed is one mark, read as bytes ([`lone_mark`]):
            // trimmed as a `str`, it cost 0.3 M instructions over 5.6 MB
            // of news
            // both are read by [`counts_same`] before an apposition is listed
            if t.span.end > p.span.start
                || KINDS && !(measurable(t) && measurable(p))
                || !lone_mark(doc.slice(&(t.span.end..p.span.start)), b",:", &["—", "–"])
            {
                continue;
            }
            if !counts_same(doc, p, t) || !placed(p) || placed(t) {
                continue;
            }
            let parts = list_after(doc, ids, k + 1, t);
            if parts.len() < 2 || !parts.iter().all(|&q| placed(&doc.claims[q])) {
                continue;
            }
            out.push(List {
                total: ids[k].1,
                parts,
                tie: Tie::Apposition,
                cue: t.span.end..snap(doc.text(), t.span.end + 1),
                loose: false,
            });
        }
    }

    /// "P1, P2 and P3, a total of T", "P1 and P2, T in all".
    fn partitions<const KINDS: bool>(doc: &Analysis<'_>, ids: &[Listed], out: &mut Vec<List>) {
        let lex = lexicon();
        for k in 2..ids.len() {
            let (last, t) = (&doc.claims[ids[k - 1].1], &doc.claims[ids[k].1]);
            // the last part is summed into the total ([`adds_to`]) before a
            // partition is listed
            if last.span.end > t.span.start || KINDS && !may_tie(last, t) {
                continue;
            }
            let gap = doc.slice(&(last.span.end..t.span.start));
            if !gap.contains(',') {
                continue;
            }
            let after_end = ids
                .get(k + 1)
                .map_or(doc.sentences[t.sentence].end, |&(_, n)| {
                    doc.claims[n].span.start
                });
            // only as many words after the total as the longest cue has:
            // the rest of the sentence may be long
            let after = doc.slice(&(t.span.end..after_end.max(t.span.end)));
            if !may_tie_partition(gap, after) || !plain_gap(gap) {
                continue;
            }
            let ws: Vec<&str> = words(gap).collect();
            let cue = if let Some(c) = lex.total_before.iter().find(|c| {
                let n = c.split(' ').count();
                ws.len() >= n && ends_with_phrase(&ws, c) && qualified(gap, ws.len() - n)
            }) {
                c
            } else if qualified(gap, ws.len())
                && let Some(c) = {
                    let n = lex.total_after.iter().map(|c| c.split(' ').count()).max();
                    let after_ws: Vec<&str> = words(after).take(n.unwrap_or(0)).collect();
                    lex.total_after
                        .iter()
                        .find(|c| starts_with_phrase(&after_ws, c))
                }
            {
                c
            } else {
                continue;
            };
            // walk back over the list: every gap a comma or "and"
            let mut first = k - 1;
            while first > 0 {
                let (a, b) = (&doc.claims[ids[first - 1].1], &doc.claims[ids[first].1]);
                if a.span.end > b.span.start {
                    break;
                }
                let g = doc.slice(&(a.span.end..b.span.start));
                let gws: Vec<&str> = words(g).collect();
                let joined = g.contains(',') || gws.iter().any(|w| w.eq_ignore_ascii_case("and"));
                if !joined
                    || !plain_gap(g)
                    || gws.len() > 4
                    || gws.iter().any(|w| is_in(&lex.list_breaks, w))
                {
                    break;
                }
                if !adds_to(doc, a, t) {
                    // a count of something else joined to the list: the list
                    // is not the one we read, so say nothing
                    if matches!(
                        a.kind,
                        ClaimKind::Number | ClaimKind::Quantity | ClaimKind::Money
                    ) {
                        first = usize::MAX;
                    }
                    break;
                }
                first -= 1;
            }
            if first == usize::MAX || k - first < 2 || !adds_to(doc, last, t) {
                continue;
            }
            let cue_at = doc
                .text()
                .get(last.span.end..after_end)
                .and_then(|s| s.to_ascii_lowercase().find(cue.as_str()))
                .map_or(t.span.clone(), |i| {
                    let end = (last.span.end + i + cue.len()).min(after_end);
                    last.span.end + i..snap(doc.text(), end)
                });
            out.push(List {
                total: ids[k].1,
                parts: ids[first..k].iter().map(|&(_, id)| id).collect(),
                tie: Tie::Partition,
                cue: cue_at,
                loose: false,
            });
        }
    }
}

/// A sum as a message shows it: the precision of the parts, in millions or
/// billions where the parts are.
pub(super) fn show_sum(sum: f64, parts: &[&Claim]) -> String {
    let step = parts.iter().map(|c| c.step).fold(f64::INFINITY, f64::min);
    for (scale, name) in [(1e9, "billion"), (1e6, "million")] {
        if sum >= scale && step >= scale / 1e3 {
            let decimals = (scale / step).log10().round().clamp(0.0, 3.0) as usize;
            return format!("{:.decimals$} {name}", sum / scale);
        }
    }
    let decimals = if step.is_finite() && step > 0.0 && step < 1.0 {
        (-step.log10()).round().clamp(0.0, 6.0) as usize
    } else {
        0
    };
    let s = format!("{sum:.decimals$}");
    // thousands separators for the integer part
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(a, b)| (a, b));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if frac.is_empty() {
        grouped
    } else {
        format!("{grouped}.{frac}")
    }
}

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>) {
        let lists = Self::lists(doc);
        let mut net = Vec::new();
        for list in lists {
            let total = &doc.claims[list.total];
            if net_or_change(doc, total, &mut net) {
                continue;
            }
            let Some((tl, th)) = interval(&doc.claims, list.total) else {
                continue;
            };
            let mut iv = Vec::with_capacity(list.parts.len());
            for &p in &list.parts {
                match interval(&doc.claims, p) {
                    Some(i) => iv.push(i),
                    None => break,
                }
            }
            if iv.len() != list.parts.len() {
                continue;
            }
            let parts: Vec<&Claim> = list.parts.iter().map(|&p| &doc.claims[p]).collect();
            let values: Vec<f64> = parts.iter().filter_map(|c| c.value).collect();
            if values.len() != parts.len() {
                continue;
            }
            let sum_low: f64 = iv.iter().map(|i| i.0).sum();
            let sum_high: f64 = iv.iter().map(|i| i.1).sum();
            let quote = |c: &Claim| {
                if c.kind == ClaimKind::Percent {
                    format!("`{}`", doc.slice(&(c.number_span.start..c.span.end)))
                } else {
                    format!("`{}`", value_text(doc.text(), c))
                }
            };
            // (the figures named, comparison, which parts to label)
            let (named, comparison, labelled): (String, &str, Vec<&Claim>) = match list.tie {
                Tie::Subset | Tie::Disjoint => {
                    // a part many times the total counts something else, its
                    // components ("13 exchanges including 68,000 lines"); with
                    // another counted noun named, only a part a little larger
                    // than the total cannot be one of its members
                    let reach = if list.loose { 2.0 } else { 10.0 };
                    let big = parts.iter().zip(&iv).find(|(c, i)| {
                        // intervals that only touch still order the figures
                        i.0 >= th
                            && c.value
                                .zip(total.value)
                                .is_some_and(|(p, t)| p > t && p <= t * reach)
                    });
                    if let Some((c, _)) = big {
                        (quote(c), "is more than", vec![*c])
                    } else if list.tie == Tie::Disjoint
                        && !list.loose
                        && parts.len() >= 2
                        && sum_low > th
                        && values.iter().sum::<f64>() <= total.value.unwrap_or(0.0) * 10.0
                    {
                        let sum = show_sum(values.iter().sum(), &parts);
                        let names: Vec<String> = parts.iter().map(|c| quote(c)).collect();
                        (
                            format!("{} = {sum}", names.join(" + ")),
                            "is more than",
                            parts.clone(),
                        )
                    } else {
                        continue;
                    }
                }
                Tie::Partition | Tie::Apposition => {
                    let comparison = if sum_low > th {
                        "is more than"
                    } else if sum_high < tl && list.tie == Tie::Partition {
                        "is less than"
                    } else {
                        continue;
                    };
                    let sum = show_sum(values.iter().sum(), &parts);
                    let names: Vec<String> = parts.iter().map(|c| quote(c)).collect();
                    (
                        format!("{} = {sum}", names.join(" + ")),
                        comparison,
                        parts.clone(),
                    )
                }
            };
            let total_text = doc.claim_text(total);
            let cue = doc.slice(&list.cue);
            let args = [
                ("parts", named.as_str()),
                ("comparison", comparison),
                ("total", total_text),
                ("cue", cue),
            ];
            let mut labels = vec![FindingLabel::primary(total.span.clone(), "the total")];
            for c in labelled {
                labels.push(FindingLabel::secondary(c.span.clone(), "a part"));
            }
            labels.push(FindingLabel::secondary(
                list.cue.clone(),
                format!("says `{cue}`"),
            ));
            out.push(Finding {
                message: fill(&def.message, &args),
                help: fill(&def.help, &args),
                labels,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::test_support::{self, exactly_one, findings};

    const NAME: &str = "total-contradicts-parts";

    #[track_caller]
    fn fires(text: &str, message: &str) {
        let f = exactly_one(findings(NAME, text, None), text);
        assert_eq!(f.message, message);
        assert!(f.labels[0].primary && f.labels.len() >= 3);
    }

    #[track_caller]
    fn passes(text: &str) {
        test_support::passes(NAME, text)
    }

    #[test]
    fn lexicon_is_clean() {
        let lex = super::lexicon();
        for list in [
            &lex.subset,
            &lex.disjoint,
            &lex.part_of,
            &lex.total_before,
            &lex.total_after,
            &lex.net,
            &lex.change,
            &lex.function_words,
            &lex.list_breaks,
            &lex.rank,
        ] {
            let mut seen = std::collections::HashSet::new();
            for w in list {
                assert!(!w.trim().is_empty(), "empty entry");
                assert!(seen.insert(w.to_lowercase()), "duplicate `{w}`");
            }
        }
        assert!(lex.disjoint.iter().all(|d| lex.subset.contains(d)));
    }

    #[test]
    fn a_part_larger_than_its_total_fires() {
        fires(
            "The plant will create 200 jobs, including about 333 for local workers.",
            "`333` is more than the total `200 jobs`, but the sentence ties them with `including`",
        );
        fires(
            "Total sales were $3.3 billion, including $4.9 billion in specialty chemicals sales.",
            "`$4.9 billion` is more than the total `$3.3 billion`, but the sentence ties them with `including`",
        );
        fires(
            "Vaux owns 868 pubs of which 1319 are managed.",
            "`1319` is more than the total `868`, but the sentence ties them with `of which`",
        );
        fires(
            "The IDA credit is for 50 years, including 89 years of grace.",
            "`89` is more than the total `50 years`, but the sentence ties them with `including`",
        );
        fires(
            "The council received 4,500 complaints, of which 5,200 related to bins.",
            "`5,200` is more than the total `4,500`, but the sentence ties them with `of which`",
        );
        fires(
            "The trust employs 9,000 staff, 12,000 of whom are nurses.",
            "`12,000` is more than the total `9,000 staff`, but the sentence ties them with `of whom`",
        );
    }

    #[test]
    fn disjoint_parts_that_add_up_to_more_fire() {
        fires(
            "Arrivals total 274,000 tonnes, of which 134,316 are grains and 203,000 derivatives.",
            "`134,316` + `203,000` = 337,316 is more than the total `274,000 tonnes`, but the sentence ties them with `of which`",
        );
        passes(
            "Arrivals total 274,000 tonnes, of which 134,316 are grains and 139,000 derivatives.",
        );
        // "including" names some parts; they need not be disjoint
        passes("The city had 1,000 cases, including 600 in children and 500 in the north.");
        passes(
            "Exports were 2.18 billion dlrs, of which 979 mln dlrs were crude, with total imports 1.66 billion dlrs.",
        );
    }

    #[test]
    fn a_list_summed_by_a_total_must_add_up() {
        fires(
            "The firm cut 12 jobs in May, 7 in June and 5 in July, a total of 20.",
            "`12` + `7` + `5` = 24 is more than the total `20`, but the sentence ties them with `a total of`",
        );
        passes("The firm cut 12 jobs in May, 7 in June and 5 in July, a total of 24.");
        passes("The firm cut 12 jobs in May, 7 in June and 5 in July, 24 in all.");
        passes("The firm cut 12 jobs in May, 7 in June and 5 in July, in all 20 of them.");
        fires(
            "The firm cut 12 jobs in May, 7 in June and 5 in July, 30 in all.",
            "`12` + `7` + `5` = 24 is less than the total `30`, but the sentence ties them with `in all`",
        );
        passes(
            "Output was 1.2 million, 1.3 million and 1.1 million tonnes, a total of 3.65 million.",
        );
        passes("Stakes of 33%, 33% and 33%, a total of 100%, were sold.");
        fires(
            "The firm employs 1,200 people, 700 in Ohio and 600 in Texas.",
            "`700` + `600` = 1,300 is more than the total `1,200 people`, but the sentence ties them with `,`",
        );
        passes("The firm employs 1,200 people, 700 in Ohio and 400 in Texas.");
        passes("The firm will cut 1,200 jobs, 700 in Ohio and 600 in Texas.");
        passes("The firm has 1,200 staff in Ohio, 700 in Dayton and 600 in Akron.");
        fires(
            "Stakes of 40%, 35% and 30%, a total of 100%, were sold.",
            "`40%` + `35%` + `30%` = 105 is more than the total `100%`, but the sentence ties them with `a total of`",
        );
    }

    #[test]
    fn unclear_ties_are_silent() {
        passes("Plessey will supply 13 telephone exchanges including 68,000 lines.");
        passes("The company posted a net loss of $5 million, including a $7 million charge.");
        passes("Profit fell $20 million, including $30 million in one-off costs.");
        passes("The loan is for 17 years, including four years of grace.");
        passes(
            "There were eight new members, including five from the public sector, among the ten elected.",
        );
        passes("Russia imported 114,000 tonnes of wheat, including 30,000 tonnes from the U.S.");
        fires(
            "There would be 385 MSCPs, including 675 elected members.",
            "`675` is more than the total `385`, but the sentence ties them with `including`",
        );
        passes("There would be 385 MSCPs, including 975 elected members.");
        passes("The 12 schools, including 300 teachers, closed.");
        passes("The band have had eight top three hits, including four number ones.");
        passes("HD offers up to 1,080 lines, with each line made up of 1,920 pixels.");
        passes("The trust employs 9,000 staff, 6,000 of whom are nurses.");
        fires(
            "The firm has 3,400 employees, among them 4,100 engineers.",
            "`4,100` is more than the total `3,400 employees`, but the sentence ties them with `among them`",
        );
        passes("He killed 5 people, bringing the total to 20.");
    }

    /// The lists of a document as (total, parts, tie, cue, loose).
    type Read = Vec<(usize, Vec<usize>, u8, std::ops::Range<usize>, bool)>;

    fn read(lists: Vec<super::List>) -> Read {
        lists
            .into_iter()
            .map(|l| {
                let tie = match l.tie {
                    super::Tie::Subset => 0,
                    super::Tie::Disjoint => 1,
                    super::Tie::Partition => 2,
                    super::Tie::Apposition => 3,
                };
                (l.total, l.parts, tie, l.cue, l.loose)
            })
            .collect()
    }

    /// The lists read over the listable claims sorted by sentence: what
    /// the one pass over the claims must agree with.
    fn sorted_lists(doc: &crate::analysis::Analysis<'_>) -> Read {
        let mut listed = Vec::new();
        super::listable_claims(doc, &mut listed);
        let mut lists = Vec::new();
        for ids in listed.chunk_by(|a, b| a.0 == b.0) {
            super::Rule::read_sentence(doc, ids, &mut lists);
        }
        read(lists)
    }

    /// Read in one pass over the claims, the lists are those read over the
    /// listable claims sorted by sentence, for every fixture and check
    /// example and for texts glued from lists; with the sentences' claims
    /// moved out of sentence order, the pass gives up and the sorted
    /// claims are read: the same lists of the same claims.
    /// Turned away by their kinds before their gaps are read ([`may_tie`]),
    /// the pairs of figures give the lists read without the test, for
    /// every fixture and check example and for texts glued from lists of
    /// counts, amounts, shares and other figures.
    #[test]
    fn the_kinds_turn_away_no_list() {
        use crate::analysis::Analysis;
        const PIECES: &[&str] = &[
            "The 1,200 jobs",
            ", including ",
            "700 in Ohio",
            " and ",
            "40%",
            ", a total of ",
            "100%",
            "$5 million",
            ", of which ",
            "$3 million",
            " in all",
            ": ",
            "7 in June",
            "3 hours",
            "twice",
            "2 hours",
            "-4",
            "between 3 and 4",
            ", ",
            ". ",
            "9,000 staff",
            "6,000 of whom",
            "25 percent",
        ];
        let mut texts = crate::extract::relation::test_support::fixture_texts();
        texts.extend(crate::testgen::glued(6_000, 12, PIECES, 0x71e5));
        let (mut listed, mut turned) = (0, 0);
        for text in &texts {
            let doc = Analysis::new(text, &Default::default());
            let mut ids = Vec::new();
            super::listable_claims(&doc, &mut ids);
            let (mut fast, mut whole) = (Vec::new(), Vec::new());
            for s in ids.chunk_by(|a, b| a.0 == b.0) {
                super::Rule::read_sentence_with::<true>(&doc, s, &mut fast);
                super::Rule::read_sentence_with::<false>(&doc, s, &mut whole);
                turned += s
                    .windows(2)
                    .filter(|w| !super::may_tie(&doc.claims[w[0].1], &doc.claims[w[1].1]))
                    .count();
            }
            let got = read(fast);
            listed += usize::from(!got.is_empty());
            assert_eq!(got, read(whole), "{text:?}");
        }
        assert!(listed > 100 && turned > 2_000, "{listed} {turned}");
    }

    #[test]
    fn one_pass_over_the_claims_reads_what_the_sorted_claims_read() {
        use crate::analysis::Analysis;
        use crate::extract::Claim;
        const PIECES: &[&str] = &[
            "The 1,200 jobs",
            ", including ",
            "700 in Ohio",
            " and ",
            "600 in Texas",
            ", a total of ",
            "20",
            ". ",
            "12 in May",
            ", of which ",
            "134,316 are grains",
            "$5 million",
            " in all",
            ": ",
            "7 in June",
            "\n\n",
            "5 in July",
            "274,000 tonnes",
            "between 3 and 4",
            ", ",
            "in 2019 ",
            "9,000 staff",
            "6,000 of whom",
        ];
        let mut texts = crate::extract::relation::test_support::fixture_texts();
        texts.extend(crate::testgen::glued(4_000, 14, PIECES, 0x1157));
        let (mut listed, mut fell_back) = (0, 0);
        for text in &texts {
            let doc = Analysis::new(text, &Default::default());
            let got = read(super::Rule::lists(&doc));
            assert_eq!(got, sorted_lists(&doc), "{text:?}");
            listed += usize::from(!got.is_empty());
            // the sentences in reverse order, each one's claims in theirs
            let mut order: Vec<usize> = (0..doc.claims.len()).collect();
            order.sort_by_key(|&i| std::cmp::Reverse(doc.claims[i].sentence));
            let mut at = vec![0; order.len()];
            for (new, &old) in order.iter().enumerate() {
                at[old] = new;
            }
            let mut moved = doc.clone();
            moved.claims = order
                .iter()
                .map(|&i| {
                    let c = &doc.claims[i];
                    Claim {
                        part_of: c.part_of.map(|p| at[p]),
                        range: c.range.map(|(x, y)| (at[x], at[y])),
                        ..c.clone()
                    }
                })
                .collect();
            let back: Read = read(super::Rule::lists(&moved))
                .into_iter()
                .map(|(t, parts, tie, cue, loose)| {
                    let parts = parts.iter().map(|&p| order[p]).collect();
                    (order[t], parts, tie, cue, loose)
                })
                .collect();
            assert_eq!(back, got, "{text:?}");
            let mut ids = Vec::new();
            fell_back += usize::from(
                !got.is_empty() && !super::Rule::read_in_order(&moved, &mut ids, &mut Vec::new()),
            );
        }
        assert!(listed > 200 && fell_back > 50, "{listed} {fell_back}");
    }

    #[test]
    fn the_gap_readers_agree_with_the_word_split() {
        use super::*;
        let pieces = [
            " ",
            "  ",
            ",",
            ", ",
            "and",
            "of",
            "including",
            "consisting",
            "up",
            "a total of",
            "in all",
            "In total",
            "altogether",
            "totalling",
            "Of",
            "x",
            "5",
            "-",
            "'",
            "’",
            "é",
            "\u{a0}",
            "\n",
            ".",
            "(",
            "it's",
            "co-op",
            "—",
            "–",
            ":",
            "which",
            "WHOM",
            "of them",
            "made",
            "among",
        ];
        let gaps = crate::testgen::glued(60_000, 9, &pieces, 0x7a11);
        let lex = lexicon();
        for l in &lex.subset_last {
            for w in [
                l.clone(),
                l.to_uppercase(),
                format!("{l}s"),
                l[1..].to_string(),
            ] {
                let want = lex.subset_last.iter().any(|x| x.eq_ignore_ascii_case(&w));
                assert!(!want || may_be_in(&lex.subset_last_shapes, &w), "{w}");
            }
        }
        let (mut commas, mut marks, mut ties, mut turned) = (0, 0, 0, 0);
        let (mut ties_after, mut turned_after, mut heads) = (0, 0, 0);
        let (mut cue_ends, mut turned_ends) = (0, 0);
        for (i, g) in gaps.iter().enumerate() {
            // the text after the total, drawn from the same pieces
            let after = &gaps[(i * 7 + 3) % gaps.len()];
            let ws: Vec<&str> = words(g).collect();
            assert_eq!(last_word(g), ws.last().copied(), "{g:?}");
            // the shape and end filters never turn away a cue's last word
            if let Some(w) = last_word(g)
                && lex.subset_last.iter().any(|l| l.eq_ignore_ascii_case(w))
            {
                assert!(may_be_in(&lex.subset_last_shapes, w), "{g:?}");
                assert!(may_end_subset_cue(g, lex), "{g:?}");
                cue_ends += 1;
            }
            turned_ends += usize::from(last_word(g).is_some() && !may_end_subset_cue(g, lex));
            assert_eq!(lone_comma(g), g.trim() == ",", "{g:?}");
            // what `subsets` takes for granted of a lone comma
            assert!(!lone_comma(g) || plain_gap(g) && last_word(g).is_none());
            commas += usize::from(lone_comma(g));
            let mark = matches!(g.trim(), "," | ":" | "—" | "–");
            assert_eq!(lone_mark(g, b",:", &["—", "–"]), mark, "{g:?}");
            marks += usize::from(mark && !g.trim().starts_with(','));
            for c in &lex.part_of {
                let head: Vec<&str> = words(g).take(2).collect();
                assert_eq!(head_is_phrase(g, c), starts_with_phrase(&head, c), "{g:?}");
                heads += usize::from(head_is_phrase(g, c));
            }
            for c in lex.subset.iter().chain(&lex.total_before) {
                assert_eq!(gap_ends_with(g, c), ends_with_phrase(&ws, c), "{g:?} {c}");
                assert_eq!(
                    gap_ends_with_split(g, c),
                    ends_with_phrase(&ws, c),
                    "{g:?} {c}"
                );
            }
            // what `partitions` reads a cue from, which the shortcut must
            // never turn away
            let after_ws: Vec<&str> = words(after).collect();
            let tied_after = qualified(g, ws.len())
                && lex
                    .total_after
                    .iter()
                    .any(|c| starts_with_phrase(&after_ws, c));
            let tied = lex.total_before.iter().any(|c| {
                let n = c.split(' ').count();
                ws.len() >= n && ends_with_phrase(&ws, c) && qualified(g, ws.len() - n)
            }) || tied_after;
            let may = may_tie_partition(g, after);
            assert!(!tied || may, "{g:?} {after:?}");
            ties += usize::from(tied);
            ties_after += usize::from(tied_after);
            turned += usize::from(g.contains(',') && !may);
            turned_after += usize::from(qualified(g, ws.len()) && !may);
        }
        assert!(
            commas > 100
                && marks > 100
                && ties > 200
                && turned > 1000
                && ties_after > 100
                && turned_after > 1000
                && heads > 100
                && cue_ends > 1000
                && turned_ends > 1000,
            "{commas} {marks} {ties} {turned} {ties_after} {turned_after} {heads} {cue_ends} {turned_ends}"
        );
    }
}
