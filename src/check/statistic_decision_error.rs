//! `statistic-decision-error`: a reported p that the test statistic beside
//! it cannot give, where the recomputed p lies on the other side of .05, so
//! the slip changes what the result means ("F(2, 45) = 3.1, p < .05", where
//! p is .055). The reports and the reading of rounding are those of
//! `statistic-inconsistent` (see [`super::statistic_inconsistent`]); this
//! check keeps the findings that flip significance, at error level.

use super::statistic_inconsistent::find;
use super::{Check, Def, Finding};
use crate::analysis::Analysis;
use crate::extract::stats::Verdict;

pub struct Rule;

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>) {
        find(doc, def, Verdict::DecisionError, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::check::test_support::{self, exactly_one, findings};

    const NAME: &str = "statistic-decision-error";

    #[track_caller]
    fn fires(text: &str, message: &str) {
        let f = exactly_one(findings(NAME, text, None), text);
        assert_eq!(f.message, message);
    }

    #[track_caller]
    fn passes(text: &str) {
        test_support::passes(NAME, text)
    }

    #[test]
    fn fires_when_significance_flips() {
        fires(
            "The interaction was significant, F(2, 45) = 3.1, p < .05.",
            "p recomputed from `F(2, 45) = 3.1` is .055, not significant at .05, but the text reports `p < .05`",
        );
        fires(
            "Scores did not correlate, r(48) = .35, p = .20.",
            "p recomputed from `r(48) = .35` is .013, significant at .05, but the text reports `p = .20`",
        );
    }

    #[test]
    fn passes_when_significance_holds() {
        passes("Scores differed, t(28) = 2.20, p = .03.");
        passes("Scores differed, t(28) = 2.20, p < .05.");
        passes("The interaction was not significant, F(2, 45) = 3.1, p = .055.");
    }
}
