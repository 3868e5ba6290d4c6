//! Placeholder scanner: digit runs only. Replaced by the real extractor.

use super::{Claim, ClaimKind};
use crate::source::Span;

pub(super) fn claims(prose: &str, sentences: &[Span]) -> Vec<Claim> {
    let mut out = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let b = prose.as_bytes();
        let mut i = s.start;
        while i < s.end {
            if b[i].is_ascii_digit() {
                let st = i;
                while i < s.end && (b[i].is_ascii_digit() || b[i] == b'.') {
                    i += 1;
                }
                let v: f64 = prose[st..i].trim_end_matches('.').parse().unwrap_or(0.0);
                out.push(Claim {
                    span: st..i,
                    number_span: st..i,
                    kind: ClaimKind::Number,
                    value: Some(v),
                    step: 1.0,
                    unit: None,
                    approx: None,
                    low: v,
                    high: v,
                    measured: None,
                    date: None,
                    range: None,
                    part_of: None,
                    sentence: si,
                });
            }
            i += 1;
        }
    }
    out
}
