//! One document taken through the pipeline: prose, sentences, claims and
//! relations, computed once and shared by every check.

use std::sync::OnceLock;

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
    /// Where the prose's first `=` is ([`Analysis::first_equals`]).
    equals: OnceLock<Option<usize>>,
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
        Analysis::assembled(source, prose, sentences, claims, relations, date)
    }

    /// An analysis of parts already computed.
    pub(crate) fn assembled(
        source: &'a str,
        prose: Prose<'a>,
        sentences: Vec<Span>,
        claims: Vec<Claim>,
        relations: Vec<Relation>,
        date: Option<jiff::civil::Date>,
    ) -> Analysis<'a> {
        Analysis {
            source,
            prose,
            sentences,
            claims,
            relations,
            date,
            equals: OnceLock::new(),
        }
    }

    /// The offset of the prose's first `=`, if it has one: searched for
    /// once, as both statistic checks ask (a report needs an `=`, and most
    /// documents have none). Searched for by each, the two took 2.05 M
    /// instructions over 5.6 MB of news, 1.41 M now.
    pub fn first_equals(&self) -> Option<usize> {
        *self
            .equals
            .get_or_init(|| memchr::memchr(b'=', self.prose.text.as_bytes()))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The first `=` found once is the text's first, in prose read from
    /// plain text and from Markdown (whose markup is left out), over
    /// strings glued from statistics, signs and characters beyond ASCII;
    /// asked again, it is the same.
    #[test]
    fn the_first_equals_sign_is_the_texts() {
        const PIECES: &[&str] = &[
            "t(28) = 2.20",
            ", p = .03",
            "=",
            "==",
            " ",
            "\n",
            "\n\n",
            "é",
            "≠",
            "<!-- = -->",
            "`a = b`",
            "# ",
            "x",
            "5%",
            ".",
        ];
        let mut with = 0;
        for text in crate::testgen::glued(5_000, 8, PIECES, 0x3e9) {
            for format in [InputFormat::Plain, InputFormat::Markdown] {
                let options = Options { format, date: None };
                let doc = Analysis::with(&text, &options, Needs::CHECKS);
                let want = doc.text().find('=');
                assert_eq!(doc.first_equals(), want, "{text:?}");
                assert_eq!(doc.first_equals(), want, "{text:?}");
                with += usize::from(want.is_some());
            }
        }
        assert!(with > 1_000 && with < 9_000, "{with}");
    }
}
