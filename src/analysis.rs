//! One document taken through the pipeline: prose, sentences, claims and
//! relations, computed once and shared by every check.

use crate::extract::{self, Claim, Relation};
use crate::source::{self, InputFormat, Prose, Span};

/// What the caller knows about a document besides its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub format: InputFormat,
    /// The date the document was written, for years left out ("Thursday,
    /// March 3") and relative dates. Front matter overrides it.
    pub date: Option<jiff::civil::Date>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            format: InputFormat::Plain,
            date: None,
        }
    }
}

/// What a run reads of an [`Analysis`] besides its sentences and claims.
/// A `check` run reads no claim's context and a `claims` run no relation,
/// so each leaves out what the other needs: on 5 MB of news the context
/// annotation took 84 M of a `check` run's 638 M instructions, the
/// relation reader 47 M of a `claims` run's 641 M.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    /// Each claim's time anchor, subject and source ([`Claim::context`]),
    /// which only the claims output shows.
    pub context: bool,
    /// The relations between figures, which only the checks read.
    pub relations: bool,
}

impl Needs {
    /// Everything: what [`Analysis::new`] computes.
    pub const ALL: Needs = Needs {
        context: true,
        relations: true,
    };
    /// What the checks read: the relations, not the context. The test
    /// `checks_read_no_context` holds every check to it.
    pub const CHECKS: Needs = Needs {
        context: false,
        relations: true,
    };
    /// What the claims output shows: the context, not the relations.
    pub const CLAIMS: Needs = Needs {
        context: true,
        relations: false,
    };
}

/// A document read, segmented and parsed: everything a check needs.
#[derive(Debug, Clone)]
pub struct Analysis<'a> {
    /// The original text, as the user wrote it.
    pub source: &'a str,
    pub prose: Prose<'a>,
    /// Prose byte ranges of the sentences, in order.
    pub sentences: Vec<Span>,
    /// Every figure, sorted by start.
    pub claims: Vec<Claim>,
    /// Comparisons between figures.
    pub relations: Vec<Relation>,
    /// The document's date: front matter, else the caller's.
    pub date: Option<jiff::civil::Date>,
}

impl<'a> Analysis<'a> {
    /// Runs the source layer, the segmenter and the extractor over `source`.
    pub fn new(source: &'a str, options: &Options) -> Analysis<'a> {
        Analysis::with(source, options, Needs::ALL)
    }

    /// [`Analysis::new`], computing only what `needs` asks for besides the
    /// sentences and claims: what it leaves out is empty (no context on
    /// any claim, no relation).
    pub fn with(source: &'a str, options: &Options, needs: Needs) -> Analysis<'a> {
        let prose = source::prose(source, options.format);
        let date = prose.date.or(options.date);
        let sentences = source::sentence::split(&prose.text);
        let claims = extract::extract_with(&prose.text, &sentences, needs.context);
        let relations = if needs.relations {
            extract::relation::relations(&prose.text, &sentences, &claims)
        } else {
            Vec::new()
        };
        Analysis {
            source,
            prose,
            sentences,
            claims,
            relations,
            date,
        }
    }

    /// The prose text.
    pub fn text(&self) -> &str {
        &self.prose.text
    }

    /// The prose text of a prose span.
    pub fn slice(&self, span: &Span) -> &str {
        self.prose.text.get(span.clone()).unwrap_or("")
    }

    /// The prose text of a claim.
    pub fn claim_text(&self, claim: &Claim) -> &str {
        self.slice(&claim.span)
    }

    /// Maps a prose span to the source file's bytes.
    pub fn to_source(&self, span: &Span) -> Span {
        self.prose.map.to_source(span.clone())
    }
}
