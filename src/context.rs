//! What every command is given: where the journal is, the user's language, the clock, and
//! whether a person is there to answer questions. Read once from the arguments and the
//! environment in `cli`, never deep in the logic.

use std::cell::Cell;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveTime, TimeZone};

use crate::db::{Access, Journal};
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Msg;
use crate::messages::{Arg, Message, Words};

/// The journal and the circumstances a command runs in.
#[derive(Debug, Clone)]
pub struct Context {
    pub db_path: PathBuf,
    pub lang: Lang,
    /// The current moment: the real clock, or `NETJOURNAL_NOW` when set (for tests).
    pub now: DateTime<FixedOffset>,
    /// Whether a person can be asked for a missing value (a terminal and no `--no-input`).
    pub interactive: bool,
    /// `--yes`: confirmations are taken as given.
    pub assume_yes: bool,
    /// Whether to colour what is printed (`--color`, `NO_COLOR`, a terminal).
    pub color: bool,
    /// The width tables and prose are fitted to: `COLUMNS` when set, else the terminal's; none
    /// when the output is piped (tables then keep their natural width).
    pub width: Option<u16>,
    /// Whether the command read a journal that does not exist (as an empty one).
    pub read_missing: Cell<bool>,
}

impl Context {
    /// The note for a command that read a journal that does not exist, and succeeded: a `--db`
    /// mistyped would otherwise look like a journal with nothing in it. (One that failed says
    /// why in its error, which the note would only push aside.)
    pub fn read_no_journal(&self) -> Option<String> {
        self.read_missing.get().then(|| {
            let path = self.db_path.display().to_string();
            self.say(Msg::NoJournalYet, &[("path", &path)])
        })
    }

    /// Today, in the user's time zone.
    pub fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }

    /// The moment stamped on written rows.
    pub fn timestamp(&self) -> String {
        self.now.to_rfc3339()
    }

    /// The journal, opened for `access`; a command that may write checks first, on the first
    /// write of the day, that the journal is sound (see [`Journal::check_daily`]).
    ///
    /// A command that only reads a journal that does not exist reads it empty; that is said
    /// once it is done (see [`Context::read_no_journal`]).
    pub fn open(&self, access: Access) -> Result<Journal, CliError> {
        if access == Access::ReadOnly && !self.db_path.exists() {
            self.read_missing.set(true);
        }
        let mut journal = Journal::open(&self.db_path, access)?;
        if access != Access::ReadOnly {
            journal.check_daily(self.today());
        }
        Ok(journal)
    }

    /// `amount` in the journal's currency (read from the journal, EUR for a new one): a mark
    /// of another currency (`45 €` in a journal kept in CHF) is bad input.
    pub fn money(
        &self,
        amount: Option<crate::domain::money::Amount>,
    ) -> Result<Option<crate::domain::Money>, CliError> {
        let Some(amount) = amount else {
            return Ok(None);
        };
        // A plain figure needs no journal: opening it twice was a good part of `log meeting`.
        if let Some(money) = amount.unmarked() {
            return Ok(Some(money));
        }
        let journal = self.open(Access::Read)?;
        let currency = crate::db::settings::currency(journal.conn())?;
        amount
            .in_currency(&currency)
            .map(Some)
            .map_err(|error| CliError::bad_input(error.message()))
    }

    /// A value the command cannot do without. Without one, the command stops with exit 2,
    /// naming the missing option and what it expects.
    pub fn require<T>(
        &self,
        value: Option<T>,
        option: &str,
        expected: impl Into<Arg>,
    ) -> Result<T, CliError> {
        let option = {
            let option = option.to_string();
            Words::new(move |lang| lang.placeholders(&option))
        };
        value.ok_or_else(|| {
            let error = CliError::bad_input(
                Message::new(Msg::Missing)
                    .with("option", option.clone())
                    .with("expected", expected),
            );
            if self.interactive {
                error
            } else {
                error.with_hint(Message::new(Msg::MissingNoTerminal).with("option", option))
            }
        })
    }

    /// The message `key`, filled with `args`, in the user's language.
    pub fn say(&self, key: Msg, args: &[(&str, &str)]) -> String {
        self.lang.say(key, args)
    }
}

/// Reads `NETJOURNAL_NOW`: a date (`2024-06-01`, taken at noon) or an RFC 3339 moment.
pub fn parse_now(text: &str) -> Result<DateTime<FixedOffset>, CliError> {
    if let Ok(moment) = DateTime::parse_from_rfc3339(text.trim()) {
        return Ok(moment);
    }
    if let Ok(day) = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        let noon = day.and_time(NaiveTime::from_hms_opt(12, 0, 0).expect("noon exists"));
        return Ok(FixedOffset::east_opt(0)
            .expect("UTC")
            .from_utc_datetime(&noon));
    }
    Err(CliError::bad_input(Message::keyed(
        Msg::NowInvalid,
        &[("value", text)],
    )))
}

/// The real clock, in the local time zone.
pub fn real_now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// Where the journal lives when neither `--db` nor `NETJOURNAL_DB` says: the platform's data
/// folder (`~/.local/share/netjournal/journal.db` on Linux).
pub fn default_db_path() -> Result<PathBuf, CliError> {
    directories::ProjectDirs::from("", "", "netjournal")
        .map(|dirs| dirs.data_dir().join("journal.db"))
        .ok_or_else(|| {
            CliError::failure(Message::keyed(Msg::NoHome, &[]))
                .with_hint(Message::keyed(Msg::GiveDb, &[]))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_accepts_a_date_or_a_moment() {
        assert_eq!(
            parse_now("2024-06-01").unwrap().to_rfc3339(),
            "2024-06-01T12:00:00+00:00"
        );
        assert_eq!(
            parse_now("2024-06-01T09:30:00+02:00").unwrap().to_rfc3339(),
            "2024-06-01T09:30:00+02:00"
        );
        let error = parse_now("soon").unwrap_err();
        assert!(error.message.contains("`soon`"), "{}", error.message);
    }
}
