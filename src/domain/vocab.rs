//! The fixed vocabularies of the journal: kinds of network, meeting formats, fee periods,
//! referral directions and statuses. Each is parsed at the command line (with clap), stored as
//! its English keyword, and shown in the user's language.

use std::fmt;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use super::Invalid;
use crate::i18n::Lang;
use crate::messages::{Arg, Message, Msg};

/// A word of a fixed vocabulary, shown to a person in their language (a picker on a terminal).
pub trait Labeled: Copy {
    fn label_in(self, lang: Lang) -> &'static str;
}

/// Declares a vocabulary: an enum whose values are stored and typed as fixed keywords, with
/// French labels for display and clap/serde/SQLite conversions.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident ($what:expr) {
            $( $(#[$vmeta:meta])* $variant:ident => $keyword:literal, $french:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            clap::ValueEnum, serde::Serialize, serde::Deserialize,
        )]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[value(name = $keyword)]
                #[serde(rename = $keyword)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in the order of declaration.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The keyword typed on the command line, stored in the journal and used in JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $keyword,)+
                }
            }

            /// The keyword, or `None` when `text` is not one (exact, lower-case match).
            pub fn from_keyword(text: &str) -> Option<Self> {
                match text {
                    $($keyword => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The word shown to a person reading in `lang`.
            pub fn label(self, lang: Lang) -> &'static str {
                match (lang, self) {
                    $(
                        (Lang::En, $name::$variant) => $keyword,
                        (Lang::Fr, $name::$variant) => $french,
                    )+
                }
            }

            /// The keywords joined for a message: `a, b or c`.
            pub fn keywords() -> String {
                Self::keywords_in(Lang::En)
            }

            /// The keywords joined for a message in `lang`: `a, b ou c` in French.
            pub fn keywords_in(lang: Lang) -> String {
                let words: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                crate::domain::text::join_in(&words, lang)
            }
        }

        impl Labeled for $name {
            fn label_in(self, lang: Lang) -> &'static str {
                self.label(lang)
            }
        }

        impl Vocabulary for $name {
            const WHAT: Msg = $what;
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn keyword(self) -> &'static str {
                self.as_str()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                Self::from_keyword(text).ok_or_else(|| {
                    FromSqlError::Other(format!("unknown {} `{text}`", stringify!($name)).into())
                })
            }
        }
    };
}

/// Whether the user is still a member of a network: derived from its leaving date, never
/// typed, so not a [`Vocabulary`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NetworkStatus {
    Active,
    Left,
}

impl NetworkStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            NetworkStatus::Active => "active",
            NetworkStatus::Left => "left",
        }
    }

    /// The word shown to a person reading in `lang`: `active`, `actif`.
    pub fn label(self, lang: Lang) -> String {
        let key = match self {
            NetworkStatus::Active => Msg::StatusActive,
            NetworkStatus::Left => Msg::StatusLeft,
        };
        lang.say(key, &[])
    }
}

/// A vocabulary as the command line reads it: any of its English keywords, French labels or
/// aliases, whatever the case, accents, dashes or spaces (`en ligne`, `EN-LIGNE`, `Anciens
/// eleves`); an unknown word is refused with the closest word of the reader's language.
pub trait Vocabulary: Labeled + clap::ValueEnum + Send + Sync + 'static {
    fn all() -> &'static [Self];
    fn keyword(self) -> &'static str;
    /// What one of its words is, for a refusal: « a meeting format ».
    const WHAT: Msg;

    /// Every word that stands for `self`: its keyword, its French label, and the aliases
    /// `#[value(alias = …)]` declares.
    fn words(self) -> Vec<String> {
        let mut words = vec![
            self.keyword().to_string(),
            self.label_in(Lang::Fr).to_string(),
        ];
        if let Some(value) = self.to_possible_value() {
            words.extend(value.get_name_and_aliases().map(String::from));
        }
        words
    }

    /// Reads a word of this vocabulary as typed.
    fn parse_word(text: &str) -> Result<Self, Invalid> {
        let folded = fold(text);
        if let Some(value) = Self::all()
            .iter()
            .copied()
            .find(|value| value.words().iter().any(|word| fold(word) == folded))
        {
            return Ok(value);
        }
        // The closest word, by edit distance on the folded forms: a typo (`breakfest`,
        // `alumnis`), not an unrelated word.
        let near = Self::all()
            .iter()
            .copied()
            .flat_map(|value| value.words().into_iter().map(move |word| (value, word)))
            .map(|(value, word)| (strsim::levenshtein(&folded, &fold(&word)), value))
            .filter(|(distance, _)| *distance <= (folded.chars().count() / 3).max(2))
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, value)| value);
        let word = |value: Self| Arg::Word {
            en: value.label_in(Lang::En),
            fr: value.label_in(Lang::Fr),
        };
        let refused = Message::new(Msg::NotAWordOf)
            .with("value", text.trim())
            .with("what", Self::WHAT)
            .with(
                "words",
                Arg::Or(Self::all().iter().copied().map(word).collect()),
            );
        Err(Invalid(match near {
            Some(near) => Message::new(Msg::ThenHint).with("first", refused).with(
                "then",
                Message::new(Msg::DidYouMean).with("near", word(near)),
            ),
            None => refused,
        }))
    }
}

/// A word as compared: lower case, without accents, with dashes, underscores, apostrophes and
/// runs of spaces made one space (`Anciens-Élèves` → `anciens eleves`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' | 'ì' => 'i',
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            'ñ' => 'n',
            '-' | '_' | '\'' | '’' | '\u{2010}' | '\u{2011}' | '\u{2013}' => ' ',
            c if c.is_whitespace() => ' ',
            // A combining accent, as typed in decomposed form: dropped.
            '\u{300}'..='\u{36f}' => continue,
            c => c,
        };
        if plain == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(plain);
    }
    out.trim_end().to_string()
}

/// The clap parser of a vocabulary (`#[arg(value_parser = vocab::parser::<Kind>())]`): reads
/// as [`Vocabulary::parse_word`] does, and lists the keywords in `--help` and completions.
pub fn parser<T: Vocabulary + Clone>() -> VocabParser<T> {
    VocabParser(std::marker::PhantomData)
}

/// See [`parser`].
#[derive(Clone)]
pub struct VocabParser<T>(std::marker::PhantomData<T>);

impl<T: Vocabulary + Clone> clap::builder::TypedValueParser for VocabParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        // A function's refusal becomes clap's own "invalid value" error, with the refusal as
        // its source, which `cli::usage` says in the user's language.
        let parse = |text: &str| T::parse_word(text);
        parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            T::value_variants()
                .iter()
                .filter_map(clap::ValueEnum::to_possible_value),
        ))
    }
}

vocabulary! {
    /// What brings a network's members together.
    Kind (Msg::AKindOfNetwork) {
        #[value(alias = "gender", alias = "genre", alias = "réseau du genre")]
        GenderBased => "gender-based", "réseau féminin";
        #[value(alias = "cooptation", alias = "co-opted")]
        CoOptation => "co-optation", "cooptation";
        #[value(alias = "politique")]
        Political => "political", "politique";
        #[value(alias = "professionnel")]
        Professional => "professional", "professionnel";
        #[value(alias = "anciens-eleves", alias = "anciens-élèves")]
        Alumni => "alumni", "anciens élèves";
        #[value(alias = "en-ligne")]
        Online => "online", "en ligne";
        Local => "local", "local";
        #[value(alias = "autre")]
        Other => "other", "autre";
    }
}

vocabulary! {
    /// How a meeting took place; whether it was in person follows from it.
    MeetingFormat (Msg::AMeetingFormat) {
        #[value(alias = "petit-dejeuner", alias = "petit-déjeuner")]
        Breakfast => "breakfast", "petit-déjeuner";
        #[value(alias = "dejeuner", alias = "déjeuner")]
        Lunch => "lunch", "déjeuner";
        #[value(alias = "diner", alias = "dîner")]
        Dinner => "dinner", "dîner";
        #[value(alias = "soiree", alias = "soirée")]
        Evening => "evening", "soirée";
        #[value(alias = "evenement", alias = "événement")]
        Event => "event", "événement";
        #[value(alias = "1-1", alias = "one-on-one", alias = "tete-a-tete", alias = "tête-à-tête")]
        OneToOne => "one-to-one", "tête-à-tête";
        #[value(alias = "telephone", alias = "téléphone", alias = "call")]
        Phone => "phone", "téléphone";
        #[value(alias = "visio")]
        Video => "video", "visio";
        #[value(alias = "e-mail", alias = "mail", alias = "courriel")]
        Email => "email", "e-mail";
    }
}

impl MeetingFormat {
    /// The longest a meeting of this format plausibly lasts, in minutes, when there is such a
    /// bound: five hours for a breakfast, a lunch or a call. Above it, a duration is most
    /// likely a start time typed in the wrong place (`--minutes 7h30`).
    pub fn longest_minutes(self) -> Option<u32> {
        match self {
            MeetingFormat::Breakfast
            | MeetingFormat::Lunch
            | MeetingFormat::Phone
            | MeetingFormat::Video => Some(5 * 60),
            _ => None,
        }
    }

    /// Why `minutes` is refused for a meeting of this format, when it is longer than one lasts
    /// (see [`MeetingFormat::longest_minutes`]), with the clock time it looks like (`7h30`).
    pub fn too_long(self, minutes: u32) -> Option<(Message, String)> {
        let longest = self
            .longest_minutes()
            .filter(|longest| minutes > *longest)?;
        let clock = match minutes % 60 {
            0 => format!("{}h", minutes / 60),
            rest => format!("{}h{rest:02}", minutes / 60),
        };
        let said = Message::new(Msg::TooLongFor)
            .with(
                "format",
                Arg::Word {
                    en: self.label(Lang::En),
                    fr: self.label(Lang::Fr),
                },
            )
            .with("minutes", minutes.to_string())
            .with("clock", clock.as_str())
            .with("longest", longest.to_string());
        Some((said, clock))
    }

    /// Whether a meeting of this format is met in person (as opposed to remote).
    pub fn in_person(self) -> bool {
        !matches!(
            self,
            MeetingFormat::Phone | MeetingFormat::Video | MeetingFormat::Email
        )
    }
}

vocabulary! {
    /// How often a membership fee is paid.
    FeePeriod (Msg::AFeePeriod) {
        #[value(alias = "yearly", alias = "annual", alias = "an", alias = "annuel")]
        Year => "year", "an";
        #[value(alias = "monthly", alias = "mois", alias = "mensuel")]
        Month => "month", "mois";
        #[value(alias = "one-off", alias = "unique")]
        Once => "once", "une fois";
    }
}

vocabulary! {
    /// How much a concern weighs: a minor one is listed but never decides a verdict alone; a
    /// serious one (a consent breach) does. Labels agree with « alerte », feminine.
    Severity (Msg::ASeverity) {
        #[value(alias = "mineure", alias = "mineur", alias = "low")]
        Minor => "minor", "mineure";
        #[value(alias = "grave", alias = "sérieuse", alias = "serieuse", alias = "high")]
        Serious => "serious", "grave";
    }
}

vocabulary! {
    /// Whether a referral came to the user or went from them.
    Direction (Msg::ADirection) {
        Received => "received", "reçue";
        Given => "given", "donnée";
    }
}

vocabulary! {
    /// What became of a referral.
    ReferralStatus (Msg::AReferralStatus) {
        #[value(alias = "en-cours")]
        Open => "open", "en cours";
        #[value(alias = "gagnee", alias = "gagnée")]
        Won => "won", "gagnée";
        #[value(alias = "perdue")]
        Lost => "lost", "perdue";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_round_trip_through_from_keyword() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_keyword(kind.as_str()), Some(*kind));
        }
        for format in MeetingFormat::ALL {
            assert_eq!(MeetingFormat::from_keyword(format.as_str()), Some(*format));
        }
        assert_eq!(Kind::from_keyword("Gender-Based"), None);
    }

    #[test]
    fn formats_know_whether_they_are_in_person() {
        let cases = [
            (MeetingFormat::Breakfast, true),
            (MeetingFormat::Lunch, true),
            (MeetingFormat::Dinner, true),
            (MeetingFormat::Evening, true),
            (MeetingFormat::Event, true),
            (MeetingFormat::OneToOne, true),
            (MeetingFormat::Phone, false),
            (MeetingFormat::Video, false),
            (MeetingFormat::Email, false),
        ];
        for (format, in_person) in cases {
            assert_eq!(format.in_person(), in_person, "{format}");
        }
    }

    #[test]
    fn french_labels_are_those_of_the_design() {
        assert_eq!(Kind::GenderBased.label(Lang::Fr), "réseau féminin");
        assert_eq!(Kind::CoOptation.label(Lang::Fr), "cooptation");
        assert_eq!(Kind::Alumni.label(Lang::Fr), "anciens élèves");
        assert_eq!(Kind::Online.label(Lang::Fr), "en ligne");
        assert_eq!(Kind::Political.label(Lang::En), "political");
    }

    #[test]
    fn a_network_s_status_is_stored_as_a_keyword_and_shown_in_the_reader_s_language() {
        let cases = [
            (NetworkStatus::Active, "active", "active", "actif"),
            (NetworkStatus::Left, "left", "left", "quitté"),
        ];
        for (status, keyword, english, french) in cases {
            assert_eq!(status.as_str(), keyword);
            assert_eq!(
                serde_json::to_string(&status).unwrap(),
                format!("\"{keyword}\"")
            );
            assert_eq!(status.label(Lang::En), english);
            assert_eq!(status.label(Lang::Fr), french);
        }
    }

    #[test]
    fn every_word_shown_in_french_is_read_back() {
        fn check<T: Vocabulary + fmt::Debug + PartialEq>() {
            for value in T::all() {
                for typed in [
                    value.label_in(Lang::Fr).to_string(),
                    value.label_in(Lang::Fr).to_uppercase(),
                    fold(value.label_in(Lang::Fr)),
                    value.keyword().to_string(),
                    value.keyword().to_uppercase(),
                ] {
                    assert_eq!(T::parse_word(&typed).as_ref(), Ok(value), "{typed}");
                }
            }
        }
        check::<Kind>();
        check::<MeetingFormat>();
        check::<FeePeriod>();
        check::<Severity>();
        check::<Direction>();
        check::<ReferralStatus>();
    }

    #[test]
    fn words_are_read_whatever_their_case_accents_and_dashes() {
        let cases = [
            ("réseau féminin", Kind::GenderBased),
            ("reseau du genre", Kind::GenderBased),
            ("Réseau du Genre", Kind::GenderBased),
            ("cooptation", Kind::CoOptation),
            ("Co-Optation", Kind::CoOptation),
            ("en ligne", Kind::Online),
            ("en-ligne", Kind::Online),
            ("EN  LIGNE", Kind::Online),
            ("anciens élèves", Kind::Alumni),
            ("Anciens-Eleves", Kind::Alumni),
            ("anciens e\u{301}le\u{300}ves", Kind::Alumni),
            ("professionnel", Kind::Professional),
            ("autre", Kind::Other),
        ];
        for (typed, expected) in cases {
            assert_eq!(Kind::parse_word(typed), Ok(expected), "{typed}");
        }
        let cases = [
            ("Petit déjeuner", MeetingFormat::Breakfast),
            ("petit-dejeuner", MeetingFormat::Breakfast),
            ("tête à tête", MeetingFormat::OneToOne),
            ("Téléphone", MeetingFormat::Phone),
            ("soirée", MeetingFormat::Evening),
        ];
        for (typed, expected) in cases {
            assert_eq!(MeetingFormat::parse_word(typed), Ok(expected), "{typed}");
        }
        assert_eq!(
            ReferralStatus::parse_word("en cours"),
            Ok(ReferralStatus::Open)
        );
        assert_eq!(
            ReferralStatus::parse_word("Gagnée"),
            Ok(ReferralStatus::Won)
        );
        assert_eq!(
            ReferralStatus::parse_word("perdue"),
            Ok(ReferralStatus::Lost)
        );
        assert_eq!(Direction::parse_word("reçue"), Ok(Direction::Received));
        assert_eq!(Direction::parse_word("donnee"), Ok(Direction::Given));
        assert_eq!(FeePeriod::parse_word("une fois"), Ok(FeePeriod::Once));
        assert_eq!(FeePeriod::parse_word("Mois"), Ok(FeePeriod::Month));
    }

    #[test]
    fn an_unknown_word_is_refused_with_the_closest_of_the_reader_s_language() {
        let refused = |error: Invalid, lang: Lang| error.0.render(lang);
        let error = MeetingFormat::parse_word("breakfest").unwrap_err();
        assert_eq!(
            refused(error.clone(), Lang::En),
            "`breakfest` is not a meeting format: expected breakfast, lunch, dinner, evening, \
             event, one-to-one, phone, video or email; did you mean `breakfast`?"
        );
        assert_eq!(
            refused(error, Lang::Fr),
            "`breakfest` n'est pas un format de réunion : attendu petit-déjeuner, déjeuner, \
             dîner, soirée, événement, tête-à-tête, téléphone, visio ou e-mail ; vouliez-vous \
             dire `petit-déjeuner` ?"
        );
        let error = Kind::parse_word("alumnis").unwrap_err();
        assert!(refused(error.clone(), Lang::En).ends_with("did you mean `alumni`?"));
        assert!(refused(error, Lang::Fr).ends_with("vouliez-vous dire `anciens élèves` ?"));
        let error = Kind::parse_word("anciens eleve").unwrap_err();
        assert!(refused(error, Lang::Fr).ends_with("vouliez-vous dire `anciens élèves` ?"));
        let error = ReferralStatus::parse_word("gagne").unwrap_err();
        assert!(refused(error, Lang::En).ends_with("did you mean `won`?"));
        // Nothing near: no suggestion.
        let error = Kind::parse_word("zzzzzzzz").unwrap_err();
        assert!(!refused(error, Lang::En).contains("did you mean"));
    }

    #[test]
    fn keywords_are_listed_for_messages() {
        assert_eq!(Direction::keywords(), "received or given");
        assert_eq!(FeePeriod::keywords(), "year, month or once");
        assert_eq!(Severity::keywords_in(Lang::Fr), "minor ou serious");
    }
}
