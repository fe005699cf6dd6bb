//! `log meeting`, `log referral`, and the checks `edit` shares with them.

use crate::domain::MeetingFormat;
use crate::error::CliError;
use crate::messages::{Message, Msg};

pub mod meeting;
pub mod referral;

/// Refuses a duration longer than a meeting of `format` lasts (see
/// [`MeetingFormat::longest_minutes`]): `--minutes 7h30` for a breakfast at half past seven.
pub fn plausible_minutes(format: MeetingFormat, minutes: Option<u32>) -> Result<(), CliError> {
    match minutes.and_then(|minutes| format.too_long(minutes)) {
        Some((said, clock)) => {
            Err(CliError::bad_input(said)
                .with_hint(Message::keyed(Msg::UseAt, &[("clock", &clock)])))
        }
        None => Ok(()),
    }
}
