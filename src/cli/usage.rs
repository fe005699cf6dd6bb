//! The parser's own errors (an unknown option, a value it could not take, a missing argument)
//! said in the user's language. clap writes them in English; for French, the message is
//! rebuilt from the error's context, and a value refused by one of our parsers is explained
//! by that parser's own words.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::domain;
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Message;
use crate::messages::Msg;

/// The error in `lang`, or `None` to let clap print it (help, version, English).
pub fn translate(error: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::Strings(texts)) => Some(texts.join(", ")),
        Some(ContextValue::StyledStr(text)) => Some(text.to_string()),
        _ => None,
    };
    let say = |key: Msg, args: &[(&'static str, &str)]| Message::keyed(key, args);
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut hints: Vec<Message> = Vec::new();
    let message = match error.kind() {
        ErrorKind::InvalidValue => {
            // A free value (a name) has no list of its own: no empty "possible values:".
            if let Some(values) = text(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
                hints.push(say(Msg::PossibleValues, &[("values", &values)]));
            }
            if value.is_empty() {
                say(Msg::MissingValue, &[("arg", &arg)])
            } else {
                say(Msg::InvalidValue, &[("value", &value), ("arg", &arg)])
            }
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error).map(explain);
            match why {
                Some(why) => Message::new(Msg::InvalidValueBecause)
                    .with("value", value)
                    .with("arg", arg)
                    .with("why", why),
                None => say(Msg::InvalidValue, &[("value", &value), ("arg", &arg)]),
            }
        }
        ErrorKind::UnknownArgument => {
            if let Some(near) = text(ContextKind::SuggestedArg) {
                hints.push(say(Msg::DidYouMean, &[("near", &near)]));
            }
            say(Msg::UnknownArgument, &[("arg", &arg)])
        }
        ErrorKind::InvalidSubcommand => {
            if let Some(near) = text(ContextKind::SuggestedSubcommand) {
                hints.push(say(Msg::DidYouMean, &[("near", &near)]));
            }
            let command = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            say(Msg::UnknownCommand, &[("arg", &command)])
        }
        ErrorKind::MissingRequiredArgument => say(Msg::MissingArguments, &[("args", &arg)]),
        ErrorKind::MissingSubcommand => {
            if let Some(commands) = text(ContextKind::ValidSubcommand) {
                hints.push(say(Msg::CommandsAre, &[("commands", &commands)]));
            }
            let command = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            say(Msg::MissingCommand, &[("command", &command)])
        }
        ErrorKind::ArgumentConflict => {
            let other = text(ContextKind::PriorArg).unwrap_or_default();
            say(
                Msg::ConflictingArguments,
                &[("arg", &arg), ("other", &other)],
            )
        }
        ErrorKind::TooManyValues => say(Msg::TooManyValues, &[("value", &value), ("arg", &arg)]),
        _ => return None,
    };
    // Put in words as every other error is, the `erreur :` and `astuce :` written once.
    let error = hints
        .into_iter()
        .fold(CliError::bad_input(message), CliError::with_hint)
        .with_footer(Msg::UsageMore);
    Some(error.render(lang))
}

/// Why one of our parsers refused a value.
fn explain(source: &(dyn std::error::Error + 'static)) -> Message {
    if let Some(error) = source.downcast_ref::<domain::date::DateError>() {
        return error.message();
    }
    if let Some(error) = source.downcast_ref::<domain::money::MoneyError>() {
        return error.message();
    }
    if let Some(error) = source.downcast_ref::<domain::text::TextError>() {
        return error.message();
    }
    if let Some(error) = source.downcast_ref::<domain::Invalid>() {
        return error.0.clone();
    }
    Message::new(Msg::ParserSays).with("words", source.to_string())
}
