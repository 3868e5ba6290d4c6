//! Fuzzes the JSONL record reader against serde_json: each line of the
//! input is read as the CLI reads a batch's records, into one text buffer
//! kept from record to record (`batch::parse_record_into`), and as
//! `serde_json::from_str` reads it into a record; both must give the same
//! id, text and date, or the same error, whichever path (the hand cursor
//! or serde_json) took the line.
#![no_main]

use std::borrow::Cow;

use figcheck::batch::{self, RecordError};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;

/// The record serde_json reads, named as the batch's own (serde_json's
/// errors name the type: "expected struct Record").
#[derive(Debug, Deserialize)]
struct Record<'a> {
    id: serde_json::Value,
    text: String,
    #[serde(default, borrow)]
    date: Option<Cow<'a, str>>,
}

fuzz_target!(|input: &str| {
    // what an earlier record left in the buffer must not show through
    let mut text = String::from("left over from the record before");
    for line in input.split('\n') {
        let reference = serde_json::from_str::<Record>(line);
        match (batch::parse_record_into(line, &mut text), reference) {
            (Ok((id, date)), Ok(b)) => {
                let shown = serde_json::to_string(&id).ok();
                assert_eq!(shown, serde_json::to_string(&b.id).ok(), "{line:?}");
                assert_eq!(id.into_value(), b.id, "{line:?}");
                assert_eq!(text, b.text, "{line:?}");
                let want = b.date.as_deref().filter(|d| !d.is_empty()).and_then(batch::parse_date);
                assert_eq!(date, want, "{line:?}");
            }
            (Err(RecordError::Json(a)), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
            // a record serde_json reads whose id or date the batch refuses
            (Err(RecordError::BadId | RecordError::BadDate(_)), Ok(_)) => {}
            (a, b) => panic!("{line:?}: {a:?} against {b:?}"),
        }
    }
});
