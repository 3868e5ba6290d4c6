//! XML text and attribute escaping, shared by the JUnit and Checkstyle
//! renderers.
//!
//! Documents are arbitrary UTF-8, and XML 1.0 cannot carry every character:
//! the C0 controls other than tab, line feed and carriage return, and the
//! non-characters U+FFFE and U+FFFF, are not allowed even as character
//! references. They are written as U+FFFD so the output always parses.

/// `s` escaped for an attribute value in double quotes, line ends and tabs
/// kept as character references so a parser returns them unchanged.
pub fn attr(s: &str) -> String {
    escape(s, true)
}

/// `s` escaped for element content.
pub fn text(s: &str) -> String {
    escape(s, false)
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\t' | '\n' => out.push(c),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{fffd}'),
        }
    }
    out
}

/// Whether XML 1.0 allows `c` (the `Char` production).
fn allowed(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::{attr, text};

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            attr(r#"a<b & "c" 'd'>"#),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
        assert_eq!(text(r#"a<b & "c">"#), r#"a&lt;b &amp; "c"&gt;"#);
    }

    #[test]
    fn line_ends_survive_in_attributes_and_controls_do_not_break_xml() {
        assert_eq!(attr("a\r\nb\tc"), "a&#13;&#10;b&#9;c");
        assert_eq!(text("a\nb"), "a\nb");
        assert_eq!(
            text("a\u{0}b\u{1b}c\u{fffe}"),
            "a\u{fffd}b\u{fffd}c\u{fffd}"
        );
        assert_eq!(text("€ 🦀"), "€ 🦀");
    }
}
