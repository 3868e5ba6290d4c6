//! Human output: miette's graphical report, one per diagnostic, pointing at
//! every figure involved in the user's own lines.
//!
//! miette is handed a window of the file around each diagnostic, not the
//! file: it scans its source from the first byte on every lookup (quadratic
//! on a big file with many findings) and cannot draw columns past 65,535.
//! On long lines the window is cut to the labels and a margin.

use std::fmt;
use std::io::{self, Write};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use super::{Checked, Totals};
use crate::diagnostic::{Diagnostic, Severity};

/// How to draw reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours (a terminal, and `NO_COLOR` unset).
    pub color: bool,
    /// Line width to wrap messages at.
    pub width: usize,
}

impl Default for Style {
    fn default() -> Style {
        Style {
            color: false,
            width: 80,
        }
    }
}

/// One diagnostic, borrowed, with the window of its file miette reads.
struct Report<'a> {
    d: &'a Diagnostic,
    src: Option<Window<'a>>,
}

/// Bytes kept either side of the labels when a line is cut.
const MARGIN: usize = 160;
/// A line longer than this is cut around the labels.
const LONG_LINE: usize = 1_000;
/// A window wider than this is not drawn at all (miette's columns stop at
/// 65,535, and nobody reads such a snippet).
const MAX_WINDOW: usize = 16_000;

/// The part of a file a report shows: whole lines around its labels (one
/// line of context each side, as miette draws), or on a long line the
/// labels and a margin. Positions stay those of the file.
#[derive(Debug, Clone, Copy)]
struct Window<'a> {
    name: &'a str,
    text: &'a str,
    /// File byte range of the window.
    start: usize,
    end: usize,
    /// 0-based line of `start`, and its byte column (miette counts bytes).
    line: usize,
    column: usize,
}

impl<'a> Window<'a> {
    /// The window for labels covering file bytes `lo..hi` of `doc`, or
    /// `None` when it would be too wide to draw.
    fn around(doc: &Checked<'a>, lo: usize, hi: usize) -> Option<Window<'a>> {
        let text = doc.source;
        let lines = doc.lines();
        let line_of = |at: usize| lines.line_col(text, at).0;
        let (first, last) = (line_of(lo), line_of(hi));
        let first_ctx = first.saturating_sub(1).max(1);
        let mut start = lines.line_span(text, first_ctx).start;
        // the context line with its line end, so that miette draws it even
        // when it is blank
        let mut end = lines.line_span(text, last + 2).start.max(hi);
        if last + 1 >= lines.line_col(text, text.len()).0 {
            end = text.len();
        }
        if (first_ctx..=last + 1).any(|l| lines.line_span(text, l).len() > LONG_LINE) {
            start = floor_char(
                text,
                lo.saturating_sub(MARGIN)
                    .max(lines.line_span(text, first).start),
            );
            end = ceil_char(text, (hi + MARGIN).min(lines.line_span(text, last).end));
        }
        if end.saturating_sub(start) > MAX_WINDOW {
            return None;
        }
        let line = line_of(start) - 1;
        let column = start - lines.line_span(text, line + 1).start;
        Some(Window {
            name: doc.name,
            text,
            start,
            end,
            line,
            column,
        })
    }
}

/// The nearest character boundary at or before `at`.
fn floor_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest character boundary at or after `at`.
fn ceil_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

impl SourceCode for Window<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        if span.offset() < self.start || span.offset() + span.len() > self.end {
            return Err(MietteError::OutOfBounds);
        }
        let bytes = &self.text.as_bytes()[self.start..self.end];
        let local = SourceSpan::new((span.offset() - self.start).into(), span.len());
        let inner = bytes.read_span(&local, before, after)?;
        let column = if inner.line() == 0 {
            inner.column() + self.column
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            SourceSpan::new(
                (inner.span().offset() + self.start).into(),
                inner.span().len(),
            ),
            inner.line() + self.line,
            column,
            // as miette counts it on a whole file: lines from its start
            inner.line_count() + self.line,
        )))
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.d, f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.d.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        (!self.d.help.is_empty()).then(|| Box::new(&self.d.help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.src.as_ref().map(|w| w as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.src.as_ref()?;
        Some(Box::new(self.d.labels.iter().map(|l| {
            let span = (l.span.start, l.span.end - l.span.start);
            if l.primary {
                LabeledSpan::new_primary_with_span(Some(l.message.clone()), span)
            } else {
                LabeledSpan::new_with_span(Some(l.message.clone()), span)
            }
        })))
    }
}

/// Writes every diagnostic of `doc` as a miette report.
///
/// # Errors
/// Whatever the writer returns.
pub fn write(w: &mut dyn Write, doc: &Checked<'_>, style: Style) -> io::Result<()> {
    if doc.diagnostics.is_empty() {
        return Ok(());
    }
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false);
    let mut out = String::new();
    for d in &doc.diagnostics {
        out.clear();
        let lo = d.labels.iter().map(|l| l.span.start).min().unwrap_or(0);
        let hi = d.labels.iter().map(|l| l.span.end).max().unwrap_or(0);
        let src = Window::around(doc, lo, hi);
        let report = Report { d, src };
        handler
            .render_report(&mut out, &report)
            .map_err(|e| io::Error::other(e.to_string()))?;
        w.write_all(out.as_bytes())?;
        if src.is_none() {
            // too wide to draw: say where instead
            let (line, col) = doc.lines().line_col(doc.source, d.offset());
            writeln!(
                w,
                "  at {}:{line}:{col} (the figures are too far apart to show)",
                doc.name
            )?;
        }
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// `--format human`: miette reports as each document is checked, then a
/// one-line summary.
#[derive(Debug, Default)]
pub struct Human {
    pub style: Style,
}

impl super::Report for Human {
    fn file(&mut self, w: &mut dyn Write, doc: &Checked<'_>) -> io::Result<()> {
        write(w, doc, self.style)
    }

    fn finish(&mut self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        writeln!(w, "{}", totals.summary_line())
    }
}
