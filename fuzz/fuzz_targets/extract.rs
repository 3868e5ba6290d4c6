//! Fuzzes the claim extractor: arbitrary text, split into sentences, must
//! give claims whose spans lie inside the prose and on char boundaries.
#![no_main]

use figcheck::extract;
use figcheck::source::sentence;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let sentences = sentence::split(text);
    let claims = extract::extract(text, &sentences);
    for c in &claims {
        for span in [Some(&c.span), Some(&c.number_span), c.measured.as_ref()]
            .into_iter()
            .flatten()
        {
            assert!(span.start <= span.end, "reversed span {span:?}");
            assert!(
                text.get(span.clone()).is_some(),
                "span {span:?} not on char boundaries"
            );
        }
        assert!(c.sentence < sentences.len(), "sentence index out of range");
    }
    let _ = extract::relation::relations(text, &sentences, &claims);
});
