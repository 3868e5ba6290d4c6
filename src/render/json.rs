//! JSON and JSONL: the machine-readable forms of diagnostics and claims.
//!
//! The shapes are documented in the README and read by the shared scorers:
//! a diagnostic is `{"code", "severity", "message", "help", "labels":
//! [{"start", "end", "line", "column", "text", "message", "primary"}]}` with
//! UTF-8 byte offsets into the original text and 1-based line and character
//! column.

use std::io::{self, Write};
use std::ops::Range;

use jiff::civil::Date;
use serde::Serialize;

use super::{Checked, Report, Totals};
use crate::analysis::Analysis;
use crate::batch::Id;
use crate::diagnostic::Diagnostic;
use crate::extract::date::format_period;
use crate::extract::{Claim, ClaimKind};
use crate::source::Span;

/// A diagnostic as JSON.
#[derive(Debug, Serialize)]
pub struct DiagnosticJson<'a> {
    pub code: &'a str,
    pub severity: &'a str,
    pub message: &'a str,
    pub help: &'a str,
    pub labels: Vec<LabelJson<'a>>,
}

/// A label as JSON.
#[derive(Debug, Serialize)]
pub struct LabelJson<'a> {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: &'a str,
    pub message: &'a str,
    pub primary: bool,
}

impl<'a> DiagnosticJson<'a> {
    /// The JSON form of `d`, located in `doc`.
    pub fn new(doc: &'a Checked<'a>, d: &'a Diagnostic) -> DiagnosticJson<'a> {
        DiagnosticJson {
            code: d.code,
            severity: d.severity.as_str(),
            message: &d.message,
            help: &d.help,
            labels: d
                .labels
                .iter()
                .map(|l| {
                    let (line, column) = doc.lines().line_col(doc.source, l.span.start);
                    let (end_line, end_column) = doc.lines().line_col(doc.source, l.span.end);
                    LabelJson {
                        start: l.span.start,
                        end: l.span.end,
                        line,
                        column,
                        end_line,
                        end_column,
                        text: doc.source.get(l.span.clone()).unwrap_or(""),
                        message: &l.message,
                        primary: l.primary,
                    }
                })
                .collect(),
        }
    }
}

/// All diagnostics of a document as JSON.
pub fn diagnostics<'a>(doc: &'a Checked<'a>) -> Vec<DiagnosticJson<'a>> {
    doc.diagnostics
        .iter()
        .map(|d| DiagnosticJson::new(doc, d))
        .collect()
}

/// A claim as JSON: offsets in the original text. `claims --format jsonl`
/// writes it by hand ([`write_claims_line`]): a field added here is added
/// there too, which the test `claims_line_is_what_serde_writes` checks
/// wherever a fixture holds the field.
#[derive(Debug, Serialize)]
pub struct ClaimJson<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: ClaimKind,
    pub value: Option<f64>,
    pub unit: Option<&'a str>,
    pub approx: Option<&'a str>,
    /// The interval the figure stands for (approximator and rounding aside:
    /// see `step`); absent for dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measured: Option<&'a str>,
    /// ISO 8601 with the parts written: `2022-09-15`, `2022-09`, `--09-15`, `2022`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<&'static str>,
    /// For a relative date ("yesterday", "next month", "the past three
    /// years"), the days it means counted from the document date, in ISO
    /// 8601: `2022-09-14`, `2022-10`, `2022`, or `2019-09-15/2022-09-15`.
    /// Absent without a document date and for expressions that count from
    /// another date in the text ("a year earlier").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
    /// For ranges: the two members' values, in the order written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<[Option<f64>; 2]>,
    /// When the figure holds: "since the start of the war", "in 2021".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<SpanJson<'a>>,
    /// Who or what the sentence is about: "India".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<SpanJson<'a>>,
    /// Who says so: "Reuters", "the company".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SpanJson<'a>>,
}

/// A piece of context as JSON: offsets in the original text and its text.
#[derive(Debug, Serialize)]
pub struct SpanJson<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl<'a> SpanJson<'a> {
    fn new(doc: &'a Analysis<'a>, span: &Span) -> SpanJson<'a> {
        let src = doc.to_source(span);
        SpanJson {
            start: src.start,
            end: src.end,
            text: doc.slice(span),
        }
    }
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Appends the ISO 8601 text of the parts of a date that are written:
/// `2022-09-15`, `2022-09`, `--09-15`, `2022`, and with `month_alone` a
/// month alone, `--09`; appends nothing and returns false for any other
/// parts. The digits are written by hand where they fit the widths (a year
/// from 0 to 9999, a month or day below 100), as
/// `format!("{y:04}-{m:02}-{d:02}")` writes them: the formatting machinery
/// cost about 750 instructions a date, 30 M of a claims run over the news
/// corpus. Written straight into the output, as a `String` a date cost an
/// allocation and its release (4 M instructions of a claims run on 5.6 MB
/// of news).
fn iso_date(
    out: &mut Vec<u8>,
    y: Option<i32>,
    m: Option<u8>,
    d: Option<u8>,
    month_alone: bool,
) -> bool {
    match (y, m, d) {
        (Some(y), Some(m), Some(d)) => {
            iso_year(out, y);
            out.push(b'-');
            iso_two(out, m);
            out.push(b'-');
            iso_two(out, d);
        }
        (Some(y), Some(m), None) => {
            iso_year(out, y);
            out.push(b'-');
            iso_two(out, m);
        }
        (None, Some(m), Some(d)) => {
            out.extend_from_slice(b"--");
            iso_two(out, m);
            out.push(b'-');
            iso_two(out, d);
        }
        (None, Some(m), None) if month_alone => {
            out.extend_from_slice(b"--");
            iso_two(out, m);
        }
        (Some(y), None, _) => iso_year(out, y),
        _ => return false,
    }
    true
}

/// `y` as `{y:04}` writes it: from 0 to 9999, its four digits made at once
/// ([`digit_lanes`]) and copied as one (pushed one by one, a date's digits
/// cost 30 instructions more).
fn iso_year(out: &mut Vec<u8>, y: i32) {
    match u16::try_from(y) {
        Ok(y @ 0..=9999) => {
            let lane = digit_lanes(u64::from(y)) | 0x3030_3030;
            out.extend_from_slice(&lane.to_le_bytes()[..4]);
        }
        _ => {
            // writing into a `Vec` does not fail
            let _ = write!(out, "{y:04}");
        }
    }
}

/// `v` as `{v:02}` writes it.
fn iso_two(out: &mut Vec<u8>, v: u8) {
    if v < 100 {
        out.extend_from_slice(&[b'0' + v / 10, b'0' + v % 10]);
    } else {
        let _ = write!(out, "{v:02}");
    }
}

/// Finite numbers only: JSON has no infinity.
fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

impl<'a> ClaimJson<'a> {
    /// The JSON form of `claim` in `doc`.
    pub fn new(doc: &'a Analysis<'a>, claim: &'a Claim) -> ClaimJson<'a> {
        let span = doc.to_source(&claim.span);
        let mut date = Vec::new();
        let date = claim_date(&mut date, doc, claim)
            .then(|| String::from_utf8(date).ok())
            .flatten();
        let [low, high, step] = interval(claim);
        ClaimJson {
            start: span.start,
            end: span.end,
            text: doc.source.get(span).unwrap_or(""),
            kind: reported_kind(doc, claim),
            value: claim.value.and_then(finite),
            unit: claim.unit,
            approx: claim.approx.as_ref().map(|a| a.phrase),
            low,
            high,
            step,
            measured: claim.measured.as_ref().map(|s| doc.slice(s)),
            date,
            weekday: weekday(claim),
            resolved: resolved(doc, claim),
            members: members(doc, claim),
            time: claim.context.time.as_ref().map(|t| SpanJson::new(doc, t)),
            subject: claim
                .context
                .subject
                .as_ref()
                .map(|t| SpanJson::new(doc, t)),
            source: claim.context.source.as_ref().map(|t| SpanJson::new(doc, t)),
        }
    }
}

/// Appends a claim's `date`, its written parts in ISO 8601 or, for a
/// period between two dates, both ends: "2022-05/2022-07". Appends nothing
/// and returns false when it has none.
fn claim_date(out: &mut Vec<u8>, doc: &Analysis<'_>, claim: &Claim) -> bool {
    if let Some(d) = &claim.date
        && iso_date(out, d.year, d.month, d.day, false)
    {
        return true;
    }
    let Some((a, b)) = claim.range.filter(|_| claim.kind == ClaimKind::DateRange) else {
        return false;
    };
    let end = |out: &mut Vec<u8>, id: usize| {
        doc.claims
            .get(id)
            .and_then(|c| c.date)
            .is_some_and(|d| iso_date(out, d.year, d.month, d.day, true))
    };
    let mark = out.len();
    if end(out, a) && {
        out.push(b'/');
        end(out, b)
    } {
        return true;
    }
    out.truncate(mark);
    false
}

/// A claim's `low`, `high` and `step`: none for a date.
fn interval(claim: &Claim) -> [Option<f64>; 3] {
    if claim.date.is_some() {
        return [None; 3];
    }
    [finite(claim.low), finite(claim.high), finite(claim.step)]
}

/// The kind a claim is reported as: a range as what its ends are ("10-15
/// kg" is a quantity, "between 10 and 15" a number), marked by `members`.
fn reported_kind(doc: &Analysis<'_>, claim: &Claim) -> ClaimKind {
    match claim.range {
        Some((a, _)) if claim.kind == ClaimKind::Range => {
            doc.claims.get(a).map_or(claim.kind, |c| c.kind)
        }
        _ => claim.kind,
    }
}

/// The weekday named with a date, lowercase.
fn weekday(claim: &Claim) -> Option<&'static str> {
    claim
        .date
        .as_ref()
        .and_then(|d| d.weekday)
        .and_then(|w| WEEKDAYS.get(usize::from(w.day).wrapping_sub(1)).copied())
}

/// A relative date's days, counted from the document date: the first and
/// the last.
fn resolved_days(doc: &Analysis<'_>, claim: &Claim) -> Option<(Date, Date)> {
    claim
        .date
        .as_ref()
        .and_then(|d| d.relative)
        .zip(doc.date)
        .and_then(|(r, day)| crate::extract::date::resolve(&r, day))
}

/// A relative date's days, counted from the document date, in ISO 8601.
fn resolved(doc: &Analysis<'_>, claim: &Claim) -> Option<String> {
    resolved_days(doc, claim).map(|(first, last)| format_period(first, last))
}

/// Appends the days from `first` to `last` as [`format_period`] writes them
/// (one day, a whole month, a whole year, or the two days), the dates by
/// hand ([`iso_date`]) where their years are 0 to 9999: the formatting
/// machinery and the string it made cost 650 instructions a period.
fn iso_period(out: &mut Vec<u8>, first: Date, last: Date) {
    if ![first, last].iter().all(|d| (0..=9999).contains(&d.year())) {
        out.extend_from_slice(format_period(first, last).as_bytes());
        return;
    }
    let parts = |day: Date| {
        let (m, d) = (u8::try_from(day.month()).ok(), u8::try_from(day.day()).ok());
        (Some(i32::from(day.year())), m, d)
    };
    let (y, m, d) = parts(first);
    if first == last {
        iso_date(out, y, m, d, false);
    } else if first == first.first_of_month() && last == first.last_of_month() {
        iso_date(out, y, m, None, false);
    } else if first == first.first_of_year() && last == first.last_of_year() {
        iso_date(out, y, None, None, false);
    } else {
        iso_date(out, y, m, d, false);
        out.push(b'/');
        let (y, m, d) = parts(last);
        iso_date(out, y, m, d, false);
    }
}

/// A range's members' values, in the order written.
fn members(doc: &Analysis<'_>, claim: &Claim) -> Option<[Option<f64>; 2]> {
    claim.range.map(|(a, b)| {
        [
            doc.claims.get(a).and_then(|c| c.value),
            doc.claims.get(b).and_then(|c| c.value),
        ]
    })
}

/// The claims of a document worth reporting: range members are reported
/// through their range.
pub fn claims<'a>(doc: &'a Analysis<'a>) -> Vec<ClaimJson<'a>> {
    // room for all: a filtered iterator gives no exact length, and a
    // vector of these large records grown from empty is copied at each
    // doubling
    let mut out = Vec::with_capacity(doc.claims.len());
    out.extend(
        doc.claims
            .iter()
            .filter(|c| c.part_of.is_none())
            .map(|c| ClaimJson::new(doc, c)),
    );
    out
}

/// Writes one `claims --format jsonl` line: `{"id": …, "claims": […]}`
/// for a JSONL record, `{"path": …, "claims": […]}` for a file, exactly as
/// serde's derived serialiser writes `Answer::claims` of [`claims`] (the
/// tests' reference).
///
/// A claims run writes about as many bytes as it reads, and serde's derived
/// serialiser escapes every one of a claim's eighteen keys as it would any
/// string: an eighth of the run went there. Here the keys and punctuation are
/// literal bytes, and only the values go through `serde_json`, so every
/// number and string is formatted as before. The test
/// `claims_line_is_what_serde_writes` holds the two to the same bytes.
///
/// # Errors
/// Whatever `serde_json` returns for a value (nothing, into a `Vec`).
pub fn write_claims_line(
    out: &mut Vec<u8>,
    id: Option<&Id<'_>>,
    path: &str,
    doc: &Analysis<'_>,
) -> io::Result<()> {
    open_answer(out, id, path)?;
    out.extend_from_slice(b",\"claims\":[");
    let mut first = true;
    let mut recent = Recent::default();
    for c in doc.claims.iter().filter(|c| c.part_of.is_none()) {
        if !first {
            out.push(b',');
        }
        first = false;
        write_claim(out, doc, c, &mut recent)?;
    }
    out.extend_from_slice(b"]}\n");
    Ok(())
}

/// Writes one `check --format jsonl` line: `{"id": …, "diagnostics": […]}`
/// for a JSONL record, `{"path": …, "diagnostics": […]}` for a file,
/// exactly as serde's derived serialiser writes `Answer::diagnostics` of
/// [`diagnostics`] (the tests' reference). Most documents have no
/// diagnostic: serialised straight into the output stream, their line cost
/// 2,000 instructions, most of it the serialiser's small writes through a
/// `dyn Write`, each a call. Here the
/// line is made in `out` (the caller's buffer) with the keys as literal
/// bytes, and a diagnostic goes through `serde_json` whole. The test
/// `diagnostics_line_is_what_serde_writes` holds the two to the same bytes.
///
/// # Errors
/// Whatever `serde_json` returns for a value (nothing, into a `Vec`).
pub fn write_diagnostics_line(
    out: &mut Vec<u8>,
    id: Option<&Id<'_>>,
    doc: &Checked<'_>,
) -> io::Result<()> {
    open_answer(out, id, doc.name)?;
    out.extend_from_slice(b",\"diagnostics\":[");
    for (i, d) in doc.diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        value(out, &DiagnosticJson::new(doc, d))?;
    }
    out.extend_from_slice(b"]}\n");
    Ok(())
}

/// `{"id":…` for a record, `{"path":…` for a file: how a line of
/// [`write_claims_line`] or [`write_diagnostics_line`] opens.
fn open_answer(out: &mut Vec<u8>, id: Option<&Id<'_>>, path: &str) -> io::Result<()> {
    match id {
        Some(id) => {
            out.extend_from_slice(b"{\"id\":");
            id_value(out, id)
        }
        None => {
            out.extend_from_slice(b"{\"path\":");
            string(out, path)
        }
    }
}

/// A record's id as `serde_json` writes it, a string (most ids) through
/// [`string`]: `serde_json` escapes a string a byte at a time and cost
/// 240 instructions an id.
fn id_value(out: &mut Vec<u8>, id: &Id<'_>) -> io::Result<()> {
    match id {
        Id::String(s) => string(out, s),
        Id::Other(other) => value(out, other),
    }
}

/// A record's id as its name: the id as `serde_json` writes it, a string
/// through [`string`] (as `serde_json::to_string` wrote it, the name cost
/// 240 instructions a record).
pub fn id_name(id: &Id<'_>) -> String {
    let mut out = Vec::new();
    match id_value(&mut out, id).map(|()| String::from_utf8(out)) {
        Ok(Ok(name)) => name,
        _ => serde_json::to_string(id).unwrap_or_default(),
    }
}

/// One value as `serde_json` writes it.
fn value<T: Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, v).map_err(io::Error::from)
}

/// A string as `serde_json` writes it: in quotes, with `"`, `\\` and the
/// control characters below U+0020 escaped, and nothing else. A string
/// holding none of them (almost every claim's text, unit and context) is
/// copied as it is, eight bytes at a time as they are tested; any other
/// goes through `serde_json`. A string of up to six bytes is written with
/// its quotes as one word. Of a longer one, the last bytes are copied as
/// the eight that end the string, over bytes already copied, or, in a
/// string of seven, as a word padded and cut back: a test of the bytes and
/// a copy apart, with its call to `memcpy` for a few bytes, cost 60
/// instructions a string (7 M of a claims run on 5.6 MB of news). The test
/// `strings_and_integers_are_written_as_serde_writes_them` holds this to
/// its bytes.
fn string(out: &mut Vec<u8>, s: &str) -> io::Result<()> {
    let b = s.as_bytes();
    if b.len() < 7 {
        // both quotes and the bytes between in one word: most units and
        // many figures ("%", "USD", "0.1%", "2004")
        let w = short_word(b);
        if escaped(w) {
            return value(out, s);
        }
        let close = 8 * (b.len() + 1);
        let w = (w << 8 | u64::from(b'"')) & !(0xFF << close) | u64::from(b'"') << close;
        let len = out.len();
        out.extend_from_slice(&w.to_le_bytes());
        out.truncate(len + b.len() + 2);
        return Ok(());
    }
    let mark = out.len();
    out.reserve(b.len() + 10);
    out.push(b'"');
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        // a chunk is always eight bytes; a zero word would only send the
        // string the slow, exact way
        let w = c.try_into().map_or(0, u64::from_le_bytes);
        if escaped(w) {
            out.truncate(mark);
            return value(out, s);
        }
        out.extend_from_slice(&w.to_le_bytes());
    }
    let rest = chunks.remainder();
    if rest.is_empty() {
        // nothing left, or a string of whole words
    } else if let Some(last) = b.len().checked_sub(8) {
        let w = b
            .get(last..)
            .and_then(|t| t.try_into().ok())
            .map_or(0, u64::from_le_bytes);
        if escaped(w) {
            out.truncate(mark);
            return value(out, s);
        }
        out.truncate(mark + 1 + last);
        out.extend_from_slice(&w.to_le_bytes());
    } else {
        let w = short_word(rest);
        if escaped(w) {
            out.truncate(mark);
            return value(out, s);
        }
        out.extend_from_slice(&w.to_le_bytes());
        out.truncate(mark + 1 + rest.len());
    }
    out.push(b'"');
    Ok(())
}

/// The bytes of `b` (the first 7 of a longer one) in the low end of a
/// word of letters, read as two words of four that overlap, or as the
/// first, middle and last byte: a loop a byte cost 30 instructions a unit.
fn short_word(b: &[u8]) -> u64 {
    let n = b.len().min(7);
    let word = |at: usize| {
        b.get(at..at + 4)
            .and_then(|w| w.try_into().ok())
            .map_or(0, |w| u64::from(u32::from_le_bytes(w)))
    };
    let byte = |at: usize| b.get(at).map_or(0, |&c| u64::from(c));
    let low = match n.checked_sub(4) {
        Some(tail) => word(0) | word(tail) << (8 * tail),
        None if n > 0 => byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1)),
        None => 0,
    };
    let letters = u64::from_le_bytes(*b"aaaaaaaa");
    low | letters & !(1u64 << (8 * n)).wrapping_sub(1)
}

/// True when a byte of `w` is one JSON escapes: `"`, `\\` or a control
/// character below U+0020.
fn escaped(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // the high bit of some byte is set exactly when a byte of `w` is
    // below `n` (at most 0x80): a borrow only ever marks bytes above a
    // byte that is below `n`
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    below(w, 0x20)
        | below(w ^ (ONES * u64::from(b'"')), 1)
        | below(w ^ (ONES * u64::from(b'\\')), 1)
        != 0
}

/// A string or `null`.
fn optional_string(out: &mut Vec<u8>, s: Option<&str>) -> io::Result<()> {
    match s {
        Some(s) => string(out, s),
        None => {
            out.extend_from_slice(b"null");
            Ok(())
        }
    }
}

/// An offset as `serde_json` writes it, which formats integers with
/// `itoa`. Below 10^8 the digits are made at once in a word (the number
/// split into halves of four digits, each into pairs, each pair into
/// digits, every split by a multiplication and a shift) and the leading
/// zeros shifted out; the word is copied whole and the vector cut back to
/// the digits. `itoa` and the copy of its few bytes, a call to `memcpy`,
/// cost 50 instructions an offset (12 M of a claims run on 5.6 MB of news).
#[inline]
fn integer(out: &mut Vec<u8>, n: usize) {
    match u64::try_from(n) {
        Ok(n) => unsigned(out, n),
        Err(_) => long_integer(out, n),
    }
}

/// `n` as [`integer`] writes it.
#[inline]
fn unsigned(out: &mut Vec<u8>, n: u64) {
    if n < 100_000_000 {
        below_e8(out, n);
    } else {
        beyond_e8(out, n);
    }
}

/// `n`, from 10^8, as [`integer`] writes it, kept out of line so that
/// [`unsigned`] stays small enough to be inlined for every offset. Up to
/// 16 digits are made in words: the leading digits as a number of their
/// own, then the last 8 whole (billions of money and figures in seconds, a
/// sixth of the whole numbers of a claims run, which `itoa` wrote at 95
/// instructions each).
#[inline(never)]
fn beyond_e8(out: &mut Vec<u8>, n: u64) {
    const E8: u64 = 100_000_000;
    if n < E8 * E8 {
        below_e8(out, n / E8);
        out.extend_from_slice(&(eight_digits(n % E8) | 0x3030_3030_3030_3030).to_le_bytes());
    } else {
        long_integer(out, n);
    }
}

/// `n`, below 10^8, as [`integer`] writes it.
#[inline]
fn below_e8(out: &mut Vec<u8>, n: u64) {
    // most offsets and figures have four digits or fewer: one lane
    let (w, width) = if n < 10_000 {
        (digit_lanes(n), 4)
    } else {
        (eight_digits(n), 8)
    };
    // the leading zeros are the low zero bytes; zero keeps one digit
    let zeros = (w.trailing_zeros() / 8).min(width - 1);
    let len = out.len();
    out.extend_from_slice(&((w >> (8 * zeros)) | 0x3030_3030_3030_3030).to_le_bytes());
    out.truncate(len + (width - zeros) as usize);
}

/// `n` as `itoa` writes it; kept out of line, so that its buffer leaves
/// [`unsigned`] small.
#[inline(never)]
fn long_integer<N: itoa::Integer>(out: &mut Vec<u8>, n: N) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// The eight decimal digits of `n` (below 10^8, leading zeros kept), the
/// first in the lowest byte (not yet ASCII).
#[inline]
fn eight_digits(n: u64) -> u64 {
    digit_lanes((n / 10_000) | ((n % 10_000) << 32))
}

/// The decimal digits of the numbers below 10^4 in the two 32-bit lanes
/// of `v`, one a byte, the first in the lowest byte of each lane (not yet
/// ASCII).
#[inline]
fn digit_lanes(v: u64) -> u64 {
    // each lane of four digits to two of two: x / 100 is x * 10486 >> 20
    // below 43,699
    let q = ((v * 10_486) >> 20) & 0x0000_007F_0000_007F;
    let v = q | ((v - q * 100) << 16);
    // each lane of two digits to two of one: x / 10 is x * 103 >> 10 below 179
    let q = ((v * 103) >> 10) & 0x000F_000F_000F_000F;
    q | ((v - q * 10) << 8)
}

/// `key` (`,"name":`) and a string, when there is a string: the fields
/// serde skips when `None`.
fn some_string(out: &mut Vec<u8>, key: &[u8], s: Option<&str>) -> io::Result<()> {
    match s {
        Some(s) => {
            out.extend_from_slice(key);
            string(out, s)
        }
        None => Ok(()),
    }
}

/// A number as `serde_json` writes it, `null` for `None`.
///
/// Whole numbers of magnitude below 10^15 (most figures, and every step)
/// are written as their digits and ".0", as `serde_json` prints them, but
/// without its search for the shortest digits that read back as the same
/// float, which cost a claims run more than any other value. The test
/// `whole_numbers_are_written_as_serde_writes_them` holds the two to the
/// same bytes, across the limit and at negative zero.
#[inline]
fn number(out: &mut Vec<u8>, x: Option<f64>) -> io::Result<()> {
    match x {
        // below 2^53 a whole number is an i64 of the same value and back
        // (a test without `f64::fract`, which is a call into libm here);
        // NaN fails the bound
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        Some(x)
            if x.abs() < 1e15 && (x as i64) as f64 == x && !(x == 0.0 && x.is_sign_negative()) =>
        {
            #[allow(clippy::cast_possible_truncation)]
            let n = x as i64;
            if n < 0 {
                out.push(b'-');
            }
            unsigned(out, n.unsigned_abs());
            out.extend_from_slice(b".0");
            Ok(())
        }
        None => {
            out.extend_from_slice(b"null");
            Ok(())
        }
        Some(x) => fraction(out, x),
    }
}

/// Any other number as `serde_json` writes it (`null` for one not finite),
/// kept out of line: the float formatter inlined made [`number`] save and
/// restore a dozen registers for every whole number too. A number of up
/// to four decimals goes through [`decimal`], any other through
/// `serde_json`.
#[inline(never)]
fn fraction(out: &mut Vec<u8>, x: f64) -> io::Result<()> {
    if decimal(out, x) {
        return Ok(());
    }
    value(out, &x)
}

/// Writes `x` as its digits with a point, and returns true, when `x` is
/// the float nearest to a number of up to four decimals (3.5, 0.25,
/// -12.75) below 10^11 and from 10^-4; else writes nothing and returns
/// false. That number, of at most 15 digits, is then the only one of 15
/// digits or fewer that reads back as `x` (two such numbers lie further
/// apart than a float's rounding interval is wide), so it is the shortest,
/// the one `serde_json` writes, and written in that range without an
/// exponent. The fewest decimals are found first, so its last digit is
/// not 0 (but for a whole number, which [`number`] writes before, and
/// which is written with ".0", as `serde_json` writes it). `serde_json`'s
/// search for the shortest digits cost 225 instructions a number (a
/// seventh of the numbers of a claims run). The test
/// `decimals_are_written_as_serde_writes_them` holds the two to the same
/// bytes.
fn decimal(out: &mut Vec<u8>, x: f64) -> bool {
    /// Each number of decimals with its power of ten, as an integer and
    /// as a float (signed: a conversion each way is one instruction).
    const SCALES: [(usize, i64, f64); 4] = [
        (1, 10, 10.0),
        (2, 100, 100.0),
        (3, 1_000, 1e3),
        (4, 10_000, 1e4),
    ];
    let a = x.abs();
    if !(1e-4..1e11).contains(&a) {
        return false;
    }
    for (places, scale, p) in SCALES {
        // the nearest whole number to a * p, below 10^15: exact as a float
        #[allow(clippy::cast_possible_truncation)]
        let n = (a * p + 0.5) as i64;
        #[allow(clippy::cast_precision_loss)]
        if n as f64 / p == a {
            if x < 0.0 {
                out.push(b'-');
            }
            unsigned(out, (n / scale).unsigned_abs());
            // the decimals, leading zeros kept: the last `places` digits
            // of the four of a lane
            let lane = digit_lanes((n % scale).unsigned_abs()) >> (8 * (4 - places));
            let len = out.len();
            out.extend_from_slice(&((lane << 8) | 0x3030_3030_302E).to_le_bytes());
            out.truncate(len + 1 + places);
            return true;
        }
    }
    false
}

/// A claim as the derived `Serialize` of its [`ClaimJson`] writes it: the
/// fields in declaration order, the optional ones left out when `None`,
/// each key written with its punctuation as one literal. The fields are
/// read from the claim as [`ClaimJson::new`] reads them, but written as
/// they are found: the record of eighteen fields, built and read back, and
/// its date, allocated and freed, cost 9 M instructions of a claims run on
/// 5.6 MB of news.
fn write_claim(
    out: &mut Vec<u8>,
    doc: &Analysis<'_>,
    c: &Claim,
    recent: &mut Recent,
) -> io::Result<()> {
    let span = doc.to_source(&c.span);
    let text = doc.source.get(span.clone()).unwrap_or("");
    open_span(out, span.start, span.end, text)?;
    // a kind's name is lowercase letters: nothing to escape
    out.extend_from_slice(b",\"kind\":\"");
    out.extend_from_slice(reported_kind(doc, c).as_str().as_bytes());
    out.push(b'"');
    out.extend_from_slice(b",\"value\":");
    let value = c.value.and_then(finite);
    let at = out.len();
    number(out, value)?;
    let value_bytes = at..out.len();
    out.extend_from_slice(b",\"unit\":");
    optional_string(out, c.unit)?;
    out.extend_from_slice(b",\"approx\":");
    optional_string(out, c.approx.as_ref().map(|a| a.phrase))?;
    let [low, high, step] = interval(c);
    // three calls, not a loop over the three: a key's length is then a
    // constant, and its copy is made inline, not by a call to `memcpy`;
    // the calls (and those of `Recent::piece`) are always inlined: left to
    // the inliner they were made out of line, and the claims run cost 3 M
    // instructions more on 5.6 MB of news
    let value = value.map(|v| (v.to_bits(), value_bytes));
    recent.bound(out, 0, b",\"low\":", low, value.as_ref())?;
    recent.bound(out, 1, b",\"high\":", high, value.as_ref())?;
    recent.bound(out, 2, b",\"step\":", step, value.as_ref())?;
    some_string(
        out,
        b",\"measured\":",
        c.measured.as_ref().map(|s| doc.slice(s)),
    )?;
    // an ISO date is digits, dashes and a slash: nothing to escape
    let mark = out.len();
    out.extend_from_slice(b",\"date\":\"");
    if claim_date(out, doc, c) {
        out.push(b'"');
    } else {
        out.truncate(mark);
    }
    some_string(out, b",\"weekday\":", weekday(c))?;
    if let Some((first, last)) = resolved_days(doc, c) {
        // a period is digits, dashes and a slash: nothing to escape
        out.extend_from_slice(b",\"resolved\":\"");
        iso_period(out, first, last);
        out.push(b'"');
    }
    if let Some([a, b]) = members(doc, c) {
        out.extend_from_slice(b",\"members\":[");
        number(out, a)?;
        out.push(b',');
        number(out, b)?;
        out.push(b']');
    }
    // half the claims have no context: three tests, where a loop over the
    // three pieces cost 24 instructions a claim
    recent.piece(out, doc, 0, b",\"time\":", c.context.time.as_ref())?;
    recent.piece(out, doc, 1, b",\"subject\":", c.context.subject.as_ref())?;
    recent.piece(out, doc, 2, b",\"source\":", c.context.source.as_ref())?;
    out.push(b'}');
    Ok(())
}

/// The context written last in a line, a piece of each kind (time,
/// subject, source), with where its object lies in the output. A claim's
/// time, subject or source is mostly the claim's before it ("said the
/// company" for every figure of a sentence), or its subject is its source:
/// then the object is copied, as its bytes are made from its span alone.
/// Written afresh, a piece cost 240 instructions, and 14 thousand of the
/// 33 thousand pieces of a claims run on 5.6 MB of news are repeats.
/// Likewise the last bound of each key (`low`, `high`, `step`) that was not
/// the claim's value, by its bits: most figures of a text have the same
/// step (1, 0.1, a million), which cost 60 to 180 instructions written
/// afresh.
#[derive(Default)]
struct Recent {
    context: [Option<(Span, Range<usize>)>; 3],
    bounds: [Option<(u64, Range<usize>)>; 3],
}

impl Recent {
    /// `key` and the piece of context `span` ([`Recent::write`]), when there
    /// is one.
    #[inline(always)]
    fn piece(
        &mut self,
        out: &mut Vec<u8>,
        doc: &Analysis<'_>,
        kind: usize,
        key: &[u8],
        span: Option<&Span>,
    ) -> io::Result<()> {
        match span {
            Some(span) => {
                out.extend_from_slice(key);
                self.write(out, doc, kind, span)
            }
            None => Ok(()),
        }
    }

    /// `key` (`,"low":`) and the bound `x` as [`number`] writes it, when
    /// there is one. Most figures' bounds are the figure itself (`low` and
    /// `high` of an exact one): then the bytes of `value` (its bits and
    /// where it was written) are copied, as a number is written by its bits
    /// alone, and so is the last bound of this key (`slot`, an index into
    /// the three) when `x` is that again; else `x` is written afresh and
    /// kept as the last of its key.
    #[inline(always)]
    fn bound(
        &mut self,
        out: &mut Vec<u8>,
        slot: usize,
        key: &[u8],
        x: Option<f64>,
        value: Option<&(u64, Range<usize>)>,
    ) -> io::Result<()> {
        let Some(x) = x else {
            return Ok(());
        };
        out.extend_from_slice(key);
        let bits = x.to_bits();
        if let Some((_, at)) = value.filter(|(v, _)| *v == bits) {
            out.extend_from_within(at.clone());
            return Ok(());
        }
        let Some(slot) = self.bounds.get_mut(slot) else {
            return number(out, Some(x));
        };
        // as in [`Recent::write`], the guard never fails
        match slot {
            Some((b, at)) if *b == bits && at.end <= out.len() => {
                out.extend_from_within(at.clone());
            }
            _ => {
                let start = out.len();
                number(out, Some(x))?;
                *slot = Some((bits, start..out.len()));
            }
        }
        Ok(())
    }

    /// Writes the piece of context `span` as [`write_span`] does, and keeps
    /// it as the last of `kind` (an index into the three).
    fn write(
        &mut self,
        out: &mut Vec<u8>,
        doc: &Analysis<'_>,
        kind: usize,
        span: &Span,
    ) -> io::Result<()> {
        // the output only grows while a line is written: a kept object
        // lies where it was (the bound is a guard that never fails)
        let known = self
            .context
            .iter()
            .flatten()
            .find(|(s, at)| s == span && at.end <= out.len())
            .cloned();
        let kept = match known {
            Some(kept) => {
                out.extend_from_within(kept.1.clone());
                kept
            }
            None => {
                let start = out.len();
                write_span(out, doc, span)?;
                (span.clone(), start..out.len())
            }
        };
        if let Some(slot) = self.context.get_mut(kind) {
            *slot = Some(kept);
        }
        Ok(())
    }
}

/// A piece of context as the derived `Serialize` of its [`SpanJson`]
/// writes it, the keys as literal bytes, as in [`write_claim`] (a claim
/// has up to three).
fn write_span(out: &mut Vec<u8>, doc: &Analysis<'_>, span: &Span) -> io::Result<()> {
    let src = doc.to_source(span);
    open_span(out, src.start, src.end, doc.slice(span))?;
    out.push(b'}');
    Ok(())
}

/// `{"start":…,"end":…,"text":…`, the fields a claim and a span open with.
/// Offsets below 10^4 (in most documents all of them) have their digits
/// made together, one in each lane of a word, and each is written with
/// its key in one copy.
fn open_span(out: &mut Vec<u8>, start: usize, end: usize, text: &str) -> io::Result<()> {
    const START: &[u8; 9] = b"{\"start\":";
    const END: &[u8; 7] = b",\"end\":";
    match (u64::try_from(start), u64::try_from(end)) {
        (Ok(a @ 0..10_000), Ok(b @ 0..10_000)) => {
            let w = digit_lanes(a | b << 32);
            keyed(out, START, w & 0xFFFF_FFFF);
            keyed(out, END, w >> 32);
        }
        _ => {
            out.extend_from_slice(START);
            integer(out, start);
            out.extend_from_slice(END);
            integer(out, end);
        }
    }
    out.extend_from_slice(b",\"text\":");
    string(out, text)
}

/// `key` (up to 12 bytes) and the digits of a lane of [`digit_lanes`]
/// without their leading zeros, as one copy of 16 bytes cut back.
#[inline]
fn keyed<const K: usize>(out: &mut Vec<u8>, key: &[u8; K], lane: u64) {
    const { assert!(K <= 12, "a key and four digits fill 16 bytes") };
    // the leading zeros are the low zero bytes; zero keeps one digit
    let zeros = (lane.trailing_zeros() / 8).min(3);
    let digits = (lane >> (8 * zeros)) | 0x3030_3030;
    let mut word = [0; 16];
    if let Some(k) = word.get_mut(..K) {
        k.copy_from_slice(key);
    }
    let w = u128::from_le_bytes(word) | u128::from(digits) << (8 * K);
    let len = out.len();
    out.extend_from_slice(&w.to_le_bytes());
    out.truncate(len + K + 4 - zeros as usize);
}

/// Writes `value` as one line of JSON.
///
/// # Errors
/// Whatever the writer returns.
pub fn write_line<W: Write + ?Sized, T: Serialize>(w: &mut W, value: &T) -> io::Result<()> {
    // generic, not `dyn`: into a `Vec` the serialiser's many small writes
    // are inlined copies, not virtual calls
    serde_json::to_writer(&mut *w, value)?;
    w.write_all(b"\n")
}

/// One JSONL answer: the record's id (JSONL input) or the file's path, then
/// its claims or diagnostics, as serde's derived serialiser writes it: the
/// reference the tests hold [`write_claims_line`] and
/// [`write_diagnostics_line`] to, which write the same bytes with their
/// keys as literals.
#[cfg(test)]
#[derive(Debug, Serialize)]
pub struct Answer<'a, T: Serialize> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claims: Option<T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diagnostics: Option<T>,
}

#[cfg(test)]
impl<'a, T: Serialize> Answer<'a, T> {
    /// A document's diagnostics, named by `id` when there is one, else by
    /// `path`.
    pub fn diagnostics(id: Option<&'a serde_json::Value>, path: &'a str, d: T) -> Self {
        Answer {
            path: id.is_none().then_some(path),
            id,
            claims: None,
            diagnostics: Some(d),
        }
    }

    /// A document's claims, named as [`Answer::diagnostics`] names them.
    pub fn claims(id: Option<&'a serde_json::Value>, path: &'a str, c: T) -> Self {
        Answer {
            path: id.is_none().then_some(path),
            id,
            claims: Some(c),
            diagnostics: None,
        }
    }
}

/// `--format json`: one document, `{"files": [{"path", "diagnostics"}]}`,
/// written when the run ends.
#[derive(Debug, Default)]
pub struct Json {
    files: Vec<serde_json::Value>,
}

impl Report for Json {
    fn file(&mut self, _: &mut dyn Write, doc: &Checked<'_>) -> io::Result<()> {
        let v = serde_json::json!({ "path": doc.name, "diagnostics": diagnostics(doc) });
        self.files.push(v);
        Ok(())
    }

    fn finish(&mut self, w: &mut dyn Write, _: &Totals) -> io::Result<()> {
        let files = std::mem::take(&mut self.files);
        write_line(w, &serde_json::json!({ "files": files }))
    }
}

/// The most bytes a line buffer keeps from one line to the next: a
/// document with thousands of findings does not hold its line's memory for
/// the rest of the run.
const MAX_KEPT_LINE: usize = 1 << 16;

/// Empties `line` for the next line, and lets go of its memory when a long
/// line made it larger than [`MAX_KEPT_LINE`].
pub fn reuse_line(line: &mut Vec<u8>) {
    if line.capacity() > MAX_KEPT_LINE {
        *line = Vec::new();
    } else {
        line.clear();
    }
}

/// `--format jsonl`: `{"path", "diagnostics"}`, one line per document as it
/// is checked, made in `line` ([`write_diagnostics_line`]) and written
/// whole.
#[derive(Debug, Default)]
pub struct Jsonl {
    line: Vec<u8>,
}

impl Report for Jsonl {
    fn file(&mut self, w: &mut dyn Write, doc: &Checked<'_>) -> io::Result<()> {
        reuse_line(&mut self.line);
        write_diagnostics_line(&mut self.line, None, doc)?;
        w.write_all(&self.line)
    }

    fn finish(&mut self, _: &mut dyn Write, _: &Totals) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::{Answer, MAX_KEPT_LINE, claims, reuse_line, write_claims_line, write_line};
    use crate::batch::Id;

    /// A line buffer keeps its memory for the next line, unless a long
    /// line grew it past the cap; either way it comes back empty.
    #[test]
    fn line_buffers_let_go_of_long_lines() {
        let mut line = Vec::with_capacity(100);
        line.extend_from_slice(b"{}\n");
        reuse_line(&mut line);
        assert!(line.is_empty() && line.capacity() >= 100);
        line.resize(MAX_KEPT_LINE + 1, b' ');
        reuse_line(&mut line);
        assert!(line.is_empty() && line.capacity() <= MAX_KEPT_LINE);
    }
    use crate::analysis::{Analysis, Options};
    use crate::source::InputFormat;

    /// Every file under `tests/fixtures`, with the format it is read as.
    fn fixtures() -> Vec<(String, InputFormat)> {
        let mut out = Vec::new();
        let mut dirs =
            vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")];
        while let Some(dir) = dirs.pop() {
            for e in std::fs::read_dir(&dir).expect("fixtures are readable") {
                let path = e.expect("a directory entry").path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                let format = match path.extension().and_then(|x| x.to_str()) {
                    Some("md") => InputFormat::Markdown,
                    Some("html") => InputFormat::Html,
                    _ => InputFormat::Plain,
                };
                out.push((text, format));
            }
        }
        out
    }

    /// The shortcut for whole numbers writes what `serde_json` writes, on
    /// both sides of its limit, for small and large magnitudes, signs and
    /// fractions.
    #[test]
    fn whole_numbers_are_written_as_serde_writes_them() {
        let mut xs: Vec<f64> = vec![
            0.0,
            -0.0,
            1e15,
            -1e15,
            1e15 - 1.0,
            -(1e15 - 1.0),
            1e16,
            9_007_199_254_740_992.0,
            0.5,
            -0.5,
            1e-7,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::NAN,
            f64::INFINITY,
        ];
        let mut p = 1.0;
        for _ in 0..20 {
            xs.extend([p, -p, p + 1.0, p - 1.0, p * 1.5, p / 3.0]);
            p *= 10.0;
        }
        // a fixed pseudo-random spread of magnitudes
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let digits = (seed >> 40) % 17;
            #[allow(clippy::cast_precision_loss)]
            let x = (seed >> 11) as f64 / 10f64.powi(i32::try_from(digits).unwrap_or(0));
            xs.extend([x, x.trunc(), -x.trunc()]);
        }
        for x in xs {
            for v in [Some(x), None] {
                let mut got = Vec::new();
                super::number(&mut got, v).expect("writes into a vector");
                let want = serde_json::to_vec(&v).expect("serialises");
                assert_eq!(
                    String::from_utf8_lossy(&got),
                    String::from_utf8_lossy(&want),
                    "{v:?}"
                );
            }
        }
    }

    /// Numbers with decimals are written as `serde_json` writes them:
    /// every number of up to four decimals below 100 and of up to six
    /// about every magnitude, signed, the edges of the shortcut's range,
    /// floats of any bits, and sums that land beside a decimal (0.1 + 0.2).
    /// Counts the numbers the shortcut wrote and those it left to
    /// `serde_json`, so that neither goes untried.
    #[test]
    fn decimals_are_written_as_serde_writes_them() {
        let mut xs: Vec<f64> = vec![
            0.1 + 0.2,
            1e-4,
            1e-4 * (1.0 - f64::EPSILON),
            1e-5,
            1e11,
            1e11 - 0.5,
            99_999_999_999.999_9,
            0.000_15,
            123.456_7,
            f64::MIN_POSITIVE,
        ];
        xs.extend((1..1_000_000).map(|n| f64::from(n) / 10_000.0));
        let mut rng = crate::testgen::Rng::new(0x1405_7b7e_f767_814f);
        for _ in 0..200_000 {
            #[allow(clippy::cast_precision_loss)]
            let n = (rng.next() >> (14 + rng.below(50))) as f64;
            let places = i32::try_from(rng.below(7)).unwrap_or(0);
            xs.push(n / 10f64.powi(places));
            xs.push(f64::from_bits(rng.next()));
            #[allow(clippy::cast_precision_loss)]
            xs.push(rng.next() as f64 / 1e18);
        }
        let (mut shortcut, mut left) = (0, 0);
        for x in xs.iter().flat_map(|&x| [x, -x]) {
            let mut probe = Vec::new();
            if super::decimal(&mut probe, x) {
                shortcut += 1;
            } else {
                assert!(probe.is_empty(), "{x:?}");
                left += 1;
            }
            let mut got = b"7".to_vec();
            super::number(&mut got, Some(x)).expect("writes into a vector");
            let want = serde_json::to_vec(&Some(x)).expect("serialises");
            assert_eq!(
                String::from_utf8_lossy(&got[1..]),
                String::from_utf8_lossy(&want),
                "{x:?}"
            );
        }
        assert!(
            shortcut > 1_500_000 && left > 300_000,
            "{shortcut} by the shortcut, {left} left"
        );
    }

    /// Dates are written by hand as `format!` writes them: years from
    /// −1,100 to 10,100 (every seventh), the ends of `i32`, and months and
    /// days at the edges of their widths up to 255.
    #[test]
    fn iso_dates_are_what_format_writes() {
        let reference = |y: Option<i32>, m: Option<u8>, d: Option<u8>, alone: bool| match (y, m, d)
        {
            (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
            (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
            (None, Some(m), Some(d)) => Some(format!("--{m:02}-{d:02}")),
            (None, Some(m), None) if alone => Some(format!("--{m:02}")),
            (Some(y), None, _) => Some(format!("{y:04}")),
            _ => None,
        };
        let mut years: Vec<Option<i32>> = (-1_100..=10_100).step_by(7).map(Some).collect();
        years.extend([
            None,
            Some(i32::MIN),
            Some(i32::MAX),
            Some(-1),
            Some(0),
            Some(9999),
            Some(10_000),
        ]);
        let small = [
            None,
            Some(0),
            Some(1),
            Some(9),
            Some(10),
            Some(12),
            Some(31),
            Some(99),
            Some(100),
            Some(255),
        ];
        for &y in &years {
            for &m in &small {
                for &d in &small {
                    for alone in [false, true] {
                        // after other output, which stays as it was
                        let mut got = b"x".to_vec();
                        let wrote = super::iso_date(&mut got, y, m, d, alone);
                        let want = reference(y, m, d, alone);
                        assert_eq!(wrote, want.is_some(), "{y:?} {m:?} {d:?}");
                        let want = format!("x{}", want.unwrap_or_default());
                        assert_eq!(String::from_utf8_lossy(&got), want, "{y:?} {m:?} {d:?}");
                    }
                }
            }
        }
    }

    /// Periods of every shape (one day, a whole month, a whole year, two
    /// days), across the turns of months and years and the years 0 and
    /// 9999, are written as `format_period` writes them.
    #[test]
    fn periods_are_written_as_format_period_writes_them() {
        use jiff::civil::{Date, date};
        let mut days: Vec<Date> = Vec::new();
        for y in [-1, 0, 1, 999, 2020, 2022, 9999] {
            for m in [1, 2, 9, 12] {
                let first = date(y, m, 1);
                days.extend([first, date(y, m, 15), first.last_of_month()]);
            }
        }
        days.push(date(1999, 12, 31));
        let mut shapes = [0; 4];
        for &first in &days {
            for &last in days.iter().filter(|&&d| d >= first) {
                let want = super::format_period(first, last);
                let mut got = b"x".to_vec();
                super::iso_period(&mut got, first, last);
                assert_eq!(String::from_utf8_lossy(&got), format!("x{want}"));
                let shape = match want.len() {
                    10 => 0,
                    7 => 1,
                    4 => 2,
                    _ => 3,
                };
                shapes[shape] += 1;
            }
        }
        assert!(shapes.iter().all(|&n| n > 5), "{shapes:?}");
    }

    /// Strings of every length up to three words and a half, with one
    /// byte of any value at any place, are written as `serde_json` writes
    /// them, after other output: every word and every tail of the fast
    /// path meets every byte the escape test must find or pass.
    #[test]
    fn any_byte_anywhere_is_written_as_serde_writes_it() {
        for len in 0..=28 {
            for at in 0..len.max(1) {
                for b in 0..=255u8 {
                    let mut s = vec![b'x'; len];
                    if let Some(c) = s.get_mut(at) {
                        *c = b;
                    }
                    // a byte beyond ASCII alone is no UTF-8: it is
                    // replaced by a character of three bytes
                    let s = String::from_utf8_lossy(&s).into_owned();
                    let mut got = b"[1,".to_vec();
                    super::string(&mut got, &s).expect("writes into a vector");
                    let mut want = b"[1,".to_vec();
                    want.extend(serde_json::to_vec(&s).expect("serialises"));
                    assert_eq!(got, want, "{s:?}");
                }
            }
        }
        assert!(!super::escaped(u64::from_le_bytes(*b"caf\xc3\xa9 10")));
    }

    /// Offsets are written as `itoa` writes them: every number below
    /// two million, both sides of every power of ten and 200,000 numbers
    /// of every magnitude, after other output.
    #[test]
    fn offsets_are_written_as_itoa_writes_them() {
        let mut ns: Vec<usize> = (0..2_000_000).collect();
        for e in 0..20 {
            let p = 10usize.pow(e);
            ns.extend([p - 1, p, p + 1, p.saturating_mul(2) - 1, usize::MAX / p]);
        }
        let mut rng = crate::testgen::Rng::new(0x2545_f491_4f6c_dd1d);
        for _ in 0..200_000 {
            let bits = 1 + rng.below(64);
            ns.push(usize::try_from(rng.next() >> (64 - bits)).unwrap_or(usize::MAX));
        }
        ns.push(usize::MAX);
        // numbers past eight digits and within sixteen, made in two words
        let two_words = ns
            .iter()
            .filter(|&&n| (100_000_000..10_000_000_000_000_000).contains(&n))
            .count();
        assert!(two_words > 50_000, "{two_words} numbers of 9 to 16 digits");
        for n in ns {
            let mut got = b"7".to_vec();
            super::integer(&mut got, n);
            assert_eq!(&got[1..], itoa::Buffer::new().format(n).as_bytes(), "{n}");
            assert_eq!(got[0], b'7');
        }
    }

    /// The offsets a claim or a piece of context opens with are written as
    /// `itoa` writes them, both below 10^4 (their digits made together and
    /// written with their keys), either or both above, on both sides of
    /// every power of ten.
    #[test]
    fn span_offsets_are_written_as_itoa_writes_them() {
        let mut ns: Vec<usize> = (0..20).map(|e| 10usize.pow(e)).collect();
        ns.extend(ns.clone().iter().flat_map(|&p| [p - 1, p + 1, p / 3 * 2]));
        ns.extend((0..12_000).step_by(7));
        ns.push(usize::MAX);
        let mut both_short = 0;
        for &a in &ns {
            for &b in ns.iter().step_by(11) {
                both_short += usize::from(a < 10_000 && b < 10_000);
                let mut got = b"[".to_vec();
                super::open_span(&mut got, a, b, "x").expect("writes into a vector");
                let want = format!(r#"[{{"start":{a},"end":{b},"text":"x""#);
                assert_eq!(String::from_utf8_lossy(&got), want);
            }
        }
        assert!(both_short > 100_000, "{both_short} pairs below 10^4");
    }

    /// Strings glued from every byte class `serde_json` treats apart (the
    /// control characters, quote, backslash, DEL, ASCII, characters beyond
    /// ASCII) and offsets across every length of digits are written as
    /// `serde_json` writes them.
    #[test]
    fn strings_and_integers_are_written_as_serde_writes_them() {
        let mut pieces: Vec<String> = (0u8..0x20).map(|b| char::from(b).to_string()).collect();
        pieces.extend(
            [
                "\"", "\\", "\u{7f}", "a", "Z", " ", "/", "%", "é", "€", "日本", "😀", "\u{2028}",
            ]
            .map(String::from),
        );
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let mut texts = crate::testgen::glued(20_000, 6, &pieces, 0x9e37_79b9_7f4a_7c15);
        texts.push(String::new());
        for t in &texts {
            let mut got = Vec::new();
            super::string(&mut got, t).expect("writes into a vector");
            assert_eq!(got, serde_json::to_vec(t).expect("serialises"), "{t:?}");
            let mut got = Vec::new();
            super::optional_string(&mut got, Some(t)).expect("writes into a vector");
            assert_eq!(got, serde_json::to_vec(&Some(t)).expect("serialises"));
            let id = serde_json::Value::String(t.clone());
            let want = serde_json::to_string(&id).expect("serialises");
            // an id borrowed from its line, and one decoded
            for got in [Id::String(Cow::Borrowed(t)), Id::from(id)] {
                assert_eq!(super::id_name(&got), want);
                assert_eq!(serde_json::to_string(&got).expect("serialises"), want);
            }
        }
        for id in [
            serde_json::json!(null),
            serde_json::json!(true),
            serde_json::json!(-7),
            serde_json::json!(1.5),
            serde_json::json!(u64::MAX),
        ] {
            let want = serde_json::to_string(&id).expect("serialises");
            let id = Id::from(id);
            assert_eq!(super::id_name(&id), want);
            assert_eq!(serde_json::to_string(&id).expect("serialises"), want);
        }
        let mut got = Vec::new();
        super::optional_string(&mut got, None).expect("writes into a vector");
        assert_eq!(got, b"null");
        // 1, 10, ... 10^19: every length of digits a u64 has
        for n in (0..20).map(|e| 10usize.pow(e)) {
            for x in [n - 1, n, n + 7, usize::MAX - n] {
                let mut got = Vec::new();
                super::integer(&mut got, x);
                assert_eq!(got, serde_json::to_vec(&x).expect("serialises"), "{x}");
            }
        }
    }

    /// Pieces of context written through [`super::Recent`], copies of
    /// those kept or afresh, are the bytes [`super::write_span`] writes:
    /// spans drawn from a few ends, so that most repeat one kept, of the
    /// same kind or another, and many share a start or an end with one
    /// kept but not both, in a text with HTML offsets mapped back.
    #[test]
    fn recent_context_is_written_as_afresh() {
        let text = "<p>Exports rose &amp; 5% in 2021, said the \"ministry\";</p>\n<p>the ministry\u{2019}s data\tshow &lt;tariffs&gt;.</p>";
        let doc = Analysis::new(
            text,
            &Options {
                format: InputFormat::Html,
                date: None,
            },
        );
        let ends = [0, 3, 7, 12, 20, 33, 40, 41, 55, 60, 70];
        let mut rng = crate::testgen::Rng::new(0x5851_f42d_4c95_7f2d);
        let (mut repeats, mut near) = (0, 0);
        for _ in 0..200 {
            let mut recent = super::Recent::default();
            let mut got = b"[".to_vec();
            let mut want = b"[".to_vec();
            let mut last: Vec<std::ops::Range<usize>> = Vec::new();
            for _ in 0..20 {
                let a = ends[rng.below(4)];
                let b = ends[rng.below(ends.len())].max(a);
                let span = a..b;
                repeats += usize::from(last.contains(&span));
                near += usize::from(
                    last.iter()
                        .any(|s| *s != span && (s.start == a || s.end == b)),
                );
                recent
                    .write(&mut got, &doc, rng.below(3), &span)
                    .expect("writes into a vector");
                super::write_span(&mut want, &doc, &span).expect("writes into a vector");
                last.push(span);
                got.push(b',');
                want.push(b',');
            }
            assert_eq!(
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&want)
            );
        }
        assert!(
            repeats > 500 && near > 1_000,
            "{repeats} repeats, {near} near"
        );
    }

    /// The hand-framed line holds the same bytes as serde's derived
    /// serialiser writes, for every kind of claim and context the fixtures
    /// hold, with a record id and without, with a document date (relative
    /// dates resolved) and without, and for values that need escaping.
    #[test]
    fn claims_line_is_what_serde_writes() {
        let mut docs = fixtures();
        assert!(docs.len() > 20, "{} fixtures", docs.len());
        for t in [
            "He said \"up 5%\" on Friday, Sept. 14, 2022, from $3.5bn to $4bn.\tYesterday\u{1}it was 3\u{7f} kg; \\ 10-15 km.",
            "Les ventes: 12 500 €, soit 40 % de plus qu’en 2021 — 3½ tonnes, ~20 m², between 10 and 20 people.",
            "",
            "No figures here.",
        ] {
            docs.push((t.to_string(), InputFormat::Plain));
        }
        let day = jiff::civil::date(2022, 9, 15);
        let ids = [
            Some(serde_json::json!("a\"b\n")),
            Some(serde_json::json!(17)),
            None,
        ];
        let mut claims_seen = 0;
        // the numbers and pieces of context written as copies
        let (mut bounds_copied, mut steps_copied, mut context_copied) = (0, 0, 0);
        let mut all = String::new();
        for (text, format) in &docs {
            for date in [None, Some(day)] {
                let doc = Analysis::new(
                    text,
                    &Options {
                        format: *format,
                        date,
                    },
                );
                claims_seen += doc.claims.len();
                let reported: Vec<_> = doc.claims.iter().filter(|c| c.part_of.is_none()).collect();
                for c in &reported {
                    bounds_copied += [c.low, c.high, c.step]
                        .iter()
                        .filter(|x| c.value.map(f64::to_bits) == Some(x.to_bits()))
                        .count();
                }
                // a step not the claim's value, and the same as the last
                // such step of the line: written as a copy of that one
                let mut last_step = None;
                for c in reported.iter().filter(|c| c.date.is_none()) {
                    let step = Some(c.step.to_bits()).filter(|_| c.step.is_finite());
                    if step.is_none() || step == c.value.map(f64::to_bits) {
                        continue;
                    }
                    steps_copied += usize::from(step == last_step);
                    last_step = step;
                }
                for pair in reported.windows(2) {
                    let [a, b] = [&pair[0].context, &pair[1].context];
                    context_copied += usize::from(a.time.is_some() && a.time == b.time)
                        + usize::from(a.subject.is_some() && a.subject == b.subject)
                        + usize::from(a.source.is_some() && a.source == b.source)
                        + usize::from(b.source.is_some() && b.source == b.subject);
                }
                for id in &ids {
                    let path = "dir/a \"b\".md";
                    let mut want = Vec::new();
                    write_line(&mut want, &Answer::claims(id.as_ref(), path, claims(&doc)))
                        .expect("writes into a vector");
                    let mut got = Vec::new();
                    let id = id.clone().map(Id::from);
                    write_claims_line(&mut got, id.as_ref(), path, &doc)
                        .expect("writes into a vector");
                    let got = String::from_utf8(got).expect("JSON is UTF-8");
                    assert_eq!(got, String::from_utf8_lossy(&want), "in {text:?}");
                    all.push_str(&got);
                }
            }
        }
        assert!(claims_seen > 300, "{claims_seen} claims");
        assert!(bounds_copied > 100, "{bounds_copied} bounds copied");
        assert!(steps_copied > 100, "{steps_copied} steps copied");
        assert!(
            context_copied > 20,
            "{context_copied} pieces of context copied"
        );
        // every optional field was written somewhere, so each was compared
        for key in [
            "low", "high", "step", "measured", "date", "weekday", "resolved", "members", "time",
            "subject", "source",
        ] {
            assert!(all.contains(&format!("\"{key}\":")), "no {key:?} written");
        }
    }

    /// The hand-framed diagnostics line holds the same bytes as serde's
    /// derived serialiser writes, for the fixtures' diagnostics (every
    /// check that fires on them) and for documents without any, under ids
    /// of every JSON scalar, strings that need escaping among them, and
    /// under a path.
    #[test]
    fn diagnostics_line_is_what_serde_writes() {
        use super::{diagnostics, write_diagnostics_line};
        use crate::check::{RuleSet, run};
        use crate::render::Checked;
        let mut docs = fixtures();
        for t in ["", "No figures here.", "Revenue was $5 million in 2021."] {
            docs.push((t.to_string(), InputFormat::Plain));
        }
        let mut ids: Vec<serde_json::Value> = [
            "a\"b\n",
            "doc-17",
            "",
            "ünïcödé \u{1}\u{7f}\\",
            "a somewhat longer id, past a word",
        ]
        .map(serde_json::Value::from)
        .to_vec();
        ids.extend([
            serde_json::json!(17),
            serde_json::json!(-3),
            serde_json::json!(2.5),
            serde_json::json!(true),
            serde_json::Value::Null,
        ]);
        let (mut found, mut without) = (0, 0);
        let rules = RuleSet::all();
        for (text, format) in &docs {
            let doc = Analysis::new(
                text,
                &Options {
                    format: *format,
                    date: None,
                },
            );
            let checked = Checked::new("dir/a \"b\".md", text, run(&doc, &rules));
            found += checked.diagnostics.len();
            without += usize::from(checked.diagnostics.is_empty());
            for id in ids.iter().map(Some).chain([None]) {
                let mut want = Vec::new();
                let answer = Answer::diagnostics(id, checked.name, diagnostics(&checked));
                write_line(&mut want, &answer).expect("writes into a vector");
                let mut got = b"[".to_vec();
                let id = id.cloned().map(Id::from);
                write_diagnostics_line(&mut got, id.as_ref(), &checked)
                    .expect("writes into a vector");
                assert_eq!(
                    String::from_utf8_lossy(&got[1..]),
                    String::from_utf8_lossy(&want),
                    "in {text:?}"
                );
            }
        }
        assert!(
            found > 30 && without > 3,
            "{found} diagnostics, {without} without"
        );
    }
}
