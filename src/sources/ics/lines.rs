//! The content lines of an iCalendar file (RFC 5545, 3.1), read as the file comes in: a line
//! that starts with a space or a tab continues the one before, and lines end with CRLF or LF.
//!
//! The unfolding is done on bytes, before the text is decoded: calendar programs fold at 75
//! octets, not at character boundaries, so a character such as `é` may be cut between two
//! lines, and only the joined line is UTF-8. (The `icalendar` crate's own `unfold` works on a
//! `&str`, which such a file never becomes, and forgets where each line was.) Each line keeps
//! the number of the line of the file it starts on, for messages.

use std::io::{self, BufRead};

/// One content line, unfolded, without its line end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The line of the file it starts on, from 1.
    pub number: usize,
    pub text: String,
}

/// Why a line could not be read.
#[derive(Debug)]
pub enum LineError {
    /// Bytes that are not UTF-8, on this line of the file.
    NotUtf8(usize),
    Io(io::Error),
}

/// A line being gathered: the line of the file it starts on, its bytes, and where in them each
/// of its continuation lines begins (offset, line of the file), to name the line of a bad byte.
type Pending = (usize, Vec<u8>, Vec<(usize, usize)>);

/// The content lines of `reader`, in order; see the module's documentation.
pub struct Lines<R> {
    reader: R,
    /// Lines of the file read so far.
    physical: usize,
    /// Bytes of the file read so far.
    bytes: u64,
    /// The line being gathered.
    pending: Option<Pending>,
    buffer: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R) -> Lines<R> {
        Lines {
            reader,
            physical: 0,
            bytes: 0,
            pending: None,
            buffer: Vec::new(),
            done: false,
        }
    }

    /// How many bytes of the file have been read: for a progress bar.
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    /// The next physical line into `buffer`, without its line end; `false` at the end.
    fn next_physical(&mut self) -> io::Result<bool> {
        self.buffer.clear();
        let read = self.reader.read_until(b'\n', &mut self.buffer)?;
        if read == 0 {
            return Ok(false);
        }
        self.bytes += read as u64;
        self.physical += 1;
        if self.buffer.last() == Some(&b'\n') {
            self.buffer.pop();
        }
        if self.buffer.last() == Some(&b'\r') {
            self.buffer.pop();
        }
        if self.physical == 1 && self.buffer.starts_with(b"\xEF\xBB\xBF") {
            self.buffer.drain(..3);
        }
        Ok(true)
    }

    fn finish(number: usize, bytes: Vec<u8>, folds: &[(usize, usize)]) -> Result<Line, LineError> {
        String::from_utf8(bytes)
            .map(|text| Line { number, text })
            .map_err(|error| {
                let bad = error.utf8_error().valid_up_to();
                let line = folds
                    .iter()
                    .rev()
                    .find(|(offset, _)| *offset <= bad)
                    .map_or(number, |(_, line)| *line);
                LineError::NotUtf8(line)
            })
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Result<Line, LineError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        loop {
            match self.next_physical() {
                Err(error) => {
                    self.done = true;
                    return Some(Err(LineError::Io(error)));
                }
                Ok(false) => {
                    self.done = true;
                    let (number, bytes, folds) = self.pending.take()?;
                    return Some(Self::finish(number, bytes, &folds));
                }
                Ok(true) => {}
            }
            let continues = matches!(self.buffer.first(), Some(b' ' | b'\t'));
            match &mut self.pending {
                Some((_, bytes, folds)) if continues => {
                    folds.push((bytes.len(), self.physical));
                    bytes.extend_from_slice(&self.buffer[1..]);
                }
                _ => {
                    let started = (self.physical, self.buffer.clone(), Vec::new());
                    if let Some((number, bytes, folds)) = self.pending.replace(started) {
                        return Some(Self::finish(number, bytes, &folds));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8]) -> Vec<(usize, String)> {
        Lines::new(bytes)
            .map(|line| line.map(|l| (l.number, l.text)).unwrap())
            .collect()
    }

    #[test]
    fn folded_lines_are_joined_with_their_first_line_number() {
        let text = b"\xEF\xBB\xBFBEGIN:VCALENDAR\r\nSUMMARY:Petit-d\r\n \xC3\r\n \xA9j\r\n\tBNI\r\n\r\nEND:VCALENDAR";
        assert_eq!(
            lines(text),
            [
                (1, "BEGIN:VCALENDAR".to_string()),
                (2, "SUMMARY:Petit-déjBNI".to_string()),
                (6, String::new()),
                (7, "END:VCALENDAR".to_string()),
            ]
        );
        assert_eq!(lines(b"A:1\nB:2\n"), [(1, "A:1".into()), (2, "B:2".into())]);
    }

    #[test]
    fn a_bad_byte_is_named_by_the_line_it_sits_on() {
        let mut reader = Lines::new(&b"A:1\r\nB:x\r\n y\xFF\r\n"[..]);
        assert!(reader.next().unwrap().is_ok());
        assert!(matches!(reader.next(), Some(Err(LineError::NotUtf8(3)))));
        assert!(reader.next().is_none());
        assert_eq!(reader.bytes_read(), 15);
    }
}
