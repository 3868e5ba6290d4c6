//! The word gate: which parsers may begin at a word.
//!
//! The scanner stops at every word of every sentence, and most words ("said",
//! "company", "which") begin no figure, no date and no multiplier. Each
//! family answers that question for a lowercase word with its own predicate
//! (`may_start_*`), which is the truth; the gate only remembers the answers
//! in a small two-way cache per thread, so a word seen before costs one
//! hash and one compare instead of three lowercasings and three lookups.
//! A word never gets an answer its families would not give: the cache holds
//! the whole key and a collision simply recomputes.
//!
//! The commonest starters ("the", "in", "a", "to") begin a date or a figure
//! only together with a second word ("the week after next", "a dozen"). The
//! gate marks them ([`DATE_NEEDS_SECOND`], [`FIGURE_NEEDS_SECOND`]) and marks
//! the words that may come second ([`SECOND_WORD`]: the date, number and
//! approximator lexicons and the grammars' literal words), so the scanner
//! skips "the company" after one more cached lookup. Some first words admit
//! fewer second words: after "in" a date needs a count
//! ([`DATE_NEEDS_COUNT`]), so "in the" is skipped too; after "a", "that",
//! "to", "another" and a few more a word of time ([`DATE_NEEDS_PERIOD`]:
//! "a year", "that summer", "to date", not "a new" or "that the"); after
//! "from" and "between" a word a date begins with ([`DATE_NEEDS_DATE`]:
//! "from May", "from the 1990s", not "from Apple"). After an approximator's
//! first word ("in", "as", "more") the scanner reads an approximator only
//! before a later word of one ([`APPROX_LATER`]: "in excess of", "more
//! than") or a figure's first word.

use std::cell::RefCell;
use std::sync::{LazyLock, OnceLock};

use super::lexicon::{self, WordMap};
use super::packed::PackedWords;
use super::{approx, context, date, multiplier, scan};

/// The gate's answer for a word: a set of the flags below, and in a gate
/// that annotates context the word's context classes ([`CONTEXT`]).
pub(super) type Flags = u32;

/// A date, period or relative expression may begin here.
pub(super) const DATE: Flags = 1;
/// A number or amount may begin here (a number word, "between", "aged").
pub(super) const FIGURE: Flags = 2;
/// An approximator may begin here ("in excess of", "as many as"), and a
/// figure after it.
pub(super) const APPROX: Flags = 8;
/// A multiplier ("doubled", "three times") may begin here.
pub(super) const MULTIPLIER: Flags = 4;
/// A date begins here only with a second word ("the", "in"): the scanner
/// looks at the next word before it tries the date parser.
pub(super) const DATE_NEEDS_SECOND: Flags = 16;
/// The word may be a date's second word, or a figure's after "a"/"an"
/// ([`date::may_continue_word`]).
pub(super) const SECOND_WORD: Flags = 32;
/// A figure begins here only with a second word ("a dozen", "an estimated
/// 500"): the scanner looks at the next word before it tries one.
pub(super) const FIGURE_NEEDS_SECOND: Flags = 64;
/// With [`DATE_NEEDS_SECOND`]: the second word must be one a number begins
/// with ([`FIGURE`]), as after "in" ("in two weeks", "in a month").
pub(super) const DATE_NEEDS_COUNT: Flags = 128;
/// With [`DATE_NEEDS_SECOND`]: the second word must be a word of time
/// ([`PERIOD_WORD`]), as after "a", "that" and "to" ("a year ago", "that
/// week", "to date"): the words of [`date::needs_period_word`].
pub(super) const DATE_NEEDS_PERIOD: Flags = 256;
/// The word may follow a word of [`DATE_NEEDS_PERIOD`] in a date
/// ([`date::is_period_word`]: a unit, a determiner, a vague count, a season,
/// "date").
pub(super) const PERIOD_WORD: Flags = 512;
/// With [`DATE_NEEDS_SECOND`]: the second word must be one a date begins
/// with ([`DATE`]), as after "from" and "between" ("from May to July").
pub(super) const DATE_NEEDS_DATE: Flags = 1024;
/// A word after the first of an approximator ("than", "excess", "of",
/// "many"): after an approximator's first word ([`APPROX`]) the scanner
/// reads one only before such a word or a figure's first word
/// ([`FIGURE`]), so "in the", "as a" and "more people" are skipped.
pub(super) const APPROX_LATER: Flags = 2048;
/// The word holds a word every multiplier needs, whole or inside it
/// ("twice", "times", "sometimes"; [`multiplier::holds_core`]): a sentence
/// where the walk meets none after a multiplier's first word is not
/// searched for one.
pub(super) const MULTIPLIER_CORE: Flags = 4096;
/// A date beginning with "the" may go on with the word
/// ([`date::may_follow_the`]: "the first", "the week"), where "the new" and
/// "the most" hold none: the scanner asks at the word after each "the" the
/// gate let through, which it has just classified.
pub(super) const AFTER_THE: Flags = 8192;
/// A second word ([`SECOND_WORD`]) a date may hold right after a run of
/// digits and spaces ([`date::may_follow_digits`]: "15 September", "3
/// days ago", "2 hundred days ago"), where "5 million", "10 pct" and "3 to"
/// hold none: the scanner tries no date at a run of digits other than a year's
/// or a compact date's (four or eight digits), or at a decimal or a grouped
/// number it begins ("5.2", "1,200"), before another plain word.
pub(super) const AFTER_DIGITS: Flags = 16384;
/// The flags the walk acts on at the word that has them: a parser may
/// begin there ([`DATE`], [`FIGURE`], [`APPROX`], [`FIGURE_NEEDS_SECOND`]),
/// or a multiplier ([`MULTIPLIER`], [`MULTIPLIER_CORE`]). The others say
/// what a word may be to the word before it, or what must follow it for
/// its [`DATE`] to hold (`DATE_NEEDS_*`): never a start by themselves.
pub(super) const ACTS: Flags =
    DATE | FIGURE | APPROX | FIGURE_NEEDS_SECOND | MULTIPLIER | MULTIPLIER_CORE;
/// The context classes of a word that may start a time anchor or an
/// attribution ([`context::word_triggers`]), in the bits above the
/// families' flags: only a gate that annotates context ([`with`]) gives
/// them, so that the scanner's walk, which classifies every word, finds
/// those words for [`context::annotate`] instead of a second walk over the
/// sentence (about 30 M instructions of a `claims` run on 5.6 MB of news).
/// The other readers of the flags test only the families' bits.
pub(super) const CONTEXT: Flags = 0xffff << CONTEXT_SHIFT;
/// Where the context classes begin in [`Flags`].
const CONTEXT_SHIFT: u32 = 16;

/// The context classes the gate gave a word with `flags`.
pub(super) fn context_classes(flags: Flags) -> u16 {
    u16::try_from(flags >> CONTEXT_SHIFT).unwrap_or(0)
}

/// Words up to this many letters are cached; longer ones (rare, and never a
/// lexicon word) are answered directly.
const KEY: usize = lexicon::PACKED;
/// Cache slots, a power of two: 65536 × 24 bytes (1.5 MB), in sets of two
/// ([`SETS`]). News prose has tens of thousands of distinct words: at
/// 16384 slots, collisions recomputed about 5% of a `check` run's
/// instructions. The whole news corpus holds 56,415 distinct words of up to
/// [`KEY`] letters; with one slot per hash (direct-mapped), the rarer words
/// kept evicting common ones and the families' predicates ran 118,868
/// times over its 4.0 M words, with two slots per hash 72,081 times (a
/// simulation of both over the corpus's word stream).
const SLOTS: usize = 65536;
/// Sets of two slots: a word may sit in either slot of the set its hash
/// picks, the one read last first.
const SETS: usize = SLOTS / 2;

/// A slot: the lowercase word, zero-padded, and its flags; all zero for an
/// empty slot (no word is empty). A tuple rather than a struct: `vec!`
/// asks the allocator for zeroed memory for a vector of zero tuples and
/// arrays, which fresh pages are, where it writes a struct's slots one by
/// one (0.33 M instructions a gate at start-up, for every run).
type Slot = ([u64; 2], Flags);

/// An empty set.
const EMPTY: [Slot; 2] = [([0; 2], 0); 2];

pub(super) struct Gate {
    /// The sets, as an array: [`set_of`] is below [`SETS`] by its type, so
    /// reading a set needs no bounds check (three instructions at every
    /// word, ~2 M of a `check` run on 5.6 MB of news).
    sets: Box<[[Slot; 2]; SETS]>,
    /// Whether the flags hold the words' context classes ([`CONTEXT`]).
    context: bool,
}

impl Gate {
    fn new(context: bool) -> Self {
        // built on the heap as a vector (an array of 1.5 MB built on the
        // stack may overflow a worker thread's), which has `SETS` sets: the
        // first conversion succeeds, where a fallback would be dead code
        let sets = loop {
            if let Ok(sets) = vec![EMPTY; SETS].into_boxed_slice().try_into() {
                break sets;
            }
        };
        Gate { sets, context }
    }

    /// The parsers that may begin at the word of `len` bytes at the start
    /// of `s`: ASCII letters, in any case. What follows the word in `s` is
    /// not read for the answer; it lets the key be loaded whole.
    ///
    /// The empty word, which the scanner never asks about, is not told
    /// apart: its key is an empty slot's, all zero, and it reads no flags
    /// from it or, in a full set, from [`compute_packed`], as [`compute`]
    /// gives it none (the test `the_empty_word_has_no_flags`).
    // at every word of every sentence: inlined into the scanner's loop, with
    // the rare miss (`compute`) kept out of line
    #[inline(always)]
    pub(super) fn classify(&mut self, s: &[u8], len: usize) -> Flags {
        let Some(word) = s.get(..len) else {
            return 0;
        };
        if len > KEY {
            return compute(word) | context_flags(self.context, word, None);
        }
        self.lookup(key(s, len), word)
    }

    /// [`Gate::classify`] of the word of `len` letters (under [`KEY`]) at
    /// the start of `chunk`, which the scanner has measured and packed to
    /// `packed` in one reading ([`lexicon::measure_packed`]): the letters
    /// are not read again but on a miss of the cache.
    #[inline(always)]
    pub(super) fn classify_packed(&mut self, packed: u128, chunk: &[u8; KEY], len: usize) -> Flags {
        self.lookup(halves(packed), chunk.get(..len).unwrap_or_default())
    }

    /// The flags of `word` (ASCII letters, up to [`KEY`] of them), whose
    /// cache key is `key`: the first slot of its set, or the rest.
    #[inline(always)]
    fn lookup(&mut self, key: [u64; 2], word: &[u8]) -> Flags {
        let set = &mut self.sets[set_of(key)];
        if set[0].0 == key {
            return set[0].1;
        }
        second_or_compute(set, key, word, self.context)
    }

    /// Whether the gate gives the words' context classes ([`CONTEXT`]).
    pub(super) fn gives_context(&self) -> bool {
        self.context
    }
}

/// [`Gate::classify`] past the first slot of `set`: the second slot, or
/// the families' answer (with the word's context classes when `context`),
/// which evicts the slot read least recently. Out of line, so that the
/// scanner's loop inlines only the first compare.
#[inline(never)]
fn second_or_compute(set: &mut [Slot; 2], key: [u64; 2], word: &[u8], context: bool) -> Flags {
    let flags = if set[1].0 == key {
        set[1].1
    } else {
        let packed = u128::from(key[0]) | u128::from(key[1]) << 64;
        compute_packed(word, packed) | context_flags(context, word, Some(packed))
    };
    // the word read last goes first, and the other second, the one evicted
    // next: written so, where swapping the two after writing the second
    // moved each slot twice
    set[1] = set[0];
    set[0] = (key, flags);
    flags
}

/// The context classes of `word` (ASCII letters, packed to `packed` when
/// it has up to [`KEY`] of them) as [`CONTEXT`] flags when `context`, else
/// none: a gate that annotates no context never reads the context lexicon.
#[inline(always)]
fn context_flags(context: bool, word: &[u8], packed: Option<u128>) -> Flags {
    if context {
        Flags::from(context::word_triggers(word, packed)) << CONTEXT_SHIFT
    } else {
        0
    }
}

/// The set of [`Gate::classify`]'s cache a key belongs to.
#[inline(always)]
fn set_of(key: [u64; 2]) -> usize {
    let h = (key[0] ^ key[1].rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    // the top bits of a multiplicative hash are the well-mixed ones
    (h >> (64 - SETS.trailing_zeros())) as usize
}

/// The cache key of the word of `len` (0 to [`KEY`]) letters at the start
/// of `s`: [`lexicon::pack_word`] (its letters lowercased, one load where
/// `KEY` bytes follow) in two halves, so that a slot keeps 8-byte alignment
/// and 24 bytes.
// inlined into `classify`: left to the compiler it became a call at every
// word, 12.5 M instructions (1.5%) of a `check` run on 5 MB of news
#[inline(always)]
fn key(s: &[u8], len: usize) -> [u64; 2] {
    halves(lexicon::pack_word(s, len))
}

/// A packed word ([`lexicon::pack_word`]) as the cache's key: its two
/// halves, low first.
#[inline(always)]
fn halves(k: u128) -> [u64; 2] {
    #[allow(clippy::cast_possible_truncation)]
    [k as u64, (k >> 64) as u64]
}

/// The flags of `word` (ASCII letters, any case), on a miss of the cache.
///
/// A word of a lexicon or a grammar is looked up in [`LISTED`], where each
/// has the answer [`families`] gives it; any other word, which is most of
/// those the cache misses (names, rare words), can hold only the flags the
/// families give by a rule rather than a list ([`unlisted`]). That is one
/// lookup and a few suffix tests where [`families`] makes about eight
/// lookups; the test `listed_words_and_rules_answer_as_the_families_do`
/// holds the two to the same answers.
///
/// A word of up to [`KEY`] letters, every word the cache misses, is looked
/// up by the packed letters the cache keys it by ([`compute_packed`]), and
/// answered without being lowercased unless it may be a plural or a "-fold"
/// word: a miss took ~430 instructions with the lowercasing, UTF-8 check
/// and string hash, ~280 without (30,400 misses on a fifth of the news
/// corpus).
#[inline(never)]
fn compute(word: &[u8]) -> Flags {
    let packable = (1..=KEY).contains(&word.len()) && word.iter().all(u8::is_ascii_alphabetic);
    if packable {
        return compute_packed(word, lexicon::pack_letters(word));
    }
    compute_lowercase(word, false)
}

/// [`compute`] of the `word` the gate has packed to `packed`
/// ([`lexicon::pack_word`]) for its cache: its letters are not read again
/// to look it up.
fn compute_packed(word: &[u8], packed: u128) -> Flags {
    if let Some(flags) = LISTED.get_packed(packed) {
        return flags;
    }
    let ends_with = |tail: &[u8]| {
        word.len() >= tail.len() && word[word.len() - tail.len()..].eq_ignore_ascii_case(tail)
    };
    // neither rule of `unlisted` for a suffix can hold: no letter needs
    // lowercasing ("s" and "fold" are letters; a key of other bytes is no
    // listed word's, and `compute_lowercase` answers those)
    let letters = all_letters(word, packed);
    if letters && !ends_with(FOLD) && (!ends_with(b"s") || !plural_of_second(packed, word)) {
        return if multiplier::holds_core(word) {
            MULTIPLIER_CORE
        } else {
            0
        };
    }
    compute_lowercase(word, letters)
}

/// Whether `word`, of up to [`KEY`] bytes, is ASCII letters, read from its
/// key `packed` ([`lexicon::pack_word`]): a byte of the key is a letter
/// exactly where the word's is ([`lexicon::letters`]), so the word's bytes
/// are its letters when the key's letters are its first `word.len()`
/// bytes (false for a longer word, which packs to no letters). Eight bytes
/// at a time, where a byte at a time cost ~70 instructions a miss of the
/// cache (2 M of a `check` run on 5.6 MB of news), and the first byte that
/// is no letter found at once, where the letters of each half were compared
/// with a mask of the word's bytes in it.
fn all_letters(word: &[u8], packed: u128) -> bool {
    #[allow(clippy::cast_possible_truncation)]
    let letters = u128::from(lexicon::letters(packed as u64))
        | u128::from(lexicon::letters((packed >> 64) as u64)) << 64;
    // the high bit of each byte that is no letter: the first is the word's
    // end when its bytes are letters (a zero byte of the padding; none
    // after a word of `KEY` letters)
    let others = !letters & (u128::MAX / 0xff * 0x80);
    usize::try_from(others.trailing_zeros() / 8).is_ok_and(|end| end == word.len())
}

/// Whether the unlisted `word` (ASCII letters ending in "s", packed to
/// `packed`) may be the plural of a date's second word, which the rule of
/// [`unlisted`] for plurals asks: false only when the word before its "s"
/// ends in no "s" itself and is not listed with [`SECOND_WORD`], which such
/// a word is exactly when [`date::may_continue_word`] finds it in its list.
/// Read by the packed letters the cache keys the word by, where
/// lowercasing it and two string lookups cost ~480 instructions (5,400
/// misses on a fifth of the news corpus end in "s", most of them plurals
/// of other words).
fn plural_of_second(packed: u128, word: &[u8]) -> bool {
    let stem = word.split_last().map_or(&[][..], |(_, stem)| stem);
    if stem.last().is_none_or(|c| c.eq_ignore_ascii_case(&b's')) {
        return true;
    }
    // the packed letters but the last (the lowest byte holds the first)
    let keep = KEY
        .checked_sub(stem.len())
        .and_then(|n| u32::try_from(8 * n).ok())
        .and_then(|n| u128::MAX.checked_shr(n));
    keep.is_none_or(|k| {
        LISTED
            .get_packed(packed & k)
            .is_some_and(|flags| flags & SECOND_WORD != 0)
    })
}

/// [`compute`] on the lowercased `word`; `unlisted_letters`: the word is
/// ASCII letters found in no list by its packed letters.
fn compute_lowercase(word: &[u8], unlisted_letters: bool) -> Flags {
    let mut short = [0u8; 64];
    let long;
    let lower: &[u8] = match short.get_mut(..word.len()) {
        Some(buf) => {
            for (l, &c) in buf.iter_mut().zip(word) {
                *l = c.to_ascii_lowercase();
            }
            buf
        }
        None => {
            long = word.to_ascii_lowercase();
            &long
        }
    };
    let Ok(w) = std::str::from_utf8(lower) else {
        return 0;
    };
    // a word of letters is listed only if it is listed by its packed letters
    if unlisted_letters {
        return unlisted(w);
    }
    if !w.bytes().all(|c| c.is_ascii_lowercase()) {
        return families(w);
    }
    if let Some(flags) = LISTED.get(w) {
        return flags;
    }
    unlisted(w)
}

/// The "-fold" ending of a multiplier's first word.
const FOLD: &[u8] = multiplier::FOLD.as_bytes();

/// The flags of a lowercase word that is in no list [`families`] reads
/// ([`LISTED`] holds them all): every family's answer is a lookup of the
/// whole word in a list, but for three rules. A date's second word may be
/// a plural of a listed one (`date::may_continue_word`), and a multiplier
/// may begin with any "-fold" word (`multiplier::may_start_word`): both
/// predicates are asked here, whole, where their suffix is there. And a
/// multiplier's core word may be inside any word ("sometimes", "Times").
fn unlisted(w: &str) -> Flags {
    let mut flags = 0;
    if multiplier::holds_core(w.as_bytes()) {
        flags |= MULTIPLIER_CORE;
    }
    if w.ends_with('s') && date::may_continue_word(w) {
        flags |= SECOND_WORD;
        if date::is_period_word(w) {
            flags |= PERIOD_WORD;
        }
        if date::may_follow_digits(w) {
            flags |= AFTER_DIGITS;
        }
    }
    if w.as_bytes().ends_with(FOLD) && multiplier::may_start_word(w) {
        flags |= MULTIPLIER;
    }
    flags
}

/// Every word of a list [`families`] reads, with its flags: the date
/// family's second words (every word of the date, number and approximator
/// lexicons and of the date grammars) and the relative expressions' first
/// words, the figure starters, the approximators' later words and the
/// multipliers' words. That no family reads a list left out here is what
/// the test `listed_words_and_rules_answer_as_the_families_do` checks, on
/// every word of the lexicon files and of the extractor's string literals.
///
/// A word's flags are asked of the families when it is first looked up,
/// not for every word at start-up: asking all 667 cost ~1.7 M instructions
/// of every run (a sixth of a run on one short record), where a run on
/// 5.6 MB of news asks about 301 of them.
static LISTED: LazyLock<Listed> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut numbers = WordMap::default();
    for w in date::listed_words()
        .chain(scan::figure_starter_words())
        .chain(APPROX_LATER_WORDS.keys().map(String::as_str))
        .chain(multiplier::starter_words())
    {
        numbers.entry(w.to_string()).or_insert_with(|| {
            words.push(w);
            words.len() - 1
        });
    }
    Listed {
        packed: PackedWords::new(numbers.iter().map(|(w, &k)| (w.as_str(), k))),
        flags: words.iter().map(|_| OnceLock::new()).collect(),
        words,
        numbers,
    }
});

/// The table of [`LISTED`]: its words, numbered, and their flags.
struct Listed {
    /// The words in their numbering.
    words: Vec<&'static str>,
    /// Each word's number.
    numbers: WordMap<usize>,
    /// The number of each word of up to [`KEY`] letters by its packed
    /// letters (every other listed word is too long for the cache, or no
    /// plain word).
    packed: PackedWords<usize>,
    /// Each word's flags, by number, once asked.
    flags: Vec<OnceLock<Flags>>,
}

impl Listed {
    /// The flags of the word numbered `k`: [`families`]' answer, asked once.
    fn flags(&self, k: usize) -> Option<Flags> {
        let (w, flags) = (self.words.get(k)?, self.flags.get(k)?);
        Some(*flags.get_or_init(|| families(w)))
    }

    /// The flags of the lowercase word `w` if it is listed.
    fn get(&self, w: &str) -> Option<Flags> {
        self.flags(*self.numbers.get(w)?)
    }

    /// The flags of the listed word that packs to `packed`, if any.
    fn get_packed(&self, packed: u128) -> Option<Flags> {
        self.flags(self.packed.get_packed(packed)?)
    }

    /// Whether the lowercase word `w` is listed.
    #[cfg(test)]
    fn holds(&self, w: &str) -> bool {
        self.numbers.contains_key(w)
    }
}

/// Asks each family about the lowercase word `w`: the truth the cache and
/// [`LISTED`] remember.
fn families(w: &str) -> Flags {
    let mut flags = 0;
    if date::may_start_word(w) {
        flags |= DATE;
        if date::needs_second_word(w) {
            flags |= DATE_NEEDS_SECOND;
        }
        if date::needs_count_word(w) {
            flags |= DATE_NEEDS_SECOND | DATE_NEEDS_COUNT;
        }
        if date::needs_period_word(w) {
            flags |= DATE_NEEDS_SECOND | DATE_NEEDS_PERIOD;
        }
        if date::needs_date_word(w) {
            flags |= DATE_NEEDS_SECOND | DATE_NEEDS_DATE;
        }
    }
    // every word of time is a second word (a test checks it): most words
    // are neither, and are not looked up twice
    if date::may_continue_word(w) {
        flags |= SECOND_WORD;
        if date::is_period_word(w) {
            flags |= PERIOD_WORD;
        }
        if date::may_follow_digits(w) {
            flags |= AFTER_DIGITS;
        }
    }
    flags |= scan::figure_starter(w);
    if APPROX_LATER_WORDS.contains_key(w) {
        flags |= APPROX_LATER;
    }
    if matches!(w, "a" | "an") {
        flags |= FIGURE_NEEDS_SECOND;
    }
    if multiplier::may_start_word(w) {
        flags |= MULTIPLIER;
    }
    if multiplier::holds_core(w.as_bytes()) {
        flags |= MULTIPLIER_CORE;
    }
    if date::may_follow_the(w) {
        flags |= AFTER_THE;
    }
    flags
}

/// The words of [`APPROX_LATER`].
static APPROX_LATER_WORDS: LazyLock<WordMap<()>> =
    LazyLock::new(|| approx::later_words().map(|w| (w, ())).collect());

thread_local! {
    static GATE: RefCell<Gate> = RefCell::new(Gate::new(false));
    static CONTEXT_GATE: RefCell<Gate> = RefCell::new(Gate::new(true));
}

/// Runs `f` with this thread's gate, the one that gives the words' context
/// classes when `context` (each has its cache, so that either answers in
/// full from it).
pub(super) fn with<R>(context: bool, f: impl FnOnce(&mut Gate) -> R) -> R {
    let gate = if context { &CONTEXT_GATE } else { &GATE };
    gate.with(|g| match g.try_borrow_mut() {
        Ok(mut g) => f(&mut g),
        // re-entered (never on the scanner's path): a fresh gate is correct,
        // only slower
        Err(_) => f(&mut Gate::new(context)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn flags(w: &str) -> Flags {
        Gate::new(false).classify(w.as_bytes(), w.len())
    }

    #[test]
    fn families_answer() {
        assert_eq!(flags("said"), 0);
        assert_eq!(flags("company"), 0);
        assert_ne!(flags("March") & DATE, 0);
        assert_ne!(flags("yesterday") & DATE, 0);
        assert_ne!(flags("between") & DATE, 0);
        assert_ne!(flags("seven") & FIGURE, 0);
        assert_ne!(flags("Nearly") & APPROX, 0);
        assert_ne!(flags("doubled") & MULTIPLIER, 0);
        assert_ne!(flags("twice") & MULTIPLIER, 0);
        assert_ne!(flags("In") & DATE_NEEDS_COUNT, 0);
        assert_eq!(flags("the") & DATE_NEEDS_COUNT, 0);
        assert_ne!(flags("two") & FIGURE, 0);
        assert_ne!(flags("an") & FIGURE, 0);
        for w in ["a", "An", "that", "to", "until", "another", "every"] {
            assert_ne!(flags(w) & DATE_NEEDS_PERIOD, 0, "{w}");
            assert_ne!(flags(w) & DATE_NEEDS_SECOND, 0, "{w}");
        }
        for w in ["from", "Between"] {
            assert_ne!(flags(w) & DATE_NEEDS_DATE, 0, "{w}");
            assert_ne!(flags(w) & DATE_NEEDS_SECOND, 0, "{w}");
        }
        assert_eq!(flags("the") & (DATE_NEEDS_PERIOD | DATE_NEEDS_DATE), 0);
        for w in [
            "year", "weeks", "few", "couple", "summer", "date", "past", "fiscal",
        ] {
            assert_ne!(flags(w) & PERIOD_WORD, 0, "{w}");
        }
        for w in ["new", "the", "a", "of", "company", "first", "may"] {
            assert_eq!(flags(w) & PERIOD_WORD, 0, "{w}");
        }
    }

    /// The words a date after "the" may go on with have [`AFTER_THE`], in
    /// any case, and others do not.
    #[test]
    fn words_after_the_are_marked() {
        let mut marked = 0;
        for w in date::after_the_words() {
            for form in [w.clone(), w.to_ascii_uppercase()] {
                assert_ne!(flags(&form) & AFTER_THE, 0, "{form}");
                marked += 1;
            }
        }
        assert!(marked > 50, "{marked} words");
        for w in ["new", "most", "company", "said"] {
            assert_eq!(flags(w) & AFTER_THE, 0, "{w}");
        }
    }

    /// [`compute`] asks for a word of time only of a second word.
    #[test]
    fn every_word_of_time_is_a_second_word() {
        for w in date::period_words() {
            assert!(date::may_continue_word(&w), "{w}");
        }
    }

    #[test]
    fn keys_hold_the_word_and_nothing_after_it() {
        let k = |s: &str, len: usize| key(s.as_bytes(), len);
        for w in ["a", "march", "abcdefgh", "abcdefghi", "abcdefghijklmnop"] {
            // the same key whether 16 bytes follow (one load) or fewer
            for tail in ["", " ", "s 2022", " 2022, the company said it had"] {
                assert_eq!(
                    k(&format!("{w}{tail}"), w.len()),
                    k(w, w.len()),
                    "{w}{tail}"
                );
            }
            // case does not matter
            assert_eq!(k(&w.to_ascii_uppercase(), w.len()), k(w, w.len()), "{w}");
        }
        // every letter of a word counts, up to the 16th
        assert_ne!(k("march", 5), k("marcx", 5));
        assert_ne!(k("march", 5), k("marc", 4));
        assert_ne!(k("abcdefgh", 8), k("abcdefgx", 8));
        assert_ne!(k("abcdefghijklmnop", 16), k("abcdefghijklmnox", 16));
        assert_ne!(k("abcdefghi", 9), k("abcdefghx", 9));
    }

    /// A new gate's sets are all empty, as the allocator zeroed them.
    #[test]
    fn a_new_gate_is_empty() {
        for context in [false, true] {
            let g = Gate::new(context);
            assert!(g.sets.iter().all(|set| *set == EMPTY));
        }
    }

    /// Three words of one set take turns in its two slots: each answer is
    /// still the computed one, and the word read last stays cached.
    #[test]
    fn words_sharing_a_set_evict_each_other_correctly() {
        let set = |w: &str| set_of(key(w.as_bytes(), w.len()));
        let target = set("march");
        let mut same = vec!["march".to_string()];
        // two more lowercase words of the same set, found by counting up
        let mut n = 0u32;
        while same.len() < 3 {
            let w: String = n
                .to_string()
                .bytes()
                .map(|d| char::from(b'a' + (d - b'0')))
                .collect();
            if set(&w) == target {
                same.push(w);
            }
            n += 1;
        }
        let k = |w: &str| key(w.as_bytes(), w.len());
        let mut g = Gate::new(false);
        let mut prev: Option<&str> = None;
        for round in 0..3 {
            for w in &same {
                assert_eq!(
                    g.classify(w.as_bytes(), w.len()),
                    compute(w.as_bytes()),
                    "{w}"
                );
                let [first, second] = g.sets[target];
                assert_eq!(first.0, k(w), "{w} in round {round}");
                // the word read before it is kept in the other slot
                assert_eq!(second.0, prev.map_or([0, 0], k), "{w} in round {round}");
                prev = Some(w);
            }
            // the one read before the last is still there: a hit, the two swap
            let (a, b) = (&same[1], &same[2]);
            assert_eq!(g.classify(a.as_bytes(), a.len()), compute(a.as_bytes()));
            assert_eq!(g.sets[target].map(|s| s.0), [k(a), k(b)]);
            prev = Some(a);
        }
    }

    /// The empty word reads no flags from either gate, from an empty slot
    /// as from a full set, as [`compute`] gives it none; and the words of
    /// its set keep their answers.
    #[test]
    fn the_empty_word_has_no_flags() {
        assert_eq!(compute(b""), 0);
        assert_eq!(families(""), 0);
        let target = set_of(key(b"", 0));
        // lowercase words of the empty word's set, found by counting up
        let words: Vec<String> = (0u32..)
            .map(|n| {
                n.to_string()
                    .bytes()
                    .map(|d| char::from(b'a' + (d - b'0')))
                    .collect::<String>()
            })
            .filter(|w| set_of(key(w.as_bytes(), w.len())) == target)
            .take(3)
            .collect();
        let mut full = 0;
        for context in [false, true] {
            let mut g = Gate::new(context);
            for round in 0..5 {
                full += usize::from(g.sets[target].iter().all(|slot| slot.0 != [0, 0]));
                assert_eq!(g.classify(b"", 0), 0, "round {round}");
                assert_eq!(g.classify(b"the", 0), 0, "round {round}");
                for w in &words[..round.min(3)] {
                    let want = compute(w.as_bytes()) | context_flags(context, w.as_bytes(), None);
                    assert_eq!(g.classify(w.as_bytes(), w.len()), want, "{w}");
                }
            }
        }
        // asked of a full set too, in both gates
        assert!(full >= 2, "{full}");
    }

    /// [`all_letters`] from the key, as the cache packs it (the word before
    /// more bytes) and as [`compute`] does, against the word's bytes one at
    /// a time: words of letters and of other bytes, those that are letters
    /// with bit 5 set ("@", "[", "`"), zero and high bytes, up to past the
    /// key's length.
    #[test]
    fn letters_read_from_the_key_are_the_words() {
        let pieces = [
            "a", "Z", "m", "Qx", "said", "Times", "over", "BRIEF", "k", "@", "[", "`", "{", "\0",
            "1", " ", "-", "\u{e9}", "\u{c1}",
        ];
        let (mut letters, mut others) = (0, 0);
        for glued in crate::testgen::glued(20_000, 12, &pieces, 0x51ed_270b) {
            let b = glued.as_bytes();
            for n in 0..=b.len().min(KEY) {
                let word = &b[..n];
                let want = word.iter().all(u8::is_ascii_alphabetic);
                // the cache's key before more bytes or at the end, and
                // the key of [`compute`]
                for k in [key(b, n), key(word, n)] {
                    let packed = u128::from(k[0]) | u128::from(k[1]) << 64;
                    assert_eq!(all_letters(word, packed), want, "{word:?}");
                }
                assert_eq!(
                    all_letters(word, lexicon::pack_letters(word)),
                    want,
                    "{word:?}"
                );
                letters += usize::from(want && n > 8);
                others += usize::from(!want && n > 8);
            }
        }
        assert!(letters > 1_000 && others > 10_000, "{letters} {others}");
    }

    /// A word of other bytes than letters the cache packs (which the
    /// scanner never asks about) has the flags [`compute`] reads from it
    /// lowercased: the listed ones ("valentine's", "a.m."), "-fold" words,
    /// plurals and glued words.
    #[test]
    fn words_of_other_bytes_answer_as_computed() {
        let pieces = [
            "valentine",
            "'s",
            "a.m",
            ".",
            "mid",
            "-",
            "fold",
            "5",
            "Times",
            "s",
            "Year",
            "new",
            "@",
            "`",
        ];
        let listed = LISTED
            .words
            .iter()
            .filter(|w| w.len() <= KEY)
            .map(|w| w.to_string());
        let glued = crate::testgen::glued(20_000, 5, &pieces, 0x2f6b_1c3d);
        let (mut tried, mut flagged) = (0, 0);
        for w in listed.chain(glued) {
            let b = w.as_bytes();
            if b.len() > KEY || b.iter().all(u8::is_ascii_alphabetic) {
                continue;
            }
            let want = compute(b);
            for form in [w.clone(), w.to_ascii_uppercase()] {
                let k = key(form.as_bytes(), form.len());
                let packed = u128::from(k[0]) | u128::from(k[1]) << 64;
                assert_eq!(compute_packed(form.as_bytes(), packed), want, "{form}");
            }
            tried += 1;
            flagged += usize::from(want != 0);
        }
        assert!(
            tried > 5_000 && flagged > 300,
            "{tried} words, {flagged} flagged"
        );
    }

    #[test]
    fn cached_answers_match_computed_ones() {
        let mut g = Gate::new(false);
        let words = [
            "the",
            "THE",
            "The",
            "march",
            "marches",
            "two",
            "twofold",
            "a",
            "an",
            "said",
            "nineteen",
            "eighteen",
            "thousandfold",
            "x",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
        ];
        // twice over, so the second round reads the cache
        for _ in 0..2 {
            for w in words {
                assert_eq!(
                    g.classify(w.as_bytes(), w.len()),
                    compute(w.as_bytes()),
                    "{w}"
                );
                // followed by more text, short and long: only the word counts
                for tail in [" ", " 2022, the company said it had", "s"] {
                    let s = format!("{w}{tail}");
                    assert_eq!(
                        g.classify(s.as_bytes(), w.len()),
                        compute(w.as_bytes()),
                        "{s}"
                    );
                }
            }
        }
    }

    /// Every lowercase word of a lexicon file or of a string literal in the
    /// extractor's sources (where the families' lists and keywords come
    /// from), with a few suffixes and a letter dropped, and words of one to
    /// three letters, all of them.
    fn words_to_try() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        let mut dirs = vec![root.join("checks/lexicon"), root.join("src/extract")];
        while let Some(dir) = dirs.pop() {
            for e in std::fs::read_dir(&dir).expect("a readable directory") {
                let path = e.expect("a directory entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    let is_source = path.extension().is_some_and(|x| x == "rs");
                    texts.push((is_source, text));
                }
            }
        }
        let mut words = std::collections::BTreeSet::new();
        for (is_source, text) in &texts {
            // a source's words inside its string literals; a lexicon's all
            let quoted: Vec<&str> = if *is_source {
                text.lines()
                    .flat_map(|l| l.split('"').skip(1).step_by(2))
                    .collect()
            } else {
                vec![text.as_str()]
            };
            for part in quoted {
                for w in part.split(|c: char| !c.is_ascii_alphabetic()) {
                    if !w.is_empty() {
                        words.insert(w.to_ascii_lowercase());
                    }
                }
            }
        }
        let listed: Vec<String> = words
            .iter()
            .cloned()
            .chain(LISTED.words.iter().map(|w| w.to_string()))
            .collect();
        for w in listed {
            for suffix in ["s", "es", "fold", "ly"] {
                words.insert(format!("{w}{suffix}"));
            }
            if w.len() > 1 {
                words.insert(w[..w.len() - 1].to_string());
            }
            words.insert(w);
        }
        let letters = || (b'a'..=b'z').map(char::from);
        for a in letters() {
            words.insert(a.to_string());
            for b in letters() {
                words.insert(format!("{a}{b}"));
                for c in letters() {
                    words.insert(format!("{a}{b}{c}"));
                }
            }
        }
        words.into_iter().collect()
    }

    /// The listed words' table and the two rules for the other words give
    /// every word the flags the families give it: the lexicons' and the
    /// grammars' words, their plurals and "-fold" forms, all short words
    /// and a spread of made-up ones.
    #[test]
    fn listed_words_and_rules_answer_as_the_families_do() {
        let mut words = words_to_try();
        assert!(words.len() > 25_000, "{} words", words.len());
        let mut seed: u64 = 7;
        for _ in 0..50_000 {
            let mut w = String::new();
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1442695040888963407);
            let len = 4 + (seed >> 60) as usize % 9;
            for k in 0..len {
                let c = b'a' + ((seed >> (k * 5 % 55)) % 26) as u8;
                w.push(char::from(c));
            }
            words.push(w);
        }
        // words holding a multiplier's core word, most of them in no list
        for core in [
            "times", "fold", "double", "triple", "treble", "halve", "twice", "thrice",
        ] {
            for pre in ["", "some", "re", "x"] {
                for post in ["", "s", "d", "r", "header"] {
                    words.push(format!("{pre}{core}{post}"));
                }
            }
        }
        // past the cache's key and past the stack buffer a miss lowercases in
        for n in [KEY + 1, 63, 64, 65, 80] {
            for tail in ["fold", "times", "s", "x"] {
                words.push(format!("{}{tail}", "q".repeat(n - tail.len())));
            }
        }
        let (mut flagged, mut plurals, mut folds, mut cores) = (0, 0, 0, 0);
        let mut other_plurals = 0;
        for w in &words {
            let want = families(w);
            flagged += usize::from(want != 0);
            if !LISTED.holds(w) {
                plurals += usize::from(want & SECOND_WORD != 0);
                // plurals [`plural_of_second`] answers from the packed letters
                other_plurals += usize::from(
                    w.len() <= KEY
                        && w.ends_with('s')
                        && !w.ends_with("ss")
                        && want & SECOND_WORD == 0,
                );
                folds += usize::from(want & MULTIPLIER != 0);
                cores += usize::from(want & MULTIPLIER_CORE != 0);
            }
            assert_eq!(compute(w.as_bytes()), want, "{w}");
            let upper = w.to_ascii_uppercase();
            assert_eq!(compute(upper.as_bytes()), want, "{upper}");
        }
        // the rules for unlisted words were tried on words they flag
        assert!(
            plurals > 100 && folds > 100 && cores > 100 && other_plurals > 1_000,
            "{plurals} plurals, {other_plurals} plurals of other words, {folds} folds, \
             {cores} holding a core word"
        );
        assert!(flagged > 3_000, "{flagged} flagged words");
    }
}
