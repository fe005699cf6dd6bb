//! The journal's own names offered to a shell completing `--network`, `--contact`, `--met`
//! and the name arguments: read from the journal the command line being completed names
//! (`--db`, else `NETJOURNAL_DB`, else the default), opened read-only.
//!
//! A completion runs at every Tab, inside the user's shell: it never writes to the journal,
//! never creates one, and never says anything. A journal that is missing, locked, damaged
//! or not a journal at all offers no names, silently.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clap_complete::engine::{ArgValueCompleter, CompletionCandidate, ValueCompleter};

use rusqlite::Connection;

use crate::db::{self, Access, Journal, Named, names_starting};
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
        self.read(path, typed)
            .unwrap_or_default()
            .into_iter()
            .map(CompletionCandidate::new)
            .collect()
    }
}

impl Names {
    /// The names of this sort in the journal at `path` that begin with `typed`; `None` when it
    /// cannot be read. A missing file is not created: it is no journal, and has no names.
    fn read(self, path: &Path, typed: &str) -> Option<Vec<String>> {
        if !path.is_file() {
            return None;
        }
        let journal = Journal::open(path, Access::ReadOnly).ok()?;
        self.starting(journal.conn(), typed).ok()
    }

    /// The names that begin with what was typed, read as the journal reads names: ignoring
    /// case, accents, apostrophe and dash styles and extra spaces (`les mat` offers `Les
    /// Matinales du Lez`, `elo` offers `Éloïse`), by the keys the journal keeps for that (see
    /// [`name_key`]), in the journal's order, which is by name. A space typed after a word ends
    /// that word: `Paul ` is not the start of `Pauline`.
    fn starting(self, conn: &Connection, typed: &str) -> Result<Vec<String>, db::Error> {
        let mut key = name_key(typed);
        if typed.ends_with(char::is_whitespace) && !key.is_empty() {
            key.push(' ');
        }
        let table = match self {
            Names::Networks => Named::Networks,
            Names::Contacts => Named::Contacts,
        };
        names_starting(conn, table, &key)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::db::contact::{self, NewContact};

    #[test]
    fn names_match_as_the_journal_matches_them() {
        let journal = Journal::open_empty().expect("an empty journal");
        let day = NaiveDate::from_ymd_opt(2024, 6, 15).expect("a day");
        for name in [
            "Paul",
            "Éloïse Martin",
            "Les Matinales du Lez",
            "L’Atelier",
            "Pauline",
        ] {
            let named = NewContact::named(name.parse().expect("a name"), None, day);
            contact::insert(journal.conn(), &named, "2024-06-15T00:00:00Z").expect("insert");
        }
        let cases: &[(&str, &[&str])] = &[
            (
                "",
                &[
                    "Éloïse Martin",
                    "L’Atelier",
                    "Les Matinales du Lez",
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
            ("%", &[]),
            ("_", &[]),
        ];
        for (typed, expected) in cases {
            let names = Names::Contacts
                .starting(journal.conn(), typed)
                .expect("names");
            assert_eq!(&names, expected, "typed {typed:?}");
        }
        let none = Names::Networks
            .starting(journal.conn(), "")
            .expect("networks");
        assert!(none.is_empty(), "{none:?}");
    }
}
