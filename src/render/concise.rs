//! Concise output: one line per diagnostic, `path:line:col: severity[rule]
//! message`, the shape compilers use, so editors' error parsers and `grep`
//! read it as is. The column counts characters.

use std::io::{self, Write};

use super::{Checked, Report, Totals};

/// `--format concise`.
#[derive(Debug, Default)]
pub struct Concise;

impl Report for Concise {
    fn file(&mut self, w: &mut dyn Write, doc: &Checked<'_>) -> io::Result<()> {
        for d in &doc.diagnostics {
            let at = doc.primary(d);
            // a message is one line in this format, whatever the check wrote
            let message = d.message.replace(['\r', '\n'], " ");
            writeln!(
                w,
                "{}:{}:{}: {}[{}] {message}",
                doc.name,
                at.line,
                at.column,
                d.severity.as_str(),
                d.code
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _: &mut dyn Write, _: &Totals) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Concise;
    use crate::render::sample;

    #[test]
    fn one_line_per_finding_at_the_primary_label() {
        assert_eq!(
            sample::render(&mut Concise),
            "docs/a, b.md:2:15: error[direction-contradicts-values] `$5 million` is less than `$9 million`\n\
             docs/a, b.md:2:42: warning[range-inverted] a \"range\" <&> 100%\n"
        );
    }
}
