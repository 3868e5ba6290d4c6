//! The check engine: the registry of checks, rule selection, and the run that
//! turns findings in prose into [`Diagnostic`]s located in the source.
//!
//! A check is two files with one name: `src/check/<name>.rs` (the logic, as a
//! [`Check`]) and `checks/<name>.toml` (its [`CheckDef`]: severity, message,
//! help, why, examples). [`REGISTRY`] has one line per check.

pub mod definition;

mod change_contradicts_values;
mod direction_contradicts_values;
mod figure_restated_differently;
mod impossible_date;
mod interval;
mod multiplier_contradicts_values;
mod percent_change_contradicts_values;
mod percentage_points_confused;
mod range_inverted;
mod relative_date_contradicts_date;
mod repeated_sentence;
mod share_contradicts_counts;
mod statistic_decision_error;
mod statistic_inconsistent;
mod total_contradicts_parts;
mod unused_suppression;
mod weekday_contradicts_date;

use std::sync::{Arc, OnceLock};

pub use definition::{CheckDef, OptionDef, OptionError, fill};

use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::source::Span;

/// The logic of one check.
pub trait Check: Send + Sync {
    /// Appends what the check finds in `doc` to `out`.
    fn run(&self, doc: &Analysis<'_>, def: &Def<'_>, out: &mut Vec<Finding>);
}

/// The definition in effect for a check, as [`CheckDef`] through `Deref`:
/// the user's copy if configuration changed it, else the embedded one,
/// parsed the first time a check reads it. Most checks find nothing and
/// read no option in most documents: parsing all sixteen definitions up
/// front cost 2.5 M instructions a run.
pub struct Def<'a> {
    reg: &'static Registered,
    changed: Option<&'a CheckDef>,
}

impl std::ops::Deref for Def<'_> {
    type Target = CheckDef;

    fn deref(&self) -> &CheckDef {
        self.changed.unwrap_or_else(|| self.reg.def())
    }
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
    "multiplier-contradicts-values" => multiplier_contradicts_values,
    "change-contradicts-values" => change_contradicts_values,
    "percentage-points-confused" => percentage_points_confused,
    "figure-restated-differently" => figure_restated_differently,
    "weekday-contradicts-date" => weekday_contradicts_date,
    "relative-date-contradicts-date" => relative_date_contradicts_date,
    "impossible-date" => impossible_date,
    "range-inverted" => range_inverted,
    "repeated-sentence" => repeated_sentence,
    "share-contradicts-counts" => share_contradicts_counts,
    "total-contradicts-parts" => total_contradicts_parts,
    "statistic-inconsistent" => statistic_inconsistent,
    "statistic-decision-error" => statistic_decision_error,
    "unused-suppression" => unused_suppression,
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
        let mut rules = RuleSet::all();
        rules.apply(select, ignore)?;
        Ok(rules)
    }

    /// Layers `select` and `ignore` over the checks already on, as a config
    /// override or the command line does: a non-empty `select` replaces the
    /// set, then `ignore` turns checks off.
    ///
    /// # Errors
    /// A name that is neither `all` nor a check.
    pub fn apply<S: AsRef<str>>(&mut self, select: &[S], ignore: &[S]) -> Result<(), UnknownRule> {
        let mut on = self.on.clone();
        if !select.is_empty() {
            on.iter_mut().for_each(|o| *o = false);
        }
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
        self.on = on;
        Ok(())
    }

    /// Whether the check `name` is on.
    pub fn is_on(&self, name: &str) -> bool {
        REGISTRY
            .iter()
            .zip(&self.on)
            .any(|(r, on)| *on && r.name == name)
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

/// What configuration changes in the checks themselves: their severity and
/// their options. A check left alone uses its embedded definition; a changed
/// one a copy made once, shared by every document it applies to.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    defs: Vec<Option<Arc<CheckDef>>>,
}

impl CheckOptions {
    /// The definition in effect for the check at `index` in [`REGISTRY`].
    pub fn def(&self, index: usize) -> Option<&CheckDef> {
        self.changed(index)
            .or_else(|| REGISTRY.get(index).map(Registered::def))
    }

    /// The user's copy of the definition of the check at `index`, if
    /// configuration changed it.
    fn changed(&self, index: usize) -> Option<&CheckDef> {
        self.defs.get(index)?.as_deref()
    }

    /// The definition in effect for the check `name`.
    pub fn def_of(&self, name: &str) -> Option<&CheckDef> {
        self.def(REGISTRY.iter().position(|r| r.name == name)?)
    }

    fn def_mut(&mut self, name: &str) -> Result<&mut CheckDef, UnknownRule> {
        let i = REGISTRY
            .iter()
            .position(|r| r.name == name)
            .ok_or_else(|| UnknownRule(name.to_string()))?;
        if self.defs.len() < REGISTRY.len() {
            self.defs.resize(REGISTRY.len(), None);
        }
        let slot = &mut self.defs[i];
        let def = slot.get_or_insert_with(|| Arc::new(REGISTRY[i].def().clone()));
        Ok(Arc::make_mut(def))
    }

    /// Reports the check `name` at `severity`.
    ///
    /// # Errors
    /// `name` is not a check.
    pub fn set_severity(&mut self, name: &str, severity: Severity) -> Result<(), UnknownRule> {
        self.def_mut(name)?.severity = severity;
        Ok(())
    }

    /// Sets the option `option` of the check `name`.
    ///
    /// # Errors
    /// `name` is not a check (the outer error), or the option is unknown or
    /// out of range (the inner one).
    pub fn set_option(
        &mut self,
        name: &str,
        option: &str,
        value: f64,
    ) -> Result<Result<(), OptionError>, UnknownRule> {
        // validate first, so that a failed set leaves no copy behind
        let Some(def) = find(name) else {
            return Err(UnknownRule(name.to_string()));
        };
        if let Err(e) = def.def().validate(option, value) {
            return Ok(Err(e));
        }
        Ok(self.def_mut(name)?.set(option, value))
    }
}

/// Runs the enabled checks over `doc` and returns their diagnostics, located
/// in the source and sorted by position, then code. Inline suppressions
/// (`<!-- figcheck-disable -->`) are applied: see [`crate::suppress`].
pub fn run(doc: &Analysis<'_>, rules: &RuleSet) -> Vec<Diagnostic> {
    run_with(doc, rules, &CheckOptions::default())
}

/// [`run`] with the severities and options of `options`.
pub fn run_with(doc: &Analysis<'_>, rules: &RuleSet, options: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = run_unsuppressed(doc, rules, options);
    crate::suppress::apply(doc, rules, &mut out);
    out.sort_by(|a, b| (a.offset(), a.code, &a.message).cmp(&(b.offset(), b.code, &b.message)));
    out
}

/// What the enabled checks find in `doc`, before inline suppressions, in
/// no particular order.
pub(crate) fn run_unsuppressed(
    doc: &Analysis<'_>,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut findings = Vec::new();
    for (i, reg) in REGISTRY.iter().enumerate() {
        if !rules.on.get(i).copied().unwrap_or(false) {
            continue;
        }
        let def = Def {
            reg,
            changed: options.changed(i),
        };
        reg.check.run(doc, &def, &mut findings);
        // most checks find nothing in most documents: an empty drain still
        // costs its drop (0.8 M instructions over 5 MB of news)
        if findings.is_empty() {
            continue;
        }
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
    out
}

/// Helpers for the checks' unit tests.
#[cfg(test)]
pub(crate) mod test_support {
    use super::{Def, Finding, Registered, find};
    use crate::analysis::{Analysis, Options};
    use crate::source::InputFormat;

    /// Runs the check `name` alone over an analysed document.
    pub(crate) fn run(name: &str, doc: &Analysis<'_>) -> Vec<Finding> {
        let reg = find(name).expect("registered check");
        let mut out = Vec::new();
        reg.check.run(doc, &embedded(reg), &mut out);
        out
    }

    /// The embedded definition of `reg`, as a check reads it.
    pub(crate) fn embedded(reg: &'static Registered) -> Def<'static> {
        Def { reg, changed: None }
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
    /// The check `name` finds exactly one thing in `text`, saying
    /// `message`, with its primary label first and `labels` labels.
    #[track_caller]
    pub(crate) fn fires_once(name: &str, text: &str, message: &str, labels: usize) -> Finding {
        let f = exactly_one(findings(name, text, None), text);
        assert_eq!(f.message, message, "{text}");
        assert_eq!(f.labels.len(), labels, "{text}");
        assert!(f.labels[0].primary, "{text}");
        f
    }

    /// The check `name` finds nothing in `text`.
    #[track_caller]
    pub(crate) fn passes(name: &str, text: &str) {
        nothing(findings(name, text, None), text);
    }

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Options;

    const ROSE: &str = "Revenue rose 20% to $150 million from $100 million, the company said.";

    fn count(text: &str, options: &CheckOptions) -> usize {
        let doc = Analysis::new(text, &Options::default());
        let rules = RuleSet::new(&["percent-change-contradicts-values"], &[]).expect("a check");
        run_with(&doc, &rules, options).len()
    }

    #[test]
    fn options_change_what_a_check_flags() {
        assert_eq!(count(ROSE, &CheckOptions::default()), 1);
        let mut loose = CheckOptions::default();
        let set = loose.set_option("percent-change-contradicts-values", "min-points", 40.0);
        assert_eq!(set, Ok(Ok(())));
        assert_eq!(count(ROSE, &loose), 0);
    }

    #[test]
    fn unknown_and_out_of_range_options_are_errors() {
        let mut o = CheckOptions::default();
        let name = "percent-change-contradicts-values";
        assert!(matches!(
            o.set_option(name, "nope", 1.0),
            Ok(Err(OptionError::Unknown { .. }))
        ));
        assert!(matches!(
            o.set_option(name, "min-points", -1.0),
            Ok(Err(OptionError::OutOfRange { .. }))
        ));
        assert!(o.set_option("no-such-check", "min-points", 1.0).is_err());
        assert!(
            o.defs.iter().all(Option::is_none),
            "a failed set leaves no copy"
        );
    }

    #[test]
    fn severity_overrides_the_definition() {
        let mut o = CheckOptions::default();
        o.set_severity("range-inverted", Severity::Info)
            .expect("a check");
        assert_eq!(
            o.def_of("range-inverted").map(|d| d.severity),
            Some(Severity::Info)
        );
        assert_eq!(
            find("range-inverted").map(|r| r.def().severity),
            Some(Severity::Warning)
        );
    }

    #[test]
    fn every_option_default_is_in_bounds_and_documented() {
        for r in REGISTRY {
            for (name, o) in &r.def().options {
                assert!((o.min..=o.max).contains(&o.default), "{}: {name}", r.name);
                assert!(!o.doc.trim().is_empty(), "{}: {name}", r.name);
                assert!(r.def().number(name).is_finite(), "{}: {name}", r.name);
            }
        }
    }
}
