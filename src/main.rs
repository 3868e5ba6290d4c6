//! The `figcheck` command: parses arguments, runs the library over the
//! inputs, hands the results to a renderer and chooses the exit code
//! (0: no error-level finding, 1: error-level findings, 2: a usage or I/O
//! error). A closed standard output ends the run quietly.
#![allow(clippy::print_stderr)]

use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use figcheck::analysis::{Analysis, Options};
use figcheck::batch;
use figcheck::check::{self, REGISTRY, RuleSet};
use figcheck::diagnostic::Severity;
use figcheck::input;
use figcheck::render::{self, Checked, Report, Tally, Totals, human, json};
use figcheck::source::{InputFormat, LineIndex};

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
        Command::Check(args) => run(&args, Mode::Check, &mut out),
        Command::Claims(args) => run(&args, Mode::Claims, &mut out),
        Command::Rules => rules(&mut out).map(|()| Outcome::default()),
        Command::Explain { name } => explain(&name, &mut out),
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

/// One document to process.
struct Doc<'a> {
    name: &'a str,
    text: &'a str,
    format: InputFormat,
    date: Option<jiff::civil::Date>,
}

/// State across the documents of one run.
struct Runner<'w> {
    mode: Mode,
    format: Format,
    dump: Option<Stage>,
    rules: RuleSet,
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
}

fn run(args: &RunArgs, mode: Mode, out: &mut dyn Write) -> io::Result<Outcome> {
    let mut outcome = Outcome::default();
    let rules = match RuleSet::new(&args.select, &args.ignore) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            outcome.failed = true;
            return Ok(outcome);
        }
    };
    if mode == Mode::Claims
        && let Err(e) = claims_args(args)
    {
        eprintln!("error: {e}");
        outcome.failed = true;
        return Ok(outcome);
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
            Format::Jsonl => Box::new(json::Jsonl),
            Format::Concise => Box::new(render::concise::Concise),
            Format::Sarif => Box::new(render::sarif::Sarif::default()),
            Format::Github => Box::new(render::github::Github),
            Format::Rdjson => Box::new(render::rdjson::Rdjson::default()),
            Format::Junit => Box::new(render::junit::Junit::default()),
            Format::Checkstyle => Box::new(render::checkstyle::Checkstyle::default()),
        }
    };
    let mut runner = Runner {
        mode,
        format: args.format,
        dump: args.dump,
        rules,
        out,
        tally: Tally::default(),
        files: 0,
        json_files: Vec::new(),
        report,
        min_severity: args.severity.severity(),
        statistics: args.statistics,
    };
    let paths = if args.paths.is_empty() {
        let default = if io::stdin().is_terminal() { "." } else { "-" };
        vec![PathBuf::from(default)]
    } else {
        args.paths.clone()
    };
    for item in input::expand(&paths) {
        let path = match item {
            Ok(p) => p,
            Err((p, e)) => {
                eprintln!("error: {}: {e}", p.display());
                outcome.failed = true;
                continue;
            }
        };
        let stdin = path.as_os_str() == "-";
        let name = if stdin {
            "-".to_string()
        } else {
            path.display().to_string()
        };
        let format = match args.input_format {
            Markup::Plain => InputFormat::Plain,
            Markup::Markdown => InputFormat::Markdown,
            Markup::Auto => InputFormat::from_path(&path),
        };
        match args.input {
            InputKind::Jsonl => {
                let reader: Box<dyn BufRead> = if stdin {
                    Box::new(io::stdin().lock())
                } else {
                    match std::fs::File::open(&path) {
                        Ok(f) => Box::new(io::BufReader::new(f)),
                        Err(e) => {
                            eprintln!("error: {name}: {}", input::ReadError::Io(e));
                            outcome.failed = true;
                            continue;
                        }
                    }
                };
                if runner.records(&name, reader, format, args.date)? {
                    outcome.failed = true;
                }
            }
            InputKind::Text => {
                let text = if stdin {
                    let mut buf = Vec::new();
                    io::Read::read_to_end(&mut io::stdin().lock(), &mut buf)?;
                    input::decode(buf)
                } else {
                    input::read_text(&path)
                };
                match text {
                    Ok(text) => runner.document(&Doc {
                        name: &name,
                        text: &text,
                        format,
                        date: args.date,
                    })?,
                    // like ripgrep: a binary file is passed over with a notice
                    Err(e @ input::ReadError::Binary) => eprintln!("warning: {name}: {e}"),
                    Err(e) => {
                        eprintln!("error: {name}: {e}");
                        outcome.failed = true;
                    }
                }
            }
        }
    }
    runner.finish()?;
    outcome.errors = runner.tally.errors > 0 && !args.exit_zero;
    Ok(outcome)
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

impl Runner<'_> {
    /// Processes JSONL records; returns true when a line was malformed.
    fn records(
        &mut self,
        name: &str,
        mut reader: Box<dyn BufRead + '_>,
        format: InputFormat,
        default_date: Option<jiff::civil::Date>,
    ) -> io::Result<bool> {
        let mut bad = false;
        let mut line = String::new();
        let mut number = 0usize;
        loop {
            line.clear();
            number += 1;
            match reader.read_line(&mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                    eprintln!("error: {name}:{number}: not valid UTF-8");
                    bad = true;
                    // skip the rest of the bad line
                    let mut sink = Vec::new();
                    reader.read_until(b'\n', &mut sink)?;
                    continue;
                }
                Err(e) => return Err(e),
            }
            if line.trim().is_empty() {
                continue;
            }
            match batch::parse_record(&line) {
                Ok((rec, date)) => {
                    let id = rec.id.to_string();
                    self.record(
                        &rec.id,
                        &Doc {
                            name: &id,
                            text: &rec.text,
                            format,
                            date: date.or(default_date),
                        },
                    )?;
                }
                Err(e) => {
                    eprintln!("error: {name}:{number}: {e}");
                    bad = true;
                }
            }
        }
        Ok(bad)
    }

    /// One JSONL record: always exactly one output line in JSONL.
    fn record(&mut self, id: &serde_json::Value, doc: &Doc<'_>) -> io::Result<()> {
        let analysis = Analysis::new(
            doc.text,
            &Options {
                format: doc.format,
                date: doc.date,
            },
        );
        match (self.mode, self.format) {
            (Mode::Claims, Format::Jsonl) => json::write_line(
                self.out,
                &serde_json::json!({ "id": id, "claims": json::claims(&analysis) }),
            ),
            (Mode::Check, Format::Jsonl) if !self.statistics => {
                let checked = self.checked(doc.name, doc.text, &analysis);
                json::write_line(
                    self.out,
                    &serde_json::json!({ "id": id, "diagnostics": json::diagnostics(&checked) }),
                )
            }
            _ => self.render(doc, &analysis),
        }
    }

    /// One document from a file or stdin.
    fn document(&mut self, doc: &Doc<'_>) -> io::Result<()> {
        let analysis = Analysis::new(
            doc.text,
            &Options {
                format: doc.format,
                date: doc.date,
            },
        );
        self.render(doc, &analysis)
    }

    fn checked<'a>(
        &mut self,
        name: &'a str,
        text: &'a str,
        analysis: &Analysis<'_>,
    ) -> Checked<'a> {
        let mut diagnostics = check::run(analysis, &self.rules);
        diagnostics.retain(|d| d.severity >= self.min_severity);
        self.tally.add(&diagnostics);
        self.files += 1;
        Checked::new(name, text, diagnostics)
    }

    fn render(&mut self, doc: &Doc<'_>, analysis: &Analysis<'_>) -> io::Result<()> {
        if let Some(stage) = self.dump {
            return dump(self.out, doc.name, analysis, stage);
        }
        match self.mode {
            Mode::Claims => match self.format {
                Format::Human => render::claims::write_table(self.out, doc.name, analysis),
                Format::Jsonl => json::write_line(
                    self.out,
                    &serde_json::json!({ "path": doc.name, "claims": json::claims(analysis) }),
                ),
                Format::Json => {
                    let v =
                        serde_json::json!({ "path": doc.name, "claims": json::claims(analysis) });
                    self.json_files.push(v);
                    Ok(())
                }
                // refused before the run by `claims_args`
                _ => Ok(()),
            },
            Mode::Check => {
                let checked = self.checked(doc.name, doc.text, analysis);
                self.report.file(self.out, &checked)
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
    Ok(Outcome::default())
}
