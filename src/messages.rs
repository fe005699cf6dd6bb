//! Every sentence a person reads — confirmations, errors, hints, questions, the report — once
//! per language, keyed in one table, and the deferred [`Message`]: a key and its values, kept
//! as they are until the message is printed, then rendered once in the user's language.
//! Templates fill `{name}` slots; a template with `|` holds a singular and a plural form (see
//! `Lang::count`).

use std::fmt;
use std::io;

use chrono::NaiveDate;

use crate::i18n::{Lang, sentences};

/// A message for a person, not yet in words: its key in the table and the values of its
/// slots. It is rendered once, where it is printed, in the user's language (`render`), so that
/// whatever layer made it needs to know nothing of the language, and an English sentence
/// cannot reach a French user by a side path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: Msg,
    /// The number that chooses the singular or the plural form, filled in `{n}`.
    count: Option<i64>,
    args: Vec<(&'static str, Arg)>,
}

/// The value of a message's slot, rendered in the message's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Written as it is in every language: a name, a number, a path, a line of a file.
    Text(String),
    /// Another message, rendered in the same language (what a setting expects, a reason).
    Message(Message),
    /// A date in words: `13 January 2026`, `13 janvier 2026`.
    Date(NaiveDate),
    /// A day as a confirmation shows it: `2026-01-13` as typed in English, `13 janvier 2026`
    /// in French (see `Lang::day`).
    Day(NaiveDate),
    /// Why the system refused a file or a folder (see [`io_reason`]).
    Io(io::ErrorKind, String),
    /// A whole number: `10000`, in French with its thousands apart, `10 000`.
    Integer(i64),
    /// A number as typed with a decimal point: `3200.00`, in French `3200,00`.
    Number(String),
    /// A word of the journal's vocabulary (a kind, a status), in each language.
    Word { en: &'static str, fr: &'static str },
    /// Values joined as a list: `a, b, c`.
    List(Vec<Arg>),
    /// Values joined as alternatives: `a, b or c`, `a, b ou c`.
    Or(Vec<Arg>),
    /// A value its own module puts in words for each language (a setting shown as `config get`
    /// shows it, a field's label): kept as a function, called when the message is rendered.
    Words(Words),
}

/// A value put in words when its message is rendered, in the message's language.
#[derive(Clone)]
pub struct Words(std::sync::Arc<dyn Fn(Lang) -> String + Send + Sync>);

impl Words {
    pub fn new(say: impl Fn(Lang) -> String + Send + Sync + 'static) -> Words {
        Words(std::sync::Arc::new(say))
    }
}

impl fmt::Debug for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Words({:?})", (self.0)(Lang::En))
    }
}

impl PartialEq for Words {
    /// The same words in every language.
    fn eq(&self, other: &Words) -> bool {
        [Lang::En, Lang::Fr]
            .into_iter()
            .all(|lang| (self.0)(lang) == (other.0)(lang))
    }
}

impl Eq for Words {}

impl Message {
    /// The message `key` with no value.
    pub fn new(key: Msg) -> Message {
        Message {
            key,
            count: None,
            args: Vec::new(),
        }
    }

    /// The message `key`, its slots filled with `args` written as they are.
    pub fn keyed(key: Msg, args: &[(&'static str, &str)]) -> Message {
        let mut message = Message::new(key);
        for (slot, value) in args {
            message = message.with(slot, *value);
        }
        message
    }

    /// The form of `key` for `n` (see `Lang::count`), `{n}` filled with `n`.
    pub fn count(key: Msg, n: i64) -> Message {
        Message {
            count: Some(n),
            ..Message::new(key)
        }
    }

    /// The slot `slot` filled with `value`.
    #[must_use]
    pub fn with(mut self, slot: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((slot, value.into()));
        self
    }

    /// The key of this message in the table.
    pub fn key(&self) -> Msg {
        self.key
    }

    /// The message in words, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let values: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(slot, arg)| (*slot, arg.render(lang)))
            .collect();
        let values: Vec<(&str, &str)> = values.iter().map(|(s, v)| (*s, v.as_str())).collect();
        match self.count {
            Some(n) => lang.count(self.key, n, &values),
            None => lang.say(self.key, &values),
        }
    }

    /// Whether the English rendering contains `needle` (for tests and logs).
    pub fn contains(&self, needle: &str) -> bool {
        self.render(Lang::En).contains(needle)
    }
}

impl Arg {
    fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Text(text) => text.clone(),
            Arg::Message(message) => message.render(lang),
            Arg::Date(day) => lang.date(*day),
            Arg::Day(day) => lang.day(*day),
            Arg::Io(kind, text) => io_reason_of(*kind, text, lang),
            Arg::Integer(n) => match lang {
                Lang::En => n.to_string(),
                Lang::Fr => {
                    let digits = n.unsigned_abs().to_string();
                    let mut out = String::new();
                    for (i, c) in digits.chars().enumerate() {
                        if i > 0 && (digits.len() - i) % 3 == 0 {
                            out.push(' ');
                        }
                        out.push(c);
                    }
                    if *n < 0 { format!("-{out}") } else { out }
                }
            },
            Arg::Number(text) => match lang {
                Lang::En => text.clone(),
                Lang::Fr => text.replace('.', ","),
            },
            Arg::Word { en, fr } => match lang {
                Lang::En => en.to_string(),
                Lang::Fr => fr.to_string(),
            },
            Arg::List(items) => {
                let items: Vec<String> = items.iter().map(|item| item.render(lang)).collect();
                items.join(", ")
            }
            Arg::Words(words) => (words.0)(lang),
            Arg::Or(items) => {
                let items: Vec<String> = items.iter().map(|item| item.render(lang)).collect();
                let or = match lang {
                    Lang::En => "or",
                    Lang::Fr => "ou",
                };
                match items.as_slice() {
                    [] => String::new(),
                    [one] => one.clone(),
                    [init @ .., last] => format!("{} {or} {last}", init.join(", ")),
                }
            }
        }
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<Words> for Arg {
    fn from(words: Words) -> Arg {
        Arg::Words(words)
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(message)
    }
}

impl From<&Message> for Arg {
    fn from(message: &Message) -> Arg {
        Arg::Message(message.clone())
    }
}

impl From<Msg> for Arg {
    fn from(key: Msg) -> Arg {
        Arg::Message(Message::new(key))
    }
}

impl From<NaiveDate> for Arg {
    fn from(day: NaiveDate) -> Arg {
        Arg::Date(day)
    }
}

impl From<&io::Error> for Arg {
    fn from(error: &io::Error) -> Arg {
        Arg::Io(error.kind(), error.to_string())
    }
}

impl From<Msg> for Message {
    fn from(key: Msg) -> Message {
        Message::new(key)
    }
}

impl PartialEq<&str> for Message {
    /// Compares the English rendering (for tests).
    fn eq(&self, other: &&str) -> bool {
        self.render(Lang::En) == *other
    }
}

impl fmt::Display for Message {
    /// In English, for a developer; the user's language is given to `render`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Why the system refused a file or a folder, in `lang`: the common refusals in our words (the
/// disk is full, permission denied…), any other in the system's own
/// (`Too many levels of symbolic links (os error 40)`).
pub fn io_reason(error: &io::Error, lang: Lang) -> String {
    io_reason_of(error.kind(), &error.to_string(), lang)
}

fn io_reason_of(kind: io::ErrorKind, text: &str, lang: Lang) -> String {
    use io::ErrorKind as Kind;
    let key = match kind {
        Kind::NotFound => Msg::IoNotFound,
        Kind::PermissionDenied => Msg::IoPermissionDenied,
        Kind::AlreadyExists => Msg::IoAlreadyExists,
        Kind::ReadOnlyFilesystem => Msg::IoReadOnly,
        Kind::StorageFull => Msg::IoStorageFull,
        Kind::NotADirectory => Msg::IoNotADirectory,
        Kind::IsADirectory => Msg::IoIsADirectory,
        _ => return text.to_string(),
    };
    lang.say(key, &[])
}

sentences! {
    /// A message of the command line.
    Msg;

    // The frame of every error.
    UsageMore => "For more information, try `--help`.", "Pour en savoir plus : `--help`.";
    InvalidValue => "invalid value `{value}` for `{arg}`", "valeur `{value}` invalide pour `{arg}`";
    InvalidValueBecause => "invalid value `{value}` for `{arg}`: {why}",
        "valeur `{value}` invalide pour `{arg}` : {why}";
    PossibleValues => "possible values: {values}", "les valeurs possibles sont {values}";
    UnknownArgument => "unexpected argument `{arg}`", "argument `{arg}` inattendu";
    UnknownCommand => "unrecognized command `{arg}`", "commande `{arg}` inconnue";
    MissingCommand => "`{command}` needs a command", "il manque une commande après `{command}`";
    CommandsAre => "commands: {commands}", "les commandes sont {commands}";
    DidYouMean => "did you mean `{near}`?", "vouliez-vous dire `{near}` ?";
    MissingArguments => "the following required arguments were not provided: {args}",
        "il manque {args}";
    ConflictingArguments => "`{arg}` cannot be used with `{other}`",
        "`{arg}` ne peut pas s'utiliser avec `{other}`";
    TooManyValues => "unexpected value `{value}` for `{arg}`: it takes one",
        "valeur en trop `{value}` pour `{arg}` : une seule est attendue";
    MissingValue => "a value is required for `{arg}` but none was supplied",
        "`{arg}` attend une valeur, et aucune n'a été donnée";
    CommandConflict => "the command `{command}` cannot be used with `{other}`",
        "la commande `{command}` ne peut pas s'utiliser avec `{other}`";
    WrongValueCount => "`{arg}` takes {expected} values, not {actual}",
        "`{arg}` attend {expected} valeurs, pas {actual}";
    NoEquals => "`{arg}` takes its value after `=`, as in `{arg}=VALUE`",
        "`{arg}` prend sa valeur après un `=`, comme dans `{arg}=VALEUR`";
    ArgNotUtf8 => "an argument is not valid UTF-8 text", "un argument n'est pas du texte UTF-8 valide";

    // Values the command line could not take.
    NotADate => "`{value}` is not a date: expected YYYY-MM-DD, YYYY-MM, DD/MM/YYYY, `today` or `yesterday`",
        "`{value}` n'est pas une date : attendu AAAA-MM-JJ, AAAA-MM, JJ/MM/AAAA, `today` (aujourd'hui) ou `yesterday` (hier)";
    NoSuchDay => "`{value}` is not a day of the calendar", "`{value}` n'est pas un jour du calendrier";
    // Dates that cannot be those of a meeting or a referral (`--force` records them anyway).
    DatedMeeting => "a meeting", "une réunion";
    DatedReferral => "a referral", "une recommandation";
    DatedFuture => "{what} dated {date} is after today ({today}): the journal records what happened",
        "{what} datée du {date} est postérieure à aujourd'hui ({today}) : le journal note ce qui a eu lieu";
    DatedBeforeJoining => "{what} dated {date} is before you joined `{network}`, on {joined}",
        "{what} datée du {date} est antérieure à votre arrivée à `{network}`, le {joined}";
    DatedAfterLeaving => "{what} dated {date} is after you left `{network}`, on {left}",
        "{what} datée du {date} est postérieure à votre départ de `{network}`, le {left}";
    DatedForce => "check the date and the network, or add `--force` to record it anyway",
        "vérifiez la date et le réseau, ou ajoutez `--force` pour l'enregistrer quand même";
    DatedJoinedEarlier => "if you joined earlier, say so: `netjournal edit network \"{network}\" --joined {date}`; or add `--force` to record it anyway",
        "si vous l'avez rejoint plus tôt, dites-le : `netjournal edit network \"{network}\" --joined {date}` ; ou ajoutez `--force` pour l'enregistrer quand même";
    MembershipLeavesOut => "what is recorded on {dates} would fall outside your membership of `{network}` ({joined} to {left})",
        "ce qui est noté le {dates} tomberait hors de votre adhésion à `{network}` (du {joined} au {left})";
    MembershipForce => "check the dates, or add `--force` to keep them so",
        "vérifiez les dates, ou ajoutez `--force` pour les garder ainsi";
    DateOutOfRange => "`{value}` is outside the years a journal keeps: expected a date from 1900 to 2100",
        "`{value}` est hors des années que tient un journal : attendu une date de 1900 à 2100";
    NotAnAmount => "`{value}` is not an amount: expected a number such as 45, 45.50, 45,50, 1 200 or 45 €",
        "`{value}` n'est pas un montant : attendu un nombre comme 45, 45,50, 45.50, 1 200 ou 45 €";
    NegativeAmount => "`{value}` cannot be negative: expected an amount of zero or more",
        "`{value}` ne peut pas être négatif : attendu un montant de zéro ou plus";
    OtherCurrency => "`{value}` is in {given}, but this journal keeps its accounts in {journal}: expected an amount in {journal}, such as 45 or 45 {journal}",
        "`{value}` est en {given}, mais ce journal tient ses comptes en {journal} : attendu un montant en {journal}, comme 45 ou 45 {journal}";
    AmountPrecision => "`{value}` has more than two decimals: expected cents at most, such as 45.50",
        "`{value}` a plus de deux décimales : attendu des centimes au plus, comme 45,50";
    AmountTooLarge => "`{value}` is too large: expected at most 1 000 000 000 000",
        "`{value}` est trop grand : attendu au plus 1 000 000 000 000";
    EmptyName => "the name is empty: expected at least one letter", "le nom est vide : attendu au moins une lettre";
    EmptyText => "the text is empty: expected at least one letter", "le texte est vide : attendu au moins une lettre";
    NameTooLong => "the name is {n} characters long: expected at most {max}",
        "le nom fait {n} caractères : attendu au plus {max}";
    TextTooLong => "the text is {n} characters long: expected at most {max}",
        "le texte fait {n} caractères : attendu au plus {max}";
    ControlCharacter => "{value} contains a control character: expected printable text",
        "{value} contient un caractère de contrôle : attendu du texte imprimable";
    BidiCharacter => "{value} contains a character that reverses the text's direction: expected printable text",
        "{value} contient un caractère qui inverse le sens du texte : attendu du texte imprimable";
    InvisibleText => "{value} has no visible character: expected at least one letter",
        "{value} n'a aucun caractère visible : attendu au moins une lettre";
    NotARating => "`{value}` is not a rating: expected a whole number from 1 to 5",
        "`{value}` n'est pas une note : attendu un nombre entier de 1 à 5";
    NotADuration => "`{value}` is not a duration: expected minutes from 0 to 1440, such as 90 or 1h30",
        "`{value}` n'est pas une durée : attendu des minutes de 0 à 1440, comme 90 ou 1h30";
    NotATime => "`{value}` is not a time of day: expected 7:30, 07:30, 7h30, 7h or 7:30pm",
        "`{value}` n'est pas une heure : attendu 7:30, 07:30, 7h30 ou 7h";
    TooLongFor => "{minutes} minutes ({clock}) is longer than a meeting of this kind lasts ({format}): expected at most {longest} minutes",
        "{minutes} minutes ({clock}), c'est plus que ne dure une réunion de ce genre ({format}) : attendu au plus {longest} minutes";
    UseAt => "to say when it started, use `--at {clock}`; --minutes is how long it lasted",
        "pour dire l'heure où elle a commencé, utilisez `--at {clock}` ; --minutes est sa durée";
    NotAnEmail => "`{value}` is not an e-mail address: expected name@example.com",
        "`{value}` n'est pas une adresse e-mail : attendu nom@exemple.fr";
    NotALinkedin => "`{value}` is not a LinkedIn profile: expected https://www.linkedin.com/in/NAME",
        "`{value}` n'est pas un profil LinkedIn : attendu https://www.linkedin.com/in/NOM";
    NotAnId => "`{value}` is not a row number: expected the # shown by `netjournal list`, such as 12 or #12",
        "`{value}` n'est pas un numéro de ligne : attendu le n° que montre `netjournal list`, comme 12 ou #12";

    // Missing values, names not found.
    Missing => "missing {option}: expected {expected}", "il manque {option} : attendu {expected}";
    MissingNoTerminal => "give {option} on the command line: nothing is asked without a terminal or with `--no-input`",
        "donnez {option} sur la ligne de commande : rien n'est demandé sans terminal ni avec `--no-input`";
    NoNetworkNamed => "no network named `{name}`", "aucun réseau nommé `{name}`";
    NoContactNamed => "no contact named `{name}`", "aucun contact nommé `{name}`";
    NoNetworkYet => "the journal has no network yet: start with `netjournal add network NAME --kind KIND`",
        "le journal n'a encore aucun réseau : commencez par `netjournal add network NOM --kind TYPE`";
    KnownNetworks => "the journal's networks: {names}", "les réseaux du journal : {names}";
    KnownContacts => "the journal's contacts: {names}", "les contacts du journal : {names}";
    RecordContact => "to record them: `netjournal add contact \"{name}\"`",
        "pour l'enregistrer : `netjournal add contact \"{name}\"`";
    NoNetworkNumbered => "no network #{id}", "aucun réseau n°{id}";
    NoContactNumbered => "no contact #{id}", "aucun contact n°{id}";
    NoNetworkNamedOrNumbered => "no network named `{name}` and no network #{id}",
        "aucun réseau nommé `{name}` ni portant le n°{id}";
    NoContactNamedOrNumbered => "no contact named `{name}` and no contact #{id}",
        "aucun contact nommé `{name}` ni portant le n°{id}";
    SeeNumbers => "see the numbers with `netjournal list {things}`",
        "les numéros sont dans `netjournal list {things}`";
    PeriodBackwards => "--since {since} is after --until {until}: expected a period that runs forward",
        "--since {since} est après --until {until} : attendu une période dans l'ordre";
    NowInvalid => "NETJOURNAL_NOW=`{value}` is not a moment: expected a date such as 2024-06-01 or an RFC 3339 time such as 2024-06-01T09:30:00+02:00",
        "NETJOURNAL_NOW=`{value}` n'est pas un instant : attendu une date comme 2024-06-01 ou une heure RFC 3339 comme 2024-06-01T09:30:00+02:00";
    NoHome => "cannot find a home folder to keep the journal in",
        "impossible de trouver un dossier personnel où garder le journal";
    GiveDb => "give the journal's path with `--db PATH` or `NETJOURNAL_DB`",
        "donnez le chemin du journal avec `--db CHEMIN` ou `NETJOURNAL_DB`";

    // The journal file.
    CannotCreateDir => "cannot create the folder `{path}` for the journal: {why}",
        "impossible de créer le dossier `{path}` du journal : {why}";
    CannotCreate => "cannot create the journal `{path}`: {why}", "impossible de créer le journal `{path}` : {why}";
    IsDir => "`{path}` is a folder, not a journal file", "`{path}` est un dossier, pas un fichier journal";
    Foreign => "`{path}` is not a netjournal journal", "`{path}` n'est pas un journal netjournal";
    NotAJournalFile => "the file is not a netjournal journal", "le fichier n'est pas un journal netjournal";
    TooNew => "the journal `{path}` was written by a newer netjournal (schema version {found}; this program knows versions up to {known}); it was left untouched",
        "le journal `{path}` a été écrit par un netjournal plus récent (schéma version {found} ; ce programme connaît jusqu'à la version {known}) ; il n'a pas été touché";
    InstallNewer => "install the newer netjournal to open it", "installez le netjournal plus récent pour l'ouvrir";
    ChooseJournal => "choose the journal file with `--db PATH` or `NETJOURNAL_DB`",
        "choisissez le fichier journal avec `--db CHEMIN` ou `NETJOURNAL_DB`";
    Busy => "the journal is busy: another program is writing to it",
        "le journal est occupé : un autre programme y écrit";
    BusyHint => "another program holds the journal; try again in a moment",
        "un autre programme tient le journal ; réessayez dans un instant";
    ReadOnly => "the journal cannot be written: it is read-only", "le journal ne peut pas être écrit : il est en lecture seule";
    DiskFull => "the disk is full: the journal could not be written", "le disque est plein : le journal n'a pas pu être écrit";
    CannotOpen => "the journal file cannot be opened", "le fichier journal ne peut pas être ouvert";
    PermissionDenied => "permission denied on the journal file", "permission refusée sur le fichier journal";
    Damaged => "the journal file is damaged", "le fichier journal est endommagé";
    IoFailure => "the journal could not be read or written", "le journal n'a pas pu être lu ou écrit";
    Refused => "the journal refused the change: it breaks one of the journal's rules",
        "le journal a refusé la modification : elle enfreint une de ses règles";
    Unexpected => "unexpected error from the journal's storage", "erreur inattendue du stockage du journal";
    CannotWriteOutput => "cannot write the output: {why}", "impossible d'écrire la sortie : {why}";
    CannotWriteFile => "cannot write `{path}`: {why}", "impossible d'écrire `{path}` : {why}";

    // Outputs that cannot be turned against their reader, a journal that stays private, damaged
    // journals and their recovery.
    CannotMakePrivate => "`{path}` is readable by others, and cannot be made readable by you only: {why}",
        "`{path}` est lisible par d'autres, et ne peut pas être rendu lisible par vous seul : {why}";
    MakePrivateHint => "make it yours and private (`chmod 600 {path}`), or choose another journal with `--db`",
        "rendez-le vôtre et privé (`chmod 600 {path}`), ou choisissez un autre journal avec `--db`";
    DamagedJournal => "the journal `{path}` is damaged: nothing was written to it",
        "le journal `{path}` est endommagé : rien n'y a été écrit";
    RecoverHint => "save what can still be read into a new journal with `netjournal recover NEW.db`, then use NEW.db as your journal",
        "sauvez ce qui peut encore être lu dans un nouveau journal avec `netjournal recover NOUVEAU.db`, puis utilisez NOUVEAU.db comme journal";
    ExpectRecoverFile => "the new journal to save what can be read into", "le nouveau journal où sauver ce qui peut être lu";
    NoJournalToRecover => "there is no journal at `{path}` to recover", "il n'y a pas de journal à `{path}` à récupérer";
    RecoveredUnsound => "the new journal did not pass SQLite's integrity check: nothing was written",
        "le nouveau journal n'a pas passé le contrôle d'intégrité de SQLite : rien n'a été écrit";
    RecoveredInto => "Saved what could be read of the journal into {path}:", "Ce qui pouvait être lu du journal a été sauvé dans {path} :";
    RecoveredAll => "Nothing was lost. Use it with `netjournal --db {path} …`, or put it in place of the old journal.",
        "Rien n'a été perdu. Utilisez-le avec `netjournal --db {path} …`, ou mettez-le à la place de l'ancien journal.";
    RecoveredSome => "What could not be read is lost. Use the new journal with `netjournal --db {path} …`, and keep the damaged one until you are sure of it.",
        "Ce qui n'a pas pu être lu est perdu. Utilisez le nouveau journal avec `netjournal --db {path} …`, et gardez l'ancien jusqu'à en être sûr.";
    RecoveredRows => "{n} row recovered|{n} rows recovered", "aucune ligne récupérée|{n} ligne récupérée|{n} lignes récupérées";
    NothingLost => "nothing lost", "rien de perdu";
    NothingReadable => "nothing could be read of the journal (SQLite finds the list of its tables damaged): no journal was written",
        "rien n'a pu être lu du journal (SQLite trouve la liste de ses tables endommagée) : aucun journal n'a été écrit";
    NothingReadableHint => "restore your last backup (`netjournal backup` makes one); keep the damaged file for a specialist tool such as the `sqlite3` shell's `.recover`",
        "restaurez votre dernière sauvegarde (`netjournal backup` en fait une) ; gardez le fichier endommagé pour un outil spécialisé comme le `.recover` du shell `sqlite3`";
    TableDamagedNoLoss => "some of its pages were damaged, and no row was found missing", "certaines de ses pages étaient endommagées, et aucune ligne ne manque";
    TableUnreadable => "the table could not be read at all", "la table n'a pas pu être lue du tout";
    LostRow => "row #{n} could not be read", "la ligne n°{n} n'a pas pu être lue";
    LostRows => "rows #{from} to #{to} could not be read", "les lignes n°{from} à n°{to} n'ont pas pu être lues";
    LostRowsOnwards => "rows from #{from} on could not be read", "les lignes à partir du n°{from} n'ont pas pu être lues";
    LostMetAt => "who was met at meeting #{n} could not be read", "les personnes vues à la réunion n°{n} n'ont pas pu être lues";
    LostMetFrom => "who was met at meetings #{from} to #{to} could not be read",
        "les personnes vues aux réunions n°{from} à n°{to} n'ont pas pu être lues";
    LostMetOnwards => "who was met at meetings from #{from} on could not be read",
        "les personnes vues aux réunions à partir du n°{from} n'ont pas pu être lues";
    RecoveredRefused => "{n} garbled row left out|{n} garbled rows left out", "aucune ligne illisible écartée|{n} ligne illisible écartée|{n} lignes illisibles écartées";
    RecoveredDropped => "{n} left out: it belonged to a row that was lost|{n} left out: they belonged to rows that were lost",
        "{n} écartée : elle dépendait d'une ligne perdue|{n} écartées : elles dépendaient de lignes perdues";
    RecoveredDetached => "{n} kept without its link to a row that was lost|{n} kept without their link to rows that were lost",
        "{n} gardée sans son lien vers une ligne perdue|{n} gardées sans leur lien vers des lignes perdues";
    TableMet => "people met at meetings", "personnes vues aux réunions";
    BackupDamaged => "the journal is damaged: no backup was made", "le journal est endommagé : aucune sauvegarde n'a été faite";
    ForeignLink => "`{path}` is a link another user made: it is not written through", "`{path}` est un lien créé par un autre utilisateur : rien n'est écrit à travers lui";
    CsvDefused => "note: {n} cell started with =, +, -, @, a tab or a carriage return, which a spreadsheet would run as a formula: it was written after a `'` (`--raw` writes cells as they are)|note: {n} cells started with =, +, -, @, a tab or a carriage return, which a spreadsheet would run as a formula: they were written after a `'` (`--raw` writes cells as they are)",
        "remarque : {n} cellule commençait par =, +, -, @, une tabulation ou un retour chariot, qu'un tableur exécuterait comme une formule : elle a été écrite après une `'` (`--raw` écrit les cellules telles quelles)|remarque : {n} cellules commençaient par =, +, -, @, une tabulation ou un retour chariot, qu'un tableur exécuterait comme une formule : elles ont été écrites après une `'` (`--raw` écrit les cellules telles quelles)";

    // Confirmations.
    AddedNetwork => "Added network #{id} `{name}` ({kind}), joined on {date}.",
        "Réseau n°{id} `{name}` ajouté ({kind}), rejoint le {date}.";
    NetworkExists => "a network named `{name}` is already in the journal",
        "un réseau nommé `{name}` est déjà dans le journal";
    SeeNetwork => "see it with `netjournal show network \"{name}\"`",
        "voyez-le avec `netjournal show network \"{name}\"`";
    AddedContact => "Added contact #{id} `{name}`.", "Contact n°{id} `{name}` ajouté.";
    AddedContactThrough => "Added contact #{id} `{name}`, met through {network}.",
        "Contact n°{id} `{name}` ajouté, rencontré via {network}.";
    CreatedContact => "Added contact `{name}`.", "Contact `{name}` ajouté.";
    CreatedContactThrough => "Added contact `{name}`, met through {network}.",
        "Contact `{name}` ajouté, rencontré via {network}.";
    ContactExists => "a contact named `{name}` is already in the journal",
        "un contact nommé `{name}` est déjà dans le journal";
    TwoPeopleOneName => "two people with one name? add what tells them apart, e.g. `Paul Martin (BNI)`",
        "deux personnes du même nom ? ajoutez ce qui les distingue, par exemple `Paul Martin (BNI)`";
    LoggedMeeting => "Logged meeting #{id}: {format} on {date}.", "Réunion n°{id} enregistrée : {format} le {date}.";
    LoggedMeetingAt => "Logged meeting #{id}: {format} at {network} on {date}.",
        "Réunion n°{id} enregistrée : {format} à {network} le {date}.";
    LoggedReferral => "Logged referral #{id}: {direction}, {status}, on {date}.",
        "Recommandation n°{id} enregistrée : {direction}, {status}, le {date}.";
    RecordedUnder => "Recorded under {network}, where {contact} was met.",
        "Rattachée à {network}, où vous avez rencontré {contact}.";
    MetInSeveral => "`{contact}` was met in several networks, {networks}: which one did the referral come through?",
        "vous avez rencontré `{contact}` dans plusieurs réseaux, {networks} : par lequel la recommandation est-elle venue ?";
    SayWhichNetwork => "say it with `--network NAME`, or `--network none` for a referral outside any network",
        "précisez-le avec `--network NOM`, ou `--network none` pour une recommandation venue hors de tout réseau";
    AskWhichNetworkMet => "{contact} was met in several networks: which one did it come through?",
        "Vous avez rencontré {contact} dans plusieurs réseaux : par lequel est-elle venue ?";
    ValueNeedsWon => "--value {value} is for business won, but the status is `{status}`",
        "--value {value} est pour une affaire gagnée, mais le statut est `{status}`";
    ValueNeedsWonHint => "use `--status won` with `--value`, or leave the value out",
        "utilisez `--status won` avec `--value`, ou ne donnez pas de valeur";
    RecordedValueNeedsWon => "the referral's value, {value}, is for business won, but its status would become `{status}`",
        "la valeur de la recommandation, {value}, est pour une affaire gagnée, mais son statut deviendrait `{status}`";
    RecordedValueNeedsWonHint => "add `--clear value` to drop the value, or leave the status as it is",
        "ajoutez `--clear value` pour retirer la valeur, ou laissez le statut tel quel";
    AddedNote => "Added note #{id}.", "Note n°{id} ajoutée.";
    AddedNoteOn => "Added note #{id} on {on}.", "Note n°{id} ajoutée sur {on}.";
    AddedConcern => "Added {severity} concern #{id}.", "Alerte {severity} n°{id} ajoutée.";
    AddedConcernOn => "Added {severity} concern #{id} on {on}.", "Alerte {severity} n°{id} ajoutée sur {on}.";
    OnNetwork => "network {name}", "le réseau {name}";
    OnMeeting => "meeting #{id}", "la réunion n°{id}";
    OnContact => "contact {contact}", "le contact {contact}";
    NoMeeting => "no meeting #{id}", "aucune réunion n°{id}";
    SeeMeetings => "see the meetings' numbers with `netjournal list meetings`",
        "les numéros des réunions sont dans `netjournal list meetings`";
    LeftNetwork => "Left network `{name}` on {date}.", "Réseau `{name}` quitté le {date}.";
    AlreadyLeft => "network `{name}` was already left on {date}", "le réseau `{name}` a déjà été quitté le {date}";
    EditLeft => "to change when or why: `netjournal edit network \"{name}\" --left DATE --reason TEXT`",
        "pour changer la date ou la raison : `netjournal edit network \"{name}\" --left DATE --reason TEXTE`";
    LeftBeforeJoined => "--date {date} is before `{name}` was joined, on {joined}",
        "--date {date} est avant l'adhésion à `{name}`, le {joined}";
    LeftBeforeJoinedHint => "give the date you left, on or after the date you joined",
        "donnez la date de départ, le jour de l'adhésion ou après";
    NothingToList => "Nothing to list.", "Rien à lister.";

    // Questions asked on a terminal.
    AskLeftNetwork => "Which network did you leave?", "Quel réseau avez-vous quitté ?";
    AskLeftWhen => "When did you leave?", "Quand l'avez-vous quitté ?";
    AskLeftWhy => "Why did you leave, in a few words?", "Pourquoi, en quelques mots ?";
    AskDirection => "Did you receive it or give it?", "L'avez-vous reçue ou donnée ?";
    AskReferralNetwork => "Which network did it come through?", "Par quel réseau est-elle venue ?";
    AskReferralContact => "Who referred you, or whom did you refer?", "Qui vous a recommandé, ou qui avez-vous recommandé ?";
    AskWhen => "When?", "Quand ?";
    AskOutcome => "What came of it?", "Qu'en est-il sorti ?";
    AskValue => "The business won, such as 3200?", "Le montant gagné, par exemple 3200 ?";
    AskAbout => "What is it about?", "De quoi s'agit-il ?";
    AskMeetingNetwork => "Which network was it?", "Quel réseau ?";
    AskMeetingWhen => "When was it?", "C'était quand ?";
    AskMet => "Whom did you meet?", "Qui avez-vous rencontré ?";
    FieldStartTime => "start time", "heure de début";
    AskAt => "When did it start (7:30, 7h30)?", "À quelle heure a-t-elle commencé (7:30, 7h30) ?";
    AskMinutes => "How many minutes did it last?", "Combien de minutes a-t-elle duré ?";
    AskTravel => "Minutes spent getting there and back?", "Minutes de trajet, aller et retour ?";
    AskCost => "What did it cost you?", "Combien vous a-t-elle coûté ?";
    AskRating => "How worthwhile was it, from 1 to 5?", "Combien valait-elle, de 1 à 5 ?";
    AskNotes => "Notes?", "Notes ?";
    AskNetworkName => "The network's name?", "Le nom du réseau ?";
    AskJoined => "When did you join?", "Quand l'avez-vous rejoint ?";
    AskInvitedBy => "How did you find it, or who invited you?", "Comment l'avez-vous trouvé, ou qui vous a invité ?";
    AskFee => "Its membership fee?", "Sa cotisation ?";
    AskFeePeriod => "How often is it paid?", "Payée tous les combien ?";
    AskOther => "Anything else worth remembering?", "Autre chose à retenir ?";
    AskRules => "Its rules, such as \"one member per profession\"?", "Ses règles, par exemple \"un seul membre par métier\" ?";
    AskContactName => "Their name?", "Son nom ?";
    AskProfession => "What do they do?", "Son métier ?";
    AskCompany => "Where do they work?", "Son entreprise ?";
    AskContactNetwork => "Which network did you meet them through?", "Par quel réseau l'avez-vous rencontré ?";
    AskEmail => "Their e-mail address?", "Son adresse e-mail ?";
    AskLinkedin => "Their LinkedIn profile?", "Son profil LinkedIn ?";
    AskFirstMet => "When did you first meet them?", "Quand l'avez-vous rencontré pour la première fois ?";
    AskNote => "The note?", "La note ?";
    AskWhichNetwork => "Which network?", "Quel réseau ?";
    AskWhichContact => "Which contact?", "Quel contact ?";
    AskWhichMeeting => "Which meeting?", "Quelle réunion ?";
    AskWhichReferral => "Which referral?", "Quelle recommandation ?";
    AskWhichNote => "Which note?", "Quelle note ?";
    AskWhichRecent => "{question} (the {n} most recent; an older one by its number)",
        "{question} (les {n} plus récentes ; une plus ancienne par son numéro)";
    NoMeetingYet => "the journal has no meeting yet", "le journal n'a encore aucune réunion";
    NoReferralYet => "the journal has no referral yet", "le journal n'a encore aucune recommandation";
    NoNoteYet => "the journal has no note yet", "le journal n'a encore aucune note";
    AskWho => "Who?", "Qui ?";
    AskMeetingNumber => "The meeting's number (see `netjournal list meetings`)?", "Le numéro de la réunion (voir `netjournal list meetings`) ?";
    AskConcern => "Is it a concern, a red flag?", "Est-ce une alerte, un signal d'alarme ?";
    AskSeverity => "How serious is it?", "Quelle est sa gravité ?";
    SeveritySeriousChoice => "serious — a red flag, such as your name used without consent",
        "grave — un signal d'alarme, comme votre nom utilisé sans votre accord";
    SeverityMinorChoice => "minor — worth noting, never a reason to leave on its own",
        "mineure — à noter, jamais une raison de partir à elle seule";
    AskHappened => "When did it happen?", "Quand est-ce arrivé ?";
    AskFormat => "What kind of meeting was it?", "Quel genre de réunion était-ce ?";
    AskKind => "What kind of network is it?", "Quel type de réseau ?";
    NotConfirmed => "not confirmed: {question}", "non confirmé : {question}";
    NotConfirmedHint => "nothing is asked without a terminal or with `--no-input`: add `--yes` to confirm",
        "rien n'est demandé sans terminal ni avec `--no-input` : ajoutez `--yes` pour confirmer";
    Interrupted => "interrupted: nothing was changed", "interrompu : rien n'a été modifié";
    CannotAsk => "cannot ask on the terminal: {why}", "impossible de poser la question sur le terminal : {why}";
    CannotAskHint => "give every value on the command line, or add `--no-input`",
        "donnez chaque valeur sur la ligne de commande, ou ajoutez `--no-input`";
    HowSkip => "empty to skip", "vide pour passer";
    HowNames => "names separated by commas, Tab completes", "noms séparés par des virgules, Tab complète";
    HowNone => "empty for none, Tab completes", "vide pour personne, Tab complète";
    ExpectFormat => "the kind of meeting, one of {values}", "le genre de réunion, parmi {values}";
    ExpectOneOf => "one of {values}", "une valeur parmi {values}";
    ExpectNetworkName => "the network's name", "le nom du réseau";
    ExpectPersonName => "the person's name", "le nom de la personne";
    EveryNetworkLeft => "every network in the journal was left; to record a new one: `netjournal add network NAME --kind KIND`",
        "tous les réseaux du journal ont été quittés ; pour en enregistrer un nouveau : `netjournal add network NOM --kind TYPE`";
    NetworkLabelLeft => "{name} ({kind}, left {date})", "{name} ({kind}, quitté le {date})";
    AnswerNoContactNear => "no contact named `{name}`: did you mean `{near}`?",
        "aucun contact nommé `{name}` : vouliez-vous dire `{near}` ?";
    AnswerNoContact => "no contact named `{name}`: leave it empty, or record them first",
        "aucun contact nommé `{name}` : laissez vide, ou enregistrez-le d'abord";
    ExpectReason => "why you left, in a few words", "pourquoi vous êtes parti, en quelques mots";
    ExpectDirection => "the referral's direction", "le sens de la recommandation";
    NoneRelationship => "(none — a personal relationship)", "(aucun — une relation personnelle)";
    NoneOneToOne => "(none — a one-to-one outside any network)", "(aucun — un tête-à-tête hors réseau)";
    NoneOutside => "(none — met outside any network)", "(aucun — rencontré hors réseau)";
    NoneOutsideReferral => "(none — it came outside any network)", "(aucun — elle est venue hors de tout réseau)";
    ExpectNoteText => "the note's text", "le texte de la note";
    OptReceivedOrGiven => "--received or --given", "--received ou --given";
    WroteReport => "Wrote the report to {path}.", "Bilan écrit dans {path}.";
    // Why the system refused a file, in French (English keeps the system's own words).
    IoNotFound => "no such file or directory", "fichier ou dossier introuvable";
    IoPermissionDenied => "permission denied", "permission refusée";
    IoAlreadyExists => "it already exists", "il existe déjà";
    IoReadOnly => "read-only file system", "système de fichiers en lecture seule";
    IoStorageFull => "the disk is full", "le disque est plein";
    IoNotADirectory => "not a directory", "ce n'est pas un dossier";
    IoIsADirectory => "it is a directory", "c'est un dossier";
    CannotWriteCsv => "cannot write CSV: {why}", "impossible d'écrire le CSV : {why}";
    CannotWriteJson => "cannot write JSON: {why}", "impossible d'écrire le JSON : {why}";

    // What a note is about, asked on a terminal.
    AboutNetwork => "a network", "un réseau";
    AboutContact => "a contact", "un contact";
    AboutMeeting => "a meeting", "une réunion";
    AboutNothing => "nothing in particular", "rien de particulier";

    NameRefused => "`{name}`: {why}", "`{name}` : {why}";

    // A yes/no question on a terminal (French only: English is dialoguer's own).
    YesNoKeys => "(y/n)", "(o/n)";
    AnswerYesOrNo => "`{answer}` is not an answer: type y or yes, n or no (o/oui, n/non), then Enter",
        "`{answer}` n'est pas une réponse : tapez o ou oui, n ou non (y/yes, n/no), puis Entrée";
    Yes => "yes", "oui";
    No => "no", "non";

    // edit: refusals.
    NothingToChange => "nothing to change: give at least one option, such as {example}",
        "rien à changer : donnez au moins une option, par exemple {example}";
    SeeEditHelp => "see what can be changed with `netjournal edit {noun} --help`",
        "ce qui peut être changé : `netjournal edit {noun} --help`";
    EditExampleNetwork => "--name, --fee or --clear notes", "--name, --fee ou --clear notes";
    EditExampleMeeting => "--rating, --met NAME or --clear notes", "--rating, --met NOM ou --clear notes";
    EditExampleContact => "--company, --email or --clear notes", "--company, --email ou --clear notes";
    EditExampleReferral => "--status won --value AMOUNT", "--status won --value MONTANT";
    EditExampleNote => "a new TEXT, --concern, --resolved or --date", "un nouveau TEXTE, --concern, --resolved ou --date";
    NotAConcern => "{option} is for a concern, and note #{id} is a plain note",
        "{option} est pour une alerte, et la note n°{id} n'en est pas une";
    NotAConcernHint => "to flag it as a concern as well: `netjournal edit note {id} --concern {option}`",
        "pour en faire aussi une alerte : `netjournal edit note {id} --concern {option}`";
    ResolvedBeforeRaised => "the concern would be resolved on {resolved}, before it was raised, on {date}",
        "l'alerte serait résolue le {resolved}, avant d'avoir été signalée, le {date}";
    ResolvedBeforeRaisedHint => "give a resolution date on or after the concern's date",
        "donnez une date de résolution le jour de l'alerte ou après";
    Contradict => "{option} and `--clear {field}` contradict each other",
        "{option} et `--clear {field}` se contredisent";
    ContradictHint => "give {option} to set the {field}, or `--clear {field}` to empty it",
        "donnez {option} pour le remplir, ou `--clear {field}` pour le vider";
    StillActive => "{option} is for a network you left, and `{name}` is still active",
        "{option} est pour un réseau quitté, et `{name}` est toujours actif";
    RecordLeaving => "to record that you left it: `netjournal leave network \"{name}\" --reason TEXT`",
        "pour noter que vous l'avez quitté : `netjournal leave network \"{name}\" --reason TEXTE`";
    PeriodNeedsFee => "--fee-period {period} needs a fee, and `{name}` has none",
        "--fee-period {period} demande une cotisation, et `{name}` n'en a pas";
    PeriodNeedsFeeHint => "give the amount too: `--fee AMOUNT --fee-period PERIOD`",
        "donnez aussi le montant : `--fee MONTANT --fee-period PÉRIODE`";
    FromNeedsFee => "--from {from} says when a new fee takes effect, and no fee is given",
        "--from {from} indique quand une nouvelle cotisation s'applique, et aucune cotisation n'est donnée";
    FromNeedsFeeHint => "give the fee too: `--fee AMOUNT --from DATE`",
        "donnez aussi la cotisation : `--fee MONTANT --from DATE`";
    FromAfterLeft => "--from {from} is after `{name}` was left, on {left}",
        "--from {from} est après le départ de `{name}`, le {left}";
    FromAfterLeftHint => "a fee changes while you are a member: give a date on or before {left}",
        "une cotisation change pendant l'adhésion : donnez une date au plus tard le {left}";
    FeeFromRenewal => "The new fee takes effect at the next renewal, on {date}; the periods before keep theirs (`--from DATE` sets another date).",
        "La nouvelle cotisation s'applique au prochain renouvellement, le {date} ; les périodes précédentes gardent la leur (`--from DATE` pour une autre date).";
    EditLeftBeforeJoined => "--left {left} is before `{name}` was joined, on {joined}",
        "--left {left} est avant l'adhésion à `{name}`, le {joined}";
    EditJoinedAfterLeft => "--joined {joined} is after `{name}` was left, on {left}",
        "--joined {joined} est après le départ de `{name}`, le {left}";
    LeftOnOrAfterJoined => "the day you left is on or after the day you joined",
        "le jour du départ est le jour de l'adhésion ou après";
    MetAndUnmet => "--met `{name}` and --unmet `{name}` contradict each other",
        "--met `{name}` et --unmet `{name}` se contredisent";
    GiveOne => "give one of them", "donnez l'un ou l'autre";
    NotMetThere => "`{name}` is not recorded as met at meeting #{id}",
        "`{name}` ne figure pas parmi les personnes rencontrées à la réunion n°{id}";
    NobodyMetThere => "nobody is recorded as met there", "personne n'y figure parmi les personnes rencontrées";
    MetThere => "the people met there are {names}", "les personnes rencontrées sont {names}";
    ContactMissing => "contact #{id} is missing from the journal", "le contact n°{id} manque au journal";
    NoReferral => "no referral #{id}", "aucune recommandation n°{id}";
    SeeReferrals => "see the referrals' numbers with `netjournal list referrals`",
        "les numéros des recommandations sont dans `netjournal list referrals`";
    NoNote => "no note #{id}", "aucune note n°{id}";
    SeeNotes => "see the notes' numbers with `netjournal list notes`",
        "les numéros des notes sont dans `netjournal list notes`";

    // edit: what changed, field by field.
    UpdatedNetwork => "Updated network #{id} `{name}`: {changes}.", "Réseau n°{id} `{name}` modifié : {changes}.";
    UnchangedNetwork => "Nothing changed: network #{id} `{name}` already holds these values.",
        "Rien n'a changé : le réseau n°{id} `{name}` a déjà ces valeurs.";
    UpdatedMeeting => "Updated meeting #{id}: {changes}.", "Réunion n°{id} modifiée : {changes}.";
    UnchangedMeeting => "Nothing changed: meeting #{id} already holds these values.",
        "Rien n'a changé : la réunion n°{id} a déjà ces valeurs.";
    UpdatedContact => "Updated contact #{id} `{name}`: {changes}.", "Contact n°{id} `{name}` modifié : {changes}.";
    UnchangedContact => "Nothing changed: contact #{id} `{name}` already holds these values.",
        "Rien n'a changé : le contact n°{id} `{name}` a déjà ces valeurs.";
    UpdatedReferral => "Updated referral #{id}: {changes}.", "Recommandation n°{id} modifiée : {changes}.";
    UnchangedReferral => "Nothing changed: referral #{id} already holds these values.",
        "Rien n'a changé : la recommandation n°{id} a déjà ces valeurs.";
    UpdatedNote => "Updated note #{id}: {changes}.", "Note n°{id} modifiée : {changes}.";
    UnchangedNote => "Nothing changed: note #{id} already holds these values.",
        "Rien n'a changé : la note n°{id} a déjà ces valeurs.";
    ChangeSet => "{field} → {new}", "{field} → {new}";
    ChangeFrom => "{field} {old} → {new}", "{field} {old} → {new}";
    ChangeCleared => "{field} {old} → none", "{field} {old} → néant";
    MetAdded => "met + {name}", "contacts + {name}";
    MetRemoved => "met − {name}", "contacts − {name}";
    FeeOnce => "{amount} once", "{amount} une fois";
    // A fee's history: `show network` gives it the latest first, an edit in order.
    FeeFrom => "{fee} from {date}", "{fee} à partir du {date}";
    FeeBefore => "{fee} before", "{fee} auparavant";
    FeeStepsJoin => "; ", " ; ";
    FeeThen => "{before}, then {fee} from {date}", "{before}, puis {fee} à partir du {date}";
    FeeFree => "free", "gratuit";
    // A concern in words: `serious concern`, `alerte grave`; `{severity}` is the severity's label.
    ConcernWords => "{severity} concern", "alerte {severity}";
    ResolvedOnSuffix => ", resolved on {date}", ", résolue le {date}";
    FeePer => "{amount} per {period}", "{amount} par {period}";
    FieldName => "name", "nom";
    FieldKind => "kind", "type";
    FieldJoined => "joined", "adhésion";
    FieldInvitedBy => "invited by", "invité par";
    FieldFee => "fee", "cotisation";
    FieldRules => "rules", "règles";
    FieldNotes => "notes", "notes";
    FieldLeft => "left", "départ";
    FieldReason => "reason", "raison du départ";
    FieldExitReason => "exit reason", "raison du départ";
    FieldNetwork => "network", "réseau";
    FieldDate => "date", "date";
    FieldFormat => "format", "format";
    FieldMinutes => "minutes", "minutes";
    FieldTravel => "travel", "trajet";
    FieldCost => "cost", "coût";
    FieldRating => "rating", "évaluation";
    FieldProfession => "profession", "métier";
    FieldCompany => "company", "entreprise";
    FieldEmail => "email", "e-mail";
    FieldLinkedin => "linkedin", "LinkedIn";
    FieldDirection => "direction", "sens";
    FieldContact => "contact", "contact";
    FieldStatus => "status", "statut";
    FieldValue => "value", "valeur";
    FieldText => "text", "texte";
    FieldConcern => "concern", "alerte";
    FieldSeverity => "severity", "gravité";
    FieldResolved => "resolved on", "résolution";
    FieldOn => "on", "sur";

    // rm: the question, what went, what stayed.
    ExpectNetworkNameOrNumber => "the network's name or number", "le nom ou le numéro du réseau";
    ExpectContactNameOrNumber => "the contact's name or number", "le nom ou le numéro du contact";
    ExpectMeetingNumber => "the meeting's number", "le numéro de la réunion";
    ExpectReferralNumber => "the referral's number", "le numéro de la recommandation";
    ExpectNoteNumber => "the note's number", "le numéro de la note";
    NothingRemoved => "Nothing removed.", "Rien n'a été supprimé.";
    ChangedMeanwhile => "the journal changed while you were answering: nothing removed",
        "le journal a changé pendant votre réponse : rien n'a été supprimé";
    ChangedMeanwhileHint => "run the command again to see what would go now",
        "relancez la commande pour voir ce qui serait supprimé maintenant";
    GoneNetwork => "the network was removed by another command meanwhile: nothing removed",
        "le réseau a été supprimé entre-temps par une autre commande : rien n'a été supprimé";
    GoneContact => "the contact was removed by another command meanwhile: nothing removed",
        "le contact a été supprimé entre-temps par une autre commande : rien n'a été supprimé";
    CountMeetings => "{n} meeting|{n} meetings", "aucune réunion|{n} réunion|{n} réunions";
    CountReferrals => "{n} referral|{n} referrals", "aucune recommandation|{n} recommandation|{n} recommandations";
    CountNotes => "{n} note|{n} notes", "aucune note|{n} note|{n} notes";
    AndLast => "{init} and {last}", "{init} et {last}";
    With => ", with {things}", ", avec {things}";
    AlsoRemoved => ", {things}", ", ainsi que {things}";
    AskRemoveNetwork => "Remove network `{name}`{with}{kept}?", "Supprimer le réseau `{name}`{with}{kept} ?";
    StaysNetworkContacts => "the contact met through it stays|the {n} contacts met through it stay",
        "le contact rencontré grâce à ce réseau reste|les {n} contacts rencontrés grâce à ce réseau restent";
    RemovedNetwork => "Removed network `{name}`{also}.", "Réseau `{name}` supprimé{also}.";
    KeptNetworkContacts => "Kept the contact met through it, now with no network.|Kept the {n} contacts met through it, now with no network.",
        "Le contact rencontré grâce à ce réseau est gardé, désormais sans réseau.|Les {n} contacts rencontrés grâce à ce réseau sont gardés, désormais sans réseau.";
    AskRemoveContact => "Remove contact `{name}`{with}{kept}?", "Supprimer le contact `{name}`{with}{kept} ?";
    StaysWithContact => "{things} with them stays|{things} with them stay",
        "{things} avec ce contact reste|{things} avec ce contact restent";
    RemovedContact => "Removed contact `{name}`{also}.", "Contact `{name}` supprimé{also}.";
    KeptWithContact => "Kept {things} with them.|Kept {things} with them.",
        "Reste au journal : {things} avec ce contact.|Restent au journal : {things} avec ce contact.";
    NoContactYet => "the journal has no contact yet", "le journal n'a encore aucun contact";
    SeeContacts => "see the contacts with `netjournal list contacts`", "les contacts sont dans `netjournal list contacts`";
    AskRemoveMeeting => "Remove meeting #{id}: {format} on {date}{with}{kept}?",
        "Supprimer la réunion n°{id} : {format} le {date}{with}{kept} ?";
    AskRemoveMeetingAt => "Remove meeting #{id}: {format} at {network} on {date}{with}{kept}?",
        "Supprimer la réunion n°{id} : {format} à {network} le {date}{with}{kept} ?";
    StaysMeetingContacts => "the contact met there stays|the {n} contacts met there stay",
        "le contact rencontré reste|les {n} contacts rencontrés restent";
    RemovedMeeting => "Removed meeting #{id}{also}.", "Réunion n°{id} supprimée{also}.";
    AskRemoveReferral => "Remove referral #{id}: {direction}{whom}, {status}, on {date}?",
        "Supprimer la recommandation n°{id} : {direction}{whom}, {status}, le {date} ?";
    // `{from}` is the contact as `Lang::by` gives it: `Paul`, `de Paul`, `d'Hélène`.
    ReferralFrom => " from {from}", " {from}";
    ReferralTo => " to {contact}", " à {contact}";
    RemovedReferral => "Removed referral #{id}.", "Recommandation n°{id} supprimée.";
    AskRemoveNote => "Remove note #{id} of {date}: {text}?", "Supprimer la note n°{id} du {date} : {text} ?";
    // `{resolved}` is empty, or `, resolved on 2024-05-02`.
    AskRemoveConcern => "Remove {severity} concern #{id} of {date}{resolved}: {text}?",
        "Supprimer l'alerte {severity} n°{id} du {date}{resolved} : {text} ?";
    RemovedNote => "Removed note #{id}.", "Note n°{id} supprimée.";
    RemovedConcern => "Removed {severity} concern #{id}.", "Alerte {severity} n°{id} supprimée.";

    // config.
    ColSetting => "Setting", "Réglage";
    ColDefault => "Default", "Par défaut";
    ColMeaning => "Meaning", "Signification";
    NotSetCell => "(unset)", "(non défini)";
    SettingIsDefault => "{key} = {value} (the default)", "{key} = {value} (la valeur par défaut)";
    SettingUnset => "{key} is no longer set", "{key} n'est plus défini";
    SettingNotSet => "`{key}` is not set", "`{key}` n'est pas défini";
    SetItWith => "set it with `netjournal config set {key} VALUE`",
        "définissez-le avec `netjournal config set {key} VALEUR`";
    NoSetting => "no setting named `{name}`", "aucun réglage nommé `{name}`";
    KnownSettings => "the settings are {names}", "les réglages sont {names}";
    NotASettingValue => "`{value}` is not a value for {key}: expected {expected}",
        "`{value}` n'est pas une valeur pour {key} : attendu {expected}";
    ExpectWholeNumber => "a whole number from {min} to {max}", "un nombre entier de {min} à {max}";
    ExpectRatio => "a number of zero or more, such as 1 or 1.5", "un nombre positif ou nul, comme 1 ou 1,5";
    ExpectPercent => "a percentage from 0 to 100", "un pourcentage de 0 à 100";
    ExpectRatingThreshold => "a rating from 1 to 5, such as 2.5", "une note de 1 à 5, comme 2,5";
    ExpectCurrency => "a three-letter currency code such as EUR", "un code de devise à trois lettres, comme EUR";
    HelpCurrency => "the journal's currency, an ISO code (amounts are shown in it, never converted)",
        "la devise du journal, un code ISO (les montants y sont affichés, jamais convertis)";
    HelpRateHourly => "what an hour of your time is worth; the report then counts the time spent",
        "ce que vaut une heure de votre temps ; le bilan compte alors le temps passé";
    HelpMinMeetings => "meetings attended before a network is judged (fewer: `watch`, too early)",
        "réunions suivies avant qu'un réseau soit jugé (en deçà : « surveiller », trop tôt)";
    HelpMinReferrals => "referrals a judged network is expected to have brought (fewer: `leave`)",
        "recommandations qu'un réseau jugé doit avoir apportées (en deçà : « partir »)";
    HelpMinMonths => "months of membership before a network is judged (fewer: `watch`, too early)",
        "mois d'adhésion avant qu'un réseau soit jugé (en deçà : « surveiller », trop tôt)";
    HelpWindowMonths => "months of recent past the verdict weighs, counted back from the period's end",
        "mois de passé récent que pèse le verdict, comptés à rebours depuis la fin de la période";
    HelpMinRoi => "business won for each unit of money spent needed to `stay` (below, down to 1: `watch`, barely covers its cost)",
        "montant gagné pour chaque unité dépensée qu'il faut pour « rester » (en deçà, jusqu'à 1 : « surveiller », couvre à peine son coût)";
    HelpLeaveConcerns => "unresolved serious concerns that make a network `leave` (one already makes it `watch`, or `leave` if it never brought business)",
        "alertes graves non résolues qui font d'un réseau un « partir » (une seule en fait déjà un « surveiller », ou un « partir » s'il n'a jamais rien rapporté)";
    HelpLowRating => "average rating of the last 3 rated meetings at or below which a network is `watch`",
        "note moyenne des 3 dernières réunions notées à laquelle, ou en deçà de laquelle, un réseau est à « surveiller »";
    HelpMinMeetingsPerYear => "meetings a year of membership below which a paid network is hardly attended (`leave`)",
        "réunions par année d'adhésion en deçà desquelles un réseau payant n'est presque jamais fréquenté (« partir »)";
    HelpMaxMetOnce => "share of contacts met only once (%) above which relationships are too shallow",
        "part des contacts vus une seule fois (%) au-delà de laquelle les relations sont trop superficielles";

    // show network and the lists: labels, section titles, column headers, cells.
    SectionMeetings => "Meetings ({n})", "Réunions ({n})";
    SectionContacts => "Contacts ({n})", "Contacts ({n})";
    SectionReferrals => "Referrals ({n})", "Recommandations ({n})";
    SectionNotes => "Notes ({n})", "Notes ({n})";
    ColNumber => "#", "n°";
    ColNetwork => "Network", "Réseau";
    ColKind => "Kind", "Type";
    ColStatus => "Status", "Statut";
    ColJoined => "Joined", "Adhésion";
    ColLeft => "Left", "Départ";
    ColFee => "Fee", "Cotisation";
    ColExitReason => "Exit reason", "Raison du départ";
    ColDate => "Date", "Date";
    ColFormat => "Format", "Format";
    ColMinutes => "Minutes", "Minutes";
    ColTravel => "Travel", "Trajet";
    ColCost => "Cost", "Coût";
    ColRating => "Rating", "Évaluation";
    ColMet => "Met", "Contacts";
    ColName => "Name", "Nom";
    ColProfession => "Profession", "Métier";
    ColCompany => "Company", "Entreprise";
    ColMeetingsShared => "Meetings shared", "Réunions communes";
    ColEmail => "E-mail", "E-mail";
    ColDirection => "Direction", "Sens";
    ColContact => "Contact", "Contact";
    ColValue => "Value", "Valeur";
    ColDescription => "Description", "Description";
    ColConcern => "Concern", "Alerte";
    ColOn => "On", "Sur";
    ColNote => "Note", "Note";
    CellOnMeeting => "meeting #{id}", "réunion n°{id}";
    StatusActive => "active", "actif";
    StatusLeft => "left", "quitté";

    // man.
    CannotMakeManPage => "cannot make the manual page: {why}", "impossible de créer la page de manuel : {why}";
    CannotWriteManPages => "cannot write the manual pages in `{path}`: {why}",
        "impossible d'écrire les pages de manuel dans `{path}` : {why}";
    ChooseManDir => "choose a folder you can write to with `--dir DIR`",
        "choisissez un dossier où vous pouvez écrire avec `--dir DOSSIER`";
    WroteManPages => "Wrote the manual pages in {path}.", "Pages de manuel écrites dans {path}.";

    // Reading a file to import.
    CannotRead => "cannot read `{path}`: {why}", "impossible de lire `{path}` : {why}";
    ReadNoSuchFile => "no such file", "fichier introuvable";
    ReadIsFolder => "it is a folder", "c'est un dossier";
    NotUtf8 => "the text is not UTF-8: expected the file as exported, unchanged",
        "le texte n'est pas en UTF-8 : attendu le fichier tel qu'il a été exporté, inchangé";
    FileExists => "`{path}` already exists", "`{path}` existe déjà";
    // The progress bar of a long export or import. `{msg}`, `{bar:30}`, `{pos}`, `{len}` and
    // `{left}` are filled by the bar itself.
    ProgressBar => "{msg} [{bar:30}] {pos}/{len} rows ({left} left)",
        "{msg} [{bar:30}] {pos}/{len} lignes (encore {left})";
    // The bar of a file being read: `{bytes}` and `{total_bytes}` are filled by the bar.
    ProgressReadingBar => "{msg} [{bar:30}] {bytes}/{total_bytes}", "{msg} [{bar:30}] {bytes}/{total_bytes}";
    ProgressReading => "Reading", "Lecture";
    Warning => "warning: {text}", "avertissement : {text}";
    MoreWarnings => "{n} more warning like these|{n} more warnings like these",
        "{n} autre avertissement du même genre|{n} autres avertissements du même genre";
    ProgressExporting => "Exporting", "Export en cours";
    ProgressImporting => "Importing", "Import en cours";

    // export.
    ExportCsvNeedsWhat => "missing --what: a CSV export is one table, expected networks, meetings, contacts, referrals or notes",
        "il manque --what : un export CSV est une seule table, attendu networks, meetings, contacts, referrals ou notes";
    ExportJsonWhole => "for the whole journal, export it as JSON (the default)",
        "pour le journal entier, exportez-le en JSON (le format par défaut)";
    ExportWhatNeedsCsv => "--what goes with --format csv: a JSON export is the whole journal",
        "--what va avec --format csv : un export JSON est le journal entier";
    ExportOneTableJson => "for one table as JSON: `netjournal list TABLE --format json`",
        "pour une seule table en JSON : `netjournal list TABLE --format json`";
    OutputIsJournal => "--output `{path}` is the journal itself: expected another file",
        "--output `{path}` est le journal lui-même : attendu un autre fichier";
    OutputIsFolder => "--output `{path}` is a folder: expected a file",
        "--output `{path}` est un dossier : attendu un fichier";
    ExportedJournal => "Exported the journal to {path}.", "Journal exporté dans {path}.";
    ExportedNetworks => "Exported the networks to {path}.", "Réseaux exportés dans {path}.";
    ExportedMeetings => "Exported the meetings to {path}.", "Réunions exportées dans {path}.";
    ExportedContacts => "Exported the contacts to {path}.", "Contacts exportés dans {path}.";
    ExportedReferrals => "Exported the referrals to {path}.", "Recommandations exportées dans {path}.";
    ExportedNotes => "Exported the notes to {path}.", "Notes exportées dans {path}.";

    // import FILE.json: refusals.
    ImportNeedsFile => "missing FILE: expected a journal exported as JSON, or `linkedin FILE`, or `ics FILE`",
        "il manque FILE : attendu un journal exporté en JSON, ou `linkedin FILE`, ou `ics FILE`";
    ImportNothing => "nothing was imported: mend the file, then import it again",
        "rien n'a été importé : corrigez le fichier, puis importez-le à nouveau";
    ImportOwnJournal => "import it into a journal of its own, e.g. `netjournal --db other.db import FILE`",
        "importez-le dans un journal à part, par exemple `netjournal --db autre.db import FICHIER`";
    ImportTooNew => "`{path}` was written by a newer netjournal (export format version {found}; this program reads version {known})",
        "`{path}` a été écrit par un netjournal plus récent (format d'export version {found} ; ce programme lit la version {known})";
    InstallNewerToImport => "install the newer netjournal to import it",
        "installez le netjournal plus récent pour l'importer";
    InFile => "`{path}`: {what}", "`{path}` : {what}";
    ImportCurrency => "its amounts are in {file} and the journal's in {journal}: amounts are never converted",
        "ses montants sont en {file} et ceux du journal en {journal} : les montants ne sont jamais convertis";
    NotAnExport => "not a netjournal export: {why}", "ce n'est pas un export netjournal : {why}";
    ExportHoldsList => "it holds a list (`netjournal list … --format json` writes lists; `netjournal export` writes a whole journal)",
        "il contient une liste (`netjournal list … --format json` écrit des listes ; `netjournal export` écrit un journal entier)";
    ExportNotObject => "expected a JSON object with \"format\": \"{format}\"",
        "attendu un objet JSON avec \"format\": \"{format}\"";
    ExportFormatIs => "its \"format\" is {found}: expected \"{format}\"",
        "son \"format\" est {found} : attendu \"{format}\"";
    ExportNoFormat => "it has no \"format\": \"{format}\"", "il n'a pas de \"format\": \"{format}\"";
    UnknownFormatVersion => "export format version {found} is unknown: expected {known}",
        "la version {found} du format d'export est inconnue : attendu {known}";
    NoVersion => "(none)", "(aucune)";
    // JSON the parser refused, in French (English keeps serde_json's own words).
    JsonEof => "the file ends in the middle of the JSON", "le fichier s'arrête au milieu du JSON";
    JsonEmpty => "the file is empty", "le fichier est vide";
    JsonExpected => "expected {what}", "attendu {what}";
    JsonExpectedValue => "expected value", "valeur attendue";
    JsonKeyString => "key must be a string", "une clé doit être une chaîne entre guillemets";
    JsonTrailing => "trailing characters", "des caractères après la fin du JSON";
    JsonMissingField => "missing field {field}", "champ {field} manquant";
    JsonUnknownField => "unknown field {field}", "champ {field} inconnu";
    JsonUnknownFieldExpected => "unknown field {field}, expected one of {fields}",
        "champ {field} inconnu : attendu l'un de {fields}";
    JsonInvalidType => "invalid type: {found}, expected {expected}", "type invalide : {found}, attendu {expected}";
    JsonInvalidValue => "invalid value: {found}, expected {expected}", "valeur invalide : {found}, attendu {expected}";
    AtPath => "{path}: {what}", "{path} : {what}";
    // A refusal by a parser that has no words of ours (clap's own, in English).
    ParserSays => "{words}", "refusée par l'analyseur de la ligne de commande, qui répond en anglais : « {words} »";
    JsonSays => "{reason}", "{reason}";
    RruleSays => "{words}", "la bibliothèque rrule répond, en anglais : « {words} »";
    // A place in a file stays as tools read it (`FILE:LINE:`); the colon after words takes its
    // space in French.
    AtPlace => "{place}: {what}", "{place}: {what}";
    AtRecord => "{place}: {record}: {what}", "{place}: {record} : {what}";

    // import FILE.json: a record with a bad field. Field names are the document's own.
    RecordNotUuid => "uuid `{value}` is not a UUID", "l'uuid `{value}` n'est pas un UUID";
    RecordSameUuid => "the same uuid as {other}", "le même uuid que {other}";
    RecordRefNotUuid => "{field} `{value}` is not a UUID", "{field} `{value}` n'est pas un UUID";
    RecordNotTime => "{field} `{value}` is not a time of day: expected HH:MM, such as 07:30",
        "{field} `{value}` n'est pas une heure : attendu HH:MM, comme 07:30";
    RecordDateOutOfRange => "{field} `{value}` is outside the years a journal keeps: expected 1900 to 2100",
        "{field} `{value}` est hors des années que tient un journal : attendu de 1900 à 2100";
    RecordNotDate => "{field} `{value}` is not a date: expected YYYY-MM-DD",
        "{field} `{value}` n'est pas une date : attendu AAAA-MM-JJ";
    RecordNotMoment => "{field} `{value}` is not a moment: expected an RFC 3339 time such as 2024-06-01T09:30:00+02:00",
        "{field} `{value}` n'est pas un instant : attendu une heure RFC 3339 comme 2024-06-01T09:30:00+02:00";
    RecordField => "{field}: {why}", "{field} : {why}";
    RecordTotalTooLarge => "{field}: the journal's amounts of this kind would add up to more than {max} in all: expected totals a report can add up",
        "{field} : les montants de ce type du journal dépasseraient {max} en tout : attendu des totaux qu'un bilan peut additionner";
    ThenHint => "{first}; {then}", "{first} ; {then}";
    NotAWordOf => "`{value}` is not {what}: expected {words}", "`{value}` n'est pas {what} : attendu {words}";
    RecordNotKeyword => "{field} `{value}` is not {what}: expected {keywords}",
        "{field} `{value}` n'est pas {what} : attendu {keywords}";
    AKindOfNetwork => "a kind of network", "un type de réseau";
    AFeePeriod => "a fee period", "une périodicité de cotisation";
    AMeetingFormat => "a meeting format", "un format de réunion";
    ADirection => "a direction", "un sens de recommandation";
    AReferralStatus => "a referral status", "un statut de recommandation";
    ASeverity => "a severity", "une gravité";
    RecordSeverityNotConcern => "severity `{value}` is given for a note that is not a concern: only a concern has a severity",
        "severity `{value}` est donné pour une note qui n'est pas une alerte : seule une alerte a une gravité";
    RecordResolvedNotConcern => "resolved_on is given for a note that is not a concern: only a concern is resolved",
        "resolved_on est donné pour une note qui n'est pas une alerte : seule une alerte est résolue";
    RecordFeeChangeTwice => "the same network_uuid and from_on as {other}: expected one fee change per network and date",
        "les mêmes network_uuid et from_on que {other} : attendu un seul changement de cotisation par réseau et par date";
    RecordOutOfRange => "{field} {value} is out of range: expected {min} to {max}",
        "{field} {value} est hors limites : attendu de {min} à {max}";
    RecordNetworkNameTaken => "the network name `{name}` is already that of {other}: names are unique in a journal",
        "le nom de réseau `{name}` est déjà celui de {other} : les noms sont uniques dans un journal";
    RecordContactNameTaken => "the contact name `{name}` is already that of {other}: names are unique in a journal",
        "le nom de contact `{name}` est déjà celui de {other} : les noms sont uniques dans un journal";
    RecordLeftBeforeJoined => "left_on {left} comes before joined_on {joined}",
        "left_on {left} est avant joined_on {joined}";
    RecordFeeTogether => "fee_cents and fee_period go together: expected both or neither",
        "fee_cents et fee_period vont ensemble : attendu les deux ou aucun";
    RecordValueNotWon => "value_cents is given for a referral `{status}`: only business won has a value",
        "value_cents est donné pour une recommandation `{status}` : seule une affaire gagnée a une valeur";
    RecordNoteOnOne => "a note is on one network, meeting or contact at most: expected one of network_uuid, meeting_uuid and contact_uuid",
        "une note porte sur un réseau, une réunion ou un contact au plus : attendu un seul de network_uuid, meeting_uuid et contact_uuid";
    RecordNotCurrency => "`{value}` is not a currency: expected a three-letter code such as EUR",
        "`{value}` n'est pas une devise : attendu un code de trois lettres comme EUR";
    RecordCurrencySetting => "the currency is given at the top of the file, as \"currency\"",
        "la devise se donne en tête du fichier, comme \"currency\"";
    RecordNoSetting => "no setting named `{key}`: expected {names}", "aucun réglage nommé `{key}` : attendu {names}";
    RecordBadSetting => "`{value}` is not a value this setting takes",
        "`{value}` n'est pas une valeur que ce réglage accepte";
    RecordNoNetwork => "{field} `{value}` is no network of the file nor of the journal",
        "{field} `{value}` ne désigne aucun réseau du fichier ni du journal";
    RecordNoContact => "{field} `{value}` is no contact of the file nor of the journal",
        "{field} `{value}` ne désigne aucun contact du fichier ni du journal";
    RecordNoMeeting => "{field} `{value}` is no meeting of the file nor of the journal",
        "{field} `{value}` ne désigne aucune réunion du fichier ni du journal";

    // import FILE.json: what it did.
    Conflict => "conflict: {what}", "conflit : {what}";
    ConflictDiffers => "{what} differs from the journal's: kept the journal's; the file has {differences}",
        "{what} diffère de la version du journal, qui est gardée ; dans le fichier : {differences}";
    ConflictDifference => "{field} {file} (the journal: {journal})", "{field} {file} (dans le journal : {journal})";
    ConflictNetwork => "network `{name}`", "le réseau `{name}`";
    ConflictContact => "contact `{name}`", "le contact `{name}`";
    ConflictMeeting => "meeting of {date} (uuid {uuid})", "la réunion du {date} (uuid {uuid})";
    ConflictReferral => "referral of {date} (uuid {uuid})", "la recommandation du {date} (uuid {uuid})";
    ConflictNote => "note of {date} (uuid {uuid})", "la note du {date} (uuid {uuid})";
    ConflictFeeChange => "the fee change of `{name}` from {date} (uuid {uuid})",
        "le changement de cotisation de `{name}` au {date} (uuid {uuid})";
    ConflictSameFeeChange => "the fee change of `{name}` from {date} ({record} of the file) is in the journal already, under another uuid: kept the journal's",
        "le changement de cotisation de `{name}` au {date} ({record} du fichier) est déjà dans le journal, sous un autre uuid : celui du journal est gardé";
    ConflictSameNetwork => "network `{name}` ({record} of the file) has the name of the journal's network `{kept}` under another uuid: taken as the same network, the journal's kept; the file's rows that refer to it now refer to the journal's",
        "le réseau `{name}` ({record} du fichier) porte le nom du réseau `{kept}` du journal sous un autre uuid : pris pour le même réseau, celui du journal est gardé ; les lignes du fichier qui s'y rapportent renvoient désormais à celui du journal";
    ConflictSameContact => "contact `{name}` ({record} of the file) has the name of the journal's contact `{kept}` under another uuid: taken as the same contact, the journal's kept; the file's rows that refer to it now refer to the journal's",
        "le contact `{name}` ({record} du fichier) porte le nom du contact `{kept}` du journal sous un autre uuid : pris pour le même contact, celui du journal est gardé ; les lignes du fichier qui s'y rapportent renvoient désormais à celui du journal";
    ConflictSetting => "setting `{key}` differs from the journal's: kept the journal's `{kept}`; the file has `{file}`",
        "le réglage `{key}` diffère de celui du journal : celui du journal est gardé, `{kept}` ; dans le fichier : `{file}`";
    // A field of a record in conflict: the document's name in English, words in French.
    ColumnName => "name", "nom";
    ColumnKind => "kind", "type";
    ColumnJoinedOn => "joined_on", "date d'adhésion";
    ColumnLeftOn => "left_on", "date de départ";
    ColumnExitReason => "exit_reason", "raison du départ";
    ColumnInvitedBy => "invited_by", "invité par";
    ColumnFeeCents => "fee_cents", "cotisation (centimes)";
    ColumnFeePeriod => "fee_period", "périodicité de la cotisation";
    ColumnRules => "rules", "règles";
    ColumnNotes => "notes", "notes";
    ColumnProfession => "profession", "métier";
    ColumnCompany => "company", "entreprise";
    ColumnEmail => "email", "e-mail";
    ColumnLinkedin => "linkedin", "LinkedIn";
    ColumnNetwork => "network", "réseau";
    ColumnAddedOn => "added_on", "date d'ajout";
    ColumnStartTime => "start time", "heure de début";
    ColumnDate => "date", "date";
    ColumnFormat => "format", "format";
    ColumnMinutes => "minutes", "minutes";
    ColumnTravelMinutes => "travel_minutes", "minutes de trajet";
    ColumnCostCents => "cost_cents", "coût (centimes)";
    ColumnRating => "rating", "évaluation";
    ColumnDirection => "direction", "sens";
    ColumnContact => "contact", "contact";
    ColumnDescription => "description", "description";
    ColumnStatus => "status", "statut";
    ColumnValueCents => "value_cents", "valeur (centimes)";
    ColumnText => "text", "texte";
    ColumnConcern => "concern", "alerte";
    ColumnSeverity => "severity", "gravité";
    ColumnResolvedOn => "resolved_on", "date de résolution";
    ColumnFromOn => "from_on", "à partir du";
    ColumnMeeting => "meeting", "sur";
    ValueNone => "none", "néant";
    ValueNobody => "none", "personne";
    ValueMeeting => "the meeting of {date} (#{id})", "la réunion du {date} (n°{id})";
    FieldContactsMet => "contacts met", "contacts rencontrés";
    CurrencyTaken => "The journal was empty: its currency is now the file's, {currency}.",
        "Le journal était vide : sa devise est désormais celle du fichier, {currency}.";
    ImportedFrom => "Imported {file}:", "Import de {file} :";
    NothingNewIn => "Nothing new in {file}:", "Rien de nouveau dans {file} :";
    // One line of the tally: the figures come padded, the table name too, and the word after
    // the first figure with its comma (it agrees in French: `ajoutés,`, `ajoutées,`).
    TallyLine => "  {table} {added} {added_word} {present} already there, {conflicts} in conflict",
        "  {table} {added} {added_word} {present} déjà là, {conflicts} en conflit";
    AddedMasculine => "added|added", "ajouté|ajoutés";
    AddedFeminine => "added|added", "ajoutée|ajoutées";
    TableNetworks => "networks", "réseaux";
    TableFeeChanges => "fee changes", "changements de cotisation";
    TableContacts => "contacts", "contacts";
    TableMeetings => "meetings", "réunions";
    TableReferrals => "referrals", "recommandations";
    TableNotes => "notes", "notes";
    TableSettings => "settings", "réglages";

    // import linkedin.
    LinkedinNoHeader => "no LinkedIn header: expected LinkedIn's Connections.csv, with the line `{columns}`",
        "pas d'en-tête LinkedIn : attendu le fichier Connections.csv de LinkedIn, avec la ligne `{columns}`";
    LinkedinWhere => "LinkedIn gives it in its data export: Settings → Data privacy → Get a copy of your data → Connections",
        "LinkedIn le fournit dans l'export de vos données : Préférences → Confidentialité des données → Obtenir une copie de vos données → Relations";
    LinkedinHeaderLacks => "the header lacks {missing}: expected LinkedIn's columns `{columns}`",
        "il manque à l'en-tête {missing} : attendu les colonnes de LinkedIn `{columns}`";
    CsvUnequal => "{len} values where the header has {expected}: expected one connection a line, a value holding a comma in double quotes",
        "{len} valeurs là où l'en-tête en a {expected} : attendu une relation par ligne, et entre guillemets droits une valeur qui contient une virgule";
    CsvUnreadable => "unreadable line: expected comma-separated values",
        "ligne illisible : attendu des valeurs séparées par des virgules";
    LinkedinBadName => "the name `{name}`: {why}", "le nom `{name}` : {why}";
    LinkedinNotDate => "`{value}` in {column} is not a date: expected a date such as 15 Mar 2024",
        "`{value}` dans {column} n'est pas une date : attendu une date comme 15 Mar 2024";
    LinkedinAmbiguousDate => "`{value}` in {column} could be read two ways (day first or month first): expected the date as LinkedIn writes it, such as 05 Dec 2025",
        "`{value}` dans {column} se lit de deux façons (le jour ou le mois d'abord) : attendu la date telle que LinkedIn l'écrit, comme 05 Dec 2025";
    LinkedinDateOutOfRange => "`{value}` in {column} is not a day one could connect on: expected a date from 2003, when LinkedIn opened, to today",
        "`{value}` dans {column} n'est pas un jour où l'on a pu se connecter : attendu une date entre 2003, ouverture de LinkedIn, et aujourd'hui";
    ContactVanished => "contact #{id} vanished during the import", "le contact n°{id} a disparu pendant l'import";
    ImportedConnections => "Imported {file}: {read}; {added}, {updated}, {unchanged}, {skipped}.",
        "Import de {file} : {read} ; {added}, {updated}, {unchanged}, {skipped}.";
    ConnectionsRead => "{n} connection read|{n} connections read", "aucune relation lue|{n} relation lue|{n} relations lues";
    ConnectionsAdded => "{n} added|{n} added", "aucune ajoutée|{n} ajoutée|{n} ajoutées";
    ConnectionsUpdated => "{n} updated|{n} updated", "aucune mise à jour|{n} mise à jour|{n} mises à jour";
    ConnectionsUnchanged => "{n} already up to date|{n} already up to date", "aucune déjà à jour|{n} déjà à jour|{n} déjà à jour";
    ConnectionsSkipped => "{n} skipped|{n} skipped", "aucune ignorée|{n} ignorée|{n} ignorées";
    NewContactsMetThrough => "New contacts are met through {network}.",
        "Les nouveaux contacts sont notés comme rencontrés via {network}.";
    CompletedByName => "Completed by name alone (no profile or e-mail in common: check it is them):",
        "Complétés sur le seul nom (ni profil ni e-mail en commun : vérifiez qu'il s'agit bien des mêmes personnes) :";
    AtLine => "  line {line}: {what}", "  ligne {line} : {what}";
    SkippedHeading => "Skipped:", "Ignorées :";
    NamedWhy => "{name}: {why}", "{name} : {why}";
    SkippedNoName => "no name (LinkedIn leaves it empty for some members)",
        "pas de nom (LinkedIn le laisse vide pour certains membres)";
    SkippedOtherProfile => "`{name}` in the journal has another LinkedIn profile ({recorded}); if they are two people, add this one by hand under a name that tells them apart",
        "`{name}` a un autre profil LinkedIn dans le journal ({recorded}) ; s'il s'agit de deux personnes, ajoutez celle-ci à la main sous un nom qui les distingue";
    SkippedOtherEmail => "`{name}` in the journal has another e-mail address ({recorded}); if they are two people, add this one by hand under a name that tells them apart",
        "`{name}` a une autre adresse e-mail dans le journal ({recorded}) ; s'il s'agit de deux personnes, ajoutez celle-ci à la main sous un nom qui les distingue";

    // import ics.
    IcsNotCalendar => "not an iCalendar file: expected it to start with BEGIN:VCALENDAR",
        "ce n'est pas un fichier iCalendar : attendu BEGIN:VCALENDAR au début";
    IcsExportHint => "export the calendar as .ics (iCalendar) from the calendar program",
        "exportez le calendrier au format .ics (iCalendar) depuis le logiciel d'agenda";
    IcsNotLine => "`{line}` is not an iCalendar line: expected NAME:VALUE (a line that continues the one before starts with a space)",
        "`{line}` n'est pas une ligne iCalendar : attendu NOM:VALEUR (une ligne qui continue la précédente commence par une espace)";
    IcsNestedEvent => "BEGIN:VEVENT inside BEGIN:{parent}: expected events directly in the calendar",
        "BEGIN:VEVENT dans BEGIN:{parent} : attendu les événements directement dans le calendrier";
    IcsWrongEnd => "END:{component} while BEGIN:{begun} of line {line} is open: expected END:{begun}",
        "END:{component} alors que BEGIN:{begun} de la ligne {line} est ouvert : attendu END:{begun}";
    IcsEndNothing => "END:{component} with nothing open: expected a BEGIN before it",
        "END:{component} sans rien d'ouvert : attendu un BEGIN avant";
    IcsAfterEnd => "`{line}` after END:VCALENDAR: expected nothing, or another calendar",
        "`{line}` après END:VCALENDAR : attendu rien, ou un autre calendrier";
    IcsNeverClosed => "BEGIN:{component} is never closed: expected END:{component} before the end",
        "BEGIN:{component} n'est jamais fermé : attendu END:{component} avant la fin";
    IcsEmpty => "empty: expected an iCalendar file, starting with BEGIN:VCALENDAR",
        "vide : attendu un fichier iCalendar, qui commence par BEGIN:VCALENDAR";
    IcsMalformed => "malformed iCalendar content: expected NAME;PARAMETER=VALUE:VALUE lines",
        "contenu iCalendar mal formé : attendu des lignes NOM;PARAMÈTRE=VALEUR:VALEUR";
    IcsEvent => "event {n}", "événement n°{n}";
    IcsEventUid => "event {n} (UID {uid})", "événement n°{n} (UID {uid})";
    IcsNotStamp => "{property} `{value}` is not an iCalendar date or time: expected 20240305 or 20240305T070000",
        "{property} `{value}` n'est pas une date ou une heure iCalendar : attendu 20240305 ou 20240305T070000";
    IcsManyStamps => "{property} holds {n} values: expected one date or time",
        "{property} contient {n} valeurs : attendu une seule date ou heure";
    IcsNoUid => "no UID: expected every event to have one (the import keeps track of it)",
        "pas d'UID : attendu un UID pour chaque événement (l'import s'en sert pour le suivre)";
    IcsNoStart => "no DTSTART", "pas de DTSTART";
    IcsNotDuration => "DURATION `{value}` is not a duration: expected PT1H30M or P1D",
        "DURATION `{value}` n'est pas une durée : attendu PT1H30M ou P1D";
    IcsEndsBefore => "it ends before it starts: expected DTEND after DTSTART",
        "il finit avant de commencer : attendu DTEND après DTSTART";
    // `{why}` is the recurrence library's own words, in English.
    IcsBadRule => "RRULE `{rule}`: {why}", "RRULE `{rule}` : {why}";
    IcsRuleNotAscii => "it holds characters no rule has: expected FREQ=WEEKLY;BYDAY=TU-style parts, in plain ASCII",
        "il contient des caractères qu'aucune règle n'a : attendu des parties comme FREQ=WEEKLY;BYDAY=TU, en ASCII simple";
    IcsBadUntil => "UNTIL `{value}` is not a date or a time", "UNTIL `{value}` n'est ni une date ni une heure";
    IcsTooMany => "more than {max} occurrences in the period: expected a narrower --since/--until",
        "plus de {max} occurrences sur la période : attendu un --since/--until plus étroit";
    IcsTooManyADay => "more than {max} occurrences on {date}: expected at most {max} meetings a day from one event",
        "plus de {max} occurrences le {date} : attendu au plus {max} réunions par jour pour un même événement";
    IcsOutOfYears => "{property} {value} is outside the years 1900 to 2100: expected a date within them",
        "{property} {value} est hors des années 1900 à 2100 : attendu une date comprise entre les deux";
    IcsDurationTooLong => "DURATION `{value}` ends after 2100: expected an event within the years 1900 to 2100",
        "DURATION `{value}` finit après 2100 : attendu un événement compris dans les années 1900 à 2100";
    IcsRulePartIgnored => "RRULE part `{part}` ignored: it is a calendar program's own extension",
        "partie `{part}` de RRULE ignorée : c'est une extension propre à un logiciel d'agenda";
    // `{name}` comes quoted as it was written, escapes shown.
    IcsNameLeftOut => "the name {person} is left out: {why}", "le nom {person} est écarté : {why}";
    IcsOlderCopy => "an older copy of event {n} (line {line}): left out, the newer one is imported",
        "une copie plus ancienne de l'événement n°{n} (ligne {line}) : écartée, la plus récente est importée";
    ImportedEvents => "Imported {file} ({period}): {added}, {updated}, {already} already in the journal.",
        "Import de {file} ({period}) : {added}, {updated}, {already} déjà dans le journal.";
    MeetingsUpdated => "{n} updated|{n} updated", "aucune mise à jour|{n} mise à jour|{n} mises à jour";
    MeetingsAdded => "{n} meeting added|{n} meetings added", "aucune réunion ajoutée|{n} réunion ajoutée|{n} réunions ajoutées";
    PeriodFromTo => "from {since} to {until}", "du {since} au {until}";
    PeriodUpTo => "up to {until}", "jusqu'au {until}";
    LeftOut => "Left out: {things}.", "Écartés : {things}.";
    LeftOutCancelled => "{n} cancelled|{n} cancelled", "{n} annulé|{n} annulés";
    LeftOutDeclined => "{n} declined|{n} declined", "{n} refusé|{n} refusés";
    // `{text}` comes quoted: `petit-déj`, « petit-déj ».
    LeftOutUnmatched => "{n} not matching {text}|{n} not matching {text}",
        "{n} ne contenant pas {text}|{n} ne contenant pas {text}";
    LeftOutOutside => "{n} event outside the period|{n} events outside the period",
        "{n} événement hors de la période|{n} événements hors de la période";

    // backup.
    ExpectBackupFile => "the file to copy the journal to", "le fichier où copier le journal";
    NoJournalYet => "note: no journal at `{path}` yet (the first command that records something creates it)",
        "note : pas encore de journal à `{path}` (la première commande qui enregistre quelque chose le créera)";
    NoJournalToBackUp => "there is no journal at `{path}` to back up",
        "il n'y a pas de journal à sauvegarder à `{path}`";
    ChooseJournalToBackUp => "choose the journal with `--db PATH` or `NETJOURNAL_DB`",
        "choisissez le journal avec `--db CHEMIN` ou `NETJOURNAL_DB`";
    IsTheJournal => "`{path}` is the journal itself: expected another file",
        "`{path}` est le journal lui-même : attendu un autre fichier";
    IsAFolder => "`{path}` is a folder: expected a file", "`{path}` est un dossier : attendu un fichier";
    BackupInFolder => "name the backup file inside it, e.g. `FOLDER/journal.db`",
        "nommez le fichier de sauvegarde à l'intérieur, par exemple `DOSSIER/journal.db`";
    ExpectedNewFile => "`{path}` already exists: expected a new file", "`{path}` existe déjà : attendu un nouveau fichier";
    ForceReplaces => "add `--force` to replace it", "ajoutez `--force` pour le remplacer";
    BackupBusy => "the journal stayed busy: no backup was made",
        "le journal est resté occupé : aucune sauvegarde n'a été faite";
    BackupUnsound => "the copy did not pass SQLite's integrity check: no backup was made",
        "la copie n'a pas passé le contrôle d'intégrité de SQLite : aucune sauvegarde n'a été faite";
    BackedUp => "Backed up the journal to {path}: {counts}.", "Journal sauvegardé dans {path} : {counts}.";
    CountNetworks => "{n} network|{n} networks", "aucun réseau|{n} réseau|{n} réseaux";
    CountContacts => "{n} contact|{n} contacts", "aucun contact|{n} contact|{n} contacts";

    // forget contact.
    GoneContactErased => "the contact was removed by another command meanwhile: nothing erased",
        "le contact a été supprimé entre-temps par une autre commande : rien n'a été effacé";
    AskForget => "Forget `{name}`: erase them{goes}{stays}?", "Oublier `{name}` : effacer ce contact{goes}{stays} ?";
    ForgetNotes => "the note on them|the {n} notes on them", "la note sur ce contact|les {n} notes sur ce contact";
    ForgetPlaces => "their place at {meetings}", "sa présence à {meetings}";
    ForgetGoesOne => ", {one}", ", avec {one}";
    ForgetGoesTwo => ", {one} and {two}", ", avec {one} et {two}";
    ForgetReferralsStay => "{referrals} with them stays, with no contact|{referrals} with them stay, with no contact",
        "{referrals} avec ce contact reste, désormais sans contact|{referrals} avec ce contact restent, désormais sans contact";
    ForgetRedactedIn => "their name is replaced in {texts}", "son nom est remplacé dans {texts}";
    CountTexts => "{n} text|{n} texts", "aucun texte|{n} texte|{n} textes";
    ForgetTextsStay => "{n} text naming them stays as written|{n} texts naming them stay as written",
        "{n} texte qui cite ce contact reste tel quel|{n} textes qui citent ce contact restent tels quels";
    NothingErased => "Nothing erased.", "Rien n'a été effacé.";
    ChangedMeanwhileErased => "the journal changed while you were answering: nothing erased",
        "le journal a changé pendant votre réponse : rien n'a été effacé";
    Forgot => "Forgot `{name}`: erased them{goes}.", "Contact `{name}` oublié : effacé{goes}.";
    KeptReferralsNoContact => "Kept {referrals}, now with no contact.|Kept {referrals}, now with no contact.",
        "{referrals} est gardée, désormais sans contact.|{referrals} sont gardées, désormais sans contact.";
    RedactedIn => "Replaced their name with `{marker}` in:", "Son nom a été remplacé par `{marker}` dans :";
    StillWrittenIn => "Their name is still written in (not rewritten without --redact):",
        "Son nom reste écrit dans (rien n'est réécrit sans --redact) :";
    MentionNetwork => "network #{id} ({field})", "réseau n°{id} ({field})";
    MentionContact => "contact #{id} ({field})", "contact n°{id} ({field})";
    MentionMeeting => "meeting #{id} ({field})", "réunion n°{id} ({field})";
    MentionReferral => "referral #{id} ({field})", "recommandation n°{id} ({field})";
    MentionNote => "note #{id}", "note n°{id}";
    FieldDescription => "description", "description";
    FileRewritten => "The journal's file was rewritten: none of the erased text remains in it.",
        "Le fichier du journal a été réécrit : il ne contient plus rien du texte effacé.";
    RemovedLeftovers => "Removed {n} unfinished copy a stopped command had left beside the journal (it may have held them): {files}|Removed {n} unfinished copies stopped commands had left beside the journal (they may have held them): {files}",
        "{n} copie inachevée laissée à côté du journal par une commande interrompue a été supprimée (elle pouvait contenir ce contact) : {files}|{n} copies inachevées laissées à côté du journal par des commandes interrompues ont été supprimées (elles pouvaient contenir ce contact) : {files}";
    StillHeldIn => "A copy another command is still writing holds them (a backup or an export started before): {files}|Copies other commands are still writing hold them (backups or exports started before): {files}",
        "Une copie qu'une autre commande écrit encore contient ce contact (une sauvegarde ou un export commencé avant) : {files}|Des copies que d'autres commandes écrivent encore contiennent ce contact (sauvegardes ou exports commencés avant) : {files}";
    ForgetLogNotWiped => "they are erased, but the journal's write-ahead log could not be emptied ({why}): copies of their rows remain in the journal's files until a command can write to it again",
        "ce contact est effacé, mais le journal de transactions n'a pas pu être vidé ({why}) : des copies de ses lignes restent dans les fichiers du journal jusqu'à ce qu'une commande puisse y écrire à nouveau";
    ForgetFileNotRebuilt => "they are erased and their rows zeroed, but the journal's file could not be rebuilt ({why}): its free space may still hold older versions of their rows (from before an edit)",
        "ce contact est effacé et ses lignes mises à zéro, mais le fichier du journal n'a pas pu être reconstruit ({why}) : son espace libre peut encore contenir d'anciennes versions de ses lignes (d'avant une modification)";
    ForgetWipeHint => "make room on the disk, then `netjournal recover CLEAN.db` writes a new journal holding nothing but the journal's rows: use it in place of this one",
        "faites de la place sur le disque, puis `netjournal recover PROPRE.db` écrit un nouveau journal qui ne contient que les lignes du journal : utilisez-le à la place de celui-ci";
    ForgetLogBusy => "the person was erased from the journal, but another program reading it kept the erased text from being wiped from the journal's write-ahead log",
        "la personne a été effacée du journal, mais un autre programme qui le lit a empêché d'effacer ce texte du journal de transactions (WAL)";
    ForgetLogBusyHint => "close the other program, then run any command that writes (the log is emptied when the last program closes the journal)",
        "fermez l'autre programme, puis lancez une commande qui écrit (le journal de transactions est vidé quand le dernier programme ferme le journal)";

    // One person, one record (issue 14): names that fold alike, near-duplicates, merges.
    SeveralContactsNamed => "`{name}` names several contacts: {list}",
        "`{name}` désigne plusieurs contacts : {list}";
    SayWhichOrMerge => "name one by its number (see `netjournal list contacts`), or make them one person: `netjournal merge contact {keep} {other}`",
        "désignez-en un par son numéro (voir `netjournal list contacts`), ou faites-en une seule personne : `netjournal merge contact {keep} {other}`";
    CloseContactHint => "if `{name}` is someone else, add `--new-contact` to record them as a new contact",
        "si `{name}` est quelqu'un d'autre, ajoutez `--new-contact` pour l'enregistrer comme un nouveau contact";
    AskDidYouMean => "No contact named `{name}` yet. Did you mean…",
        "Aucun contact nommé `{name}`. Vouliez-vous dire…";
    SomeoneElse => "no: `{name}` is someone else (a new contact)",
        "non : `{name}` est quelqu'un d'autre (un nouveau contact)";
    MergeThemHint => "if they are one person, make them one: `netjournal merge contact {keep} {other}`",
        "s'il s'agit d'une seule personne, réunissez-les : `netjournal merge contact {keep} {other}`";
    MergeItself => "`{name}` is the same contact twice: expected two different contacts",
        "`{name}` est deux fois le même contact : attendu deux contacts différents";
    AskMerge => "Merge `{other}` into `{keep}`? {moved} move to `{keep}`, and `{other}` is removed.",
        "Réunir `{other}` dans `{keep}` ? {moved} passent à `{keep}`, et `{other}` est supprimé.";
    MergedContact => "Merged `{other}` into contact #{id} `{keep}`: {moved} moved.",
        "`{other}` réuni dans le contact n°{id} `{keep}` : {moved} déplacés.";
    MergedFilled => "Filled in from `{other}`: {fields}.", "Complété depuis `{other}` : {fields}.";
    MergedMeetings => "no meeting|{n} meeting|{n} meetings", "aucune réunion|{n} réunion|{n} réunions";
    MergedReferrals => "no referral|{n} referral|{n} referrals",
        "aucune recommandation|{n} recommandation|{n} recommandations";
    MergedNotes => "no note|{n} note|{n} notes", "aucune note|{n} note|{n} notes";
    NothingMerged => "Nothing merged.", "Rien n'a été réuni.";
    MergeChanged => "`{name}` changed while the question was asked: nothing was merged",
        "`{name}` a changé pendant la question : rien n'a été réuni";
    FieldFirstMet => "first met", "première rencontre";
    FieldLastMet => "last met", "dernière rencontre";
    FieldDepth => "depth", "profondeur";
    FieldMetThrough => "met through", "rencontré via";
    FieldAddedOn => "added", "ajouté le";
    DepthMeetings => "never met|met once|met {n} times", "jamais rencontré|rencontré une fois|rencontré {n} fois";
    SharedEmailOtherPerson => "`{name}` shares the e-mail address of `{other}` in the journal but not the name: recorded as a different person",
        "`{name}` a la même adresse e-mail que `{other}` dans le journal mais pas le même nom : enregistré comme une autre personne";
    DifferentPeopleHeading => "Different people with a known e-mail address or name:",
        "Personnes différentes malgré une adresse e-mail ou un nom connus :";
    OtherEmailNewContact => "Added contact `{new}`: `{name}` <{email}> is not the journal's `{other}` ({recorded}).",
        "Contact `{new}` ajouté : `{name}` <{email}> n'est pas le `{other}` du journal ({recorded}).";
    CloseToHeading => "Close to a contact already in the journal (if they are one person, merge them):",
        "Proches d'un contact déjà dans le journal (s'il s'agit d'une seule personne, réunissez-les) :";
    CloseToLine => "`{name}` is close to `{near}`: `netjournal merge contact {keep} {other}`",
        "`{name}` est proche de `{near}` : `netjournal merge contact {keep} {other}`";

    // The report.    // Headings and labels.
    Title => "Networking report", "Bilan de mes réseaux";
    PeriodAll => "Period: everything up to {until}", "Période : tout jusqu'au {until}";
    PeriodFrom => "Period: {since} to {until}", "Période : du {since} au {until}";
    HourlyRate => "Time valued at {rate} an hour", "Temps valorisé à {rate} de l'heure";
    ColMeetings => "Meetings (in person / remote)", "Réunions (en personne / à distance)";
    ColHours => "Hours", "Heures";
    ColSpent => "Spent", "Dépensé";
    ColTimeValue => "Time's worth", "Valeur du temps";
    ColContacts => "Contacts (1× / 2× / 3+×)", "Contacts (1× / 2× / 3+×)";
    ColReferrals => "Referrals (received / given)", "Recommandations (reçues / données)";
    ColWon => "Won", "Gagné";
    ColReturn => "Return", "Retour";
    ColVerdict => "Verdict", "Verdict";
    ColNetworks => "Networks", "Réseaux";
    ColRenewal => "Renewal", "Renouvellement";
    TotalRow => "Total", "Total";
    OneToOneRow => "One-to-one, outside networks", "En direct, hors réseau";
    SectionVerdicts => "Verdicts", "Verdicts";
    VerdictLine => "{name}: {call}", "{name} : {call}";
    NarrowFigures => "{meetings} · {spent} spent · {won} won · return\u{a0}{return}",
        "{meetings} · {spent} dépensés · {won} gagnés · retour\u{a0}{return}";
    NarrowRow => "{name}: {figures}", "{name} : {figures}";
    SectionByKind => "By kind of network", "Par type de réseau";
    SectionWon => "Where the business came from", "D'où viennent les affaires";
    SectionNextSteps => "Next steps", "Prochaines étapes";
    SectionRetrospective => "Retrospective", "Rétrospective";
    NoNetworks => "No network in this period. Start with `netjournal add network NAME --kind KIND`.",
        "Aucun réseau sur cette période. Commencez par `netjournal add network NOM --kind TYPE`.";
    NoNextStep => "Nothing pressing.", "Rien d'urgent.";
    NoNextStepPast => "None: next steps are drawn for a period that runs to today.",
        "Aucune : les prochaines étapes ne se tirent que d'une période qui va jusqu'à aujourd'hui.";
    CallStay => "stay", "rester";
    CallWatch => "watch", "surveiller";
    CallLeave => "leave", "partir";
    CallLeft => "left", "quitté";

    // Verdict reasons, each with its figure.
    ReasonLeft => "left on {date} ({reason})", "quitté le {date} ({reason})";
    WindowSinceJoining => "since joining", "depuis l'adhésion";
    WindowLast => "in the last month|in the last {n} months", "sur le dernier mois|sur les {n} derniers mois";
    WindowTo => "in the month to {date}|in the {n} months to {date}",
        "sur le mois précédant le {date}|sur les {n} mois précédant le {date}";
    ReasonConcerns => "{concerns} ({texts})", "{concerns} ({texts})";
    SeriousConcerns => "an unresolved serious concern|{n} unresolved serious concerns",
        "une alerte grave non résolue|{n} alertes graves non résolues";
    MinorConcerns => "a minor concern|{n} minor concerns", "une alerte mineure|{n} alertes mineures";
    ReasonTooEarly => "too early to judge ({meetings} in {span}); to be judged after {needs}",
        "trop tôt pour juger ({meetings} en {span}) ; à juger après {needs}";
    // What a network too early to judge still needs: the meetings, the months, or both.
    NeedsMeetingsAndMonths => "{min_meetings} and {min_months} of membership", "{min_meetings} et {min_months} d'adhésion";
    NeedsMeetings => "{min_meetings}", "{min_meetings}";
    NeedsMonths => "{min_months} of membership", "{min_months} d'adhésion";
    ReasonPaidUnused => "paying {fee} for {meetings} in {span}", "une cotisation de {fee} pour {meetings} en {span}";
    ReasonUnused => "{meetings} in {span}: hardly attended", "{meetings} en {span}, presque jamais fréquenté";
    ReasonWon => "won {won} for {spent} {window} ({roi}){lifetime}",
        "{won} gagnés pour {spent} {window} ({roi}){lifetime}";
    ReasonWonFree => "won {won} {window} with nothing spent{lifetime}",
        "{won} gagnés {window} sans rien dépenser{lifetime}";
    ReasonBarelyCovers => "barely covers its cost: won {won} for {spent} {window} ({roi}, below the {min} a stay needs){lifetime}",
        "couvre à peine son coût ({won} gagnés pour {spent} {window}, soit {roi}, sous les {min} qu'il faut pour rester){lifetime}";
    ReasonLowReturn => "won {won} for {spent} {window}, a return of {roi}, below {min}{lifetime}",
        "{won} gagnés pour {spent} {window}, soit un retour de {roi}, sous le seuil de {min}{lifetime}";
    Spent => "{spent} spent", "{spent} dépensés";
    SpentWithTime => "{spent} spent and {hours} worth {value}", "{spent} dépensés et {hours} valant {value}";
    LifetimeWon => "; {won} won since joining", " ; {won} gagnés depuis l'adhésion";
    ReasonOldReferral => "no referral received in {months}; the {won} won is older (last business on {date})",
        "aucune recommandation reçue depuis {months} ; les {won} gagnés sont plus anciens (dernière affaire le {date})";
    ReasonOldWins => "nothing won {window}; the {won} won is older (last business on {date})",
        "rien gagné {window} ; les {won} gagnés sont plus anciens (dernière affaire le {date})";
    ReasonNoneWon => "{referrals}, none won yet", "{referrals}, aucune gagnée pour l'instant";
    ReasonAllLost => "{referrals}, {lost}, none won", "{referrals}, {lost}, aucune gagnée";
    Lost => "{n} lost|{n} lost", "{n} perdue|{n} perdues";
    ReasonGivenNotReceived => "{given}, {received} after {meetings}", "{given}, {received} après {meetings}";
    ReasonDeep => "; {n} person met three times or more|; {n} people met three times or more",
        " ; {n} personne vue au moins trois fois| ; {n} personnes vues au moins trois fois";
    ReasonNoReferrals => "{referrals} after {meetings}", "{referrals} après {meetings}";
    ReasonTimeNotCounted => "{hours} {window} not counted in the cost (set rate.hourly to count them)",
        "{hours} {window}, non comptées dans le coût (définir rate.hourly pour les compter)";
    ReasonTimeNotCountedPerWon => "{hours} {window} not counted in the cost, {per_won} per referral won (set rate.hourly to count them)",
        "{hours} {window}, non comptées dans le coût, soit {per_won} par recommandation gagnée (définir rate.hourly pour les compter)";
    ReasonLowRating => "last 3 meetings rated {avg}/5 on average", "les 3 dernières réunions notées {avg}/5 en moyenne";
    ReasonFallingRating => "last 3 meetings rated {avg}/5 on average, against {recent}/5 {window}",
        "les 3 dernières réunions notées {avg}/5 en moyenne, contre {recent}/5 {window}";
    ReasonShallow => "{once} of {total} contacts met only once", "{once} contacts sur {total} vus une seule fois";
    ReasonOnePerson => "all the business won {window} came from one person",
        "toutes les affaires gagnées {window} viennent d'une seule personne";

    // What a `watch` waits for.
    WatchConcern => "raise {text} with the organisers, or leave", "soulever {text} auprès des organisateurs, ou partir";
    WatchTooEarly => "at least {needs}", "au moins {needs}";
    WatchAttend => "going to its meetings again, or leaving", "retourner à ses réunions, ou partir";
    WatchMoreWon => "about {missing} more business won", "environ {missing} d'affaires en plus";
    WatchReferral => "a referral that turns into business", "une recommandation qui se transforme en affaire";
    WatchOpenReferrals => "the open referrals turning into business", "les recommandations en cours qui se transforment en affaires";
    WatchReturn => "a first referral received in return", "une première recommandation reçue en retour";
    WatchRatings => "meetings worth the time again", "des réunions qui valent de nouveau le temps passé";
    WatchForLine => "Watch for {what} by {date}.", "À surveiller : {what}, d'ici le {date}.";
    WatchForUndated => "Watch for {what}.", "À surveiller : {what}.";
    DecideBy => "Decide before {date}.", "À décider avant le {date}.";

    // Fees.
    FeeYear => "{amount} a year", "{amount} par an";
    FeeMonth => "{amount} a month", "{amount} par mois";

    // The renewal block.
    SectionRenewals => "Renewals", "Renouvellements";
    RenewalLine => "{network} renews on {date} (in {days}) for {fee}.",
        "{network} : renouvellement le {date} (dans {days}) pour {fee}.";
    RenewalToDate => "Given so far: {paid} and {hours}.", "Donné jusqu'ici : {paid} et {hours}.";
    RenewalForecast => "Until then, at the recent pace: {meetings}, {hours} and {spent} more; {referrals}.",
        "D'ici là, au rythme récent : encore {meetings}, {hours} et {spent} ; {referrals}.";
    RenewalForecastFree => "Until then, at the recent pace: {meetings} and {hours} more; {referrals}.",
        "D'ici là, au rythme récent : encore {meetings} et {hours} ; {referrals}.";
    RenewalForecastNone => "Until then, at the recent pace: no meeting; {referrals}.",
        "D'ici là, au rythme récent : aucune réunion ; {referrals}.";
    ExpectRange => "between {low} and {high} referrals to expect (about {mid})",
        "entre {low} et {high} recommandations à attendre (environ {mid})";
    ExpectNone => "no referral to expect at this pace (at most {high})",
        "aucune recommandation à attendre à ce rythme (au plus {high})";
    BreakEven => "To pay for itself, it needs about {amount} won by {date}.",
        "Pour se rentabiliser, il lui faut environ {amount} d'affaires gagnées d'ici le {date}.";
    BreakEvenMet => "What it won recently already covers its cost until then.",
        "Ce qu'il a rapporté récemment couvre déjà son coût jusque-là.";

    // What the journal itself may have wrong.
    SectionChecks => "To check in the journal", "À vérifier dans le journal";
    CheckUnplaced => "{referrals} from {contact} recorded outside any network, though this person was met only through {network}: if it came through it, set its network with `netjournal edit referral`.",
        "{referrals} de {contact} hors de tout réseau, alors que cette personne n'a été rencontrée que par {network} : si elle en vient, indiquer son réseau avec `netjournal edit referral`.";

    // Counted words: zero|singular|plural, or singular|plural.
    Meetings => "no meeting|{n} meeting|{n} meetings", "aucune réunion|{n} réunion|{n} réunions";
    ReferralsReceived => "no referral received|{n} referral received|{n} referrals received",
        "aucune recommandation reçue|{n} recommandation reçue|{n} recommandations reçues";
    ReferralsGiven => "no referral given|{n} referral given|{n} referrals given",
        "aucune recommandation donnée|{n} recommandation donnée|{n} recommandations données";
    Referrals => "{n} referral|{n} referrals", "aucune recommandation|{n} recommandation|{n} recommandations";
    Concerns => "{n} concern|{n} concerns", "aucune alerte|{n} alerte|{n} alertes";
    Contacts => "{n} contact|{n} contacts", "aucun contact|{n} contact|{n} contacts";
    People => "{n} person|{n} people", "aucune personne|{n} personne|{n} personnes";
    Hours => "{n} hour|{n} hours", "{n} heure|{n} heures";
    HoursDecimal => "{x} hour|{x} hours", "{x} heure|{x} heures";
    Days => "{n} day|{n} days", "{n} jour|{n} jours";
    Months => "{n} month|{n} months", "{n} mois|{n} mois";
    Years => "{n} year|{n} years", "{n} an|{n} ans";
    Networks => "{n} network|{n} networks", "aucun réseau|{n} réseau|{n} réseaux";

    // Where the business came from.
    WonSplit => "{total} won in all: {net_share} through networks ({net}), {o2o_share} through one-to-one relationships outside any network ({o2o}).",
        "{total} gagnés en tout : {net_share} par les réseaux ({net}), {o2o_share} par des relations en direct, hors de tout réseau ({o2o}).";
    WonNone => "No business won yet in this period.", "Aucune affaire gagnée sur cette période.";

    // Next steps.
    StepRenewal => "{network} renews on {date} (in {days}) for {fee}: the verdict is {call}, decide before then.",
        "{network} : renouvellement le {date} (dans {days}) pour {fee} ; le verdict est {call}, à décider avant.";
    StepFollowUpReceived => "Follow up the referral of {date} from {contact}, open for {days}{about}.",
        "Relancer la recommandation du {date} {contact}, ouverte depuis {days}{about}.";
    StepFollowUpGiven => "Ask what became of the referral you gave on {date} to {contact}, open for {days}{about}.",
        "Demander ce qu'est devenue ma recommandation du {date} à {contact}, ouverte depuis {days}{about}.";
    SomeoneUnnamed => "someone", "quelqu'un";
    About => ": {text}", " : {text}";
    ListSeparator => "; ", " ; ";
    StepConcern => "Raise {text} with the organisers of {network}, or leave.",
        "Soulever {text} auprès des organisateurs de {network}, ou partir.";
    StepDeepenMore => "The business from {network} rests on one person: deepen two or three more relationships there.",
        "Les affaires venues de {network} reposent sur une seule personne : y approfondir deux ou trois autres relations.";
    StepDeepen => "Have a coffee with {contact}: {meetings} shared at {network}, never one-to-one.",
        "Prendre un café avec {contact} : {meetings} partagées à {network}, jamais en tête-à-tête.";

    // The retrospective, in the first person, as the user would tell it.
    ProseJoined => "I joined {name} ({kind}) on {date}.", "J'ai rejoint {name} ({kind}) le {date}.";
    ProseJoinedInvited => "I joined {name} ({kind}) on {date}, invited by {who}.",
        "J'ai rejoint {name} ({kind}) le {date}, sur l'invitation {who}.";
    ProseActivity => "Over {span}, I attended {meetings} ({mode}){cost}.",
        "En {span}, j'ai participé à {meetings} ({mode}){cost}.";
    ProseActivityBetween => "From {from} to {to}, I attended {meetings} ({mode}){cost}.",
        "Du {from} au {to}, j'ai participé à {meetings} ({mode}){cost}.";
    // How the meetings were held, by the number of meetings.
    ProseModeBoth => "{in_person} in person, {remote} remote", "{in_person} en personne, {remote} à distance";
    ProseModeInPerson => "in person|all in person", "en personne|toutes en personne";
    ProseModeRemote => "remote|all remote", "à distance|toutes à distance";
    // What they took, left out when they took neither time nor money.
    ProseCost => ", giving it {hours} and {spent}", ", pour {hours} et {spent}";
    ProseCostTime => ", giving it {hours}", ", pour {hours}";
    ProseCostMoney => ", giving it {spent}", ", pour {spent}";
    ProseNoMeeting => "Over {span}, I attended no meeting, and spent {spent}.",
        "En {span}, je n'ai participé à aucune réunion, mais j'ai dépensé {spent}.";
    ProseNoMeetingFree => "Over {span}, I attended no meeting.", "En {span}, je n'ai participé à aucune réunion.";
    ProseNoMeetingBetween => "From {from} to {to}, I attended no meeting, and spent {spent}.",
        "Du {from} au {to}, je n'ai participé à aucune réunion, mais j'ai dépensé {spent}.";
    ProseNoMeetingBetweenFree => "From {from} to {to}, I attended no meeting.",
        "Du {from} au {to}, je n'ai participé à aucune réunion.";
    ProseContacts => "I met {people} there, {once} of them only once.",
        "J'y ai rencontré {people}, dont {once} une seule fois.";
    ProseContactsDeep => "I met {people} there, {once} of them only once and {deep} three times or more.",
        "J'y ai rencontré {people}, dont {once} une seule fois et {deep} au moins trois fois.";
    ProseContactsOnlyDeep => "I met {people} there, {deep} of them three times or more.",
        "J'y ai rencontré {people}, dont {deep} au moins trois fois.";
    ProseContactsAllOnce => "I met {people} there, each of them only once.",
        "J'y ai rencontré {people}, chacune une seule fois.";
    ProseContactsAllDeep => "I met {people} there, each of them three times or more.",
        "J'y ai rencontré {people}, chacune au moins trois fois.";
    ProseContactsTwice => "I met {people} there, each of them twice.",
        "J'y ai rencontré {people}, chacune deux fois.";
    ProseContactOnce => "I met {people} there, only once.",
        "J'y ai rencontré {people}, une seule fois.";
    ProseContactTwice => "I met {people} there, twice.", "J'y ai rencontré {people}, deux fois.";
    ProseContactDeep => "I met {people} there, three times or more.",
        "J'y ai rencontré {people}, au moins trois fois.";
    ProseNoContact => "I made no lasting contact there.", "Je n'y ai noué aucun contact suivi.";
    ProseBrought => "It brought me {received}", "Ce réseau m'a apporté {received}";
    ProseBroughtNone => "It brought me no referral", "Ce réseau ne m'a apporté aucune recommandation";
    ProseGave => " and I gave {given}", " et j'en ai donné {given}";
    ProseWon => "; {won} worth {value}", " ; {won}, pour {value}";
    ProseNoneWonYet => "; none turned into business yet", " ; aucune ne s'est encore transformée en affaire";
    ProseNoneWon => "; none turned into business", " ; aucune ne s'est transformée en affaire";
    WonReferrals => "{n} turned into business|{n} turned into business",
        "{n} s'est transformée en affaire|{n} se sont transformées en affaires";
    ProseConcerns => "I recorded {concerns}: {texts}.", "J'ai noté {concerns} : {texts}.";
    ProseLeft => "I left on {date}: {reason}.", "Je l'ai quitté le {date} : {reason}.";
    ProseVerdict => "The figures say {call}: {reasons}.", "Les chiffres disent {call} : {reasons}.";

    // The HTML report: its sections, what each chart shows (the SVG's description), legends and
    // the tooltips of its marks.
    SectionSummary => "Summary", "En résumé";
    SectionTimeline => "Membership timeline", "Chronologie des adhésions";
    SectionSpentWon => "Time and money spent, value won", "Temps et argent dépensés, valeur gagnée";
    SectionDepth => "Depth of relationships", "Profondeur des relations";
    SectionReferralsWon => "Referrals received → won", "Recommandations reçues → gagnées";
    TimelineDesc => "One bar per network, from joining to leaving or to {until}, coloured and patterned by kind; a circle marks each meeting in person, a diamond each remote meeting, a cross each concern.",
        "Une barre par réseau, de l'adhésion au départ ou au {until}, de la couleur et du motif de son type ; un rond marque chaque réunion en personne, un losange chaque réunion à distance, une croix chaque alerte.";
    SpentWonDesc => "Per network, the money spent (fees and meeting costs) against the value of the business won, and the hours invested.",
        "Par réseau, l'argent dépensé (cotisations et frais de réunion) face à la valeur des affaires gagnées, et les heures investies.";
    DepthDesc => "Per network, and for one-to-one relationships outside networks, the contacts met once, twice, and three times or more.",
        "Par réseau, et pour les relations en direct hors réseau, les contacts vus une fois, deux fois, et trois fois ou plus.";
    ReferralsDesc => "Per network, and for one-to-one relationships outside networks, the referrals received: won, open and lost.",
        "Par réseau, et pour les relations en direct hors réseau, les recommandations reçues : gagnées, en cours et perdues.";
    ChartMoney => "Money", "Argent";
    LegendInPerson => "meeting in person", "réunion en personne";
    LegendRemote => "remote meeting", "réunion à distance";
    LegendConcern => "concern", "alerte";
    LegendSpent => "money spent", "argent dépensé";
    LegendWon => "value won", "valeur gagnée";
    LegendHours => "hours invested", "heures investies";
    LegendMetOnce => "met once", "vus une fois";
    LegendMetTwice => "met twice", "vus deux fois";
    LegendMetMore => "met three times or more", "vus trois fois ou plus";
    LegendRefWon => "won", "gagnées";
    LegendRefOpen => "open", "en cours";
    LegendRefLost => "lost", "perdues";
    MarkTip => "{date}: {what}", "{date} : {what}";
    SpanTip => "{name}: {from} to {to}", "{name} : du {from} au {to}";
    GeneratedOn => "Made with netjournal on {date}.", "Établi avec netjournal le {date}.";

    // Pickers: how to leave one, and the answer when it is left.
    PickCancelled => "cancelled: nothing was changed", "annulé : rien n'a été modifié";
    PickHintFilter => "type to filter, Esc to cancel", "tapez pour filtrer, Échap pour annuler";
    PickHintMove => "Esc or q to cancel", "Échap ou q pour annuler";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Template;

    #[test]
    fn the_system_s_refusals_are_said_in_french() {
        let error = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(io_reason(&error, Lang::En), error.to_string());
        assert_eq!(io_reason(&error, Lang::Fr), "permission refusée");
        let other = io::Error::other("something odd");
        assert_eq!(io_reason(&other, Lang::Fr), "something odd");
    }

    #[test]
    fn a_message_is_rendered_in_the_language_it_is_printed_in() {
        let error = io::Error::from(io::ErrorKind::PermissionDenied);
        let message = Message::new(Msg::CannotWriteFile)
            .with("path", "out.csv")
            .with("why", &error);
        assert_eq!(
            message.render(Lang::Fr),
            "impossible d'écrire `out.csv` : permission refusée"
        );
        assert_eq!(
            message.render(Lang::En),
            format!("cannot write `out.csv`: {error}")
        );
        let nested = Message::new(Msg::Missing)
            .with("option", "--kind")
            .with("expected", Message::new(Msg::NoNextStep));
        assert_eq!(
            nested.render(Lang::Fr),
            "il manque --kind : attendu Rien d'urgent."
        );
    }

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_slots() {
        let slots = |t: &str| {
            let mut names: Vec<String> = t
                .split('{')
                .skip(1)
                .filter_map(|s| s.split_once('}'))
                .map(|(n, _)| n.into())
                .collect();
            names.sort();
            names.dedup();
            names
        };
        for key in Msg::ALL {
            let (en, fr) = (key.template(Lang::En), key.template(Lang::Fr));
            assert!(!en.is_empty() && !fr.is_empty(), "{key:?}");
            assert_eq!(slots(en), slots(fr), "{key:?}");
            assert_eq!(en.contains('|'), fr.contains('|'), "{key:?}");
        }
    }

    /// The slots of a template, in order of first appearance.
    fn slots(template: &str) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for part in template.split('{').skip(1) {
            if let Some((name, _)) = part.split_once('}')
                && !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !names.contains(&name)
            {
                names.push(name);
            }
        }
        names
    }

    /// Every message of the table, in both languages, rendered with edge values where it has
    /// such slots: counts 0, 1 and 2; network names starting with « Les », « L’ », « Le », a
    /// vowel and a mute h; dates in words. Other slots show their name, `‹slot›`. Read as an
    /// editor would read the proofs.
    #[test]
    fn every_message_with_edge_values() {
        const NETWORKS: [&str; 5] = [
            "Les Matinales du Lez",
            "L’Envol",
            "Le Cercle",
            "Avenir Pro",
            "Harmonie",
        ];
        const PEOPLE: [&str; 2] = ["Paul Martin", "Hélène Roux"];
        let day = NaiveDate::from_ymd_opt(2026, 1, 13).unwrap();
        let value = |slot: &'static str, name: usize| -> Arg {
            match slot {
                "network" | "name" => Arg::from(NETWORKS[name % NETWORKS.len()]),
                "contact" | "who" => Arg::from(PEOPLE[name % PEOPLE.len()]),
                "date" | "since" | "until" | "from" | "to" | "joined" | "left" | "today" => {
                    Arg::Date(day)
                }
                _ => Arg::Text(format!("‹{slot}›")),
            }
        };
        let mut out = String::new();
        for &key in Msg::ALL {
            let template = key.template(Lang::En);
            let slots: Vec<&'static str> = slots(key.template(Lang::Fr))
                .into_iter()
                .chain(slots(template))
                .map(|slot| -> &'static str { Box::leak(slot.to_string().into_boxed_str()) })
                .filter(|slot| *slot != "n" || !template.contains('|'))
                .collect();
            let plural = template.contains('|');
            let named = slots.iter().any(|slot| ["network", "name"].contains(slot));
            let mut cases: Vec<(Option<i64>, usize)> = Vec::new();
            if plural {
                cases.extend([0, 1, 2].map(|n| (Some(n), 0)));
            }
            if named {
                let n = plural.then_some(1);
                cases.extend((usize::from(plural)..NETWORKS.len()).map(|i| (n, i)));
            }
            if cases.is_empty() {
                cases.push((None, 0));
            }
            out.push_str(&format!("{key:?}\n"));
            for lang in [Lang::En, Lang::Fr] {
                for (n, name) in &cases {
                    let mut message = match n {
                        Some(n) => Message::count(key, *n),
                        None => Message::new(key),
                    };
                    for slot in &slots {
                        if !message.args.iter().any(|(known, _)| known == slot) {
                            message = message.with(slot, value(slot, *name));
                        }
                    }
                    let tag = match lang {
                        Lang::En => "en",
                        Lang::Fr => "fr",
                    };
                    out.push_str(&format!("  {tag}: {}\n", message.render(lang)));
                }
            }
        }
        insta::assert_snapshot!(out);
    }
}
