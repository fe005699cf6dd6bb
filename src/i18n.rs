//! The user's language, and every sentence a person reads in a report, once per language,
//! keyed: a French reader never meets an English leftover. Sentences are templates with
//! `{name}` slots; a template with `|` holds a singular and a plural form.

use chrono::{Datelike, NaiveDate};

/// The months in words, in English.
pub const MONTHS_EN: [&str; 12] = [
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
/// The months in words, in French.
pub const MONTHS_FR: [&str; 12] = [
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

/// The placeholders of values (`--network <NAME>`), in French as the messages write them
/// (`--network NOM`). The option names and the values typed stay as they are.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("AMOUNT", "MONTANT"),
    ("COMMAND", "COMMANDE"),
    ("DATE", "DATE"),
    ("DIR", "DOSSIER"),
    ("EMAIL", "COURRIEL"),
    ("FEE_PERIOD", "PÉRIODE"),
    ("FIELD", "CHAMP"),
    ("FILE", "FICHIER"),
    ("FORMAT", "FORMAT"),
    ("ID", "ID"),
    ("ID-OR-NAME", "ID-OU-NOM"),
    ("KEEP", "GARDÉ"),
    ("KEY", "CLÉ"),
    ("KIND", "TYPE"),
    ("LANG", "LANGUE"),
    ("MINUTES", "MINUTES"),
    ("NAME", "NOM"),
    ("NEW.db", "NOUVEAU.db"),
    ("OTHER", "DOUBLON"),
    ("PATH", "CHEMIN"),
    ("SEVERITY", "GRAVITÉ"),
    ("SHELL", "SHELL"),
    ("STATUS", "STATUT"),
    ("TABLE", "TABLE"),
    ("TEXT", "TEXTE"),
    ("TIME", "HEURE"),
    ("URL", "URL"),
    ("VALUE", "VALEUR"),
    ("WHAT", "QUOI"),
    ("WHEN", "QUAND"),
];

/// The French placeholder for the English `name`.
pub fn french_value_name(name: &str) -> Option<&'static str> {
    VALUE_NAMES
        .iter()
        .find(|(english, _)| *english == name)
        .map(|(_, french)| *french)
}

/// A language netjournal speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// `text` (an option as clap names it, `--network <NAME>`, or a placeholder alone, `NAME`)
    /// with its placeholders in this language: `--network <NOM>`, `NOM`.
    pub fn placeholders(self, text: &str) -> String {
        if self == Lang::En {
            return text.to_string();
        }
        if let Some(french) = french_value_name(text) {
            return french.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find(['<', '[']) {
            let close = if rest[open..].starts_with('<') {
                '>'
            } else {
                ']'
            };
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            if let Some(end) = rest.find(close)
                && let Some(french) = french_value_name(&rest[..end])
            {
                out.push_str(french);
                rest = &rest[end..];
            }
        }
        out.push_str(rest);
        out
    }

    /// The language asked for by a `LANG`-style locale: French when it starts with `fr`.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// The language the locale variables ask for, as POSIX reads them: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides (`LC_ALL=fr_FR.UTF-8` wins
    /// over `LANG=C.UTF-8`); none set is English. `var` looks a variable up, so that the
    /// environment is read at the edge and the rule can be tested without it.
    pub fn from_locale_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|value| !value.is_empty()))
            .map(|locale| Lang::from_locale(&locale))
            .unwrap_or_default()
    }

    /// The sentence `key` in this language, its slots filled from `args`.
    pub fn say(self, key: impl Template, args: &[(&str, &str)]) -> String {
        self.fill(key.template(self), args)
    }

    /// The form of `key` for `n`, with `{n}` and `args` filled. A template holds one form,
    /// `singular|plural`, or `zero|singular|plural` ("no referral|1 referral|2 referrals",
    /// "aucune recommandation|…"). Without a zero form, French takes the singular for 0 and 1,
    /// English for 1 only.
    pub fn count(self, key: impl Template, n: i64, args: &[(&str, &str)]) -> String {
        let template = key.template(self);
        let forms: Vec<&str> = template.split('|').collect();
        let singular = match self {
            Lang::En => n == 1,
            Lang::Fr => n == 0 || n == 1,
        };
        let form = match (forms.as_slice(), n, singular) {
            ([zero, _, _], 0, _) => zero,
            ([.., one, _], _, true) => one,
            ([.., other], _, _) => other,
            ([], _, _) => template,
        };
        let number = n.to_string();
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(args);
        self.fill(form, &all)
    }

    /// The form of `key` for the decimal quantity `value`, shown with `decimals` decimals at
    /// most in `{x}`: `1,5 heure`, `12.5 hours` (see [`Lang::singular`]). A template holds
    /// `singular|plural`.
    pub fn count_decimal(self, key: impl Template, value: f64, decimals: usize) -> String {
        let x = self.decimal(value, decimals);
        let template = key.template(self);
        let (one, other) = template.split_once('|').unwrap_or((template, template));
        let scale = 10f64.powi(decimals as i32);
        let form = if self.singular((value * scale).round() / scale) {
            one
        } else {
            other
        };
        self.fill(form, &[("x", &x)])
    }

    /// A date in words: `12 March 2009`, `12 mars 2009`.
    pub fn date(self, day: NaiveDate) -> String {
        let month = (day.month0()) as usize;
        let name = match self {
            Lang::En => MONTHS_EN[month],
            Lang::Fr => MONTHS_FR[month],
        };
        let d = day.day();
        match (self, d) {
            (Lang::Fr, 1) => format!("1er {name} {}", day.year()),
            _ => format!("{d} {name} {}", day.year()),
        }
    }

    /// A day as a confirmation or a question shows it: as it is typed on the command line in
    /// English (`2026-01-13`), in words in French (`13 janvier 2026`).
    pub fn day(self, day: NaiveDate) -> String {
        match self {
            Lang::En => day.format("%Y-%m-%d").to_string(),
            Lang::Fr => self.date(day),
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

    /// Fills `template` in this language: in French, each value is joined to what precedes it
    /// as French joins them (see [`join_fr`]).
    fn fill(self, template: &str, args: &[(&str, &str)]) -> String {
        match self {
            Lang::En => fill(template, args),
            Lang::Fr => fill_joined(template, args, join_fr),
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

/// Fills the `{name}` slots of `template` in one pass over the template: a value is copied as
/// it is and never read again, so a name typed with braces (`Club {date}`) is shown as typed.
/// A `{` that does not open a slot name (letters, digits, `_`) is kept as text. A slot with no
/// value is a mistake of the program: tests and debug builds stop on it, and a release build
/// shows the slot rather than guessing.
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    fill_joined(template, args, |out, _, value| out.push_str(value))
}

/// [`fill`], each value appended to what precedes it by `join`.
fn fill_joined(template: &str, args: &[(&str, &str)], join: fn(&mut String, &str, &str)) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let slot = after
            .find('}')
            .map(|close| &after[..close])
            .filter(|name| is_slot_name(name));
        match slot {
            Some(name) => {
                match args.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => join(&mut out, name, value),
                    None => {
                        debug_assert!(false, "no value for `{{{name}}}` in {template:?}");
                        out.push_str(&rest[open..open + name.len() + 2]);
                    }
                }
                rest = &after[name.len() + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Appends `value` to the French sentence `out` as French joins a name to what precedes it:
/// `à`/`de` contracted with a leading article (`à Les Matinales` → `aux Matinales`, `de Le
/// Club` → `du Club`, `à L’Atelier` → `à l’Atelier`), `de` elided before a vowel or a mute h
/// (`d'Elles 34`), and a leading article in lower case within a sentence (`J'ai rejoint les
/// Matinales`). Only the values filled in are touched, never the template's own words; and
/// articles only in a network's name (slots `network` and `name`): in a person's (`Le Goff`,
/// `La Fontaine`) the article is part of the name. A network's name without an article takes
/// the one its first word calls for when that word is the noun of an organisation (`à l'Union
/// des TPE`, `du Club Affaires Sud`, see `implied_article`), else is named as a network (`J'ai
/// rejoint le réseau BNI Montpellier`): French gives most names an article that the journal
/// cannot guess.
/// Other values (numbers, files, lists) are written as they are.
fn join_fr(out: &mut String, slot: &str, value: &str) {
    const ARTICLES: [(&str, &str, &str, &str); 5] = [
        // (article as typed, after à, after de, within a sentence)
        ("Les ", "aux ", "des ", "les "),
        ("Le ", "au ", "du ", "le "),
        ("La ", "à la ", "de la ", "la "),
        ("L’", "à l’", "de l’", "l’"),
        ("L'", "à l'", "de l'", "l'"),
    ];
    let preposition = [("à ", 1), ("de ", 2)].into_iter().find(|(word, _)| {
        out.ends_with(word)
            && out[..out.len() - word.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    });
    // Names are joined so; other values (numbers, files, lists) are written as they are.
    let names = matches!(slot, "network" | "name" | "contact" | "who");
    let article = ARTICLES
        .iter()
        .filter(|_| matches!(slot, "network" | "name"))
        .find(|(typed, ..)| value.starts_with(typed) && value.len() > typed.len());
    // A network's name without an article takes the one its first word calls for (`l'Union
    // des TPE`, `le Club Affaires Sud`), else is named as a network (`le réseau BNI`).
    // A template that says `réseau` already names it as one (`le réseau {network}`).
    let implied = (matches!(slot, "network" | "name") && !out.ends_with("réseau "))
        .then(|| implied_article(value).unwrap_or(("au réseau ", "du réseau ", "le réseau ")));
    match (preposition, article) {
        (Some((word, which)), Some(article)) => {
            out.truncate(out.len() - word.len());
            out.push_str(if which == 1 { article.1 } else { article.2 });
            out.push_str(&value[article.0.len()..]);
        }
        (Some((word, which)), None) if implied.is_some() => {
            let (after_a, after_de, _) = implied.unwrap_or_default();
            out.truncate(out.len() - word.len());
            out.push_str(if which == 1 { after_a } else { after_de });
            out.push_str(value);
        }
        (None, None) if implied.is_some() && within_sentence(out) => {
            out.push_str(implied.map_or("", |(.., within)| within));
            out.push_str(value);
        }
        (Some(("de ", _)), None) if names && starts_with_vowel(value) => {
            out.truncate(out.len() - 3);
            out.push_str("d'");
            out.push_str(value);
        }
        (None, Some(article)) if within_sentence(out) => {
            out.push_str(article.3);
            out.push_str(&value[article.0.len()..]);
        }
        _ => out.push_str(value),
    }
}

/// The article a network's name calls for by its first word, when that word is one of the
/// nouns organisations are named by (`Union des TPE du Lez`, `Club Affaires Sud`, `Réseau
/// Entreprendre`): after `à`, after `de`, and within a sentence. A name of one word is a name,
/// not a noun.
fn implied_article(name: &str) -> Option<(&'static str, &'static str, &'static str)> {
    const MASCULINE: [&str; 14] = [
        "Réseau",
        "Club",
        "Cercle",
        "Collectif",
        "Groupement",
        "Syndicat",
        "Conseil",
        "Comité",
        "Mouvement",
        "Centre",
        "Forum",
        "Pôle",
        "Cluster",
        "Groupe",
    ];
    const FEMININE: [&str; 9] = [
        "Chambre",
        "Fédération",
        "Confédération",
        "Communauté",
        "Ligue",
        "Maison",
        "Coopérative",
        "Société",
        "Compagnie",
    ];
    const ELIDED: [&str; 9] = [
        "Union",
        "Association",
        "Amicale",
        "Alliance",
        "Assemblée",
        "Académie",
        "Institut",
        "Ordre",
        "Espace",
    ];
    let (first, rest) = name.split_once(' ')?;
    if rest.trim().is_empty() {
        return None;
    }
    if MASCULINE.contains(&first) {
        Some(("au ", "du ", "le "))
    } else if FEMININE.contains(&first) {
        Some(("à la ", "de la ", "la "))
    } else if ELIDED.contains(&first) {
        Some(("à l'", "de l'", "l'"))
    } else {
        None
    }
}

/// Whether a word starts with a vowel or a mute h, before which `de` elides.
fn starts_with_vowel(word: &str) -> bool {
    word.chars()
        .next()
        .and_then(|c| c.to_lowercase().next())
        .is_some_and(|c| "aâàäeéèêëiîïoôöuûùüyh".contains(c))
}

/// Whether what was written so far ends within a sentence (after a word or a comma), where a
/// name's article is written in lower case.
fn within_sentence(out: &str) -> bool {
    let trimmed = out.trim_end();
    out.ends_with(' ')
        && trimmed
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic() || c == ',')
}

/// Whether `text` is the name of a slot: `n`, `name`, `fee_cents`.
fn is_slot_name(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_said_in_french_and_the_rest_kept() {
        let fr = |text| Lang::Fr.placeholders(text);
        assert_eq!(fr("--network <NAME>"), "--network <NOM>");
        assert_eq!(fr("NAME"), "NOM");
        assert_eq!(fr("[KEEP] [OTHER]"), "[GARDÉ] [DOUBLON]");
        assert_eq!(fr("--rating <1-5>"), "--rating <1-5>");
        assert_eq!(fr("--at <TIME> [x] <"), "--at <HEURE> [x] <");
        assert_eq!(fr("--name"), "--name");
        assert_eq!(
            Lang::En.placeholders("--network <NAME>"),
            "--network <NAME>"
        );
    }

    sentences! {
        /// A table for these tests.
        Test;
        Meetings => "no meeting|{n} meeting|{n} meetings", "aucune réunion|{n} réunion|{n} réunions";
        Hours => "{x} hour|{x} hours", "{x} heure|{x} heures";
    }

    #[test]
    fn locale_decides_the_language() {
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), Lang::Fr);
        assert_eq!(Lang::from_locale("fr"), Lang::Fr);
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }

    #[test]
    fn french_joins_articles_and_prepositions_to_the_names_filled_in() {
        let say = |template: &str, value: &str| {
            Lang::Fr.fill(&template.replace("{x}", "{network}"), &[("network", value)])
        };
        let cases = [
            (
                "partagées à {x}.",
                "Les Matinales du Lez",
                "partagées aux Matinales du Lez.",
            ),
            ("partagées à {x}.", "Le Club", "partagées au Club."),
            ("partagées à {x}.", "La Ruche", "partagées à la Ruche."),
            ("partagées à {x}.", "L’Atelier", "partagées à l’Atelier."),
            (
                "partagées à {x}.",
                "BNI Montpellier",
                "partagées au réseau BNI Montpellier.",
            ),
            (
                "organisateurs de {x}.",
                "Les Matinales",
                "organisateurs des Matinales.",
            ),
            ("organisateurs de {x}.", "Le Club", "organisateurs du Club."),
            (
                "organisateurs de {x}.",
                "Elles Entreprennent 34",
                "organisateurs du réseau Elles Entreprennent 34.",
            ),
            (
                "organisateurs de {x}.",
                "CPME",
                "organisateurs du réseau CPME.",
            ),
            (
                "J'ai rejoint {x} (local).",
                "Les Matinales",
                "J'ai rejoint les Matinales (local).",
            ),
            (
                "{x} : renouvellement.",
                "Les Matinales",
                "Les Matinales : renouvellement.",
            ),
            // A word that merely ends in "de" or "à" is no preposition.
            ("Grenade {x}", "Les Matinales", "Grenade les Matinales"),
            // A name that only starts like an article has none.
            ("à {x}", "Leclerc", "au réseau Leclerc"),
        ];
        for (template, value, expected) in cases {
            assert_eq!(say(template, value), expected, "{template} / {value}");
        }
        // A person's article is part of their name; `de` still elides before a vowel.
        let person = |value: &str| {
            Lang::Fr.fill(
                "un café avec {contact} de {who}",
                &[("contact", value), ("who", "Hélène")],
            )
        };
        assert_eq!(person("Le Goff"), "un café avec Le Goff d'Hélène");
        // English is left as typed.
        assert_eq!(
            Lang::En.fill("at {network}", &[("network", "Les Matinales")]),
            "at Les Matinales"
        );
    }

    #[test]
    fn contractions_with_the_names_of_the_proofs() {
        // The names the message proofs are read with: « Les », « L’ », « Le », a vowel, a
        // mute h; after à, after de, and within a sentence.
        let fill = |template: &str, value: &str| Lang::Fr.fill(template, &[("network", value)]);
        let cases = [
            (
                "Les Matinales du Lez",
                "aux Matinales du Lez",
                "des Matinales du Lez",
                "les Matinales du Lez",
            ),
            ("L’Envol", "à l’Envol", "de l’Envol", "l’Envol"),
            ("Le Cercle", "au Cercle", "du Cercle", "le Cercle"),
            // Without an article: named as a network.
            (
                "Avenir Pro",
                "au réseau Avenir Pro",
                "du réseau Avenir Pro",
                "le réseau Avenir Pro",
            ),
            (
                "CPME 34",
                "au réseau CPME 34",
                "du réseau CPME 34",
                "le réseau CPME 34",
            ),
            ("La Ruche", "à la Ruche", "de la Ruche", "la Ruche"),
            ("L'Atelier", "à l'Atelier", "de l'Atelier", "l'Atelier"),
        ];
        for (name, after_a, after_de, within) in cases {
            assert_eq!(
                fill("réunions à {network}.", name),
                format!("réunions {after_a}.")
            );
            assert_eq!(
                fill("organisateurs de {network}.", name),
                format!("organisateurs {after_de}.")
            );
            assert_eq!(
                fill("J'ai rejoint {network}.", name),
                format!("J'ai rejoint {within}.")
            );
            // At the start of a sentence, or quoted, a name is written as it was typed.
            assert_eq!(
                fill("{network} : renouvellement", name),
                format!("{name} : renouvellement")
            );
            assert_eq!(fill("à `{network}`", name), format!("à `{name}`"));
        }
        // A template that says `réseau` already names it once.
        assert_eq!(fill("le réseau {network}", "CPME 34"), "le réseau CPME 34");
        assert_eq!(
            fill("le réseau {network}", "Club Affaires Sud"),
            "le réseau Club Affaires Sud"
        );
        // A name that starts with the noun of an organisation takes that noun's article.
        let nouns = [
            ("Union des TPE du Lez", "à l'Union", "de l'Union", "l'Union"),
            ("Club Affaires Sud", "au Club", "du Club", "le Club"),
            ("Réseau Entreprendre", "au Réseau", "du Réseau", "le Réseau"),
            (
                "Chambre de commerce",
                "à la Chambre",
                "de la Chambre",
                "la Chambre",
            ),
        ];
        for (name, after_a, after_de, within) in nouns {
            let rest = &name[name.find(' ').unwrap()..];
            assert_eq!(fill("à {network}.", name), format!("{after_a}{rest}."));
            assert_eq!(fill("de {network}.", name), format!("{after_de}{rest}."));
            assert_eq!(
                fill("rejoint {network}.", name),
                format!("rejoint {within}{rest}.")
            );
        }
        // One word is a name, not a noun.
        assert_eq!(
            fill("rejoint {network}.", "Club"),
            "rejoint le réseau Club."
        );
        // Each value is joined once, in the one pass that fills the template: a name that
        // looks like a slot, or like a preposition, is not read again.
        assert_eq!(
            Lang::Fr.fill(
                "de {network} à {name}",
                &[("network", "Le {name}"), ("name", "Les Amis")]
            ),
            "du {name} aux Amis"
        );
    }

    #[test]
    fn the_locale_variables_decide_in_posix_order() {
        let cases: &[(&[(&str, &str)], Lang)] = &[
            (&[], Lang::En),
            (&[("LANG", "fr_FR.UTF-8")], Lang::Fr),
            (&[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "C.UTF-8")], Lang::Fr),
            (&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")], Lang::En),
            (
                &[("LC_MESSAGES", "fr_CA.UTF-8"), ("LANG", "en_US.UTF-8")],
                Lang::Fr,
            ),
            (
                &[("LC_ALL", "en_GB.UTF-8"), ("LC_MESSAGES", "fr_FR")],
                Lang::En,
            ),
            // Set but empty is not set: the next one decides.
            (
                &[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "fr_FR")],
                Lang::Fr,
            ),
        ];
        for (pairs, expected) in cases {
            let var = |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| value.to_string())
            };
            assert_eq!(Lang::from_locale_vars(var), *expected, "{pairs:?}");
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        let cases = [
            (Lang::En, 0, "no meeting"),
            (Lang::En, 1, "1 meeting"),
            (Lang::En, 2, "2 meetings"),
            (Lang::Fr, 0, "aucune réunion"),
            (Lang::Fr, 1, "1 réunion"),
            (Lang::Fr, 2, "2 réunions"),
        ];
        for (lang, n, expected) in cases {
            assert_eq!(lang.count(Test::Meetings, n, &[]), expected);
        }
        assert_eq!(Test::ALL, [Test::Meetings, Test::Hours]);
        // A decimal quantity: singular in French below 2, in English at 1 only.
        let hours = |lang: Lang, value: f64| lang.count_decimal(Test::Hours, value, 1);
        assert_eq!(hours(Lang::Fr, 1.5), "1,5 heure");
        assert_eq!(hours(Lang::Fr, 1.96), "2 heures");
        assert_eq!(hours(Lang::En, 1.5), "1.5 hours");
        assert_eq!(hours(Lang::En, 1.04), "1 hour");
    }

    #[test]
    fn dates_and_numbers_in_words() {
        let day = NaiveDate::from_ymd_opt(2009, 3, 12).unwrap();
        assert_eq!(Lang::En.date(day), "12 March 2009");
        assert_eq!(Lang::Fr.date(day), "12 mars 2009");
        let first = NaiveDate::from_ymd_opt(2009, 8, 1).unwrap();
        assert_eq!(Lang::Fr.date(first), "1er août 2009");
        assert_eq!(Lang::En.day(day), "2009-03-12");
        assert_eq!(Lang::Fr.day(first), "1er août 2009");
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
    fn slots_are_filled_in_one_pass() {
        // A value that looks like a slot is shown as typed, not filled again.
        assert_eq!(
            fill(
                "Added `{name}` on {date}.",
                &[("name", "Club {date}"), ("date", "2024-06-01")]
            ),
            "Added `Club {date}` on 2024-06-01."
        );
        assert_eq!(fill("{a}{b}", &[("a", "{b}"), ("b", "x")]), "{b}x");
        // Braces that open no slot are text.
        assert_eq!(fill("{ not a slot } {}", &[]), "{ not a slot } {}");
        assert_eq!(fill("{n} é {", &[("n", "1")]), "1 é {");
    }

    #[test]
    #[should_panic(expected = "no value for `{date}`")]
    fn a_slot_without_a_value_is_a_test_failure() {
        fill("joined on {date}", &[("name", "x")]);
    }
}
