//! Fuzzes each parser family alone, through `figcheck::extract::probe`
//! (its docs list the families and the ends tried): every parser at every
//! char boundary of every sentence, where the scanner's gate would not call
//! most of them, must not panic and must read only between its position
//! and its end, on char boundaries.
#![no_main]

use figcheck::extract::probe;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Some(misread) = probe::misread(text) {
        panic!("{misread}");
    }
});
