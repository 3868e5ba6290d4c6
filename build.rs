//! Writes the TOML data under `checks/` (the lexicons and the checks'
//! definitions) again as JSON, for `figcheck::extract::lexicon::parse`.
//!
//! The files stay TOML, the form people edit and review. But a run parses
//! every one it uses, and `toml` read them at about 150 instructions a byte:
//! 9 of the 17 M instructions a process starts with. `serde_json` reads the
//! same data, into the same serde structs, at a fraction of that. Each file
//! is read here into a `toml::Value` and written out with `serde_json`:
//! tables as objects (their keys sorted, as `toml` keeps a table without
//! its `preserve_order` feature; no struct reads them in order), integers as
//! integers and floats as floats. A file that is not valid TOML stops the
//! build here, naming the file and the error.
//!
//! JSON has no infinity and no NaN: a file that holds one (`high = inf` of
//! the approximators) is left out, and read as TOML.
//!
//! The output, `$OUT_DIR/compiled.rs`, is one expression: a slice of pairs
//! of a file's TOML text, included from `checks/`, and its JSON.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo::rerun-if-changed=checks");
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    let mut files = Vec::new();
    for dir in ["checks", "checks/lexicon"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("checks/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_some_and(|x| x == "toml") {
                files.push(path);
            }
        }
    }
    // the same output whatever order the directory lists its files in
    files.sort();
    let mut table = String::from("&[\n");
    for (i, path) in files.iter().enumerate() {
        let Some(json) = json(path) else { continue };
        let json_path = out.join(format!("compiled-{i}.json"));
        std::fs::write(&json_path, json).expect("OUT_DIR is writable");
        writeln!(
            table,
            "    (include_str!({:?}), include_str!({:?})),",
            path.display().to_string(),
            json_path.display().to_string()
        )
        .expect("writing into a String");
    }
    table.push(']');
    std::fs::write(out.join("compiled.rs"), table).expect("OUT_DIR is writable");
}

/// The JSON form of the TOML file at `path`; `None` when it holds a float
/// that JSON cannot write.
fn json(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).expect("a data file is UTF-8");
    let value: toml::Value = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
    finite(&value).then(|| serde_json::to_string(&value).expect("TOML data is JSON data"))
}

/// True when every float in `v` is finite.
fn finite(v: &toml::Value) -> bool {
    match v {
        toml::Value::Float(x) => x.is_finite(),
        toml::Value::Array(a) => a.iter().all(finite),
        toml::Value::Table(t) => t.values().all(finite),
        _ => true,
    }
}
