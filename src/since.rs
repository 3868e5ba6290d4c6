//! `--since REV`: which lines of which files changed since a git revision,
//! so that only findings on changed lines are reported.
//!
//! Asks the git command line once per run: `git diff --unified=0 REV` over
//! the paths given (hunk headers give the changed lines of the working
//! tree), and `git ls-files` for the tracked files, so that a file git does
//! not know counts as wholly changed. Paths are compared relative to the
//! repository's top level.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why the changed lines could not be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SinceError {
    /// git is not installed or could not run.
    NoGit(String),
    /// The current directory is not in a git repository.
    NotARepository,
    /// The revision does not name a commit.
    UnknownRevision(String),
    /// git failed otherwise.
    Git(String),
}

impl fmt::Display for SinceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SinceError::NoGit(e) => write!(f, "`--since` needs git, which could not run: {e}"),
            SinceError::NotARepository => {
                write!(f, "`--since` needs a git repository, and this is not one")
            }
            SinceError::UnknownRevision(r) => write!(f, "unknown git revision `{r}`"),
            SinceError::Git(e) => write!(f, "git failed: {e}"),
        }
    }
}

impl std::error::Error for SinceError {}

/// The lines of a file that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lines {
    /// New to git, or not a file git can compare: every line.
    All,
    /// 1-based line ranges, sorted.
    Some(Vec<RangeInclusive<usize>>),
}

impl Lines {
    /// Whether any line from `first` to `last` changed.
    pub fn touches(&self, first: usize, last: usize) -> bool {
        match self {
            Lines::All => true,
            Lines::Some(ranges) => ranges
                .iter()
                .any(|r| *r.start() <= last && first <= *r.end()),
        }
    }
}

/// The changes since a revision.
#[derive(Debug, Clone)]
pub struct Changes {
    /// The repository's top level, absolute.
    top: PathBuf,
    /// Changed lines by path relative to `top`, `/`-separated.
    changed: HashMap<String, Vec<RangeInclusive<usize>>>,
    tracked: HashSet<String>,
}

fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output, SinceError> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| SinceError::NoGit(e.to_string()))
}

fn stderr_line(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .to_string()
}

impl Changes {
    /// Asks git in `dir` what changed since `rev` under `paths`.
    ///
    /// # Errors
    /// See [`SinceError`].
    pub fn load(dir: &Path, rev: &str, paths: &[PathBuf]) -> Result<Changes, SinceError> {
        let top = git(dir, &["rev-parse", "--show-toplevel"])?;
        if !top.status.success() {
            return Err(SinceError::NotARepository);
        }
        let top = PathBuf::from(String::from_utf8_lossy(&top.stdout).trim_end_matches('\n'));
        let top = std::fs::canonicalize(&top).unwrap_or(top);
        let verify = git(
            dir,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ],
        )?;
        // A revision starting with `-` would be read as an option.
        if !verify.status.success() || rev.starts_with('-') {
            return Err(SinceError::UnknownRevision(rev.to_string()));
        }
        let mut args: Vec<String> = [
            "diff",
            "--unified=0",
            "--no-color",
            "--no-ext-diff",
            "--no-renames",
            "--no-prefix",
            rev,
            "--",
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
        let pathspecs: Vec<String> = paths
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .map(|p| absolute(dir, p).display().to_string())
            .collect();
        args.extend(pathspecs.iter().cloned());
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let diff = git(&top, &refs)?;
        if !diff.status.success() {
            return Err(SinceError::Git(stderr_line(&diff)));
        }
        let mut ls_args = vec!["ls-files", "-z", "--full-name", "--"];
        ls_args.extend(pathspecs.iter().map(String::as_str));
        let ls = git(&top, &ls_args)?;
        if !ls.status.success() {
            return Err(SinceError::Git(stderr_line(&ls)));
        }
        let tracked = ls
            .stdout
            .split(|b| *b == 0)
            .filter(|s| !s.is_empty())
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .collect();
        Ok(Changes {
            top,
            changed: parse_diff(&String::from_utf8_lossy(&diff.stdout)),
            tracked,
        })
    }

    /// The changed lines of the file at `path` (relative to `dir`, or
    /// absolute); `-` (stdin) counts as wholly changed.
    pub fn lines(&self, dir: &Path, path: &Path) -> Lines {
        if path.as_os_str() == "-" {
            return Lines::All;
        }
        let abs = absolute(dir, path);
        let abs = std::fs::canonicalize(&abs).unwrap_or(abs);
        let Ok(rel) = abs.strip_prefix(&self.top) else {
            // outside the repository: git knows nothing of it
            return Lines::All;
        };
        let key = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        match self.changed.get(&key) {
            Some(ranges) => Lines::Some(ranges.clone()),
            None if self.tracked.contains(&key) => Lines::Some(Vec::new()),
            None => Lines::All,
        }
    }
}

fn absolute(dir: &Path, p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        dir.join(p)
    }
}

/// Changed line ranges of the new side, by path, from `git diff
/// --unified=0 --no-prefix` output.
pub fn parse_diff(diff: &str) -> HashMap<String, Vec<RangeInclusive<usize>>> {
    let mut out: HashMap<String, Vec<RangeInclusive<usize>>> = HashMap::new();
    let mut current: Option<String> = None;
    // `+++ ` is a header only before a file's first hunk: inside a hunk it
    // is an added line that starts with `++`.
    let mut header = false;
    for line in diff.lines() {
        if line.starts_with("diff --git ") {
            current = None;
            header = true;
        } else if let (true, Some(path)) = (header, line.strip_prefix("+++ ")) {
            current = (path != "/dev/null").then(|| unquote(path));
            if let Some(p) = &current {
                out.entry(p.clone()).or_default();
            }
        } else if let Some(rest) = line.strip_prefix("@@ ") {
            header = false;
            if let (Some(r), Some(path)) = (hunk_new_lines(rest), &current) {
                out.entry(path.clone()).or_default().push(r);
            }
        }
    }
    for ranges in out.values_mut() {
        ranges.sort_by_key(|r| *r.start());
    }
    out
}

/// `-a,b +c,d @@ …` → lines `c..=c+d-1` of the new file; `None` when the
/// hunk only deletes (`d` = 0).
fn hunk_new_lines(rest: &str) -> Option<RangeInclusive<usize>> {
    let new = rest.split(' ').find_map(|w| w.strip_prefix('+'))?;
    let (start, count) = match new.split_once(',') {
        Some((s, c)) => (s.parse::<usize>().ok()?, c.parse::<usize>().ok()?),
        None => (new.parse::<usize>().ok()?, 1),
    };
    (count > 0).then(|| start..=start + count - 1)
}

/// Undoes git's C-style quoting of unusual paths (`"a\tb"`, octal bytes).
fn unquote(path: &str) -> String {
    let Some(inner) = path.strip_prefix('"').and_then(|p| p.strip_suffix('"')) else {
        return path.to_string();
    };
    let mut bytes = Vec::with_capacity(inner.len());
    let mut it = inner.bytes().peekable();
    while let Some(b) = it.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match it.next() {
            Some(b'n') => bytes.push(b'\n'),
            Some(b't') => bytes.push(b'\t'),
            Some(b'r') => bytes.push(b'\r'),
            Some(d @ b'0'..=b'7') => {
                let mut v = u32::from(d - b'0');
                for _ in 0..2 {
                    match it.peek() {
                        Some(&n @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(n - b'0');
                            it.next();
                        }
                        _ => break,
                    }
                }
                bytes.push(u8::try_from(v).unwrap_or(b'?'));
            }
            Some(other) => bytes.push(other),
            None => bytes.push(b'\\'),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hunks_of_the_new_side() {
        let diff = "diff --git a.md a.md\nindex 1..2 100644\n--- a.md\n+++ a.md\n\
                    @@ -3 +3 @@ x\n-old\n+++ new\n@@ -10,0 +11,2 @@\n+a\n+b\n@@ -20,2 +21,0 @@\n-c\n-d\n\
                    diff --git gone.md gone.md\n--- gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n";
        let m = parse_diff(diff);
        assert_eq!(m.get("a.md"), Some(&vec![3..=3, 11..=12]));
        assert!(!m.contains_key("gone.md"));
    }

    #[test]
    fn unquotes_paths() {
        assert_eq!(unquote("\"a\\tb \\303\\251.md\""), "a\tb é.md");
        assert_eq!(unquote("plain.md"), "plain.md");
    }

    #[test]
    fn lines_touch_ranges() {
        let l = Lines::Some(vec![3..=3, 11..=12]);
        assert!(l.touches(3, 3) && l.touches(10, 11) && !l.touches(4, 10));
        assert!(Lines::All.touches(1, 1));
        assert!(!Lines::Some(Vec::new()).touches(1, 100));
    }
}
