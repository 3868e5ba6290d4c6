//! SARIF 2.1.0, the format GitHub code scanning and other static-analysis
//! dashboards read: one log with one run, the tool's rules described from
//! the check definitions, and a result per diagnostic.
//!
//! Each result's primary label is its `locations` entry and every other
//! label a `relatedLocations` entry, each with the label's message. Regions
//! carry both line/column (1-based, the end column exclusive, as SARIF
//! defines them) and the exact UTF-8 `byteOffset`/`byteLength`. Columns count
//! Unicode code points, the unit figcheck reports everywhere, declared with
//! the run's `columnKind: "unicodeCodePoints"` (SARIF's default would be
//! UTF-16 code units, which differ for characters outside the BMP).
//! Artifact URIs are relative to `%SRCROOT%`, the directory figcheck ran in,
//! so the log does not depend on where the repository was checked out.

use std::io::{self, Write};

use serde::Serialize;

use super::{Checked, Report, Totals, primary_label, relative_path, secondary_labels};
use crate::check::REGISTRY;
use crate::diagnostic::{Label, Severity};

/// The schema URI written into the log.
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// `--format sarif`.
#[derive(Debug, Default)]
pub struct Sarif {
    results: Vec<SarifResult>,
}

// The log's objects, fields in the order the SARIF specification lists
// them (serde keeps declaration order, so the file reads top-down).

#[derive(Debug, Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Debug, Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Rule>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Debug, Serialize)]
struct Text {
    text: String,
}

#[derive(Debug, Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Debug, Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Properties>,
}

#[derive(Debug, Serialize)]
struct Properties {
    help: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
    snippet: Text,
}

impl Report for Sarif {
    fn file(&mut self, _: &mut dyn Write, doc: &Checked<'_>) -> io::Result<()> {
        let uri = uri(&relative_path(doc.name));
        for d in &doc.diagnostics {
            self.results.push(SarifResult {
                rule_id: d.code,
                rule_index: REGISTRY.iter().position(|r| r.name == d.code),
                level: level(d.severity),
                message: Text {
                    text: d.message.clone(),
                },
                locations: primary_label(d)
                    .map(|l| location(doc, &uri, l, None))
                    .into_iter()
                    .collect(),
                related_locations: secondary_labels(d)
                    .enumerate()
                    .map(|(i, l)| location(doc, &uri, l, Some(i + 1)))
                    .collect(),
                properties: (!d.help.is_empty()).then(|| Properties {
                    help: d.help.clone(),
                }),
            });
        }
        Ok(())
    }

    fn finish(&mut self, w: &mut dyn Write, _: &Totals) -> io::Result<()> {
        let log = Log {
            schema: SCHEMA,
            version: "2.1.0",
            runs: [Run {
                tool: Tool {
                    driver: Driver {
                        name: "figcheck",
                        version: env!("CARGO_PKG_VERSION"),
                        semantic_version: env!("CARGO_PKG_VERSION"),
                        information_uri: information_uri(),
                        rules: rules(),
                    },
                },
                column_kind: "unicodeCodePoints",
                results: std::mem::take(&mut self.results),
            }],
        };
        serde_json::to_writer_pretty(&mut *w, &log)?;
        w.write_all(b"\n")
    }
}

/// Where to read about figcheck: the package's homepage or repository, when
/// the manifest names one.
pub fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty())
}

/// SARIF's level for a severity.
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Every check, described from its definition, in registry order (the
/// order `ruleIndex` counts in).
fn rules() -> Vec<Rule> {
    REGISTRY
        .iter()
        .map(|r| {
            let def = r.def();
            let why = unwrap_lines(def.why.trim());
            let mut text = format!("{}\n\n{why}\n", def.summary);
            let mut markdown = format!("{}\n\n## Why\n\n{why}\n", def.summary);
            let lists = [
                ("Flags", &def.examples.fire),
                ("Does not flag", &def.examples.pass),
            ];
            for (title, examples) in lists {
                if examples.is_empty() {
                    continue;
                }
                text.push_str(&format!("\n{title}:\n"));
                markdown.push_str(&format!("\n## {title}\n\n"));
                for e in examples {
                    text.push_str(&format!("- {}\n", e.text.trim()));
                    markdown.push_str(&format!("- {}\n", e.text.trim()));
                }
            }
            Rule {
                id: r.name,
                name: r.name,
                short_description: Text {
                    text: def.summary.clone(),
                },
                full_description: Text { text: why },
                help: Help { text, markdown },
                default_configuration: Configuration {
                    level: level(def.severity),
                },
            }
        })
        .collect()
}

/// The `why` texts are written as TOML multi-line strings with `\` line
/// continuations, which leave runs of spaces; one space reads better.
fn unwrap_lines(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A label as a SARIF location; `id` numbers related locations.
fn location(doc: &Checked<'_>, uri: &ArtifactUri, label: &Label, id: Option<usize>) -> Location {
    let r = doc.locate(&label.span);
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri.uri.clone(),
                uri_base_id: uri.relative.then_some("%SRCROOT%"),
            },
            region: Region {
                start_line: r.line,
                start_column: r.column,
                end_line: r.end_line,
                end_column: r.end_column,
                byte_offset: r.start,
                byte_length: r.end.saturating_sub(r.start),
                snippet: Text {
                    text: doc.source.get(label.span.clone()).unwrap_or("").to_string(),
                },
            },
        },
        message: (!label.message.is_empty()).then(|| Text {
            text: label.message.clone(),
        }),
    }
}

/// An artifact's URI and whether it is relative to `%SRCROOT%`.
struct ArtifactUri {
    uri: String,
    relative: bool,
}

/// The URI of a path: relative paths stay relative, absolute ones become
/// `file://` URIs; anything but unreserved characters and `/` is
/// percent-encoded byte by byte.
fn uri(path: &str) -> ArtifactUri {
    let bytes = path.as_bytes();
    let drive = bytes.len() > 2
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && matches!(bytes[2], b'/' | b'\\');
    let absolute = path.starts_with('/') || drive;
    let mut out = String::with_capacity(path.len() + 8);
    if absolute {
        out.push_str("file://");
        if !path.starts_with('/') {
            // a Windows drive path: file:///C:/…
            out.push('/');
        }
    }
    for (i, b) in path.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (drive && i == 1);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    ArtifactUri {
        uri: out,
        relative: !absolute,
    }
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn relative_paths_stay_relative_and_are_encoded() {
        let u = uri("docs/a b/ü.md");
        assert!(u.relative);
        assert_eq!(u.uri, "docs/a%20b/%C3%BC.md");
        assert_eq!(uri("100%.md").uri, "100%25.md");
    }

    #[test]
    fn absolute_paths_become_file_uris() {
        let u = uri("/tmp/x y.md");
        assert!(!u.relative);
        assert_eq!(u.uri, "file:///tmp/x%20y.md");
        assert_eq!(uri("C:/docs/a.md").uri, "file:///C:/docs/a.md");
    }
}
