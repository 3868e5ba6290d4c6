//! The driver of `figcheck check` and `figcheck claims`: expands the inputs,
//! resolves each file's settings from config and the command line, checks
//! documents in parallel and hands the results to the [`Runner`] in input
//! order, so output is the same whatever the number of threads.
//!
//! Work goes in chunks (files) or batches (JSONL records, a few thousand or
//! about 8 MB at a time): each is checked in parallel with rayon's indexed
//! iterators, which keep order, then rendered before the next is read, so a
//! stream of any size runs in bounded memory. Baseline and `--since`
//! filtering happen on the worker, where the analysis is at hand.
#![allow(clippy::print_stderr)]

use std::borrow::Cow;
use std::cell::Cell;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use figcheck::analysis::{Analysis, Needs, Options};
use figcheck::baseline::{self, Baseline, Entry};
use figcheck::batch;
use figcheck::check;
use figcheck::config::{ConfigError, Overrides, Resolver, Settings};
use figcheck::diagnostic::Diagnostic;
use figcheck::input;
use figcheck::since::{Changes, Lines};
use figcheck::source::{InputFormat, LineIndex, sentence};

use crate::{ConfigArgs, Format, InputKind, Markup, Mode, Outcome, RunArgs, Runner, Stage, show};

/// Files checked between two renderings.
const FILE_CHUNK: usize = 256;
/// JSONL lines per batch, and the bytes of lines that end a batch early.
const RECORD_BATCH: usize = 4096;
const RECORD_BATCH_BYTES: usize = 8 << 20;
/// The bytes JSONL is read in at a time ([`batch::Batches`]).
const RECORD_CHUNK: usize = 1 << 20;
/// Below this many files no progress bar is drawn.
const PROGRESS_MIN_FILES: usize = 200;

/// `claims` output or a `--dump`, made on a worker.
pub(crate) enum Shown {
    Bytes(Vec<u8>),
    /// A file of `--format json`, collected until the end.
    Json(serde_json::Value),
}

/// What the workers share.
struct Plan {
    mode: Mode,
    format: Format,
    dump: Option<Stage>,
    baseline: Option<Baseline>,
    /// `--write-baseline`: compute keys, report nothing.
    writing: bool,
    since: Option<Changes>,
    cwd: PathBuf,
}

/// What a document is called: a file by its path as shown, a record by
/// its id. A record's name, its id as JSON ([`Name::shown`]), is made only
/// where something shows it: a `--format jsonl` line carries the id
/// itself, and the name made for every record cost an allocation and the
/// id's JSON, 1.6 M instructions of a `check` run on 5.6 MB of news. The
/// id is borrowed from the record's line where it can be
/// ([`batch::parse_record_into`]), which outlives its rendering.
pub(crate) enum Name<'a> {
    Path(String),
    Id(batch::Id<'a>),
}

impl Name<'_> {
    /// The record's id; a file has none.
    pub(crate) fn id(&self) -> Option<&batch::Id<'_>> {
        match self {
            Name::Path(_) => None,
            Name::Id(id) => Some(id),
        }
    }

    /// The file's path as shown; a record has none (it is named by its
    /// id).
    pub(crate) fn path(&self) -> &str {
        match self {
            Name::Path(path) => path,
            Name::Id(_) => "",
        }
    }

    /// The name a report shows: the path, or the id as JSON.
    pub(crate) fn shown(&self) -> Cow<'_, str> {
        match self {
            Name::Path(path) => Cow::Borrowed(path),
            Name::Id(id) => Cow::Owned(figcheck::render::json::id_name(id)),
        }
    }
}

/// One document's result, rendered on the main thread in input order.
enum Done<'a> {
    Checked {
        name: Name<'a>,
        text: String,
        diagnostics: Vec<Diagnostic>,
        entries: Vec<Entry>,
    },
    Shown(Shown),
    Warning(String),
    Error(String),
}

/// A file to read and check.
enum Item {
    File {
        path: PathBuf,
        name: String,
        format: InputFormat,
        settings: Arc<Settings>,
    },
    /// A walk error, reported in its place.
    Error(String),
}

/// Prints a config error as miette renders it, pointing into the TOML.
fn config_failed(e: &ConfigError) -> Outcome {
    if !matches!(e, ConfigError::Invalid(_)) {
        eprintln!("error: {e}");
        return Outcome {
            errors: false,
            failed: true,
        };
    }
    let color = io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let mut s = String::new();
    let handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_width(80)
        .with_wrap_lines(false)
        .with_links(false);
    match handler.render_report(&mut s, e) {
        Ok(()) => eprint!("{s}"),
        Err(_) => eprintln!("error: {e}"),
    }
    Outcome {
        errors: false,
        failed: true,
    }
}

fn failed(message: impl std::fmt::Display) -> io::Result<Outcome> {
    eprintln!("error: {message}");
    Ok(Outcome {
        errors: false,
        failed: true,
    })
}

/// `figcheck config [PATH]`.
pub(crate) fn config(args: &ConfigArgs, out: &mut dyn Write) -> io::Result<Outcome> {
    let resolver = Resolver::new(
        Overrides::default(),
        args.config.config.as_deref(),
        args.config.isolated,
    );
    let settings = resolver.and_then(|mut r| r.settings(&args.path));
    match settings {
        Ok(s) => {
            out.write_all(s.to_toml(&args.path).as_bytes())?;
            Ok(Outcome::default())
        }
        Err(e) => Ok(config_failed(&e)),
    }
}

/// `figcheck check` and `figcheck claims`.
pub(crate) fn run(args: &RunArgs, mode: Mode, out: &mut dyn Write) -> io::Result<Outcome> {
    let cli = Overrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        date: args.date,
    };
    let mut resolver = match Resolver::new(cli, args.config.config.as_deref(), args.config.isolated)
    {
        Ok(r) => r,
        Err(e) => return Ok(config_failed(&e)),
    };
    let jsonl = args.input == InputKind::Jsonl;
    if args.since.is_some() && jsonl {
        return failed("`--since` needs files; JSONL records have no lines in a repository");
    }
    if mode == Mode::Claims && (args.baseline.is_some() || args.write_baseline.is_some()) {
        return failed("`--baseline` and `--write-baseline` apply to `figcheck check`");
    }
    let baseline = match &args.baseline {
        Some(p) => match Baseline::load(p) {
            Ok(b) => Some(b),
            Err(e) => return failed(format!("{}: {e}", p.display())),
        },
        None => None,
    };
    let paths = if args.paths.is_empty() {
        let default = if io::stdin().is_terminal() { "." } else { "-" };
        vec![PathBuf::from(default)]
    } else {
        args.paths.clone()
    };
    let cwd = std::env::current_dir()?;
    let since = match &args.since {
        Some(rev) => match Changes::load(&cwd, rev, &paths) {
            Ok(c) => Some(c),
            Err(e) => return failed(e),
        },
        None => None,
    };
    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(io::Error::other)?;
    let plan = Plan {
        mode,
        format: args.format,
        dump: args.dump,
        baseline,
        writing: args.write_baseline.is_some(),
        since,
        cwd,
    };
    let mut runner = match Runner::new(args, mode, out) {
        Ok(r) => r,
        Err(e) => return failed(e),
    };
    let mut sink = Sink {
        outcome: Outcome::default(),
        recorded: Vec::new(),
        writing: plan.writing,
    };
    let result = if jsonl {
        records(
            args,
            &paths,
            &mut resolver,
            &plan,
            &pool,
            &mut runner,
            &mut sink,
        )
    } else {
        files(
            args,
            &paths,
            &mut resolver,
            &plan,
            &pool,
            &mut runner,
            &mut sink,
        )
    };
    match result {
        Ok(()) => {}
        Err(Stop::Config(e)) => return Ok(config_failed(&e)),
        Err(Stop::Io(e)) => return Err(e),
    }
    let mut outcome = sink.outcome;
    if let Some(path) = &args.write_baseline {
        let n = sink.recorded.len();
        if let Err(e) = std::fs::write(path, baseline::write(sink.recorded)) {
            return failed(format!("{}: {}", path.display(), input::ReadError::Io(e)));
        }
        eprintln!(
            "figcheck: recorded {n} finding{} in `{}`",
            if n == 1 { "" } else { "s" },
            path.display()
        );
        return Ok(outcome);
    }
    runner.finish()?;
    outcome.errors = runner.tally.errors > 0 && !args.exit_zero;
    Ok(outcome)
}

/// Why a run stopped early.
enum Stop {
    Config(ConfigError),
    Io(io::Error),
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop::Io(e)
    }
}

/// What the main thread keeps besides the renderer's state.
struct Sink {
    outcome: Outcome,
    /// `--write-baseline`: every finding's key.
    recorded: Vec<Entry>,
    writing: bool,
}

impl Sink {
    /// Renders one result, in order.
    fn emit(&mut self, runner: &mut Runner<'_>, done: Done<'_>) -> io::Result<()> {
        match done {
            Done::Checked {
                name,
                text,
                diagnostics,
                entries,
            } => {
                if self.writing {
                    self.recorded.extend(entries);
                    Ok(())
                } else {
                    runner.render(&name, &text, diagnostics)
                }
            }
            Done::Shown(s) => runner.shown(s),
            Done::Warning(m) => {
                eprintln!("warning: {m}");
                Ok(())
            }
            Done::Error(m) => {
                eprintln!("error: {m}");
                self.outcome.failed = true;
                Ok(())
            }
        }
    }
}

fn markup(args: &RunArgs, path: &Path) -> InputFormat {
    match args.input_format {
        Markup::Plain => InputFormat::Plain,
        Markup::Markdown => InputFormat::Markdown,
        Markup::Html => InputFormat::Html,
        Markup::Auto => InputFormat::from_path(path),
    }
}

fn display_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "-".to_string()
    } else {
        path.display().to_string()
    }
}

/// Documents: expand, resolve every file's settings (a bad config stops the
/// run before any output), then check in chunks.
fn files(
    args: &RunArgs,
    paths: &[PathBuf],
    resolver: &mut Resolver,
    plan: &Plan,
    pool: &rayon::ThreadPool,
    runner: &mut Runner<'_>,
    sink: &mut Sink,
) -> Result<(), Stop> {
    let mut items = Vec::new();
    for path in paths {
        let found = if path.is_dir() {
            let config = resolver.config_for(path).map_err(Stop::Config)?;
            input::walk(path, config)
        } else {
            vec![Ok(path.clone())]
        };
        for f in found {
            match f {
                Ok(p) => {
                    let settings = resolver.settings(&p).map_err(Stop::Config)?;
                    items.push(Item::File {
                        name: display_name(&p),
                        format: markup(args, &p),
                        path: p,
                        settings,
                    });
                }
                Err((p, e)) => items.push(Item::Error(format!("{}: {e}", p.display()))),
            }
        }
    }
    let progress = progress_bar(items.len());
    for chunk in items.chunks(FILE_CHUNK) {
        let done: Vec<Done<'_>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|item| match item {
                    Item::File {
                        path,
                        name,
                        format,
                        settings,
                    } => file(plan, path, name, *format, settings),
                    Item::Error(m) => Done::Error(m.clone()),
                })
                .collect()
        });
        for d in done {
            sink.emit(runner, d)?;
        }
        if let Some(p) = &progress {
            p.inc(chunk.len() as u64);
        }
    }
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    Ok(())
}

/// A bar on stderr, only for a terminal and a long run.
fn progress_bar(files: usize) -> Option<indicatif::ProgressBar> {
    if files < PROGRESS_MIN_FILES || !io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(files as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files  {elapsed}")
    {
        bar.set_style(style);
    }
    Some(bar)
}

/// Reads and checks one file (or stdin).
fn file(
    plan: &Plan,
    path: &Path,
    name: &str,
    format: InputFormat,
    settings: &Settings,
) -> Done<'static> {
    let text = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        match io::Read::read_to_end(&mut io::stdin().lock(), &mut buf) {
            Ok(_) => input::decode(buf),
            Err(e) => Err(input::ReadError::Io(e)),
        }
    } else {
        input::read_text(path)
    };
    match text {
        Ok(text) => {
            let lines = plan.since.as_ref().map(|c| c.lines(&plan.cwd, path));
            let doc = Document {
                name: Name::Path(name.to_string()),
                text: Cow::Owned(text),
                format,
                date: settings.date,
            };
            process(plan, doc, settings, lines.as_ref())
        }
        // like ripgrep: a binary file is passed over with a notice
        Err(e @ input::ReadError::Binary) => Done::Warning(format!("{name}: {e}")),
        Err(e) => Done::Error(format!("{name}: {e}")),
    }
}

/// One document's text and what is known of it. A record's text is
/// borrowed from its thread's buffer ([`record`]).
struct Document<'n, 't> {
    name: Name<'n>,
    text: Cow<'t, str>,
    format: InputFormat,
    date: Option<jiff::civil::Date>,
}

/// The pipeline for one document, then the filters that need its analysis.
fn process<'n>(
    plan: &Plan,
    doc: Document<'n, '_>,
    settings: &Settings,
    lines: Option<&Lines>,
) -> Done<'n> {
    let Document {
        name,
        text,
        format,
        date,
    } = doc;
    let (diagnostics, entries) = {
        let shows = plan.mode == Mode::Claims || plan.dump.is_some();
        let needs = if shows { Needs::CLAIMS } else { Needs::CHECKS };
        let analysis = Analysis::with(&text, &Options { format, date }, needs);
        if shows {
            let shown = show(plan.format, plan.dump, &name, &analysis);
            sentence::recycle(analysis.sentences);
            figcheck::extract::recycle(analysis.claims);
            return match shown {
                Ok(s) => Done::Shown(s),
                Err(e) => Done::Error(format!("{}: {e}", name.shown())),
            };
        }
        let mut diagnostics = check::run_with(&analysis, &settings.rules, &settings.checks);
        if let Some(lines) = lines {
            let index = LineIndex::new(&text);
            diagnostics.retain(|d| {
                d.labels.iter().any(|l| {
                    let (first, _) = index.line_col(&text, l.span.start);
                    let last_byte = l.span.end.saturating_sub(1).max(l.span.start);
                    let (last, _) = index.line_col(&text, last_byte);
                    lines.touches(first, last)
                })
            });
        }
        let mut entries = Vec::new();
        if plan.writing || plan.baseline.is_some() {
            entries = baseline::entries(&name.shown(), &analysis, &diagnostics);
        }
        if let (false, Some(b)) = (plan.writing, &plan.baseline) {
            let new = b.new_findings(&entries);
            let mut keep = new.into_iter();
            diagnostics.retain(|_| keep.next().unwrap_or(true));
        }
        sentence::recycle(analysis.sentences);
        figcheck::extract::recycle(analysis.claims);
        (diagnostics, entries)
    };
    // the text is read again only to locate diagnostics: a record's, in
    // its thread's buffer, is copied out only when it has some (36 of the
    // 16,764 records of the news corpus)
    let text = match text {
        Cow::Owned(text) => text,
        Cow::Borrowed(text) if !diagnostics.is_empty() => text.to_string(),
        Cow::Borrowed(_) => String::new(),
    };
    Done::Checked {
        name,
        text,
        diagnostics,
        entries,
    }
}

/// JSONL records: read a batch, check it in parallel, render it in order.
fn records(
    args: &RunArgs,
    paths: &[PathBuf],
    resolver: &mut Resolver,
    plan: &Plan,
    pool: &rayon::ThreadPool,
    runner: &mut Runner<'_>,
    sink: &mut Sink,
) -> Result<(), Stop> {
    for path in input::expand(paths) {
        let path = match path {
            Ok(p) => p,
            Err((p, e)) => {
                sink.emit(runner, Done::Error(format!("{}: {e}", p.display())))?;
                continue;
            }
        };
        let name = display_name(&path);
        let settings = resolver.settings(&path).map_err(Stop::Config)?;
        let format = markup(args, &path);
        let reader: Box<dyn Read> = if path.as_os_str() == "-" {
            Box::new(io::stdin().lock())
        } else {
            match std::fs::File::open(&path) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    let m = format!("{name}: {}", input::ReadError::Io(e));
                    sink.emit(runner, Done::Error(m))?;
                    continue;
                }
            }
        };
        let mut batches =
            batch::Batches::new(reader, RECORD_CHUNK, RECORD_BATCH_BYTES + RECORD_CHUNK);
        loop {
            let (batch, end) = batches.next_batch(RECORD_BATCH, RECORD_BATCH_BYTES)?;
            let done: Vec<Done<'_>> = pool.install(|| {
                batch
                    .par_iter()
                    .map(|&(n, line)| record(plan, &settings, &name, format, n, line))
                    .collect()
            });
            for d in done {
                sink.emit(runner, d)?;
            }
            if end {
                break;
            }
            // the next read may wait on a slow producer: what this batch
            // gave is shown now, not once 8 KB of output have gathered
            runner.flush()?;
        }
    }
    Ok(())
}

/// The most bytes of room a thread keeps in its text buffer for the next
/// record ([`TEXT`]): one long record does not hold its memory for the
/// rest of the run.
const MAX_KEPT_TEXT: usize = 1 << 20;

thread_local! {
    /// The buffer a thread decodes its records' texts into, taken for a
    /// record and given back after it ([`batch::parse_record_into`]).
    static TEXT: Cell<String> = const { Cell::new(String::new()) };
}

/// Parses and checks one JSONL record.
fn record<'n>(
    plan: &Plan,
    settings: &Settings,
    name: &str,
    format: InputFormat,
    number: usize,
    line: Option<&'n str>,
) -> Done<'n> {
    let Some(line) = line else {
        return Done::Error(format!("{name}:{number}: not valid UTF-8"));
    };
    let mut text = TEXT.take();
    let done = match batch::parse_record_into(line, &mut text) {
        Ok((id, date)) => {
            let doc = Document {
                name: Name::Id(id),
                text: Cow::Borrowed(&text),
                format,
                date: date.or(settings.date),
            };
            process(plan, doc, settings, None)
        }
        Err(e) => Done::Error(format!("{name}:{number}: {e}")),
    };
    if text.capacity() <= MAX_KEPT_TEXT {
        TEXT.set(text);
    }
    done
}
