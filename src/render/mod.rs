//! Renderers: one file per output format. Each writes a checked document
//! (or its claims) to a writer it is handed; nothing here decides what to
//! check or which exit code to use.

pub mod claims;
pub mod human;
pub mod json;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::LineIndex;

/// One document and what was found in it, ready to render.
#[derive(Debug)]
pub struct Checked<'a> {
    /// The name to show: a path, `-` for stdin, or a record id.
    pub name: &'a str,
    /// The original text.
    pub source: &'a str,
    pub lines: LineIndex,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Checked<'a> {
    /// Bundles a document's text and diagnostics for rendering.
    pub fn new(name: &'a str, source: &'a str, diagnostics: Vec<Diagnostic>) -> Checked<'a> {
        Checked {
            name,
            source,
            lines: LineIndex::new(source),
            diagnostics,
        }
    }
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
