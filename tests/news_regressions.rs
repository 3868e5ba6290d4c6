//! Real news, both ways: sentences in the style of the news corpus where the
//! first version of figcheck raised a false alarm (each must stay silent,
//! with the cause in its name), and real contradictions it found in
//! published articles (each must keep firing).

use figcheck::analysis::{Analysis, Options};
use figcheck::check::{self, RuleSet};
use figcheck::source::InputFormat;

#[track_caller]
fn codes(text: &str) -> Vec<&'static str> {
    let a = Analysis::new(
        text,
        &Options {
            format: InputFormat::Plain,
            date: None,
        },
    );
    check::run(&a, &RuleSet::all())
        .into_iter()
        .filter(|d| d.severity == figcheck::Severity::Error)
        .map(|d| d.code)
        .collect()
}

#[track_caller]
fn silent(text: &str) {
    assert_eq!(codes(text), Vec::<&str>::new(), "{text}");
}

#[track_caller]
fn fires(text: &str, code: &str) {
    assert!(codes(text).contains(&code), "{code} silent on {text}");
}

#[test]
fn narrow_as_an_adjective_is_not_a_direction() {
    silent(
        "He pointed to a rise in the narrow money measure M0 to 5.2 pct year-on-year from August's 4.5 pct growth.",
    );
}

#[test]
fn gain_as_a_noun_is_not_a_direction() {
    silent(
        "Payrolls were revised, with February's gain cut to 236,000 from a previously reported 337,000.",
    );
    silent(
        "There was a downward revision in February's gain to 236,000 from a previously reported 337,000.",
    );
}

#[test]
fn exchange_rate_quotes_are_not_levels() {
    silent(
        "The Canadian dollar firmed slightly to C$1.3534 (US$0.7388) from closing levels at C$1.3546.",
    );
    silent(
        "The average yen/dollar rate rose to 158 yen in the first half from 207 a year earlier.",
    );
}

#[test]
fn a_range_after_from_is_not_an_earlier_level() {
    silent(
        "The bolivar would continue to slip from its current range of 28.35 to 28.50 this year.",
    );
}

#[test]
fn from_a_period_and_another_figure_is_not_an_earlier_level() {
    silent(
        "The index reached a record 472.86 last Friday, up 57.7 pct from end-June and 128.2 pct higher than last December.",
    );
}

#[test]
fn compared_with_another_base_says_nothing_of_direction() {
    silent(
        "The figure for male jobless rose by 2,000 in the month to 436,500 compared with 470,700 a year earlier.",
    );
    silent("Kit exports rose 31.3 pct to 154,711, compared with 146,610 in April.");
    silent(
        "The share held by foreign firms had risen to 18.6 percent, compared with the 30.2 percent held by the government.",
    );
    silent(
        "He expected sales to rise 4 percent to 4.5 percent, compared with earlier expectations for a 4.5 percent to 5.0 percent rise.",
    );
}

#[test]
fn real_contradictions_found_in_published_news() {
    fires(
        "Banks had 47.1 billion marks in minimum reserves on Friday, up from 49.9 billion on Thursday.",
        "direction-contradicts-values",
    );
    fires(
        "March sales and operating revenues totaled 164.4 mln dlrs, up 11 pct from March 1986's 238.8 mln dlrs.",
        "direction-contradicts-values",
    );
    fires(
        "The company made a group net profit in the year ended November 31 1986.",
        "impossible-date",
    );
    fires(
        "Revenues grew 8.7 percent to $4.9 billion from $4.1 billion.",
        "percent-change-contradicts-values",
    );
    fires(
        "Its savings had grown by 111 percent in 1996 to 20.2 million pounds from 11.3 million pounds in 1995.",
        "percent-change-contradicts-values",
    );
}

#[test]
fn a_second_share_after_the_earlier_level_is_not_a_change() {
    silent(
        "Foreign investment accounted for 1.22 billion baht, or 7.8 pct of total turnover, in the January/February period, up from 347 mln baht, or 5.8 pct, for the whole first quarter of 1986.",
    );
}

#[test]
fn a_count_after_a_possessive_is_not_the_change() {
    silent(
        "HNP is expanding its existing four power plants to 6,200 megawatts over the next five years from 1,900 megawatts now.",
    );
}

#[test]
fn published_changes_that_are_not_the_difference() {
    // Reuters, API weekly stocks: 38.25 - 37.98 is 270,000 barrels
    fires(
        "It said residual fuel stocks rose 28,000 barrels to 38.25 mln from a revised 37.98 mln barrels.",
        "change-contradicts-values",
    );
    // Reuters 50/50: 20.2 / 11.3 is a rise of 79%; 4.9 / 4.1 one of 20%
    fires(
        "It said its level of savings in Britain had grown by 111 percent in 1996 to 20.2 million pounds ($32.1 million) from 11.3 million pounds in 1995.",
        "percent-change-contradicts-values",
    );
    fires(
        "Revenues grew 8.7 percent to $4.9 billion from $4.1 billion.",
        "percent-change-contradicts-values",
    );
}

#[test]
fn a_possessive_object_before_the_levels_still_relates_them() {
    fires(
        "GZB said that it had decreased its three-part bond issue to 1.8 billion schillings from the 1.5 billion orginally planned.",
        "direction-contradicts-values",
    );
}
