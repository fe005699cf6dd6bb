//! What the importers must do with any bytes at all, checked by the fuzz targets
//! (`fuzz_targets/`) and by `cargo test`, which replays their corpora through these same
//! functions (`tests/reliability/importers.rs` includes this file).
//!
//! Each function panics on a bug: a panic inside a reader, or a reader's answer the rest of the
//! program cannot live with. A file refused for what it holds is no bug: its message is
//! returned, to be checked for shape.

use chrono::{Datelike, FixedOffset, NaiveDate};
use indicatif::ProgressBar;
use netjournal::db::Journal;
use netjournal::domain::{Email, LinkedinUrl, Name, Text};
use netjournal::sources::{ics, linkedin};
use netjournal::transfer::{export, import};

/// What a reader made of a file.
#[derive(Debug)]
pub enum Outcome {
    /// Read whole: this many records.
    Accepted(usize),
    /// Refused, with this message.
    Refused(String),
}

/// `import FILE.json`: the reader, then the merge into an empty journal. A file the reader
/// accepts must merge, or be refused for what it holds (never by the journal's own rules: that
/// would be a failure, exit 1, instead of a bad file, exit 2); merged once, it merges again
/// with nothing new; and the journal it made, exported, reads and merges back the same.
pub fn json(bytes: &[u8]) -> Outcome {
    let mut document = match import::read(std::io::Cursor::new(bytes)) {
        Ok(document) => document,
        Err(import::Error::Db(error)) => panic!("the reader failed on the journal: {error}"),
        Err(error) => return Outcome::Refused(error.to_string()),
    };
    let hidden = ProgressBar::hidden();
    let mut journal = Journal::open_empty().expect("an empty journal");
    let merged = journal.write(|tx| document.merge(tx, &hidden));
    match merged {
        Ok(_) => {}
        Err(import::Error::Db(error)) => {
            panic!("a document the reader accepted broke the journal's rules: {error}")
        }
        Err(error) => return Outcome::Refused(error.to_string()),
    }
    let again = journal
        .write(|tx| document.merge(tx, &hidden))
        .unwrap_or_else(|error| panic!("the same document, merged again: {error}"));
    assert!(
        !again.changed(),
        "the same document, merged again, added rows: {:?}",
        again.tables()
    );
    // Out and back in: the export of what was merged reads back into the same journal.
    let exported = export_of(&journal);
    let mut round = import::read(std::io::Cursor::new(&exported[..]))
        .unwrap_or_else(|error| panic!("the export of a merged journal does not read: {error}"));
    let mut copy = Journal::open_empty().expect("an empty journal");
    copy.write(|tx| round.merge(tx, &hidden))
        .unwrap_or_else(|error| panic!("the export of a merged journal does not merge: {error}"));
    assert!(
        export_of(&copy) == exported,
        "a journal exported and imported again differs"
    );
    Outcome::Accepted(document.rows() as usize)
}

fn export_of(journal: &Journal) -> Vec<u8> {
    let mut out = Vec::new();
    export::write(
        journal.conn(),
        &mut out,
        "2024-06-15T12:00:00+00:00",
        &ProgressBar::hidden(),
    )
    .expect("export the journal");
    out
}

/// `import linkedin Connections.csv`: the reader.
pub fn linkedin(bytes: &[u8]) -> Outcome {
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).expect("a day");
    match linkedin::read(bytes, "Connections.csv", today) {
        Ok(connections) => {
            // Every value is one `add contact` would take.
            for connection in &connections {
                if let Some(url) = &connection.url {
                    assert!(
                        url.starts_with("https://"),
                        "a profile without https: {url}"
                    );
                    assert!(url.parse::<LinkedinUrl>().is_ok(), "{url:?}");
                }
                if let Some(email) = &connection.email {
                    assert!(email.parse::<Email>().is_ok(), "{email:?}");
                }
                if let Some(name) = &connection.name {
                    assert!(name.as_str().parse::<Name>().is_ok(), "{name:?}");
                }
                for text in [&connection.company, &connection.position]
                    .into_iter()
                    .flatten()
                {
                    assert!(text.parse::<Text>().is_ok(), "{text:?}");
                }
                if let Some(day) = connection.connected_on {
                    assert!(
                        day.year() >= 2003 && day <= today,
                        "{day} is no day one connects on"
                    );
                }
            }
            Outcome::Accepted(connections.len())
        }
        Err(error) => Outcome::Refused(error.to_string()),
    }
}

/// `import ics events.ics`: the reader, over a wide period, from the beginning.
pub fn ics(bytes: &[u8]) -> Outcome {
    let options = ics::Options {
        since: None,
        until: NaiveDate::from_ymd_opt(2030, 12, 31).expect("a day"),
        matching: None,
        me: &["me@example.com".to_string()],
        offset: FixedOffset::east_opt(3600).expect("an offset"),
    };
    match ics::read(bytes, "events.ics", &options, &mut |_| {}) {
        Ok(calendar) => {
            for occurrence in &calendar.occurrences {
                assert!(
                    occurrence.date <= options.until,
                    "{occurrence:?} is after the period"
                );
                assert!(
                    occurrence.date.year() >= ics::FIRST_YEAR,
                    "{occurrence:?} is before the years read"
                );
                assert!(
                    occurrence.minutes.is_none_or(|m| m <= 24 * 60),
                    "{occurrence:?} lasts more than a day"
                );
            }
            // One occurrence, one meeting: no two share an identifier.
            let mut uuids: Vec<String> = calendar.occurrences.iter().map(|o| o.uuid()).collect();
            uuids.sort();
            uuids.dedup();
            assert_eq!(
                uuids.len(),
                calendar.occurrences.len(),
                "two occurrences share an identifier"
            );
            for warning in &calendar.warnings {
                assert!(!warning.to_string().trim().is_empty(), "an empty warning");
            }
            Outcome::Accepted(calendar.occurrences.len())
        }
        Err(error) => Outcome::Refused(error.to_string()),
    }
}
