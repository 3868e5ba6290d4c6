//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The built `figcheck` binary.
pub fn figcheck() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_figcheck"));
    c.env_remove("NO_COLOR").env("CI", "true");
    c
}

/// A path under `tests/fixtures`.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Runs figcheck with `args`, feeding `stdin`, from the fixtures folder so
/// that paths in the output are short and stable.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let mut cmd = figcheck();
    cmd.args(args)
        .current_dir(fixture(""))
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("figcheck runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(input).expect("stdin written");
    }
    child.wait_with_output().expect("figcheck finishes")
}

/// insta settings that keep every snapshot in the top-level `snapshots/`.
pub fn snapshot_settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

/// stdout then stderr then the exit code, as one text to snapshot.
pub fn transcript(o: &Output) -> String {
    format!(
        "{}{}exit: {}\n",
        String::from_utf8_lossy(&o.stdout),
        if o.stderr.is_empty() {
            String::new()
        } else {
            format!("--- stderr ---\n{}", String::from_utf8_lossy(&o.stderr))
        },
        o.status
            .code()
            .map_or("signal".to_string(), |c| c.to_string())
    )
}
