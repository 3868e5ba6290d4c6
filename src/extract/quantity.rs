//! What follows a number: percent signs and words, units of measure
//! (`checks/lexicon/units.toml`), counted nouns ("2,000 people"), the age
//! forms ("45 years old", "a 45-year-old"), and the thing measured ("of
//! Russian oil").
//!
//! Every matcher takes the prose offset where the number ended and returns
//! where its own match ends; none looks further than the sentence.

use std::sync::LazyLock;

use serde::Deserialize;

use super::ClaimKind;
use super::lexicon::{
    self, PACKED, ShapeMask, WordBuf, WordMap, alnum_head, leading_letters, letters_end,
    lower_word, match_exact, match_phrase, pack_word, spaces,
};
use super::money;
use super::number::{match_found, word_of_run};
use super::packed::{PackedLists, PackedWords};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    unit: Vec<UnitEntry>,
    noun: Vec<NounEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitEntry {
    name: String,
    kind: String,
    words: Vec<String>,
    symbols: Vec<String>,
    /// Symbols taken only glued to the digits: "35C" (a spaced "5 C" is a
    /// grade or a name as often).
    #[serde(default)]
    glued: Vec<String>,
    /// The smaller unit that may follow a figure in this one.
    #[serde(default)]
    part: Option<Part>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Part {
    /// Its name ("inch").
    unit: String,
    /// How many make one of the larger unit (12).
    per: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NounEntry {
    name: String,
    forms: Vec<String>,
}

struct Units {
    units: Vec<UnitEntry>,
    /// Per unit, the index of its first glued-only symbol.
    glued_from: Vec<usize>,
    kinds: Vec<ClaimKind>,
    /// First lowercase word → (unit, word), longest first: what
    /// `words_packed` holds, kept for the tests.
    #[cfg(test)]
    words: WordMap<Vec<(usize, usize)>>,
    /// First byte → the length of the symbol's [`alnum_head`] → (unit,
    /// symbol), longest first.
    symbols: Vec<Vec<Vec<(usize, usize)>>>,
    /// The shapes of the keys of `words`: most words after a figure are
    /// turned away before any lookup.
    word_shapes: ShapeMask,
    /// `words` by its keys' packed letters, looked up in any case without
    /// lowercasing a copy or hashing it; every key packs (a test sees to
    /// it).
    words_packed: PackedLists<(usize, usize)>,
    /// Noun form → noun: what `nouns_packed` holds, kept for the tests.
    #[cfg(test)]
    nouns: WordMap<usize>,
    /// `nouns` by their packed letters, as `words_packed`.
    nouns_packed: PackedWords<usize>,
    /// The shapes of the keys of `nouns`.
    noun_shapes: ShapeMask,
    noun_names: Vec<String>,
    /// Unit name → index.
    by_name: WordMap<usize>,
    /// What [`may_follow`] lets through.
    tails: Tails,
}

/// What the readers of what follows a number ([`percent`],
/// [`money::suffix`], [`unit`], [`noun`]) may begin to read at, after the
/// spaces, and which of them: most figures are followed by a word none of
/// them knows ("of", "to", "in") or by a mark, and most of the others by a
/// word one of them knows ("pct", "dlrs", "years", "people"), where each
/// reader before it read the word afresh to find nothing.
struct Tails {
    /// The readers whose words, symbols and codes begin with a run of
    /// letters, by the run (lowercase) when it packs.
    words: PackedWords<Readers>,
    /// Per byte other than a letter: the readers with a word, symbol or
    /// code that begins with it, or that read on after it (a hyphen, a
    /// bracket).
    bytes: [Readers; 256],
}

/// A set of the readers of what follows a number ([`may_follow`]).
pub(crate) type Readers = u8;
pub(crate) const PERCENT: Readers = 1;
pub(crate) const SUFFIX: Readers = 2;
pub(crate) const UNIT: Readers = 4;
pub(crate) const NOUN: Readers = 8;
const ALL: Readers = PERCENT | SUFFIX | UNIT | NOUN;

impl Tails {
    /// The table of the readers' `forms`: each reader's words, symbols
    /// and codes. After a hyphen any of them may read on, after a
    /// bracket [`unit`].
    fn new<'w>(forms: impl Iterator<Item = (Readers, &'w str)>) -> Tails {
        let mut bytes = [0; 256];
        bytes[usize::from(b'-')] = ALL;
        for b in "([{<".bytes() {
            bytes[usize::from(b)] = UNIT;
        }
        let mut runs: WordMap<Readers> = WordMap::default();
        for (readers, f) in forms {
            match f.as_bytes().first() {
                Some(c) if c.is_ascii_alphabetic() => {
                    let run = f[..leading_letters(f).len()].to_ascii_lowercase();
                    *runs.entry(run).or_default() |= readers;
                }
                Some(&c) => bytes[usize::from(c)] |= readers,
                None => {}
            }
        }
        let words = PackedWords::new(runs.iter().map(|(w, &r)| (w.as_str(), r)));
        Tails { words, bytes }
    }
}

static UNITS: LazyLock<Units> = LazyLock::new(|| {
    let mut file: File = lexicon::parse("units", include_str!("../../checks/lexicon/units.toml"));
    // glued-only symbols follow the others; `glued_from` says where
    let glued_from: Vec<usize> = file.unit.iter().map(|u| u.symbols.len()).collect();
    for u in &mut file.unit {
        let g = std::mem::take(&mut u.glued);
        u.symbols.extend(g);
    }
    let mut words: WordMap<Vec<(usize, usize)>> = WordMap::default();
    let mut symbols = vec![Vec::new(); 256];
    let mut kinds = Vec::new();
    for (i, u) in file.unit.iter().enumerate() {
        kinds.push(match u.kind.as_str() {
            "temperature" => ClaimKind::Temperature,
            "duration" => ClaimKind::Duration,
            _ => ClaimKind::Quantity,
        });
        for (j, w) in u.words.iter().enumerate() {
            let first: String = w
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .collect::<String>()
                .to_ascii_lowercase();
            words.entry(first).or_default().push((i, j));
        }
        for (j, s) in u.symbols.iter().enumerate() {
            if let Some(&c) = s.as_bytes().first() {
                symbols[usize::from(c)].push((i, j, alnum_head(s)));
            }
        }
    }
    for v in words.values_mut() {
        v.sort_by_key(|&(i, j)| std::cmp::Reverse(file.unit[i].words[j].len()));
    }
    for v in &mut symbols {
        v.sort_by_key(|&(i, j, _)| std::cmp::Reverse(file.unit[i].symbols[j].len()));
    }
    // by head within each first byte, the order kept
    let symbols: Vec<Vec<Vec<(usize, usize)>>> = symbols
        .into_iter()
        .map(|v| {
            let mut by_head = vec![Vec::new(); v.iter().map(|e| e.2 + 1).max().unwrap_or(0)];
            for (i, j, head) in v {
                by_head[head].push((i, j));
            }
            by_head
        })
        .collect();
    let mut nouns = WordMap::default();
    let mut noun_names = Vec::new();
    for (i, n) in file.noun.iter().enumerate() {
        noun_names.push(n.name.clone());
        for f in &n.forms {
            nouns.insert(f.clone(), i);
        }
    }
    let word_shapes = words.keys().collect();
    let noun_shapes = nouns.keys().collect();
    let words_packed = PackedLists::new(words.iter().map(|(w, l)| (w.as_str(), l.as_slice())));
    let nouns_packed = PackedWords::new(nouns.iter().map(|(w, &i)| (w.as_str(), i)));
    let by_name = file
        .unit
        .iter()
        .enumerate()
        .map(|(i, u)| (u.name.clone(), i))
        .collect();
    let tails = Tails::new(
        file.unit
            .iter()
            .flat_map(|u| u.words.iter().chain(&u.symbols))
            .map(|f| (UNIT, f.as_str()))
            .chain(
                file.noun
                    .iter()
                    .flat_map(|n| &n.forms)
                    .map(|f| (NOUN, f.as_str())),
            )
            .chain(PERCENT_WORDS.iter().map(|&(w, _)| (PERCENT, w)))
            .chain(PERCENT_SIGNS.map(|w| (PERCENT, w)))
            .chain(money::suffix_forms().map(|f| (SUFFIX, f))),
    );
    Units {
        by_name,
        glued_from,
        units: file.unit,
        kinds,
        #[cfg(test)]
        words,
        word_shapes,
        words_packed,
        symbols,
        #[cfg(test)]
        nouns,
        nouns_packed,
        noun_shapes,
        noun_names,
        tails,
    }
});

/// A unit after a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Unit {
    /// Canonical singular name ("barrel", "celsius").
    pub name: &'static str,
    pub kind: ClaimKind,
    pub start: usize,
    pub end: usize,
    /// Written as a word ("pounds"), not a symbol ("lb").
    pub word: bool,
}

/// Every phrase this module matches, for tests: the unit words and
/// symbols, the nouns' forms, the percent words and the periods.
#[cfg(test)]
pub(crate) fn phrases() -> impl Iterator<Item = &'static str> {
    let u: &'static Units = &UNITS;
    u.units
        .iter()
        .flat_map(|x| x.words.iter().chain(&x.symbols))
        .chain(u.nouns.keys())
        .map(String::as_str)
        .chain(PERCENT_WORDS.iter().map(|(w, _)| *w))
        .chain(PERIODS)
}

/// Which of [`percent`], [`money::suffix`], [`unit`] and [`noun`] may read
/// anything at `pos`, the end of a number: none at the sentence's end
/// `end`; where spaces and a letter are followed by a run of letters, those
/// with a word, symbol or code that begins with the run ("pct": percent;
/// "of", "to": none; all where the run is joined to a digit or to another
/// script, or too long to look up); where the byte after the spaces is
/// another, those with one that begins with it or that read on after it
/// (",", ".", ")": none). All anywhere else. About half the numbers the
/// scanner reads are followed by nothing any of them reads.
pub(crate) fn may_follow(text: &str, pos: usize, end: usize) -> Readers {
    let t = &UNITS.tails;
    let Some(b) = text.as_bytes().get(..end) else {
        return ALL;
    };
    let gap = b.get(pos..).map_or(0, |r| {
        r.iter().take_while(|&&c| c == b' ' || c == b'\t').count()
    });
    let at = pos + gap;
    let Some(&c) = b.get(at) else {
        return 0;
    };
    if !c.is_ascii_alphabetic() {
        return t.bytes[usize::from(c)];
    }
    let n = letters_end(b, at) - at;
    if gap == 0
        || n > PACKED
        || b.get(at + n)
            .is_some_and(|c| c.is_ascii_digit() || *c >= 0x80)
    {
        return ALL;
    }
    t.words.get_packed(pack_word(&b[at..], n)).unwrap_or(0)
}

/// The signs of a percentage: what [`percent`] reads where no letter
/// follows the number.
const PERCENT_SIGNS: [&str; 2] = ["%", "％"];

/// "%", "percent", "per cent", "pct" → `%`; "percentage points" → `pp`.
/// Returns the unit and the end of the match.
pub(crate) fn percent(text: &str, pos: usize, end: usize) -> Option<(&'static str, usize)> {
    let s = text.get(pos..end)?;
    let gap = spaces(s);
    let r = &s[gap..];
    if r.starts_with('%') || r.starts_with('％') {
        let n = if r.starts_with('%') {
            1
        } else {
            '％'.len_utf8()
        };
        let e = pos + gap + n;
        return Some(("%", e + per_period(text, e, end)));
    }
    if gap == 0 && !s.starts_with('-') {
        return None;
    }
    let r = if gap == 0 { &s[1..] } else { r };
    // every one of `PERCENT_WORDS` begins with "per" or "pct" (a test holds
    // them to it); the word after most figures is another word, and the
    // commonest after "p" are "people" and "points"
    let head = r
        .as_bytes()
        .get(..3)
        .map(|h| [h[0] | 0x20, h[1] | 0x20, h[2] | 0x20]);
    if !matches!(head, Some([b'p', b'e', b'r'] | [b'p', b'c', b't'])) {
        return None;
    }
    let at = pos + (s.len() - r.len());
    // A phrase matches only where its first word is the whole run of
    // letters `r` begins with (a space or no letter or digit follows it),
    // so a phrase whose first word has another length is not tried: after
    // "percent" one phrase is, not five.
    let run = leading_letters(r).len();
    for (&(phrase, unit), &first) in PERCENT_WORDS.iter().zip(&PERCENT_FIRST) {
        if first != run {
            continue;
        }
        if let Some(n) = match_phrase(r, phrase, true) {
            // "5-percent" is an adjective; "percent" after a hyphen only so
            if gap == 0 && unit != "%" {
                continue;
            }
            return Some((unit, at + n + per_period(text, at + n, end)));
        }
    }
    None
}

/// The words of a percentage after its number, in the order [`percent`]
/// tries them, with the unit each gives. All begin with "p", which
/// [`percent`] tests first.
const PERCENT_WORDS: [(&str, &str); 9] = [
    ("percentage points", "pp"),
    ("percentage point", "pp"),
    ("pct points", "pp"),
    ("pct point", "pp"),
    ("percent", "%"),
    ("percents", "%"),
    ("per cent", "%"),
    ("pct", "%"),
    ("percentage", "%"),
];

/// The length of the first word of each of [`PERCENT_WORDS`].
const PERCENT_FIRST: [usize; PERCENT_WORDS.len()] = {
    let mut t = [0; PERCENT_WORDS.len()];
    let mut k = 0;
    while k < t.len() {
        let b = PERCENT_WORDS[k].0.as_bytes();
        while t[k] < b.len() && b[t[k]] != b' ' {
            t[k] += 1;
        }
        k += 1;
    }
    t
};

/// The phrases of [`per_period`], in the order it tries them. Each is a
/// space and a word beginning with "a" or "p".
const PERIODS: [&str; 6] = [
    " a year",
    " per year",
    " per annum",
    " a month",
    " per month",
    " annually",
];

/// " a year", " per annum" after a percentage ("4 per cent a year"): the
/// length to add to its span. The unit stays `%`: a yearly rate is still a
/// percentage, and "a year" is what the figure's time is.
fn per_period(text: &str, pos: usize, end: usize) -> usize {
    let Some(s) = text.get(pos..end) else {
        return 0;
    };
    // every phrase is spaces and a word beginning with "a" or "p": most
    // percentages are followed by another word or a mark
    let gap = spaces(s);
    if gap == 0 || !matches!(s.as_bytes().get(gap).map(|c| c | 0x20), Some(b'a' | b'p')) {
        return 0;
    }
    PERIODS
        .iter()
        .find_map(|p| match_phrase(s, p, true))
        .unwrap_or(0)
}

/// A unit after the number ending at `pos`: a word after a space or hyphen
/// ("13 million barrels", "3-inch"), or a symbol glued or after a space
/// ("200lbs", "5 kg", "°C"). One-character symbols need the space.
pub(crate) fn unit(text: &str, pos: usize, end: usize) -> Option<Unit> {
    let s = text.get(pos..end)?;
    let u: &'static Units = &UNITS;
    let gap = spaces(s);
    let hyphen = gap == 0 && s.starts_with('-');
    // a unit in brackets after a space: "20 (kg)", "20 [kg]"
    let close = match s.as_bytes().get(gap) {
        Some(b'(') if gap > 0 => Some(b')'),
        Some(b'[') if gap > 0 => Some(b']'),
        Some(b'{') if gap > 0 => Some(b'}'),
        Some(b'<') if gap > 0 => Some(b'>'),
        _ => None,
    };
    let off = if hyphen {
        1
    } else {
        gap + usize::from(close.is_some())
    };
    let r = &s[off..];
    let run = leading_letters(r);
    let mut best: Option<Unit> = None;
    let mut consider = |name: &'static str, kind: ClaimKind, n: usize, word: bool| {
        let e = pos + off + n;
        if best.is_none_or(|b| e > b.end) {
            best = Some(Unit {
                name,
                kind,
                start: pos + off,
                end: e,
                word,
            });
        }
    };
    if off > 0 {
        for &(i, j) in unit_words(r, run) {
            if let Some(n) = match_found(r, run.len(), &u.units[i].words[j]) {
                consider(u.units[i].name.as_str(), u.kinds[i], n, true);
            }
        }
    }
    if !r.is_empty() {
        for &(i, j) in unit_symbols(r, run) {
            let sym = u.units[i].symbols[j].as_str();
            let Some(n) = match_exact(r, sym) else {
                continue;
            };
            let decimal = text[..pos]
                .bytes()
                .rev()
                .take_while(u8::is_ascii_digit)
                .count()
                > 0
                && text[..pos]
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .ends_with('.');
            // glued-only symbols end a clause or stand before a space:
            // "14.7C/ per security" is cents
            let glued_only = j >= u.glued_from[i];
            let clean_end = r[n..].chars().next().is_none_or(|c| {
                c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | ')' | '!' | '?')
            });
            if glued_only && (gap > 0 || hyphen || close.is_some() || !clean_end) {
                continue;
            }
            if !glued_only
                && sym.len() == 1
                && gap == 0
                && (hyphen || !glued_letter(sym, &r[n..], decimal))
            {
                continue;
            }
            // a symbol is a whole token: "5 ms" but not "5 msg", "5 m." fine
            if !lexicon::ends_word(r, n) || r[n..].starts_with('-') {
                continue;
            }
            consider(u.units[i].name.as_str(), u.kinds[i], n, false);
        }
    }
    if let Some(c) = close {
        // the bracket must close right after the unit, inside `..end`
        let b = best?;
        if b.end >= end || text.as_bytes().get(b.end) != Some(&c) {
            return None;
        }
        best = Some(Unit {
            end: b.end + 1,
            ..b
        });
    }
    best
}

/// The unit words (unit, word) whose first word `r` begins with, as
/// written, longest first; `run` is the run of letters `r` begins with
/// ([`leading_letters`]).
fn unit_words(r: &str, run: &[u8]) -> &'static [(usize, usize)] {
    let u: &'static Units = &UNITS;
    if !u.word_shapes.may_hold(run) {
        return &[];
    }
    // looked up in the prose, which lets a short word be read in one load
    word_of_run(r, run).map_or(&[], |w| u.words_packed.get(r.as_bytes(), w.len()))
}

/// The symbols (unit, symbol) that may stand at the start of `r`, longest
/// first. A symbol is taken only where no letter or digit follows it (the
/// last test of [`unit`]), so its head of ASCII letters and digits is the
/// whole head of `r`: after "5", "million" is compared with none of the
/// 24 symbols that begin with "m". A head longer than the longest
/// symbol's has none, whatever its length: it is counted no further.
/// `run`, the run of letters `r` begins with ([`leading_letters`]), is
/// the head where no digit follows it, which most words are: the bytes
/// are counted again only before a digit.
fn unit_symbols(r: &str, run: &[u8]) -> &'static [(usize, usize)] {
    let u: &'static Units = &UNITS;
    let Some(&c) = r.as_bytes().first() else {
        return &[];
    };
    let by_head = &u.symbols[usize::from(c)];
    let head = if r.as_bytes().get(run.len()).is_some_and(u8::is_ascii_digit) {
        r.bytes()
            .take(by_head.len())
            .take_while(u8::is_ascii_alphanumeric)
            .count()
    } else {
        run.len().min(by_head.len())
    };
    by_head.get(head).map_or(&[][..], Vec::as_slice)
}

/// Words after a length that say it is one: "1.8m tall", "48m long".
const DIMENSION_WORDS: [&str; 12] = [
    "tall", "long", "high", "wide", "deep", "thick", "away", "across", "below", "above", "deeper",
    "higher",
];

/// Whether a one-letter symbol glued to digits is the unit: "100t", "500g",
/// "2l" always but before a hyphen; "s" after a decimal ("28.9s", while
/// "80s" are decades); "m" is as often "million" ("5m people"), so only
/// before a word that makes it a length ("1.8m tall"). `decimal`: the
/// number has a decimal point.
fn glued_letter(sym: &str, after: &str, decimal: bool) -> bool {
    if after.starts_with('-') {
        return false;
    }
    match sym {
        "t" | "g" | "l" => true,
        // "28.9s"; "80s" are decades
        "s" => decimal,
        "m" => {
            let gap = spaces(after);
            let mut buf = WordBuf::new();
            gap > 0
                && lower_word(&after[gap..], &mut buf).is_some_and(|(w, n)| {
                    DIMENSION_WORDS.contains(&w) && lexicon::ends_word(&after[gap..], n)
                })
        }
        _ => false,
    }
}

/// A counted noun after a space: "2,000 people" → ("person", noun span).
pub(crate) fn noun(text: &str, pos: usize, end: usize) -> Option<(&'static str, usize, usize)> {
    let s = text.get(pos..end)?;
    let gap = spaces(s);
    if gap == 0 {
        return None;
    }
    let u: &'static Units = &UNITS;
    let run = leading_letters(&s[gap..]);
    if !u.noun_shapes.may_hold(run) {
        return None;
    }
    let w = word_of_run(&s[gap..], run)?;
    let n = w.len();
    if !lexicon::ends_word(s, gap + n) {
        return None;
    }
    let i = u.nouns_packed.get(&s.as_bytes()[gap..], n)?;
    Some((u.noun_names[i].as_str(), pos + gap, pos + gap + n))
}

/// A second part after a figure in unit `name` ending at `pos`: the
/// smaller unit the lexicon names for it ("5 ft 2 in", "1 hour and 30
/// minutes", "2 years 3 months"), or a half or quarter of the unit ("one
/// hour and a half", "one hour and half", "one year and a quarter").
/// Returns what it adds and its step, both in unit `name`, and its end.
/// The part must be smaller than one of the unit ("5 feet 20 inches" is
/// two figures).
pub(crate) fn part_after(
    text: &str,
    name: &str,
    pos: usize,
    end: usize,
) -> Option<(f64, f64, usize)> {
    let u: &'static Units = &UNITS;
    let part = u.units[*u.by_name.get(name)?].part.as_ref()?;
    let s = text.get(pos..end)?;
    let mut at = spaces(s);
    if at == 0 || at >= s.len() {
        return None;
    }
    let and = match_phrase(&s[at..], "and", true);
    if let Some(n) = and {
        let g = spaces(&s[at + n..]);
        if g == 0 || at + n + g >= s.len() {
            return None;
        }
        at += n + g;
        if let Some((v, n)) = half_or_quarter(&s[at..]) {
            return Some((v, v, pos + at + n));
        }
    }
    let b = s.as_bytes()[at];
    if !(b.is_ascii_digit() || b.is_ascii_alphabetic()) {
        return None;
    }
    let n = super::number::parse(text, pos + at, end, false)?;
    if n.ordinal || n.ratio || n.scale != 1.0 || !(n.value > 0.0 && n.value < part.per) {
        return None;
    }
    let e = match unit(text, n.end, end) {
        // "2 weeks and 2 days ago": the second part dates something
        Some(x) if x.name == part.unit && !ago(text, x.end, end) => x.end,
        Some(_) => return None,
        // "5 ft 2 in": "in" names inches only in this place, and not
        // before what "in" as a word takes ("2 in the morning")
        None if part.unit == "inch" => inch_word(text, n.end, end)?,
        None => return None,
    };
    Some((n.value / part.per, n.step / part.per, e))
}

/// True when " ago" follows `pos`.
fn ago(text: &str, pos: usize, end: usize) -> bool {
    text.get(pos..end).is_some_and(|s| {
        let g = spaces(s);
        g > 0 && match_phrase(&s[g..], "ago", true).is_some()
    })
}

/// " a half", " half", " a quarter" at the start of `s` (after "and"):
/// the fraction and the length matched. Not before a hyphen ("a
/// half-hour") or a noun phrase ("and half the day").
fn half_or_quarter(s: &str) -> Option<(f64, usize)> {
    let mut at = 0;
    if let Some(n) = match_phrase(s, "a", true) {
        at = n + spaces(&s[n..]);
        if at == n {
            return None;
        }
    }
    let (v, n) = if let Some(n) = match_phrase(&s[at..], "half", true) {
        (0.5, n)
    } else if at > 0
        && let Some(n) = match_phrase(&s[at..], "quarter", true)
    {
        (0.25, n)
    } else {
        return None;
    };
    let e = at + n;
    if s[e..].starts_with('-') {
        return None;
    }
    let rest = &s[e..];
    let g = spaces(rest);
    let mut buf = WordBuf::new();
    if g > 0
        && let Some((w, _)) = lower_word(&rest[g..], &mut buf)
        && (determiner(w) || w == "of")
    {
        return None;
    }
    Some((v, e))
}

/// Words that begin a noun phrase: after "in" they make it the preposition.
fn determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "my"
            | "our"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
            | "which"
            | "what"
            | "each"
            | "every"
    )
}

/// " in" or " in." after the inches of "5 ft 2 in": its end.
fn inch_word(text: &str, pos: usize, end: usize) -> Option<usize> {
    let s = text.get(pos..end)?;
    let g = spaces(s);
    if g == 0 {
        return None;
    }
    let n = match_phrase(&s[g..], "in", true)?;
    let rest = &s[g + n..];
    let gap = spaces(rest);
    let mut buf = WordBuf::new();
    if gap > 0
        && let Some((w, _)) = lower_word(&rest[gap..], &mut buf)
        && determiner(w)
    {
        return None;
    }
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(pos + g + n)
}

/// After a duration unit: " old", " of age" make it an age; "-old" after a
/// hyphenated unit ("45-year-old"). Returns the end of the age words.
pub(crate) fn age_after(text: &str, pos: usize, end: usize) -> Option<usize> {
    let s = text.get(pos..end)?;
    // "45-year-old", and the plural noun "18-year-olds"
    if let Some(n) = match_phrase(s, "-old", true).or_else(|| match_phrase(s, "-olds", true)) {
        return Some(pos + n);
    }
    let gap = spaces(s);
    if gap == 0 {
        return None;
    }
    ["old", "of age"]
        .iter()
        .find_map(|p| match_phrase(&s[gap..], p, true))
        .map(|n| pos + gap + n)
}

/// Words that end a measured noun phrase: prepositions, conjunctions, verbs
/// that start a predicate.
fn stops(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "to"
            | "from"
            | "since"
            | "for"
            | "by"
            | "with"
            | "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "who"
            | "as"
            | "than"
            | "this"
            | "last"
            | "was"
            | "were"
            | "is"
            | "are"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "per"
            | "a"
            | "an"
            | "of"
            | "over"
            | "into"
            | "up"
            | "down"
            | "compared"
            | "versus"
            | "vs"
            | "during"
            | "after"
            | "before"
            | "until"
            | "while"
            | "when"
    )
}

/// "of Russian oil" after a unit: the span of the noun phrase, at most four
/// words, stopping at punctuation, digits and function words.
pub(crate) fn measured_of(text: &str, pos: usize, end: usize) -> Option<(usize, usize)> {
    let s = text.get(pos..end)?;
    let gap = spaces(s);
    if gap == 0 {
        return None;
    }
    let n = match_phrase(&s[gap..], "of", true)?;
    let mut at = gap + n;
    let start = at + spaces(&s[at..]);
    let mut last_end = None;
    let mut words = 0;
    while words < 4 {
        let g = spaces(&s[at..]);
        if g == 0 {
            break;
        }
        let mut buf = WordBuf::new();
        let Some((w, len)) = lower_word(&s[at + g..], &mut buf) else {
            break;
        };
        if stops(w) || (words > 0 && w == "the") {
            break;
        }
        let mut e = at + g + len;
        // hyphenated and possessive words: "crude-oil", "India's"
        while let Some(rest) = s.get(e..) {
            let b = rest.as_bytes();
            if b.len() >= 2 && (b[0] == b'-' || b[0] == b'\'') && b[1].is_ascii_alphabetic() {
                let mut buf2 = WordBuf::new();
                match lower_word(&rest[1..], &mut buf2) {
                    Some((_, l)) => e += 1 + l,
                    None => break,
                }
            } else {
                break;
            }
        }
        at = e;
        if w != "the" {
            last_end = Some(at);
        }
        words += 1;
    }
    last_end.map(|e| (pos + start, pos + e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn unit_is(s: &str, name: &str, kind: ClaimKind, text: &str) {
        let u = unit(s, 0, s.len()).unwrap_or_else(|| panic!("no unit in `{s}`"));
        assert_eq!(
            (u.name, u.kind, &s[u.start..u.end]),
            (name, kind, text),
            "`{s}`"
        );
    }

    #[track_caller]
    fn no_unit(s: &str) {
        assert_eq!(unit(s, 0, s.len()), None, "`{s}`");
    }

    #[test]
    fn a_bracketed_unit_closes_inside_the_end() {
        unit_is(" (kg) now", "kilogram", ClaimKind::Quantity, "kg)");
        // the text goes on past `end` with the bracket: the unit does not
        let s = " (kg) now";
        assert_eq!(unit(s, 0, 4), None, "`{}` of `{s}`", &s[..4]);
    }

    #[test]
    fn units_by_word_and_symbol() {
        unit_is(
            " barrels of oil",
            "barrel",
            ClaimKind::Quantity,
            "barrels of oil",
        );
        unit_is(
            " barrels a day",
            "barrel per day",
            ClaimKind::Quantity,
            "barrels a day",
        );
        unit_is(" bpd", "barrel per day", ClaimKind::Quantity, "bpd");
        unit_is("lbs.", "pound", ClaimKind::Quantity, "lbs");
        unit_is("ml", "millilitre", ClaimKind::Quantity, "ml");
        unit_is("-inch thickness", "inch", ClaimKind::Quantity, "inch");
        unit_is(
            " square meters",
            "square metre",
            ClaimKind::Quantity,
            "square meters",
        );
        unit_is(" m", "metre", ClaimKind::Quantity, "m");
        unit_is("°C", "celsius", ClaimKind::Temperature, "°C");
        unit_is(
            " degrees Celsius",
            "celsius",
            ClaimKind::Temperature,
            "degrees Celsius",
        );
        unit_is(" deg c", "celsius", ClaimKind::Temperature, "deg c");
        unit_is("C and", "celsius", ClaimKind::Temperature, "C");
        no_unit(" C and");
        no_unit("C/ per");
        unit_is(" degrees", "degree", ClaimKind::Quantity, "degrees");
        unit_is(" years", "year", ClaimKind::Duration, "years");
        unit_is(" km/h", "kilometre per hour", ClaimKind::Quantity, "km/h");
        unit_is(" kWh", "kilowatt hour", ClaimKind::Quantity, "kWh");
        no_unit("m");
        no_unit("G");
        no_unit(" meterage");
        no_unit(" msg");
        no_unit(" people");
    }

    #[track_caller]
    fn part(s: &str, unit: &str, add: f64, text: &str) {
        let (v, _, e) = part_after(s, unit, 0, s.len())
            .unwrap_or_else(|| panic!("no part after `{unit}` in `{s}`"));
        assert!((v - add).abs() < 1e-12, "`{s}`: {v}");
        assert_eq!(&s[..e], text);
    }

    #[test]
    fn parts_of_units() {
        part(" 2 in more or less", "foot", 2.0 / 12.0, " 2 in");
        part(" 2 in", "foot", 2.0 / 12.0, " 2 in");
        part(" 2 inches", "foot", 2.0 / 12.0, " 2 inches");
        part(" and 30 minutes", "hour", 0.5, " and 30 minutes");
        part(" and a half is", "hour", 0.5, " and a half");
        part(" and half is", "hour", 0.5, " and half");
        part(" and a quarter gap", "year", 0.25, " and a quarter");
        part(" 3 months", "year", 0.25, " 3 months");
        let none = |s: &str, u: &str| assert_eq!(part_after(s, u, 0, s.len()), None, "`{s}`");
        none(" 2 in the morning", "foot");
        none(" 20 inches", "foot");
        none(" and 90 minutes", "hour");
        none(" and half the day", "hour");
        none(" and a half-hour", "hour");
        none(" and 5 people", "hour");
        none(" and 2 days ago", "week");
        none(" 2 in", "metre");
        none(" and a quarter", "barrel");
        none(" and quarter", "hour");
        none(" and", "hour");
        none(" ", "hour");
    }

    /// Every symbol of the lexicon, after a number and a space and before
    /// a full stop or a space, is read whole: the head filter of [`unit`]
    /// passes each symbol where it stands.
    #[test]
    fn every_symbol_is_read_after_a_space() {
        let u = &*UNITS;
        let mut tried = 0;
        for (i, unit) in u.units.iter().enumerate() {
            for sym in &unit.symbols[..u.glued_from[i]] {
                for after in [".", " of"] {
                    let text = format!("5 {sym}{after}");
                    let found = super::unit(&text, 1, text.len());
                    assert_eq!(
                        found.map(|f| f.end),
                        Some(2 + sym.len()),
                        "{text:?}: {found:?}"
                    );
                    tried += 1;
                }
            }
        }
        assert!(tried > 100, "{tried}");
    }

    #[test]
    fn percent_words_begin_with_per_or_pct() {
        for (w, _) in PERCENT_WORDS {
            assert!(w.starts_with("per") || w.starts_with("pct"), "{w}");
        }
        assert_eq!(percent(" PCT", 0, 4), Some(("%", 4)));
        assert_eq!(percent(" Per cent", 0, 9), Some(("%", 9)));
        assert_eq!(percent(" pe", 0, 3), None);
    }

    /// [`percent`] as it read before its first-word filter: every phrase
    /// tried in order, then every period phrase.
    fn percent_reference(text: &str, pos: usize, end: usize) -> Option<(&'static str, usize)> {
        let period = |e: usize| {
            let s = text.get(e..end).unwrap_or_default();
            PERIODS
                .iter()
                .find_map(|p| match_phrase(s, p, true))
                .unwrap_or(0)
        };
        let s = text.get(pos..end)?;
        let gap = spaces(s);
        let r = &s[gap..];
        for (sign, n) in [("%", 1), ("％", 3)] {
            if r.starts_with(sign) {
                let e = pos + gap + n;
                return Some(("%", e + period(e)));
            }
        }
        if gap == 0 && !s.starts_with('-') {
            return None;
        }
        let r = if gap == 0 { &s[1..] } else { r };
        let at = pos + (s.len() - r.len());
        for &(phrase, unit) in &PERCENT_WORDS {
            if let Some(n) = match_phrase(r, phrase, true) {
                if gap == 0 && unit != "%" {
                    continue;
                }
                return Some((unit, at + n + period(at + n)));
            }
        }
        None
    }

    /// [`percent`] and [`per_period`] answer as [`percent_reference`]:
    /// every join (nothing, spaces, tabs, a hyphen) before every percent
    /// word and near miss in three cases, then up to two pieces of what
    /// may follow (period phrases, their near misses, letters, digits,
    /// marks, non-ASCII), each ending the text or cut short by `end`.
    #[test]
    fn percent_filters_answer_as_the_phrases() {
        let joins = ["", " ", "  ", "\t", "-", " -", "- "];
        let words = [
            "%",
            "％",
            "percent",
            "percents",
            "per cent",
            "per  cent",
            "per\tcent",
            "pct",
            "pct point",
            "pct points",
            "pct  points",
            "percentage",
            "percentage point",
            "percentage points",
            "percentages",
            "percentile",
            "per",
            "per centum",
            "pcts",
            "pc",
            "pe",
            "people",
            "points",
            "p",
            "",
        ];
        let tails = [
            "",
            " a year",
            " A Year",
            " per year",
            " per annum",
            " a month",
            " per month",
            " annually",
            "  a\tyear",
            " a yearly",
            " a years",
            " pa",
            " per",
            " ago",
            " of",
            "\tper annum",
            "5",
            "s",
            "e",
            ".",
            "-",
            "\u{e9}",
            "\u{a0}",
        ];
        let mut found = 0;
        for j in joins {
            for w in words {
                for case in [w.to_string(), w.to_ascii_uppercase(), capital(w)] {
                    for a in tails {
                        for b in tails {
                            let text = format!("{j}{case}{a}{b}");
                            for end in [text.len(), j.len() + case.len() + a.len()] {
                                let got = percent(&text, 0, end);
                                assert_eq!(got, percent_reference(&text, 0, end), "{text:?} {end}");
                                found += usize::from(got.is_some());
                            }
                        }
                    }
                }
            }
        }
        assert!(found > 10_000, "{found}");
    }

    fn capital(w: &str) -> String {
        let mut c = w.to_string();
        if let Some(first) = c.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        c
    }

    #[test]
    fn percents() {
        assert_eq!(percent("% of", 0, 4), Some(("%", 1)));
        assert_eq!(percent(" percent", 0, 8), Some(("%", 8)));
        assert_eq!(percent(" per cent", 0, 9), Some(("%", 9)));
        assert_eq!(percent(" per cent a year", 0, 16), Some(("%", 16)));
        assert_eq!(percent("% a yearly", 0, 10), Some(("%", 1)));
        assert_eq!(percent(" pct", 0, 4), Some(("%", 4)));
        assert_eq!(percent(" percentage points", 0, 18), Some(("pp", 18)));
        assert_eq!(percent("-percent", 0, 8), Some(("%", 8)));
        assert_eq!(percent(" points", 0, 7), None);
        assert_eq!(percent("percent", 0, 7), None);
        assert_eq!(percent(" percentile", 0, 11), None);
    }

    #[test]
    fn nouns_and_ages() {
        assert_eq!(noun(" people were", 0, 12), Some(("person", 1, 7)));
        assert_eq!(noun(" peoples", 0, 8), None);
        assert_eq!(noun("people", 0, 6), None);
        assert_eq!(age_after(" old", 0, 4), Some(4));
        assert_eq!(age_after("-old man", 0, 8), Some(4));
        assert_eq!(age_after(" of age", 0, 7), Some(7));
        assert_eq!(age_after(" older", 0, 6), None);
        assert_eq!(age_after("-olds who", 0, 9), Some(5));
    }

    #[test]
    fn measured_phrases() {
        let s = " of Russian oil since the war";
        assert_eq!(
            measured_of(s, 0, s.len()).map(|(a, b)| &s[a..b]),
            Some("Russian oil")
        );
        let s = " of the company's crude-oil.";
        assert_eq!(
            measured_of(s, 0, s.len()).map(|(a, b)| &s[a..b]),
            Some("the company's crude-oil")
        );
        assert_eq!(measured_of(" of 5", 0, 5), None);
        assert_eq!(measured_of(" in oil", 0, 7), None);
    }

    /// [`unit_words`], [`unit_symbols`] and [`noun`]'s lookup answer as
    /// the maps and the whole head did: every unit word, symbol and noun in
    /// its forms (capitals, capitalised, cut short, plural, doubled) and
    /// strings glued from them, letters, digits and marks, each before
    /// what may end a word or join it. Every key packs.
    #[test]
    fn packed_lookups_answer_as_the_maps() {
        let u = &*UNITS;
        for k in u.words.keys().chain(u.nouns.keys()) {
            assert!(super::super::packed::packable(k), "{k}");
        }
        let words: Vec<&str> = u
            .units
            .iter()
            .flat_map(|x| x.words.iter().chain(&x.symbols))
            .flat_map(|w| w.split(' '))
            .chain(u.nouns.keys().map(String::as_str))
            .collect();
        let mut pieces = words.clone();
        pieces.extend([
            " ",
            "a",
            "Z",
            "-",
            "5",
            "\u{e9}",
            ".",
            "xxxxxxxxxxxxxxxxxxxxxxxx",
        ]);
        let letters: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic()))
            .collect();
        let probes = crate::testgen::lookup_probes(
            letters,
            crate::testgen::glued(20_000, 4, &pieces, 0x2545_f491_4f6c_dd1d),
            &["", " ", "5", "\u{e9}", "-", "s", ".", "a", "2"],
        );
        let (mut words_found, mut symbols_found, mut nouns_found) = (0, 0, 0);
        let mut digits_after = 0;
        for p in probes
            .iter()
            .map(String::as_str)
            .chain(words.iter().copied())
        {
            let mut buf = WordBuf::new();
            let lowered = lower_word(p, &mut buf);
            let by_map = lowered
                .and_then(|(w, _)| u.words.get(w))
                .map_or(&[][..], Vec::as_slice);
            assert_eq!(unit_words(p, leading_letters(p)), by_map, "{p:?}");
            words_found += usize::from(!by_map.is_empty());
            let whole = p.as_bytes().first().map_or(&[][..], |&c| {
                u.symbols[usize::from(c)]
                    .get(alnum_head(p))
                    .map_or(&[][..], Vec::as_slice)
            });
            assert_eq!(unit_symbols(p, leading_letters(p)), whole, "{p:?}");
            symbols_found += usize::from(!whole.is_empty());
            // a head of letters and digits, counted again
            let run = leading_letters(p).len();
            digits_after += usize::from(!whole.is_empty() && alnum_head(p) > run);
            let text = format!(" {p}");
            let gap = spaces(&text);
            let mut buf = WordBuf::new();
            let noun_by_map = lower_word(&text[gap..], &mut buf)
                .filter(|&(_, n)| lexicon::ends_word(&text, gap + n))
                .and_then(|(w, n)| {
                    let name = u.noun_names[*u.nouns.get(w)?].as_str();
                    Some((name, gap, gap + n))
                });
            assert_eq!(noun(&text, 0, text.len()), noun_by_map, "{p:?}");
            nouns_found += usize::from(noun_by_map.is_some());
        }
        assert!(
            words_found > 1000 && symbols_found > 1000 && nouns_found > 1000 && digits_after > 50,
            "{words_found} {symbols_found} {nouns_found} {digits_after}"
        );
    }

    /// [`may_follow`] turns away each of [`percent`], [`money::suffix`],
    /// [`unit`] and [`noun`] only where it reads nothing: after a number, every
    /// word, symbol and code of theirs in its forms, and strings glued
    /// from their words, letters, digits and marks, each after nothing,
    /// spaces, a tab, a hyphen or a bracket, to the end of the text and
    /// cut one byte short. Counts the places where it turned a reader
    /// away and those where one read something.
    #[test]
    fn may_follow_lets_through_whatever_is_read() {
        let forms: Vec<&str> = phrases().chain(money::phrases()).collect();
        let words: Vec<&str> = forms.iter().flat_map(|f| f.split(' ')).collect();
        let mut pieces = words.clone();
        pieces.extend([
            " ",
            "  ",
            "\t",
            "-",
            "(",
            ")",
            "[",
            "<",
            ".",
            ",",
            "5",
            "\u{e9}",
            "a",
            "Z",
            "of",
            "to",
            "%",
            "\u{ff05}",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ]);
        let letters = words
            .iter()
            .copied()
            .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic()));
        let probes = crate::testgen::lookup_probes(
            letters.chain(["of", "to", "in", "vs", "and", "Mr", "said"]),
            crate::testgen::glued(20_000, 4, &pieces, 0x51_7cc1_b727_220a),
            &["", " ", "5", "\u{e9}", "-", ".", " of"],
        );
        let (mut turned, mut read) = (0, 0);
        for p in probes
            .iter()
            .map(String::as_str)
            .chain(forms.iter().copied())
        {
            for lead in ["", " ", "  ", "\t", "-", " -", " (", " [", "("] {
                let t = format!("5{lead}{p}");
                for end in [t.len(), t.len().saturating_sub(1).max(1)] {
                    let found = [
                        (PERCENT, percent(&t, 1, end).is_some()),
                        (SUFFIX, money::suffix(&t, 1, end).is_some()),
                        (UNIT, unit(&t, 1, end).is_some()),
                        (NOUN, noun(&t, 1, end).is_some()),
                    ]
                    .iter()
                    .filter(|r| r.1)
                    .fold(0, |all, r| all | r.0);
                    let may = may_follow(&t, 1, end);
                    assert_eq!(found & may, found, "{t:?} {end}");
                    turned += usize::from(may != ALL && found != may);
                    read += usize::from(found != 0);
                }
            }
        }
        assert!(turned > 50_000 && read > 50_000, "{turned} {read}");
    }

    #[test]
    fn shapes_hold_every_key() {
        lexicon::assert_shapes_hold(&UNITS.word_shapes, UNITS.words.keys());
        lexicon::assert_shapes_hold(&UNITS.noun_shapes, UNITS.nouns.keys());
        // and turn most words after figures away
        for w in ["the", "of", "in", "and", "to", "a", "said"] {
            assert!(!UNITS.word_shapes.may_hold(w.as_bytes()), "{w}");
        }
        assert_eq!(leading_letters("Tons-of"), b"Tons");
        assert_eq!(leading_letters("5kg"), b"");
    }

    #[test]
    fn lexicon_is_clean() {
        let mut words = std::collections::HashSet::new();
        let mut symbols = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for u in &UNITS.units {
            assert!(names.insert(u.name.as_str()), "duplicate `{}`", u.name);
            assert!(matches!(
                u.kind.as_str(),
                "quantity" | "temperature" | "duration"
            ));
            assert!(!u.words.is_empty() || !u.symbols.is_empty());
            for w in &u.words {
                assert!(!w.is_empty() && w == &w.to_lowercase(), "`{w}`");
                assert!(words.insert(w.as_str()), "duplicate `{w}`");
            }
            for s in &u.symbols {
                assert!(
                    !s.is_empty() && symbols.insert(s.as_str()),
                    "duplicate `{s}`"
                );
            }
        }
        let mut forms = std::collections::HashSet::new();
        for n in &UNITS.noun_names {
            assert!(!n.is_empty());
        }
        for f in UNITS.nouns.keys() {
            assert!(forms.insert(f.as_str()) && !f.is_empty());
        }
    }
}
