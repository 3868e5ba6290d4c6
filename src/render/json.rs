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

/// A claim as JSON: offsets in the original text.
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
            .and_then(|d| match (d.year, d.month, d.day) {
                (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
                (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
                (None, Some(m), Some(d)) => Some(format!("--{m:02}-{d:02}")),
                (Some(y), None, _) => Some(format!("{y:04}")),
                _ => None,
            });
        // a period between two dates: "2022-05/2022-07"
        let date = date.or_else(|| {
            let (a, b) = claim.range.filter(|_| claim.kind == ClaimKind::DateRange)?;
            let iso = |id: usize| {
                let d = doc.claims.get(id)?.date?;
                Some(match (d.year, d.month, d.day) {
                    (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
                    (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
                    (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
                    (None, Some(m), None) => format!("--{m:02}"),
                    (Some(y), None, _) => format!("{y:04}"),
                    _ => return None,
                })
            };
            Some(format!("{}/{}", iso(a)?, iso(b)?))
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
    doc.claims
        .iter()
        .filter(|c| c.part_of.is_none())
        .map(|c| ClaimJson::new(doc, c))
        .collect()
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
