//! The user's language, and every sentence a person reads in a report, once per language,
//! keyed: a French reader never meets an English leftover. Sentences are templates with
//! `{name}` slots; a template with `|` holds a singular and a plural form.

use chrono::{Datelike, NaiveDate};

/// A language netjournal speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// The language asked for by a `LANG`-style locale: French when it starts with `fr`.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// The sentence `key` in this language, its slots filled from `args`.
    pub fn say(self, key: impl Template, args: &[(&str, &str)]) -> String {
        fill(key.template(self), args)
    }

    /// The singular or plural form of `key` for `n`, with `{n}` and `args` filled. French
    /// takes the singular for 0 and 1, English for 1 only.
    pub fn count(self, key: impl Template, n: i64, args: &[(&str, &str)]) -> String {
        let template = key.template(self);
        let (one, other) = template.split_once('|').unwrap_or((template, template));
        let singular = match self {
            Lang::En => n == 1,
            Lang::Fr => n == 0 || n == 1,
        };
        let number = n.to_string();
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(args);
        fill(if singular { one } else { other }, &all)
    }

    /// A date in words: `12 March 2009`, `12 mars 2009`.
    pub fn date(self, day: NaiveDate) -> String {
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        let month = (day.month0()) as usize;
        let name = match self {
            Lang::En => EN[month],
            Lang::Fr => FR[month],
        };
        let d = day.day();
        match (self, d) {
            (Lang::Fr, 1) => format!("1er {name} {}", day.year()),
            _ => format!("{d} {name} {}", day.year()),
        }
    }

    /// A month, short, with its year: `Mar 2024`, `mars 2024`; without the year: `Mar`.
    pub fn month(self, day: NaiveDate, with_year: bool) -> String {
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        const FR: [&str; 12] = [
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
            "nov.", "déc.",
        ];
        let names = match self {
            Lang::En => EN,
            Lang::Fr => FR,
        };
        let name = names[day.month0() as usize];
        if with_year {
            format!("{name} {}", day.year())
        } else {
            name.to_string()
        }
    }

    /// A decimal number with one decimal at most: `12.5`, `12,5`, `3`.
    pub fn decimal(self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            text
        };
        match self {
            Lang::En => text,
            Lang::Fr => text.replace('.', ","),
        }
    }

    /// A share as a percentage: `80%`, `80 %`.
    pub fn percent(self, share: f64) -> String {
        let value = (share * 100.0).round();
        match self {
            Lang::En => format!("{value}%"),
            Lang::Fr => format!("{value} %"),
        }
    }

    /// Who did something, as it follows "invited by" in English or "l'invitation" in French,
    /// where `de` elides before a vowel or a mute h: `de Julien`, `d'Hélène`, `d'une amie`.
    pub fn by(self, who: &str) -> String {
        match self {
            Lang::En => who.to_string(),
            Lang::Fr => {
                let first = who
                    .chars()
                    .next()
                    .map(|c| c.to_lowercase().next().unwrap_or(c));
                let elides = first.is_some_and(|c| "aâàeéèêëiîïoôöuûùüyh".contains(c));
                if elides {
                    format!("d'{who}")
                } else {
                    format!("de {who}")
                }
            }
        }
    }

    /// Whether a decimal quantity takes the singular: 1 in English, below 2 in French
    /// (`1,5 heure`, `1.5 hours`).
    pub fn singular(self, value: f64) -> bool {
        match self {
            Lang::En => value == 1.0,
            Lang::Fr => value < 2.0,
        }
    }

    /// Opening and closing quotation marks around a user's words.
    pub fn quote(self, text: &str) -> String {
        match self {
            Lang::En => format!("“{text}”"),
            Lang::Fr => format!("« {text} »"),
        }
    }
}

/// Fills `{name}` slots in `template`.
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Declares the sentence table: a key, its English and its French template.
/// A table of sentences keyed by an enum: each key with its English and its French template.
/// Used for the report's words here, and for the command line's messages in `messages`.
macro_rules! sentences {
    ($(#[$meta:meta])* $name:ident; $( $key:ident => $en:literal, $fr:literal; )+) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($key,)+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$key,)+];
        }

        impl $crate::i18n::Template for $name {
            fn template(self, lang: $crate::i18n::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        ($name::$key, $crate::i18n::Lang::En) => $en,
                        ($name::$key, $crate::i18n::Lang::Fr) => $fr,
                    )+
                }
            }
        }
    };
}
pub(crate) use sentences;

/// A keyed sentence: its template in each language.
pub trait Template: Copy {
    fn template(self, lang: Lang) -> &'static str;
}

sentences! {
    /// A sentence of the report.
    Key;
    // Headings and labels.
    Title => "Networking report", "Bilan de mes réseaux";
    PeriodAll => "Period: everything up to {until}", "Période : tout jusqu'au {until}";
    PeriodFrom => "Period: {since} to {until}", "Période : du {since} au {until}";
    HourlyRate => "Time valued at {rate} an hour", "Temps valorisé à {rate} de l'heure";
    ColNetwork => "Network", "Réseau";
    ColKind => "Kind", "Type";
    ColStatus => "Status", "Statut";
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
    SectionByKind => "By kind of network", "Par type de réseau";
    SectionWon => "Where the business came from", "D'où viennent les affaires";
    SectionNextSteps => "Next steps", "Prochaines étapes";
    SectionRetrospective => "Retrospective", "Rétrospective";
    NoNetworks => "No network in this period. Start with `netjournal add network NAME --kind KIND`.",
        "Aucun réseau sur cette période. Commencez par `netjournal add network NOM --kind TYPE`.";
    NoNextStep => "Nothing pressing.", "Rien d'urgent.";
    NoNextStepPast => "None: next steps are drawn for a period that runs to today.",
        "Aucune : les prochaines étapes ne se tirent que d'une période qui va jusqu'à aujourd'hui.";
    StatusActive => "active", "actif";
    StatusLeft => "left", "quitté";
    CallStay => "stay", "rester";
    CallWatch => "watch", "surveiller";
    CallLeave => "leave", "partir";
    CallLeft => "left", "quitté";

    // Verdict reasons, each with its figure.
    ReasonLeft => "left on {date}: {reason}", "quitté le {date} : {reason}";
    ReasonTooEarly => "only {meetings} so far: judged after {min}",
        "seulement {meetings} pour l'instant : jugé après {min}";
    ReasonNoReferrals => "{referrals} after {meetings}", "{referrals} après {meetings}";
    ReasonWon => "won {won} for {spent} spent", "{won} gagnés pour {spent} dépensés";
    ReasonWonFree => "won {won} with nothing spent", "{won} gagnés sans rien dépenser";
    ReasonLowReturn => "won {won} for {spent} spent: a return of {roi}, below {min}",
        "{won} gagnés pour {spent} dépensés : un retour de {roi}, sous le seuil de {min}";
    ReasonNoneWon => "{referrals}, none won yet", "{referrals}, aucune gagnée pour l'instant";
    ReasonAllLost => "{referrals}, {lost}, none won", "{referrals}, {lost}, aucune gagnée";
    Lost => "{n} lost|{n} lost", "{n} perdue|{n} perdues";
    ReasonConcerns => "{concerns}: {texts}", "{concerns} : {texts}";
    ReasonShallow => "{once} of {contacts} met only once", "{once} sur {contacts} vus une seule fois";
    ReasonTime => "{hours} invested, worth {value} at {rate} an hour, for {won} won",
        "temps investi : {hours}, soit {value} à {rate} de l'heure, pour {won} gagnés";

    // Counted words: singular|plural.
    Meetings => "{n} meeting|{n} meetings", "{n} réunion|{n} réunions";
    ReferralsReceived => "{n} referral received|{n} referrals received",
        "{n} recommandation reçue|{n} recommandations reçues";
    Referrals => "{n} referral|{n} referrals", "{n} recommandation|{n} recommandations";
    Concerns => "{n} concern|{n} concerns", "{n} alerte|{n} alertes";
    Contacts => "{n} contact|{n} contacts", "{n} contact|{n} contacts";
    People => "{n} person|{n} people", "{n} personne|{n} personnes";
    Hours => "{n} hour|{n} hours", "{n} heure|{n} heures";
    HoursDecimal => "{x} hour|{x} hours", "{x} heure|{x} heures";
    Days => "{n} day|{n} days", "{n} jour|{n} jours";
    Months => "{n} month|{n} months", "{n} mois|{n} mois";
    Years => "{n} year|{n} years", "{n} an|{n} ans";
    Networks => "{n} network|{n} networks", "{n} réseau|{n} réseaux";

    // Where the business came from.
    WonSplit => "{total} won in all: {net_share} through networks ({net}), {o2o_share} through one-to-one relationships outside any network ({o2o}).",
        "{total} gagnés en tout : {net_share} par les réseaux ({net}), {o2o_share} par des relations en direct, hors de tout réseau ({o2o}).";
    WonNone => "No business won yet in this period.", "Aucune affaire gagnée sur cette période.";

    // Next steps.
    StepRenewal => "{network} renews on {date} (in {days}) for {fee}: the verdict is {call}, decide before then.",
        "{network} se renouvelle le {date} (dans {days}) pour {fee} : le verdict est {call}, à décider avant.";
    StepFollowUpReceived => "Follow up the referral of {date} from {contact}, open for {days}{about}.",
        "Relancer la recommandation du {date} {contact}, ouverte depuis {days}{about}.";
    StepFollowUpGiven => "Ask what became of the referral you gave on {date} to {contact}, open for {days}{about}.",
        "Demander ce qu'est devenue ma recommandation du {date} à {contact}, ouverte depuis {days}{about}.";
    SomeoneUnnamed => "someone", "quelqu'un";
    About => ": {text}", " : {text}";
    ListSeparator => "; ", " ; ";
    StepDeepen => "Have a coffee with {contact}: {meetings} shared at {network}, never one-to-one.",
        "Prendre un café avec {contact} : {meetings} partagées à {network}, jamais en tête-à-tête.";

    // The retrospective, in the first person, as the user would tell it.
    ProseJoined => "I joined {name} ({kind}) on {date}.", "J'ai rejoint {name} ({kind}) le {date}.";
    ProseJoinedInvited => "I joined {name} ({kind}) on {date}, invited by {who}.",
        "J'ai rejoint {name} ({kind}) le {date}, sur l'invitation {who}.";
    ProseActivity => "Over {span}, I attended {meetings} ({in_person} in person, {remote} remote), giving it {hours} and {spent}.",
        "En {span}, j'ai participé à {meetings} ({in_person} en personne, {remote} à distance), pour {hours} et {spent}.";
    ProseNoMeeting => "Over {span}, I attended no meeting, and spent {spent}.",
        "En {span}, je n'ai participé à aucune réunion, et j'ai dépensé {spent}.";
    ProseContacts => "I met {people} there, {once} of them only once.",
        "J'y ai rencontré {people}, dont {once} une seule fois.";
    ProseContactsDeep => "I met {people} there, {once} of them only once and {deep} three times or more.",
        "J'y ai rencontré {people}, dont {once} une seule fois et {deep} au moins trois fois.";
    ProseContactsOnlyDeep => "I met {people} there, {deep} of them three times or more.",
        "J'y ai rencontré {people}, dont {deep} au moins trois fois.";
    ProseContactsAllOnce => "I met {people} there, each of them only once.",
        "J'y ai rencontré {people}, chacune une seule fois.";
    ProseContactsTwice => "I met {people} there, each of them twice.",
        "J'y ai rencontré {people}, chacune deux fois.";
    ProseContactOnce => "I met {people} there, only once.",
        "J'y ai rencontré {people}, une seule fois.";
    ProseContactTwice => "I met {people} there, twice.", "J'y ai rencontré {people}, deux fois.";
    ProseContactDeep => "I met {people} there, three times or more.",
        "J'y ai rencontré {people}, au moins trois fois.";
    ProseNoContact => "I made no lasting contact there.", "Je n'y ai noué aucun contact suivi.";
    ProseBrought => "It brought me {received}", "Il m'a apporté {received}";
    ProseBroughtNone => "It brought me no referral", "Il ne m'a apporté aucune recommandation";
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
    SectionReferrals => "Referrals received → won", "Recommandations reçues → gagnées";
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_decides_the_language() {
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), Lang::Fr);
        assert_eq!(Lang::from_locale("fr"), Lang::Fr);
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }

    #[test]
    fn plurals_follow_each_language() {
        let cases = [
            (Lang::En, 0, "0 meetings"),
            (Lang::En, 1, "1 meeting"),
            (Lang::En, 2, "2 meetings"),
            (Lang::Fr, 0, "0 réunion"),
            (Lang::Fr, 1, "1 réunion"),
            (Lang::Fr, 2, "2 réunions"),
        ];
        for (lang, n, expected) in cases {
            assert_eq!(lang.count(Key::Meetings, n, &[]), expected);
        }
    }

    #[test]
    fn dates_and_numbers_in_words() {
        let day = NaiveDate::from_ymd_opt(2009, 3, 12).unwrap();
        assert_eq!(Lang::En.date(day), "12 March 2009");
        assert_eq!(Lang::Fr.date(day), "12 mars 2009");
        let first = NaiveDate::from_ymd_opt(2009, 8, 1).unwrap();
        assert_eq!(Lang::Fr.date(first), "1er août 2009");
        assert_eq!(Lang::En.month(day, true), "Mar 2009");
        assert_eq!(Lang::Fr.month(first, false), "août");
        assert_eq!(Lang::En.decimal(12.5, 1), "12.5");
        assert_eq!(Lang::Fr.decimal(12.5, 1), "12,5");
        assert_eq!(Lang::Fr.decimal(3.0, 1), "3");
        assert_eq!(Lang::En.percent(0.8), "80%");
        assert_eq!(Lang::Fr.percent(0.8), "80 %");
        assert_eq!(Lang::Fr.by("Julien"), "de Julien");
        assert_eq!(Lang::Fr.by("une amie"), "d'une amie");
        assert_eq!(Lang::Fr.by("Hélène"), "d'Hélène");
        assert_eq!(Lang::En.by("Hélène"), "Hélène");
    }

    #[test]
    fn every_sentence_exists_in_both_languages_with_the_same_slots() {
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
        for key in Key::ALL {
            let (en, fr) = (key.template(Lang::En), key.template(Lang::Fr));
            assert!(!en.is_empty() && !fr.is_empty(), "{key:?}");
            assert_eq!(slots(en), slots(fr), "{key:?}");
            assert_eq!(en.contains('|'), fr.contains('|'), "{key:?}");
        }
    }
}
