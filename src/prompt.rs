//! Questions asked of a person at a terminal (dialoguer). Nothing is asked without one:
//! `Context::interactive` (a terminal on stdin, and no `--no-input`) decides, and without it
//! every function here answers as the command line alone would.

use std::fmt::Display;
use std::io::IsTerminal;
use std::str::FromStr;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use dialoguer::console::{Key, Term};
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Completion, FuzzySelect, Input, Select};

use crate::context::Context;
use crate::db::{Access, Filter, contact, meeting, network, note, referral};
use crate::domain::text::{closest, name_key, one_line};
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
        term.clear_line()?;
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
fn refused(error: &impl Explain, lang: Lang) -> String {
    error.explain().render(lang).to_string()
}

/// A prompt that could not be shown or answered: Ctrl-C (exit 2, like any answer missing), or
/// the terminal went away (exit 1). Nothing was recorded either way.
pub fn prompt_error(error: dialoguer::Error) -> CliError {
    let dialoguer::Error::IO(error) = error;
    if error.kind() == std::io::ErrorKind::Interrupted && HANDLER.load(Ordering::SeqCst) {
        // console raised SIGINT on Ctrl-C; the handler (see `answer`) ends the program.
        loop {
            std::thread::park();
        }
    }
    restore_terminal();
    match error.kind() {
        std::io::ErrorKind::Interrupted => {
            CliError::bad_input(Message::keyed(Msg::Interrupted, &[]))
        }
        _ => CliError::failure(Message::keyed(
            Msg::CannotAsk,
            &[("why", &error.to_string())],
        ))
        .with_hint(Message::keyed(Msg::CannotAskHint, &[])),
    }
}

/// Whether the Ctrl-C handler, which has no context, speaks French.
static FRENCH: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back after a prompt that ended early: a list hides the cursor while it is
/// shown, and the error message must start on a line of its own.
fn restore_terminal() {
    let term = Term::stderr();
    let _ = term.show_cursor();
    let _ = term.write_line("");
}

/// Whether a question is waiting for its answer (see [`answer`]).
static WAITING: AtomicBool = AtomicBool::new(false);
/// Whether [`answer`] installed its Ctrl-C handler.
static HANDLER: AtomicBool = AtomicBool::new(false);

/// Runs one dialoguer question so that Ctrl-C ends the program cleanly.
///
/// By default Ctrl-C kills the program where it stands, with the cursor a list hid still
/// hidden. The handler installed here shows it again, says that nothing was changed, and exits
/// with 2. It also catches the SIGINT console raises itself on a Ctrl-C read as a key, since
/// the question then returns an `Interrupted` error only once the handler is on its way (see
/// [`prompt_error`]). Outside a question, Ctrl-C ends the program with 130, as before.
fn answer<T>(lang: Lang, question: impl FnOnce() -> dialoguer::Result<T>) -> Result<T, CliError> {
    FRENCH.store(lang == Lang::Fr, Ordering::SeqCst);
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let installed = ctrlc::set_handler(|| {
            let _ = Term::stderr().show_cursor();
            if WAITING.load(Ordering::SeqCst) {
                let lang = if FRENCH.load(Ordering::SeqCst) {
                    Lang::Fr
                } else {
                    Lang::En
                };
                let error = CliError::bad_input(Message::keyed(Msg::Interrupted, &[]));
                eprintln!("\n{}", error.render(lang));
                std::process::exit(2);
            }
            std::process::exit(130);
        });
        // Without it (another handler was set first), Ctrl-C keeps its default meaning.
        HANDLER.store(installed.is_ok(), Ordering::SeqCst);
    });
    WAITING.store(true, Ordering::SeqCst);
    let answered = question().map_err(prompt_error);
    WAITING.store(false, Ordering::SeqCst);
    answered
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
    /// already in the journal (a taken name given on the command line is refused by the
    /// command itself).
    pub fn new_name(
        &self,
        given: Option<Name>,
        what: Named,
        question: &str,
    ) -> Result<Name, CliError> {
        if given.is_some() || !self.asking {
            return self.ctx.require(given, "NAME", what.expected(self.ctx));
        }
        let taken = {
            let journal = self.ctx.open(Access::Read)?;
            match what {
                Named::Network => network::names(journal.conn())?,
                Named::Contact => contact::names(journal.conn())?,
            }
        };
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

    /// A network that must be named: the one given, else picked from the journal's networks.
    pub fn network(
        &self,
        given: Option<Name>,
        which: Networks,
        option: &str,
        question: &str,
    ) -> Result<Name, CliError> {
        if given.is_some() || !self.asking {
            return self.ctx.require(given, option, Msg::ExpectNetworkName);
        }
        let networks = self.networks(which)?;
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
        let labels: Vec<String> = networks
            .iter()
            .map(|n| network_label(n, self.ctx.lang))
            .collect();
        let index = self.fuzzy_pick(question, &labels)?;
        parse_name(&networks[index].name)
    }

    /// A contact that must be named: the one given, else picked from the journal's contacts.
    pub fn contact(
        &self,
        given: Option<Name>,
        option: &str,
        question: &str,
    ) -> Result<Name, CliError> {
        let expected = self.ctx.say(Msg::ExpectPersonName, &[]);
        if given.is_some() || !self.asking {
            return self.ctx.require(given, option, &expected);
        }
        let mut names = self.contact_names()?;
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
    /// all the journal's networks.
    pub fn network_ref(&self, given: Option<NameOrId>, option: &str) -> Result<NameOrId, CliError> {
        if given.is_some() || !self.asking {
            let expected = self.ctx.say(Msg::ExpectNetworkNameOrNumber, &[]);
            return self.ctx.require(given, option, &expected);
        }
        let question = self.ctx.say(Msg::AskWhichNetwork, &[]);
        self.network(None, Networks::All, option, &question)
            .map(NameOrId::Name)
    }

    /// A contact named by their name or number (`rm`, `edit`): the one given, else picked from
    /// the journal's contacts.
    pub fn contact_ref(&self, given: Option<NameOrId>, option: &str) -> Result<NameOrId, CliError> {
        if given.is_some() || !self.asking {
            let expected = self.ctx.say(Msg::ExpectContactNameOrNumber, &[]);
            return self.ctx.require(given, option, &expected);
        }
        let question = self.ctx.say(Msg::AskWhichContact, &[]);
        self.contact(None, option, &question).map(NameOrId::Name)
    }

    /// A meeting, a referral or a note that must be given: its number given, else picked from
    /// the journal's, the most recent first.
    pub fn numbered(&self, what: Numbered, given: Option<Id>) -> Result<Id, CliError> {
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
        let journal = self.ctx.open(Access::Read)?;
        let conn = journal.conn();
        let lang = self.ctx.lang;
        // The most recent ones, enough to scroll and search: an older row is reached by its
        // number, and a journal of 100,000 meetings is not read whole to ask.
        let recent = Filter {
            latest: Some(PICKED_ROWS + 1),
            ..Filter::default()
        };
        // In date order, as the lists give them.
        let mut rows: Vec<(i64, String)> = match what {
            Numbered::Meeting => meeting::list(conn, &recent)?
                .iter()
                .map(|m| (m.id, meeting_label(m, lang)))
                .collect(),
            Numbered::Referral => referral::list(conn, &recent)?
                .iter()
                .map(|r| (r.id, referral_label(r, lang)))
                .collect(),
            Numbered::Note => note::list(conn, &recent)?
                .iter()
                .map(|n| (n.id, note_label(n, lang)))
                .collect(),
        };
        if rows.is_empty() {
            return Err(CliError::bad_input(Message::keyed(
                Msg::Missing,
                &[("option", "ID"), ("expected", &expected)],
            ))
            .with_hint(Message::keyed(none, &[])));
        }
        // The most recent first.
        rows.reverse();
        let mut question = self.ctx.say(question, &[]);
        if rows.len() > PICKED_ROWS as usize {
            rows.truncate(PICKED_ROWS as usize);
            let n = PICKED_ROWS.to_string();
            question = self
                .ctx
                .say(Msg::AskWhichRecent, &[("question", &question), ("n", &n)]);
        }
        let labels: Vec<String> = rows.iter().map(|(_, label)| label.clone()).collect();
        let index = self.fuzzy_pick(&question, &labels)?;
        Ok(Id::new(rows[index].0))
    }

    /// A network that may be left out: the one given; else, in a walk-through, picked from the
    /// active networks, the first entry (`none`) standing for no network.
    pub fn network_or_none(
        &self,
        given: Option<Name>,
        none: &str,
        question: &str,
    ) -> Result<Option<Name>, CliError> {
        if given.is_some() || !self.asking {
            return Ok(given);
        }
        let networks = self.networks(Networks::Active)?;
        if networks.is_empty() {
            return Ok(None);
        }
        let labels: Vec<String> = std::iter::once(none.to_string())
            .chain(networks.iter().map(|n| network_label(n, self.ctx.lang)))
            .collect();
        match self.fuzzy_pick(question, &labels)? {
            0 => Ok(None),
            index => parse_name(&networks[index - 1].name).map(Some),
        }
    }

    /// The people met (`--met`): those given; else, in a walk-through, a comma-separated line,
    /// the journal's contact names completed with Tab (or →). New names become new contacts.
    pub fn contacts(&self, given: Vec<Name>, question: &str) -> Result<Vec<Name>, CliError> {
        if !given.is_empty() || !self.asking {
            return Ok(given);
        }
        let completion = NameCompletion {
            names: self.contact_names()?,
        };
        let how = self.ctx.say(Msg::HowNames, &[]);
        let lang = self.ctx.lang;
        let typed = self.line(question, Some(&how), None, Some(&completion), |text| {
            parse_names(text).map(drop).map_err(|e| e.render(lang))
        })?;
        parse_names(&typed).map_err(CliError::bad_input)
    }

    /// A contact that may be left out: the one given; else, in a walk-through, a name
    /// completed from the journal's contacts, an empty answer for none. With `may_be_new`, a
    /// name the journal does not hold is a new person (recorded by the command); without it,
    /// the answer must name a contact already there.
    pub fn contact_or_none(
        &self,
        given: Option<Name>,
        may_be_new: bool,
        question: &str,
    ) -> Result<Option<Name>, CliError> {
        if given.is_some() || !self.asking {
            return Ok(given);
        }
        let names = self.contact_names()?;
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

    /// The journal's networks, by name.
    fn networks(&self, which: Networks) -> Result<Vec<network::Network>, CliError> {
        let journal = self.ctx.open(Access::Read)?;
        let mut networks = network::list(journal.conn(), &Filter::default())?;
        if which == Networks::Active {
            networks.retain(|n| n.left_on.is_none());
        }
        networks.sort_by_key(|n| name_key(&n.name));
        Ok(networks)
    }

    fn contact_names(&self) -> Result<Vec<String>, CliError> {
        let journal = self.ctx.open(Access::Read)?;
        Ok(contact::names(journal.conn())?)
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

    /// The index of the item picked from a short list.
    fn pick<T: Display>(
        &self,
        question: &str,
        items: &[T],
        default: usize,
    ) -> Result<usize, CliError> {
        answer(self.ctx.lang, || {
            Select::with_theme(&self.theme)
                .with_prompt(question)
                .items(items)
                .default(default)
                .interact()
        })
    }

    /// The index of the item picked from a list that typing filters.
    fn fuzzy_pick(&self, question: &str, items: &[String]) -> Result<usize, CliError> {
        answer(self.ctx.lang, || {
            FuzzySelect::with_theme(&self.theme)
                .with_prompt(question)
                .items(items)
                .default(0)
                .interact()
        })
    }
}

/// Which kind of numbered row a picker offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbered {
    Meeting,
    Referral,
    Note,
}

/// How many meetings, referrals or notes a picker offers at most, the most recent.
const PICKED_ROWS: u32 = 500;

/// The longest free text a picker shows whole; longer ones are cut with `…`.
const PICKED_TEXT: usize = 50;

/// How a meeting appears in a picker: `#12 · 2024-05-02 · breakfast · BNI Montpellier · Paul
/// Martin, Zoé Durand`.
fn meeting_label(meeting: &meeting::Meeting, lang: Lang) -> String {
    let mut parts = vec![
        format!("#{}", meeting.id),
        meeting.date.format("%Y-%m-%d").to_string(),
        meeting.format.label(lang).to_string(),
    ];
    if let Some(time) = meeting.start_time {
        parts[1] = format!("{} {time}", parts[1]);
    }
    parts.extend(meeting.network.clone());
    if !meeting.contacts.is_empty() {
        parts.push(meeting.contacts.join(", "));
    }
    parts.join(" · ")
}

/// How a referral appears in a picker: `#3 · 2024-05-10 · received · Paul Martin · won`.
fn referral_label(referral: &referral::Referral, lang: Lang) -> String {
    let mut parts = vec![
        format!("#{}", referral.id),
        referral.date.format("%Y-%m-%d").to_string(),
        referral.direction.label(lang).to_string(),
    ];
    parts.extend(referral.contact.clone());
    parts.extend(referral.network.clone());
    parts.push(referral.status.label(lang).to_string());
    parts.extend(
        referral
            .description
            .as_deref()
            .map(|d| lang.quote(&one_line(d, PICKED_TEXT))),
    );
    parts.join(" · ")
}

/// How a note appears in a picker: `#2 · 2024-05-02 · serious concern · BNI Montpellier · “…”`
/// (a resolved one: `minor concern, resolved on 2024-05-20`).
fn note_label(note: &note::Note, lang: Lang) -> String {
    let mut parts = vec![
        format!("#{}", note.id),
        note.date.format("%Y-%m-%d").to_string(),
    ];
    if let Some(severity) = note.severity {
        parts.push(crate::output::concern(severity, note.resolved_on, lang));
    }
    parts.extend(note.network.clone());
    parts.extend(note.contact.clone());
    parts.extend(
        note.meeting_id
            .map(|id| lang.say(Msg::CellOnMeeting, &[("id", &id.to_string())])),
    );
    parts.push(lang.quote(&one_line(&note.text, PICKED_TEXT)));
    parts.join(" · ")
}

/// How a network appears in a picker: its name, its kind, and whether it was left.
fn network_label(network: &network::Network, lang: Lang) -> String {
    let kind = network.kind.label(lang);
    match network.left_on {
        Some(left) => lang.say(
            Msg::NetworkLabelLeft,
            &[
                ("name", &network.name),
                ("kind", kind),
                ("date", &left.format("%Y-%m-%d").to_string()),
            ],
        ),
        None => format!("{} ({kind})", network.name),
    }
}

/// A stored name as a [`Name`] (stored names were parsed as such when recorded).
fn parse_name(stored: &str) -> Result<Name, CliError> {
    stored
        .parse()
        .map_err(|e: crate::domain::text::TextError| CliError::failure(e.message()))
}

/// The names of a comma-separated line, each checked as a name, the same person once.
pub fn parse_names(line: &str) -> Result<Vec<Name>, Message> {
    let mut names: Vec<Name> = Vec::new();
    for part in line.split(',').filter(|part| !part.trim().is_empty()) {
        let name: Name = part.parse().map_err(|e: crate::domain::text::TextError| {
            Message::new(Msg::NameRefused)
                .with("name", part.trim())
                .with("why", e.explain())
        })?;
        if !names.iter().any(|known| known.key() == name.key()) {
            names.push(name);
        }
    }
    Ok(names)
}

/// An answer naming anyone, or none when empty.
fn any_name(answer: &str) -> Result<Option<Name>, Message> {
    if answer.trim().is_empty() {
        return Ok(None);
    }
    answer
        .parse()
        .map(Some)
        .map_err(|e: crate::domain::text::TextError| e.message())
}

/// An answer naming one of `names` (case-insensitively), or none when empty.
pub fn known_name(answer: &str, names: &[String]) -> Result<Option<Name>, Message> {
    if answer.trim().is_empty() {
        return Ok(None);
    }
    let name: Name = answer
        .parse()
        .map_err(|e: crate::domain::text::TextError| e.message())?;
    if names.iter().any(|known| name_key(known) == name.key()) {
        return Ok(Some(name));
    }
    Err(
        match closest(name.as_str(), names.iter().map(String::as_str)) {
            Some(near) => Message::keyed(
                Msg::AnswerNoContactNear,
                &[("name", name.as_str()), ("near", near)],
            ),
            None => Message::keyed(Msg::AnswerNoContact, &[("name", name.as_str())]),
        },
    )
}

/// Completes the last name of a comma-separated line from the journal's contact names.
struct NameCompletion {
    names: Vec<String>,
}

impl Completion for NameCompletion {
    fn get(&self, input: &str) -> Option<String> {
        complete_last(input, &self.names)
    }
}

/// The beginning of a name as names are matched ([`name_key`]), keeping a space it ends with:
/// `Paul ` begins `Paul Martin`, not `Paula`.
fn prefix_key(text: &str) -> String {
    let key = name_key(text);
    if !key.is_empty() && text.ends_with(char::is_whitespace) {
        key + " "
    } else {
        key
    }
}

/// `line` with its last comma-separated name completed: to the one name it begins (compared
/// folded, as names match), or as far as the names it begins agree. `None` when nothing completes.
pub fn complete_last(line: &str, names: &[String]) -> Option<String> {
    let (head, last) = match line.rfind(',') {
        Some(comma) => (&line[..=comma], &line[comma + 1..]),
        None => ("", line),
    };
    let typed = last.trim_start();
    if typed.is_empty() {
        return None;
    }
    // Compared as names are matched: `ame` completes `Amélie`, `loic n'` `Loïc N’Diaye`.
    let typed_key = prefix_key(typed);
    let matches: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|name| name_key(name).starts_with(&typed_key))
        .collect();
    let completed = match matches.as_slice() {
        [] => return None,
        [only] => *only,
        [first, ..] => {
            // The longest beginning every match shares, compared case-insensitively, spelled
            // as the first match spells it; worth offering only when longer than what is typed.
            let shared = first
                .char_indices()
                .map(|(at, c)| at + c.len_utf8())
                .take_while(|&end| {
                    let stem = prefix_key(&first[..end]);
                    matches.iter().all(|name| name_key(name).starts_with(&stem))
                })
                .last()?;
            let stem = &first[..shared];
            if stem.chars().count() <= typed.chars().count() {
                return None;
            }
            stem
        }
    };
    if completed == typed {
        return None;
    }
    let space = if head.is_empty() { "" } else { " " };
    Some(format!("{head}{space}{completed}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        [
            "Paul Martin",
            "Paula Moreau",
            "Sophie Durand",
            "Élodie Roux",
        ]
        .map(String::from)
        .to_vec()
    }

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

    #[test]
    fn the_last_name_of_a_line_is_completed() {
        let cases = [
            // One name begins so: completed, spelled as recorded.
            ("so", Some("Sophie Durand")),
            ("élo", Some("Élodie Roux")),
            ("Paul M", Some("Paul Martin")),
            // Only the last name is completed; what comes before is kept.
            ("Sophie Durand, paul m", Some("Sophie Durand, Paul Martin")),
            ("x,so", Some("x, Sophie Durand")),
            // Several begin so: as far as they agree, when that adds something.
            ("p", Some("Paul")),
            ("paul", None),
            // Nothing to complete.
            ("", None),
            ("Sophie Durand, ", None),
            ("zo", None),
            ("Sophie Durand", None),
        ];
        for (line, expected) in cases {
            assert_eq!(
                complete_last(line, &names()).as_deref(),
                expected,
                "{line:?}"
            );
        }
    }

    #[test]
    fn completion_ignores_accents_and_apostrophe_styles() {
        let names = vec!["Amélie Dupré".to_string(), "Loïc N’Diaye".to_string()];
        assert_eq!(
            complete_last("ame", &names).as_deref(),
            Some("Amélie Dupré")
        );
        assert_eq!(
            complete_last("Paul, loic n'", &names).as_deref(),
            Some("Paul, Loïc N’Diaye")
        );
    }

    #[test]
    fn a_line_of_names_is_split_on_commas() {
        let names = |line: &str| -> Result<Vec<String>, String> {
            parse_names(line)
                .map(|names| names.iter().map(|n| n.to_string()).collect())
                .map_err(|e| e.to_string())
        };
        assert_eq!(names(""), Ok(vec![]));
        assert_eq!(names(" , "), Ok(vec![]));
        assert_eq!(
            names("Paul Martin,  Sophie   Durand ,"),
            Ok(vec!["Paul Martin".into(), "Sophie Durand".into()])
        );
        // The same person typed twice is met once.
        assert_eq!(
            names("Paul Martin, paul martin"),
            Ok(vec!["Paul Martin".into()])
        );
        let error = names("Paul, a\u{7}b").unwrap_err();
        assert!(error.contains("control character"), "{error}");
    }

    #[test]
    fn a_contact_answer_must_name_a_known_contact() {
        assert_eq!(known_name("  ", &names()), Ok(None));
        assert_eq!(
            known_name("paul martin", &names()).map(|n| n.map(|n| n.to_string())),
            Ok(Some("paul martin".into()))
        );
        let error = known_name("Paul Matin", &names()).unwrap_err();
        assert!(error.contains("did you mean `Paul Martin`?"), "{error}");
        let error = known_name("Zoé", &names()).unwrap_err();
        assert!(error.contains("no contact named `Zoé`"), "{error}");
    }

    #[test]
    fn pickers_show_a_meeting_s_start_time_beside_its_day() {
        let mut meeting = meeting::Meeting {
            id: 4,
            uuid: String::new(),
            date: NaiveDate::from_ymd_opt(2024, 2, 6).unwrap(),
            start_time: crate::domain::StartTime::new(7, 30),
            network: Some("BNI Montpellier".into()),
            format: MeetingFormat::Breakfast,
            in_person: true,
            minutes: Some(90),
            travel_minutes: None,
            cost_cents: None,
            rating: None,
            notes: None,
            contacts: vec!["Paul Martin".into()],
        };
        assert_eq!(
            meeting_label(&meeting, Lang::Fr),
            "#4 · 2024-02-06 07:30 · petit-déjeuner · BNI Montpellier · Paul Martin"
        );
        meeting.start_time = None;
        assert_eq!(
            meeting_label(&meeting, Lang::En),
            "#4 · 2024-02-06 · breakfast · BNI Montpellier · Paul Martin"
        );
    }

    #[test]
    fn pickers_show_the_kind_and_when_a_network_was_left() {
        let mut network = network::Network {
            id: 1,
            uuid: String::new(),
            name: "BNI Montpellier".into(),
            kind: Kind::CoOptation,
            status: network::Status::Active,
            joined_on: None,
            left_on: None,
            exit_reason: None,
            invited_by: None,
            fee_cents: None,
            fee_period: None,
            rules: None,
            notes: None,
        };
        assert_eq!(
            network_label(&network, Lang::En),
            "BNI Montpellier (co-optation)"
        );
        network.left_on = NaiveDate::from_ymd_opt(2024, 2, 15);
        assert_eq!(
            network_label(&network, Lang::En),
            "BNI Montpellier (co-optation, left 2024-02-15)"
        );
    }
}
