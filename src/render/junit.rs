//! JUnit XML, which GitLab, Jenkins and most CI dashboards show as test
//! results: one `<testsuite>` for the run, a `<testcase>` per document
//! (passing when nothing was found in it) and a `<failure>` per diagnostic.
//!
//! The document is written when the run ends, because the suite's counts
//! come first.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::xml;
use super::{Checked, Report, Totals};

/// `--format junit`.
#[derive(Debug, Default)]
pub struct Junit {
    cases: Vec<Case>,
}

/// One document's test case, already rendered: its failures as XML.
#[derive(Debug)]
struct Case {
    name: String,
    failures: usize,
    body: String,
}

impl Report for Junit {
    fn file(&mut self, _: &mut dyn Write, doc: &Checked<'_>) -> io::Result<()> {
        let mut body = String::new();
        for d in &doc.diagnostics {
            let at = doc.primary(d);
            let message = format!("{}:{}: {}", at.line, at.column, d.message);
            let mut detail = format!(
                "{}:{}:{}: {}[{}] {}\n",
                doc.name,
                at.line,
                at.column,
                d.severity.as_str(),
                d.code,
                d.message
            );
            for l in &d.labels {
                let r = doc.locate(&l.span);
                let text = doc.source.get(l.span.clone()).unwrap_or("");
                let _ = writeln!(detail, "  {}:{}: `{text}` {}", r.line, r.column, l.message);
            }
            if !d.help.is_empty() {
                let _ = writeln!(detail, "help: {}", d.help);
            }
            let _ = writeln!(
                body,
                "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                xml::attr(d.code),
                xml::attr(&message),
                xml::text(&detail)
            );
        }
        self.cases.push(Case {
            name: doc.name.to_string(),
            failures: doc.diagnostics.len(),
            body,
        });
        Ok(())
    }

    fn finish(&mut self, w: &mut dyn Write, _: &Totals) -> io::Result<()> {
        let tests = self.cases.len();
        let failed = self.cases.iter().filter(|c| c.failures > 0).count();
        writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            w,
            r#"<testsuites name="figcheck" tests="{tests}" failures="{failed}" errors="0">"#
        )?;
        writeln!(
            w,
            r#"  <testsuite name="figcheck" tests="{tests}" failures="{failed}" errors="0" skipped="0">"#
        )?;
        for c in std::mem::take(&mut self.cases) {
            let name = xml::attr(&c.name);
            if c.failures == 0 {
                writeln!(
                    w,
                    r#"    <testcase name="{name}" classname="figcheck" file="{name}"/>"#
                )?;
            } else {
                writeln!(
                    w,
                    r#"    <testcase name="{name}" classname="figcheck" file="{name}">"#
                )?;
                w.write_all(c.body.as_bytes())?;
                writeln!(w, "    </testcase>")?;
            }
        }
        writeln!(w, "  </testsuite>")?;
        writeln!(w, "</testsuites>")
    }
}

#[cfg(test)]
mod tests {
    use super::Junit;
    use crate::render::sample;

    #[test]
    fn a_case_per_file_and_a_failure_per_finding() {
        let out = sample::render(&mut Junit::default());
        assert!(
            out.contains(
                r#"<testsuite name="figcheck" tests="2" failures="1" errors="0" skipped="0">"#
            ),
            "{out}"
        );
        assert_eq!(out.matches("<failure ").count(), 2);
        assert!(
            out.contains(r#"<testcase name="clean.md" classname="figcheck" file="clean.md"/>"#),
            "{out}"
        );
        // figure text in the body is escaped
        assert!(out.contains("2:42: `&lt;&amp;&gt;`"), "{out}");
        assert!(out.contains("help: Check both figures."), "{out}");
    }
}
