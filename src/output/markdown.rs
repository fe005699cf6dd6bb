//! User values written into Markdown as literal text, so that a name, a reason or a note can
//! never become markup in the reader's renderer: no heading, no table cell boundary, no link,
//! no raw HTML (`<img src=x onerror=…>` stays text), no emphasis.

/// `text` as Markdown that renders as exactly `text`, on one line:
/// - the characters Markdown gives a meaning to inside a line — `\`, `` ` ``, `*`, `_`, `[`,
///   `]`, `<`, `>`, `|` (a table cell's edge), `~` (strikethrough), and `&` where it could
///   start an entity such as `&lt;` — are escaped with a backslash (CommonMark's escapes);
/// - line breaks (`\n`, `\r`, U+2028, U+2029, U+0085) and tabs become a space, so that a
///   value cannot start a line of its own (a heading, a list item, a table row) or end the
///   table it sits in;
/// - any other control character becomes `�` (an escape sequence does nothing when the file is
///   printed on a terminal).
///
/// Text that needs none of this, such as what the program writes itself, is unchanged.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .peek()
                .is_some_and(|next| next.is_ascii_alphanumeric() || *next == '#') =>
            {
                out.push_str("\\&");
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn plain_text_is_unchanged() {
        for text in [
            "BNI Montpellier",
            "Bernard & Associés",
            "won €2,400 for €298.88 spent",
            "left on 1 March 2024: “my name on press releases without my consent”",
            "J.-P. Dupont (CPME 34) #1 + 2 = 3!",
        ] {
            assert_eq!(escape(text), text);
        }
    }

    #[test]
    fn markup_is_escaped() {
        let cases = [
            (
                "<img src=x onerror=alert(document.cookie)>",
                "\\<img src=x onerror=alert(document.cookie)\\>",
            ),
            ("A | B", "A \\| B"),
            ("*bold* and _it_", "\\*bold\\* and \\_it\\_"),
            (
                "[click](javascript:alert(1))",
                "\\[click\\](javascript:alert(1))",
            ),
            ("`code`", "\\`code\\`"),
            ("a\\b", "a\\\\b"),
            ("~~struck~~", "\\~\\~struck\\~\\~"),
            ("&lt;script&gt;", "\\&lt;script\\&gt;"),
            ("&#60;", "\\&#60;"),
        ];
        for (text, expected) in cases {
            assert_eq!(escape(text), expected, "{text:?}");
        }
    }

    #[test]
    fn a_value_stays_on_its_line() {
        assert_eq!(escape("reason\n# heading"), "reason # heading");
        assert_eq!(escape("a\r\n| x | y |\r\n"), "a \\| x \\| y \\| ");
        assert_eq!(escape("a\rb\u{2028}c\u{2029}d\u{85}e\tf"), "a b c d e f");
        assert_eq!(escape("\u{1b}[31mred"), "\u{FFFD}\\[31mred");
        assert!(!escape("x\n\n- item\n---\n").contains('\n'));
    }
}
