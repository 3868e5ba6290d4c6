//! `percentage-points-confused`: a change between two percentages written
//! as a percentage when it is their difference in points ("rose from 5% to
//! 7%, an increase of 2%": 2 points, or 40%).
//!
//! It fires only where the reading is unambiguous: both levels are
//! percentages, the change is written with a percent sign (not "points"),
//! the stated figure is the points difference within rounding, and it is
//! clearly not the relative change (by the same margin as
//! `percent-change-contradicts-values` uses, which stays silent on exactly
//! these sentences). Everything else is left to that check.

use super::interval::{gap, magnitude, rounded};
use super::{Check, Def, Finding, FindingLabel, fill};
use crate::analysis::Analysis;
use crate::extract::relation::{contains_phrase, interval, lexicon};
use crate::extract::{Claim, ClaimKind};

pub struct Rule;

/// Minimum gap, in percentage points, between the stated and relative change.
const MIN_POINTS: f64 = 1.0;
/// Minimum gap relative to the larger of the stated and relative change.
const MIN_RELATIVE: f64 = 0.10;

fn is_level(c: &Claim) -> bool {
    c.kind == ClaimKind::Percent && c.unit == Some("%") && c.range.is_none()
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
            if !is_level(change) || !is_level(cur) || !is_level(prev) || change.approx.is_some() {
                continue;
            }
            let sentence = doc.sentences.get(rel.sentence).map_or("", |s| doc.slice(s));
            if contains_phrase(sentence, &lex.qualified_change) {
                continue;
            }
            let (Some((cl, ch)), Some((pl, ph)), Some(sv), Some(cv), Some(pv)) = (
                interval(&doc.claims, rel.current),
                interval(&doc.claims, rel.previous),
                change.value,
                cur.value,
                prev.value,
            ) else {
                continue;
            };
            if pl <= 0.0 || cl <= 0.0 || pv == 0.0 {
                continue;
            }
            let step = change.step.abs();
            let stated = (sv.abs() - step / 2.0, sv.abs() + step);
            let points = magnitude(cl - ph, ch - pl);
            if gap(stated, points) > step / 2.0 {
                continue;
            }
            let relative = magnitude((cl / ph - 1.0) * 100.0, (ch / pl - 1.0) * 100.0);
            let actual = (cv / pv - 1.0) * 100.0;
            let g = gap(stated, relative);
            if !actual.is_finite()
                || g <= MIN_POINTS
                || g <= MIN_RELATIVE * sv.abs().max(actual.abs())
            {
                continue;
            }
            // The figure with its percent sign, without an approximator.
            let text = |c: &Claim| doc.slice(&(c.number_span.start..c.span.end));
            let (current, previous, stated) = (text(cur), text(prev), text(change));
            let pts = rounded(cv - pv);
            let rel_text = format!("{}%", rounded(actual));
            let movement = if actual >= 0.0 { "rise" } else { "fall" };
            let change_text = format!("a {movement} of {rel_text}");
            let args = [
                ("current", current),
                ("previous", previous),
                ("change", stated),
                ("points", pts.as_str()),
                ("relative", rel_text.as_str()),
                ("movement", change_text.as_str()),
            ];
            out.push(Finding {
                message: fill(&def.message, &args),
                help: fill(&def.help, &args),
                labels: vec![
                    FindingLabel::primary(change.span.clone(), "points written as a percentage"),
                    FindingLabel::secondary(cur.span.clone(), "current percentage"),
                    FindingLabel::secondary(prev.span.clone(), "earlier percentage"),
                ],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::Finding;
    use crate::check::test_support::{exactly_one, findings, nothing};

    fn run(text: &str) -> Vec<Finding> {
        findings("percentage-points-confused", text, None)
    }

    #[track_caller]
    fn fires(text: &str, message: &str) {
        let f = exactly_one(run(text), text);
        assert_eq!(f.message, message);
        assert_eq!(f.labels.len(), 3);
    }

    #[track_caller]
    fn passes(text: &str) {
        nothing(run(text), text)
    }

    #[test]
    fn fires_on_points_written_as_percent() {
        fires(
            "The jobless rate rose 1.2% to 6.4% from 5.2% in the first quarter.",
            "`1.2%` is the difference in points between `5.2%` and `6.4%`; as a percentage it is a rise of 23%",
        );
        fires(
            "The share rose from 5% to 7%, an increase of 2%.",
            "`2%` is the difference in points between `5%` and `7%`; as a percentage it is a rise of 40%",
        );
        fires(
            "Turnout rose 2% from 5% to 7%.",
            "`2%` is the difference in points between `5%` and `7%`; as a percentage it is a rise of 40%",
        );
    }

    #[test]
    fn passes_when_unambiguous_otherwise() {
        // points written as points
        passes("The load factor was up 4.64 percentage points to 61.96 pct from 57.32 pct.");
        // a relative change that fits
        passes("The rate rose 23% to 6.4% from 5.2%.");
        // neither reading fits: the percent check's business
        passes("The jobless rate rose 9% to 6.4% from 5.2%.");
        // points and relative change agree within rounding (near 100%)
        passes("Its share rose 1% to 2% from 1%.");
        // levels that are not percentages
        passes("Revenue rose 20% to $150 million from $100 million.");
    }
}
