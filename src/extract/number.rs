//! Numbers: the figure itself, before any currency or unit.
//!
//! Digits ("1,234.56", ".5", "−3.5", "+12", Reuters fractions "11-1/2",
//! "1/2", "½"), words ("twenty-five", "one hundred and five", "half a
//! million", "two-thirds", "a quarter of", "a dozen"), a scale after either
//! ("1.5 million", "55bn", "$1.2tn"), and ordinals ("21st", "twenty-first").
//! Each parse reports the value, the rounding step of what was written, and
//! where it ends; the caller decides from the left context whether a number
//! may start at all ("G7" and "F-16" are names).

use std::sync::LazyLock;

use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{char, digit1, satisfy};
use nom::combinator::{not, opt, recognize};
use nom::multi::many0_count;
use nom::sequence::preceded;
use nom::{IResult, Parser};
use serde::Deserialize;

use super::lexicon::{
    self, MAX_WORD, ShapeMask, WordBuf, WordMap, ends_word, leading_letters, lower_word, spaces,
};
use super::packed::PackedWords;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Numbers {
    cardinals: WordMap<f64>,
    tens: WordMap<f64>,
    multipliers: WordMap<f64>,
    abbreviations: WordMap<f64>,
    glued: WordMap<f64>,
    ordinals: WordMap<f64>,
    denominators: WordMap<f64>,
    signs: WordMap<f64>,
    labels: Labels,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Labels {
    words: Vec<String>,
}

static LABELS: LazyLock<WordMap<()>> = LazyLock::new(|| {
    NUMBERS
        .labels
        .words
        .iter()
        .map(|w| (w.clone(), ()))
        .collect()
});

/// True when a number after `w` (lowercase) names something: "Fig. 5".
pub(crate) fn is_label(w: &str) -> bool {
    LABELS.contains_key(w)
}

pub(crate) static NUMBERS: LazyLock<Numbers> =
    LazyLock::new(|| lexicon::parse("numbers", include_str!("../../checks/lexicon/numbers.toml")));

/// A number found in the prose. Offsets are prose bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Num {
    pub start: usize,
    /// After the scale word, if any.
    pub end: usize,
    /// After the number, before the scale word.
    pub digits_end: usize,
    /// Value with the scale applied.
    pub value: f64,
    /// One unit in the last place written, scale applied.
    pub step: f64,
    /// The scale written after the number (1 without one).
    pub scale: f64,
    pub ordinal: bool,
    /// Written in words.
    pub words: bool,
    /// A plain integer in digits without separators: "2021", "555".
    pub plain_int: bool,
    /// A lone "one": as often a pronoun ("one of the", "no one") as a number.
    pub bare_one: bool,
    /// A ratio ("one out of three"): what follows counts the divisor, so
    /// it is no unit of the value.
    pub ratio: bool,
}

/// The words that can begin a number written in words.
pub(crate) fn starter_words() -> impl Iterator<Item = &'static str> {
    let n: &'static Numbers = &NUMBERS;
    n.cardinals
        .keys()
        .chain(n.tens.keys())
        .chain(n.ordinals.keys())
        .chain(n.signs.keys())
        .map(String::as_str)
        .chain(["a", "an", "half"])
}

/// Parses a number at `pos` in `text[..end]`: digits or words, with a scale.
/// `money` allows the one-letter scales glued to digits ("$55m").
///
/// Inside [`remembering`] the last answer for its document is kept, so the
/// scanner's figure parser does not read again the number that the
/// relative-date parser has just read at the same place ("3 percent" is
/// first tried as a count of "3 days ago").
pub(crate) fn parse(text: &str, pos: usize, end: usize, money: bool) -> Option<Num> {
    let here = (text.as_ptr() as usize, text.len());
    let key = (pos, end, money);
    let memo = MEMO.get();
    if memo.doc != Some(here) {
        return parse_afresh(text, pos, end, money);
    }
    if memo.key == Some(key) {
        return memo.num;
    }
    let num = parse_afresh(text, pos, end, money);
    MEMO.set(Memo {
        key: Some(key),
        num,
        ..memo
    });
    num
}

/// The last answer of [`parse`] on the document of [`remembering`].
#[derive(Clone, Copy)]
struct Memo {
    /// Address and length of the document text; `None` outside
    /// [`remembering`].
    doc: Option<(usize, usize)>,
    /// `pos`, `end` and `money` of the answer kept.
    key: Option<(usize, usize, bool)>,
    num: Option<Num>,
}

const FORGET: Memo = Memo {
    doc: None,
    key: None,
    num: None,
};

thread_local! {
    static MEMO: std::cell::Cell<Memo> = const { std::cell::Cell::new(FORGET) };
}

/// Runs `f` with [`parse`] remembering its last answer on `text`.
///
/// While `text` is borrowed, no other string can begin at its address with
/// its length, and its bytes cannot change, so an answer found under the
/// same address, length, `pos`, `end` and `money` is the answer. The memory
/// is dropped when `f` returns or unwinds, before the text can be freed.
pub(crate) fn remembering<R>(text: &str, f: impl FnOnce() -> R) -> R {
    struct Restore(Memo);
    impl Drop for Restore {
        fn drop(&mut self) {
            MEMO.set(self.0);
        }
    }
    let _restore = Restore(MEMO.get());
    let doc = (!text.is_empty()).then_some((text.as_ptr() as usize, text.len()));
    MEMO.set(Memo { doc, ..FORGET });
    f()
}

fn parse_afresh(text: &str, pos: usize, end: usize, money: bool) -> Option<Num> {
    let s = text.get(..end)?;
    let first = *s.as_bytes().get(pos)?;
    let n = if first.is_ascii_alphabetic() {
        words(s, pos).or_else(|| minus_digits(s, pos, money))?
    } else if let Some(n) = plain_figure(s, pos, money) {
        return Some(n);
    } else {
        digits(s, pos, money)?
    };
    Some(ratio(s, n).unwrap_or(n))
}

/// The scale words [`scale_after`] reads after a space: a word of no such
/// shape is no scale. Shapes, not lengths: "to" and "minutes", which
/// follow figures often, share a first letter and a length with "tn" and
/// "million".
static SCALE_WORDS: LazyLock<ShapeMask> = LazyLock::new(|| {
    let n = &*NUMBERS;
    n.multipliers.keys().chain(n.abbreviations.keys()).collect()
});

/// The common figure, "2019", "1,234", "4.5", "4.5 million", "55bn",
/// followed by nothing else that [`digits`] or [`ratio`] would read on:
/// the whole answer of [`parse_afresh`] at `pos`, without its grammar.
/// `None` when the figure takes another shape or something may follow it
/// (a fraction, a power, a suffix, a ratio, another group), which the
/// general path reads.
///
/// The figure is a run of digits, groups of a comma and three digits (the
/// plain form of [`integer`]; the Indian and spaced forms need a separator
/// this one turns away), and a dot and digits. After it may stand the end,
/// an ASCII sign that neither joins digits (",5", ":30") nor starts a
/// power or fraction, a hyphen before digits that make no fraction
/// ("-05", not "-1/2"), spaces before the same or a word other than "x",
/// "over" or "out", or glued ASCII letters other than an exponent's "e",
/// "x" and an ordinal's suffix. A word or glued letters that may be a
/// scale are read by [`finish`], as [`digits`] reads them (of its ~1,400
/// instructions a call, ~800 went to the grammar before [`finish`] at
/// "13 million" and "$55m").
fn plain_figure(s: &str, pos: usize, money: bool) -> Option<Num> {
    let b = s.as_bytes();
    let digits_from = |i: usize| digit_run(b.get(i..).unwrap_or_default());
    // the digits are read once: their value is gathered as they are
    // measured, not read again by [`value_of`] (~75 instructions a figure)
    let (run, mut m) = digits_from(pos);
    if run == 0 {
        return None;
    }
    let mut e = pos + run;
    let mut count = run;
    let mut grouped = false;
    // ",234" with no fourth digit after
    while b.get(e) == Some(&b',')
        && let (3, g) = digits_from(e + 1)
    {
        m = m.wrapping_mul(1000).wrapping_add(g);
        count += 3;
        e += 4;
        grouped = true;
    }
    let mut decimals = 0;
    if b.get(e) == Some(&b'.') {
        let (d, f) = digits_from(e + 1);
        if d > 0 {
            decimals = d;
            m = m
                .wrapping_mul(POW10_INT.get(d).copied().unwrap_or(0))
                .wrapping_add(f);
            count += d;
            e += 1 + d;
        }
    }
    let joins_digits = |i: usize| b.get(i + 1).is_some_and(u8::is_ascii_digit);
    let mut scaled = false;
    match b.get(e) {
        None => {}
        // "2004-05", "3-4": [`digits`] reads the head alone, unless a
        // Reuters fraction follows ("11-1/2"); no scale nor ratio follows
        // a hyphen (~700 instructions a figure in the general path, at
        // 1,000 figures on a fifth of the news corpus)
        Some(b'-') if joins_digits(e) => {
            let (d, _) = digits_from(e + 1);
            if b.get(e + 1 + d) == Some(&b'/') && fraction(&s[e + 1..]).is_ok() {
                return None;
            }
        }
        Some(b'.' | b',' | b':') if joins_digits(e) => return None,
        Some(b' ' | b'\t') => {
            let w = e + spaces(&s[e..]);
            match b.get(w) {
                None => {}
                Some(c) if c.is_ascii_alphabetic() => {
                    let word = leading_letters(&s[w..]);
                    if matches!(c, b'x' | b'X')
                        || word.eq_ignore_ascii_case(b"over")
                        || word.eq_ignore_ascii_case(b"out")
                    {
                        return None;
                    }
                    scaled = SCALE_WORDS.may_hold(word);
                }
                Some(c) if c.is_ascii_digit() || !c.is_ascii() || *c == b'*' => return None,
                Some(_) => {}
            }
        }
        Some(c) if c.is_ascii_alphabetic() => {
            let word = leading_letters(&s[e..]);
            let suffix = |x: &[u8]| word.eq_ignore_ascii_case(x);
            if matches!(c, b'e' | b'E' | b'x' | b'X')
                || suffix(b"st")
                || suffix(b"nd")
                || suffix(b"rd")
                || suffix(b"th")
            {
                return None;
            }
            scaled = true;
        }
        Some(c)
            if c.is_ascii_digit() || !c.is_ascii() || matches!(c, b'/' | b'^' | b'*' | b'(') =>
        {
            return None;
        }
        Some(_) => {}
    }
    let value = if count <= EXACT_DIGITS {
        exact_value(m, decimals)
    } else {
        value_of(&s[pos..e])?
    };
    let step = if decimals == 0 {
        1.0
    } else {
        10f64.powi(-(decimals.min(300) as i32))
    };
    let plain_int = !grouped && decimals == 0;
    if scaled {
        let mut num = finish(s, pos, e, value, step, money);
        num.plain_int = plain_int && num.scale == 1.0;
        return Some(num);
    }
    Some(Num {
        start: pos,
        end: e,
        digits_end: e,
        value,
        step,
        scale: 1.0,
        ordinal: false,
        words: false,
        plain_int,
        bare_one: false,
        ratio: false,
    })
}

/// "minus 5": the word sign before digits. Only "minus": "tested negative
/// 5 times" is no negative number.
fn minus_digits(s: &str, pos: usize, money: bool) -> Option<Num> {
    // most words: no lowercasing to find they are no "minus"
    if !matches!(s.as_bytes().get(pos), Some(b'm' | b'M')) {
        return None;
    }
    let mut buf = WordBuf::new();
    let (w, len) = lower_word(s.get(pos..)?, &mut buf)?;
    if w != "minus" {
        return None;
    }
    let gap = spaces(&s[pos + len..]);
    let at = pos + len + gap;
    if gap == 0 || !s.as_bytes().get(at).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let n = digits(s, at, money)?;
    if n.ordinal {
        return None;
    }
    Some(Num {
        start: pos,
        value: -n.value,
        plain_int: false,
        ..n
    })
}

/// "one over three", "2000 over 3", "two out of five hundred": a whole
/// number divided by another. "over" only when the divisor ends the clause
/// ("won 2 over 3 days" is no ratio); "out of" before anything ("3 out of 4
/// people").
fn ratio(s: &str, a: Num) -> Option<Num> {
    let rest = s.get(a.end..)?;
    let gap = spaces(rest);
    // both words begin with "o": most numbers go on with another word,
    // where the reader would try both phrases
    if gap == 0 || !matches!(rest.as_bytes().get(gap), Some(b'o' | b'O')) {
        return None;
    }
    read_ratio(s, a)
}

/// [`ratio`] without its first-letter filter: the reader, and the tests'
/// reference for the filter.
fn read_ratio(s: &str, a: Num) -> Option<Num> {
    if a.ordinal || a.value == 0.0 || a.value.fract() != 0.0 || a.scale != 1.0 {
        return None;
    }
    let rest = s.get(a.end..)?;
    let gap = spaces(rest);
    if gap == 0 {
        return None;
    }
    let (over, n) = if let Some(n) = lexicon::match_phrase(&rest[gap..], "over", true) {
        (true, n)
    } else {
        (false, lexicon::match_phrase(&rest[gap..], "out of", true)?)
    };
    let at = a.end + gap + n;
    let g2 = spaces(&s[at..]);
    if g2 == 0 {
        return None;
    }
    let first = *s.as_bytes().get(at + g2)?;
    let b = if first.is_ascii_alphabetic() {
        words(s, at + g2)?
    } else if first.is_ascii_digit() {
        digits(s, at + g2, false)?
    } else {
        return None;
    };
    if b.ordinal || b.value <= 0.0 || (!over && b.value < a.value.abs()) || b.value.fract() != 0.0 {
        return None;
    }
    if over {
        let tail = s[b.end..].trim_start_matches([' ', '\t']);
        if !(tail.is_empty() || tail.starts_with(['.', ',', ';', ':', '!', '?', ')'])) {
            return None;
        }
    }
    Some(Num {
        end: b.end,
        digits_end: b.end,
        value: a.value / b.value,
        step: 1.0 / b.value,
        scale: 1.0,
        words: a.words,
        plain_int: false,
        bare_one: false,
        ratio: true,
        ..a
    })
}

/// Three digits of a thousands group, not followed by a fourth.
fn group3(i: &str) -> IResult<&str, &str> {
    let (r, g) = take_while_m_n(3, 3, |c: char| c.is_ascii_digit()).parse(i)?;
    let (r, _) = not(satisfy(|c| c.is_ascii_digit())).parse(r)?;
    Ok((r, g))
}

/// "1,234" or "1234": the integer part; also the Indian grouping
/// ("12,34,567") and thousands set off by a no-break, narrow or thin space
/// ("40\u{202f}000"). Plain spaces do not group: "555 111" is a phone
/// number as often as 555111.
fn integer(i: &str) -> IResult<&str, &str> {
    // Most figures have no group separator. A run of digits not followed
    // by a comma or space before a digit, nor by a no-break or thin space,
    // is the plain form's answer, which every grouped form rejects: each
    // needs such a separator after its first one to three digits.
    let b = i.as_bytes();
    let run = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let grouped = match b.get(run) {
        Some(b',' | b' ') => b.get(run + 1).is_some_and(u8::is_ascii_digit),
        // the lead bytes of U+00A0, U+202F and U+2009
        Some(0xC2 | 0xE2) => true,
        _ => false,
    };
    if run > 0 && !grouped {
        return Ok((&i[run..], &i[..run]));
    }
    integer_grouped(i)
}

/// [`integer`] by its grammar alone, every grouping tried.
fn integer_grouped(i: &str) -> IResult<&str, &str> {
    let lakh = recognize((
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        nom::multi::many1_count(preceded(
            char(','),
            nom::sequence::terminated(
                take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
                nom::combinator::peek(char(',')),
            ),
        )),
        char(','),
        group3,
    ));
    let thin = |c: char| matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}');
    let spaced_thin = recognize((
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        nom::multi::many1_count(preceded(satisfy(thin), group3)),
    ));
    let plain = recognize((digit1, many0_count(preceded(char(','), group3))));
    nom::branch::alt((lakh, spaced_thin, spaced, plain)).parse(i)
}

/// "40 000", "1 414 021 100": thousands set off by plain spaces. A space
/// also separates two figures ("555 111" is a phone number as often, "in
/// 2019 100 people" a year and a count), so only a head of one to three
/// digits, groups of exactly three, and either two groups or a round
/// "000"; nothing may follow that continues the run ("555 111 2222",
/// "3 100-metre", "1 000.5" stays out).
fn spaced(i: &str) -> IResult<&str, &str> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    let (r, head) = take_while_m_n(1, 3, |c: char| c.is_ascii_digit()).parse(i)?;
    if head.starts_with('0') {
        return Err(fail());
    }
    let (r, groups) = nom::multi::many1_count(preceded(char(' '), group3)).parse(r)?;
    let len = i.len() - r.len();
    let rb = r.as_bytes();
    let continues = match rb {
        [b' ' | b'\t', c, ..] => c.is_ascii_digit(),
        [b'.' | b',', c, ..] => c.is_ascii_digit(),
        [b'-' | b'/' | b':' | b'^', ..] => true,
        [c, ..] => c.is_ascii_alphanumeric(),
        [] => false,
    };
    if continues || !(groups >= 2 || i[..len].ends_with(" 000")) {
        return Err(fail());
    }
    Ok((r, &i[..len]))
}

/// "1,234.56" or ".5", unsigned.
fn decimal(i: &str) -> IResult<&str, &str> {
    let lead = recognize((integer, opt(preceded(char('.'), digit1))));
    let bare = recognize(preceded(char('.'), digit1));
    nom::branch::alt((lead, bare)).parse(i)
}

/// A sign: "-", "+", or U+2212 MINUS SIGN.
fn sign(i: &str) -> IResult<&str, char> {
    nom::branch::alt((char('-'), char('+'), char('\u{2212}'))).parse(i)
}

/// Denominators written in digits that make a fraction ("1/2", "3/8"), not a
/// date ("9/11") or a score.
fn fraction_denominator(d: u32) -> bool {
    matches!(d, 2 | 3 | 4 | 8 | 16 | 32 | 64)
}

/// "1/2": numerator and denominator, both small, numerator below.
fn fraction(i: &str) -> IResult<&str, (u32, u32)> {
    fraction_with(i, fraction_denominator)
}

/// "-4/5": after a minus sign no date or score is meant, so any
/// denominator up to a hundred makes a fraction.
fn signed_fraction(i: &str) -> IResult<&str, (u32, u32)> {
    fraction_with(i, |d| (2..=100).contains(&d))
}

fn fraction_with(i: &str, denominator: fn(u32) -> bool) -> IResult<&str, (u32, u32)> {
    let (r, (a, _, b)) = (digit1, char('/'), digit1).parse(i)?;
    let (r, _) = not(satisfy(|c| c.is_ascii_alphanumeric() || c == '/')).parse(r)?;
    match (a.parse::<u32>(), b.parse::<u32>()) {
        (Ok(a), Ok(b)) if a > 0 && a < b && denominator(b) => Ok((r, (a, b))),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// Unicode vulgar fractions.
fn vulgar(c: char) -> Option<(f64, f64)> {
    Some(match c {
        '½' => (1.0, 2.0),
        '⅓' => (1.0, 3.0),
        '⅔' => (2.0, 3.0),
        '¼' => (1.0, 4.0),
        '¾' => (3.0, 4.0),
        '⅕' => (1.0, 5.0),
        '⅛' => (1.0, 8.0),
        '⅜' => (3.0, 8.0),
        '⅝' => (5.0, 8.0),
        '⅞' => (7.0, 8.0),
        _ => return None,
    })
}

/// True for a character that starts a vulgar fraction.
pub(crate) fn is_vulgar(c: char) -> bool {
    vulgar(c).is_some()
}

/// Exact powers of ten: every one up to 10^22 is an `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Powers of ten as integers, up to the most digits [`digit_run`] gathers
/// exactly.
const POW10_INT: [u64; EXACT_DIGITS + 1] = {
    let mut t = [1u64; EXACT_DIGITS + 1];
    let mut k = 1;
    while k < t.len() {
        t[k] = t[k - 1] * 10;
        k += 1;
    }
    t
};

/// The most digits whose value [`value_of`] and [`plain_figure`] take as
/// an integer: up to 15, the integer and the power of ten of the decimals
/// are exact in an f64, so their quotient, rounded once, is the correctly
/// rounded value `str::parse` gives (Clinger's fast path).
const EXACT_DIGITS: usize = 15;

/// The number whose digits, read as an integer, are `m`, with `decimals`
/// of them after the point: at most [`EXACT_DIGITS`] digits in all.
fn exact_value(m: u64, decimals: usize) -> f64 {
    m as f64 / POW10[decimals.min(EXACT_DIGITS)]
}

/// The run of ASCII digits `b` begins with: its length, and its digits as
/// an integer, exact up to [`EXACT_DIGITS`] of them (it wraps past 19,
/// where no caller uses it).
fn digit_run(b: &[u8]) -> (usize, u64) {
    let mut m = 0u64;
    let mut n = 0;
    while let Some(&c) = b.get(n)
        && c.is_ascii_digit()
    {
        m = m.wrapping_mul(10).wrapping_add(u64::from(c - b'0'));
        n += 1;
    }
    (n, m)
}

/// Parses `lit` (digits, commas, one dot) as f64 without allocating for
/// ordinary lengths.
fn value_of(lit: &str) -> Option<f64> {
    // up to [`EXACT_DIGITS`] digits, the fast path of [`exact_value`]
    let mut m = 0u64;
    let mut digits = 0;
    let mut decimals = None::<usize>;
    for &c in lit.as_bytes() {
        match c {
            b'0'..=b'9' => {
                m = m * 10 + u64::from(c - b'0');
                digits += 1;
                if let Some(d) = &mut decimals {
                    *d += 1;
                }
            }
            b'.' if decimals.is_none() => decimals = Some(0),
            b'.' => return value_of_long(lit),
            _ => {}
        }
        if digits > EXACT_DIGITS {
            return value_of_long(lit);
        }
    }
    if digits == 0 {
        return value_of_long(lit);
    }
    Some(exact_value(m, decimals.unwrap_or(0)))
}

/// [`value_of`] by `str::parse`, for any number of digits.
fn value_of_long(lit: &str) -> Option<f64> {
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut long = String::new();
    for &c in lit.as_bytes() {
        // group separators: commas and (no-break) spaces
        if !(c.is_ascii_digit() || c == b'.') {
            continue;
        }
        if n < buf.len() {
            buf[n] = c;
            n += 1;
        } else {
            if long.is_empty() {
                long.push_str(std::str::from_utf8(&buf).ok()?);
            }
            long.push(char::from(c));
        }
    }
    let s = if long.is_empty() {
        std::str::from_utf8(&buf[..n]).ok()?
    } else {
        long.as_str()
    };
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The digits after the dot of a literal of [`decimal`].
fn decimals_of(lit: &str) -> usize {
    lit.bytes()
        .position(|c| c == b'.')
        .map_or(0, |d| lit.len() - d - 1)
}

/// Digits with an optional sign, fraction, ordinal suffix and scale.
fn digits(s: &str, pos: usize, money: bool) -> Option<Num> {
    let input = s.get(pos..)?;
    let (rest, sg) = opt(sign).parse(input).ok()?;
    let neg = matches!(sg, Some('-' | '\u{2212}'));
    // a fraction on its own: "1/2", "-4/5"
    let signed = matches!(sg, Some('-' | '\u{2212}'));
    if let Ok((r, (a, b))) = fraction(rest).or_else(|e| {
        if signed {
            signed_fraction(rest)
        } else {
            Err(e)
        }
    }) {
        let end = s.len() - r.len();
        let v = f64::from(a) / f64::from(b);
        return Some(finish(
            s,
            pos,
            end,
            if neg { -v } else { v },
            1.0 / f64::from(b),
            money,
        ));
    }
    // a fraction character on its own: "½"
    if let Some(ch) = rest.chars().next()
        && let Some((a, b)) = vulgar(ch)
    {
        let end = s.len() - rest.len() + ch.len_utf8();
        let v = a / b;
        return Some(finish(
            s,
            pos,
            end,
            if neg { -v } else { v },
            1.0 / b,
            money,
        ));
    }
    let (mut r, mut lit) = decimal(rest).ok()?;
    // after another number, spaced groups are more figures ("0845 8 505
    // 505" is a phone number): the head alone
    if let Some(k) = lit.find(' ')
        && s[..pos]
            .trim_end_matches(' ')
            .ends_with(|c: char| c.is_ascii_digit())
    {
        (r, lit) = (&rest[k..], &rest[..k]);
    }
    // "1.1^+23", "-2500^-1", "10^6": a power written with a caret
    if let Some((e, n)) = caret_power(r) {
        let base = value_of(lit)?;
        let v = base.powi(e);
        let end = s.len() - r.len() + n;
        if v.is_finite() && v != 0.0 && ends_word(s, end) {
            let v = if neg { -v } else { v };
            let mut num = finish(s, pos, end, v, power_step(v), money);
            num.plain_int = false;
            return Some(num);
        }
        return None;
    }
    // "2^x", "2^1000000": a power that is no figure
    if r.starts_with('^') {
        return None;
    }
    // scientific notation: "1.3e6", "-127.32e13"
    if let Ok((r2, (_, esign, exp))) = (
        satisfy(|c| c == 'e' || c == 'E'),
        opt(nom::branch::alt((char('-'), char('+')))),
        digit1::<&str, nom::error::Error<&str>>,
    )
        .parse(r)
    {
        let exp: i32 = exp.parse::<i32>().ok().filter(|e| *e <= 400)?;
        let exp = if esign == Some('-') { -exp } else { exp };
        let end = s.len() - r2.len();
        if !ends_word(s, end) {
            return None;
        }
        let decimals = decimals_of(lit) as i32;
        let v = value_of(lit)? * 10f64.powi(exp);
        if !v.is_finite() {
            return None;
        }
        let step = 10f64.powi(exp - decimals.min(300));
        return Some(finish(s, pos, end, if neg { -v } else { v }, step, money));
    }
    // "1.2.3" is a section number, "10:30" a time, "1e9" and "0x1F" code
    let rb = r.as_bytes();
    if rb.len() >= 2 && matches!(rb[0], b'.' | b':' | b',' | b'/') && rb[1].is_ascii_digit() {
        return None;
    }
    let mut v = value_of(lit)?;
    let decimals = decimals_of(lit);
    let mut step = if decimals == 0 {
        1.0
    } else {
        10f64.powi(-(decimals.min(300) as i32))
    };
    let mut end = s.len() - r.len();
    let plain_int = decimals == 0 && lit.bytes().all(|c| c.is_ascii_digit());
    // "4.2153(4)": the uncertainty in the last digits, in brackets
    if decimals > 0
        && let Ok((r2, _)) = (
            char('('),
            digit1::<&str, nom::error::Error<&str>>,
            char(')'),
        )
            .parse(r)
    {
        end = s.len() - r2.len();
    }
    // "5×10−4", "6.23 x 10^-4", "3×10⁶": a power of ten written out
    if let Some((e, n)) = times_ten(&s[end..]) {
        let f = 10f64.powi(e);
        let v2 = v * f;
        if v2.is_finite() && v2 != 0.0 {
            let v2 = if neg { -v2 } else { v2 };
            let mut num = finish(s, pos, end + n, v2, step * f, money);
            num.plain_int = false;
            return Some(num);
        }
    }
    // Reuters "11-1/2", "11 1/2"; "2½"
    if decimals == 0 {
        if let Some(c) = r
            .chars()
            .next()
            .and_then(vulgar)
            .map(|f| (f, r.chars().next()))
        {
            let ((a, b), ch) = c;
            v += a / b;
            step = 1.0 / b;
            end += ch.map_or(0, char::len_utf8);
        } else {
            let sep = if r.starts_with('-') || r.starts_with(' ') {
                1
            } else {
                0
            };
            if sep == 1
                && let Ok((r2, (a, b))) = fraction(&r[1..])
            {
                v += f64::from(a) / f64::from(b);
                step = 1.0 / f64::from(b);
                end = s.len() - r2.len();
            }
        }
    }
    // ordinals: "21st", "3rd"
    if decimals == 0 && !neg {
        let after = &s[end..];
        for suf in ["st", "nd", "rd", "th"] {
            if let Some(n) = lexicon::match_phrase(after, suf, true) {
                return Some(Num {
                    start: pos,
                    end: end + n,
                    digits_end: end + n,
                    value: v,
                    step: 1.0,
                    scale: 1.0,
                    ordinal: true,
                    words: false,
                    plain_int: false,
                    bare_one: false,
                    ratio: false,
                });
            }
        }
    }
    let v = if neg { -v } else { v };
    let mut num = finish(s, pos, end, v, step, money);
    num.plain_int = plain_int && num.scale == 1.0 && sg.is_none();
    Some(num)
}

/// "^+23", "^-1", "^--23" at the start of `r`: the exponent (signs
/// multiplied out, at most three digits) and the length matched.
fn caret_power(r: &str) -> Option<(i32, usize)> {
    let b = r.as_bytes();
    if b.first() != Some(&b'^') {
        return None;
    }
    let mut i = 1;
    let mut neg = false;
    while i < b.len() && i <= 3 && matches!(b[i], b'-' | b'+') {
        neg ^= b[i] == b'-';
        i += 1;
    }
    let d = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if d == 0 || d > 3 {
        return None;
    }
    let e: i32 = r[i..i + d].parse().ok()?;
    Some((if neg { -e } else { e }, i + d))
}

/// The rounding step of a computed power: a thousandth of its magnitude.
fn power_step(v: f64) -> f64 {
    10f64.powi(v.abs().log10().floor() as i32 - 3)
}

/// "×10−4", " x 10^-4", "×10⁶" at the start of `r`: the exponent and the
/// length matched. The exponent needs a caret, a minus sign (U+2212, or
/// "-" after "×") or superscript digits, so that "5 x 10 metres" stays a
/// size.
fn times_ten(r: &str) -> Option<(i32, usize)> {
    let b = r.as_bytes();
    let mut i = spaces(r);
    let cross = r[i..].starts_with('×');
    if cross {
        i += '×'.len_utf8();
    } else if matches!(b.get(i), Some(b'x' | b'*')) {
        i += 1;
    } else {
        return None;
    }
    i += spaces(&r[i..]);
    if !r[i..].starts_with("10") {
        return None;
    }
    i += 2;
    let caret = b.get(i) == Some(&b'^');
    if caret {
        i += 1;
    }
    let mut neg = false;
    let mut marked = caret;
    for (sign, minus) in [
        ("\u{2212}", true),
        ("\u{207b}", true),
        ("-", true),
        ("+", false),
    ] {
        if r[i..].starts_with(sign) && (sign != "-" || caret || cross) && (sign != "+" || caret) {
            neg = minus;
            marked = true;
            i += sign.len();
            break;
        }
    }
    let mut exp: i32 = 0;
    let mut digits = 0;
    for c in r[i..].chars() {
        let d = match c {
            '0'..='9' if marked => c as u32 - '0' as u32,
            '⁰' => 0,
            '¹' => 1,
            '²' => 2,
            '³' => 3,
            '⁴'..='⁹' => c as u32 - '⁴' as u32 + 4,
            _ => break,
        };
        if !c.is_ascii_digit() {
            marked = true;
        }
        exp = exp.checked_mul(10)?.checked_add(i32::try_from(d).ok()?)?;
        i += c.len_utf8();
        digits += 1;
        if digits > 3 {
            return None;
        }
    }
    if digits == 0 || !marked || !ends_word(r, i) {
        return None;
    }
    Some((if neg { -exp } else { exp }, i))
}

/// Adds the scale after a number in digits ending at `end`.
fn finish(s: &str, pos: usize, end: usize, v: f64, step: f64, money: bool) -> Num {
    let (scale, mut send) = scale_after(s, end, money);
    let (mut value, mut step) = (v * scale, step * scale);
    // most scales are followed by a word ("13 million barrels", "mln
    // dlrs"), where neither reading below can begin
    let goes_on = scale >= 100.0 && may_go_on(s, send);
    // "4 thousand 3 hundred and 21": digits under each scale word
    if goes_on && v.fract() == 0.0 && v > 0.0 {
        let (more, unit, e) = digit_scales(s, send, scale);
        if e > send {
            value += more;
            step = unit;
            send = e;
        }
    }
    // "3 million and a half": a fraction of the scale
    if goes_on
        && scale >= 1000.0
        && let Some(ae) = and_after(s, send)
        && let Some((fv, fs, fe)) = fraction_words(s, ae)
    {
        value += fv * scale * v.signum();
        step = fs * scale;
        send = fe;
    }
    Num {
        start: pos,
        end: send,
        digits_end: end,
        value,
        step,
        scale,
        ordinal: false,
        words: false,
        plain_int: false,
        bare_one: false,
        ratio: false,
    }
}

/// False when neither [`digit_scales`] nor [`and_after`] can read on at
/// `at`: past any spaces, tabs and hyphens stands neither a digit nor an
/// "a" (of "and").
fn may_go_on(s: &str, at: usize) -> bool {
    s.as_bytes()
        .get(at..)
        .unwrap_or_default()
        .iter()
        .find(|c| !matches!(c, b' ' | b'\t' | b'-'))
        .is_some_and(|&c| c.is_ascii_digit() || c | 0x20 == b'a')
}

/// The end of the word [`next_word`] reads after `at` when it is "and" (in
/// any case), read in place: after "13 million" [`finish`] asks at most
/// figures with a scale, where a lowercased copy of the next word
/// ("people") cost ~100 instructions.
fn and_after(s: &str, at: usize) -> Option<usize> {
    let st = next_word_start(s, at)?;
    let b = s.as_bytes();
    let and = b
        .get(st..st + 3)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"and"))
        && !b
            .get(st + 3)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c >= 0x80);
    and.then_some(st + 3)
}

/// After "4 thousand" (scale `big`): more digits under smaller scale words,
/// " 3 hundred", and after a hundred " and 21". Returns what they add, the
/// step of the last part and the end (`at` when nothing follows). A bare
/// count after a larger scale is left alone ("5 million and 20 cents").
fn digit_scales(s: &str, at: usize, big: f64) -> (f64, f64, usize) {
    let (mut add, mut unit, mut end, mut big) = (0.0, big, at, big);
    for _ in 0..4 {
        let Some(rest) = s.get(end..) else { break };
        let mut p = spaces(rest);
        if p == 0 {
            break;
        }
        let and = lexicon::match_phrase(&rest[p..], "and", true);
        if let Some(n) = and {
            let g = spaces(&rest[p + n..]);
            if g == 0 {
                break;
            }
            p += n + g;
        }
        let d = rest[p..].bytes().take_while(u8::is_ascii_digit).count();
        let after = rest.as_bytes().get(p + d);
        if d == 0
            || d > 3
            || rest.as_bytes()[p] == b'0'
            || after.is_some_and(|c| {
                c.is_ascii_alphanumeric() || matches!(c, b'.' | b',' | b'/' | b':' | b'-')
            })
        {
            break;
        }
        let Ok(m) = rest[p..p + d].parse::<u32>() else {
            break;
        };
        let m = f64::from(m);
        let (f, e) = scale_after(s, end + p + d, false);
        if f > 1.0 {
            if and.is_some() || f >= big || m * f >= big {
                break;
            }
            add += m * f;
            unit = f;
            big = f;
            end = e;
        } else {
            if and.is_none() || big != 100.0 || m >= 100.0 {
                break;
            }
            add += m;
            unit = 1.0;
            end = end + p + d;
            break;
        }
    }
    (add, unit, end)
}

/// What [`scale_after`] knows of a word: the scale it names after a space
/// or glued (a multiplier or an abbreviation), and the scale it names
/// glued only.
#[derive(Clone, Copy)]
struct Scale {
    /// Of `multipliers`, else of `abbreviations`.
    word: Option<f64>,
    /// Of `glued`.
    glued: Option<f64>,
    /// "k" and "mil": glued, a scale with or without `money`.
    any_glue: bool,
}

/// Every word [`scale_after`] reads, by its packed letters: one lookup in
/// any case, where the hash maps took a lowercased copy and up to three
/// hashings (scale_after ~340 instructions a call on news). Every key has
/// at most [`PACKED`](lexicon::PACKED) letters (a test sees to it).
static SCALES: LazyLock<PackedWords<Scale>> = LazyLock::new(|| {
    let n = &*NUMBERS;
    let words: Vec<&str> = n
        .multipliers
        .keys()
        .chain(n.abbreviations.keys())
        .chain(n.glued.keys())
        .map(String::as_str)
        .chain(["k", "mil"])
        .collect();
    PackedWords::new(words.into_iter().map(|w| {
        let scale = Scale {
            word: n
                .multipliers
                .get(w)
                .or_else(|| n.abbreviations.get(w))
                .copied(),
            glued: n.glued.get(w).copied(),
            any_glue: matches!(w, "k" | "mil"),
        };
        (w, scale)
    }))
});

/// The scale words after a number in digits: "million", "mln", glued "bn",
/// and with `money` the one-letter "m"/"b" glued; "k" glued anywhere.
/// "two hundred thousand" multiplies; at most two words are read.
fn scale_after(s: &str, end: usize, money: bool) -> (f64, usize) {
    let mut scale = 1.0;
    let mut at = end;
    for _ in 0..2 {
        let Some(rest) = s.get(at..) else { break };
        let gap = spaces(rest);
        let glued = gap == 0 && at == end;
        // "million people": most second words, and most words after a
        // space, are no scale, whose shape tells before any lookup
        let run = leading_letters(&rest[gap..]);
        if !glued && !SCALE_WORDS.may_hold(run) {
            break;
        }
        // the word [`lower_word`] reads, looked up in any case
        let Some(w) = word_of_run(&rest[gap..], run) else {
            break;
        };
        let len = w.len();
        if !ends_word(rest, gap + len) {
            break;
        }
        // looked up in the prose, which lets a short word be read in one load
        let f = match SCALES.get(&rest.as_bytes()[gap..], len) {
            // "dozen" multiplies only a written count: "3 dozen"
            Some(Scale { word: Some(f), .. }) => f,
            Some(e) if glued && (e.any_glue || (money && e.glued.is_some())) => {
                e.glued.unwrap_or(1.0)
            }
            _ => break,
        };
        if scale > 1.0 && f <= scale {
            break;
        }
        if at > end && gap == 0 {
            break;
        }
        scale *= f;
        at += gap + len;
    }
    (scale, at)
}

/// Where the parse stands in a run of number words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    /// "a"/"an": only a multiplier or a fraction may follow.
    Article,
    Ones,
    Teen,
    Tens,
    Hundred,
    Scale,
}

/// The next word after `at`: separated by spaces or one hyphen. Returns the
/// lowercase word, its start and its end.
fn next_word<'b>(s: &'b str, at: usize, buf: &'b mut WordBuf) -> Option<(&'b str, usize, usize)> {
    #[cfg(test)]
    WORDS_READ.with(|n| n.set(n.get() + 1));
    let st = next_word_start(s, at)?;
    let (w, len) = lower_word(&s[st..], buf)?;
    Some((w, st, st + len))
}

#[cfg(test)]
thread_local! {
    /// The words [`next_word`] has read on this thread: a test bounds the
    /// words one reading reads, whatever follows.
    static WORDS_READ: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Where [`next_word`] looks for the word after `at`: past spaces or one
/// hyphen. Read over bytes, with no slicing of `s` past the first (each a
/// test of a character boundary): [`words`] asks after most first words.
#[inline]
fn next_word_start(s: &str, at: usize) -> Option<usize> {
    if !s.is_char_boundary(at) {
        return None;
    }
    let rest = s.as_bytes().get(at..)?;
    let blanks = |from: usize| {
        rest.iter()
            .skip(from)
            .take_while(|c| matches!(c, b' ' | b'\t'))
            .count()
    };
    let gap = if rest.first() == Some(&b'-') {
        1
    } else {
        let g = blanks(0);
        if g == 0 {
            return None;
        }
        // "fifty - two", "one - fourth": a hyphen set off by spaces, as
        // tokenized text writes it; the grammar decides whether it joins
        if rest.get(g) == Some(&b'-') && rest.get(g + 1) != Some(&b'-') {
            let g2 = blanks(g + 1);
            if g2 > 0 { g + 1 + g2 } else { g }
        } else {
            g
        }
    };
    Some(at + gap)
}

/// The letters of the word [`lower_word`] reads at the start of `s`, as
/// written: `None` where it reads none. A [`ShapeMask`] or a
/// [`PackedWords`] is asked about them in any case, without lowercasing.
#[inline]
pub(crate) fn word_letters(s: &str) -> Option<&[u8]> {
    word_of_run(s, leading_letters(s))
}

/// [`word_letters`] of `s`, which begins with the run of letters `run`
/// ([`leading_letters`]): for a reader that has measured the run to ask a
/// [`ShapeMask`] about it, which spares a second measuring (~20
/// instructions a word).
#[inline]
pub(crate) fn word_of_run<'r>(s: &str, run: &'r [u8]) -> Option<&'r [u8]> {
    let after = s.as_bytes().get(run.len());
    let joined = after.is_some_and(|c| c.is_ascii_digit() || *c >= 0x80);
    (!run.is_empty() && run.len() <= MAX_WORD && !joined).then_some(run)
}

/// [`match_phrase`] (as a word) of `phrase` at the start of `s`, where
/// a lookup found its first word equal, in any case, to the word
/// [`word_of_run`] gives of `s`, `run` letters long. A phrase of that one
/// word matches whole, with nothing to compare: the run is all the letters
/// there are, and no digit or non-ASCII byte follows it. Most unit and
/// currency words after a figure are such ("dlrs", "tonnes").
pub(crate) fn match_found(s: &str, run: usize, phrase: &str) -> Option<usize> {
    if phrase.len() == run {
        return Some(run);
    }
    lexicon::match_phrase(s, phrase, true)
}

/// What [`words`] knows of a first word before reading on.
#[derive(Clone, Copy)]
enum Starter {
    /// A cardinal or tens word, and what it counts.
    Count(f64),
    /// An ordinal of no other kind ("first", "fifth"), and its rank: the
    /// grammar reads no word after a first ordinal ("first time").
    Rank(f64),
    /// "a", "an", "half" or a sign: a number only before a word of
    /// [`GRAMMAR_WORDS`] ("a third", "half a million", "minus five").
    Lead,
    /// Any other: the grammar decides.
    Other,
}

/// [`starter_words`] as a table: [`words`] turns every other word away with
/// one lookup. Most of its callers (a relative date's count, "in the …")
/// ask at words such as "the", where the grammar below would make a dozen
/// lookups to fail. Packed words, looked up in any case, without
/// lowercasing or hashing: every starter has at most
/// [`PACKED`](lexicon::PACKED) letters (a test sees to it).
static STARTERS: LazyLock<PackedWords<Starter>> = LazyLock::new(|| {
    let n = &*NUMBERS;
    PackedWords::new(starter_words().map(|w| {
        let count = n.cardinals.get(w).or_else(|| n.tens.get(w)).copied();
        // the words [`words_from`] tries before the ordinals
        let earlier = n.signs.contains_key(w)
            || n.multipliers.contains_key(w)
            || matches!(w, "a" | "an" | "and" | "half");
        let starter = match (count, n.ordinals.get(w)) {
            (Some(v), _) => Starter::Count(v),
            (None, Some(&v)) if !earlier => Starter::Rank(v),
            _ if n.signs.contains_key(w) || matches!(w, "a" | "an" | "half") => Starter::Lead,
            _ => Starter::Other,
        };
        (w, starter)
    }))
});

/// The shapes (first, second and last letters, length) of [`STARTERS`]:
/// most words are turned away before any lookup.
static STARTER_SHAPES: LazyLock<ShapeMask> = LazyLock::new(|| starter_words().collect());

/// The shapes of every word [`words_from`] reads after its first: those of
/// [`FRACTION_WORDS`], the denominators, "half" and the articles. A word of
/// no such shape ends a number before any lookup ("one of", "two people"),
/// and right after a first "a" or "an" leaves no number at all ("a year").
static GRAMMAR_WORDS: LazyLock<ShapeMask> = LazyLock::new(|| {
    let mut m = FRACTION_WORDS.clone();
    m.extend(NUMBERS.denominators.keys());
    m.extend(["half", "a", "an"]);
    m
});

/// A number in words starting at `pos`.
fn words(s: &str, pos: usize) -> Option<Num> {
    let rest = s.get(pos..)?;
    let w0 = word_letters(rest)?;
    let end = pos + w0.len();
    // "a year", "an hour": the commonest first word asked about (4,600
    // times on a fifth of the news corpus, 4,200 of them before a word
    // of no [`GRAMMAR_WORDS`] shape), a [`Starter::Lead`] that reads no
    // number there, is turned away before the starters are looked up
    if matches!(w0, [b'a' | b'A'] | [b'a' | b'A', b'n' | b'N']) && !grammar_word_follows(s, end) {
        return None;
    }
    if !STARTER_SHAPES.may_hold(w0) {
        return None;
    }
    // looked up in the prose, which lets a short word be read in one load
    let starter = STARTERS.get(rest.as_bytes(), w0.len())?;
    let lone = |value: f64, ordinal: bool| Num {
        start: pos,
        end,
        digits_end: end,
        value,
        step: 1.0,
        scale: 1.0,
        ordinal,
        words: true,
        plain_int: false,
        bare_one: !ordinal && w0.eq_ignore_ascii_case(b"one"),
        ratio: false,
    };
    // "first time", "second-largest": more than half of the grammar's
    // runs began at an ordinal, for ~1,500 instructions each
    if let Starter::Rank(v) = starter {
        return Some(lone(ordinal_value(0.0, 0.0, v), true));
    }
    if !grammar_word_follows(s, end) {
        match starter {
            // "one of", "two people", "twenty,": a lone cardinal or tens word
            Starter::Count(v) => return Some(lone(v, false)),
            // "a year", "half of", "negative for": the commonest starter,
            // most often before a word the grammar has no use for, where
            // it would fail after a dozen lookups
            Starter::Lead => return None,
            Starter::Rank(_) | Starter::Other => {}
        }
    }
    words_from(s, pos)
}

/// True when the word [`next_word`] reads after `at` may be one the loop
/// of [`words_from`] reads: it has a shape of [`GRAMMAR_WORDS`]. False
/// means a number in words ends at `at`.
fn grammar_word_follows(s: &str, at: usize) -> bool {
    next_word_start(s, at)
        .and_then(|st| s.get(st..))
        .and_then(word_letters)
        .is_some_and(|w1| GRAMMAR_WORDS.may_hold(w1))
}

/// [`words`] without its first-word filter: the grammar itself.
fn words_from(s: &str, pos: usize) -> Option<Num> {
    let n = &*NUMBERS;
    let mut buf = WordBuf::new();
    let (w0, l0) = lower_word(s.get(pos..)?, &mut buf)?;
    let mut sign = 1.0;
    let mut at = pos;
    // "minus five", "negative ten"
    if let Some(&sg) = n.signs.get(w0) {
        sign = sg;
        at = pos + l0;
        let mut b2 = WordBuf::new();
        let (w, _, _) = next_word(s, at, &mut b2)?;
        if !(n.cardinals.contains_key(w) || n.tens.contains_key(w)) {
            return None;
        }
    }
    // "a fifth", "one twenty-fifth", "ninety - five hundred fifths"
    if let Some((v, st, e)) = ordinal_fraction(s, at, sign > 0.0) {
        return Some(Num {
            start: pos,
            end: e,
            digits_end: e,
            value: sign * v,
            step: st,
            scale: 1.0,
            ordinal: false,
            words: true,
            plain_int: false,
            bare_one: false,
            ratio: false,
        });
    }
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut step = 1.0f64;
    let mut last = Last::Start;
    let mut end = at;
    let mut tokens = 0usize;
    let mut first_word_one = false;
    let mut big = f64::INFINITY;
    let mut ordinal = false;
    let mut first = sign > 0.0;
    loop {
        let mut b = WordBuf::new();
        let (w, st, we) = if first {
            first = false;
            let (w, l) = lower_word(&s[at..], &mut b)?;
            (w, at, at + l)
        } else {
            match next_word(s, end, &mut b) {
                Some(x) => x,
                None => break,
            }
        };
        // no number word has its shape: none of the lookups below can match
        if !GRAMMAR_WORDS.may_hold(w.as_bytes()) {
            break;
        }
        if !ends_word(s, we) && !s[we..].starts_with('-') {
            break;
        }
        let _ = st;
        // one article, first: from each word of a run of articles ("a a
        // a …") the run was read to its end, for no number
        if last == Last::Start && matches!(w, "a" | "an") {
            last = Last::Article;
            end = we;
            continue;
        }
        if let Some(&v) = n.cardinals.get(w) {
            let ok = match last {
                Last::Start | Last::Hundred | Last::Scale => true,
                Last::Tens => v > 0.0 && v < 10.0,
                _ => false,
            };
            if !ok {
                break;
            }
            current += v;
            step = 1.0;
            last = if v < 10.0 { Last::Ones } else { Last::Teen };
            if tokens == 0 && w == "one" {
                first_word_one = true;
            }
        } else if let Some(&v) = n.tens.get(w) {
            if !matches!(last, Last::Start | Last::Hundred | Last::Scale) {
                break;
            }
            current += v;
            step = 1.0;
            last = Last::Tens;
        } else if let Some(&f) = n.multipliers.get(w) {
            let counted = matches!(last, Last::Ones | Last::Teen | Last::Tens | Last::Article);
            if f == 100.0 {
                if !counted {
                    break;
                }
                current = current.max(1.0) * 100.0;
                step = 100.0;
                last = Last::Hundred;
            } else if f == 12.0 {
                // "a dozen", "two dozen": nothing follows a dozen
                if !counted {
                    break;
                }
                current = current.max(1.0) * 12.0;
                step = 12.0;
                end = we;
                tokens += 1;
                break;
            } else {
                if !(counted || last == Last::Hundred) || f >= big {
                    break;
                }
                total += current.max(1.0) * f;
                current = 0.0;
                step *= f;
                big = f;
                last = Last::Scale;
            }
        } else if w == "and" {
            // "forty two and a third", "one million and a half" (of the
            // million), "one hundred and three quarters"
            let whole = matches!(
                last,
                Last::Ones | Last::Teen | Last::Tens | Last::Hundred | Last::Scale
            );
            let frac = || {
                fraction_words(s, we)
                    .or_else(|| ordinal_fraction(s, we, false).filter(|(v, _, _)| *v < 1.0))
            };
            if let Some((fv, fs, fe)) = whole.then(frac).flatten() {
                // "one billion and three quarters million": of the smaller
                // scale named after it, else of the last one
                let mut b5 = WordBuf::new();
                let named = next_word(s, fe, &mut b5).and_then(|(sw, _, swe)| {
                    n.multipliers
                        .get(sw)
                        .filter(|f| **f >= 1000.0 && **f < big && ends_word(s, swe))
                        .map(|f| (*f, swe))
                });
                let (of, fe) = match (last, named) {
                    (Last::Scale, Some((f, e))) => (f, e),
                    (Last::Scale, None) => (big, fe),
                    _ => (1.0, fe),
                };
                current += fv * of;
                step = fs * of;
                end = fe;
                tokens += 1;
                // only a scale may follow: "two and a half million"
                let mut b4 = WordBuf::new();
                if last != Last::Scale
                    && let Some((sw, _, swe)) = next_word(s, end, &mut b4)
                    && let Some(&f) = n.multipliers.get(sw).filter(|f| **f >= 1000.0)
                    && ends_word(s, swe)
                    && total == 0.0
                {
                    total = current * f;
                    current = 0.0;
                    step *= f;
                    end = swe;
                }
                break;
            }
            // "one hundred and five"
            let mut b2 = WordBuf::new();
            let Some((nw, _, nwe)) = next_word(s, we, &mut b2) else {
                break;
            };
            // "twenty and four": tens and ones, as spoken; not two figures
            // ("between twenty and five hundred", "from twenty and four
            // million")
            if last == Last::Tens
                && total == 0.0
                && n.cardinals.get(nw).is_some_and(|v| (1.0..10.0).contains(v))
                && !before_word_is(s, pos, &["between", "from"])
            {
                let mut b3 = WordBuf::new();
                let scaled = next_word(s, nwe, &mut b3)
                    .is_some_and(|(w3, _, _)| n.multipliers.contains_key(w3));
                if scaled {
                    break;
                }
                end = we;
                continue;
            }
            if matches!(last, Last::Hundred | Last::Scale)
                && (n.cardinals.contains_key(nw)
                    || n.tens.contains_key(nw)
                    || n.ordinals.contains_key(nw))
            {
                end = we;
                continue;
            }
            break;
        } else if w == "half" {
            if last == Last::Start {
                // "half a million", "half million"
                let mut b2 = WordBuf::new();
                let ae = match next_word(s, we, &mut b2) {
                    Some(("a", _, ae)) => ae,
                    Some(_) => we,
                    None => break,
                };
                let mut b3 = WordBuf::new();
                let Some((sw, _, swe)) = next_word(s, ae, &mut b3) else {
                    break;
                };
                let Some(&f) = n.multipliers.get(sw).filter(|f| **f >= 12.0) else {
                    break;
                };
                if !ends_word(s, swe) {
                    break;
                }
                current = 0.5 * f;
                step = f / 2.0;
                end = swe;
                tokens += 1;
                break;
            }
            if last == Last::Article || (last == Last::Ones && current == 1.0) {
                // "a half", "one half"; not "a half-hour"
                if s[we..].starts_with('-') {
                    break;
                }
                current = 0.5;
                step = 0.5;
                end = we;
                tokens += 1;
            }
            break;
        } else if let Some(&d) = n.denominators.get(w) {
            // "two-thirds", "three quarters", "a quarter of"
            let plural = w.ends_with('s');
            let numer = if last == Last::Article { 1.0 } else { current };
            let counted = matches!(last, Last::Ones | Last::Article) && total == 0.0;
            let mut b2 = WordBuf::new();
            let following = next_word(s, we, &mut b2);
            let of_follows = matches!(following, Some(("of", _, _)));
            // "a quarter million", "three quarters billion", "two thirds of
            // a million"
            let big_at = |at: usize| {
                let mut b3 = WordBuf::new();
                next_word(s, at, &mut b3).and_then(|(w2, _, e2)| {
                    n.multipliers
                        .get(w2)
                        .filter(|f| **f >= 1000.0 && ends_word(s, e2))
                        .map(|f| (*f, e2))
                })
            };
            let scale = big_at(we).or_else(|| {
                let (_, _, oe) = following.filter(|f| f.0 == "of")?;
                let mut b3 = WordBuf::new();
                let (_, _, ae) = next_word(s, oe, &mut b3).filter(|a| a.0 == "a")?;
                big_at(ae)
            });
            // "one eighth" is a fraction; "a third" only before "of" or a scale
            // ("one quarter" is as often a period, "one half" is read above)
            let single = numer == 1.0
                && (of_follows
                    || scale.is_some()
                    || (last == Last::Ones && !matches!(w, "quarter" | "half")));
            if counted && ((plural && numer >= 2.0) || (!plural && single)) {
                current = numer / d;
                step = 1.0 / d;
                end = we;
                if let Some((f, e2)) = scale {
                    current *= f;
                    step *= f;
                    end = e2;
                }
                tokens += 1;
                break;
            }
            if let Some(&v) = n.ordinals.get(w)
                && ordinal_fits(last, v)
            {
                current = ordinal_value(total, current, v);
                ordinal = true;
                end = we;
                tokens += 1;
            }
            break;
        } else if let Some(&v) = n.ordinals.get(w) {
            if !ordinal_fits(last, v) {
                break;
            }
            current = ordinal_value(total, current, v);
            total = 0.0;
            ordinal = true;
            end = we;
            tokens += 1;
            break;
        } else {
            break;
        }
        end = we;
        tokens += 1;
    }
    if tokens == 0 || last == Last::Article && !ordinal && current == 0.0 {
        return None;
    }
    let value = if ordinal { current } else { total + current };
    Some(Num {
        start: pos,
        end,
        digits_end: end,
        value: sign * value,
        step: if ordinal { 1.0 } else { step },
        scale: 1.0,
        ordinal,
        words: true,
        plain_int: false,
        bare_one: first_word_one && tokens == 1 && !ordinal && sign > 0.0,
        ratio: false,
    })
}

/// True when the word before `pos` is one of `words` (lowercase).
fn before_word_is(s: &str, pos: usize, words: &[&str]) -> bool {
    let before = s[..pos].trim_end_matches([' ', '\t']);
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let w = &before[start..];
    words.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// A fraction in words after `at` (after "and"): "a half", "one half", "a
/// third", "an eighth", "three quarters", "two-thirds". Returns the value,
/// its step and where it ends; nothing before a hyphenated word ("a
/// half-hour") or inside a longer word.
fn fraction_words(s: &str, at: usize) -> Option<(f64, f64, usize)> {
    let n = &*NUMBERS;
    let mut b1 = WordBuf::new();
    let (w1, _, e1) = next_word(s, at, &mut b1)?;
    // "one and half hours": the article left out, only before a unit
    // ("44 million and half lives" is half of the people)
    if w1 == "half" {
        return super::quantity::unit(s, e1, s.len())
            .is_some_and(|u| u.word && u.start > e1)
            .then_some((0.5, 0.5, e1));
    }
    let numer = match w1 {
        "a" | "an" | "one" => 1.0,
        _ => *n.cardinals.get(w1).filter(|v| **v >= 2.0)?,
    };
    let mut b2 = WordBuf::new();
    let (w2, _, e2) = next_word(s, e1, &mut b2)?;
    if !ends_word(s, e2) && !s[e2..].starts_with('-') {
        return None;
    }
    let &d = n.denominators.get(w2)?;
    let plural = w2.ends_with('s');
    (plural == (numer > 1.0)).then_some((numer / d, 1.0 / d, e2))
}

/// A word in a fraction with an ordinal denominator.
#[derive(Clone, Copy, PartialEq)]
enum Tok {
    /// "a"/"an", first only.
    Art,
    /// "one" … "nineteen".
    Card(f64),
    /// "twenty" … "ninety".
    Tens(f64),
    Hundred,
    /// "thousand" and up.
    Scale(f64),
    And,
    /// An ordinal word used as a denominator ("fifth", "fifths"); the flag
    /// says plural. Never "first" or "second" ("one second" is a duration).
    Ord(f64, bool),
}

/// The most words a fraction in words may have.
const MAX_TOKS: usize = 16;

/// A fraction whose denominator is an ordinal: "a fifth", "a trillionth",
/// "one twenty-fifth", "five - eighths", "a hundred trillionths", "twenty
/// twenty fifths" (20/25), "one hundred thirty-fifths" (100/35), "one
/// hundred and thirty fifths" (130/5), "ninety - five hundred fifths"
/// (9500/5), "one one hundred fifth" (1/105). `first` is set when `at` is
/// the first word's start (else a separator comes first). Returns the value,
/// its step and the end.
///
/// The numerator ends before the shortest denominator that leaves a whole
/// number before it: a tens word joins the ordinal after it ("thirty fifths"
/// is 35ths) unless "and" binds it to the numerator; a scale word never
/// starts a denominator unless nothing else parses. One as numerator takes
/// a singular ordinal, more a plural. "X and Y/Z" with a proper Y/Z is a
/// mixed number, left to [`words`]. A singular one after "a" or a large
/// denominator must end the clause or be followed by "of" or a scale ("a
/// fifth term", "the one hundredth anniversary" are ranks).
/// The shapes (first letter, length) of every word [`ordinal_fraction`]
/// reads but the articles: cardinals, tens, scales, ordinals and their
/// plurals, and "and". A word of no such shape ends a fraction before any
/// lookup ("a year", "two people").
static FRACTION_WORDS: LazyLock<ShapeMask> = LazyLock::new(|| {
    let n = &*NUMBERS;
    let mut m: ShapeMask = n
        .cardinals
        .keys()
        .chain(n.tens.keys())
        .chain(n.multipliers.keys())
        .collect();
    for w in n.ordinals.keys() {
        let mut plural = w.clone();
        plural.push('s');
        m.extend([w, &plural]);
    }
    m.extend(["and"]);
    m
});

fn ordinal_fraction(s: &str, at: usize, first: bool) -> Option<(f64, f64, usize)> {
    let n = &*NUMBERS;
    let shapes = &*FRACTION_WORDS;
    let mut toks = [Tok::And; MAX_TOKS];
    let mut count = 0;
    let mut end = at;
    let mut first = first;
    while count < MAX_TOKS {
        let mut b = WordBuf::new();
        let (w, we) = if first {
            first = false;
            let (w, l) = lower_word(s.get(at..)?, &mut b)?;
            (w, at + l)
        } else {
            let (w, _, we) = next_word(s, end, &mut b)?;
            (w, we)
        };
        let article = count == 0 && matches!(w, "a" | "an");
        if !article && !shapes.may_hold(w.as_bytes()) {
            return None;
        }
        let tok = if let Some(&v) = n.cardinals.get(w) {
            // "zero" counts nothing
            if v < 1.0 {
                return None;
            }
            Tok::Card(v)
        } else if let Some(&v) = n.tens.get(w) {
            Tok::Tens(v)
        } else if article {
            Tok::Art
        } else if w == "and" {
            Tok::And
        } else if let Some(&f) = n.multipliers.get(w) {
            match f {
                100.0 => Tok::Hundred,
                f if f >= 1000.0 => Tok::Scale(f),
                _ => return None,
            }
        } else {
            let plural = w.len() > 2 && w.ends_with('s');
            let stem = if plural { &w[..w.len() - 1] } else { w };
            let &v = n.ordinals.get(stem)?;
            if v < 3.0 || count == 0 {
                return None;
            }
            if !ends_word(s, we) {
                return None;
            }
            toks[count] = Tok::Ord(v, plural);
            count += 1;
            end = we;
            break;
        };
        toks[count] = tok;
        count += 1;
        end = we;
    }
    let t = &toks[..count];
    let Some(&Tok::Ord(_, _)) = t.last() else {
        return None;
    };
    // a mixed number: "two hundred and fifty-four hundredths"
    for j in 1..count {
        if t[j] == Tok::And
            && cardinal(&t[..j]).is_some()
            && split_fraction(&t[j + 1..]).is_some_and(|(v, _)| v < 1.0)
        {
            return None;
        }
    }
    let (v, d) = split_fraction(t)?;
    if v * d == 1.0 {
        // one of a kind: "one eighth" anywhere, "a fifth" and "one
        // hundredth" only where no noun follows
        let simple = t.len() == 2 && t[0] == Tok::Card(1.0) && d < 100.0;
        if !simple && !fraction_context(s, at, end) {
            return None;
        }
    }
    // "a fifth million", "two thirds of a million": a fraction of the scale
    if let Some((f, e)) = scale_of(s, end) {
        return Some((v * f, f / d, e));
    }
    Some((v, 1.0 / d, end))
}

/// A scale of a thousand or more after `at`, alone or after "of a": "two
/// thirds million", "two thirds of a million". Returns it and its end.
fn scale_of(s: &str, at: usize) -> Option<(f64, usize)> {
    let n = &*NUMBERS;
    let big = |at: usize| {
        let mut b = WordBuf::new();
        let (w, _, e) = next_word(s, at, &mut b)?;
        n.multipliers
            .get(w)
            .filter(|f| **f >= 1000.0 && ends_word(s, e))
            .map(|f| (*f, e))
    };
    big(at).or_else(|| {
        let mut b = WordBuf::new();
        let (_, _, oe) = next_word(s, at, &mut b).filter(|w| w.0 == "of")?;
        let mut b2 = WordBuf::new();
        let (_, _, ae) = next_word(s, oe, &mut b2).filter(|w| w.0 == "a")?;
        big(ae)
    })
}

/// True when the context of a singular fraction from `at` to `e` lets it
/// stand: "of" or a scale follows, or the clause ends after a word that
/// takes an amount ("sales rose by a fifth.", "about a fifth,") or with
/// nothing before. Elsewhere a clause-final "a fourth" is a rank standing
/// for a noun ("three of its cars and a fourth.").
fn fraction_context(s: &str, at: usize, e: usize) -> bool {
    let rest = s[e..].trim_start_matches([' ', '\t']);
    if rest.is_empty() || rest.starts_with(['.', ',', ';', ':', '!', '?', ')', '"']) {
        let before = s[..at].trim_end_matches([' ', '\t']);
        let word_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_ascii_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let w = &before[word_start..];
        return before.is_empty()
            || [
                "by", "about", "nearly", "almost", "roughly", "around", "than", "only", "just",
                "some",
            ]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x));
    }
    let mut b = WordBuf::new();
    match next_word(s, e, &mut b) {
        Some(("of", _, _)) => true,
        Some((w, _, we)) => {
            NUMBERS.multipliers.get(w).is_some_and(|f| *f >= 1000.0) && ends_word(s, we)
        }
        None => false,
    }
}

/// Numerator and denominator of tokens ending in an ordinal: the value and
/// the denominator.
fn split_fraction(t: &[Tok]) -> Option<(f64, f64)> {
    let Some(&Tok::Ord(v, plural)) = t.last() else {
        return None;
    };
    let last = t.len() - 1;
    let numer = |k: usize| -> Option<f64> {
        if k == 1 && t[0] == Tok::Art {
            Some(1.0)
        } else {
            cardinal(&t[..k])
        }
    };
    let denom = |k: usize| -> Option<f64> {
        if k == last {
            return Some(v);
        }
        if t[k] == Tok::And {
            return None;
        }
        let mut m = [Tok::And; MAX_TOKS];
        m[..t.len() - k].copy_from_slice(&t[k..]);
        m[t.len() - k - 1] = match v {
            v if v < 20.0 => Tok::Card(v),
            v if v < 100.0 => Tok::Tens(v),
            100.0 => Tok::Hundred,
            v => Tok::Scale(v),
        };
        cardinal(&m[..t.len() - k])
    };
    let fits = |k: usize| -> Option<(f64, f64)> {
        let a = numer(k)?;
        let d = denom(k)?;
        (k > 0 && (a == 1.0) != plural && d > 1.0).then_some((a / d, d))
    };
    // "thirty fifths" is one denominator, "and thirty fifths" is not
    let tens_join =
        last >= 2 && v < 10.0 && matches!(t[last - 1], Tok::Tens(_)) && t[last - 2] != Tok::And;
    let k0 = if tens_join { last - 1 } else { last };
    fits(k0).or_else(|| (1..last).filter(|k| *k != k0).find_map(fits))
}

/// The whole number a run of tokens spells ("one hundred and thirty",
/// "ninety five hundred", "a hundred thousand"), if it is one.
fn cardinal(t: &[Tok]) -> Option<f64> {
    let (mut total, mut cur, mut big) = (0.0f64, 0.0f64, f64::INFINITY);
    let mut last = Last::Start;
    for (i, &tok) in t.iter().enumerate() {
        match tok {
            Tok::Art => {
                if i != 0 || !matches!(t.get(1), Some(Tok::Hundred | Tok::Scale(_))) {
                    return None;
                }
                cur = 1.0;
                last = Last::Ones;
            }
            Tok::And => {
                let next_ones = matches!(t.get(i + 1), Some(Tok::Card(v)) if *v < 10.0);
                let ok = match last {
                    Last::Hundred | Last::Scale => i + 1 < t.len(),
                    Last::Tens => next_ones,
                    _ => false,
                };
                if !ok {
                    return None;
                }
            }
            Tok::Card(v) => {
                let ok = match last {
                    Last::Start | Last::Hundred | Last::Scale => true,
                    Last::Tens => v < 10.0,
                    _ => false,
                };
                if !ok {
                    return None;
                }
                cur += v;
                last = if v < 10.0 { Last::Ones } else { Last::Teen };
            }
            Tok::Tens(v) => {
                if !matches!(last, Last::Start | Last::Hundred | Last::Scale) {
                    return None;
                }
                cur += v;
                last = Last::Tens;
            }
            Tok::Hundred => {
                if !matches!(last, Last::Ones | Last::Teen | Last::Tens) {
                    return None;
                }
                cur *= 100.0;
                last = Last::Hundred;
            }
            Tok::Scale(f) => {
                if !matches!(last, Last::Ones | Last::Teen | Last::Tens | Last::Hundred) || f >= big
                {
                    return None;
                }
                total += cur * f;
                cur = 0.0;
                big = f;
                last = Last::Scale;
            }
            Tok::Ord(_, _) => return None,
        }
    }
    (last != Last::Start).then_some(total + cur)
}

/// Whether an ordinal word may follow what has been read: alone, after tens
/// ("twenty-first"), after hundreds ("one hundred and first"), or a large one
/// after a count ("a hundred trillionth").
fn ordinal_fits(last: Last, v: f64) -> bool {
    match last {
        Last::Start => true,
        Last::Tens => v < 10.0,
        Last::Hundred | Last::Scale => true,
        Last::Ones | Last::Teen | Last::Article => v >= 100.0,
    }
}

fn ordinal_value(total: f64, current: f64, v: f64) -> f64 {
    if v >= 100.0 {
        (total + current).max(1.0) * v
    } else {
        total + current + v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inside [`remembering`], [`parse`] answers as it does outside, on its
    /// document and on another text of the same length read in between, and
    /// the memory is gone when the scope ends.
    #[test]
    fn remembered_answers_are_the_answers() {
        let text = "It rose 3 days ago to 4.5 million, then 12 percent, twenty-five of 1,200.";
        let other = "It rose 7 days ago to 9.5 billion, then 88 per cent, thirty-five of 3/40.";
        assert_eq!(text.len(), other.len());
        let ends = |t: &str| [t.len(), t.len() / 2];
        let fresh = |t: &str, p, e, m| parse_afresh(t, p, e, m);
        remembering(text, || {
            for p in 0..text.len() {
                for e in ends(text) {
                    for m in [false, true] {
                        let want = fresh(text, p, e, m);
                        assert_eq!(parse(text, p, e, m), want, "{p} {e} {m}");
                        assert_eq!(parse(other, p, e, m), fresh(other, p, e, m));
                        assert_eq!(parse(text, p, e, m), want);
                        assert_eq!(parse(text, p, e, m), want);
                    }
                }
            }
            assert_eq!(MEMO.get().doc, Some((text.as_ptr() as usize, text.len())));
        });
        assert_eq!(MEMO.get().doc, None);
        assert!(fresh(text, 8, text.len(), false).is_some_and(|n| n.value == 3.0));
    }

    /// [`FRACTION_WORDS`] turns away no word [`ordinal_fraction`] looks
    /// up: every cardinal, tens word, scale, ordinal and plural ordinal, and
    /// "and"; and the shortcut does turn away common words.
    #[test]
    fn fraction_shapes_hold_every_word_read() {
        let n = &*NUMBERS;
        let m = &*FRACTION_WORDS;
        let plurals: Vec<String> = n.ordinals.keys().map(|w| format!("{w}s")).collect();
        let words = n
            .cardinals
            .keys()
            .chain(n.tens.keys())
            .chain(n.multipliers.keys())
            .chain(n.ordinals.keys())
            .chain(plurals.iter())
            .map(String::as_str)
            .chain(["and"]);
        for w in words.filter(|w| w.bytes().all(|c| c.is_ascii_lowercase())) {
            assert!(m.may_hold(w.as_bytes()), "{w}");
        }
        assert!(!m.may_hold(b"year") && !m.may_hold(b"people"));
        assert_eq!(
            ordinal_fraction("a fifth of", 0, true).map(|f| f.2),
            Some(7)
        );
        assert_eq!(ordinal_fraction("a year", 0, true), None);
        assert_eq!(
            ordinal_fraction("two thirds", 0, true).map(|f| f.2),
            Some(10)
        );
    }

    /// Every word the number grammar reads: the lexicon's words, the
    /// plural ordinals, "and", "half", "a" and "an".
    fn grammar_read_words() -> Vec<String> {
        let n = &*NUMBERS;
        n.cardinals
            .keys()
            .chain(n.tens.keys())
            .chain(n.multipliers.keys())
            .chain(n.denominators.keys())
            .chain(n.ordinals.keys())
            .cloned()
            .chain(n.ordinals.keys().map(|w| w.clone() + "s"))
            .chain(["and", "half", "a", "an"].map(String::from))
            .collect()
    }

    /// [`GRAMMAR_WORDS`] holds every word the loop of [`words_from`] looks
    /// up or compares, so its break changes no answer; and the article
    /// filter of [`words`] answers as the grammar after "a" and "an" before
    /// every lexicon word, plural ordinal and literal, in both cases, after
    /// each separator, before what may follow a fraction or a scale.
    #[test]
    fn grammar_shapes_and_article_filter() {
        let m = &*GRAMMAR_WORDS;
        let words_read = grammar_read_words();
        let read: Vec<&str> = words_read.iter().map(String::as_str).collect();
        for w in &read {
            assert!(m.may_hold(w.as_bytes()), "{w}");
        }
        assert!(!m.may_hold(b"year") && !m.may_hold(b"of") && !m.may_hold(b"people"));
        let others = ["of", "year", "the", "x", "hour", "new"];
        let (mut tried, mut turned) = (0, 0);
        for art in ["a", "an", "A", "An"] {
            for w in read.iter().copied().chain(others) {
                for w in [w.to_string(), w.to_ascii_uppercase()] {
                    for sep in [" ", "-", " - ", "  ", ""] {
                        for rest in ["", " of them", " million", " hundred", " of a million", "."] {
                            let s = format!("{art}{sep}{w}{rest}");
                            assert_eq!(words(&s, 0), words_from(&s, 0), "{s:?}");
                            turned += usize::from(!grammar_word_follows(&s, art.len()));
                            let s = format!("rose by {s}");
                            assert_eq!(words(&s, 8), words_from(&s, 8), "{s:?}");
                            tried += 1;
                        }
                    }
                }
            }
        }
        assert!(tried > 1000, "only {tried} cases");
        assert!(
            turned > 500,
            "the article shortcut turned away only {turned}"
        );
        assert_eq!(words("a fifth.", 0).map(|n| n.value), Some(0.2));
        assert_eq!(words("a year", 0), None);
    }

    /// The shortcuts of [`words`] (a lone cardinal or tens word, a first
    /// ordinal, "a", "half" or a sign before no grammar word) answer as the
    /// grammar: every starter word, in three cases, before every word the
    /// grammar reads and others, after each separator, before the end,
    /// punctuation, digits or non-ASCII, at the start and after "between"
    /// (which changes "twenty and four").
    #[test]
    fn lone_count_word_answers_as_the_grammar() {
        let words_read = grammar_read_words();
        let next: Vec<&str> = words_read
            .iter()
            .map(String::as_str)
            .chain(["of", "people", "over", "out", "x"])
            .collect();
        let (mut lone, mut tried) = (0, 0);
        for w in starter_words() {
            let upper = w.to_ascii_uppercase();
            let title = format!("{}{}", &upper[..1], &w[1..]);
            for w in [w, &upper, &title] {
                let mut after: Vec<String> =
                    ["", ".", ",", "-", " -", "5", " 5", "\u{e9}", " \u{e9}"]
                        .map(String::from)
                        .to_vec();
                for x in &next {
                    for sep in [" ", "-", " - ", ""] {
                        after.push(format!("{sep}{x}"));
                        after.push(format!("{sep}{x} of a million"));
                    }
                }
                for a in &after {
                    for before in ["", "between "] {
                        let s = format!("{before}{w}{a}");
                        let pos = before.len();
                        let got = words(&s, pos);
                        assert_eq!(got, words_from(&s, pos), "{s:?}");
                        tried += 1;
                        lone += usize::from(got.is_some_and(|n| n.end == pos + w.len()));
                    }
                }
            }
        }
        assert!(lone * 4 > tried, "{lone} of {tried}");
        for w in [
            "minus", "Minus", "MINUS", "mINUS", "minor", "nminus", "negative", "a",
        ] {
            let s = format!("{w} 5");
            let want = w.eq_ignore_ascii_case("minus");
            assert_eq!(minus_digits(&s, 0, false).is_some(), want, "{s}");
        }
    }

    /// [`word_letters`] finds the word [`lower_word`] reads, as written,
    /// and nothing where it reads nothing; [`STARTERS`] finds every starter
    /// word in any case, and no other word, as a map of them would: on the
    /// starters' forms and on words glued from them, letters and marks.
    #[test]
    fn packed_starters_answer_as_the_lexicon() {
        let starters: Vec<&str> = starter_words().collect();
        let map: WordMap<()> = starters.iter().map(|w| (w.to_string(), ())).collect();
        let mut pieces = starters.clone();
        pieces.extend(["a", "Z", "e", "-", " ", "5", "\u{e9}", ".", "xxxxxxxxxxxx"]);
        let probes = crate::testgen::lookup_probes(
            starters.iter().copied(),
            crate::testgen::glued(20_000, 4, &pieces, 0x9e37_79b9_7f4a_7c15),
            &["", " ", "5", "\u{e9}", "-", "s"],
        );
        let mut found = 0;
        for p in &probes {
            let mut buf = WordBuf::new();
            let lowered = lower_word(p, &mut buf).map(|(w, _)| w);
            let letters = word_letters(p);
            let letters_lowered = letters.map(<[u8]>::to_ascii_lowercase);
            assert_eq!(
                letters_lowered.as_deref(),
                lowered.map(str::as_bytes),
                "{p:?}"
            );
            if let Some(w) = letters {
                let packed = STARTERS.get(w, w.len()).is_some();
                assert_eq!(
                    packed,
                    lowered.is_some_and(|w| map.contains_key(w)),
                    "{p:?}"
                );
                found += usize::from(packed);
            }
        }
        assert!(found > 1000, "only {found} found");
    }

    /// [`next_word_start`] as it read before it read bytes: by slices.
    fn next_word_start_by_slices(s: &str, at: usize) -> Option<usize> {
        let rest = s.get(at..)?;
        let gap = if rest.starts_with('-') {
            1
        } else {
            let g = spaces(rest);
            if g == 0 {
                return None;
            }
            let r = &rest[g..];
            if r.starts_with('-') && !r.starts_with("--") {
                let g2 = spaces(&r[1..]);
                if g2 > 0 { g + 1 + g2 } else { g }
            } else {
                g
            }
        };
        Some(at + gap)
    }

    /// [`next_word_start`] answers as [`next_word_start_by_slices`] at every
    /// byte offset (inside characters and past the end too) of strings
    /// glued from spaces, tabs, hyphens, words and other scripts.
    #[test]
    fn next_word_start_answers_as_the_slices() {
        let pieces = [
            " ", "  ", "\t", "-", "--", "a", "five", "\u{e9}", "\u{2212}", "5",
        ];
        let mut found = 0;
        for s in crate::testgen::glued(20_000, 7, &pieces, 0x2545_f491_4f6c_dd1d) {
            for at in 0..=s.len() + 1 {
                let got = next_word_start(&s, at);
                assert_eq!(got, next_word_start_by_slices(&s, at), "{s:?} {at}");
                found += usize::from(got.is_some_and(|g| g > at + 1));
            }
        }
        assert!(found > 10_000, "{found}");
    }

    /// The "and" read in place is the one [`next_word`] reads: at every
    /// offset of strings glued from "and" in its cases, longer and shorter
    /// words, digits, spaces, hyphens and characters beyond ASCII.
    #[test]
    fn and_in_place_answers_as_the_next_word() {
        const PIECES: &[&str] = &[
            "and", "AND", "And", "anD", "an", "andy", "sand", "5", " ", "  ", "\t", "-", " - ",
            "--", "é", "日", "million", ",", "\u{a0}",
        ];
        let mut found = 0;
        for s in crate::testgen::glued(20_000, 6, PIECES, 0xa4d) {
            for at in 0..=s.len() {
                let mut buf = WordBuf::new();
                let want = next_word(&s, at, &mut buf)
                    .filter(|&(w, _, _)| w == "and")
                    .map(|(_, _, e)| e);
                assert_eq!(and_after(&s, at), want, "{s:?} at {at}");
                found += usize::from(want.is_some());
            }
        }
        assert!(found > 1_000, "{found}");
    }

    /// [`scale_after`] as it read before [`SCALES`]: the word lowercased
    /// and looked up in the lexicon's maps.
    fn scale_after_by_maps(s: &str, end: usize, money: bool) -> (f64, usize) {
        let n = &*NUMBERS;
        let mut scale = 1.0;
        let mut at = end;
        let mut buf = WordBuf::new();
        for _ in 0..2 {
            let Some(rest) = s.get(at..) else { break };
            let gap = spaces(rest);
            let glued = gap == 0 && at == end;
            let Some((w, len)) = lower_word(&rest[gap..], &mut buf) else {
                break;
            };
            if !ends_word(rest, gap + len) {
                break;
            }
            let f = if let Some(&f) = n.multipliers.get(w).or_else(|| n.abbreviations.get(w)) {
                f
            } else if glued && (matches!(w, "k" | "mil") || (money && n.glued.contains_key(w))) {
                n.glued.get(w).copied().unwrap_or(1.0)
            } else {
                break;
            };
            if scale > 1.0 && f <= scale {
                break;
            }
            if at > end && gap == 0 {
                break;
            }
            scale *= f;
            at += gap + len;
        }
        (scale, at)
    }

    /// [`scale_after`] answers as [`scale_after_by_maps`], with and without
    /// `money`: after a figure, every scale word and glued scale in its
    /// forms (capitals, capitalised, cut short, plural, doubled) and
    /// strings glued from them, spaces, other words and marks, each
    /// before what may end a word or join it. Every key packs.
    #[test]
    fn packed_scales_answer_as_the_maps() {
        let n = &*NUMBERS;
        let keys: Vec<&str> = n
            .multipliers
            .keys()
            .chain(n.abbreviations.keys())
            .chain(n.glued.keys())
            .map(String::as_str)
            .chain(["k", "mil"])
            .collect();
        for k in &keys {
            assert!(super::super::packed::packable(k), "{k}");
        }
        let mut pieces = keys.clone();
        pieces.extend([
            " ", "  ", "\t", "a", "Z", "e", "-", "5", "\u{e9}", ".", "people", "to",
        ]);
        let probes = crate::testgen::lookup_probes(
            keys.iter().copied(),
            crate::testgen::glued(20_000, 6, &pieces, 0x2545_f491_4f6c_dd1d),
            &["", " ", "5", "\u{e9}", "-", "s", " million", " bn", "m"],
        );
        let (mut scaled, mut two) = (0, 0);
        for p in &probes {
            for lead in ["", " ", "\t "] {
                let s = format!("12{lead}{p}");
                for money in [false, true] {
                    let got = scale_after(&s, 2, money);
                    assert_eq!(got, scale_after_by_maps(&s, 2, money), "{s:?} {money}");
                    scaled += usize::from(got.0 != 1.0);
                    two += usize::from(got.0 >= 1e9 && !p.contains("bn") && !p.contains('b'));
                }
            }
        }
        assert!(scaled > 10_000 && two > 100, "{scaled} {two}");
    }

    /// Every string of up to five characters from digits, the group
    /// separators and a few others: [`integer`]'s shortcut for an
    /// ungrouped run answers as the grammar does.
    #[test]
    fn integer_shortcut_answers_as_the_grammar() {
        let alphabet = [
            "0", "1", "5", ",", " ", ".", "a", "%", "\u{a0}", "\u{202f}", "\u{2009}", "\u{e9}",
        ];
        let mut inputs = vec![String::new()];
        let mut level = inputs.clone();
        for _ in 0..5 {
            level = level
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            inputs.extend(level.iter().cloned());
        }
        for i in inputs.iter().chain(
            [
                "1,234,567",
                "12,34,567",
                "40\u{202f}000",
                "1 414 021",
                "123 45",
                "2,3",
            ]
            .map(String::from)
            .iter(),
        ) {
            assert_eq!(integer(i), integer_grouped(i), "{i:?}");
        }
    }

    /// [`plain_figure`] answers as [`digits`] and [`ratio`] do, with and
    /// without `money`: every figure of a set of shapes (grouped, decimal,
    /// long, malformed groups) followed by up to three pieces of what may
    /// come after one (signs, separators, spaces, suffixes, scale words,
    /// powers, fractions, non-ASCII), after nothing and after a number.
    #[test]
    fn plain_figure_answers_as_the_grammar() {
        let figures = [
            "5",
            "2019",
            "040",
            "1,234",
            "1,23",
            "1,2345",
            "12,34,567",
            "1,234,567",
            "4.5",
            "4.500",
            "1,234.56",
            "12.",
            "99999999999999999999",
        ];
        let pieces = [
            "",
            "0",
            "3",
            ",",
            ".",
            ":",
            "-",
            " ",
            "\t",
            "/",
            "^",
            "*",
            "(",
            ")",
            "%",
            "x",
            "X",
            "e",
            "st",
            "m",
            "k",
            "million",
            "Million",
            "bn",
            "over",
            "out of",
            "of",
            "people",
            "\u{bd}",
            "\u{d7}",
            "\u{a0}",
            "\u{e9}",
            "10",
            " over 3",
            " out of 4",
            " x 10^-4",
            "*10^6",
            " to",
            " Minutes",
            " tn",
            " GMT",
            "th",
            "ND",
            "E",
            "mn",
            "Bn",
            "mil",
            "pc",
            " dozen",
            " hundred",
            " thousand people",
            " 1/2",
            "-1/2",
            " and a half",
            " hundred and 5",
            "\u{2212}4",
        ];
        let (mut hits, mut scaled, mut tried, mut hyphened) = (0, 0, 0, 0);
        for before in ["", "7 "] {
            for f in figures {
                for a in pieces {
                    for b in pieces {
                        for c in pieces {
                            let s = format!("{before}{f}{a}{b}{c}");
                            let pos = before.len();
                            tried += 1;
                            for money in [false, true] {
                                let Some(n) = plain_figure(&s, pos, money) else {
                                    continue;
                                };
                                let general =
                                    digits(&s, pos, money).map(|n| ratio(&s, n).unwrap_or(n));
                                assert_eq!(Some(n), general, "{s:?} {money}");
                                hits += 1;
                                scaled += usize::from(n.scale != 1.0);
                                let after = &s.as_bytes()[n.end..];
                                hyphened += usize::from(
                                    after.first() == Some(&b'-')
                                        && after.get(1).is_some_and(u8::is_ascii_digit),
                                );
                            }
                        }
                    }
                }
            }
        }
        assert!(hits * 10 > tried, "{hits} of {tried}");
        assert!(scaled * 10 > hits, "{scaled} of {hits}");
        assert!(hyphened > 50_000, "{hyphened} of {hits} before a hyphen");
        for s in ["11-1/2", "2019-1/4 ", "3.5"] {
            let f = plain_figure(s, 0, false);
            assert!(s.contains('/') != f.is_some(), "{s}");
        }
        for s in [
            "2004-05",
            "3-4 people",
            "2019 people",
            "1,234.",
            "4.5%",
            "12 of",
            "3-year",
            "5)",
            "13 million",
            "55bn",
            "4.5 Million people",
        ] {
            assert!(plain_figure(s, 0, true).is_some(), "{s}");
        }
    }

    /// [`value_of`]'s exact shortcut gives `str::parse`'s answer: every
    /// literal of up to four digits and a dot anywhere, and long ones on
    /// both sides of the 15-digit limit.
    #[test]
    fn value_shortcut_answers_as_parse() {
        let mut lits: Vec<String> = Vec::new();
        for n in 0..10_000u32 {
            for width in 1..=4 {
                let d = format!("{n:0width$}");
                if d.len() != width {
                    continue;
                }
                for dot in 0..=width {
                    lits.push(format!("{}.{}", &d[..dot], &d[dot..]));
                }
                lits.push(d);
            }
        }
        // a fixed sequence of long literals (a linear congruential walk)
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = 1 + (x >> 59) as usize;
            let digits: String = (0..len)
                .map(|k| char::from(b'0' + ((x >> (k * 3 % 60)) % 10) as u8))
                .collect();
            let dot = (x >> 40) as usize % (len + 1);
            lits.push(format!("{}.{}", &digits[..dot], &digits[dot..]));
            lits.push(format!("1,{}", &digits));
        }
        for lit in [
            "9007199254740993",
            "0.1",
            "0.3",
            "123456789012345.6",
            "1.2.3",
            ".",
        ] {
            lits.push(lit.to_string());
        }
        for lit in &lits {
            assert_eq!(
                value_of(lit).map(f64::to_bits),
                value_of_long(lit).map(f64::to_bits),
                "{lit}"
            );
        }
    }

    /// [`match_found`] answers as [`lexicon::match_phrase`] wherever a
    /// lookup would call it: every unit and currency phrase against strings
    /// glued from their words in three cases, letters, digits, marks and
    /// non-ASCII, where the string's word is the phrase's first.
    #[test]
    fn found_phrases_match_as_the_phrases() {
        let phrases: Vec<&str> = super::super::quantity::phrases()
            .chain(super::super::money::phrases())
            .collect();
        let mut pieces: Vec<String> = Vec::new();
        for w in phrases.iter().flat_map(|p| p.split(' ')) {
            pieces.extend([w.to_string(), w.to_ascii_uppercase()]);
        }
        pieces.extend([" ", "-", "5", ".", "s", "\u{e9}", "\u{b0}"].map(String::from));
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let (mut whole, mut compared) = (0, 0);
        for s in crate::testgen::glued(20_000, 4, &pieces, 0x9e37_79b9_7f4a_7c15) {
            let run = leading_letters(&s);
            let Some(w) = word_of_run(&s, run) else {
                continue;
            };
            for &phrase in &phrases {
                let first = leading_letters(phrase);
                if first.is_empty() || !first.eq_ignore_ascii_case(w) {
                    continue;
                }
                let got = match_found(&s, w.len(), phrase);
                assert_eq!(
                    got,
                    lexicon::match_phrase(&s, phrase, true),
                    "{s:?} {phrase:?}"
                );
                if phrase.len() == w.len() {
                    whole += 1;
                } else {
                    compared += 1;
                }
            }
        }
        assert!(whole > 2_000 && compared > 2_000, "{whole} {compared}");
    }

    /// [`ratio`] answers as [`read_ratio`], its reader without the filter:
    /// after numbers in digits and words, strings glued from "over", "out
    /// of", their near misses in three cases, numbers, words, spaces and
    /// marks.
    #[test]
    fn ratio_filter_answers_as_the_reader() {
        let pieces = [
            "over",
            "Over",
            "OVER",
            "out of",
            "Out  of",
            "out",
            "of",
            "o",
            "ov",
            "3",
            "4",
            "five",
            "hundred",
            " ",
            "\t",
            "people",
            "-",
            ".",
            ",",
            "\u{e9}",
            "over 3.",
            "out of 40 ",
            "OUT OF five",
        ];
        let (mut ratios, mut turned) = (0, 0);
        for p in crate::testgen::glued(20_000, 6, &pieces, 0x5851_f42d_4c95_7f2d) {
            for lead in ["2 ", "two ", "2", "one "] {
                let s = format!("{lead}{p}");
                let Some(a) = digits(&s, 0, false).or_else(|| words(&s, 0)) else {
                    continue;
                };
                let got = ratio(&s, a);
                assert_eq!(got, read_ratio(&s, a), "{s:?}");
                ratios += usize::from(got.is_some());
                let next = s.as_bytes().get(a.end + spaces(&s[a.end..]));
                turned += usize::from(!matches!(next, Some(b'o' | b'O')));
            }
        }
        assert!(ratios > 1_000 && turned > 10_000, "{ratios} {turned}");
    }

    /// Where [`may_go_on`] says no, [`digit_scales`] reads nothing under
    /// any scale and [`and_after`] finds no "and": after a scale, strings
    /// glued from digits, "and", its near misses, words, spaces, tabs,
    /// hyphens and marks.
    #[test]
    fn go_on_filter_turns_away_only_what_reads_nothing() {
        let pieces = [
            " ",
            "  ",
            "\t",
            "-",
            " - ",
            "and",
            "And",
            "AND",
            "an",
            "a",
            "andes",
            "5",
            "21",
            "300",
            "0",
            "hundred",
            "thousand",
            "million",
            "people",
            "x",
            ".",
            ",",
            "\u{e9}",
            " and",
            " 3 hundred",
            " and 21",
            " 4",
        ];
        let (mut turned, mut read_on) = (0, 0);
        for p in crate::testgen::glued(30_000, 6, &pieces, 0x2545_f491_4f6c_dd1d) {
            let s = format!("4 thousand{p}");
            let at = "4 thousand".len();
            let reads = [100.0, 1000.0, 1e6, 1e9]
                .iter()
                .any(|&big| digit_scales(&s, at, big).2 > at)
                || and_after(&s, at).is_some();
            if may_go_on(&s, at) {
                read_on += usize::from(reads);
            } else {
                assert!(!reads, "{s:?}");
                turned += 1;
            }
        }
        assert!(turned > 5_000 && read_on > 2_000, "{turned} {read_on}");
    }

    /// The value [`plain_figure`] gathers as it measures the digits is
    /// [`value_of`] of its literal, to the bit: figures glued from digits,
    /// groups and points, on both sides of the exact path's limit, before
    /// what ends them.
    #[test]
    fn gathered_value_is_value_of() {
        let pieces = [
            "0", "7", "9", "12", "345", "99999", ",", ",000", ",999", ".",
        ];
        let figures = crate::testgen::glued(20_000, 10, &pieces, 0x9e37_79b9_7f4a_7c15);
        let (mut exact, mut long) = (0, 0);
        for f in &figures {
            for tail in ["", " ", ",", ".", " people"] {
                let s = format!("{f}{tail}");
                let Some(n) = plain_figure(&s, 0, false) else {
                    continue;
                };
                let lit = &s[..n.digits_end];
                assert_eq!(
                    Some(n.value.to_bits()),
                    value_of(lit).map(f64::to_bits),
                    "{s:?}"
                );
                let digits = lit.bytes().filter(u8::is_ascii_digit).count();
                if digits <= EXACT_DIGITS {
                    exact += 1;
                } else {
                    long += 1;
                }
            }
        }
        assert!(exact > 10_000 && long > 1_000, "{exact} {long}");
    }

    /// The first-word filter of [`words`] changes no answer: the grammar
    /// decides by lexicon lookups and a few literal words, so a word in no
    /// lexicon behaves as "xyz" does, and every lexicon and literal word
    /// that is no starter fails before the filter too, whatever follows.
    #[test]
    fn words_filter_turns_away_only_what_the_grammar_rejects() {
        let n = &*NUMBERS;
        let literals = [
            "and", "half", "a", "an", "minus", "over", "out", "of", "quarter", "quarters", "dozen",
            "the", "xyz", "b", "k", "m", "bn", "mil", "mln", "th", "st", "nd", "rd",
        ];
        let lexicon = [
            &n.cardinals,
            &n.tens,
            &n.multipliers,
            &n.abbreviations,
            &n.glued,
            &n.ordinals,
            &n.denominators,
            &n.signs,
        ];
        let firsts = lexicon
            .iter()
            .flat_map(|m| m.keys().map(String::as_str))
            .chain(literals);
        let rests = [
            "",
            " one",
            " two",
            " hundred",
            " a half",
            " a third",
            " fifths",
            " fifth",
            " and a half",
            " and three quarters",
            "-five",
            " million",
            " dozen",
            " thousand",
            " twenty-one",
            " twenty fifths",
            " hundred and five",
            " quarter",
            " of them",
            " over three",
            " out of four",
            " a million",
            " 5",
        ];
        let mut tried = 0;
        for w in firsts.filter(|w| STARTERS.get(w.as_bytes(), w.len()).is_none()) {
            for case in [w.to_string(), w.to_ascii_uppercase()] {
                for r in rests {
                    let s = format!("{case}{r} people");
                    assert_eq!(words_from(&s, 0), None, "`{s}`");
                    tried += 1;
                }
            }
        }
        assert!(tried > 100, "only {tried} cases");
    }

    /// A reading that finds no number reads a bounded number of words,
    /// however long the run of number words after it (issue 6: time linear
    /// in the text, as the walk tries a reading at each word): runs of each
    /// lexicon word, of pairs and triples of the core words, and glued runs
    /// of number words, read from each of their words. Before the bound,
    /// from each "a" of "a a a …" the run was read to its end for no
    /// number. (A reading that finds one, "one hundred and one hundred …",
    /// is followed by the walk past its end.)
    #[test]
    fn a_reading_reads_a_bounded_run() {
        /// More words than any number in words holds: the scales fall
        /// (five of them), each group holds at most "a hundred and
        /// twenty-one", and a fraction at most [`MAX_TOKS`] words.
        const MOST: usize = 40;
        /// Words in each text read, well past [`MOST`].
        const RUN: usize = 3 * MOST;
        let n = &*NUMBERS;
        let lexicon = [
            &n.cardinals,
            &n.tens,
            &n.multipliers,
            &n.ordinals,
            &n.denominators,
            &n.signs,
        ];
        let mut pieces: Vec<&str> = lexicon
            .iter()
            .flat_map(|m| m.keys().map(String::as_str))
            .chain(["a", "an", "and", "half", "of"])
            .collect();
        pieces.sort_unstable();
        pieces.dedup();
        let core = [
            "a", "one", "twenty", "hundred", "thousand", "and", "half", "third",
        ];
        let mut runs: Vec<String> = pieces.iter().map(|w| format!("{w} ")).collect();
        for a in core {
            for b in core {
                runs.push(format!("{a} {b} "));
                runs.extend(core.map(|c| format!("{a} {b} {c} ")));
            }
        }
        let joined: Vec<String> = pieces
            .iter()
            .flat_map(|w| [format!("{w} "), format!("{w}-")])
            .collect();
        let joined: Vec<&str> = joined.iter().map(String::as_str).collect();
        runs.extend(crate::testgen::glued(300, 8, &joined, 0x6e75_6d62));
        let (mut failed, mut went_on) = (0, 0);
        for run in runs.iter().filter(|r| !r.is_empty()) {
            let words = run.matches([' ', '-']).count();
            let s = run.repeat(RUN.div_ceil(words));
            let starts = (0..s.len()).filter(|&i| i == 0 || s[..i].ends_with([' ', '-']));
            for pos in starts {
                let before = WORDS_READ.get();
                let found = parse_afresh(&s, pos, s.len(), false);
                let read = WORDS_READ.get() - before;
                if found.is_some() {
                    continue;
                }
                assert!(
                    read <= MOST,
                    "{read} words read at {pos} of `{s}` for no number"
                );
                failed += 1;
                went_on += usize::from(read > 2);
            }
        }
        // readings that found nothing, many of them past their second word
        assert!(
            failed > 1_000 && went_on > 100,
            "{failed} failed, {went_on} went on"
        );
    }

    fn num(s: &str) -> Option<Num> {
        parse(s, 0, s.len(), false)
    }

    #[track_caller]
    fn is(s: &str, text: &str, value: f64, step: f64) {
        let n = num(s).unwrap_or_else(|| panic!("no number in `{s}`"));
        assert_eq!(&s[n.start..n.end], text, "span of `{s}`");
        assert!(
            (n.value - value).abs() <= 1e-9 * value.abs().max(1.0),
            "value of `{s}`: {}",
            n.value
        );
        assert!(
            (n.step - step).abs() <= 1e-12 * step.abs().max(1.0),
            "step of `{s}`: {}",
            n.step
        );
    }

    #[track_caller]
    fn money(s: &str, text: &str, value: f64) {
        let n = parse(s, 0, s.len(), true).unwrap_or_else(|| panic!("no number in `{s}`"));
        assert_eq!(&s[n.start..n.end], text);
        assert_eq!(n.value, value);
    }

    #[track_caller]
    fn none(s: &str) {
        assert_eq!(num(s), None, "`{s}`");
    }

    #[track_caller]
    fn ordinal(s: &str, text: &str, value: f64) {
        let n = num(s).unwrap_or_else(|| panic!("no ordinal in `{s}`"));
        assert!(n.ordinal, "`{s}` not ordinal");
        assert_eq!(&s[n.start..n.end], text);
        assert_eq!(n.value, value);
    }

    #[test]
    fn digits_and_separators() {
        is("1,234.56 people", "1,234.56", 1234.56, 0.01);
        is(".5", ".5", 0.5, 0.1);
        is("10,000", "10,000", 10000.0, 1.0);
        is("16,000 jobs", "16,000", 16000.0, 1.0);
        is("-3.5", "-3.5", -3.5, 0.1);
        is("\u{2212}3.5", "\u{2212}3.5", -3.5, 0.1);
        is("+12", "+12", 12.0, 1.0);
        is("4.2%", "4.2", 4.2, 0.1);
        none("1,23");
        none("24/7");
        is("4.800", "4.800", 4.8, 0.001);
    }

    #[test]
    fn scales() {
        is("13 million barrels", "13 million", 13e6, 1e6);
        is("12.8 million", "12.8 million", 12.8e6, 1e5);
        is("1.5 Million", "1.5 Million", 1.5e6, 1e5);
        is("55bn", "55bn", 55e9, 1e9);
        is("400 mln dlrs", "400 mln", 400e6, 1e6);
        is("1.05 billion dlrs", "1.05 billion", 1.05e9, 1e7);
        is("10k", "10k", 1e4, 1e3);
        is("3 dozen", "3 dozen", 36.0, 12.0);
        is("2 hundred thousand", "2 hundred thousand", 2e5, 1e5);
        is("5 millionaires", "5", 5.0, 1.0);
        is("5m people", "5", 5.0, 1.0);
        money("1.2tn", "1.2tn", 1.2e12);
        money("55m", "55m", 55e6);
        money("5 m", "5", 5.0);
        money("1MM", "1MM", 1e6);
        is("1MM", "1", 1.0, 1.0);
        is("2mil SEK", "2mil", 2e6, 1e6);
        is("2 mil", "2", 2.0, 1.0);
    }

    #[test]
    fn fractions() {
        is("11-1/2", "11-1/2", 11.5, 0.5);
        is("11 3/4", "11 3/4", 11.75, 0.25);
        is("1/2", "1/2", 0.5, 0.5);
        is("½", "½", 0.5, 0.5);
        is("2½ times", "2½", 2.5, 0.5);
        none("9/11");
        none("3/4/2020");
    }

    #[test]
    fn words_cardinal() {
        is("thirteen", "thirteen", 13.0, 1.0);
        is("twenty-five people", "twenty-five", 25.0, 1.0);
        is("twenty five", "twenty five", 25.0, 1.0);
        is("a dozen eggs", "a dozen", 12.0, 12.0);
        is("one hundred and five", "one hundred and five", 105.0, 1.0);
        is(
            "one hundred and sixteen",
            "one hundred and sixteen",
            116.0,
            1.0,
        );
        is("half a million", "half a million", 5e5, 5e5);
        is(
            "two and a half million",
            "two and a half million",
            2.5e6,
            5e5,
        );
        is("thirteen million", "thirteen million", 13e6, 1e6);
        is(
            "two million three hundred thousand",
            "two million three hundred thousand",
            2.3e6,
            1e5,
        );
        is("a hundred", "a hundred", 100.0, 100.0);
        is("minus five", "minus five", -5.0, 1.0);
        is("negative ten and", "negative ten", -10.0, 1.0);
        is(
            "one thousand and five hundred",
            "one thousand and five hundred",
            1500.0,
            100.0,
        );
    }

    #[test]
    fn words_fractions() {
        is("two-thirds of", "two-thirds", 2.0 / 3.0, 1.0 / 3.0);
        is("two thirds", "two thirds", 2.0 / 3.0, 1.0 / 3.0);
        is("a quarter of the", "a quarter", 0.25, 0.25);
        is("three quarters", "three quarters", 0.75, 0.25);
        is("a half", "a half", 0.5, 0.5);
        none("a quarter");
        is("one eighth", "one eighth", 0.125, 0.125);
        is("a quarter million", "a quarter million", 2.5e5, 2.5e5);
        is(
            "three quarters billion",
            "three quarters billion",
            7.5e8,
            2.5e8,
        );
        is("half million", "half million", 5e5, 5e5);
        assert!(num("minus one").is_some_and(|n| !n.bare_one && n.value == -1.0));
        none("a half-hour");
        none("a third term");
    }

    #[test]
    fn words_not_numbers() {
        none("a");
        none("an apple");
        none("tennis");
        none("minus");
        none("half of them");
        assert!(num("one of the").is_none_or(|n| n.bare_one));
        assert!(num("one").is_some_and(|n| n.bare_one));
        assert!(num("one million").is_some_and(|n| !n.bare_one));
        is("one two", "one", 1.0, 1.0);
        is("twenty twenty", "twenty", 20.0, 1.0);
    }

    #[test]
    fn ordinals() {
        ordinal("21st", "21st", 21.0);
        ordinal("3rd place", "3rd", 3.0);
        ordinal("twenty-first", "twenty-first", 21.0);
        ordinal("first", "first", 1.0);
        ordinal("a hundred trillionth", "a hundred trillionth", 1e14);
        ordinal("one hundred and first", "one hundred and first", 101.0);
        assert!(num("21stcentury").is_some_and(|n| !n.ordinal));
    }

    #[test]
    fn fractions_after_and() {
        is(
            "forty two and a third",
            "forty two and a third",
            42.0 + 1.0 / 3.0,
            1.0 / 3.0,
        );
        is(
            "one hundred and three quarters",
            "one hundred and three quarters",
            100.75,
            0.25,
        );
        is(
            "one million and a half",
            "one million and a half",
            1.5e6,
            5e5,
        );
        is(
            "two million and one half",
            "two million and one half",
            2.5e6,
            5e5,
        );
        is(
            "3 million and a quarter",
            "3 million and a quarter",
            3.25e6,
            2.5e5,
        );
        is(
            "one billion and three quarters million",
            "one billion and three quarters million",
            1.00075e9,
            2.5e5,
        );
        is(
            "two thirds of a million",
            "two thirds of a million",
            2e6 / 3.0,
            1e6 / 3.0,
        );
        is("half a dozen", "half a dozen", 6.0, 6.0);
        is("3 dozens", "3 dozens", 36.0, 12.0);
        is("one hundred and five", "one hundred and five", 105.0, 1.0);
        is("three-and-a-half-year", "three-and-a-half", 3.5, 0.5);
        is("one-and-a-half years", "one-and-a-half", 1.5, 0.5);
        is("three and another", "three", 3.0, 1.0);
    }

    #[test]
    fn ordinal_denominators() {
        is("a fifth", "a fifth", 0.2, 0.2);
        is("a fifth of them", "a fifth", 0.2, 0.2);
        is("a trillionth", "a trillionth", 1e-12, 1e-12);
        is("one twenty-fifth", "one twenty-fifth", 0.04, 0.04);
        is("one - fourth", "one - fourth", 0.25, 0.25);
        is("five - eighths", "five - eighths", 0.625, 0.125);
        is(
            "a hundred trillionths",
            "a hundred trillionths",
            1e-10,
            1e-12,
        );
        is("twenty twenty fifths", "twenty twenty fifths", 0.8, 0.04);
        is(
            "one hundred and thirty fifths",
            "one hundred and thirty fifths",
            26.0,
            0.2,
        );
        is(
            "one hundred thirty two fifths",
            "one hundred thirty two fifths",
            26.4,
            0.2,
        );
        is(
            "one hundred thirty-fifths",
            "one hundred thirty-fifths",
            100.0 / 35.0,
            1.0 / 35.0,
        );
        is(
            "one one hundred fifth",
            "one one hundred fifth",
            1.0 / 105.0,
            1.0 / 105.0,
        );
        is(
            "one one hundred and fifth",
            "one one hundred and fifth",
            1.0 / 105.0,
            1.0 / 105.0,
        );
        is(
            "ninety - five hundred fifths?",
            "ninety - five hundred fifths",
            1900.0,
            0.2,
        );
        is(
            "ninety - five hundred-fifths",
            "ninety - five hundred-fifths",
            1900.0,
            0.2,
        );
        is(
            "minus one hundred thirty fifths",
            "minus one hundred thirty fifths",
            -100.0 / 35.0,
            1.0 / 35.0,
        );
        is(
            "two and fifty-four hundredths",
            "two and fifty-four hundredths",
            2.54,
            0.01,
        );
        is(
            "two hundred and fifty-four hundredths",
            "two hundred and fifty-four hundredths",
            200.54,
            0.01,
        );
        is(
            "twenty and three and three fifths",
            "twenty and three and three fifths",
            23.6,
            0.2,
        );
        is("three and one fourth", "three and one fourth", 3.25, 0.25);
        is("fifty - two", "fifty - two", 52.0, 1.0);
        is("twenty and four hours", "twenty and four", 24.0, 1.0);
        is("twenty and five hundred", "twenty", 20.0, 1.0);
        let s = "between twenty and five";
        assert_eq!(parse(s, 8, s.len(), false).map(|n| n.value), Some(20.0));
        // ranks, not fractions
        ordinal(
            "one hundred twenty fifth",
            "one hundred twenty fifth",
            125.0,
        );
        ordinal("a hundred trillionth", "a hundred trillionth", 1e14);
        ordinal("one hundredth anniversary", "one hundredth", 100.0);
        none("a fifth term");
        let at = |s: &str, i: usize| parse(s, i, s.len(), false).map(|n| (n.value, n.ordinal));
        assert_eq!(at("rose by a fifth.", 8), Some((0.2, false)));
        assert_eq!(at("cars and a fourth.", 9), None);
        assert_eq!(at("cars and a fourth", 9), None);
        assert_eq!(at("é a fifth.", 3), None);
        assert_eq!(at("éby a fifth.", 5), Some((0.2, false)));
        assert_eq!(at("é by a fifth.", 6), Some((0.2, false)));
        is("one and half hours", "one and half", 1.5, 0.5);
        is("44 million and half lives", "44 million", 44e6, 1e6);
        is("One and half the", "One", 1.0, 1.0);
        none("a second");
        is("two seconds", "two", 2.0, 1.0);
        is("one second", "one", 1.0, 1.0);
        is("twenty - the", "twenty", 20.0, 1.0);
    }

    #[test]
    fn digits_under_scale_words() {
        is("3 hundred and 21 yuan", "3 hundred and 21", 321.0, 1.0);
        is(
            "4 thousand 3 hundred and 21 is",
            "4 thousand 3 hundred and 21",
            4321.0,
            1.0,
        );
        is(
            "4 thousand 3 hundred",
            "4 thousand 3 hundred",
            4300.0,
            100.0,
        );
        is("5 million and 20 cents", "5 million", 5e6, 1e6);
        is("3 hundred and 210", "3 hundred", 300.0, 100.0);
        is("3 thousand 5 million", "3 thousand", 3000.0, 1000.0);
    }

    #[test]
    fn powers_with_caret() {
        is("1.1^+23", "1.1^+23", 1.1f64.powi(23), 0.001);
        is("-2500^-1", "-2500^-1", -0.0004, 1e-7);
        is("-1.1^--23", "-1.1^--23", -(1.1f64.powi(23)), 0.001);
        is("10^6 cells", "10^6", 1e6, 1000.0);
        none("2^1000000");
        none("2^x");
    }

    #[test]
    fn signed_fractions_and_ratios() {
        is("-4/5", "-4/5", -0.8, 0.2);
        none("4/5");
        is("negative one over 20", "negative one over 20", -0.05, 0.05);
        is("one over 20", "one over 20", 0.05, 0.05);
    }

    #[test]
    fn space_grouped_thousands() {
        is("40 000 is", "40 000", 40000.0, 1.0);
        is("1 414 021 100.", "1 414 021 100", 1414021100.0, 1.0);
        is("100 000 people", "100 000", 1e5, 1.0);
        is("555 111", "555", 555.0, 1.0);
        is("555 111 2222", "555", 555.0, 1.0);
        is("3 100-metre", "3", 3.0, 1.0);
        is("2019 100 people", "2019", 2019.0, 1.0);
        is("12 000.5", "12", 12.0, 1.0);
        is("040 000", "040", 40.0, 1.0);
        let s = "0845 8 505 505";
        let n = parse(s, 5, s.len(), false).unwrap();
        assert_eq!(&s[n.start..n.end], "8");
        assert!(num("40 000").is_some_and(|n| !n.plain_int));
    }

    #[test]
    fn ratios_and_signs() {
        is("one over three", "one over three", 1.0 / 3.0, 1.0 / 3.0);
        is("2000 over 3.", "2000 over 3", 2000.0 / 3.0, 1.0 / 3.0);
        is(
            "two out of five hundred tvs",
            "two out of five hundred",
            0.004,
            0.002,
        );
        assert!(num("one out of three").is_some_and(|n| n.ratio));
        is("5 over 20 years", "5", 5.0, 1.0);
        is("5 out of", "5", 5.0, 1.0);
        is("minus 5", "minus 5", -5.0, 1.0);
        none("negative 5");
    }

    #[test]
    fn powers_of_ten() {
        is("5×10−4 emu", "5×10−4", 5e-4, 1e-4);
        is("6.23x10^-4", "6.23x10^-4", 6.23e-4, 1e-6);
        is("3 × 10⁶ cells", "3 × 10⁶", 3e6, 1e6);
        is("2×10-3", "2×10-3", 2e-3, 1e-3);
        is("5 x 10 metres", "5", 5.0, 1.0);
        is("5 x 10-4", "5", 5.0, 1.0);
        is("5×10−99999", "5", 5.0, 1.0);
    }

    #[test]
    fn uncertainty_in_brackets() {
        is("4.2153(4) Å", "4.2153(4)", 4.2153, 0.0001);
        is("10(4)", "10", 10.0, 1.0);
    }

    #[test]
    fn grouped_thousands() {
        is("555 111", "555", 555.0, 1.0);
        is("40\u{202f}000", "40\u{202f}000", 40000.0, 1.0);
        is(
            "1\u{2009}414\u{2009}021.",
            "1\u{2009}414\u{2009}021",
            1414021.0,
            1.0,
        );
        is(
            "1\u{a0}234\u{a0}567.89",
            "1\u{a0}234\u{a0}567.89",
            1234567.89,
            0.01,
        );
        is("12,34,567.89", "12,34,567.89", 1234567.89, 0.01);
        is("40\u{a0}0000", "40", 40.0, 1.0);
        assert!(num("40\u{a0}000").is_some_and(|n| !n.plain_int));
    }

    #[test]
    fn rejects_code_and_times() {
        none("1.2.3");
        none("10:30");
        assert!(num(&"9".repeat(100_000)).is_none());
        none("1e999");
        is("1.3e6", "1.3e6", 1.3e6, 1e5);
        is("-127.32e13", "-127.32e13", -127.32e13, 1e11);
        is("5e-3 m", "5e-3", 5e-3, 1e-3);
        none("2e5f");
    }
}
