//! Context: what a sentence says around its figures (issue 3, "Context on
//! every claim"): the time anchor of each figure ("since the start of the
//! war", "in 2021", "a year earlier"), the sentence's subject when it opens
//! the sentence plainly ("India has purchased …"), and its attribution
//! ("according to Reuters", "the company said", "said John Smith").
//!
//! Computed once per sentence, only for sentences with figures, from the
//! words the scanner's walk found there that may start an anchor or an
//! attribution ([`Trigger`]), and the sentence's bytes around them; nothing
//! is allocated per sentence (the scanner keeps one list of those words for
//! a whole text). The word lists are data
//! (`checks/lexicon/context.toml`). When a reading is unsure it is left out:
//! a wrong subject is worse than none.

use std::sync::LazyLock;

use serde::Deserialize;

use super::lexicon::{
    self, PACKED, ShapeMask, WordBuf, WordMap, letter_runs, lower_word, match_phrase, spaces,
};
use super::packed::PackedWords;
use super::{Claim, ClaimKind};
use crate::source::Span;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    anchor_preps: Vec<String>,
    relative: Vec<String>,
    speech: Vec<String>,
    subject_verbs: Vec<String>,
    pronouns: Vec<String>,
}

struct Lexicon {
    file: File,
    /// First content word of a relative phrase → (phrase, the word's
    /// place among the phrase's words), longest phrase first.
    relative: WordMap<Vec<(usize, usize)>>,
    /// What each listed word is ([`RELATIVE`], [`SPEECH`], [`VERB`],
    /// [`PRONOUN`], [`SINCE`], [`ACCORDING`], [`BREAK`], [`ARTICLE`],
    /// [`OPENER`]): one lookup answers every question asked of a word.
    class: WordMap<u16>,
    /// The shapes of the words that start an anchor or an attribution:
    /// most words fail this test before any lookup.
    triggers: ShapeMask,
    /// The shapes of every word in `class`: a word that fails this test
    /// has no class, and is neither lowercased nor looked up.
    classed: ShapeMask,
    /// `class` keyed by packed letters: asking for a word's classes then
    /// needs no lowercased copy, no string hash and no string compare
    /// (about 200 instructions a word before, in 5 MB of news).
    packed: PackedWords<u16>,
}

/// The first content word of a relative phrase ("year" of "a year earlier").
const RELATIVE: u16 = 1;
/// A verb of speech: "said", "told", "reported".
const SPEECH: u16 = 2;
/// A verb that may follow a subject: "has", "rose", "bought".
const VERB: u16 = 4;
const PRONOUN: u16 = 8;
const SINCE: u16 = 16;
const ACCORDING: u16 = 32;
/// A word of [`BREAKS`].
const BREAK: u16 = 64;
/// "the", "a", "an": a phrase they open names someone.
const ARTICLE: u16 = 128;
/// A word of [`OPENERS`].
const OPENER: u16 = 256;
/// "but", "and", "so", "yet": passed before a sentence's subject.
const CONJUNCTION: u16 = 512;
/// The classes [`anchors_in`] and [`source_of`] act on.
const TRIGGER: u16 = RELATIVE | SPEECH | SINCE | ACCORDING;

impl Lexicon {
    /// The classes of the lowercase word `w`, 0 for an unlisted one.
    fn class(&self, w: &str) -> u16 {
        self.class.get(w).copied().unwrap_or(0)
    }

    fn verb_or_speech(&self, w: &str) -> bool {
        self.class(w) & (VERB | SPEECH) != 0
    }

    /// The classes of the word [`lower_word`] reads at the start of `s`, 0
    /// when it reads none, and the length of the run of ASCII letters there
    /// (the word's length when it has a class). A word whose shape no listed
    /// word has is turned away before it is lowercased and looked up.
    fn class_at(&self, s: &str) -> (u16, usize) {
        let n = letter_run(s.as_bytes());
        (self.class_of_run(s, n), n)
    }

    /// [`Lexicon::class_at`] where the run of letters at the start of `s`
    /// is known to be `n` bytes long.
    fn class_of_run(&self, s: &str, n: usize) -> u16 {
        if n == 0 || !self.classed.may_hold(&s.as_bytes()[..n]) {
            return 0;
        }
        self.class_unmasked(s, n)
    }

    /// [`Lexicon::class_of_run`] without the shape test: the word's
    /// letters are packed and looked up in [`PackedWords`].
    fn class_unmasked(&self, s: &str, n: usize) -> u16 {
        let b = s.as_bytes();
        if n > PACKED {
            return self.class_by_lookup(s);
        }
        // as [`lower_word`], no word before a digit or a non-ASCII byte
        if n == 0 || b.get(n).is_some_and(|c| c.is_ascii_digit() || *c >= 0x80) {
            return 0;
        }
        self.packed.get(b, n).unwrap_or(0)
    }

    /// The classes of the word at the start of `s` as [`lower_word`] and
    /// the map give them: what the shape test and [`PackedWords`] must agree with.
    /// Kept out of line: in use it is asked only of words past 16 letters.
    #[inline(never)]
    fn class_by_lookup(&self, s: &str) -> u16 {
        let mut buf = WordBuf::new();
        lower_word(s, &mut buf).map_or(0, |(w, _)| self.class(w))
    }
}

/// The length of the run of ASCII letters at the start of `b`, eight bytes
/// tested at a time ([`lexicon::letters_end`]): a byte at a time, the run
/// of each word of a noun phrase cost 1.6 M instructions of a claims run
/// on 5.6 MB of news.
fn letter_run(b: &[u8]) -> usize {
    lexicon::letters_end(b, 0)
}

static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    let file: File = lexicon::parse("context", include_str!("../../checks/lexicon/context.toml"));
    // each phrase under its first content word ("year" in "a year
    // earlier"), with that word's place in the phrase: common words such
    // as "a", "the", "in" then never trigger a lookup
    let mut relative: WordMap<Vec<(usize, usize)>> = WordMap::default();
    for (i, p) in file.relative.iter().enumerate() {
        let key = p.split(' ').enumerate().find_map(|(k, t)| {
            let w: String = t.chars().take_while(char::is_ascii_alphabetic).collect();
            (!FILLER.contains(&w.as_str())).then_some((w, k))
        });
        let (w, k) = key.unwrap_or_else(|| {
            let w: String = p.chars().take_while(char::is_ascii_alphabetic).collect();
            (w, 0)
        });
        relative.entry(w).or_default().push((i, k));
    }
    for v in relative.values_mut() {
        v.sort_by_key(|&(i, _)| std::cmp::Reverse(file.relative[i].len()));
    }
    let mut class: WordMap<u16> = WordMap::default();
    let mut mark = |w: &str, c: u16| *class.entry(w.to_string()).or_default() |= c;
    for w in relative.keys() {
        mark(w, RELATIVE);
    }
    for (list, c) in [
        (&file.speech, SPEECH),
        (&file.subject_verbs, VERB),
        (&file.pronouns, PRONOUN),
    ] {
        for w in list {
            mark(w, c);
        }
    }
    for (list, c) in [
        (&BREAKS[..], BREAK),
        (&["the", "a", "an"][..], ARTICLE),
        (&OPENERS[..], OPENER),
        (&["but", "and", "so", "yet"][..], CONJUNCTION),
    ] {
        for w in list {
            mark(w, c);
        }
    }
    mark("since", SINCE);
    mark("according", ACCORDING);
    let packed = PackedWords::new(class.iter().map(|(w, &c)| (w.as_str(), c)));
    let triggers = class
        .iter()
        .filter(|&(_, &c)| c & TRIGGER != 0)
        .map(|(w, _)| w)
        .collect();
    let classed = class.keys().collect();
    Lexicon {
        packed,
        triggers,
        classed,
        relative,
        class,
        file,
    }
});

/// The context of one claim: prose byte ranges, each where the text names it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// When the figure holds: "since the start of the war", "in 2021",
    /// "a year earlier", "last quarter".
    pub time: Option<Span>,
    /// Who or what the sentence is about, when a plain noun phrase opens it
    /// before its verb: "India" in "India has purchased …".
    pub subject: Option<Span>,
    /// Who says so: "Reuters" in "according to Reuters", "the company" in
    /// "…, the company said", "John Smith" in "…, said John Smith".
    pub source: Option<Span>,
}

/// Words that carry no time themselves: a relative phrase is looked up by
/// its first word not in this list.
const FILLER: [&str; 24] = [
    "a", "the", "in", "on", "of", "to", "from", "so", "far", "this", "last", "next", "same",
    "previous", "first", "second", "third", "fourth", "over", "past", "recent", "since", "two",
    "three",
];

/// The start of the word `k` words before the word at `i`: words apart by
/// spaces, as in the lexicon's phrases.
fn words_back(s: &str, i: usize, k: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut at = i;
    for _ in 0..k {
        let mut j = at;
        while j > 0 && matches!(b[j - 1], b' ' | b'\t') {
            j -= 1;
        }
        if j == at {
            return None;
        }
        while j > 0 && !b[j - 1].is_ascii_whitespace() {
            j -= 1;
        }
        if !s.is_char_boundary(j) {
            return None;
        }
        // an opening quote or bracket is not part of the word
        while let Some(c) = s[j..at].chars().next().filter(|c| !c.is_alphanumeric()) {
            j += c.len_utf8();
        }
        at = j;
    }
    Some(at)
}

/// The most words read as possible anchors or attributions in one
/// sentence; more are left out.
const MAX_TRIGGERS: usize = 32;

/// A word that may start an anchor or an attribution: its sentence
/// offset, its length and its classes ([`TRIGGER`] bits only).
pub(super) type Trigger = (usize, usize, u16);

/// The classes of [`TRIGGER`] of the word of ASCII letters `word`, any
/// case, packed to `packed` ([`lexicon::pack_word`]) when it has up to
/// [`PACKED`] letters: those [`triggers_in`] gives a run of these letters
/// that no digit and no byte beyond ASCII follows. The gate of a walk that
/// annotates context keeps them with each word it classifies.
// out of line: asked at a miss of the gate's cache only; inlined there, it
// moved the code `check` runs (1.4 M instructions more on 5.6 MB of news)
#[inline(never)]
pub(super) fn word_triggers(word: &[u8], packed: Option<u128>) -> u16 {
    // (a word's bytes are checked to be a `str` only when it is not packed:
    // at every word the gate missed, that took 2.8 M instructions)
    let class = match packed {
        Some(k) => LEX.packed.get_packed(k).unwrap_or(0),
        None => std::str::from_utf8(word)
            .ok()
            .filter(|w| letter_run(w.as_bytes()) == w.len())
            .map_or(0, |w| LEX.class_unmasked(w, w.len())),
    };
    class & TRIGGER
}

/// Pushes onto `out` the words of the sentence `s` that may start an
/// anchor or an attribution ([`Trigger`]) and begin in `s[from..to]`: runs
/// of letters after no letter and no digit ("5m", "2nd" start no word), of
/// a listed word with a class of [`TRIGGER`]. The scanner's walk, which
/// classifies the words it stops at with their classes, reads the others
/// through this: the letters it passes over without classifying them.
pub(super) fn triggers_in(s: &str, from: usize, to: usize, out: &mut Vec<Trigger>) {
    let b = s.as_bytes();
    let Some(rest) = b.get(from..) else {
        return;
    };
    let lex = &*LEX;
    // the runs of letters found eight bytes at a time: a byte at a time,
    // with a word's tests at every byte, this walk took 51 M instructions
    // of a `claims` run on 5 MB of news
    for (st, e) in letter_runs(rest) {
        let (start, end) = (from + st, from + e);
        if start >= to {
            break;
        }
        // letters after a letter (a run begun before `from`) or a digit
        // ("5m", "2nd") start no word (asked second: the shape test turns
        // away most runs by itself)
        if !lex.triggers.may_hold(&b[start..end])
            || start > 0 && b[start - 1].is_ascii_alphanumeric()
        {
            continue;
        }
        let class = lex.class_unmasked(&s[start..], end - start) & TRIGGER;
        if class != 0 {
            out.push((start, end - start, class));
        }
    }
}

/// The words of `found`, the sentence's [`Trigger`]s in order, outside
/// figures: the first [`MAX_TRIGGERS`] of them, in `out`.
fn triggers(base: usize, claims: &[Claim], found: &[Trigger], out: &mut [Trigger]) -> usize {
    let mut cover = Cover::new(claims);
    let mut n = 0;
    for &(i, len, class) in found {
        if n == out.len() {
            break;
        }
        if !cover.covers(base + i) {
            out[n] = (i, len, class);
            n += 1;
        }
    }
    n
}

/// The most time anchors read in one sentence; more are left out.
const MAX_ANCHORS: usize = 16;

/// Words that end a noun phrase read backwards or forwards ([`BREAK`]).
const BREAKS: [&str; 26] = [
    "and",
    "or",
    "but",
    "as",
    "that",
    "which",
    "while",
    "because",
    "who",
    "when",
    "if",
    "than",
    "to",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "by",
    "since",
    "of",
    "last",
    "next",
    "yesterday",
    "today",
];

/// Words besides [`BREAKS`] that open a clause or a phrase, not a subject,
/// when they begin a sentence: "When prices rose …" ([`OPENER`]).
const OPENERS: [&str; 21] = [
    "when", "although", "though", "after", "before", "despite", "during", "over", "under", "about",
    "unless", "once", "until", "almost", "nearly", "some", "more", "less", "only", "just",
    "around",
];

/// True for date-like kinds, which anchor others instead of being anchored.
fn dated(k: ClaimKind) -> bool {
    matches!(k, ClaimKind::Date | ClaimKind::DateRange | ClaimKind::Year)
}

/// Fills in the context of `claims`, all of them in `sentence`, whose
/// words that may start an anchor or an attribution are `found`, in order
/// ([`triggers_in`], or the scanner's walk).
///
/// Whether this is inlined into the sentence walk that `check` shares
/// (and asks no context of) moves the walk's code generation by 1 to 3 M
/// instructions on 5.6 MB of news, one way or the other as the walk
/// changes: out of line it saved 3 M of `check` before the walk's round of
/// 2026-12-07, and cost 0.5 M of `check` and 2.6 M of `claims` after it.
pub(super) fn annotate(text: &str, sentence: &Span, claims: &mut [Claim], found: &[Trigger]) {
    if claims.is_empty() {
        return;
    }
    let Some(s) = text.get(sentence.clone()) else {
        return;
    };
    let base = sentence.start;
    let mut words = [(0usize, 0usize, 0u16); MAX_TRIGGERS];
    let nt = triggers(base, claims, found, &mut words);
    let words = &words[..nt];
    let mut anchors = [(0usize, 0usize); MAX_ANCHORS];
    let n = anchors_in(s, base, claims, words, &mut anchors);
    let anchors = &anchors[..n];
    let source = source_of(s, base, words, anchors);
    let subject = subject_of(s, base, claims, anchors);
    for i in 0..claims.len() {
        let time = if dated(claims[i].kind) {
            None
        } else {
            anchor_for(claims, i, anchors)
        };
        let c = &mut claims[i].context;
        c.time = time.map(|(a, b)| a..b);
        c.subject = subject.clone();
        c.source = source.clone();
    }
}

/// The time anchor of claim `i`: the first anchor after it with no other
/// figure between, else the nearest before it.
fn anchor_for(claims: &[Claim], i: usize, anchors: &[(usize, usize)]) -> Option<(usize, usize)> {
    let c = &claims[i];
    // the next figure after this one (claims are sorted by start)
    let next = claims[i + 1..]
        .iter()
        .find(|o| o.part_of.is_none() && !dated(o.kind) && o.span.start >= c.span.end)
        .map_or(usize::MAX, |o| o.span.start);
    let k = anchors.partition_point(|a| a.0 < c.span.end);
    if let Some(&a) = anchors.get(k).filter(|a| a.0 <= next) {
        return Some(a);
    }
    anchors[..k]
        .iter()
        .rev()
        .find(|a| a.1 <= c.span.start)
        .copied()
}

/// Whether positions, asked in increasing order, fall inside a claim: one
/// pass over the sorted claims, however many positions are asked.
struct Cover<'c> {
    claims: &'c [Claim],
    next: usize,
    end: usize,
}

impl Cover<'_> {
    fn new(claims: &[Claim]) -> Cover<'_> {
        Cover {
            claims,
            next: 0,
            end: 0,
        }
    }

    fn covers(&mut self, pos: usize) -> bool {
        while let Some(c) = self.claims.get(self.next).filter(|c| c.span.start <= pos) {
            self.end = self.end.max(c.span.end);
            self.next += 1;
        }
        pos < self.end
    }
}

/// Collects the sentence's time anchors, sorted by start: its date claims
/// with the preposition before them, relative phrases, "since …" phrases.
fn anchors_in(
    s: &str,
    base: usize,
    claims: &[Claim],
    triggers: &[(usize, usize, u16)],
    out: &mut [(usize, usize)],
) -> usize {
    let lex = &*LEX;
    let mut n = 0;
    // a new anchor unless it overlaps one already read
    fn push(a: (usize, usize), out: &mut [(usize, usize)], n: &mut usize) {
        if *n < out.len() && !out[..*n].iter().any(|o| o.0 < a.1 && a.0 < o.1) {
            out[*n] = a;
            *n += 1;
        }
    }
    // relative phrases and "since …", at the trigger words
    let mut skip_to = 0;
    for &(i, len, class) in triggers {
        if i < skip_to || class & (RELATIVE | SINCE) == 0 {
            continue;
        }
        let mut buf = WordBuf::new();
        let Some((w, _)) = lower_word(&s[i..], &mut buf) else {
            continue;
        };
        let relative = if class & RELATIVE != 0 {
            lex.relative.get(w)
        } else {
            None
        };
        let found = relative.and_then(|v| {
            v.iter().find_map(|&(k, back)| {
                let st = words_back(s, i, back)?;
                let m = match_phrase(&s[st..], &lex.file.relative[k], true)?;
                (st + m > i).then_some((st, st + m))
            })
        });
        if let Some((st, e)) = found {
            push((base + st, base + e), out, &mut n);
            skip_to = e;
            continue;
        }
        if class & SINCE != 0
            && let Some(e) = since_phrase(s, base, i + len, claims)
        {
            push((base + i, base + e), out, &mut n);
            skip_to = e;
        }
    }
    // date claims, with the preposition before them: "in 2021"
    for c in claims
        .iter()
        .filter(|c| dated(c.kind) && c.part_of.is_none())
    {
        let start = prep_before(s, base, c.span.start).unwrap_or(c.span.start);
        // a date inside a relative phrase is already there
        if let Some(k) = out[..n]
            .iter()
            .position(|o| o.0 < c.span.end && c.span.start < o.1)
        {
            if out[k].1 - out[k].0 < c.span.end - start {
                out[k] = (start, c.span.end);
            }
            continue;
        }
        push((start, c.span.end), out, &mut n);
    }
    out[..n].sort_unstable();
    n
}

/// The preposition right before `at` ("in", "since", "as of"): its start.
fn prep_before(s: &str, base: usize, at: usize) -> Option<usize> {
    let rel = at.checked_sub(base)?;
    let head = s.get(..rel)?.trim_end_matches([' ', '\t']);
    if head.len() == rel {
        return None;
    }
    // a preposition (lowercase) ends in the byte `head` ends in, lowercased:
    // most are turned away by that byte alone
    let last = head.as_bytes().last()?.to_ascii_lowercase();
    LEX.file.anchor_preps.iter().find_map(|p| {
        if p.as_bytes().last() != Some(&last) {
            return None;
        }
        let st = head.len().checked_sub(p.len())?;
        let ok = head.is_char_boundary(st)
            && head[st..].eq_ignore_ascii_case(p)
            && (st == 0 || !head.as_bytes()[st - 1].is_ascii_alphanumeric());
        ok.then_some(base + st)
    })
}

/// "since the start of the war": after "since", two to eight words up to
/// punctuation, a digit or a figure. `at` is after "since" (sentence
/// offset); returns the end (sentence offset).
fn since_phrase(s: &str, base: usize, at: usize, claims: &[Claim]) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = at;
    let mut end = at;
    let mut words = 0;
    while words < 8 {
        let g = spaces(&s[i..]);
        if g == 0 || claims.iter().any(|c| c.span.start == base + i + g) {
            break;
        }
        let mut buf = WordBuf::new();
        let Some((w, len)) = lower_word(&s[i + g..], &mut buf) else {
            break;
        };
        if words > 0
            && matches!(
                w,
                "and" | "but" | "when" | "while" | "as" | "that" | "which"
            )
        {
            break;
        }
        // "since Putin waged war on …" is a clause, too long to be read
        // as a time anchor here
        let verb_like = LEX.verb_or_speech(w) || (w.len() >= 5 && w.ends_with("ed"));
        if verb_like {
            return None;
        }
        i += g + len;
        while b.get(i).is_some_and(|c| *c == b'\'' || *c == b'-')
            && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
        {
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
            }
        }
        end = i;
        words += 1;
    }
    (words >= 2).then_some(end)
}

/// A word of a noun phrase: letters, with inner hyphens, apostrophes and
/// dots ("U.S.", "India's", "state-owned"). Returns its end.
/// `letters` is the length of the run of ASCII letters at `i`.
fn np_word_end(b: &[u8], i: usize, letters: usize) -> Option<usize> {
    if letters == 0 {
        return None;
    }
    let mut e = i + letters;
    while e < b.len()
        && (b[e].is_ascii_alphabetic()
            || (matches!(b[e], b'-' | b'\'' | b'.' | b'&')
                && b.get(e + 1).is_some_and(u8::is_ascii_alphabetic)))
    {
        e += 1;
    }
    if b.get(e).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // "Acme Corp. earned": a capitalized abbreviation keeps its dot when
    // the sentence goes on in lowercase
    if b[i].is_ascii_uppercase()
        && b.get(e) == Some(&b'.')
        && b.get(e + 1) == Some(&b' ')
        && b.get(e + 2).is_some_and(u8::is_ascii_lowercase)
    {
        e += 1;
    }
    Some(e)
}

/// True when a phrase names someone: a capitalized word in it or a
/// determiner first ("the company"), and not a lone pronoun. `first` is
/// the classes of the phrase's first word, [`Lexicon::class_at`] of `s`:
/// the callers have read them already.
fn names_someone(s: &str, first: u16) -> bool {
    if first & PRONOUN != 0 {
        return false;
    }
    // a word of the phrase (split at single spaces) opens with a capital
    let b = s.as_bytes();
    let capital = b.first().is_some_and(u8::is_ascii_uppercase)
        || b.windows(2)
            .any(|p| p[0] == b' ' && p[1].is_ascii_uppercase());
    capital || first & ARTICLE != 0
}

/// Up to six words forward from `i` (sentence offset) forming a noun
/// phrase; stops at punctuation, digits, verbs and function words.
fn np_forward(s: &str, i: usize) -> Option<(usize, usize)> {
    let p = np_words(s, i, LEX.class_at(s.get(i..)?).0)?;
    // the first word's classes as the phrase alone gives them: a phrase
    // may end before a non-ASCII letter, which the sentence's reading sees
    let first = LEX.class_at(&s[p.start..p.end]).0;
    names(s, p.start, p.end, first).then_some((p.start, p.end))
}

/// The words [`np_words`] reads: `s[start..end]`.
struct Phrase {
    start: usize,
    end: usize,
    /// The classes of the word one space after the phrase, when the walk
    /// stopped at it for them (a break or a verb); `None` when it stopped
    /// for anything else. [`subject_of`] asks them again otherwise.
    next: Option<u16>,
}

/// The words [`np_forward`] reads from `i`, whether or not they name
/// someone. `first` is [`Lexicon::class_at`] of `s[i..]`, which the
/// callers read before.
fn np_words(s: &str, i: usize, first: u16) -> Option<Phrase> {
    let b = s.as_bytes();
    let mut at = i;
    let mut end = None;
    let mut next = None;
    for k in 0..6 {
        let letters = b.get(at..).map_or(0, letter_run);
        let Some(e) = np_word_end(b, at, letters) else {
            break;
        };
        let class = if k == 0 {
            first
        } else {
            LEX.class_of_run(&s[at..], letters)
        };
        if (k > 0 && class & BREAK != 0) || class & (VERB | SPEECH) != 0 {
            // past the first word, `at` is one space after the phrase
            next = (k > 0).then_some(class);
            break;
        }
        end = Some(e);
        at = e;
        if b.get(at) != Some(&b' ') {
            break;
        }
        at += 1;
    }
    Some(Phrase {
        start: i,
        end: end?,
        next,
    })
}

/// True when the phrase `s[a..e]` names someone, and is not "the" alone.
/// `first`: the classes of its first word, as [`names_someone`].
fn names(s: &str, a: usize, e: usize, first: u16) -> bool {
    let phrase = &s[a..e];
    !phrase.eq_ignore_ascii_case("the") && names_someone(phrase, first)
}

/// Up to six words backward from `end` (sentence offset) forming a noun
/// phrase: "the company" in "…, the company said".
fn np_backward(s: &str, end: usize) -> Option<(usize, usize)> {
    let (st, first) = np_words_back(s, end)?;
    // the phrase must open a clause: sentence start, comma, quote or dash
    let open = st == 0
        || matches!(
            s[..st].trim_end_matches(' ').as_bytes().last(),
            Some(b',' | b'"' | b'-' | b'(' | b';' | b':')
        )
        || s[..st]
            .trim_end_matches(' ')
            .ends_with(['\u{201d}', '\u{2019}', '\u{2014}']);
    let phrase = &s[st..end - 1];
    (open && names_someone(phrase, first)).then_some((st, end - 1))
}

/// The words [`np_backward`] reads before `end`, a space after them: their
/// start, and the classes of the first of them as it reads them, which are
/// those [`Lexicon::class_at`] gives the phrase (its first word ends at a
/// space or inside the phrase).
fn np_words_back(s: &str, end: usize) -> Option<(usize, u16)> {
    let b = s.as_bytes();
    let mut at = end;
    let mut start = None;
    let mut first = 0;
    for _ in 0..6 {
        if at == 0 || b[at - 1] != b' ' {
            break;
        }
        let we = at - 1;
        let mut ws = we;
        while ws > 0
            && (b[ws - 1].is_ascii_alphabetic()
                || (matches!(b[ws - 1], b'-' | b'\'' | b'.' | b'&')
                    && ws >= 2
                    && b[ws - 2].is_ascii_alphabetic()))
        {
            ws -= 1;
        }
        if ws == we || (ws > 0 && b[ws - 1].is_ascii_digit()) {
            break;
        }
        let class = LEX.class_at(&s[ws..we]).0;
        if class & (BREAK | VERB | SPEECH) != 0 {
            break;
        }
        start = Some(ws);
        first = class;
        at = ws;
    }
    Some((start?, first))
}

/// "according to Reuters", "…, the company said", "said John Smith".
fn source_of(
    s: &str,
    base: usize,
    triggers: &[(usize, usize, u16)],
    anchors: &[(usize, usize)],
) -> Option<Span> {
    for &(i, len, class) in triggers {
        if class & (ACCORDING | SPEECH) == 0 {
            continue;
        }
        // a trigger is a whole run of letters before no digit and no
        // character beyond ASCII (`class_unmasked`, or `class_by_lookup`
        // past 16 letters): the word `lower_word` would read, in any case
        let w = &s[i..i + len];
        if class & ACCORDING != 0 {
            if let Some(n) = match_phrase(&s[i..], "according to", true) {
                let at = i + n + spaces(&s[i + n..]);
                if let Some((a, e)) = np_forward(s, at) {
                    return Some(base + a..base + e);
                }
            }
        } else if class & SPEECH != 0 && lexicon::ends_word(s, i + len) {
            // "the company said", "officials have said", "the Times last
            // month reported": a time anchor before the verb is passed
            let mut end = i;
            let head = s[..i].trim_end_matches(' ');
            if let Some(a) = anchors.iter().find(|a| a.1 == base + head.len()) {
                end = a.0 - base;
            }
            let mut k = 0;
            while k < 2 {
                let head = s[..end].trim_end_matches(' ');
                // the ASCII letters `head` ends with (no byte of a longer
                // character is one)
                let ws = head.len() - letter_run_back(head.as_bytes());
                if !auxiliary(&head[ws..]) || ws == 0 {
                    break;
                }
                end = ws;
                k += 1;
            }
            if let Some((a, e)) = np_backward(s, end) {
                return Some(base + a..base + e);
            }
            // ", said John Smith": only after a comma or a closing quote
            let head = s[..i].trim_end_matches(' ');
            // ("X, told the Times" names whom X told, not who told)
            let inverted = head.ends_with([',', '"', '\u{201d}'])
                && !(w.eq_ignore_ascii_case("told") || w.eq_ignore_ascii_case("tells"));
            if inverted {
                let at = i + len + spaces(&s[i + len..]);
                if let Some((a, e)) = np_forward(s, at) {
                    return Some(base + a..base + e);
                }
            }
        }
    }
    None
}

/// The length of the run of ASCII letters at the end of `b`.
fn letter_run_back(b: &[u8]) -> usize {
    b.iter()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count()
}

/// Whether the word `w` (ASCII letters) is an auxiliary passed before a
/// verb of speech ("officials have said"), in any case.
fn auxiliary(w: &str) -> bool {
    ["has", "have", "had", "was", "were"]
        .iter()
        .any(|a| w.eq_ignore_ascii_case(a))
}

/// The noun phrase that opens the sentence before its verb, when the verb
/// comes before the first figure: "India" in "India has purchased …".
/// A leading anchor and comma ("In 2021, …") and a conjunction are passed.
fn subject_of(s: &str, base: usize, claims: &[Claim], anchors: &[(usize, usize)]) -> Option<Span> {
    let b = s.as_bytes();
    let mut i = b
        .iter()
        .position(|c| !matches!(c, b' ' | b'\t' | b'\n' | b'"' | b'\''))?;
    if let Some(a) = anchors.first().filter(|a| a.0 == base + i) {
        let after = a.1 - base;
        if b.get(after) == Some(&b',') {
            i = after + 1 + spaces(&s[after + 1..]);
        }
    }
    // each word's classes are read once, and passed to what asks again
    let (mut class, len) = LEX.class_at(&s[i..]);
    let conjunction = class & CONJUNCTION != 0 && b.get(i + len) == Some(&b' ');
    if conjunction {
        i += len + 1;
    }
    // the phrase must start with a capital: a sentence's first word, and
    // not one that opens a clause or a phrase ("When prices rose …")
    if !b.get(i).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    if conjunction {
        class = LEX.class_at(&s[i..]).0;
    }
    if class & (BREAK | OPENER) != 0 {
        return None;
    }
    // the phrase and its verb come before the first figure: without a
    // figure after the phrase's start there is none, and the phrase is
    // not read (most sentences with a figure open with none before it,
    // but many hold only dates)
    let first_figure = claims
        .iter()
        .filter(|c| !dated(c.kind))
        .map(|c| c.span.start)
        .min()
        .filter(|&f| f > base + i)?;
    // the phrase's words first: whether they name someone is asked last,
    // as most openings are no subject for want of a verb after them (the
    // test cost 1.8 M instructions of a claims run on 5.6 MB of news)
    let Phrase {
        start: a,
        end: e,
        next,
    } = np_words(s, i, class)?;
    // the next word must be a verb, before any figure (the walk read it
    // when it stopped there, one space on)
    let next = match next {
        Some(c) => c,
        None => {
            let g = spaces(&s[e..]);
            if g == 0 {
                return None;
            }
            LEX.class_at(&s[e + g..]).0
        }
    };
    if next & (VERB | SPEECH) == 0 {
        return None;
    }
    // the phrase ends before a space, so its first word's classes read in
    // the sentence are those read in the phrase
    (base + e < first_figure && names(s, a, e, class)).then_some(base + a..base + e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::{pack_letters, pack_word};
    use crate::extract::{gate, scan};

    fn run(s: &str) -> Vec<Claim> {
        super::super::extract(s, std::slice::from_ref(&(0..s.len())))
    }

    /// The words that may start an anchor or an attribution as first read,
    /// a byte at a time: a word starts at a letter after no letter or
    /// digit, with the classes [`Lexicon::class_at`] gives it; all of them,
    /// figures or not.
    fn candidates_bytewise(s: &str) -> Vec<Trigger> {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_alphabetic() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
                i += 1;
                continue;
            }
            let (class, len) = LEX.class_at(&s[i..]);
            if class & TRIGGER != 0 {
                out.push((i, len, class & TRIGGER));
            }
            i += len.max(1);
        }
        out
    }

    /// [`triggers`] as first written: the words of [`candidates_bytewise`]
    /// outside figures, up to [`MAX_TRIGGERS`].
    fn triggers_bytewise(s: &str, base: usize, claims: &[Claim]) -> Vec<Trigger> {
        let mut cover = Cover::new(claims);
        let mut out = candidates_bytewise(s);
        out.retain(|&(i, ..)| !cover.covers(base + i));
        out.truncate(MAX_TRIGGERS);
        out
    }

    /// Pieces of sentences for the trigger walks: trigger words in three
    /// cases, figures, digits, marks, non-ASCII letters, a long word, and
    /// tokens and addresses the scanner passes over whole.
    const TRIGGER_PIECES: &[&str] = &[
        "said",
        "Said",
        "SAID",
        "according to",
        "in",
        "since",
        "last",
        "year",
        "Year",
        "ago",
        "today",
        "Monday",
        "Reuters",
        "told",
        "reports",
        "5",
        "5m",
        "2nd",
        "Q1",
        "2021",
        "March",
        "$4 billion",
        "20%",
        "doubled",
        "twice",
        "about",
        " ",
        " ",
        " ",
        ", ",
        ".",
        "-",
        "é",
        "Ünited",
        "'",
        "\"",
        "officials",
        "the",
        "a",
        "company",
        "x",
        "S",
        "ago,",
        "extraordinarilylongwordsaid",
        "COVID-19-said",
        "A380-year",
        "www.said.com",
        "http://x.com/year",
        "@says",
        " said",
        " year",
        " since",
        " Monday",
        " a year ago",
    ];

    /// The run-at-a-time walk finds the words the byte-at-a-time one did,
    /// in every part of 20,000 glued strings (what [`Scanner::passed`]
    /// asks), and with the sentence's own claims the same words outside
    /// figures.
    #[test]
    fn trigger_walk_finds_what_the_bytewise_walk_found() {
        let texts = crate::testgen::glued(20_000, 14, TRIGGER_PIECES, 0x9e37_79b9_7f4a_7c15);
        let (mut found, mut parts) = (0, 0);
        for t in &texts {
            let all = candidates_bytewise(t);
            let mut walked = Vec::new();
            triggers_in(t, 0, t.len(), &mut walked);
            assert_eq!(walked, all, "{t:?}");
            for from in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                for to in [from, from + 1, from + 4, from + 9, t.len()] {
                    let mut part = Vec::new();
                    triggers_in(t, from, to, &mut part);
                    let want: Vec<Trigger> = all
                        .iter()
                        .copied()
                        .filter(|&(i, ..)| (from..to).contains(&i))
                        .collect();
                    assert_eq!(part, want, "{t:?} from {from} to {to}");
                    parts += usize::from(!want.is_empty() && from > 0);
                }
            }
            let claims = run(t);
            let mut out = [(0usize, 0usize, 0u16); MAX_TRIGGERS];
            for base in [0, 7] {
                let shifted: Vec<Claim> = claims
                    .iter()
                    .map(|c| {
                        let mut c = c.clone();
                        c.span = c.span.start + base..c.span.end + base;
                        c
                    })
                    .collect();
                let n = triggers(base, &shifted, &walked, &mut out);
                assert_eq!(out[..n], triggers_bytewise(t, base, &shifted)[..], "{t:?}");
                // each is the word `lower_word` reads there, which
                // `source_of` takes as the run itself
                for &(i, len, _) in &out[..n] {
                    let mut buf = WordBuf::new();
                    let want = t[i..i + len].to_ascii_lowercase();
                    assert_eq!(lower_word(&t[i..], &mut buf), Some((&*want, len)), "{t:?}");
                }
                found += n;
            }
        }
        assert!(found > 10_000 && parts > 100_000, "{found} {parts}");
    }

    /// The scanner's walk, with the gate's context classes of the words it
    /// classifies and [`triggers_in`] where it passes over words, finds
    /// each word the bytewise reading finds, once and in order, in 30,000
    /// glued strings. A gate without context classes (the walk then notes
    /// only the words it passes over) shows that both ways were taken.
    #[test]
    fn scanner_walk_finds_what_the_bytewise_walk_found() {
        let texts = crate::testgen::glued(30_000, 16, TRIGGER_PIECES, 0x2545_f491_4f6c_dd1d);
        let (mut classified, mut passed, mut covered, mut skipped) = (0, 0, 0, 0);
        for t in &texts {
            let want = candidates_bytewise(t);
            let (claims, found) = gate::with(true, |g| scan::walk_with_triggers(t, g));
            // all of them but some inside figures, in order
            let mut cover = Cover::new(&claims);
            let mut rest = want.iter().filter(|w| !found.contains(w));
            assert!(rest.all(|&(i, ..)| cover.covers(i)), "{t:?}");
            assert!(found.iter().all(|w| want.contains(w)), "{t:?}");
            assert!(found.is_sorted(), "{t:?}");
            let mut out = [(0usize, 0usize, 0u16); MAX_TRIGGERS];
            let n = triggers(0, &claims, &found, &mut out);
            let outside = triggers_bytewise(t, 0, &claims);
            assert_eq!(out[..n], outside[..], "{t:?}");
            let (_, unclassified) = gate::with(false, |g| scan::walk_with_triggers(t, g));
            passed += unclassified.len();
            classified += found.len() - unclassified.len();
            covered += found.len() - n;
            skipped += want.len() - found.len();
        }
        assert!(
            classified > 10_000 && passed > 5_000 && covered > 300 && skipped > 1_000,
            "{classified} classified, {passed} passed over, {covered} in figures, \
             {skipped} in claims not read"
        );
    }

    /// The context classes the context gate gives a word are those
    /// [`triggers_in`] reads at it ([`Lexicon::class_unmasked`] of the run,
    /// [`TRIGGER`] bits), packed or not, and the other gate gives none: for
    /// every listed word in three cases and the shape tests' probes.
    #[test]
    fn the_context_gate_gives_the_classes_triggers_in_reads() {
        let mut found = 0;
        gate::with(true, |with| {
            gate::with(false, |without| {
                for w in probe_words() {
                    let n = letter_run(w.as_bytes());
                    let run = &w.as_bytes()[..n];
                    let want = if n == 0 {
                        0
                    } else {
                        LEX.class_unmasked(&w[..n], n) & TRIGGER
                    };
                    let packed = (1..=PACKED).contains(&n).then(|| pack_letters(run));
                    assert_eq!(word_triggers(run, packed), want, "`{w}`");
                    assert_eq!(word_triggers(run, None), want, "`{w}`");
                    if n > 0 {
                        let flags = with.classify(w.as_bytes(), n);
                        assert_eq!(gate::context_classes(flags), want, "`{w}`");
                        let flags = without.classify(w.as_bytes(), n);
                        assert_eq!(flags & gate::CONTEXT, 0, "`{w}`");
                        assert_eq!(flags, with.classify(w.as_bytes(), n) & !gate::CONTEXT);
                    }
                    found += usize::from(want != 0);
                }
            });
        });
        assert!(found > 500, "{found}");
    }

    /// Glued sentence openings and endings: names, verbs, breaks,
    /// conjunctions, pronouns, figures, marks, tabs and non-ASCII letters.
    fn phrases(n: usize, seed: u64) -> Vec<String> {
        let pieces = [
            "India",
            "The",
            "the",
            "company",
            "Acme",
            "Corp.",
            "state-owned",
            "U.S.",
            "It",
            "it",
            "But",
            "and",
            "has",
            "said",
            "rose",
            "of",
            "in",
            "5",
            "5m",
            "é",
            "Saidé",
            "Itè",
            "theé",
            "hasé",
            "Reuters",
            "officials",
            "have",
            "Have",
            "WERE",
            "were",
            "extraordinarilylongword",
            "extraordinarily",
            " ",
            " ",
            " ",
            "  ",
            "\t",
            ", ",
            ".",
            "-",
            "'",
            "\"",
            "\u{201d}",
            "x",
            "S",
            "told",
            "according to",
        ];
        crate::testgen::glued(n, 12, &pieces, seed)
    }

    /// The classes [`np_words`] and [`np_words_back`] hand on are those
    /// [`Lexicon::class_at`] reads where they are asked again: the word
    /// after the phrase, and the phrase's first word read in the phrase
    /// alone (forward, when a space follows the phrase, as in
    /// [`subject_of`]), at every place of 20,000 glued strings.
    #[test]
    fn phrase_walks_hand_on_the_classes_read_afresh() {
        let (mut next, mut first, mut back) = (0, 0, 0);
        for t in phrases(20_000, 0x5eed_c0de) {
            for i in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                let class = LEX.class_at(&t[i..]).0;
                if let Some(p) = np_words(&t, i, class) {
                    let g = spaces(&t[p.end..]);
                    if let Some(c) = p.next {
                        assert!(g > 0, "{t:?} at {i}");
                        assert_eq!(c, LEX.class_at(&t[p.end + g..]).0, "{t:?} at {i}");
                        next += 1;
                    }
                    if g > 0 {
                        assert_eq!(class, LEX.class_at(&t[i..p.end]).0, "{t:?} at {i}");
                        first += usize::from(class != 0);
                    }
                }
                if let Some((st, c)) = np_words_back(&t, i) {
                    assert_eq!(c, LEX.class_at(&t[st..i - 1]).0, "{t:?} at {i}");
                    back += usize::from(c != 0);
                }
            }
        }
        assert!(
            next > 1_000 && first > 1_000 && back > 1_000,
            "{next} {first} {back}"
        );
    }

    /// [`letter_run_back`] and [`auxiliary`] read the auxiliary before a
    /// verb of speech as the first reading did: the last character not an
    /// ASCII letter, and the word [`lower_word`] reads after it.
    #[test]
    fn auxiliary_is_what_lower_word_reads() {
        let mut words = probe_words();
        words.extend(phrases(20_000, 0xa0c5));
        let mut found = 0;
        for head in &words {
            let ws = head
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_ascii_alphabetic())
                .map_or(0, |(p, c)| p + c.len_utf8());
            assert_eq!(
                head.len() - letter_run_back(head.as_bytes()),
                ws,
                "{head:?}"
            );
            let mut buf = WordBuf::new();
            let want = lower_word(&head[ws..], &mut buf)
                .is_some_and(|(w, _)| matches!(w, "has" | "have" | "had" | "was" | "were"));
            assert_eq!(auxiliary(&head[ws..]), want, "{head:?}");
            found += usize::from(want);
        }
        assert!(found > 500, "{found}");
    }

    /// [`prep_before`] as first written: every preposition tried.
    fn prep_before_afresh(s: &str, base: usize, at: usize) -> Option<usize> {
        let rel = at.checked_sub(base)?;
        let head = s.get(..rel)?.trim_end_matches([' ', '\t']);
        if head.len() == rel {
            return None;
        }
        LEX.file.anchor_preps.iter().find_map(|p| {
            let st = head.len().checked_sub(p.len())?;
            let ok = head.is_char_boundary(st)
                && head[st..].eq_ignore_ascii_case(p)
                && (st == 0 || !head.as_bytes()[st - 1].is_ascii_alphanumeric());
            ok.then_some(base + st)
        })
    }

    /// The test of a preposition's last byte turns none away that the
    /// first reading found, at every place of 20,000 glued strings.
    #[test]
    fn prep_before_finds_what_every_preposition_found() {
        let mut pieces: Vec<String> = LEX.file.anchor_preps.clone();
        pieces.extend(LEX.file.anchor_preps.iter().map(|p| p.to_ascii_uppercase()));
        pieces.extend(
            [
                " ", " ", "\t", "2021", "é", "x", "N", "E", "ton", "of", "the", ",",
            ]
            .map(String::from),
        );
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let mut found = 0;
        for t in crate::testgen::glued(20_000, 8, &pieces, 0x9b1e_0f2e) {
            for at in 0..=t.len() + 1 {
                for base in [0, 3] {
                    let want = prep_before_afresh(&t, base, at + base);
                    assert_eq!(prep_before(&t, base, at + base), want, "{t:?} at {at}");
                    found += usize::from(want.is_some());
                }
            }
        }
        assert!(found > 2_000, "{found}");
    }

    /// The context of the claim written `figure`, as text.
    fn context<'s>(s: &'s str, figure: &str) -> [Option<&'s str>; 3] {
        let all = run(s);
        let c = all
            .iter()
            .find(|c| &s[c.span.clone()] == figure)
            .unwrap_or_else(|| panic!("no `{figure}` in `{s}`"));
        let t = |x: &Option<Span>| x.clone().map(|r| &s[r]);
        [
            t(&c.context.time),
            t(&c.context.subject),
            t(&c.context.source),
        ]
    }

    #[track_caller]
    fn time(s: &str, figure: &str, want: Option<&str>) {
        assert_eq!(context(s, figure)[0], want, "time of `{figure}`");
    }

    #[track_caller]
    fn subject(s: &str, figure: &str, want: Option<&str>) {
        assert_eq!(context(s, figure)[1], want, "subject of `{figure}`");
    }

    #[track_caller]
    fn source(s: &str, figure: &str, want: Option<&str>) {
        assert_eq!(context(s, figure)[2], want, "source of `{figure}`");
    }

    const FOUNDING: &str = "India has purchased nearly 13 million barrels of Russian oil since \
                            the start of the war, up from nearly 16 million barrels in 2021.";

    #[test]
    fn time_anchors() {
        time(
            FOUNDING,
            "nearly 13 million barrels",
            Some("since the start of the war"),
        );
        time(FOUNDING, "nearly 16 million barrels", Some("in 2021"));
        time(FOUNDING, "2021", None);
        time(
            "In 2021, sales rose 5% to $10 million.",
            "5%",
            Some("In 2021"),
        );
        time(
            "Profit was $5 million, up from $4 million a year earlier.",
            "$4 million",
            Some("a year earlier"),
        );
        time("Sales rose 5% last quarter.", "5%", Some("last quarter"));
        time(
            "He said: \"Last week we paid £419m.",
            "£419m",
            Some("Last week"),
        );
        time("Sales rose 5% to $10 million.", "5%", None);
        time("The team has won 5 games since.", "5 games", None);
        time(
            "It is the first since Putin waged war on Ukraine.",
            "first",
            None,
        );
    }

    #[test]
    fn subjects() {
        subject(FOUNDING, "nearly 13 million barrels", Some("India"));
        subject(
            "The state-owned company sold 5,000 cars.",
            "5,000 cars",
            Some("The state-owned company"),
        );
        subject(
            "In 2021, Acme Corp. earned $5 million.",
            "$5 million",
            Some("Acme Corp."),
        );
        subject("It sold 5,000 cars.", "5,000 cars", None);
        subject("About 5,000 cars were sold.", "About 5,000 cars", None);
        subject("When prices rose 5% the firm sold 10 cars.", "5%", None);
    }

    #[test]
    fn sources() {
        source("Oil rose 5%, according to Reuters.", "5%", Some("Reuters"));
        source("Oil rose 5%, the agency said.", "5%", Some("the agency"));
        source("Oil rose 5%, officials have said.", "5%", None);
        source(
            "\"Oil rose 5%,\" said John Smith, an analyst.",
            "5%",
            Some("John Smith"),
        );
        source(
            "The Energy Department said oil rose 5%.",
            "5%",
            Some("The Energy Department"),
        );
        source("He said oil rose 5%.", "5%", None);
        source("Oil rose 5%, he told the Times.", "5%", None);
        source("\"Oil rose 5%,\" TOLD the Times.", "5%", None);
        source(
            "Oil rose 5%, the Times reported last month.",
            "5%",
            Some("the Times"),
        );
        source(
            "Oil rose 5%, the Times last month reported.",
            "5%",
            Some("the Times"),
        );
        source("Oil rose 5% in 2021.", "5%", None);
    }

    /// Words that share a first letter and a length with a trigger ("some",
    /// "such" with "said") are no triggers and leave room for the real ones
    /// in a long sentence (a Reuters quote ending "…, 1985," Bellmon said).
    #[test]
    fn a_long_sentence_keeps_its_source() {
        let filler = "some such soon seen sort ".repeat(10);
        let s = format!("\"Oil rose 5% as {filler}of late,\" Bellmon said.");
        source(&s, "5%", Some("Bellmon"));
    }

    /// Words to ask the shape tests about: every listed word in three
    /// cases, with each letter changed, with one cut or added, glued to a
    /// digit or an accent, and 50,000 made-up words of the lists' letters.
    fn probe_words() -> Vec<String> {
        let mut out = Vec::new();
        let mut listed: Vec<&str> = LEX.class.keys().map(String::as_str).collect();
        listed.sort_unstable();
        for w in listed {
            let title = format!("{}{}", w[..1].to_ascii_uppercase(), &w[1..]);
            for v in [w.to_string(), w.to_ascii_uppercase(), title] {
                for k in 0..v.len() {
                    for sub in ["a", "Z", "e", "s", "", "-", "9"] {
                        let mut m = v.clone();
                        m.replace_range(k..k + 1, sub);
                        out.push(m);
                    }
                }
                let long = "y".repeat(PACKED + 2 - v.len().min(PACKED));
                for extra in ["", "s", "d", "ly", "9", "\u{e9}", " x", ",", "'s", &long] {
                    out.push(format!("{v}{extra}"));
                }
            }
        }
        let letters = b"aehilnorstuwdgyASTWe";
        let mut seed = 0x2545_f491_u64;
        for _ in 0..50_000 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let len = 1 + (seed >> 60) as usize % 10;
            let w: String = (0..len)
                .map(|k| char::from(letters[(seed >> (k * 5)) as usize % letters.len()]))
                .collect();
            out.push(w);
        }
        out
    }

    /// The shape tests turn away no word the lookups would find: the class
    /// read through the shapes is the class looked up, and every word
    /// with a trigger class passes the trigger test.
    #[test]
    fn shape_tests_agree_with_the_lookups() {
        let mut classed = 0;
        for w in probe_words() {
            let want = LEX.class_by_lookup(&w);
            assert_eq!(LEX.class_at(&w).0, want, "`{w}`");
            let n = letter_run(w.as_bytes());
            assert_eq!(LEX.class_unmasked(&w, n), want, "`{w}`");
            // with a sentence after it, the letters are packed in one load
            let long = format!("{w} rose 5% in the year, 2021");
            let want = LEX.class_by_lookup(&long);
            assert_eq!(LEX.class_at(&long).0, want, "`{long}`");
            assert_eq!(LEX.class_unmasked(&long, n), want, "`{long}`");
            if (1..=PACKED).contains(&n) {
                let run = &w.as_bytes()[..n];
                assert_eq!(pack_word(long.as_bytes(), n), pack_letters(run), "`{w}`");
                assert_eq!(pack_word(run, n), pack_letters(run), "`{w}`");
            }
            classed += usize::from(want != 0);
            if want & TRIGGER != 0 {
                let run: Vec<u8> = w.bytes().take_while(u8::is_ascii_alphabetic).collect();
                assert!(LEX.triggers.may_hold(&run), "`{w}`");
            }
        }
        // the listed words in three cases, at least, were found
        assert!(classed >= 3 * LEX.class.len(), "{classed}");
        // and the tests do turn common words away
        assert!(LEX.class_at("Kirk").0 == 0 && !LEX.triggers.may_hold(b"with"));
    }

    #[test]
    fn lexicon_is_clean() {
        let f = &LEX.file;
        for list in [
            &f.anchor_preps,
            &f.relative,
            &f.speech,
            &f.subject_verbs,
            &f.pronouns,
        ] {
            let mut seen = std::collections::HashSet::new();
            for w in list {
                assert!(!w.is_empty() && w == &w.to_ascii_lowercase(), "`{w}`");
                assert!(seen.insert(w.as_str()), "duplicate `{w}`");
            }
        }
    }

    #[test]
    fn never_panics() {
        for s in [
            "",
            "said",
            "according to",
            "since",
            "5, said",
            "In 2021,",
            "é said 5 é",
            "5 since é",
        ] {
            let _ = run(s);
        }
    }
}
