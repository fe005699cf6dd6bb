//! The one error a command returns to the user: a kind that decides the exit code, a message
//! that names the bad value, hints for the next step, and the cause it explains. Its messages
//! are kept as keys and values (`messages::Message`) and rendered once, when printed.

use std::fmt;
use std::io;
use std::process::ExitCode;
use std::sync::Arc;

use crate::db;
use crate::i18n::Lang;
use crate::messages::{Message, Msg};

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

/// An error as the user sees it.
#[derive(Debug, Clone)]
pub struct CliError {
    pub kind: ErrorKind,
    pub message: Message,
    pub hints: Vec<Message>,
    /// A line after a blank one, below the hints (`For more information, try `--help`.`).
    pub footer: Option<Box<Message>>,
    /// The error this one explains to the user, for `source()`.
    cause: Option<Arc<dyn std::error::Error + Send + Sync + 'static>>,
}

impl PartialEq for CliError {
    /// Errors are compared as the user reads them; their causes are not.
    fn eq(&self, other: &CliError) -> bool {
        (self.kind, &self.message, &self.hints, &self.footer)
            == (other.kind, &other.message, &other.hints, &other.footer)
    }
}

impl Eq for CliError {}

impl CliError {
    fn new(kind: ErrorKind, message: impl Into<Message>) -> CliError {
        CliError {
            kind,
            message: message.into(),
            hints: Vec::new(),
            footer: None,
            cause: None,
        }
    }

    pub fn bad_input(message: impl Into<Message>) -> CliError {
        CliError::new(ErrorKind::BadInput, message)
    }

    pub fn failure(message: impl Into<Message>) -> CliError {
        CliError::new(ErrorKind::Failure, message)
    }

    /// Adds a `hint:` line.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<Message>) -> CliError {
        self.hints.push(hint.into());
        self
    }

    /// Adds a last line, after a blank one.
    #[must_use]
    pub fn with_footer(mut self, footer: impl Into<Message>) -> CliError {
        self.footer = Some(Box::new(footer.into()));
        self
    }

    /// Keeps `cause`, the error this one explains, as its `source()`.
    #[must_use]
    pub fn caused_by(mut self, cause: impl std::error::Error + Send + Sync + 'static) -> CliError {
        self.cause = Some(Arc::new(cause));
        self
    }

    /// `error: …` then one `hint: …` line per hint, in `lang`: the one place an error is put
    /// in words. A value quoted in them (a name from the journal, a line of a file) shows its
    /// control characters without obeying them (see
    /// [`printable`](crate::domain::text::printable)).
    pub fn render(&self, lang: Lang) -> String {
        self.render_headed(lang, false)
    }

    /// The same as [`render`](CliError::render), headed `warning:`: for what went wrong in a
    /// command that still succeeded.
    pub fn render_warning(&self, lang: Lang) -> String {
        self.render_headed(lang, true)
    }

    fn render_headed(&self, lang: Lang, warning: bool) -> String {
        let (error, hint) = match (lang, warning) {
            (Lang::En, false) => ("error: ", "hint: "),
            (Lang::En, true) => ("warning: ", "hint: "),
            (Lang::Fr, false) => ("erreur : ", "astuce : "),
            (Lang::Fr, true) => ("attention : ", "astuce : "),
        };
        let mut out = format!("{error}{}", self.message.render(lang));
        for line in &self.hints {
            out.push('\n');
            out.push_str(hint);
            out.push_str(&line.render(lang));
        }
        if let Some(footer) = &self.footer {
            out.push_str("\n\n");
            out.push_str(&footer.render(lang));
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

impl std::error::Error for CliError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause
            .as_deref()
            .map(|cause| cause as &(dyn std::error::Error + 'static))
    }
}

/// A journal that cannot be read or written is a failure (exit 1); a `--db` that names a folder,
/// or a file that is no journal, is a value the user gave wrongly: bad input (exit 2).
impl From<db::Error> for CliError {
    fn from(error: db::Error) -> CliError {
        let not_a_journal = match &error {
            db::Error::IsDir { .. } | db::Error::Foreign { .. } => true,
            db::Error::Sqlite(sqlite) => {
                sqlite.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase)
            }
            _ => false,
        };
        let cli = if not_a_journal {
            CliError::bad_input(error.message())
        } else {
            CliError::failure(error.message())
        };
        let cli = match error.hint() {
            Some(hint) => cli.with_hint(hint),
            None => cli,
        };
        cli.caused_by(error)
    }
}

/// A refused file is bad input: exit 2, nothing imported.
impl From<crate::sources::Error> for CliError {
    fn from(error: crate::sources::Error) -> CliError {
        let cli = CliError::bad_input(error.message());
        let cli = match &error.hint {
            Some(hint) => cli.with_hint(hint.as_ref().clone()),
            None => cli,
        };
        cli.caused_by(error)
    }
}

/// A status and a value that cannot go together is bad input.
impl From<crate::domain::referral::OutcomeError> for CliError {
    fn from(error: crate::domain::referral::OutcomeError) -> CliError {
        use crate::domain::referral::OutcomeError;
        use crate::messages::Arg;
        let (key, hint, value, status) = match error {
            OutcomeError::TypedValue { value, status } => {
                (Msg::ValueNeedsWon, Msg::ValueNeedsWonHint, value, status)
            }
            OutcomeError::RecordedValue { value, status } => (
                Msg::RecordedValueNeedsWon,
                Msg::RecordedValueNeedsWonHint,
                value,
                status,
            ),
        };
        // The amount as typed: `3200.00`, in French `3200,00`.
        let message = Message::new(key)
            .with("value", Arg::Number(value.to_string()))
            .with("status", status.as_str());
        CliError::bad_input(message)
            .with_hint(hint)
            .caused_by(error)
    }
}

impl From<rusqlite::Error> for CliError {
    fn from(error: rusqlite::Error) -> CliError {
        CliError::from(db::Error::from(error))
    }
}

impl From<io::Error> for CliError {
    fn from(error: io::Error) -> CliError {
        let kind = match error.kind() {
            io::ErrorKind::BrokenPipe => ErrorKind::BrokenPipe,
            _ => ErrorKind::Failure,
        };
        CliError::new(
            kind,
            Message::new(Msg::CannotWriteOutput).with("why", &error),
        )
        .caused_by(error)
    }
}

impl From<csv::Error> for CliError {
    fn from(error: csv::Error) -> CliError {
        match error.into_kind() {
            csv::ErrorKind::Io(error) => CliError::from(error),
            other => CliError::failure(Message::keyed(
                Msg::CannotWriteCsv,
                &[("why", &format!("{other:?}"))],
            )),
        }
    }
}

impl From<serde_json::Error> for CliError {
    fn from(error: serde_json::Error) -> CliError {
        match error.io_error_kind() {
            Some(kind) => CliError::from(io::Error::from(kind)),
            None => {
                let why = error.to_string();
                CliError::failure(Message::keyed(Msg::CannotWriteJson, &[("why", &why)]))
                    .caused_by(error)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_message_then_hints() {
        let error = CliError::bad_input(Message::keyed(
            Msg::NoNetworkNamed,
            &[("name", "BNI Montpelier")],
        ))
        .with_hint(Message::keyed(
            Msg::DidYouMean,
            &[("near", "BNI Montpellier")],
        ));
        assert_eq!(
            error.to_string(),
            "error: no network named `BNI Montpelier`\nhint: did you mean `BNI Montpellier`?"
        );
        assert_eq!(
            error.render(Lang::Fr),
            "erreur : aucun réseau nommé `BNI Montpelier`\nastuce : vouliez-vous dire `BNI Montpellier` ?"
        );
    }

    #[test]
    fn a_value_kept_on_a_referral_not_won_is_refused() {
        use crate::domain::referral::{OutcomeError, ValueChange, outcome};
        use crate::domain::{Money, ReferralStatus::*};
        let error = outcome(
            (Won, Some(Money::from_cents(320_000))),
            Some(Lost),
            ValueChange::Keep,
        )
        .unwrap_err();
        assert!(matches!(error, OutcomeError::RecordedValue { .. }));
        let said = CliError::from(error);
        assert_eq!(said.kind, ErrorKind::BadInput);
        assert!(said.hints[0].contains("--clear value"), "{said}");
        let french = said.render(Lang::Fr);
        assert!(
            french.contains("la valeur de la recommandation, 3200,00,"),
            "{french}"
        );
        assert!(
            french.contains("astuce : ajoutez `--clear value`"),
            "{french}"
        );
    }

    #[test]
    fn a_warning_is_headed_as_one_in_each_language() {
        let warning = CliError::failure(Msg::Busy).with_hint(Msg::BusyHint);
        assert_eq!(
            warning.render_warning(Lang::En),
            "warning: the journal is busy: another program is writing to it\n\
             hint: another program holds the journal; try again in a moment"
        );
        assert!(
            warning
                .render_warning(Lang::Fr)
                .starts_with("attention : le journal est occupé"),
            "{}",
            warning.render_warning(Lang::Fr)
        );
        // The footer of a usage error comes after a blank line.
        let usage = CliError::bad_input(Msg::Busy).with_footer(Msg::UsageMore);
        assert!(
            usage
                .render(Lang::Fr)
                .ends_with("\n\nPour en savoir plus : `--help`.")
        );
    }

    #[test]
    fn kinds_map_to_exit_codes() {
        assert_eq!(
            CliError::bad_input(Msg::Busy).exit_code(),
            ExitCode::from(2)
        );
        assert_eq!(CliError::failure(Msg::Busy).exit_code(), ExitCode::FAILURE);
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
        let error = CliError::from(error);
        // The cause is kept for whoever debugs, and never shown.
        assert!(std::error::Error::source(&error).is_some());
        let message = error.to_string();
        assert!(!message.contains("secret_table"), "{message}");
        assert!(!message.contains("INSERT"), "{message}");
    }
}
