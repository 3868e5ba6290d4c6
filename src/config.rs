//! Configuration: `figcheck.toml` (or `.figcheck.toml`), found by walking up
//! from each checked file, closest first, and resolved with the command line
//! into the [`Settings`] one file is checked with.
//!
//! The file is strict: unknown keys, unknown rule names, bad severities,
//! dates, globs and option values are errors that point into the TOML and
//! list the valid choices, never settings silently ignored. Validation
//! happens while deserializing, so every error carries the span the toml
//! crate knows for the offending key or value.
//!
//! Layering, last wins: the file's `select`/`ignore`, then each `[[overrides]]`
//! whose `files` globs match the path (in file order), then the command line.
//! A non-empty `select` replaces the set of checks; `ignore` turns checks off.
//! Globs are relative to the directory of the config file, `/`-separated,
//! and `*` does not cross a `/` (`**` does).

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};

use crate::check::{CheckOptions, REGISTRY, Registered, RuleSet, UnknownRule};
use crate::diagnostic::Severity;

/// The names a config file may have, in the order they are looked for in one
/// directory.
pub const FILE_NAMES: [&str; 2] = ["figcheck.toml", ".figcheck.toml"];

/// A config file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Checks to run (`all` or names); empty: all.
    #[serde(default)]
    pub select: Vec<RuleRef>,
    /// Checks not to run.
    #[serde(default)]
    pub ignore: Vec<RuleRef>,
    /// Severity per check (`all` for every check).
    #[serde(default)]
    pub severity: BTreeMap<RuleName, Severity>,
    /// The default document date.
    #[serde(default)]
    pub date: Option<DateValue>,
    /// Files taken when walking a directory; default: prose extensions.
    #[serde(default)]
    pub include: Vec<Pattern>,
    /// Files and directories passed over when walking a directory.
    #[serde(default)]
    pub exclude: Vec<Pattern>,
    /// Check options: `[rules.<check>] <option> = <number>`.
    #[serde(default)]
    pub rules: RuleOptions,
    /// Settings for the files matching some globs.
    #[serde(default)]
    pub overrides: Vec<Override>,
}

/// `[[overrides]]`: settings for the files its globs match.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Override {
    pub files: Vec<Pattern>,
    #[serde(default)]
    pub select: Vec<RuleRef>,
    #[serde(default)]
    pub ignore: Vec<RuleRef>,
    #[serde(default)]
    pub severity: BTreeMap<RuleName, Severity>,
    #[serde(default)]
    pub date: Option<DateValue>,
    #[serde(default)]
    pub rules: RuleOptions,
}

/// `all` or the name of a check, checked while reading.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RuleName(pub String);

fn rule_choices() -> String {
    let names: Vec<&str> = REGISTRY.iter().map(|r| r.name).collect();
    format!("`all`, `{}`", names.join("`, `"))
}

impl<'de> Deserialize<'de> for RuleName {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<RuleName, D::Error> {
        let s = String::deserialize(d)?;
        if s == "all" || REGISTRY.iter().any(|r| r.name == s) {
            Ok(RuleName(s))
        } else {
            Err(de::Error::custom(format!(
                "unknown rule `{s}`, expected one of {}",
                rule_choices()
            )))
        }
    }
}

/// A rule name in a list, with its span: toml gives array elements no span
/// of their own in errors, so names in lists are checked after reading.
#[derive(Debug, Clone)]
pub struct RuleRef {
    pub name: String,
    pub span: std::ops::Range<usize>,
}

impl<'de> Deserialize<'de> for RuleRef {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<RuleRef, D::Error> {
        let s = toml::Spanned::<String>::deserialize(d)?;
        Ok(RuleRef {
            span: s.span(),
            name: s.into_inner(),
        })
    }
}

impl ConfigFile {
    /// The first rule name in a list that is not a check, with its span.
    fn unknown_rule(&self) -> Option<&RuleRef> {
        let lists = [&self.select, &self.ignore]
            .into_iter()
            .chain(self.overrides.iter().flat_map(|o| [&o.select, &o.ignore]));
        lists
            .flatten()
            .find(|r| r.name != "all" && crate::check::find(&r.name).is_none())
    }

    /// The first glob that does not compile.
    fn bad_glob(&self) -> Option<(&str, &std::ops::Range<usize>)> {
        let lists = [&self.include, &self.exclude]
            .into_iter()
            .chain(self.overrides.iter().map(|o| &o.files));
        lists
            .flatten()
            .find_map(|p| p.glob.as_ref().err().map(|e| (e.as_str(), &p.span)))
    }
}

/// A `YYYY-MM-DD` date, quoted or a bare TOML date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateValue(pub jiff::civil::Date);

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<DateValue, D::Error> {
        let text = match toml::Value::deserialize(d)? {
            toml::Value::String(s) => s,
            toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.to_string(),
            other => other.to_string(),
        };
        crate::batch::parse_date(&text)
            .map(DateValue)
            .ok_or_else(|| {
                de::Error::custom(format!(
                    "`{text}` is not a date, expected a date of the form YYYY-MM-DD"
                ))
            })
    }
}

/// A glob, compiled while reading; a bad one keeps its error and span, as
/// array elements get no span of their own in toml's errors.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub text: String,
    pub span: std::ops::Range<usize>,
    pub glob: Result<Glob, String>,
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Pattern, D::Error> {
        let s = toml::Spanned::<String>::deserialize(d)?;
        let span = s.span();
        let text = s.into_inner();
        let glob = GlobBuilder::new(&text)
            .literal_separator(true)
            .build()
            .map_err(|e| {
                format!(
                    "invalid glob `{text}`: {}, expected a glob such as `archive/**` or `**/*.md`",
                    e.kind()
                )
            });
        Ok(Pattern { text, span, glob })
    }
}

/// `[rules.<check>]` tables: option values by check, in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleOptions(pub Vec<(&'static str, Vec<(String, f64)>)>);

impl<'de> Deserialize<'de> for RuleOptions {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<RuleOptions, D::Error> {
        d.deserialize_map(RulesVisitor)
    }
}

struct RulesVisitor;

impl<'de> Visitor<'de> for RulesVisitor {
    type Value = RuleOptions;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a table of check names")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RuleOptions, A::Error> {
        let mut out = Vec::new();
        while let Some(reg) = map.next_key_seed(CheckSeed)? {
            let values = map.next_value_seed(OptionsSeed(reg))?;
            out.push((reg.name, values));
        }
        Ok(RuleOptions(out))
    }
}

/// A check's name as a key: `all` is not one here.
struct CheckSeed;

impl<'de> DeserializeSeed<'de> for CheckSeed {
    type Value = &'static Registered;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let s = String::deserialize(d)?;
        crate::check::find(&s).ok_or_else(|| {
            let names: Vec<&str> = REGISTRY.iter().map(|r| r.name).collect();
            de::Error::custom(format!(
                "unknown rule `{s}`, expected one of `{}`",
                names.join("`, `")
            ))
        })
    }
}

/// The options table of one check.
struct OptionsSeed(&'static Registered);

impl<'de> DeserializeSeed<'de> for OptionsSeed {
    type Value = Vec<(String, f64)>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OptionsSeed {
    type Value = Vec<(String, f64)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a table of options of `{}`", self.0.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(name) = map.next_key_seed(OptionName(self.0))? {
            let value = map.next_value_seed(OptionValue(self.0, &name))?;
            out.push((name, value));
        }
        Ok(out)
    }
}

/// An option's name, declared by the check.
struct OptionName(&'static Registered);

impl<'de> DeserializeSeed<'de> for OptionName {
    type Value = String;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        let name = String::deserialize(d)?;
        let def = self.0.def();
        if def.options.contains_key(&name) {
            return Ok(name);
        }
        Err(de::Error::custom(if def.options.is_empty() {
            format!(
                "unknown option `{name}`: `{}` has no options, expected none",
                self.0.name
            )
        } else {
            let valid: Vec<&str> = def.options.keys().map(String::as_str).collect();
            format!(
                "unknown option `{name}` of `{}`, expected one of `{}`",
                self.0.name,
                valid.join("`, `")
            )
        }))
    }
}

/// An option's value, within the bounds the check declares.
struct OptionValue<'a>(&'static Registered, &'a str);

impl<'de> DeserializeSeed<'de> for OptionValue<'_> {
    type Value = f64;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<f64, D::Error> {
        let value = f64::deserialize(d)?;
        self.0
            .def()
            .validate(self.1, value)
            .map_err(de::Error::custom)?;
        Ok(value)
    }
}

/// A config file read and compiled.
#[derive(Debug)]
pub struct Config {
    /// The file.
    pub path: PathBuf,
    /// Its directory, absolute: globs are relative to it.
    pub dir: PathBuf,
    pub file: ConfigFile,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    overrides: Vec<GlobSet>,
}

fn glob_set(patterns: &[Pattern]) -> Result<GlobSet, globset::Error> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        if let Ok(g) = &p.glob {
            b.add(g.clone());
        }
    }
    b.build()
}

impl Config {
    /// Reads and compiles the config file at `path`.
    ///
    /// # Errors
    /// The file cannot be read, or it is not a valid config.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|error| ConfigError::Io {
            path: path.to_path_buf(),
            error,
        })?;
        Config::parse(path, &text)
    }

    /// Compiles `text`, the contents of the config file at `path`.
    ///
    /// # Errors
    /// Not a valid config: the error points into `text`.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let invalid = |message: String, span: Option<std::ops::Range<usize>>| {
            let (message, help) = split_expected(&message);
            ConfigError::Invalid(Box::new(Invalid {
                path: path.display().to_string(),
                source: miette::NamedSource::new(path.display().to_string(), text.to_string()),
                span,
                message,
                help,
            }))
        };
        let file: ConfigFile =
            toml::from_str(text).map_err(|e| invalid(e.message().to_string(), e.span()))?;
        if let Some(r) = file.unknown_rule() {
            return Err(invalid(
                format!(
                    "unknown rule `{}`, expected one of {}",
                    r.name,
                    rule_choices()
                ),
                Some(r.span.clone()),
            ));
        }
        if let Some((message, span)) = file.bad_glob() {
            return Err(invalid(message.to_string(), Some(span.clone())));
        }
        let compile = |patterns: &[Pattern]| {
            glob_set(patterns).map_err(|e| invalid(format!("invalid glob: {e}"), None))
        };
        let include = if file.include.is_empty() {
            None
        } else {
            Some(compile(&file.include)?)
        };
        let exclude = if file.exclude.is_empty() {
            None
        } else {
            Some(compile(&file.exclude)?)
        };
        let overrides = file
            .overrides
            .iter()
            .map(|o| compile(&o.files))
            .collect::<Result<Vec<_>, _>>()?;
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let dir = abs.parent().map_or_else(PathBuf::new, Path::to_path_buf);
        Ok(Config {
            path: path.to_path_buf(),
            dir,
            file,
            include,
            exclude,
            overrides,
        })
    }

    /// `path` relative to the config's directory, as globs see it.
    fn relative(&self, path: &Path) -> PathBuf {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        match abs.strip_prefix(&self.dir) {
            Ok(rel) => rel.to_path_buf(),
            Err(_) => abs,
        }
    }

    /// Whether the config has `exclude` globs.
    pub fn has_exclude(&self) -> bool {
        self.exclude.is_some()
    }

    /// Whether walking a directory should pass over `path`.
    pub fn excludes(&self, path: &Path) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|s| s.is_match(self.relative(path)))
    }

    /// Whether walking a directory takes the file `path`: it matches
    /// `include`, or, with no `include`, has a prose extension.
    pub fn includes(&self, path: &Path) -> Option<bool> {
        self.include
            .as_ref()
            .map(|s| s.is_match(self.relative(path)))
    }

    /// The indices of the overrides that apply to `path`.
    fn matching(&self, path: &Path) -> Vec<usize> {
        let rel = self.relative(path);
        self.overrides
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_match(&rel))
            .map(|(i, _)| i)
            .collect()
    }
}

/// "unknown field `x`, expected one of `a`, `b`" → the message, and the
/// valid choices as help.
fn split_expected(message: &str) -> (String, Option<String>) {
    let message = message.trim_end();
    match message.find(", expected ") {
        Some(i) => (
            message[..i].to_string(),
            Some(format!("expected {}", &message[i + ", expected ".len()..])),
        ),
        None => (message.to_string(), None),
    }
}

/// What the command line says, layered over every config.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub date: Option<jiff::civil::Date>,
}

/// The settings one file is checked with.
#[derive(Debug, Clone)]
pub struct Settings {
    pub rules: RuleSet,
    pub checks: CheckOptions,
    /// The default document date (front matter and records give their own).
    pub date: Option<jiff::civil::Date>,
    /// The config file used, if any.
    pub config: Option<PathBuf>,
    /// The `files` globs of the overrides that applied.
    pub overrides: Vec<String>,
    /// The config's `include` and `exclude` globs, for `figcheck config`.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

/// How configs are found.
#[derive(Debug)]
enum Source {
    /// Walk up from each file.
    Discover,
    /// `--config PATH`.
    Forced(Arc<Config>),
    /// `--isolated`.
    None,
}

/// Finds the config for each path and resolves its settings, caching both:
/// directories share their config, and files matching the same overrides
/// share one [`Settings`].
#[derive(Debug)]
pub struct Resolver {
    source: Source,
    cli: Overrides,
    /// Directory → the config that applies there.
    dirs: HashMap<PathBuf, Option<Arc<Config>>>,
    settings: HashMap<(Option<PathBuf>, Vec<usize>), Arc<Settings>>,
}

impl Resolver {
    /// `config`: `--config PATH`; `isolated`: `--isolated`.
    ///
    /// # Errors
    /// The forced config is invalid, or a name on the command line is not a
    /// check.
    pub fn new(
        cli: Overrides,
        config: Option<&Path>,
        isolated: bool,
    ) -> Result<Resolver, ConfigError> {
        RuleSet::new(&cli.select, &cli.ignore).map_err(ConfigError::Cli)?;
        let source = match (isolated, config) {
            (true, _) => Source::None,
            (false, Some(p)) => Source::Forced(Arc::new(Config::load(p)?)),
            (false, None) => Source::Discover,
        };
        Ok(Resolver {
            source,
            cli,
            dirs: HashMap::new(),
            settings: HashMap::new(),
        })
    }

    /// The config that applies to `path` (a file, or a directory: its own
    /// config counts).
    ///
    /// # Errors
    /// A config file found on the way is invalid.
    pub fn config_for(&mut self, path: &Path) -> Result<Option<Arc<Config>>, ConfigError> {
        match &self.source {
            Source::None => return Ok(None),
            Source::Forced(c) => return Ok(Some(Arc::clone(c))),
            Source::Discover => {}
        }
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let start = if abs.is_dir() {
            abs
        } else {
            abs.parent().map_or_else(PathBuf::new, Path::to_path_buf)
        };
        let mut visited = Vec::new();
        let mut found = None;
        for dir in start.ancestors() {
            if let Some(c) = self.dirs.get(dir) {
                found = c.clone();
                break;
            }
            visited.push(dir.to_path_buf());
            if let Some(file) = FILE_NAMES.iter().map(|n| dir.join(n)).find(|p| p.is_file()) {
                // named relative to the current directory where it can be
                let shown = std::env::current_dir()
                    .ok()
                    .and_then(|cwd| file.strip_prefix(cwd).ok().map(Path::to_path_buf))
                    .unwrap_or(file);
                found = Some(Arc::new(Config::load(&shown)?));
                break;
            }
        }
        for dir in visited {
            self.dirs.insert(dir, found.clone());
        }
        Ok(found)
    }

    /// The settings for the file `path`.
    ///
    /// # Errors
    /// A config file found on the way is invalid.
    pub fn settings(&mut self, path: &Path) -> Result<Arc<Settings>, ConfigError> {
        let config = self.config_for(path)?;
        let matching = config
            .as_ref()
            .map(|c| c.matching(path))
            .unwrap_or_default();
        let key = (config.as_ref().map(|c| c.path.clone()), matching);
        if let Some(s) = self.settings.get(&key) {
            return Ok(Arc::clone(s));
        }
        let s = Arc::new(resolve(config.as_deref(), &key.1, &self.cli)?);
        self.settings.insert(key, Arc::clone(&s));
        Ok(s)
    }
}

/// The layers in order: the file, its matching overrides, the command line.
fn resolve(
    config: Option<&Config>,
    matching: &[usize],
    cli: &Overrides,
) -> Result<Settings, ConfigError> {
    let mut rules = RuleSet::all();
    let mut checks = CheckOptions::default();
    let mut date = None;
    let mut applied = Vec::new();
    if let Some(c) = config {
        let f = &c.file;
        let mut layers = vec![(&f.select, &f.ignore, &f.severity, f.date, &f.rules)];
        for &i in matching {
            if let Some(o) = f.overrides.get(i) {
                layers.push((&o.select, &o.ignore, &o.severity, o.date, &o.rules));
                let globs: Vec<&str> = o.files.iter().map(|p| p.text.as_str()).collect();
                applied.push(globs.join(", "));
            }
        }
        for (select, ignore, severity, d, options) in layers {
            let names = |v: &[RuleRef]| v.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
            rules
                .apply(&names(select), &names(ignore))
                .map_err(ConfigError::Cli)?;
            for (name, sev) in severity {
                let targets: Vec<&str> = if name.0 == "all" {
                    REGISTRY.iter().map(|r| r.name).collect()
                } else {
                    vec![name.0.as_str()]
                };
                for t in targets {
                    checks.set_severity(t, *sev).map_err(ConfigError::Cli)?;
                }
            }
            for (check, values) in &options.0 {
                for (option, value) in values {
                    checks
                        .set_option(check, option, *value)
                        .map_err(ConfigError::Cli)?
                        .map_err(|e| ConfigError::Option(check.to_string(), e))?;
                }
            }
            if let Some(d) = d {
                date = Some(d.0);
            }
        }
    }
    rules
        .apply(&cli.select, &cli.ignore)
        .map_err(ConfigError::Cli)?;
    Ok(Settings {
        rules,
        checks,
        date: cli.date.or(date),
        config: config.map(|c| c.path.clone()),
        overrides: applied,
        include: globs(config.map(|c| &c.file.include[..])),
        exclude: globs(config.map(|c| &c.file.exclude[..])),
    })
}

fn globs(patterns: Option<&[Pattern]>) -> Vec<String> {
    patterns
        .unwrap_or_default()
        .iter()
        .map(|p| p.text.clone())
        .collect()
}

impl Settings {
    /// The settings in effect as a config file would write them, with
    /// comments naming where they came from, for `figcheck config`.
    pub fn to_toml(&self, path: &Path) -> String {
        let mut out = format!("# settings for `{}`\n", path.display());
        match &self.config {
            Some(c) => out.push_str(&format!("# config file: `{}`\n", c.display())),
            None => out.push_str("# config file: none (built-in defaults)\n"),
        }
        for o in &self.overrides {
            out.push_str(&format!("# override applied: files = `{o}`\n"));
        }
        let mut table = toml::Table::new();
        let on: Vec<toml::Value> = REGISTRY
            .iter()
            .filter(|r| self.rules.is_on(r.name))
            .map(|r| toml::Value::String(r.name.to_string()))
            .collect();
        table.insert("select".into(), toml::Value::Array(on));
        if let Some(d) = self.date {
            table.insert("date".into(), toml::Value::String(d.to_string()));
        }
        for (key, globs) in [("include", &self.include), ("exclude", &self.exclude)] {
            let list = globs
                .iter()
                .map(|g| toml::Value::String(g.clone()))
                .collect();
            table.insert(key.into(), toml::Value::Array(list));
        }
        let mut severity = toml::Table::new();
        let mut rules = toml::Table::new();
        for (i, r) in REGISTRY.iter().enumerate() {
            let Some(def) = self.checks.def(i) else {
                continue;
            };
            severity.insert(
                r.name.to_string(),
                toml::Value::String(def.severity.as_str().to_string()),
            );
            if !def.options.is_empty() {
                let opts: toml::Table = def
                    .options
                    .keys()
                    .map(|k| (k.clone(), toml::Value::Float(def.number(k))))
                    .collect();
                rules.insert(r.name.to_string(), toml::Value::Table(opts));
            }
        }
        table.insert("severity".into(), toml::Value::Table(severity));
        table.insert("rules".into(), toml::Value::Table(rules));
        match toml::to_string(&table) {
            Ok(s) => out.push_str(&s),
            Err(e) => out.push_str(&format!("# cannot write settings: {e}\n")),
        }
        out
    }
}

/// Where and how a config file is wrong.
#[derive(Debug)]
pub struct Invalid {
    pub path: String,
    pub source: miette::NamedSource<String>,
    /// Byte range in the file, when the toml crate knows it.
    pub span: Option<std::ops::Range<usize>>,
    pub message: String,
    /// The valid choices.
    pub help: Option<String>,
}

/// A config that cannot be used.
#[derive(Debug)]
pub enum ConfigError {
    Io {
        path: PathBuf,
        error: io::Error,
    },
    /// The file is not a valid config.
    Invalid(Box<Invalid>),
    /// A rule name on the command line.
    Cli(UnknownRule),
    /// An option rejected after reading (the reader checks them first).
    Option(String, crate::check::OptionError),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Io { path, error } => write!(
                f,
                "cannot read config `{}`: {}",
                path.display(),
                crate::input::ReadError::Io(io::Error::new(error.kind(), error.to_string()))
            ),
            ConfigError::Invalid(i) => write!(f, "invalid config `{}`: {}", i.path, i.message),
            ConfigError::Cli(e) => write!(f, "{e}"),
            ConfigError::Option(check, e) => write!(f, "`{check}`: {e}"),
        }
    }
}

impl std::error::Error for ConfigError {}

impl miette::Diagnostic for ConfigError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("config"))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        match self {
            ConfigError::Invalid(i) => i
                .help
                .as_ref()
                .map(|h| Box::new(h) as Box<dyn fmt::Display>),
            _ => None,
        }
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        match self {
            ConfigError::Invalid(i) => Some(&i.source),
            _ => None,
        }
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        match self {
            ConfigError::Invalid(i) => i.span.as_ref().map(|span| {
                Box::new(std::iter::once(miette::LabeledSpan::new_primary_with_span(
                    Some("here".to_string()),
                    (span.start, span.end.saturating_sub(span.start)),
                ))) as Box<dyn Iterator<Item = miette::LabeledSpan>>
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn parses(text: &str) -> Config {
        match Config::parse(Path::new("figcheck.toml"), text) {
            Ok(c) => c,
            Err(e) => panic!("{e}: {e:?}"),
        }
    }

    /// The error's message, help and the text its span covers.
    #[track_caller]
    fn fails(text: &str) -> (String, String, String) {
        match Config::parse(Path::new("figcheck.toml"), text) {
            Ok(_) => panic!("expected an error for {text:?}"),
            Err(ConfigError::Invalid(i)) => {
                let at = i.span.and_then(|s| text.get(s)).unwrap_or("").to_string();
                (i.message, i.help.unwrap_or_default(), at)
            }
            Err(e) => panic!("unexpected error {e}"),
        }
    }

    #[test]
    fn reads_every_key() {
        let c = parses(
            r#"
select = ["all"]
ignore = ["repeated-sentence"]
date = "2022-09-15"
include = ["**/*.md"]
exclude = ["drafts/**"]
[severity]
range-inverted = "error"
[rules.percent-change-contradicts-values]
min-points = 2
[[overrides]]
files = ["archive/**"]
ignore = ["impossible-date"]
date = 2001-01-01
"#,
        );
        assert_eq!(c.file.overrides.len(), 1);
        assert_eq!(c.matching(&c.dir.join("archive/a/b.md")), vec![0]);
        assert!(c.matching(&c.dir.join("news/archive/b.md")).is_empty());
        assert!(c.excludes(&c.dir.join("drafts/x.md")));
        assert_eq!(c.includes(&c.dir.join("a/b.md")), Some(true));
        assert_eq!(c.includes(&c.dir.join("a/b.txt")), Some(false));
        let s = resolve(Some(&c), &[0], &Overrides::default()).expect("valid");
        assert!(!s.rules.is_on("impossible-date") && !s.rules.is_on("repeated-sentence"));
        assert!(s.rules.is_on("range-inverted"));
        assert_eq!(s.date, Some(jiff::civil::date(2001, 1, 1)));
        let def = s.checks.def_of("percent-change-contradicts-values");
        assert_eq!(def.map(|d| d.number("min-points")), Some(2.0));
        let sev = s.checks.def_of("range-inverted").map(|d| d.severity);
        assert_eq!(sev, Some(Severity::Error));
    }

    #[test]
    fn the_command_line_wins() {
        let c = parses("select = [\"range-inverted\"]\ndate = \"2020-01-01\"");
        let cli = Overrides {
            select: vec!["all".into()],
            ignore: vec![],
            date: Some(jiff::civil::date(2021, 2, 3)),
        };
        let s = resolve(Some(&c), &[], &cli).expect("valid");
        assert!(s.rules.is_on("repeated-sentence"));
        assert_eq!(s.date, Some(jiff::civil::date(2021, 2, 3)));
    }

    #[test]
    fn errors_point_at_the_value_and_list_the_choices() {
        let (m, h, at) = fails("select = [\"range-inverted\", \"nope\"]");
        assert_eq!(m, "unknown rule `nope`");
        assert!(h.contains("`range-inverted`") && h.contains("`all`"), "{h}");
        assert_eq!(at, "\"nope\"");
        let (m, h, at) = fails("selekt = []");
        assert_eq!(
            (m.as_str(), at.as_str()),
            ("unknown field `selekt`", "selekt")
        );
        assert!(h.contains("`select`"), "{h}");
        let (m, _, at) = fails("[severity]\nrange-inverted = \"fatal\"");
        assert!(m.contains("`fatal`"), "{m}");
        assert_eq!(at, "\"fatal\"");
        let (m, _, _) = fails("date = \"15/09/2022\"");
        assert!(m.contains("`15/09/2022`"), "{m}");
        let (m, h, at) = fails("[rules.percent-change-contradicts-values]\nslack = 1");
        assert!(m.contains("unknown option `slack`"), "{m}");
        assert!(h.contains("`min-points`"), "{h}");
        assert_eq!(at, "slack");
        let (m, _, at) = fails("[rules.percent-change-contradicts-values]\nmin-points = -3");
        assert!(m.contains("out of range"), "{m}");
        assert_eq!(at, "-3");
        let (m, _, at) = fails("[rules.no-such-check]\nx = 1");
        assert!(m.contains("unknown rule `no-such-check`"), "{m}");
        assert!(at.contains("no-such-check"), "{at}");
        let (m, _, _) = fails("exclude = [\"a[\"]");
        assert!(m.contains("invalid glob `a[`"), "{m}");
    }

    #[test]
    fn settings_print_as_valid_toml() {
        let s = resolve(None, &[], &Overrides::default()).expect("valid");
        let text = s.to_toml(Path::new("a.md"));
        let back: toml::Table = toml::from_str(&text).expect("valid TOML");
        assert!(back.contains_key("select") && back.contains_key("severity"));
    }
}
