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

/// The error in `lang`, or `None` to let clap print it (help, version, English; a help page is
/// put in French by `help_fr`).
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
    let arg = lang.placeholders(&text(ContextKind::InvalidArg).unwrap_or_default());
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
            let other = lang.placeholders(&text(ContextKind::PriorArg).unwrap_or_default());
            // A command given after an argument it excludes (`import FILE linkedin`) names no
            // argument: the command is what was refused.
            match text(ContextKind::InvalidSubcommand) {
                Some(command) if arg.is_empty() => say(
                    Msg::CommandConflict,
                    &[("command", &command), ("other", &other)],
                ),
                _ => say(
                    Msg::ConflictingArguments,
                    &[("arg", &arg), ("other", &other)],
                ),
            }
        }
        ErrorKind::TooManyValues => say(Msg::TooManyValues, &[("value", &value), ("arg", &arg)]),
        ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            let number = |kind| match error.get(kind) {
                Some(ContextValue::Number(n)) => n.to_string(),
                _ => "?".to_string(),
            };
            let expected = match error.kind() {
                ErrorKind::TooFewValues => number(ContextKind::MinValues),
                _ => number(ContextKind::ExpectedNumValues),
            };
            let actual = number(ContextKind::ActualNumValues);
            say(
                Msg::WrongValueCount,
                &[("arg", &arg), ("expected", &expected), ("actual", &actual)],
            )
        }
        ErrorKind::NoEquals => say(Msg::NoEquals, &[("arg", &arg)]),
        ErrorKind::InvalidUtf8 => say(Msg::ArgNotUtf8, &[]),
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, ArgAction, Command};

    /// The French message for the command line `words` of a small parser that can fail in
    /// every way clap knows.
    fn french(words: &[&str]) -> (ErrorKind, String) {
        french_os(words.iter().map(std::ffi::OsString::from).collect())
    }

    fn french_os(words: Vec<std::ffi::OsString>) -> (ErrorKind, String) {
        let command = Command::new("netjournal")
            .arg(
                Arg::new("format")
                    .long("format")
                    .value_parser(["table", "json"]),
            )
            .arg(Arg::new("name").long("name"))
            .arg(
                Arg::new("rating")
                    .long("rating")
                    .value_parser(clap::value_parser!(u8)),
            )
            .arg(Arg::new("given").long("given").action(ArgAction::SetTrue))
            .arg(
                Arg::new("received")
                    .long("received")
                    .action(ArgAction::SetTrue)
                    .conflicts_with("given"),
            )
            .arg(Arg::new("pair").long("pair").num_args(2))
            .arg(Arg::new("some").long("some").num_args(2..=3))
            .arg(Arg::new("eq").long("eq").require_equals(true))
            .arg(Arg::new("file"))
            .args_conflicts_with_subcommands(true)
            .subcommand(
                Command::new("log")
                    .subcommand_required(true)
                    .subcommand(Command::new("meeting")),
            )
            .subcommand(Command::new("add").arg(Arg::new("key").required(true)));
        let args = std::iter::once("netjournal".into()).chain(words);
        let error = command
            .try_get_matches_from(args)
            .expect_err("the command line is refused");
        let text = translate(&error, Lang::Fr).expect("said in French");
        (error.kind(), text)
    }

    #[test]
    fn every_parser_error_a_user_can_meet_is_said_in_french() {
        let cases: &[(&[&str], ErrorKind, &str)] = &[
            (
                &["--bogus"],
                ErrorKind::UnknownArgument,
                "argument `--bogus` inattendu",
            ),
            (
                &["log", "meting"],
                ErrorKind::InvalidSubcommand,
                "vouliez-vous dire `meeting` ?",
            ),
            (
                &["log"],
                ErrorKind::MissingSubcommand,
                "il manque une commande après",
            ),
            (
                &["--name"],
                ErrorKind::InvalidValue,
                "attend une valeur, et aucune",
            ),
            (
                &["--format"],
                ErrorKind::InvalidValue,
                "les valeurs possibles sont table, json",
            ),
            (
                &["--format", "csv"],
                ErrorKind::InvalidValue,
                "valeur `csv` invalide",
            ),
            (
                &["--rating", "x"],
                ErrorKind::ValueValidation,
                "valeur `x` invalide",
            ),
            (
                &["add"],
                ErrorKind::MissingRequiredArgument,
                "il manque <key>",
            ),
            (
                &["--given", "--received"],
                ErrorKind::ArgumentConflict,
                "ne peut pas s'utiliser",
            ),
            (
                &["f.json", "log"],
                ErrorKind::ArgumentConflict,
                "la commande `log` ne peut pas",
            ),
            (
                &["--given=yes"],
                ErrorKind::TooManyValues,
                "valeur en trop `yes`",
            ),
            (
                &["--pair", "a"],
                ErrorKind::WrongNumberOfValues,
                "attend 2 valeurs, pas 1",
            ),
            (
                &["--some", "a"],
                ErrorKind::TooFewValues,
                "attend 2 valeurs, pas 1",
            ),
            (
                &["--eq", "a"],
                ErrorKind::NoEquals,
                "prend sa valeur après un `=`",
            ),
        ];
        for (words, kind, expected) in cases {
            let (found, text) = french(words);
            assert_eq!(found, *kind, "{words:?}: {text}");
            check(&text, expected);
        }
    }

    #[cfg(unix)]
    #[test]
    fn an_argument_that_is_not_utf8_is_said_in_french() {
        use std::os::unix::ffi::OsStringExt;
        let name = std::ffi::OsString::from_vec(b"x\xff".to_vec());
        let (kind, text) = french_os(vec!["--name".into(), name]);
        assert_eq!(kind, ErrorKind::InvalidUtf8);
        check(&text, "un argument n'est pas du texte UTF-8 valide");
    }

    /// `text` says `expected`, in French only, with no hint left empty.
    #[track_caller]
    fn check(text: &str, expected: &str) {
        assert!(text.starts_with("erreur : "), "{text}");
        assert!(text.contains(expected), "`{expected}` not in:\n{text}");
        for english in ["error:", "Usage:", "tip:", "For more", "possible values"] {
            assert!(!text.contains(english), "`{english}` in:\n{text}");
        }
        for line in text.lines() {
            assert!(
                !line.trim_end().ends_with(':'),
                "a line ends empty: {line:?}"
            );
        }
    }
}
