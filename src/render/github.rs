//! GitHub Actions workflow commands: one `::error file=…,line=…::message`
//! line per diagnostic, which the runner turns into annotations on the pull
//! request's diff.
//!
//! Values are escaped as the runner unescapes them: in the message `%`, CR
//! and LF become `%25`, `%0D`, `%0A`; in properties `:` and `,` (which
//! delimit them) become `%3A` and `%2C` as well. Columns count characters.

use std::io::{self, Write};

use super::{Checked, Report, Totals, relative_path};
use crate::diagnostic::Severity;

/// `--format github`.
#[derive(Debug, Default)]
pub struct Github;

impl Report for Github {
    fn file(&mut self, w: &mut dyn Write, doc: &Checked<'_>) -> io::Result<()> {
        let path = relative_path(doc.name);
        for d in &doc.diagnostics {
            let at = doc.primary(d);
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = d.message.clone();
            if !d.help.is_empty() {
                message.push('\n');
                message.push_str(&d.help);
            }
            writeln!(
                w,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&path),
                at.line,
                at.column,
                at.end_line,
                at.end_column,
                property(&format!("figcheck ({})", d.code)),
                data(&message),
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _: &mut dyn Write, _: &Totals) -> io::Result<()> {
        Ok(())
    }
}

/// A command's message.
fn data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// A command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::{Github, data, property};
    use crate::render::sample;

    #[test]
    fn one_command_per_finding_with_its_span() {
        assert_eq!(
            sample::render(&mut Github),
            "::error file=docs/a%2C b.md,line=2,col=15,endLine=2,endColumn=25,\
             title=figcheck (direction-contradicts-values)::\
             `$5 million` is less than `$9 million`%0ACheck both figures.\n\
             ::warning file=docs/a%2C b.md,line=2,col=42,endLine=2,endColumn=45,\
             title=figcheck (range-inverted)::a \"range\" <&> 100%25\n"
        );
    }

    #[test]
    fn messages_escape_percent_and_line_ends() {
        assert_eq!(data("50% up\r\nnext: a, b"), "50%25 up%0D%0Anext: a, b");
    }

    #[test]
    fn properties_also_escape_their_delimiters() {
        assert_eq!(property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
        // escaping `%` first keeps the later escapes from being read twice
        assert_eq!(property("%3A"), "%253A");
    }
}
