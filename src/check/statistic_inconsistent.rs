//! `statistic-inconsistent`: a reported p that the test statistic beside it
//! cannot give ("t(28) = 2.20, p = .03", where p is .036), as statcheck
//! checks psychology papers.
//!
//! Reports are parsed and p recomputed in [`crate::extract::stats`]. The
//! statistic stands for the interval its written decimals allow ("2.20" is
//! 2.195 to 2.205) and a reported "p = .03" for .025 to .035, so only a p
//! that no correct rounding explains is flagged. When the recomputed p also
//! lies on the other side of .05, the slip changes the conclusion; that is
//! `statistic-decision-error`, at error level, and this check leaves it to it.

use super::{Check, Def, Finding, FindingLabel, fill};
use crate::analysis::Analysis;
use crate::extract::stats::{self, Verdict};

pub struct Rule;

/// The findings of reports with verdict `want`, for this check and
/// `statistic-decision-error`.
pub(super) fn find(doc: &Analysis<'_>, def: &Def<'_>, want: Verdict, out: &mut Vec<Finding>) {
    let text = doc.text();
    // a report needs an `=`: only sentences that hold one are read (the
    // memchr crate's vector search finds them; reading every sentence of
    // a document with an `=`, the rule cost 1.60 M instructions over 5.6 MB
    // of news, 1.20 M now). Most documents have none, and are turned away
    // by the first `=`, which the analysis finds once for both checks.
    let bytes = text.as_bytes();
    let Some(first) = doc.first_equals() else {
        return;
    };
    let eqs = memchr::memchr_iter(b'=', &bytes[first..]).map(|i| first + i);
    for s in holding(&doc.sentences, eqs) {
        let found = stats::reports(text, s.clone());
        if found.is_empty() {
            continue;
        }
        let sentence = doc.slice(s).to_ascii_lowercase();
        let one_tailed = [
            "one-tailed",
            "one tailed",
            "one-sided",
            "one sided",
            "directional",
        ]
        .iter()
        .any(|w| sentence.contains(w));
        for r in found {
            if r.verdict(one_tailed) != Some(want) {
                continue;
            }
            let statistic = doc.slice(&r.statistic_span);
            let reported = doc.slice(&r.p_span);
            let computed = r.computed_text();
            let p = r.p_of(r.statistic.value.abs()).unwrap_or(1.0);
            let actual = if p < stats::ALPHA {
                "significant"
            } else {
                "not significant"
            };
            let args = [
                ("statistic", statistic),
                ("reported", reported),
                ("computed", computed.as_str()),
                ("test", r.test.as_str()),
                ("actual", actual),
            ];
            out.push(Finding {
                message: fill(&def.message, &args),
                help: fill(&def.help, &args),
                labels: vec![
                    FindingLabel::primary(
                        r.p_span.clone(),
                        format!("p is {computed} from the statistic"),
                    ),
                    FindingLabel::secondary(r.statistic_span.clone(), "the statistic"),
                ],
            });
        }
    }
}

/// The spans of `sentences` (in order, not overlapping) that hold one of
/// the ascending offsets `at`: the two are walked side by side, with no
/// list of the offsets kept (a document of `=` signs would make one eight
/// times its size).
fn holding(
    sentences: &[crate::source::Span],
    at: impl Iterator<Item = usize>,
) -> impl Iterator<Item = &crate::source::Span> {
    let mut at = at.peekable();
    sentences.iter().filter(move |s| {
        while at.next_if(|&i| i < s.start).is_some() {}
        at.peek().is_some_and(|&i| i < s.end)
    })
}

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>) {
        find(doc, def, Verdict::Inconsistent, out);
    }
}

#[cfg(test)]
mod tests {
    use super::holding;
    use crate::check::test_support::{self, fires_once};

    const NAME: &str = "statistic-inconsistent";

    #[track_caller]
    fn fires(text: &str, message: &str) {
        fires_once(NAME, text, message, 2);
    }

    #[track_caller]
    fn passes(text: &str) {
        test_support::passes(NAME, text)
    }

    /// [`holding`] keeps the sentences a search of each for `=` keeps, for
    /// every placing of `=` in a text of ten bytes and every cut of it into
    /// sentences, with the bytes between sentences left out or not.
    #[test]
    fn sentences_with_an_equals_sign_are_found_by_offset() {
        const N: usize = 10;
        for mask in 0u32..1 << N {
            let text: String = (0..N)
                .map(|k| if mask >> k & 1 == 1 { '=' } else { 'x' })
                .collect();
            // bit k of `cuts`: a sentence ends at k + 1; of `gaps`: the
            // byte there is between sentences
            for (cuts, gaps) in [
                (0u32, 0u32),
                (0b10_0100_1001, 0),
                (0b01_0101_0101, 0b00_1000_0100),
                (0x3ff, 0x155),
            ] {
                let mut sentences = Vec::new();
                let mut start = 0;
                for k in 0..N {
                    if gaps >> k & 1 == 1 {
                        start = k + 1;
                        continue;
                    }
                    if cuts >> k & 1 == 1 || k + 1 == N {
                        sentences.push(start..k + 1);
                        start = k + 1;
                    }
                }
                let eqs = memchr::memchr_iter(b'=', text.as_bytes());
                let got: Vec<_> = holding(&sentences, eqs).cloned().collect();
                let want: Vec<_> = sentences
                    .iter()
                    .filter(|s| text[(*s).clone()].contains('='))
                    .cloned()
                    .collect();
                assert_eq!(got, want, "{text} {sentences:?}");
            }
        }
    }

    #[test]
    fn fires_on_p_the_statistic_cannot_give() {
        fires(
            "Scores differed, t(28) = 2.20, p = .03.",
            "p recomputed from `t(28) = 2.20` is .036, but the text reports `p = .03`",
        );
        fires(
            "The groups differed, z = 2.5, p = .03.",
            "p recomputed from `z = 2.5` is .012, but the text reports `p = .03`",
        );
    }

    #[test]
    fn passes_within_rounding_and_leaves_decision_errors_alone() {
        passes("Scores differed, t(28) = 2.20, p = .04.");
        passes("Scores differed, t(28) = 2.20, p < .05.");
        passes("Scores differed, χ2(1, N = 90) = 4.2, p = .04.");
        passes("The effect held, z = 1.96, p = .05.");
        passes("Scores differed, t(28) = 1.20, p < .05.");
        passes("The price rose to $5 = 5 euros, p = 3.");
        passes("As predicted, scores rose, t(28) = 1.80, p = .04, one-tailed.");
    }
}
