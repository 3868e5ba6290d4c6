//! Finding and reading the user's files.
//!
//! Directories are walked with the `ignore` crate (the walker ripgrep uses),
//! so `.gitignore`, `.ignore` and hidden files are honoured, and only files
//! with a prose extension are taken from them; a file named on the command
//! line is always read. A config's `include` and `exclude` globs shape the
//! walk ([`walk`]). A file that is binary or not UTF-8 is an error that
//! names it, never a panic and never a silent skip.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;

/// Extensions read when walking a directory.
pub const PROSE_EXTENSIONS: &[&str] = &[
    "md", "markdown", "mdown", "mkd", "mdx", "txt", "text", "html", "htm", "xhtml",
];

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// A NUL byte in the file: not text.
    Binary,
    /// Not UTF-8; the byte offset of the first invalid sequence.
    NotUtf8 {
        offset: usize,
    },
    /// An error from the directory walker.
    Walk(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{}", io_message(e)),
            ReadError::Binary => write!(f, "binary file (it contains a NUL byte), skipped"),
            ReadError::NotUtf8 { offset } => {
                write!(f, "not valid UTF-8 (first invalid byte at offset {offset})")
            }
            ReadError::Walk(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// An I/O error's message, lowercase and without the "(os error N)" tail.
fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => {
            let s = e.to_string();
            let s = s.split(" (os error").next().unwrap_or(&s).to_string();
            let mut c = s.chars();
            match c.next() {
                Some(first) => first.to_lowercase().chain(c).collect(),
                None => s,
            }
        }
    }
}

/// Turns bytes into text, or says why they are not text.
///
/// # Errors
/// [`ReadError::Binary`] for a NUL byte, [`ReadError::NotUtf8`] for invalid UTF-8.
pub fn decode(bytes: Vec<u8>) -> Result<String, ReadError> {
    if memchr::memchr(0, &bytes).is_some() {
        return Err(ReadError::Binary);
    }
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Reads a file as text.
///
/// # Errors
/// See [`ReadError`].
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    decode(std::fs::read(path).map_err(ReadError::Io)?)
}

/// Expands paths: files as given, directories walked (sorted by name, so the
/// order of output does not depend on the file system).
pub fn expand(paths: &[PathBuf]) -> Vec<Result<PathBuf, (PathBuf, ReadError)>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            out.extend(walk(path, None));
        } else {
            out.push(Ok(path.clone()));
        }
    }
    out
}

/// The files under the directory `root`, sorted by name, honouring ignore
/// files and, when a config applies, its `exclude` (directories and files
/// passed over) and `include` (the files taken, instead of those with a
/// prose extension).
pub fn walk(
    root: &Path,
    config: Option<Arc<Config>>,
) -> Vec<Result<PathBuf, (PathBuf, ReadError)>> {
    let mut out = Vec::new();
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .sort_by_file_name(|a, b| a.cmp(b))
        .require_git(false);
    if let Some(c) = config.clone().filter(|c| c.has_exclude()) {
        // the root itself was asked for by name
        builder.filter_entry(move |e| e.depth() == 0 || !c.excludes(e.path()));
    }
    for entry in builder.build() {
        match entry {
            Ok(e) => {
                let p = e.path();
                let is_file = e.file_type().is_some_and(|t| t.is_file());
                let take = match config.as_ref().and_then(|c| c.includes(p)) {
                    Some(included) => included,
                    None => has_prose_extension(p),
                };
                if is_file && take {
                    out.push(Ok(p.to_path_buf()));
                }
            }
            Err(e) => out.push(Err((root.to_path_buf(), ReadError::Walk(e.to_string())))),
        }
    }
    out
}

fn has_prose_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PROSE_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_rejects_binary_and_invalid_utf8() {
        assert!(matches!(decode(b"a\0b".to_vec()), Err(ReadError::Binary)));
        assert!(matches!(
            decode(b"ok \xff".to_vec()),
            Err(ReadError::NotUtf8 { offset: 3 })
        ));
        assert_eq!(decode("é 5".as_bytes().to_vec()).unwrap(), "é 5");
    }
}
