//! `direction-contradicts-values`: a direction word ("up from", "fell",
//! "narrowed") that the two figures it relates contradict.
//!
//! Figures are compared as the intervals they stand for, each widened by
//! half its rounding step, so "nearly 13 million, up from 12.8 million" is
//! let be (nearly 13 million may be 12.9 million) and only an order that no
//! reading of the figures allows is flagged (intervals that merely touch,
//! as whole numbers one apart do, still order the figures). Losses (both figures negative)
//! are compared by size: a loss that "narrowed" got smaller. Exchange rates
//! quoted per foreign unit move against their currency and are skipped.

use super::{Check, Def, Finding, FindingLabel, fill};
use crate::analysis::Analysis;
use crate::extract::relation::{contains_phrase, interval, lexicon, value_text};
use crate::extract::{ClaimId, ClaimKind, Direction};

pub struct Rule;

/// Nouns that make the figure next to them a loss ("a loss of 3 cents", "a
/// $5 million deficit").
const LOSS_NOUNS: &[&str] = &["loss", "losses", "deficit", "shortfall"];

/// True when the prose names the figure a loss: "a (net) loss of X", "X
/// (net) loss". A loss named as the sentence's subject ("the loss narrowed
/// to X from Y") is not attached to either figure: both are sizes.
fn named_loss(doc: &Analysis<'_>, id: ClaimId) -> bool {
    named(doc, id, LOSS_NOUNS)
}

/// Nouns that make the figure next to them a profit.
const PROFIT_NOUNS: &[&str] = &["profit", "profits", "income", "earnings", "surplus"];

/// True when one of `nouns` names the figure: "a NOUN of X", "X NOUN".
fn named(doc: &Analysis<'_>, id: ClaimId, nouns: &[&str]) -> bool {
    let c = &doc.claims[id];
    let text = doc.text();
    let before = text.get(..c.span.start).unwrap_or("").trim_end();
    let before = before.strip_suffix("of").map(str::trim_end);
    let noun_before = before.is_some_and(|b| {
        nouns.iter().any(|n| {
            b.len() >= n.len()
                && b.get(b.len() - n.len()..)
                    .is_some_and(|t| t.eq_ignore_ascii_case(n))
                && !b[..b.len() - n.len()].ends_with(|ch: char| ch.is_alphanumeric())
        })
    });
    let after = text.get(c.span.end..).unwrap_or("").trim_start();
    let after = after
        .strip_prefix("net ")
        .or_else(|| after.strip_prefix("pre-tax "))
        .unwrap_or(after);
    let noun_after = nouns.iter().any(|n| {
        after.len() >= n.len()
            && after
                .get(..n.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(n))
            && !after[n.len()..].starts_with(|ch: char| ch.is_alphanumeric())
    });
    noun_before || noun_after
}

/// True when one figure is named a loss and the other a profit.
fn sizes_mixed(doc: &Analysis<'_>, a: ClaimId, b: ClaimId) -> bool {
    (named_loss(doc, a) && named(doc, b, PROFIT_NOUNS))
        || (named_loss(doc, b) && named(doc, a, PROFIT_NOUNS))
}

/// Cues that speak of size, not level: a gap "narrowed" or "widened" says
/// nothing when one figure is a profit and the other a loss.
const SIZE_CUES: &[&str] = &["narrowed", "narrowing", "widened", "widen", "widening"];

/// A figure's interval as a size: losses by magnitude; a loss against a
/// profit by signed value ("fell to a loss of 3 cents from a profit of 5
/// cents" went down); `None` when that comparison is not one of level.
fn sizes(
    doc: &Analysis<'_>,
    a: ClaimId,
    b: ClaimId,
    cue: &str,
) -> Option<((f64, f64), (f64, f64))> {
    let (ia, ib) = (interval(&doc.claims, a)?, interval(&doc.claims, b)?);
    let sign = |id: ClaimId| {
        let c = &doc.claims[id];
        let v = c.value.unwrap_or((c.low + c.high) / 2.0);
        if v.is_nan() { None } else { Some(v < 0.0) }
    };
    let (na, nb) = (sign(a)?, sign(b)?);
    let signed = doc.claims[a].kind == ClaimKind::Temperature;
    let (la, lb) = (named_loss(doc, a), named_loss(doc, b));
    // Only a loss set against a figure named a profit: a loss named once
    // often carries over to the other figure ("a deficit of X, up from a Y
    // shortfall", "losses of X, up from Y").
    let mixed = (la && named(doc, b, PROFIT_NOUNS)) || (lb && named(doc, a, PROFIT_NOUNS));
    if !signed && !na && !nb && la != lb && !mixed {
        // A loss against a figure not named either way: unclear.
        return None;
    }
    if !signed && !na && !nb && mixed {
        if SIZE_CUES.iter().any(|c| cue.eq_ignore_ascii_case(c)) {
            return None;
        }
        let neg = |(lo, hi): (f64, f64), loss: bool| if loss { (-hi, -lo) } else { (lo, hi) };
        return Some((neg(ia, la), neg(ib, lb)));
    }
    match (na, nb) {
        (false, false) => Some((ia, ib)),
        _ if signed => Some((ia, ib)),
        (true, true) => Some(((-ia.1, -ia.0), (-ib.1, -ib.0))),
        _ => None,
    }
}

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>) {
        let lex = lexicon();
        for rel in &doc.relations {
            let Some(direction) = rel.direction else {
                continue;
            };
            if doc.claims.get(rel.current).is_none() || doc.claims.get(rel.previous).is_none() {
                continue;
            }
            // Money quoted to four decimals is an exchange rate ("the Canadian
            // dollar firmed to C$1.3534 from C$1.3546"): a stronger currency
            // shows as a smaller number, so direction words say nothing.
            let quote = |id: usize| {
                let c = &doc.claims[id];
                c.kind == crate::extract::ClaimKind::Money && c.step < 0.001
            };
            if quote(rel.current) || quote(rel.previous) {
                continue;
            }
            let Some(((cl, ch), (pl, ph))) =
                sizes(doc, rel.current, rel.previous, doc.slice(&rel.cue))
            else {
                continue;
            };
            // Intervals that only touch still order the figures: "59 pct"
            // stands for [58.5, 59.5) and "58 pct" for [57.5, 58.5).
            let (cur, prev) = (&doc.claims[rel.current], &doc.claims[rel.previous]);
            let differ = cur.value.is_none() || prev.value.is_none() || cur.value != prev.value;
            let (comparison, actual) = match direction {
                Direction::Up if ch <= pl && differ => ("less than", "down"),
                Direction::Down if cl >= ph && differ => ("more than", "up"),
                _ => continue,
            };
            // an exchange rate: asked last, as the sentence is read whole
            // (most relations are in order and never get here)
            let sentence = doc.sentences.get(rel.sentence).map_or("", |s| doc.slice(s));
            if contains_phrase(sentence, &lex.exchange_rate) {
                continue;
            }
            // A loss compared with a profit is named as one.
            let mixed = sizes_mixed(doc, rel.current, rel.previous);
            let shown = |id: ClaimId| {
                let v = value_text(doc.text(), &doc.claims[id]);
                if mixed && named_loss(doc, id) {
                    format!("{v} (a loss)")
                } else {
                    v.to_string()
                }
            };
            let (current, previous) = (shown(rel.current), shown(rel.previous));
            let (current, previous) = (current.as_str(), previous.as_str());
            let cue = doc.slice(&rel.cue);
            let args = [
                ("current", current),
                ("previous", previous),
                ("comparison", comparison),
                ("cue", cue),
                ("actual", actual),
            ];
            out.push(Finding {
                message: fill(&def.message, &args),
                help: fill(&def.help, &args),
                labels: vec![
                    FindingLabel::primary(cur.span.clone(), "current figure"),
                    FindingLabel::secondary(prev.span.clone(), "earlier figure"),
                    FindingLabel::secondary(rel.cue.clone(), format!("says `{cue}`")),
                ],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::Finding;
    use crate::check::test_support::{exactly_one, nothing};
    use crate::extract::ClaimKind::{Money, Number, Ordinal, Percent, Quantity, Temperature};
    use crate::extract::relation::test_support::{Doc, doc};

    fn findings(d: &Doc) -> Vec<Finding> {
        crate::check::test_support::run("direction-contradicts-values", &d.analysis())
    }

    #[track_caller]
    fn fires(d: Doc, message: &str) {
        let f = exactly_one(findings(&d), &d.text);
        assert_eq!(f.message, message);
        assert_eq!(f.labels.len(), 3);
        assert!(f.labels[0].primary);
    }

    #[track_caller]
    fn passes(d: Doc) {
        nothing(findings(&d), &d.text)
    }

    #[test]
    fn fires_when_up_from_a_larger_figure() {
        fires(
            doc("India has purchased nearly 13 million barrels of Russian oil since the start of the war, up from nearly 16 million barrels in 2021.")
                .approx("nearly 13 million barrels", Quantity, 13e6, 1e6, Some("barrel"), 11.7e6, 13e6)
                .approx("nearly 16 million barrels", Quantity, 16e6, 1e6, Some("barrel"), 14.4e6, 16e6),
            "`nearly 13 million barrels` is less than `nearly 16 million barrels`, but the sentence says `up from`",
        );
        fires(
            doc("Reserves were 47.1 billion marks on Friday, up from 49.9 billion on Thursday.")
                .fig("47.1 billion marks", Money, 47.1e9, 1e8, Some("DEM"))
                .fig("49.9 billion", Number, 49.9e9, 1e8, None),
            "`47.1 billion marks` is less than `49.9 billion`, but the sentence says `up from`",
        );
        fires(
            doc("The bank decreased the issue to 1.8 billion schillings from 1.5 billion.")
                .fig("1.8 billion schillings", Money, 1.8e9, 1e8, Some("ATS"))
                .fig("1.5 billion", Number, 1.5e9, 1e8, None),
            "`1.8 billion schillings` is more than `1.5 billion`, but the sentence says `decreased`",
        );
    }

    #[test]
    fn passes_when_intervals_overlap_or_agree() {
        passes(
            doc("Imports were nearly 13 million barrels, up from 12.8 million barrels.")
                .approx(
                    "nearly 13 million barrels",
                    Quantity,
                    13e6,
                    1e6,
                    Some("barrel"),
                    11.7e6,
                    13e6,
                )
                .fig(
                    "12.8 million barrels",
                    Quantity,
                    12.8e6,
                    1e5,
                    Some("barrel"),
                ),
        );
        fires(
            doc("The load factor dipped to 59 pct in January from 58 pct.")
                .fig("59 pct", Percent, 59.0, 1.0, Some("%"))
                .fig("58 pct", Percent, 58.0, 1.0, Some("%")),
            "`59 pct` is more than `58 pct`, but the sentence says `dipped`",
        );
        passes(
            doc("The rate was unchanged at 5 pct, up from 5 pct.")
                .fig("5 pct", Percent, 5.0, 0.0, Some("%"))
                .fig("5 pct", Percent, 5.0, 0.0, Some("%")),
        );
        passes(
            doc("Sales were 3.6 billion dlrs, up from 3.3 billion dlrs.")
                .fig("3.6 billion dlrs", Money, 3.6e9, 1e8, Some("USD"))
                .fig("3.3 billion dlrs", Money, 3.3e9, 1e8, Some("USD")),
        );
        // Rounding: 5 million may be 4.5 million, 4.6 million may be 4.65.
        passes(
            doc("Output was 5 million tonnes, down from 4.6 million tonnes.")
                .fig("5 million tonnes", Quantity, 5e6, 1e6, Some("tonne"))
                .fig("4.6 million tonnes", Quantity, 4.6e6, 1e5, Some("tonne")),
        );
    }

    #[test]
    fn losses_compare_by_size_and_ranks_never_fire() {
        passes(
            doc("The loss narrowed to $5 million from $9 million.")
                .fig("$5 million", Money, -5e6, 1e6, Some("USD"))
                .fig("$9 million", Money, -9e6, 1e6, Some("USD")),
        );
        passes(
            doc("The loss narrowed to $5 million from $9 million.")
                .fig("$5 million", Money, 5e6, 1e6, Some("USD"))
                .fig("$9 million", Money, 9e6, 1e6, Some("USD")),
        );
        fires(
            doc("The deficit narrowed to $9 million from $5 million.")
                .fig("$9 million", Money, -9e6, 1e6, Some("USD"))
                .fig("$5 million", Money, -5e6, 1e6, Some("USD")),
            "`$9 million` is more than `$5 million`, but the sentence says `narrowed`",
        );
        passes(
            doc("Profit rose to $2 million from a loss of $3 million.")
                .fig("$2 million", Money, 2e6, 1e6, Some("USD"))
                .fig("$3 million", Money, -3e6, 1e6, Some("USD")),
        );
        passes(
            doc("EPS fell to a loss of 3 cents from a profit of 5 cents.")
                .fig("3 cents", Money, 0.03, 0.01, Some("USD"))
                .fig("5 cents", Money, 0.05, 0.01, Some("USD")),
        );
        fires(
            doc("EPS rose to a loss of 3 cents from a profit of 5 cents.")
                .fig("3 cents", Money, 0.03, 0.01, Some("USD"))
                .fig("5 cents", Money, 0.05, 0.01, Some("USD")),
            "`3 cents (a loss)` is less than `5 cents`, but the sentence says `rose`",
        );
        passes(
            doc("Net income rose to $2 million from a $5 million loss.")
                .fig("$2 million", Money, 2e6, 1e6, Some("USD"))
                .fig("$5 million", Money, 5e6, 1e6, Some("USD")),
        );
        fires(
            doc("Net income fell to a profit of $2 million from a $5 million loss.")
                .fig("$2 million", Money, 2e6, 1e6, Some("USD"))
                .fig("$5 million", Money, 5e6, 1e6, Some("USD")),
            "`$2 million` is more than `$5 million (a loss)`, but the sentence says `fell`",
        );
        passes(
            doc("The deficit was 160 billion crowns, up from a 95 billion crown shortfall.")
                .fig("160 billion crowns", Money, 160e9, 1e9, Some("CZK"))
                .fig("95 billion", Number, 95e9, 1e9, None),
        );
        passes(
            doc("Losses widened to $9 million from $5 million.")
                .fig("$9 million", Money, 9e6, 1e6, Some("USD"))
                .fig("$5 million", Money, 5e6, 1e6, Some("USD")),
        );
        fires(
            doc("Losses widened to $5 million from $9 million.")
                .fig("$5 million", Money, 5e6, 1e6, Some("USD"))
                .fig("$9 million", Money, 9e6, 1e6, Some("USD")),
            "`$5 million` is less than `$9 million`, but the sentence says `widened`",
        );
        passes(
            doc("The team climbed from 13th to 5th.")
                .fig("13th", Ordinal, 13.0, 1.0, None)
                .fig("5th", Ordinal, 5.0, 1.0, None),
        );
        // Temperatures keep their sign.
        fires(
            doc("The temperature rose to -10 degrees from -5 degrees.")
                .fig("-10 degrees", Temperature, -10.0, 1.0, Some("C"))
                .fig("-5 degrees", Temperature, -5.0, 1.0, Some("C")),
            "`-10 degrees` is less than `-5 degrees`, but the sentence says `rose`",
        );
    }

    #[test]
    fn exchange_rates_are_skipped() {
        passes(
            doc("The rupee climbed to 43.305 per dollar on Thursday, up from a close of 43.41.")
                .fig("43.305", Number, 43.305, 0.001, None)
                .fig("43.41", Number, 43.41, 0.01, None),
        );
        fires(
            doc("The index climbed to 43.305 on Thursday, up from a close of 43.41.")
                .fig("43.305", Number, 43.305, 0.001, None)
                .fig("43.41", Number, 43.41, 0.01, None),
            "`43.305` is less than `43.41`, but the sentence says `up from`",
        );
    }

    #[test]
    fn percentages_and_multipliers() {
        passes(
            doc("The margin was 45.6%, less than the 47.3% forecast and down from 47.1%.")
                .fig("45.6%", Percent, 45.6, 0.1, Some("%"))
                .fig("47.3%", Percent, 47.3, 0.1, Some("%"))
                .fig("47.1%", Percent, 47.1, 0.1, Some("%")),
        );
        fires(
            doc("Sales doubled to 4 million from 5 million.")
                .fig(
                    "doubled",
                    crate::extract::ClaimKind::Multiplier,
                    2.0,
                    1.0,
                    None,
                )
                .fig("4 million", Number, 4e6, 1e6, None)
                .fig("5 million", Number, 5e6, 1e5, None),
            "`4 million` is less than `5 million`, but the sentence says `doubled`",
        );
    }
}
