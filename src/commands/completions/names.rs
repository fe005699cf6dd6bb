//! The journal's own names offered to a shell completing `--network`, `--contact`, `--met`
//! and the name arguments: read from the journal the command line being completed names
//! (`--db`, else `NETJOURNAL_DB`, else the default), opened read-only.
//!
//! A completion runs at every Tab, inside the user's shell: it never writes to the journal,
//! never creates one, and never says anything. A journal that is missing, locked, damaged
//! or not a journal at all offers no names, silently.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::sync::OnceLock;

use clap_complete::engine::{ArgValueCompleter, CompletionCandidate, ValueCompleter};

use crate::db::{self, Access, Journal};
use crate::domain::text::name_key;

/// Which of the journal's names an argument takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Names {
    Networks,
    Contacts,
}

/// The completer of an argument that takes a network's name.
pub fn networks() -> ArgValueCompleter {
    ArgValueCompleter::new(Names::Networks)
}

/// The completer of an argument that takes a contact's name.
pub fn contacts() -> ArgValueCompleter {
    ArgValueCompleter::new(Names::Contacts)
}

/// The journal the command line being completed names, set once by the completion's entry
/// before the completers run (a completer sees only the word it completes).
static JOURNAL: OnceLock<Option<PathBuf>> = OnceLock::new();

/// Remembers the journal the completed command line names: `None` when it names none that
/// can be found (then no name is offered).
pub fn use_journal(path: Option<PathBuf>) {
    let _ = JOURNAL.set(path);
}

impl ValueCompleter for Names {
    fn complete(&self, current: &OsStr) -> Vec<CompletionCandidate> {
        let Some(Some(path)) = JOURNAL.get() else {
            return Vec::new();
        };
        let Some(typed) = current.to_str() else {
            return Vec::new();
        };
        self.read(path)
            .map(|names| matching(names, typed))
            .unwrap_or_default()
            .into_iter()
            .map(CompletionCandidate::new)
            .collect()
    }
}

impl Names {
    /// Every name of this sort in the journal at `path`; `None` when it cannot be read. A
    /// missing file is not created: it is no journal, and has no names.
    fn read(self, path: &std::path::Path) -> Option<Vec<String>> {
        if !path.is_file() {
            return None;
        }
        let journal = Journal::open(path, Access::ReadOnly).ok()?;
        let names = match self {
            Names::Networks => db::network::names(journal.conn()),
            Names::Contacts => db::contact::names(journal.conn()),
        };
        names.ok()
    }
}

/// The names that begin with what was typed, read as the journal reads names: ignoring case,
/// accents, apostrophe and dash styles and extra spaces (`les mat` offers `Les Matinales du
/// Lez`, `elo` offers `Éloïse`). In the journal's order, which is by name.
pub fn matching(names: Vec<String>, typed: &str) -> Vec<String> {
    let mut typed_key = name_key(typed);
    // A space typed after a word ends that word: `Paul ` is not the start of `Pauline`.
    if typed.ends_with(char::is_whitespace) && !typed_key.is_empty() {
        typed_key.push(' ');
    }
    let typed = typed_key;
    names
        .into_iter()
        .filter(|name| name_key(name).starts_with(&typed))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        [
            "Éloïse Martin",
            "Les Matinales du Lez",
            "L’Atelier",
            "Paul",
            "Pauline",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn names_match_as_the_journal_matches_them() {
        let cases: &[(&str, &[&str])] = &[
            (
                "",
                &[
                    "Éloïse Martin",
                    "Les Matinales du Lez",
                    "L’Atelier",
                    "Paul",
                    "Pauline",
                ],
            ),
            ("Les", &["Les Matinales du Lez"]),
            ("les  mat", &["Les Matinales du Lez"]),
            ("elo", &["Éloïse Martin"]),
            ("ÉLOÏSE M", &["Éloïse Martin"]),
            ("l'at", &["L’Atelier"]),
            ("Paul", &["Paul", "Pauline"]),
            ("Paul ", &[]),
            ("Pauline", &["Pauline"]),
            ("x", &[]),
        ];
        for (typed, expected) in cases {
            assert_eq!(&matching(names(), typed), expected, "typed {typed:?}");
        }
    }
}
