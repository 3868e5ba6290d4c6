//! Line and column of a byte offset, as an editor shows them.
//!
//! Lines end at `\n` (a `\r` before it belongs to the line end, so CRLF files
//! count right); both numbers are 1-based and the column counts characters,
//! not bytes, so a tab or an accented letter is one column. A byte-order mark
//! at the start of the file is not a column.

/// Bytes per block of the character-count checkpoints.
const BLOCK: usize = 4096;

/// Where each line of a text starts.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Characters before each multiple of [`BLOCK`] bytes (plus one entry
    /// for the end), so a column costs at most one block's scan even on a
    /// 100 MB line: without them every column would rescan its whole line.
    chars_before_block: Vec<usize>,
    bom: usize,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let mut chars_before_block = Vec::with_capacity(text.len() / BLOCK + 2);
        let mut chars = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            chars_before_block.push(chars);
            chars += count_chars(block);
        }
        chars_before_block.push(chars);
        LineIndex {
            starts,
            chars_before_block,
            bom,
        }
    }

    /// Characters (counted as UTF-8 lead bytes) in `text[..offset]`.
    fn chars_before(&self, text: &[u8], offset: usize) -> usize {
        let block = offset / BLOCK;
        let base = self.chars_before_block.get(block).copied().unwrap_or(0);
        base + count_chars(&text[(block * BLOCK).min(offset)..offset])
    }

    /// The 1-based line and character column of byte `offset` in `text`
    /// (the text this index was built from). An offset inside a character
    /// counts as that character; one past the end is the column after it.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let mut start = self.starts[line];
        if line == 0 {
            start = start.max(self.bom.min(offset));
        }
        let bytes = text.as_bytes();
        // a line of up to a block is counted through once; only a longer
        // one goes to the checkpoints (counting from both blocks' starts,
        // a column cost two scans of up to a block: 11,600 instructions)
        let col = if offset - start <= BLOCK {
            count_chars(&bytes[start..offset])
        } else {
            self.chars_before(bytes, offset) - self.chars_before(bytes, start)
        };
        (line + 1, col + 1)
    }

    /// The byte range of 1-based `line`, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let i = line.saturating_sub(1).min(self.starts.len() - 1);
        let start = self.starts[i];
        let mut end = self.starts.get(i + 1).map_or(text.len(), |&e| e - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }
}

/// The UTF-8 lead bytes in `bytes`: one per character.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let t = "a\tb\n€5 and 6\r\nlast";
        let ix = LineIndex::new(t);
        assert_eq!(ix.line_col(t, 0), (1, 1));
        assert_eq!(ix.line_col(t, 2), (1, 3));
        // "€" is three bytes and one column
        let five = t.find('5').unwrap();
        assert_eq!(ix.line_col(t, five), (2, 2));
        let six = t.find('6').unwrap();
        assert_eq!(ix.line_col(t, six), (2, 8));
        assert_eq!(ix.line_col(t, t.find("last").unwrap()), (3, 1));
        assert_eq!(ix.line_span(t, 2), 4..t.find('\r').unwrap());
    }

    /// Every offset of texts glued from short and long lines (shorter and
    /// longer than a block, and across blocks), multibyte characters, CRLF
    /// and a byte-order mark has the line and column of a count from the
    /// text's start, whether the column is counted through its line at once
    /// or from the checkpoints.
    #[test]
    fn columns_are_counted_from_the_line_start() {
        let long = "a".repeat(BLOCK - 2);
        let pieces = [
            "a", "é", "€", "😀", "\n", "\r\n", "\t", " ", "\u{feff}", &long,
        ];
        let (mut direct, mut checkpoints) = (0, 0);
        for text in crate::testgen::glued(400, 12, &pieces, 0x2545_f491_4f6c_dd1d) {
            let ix = LineIndex::new(&text);
            let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
            let (mut line, mut start) = (1, 0);
            for offset in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                if offset > 0 && text.as_bytes()[offset - 1] == b'\n' {
                    (line, start) = (line + 1, offset);
                }
                let from = if line == 1 {
                    start.max(bom.min(offset))
                } else {
                    start
                };
                let col = text[from..offset].chars().count() + 1;
                assert_eq!(
                    ix.line_col(&text, offset),
                    (line, col),
                    "{offset} of {text:?}"
                );
                if offset - from <= BLOCK {
                    direct += 1;
                } else {
                    checkpoints += 1;
                }
            }
        }
        assert!(
            direct > 10_000 && checkpoints > 10_000,
            "{direct}, {checkpoints}"
        );
    }

    #[test]
    fn bom_is_not_a_column() {
        let t = "\u{feff}12 apples";
        let ix = LineIndex::new(t);
        assert_eq!(ix.line_col(t, 3), (1, 1));
        assert_eq!(ix.line_col(t, 6), (1, 4));
    }

    #[test]
    fn columns_are_right_across_blocks_of_a_long_line() {
        let t = format!("x\n{}€{}7", "a".repeat(BLOCK - 1), "é".repeat(BLOCK));
        let ix = LineIndex::new(&t);
        let seven = t.len() - 1;
        assert_eq!(ix.line_col(&t, seven), (2, 2 * BLOCK + 1));
        let euro = t.find('€').unwrap();
        assert_eq!(ix.line_col(&t, euro), (2, BLOCK));
        assert_eq!(ix.line_col(&t, t.len()), (2, 2 * BLOCK + 2));
    }
}
