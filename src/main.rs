//! The `figcheck` command: parses arguments, hands a run to the driver
//! ([`cli`]), renders what it returns in input order and chooses the exit
//! code (0: no error-level finding, 1: error-level findings, 2: a usage,
//! config or I/O error). A closed standard output ends the run quietly.
#![allow(clippy::print_stderr)]
// the same list as src/lib.rs: lints are per crate, and Cargo.toml's
// [lints] would also reach the integration tests' helpers
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::todo,
    clippy::unimplemented,
    clippy::unreachable
)]

mod cli;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use figcheck::analysis::Analysis;
use figcheck::batch;
use figcheck::check::{self, REGISTRY};
use figcheck::diagnostic::{Diagnostic, Severity};
use figcheck::render::{self, Checked, Report, Tally, Totals, human, json};
use figcheck::source::LineIndex;

/// A linter for the numbers in prose: finds figures that contradict each other.
#[derive(Debug, Parser)]
#[command(name = "figcheck", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check files, directories or `-` (stdin) for contradictory figures.
    Check(RunArgs),
    /// Print the figures figcheck reads in the input (what the checks see).
    Claims(RunArgs),
    /// List the checks.
    Rules,
    /// Explain a check: what it flags, why, and examples.
    Explain {
        /// The check's name, e.g. `direction-contradicts-values`.
        name: String,
    },
    /// Print the settings a file would be checked with, and where they
    /// come from, as TOML.
    Config(ConfigArgs),
}

#[derive(Debug, Args)]
struct ConfigArgs {
    /// The file or directory to resolve settings for.
    #[arg(default_value = ".")]
    path: PathBuf,
    #[command(flatten)]
    config: ConfigChoice,
}

/// Which config file applies.
#[derive(Debug, Clone, Args)]
struct ConfigChoice {
    /// Use this config file for every input instead of looking for
    /// `figcheck.toml` or `.figcheck.toml` above each file.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore every config file.
    #[arg(long)]
    isolated: bool,
}

#[derive(Debug, Args)]
struct RunArgs {
    /// Files and directories to read (directories recursively, honouring
    /// .gitignore); `-` reads stdin. Default: stdin when it is piped, else `.`.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Write the output to FILE instead of stdout.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// `check`: the least severe findings to report; the exit code counts
    /// only what is reported.
    #[arg(long, value_enum, default_value_t = MinSeverity::Info)]
    severity: MinSeverity,
    /// `check`: exit 0 even with error-level findings (2 still means a
    /// usage or I/O error).
    #[arg(long)]
    exit_zero: bool,
    /// `check`: print how many findings each check reported instead of the
    /// findings, most frequent first (JSON with `--format json`).
    #[arg(long)]
    statistics: bool,
    /// What the input is: documents, or JSONL records
    /// `{"id", "text", "date"}` one per line.
    #[arg(long, value_enum, default_value_t = InputKind::Text)]
    input: InputKind,
    /// How to read documents; `auto` goes by the file extension.
    #[arg(long, value_enum, default_value_t = Markup::Auto)]
    input_format: Markup,
    /// The document date (YYYY-MM-DD), for years left out and relative
    /// dates; front matter and JSONL records give their own.
    #[arg(long, value_parser = parse_date)]
    date: Option<jiff::civil::Date>,
    /// Checks to run (comma-separated names, or `all`).
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Checks not to run (comma-separated names).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Print a pipeline stage instead of checking: the prose read from the
    /// markup, or the sentences.
    #[arg(long, value_enum)]
    dump: Option<Stage>,
    #[command(flatten)]
    config: ConfigChoice,
    /// Hide the findings recorded in this baseline file; report only new ones.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file and report none.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Report only findings on lines changed since this git revision
    /// (untracked files count as wholly changed).
    #[arg(long, value_name = "REV")]
    since: Option<String>,
    /// Files checked at once. Default: the available parallelism.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// miette reports (colour on a terminal unless NO_COLOR is set).
    Human,
    /// One JSON document: `{"files": [{"path", "diagnostics"}]}`.
    Json,
    /// One JSON object per file or record.
    Jsonl,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// SARIF 2.1.0, for GitHub code scanning and other dashboards.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the diff).
    Github,
    /// reviewdog's Diagnostic Format (rdjson).
    Rdjson,
    /// JUnit XML: a test case per file, a failure per finding.
    Junit,
    /// Checkstyle XML.
    Checkstyle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MinSeverity {
    Error,
    Warning,
    Info,
}

impl MinSeverity {
    fn severity(self) -> Severity {
        match self {
            MinSeverity::Error => Severity::Error,
            MinSeverity::Warning => Severity::Warning,
            MinSeverity::Info => Severity::Info,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputKind {
    Text,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Markup {
    Auto,
    Plain,
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Stage {
    Prose,
    Sentences,
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    batch::parse_date(s).ok_or_else(|| format!("`{s}` is not a date of the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let target = match &cli.command {
        Command::Check(args) | Command::Claims(args) => args.output.as_deref(),
        _ => None,
    };
    let mut out: Box<dyn Write> = match target {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(BufWriter::new(f)),
            Err(e) => {
                eprintln!("error: cannot create `{}`: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let result = match cli.command {
        Command::Check(args) => cli::run(&args, Mode::Check, &mut out),
        Command::Claims(args) => cli::run(&args, Mode::Claims, &mut out),
        Command::Rules => rules(&mut out).map(|()| Outcome::default()),
        Command::Explain { name } => explain(&name, &mut out),
        Command::Config(args) => cli::config(&args, &mut out),
    };
    let result = result.and_then(|o| out.flush().map(|()| o));
    match result {
        Ok(o) if o.failed => ExitCode::from(2),
        Ok(o) if o.errors => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Check,
    Claims,
}

/// What a run found, for the exit code.
#[derive(Debug, Default)]
struct Outcome {
    /// An error-level diagnostic was reported.
    errors: bool,
    /// An input could not be read, or the arguments were wrong.
    failed: bool,
}

/// The output side of a run: documents arrive here in input order, already
/// checked, and are rendered in the chosen format.
struct Runner<'w> {
    mode: Mode,
    format: Format,
    dump: Option<Stage>,
    out: &'w mut dyn Write,
    tally: Tally,
    files: usize,
    /// `claims --format json` collects every file before writing.
    json_files: Vec<serde_json::Value>,
    /// `check`: the output format.
    report: Box<dyn Report>,
    /// `check`: findings less severe than this are not reported.
    min_severity: Severity,
    /// `check --statistics`: counts instead of findings.
    statistics: bool,
    /// A record's line of `check --format jsonl`, made here and written
    /// whole.
    line: Vec<u8>,
}

/// `claims` writes only human, json and jsonl, and has no findings to
/// filter or count.
fn claims_args(args: &RunArgs) -> Result<(), String> {
    if !matches!(args.format, Format::Human | Format::Json | Format::Jsonl) {
        let name = args
            .format
            .to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_string());
        return Err(format!(
            "`--format {name}` is for `check`; `claims` writes `human`, `json` or `jsonl`"
        ));
    }
    let flags = [
        (args.severity != MinSeverity::Info, "--severity"),
        (args.exit_zero, "--exit-zero"),
        (args.statistics, "--statistics"),
    ];
    match flags.iter().find(|(set, _)| *set) {
        Some((_, flag)) => Err(format!("`{flag}` is for `check`, not `claims`")),
        None => Ok(()),
    }
}

impl<'w> Runner<'w> {
    /// The output side of a run of `mode` with `args`, writing to `out`.
    ///
    /// # Errors
    /// `claims` was given an option that only `check` has.
    fn new(args: &RunArgs, mode: Mode, out: &'w mut dyn Write) -> Result<Runner<'w>, String> {
        if mode == Mode::Claims {
            claims_args(args)?;
        }
        let color = args.output.is_none()
            && io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none();
        let style = human::Style { color, width: 80 };
        let report: Box<dyn Report> = if args.statistics {
            Box::new(render::statistics::Statistics::new(matches!(
                args.format,
                Format::Json | Format::Jsonl
            )))
        } else {
            match args.format {
                Format::Human => Box::new(human::Human { style }),
                Format::Json => Box::new(json::Json::default()),
                Format::Jsonl => Box::new(json::Jsonl::default()),
                Format::Concise => Box::new(render::concise::Concise),
                Format::Sarif => Box::new(render::sarif::Sarif::default()),
                Format::Github => Box::new(render::github::Github),
                Format::Rdjson => Box::new(render::rdjson::Rdjson::default()),
                Format::Junit => Box::new(render::junit::Junit::default()),
                Format::Checkstyle => Box::new(render::checkstyle::Checkstyle::default()),
            }
        };
        Ok(Runner {
            mode,
            format: args.format,
            dump: args.dump,
            out,
            tally: Tally::default(),
            files: 0,
            json_files: Vec::new(),
            report,
            min_severity: args.severity.severity(),
            statistics: args.statistics,
            line: Vec::new(),
        })
    }

    /// Writes out what is buffered: records read from a stream are shown
    /// as each batch is done.
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// Renders one checked document, `name`d. Findings below `--severity`
    /// are dropped first, so that the counts and the exit code see only
    /// what is reported.
    fn render(
        &mut self,
        name: &cli::Name,
        text: &str,
        mut diagnostics: Vec<Diagnostic>,
    ) -> io::Result<()> {
        diagnostics.retain(|d| d.severity >= self.min_severity);
        self.tally.add(&diagnostics);
        self.files += 1;
        match name.id() {
            // a record's answer carries its id, as the batch interface
            // says, and not its name
            Some(id) if self.format == Format::Jsonl && !self.statistics => {
                let doc = Checked::new(name.path(), text, diagnostics);
                json::reuse_line(&mut self.line);
                json::write_diagnostics_line(&mut self.line, Some(id), &doc)?;
                self.out.write_all(&self.line)
            }
            _ => {
                let name = name.shown();
                let doc = Checked::new(&name, text, diagnostics);
                self.report.file(self.out, &doc)
            }
        }
    }

    /// Writes what [`show`] made of a document.
    fn shown(&mut self, shown: cli::Shown) -> io::Result<()> {
        match shown {
            cli::Shown::Bytes(b) => self.out.write_all(&b),
            cli::Shown::Json(v) => {
                self.json_files.push(v);
                Ok(())
            }
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.dump.is_some() {
            return Ok(());
        }
        match self.mode {
            Mode::Check => {
                let totals = Totals {
                    files: self.files,
                    tally: self.tally,
                };
                self.report.finish(self.out, &totals)
            }
            Mode::Claims if self.format == Format::Json => {
                let files = std::mem::take(&mut self.json_files);
                json::write_line(self.out, &serde_json::json!({ "files": files }))
            }
            Mode::Claims => Ok(()),
        }
    }
}

/// Bytes of JSON a claim is given room for in a `claims` answer.
const CLAIM_JSON_BYTES: usize = 320;

/// `claims` output and `--dump` for one document, `name`d, made where it
/// is analysed (on any thread).
fn show(
    format: Format,
    stage: Option<Stage>,
    name: &cli::Name,
    analysis: &Analysis<'_>,
) -> io::Result<cli::Shown> {
    let mut buf = Vec::new();
    if let Some(stage) = stage {
        dump(&mut buf, &name.shown(), analysis, stage)?;
        return Ok(cli::Shown::Bytes(buf));
    }
    let id = name.id();
    let value = |claims| match id {
        Some(id) => serde_json::json!({ "id": id, "claims": claims }),
        None => serde_json::json!({ "path": name.path(), "claims": claims }),
    };
    match format {
        Format::Human => {
            figcheck::render::claims::write_table(&mut buf, &name.shown(), analysis)?;
            Ok(cli::Shown::Bytes(buf))
        }
        Format::Jsonl => {
            // 178 bytes a claim on average over the news corpus, more with
            // context spans: room up front instead of a buffer grown from
            // empty, copied at every doubling
            buf.reserve(64 + analysis.claims.len() * CLAIM_JSON_BYTES);
            json::write_claims_line(&mut buf, id, name.path(), analysis)?;
            Ok(cli::Shown::Bytes(buf))
        }
        Format::Json => Ok(cli::Shown::Json(value(json::claims(analysis)))),
        // refused before the run by `claims_args`
        _ => Ok(cli::Shown::Bytes(buf)),
    }
}

/// `--dump`: a pipeline stage, for debugging what the checks saw.
fn dump(out: &mut dyn Write, name: &str, a: &Analysis<'_>, stage: Stage) -> io::Result<()> {
    match stage {
        Stage::Prose => {
            writeln!(out, "{name}: prose")?;
            writeln!(out, "{}", a.text())
        }
        Stage::Sentences => {
            let lines = LineIndex::new(a.source);
            writeln!(out, "{name}: {} sentences", a.sentences.len())?;
            for s in &a.sentences {
                let (line, col) = lines.line_col(a.source, a.to_source(s).start);
                writeln!(out, "{line}:{col}\t{}", a.slice(s).replace('\n', " "))?;
            }
            Ok(())
        }
    }
}

fn rules(out: &mut dyn Write) -> io::Result<()> {
    let width = REGISTRY.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for r in REGISTRY {
        let def = r.def();
        writeln!(
            out,
            "{:width$}  {:7}  {}",
            r.name,
            def.severity.as_str(),
            def.summary
        )?;
    }
    Ok(())
}

fn explain(name: &str, out: &mut dyn Write) -> io::Result<Outcome> {
    let Some(r) = check::find(name) else {
        eprintln!("error: {}", check::UnknownRule(name.to_string()));
        return Ok(Outcome {
            errors: false,
            failed: true,
        });
    };
    let def = r.def();
    writeln!(out, "# {} ({})\n", r.name, def.severity.as_str())?;
    writeln!(out, "{}\n", def.summary)?;
    writeln!(out, "## Why\n\n{}\n", def.why.trim())?;
    writeln!(out, "## Fix\n\n{}\n", def.help.trim())?;
    writeln!(out, "## Flags\n")?;
    for e in &def.examples.fire {
        writeln!(out, "- {}", e.text.trim())?;
    }
    writeln!(out, "\n## Does not flag\n")?;
    for e in &def.examples.pass {
        writeln!(out, "- {}", e.text.trim())?;
    }
    if !def.options.is_empty() {
        writeln!(out, "\n## Options\n")?;
        for (name, o) in &def.options {
            writeln!(
                out,
                "- `{name}` (default {}, from {} to {}): {}",
                o.default, o.min, o.max, o.doc
            )?;
        }
    }
    Ok(Outcome::default())
}
