//! `share-contradicts-counts`: a count given "of" a whole ("12 of 40
//! respondents", "a third of the 90 seats") that the share stated with it
//! contradicts, or a part larger than its whole ("394 out of 295 seats").
//!
//! Every figure is an interval: counts widened by half their rounding step,
//! a stated percentage by one step either way (so rounding, truncation and
//! rounding up all pass), a fraction in words by a tenth of itself plus two
//! points ("a third" of 90 may be 28 or 33). Only a share that no reading of
//! the figures allows is flagged. The share must be tied to the counts by
//! the grammar: "12 of 40 respondents (25%)", "a third of the 90 seats, or
//! 45", "25% (12 of 40)", "40% of the 2,000 workers, or 1,200"; anything
//! looser is left alone. A whole may also come first ("Of the 650 MPs, 700
//! voted"). A part that names another counted noun ("300 pupils of the 20
//! schools"), a whole that modifies a noun ("its 1987-model cars") and a
//! part many times its whole ("35,000 of the two models", what the part
//! belongs to) are no part of a whole.

use super::{Check, Def, Finding, FindingLabel, fill};
use crate::analysis::Analysis;
use crate::extract::relation::{interval, value_text};
use crate::extract::{Claim, ClaimId, ClaimKind};

use super::total_contradicts_parts::{noun_after, show_sum};

pub struct Rule;

/// Words that, between the whole and a share, show a new clause has begun:
/// the share then belongs to something else ("12 of 40 respondents said
/// yes (25%)").
const CLAUSE_WORDS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "said", "say", "says", "do",
    "did", "will", "would", "can", "could", "may", "might", "voted", "and", "or", "but", "who",
    "which", "that", "than", "with", "in", "on", "at", "for", "from", "by", "to", "of",
];

/// The byte length of `s`'s leading spaces.
fn spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\u{a0}']).len()
}

/// The length of the "of" link between a part and its whole: " of ", " of
/// the ", " out of its ".
fn of_link(gap: &str) -> Option<usize> {
    if !may_open_of_link(gap.as_bytes()) {
        return None;
    }
    of_link_read(gap)
}

/// False when the gap `b` cannot open an [`of_link`], told by its first
/// bytes: most gaps are turned away there. After the spaces comes "out" or
/// "of" (or a space beyond ASCII, which [`of_link_read`] reads).
fn may_open_of_link(b: &[u8]) -> bool {
    let lead = b.iter().position(|&x| x != b' ').unwrap_or(b.len());
    match b.get(lead) {
        Some(b'o' | b'O') => lead > 0,
        Some(0xC2) => true,
        _ => false,
    }
}

/// [`of_link`] without the look at the first bytes.
fn of_link_read(gap: &str) -> Option<usize> {
    let mut rest = gap;
    let s = spaces(rest);
    if s == 0 {
        return None;
    }
    rest = &rest[s..];
    let lower = |w: &str, p: &str| w.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if lower(rest, "out ") {
        rest = rest[3..].trim_start();
    }
    if !lower(rest, "of ") {
        return None;
    }
    rest = rest[2..].trim_start();
    for det in [
        "the ", "its ", "their ", "his ", "her ", "our ", "your ", "all ", "those ", "these ",
    ] {
        if lower(rest, det) {
            rest = rest[det.len()..].trim_start();
            break;
        }
    }
    // one possessive: "52 of the Senate's 100 seats", "of Britain's 650 MPs"
    let possessive = rest
        .trim_end()
        .strip_suffix("'s")
        .or_else(|| rest.trim_end().strip_suffix("’s"))
        .is_some_and(|w| !w.is_empty() && w.chars().all(char::is_alphabetic));
    (rest.is_empty() || possessive).then_some(gap.len())
}

/// True when the link between a whole and a share restates the share:
/// `(`, `, or `, ` or `, after at most two words that finish the whole's
/// noun phrase ("40 council seats, or 30 percent").
fn restates(gap: &str) -> bool {
    let g = gap.trim_end();
    let (words, link) = if let Some(w) = g.strip_suffix('(') {
        (w, true)
    } else if let Some(w) = g.strip_suffix(", or").or_else(|| g.strip_suffix(" or")) {
        (w, true)
    } else {
        (g, false)
    };
    if !link {
        return false;
    }
    let words = words.trim_end_matches([',', ' ']);
    let mut n = 0;
    for w in words.split_whitespace() {
        n += 1;
        let lower = w.to_ascii_lowercase();
        if n > 2
            || !w.chars().all(|c| c.is_alphabetic() || c == '-')
            || lower.ends_with("ed")
            || CLAUSE_WORDS.contains(&lower.as_str())
        {
            return false;
        }
    }
    true
}

/// True when the text after a restated share ends it: punctuation or the
/// end of the sentence, not "of …" or "more" (a share of something else).
fn ends_share(after: &str) -> bool {
    match after.trim_start_matches([' ', '\u{a0}']).chars().next() {
        None => true,
        Some(c) => matches!(c, ',' | '.' | ';' | ')' | ':' | '\n' | '—' | '–'),
    }
}

/// A fraction written as such: "a third", "two-thirds", "1/3", "½".
fn is_fraction(doc: &Analysis<'_>, c: &Claim) -> bool {
    let t = doc.slice(&c.number_span);
    c.kind == ClaimKind::Number && c.value.is_some_and(|v| v > 0.0 && v < 1.0) && !t.contains('.')
}

/// True when a whole is really a modifier ("the 3-judge panels", "the 50
/// states' …") or a figure of another sort.
fn modifier_after(doc: &Analysis<'_>, c: &Claim) -> bool {
    let after = doc.text().get(c.span.end..).unwrap_or("");
    after.starts_with('-')
        || after.starts_with('\'')
        || after.starts_with('’')
        || after.starts_with('/')
}

/// The kinds of figure that count things.
fn is_count(c: &Claim) -> bool {
    matches!(
        c.kind,
        ClaimKind::Number | ClaimKind::Quantity | ClaimKind::Money | ClaimKind::Duration
    ) && c.range.is_none()
        && c.value.is_some_and(|v| v.is_finite() && v >= 0.0)
}

/// True when `part` may be counted in `whole`'s units: the same kind and
/// unit, or a bare number, and no other counted noun after the part ("300
/// pupils of the 20 schools" counts pupils, not schools).
fn same_units(doc: &Analysis<'_>, part: &Claim, whole: &Claim) -> bool {
    let kinds = match (part.kind, whole.kind) {
        (ClaimKind::Number, ClaimKind::Number | ClaimKind::Quantity) => true,
        // "394 seats out of 295": the whole's noun is the part's
        (ClaimKind::Quantity, ClaimKind::Number) => noun_after(doc, whole).is_none(),
        (a, b) => a == b && part.unit == whole.unit,
    };
    kinds
        && match noun_after(doc, part) {
            // a whole with no noun of its own counts the part's
            Some(n) => noun_after(doc, whole).is_none_or(|w| w == n),
            None => true,
        }
}

/// A part-of-whole pair: `part` "of" `whole`.
struct Pair {
    part: ClaimId,
    whole: ClaimId,
    /// The whole came first: "Of the 650 MPs, 700 voted".
    fronted: bool,
}

/// A part given as a share of the whole ("a third", "40%"), as the
/// interval of fractions it allows: a percentage one step either way, a
/// fraction in words a tenth of itself and two points.
fn share_part(doc: &Analysis<'_>, c: &Claim) -> Option<(f64, f64)> {
    if c.kind == ClaimKind::Percent && c.unit == Some("%") || is_fraction(doc, c) {
        stated_share(doc, c)
    } else {
        None
    }
}

/// The clause openers before a whole that comes first ("Of the 650 MPs,").
const OPENERS: [&str; 4] = ["of the", "of its", "of their", "of all"];

/// True when the last clause of `head` (after its last `,`, `;` or `:`),
/// trimmed, is one of [`OPENERS`], ignoring ASCII case. Asked for nearly
/// every pair of counts: the trimmed end of `head` turns most away before
/// the clause is split off (1.8 M instructions over 5 MB of news, split
/// and lowercased into a new string).
fn opens_clause(head: &str) -> bool {
    // the trimmed clause ends where the trimmed head does
    let tail = head.trim_end().as_bytes();
    let ends_with = |o: &str| {
        tail.len() >= o.len() && tail[tail.len() - o.len()..].eq_ignore_ascii_case(o.as_bytes())
    };
    if !OPENERS.iter().any(|o| ends_with(o)) {
        return false;
    }
    let clause = head.rsplit([',', ';', ':']).next().unwrap_or(head).trim();
    OPENERS.iter().any(|o| clause.eq_ignore_ascii_case(o))
}

/// [`opens_clause`] as it was first written, lowercasing the whole clause:
/// what the shortcut must agree with.
#[cfg(test)]
fn opens_clause_lowercased(head: &str) -> bool {
    let clause = head
        .rsplit([',', ';', ':'])
        .next()
        .unwrap_or(head)
        .trim()
        .to_ascii_lowercase();
    matches!(clause.as_str(), "of the" | "of its" | "of their" | "of all")
}

/// True when `gap` less trailing white space ends with a comma: read back
/// over ASCII white space as bytes, and trimmed as a `str` only when a
/// byte beyond ASCII is in the way.
fn ends_with_comma(gap: &str) -> bool {
    match last_unspaced(gap.as_bytes()) {
        None => false,
        Some(b',') => true,
        Some(x) if x.is_ascii() => false,
        Some(_) => gap.trim_end().ends_with(','),
    }
}

/// The last byte of `b` that is not ASCII white space.
fn last_unspaced(b: &[u8]) -> Option<u8> {
    let mut end = b.len();
    while end > 0 && matches!(b[end - 1], b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
        end -= 1;
    }
    end.checked_sub(1).map(|i| b[i])
}

/// False when the gap `b` between two claims can neither end a fronted
/// whole ([`ends_with_comma`]: a comma, or a byte beyond ASCII, may end it
/// trimmed) nor open an [`of_link`], read as bytes in place.
fn may_pair(b: &[u8]) -> bool {
    matches!(last_unspaced(b), Some(x) if x == b',' || !x.is_ascii()) || may_open_of_link(b)
}

/// True when the whole `w`, a count, opens its clause as "Of the 650 MPs,"
/// and the count `p` after the comma is counted in it, `gap` (the text
/// between them) a few words and the comma. The gap is read first, from
/// its end: most gaps do not end with a comma, and neither the figures'
/// kinds nor the clause opener are looked at for them (with the kinds read
/// first, for every pair, and the gap trimmed as a `str`, the rule cost
/// 3.94 M instructions over 5.6 MB of news, 3.56 M now).
fn fronted_whole(doc: &Analysis<'_>, w: &Claim, p: &Claim, gap: &str) -> bool {
    if !ends_with_comma(gap) || !is_count(w) || !is_count(p) {
        return false;
    }
    let Some((words, after)) = gap.split_once(',') else {
        return false;
    };
    if !(after.trim().is_empty()
        && words.split_whitespace().count() <= 3
        && words
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || c == '-'))
    {
        return false;
    }
    let Some(sentence) = doc.sentences.get(w.sentence) else {
        return false;
    };
    // the clause opener sits right before the whole: look no further back
    let mut from = w.span.start.saturating_sub(24).max(sentence.start);
    while from < w.span.start && !doc.text().is_char_boundary(from) {
        from += 1;
    }
    opens_clause(doc.slice(&(from..w.span.start)))
}

/// What was stated against the counts.
enum Stated {
    /// A percentage or a fraction of the whole.
    Share(ClaimId),
    /// The count a fraction of the whole comes to.
    Count(ClaimId),
}

impl Rule {
    /// The pairs of counts, each with the first of its two claims: of
    /// every two claims outside ranges, one right after the other.
    fn pairs(doc: &Analysis<'_>) -> Vec<(ClaimId, Pair)> {
        let mut out = Vec::new();
        let text = doc.text();
        let mut top = doc
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.part_of.is_none());
        let Some(mut prev) = top.next() else {
            return out;
        };
        for next in top {
            let ((ia, a), (ib, b)) = (prev, next);
            prev = next;
            // the later claim is a count in both readings (the part of a
            // fronted whole, the whole of an "of" link), and the gap ends
            // with a comma or opens the link: the pairs of nearly every
            // document are turned away by these, read in place, before the
            // gap is sliced or the figures looked at again
            if a.sentence != b.sentence || a.span.end > b.span.start || !is_count(b) {
                continue;
            }
            if !text
                .as_bytes()
                .get(a.span.end..b.span.start)
                .is_some_and(may_pair)
            {
                continue;
            }
            let gap = doc.slice(&(a.span.end..b.span.start));
            // the fronted whole first: it turns away nearly every pair,
            // before the counted nouns are read
            if fronted_whole(doc, a, b, gap) && same_units(doc, b, a) {
                out.push((
                    ia,
                    Pair {
                        part: ib,
                        whole: ia,
                        fronted: true,
                    },
                ));
                continue;
            }
            if of_link(gap).is_none() || modifier_after(doc, b) {
                continue;
            }
            let share = share_part(doc, a).is_some();
            if !(is_count(a) || share) || !is_count(b) || is_fraction(doc, b) {
                continue;
            }
            if !(share || same_units(doc, a, b)) {
                continue;
            }
            out.push((
                ia,
                Pair {
                    part: ia,
                    whole: ib,
                    fronted: false,
                },
            ));
        }
        out
    }

    /// The share or count restated right after the whole, or the share
    /// stated right before the part ("25% (12 of 40)").
    fn stated(doc: &Analysis<'_>, top: &[ClaimId], k: usize, fraction: bool) -> Option<Stated> {
        let (part, whole) = (&doc.claims[top[k]], &doc.claims[top[k + 1]]);
        let wanted = |c: &Claim| {
            if fraction {
                (matches!(c.kind, ClaimKind::Number | ClaimKind::Quantity)
                    || c.kind == ClaimKind::Money && c.unit == whole.unit)
                    && !is_fraction(doc, c)
                    && c.range.is_none()
            } else {
                c.kind == ClaimKind::Percent && c.unit == Some("%") || is_fraction(doc, c)
            }
        };
        if let Some(&n) = top.get(k + 2) {
            let c = &doc.claims[n];
            let gap = doc.slice(&(whole.span.end..c.span.start));
            let after = doc.text().get(c.span.end..).unwrap_or("");
            if c.sentence == whole.sentence
                && whole.span.end <= c.span.start
                && wanted(c)
                && restates(gap)
                && ends_share(after)
            {
                return Some(if fraction {
                    Stated::Count(n)
                } else {
                    Stated::Share(n)
                });
            }
        }
        if fraction || k == 0 {
            return None;
        }
        let p = top[k - 1];
        let c = &doc.claims[p];
        let gap = doc.slice(&(c.span.end..part.span.start));
        let tail = doc.text().get(whole.span.end..).unwrap_or("");
        let linked = (gap.trim() == "(" && tail.trim_start().starts_with(')'))
            || gap.trim_end().ends_with(", or") && ends_share(tail);
        (c.sentence == part.sentence && wanted(c) && linked && gap.len() <= 6)
            .then_some(Stated::Share(p))
    }
}

/// The share `part` ÷ `whole` as an interval.
fn share(lo_part: f64, hi_part: f64, lo_whole: f64, hi_whole: f64) -> Option<(f64, f64)> {
    if lo_whole <= 0.0 || !hi_whole.is_finite() {
        return None;
    }
    Some((lo_part.max(0.0) / hi_whole, hi_part / lo_whole))
}

/// A stated share as an interval of fractions: a percentage one step
/// either way, a fraction a tenth of itself and two points.
fn stated_share(doc: &Analysis<'_>, c: &Claim) -> Option<(f64, f64)> {
    if c.kind == ClaimKind::Percent {
        let step = c.step.abs().max(0.0);
        let step = if step.is_finite() { step } else { return None };
        return Some(((c.low - step) / 100.0, (c.high + step) / 100.0));
    }
    if is_fraction(doc, c) {
        return Some((c.low * 0.9 - 0.02, c.high * 1.1 + 0.02));
    }
    None
}

/// A percentage as a message shows it.
fn percent(v: f64) -> String {
    let p = v * 100.0;
    if (p - p.round()).abs() < 0.05 {
        format!("{}%", p.round())
    } else {
        format!("{p:.1}%")
    }
}

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>) {
        // the claims outside ranges are listed only for a document with a
        // pair, as few have one (listing them for every document cost 1.6 M
        // instructions over 5.6 MB of news)
        let pairs = Self::pairs(doc);
        if pairs.is_empty() {
            return;
        }
        let top: Vec<ClaimId> = (0..doc.claims.len())
            .filter(|&i| doc.claims[i].part_of.is_none())
            .collect();
        for (first, pair) in pairs {
            let Ok(k) = top.binary_search(&first) else {
                continue;
            };
            let (part, whole) = (&doc.claims[pair.part], &doc.claims[pair.whole]);
            let Some((pl, ph)) = interval(&doc.claims, pair.part) else {
                continue;
            };
            let Some((wl, wh)) = interval(&doc.claims, pair.whole) else {
                continue;
            };
            let part_text = if part.kind == ClaimKind::Percent {
                doc.slice(&(part.number_span.start..part.span.end))
            } else {
                value_text(doc.text(), part)
            };
            let whole_text = doc.claim_text(whole);
            let as_share = share_part(doc, part);
            let fraction = as_share.is_some();
            let mut labels = vec![
                FindingLabel::primary(part.span.clone(), "the part"),
                FindingLabel::secondary(whole.span.clone(), "the whole"),
            ];
            // Many times the whole, "of" names what the part belongs to, not
            // what it is counted in ("35,000 of the two models").
            let within_reach = part
                .value
                .zip(whole.value)
                .is_some_and(|(p, w)| p > w && p <= w * 10.0);
            // intervals that only touch still order the figures
            let (actual, stated) = if !fraction && pl >= wh && within_reach {
                (
                    "more than the whole".to_string(),
                    "it is a part of it".to_string(),
                )
            } else if pair.fronted {
                continue;
            } else {
                let Some(st) = Self::stated(doc, &top, k, fraction) else {
                    continue;
                };
                match st {
                    Stated::Share(s) => {
                        let c = &doc.claims[s];
                        let (Some((al, ah)), Some((sl, sh))) =
                            (share(pl, ph, wl, wh), stated_share(doc, c))
                        else {
                            continue;
                        };
                        if ah >= sl && al <= sh {
                            continue;
                        }
                        let (Some(pv), Some(wv)) = (part.value, whole.value) else {
                            continue;
                        };
                        if wv <= 0.0 {
                            continue;
                        }
                        labels.push(FindingLabel::secondary(c.span.clone(), "the stated share"));
                        (percent(pv / wv), format!("`{}`", doc.claim_text(c)))
                    }
                    Stated::Count(s) => {
                        let c = &doc.claims[s];
                        let Some((cl, ch)) = interval(&doc.claims, s) else {
                            continue;
                        };
                        let Some((al, ah)) = share(cl, ch, wl, wh) else {
                            continue;
                        };
                        let Some((fl, fh)) = as_share else {
                            continue;
                        };
                        if ah >= fl && al <= fh {
                            continue;
                        }
                        let (Some(fv), Some(wv)) = (part.value, whole.value) else {
                            continue;
                        };
                        let fv = if part.kind == ClaimKind::Percent {
                            fv / 100.0
                        } else {
                            fv
                        };
                        labels.push(FindingLabel::secondary(c.span.clone(), "the stated count"));
                        let n = fv * wv;
                        let n = if n >= 100.0 || (n - n.round()).abs() < 0.05 {
                            show_sum(n.round(), &[c])
                        } else {
                            format!("{n:.1}")
                        };
                        (format!("about {n}"), format!("`{}`", doc.claim_text(c)))
                    }
                }
            };
            let args = [
                ("part", part_text),
                ("whole", whole_text),
                ("actual", actual.as_str()),
                ("stated", stated.as_str()),
            ];
            out.push(Finding {
                message: fill(&def.message, &args),
                help: fill(&def.help, &args),
                labels,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::test_support::{self, exactly_one, findings};

    const NAME: &str = "share-contradicts-counts";

    #[track_caller]
    fn fires(text: &str, message: &str) {
        let f = exactly_one(findings(NAME, text, None), text);
        assert_eq!(f.message, message);
        assert!(f.labels[0].primary && f.labels.len() >= 2);
    }

    #[track_caller]
    fn passes(text: &str) {
        test_support::passes(NAME, text)
    }

    #[test]
    fn a_part_larger_than_its_whole_fires() {
        fires(
            "Republicans hold 152 of the Senate's 100 seats.",
            "`152` of `100 seats` is more than the whole, but the sentence says it is a part of it",
        );
        fires(
            "The Liberals won 394 out of 295 seats.",
            "`394` of `295 seats` is more than the whole, but the sentence says it is a part of it",
        );
        fires(
            "Thas said 783 of the 543 passengers and crew were confirmed dead.",
            "`783` of `543 passengers` is more than the whole, but the sentence says it is a part of it",
        );
        fires(
            "The coach dropped 15 of the 12 players.",
            "`15` of `12 players` is more than the whole, but the sentence says it is a part of it",
        );
    }

    #[test]
    fn a_part_within_its_whole_passes() {
        passes("Fianna Fail won 81 of the 166 seats in the poll.");
        passes("Deng watched 50 of the 52 matches in the 1990 World Cup.");
        passes("Ford is recalling about 33,600 of its 1987-model year cars.");
        passes("Republicans hold 52 of the Senate's 100 seats.");
        fires(
            "The Liberals won 394 seats out of 295 in the election.",
            "`394` of `295` is more than the whole, but the sentence says it is a part of it",
        );
        passes("The Liberals won 177 seats out of 295 in the election.");
        passes("He sold 300 of the company's 12 million shares.");
        passes("It sold 1,500 of the group's 12 hotels' rooms.");
        passes("The bank reported earnings in 1986 of 496 mln dlrs.");
        passes("Holders of 50,275 of 4.75 dlr cumulative preferred shares agreed.");
        passes("The judges heard 6 of the 3-judge panels' appeals.");
        passes("In dealer inventory were 35,000 of the two models.");
        passes("A ¼ 𞻰0 of 𞻰 5");
        fires(
            "Of the 650 MPs, 700 voted for the bill.",
            "`700` of `650` is more than the whole, but the sentence says it is a part of it",
        );
        passes("Of the 650 MPs, 400 voted for the bill.");
        fires(
            "Of the 650 MPs, 651 voted for the bill.",
            "`651` of `650` is more than the whole, but the sentence says it is a part of it",
        );
        passes("Of the 650 MPs, 650 voted for the bill.");
        passes("Of the 650 MPs elected in 2019, 700 voted for the bill.");
        passes("In the 650 seats, 700 candidates stood.");
        passes("Of the 12 hospitals, 150 nurses were sent home.");
        passes("The 300 pupils of the 20 schools sat the exam.");
    }

    #[test]
    fn a_share_that_does_not_match_its_counts_fires() {
        fires(
            "In the survey, 12 of 40 respondents (25%) said yes.",
            "`12` of `40 respondents` is 30%, but the sentence says `25%`",
        );
        fires(
            "Labour won a third of the 90 seats, or 45.",
            "`a third` of `90 seats` is about 30, but the sentence says `45`",
        );
        fires(
            "Of those polled, 25% (12 of 40) backed the plan.",
            "`12` of `40` is 30%, but the sentence says `25%`",
        );
        fires(
            "About 40% of the 2,000 workers, or 1,200, joined the strike.",
            "`40%` of `2,000 workers` is about 800, but the sentence says `1,200`",
        );
        fires(
            "Some 40% of the $2 billion, or $1.2 billion, went to schools.",
            "`40%` of `$2 billion` is about 800 million, but the sentence says `$1.2 billion`",
        );
        fires(
            "They won 12 of the 40 council seats, or 45 percent.",
            "`12` of `40` is 30%, but the sentence says `45 percent`",
        );
    }

    #[test]
    fn a_share_within_rounding_passes() {
        passes("5 of the 20 members, or a quarter, voted.");
        passes("About 40% of the 2,000 workers, or 800, joined the strike.");
        passes("Some 40% of the 30 seats went to Labour.");
        passes("A quarter of the $2 billion, or $500 million, went to schools.");
        passes("In the survey, 2 of 3 respondents (66%) said yes.");
        passes("In the survey, 2 of 3 respondents (67%) said yes.");
        passes("Labour won a third of the 90 seats, or 28.");
        passes("In the survey, 12 of 40 respondents said yes (25% of the sample said no).");
        passes("In the survey, 12 of 40 respondents said yes (25%).");
        passes("They won 12 of the 40 seats, or 25% more than before.");
        passes("About 1.2 million of the 4 million voters (30%) turned out.");
    }

    #[test]
    fn the_clause_opener_shortcut_agrees_with_lowercasing() {
        let pieces = [
            "of the", "Of its", "OF THEIR", "of all", "of", "the", "The", "its", "all", " ", "  ",
            ",", ";", ":", "\u{a0}", "\n", "é", "É", "’", "about", "oft", "he", "x", "s",
        ];
        let heads = crate::testgen::glued(60_000, 8, &pieces, 0x0fe7);
        let mut opened = 0;
        for h in &heads {
            let want = super::opens_clause_lowercased(h);
            assert_eq!(super::opens_clause(h), want, "{h:?}");
            opened += usize::from(want);
        }
        assert!(opened > 200, "{opened}");
    }

    /// A gap's end read as bytes ends with a comma when the trimmed `str`
    /// does, for gaps glued from commas, words and white space of every
    /// kind, beyond ASCII too.
    #[test]
    fn the_comma_end_is_the_trimmed_ones() {
        let pieces = [
            ",", " ", "\t", "\n", "\r", "\x0b", "\x0c", "\u{a0}", "\u{85}", "\u{2009}", "\u{3000}",
            "of", "x", "é", "’", ";", "-",
        ];
        let (mut commas, mut wide) = (0, 0);
        for g in crate::testgen::glued(60_000, 6, &pieces, 0xc0aa) {
            let want = g.trim_end().ends_with(',');
            assert_eq!(super::ends_with_comma(&g), want, "{g:?}");
            commas += usize::from(want);
            // a comma behind white space beyond ASCII, read as characters
            let ascii_trimmed = g.trim_end_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
            wide += usize::from(want && !ascii_trimmed.ends_with(','));
        }
        assert!(commas > 5_000 && wide > 1_000, "{commas} {wide}");
    }

    /// The look at a gap's two ends as bytes ([`super::may_pair`]) turns
    /// away no gap that ends with a comma or opens an "of" link, for gaps
    /// glued from commas, links, words and white space of every kind.
    #[test]
    fn the_pair_shortcut_keeps_every_comma_and_link() {
        let pieces = [
            ",", " ", "  ", "\t", "\n", "\r", "\x0b", "\u{a0}", "\u{85}", "\u{2009}", "of", "Of",
            "out", "OUT", "o", "the", "x", "é", "’", ";", "-", "(", "5", " of ", " out of ",
        ];
        let (mut kept, mut turned) = (0, 0);
        for g in crate::testgen::glued(80_000, 5, &pieces, 0x9a11) {
            let want = super::ends_with_comma(&g) || super::of_link(&g).is_some();
            let may = super::may_pair(g.as_bytes());
            assert!(may || !want, "{g:?}");
            kept += usize::from(want);
            turned += usize::from(!may);
        }
        assert!(kept > 4_000 && turned > 40_000, "{kept} {turned}");
    }

    /// The look at a gap's first bytes turns away no gap that the full
    /// reading links.
    #[test]
    fn the_of_link_shortcut_agrees_with_the_reading() {
        let pieces = [
            " ",
            "  ",
            "\u{a0}",
            "\t",
            "of",
            "Of",
            "OUT",
            "out",
            "o",
            "the",
            "its",
            "Britain's",
            "’s",
            "x",
            ",",
            "é",
            "\u{2009}",
            "(",
            "5",
            " of ",
            " Out of ",
            "the ",
            " of the ",
        ];
        let gaps = crate::testgen::glued(60_000, 4, &pieces, 0x0f11);
        let mut linked = 0;
        for g in &gaps {
            let want = super::of_link_read(g);
            assert_eq!(super::of_link(g), want, "{g:?}");
            linked += usize::from(want.is_some());
        }
        assert!(linked > 100, "{linked}");
    }
}
