//! The fixed vocabularies of the journal: kinds of network, meeting formats, fee periods,
//! referral directions and statuses. Each is parsed at the command line (with clap), stored as
//! its English keyword, and shown in the user's language.

use std::fmt;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::i18n::Lang;

/// A word of a fixed vocabulary, shown to a person in their language (a picker on a terminal).
pub trait Labeled: Copy {
    fn label_in(self, lang: Lang) -> &'static str;
}

/// Declares a vocabulary: an enum whose values are stored and typed as fixed keywords, with
/// French labels for display and clap/serde/SQLite conversions.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident {
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

vocabulary! {
    /// What brings a network's members together.
    Kind {
        #[value(alias = "gender", alias = "genre")]
        GenderBased => "gender-based", "réseau du genre";
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
    MeetingFormat {
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
    FeePeriod {
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
    Severity {
        #[value(alias = "mineure", alias = "mineur", alias = "low")]
        Minor => "minor", "mineure";
        #[value(alias = "grave", alias = "sérieuse", alias = "serieuse", alias = "high")]
        Serious => "serious", "grave";
    }
}

vocabulary! {
    /// Whether a referral came to the user or went from them.
    Direction {
        Received => "received", "reçue";
        Given => "given", "donnée";
    }
}

vocabulary! {
    /// What became of a referral.
    ReferralStatus {
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
        assert_eq!(Kind::GenderBased.label(Lang::Fr), "réseau du genre");
        assert_eq!(Kind::CoOptation.label(Lang::Fr), "cooptation");
        assert_eq!(Kind::Alumni.label(Lang::Fr), "anciens élèves");
        assert_eq!(Kind::Online.label(Lang::Fr), "en ligne");
        assert_eq!(Kind::Political.label(Lang::En), "political");
    }

    #[test]
    fn keywords_are_listed_for_messages() {
        assert_eq!(Direction::keywords(), "received or given");
        assert_eq!(FeePeriod::keywords(), "year, month or once");
        assert_eq!(Severity::keywords_in(Lang::Fr), "minor ou serious");
    }
}
