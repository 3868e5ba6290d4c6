//! The diagnostic type: what a check found, located in the user's file.
//!
//! Checks report in prose offsets; [`crate::check::run`] maps every label to
//! source bytes once, and from then on a [`Diagnostic`] speaks only of the
//! original file. Line and column are computed by renderers from a
//! [`crate::source::LineIndex`], never stored twice.

use serde::Serialize;

use crate::source::Span;

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// The lowercase name used in output and config.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One figure (or cue word) a diagnostic points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Byte range in the original file.
    pub span: Span,
    /// What this figure is in the finding ("current figure").
    pub message: String,
    /// The figure the finding is about; the others support it.
    pub primary: bool,
}

/// A finding of one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The check's name, kebab-case: `direction-contradicts-values`.
    pub code: &'static str,
    pub severity: Severity,
    /// Names the values in conflict.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// Every figure involved; the primary one first.
    pub labels: Vec<Label>,
}

impl Diagnostic {
    /// The byte offset the diagnostic is sorted and reported by: its primary
    /// label's start, or its first label's.
    pub fn offset(&self) -> usize {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or(self.labels.first())
            .map_or(0, |l| l.span.start)
    }
}
