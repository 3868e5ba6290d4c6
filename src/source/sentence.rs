//! Sentence segmentation: prose → sentence byte ranges.
//!
//! Two passes over bytes, no regex and no allocation but the result and the
//! list of possible sentence ends, which one memchr search finds. First,
//! blocks: a sentence never runs across a blank line (a line of only white
//! space, CRLF or not) nor into a line that starts a new block in plain text
//! (a bullet, a heading, a numbered item, a quote), nor across a line break
//! that was meant rather than wrapping (a headline or caption above text:
//! the next line's first word would have fit, see `meant_break`). Then,
//! within a block, at each `.`, `?` and `!` (and `…`), the words around it
//! decide whether a sentence ends there:
//!
//! - A terminator run (with any closing quotes and brackets after it) must be
//!   followed by white space, and the next word must start with a capital, a
//!   digit, a currency sign or an opening quote. A lower-case word never
//!   starts a sentence ("... he said. and" is a typo, "… and" an ellipsis).
//! - After `?` or `!` and a closing quote, a capitalised attribution ("“Will
//!   we go?” Lavrov asked.") continues the sentence: up to four capitalised
//!   words and then a verb from `speech_verbs`. After `.”` a name starts a new
//!   sentence (a quote before its attribution ends in a comma).
//! - After a full stop, the word before it is looked up in
//!   `checks/lexicon/abbreviations.toml`: `never_end` words (titles, "e.g.")
//!   and single capitals (initials) never end a sentence; `before_number`
//!   words (months, "No.") do not before a number; `may_end` words and dotted
//!   capitals ("Inc.", "U.S.", "N.Y.") end one only when the next word is a
//!   closed-class `sentence_starters` word ("the U.S. The ..."), so "the U.S.
//!   Treasury" stays whole. That last rule under-splits "in the U.S. Markets
//!   fell", on purpose: a missed boundary costs a check some context, a false
//!   one can cut a claim from the words that qualify it.
//! - A number of up to three digits at the start of a line followed by a full
//!   stop is a list marker, not a sentence.

use super::Span;
use serde::Deserialize;
use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How a word before a full stop behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbrev {
    NeverEnd,
    BeforeNumber,
    MayEnd,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    never_end: Vec<String>,
    before_number: Vec<String>,
    may_end: Vec<String>,
    sentence_starters: Vec<String>,
    speech_verbs: Vec<String>,
}

/// The parsed lexicon. Abbreviations match case-sensitively (see
/// `LEXICON`); starters and verbs match ignoring case.
struct Lexicon {
    /// Keyed by bytes: the prose's words are looked up as they stand, with
    /// no UTF-8 check (bytes that are not UTF-8 equal no key either).
    abbrevs: HashMap<Vec<u8>, Abbrev, Fnv>,
    /// For each first byte, the lengths of the abbreviations starting with
    /// it (bit n: length n): most words before a full stop are turned away
    /// by it without being hashed.
    abbrev_lengths: [u32; 256],
    starters: HashSet<String, Fnv>,
    speech: HashSet<String, Fnv>,
}

/// Short words, looked up at every period: FNV, not SipHash.
type Fnv = std::hash::BuildHasherDefault<crate::extract::lexicon::Fnv>;

const LEXICON_TEXT: &str = include_str!("../../checks/lexicon/abbreviations.toml");

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let file: LexiconFile = crate::extract::lexicon::parse("abbreviations", LEXICON_TEXT);
    let mut abbrevs = HashMap::default();
    for (list, kind) in [
        (&file.never_end, Abbrev::NeverEnd),
        (&file.before_number, Abbrev::BeforeNumber),
        (&file.may_end, Abbrev::MayEnd),
    ] {
        for w in list {
            // As written, and capitalised for a sentence's first word
            // ("Approx. 5"); never all-caps, so "MS." is not "Ms.".
            let mut cap = w.clone();
            if let Some(first) = cap.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            abbrevs.insert(cap.into_bytes(), kind);
            abbrevs.insert(w.clone().into_bytes(), kind);
        }
    }
    let mut abbrev_lengths = [0; 256];
    for w in abbrevs.keys() {
        if let Some(&first) = w.first() {
            abbrev_lengths[usize::from(first)] |= length_bit(w);
        }
    }
    let set = |l: &[String]| l.iter().map(|w| w.to_ascii_lowercase()).collect();
    Lexicon {
        abbrevs,
        abbrev_lengths,
        starters: set(&file.sentence_starters),
        speech: set(&file.speech_verbs),
    }
});

/// Longest word the lexicon lookups consider; longer ones are ordinary words.
const MAX_WORD: usize = 16;

/// `word` lower-cased into `buf`, if it is short ASCII.
fn lower<'b>(word: &[u8], buf: &'b mut [u8; MAX_WORD]) -> Option<&'b str> {
    let out = buf.get_mut(..word.len())?;
    for (o, &b) in out.iter_mut().zip(word) {
        if !b.is_ascii() {
            return None;
        }
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

/// The bit of `word`'s length in [`Lexicon::abbrev_lengths`] (none past 31).
fn length_bit(word: &[u8]) -> u32 {
    u32::try_from(word.len())
        .ok()
        .and_then(|n| 1_u32.checked_shl(n))
        .unwrap_or(0)
}

impl Lexicon {
    fn abbrev(&self, word: &[u8]) -> Option<Abbrev> {
        let &first = word.first()?;
        if self.abbrev_lengths[usize::from(first)] & length_bit(word) == 0 {
            return None;
        }
        self.abbrevs.get(word).copied()
    }

    fn is_starter(&self, word: &[u8]) -> bool {
        let mut buf = [0; MAX_WORD];
        lower(word, &mut buf).is_some_and(|w| self.starters.contains(w))
    }

    fn is_speech_verb(&self, word: &[u8]) -> bool {
        let mut buf = [0; MAX_WORD];
        lower(word, &mut buf).is_some_and(|w| self.speech.contains(w))
    }
}

/// Splits prose into sentences: prose byte ranges, in order, trimmed of
/// surrounding white space, never empty and never across a blank line.
///
/// The newlines and the stops are found by the memchr crate's AVX2
/// searchers where the processor has them: `memchr::memchr_iter` and
/// `memchr3_iter` find each match through a routine picked by a function
/// pointer, a call more for each of the 108,479 newlines and stops of
/// 5.6 MB of news (the splitter took 20.7 M instructions, 18.6 M now).
pub fn split(prose: &str) -> Vec<Span> {
    let bytes = prose.as_bytes();
    #[cfg(target_arch = "x86_64")]
    {
        use memchr::arch::x86_64::avx2::memchr::{One, Three};
        /// The two searchers, made once: made for every text (and copied
        /// out of their constructors), they cost 90 instructions a
        /// document (0.3 M of a run on 5.6 MB of news JSONL).
        static SEARCHERS: LazyLock<Option<(One, Three)>> =
            LazyLock::new(|| Some((One::new(b'\n')?, Three::new(b'.', b'?', b'!')?)));
        if let Some((newline, stop)) = &*SEARCHERS {
            return split_at(prose, newline.iter(bytes), stop.iter(bytes));
        }
    }
    split_by_memchr(prose)
}

/// [`split`] through the memchr crate's searches for any processor: what
/// [`split`] does without AVX2, and what it is tested against.
fn split_by_memchr(prose: &str) -> Vec<Span> {
    let bytes = prose.as_bytes();
    split_at(
        prose,
        memchr::memchr_iter(b'\n', bytes),
        memchr::memchr3_iter(b'.', b'?', b'!', bytes),
    )
}

/// [`split`], given the offsets of the prose's newlines and of its `.`,
/// `?` and `!`, each in order.
fn split_at(
    prose: &str,
    newlines: impl Iterator<Item = usize>,
    stops: impl Iterator<Item = usize>,
) -> Vec<Span> {
    let lex = &*LEXICON;
    // news runs about 130 bytes a sentence: room for twice that many, so
    // that the vector is seldom grown
    let mut out = KEPT_SENTENCES.take();
    out.clear();
    out.reserve(prose.len() / 64 + 4);
    let bytes = prose.as_bytes();
    let mut stops = Stops::new(bytes, stops);
    let mut block = 0;
    // where the line ending at the next newline starts: a block starts at
    // a line start, so at or before it
    let mut line = 0;
    // whether the block so far holds a line break
    let mut broken = false;
    for nl in newlines {
        let next = nl + 1;
        debug_assert_eq!(line, line_start(bytes, block, nl), "line at {nl}");
        if is_blank_line(bytes, next)
            || starts_block(bytes, next)
            || is_blank_before(bytes, line, nl)
        {
            split_block(prose, block..nl, broken, lex, &mut stops, &mut out);
            block = next;
            broken = false;
        } else {
            broken = true;
        }
        line = next;
    }
    split_block(prose, block..prose.len(), broken, lex, &mut stops, &mut out);
    out
}

/// Is the line starting at `at` only white space (or the end of the text)?
fn is_blank_line(bytes: &[u8], at: usize) -> bool {
    for &b in bytes.get(at..).unwrap_or_default() {
        match b {
            b'\n' => return true,
            b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => {}
            _ => return false,
        }
    }
    true
}

/// Is the line from `line` to newline `nl` blank? [`split`] knows where
/// each line starts from the newline before: searched back for from each
/// newline, the starts cost 0.8 M instructions over 5.6 MB of news.
fn is_blank_before(bytes: &[u8], line: usize, nl: usize) -> bool {
    bytes[line..nl]
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c'))
}

/// Where the line ending at newline `nl` starts, searched back for, not
/// past `block`: what [`split`]'s line starts must agree with (a debug
/// assertion holds them to it, which the tests run).
fn line_start(bytes: &[u8], block: usize, nl: usize) -> usize {
    memchr::memrchr(b'\n', &bytes[block..nl]).map_or(block, |i| block + i + 1)
}

/// Does the line at `at` open a new block: a bullet (`-`, `*`, `+`, `•`), a
/// heading (`#`), a quote (`>`) or a numbered item (`12.`, `3)`), each
/// followed by a space?
fn starts_block(bytes: &[u8], at: usize) -> bool {
    let rest = bytes.get(at..).unwrap_or_default();
    let indent = rest
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    let rest = &rest[indent..];
    let spaced = |i: usize| matches!(rest.get(i), Some(b' ' | b'\t'));
    match rest.first() {
        Some(b'-' | b'*' | b'+' | b'>') => spaced(1),
        Some(b'#') => {
            let n = rest.iter().take_while(|&&b| b == b'#').count();
            n <= 6 && spaced(n)
        }
        Some(b'0'..=b'9') => {
            let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            n <= 3 && matches!(rest.get(n), Some(b'.' | b')')) && spaced(n + 1)
        }
        _ => rest.starts_with("• ".as_bytes()),
    }
}

/// Where sentences may end: every `.`, `?`, `!` and `…` of the prose, in
/// order, and a cursor that the blocks, taken in order, move forward. Found
/// in one search of the whole text rather than a `memchr3` call from each
/// stop to the next and one to each block's end.
struct Stops {
    at: Vec<usize>,
    next: usize,
}

/// The most sentences whose room a thread keeps for its next text
/// ([`KEPT_SENTENCES`]).
const MAX_KEPT_SENTENCES: usize = 1 << 16;

thread_local! {
    /// The room of the sentences a thread last gave back ([`recycle`]),
    /// taken by its next [`split`]: made for every document and freed,
    /// in a size that changes with the text's, they cost 135 instructions
    /// a document (0.45 M of a `check` run on 5.6 MB of news JSONL).
    static KEPT_SENTENCES: Cell<Vec<Span>> = const { Cell::new(Vec::new()) };
}

/// Gives the room of a document's sentences, done with, to the thread's
/// next [`split`], unless a long text made it large.
pub fn recycle(sentences: Vec<Span>) {
    if sentences.capacity() <= MAX_KEPT_SENTENCES {
        KEPT_SENTENCES.set(sentences);
    }
}

/// The most stops whose room a thread keeps for its next text ([`KEPT_STOPS`]).
const MAX_KEPT_STOPS: usize = 1 << 16;

thread_local! {
    /// The room of a thread's last [`Stops`], given back as it is dropped
    /// and taken by the next: made and freed for every text, it cost 150
    /// instructions a document (0.5 M on 5.6 MB of news JSONL).
    static KEPT_STOPS: Cell<Vec<usize>> = const { Cell::new(Vec::new()) };
}

impl Stops {
    /// The stops of `bytes`, given the offsets of its `.`, `?` and `!`
    /// (`plain`) in order.
    fn new(bytes: &[u8], plain: impl Iterator<Item = usize>) -> Stops {
        let mut at = KEPT_STOPS.take();
        at.clear();
        // news has a stop every ~110 bytes: room enough that the vector is
        // seldom grown
        at.reserve(bytes.len() / 64 + 4);
        at.extend(plain);
        let plain = at.len();
        // `…` is E2 80 A6. E2 starts every curly quote, but A6 is rare in
        // text: searching for it and looking back took 1.0 M instructions
        // fewer than a search for all three bytes on 5 MB of news.
        at.extend(
            memchr::memchr_iter(0xA6, bytes)
                .filter(|&i| i >= 2 && bytes[i - 2..i] == [0xE2, 0x80])
                .map(|i| i - 2),
        );
        if at.len() > plain {
            at.sort_unstable();
        }
        Stops { at, next: 0 }
    }

    /// The first stop at or after `pos` and before `end`. Calls must come
    /// with `pos` never going back.
    fn first(&mut self, pos: usize, end: usize) -> Option<usize> {
        while let Some(&at) = self.at.get(self.next) {
            if at >= pos {
                return (at < end).then_some(at);
            }
            self.next += 1;
        }
        None
    }
}

impl Drop for Stops {
    /// Gives the room back for the thread's next text, unless a long text
    /// made it large.
    fn drop(&mut self) {
        if self.at.capacity() <= MAX_KEPT_STOPS {
            KEPT_STOPS.set(std::mem::take(&mut self.at));
        }
    }
}

/// Splits the block `prose[start..end]` into sentences, appending to `out`:
/// first at line breaks that were meant (see [`meant_break`]), then at
/// sentence ends. `broken` says whether the block holds a line break. Most
/// blocks hold none and go straight to [`split_sentences`]: inlined into
/// [`split`], this is no call of its own (with a call for each of the
/// 51,564 blocks of 5.6 MB of news, the splitter took 2.0 M instructions
/// more).
#[inline(always)]
fn split_block(
    prose: &str,
    block: Span,
    broken: bool,
    lex: &Lexicon,
    stops: &mut Stops,
    out: &mut Vec<Span>,
) {
    if broken {
        split_lines(prose, block, lex, stops, out);
    } else {
        split_sentences(prose, block.start, block.end, lex, stops, out);
    }
}

/// [`split_block`] for a block that holds a line break.
fn split_lines(
    prose: &str,
    Span { start, end }: Span,
    lex: &Lexicon,
    stops: &mut Stops,
    out: &mut Vec<Span>,
) {
    let mut sentences = |from: usize, to: usize, out: &mut Vec<Span>| {
        split_sentences(prose, from, to, lex, stops, out);
    };
    let bytes = &prose.as_bytes()[start..end];
    let width = bytes
        .split(|&b| b == b'\n')
        .map(char_count)
        .max()
        .unwrap_or(0);
    let mut sub = start;
    let mut line = start;
    for nl in memchr::memchr_iter(b'\n', bytes) {
        let nl = start + nl;
        if meant_break(prose, line, nl, end, width, lex) {
            sentences(sub, nl, out);
            sub = nl + 1;
        }
        line = nl + 1;
    }
    sentences(sub, end, out);
}

/// Characters in UTF-8 `bytes`.
fn char_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// Is the line break at `nl` (ending the line that starts at `line`) a
/// writer's break between a headline, caption or menu item and what follows,
/// rather than hard wrapping? A wrapper breaks a line only when the next word
/// does not fit, so when the next line's first word would have fit easily
/// (within four fifths of the block's longest line) the break was meant.
/// Only between a line that does not end in punctuation or a function word
/// ("of", "the") and one that starts with a capital, a digit or a quote.
fn meant_break(
    prose: &str,
    line: usize,
    nl: usize,
    end: usize,
    width: usize,
    lex: &Lexicon,
) -> bool {
    let bytes = prose.as_bytes();
    let prev = bytes[line..nl].trim_ascii_end();
    let Some(&last) = prev.last() else {
        return false;
    };
    if !(last.is_ascii_alphanumeric() || last >= 0x80) {
        return false;
    }
    let tail = prev
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let last_word = &prev[prev.len() - tail..];
    if last_word.first().is_some_and(u8::is_ascii_lowercase) && lex.is_starter(last_word) {
        return false;
    }
    let next_line = &bytes[nl + 1..end];
    let indent = next_line
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    let mut word = nl + 1 + indent;
    while let Some(n) = opener(&bytes[..end], word) {
        word += n;
    }
    if !matches!(classify(prose, word), Next::Upper | Next::Digit) {
        return false;
    }
    let word_len = bytes[nl + 1 + indent..end]
        .iter()
        .position(|b| b.is_ascii_whitespace())
        .unwrap_or(end - nl - 1 - indent);
    let fits =
        char_count(prev) + 1 + char_count(&bytes[nl + 1 + indent..nl + 1 + indent + word_len]);
    fits * 5 <= width * 4
}

/// Splits `prose[start..end]`, a run with no meant breaks, at sentence ends.
/// `stops` must not have passed `start`. An `…` that starts before `end`
/// ends by it too: `end` is a line break or the end of the prose.
fn split_sentences(
    prose: &str,
    start: usize,
    end: usize,
    lex: &Lexicon,
    stops: &mut Stops,
    out: &mut Vec<Span>,
) {
    let bytes = &prose.as_bytes()[..end];
    let mut sentence = start;
    let mut pos = start;
    while let Some(candidate) = stops.first(pos, end) {
        let Some(cut) = boundary(prose, bytes, start, candidate, lex) else {
            pos = run_end(bytes, candidate).max(candidate + 1);
            continue;
        };
        push_trimmed(prose, sentence..cut.end, out);
        sentence = cut.next;
        pos = cut.next;
        if pos >= end {
            break;
        }
    }
    push_trimmed(prose, sentence..end, out);
}

/// Where a sentence ends and the next one starts.
struct Cut {
    end: usize,
    next: usize,
}

/// The end of the terminator run (`.`, `?`, `!`, `…`) starting at `at`.
fn run_end(bytes: &[u8], at: usize) -> usize {
    let mut i = at;
    loop {
        match bytes.get(i) {
            Some(b'.' | b'?' | b'!') => i += 1,
            Some(0xE2) if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => i += 3,
            _ => return i,
        }
    }
}

/// A closing quote or bracket at `i`, as (bytes, is a quote).
fn closer(bytes: &[u8], i: usize) -> Option<(usize, bool)> {
    match bytes.get(i)? {
        b'"' | b'\'' => Some((1, true)),
        b')' | b']' => Some((1, false)),
        0xE2 => match bytes.get(i + 1..i + 3)? {
            // ” ’ ›
            [0x80, 0x9D | 0x99 | 0xBA] => Some((3, true)),
            _ => None,
        },
        // »
        0xC2 if bytes.get(i + 1) == Some(&0xBB) => Some((2, true)),
        _ => None,
    }
}

/// An opening quote or bracket at `i`: its length in bytes.
fn opener(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'"' | b'\'' | b'(' | b'[' => Some(1),
        // “ ‘ ‹
        0xE2 if matches!(bytes.get(i + 1..i + 3)?, [0x80, 0x9C | 0x98 | 0xB9]) => Some(3),
        // «
        0xC2 if bytes.get(i + 1) == Some(&0xAB) => Some(2),
        _ => None,
    }
}

/// White space at `i`: its length in bytes (ASCII space, tab, line breaks
/// and the no-break space).
fn space(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' => Some(1),
        0xC2 if bytes.get(i + 1) == Some(&0xA0) => Some(2),
        _ => None,
    }
}

/// What the next sentence would start with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    Upper,
    Lower,
    Digit,
    /// A currency sign or an inline code span's U+FFFC: starts sentences
    /// ("$5bn was spent.") and has no case.
    Symbol,
    Other,
}

fn classify(prose: &str, at: usize) -> Next {
    match prose.get(at..).and_then(|s| s.chars().next()) {
        Some(c) if c.is_ascii_digit() => Next::Digit,
        Some(c) if c.is_uppercase() => Next::Upper,
        Some(c) if c.is_lowercase() => Next::Lower,
        Some('$' | '€' | '£' | '¥' | '₹' | '\u{FFFC}') => Next::Symbol,
        _ => Next::Other,
    }
}

/// Decides whether the terminator at `at` ends a sentence; `block` is where
/// the block starts (a list marker must be at a line start).
fn boundary(prose: &str, bytes: &[u8], block: usize, at: usize, lex: &Lexicon) -> Option<Cut> {
    let run = run_end(bytes, at);
    let mut end = run;
    let mut quoted = false;
    while let Some((n, quote)) = closer(bytes, end) {
        quoted |= quote;
        end += n;
    }
    if end >= bytes.len() {
        return Some(Cut { end, next: end });
    }
    let mut next = end;
    while let Some(n) = space(bytes, next) {
        next += n;
    }
    if next == end {
        // "3.2%", "U.S.-led", "example.com": no space, no boundary.
        return None;
    }
    if next >= bytes.len() {
        return Some(Cut { end, next });
    }
    let mut word = next;
    while let Some(n) = opener(bytes, word) {
        word += n;
    }
    let opened = word > next;
    let kind = classify(prose, word);
    let split = match kind {
        Next::Lower | Next::Other => false,
        // Only after `?` or `!`: a quoted statement ends in a comma before
        // its attribution, so `.”` followed by a name is a new sentence.
        _ if quoted
            && kind == Next::Upper
            && bytes[at..run].iter().any(|&b| b == b'?' || b == b'!')
            && attribution(bytes, word, lex) =>
        {
            false
        }
        _ => {
            let run_bytes = &bytes[at..run];
            if run_bytes == b"." {
                after_full_stop(bytes, block, at, word, kind, opened, lex)
            } else if run_bytes.contains(&b'?') || run_bytes.contains(&b'!') {
                true
            } else {
                // An ellipsis: a pause unless a capital follows.
                kind == Next::Upper || opened
            }
        }
    };
    split.then_some(Cut { end, next })
}

/// Does a single full stop at `at` end a sentence, given the word before it
/// and that the next one (at `word`) starts with `kind`?
fn after_full_stop(
    bytes: &[u8],
    block: usize,
    at: usize,
    word: usize,
    kind: Next,
    opened: bool,
    lex: &Lexicon,
) -> bool {
    // The token before the stop: ASCII letters, digits and inner dots, and
    // which of the three it holds.
    let mut t = at;
    let mut holds = 0;
    while t > block {
        let class = TOKEN_BYTE[usize::from(bytes[t - 1])];
        if class == 0 {
            break;
        }
        holds |= class;
        t -= 1;
        if at - t > MAX_WORD {
            return true;
        }
    }
    let token = &bytes[t..at];
    if token.is_empty() {
        // After a bracket, a quote, a code span: nothing to look up.
        return true;
    }
    if t > block && bytes[t - 1] >= 0x80 && !before_is_punctuation(bytes, block, t) {
        // The tail of a longer, non-ASCII word ("café"): an ordinary word.
        return true;
    }
    if holds == DIGIT {
        // "1. First" at a line start is a list marker; "in 2021. The" ends.
        let line_start = at_line_start(bytes, block, t);
        return !(line_start && token.len() <= 3);
    }
    if holds & DIGIT != 0 {
        // "$11.1bn.", "294.3m.", "1.2.": a figure, which ends sentences.
        return true;
    }
    let word_start = t == block || space(bytes, t - 1).is_some() || opens_before(bytes, block, t);
    if token.len() == 1 && token[0].is_ascii_uppercase() && word_start {
        // An initial: "George W. Bush", "J. R. R. Tolkien"; not the end of
        // "AT&T." or "M&S.".
        return false;
    }
    let starter = || kind == Next::Upper && !opened && lex.is_starter(next_word(bytes, word));
    match lex.abbrev(token) {
        Some(Abbrev::NeverEnd) => false,
        Some(Abbrev::BeforeNumber) => kind != Next::Digit,
        Some(Abbrev::MayEnd) => starter() || opened,
        None if holds & DOT != 0 && is_dotted(token) => {
            // Unlisted dotted words: capitals read like "U.S." ("N.Y."),
            // lower case like "e.g." ("a.k.a.").
            token[0].is_ascii_uppercase() && (starter() || opened)
        }
        None => true,
    }
}

/// What a byte is in a token before a full stop: an ASCII letter, a digit,
/// a dot, or nothing a token holds (0). The bits of a token's bytes, or'd,
/// tell the tests of [`after_full_stop`] what it holds without another pass.
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const DOT: u8 = 4;
const TOKEN_BYTE: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_digit() {
            DIGIT
        } else if byte.is_ascii_alphabetic() {
            LETTER
        } else if byte == b'.' {
            DOT
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Is `token` an abbreviation written with inner dots: pieces of one to
/// three letters ("U.S", "a.k.a", "Ph.D")?
fn is_dotted(token: &[u8]) -> bool {
    token.contains(&b'.')
        && token
            .split(|&b| b == b'.')
            .all(|p| (1..=3).contains(&p.len()) && p.iter().all(u8::is_ascii_alphabetic))
}

/// Does an opening quote or bracket end just before `t`?
fn opens_before(bytes: &[u8], block: usize, t: usize) -> bool {
    (1..=3).any(|n| t >= block + n && opener(bytes, t - n) == Some(n))
}

/// Is `t` at a line start, after nothing but spaces? Scans back over the
/// spaces only, so a long line costs nothing.
fn at_line_start(bytes: &[u8], block: usize, t: usize) -> bool {
    let mut i = t;
    while i > block && matches!(bytes[i - 1], b' ' | b'\t') {
        i -= 1;
    }
    i == block || bytes[i - 1] == b'\n'
}

/// Is the character ending just before `t` punctuation (an opening quote, a
/// dash) rather than a letter?
fn before_is_punctuation(bytes: &[u8], block: usize, t: usize) -> bool {
    let from = t.saturating_sub(4).max(block);
    let Some(s) = bytes.get(from..t) else {
        return false;
    };
    // The last char of a UTF-8 slice that may start mid-character.
    let s = (0..s.len()).find_map(|i| std::str::from_utf8(&s[i..]).ok());
    s.and_then(|s| s.chars().next_back())
        .is_some_and(|c| !c.is_alphanumeric())
}

/// The ASCII letters of the word at `at`.
fn next_word(bytes: &[u8], at: usize) -> &[u8] {
    let rest = bytes.get(at..).unwrap_or_default();
    let n = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    &rest[..n]
}

/// Is the text at `at` an attribution: up to four capitalised words, then a
/// speech verb ("Lavrov said", "Foreign Minister Sergey Lavrov asked")?
fn attribution(bytes: &[u8], at: usize, lex: &Lexicon) -> bool {
    let mut i = at;
    for n in 0..5 {
        let rest = bytes.get(i..).unwrap_or_default();
        // A word: letters, plus the apostrophes, hyphens and dots of names.
        let len = rest
            .iter()
            .take_while(|&&b| {
                b.is_ascii_alphabetic() || b == b'\'' || b == b'-' || b == b'.' || b >= 0x80
            })
            .count();
        let word = &rest[..len];
        let Some(&first) = word.first() else {
            return false;
        };
        let bare = word
            .strip_suffix(b".")
            .or_else(|| word.strip_suffix(b","))
            .unwrap_or(word);
        if n > 0 && lex.is_speech_verb(bare) {
            return true;
        }
        if !first.is_ascii_uppercase() && first < 0x80 {
            return false;
        }
        i += len;
        if bytes.get(i) != Some(&b' ') {
            return false;
        }
        i += 1;
    }
    false
}

/// Appends `range` less surrounding white space, if anything is left.
/// Most sentences start and end in printable ASCII and are shorter than
/// [`MAX_SENTENCE`]: they are pushed whole, without slicing the prose (an
/// ASCII byte before `range.end` makes it a char boundary) or a call, and
/// an empty range (a block's end) is no call either: over the 86,199
/// ranges of 5.6 MB of news, 1.2 M instructions instead of 3.0 M.
#[inline(always)]
fn push_trimmed(prose: &str, range: Span, out: &mut Vec<Span>) {
    if range.is_empty() {
        // a block's end just after its last sentence
        return;
    }
    let b = prose.as_bytes();
    if let (Some(a), Some(z)) = (b.get(range.start), b.get(range.end.wrapping_sub(1)))
        && range.end - range.start <= MAX_SENTENCE
        && a.is_ascii_graphic()
        && z.is_ascii_graphic()
    {
        out.push(range);
        return;
    }
    push_trimmed_slow(prose, range, out);
}

/// [`push_trimmed`] by slicing the prose and trimming it: what its shortcut
/// falls back to, and what it is tested against.
#[inline(never)]
fn push_trimmed_slow(prose: &str, range: Span, out: &mut Vec<Span>) {
    if range.is_empty() {
        // a block's end just after its last sentence
        return;
    }
    let Some(s) = prose.get(range.clone()) else {
        return;
    };
    let (lead, mut rest) = trimmed(s);
    let mut start = range.start + lead;
    // Text with no sentence ends (a table, a run-on dump, a 100 MB line) is
    // cut into pieces of at most `MAX_SENTENCE` bytes at a space, so that
    // the work done per sentence stays bounded and the whole run linear.
    while rest.len() > MAX_SENTENCE {
        let mut cut = MAX_SENTENCE;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let at = rest[..cut]
            .rfind(char::is_whitespace)
            .filter(|&i| i > 0)
            .unwrap_or(cut);
        let piece = rest[..at].trim_end();
        out.push(start..start + piece.len());
        let next = rest[at..].trim_start();
        start += rest.len() - next.len();
        rest = next;
    }
    if !rest.is_empty() {
        out.push(start..start + rest.len());
    }
}

/// `s` less surrounding white space, and the length of what went before.
fn trimmed(s: &str) -> (usize, &str) {
    // most sentences start and end in printable ASCII: nothing to trim,
    // and no character to decode
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => (0, s),
        _ => trimmed_decoded(s),
    }
}

/// [`trimmed`] read by characters: what its byte test falls back to, and
/// what it is tested against.
fn trimmed_decoded(s: &str) -> (usize, &str) {
    let t = s.trim_start();
    (s.len() - t.len(), t.trim_end())
}

/// The longest run of prose taken as one sentence, in bytes: far above any
/// real sentence (news sentences rarely pass 500 bytes).
const MAX_SENTENCE: usize = 4096;

#[cfg(test)]
mod tests {
    use super::*;

    /// The room of sentences given back ([`recycle`]) holds only the next
    /// text's sentences, however many the last text had.
    #[test]
    fn recycled_room_holds_only_the_next_texts_sentences() {
        let next = "A short one. And another.";
        let want = split(next);
        recycle(split("One here. Two there. Three. Four.\n\nFive."));
        assert_eq!(split(next), want);
    }

    #[test]
    fn text_without_sentence_ends_is_cut_at_spaces_into_bounded_pieces() {
        let text = "Sales rose 5% to €9 million ".repeat(1000);
        let pieces = split(&text);
        assert!(pieces.len() > 1);
        for (i, r) in pieces.iter().enumerate() {
            assert!(r.len() <= MAX_SENTENCE, "{r:?}");
            assert!(!text[r.clone()].starts_with(' ') && !text[r.clone()].ends_with(' '));
            if let Some(next) = pieces.get(i + 1) {
                assert_eq!(text[r.end..next.start].trim(), "", "nothing is lost");
            }
        }
        assert_eq!(pieces.last().unwrap().end, text.trim_end().len());
    }

    fn sentences(prose: &str) -> Vec<&str> {
        split(prose).into_iter().map(|r| &prose[r]).collect()
    }

    /// `prose` is one sentence.
    #[track_caller]
    fn one(prose: &str) {
        assert_eq!(sentences(prose), vec![prose.trim()], "should not split");
    }

    /// `prose` splits into exactly `want`.
    #[track_caller]
    fn splits(prose: &str, want: &[&str]) {
        assert_eq!(sentences(prose), want);
    }

    #[test]
    fn plain_boundaries() {
        splits("It rose. It fell.", &["It rose.", "It fell."]);
        splits("Why? Because! Then.", &["Why?", "Because!", "Then."]);
        splits(
            "It fell 5%. 2022 was worse.",
            &["It fell 5%.", "2022 was worse."],
        );
        splits(
            "He left. “We will go,” she said.",
            &["He left.", "“We will go,” she said."],
        );
        splits("He left.” Then she did.", &["He left.”", "Then she did."]);
        splits("(It rose.) Then it fell.", &["(It rose.)", "Then it fell."]);
        splits(
            "Sales rose to $5bn. $3bn was profit.",
            &["Sales rose to $5bn.", "$3bn was profit."],
        );
        splits("Wait... What?", &["Wait...", "What?"]);
        splits(
            "Sales rose to $11.1bn. Its profit fell.",
            &["Sales rose to $11.1bn.", "Its profit fell."],
        );
        splits(
            "It hit 294.3m. On top of that, it fell.",
            &["It hit 294.3m.", "On top of that, it fell."],
        );
        splits(
            "It helps patients with MS. Final approval is due.",
            &["It helps patients with MS.", "Final approval is due."],
        );
        splits(
            "It trails AT&T. Consolidation has picked up.",
            &["It trails AT&T.", "Consolidation has picked up."],
        );
        splits(
            "“It is over.” The SEC said so.",
            &["“It is over.”", "The SEC said so."],
        );
        splits(
            "“It is over.” Mr Kim added that it was.",
            &["“It is over.”", "Mr Kim added that it was."],
        );
    }

    #[test]
    fn abbreviations_that_never_end() {
        for s in [
            "Mr. Smith and Mrs. Jones met Dr. Who.",
            "Gov. Newsom and Sen. Warren met Rep. Pelosi.",
            "They walked down St. James Street with Gen. Patton.",
            "Fruit, e.g. Apples, and nuts, i.e. Almonds, are sold.",
            "It was approx. 5 miles, vs. 3 last year.",
            "He lives at No. 5 on the street.",
            "It happened on Sept. 11 and Jan. 5 and Dec. 25 last year.",
            "It opened in Aug. and closed in Oct. after a loss.",
            "J. R. R. Tolkien met George W. Bush.",
            "Shares cost $1.5 billion, up 3.2% on the day.",
            "He paused... and went on.",
            "He paused… and went on.",
            "“We will go,” Lavrov said.",
            "“Will we go?” Lavrov asked.",
            "“Never!” Foreign Minister Sergey Lavrov said.",
            "It is in the U.S. and the U.K. now.",
            "Apples, pears, etc. are sold here.",
            "Apple Inc. said profits rose.",
            "The U.S. Treasury and the U.K. Government disagreed.",
            "Shares in Acme Corp. Holdings fell.",
        ] {
            one(s);
        }
    }

    #[test]
    fn abbreviations_that_may_end() {
        splits(
            "It sold to Apple Inc. The deal closed.",
            &["It sold to Apple Inc.", "The deal closed."],
        );
        splits(
            "He works in the U.S. It is hot.",
            &["He works in the U.S.", "It is hot."],
        );
        splits(
            "Fruit, nuts, etc. But not meat.",
            &["Fruit, nuts, etc.", "But not meat."],
        );
        splits(
            "We met at 10 a.m. The talks lasted.",
            &["We met at 10 a.m.", "The talks lasted."],
        );
        // The documented trade-off: a capitalised noun after "U.S." continues.
        one("Stocks fell in the U.S. Markets in Asia rose.");
        // A month before a capital is a word like any other.
        splits(
            "It ended in Jan. The rest followed.",
            &["It ended in Jan.", "The rest followed."],
        );
        splits(
            "The answer was No. The vote failed.",
            &["The answer was No.", "The vote failed."],
        );
    }

    #[test]
    fn no_split_without_space_or_before_lowercase() {
        one("See example.com for 3.14 and U.S.-led talks.");
        one("It fell. and then rose.");
        one("Is it? no.");
    }

    #[test]
    fn blank_lines_and_blocks() {
        splits("One\n\nTwo", &["One", "Two"]);
        splits("One\r\n\r\nTwo", &["One", "Two"]);
        splits("One \n \t \nTwo", &["One", "Two"]);
        splits(
            "Title\n\nIt rose. It fell.",
            &["Title", "It rose.", "It fell."],
        );
        splits(
            "Items:\n- one\n- two\n# Head\n1. First",
            &["Items:", "- one", "- two", "# Head", "1. First"],
        );
        // a single line break inside a paragraph is a space
        one("It rose\nby 5% in 2021.");
        splits("It rose.\nThen it fell.", &["It rose.", "Then it fell."]);
    }

    #[test]
    fn meant_line_breaks_end_blocks() {
        splits(
            "Click here to sign up\nPrevious story\nHelloFresh Beef Linked to E. coli Outbreak",
            &[
                "Click here to sign up",
                "Previous story",
                "HelloFresh Beef Linked to E. coli Outbreak",
            ],
        );
        splits(
            "Photo by Marc Kitteringham / Campbell River Mirror\nStrathcona Regional District offices to close Monday for National Day of Mourning",
            &[
                "Photo by Marc Kitteringham / Campbell River Mirror",
                "Strathcona Regional District offices to close Monday for National Day of Mourning",
            ],
        );
        // hard-wrapped prose: each break is where the next word did not fit
        one(
            "The company said it would cut 500 jobs over the next two years\nas sales fell by 10% in the third quarter, compared with 12% in\nJanuary a year earlier, and as costs rose sharply for Acme Corp\nMarkets were not impressed by the figures published on Monday.",
        );
        // a line ending in a function word or a comma runs on
        one("It was sold to the\nBank of England, for 5%,\nUnilever and others said.");
        one("Short line\nnext word lower case.");
    }

    #[test]
    fn list_markers_are_not_sentences() {
        one("1. The first item is here.");
        splits("Step\n\n2. Do it.", &["Step", "2. Do it."]);
        splits(
            "It was 2021. The year ended.",
            &["It was 2021.", "The year ended."],
        );
    }

    #[test]
    fn spans_are_trimmed_nonempty_ordered() {
        for prose in [
            "",
            "   ",
            "\n\n\n",
            " . ",
            "...",
            "a. B. c? D! ",
            "“”. ’ . ! ?",
            "\u{a0}X.\u{a0}Y.\u{a0}",
        ] {
            let spans = split(prose);
            let mut last = 0;
            for s in &spans {
                assert!(s.start < s.end, "empty span in {prose:?}");
                assert!(s.start >= last, "overlap in {prose:?}");
                let t = &prose[s.clone()];
                assert_eq!(t, t.trim(), "untrimmed in {prose:?}");
                last = s.end;
            }
        }
    }

    #[test]
    fn seed_fixtures() {
        splits(
            "The statement by China comes amid Russia’s ongoing war with Ukraine. The West has responded to the invasion of Ukraine with sanctions on Russia.",
            &[
                "The statement by China comes amid Russia’s ongoing war with Ukraine.",
                "The West has responded to the invasion of Ukraine with sanctions on Russia.",
            ],
        );
        one(
            "“We will, together with you and with our supporters, move towards a multipolar, just and democratic world order,” Lavrov said at the start of a meeting with Chinese Foreign Minister Wang Yi in Beijing.",
        );
        splits(
            "Later this week, Chinese President Xi Jinping is set to meet with Russian President Vladimir Putin. The trip will be the first time Xi has left China since the beginning of the COVID pandemic.",
            &[
                "Later this week, Chinese President Xi Jinping is set to meet with Russian President Vladimir Putin.",
                "The trip will be the first time Xi has left China since the beginning of the COVID pandemic.",
            ],
        );
    }

    #[test]
    fn never_panics_on_odd_bytes() {
        for prose in [
            "é.",
            ".é",
            "café. Él",
            "“.",
            ".”",
            "…",
            "a…B",
            "Mr.",
            "U.S.",
            "1.",
            "\u{FFFC}. \u{FFFC}",
        ] {
            let _ = split(prose);
        }
        splits(
            "Run \u{FFFC}. \u{FFFC} is next.",
            &["Run \u{FFFC}.", "\u{FFFC} is next."],
        );
        splits("Il a payé. Élise aussi.", &["Il a payé.", "Élise aussi."]);
    }

    fn fragment() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "word", " ", ". ", "? ", "! ", "\n", "\n\n", "\r\n", " \t\n", "U.S. ", "Mr. ", "Inc. ",
            "The ", "J. ", "No. 5", "3.2%", "...", "…", "“", "”", "\"", "'", "(", ")", "é", "É",
            "- ", "# ", "1. ", "\u{a0}", "\u{FFFC}", "$1.5", "said", "?” ", "Lavrov ", "A", "a",
            ".", "\u{2028}",
        ])
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        #[test]
        fn spans_are_well_formed(parts in proptest::collection::vec(fragment(), 0..60)) {
            let prose: String = parts.concat();
            let mut last = 0;
            for s in split(&prose) {
                proptest::prop_assert!(s.start < s.end && s.start >= last && s.end <= prose.len());
                let t = prose.get(s.clone());
                proptest::prop_assert!(t.is_some(), "span {:?} off char boundaries", s);
                let t = t.unwrap_or_default();
                proptest::prop_assert_eq!(t, t.trim());
                proptest::prop_assert!(!t.contains("\n\n") && !t.contains("\n\r\n") && !t.contains("\n \t\n"));
                last = s.end;
            }
        }
    }

    #[test]
    fn pathological_inputs_stay_linear() {
        for unit in [
            "1. A ", "?” A ", ". ", "…", "U.S. ", "a\n", "Mr. ", "\n \n", "x",
        ] {
            let prose = unit.repeat(200_000 / unit.len());
            let t = std::time::Instant::now();
            let _ = split(&prose);
            assert!(t.elapsed().as_secs() < 2, "{unit:?} is slow");
        }
    }

    /// Words glued from pieces: letters, dots, digits, white space of
    /// every kind, quotes and bytes of other scripts.
    fn glued(n: usize, pieces: &[&str]) -> Vec<String> {
        crate::testgen::glued(n, 8, pieces, 0x9e37_79b9_7f4a_7c15)
    }

    /// The masked abbreviation lookup answers as the map does: for every
    /// abbreviation as written, with a letter changed, dropped or added,
    /// in other cases, and for words glued from pieces.
    #[test]
    fn abbreviation_mask_turns_away_only_what_the_map_lacks() {
        let lex = &*LEXICON;
        let mut words: Vec<Vec<u8>> = Vec::new();
        for w in lex.abbrevs.keys() {
            words.push(w.clone());
            words.push(w.to_ascii_uppercase());
            words.push(w.to_ascii_lowercase());
            for i in 0..=w.len() {
                words.push([&w[..i], b"x", &w[i..]].concat());
                if i < w.len() {
                    words.push([&w[..i], &w[i + 1..]].concat());
                    words.push([&w[..i], b"q", &w[i + 1..]].concat());
                }
            }
        }
        let pieces = [
            "a", "B", "c", "Dr", "U", ".", "S", "Inc", "1", "é", "'", "-",
        ];
        words.extend(glued(50_000, &pieces).into_iter().map(String::into_bytes));
        words.push(vec![b'a'; 40]);
        let mut found = 0;
        for w in &words {
            let want = lex.abbrevs.get(w.as_slice()).copied();
            found += usize::from(want.is_some());
            assert_eq!(lex.abbrev(w), want, "{:?}", String::from_utf8_lossy(w));
        }
        assert!(found >= lex.abbrevs.len(), "every abbreviation is found");
    }

    /// The stops found in one search are every `.`, `?`, `!` and `…`, in
    /// order, and `first` walks them as a search from each position would;
    /// a text's stops are made in the room its thread's last text left,
    /// none of whose stops are kept.
    #[test]
    fn stops_are_every_terminator_in_order() {
        let pieces = [
            "a",
            ".",
            "?",
            "!",
            "…",
            "æ",
            "¦",
            "Ц",
            "’",
            "“",
            "\u{2026}.",
            "\u{a6}",
            " ",
            "\n",
        ];
        let mut reused = 0;
        for s in glued(20_000, &pieces) {
            let kept = KEPT_STOPS.take();
            reused += usize::from(!kept.is_empty());
            KEPT_STOPS.set(kept);
            let mut want: Vec<usize> = s
                .match_indices(['.', '?', '!', '…'])
                .map(|(i, _)| i)
                .collect();
            want.sort_unstable();
            let mut stops = Stops::new(
                s.as_bytes(),
                memchr::memchr3_iter(b'.', b'?', b'!', s.as_bytes()),
            );
            assert_eq!(stops.at, want, "{s:?}");
            let mut pos = 0;
            while let Some(at) = stops.first(pos, s.len()) {
                assert_eq!(Some(&at), want.iter().find(|&&w| w >= pos), "{s:?}");
                pos = at + 1 + pos % 2;
            }
        }
        assert!(reused > 10_000, "{reused} made in room with stops left");
    }

    /// The AVX2 searches split as the memchr crate's searches for any
    /// processor do, over texts glued from sentences, stops, line breaks,
    /// blocks and characters beyond ASCII, short and past the 32 bytes of
    /// an AVX2 vector, so that both the searchers' short and vector paths
    /// are read. The AVX2 searchers are called directly, not through
    /// [`split`], which on a processor without AVX2 is the other side of
    /// the comparison: there the test has nothing to compare, and passes
    /// only as a build of the AVX2 path.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn the_avx2_searches_split_as_memchr_does() {
        use memchr::arch::x86_64::avx2::memchr::{One, Three};
        let (Some(newline), Some(stop)) = (One::new(b'\n'), Three::new(b'.', b'?', b'!')) else {
            assert!(!std::arch::is_x86_feature_detected!("avx2"));
            return;
        };
        let pieces = [
            "Sales rose 5% to $9.2 million in the U.S. last year. ",
            "He said. ",
            "Why? ",
            "No!\n",
            "\n\n",
            "\n",
            "- item\n",
            "12. ",
            "Headline\n",
            "word ",
            "é…",
            "“Will we go?” Lavrov asked.",
            ".",
            "a",
        ];
        let mut sentences = 0;
        for s in crate::testgen::glued(20_000, 12, &pieces, 0x5e17) {
            let b = s.as_bytes();
            let got = split_at(&s, newline.iter(b), stop.iter(b));
            assert_eq!(got, split_by_memchr(&s), "{s:?}");
            assert_eq!(got, split(&s), "{s:?}");
            sentences += got.len();
        }
        assert!(sentences > 50_000, "{sentences}");
    }

    /// The shortcut of [`push_trimmed`] pushes what slicing and trimming
    /// push, for every range of texts glued from printable ASCII, white
    /// space and characters beyond ASCII (and for empty, reversed and
    /// out-of-bounds ranges), the long ones cut as they are.
    #[test]
    fn pushing_whole_sentences_is_pushing_them_trimmed() {
        let pieces = [
            "a", "Z", ".", "”", " ", "\n", "\u{a0}", "é", "~", "\u{7f}", "\x1c",
        ];
        let mut whole = 0;
        for s in glued(3_000, &pieces) {
            for start in 0..=s.len() + 1 {
                for end in [
                    start.wrapping_sub(1),
                    start,
                    start + 1,
                    start + 3,
                    s.len(),
                    s.len() + 1,
                ] {
                    if !s.is_char_boundary(start.min(s.len()))
                        || !s.is_char_boundary(end.min(s.len()))
                    {
                        continue;
                    }
                    let (mut got, mut want) = (Vec::new(), Vec::new());
                    push_trimmed(&s, start..end, &mut got);
                    push_trimmed_slow(&s, start..end, &mut want);
                    assert_eq!(got, want, "{s:?} {start}..{end}");
                    whole += usize::from(matches!(got.as_slice(), [r] if *r == (start..end)));
                }
            }
        }
        assert!(whole > 1_000, "{whole}");
        let long = "Sales rose 5% to 9 million ".repeat(400);
        let range = 1..long.len() - 1;
        let (mut got, mut want) = (Vec::new(), Vec::new());
        push_trimmed(&long, range.clone(), &mut got);
        push_trimmed_slow(&long, range, &mut want);
        assert!(got.len() > 1);
        assert_eq!(got, want);
    }

    /// Texts glued from lines, blank lines, block starts and white space
    /// split with every line start taken from the newline before equal to
    /// the one searched back for (the debug assertion in [`split`]).
    #[test]
    fn line_starts_are_the_newlines_before() {
        let pieces = [
            "\n",
            "\n\n",
            " \n",
            "\t",
            "\r\n",
            "- ",
            "# ",
            "12. ",
            "> ",
            "Sales rose.",
            "word",
            "A",
            "\u{a0}",
            ".",
        ];
        let mut split_any = 0;
        for s in glued(20_000, &pieces) {
            split_any += split(&s).len();
        }
        assert!(split_any > 20_000, "{split_any}");
    }

    /// Trimming by the byte test gives what trimming by characters does.
    #[test]
    fn trimmed_is_the_same_by_bytes_and_by_characters() {
        let pieces = [
            "a", "Z", ".", "”", " ", "\t", "\n", "\r", "\x0b", "\x0c", "\u{a0}", "\u{2003}",
            "\u{3000}", "\u{85}", "é", "\x1c", "~", "\u{7f}",
        ];
        for s in glued(50_000, &pieces) {
            assert_eq!(trimmed(&s), trimmed_decoded(&s), "{s:?}");
        }
    }

    #[test]
    fn lexicon_is_clean() {
        let file: LexiconFile = crate::extract::lexicon::parse("abbreviations", LEXICON_TEXT);
        let mut seen = std::collections::HashSet::new();
        for w in file
            .never_end
            .iter()
            .chain(&file.before_number)
            .chain(&file.may_end)
        {
            assert!(
                !w.trim().is_empty() && w.len() <= MAX_WORD,
                "bad entry {w:?}"
            );
            assert!(
                !w.ends_with('.'),
                "entry {w:?} is written without its final stop"
            );
            assert!(
                seen.insert(w.to_ascii_lowercase()),
                "duplicate abbreviation {w:?}"
            );
        }
        for list in [&file.sentence_starters, &file.speech_verbs] {
            let mut seen = std::collections::HashSet::new();
            for w in list {
                assert!(
                    !w.trim().is_empty() && w.len() <= MAX_WORD,
                    "bad entry {w:?}"
                );
                assert!(seen.insert(w.to_ascii_lowercase()), "duplicate word {w:?}");
            }
        }
    }
}
