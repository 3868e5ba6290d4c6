//! reviewdog's Diagnostic Format (rdjson): one `DiagnosticResult` document
//! for the run, which `reviewdog -f=rdjson` turns into review comments on
//! the lines a pull request changed.
//!
//! Each diagnostic's primary label is its `location`, every other label a
//! `related_locations` entry. rdjson counts columns in UTF-8 bytes (its
//! schema: "byte count in UTF-8"), so unlike the other formats the columns
//! here are byte columns; the end position is exclusive.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{
    Checked, Region, Report, Totals, byte_column, primary_label, relative_path, secondary_labels,
};
use crate::diagnostic::{Label, Severity};

/// `--format rdjson`.
#[derive(Debug, Default)]
pub struct Rdjson {
    diagnostics: Vec<Value>,
}

impl Report for Rdjson {
    fn file(&mut self, _: &mut dyn Write, doc: &Checked<'_>) -> io::Result<()> {
        let path = relative_path(doc.name);
        for d in &doc.diagnostics {
            let mut v = json!({
                "message": d.message,
                "severity": match d.severity {
                    Severity::Error => "ERROR",
                    Severity::Warning => "WARNING",
                    Severity::Info => "INFO",
                },
                "source": { "name": "figcheck" },
                "code": code(d.code),
            });
            v["location"] = match primary_label(d) {
                Some(l) => location(doc, &path, l),
                None => json!({ "path": path }),
            };
            let related: Vec<Value> = secondary_labels(d)
                .map(|l| {
                    json!({
                        "message": l.message,
                        "location": location(doc, &path, l),
                    })
                })
                .collect();
            if !related.is_empty() {
                v["related_locations"] = Value::Array(related);
            }
            self.diagnostics.push(v);
        }
        Ok(())
    }

    fn finish(&mut self, w: &mut dyn Write, _: &Totals) -> io::Result<()> {
        let mut source = json!({ "name": "figcheck" });
        if let Some(url) = super::sarif::information_uri() {
            source["url"] = json!(url);
        }
        let result = json!({
            "source": source,
            "diagnostics": std::mem::take(&mut self.diagnostics),
        });
        serde_json::to_writer_pretty(&mut *w, &result)?;
        w.write_all(b"\n")
    }
}

/// A rule code, with a link to its documentation when figcheck has a home
/// page to link to.
fn code(name: &str) -> Value {
    match super::sarif::information_uri() {
        Some(url) => json!({ "value": name, "url": format!("{url}#checks") }),
        None => json!({ "value": name }),
    }
}

/// A label as an rdjson location, columns in UTF-8 bytes.
fn location(doc: &Checked<'_>, path: &str, label: &Label) -> Value {
    let r: Region = doc.locate(&label.span);
    json!({
        "path": path,
        "range": {
            "start": { "line": r.line, "column": byte_column(doc, r.line, r.start) },
            "end": { "line": r.end_line, "column": byte_column(doc, r.end_line, r.end) },
        },
    })
}
