//! The scanner: walks each sentence once and turns figures into claims.
//!
//! Most bytes are letters of words that begin no figure, so the walk jumps
//! word to word and looks a word up only at its start (lowercased into a
//! stack buffer). A candidate is a digit, `.5`, a sign, a currency symbol,
//! or a word the lexicons say can begin a figure (a number word, an
//! approximator, "between", "aged"). At a candidate the date parser goes
//! first, so dates win over numbers; then approximator, currency, number,
//! scale and unit are read in that order, and a second figure joined by a
//! dash or "to"/"and" may make a range. Claims never overlap, except a range
//! and its two members.

use super::approx;
use super::date;
use super::gate::{self, Gate};
use super::multiplier;
use std::cell::Cell;
use std::sync::LazyLock;

use super::context::{self, Context};
use super::lexicon::{
    MAX_WORD, PACKED, WordBuf, WordMap, ends_word, letters_end, lower_word, match_phrase,
    measure_packed, spaces,
};
use super::money::{self, Currency};
use super::number::{self, Num};
use super::quantity;
use super::{Approx, Claim, ClaimKind, DateParts};
use crate::source::Span;

/// The words that can begin a figure, with the gate flag each gives
/// ([`gate::FIGURE`] for a number word or a word that leads a figure,
/// [`gate::APPROX`] for an approximator's first word), and per first letter
/// a mask of their lengths.
struct Starters {
    words: WordMap<gate::Flags>,
    mask: [u32; 26],
}

static STARTERS: LazyLock<Starters> = LazyLock::new(|| {
    let mut words: WordMap<gate::Flags> = WordMap::default();
    let mut mask = [0u32; 26];
    let extra = [
        "a", "an", "half", "between", "aged", "age", "percent", "percents", "per", "pct",
    ];
    let all = number::starter_words()
        .chain(extra.iter().copied())
        .map(|w| (w, gate::FIGURE))
        .chain(approx::first_words().map(|w| (w, gate::APPROX)));
    for (w, flag) in all {
        let c = w.as_bytes().first().copied().unwrap_or(b'-');
        if c.is_ascii_lowercase() && w.len() < 32 {
            mask[usize::from(c - b'a')] |= 1 << w.len();
            *words.entry(w.to_string()).or_default() |= flag;
        }
    }
    Starters { words, mask }
});

/// The claims of `sentences`, each with its context when `with_context`
/// is true.
pub(super) fn claims(prose: &str, sentences: &[Span], with_context: bool) -> Vec<Claim> {
    gate::with(with_context, |g| {
        claims_with(prose, sentences, Some(g), with_context)
    })
}

/// [`claims`], with the word gate or without it (`None`: every parser is
/// tried at every word, the reference the gate must agree with).
fn claims_with(
    prose: &str,
    sentences: &[Span],
    gate: Option<&mut Gate>,
    with_context: bool,
) -> Vec<Claim> {
    number::remembering(prose, || {
        scan_sentences(prose, sentences, gate, with_context)
    })
}

/// Bytes of news prose per claim, fewer than most documents have (the
/// whole news corpus has one claim per 124 bytes, the BBC records of its
/// first 5 MB one per 179): the claims vector is given room for that many
/// up front, so that a document's claims are not copied again at a
/// doubling of the vector. At 160 bytes, 14,891 of the corpus's 16,764
/// records grew their vector once, 12.9 M instructions of a `check` run.
const BYTES_PER_CLAIM: usize = 50;

/// The most claims room is made for before any is found: past it the
/// vector grows as usual, and a long document without figures does not
/// reserve memory it never uses.
const RESERVED_CLAIMS: usize = 4096;

fn scan_sentences(
    prose: &str,
    sentences: &[Span],
    mut gate: Option<&mut Gate>,
    with_context: bool,
) -> Vec<Claim> {
    let mut out = KEPT_CLAIMS.take();
    out.clear();
    out.reserve((prose.len() / BYTES_PER_CLAIM).min(RESERVED_CLAIMS));
    let (mut multipliers, mut triggers) = SCRATCH.take();
    triggers.clear();
    for (si, s) in sentences.iter().enumerate() {
        let end = s.end.min(prose.len());
        if s.start >= end || prose.get(s.start..end).is_none() {
            continue;
        }
        let first = out.len();
        multipliers.clear();
        // with a gate that gives the words' context classes the walk finds
        // the sentence's words that may start an anchor or an attribution;
        // with any other they are read afresh below
        let walked = with_context && gate.as_deref().is_some_and(Gate::gives_context);
        let walk = Walk {
            gate: gate.as_deref_mut(),
            multipliers: &mut multipliers,
            triggers: walked.then_some(&mut triggers),
        };
        walk_sentence(prose, s.start..end, si, &mut out, walk);
        if with_context {
            if !walked && let Some(text) = prose.get(s.start..end) {
                context::triggers_in(text, 0, text.len(), &mut triggers);
            }
            context::annotate(prose, &(s.start..end), &mut out[first..], &triggers);
            triggers.clear();
        }
    }
    if multipliers.capacity() <= MAX_KEPT && triggers.capacity() <= MAX_KEPT {
        SCRATCH.set((multipliers, triggers));
    }
    out
}

thread_local! {
    /// The walk's lists of where a multiplier may start and of the
    /// context's words ([`Walk`]), kept from document to document: grown
    /// afresh for each, they were reallocated 3,715 times on 5.6 MB of news
    /// (1.2 M instructions, and as many frees).
    static SCRATCH: Cell<(Vec<usize>, Vec<context::Trigger>)> = Cell::default();
}

thread_local! {
    /// The room of the claims a thread's last document gave back
    /// ([`recycle`]), taken by its next: made for each document, the
    /// vector was ~9 KB, a size the allocator serves from neither of its
    /// caches of small blocks, and freed again when the document was done.
    static KEPT_CLAIMS: Cell<Vec<Claim>> = const { Cell::new(Vec::new()) };
}

/// Keeps the room of `claims`, a document's that is done with, for the
/// thread's next document, unless it is larger than [`RESERVED_CLAIMS`]
/// claims: that of a long document is freed.
pub(super) fn recycle(mut claims: Vec<Claim>) {
    if claims.capacity() <= RESERVED_CLAIMS {
        claims.clear();
        KEPT_CLAIMS.set(claims);
    }
}

/// The most entries a list of [`SCRATCH`] may have room for to be kept for
/// the next document: those of a long sentence, not of a table read as one.
const MAX_KEPT: usize = 1 << 12;

/// What the walk of one sentence works with besides the text: the gate
/// (`None` tries every parser at every word), the scratch list of where a
/// multiplier may start, and the list the context's words go to, if any
/// ([`Scanner::triggers`]).
struct Walk<'w> {
    gate: Option<&'w mut Gate>,
    multipliers: &'w mut Vec<usize>,
    triggers: Option<&'w mut Vec<context::Trigger>>,
}

/// Walks the sentence `sentence` (number `si`) of `prose`, appending its
/// claims to `out`, then merges the multipliers it found into them.
#[inline(always)]
fn walk_sentence(prose: &str, sentence: Span, si: usize, out: &mut Vec<Claim>, walk: Walk<'_>) {
    let (first, end) = (out.len(), sentence.end);
    let gated = walk.gate.is_some();
    let mut sc = Scanner {
        text: prose,
        sentence: sentence.clone(),
        si,
        out,
        gate: walk.gate,
        multipliers: walk.multipliers,
        core: false,
        peeked: NOT_PEEKED,
        triggers: walk.triggers,
    };
    sc.run();
    let (core, out, multipliers) = (sc.core, sc.out, sc.multipliers);
    debug_assert!(
        !gated
            || multipliers.first().is_none_or(|&first| {
                core == multiplier::holds_core(&prose.as_bytes()[first..end])
            }),
        "the walk's core words disagree with a search of the sentence"
    );
    let starts = gated.then_some((multipliers.as_slice(), core));
    multiplier::merge(prose, sentence, si, out, first, starts);
}

/// The claims of `t`, read as one sentence by the walk with `gate`, and the
/// words it found for the context ([`Scanner::triggers`]): what
/// [`scan_sentences`] hands [`context::annotate`].
#[cfg(test)]
pub(super) fn walk_with_triggers(t: &str, gate: &mut Gate) -> (Vec<Claim>, Vec<context::Trigger>) {
    let (mut out, mut multipliers, mut triggers) = (Vec::new(), Vec::new(), Vec::new());
    number::remembering(t, || {
        let walk = Walk {
            gate: Some(gate),
            multipliers: &mut multipliers,
            triggers: Some(&mut triggers),
        };
        walk_sentence(t, 0..t.len(), 0, &mut out, walk);
    });
    (out, triggers)
}

/// Every word [`figure_starter`] gives a flag.
pub(super) fn figure_starter_words() -> impl Iterator<Item = &'static str> {
    STARTERS.words.keys().map(String::as_str)
}

/// How a figure may begin at the lowercase word `w`: [`gate::FIGURE`] for
/// a number word or a word that leads a figure ("between", "aged", "per"),
/// [`gate::APPROX`] for an approximator's first word, or 0.
pub(super) fn figure_starter(w: &str) -> gate::Flags {
    let st = &*STARTERS;
    let Some(&c) = w.as_bytes().first() else {
        return 0;
    };
    let slot = usize::from(c.wrapping_sub(b'a'));
    if w.len() >= 32 || st.mask.get(slot).is_none_or(|m| m & (1u32 << w.len()) == 0) {
        return 0;
    }
    st.words.get(w).copied().unwrap_or(0)
}

/// A word that leads a figure of its own ([`lead_word`]).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Lead {
    /// "between 10 and 15 percent"
    Between,
    /// "aged 45", "age 87"
    Aged,
    /// "percent", "percents", "per" or "pct": "per cent of twenty"
    Percent,
}

/// The word that leads a figure of its own at the start of `s`, in any
/// case, and its length. Each begins with "ag", "be", "pe" or "pc", which
/// one test of the first two bytes tells: most figures begin with a digit
/// or another word ("a", "an", "about"), which are not lowercased and
/// compared.
fn lead_word(s: &str) -> Option<(Lead, usize)> {
    if !may_lead(s.as_bytes()) {
        return None;
    }
    read_lead(s)
}

/// The test of [`lead_word`]: false when `b` begins as no lead word does.
fn may_lead(b: &[u8]) -> bool {
    matches!(
        b.first_chunk().map(|&[x, y]| [x | 0x20, y | 0x20]),
        Some([b'a', b'g'] | [b'b', b'e'] | [b'p', b'e' | b'c'])
    )
}

/// [`lead_word`] without its test of the first two bytes: the word at the
/// start of `s`, lowercased, compared with each lead word.
fn read_lead(s: &str) -> Option<(Lead, usize)> {
    let mut buf = WordBuf::new();
    let (w, n) = lower_word(s, &mut buf)?;
    let lead = match w {
        "between" => Lead::Between,
        "aged" | "age" => Lead::Aged,
        "percent" | "percents" | "per" | "pct" => Lead::Percent,
        _ => return None,
    };
    Some((lead, n))
}

/// A figure before it becomes a claim.
#[derive(Debug, Clone)]
struct Fig {
    span: Span,
    number_span: Span,
    kind: ClaimKind,
    value: f64,
    step: f64,
    unit: Option<&'static str>,
    measured: Option<Span>,
    date: Option<DateParts>,
    num: Num,
    /// Currency written before the number or inherited from a range's
    /// first member.
    currency: Option<Currency>,
    /// A unit, percent, currency word or counted noun after the number.
    suffixed: bool,
    /// The factor a currency word applied (0.01 for cents).
    factor: f64,
}

struct Scanner<'a, 'o> {
    text: &'a str,
    sentence: Span,
    si: usize,
    out: &'o mut Vec<Claim>,
    /// `None` tries every parser at every word.
    gate: Option<&'o mut Gate>,
    /// Where a multiplier may start: the words the gate marks and the
    /// numbers the walk passes, for [`super::multiplier::merge`].
    multipliers: &'o mut Vec<usize>,
    /// Whether the sentence holds a multiplier's core word
    /// ([`multiplier::holds_core`]) at or after the first of `multipliers`:
    /// the gate's [`gate::MULTIPLIER_CORE`] of a word the walk classifies,
    /// or a search of the letters it passes over without classifying
    /// ([`Scanner::passed`]). No multiplier is looked for without one.
    core: bool,
    /// The last word [`Scanner::plain_word`] gave to the gate: its start,
    /// end and flags, so that neither the walk, which most often comes to
    /// that word next, nor another look at it measures or classifies it
    /// again. [`NOT_PEEKED`] holds none: its start is no word's, so that one
    /// compare of the start tells whether the walk's word is this one (an
    /// `Option` of it was tested twice at every word).
    peeked: (usize, usize, gate::Flags),
    /// The words of the sentence that may start a time anchor or an
    /// attribution ([`context::Trigger`]), in order, found by a walk that
    /// annotates context (with a gate that gives context classes): those
    /// it classifies, by the gate's [`gate::CONTEXT`], and those it passes
    /// over ([`Scanner::passed`]). `None` in a walk that annotates none.
    triggers: Option<&'o mut Vec<context::Trigger>>,
}

/// [`Scanner::peeked`] before any word is: no word starts at `usize::MAX`.
const NOT_PEEKED: (usize, usize, gate::Flags) = (usize::MAX, 0, 0);

/// What the walk needs to know of a byte: a letter, a digit, or quiet
/// (ASCII at which nothing can begin: not a letter, a digit, or a mark the
/// walk looks at, `~ < > @ . - + $`).
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const QUIET: u8 = 4;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii_digit() {
            DIGIT
        } else if matches!(b, b'~' | b'<' | b'>' | b'@' | b'.' | b'-' | b'+' | b'$') {
            0
        } else {
            QUIET
        };
        c += 1;
    }
    t
};

/// True when the word `w`, followed by the byte `after`, begins a web
/// address ("http:", "https:", "www.").
fn web_address(w: &[u8], after: Option<u8>) -> bool {
    match after {
        Some(b':') => w.eq_ignore_ascii_case(b"http") || w.eq_ignore_ascii_case(b"https"),
        Some(b'.') => w.eq_ignore_ascii_case(b"www"),
        _ => false,
    }
}

/// The end of the word of letters at `i` (at most `end`) and the gate's
/// flags of it (the letters to `end` when the sentence ends within them).
/// Most words end within the 16 bytes at `i`, which measure and pack them
/// in one reading ([`measure_packed`]) whose constant length spares the
/// checks of the text's length and the loop of [`letters_end`]; the gate
/// reads the key so packed, not the letters again.
#[inline(always)]
fn measure_and_classify(g: &mut Gate, text: &[u8], i: usize, end: usize) -> (usize, gate::Flags) {
    if let Some(chunk) = text.get(i..).and_then(<[u8]>::first_chunk::<PACKED>)
        && let Some(Some(read)) = measure_packed(chunk, |n, packed| {
            (i + n <= end).then(|| (i + n, g.classify_packed(packed, chunk, n)))
        })
    {
        return read;
    }
    let wend = letters_end(text, i).min(end);
    (
        wend,
        g.classify(text.get(i..).unwrap_or_default(), wend - i),
    )
}

/// True when the number whose digits begin at `j` in `b` may go on as a
/// power of ten or a power ("2000.0e-3", "2 x 10^0", "2000^-1",
/// "2000 × 10⁻³"), or with more digits after a space ("2 1/2"), any of
/// which may give it any size and shape: a gate that reads its digits
/// alone decides nothing there. The number's literal is its digits and
/// the groups or decimals after a point or a comma.
fn may_be_scaled(b: &[u8], j: usize) -> bool {
    let mut k = j;
    loop {
        k += b[k..].iter().take_while(|c| c.is_ascii_digit()).count();
        match (b.get(k), b.get(k + 1)) {
            (Some(b'.' | b','), Some(d)) if d.is_ascii_digit() => k += 1,
            _ => break,
        }
    }
    match b.get(k) {
        Some(b'^' | b'e' | b'E' | b'*' | b'(') => true,
        Some(&c) if c >= 0x80 => true,
        Some(b' ' | b'\t') => b[k..]
            .iter()
            .find(|&&c| c != b' ' && c != b'\t')
            .is_some_and(|&c| matches!(c, b'x' | b'X' | b'*') || c.is_ascii_digit() || c >= 0x80),
        _ => false,
    }
}

/// The byte before `i`, if any.
fn before(b: &[u8], i: usize, start: usize) -> Option<u8> {
    (i > start).then(|| b[i - 1])
}

impl Scanner<'_, '_> {
    fn run(&mut self) {
        let (start, end) = (self.sentence.start, self.sentence.end);
        // nothing past the sentence is looked at, but for the bytes that
        // let a word be measured eight and packed sixteen at a time: in a
        // slice cut at the sentence's end, the last words of every sentence
        // (54,500 of 777,000 on a fifth of the news corpus) were read a
        // byte at a time
        let text = self.text.as_bytes();
        let b = &text[..end];
        let mut i = start;
        while i < end {
            let c = b[i];
            let class = CLASS[usize::from(c)];
            if class == QUIET {
                // spaces and most punctuation begin nothing
                i += 1;
                continue;
            }
            if class == LETTER {
                // measured and classified before what follows is tested: a
                // word the gate's answer is not needed for (letters before
                // digits, a web address) is rare, and a test of whether the
                // answer is at hand after those tests cost more
                let (wend, flags) = if self.peeked.0 == i {
                    // a plain word of letters, measured and classified
                    (self.peeked.1, self.peeked.2)
                } else if let Some(g) = self.gate.as_deref_mut() {
                    measure_and_classify(g, text, i, end)
                } else {
                    let mut buf = WordBuf::new();
                    let figure = lower_word(&self.text[i..end], &mut buf)
                        .map_or(0, |(w, _)| figure_starter(w));
                    // the reference tries a figure at every starter
                    let flags = gate::DATE | if figure != 0 { gate::FIGURE } else { 0 };
                    (letters_end(text, i).min(end), flags)
                };
                // most words end at a space: nothing after them to test (a
                // word `plain_word` classified ends before no digit)
                let after = b.get(wend).copied();
                if after != Some(b' ') {
                    // a digit after the letters ("Q1", "G7") makes a token
                    // of letters and digits
                    if after.is_some_and(|a| a.is_ascii_digit()) {
                        let mut wend = wend;
                        while wend < end && CLASS[usize::from(b[wend])] & (LETTER | DIGIT) != 0 {
                            wend += 1;
                        }
                        // "Q1 2016", "q1-2019": a quarter code is a date
                        if wend - i == 2
                            && c | 0x20 == b'q'
                            && let Some(e) = self.date_at(i)
                        {
                            i = self.passed(i, e.max(i + 1));
                            continue;
                        }
                        // "USD115" is money; "G7", "A380", "MP3" are names
                        if c.is_ascii_uppercase()
                            && money::prefix(self.text, i, end).is_some()
                            && let Some(e) = self.try_figure(i)
                        {
                            i = self.passed(i, e.max(i + 1));
                            continue;
                        }
                        i = self.passed(i, self.token_end(i).max(wend));
                        continue;
                    }
                    if web_address(&b[i..wend], after) {
                        i = self.passed(i, self.space_end(i).max(wend));
                        continue;
                    }
                }
                // most words begin nothing and hold no multiplier's word:
                // one test passes them, where a test a flag mispredicted
                // often, each after the gate's load (`try_word` would find
                // nothing at them either; a short capitalised word may be
                // a currency code, but not before a space and a letter, as
                // in "It said": `code_may_lead`); a word with context
                // classes, which only the gate of a walk that annotates
                // context gives, goes on to `note_word`
                if flags & (gate::ACTS | gate::CONTEXT) == 0
                    && (!(c.is_ascii_uppercase() && wend - i <= 4)
                        || after == Some(b' ')
                            && b.get(wend + 1).is_some_and(u8::is_ascii_alphabetic))
                {
                    i = wend + usize::from(after == Some(b' '));
                    continue;
                }
                if flags & (gate::MULTIPLIER | gate::MULTIPLIER_CORE | gate::CONTEXT) != 0 {
                    self.note_word(i, wend, flags);
                }
                if let Some(e) = self.try_word(i, c, wend - i, flags) {
                    i = self.passed(i, e.max(i + 1));
                    continue;
                }
                // the space after a word, quiet, is passed over here
                i = wend + usize::from(after == Some(b' '));
                continue;
            }
            if matches!(c, b'~' | b'<' | b'>')
                && !before(b, i, start).is_some_and(|p| p.is_ascii_alphanumeric())
            {
                if let Some(e) = self.try_at(i) {
                    i = self.passed(i, e.max(i + 1));
                    continue;
                }
                i += 1;
                continue;
            }
            if c == b'@' {
                i = self.passed(i, self.space_end(i).max(i + 1));
                continue;
            }
            let next_digit = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            let prev = before(b, i, start);
            // a letter of any script before: "σ0", "ρV", "H2O"; a closing
            // bracket: "Ca(ClO4)2"
            let prev_alnum = prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == b')')
                || (prev.is_some_and(|p| p >= 0x80)
                    && self.text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphabetic));
            let numeric = c.is_ascii_digit()
                || (c == b'.' && next_digit)
                || (matches!(c, b'-' | b'+')
                    && (next_digit
                        || b.get(i + 1) == Some(&b'.')
                            && b.get(i + 2).is_some_and(u8::is_ascii_digit)));
            if numeric {
                if c.is_ascii_digit()
                    && multiplier::starts_word(b, start, i)
                    && multiplier::may_follow_digits(b, i)
                {
                    self.multipliers.push(i);
                }
                if prev_alnum || self.joined(i) {
                    i = self.passed(i, self.token_end(i).max(i + 1));
                    continue;
                }
                if let Some(e) = self.try_at(i) {
                    i = self.passed(i, e.max(i + 1));
                    continue;
                }
                i = if c.is_ascii_digit() || c == b'.' {
                    self.passed(i, self.token_end(i).max(i + 1))
                } else {
                    i + 1
                };
                continue;
            }
            if c == b'$' || c >= 0x80 {
                let Some(ch) = self.text.get(i..).and_then(|t| t.chars().next()) else {
                    i += 1;
                    continue;
                };
                let len = ch.len_utf8();
                let cand = c == b'$'
                    || money::may_prefix(c)
                    || approx::starts_symbol(ch)
                    || number::is_vulgar(ch)
                    || (ch == '\u{2212}' && b.get(i + len).is_some_and(u8::is_ascii_digit));
                if cand
                    && !prev_alnum
                    && let Some(e) = self.try_at(i)
                {
                    i = self.passed(i, e.max(i + 1));
                    continue;
                }
                i += len;
                continue;
            }
            i += 1;
        }
    }

    /// Notes that the walk passes from `from` to `to` without classifying
    /// the words there (a claim read, a code, a web address), and returns
    /// `to`. Once a multiplier may start, a core word among those letters
    /// is searched for, in the whole runs of letters the range touches: the
    /// walk's words are such runs, so the search and the gate's flags of
    /// the words it classifies together see every run from the first start
    /// on, and [`Scanner::core`] is the search of that text.
    ///
    /// In a walk that annotates context, the words there that may start an
    /// anchor or an attribution are added to [`Scanner::triggers`], but for
    /// a word at `from` that the walk noted already ([`Scanner::note_word`])
    /// and for those of a range inside the claim the walk read last.
    fn passed(&mut self, from: usize, to: usize) -> usize {
        // words inside a claim the walk read are inside a figure in the end
        // too ([`multiplier::merge`] removes only claims a multiplier it adds
        // holds), where `annotate` reads none: a claim's own words are not read
        if let Some(found) = self.triggers.as_deref_mut()
            && !self
                .out
                .last()
                .is_some_and(|c| c.sentence == self.si && c.span.start <= from && to <= c.span.end)
            && let Some(s) = self.text.get(self.sentence.clone())
        {
            let from = from.saturating_sub(self.sentence.start);
            let to = to.saturating_sub(self.sentence.start);
            // the run of letters at `from` is the only one that begins
            // in `from..from + 1`
            let noted = found.last().is_some_and(|t| t.0 == from);
            context::triggers_in(s, from + usize::from(noted), to, found);
        }
        if !self.core && !self.multipliers.is_empty() && self.gate.is_some() {
            let b = &self.text.as_bytes()[..self.sentence.end];
            let to = to.min(b.len());
            let from = from.min(to);
            let run_start = from
                - b[..from]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .count();
            let run_end = letters_end(b, to);
            self.core = multiplier::holds_core(&b[run_start..run_end]);
        }
        to
    }

    /// Notes what the rarer flags of the word `i..wend` say, before a claim
    /// is tried at it: where a multiplier may start, whether the sentence
    /// holds a multiplier's core word, and the word's context classes.
    /// Out of line, so that the walk's loop, where most words have none of
    /// them, keeps its registers (inlined, `check` took 5 M instructions
    /// more on 5.6 MB of news).
    #[inline(never)]
    fn note_word(&mut self, i: usize, wend: usize, flags: gate::Flags) {
        let b = &self.text.as_bytes()[..self.sentence.end];
        let start = self.sentence.start;
        if flags & gate::MULTIPLIER != 0 && multiplier::starts_word(b, start, i) {
            self.multipliers.push(i);
        }
        // the word is whole: letters before and after it are none
        if flags & gate::MULTIPLIER_CORE != 0 && !self.multipliers.is_empty() {
            self.core = true;
        }
        // a word with context classes, when it is a word of the sentence
        // that [`context::triggers_in`] would read: a whole run of letters
        // after no letter and no digit, before no digit and no byte beyond
        // ASCII (the walk's word may begin inside a run a claim ended in);
        // `passed` does not note it again if a claim is read at it
        if flags & gate::CONTEXT != 0
            && !before(b, i, start).is_some_and(|p| p.is_ascii_alphanumeric())
            && !b
                .get(wend)
                .is_some_and(|c| c.is_ascii_digit() || *c >= 0x80)
            && let Some(found) = self.triggers.as_deref_mut()
        {
            found.push((i - start, wend - i, gate::context_classes(flags)));
        }
    }

    /// True when the digit at `i` continues a compound or a code: "F-16",
    /// "COVID-19", "24/7", "10:30", "v2.1".
    fn joined(&self, i: usize) -> bool {
        let b = self.text.as_bytes();
        let start = self.sentence.start;
        match before(b, i, start) {
            Some(b'-' | b'/' | b'_' | b':' | b'.' | b'#' | b'\\') => {
                before(b, i - 1, start).is_some_and(|p| p.is_ascii_alphanumeric())
            }
            // URL escapes and queries ("%28", "id=305"), citations ("[14]")
            Some(b'%' | b'&' | b'?' | b'[' | b'^') => true,
            // "id=305" in a URL, but "(n=104)" and "x=0.64 H" in a formula
            Some(b'=') => {
                let token = b[start..i]
                    .iter()
                    .rev()
                    .take_while(|c| !c.is_ascii_whitespace());
                // "2+2=5" is arithmetic
                token.clone().any(|c| matches!(c, b'?' | b'&' | b'/'))
                    || token.count() == 1
                    || before(b, i - 1, start).is_some_and(|p| p.is_ascii_digit())
            }
            _ => false,
        }
    }

    /// The end of the token at `i`: letters, digits and the punctuation that
    /// joins them ("10:30", "1.2.3", "555-1234", "COVID-19").
    fn token_end(&self, mut i: usize) -> usize {
        let b = self.text.as_bytes();
        let end = self.sentence.end;
        while i < end {
            let joiner = matches!(b[i], b'.' | b',' | b':' | b'/' | b'-' | b'_')
                && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
                && i + 1 < end;
            if b[i].is_ascii_alphanumeric() || joiner {
                i += 1;
            } else {
                break;
            }
        }
        i
    }

    /// The end of the run of non-space characters at `i` (URLs, e-mail).
    fn space_end(&self, mut i: usize) -> usize {
        let b = self.text.as_bytes();
        while i < self.sentence.end && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        while i < self.sentence.end && !self.text.is_char_boundary(i) {
            i += 1;
        }
        i
    }

    /// A word start: a date, or a figure if the word can begin one. `c` is
    /// its first letter, `flags` the gate's answer for the word.
    fn try_word(&mut self, i: usize, c: u8, len: usize, flags: gate::Flags) -> Option<usize> {
        // most words: no flag, and no capital that may begin a currency
        // code; what follows would find nothing either
        if flags == 0 && !c.is_ascii_uppercase() {
            return None;
        }
        if flags & gate::DATE != 0
            && (flags & gate::DATE_NEEDS_SECOND == 0 || self.second_word_may_date(i, len, flags))
            && let Some(e) = self.date_at(i)
        {
            return Some(e);
        }
        // "a company": neither a number ("a dozen") nor an approximator
        // ("an estimated") nor a currency ("A$") follows
        if flags & gate::FIGURE_NEEDS_SECOND != 0
            && !self.next_word_may_continue(i + len, gate::SECOND_WORD)
        {
            return None;
        }
        let end = self.sentence.end;
        // a figure's first word, or a currency code: codes are short ("US$",
        // "USD", "NZ$", "Rs"), and most short capitalised words ("It",
        // "Mr", "UK") are not followed by a number
        if flags & gate::FIGURE != 0
            || c.is_ascii_uppercase()
                && len <= 4
                && money::may_prefix(c)
                && (self.gate.is_none()
                    || self.code_may_lead(i + len) && money::prefix(self.text, i, end).is_some())
        {
            // an approximator begins only at a word the gate marks as the
            // first of one ([`gate::APPROX`]): most figure words ("a",
            // "two", "half") are not looked up as one (without the gate,
            // which marks none, every word is)
            let ap = (flags & gate::APPROX != 0 || self.gate.is_none())
                .then(|| approx::parse(self.text, i, end))
                .flatten();
            return self.try_figure_after(i, ap);
        }
        // an approximator's first word ("in excess of", "as many as", "At
        // least") leads a figure only when the whole approximator is there
        if flags & gate::APPROX != 0 && self.approx_may_lead(i + len) {
            let ap = approx::parse(self.text, i, end);
            if ap.is_some() || money::prefix(self.text, i, end).is_some() {
                return self.try_figure_after(i, ap);
            }
        }
        None
    }

    /// After the word of `len` bytes at `i`, which begins a date only with
    /// a second word (the gate gave it `flags` with
    /// [`gate::DATE_NEEDS_SECOND`]): false when the next word is one no
    /// such date holds, or when the second word needs a third that is not
    /// there ([`Self::third_word_may_date`]).
    fn second_word_may_date(&mut self, i: usize, len: usize, flags: gate::Flags) -> bool {
        self.second_word_may_follow(i, len, flags)
            && (flags & (gate::DATE_NEEDS_COUNT | gate::DATE_NEEDS_DATE) == 0
                || self.third_word_may_date(i + len, flags))
    }

    /// [`Self::second_word_may_date`] without the test of a third word:
    /// false when the word after the word of `len` bytes at `i` is one no
    /// date it begins holds. [`Self::third_word_may_date`] asks it of the
    /// word after "from" ("from a company"); inlined into both callers, as
    /// a cycle through [`Self::second_word_may_date`] took that out of the
    /// walk's loop (10 M instructions more on 5.6 MB of news, non-LTO).
    #[inline(always)]
    fn second_word_may_follow(&mut self, i: usize, len: usize, flags: gate::Flags) -> bool {
        // "in" needs a count after it ("in two weeks"), "a" and "that" a
        // word of time ("a year ago", "that week"), "from" a date ("from
        // May"), the others any word a date may hold
        let class = if flags & gate::DATE_NEEDS_COUNT != 0 {
            gate::FIGURE
        } else if flags & gate::DATE_NEEDS_PERIOD != 0 {
            gate::PERIOD_WORD
        } else if flags & gate::DATE_NEEDS_DATE != 0 {
            gate::DATE
        } else {
            gate::SECOND_WORD
        };
        self.next_word_may_continue(i + len, class)
            && (class != gate::PERIOD_WORD || !self.mark_after_spaces(i + len))
            && (len != 3
                || !self.text.as_bytes()[i..i + 3].eq_ignore_ascii_case(b"the")
                || self.may_date_after_the(i + 3))
    }

    /// After a first word ending at `at` that begins a date only with a
    /// second word, which the gate let through: false where the second is
    /// a word that goes on only with a third, and that third is a plain word
    /// it does not go on with. After "in" a count of "a" or "an" needs a
    /// word of a date after it, as a figure's "a" does ([`gate::SECOND_WORD`]:
    /// "in a month", "in a few days", not "in a statement"); after "from"
    /// and "between" a date beginning with "the" needs a word that may
    /// follow "the" in one ([`Self::may_date_after_the`]: "from the first",
    /// not "from the company"). On 5.6 MB of news, 1,338 date attempts at
    /// "in a" and "in an" and 828 at "from the" found none. After "from"
    /// and "between" any second word that begins a date only with a word
    /// after it needs one the walk would try it with ("from a year ago",
    /// not "from a company": ~240 attempts), and digits must begin a date
    /// or days of a month ([`Self::no_date_nor_days`]); after "in" digits
    /// must be a count ([`Self::past_any_count`]). Out of line: only
    /// "in", "from" and "between" come here.
    #[inline(never)]
    fn third_word_may_date(&mut self, at: usize, flags: gate::Flags) -> bool {
        let j = self.spaces_end(at);
        let Some((k, second)) = (j > at).then(|| self.plain_word(j)).flatten() else {
            // "in 1986": no count; "from 5.2 pct": no date and no days
            return j == at
                || if flags & gate::DATE_NEEDS_COUNT != 0 {
                    !self.past_any_count(j)
                } else {
                    !self.no_date_nor_days(j)
                };
        };
        if flags & gate::DATE_NEEDS_COUNT != 0 && second & gate::FIGURE_NEEDS_SECOND != 0 {
            return self.next_word_may_continue(k, gate::SECOND_WORD);
        }
        // "from the company", "from a company": the walk's own test of
        // the word after the second
        if flags & gate::DATE_NEEDS_DATE != 0 && second & gate::DATE_NEEDS_SECOND != 0 {
            return self.second_word_may_follow(j, k - j, second);
        }
        true
    }

    /// After "from" or "between": true when the digits at `j` begin no
    /// date ([`Self::date_may_start`] says no, as at the walk's own
    /// attempt there) and no days of a month ("from 5 to 7 May": a run of
    /// one or two digits before a letter, or before spaces or tabs and a
    /// word that may be "to" or "and", by its first letter). A range of
    /// two dates begins with one of them, so none begins there ("from 5.2
    /// pct", "between 1,000 people", "from 10 pct":
    /// `from_before_no_date_begins_no_range`). On 5.6 MB of news, ~700
    /// date attempts at "from" and "between" before such digits found
    /// none. Out of line, as the walk's loop holds its
    /// caller.
    #[inline(never)]
    fn no_date_nor_days(&mut self, j: usize) -> bool {
        let b = &self.text.as_bytes()[..self.sentence.end];
        let run = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        let days = run <= 2
            && match b.get(j + run) {
                Some(c) if c.is_ascii_alphabetic() => true,
                Some(b' ' | b'\t') => b[j + run..]
                    .iter()
                    .find(|&&c| c != b' ' && c != b'\t')
                    .is_some_and(|c| matches!(c | 0x20, b't' | b'a')),
                _ => false,
            };
        run > 0 && !days && !self.date_may_start(j) && !may_be_scaled(b, j)
    }

    /// True when the digits at `j` are a whole number past any count a
    /// date after "in" holds ("in 1986", "in 2020.", "in 10000": a run of
    /// digits worth more than 1,000, before no letter, no slash and no
    /// other script): the count of [`gate::DATE_NEEDS_COUNT`]
    /// ("in two weeks") is one to 1,000, and digits past it, read as a
    /// number first, make it no less (`in_before_numbers_past_a_count_begins_no_date`).
    /// On 5.6 MB of news, 1,342 date attempts at "in" before a year found
    /// none. Out of line, as the walk's loop holds its caller (inlined,
    /// the loop took 2 M instructions more on that sample, non-LTO).
    #[inline(never)]
    fn past_any_count(&self, j: usize) -> bool {
        let b = &self.text.as_bytes()[..self.sentence.end];
        let run = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        run >= 4
            && b[j..j + run]
                .iter()
                .try_fold(0_u32, |v, &c| {
                    v.checked_mul(10)?.checked_add(u32::from(c - b'0'))
                })
                .is_none_or(|v| v > 1000)
            && !b
                .get(j + run)
                .is_some_and(|&c| c == b'/' || c.is_ascii_alphabetic() || c >= 0x80)
            && !may_be_scaled(b, j)
    }

    /// After a word that begins a date (or, "a" and "an", a figure) only
    /// with a second word, ending at `at`: false when the next word is a
    /// plain word the gate gives none of the flags `class` ("the company"
    /// for [`gate::SECOND_WORD`]), true otherwise, and always true without
    /// the gate.
    fn next_word_may_continue(&mut self, at: usize, class: gate::Flags) -> bool {
        let j = self.spaces_end(at);
        // no space ("the-", "a."), a tab, a digit, a mark, any non-ASCII
        // character or the sentence's end: the parser decides
        j == at
            || self
                .plain_word(j)
                .is_none_or(|(_, flags)| flags & class != 0)
    }

    /// True when spaces and then a visible ASCII byte that is no letter
    /// follow `at` within the sentence: a digit or a mark ("to 2020", "a $5 fee",
    /// "a \"new\" plan"). A date that begins with a word of
    /// [`gate::DATE_NEEDS_PERIOD`] goes on with a word of time, of letters
    /// ("a year ago", "to date"), so none begins there
    /// (`period_words_before_digits_and_marks_begin_no_date`); on 5.6 MB of
    /// news ~3,600 date attempts were at such words, most "to" and "a"
    /// before digits.
    fn mark_after_spaces(&self, at: usize) -> bool {
        let j = self.spaces_end(at);
        j > at
            && self.text.as_bytes()[..self.sentence.end]
                .get(j)
                .is_some_and(|c| c.is_ascii_graphic() && !c.is_ascii_alphabetic())
    }

    /// The end of the spaces at `at`, within the sentence.
    fn spaces_end(&self, at: usize) -> usize {
        let b = &self.text.as_bytes()[..self.sentence.end];
        at + b
            .get(at..)
            .map_or(0, |r| r.iter().take_while(|&&c| c == b' ').count())
    }

    /// The end and the gate's flags of the plain word at `j`: ASCII letters
    /// joined to no digit and no other script ("the Q1 results" holds
    /// none), so that the walk's word at `j` ends at the same place. `None`
    /// at anything else, and always without the gate.
    ///
    /// The answer is kept in [`Scanner::peeked`]: after "a" the word is
    /// asked about twice, for a date and for a figure, after "in" and "the"
    /// for a date and an approximator or a date after "the", and the walk
    /// most often comes to it next.
    fn plain_word(&mut self, j: usize) -> Option<(usize, gate::Flags)> {
        let (at, k, flags) = self.peeked;
        if at == j {
            return Some((k, flags));
        }
        let b = self.text.as_bytes();
        let end = self.sentence.end;
        if j >= end || !b[j].is_ascii_alphabetic() {
            return None;
        }
        let (k, flags) = measure_and_classify(self.gate.as_deref_mut()?, b, j, end);
        if k < end && (b[k].is_ascii_digit() || b[k] >= 0x80) {
            return None;
        }
        self.peeked = (j, k, flags);
        Some((k, flags))
    }

    /// After "the" ending at `at`, which the gate let through: false when
    /// the next word is a plain word no date after "the" holds ("the new
    /// plan", "the most": no [`gate::AFTER_THE`]), true otherwise and
    /// always without the gate. A word longer than any lexicon word
    /// ([`MAX_WORD`]) is let through, as the date parser's own filter does.
    fn may_date_after_the(&mut self, at: usize) -> bool {
        let j = self.spaces_end(at);
        j == at
            || match self.plain_word(j) {
                None => !self.bare_digits(j),
                Some((k, flags)) => {
                    k - j > MAX_WORD || (flags & gate::AFTER_THE != 0 && self.third_after_the(j, k))
                }
            }
    }

    /// After "the" and the word `j..k`, one a date after "the" holds:
    /// false when a plain word no date holds follows, and the date could
    /// not end at `k` ([`date::may_end_after_the`]): "the first time",
    /// "the same company", "the current account". On 5.6 MB of news
    /// ~900 date attempts at "the" before such a word found none. Out of
    /// line, as the walk's loop holds its caller.
    #[inline(never)]
    fn third_after_the(&mut self, j: usize, k: usize) -> bool {
        if date::may_end_after_the(&self.text.as_bytes()[j..k]) {
            return true;
        }
        self.next_word_may_continue(k, gate::SECOND_WORD)
    }

    /// True when a run of digits at `j` goes on with no letter and no other
    /// script ("the 12 cash-rich", "the 1998-99", "the 5.2"): the dates
    /// after "the" that begin with digits go on with letters ("the 1990s",
    /// "the 3rd week of May"), so none begins at "the" before such digits
    /// (`the_before_bare_digits_begins_no_date`). On 5.6 MB of news, ~800
    /// date attempts at "the" before digits found none, at ~1,100
    /// instructions each. Out of line, as the walk's loop holds its caller.
    #[inline(never)]
    fn bare_digits(&self, j: usize) -> bool {
        let b = &self.text.as_bytes()[..self.sentence.end];
        let run = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        run > 0
            && !b
                .get(j + run)
                .is_some_and(|&c| c.is_ascii_alphabetic() || c >= 0x80)
    }

    /// A non-letter candidate: a date, else a figure.
    fn try_at(&mut self, i: usize) -> Option<usize> {
        if self.date_may_start(i)
            && let Some(e) = self.date_at(i)
        {
            return Some(e);
        }
        self.try_figure(i)
    }

    /// False when the digits at `i` cannot begin a date: a year ("2021")
    /// or a compact date ("20210105") stands alone, but other runs of
    /// digits begin one only joined to what follows ("14th", "9/11",
    /// "5-Aug") or before a word a date may hold there
    /// ([`gate::AFTER_DIGITS`]: "14 September", "3 days ago", "2 hundred
    /// days ago"), also as the first digits of a decimal or a grouped
    /// number ("5.2 pct", "1,200 people"), not before "people", "said",
    /// "million" or "pct", and never joined to a percent sign ("45%").
    /// True at any other character, and always true without the gate.
    fn date_may_start(&mut self, i: usize) -> bool {
        let b = self.text.as_bytes();
        let end = self.sentence.end;
        // "$", "~", "£": no date begins at a mark or another script's
        // letter (`dates_begin_at_ascii_letters_and_digits`); ~3,000 such
        // starts on a fifth of the news corpus cost 0.5 M instructions
        if self.gate.is_some() && !b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            return false;
        }
        let run = b[i..end].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 0 || run == 4 || run == 8 || self.gate.is_none() {
            return true;
        }
        // "1,200 people", "5.2 pct": the groups of a grouped number and the
        // fraction of a decimal are passed, and the word after them tested
        // as after plain digits (~10,000 of the date attempts at digits on
        // a fifth of the news corpus were at such numbers, none a date)
        let mut at = i + run;
        while b.get(at) == Some(&b',')
            && b.get(at + 1..at + 4)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
        {
            at += 4;
        }
        if b.get(at) == Some(&b'.') && b.get(at + 1).is_some_and(u8::is_ascii_digit) {
            at += 1 + b[at + 1..end]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
        }
        b.get(at) != Some(&b'%') && self.next_word_may_continue(at, gate::AFTER_DIGITS)
    }

    fn date_at(&mut self, i: usize) -> Option<usize> {
        let d = date::parse_at(self.text, self.sentence.clone(), i)?;
        if d.end <= i || d.end > self.sentence.end || !self.text.is_char_boundary(d.end) {
            return None;
        }
        if let Some(members) = d.members {
            // "from May to July": the period, then its two dates
            let id = self.out.len();
            let mut range = self.date_claim(i..d.end, d.kind, d.parts, None);
            range.range = Some((id + 1, id + 2));
            self.out.push(range);
            for m in members {
                let mut c = self.date_claim(m.start..m.end, m.kind, m.parts, None);
                c.part_of = Some(id);
                self.out.push(c);
            }
            return Some(d.end);
        }
        let c = self.date_claim(i..d.end, d.kind, d.parts, d.seconds);
        self.out.push(c);
        Some(d.end)
    }

    /// A claim for a date, period, year or a duration the date parser read.
    fn date_claim(
        &self,
        span: Span,
        kind: ClaimKind,
        parts: DateParts,
        seconds: Option<f64>,
    ) -> Claim {
        let value = (kind == ClaimKind::Year)
            .then(|| parts.year.map(f64::from))
            .flatten()
            .or(seconds);
        Claim {
            span: span.clone(),
            number_span: span,
            kind,
            value,
            step: 1.0,
            unit: seconds.map(|_| "second"),
            approx: None,
            low: value.unwrap_or(0.0),
            high: value.unwrap_or(0.0),
            measured: None,
            date: (kind != ClaimKind::Duration).then_some(parts),
            range: None,
            part_of: None,
            sentence: self.si,
            context: Context::default(),
        }
    }

    /// Approximator, then a range or a figure, at `i`.
    fn try_figure(&mut self, i: usize) -> Option<usize> {
        let ap = approx::parse(self.text, i, self.sentence.end);
        self.try_figure_after(i, ap)
    }

    /// [`Self::try_figure`] with the approximator at `i` already read.
    fn try_figure_after(&mut self, i: usize, ap: Option<approx::Found>) -> Option<usize> {
        let end = self.sentence.end;
        let p = ap.map_or(i, |a| a.next);
        if ap.is_some() && !self.figure_may_follow(p) {
            return None;
        }
        match lead_word(&self.text[p..end]) {
            Some((Lead::Between, n)) => return self.between(p, p + n, ap),
            Some((Lead::Aged, n)) => return self.aged(p, p + n, ap),
            Some((Lead::Percent, _)) if ap.is_some() => return None,
            Some((Lead::Percent, _)) => return self.percent_of(p),
            None => {}
        }
        // "about 2021", "around 14 September": a date, not an approximated
        // figure; the digits gate spares the parser "about 300 people"
        if ap.is_some() && self.date_may_start(p) && self.date_at_peek(p) {
            return None;
        }
        // read where the parser built it: a `Fig` is large, and each move of
        // one is a call of `memcpy`
        let mut slot = None;
        let a = self.figure(&mut slot, p, None, ap.is_some())?;
        if ap.is_none() {
            self.spaced_minus(a);
        }
        if !a.suffixed && a.currency.is_none() && self.phone(a) {
            return None;
        }
        if ap.is_none()
            && a.kind == ClaimKind::Number
            && !a.num.words
            && a.num.scale == 1.0
            && (self.named_by(p) || self.enumerator(a))
        {
            return None;
        }
        if let Some(e) = self.range_tail(p, a, ap) {
            return Some(e);
        }
        let e = a.span.end;
        self.push(a, ap, None);
        Some(e)
    }

    /// After an approximator's first word ending at `at`: false when the
    /// next word is a plain word that is no approximator's later word
    /// ([`gate::APPROX_LATER`]: "than", "excess"), no figure's first word
    /// ([`gate::FIGURE`]) and begins no currency code ("more people", "in
    /// the", "as a"). The phrase would then end at the first word, and no
    /// figure follows it; nor is the first word a currency code, with
    /// spaces and a letter after it ([`Self::code_may_lead`]).
    fn approx_may_lead(&mut self, at: usize) -> bool {
        let b = self.text.as_bytes();
        let end = self.sentence.end;
        let j = at + b[at..end].iter().take_while(|&&c| c == b' ').count();
        j == at || self.word_may_be(j, gate::FIGURE | gate::APPROX_LATER)
    }

    /// False when the capitalised word ending at `wend` cannot be a
    /// currency code before a number ("The company", "It said"): spaces
    /// then a letter follow it. A code's digits come after spaces at most,
    /// and no code holds a space before a letter (a test of
    /// [`money`] checks it), so none can match there.
    fn code_may_lead(&self, wend: usize) -> bool {
        let b = &self.text.as_bytes()[..self.sentence.end];
        let gap = b.get(wend..).map_or(0, |r| {
            r.iter().take_while(|&&c| c == b' ' || c == b'\t').count()
        });
        gap == 0 || !b.get(wend + gap).is_some_and(u8::is_ascii_alphabetic)
    }

    /// False when no figure begins at `p`, after an approximator ("about
    /// the", "up from", "over a"): at a plain word that the gate marks as
    /// no number word and no figure's first word ([`gate::FIGURE`]: what
    /// the number parser and [`Self::try_figure_after`]'s own words begin
    /// with), and that no currency code begins with. True anywhere else,
    /// and always without the gate.
    fn figure_may_follow(&mut self, p: usize) -> bool {
        self.word_may_be(p, gate::FIGURE)
    }

    /// True unless a plain word begins at `p` whose gate flags hold none of
    /// `class`: ASCII letters that no currency code begins with, joined to
    /// no digit or other script. True past the sentence and always without
    /// the gate.
    fn word_may_be(&mut self, p: usize, class: gate::Flags) -> bool {
        let b = self.text.as_bytes();
        if p < self.sentence.end && b.get(p).is_some_and(|&c| money::may_prefix(c)) {
            return true;
        }
        self.plain_word(p)
            .is_none_or(|(_, flags)| flags & class != 0)
    }

    /// "- 20 degrees fahrenheit": a minus set off by a space counts for a
    /// temperature only (elsewhere " - " is a dash), and only at the start
    /// of the sentence or after a space or bracket.
    fn spaced_minus(&self, a: &mut Fig) {
        let b = self.text.as_bytes();
        let s = a.span.start;
        if a.kind != ClaimKind::Temperature
            || a.value < 0.0
            || s < self.sentence.start + 2
            || &b[s - 2..s] != b"- "
        {
            return;
        }
        let open = s - 2 == self.sentence.start || matches!(b[s - 3], b' ' | b'(' | b'\t');
        if open {
            a.span.start = s - 2;
            a.number_span.start = s - 2;
            a.value = -a.value;
        }
    }

    /// True when `a` begins a phone number: "555-1234", "+1-222-2222",
    /// "555-123-4567".
    fn phone(&self, a: &Fig) -> bool {
        let b = &self.text.as_bytes()[..self.sentence.end];
        let group = |at: usize| {
            if !matches!(b.get(at), Some(b'-' | b'.')) {
                return 0;
            }
            b[at + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count()
        };
        let len = a.num.digits_end - a.num.start;
        let g1 = group(a.num.digits_end);
        if !a.num.plain_int && !b[a.num.start..].starts_with(b"+") || g1 < 3 {
            return false;
        }
        let g2 = group(a.num.digits_end + 1 + g1);
        g2 > 0 || (len == 3 && g1 == 4) || b[a.num.start] == b'+'
    }

    /// True for a bare number alone in brackets: "(1)", "(5)" number items
    /// and equations.
    fn enumerator(&self, a: &Fig) -> bool {
        let b = self.text.as_bytes();
        a.span.start > 0 && b[a.span.start - 1] == b'(' && b.get(a.span.end) == Some(&b')')
    }

    /// True when the number at `p` names a thing instead of counting it:
    /// after a label word ("Fig. 5", "Eq. (11)", "No. 5"), an acronym
    /// ("OAE 2") or a capitalized name inside the sentence ("Apollo 11").
    fn named_by(&self, p: usize) -> bool {
        let b = self.text.as_bytes();
        let mut i = p;
        // the label may sit before the sentence start ("Fig." ends a
        // sentence for a naive splitter), so look back in the whole prose
        let floor = p.saturating_sub(40);
        while i > floor && matches!(b[i - 1], b' ' | b'\t' | b'(' | b'.' | b'#') {
            i -= 1;
        }
        let e = i;
        while i > floor && b[i - 1].is_ascii_alphabetic() {
            i -= 1;
        }
        if i == e || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            return false;
        }
        let word = &self.text[i..e];
        let mut buf = WordBuf::new();
        if lower_word(word, &mut buf).is_some_and(|(w, _)| number::is_label(w)) {
            return true;
        }
        // only a word right before the number, in this sentence, after a space
        let gap_ok = e + 1 == p && b[e] == b' ';
        if !gap_ok || i <= self.sentence.start {
            return false;
        }
        let acronym = word.len() >= 2 && word.bytes().all(|c| c.is_ascii_uppercase());
        let capitalized = word.as_bytes()[0].is_ascii_uppercase()
            && !matches!(b.get(i.wrapping_sub(2)), Some(b'.' | b'!' | b'?' | b':'));
        acronym || capitalized
    }

    /// True when a date starts at `p` (without recording it).
    fn date_at_peek(&self, p: usize) -> bool {
        date::parse_at(self.text, self.sentence.clone(), p).is_some_and(|d| d.end > p)
    }

    /// One figure at `p`: currency, number with scale, then what follows.
    /// `inherit` is the currency of a range's first member ("$10-15 million").
    /// `approximated`: an approximator stands before, so a lone "one" is a
    /// number ("at least one").
    ///
    /// The figure is built in `slot`, the caller's, and read there: a `Fig`
    /// is large, and one returned was copied into the caller's by `memcpy`.
    fn figure<'s>(
        &self,
        slot: &'s mut Option<Fig>,
        p: usize,
        inherit: Option<Currency>,
        approximated: bool,
    ) -> Option<&'s mut Fig> {
        let text = self.text;
        let end = self.sentence.end;
        let cur = money::prefix(text, p, end);
        let q = cur.map_or(p, |c| c.next);
        let num = number::parse(text, q, end, cur.is_some() || inherit.is_some())?;
        if num.end > end {
            return None;
        }
        let f = slot.insert(Fig {
            span: cur.map_or(num.start, |c| c.start)..num.end,
            number_span: num.start..num.end,
            kind: ClaimKind::Number,
            value: num.value,
            step: num.step,
            unit: None,
            measured: None,
            date: None,
            num,
            currency: cur,
            suffixed: false,
            factor: 1.0,
        });
        // glued to letters of any script ("2σ", "5Rp") unless a unit symbol
        let glued = !ends_word(text, num.end)
            || text[num.end..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_ascii() && c.is_alphabetic());
        if num.ordinal {
            if cur.is_some() {
                return None;
            }
            f.kind = ClaimKind::Ordinal;
            return Some(f);
        }
        if let Some(c) = cur {
            if glued {
                return None;
            }
            f.kind = ClaimKind::Money;
            f.unit = Some(c.code);
            f.value *= c.factor;
            f.step *= c.factor;
            f.factor = c.factor;
            f.measured = quantity::measured_of(text, num.end, end).map(|(a, b)| a..b);
            return Some(f);
        }
        if glued {
            // a currency code or sign glued on: "115USD", "100元"
            if let Some(c) = money::suffix(text, num.end, end).filter(|c| c.start == num.end) {
                self.with_currency(f, c);
                return Some(f);
            }
            // else only a unit symbol may be glued on: "200lbs", "75ml"
            let u = quantity::unit(text, num.end, end)?;
            if u.word || num.words {
                return None;
            }
            self.with_unit(f, u);
            return Some(f);
        }
        if num.ratio {
            return Some(f);
        }
        let readers = quantity::may_follow(text, num.end, end);
        if readers & quantity::PERCENT != 0
            && let Some((unit, e)) = quantity::percent(text, num.end, end)
        {
            f.kind = ClaimKind::Percent;
            f.unit = Some(unit);
            f.span.end = e;
            f.suffixed = true;
            return Some(f);
        }
        if readers & quantity::SUFFIX != 0
            && let Some(c) = money::suffix(text, num.end, end)
        {
            self.with_currency(f, c);
            return Some(f);
        }
        if readers & quantity::UNIT != 0
            && let Some(u) = quantity::unit(text, num.end, end)
        {
            self.with_unit(f, u);
            return Some(f);
        }
        if readers & quantity::NOUN != 0
            && let Some((noun, a, b)) = quantity::noun(text, num.end, end)
        {
            f.kind = ClaimKind::Quantity;
            f.unit = Some(noun);
            f.measured = Some(a..b);
            f.span.end = b;
            f.suffixed = true;
            return Some(f);
        }
        if let Some(c) = inherit {
            f.kind = ClaimKind::Money;
            f.unit = Some(c.code);
            f.value *= c.factor;
            f.step *= c.factor;
            f.factor = c.factor;
            return Some(f);
        }
        if num.bare_one && !approximated {
            return None;
        }
        // a bare year-like integer is a year; the date parser, run first,
        // normally claims these with more context
        if num.plain_int
            && num.digits_end - num.start == 4
            && (1900.0..=2100.0).contains(&num.value)
            && !self.counts(p, num.end)
        {
            f.kind = ClaimKind::Year;
            f.date = Some(DateParts {
                year: Some(num.value as i32),
                ..DateParts::default()
            });
        }
        Some(f)
    }

    /// True when a year-like integer ending at `e` counts things: "2000 of
    /// them", "2000 more"; not after a determiner ("the 2020 elections",
    /// "its 2019 results"), where it names a year.
    fn counts(&self, p: usize, e: usize) -> bool {
        let (text, end) = (self.text, self.sentence.end);
        let rest = &text[e..end];
        let gap = spaces(rest);
        let mut buf = WordBuf::new();
        let Some((w, n)) = (gap > 0)
            .then(|| lower_word(&rest[gap..], &mut buf))
            .flatten()
        else {
            return false;
        };
        if !ends_word(&rest[gap..], n) || !rest.as_bytes()[gap].is_ascii_lowercase() {
            return false;
        }
        for d in [
            "the", "its", "their", "his", "her", "our", "this", "that", "a", "an",
        ] {
            if self.prev_word_is(p, d) {
                return false;
            }
        }
        if self.text[..p].trim_end_matches([' ', '\t']).ends_with("'s") {
            return false;
        }
        // a plural after it is no sign: "2005 sales", "the 1979 series",
        // "2001 winners" are years
        matches!(w, "of" | "more" | "fewer" | "additional" | "extra")
    }

    /// Sets the kind, value, unit and span of a figure with currency `c`
    /// written after it, and reads the minor unit that may follow a whole
    /// amount: "thirteen dollars and forty-five cents", "15 dollars 50".
    fn with_currency(&self, f: &mut Fig, c: Currency) {
        let (text, end) = (self.text, self.sentence.end);
        f.kind = ClaimKind::Money;
        f.unit = Some(c.code);
        f.value *= c.factor;
        f.step *= c.factor;
        f.factor = c.factor;
        f.span.end = c.end;
        f.suffixed = true;
        if let Some((cents, e)) = minor_after(text, c, f.num.scale, end) {
            f.value += cents;
            f.step = f.step.min(0.01 * c.factor);
            f.span.end = e;
        }
        f.measured = quantity::measured_of(text, f.span.end, end).map(|(a, b)| a..b);
    }

    /// Sets the kind, unit and span of a figure with unit `u`.
    fn with_unit(&self, f: &mut Fig, u: quantity::Unit) {
        let text = self.text;
        let end = self.sentence.end;
        f.kind = u.kind;
        f.unit = Some(u.name);
        f.span.end = u.end;
        f.suffixed = true;
        if u.kind == ClaimKind::Duration
            && let Some(e) = quantity::age_after(text, u.end, end)
        {
            f.kind = ClaimKind::Age;
            f.span.end = e;
            return;
        }
        // "5 feet 2 inches", "6 ft 1 in": one length in feet
        if u.name == "foot"
            && let Some((inches, e)) = self.inches_after(u.end)
        {
            f.value += inches / 12.0;
            f.step = f.step.min(1.0 / 12.0);
            f.span.end = e;
        }
        // "12 ft 2 in", "1 hour and 30 minutes", "one hour and a half"
        if f.span.end == u.end
            && let Some((more, step, e)) = quantity::part_after(text, u.name, u.end, end)
        {
            f.value += more;
            f.step = f.step.min(step);
            f.span.end = e;
        }
        let of = quantity::measured_of(text, f.span.end, end);
        // "5 million pounds" of money, "500 pounds of cocaine" of weight
        if u.name == "pound" && u.word && f.num.scale > 1.0 && of.is_none() {
            f.kind = ClaimKind::Money;
            f.unit = Some("GBP");
            return;
        }
        f.measured = of.map(|(a, b)| a..b);
    }

    /// The inches after a length in feet: " 2 inches", " and 2 in". Returns
    /// the inches and where they end.
    fn inches_after(&self, at: usize) -> Option<(f64, usize)> {
        let (text, end) = (self.text, self.sentence.end);
        let s = text.get(at..end)?;
        let mut p = spaces(s);
        if p == 0 {
            return None;
        }
        if let Some(n) = match_phrase(&s[p..], "and", true) {
            p += n + spaces(&s[p + n..]);
        }
        let n = number::parse(text, at + p, end, false)?;
        if n.ordinal || n.scale != 1.0 || !(0.0..12.0).contains(&n.value) {
            return None;
        }
        let u = quantity::unit(text, n.end, end)?;
        (u.name == "inch").then_some((n.value, u.end))
    }

    /// "per cent of twenty", "percents of 210" ending a clause: the
    /// percentage written after its sign. Only where no number stands
    /// before (the scanner would have read "5 per cent" as one figure)
    /// and the number ends the clause ("percent of 18-year-olds" is not
    /// 18%).
    fn percent_of(&mut self, p: usize) -> Option<usize> {
        let (text, end) = (self.text, self.sentence.end);
        let rest = &text[p..end];
        let n = ["percents of", "percent of", "per cent of", "pct of"]
            .iter()
            .find_map(|ph| match_phrase(rest, ph, true))?;
        let gap = spaces(&rest[n..]);
        if gap == 0 {
            return None;
        }
        let num = number::parse(text, p + n + gap, end, false)?;
        if num.ordinal || num.bare_one || num.ratio || !ends_word(text, num.end) {
            return None;
        }
        let tail = text[num.end..end].trim_start_matches([' ', '\t']);
        if !(tail.is_empty() || tail.starts_with(['.', ',', ';', '!', '?', ')'])) {
            return None;
        }
        let f = Fig {
            span: p..num.end,
            number_span: num.start..num.end,
            kind: ClaimKind::Percent,
            value: num.value,
            step: num.step,
            unit: Some("%"),
            measured: None,
            date: None,
            num,
            currency: None,
            suffixed: true,
            factor: 1.0,
        };
        self.push(&f, None, None);
        Some(num.end)
    }

    /// "aged 45", "age 87".
    fn aged(&mut self, p: usize, wend: usize, ap: Option<approx::Found>) -> Option<usize> {
        let end = self.sentence.end;
        let gap = spaces(&self.text[wend..end]);
        if gap == 0 {
            return None;
        }
        let num = number::parse(self.text, wend + gap, end, false)?;
        if num.ordinal || num.bare_one || !ends_word(self.text, num.end) {
            return None;
        }
        let f = Fig {
            span: p..num.end,
            number_span: num.start..num.end,
            kind: ClaimKind::Age,
            value: num.value,
            step: num.step,
            unit: Some("year"),
            measured: None,
            date: None,
            num,
            currency: None,
            suffixed: true,
            factor: 1.0,
        };
        self.push(&f, ap, None);
        Some(num.end)
    }

    /// "between 10 and 15 percent".
    fn between(&mut self, p: usize, wend: usize, ap: Option<approx::Found>) -> Option<usize> {
        let end = self.sentence.end;
        let gap = spaces(&self.text[wend..end]);
        if gap == 0 {
            return None;
        }
        let (mut slot_a, mut slot_b) = (None, None);
        let a = self.figure(&mut slot_a, wend + gap, None, true)?;
        let n = match_phrase(&self.text[a.span.end..end], " and ", false)?;
        let b = self.figure(&mut slot_b, a.span.end + n, a.currency, true)?;
        if a.kind == ClaimKind::Ordinal || b.kind == ClaimKind::Ordinal {
            return None;
        }
        let (a, b) = share(slot_a.take()?, slot_b.take()?)?;
        let e = b.span.end;
        self.push_range(p, &a, &b, ap);
        Some(e)
    }

    /// A second figure joined to `a` by a dash or "to": "10-15%", "$10-15
    /// million", "10 to 15 percent".
    fn range_tail(&mut self, p: usize, a: &Fig, ap: Option<approx::Found>) -> Option<usize> {
        let text = self.text;
        let end = self.sentence.end;
        if matches!(a.kind, ClaimKind::Ordinal | ClaimKind::Year)
            && !a.suffixed
            && a.kind == ClaimKind::Ordinal
        {
            return None;
        }
        let rest = &text[a.span.end..end];
        let (dash, n) = if let Some(n) = ["-", "–", "—", "~", " - ", " – ", " — "]
            .iter()
            .find_map(|d| rest.starts_with(d).then_some(d.len()))
        {
            (true, n)
        } else if let Some(n) = match_phrase(rest, " to ", false) {
            (false, n)
        } else {
            return None;
        };
        let q = a.span.end + n;
        // a second currency symbol is fine: "$10-$15"
        let mut slot = None;
        let b = self.figure(&mut slot, q, a.currency, true)?;
        if b.kind == ClaimKind::Ordinal || a.num.words != b.num.words {
            return None;
        }
        let b_marked =
            b.suffixed || b.num.scale > 1.0 || b.currency.is_some() && a.currency.is_none();
        if dash {
            if !a.suffixed && !b_marked && a.currency.is_none() {
                // bare "10-15": a range only when it rises and is no phone
                // number, score or season ("555-1234", "3-2", "2019-20")
                let phone = text[b.span.end..end].starts_with('-')
                    || (b.num.digits_end - b.num.start >= 4 && a.num.digits_end - a.num.start >= 3);
                if !(a.num.plain_int && b.num.plain_int) || b.value <= a.value || phone {
                    return None;
                }
                if a.kind == ClaimKind::Year || b.kind == ClaimKind::Year {
                    return None;
                }
            }
        } else {
            // "X to Y" only with a unit written once after Y, and not
            // "from X to Y", which is a change
            if a.suffixed || !b_marked || self.prev_word_is(ap.map_or(p, |x| x.start), "from") {
                return None;
            }
        }
        let (a2, b2) = share(a.clone(), b.clone())?;
        let e = b2.span.end;
        self.push_range(ap.map_or(a2.span.start, |x| x.start), &a2, &b2, ap);
        Some(e)
    }

    /// True when the word before `p` is `w` (lowercase).
    fn prev_word_is(&self, p: usize, w: &str) -> bool {
        let b = self.text.as_bytes();
        let mut i = p;
        while i > self.sentence.start && b[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
        let e = i;
        while i > self.sentence.start && b[i - 1].is_ascii_alphabetic() {
            i -= 1;
        }
        self.text[i..e].eq_ignore_ascii_case(w)
    }

    fn claim(&self, f: &Fig) -> Claim {
        Claim {
            span: f.span.clone(),
            number_span: f.number_span.clone(),
            kind: f.kind,
            value: Some(f.value),
            step: f.step,
            unit: f.unit,
            approx: None,
            low: f.value,
            high: f.value,
            measured: f.measured.clone(),
            date: f.date,
            range: None,
            part_of: None,
            sentence: self.si,
            context: Context::default(),
        }
    }

    /// Appends the claim of `f`, read where it lies (a move of a `Fig` is a
    /// call of `memcpy`), and completes it in place: built whole and then
    /// moved into `out`, a claim was copied by `memcpy` too.
    fn push(&mut self, f: &Fig, ap: Option<approx::Found>, part_of: Option<usize>) {
        let claim = self.claim(f);
        self.out.push(claim);
        let Some(c) = self.out.last_mut() else {
            return;
        };
        if let Some(a) = ap {
            c.span.start = a.start;
            c.approx = Some(Approx {
                phrase: a.phrase,
                span: a.start..a.end,
            });
            (c.low, c.high) = approx::interval(f.value, a.low, a.high);
        }
        c.part_of = part_of;
        date::duration_in_seconds(c, false);
    }

    fn push_range(&mut self, start: usize, a: &Fig, b: &Fig, ap: Option<approx::Found>) {
        let id = self.out.len();
        let (lo, hi) = if a.value <= b.value {
            (a.value, b.value)
        } else {
            (b.value, a.value)
        };
        let (low, high) = match ap {
            Some(x) => (
                approx::interval(lo, x.low, x.high).0,
                approx::interval(hi, x.low, x.high).1,
            ),
            None => (lo, hi),
        };
        let mut range = Claim {
            span: start..b.span.end,
            number_span: a.number_span.start..b.number_span.end,
            kind: ClaimKind::Range,
            value: None,
            step: a.step.min(b.step),
            unit: b.unit.or(a.unit),
            approx: ap.map(|x| Approx {
                phrase: x.phrase,
                span: x.start..x.end,
            }),
            low,
            high,
            measured: b.measured.clone(),
            date: None,
            range: Some((id + 1, id + 2)),
            part_of: None,
            sentence: self.si,
            context: Context::default(),
        };
        date::duration_in_seconds(&mut range, b.kind == ClaimKind::Duration);
        self.out.push(range);
        self.push(a, None, Some(id));
        self.push(b, None, Some(id));
    }
}

/// The hundredths after a whole amount in a major currency written after
/// it: " and forty-five cents", " and 50 pence", or a bare " 50" / " and
/// 15" that ends the clause. Returns the amount in the major unit and
/// where it ends.
pub(super) fn minor_after(
    text: &str,
    major: Currency,
    scale: f64,
    end: usize,
) -> Option<(f64, usize)> {
    if major.factor != 1.0 || scale != 1.0 {
        return None;
    }
    let s = text.get(major.end..end)?;
    let mut at = spaces(s);
    if at == 0 {
        return None;
    }
    if let Some(n) = match_phrase(&s[at..], "and", true) {
        at += n;
        let g = spaces(&s[at..]);
        if g == 0 {
            return None;
        }
        at += g;
    }
    let n = number::parse(text, major.end + at, end, false)?;
    if n.ordinal || n.scale != 1.0 || n.value.fract() != 0.0 || !(1.0..100.0).contains(&n.value) {
        return None;
    }
    if let Some(c) = money::suffix(text, n.end, end) {
        return c.minor.then_some((n.value / 100.0, c.end));
    }
    let tail = text[n.end..end].trim_start_matches([' ', '\t']);
    let closes = tail.is_empty() || tail.starts_with(['.', ',', ';', '!', '?', ')']);
    // "15 dollars 5." is too thin: two digits or two words
    (closes && (n.end - n.start >= 2)).then_some((n.value / 100.0, n.end))
}

/// Gives the first member of a range what is written once after the
/// second ("10-15 million", "10 to 15 percent", "$10-15 million"): its
/// scale, kind and unit. Members of different kinds make no range.
fn share(mut a: Fig, b: Fig) -> Option<(Fig, Fig)> {
    if !a.suffixed {
        if a.num.scale == 1.0 && b.num.scale > 1.0 && !a.num.words {
            a.value *= b.num.scale;
            a.step *= b.num.scale;
        }
        if a.currency.is_none() && b.kind == ClaimKind::Money {
            a.value *= b.factor;
            a.step *= b.factor;
        }
        if a.kind == ClaimKind::Number
            || (a.kind == ClaimKind::Money && b.kind == ClaimKind::Money)
            || a.kind == ClaimKind::Year
        {
            a.kind = b.kind;
            a.unit = b.unit;
            a.date = None;
        }
    }
    let mut b = b;
    if b.kind == ClaimKind::Year {
        b.kind = ClaimKind::Number;
        b.date = None;
        if a.kind != ClaimKind::Number {
            return None;
        }
    }
    (a.kind == b.kind && a.unit == b.unit).then_some((a, b))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    fn run(s: &str) -> Vec<Claim> {
        claims(s, std::slice::from_ref(&(0..s.len())), true)
    }

    /// The claims as (text, kind, value, unit).
    fn found(s: &str) -> Vec<(String, ClaimKind, Option<f64>, Option<&'static str>)> {
        run(s)
            .iter()
            .map(|c| (s[c.span.clone()].to_string(), c.kind, c.value, c.unit))
            .collect()
    }

    #[track_caller]
    fn one(s: &str, text: &str, kind: ClaimKind, value: f64, unit: Option<&str>) {
        let all = run(s);
        let c = all
            .iter()
            .find(|c| &s[c.span.clone()] == text)
            .unwrap_or_else(|| panic!("no `{text}` in `{s}`: {:?}", found(s)));
        assert_eq!(c.kind, kind, "kind of `{text}`");
        if value.is_nan() {
            assert_eq!(c.value, None, "value of `{text}`");
        } else {
            let v = c.value.unwrap_or(f64::NAN);
            let close = (v - value).abs() <= 1e-9 * value.abs().max(1.0);
            assert!(close, "value of `{text}`: {v}");
        }
        assert_eq!(c.unit, unit, "unit of `{text}`");
    }

    #[track_caller]
    fn nothing(s: &str) {
        assert!(run(s).is_empty(), "`{s}`: {:?}", found(s));
    }

    use ClaimKind::*;

    /// A thread's next document starts from the last one's room
    /// ([`recycle`]): its claims are its own, none left over, whether the
    /// room held more claims than it finds or fewer.
    #[test]
    fn recycled_room_holds_only_the_next_documents_claims() {
        let long = "From 10 to 20 people, up 4.2%, on Sept. 14, 2022, paid $55 billion.";
        let short = "It cost $5.";
        for (before, next) in [(long, short), (short, long), (long, long), ("", short)] {
            let want = format!("{:?}", run(next));
            recycle(run(before));
            assert_eq!(format!("{:?}", run(next)), want, "{before:?} then {next:?}");
        }
    }

    #[test]
    fn founding_example() {
        let s = "India has purchased nearly 13 million barrels of Russian oil since the start \
                 of the war, up from nearly 16 million barrels in 2021.";
        let all = run(s);
        let c = &all[0];
        assert_eq!(&s[c.span.clone()], "nearly 13 million barrels");
        assert_eq!(&s[c.number_span.clone()], "13 million");
        assert_eq!(c.kind, Quantity);
        assert_eq!(c.unit, Some("barrel"));
        assert_eq!((c.value, c.step), (Some(13e6), 1e6));
        assert_eq!((c.low, c.high), (13e6 * 0.9, 13e6));
        assert_eq!(c.approx.as_ref().map(|a| a.phrase), Some("nearly"));
        assert_eq!(c.measured.clone().map(|m| &s[m]), Some("Russian oil"));
        assert_eq!(&s[all[1].span.clone()], "nearly 16 million barrels");
        assert_eq!(all[2].kind, Year);
        assert_eq!(all.len(), 3);
    }

    #[test]
    fn money() {
        one(
            "a $55 billion deal",
            "$55 billion",
            Money,
            55e9,
            Some("USD"),
        );
        one(
            "$ 75 million of bonds",
            "$ 75 million",
            Money,
            75e6,
            Some("USD"),
        );
        one("A$246bn", "A$246bn", Money, 246e9, Some("AUD"));
        one("costs $1.2tn now", "$1.2tn", Money, 1.2e12, Some("USD"));
        one("a £5m deal", "£5m", Money, 5e6, Some("GBP"));
        one(
            "55 billion rubles",
            "55 billion rubles",
            Money,
            55e9,
            Some("RUB"),
        );
        one(
            "1.05 billion dlrs",
            "1.05 billion dlrs",
            Money,
            1.05e9,
            Some("USD"),
        );
        one(
            "a 400 mln dlr payment",
            "400 mln dlr",
            Money,
            400e6,
            Some("USD"),
        );
        one(
            "rose 1.20 cents",
            "1.20 cents",
            Money,
            1.2,
            Some("USD cent"),
        );
        one(
            "paid 5 million pounds to",
            "5 million pounds",
            Money,
            5e6,
            Some("GBP"),
        );
        one("20 mln stg", "20 mln stg", Money, 20e6, Some("GBP"));
        one("€40", "€40", Money, 40.0, Some("EUR"));
        one("USD 5", "USD 5", Money, 5.0, Some("USD"));
    }

    #[test]
    fn percents() {
        one("up 4.2% on", "4.2%", Percent, 4.2, Some("%"));
        one("12.5 percent", "12.5 percent", Percent, 12.5, Some("%"));
        one("12.5 per cent", "12.5 per cent", Percent, 12.5, Some("%"));
        one("5 pct", "5 pct", Percent, 5.0, Some("%"));
        one(
            "by 2 percentage points",
            "2 percentage points",
            Percent,
            2.0,
            Some("pp"),
        );
        one("twenty percent", "twenty percent", Percent, 20.0, Some("%"));
        one(
            "minus five percent",
            "minus five percent",
            Percent,
            -5.0,
            Some("%"),
        );
        let c = &run("rose 4.2%")[0];
        assert_eq!(c.step, 0.1);
    }

    #[test]
    fn quantities() {
        one(
            "2,000 people",
            "2,000 people",
            Quantity,
            2000.0,
            Some("person"),
        );
        one(
            "400 workers",
            "400 workers",
            Quantity,
            400.0,
            Some("worker"),
        );
        one(
            "You weight 200lbs.",
            "200lbs",
            Quantity,
            200.0,
            Some("pound"),
        );
        one("75ml", "75ml", Quantity, 75.0, Some("millilitre"));
        one(
            "its 3-inch thickness",
            "3-inch",
            Quantity,
            3.0,
            Some("inch"),
        );
        one(
            "2.4 billion gallons",
            "2.4 billion gallons",
            Quantity,
            2.4e9,
            Some("gallon"),
        );
        one(
            "0.9 trillion cubic feet",
            "0.9 trillion cubic feet",
            Quantity,
            0.9e12,
            Some("cubic foot"),
        );
        one(
            "500,000 barrels a day",
            "500,000 barrels a day",
            Quantity,
            5e5,
            Some("barrel per day"),
        );
        one("two feet", "two feet", Quantity, 2.0, Some("foot"));
        one(
            "a 10 km/h wind",
            "10 km/h",
            Quantity,
            10.0,
            Some("kilometre per hour"),
        );
        one("5 m deep", "5 m", Quantity, 5.0, Some("metre"));
        one("12 apples", "12", Number, 12.0, None);
    }

    #[test]
    fn temperatures_durations_ages() {
        one(
            "-5 degree fahrenheit",
            "-5 degree fahrenheit",
            Temperature,
            -5.0,
            Some("fahrenheit"),
        );
        one(
            "at 40 deg celsius",
            "40 deg celsius",
            Temperature,
            40.0,
            Some("celsius"),
        );
        one("set to 85°", "85°", Quantity, 85.0, Some("degree"));
        one("−3°C", "−3°C", Temperature, -3.0, Some("celsius"));
        one(
            "for three years",
            "three years",
            Duration,
            3.0 * 365.0 * 86_400.0,
            Some("second"),
        );
        one("10 days", "10 days", Duration, 864_000.0, Some("second"));
        one("a 45-year-old man", "45-year-old", Age, 45.0, Some("year"));
        one(
            "she is 29 years old",
            "29 years old",
            Age,
            29.0,
            Some("year"),
        );
        one("aged 45,", "aged 45", Age, 45.0, Some("year"));
        one("a man of age 87", "age 87", Age, 87.0, Some("year"));
    }

    #[test]
    fn approximators() {
        let c = &run("more than 5 cars")[0];
        assert_eq!((c.low, c.high), (5.0, f64::INFINITY));
        assert_eq!(c.span, 0..16);
        assert_eq!(c.number_span, 10..11);
        let c = &run("up to 40%")[0];
        assert_eq!((c.low, c.high), (0.0, 40.0));
        let c = &run("about -10 degrees")[0];
        assert_eq!((c.low, c.high), (-11.0, -9.0));
        nothing("about the war");
        nothing("over time");
        nothing("some of them");
    }

    #[test]
    fn ranges() {
        let s = "between 900 and 400 workers";
        let all = run(s);
        assert_eq!(all.len(), 3);
        assert_eq!(
            (all[0].kind, all[0].range, all[0].value),
            (Range, Some((1, 2)), None)
        );
        assert_eq!(all[0].span, 0..s.len());
        assert_eq!((all[1].value, all[2].value), (Some(900.0), Some(400.0)));
        assert_eq!((all[1].part_of, all[2].part_of), (Some(0), Some(0)));
        assert_eq!(all[1].unit, Some("worker"));
        let s = "$10-15 million";
        let all = run(s);
        assert_eq!(all[0].kind, Range);
        assert_eq!((all[1].value, all[2].value), (Some(10e6), Some(15e6)));
        assert_eq!((all[1].unit, all[2].unit), (Some("USD"), Some("USD")));
        let s = "10 to 15 percent";
        let all = run(s);
        assert_eq!(all[0].kind, Range);
        assert_eq!((all[1].kind, all[1].value), (Percent, Some(10.0)));
        let all = run("rose from 10 to 15 percent");
        assert_eq!(
            all.iter().map(|c| c.kind).collect::<Vec<_>>(),
            vec![Number, Percent]
        );
        let all = run("won 3-2 at home");
        assert_eq!(all.iter().map(|c| c.kind).collect::<Vec<_>>(), vec![Number]);
        let all = run("about 20-30");
        assert_eq!(all[0].kind, Range);
        assert_eq!(all[0].approx.as_ref().map(|a| a.phrase), Some("about"));
        let all = run("call 555-1234 now");
        assert!(all.is_empty(), "{:?}", found("call 555-1234 now"));
        let all = run("from 10 to 15");
        assert_eq!(all.len(), 2);
    }

    #[test]
    fn words() {
        one("a dozen eggs", "a dozen", Number, 12.0, None);
        one("thirteen", "thirteen", Number, 13.0, None);
        one(
            "half a million people",
            "half a million people",
            Quantity,
            5e5,
            Some("person"),
        );
        one(
            "two-thirds of voters",
            "two-thirds",
            Number,
            2.0 / 3.0,
            None,
        );
        one("a quarter of the", "a quarter", Number, 0.25, None);
        // durations are valued in seconds
        one("one day", "one day", Duration, 86_400.0, Some("second"));
        nothing("one of the best, no one knows");
        nothing("in a quarter");
        nothing("a man");
        // a century is a period (the date parser reads it before the ordinal)
        one(
            "the 21st century",
            "21st century",
            DateRange,
            f64::NAN,
            None,
        );
        one("the 21st round", "21st", Ordinal, 21.0, None);
        one("the twenty-first", "twenty-first", Ordinal, 21.0, None);
    }

    #[test]
    fn not_figures() {
        nothing("G7 and COVID-19 and F-16 and A380 and 3M and B2B and MP3");
        nothing("at 10:30 sharp");
        nothing("see section 1.2.3");
        nothing("visit https://example.com/2021/05/x.html or www.a1.com");
        nothing("write to joe2@example.com");
        nothing("a 5G network");
        nothing("24/7 service");
        nothing("as shown in Fig. 5 and Eq. (11), see [14]");
        nothing("the OAE 2 event and Apollo 11");
        nothing("call +1-222-2222-2222 or 555-123-4567");
        nothing("?id=305&x=7%2820");
        nothing("salts Ca(ClO4)2 and σ0 → σ1 at 2σ, see (1) and (2)");
    }

    #[test]
    fn plain_numbers() {
        one("192.", "192", Number, 192.0, None);
        one(".08", ".08", Number, 0.08, None);
        one("11-1/2", "11-1/2", Number, 11.5, None);
        one("rose 1/2 point", "1/2 point", Quantity, 0.5, Some("point"));
        one("in 2021", "2021", Year, 2021.0, None);
        one("+12", "+12", Number, 12.0, None);
        one(
            "In 1000-5000 cases",
            "1000-5000 cases",
            Range,
            f64::NAN,
            Some("case"),
        );
        one("at least one", "at least one", Number, 1.0, None);
        one("about ~5 kg", "~5 kg", Quantity, 5.0, Some("kilogram"));
        one("values of ∼−1‰", "∼−1‰", Quantity, -1.0, Some("per mille"));
        one("Sales 5 times", "5", Number, 5.0, None);
        one("10 €, 5", "10 €", Money, 10.0, Some("EUR"));
        one("USD115.5", "USD115.5", Money, 115.5, Some("USD"));
        one(
            "a 12-cent-a-share dividend",
            "12-cent",
            Money,
            12.0,
            Some("USD cent"),
        );
    }

    #[test]
    fn compound_amounts() {
        one(
            "it cost thirteen dollars and forty-five cents",
            "thirteen dollars and forty-five cents",
            Money,
            13.45,
            Some("USD"),
        );
        one(
            "it costs only 15 dollars 50.",
            "15 dollars 50",
            Money,
            15.5,
            Some("USD"),
        );
        one(
            "15 dollars and 15.",
            "15 dollars and 15",
            Money,
            15.15,
            Some("USD"),
        );
        one(
            "won 15 dollars and 50 votes",
            "15 dollars",
            Money,
            15.0,
            Some("USD"),
        );
        one(
            "5 million dollars 50.",
            "5 million dollars",
            Money,
            5e6,
            Some("USD"),
        );
        one(
            "he is 5 feet 2 inches tall",
            "5 feet 2 inches",
            Quantity,
            5.0 + 2.0 / 12.0,
            Some("foot"),
        );
        one(
            "5 feet and 20 inches",
            "5 feet",
            Quantity,
            5.0,
            Some("foot"),
        );
        one(
            "- 20 degrees fahrenheit",
            "- 20 degrees fahrenheit",
            Temperature,
            -20.0,
            Some("fahrenheit"),
        );
        one(
            "a 3 - 20 degrees",
            "20 degrees",
            Quantity,
            20.0,
            Some("degree"),
        );
        one("3 out of 4 people", "3 out of 4", Number, 0.75, None);
    }

    #[test]
    fn parts_and_minor_units() {
        one(
            "more than 1 hour and 30 minutes",
            "more than 1 hour and 30 minutes",
            Duration,
            5400.0,
            Some("second"),
        );
        one(
            "one hour and a half is",
            "one hour and a half",
            Duration,
            5400.0,
            Some("second"),
        );
        one(
            "one and half hour",
            "one and half hour",
            Duration,
            5400.0,
            Some("second"),
        );
        one(
            "The length is 12 ft 2 in more or less",
            "12 ft 2 in",
            Quantity,
            12.0 + 2.0 / 12.0,
            Some("foot"),
        );
        one("at 2 in the morning", "2", Number, 2.0, None);
        one("50 cents", "50 cents", Money, 50.0, Some("USD cent"));
        one(
            "470 pence a share",
            "470 pence",
            Money,
            470.0,
            Some("GBP penny"),
        );
        one(
            "close one penny",
            "one penny",
            Money,
            1.0,
            Some("GBP penny"),
        );
    }

    #[test]
    fn percent_sign_first() {
        one(
            "percents of twenty",
            "percents of twenty",
            Percent,
            20.0,
            Some("%"),
        );
        one(
            "it is per cent of 210.",
            "per cent of 210",
            Percent,
            210.0,
            Some("%"),
        );
        one("5 per cent of 210.", "5 per cent", Percent, 5.0, Some("%"));
        one(
            "the percent of 18-year-olds who",
            "18-year-olds",
            Age,
            18.0,
            Some("year"),
        );
        nothing("the percent of voters");
        one(
            "the percent of 20 voters",
            "20 voters",
            Quantity,
            20.0,
            Some("voter"),
        );
    }

    #[test]
    fn years_and_counts() {
        one("hopes 2005 sales will", "2005", Year, 2005.0, None);
        one("face 2001 winners", "2001", Year, 2001.0, None);
        one(
            "About 2000 of them came",
            "About 2000",
            Number,
            2000.0,
            None,
        );
        one("and had 2000 more", "2000", Number, 2000.0, None);
        one("the 2020 elections", "2020", Year, 2020.0, None);
        one("its 2019 results", "2019", Year, 2019.0, None);
        one("2019 was good", "2019", Year, 2019.0, None);
        one("in 2010 prices rose", "2010", Year, 2010.0, None);
        one("since 2010 sales rose", "2010", Year, 2010.0, None);
    }

    #[test]
    fn glued_symbols() {
        one("115USD", "115USD", Money, 115.0, Some("USD"));
        one("cost 100元!", "100元", Money, 100.0, Some("CNY"));
        one("100,000 ₭ won", "100,000 ₭", Money, 1e5, Some("LAK"));
        one("to 120 MEUR", "120 MEUR", Money, 120e6, Some("EUR"));
        one("100t and", "100t", Quantity, 100.0, Some("tonne"));
        one("I'm 1.8m tall", "1.8m", Quantity, 1.8, Some("metre"));
        one(
            "The weight is 20 (kg)",
            "20 (kg)",
            Quantity,
            20.0,
            Some("kilogram"),
        );
        one("10 dm", "10 dm", Quantity, 10.0, Some("decimetre"));
        one("10 DM", "10 DM", Money, 10.0, Some("DEM"));
        one("after ≈28.9s", "≈28.9s", Duration, 28.9, Some("second"));
        one("a mean (n=104) of", "104", Number, 104.0, None);
        one("At x=0.64 H", "0.64", Number, 0.64, None);
        nothing("in his 80s");
        nothing("see a.php?id=305");
        one("reading 2+2=5.", "2", Number, 2.0, None);
        nothing("5m people");
        nothing("a 48m.");
        one("20 (kg", "20", Number, 20.0, None);
    }

    #[test]
    fn never_panics() {
        for s in [
            "",
            "$",
            "-",
            "−",
            "½",
            "1e999",
            "€",
            "between",
            "between 5 and",
            "about",
            "5-",
            "5 to",
            "$10-",
            "half a",
            "two and a",
            "a hundred and",
            "é5",
            "5é",
            "£ 5 ££",
            "1,",
            "1.",
            // an approximator's sign at the very end ("<Chase NA.>")
            ">",
            "Banks <Chase NA.>",
            "rates ~",
            "up <",
        ] {
            let _ = run(s);
        }
        let big = "9".repeat(100_000);
        let _ = run(&big);
        let all = run(&format!("{big}.5 dollars"));
        assert!(all.iter().all(|c| c.value.is_none_or(f64::is_finite)));
    }

    #[test]
    fn claims_are_sorted_and_disjoint() {
        let s =
            "Between 10 and 15 percent of 2,000 people, about $5 million, rose 4% to 1,200 tonnes.";
        let all = run(s);
        for w in all.windows(2) {
            assert!(w[0].span.start <= w[1].span.start);
            if w[1].part_of.is_none() && w[0].part_of.is_none() && w[0].range.is_none() {
                assert!(w[0].span.end <= w[1].span.start, "{:?}", found(s));
            }
        }
    }

    /// The gate only skips work: with it and without it the claims are the
    /// same. Run on every fixture and check example in the repository.
    #[test]
    fn gate_changes_nothing_on_fixtures() {
        use crate::extract::relation::test_support::{fixture_texts, toml_strings};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = fixture_texts();
        // every lexicon word and phrase, in a few settings
        if let Ok(entries) = std::fs::read_dir(root.join("checks/lexicon")) {
            let mut words = Vec::new();
            for e in entries.flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path())
                    && let Ok(t) = toml::from_str::<toml::Table>(&t)
                {
                    toml_strings(&toml::Value::Table(t), &mut words);
                }
            }
            assert!(
                words.len() > 500,
                "found only {} lexicon words",
                words.len()
            );
            for w in words {
                texts.push(format!(
                    "{w} 12 {w} rose in {w} 2019 to the {w}, from 5% {w} the next {w}. \
                     This {w} of {w} twenty {w}."
                ));
                // the words after which a date needs a second word
                texts.push(format!(
                    "A {w} ago, an {w} later, that {w} from {w} to {w}. In {w}, in the {w}. \
                     Since {w} sales rose; on {w} profit fell, by {w} 12."
                ));
            }
        }
        assert!(texts.len() > 100, "found only {} texts", texts.len());
        for t in &texts {
            same_with_and_without_gate(t);
        }
    }

    /// The gate asks whether a word is a month or weekday name; the date
    /// parser's own filter looks at three letters. Words that share those
    /// letters with a name ("market", "Mondays", "decision") get the same
    /// claims either way.
    #[test]
    fn gate_changes_nothing_at_words_sharing_a_name_prefix() {
        let mut words = vec![
            "market",
            "money",
            "decision",
            "Martin",
            "maybe",
            "satellite",
            "separate",
            "monthly",
            "decade",
            "friends",
            "junior",
            "augment",
            "novel",
            "octet",
            "thus",
            "wedding",
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
        for n in date::name_words() {
            let mut capital = n.to_string();
            capital[..1].make_ascii_uppercase();
            for w in [capital, n.to_string(), n.to_ascii_uppercase()] {
                words.push(format!("{w}s"));
                words.push(format!("{w}ly"));
                words.push(format!("{}x", &w[..3]));
                words.push(format!("{w}."));
                words.push(w);
            }
        }
        for w in words {
            same_with_and_without_gate(&format!(
                "On {w} 12, {w} 5 2019 and {w} 2021, {w}-2020 rose 3%. In {w} the {w} fell \
                 from {w} to {w}. {w} 3 {w}, {w}, {w} 14th."
            ));
        }
    }

    /// Before a plain word no date holds, digits are tried as a figure
    /// only; before a date's words, or joined to them, as a date first.
    #[test]
    fn gate_after_digits_needs_a_date_word() {
        let t = "On 14 September 2022, 31st of March and 5-Aug, 3 days ago, 10 to 12 \
                 May, 2 nights, the 15th century, 9/11 and 12-2015, 40 people said 5 \
                 companies and 120 days later 300 years earlier 1995 and 20200105 \
                 with 7 Jan 5 Sept. and 2 weeks from now.";
        same_with_and_without_gate(t);
        same_with_and_without_gate("Rates rose 5% and 12% to 45%, 100%-backed, 7%-8% in 2020%.");
        for w in ["days", "Days", "people", "Sept", "of", "to", "and"] {
            for n in ["5", "12", "123", "2021", "12345", "20210105"] {
                same_with_and_without_gate(&format!(
                    "It was {n} {w} ago, {n}  {w} earlier, {n} {w}, and {n} {w} 2020."
                ));
            }
        }
    }

    /// After "the" the gate lets the date parser try only the words a date
    /// after "the" holds; with every other word of the vocabulary and of
    /// the lexicons after it, the claims are those found without the gate.
    #[test]
    fn gate_after_the_needs_a_date_word() {
        let t = "In the first quarter, the early 1990s, the mid-2000s, the first week of \
                 March, the end of the year, the EOY, the past three years, the week after \
                 next, in the week, the day before yesterday, the fortnight, the same day, \
                 the new plan, the most, the two firms, the US and the Q1 results rose.";
        finds_dates(
            t,
            &[ClaimKind::Date, ClaimKind::DateRange],
            &[
                "the first quarter",
                "the early 1990s",
                "the end of the year",
                "the past three years",
            ],
        );
        let mut words: Vec<String> = VOCABULARY.iter().map(|w| w.trim().to_string()).collect();
        words.extend(date::after_the_words());
        for w in words {
            for the in ["the", "The", "THE"] {
                same_with_and_without_gate(&format!(
                    "We met {the} {w} of 2020, {the} {w} 5 and {the} {w} after next, {the}  {w} ago."
                ));
            }
        }
    }

    /// After "in" the gate lets the date parser try only a count: the
    /// dates to come are found, and "in the", "in a few" and "in an hour"
    /// (a clock unit) hold none, with the gate or without it.
    #[test]
    fn gate_after_in_needs_a_count() {
        let t = "We will leave in two weeks. They will vote in a month. It will \
                 close in 3 days. It will end in ten years' time. Will it open in \
                 an hour? We will meet in the week. It will rise in a few days. \
                 It will be done in twenty-one days.";
        finds_dates(
            t,
            &[ClaimKind::Date],
            &[
                "in two weeks",
                "in a month",
                "in 3 days",
                "in ten years",
                "in twenty-one days",
            ],
        );
        for w in ["In", "in", "IN"] {
            same_with_and_without_gate(&format!(
                "{w} two weeks we will go. We will go {w} four months, {w} one day, \
                 {w} a year, {w} the year, {w} half a year and {w} 2 years."
            ));
        }
    }

    /// After "a", "an", "that", "to", "till", "until", "another" and
    /// "every" the gate lets the date parser try only a word of time, after
    /// "from" and "between" only a word a date begins with: the dates are found, and with every word of the
    /// vocabulary, the lexicons and the month and weekday names after them
    /// the claims are those found without the gate.
    #[test]
    fn gate_after_a_that_to_and_from_needs_a_word_of_time() {
        let t = "A year ago it fell, a few weeks later it rose and an hour ago it held. \
                 That summer, that week, every winter, another month, until date it \
                 rose, to date it grew from May to July 2020, \
                 between 2019 and 2021, from mid-2019 to 2020, from 5 to 7 May and \
                 from last year to this year. A new plan, that the firm, to the \
                 board and from the company came a couple of days later.";
        finds_dates(
            t,
            &[ClaimKind::Date, ClaimKind::DateRange, ClaimKind::Duration],
            &[
                "A year ago",
                "a few weeks",
                "That summer",
                "that week",
                "every winter",
                "another month",
                "until date",
                "to date",
                "from May to July 2020",
                "between 2019 and 2021",
                "from mid-2019 to 2020",
                "from 5 to 7 May",
                "a couple of days",
            ],
        );
        let mut words: Vec<String> = VOCABULARY.iter().map(|w| w.trim().to_string()).collect();
        words.extend(date::period_words());
        words.extend(date::after_the_words());
        words.extend(date::name_words().map(String::from));
        for w in words {
            for first in [
                "a", "A", "an", "An", "that", "That", "THAT", "to", "To", "till", "until", "Until",
                "another", "Another", "every", "Every", "from", "From", "between", "Between",
            ] {
                same_with_and_without_gate(&format!(
                    "We met {first} {w} ago, {first} {w} of 2020, {first} {w} to July \
                     and 2021, {first}  {w} later and {first} {w} 5 to 7 May."
                ));
            }
        }
    }

    /// After "in a", "in an", "from the" and "between the" the gate lets
    /// the date parser try only before a third word the second goes on
    /// with ([`Scanner::third_word_may_date`]): the dates are found, and
    /// with every word of the vocabulary, the lexicons and the month and
    /// weekday names third, in three cases, the claims are those found
    /// without the gate. Counts the third words that turn an attempt away.
    #[test]
    fn gate_after_in_a_and_from_the_needs_a_third_word() {
        let t = "It will end in a month. It will rise in a few days. They met \
                 from the first of May to the end of June. Prices \
                 rose between the first and the second quarter. It came in a \
                 statement from the company.";
        finds_dates(
            t,
            &[ClaimKind::Date, ClaimKind::DateRange, ClaimKind::Duration],
            &["in a month", "a few days", "first of May"],
        );
        let mut words: Vec<String> = VOCABULARY.iter().map(|w| w.trim().to_string()).collect();
        words.extend(date::period_words());
        words.extend(date::after_the_words());
        words.extend(date::name_words().map(String::from));
        words.extend(
            ["hundred", "dozen", "couple", "half", "quarter", "statement"].map(String::from),
        );
        let (mut after_a, mut after_the) = (0, 0);
        for w in &words {
            let flags = gate::with(false, |g| g.classify(w.as_bytes(), w.len()));
            after_a += usize::from(flags & gate::SECOND_WORD == 0);
            after_the += usize::from(flags & gate::AFTER_THE == 0);
            for (first, second) in [
                ("in", "a"),
                ("In", "an"),
                ("IN", "A"),
                ("from", "the"),
                ("From", "The"),
                ("between", "THE"),
                ("Between", "the"),
            ] {
                same_with_and_without_gate(&format!(
                    "We met {first} {second} {w} ago, {first} {second} {w} of 2020, \
                     {first} {second} {w} to July and 2021, {first}  {second}  {w} later \
                     and {first} {second} {w} 5 to 7 May."
                ));
            }
        }
        assert!(after_a > 50 && after_the > 100, "{after_a} {after_the}");
    }

    /// A word of [`gate::DATE_NEEDS_PERIOD`] ("a", "to", "until") before
    /// spaces and a digit or an ASCII mark begins no date, which
    /// [`Scanner::mark_after_spaces`] turns away: every such word of the
    /// date lexicon and the vocabulary, in three cases, before numbers,
    /// marks and words, followed by glued vocabulary; the parser finds no
    /// date where the walk turns the attempt away, and finds dates where it
    /// lets one through ("a year ago", "to date").
    #[test]
    fn period_words_before_digits_and_marks_begin_no_date() {
        let mut firsts: Vec<String> = date::listed_words()
            .chain(VOCABULARY.iter().map(|w| w.trim()))
            .filter(|w| !w.is_empty() && w.bytes().all(|c| c.is_ascii_alphabetic()))
            .map(str::to_ascii_lowercase)
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        gate::with(false, |g| {
            firsts.retain(|w| g.classify(w.as_bytes(), w.len()) & gate::DATE_NEEDS_PERIOD != 0)
        });
        assert!(firsts.len() >= 8, "{firsts:?}");
        let seconds = [
            "5",
            "10",
            "2020",
            "1990s",
            "3rd",
            "24-hour",
            "5.2",
            "1,000",
            "$5",
            "\"",
            "'",
            "(",
            "<",
            "-",
            "--",
            "[",
            ".",
            ",",
            "%",
            "&",
            "#1",
            "@",
            "*",
            "/",
            ":",
            "+3",
            "~2",
            "=",
            "year ago",
            "few weeks",
            "date",
            "summer",
            "week later",
            "\"year\" ago",
            "day",
        ];
        let tails = crate::testgen::glued(60, 6, VOCABULARY, 0x7065_7269);
        let (mut turned_away, mut found) = (0, 0);
        gate::with(false, |g| {
            for w in &firsts {
                let title = w[..1].to_ascii_uppercase() + &w[1..];
                for first in [w.clone(), title, w.to_ascii_uppercase()] {
                    for (second, tail) in seconds.iter().flat_map(|s| {
                        [" ago.", " later", ""]
                            .into_iter()
                            .chain(tails.iter().map(String::as_str))
                            .map(move |t| (s, t))
                    }) {
                        for space in ["", " ", "  "] {
                            let t = format!("{first}{space}{second}{tail}");
                            let date = date::parse_at(&t, 0..t.len(), 0);
                            let away = with_scanner(&t, Some(&mut *g), |sc| {
                                sc.mark_after_spaces(first.len())
                            });
                            if away {
                                assert!(date.is_none(), "{t:?}");
                                turned_away += 1;
                            } else {
                                found += usize::from(date.is_some());
                            }
                        }
                    }
                }
            }
        });
        assert!(
            turned_away > 10_000 && found > 1_000,
            "{turned_away} {found}"
        );
    }

    /// "in" before spaces and digits worth more than 1,000 begins no date,
    /// which [`Scanner::past_any_count`] turns away: "in", in three cases,
    /// after a clause that makes a count after it a date, before runs of
    /// digits of every length (leading zeros included) and what a number
    /// may go on with (decimals, groups, fractions, mixed fractions,
    /// multipliers, ranges, exponents, ordinals, units), followed by glued
    /// vocabulary; the parser finds no date where the walk turns the attempt
    /// away, and finds dates where it lets one through ("in 5 days", "in
    /// 1000 years", "in 0005 days").
    #[test]
    fn in_before_numbers_past_a_count_begins_no_date() {
        let numbers = [
            "5",
            "12",
            "999",
            "1000",
            "0005",
            "01000",
            "1001",
            "1986",
            "2020",
            "9999",
            "10000",
            "00001001",
            "123456789",
            "99999999999",
            "1986.",
            "1986.5",
            "2000.0",
            "1986,000",
            "1,000",
            "2000/2",
            "3000/3",
            "2000 1/2",
            "1001 million",
            "1986-87",
            "2000-1000",
            "1986\u{2013}87",
            "2000e-3",
            "1001st",
            "2000s",
            "1986\u{bd}",
            "2000\u{2044}2",
            "2000%",
            "2000)",
            "2000'",
            "2000:1",
            "2000;",
            "2000 - 1000",
            "2000 / 2",
            // a power of ten or a power may make any number a count
            "2000.0e-3",
            "2000.0E-3",
            "2000.00e-03",
            "20000.00E-4",
            "2000 x 10^-3",
            "2000 x10^-3",
            "2000*10^-3",
            "2000 * 10^-3",
            "2000 \u{d7} 10\u{207b}\u{b3}",
            "2000.0\u{d7}10\u{207b}\u{b3}",
            "2000^-1",
            "2000(1)",
        ];
        let tails_after = [
            " days",
            " days.",
            " years",
            " years' time",
            " weeks?",
            " ",
            "",
            " days from now",
            " hours",
            " people",
        ];
        let glued = crate::testgen::glued(30, 5, VOCABULARY, 0x696e_3130);
        let (mut turned_away, mut found) = (0, 0);
        gate::with(false, |g| {
            for first in ["in", "In", "IN"] {
                let flags = g.classify(first.as_bytes(), first.len());
                assert!(flags & gate::DATE_NEEDS_COUNT != 0, "{first}");
                for (n, tail) in numbers
                    .iter()
                    .flat_map(|n| tails_after.iter().map(move |t| (n, *t)))
                {
                    for more in std::iter::once("").chain(glued.iter().map(String::as_str)) {
                        for space in [" ", "  "] {
                            let lead = "We will meet ";
                            let t = format!("{lead}{first}{space}{n}{tail}{more}");
                            let at = lead.len();
                            let date = date::parse_at(&t, 0..t.len(), at);
                            let may = with_scanner(&t, Some(&mut *g), |sc| {
                                sc.second_word_may_date(at, first.len(), flags)
                            });
                            if !may {
                                assert!(date.is_none(), "{t:?}");
                                turned_away += 1;
                            } else {
                                found += usize::from(date.is_some());
                            }
                        }
                    }
                }
            }
        });
        assert!(
            turned_away > 10_000 && found > 1_000,
            "{turned_away} {found}"
        );
    }

    /// "the" before spaces and digits that go on with no letter and no
    /// other script begins no date, which [`Scanner::bare_digits`] turns
    /// away, after "the" and after "from the" and "between the": each in
    /// three cases, before runs of digits of every length, decimals,
    /// groups, fractions, ranges and dates, each followed by what a date
    /// after "the" goes on with, and by glued vocabulary; the parser finds
    /// no date where the walk turns the attempt away, and finds dates where
    /// it lets one through ("the 1990s", "the 3rd week of May", "from the
    /// 1990s to 2000").
    #[test]
    fn the_before_bare_digits_begins_no_date() {
        let numbers = [
            "1",
            "3",
            "12",
            "21",
            "90",
            "123",
            "1990",
            "2020",
            "12345",
            "20200105",
            "5.2",
            "1.5",
            "1,000",
            "3/4",
            "9/11",
            "12/25",
            "1998-99",
            "1990-2000",
            "5-Aug",
            "3-1/4",
            "12.5.2020",
            "2020-05-01",
            "1990s",
            "1990's",
            "1990\u{2019}s",
            "90s",
            "3rd",
            "15th",
            "21st",
            "2nd",
            "12\u{bd}",
            "5%",
            "5)",
            "1990\u{2013}99",
            "3 1/2",
        ];
        let tails = [
            "",
            " ",
            ".",
            " week of May",
            " week of May 2020",
            "th century",
            " century",
            "s",
            "s to 2000",
            " to 2000",
            " and 2000",
            " people",
            "-year",
            " years ago",
            " days",
            " May",
            " of May",
            " to 15 May",
        ];
        let glued = crate::testgen::glued(30, 5, VOCABULARY, 0x7468_6531);
        let (mut turned_away, mut found) = (0, 0);
        gate::with(false, |g| {
            for first in [
                "the",
                "The",
                "THE",
                "from the",
                "From The",
                "between the",
                "Between THE",
            ] {
                let head = first.split(' ').next().unwrap_or(first);
                let flags = g.classify(head.as_bytes(), head.len());
                for (n, tail) in numbers
                    .iter()
                    .flat_map(|n| tails.iter().map(move |t| (n, *t)))
                {
                    for more in std::iter::once("").chain(glued.iter().map(String::as_str)) {
                        for space in [" ", "  "] {
                            let t = format!("{first}{space}{n}{tail}{more}");
                            let date = date::parse_at(&t, 0..t.len(), 0);
                            let may = with_scanner(&t, Some(&mut *g), |sc| {
                                sc.second_word_may_date(0, head.len(), flags)
                            });
                            if !may {
                                assert!(date.is_none(), "{t:?}");
                                turned_away += 1;
                            } else {
                                found += usize::from(date.is_some());
                            }
                        }
                    }
                }
            }
        });
        assert!(
            turned_away > 10_000 && found > 1_000,
            "{turned_away} {found}"
        );
    }

    /// "from" and "between" before digits that begin no date and no days
    /// of a month ([`Scanner::no_date_nor_days`]), or before a word that
    /// begins a date only with a second word the walk would not try there
    /// ("from a company", "from the board"), begin no range of dates: each
    /// in three cases, before runs of digits of every length, decimals,
    /// groups and dates, and before every such word of the lexicons and the
    /// vocabulary, each followed by what a range goes on with and by glued
    /// vocabulary; the parser finds no date where the walk turns the attempt
    /// away, and finds ranges where it lets one through ("from 5 to 7 May",
    /// "from a year ago to now", "between 2019 and 2021").
    #[test]
    fn from_before_no_date_begins_no_range() {
        let mut words: Vec<String> = date::listed_words()
            .chain(VOCABULARY.iter().map(|w| w.trim()))
            .map(str::to_string)
            .chain(date::period_words())
            .chain(date::after_the_words())
            .filter(|w| !w.is_empty() && w.bytes().all(|c| c.is_ascii_alphabetic()))
            .map(|w| w.to_ascii_lowercase())
            .collect();
        words.sort_unstable();
        words.dedup();
        gate::with(false, |g| {
            words.retain(|w| g.classify(w.as_bytes(), w.len()) & gate::DATE_NEEDS_SECOND != 0);
        });
        assert!(words.len() > 40, "{words:?}");
        let numbers = [
            "1",
            "5",
            "12",
            "31",
            "07",
            "100",
            "999",
            "2019",
            "12345",
            "20200105",
            "5.2",
            "0.5",
            "10.5",
            "1,000",
            "1,200",
            "12,345",
            "1,000.5",
            "14.09.2022",
            "3/4",
            "9/11",
            "5-7",
            "1998-99",
            "3-1/4",
            "5th",
            "12%",
            "5)",
            "2 x 10^0",
            "20 x 10^-1",
            "1 x 10^3",
            "1.0 x 10^3",
            "200 x 10^-2",
            "200*10^-2",
            "2 \u{d7} 10\u{2070}",
            "2e0",
            "2.0e0",
            "2^1",
            "2 1/2",
        ];
        let number_tails = [
            "",
            " years ago to 2021",
            " weeks ago and May 2020",
            " to 7 May",
            " and 7 May",
            " to 12 September 2021",
            "th to 7th May",
            " pct",
            " people",
            " to 2020",
            " and 2021",
            " May to June",
            " years ago to now",
            " million",
            "-Aug to 7-Aug",
            "/2020 to 3/2021",
        ];
        let thirds = [
            "",
            " year ago to now",
            " year ago",
            " first of May to June",
            " company",
            " 5",
            " $5",
            " 2020",
            " May",
            " few weeks to July",
            " week",
            " year to 2021",
            " \"new\"",
            " same day and 2021",
            " end of May to June",
            " summer to 2021",
            " day and 2021",
            " year ago and 2021",
        ];
        let tails = crate::testgen::glued(20, 5, VOCABULARY, 0x6672_6f6d);
        let (mut turned_away, mut found, mut digits_away) = (0, 0, 0);
        gate::with(false, |g| {
            for first in ["from", "From", "FROM", "between", "Between", "BETWEEN"] {
                let flags = g.classify(first.as_bytes(), first.len());
                assert!(flags & gate::DATE_NEEDS_DATE != 0, "{first}");
                let seconds = numbers
                    .iter()
                    .flat_map(|n| number_tails.iter().map(move |t| (true, format!("{n}{t}"))))
                    .chain(words.iter().flat_map(|w| {
                        let title = w[..1].to_ascii_uppercase() + &w[1..];
                        [w.clone(), title, w.to_ascii_uppercase()]
                            .into_iter()
                            .flat_map(|w| thirds.iter().map(move |t| (false, format!("{w}{t}"))))
                    }));
                for (digits, second) in seconds {
                    for tail in std::iter::once("").chain(tails.iter().map(String::as_str)) {
                        let t = format!("{first} {second}{tail}");
                        let date = date::parse_at(&t, 0..t.len(), 0);
                        let may = with_scanner(&t, Some(&mut *g), |sc| {
                            sc.second_word_may_date(0, first.len(), flags)
                        });
                        if !may {
                            assert!(date.is_none(), "{t:?}");
                            turned_away += 1;
                            digits_away += usize::from(digits);
                        } else {
                            found += usize::from(date.is_some());
                        }
                    }
                }
            }
        });
        assert!(
            turned_away > 10_000 && digits_away > 1_000 && found > 1_000,
            "{turned_away} ({digits_away} at digits) {found}"
        );
    }

    /// After "the" and a word a date after "the" holds, a plain word no
    /// date holds ends the attempt ([`Scanner::third_after_the`]) but after
    /// the words a date may end with ([`date::may_end_after_the`]): every
    /// word of [`date::after_the_words`], in three cases, after nothing and
    /// after "in", before every word of the vocabulary, the lexicons and
    /// the month and weekday names, each followed by what a date goes on
    /// with; the parser finds no date where the walk turns the attempt
    /// away, and finds dates where it lets one through ("the first
    /// quarter", "the same day", "in the year", "the day before").
    #[test]
    fn the_and_a_word_need_a_date_word() {
        let mut thirds: Vec<String> = VOCABULARY.iter().map(|w| w.trim().to_string()).collect();
        thirds.extend(date::period_words());
        thirds.extend(date::name_words().map(String::from));
        thirds.extend(
            [
                "of", "before", "after", "account", "time", "half", "quarter", "week",
            ]
            .map(String::from),
        );
        thirds.retain(|w| !w.is_empty());
        let tails = [
            "",
            ".",
            " of 2020",
            " after next",
            " ago",
            " 5",
            " of the year",
            " three years",
        ];
        let (mut turned_away, mut found) = (0, 0);
        gate::with(false, |g| {
            let flags = g.classify(b"the", 3);
            for w in date::after_the_words() {
                let title = w[..1].to_ascii_uppercase() + &w[1..];
                for (k, form) in [w.clone(), title, w.to_ascii_uppercase()]
                    .iter()
                    .enumerate()
                {
                    let the = ["the", "The", "THE"][k];
                    for third in &thirds {
                        for tail in tails {
                            for head in ["", "in "] {
                                let t = format!("{head}{the} {form} {third}{tail}");
                                let at = head.len();
                                let date = date::parse_at(&t, 0..t.len(), at);
                                let may = with_scanner(&t, Some(&mut *g), |sc| {
                                    sc.second_word_may_date(at, 3, flags)
                                });
                                if !may {
                                    assert!(date.is_none(), "{t:?}");
                                    turned_away += 1;
                                } else {
                                    found += usize::from(date.is_some());
                                }
                            }
                        }
                    }
                }
            }
        });
        assert!(
            turned_away > 30_000 && found > 10_000,
            "{turned_away} {found}"
        );
    }

    /// The claims of `t` are the same with the gate and without it, and
    /// among those of the `kinds` one begins with each of `expected`.
    #[track_caller]
    fn finds_dates(t: &str, kinds: &[ClaimKind], expected: &[&str]) {
        same_with_and_without_gate(t);
        let sentences = crate::source::sentence::split(t);
        let dates: Vec<&str> = claims(t, &sentences, true)
            .into_iter()
            .filter(|c| kinds.contains(&c.kind))
            .map(|c| &t[c.span])
            .collect();
        for d in expected {
            assert!(dates.iter().any(|x| x.starts_with(d)), "{d} in {dates:?}");
        }
    }

    /// After an approximator's first word the gate reads the next word
    /// ([`Scanner::approx_may_lead`]): every word-led approximator, in three
    /// cases, before figures of each kind (currency codes and symbols
    /// included) and before plain words, gets the claims found without
    /// the gate, and the approximated figures are found.
    #[test]
    fn gate_after_an_approximator_needs_a_figure_or_its_phrase() {
        let after = [
            "5 people",
            "US$5",
            "USD 5",
            "Rs 40",
            "\u{20ac}5",
            "five jobs",
            "a dozen",
            "between 3 and 5",
            "half",
            "12%",
            "the firm",
            "people said",
            "Apple",
            "a third",
            "2019",
            "mid-May",
        ];
        let phrases: Vec<&str> = approx::phrases()
            .filter(|p| p.starts_with(|c: char| c.is_ascii_alphabetic()))
            .collect();
        assert!(phrases.len() > 20, "only {} phrases", phrases.len());
        for p in &phrases {
            let mut capital = p.to_string();
            capital[..1].make_ascii_uppercase();
            for form in [p.to_string(), capital, p.to_ascii_uppercase()] {
                for a in after {
                    same_with_and_without_gate(&format!("Sales rose {form} {a} in 2020."));
                    same_with_and_without_gate(&format!("{form} {a} were sold."));
                }
            }
        }
        let t = "It cost about US$5 and about USD 5, some Rs 40, more than 300 people and \
                 in excess of 12%, as many as five, the firm said.";
        let sentences = crate::source::sentence::split(t);
        let found: Vec<&str> = claims(t, &sentences, true)
            .iter()
            .filter(|c| c.approx.is_some())
            .map(|c| &t[c.span.clone()])
            .collect();
        assert_eq!(
            found,
            [
                "about US$5",
                "about USD 5",
                "some Rs 40",
                "more than 300 people",
                "in excess of 12%",
                "as many as five"
            ]
        );
    }

    /// The date parser finds nothing at a byte that is no ASCII letter or
    /// digit, which [`Scanner::date_may_start`] relies on: every mark the
    /// walk tries a figure at, and other scripts, before generated text.
    #[test]
    fn dates_begin_at_ascii_letters_and_digits() {
        let mut seed: u64 = 11;
        let mut found = 0;
        for k in 0..20_000 {
            let mut t = String::new();
            for _ in 0..8 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                t.push_str(VOCABULARY[(seed >> 33) as usize % VOCABULARY.len()]);
            }
            let body = t.trim_start();
            let whole = 0..body.len();
            found += usize::from(date::parse_at(body, whole, 0).is_some());
            let mark = [
                "$", "~", "<", ">", ".", "-", "+", "£", "€", "½", "\u{2212}", "(", "\"", "é",
            ][k % 14];
            let t = format!("{mark}{body}");
            assert!(date::parse_at(&t, 0..t.len(), 0).is_none(), "{t:?}");
        }
        // the same texts hold dates where they begin with a word or digit
        assert!(found > 500, "{found} dates");
    }

    /// [`Scanner::date_may_start`] turns away runs of digits (of every
    /// length but a year's four and a compact date's eight, alone or
    /// beginning a decimal, a grouped number or a dotted date) only where
    /// the date parser finds no date: before every word of the
    /// gate's lists (in three cases) and their plurals, each followed by
    /// what a date may go on with, and the parser found dates at digits it
    /// let through and turned away digits before words of every kind.
    #[test]
    fn digits_turned_away_begin_no_date() {
        let mut words: Vec<String> = date::listed_words()
            .chain(figure_starter_words())
            .map(str::to_string)
            .chain(["people", "said", "pct", "dlrs", "vs"].map(String::from))
            .collect();
        let plurals: Vec<String> = words.iter().map(|w| format!("{w}s")).collect();
        words.extend(plurals);
        let tails = [
            "",
            ".",
            " ago",
            " day ago",
            " days ago",
            " years earlier",
            " past years",
            " weeks from now",
            " 2021",
            " March",
            " of March",
            " of may 2020",
            " days ago.",
        ];
        // plain runs of every length a date may begin with, decimals and
        // grouped numbers
        let runs = [
            "1",
            "5",
            "12",
            "31",
            "100",
            "0",
            "07",
            "999",
            "12345",
            "202101",
            "1234567",
            "123456789",
            "5.2",
            "0.5",
            "5.0",
            "1.25",
            "10.5",
            "3.",
            "1,000",
            "1,200",
            "12,345",
            "1,000,000",
            "1,000.5",
            "1,20",
            "5.2.1",
            "14.09.2022",
            "1.5.2021",
        ];
        let (mut turned_away, mut found, mut turned_words) = (0, 0, WordMap::default());
        let mut marked = 0;
        gate::with(false, |g| {
            for w in &words {
                let title = w[..1].to_ascii_uppercase() + &w[1..];
                for form in [w.clone(), title, w.to_ascii_uppercase()] {
                    for (tail, digits) in tails.iter().flat_map(|t| runs.map(|d| (t, d))) {
                        let t = format!("{digits} {form}{tail}");
                        let date = date::parse_at(&t, 0..t.len(), 0);
                        let may = with_scanner(&t, Some(&mut *g), |sc| sc.date_may_start(0));
                        if !may {
                            assert!(date.is_none(), "{t:?}");
                            turned_away += 1;
                            marked += usize::from(digits.contains(['.', ',']));
                            turned_words.insert(w.clone(), ());
                        }
                        found += usize::from(may && date.is_some());
                    }
                }
            }
        });
        assert!(
            turned_away > 100_000 && marked > 50_000 && found > 5_000 && turned_words.len() > 300,
            "{turned_away} turned away ({marked} decimals and grouped numbers, {} words), \
             {found} dates found",
            turned_words.len()
        );
        for w in [
            "million", "mln", "billion", "pct", "percent", "dlrs", "people",
        ] {
            assert!(turned_words.contains_key(w), "{w}");
        }
    }

    /// Runs `f` on a scanner of `t`, one sentence, with `gate`.
    fn with_scanner<R>(t: &str, gate: Option<&mut Gate>, f: impl FnOnce(&mut Scanner) -> R) -> R {
        let (mut out, mut multipliers, mut triggers) = (Vec::new(), Vec::new(), Vec::new());
        let mut sc = Scanner {
            text: t,
            sentence: 0..t.len(),
            si: 0,
            out: &mut out,
            gate,
            multipliers: &mut multipliers,
            core: false,
            peeked: NOT_PEEKED,
            triggers: Some(&mut triggers),
        };
        f(&mut sc)
    }

    /// Pieces of text for [`measure_and_classify`] and [`Scanner::plain_word`]: words of
    /// every length up to past 16 letters, in both cases, and what may
    /// follow one (spaces, digits, marks, other scripts).
    const WORD_PIECES: &[&str] = &[
        "a",
        "Bc",
        "the",
        "defgh",
        "ijklmnopq",
        "RSTUVWXYZabcdef",
        "hijklmnopqrstuvwxyz",
        " ",
        " ",
        "1",
        ".",
        "-",
        "\u{e9}",
        "\u{20ac}",
        "\t",
    ];

    /// A short capitalised word no parser begins at ("It", "UK") is passed
    /// over before a space and a letter, where no currency code can lead a
    /// number: with every word of one to two capitals and the codes of the
    /// money lexicon before words, numbers and marks, the claims are those
    /// found without the gate, and texts of both kinds were read.
    #[test]
    fn short_capitals_before_a_word_lead_no_figure() {
        let caps = (b'A'..=b'Z').map(|c| char::from(c).to_string());
        let pairs = (b'A'..=b'Z').flat_map(|a| {
            (b'A'..=b'Z').map(move |b| format!("{}{}", char::from(a), char::from(b)))
        });
        let codes = [
            "USD", "EUR", "GBP", "AUD", "Rs", "NZ$", "US$", "HK$", "Ksh", "It", "Mr", "CEO",
        ];
        let (mut before_word, mut other) = (0, 0);
        for w in caps.chain(pairs).chain(codes.iter().map(|c| c.to_string())) {
            for next in [
                " said 5",
                " 5 million",
                "  5",
                "\t5",
                " $5",
                " people",
                " US$5",
                "5",
                ". 5",
                " - 5",
            ] {
                same_with_and_without_gate(&format!("{w}{next} and {w}{next}."));
                if next.starts_with(' ') && next[1..].starts_with(|c: char| c.is_ascii_alphabetic())
                {
                    before_word += 1;
                } else {
                    other += 1;
                }
            }
        }
        assert!(
            before_word > 1_000 && other > 1_000,
            "{before_word} before a word, {other} others"
        );
    }

    /// [`measure_and_classify`] ends a word where its run of ASCII letters
    /// ends, or at the sentence's end if that comes first, as a reading
    /// byte by byte does, and gives the gate's flags of those letters as a
    /// word alone: at every letter of glued text, against ends before, at
    /// and past the word's, in both gates. Counts the words read in one
    /// reading of the 16 bytes at them, those read on, and those cut.
    #[test]
    fn measure_and_classify_reads_words_as_a_bytewise_reading_does() {
        let (mut chunked, mut whole, mut cut) = (0, 0, 0);
        for context in [false, true] {
            // the thread's gate, and a fresh one (re-entered) whose own
            // cache answers for the word alone
            gate::with(context, |g| {
                gate::with(context, |reference| {
                    for t in crate::testgen::glued(3000, 12, WORD_PIECES, 5) {
                        let b = t.as_bytes();
                        for i in (0..b.len()).filter(|&i| b[i].is_ascii_alphabetic()) {
                            let run = b[i..]
                                .iter()
                                .take_while(|c| c.is_ascii_alphabetic())
                                .count();
                            for end in [
                                i + 1,
                                i + 2,
                                i + run - 1,
                                i + run,
                                i + run + 1,
                                i + 16,
                                b.len(),
                            ] {
                                if end <= i || end > b.len() {
                                    continue;
                                }
                                let wend = (i + run).min(end);
                                // the word alone, with nothing after it to load
                                let word = b[i..wend].to_vec();
                                let got = measure_and_classify(g, b, i, end);
                                let want = (wend, reference.classify(&word, word.len()));
                                assert_eq!(got, want, "{t:?} at {i} to {end}");
                                if run < 16 && i + 16 <= b.len() && end >= i + run {
                                    chunked += 1;
                                } else {
                                    whole += 1;
                                }
                                cut += usize::from(end < i + run);
                            }
                        }
                    }
                })
            });
        }
        assert!(
            chunked > 10_000 && whole > 10_000 && cut > 10_000,
            "{chunked} in a chunk, {whole} read on, {cut} cut"
        );
    }

    /// [`Scanner::plain_word`] gives the end of the letters at a position
    /// and the gate's flags of them as a word alone, unless a digit or
    /// another script's character is joined to them; asked again, it gives
    /// the same from its memo. At every letter of glued text.
    #[test]
    fn plain_word_reads_the_whole_word_and_remembers_it() {
        let (mut plain, mut joined, mut remembered) = (0, 0, 0);
        gate::with(false, |g| {
            for t in crate::testgen::glued(2000, 12, WORD_PIECES, 9) {
                let b = t.as_bytes();
                for j in (0..b.len()).filter(|&j| b[j].is_ascii_alphabetic()) {
                    let k = j + b[j..]
                        .iter()
                        .take_while(|c| c.is_ascii_alphabetic())
                        .count();
                    let want = if b.get(k).is_some_and(|&c| c.is_ascii_digit() || c >= 0x80) {
                        joined += 1;
                        None
                    } else {
                        plain += 1;
                        // the word alone, with nothing after it to load
                        let word = b[j..k].to_vec();
                        Some((k, g.classify(&word, word.len())))
                    };
                    with_scanner(&t, Some(&mut *g), |sc| {
                        assert_eq!(sc.plain_word(j), want, "{t:?} at {j}");
                        remembered += usize::from(sc.peeked.0 == j);
                        assert_eq!(sc.plain_word(j), want, "{t:?} at {j}, again");
                    });
                }
            }
        });
        assert!(
            plain > 10_000 && joined > 1_000 && remembered == plain,
            "{plain} plain, {joined} joined, {remembered} remembered"
        );
    }

    /// [`Scanner::note_word`] notes a word the context gate gives classes
    /// just where [`context::triggers_in`] reads one: at every letter of
    /// glued strings, at whole runs and at their tails alike (a walk's word
    /// could begin inside a run a claim ended in), before digits, marks and
    /// other scripts.
    #[test]
    fn note_word_notes_what_triggers_in_reads() {
        let pieces = [
            "said",
            "Year",
            "since",
            "According",
            "told",
            "ago",
            "x",
            "Q",
            "5",
            "-",
            "\u{e9}",
            " ",
            ",",
        ];
        let (mut noted, mut turned_away) = (0, 0);
        gate::with(true, |g| {
            for t in crate::testgen::glued(20_000, 10, &pieces, 11) {
                let b = t.as_bytes();
                for i in (0..b.len()).filter(|&i| b[i].is_ascii_alphabetic()) {
                    let wend = letters_end(b, i);
                    let flags = g.classify(&b[i..], wend - i);
                    let mut want = Vec::new();
                    context::triggers_in(&t, i, i + 1, &mut want);
                    let got = with_scanner(&t, Some(&mut *g), |sc| {
                        sc.note_word(i, wend, flags);
                        sc.triggers.as_deref().cloned()
                    });
                    assert_eq!(got, Some(want.clone()), "{t:?} at {i}");
                    noted += want.len();
                    turned_away += usize::from(want.is_empty() && flags & gate::CONTEXT != 0);
                }
            }
        });
        assert!(
            noted > 5_000 && turned_away > 5_000,
            "{noted} noted, {turned_away} turned away"
        );
    }

    /// [`lead_word`] answers as [`read_lead`], which lowercases the word:
    /// each lead word and every figure starter in its forms, and strings
    /// glued from them, letters, digits and marks, before what may end a
    /// word or join it. Counts the words found and those its test of the
    /// first two bytes turned away.
    #[test]
    fn lead_word_answers_as_the_lowercased_word() {
        let words: Vec<&str> = figure_starter_words().collect();
        let mut pieces = words.clone();
        pieces.extend([" ", "-", "5", "\u{e9}", ".", "A", "b", "P", "x"]);
        let probes = crate::testgen::lookup_probes(
            words.iter().copied(),
            crate::testgen::glued(20_000, 4, &pieces, 0x2f6b_8c1d_94a3_e507),
            &["", " ", "5", "\u{e9}", "-", "s", " of", "."],
        );
        let (mut found, mut turned, mut near) = (0, 0, 0);
        for p in &probes {
            let got = lead_word(p);
            assert_eq!(got, read_lead(p), "{p:?}");
            found += usize::from(got.is_some());
            let word = lower_word(p, &mut WordBuf::new()).is_some();
            turned += usize::from(word && !may_lead(p.as_bytes()));
            // a word that begins as a lead word does but for its second
            // byte ("a", "about", "billion", "people")
            near += usize::from(
                word && !may_lead(p.as_bytes())
                    && matches!(
                        p.as_bytes().first().map(|c| c | 0x20),
                        Some(b'a' | b'b' | b'p')
                    ),
            );
        }
        assert!(
            found > 500 && turned > 5_000 && near > 1_000,
            "{found} {turned} {near}"
        );
    }

    /// A figure's first word is read as an approximator's only where the
    /// gate marks it as the first word of one, and a short capitalised
    /// approximator's first word ("In", "At") leads a figure only as the
    /// approximator's does: every figure starter and approximator first
    /// word in three cases, before each approximator's later words, words
    /// and figures, the same with the gate and without. Counts the words
    /// of each kind tried.
    #[test]
    fn approximators_are_read_only_at_their_first_words() {
        let firsts: Vec<&str> = approx::first_words()
            .chain(figure_starter_words())
            .collect();
        let laters: Vec<String> = approx::phrases()
            .filter_map(|p| p.split_once(' ').map(|(_, rest)| format!("{rest} ")))
            .chain(["", "the ", "a dozen ", "US$", "USD ", "$"].map(String::from))
            .collect();
        let (mut figure_only, mut capital_approx) = (0, 0);
        for w in firsts {
            let mut capital = w.to_string();
            capital[..1].make_ascii_uppercase();
            for form in [w.to_string(), capital, w.to_ascii_uppercase()] {
                let flags = gate::with(false, |g| g.classify(form.as_bytes(), form.len()));
                let capital_short = form.as_bytes()[0].is_ascii_uppercase() && form.len() <= 4;
                figure_only += usize::from(flags & gate::FIGURE != 0 && flags & gate::APPROX == 0);
                capital_approx += usize::from(
                    capital_short && flags & gate::APPROX != 0 && flags & gate::FIGURE == 0,
                );
                for later in &laters {
                    for figure in ["5 people", "five", "12% of", "the firm"] {
                        same_with_and_without_gate(&format!("{form} {later}{figure} were sold."));
                        same_with_and_without_gate(&format!("Sales rose {form} {later}{figure}."));
                    }
                }
            }
        }
        assert!(
            figure_only > 100 && capital_approx > 20,
            "{figure_only} {capital_approx}"
        );
    }

    #[track_caller]
    fn same_with_and_without_gate(t: &str) {
        let sentences = crate::source::sentence::split(t);
        let gated = gate::with(true, |g| claims_with(t, &sentences, Some(g), true));
        let reference = claims_with(t, &sentences, None, true);
        assert_eq!(gated, reference, "{t}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn gate_changes_nothing(words in proptest::collection::vec(proptest::sample::select(VOCABULARY), 1..24)) {
            same_with_and_without_gate(&words.concat());
        }
    }

    /// Words and figures from every family, with the spaces and marks
    /// between them, for random sentences.
    pub(in crate::extract) const VOCABULARY: &[&str] = &[
        " ",
        " ",
        " ",
        ", ",
        ". ",
        "-",
        " - ",
        "/",
        "(",
        ")",
        "'s",
        "$",
        "%",
        " the",
        " a",
        " an",
        " of",
        " to",
        " and",
        " from",
        " between",
        " in",
        " on",
        " since",
        " by",
        " up",
        " down",
        " rose",
        " fell",
        " doubled",
        " halved",
        " twice",
        " three",
        " times",
        " fold",
        " more",
        " than",
        " nearly",
        " about",
        " over",
        " last",
        " next",
        " this",
        " year",
        " years",
        " month",
        " week",
        " ago",
        " earlier",
        " later",
        " yesterday",
        " today",
        " Monday",
        " Tuesday",
        " March",
        " Sept.",
        " May",
        " may",
        " June",
        " early",
        " mid",
        " late",
        " first",
        " second",
        " third",
        " quarter",
        " half",
        " million",
        " billion",
        " dozen",
        " hundred",
        " thousand",
        " one",
        " two",
        " ten",
        " twenty",
        " percent",
        " pct",
        " per",
        " cent",
        " aged",
        " age",
        " old",
        " dollars",
        " dlrs",
        " euros",
        " USD",
        " US$",
        " EUR",
        " barrels",
        " km",
        " tonnes",
        " mph",
        " degrees",
        " F",
        " C",
        " said",
        " company",
        " oil",
        " Reuters",
        " days",
        " nights",
        " century",
        " 5",
        " 12",
        " 2021",
        " 1990s",
        " 3.5",
        " 1,200",
        " 40",
        " 7/4",
        " 2019-20",
        " 10:30",
        " 2nd",
        " 21st",
        " 13",
        " 16",
        " Q1",
        " H1",
        " FY2020",
        " COVID-19",
        " www.x.com",
        " @user",
        " 50%",
        " $5",
        " £3m",
        " 1/2",
        " ½",
        " −4",
        " 3x",
        " 2-fold",
        " 10-15",
        " 9.5bn",
        // core words of multipliers inside other tokens: the walk passes
        // over them unclassified, or classifies a word holding one
        "times",
        " sometimes",
        " Twice",
        " 4fold",
        " 3-times",
        " twice2",
        " www.doubled.com",
        " @times",
    ];
}
