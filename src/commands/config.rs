//! `config list|get|set|unset`: the settings kept in the journal.

use std::io::{self, Write};

use crate::config::{self, KEYS, Settings};
use crate::context::Context;
use crate::db::{self, Access};
use crate::error::CliError;
use crate::messages::{Message, Msg};

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
        // `-5` is a value to refuse by name, not an unknown option.
        #[arg(allow_hyphen_values = true)]
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
    let lang = ctx.lang;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match command {
        Command::List => {
            let journal = ctx.open(Access::ReadOnly)?;
            let settings = Settings::load(journal.conn())?;
            let header = [
                Msg::ColSetting,
                Msg::ColValue,
                Msg::ColDefault,
                Msg::ColMeaning,
            ]
            .map(|column| ctx.say(column, &[]));
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let mut table = crate::output::table(&header, ctx.color);
            for key in KEYS {
                let value = settings
                    .text(key.name)
                    .map(|v| key.display(v, lang))
                    .unwrap_or_default();
                let default = match key.default {
                    Some(default) => key.display(default, lang),
                    None => ctx.say(Msg::NotSetCell, &[]),
                };
                table.add_row(vec![
                    key.name.to_string(),
                    value,
                    default,
                    ctx.say(key.help, &[]),
                ]);
            }
            writeln!(out, "{}", crate::output::render(&mut table, ctx.width))?;
        }
        Command::Get { key } => {
            let key = config::key(&key)?;
            let journal = ctx.open(Access::ReadOnly)?;
            let settings = Settings::load(journal.conn())?;
            match settings.text(key.name) {
                Some(value) => writeln!(out, "{}", key.display(value, lang))?,
                None => {
                    let name = [("key", key.name)];
                    return Err(CliError::failure(Message::keyed(Msg::SettingNotSet, &name))
                        .with_hint(Message::keyed(Msg::SetItWith, &name)));
                }
            }
        }
        Command::Set { key, value } => {
            let key = config::key(&key)?;
            let currency = db::settings::currency(ctx.open(Access::Read)?.conn())?;
            let stored = key.parse_in(&value, &currency)?;
            let mut journal = ctx.open(Access::Write)?;
            journal.write(|tx| db::settings::set(tx, key.name, &stored))?;
            writeln!(out, "{} = {}", key.name, key.display(&stored, lang))?;
        }
        Command::Unset { key } => {
            let key = config::key(&key)?;
            let mut journal = ctx.open(Access::Write)?;
            journal.write(|tx| db::settings::unset(tx, key.name))?;
            let said = match key.default {
                Some(default) => ctx.say(
                    Msg::SettingIsDefault,
                    &[("key", key.name), ("value", &key.display(default, lang))],
                ),
                None => ctx.say(Msg::SettingUnset, &[("key", key.name)]),
            };
            writeln!(out, "{said}")?;
        }
    }
    Ok(())
}
