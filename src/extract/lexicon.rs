//! Lexicons: the word lists figcheck reads, kept as data in `checks/lexicon/`
//! and embedded at compile time.
//!
//! Each list is parsed once, on first use, into a `'static` value, so claims
//! can hold `&'static str` units and phrases without allocating. The files are
//! strict (`deny_unknown_fields`); a test parses every one of them, so a
//! mistyped key fails the build's tests instead of silently matching nothing.

use serde::de::DeserializeOwned;

/// Parses an embedded lexicon. A parse failure is a bug in figcheck's own
/// data, caught by the lexicon tests, never by a user.
pub fn parse<T: DeserializeOwned>(name: &str, text: &str) -> T {
    match toml::from_str(text) {
        Ok(v) => v,
        Err(e) => panic!("embedded lexicon `{name}` is invalid: {e}"),
    }
}
