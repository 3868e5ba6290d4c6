//! `range-inverted`: "between 900 and 400 workers", a range whose first
//! bound is larger than its second.
//!
//! Only "between X and Y" ranges of amounts are read: "from 5 to 3" is as
//! often a change as a range, clock times wrap past midnight ("between 2200
//! and 0700"), and negative figures and temperatures have no agreed order of
//! writing. The bounds are compared as written: rounding cannot turn a
//! range around.

use super::{Check, Def, Finding, FindingLabel, fill};
use crate::analysis::Analysis;
use crate::extract::{Claim, ClaimKind};

pub struct Rule;

/// True for members that are amounts written in a common order.
fn is_amount(c: &Claim) -> bool {
    matches!(
        c.kind,
        ClaimKind::Number
            | ClaimKind::Money
            | ClaimKind::Percent
            | ClaimKind::Quantity
            | ClaimKind::Age
            | ClaimKind::Duration
    ) && c.value.is_some_and(|v| v.is_finite() && v >= 0.0)
}

/// "2200", "0700": four bare digits read as a clock time.
fn is_clock(text: &str) -> bool {
    text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())
}

/// True when the word right before `at` (or the range's own text) is "between".
fn after_between(doc: &Analysis<'_>, range: &Claim, first: &Claim) -> bool {
    let own = doc.slice(&range.span);
    if own
        .get(..7)
        .is_some_and(|w| w.eq_ignore_ascii_case("between"))
    {
        return true;
    }
    let start = range.span.start.min(first.span.start);
    let before = doc.text().get(..start).unwrap_or("").trim_end();
    before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("between"))
}

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>) {
        for range in &doc.claims {
            let Some((a, b)) = range.range else { continue };
            let (Some(first), Some(second)) = (doc.claims.get(a), doc.claims.get(b)) else {
                continue;
            };
            if !is_amount(first) || !is_amount(second) || !after_between(doc, range, first) {
                continue;
            }
            let (ft, st) = (
                doc.slice(&first.number_span),
                doc.slice(&second.number_span),
            );
            if is_clock(ft) && is_clock(st) {
                continue;
            }
            // The order as written: rounding cannot turn a range around.
            let (Some(a), Some(b)) = (first.value, second.value) else {
                continue;
            };
            if a <= b {
                continue;
            }
            let args = [("first", ft), ("second", st)];
            out.push(Finding {
                message: fill(&def.message, &args),
                help: fill(&def.help, &args),
                labels: vec![
                    FindingLabel::primary(first.span.clone(), "first bound"),
                    FindingLabel::secondary(second.span.clone(), "second bound, smaller"),
                ],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::Finding;
    use crate::extract::ClaimKind::{self, Money, Number, Percent, Quantity, Year};
    use crate::extract::relation::test_support::{Doc, doc};

    fn findings(d: &Doc) -> Vec<Finding> {
        crate::check::test_support::run("range-inverted", &d.analysis())
    }

    /// A document with one range of two members of `kind`.
    fn range(text: &str, whole: &str, a: (&str, f64), b: (&str, f64), kind: ClaimKind) -> Doc {
        let unit = match kind {
            Money => Some("USD"),
            Percent => Some("%"),
            Quantity => Some("worker"),
            _ => None,
        };
        doc(text)
            .fig(a.0, kind, a.1, 1.0, unit)
            .fig(b.0, kind, b.1, 1.0, unit)
            .range(whole)
    }

    #[track_caller]
    fn fires(d: Doc, message: &str) {
        let f = findings(&d);
        assert_eq!(f.len(), 1, "expected one finding in {:?}: {f:?}", d.text);
        assert_eq!(f[0].message, message);
        assert_eq!(f[0].labels.len(), 2);
    }

    #[track_caller]
    fn passes(d: Doc) {
        let f = findings(&d);
        assert!(f.is_empty(), "expected nothing in {:?}: {f:?}", d.text);
    }

    #[test]
    fn fires_on_between_with_bounds_reversed() {
        fires(
            range(
                "The plant will hire between 900 and 400 workers.",
                "between 900 and 400 workers",
                ("900", 900.0),
                ("400 workers", 400.0),
                Quantity,
            ),
            "the range `900` to `400 workers` runs backwards: its first bound is the larger",
        );
        fires(
            range(
                "Prices rose between 7% and 5%.",
                "7% and 5%",
                ("7%", 7.0),
                ("5%", 5.0),
                Percent,
            ),
            "the range `7%` to `5%` runs backwards: its first bound is the larger",
        );
        fires(
            doc("A coupon of between 5-3/4 and 5-1/2 pct.")
                .fig("5-3/4", Percent, 5.75, 0.25, Some("%"))
                .fig("5-1/2 pct", Percent, 5.5, 0.25, Some("%"))
                .range("between 5-3/4 and 5-1/2 pct"),
            "the range `5-3/4` to `5-1/2 pct` runs backwards: its first bound is the larger",
        );
    }

    #[test]
    fn close_bounds_still_fire() {
        fires(
            range(
                "Sales were reported between 4,230 and 4,210 stg.",
                "between 4,230 and 4,210 stg",
                ("4,230", 4230.0),
                ("4,210 stg", 4210.0),
                Money,
            ),
            "the range `4,230` to `4,210 stg` runs backwards: its first bound is the larger",
        );
    }

    #[test]
    fn passes_ordered_timed_and_other_ranges() {
        passes(range(
            "It costs between $150 and $200.",
            "between $150 and $200",
            ("$150", 150.0),
            ("$200", 200.0),
            Money,
        ));
        passes(range(
            "Curfew runs between 2200 and 0700 daily.",
            "between 2200 and 0700",
            ("2200", 2200.0),
            ("0700", 700.0),
            Number,
        ));
        passes(range(
            "The index fell from 900 to 400 points.",
            "900 to 400",
            ("900", 900.0),
            ("400", 400.0),
            Number,
        ));
        passes(range(
            "Sales between 2010 and 2005 fell.",
            "between 2010 and 2005",
            ("2010", 2010.0),
            ("2005", 2005.0),
            Year,
        ));
        // Equal.
        passes(range(
            "It weighs between 5 and 5 tonnes.",
            "between 5 and 5",
            ("5", 5.0),
            ("5", 5.0),
            Number,
        ));
    }
}
