//! Placeholder sentence splitter. Replaced by the real segmenter.

use super::Span;

/// Splits prose into sentences: prose byte ranges, in order, trimmed of
/// surrounding white space.
pub fn split(prose: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in prose.char_indices() {
        if c == '.' || c == '\n' {
            if i > start {
                out.push(start..i + 1);
            }
            start = i + 1;
        }
    }
    if start < prose.len() {
        out.push(start..prose.len());
    }
    out
}
