//! Fuzzes the sentence splitter: sentences are in order, non-overlapping,
//! never empty and on char boundaries.
#![no_main]

use figcheck::source::sentence;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut last = 0;
    for s in sentence::split(text) {
        assert!(
            s.start >= last && s.start < s.end,
            "sentence {s:?} after {last}"
        );
        assert!(
            text.get(s.clone()).is_some(),
            "sentence {s:?} not on char boundaries"
        );
        last = s.end;
    }
});
