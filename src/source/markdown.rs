//! Markdown → prose: what a reader reads, with an exact way back to the file.
//!
//! pulldown-cmark does the parsing; this module decides what is prose. Text
//! events are prose (verbatim where the event's text is the source's bytes,
//! replaced where an escape or entity made them differ), and so is link text.
//! Code (blocks and spans), HTML, link and image targets, image alt text,
//! footnote markers, struck-out text and front matter are not: a code span
//! becomes one U+FFFC so its sentence stays whole without its contents ever
//! being read as figures. Every block boundary (an HTML block tag such as
//! `<p>` included) becomes `"\n\n"` so no sentence runs from one block into
//! the next; soft and hard line breaks and `<br>` become a space mapped to
//! the break. Front matter is read only for its `date` key. HTML comments
//! are kept aside as [`Comment`]s: inline suppressions live in them.

use super::offset::ProseBuilder;
use super::{Comment, Prose};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::ops::Range;

/// What an inline code span stands for in prose: one "object" the sentence
/// splitter and the extractor both step over.
const CODE: &str = "\u{FFFC}";

/// The separator between blocks.
const BLOCK_BREAK: &str = "\n\n";

/// Reads Markdown `source` and returns its prose.
pub fn prose(source: &str) -> Prose<'_> {
    // pulldown-cmark reads a byte-order mark as text (and so misses a heading
    // on the first line): parse without it and shift every offset back.
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &source[bom..];
    let mut reader = Reader {
        source,
        out: ProseBuilder::new(),
        pending_break: None,
        skip: 0,
        in_metadata: false,
        date: None,
        metadata: String::new(),
        seen_metadata: false,
        links: Vec::new(),
        comments: Vec::new(),
        comment_end: 0,
    };
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        reader.event(event, range.start + bom..range.end + bom);
    }
    let (text, map) = reader.out.finish();
    Prose {
        text: Cow::Owned(text),
        map,
        date: reader.date,
        comments: reader.comments,
    }
}

/// The Markdown dialect: CommonMark plus the GitHub extensions prose files
/// use, front matter in either style, and no smart punctuation (it would
/// rewrite the user's quotes, so prose would no longer be their bytes).
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
}

/// The state of one pass over the events.
struct Reader<'s> {
    source: &'s str,
    out: ProseBuilder,
    /// A block boundary seen since the last prose, at this source offset.
    /// Written lazily so prose neither starts nor ends with a separator and
    /// nested blocks give one separator, not several.
    pending_break: Option<usize>,
    /// Depth of elements whose text is not prose (code blocks, HTML blocks,
    /// images, autolinks); text is skipped while it is above zero.
    skip: usize,
    in_metadata: bool,
    /// The first front-matter block's text, gathered until its end.
    metadata: String,
    seen_metadata: bool,
    date: Option<jiff::civil::Date>,
    /// For each open link, whether it raised `skip`.
    links: Vec<bool>,
    /// The HTML comments seen, in order.
    comments: Vec<Comment>,
    /// Where the last comment ended: an HTML block arrives line by line, and
    /// the lines after a comment's first are inside the comment already read.
    comment_end: usize,
}

impl Reader<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(text) => {
                if self.in_metadata {
                    // CRLF front matter arrives in several events.
                    if !self.seen_metadata {
                        self.metadata.push_str(&text);
                    }
                } else if self.skip == 0 {
                    self.text(&text, range);
                }
            }
            Event::Code(_) => {
                if self.skip == 0 {
                    self.flush_break();
                    self.out.push_replaced(CODE, range);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if self.skip == 0 {
                    self.flush_break();
                    self.out.push_replaced(" ", range);
                }
            }
            Event::Rule => self.block_break(range.start),
            // Inline HTML is markup, but a line or block tag still separates
            // the words around it: "5<br>6" is not "56".
            Event::InlineHtml(html) => match html_tag(&html) {
                _ if html.starts_with("<!--") => self.html_comments(range),
                HtmlTag::Break if self.skip == 0 => {
                    self.flush_break();
                    self.out.push_replaced(" ", range);
                }
                HtmlTag::Block => self.block_break(range.start),
                _ => {}
            },
            // Not prose: markup, a footnote's marker, a checkbox, math (off).
            Event::Html(_) => self.html_comments(range),
            Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::CodeBlock(_) | Tag::HtmlBlock => {
                self.block_break(range.start);
                self.skip += 1;
            }
            Tag::MetadataBlock(_) => {
                self.block_break(range.start);
                self.in_metadata = true;
            }
            // Alt text describes a picture, it is not the writer's prose; an
            // autolink's text is its URL.
            Tag::Image { .. } => self.skip += 1,
            Tag::Link { link_type, .. } => {
                let url = matches!(link_type, LinkType::Autolink | LinkType::Email);
                self.skip += usize::from(url);
                self.links.push(url);
            }
            // Struck-out text is what the writer withdrew ("~~15%~~ 20%"):
            // checking it against the rest would flag a correction.
            Tag::Strikethrough => self.skip += 1,
            Tag::Emphasis | Tag::Strong | Tag::Superscript | Tag::Subscript => {}
            Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell => self.block_break(range.start),
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                self.skip = self.skip.saturating_sub(1);
                self.block_break(range.end);
            }
            TagEnd::MetadataBlock(_) => {
                if !self.seen_metadata {
                    self.date = front_matter_date(&self.metadata);
                }
                self.in_metadata = false;
                self.seen_metadata = true;
                self.block_break(range.end);
            }
            TagEnd::Image => self.skip = self.skip.saturating_sub(1),
            TagEnd::Link => {
                if self.links.pop() == Some(true) {
                    self.skip = self.skip.saturating_sub(1);
                }
            }
            TagEnd::Strikethrough => self.skip = self.skip.saturating_sub(1),
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Superscript | TagEnd::Subscript => {}
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell => self.block_break(range.end),
        }
    }

    /// Records the comments that start in the HTML at `range`. A comment
    /// runs to its `-->` even past the range (a block comment's later
    /// lines), or to the end of the file when it is never closed.
    fn html_comments(&mut self, range: Range<usize>) {
        let mut at = range.start.max(self.comment_end);
        while let Some(open) = self
            .source
            .get(at..range.end)
            .and_then(|html| html.find("<!--"))
        {
            let body = at + open + "<!--".len();
            let rest = &self.source[body..];
            // `<!-->` and `<!--->` are complete, empty comments.
            let (body_end, end) = if rest.starts_with('>') {
                (body, body + 1)
            } else if rest.starts_with("->") {
                (body, body + 2)
            } else {
                rest.find("-->")
                    .map_or((self.source.len(), self.source.len()), |i| {
                        (body + i, body + i + "-->".len())
                    })
            };
            self.comments.push(Comment {
                span: at + open..end,
                body: body..body_end,
            });
            at = end;
            self.comment_end = end;
        }
    }

    fn block_break(&mut self, at: usize) {
        if self.pending_break.is_none() && !self.out.text().is_empty() {
            self.pending_break = Some(at);
        }
    }

    fn flush_break(&mut self) {
        if let Some(at) = self.pending_break.take() {
            self.out.push_separator(BLOCK_BREAK, at);
        }
    }

    /// Appends a text event: verbatim where it is the source's bytes,
    /// else (an entity, an escape) one replaced piece for its whole range.
    /// pulldown-cmark gives each entity its own event, so a replaced piece
    /// stays small.
    fn text(&mut self, text: &str, range: Range<usize>) {
        if text.is_empty() {
            return;
        }
        self.flush_break();
        match self.source.get(range.clone()) {
            Some(src) if src == text => self.out.push_verbatim(text, range.start),
            Some(_) => self.out.push_replaced(text, range),
            // Offsets outside the source would be a parser bug: keep the
            // prose, pointing at where the last piece ended.
            None => {
                let at = range.start.min(self.source.len());
                let at = (0..=at)
                    .rev()
                    .find(|&i| self.source.is_char_boundary(i))
                    .unwrap_or(0);
                self.out.push_replaced(text, at..at);
            }
        }
    }
}

/// What an inline HTML tag does to the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HtmlTag {
    /// `<br>`: a line break, read as a space.
    Break,
    /// `<p>`, `<div>`, `<li>`...: a block boundary.
    Block,
    /// Anything else (`<b>`, `<span>`, comments): nothing.
    Inline,
}

fn html_tag(html: &str) -> HtmlTag {
    let name = html
        .strip_prefix("</")
        .or_else(|| html.strip_prefix('<'))
        .unwrap_or("");
    let end = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    let name = &name[..end];
    let is = |t: &str| name.eq_ignore_ascii_case(t);
    if is("br") {
        HtmlTag::Break
    } else if [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "tr",
        "td",
        "th",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "hr",
        "section",
        "article",
        "dt",
        "dd",
    ]
    .iter()
    .any(|t| is(t))
    {
        HtmlTag::Block
    } else {
        HtmlTag::Inline
    }
}

/// The date of a front-matter block: a top-level `date` key in YAML
/// (`date: 2022-09-15`) or TOML (`date = 2022-09-15`), quoted or not, a date
/// or an ISO date-time whose date part is taken. Anything else is no date.
fn front_matter_date(block: &str) -> Option<jiff::civil::Date> {
    block.lines().find_map(|line| {
        // Top level only: an indented `date:` belongs to a nested map.
        let rest = line.strip_prefix("date")?;
        let rest = rest.trim_start_matches([' ', '\t']);
        let value = rest.strip_prefix(':').or_else(|| rest.strip_prefix('='))?;
        parse_date_value(value)
    })
}

pub(super) fn parse_date_value(value: &str) -> Option<jiff::civil::Date> {
    let v = value.trim();
    let v = v
        .strip_prefix('"')
        .and_then(|v| {
            v.strip_suffix('"')
                .or_else(|| v.split_once('"').map(|p| p.0))
        })
        .or_else(|| {
            v.strip_prefix('\'')
                .and_then(|v| v.split_once('\'').map(|p| p.0))
        })
        .unwrap_or(v);
    let b = v.as_bytes();
    if b.len() < 10 {
        return None;
    }
    // After the date: nothing, a time (`T`, `t` or a space) or a comment.
    if b.get(10)
        .is_some_and(|n| !matches!(n, b'T' | b't' | b' ' | b'\t' | b'#'))
    {
        return None;
    }
    let digits = |r: Range<usize>| -> Option<i32> {
        let s = b.get(r)?;
        if !s.iter().all(u8::is_ascii_digit) {
            return None;
        }
        s.iter().try_fold(0i32, |acc, d| {
            acc.checked_mul(10)?.checked_add(i32::from(d - b'0'))
        })
    };
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i16::try_from(digits(0..4)?).ok()?;
    let month = i8::try_from(digits(5..7)?).ok()?;
    let day = i8::try_from(digits(8..10)?).ok()?;
    jiff::civil::Date::new(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Checks the invariants every prose must keep and returns its text.
    #[track_caller]
    fn checked(source: &str) -> Prose<'_> {
        let p = prose(source);
        let text: &str = &p.text;
        let mut last = 0;
        let mut i = 0;
        while i <= text.len() {
            if text.is_char_boundary(i) {
                let s = p.map.to_source_pos(i);
                assert!(s <= source.len(), "offset {i} maps past the end: {s}");
                assert!(
                    source.is_char_boundary(s),
                    "offset {i} maps inside a char: {s}"
                );
                assert!(s >= last, "offset {i} maps back from {last} to {s}");
                last = s;
            }
            i += 1;
        }
        // ranges between neighbouring char boundaries map inside the source
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for w in bounds.windows(2) {
            let r = p.map.to_source(w[0]..w[1]);
            assert!(
                r.start <= r.end && r.end <= source.len(),
                "{w:?} maps to {r:?}"
            );
            assert!(source.is_char_boundary(r.start) && source.is_char_boundary(r.end));
        }
        p
    }

    #[track_caller]
    fn text_is(source: &str, want: &str) {
        assert_eq!(checked(source).text, want, "prose of {source:?}");
    }

    #[track_caller]
    fn absent(source: &str, needle: &str) {
        let p = checked(source);
        assert!(
            !p.text.contains(needle),
            "{needle:?} is prose in {:?}",
            p.text
        );
    }

    /// Every word of the prose maps back to the same bytes in the source.
    #[track_caller]
    fn words_map_back(source: &str) {
        let p = checked(source);
        let text: &str = &p.text;
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            let word = c.is_alphanumeric() || c == '%' || c == '.';
            match (word, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    let src = p.map.to_source(s..i);
                    assert_eq!(&source[src], &text[s..i], "word at {s}..{i}");
                    start = None;
                }
                _ => {}
            }
        }
    }

    #[test]
    fn paragraphs_and_headings_are_blocks() {
        text_is("# Title\n\nOne two.\nThree.\n", "Title\n\nOne two. Three.");
        text_is("- a\n- b\n\n> c\n", "a\n\nb\n\nc");
        text_is("| x | y |\n|---|---|\n| 1 | 2 |\n", "x\n\ny\n\n1\n\n2");
    }

    #[test]
    fn code_is_not_prose() {
        text_is("Run `rm -rf 12` now.", "Run \u{fffc} now.");
        absent("Text.\n\n```\nlet x = 15;\n```\n\nMore.", "15");
        absent("Text.\n\n    indented 15\n\nMore.", "15");
        absent("~~~rust\n99\n~~~\n", "99");
    }

    #[test]
    fn links_keep_text_drop_targets() {
        text_is(
            "See [the 2021 report](http://x/2020 \"t 2019\").",
            "See the 2021 report.",
        );
        absent("Go <http://x/1999> now.", "1999");
        absent("A ![chart of 40%](c.png) here.", "40%");
        absent("Ref[^12].\n\n[^12]: Note 7.", "12");
        text_is("Ref[^n].\n\n[^n]: Note 7.", "Ref.\n\nNote 7.");
    }

    #[test]
    fn struck_text_is_withdrawn() {
        text_is("It rose ~~15%~~ 20% in 2021.", "It rose  20% in 2021.");
    }

    #[test]
    fn nested_blocks_and_references() {
        text_is("1. One.\n\n   More.\n2. Two.\n", "One.\n\nMore.\n\nTwo.");
        text_is("> - a\n> - b\n", "a\n\nb");
        text_is(
            "Title\n=====\n\nBody _em_ **st**.\n",
            "Title\n\nBody em st.",
        );
        absent("See [x][r].\n\n[r]: http://ex/2024 \"T 99\"\n", "2024");
        absent("See [x][r].\n\n[r]: http://ex/2024 \"T 99\"\n", "99");
        let p = checked("\u{feff}---\ndate: 2020-02-29\n---\nBody 5.\n");
        assert_eq!(p.text, "Body 5.");
        assert_eq!(p.date, jiff::civil::Date::new(2020, 2, 29).ok());
    }

    #[test]
    fn html_is_not_prose() {
        absent("<div>\n55 apples\n</div>\n\nText.", "55");
        text_is("a <b>bold</b> c", "a bold c");
        text_is("5<br>6 and 7<BR/>8", "5 6 and 7 8");
        text_is("It rose.<p>It fell.</p>", "It rose.\n\nIt fell.");
        absent("a <!-- 77 --> c", "77");
    }

    #[test]
    fn comments_are_kept_aside() {
        let bodies = |src: &str| -> Vec<(String, String)> {
            prose(src)
                .comments
                .iter()
                .map(|c| {
                    (
                        src[c.span.clone()].to_string(),
                        src[c.body.clone()].to_string(),
                    )
                })
                .collect()
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            bodies("<!-- a -->\n\nText <!--b--> more.\n"),
            [pair("<!-- a -->", " a "), pair("<!--b-->", "b")]
        );
        assert_eq!(
            bodies("Text.\n\n<!-- one\r\ntwo -->\r\n<!-- three -->\n"),
            [
                pair("<!-- one\r\ntwo -->", " one\r\ntwo "),
                pair("<!-- three -->", " three ")
            ]
        );
        assert_eq!(bodies("<!-->\n"), [pair("<!-->", "")]);
        assert_eq!(
            bodies("<!-- open\nstill"),
            [pair("<!-- open\nstill", " open\nstill")]
        );
        // a comment in code is code
        assert!(bodies("`<!-- x -->`\n\n```\n<!-- y -->\n```\n").is_empty());
        assert_eq!(prose("A <!-- 5 --> b.").text, "A  b.");
    }

    #[test]
    fn escapes_and_entities_are_replaced() {
        let src = "Tom &amp; Jerry \\* 5 &#65;B";
        let p = checked(src);
        assert_eq!(p.text, "Tom & Jerry * 5 AB");
        let amp = p.text.find('&').unwrap();
        assert_eq!(&src[p.map.to_source(amp..amp + 1)], "&amp;");
        let star = p.text.find('*').unwrap();
        assert_eq!(&src[p.map.to_source(star..star + 3)], "* 5");
        let a = p.text.find("AB").unwrap();
        assert_eq!(&src[p.map.to_source(a..a + 2)], "&#65;B");
        words_map_back("Tom &amp; Jerry \\* 5 &copy; 2024 \\[x\\]");
    }

    #[test]
    fn soft_and_hard_breaks_are_spaces() {
        let src = "one\r\ntwo  \r\nthree\\\nfour";
        let p = checked(src);
        assert_eq!(p.text, "one two three four");
        assert_eq!(&src[p.map.to_source(3..4)], "\r\n");
        words_map_back(src);
    }

    #[test]
    fn front_matter_is_read_not_prose() {
        let p = checked("---\ntitle: 42 things\ndate: 2022-09-15\n---\n\nBody.\n");
        assert_eq!(p.text, "Body.");
        assert_eq!(p.date, jiff::civil::Date::new(2022, 9, 15).ok());
        let p = checked("+++\ndate = 2022-09-15T10:00:00Z\n+++\nBody.\n");
        assert_eq!(p.text, "Body.");
        assert_eq!(p.date, jiff::civil::Date::new(2022, 9, 15).ok());
        let p = checked("---\r\ndate: \"2021-01-02\"\r\n---\r\n\r\nBody.\r\n");
        assert_eq!(p.date, jiff::civil::Date::new(2021, 1, 2).ok());
        assert_eq!(p.text, "Body.");
    }

    #[test]
    fn front_matter_dates_that_are_not_dates() {
        let d = |s: &str| prose(s).date;
        assert_eq!(d("---\ndate: 2022-02-30\n---\n\nx\n"), None);
        assert_eq!(d("---\ndate: soon\n---\n\nx\n"), None);
        assert_eq!(d("---\ndate: 2022-9-15\n---\n\nx\n"), None);
        assert_eq!(d("---\nmeta:\n  date: 2022-09-15\n---\n\nx\n"), None);
        assert_eq!(d("---\nupdated: 2022-09-15\n---\n\nx\n"), None);
        assert_eq!(d("---\ndate: 2022-09-15é\n---\n\nx\n"), None);
        assert_eq!(d("---\ndate: \"2022-09-1\n---\n\nx\n"), None);
        assert_eq!(d("date: 2022-09-15\n"), None);
        assert_eq!(
            parse_date_value(" '2022-09-15 10:00' "),
            jiff::civil::Date::new(2022, 9, 15).ok()
        );
        assert_eq!(
            parse_date_value("2022-09-15 # written"),
            jiff::civil::Date::new(2022, 9, 15).ok()
        );
    }

    #[test]
    fn bom_and_crlf_keep_offsets() {
        let src = "\u{feff}# Head 5\r\n\r\nIt rose 12.5% in 2021.\r\nThen fell.\r\n";
        let p = checked(src);
        assert_eq!(p.text, "Head 5\n\nIt rose 12.5% in 2021. Then fell.");
        words_map_back(src);
        let at = p.text.find("12.5%").unwrap();
        assert_eq!(&src[p.map.to_source(at..at + 5)], "12.5%");
    }

    #[test]
    fn empty_and_markup_only_sources() {
        text_is("", "");
        text_is("```\ncode\n```", "");
        text_is("\u{feff}", "");
        text_is("---\n", "");
    }

    #[test]
    fn large_odd_inputs_do_not_stall() {
        for unit in [
            "[", "`", "> ", "- ", "*a", "&amp;", "\\*", "<b>", "\r\n", "a  \n",
        ] {
            let src = unit.repeat(100_000 / unit.len());
            let t = std::time::Instant::now();
            let p = prose(&src);
            assert!(p.text.len() <= src.len() * 3, "{unit:?} grew");
            assert!(t.elapsed().as_secs() < 5, "{unit:?} is slow");
        }
    }

    fn fragment() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "# ",
            "`",
            "```\n",
            "[a](http://x/1)",
            "&amp;",
            "\\*",
            "\r\n",
            "é",
            "12.5%",
            "\n\n",
            "- ",
            "> ",
            "word ",
            "Mr. ",
            "*",
            "_",
            "|",
            " | ",
            "---\n",
            "+++\n",
            "date: 2022-09-15\n",
            "<b>",
            "</b>",
            "![x](y)",
            "[^1]",
            "    ",
            "\u{feff}",
            "&#x1F600;",
            "\\",
            "~~",
            "[",
            "]",
            "(",
            ")",
            "<http://a/b>",
            "1. ",
            "\t",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn never_panics_and_maps_monotonically(parts in prop::collection::vec(fragment(), 0..40)) {
            let src: String = parts.concat();
            let p = checked(&src);
            let text: &str = &p.text;
            // verbatim words map back to the same bytes
            for (s, w) in text.match_indices("word") {
                prop_assert_eq!(&src[p.map.to_source(s..s + w.len())], w);
            }
            for (s, w) in text.match_indices("12.5%") {
                prop_assert_eq!(&src[p.map.to_source(s..s + w.len())], w);
            }
        }
    }
}
