//! The source-layer invariant the markdown, html and plain targets share.

use figcheck::source::Prose;

/// Every prose position and every prose range (at char boundaries) maps to
/// a source range inside `source`, in order.
pub fn assert_maps_inside(source: &str, prose: Prose<'_>) {
    let text = &prose.text;
    let len = source.len();
    let mut prev = 0;
    for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
        let pos = prose.map.to_source_pos(i);
        assert!(
            pos <= len,
            "prose {i} maps to {pos}, past the source's {len} bytes"
        );
        assert!(pos >= prev, "prose {i} maps to {pos}, before {prev}");
        prev = pos;
        let r = prose.map.to_source(0..i);
        assert!(
            r.start <= r.end && r.end <= len,
            "prose 0..{i} maps to {r:?} of {len}"
        );
    }
    for c in &prose.comments {
        assert!(
            c.span.end <= len && c.body.end <= len,
            "comment {c:?} past {len}"
        );
    }
}
