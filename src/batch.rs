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
