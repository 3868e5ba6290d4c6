//! Fuzzes the JSONL record reader against serde_json: a line is read as
//! `serde_json::from_str` reads it into a record, with its error where it
//! fails, whichever path (the hand cursor or serde_json) took it.
#![no_main]

use figcheck::batch::{self, Record, RecordError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|line: &str| {
    let reference = serde_json::from_str::<Record>(line);
    match (batch::parse_record(line), reference) {
        (Ok((a, _)), Ok(b)) => assert_eq!((a.id, a.text, a.date), (b.id, b.text, b.date)),
        (Err(RecordError::Json(a)), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
        // a record serde_json reads whose id or date the batch refuses
        (Err(RecordError::BadId | RecordError::BadDate(_)), Ok(_)) => {}
        (a, b) => panic!("{line:?}: {a:?} against {b:?}"),
    }
});
