//! `figcheck claims` for people: one row per figure, as a table, with the
//! figure's context (measured thing, time anchor, subject, source).

use std::io::{self, Write};

use super::json::ClaimJson;
use crate::analysis::Analysis;
use crate::source::LineIndex;

/// Writes the claims of `doc` as an aligned table headed by `name`.
///
/// # Errors
/// Whatever the writer returns.
pub fn write_table(w: &mut dyn Write, name: &str, doc: &Analysis<'_>) -> io::Result<()> {
    let lines = LineIndex::new(doc.source);
    let rows: Vec<[String; 10]> = super::json::claims(doc)
        .iter()
        .map(|c: &ClaimJson<'_>| {
            let (line, col) = lines.line_col(doc.source, c.start);
            let value = match (&c.date, c.value, c.members) {
                (Some(d), _, _) => d.clone(),
                (None, Some(v), _) => format_value(v),
                (None, None, Some([a, b])) => format!(
                    "{} … {}",
                    a.map(format_value).unwrap_or_default(),
                    b.map(format_value).unwrap_or_default()
                ),
                _ => String::new(),
            };
            [
                format!("{line}:{col}"),
                c.kind.as_str().to_string(),
                c.text.replace(['\n', '\r', '\t'], " "),
                value,
                c.unit.unwrap_or("").to_string(),
                c.approx.unwrap_or("").to_string(),
                cell(c.measured),
                cell(c.time.as_ref().map(|t| t.text)),
                cell(c.subject.as_ref().map(|t| t.text)),
                cell(c.source.as_ref().map(|t| t.text)),
            ]
        })
        .collect();
    writeln!(w, "{name}: {} claims", rows.len())?;
    if rows.is_empty() {
        return Ok(());
    }
    let head = [
        "at", "kind", "text", "value", "unit", "approx", "measured", "time", "subject", "source",
    ];
    let mut widths = head.map(|h| h.chars().count());
    for r in &rows {
        for (wd, cell) in widths.iter_mut().zip(r) {
            *wd = (*wd).max(cell.chars().count()).min(48);
        }
    }
    let row = |w: &mut dyn Write, cells: &[&str]| -> io::Result<()> {
        let mut line = String::from("  ");
        for (i, (cell, wd)) in cells.iter().zip(widths).enumerate() {
            line.push_str(cell);
            if i + 1 < cells.len() {
                let pad = wd.saturating_sub(cell.chars().count()) + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(w, "{}", line.trim_end())
    };
    row(w, &head)?;
    for r in &rows {
        let cells: Vec<&str> = r.iter().map(String::as_str).collect();
        row(w, &cells)?;
    }
    Ok(())
}

/// A context cell on one line.
fn cell(t: Option<&str>) -> String {
    t.unwrap_or("").replace(['\n', '\r', '\t'], " ")
}

/// 55000000000 → "55000000000", 12.5 → "12.5", without float noise.
fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e17 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}
