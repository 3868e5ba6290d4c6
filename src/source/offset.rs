//! Prose offsets → source offsets.
//!
//! Prose is built from pieces of the source: verbatim runs (a byte maps to a
//! byte), replaced runs (an escape or entity whose prose text differs from
//! its source text: any byte inside maps to the whole source run) and
//! separators the source layer inserts (paragraph breaks: they map to an
//! empty range where the boundary is). [`ProseBuilder`] builds the prose and
//! the map together, so the two cannot drift apart.

use std::ops::Range;

/// One run of prose and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    prose: usize,
    prose_len: usize,
    source: usize,
    source_len: usize,
    verbatim: bool,
}

/// Maps byte offsets in prose to byte offsets in the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// Added to every offset when `pieces` is empty (a skipped byte-order mark).
    shift: usize,
    /// Sorted by `prose`, contiguous in prose; empty means "identity plus shift".
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// The map of prose that is the source itself from byte `shift` on.
    pub fn shifted(shift: usize) -> OffsetMap {
        OffsetMap {
            shift,
            pieces: Vec::new(),
        }
    }

    /// The source byte range a prose byte range came from.
    ///
    /// An empty range maps to an empty range. A range that starts or ends
    /// inside a replaced run is widened to the whole run, so a label never
    /// points into the middle of `&amp;`.
    pub fn to_source(&self, range: Range<usize>) -> Range<usize> {
        if self.pieces.is_empty() {
            return range.start + self.shift..range.end + self.shift;
        }
        let start = self.map_start(range.start);
        if range.end <= range.start {
            return start..start;
        }
        let end = self.map_end(range.end).max(start);
        start..end
    }

    /// The source offset of a single prose offset (a position, not a byte).
    pub fn to_source_pos(&self, pos: usize) -> usize {
        self.to_source(pos..pos).start
    }

    fn piece_at(&self, pos: usize) -> &Piece {
        // the last piece starting at or before `pos`
        let i = self.pieces.partition_point(|p| p.prose <= pos);
        &self.pieces[i.saturating_sub(1)]
    }

    fn map_start(&self, pos: usize) -> usize {
        let p = self.piece_at(pos);
        let off = pos.saturating_sub(p.prose);
        if off >= p.prose_len {
            // past the end of the prose: the end of the last piece
            return p.source + p.source_len;
        }
        if p.verbatim { p.source + off } else { p.source }
    }

    fn map_end(&self, end: usize) -> usize {
        let p = self.piece_at(end - 1);
        let off = end - p.prose;
        if p.verbatim {
            p.source + off.min(p.source_len)
        } else {
            p.source + p.source_len
        }
    }
}

/// Builds prose text and its [`OffsetMap`] together.
#[derive(Debug, Default)]
pub struct ProseBuilder {
    text: String,
    pieces: Vec<Piece>,
}

impl ProseBuilder {
    /// An empty builder.
    pub fn new() -> ProseBuilder {
        ProseBuilder::default()
    }

    /// The prose so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends `text`, which is the source's bytes from `source_start` verbatim.
    pub fn push_verbatim(&mut self, text: &str, source_start: usize) {
        if text.is_empty() {
            return;
        }
        let prose = self.text.len();
        self.text.push_str(text);
        if let Some(last) = self.pieces.last_mut()
            && last.verbatim
            && last.prose + last.prose_len == prose
            && last.source + last.source_len == source_start
        {
            last.prose_len += text.len();
            last.source_len += text.len();
            return;
        }
        self.pieces.push(Piece {
            prose,
            prose_len: text.len(),
            source: source_start,
            source_len: text.len(),
            verbatim: true,
        });
    }

    /// Appends `text`, which stands for the source bytes `source` (an escape,
    /// an entity, a soft line break written as a space).
    pub fn push_replaced(&mut self, text: &str, source: Range<usize>) {
        if text.is_empty() {
            return;
        }
        self.pieces.push(Piece {
            prose: self.text.len(),
            prose_len: text.len(),
            source: source.start,
            source_len: source.end.saturating_sub(source.start),
            verbatim: false,
        });
        self.text.push_str(text);
    }

    /// Appends a separator that has no source text of its own (a paragraph
    /// break between blocks), placed at source offset `at`.
    pub fn push_separator(&mut self, text: &str, at: usize) {
        self.push_replaced(text, at..at);
    }

    /// The finished prose and map.
    pub fn finish(self) -> (String, OffsetMap) {
        (
            self.text,
            OffsetMap {
                shift: 0,
                pieces: self.pieces,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_with_shift() {
        let m = OffsetMap::shifted(3);
        assert_eq!(m.to_source(0..5), 3..8);
        assert_eq!(m.to_source_pos(2), 5);
    }

    #[test]
    fn verbatim_pieces_map_byte_for_byte() {
        // source: "# Title\n\nSome `code` text"
        let mut b = ProseBuilder::new();
        b.push_verbatim("Title", 2);
        b.push_separator("\n\n", 7);
        b.push_verbatim("Some ", 9);
        b.push_replaced("\u{fffc}", 14..20);
        b.push_verbatim(" text", 20);
        let (text, map) = b.finish();
        assert_eq!(text, "Title\n\nSome \u{fffc} text");
        assert_eq!(map.to_source(0..5), 2..7);
        assert_eq!(map.to_source(7..11), 9..13);
        // a span over the replaced piece covers all of it
        assert_eq!(map.to_source(12..15), 14..20);
        assert_eq!(map.to_source(16..20), 21..25);
        // the separator maps to its boundary
        assert_eq!(map.to_source(5..7), 7..7);
    }

    #[test]
    fn adjacent_verbatim_runs_merge() {
        let mut b = ProseBuilder::new();
        b.push_verbatim("ab", 0);
        b.push_verbatim("cd", 2);
        let (_, map) = b.finish();
        assert_eq!(map.pieces.len(), 1);
        assert_eq!(map.to_source(1..4), 1..4);
    }

    #[test]
    fn empty_range_stays_empty() {
        let mut b = ProseBuilder::new();
        b.push_verbatim("abc", 10);
        let (_, map) = b.finish();
        assert_eq!(map.to_source(2..2), 12..12);
        assert_eq!(map.to_source(3..3), 13..13);
    }
}
