//! `change-contradicts-values`: a change stated as an amount ("rose 36.39
//! billion francs to 388.68 billion from 375.95 billion") that is not the
//! difference of the two figures it joins (12.73 billion).
//!
//! The difference is computed on intervals: each figure within half its
//! rounding step, widened by its approximator, and the stated amount too;
//! the check fires only when the two are apart by more than a fifth of the
//! larger, far beyond any rounding. Percentage points between two
//! percentages are amounts too ("up 4.64 points to 61.96% from 57.32%").
//! Signs are `direction-contradicts-values`' business, percentages
//! `percent-change-contradicts-values`', factors
//! `multiplier-contradicts-values`'. A reference level that the prose
//! describes rather than names ("from its A$35 level on Monday") may lie
//! further back than the period the change covers, so only a figure right
//! after "from" (or "from a revised") is taken as the base.

use super::interval::{Stated, gap, magnitude, stated_change};
use super::{Check, Def, Finding};
use crate::analysis::Analysis;
use crate::extract::relation::{contains_phrase, interval, lexicon};
use crate::extract::{Claim, ClaimKind, RelationKind};

pub struct Rule;

/// The gap between stated and computed change, relative to the larger.
const MIN_RELATIVE: f64 = 0.20;

/// Words that may stand between "from" and the earlier figure.
const BASE_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "revised",
    "upwardly",
    "downwardly",
    "adjusted",
    "previously",
    "reported",
    "originally",
    "year-earlier",
    "year-ago",
];

/// True when a stated change and a level are amounts of the same sort: one
/// kind and unit, or a bare number whose unit the prose left out.
fn same_family(a: &Claim, b: &Claim) -> bool {
    let amount = |c: &Claim| {
        matches!(
            c.kind,
            ClaimKind::Number | ClaimKind::Money | ClaimKind::Quantity | ClaimKind::Duration
        ) || c.kind == ClaimKind::Percent
    };
    if !amount(a) || !amount(b) {
        return false;
    }
    let bare = |c: &Claim| c.kind == ClaimKind::Number && c.unit.is_none();
    (a.kind == b.kind && a.unit == b.unit)
        || (bare(a) && b.kind != ClaimKind::Percent)
        || (bare(b) && a.kind != ClaimKind::Percent)
}

/// An amount as a message writes it, to the figures' precision: "12.73
/// billion", "270,000", "0.2".
fn amount_text(v: f64, step: f64) -> String {
    let v = v.abs();
    let (scale, word) = [(1e12, " trillion"), (1e9, " billion"), (1e6, " million")]
        .into_iter()
        .find(|(s, _)| v >= *s)
        .unwrap_or((1.0, ""));
    let step = step / scale;
    let decimals = if step > 0.0 && step < 1.0 {
        (-step.log10()).round().clamp(0.0, 6.0) as usize
    } else {
        0
    };
    let s = format!("{:.*}", decimals, v / scale);
    let (int, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        format!("{grouped}{word}")
    } else {
        format!("{grouped}.{frac}{word}")
    }
}

/// How many of the claim's value units one written unit is: for a duration
/// ("35.0 hours", valued in seconds) the value over the digits as written,
/// else 1.
fn written_unit(doc: &Analysis<'_>, c: &Claim) -> f64 {
    if c.kind != ClaimKind::Duration {
        return 1.0;
    }
    let digits = doc.slice(&c.number_span).replace(',', "");
    match (c.value, digits.trim().parse::<f64>()) {
        (Some(v), Ok(w)) if w > 0.0 && v.is_finite() && v > 0.0 => v / w,
        _ => 1.0,
    }
}

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>) {
        let lex = lexicon();
        for rel in &doc.relations {
            let Some(change_id) = rel.change else {
                continue;
            };
            let (Some(change), Some(cur), Some(prev)) = (
                doc.claims.get(change_id),
                doc.claims.get(rel.current),
                doc.claims.get(rel.previous),
            ) else {
                continue;
            };
            let points = change.kind == ClaimKind::Percent
                && change.unit == Some("pp")
                && cur.kind == ClaimKind::Percent
                && prev.kind == ClaimKind::Percent;
            if change.kind == ClaimKind::Percent && !points {
                continue;
            }
            // "raised by one third": a fraction is a relative change; "its
            // three-part issue": a compound modifier, not a change.
            let written = doc.slice(&change.number_span);
            let fraction = change.kind == ClaimKind::Number
                && written.contains(|c: char| c.is_alphabetic())
                && change.value.is_some_and(|v| v.abs() < 1.0);
            if fraction
                || doc
                    .text()
                    .get(change.span.end..)
                    .is_some_and(|t| t.starts_with('-'))
            {
                continue;
            }
            if !(points || same_family(change, cur) && same_family(change, prev)) {
                continue;
            }
            if !matches!(
                rel.kind,
                RelationKind::ChangeToFrom | RelationKind::ChangeFromTo | RelationKind::UpDownFrom
            ) || !self::plain_base(doc, rel.kind, cur, prev)
            {
                continue;
            }
            // A qualifier before the verb ("stocks, excluding Eastern Bloc
            // countries, fell …") scopes the levels and the change alike;
            // only one after it can put the change on another basis.
            let after_cue = doc
                .sentences
                .get(rel.sentence)
                .map_or("", |s| doc.slice(&(rel.cue.start.max(s.start)..s.end)));
            if contains_phrase(after_cue, &lex.qualified_change) {
                continue;
            }
            let (Some((cl, ch)), Some((pl, ph)), Some(s)) = (
                interval(&doc.claims, rel.current),
                interval(&doc.claims, rel.previous),
                interval(&doc.claims, change_id),
            ) else {
                continue;
            };
            let (Some(cv), Some(pv)) = (cur.value, prev.value) else {
                continue;
            };
            let possible = magnitude(cl - ph, ch - pl);
            let stated = magnitude(s.0, s.1);
            if !(possible.1.is_finite() && stated.1.is_finite()) {
                continue;
            }
            let gap = gap(stated, possible);
            let diff = cv - pv;
            let scale = change.value.unwrap_or(stated.0).abs().max(diff.abs());
            if gap <= MIN_RELATIVE * scale || !diff.is_finite() {
                continue;
            }
            let step = cur.step.abs().min(prev.step.abs());
            // Durations are valued in seconds; the message speaks the
            // figures' own unit ("0.2" hours, not "720").
            let unit = written_unit(doc, cur);
            let actual = amount_text(diff / unit, step / unit);
            let stated = Stated {
                span: change.span.clone(),
                text: doc.slice(&change.number_span),
                label: "stated change",
            };
            out.push(stated_change(doc, def, cur, prev, stated, &actual));
        }
    }
}

/// True when the earlier figure follows "from" with at most the words of a
/// plain base between ("from a revised 37.98 mln"), not a described level
/// ("from its A$35 level on Monday").
fn plain_base(doc: &Analysis<'_>, kind: RelationKind, cur: &Claim, prev: &Claim) -> bool {
    let head_start = match kind {
        RelationKind::ChangeToFrom | RelationKind::UpDownFrom => cur.span.end.min(prev.span.start),
        _ => doc.sentences.get(prev.sentence).map_or(0, |s| s.start),
    };
    let Some(head) = doc.text().get(head_start..prev.span.start) else {
        return false;
    };
    let words: Vec<&str> = head
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let Some(from) = words.iter().rposition(|w| w.eq_ignore_ascii_case("from")) else {
        return false;
    };
    words[from + 1..]
        .iter()
        .all(|w| BASE_WORDS.iter().any(|b| b.eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests {
    use crate::check::test_support::{self, fires_once};

    const NAME: &str = "change-contradicts-values";

    #[track_caller]
    fn fires(text: &str, message: &str) {
        fires_once(NAME, text, message, 3);
    }

    #[track_caller]
    fn passes(text: &str) {
        test_support::passes(NAME, text)
    }

    #[test]
    fn fires_when_the_amount_is_not_the_difference() {
        fires(
            "Reserves rose 36.39 billion francs to 388.68 billion francs from 375.95 billion.",
            "`388.68 billion` from `375.95 billion` is a change of 12.73 billion, but the sentence says `36.39 billion`",
        );
        fires(
            "Residual fuel stocks rose 28,000 barrels to 38.25 mln from a revised 37.98 mln barrels.",
            "`38.25 mln` from `37.98 mln` is a change of 270,000, but the sentence says `28,000`",
        );
        fires(
            "The average work week rose 0.8 hours to 35.0 hours from 34.8 hours.",
            "`35.0` from `34.8` is a change of 0.2, but the sentence says `0.8`",
        );
    }

    #[test]
    fn passes_when_the_difference_is_in_reach() {
        passes("Stocks fell 7,700 tonnes in February to 459,100 tonnes from 466,800 in January.");
        passes("Stocks fell 10,100 tonnes to 149,900 tonnes in March from 160,000 tonnes.");
        passes(
            "Gasoline stocks rose 2.29 mln barrels to 247.91 mln barrels from a revised 245.62 mln.",
        );
        // a described reference level may lie further back
        passes(
            "Shares jumped A$3.50 to A$41.50 by Wednesday's close from its A$35 level on Monday.",
        );
        // a qualifier after the verb changes the basis; one before scopes all
        passes("Sales rose 5 mln dlrs excluding acquisitions to 80 mln dlrs from 70 mln dlrs.");
        fires(
            "Stocks, excluding Eastern Bloc countries, fell 25,834 tonnes to 459,100 tonnes from 466,800.",
            "`459,100` from `466,800` is a change of 7,700, but the sentence says `25,834`",
        );
        // a fraction is relative; a compound modifier is no change
        passes("Capacity could be raised by one third to 53 billion cigarettes from 37 billion.");
        passes(
            "It increased its three-part bond issue to 1.8 billion schillings from 1.5 billion.",
        );
        // percentages are the percent check's business
        passes("Sales rose 20 pct to 150 mln dlrs from 100 mln dlrs.");
        // a figure after a possessive is what grows, not by how much
        passes(
            "It is expanding its existing four power plants to 6,200 megawatts from 1,900 megawatts now.",
        );
        passes("The group raised the two plants' output to 900 tonnes from 700 tonnes.");
    }
}
