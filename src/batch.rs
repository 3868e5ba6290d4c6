//! The batch interface: JSONL records in, one JSONL line out per record.
//!
//! A record is `{"id": <scalar>, "text": "...", "date": "YYYY-MM-DD" | null}`.
//! The id is echoed back as it was written, whatever JSON scalar it is.

use serde::Deserialize;

/// One input record.
#[derive(Debug, Clone, Deserialize)]
pub struct Record {
    pub id: serde_json::Value,
    pub text: String,
    #[serde(default)]
    pub date: Option<String>,
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

/// Parses one JSONL line into a record and its date.
///
/// # Errors
/// Invalid JSON, a missing `id` or `text`, an id that is an array or object,
/// or a date that is not `YYYY-MM-DD`.
pub fn parse_record(line: &str) -> Result<(Record, Option<jiff::civil::Date>), RecordError> {
    let rec = read_record(line).map_err(RecordError::Json)?;
    if rec.id.is_array() || rec.id.is_object() {
        return Err(RecordError::BadId);
    }
    let date = match rec.date.as_deref() {
        None | Some("") => None,
        Some(d) => Some(parse_date(d).ok_or_else(|| RecordError::BadDate(d.to_string()))?),
    };
    Ok((rec, date))
}

/// A record as first read: its `text` still the JSON string token, which
/// [`unescape`] decodes.
#[derive(Deserialize)]
struct RawRecord<'a> {
    id: serde_json::Value,
    #[serde(borrow)]
    text: &'a serde_json::value::RawValue,
    #[serde(default)]
    date: Option<String>,
}

/// Reads one JSONL line as a [`Record`], exactly as `serde_json::from_str`
/// does. serde_json decodes a string through a scratch buffer, an escape at
/// a time, and then copies it out; taking `text` as a raw token and
/// decoding it with [`unescape`] took `parse_record` from 29.7 M to 26.7 M
/// instructions of a `check` run on 5 MB of news JSONL, whose texts hold an
/// escape every ~110 bytes. A line the fast path turns away (a lone
/// surrogate, a `text` that is no string, any JSON error) is read again the
/// reference way, so that the error is serde_json's own.
fn read_record(line: &str) -> Result<Record, serde_json::Error> {
    if let Ok(raw) = serde_json::from_str::<RawRecord<'_>>(line)
        && let Some(text) = unescape(raw.text.get())
    {
        return Ok(Record {
            id: raw.id,
            text,
            date: raw.date,
        });
    }
    serde_json::from_str(line)
}

/// The text of the JSON string token `token`, escapes decoded; `None` if it
/// is not a string or holds an escape that does not make a character (a
/// lone surrogate). The token must be one serde_json has read as a value,
/// which has checked what this does not look at again: no raw control
/// character or `"` inside, four hex digits after every `\u`.
fn unescape(token: &str) -> Option<String> {
    let body = token.strip_prefix('"')?.strip_suffix('"')?;
    let bytes = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    // the start of the run not yet copied: whole runs between escapes are
    // copied at once
    let mut run = 0;
    while let Some(i) = memchr::memchr(b'\\', &bytes[run..]) {
        let mut at = run + i;
        out.push_str(body.get(run..at)?);
        // escapes come in runs ("\n\n" between paragraphs): the next one
        // of a run is decoded without a search
        loop {
            let (c, len) = escape(bytes.get(at + 1..)?)?;
            out.push(c);
            at += 1 + len;
            if bytes.get(at) != Some(&b'\\') {
                break;
            }
        }
        run = at;
    }
    out.push_str(body.get(run..)?);
    Some(out)
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

/// Appends to `out` the next line of `reader`, its `\n` included, and
/// returns the bytes read: 0 at the end of the stream. As
/// `BufRead::read_until(b'\n', out)`, but the newline is found with the
/// `memchr` crate's vector search instead of the standard library's
/// word-at-a-time loop, which took 5.8 M instructions of a `check` run on
/// 5 MB of JSONL.
///
/// # Errors
/// The reader's, except an interruption, after which it reads again.
pub fn read_line(reader: &mut dyn std::io::BufRead, out: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut read = 0;
    loop {
        let (found, used) = {
            let available = match reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            match memchr::memchr(b'\n', available) {
                Some(i) => {
                    out.extend_from_slice(&available[..=i]);
                    (true, i + 1)
                }
                None => {
                    out.extend_from_slice(available);
                    (false, available.len())
                }
            }
        };
        reader.consume(used);
        read += used;
        if found || used == 0 {
            return Ok(read);
        }
    }
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<jiff::civil::Date> {
    let s = s.trim();
    if s.len() != 10 {
        return None;
    }
    s.parse::<jiff::civil::Date>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `read_line` splits a stream as `read_until` does, whatever the
    /// reader's buffer size: lines longer than the buffer, blank lines, a
    /// last line without a newline, an empty stream.
    #[test]
    fn read_line_splits_as_read_until() {
        use std::io::{BufRead, BufReader};
        let texts = [
            "",
            "\n",
            "a",
            "a\n",
            "one\ntwo\n\nthree",
            "{\"id\": 1, \"text\": \"x\"}\r\n{\"id\": 2}\n\n\n",
            "a line far longer than any buffer below, to be read in pieces\nand\n",
        ];
        for text in texts {
            for capacity in [1, 2, 3, 7, 64, 8192] {
                let mut ours = BufReader::with_capacity(capacity, text.as_bytes());
                let mut theirs = BufReader::with_capacity(capacity, text.as_bytes());
                loop {
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    let n = read_line(&mut ours, &mut a).unwrap();
                    let m = theirs.read_until(b'\n', &mut b).unwrap();
                    assert_eq!((n, &a), (m, &b), "{text:?} at capacity {capacity}");
                    if n == 0 {
                        break;
                    }
                }
            }
        }
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

    /// A raw token decoded by `unescape` gives what serde_json gives for a
    /// string, and is turned away where serde_json fails.
    #[test]
    fn unescape_reads_strings_as_serde_json_does() {
        let (mut good, mut bad) = (0, 0);
        for body in string_bodies(50_000) {
            let token = format!("\"{body}\"");
            let want = serde_json::from_str::<String>(&token).ok();
            let got = serde_json::from_str::<&serde_json::value::RawValue>(&token)
                .ok()
                .and_then(|raw| unescape(raw.get()));
            assert_eq!(got, want, "{token:?}");
            good += usize::from(want.is_some());
            bad += usize::from(want.is_none());
            // unchecked input never panics
            let _ = unescape(&token);
            let _ = unescape(&body);
        }
        assert!(good > 5_000 && bad > 5_000, "{good} good, {bad} bad");
    }

    /// `parse_record` reads what `serde_json::from_str` reads and fails
    /// with its error where it fails.
    #[test]
    fn records_read_as_serde_json_reads_them() {
        let bodies = string_bodies(5_000);
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
                _ => format!("{{\"id\": {i}, \"text\": {text}}}"),
            };
            let want = serde_json::from_str::<Record>(&line);
            match (read_record(&line), want) {
                (Ok(a), Ok(b)) => {
                    assert_eq!((a.id, a.text, a.date), (b.id, b.text, b.date), "{line:?}");
                }
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{line:?}"),
                (a, b) => panic!("{line:?}: {a:?} against {b:?}"),
            }
        }
    }

    #[test]
    fn reads_records_with_any_scalar_id() {
        let (r, d) = parse_record(r#"{"id": 7, "text": "a", "date": "2022-09-15"}"#).unwrap();
        assert_eq!(r.id, serde_json::json!(7));
        assert_eq!(d, Some(jiff::civil::date(2022, 9, 15)));
        let (r, d) = parse_record(r#"{"id": "x", "text": "a", "date": null}"#).unwrap();
        assert_eq!(r.id, serde_json::json!("x"));
        assert_eq!(d, None);
        assert!(parse_record(r#"{"id": [1], "text": "a"}"#).is_err());
        assert!(parse_record(r#"{"id": 1, "text": "a", "date": "15/09/2022"}"#).is_err());
        assert!(parse_record(r#"{"id": 1}"#).is_err());
    }
}
