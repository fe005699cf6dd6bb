//! The walk-through a command takes a person through: the values it lacks asked one by one
//! (text, dates, a word of a fixed vocabulary, yes or no, names), and the items of the journal
//! picked from lists the command gives. Nothing is asked without a terminal:
//! `Context::interactive` (a terminal on stdin, and no `--no-input`) decides, and without it
//! every function here answers as the command line alone would.

use std::fmt::Display;
use std::io::IsTerminal;
use std::str::FromStr;

use chrono::NaiveDate;
use dialoguer::Input;
use dialoguer::console::{Key, Term};
use dialoguer::theme::ColorfulTheme;

use super::names::{NameCompletion, any_name, known_name, parse_names};
use super::pickers::{self, Choice, Typing};
use super::terminal::{answer, cancelled};
use crate::context::Context;
use crate::domain::text::name_key;
use crate::domain::{DateArg, Explain, Id, Kind, Labeled, MeetingFormat, Name, NameOrId};
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::{Message, Msg};

/// Asks a yes/no question; `--yes` answers yes without asking. Enter alone and Escape answer
/// no; an answer is typed then Enter (see [`yes_no`]). Without a terminal (or with `--no-input`) and without `--yes`, the command stops with
/// exit 2: nothing is done unasked.
pub fn confirm(ctx: &Context, question: &str) -> Result<bool, CliError> {
    if ctx.assume_yes {
        return Ok(true);
    }
    // The question is drawn on stderr: with stderr redirected it could not be seen.
    if !ctx.interactive || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return Err(CliError::bad_input(Message::keyed(
            Msg::NotConfirmed,
            &[("question", question)],
        ))
        .with_hint(Message::keyed(Msg::NotConfirmedHint, &[])));
    }
    let lang = ctx.lang;
    // The question quotes stored names: their control characters are shown, not obeyed.
    let question = crate::domain::text::printable(question);
    answer(lang, || {
        yes_no(&ColorfulTheme::default(), lang, &question, true)
    })
    .map(|answer| answer.unwrap_or(false))
}

/// A yes/no question, no by default; with `allow_quit`, Escape gives `None`.
///
/// The answer is a line, ended by Enter: `y`, `yes`, `o`, `oui` for yes, `n`, `no`, `non` for
/// no, in either language and any case (see [`yes_or_no`]); Enter alone is the default, no.
/// Anything else is refused and asked again. dialoguer's `Confirm` acted on the first key, so
/// that `oui⏎` said yes on the `o` and left `ui` and Enter to the shell: every key typed here
/// is read, up to Enter.
fn yes_no(
    theme: &ColorfulTheme,
    lang: Lang,
    question: &str,
    allow_quit: bool,
) -> dialoguer::Result<Option<bool>> {
    let term = Term::stderr();
    if !term.is_term() {
        return Err(std::io::Error::new(std::io::ErrorKind::NotConnected, "not a terminal").into());
    }
    let asked = format!(
        "{} {} {} {} ",
        theme.prompt_prefix,
        theme.prompt_style.apply_to(question),
        theme.hint_style.apply_to(lang.say(Msg::YesNoKeys, &[])),
        theme.prompt_suffix,
    );
    let answer = loop {
        term.write_str(&asked)?;
        term.flush()?;
        let mut typed = String::new();
        let quit = loop {
            match term.read_key()? {
                Key::Enter => break false,
                Key::Escape if allow_quit => break true,
                Key::Backspace if typed.pop().is_some() => term.clear_chars(1)?,
                Key::Char(c) if !c.is_control() => {
                    typed.push(c);
                    term.write_str(c.encode_utf8(&mut [0; 4]))?;
                }
                _ => {}
            }
            term.flush()?;
        };
        // The question and the answer typed may have wrapped onto several lines of the
        // terminal: all of them are cleared, for the answered question to take their place.
        let width = usize::from(term.size().1).max(10);
        let lines = super::pickers::lines_of(&format!("{asked}{typed}"), width);
        term.clear_line()?;
        term.clear_last_lines(lines - 1)?;
        if quit {
            break None;
        }
        if typed.trim().is_empty() {
            break Some(false);
        }
        match yes_or_no(&typed) {
            Some(answer) => break Some(answer),
            None => {
                let mut refused = String::new();
                let why = lang.say(Msg::AnswerYesOrNo, &[("answer", typed.trim())]);
                let _ = dialoguer::theme::Theme::format_error(theme, &mut refused, &why);
                term.write_line(&refused)?;
            }
        }
    };
    let said = match answer {
        Some(true) => format!(" {}", theme.values_style.apply_to(lang.say(Msg::Yes, &[]))),
        Some(false) => format!(" {}", theme.values_style.apply_to(lang.say(Msg::No, &[]))),
        None => String::new(),
    };
    term.write_line(&format!(
        "{} {} {}{said}",
        theme.success_prefix,
        theme.prompt_style.apply_to(question),
        theme.success_suffix,
    ))?;
    term.flush()?;
    Ok(answer)
}

/// An answer to a yes/no question, in English or French, any case: `Some(true)` for y, yes,
/// o, oui; `Some(false)` for n, no, non; `None` for anything else.
pub fn yes_or_no(answer: &str) -> Option<bool> {
    match answer.trim().to_lowercase().as_str() {
        "y" | "yes" | "o" | "oui" => Some(true),
        "n" | "no" | "non" => Some(false),
        _ => None,
    }
}

/// A parser's refusal of an answer, in `lang`.
pub(super) fn refused(error: &impl Explain, lang: Lang) -> String {
    error.explain().render(lang).to_string()
}

/// The questions one command may ask, and the answers it gets without asking.
///
/// A command typed in full is never interrupted. One that lacks a required value, run on a
/// terminal, walks the person through every value they did not give: required ones must be
/// answered, optional ones are skipped with an empty answer, dates default to today. Without a
/// terminal (or with `--no-input`) nothing is asked: a missing required value stops the command
/// with exit 2, naming the option (see [`Context::require`]), and the rest keep their defaults.
pub struct Questions<'a> {
    ctx: &'a Context,
    asking: bool,
    theme: ColorfulTheme,
}

/// Which networks a picker offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Networks {
    /// Those not left: where meetings and referrals happen.
    Active,
    /// Every network, the ones left marked so.
    All,
}

/// What a new name is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Network,
    Contact,
}

impl Named {
    fn expected(self, ctx: &Context) -> String {
        ctx.say(
            match self {
                Named::Network => Msg::ExpectNetworkName,
                Named::Contact => Msg::ExpectPersonName,
            },
            &[],
        )
    }
}

impl<'a> Questions<'a> {
    /// The questions for a command; `complete` tells whether every required value was given.
    pub fn new(ctx: &'a Context, complete: bool) -> Questions<'a> {
        Questions {
            ctx,
            // Questions are drawn on stderr: with stderr redirected they could not be seen.
            asking: ctx.interactive && !complete && std::io::stderr().is_terminal(),
            theme: ColorfulTheme::default(),
        }
    }

    /// Whether this command walks the person through its values.
    pub fn asking(&self) -> bool {
        self.asking
    }

    /// A required value typed as text (a name, a reason): the one given, else the answer.
    pub fn text<T>(
        &self,
        given: Option<T>,
        option: &str,
        expected: &str,
        question: &str,
    ) -> Result<T, CliError>
    where
        T: FromStr,
        T::Err: Explain,
    {
        let lang = self.ctx.lang;
        match given {
            Some(value) => Ok(value),
            None if self.asking => {
                let typed = self.line(question, None, None, None, |text| {
                    text.parse::<T>().map(drop).map_err(|e| refused(&e, lang))
                })?;
                typed
                    .parse::<T>()
                    .map_err(|e| CliError::bad_input(e.explain()))
            }
            None => self.ctx.require(None, option, expected),
        }
    }

    /// The name of a new network or contact: the one given; else asked again until it is not
    /// one of the names `taken` gives, those already in the journal (a taken name given on the
    /// command line is refused by the command itself).
    pub fn new_name(
        &self,
        given: Option<Name>,
        what: Named,
        question: &str,
        taken: impl FnOnce() -> Result<Vec<String>, CliError>,
    ) -> Result<Name, CliError> {
        if given.is_some() || !self.asking {
            return self.ctx.require(given, "NAME", what.expected(self.ctx));
        }
        let taken = taken()?;
        let check = |text: &str| -> Result<Name, Message> {
            let name: Name = text
                .parse()
                .map_err(|e: crate::domain::text::TextError| e.message())?;
            match taken.iter().find(|known| name_key(known) == name.key()) {
                Some(known) => Err(Message::keyed(
                    match what {
                        Named::Network => Msg::NetworkExists,
                        Named::Contact => Msg::ContactExists,
                    },
                    &[("name", known)],
                )),
                None => Ok(name),
            }
        };
        let lang = self.ctx.lang;
        let typed = self.line(question, None, None, None, |text| {
            check(text).map(drop).map_err(|e| e.render(lang))
        })?;
        check(&typed).map_err(CliError::bad_input)
    }

    /// An optional value typed as text (minutes, an amount, notes): the one given; else, in a
    /// walk-through, the answer, an empty answer leaving it out.
    pub fn optional<T>(&self, given: Option<T>, question: &str) -> Result<Option<T>, CliError>
    where
        T: FromStr,
        T::Err: Explain,
    {
        self.optional_with(given, question, |text| text.parse::<T>())
    }

    /// [`Questions::optional`], with its own parser (an e-mail address, a LinkedIn profile).
    pub fn optional_with<T, E: Explain>(
        &self,
        given: Option<T>,
        question: &str,
        parse: impl Fn(&str) -> Result<T, E>,
    ) -> Result<Option<T>, CliError> {
        if given.is_some() || !self.asking {
            return Ok(given);
        }
        let typed = self.line(
            question,
            Some(&self.ctx.say(Msg::HowSkip, &[])),
            None,
            None,
            |text| {
                if text.trim().is_empty() {
                    Ok(())
                } else {
                    parse(text)
                        .map(drop)
                        .map_err(|e| refused(&e, self.ctx.lang))
                }
            },
        )?;
        if typed.trim().is_empty() {
            return Ok(None);
        }
        parse(&typed)
            .map(Some)
            .map_err(|e| CliError::bad_input(e.explain()))
    }

    /// A yes/no flag (`--concern`): set when given; else, in a walk-through, the answer (no by
    /// default).
    pub fn flag(&self, given: bool, question: &str) -> Result<bool, CliError> {
        if given || !self.asking {
            return Ok(given);
        }
        answer(self.ctx.lang, || {
            yes_no(&self.theme, self.ctx.lang, question, false)
        })
        .map(|answer| answer.unwrap_or(false))
    }

    /// A date: the one given; else, in a walk-through, the answer (today by default, typed as
    /// on the command line); else today.
    pub fn date(&self, given: Option<DateArg>, question: &str) -> Result<NaiveDate, CliError> {
        let today = self.ctx.today();
        if let Some(date) = given {
            return Ok(date.resolve(today));
        }
        if !self.asking {
            return Ok(today);
        }
        let typed = self.line(
            question,
            None,
            Some(today.format("%Y-%m-%d").to_string()),
            None,
            |text| {
                text.parse::<DateArg>()
                    .map(drop)
                    .map_err(|e| refused(&e, self.ctx.lang))
            },
        )?;
        typed
            .parse::<DateArg>()
            .map(|date| date.resolve(today))
            .map_err(|e| CliError::bad_input(e.explain()))
    }

    /// One value of a fixed vocabulary, picked from a list of its words in the user's language.
    pub fn choice<T: Labeled>(
        &self,
        given: Option<T>,
        all: &[T],
        option: &str,
        expected: &str,
        question: &str,
    ) -> Result<T, CliError> {
        match given {
            Some(value) => Ok(value),
            None if self.asking => {
                let labels: Vec<&str> = all.iter().map(|v| v.label_in(self.ctx.lang)).collect();
                Ok(all[self.pick(question, &labels, 0)?])
            }
            None => self.ctx.require(None, option, expected),
        }
    }

    /// The index of the item picked from `items`; only for a walk-through (see
    /// [`Questions::asking`]), where a command offers a choice of its own.
    pub fn select(&self, question: &str, items: &[&str]) -> Result<usize, CliError> {
        self.pick(question, items, 0)
    }

    /// How a meeting took place (`--format`).
    pub fn format(&self, given: Option<MeetingFormat>) -> Result<MeetingFormat, CliError> {
        self.choice(
            given,
            MeetingFormat::ALL,
            "--format",
            &self.ctx.say(
                Msg::ExpectFormat,
                &[("values", &MeetingFormat::keywords_in(self.ctx.lang))],
            ),
            &self.ctx.say(Msg::AskFormat, &[]),
        )
    }

    /// What brings a network's members together (`--kind`).
    pub fn kind(&self, given: Option<Kind>) -> Result<Kind, CliError> {
        self.choice(
            given,
            Kind::ALL,
            "--kind",
            &self.ctx.say(
                Msg::ExpectOneOf,
                &[("values", &Kind::keywords_in(self.ctx.lang))],
            ),
            &self.ctx.say(Msg::AskKind, &[]),
        )
    }

    /// A network that must be named: the one given, else picked from the `networks` the
    /// command gives (the journal's, `which` of them).
    pub fn network(
        &self,
        given: Option<Name>,
        which: Networks,
        option: &str,
        question: &str,
        networks: impl FnOnce(Networks) -> Result<Vec<Choice<Name>>, CliError>,
    ) -> Result<Name, CliError> {
        if given.is_some() || !self.asking {
            return self.ctx.require(given, option, Msg::ExpectNetworkName);
        }
        let mut networks = networks(which)?;
        if networks.is_empty() {
            let expected = self.ctx.say(Msg::ExpectNetworkName, &[]);
            let error = CliError::bad_input(Message::keyed(
                Msg::Missing,
                &[("option", option), ("expected", &expected)],
            ));
            return Err(match which {
                Networks::All => error.with_hint(Message::keyed(Msg::NoNetworkYet, &[])),
                Networks::Active => error.with_hint(Message::keyed(Msg::EveryNetworkLeft, &[])),
            });
        }
        let index = self.fuzzy_pick(question, &labels(&networks))?;
        Ok(networks.swap_remove(index).value)
    }

    /// A contact that must be named: the one given, else picked from the contacts' `names` the
    /// command gives.
    pub fn contact(
        &self,
        given: Option<Name>,
        option: &str,
        question: &str,
        names: impl FnOnce() -> Result<Vec<String>, CliError>,
    ) -> Result<Name, CliError> {
        let expected = self.ctx.say(Msg::ExpectPersonName, &[]);
        if given.is_some() || !self.asking {
            return self.ctx.require(given, option, &expected);
        }
        let mut names = names()?;
        if names.is_empty() {
            return Err(CliError::bad_input(Message::keyed(
                Msg::Missing,
                &[("option", option), ("expected", &expected)],
            ))
            .with_hint(Message::keyed(Msg::NoContactYet, &[])));
        }
        names.sort_by_key(|name| name_key(name));
        let index = self.fuzzy_pick(question, &names)?;
        parse_name(&names[index])
    }

    /// A network named by its name or number (`rm`, `edit`): the one given, else picked from
    /// the `networks` the command gives (all the journal's).
    pub fn network_ref(
        &self,
        given: Option<NameOrId>,
        option: &str,
        networks: impl FnOnce(Networks) -> Result<Vec<Choice<Name>>, CliError>,
    ) -> Result<NameOrId, CliError> {
        if given.is_some() || !self.asking {
            let expected = self.ctx.say(Msg::ExpectNetworkNameOrNumber, &[]);
            return self.ctx.require(given, option, &expected);
        }
        let question = self.ctx.say(Msg::AskWhichNetwork, &[]);
        self.network(None, Networks::All, option, &question, networks)
            .map(NameOrId::Name)
    }

    /// A contact named by their name or number (`rm`, `edit`): the one given, else picked from
    /// the contacts' `names` the command gives.
    pub fn contact_ref(
        &self,
        given: Option<NameOrId>,
        option: &str,
        names: impl FnOnce() -> Result<Vec<String>, CliError>,
    ) -> Result<NameOrId, CliError> {
        if given.is_some() || !self.asking {
            let expected = self.ctx.say(Msg::ExpectContactNameOrNumber, &[]);
            return self.ctx.require(given, option, &expected);
        }
        let question = self.ctx.say(Msg::AskWhichContact, &[]);
        self.contact(None, option, &question, names)
            .map(NameOrId::Name)
    }

    /// A meeting, a referral or a note that must be given: its number given, else picked from
    /// the `recent` rows the command gives, the most recent first.
    pub fn numbered(
        &self,
        what: Numbered,
        given: Option<Id>,
        recent: impl FnOnce(Numbered) -> Result<Recent, CliError>,
    ) -> Result<Id, CliError> {
        let (expected, question, none) = match what {
            Numbered::Meeting => (
                Msg::ExpectMeetingNumber,
                Msg::AskWhichMeeting,
                Msg::NoMeetingYet,
            ),
            Numbered::Referral => (
                Msg::ExpectReferralNumber,
                Msg::AskWhichReferral,
                Msg::NoReferralYet,
            ),
            Numbered::Note => (Msg::ExpectNoteNumber, Msg::AskWhichNote, Msg::NoNoteYet),
        };
        let expected = self.ctx.say(expected, &[]);
        if given.is_some() || !self.asking {
            return self.ctx.require(given, "ID", &expected);
        }
        let Recent { rows, only } = recent(what)?;
        if rows.is_empty() {
            return Err(CliError::bad_input(Message::keyed(
                Msg::Missing,
                &[("option", "ID"), ("expected", &expected)],
            ))
            .with_hint(Message::keyed(none, &[])));
        }
        let mut question = self.ctx.say(question, &[]);
        if let Some(n) = only {
            let n = n.to_string();
            question = self
                .ctx
                .say(Msg::AskWhichRecent, &[("question", &question), ("n", &n)]);
        }
        let index = self.fuzzy_pick(&question, &labels(&rows))?;
        Ok(rows[index].value)
    }

    /// A network that may be left out: the one given; else, in a walk-through, picked from the
    /// `networks` the command gives (the active ones), the first entry (`none`) standing for no
    /// network.
    pub fn network_or_none(
        &self,
        given: Option<Name>,
        none: &str,
        question: &str,
        networks: impl FnOnce(Networks) -> Result<Vec<Choice<Name>>, CliError>,
    ) -> Result<Option<Name>, CliError> {
        if given.is_some() || !self.asking {
            return Ok(given);
        }
        let mut networks = networks(Networks::Active)?;
        if networks.is_empty() {
            return Ok(None);
        }
        let labels: Vec<String> = std::iter::once(none.to_string())
            .chain(networks.iter().map(|n| n.label.clone()))
            .collect();
        match self.fuzzy_pick(question, &labels)? {
            0 => Ok(None),
            index => Ok(Some(networks.swap_remove(index - 1).value)),
        }
    }

    /// The people met (`--met`): those given; else, in a walk-through, a comma-separated line,
    /// the contacts' `names` the command gives completed with Tab (or →). New names become new
    /// contacts.
    pub fn contacts(
        &self,
        given: Vec<Name>,
        question: &str,
        names: impl FnOnce() -> Result<Vec<String>, CliError>,
    ) -> Result<Vec<Name>, CliError> {
        if !given.is_empty() || !self.asking {
            return Ok(given);
        }
        let completion = NameCompletion { names: names()? };
        let how = self.ctx.say(Msg::HowNames, &[]);
        let lang = self.ctx.lang;
        let typed = self.line(question, Some(&how), None, Some(&completion), |text| {
            parse_names(text).map(drop).map_err(|e| e.render(lang))
        })?;
        parse_names(&typed).map_err(CliError::bad_input)
    }

    /// A contact that may be left out: the one given; else, in a walk-through, a name
    /// completed from the contacts' `names` the command gives, an empty answer for none. With
    /// `may_be_new`, a name the journal does not hold is a new person (recorded by the
    /// command); without it, the answer must name a contact already there.
    pub fn contact_or_none(
        &self,
        given: Option<Name>,
        may_be_new: bool,
        question: &str,
        names: impl FnOnce() -> Result<Vec<String>, CliError>,
    ) -> Result<Option<Name>, CliError> {
        if given.is_some() || !self.asking {
            return Ok(given);
        }
        let names = names()?;
        if names.is_empty() && !may_be_new {
            return Ok(None);
        }
        if may_be_new {
            let completion = NameCompletion {
                names: names.clone(),
            };
            let how = self.ctx.say(Msg::HowNone, &[]);
            let lang = self.ctx.lang;
            let typed = self.line(question, Some(&how), None, Some(&completion), |text| {
                any_name(text).map(drop).map_err(|e| e.render(lang))
            })?;
            return any_name(&typed).map_err(CliError::bad_input);
        }
        let completion = NameCompletion {
            names: names.clone(),
        };
        let how = self.ctx.say(Msg::HowNone, &[]);
        let typed = self.line(question, Some(&how), None, Some(&completion), |text| {
            known_name(text, &names)
                .map(drop)
                .map_err(|e| e.render(self.ctx.lang))
        })?;
        known_name(&typed, &names).map_err(CliError::bad_input)
    }

    /// One line of text, re-asked until `check` accepts it. `how` (how to answer) is shown
    /// while the question waits, and dropped once it is answered.
    fn line(
        &self,
        question: &str,
        how: Option<&str>,
        default: Option<String>,
        completion: Option<&NameCompletion>,
        check: impl Fn(&str) -> Result<(), String>,
    ) -> Result<String, CliError> {
        let asked = match how {
            Some(how) => format!("{question} ({how})"),
            None => question.to_string(),
        };
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(asked)
            .with_post_completion_text(question)
            .allow_empty(true)
            .validate_with(|text: &String| check(text));
        if let Some(default) = default {
            input = input.default(default);
        }
        if let Some(completion) = completion {
            input = input.completion_with(completion);
        }
        answer(self.ctx.lang, || input.interact_text())
    }

    /// The index of the item picked from a short list; Escape or `q` cancels the command.
    fn pick<T: Display>(
        &self,
        question: &str,
        items: &[T],
        default: usize,
    ) -> Result<usize, CliError> {
        let labels: Vec<String> = items.iter().map(ToString::to_string).collect();
        let hint = self.ctx.say(Msg::PickHintMove, &[]);
        answer(self.ctx.lang, || {
            pickers::pick(
                &self.theme,
                question,
                &hint,
                &labels,
                Typing::Moves,
                default,
            )
        })?
        .ok_or_else(cancelled)
    }

    /// The index of the item picked from a list that typing filters; Escape cancels the
    /// command.
    fn fuzzy_pick(&self, question: &str, items: &[String]) -> Result<usize, CliError> {
        let hint = self.ctx.say(Msg::PickHintFilter, &[]);
        answer(self.ctx.lang, || {
            pickers::pick(&self.theme, question, &hint, items, Typing::Filters, 0)
        })?
        .ok_or_else(cancelled)
    }
}

/// Which kind of numbered row a picker offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbered {
    Meeting,
    Referral,
    Note,
}

/// The meetings, referrals or notes a command offers to pick from, the most recent first.
#[derive(Debug, Clone, Default)]
pub struct Recent {
    pub rows: Vec<Choice<Id>>,
    /// When older ones were left out: how many at most are offered.
    pub only: Option<u32>,
}

/// The labels of `choices`, as a picker lists them.
fn labels<T>(choices: &[Choice<T>]) -> Vec<String> {
    choices.iter().map(|choice| choice.label.clone()).collect()
}

/// A stored name as a [`Name`] (stored names were parsed as such when recorded).
fn parse_name(stored: &str) -> Result<Name, CliError> {
    stored
        .parse()
        .map_err(|e: crate::domain::text::TextError| CliError::failure(e.message()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_and_no_are_understood_in_either_language() {
        let cases = [
            ("y", Some(true)),
            ("Yes", Some(true)),
            ("o", Some(true)),
            ("OUI", Some(true)),
            (" oui ", Some(true)),
            ("n", Some(false)),
            ("No", Some(false)),
            ("non", Some(false)),
            ("NON", Some(false)),
            ("", None),
            ("ui", None),
            ("yep", None),
            ("ouais", None),
            ("q", None),
            ("nope", None),
        ];
        for (answer, expected) in cases {
            assert_eq!(yes_or_no(answer), expected, "{answer:?}");
        }
    }
}
