//! `percent-change-contradicts-values`: a stated percentage change ("rose
//! 20% to $150 million from $100 million") that the two figures do not give.
//! Factors ("doubled to X from Y") are `multiplier-contradicts-values`'.
//!
//! Every figure stands for an interval (its value within half its rounding
//! step, widened by its approximator), so the change the figures allow is an
//! interval too; the stated change is read with its own rounding, and as a
//! possibly truncated figure. The check fires only when the two intervals
//! are clearly apart: by more than one percentage point and by more than a
//! tenth of the change. Signs are left to `direction-contradicts-values`:
//! only sizes are compared here. Changes stated on another basis
//! ("on a comparable-store basis") and percentage-point changes between two
//! percentages are not checked against the levels.

use super::interval::{Stated, gap, magnitude, rounded, stated_change};
use super::{Check, Def, Finding};
use crate::analysis::Analysis;
use crate::extract::relation::{contains_phrase, interval, lexicon};
use crate::extract::{ClaimId, ClaimKind};

pub struct Rule;

// The minimum gaps between the stated and the possible change are options
// in `checks/percent-change-contradicts-values.toml` (`min-points`,
// `min-relative`, `min-factor-relative`), read through the definition so
// that config can loosen or tighten them.

/// The two figures' intervals as positive sizes (losses by magnitude);
/// `None` when signs differ or the earlier figure may be zero.
fn sizes(doc: &Analysis<'_>, cur: ClaimId, prev: ClaimId) -> Option<((f64, f64), (f64, f64))> {
    let (c, p) = (interval(&doc.claims, cur)?, interval(&doc.claims, prev)?);
    let (c, p) = if c.0 > 0.0 && p.0 > 0.0 {
        (c, p)
    } else if c.1 < 0.0 && p.1 < 0.0 {
        ((-c.1, -c.0), (-p.1, -p.0))
    } else {
        return None;
    };
    (c.1.is_finite() && p.1.is_finite()).then_some((c, p))
}

/// A percentage as prose would round it: "50%", "4.6%".
fn percent(v: f64) -> String {
    format!("{}%", rounded(v))
}

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>) {
        // a document that relates no figures has nothing to check: the
        // options are not looked up for it (two hashed lookups per
        // document; the rule went 0.92 to 0.31 M instructions over 5.6 MB
        // of news)
        if doc.relations.is_empty() {
            return;
        }
        let lex = lexicon();
        let min_points = def.number("min-points");
        let min_relative = def.number("min-relative");
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
            // Factors ("doubled") are `multiplier-contradicts-values`' business.
            if change.kind != ClaimKind::Percent || change.unit != Some("%") {
                continue;
            }
            let Some(((cl, ch), (pl, ph))) = sizes(doc, rel.current, rel.previous) else {
                continue;
            };
            let (Some(cv), Some(pv)) = (cur.value, prev.value) else {
                continue;
            };
            if pv == 0.0 || !change.low.is_finite() && !change.high.is_finite() {
                continue;
            }
            let (ratio_lo, ratio_hi) = (cl / ph, ch / pl);
            let point = cv.abs() / pv.abs();
            let step = change.step.abs();
            let (actual, stated_text) = {
                let possible = magnitude((ratio_lo - 1.0) * 100.0, (ratio_hi - 1.0) * 100.0);
                let (slo, shi) = magnitude(change.low, change.high);
                // Rounded either way, or truncated.
                let stated = (slo - step / 2.0, shi + step);
                let g = gap(stated, possible);
                let actual = (point - 1.0) * 100.0;
                let scale = change.value.unwrap_or(slo).abs().max(actual.abs());
                if g <= min_points || g <= min_relative * scale {
                    continue;
                }
                // Percentage points: two percentages whose difference is
                // the stated figure.
                let both_percent = [rel.current, rel.previous].iter().all(|&id| {
                    doc.claims[id].kind == ClaimKind::Percent || doc.claims[id].range.is_some()
                });
                if both_percent && gap(stated, magnitude(cl - ph, ch - pl)) <= step {
                    continue;
                }
                let movement = if actual >= 0.0 { "rise" } else { "fall" };
                (actual, format!("a {movement} of {}", percent(actual)))
            };
            if !actual.is_finite() {
                continue;
            }
            // last of the tests, as it reads the whole sentence: most
            // relations are turned away by their figures first (1.6 M
            // instructions over 5.6 MB of news when it came first)
            let sentence = doc.sentences.get(rel.sentence).map_or("", |s| doc.slice(s));
            if contains_phrase(sentence, &lex.qualified_change) {
                continue;
            }
            let stated = Stated {
                span: change.span.clone(),
                text: doc.slice(&change.span),
                label: "stated change",
            };
            out.push(stated_change(doc, def, cur, prev, stated, &stated_text));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::Finding;
    use crate::check::test_support::{exactly_one, nothing};
    use crate::extract::ClaimKind::{Money, Multiplier, Number, Percent};
    use crate::extract::relation::test_support::{Doc, doc};

    fn findings(d: &Doc) -> Vec<Finding> {
        crate::check::test_support::run("percent-change-contradicts-values", &d.analysis())
    }

    #[track_caller]
    fn fires(d: Doc, message: &str) {
        let f = exactly_one(findings(&d), &d.text);
        assert_eq!(f.message, message);
        assert_eq!(f.labels.len(), 3);
    }

    #[track_caller]
    fn passes(d: Doc) {
        nothing(findings(&d), &d.text)
    }

    /// "<verb> <p>% to <cur> from <prev>" with money figures in millions,
    /// written with the given number of decimals.
    fn rose(p: &str, cur: &str, prev: &str) -> Doc {
        let text = format!("Revenue rose {p}% to ${cur} million from ${prev} million.");
        let num = |s: &str| s.parse::<f64>().unwrap_or(f64::NAN);
        let step = |s: &str| match s.find('.') {
            Some(i) => 10f64.powi(-((s.len() - i - 1) as i32)),
            None => 1.0,
        };
        let (pct, c, q) = (
            format!("{p}%"),
            format!("${cur} million"),
            format!("${prev} million"),
        );
        doc(&text)
            .fig(&pct, Percent, num(p), step(p), Some("%"))
            .fig(&c, Money, num(cur) * 1e6, step(cur) * 1e6, Some("USD"))
            .fig(&q, Money, num(prev) * 1e6, step(prev) * 1e6, Some("USD"))
    }

    #[test]
    fn fires_on_a_change_the_figures_do_not_give() {
        fires(
            rose("20", "150", "100"),
            "`$150 million` from `$100 million` is a rise of 50%, but the sentence says `20%`",
        );
        fires(
            rose("5.6", "85.95", "71.94"),
            "`$85.95 million` from `$71.94 million` is a rise of 19%, but the sentence says `5.6%`",
        );
    }

    #[test]
    fn passes_within_rounding() {
        passes(rose("5.6", "75.95", "71.94"));
        // 2.6 / 2.0 is 30%, but 2.65 / 1.95 is 36%: 35.4% is possible.
        passes(rose("35.4", "2.6", "2.0"));
        passes(rose("21.6", "1053", "866.2"));
        // Truncated: 19.96% written as 19%.
        passes(rose("19", "119.96", "100"));
        // A fall stated as a rise is the direction check's business.
        passes(rose("20", "80", "100"));
    }

    #[test]
    fn percentage_points_and_qualified_changes_pass() {
        passes(
            doc("Load factor rose 4.6% to 61.9% from 57.3%.")
                .fig("4.6%", Percent, 4.6, 0.1, Some("%"))
                .fig("61.9%", Percent, 61.9, 0.1, Some("%"))
                .fig("57.3%", Percent, 57.3, 0.1, Some("%")),
        );
        passes(
            doc("Sales rose 6 pct on a comparable store basis to 108.6 mln dlrs from 89.3 mln dlrs.")
                .fig("6 pct", Percent, 6.0, 1.0, Some("%"))
                .fig("108.6 mln dlrs", Money, 108.6e6, 1e5, Some("USD"))
                .fig("89.3 mln dlrs", Money, 89.3e6, 1e5, Some("USD")),
        );
        passes(
            doc("Load factor was up 4.64 percentage points to 61.96 pct from 57.32 pct.")
                .fig("4.64 percentage points", Percent, 4.64, 0.01, Some("pp"))
                .fig("61.96 pct", Percent, 61.96, 0.01, Some("%"))
                .fig("57.32 pct", Percent, 57.32, 0.01, Some("%")),
        );
    }

    #[test]
    fn factors_are_left_to_the_multiplier_check() {
        passes(
            doc("Profit doubled to 15 million from 10 million.")
                .fig("doubled", Multiplier, 2.0, 1.0, None)
                .fig("15 million", Number, 15e6, 1e6, None)
                .fig("10 million", Number, 10e6, 1e6, None),
        );
    }
}
