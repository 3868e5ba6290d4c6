//! Fuzzes each parser family alone: the number, approximator, currency,
//! percent, unit, counted-noun, age, measured-thing, multiplier, date and
//! relative-date readers, called at every char boundary of every sentence
//! (where the scanner's gate would never call most of them), and the
//! statistics reader over each sentence, must not panic and must read only
//! between their position and the sentence end, on char boundaries.
#![no_main]

use figcheck::extract::probe;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Some(misread) = probe::misread(text) {
        panic!("{misread}");
    }
});
