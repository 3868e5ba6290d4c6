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
    let rec: Record = serde_json::from_str(line).map_err(RecordError::Json)?;
    if rec.id.is_array() || rec.id.is_object() {
        return Err(RecordError::BadId);
    }
    let date = match rec.date.as_deref() {
        None | Some("") => None,
        Some(d) => Some(parse_date(d).ok_or_else(|| RecordError::BadDate(d.to_string()))?),
    };
    Ok((rec, date))
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
