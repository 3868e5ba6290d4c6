//! Offsets are sacred: a diagnostic on a Markdown file with a byte-order
//! mark, CRLF line ends, front matter, a tab, emphasis and non-ASCII text
//! points at the right bytes, line and column of the original file.

mod common;

use common::{fixture, run};

#[test]
fn labels_point_at_the_original_bytes_lines_and_columns() {
    let o = run(&["check", "--format", "json", "offsets-crlf.md"], None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let text = std::fs::read_to_string(fixture("offsets-crlf.md")).unwrap();
    let diags = v["files"][0]["diagnostics"].as_array().unwrap();
    let d = diags
        .iter()
        .find(|d| d["code"] == "direction-contradicts-values")
        .expect("the contradiction is found through the markup");
    let line7 = text.split('\n').nth(6).unwrap();
    for l in d["labels"].as_array().unwrap() {
        let start = l["start"].as_u64().unwrap() as usize;
        let end = l["end"].as_u64().unwrap() as usize;
        let shown = l["text"].as_str().unwrap();
        assert_eq!(&text[start..end], shown);
        assert_eq!(l["line"], 7, "{l}");
        // the column counts characters: "Öl" is one column each, the tab one
        let line_start = text.find("Öl:").unwrap();
        let expected_col = text[line_start..start].chars().count() + 1;
        assert_eq!(l["column"].as_u64().unwrap() as usize, expected_col, "{l}");
        assert!(line7.contains(shown));
    }
    let texts: Vec<&str> = d["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.iter().any(|t| t.ends_with("13 million barrels")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.ends_with("16 million barrels")),
        "{texts:?}"
    );
    // nothing is reported from code or the link target
    for d in diags {
        for l in d["labels"].as_array().unwrap() {
            let t = l["text"].as_str().unwrap();
            assert!(!t.contains("99") && !t.contains("12)"), "{t}");
        }
    }
}
