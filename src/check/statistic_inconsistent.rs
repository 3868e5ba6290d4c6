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

use super::{Check, CheckDef, Finding, FindingLabel, fill};
use crate::analysis::Analysis;
use crate::extract::stats::{self, Verdict};

pub struct Rule;

/// The findings of reports with verdict `want`, for this check and
/// `statistic-decision-error`.
pub(super) fn find(doc: &Analysis<'_>, def: &CheckDef, want: Verdict, out: &mut Vec<Finding>) {
    let text = doc.text();
    // a report needs an `=`: only sentences that hold one are read (the
    // memchr crate's vector search finds them; reading every sentence of
    // a document with one `=` cost 1.2 M instructions a check over 5.6 MB
    // of news)
    // (the first found alone: most documents have none, and `memchr`
    // turns them away faster than the iterator)
    let bytes = text.as_bytes();
    let Some(first) = memchr::memchr(b'=', bytes) else {
        return;
    };
    let mut eqs = vec![first];
    eqs.extend(memchr::memchr_iter(b'=', &bytes[first + 1..]).map(|i| first + 1 + i));
    for s in doc.sentences.iter().filter(|s| holds_any(&eqs, s)) {
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

/// True when one of the sorted offsets `at` lies in `span`.
fn holds_any(at: &[usize], span: &crate::source::Span) -> bool {
    at.get(at.partition_point(|&i| i < span.start))
        .is_some_and(|&i| i < span.end)
}

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &CheckDef, out: &mut Vec<Finding>) {
        find(doc, def, Verdict::Inconsistent, out);
    }
}

#[cfg(test)]
mod tests {
    use super::holds_any;
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

    /// [`holds_any`] over the `=` offsets says what a search of the span
    /// says, for every span of texts with `=` anywhere.
    #[test]
    fn sentences_with_an_equals_sign_are_found_by_offset() {
        for mask in 0u32..256 {
            let text: String = (0..8)
                .map(|k| if mask >> k & 1 == 1 { '=' } else { 'x' })
                .collect();
            let eqs: Vec<usize> = memchr::memchr_iter(b'=', text.as_bytes()).collect();
            for start in 0..=8 {
                for end in start..=8 {
                    let want = text[start..end].contains('=');
                    assert_eq!(
                        holds_any(&eqs, &(start..end)),
                        want,
                        "{text} {start}..{end}"
                    );
                }
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
