//! LinkedIn's `Connections.csv`, from its data export (Settings → Data privacy → Get a copy of
//! your data → Connections): a few `Notes:` lines, then the header `First Name,Last Name,URL,
//! Email Address,Company,Position,Connected On`, then one connection a line. Values holding a
//! comma are in double quotes, the e-mail is often empty (people choose whether to share it),
//! dates read `15 Mar 2024`, and the file may start with a byte-order mark.

use std::str::FromStr;

use chrono::NaiveDate;

use super::Error;
use crate::commands::add::contact::{parse_email, parse_linkedin};
use crate::domain::{DateArg, Name, Text};
use crate::error::Said;
use crate::messages::Msg;

/// The columns read, as LinkedIn names them (in any order; other columns are ignored).
const COLUMNS: [&str; 7] = [
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
];

/// Where to find the file, for the hint of a file that is not it.
fn where_to_find() -> Said {
    Said::keyed(Msg::LinkedinWhere, &[])
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

/// Reads `Connections.csv` (`file` names it in errors). A file without LinkedIn's header, a
/// line with more or fewer values than the header, or a value that is not what its column
/// holds (a date, an e-mail address, a LinkedIn profile) is refused with its line.
pub fn read(bytes: &[u8], file: &str) -> Result<Vec<Connection>, Error> {
    // One line end, so that the CSV reader counts lines right (it counts a CRLF file's
    // records one line short after its header).
    let text = super::text(bytes, file)?.replace("\r\n", "\n");
    let text = text.as_str();
    let columns = COLUMNS.join(",");
    let (header_line, offset) = find_header(text).ok_or_else(|| {
        Error::new(
            file,
            Said::keyed(Msg::LinkedinNoHeader, &[("columns", &columns)]),
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
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let missing: Vec<String> = COLUMNS
        .iter()
        .filter(|name| column(name).is_none())
        .map(|name| format!("`{name}`"))
        .collect();
    if !missing.is_empty() {
        let missing = missing.join(", ");
        return Err(Error::new(
            at(1),
            Said::keyed(
                Msg::LinkedinHeaderLacks,
                &[("missing", &missing), ("columns", &columns)],
            ),
        )
        .with_hint(where_to_find()));
    }
    let index: Vec<usize> = COLUMNS.iter().filter_map(|name| column(name)).collect();
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
        connections.push(connection(line, file, &values)?);
    }
    Ok(connections)
}

/// The line number (from 1) and byte offset of the header line: the first line whose values
/// include `First Name` and `Last Name`.
fn find_header(text: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(line.as_bytes());
        if let Some(Ok(record)) = reader.records().next() {
            let has = |name: &str| record.iter().any(|v| v.trim().eq_ignore_ascii_case(name));
            if has("First Name") && has("Last Name") {
                return Some((number + 1, offset));
            }
        }
        offset += line.len();
    }
    None
}

/// A sentence for a CSV error, without the CSV library's wording.
fn describe(error: &csv::Error) -> Said {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Said::keyed(
            Msg::CsvUnequal,
            &[
                ("len", &len.to_string()),
                ("expected", &expected_len.to_string()),
            ],
        ),
        _ => Said::keyed(Msg::CsvUnreadable, &[]),
    }
}

/// The connection of one line, its values checked.
fn connection(line: usize, file: &str, values: &[&str]) -> Result<Connection, Error> {
    let value = |column: usize| values.get(column).copied().unwrap_or("");
    let place = || format!("{file}:{line}");
    let full_name = format!("{} {}", value(0), value(1));
    let name = match full_name.trim() {
        "" => None,
        name => Some(Name::from_str(name).map_err(|error| {
            let why = error.said();
            Error::new(
                place(),
                Said::each(|lang| {
                    lang.say(
                        Msg::LinkedinBadName,
                        &[("name", name), ("why", why.get(lang))],
                    )
                }),
            )
        })?),
    };
    let optional = |text: &str, parse: fn(&str) -> Result<String, crate::domain::Invalid>| {
        (!text.is_empty())
            .then(|| parse(text))
            .transpose()
            .map_err(|error| Error::new(place(), error.0))
    };
    let url = optional(value(2), parse_linkedin)?;
    let email = optional(value(3), parse_email)?;
    let text = |column: usize| {
        let text = value(column);
        (!text.is_empty())
            .then(|| Text::from_str(text).map(Text::into_string))
            .transpose()
            .map_err(|error| {
                let why = error.said();
                Error::new(
                    place(),
                    Said::each(|lang| {
                        let field = COLUMNS[column];
                        lang.say(
                            Msg::RecordField,
                            &[("field", field), ("why", why.get(lang))],
                        )
                    }),
                )
            })
    };
    let company = text(4)?;
    let position = text(5)?;
    let connected_on = match value(6) {
        "" => None,
        date => Some(parse_date(date).ok_or_else(|| {
            Error::new(
                place(),
                Said::keyed(Msg::LinkedinNotDate, &[("value", date)]),
            )
        })?),
    };
    Ok(Connection {
        line,
        name,
        url,
        email,
        company,
        position,
        connected_on,
    })
}

/// `15 Mar 2024` as LinkedIn writes it, or a whole date as netjournal reads one.
fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%d %b %Y")
        .ok()
        .or_else(|| match text.parse::<DateArg>() {
            Ok(DateArg::Day(day)) => Some(day),
            _ => None,
        })
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

    const FILE: &str = "\u{feff}Notes:\n\
\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\
\n\
First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
Sophie,Durand,https://www.linkedin.com/in/sophie-durand,sophie@example.com,\"Durand, Architectes\",Architect,15 Mar 2024\n\
Hélène,Müller,https://www.linkedin.com/in/helene-muller,,Atelier Müller,\"Designer, UX\",02 Jan 2023\n\
,,https://www.linkedin.com/in/someone,,,,01 Feb 2022\n";

    #[test]
    fn reads_past_the_preamble_with_quoted_commas_and_empty_emails() {
        let connections = read(FILE.as_bytes(), "Connections.csv").unwrap();
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
            read(crlf.as_bytes(), "Connections.csv").unwrap(),
            read(FILE.as_bytes(), "Connections.csv").unwrap()
        );
    }

    #[test]
    fn bad_files_name_the_line() {
        let cases = [
            ("{\"networks\": []}\n", "f.csv", "no LinkedIn header"),
            ("Name,Email\nPaul,p@x.fr\n", "f.csv", "no LinkedIn header"),
            (
                "First Name,Last Name,Email Address\nPaul,Martin,p@x.fr\n",
                "f.csv:1",
                "lacks `URL`, `Company`, `Position`, `Connected On`",
            ),
            (
                "Notes:\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
                 Paul,Martin,,,ACME,Boss,15 Mar 2024\nAnne,Roux,,,ACME, Inc,CEO,1 Jan 2024\n",
                "f.csv:5",
                "8 values where the header has 7",
            ),
            (
                "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
                 Paul,Martin,,,ACME,Boss,yesterday-ish\n",
                "f.csv:2",
                "`yesterday-ish` in Connected On is not a date",
            ),
            (
                "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
                 Paul,Martin,https://example.com/paul,,,,\n",
                "f.csv:2",
                "not a LinkedIn profile",
            ),
            (
                "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
                 Paul,Martin,,paul-at-example,,,\n",
                "f.csv:2",
                "not an e-mail address",
            ),
        ];
        for (text, place, message) in cases {
            let error = read(text.as_bytes(), "f.csv").unwrap_err();
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
