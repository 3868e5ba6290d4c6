//! Fuzzes the html source layer: every prose offset maps inside the source.
#![no_main]

use figcheck::source::{self, InputFormat};
use libfuzzer_sys::fuzz_target;

#[path = "common/prose.rs"]
mod prose;

fuzz_target!(|text: &str| {
    prose::assert_maps_inside(text, source::prose(text, InputFormat::Html));
});
