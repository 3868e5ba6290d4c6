//! JSON and JSONL: the machine-readable forms of diagnostics and claims.
//!
//! The shapes are documented in the README and read by the shared scorers:
//! a diagnostic is `{"code", "severity", "message", "help", "labels":
//! [{"start", "end", "line", "column", "text", "message", "primary"}]}` with
//! UTF-8 byte offsets into the original text and 1-based line and character
//! column.

use std::io::{self, Write};

use serde::Serialize;

use super::{Checked, Report, Totals};
use crate::analysis::Analysis;
use crate::diagnostic::Diagnostic;
use crate::extract::{Claim, ClaimKind};

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
    fn new(doc: &'a Analysis<'a>, span: &crate::source::Span) -> SpanJson<'a> {
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

/// The ISO 8601 text of the parts of a date that are written:
/// `2022-09-15`, `2022-09`, `--09-15`, `2022`, and with `month_alone` a
/// month alone, `--09`; `None` for any other parts. The digits are written
/// by hand where they fit the widths (a year from 0 to 9999, a month or
/// day below 100), as `format!("{y:04}-{m:02}-{d:02}")` writes them: the
/// formatting machinery cost about 750 instructions a date, 30 M of a
/// claims run over the news corpus.
fn iso_date(y: Option<i32>, m: Option<u8>, d: Option<u8>, month_alone: bool) -> Option<String> {
    let mut s = String::with_capacity(10);
    match (y, m, d) {
        (Some(y), Some(m), Some(d)) => {
            iso_year(&mut s, y);
            s.push('-');
            iso_two(&mut s, m);
            s.push('-');
            iso_two(&mut s, d);
        }
        (Some(y), Some(m), None) => {
            iso_year(&mut s, y);
            s.push('-');
            iso_two(&mut s, m);
        }
        (None, Some(m), Some(d)) => {
            s.push_str("--");
            iso_two(&mut s, m);
            s.push('-');
            iso_two(&mut s, d);
        }
        (None, Some(m), None) if month_alone => {
            s.push_str("--");
            iso_two(&mut s, m);
        }
        (Some(y), None, _) => iso_year(&mut s, y),
        _ => return None,
    }
    Some(s)
}

/// `y` as `{y:04}` writes it.
fn iso_year(s: &mut String, y: i32) {
    match u32::try_from(y) {
        Ok(y @ 0..=9999) => {
            for place in [1000, 100, 10, 1] {
                s.push(digit(y / place % 10));
            }
        }
        _ => {
            use std::fmt::Write as _;
            // writing into a `String` does not fail
            let _ = write!(s, "{y:04}");
        }
    }
}

/// `v` as `{v:02}` writes it.
fn iso_two(s: &mut String, v: u8) {
    if v < 100 {
        s.push(digit(u32::from(v / 10)));
        s.push(digit(u32::from(v % 10)));
    } else {
        use std::fmt::Write as _;
        let _ = write!(s, "{v:02}");
    }
}

/// The decimal digit `n` (0 to 9).
fn digit(n: u32) -> char {
    char::from_digit(n, 10).unwrap_or('0')
}

/// Finite numbers only: JSON has no infinity.
fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

impl<'a> ClaimJson<'a> {
    /// The JSON form of `claim` in `doc`.
    pub fn new(doc: &'a Analysis<'a>, claim: &'a Claim) -> ClaimJson<'a> {
        let span = doc.to_source(&claim.span);
        let dated = claim.date.is_some();
        let date = claim
            .date
            .as_ref()
            .and_then(|d| iso_date(d.year, d.month, d.day, false));
        // a period between two dates: "2022-05/2022-07"
        let date = date.or_else(|| {
            let (a, b) = claim.range.filter(|_| claim.kind == ClaimKind::DateRange)?;
            let iso = |id: usize| {
                let d = doc.claims.get(id)?.date?;
                iso_date(d.year, d.month, d.day, true)
            };
            let (mut a, b) = (iso(a)?, iso(b)?);
            a.push('/');
            a.push_str(&b);
            Some(a)
        });
        let weekday = claim
            .date
            .as_ref()
            .and_then(|d| d.weekday)
            .and_then(|w| WEEKDAYS.get(usize::from(w.day).wrapping_sub(1)).copied());
        let resolved = claim
            .date
            .as_ref()
            .and_then(|d| d.relative)
            .zip(doc.date)
            .and_then(|(r, day)| crate::extract::date::resolve(&r, day))
            .map(|(first, last)| crate::extract::date::format_period(first, last));
        let members = claim.range.map(|(a, b)| {
            [
                doc.claims.get(a).and_then(|c| c.value),
                doc.claims.get(b).and_then(|c| c.value),
            ]
        });
        // a range is reported as what its ends are ("10-15 kg" is a
        // quantity, "between 10 and 15" a number), marked by `members`
        let kind = match claim.range {
            Some((a, _)) if claim.kind == ClaimKind::Range => {
                doc.claims.get(a).map_or(claim.kind, |c| c.kind)
            }
            _ => claim.kind,
        };
        ClaimJson {
            start: span.start,
            end: span.end,
            text: doc.source.get(span).unwrap_or(""),
            kind,
            value: claim.value.and_then(finite),
            unit: claim.unit,
            approx: claim.approx.as_ref().map(|a| a.phrase),
            low: if dated { None } else { finite(claim.low) },
            high: if dated { None } else { finite(claim.high) },
            step: if dated { None } else { finite(claim.step) },
            measured: claim.measured.as_ref().map(|s| doc.slice(s)),
            date,
            weekday,
            resolved,
            members,
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
/// serialising [`Answer::claims`] of [`claims`] writes it.
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
    id: Option<&serde_json::Value>,
    path: &str,
    doc: &Analysis<'_>,
) -> io::Result<()> {
    match id {
        Some(id) => {
            out.extend_from_slice(b"{\"id\":");
            value(out, id)?;
        }
        None => {
            out.extend_from_slice(b"{\"path\":");
            string(out, path)?;
        }
    }
    out.extend_from_slice(b",\"claims\":[");
    let mut first = true;
    for c in doc.claims.iter().filter(|c| c.part_of.is_none()) {
        if !first {
            out.push(b',');
        }
        first = false;
        write_claim(out, &ClaimJson::new(doc, c))?;
    }
    out.extend_from_slice(b"]}\n");
    Ok(())
}

/// One value as `serde_json` writes it.
fn value<T: Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, v).map_err(io::Error::from)
}

/// A string as `serde_json` writes it: in quotes, with `"`, `\\` and the
/// control characters below U+0020 escaped, and nothing else. A string
/// holding none of them (almost every claim's text, unit and context) is
/// copied as it is; any other goes through `serde_json`. The test
/// `strings_and_integers_are_written_as_serde_writes_them` holds this to
/// its bytes.
#[inline]
fn string(out: &mut Vec<u8>, s: &str) -> io::Result<()> {
    if needs_escape(s.as_bytes()) {
        return value(out, s);
    }
    out.reserve(s.len() + 2);
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
    Ok(())
}

/// True when `s` holds a byte JSON escapes: `"`, `\\` or a control
/// character below U+0020. Eight bytes are tested at a time: a byte loop
/// with an early exit was most of [`string`]'s cost (11 M instructions of
/// a claims run on 5.6 MB of news).
fn needs_escape(s: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // the high bit of some byte is set exactly when a byte of `w` is
    // below `n` (at most 0x80): a borrow only ever marks bytes above a
    // byte that is below `n`
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    let escaped = |w: u64| {
        below(w, 0x20)
            | below(w ^ (ONES * u64::from(b'"')), 1)
            | below(w ^ (ONES * u64::from(b'\\')), 1)
            != 0
    };
    let mut chunks = s.chunks_exact(8);
    // a chunk is always eight bytes; a zero word would only send the
    // string the slow, exact way
    if chunks.any(|c| escaped(c.try_into().map_or(0, u64::from_le_bytes))) {
        return true;
    }
    // the last bytes, padded with a letter
    let rest = chunks.remainder();
    let mut last = [b'a'; 8];
    last[..rest.len()].copy_from_slice(rest);
    escaped(u64::from_le_bytes(last))
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

/// An offset as `serde_json` writes it, which formats integers with the
/// same `itoa`.
#[inline]
fn integer(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
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
            out.extend_from_slice(itoa::Buffer::new().format(x as i64).as_bytes());
            out.extend_from_slice(b".0");
            Ok(())
        }
        x => value(out, &x),
    }
}

/// A [`ClaimJson`] as its derived `Serialize` writes it: the fields in
/// declaration order, the optional ones left out when `None`. Each key is
/// written with its punctuation as one literal.
fn write_claim(out: &mut Vec<u8>, c: &ClaimJson<'_>) -> io::Result<()> {
    open_span(out, c.start, c.end, c.text)?;
    // a kind's name is lowercase letters: nothing to escape
    out.extend_from_slice(b",\"kind\":\"");
    out.extend_from_slice(c.kind.as_str().as_bytes());
    out.push(b'"');
    out.extend_from_slice(b",\"value\":");
    number(out, c.value)?;
    out.extend_from_slice(b",\"unit\":");
    optional_string(out, c.unit)?;
    out.extend_from_slice(b",\"approx\":");
    optional_string(out, c.approx)?;
    for (key, x) in [
        (&b",\"low\":"[..], c.low),
        (b",\"high\":", c.high),
        (b",\"step\":", c.step),
    ] {
        if x.is_some() {
            out.extend_from_slice(key);
            number(out, x)?;
        }
    }
    some_string(out, b",\"measured\":", c.measured)?;
    some_string(out, b",\"date\":", c.date.as_deref())?;
    some_string(out, b",\"weekday\":", c.weekday)?;
    some_string(out, b",\"resolved\":", c.resolved.as_deref())?;
    if let Some([a, b]) = c.members {
        out.extend_from_slice(b",\"members\":[");
        number(out, a)?;
        out.push(b',');
        number(out, b)?;
        out.push(b']');
    }
    for (key, span) in [
        (&b",\"time\":"[..], &c.time),
        (b",\"subject\":", &c.subject),
        (b",\"source\":", &c.source),
    ] {
        if let Some(span) = span {
            out.extend_from_slice(key);
            write_span(out, span)?;
        }
    }
    out.push(b'}');
    Ok(())
}

/// A [`SpanJson`] as its derived `Serialize` writes it: the keys as
/// literal bytes, as in [`write_claim`] (a claim has up to three spans).
fn write_span(out: &mut Vec<u8>, s: &SpanJson<'_>) -> io::Result<()> {
    open_span(out, s.start, s.end, s.text)?;
    out.push(b'}');
    Ok(())
}

/// `{"start":…,"end":…,"text":…`, the fields a claim and a span open with.
fn open_span(out: &mut Vec<u8>, start: usize, end: usize, text: &str) -> io::Result<()> {
    out.extend_from_slice(b"{\"start\":");
    integer(out, start);
    out.extend_from_slice(b",\"end\":");
    integer(out, end);
    out.extend_from_slice(b",\"text\":");
    string(out, text)
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
/// its claims or diagnostics. Serialised straight from the borrowed
/// records, as a `serde_json::Value` tree would cost more than the
/// analysis on a claims run.
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

/// `--format jsonl`: `{"path", "diagnostics"}`, one line per document as it
/// is checked.
#[derive(Debug, Default)]
pub struct Jsonl;

impl Report for Jsonl {
    fn file(&mut self, w: &mut dyn Write, doc: &Checked<'_>) -> io::Result<()> {
        write_line(w, &Answer::diagnostics(None, doc.name, diagnostics(doc)))
    }

    fn finish(&mut self, _: &mut dyn Write, _: &Totals) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{Answer, claims, write_claims_line, write_line};
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

    /// Strings glued from every byte class `serde_json` treats apart (the
    /// control characters, quote, backslash, DEL, ASCII, characters beyond
    /// ASCII) and offsets across every length of digits are written as
    /// `serde_json` writes them.
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
                        assert_eq!(
                            super::iso_date(y, m, d, alone),
                            reference(y, m, d, alone),
                            "{y:?} {m:?} {d:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn escapes_are_found_as_a_byte_loop_finds_them() {
        for len in 0..=19 {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut s = vec![b'x'; len];
                    s[at] = b;
                    let want = s.iter().any(|&c| c < 0x20 || c == b'"' || c == b'\\');
                    assert_eq!(super::needs_escape(&s), want, "{s:?}");
                }
            }
        }
        assert!(!super::needs_escape(b""));
        assert!(!super::needs_escape(
            "caf\u{e9} \u{2014} 10\u{a0}%".as_bytes()
        ));
    }

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
                for id in &ids {
                    let path = "dir/a \"b\".md";
                    let mut want = Vec::new();
                    write_line(&mut want, &Answer::claims(id.as_ref(), path, claims(&doc)))
                        .expect("writes into a vector");
                    let mut got = Vec::new();
                    write_claims_line(&mut got, id.as_ref(), path, &doc)
                        .expect("writes into a vector");
                    let got = String::from_utf8(got).expect("JSON is UTF-8");
                    assert_eq!(got, String::from_utf8_lossy(&want), "in {text:?}");
                    all.push_str(&got);
                }
            }
        }
        assert!(claims_seen > 300, "{claims_seen} claims");
        // every optional field was written somewhere, so each was compared
        for key in [
            "low", "high", "step", "measured", "date", "weekday", "resolved", "members", "time",
            "subject", "source",
        ] {
            assert!(all.contains(&format!("\"{key}\":")), "no {key:?} written");
        }
    }
}
