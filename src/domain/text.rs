//! Free text and names as typed: trimmed, checked, and compared case-insensitively.

use std::fmt;
use std::str::FromStr;

/// The longest name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest free text accepted (notes, rules, reasons), in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// The name of a network or a contact: trimmed, inner runs of spaces folded to one, no control
/// characters nor bidirectional overrides, not made of invisible characters alone, at most
/// [`MAX_NAME_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Name(String);

/// Why a typed name or text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("the name is empty: expected at least one letter")]
    EmptyName,
    #[error("the text is empty: expected at least one letter")]
    EmptyText,
    #[error("the name is {0} characters long: expected at most {MAX_NAME_CHARS}")]
    NameTooLong(usize),
    #[error("the text is {0} characters long: expected at most {MAX_TEXT_CHARS}")]
    TextTooLong(usize),
    #[error("{0:?} contains a control character: expected printable text")]
    Control(String),
}

impl TextError {
    /// The message in both languages.
    pub fn said(&self) -> crate::error::Said {
        use crate::error::Said;
        use crate::messages::Msg;
        match self {
            TextError::EmptyName => Said::keyed(Msg::EmptyName, &[]),
            TextError::EmptyText => Said::keyed(Msg::EmptyText, &[]),
            TextError::NameTooLong(n) => Said::keyed(
                Msg::NameTooLong,
                &[("n", &n.to_string()), ("max", &MAX_NAME_CHARS.to_string())],
            ),
            TextError::TextTooLong(n) => Said::keyed(
                Msg::TextTooLong,
                &[("n", &n.to_string()), ("max", &MAX_TEXT_CHARS.to_string())],
            ),
            TextError::Control(value) => {
                Said::keyed(Msg::ControlCharacter, &[("value", &format!("{value:?}"))])
            }
        }
    }
}

impl Name {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form names are compared and stored under for uniqueness.
    pub fn key(&self) -> String {
        name_key(&self.0)
    }
}

/// The case-insensitive key of a name: Unicode lower case, spaces folded.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl FromStr for Name {
    type Err = TextError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.chars().any(|c| c.is_control() || is_bidi_control(c)) {
            return Err(TextError::Control(shorten(text)));
        }
        let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if folded.chars().all(|c| c == ' ' || is_invisible(c)) {
            return Err(TextError::EmptyName);
        }
        let count = folded.chars().count();
        if count > MAX_NAME_CHARS {
            return Err(TextError::NameTooLong(count));
        }
        Ok(Name(folded))
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Free text (notes, rules, reasons): trimmed, not empty, tabs and new lines allowed (a Windows
/// line end read as one new line), other control characters (a lone `\r` among them, which
/// would overwrite a line on a terminal) and bidirectional overrides refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(String);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl FromStr for Text {
    type Err = TextError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.replace("\r\n", "\n");
        if text
            .chars()
            .any(|c| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c))
        {
            return Err(TextError::Control(shorten(&text)));
        }
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(TextError::EmptyText);
        }
        let count = trimmed.chars().count();
        if count > MAX_TEXT_CHARS {
            return Err(TextError::TextTooLong(count));
        }
        Ok(Text(trimmed.to_string()))
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Free text on one line (runs of white space, line breaks included, folded to one space), cut
/// to at most `max` characters, the last one `…` when it was cut.
pub fn one_line(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        line
    } else {
        let head: String = line.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", head.trim_end())
    }
}

/// The characters that change the direction of the text after them (U+202A to U+202E, U+2066
/// to U+2069): `\u{202E}gpj.exe` shows as `exe.jpg`. Refused in names and texts.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that show nothing: zero-width spaces and joiners, direction marks, the soft
/// hyphen, the byte-order mark, and the bidirectional controls. A name of these alone looks
/// empty; an address holding one is two addresses that look alike.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'..='\u{2064}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
    ) || is_bidi_control(c)
}

/// The first characters of a long value, for a message.
fn shorten(text: &str) -> String {
    const KEEP: usize = 40;
    if text.chars().count() <= KEEP {
        text.to_string()
    } else {
        let head: String = text.chars().take(KEEP).collect();
        format!("{head}…")
    }
}

/// `a`, `a or b`, `a, b or c`.
pub fn join_or(words: &[&str]) -> String {
    join_in(words, crate::i18n::Lang::En)
}

/// [`join_or`] in `lang`: `a, b ou c` in French.
pub fn join_in(words: &[&str], lang: crate::i18n::Lang) -> String {
    let or = match lang {
        crate::i18n::Lang::En => "or",
        crate::i18n::Lang::Fr => "ou",
    };
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} {or} {last}", init.join(", ")),
    }
}

/// The candidate closest to `wanted`, compared case-insensitively, for a "did you mean" hint;
/// `None` when no candidate is close enough to be worth suggesting.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = name_key(wanted);
    candidates
        .into_iter()
        .map(|candidate| {
            let key = name_key(candidate);
            let mut score = strsim::jaro_winkler(&wanted, &key);
            // A typed fragment of a longer name ("bni" for "BNI Montpellier") is a strong hint.
            if !wanted.is_empty() && key.contains(&wanted) {
                score += 1.0;
            }
            (score, candidate)
        })
        .filter(|(score, _)| *score >= MIN_LIKENESS)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// How alike (Jaro-Winkler, 0 to 1) a name must be to be suggested: a typo or a missing word
/// passes, an unrelated name does not.
const MIN_LIKENESS: f64 = 0.7;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_folds_white_space_and_cuts_long_text() {
        assert_eq!(one_line("a  real\n\ttalk ", 20), "a real talk");
        assert_eq!(one_line("abcde", 5), "abcde");
        assert_eq!(one_line("abcdef", 5), "abcd…");
        assert_eq!(one_line("ab   cdef", 4), "ab…");
        assert_eq!(one_line("éééééé", 4).chars().count(), 4);
        assert_eq!(one_line("", 4), "");
    }

    #[test]
    fn names_are_trimmed_and_folded() {
        let cases = [
            ("BNI Montpellier", "BNI Montpellier"),
            ("  BNI   Montpellier ", "BNI Montpellier"),
            ("Réseau Femmes", "Réseau Femmes"),
        ];
        for (text, expected) in cases {
            assert_eq!(text.parse::<Name>().unwrap().as_str(), expected, "{text}");
        }
    }

    #[test]
    fn names_compare_case_insensitively_beyond_ascii() {
        let a: Name = "ÉLAN Entreprendre".parse().unwrap();
        let b: Name = "élan   entreprendre".parse().unwrap();
        assert_eq!(a.key(), b.key());
    }

    #[test]
    fn bad_names_are_refused() {
        assert_eq!("".parse::<Name>(), Err(TextError::EmptyName));
        assert_eq!("   ".parse::<Name>(), Err(TextError::EmptyName));
        assert_eq!(
            "a\u{7}b".parse::<Name>(),
            Err(TextError::Control("a\u{7}b".into()))
        );
        assert_eq!(
            "a\nb".parse::<Name>(),
            Err(TextError::Control("a\nb".into()))
        );
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            long.parse::<Name>(),
            Err(TextError::NameTooLong(MAX_NAME_CHARS + 1))
        );
        assert!("x".repeat(MAX_NAME_CHARS).parse::<Name>().is_ok());
        // Invisible alone is empty; a direction override is a control character.
        for invisible in ["\u{200B}", "\u{200B}\u{200C} \u{FEFF}", "\u{2060}\u{00AD}"] {
            assert_eq!(
                invisible.parse::<Name>(),
                Err(TextError::EmptyName),
                "{invisible:?}"
            );
        }
        assert!(matches!(
            "Paul \u{202E}nitraM".parse::<Name>(),
            Err(TextError::Control(_))
        ));
        assert!("Zoë\u{200D}O'Brien".parse::<Name>().is_ok());
    }

    #[test]
    fn texts_keep_lines_but_refuse_other_controls() {
        assert_eq!(
            "line one\nline two".parse::<Text>().unwrap().as_str(),
            "line one\nline two"
        );
        assert_eq!(" x ".parse::<Text>().unwrap().as_str(), "x");
        assert_eq!("".parse::<Text>(), Err(TextError::EmptyText));
        assert!(matches!(
            "a\u{1b}[31m".parse::<Text>(),
            Err(TextError::Control(_))
        ));
        assert_eq!("a\r\nb".parse::<Text>().unwrap().as_str(), "a\nb");
        for bad in ["done\rforged", "a\u{202E}b", "a\u{2066}b"] {
            assert!(
                matches!(bad.parse::<Text>(), Err(TextError::Control(_))),
                "{bad:?}"
            );
        }
        let long = "x".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            long.parse::<Text>(),
            Err(TextError::TextTooLong(MAX_TEXT_CHARS + 1))
        );
    }

    #[test]
    fn closest_prefers_near_spellings_and_fragments() {
        let names = [
            "BNI Montpellier",
            "Femmes Chefs d'Entreprise",
            "CPME Hérault",
        ];
        let cases = [
            ("BNI Montpelier", "BNI Montpellier"),
            ("bni", "BNI Montpellier"),
            ("femmes", "Femmes Chefs d'Entreprise"),
            ("cpme herault", "CPME Hérault"),
        ];
        for (wanted, expected) in cases {
            assert_eq!(closest(wanted, names), Some(expected), "{wanted}");
        }
        assert_eq!(closest("x", []), None);
        assert_eq!(closest("Nobody", ["Julien Moreau", "Gérard Vidal"]), None);
    }

    #[test]
    fn join_or_reads_as_a_sentence() {
        assert_eq!(join_or(&[]), "");
        assert_eq!(join_or(&["a"]), "a");
        assert_eq!(join_or(&["a", "b"]), "a or b");
        assert_eq!(join_or(&["a", "b", "c"]), "a, b or c");
    }
}
