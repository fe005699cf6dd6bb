//! `config list|get|set|unset`: the settings kept in the journal.

use std::io::{self, Write};

use crate::config::{self, KEYS, Settings};
use crate::context::Context;
use crate::db::{self, Access};
use crate::error::CliError;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Show every setting, its value and what it does
    #[command(after_help = "Example:
  netjournal config list")]
    List,
    /// Print one setting's value
    #[command(after_help = "Example:
  netjournal config get rate.hourly")]
    Get {
        /// The setting, such as verdict.min_meetings
        key: String,
    },
    /// Change a setting
    #[command(after_help = "Examples:
  netjournal config set rate.hourly 60
  netjournal config set verdict.min_meetings 4")]
    Set {
        /// The setting, such as rate.hourly
        key: String,
        /// Its new value
        value: String,
    },
    /// Go back to a setting's default
    #[command(after_help = "Example:
  netjournal config unset verdict.min_meetings")]
    Unset {
        /// The setting
        key: String,
    },
}

pub fn run(ctx: &Context, command: Command) -> Result<(), CliError> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match command {
        Command::List => {
            let journal = ctx.open(Access::Read)?;
            let settings = Settings::load(journal.conn())?;
            let mut table =
                crate::output::table(&["Setting", "Value", "Default", "Meaning"], ctx.color);
            for key in KEYS {
                let value = settings
                    .text(key.name)
                    .map(|v| key.display(v))
                    .unwrap_or_default();
                table.add_row(vec![
                    key.name.to_string(),
                    value,
                    key.default.unwrap_or("(unset)").to_string(),
                    key.help.to_string(),
                ]);
            }
            writeln!(out, "{table}")?;
        }
        Command::Get { key } => {
            let key = config::key(&key)?;
            let journal = ctx.open(Access::Read)?;
            let settings = Settings::load(journal.conn())?;
            match settings.text(key.name) {
                Some(value) => writeln!(out, "{}", key.display(value))?,
                None => {
                    return Err(
                        CliError::failure(format!("`{}` is not set", key.name)).with_hint(format!(
                            "set it with `netjournal config set {} VALUE`",
                            key.name
                        )),
                    );
                }
            }
        }
        Command::Set { key, value } => {
            let key = config::key(&key)?;
            let stored = key.parse(&value)?;
            let mut journal = ctx.open(Access::Write)?;
            journal.write(|tx| db::settings::set(tx, key.name, &stored))?;
            writeln!(out, "{} = {}", key.name, key.display(&stored))?;
        }
        Command::Unset { key } => {
            let key = config::key(&key)?;
            let mut journal = ctx.open(Access::Write)?;
            journal.write(|tx| db::settings::unset(tx, key.name))?;
            match key.default {
                Some(default) => writeln!(out, "{} = {default} (the default)", key.name)?,
                None => writeln!(out, "{} is no longer set", key.name)?,
            }
        }
    }
    Ok(())
}
