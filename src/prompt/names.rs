//! Answers that name people: a comma-separated line of names, a name that must be one of
//! the journal's, and the completion of a name being typed from the names the command gives.

use dialoguer::Completion;

use crate::domain::Explain;
use crate::domain::Name;
use crate::domain::text::{closest, name_key};
use crate::messages::{Message, Msg};

/// The names of a comma-separated line, each checked as a name, the same person once.
pub fn parse_names(line: &str) -> Result<Vec<Name>, Message> {
    let mut names: Vec<Name> = Vec::new();
    for part in line.split(',').filter(|part| !part.trim().is_empty()) {
        let name: Name = part.parse().map_err(|e: crate::domain::text::TextError| {
            Message::new(Msg::NameRefused)
                .with("name", part.trim())
                .with("why", e.explain())
        })?;
        if !names.iter().any(|known| known.key() == name.key()) {
            names.push(name);
        }
    }
    Ok(names)
}

/// An answer naming anyone, or none when empty.
pub(super) fn any_name(answer: &str) -> Result<Option<Name>, Message> {
    if answer.trim().is_empty() {
        return Ok(None);
    }
    answer
        .parse()
        .map(Some)
        .map_err(|e: crate::domain::text::TextError| e.message())
}

/// An answer naming one of `names` (case-insensitively), or none when empty.
pub fn known_name(answer: &str, names: &[String]) -> Result<Option<Name>, Message> {
    if answer.trim().is_empty() {
        return Ok(None);
    }
    let name: Name = answer
        .parse()
        .map_err(|e: crate::domain::text::TextError| e.message())?;
    if names.iter().any(|known| name_key(known) == name.key()) {
        return Ok(Some(name));
    }
    Err(
        match closest(name.as_str(), names.iter().map(String::as_str)) {
            Some(near) => Message::keyed(
                Msg::AnswerNoContactNear,
                &[("name", name.as_str()), ("near", near)],
            ),
            None => Message::keyed(Msg::AnswerNoContact, &[("name", name.as_str())]),
        },
    )
}

/// Completes the last name of a comma-separated line from the journal's contact names.
pub(super) struct NameCompletion {
    pub(super) names: Vec<String>,
}

impl Completion for NameCompletion {
    fn get(&self, input: &str) -> Option<String> {
        complete_last(input, &self.names)
    }
}

/// The beginning of a name as names are matched ([`name_key`]), keeping a space it ends with:
/// `Paul ` begins `Paul Martin`, not `Paula`.
fn prefix_key(text: &str) -> String {
    let key = name_key(text);
    if !key.is_empty() && text.ends_with(char::is_whitespace) {
        key + " "
    } else {
        key
    }
}

/// `line` with its last comma-separated name completed: to the one name it begins (compared
/// folded, as names match), or as far as the names it begins agree. `None` when nothing completes.
pub fn complete_last(line: &str, names: &[String]) -> Option<String> {
    let (head, last) = match line.rfind(',') {
        Some(comma) => (&line[..=comma], &line[comma + 1..]),
        None => ("", line),
    };
    let typed = last.trim_start();
    if typed.is_empty() {
        return None;
    }
    // Compared as names are matched: `ame` completes `Amélie`, `loic n'` `Loïc N’Diaye`.
    let typed_key = prefix_key(typed);
    let matches: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|name| name_key(name).starts_with(&typed_key))
        .collect();
    let completed = match matches.as_slice() {
        [] => return None,
        [only] => *only,
        [first, ..] => {
            // The longest beginning every match shares, compared case-insensitively, spelled
            // as the first match spells it; worth offering only when longer than what is typed.
            let shared = first
                .char_indices()
                .map(|(at, c)| at + c.len_utf8())
                .take_while(|&end| {
                    let stem = prefix_key(&first[..end]);
                    matches.iter().all(|name| name_key(name).starts_with(&stem))
                })
                .last()?;
            let stem = &first[..shared];
            if stem.chars().count() <= typed.chars().count() {
                return None;
            }
            stem
        }
    };
    if completed == typed {
        return None;
    }
    let space = if head.is_empty() { "" } else { " " };
    Some(format!("{head}{space}{completed}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        [
            "Paul Martin",
            "Paula Moreau",
            "Sophie Durand",
            "Élodie Roux",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn the_last_name_of_a_line_is_completed() {
        let cases = [
            // One name begins so: completed, spelled as recorded.
            ("so", Some("Sophie Durand")),
            ("élo", Some("Élodie Roux")),
            ("Paul M", Some("Paul Martin")),
            // Only the last name is completed; what comes before is kept.
            ("Sophie Durand, paul m", Some("Sophie Durand, Paul Martin")),
            ("x,so", Some("x, Sophie Durand")),
            // Several begin so: as far as they agree, when that adds something.
            ("p", Some("Paul")),
            ("paul", None),
            // Nothing to complete.
            ("", None),
            ("Sophie Durand, ", None),
            ("zo", None),
            ("Sophie Durand", None),
        ];
        for (line, expected) in cases {
            assert_eq!(
                complete_last(line, &names()).as_deref(),
                expected,
                "{line:?}"
            );
        }
    }

    #[test]
    fn completion_ignores_accents_and_apostrophe_styles() {
        let names = vec!["Amélie Dupré".to_string(), "Loïc N’Diaye".to_string()];
        assert_eq!(
            complete_last("ame", &names).as_deref(),
            Some("Amélie Dupré")
        );
        assert_eq!(
            complete_last("Paul, loic n'", &names).as_deref(),
            Some("Paul, Loïc N’Diaye")
        );
    }

    #[test]
    fn a_line_of_names_is_split_on_commas() {
        let names = |line: &str| -> Result<Vec<String>, String> {
            parse_names(line)
                .map(|names| names.iter().map(|n| n.to_string()).collect())
                .map_err(|e| e.to_string())
        };
        assert_eq!(names(""), Ok(vec![]));
        assert_eq!(names(" , "), Ok(vec![]));
        assert_eq!(
            names("Paul Martin,  Sophie   Durand ,"),
            Ok(vec!["Paul Martin".into(), "Sophie Durand".into()])
        );
        // The same person typed twice is met once.
        assert_eq!(
            names("Paul Martin, paul martin"),
            Ok(vec!["Paul Martin".into()])
        );
        let error = names("Paul, a\u{7}b").unwrap_err();
        assert!(error.contains("control character"), "{error}");
    }

    #[test]
    fn a_contact_answer_must_name_a_known_contact() {
        assert_eq!(known_name("  ", &names()), Ok(None));
        assert_eq!(
            known_name("paul martin", &names()).map(|n| n.map(|n| n.to_string())),
            Ok(Some("paul martin".into()))
        );
        let error = known_name("Paul Matin", &names()).unwrap_err();
        assert!(error.contains("did you mean `Paul Martin`?"), "{error}");
        let error = known_name("Zoé", &names()).unwrap_err();
        assert!(error.contains("no contact named `Zoé`"), "{error}");
    }
}
