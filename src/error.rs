//! The one error a command returns to the user: a kind that decides the exit code, a message
//! that names the bad value, and hints for the next step.

use std::fmt;
use std::io;
use std::process::ExitCode;

use crate::db;
use crate::i18n::{Lang, Template};

/// What kind of failure ended a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The user typed something wrong or left something out: exit 2, nothing changed.
    BadInput,
    /// Anything else (the file, the disk, a bug): exit 1.
    Failure,
    /// The reader of our output went away (`netjournal list … | head`): not an error.
    BrokenPipe,
}

/// A sentence for the user in English and, once written, in French (see `messages`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Said {
    pub en: String,
    pub fr: Option<String>,
}

impl Said {
    /// The keyed sentence `key`, filled with `args`, in both languages.
    pub fn keyed(key: impl Template, args: &[(&str, &str)]) -> Said {
        Said {
            en: Lang::En.say(key, args),
            fr: Some(Lang::Fr.say(key, args)),
        }
    }

    /// A sentence put together in each language by `say` (one whose slots hold other
    /// keyed sentences, such as what a setting expects).
    pub fn each(say: impl Fn(Lang) -> String) -> Said {
        Said {
            en: say(Lang::En),
            fr: Some(say(Lang::Fr)),
        }
    }

    /// The sentence in `lang`, English where no French was written.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.fr) {
            (Lang::Fr, Some(fr)) => fr,
            _ => &self.en,
        }
    }

    pub fn contains(&self, needle: &str) -> bool {
        self.en.contains(needle)
    }
}

/// Why the system refused a file or a folder, in `lang`: the common refusals in our words (the
/// disk is full, permission denied…), any other in the system's own
/// (`Too many levels of symbolic links (os error 40)`).
pub fn io_reason(error: &io::Error, lang: Lang) -> String {
    use crate::messages::Msg;
    use io::ErrorKind as Kind;
    let key = match error.kind() {
        Kind::NotFound => Some(Msg::IoNotFound),
        Kind::PermissionDenied => Some(Msg::IoPermissionDenied),
        Kind::AlreadyExists => Some(Msg::IoAlreadyExists),
        Kind::ReadOnlyFilesystem => Some(Msg::IoReadOnly),
        Kind::StorageFull => Some(Msg::IoStorageFull),
        Kind::NotADirectory => Some(Msg::IoNotADirectory),
        Kind::IsADirectory => Some(Msg::IoIsADirectory),
        _ => None,
    };
    match key {
        Some(key) => lang.say(key, &[]),
        None => error.to_string(),
    }
}

impl From<String> for Said {
    fn from(en: String) -> Said {
        Said { en, fr: None }
    }
}

impl From<&str> for Said {
    fn from(en: &str) -> Said {
        Said {
            en: en.to_string(),
            fr: None,
        }
    }
}

impl PartialEq<&str> for Said {
    fn eq(&self, other: &&str) -> bool {
        self.en == *other
    }
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// An error as the user sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    pub kind: ErrorKind,
    pub message: Said,
    pub hints: Vec<Said>,
}

impl CliError {
    pub fn bad_input(message: impl Into<Said>) -> CliError {
        CliError {
            kind: ErrorKind::BadInput,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    pub fn failure(message: impl Into<Said>) -> CliError {
        CliError {
            kind: ErrorKind::Failure,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    /// Adds a `hint:` line.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<Said>) -> CliError {
        self.hints.push(hint.into());
        self
    }

    /// `error: …` then one `hint: …` line per hint, in `lang`. A value quoted in them (a name
    /// from the journal, a line of a file) shows its control characters without obeying them
    /// (see [`printable`](crate::domain::text::printable)).
    pub fn render(&self, lang: Lang) -> String {
        let (error, hint) = match lang {
            Lang::En => ("error: ", "hint: "),
            Lang::Fr => ("erreur : ", "astuce : "),
        };
        let mut out = format!("{error}{}", self.message.get(lang));
        for line in &self.hints {
            out.push('\n');
            out.push_str(hint);
            out.push_str(line.get(lang));
        }
        crate::domain::text::printable(&out).into_owned()
    }

    pub fn exit_code(&self) -> ExitCode {
        match self.kind {
            ErrorKind::BadInput => ExitCode::from(2),
            ErrorKind::Failure => ExitCode::FAILURE,
            ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        }
    }
}

impl fmt::Display for CliError {
    /// In English; the command line renders it in the user's language (`render`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for CliError {}

impl From<db::Error> for CliError {
    fn from(error: db::Error) -> CliError {
        let cli = CliError::failure(error.said());
        match error.hint() {
            Some(hint) => cli.with_hint(hint),
            None => cli,
        }
    }
}

impl From<rusqlite::Error> for CliError {
    fn from(error: rusqlite::Error) -> CliError {
        CliError::from(db::Error::from(error))
    }
}

impl From<io::Error> for CliError {
    fn from(error: io::Error) -> CliError {
        if error.kind() == io::ErrorKind::BrokenPipe {
            CliError {
                kind: ErrorKind::BrokenPipe,
                message: Said::default(),
                hints: Vec::new(),
            }
        } else {
            CliError::failure(Said::each(|lang| {
                let why = io_reason(&error, lang);
                lang.say(crate::messages::Msg::CannotWriteOutput, &[("why", &why)])
            }))
        }
    }
}

impl From<csv::Error> for CliError {
    fn from(error: csv::Error) -> CliError {
        match error.into_kind() {
            csv::ErrorKind::Io(error) => CliError::from(error),
            other => CliError::failure(Said::keyed(
                crate::messages::Msg::CannotWriteCsv,
                &[("why", &format!("{other:?}"))],
            )),
        }
    }
}

impl From<serde_json::Error> for CliError {
    fn from(error: serde_json::Error) -> CliError {
        match error.io_error_kind() {
            Some(kind) => CliError::from(io::Error::from(kind)),
            None => CliError::failure(Said::keyed(
                crate::messages::Msg::CannotWriteJson,
                &[("why", &error.to_string())],
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_message_then_hints() {
        let error = CliError::bad_input("no network named `BNI Montpelier`")
            .with_hint("did you mean `BNI Montpellier`?");
        assert_eq!(
            error.to_string(),
            "error: no network named `BNI Montpelier`\nhint: did you mean `BNI Montpellier`?"
        );
    }

    #[test]
    fn the_system_s_refusals_are_said_in_french() {
        let error = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(io_reason(&error, Lang::En), error.to_string());
        assert_eq!(io_reason(&error, Lang::Fr), "permission refusée");
        let other = io::Error::other("something odd");
        assert_eq!(io_reason(&other, Lang::Fr), "something odd");
    }

    #[test]
    fn kinds_map_to_exit_codes() {
        assert_eq!(CliError::bad_input("x").exit_code(), ExitCode::from(2));
        assert_eq!(CliError::failure("x").exit_code(), ExitCode::FAILURE);
        let pipe = CliError::from(io::Error::from(io::ErrorKind::BrokenPipe));
        assert_eq!(pipe.kind, ErrorKind::BrokenPipe);
    }

    #[test]
    fn storage_errors_carry_no_sql() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE secret_table (x INTEGER NOT NULL)")
            .unwrap();
        let tx = conn.transaction().unwrap();
        let error = tx
            .execute("INSERT INTO secret_table (x) VALUES (NULL)", [])
            .unwrap_err();
        let message = CliError::from(error).to_string();
        assert!(!message.contains("secret_table"), "{message}");
        assert!(!message.contains("INSERT"), "{message}");
    }
}
