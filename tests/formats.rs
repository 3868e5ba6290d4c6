//! Every output format as a CI system meets it: the binary run on the seeds
//! and a check fixture, each format's output snapshotted (paths relative to
//! the fixtures folder, so stable), SARIF and rdjson validated against their
//! official schemas (copies in `tests/schemas/`), the XML formats parsed, and
//! the exit and output controls (`--exit-zero`, `--severity`, `--output`,
//! `--statistics`).

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::{run, snapshot_settings, transcript};
use serde_json::Value;

const SEED_003: &str = "seeds/003_b56a1be04dda86ca.txt";
const SEED_000: &str = "seeds/000_47d0b5ff4e475279.txt";
const RANGE: &str = "checks/range-inverted.md";

const FORMATS: [&str; 9] = [
    "human",
    "concise",
    "json",
    "jsonl",
    "sarif",
    "github",
    "rdjson",
    "junit",
    "checkstyle",
];

/// `figcheck check` over both seeds and a fixture with a warning, in
/// `format`: an error, repeated-sentence warnings and a range warning.
fn check_all(format: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["check", "--date", "2022-09-15", "--format", format];
    args.extend_from_slice(extra);
    args.extend_from_slice(&[SEED_003, SEED_000, RANGE]);
    run(&args, None)
}

fn stdout(o: &std::process::Output) -> &str {
    std::str::from_utf8(&o.stdout).expect("UTF-8 output")
}

fn json(o: &std::process::Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("one JSON document ({e}): {}", transcript(o)))
}

fn schema(name: &str) -> jsonschema::Validator {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/schemas")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("schema copy in tests/schemas");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

#[track_caller]
fn assert_valid(validator: &jsonschema::Validator, doc: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:#?}");
}

/// The diagnostics the json format reports for the same run, by file: the
/// reference the other formats are compared with.
fn reference() -> Vec<(String, Vec<Value>)> {
    let o = check_all("json", &[]);
    json(&o)["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            let path = f["path"].as_str().expect("path").to_string();
            (path, f["diagnostics"].as_array().expect("list").clone())
        })
        .collect()
}

#[test]
fn every_format_on_the_seeds() {
    for format in FORMATS {
        let mut o = check_all(format, &[]);
        assert_eq!(o.status.code(), Some(1), "{format}: {}", transcript(&o));
        if format == "sarif" {
            o.stdout = without_rule_texts(&o.stdout);
        }
        snapshot_settings()
            .bind(|| insta::assert_snapshot!(format!("formats-{format}"), transcript(&o)));
    }
}

/// The SARIF log with each rule's descriptions and help left out: they are
/// the check definitions' text (`checks/*.toml`, compared with `explain` in
/// `sarif_rules_come_from_the_check_definitions`), and would make every edit
/// of a definition change this snapshot too. Line by line, to keep the log's
/// field order as written.
fn without_rule_texts(stdout: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(stdout).expect("UTF-8");
    let mut out = String::new();
    let mut in_rules = false;
    for line in text.lines() {
        let key = line.trim_start();
        if key.starts_with("\"rules\": [") {
            in_rules = true;
        } else if key.starts_with("\"columnKind\"") {
            in_rules = false;
        }
        let redact =
            in_rules && (key.starts_with("\"text\": ") || key.starts_with("\"markdown\": "));
        match line.split_once(": ").filter(|_| redact) {
            Some((k, v)) => {
                let comma = if v.ends_with(',') { "," } else { "" };
                out.push_str(&format!("{k}: \"[from checks/*.toml]\"{comma}"));
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out.into_bytes()
}

#[test]
fn sarif_rules_come_from_the_check_definitions() {
    let o = check_all("sarif", &[]);
    let log = json(&o);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .clone();
    let listed = run(&["rules"], None);
    let names: Vec<&str> = stdout(&listed)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, names, "every check, in `figcheck rules` order");
    for rule in &rules {
        let id = rule["id"].as_str().unwrap();
        let explained = run(&["explain", id], None);
        let explained = stdout(&explained);
        let (_, severity) = stdout(&listed)
            .lines()
            .find(|l| l.split_whitespace().next() == Some(id))
            .and_then(|l| l.split_once("  "))
            .expect("listed");
        let level = match severity.split_whitespace().next() {
            Some("info") => "note",
            Some(other) => other,
            None => panic!("no severity for {id}"),
        };
        assert_eq!(rule["defaultConfiguration"]["level"], level, "{id}");
        let short = rule["shortDescription"]["text"].as_str().unwrap();
        assert!(explained.contains(short), "{id}: summary");
        let full = rule["fullDescription"]["text"].as_str().unwrap();
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words(explained).contains(full), "{id}: why");
        let help = rule["help"]["markdown"].as_str().unwrap();
        // the examples, not the options listed after them
        let examples = explained.split("\n## Options").next().unwrap_or_default();
        for example in examples.lines().filter(|l| l.starts_with("- ")) {
            assert!(help.contains(example), "{id}: example {example}");
        }
    }
}

#[test]
fn every_format_on_a_clean_document_is_valid_and_exits_0() {
    let clean = "checks/direction-contradicts-values.md";
    for format in FORMATS {
        let o = run(
            &[
                "check",
                "--format",
                format,
                "--select",
                "range-inverted",
                clean,
            ],
            None,
        );
        assert_eq!(o.status.code(), Some(0), "{format}: {}", transcript(&o));
        match format {
            "sarif" => assert_valid(&schema("sarif-schema-2.1.0.json"), &json(&o)),
            "rdjson" => assert_valid(
                &schema("rdjson-DiagnosticResult.jsonschema.json"),
                &json(&o),
            ),
            "junit" | "checkstyle" => {
                well_formed(stdout(&o)).unwrap_or_else(|e| panic!("{format}: {e}"));
            }
            "concise" | "github" => assert_eq!(stdout(&o), "", "{format}"),
            _ => {}
        }
    }
}

#[test]
fn sarif_is_valid_and_points_at_every_figure() {
    let o = check_all("sarif", &[]);
    let log = json(&o);
    let validator = schema("sarif-schema-2.1.0.json");
    assert_valid(&validator, &log);
    // the validator is not vacuous: a log without its version fails
    let mut broken = log.clone();
    broken.as_object_mut().unwrap().remove("version");
    assert!(!validator.is_valid(&broken));
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "figcheck");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().expect("rules");
    for r in rules {
        for key in ["shortDescription", "fullDescription", "help"] {
            let text = r[key]["text"].as_str().unwrap_or("");
            assert!(!text.trim().is_empty(), "{key} of {}", r["id"]);
        }
    }
    let results = run["results"].as_array().expect("results");
    let expected: Vec<(String, Value)> = reference()
        .into_iter()
        .flat_map(|(path, ds)| ds.into_iter().map(move |d| (path.clone(), d)))
        .collect();
    assert_eq!(results.len(), expected.len());
    for (result, (path, d)) in results.iter().zip(&expected) {
        assert_eq!(result["ruleId"], d["code"]);
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], d["code"], "ruleIndex");
        assert_eq!(result["message"]["text"], d["message"]);
        let text = std::fs::read_to_string(common::fixture(path)).expect("fixture");
        let mut locations: Vec<&Value> = result["locations"].as_array().unwrap().iter().collect();
        assert_eq!(locations.len(), 1, "one primary location");
        if let Some(related) = result["relatedLocations"].as_array() {
            locations.extend(related);
        }
        let labels = d["labels"].as_array().unwrap();
        assert_eq!(locations.len(), labels.len(), "every label is a location");
        for (loc, label) in locations.iter().zip(labels) {
            let p = &loc["physicalLocation"];
            assert_eq!(p["artifactLocation"]["uri"], path.as_str());
            let r = &p["region"];
            let start = r["byteOffset"].as_u64().unwrap() as usize;
            let end = start + r["byteLength"].as_u64().unwrap() as usize;
            assert_eq!(&text[start..end], label["text"].as_str().unwrap());
            assert_eq!(r["startLine"], label["line"]);
            assert_eq!(r["startColumn"], label["column"]);
            assert_eq!(r["endLine"], label["end_line"]);
            assert_eq!(r["endColumn"], label["end_column"]);
            assert_eq!(loc["message"]["text"], label["message"]);
        }
    }
}

#[test]
fn rdjson_is_valid_with_byte_columns() {
    let o = check_all("rdjson", &[]);
    let doc = json(&o);
    let validator = schema("rdjson-DiagnosticResult.jsonschema.json");
    assert_valid(&validator, &doc);
    let mut broken = doc.clone();
    broken["diagnostics"][0]["severity"] = Value::from("SEVERE");
    assert!(!validator.is_valid(&broken));
    let diagnostics = doc["diagnostics"].as_array().expect("diagnostics");
    let total: usize = reference().iter().map(|(_, ds)| ds.len()).sum();
    assert_eq!(diagnostics.len(), total);
    // seed 000 has curly quotes before its second repeat on the line: byte
    // columns run ahead of character columns there
    let text = std::fs::read_to_string(common::fixture(SEED_000)).unwrap();
    for d in diagnostics {
        let loc = &d["location"];
        if loc["path"] != SEED_000 {
            continue;
        }
        let start = &loc["range"]["start"];
        let line = start["line"].as_u64().unwrap() as usize;
        let col = start["column"].as_u64().unwrap() as usize;
        let line_text = text.split('\n').nth(line - 1).unwrap();
        assert!(line_text.is_char_boundary(col - 1), "byte column {col}");
    }
}

#[test]
fn xml_formats_are_well_formed_and_count_every_finding() {
    let total: usize = reference().iter().map(|(_, ds)| ds.len()).sum();
    let files = reference().len();
    let junit = check_all("junit", &[]);
    let elements = well_formed(stdout(&junit)).expect("junit parses");
    let count = |name: &str| elements.iter().filter(|(n, _)| n == name).count();
    assert_eq!(count("testsuite"), 1);
    assert_eq!(count("testcase"), files);
    assert_eq!(count("failure"), total);
    let checkstyle = check_all("checkstyle", &[]);
    let elements = well_formed(stdout(&checkstyle)).expect("checkstyle parses");
    let count = |name: &str| elements.iter().filter(|(n, _)| n == name).count();
    assert_eq!(count("file"), files);
    assert_eq!(count("error"), total);
}

/// A file name and text full of characters each format must escape.
#[test]
fn awkward_names_and_text_are_escaped() {
    let dir = std::env::temp_dir().join(format!("figcheck-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let name = "a&b <c> \"d\" 'e', f: 100%.txt";
    let path = dir.join(name);
    std::fs::write(
        &path,
        "R&D <staff> \u{1}: the plant will shed between 900 and 400 workers.\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    for format in ["junit", "checkstyle"] {
        let o = run(&["check", "--format", format, p], None);
        assert_eq!(o.status.code(), Some(0), "{}", transcript(&o));
        let elements = well_formed(stdout(&o)).unwrap_or_else(|e| panic!("{format}: {e}"));
        let attr = if format == "junit" { "file" } else { "name" };
        let shown: Vec<&str> = elements
            .iter()
            .filter_map(|(_, attrs)| attrs.get(attr).map(String::as_str))
            .collect();
        assert!(shown.contains(&p), "{format}: {shown:?}");
    }
    let o = run(&["check", "--format", "github", p], None);
    let line = stdout(&o).lines().next().expect("an annotation");
    let (props, _message) = line
        .strip_prefix("::warning ")
        .and_then(|l| l.split_once("::"))
        .expect("a workflow command");
    let file = props
        .split(',')
        .find_map(|kv| kv.strip_prefix("file="))
        .expect("file property");
    let unescaped = file
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%25", "%");
    assert_eq!(unescaped, p);
    for format in ["sarif", "rdjson"] {
        let o = run(&["check", "--format", format, p], None);
        let doc = json(&o);
        let schema_name = if format == "sarif" {
            "sarif-schema-2.1.0.json"
        } else {
            "rdjson-DiagnosticResult.jsonschema.json"
        };
        assert_valid(&schema(schema_name), &doc);
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn files_come_out_in_input_order() {
    let forward = check_all("concise", &[]);
    let o = run(
        &[
            "check",
            "--date",
            "2022-09-15",
            "--format",
            "concise",
            RANGE,
            SEED_000,
            SEED_003,
        ],
        None,
    );
    let files = |o: &std::process::Output| -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        for l in stdout(o).lines() {
            let f = l.split(':').next().unwrap().to_string();
            if seen.last() != Some(&f) {
                seen.push(f);
            }
        }
        seen
    };
    let mut reversed = files(&forward);
    reversed.reverse();
    assert_eq!(files(&o), reversed);
}

#[test]
fn exit_zero_keeps_findings_but_exits_0() {
    let o = check_all("concise", &["--exit-zero"]);
    assert_eq!(o.status.code(), Some(0), "{}", transcript(&o));
    assert!(stdout(&o).contains("error[direction-contradicts-values]"));
    // an unreadable input is still a failure
    let o = run(&["check", "--exit-zero", "no-such-file.md", SEED_003], None);
    assert_eq!(o.status.code(), Some(2), "{}", transcript(&o));
}

#[test]
fn severity_sets_the_least_severe_finding_reported() {
    let o = check_all("concise", &["--severity", "error"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).lines().all(|l| l.contains(": error[")),
        "{}",
        stdout(&o)
    );
    // only warnings in these: nothing reported, exit 0, summary says so
    let o = run(
        &[
            "check",
            "--severity",
            "error",
            "--date",
            "2022-09-15",
            SEED_000,
            RANGE,
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", transcript(&o));
    assert_eq!(stdout(&o), "figcheck: no problems in 2 files\n");
    let o = run(
        &[
            "check",
            "--severity",
            "warning",
            "--format",
            "concise",
            RANGE,
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("warning[range-inverted]"));
}

#[test]
fn output_writes_the_file_instead_of_stdout() {
    let dir = std::env::temp_dir().join(format!("figcheck-output-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("figcheck.sarif");
    let f = file.to_str().unwrap();
    let o = check_all("sarif", &["--output", f]);
    assert_eq!(o.status.code(), Some(1), "{}", transcript(&o));
    assert!(o.stdout.is_empty());
    let written = std::fs::read(&file).expect("output file");
    assert_eq!(written, check_all("sarif", &[]).stdout);
    // a file that cannot be created is a usage error, named
    let missing = dir.join("no/such/dir/out.json");
    let o = check_all("json", &["--output", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("error: cannot create `") && err.contains("out.json"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn statistics_count_findings_per_rule() {
    let o = check_all("human", &["--statistics"]);
    assert_eq!(o.status.code(), Some(1));
    snapshot_settings().bind(|| insta::assert_snapshot!("formats-statistics", transcript(&o)));
    let o = check_all("json", &["--statistics"]);
    let rows = json(&o);
    let counted: u64 = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .sum();
    let total: usize = reference().iter().map(|(_, ds)| ds.len()).sum();
    assert_eq!(counted as usize, total);
}

#[test]
fn claims_refuses_check_only_formats_and_flags() {
    for args in [
        &["claims", "--format", "sarif", SEED_003][..],
        &["claims", "--statistics", SEED_003][..],
        &["claims", "--exit-zero", SEED_003][..],
    ] {
        let o = run(args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", transcript(&o));
        assert!(o.stdout.is_empty());
        assert!(String::from_utf8_lossy(&o.stderr).contains("is for `check`"));
    }
}

/// An element's name and attributes.
type Element = (String, BTreeMap<String, String>);

/// Parses `xml` strictly: matched tags, attributes that unescape, only the
/// predefined entities and character references, one root. Returns every
/// element's name and attributes in document order.
fn well_formed(xml: &str) -> Result<Vec<Element>, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut elements = Vec::new();
    let mut depth = 0usize;
    let mut roots = 0usize;
    let mut open = |e: &quick_xml::events::BytesStart<'_>, depth: usize| {
        if depth == 0 {
            roots += 1;
        }
        let mut attrs = BTreeMap::new();
        for a in e.attributes() {
            let a = a.map_err(|e| e.to_string())?;
            let v = a
                .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                .map_err(|e| e.to_string())?;
            attrs.insert(a.key.as_ref().to_string(), v.into_owned());
        }
        elements.push((e.name().as_ref().to_string(), attrs));
        Ok::<(), String>(())
    };
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => {
                open(&e, depth)?;
                depth += 1;
            }
            Event::Empty(e) => open(&e, depth)?,
            Event::End(_) => depth -= 1,
            Event::GeneralRef(r) => {
                let name = r.into_inner();
                let known = ["amp", "lt", "gt", "quot", "apos"].contains(&name.as_ref());
                let numeric = name
                    .strip_prefix('#')
                    .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
                if !known && !numeric {
                    return Err(format!("unknown entity `&{name};`"));
                }
            }
            Event::Text(t) if depth == 0 && !t.xml10_content().trim().is_empty() => {
                return Err("text outside the root".to_string());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 || roots != 1 {
        return Err(format!("{roots} roots, depth {depth} at the end"));
    }
    if let Some(c) = xml
        .chars()
        .find(|&c| c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Err(format!("control character U+{:04X}", u32::from(c)));
    }
    Ok(elements)
}
