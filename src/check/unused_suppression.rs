//! `unused-suppression`: a `figcheck-disable` comment that suppresses
//! nothing, names a rule that does not exist, or is not a directive.
//!
//! Whether a suppression is used is known only once every other check has
//! run, so the finding is made after them, by [`crate::suppress::apply`],
//! which [`super::run`] calls; this pass over the document has nothing to
//! look at. Registering the check gives it what every check has: a
//! definition with examples, `figcheck explain`, and a place in `--select`
//! and `--ignore`.

use super::{Check, Def, Finding};
use crate::analysis::Analysis;

pub struct Rule;

impl Check for Rule {
    fn run(&self, _doc: &Analysis<'_>, _def: &Def<'_>, _out: &mut Vec<Finding>) {}
}
