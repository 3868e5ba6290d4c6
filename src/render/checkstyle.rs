//! Checkstyle XML, read by Jenkins (Warnings Next Generation), reviewdog
//! and many code-review tools: a `<file>` per document checked and an
//! `<error>` per diagnostic at its primary label. Columns count characters.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::xml;
use super::{Checked, Report, Totals};
use crate::diagnostic::Severity;

/// `--format checkstyle`.
#[derive(Debug, Default)]
pub struct Checkstyle {
    /// Each document's `<file>` element, rendered.
    files: Vec<String>,
}

impl Report for Checkstyle {
    fn file(&mut self, _: &mut dyn Write, doc: &Checked<'_>) -> io::Result<()> {
        let name = xml::attr(doc.name);
        if doc.diagnostics.is_empty() {
            self.files.push(format!("  <file name=\"{name}\"/>\n"));
            return Ok(());
        }
        let mut s = format!("  <file name=\"{name}\">\n");
        for d in &doc.diagnostics {
            let at = doc.primary(d);
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            let _ = writeln!(
                s,
                "    <error line=\"{}\" column=\"{}\" severity=\"{severity}\" message=\"{}\" source=\"figcheck.{}\"/>",
                at.line,
                at.column,
                xml::attr(&d.message),
                xml::attr(d.code)
            );
        }
        s.push_str("  </file>\n");
        self.files.push(s);
        Ok(())
    }

    fn finish(&mut self, w: &mut dyn Write, _: &Totals) -> io::Result<()> {
        writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(w, r#"<checkstyle version="4.3">"#)?;
        for f in std::mem::take(&mut self.files) {
            w.write_all(f.as_bytes())?;
        }
        writeln!(w, "</checkstyle>")
    }
}

#[cfg(test)]
mod tests {
    use super::Checkstyle;
    use crate::render::sample;

    #[test]
    fn every_file_listed_and_values_escaped() {
        let out = sample::render(&mut Checkstyle::default());
        assert!(out.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        ));
        assert!(out.contains(r#"<file name="docs/a, b.md">"#), "{out}");
        assert!(out.contains(r#"<error line="2" column="42" severity="warning" message="a &quot;range&quot; &lt;&amp;&gt; 100%" source="figcheck.range-inverted"/>"#), "{out}");
        assert!(out.contains(r#"<file name="clean.md"/>"#), "{out}");
        assert!(out.ends_with("</checkstyle>\n"));
    }
}
