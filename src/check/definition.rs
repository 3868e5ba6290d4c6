//! A check's definition: the data half of a check, in `checks/<name>.toml`.
//!
//! The Rust half decides *whether* a figure is wrong; the TOML half says what
//! to tell the user: severity, the message template, help, why it matters,
//! and examples that must fire and must not (they run as tests).

use serde::Deserialize;

use crate::diagnostic::Severity;

/// The contents of `checks/<name>.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckDef {
    /// The check's name and diagnostic code, kebab-case, equal to the file stem.
    pub code: String,
    pub severity: Severity,
    /// One line: what the check flags.
    pub summary: String,
    /// The message, with `{placeholders}` the check fills with the values in
    /// conflict.
    pub message: String,
    /// How to fix it; may use the same placeholders.
    pub help: String,
    /// Why it matters, for `figcheck explain`.
    pub why: String,
    pub examples: Examples,
}

/// Text that must fire and text that must not.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    pub fire: Vec<Example>,
    pub pass: Vec<Example>,
}

/// One example document.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    /// The document date the example assumes (`YYYY-MM-DD`).
    #[serde(default)]
    pub date: Option<String>,
    /// Why the example fires or passes, for readers of the file.
    #[serde(default)]
    pub note: Option<String>,
}

/// Fills `{name}` placeholders in `template` from `args`. A placeholder with
/// no value is left as written, and the check tests catch it.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let key = &after[..close];
                match args.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fills_known_placeholders_and_keeps_unknown_ones() {
        assert_eq!(
            fill(
                "{a} is less than {b}, says '{cue}'",
                &[("a", "13"), ("b", "16")]
            ),
            "13 is less than 16, says '{cue}'"
        );
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("open { only", &[]), "open { only");
    }
}
