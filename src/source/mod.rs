//! The source layer: turns a user's file into prose plus an offset map.
//!
//! Markup (Markdown code, front matter, link targets) is not prose. What is
//! prose is copied into one contiguous string, and an [`OffsetMap`] records
//! where every piece came from, so any span found in the prose maps back to
//! a byte range of the original file exactly once (house rule 4).
//! Plain text is its own prose and needs no copy, unless it holds
//! `figcheck:` directive lines, which are not prose either.
//!
//! Comments (HTML and Markdown `<!-- -->`, plain-text directive lines) are
//! not prose, but they are kept as [`Comment`] ranges: inline suppressions
//! ([`crate::suppress`]) are written in them.

pub mod html;
pub mod lines;
pub mod markdown;
pub mod offset;
pub mod sentence;

use memchr::memmem;
use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

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
    /// HTML: element text, less scripts, styles, code and metadata.
    Html,
}

impl InputFormat {
    /// The format a path's extension implies: `.md`, `.markdown`, `.mdx` are
    /// Markdown, `.html`, `.htm`, `.xhtml` are HTML, anything else is plain
    /// text.
    pub fn from_path(path: &Path) -> InputFormat {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd" | "mdx") => InputFormat::Markdown,
            Some("html" | "htm" | "xhtml") => InputFormat::Html,
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
    /// The source's comments, in order: where inline suppressions live.
    pub comments: Vec<Comment>,
}

/// A comment in the source, which is not prose but may hold a directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Source bytes of the whole comment: `<!-- ... -->`, or a plain-text
    /// directive line without its line ending.
    pub span: Span,
    /// Source bytes of its text: inside `<!--` and `-->`, or the whole line.
    pub body: Span,
}

/// Reads `source` as `format` and returns its prose.
pub fn prose(source: &str, format: InputFormat) -> Prose<'_> {
    match format {
        InputFormat::Plain => plain(source),
        InputFormat::Markdown => markdown::prose(source),
        InputFormat::Html => html::prose(source),
    }
}

/// What starts a plain-text directive line (after optional indentation).
const PLAIN_DIRECTIVE: &str = "figcheck:";

/// The search for [`PLAIN_DIRECTIVE`], built once: building it for every
/// source took 0.8 M instructions of a `check` run on 1,915 news records.
static DIRECTIVE_FINDER: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new(PLAIN_DIRECTIVE));

/// Plain text is its own prose, less a leading byte-order mark and any
/// `figcheck:` directive lines. A directive line's text is left out but its
/// line ending is kept, so the lines around it become separate paragraphs.
fn plain(source: &str) -> Prose<'_> {
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let comments = directive_lines(source, bom);
    if comments.is_empty() {
        return Prose {
            text: Cow::Borrowed(&source[bom..]),
            map: OffsetMap::shifted(bom),
            date: None,
            comments,
        };
    }
    let mut out = offset::ProseBuilder::new();
    let mut at = bom;
    for c in &comments {
        out.push_verbatim(&source[at..c.span.start], at);
        at = c.span.end;
    }
    out.push_verbatim(&source[at..], at);
    let (text, map) = out.finish();
    Prose {
        text: Cow::Owned(text),
        map,
        date: None,
        comments,
    }
}

/// The lines of `source` (from byte `from` on) that are directives: after
/// optional spaces or tabs, `figcheck:` and then a word starting `disable`
/// or `enable`. Other lines that happen to start `figcheck:` stay prose.
fn directive_lines(source: &str, from: usize) -> Vec<Comment> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    // A memchr-fast scan for the marker; the plain path stays a borrow when
    // there is none, which is nearly always.
    let finder = &*DIRECTIVE_FINDER;
    let mut search = from;
    while let Some(hit) = bytes.get(search..).and_then(|b| finder.find(b)) {
        let hit = search + hit;
        search = hit + PLAIN_DIRECTIVE.len();
        let line_start = memchr::memrchr(b'\n', &bytes[from..hit]).map_or(from, |i| from + i + 1);
        let line_end = memchr::memchr(b'\n', &bytes[hit..]).map_or(bytes.len(), |i| hit + i);
        let indent_only = bytes[line_start..hit]
            .iter()
            .all(|b| matches!(b, b' ' | b'\t'));
        let rest = source[search..line_end].trim_start_matches([' ', '\t']);
        if !indent_only || !(rest.starts_with("disable") || rest.starts_with("enable")) {
            continue;
        }
        let end = if bytes.get(line_end.wrapping_sub(1)) == Some(&b'\r') && line_end > hit {
            line_end - 1
        } else {
            line_end
        };
        out.push(Comment {
            span: line_start..end,
            body: hit..end,
        });
        search = line_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_extensions() {
        let f = |p: &str| InputFormat::from_path(Path::new(p));
        assert_eq!(f("a/b.HTML"), InputFormat::Html);
        assert_eq!(f("b.htm"), InputFormat::Html);
        assert_eq!(f("b.md"), InputFormat::Markdown);
        assert_eq!(f("b.txt"), InputFormat::Plain);
    }

    #[test]
    fn plain_directive_lines_are_comments_not_prose() {
        let src = "A rose.\r\n  figcheck: disable-next-line range-inverted\r\nB 9 to 4.";
        let p = plain(src);
        assert_eq!(p.text, "A rose.\r\n\r\nB 9 to 4.");
        assert_eq!(p.comments.len(), 1);
        let c = &p.comments[0];
        assert_eq!(
            &src[c.span.clone()],
            "  figcheck: disable-next-line range-inverted"
        );
        assert_eq!(
            &src[c.body.clone()],
            "figcheck: disable-next-line range-inverted"
        );
        let b = p.text.find('B').unwrap();
        assert_eq!(&src[p.map.to_source(b..b + 8)], "B 9 to 4");
    }

    #[test]
    fn prose_mentioning_figcheck_stays_prose() {
        for src in [
            "Run figcheck: disable nothing.",
            "figcheck: a linter.",
            "figcheck:",
            "\u{feff}figcheck:disable",
        ] {
            let p = plain(src);
            let want = src.strip_prefix('\u{feff}').unwrap_or(src);
            let directive = src.contains(":disable");
            assert_eq!(p.text.is_empty(), directive, "{src:?}");
            assert_eq!(p.text == want, !directive, "{src:?}");
        }
    }
}
