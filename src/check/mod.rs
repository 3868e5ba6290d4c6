//! The check engine: the registry of checks, rule selection, and the run that
//! turns findings in prose into [`Diagnostic`]s located in the source.
//!
//! A check is two files with one name: `src/check/<name>.rs` (the logic, as a
//! [`Check`]) and `checks/<name>.toml` (its [`CheckDef`]: severity, message,
//! help, why, examples). [`REGISTRY`] has one line per check.

pub mod definition;

mod direction_contradicts_values;
mod impossible_date;
mod percent_change_contradicts_values;
mod range_inverted;
mod repeated_sentence;
mod share_contradicts_counts;
mod statistic_decision_error;
mod statistic_inconsistent;
mod total_contradicts_parts;
mod weekday_contradicts_date;

use std::sync::OnceLock;

pub use definition::{CheckDef, fill};

use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Label};
use crate::source::Span;

/// The logic of one check.
pub trait Check: Send + Sync {
    /// Appends what the check finds in `doc` to `out`.
    fn run(&self, doc: &Analysis<'_>, def: &CheckDef, out: &mut Vec<Finding>);
}

/// A finding in prose offsets, before it is located in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The filled message.
    pub message: String,
    /// The filled help.
    pub help: String,
    /// Every figure involved, primary first, in prose offsets.
    pub labels: Vec<FindingLabel>,
}

/// A label in prose offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingLabel {
    pub span: Span,
    pub message: String,
    pub primary: bool,
}

impl FindingLabel {
    /// The figure a finding is about.
    pub fn primary(span: Span, message: impl Into<String>) -> FindingLabel {
        FindingLabel {
            span,
            message: message.into(),
            primary: true,
        }
    }

    /// A figure that supports the finding.
    pub fn secondary(span: Span, message: impl Into<String>) -> FindingLabel {
        FindingLabel {
            span,
            message: message.into(),
            primary: false,
        }
    }
}

/// A registered check: its name, its logic and its embedded definition.
pub struct Registered {
    pub name: &'static str,
    pub check: &'static dyn Check,
    toml: &'static str,
    def: OnceLock<CheckDef>,
}

impl Registered {
    /// The parsed definition.
    pub fn def(&self) -> &CheckDef {
        self.def
            .get_or_init(|| crate::extract::lexicon::parse(self.name, self.toml))
    }
}

macro_rules! registry {
    ($($name:literal => $module:ident),* $(,)?) => {
        const COUNT: usize = [$($name),*].len();
        static CHECKS: [Registered; COUNT] = [
            $(Registered {
                name: $name,
                check: &$module::Rule,
                toml: include_str!(concat!("../../checks/", $name, ".toml")),
                def: OnceLock::new(),
            }),*
        ];
        /// Every check, in the order `figcheck rules` lists them.
        pub static REGISTRY: &[Registered] = &CHECKS;
    };
}

registry! {
    "direction-contradicts-values" => direction_contradicts_values,
    "percent-change-contradicts-values" => percent_change_contradicts_values,
    "weekday-contradicts-date" => weekday_contradicts_date,
    "impossible-date" => impossible_date,
    "range-inverted" => range_inverted,
    "repeated-sentence" => repeated_sentence,
    "share-contradicts-counts" => share_contradicts_counts,
    "total-contradicts-parts" => total_contradicts_parts,
    "statistic-inconsistent" => statistic_inconsistent,
    "statistic-decision-error" => statistic_decision_error,
}

/// Looks a check up by name.
pub fn find(name: &str) -> Option<&'static Registered> {
    REGISTRY.iter().find(|r| r.name == name)
}

/// The checks that are on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    on: Vec<bool>,
}

/// A rule name that is not a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl std::fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = REGISTRY.iter().map(|r| r.name).collect();
        write!(
            f,
            "unknown rule `{}`; the rules are `all`, `{}`",
            self.0,
            names.join("`, `")
        )
    }
}

impl std::error::Error for UnknownRule {}

impl Default for RuleSet {
    fn default() -> RuleSet {
        RuleSet::all()
    }
}

impl RuleSet {
    /// Every check on.
    pub fn all() -> RuleSet {
        RuleSet {
            on: vec![true; REGISTRY.len()],
        }
    }

    /// `select` (empty: all) less `ignore`; `all` names every check.
    ///
    /// # Errors
    /// A name that is neither `all` nor a check.
    pub fn new<S: AsRef<str>>(select: &[S], ignore: &[S]) -> Result<RuleSet, UnknownRule> {
        let mut on = vec![select.is_empty(); REGISTRY.len()];
        for (names, value) in [(select, true), (ignore, false)] {
            for name in names {
                let name = name.as_ref();
                if name == "all" {
                    on.iter_mut().for_each(|o| *o = value);
                    continue;
                }
                let i = REGISTRY
                    .iter()
                    .position(|r| r.name == name)
                    .ok_or_else(|| UnknownRule(name.to_string()))?;
                on[i] = value;
            }
        }
        Ok(RuleSet { on })
    }

    /// The checks that are on.
    pub fn enabled(&self) -> impl Iterator<Item = &'static Registered> + '_ {
        REGISTRY
            .iter()
            .zip(&self.on)
            .filter(|(_, on)| **on)
            .map(|(r, _)| r)
    }
}

/// Runs the enabled checks over `doc` and returns their diagnostics, located
/// in the source and sorted by position, then code.
pub fn run(doc: &Analysis<'_>, rules: &RuleSet) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut findings = Vec::new();
    for reg in rules.enabled() {
        let def = reg.def();
        findings.clear();
        reg.check.run(doc, def, &mut findings);
        for f in findings.drain(..) {
            let mut labels: Vec<Label> = f
                .labels
                .into_iter()
                .map(|l| Label {
                    span: doc.to_source(&l.span),
                    message: l.message,
                    primary: l.primary,
                })
                .collect();
            labels.sort_by_key(|l| !l.primary);
            out.push(Diagnostic {
                code: reg.name,
                severity: def.severity,
                message: f.message,
                help: f.help,
                labels,
            });
        }
    }
    out.sort_by(|a, b| (a.offset(), a.code, &a.message).cmp(&(b.offset(), b.code, &b.message)));
    out
}

/// Helpers for the checks' unit tests.
#[cfg(test)]
pub(crate) mod test_support {
    use super::{Finding, find};
    use crate::analysis::{Analysis, Options};
    use crate::source::InputFormat;

    /// Runs the check `name` alone over an analysed document.
    pub(crate) fn run(name: &str, doc: &Analysis<'_>) -> Vec<Finding> {
        let reg = find(name).expect("registered check");
        let mut out = Vec::new();
        reg.check.run(doc, reg.def(), &mut out);
        out
    }

    /// Asserts that `found` is exactly one finding, with every placeholder
    /// of its message and help filled, and returns it.
    #[track_caller]
    pub(crate) fn exactly_one(found: Vec<Finding>, input: &str) -> Finding {
        assert_eq!(
            found.len(),
            1,
            "expected one finding in {input:?}: {found:?}"
        );
        let f = found.into_iter().next().expect("one finding");
        assert!(
            !f.message.contains('{') && !f.help.contains('{'),
            "unfilled placeholder: {f:?}"
        );
        f
    }

    /// Asserts that `found` is empty.
    #[track_caller]
    pub(crate) fn nothing(found: Vec<Finding>, input: &str) {
        assert!(found.is_empty(), "expected nothing in {input:?}: {found:?}");
    }

    /// Runs the check `name` over plain `text` through the whole pipeline,
    /// with `date` (`YYYY-MM-DD`) as the document date.
    pub(crate) fn findings(name: &str, text: &str, date: Option<&str>) -> Vec<Finding> {
        let date = date.map(|d| d.parse().expect("fixture date"));
        let doc = Analysis::new(
            text,
            &Options {
                format: InputFormat::Plain,
                date,
            },
        );
        run(name, &doc)
    }
}
