//! Inline suppressions: comments that switch checks off for some lines.
//!
//! In Markdown and HTML the directives are comments:
//! `<!-- figcheck-disable rule-a, rule-b -->` … `<!-- figcheck-enable -->`
//! (enable may name rules too) and `<!-- figcheck-disable-next-line rule -->`;
//! in plain text they are lines of their own: `figcheck: disable-next-line
//! rule`. No rule name means every rule; text after ` -- ` is a reason, for
//! readers. A diagnostic is suppressed when its primary label's line is
//! covered: `disable` covers its own line through the line of the `enable`
//! that ends it (or the end of the file), `disable-next-line` the line after
//! the comment.
//!
//! Strict data, loud failures: a rule name that is not a check, or a
//! `figcheck-` word that is not a directive, is reported, and so is a
//! suppression that suppresses nothing (a stale one would hide a finding
//! nobody meant to hide), all under the `unused-suppression` check. Whether
//! a suppression is used is judged by the rules it names even when they are
//! not selected in this run, so `--select` never makes a needed comment look
//! stale. Blanket suppressions do not cover `unused-suppression` itself
//! (else a `disable` at the top would hide every report below it); a
//! directive that names it does.

use crate::analysis::Analysis;
use crate::check::{self, REGISTRY, RuleSet};
use crate::diagnostic::{Diagnostic, Label};
use crate::source::{Comment, LineIndex, Span};

/// The check that reports directives which suppress nothing.
pub const UNUSED: &str = "unused-suppression";

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Disable,
    Enable,
    DisableNextLine,
}

/// A directive as written in one comment.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Directive {
    action: Action,
    /// The checks named; empty means every check.
    rules: Vec<&'static str>,
    /// The comment's source bytes.
    span: Span,
    /// The directive's text, for messages.
    text: String,
    first_line: usize,
    last_line: usize,
}

/// Something wrong in a directive comment, located at the comment.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Problem {
    span: Span,
    text: String,
    line: usize,
    kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ProblemKind {
    /// A name that is not a check; the message lists the checks.
    UnknownRule(check::UnknownRule),
    /// `figcheck-<word>` where the word is not a directive.
    UnknownAction(String),
}

/// What suppresses one rule (or every rule) for a directive: used or not.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Slot {
    directive: usize,
    /// `None`: every rule (a blanket directive).
    rule: Option<&'static str>,
    used: bool,
}

/// Lines over which a slot suppresses.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Region {
    slot: usize,
    rule: Option<&'static str>,
    /// Rules a blanket region no longer covers (`enable rule` inside it).
    except: Vec<&'static str>,
    first: usize,
    last: usize,
}

impl Region {
    fn covers(&self, code: &str, line: usize) -> bool {
        (self.first..=self.last).contains(&line)
            && self.rule.map_or(code != UNUSED, |r| r == code)
            && !self.except.contains(&code)
    }
}

/// Drops the diagnostics inline suppressions cover from `diagnostics` and,
/// when `unused-suppression` is on in `rules`, adds its findings. Order is
/// left to the caller.
pub fn apply(doc: &Analysis<'_>, rules: &RuleSet, diagnostics: &mut Vec<Diagnostic>) {
    if doc.prose.comments.is_empty() {
        return;
    }
    let lines = LineIndex::new(doc.source);
    let (directives, problems) = read(doc.source, &doc.prose.comments, &lines);
    if directives.is_empty() && problems.is_empty() {
        return;
    }
    let (regions, mut slots) = regions(&directives);
    let line_of = |d: &Diagnostic| lines.line_col(doc.source, d.offset()).0;
    let credit = |code: &str, line: usize, slots: &mut [Slot]| -> bool {
        match regions.iter().find(|r| r.covers(code, line)) {
            Some(r) => {
                slots[r.slot].used = true;
                true
            }
            None => false,
        }
    };
    diagnostics.retain(|d| !credit(d.code, line_of(d), &mut slots));
    // The rules a directive names that are off in this run still judge it.
    let enabled: Vec<&str> = rules.enabled().map(|r| r.name).collect();
    let off: Vec<&str> = REGISTRY
        .iter()
        .map(|r| r.name)
        .filter(|n| *n != UNUSED && !enabled.contains(n))
        .filter(|n| slots.iter().any(|s| s.rule.is_none_or(|r| r == *n)))
        .collect();
    if !off.is_empty()
        && let Ok(off) = RuleSet::new(&off, &[])
    {
        for d in check::run_unsuppressed(doc, &off, &check::CheckOptions::default()) {
            credit(d.code, line_of(&d), &mut slots);
        }
    }
    if !enabled.contains(&UNUSED) {
        return;
    }
    let Some(reg) = check::find(UNUSED) else {
        return;
    };
    let report = Report { def: reg.def() };
    let mut found = Vec::new();
    for (i, d) in directives.iter().enumerate() {
        let mine: Vec<&Slot> = slots.iter().filter(|s| s.directive == i).collect();
        let judged: Vec<&&Slot> = mine.iter().filter(|s| s.rule != Some(UNUSED)).collect();
        if judged.iter().all(|s| s.used) {
            continue;
        }
        if judged.iter().all(|s| !s.used) && judged.len() == mine.len() {
            found.push((d.first_line, report.nothing(d)));
        } else {
            for s in judged.iter().filter(|s| !s.used) {
                if let Some(rule) = s.rule {
                    found.push((d.first_line, report.nothing_for(d, rule)));
                }
            }
        }
    }
    found.extend(problems.iter().map(|p| (p.line, report.problem(p))));
    // Reports on a line a directive naming `unused-suppression` covers are
    // suppressed like any other finding.
    found.retain(|(line, d)| !credit(d.code, *line, &mut slots));
    for s in slots.iter().filter(|s| s.rule == Some(UNUSED) && !s.used) {
        let d = &directives[s.directive];
        found.push((d.first_line, report.nothing_for(d, UNUSED)));
    }
    diagnostics.extend(found.into_iter().map(|(_, d)| d));
}

/// Reads the directives in `comments`; comments that are not directives
/// are skipped.
fn read(source: &str, comments: &[Comment], lines: &LineIndex) -> (Vec<Directive>, Vec<Problem>) {
    let mut directives = Vec::new();
    let mut problems = Vec::new();
    for c in comments {
        let Some(body) = source.get(c.body.clone()) else {
            continue;
        };
        let Some((word, names)) = parse(body) else {
            continue;
        };
        let text = shown(body);
        let first_line = lines.line_col(source, c.span.start).0;
        let last_line = lines.line_col(source, c.span.end).0;
        let problem = |kind| Problem {
            span: c.span.clone(),
            text: text.clone(),
            line: first_line,
            kind,
        };
        let action = match word {
            "disable" => Action::Disable,
            "enable" => Action::Enable,
            "disable-next-line" => Action::DisableNextLine,
            other => {
                problems.push(problem(ProblemKind::UnknownAction(other.to_string())));
                continue;
            }
        };
        let mut rules = Vec::new();
        let mut every = names.is_empty();
        for name in names {
            match RuleSet::new(&[name], &[]) {
                Ok(_) if name == "all" => every = true,
                Ok(_) => {
                    if let Some(r) = check::find(name)
                        && !rules.contains(&r.name)
                    {
                        rules.push(r.name);
                    }
                }
                Err(e) => problems.push(problem(ProblemKind::UnknownRule(e))),
            }
        }
        if every {
            rules.clear();
        } else if rules.is_empty() {
            // Only unknown names: reported above, and it suppresses nothing.
            continue;
        }
        directives.push(Directive {
            action,
            rules,
            span: c.span.clone(),
            text,
            first_line,
            last_line,
        });
    }
    (directives, problems)
}

/// The action word and rule names of a directive comment's `body`, or
/// `None` when the comment is not a directive. `figcheck-disable a, b`,
/// `figcheck: disable a b` and a trailing ` -- reason` are all read.
fn parse(body: &str) -> Option<(&str, Vec<&str>)> {
    let rest = body.trim().strip_prefix("figcheck")?;
    let rest = rest.strip_prefix(['-', ':'])?.trim_start();
    let rest = rest.split_once(" --").map_or(rest, |(d, _)| d);
    let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let (word, names) = rest.split_at(word_end);
    if word.is_empty() {
        return None;
    }
    let names = names
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|n| !n.is_empty())
        .collect();
    Some((word, names))
}

/// A directive's text for a message: white space collapsed, at most 80
/// characters.
fn shown(body: &str) -> String {
    let mut out = String::new();
    for word in body.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    match out.char_indices().nth(80) {
        Some((cut, _)) => format!("{}…", &out[..cut]),
        None => out,
    }
}

/// The slots and regions of `directives`, read in order.
fn regions(directives: &[Directive]) -> (Vec<Region>, Vec<Slot>) {
    let mut slots = Vec::new();
    let mut done = Vec::new();
    let mut open: Vec<Region> = Vec::new();
    for (i, d) in directives.iter().enumerate() {
        let targets: Vec<Option<&'static str>> = if d.rules.is_empty() {
            vec![None]
        } else {
            d.rules.iter().copied().map(Some).collect()
        };
        match d.action {
            Action::Disable | Action::DisableNextLine => {
                for rule in targets {
                    slots.push(Slot {
                        directive: i,
                        rule,
                        used: false,
                    });
                    let (first, last) = match d.action {
                        Action::DisableNextLine => (d.last_line + 1, d.last_line + 1),
                        _ => (d.first_line, usize::MAX),
                    };
                    let region = Region {
                        slot: slots.len() - 1,
                        rule,
                        except: Vec::new(),
                        first,
                        last,
                    };
                    if d.action == Action::Disable {
                        open.push(region);
                    } else {
                        done.push(region);
                    }
                }
            }
            Action::Enable => {
                let mut still = Vec::new();
                for mut r in open.drain(..) {
                    let ends = match (r.rule, d.rules.is_empty()) {
                        (_, true) => true,
                        (Some(rule), false) => d.rules.contains(&rule),
                        // `enable a` inside a blanket `disable`: the rest
                        // stay off, `a` comes back on.
                        (None, false) => {
                            let mut rest = r.clone();
                            rest.first = d.first_line;
                            rest.except.extend(d.rules.iter().copied());
                            still.push(rest);
                            true
                        }
                    };
                    if ends {
                        r.last = d.first_line;
                        done.push(r);
                    } else {
                        still.push(r);
                    }
                }
                open = still;
            }
        }
    }
    done.extend(open);
    // Earlier directives get the credit for a line two of them cover.
    done.sort_by_key(|r| r.slot);
    (done, slots)
}

/// Builds `unused-suppression` diagnostics from its definition.
struct Report<'d> {
    def: &'d check::CheckDef,
}

impl Report<'_> {
    /// A diagnostic at `span`; `known` ends the help (the valid names, when
    /// a name was not one).
    fn diagnostic(
        &self,
        span: &Span,
        directive: &str,
        problem: &str,
        what: &str,
        known: &str,
    ) -> Diagnostic {
        let args = [
            ("directive", directive),
            ("problem", problem),
            ("unused_part", what),
            ("valid_names", known),
        ];
        Diagnostic {
            code: UNUSED,
            severity: self.def.severity,
            message: check::fill(&self.def.message, &args),
            help: check::fill(&self.def.help, &args),
            labels: vec![Label {
                span: span.clone(),
                message: "this comment".to_string(),
                primary: true,
            }],
        }
    }

    fn nothing(&self, d: &Directive) -> Diagnostic {
        self.diagnostic(&d.span, &d.text, "suppresses nothing", "the comment", "")
    }

    fn nothing_for(&self, d: &Directive, rule: &str) -> Diagnostic {
        let problem = format!("suppresses no `{rule}` finding");
        let what = format!("`{rule}` from the comment");
        self.diagnostic(&d.span, &d.text, &problem, &what, "")
    }

    fn problem(&self, p: &Problem) -> Diagnostic {
        match &p.kind {
            ProblemKind::UnknownRule(e) => {
                let problem = format!("names `{}`, which is not a check", e.0);
                let what = format!("`{}`", e.0);
                let names: Vec<&str> = REGISTRY.iter().map(|r| r.name).collect();
                let known = format!("; the checks are `{}`", names.join("`, `"));
                self.diagnostic(&p.span, &p.text, &problem, &what, &known)
            }
            ProblemKind::UnknownAction(word) => {
                let problem = format!("does nothing: `{word}` is not a directive");
                let known = "; the directives are `figcheck-disable`, `figcheck-enable` and \
                             `figcheck-disable-next-line`";
                self.diagnostic(&p.span, &p.text, &problem, "the comment", known)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Options;
    use crate::source::InputFormat;

    /// The codes and 1-based lines of what `check::run` reports for `text`
    /// with the rules `select` on.
    fn found(format: InputFormat, text: &str, select: &[&str]) -> Vec<(String, usize)> {
        let doc = Analysis::new(text, &Options { format, date: None });
        let rules = RuleSet::new(select, &[]).expect("known rules");
        let lines = LineIndex::new(text);
        check::run(&doc, &rules)
            .iter()
            .map(|d| (d.code.to_string(), lines.line_col(text, d.offset()).0))
            .collect()
    }

    #[track_caller]
    fn reports(format: InputFormat, text: &str, select: &[&str], want: &[(&str, usize)]) {
        let want: Vec<(String, usize)> = want.iter().map(|(c, l)| (c.to_string(), *l)).collect();
        assert_eq!(found(format, text, select), want, "in {text:?}");
    }

    const INVERTED: &str = "The plant will employ between 900 and 400 workers.";
    const INVERTED2: &str = "Between 800 and 300 contractors will also leave.";
    const FINE: &str = "The plant will employ between 400 and 900 workers.";
    const MD: InputFormat = InputFormat::Markdown;
    const PLAIN: InputFormat = InputFormat::Plain;
    const HTML: InputFormat = InputFormat::Html;

    #[test]
    fn directives_parse() {
        assert_eq!(
            parse(" figcheck-disable a, b "),
            Some(("disable", vec!["a", "b"]))
        );
        assert_eq!(parse("figcheck: enable"), Some(("enable", vec![])));
        assert_eq!(
            parse("figcheck-disable-next-line a -- quoted as printed"),
            Some(("disable-next-line", vec!["a"]))
        );
        assert_eq!(parse("figcheckers rule"), None);
        assert_eq!(parse("a note"), None);
        assert_eq!(parse("figcheck-"), None);
    }

    #[test]
    fn next_line_suppresses_the_line_after() {
        let t = format!("<!-- figcheck-disable-next-line range-inverted -->\n{INVERTED}\n");
        reports(MD, &t, &[], &[]);
        let t = format!("{INVERTED}\n<!-- figcheck-disable-next-line range-inverted -->\n");
        reports(MD, &t, &[], &[("range-inverted", 1), (UNUSED, 2)]);
        let t = format!("figcheck: disable-next-line range-inverted\n{INVERTED}\n");
        reports(PLAIN, &t, &[], &[]);
        let t = format!("<p><!-- figcheck-disable-next-line -->\n{INVERTED}</p>");
        reports(HTML, &t, &[], &[]);
    }

    #[test]
    fn disable_runs_to_enable() {
        let t = format!(
            "<!-- figcheck-disable range-inverted -->\n\n{INVERTED}\n\n<!-- figcheck-enable -->\n\n{INVERTED2}\n"
        );
        reports(MD, &t, &[], &[("range-inverted", 7)]);
        // no enable: to the end of the file
        let t = format!("figcheck: disable\n{INVERTED}\n\n{INVERTED2}\n");
        reports(PLAIN, &t, &[], &[]);
        // `enable` naming the rule ends it; a blanket disable keeps the rest
        let t = format!(
            "figcheck: disable\n{INVERTED}\nfigcheck: enable range-inverted\n{INVERTED2}\n"
        );
        reports(PLAIN, &t, &[], &[("range-inverted", 4)]);
    }

    #[test]
    fn other_rules_are_not_suppressed() {
        let t = format!("figcheck: disable-next-line repeated-sentence\n{INVERTED}\n");
        reports(PLAIN, &t, &[], &[(UNUSED, 1), ("range-inverted", 2)]);
    }

    #[test]
    fn unused_and_unknown_are_reported() {
        let t = format!("<!-- figcheck-disable-next-line range-inverted -->\n{FINE}\n");
        reports(MD, &t, &[], &[(UNUSED, 1)]);
        let t = format!("figcheck: disable-next-line range-inverted, no-such-rule\n{INVERTED}\n");
        reports(PLAIN, &t, &[], &[(UNUSED, 1)]);
        let t = format!("figcheck: disable-line range-inverted\n{INVERTED}\n");
        reports(PLAIN, &t, &[], &[(UNUSED, 1), ("range-inverted", 2)]);
        // one name of two unused
        let t =
            format!("figcheck: disable-next-line range-inverted repeated-sentence\n{INVERTED}\n");
        reports(PLAIN, &t, &[], &[(UNUSED, 1)]);
        // a comment that is not a directive is not read
        reports(
            MD,
            &format!("<!-- a note -->\n{INVERTED}\n"),
            &[],
            &[("range-inverted", 2)],
        );
    }

    #[test]
    fn selection_does_not_make_a_suppression_stale() {
        let t = format!("figcheck: disable-next-line range-inverted\n{INVERTED}\n");
        reports(PLAIN, &t, &[UNUSED], &[]);
        reports(PLAIN, &t, &["repeated-sentence", UNUSED], &[]);
        let t = format!("figcheck: disable-next-line range-inverted\n{FINE}\n");
        reports(PLAIN, &t, &[UNUSED], &[(UNUSED, 1)]);
        // unused-suppression off: nothing about directives
        reports(PLAIN, &t, &["range-inverted"], &[]);
    }

    #[test]
    fn unused_suppression_is_suppressed_only_by_name() {
        let t = format!(
            "figcheck: disable-next-line unused-suppression\nfigcheck: disable-next-line range-inverted\n{FINE}\n"
        );
        reports(PLAIN, &t, &[], &[]);
        let t = format!(
            "figcheck: disable\nfigcheck: disable-next-line range-inverted\n{FINE}\n{INVERTED2}\n"
        );
        reports(PLAIN, &t, &[], &[(UNUSED, 2)]);
    }

    fn fragment() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "<!-- figcheck-disable -->",
            "<!-- figcheck-enable range-inverted -->",
            "<!-- figcheck-disable-next-line range-inverted, nope -->",
            "<!-- figcheck-",
            "-->",
            "figcheck: disable\n",
            "figcheck: enable\n",
            "figcheck: disable-next-line unused-suppression\n",
            "figcheck:",
            INVERTED,
            FINE,
            "\n",
            "\r\n",
            "é",
            " ",
        ])
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(200))]
        #[test]
        fn any_mix_of_directives_reports_inside_the_file(
            parts in proptest::collection::vec(fragment(), 0..20),
            format in proptest::sample::select(vec![MD, PLAIN, HTML]),
        ) {
            let text: String = parts.concat();
            let doc = Analysis::new(&text, &Options { format, date: None });
            for d in check::run(&doc, &RuleSet::all()) {
                for l in &d.labels {
                    proptest::prop_assert!(text.get(l.span.clone()).is_some(), "{d:?}");
                }
            }
        }
    }

    #[test]
    fn messages_name_the_directive() {
        let t = format!("figcheck: disable-next-line range-inverted, nope\n{INVERTED}\n");
        let doc = Analysis::new(&t, &Options::default());
        let d = check::run(&doc, &RuleSet::all());
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("`nope`"), "{}", d[0].message);
        assert!(
            d[0].message
                .contains("figcheck: disable-next-line range-inverted, nope")
        );
        assert!(!d[0].message.contains('{') && !d[0].help.contains('{'));
        assert_eq!(
            &t[d[0].labels[0].span.clone()],
            t.lines().next().unwrap_or("")
        );
    }
}
