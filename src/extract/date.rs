//! Placeholder for the date parser, which another change provides: the
//! scanner asks it first at every candidate, so dates win over numbers.
//! This version finds no date.

use super::{ClaimKind, DateParts};
use crate::source::Span;

/// A date found at a candidate start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DateMatch {
    /// Prose byte offset after the date.
    pub end: usize,
    /// `Date`, `DateRange` or `Year`.
    pub kind: ClaimKind,
    pub parts: DateParts,
}

/// The date starting at `start` in `sentence`, if any.
pub(crate) fn parse_at(text: &str, sentence: Span, start: usize) -> Option<DateMatch> {
    let _ = (text, sentence, start);
    None
}
