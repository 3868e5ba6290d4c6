//! Relations: the comparisons the prose draws between two figures.
//!
//! "India has purchased nearly 13 million barrels …, up from nearly
//! 16 million barrels in 2021" relates a current figure (13 million) to a
//! previous one (16 million) with a direction (up). Checks read relations,
//! never the words: the cue phrases live in `checks/lexicon/directions.toml`.

use serde::Serialize;

use super::{Claim, ClaimId};
use crate::source::Span;

/// Which way the prose says a figure moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

/// The construction a relation was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelationKind {
    /// "X, up from Y" / "X, down from Y".
    UpDownFrom,
    /// "rose (by P) to X from Y".
    ChangeToFrom,
    /// "fell (by P) from Y to X".
    ChangeFromTo,
    /// "X, compared with Y" / "X versus Y", with or without a direction verb.
    ComparedWith,
}

/// Two figures the prose compares.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub kind: RelationKind,
    /// The direction the words state; `None` for a bare comparison.
    pub direction: Option<Direction>,
    /// The cue words ("up from", "rose", "compared with").
    pub cue: Span,
    /// The phrase as the lexicon spells it, for messages ("up from").
    pub cue_phrase: &'static str,
    /// The newer figure.
    pub current: ClaimId,
    /// The older figure it is compared with.
    pub previous: ClaimId,
    /// The stated size of the change ("by 20%", "rose 20 pct"), if any.
    pub change: Option<ClaimId>,
    /// Index of the sentence.
    pub sentence: usize,
}

/// Finds the relations in each sentence.
pub fn relations(prose: &str, sentences: &[Span], claims: &[Claim]) -> Vec<Relation> {
    let _ = (prose, sentences, claims);
    Vec::new()
}
