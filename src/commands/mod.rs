//! One module per command: each an `Args` struct (with its `--help`) and a `run`; and the
//! options several commands share.

use chrono::NaiveDate;

use crate::domain::DateArg;
use crate::error::CliError;
use crate::messages::Message;
use crate::messages::Msg;

pub mod add;
pub mod backup;
pub mod choices;
pub mod completions;
pub mod config;
pub mod dated;
pub mod edit;
pub mod export;
pub mod forget;
pub mod import;
pub mod leave;
pub mod list;
pub mod log;
pub mod man;
pub mod merge;
pub mod note;
pub mod people;
pub mod recover;
pub mod report;
pub mod resolve;
pub mod rm;
pub mod show;

/// `--since` and `--until`, as `list` and `report` take them.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct PeriodArgs {
    /// From this date on (a month starts on its first day) [default: the beginning]
    #[arg(long, value_name = "DATE")]
    pub since: Option<DateArg>,
    /// Up to this date (a month ends on its last day)
    #[arg(long, value_name = "DATE")]
    pub until: Option<DateArg>,
}

impl PeriodArgs {
    /// The first and last days of the period; a period that runs backwards is bad input.
    pub fn resolve(
        self,
        today: NaiveDate,
    ) -> Result<(Option<NaiveDate>, Option<NaiveDate>), CliError> {
        let since = self.since.map(|date| date.resolve(today));
        let until = self.until.map(|date| date.resolve_end(today));
        check_forward(since, until)?;
        Ok((since, until))
    }
}

/// Refuses a period whose start comes after its end.
pub fn check_forward(since: Option<NaiveDate>, until: Option<NaiveDate>) -> Result<(), CliError> {
    match (since, until) {
        (Some(since), Some(until)) if since > until => Err(CliError::bad_input(Message::keyed(
            Msg::PeriodBackwards,
            &[
                ("since", &since.format("%Y-%m-%d").to_string()),
                ("until", &until.format("%Y-%m-%d").to_string()),
            ],
        ))),
        _ => Ok(()),
    }
}

/// Refuses to copy the journal (`backup`, `recover`) when there is no journal at `--db` (said by
/// `missing`) or when `file` is the journal itself.
pub fn check_copy(
    ctx: &crate::context::Context,
    file: &std::path::Path,
    missing: Msg,
) -> Result<(), CliError> {
    if !ctx.db_path.exists() {
        let journal = ctx.db_path.display().to_string();
        return Err(
            CliError::bad_input(Message::keyed(missing, &[("path", &journal)]))
                .with_hint(Message::keyed(Msg::ChooseJournalToBackUp, &[])),
        );
    }
    if crate::transfer::staged::same_file(file, &ctx.db_path) {
        let path = file.display().to_string();
        return Err(CliError::bad_input(Message::keyed(
            Msg::IsTheJournal,
            &[("path", &path)],
        )));
    }
    Ok(())
}

/// Refuses to write an output file (`report --output`, `export --output`) over the journal
/// itself, which would be lost, or on a folder.
pub fn check_output(
    ctx: &crate::context::Context,
    output: &std::path::Path,
) -> Result<(), CliError> {
    let path = output.display().to_string();
    let key = if crate::transfer::staged::same_file(output, &ctx.db_path) {
        Msg::OutputIsJournal
    } else if output.is_dir() {
        Msg::OutputIsFolder
    } else {
        return Ok(());
    };
    Err(CliError::bad_input(Message::keyed(key, &[("path", &path)])))
}
