//! Baselines: the findings a corpus already has, recorded so that only new
//! ones are reported (`--write-baseline FILE`, then `--baseline FILE`).
//!
//! A finding is keyed on content, not position: the file's path, the rule,
//! the text of the figures it labels and the sentences they stand in, with
//! whitespace collapsed. An edit elsewhere in the file moves the finding but
//! keeps its key; a changed figure or sentence makes it new. Keys are a
//! multiset: two identical findings with one recorded show one.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The path as given on the command line, `/`-separated, without `./`;
    /// for JSONL records, the record's id.
    pub path: String,
    pub rule: String,
    /// The sentences of the labelled figures, whitespace collapsed.
    pub sentence: String,
    /// The labelled figures' text, primary first, whitespace collapsed.
    pub figures: Vec<String>,
}

/// The file format.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

const VERSION: u32 = 1;

/// Why a baseline could not be read.
#[derive(Debug)]
pub enum BaselineError {
    Io(std::io::Error),
    Json(serde_json::Error),
    Version(u32),
}

impl fmt::Display for BaselineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BaselineError::Io(e) => write!(f, "{}", crate::input::ReadError::Io(clone_io(e))),
            BaselineError::Json(e) => write!(f, "not a figcheck baseline: {e}"),
            BaselineError::Version(v) => write!(
                f,
                "baseline version `{v}` is not supported, expected `{VERSION}`"
            ),
        }
    }
}

fn clone_io(e: &std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), e.to_string())
}

impl std::error::Error for BaselineError {}

/// `text` with every run of whitespace made one space, trimmed.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A path as baselines write it.
pub fn path_key(name: &str) -> String {
    let s = name.replace('\\', "/");
    let mut s = s.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}

/// The keys of `diagnostics`, found in `doc` and named `name`, in order.
pub fn entries(name: &str, doc: &Analysis<'_>, diagnostics: &[Diagnostic]) -> Vec<Entry> {
    let path = path_key(name);
    let sentences: Vec<Span> = doc.sentences.iter().map(|s| doc.to_source(s)).collect();
    diagnostics
        .iter()
        .map(|d| {
            let mut seen: Vec<usize> = Vec::new();
            for l in &d.labels {
                let i = sentences.partition_point(|s| s.start <= l.span.start);
                let i = i
                    .checked_sub(1)
                    .filter(|&i| sentences[i].end > l.span.start);
                if let Some(i) = i
                    && !seen.contains(&i)
                {
                    seen.push(i);
                }
            }
            let sentence: Vec<String> = seen
                .iter()
                .filter_map(|&i| doc.sentences.get(i))
                .map(|s| normalise(doc.slice(s)))
                .collect();
            Entry {
                path: path.clone(),
                rule: d.code.to_string(),
                sentence: sentence.join(" "),
                figures: d
                    .labels
                    .iter()
                    .map(|l| normalise(doc.source.get(l.span.clone()).unwrap_or("")))
                    .collect(),
            }
        })
        .collect()
}

/// Recorded findings, counted by key.
#[derive(Debug, Default)]
pub struct Baseline {
    counts: HashMap<String, HashMap<Entry, usize>>,
}

impl Baseline {
    /// Reads a baseline file.
    ///
    /// # Errors
    /// The file cannot be read, is not a baseline, or is of another version.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(BaselineError::Io)?;
        Baseline::parse(&text)
    }

    /// Reads the text of a baseline file.
    ///
    /// # Errors
    /// Not a baseline, or of another version.
    pub fn parse(text: &str) -> Result<Baseline, BaselineError> {
        let file: File = serde_json::from_str(text).map_err(BaselineError::Json)?;
        if file.version != VERSION {
            return Err(BaselineError::Version(file.version));
        }
        let mut b = Baseline::default();
        for e in file.findings {
            *b.counts
                .entry(e.path.clone())
                .or_default()
                .entry(e)
                .or_default() += 1;
        }
        Ok(b)
    }

    /// For each of a file's `entries`, in order, whether it is new: each
    /// recorded key hides as many findings as it was recorded, the first
    /// ones in order.
    pub fn new_findings(&self, entries: &[Entry]) -> Vec<bool> {
        let Some(first) = entries.first() else {
            return Vec::new();
        };
        let Some(recorded) = self.counts.get(&first.path) else {
            return vec![true; entries.len()];
        };
        let mut left = recorded.clone();
        entries
            .iter()
            .map(|e| match left.get_mut(e) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .collect()
    }
}

/// The baseline file for `entries`: sorted, pretty, one finding per entry.
pub fn write(mut entries: Vec<Entry>) -> String {
    entries.sort();
    let file = File {
        version: VERSION,
        findings: entries,
    };
    let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, figures: &[&str]) -> Entry {
        Entry {
            path: path.into(),
            rule: "r".into(),
            sentence: "s".into(),
            figures: figures.iter().map(|f| (*f).to_string()).collect(),
        }
    }

    #[test]
    fn hides_as_many_as_recorded() {
        let a = entry("a.md", &["13"]);
        let b = Baseline::parse(&write(vec![a.clone()])).expect("round trip");
        assert_eq!(b.new_findings(&[a.clone(), a.clone()]), vec![false, true]);
        assert_eq!(b.new_findings(&[entry("a.md", &["14"])]), vec![true]);
        assert_eq!(b.new_findings(&[entry("b.md", &["13"])]), vec![true]);
    }

    #[test]
    fn keys_do_not_depend_on_position_or_spacing() {
        let rules = crate::check::RuleSet::all();
        let key = |text: &str| {
            let doc = Analysis::new(text, &crate::analysis::Options::default());
            entries("./a.md", &doc, &crate::check::run(&doc, &rules))
        };
        let one = "Revenue rose 20% to $150 million from $100 million, the company said.";
        let moved = "An earlier paragraph.\n\nRevenue rose 20% to\n$150 million from $100 million, the company said.";
        let (a, b) = (key(one), key(moved));
        assert_eq!(a.len(), 1);
        assert_eq!(a, b);
        assert_eq!(a[0].path, "a.md");
        assert_eq!(a[0].figures[0], "20%");
        assert_eq!(a[0].sentence, one);
        assert_ne!(a, key(&one.replace("$150", "$160")));
    }

    #[test]
    fn rejects_other_files() {
        assert!(Baseline::parse("{}").is_err());
        assert!(Baseline::parse(r#"{"version": 9, "findings": []}"#).is_err());
    }
}
