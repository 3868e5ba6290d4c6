//! `impossible-date`: a day that does not exist in its month (February 30,
//! April 31, February 29 of a common year).
//!
//! Month lengths come from the calendar (jiff). February 29 is flagged only
//! when the year is known, from the text or the nearest year to the document
//! date; without one it may be right.

use super::{Check, Def, Finding, FindingLabel, fill};
use crate::analysis::Analysis;
use crate::extract::ClaimKind;
use crate::extract::date::{month_name, year_for};

pub struct Rule;

/// Days in `month` of `year`; with no year, the longest the month can be.
fn days_in(month: u8, year: Option<i32>) -> Option<i8> {
    let m = i8::try_from(month).ok()?;
    // 2000 is a leap year: with no year, February may have 29 days.
    let y = year.map_or(Some(2000), |y| i16::try_from(y).ok())?;
    jiff::civil::Date::new(y, m, 1)
        .ok()
        .map(|d| d.days_in_month())
}

/// The fewest days a month has.
const MIN_DAYS: u8 = 28;

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>) {
        for claim in &doc.claims {
            if !matches!(claim.kind, ClaimKind::Date | ClaimKind::DateRange) {
                continue;
            }
            let Some(parts) = claim.date else { continue };
            let (Some(month), Some(day)) = (parts.month, parts.day) else {
                continue;
            };
            // every month has this many days, whatever the year: the year
            // is worked out only for a later day (the rule went 1.74 to
            // 0.84 M instructions over 5.6 MB of news)
            if day <= MIN_DAYS {
                continue;
            }
            let year = year_for(&parts, doc.date);
            let Some(days) = days_in(month, year) else {
                continue;
            };
            if i16::from(day) <= i16::from(days) {
                continue;
            }
            // Label the date itself, not a weekday named before it.
            let text = doc.text().as_bytes();
            let mut start = claim.span.start;
            if let Some(named) = parts.weekday {
                start = named.end.max(start);
                while start < claim.span.end && matches!(text.get(start), Some(b',' | b' ')) {
                    start += 1;
                }
            }
            let span = if start < claim.span.end {
                start..claim.span.end
            } else {
                claim.span.clone()
            };
            let leap_matters = month == 2 && day == 29;
            let month_text = match year {
                Some(y) if leap_matters => format!("{} {y}", month_name(month)),
                _ => month_name(month).to_string(),
            };
            let days_text = days.to_string();
            let args = [
                ("date", doc.slice(&span)),
                ("month", month_text.as_str()),
                ("days", days_text.as_str()),
            ];
            let label = if leap_matters && parts.year.is_none() {
                format!("{month_text} has {days} days (year from the document date)")
            } else {
                format!("{month_text} has {days} days")
            };
            out.push(Finding {
                message: fill(&def.message, &args),
                help: fill(&def.help, &args),
                labels: vec![FindingLabel::primary(span, label)],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::Finding;
    use crate::check::test_support::{exactly_one, nothing};

    /// No month of any year has fewer than [`super::MIN_DAYS`] days, so no
    /// day up to it is impossible.
    #[test]
    fn no_month_is_shorter_than_the_fewest_days() {
        for month in 0..=u8::MAX {
            for year in [
                None,
                Some(1900),
                Some(2000),
                Some(2023),
                Some(2024),
                Some(-5),
            ] {
                let days = super::days_in(month, year);
                assert!(
                    days.is_none_or(|d| i16::from(d) >= i16::from(super::MIN_DAYS)),
                    "{month} {year:?}"
                );
            }
        }
    }

    /// Runs the rule over `text` through the whole pipeline.
    fn findings(text: &str, date: Option<&str>) -> Vec<Finding> {
        crate::check::test_support::findings("impossible-date", text, date)
    }

    #[track_caller]
    fn fires(text: &str, date: Option<&str>) -> Finding {
        exactly_one(findings(text, date), text)
    }

    #[track_caller]
    fn passes(text: &str, date: Option<&str>) {
        nothing(findings(text, date), text)
    }

    #[test]
    fn days_past_the_month_end() {
        let text = "The order was dated February 30, 2021.";
        let f = fires(text, None);
        assert_eq!(
            f.message,
            "`February 30, 2021` does not exist: February has 28 days"
        );
        assert_eq!(&text[f.labels[0].span.clone()], "February 30, 2021");
        fires("The offer expires on April 31.", None);
        fires("Shares were issued on 31 June 2019.", None);
        fires("It was filed on 2021-11-31.", None);
        fires("It ran through Sept. 31.", None);
        let text = "On Tuesday, February 30, 2021, it closed.";
        let f = fires(text, None);
        assert_eq!(&text[f.labels[0].span.clone()], "February 30, 2021");
    }

    #[test]
    fn february_29_needs_a_known_common_year() {
        let f = fires("The deadline is Feb. 29, 2023.", None);
        assert_eq!(
            f.message,
            "`Feb. 29, 2023` does not exist: February 2023 has 28 days"
        );
        let f = fires("Payment is due on February 29.", Some("2023-02-10"));
        assert!(
            f.labels[0].message.contains("document date"),
            "{:?}",
            f.labels
        );
        passes("Payment is due on February 29.", None);
        passes("The deadline is Feb. 29, 2024.", None);
        passes("Payment is due on February 29.", Some("2024-02-10"));
        passes("Payment is due on February 29.", Some("2000-01-10"));
        fires("Payment is due on February 29.", Some("1900-02-10"));
    }

    #[test]
    fn real_dates_and_non_dates_pass() {
        passes(
            "The offer expires on April 30 and prices may rise in May.",
            None,
        );
        passes("They will march 31 miles, from March 45 to nowhere.", None);
        passes("It rose 31% in June, to 30,000 barrels a day.", None);
        passes("On December 31, 2021 and January 31 it closed.", None);
    }
}
