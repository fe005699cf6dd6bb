//! LinkedIn's `Connections.csv`, from its data export (Settings → Data privacy → Get a copy of
//! your data → Connections): a few `Notes:` lines, then the header `First Name,Last Name,URL,
//! Email Address,Company,Position,Connected On` — in the language of the member's LinkedIn:
//! `Prénom,Nom,URL,Adresse e-mail,Entreprise,Poste,Date de connexion` in French, `Vorname,
//! Nachname,URL,E-Mail-Adresse,Unternehmen,Position,Verbunden am` in German… — then one
//! connection a line. Values holding a comma are in double quotes, the e-mail is often empty
//! (people choose whether to share it), dates read `05 Dec 2025` (the month named in the
//! file's language), and the file may start with a byte-order mark.

use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use super::Error;
use crate::domain::{DateArg, Email, Invalid, LinkedinUrl, Name, Text};
use crate::messages::Message;
use crate::messages::Msg;

/// The columns read, as LinkedIn names them in English (in any order; other columns are
/// ignored).
const COLUMNS: [&str; 7] = [
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
];

/// What each of [`COLUMNS`] is called in the languages LinkedIn exports in (English, French,
/// German, Spanish, Italian, Portuguese, Dutch), compared [`fold`]ed: without case, accents,
/// spaces or punctuation, so that `E-Mail-Adresse` and `E-mail adresse` are one name.
const NAMES: [&[&str]; 7] = [
    &[
        "First Name",
        "Prénom",
        "Vorname",
        "Nombre",
        "Nome",
        "Voornaam",
    ],
    &[
        "Last Name",
        "Nom",
        "Nom de famille",
        "Nachname",
        "Apellidos",
        "Apellido",
        "Cognome",
        "Sobrenome",
        "Achternaam",
    ],
    &["URL", "Profile URL", "URL du profil", "Profil-URL"],
    &[
        "Email Address",
        "Adresse e-mail",
        "Adresse électronique",
        "E-Mail-Adresse",
        "Dirección de correo electrónico",
        "Correo electrónico",
        "Indirizzo email",
        "Endereço de e-mail",
        "E-mailadres",
    ],
    &[
        "Company",
        "Entreprise",
        "Société",
        "Unternehmen",
        "Firma",
        "Empresa",
        "Azienda",
        "Bedrijf",
    ],
    &[
        "Position",
        "Poste",
        "Cargo",
        "Puesto",
        "Posizione",
        "Ruolo",
        "Functie",
    ],
    &[
        "Connected On",
        "Date de connexion",
        "Connecté le",
        "Verbunden am",
        "Vernetzt am",
        "Fecha de conexión",
        "Conectado el",
        "Data di collegamento",
        "Collegato il",
        "Data de conexão",
        "Conectado em",
        "Verbonden op",
        "Connectie sinds",
    ],
];

/// The names and abbreviations of the months in the same languages, [`fold`]ed, by month.
/// (No word stands for two months in two languages.)
const MONTHS: [&[&str]; 12] = [
    &[
        "jan", "january", "janv", "janvier", "januar", "ene", "enero", "gen", "gennaio", "janeiro",
        "januari",
    ],
    &[
        "feb",
        "february",
        "fev",
        "fevr",
        "fevrier",
        "februar",
        "febrero",
        "febbraio",
        "fevereiro",
        "februari",
    ],
    &[
        "mar", "march", "mars", "marz", "marzo", "marco", "mrt", "maart",
    ],
    &["apr", "april", "avr", "avril", "abr", "abril", "aprile"],
    &["may", "mai", "mayo", "mag", "maggio", "maio", "mei"],
    &[
        "jun", "june", "juin", "juni", "junio", "giu", "giugno", "junho",
    ],
    &[
        "jul", "july", "juil", "juillet", "juli", "julio", "lug", "luglio", "julho",
    ],
    &["aug", "august", "aout", "ago", "agosto", "augustus"],
    &[
        "sep",
        "sept",
        "september",
        "septembre",
        "septiembre",
        "set",
        "settembre",
        "setembro",
    ],
    &[
        "oct", "october", "octobre", "okt", "oktober", "octubre", "ott", "ottobre", "out",
        "outubro",
    ],
    &["nov", "november", "novembre", "noviembre", "novembro"],
    &[
        "dec",
        "december",
        "decembre",
        "dez",
        "dezember",
        "dic",
        "diciembre",
        "dicembre",
        "dezembro",
    ],
];

/// LinkedIn opened in 2003: no one is connected on it from before.
const FIRST_YEAR: i32 = 2003;

/// Where to find the file, for the hint of a file that is not it.
fn where_to_find() -> Message {
    Message::keyed(Msg::LinkedinWhere, &[])
}

/// One line of the file: a connection, its values checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection {
    /// The line of the file it was read from.
    pub line: usize,
    /// First and last name; `None` when LinkedIn left both empty.
    pub name: Option<Name>,
    /// The LinkedIn profile, `https://…`.
    pub url: Option<String>,
    pub email: Option<String>,
    pub company: Option<String>,
    pub position: Option<String>,
    pub connected_on: Option<NaiveDate>,
}

/// Reads `Connections.csv` (`file` names it in errors) on the day `today`. A file without
/// LinkedIn's header (in any of its languages), a line with more or fewer values than the
/// header, or a value that is not what its column holds — a name, a text, an e-mail address
/// or a LinkedIn profile by the rules of `add contact`, a date from 2003 to today — is refused
/// with its line.
pub fn read(bytes: &[u8], file: &str, today: NaiveDate) -> Result<Vec<Connection>, Error> {
    // One line end, so that the CSV reader counts lines right (it counts a CRLF file's
    // records one line short after its header).
    let text = super::text(bytes, file)?.replace("\r\n", "\n");
    let text = text.as_str();
    let columns = COLUMNS.join(",");
    let (header_line, offset) = find_header(text).ok_or_else(|| {
        Error::new(
            file,
            Message::keyed(Msg::LinkedinNoHeader, &[("columns", &columns)]),
        )
        .with_hint(where_to_find())
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(&text.as_bytes()[offset..]);
    let at = |line: u64| format!("{file}:{}", header_line as u64 + line - 1);
    let headers = reader
        .headers()
        .map_err(|error| Error::new(at(1), describe(&error)))?
        .clone();
    // For each column read, where it is in the file and what the file calls it.
    let found: Vec<Option<(usize, &str)>> = (0..COLUMNS.len())
        .map(|wanted| {
            headers
                .iter()
                .enumerate()
                .find(|(_, header)| column_of(header) == Some(wanted))
                .map(|(index, header)| (index, header.trim()))
        })
        .collect();
    let missing: Vec<String> = COLUMNS
        .iter()
        .zip(&found)
        .filter(|(_, found)| found.is_none())
        .map(|(name, _)| format!("`{name}`"))
        .collect();
    if !missing.is_empty() {
        let missing = missing.join(", ");
        return Err(Error::new(
            at(1),
            Message::keyed(
                Msg::LinkedinHeaderLacks,
                &[("missing", &missing), ("columns", &columns)],
            ),
        )
        .with_hint(where_to_find()));
    }
    let (index, names): (Vec<usize>, Vec<&str>) = found.into_iter().flatten().unzip();
    let read = Read {
        file,
        today,
        names: &names,
    };
    let mut connections = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| {
            let line = error.position().map_or(1, |p| p.line());
            Error::new(at(line), describe(&error))
        })?;
        let line = header_line + record.position().map_or(1, |p| p.line() as usize) - 1;
        let values: Vec<&str> = index
            .iter()
            .map(|&i| record.get(i).unwrap_or("").trim())
            .collect();
        connections.push(read.connection(line, &values)?);
    }
    Ok(connections)
}

/// `text` as column and month names are compared: lower case, accents dropped, letters and
/// digits only.
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            other => other,
        })
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Which of [`COLUMNS`] the header value `name` is, in any of LinkedIn's languages.
fn column_of(name: &str) -> Option<usize> {
    let name = fold(name);
    NAMES
        .iter()
        .position(|names| names.iter().any(|n| fold(n) == name))
}

/// The line number (from 1) and byte offset of the header line: the first line whose values
/// include a first name's and a last name's column, in any of LinkedIn's languages.
fn find_header(text: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(line.as_bytes());
        if let Some(Ok(record)) = reader.records().next() {
            let has = |column: usize| record.iter().any(|v| column_of(v) == Some(column));
            if has(0) && has(1) {
                return Some((number + 1, offset));
            }
        }
        offset += line.len();
    }
    None
}

/// A sentence for a CSV error, without the CSV library's wording.
fn describe(error: &csv::Error) -> Message {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Message::keyed(
            Msg::CsvUnequal,
            &[
                ("len", &len.to_string()),
                ("expected", &expected_len.to_string()),
            ],
        ),
        _ => Message::keyed(Msg::CsvUnreadable, &[]),
    }
}

/// What a line is read with: the file, the day, and the file's own names of the columns.
struct Read<'a> {
    file: &'a str,
    today: NaiveDate,
    names: &'a [&'a str],
}

impl Read<'_> {
    /// The name the file gives the column `column`.
    fn name(&self, column: usize) -> &str {
        self.names.get(column).copied().unwrap_or(COLUMNS[column])
    }

    /// The connection of one line, its values checked by the rules of `add contact`.
    fn connection(&self, line: usize, values: &[&str]) -> Result<Connection, Error> {
        let value = |column: usize| values.get(column).copied().unwrap_or("");
        let place = || format!("{}:{line}", self.file);
        let full_name = format!("{} {}", value(0), value(1));
        let name = match full_name.trim() {
            "" => None,
            name => Some(Name::from_str(name).map_err(|error| {
                let message = Message::new(Msg::LinkedinBadName)
                    .with("name", name)
                    .with("why", error.message());
                Error::new(place(), message)
            })?),
        };
        let url = optional(value(2), LinkedinUrl::from_str)
            .map_err(|error| Error::new(place(), error.0))?;
        let email =
            optional(value(3), Email::from_str).map_err(|error| Error::new(place(), error.0))?;
        let text = |column: usize| {
            optional(value(column), |text| {
                Text::from_str(text).map_err(|error| Invalid(error.message()))
            })
            .map(|text| text.map(Text::into_string))
            .map_err(|error| {
                let message = Message::new(Msg::RecordField)
                    .with("field", self.name(column))
                    .with("why", error.0);
                Error::new(place(), message)
            })
        };
        let company = text(4)?;
        let position = text(5)?;
        let connected_on = match value(6) {
            "" => None,
            date => Some(self.date(date).map_err(|why| Error::new(place(), why))?),
        };
        Ok(Connection {
            line,
            name,
            url: url.map(LinkedinUrl::into_string),
            email: email.map(Email::into_string),
            company,
            position,
            connected_on,
        })
    }

    /// `05 Dec 2025` as LinkedIn writes it (`05 déc. 2025`, `05. Dez. 2025`, `05 de dic. de
    /// 2025` in other languages), or `2025-12-05`: a day from LinkedIn's opening to today.
    /// `12/05/2025` is refused: 12 May or 5 December, the file does not say.
    fn date(&self, text: &str) -> Result<NaiveDate, Message> {
        let said = |key: Msg| Message::keyed(key, &[("value", text), ("column", self.name(6))]);
        let numeric = text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '-' | ' '));
        let day = if !numeric {
            words_date(text).ok_or_else(|| said(Msg::LinkedinNotDate))?
        } else if text.contains(['/', '.']) {
            return Err(said(Msg::LinkedinAmbiguousDate));
        } else {
            match text.parse::<DateArg>() {
                Ok(DateArg::Day(day)) => day,
                _ => return Err(said(Msg::LinkedinNotDate)),
            }
        };
        if day.year() < FIRST_YEAR || day > self.today {
            return Err(said(Msg::LinkedinDateOutOfRange));
        }
        Ok(day)
    }
}

/// `parse(text)`, unless `text` is empty.
fn optional<T>(
    text: &str,
    parse: impl Fn(&str) -> Result<T, Invalid>,
) -> Result<Option<T>, Invalid> {
    (!text.is_empty()).then(|| parse(text)).transpose()
}

/// A day written with its month's name: the day, the month, the year, in that order, with the
/// `de` or `di` and the dots that some languages put between them.
fn words_date(text: &str) -> Option<NaiveDate> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .map(fold)
        .filter(|word| !word.is_empty() && word != "de" && word != "di")
        .collect();
    let [day, month, year] = words.as_slice() else {
        return None;
    };
    let month = MONTHS
        .iter()
        .position(|names| names.contains(&month.as_str()))?;
    if day.len() > 2 || year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month as u32 + 1, day.parse().ok()?)
}

/// What tells two LinkedIn profiles apart: the address without its scheme, `www.` or country
/// prefix, query, fragment or trailing slash, in lower case. `https://www.linkedin.com/in/Paul/`
/// and `http://fr.linkedin.com/in/paul` are one profile.
pub fn profile_key(url: &str) -> String {
    let url = url.trim().to_lowercase();
    let url = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(&url);
    let url = url.split(['?', '#']).next().unwrap_or(url);
    let (host, path) = url.split_once('/').unwrap_or((url, ""));
    let host = match host.split_once('.') {
        Some((_, rest)) if rest.contains('.') => rest,
        _ => host,
    };
    format!("{host}/{}", path.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
    }

    const FILE: &str = "\u{feff}Notes:\n\
\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\
\n\
First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
Sophie,Durand,https://www.linkedin.com/in/sophie-durand,sophie@example.com,\"Durand, Architectes\",Architect,15 Mar 2024\n\
Hélène,Müller,https://www.linkedin.com/in/helene-muller,,Atelier Müller,\"Designer, UX\",02 Jan 2023\n\
,,https://www.linkedin.com/in/someone,,,,01 Feb 2022\n";

    #[test]
    fn reads_past_the_preamble_with_quoted_commas_and_empty_emails() {
        let connections = read(FILE.as_bytes(), "Connections.csv", today()).unwrap();
        assert_eq!(connections.len(), 3);
        let sophie = &connections[0];
        assert_eq!(sophie.line, 5);
        assert_eq!(sophie.name.as_ref().unwrap().as_str(), "Sophie Durand");
        assert_eq!(sophie.company.as_deref(), Some("Durand, Architectes"));
        assert_eq!(sophie.email.as_deref(), Some("sophie@example.com"));
        assert_eq!(sophie.connected_on, NaiveDate::from_ymd_opt(2024, 3, 15));
        let helene = &connections[1];
        assert_eq!(helene.name.as_ref().unwrap().as_str(), "Hélène Müller");
        assert_eq!(helene.email, None);
        assert_eq!(helene.position.as_deref(), Some("Designer, UX"));
        assert_eq!(connections[2].name, None);
        assert_eq!(connections[2].line, 7);
    }

    #[test]
    fn windows_line_ends_read_the_same() {
        let crlf = FILE.replace('\n', "\r\n");
        assert_eq!(
            read(crlf.as_bytes(), "Connections.csv", today()).unwrap(),
            read(FILE.as_bytes(), "Connections.csv", today()).unwrap()
        );
    }

    #[test]
    fn headers_and_dates_in_linkedins_languages() {
        let headers = [
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
            "Prénom,Nom,URL,Adresse e-mail,Entreprise,Poste,Date de connexion",
            "Vorname,Nachname,URL,E-Mail-Adresse,Unternehmen,Position,Verbunden am",
            "Nombre,Apellidos,URL,Dirección de correo electrónico,Empresa,Cargo,Fecha de conexión",
            "Nome,Cognome,URL,Indirizzo email,Azienda,Posizione,Data di collegamento",
            "Nome,Sobrenome,URL,Endereço de e-mail,Empresa,Cargo,Data de conexão",
            "Voornaam,Achternaam,URL,E-mailadres,Bedrijf,Functie,Verbonden op",
        ];
        let dates = [
            "05 Dec 2025",
            "05 déc. 2025",
            "05. Dez. 2025",
            "05 de dic. de 2025",
            "05 dic 2025",
            "05 de dez. de 2025",
            "05 dec. 2025",
        ];
        for (header, date) in headers.iter().zip(dates) {
            let text = format!(
                "Notes:\n\n{header}\nZoë,O'Brien,https://www.linkedin.com/in/zoe,zoe@example.ie,\
                 Acme,CEO,{date}\n"
            );
            let connections = read(text.as_bytes(), "f.csv", today()).unwrap();
            assert_eq!(
                connections[0].connected_on,
                NaiveDate::from_ymd_opt(2025, 12, 5),
                "{header}"
            );
            assert_eq!(connections[0].email.as_deref(), Some("zoe@example.ie"));
        }
        for (text, month) in [
            ("1 janvier 2024", 1),
            ("3 März 2024", 3),
            ("14 mei 2024", 5),
            ("9 giu 2024", 6),
            ("2 août 2024", 8),
            ("30 set 2024", 9),
            ("1 out 2024", 10),
            ("2025-11-03", 11),
        ] {
            let day = words_date(text)
                .or_else(|| text.parse::<DateArg>().ok().map(|d| d.resolve(today())));
            assert_eq!(day.map(|d| d.month()), Some(month), "{text}");
        }
    }

    #[test]
    fn bad_files_name_the_line() {
        let header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
        let line = |values: &str| format!("{header}\n{values}\n");
        let cases = [
            (
                "{\"networks\": []}\n".to_string(),
                "f.csv",
                "no LinkedIn header",
            ),
            (
                "Name,Email\nPaul,p@x.fr\n".to_string(),
                "f.csv",
                "no LinkedIn header",
            ),
            (
                "First Name,Last Name,Email Address\nPaul,Martin,p@x.fr\n".to_string(),
                "f.csv:1",
                "lacks `URL`, `Company`, `Position`, `Connected On`",
            ),
            (
                "Prénom,Nom,Adresse e-mail\nPaul,Martin,p@x.fr\n".to_string(),
                "f.csv:1",
                "lacks `URL`, `Company`, `Position`, `Connected On`",
            ),
            (
                format!(
                    "Notes:\n\n{header}\nPaul,Martin,,,ACME,Boss,15 Mar 2024\n\
                     Anne,Roux,,,ACME, Inc,CEO,1 Jan 2024\n"
                ),
                "f.csv:5",
                "8 values where the header has 7",
            ),
            (
                line("Paul,Martin,,,ACME,Boss,yesterday-ish"),
                "f.csv:2",
                "`yesterday-ish` in Connected On is not a date",
            ),
            (
                line("Paul,Martin,,,ACME,Boss,12/05/2025"),
                "f.csv:2",
                "`12/05/2025` in Connected On could be read two ways",
            ),
            (
                line("Paul,Martin,,,ACME,Boss,05 Dec 2099"),
                "f.csv:2",
                "`05 Dec 2099` in Connected On is not a day one could connect on",
            ),
            (
                line("Paul,Martin,,,ACME,Boss,05 Dec 1999"),
                "f.csv:2",
                "is not a day one could connect on",
            ),
            (
                line("Paul,Martin,https://example.com/paul,,,,"),
                "f.csv:2",
                "not a LinkedIn profile",
            ),
            (
                line("Paul,Martin,javascript:alert(1),,,,"),
                "f.csv:2",
                "not a LinkedIn profile",
            ),
            (
                line("Paul,Martin,,paul-at-example,,,"),
                "f.csv:2",
                "not an e-mail address",
            ),
            (
                line("Paul,Martin,,\"p@x.fr\nBcc: y@z.fr\",,,"),
                "f.csv:2",
                "not an e-mail address",
            ),
            (
                line("\u{200B},\u{200C},,,,,"),
                "f.csv:2",
                "has no visible character",
            ),
            (
                line("Paul,\u{202E}nitraM,,,,,"),
                "f.csv:2",
                "contains a character that reverses the text's direction",
            ),
            (
                line("Paul,Martin,,,\"ACME\rforged\",,"),
                "f.csv:2",
                "Company: \"ACME\\rforged\" contains a control character",
            ),
        ];
        for (text, place, message) in cases {
            let error = read(text.as_bytes(), "f.csv", today()).unwrap_err();
            assert_eq!(error.place, place, "{text}");
            assert!(error.message.contains(message), "{text}: {}", error.message);
        }
    }

    #[test]
    fn profile_keys_ignore_the_spelling_of_one_address() {
        let key = profile_key("https://www.linkedin.com/in/paul-martin");
        for same in [
            "http://fr.linkedin.com/in/Paul-Martin/",
            "https://linkedin.com/in/paul-martin?trk=x",
            "linkedin.com/in/paul-martin",
        ] {
            assert_eq!(profile_key(same), key, "{same}");
        }
        assert_ne!(
            profile_key("https://www.linkedin.com/in/paul-martin-2"),
            key
        );
    }
}
