//! HTML → prose: the text a reader sees, with an exact way back to the file.
//!
//! lol_html tokenizes (it copes with any input, broken markup included, and
//! gives every token's source bytes); this module decides what is prose.
//! Text is prose unless it sits in an element a reader does not read as the
//! writer's sentences: scripts, styles, templates, `noscript`, SVG and
//! MathML, form controls, embedded media, the document head (title and
//! metadata), struck-out text (`del`, `s`: what the writer withdrew) and
//! footnote markers (`<sup class="reference">`), which would fuse with the
//! figure before them.
//! Preformatted text is skipped like a Markdown code block, and an inline
//! `code` (or `kbd`, `samp`) becomes one U+FFFC, as in Markdown, so its
//! sentence stays whole without its digits being read as figures.
//! Attributes are never prose. Block elements (`p`, `div`, `li`, headings,
//! table cells, `br` ...) become `"\n\n"` so no sentence runs across them;
//! inline ones (`a`, `em`, `span` ...) leave the words as they are.
//! Character references are decoded (named, decimal, hex), each one
//! replaced piece mapped to its whole `&...;`, and runs of white space that
//! are not a single space are read as one space, as a browser shows them.
//! Comments are kept aside as [`Comment`]s for inline suppressions, and a
//! `<meta name="date">` (or `article:published_time`), or a `<time pubdate>`,
//! gives the document date.
//!
//! Elements are matched by name on a stack of open elements: an end tag
//! closes its element and everything opened inside it, and the end of the
//! file closes the rest, so an unclosed `<code>` swallows at most its parent.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use lol_html::html_content::{Comment as HtmlComment, Element, TextChunk};
use lol_html::{DocumentContentHandlers, ElementContentHandlers, HtmlRewriter, Selector, Settings};

use super::offset::ProseBuilder;
use super::{Comment, Prose};

/// What inline code stands for in prose (the same object Markdown uses).
const CODE: &str = "\u{FFFC}";

/// The separator between blocks.
const BLOCK_BREAK: &str = "\n\n";

/// Reads HTML `source` and returns its prose.
pub fn prose(source: &str) -> Prose<'_> {
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut reader = Reader::new(source, bom);
    for token in tokens(source) {
        reader.token(token);
    }
    reader.finish()
}

/// One token of the source, as lol_html found it, in source order.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// A start tag. `void` elements (`br`, `img`) never get an end.
    Start {
        name: String,
        range: Range<usize>,
        void: bool,
        /// For `<meta>`: the date its `content` gives, if its name says it
        /// is the publication date.
        date: Option<jiff::civil::Date>,
        /// A footnote marker (`<sup class="reference">`): not prose.
        footnote: bool,
    },
    End {
        name: String,
        range: Range<usize>,
    },
    Text(Range<usize>),
    Comment(Range<usize>),
}

/// Runs lol_html over `source` and collects its tokens. Handlers only
/// record: deciding what is prose needs the open-element stack, which is
/// simpler to keep in one place ([`Reader`]) than across closures. If
/// lol_html gives up part-way (it bails out only on limits), the tokens
/// read so far are kept.
fn tokens(source: &str) -> Vec<Token> {
    let found: Rc<RefCell<Vec<Token>>> = Rc::default();
    {
        let (on_start, on_text, on_comment) = (found.clone(), found.clone(), found.clone());
        let element = move |el: &mut Element<'_, '_>| {
            let name = el.tag_name();
            let date = match name.as_str() {
                "meta" => meta_date(el),
                "time" => time_date(el),
                _ => None,
            };
            let footnote = matches!(name.as_str(), "sup" | "a") && is_footnote_marker(el);
            let ends = on_start.clone();
            let void = match el.end_tag_handlers() {
                Some(handlers) => {
                    handlers.push(Box::new(move |end| {
                        ends.borrow_mut().push(Token::End {
                            name: end.name(),
                            range: end.source_location().bytes(),
                        });
                        Ok(())
                    }));
                    false
                }
                None => true,
            };
            on_start.borrow_mut().push(Token::Start {
                name,
                range: el.source_location().bytes(),
                void,
                date,
                footnote,
            });
            Ok(())
        };
        let Ok(any) = "*".parse::<Selector>() else {
            return Vec::new();
        };
        let settings = Settings::new()
            .append_element_content_handler((
                Cow::Owned(any),
                ElementContentHandlers::default().element(element),
            ))
            .append_document_content_handler(
                DocumentContentHandlers::default()
                    .text(move |t: &mut TextChunk<'_>| {
                        let range = t.source_location().bytes();
                        if !range.is_empty() {
                            on_text.borrow_mut().push(Token::Text(range));
                        }
                        Ok(())
                    })
                    .comments(move |c: &mut HtmlComment<'_>| {
                        on_comment
                            .borrow_mut()
                            .push(Token::Comment(c.source_location().bytes()));
                        Ok(())
                    }),
            )
            // The source is already UTF-8 text: a `<meta charset>` must not
            // make lol_html re-decode it.
            .with_adjust_charset_on_meta_tag(false)
            // Strict mode stops at markup whose parse needs a DOM tree
            // (`<select><xmp>`); a best guess is better than no prose.
            .with_strict(false);
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        // An error means lol_html stopped; what it read so far still counts.
        if rewriter.write(source.as_bytes()).is_ok() {
            let _ = rewriter.end();
        }
    }
    Rc::try_unwrap(found).map_or_else(|rc| rc.borrow().clone(), RefCell::into_inner)
}

/// True for a `<sup>` or `<a>` that marks a footnote, as Wikipedia,
/// GitHub, Pandoc and Markdown renderers write them. Read as prose, the
/// marker would fuse with the figure before it ("12 million1").
fn is_footnote_marker(el: &Element<'_, '_>) -> bool {
    const MARKS: [&str; 6] = [
        "footnote",
        "fnref",
        "noteref",
        "cite_note",
        "cite_ref",
        "reference",
    ];
    if el.has_attribute("data-footnote-ref") {
        return true;
    }
    let marks = |attr: &str| {
        el.get_attribute(attr).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            MARKS.iter().any(|m| v.contains(m))
        })
    };
    // A link's target counts only inside the page: a URL path may say
    // "reference" and still be a link whose text is prose.
    let href = el.get_attribute("href").is_some_and(|h| {
        let h = h.to_ascii_lowercase();
        h.starts_with('#') && (h.starts_with("#fn") || MARKS.iter().any(|m| h.contains(m)))
    });
    // A class on a link ("cross-reference") may sit on real prose; on a
    // `<sup>` it names a marker.
    let sup = el.tag_name() == "sup" && (marks("class") || marks("id"));
    href || sup || marks("role")
}

/// The publication date a `<time>` marks as such (`pubdate`, or
/// `itemprop="datePublished"`) in its `datetime`. Other `<time>` elements
/// date the events the text is about, not the document.
fn time_date(el: &Element<'_, '_>) -> Option<jiff::civil::Date> {
    let published = el.has_attribute("pubdate")
        || el
            .get_attribute("itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"));
    if !published {
        return None;
    }
    super::markdown::parse_date_value(&el.get_attribute("datetime")?)
}

/// The publication date a `<meta>` states: `name="date"` (and the common
/// variants) or `property="article:published_time"`, with an ISO date (or
/// date-time) as its `content`.
fn meta_date(el: &Element<'_, '_>) -> Option<jiff::civil::Date> {
    let key = el
        .get_attribute("name")
        .or_else(|| el.get_attribute("property"))
        .or_else(|| el.get_attribute("itemprop"))?;
    let key = key.to_ascii_lowercase();
    let is_date = matches!(
        key.as_str(),
        "date"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.date"
            | "dcterms.created"
            | "pubdate"
            | "publish-date"
            | "article:published_time"
            | "datepublished"
    );
    if !is_date {
        return None;
    }
    super::markdown::parse_date_value(&el.get_attribute("content")?)
}

/// What an element does to the prose around and inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Its text is prose and it does not break the sentence (`a`, `em`).
    Inline,
    /// Its text is prose and it is a block of its own (`p`, `li`, `td`).
    Block,
    /// `br`, `hr`: a break with no text of its own.
    Break,
    /// Its text is not prose (`script`, `del`); `block` says whether it
    /// also separates what comes before it from what follows.
    Skip { block: bool },
    /// Inline code: one U+FFFC for the whole element.
    Code,
}

fn kind(name: &str) -> Kind {
    match name {
        "br" | "hr" => Kind::Break,
        "p" | "div" | "li" | "ul" | "ol" | "dl" | "dt" | "dd" | "h1" | "h2" | "h3" | "h4"
        | "h5" | "h6" | "blockquote" | "section" | "article" | "aside" | "header" | "footer"
        | "nav" | "main" | "figure" | "figcaption" | "table" | "thead" | "tbody" | "tfoot"
        | "tr" | "td" | "th" | "caption" | "details" | "summary" | "address" | "form"
        | "fieldset" | "legend" | "body" | "html" | "center" | "hgroup" | "menu" | "picture" => {
            Kind::Block
        }
        "pre" | "head" | "title" | "template" | "noscript" | "textarea" | "select" | "listing"
        | "xmp" | "plaintext" | "iframe" | "object" | "video" | "audio" | "canvas" | "map" => {
            Kind::Skip { block: true }
        }
        "script" | "style" | "svg" | "math" | "del" | "s" | "strike" | "button" | "rt" | "rp" => {
            Kind::Skip { block: false }
        }
        "code" | "kbd" | "samp" | "tt" => Kind::Code,
        _ => Kind::Inline,
    }
}

/// An element whose end has not been seen.
#[derive(Debug)]
struct Open {
    name: String,
    kind: Kind,
}

/// The state of one pass over the tokens.
struct Reader<'s> {
    source: &'s str,
    bom: usize,
    out: ProseBuilder,
    /// A block boundary seen since the last prose, at this source offset.
    /// Written lazily, as in Markdown: no separator at either end of the
    /// prose, and one for nested blocks, not several.
    pending_break: Option<usize>,
    stack: Vec<Open>,
    /// How many elements of each name are on `stack`, so that a stray end
    /// tag costs nothing and closing stays linear on any input.
    open: HashMap<String, usize>,
    /// How many open elements hide their text (skipped and code).
    skip: usize,
    /// Where the outermost open inline code started.
    code_start: Option<usize>,
    comments: Vec<Comment>,
    date: Option<jiff::civil::Date>,
}

impl<'s> Reader<'s> {
    fn new(source: &'s str, bom: usize) -> Reader<'s> {
        Reader {
            source,
            bom,
            out: ProseBuilder::new(),
            pending_break: None,
            stack: Vec::new(),
            open: HashMap::new(),
            skip: 0,
            code_start: None,
            comments: Vec::new(),
            date: None,
        }
    }

    fn token(&mut self, token: Token) {
        match token {
            Token::Start {
                name,
                range,
                void,
                date,
                footnote,
            } => {
                if self.date.is_none() {
                    self.date = date;
                }
                self.start(name, range, void, footnote);
            }
            Token::End { name, range } => self.end(&name, range),
            Token::Text(range) => {
                if self.skip == 0 {
                    self.text(range);
                }
            }
            Token::Comment(range) => self.comment(range),
        }
    }

    fn start(&mut self, name: String, range: Range<usize>, void: bool, footnote: bool) {
        // `<body>` ends the head even when `</head>` is missing.
        if name == "body" {
            while let Some(open) = self.stack.pop() {
                self.close(open, range.start);
            }
            self.open.clear();
        }
        let kind = if footnote {
            Kind::Skip { block: false }
        } else {
            kind(&name)
        };
        match kind {
            Kind::Block | Kind::Break | Kind::Skip { block: true } => {
                self.block_break(range.start);
            }
            Kind::Code => {
                if self.skip == 0 {
                    self.code_start = Some(range.start);
                }
            }
            Kind::Inline | Kind::Skip { block: false } => {}
        }
        if void {
            return;
        }
        if matches!(kind, Kind::Skip { .. } | Kind::Code) {
            self.skip += 1;
        }
        *self.open.entry(name.clone()).or_default() += 1;
        self.stack.push(Open { name, kind });
    }

    fn end(&mut self, name: &str, range: Range<usize>) {
        if self.open.get(name).is_none_or(|&n| n == 0) {
            // A stray end tag: `</p>` and `</br>` still break the text.
            if matches!(kind(name), Kind::Block | Kind::Break) {
                self.block_break(range.start);
            }
            return;
        }
        // Elements left open inside this one end where it ends.
        while let Some(open) = self.stack.pop() {
            if let Some(n) = self.open.get_mut(&open.name) {
                *n = n.saturating_sub(1);
            }
            if open.name == name {
                self.close(open, range.end);
                break;
            }
            self.close(open, range.start);
        }
    }

    /// Ends `open` at source offset `at`.
    fn close(&mut self, open: Open, at: usize) {
        match open.kind {
            Kind::Block | Kind::Break | Kind::Skip { block: true } => {
                if let Kind::Skip { .. } = open.kind {
                    self.skip = self.skip.saturating_sub(1);
                }
                self.block_break(at);
            }
            Kind::Skip { block: false } => self.skip = self.skip.saturating_sub(1),
            Kind::Code => {
                self.skip = self.skip.saturating_sub(1);
                if self.skip == 0
                    && let Some(start) = self.code_start.take()
                {
                    self.flush_break();
                    self.out.push_replaced(CODE, start..at.max(start));
                }
            }
            Kind::Inline => {}
        }
    }

    fn comment(&mut self, range: Range<usize>) {
        let Some(html) = self.source.get(range.clone()) else {
            return;
        };
        // Bogus comments (`<!x>`, `<?x>`) are not where directives go.
        let Some(inner) = html.strip_prefix("<!--") else {
            return;
        };
        let body_start = range.start + 4;
        let body_end = if inner.ends_with("-->") && inner.len() >= 3 {
            range.end - 3
        } else if inner.ends_with("->") || inner.ends_with('>') {
            // `<!-->`, `<!--->`: empty.
            body_start
        } else {
            range.end
        };
        self.comments.push(Comment {
            span: range,
            body: body_start..body_end.max(body_start),
        });
    }

    fn block_break(&mut self, at: usize) {
        if self.skip == 0 && self.pending_break.is_none() && !self.out.text().is_empty() {
            self.pending_break = Some(at);
        }
    }

    fn flush_break(&mut self) {
        if let Some(at) = self.pending_break.take() {
            self.out.push_separator(BLOCK_BREAK, at);
        }
    }

    /// True where white space would be the first thing in a block, or
    /// follow white space: a browser shows none there.
    fn at_space(&self) -> bool {
        self.pending_break.is_some()
            || self
                .out
                .text()
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace)
    }

    /// Appends the text at `range`, decoding references and collapsing
    /// white space.
    fn text(&mut self, range: Range<usize>) {
        let start = range.start.max(self.bom);
        let Some(text) = self.source.get(start..range.end) else {
            return;
        };
        let bytes = text.as_bytes();
        let mut verbatim = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if is_space(b) {
                let end = bytes[i..]
                    .iter()
                    .position(|&b| !is_space(b))
                    .map_or(bytes.len(), |n| i + n);
                self.verbatim(&text[verbatim..i], start + verbatim);
                if !self.at_space() {
                    if end - i == 1 && b == b' ' {
                        self.out.push_verbatim(" ", start + i);
                    } else {
                        self.out.push_replaced(" ", start + i..start + end);
                    }
                }
                i = end;
                verbatim = end;
            } else if b == b'&' {
                match reference(&text[i..]) {
                    Some((c, len)) => {
                        self.verbatim(&text[verbatim..i], start + verbatim);
                        self.flush_break();
                        let mut buf = [0; 4];
                        let c = if is_fixed_space(c) { ' ' } else { c };
                        self.out
                            .push_replaced(c.encode_utf8(&mut buf), start + i..start + i + len);
                        i += len;
                        verbatim = i;
                    }
                    None => i += 1,
                }
            } else if b >= 0xc2 {
                // A no-break or thin space typed as a character reads as a
                // space, as it does when written `&nbsp;`.
                let c = text[i..].chars().next().unwrap_or(' ');
                if is_fixed_space(c) {
                    self.verbatim(&text[verbatim..i], start + verbatim);
                    self.flush_break();
                    self.out
                        .push_replaced(" ", start + i..start + i + c.len_utf8());
                    verbatim = i + c.len_utf8();
                }
                i += c.len_utf8();
            } else {
                i += 1;
            }
        }
        self.verbatim(&text[verbatim..], start + verbatim);
    }

    fn verbatim(&mut self, text: &str, at: usize) {
        if !text.is_empty() {
            self.flush_break();
            self.out.push_verbatim(text, at);
        }
    }

    fn finish(mut self) -> Prose<'s> {
        let end = self.source.len();
        while let Some(open) = self.stack.pop() {
            self.close(open, end);
        }
        let (text, map) = self.out.finish();
        Prose {
            text: Cow::Owned(text),
            map,
            date: self.date,
            comments: self.comments,
        }
    }
}

/// Spaces a browser does not collapse or break at (no-break, figure, thin,
/// narrow no-break, en and em spaces): in prose they are a plain space, so
/// "5&nbsp;million" reads as "5 million" to the extractor.
fn is_fixed_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2002}' | '\u{2003}' | '\u{2007}' | '\u{2009}' | '\u{202f}'
    )
}

/// HTML's white space: what a browser collapses.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// The character a reference at the start of `s` (which starts with `&`)
/// stands for, and the reference's length in bytes. Numeric references
/// need at least one digit and may omit the `;`; named ones need it, but
/// for the handful browsers read without (`&amp`, `&nbsp` before a
/// non-letter). Anything else is not a reference and stays as written.
fn reference(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let digits_at = if hex { 3 } else { 2 };
        let radix = if hex { 16 } else { 10 };
        let digits = b[digits_at.min(b.len())..]
            .iter()
            .take_while(|d| (**d as char).is_digit(radix))
            .count();
        if digits == 0 {
            return None;
        }
        let end = digits_at + digits;
        // Saturates: `&#99999999999;` is out of range, not an overflow.
        let value = s[digits_at..end].chars().fold(0u32, |acc, d| {
            acc.saturating_mul(radix)
                .saturating_add(d.to_digit(radix).unwrap_or(0))
        });
        let len = end + usize::from(b.get(end) == Some(&b';'));
        return Some((numeric(value), len));
    }
    let name_len = b[1..]
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return None;
    }
    let name = &s[1..1 + name_len];
    let c = named(name)?;
    if b.get(1 + name_len) == Some(&b';') {
        Some((c, name_len + 2))
    } else if matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp") {
        Some((c, name_len + 1))
    } else {
        None
    }
}

/// A numeric reference's character, as browsers read it: C1 controls are
/// the Windows-1252 characters old pages meant (`&#150;` is an en dash),
/// and nothing that is not a character becomes U+FFFD.
fn numeric(value: u32) -> char {
    const CP1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match value {
        0 => '\u{fffd}',
        0x80..=0x9f => CP1252[(value - 0x80) as usize],
        _ => char::from_u32(value).unwrap_or('\u{fffd}'),
    }
}

/// Latin-1's named characters, U+00A0 to U+00FF in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Greek letters, U+0391 to U+03C9 in order; `None` where Unicode has a gap.
const GREEK: [Option<&str>; 57] = [
    Some("Alpha"),
    Some("Beta"),
    Some("Gamma"),
    Some("Delta"),
    Some("Epsilon"),
    Some("Zeta"),
    Some("Eta"),
    Some("Theta"),
    Some("Iota"),
    Some("Kappa"),
    Some("Lambda"),
    Some("Mu"),
    Some("Nu"),
    Some("Xi"),
    Some("Omicron"),
    Some("Pi"),
    Some("Rho"),
    None,
    Some("Sigma"),
    Some("Tau"),
    Some("Upsilon"),
    Some("Phi"),
    Some("Chi"),
    Some("Psi"),
    Some("Omega"),
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    Some("alpha"),
    Some("beta"),
    Some("gamma"),
    Some("delta"),
    Some("epsilon"),
    Some("zeta"),
    Some("eta"),
    Some("theta"),
    Some("iota"),
    Some("kappa"),
    Some("lambda"),
    Some("mu"),
    Some("nu"),
    Some("xi"),
    Some("omicron"),
    Some("pi"),
    Some("rho"),
    Some("sigmaf"),
    Some("sigma"),
    Some("tau"),
    Some("upsilon"),
    Some("phi"),
    Some("chi"),
    Some("psi"),
    Some("omega"),
];

/// The other named references prose uses: HTML 4's set (punctuation,
/// arrows, mathematical signs) and the HTML 5 names for ASCII signs.
const OTHER: &[(&str, char)] = &[
    ("quot", '"'),
    ("amp", '&'),
    ("apos", '\''),
    ("lt", '<'),
    ("gt", '>'),
    ("excl", '!'),
    ("num", '#'),
    ("dollar", '$'),
    ("percnt", '%'),
    ("lpar", '('),
    ("rpar", ')'),
    ("ast", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("period", '.'),
    ("sol", '/'),
    ("colon", ':'),
    ("semi", ';'),
    ("equals", '='),
    ("quest", '?'),
    ("commat", '@'),
    ("bsol", '\\'),
    ("lowbar", '_'),
    ("NonBreakingSpace", '\u{a0}'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("thetasym", 'ϑ'),
    ("upsih", 'ϒ'),
    ("piv", 'ϖ'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("bull", '•'),
    ("hellip", '…'),
    ("permil", '‰'),
    ("prime", '′'),
    ("Prime", '″'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("oline", '‾'),
    ("frasl", '⁄'),
    ("euro", '€'),
    ("image", 'ℑ'),
    ("weierp", '℘'),
    ("real", 'ℜ'),
    ("trade", '™'),
    ("alefsym", 'ℵ'),
    ("larr", '←'),
    ("uarr", '↑'),
    ("rarr", '→'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("crarr", '↵'),
    ("lArr", '⇐'),
    ("uArr", '⇑'),
    ("rArr", '⇒'),
    ("dArr", '⇓'),
    ("hArr", '⇔'),
    ("forall", '∀'),
    ("part", '∂'),
    ("exist", '∃'),
    ("empty", '∅'),
    ("nabla", '∇'),
    ("isin", '∈'),
    ("notin", '∉'),
    ("ni", '∋'),
    ("prod", '∏'),
    ("sum", '∑'),
    ("minus", '−'),
    ("lowast", '∗'),
    ("radic", '√'),
    ("prop", '∝'),
    ("infin", '∞'),
    ("ang", '∠'),
    ("and", '∧'),
    ("or", '∨'),
    ("cap", '∩'),
    ("cup", '∪'),
    ("int", '∫'),
    ("there4", '∴'),
    ("sim", '∼'),
    ("cong", '≅'),
    ("asymp", '≈'),
    ("ne", '≠'),
    ("equiv", '≡'),
    ("le", '≤'),
    ("ge", '≥'),
    ("sub", '⊂'),
    ("sup", '⊃'),
    ("nsub", '⊄'),
    ("sube", '⊆'),
    ("supe", '⊇'),
    ("oplus", '⊕'),
    ("otimes", '⊗'),
    ("perp", '⊥'),
    ("sdot", '⋅'),
    ("lceil", '⌈'),
    ("rceil", '⌉'),
    ("lfloor", '⌊'),
    ("rfloor", '⌋'),
    ("lang", '⟨'),
    ("rang", '⟩'),
    ("loz", '◊'),
    ("spades", '♠'),
    ("clubs", '♣'),
    ("hearts", '♥'),
    ("diams", '♦'),
];

/// The character a named reference stands for. Names are case-sensitive.
fn named(name: &str) -> Option<char> {
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xa0 + i as u32);
    }
    if let Some(i) = GREEK.iter().position(|n| *n == Some(name)) {
        return char::from_u32(0x391 + i as u32);
    }
    OTHER.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Checks the invariants every prose must keep and returns it.
    #[track_caller]
    fn checked(source: &str) -> Prose<'_> {
        let p = prose(source);
        let text: &str = &p.text;
        let mut last = 0;
        for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let s = p.map.to_source_pos(i);
            assert!(s <= source.len(), "offset {i} maps past the end: {s}");
            assert!(source.is_char_boundary(s), "offset {i} maps inside a char");
            assert!(s >= last, "offset {i} maps back from {last} to {s}");
            last = s;
        }
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for w in bounds.windows(2) {
            let r = p.map.to_source(w[0]..w[1]);
            assert!(r.start <= r.end && r.end <= source.len(), "{w:?} → {r:?}");
            assert!(source.is_char_boundary(r.start) && source.is_char_boundary(r.end));
        }
        for c in &p.comments {
            assert!(source.get(c.span.clone()).is_some(), "comment {c:?}");
            assert!(source.get(c.body.clone()).is_some(), "comment {c:?}");
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

    /// The prose span of `needle` maps back to exactly `want` in `source`.
    #[track_caller]
    fn maps_to(source: &str, needle: &str, want: &str) {
        let p = checked(source);
        let at = p.text.find(needle).unwrap_or_else(|| {
            panic!("{needle:?} not in {:?}", p.text);
        });
        assert_eq!(&source[p.map.to_source(at..at + needle.len())], want);
    }

    #[test]
    fn blocks_break_and_inline_elements_do_not() {
        text_is(
            "<h1>Title 5</h1><p>One <em>two</em> <a href=\"/x/2020\">three</a>.</p><p>Four.</p>",
            "Title 5\n\nOne two three.\n\nFour.",
        );
        text_is("<ul><li>a</li><li>b</li></ul>", "a\n\nb");
        text_is("<table><tr><td>1</td><td>2</td></tr></table>", "1\n\n2");
        text_is("It rose 5<br>6 fell", "It rose 5\n\n6 fell");
        text_is("<div>a<div>b</div></div>c", "a\n\nb\n\nc");
        text_is("a <span><abbr title=\"x\">b</abbr></span> c", "a b c");
        text_is(
            "<P>One <CODE>9</CODE></P><Div>Two</DIV>",
            "One \u{fffc}\n\nTwo",
        );
        text_is(
            "1<wbr>000 and <ruby>東<rp>(</rp><rt>とう</rt></ruby>",
            "1000 and 東",
        );
    }

    #[test]
    fn what_is_not_prose() {
        absent("<script>var x = 55;</script><p>Text.</p>", "55");
        absent("<style>p { width: 55px }</style>Text.", "55");
        absent(
            "<head><title>Top 55</title><meta name=x content=55></head>Text.",
            "55",
        );
        absent("<template><p>55</p></template>Text.", "55");
        absent("<noscript>55</noscript>Text.", "55");
        absent("Text <svg><text>55</text></svg> here.", "55");
        absent("<math><mn>55</mn></math>", "55");
        absent("<pre>55\n66</pre>", "55");
        absent("It rose <del>15%</del> 20%.", "15");
        absent("<p title=\"55\" data-n=55>Text.</p>", "55");
        text_is("Run <code>rm 12</code> now.", "Run \u{fffc} now.");
        for marker in [
            "<sup id=\"cite_ref-3\" class=\"reference\"><a href=\"#cite_note-3\">[3]</a></sup>",
            "<sup><a href=\"#user-content-fn-1\" data-footnote-ref>1</a></sup>",
            "<a href=\"#fn1\" class=\"footnote-ref\" role=\"doc-noteref\"><sup>1</sup></a>",
            "<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup>",
        ] {
            text_is(
                &format!("<p>It grew to 12 million{marker} people.</p>"),
                "It grew to 12 million people.",
            );
        }
        text_is("<p>An area of 5 m<sup>2</sup>.</p>", "An area of 5 m2.");
        text_is(
            "<p>See <a href=\"/reference/2021\">note 3</a>.</p>",
            "See note 3.",
        );
        text_is(
            "<p>See <a href=\"#section-2\">part 2</a>.</p>",
            "See part 2.",
        );
        text_is("<pre><code>1</code></pre>After.", "After.");
    }

    #[test]
    fn code_maps_to_the_whole_element() {
        maps_to(
            "Run <code>x <b>1</b></code> now.",
            "\u{fffc}",
            "<code>x <b>1</b></code>",
        );
        // an unclosed code ends with its parent
        let p = checked("<p>Run <code>rm 12</p><p>Next 5.</p>");
        assert_eq!(p.text, "Run \u{fffc}\n\nNext 5.");
    }

    #[test]
    fn references_are_decoded_and_map_to_themselves() {
        text_is(
            "Tom &amp; Jerry &copy; &#8212; &#x2014; &euro;",
            "Tom & Jerry © — — €",
        );
        text_is("&nbsp;&lt;&gt&quot", " <>\"");
        text_is(
            "&#150; &#0; &#x110000; &#99999999999;",
            "– \u{fffd} \u{fffd} \u{fffd}",
        );
        text_is(
            "&bogus; &amp &copy2 & &# &#x; &;",
            "&bogus; & &copy2 & &# &#x; &;",
        );
        text_is("&Alpha;&omega;&sigmaf;&yuml;&Yuml;", "Αωςÿ\u{178}");
        let src = "<p>It cost &euro;5&nbsp;million, up 5&#8239;% on 2021.</p>";
        maps_to(src, "€5 million", "&euro;5&nbsp;million");
        maps_to(src, "5 %", "5&#8239;%");
        maps_to(
            "<p>5\u{202f}% and 6\u{a0}m</p>",
            "5 % and 6 m",
            "5\u{202f}% and 6\u{a0}m",
        );
        maps_to(src, "2021", "2021");
    }

    #[test]
    fn white_space_collapses_like_a_browser() {
        let src = "<p>\r\n  It rose\r\n  by 5%\tin  2021.\r\n</p>\r\n\r\n<p> Then  fell. </p>";
        let p = checked(src);
        assert_eq!(p.text, "It rose by 5% in 2021. \n\nThen fell. ");
        maps_to(src, "by 5%", "by 5%");
        maps_to(src, "rose by", "rose\r\n  by");
        text_is("a <b> </b> c", "a c");
    }

    #[test]
    fn non_ascii_text_keeps_offsets() {
        let src = "\u{feff}<p>Ürün fiyatı 12,5&nbsp;€ oldu — 東京 3 位。</p>";
        let p = checked(src);
        assert_eq!(p.text, "Ürün fiyatı 12,5 € oldu — 東京 3 位。");
        maps_to(src, "東京 3 位", "東京 3 位");
        maps_to(src, "Ürün", "Ürün");
    }

    #[test]
    fn comments_are_kept_aside() {
        let src = "<p>A <!-- figcheck-disable --> b.</p><!----><!-- open";
        let p = checked(src);
        assert_eq!(p.text, "A b.");
        let bodies: Vec<&str> = p.comments.iter().map(|c| &src[c.body.clone()]).collect();
        assert_eq!(bodies, [" figcheck-disable ", "", " open"]);
        assert_eq!(
            &src[p.comments[0].span.clone()],
            "<!-- figcheck-disable -->"
        );
    }

    #[test]
    fn meta_dates() {
        let d = |s: &str| prose(s).date;
        let want = jiff::civil::Date::new(2022, 9, 15).ok();
        assert_eq!(
            d("<head><meta name=\"date\" content=\"2022-09-15\"></head>x"),
            want
        );
        assert_eq!(
            d("<meta property=\"article:published_time\" content=\"2022-09-15T10:00:00Z\">"),
            want
        );
        assert_eq!(
            d("<meta name=\"description\" content=\"2022-09-15\">"),
            None
        );
        assert_eq!(d("<meta name=\"date\" content=\"soon\">"), None);
        assert_eq!(
            d("<p>Posted <time pubdate datetime=\"2022-09-15\">today</time></p>"),
            want
        );
        assert_eq!(
            d("<p>On <time datetime=\"2022-09-15\">Thursday</time></p>"),
            None
        );
    }

    #[test]
    fn broken_html_does_not_panic() {
        for src in [
            "<p",
            "<",
            "</",
            "&",
            "<p>unclosed <b>bold <i>it",
            "</p></div></code>text",
            "<code>never closed 12",
            "<script>never closed 12",
            "<!-- never closed 12",
            "<!DOCTYPE html><html><body><p>5</body></html>",
            "<head><title>x</title><body>5",
            "<svg><path d='M0 0'/><text>5</text></svg>6",
            "<table><td>1<td>2</table>",
            "\u{feff}",
            "",
        ] {
            checked(src);
        }
        text_is("<head><title>x</title><body>5 apples", "5 apples");
    }

    #[test]
    fn large_odd_inputs_do_not_stall() {
        for unit in [
            "<b>", "</i>", "<code>", "&amp;", "<p>", "<!--", "\r\n", "&#",
        ] {
            let src = unit.repeat(200_000 / unit.len());
            let t = std::time::Instant::now();
            let p = prose(&src);
            assert!(p.text.len() <= src.len() * 3, "{unit:?} grew");
            assert!(t.elapsed().as_secs() < 10, "{unit:?} is slow");
        }
    }

    #[test]
    fn entity_tables_are_consistent() {
        let mut names: Vec<&str> = LATIN1.to_vec();
        names.extend(GREEK.iter().flatten());
        names.extend(OTHER.iter().map(|(n, _)| *n));
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n, "a reference name is listed twice");
        assert_eq!(named("eacute"), Some('é'));
        assert_eq!(named("Omega"), Some('Ω'));
        assert_eq!(named("yuml"), Some('ÿ'));
    }

    fn fragment() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "<p>",
            "</p>",
            "<b>",
            "</b>",
            "<code>",
            "</code>",
            "<br>",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "&amp;",
            "&euro;",
            "&#8212;",
            "&#x",
            "&nbsp;",
            "&",
            "<",
            ">",
            "\r\n",
            " ",
            "  ",
            "é",
            "東",
            "12.5%",
            "word",
            "<td>",
            "<pre>",
            "</pre>",
            "<a href='5'>",
            "</a>",
            "\u{feff}",
            "<!-- figcheck-disable -->",
            "<svg>",
            "<head>",
            "<body>",
            "\"",
            "'",
            "=",
            "/",
            "</",
            "5",
            "million",
            ".",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn every_prose_byte_maps_inside_the_source(parts in prop::collection::vec(fragment(), 0..40)) {
            let src: String = parts.concat();
            let p = checked(&src);
            for (s, w) in p.text.match_indices("word") {
                prop_assert_eq!(&src[p.map.to_source(s..s + w.len())], w);
            }
        }

        /// Through the whole pipeline: every claim's source span lies on
        /// char boundaries inside the file.
        #[test]
        fn claims_map_to_char_boundaries(parts in prop::collection::vec(fragment(), 0..40)) {
            let src: String = parts.concat();
            let options = crate::analysis::Options {
                format: crate::source::InputFormat::Html,
                date: None,
            };
            let doc = crate::analysis::Analysis::new(&src, &options);
            for c in &doc.claims {
                let r = doc.to_source(&c.span);
                prop_assert!(src.get(r.clone()).is_some(), "{:?} → {:?} in {:?}", c.span, r, src);
            }
        }

        #[test]
        fn arbitrary_text_never_panics(src in "\\PC{0,200}") {
            checked(&src);
        }
    }
}
