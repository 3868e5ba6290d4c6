//! `range-inverted`: placeholder, to be written.

use super::{Check, CheckDef, Finding};
use crate::analysis::Analysis;

pub struct Rule;

impl Check for Rule {
    fn run(&self, _doc: &Analysis<'_>, _def: &CheckDef, _out: &mut Vec<Finding>) {}
}
