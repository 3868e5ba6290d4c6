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
