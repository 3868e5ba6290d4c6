//! Renderers: one file per output format. Each writes checked documents (or
//! their claims) to a writer it is handed; nothing here decides what to check
//! or which exit code to use.
//!
//! Every diagnostic format implements [`Report`]: the driver hands it each
//! checked document in input order, then calls [`Report::finish`] once.
//! Streaming formats (human, concise, jsonl, github) write as each document
//! arrives; whole-run documents (json, sarif, rdjson, junit, checkstyle) keep
//! what they need of each document and write it all in `finish`. Either way
//! the output order is the input order, with diagnostics sorted by position
//! then code as [`crate::check::run`] returns them.

pub mod checkstyle;
pub mod claims;
pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod rdjson;
pub mod sarif;
pub mod statistics;
mod xml;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::source::{LineIndex, Span};

/// One document and what was found in it, ready to render.
#[derive(Debug)]
pub struct Checked<'a> {
    /// The name to show: a path, `-` for stdin, or a record id.
    pub name: &'a str,
    /// The original text.
    pub source: &'a str,
    /// Made on the first [`Checked::lines`] call: most documents of a
    /// batch have no diagnostic and need no line numbers.
    lines: OnceCell<LineIndex>,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Checked<'a> {
    /// Bundles a document's text and diagnostics for rendering.
    pub fn new(name: &'a str, source: &'a str, diagnostics: Vec<Diagnostic>) -> Checked<'a> {
        Checked {
            name,
            source,
            lines: OnceCell::new(),
            diagnostics,
        }
    }

    /// The line index of the source.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.source))
    }

    /// Where `span` is, as line and column pairs.
    pub fn locate(&self, span: &Span) -> Region {
        let (line, column) = self.lines().line_col(self.source, span.start);
        let (end_line, end_column) = self.lines().line_col(self.source, span.end);
        Region {
            line,
            column,
            end_line,
            end_column,
            start: span.start,
            end: span.end,
        }
    }

    /// Where `d` is reported: its primary label, or the start of the file
    /// for a diagnostic without labels.
    pub fn primary(&self, d: &Diagnostic) -> Region {
        match primary_label(d) {
            Some(l) => self.locate(&l.span),
            None => self.locate(&(0..0)),
        }
    }
}

/// The label a diagnostic is about: the primary one, else the first.
pub fn primary_label(d: &Diagnostic) -> Option<&Label> {
    primary_index(d).and_then(|i| d.labels.get(i))
}

/// The labels other than [`primary_label`], in order.
pub fn secondary_labels(d: &Diagnostic) -> impl Iterator<Item = &Label> {
    let primary = primary_index(d);
    d.labels
        .iter()
        .enumerate()
        .filter(move |(i, _)| Some(*i) != primary)
        .map(|(_, l)| l)
}

fn primary_index(d: &Diagnostic) -> Option<usize> {
    d.labels
        .iter()
        .position(|l| l.primary)
        .or((!d.labels.is_empty()).then_some(0))
}

/// A span located in its file: 1-based lines, 1-based character columns,
/// the end exclusive (the column after the last character), and the byte
/// offsets it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start: usize,
    pub end: usize,
}

/// Counts of diagnostics by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Tally {
    /// Adds `diagnostics` to the counts.
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// Every diagnostic counted.
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// "2 errors, 1 warning", or "no problems".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        for (n, one) in [
            (self.errors, "error"),
            (self.warnings, "warning"),
            (self.infos, "note"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {one}{}", if n == 1 { "" } else { "s" }));
            }
        }
        if parts.is_empty() {
            "no problems".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// What the driver knows at the end of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Documents checked.
    pub files: usize,
    /// Diagnostics reported, by severity.
    pub tally: Tally,
}

impl Totals {
    /// "figcheck: 1 error in 1 file", the human summary line.
    pub fn summary_line(&self) -> String {
        let n = self.files;
        format!(
            "figcheck: {} in {n} file{}",
            self.tally.summary(),
            if n == 1 { "" } else { "s" }
        )
    }
}

/// One output format for diagnostics.
pub trait Report {
    /// Takes one checked document; called in input order.
    ///
    /// # Errors
    /// Whatever the writer returns.
    fn file(&mut self, w: &mut dyn Write, doc: &Checked<'_>) -> io::Result<()>;

    /// Ends the run: whole-run formats write their document here.
    ///
    /// # Errors
    /// Whatever the writer returns.
    fn finish(&mut self, w: &mut dyn Write, totals: &Totals) -> io::Result<()>;
}

/// The path to show for a document name in formats that want paths relative
/// to the repository (SARIF, rdjson, GitHub annotations): a leading `./` is
/// dropped, an absolute path under the working directory is made relative,
/// and Windows separators become `/`.
pub fn relative_path(name: &str) -> Cow<'_, str> {
    let mut name = Cow::Borrowed(name);
    if std::path::Path::new(name.as_ref()).is_absolute()
        && let Ok(cwd) = std::env::current_dir()
        && let Ok(rest) = std::path::Path::new(name.as_ref()).strip_prefix(&cwd)
    {
        name = Cow::Owned(rest.to_string_lossy().into_owned());
    }
    if std::path::MAIN_SEPARATOR == '\\' && name.contains('\\') {
        name = Cow::Owned(name.replace('\\', "/"));
    }
    let mut s = name.as_ref();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest.trim_start_matches('/');
    }
    if s.len() == name.len() {
        name
    } else {
        Cow::Owned(s.to_string())
    }
}

/// The byte column (1-based) of `offset`, for formats that count columns in
/// UTF-8 bytes (rdjson). A byte-order mark is not a column, as in
/// [`LineIndex::line_col`].
pub fn byte_column(doc: &Checked<'_>, line: usize, offset: usize) -> usize {
    let mut start = doc.lines().line_span(doc.source, line).start;
    if line == 1 && doc.source.starts_with('\u{feff}') {
        start = start.max(3.min(offset));
    }
    offset.min(doc.source.len()).saturating_sub(start) + 1
}

/// A small document with findings, for the renderers' unit tests.
#[cfg(test)]
pub(crate) mod sample {
    use super::Checked;
    use crate::diagnostic::{Diagnostic, Label, Severity};

    /// Two findings on the second line of a short text: an error with a
    /// secondary label and a warning, in position order.
    pub(crate) fn doc() -> Checked<'static> {
        let text = "Title\nSales rose to $5 million from $9 million <&> in 2021.\n";
        let at = |s: &str| text.find(s).map(|i| i..i + s.len()).expect("in text");
        let label = |s: &str, message: &str, primary| Label {
            span: at(s),
            message: message.to_string(),
            primary,
        };
        Checked::new(
            "docs/a, b.md",
            text,
            vec![
                Diagnostic {
                    code: "direction-contradicts-values",
                    severity: Severity::Error,
                    message: "`$5 million` is less than `$9 million`".to_string(),
                    help: "Check both figures.".to_string(),
                    labels: vec![
                        label("$5 million", "current figure", true),
                        label("$9 million", "earlier figure", false),
                    ],
                },
                Diagnostic {
                    code: "range-inverted",
                    severity: Severity::Warning,
                    message: "a \"range\" <&> 100%".to_string(),
                    help: String::new(),
                    labels: vec![label("<&>", "", true)],
                },
            ],
        )
    }

    /// Renders `doc()` and an empty document with `report`.
    pub(crate) fn render(report: &mut dyn super::Report) -> String {
        let mut out = Vec::new();
        let doc = doc();
        let clean = Checked::new("clean.md", "Nothing.", Vec::new());
        report.file(&mut out, &doc).expect("in memory");
        report.file(&mut out, &clean).expect("in memory");
        let mut totals = super::Totals {
            files: 2,
            ..Default::default()
        };
        totals.tally.add(&doc.diagnostics);
        report.finish(&mut out, &totals).expect("in memory");
        String::from_utf8(out).expect("UTF-8")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_drop_dot_slash() {
        assert_eq!(relative_path("./docs/a.md"), "docs/a.md");
        assert_eq!(relative_path(".//a.md"), "a.md");
        assert_eq!(relative_path("docs/a.md"), "docs/a.md");
        assert_eq!(relative_path("-"), "-");
        let cwd = std::env::current_dir().unwrap();
        let abs = cwd.join("x").join("y.md");
        assert_eq!(relative_path(&abs.to_string_lossy()), "x/y.md");
    }

    #[test]
    fn byte_columns_count_utf8_bytes() {
        let text = "a€b\n\u{feff}x";
        let doc = Checked::new("t", text, Vec::new());
        assert_eq!(byte_column(&doc, 1, 0), 1);
        assert_eq!(byte_column(&doc, 1, 4), 5);
        let bom = Checked::new("t", "\u{feff}ab", Vec::new());
        assert_eq!(byte_column(&bom, 1, 4), 2);
    }

    #[test]
    fn secondary_labels_skip_the_primary_only() {
        let label = |start, primary| Label {
            span: start..start + 1,
            message: String::new(),
            primary,
        };
        let d = Diagnostic {
            code: "x",
            severity: Severity::Error,
            message: String::new(),
            help: String::new(),
            labels: vec![label(5, false), label(1, true), label(9, false)],
        };
        assert_eq!(primary_label(&d).unwrap().span, 1..2);
        let rest: Vec<_> = secondary_labels(&d).map(|l| l.span.start).collect();
        assert_eq!(rest, [5, 9]);
    }
}
