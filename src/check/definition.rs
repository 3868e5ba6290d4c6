//! A check's definition: the data half of a check, in `checks/<name>.toml`.
//!
//! The Rust half decides *whether* a figure is wrong; the TOML half says what
//! to tell the user: severity, the message template, help, why it matters,
//! and examples that must fire and must not (they run as tests).

use std::collections::BTreeMap;

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
    /// Tunables the user may set in config (`[rules.<name>] <option> = …`),
    /// by kebab-case name.
    #[serde(default)]
    pub options: BTreeMap<String, OptionDef>,
    /// The values the user set, by option name; the rest keep their default.
    #[serde(skip)]
    pub values: BTreeMap<String, f64>,
}

/// A number a check reads instead of a constant, declared in its TOML as
/// `[options.<name>]` with its default, bounds and what it means.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionDef {
    pub default: f64,
    /// The smallest value accepted.
    pub min: f64,
    /// The largest value accepted.
    pub max: f64,
    /// What the option changes, for `figcheck explain` and the README.
    pub doc: String,
}

/// A config value for an option that the check does not have, or that is
/// out of bounds.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionError {
    Unknown {
        option: String,
        valid: Vec<String>,
    },
    OutOfRange {
        option: String,
        value: f64,
        min: f64,
        max: f64,
    },
}

impl std::fmt::Display for OptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptionError::Unknown { option, valid } if valid.is_empty() => {
                write!(f, "unknown option `{option}`; this check has no options")
            }
            OptionError::Unknown { option, valid } => write!(
                f,
                "unknown option `{option}`, expected one of `{}`",
                valid.join("`, `")
            ),
            OptionError::OutOfRange {
                option,
                value,
                min,
                max,
            } => write!(
                f,
                "`{option}` = `{value}` is out of range, expected a number from `{min}` to `{max}`"
            ),
        }
    }
}

impl std::error::Error for OptionError {}

impl CheckDef {
    /// The value in effect of the option `name`: the user's, else the
    /// default. An option the TOML does not declare reads as NaN, which no
    /// comparison passes; a test reads every option each check uses.
    pub fn number(&self, name: &str) -> f64 {
        match self.values.get(name) {
            Some(v) => *v,
            None => self.options.get(name).map_or(f64::NAN, |o| o.default),
        }
    }

    /// Checks `value` for the option `name` against its declaration.
    ///
    /// # Errors
    /// An undeclared option, or a value out of its bounds (or not finite).
    pub fn validate(&self, name: &str, value: f64) -> Result<(), OptionError> {
        let Some(o) = self.options.get(name) else {
            return Err(OptionError::Unknown {
                option: name.to_string(),
                valid: self.options.keys().cloned().collect(),
            });
        };
        if !(o.min..=o.max).contains(&value) {
            return Err(OptionError::OutOfRange {
                option: name.to_string(),
                value,
                min: o.min,
                max: o.max,
            });
        }
        Ok(())
    }

    /// Sets the option `name` to `value`.
    ///
    /// # Errors
    /// See [`CheckDef::validate`].
    pub fn set(&mut self, name: &str, value: f64) -> Result<(), OptionError> {
        self.validate(name, value)?;
        self.values.insert(name.to_string(), value);
        Ok(())
    }
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
