//! Files written by other programs that `import` reads: LinkedIn's `Connections.csv` and
//! iCalendar (`.ics`) files. A file is opened ([`open_file`]) or read whole ([`read_file`]),
//! then its bytes become plain records, with no journal and no clock: a file that cannot be
//! read as what it claims to be is an [`Error`] that names the file and the line or record, so
//! that a command can refuse it whole before writing anything.

pub mod ics;
pub mod linkedin;

use std::fmt;
use std::path::Path;

use crate::domain::text::is_bidi_control;
use crate::i18n::Lang;
use crate::messages::{Arg, Message, Msg};

/// Why a file was refused: where (`Connections.csv:7`, `events.ics:12`), the record there when
/// there is one (`event 3 (UID …)`), what is wrong, and what to do about it when there is
/// something to say. The place is the same in every language (`FILE:LINE:`, as editors and
/// other tools read it); the words are messages, rendered in the user's language. (The rarer
/// parts are boxed, to keep the error small.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// `FILE:LINE`, or empty when the file as a whole could not be read.
    pub place: String,
    pub record: Option<Box<Message>>,
    pub message: Message,
    pub hint: Option<Box<Message>>,
}

impl Error {
    pub fn new(place: impl Into<String>, message: Message) -> Error {
        Error {
            place: place.into(),
            record: None,
            message,
            hint: None,
        }
    }

    /// The error about the record `record` (`event 3 (UID abc)`) at the place.
    #[must_use]
    pub fn in_record(mut self, record: Message) -> Error {
        self.record = Some(Box::new(record));
        self
    }

    #[must_use]
    pub fn with_hint(mut self, hint: Message) -> Error {
        self.hint = Some(Box::new(hint));
        self
    }

    /// Where, in `lang`: `events.ics:12`, `events.ics:12: event 3 (UID abc)`.
    pub fn at(&self, lang: Lang) -> String {
        match &self.record {
            Some(record) => format!("{}: {}", self.place, record.render(lang)),
            None => self.place.clone(),
        }
    }

    /// The whole message: `Connections.csv:7: 8 values…`. In French the colon after a record's
    /// words takes its space; the one after `FILE:LINE` stays as tools expect it.
    pub fn message(&self) -> Message {
        match (&self.record, self.place.is_empty()) {
            (_, true) => self.message.clone(),
            (Some(record), false) => Message::new(Msg::AtRecord)
                .with("place", self.place.as_str())
                .with("record", record.as_ref())
                .with("what", &self.message),
            (None, false) => Message::new(Msg::AtPlace)
                .with("place", self.place.as_str())
                .with("what", &self.message),
        }
    }
}

impl fmt::Display for Error {
    /// In English, for a developer; the user reads [`Error::message`] in their language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().render(Lang::En))
    }
}

impl std::error::Error for Error {}

/// The bytes of the file `path`; a file that cannot be read is refused (the path was
/// mistyped, or names a folder), named as it was given.
pub fn read_file(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|error| cannot_read(path, &error))
}

/// The file `path`, open to be read as it comes, and its size in bytes (0 when it has none to
/// tell, as a pipe); refused as [`read_file`] refuses it.
pub fn open_file(path: &Path) -> Result<(std::fs::File, u64), Error> {
    let file = std::fs::File::open(path).map_err(|error| cannot_read(path, &error))?;
    let metadata = file.metadata().map_err(|error| cannot_read(path, &error))?;
    if metadata.is_dir() {
        let error = std::io::Error::from(std::io::ErrorKind::IsADirectory);
        return Err(cannot_read(path, &error));
    }
    Ok((
        file,
        if metadata.is_file() {
            metadata.len()
        } else {
            0
        },
    ))
}

fn cannot_read(path: &Path, error: &std::io::Error) -> Error {
    let why = match error.kind() {
        std::io::ErrorKind::NotFound => Arg::from(Msg::ReadNoSuchFile),
        std::io::ErrorKind::IsADirectory => Arg::from(Msg::ReadIsFolder),
        std::io::ErrorKind::PermissionDenied => Arg::from(Msg::IoPermissionDenied),
        _ => Arg::from(error),
    };
    let message = Message::new(Msg::CannotRead)
        .with("path", path.display().to_string())
        .with("why", why);
    Error::new("", message)
}

/// The text of a file's bytes: UTF-8, with a leading byte-order mark dropped. Other bytes are
/// refused with the line they sit on.
pub fn text<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
        Error::new(format!("{file}:{line}"), Message::new(Msg::NotUtf8))
    })
}

/// `text` without control characters other than new lines and tabs (a lone `\r` among them)
/// nor direction overrides, and cut to `max` characters (with `…`): what a note may hold.
pub fn clean_text(text: &str, max: usize) -> String {
    let cleaned: String = text
        .replace("\r\n", "\n")
        .chars()
        .map(|c| {
            if (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim();
    if trimmed.chars().count() <= max {
        trimmed.to_string()
    } else {
        let mut cut: String = trimmed.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_drops_a_bom_and_names_the_line_of_a_bad_byte() {
        assert_eq!(text(b"\xEF\xBB\xBFa,b", "f.csv").unwrap(), "a,b");
        let error = text(b"one\ntwo\nthr\xFFee", "f.csv").unwrap_err();
        assert_eq!(error.place, "f.csv:3");
    }

    #[test]
    fn clean_text_keeps_lines_and_cuts_long_texts() {
        assert_eq!(clean_text(" a\r\nb\u{7}c ", 100), "a\nb c");
        assert_eq!(
            clean_text("done\rforged \u{202E}txt", 100),
            "done forged  txt"
        );
        assert_eq!(clean_text("abcdef", 4), "abc…");
    }
}
