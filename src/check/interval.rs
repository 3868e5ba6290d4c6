//! What the change checks share: interval arithmetic (a figure is the
//! interval its rounding and approximator allow, and two statements agree
//! when their intervals meet) and the finding they all report.

use super::{Def, Finding, FindingLabel, fill};
use crate::analysis::Analysis;
use crate::extract::Claim;
use crate::extract::relation::value_text;
use crate::source::Span;

/// A change as the sentence states it: where to label it, its text for the
/// message, and the label's words.
pub(crate) struct Stated<'a> {
    pub span: Span,
    pub text: &'a str,
    pub label: &'static str,
}

/// The finding of a change check: `stated` is not what the current and
/// earlier figures give (`actual`). The stated change is the primary label,
/// both figures secondary ones, and the message names them all.
pub(crate) fn stated_change(
    doc: &Analysis<'_>,
    def: &Def<'_>,
    cur: &Claim,
    prev: &Claim,
    stated: Stated<'_>,
    actual: &str,
) -> Finding {
    let args = [
        ("current", value_text(doc.text(), cur)),
        ("previous", value_text(doc.text(), prev)),
        ("change", stated.text),
        ("actual", actual),
    ];
    Finding {
        message: fill(&def.message, &args),
        help: fill(&def.help, &args),
        labels: vec![
            FindingLabel::primary(stated.span, stated.label),
            FindingLabel::secondary(cur.span.clone(), "current figure"),
            FindingLabel::secondary(prev.span.clone(), "earlier figure"),
        ],
    }
}

/// The size interval of `[lo, hi]`: `[0, …]` when it straddles zero.
pub(crate) fn magnitude(lo: f64, hi: f64) -> (f64, f64) {
    if lo <= 0.0 && hi >= 0.0 {
        (0.0, lo.abs().max(hi.abs()))
    } else {
        (lo.abs().min(hi.abs()), lo.abs().max(hi.abs()))
    }
}

/// Distance between two intervals; 0 when they meet.
pub(crate) fn gap(a: (f64, f64), b: (f64, f64)) -> f64 {
    if a.1 < b.0 {
        b.0 - a.1
    } else if b.1 < a.0 {
        a.0 - b.1
    } else {
        0.0
    }
}

/// A size as prose would round it for a message: "40", "2.5" (whole
/// numbers from 10 up, one decimal below).
pub(crate) fn rounded(v: f64) -> String {
    let v = v.abs();
    if v >= 10.0 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.1}");
        s.trim_end_matches(".0").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_gaps_and_rounding() {
        assert_eq!(magnitude(-3.0, 2.0), (0.0, 3.0));
        assert_eq!(magnitude(-5.0, -2.0), (2.0, 5.0));
        assert_eq!(gap((1.0, 2.0), (4.0, 5.0)), 2.0);
        assert_eq!(gap((4.0, 5.0), (1.0, 2.0)), 2.0);
        assert_eq!(gap((1.0, 4.0), (2.0, 5.0)), 0.0);
        assert_eq!(rounded(-42.4), "42");
        assert_eq!(rounded(2.54), "2.5");
        assert_eq!(rounded(3.0), "3");
    }
}
