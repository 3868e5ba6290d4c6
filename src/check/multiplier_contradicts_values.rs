//! `multiplier-contradicts-values`: a change stated as a factor ("doubled",
//! "halved", "tripled", "three times") that the two figures it joins do not
//! give ("doubled to 30 from 10").
//!
//! A factor in prose is loose: "doubled" is said of 1.9 times. The check
//! therefore fires only when both readings agree that the factor is wrong:
//! the ratio of the figures as written is more than 15% away from every
//! factor the phrase allows ("nearly doubled" allows 1.8 to 2, "more than
//! doubled" anything above 2), and no reading of the figures within their
//! rounding gives such a factor. Halving is read on the divisor, so "halved"
//! and "doubled" get the same tolerance. Signs are left to
//! `direction-contradicts-values`.

use super::interval::{Stated, stated_change};
use super::{Check, Def, Finding};
use crate::analysis::Analysis;
use crate::extract::relation::{contains_phrase, interval, lexicon};
use crate::extract::{ClaimId, ClaimKind};

pub struct Rule;

// How loose a factor word may be is the option `tolerance` in
// `checks/multiplier-contradicts-values.toml`, so that config can change it.

/// The two figures' intervals as positive sizes (losses by magnitude);
/// `None` when the signs differ or a figure may be zero.
pub(super) fn sizes(
    doc: &Analysis<'_>,
    cur: ClaimId,
    prev: ClaimId,
) -> Option<((f64, f64), (f64, f64))> {
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

/// A factor as a message writes it: "2.91", "3".
fn factor_text(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>) {
        // a document that relates no figures has nothing to check: the
        // option is not looked up for it (a hashed lookup per document;
        // the rule went 0.51 to 0.26 M instructions over 5.6 MB of news)
        if doc.relations.is_empty() {
            return;
        }
        let tolerance = def.number("tolerance");
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
            if change.kind != ClaimKind::Multiplier {
                continue;
            }
            let sentence = doc.sentences.get(rel.sentence).map_or("", |s| doc.slice(s));
            if contains_phrase(sentence, &lex.qualified_change) {
                continue;
            }
            let (Some(((cl, ch), (pl, ph))), Some(cv), Some(pv), Some(fv)) = (
                sizes(doc, rel.current, rel.previous),
                cur.value,
                prev.value,
                change.value,
            ) else {
                continue;
            };
            if pv == 0.0 || cv == 0.0 || fv.is_nan() || fv <= 0.0 || fv == 1.0 {
                continue;
            }
            let (slo, shi) = (change.low.min(change.high), change.high.max(change.low));
            // The figures' ratio, written and possible, on the scale of the
            // stated factor: new over old for growth, old over new for a cut.
            let halving = fv < 1.0;
            let point = if halving {
                pv.abs() / cv.abs()
            } else {
                cv.abs() / pv.abs()
            };
            let (plo, phi) = if halving {
                (pl / ch, ph / cl)
            } else {
                (cl / ph, ch / pl)
            };
            let (slo, shi) = if halving {
                (1.0 / shi, if slo > 0.0 { 1.0 / slo } else { f64::INFINITY })
            } else {
                (slo, shi)
            };
            if !point.is_finite() || plo.is_nan() || phi.is_nan() || slo.is_nan() {
                continue;
            }
            let within = |v: f64, lo: f64, hi: f64| v >= lo && v <= hi;
            let loose = within(point, slo * (1.0 - tolerance), shi * (1.0 + tolerance));
            let possible = phi >= slo && plo <= shi;
            if loose || possible {
                continue;
            }
            let actual = if halving {
                format!("{} times as much", factor_text(cv.abs() / pv.abs()))
            } else {
                format!("{} times as much", factor_text(point))
            };
            let stated = Stated {
                span: change.span.clone(),
                text: doc.slice(&change.span),
                label: "stated factor",
            };
            out.push(stated_change(doc, def, cur, prev, stated, &actual));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::test_support::{self, fires_once};

    const NAME: &str = "multiplier-contradicts-values";

    #[track_caller]
    fn fires(text: &str, message: &str) {
        fires_once(NAME, text, message, 3);
    }

    #[track_caller]
    fn passes(text: &str) {
        test_support::passes(NAME, text)
    }

    #[test]
    fn fires_on_a_factor_the_figures_do_not_give() {
        fires(
            "Sales doubled from 10 million to 30 million.",
            "`30 million` from `10 million` is 3 times as much, but the sentence says `doubled`",
        );
        fires(
            "The deficit was halved to 6 million from 10 million.",
            "`6 million` from `10 million` is 0.6 times as much, but the sentence says `halved`",
        );
        fires(
            "Profit tripled to 8 million from 3.5 million.",
            "`8 million` from `3.5 million` is 2.29 times as much, but the sentence says `tripled`",
        );
        fires(
            "Britain almost doubled its contribution to 130 mln stg from 45 mln.",
            "`130 mln` from `45 mln` is 2.89 times as much, but the sentence says `almost doubled`",
        );
        fires(
            "Operating profit more than tripled to 114 million pounds from 55 million pounds.",
            "`114 million` from `55 million` is 2.07 times as much, but the sentence says `more than tripled`",
        );
    }

    #[test]
    fn passes_within_what_the_words_and_rounding_allow() {
        passes("Investment nearly doubled to 15.9 billion dlrs from 8.6 billion.");
        passes("Volume almost tripled to 53,056 contracts from 19,034.");
        passes("Profit more than doubled to $2.5 million from $1.1 million.");
        passes("Sales doubled to 4.1 million from 2.2 million.");
        passes("Sales doubled to 4 million from 2.3 million.");
        // "triple" said of 3.3 times
        passes("The market will triple in 1997 to $2.4 billion from $722 million in 1996.");
        passes("Losses halved to $4.9 million from $10.1 million.");
        // a change on another basis
        passes("Sales doubled in real terms to 30 million from 10 million.");
        // no relation: a frequency, a bare adjective
        passes("He trains three times a week, from 6 to 9.");
    }
}
