//! Dates, periods and years: the date half of the claim scanner.
//!
//! [`parse_at`] reads one date-like figure starting at a word boundary: full
//! and partial calendar dates ("Wednesday, Sept. 14, 2022", "15 September
//! 2022", "2022-09-15", "March 3", "on Wednesday"), periods ("September
//! 2022", "late February", "mid-2021", "the first quarter of 2016", "Q1 2016",
//! "the 1990s", "2019-20") and years used as dates ("in 2021"). The scanner
//! calls it before its number parsers at every candidate start, so "March 3,
//! 2021" is one date, not two numbers.
//!
//! Values are kept as written and not validated ("February 30" is month 2,
//! day 30) so that the date checks can flag them; only a day outside 1–31 or
//! a month outside 1–12 makes text not a date at all. Words that are also
//! ordinary English ("may rise", "to march", "Sun", "Wed") count as dates
//! only next to a day number or year, or after a cue word; the names and cue
//! words are data in `checks/lexicon/dates.toml`.

use std::sync::LazyLock;

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::char;
use nom::combinator::{opt, recognize};
use nom::sequence::preceded;
use nom::{IResult, Parser};
use serde::Deserialize;

use super::{ClaimKind, DateParts, NamedWeekday};
use crate::source::Span;

pub mod relative;
mod spelled;

pub use relative::{format_period, resolve};

/// A date, period or year read by [`parse_at`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DateMatch {
    /// Prose byte just past the figure.
    pub end: usize,
    /// `Date`, `DateRange`, `Year` or `Duration`.
    pub kind: ClaimKind,
    pub parts: DateParts,
    /// For a duration ("several weeks"): its length in seconds.
    pub seconds: Option<f64>,
    /// For a period between two dates ("from May to July", "between 2010
    /// and 2015"): the two dates, in the order written.
    pub members: Option<[Member; 2]>,
}

/// One end of a period between two dates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Member {
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    pub parts: DateParts,
}

type Res<'a, T> = IResult<&'a str, T>;

// ---------------------------------------------------------------------------
// Lexicon

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DatesFile {
    month: Vec<NameGroup>,
    weekday: Vec<NameGroup>,
    context: Context,
    spelled: spelled::SpelledFile,
    relative: relative::RelativeFile,
    duration_seconds: std::collections::BTreeMap<String, f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NameGroup {
    number: u8,
    names: Vec<String>,
    #[serde(default)]
    ambiguous: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Context {
    month_cues: Vec<String>,
    strict_month_cues: Vec<String>,
    weekday_cues: Vec<String>,
    strong_year_cues: Vec<String>,
    year_cues: Vec<String>,
    year_followers: Vec<String>,
    time_markers: Vec<String>,
    numeric_date_cues: Vec<String>,
}

/// One spelling of a month or weekday name.
struct Name {
    text: String,
    /// The letters of `text` (all of it but a final dot), packed
    /// ([`super::lexicon::pack_word`]): a test sees that every name is a
    /// run of up to [`super::lexicon::PACKED`] letters and maybe a dot.
    packed: u128,
    /// How many letters `text` has.
    letters: usize,
    /// `text` ends with a dot ("Sept.").
    dotted: bool,
    number: u8,
    ambiguous: bool,
    /// The full name ("September"), the group's first spelling.
    full: bool,
}

/// Names bucketed by first letter, longest first within a bucket, so "Sept."
/// is tried before "Sept" and "Sep".
struct Names {
    by_letter: [Vec<Name>; 26],
}

impl Names {
    fn new(groups: &[NameGroup]) -> Names {
        let mut by_letter: [Vec<Name>; 26] = Default::default();
        for g in groups {
            for (k, n) in g.names.iter().enumerate() {
                let Some(&first) = n.as_bytes().first() else {
                    continue;
                };
                if !first.is_ascii_alphabetic() {
                    continue;
                }
                let letters = n.trim_end_matches('.');
                by_letter[usize::from(first.to_ascii_lowercase() - b'a')].push(Name {
                    text: n.clone(),
                    packed: super::lexicon::pack_letters(letters.as_bytes()),
                    letters: letters.len(),
                    dotted: letters.len() < n.len(),
                    number: g.number,
                    ambiguous: g.ambiguous.contains(n),
                    full: k == 0,
                });
            }
        }
        for bucket in &mut by_letter {
            bucket.sort_by_key(|n| std::cmp::Reverse(n.text.len()));
        }
        Names { by_letter }
    }

    /// The name at the start of `i`, a whole word. Lowercase only for names
    /// that are not also common words ("april", "monday", "sept", never
    /// "may", "march" or "sun").
    fn at<'a>(&self, i: &'a str) -> Res<'a, &Name> {
        self.at_by_packed(i, true)
    }

    /// [`Names::at`]; with `packed`, the run of letters `i` begins with is
    /// packed once and compared with each name's letters whole, else each
    /// spelling of the bucket is compared byte by byte (which the tests
    /// compare). A name matches only the whole run, as no letter may
    /// follow it, and a dotted one only before a dot. Of the ~16,000 calls
    /// on the 5 MB news sample, most compared several spellings ("June",
    /// "Jun.", "Jun") byte by byte, at ~200 instructions a call.
    fn at_by_packed<'a>(&self, i: &'a str, packed: bool) -> Res<'a, &Name> {
        let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag));
        let b = i.as_bytes();
        let first = *b.first().ok_or_else(fail)?;
        if !first.is_ascii_alphabetic() {
            return Err(fail());
        }
        let lowercase = first.is_ascii_lowercase();
        let bucket = &self.by_letter[usize::from(first.to_ascii_lowercase() - b'a')];
        if packed {
            let letters = b
                .iter()
                .take(super::lexicon::PACKED + 1)
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            let after = b.get(letters).copied();
            // no name runs into a digit ("Jan5") or is too long to pack
            if letters > super::lexicon::PACKED || after.is_some_and(|c| c.is_ascii_digit()) {
                return Err(fail());
            }
            let key = super::lexicon::pack_word(b, letters);
            return bucket
                .iter()
                .find(|n| {
                    n.letters == letters
                        && n.packed == key
                        && !(lowercase && n.ambiguous)
                        && (!n.dotted || after == Some(b'.'))
                })
                .and_then(|n| Some((i.get(n.text.len()..)?, n)))
                .ok_or_else(fail);
        }
        for n in bucket {
            if lowercase && n.ambiguous {
                continue;
            }
            let len = n.text.len();
            if b.len() < len || !b[..len].eq_ignore_ascii_case(n.text.as_bytes()) {
                continue;
            }
            if !n.text.ends_with('.') && b.get(len).is_some_and(|c| c.is_ascii_alphanumeric()) {
                continue;
            }
            // "Sept" before "." is "Sept." (longer, tried first); a dotless
            // abbreviation must not run into a letter either way.
            return Ok((&i[len..], n));
        }
        Err(fail())
    }
}

struct Lexicon {
    months: Names,
    weekdays: Names,
    context: Context,
    /// Full names by number, index 0 for January and for Monday.
    month_names: Vec<String>,
    /// The first three letters, lowercase, of every name, as a bit set
    /// indexed by [`prefix_index`].
    prefixes: Vec<u64>,
    /// Every name as a whole lowercase word, without its dot ("sept" of
    /// "Sept."): what the prefixes stand for when the gate asks of a word.
    name_words: super::lexicon::WordMap<()>,
    weekday_names: Vec<String>,
    spelled: spelled::SpelledFile,
    relative: relative::RelativeFile,
    duration_seconds: std::collections::BTreeMap<String, f64>,
}

/// The index of three ASCII letters in the prefix bit set, any case.
fn prefix_index(a: u8, b: u8, c: u8) -> Option<usize> {
    let letter = |x: u8| {
        let x = x.to_ascii_lowercase();
        x.is_ascii_lowercase().then(|| usize::from(x - b'a'))
    };
    Some((letter(a)? * 26 + letter(b)?) * 26 + letter(c)?)
}

fn prefixes<'a>(groups: impl Iterator<Item = &'a NameGroup>) -> Vec<u64> {
    let mut bits = vec![0u64; (26 * 26 * 26usize).div_ceil(64)];
    for g in groups {
        for n in &g.names {
            if let [a, b, c, ..] = *n.as_bytes()
                && let Some(k) = prefix_index(a, b, c)
            {
                bits[k / 64] |= 1 << (k % 64);
            }
        }
    }
    bits
}

fn full_names(groups: &[NameGroup]) -> Vec<String> {
    let mut names = vec![String::new(); groups.len()];
    for g in groups {
        if let (Some(slot), Some(first)) = (
            names.get_mut(usize::from(g.number).wrapping_sub(1)),
            g.names.first(),
        ) {
            slot.clone_from(first);
        }
    }
    names
}

/// Values a duration in seconds: "18 months" is 46,656,000 seconds, so
/// that durations written in different units compare. Leaves other claims,
/// and durations in a unit the lexicon does not time, as they are. A range
/// of durations is passed with `range_of_durations` set.
pub(crate) fn duration_in_seconds(c: &mut super::Claim, range_of_durations: bool) {
    if c.kind != ClaimKind::Duration && !range_of_durations {
        return;
    }
    let Some(&k) = c.unit.and_then(|u| LEXICON.duration_seconds.get(u)) else {
        return;
    };
    c.value = c.value.map(|v| v * k);
    c.low *= k;
    c.high *= k;
    c.step *= k;
    c.unit = Some("second");
}

/// The full name of month `n` (1 = January).
pub(crate) fn month_name(n: u8) -> &'static str {
    let names = &LEXICON.month_names;
    names
        .get(usize::from(n).wrapping_sub(1))
        .map_or("", String::as_str)
}

/// The full name of weekday `n` (1 = Monday … 7 = Sunday).
pub(crate) fn weekday_name(n: u8) -> &'static str {
    let names = &LEXICON.weekday_names;
    names
        .get(usize::from(n).wrapping_sub(1))
        .map_or("", String::as_str)
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let file: DatesFile =
        super::lexicon::parse("dates", include_str!("../../checks/lexicon/dates.toml"));
    Lexicon {
        months: Names::new(&file.month),
        weekdays: Names::new(&file.weekday),
        month_names: full_names(&file.month),
        prefixes: prefixes(file.month.iter().chain(&file.weekday)),
        name_words: file
            .month
            .iter()
            .chain(&file.weekday)
            .flat_map(|g| &g.names)
            .map(|n| (n.trim_end_matches('.').to_ascii_lowercase(), ()))
            .collect(),
        weekday_names: full_names(&file.weekday),
        context: file.context,
        spelled: file.spelled,
        relative: file.relative,
        duration_seconds: file.duration_seconds,
    }
});

fn listed(list: &[String], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

// ---------------------------------------------------------------------------
// Small parsers

fn fail<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

/// True when a number ending before `rest` ends there: no further digit,
/// letter, decimal or thousands group, percent sign, time or range.
fn number_ends(rest: &str) -> bool {
    number_ends_before_range(rest) && !(rest.starts_with('-') && digit_at(rest, 1))
}

/// [`number_ends`], but a hyphen and a digit may follow ("3-5").
fn number_ends_before_range(rest: &str) -> bool {
    let b = rest.as_bytes();
    match b.first() {
        None => true,
        Some(c) if c.is_ascii_alphanumeric() || *c == b'%' || *c == b'_' => false,
        Some(b'.' | b',' | b':' | b'/') => !digit_at(rest, 1),
        // An en dash into a digit: "1000–2000".
        Some(_) if rest.starts_with('\u{2013}') => !digit_at(rest, 3),
        Some(_) => true,
    }
}

/// `tag_no_case` for ASCII words, without nom's Unicode case folding (this
/// runs at every word start).
fn nocase(word: &'static str) -> impl Fn(&str) -> Res<'_, &str> {
    move |i: &str| {
        let n = word.len();
        match i.as_bytes().get(..n) {
            Some(head) if head.eq_ignore_ascii_case(word.as_bytes()) => Ok((&i[n..], &i[..n])),
            _ => fail(i),
        }
    }
}

fn digit_at(s: &str, at: usize) -> bool {
    s.as_bytes().get(at).is_some_and(u8::is_ascii_digit)
}

/// `min` to `max` ASCII digits: nom's `take_while_m_n` on digits, read
/// by bytes rather than decoded chars (~2.9 M instructions of the 5 MB
/// news sample went to the decoding).
fn digits(min: usize, max: usize) -> impl Fn(&str) -> Res<'_, &str> {
    move |i| {
        let n = i.bytes().take(max).take_while(u8::is_ascii_digit).count();
        if n < min {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::TakeWhileMN,
            )));
        }
        Ok((&i[n..], &i[..n]))
    }
}

/// nom's `space0` (spaces and tabs), by bytes.
fn space0(i: &str) -> Res<'_, &str> {
    let n = super::lexicon::spaces(i);
    Ok((&i[n..], &i[..n]))
}

/// nom's `space1` (one or more spaces and tabs), by bytes.
fn space1(i: &str) -> Res<'_, &str> {
    match super::lexicon::spaces(i) {
        0 => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Space,
        ))),
        n => Ok((&i[n..], &i[..n])),
    }
}

fn value(s: &str) -> u32 {
    s.bytes().fold(0u32, |v, d| {
        v.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    })
}

/// A day of the month, 1–31, with an optional ordinal suffix ("15th").
fn day(i: &str) -> Res<'_, u8> {
    let (rest, d) = digits(1, 2)(i)?;
    let (rest, _) = opt(alt((
        nocase("st"),
        nocase("nd"),
        nocase("rd"),
        nocase("th"),
    )))
    .parse(rest)?;
    let v = value(d);
    if !(1..=31).contains(&v) || !number_ends_before_range(rest) {
        return fail(i);
    }
    Ok((rest, v as u8))
}

/// Four digits that can be a year (1000–2199), not part of a longer number.
fn year_digits(i: &str) -> Res<'_, i32> {
    let (rest, y) = digits(4, 4)(i)?;
    let v = value(y);
    if !(1000..=2199).contains(&v) {
        return fail(i);
    }
    Ok((rest, v as i32))
}

/// A year standing as a word: "2021", "2021's", not "2021st" or "2021.5".
/// For places where a count is as likely as a year (after a comma, "of",
/// "for"), see [`year`].
fn year_word(i: &str) -> Res<'_, i32> {
    let (rest, y) = year_digits(i)?;
    if !number_ends(rest) {
        return fail(i);
    }
    Ok((rest, y))
}

/// [`year_word`] not followed by a time marker ("1700 GMT", "1500 hrs").
fn year_not_time(i: &str) -> Res<'_, i32> {
    let (rest, y) = year_word(i)?;
    let marker = space1(rest)
        .ok()
        .map(|(after, _)| {
            let len = after
                .bytes()
                .take_while(|c| c.is_ascii_alphabetic() || *c == b'.')
                .count();
            &after[..len]
        })
        .is_some_and(|w| {
            let markers = &LEXICON.context.time_markers;
            listed(markers, w) || listed(markers, w.trim_end_matches('.'))
        });
    if marker {
        return fail(i);
    }
    Ok((rest, y))
}

/// [`year_word`] not followed by a word that makes it a count: "of 2021
/// alone" is a year, "of 2000 people" a count.
fn year(i: &str) -> Res<'_, i32> {
    let (rest, y) = year_word(i)?;
    if !follower_ok(rest) {
        return fail(i);
    }
    Ok((rest, y))
}

/// After a year, a lowercase word must be one the lexicon allows: "in 2021
/// alone" is a year, "in 2000 people" a count.
fn follower_ok(rest: &str) -> bool {
    let Ok((after, _)) = space1(rest) else {
        return true;
    };
    let word_len = after
        .bytes()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let word = &after[..word_len];
    match word.as_bytes().first() {
        Some(c) if c.is_ascii_lowercase() => listed(&LEXICON.context.year_followers, word),
        _ => true,
    }
}

/// A unit symbol after a bare number makes it a measurement: "before 1200
/// °C", "1300 K". Single capitals other than the words "I" and "A" count.
fn unit_follows(rest: &str) -> bool {
    let after = rest.trim_start_matches(' ');
    if after.len() == rest.len() && !rest.starts_with('\u{b0}') {
        return false;
    }
    let b = after.as_bytes();
    after.starts_with('\u{b0}')
        || matches!(b.first(), Some(c) if c.is_ascii_uppercase() && *c != b'I' && *c != b'A')
            && !b.get(1).is_some_and(u8::is_ascii_alphabetic)
}

fn month(i: &str) -> Res<'_, &Name> {
    LEXICON.months.at(i)
}

fn weekday(i: &str) -> Res<'_, &Name> {
    LEXICON.weekdays.at(i)
}

/// Space after a name: none needed after a dot ("Sept.14").
fn after_name<'a>(name: &Name, i: &'a str) -> Res<'a, &'a str> {
    if name.text.ends_with('.') {
        space0(i)
    } else {
        space1(i)
    }
}

/// The year after a day: after a comma it may be a count that starts the
/// next clause ("On March 3, 2000 people marched"); after a space it is a
/// year ("15 September 2022 was") unless a time marker follows ("April 13
/// 1700 GMT" is a time). A comma set off by a space ("April 3 , 1986") ends
/// the date: such text is a table or a list more often than one date.
fn day_year(i: &str) -> Res<'_, i32> {
    alt((
        preceded((char(','), space0), year),
        preceded(space1, year_not_time),
    ))
    .parse(i)
}

/// "September 15[, 2022]", "Sept. 15th", "March 3-5, 2021" (a period).
fn month_day(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, m) = month(i)?;
    month_day_after(i, rest, m)
}

/// [`month_day`] after its month `m`, read from `i` up to `rest`.
fn month_day_after<'a>(i: &'a str, rest: &'a str, m: &Name) -> Res<'a, (ClaimKind, DateParts)> {
    // "October, 1st": after a comma only a day with its ordinal suffix, as
    // "October, 12 people" is a count
    let (rest, comma) = match after_name(m, rest) {
        Ok((r, _)) => (r, false),
        Err(_) => ((char(','), space1).parse(rest)?.0, true),
    };
    let day_start = rest;
    let (rest, d) = day(rest)?;
    let suffixed = day_start[..day_start.len() - rest.len()]
        .bytes()
        .last()
        .is_some_and(|c| c.is_ascii_alphabetic());
    if comma && (!suffixed || !follower_ok(rest)) {
        return fail(i);
    }
    let (rest, to_day) = opt(preceded(alt((tag("-"), tag("–"))), day)).parse(rest)?;
    if !number_ends(rest) {
        return fail(i);
    }
    let (rest, y) = opt(day_year).parse(rest)?;
    let parts = DateParts {
        year: y,
        month: Some(m.number),
        day: Some(d),
        weekday: None,
        relative: None,
    };
    match to_day {
        Some(to) if to > d => Ok((
            rest,
            (ClaimKind::DateRange, DateParts { day: None, ..parts }),
        )),
        Some(_) => fail(i),
        None => Ok((rest, (ClaimKind::Date, parts))),
    }
}

/// A two- or four-digit year after a numeric day and month: "9/15/2022",
/// "12/12/30" (years 00–49 are 2000–2049, 50–99 are 1950–1999).
fn numeric_year(i: &str) -> Res<'_, i32> {
    let (rest, y) = alt((digits(4, 4), digits(2, 2))).parse(i)?;
    let v = value(y) as i32;
    let year = match y.len() {
        2 if v < 50 => 2000 + v,
        2 => 1900 + v,
        _ if (1000..=2199).contains(&v) => v,
        _ => return fail(i),
    };
    Ok((rest, year))
}

/// Numeric dates: "9/15/2022", "15/9/2022" (a first number above 12 is
/// the day), "12/12/30", "15.09.2022", and "11/20" without a year. Month
/// first where both could be the month, as in American news.
fn numeric(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, a) = digits(1, 2)(i)?;
    let (rest, sep) = alt((char('/'), char('.'))).parse(rest)?;
    let (rest, b) = digits(1, 2)(rest)?;
    let (a, b) = (value(a), value(b));
    let (month, day) = if (1..=12).contains(&a) && (1..=31).contains(&b) {
        (a, b)
    } else if (13..=31).contains(&a) && (1..=12).contains(&b) {
        (b, a)
    } else {
        return fail(i);
    };
    // "5.12" is a number: a dotted date needs its four-digit year, or "on"
    // before it (see `numeric_at`)
    let (rest, year) = if sep == '.' {
        opt(preceded(char(sep), year_digits)).parse(rest)?
    } else {
        opt(preceded(char(sep), numeric_year)).parse(rest)?
    };
    if !number_ends_before_range(rest) || rest.starts_with(sep) {
        return fail(i);
    }
    let parts = DateParts {
        year,
        month: Some(month as u8),
        day: Some(day as u8),
        weekday: None,
        relative: None,
    };
    Ok((rest, (ClaimKind::Date, parts)))
}

/// "05-Aug-2016", "23/Sep/2020", "5-Aug": day, month name and year joined
/// by one dash or slash.
fn compact_day_month(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, d) = day(i)?;
    let (rest, sep) = alt((char('-'), char('/'))).parse(rest)?;
    let (rest, m) = month(rest)?;
    if m.text.ends_with('.') {
        return fail(i);
    }
    let (rest, y) = opt(preceded(char(sep), year_digits)).parse(rest)?;
    // "3-Mar" alone is as often a code or a score as a date
    if y.is_none() && m.ambiguous {
        return fail(i);
    }
    if !number_ends(rest) {
        return fail(i);
    }
    let parts = DateParts {
        year: y,
        month: Some(m.number),
        day: Some(d),
        weekday: None,
        relative: None,
    };
    Ok((rest, (ClaimKind::Date, parts)))
}

/// "Sep-23-2020", "Jan/3", "Oct/2": month name, day and year joined by one
/// dash or slash; `m` is the month read from `i` up to `rest`.
fn compact_month_day<'a>(i: &'a str, rest: &'a str, m: &Name) -> Res<'a, (ClaimKind, DateParts)> {
    if m.text.ends_with('.') {
        return fail(i);
    }
    let (rest, sep) = alt((char('-'), char('/'))).parse(rest)?;
    let (rest, d) = day(rest)?;
    let (rest, y) = opt(preceded(char(sep), year_digits)).parse(rest)?;
    if !number_ends(rest) {
        return fail(i);
    }
    let parts = DateParts {
        year: y,
        month: Some(m.number),
        day: Some(d),
        weekday: None,
        relative: None,
    };
    Ok((rest, (ClaimKind::Date, parts)))
}

/// A day with its ordinal suffix after a weekday: "Fri 14th".
fn ordinal_day(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, d) = digits(1, 2)(i)?;
    let (rest, _) = alt((nocase("st"), nocase("nd"), nocase("rd"), nocase("th"))).parse(rest)?;
    let v = value(d);
    if !(1..=31).contains(&v) || !number_ends(rest) {
        return fail(i);
    }
    let parts = DateParts {
        day: Some(v as u8),
        ..DateParts::default()
    };
    Ok((rest, (ClaimKind::Date, parts)))
}

/// "15 September 2022", "31st of March", "29 May 1997".
fn day_month(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, d) = day(i)?;
    if !number_ends(rest) {
        return fail(i);
    }
    let (rest, _) = space1(rest)?;
    let (rest, _) = opt((tag("of"), space1)).parse(rest)?;
    let (rest, m) = month(rest)?;
    let (rest, y) = opt(day_year).parse(rest)?;
    let parts = DateParts {
        year: y,
        month: Some(m.number),
        day: Some(d),
        weekday: None,
        relative: None,
    };
    Ok((rest, (ClaimKind::Date, parts)))
}

/// "2022-09-15", "2022/09/15".
fn iso(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, y) = year_digits(i)?;
    let (rest, sep) = alt((char('-'), char('/'))).parse(rest)?;
    let (rest, m) = digits(2, 2)(rest)?;
    let (rest, _) = char(sep)(rest)?;
    let (rest, d) = digits(2, 2)(rest)?;
    let (m, d) = (value(m), value(d));
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !number_ends(rest) {
        return fail(i);
    }
    let parts = DateParts {
        year: Some(y),
        month: Some(m as u8),
        day: Some(d as u8),
        weekday: None,
        relative: None,
    };
    Ok((rest, (ClaimKind::Date, parts)))
}

/// "2019-20", "2019/20", "2019-2021": a span of years, the second later.
fn year_span(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, y) = year_digits(i)?;
    let (rest, _) = alt((char('-'), char('/'), char('–'))).parse(rest)?;
    let (rest, to) = alt((digits(4, 4), digits(2, 2))).parse(rest)?;
    if !number_ends(rest) {
        return fail(i);
    }
    let later = if to.len() == 2 {
        // "2019-20": the year after, in the same century or the next.
        value(to) as i32 == (y + 1) % 100
    } else {
        // "2019-2021"; "1200-1250 metres" is a range of measurements.
        let to = value(to) as i32;
        (1800..=2199).contains(&y)
            && to > y
            && to - y < 100
            && to <= 2199
            && follower_ok(rest)
            && !unit_follows(rest)
    };
    if !later {
        return fail(i);
    }
    let parts = DateParts {
        year: Some(y),
        ..DateParts::default()
    };
    Ok((rest, (ClaimKind::DateRange, parts)))
}

/// "1990s", "2000s".
fn decade(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, y) = year_digits(i)?;
    let (rest, _) = char('s')(rest)?;
    if y % 10 != 0 || !number_ends(rest) {
        return fail(i);
    }
    Ok((rest, (ClaimKind::DateRange, DateParts::default())))
}

/// "first quarter [of 2016]", "first-quarter", "second half of 2019".
fn quarter_words(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, which) = alt((
        nocase("first"),
        nocase("second"),
        nocase("third"),
        nocase("fourth"),
    ))
    .parse(i)?;
    let (rest, _) = alt((tag("-"), space1)).parse(rest)?;
    let (rest, unit) = alt((nocase("quarter"), nocase("half"))).parse(rest)?;
    let third_half = unit.len() == 4
        && !which.eq_ignore_ascii_case("first")
        && !which.eq_ignore_ascii_case("second");
    if rest
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
        || third_half
    {
        return fail(i);
    }
    let (rest, y) = opt(preceded(
        alt((recognize((space1, tag("of"), space1)), space1)),
        year_word,
    ))
    .parse(rest)?;
    let parts = DateParts {
        year: y,
        ..DateParts::default()
    };
    Ok((rest, (ClaimKind::DateRange, parts)))
}

/// "Q1", "Q1 2016", "Q4-2019".
fn quarter_code(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, letter) = alt((char('Q'), char('q'))).parse(i)?;
    let (rest, q) = digits(1, 1)(rest)?;
    if !(1..=4).contains(&value(q))
        || rest
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphanumeric)
    {
        return fail(i);
    }
    let (rest, y) = opt(preceded(alt((space1, tag("-"))), year_word)).parse(rest)?;
    // Lowercase "q3" is a quarter only with its year ("q3 2019").
    if !number_ends(rest) || (letter == 'q' && y.is_none()) {
        return fail(i);
    }
    let parts = DateParts {
        year: y,
        ..DateParts::default()
    };
    Ok((rest, (ClaimKind::DateRange, parts)))
}

/// "mid-2021", "mid-March", "early 2020", "late February 2019", "the late
/// 1990s".
fn modified(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, _) = alt((
        nocase("mid-"),
        recognize((nocase("early"), space1)),
        recognize((nocase("late"), space1)),
    ))
    .parse(i)?;
    if let Ok(r) = decade(rest) {
        return Ok(r);
    }
    if let Ok((rest, y)) = year(rest) {
        let parts = DateParts {
            year: Some(y),
            ..DateParts::default()
        };
        return Ok((rest, (ClaimKind::DateRange, parts)));
    }
    let (rest, m) = month(rest)?;
    if !m.full {
        // "late Jan" is too likely a name; abbreviations need a day.
        return fail(i);
    }
    let (rest, y) = opt(preceded(space1, year)).parse(rest)?;
    let parts = DateParts {
        year: y,
        month: Some(m.number),
        ..DateParts::default()
    };
    Ok((rest, (ClaimKind::DateRange, parts)))
}

/// The year after a day, in digits ([`day_year`]) or in words ("nineteen
/// eighty six").
fn any_day_year(i: &str) -> (&str, Option<i32>) {
    if let Ok((rest, y)) = day_year(i) {
        return (rest, Some(y));
    }
    match i.strip_prefix(' ').and_then(spelled::year) {
        Some((y, rest)) => (rest, Some(y)),
        None => (i, None),
    }
}

/// "May twenty nine", "January first two thousand and thirty two",
/// "January nineteen eighty six" (a month of a year): a month with its day
/// or its year in words. What follows must not make the number a count
/// ("in March twenty five people"). `m` is the month read from `i` up to
/// `rest`.
fn month_spelled<'a>(i: &'a str, rest: &'a str, m: &Name) -> Res<'a, (ClaimKind, DateParts)> {
    let (rest, _) = after_name(m, rest)?;
    if let Some((y, r)) = spelled::year(rest)
        && follower_ok(r)
    {
        let parts = DateParts {
            year: Some(y),
            month: Some(m.number),
            ..DateParts::default()
        };
        return Ok((r, (ClaimKind::DateRange, parts)));
    }
    let Some((d, _, rest)) = spelled::day(rest) else {
        return fail(i);
    };
    let (rest, year) = any_day_year(rest);
    if !follower_ok(rest) {
        return fail(i);
    }
    day_date(rest, year, m.number, d)
}

/// A date with its day and month, and its year if written, read up to
/// `rest`.
fn day_date(rest: &str, year: Option<i32>, month: u8, day: u8) -> Res<'_, (ClaimKind, DateParts)> {
    let parts = DateParts {
        year,
        month: Some(month),
        day: Some(day),
        ..DateParts::default()
    };
    Ok((rest, (ClaimKind::Date, parts)))
}

/// "second of Aug", "fifteen August nineteen hundred ninety three": a day in
/// words before a month, an ordinal with "of" or any day with a year.
/// `lead` is the number word `i` starts with.
fn spelled_day_month<'a>(i: &'a str, lead: spelled::Lead<'a>) -> Res<'a, (ClaimKind, DateParts)> {
    let Some((d, ordinal, rest)) = spelled::day_of(lead) else {
        return fail(i);
    };
    let (rest, _) = space1(rest)?;
    let (rest, of) = opt((tag("of"), space1)).parse(rest)?;
    let (rest, m) = month(rest)?;
    let (rest, year) = any_day_year(rest);
    if !(ordinal && of.is_some() || year.is_some()) || !follower_ok(rest) {
        return fail(i);
    }
    day_date(rest, year, m.number, d)
}

/// "15th century", "21st-century": a century by its ordinal.
fn century(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, n) = digits(1, 2)(i)?;
    let (rest, _) = alt((nocase("st"), nocase("nd"), nocase("rd"), nocase("th"))).parse(rest)?;
    let (rest, _) = alt((space1, tag("-"))).parse(rest)?;
    let (after, word) = nocase("century")(rest)?;
    // "the 21st Century China Center", "21st Century Fox": a name
    let name = word.starts_with('C')
        && after
            .strip_prefix(' ')
            .is_some_and(|r| r.as_bytes().first().is_some_and(u8::is_ascii_uppercase));
    let rest = after;
    if !(1..=22).contains(&value(n)) || !number_ends(rest) || name {
        return fail(i);
    }
    Ok((rest, (ClaimKind::DateRange, DateParts::default())))
}

/// "week 31", "Week 1": a week of the year by its number.
fn week_number(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, _) = (nocase("week"), space1).parse(i)?;
    let (rest, n) = digits(1, 2)(rest)?;
    if !(1..=53).contains(&value(n))
        || !number_ends(rest)
        || !follower_ok(rest)
        || unit_follows(rest)
    {
        return fail(i);
    }
    Ok((rest, (ClaimKind::DateRange, DateParts::default())))
}

/// "3rd week of Jan", "the first week of March 2020": a week of a month.
fn week_of(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    week_of_by_token(i, true)
}

/// True when `i` begins with one token of letters or digits, blanks and
/// "week": the day [`week_of`] reads ("3rd", "first") is such a token,
/// as it must end before no letter or digit and a word in words is an
/// ordinal up to "fifth".
fn week_follows_token(i: &str) -> bool {
    let b = i.as_bytes();
    let t = super::lexicon::alnum_head(i);
    let gap = super::lexicon::spaces(&i[t..]);
    gap > 0
        && b.get(t + gap..t + gap + 4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"week"))
}

/// [`week_of`]; with `by_token`, text without "week" after its first
/// token ([`week_follows_token`]) ends there, else the day is read first
/// (which the tests compare). Most words [`lower`] tries it on ("the
/// first", "the same") end there short of a number word's lookup.
fn week_of_by_token(i: &str, by_token: bool) -> Res<'_, (ClaimKind, DateParts)> {
    if by_token && !week_follows_token(i) {
        return fail(i);
    }
    let rest = match ordinal_day(i) {
        Ok((r, _)) => r,
        Err(_) => match spelled::day(i) {
            Some((n, true, r)) if n <= 5 => r,
            _ => return fail(i),
        },
    };
    let (rest, _) = (space1, nocase("week"), space1, tag("of"), space1).parse(rest)?;
    let (rest, m) = month(rest)?;
    let (rest, y) = opt(preceded(space1, year)).parse(rest)?;
    if !number_ends(rest) {
        return fail(i);
    }
    let parts = DateParts {
        year: y,
        month: Some(m.number),
        ..DateParts::default()
    };
    Ok((rest, (ClaimKind::DateRange, parts)))
}

/// "end of month", "the end of the week", "EOY": the close of a period,
/// not resolved (which month is meant is the text's business).
fn end_of(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    if let Some(rest) = i.strip_prefix("EOY").or_else(|| i.strip_prefix("EOM"))
        && number_ends(rest)
    {
        return Ok((rest, (ClaimKind::DateRange, DateParts::default())));
    }
    let (rest, _) = (nocase("end"), space1, tag("of"), space1).parse(i)?;
    let (rest, _) = opt((tag("the"), space1)).parse(rest)?;
    let (rest, _) = alt((tag("month"), tag("week"), tag("year"), tag("quarter"))).parse(rest)?;
    if rest
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return fail(i);
    }
    Ok((rest, (ClaimKind::DateRange, DateParts::default())))
}

/// "Sep-2020-23", "September-2020-23", "2020/23/Sep", "23-2020-September":
/// a month name, a four-digit year and a day joined by one dash or slash,
/// in the orders other than day-month-year and month-day-year.
fn compact_odd(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    if !digit_at(i, 0) {
        let (rest, m) = month(i)?;
        return compact_odd_named(i, rest, m);
    }
    let (rest, (m, y, d)) =
        if let Ok((rest, (y, sep, d))) = (year_digits, alt((char('-'), char('/'))), day).parse(i) {
            let (rest, m) = preceded(char(sep), month_of_odd).parse(rest)?;
            (rest, (m, y, d))
        } else {
            let (rest, (d, sep, y)) = (day, alt((char('-'), char('/'))), year_digits).parse(i)?;
            let (rest, m) = preceded(char(sep), month_of_odd).parse(rest)?;
            (rest, (m, y, d))
        };
    odd_date(i, rest, m, y, d)
}

/// [`compact_odd`]'s month: "Sep." at the end of a sentence is "Sep"
/// before the full stop.
fn month_of_odd(i: &str) -> Res<'_, u8> {
    let (rest, m) = month(i)?;
    Ok((after_odd_month(i, rest, m), m.number))
}

/// The text after [`compact_odd`]'s month `m`, read from `i` up to `rest`:
/// a dotted name gives its dot back.
fn after_odd_month<'a>(i: &'a str, rest: &'a str, m: &Name) -> &'a str {
    match m.text.len().checked_sub(1) {
        Some(n) if m.text.ends_with('.') => &i[n..],
        _ => rest,
    }
}

/// [`compact_odd`] led by its month `m`, read from `i` up to `rest`:
/// "Sep-2020-23".
fn compact_odd_named<'a>(i: &'a str, rest: &'a str, m: &Name) -> Res<'a, (ClaimKind, DateParts)> {
    let rest = after_odd_month(i, rest, m);
    let (rest, (sep, y)) = (alt((char('-'), char('/'))), year_digits).parse(rest)?;
    let (rest, d) = preceded(char(sep), day).parse(rest)?;
    odd_date(i, rest, m.number, y, d)
}

/// [`compact_odd`]'s date of month `m`, year `y` and day `d`, read from `i`
/// up to `rest`, which must end the figure there.
fn odd_date<'a>(
    i: &'a str,
    rest: &'a str,
    m: u8,
    y: i32,
    d: u8,
) -> Res<'a, (ClaimKind, DateParts)> {
    if !number_ends(rest) {
        return fail(i);
    }
    let parts = DateParts {
        year: Some(y),
        month: Some(m),
        day: Some(d),
        ..DateParts::default()
    };
    Ok((rest, (ClaimKind::Date, parts)))
}

/// "20161016": eight digits that are a valid year (1900–2099), month and
/// day, not part of a longer run of digits.
fn compact_ymd(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, all) = digits(8, 8)(i)?;
    let (y, m, d) = (value(&all[..4]), value(&all[4..6]), value(&all[6..]));
    let valid = (1900..=2099).contains(&y)
        && i8::try_from(m)
            .ok()
            .zip(i8::try_from(d).ok())
            .is_some_and(|(m, d)| jiff::civil::Date::new(y as i16, m, d).is_ok());
    if !valid || !number_ends(rest) {
        return fail(i);
    }
    let parts = DateParts {
        year: Some(y as i32),
        month: Some(m as u8),
        day: Some(d as u8),
        ..DateParts::default()
    };
    Ok((rest, (ClaimKind::Date, parts)))
}

/// "12-2015": a two-digit month and a year joined by a dash, not followed
/// by a counted noun ("10-2000 people" is a range).
fn month_year_numeric(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, (m, _, y)) = (digits(2, 2), char('-'), year_digits).parse(i)?;
    let m = value(m);
    if !(1..=12).contains(&m)
        || !(1900..=2099).contains(&y)
        || !number_ends(rest)
        || !follower_ok(rest)
        || unit_follows(rest)
    {
        return fail(i);
    }
    let parts = DateParts {
        year: Some(y),
        month: Some(m as u8),
        ..DateParts::default()
    };
    Ok((rest, (ClaimKind::DateRange, parts)))
}

/// "2/29-3/1", "10/1-11/2/2017": two numeric dates joined by a dash, the
/// year, if any, written once at the end. Two slashes make it a date
/// whatever comes before.
fn numeric_range(i: &str) -> Res<'_, (ClaimKind, DateParts)> {
    let (rest, (_, first)) = numeric(i)?;
    if first.year.is_some() {
        return fail(i);
    }
    let (rest, _) = char('-')(rest)?;
    let (after, (_, second)) = numeric(rest)?;
    // "9.6-9.7" is a range of numbers: slashes on both sides
    let slashed = |a: &str, b: &str| a[..a.len() - b.len()].contains('/');
    if !number_ends(after) || !slashed(i, rest) || !slashed(rest, after) {
        return fail(i);
    }
    let rest = after;
    let parts = DateParts {
        year: second.year,
        ..DateParts::default()
    };
    Ok((rest, (ClaimKind::DateRange, parts)))
}

/// "10D", "3Y", "2W" after "for" or "lasted": a length in days, years or
/// weeks in a compact notation.
fn compact_duration(text: &str, sentence_start: usize, start: usize, i: &str) -> Option<DateMatch> {
    let (rest, n) = digits(1, 3)(i).ok()?;
    let unit = *rest.as_bytes().first()?;
    let seconds = match unit {
        b'D' => 86_400.0,
        b'W' => 604_800.0,
        b'Y' => 31_536_000.0,
        _ => return None,
    };
    let rest = &rest[1..];
    let cue = word_before(text, sentence_start, start);
    if !["for", "lasted", "last", "lasts"]
        .iter()
        .any(|w| cue.eq_ignore_ascii_case(w))
        || !number_ends(rest)
        || !follower_ok(rest)
    {
        return None;
    }
    Some(DateMatch {
        end: start + (i.len() - rest.len()),
        kind: ClaimKind::Duration,
        parts: DateParts::default(),
        seconds: Some(seconds * f64::from(value(n))),
        members: None,
    })
}

/// The season names [`season`] reads.
const SEASONS: &[&str] = &["summer", "winter", "autumn", "spring", "fall"];

/// "this summer", "last winter", "in the summer of 2020", "the whole
/// summer": a season, after a determiner or a word that takes dates.
/// Seasons are not resolved (hemispheres differ); a bare "spring" or "fall"
/// is too often a verb and is read only after a determiner.
fn season(text: &str, sentence_start: usize, start: usize, i: &str) -> Option<(usize, DateParts)> {
    let determiner = ["this", "last", "next", "that", "every"]
        .iter()
        .find_map(|w| nocase_word(i, w).and_then(|r| space1(r).ok()))
        .map(|(r, _)| r);
    let body = determiner.unwrap_or(i);
    let (rest, name) = SEASONS
        .iter()
        .find_map(|w| nocase_word(body, w).map(|r| (r, *w)))?;
    if determiner.is_none() {
        let lowercase = body.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
        let cue = word_before(text, sentence_start, start);
        let cued = [
            "the",
            "whole",
            "entire",
            "in",
            "during",
            "early",
            "late",
            "mid",
            "through",
            "throughout",
            "until",
            "till",
            "since",
            "all",
        ]
        .iter()
        .any(|w| cue.eq_ignore_ascii_case(w));
        if !lowercase || !cued {
            return None;
        }
    }
    let verb_like = determiner.is_none() && (name == "spring" || name == "fall");
    // "in the summer of 2020", "summer 2021"
    let (rest, year) = match alt((
        preceded((space1, tag("of"), space1), year_word),
        preceded(space1, year),
    ))
    .parse(rest)
    {
        Ok((r, y)) => (r, Some(y)),
        Err(_) => (rest, None),
    };
    // a bare "spring" or "fall" only with its year ("in the spring of 2021")
    if year.is_none() && (verb_like || !follower_ok(rest)) {
        return None;
    }
    let parts = DateParts {
        year,
        ..DateParts::default()
    };
    Some((start + (i.len() - rest.len()), parts))
}

/// `word` (ASCII, any case) as a whole word at the start of `i`.
fn nocase_word<'a>(i: &'a str, word: &str) -> Option<&'a str> {
    let head = i.get(..word.len())?;
    (head.eq_ignore_ascii_case(word)
        && !i
            .as_bytes()
            .get(word.len())
            .is_some_and(u8::is_ascii_alphanumeric))
    .then(|| &i[word.len()..])
}

/// The text after "to", "till" or "until" (any case, a whole word) at the
/// start of `i`: the first words of [`to_date`].
fn after_to_word(i: &str) -> Option<&str> {
    nocase_word(i, "to")
        .or_else(|| nocase_word(i, "till"))
        .or_else(|| nocase_word(i, "until"))
}

/// "to date", "till date": the period up to now ("the largest to date"),
/// not "up to date" (current). `rest` is `i` after its first word
/// ([`after_to_word`]).
fn to_date(text: &str, sentence_start: usize, start: usize, i: &str, rest: &str) -> Option<usize> {
    let rest = nocase_word(rest.strip_prefix(' ')?, "date")?;
    // "equals to date from 2010": a column named date
    let next = rest.trim_start_matches(' ');
    let joined = ["from", "of", "with", "and"]
        .iter()
        .any(|w| nocase_word(next, w).is_some());
    if rest.starts_with('-')
        || joined
        || word_before(text, sentence_start, start).eq_ignore_ascii_case("up")
    {
        return None;
    }
    Some(start + (i.len() - rest.len()))
}

// ---------------------------------------------------------------------------
// Context

/// The word before prose byte `at` in the sentence, skipping spaces; a
/// trailing hyphen ("mid-") is not part of it.
fn word_before(text: &str, sentence_start: usize, at: usize) -> &str {
    let b = text.as_bytes();
    let mut end = at;
    while end > sentence_start && b[end - 1] == b' ' {
        end -= 1;
    }
    let mut start = end;
    while start > sentence_start && b[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    text.get(start..end).unwrap_or("")
}

/// How surely what comes before a bare number makes it a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearCue {
    /// No cue: "sold 2021 barrels".
    None,
    /// A cue that also takes counts ("of", "for", "(", "and"): the year must
    /// not be followed by a counted noun ("of 2000 people").
    Weak,
    /// A cue that takes years ("in", "since", "fiscal"): "in 2021 sales rose".
    Strong,
}

/// The cue words of [`year_context`] by their packed letters: the
/// lexicon's `strong_year_cues` with [`YearCue::Strong`], then its
/// `year_cues` with [`YearCue::Weak`] (a word of both keeps the first). A
/// test sees that every cue word is packable and that the table answers
/// as the two lists compared in turn ([`year_cue_by_lists`]) did, at ~290
/// instructions a time (~3,400 times on the 5 MB news sample).
static YEAR_CUES: LazyLock<super::packed::PackedWords<YearCue>> = LazyLock::new(|| {
    let ctx = &LEXICON.context;
    let strong = ctx
        .strong_year_cues
        .iter()
        .map(|w| (w.as_str(), YearCue::Strong));
    let weak = ctx.year_cues.iter().map(|w| (w.as_str(), YearCue::Weak));
    super::packed::PackedWords::new(strong.chain(weak))
});

/// [`YEAR_CUES`]'s answer for `word` by the lexicon's lists, compared in
/// turn: the tests' reference.
#[cfg(test)]
fn year_cue_by_lists(word: &str) -> Option<YearCue> {
    let ctx = &LEXICON.context;
    if listed(&ctx.strong_year_cues, word) {
        Some(YearCue::Strong)
    } else if listed(&ctx.year_cues, word) {
        Some(YearCue::Weak)
    } else {
        None
    }
}

/// The cue for a bare year at `at`: a cue word ("in", "since", "fiscal"), an
/// opening parenthesis, or "and"/"or" after another year ("between 2019 and
/// 2021").
fn year_context(text: &str, sentence_start: usize, at: usize) -> YearCue {
    let b = text.as_bytes();
    if at > sentence_start && b[at - 1] == b'(' {
        return YearCue::Weak;
    }
    if at > sentence_start && b[at - 1] != b' ' {
        return YearCue::None;
    }
    let word = word_before(text, sentence_start, at);
    if let Some(cue) = YEAR_CUES.get(word.as_bytes(), word.len()) {
        return cue;
    }
    if word == "and" || word == "or" {
        let word_start = (word.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        let mut end = word_start;
        while end > sentence_start && b[end - 1] == b' ' {
            end -= 1;
        }
        let start = end.saturating_sub(4).max(sentence_start);
        let after_year = end - start == 4
            && text.get(start..end).is_some_and(|y| year_digits(y).is_ok())
            && (start == sentence_start || !b[start - 1].is_ascii_alphanumeric());
        if after_year {
            return YearCue::Weak;
        }
    }
    YearCue::None
}

// ---------------------------------------------------------------------------
// Entry point

/// Tries to read a date, period or year starting at prose byte `start` (a
/// word boundary) inside `sentence`.
pub(crate) fn parse_at(text: &str, sentence: Span, start: usize) -> Option<DateMatch> {
    parse_at_by_the(text, sentence, start, true)
}

/// [`parse_at`]; with `after_the`, "the" before a plain word that no date
/// after "the" holds ends the attempt there, and before another only its
/// reader is tried ([`readers_after_the`]), else every form is tried
/// (which the tests compare).
fn parse_at_by_the(text: &str, sentence: Span, start: usize, after_the: bool) -> Option<DateMatch> {
    parse_at_by(text, sentence, start, after_the, first_word)
}

/// [`parse_at_by_the`], with `starts` telling what the first word may
/// begin: [`first_word`], or [`first_word_by_filters`] (which the tests
/// compare). A type parameter, not a function pointer, so that
/// [`first_word`] is inlined here: called through the pointer it was not,
/// at ~1 M instructions more on the 5 MB news sample.
fn parse_at_by(
    text: &str,
    sentence: Span,
    start: usize,
    after_the: bool,
    starts: impl Fn(&str) -> Starts,
) -> Option<DateMatch> {
    let end = sentence.end.min(text.len());
    let input = text.get(start..end)?;
    let first = *input.as_bytes().first()?;
    let b = text.as_bytes();
    let before = if start > sentence.start {
        Some(b[start - 1])
    } else {
        None
    };
    if before.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    if matches!(first | 0x20, b'f' | b'b')
        && let Some(d) = between_dates(text, &sentence, start)
    {
        return Some(d);
    }
    if first.is_ascii_digit()
        && let Some(d) = compact_duration(text, sentence.start, start, input)
    {
        return Some(d);
    }
    // the readers of relative dates the first word may begin
    let mut kinds = 0;
    let found = match first {
        b'0'..=b'9' => {
            kinds = relative::starter_kinds(input);
            // Not inside a longer figure: "$2021", "3.2021", "1-2021".
            if before.is_some_and(|c| b"$#.,-/:+".contains(&c)) || before.is_some_and(|c| c >= 0x80)
            {
                return None;
            }
            let run = input.bytes().take_while(u8::is_ascii_digit).count();
            if run <= 2 {
                short_run_forms(text, sentence.start, start, input, run, true)
            } else if run == 8 {
                compact_ymd(input).ok()
            } else if run != 4 {
                None
            } else if let Some(r) = year_led_forms(input, true) {
                Some(r)
            } else {
                let found = match year_context(text, sentence.start, start) {
                    YearCue::None => return None,
                    // "from 1300 K", "of 1200 staff": a weak cue takes only
                    // modern years not followed by a counted noun.
                    YearCue::Weak => year(input).and_then(|(rest, y)| {
                        if (1800..=2199).contains(&y) {
                            Ok((rest, y))
                        } else {
                            fail(input)
                        }
                    }),
                    YearCue::Strong => year_word(input),
                };
                let found = found.and_then(|(rest, y)| {
                    if unit_follows(rest) {
                        fail(input)
                    } else {
                        Ok((rest, y))
                    }
                });
                found.ok().map(|(rest, y)| {
                    let parts = DateParts {
                        year: Some(y),
                        ..DateParts::default()
                    };
                    (rest, (ClaimKind::Year, parts))
                })
            }
        }
        b'A'..=b'Z' | b'a'..=b'z' => {
            let readers = if after_the {
                readers_after_the(input)
            } else {
                None
            };
            if readers == Some(0) {
                return None;
            }
            let mut word = starts(input);
            // "the same": no form of `named`; "the first": no relative one
            if let Some(r) = readers {
                if r & THE_LOWER == 0 {
                    word &= !(NAME | NAMED);
                }
                if r & THE_RELATIVE == 0 {
                    word &= !RELATIVE;
                }
            }
            kinds = relative::Kinds::try_from(word & RELATIVE).unwrap_or(0);
            let found = if word & (NAME | NAMED) != 0 {
                named(text, sentence.start, start, input, word)
            } else {
                None
            };
            if found.is_none()
                && word & PERIOD != 0
                && let Some(d) = word_period(text, sentence.start, start, input)
            {
                return Some(d);
            }
            found
        }
        _ => None,
    };
    let Some((rest, (kind, parts))) = found else {
        return relative_at(text, start, end, kinds);
    };
    Some(DateMatch {
        end: end - rest.len(),
        kind,
        parts,
        seconds: None,
        members: None,
    })
}

/// The forms that begin with a run of one or two digits (`run`, at the
/// start of `input`): "5-Aug", "15 September", "21st century", "3rd week of
/// Jan", "12-2015", "2/29-3/1", "23-2020-Sep", "11/20".
///
/// With `dispatch`, the byte after the digits picks the forms to try: a
/// space or tab only "15 September"; a dot only the numeric date; a dash
/// or a slash the forms that read one there; the first letter of an
/// ordinal suffix all of them; anything else none, as every form goes on
/// from its digits with one of those bytes ("15 million", "9%", "10," end
/// here). Each form the dispatch skips would fail; without
/// `dispatch` all are tried in turn, which the tests compare. Most runs of
/// one or two digits the scanner asks about are no date (a count before a
/// noun, a decimal, a range), and the full chain cost ~1,400 instructions
/// on each.
fn short_run_forms<'a>(
    text: &str,
    sentence_start: usize,
    start: usize,
    input: &'a str,
    run: usize,
    dispatch: bool,
) -> Option<(&'a str, (ClaimKind, DateParts))> {
    if dispatch {
        match input.as_bytes().get(run) {
            Some(b' ' | b'\t') => return day_month(input).ok(),
            // "2.5 percent", "5.12": only `numeric` reads a dot after the
            // digits, and a dotted date holds no slash, which the range of
            // two dates needs on both sides
            Some(b'.') if !dotted_may_date(input, run) => return None,
            Some(b'.') => return numeric_at(text, sentence_start, start, input),
            // "5-Aug", "12-2015", "23-2020-Sep": `numeric` reads no dash
            Some(b'-') if !dashed_may_date(input, run) => return None,
            Some(b'-') => {
                return alt((compact_day_month, month_year_numeric, compact_odd))
                    .parse(input)
                    .ok();
            }
            // "23/Sep/2020", "2/29-3/1", "11/20"
            Some(b'/') => {
                return alt((compact_day_month, numeric_range, compact_odd))
                    .parse(input)
                    .ok()
                    .or_else(|| numeric_at(text, sentence_start, start, input));
            }
            Some(b's' | b'n' | b'r' | b't' | b'S' | b'N' | b'R' | b'T') => {}
            _ => return None,
        }
    }
    alt((
        compact_day_month,
        day_month,
        century,
        week_of,
        month_year_numeric,
        numeric_range,
        compact_odd,
    ))
    .parse(input)
    .ok()
    .or_else(|| numeric_at(text, sentence_start, start, input))
}

/// The forms that begin with four digits and go on past them: "2022-09-15",
/// "2019-20", "1990s", "2020/23/Sep". With `dispatch`, none is tried unless
/// a dash, a slash, an en dash or an "s" follows the digits, as each needs
/// one ("2021 was", "2021." end here); the tests compare it with the chain
/// tried in full.
fn year_led_forms(input: &str, dispatch: bool) -> Option<(&str, (ClaimKind, DateParts))> {
    if dispatch && !matches!(input.as_bytes().get(4), Some(b'-' | b'/' | b's' | 0xE2)) {
        return None;
    }
    alt((iso, year_span, decade, compact_odd)).parse(input).ok()
}

/// True when [`parse_at`] may succeed at the word `w` (lowercase ASCII
/// letters, nothing after it): the scanner's gate asks this once per
/// distinct word and skips [`parse_at`] where it says no. Every form that
/// starts with a word must be admitted here.
pub(crate) fn may_start_word(w: &str) -> bool {
    matches!(w, "from" | "between")
        || LEXICON.name_words.contains_key(w)
        || may_start_a_date_but_by_name(w)
        || WORD_PERIOD_STARTERS.contains(&w)
        || SEASONS.contains(&w)
        || relative::may_start(w)
}

/// The words [`word_period`] begins with but the season names
/// ([`SEASONS`]): [`to_date`]'s first words and [`season`]'s determiners.
/// The gate asks about whole words, so it can be exact where
/// [`may_start_word_period`] is a cheap filter on length and first letter.
const WORD_PERIOD_STARTERS: &[&str] = &[
    "to", "till", "until", "this", "last", "next", "that", "every",
];

/// True for the words that begin a date only together with a second word:
/// the articles and prepositions the scanner meets at every other word
/// ("the week after next", "a year ago", "in two weeks", "to date"), the
/// spelled numbers ("two weeks ago", "first of May"), the determiners and
/// the first words of multi-word holidays. After them the scanner tries
/// [`parse_at`] only when the next word is one [`may_continue_word`]
/// admits, or is no plain word at all (digits, a mark, the sentence's end).
pub(crate) fn needs_second_word(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "in" | "to" | "that" | "this" | "from"
    ) || LEXICON.spelled.holds(w)
        || relative::is_determiner(w)
        // "new" of "New Year's Day", but not "april" of "April Fools' Day":
        // a month, a weekday or another date word may stand alone
        || relative::starts_only_long_holidays(w) && !may_start_a_date(w)
}

/// True when a date begins at the word `w` (lowercase ASCII letters) only
/// if a count follows it: "in two weeks", not "in the".
pub(crate) fn needs_count_word(w: &str) -> bool {
    relative::needs_count(w)
}

/// The lowercase words a date may hold right after "the": [`lower`]'s
/// forms after [`the`] ("the first quarter", "the early 1990s", "the
/// first week of March", "the end of the year", "the EOY") and the
/// relative ones ([`relative::words_after_the`]). The other forms cannot
/// begin with "the" (no name, number word or "Q" does), and a number
/// after it ("the 1990s", "the 3rd week") is no word.
///
/// Each word holds the readers that may read it ([`TheReaders`]).
static AFTER_THE: LazyLock<super::lexicon::WordMap<TheReaders>> = LazyLock::new(|| {
    let mut words = super::lexicon::WordMap::default();
    let lower = [
        "first", "second", "third", "fourth", "fifth", "mid", "early", "late", "end", "eoy", "eom",
    ]
    .into_iter()
    .map(|w| (w.to_string(), THE_LOWER));
    let relative = relative::words_after_the().map(|w| (w, THE_RELATIVE));
    for (w, r) in lower.chain(relative) {
        *words.entry(w).or_default() |= r;
    }
    words
});

/// Which readers may read a date that begins with "the" and a given word
/// after it, as bits: [`lower`] ([`THE_LOWER`]) or [`relative::parse`]
/// ([`THE_RELATIVE`]): "the first" begins no relative date, "the same" no
/// form of [`lower`]. (The two lists share no word; one in both would
/// have both bits.)
type TheReaders = u8;
const THE_LOWER: TheReaders = 1;
const THE_RELATIVE: TheReaders = 2;

/// True for the first words after which a date holds one of a few words
/// only, those of [`is_period_word`]: "a" and "an" as a count ("a year
/// ago", "a few weeks"), the determiner "that" ("that week", "that
/// summer"), "another" ("another year"), "every" (only [`season`]'s "every
/// summer"), and "to", "till" and "until" (only [`to_date`]'s "to date").
/// No month, weekday or spelled number is one of them, and no holiday
/// begins with them.
pub(crate) fn needs_period_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an" | "that" | "to" | "till" | "until" | "another" | "every"
    )
}

/// The lowercase words a date may hold right after a word of
/// [`needs_period_word`]: the relative expressions' units, determiners and
/// vague counts ([`relative::words_after_count`]), the season names
/// ([`season`]: "that summer") and "date" ("to date").
static PERIOD_WORDS: LazyLock<super::lexicon::WordMap<()>> = LazyLock::new(|| {
    relative::words_after_count()
        .chain(SEASONS.iter().map(|w| (*w).to_string()))
        .chain(["date".to_string()])
        .map(|w| (w, ()))
        .collect()
});

/// True when a date beginning with a word of [`needs_period_word`] may go
/// on with the word `w` (lowercase ASCII letters): the scanner's gate skips
/// "a new", "that the", "to the" and "to a".
pub(crate) fn is_period_word(w: &str) -> bool {
    PERIOD_WORDS.contains_key(w)
}

/// Every word of [`is_period_word`], for the gate's tests.
#[cfg(test)]
pub(crate) fn period_words() -> impl Iterator<Item = String> {
    PERIOD_WORDS.keys().cloned()
}

/// True for the first words of a range of two dates ([`between_dates`]:
/// "from May to July", "between 2019 and 2021"): a date follows them, or
/// the days of a month ("from 5 to 7 May"), so the word after them must be
/// one a date may begin with, or no plain word at all.
pub(crate) fn needs_date_word(w: &str) -> bool {
    matches!(w, "from" | "between")
}

/// When `input` begins with "the" and a plain word after it, the readers
/// that may read a date there ([`TheReaders`]); `None` otherwise. Every
/// form that begins with "the" ([`lower`] after [`the`], and the relative
/// ones) reads one of its words next, so none begins where the word is
/// none of [`AFTER_THE`] ("the company", "the new"). The scanner's gate
/// skips these where it runs; [`between_dates`] asks about the words
/// after "from" ("from the company") without it, about 900 times on the
/// 5 MB news sample, at ~2,500 instructions each. Where the gate lets the
/// word through, only one reader may read it: [`lower`] "the first",
/// [`relative::parse`] "the same", "the year", "the last" (~3,500 times
/// on the sample, where trying the other reader too cost ~2 M
/// instructions in all).
fn readers_after_the(input: &str) -> Option<TheReaders> {
    let b = input.as_bytes();
    if b.len() < 5 || !b[..3].eq_ignore_ascii_case(b"the") || b[3] != b' ' {
        return None;
    }
    let j = 3 + b[3..].iter().take_while(|&&c| c == b' ').count();
    if !b.get(j).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut buf = super::lexicon::WordBuf::new();
    let (w, _) = super::lexicon::lower_word(&input[j..], &mut buf)?;
    Some(AFTER_THE_PACKED.get(w.as_bytes(), w.len()).unwrap_or(0))
}

/// The words of [`AFTER_THE`] by their packed letters (a test sees that
/// every one is packable).
static AFTER_THE_PACKED: LazyLock<super::packed::PackedWords<TheReaders>> = LazyLock::new(|| {
    super::packed::PackedWords::new(AFTER_THE.iter().map(|(w, r)| (w.as_str(), *r)))
});

/// True when a date beginning with "the" may go on with the word `w`
/// (lowercase ASCII letters): the scanner's gate skips "the company", "the
/// new" and "the most". Looked up by its packed letters: the scanner and
/// [`readers_after_the`] ask at each "the" (~7,000 times in [`parse_at`]
/// alone on the 5 MB news sample), where a hash lookup cost ~150
/// instructions.
pub(crate) fn may_follow_the(w: &str) -> bool {
    AFTER_THE_PACKED.get(w.as_bytes(), w.len()).is_some()
}

/// The words after "the" that may end a date or go on with a word no
/// lexicon holds ("in the year", "the EOY", "the day before"): the units
/// and "day" that [`relative::parse`] reads there, "eoy" and "eom". After
/// "the" and any other word of [`may_follow_the`] a date goes on with a word a
/// date holds ([`may_continue_word`]: "the first quarter", "the same day",
/// "the end of"), so the scanner turns away "the first time", "the same
/// company" and "the current account" (`the_and_a_word_need_a_date_word`).
static ENDS_AFTER_THE: LazyLock<super::packed::PackedWords<()>> = LazyLock::new(|| {
    let units = relative::after_the_readers()
        .filter(|(_, r)| r & (relative::THE_UNIT | relative::THE_DAY) != 0)
        .map(|(w, _)| w);
    let words: Vec<String> = units.chain(["eoy", "eom"].map(String::from)).collect();
    super::packed::PackedWords::new(words.iter().map(|w| (w.as_str(), ())))
});

/// True when a date beginning with "the" may end after the word `w` (ASCII
/// letters, any case) that follows it: [`ENDS_AFTER_THE`].
pub(crate) fn may_end_after_the(w: &[u8]) -> bool {
    ENDS_AFTER_THE.get(w, w.len()).is_some()
}

/// Every word of [`may_follow_the`], for the gate's tests.
#[cfg(test)]
pub(crate) fn after_the_words() -> impl Iterator<Item = String> {
    AFTER_THE.keys().cloned()
}

/// The words the date grammars and their helpers match by a literal in the
/// code (the lexicons' words are read from the lexicons). The test
/// `grammar_words_are_listed` reads the sources and fails on any literal
/// word missing here.
const GRAMMAR_WORDS: &[&str] = &[
    "a",
    "about",
    "afternoon",
    "all",
    "almost",
    "an",
    "and",
    "another",
    "around",
    "autumn",
    "b",
    "between",
    "by",
    "century",
    "date",
    "dates",
    "during",
    "e",
    "early",
    "end",
    "entire",
    "eom",
    "eoy",
    "evening",
    "every",
    "fall",
    "first",
    "for",
    "fourth",
    "from",
    "half",
    "in",
    "just",
    "k",
    "last",
    "lasted",
    "lasts",
    "late",
    "mid",
    "mil",
    "minus",
    "month",
    "morning",
    "nd",
    "nearly",
    "next",
    "night",
    "of",
    "on",
    "one",
    "only",
    "or",
    "out",
    "over",
    "quarter",
    "rd",
    "roughly",
    "second",
    "since",
    "some",
    "spring",
    "st",
    "summer",
    "th",
    "than",
    "that",
    "the",
    "third",
    "this",
    "through",
    "throughout",
    "till",
    "to",
    "u",
    "until",
    "up",
    "week",
    "whole",
    "winter",
    "with",
    "year",
];

/// The lexicon tables and lists [`SECOND_WORDS`] leaves out.
const NOT_SECOND_WORDS: &[&str] = &["context", "future_cues", "labels"];

/// Every word a date, or a figure that begins with "a"/"an", may hold after
/// its first, lowercase: the words of the date, number and approximator
/// lexicons (keys and values, which only admits more) and
/// [`GRAMMAR_WORDS`]. Left out are the lists read only before a date or
/// after its number, never as its second word: the cue words of
/// `[context]` ("in", "since" before a year; "people" after one), the
/// future cues ("will … in two weeks") and the labels ("Fig. 5"), named in
/// [`NOT_SECOND_WORDS`].
static SECOND_WORDS: LazyLock<super::lexicon::WordMap<()>> = LazyLock::new(|| {
    fn words(s: &str, out: &mut super::lexicon::WordMap<()>) {
        for w in s.split(|c: char| !c.is_ascii_alphabetic()) {
            if !w.is_empty() {
                out.insert(w.to_ascii_lowercase(), ());
            }
        }
    }
    fn collect(v: &toml::Value, out: &mut super::lexicon::WordMap<()>) {
        match v {
            toml::Value::String(s) => words(s, out),
            toml::Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
            toml::Value::Table(t) => {
                for (k, x) in t {
                    if NOT_SECOND_WORDS.contains(&k.as_str()) {
                        continue;
                    }
                    words(k, out);
                    collect(x, out);
                }
            }
            _ => {}
        }
    }
    let mut out = super::lexicon::WordMap::default();
    for text in [
        include_str!("../../checks/lexicon/dates.toml"),
        include_str!("../../checks/lexicon/numbers.toml"),
        // "an estimated 5,000": the scanner asks the same question after
        // "a" and "an" before it tries a figure
        include_str!("../../checks/lexicon/approximators.toml"),
    ] {
        // read as the lexicons are (from the JSON the build script wrote
        // of them, where it could): `toml` took 2.7 M instructions a run
        // over these three files
        let t: toml::Table = super::lexicon::parse("second words", text);
        collect(&toml::Value::Table(t), &mut out);
    }
    for w in GRAMMAR_WORDS {
        out.insert((*w).to_string(), ());
    }
    out
});

/// Every word of [`may_continue_word`]'s list (its plurals aside) and
/// every word a relative expression begins with: the gate's table of
/// listed words holds them.
pub(crate) fn listed_words() -> impl Iterator<Item = &'static str> {
    SECOND_WORDS
        .keys()
        .map(String::as_str)
        .chain(relative::starter_words())
}

/// True when `w` (lowercase ASCII letters) may be a date's second word: a
/// word of [`SECOND_WORDS`] or its plural ("fifths", "hundredths", the
/// number parser's plural ordinals).
pub(crate) fn may_continue_word(w: &str) -> bool {
    let words = &*SECOND_WORDS;
    words.contains_key(w) || w.strip_suffix('s').is_some_and(|s| words.contains_key(s))
}

/// True when a date may hold the lowercase word `w` right after a run of
/// digits and spaces other than a year's or a compact date's (four or
/// eight digits), alone or beginning a decimal or a grouped number: the
/// scanner tries no date at such digits before another plain word
/// ([`super::gate::AFTER_DIGITS`]). Such a run begins a date only as a day
/// before a month name, or "of" and one ([`day_month`]: "15 September",
/// "31 of March"), or as the count of a relative expression before its
/// unit or determiner ([`relative::words_after_count`]: "3 days ago", "the
/// 5 past years") or with a scale the number parser reads after it
/// ([`scales_a_count`]: "2 hundred days ago"). The other words a date
/// begins with do not follow its digits: "5 to", "10 in", "3 a", "2 from"
/// and "7 Thursday" (~550 date attempts on the 5 MB news sample, none a
/// date) begin none.
pub(crate) fn may_follow_digits(w: &str) -> bool {
    w == "of" || AFTER_DIGITS_WORDS.contains_key(w) || scales_a_count(w)
}

/// The month names (without their dot) and the words of
/// [`relative::words_after_count`], lowercase: [`may_follow_digits`]'s
/// lists.
static AFTER_DIGITS_WORDS: LazyLock<super::lexicon::WordMap<()>> = LazyLock::new(|| {
    LEXICON
        .months
        .by_letter
        .iter()
        .flatten()
        .map(|n| n.text.trim_end_matches('.').to_ascii_lowercase())
        .chain(relative::words_after_count())
        .map(|w| (w, ()))
        .collect()
});

/// True when the number parser reads the lowercase word `w` after a digit
/// and one of it is a count a relative expression takes
/// ([`relative::takes_count`]: "hundred", "thousand", not "million" or
/// "pct"): "2 hundred days ago" is a date.
fn scales_a_count(w: &str) -> bool {
    // written on the stack, not formatted: the gate asks this of ~640
    // words at start-up, where `format!` cost ~700 instructions a word
    let mut buf = arrayvec::ArrayString::<{ 2 + super::lexicon::MAX_WORD }>::new();
    let heap;
    let probe = if buf.try_push_str("1 ").is_ok() && buf.try_push_str(w).is_ok() {
        buf.as_str()
    } else {
        heap = ["1 ", w].concat();
        heap.as_str()
    };
    super::number::parse(probe, 0, probe.len(), false)
        .is_some_and(|n| n.end > 1 && relative::takes_count(&n))
}

/// True when [`word_period`] may start at the word that begins `input`
/// ("to", "till", "until", the determiners and the season names), by its
/// first letter and length: part of [`first_word_by_filters`], the
/// fallback of [`first_word`]'s table for longer words and the tests'
/// reference.
fn may_start_word_period(input: &str) -> bool {
    let b = input.as_bytes();
    let Some(&first) = b.first() else {
        return false;
    };
    let len = b
        .iter()
        .take(8)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    match len {
        2 | 4 => matches!(first | 0x20, b't' | b'l' | b'n' | b'f'),
        5 => matches!(first | 0x20, b'e' | b'u'),
        6 => matches!(first | 0x20, b's' | b'w' | b'a'),
        _ => false,
    }
}

/// Periods named by words the month and weekday parsers do not start with:
/// seasons ("this summer") and "to date". Tried only at a word of
/// [`PERIOD`].
///
/// "to", "till" and "until" begin only "to date": [`season`], which reads
/// a determiner or a season's name first, is not tried after them (~2,500
/// times on the 5 MB news sample, where it cost ~150 instructions to
/// fail; the tests compare [`word_period_trying_both`]).
fn word_period(text: &str, sentence_start: usize, start: usize, input: &str) -> Option<DateMatch> {
    let first = *input.as_bytes().first()? | 0x20;
    let (end, parts) = if matches!(first, b't' | b'u')
        && let Some(rest) = after_to_word(input)
    {
        let end = to_date(text, sentence_start, start, input, rest)?;
        (end, DateParts::default())
    } else {
        season(text, sentence_start, start, input)?
    };
    Some(DateMatch {
        end,
        kind: ClaimKind::DateRange,
        parts,
        seconds: None,
        members: None,
    })
}

/// [`word_period`]'s end and parts, [`to_date`] and [`season`] tried in
/// turn at every word: the tests' reference.
#[cfg(test)]
fn word_period_trying_both(
    text: &str,
    sentence_start: usize,
    start: usize,
    input: &str,
) -> Option<(usize, DateParts)> {
    after_to_word(input)
        .and_then(|rest| to_date(text, sentence_start, start, input, rest))
        .map(|end| (end, DateParts::default()))
        .or_else(|| season(text, sentence_start, start, input))
}

/// A relative date or a vague duration at `start`: "yesterday", "two weeks
/// ago", "several months". `kinds` are the first word's
/// [`relative::starter_kinds`].
fn relative_at(text: &str, start: usize, end: usize, kinds: relative::Kinds) -> Option<DateMatch> {
    let f = relative::parse_kinds(text, start, end, kinds)?;
    Some(DateMatch {
        end: f.end,
        kind: f.kind,
        parts: DateParts {
            month: f.holiday.map(|(m, _)| m),
            day: f.holiday.map(|(_, d)| d),
            relative: f.relative,
            ..DateParts::default()
        },
        seconds: f.seconds,
        members: None,
    })
}

/// "from May to July", "from 10/1 to 11/7", "between 2010 and 2015": a
/// period written as its two ends. A month named alone counts here, the
/// words around it making it a date.
fn between_dates(text: &str, sentence: &Span, start: usize) -> Option<DateMatch> {
    let end = sentence.end.min(text.len());
    let s = text.get(start..end)?;
    let (joiners, n): (&[&str], usize) = if nocase("from")(s).is_ok() {
        (
            &[
                " to ",
                " until ",
                " till ",
                " through ",
                " - ",
                "-",
                "\u{2013}",
                " \u{2013} ",
            ],
            4,
        )
    } else if nocase("between")(s).is_ok() {
        (&[" and "], 7)
    } else {
        return None;
    };
    let gap = s[n..].bytes().take_while(|c| *c == b' ').count();
    if gap == 0 {
        return None;
    }
    if let Some(k) = days_of_month(&s[n + gap..], joiners[0]) {
        return Some(DateMatch {
            end: start + n + gap + k,
            kind: ClaimKind::DateRange,
            parts: DateParts::default(),
            seconds: None,
            members: None,
        });
    }
    let first = date_or_month(text, sentence, start + n + gap)?;
    let after = text.get(first.end..end)?;
    let k = joiners
        .iter()
        .find_map(|j| super::lexicon::match_phrase(after, j, false))?;
    let at = first.end + k;
    // "from March to date": up to now
    if matches!(after[..k].trim(), "to" | "until" | "till")
        && let Some(r) = nocase_word(&text[at..end], "date")
        && !r.starts_with('-')
    {
        return Some(DateMatch {
            end: end - r.len(),
            kind: ClaimKind::DateRange,
            parts: DateParts::default(),
            seconds: None,
            members: None,
        });
    }
    // a dash glued to both dates ("10/1/2018-10/7/2018") is read as if the
    // second date began the text, the dash not being a minus sign here
    let glued = !after[..k].contains(' ');
    let second = if glued {
        date_or_month(text, &(at..sentence.end), at)?
    } else {
        date_or_month(text, sentence, at)?
    };
    // "from 2019 to 2021" runs forward; "from July to May" may cross a year
    if let (Some(a), Some(b), None, None) = (
        first.parts.year,
        second.parts.year,
        first.parts.month,
        second.parts.month,
    ) && b <= a
    {
        return None;
    }
    Some(DateMatch {
        end: second.end,
        kind: ClaimKind::DateRange,
        parts: DateParts::default(),
        seconds: None,
        members: Some([first, second]),
    })
}

/// "3 and 12 of Sept", "3 to 12 September 2021": two days of one month
/// after "between" or "from"; returns the length read.
fn days_of_month(s: &str, joiner: &str) -> Option<usize> {
    let (rest, a) = day(s).ok()?;
    let k = super::lexicon::match_phrase(rest, joiner, false)?;
    let (rest, b) = day(&rest[k..]).ok()?;
    let (rest, _) = (space1, opt((tag("of"), space1))).parse(rest).ok()?;
    let (rest, _) = month(rest).ok()?;
    let (rest, _) = opt(day_year).parse(rest).ok()?;
    (b > a && number_ends(rest)).then(|| s.len() - rest.len())
}

/// A date, period or year at `start`, or a month named alone.
fn date_or_month(text: &str, sentence: &Span, start: usize) -> Option<Member> {
    let end = sentence.end.min(text.len());
    let found = parse_at(text, sentence.clone(), start);
    if let Some(d) = found
        && d.members.is_none()
        && matches!(
            d.kind,
            ClaimKind::Date | ClaimKind::DateRange | ClaimKind::Year
        )
    {
        return Some(Member {
            start,
            end: d.end,
            kind: d.kind,
            parts: d.parts,
        });
    }
    let (rest, m) = month(text.get(start..end)?).ok()?;
    if rest
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
        || (!m.full && m.ambiguous)
    {
        return None;
    }
    Some(Member {
        start,
        end: end - rest.len(),
        kind: ClaimKind::DateRange,
        parts: DateParts {
            month: Some(m.number),
            ..DateParts::default()
        },
    })
}

/// A numeric date at `start`: with its year anywhere ("9/15/2022"), without
/// one only after a word that takes dates ("on 11/20"), as "3/4" is more
/// often a fraction and "24/7" a phrase.
fn numeric_at<'a>(
    text: &str,
    sentence_start: usize,
    start: usize,
    input: &'a str,
) -> Option<(&'a str, (ClaimKind, DateParts))> {
    let (rest, (kind, parts)) = numeric(input).ok()?;
    if parts.year.is_none() {
        if rest.starts_with(" of") {
            return None;
        }
        let dotted = input
            .as_bytes()
            .get(..input.len() - rest.len())
            .is_some_and(|h| h.contains(&b'.'));
        // "on 5.12" closing its clause; elsewhere "5.12" is a number. The
        // word before is looked for only where the date closes: most of
        // the ~5,000 decimals on the 5 MB news sample ("2.5 percent") do not
        if dotted {
            if !closes_clause(rest)
                || !word_before(text, sentence_start, start).eq_ignore_ascii_case("on")
            {
                return None;
            }
            return Some((rest, (kind, parts)));
        }
        let word = word_before(text, sentence_start, start);
        let cued = listed(&LEXICON.context.numeric_date_cues, word)
            || after_numeric_date(text, sentence_start, start, input.len())
            || alone(text, sentence_start, start, rest);
        if !cued {
            return None;
        }
    }
    Some((rest, (kind, parts)))
}

/// False when none of the forms [`short_run_forms`] tries after a dash
/// can read `input`, which begins with a run of one or two digits (`run`)
/// and a dash: each reads after the dash a month name
/// ([`compact_day_month`]: "5-Aug", which [`has_name_prefix`] stands for)
/// or a year of four digits ([`month_year_numeric`]: "12-2015";
/// [`compact_odd`]: "23-2020-Sep"). Of the ~1,000 such starts on the 5 MB
/// news sample most are neither ("76-year-old", "2-1", "6-6.5%", "20-30
/// January"), where the three forms cost ~650 instructions to fail.
fn dashed_may_date(input: &str, run: usize) -> bool {
    let after = input.get(run + 1..).unwrap_or("");
    has_name_prefix(after)
        || after
            .as_bytes()
            .get(..4)
            .is_some_and(|y| y.iter().all(u8::is_ascii_digit))
}

/// True when `rest`, after any spaces, is empty or begins with a mark that
/// closes a clause (or, for [`dotted_may_date`], a dotted date's year).
fn closes_clause(rest: &str) -> bool {
    rest.trim_start_matches(' ')
        .as_bytes()
        .first()
        .is_none_or(|c| matches!(c, b'.' | b',' | b';' | b'!' | b'?' | b')'))
}

/// False when [`numeric_at`] finds no date in `input`, which begins with a
/// run of one or two digits and a dot ("2.5 percent", "5.12"): a dotted
/// date has one or two digits after the dot, then the dot of its year, or
/// else, without its year, must close its clause ([`closes_clause`]).
/// [`numeric_at`] read ~5,400 decimals of the 5 MB news sample as a day
/// and a month before it turned them away, at ~250 instructions each.
fn dotted_may_date(input: &str, run: usize) -> bool {
    let after = input.get(run + 1..).unwrap_or("");
    let k = after.bytes().take(2).take_while(u8::is_ascii_digit).count();
    k > 0 && closes_clause(&after[k..])
}

/// True when the date at `start` opens its sentence and stands alone, or
/// before a comma or a question mark: "11/20, 12 of Nov?", "2/29".
fn alone(text: &str, sentence_start: usize, start: usize, rest: &str) -> bool {
    let opens = text
        .get(sentence_start..start)
        .is_some_and(|h| h.trim().is_empty());
    opens && (rest.trim_end().is_empty() || rest.starts_with(", ") || rest.starts_with('?'))
}

/// True when a numeric date the cue rules accept comes just before `start`
/// in a list: "on 11/20, 11/22 or 11/25".
fn after_numeric_date(text: &str, sentence_start: usize, start: usize, len: usize) -> bool {
    let b = text.as_bytes();
    let back = |mut e: usize| {
        while e > sentence_start && b[e - 1] == b' ' {
            e -= 1;
        }
        e
    };
    let mut e = back(start);
    let w = word_before(text, sentence_start, start);
    if w.eq_ignore_ascii_case("or") || w.eq_ignore_ascii_case("and") {
        e = back(e - w.len());
    }
    if e > sentence_start && b[e - 1] == b',' {
        e = back(e - 1);
    }
    if e == start {
        return false;
    }
    let mut s0 = e;
    while s0 > sentence_start && (b[s0 - 1].is_ascii_digit() || b[s0 - 1] == b'/') {
        s0 -= 1;
    }
    if s0 == e || (s0 > sentence_start && b[s0 - 1].is_ascii_alphanumeric()) {
        return false;
    }
    let Some(input) = text.get(s0..start + len) else {
        return false;
    };
    // "between 3/8 and 5/8" are fractions: a listed date needs a day above 12
    let this_day = numeric(text.get(start..start + len).unwrap_or(""))
        .is_ok_and(|(_, (_, p))| p.day.is_some_and(|d| d > 12));
    this_day
        && numeric_at(text, sentence_start, s0, input)
            .is_some_and(|(rest, _)| input.len() - rest.len() == e - s0)
}

/// A filter for word starts: the word begins like a month or weekday name
/// (its first three letters), or is a word that opens a period ("the",
/// "early", "late", "mid", "first" … "fourth", "Q1"). [`first_word`]'s
/// table answers for the words it holds; this is what
/// [`needs_second_word`] asks, and part of [`first_word_by_filters`], the
/// fallback for longer words and the tests' reference.
fn may_start_a_date(input: &str) -> bool {
    has_name_prefix(input) || may_start_a_date_but_by_name(input)
}

/// True when the first three letters of `input` are those of a month or
/// weekday name ("Sep" of "Sept.", "mon" of "money"): false when no name
/// can start there, as every name begins with three letters (the test
/// `every_name_has_a_prefix` checks it).
fn has_name_prefix(input: &str) -> bool {
    let b = input.as_bytes();
    if let [x, y, z, ..] = *b
        && let Some(k) = prefix_index(x, y, z)
    {
        LEXICON
            .prefixes
            .get(k / 64)
            .is_some_and(|w| w & (1 << (k % 64)) != 0)
    } else {
        false
    }
}

/// Every month and weekday name as a whole lowercase word ("sept").
#[cfg(test)]
pub(crate) fn name_words() -> impl Iterator<Item = &'static str> {
    LEXICON.name_words.keys().map(String::as_str)
}

/// [`may_start_a_date`] for the forms that begin with no month or weekday
/// name: "the 1990s", "mid-2020", "Q1", "second of Aug". The gate, which
/// asks of whole words, tests the names exactly ([`Lexicon::name_words`])
/// instead of by their first three letters, which "market", "money" and
/// "decision" share with "Mar", "Mon" and "Dec".
fn may_start_a_date_but_by_name(input: &str) -> bool {
    let b = input.as_bytes();
    let word = |w: &str| {
        b.get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
            && !b.get(w.len()).is_some_and(u8::is_ascii_alphabetic)
    };
    // "Q1"; a day or year in words: "second of Aug", "fifteen August"
    b.first().is_some_and(|c| c | 0x20 == b'q') && digit_at(input, 1)
        || KEYWORDS.iter().any(|w| word(w))
        || spelled::starts(input)
}

/// The words [`named`]'s forms but the name-led and the spelled ones begin
/// with, lowercase: [`lower`]'s ("the 1990s", "mid-2021", "early 2020",
/// "end of March", "EOY") and [`week_number`]'s. A quarter code ("Q1")
/// begins with "q" and a digit.
const KEYWORDS: &[&str] = &["the", "mid", "late", "early", "end", "eoy", "eom", "week"];

/// What a date's first word may begin, as bits: [`relative::Kinds`] in
/// the low byte ([`RELATIVE`]), and [`NAME`], [`NAMED`] and [`PERIOD`].
type Starts = u16;
const RELATIVE: Starts = 0xff;
/// A month name: [`by_name`]'s month-led forms.
const MONTH: Starts = 1 << 8;
/// A weekday name: [`by_name`]'s weekday-led forms.
const WEEKDAY: Starts = 1 << 9;
/// A month or weekday name ([`has_name_prefix`]).
const NAME: Starts = MONTH | WEEKDAY;
/// A word of [`KEYWORDS`]: [`lower`]'s forms and [`week_number`].
const KEYWORD: Starts = 1 << 10;
/// [`word_period`]'s ([`may_start_word_period`]).
const PERIOD: Starts = 1 << 11;
/// A spelled number: [`named`]'s days and years in words.
const SPELLED: Starts = 1 << 12;
/// "q" of "Q1": [`quarter_code`].
const QUARTER: Starts = 1 << 13;
/// [`named`]'s forms but the name-led ([`may_start_a_date_but_by_name`]).
const NAMED: Starts = KEYWORD | SPELLED | QUARTER;

/// Every word a date may begin with, by its packed letters (lowercase),
/// with what it may begin: the month and weekday names (without their
/// dot), [`KEYWORDS`], "q"
/// (of "Q1"), the spelled numbers, [`word_period`]'s first words and the
/// relative expressions' ([`relative::starters`]).
static FIRST_WORDS: LazyLock<super::packed::PackedWords<Starts>> = LazyLock::new(|| {
    let mut words: super::lexicon::WordMap<Starts> = super::lexicon::WordMap::default();
    let named = KEYWORDS
        .iter()
        .map(|w| (*w, KEYWORD))
        .chain([("q", QUARTER)])
        .chain(spelled::words().map(|w| (w, SPELLED)));
    let names = |names: &'static Names, f: Starts| {
        names
            .by_letter
            .iter()
            .flatten()
            .map(move |n| (n.text.trim_end_matches('.'), f))
    };
    let flagged = names(&LEXICON.months, MONTH)
        .chain(names(&LEXICON.weekdays, WEEKDAY))
        .chain(named)
        .chain(
            WORD_PERIOD_STARTERS
                .iter()
                .chain(SEASONS)
                .map(|w| (*w, PERIOD)),
        )
        .chain(relative::starters().map(|(w, k)| (w, Starts::from(k))));
    for (w, f) in flagged {
        *words.entry(w.to_ascii_lowercase()).or_default() |= f;
    }
    super::packed::PackedWords::new(words.iter().map(|(w, f)| (w.as_str(), *f)))
});

/// What the word of ASCII letters at the start of `input` may begin
/// ([`Starts`]): by one lookup of its packed letters, where
/// [`first_word_by_filters`] (for longer words, and the tests' reference)
/// asks the filters of each form in turn. [`parse_at`] asks this at each
/// of the ~39,000 words it meets on the 5 MB news sample, where the four
/// filters cost ~300 instructions.
fn first_word(input: &str) -> Starts {
    let b = input.as_bytes();
    let len = b
        .iter()
        .take(super::lexicon::PACKED + 1)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if len == 0 || len > super::lexicon::PACKED {
        return first_word_by_filters(input);
    }
    FIRST_WORDS.get(b, len).unwrap_or(0)
}

/// [`first_word`] by the filters of the forms: [`has_name_prefix`],
/// [`may_start_a_date_but_by_name`], [`may_start_word_period`] and
/// [`relative::starter_kinds`]. Each filter lets through every word its
/// forms may begin with, and some more.
fn first_word_by_filters(input: &str) -> Starts {
    let flag = |on: bool, f: Starts| if on { f } else { 0 };
    flag(has_name_prefix(input), NAME)
        | flag(may_start_a_date_but_by_name(input), NAMED)
        | flag(may_start_word_period(input), PERIOD)
        | Starts::from(relative::starter_kinds(input))
}

fn the(i: &str) -> Res<'_, &str> {
    recognize((nocase("the"), space1)).parse(i)
}

/// ", " or " " after a weekday or month name.
fn comma_or_space(i: &str) -> Res<'_, &str> {
    alt((recognize((space0, char(','), space0)), space1)).parse(i)
}

/// Forms that start with a lowercase word: "early 2020", "mid-2021", "first
/// quarter", "the 1990s", "the third quarter of 2016".
fn lower(input: &str) -> Option<(&str, (ClaimKind, DateParts))> {
    lower_by_first_byte(input, true)
}

/// A form of [`lower`], with a test of the first byte it may begin with.
type LowerForm = (
    for<'a> fn(&'a str) -> Res<'a, (ClaimKind, DateParts)>,
    fn(u8) -> bool,
);

/// [`lower`]'s forms after "the", in the order tried: [`decade`] begins
/// with a digit, [`quarter_words`] with "first" to "fourth", [`modified`]
/// with "mid", "early" or "late", [`week_of`] with a digit or a number
/// word, [`end_of`] with "end", "EOY" or "EOM".
const AFTER_THE_FORMS: [LowerForm; 5] = [
    (decade, |c| c.is_ascii_digit()),
    (quarter_words, |c| matches!(c | 0x20, b'f' | b's' | b't')),
    (modified, |c| matches!(c | 0x20, b'm' | b'e' | b'l')),
    (week_of, |c| c.is_ascii_alphanumeric()),
    (end_of, |c| c | 0x20 == b'e'),
];

/// [`lower`]'s forms without "the"; [`week_number`] begins with "week".
const LOWER_FORMS: [LowerForm; 5] = [
    (modified, |c| matches!(c | 0x20, b'm' | b'e' | b'l')),
    (quarter_words, |c| matches!(c | 0x20, b'f' | b's' | b't')),
    (week_of, |c| c.is_ascii_alphanumeric()),
    (week_number, |c| c | 0x20 == b'w'),
    (end_of, |c| c | 0x20 == b'e'),
];

/// [`lower`]; with `dispatch`, only the forms that may begin with the
/// first byte are tried, else all in turn (which the tests compare). Each
/// skipped form would fail on that byte; the full chain cost ~600
/// instructions at each "the" the scanner asks about (~6,000 on the 5 MB
/// news sample).
fn lower_by_first_byte(input: &str, dispatch: bool) -> Option<(&str, (ClaimKind, DateParts))> {
    let (i, forms) = match the(input) {
        Ok((rest, _)) => (rest, &AFTER_THE_FORMS),
        Err(_) => (input, &LOWER_FORMS),
    };
    let c = i.as_bytes().first().copied().unwrap_or(0);
    forms
        .iter()
        .filter(|(_, may_begin)| !dispatch || may_begin(c))
        .find_map(|(form, _)| form(i).ok())
}

/// The forms of [`named`] that begin with a month or weekday name:
/// `Some` with [`named`]'s answer, `None` to go on to the other forms.
/// The [`MONTH`] and [`WEEKDAY`] bits of `name` say which to read: a
/// month name is read as a weekday first in vain otherwise (~6,000 times
/// on the 5 MB news sample, at ~120 instructions).
#[allow(clippy::option_option)]
fn by_name<'a>(
    text: &str,
    sentence_start: usize,
    start: usize,
    input: &'a str,
    name: Starts,
) -> Option<Option<(&'a str, (ClaimKind, DateParts))>> {
    let ctx = &LEXICON.context;
    if name & WEEKDAY != 0
        && let Ok((rest, wd)) = weekday(input)
    {
        let named = NamedWeekday {
            day: wd.number,
            start,
            end: start + wd.text.len(),
        };
        let body = comma_or_space(rest).ok().and_then(|(r, _)| {
            alt((month_day, day_month, numeric, ordinal_day))
                .parse(r)
                .ok()
        });
        if let Some((rest, (kind, parts))) = body {
            let parts = DateParts {
                weekday: Some(named),
                ..parts
            };
            return Some(Some((rest, (kind, parts))));
        }
        if wd.ambiguous || wd.text.len() <= 5 {
            return Some(None);
        }
        // "Tuesday or Wednesday", "Wednesday, Thursday": a list of days
        let listed_day = alt((
            recognize((space0, char(','), space1)),
            recognize((space1, alt((tag("or"), tag("and"))), space1)),
        ))
        .parse(rest)
        .ok()
        .and_then(|(r, _)| weekday(r).ok())
        .is_some_and(|(_, n)| n.full);
        let cue = listed_day || listed(&ctx.weekday_cues, word_before(text, sentence_start, start));
        let part_of_day = space1(rest)
            .and_then(|(r, _)| {
                alt((
                    tag("morning"),
                    tag("afternoon"),
                    tag("evening"),
                    tag("night"),
                ))
                .parse(r)
            })
            .is_ok_and(|(r, _)| !r.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric));
        if !cue && !part_of_day {
            return Some(None);
        }
        let parts = DateParts {
            weekday: Some(named),
            ..DateParts::default()
        };
        return Some(Some((rest, (ClaimKind::Date, parts))));
    }
    // every form below begins with the month, read here once: ~130
    // instructions a time, up to five times at each word the name prefix
    // lets through
    if name & MONTH == 0 {
        return None;
    }
    let (rest, m) = month(input).ok()?;
    if let Some(r) = month_led(input, rest, m, true) {
        return Some(Some(r));
    }
    // A month named alone: only after a cue, and never an abbreviation.
    if !m.full {
        return Some(None);
    }
    let word = word_before(text, sentence_start, start);
    let cues = if m.ambiguous {
        &ctx.strict_month_cues
    } else {
        &ctx.month_cues
    };
    if !listed(cues, word) {
        return Some(None);
    }
    let parts = DateParts {
        month: Some(m.number),
        ..DateParts::default()
    };
    Some(Some((rest, (ClaimKind::DateRange, parts))))
}

/// The forms that go on past the month `m`, read from `input` up to
/// `rest`, in the order tried: "Sep-23", "Sep-2020-23", "March 5, 2021",
/// "May twenty nine", "March 2020", "March, 2020".
///
/// With `dispatch`, the bytes after the name pick the forms to try: a dash
/// or a slash glued to an undotted name the compact ones, a digit after
/// spaces (and one comma) the day and the year, a letter after spaces the
/// day or year in words. Each form the dispatch skips would fail there;
/// without `dispatch` all are tried in turn, which the tests compare. Of
/// the ~7,000 month names the scanner meets on the 5 MB news sample, most
/// stand before a comma, a word or a full stop ("in March, the", "in March
/// as"), where the five forms cost ~350 instructions to fail.
fn month_led<'a>(
    input: &'a str,
    rest: &'a str,
    m: &Name,
    dispatch: bool,
) -> Option<(&'a str, (ClaimKind, DateParts))> {
    let (joined, digit, letter) = if dispatch {
        let after = |s: &'a str| &s[super::lexicon::spaces(s)..];
        let spaced = after(rest);
        let comma = spaced.strip_prefix(',').map_or(spaced, after);
        let first = |s: &str, f: fn(&u8) -> bool| s.as_bytes().first().is_some_and(f);
        (
            !m.text.ends_with('.') && first(rest, |c| matches!(c, b'-' | b'/')),
            first(spaced, u8::is_ascii_digit) || first(comma, u8::is_ascii_digit),
            first(spaced, u8::is_ascii_alphabetic),
        )
    } else {
        (true, true, true)
    };
    let led = |on: bool, form: fn(&'a str, &'a str, &Name) -> Res<'a, (ClaimKind, DateParts)>| {
        on.then(|| form(input, rest, m).ok()).flatten()
    };
    if let Some(r) = led(joined, compact_month_day)
        .or_else(|| led(joined, compact_odd_named))
        .or_else(|| led(digit, month_day_after))
        .or_else(|| led(letter, month_spelled))
    {
        return Some(r);
    }
    if !digit {
        return None;
    }
    let (rest, y) = alt((
        preceded((char(','), space1), year),
        preceded(space1, year_word),
    ))
    .parse(rest)
    .ok()?;
    let parts = DateParts {
        year: Some(y),
        month: Some(m.number),
        ..DateParts::default()
    };
    Some((rest, (ClaimKind::DateRange, parts)))
}

/// Forms that start with a word: weekday-led, month-led, "Q1 2016",
/// "early 2020", "the 1990s", "first-quarter". `word` is the first word's
/// [`Starts`]: the forms its bits do not admit are not tried ("the" is
/// not looked up as a number word, ~100 instructions at each of ~5,000 on
/// the 5 MB news sample).
fn named<'a>(
    text: &str,
    sentence_start: usize,
    start: usize,
    input: &'a str,
    word: Starts,
) -> Option<(&'a str, (ClaimKind, DateParts))> {
    // without a bit no name-led form can match
    if word & NAME != 0
        && let Some(found) = by_name(text, sentence_start, start, input, word)
    {
        return found;
    }
    if word & QUARTER != 0
        && let Ok(r) = quarter_code(input)
    {
        return Some(r);
    }
    // a day or a year in words begins with a number word, looked up once
    let lead = if word & SPELLED != 0 {
        spelled::lead(input)
    } else {
        None
    };
    if let Some(lead) = lead
        && let Ok(r) = spelled_day_month(input, lead)
    {
        return Some(r);
    }
    // "in nineteen ninety six"
    if let Some(lead) = lead
        && let Some((y, rest)) = spelled::year_of(lead)
        && follower_ok(rest)
        && listed(
            &LEXICON.context.strong_year_cues,
            word_before(text, sentence_start, start),
        )
    {
        let parts = DateParts {
            year: Some(y),
            ..DateParts::default()
        };
        return Some((rest, (ClaimKind::Year, parts)));
    }
    if !may_start_lower(input, lead) {
        return None;
    }
    lower(input)
}

/// The words [`lower`]'s forms begin with, but its ordinals in words
/// ("first week of March"): "the", [`modified`]'s, [`quarter_words`]',
/// [`week_number`]'s and [`end_of`]'s. Each form reads its word whole,
/// before a space, a hyphen or no letter or digit.
const LOWER_WORDS: &[&str] = &[
    "the", "mid", "early", "late", "first", "second", "third", "fourth", "week", "end", "eoy",
    "eom",
];

/// False when [`lower`] cannot read a date at `input` (which starts with a
/// letter; `lead` is its number word, if any): its first letters are none
/// of [`LOWER_WORDS`] (any case) and no ordinal from "first" to "fifth"
/// ([`week_of`]). Most words the name prefix or a number word let into
/// [`named`] end here ("one of", "monetary"), where the five forms cost
/// ~350 instructions to turn them away.
fn may_start_lower(input: &str, lead: Option<spelled::Lead<'_>>) -> bool {
    let b = input.as_bytes();
    let len = b
        .iter()
        .take(6)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let word = &b[..len];
    lead.is_some_and(spelled::Lead::is_small_ordinal)
        || LOWER_WORDS
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
}

/// The year a date refers to: the one written, else, from the document date,
/// the year among the document's and those either side that puts the day
/// and month nearest the document date. `None` when no year is known.
///
/// The nearest year is chosen as if the day were at most the 28th, so that
/// "February 29" in a document of 2023 is read as 2023 (and found impossible)
/// rather than moved to the leap year 2024.
pub(crate) fn year_for(parts: &DateParts, doc: Option<jiff::civil::Date>) -> Option<i32> {
    if let Some(y) = parts.year {
        return Some(y);
    }
    let (doc, month, day) = (doc?, parts.month?, parts.day?);
    let y = i32::from(doc.year());
    let mut best: Option<(i64, i32)> = None;
    for cand in [y - 1, y, y + 1] {
        let Ok(year) = i16::try_from(cand) else {
            continue;
        };
        let Ok(date) = jiff::civil::Date::new(year, month as i8, day.min(28) as i8) else {
            continue;
        };
        let Ok(span) = doc.until(date) else {
            continue;
        };
        let days = i64::from(span.get_days()).abs();
        if best.is_none_or(|(d, _)| days < d) {
            best = Some((days, cand));
        }
    }
    best.map(|(_, y)| y)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of up to five symbols from digits, blanks, letters and
    /// non-ASCII characters (a no-break space, an Arabic-Indic digit).
    fn byte_probes() -> Vec<String> {
        const SYMBOLS: [&str; 8] = ["0", "7", " ", "\t", "a", "\u{a0}", "\u{663}", ","];
        // the string numbered `k` among those of `len` symbols
        let spell = |len: u32, mut k: usize| -> String {
            (0..len)
                .map(|_| {
                    let c = SYMBOLS[k % SYMBOLS.len()];
                    k /= SYMBOLS.len();
                    c
                })
                .collect()
        };
        (0..=5)
            .flat_map(|len| (0..SYMBOLS.len().pow(len)).map(move |k| spell(len, k)))
            .collect()
    }

    /// [`digits`], [`space0`] and [`space1`] read by bytes what nom's
    /// `take_while_m_n`, `space0` and `space1` read by chars.
    #[test]
    fn byte_readers_match_nom() {
        type E<'a> = nom::error::Error<&'a str>;
        let probes = byte_probes();
        assert!(probes.len() > 30_000);
        for s in &probes {
            let s = s.as_str();
            for (min, max) in [(1, 1), (1, 2), (2, 2), (4, 4), (1, 4), (0, 3)] {
                let nom =
                    nom::bytes::complete::take_while_m_n::<_, _, E<'_>>(min, max, |c: char| {
                        c.is_ascii_digit()
                    })
                    .parse(s);
                assert_eq!(digits(min, max)(s), nom, "{s:?} {min} {max}");
            }
            assert_eq!(
                space0(s),
                nom::character::complete::space0::<_, E<'_>>(s),
                "{s:?}"
            );
            assert_eq!(
                space1(s),
                nom::character::complete::space1::<_, E<'_>>(s),
                "{s:?}"
            );
        }
    }

    /// [`Names::at`]'s packed compare of the run of letters gives the same
    /// answer as comparing every spelling byte by byte, on each name in
    /// three cases and short of its last byte, before digits, dots, letters
    /// and marks, and on glued text.
    #[test]
    fn packed_names_match_the_scan() {
        let names: Vec<&str> = LEXICON
            .months
            .by_letter
            .iter()
            .chain(&LEXICON.weekdays.by_letter)
            .flatten()
            .map(|n| n.text.as_str())
            .collect();
        let mut inputs: Vec<String> = names
            .iter()
            .flat_map(|n| {
                [
                    n.to_string(),
                    n.to_ascii_uppercase(),
                    n.to_ascii_lowercase(),
                    n[..n.len() - 1].to_string(),
                ]
            })
            .flat_map(|n| {
                ["", " 5", ".", "x", "5", "ey", ",", "'s", "\u{e9}", "-"].map(|t| format!("{n}{t}"))
            })
            .collect();
        inputs.extend(crate::testgen::glued(
            20_000,
            4,
            &[
                "Ma", "mar", "Y", "y", "Jun", "J", "e", "SEPT", ".", " ", "t", "Mon", "ey", "day",
                "Sat", "ur", "5", "\u{e9}", "a", "Dec", "ember",
            ],
            0x2545_f491_4f6c_dd1d,
        ));
        let (mut found, mut missed) = (0, 0);
        for s in &inputs {
            for names in [&LEXICON.months, &LEXICON.weekdays] {
                let fast = names.at(s).map(|(r, n)| (r, std::ptr::from_ref(n)));
                let full = names
                    .at_by_packed(s, false)
                    .map(|(r, n)| (r, std::ptr::from_ref(n)));
                assert_eq!(fast, full, "{s:?}");
                if fast.is_ok() {
                    found += 1;
                } else {
                    missed += 1;
                }
            }
        }
        assert!(found > 500 && missed > 5_000, "{found} {missed}");
    }

    /// [`month_led`]'s dispatch on the bytes after the month skips only
    /// forms that fail: the same answer as the five forms tried in turn,
    /// on every month spelling in its word forms before the starts of
    /// each form, and before strings glued at random from their pieces.
    /// Counts that each form was found with the dispatch, and that texts
    /// it sent to no form were met.
    #[test]
    fn month_led_dispatch_matches_the_chain() {
        let pieces = [
            " ", "  ", "\t", ",", ", ", "-", "/", ".", "5", "15", "3", "31", "2020", "1700", "th",
            "st", "twenty", "first", "nineteen", "eighty", "six", "and", "thousand", "two", "of",
            "people", "GMT", "a", "x", "\u{a0}", "\u{2013}", "?", "'s",
        ];
        let tails: Vec<String> = [
            "",
            " 5",
            " 15th, 2021",
            ", 2020",
            ", 5th",
            ", 12 people",
            " 2020",
            " 1700 GMT",
            "-23",
            "/3",
            "-2020-23",
            "/2020/3",
            ". 14",
            ".14",
            " 3-5, 2021",
            " twenty nine",
            " first two thousand and thirty two",
            " nineteen eighty six",
            " as",
            ", the",
            ".",
            " twenty five people",
            "'s",
            "\u{2013}5",
        ]
        .iter()
        .map(ToString::to_string)
        .chain(crate::testgen::glued(
            3_000,
            6,
            &pieces,
            0x5851_f42d_4c95_7f2d,
        ))
        .collect();
        let names: Vec<&str> = LEXICON
            .months
            .by_letter
            .iter()
            .flatten()
            .map(|n| n.text.as_str())
            .collect();
        let (mut found, mut skipped) = ([0; 4], 0);
        for name in names {
            for form in crate::testgen::word_forms(name) {
                for tail in &tails {
                    let s = format!("{form}{tail}");
                    let Ok((rest, m)) = month(&s) else { continue };
                    let fast = month_led(&s, rest, m, true);
                    assert_eq!(fast, month_led(&s, rest, m, false), "{s:?}");
                    match fast {
                        Some((_, (kind, parts))) => {
                            let k = match rest.as_bytes().first() {
                                Some(b'-' | b'/') => 0,
                                _ if parts.day.is_some() => 1,
                                _ if kind == ClaimKind::DateRange
                                    && rest.contains(|c: char| c.is_ascii_digit()) =>
                                {
                                    2
                                }
                                _ => 3,
                            };
                            found[k] += 1;
                        }
                        None => skipped += 1,
                    }
                }
            }
        }
        assert!(
            found.iter().all(|&n| n > 100) && skipped > 10_000,
            "{found:?} {skipped}"
        );
    }

    /// [`has_name_prefix`] stands for every name, in any case, so the
    /// name-led forms it turns away could not have matched.
    #[test]
    fn every_name_has_a_prefix() {
        let names = LEXICON
            .months
            .by_letter
            .iter()
            .chain(&LEXICON.weekdays.by_letter);
        let mut n = 0;
        for name in names.flatten() {
            for form in [
                name.text.to_string(),
                name.text.to_ascii_uppercase(),
                name.text.to_ascii_lowercase(),
            ] {
                assert!(has_name_prefix(&form), "{form}");
                assert!(has_name_prefix(&format!("{form} 5, 2020")), "{form}");
            }
            // what the packed compare of names ([`Names::at`]) needs: letters
            // that pack, and one dot at most after them
            let letters = name.text.trim_end_matches('.');
            assert!(super::super::packed::packable(letters), "{}", name.text);
            assert!(name.text.len() <= letters.len() + 1, "{}", name.text);
            n += 1;
        }
        assert!(n > 40, "{n} names");
        for w in ["the", "them", "end", "early", "fifth", "q1"] {
            assert!(!has_name_prefix(w), "{w}");
        }
    }

    /// [`may_start_lower`] turns away no text [`lower`] reads a date at:
    /// on the lexicon's and the grammar's words in six forms before the
    /// rest of a date, and on strings glued at random from pieces of the
    /// forms, it says no only where [`lower`] finds nothing.
    #[test]
    fn lower_starts_only_at_its_words() {
        let mut inputs: Vec<String> = GRAMMAR_WORDS
            .iter()
            .chain(LOWER_WORDS)
            .chain(&["fifth", "one", "twenty", "firstly", "ends", "weekly"])
            .flat_map(|w| crate::testgen::word_forms(w))
            .flat_map(|w| {
                [
                    " quarter of 2016",
                    "-quarter",
                    " half",
                    " 1990s",
                    "-2021",
                    " March 2020",
                    " week of June",
                    " 31",
                    " of the year",
                    " of month",
                    "",
                    ".",
                ]
                .map(|t| format!("{w}{t}"))
            })
            .collect();
        inputs.extend(crate::testgen::glued(
            40_000,
            7,
            &[
                "the ", "The ", "mid-", "early ", "late ", "first", "Second", "third ", "fifth",
                "fourth", "-", " ", "quarter", "half", "week", "Week ", " of ", "EOY", "EOM",
                "end ", "End", "March", "Sept.", "1990s", "2021", "31", "3rd", "one", "twenty",
                "x", "s",
            ],
            0x9e37_79b9_7f4a_7c15,
        ));
        let (mut read, mut turned_away) = (0, 0);
        for s in &inputs {
            // the token test of `week_of` turns away only what it fails on
            assert_eq!(
                week_of_by_token(s, true).ok(),
                week_of_by_token(s, false).ok(),
                "{s:?}"
            );
            // the first-byte dispatch skips only forms that fail
            assert_eq!(
                lower_by_first_byte(s, true),
                lower_by_first_byte(s, false),
                "{s:?}"
            );
            let the = format!("the {s}");
            assert_eq!(
                lower_by_first_byte(&the, true),
                lower_by_first_byte(&the, false),
                "{the:?}"
            );
            if !s.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
                continue;
            }
            let found = lower(s).is_some();
            read += usize::from(found);
            if !may_start_lower(s, spelled::lead(s)) {
                assert!(!found, "{s:?}");
                turned_away += 1;
            }
        }
        assert!(read > 500 && turned_away > 5_000, "{read} {turned_away}");
    }

    /// Parses at the first occurrence of `at` in `text` (one sentence).
    fn at(text: &str, at: &str) -> Option<(String, ClaimKind, DateParts)> {
        let start = text.find(at).expect("fixture contains the start");
        parse_at(text, 0..text.len(), start)
            .map(|m| (text[start..m.end].to_string(), m.kind, m.parts))
    }

    #[track_caller]
    fn date(
        text: &str,
        start: &str,
        span: &str,
        kind: ClaimKind,
        ymd: (Option<i32>, Option<u8>, Option<u8>),
    ) {
        let Some((got, k, p)) = at(text, start) else {
            panic!("no date at `{start}` in `{text}`");
        };
        assert_eq!(got, span, "span in `{text}`");
        assert_eq!(k, kind, "kind of `{span}`");
        assert_eq!((p.year, p.month, p.day), ymd, "parts of `{span}`");
    }

    #[track_caller]
    fn none(text: &str, start: &str) {
        assert_eq!(at(text, start), None, "`{start}` in `{text}`");
    }

    #[track_caller]
    fn weekday_of(text: &str, start: &str, expected: u8, word: &str) {
        let (_, _, p) = at(text, start).expect("a date");
        let wd = p.weekday.expect("a weekday");
        assert_eq!(wd.day, expected);
        assert_eq!(&text[wd.start..wd.end], word);
    }

    use ClaimKind::{Date, DateRange, Year};

    #[test]
    fn lexicon_parses_without_empty_or_duplicate_entries() {
        let file: DatesFile = crate::extract::lexicon::parse(
            "dates",
            include_str!("../../checks/lexicon/dates.toml"),
        );
        assert_eq!(file.month.len(), 12);
        assert_eq!(file.weekday.len(), 7);
        let c = &file.context;
        let mut lists: Vec<Vec<&String>> = vec![
            c.month_cues.iter().collect(),
            c.strict_month_cues.iter().collect(),
            c.weekday_cues.iter().collect(),
            c.strong_year_cues.iter().chain(&c.year_cues).collect(),
            c.year_followers.iter().collect(),
            c.time_markers.iter().collect(),
            c.numeric_date_cues.iter().collect(),
        ];
        assert_eq!(file.relative.check(), Ok(()));
        let names: Vec<&String> = file
            .month
            .iter()
            .chain(&file.weekday)
            .flat_map(|g| &g.names)
            .collect();
        lists.push(names);
        for list in lists {
            let mut seen = std::collections::HashSet::new();
            for w in list {
                assert!(!w.trim().is_empty(), "empty entry");
                assert!(seen.insert(w.to_ascii_lowercase()), "duplicate `{w}`");
            }
        }
        for g in file.month.iter().chain(&file.weekday) {
            for a in &g.ambiguous {
                assert!(g.names.contains(a), "ambiguous `{a}` is not a name");
            }
        }
    }

    #[test]
    fn iso_dates() {
        date(
            "It opened on 2022-09-15.",
            "2022",
            "2022-09-15",
            Date,
            (Some(2022), Some(9), Some(15)),
        );
        date(
            "Filed 2021/02/30 late.",
            "2021",
            "2021/02/30",
            Date,
            (Some(2021), Some(2), Some(30)),
        );
        none("Code 2022-13-15 here.", "2022");
        none("Serial 2022-09-150 here.", "2022");
    }

    #[test]
    fn month_first_dates() {
        date(
            "On September 15, 2022, it fell.",
            "Sept",
            "September 15, 2022",
            Date,
            (Some(2022), Some(9), Some(15)),
        );
        date(
            "On Sept. 15 it fell.",
            "Sept",
            "Sept. 15",
            Date,
            (None, Some(9), Some(15)),
        );
        date(
            "On Sept 15th it fell.",
            "Sept",
            "Sept 15th",
            Date,
            (None, Some(9), Some(15)),
        );
        date(
            "On Sep. 15 it fell.",
            "Sep",
            "Sep. 15",
            Date,
            (None, Some(9), Some(15)),
        );
        date(
            "Since March 3 it fell.",
            "March",
            "March 3",
            Date,
            (None, Some(3), Some(3)),
        );
        date(
            "On February 30, 2021 it fell.",
            "Feb",
            "February 30, 2021",
            Date,
            (Some(2021), Some(2), Some(30)),
        );
        date(
            "On May 5 it fell.",
            "May",
            "May 5",
            Date,
            (None, Some(5), Some(5)),
        );
        date(
            "From March 3-5, 2021 it ran.",
            "March",
            "March 3-5, 2021",
            DateRange,
            (Some(2021), Some(3), None),
        );
        none("On March 45 it fell.", "March");
        none("Prices may rise.", "may");
        none("They will march 3 miles.", "march");
    }

    #[test]
    fn day_after_comma_is_not_taken_as_a_year_before_a_noun() {
        date(
            "On March 3, 2000 people marched.",
            "March",
            "March 3",
            Date,
            (None, Some(3), Some(3)),
        );
        date(
            "On March 3, 1,200 people marched.",
            "March",
            "March 3",
            Date,
            (None, Some(3), Some(3)),
        );
    }

    #[test]
    fn day_first_dates() {
        date(
            "On 15 September 2022 it fell.",
            "15",
            "15 September 2022",
            Date,
            (Some(2022), Some(9), Some(15)),
        );
        date(
            "On the 31st of March it fell.",
            "31",
            "31st of March",
            Date,
            (None, Some(3), Some(31)),
        );
        none("About 15 marchers came.", "15");
        none("About 15 people came.", "15");
    }

    #[test]
    fn weekday_led_dates() {
        date(
            "On Wednesday, Sept. 14, 2022, it fell.",
            "Wed",
            "Wednesday, Sept. 14, 2022",
            Date,
            (Some(2022), Some(9), Some(14)),
        );
        weekday_of(
            "On Wednesday, Sept. 14, 2022, it fell.",
            "Wed",
            3,
            "Wednesday",
        );
        date(
            "It was Tuesday 31 March 1987.",
            "Tue",
            "Tuesday 31 March 1987",
            Date,
            (Some(1987), Some(3), Some(31)),
        );
        weekday_of("It was Tuesday 31 March 1987.", "Tue", 2, "Tuesday");
        date(
            "As of Monday, April 3 , stocks",
            "Mon",
            "Monday, April 3",
            Date,
            (None, Some(4), Some(3)),
        );
        date(
            "Saturday, 29 May 1997 14:02:56 ENDS",
            "Sat",
            "Saturday, 29 May 1997",
            Date,
            (Some(1997), Some(5), Some(29)),
        );
        date(
            "They met on Wednesday to talk.",
            "Wed",
            "Wednesday",
            Date,
            (None, None, None),
        );
        weekday_of("They met on Wednesday to talk.", "Wed", 3, "Wednesday");
        date(
            "The firm said Friday it would sell.",
            "Fri",
            "Friday",
            Date,
            (None, None, None),
        );
        date(
            "Sun. May 5 is the day.",
            "Sun",
            "Sun. May 5",
            Date,
            (None, Some(5), Some(5)),
        );
        none("The Sun reported it.", "Sun");
        none("Wed to her, he left.", "Wed");
        none("Sat down, they talked.", "Sat");
        none("Friday Harbor is a town.", "Fri");
    }

    #[test]
    fn months_alone_need_a_cue() {
        date(
            "It rose in May and fell.",
            "May",
            "May",
            DateRange,
            (None, Some(5), None),
        );
        date(
            "It rose since September.",
            "Sept",
            "September",
            DateRange,
            (None, Some(9), None),
        );
        date(
            "It was late February.",
            "late",
            "late February",
            DateRange,
            (None, Some(2), None),
        );
        none("May I ask?", "May");
        none("Jan said no.", "Jan");
        none("The March on Washington.", "March");
        none("They want March to win.", "March");
        none("April said no.", "April");
    }

    #[test]
    fn month_and_year_is_a_period() {
        date(
            "In September 2022 it fell.",
            "Sept",
            "September 2022",
            DateRange,
            (Some(2022), Some(9), None),
        );
        date(
            "May 2022 was wet.",
            "May",
            "May 2022",
            DateRange,
            (Some(2022), Some(5), None),
        );
    }

    #[test]
    fn modified_periods() {
        date(
            "By mid-2021 it fell.",
            "mid",
            "mid-2021",
            DateRange,
            (Some(2021), None, None),
        );
        date(
            "In early 2020 it fell.",
            "early",
            "early 2020",
            DateRange,
            (Some(2020), None, None),
        );
        date(
            "By mid-March it fell.",
            "mid",
            "mid-March",
            DateRange,
            (None, Some(3), None),
        );
        none("It was late 2000 people said.", "late");
        none("An early adopter.", "early");
    }

    #[test]
    fn modified_decades() {
        let text = "In the late 1990s it grew.";
        date(text, "the", "the late 1990s", DateRange, (None, None, None));
        let text = "By the mid-1980s it grew.";
        date(text, "the", "the mid-1980s", DateRange, (None, None, None));
        let text = "By early 2000s standards.";
        date(text, "early", "early 2000s", DateRange, (None, None, None));
        none("By the late afternoon.", "the");
    }

    #[test]
    fn quarters_halves_decades_and_seasons() {
        date(
            "In the first quarter of 2016 it fell.",
            "the",
            "the first quarter of 2016",
            DateRange,
            (Some(2016), None, None),
        );
        date(
            "In Q1 2016 it fell.",
            "Q1",
            "Q1 2016",
            DateRange,
            (Some(2016), None, None),
        );
        date(
            "Its first-quarter profit fell.",
            "first",
            "first-quarter",
            DateRange,
            (None, None, None),
        );
        date(
            "The second half of 2019 was slow.",
            "second",
            "second half of 2019",
            DateRange,
            (Some(2019), None, None),
        );
        date(
            "In the 1990s it grew.",
            "the",
            "the 1990s",
            DateRange,
            (None, None, None),
        );
        date(
            "The 2019-20 season.",
            "2019",
            "2019-20",
            DateRange,
            (Some(2019), None, None),
        );
        date(
            "The 2019/20 season.",
            "2019",
            "2019/20",
            DateRange,
            (Some(2019), None, None),
        );
        none("A third half-time show.", "third");
        none("The Q7 model.", "Q7");
        none("Scores were 2019-25.", "2019");
        date(
            "From 2019-2021 it grew.",
            "2019",
            "2019-2021",
            DateRange,
            (Some(2019), None, None),
        );
        none("It lies 1200-1250 metres down.", "1200");
        none("They hired 1950-2000 workers.", "1950");
        none("In the 1995s nothing.", "the");
    }

    #[test]
    fn bare_years_need_context() {
        date(
            "Up from 16 million in 2021.",
            "2021",
            "2021",
            Year,
            (Some(2021), None, None),
        );
        date(
            "Since 1987, it grew.",
            "1987",
            "1987",
            Year,
            (Some(1987), None, None),
        );
        date(
            "The report (2019) says so.",
            "2019",
            "2019",
            Year,
            (Some(2019), None, None),
        );
        date(
            "In fiscal 2021 it grew.",
            "2021",
            "2021",
            Year,
            (Some(2021), None, None),
        );
        date(
            "Between 2019 and 2021 it grew.",
            "2021",
            "2021",
            Year,
            (Some(2021), None, None),
        );
        date(
            "In 2021 alone it grew.",
            "2021",
            "2021",
            Year,
            (Some(2021), None, None),
        );
        none("They sold 2021 barrels.", "2021");
        none("They sold 1,200 barrels.", "1,200");
        date(
            "In 2021 sales rose.",
            "2021",
            "2021",
            Year,
            (Some(2021), None, None),
        );
        none("A crowd of 2000 people came.", "2000");
        none("It cut 1500 jobs for 1500 workers.", "1500");
        none("About 2000 people died.", "2000");
        none("In 2500 it ends.", "2500");
        none("In 999 it ended.", "999");
        none("It cost $2021 in all.", "2021");
        none("Between 12 and 2021 of them.", "2021");
        none("It rose from 1300 K to 3500 K.", "1300");
        none("It decomposes before 1200 °C.", "1200");
        none("It decomposes before 1200°C.", "1200");
        none("It is cooler by 1000–2000 K.", "1000");
        none("A temperature of 1000 K.", "1000");
        date(
            "In 1066 England fell.",
            "1066",
            "1066",
            Year,
            (Some(1066), None, None),
        );
        none("It was built of 1200 stones.", "1200");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "",
            "é",
            "Sept.",
            "Q",
            "mid-",
            "the ",
            "1",
            "May 3é",
            "Mon\u{a0}3",
            "2019-",
            "March 3-",
        ] {
            for start in 0..=text.len() {
                if text.is_char_boundary(start) {
                    let _ = parse_at(text, 0..text.len(), start);
                }
            }
        }
    }

    #[test]
    fn lowercase_names_only_where_unambiguous() {
        let text = "It ends feb 30 2019.";
        date(
            text,
            "feb",
            "feb 30 2019",
            Date,
            (Some(2019), Some(2), Some(30)),
        );
        let text = "I went back in april.";
        date(text, "april", "april", DateRange, (None, Some(4), None));
        let text = "Meet me on monday.";
        date(text, "monday", "monday", Date, (None, None, None));
        let text = "Sales in q3 2019 rose.";
        date(text, "q3", "q3 2019", DateRange, (Some(2019), None, None));
        none("It may be in may.", "may");
        none("Do not mar 3 games.", "mar");
        none("We sat 5 tests.", "sat");
        none("They will sun 3 days.", "sun");
        none("The q3 model.", "q3");
        none("Back in jan.", "jan");
    }

    #[test]
    fn a_time_after_a_day_is_not_its_year() {
        let text = "Bids close April 13 1700 GMT.";
        date(text, "April", "April 13", Date, (None, Some(4), Some(13)));
        let text = "Bids close 13 April 1500 hrs local time.";
        date(text, "13", "13 April", Date, (None, Some(4), Some(13)));
        let text = "It began 13 April 1987 in Paris.";
        date(
            text,
            "13",
            "13 April 1987",
            Date,
            (Some(1987), Some(4), Some(13)),
        );
    }

    proptest::proptest! {
        #[test]
        fn matches_stay_inside_the_sentence(text in "[ -~éü\u{a0}]{0,40}", start in 0usize..40) {
            if start <= text.len()
                && text.is_char_boundary(start)
                && let Some(m) = parse_at(&text, 0..text.len(), start)
            {
                proptest::prop_assert!(m.end > start && m.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(m.end));
                if let Some(w) = m.parts.weekday {
                    proptest::prop_assert!(start <= w.start && w.end <= m.end);
                }
            }
        }

        #[test]
        fn date_like_text_never_panics(
            text in "(Mon|Tue|Sept\\.|May|March|the|mid-|early|Q)?[ ,]{0,2}[0-9]{0,5}[ ,/-]{0,2}(of|Feb|s|th)?[ ,]{0,2}[0-9]{0,5}",
        ) {
            for start in 0..=text.len() {
                let _ = parse_at(&text, 0..text.len(), start);
            }
        }
    }

    /// Both forms' dispatch against the chains tried in full, at the start
    /// of `tail` after `head` (a cue word or nothing).
    fn same_digit_forms(head: &str, tail: &str) -> Result<(), String> {
        let text = format!("{head}{tail}");
        let start = head.len();
        let input = &text[start..];
        let run = input.bytes().take_while(u8::is_ascii_digit).count();
        let (fast, full) = match run {
            1 | 2 => (
                short_run_forms(&text, 0, start, input, run, true),
                short_run_forms(&text, 0, start, input, run, false),
            ),
            4 => (year_led_forms(input, true), year_led_forms(input, false)),
            _ => return Ok(()),
        };
        if fast == full {
            Ok(())
        } else {
            Err(format!("{text:?}: {fast:?} != {full:?}"))
        }
    }

    #[test]
    fn digit_dispatch_matches_the_full_chains() {
        // every digit form this file tests, and near misses
        let tails = [
            "5-Aug",
            "05-Aug-2016",
            "23/Sep/2020",
            "3-Mar",
            "15 September 2022",
            "31st of March",
            "15th century",
            "21st-century",
            "3rd week of Jan",
            "12-2015",
            "10-2000 people",
            "2/29-3/1",
            "10/1-11/2/2017",
            "9.6-9.7",
            "23-2020-September",
            "11/20",
            "11/20, 12 of Nov?",
            "5.12.",
            "15.09.2022",
            "2022-09-15",
            "2022/09/15",
            "2019-20",
            "2019-2021",
            "2019\u{2013}2021",
            "1990s",
            "2020/23/Sep",
            "2021",
            "2021.",
            "15 million",
            "9.9 percent",
            "99-year-old",
            "10 years",
            "3 \tMay",
            "7TH Century",
            "2nd",
            "1 of May",
            "12/12/30",
            "1st",
            "45%",
            "3,000",
            "2021's",
        ];
        for head in ["", "on ", "from ", "By "] {
            for t in tails {
                same_digit_forms(head, t).unwrap();
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn digit_dispatch_matches_on_generated_text(
            head in "(on |in |by |until |the |)",
            tail in "[0-9]{1,4}(st|nd|rd|th|TH|St|s|n|r|t|x|)[ \t.,/%\u{2013}-]{0,2}(of |week of |)(Sep\\.|Sep|September|May|aug|2020|20|12|3|million|century|Century|)[ ,/.-]{0,2}[0-9]{0,4}[ ,]{0,2}(GMT|people|s|)",
        ) {
            proptest::prop_assert_eq!(same_digit_forms(&head, &tail), Ok(()));
        }
    }

    /// [`dotted_may_date`] turns away only decimals [`numeric_at`] finds no
    /// date in: every dotted shape glued from digits, dots, spaces, closing
    /// marks and words, after "on" (which a dotted date without its year
    /// needs) and other words; some are turned away, some kept that are
    /// dates.
    #[test]
    fn dotted_filter_turns_away_only_what_numeric_at_rejects() {
        let pieces = [
            "1", "5", "12", "31", "09", "2022", ".", ".", " ", ",", ";", ")", "!", "?", "/", "-",
            "percent", "of", "x",
        ];
        let tails = crate::testgen::glued(20_000, 7, &pieces, 17);
        let (mut away, mut kept, mut dates) = (0, 0, 0);
        for head in ["", "on ", "On ", "by ", "rose "] {
            for t in [
                "5.12",
                "5.12.",
                "5.12)",
                "15.09.2022",
                "9.9 percent",
                "1.5 ,",
            ]
            .iter()
            .map(|t| (*t).to_string())
            .chain(tails.iter().map(|t| format!("5.{t}")))
            .chain(tails.iter().map(|t| format!("12.{t}")))
            {
                let text = format!("{head}{t}");
                let input = &text[head.len()..];
                let run = input.bytes().take_while(u8::is_ascii_digit).count();
                let found = numeric_at(&text, 0, head.len(), input);
                if dotted_may_date(input, run) {
                    kept += 1;
                    dates += usize::from(found.is_some());
                } else {
                    away += 1;
                    assert_eq!(found, None, "{text:?}");
                }
            }
        }
        assert!(
            away > 1000 && kept > 1000 && dates > 100,
            "{away} {kept} {dates}"
        );
    }

    /// [`dashed_may_date`] turns away only starts where no digit form
    /// reads a date: every shape glued from digits, dashes, names and
    /// other words, spaces and marks after one or two digits and a dash,
    /// after nothing and after cue words, is read by the full chain of
    /// forms ([`short_run_forms`] without its dispatch) as no date where
    /// the filter says no; some it keeps are dates.
    #[test]
    fn dash_filter_turns_away_only_what_the_forms_reject() {
        let pieces = [
            "1",
            "5",
            "12",
            "31",
            "2020",
            "20",
            "-",
            "-",
            "/",
            " ",
            ".",
            ",",
            "%",
            "Aug",
            "aug",
            "AUG",
            "Sept.",
            "September",
            "Mon",
            "month",
            "year",
            "old",
            "x",
            "\u{e9}",
        ];
        let tails = crate::testgen::glued(20_000, 6, &pieces, 23);
        let (mut away, mut kept, mut dates) = (0, 0, 0);
        for head in ["", "on ", "from ", "by "] {
            for t in [
                "5-Aug",
                "05-Aug-2016",
                "12-2015",
                "23-2020-September",
                "3-Mar",
            ]
            .iter()
            .map(|t| (*t).to_string())
            .chain(tails.iter().map(|t| format!("5-{t}")))
            .chain(tails.iter().map(|t| format!("12-{t}")))
            {
                let text = format!("{head}{t}");
                let start = head.len();
                let input = &text[start..];
                let run = input.bytes().take_while(u8::is_ascii_digit).count();
                let full = short_run_forms(&text, 0, start, input, run, false);
                if dashed_may_date(input, run) {
                    kept += 1;
                    dates += usize::from(full.is_some());
                } else {
                    away += 1;
                    assert_eq!(full, None, "{text:?}");
                }
            }
        }
        assert!(
            away > 10_000 && kept > 1000 && dates > 100,
            "{away} {kept} {dates}"
        );
    }

    /// [`first_word`]'s table gives the relative readers the kinds
    /// [`relative::starter_kinds`] gives, and [`parse_at`] by it finds what
    /// it finds by the filters ([`first_word_by_filters`]): every name,
    /// lexicon and grammar word in its forms, and words glued from pieces
    /// of them (some longer than a packed word), before tails that go on
    /// to a date, after nothing or a cue. It counts the starts where the
    /// filters let a form through that the table skipped ("market",
    /// "monthly", "from", "fives", a month read as a weekday, "the" as a
    /// number word), so that it cannot pass without them.
    #[test]
    fn first_word_table_matches_the_filters() {
        let glued = crate::testgen::glued(
            3000,
            5,
            &[
                "mar",
                "ch",
                "mon",
                "day",
                "sept",
                "q",
                "the",
                "mid",
                "end",
                "s",
                "to",
                "ti",
                "ll",
                "fall",
                "sum",
                "mer",
                "last",
                "twen",
                "ty",
                "first",
                "week",
                "new",
                "year",
                "x",
                "a",
                "lo",
                "ng",
                "est",
                "abcdefghij",
            ],
            0x5d1c_2e7a_90b3_44f1,
        );
        let words: Vec<String> = name_words()
            .chain(listed_words())
            .chain(GRAMMAR_WORDS.iter().copied())
            .chain(spelled::words())
            .chain([
                "market",
                "monthly",
                "decision",
                "thereafter",
                "q",
                "summertime",
            ])
            .map(String::from)
            .collect();
        let probes = crate::testgen::lookup_probes(
            words.iter().map(String::as_str),
            glued,
            &["", "1", ".", "-"],
        );
        let tails = [
            "",
            " 5, 2020",
            " 2021",
            "-2021",
            " 3",
            " of May",
            " summer",
            " date",
            " weeks ago",
            " year",
            " two years",
            " quarter of 2016",
            "'s Day",
            " Day",
            ", 2019",
            " March 5",
            " morning",
        ];
        let (mut tried, mut skipped) = (0, 0);
        for p in &probes {
            assert_eq!(
                first_word(p) & RELATIVE,
                Starts::from(relative::starter_kinds(p)),
                "{p:?}"
            );
            let by_filters = first_word_by_filters(p);
            let skips = by_filters & !first_word(p) & (NAME | NAMED | PERIOD) != 0;
            for (k, tail) in tails.iter().enumerate() {
                let head = ["", "in ", "for ", "on "][(tried + k) % 4];
                let text = format!("{head}{p}{tail} and more.");
                let sentence = 0..text.len();
                let start = head.len();
                let fast = parse_at_by(&text, sentence.clone(), start, true, first_word);
                let full = parse_at_by(&text, sentence, start, true, first_word_by_filters);
                assert_eq!(fast, full, "{text:?}");
                tried += 1;
                skipped += usize::from(skips);
            }
        }
        assert!(skipped > tried / 10, "{skipped} of {tried}");
    }

    /// The "the" filter ([`readers_after_the`]) only turns away text the
    /// full parse finds no date in, and keeps every date it finds, trying
    /// one reader where only one may read the word after "the": "the"
    /// glued to every word a date may hold next, every name and lexicon
    /// word and some plain ones, in both cases, before the tails the forms
    /// read on, after words that cue dates and after none.
    #[test]
    fn the_filter_matches_the_full_parse() {
        let mut words: Vec<String> = after_the_words()
            .chain(name_words().map(String::from))
            .chain(listed_words().map(String::from))
            .chain(GRAMMAR_WORDS.iter().map(|w| (*w).to_string()))
            .chain(
                [
                    "company", "new", "most", "us", "busang", "seconds", "firsts", "ends", "midst",
                ]
                .map(String::from),
            )
            .collect();
        words.extend(words.clone().iter().map(|w| {
            let mut c = w.clone();
            c[..1].make_ascii_uppercase();
            c
        }));
        words.extend(["EOY", "EOM", "MID", "FIRST"].map(String::from));
        let tails = [
            "",
            " ",
            "-2021",
            "-March",
            " 2020",
            " of 2016",
            " quarter of 2016",
            "-quarter",
            " half",
            " week of March 2020",
            " of the year",
            " of month",
            " after next",
            " before yesterday",
            " three years",
            " few weeks",
            " Tuesday",
            " week",
            " 1990s",
            "s",
            "2",
            ".",
            "'s",
            " month,",
        ];
        let (mut tried, mut turned_away, mut one_reader) = (0, 0, 0);
        for w in &words {
            for tail in tails {
                for (head, gap) in [("", " "), ("in ", " "), ("during ", "  ")] {
                    {
                        let the = ["the", "The", "THE"][tried % 3];
                        let text = format!("{head}{the}{gap}{w}{tail} and more.");
                        let sentence = 0..text.len();
                        let start = head.len();
                        let fast = parse_at_by_the(&text, sentence.clone(), start, true);
                        let full = parse_at_by_the(&text, sentence, start, false);
                        assert_eq!(fast, full, "{text:?}");
                        tried += 1;
                        match readers_after_the(&text[start..]) {
                            Some(0) => turned_away += 1,
                            Some(THE_LOWER | THE_RELATIVE) => one_reader += 1,
                            _ => {}
                        }
                    }
                }
            }
        }
        // the filter must have been asked and have said no often
        assert!(turned_away > tried / 4, "{turned_away} of {tried}");
        assert!(one_reader > tried / 20, "{one_reader} of {tried}");
    }

    /// [`may_follow_the`]'s packed lookup answers as the map [`AFTER_THE`]
    /// does on the lowercase words it is asked about: every word that may
    /// follow "the" and every listed word in their forms, and words glued
    /// from letters and pieces of them, some longer than a packed word;
    /// every word of the map is packable.
    #[test]
    fn packed_after_the_lookup_matches_the_map() {
        let glued = crate::testgen::glued(
            6000,
            8,
            &[
                "first", "end", "eo", "y", "m", "week", "s", "past", "fort", "night", "x", "ear",
                "ly",
            ],
            0x1f83_d9ab_fb41_bd6b,
        );
        let words: Vec<String> = after_the_words()
            .chain(listed_words().map(String::from))
            .collect();
        let mut hits = 0;
        for w in crate::testgen::lookup_probes(words.iter().map(String::as_str), glued, &[""]) {
            let w = w.to_ascii_lowercase();
            if w.is_empty() || !w.bytes().all(|c| c.is_ascii_lowercase()) {
                continue;
            }
            assert_eq!(may_follow_the(&w), AFTER_THE.contains_key(&w), "{w:?}");
            hits += usize::from(may_follow_the(&w));
        }
        assert!(hits > 100, "{hits}");
        for w in AFTER_THE.keys() {
            assert!(super::super::packed::packable(w), "{w}");
        }
    }

    /// [`YEAR_CUES`] answers as the lexicon's two lists of cue words
    /// compared in turn, on every listed word, the cue words and the words
    /// of the lexicons in their forms (capitals, a letter short, plurals),
    /// and glued words.
    #[test]
    fn packed_year_cues_match_the_lists() {
        let ctx = &LEXICON.context;
        let cues: Vec<&str> = ctx
            .strong_year_cues
            .iter()
            .chain(&ctx.year_cues)
            .map(String::as_str)
            .collect();
        for w in &cues {
            assert!(super::super::packed::packable(w), "{w}");
        }
        let glued = crate::testgen::glued(
            3_000,
            4,
            &[
                "in", "si", "nce", "fis", "cal", "by", "of", "end", "s", "x", "year", "a", "d",
            ],
            0x2c1b_3c6d_5e7f_8091,
        );
        let words = cues.iter().copied().chain(listed_words());
        let (mut strong, mut weak) = (0, 0);
        for w in crate::testgen::lookup_probes(words, glued, &[""]) {
            // `year_context` asks of a run of ASCII letters, maybe none
            if !w.bytes().all(|c| c.is_ascii_alphabetic()) {
                continue;
            }
            let want = year_cue_by_lists(&w);
            assert_eq!(YEAR_CUES.get(w.as_bytes(), w.len()), want, "{w:?}");
            strong += usize::from(want == Some(YearCue::Strong));
            weak += usize::from(want == Some(YearCue::Weak));
        }
        assert!(
            strong > 50 && weak > 30,
            "{strong} strong, {weak} weak cues"
        );
    }

    /// [`word_period`] answers as [`to_date`] and [`season`] tried in turn,
    /// at "to", "till", "until", the determiners and the seasons in their
    /// forms, and glued words, each before what "to date" and a season may
    /// go on with: it found both periods, and tried no season after the
    /// words of "to date".
    #[test]
    fn word_period_matches_both_readers() {
        let glued = crate::testgen::glued(
            2_000,
            4,
            &[
                "to", "till", "un", "this", "last", "summer", "fall", "date", " ", "-", "s", "up",
            ],
            0x51d2_9e3b_04a7_c6f1,
        );
        let words = WORD_PERIOD_STARTERS.iter().chain(SEASONS).copied();
        let tails = [
            "",
            " date",
            " date.",
            " date from",
            " date-",
            " summer",
            " summer of 2020",
            " fall 2021",
            " winter,",
            " dates",
        ];
        let (mut dates, mut seasons, mut to_words) = (0, 0, 0);
        for lead in ["", "up ", "the ", "in the ", "during "] {
            for w in crate::testgen::lookup_probes(words.clone(), glued.clone(), &tails) {
                let text = format!("{lead}{w}");
                let start = lead.len();
                let input = &text[start..];
                let want = word_period_trying_both(&text, 0, start, input);
                let got = word_period(&text, 0, start, input).map(|d| (d.end, d.parts));
                assert_eq!(got, want, "{text:?}");
                let to_word = after_to_word(input).is_some();
                to_words += usize::from(to_word);
                dates += usize::from(to_word && want.is_some());
                seasons += usize::from(!to_word && want.is_some());
            }
        }
        assert!(
            dates > 100 && seasons > 100 && to_words > 1_000,
            "{dates} \"to date\", {seasons} seasons, {to_words} words of \"to date\""
        );
    }

    /// Throughput of `parse_at` at every word start of a news file:
    /// `FIGCHECK_BENCH=file.txt cargo test --release --lib bench -- --ignored --nocapture`.
    #[test]
    #[ignore]
    #[allow(clippy::print_stderr)]
    fn bench_parse_at_every_word_start() {
        let Ok(path) = std::env::var("FIGCHECK_BENCH") else {
            return;
        };
        let text = std::fs::read_to_string(path).expect("bench file");
        let b = text.as_bytes();
        let t = std::time::Instant::now();
        let mut found = 0usize;
        for i in 0..b.len() {
            if b[i].is_ascii_alphanumeric() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
                let s = i.saturating_sub(200)..(i + 200).min(b.len());
                found += usize::from(parse_at(&text, s, i).is_some());
            }
        }
        let secs = t.elapsed().as_secs_f64();
        eprintln!("{found} dates, {:.0} MB/s", text.len() as f64 / secs / 1e6);
    }

    #[test]
    fn a_comma_after_a_space_ends_the_date() {
        let text = "As of Friday, April 3 , 1986.";
        date(
            text,
            "Fri",
            "Friday, April 3",
            Date,
            (None, Some(4), Some(3)),
        );
    }

    /// [`scales_a_count`] reads as its probe written by `format!` reads:
    /// on every listed word, in its forms, and on words glued from pieces
    /// of scales, some too long for the stack buffer.
    #[test]
    fn scales_a_count_matches_the_formatted_probe() {
        let formatted = |w: &str| {
            let probe = format!("1 {w}");
            super::super::number::parse(&probe, 0, probe.len(), false)
                .is_some_and(|n| n.end > 1 && relative::takes_count(&n))
        };
        let pieces = ["hundred", "thousand", "s", "dozen", "million", "x", "th"];
        let glued = crate::testgen::glued(3000, 9, &pieces, 0x1f83_d9ab_fb41_bd6b);
        let (mut scales, mut long) = (0, 0);
        for w in crate::testgen::lookup_probes(listed_words(), glued, &[""]) {
            let fast = scales_a_count(&w);
            assert_eq!(fast, formatted(&w), "{w:?}");
            scales += usize::from(fast);
            long += usize::from(w.len() > super::super::lexicon::MAX_WORD);
        }
        assert!(scales > 5 && long > 100, "{scales} {long}");
    }

    #[test]
    fn names_by_number() {
        assert_eq!(month_name(9), "September");
        assert_eq!(weekday_name(3), "Wednesday");
        assert_eq!(weekday_name(0), "");
        assert_eq!(month_name(13), "");
    }

    #[test]
    fn year_for_picks_written_or_nearest_year() {
        let doc = jiff::civil::date(1987, 4, 1);
        let parts = |m, d| DateParts {
            year: None,
            month: Some(m),
            day: Some(d),
            weekday: None,
            relative: None,
        };
        assert_eq!(year_for(&parts(3, 31), Some(doc)), Some(1987));
        assert_eq!(
            year_for(&parts(12, 30), Some(jiff::civil::date(1987, 1, 2))),
            Some(1986)
        );
        assert_eq!(
            year_for(&parts(2, 29), Some(jiff::civil::date(2023, 3, 1))),
            Some(2023)
        );
        assert_eq!(year_for(&parts(3, 31), None), None);
        let written = DateParts {
            year: Some(2021),
            ..parts(3, 3)
        };
        assert_eq!(year_for(&written, None), Some(2021));
    }
}

#[cfg(test)]
mod numeric_and_span_tests {
    use super::*;
    use ClaimKind::{Date, DateRange};

    #[track_caller]
    fn read(
        text: &str,
        at: &str,
        span: &str,
        kind: ClaimKind,
        ymd: (Option<i32>, Option<u8>, Option<u8>),
    ) {
        let start = text.find(at).expect("fixture contains the start");
        let m = parse_at(text, 0..text.len(), start).expect("a date");
        assert_eq!((&text[start..m.end], m.kind), (span, kind), "in `{text}`");
        if m.members.is_none() {
            assert_eq!(
                (m.parts.year, m.parts.month, m.parts.day),
                ymd,
                "parts in `{text}`"
            );
        }
    }

    #[track_caller]
    fn none(text: &str, at: &str) {
        let start = text.find(at).expect("fixture contains the start");
        let got = parse_at(text, 0..text.len(), start).map(|m| text[start..m.end].to_string());
        assert_eq!(got, None, "`{at}` in `{text}`");
    }

    #[test]
    fn numeric_dates() {
        read(
            "Filed 9/15/2022 late.",
            "9/",
            "9/15/2022",
            Date,
            (Some(2022), Some(9), Some(15)),
        );
        read(
            "Filed 15/9/2022 late.",
            "15/",
            "15/9/2022",
            Date,
            (Some(2022), Some(9), Some(15)),
        );
        read(
            "Back 12/12/30.",
            "12/",
            "12/12/30",
            Date,
            (Some(2030), Some(12), Some(12)),
        );
        read(
            "Filed 15.09.2022 late.",
            "15.",
            "15.09.2022",
            Date,
            (Some(2022), Some(9), Some(15)),
        );
        read(
            "Meet on 11/20, please.",
            "11/",
            "11/20",
            Date,
            (None, Some(11), Some(20)),
        );
        none("Add 1/2 cup of oil.", "1/2");
        none("Open 24/7 all year.", "24/7");
        none("It rose 5.12 points.", "5.12");
        none("It fell 3/4 of the way.", "3/4");
        none("Code 13/13/2022 here.", "13/");
    }

    #[test]
    fn compact_dates() {
        read(
            "Due 05-Aug-2016.",
            "05",
            "05-Aug-2016",
            Date,
            (Some(2016), Some(8), Some(5)),
        );
        read(
            "Due 23/Sep/2020.",
            "23",
            "23/Sep/2020",
            Date,
            (Some(2020), Some(9), Some(23)),
        );
        read(
            "Due Sep-23-2020.",
            "Sep",
            "Sep-23-2020",
            Date,
            (Some(2020), Some(9), Some(23)),
        );
        read(
            "Due Jan/3 then.",
            "Jan",
            "Jan/3",
            Date,
            (None, Some(1), Some(3)),
        );
        read(
            "Back Fri 14th.",
            "Fri",
            "Fri 14th",
            Date,
            (None, None, Some(14)),
        );
        none("The F-16 flew.", "16");
        none("A 3-Mar plan.", "3");
    }

    #[test]
    fn periods_between_two_dates() {
        read(
            "It ran from May to July.",
            "from",
            "from May to July",
            DateRange,
            (None, None, None),
        );
        read(
            "Between 2010 and 2015 it fell.",
            "Between",
            "Between 2010 and 2015",
            DateRange,
            (None, None, None),
        );
        read(
            "Off from 10/1/2018-10/7/2018.",
            "from",
            "from 10/1/2018-10/7/2018",
            DateRange,
            (None, None, None),
        );
        none("It rose from 10 to 15.", "from");
        read(
            "I'll be out between 3 and 12 of Sept hahaha",
            "between",
            "between 3 and 12 of Sept",
            DateRange,
            (None, None, None),
        );
        read(
            "Shut from 3 to 12 September 2021.",
            "from",
            "from 3 to 12 September 2021",
            DateRange,
            (None, None, None),
        );
        none("Between 3 and 12 people came.", "Between");
        none("From May I heard nothing.", "From");
        none("Between 2015 and 2010 it fell.", "Between");
    }

    #[test]
    fn weekday_lists() {
        read(
            "Meet Tuesday or Wednesday.",
            "Tue",
            "Tuesday",
            Date,
            (None, None, None),
        );
        none("Tuesday Weld starred.", "Tue");
    }
}

#[cfg(test)]
mod word_and_compact_tests {
    use super::*;
    use ClaimKind::{Date, DateRange, Duration, Year};

    /// The span and kind read at the first `at` in `text`.
    fn got(text: &str, at: &str) -> Option<(String, ClaimKind)> {
        let start = text.find(at).expect("fixture contains the start");
        parse_at(text, 0..text.len(), start).map(|m| (text[start..m.end].to_string(), m.kind))
    }

    #[track_caller]
    fn reads(text: &str, at: &str, span: &str, kind: ClaimKind) {
        assert_eq!(
            got(text, at),
            Some((span.to_string(), kind)),
            "`{at}` in `{text}`"
        );
    }

    #[track_caller]
    fn ymd(text: &str, at: &str, expected: (Option<i32>, Option<u8>, Option<u8>)) {
        let start = text.find(at).expect("fixture contains the start");
        let m = parse_at(text, 0..text.len(), start).expect("a date");
        assert_eq!(
            (m.parts.year, m.parts.month, m.parts.day),
            expected,
            "in `{text}`"
        );
    }

    #[track_caller]
    fn none(text: &str, at: &str) {
        assert_eq!(got(text, at), None, "`{at}` in `{text}`");
    }

    #[test]
    fn spelled_days_after_months() {
        reads(
            "I'll go back May twenty nine",
            "May",
            "May twenty nine",
            Date,
        );
        ymd(
            "I'll go back May twenty nine",
            "May",
            (None, Some(5), Some(29)),
        );
        reads(
            "Meet on january first two thousand and thirty two",
            "jan",
            "january first two thousand and thirty two",
            Date,
        );
        ymd(
            "Born January twenty five nineteen eighty six",
            "Jan",
            (Some(1986), Some(1), Some(25)),
        );
        reads("Off April ninth through May.", "April", "April ninth", Date);
        reads(
            "Since January nineteen eighty six.",
            "Jan",
            "January nineteen eighty six",
            DateRange,
        );
    }

    #[test]
    fn spelled_days_that_are_counts() {
        reads(
            "In March twenty five people died.",
            "March",
            "March",
            DateRange,
        );
        none("By May one day it ends.", "May");
        reads(
            "Since June thirty two units sold.",
            "June",
            "June",
            DateRange,
        );
    }

    #[test]
    fn spelled_days_before_months() {
        reads(
            "I'll go back second of Aug.",
            "second",
            "second of Aug.",
            Date,
        );
        reads(
            "On fifteen August nineteen hundred ninety three, it opened.",
            "fifteen",
            "fifteen August nineteen hundred ninety three",
            Date,
        );
        none("The second August event.", "second");
        none("Fifteen August visitors came.", "Fifteen");
    }

    #[test]
    fn spelled_years_after_cues() {
        reads(
            "They left in nineteen ninety six.",
            "nine",
            "nineteen ninety six",
            Year,
        );
        reads(
            "Sales in two thousand and twenty.",
            "two",
            "two thousand and twenty",
            Year,
        );
        none("They sold nineteen ninety six times.", "nine");
        none("In two thousand homes.", "two");
        none("In nineteen ninety six people.", "nine");
    }

    #[test]
    fn comma_before_an_ordinal_day() {
        reads("Set it for October, 1st.", "Oct", "October, 1st", Date);
        reads("In October, 12 people left.", "Oct", "October", DateRange);
    }

    #[test]
    fn centuries_and_weeks() {
        reads(
            "It happens in 15th century",
            "15",
            "15th century",
            DateRange,
        );
        reads("A 21st-century idea.", "21", "21st-century", DateRange);
        reads("Show sales in the week 31", "week", "week 31", DateRange);
        reads(
            "How about 3rd week of Jan",
            "3rd",
            "3rd week of Jan",
            DateRange,
        );
        reads(
            "In the first week of March 2020.",
            "first",
            "first week of March 2020",
            DateRange,
        );
        none("It took 3rd place in the century.", "3rd");
        none("The 21st Century China Center.", "21st");
        reads(
            "Art of the 18th Century.",
            "18th",
            "18th Century",
            DateRange,
        );
        none("Week 3 kg gain.", "Week");
        none("A weekly 31 pages.", "weekly");
    }

    #[test]
    fn ends_of_periods() {
        reads(
            "The party is end of month",
            "end",
            "end of month",
            DateRange,
        );
        reads(
            "Renewed the end of the week.",
            "the end",
            "the end of the week",
            DateRange,
        );
        reads("Held at the EOY.", "EOY", "EOY", DateRange);
        none("At the end of the road.", "end");
        none("At the end of the day, it failed.", "end");
        none("The EOYs list.", "EOY");
    }

    #[test]
    fn seasons() {
        reads("I'll leave this SUMMER", "this", "this SUMMER", DateRange);
        reads(
            "Drills throughout the whole summer",
            "summer",
            "summer",
            DateRange,
        );
        reads(
            "In the summer of 2020 it rained.",
            "summer",
            "summer of 2020",
            DateRange,
        );
        none("Prices spring back.", "spring");
        none("In the spring water.", "spring");
        reads(
            "In the spring of 2021 it rained.",
            "spring",
            "spring of 2021",
            DateRange,
        );
        none("A summer camp opened.", "summer");
        none("The Winter Olympics.", "Winter");
        none("Shares may fall this week.", "fall");
    }

    #[test]
    fn to_date() {
        reads("How many docked to date?", "to", "to date", DateRange);
        reads("The best till date.", "till", "till date", DateRange);
        reads(
            "Docked from March to date.",
            "from",
            "from March to date",
            DateRange,
        );
        none("Keep it up to date.", "to date");
        none("Rows equal to date from 2010.", "to date");
        none("Go to dates.", "to");
        reads("Sold until date.", "until", "until date", DateRange);
    }

    #[test]
    fn numeric_lists_and_ranges() {
        reads(
            "Find us time on 11/20, 11/22 or 11/25",
            "11/22",
            "11/22",
            Date,
        );
        reads(
            "Find us time on 11/20, 11/22 or 11/25",
            "11/25",
            "11/25",
            Date,
        );
        reads("11/20, 12 of Nov?", "11/20", "11/20", Date);
        reads("2/29", "2/29", "2/29", Date);
        reads("2/29-3/1", "2/29", "2/29-3/1", DateRange);
        reads(
            "The period is 10/1-11/2/2017",
            "10/1",
            "10/1-11/2/2017",
            DateRange,
        );
        reads("Is this valid? 12-2015", "12-", "12-2015", DateRange);
        reads("Done on 5.12", "5.12", "5.12", Date);
        none("Mix 1/2, 3/4 or 2/3 cups.", "3/4");
        none("Margins between 3/8 and 5/8 pct.", "5/8");
        none("Seen at 9.6-9.7 percent.", "9.6");
        none("Settled at 5.04-1/2 dlrs.", "5.04");
        none("It rose 5.12 today.", "5.12");
        none("Based on 5.12 points.", "5.12");
        none("Between 10-2000 people.", "10-");
        none("3/4 of them left.", "3/4");
    }

    #[test]
    fn compact_forms() {
        reads("I'll go back 20161016.", "2016", "20161016", Date);
        ymd(
            "I'll go back 20161016.",
            "2016",
            (Some(2016), Some(10), Some(16)),
        );
        reads(
            "I'll go back September-2020-23.",
            "Sep",
            "September-2020-23",
            Date,
        );
        reads("I'll go back 2020/23/Sep.", "2020", "2020/23/Sep", Date);
        reads("Back 23-2020-September", "23", "23-2020-September", Date);
        none("Call 20161332 now.", "2016");
        none("Call 201610160 now.", "2016");
    }

    #[test]
    fn never_panics_near_the_new_grammars() {
        let texts = [
            "May twenty ni\u{e9}ne, the second of Aug\u{e9}",
            "in nineteen ninety s\u{ee}x, two thousand and \u{2019}",
            "on 11/20, 11/2\u{e9} or 1/25\u{2019} 2/29-3/1\u{e9} 10/1-11/2/20\u{e9}",
            "20161016\u{e9} 2020/23/S\u{e9}p Sep-2020-\u{e9} 23-2020-Septembe\u{e9}",
            "12-2015\u{20ac} on 5.12\u{2019} for 10D\u{e9} lasted 2W\u{2019}",
            "15th centur\u{e9} week 3\u{e9} 3rd week of J\u{e9}n end of the \u{e9}",
            "this summe\u{e9} to date\u{2019} from March to dat\u{e9} EOY\u{e9}",
            "between 3 and 12 of S\u{e9}pt, October, 1\u{e9}",
        ];
        for t in texts {
            for (k, _) in t.char_indices() {
                let _ = parse_at(t, 0..t.len(), k);
                let _ = parse_at(t, k..t.len(), k);
            }
        }
    }

    #[test]
    fn compact_durations() {
        reads("I'll leave for 10D", "10", "10D", Duration);
        reads("The cold lasted 2W.", "2W", "2W", Duration);
        none("Used for 3D printing.", "3D");
        none("It has 10D seats.", "10D");
        none("Paid for 10M shares.", "10M");
    }
}

#[cfg(test)]
mod second_word_tests {
    use super::*;

    /// The scanner skips the date parser after "the", "in", "to" … when the
    /// next word is not in [`SECOND_WORDS`]; that is only right if every
    /// word the grammars match by a literal is there. Reads the code of the
    /// date grammars and the number parser they call, and lists each word
    /// in a string literal that is missing.
    #[test]
    fn grammar_words_are_listed() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract");
        let mut missing = Vec::new();
        let mut seen = 0;
        for file in [
            "date.rs",
            "date/relative.rs",
            "date/spelled.rs",
            "number.rs",
        ] {
            let src = std::fs::read_to_string(root.join(file)).expect("the source is readable");
            let code = src.split("#[cfg(test)]").next().unwrap_or_default();
            for line in code.lines() {
                let line = line.trim_start();
                // comments, the lexicons' file names and the lists left out
                if line.starts_with("//")
                    || line.contains("include_str!")
                    || line.contains("NOT_SECOND_WORDS: &[&str]")
                {
                    continue;
                }
                // a quote as a character is no string's end
                let line = line.replace("'\"'", "''");
                for literal in line.split('"').skip(1).step_by(2) {
                    for w in literal.split(|c: char| !c.is_ascii_alphabetic()) {
                        let w = w.to_ascii_lowercase();
                        if w.is_empty() {
                            continue;
                        }
                        seen += 1;
                        if !may_continue_word(&w) {
                            missing.push(format!("{file}: {w}"));
                        }
                    }
                }
            }
        }
        assert!(seen > 100, "read only {seen} literal words");
        assert!(missing.is_empty(), "add to GRAMMAR_WORDS: {missing:?}");
    }

    /// [`may_follow_digits`] turns away only words before which no date
    /// begins at digits: every word of the gate's lists, the month and
    /// weekday names, their plurals and glued words, in three cases, each
    /// after runs of digits, a decimal and a grouped number and before what
    /// a date may go on with, begin no date where it says no; among them
    /// "to", "in", "a", "from" and the weekdays, which begin dates
    /// elsewhere, and the scales that make no count ("million").
    #[test]
    fn words_turned_away_after_digits_begin_no_date() {
        let mut words: Vec<String> = listed_words()
            .chain(name_words())
            .map(str::to_string)
            .collect();
        let plurals: Vec<String> = words.iter().map(|w| format!("{w}s")).collect();
        words.extend(plurals);
        let pieces = [
            "a", "to", "in", "mar", "ch", "day", "s", "hun", "dred", "of", "ye", "ar", "th", "ago",
        ];
        words.extend(crate::testgen::glued(500, 4, &pieces, 11));
        words.retain(|w| !w.is_empty());
        let runs = ["1", "5", "12", "31", "100", "5.2", "1,200"];
        let tails = [
            "",
            ".",
            " ago",
            " days ago",
            " years earlier",
            " past years",
            " March 2021",
            " of March",
        ];
        let mut turned = super::super::lexicon::WordMap::default();
        let mut tried = 0;
        for w in &words {
            if may_follow_digits(w) {
                continue;
            }
            turned.insert(w.clone(), ());
            let title = w[..1].to_ascii_uppercase() + &w[1..];
            for form in [w.clone(), title, w.to_ascii_uppercase()] {
                for (run, tail) in runs.iter().flat_map(|r| tails.map(|t| (r, t))) {
                    let t = format!("{run} {form}{tail}");
                    assert!(parse_at(&t, 0..t.len(), 0).is_none(), "{t:?}");
                    tried += 1;
                }
            }
        }
        for w in [
            "to",
            "in",
            "a",
            "an",
            "from",
            "the",
            "thursday",
            "yesterday",
            "million",
        ] {
            assert!(turned.contains_key(w), "{w}");
        }
        assert!(tried > 100_000, "{tried} turned away");
        // and the words it lets through begin the dates that need them
        for t in [
            "15 September 2022",
            "31 of March",
            "3 days ago",
            "5 past years",
            "2 hundred days ago",
            "1 thousand days ago",
        ] {
            let w = t.split(' ').nth(1).unwrap_or_default().to_ascii_lowercase();
            assert!(may_follow_digits(&w), "{w}");
            assert!(parse_at(t, 0..t.len(), 0).is_some(), "{t}");
        }
    }

    #[test]
    fn second_words() {
        for w in [
            "week",
            "weeks",
            "year",
            "may",
            "fifths",
            "hundredths",
            "date",
            "mid",
            "few",
        ] {
            assert!(may_continue_word(w), "{w}");
        }
        for w in ["company", "government", "market", "profit"] {
            assert!(!may_continue_word(w), "{w}");
        }
    }
}
