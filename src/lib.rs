//! figcheck: a linter for the numbers in prose.
//!
//! The data flow is one line: source text → prose segments with an offset map
//! ([`source`]) → sentences ([`source::sentence`]) → claims and the relations
//! between them ([`extract`]) → checks over the whole document ([`check`]) →
//! diagnostics mapped back to the user's bytes ([`diagnostic`]) → renderers
//! ([`render`]). The library never prints: only renderers write, and only
//! into a writer they are handed.
#![warn(clippy::print_stdout, clippy::print_stderr)]
// no panic on user input: fallible steps return errors (tests may unwrap;
// see clippy.toml)
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::todo,
    clippy::unimplemented,
    clippy::unreachable
)]

pub mod analysis;
pub mod baseline;
pub mod batch;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod extract;
pub mod input;
pub mod render;
pub mod since;
pub mod source;
pub mod suppress;
#[cfg(test)]
mod testgen;

pub use analysis::{Analysis, Options};
pub use check::RuleSet;
pub use diagnostic::{Diagnostic, Label, Severity};
pub use extract::{Claim, ClaimKind};
pub use source::InputFormat;
