//! The source layer: turns a user's file into prose plus an offset map.
//!
//! Markup (Markdown code, front matter, link targets) is not prose. What is
//! prose is copied into one contiguous string, and an [`OffsetMap`] records
//! where every piece came from, so any span found in the prose maps back to
//! a byte range of the original file exactly once (house rule 4).
//! Plain text is its own prose and needs no copy.

pub mod lines;
pub mod markdown;
pub mod offset;
pub mod sentence;

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

pub use lines::LineIndex;
pub use offset::OffsetMap;

/// A byte range. In prose or in the source file, as each use says.
pub type Span = Range<usize>;

/// How a source's bytes are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Plain text: every byte is prose.
    Plain,
    /// CommonMark with GitHub extensions and YAML/TOML front matter.
    Markdown,
}

impl InputFormat {
    /// The format a path's extension implies: `.md`, `.markdown`, `.mdx` are
    /// Markdown, anything else is plain text.
    pub fn from_path(path: &Path) -> InputFormat {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd" | "mdx") => InputFormat::Markdown,
            _ => InputFormat::Plain,
        }
    }
}

/// The prose of one source, with the way back to the source's bytes.
#[derive(Debug, Clone)]
pub struct Prose<'a> {
    /// The text that is prose. Paragraph and block boundaries appear as
    /// `"\n\n"` so that no sentence runs across them.
    pub text: Cow<'a, str>,
    /// Prose byte offsets → source byte offsets.
    pub map: OffsetMap,
    /// The document date from front matter (`date: 2022-09-15`), if any.
    pub date: Option<jiff::civil::Date>,
}

/// Reads `source` as `format` and returns its prose.
pub fn prose(source: &str, format: InputFormat) -> Prose<'_> {
    match format {
        InputFormat::Plain => plain(source),
        InputFormat::Markdown => markdown::prose(source),
    }
}

/// Plain text is its own prose, less a leading byte-order mark.
fn plain(source: &str) -> Prose<'_> {
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    Prose {
        text: Cow::Borrowed(&source[bom..]),
        map: OffsetMap::shifted(bom),
        date: None,
    }
}
