//! Human output: miette's graphical report, one per diagnostic, pointing at
//! every figure involved in the user's own lines.

use std::fmt;
use std::io::{self, Write};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

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

/// One diagnostic, borrowed, with its file as miette wants it.
struct Report<'a> {
    d: &'a Diagnostic,
    src: &'a NamedSource<String>,
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
        Some(self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
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
    let src = NamedSource::new(doc.name, doc.source.to_string());
    let mut out = String::new();
    for d in &doc.diagnostics {
        out.clear();
        let report = Report { d, src: &src };
        handler
            .render_report(&mut out, &report)
            .map_err(|e| io::Error::other(e.to_string()))?;
        w.write_all(out.as_bytes())?;
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
