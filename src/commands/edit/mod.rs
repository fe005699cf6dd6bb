//! `edit network|meeting|contact|referral|note ID-OR-NAME [OPTIONS]`: change what was
//! recorded. Each noun takes the options of the command that records it (`add`, `log`, `note`,
//! and `leave`'s for a network left); only what is given changes, `--clear FIELD` empties an
//! optional field, and the command says what changed, field by field.
//!
//! Every edit is one immediate transaction: read the row, apply the options, check the result
//! against the same rules as when it was recorded, write it back with `updated_at` set to now.
//! A refusal rolls everything back.

pub mod contact;
pub mod meeting;
pub mod network;
pub mod note;
pub mod referral;

use chrono::NaiveDate;
use clap::ValueEnum;

use crate::context::Context;
use crate::db::{Access, Journal};
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Message;
use crate::messages::Msg;

#[derive(Debug, clap::Subcommand)]
#[command(
    after_help = "Only what you give changes. `--clear FIELD` (or `--unset FIELD`) empties an \
    optional field: `--clear notes`, `--clear rules,notes`. A network or a contact is named by \
    its name (in any case) or by its # in `netjournal list`; a meeting, a referral or a note by \
    its #.

Examples:
  netjournal edit referral 12 --status won --value 3200
  netjournal edit network \"BNI Montpellier\" --name \"BNI Montpellier Centre\" --clear notes"
)]
pub enum Command {
    /// Change a network: rename it, fix its kind, dates or fee, or why you left it
    Network(network::Args),
    /// Change a meeting, and who was met there
    Meeting(meeting::Args),
    /// Change a contact: rename them, fix their profession, company, e-mail…
    Contact(contact::Args),
    /// Change a referral: its status, and its value when the business is won
    Referral(referral::Args),
    /// Change a note: its text, what it is on, whether it is a concern
    Note(note::Args),
}

pub fn run(ctx: &Context, command: Command) -> Result<(), CliError> {
    match command {
        Command::Network(args) => network::run(ctx, args),
        Command::Meeting(args) => meeting::run(ctx, args),
        Command::Contact(args) => contact::run(ctx, args),
        Command::Referral(args) => referral::run(ctx, args),
        Command::Note(args) => note::run(ctx, args),
    }
}

/// `--clear FIELD` (or `--unset`): the optional fields of a noun, `F`, that an edit empties;
/// repeated, or separated with commas, in any case. Flattened into every noun's arguments, so
/// that the option is described once.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Clearing<F: ValueEnum + Clone + Send + Sync + 'static> {
    #[arg(
        long,
        help = "Empty an optional field; repeat it, or separate fields with commas",
        visible_alias = "unset",
        value_enum,
        value_name = "FIELD",
        value_delimiter = ',',
        ignore_case = true
    )]
    clear: Vec<F>,
}

impl<F: ValueEnum + Clone + Send + Sync + PartialEq + 'static> Clearing<F> {
    /// Whether `--clear` names `field`.
    pub fn contains(&self, field: &F) -> bool {
        self.clear.contains(field)
    }

    /// The fields `--clear` names, as given.
    pub fn fields(&self) -> &[F] {
        &self.clear
    }
}

/// The journal, to edit. An edit never creates it: on a journal not yet created, every lookup
/// fails as on an empty one ("no network named …"), and nothing is written.
fn open(ctx: &Context) -> Result<Journal, CliError> {
    ctx.open(Access::Read)
}

/// One change option of an edit: its flag, whether it was given, and the field `--clear`
/// empties in its place, if any.
struct Given<F> {
    flag: &'static str,
    given: bool,
    field: Option<F>,
}

impl<F> Given<F> {
    /// An option that sets what `--clear` cannot empty (a name, a date…).
    fn option(flag: &'static str, given: bool) -> Given<F> {
        Given {
            flag,
            given,
            field: None,
        }
    }

    /// An option that sets `field`, which `--clear` empties.
    fn field(flag: &'static str, given: bool, field: F) -> Given<F> {
        Given {
            flag,
            given,
            field: Some(field),
        }
    }
}

/// A noun's edit arguments, as [`check_options`] weighs them.
trait Options {
    /// The fields `--clear` empties.
    type Field: ValueEnum + Clone + Copy + PartialEq + Send + Sync + 'static;
    /// The noun, as typed after `edit`.
    const NOUN: &'static str;
    /// A few of its options, for the refusal of an edit that gives none.
    const EXAMPLE: Msg;
    /// Every change option, with the field `--clear` empties in its place.
    fn options(&self) -> Vec<Given<Self::Field>>;
    fn clearing(&self) -> &Clearing<Self::Field>;
}

/// Refuses an edit that gives nothing to change, and one that both sets and clears a field.
fn check_options<A: Options>(ctx: &Context, args: &A) -> Result<(), CliError> {
    let options = args.options();
    let clear = args.clearing().fields();
    if clear.is_empty() && options.iter().all(|option| !option.given) {
        let example = ctx.say(A::EXAMPLE, &[]);
        return Err(CliError::bad_input(Message::keyed(
            Msg::NothingToChange,
            &[("example", &example)],
        ))
        .with_hint(Message::keyed(Msg::SeeEditHelp, &[("noun", A::NOUN)])));
    }
    for option in &options {
        if let Some(field) = option.field {
            not_both(clear, field, option.given, option.flag)?;
        }
    }
    Ok(())
}

/// Refuses `--notes TEXT --clear notes` and the like: one says set, the other empty.
fn not_both<F: ValueEnum + PartialEq>(
    clear: &[F],
    field: F,
    given: bool,
    option: &str,
) -> Result<(), CliError> {
    if given && clear.contains(&field) {
        let name = field
            .to_possible_value()
            .map_or_else(String::new, |value| value.get_name().to_string());
        let args = [("option", option), ("field", name.as_str())];
        return Err(CliError::bad_input(Message::keyed(Msg::Contradict, &args))
            .with_hint(Message::keyed(Msg::ContradictHint, &args)));
    }
    Ok(())
}

/// An optional field after an edit: the value given, else none when cleared, else as it was.
fn apply<T>(field: &mut Option<T>, given: Option<T>, cleared: bool) {
    if let Some(value) = given {
        *field = Some(value);
    } else if cleared {
        *field = None;
    }
}

/// What was edited, for the sentence that tells it.
#[derive(Debug, Clone, Copy)]
enum Edited<'a> {
    Network(i64, &'a str),
    Meeting(i64),
    Contact(i64, &'a str),
    Referral(i64),
    Note(i64),
}

/// What an edit changed, field by field, for the one line that tells it in `lang`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Changes {
    lang: Lang,
    said: Vec<String>,
}

impl Changes {
    fn new(lang: Lang) -> Changes {
        Changes {
            lang,
            said: Vec::new(),
        }
    }

    /// Notes `label old → new` when the value changed: `label → new` when there was none,
    /// `label old → none` when it was emptied.
    fn field<T: PartialEq>(
        &mut self,
        label: Msg,
        old: Option<&T>,
        new: Option<&T>,
        show: impl Fn(&T) -> String,
    ) {
        if old == new {
            return;
        }
        let field = self.lang.say(label, &[]);
        let field = field.as_str();
        self.said.push(match (old, new) {
            (None, Some(new)) => self
                .lang
                .say(Msg::ChangeSet, &[("field", field), ("new", &show(new))]),
            (Some(old), Some(new)) => self.lang.say(
                Msg::ChangeFrom,
                &[("field", field), ("old", &show(old)), ("new", &show(new))],
            ),
            (Some(old), None) => self
                .lang
                .say(Msg::ChangeCleared, &[("field", field), ("old", &show(old))]),
            (None, None) => unreachable!("equal values were skipped"),
        });
    }

    /// Notes a change of free text, shown in quotes on one line (see [`quoted`]).
    fn text(&mut self, label: Msg, old: &Option<String>, new: &Option<String>) {
        let lang = self.lang;
        self.field(label, old.as_ref(), new.as_ref(), |text| quoted(text, lang));
    }

    /// Notes a change already put in words, such as `met + Paul Martin`.
    fn push(&mut self, change: String) {
        self.said.push(change);
    }

    fn is_empty(&self) -> bool {
        self.said.is_empty()
    }

    /// `Updated referral #12: status open → won, value → €3,200.00.`, or, when the options
    /// only repeated what was recorded, `Nothing changed: referral #12 already holds these values.`
    fn sentence(&self, what: Edited) -> String {
        let (updated, unchanged, id, name) = match what {
            Edited::Network(id, name) => (Msg::UpdatedNetwork, Msg::UnchangedNetwork, id, name),
            Edited::Meeting(id) => (Msg::UpdatedMeeting, Msg::UnchangedMeeting, id, ""),
            Edited::Contact(id, name) => (Msg::UpdatedContact, Msg::UnchangedContact, id, name),
            Edited::Referral(id) => (Msg::UpdatedReferral, Msg::UnchangedReferral, id, ""),
            Edited::Note(id) => (Msg::UpdatedNote, Msg::UnchangedNote, id, ""),
        };
        let id = id.to_string();
        let changes = self.said.join(", ");
        let key = if self.is_empty() { unchanged } else { updated };
        self.lang
            .say(key, &[("id", &id), ("name", name), ("changes", &changes)])
    }
}

/// The longest free text shown whole in a change; longer ones are cut with `…`.
const SHOWN_CHARS: usize = 40;

/// Free text as a change shows it: in quotes (“ ” or « »), on one line, cut after
/// [`SHOWN_CHARS`].
fn quoted(text: &str, lang: Lang) -> String {
    lang.quote(&crate::domain::text::one_line(text, SHOWN_CHARS))
}

/// A name as a change shows it: in backticks, as the other messages do.
fn named(name: &str) -> String {
    format!("`{name}`")
}

fn day(date: &NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_read_old_then_new() {
        let mut changes = Changes::new(Lang::En);
        let show = |s: &&str| s.to_string();
        changes.field(Msg::FieldStatus, Some(&"open"), Some(&"won"), show);
        changes.field(Msg::FieldValue, None, Some(&"€3,200.00"), show);
        changes.field(Msg::FieldNotes, Some(&"x"), None, show);
        changes.field(Msg::FieldKind, Some(&"local"), Some(&"local"), show);
        changes.field(Msg::FieldRules, None::<&&str>, None, show);
        assert_eq!(
            changes.sentence(Edited::Referral(12)),
            "Updated referral #12: status open → won, value → €3,200.00, notes x → none."
        );
        assert_eq!(
            Changes::new(Lang::En).sentence(Edited::Referral(12)),
            "Nothing changed: referral #12 already holds these values."
        );
    }

    #[test]
    fn changes_read_in_french() {
        let mut changes = Changes::new(Lang::Fr);
        let show = |s: &&str| s.to_string();
        changes.field(Msg::FieldStatus, Some(&"en cours"), Some(&"gagnée"), show);
        changes.field(Msg::FieldNotes, Some(&"x"), None, show);
        assert_eq!(
            changes.sentence(Edited::Network(2, "BNI")),
            "Réseau n°2 `BNI` modifié : statut en cours → gagnée, notes x → néant."
        );
        assert_eq!(
            Changes::new(Lang::Fr).sentence(Edited::Note(3)),
            "Rien n'a changé : la note n°3 a déjà ces valeurs."
        );
    }

    #[test]
    fn long_texts_are_cut_on_one_line() {
        assert_eq!(quoted("a real talk", Lang::En), "“a real talk”");
        assert_eq!(quoted("un vrai échange", Lang::Fr), "« un vrai échange »");
        assert_eq!(quoted("two\nlines", Lang::En), "“two lines”");
        let long = "x".repeat(SHOWN_CHARS);
        assert_eq!(quoted(&long, Lang::En), format!("“{long}”"));
        let cut = quoted(&"y".repeat(SHOWN_CHARS + 1), Lang::En);
        assert_eq!(cut.chars().count(), SHOWN_CHARS + 2);
        assert!(cut.ends_with("…”"), "{cut}");
    }

    #[test]
    fn an_optional_field_is_set_cleared_or_kept() {
        let mut field = Some(1);
        apply(&mut field, None, false);
        assert_eq!(field, Some(1));
        apply(&mut field, Some(2), false);
        assert_eq!(field, Some(2));
        apply(&mut field, None, true);
        assert_eq!(field, None);
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
    enum Field {
        Notes,
        Rules,
    }

    #[test]
    fn a_value_and_its_clearing_contradict() {
        assert!(not_both(&[Field::Rules], Field::Notes, true, "--notes").is_ok());
        assert!(not_both(&[Field::Notes], Field::Notes, false, "--notes").is_ok());
        let error = not_both(&[Field::Notes], Field::Notes, true, "--notes").unwrap_err();
        assert_eq!(
            error.message,
            "--notes and `--clear notes` contradict each other"
        );
    }
}
