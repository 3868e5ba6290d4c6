//! Claims: the figures in prose, typed and valued, with their context.
//!
//! [`extract`] scans each sentence once and returns every figure it finds as a
//! [`Claim`]: numbers in digits and words, money, percentages, quantities with
//! their unit or counted noun, dates, years, ranges. Each claim carries its
//! approximator as an interval ("nearly 13 million" is 11.7 to 13 million),
//! the rounding step of what was written, and, where the sentence makes them
//! plain, the thing measured, the time anchor, the subject and the source
//! ([`Context`]). [`relation::relations`] then links figures that
//! the prose compares ("X, up from Y", "rose 20% to X from Y").
//!
//! All spans here are byte ranges into the prose (see [`crate::source`]).

mod approx;
mod context;
pub(crate) mod date;
mod gate;
pub mod lexicon;
mod money;
mod multiplier;
mod number;
pub(crate) mod packed;
#[doc(hidden)]
pub mod probe;
mod quantity;
pub mod relation;
mod scan;
pub mod stats;

use serde::Serialize;

use crate::source::Span;

pub use context::Context;
pub use date::relative::{Anchor, RelUnit, Relative, Shape};
pub use relation::{Direction, Relation, RelationKind};

/// Index of a claim in the document's claim list.
pub type ClaimId = usize;

/// What kind of figure a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A bare number: "13", "thirteen", "1.5 million".
    Number,
    /// An amount of money: "$55 billion", "1.05 billion dlrs". Unit: ISO
    /// code, or code and minor unit ("USD cent" for "50 cents", value 50).
    Money,
    /// A percentage ("4.2%", unit `%`) or percentage points (unit `pp`).
    Percent,
    /// A number with a unit or counted noun: "13 million barrels", "2,000 tonnes".
    Quantity,
    /// A calendar date, whole or in part: "Sept. 14, 2022", "Wednesday", "March 3".
    Date,
    /// A period: "September 2022", "the first quarter of 2016", "2019-20".
    DateRange,
    /// A year used as a date: "in 2021".
    Year,
    /// Two figures as one range: "between 10 and 15", "10-15 percent".
    Range,
    /// A rank: "21st", "twenty-first".
    Ordinal,
    /// A length of time: "for three years".
    Duration,
    /// An age: "a 45-year-old", "aged 45".
    Age,
    /// A temperature: "-5 degrees Celsius".
    Temperature,
    /// A multiplier: "doubled", "three times", "halved".
    Multiplier,
}

impl ClaimKind {
    /// The name used in JSON output and in `figcheck claims`.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Number => "number",
            ClaimKind::Money => "money",
            ClaimKind::Percent => "percent",
            ClaimKind::Quantity => "quantity",
            ClaimKind::Date => "date",
            ClaimKind::DateRange => "daterange",
            ClaimKind::Year => "year",
            ClaimKind::Range => "range",
            ClaimKind::Ordinal => "ordinal",
            ClaimKind::Duration => "duration",
            ClaimKind::Age => "age",
            ClaimKind::Temperature => "temperature",
            ClaimKind::Multiplier => "multiplier",
        }
    }
}

/// An approximator attached to a figure ("nearly", "more than", "up to").
#[derive(Debug, Clone, PartialEq)]
pub struct Approx {
    /// The phrase as the lexicon spells it ("more than").
    pub phrase: &'static str,
    /// Where it stands in the prose.
    pub span: Span,
}

/// A calendar date as written: any part may be missing. Values are what the
/// text says, not validated: "February 30" has `month: 2, day: 30`, so that
/// checks can flag it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct DateParts {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// The weekday named with the date ("Wednesday, Sept. 14").
    #[serde(skip)]
    pub weekday: Option<NamedWeekday>,
    /// For a relative date ("yesterday", "next month", "two weeks ago"):
    /// what it counts from the document date; see `date::resolve`.
    #[serde(skip)]
    pub relative: Option<Relative>,
}

/// A weekday named in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedWeekday {
    /// Monday = 1 … Sunday = 7 (ISO 8601).
    pub day: u8,
    /// Prose byte range of the weekday word.
    pub start: usize,
    pub end: usize,
}

/// One figure in the prose.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Prose bytes of the whole figure: approximator, number, scale and unit
    /// ("nearly 13 million barrels").
    pub span: Span,
    /// Prose bytes of the number itself ("13 million"), the part a rule
    /// compares. Equal to `span` where there is nothing around the number.
    pub number_span: Span,
    pub kind: ClaimKind,
    /// The full value: 55e9 for "$55 billion", 12.5 for "12.5%", 2.0 for
    /// "doubled". `None` for dates and for ranges (see `range`).
    pub value: Option<f64>,
    /// The value of one unit in the last digit written: 1e6 for "13 million",
    /// 1e5 for "12.8 million", 0.1 for "4.2%". A figure is taken to be within
    /// half a step of its true value.
    pub step: f64,
    /// Canonical unit: ISO 4217 code for money ("USD"; "USD cent", "GBP
    /// penny" for amounts written in the minor unit), `%` or `pp` for
    /// percentages, the unit's singular name for quantities ("barrel", "tonne").
    pub unit: Option<&'static str>,
    /// The approximator, if any.
    pub approx: Option<Approx>,
    /// The interval the figure stands for, approximator included: "nearly
    /// 13 million" is `[11.7e6, 13e6]`, "more than 5" is `(5, ∞)`. For a
    /// plain figure, the value itself.
    pub low: f64,
    pub high: f64,
    /// Prose bytes of the thing measured, where the text names it right after
    /// the figure ("Russian oil" in "13 million barrels of Russian oil").
    pub measured: Option<Span>,
    /// For dates, years and date ranges: the calendar parts written.
    pub date: Option<DateParts>,
    /// For ranges: the two member claims, in the order written.
    pub range: Option<(ClaimId, ClaimId)>,
    /// For the members of a range: the range claim they belong to.
    pub part_of: Option<ClaimId>,
    /// Index of the sentence this claim is in.
    pub sentence: usize,
    /// What the sentence says around the figure: when, about whom, says
    /// who (see [`Context`]).
    pub context: Context,
}

impl Claim {
    /// True when the figure is negative or a loss.
    pub fn is_negative(&self) -> bool {
        self.value.is_some_and(|v| v < 0.0)
    }
}

/// Extracts every claim in `prose`, sentence by sentence, sorted by start.
///
/// `sentences` are prose byte ranges from [`crate::source::sentence::split`].
/// Range claims come after their members' positions are known: a range's
/// `range` field names its members and each member's `part_of` names it.
pub fn extract(prose: &str, sentences: &[Span]) -> Vec<Claim> {
    scan::claims(prose, sentences, true)
}

/// Gives the room of `claims`, a document's that is done with, to the next
/// [`extract`] on this thread: most documents' claims fit in the last
/// one's.
pub fn recycle(claims: Vec<Claim>) {
    scan::recycle(claims);
}

/// [`extract`], leaving every claim's [`Claim::context`] empty unless
/// `with_context`: the checks read no context, and finding it took an
/// eighth of a `check` run ([`crate::analysis::Needs`]).
pub fn extract_with(prose: &str, sentences: &[Span], with_context: bool) -> Vec<Claim> {
    scan::claims(prose, sentences, with_context)
}
