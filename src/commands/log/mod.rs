//! `log meeting`, `log referral`, and the checks `edit` shares with them.

use crate::domain::MeetingFormat;
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Msg;
use crate::messages::{Arg, Message};

pub mod meeting;
pub mod referral;

/// Refuses a duration longer than a meeting of `format` lasts (see
/// [`MeetingFormat::longest_minutes`]): `--minutes 7h30` for a breakfast at half past seven.
pub fn plausible_minutes(format: MeetingFormat, minutes: Option<u32>) -> Result<(), CliError> {
    let (Some(longest), Some(minutes)) = (format.longest_minutes(), minutes) else {
        return Ok(());
    };
    if minutes <= longest {
        return Ok(());
    }
    let clock = match minutes % 60 {
        0 => format!("{}h", minutes / 60),
        rest => format!("{}h{rest:02}", minutes / 60),
    };
    let (minutes, longest) = (minutes.to_string(), longest.to_string());
    let said = Message::new(Msg::TooLongFor)
        .with(
            "format",
            Arg::Word {
                en: format.label(Lang::En),
                fr: format.label(Lang::Fr),
            },
        )
        .with("minutes", minutes)
        .with("clock", clock.as_str())
        .with("longest", longest);
    Err(CliError::bad_input(said).with_hint(Message::keyed(Msg::UseAt, &[("clock", &clock)])))
}
