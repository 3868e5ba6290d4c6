//! `weekday-contradicts-date`: a weekday named with a date that falls on
//! another day ("Thursday, March 3, 2021"; it was a Wednesday).
//!
//! The year is the one written, else the one nearest the document date (see
//! [`crate::extract::date::year_for`]); with neither there is nothing to
//! check. Days that do not exist (February 30) are left to `impossible-date`.

use super::{Check, Def, Finding, FindingLabel, fill};
use crate::analysis::Analysis;
use crate::extract::ClaimKind;
use crate::extract::date::{weekday_name, year_for};

pub struct Rule;

impl Check for Rule {
    fn run(&self, doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>) {
        for claim in &doc.claims {
            if claim.kind != ClaimKind::Date {
                continue;
            }
            let Some(parts) = claim.date else { continue };
            let (Some(named), Some(month), Some(day)) = (parts.weekday, parts.month, parts.day)
            else {
                continue;
            };
            let Some(year) = year_for(&parts, doc.date) else {
                continue;
            };
            let (Ok(y), Ok(m), Ok(d)) =
                (i16::try_from(year), i8::try_from(month), i8::try_from(day))
            else {
                continue;
            };
            let Ok(date) = jiff::civil::Date::new(y, m, d) else {
                continue;
            };
            let actual = date.weekday().to_monday_one_offset();
            if i16::from(actual) == i16::from(named.day) {
                continue;
            }
            let Ok(actual) = u8::try_from(actual) else {
                continue;
            };
            // The date itself: the claim less the weekday and its comma.
            let text = doc.text().as_bytes();
            let mut date_start = named.end.max(claim.span.start);
            while date_start < claim.span.end && matches!(text.get(date_start), Some(b',' | b' ')) {
                date_start += 1;
            }
            let date_span = if date_start < claim.span.end {
                date_start..claim.span.end
            } else {
                claim.span.clone()
            };
            let claimed = weekday_name(named.day);
            let actual = weekday_name(actual);
            let iso = date.to_string();
            let args = [
                ("claimed", claimed),
                ("date", doc.slice(&date_span)),
                ("actual", actual),
                ("iso", iso.as_str()),
            ];
            let source = if parts.year.is_some() {
                ""
            } else {
                " (year from the document date)"
            };
            out.push(Finding {
                message: fill(&def.message, &args),
                help: fill(&def.help, &args),
                labels: vec![
                    FindingLabel::primary(named.start..named.end, format!("says {claimed}")),
                    FindingLabel::secondary(date_span, format!("{iso} was a {actual}{source}")),
                ],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::Finding;
    use crate::check::test_support::{exactly_one, nothing};

    /// Runs the rule over `text` through the whole pipeline.
    pub(super) fn findings(text: &str, date: Option<&str>) -> Vec<Finding> {
        crate::check::test_support::findings("weekday-contradicts-date", text, date)
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
    fn wrong_weekday_with_written_year() {
        let text = "The plant reopened on Thursday, March 3, 2021, after repairs.";
        let f = fires(text, None);
        assert_eq!(
            f.message,
            "Thursday does not match `March 3, 2021`: 2021-03-03 was a Wednesday"
        );
        assert_eq!(&text[f.labels[0].span.clone()], "Thursday");
        assert!(f.labels[0].primary);
        assert_eq!(f.labels[0].message, "says Thursday");
        assert_eq!(&text[f.labels[1].span.clone()], "March 3, 2021");
        assert_eq!(f.labels[1].message, "2021-03-03 was a Wednesday");
    }

    #[test]
    fn year_from_document_date() {
        let f = fires(
            "General Motors will have one plant working on overtime Monday, April 11.",
            Some("1987-04-09"),
        );
        assert!(
            f.labels[1]
                .message
                .ends_with("(year from the document date)")
        );
        assert!(
            f.message.contains("1987-04-11 was a Saturday"),
            "{}",
            f.message
        );
        fires(
            "A symposium will be held on Sunday, April 11, the association said.",
            Some("1987-04-09"),
        );
        fires(
            "Sale date is set for Thursday April 28.",
            Some("1987-04-13"),
        );
        fires(
            "Credits averaged 310 mln dlrs in the week to Friday February 25.",
            Some("1987-02-26"),
        );
    }

    #[test]
    fn year_across_new_year() {
        fires("Results are due Friday 2 January.", Some("2026-12-28"));
        passes("Results are due Friday 1 January.", Some("2020-12-28"));
        passes("It closed on Wednesday, Dec. 30.", Some("2021-01-04"));
    }

    #[test]
    fn correct_weekdays_pass() {
        passes(
            "The issue price will be set at tender next Tuesday, March 31.",
            Some("1987-03-25"),
        );
        passes(
            "Closed Friday, April 17, and Monday, April 20.",
            Some("1987-04-09"),
        );
        passes(
            "Sale date is set for Tuesday March 17, 1987.",
            Some("1987-03-16"),
        );
        passes("It opened Wednesday, Sept. 14, 2022.", None);
        passes("It was Tuesday 31 March 1987.", None);
    }

    #[test]
    fn nothing_to_check() {
        passes("The meeting is set for Thursday, March 3.", None);
        passes(
            "They met on Thursday and signed in May.",
            Some("2021-03-03"),
        );
        passes("The rules may change on Monday.", Some("2021-03-03"));
        passes("The order was dated Tuesday, February 30, 2021.", None);
        passes(
            "As of Friday, April 3 , 1986, stocks stood at 2.6 million bushels.",
            Some("1987-04-07"),
        );
    }
}
