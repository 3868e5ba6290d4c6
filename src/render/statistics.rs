//! `--statistics`: how many diagnostics each check reported, instead of the
//! diagnostics themselves, most frequent first (ties by name), as ruff's
//! `--statistics` does. It is for sizing up a corpus before adopting
//! figcheck, so it goes where the diagnostics would have gone (stdout or
//! `--output`) and can be saved or piped; `json` gives it as JSON.

use std::io::{self, Write};

use super::{Checked, Report, Totals};
use crate::diagnostic::Severity;

/// Counts per check over the run.
#[derive(Debug, Default)]
pub struct Statistics {
    /// (code, severity, count), in the order codes were first seen; the
    /// severity is the reported one (configuration may change a check's).
    rows: Vec<(&'static str, Severity, usize)>,
    json: bool,
}

impl Statistics {
    /// A table, or JSON when `json` is set.
    pub fn new(json: bool) -> Statistics {
        Statistics {
            rows: Vec::new(),
            json,
        }
    }

    /// The rows, most frequent first, then by name.
    fn sorted(&self) -> Vec<(&'static str, Severity, usize)> {
        let mut rows = self.rows.clone();
        rows.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
        rows
    }
}

impl Report for Statistics {
    fn file(&mut self, _: &mut dyn Write, doc: &Checked<'_>) -> io::Result<()> {
        for d in &doc.diagnostics {
            match self.rows.iter_mut().find(|(c, ..)| *c == d.code) {
                Some(row) => row.2 += 1,
                None => self.rows.push((d.code, d.severity, 1)),
            }
        }
        Ok(())
    }

    fn finish(&mut self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        let rows = self.sorted();
        if self.json {
            let v: Vec<_> = rows
                .iter()
                .map(|(code, severity, n)| {
                    serde_json::json!({ "code": code, "severity": severity.as_str(), "count": n })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *w, &v)?;
            return w.write_all(b"\n");
        }
        let count_width = rows
            .iter()
            .map(|r| r.2.to_string().len())
            .max()
            .unwrap_or(1);
        let code_width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
        for (code, severity, n) in &rows {
            writeln!(
                w,
                "{n:>count_width$}  {code:code_width$}  {}",
                severity.as_str()
            )?;
        }
        writeln!(w, "{}", totals.summary_line())
    }
}

#[cfg(test)]
mod tests {
    use super::Statistics;
    use crate::render::{Report, sample};

    #[test]
    fn most_frequent_first_then_by_name() {
        let mut s = Statistics::new(false);
        let doc = sample::doc();
        let mut sink = Vec::new();
        s.file(&mut sink, &doc).unwrap();
        s.file(&mut sink, &doc).unwrap();
        let mut more = sample::doc();
        more.diagnostics.truncate(1);
        s.file(&mut sink, &more).unwrap();
        let rows: Vec<_> = s.sorted().iter().map(|r| (r.0, r.2)).collect();
        assert_eq!(
            rows,
            [("direction-contradicts-values", 3), ("range-inverted", 2)]
        );
        assert!(sink.is_empty(), "nothing is written before the end");
    }

    #[test]
    fn table_then_summary() {
        let out = sample::render(&mut Statistics::new(false));
        assert_eq!(
            out,
            "1  direction-contradicts-values  error\n\
             1  range-inverted                warning\n\
             figcheck: 1 error, 1 warning in 2 files\n"
        );
    }
}
