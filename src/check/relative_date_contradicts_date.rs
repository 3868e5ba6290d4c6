//! `relative-date-contradicts-date`: a relative date and an explicit date
//! tied in one phrase that name different days ("last year, in 2019" in a
//! story of 2022), and an age that does not fit the birth year given with
//! it ("born in 1970, the 45-year-old" in 2022).
//!
//! Needs the document date: the relative date is resolved against it (see
//! [`crate::extract::date::resolve`]). The two figures must be tied by the
//! grammar, one right after the other: in apposition ("yesterday, Sept.
//! 13,"), or the second after "in" or "on" ("next month, on March 3"), the
//! second closing its phrase. Anything looser (two clauses, a list, another
//! sentence) is left alone: a linter that guesses here cries wolf. An
//! explicit date without a year may be in the year before, of, or after the
//! document's; only when none fits does the check fire.

use jiff::civil::Date;

use super::{Check, Def, Finding, FindingLabel, fill};
use crate::analysis::Analysis;
use crate::extract::date::{format_period, resolve};
use crate::extract::{Anchor, Claim, ClaimKind, RelUnit, Relative};

pub struct Rule;

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>) {
        let Some(today) = doc.date else { return };
        // each claim with whether it is a relative date, read once for the
        // two pairs it is in
        let mut claims = doc.claims.iter().map(|c| (c, relative_of(c).is_some()));
        let Some(mut prev) = claims.next() else {
            return;
        };
        for next in claims {
            let ((a, a_relative), (b, b_relative)) = (prev, next);
            prev = next;
            // a pair of one relative date and one other date, or with an
            // age: nothing else can fire, and the tie is read only then
            let one_relative = a_relative != b_relative;
            let aged = a.kind == ClaimKind::Age || b.kind == ClaimKind::Age;
            if !(one_relative || aged) || a.sentence != b.sentence || !tied(doc, a, b) {
                continue;
            }
            if let Some(f) = relative_against_explicit(doc, def, today, a, b) {
                out.push(f);
            } else if let Some(f) = age_against_birth(doc, def, today, a, b) {
                out.push(f);
            }
        }
    }
}

/// The words that may tie two figures, spaced as [`tied`] compares them.
const TIES: [&str; 13] = [
    ",",
    ", in",
    ", on",
    "in",
    "on",
    "(",
    ", the",
    ", a",
    ", born in",
    ", born on",
    ", who was born in",
    ", who was born on",
    ", was born in",
];

/// The most words a tie of [`TIES`] has.
const TIE_WORDS: usize = 5;

/// The first words of [`TIES`]: a gap that starts with another word is no
/// tie (four compares for the first word of every gap read, not one per
/// tie).
const TIE_FIRST_WORDS: [&str; 4] = [",", "in", "on", "("];

/// True when `words` joined by one space spell `tie`, read in place.
fn spells(words: &[&str], tie: &str) -> bool {
    let mut rest = tie;
    for (k, w) in words.iter().enumerate() {
        let after_space = if k == 0 {
            Some(rest)
        } else {
            rest.strip_prefix(' ')
        };
        match after_space.and_then(|r| r.strip_prefix(w)) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// The tie of [`TIES`] whose words, however spaced, are the words of
/// `gap`. The gap is split once, and only as far as the longest tie
/// reaches: a gap whose first word begins no tie, or with more words than
/// any tie, is turned away there. (Splitting the gap again for every tie
/// cost 6.2 M instructions over 5.6 MB of dated news.)
fn tie_of(gap: &str) -> Option<&'static str> {
    let mut ws = [""; TIE_WORDS];
    let mut n = 0;
    for w in gap.split_whitespace() {
        if n == TIE_WORDS || n == 0 && !TIE_FIRST_WORDS.contains(&w) {
            return None;
        }
        ws[n] = w;
        n += 1;
    }
    TIES.iter().find(|t| spells(&ws[..n], t)).copied()
}

/// True when `b` follows `a` in apposition or after "in"/"on", and closes
/// its phrase: "last year, in 2019,", "Sept. 13, yesterday.".
fn tied(doc: &Analysis<'_>, a: &Claim, b: &Claim) -> bool {
    let Some(gap) = doc.text().get(a.span.end..b.span.start) else {
        return false;
    };
    let Some(tie) = tie_of(gap) else {
        return false;
    };
    let after = doc.text().get(b.span.end..).unwrap_or("");
    after.trim_start_matches(' ').is_empty()
        || after.starts_with([',', '.', ')', ';', ':', '\u{2014}'])
        || (tie.contains("born") || tie.ends_with("the") || tie.ends_with(" a"))
            && after.starts_with(' ')
}

/// The relative date resolved, when it counts from the document date.
fn relative_of(c: &Claim) -> Option<Relative> {
    let r = c.date?.relative?;
    // "this Tuesday" is said of the past and of the coming week alike
    let vague_weekday = matches!(r.unit, RelUnit::Weekday(_)) && r.offset == 0;
    (r.anchor == Anchor::Document && !vague_weekday).then_some(r)
}

/// The periods an explicit date may mean: one with its year written, else
/// one in each of the years around the document date.
fn explicit_periods(c: &Claim, today: Date) -> Vec<(Date, Date)> {
    let Some(p) = c.date else { return Vec::new() };
    if p.relative.is_some() || c.range.is_some() {
        return Vec::new();
    }
    let years: Vec<i16> = match p.year {
        Some(y) => i16::try_from(y).into_iter().collect(),
        None => vec![today.year() - 1, today.year(), today.year() + 1],
    };
    let mut out = Vec::new();
    for y in years {
        let period = match (p.month, p.day) {
            (Some(m), Some(d)) => i8::try_from(m)
                .ok()
                .zip(i8::try_from(d).ok())
                .and_then(|(m, d)| Date::new(y, m, d).ok())
                .map(|d| (d, d)),
            (Some(m), None) => i8::try_from(m)
                .ok()
                .and_then(|m| Date::new(y, m, 1).ok())
                .map(|d| (d, d.last_of_month())),
            // a year alone, or a quarter or half of it: the whole year is
            // the lenient reading
            (None, None) if p.year.is_some() && c.kind != ClaimKind::Date => {
                Date::new(y, 1, 1).ok().map(|d| (d, d.last_of_year()))
            }
            _ => None,
        };
        out.extend(period);
    }
    out
}

/// Alternative days for "last Tuesday" and "next Tuesday": some writers
/// mean the one a week further. A round count is a round figure: "thirty
/// years ago" may be 31 years, so counts of ten or more stretch by a tenth.
fn relative_periods(r: &Relative, today: Date) -> Vec<(Date, Date)> {
    let mut out: Vec<(Date, Date)> = resolve(r, today).into_iter().collect();
    let n = r.offset.abs();
    if n >= 10 {
        let slack = (n + 9) / 10;
        for k in [n - slack, n + slack] {
            let other = Relative {
                offset: k * r.offset.signum(),
                ..*r
            };
            out.extend(resolve(&other, today));
        }
        if let [first, rest @ ..] = out.as_slice() {
            let lo = rest.iter().fold(first.0, |m, p| m.min(p.0));
            let hi = rest.iter().fold(first.1, |m, p| m.max(p.1));
            out = vec![(lo, hi)];
        }
    }
    if let RelUnit::Weekday(_) = r.unit {
        let further = Relative {
            offset: r.offset + r.offset.signum(),
            ..*r
        };
        out.extend(resolve(&further, today));
    }
    out
}

fn overlaps(x: (Date, Date), y: (Date, Date)) -> bool {
    x.0 <= y.1 && y.0 <= x.1
}

fn relative_against_explicit(
    doc: &Analysis<'_>,
    def: &Def<'_>,
    today: Date,
    a: &Claim,
    b: &Claim,
) -> Option<Finding> {
    let (rel_claim, other) = match (relative_of(a), relative_of(b)) {
        (Some(_), None) => (a, b),
        (None, Some(_)) => (b, a),
        _ => return None,
    };
    let rel = relative_of(rel_claim)?;
    let meant = relative_periods(&rel, today);
    let first = *meant.first()?;
    let parts = other.date?;
    let explicit = explicit_periods(other, today);
    let fits = if explicit.is_empty() {
        // a weekday named alone: "yesterday, Tuesday,"
        let named = parts.weekday?;
        if parts.month.is_some() || first.0 != first.1 {
            return None;
        }
        meant
            .iter()
            .any(|(d, _)| i16::from(d.weekday().to_monday_one_offset()) == i16::from(named.day))
    } else {
        explicit
            .iter()
            .any(|e| meant.iter().any(|m| overlaps(*e, *m)))
    };
    if fits {
        return None;
    }
    let relative_text = doc.slice(&rel_claim.span);
    let explicit_text = doc.slice(&other.span);
    let resolved = format_period(first.0, first.1);
    let today_text = today.to_string();
    let args = [
        ("relative", relative_text),
        ("explicit", explicit_text),
        ("resolved", resolved.as_str()),
        ("today", today_text.as_str()),
    ];
    Some(Finding {
        message: fill(&def.message, &args),
        help: fill(&def.help, &args),
        labels: vec![
            FindingLabel::primary(
                rel_claim.span.clone(),
                format!("{resolved} in a text dated {today_text}"),
            ),
            FindingLabel::secondary(other.span.clone(), "the date written with it"),
        ],
    })
}

/// "born in 1970, the 45-year-old": the age a birth year allows on the
/// document date is one of two (before or after the birthday).
fn age_against_birth(
    doc: &Analysis<'_>,
    def: &Def<'_>,
    today: Date,
    a: &Claim,
    b: &Claim,
) -> Option<Finding> {
    let (age, birth) = match (a.kind, b.kind) {
        (ClaimKind::Age, _) => (a, b),
        (_, ClaimKind::Age) => (b, a),
        _ => return None,
    };
    let year = birth.date?.year?;
    if birth.date?.relative.is_some() || !born_before(doc, birth, age) {
        return None;
    }
    let years = age.value?;
    if years.fract() != 0.0 || !(0.0..=130.0).contains(&years) {
        return None;
    }
    let older = i32::from(today.year()) - year;
    let younger = older - 1;
    let years = years as i32;
    if years == older || years == younger || older < 0 {
        return None;
    }
    let today_text = today.to_string();
    let resolved = format!("{younger} or {older}");
    let args = [
        ("relative", doc.slice(&age.span)),
        ("explicit", doc.slice(&birth.span)),
        ("resolved", resolved.as_str()),
        ("today", today_text.as_str()),
    ];
    Some(Finding {
        message: fill(&def.message, &args),
        help: fill(&def.help, &args),
        labels: vec![
            FindingLabel::primary(
                age.span.clone(),
                format!("{younger} or {older} on {today_text}"),
            ),
            FindingLabel::secondary(birth.span.clone(), "the birth year"),
        ],
    })
}

/// True when the birth date is introduced by "born" (before it, or in the
/// gap after the age: "45, born in 1970").
fn born_before(doc: &Analysis<'_>, birth: &Claim, age: &Claim) -> bool {
    let text = doc.text();
    if age.span.end <= birth.span.start {
        return text
            .get(age.span.end..birth.span.start)
            .is_some_and(|g| g.contains("born"));
    }
    let head = text.get(..birth.span.start).unwrap_or("").trim_end();
    let head = head
        .strip_suffix(" in")
        .or_else(|| head.strip_suffix(" on"))
        .unwrap_or(head)
        .trim_end();
    head.ends_with(" born") || head.ends_with("Born") || head == "born"
}

#[cfg(test)]
mod tests {
    use super::{TIE_FIRST_WORDS, TIE_WORDS, TIES, tie_of};
    use crate::check::Finding;
    use crate::check::test_support::{exactly_one, nothing};

    fn findings(text: &str, date: Option<&str>) -> Vec<Finding> {
        crate::check::test_support::findings("relative-date-contradicts-date", text, date)
    }

    #[track_caller]
    fn fires(text: &str, date: &str) -> Finding {
        exactly_one(findings(text, Some(date)), text)
    }

    #[track_caller]
    fn passes(text: &str, date: Option<&str>) {
        nothing(findings(text, date), text)
    }

    /// [`TIE_FIRST_WORDS`] are the first words of the ties, each once.
    #[test]
    fn tie_first_words_are_the_ties_first_words() {
        let mut firsts: Vec<&str> = TIES.iter().filter_map(|t| t.split(' ').next()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        let mut listed = TIE_FIRST_WORDS.to_vec();
        listed.sort_unstable();
        assert_eq!(firsts, listed);
    }

    /// [`tie_of`] finds a tie exactly where the gap's words, joined by one
    /// space, spell it: over gaps of up to four words and every spacing.
    #[test]
    fn ties_are_the_gaps_joined_words() {
        let words = [
            ",", "in", "on", "(", "the", "a", "born", "who", "was", "of", "x", "i", "inn", ",,",
        ];
        let spaces = [" ", "  ", "\n", "\t", "\u{a0}", " \r\n "];
        let mut gaps = vec![String::new()];
        let mut n = 0;
        for len in 1..=4 {
            let mut combo = vec![0usize; len];
            loop {
                let mut gap = String::from(spaces[n % spaces.len()]);
                for (k, &w) in combo.iter().enumerate() {
                    if k > 0 {
                        gap.push_str(spaces[(n + k) % spaces.len()]);
                    }
                    gap.push_str(words[w]);
                }
                n += 1;
                gaps.push(gap);
                let Some(k) = combo.iter().rposition(|&w| w + 1 < words.len()) else {
                    break;
                };
                combo[k] += 1;
                combo[k + 1..].fill(0);
            }
        }
        for long in [
            ", who\u{a0}was born  in",
            ",\nwho was born on",
            ", who was born in the town of",
            ", who was born in in",
            " , who  was born\ton ",
        ] {
            gaps.push(long.to_string());
        }
        let mut found = Vec::new();
        for gap in &gaps {
            let joined = gap.split_whitespace().collect::<Vec<_>>().join(" ");
            let want = TIES.iter().copied().find(|&t| t == joined);
            assert_eq!(tie_of(gap), want, "{gap:?}");
            found.extend(want);
        }
        // the split stops at the longest tie
        assert_eq!(
            TIES.iter().map(|t| t.split(' ').count()).max(),
            Some(TIE_WORDS)
        );
        // every tie is among the gaps
        found.sort_unstable();
        found.dedup();
        assert_eq!(found.len(), TIES.len());
    }

    #[test]
    fn relative_year_against_written_year() {
        let text = "Sales fell last year, in 2019, the firm said.";
        let f = fires(text, "2022-09-15");
        assert_eq!(&text[f.labels[0].span.clone()], "last year");
        assert_eq!(&text[f.labels[1].span.clone()], "2019");
        assert!(
            f.message.contains("`last year`") && f.message.contains("`2019`"),
            "{}",
            f.message
        );
        passes(
            "Sales fell last year, in 2021, the firm said.",
            Some("2022-09-15"),
        );
        passes("Sales fell last year, in 2019, the firm said.", None);
    }

    #[test]
    fn relative_day_against_written_day() {
        fires(
            "The deal closed on Tuesday, Sept. 13, yesterday.",
            "2022-09-15",
        );
        passes(
            "The deal closed on Wednesday, Sept. 14, yesterday.",
            Some("2022-09-15"),
        );
        fires("Talks resume next month, on March 3.", "2022-09-15");
        passes("Talks resume next month, on Oct. 3.", Some("2022-09-15"));
    }

    #[test]
    fn loose_ties_stay_silent() {
        passes("In 2019, last year's champion won.", Some("2022-09-15"));
        passes("Sales fell last year and in 2019.", Some("2022-09-15"));
        passes(
            "Sales fell last year. In 2019 they rose.",
            Some("2022-09-15"),
        );
        passes("It fell a year earlier, in 2019.", Some("2022-09-15"));
        passes(
            "It ends the current fiscal year, in February 2023.",
            Some("2022-09-15"),
        );
        passes("Thirty years ago, in 1991, it began.", Some("2022-09-15"));
        fires("Thirty years ago, in 1980, it began.", "2022-09-15");
    }

    #[test]
    fn age_against_birth_year() {
        let f = fires("Born in 1970, the 45-year-old runs the firm.", "2022-09-15");
        assert!(f.message.contains("`45-year-old`"), "{}", f.message);
        passes(
            "Born in 1970, the 52-year-old runs the firm.",
            Some("2022-09-15"),
        );
        passes(
            "Born in 1970, the 51-year-old runs the firm.",
            Some("2022-09-15"),
        );
        passes("In 1970, the 45-year-old ran the firm.", Some("2022-09-15"));
    }
}
