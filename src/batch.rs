//! The batch interface: JSONL records in, one JSONL line out per record.
//!
//! A record is `{"id": <scalar>, "text": "...", "date": "YYYY-MM-DD" | null}`.
//! The id is echoed back as it was written, whatever JSON scalar it is.

use std::borrow::Cow;

/// One input record, its date read.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: serde_json::Value,
    pub text: String,
    pub date: Option<jiff::civil::Date>,
}

use raw::Record as Raw;

/// The record as read from its line, in a module of its own so that its
/// type can be called `Record`: serde_json's errors name the type ("expected
/// struct Record" for a line that is not an object).
mod raw {
    use std::borrow::Cow;

    use serde::Deserialize;

    /// A record as read from its line, its date as written: what
    /// `serde_json::from_str` reads.
    #[derive(Debug, Deserialize)]
    pub(super) struct Record<'a> {
        pub(super) id: serde_json::Value,
        pub(super) text: String,
        #[serde(default, borrow)]
        pub(super) date: Option<Cow<'a, str>>,
    }
}

/// Why a record could not be read.
#[derive(Debug)]
pub enum RecordError {
    Json(serde_json::Error),
    BadId,
    BadDate(String),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::Json(e) => write!(f, "invalid JSON record: {e}"),
            RecordError::BadId => write!(
                f,
                "the record's `id` must be a string, number, boolean or null"
            ),
            RecordError::BadDate(d) => write!(
                f,
                "the record's `date` `{d}` is not a date of the form YYYY-MM-DD"
            ),
        }
    }
}

impl std::error::Error for RecordError {}

/// Parses one JSONL line into a record.
///
/// # Errors
/// Invalid JSON, a missing `id` or `text`, an id that is an array or object,
/// or a date that is not `YYYY-MM-DD`.
pub fn parse_record(line: &str) -> Result<Record, RecordError> {
    let mut text = String::new();
    let (id, date) = parse_record_into(line, &mut text)?;
    Ok(Record {
        id: id.into_value(),
        text,
        date,
    })
}

/// A record's id as read: a string, borrowed from the line where it is
/// written without escapes (nearly every id), or another JSON scalar.
/// Written as JSON, it is what its [`serde_json::Value`] is.
#[derive(Debug, Clone, PartialEq)]
pub enum Id<'a> {
    String(Cow<'a, str>),
    Other(serde_json::Value),
}

impl Id<'_> {
    /// The id as a JSON value.
    pub fn into_value(self) -> serde_json::Value {
        match self {
            Id::String(s) => serde_json::Value::String(s.into_owned()),
            Id::Other(v) => v,
        }
    }
}

impl From<serde_json::Value> for Id<'_> {
    fn from(v: serde_json::Value) -> Self {
        match v {
            serde_json::Value::String(s) => Id::String(Cow::Owned(s)),
            v => Id::Other(v),
        }
    }
}

impl serde::Serialize for Id<'_> {
    /// As [`serde_json::Value`] serializes the same id: a string through
    /// `serialize_str`, as `Value::String` does.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Id::String(v) => s.serialize_str(v),
            Id::Other(v) => v.serialize(s),
        }
    }
}

/// [`parse_record`] with the text decoded into `text` (what it held
/// before is cleared) and the id borrowed from the line where it can be:
/// a thread that reads record after record into one buffer makes no text
/// and no id of its own for each. The text made for every record and the
/// id were allocated on a worker and freed where the record is rendered,
/// on the main thread, which the allocator serves from neither thread's
/// cache: 3.7 M instructions of a `check` run on 5.6 MB of news JSONL,
/// 2.0 M of a `claims` run.
///
/// # Errors
/// Those of [`parse_record`].
pub fn parse_record_into<'a>(
    line: &'a str,
    text: &mut String,
) -> Result<(Id<'a>, Option<jiff::civil::Date>), RecordError> {
    let (id, date) = read_record_into(line, text).map_err(RecordError::Json)?;
    if matches!(
        id,
        Id::Other(serde_json::Value::Array(_) | serde_json::Value::Object(_))
    ) {
        return Err(RecordError::BadId);
    }
    let date = match date.as_deref() {
        None | Some("") => None,
        Some(d) => Some(parse_date(d).ok_or_else(|| RecordError::BadDate(d.to_string()))?),
    };
    Ok((id, date))
}

/// A record's id and its date as written, its text decoded into a buffer
/// ([`read_record_into`]).
type Fields<'a> = (Id<'a>, Option<Cow<'a, str>>);

/// Reads one JSONL line as `serde_json::from_str` reads a [`Raw`] record,
/// its text into `text`. Nearly every record is an object of string,
/// integer and `null` members with plain keys, which [`read_plain_into`]
/// reads in one pass over the line, its text decoded a run between escapes
/// at a time ([`Json::decode`]). Reading the text as a raw token with
/// serde_json (which checks a string in one pass and skips or decodes it
/// in another) cost 7.3 M instructions more of a `check` run on 5 MB of
/// news JSONL. A line the fast path turns away (another shape, a lone
/// surrogate, any JSON error) is read again by serde_json, so that what it
/// accepts and the errors it gives are serde_json's own.
fn read_record_into<'a>(line: &'a str, text: &mut String) -> Result<Fields<'a>, serde_json::Error> {
    if let Some(read) = read_plain_into(line, text) {
        return Ok(read);
    }
    let raw: Raw<'a> = serde_json::from_str(line)?;
    *text = raw.text;
    Ok((Id::from(raw.id), raw.date))
}

/// A record whose members are strings, integers, `true`, `false` or
/// `null` under keys without escapes, `id` and `text` present and no key
/// of the three twice, its text decoded into `text`; `None` for any other
/// line, valid or not (`text` then holds anything). A date without escapes
/// is borrowed from the line: copied into a string, read and dropped, it
/// cost an allocation and its release (0.8 M instructions of a `check` run
/// on 5.6 MB of news).
fn read_plain_into<'a>(line: &'a str, out: &mut String) -> Option<Fields<'a>> {
    let mut p = Json { s: line, at: 0 };
    p.blank();
    p.eat(b'{')?;
    let (mut id, mut text, mut date) = (None, false, None);
    loop {
        p.blank();
        let key = p.key()?;
        p.blank();
        p.eat(b':')?;
        p.blank();
        match key {
            "id" if id.is_none() => id = Some(p.id()?),
            "text" if !text => {
                // the text is most of a record: room for the rest of the
                // line
                out.clear();
                out.reserve(line.len() - p.at);
                p.decode_runs(Some(out))?;
                text = true;
            }
            "date" if date.is_none() => {
                date = Some(match p.bytes().get(p.at) {
                    Some(b'"') => Some(p.text()?),
                    _ => match p.scalar()? {
                        serde_json::Value::Null => None,
                        _ => return None,
                    },
                });
            }
            "id" | "text" | "date" => return None,
            // another member, read and dropped as serde_json drops it; a
            // string is checked as it is read, but not kept
            _ if p.bytes().get(p.at) == Some(&b'"') => p.skip_string()?,
            _ => {
                p.scalar()?;
            }
        }
        p.blank();
        match p.next()? {
            b',' => {}
            b'}' => break,
            _ => return None,
        }
    }
    p.blank();
    (p.at == line.len() && text).then_some(())?;
    Some((id?, date.flatten()))
}

/// A cursor over a line of JSON, for [`read_plain_into`].
struct Json<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Json<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.s.as_bytes()
    }

    /// Skips JSON's white space.
    fn blank(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes().get(self.at) {
            self.at += 1;
        }
    }

    fn next(&mut self) -> Option<u8> {
        let c = *self.bytes().get(self.at)?;
        self.at += 1;
        Some(c)
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.next()? == c).then_some(())
    }

    /// A string, decoded: a short one with no escape (an id, a date) read
    /// eight bytes at a time ([`plain_end`]); in any other the runs between
    /// escapes copied whole, found by a vector search for quotes and
    /// backslashes, a run of escapes ("\n\n" between paragraphs) decoded
    /// without a search. `None` for a raw control character, which JSON
    /// forbids, or an escape that makes no character (a lone surrogate).
    /// `capacity` is room made up front.
    fn string_with(&mut self, capacity: usize) -> Option<String> {
        let mut out = String::with_capacity(capacity);
        self.decode(Some(&mut out))?;
        Some(out)
    }

    /// Passes a string as [`Json::string_with`] reads it, keeping nothing:
    /// for the members a record drops ("title", "source").
    fn skip_string(&mut self) -> Option<()> {
        self.decode(None)
    }

    /// Reads the string at the cursor, appending it decoded to `out` if
    /// given; `None` where [`Json::string_with`] says so.
    fn decode(&mut self, out: Option<&mut String>) -> Option<()> {
        if let Some(body) = self.plain() {
            if let Some(out) = out {
                out.push_str(body);
            }
            return Some(());
        }
        self.decode_runs(out)
    }

    /// [`Json::decode`] without its try of the string as a short one
    /// ([`Json::plain`]): for a record's text, which is seldom short, where
    /// the try cost 115 instructions a record (0.38 M of a run on 5.6 MB of
    /// news JSONL).
    fn decode_runs(&mut self, mut out: Option<&mut String>) -> Option<()> {
        let b = self.bytes();
        let start = self.at;
        (b.get(start) == Some(&b'"')).then_some(())?;
        let mut from = start + 1;
        loop {
            let end = from + quote_or_backslash(b.get(from..)?)?;
            let piece = self.s.get(from..end)?;
            if let Some(out) = out.as_deref_mut() {
                out.push_str(piece);
            }
            if b[end] == b'"' {
                // no raw control character in the whole string, escapes
                // included (where one makes the escape fail anyway): one
                // pass over the string, where a pass over each run
                // between escapes cost 4.8 M instructions of a run on
                // 5.6 MB of news
                if below_space(&b[start + 1..end]) {
                    return None;
                }
                self.at = end + 1;
                return Some(());
            }
            from = end;
            while b.get(from) == Some(&b'\\') {
                let (c, len) = escape(b.get(from + 1..)?)?;
                if let Some(out) = out.as_deref_mut() {
                    out.push(c);
                }
                from += 1 + len;
            }
        }
    }

    /// The body of the short string at the cursor, which is the string
    /// itself: no escape, no control character ([`plain_end`]); the cursor
    /// is moved past it. `None` for any other string, the cursor left.
    fn plain(&mut self) -> Option<&'a str> {
        let start = self.at;
        (self.bytes().get(start) == Some(&b'"')).then_some(())?;
        let end = plain_end(self.bytes(), start + 1)?;
        let body = self.s.get(start + 1..end)?;
        self.at = end + 1;
        Some(body)
    }

    /// A string, borrowed where its body is the string ([`Json::plain`]),
    /// else decoded ([`Json::string_with`]).
    fn text(&mut self) -> Option<Cow<'a, str>> {
        match self.plain() {
            Some(body) => Some(Cow::Borrowed(body)),
            None => self.string_with(0).map(Cow::Owned),
        }
    }

    /// A key: a string without escapes (a key with one is left to
    /// serde_json). Most are short ([`Json::plain`]): a vector search for
    /// the quote and a pass over the key cost 60 instructions a key.
    fn key(&mut self) -> Option<&'a str> {
        if let Some(key) = self.plain() {
            return Some(key);
        }
        let b = self.bytes();
        (b.get(self.at) == Some(&b'"')).then_some(())?;
        let from = self.at + 1;
        let end = from + memchr::memchr(b'"', b.get(from..)?)?;
        if b[from..end].iter().any(|&c| c == b'\\' || c < 0x20) {
            return None;
        }
        self.at = end + 1;
        self.s.get(from..end)
    }

    /// An id: a string borrowed where its body is the string
    /// ([`Json::text`]), else a scalar as [`Json::scalar`] reads it.
    fn id(&mut self) -> Option<Id<'a>> {
        match self.bytes().get(self.at) {
            Some(b'"') => self.text().map(Id::String),
            _ => self.scalar().map(Id::Other),
        }
    }

    /// A string, an integer without exponent or fraction, `true`, `false`
    /// or `null`, as serde_json reads it into a value.
    fn scalar(&mut self) -> Option<serde_json::Value> {
        use serde_json::Value;
        let rest = self.bytes().get(self.at..)?;
        // told apart by the first byte: a string (most ids and dates) is
        // read without the three words tried first, each a value made and
        // dropped
        let word = match rest.first() {
            Some(b'"') => return self.text().map(|t| Value::String(t.into_owned())),
            Some(b'n') => Some((&b"null"[..], Value::Null)),
            Some(b't') => Some((&b"true"[..], Value::Bool(true))),
            Some(b'f') => Some((&b"false"[..], Value::Bool(false))),
            _ => None,
        };
        if let Some((word, v)) = word {
            if rest.starts_with(word) {
                self.at += word.len();
                return Some(v);
            }
            return None;
        }
        let sign = usize::from(rest.first() == Some(&b'-'));
        let digits = rest[sign..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        // no leading zero, nothing of a fraction or exponent after
        if digits == 0
            || digits > 1 && rest[sign] == b'0'
            || matches!(rest.get(sign + digits), Some(b'.' | b'e' | b'E'))
        {
            return None;
        }
        let token = self.s.get(self.at..self.at + sign + digits)?;
        self.at += sign + digits;
        serde_json::from_str(token).ok()
    }
}

/// The first `"` or `\` of `b`, found by the memchr crate's AVX2 search
/// made once where the processor has it: `memchr::memchr2` makes its
/// searcher and calls it through a function pointer for each run between
/// escapes (11 a record of news, 24 instructions each).
fn quote_or_backslash(b: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    {
        use memchr::arch::x86_64::avx2::memchr::Two;
        static TWO: std::sync::LazyLock<Option<Two>> =
            std::sync::LazyLock::new(|| Two::new(b'"', b'\\'));
        if let Some(two) = &*TWO {
            return two.find(b);
        }
    }
    memchr::memchr2(b'"', b'\\', b)
}

/// The end of a short string whose body starts at `from` in `b`: the
/// offset of its closing quote when that comes within the first 32 bytes,
/// with no backslash and no control character before it; `None` for any
/// other string, which [`Json::decode`] reads the long way. Eight bytes are
/// tested at a time for all three: an id, a date, a title or a source read
/// the long way, a vector search and a pass for control characters, cost
/// 190 instructions.
fn plain_end(b: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // the high bit of the first byte of `w` below `n` (at most 0x80) is
    // set, and of none before it: a borrow only marks bytes above one that
    // is below `n`
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    let mut at = from;
    for _ in 0..4 {
        let w = u64::from_le_bytes(*b.get(at..)?.first_chunk::<8>()?);
        let stops = below(w, 0x20)
            | below(w ^ (ONES * u64::from(b'"')), 1)
            | below(w ^ (ONES * u64::from(b'\\')), 1);
        if stops != 0 {
            let end = at + (stops.trailing_zeros() / 8) as usize;
            return (b.get(end) == Some(&b'"')).then_some(end);
        }
        at += 8;
    }
    None
}

/// True when `b` holds a control character (below U+0020), which JSON
/// strings may not hold raw. The least byte is found without a branch a
/// byte, which the compiler makes a vector loop: the least of each of 32
/// lanes over the whole chunks of 32 bytes and the last 32 bytes, then of
/// the lanes (0.19 instructions a byte, where a fold over the bytes took
/// 0.26).
fn below_space(b: &[u8]) -> bool {
    fn least_into(least: &mut [u8; 32], bytes: &[u8]) {
        for (l, &c) in least.iter_mut().zip(bytes) {
            *l = (*l).min(c);
        }
    }
    let (chunks, rest) = b.as_chunks::<32>();
    let mut least = [u8::MAX; 32];
    for chunk in chunks {
        least_into(&mut least, chunk);
    }
    // the last 32 bytes (some of them again), or all of a shorter string
    least_into(
        &mut least,
        b.last_chunk::<32>().map_or(rest, |last| &last[..]),
    );
    least.iter().fold(u8::MAX, |a, &c| a.min(c)) < 0x20
}

/// The character of the JSON escape whose backslash comes just before
/// `after`, and how many bytes of `after` it spans. A `\u` escape of a
/// leading surrogate must be followed by one of a trailing surrogate.
fn escape(after: &[u8]) -> Option<(char, usize)> {
    let c = match *after.first()? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let high = hex4(after.get(1..5)?)?;
            if !(0xD800..0xDC00).contains(&high) {
                // a trailing surrogate here is lone: no char
                return Some((char::from_u32(high)?, 5));
            }
            let low = match after.get(5..11)? {
                [b'\\', b'u', digits @ ..] => hex4(digits)?,
                _ => return None,
            };
            if !(0xDC00..0xE000).contains(&low) {
                return None;
            }
            let c = char::from_u32(0x1_0000 + ((high - 0xD800) << 10) + (low - 0xDC00))?;
            return Some((c, 11));
        }
        _ => return None,
    };
    Some((c, 1))
}

/// The number written by four hex digits.
fn hex4(digits: &[u8]) -> Option<u32> {
    digits
        .iter()
        .try_fold(0, |n, &d| Some(n << 4 | char::from(d).to_digit(16)?))
}

/// A line of a batch ([`Batches::next_batch`]): its number, from 1, and
/// its text, `None` if it is not UTF-8.
pub type Line<'a> = (usize, Option<&'a str>);

/// The lines of a JSONL stream, read a batch at a time into one buffer:
/// a line is a range of the buffer, where a vector of its own for each line
/// (and, through a `BufRead`, a copy out of the reader's buffer) cost an
/// allocation, a copy and a release a record, 1.7 M instructions of a
/// `check` run on 5.6 MB of news. The newlines are found with the `memchr`
/// crate's vector search.
pub struct Batches<R> {
    reader: R,
    /// The last batch's lines from `next` on and the rest as read, to
    /// `end`; past it, room for the next read. Made at the first read with
    /// room for `room` bytes, zeroed: `vec![0; n]` asks the allocator for
    /// zeroed memory, which for a buffer this size is fresh pages that the
    /// system zeroes as they are first touched, where growing the buffer a
    /// chunk at a time with `resize` wrote every byte (6.6 M instructions
    /// of a run on 5.6 MB of news, one batch of all its records).
    buf: Vec<u8>,
    /// The bytes the buffer is first made for.
    room: usize,
    /// Where the first line not yet in a batch starts.
    next: usize,
    /// The end of the bytes read.
    end: usize,
    /// The reader has nothing more.
    eof: bool,
    /// The lines so far.
    number: usize,
    /// The bytes asked of the reader at a time.
    chunk: usize,
}

impl<R: std::io::Read> Batches<R> {
    /// The lines of `reader`, read `chunk` bytes at a time into a buffer
    /// made for `room` bytes (a batch's and a chunk's), grown past it only
    /// for a longer batch.
    pub fn new(reader: R, chunk: usize, room: usize) -> Batches<R> {
        Batches {
            reader,
            buf: Vec::new(),
            room,
            next: 0,
            end: 0,
            eof: false,
            number: 0,
            chunk: chunk.max(1),
        }
    }

    /// The next batch of lines, up to `lines` of them, blank or not, or
    /// until they hold `bytes` bytes, or those read so far once the bytes
    /// read hold no more whole lines, and true when the stream ended after
    /// them. A line keeps its `\n`; it comes numbered from 1 with its text,
    /// `None` for one that is not UTF-8. Lines of white space are left
    /// out (but counted).
    ///
    /// # Errors
    /// The reader's, except an interruption, after which it reads again.
    pub fn next_batch(
        &mut self,
        lines: usize,
        bytes: usize,
    ) -> std::io::Result<(Vec<Line<'_>>, bool)> {
        // the last batch is done with: the lines after it to the front
        self.buf.copy_within(self.next..self.end, 0);
        (self.end, self.next) = (self.end - self.next, 0);
        let mut spans = Vec::new();
        let (mut scanned, mut size, mut ended) = (0, 0, false);
        while spans.len() < lines && size < bytes {
            let read = self.buf.get(scanned..self.end).unwrap_or_default();
            let end = match memchr::memchr(b'\n', read) {
                Some(i) => scanned + i + 1,
                // a batch that holds a line is given before a read, which
                // may wait on a producer that sends a record at a time
                None if !self.eof && !spans.is_empty() => break,
                None if !self.eof => {
                    scanned = self.end;
                    self.fill()?;
                    continue;
                }
                // a last line without a newline
                None if self.next < self.end => self.end,
                None => {
                    ended = true;
                    break;
                }
            };
            self.number += 1;
            spans.push((self.number, self.next..end));
            size += end - self.next;
            (self.next, scanned) = (end, end);
        }
        // the batch's lines are checked as UTF-8 together, each then cut
        // from them at its newlines: a check of each line cost 110
        // instructions a line more (0.37 M of a run on 5.6 MB of news
        // JSONL); a batch with a line that is not UTF-8 is checked a line
        // at a time to find it
        let first = spans.first().map_or(0, |(_, line)| line.start);
        let last = spans.last().map_or(0, |(_, line)| line.end);
        let buf = &self.buf;
        let whole = buf
            .get(first..last)
            .and_then(|b| std::str::from_utf8(b).ok());
        let batch = spans
            .into_iter()
            .filter_map(|(n, line)| {
                let text = match whole {
                    Some(whole) => whole.get(line.start - first..line.end - first),
                    None => std::str::from_utf8(buf.get(line).unwrap_or_default()).ok(),
                };
                match text {
                    Some(text) if blank(text) => None,
                    text => Some((n, text)),
                }
            })
            .collect();
        Ok((batch, ended))
    }

    /// Appends what one read of the reader gives, up to a chunk, to the
    /// bytes read; at the end of the stream, marks it ended. One read, not
    /// reads until a chunk is full: records are checked as they come from
    /// a pipe, and an end of input typed at a terminal ends it at once.
    fn fill(&mut self) -> std::io::Result<()> {
        let want = self.end + self.chunk;
        if self.buf.is_empty() {
            self.buf = vec![0; want.max(self.room)];
        } else if self.buf.len() < want {
            self.buf.resize(want, 0);
        }
        let room = self.buf.get_mut(self.end..want).unwrap_or_default();
        let read = loop {
            match self.reader.read(room) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        };
        self.end += read;
        self.eof = read == 0;
        Ok(())
    }
}

/// True when `line` is white space only, as `line.trim().is_empty()` says:
/// told by its first byte for a line that starts with an ASCII character
/// that is not white space (a record's `{`), where `trim` cost 60
/// instructions a line.
fn blank(line: &str) -> bool {
    match line.as_bytes().first() {
        Some(&b) if b.is_ascii() && !char::from(b).is_whitespace() => false,
        _ => line.trim().is_empty(),
    }
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<jiff::civil::Date> {
    if let Some(date) = digits_date(s.as_bytes()) {
        return date;
    }
    let s = s.trim();
    if s.len() != 10 {
        return None;
    }
    s.parse::<jiff::civil::Date>().ok()
}

/// The date of ten bytes of digits in the shape `YYYY-MM-DD` (most dates
/// of records), read by hand: `Some(None)` when they name no day
/// (`2022-02-30`), `None` for any other text, which jiff's parser reads.
/// The parser and the trim cost 200 instructions a date.
fn digits_date(b: &[u8]) -> Option<Option<jiff::civil::Date>> {
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = b else {
        return None;
    };
    let mut n = [0; 8];
    for (n, c) in n.iter_mut().zip([y0, y1, y2, y3, m0, m1, d0, d1]) {
        *n = i8::try_from(c.checked_sub(b'0').filter(|d| *d <= 9)?).ok()?;
    }
    let [a, b, c, d, m0, m1, d0, d1] = n.map(i16::from);
    let month = i8::try_from(m0 * 10 + m1).ok()?;
    let day = i8::try_from(d0 * 10 + d1).ok()?;
    Some(jiff::civil::Date::new(((a * 10 + b) * 10 + c) * 10 + d, month, day).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines glued from records, blank lines of every kind of white
    /// space, text that is not UTF-8, and ends with and without a newline,
    /// read through chunks of every size and in batches of every length:
    /// the lines of the batches are those `read_until` splits, numbered
    /// from 1, the blank ones left out as `trim` finds them, and the
    /// stream ends after the last.
    #[test]
    fn batches_are_the_lines_read_until_splits() {
        use std::io::BufRead;
        let pieces = [
            "{\"id\": 1, \"text\": \"a\"}",
            "x",
            "é",
            " ",
            "\t",
            "\u{b}",
            "\u{a0}",
            "\u{3000}",
            "\r",
            "\n",
            "\n",
            "\n\n",
        ];
        let (mut read, mut blank_lines, mut not_utf8) = (0, 0, 0);
        for (k, mut text) in crate::testgen::glued(3_000, 10, &pieces, 0x2545_f491_4f6c_dd1d)
            .into_iter()
            .map(String::into_bytes)
            .enumerate()
        {
            if k % 7 == 0 {
                text.extend_from_slice(b"\xff\n");
            }
            let mut want = Vec::new();
            let mut reader = std::io::BufReader::new(&text[..]);
            loop {
                let mut line = Vec::new();
                if reader.read_until(b'\n', &mut line).unwrap() == 0 {
                    break;
                }
                want.push(line);
            }
            let (chunk, most) = (1 + k % 9, 1 + k % 4);
            // room for none of the text to all of it: the buffer grows
            let mut batches = Batches::new(&text[..], chunk, k % 11 * k % 97);
            let mut got = Vec::new();
            loop {
                let (batch, ended) = batches.next_batch(most, usize::MAX).unwrap();
                assert!(batch.len() <= most);
                got.extend(batch.into_iter().map(|(n, l)| (n, l.map(str::to_string))));
                if ended {
                    break;
                }
            }
            let want: Vec<(usize, Option<String>)> = want
                .into_iter()
                .enumerate()
                .filter_map(|(i, l)| match String::from_utf8(l) {
                    Ok(l) if l.trim().is_empty() => {
                        blank_lines += 1;
                        None
                    }
                    Ok(l) => Some((i + 1, Some(l))),
                    Err(_) => {
                        not_utf8 += 1;
                        Some((i + 1, None))
                    }
                })
                .collect();
            read += want.len();
            assert_eq!(got, want, "{text:?}");
        }
        assert!(
            read > 2_000 && blank_lines > 1_000 && not_utf8 > 300,
            "{read} read, {blank_lines} blank, {not_utf8} not UTF-8"
        );
    }

    /// A batch ends once its lines hold the bytes asked for.
    #[test]
    fn batches_end_at_their_bytes() {
        let text = "a\nbb\nccc\ndddd\n";
        let mut batches = Batches::new(text.as_bytes(), 100, 0);
        let lines =
            |batch: Vec<Line<'_>>| -> Vec<usize> { batch.into_iter().map(|(n, _)| n).collect() };
        let (batch, ended) = batches.next_batch(10, 5).unwrap();
        assert_eq!((lines(batch), ended), (vec![1, 2], false));
        let (batch, ended) = batches.next_batch(10, 5).unwrap();
        assert_eq!((lines(batch), ended), (vec![3, 4], false));
        let (batch, ended) = batches.next_batch(10, 5).unwrap();
        assert_eq!((lines(batch), ended), (vec![], true));
    }

    /// The first-byte test of a blank line says what `trim` says, for
    /// every character up to U+3000 at the start of a line and after white
    /// space.
    #[test]
    fn blank_lines_are_what_trim_finds() {
        let mut blanks = 0;
        for c in (0..=0x3000).filter_map(char::from_u32) {
            for line in [format!("{c}"), format!("{c} x"), format!(" {c}\n")] {
                assert_eq!(blank(&line), line.trim().is_empty(), "{line:?}");
                blanks += usize::from(blank(&line));
            }
        }
        assert!(blanks > 40, "{blanks}");
    }

    /// String bodies glued from pieces: plain and non-ASCII text, every
    /// escape, escapes that are malformed, surrogates paired and lone, raw
    /// control characters and quotes.
    fn string_bodies(n: usize) -> Vec<String> {
        let pieces = [
            "a",
            "Z",
            " ",
            "é",
            "€",
            "😀",
            "\\n",
            "\\\"",
            "\\\\",
            "\\/",
            "\\b",
            "\\f",
            "\\r",
            "\\t",
            "\\u0041",
            "\\u00e9",
            "\\u20AC",
            "\\u0000",
            "\\u001f",
            "\\uD83D",
            "\\ude00",
            "\\uDBFF",
            "\\uDFFF",
            "\\udc00",
            "\\ud83d\\ude00",
            "\\uD800\\u0041",
            "\\uD800\\n",
            "\\uD800\\uD800",
            "\\uZZZZ",
            "\\u12",
            "\\u+123",
            "\\U0041",
            "\\x",
            "\\",
            "\"",
            "\n",
            "\t",
            "\u{1}",
            "\u{7f}",
            "\u{85}",
        ];
        crate::testgen::glued(n, 8, &pieces, 0x2545_f491_4f6c_dd1d)
    }

    /// A string token read by `Json::text` (its end found, its control
    /// characters refused, its escapes decoded) gives what serde_json
    /// gives, and is turned away where serde_json fails.
    #[test]
    fn strings_read_as_serde_json_reads_them() {
        let (mut good, mut bad) = (0, 0);
        for body in string_bodies(50_000) {
            let token = format!("\"{body}\"");
            let want = serde_json::from_str::<String>(&token).ok();
            let mut cursor = Json { s: &token, at: 0 };
            // a body with a bare quote is read up to it: no whole token
            let got = cursor
                .text()
                .map(Cow::into_owned)
                .filter(|_| cursor.at == token.len());
            assert_eq!(got, want, "{token:?}");
            // and read the same with more of a line after it, where the
            // short ones are read eight bytes at a time ([`plain_end`])
            let line = format!("{token}, \"date\": null}}");
            let mut cursor = Json { s: &line, at: 0 };
            let got = cursor
                .text()
                .map(Cow::into_owned)
                .filter(|_| cursor.at == token.len());
            assert_eq!(got, want, "{line:?}");
            // passing the string over stops where reading it stops
            let mut read = Json { s: &token, at: 0 };
            let read_to = read.text().map(|_| read.at);
            let mut skip = Json { s: &token, at: 0 };
            assert_eq!(skip.skip_string().map(|()| skip.at), read_to, "{token:?}");
            good += usize::from(want.is_some());
            bad += usize::from(want.is_none());
            // a cursor anywhere in a string never panics
            for at in (0..token.len()).filter(|&i| token.is_char_boundary(i)) {
                let _ = Json { s: &token, at }.text();
            }
        }
        assert!(good > 5_000 && bad > 5_000, "{good} good, {bad} bad");
    }

    /// [`plain_end`] finds the closing quote a byte loop finds, in the
    /// first 32 bytes before any backslash or control character, from
    /// every offset of lines glued from string bodies and quotes (every
    /// byte of each at every place in a word); near the end of a line,
    /// where it reads no whole word, it may find none.
    #[test]
    fn plain_ends_are_the_bytes_ends() {
        fn bytewise(b: &[u8], from: usize) -> Option<usize> {
            for (i, &c) in b.iter().enumerate().skip(from).take(32) {
                if c == b'"' {
                    return Some(i);
                }
                if c == b'\\' || c < 0x20 {
                    return None;
                }
            }
            None
        }
        let (mut found, mut refused) = (0, 0);
        for body in string_bodies(20_000) {
            let line = format!("\"{body}\", \"a\u{1}\": \"{body}\"}}");
            let b = line.as_bytes();
            for from in 0..b.len() {
                let want = bytewise(b, from);
                let got = plain_end(b, from);
                if b.len() >= from + 32 {
                    assert_eq!(got, want, "{line:?} from {from}");
                } else {
                    assert!(got.is_none() || got == want, "{line:?} from {from}");
                }
                found += usize::from(got.is_some());
                refused += usize::from(got.is_none() && want.is_some());
            }
        }
        assert!(
            found > 100_000 && refused > 10_000,
            "{found} found, {refused} refused"
        );
    }

    /// A key is read, short or long, up to the quote that closes it, and
    /// one with an escape or a control character is left to serde_json:
    /// the eight-byte reading of the short ones ([`Json::plain`]) agrees
    /// with a search for the quote and a pass over the key.
    #[test]
    fn keys_are_read_to_their_quote() {
        let (mut read, mut refused) = (0, 0);
        for body in string_bodies(20_000) {
            for tail in [": 1, \"text\": \"a long text to read\"}", ":1}"] {
                let line = format!("\"{body}\"{tail}");
                let want = line[1..].find('"').and_then(|end| {
                    let key = &line[1..=end];
                    (!key.bytes().any(|c| c == b'\\' || c < 0x20)).then_some((key, end + 2))
                });
                let mut cursor = Json { s: &line, at: 0 };
                let got = cursor.key().map(|k| (k, cursor.at));
                assert_eq!(got, want, "{line:?}");
                read += usize::from(got.is_some());
                refused += usize::from(got.is_none());
            }
        }
        assert!(
            read > 5_000 && refused > 5_000,
            "{read} read, {refused} refused"
        );
    }

    /// The least-byte test finds a control character as a byte loop
    /// does: every byte value at every place of strings up to 40 bytes,
    /// and the bytes either side of the limit at every place of strings up
    /// to 100 (three chunks of 32 and the last 32 bytes overlapping them),
    /// the lengths across any vector width the fold is compiled to.
    #[test]
    fn control_characters_are_found_as_a_byte_loop_finds_them() {
        for len in 0..=100 {
            for at in 0..len {
                let values: Vec<u8> = if len <= 40 {
                    (0..=255).collect()
                } else {
                    vec![0, 0x1f, 0x20, 0x7f, 0x80, 0xff]
                };
                for b in values {
                    let mut s = vec![b' '; len];
                    s[at] = b;
                    let want = s.iter().any(|&c| c < 0x20);
                    assert_eq!(below_space(&s), want, "{s:?}");
                }
            }
        }
        assert!(!below_space(b""));
    }

    /// `parse_record` reads what `serde_json::from_str` reads and fails
    /// with its error where it fails, each text read into the buffer the
    /// last was read into, as a thread reads its records.
    #[test]
    fn records_read_as_serde_json_reads_them() {
        let bodies = string_bodies(5_000);
        let mut buf = String::new();
        for (i, body) in bodies.iter().enumerate() {
            let text = match i % 7 {
                0 => "5".to_string(),
                1 => "null".to_string(),
                _ => format!("\"{body}\""),
            };
            let line = match i % 5 {
                0 => format!("{{\"text\": {text}, \"id\": \"{i}\", \"extra\": [1, \"\\n\"]}}"),
                1 => format!("{{\"id\": {i}, \"text\": {text}, \"text\": \"b\"}}"),
                2 => format!("{{\"id\": {i}, \"text\": {text}, \"date\": \"\\u0032022-01-02\"}}"),
                3 => format!("{{\"id\": {i}, \"title\": \"{body}\", \"text\": \"a\"}}"),
                _ => format!("{{\"id\": {i}, \"text\": {text}}}"),
            };
            let want = serde_json::from_str::<Raw>(&line);
            let got = read_record_into(&line, &mut buf);
            match (
                got.map(|(id, date)| (id.into_value(), buf.clone(), date)),
                want,
            ) {
                (Ok(a), Ok(b)) => assert_eq!(a, (b.id, b.text, b.date), "{line:?}"),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{line:?}"),
                (a, b) => panic!("{line:?}: {a:?} against {b:?}"),
            }
        }
    }

    /// Lines glued from members of every kind (ids of each scalar type,
    /// numbers JSON forbids, dates of the wrong type, nested values, keys
    /// with escapes, repeated keys), separators and white space, and ends
    /// with and without garbage: wherever `read_plain_into` reads a record,
    /// serde_json reads the same one, and the fast path reads most of the
    /// well-formed lines.
    #[test]
    fn plain_records_are_serde_json_records() {
        let members = [
            r#""id": 7"#,
            r#""id": -12"#,
            r#""id": "a\nb""#,
            r#""id": -0"#,
            r#""id": 01"#,
            r#""id": 1.5"#,
            r#""id": 2e3"#,
            r#""id": true"#,
            r#""id": null"#,
            r#""id": [1]"#,
            r#""id": 18446744073709551616"#,
            r#""text": "Sales rose 5%.\n\nThey \"fell\" \u00e9""#,
            r#""text": "a\ud83d\ude00""#,
            r#""text": "lone \ud83d""#,
            r#""text": 5"#,
            r#""text": "tab	in""#,
            r#""date": null"#,
            r#""date": "2022-01-02""#,
            r#""date": 3"#,
            r#""source": "bbc""#,
            r#""title": "An \"odd\" \ud800 title""#,
            r#""n": 12"#,
            r#""f": false"#,
            r#""x": {"a": 1}"#,
            r#""e": 1e5"#,
            r#""t\u0065xt": "a""#,
            r#""": """#,
            r#""date": "2022-01-\u00302""#,
            r#""date": "2022-01-02 and a long tail past 32 bytes""#,
            r#""id": "bbc-business-006""#,
        ];
        let seps = [",", ", ", " ,\n", ",\t", ",,", " "];
        let mut rng = crate::testgen::Rng::new(0x2545_f491_4f6c_dd1d);
        let (mut fast, mut well_formed, mut borrowed, mut owned) = (0, 0, 0, 0);
        let (mut borrowed_ids, mut buf) = (0, String::new());
        for n in 0..30_000 {
            let mut line = String::from(["{", " {", "{\r\n", "[", ""][rng.below(5)]);
            // every other line: an id, a text and up to three members more
            // of the well-formed ones, in any order
            let mut picked: Vec<&str> = if n % 2 == 0 {
                let ids = [0, 1, 2, 3, 29];
                let mut m = vec![members[ids[rng.below(5)]], members[11 + rng.below(3)]];
                let more = [16, 17, 18, 19, 20, 21, 22, 23, 27, 28];
                for _ in 0..rng.below(4) {
                    m.push(members[more[rng.below(more.len())]]);
                }
                m
            } else {
                (0..rng.below(6))
                    .map(|_| members[rng.below(members.len())])
                    .collect()
            };
            for k in (1..picked.len()).rev() {
                picked.swap(k, rng.below(k + 1));
            }
            for (k, m) in picked.iter().enumerate() {
                if k > 0 {
                    line.push_str(seps[rng.below(seps.len())]);
                }
                line.push_str(m);
            }
            line.push_str(["}", "} ", "}\r\n", "}x", " }", "", ",}"][rng.below(7)]);
            let want = serde_json::from_str::<Raw>(&line);
            well_formed += usize::from(want.is_ok());
            if let Some((id, date)) = read_plain_into(&line, &mut buf) {
                fast += 1;
                borrowed += usize::from(matches!(date, Some(Cow::Borrowed(_))));
                owned += usize::from(matches!(date, Some(Cow::Owned(_))));
                borrowed_ids += usize::from(matches!(id, Id::String(Cow::Borrowed(_))));
                let want = want.unwrap_or_else(|e| panic!("{line:?}: read, but serde_json: {e}"));
                assert_eq!(
                    (id.into_value(), buf.as_str(), date),
                    (want.id, want.text.as_str(), want.date),
                    "{line:?}"
                );
            }
        }
        assert!(
            well_formed > 1_000 && fast * 10 > well_formed * 6,
            "{fast} of {well_formed}"
        );
        assert!(
            borrowed > 20 && owned > 20,
            "{borrowed} borrowed, {owned} owned"
        );
        assert!(borrowed_ids > 50, "{borrowed_ids} ids borrowed");
    }

    /// Dates of every year's turn and every month and day number from 0
    /// to 39, and dates with a byte changed to every value (each place of
    /// each), with white space around, are read as jiff reads them.
    #[test]
    fn dates_are_read_as_jiff_reads_them() {
        let mut texts = Vec::new();
        for y in [0, 1, 999, 1000, 1999, 2000, 2022, 2024, 2100, 9999] {
            for m in 0..40 {
                for d in 0..40 {
                    texts.push(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
        }
        for at in 0..10 {
            for c in 0..=255u8 {
                let mut b = b"2022-09-15".to_vec();
                b[at] = c;
                texts.extend(String::from_utf8(b).ok());
            }
        }
        for t in [
            "2022-09-15 ",
            " 2022-09-15",
            "\t2022-09-15\n",
            "2022-9-15",
            "+2022-09-15",
        ] {
            texts.push(t.to_string());
        }
        let (mut by_hand, mut days) = (0, 0);
        for t in &texts {
            let want = t
                .trim()
                .parse::<jiff::civil::Date>()
                .ok()
                .filter(|_| t.trim().len() == 10);
            assert_eq!(parse_date(t), want, "{t:?}");
            by_hand += usize::from(digits_date(t.as_bytes()).is_some());
            days += usize::from(want.is_some());
        }
        assert!(
            by_hand > 10_000 && days > 3_000,
            "{by_hand} by hand, {days} days"
        );
    }

    #[test]
    fn reads_records_with_any_scalar_id() {
        let r = parse_record(r#"{"id": 7, "text": "a", "date": "2022-09-15"}"#).unwrap();
        assert_eq!(r.id, serde_json::json!(7));
        assert_eq!(r.date, Some(jiff::civil::date(2022, 9, 15)));
        let r = parse_record(r#"{"id": "x", "text": "a", "date": "2022-\u00309-15"}"#).unwrap();
        assert_eq!(r.date, Some(jiff::civil::date(2022, 9, 15)));
        let r = parse_record(r#"{"id": "x", "text": "a", "date": null}"#).unwrap();
        assert_eq!(r.id, serde_json::json!("x"));
        assert_eq!(r.date, None);
        assert!(parse_record(r#"{"id": [1], "text": "a"}"#).is_err());
        assert!(parse_record(r#"{"id": 1, "text": "a", "date": "15/09/2022"}"#).is_err());
        assert!(parse_record(r#"{"id": 1}"#).is_err());
    }

    /// A reader that gives its pieces one read at a time: an empty piece
    /// is an end of input, as a terminal gives at Ctrl-D, after which it
    /// may give more; past the last piece, an error.
    struct Scripted(Vec<&'static [u8]>);

    impl std::io::Read for Scripted {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let Some(piece) = self.0.first().copied() else {
                return Err(std::io::Error::other("read past the script"));
            };
            let n = piece.len().min(out.len());
            out[..n].copy_from_slice(&piece[..n]);
            if n == piece.len() {
                self.0.remove(0);
            } else {
                self.0[0] = &piece[n..];
            }
            Ok(n)
        }
    }

    /// A batch is made of what the reads so far gave: a line that one
    /// read completes is not held back for a fuller chunk (records piped
    /// in are checked as they come), and the first end of input ends the
    /// stream (one Ctrl-D at a terminal), whatever the reader would give
    /// after it.
    #[test]
    fn batches_come_from_the_reads_so_far_and_end_at_the_first_end_of_input() {
        let mut batches = Batches::new(Scripted(vec![b"{\"a\"", b": 1}\n"]), 1 << 20, 4 << 20);
        let (batch, ended) = batches.next_batch(1, usize::MAX).unwrap();
        assert_eq!((batch, ended), (vec![(1, Some("{\"a\": 1}\n"))], false));
        let script = vec![&b"x\n"[..], b"y", b"", b"z\n", b""];
        let mut batches = Batches::new(Scripted(script), 1 << 20, 0);
        let (batch, ended) = batches.next_batch(10, usize::MAX).unwrap();
        assert_eq!((batch, ended), (vec![(1, Some("x\n"))], false));
        let (batch, ended) = batches.next_batch(10, usize::MAX).unwrap();
        assert_eq!((batch, ended), (vec![(2, Some("y"))], true));
    }

    /// A batch that holds a line is given without another read, which
    /// would wait for the producer's next record (here, fail).
    #[test]
    fn a_batch_with_a_line_is_given_before_a_read() {
        let mut batches = Batches::new(Scripted(vec![b"x\ny"]), 1 << 20, 0);
        let (batch, ended) = batches.next_batch(10, usize::MAX).unwrap();
        assert_eq!((batch, ended), (vec![(1, Some("x\n"))], false));
        assert!(batches.next_batch(10, usize::MAX).is_err());
    }

    /// A line that is JSON but not an object is named a record in the
    /// error, whatever the reading's own type is called.
    #[test]
    fn a_line_that_is_not_an_object_is_not_a_record() {
        for line in ["\"x\"", "1", "null", "[]", "[1]"] {
            let e = parse_record(line).map(|_| ()).unwrap_err().to_string();
            assert!(e.contains("struct Record"), "{line}: {e}");
        }
    }
}
