//! The export's outline, found without parsing it: where each top-level field's value starts
//! and ends, and, in a table's array, where each record does. serde_json then parses each
//! record on its own, from a slice of bytes: a file of any size is never held whole, and each
//! record is parsed at the speed of `from_slice` (about twice that of `from_reader`, which
//! reads a byte at a time; both passes over a 66 MB export stay under a third of a second).
//!
//! The scanner knows only the structure: strings (with their escapes), brackets and braces
//! matched, commas and colons in their places. What is inside a record, a key or a small value
//! is serde_json's to check; a file whose structure is wrong is read again by serde_json, which
//! says what and where (see `import::diagnose`).

use std::io::{self, BufRead, Seek, SeekFrom};

/// Where a value lies in the file: its first byte, the byte after its last, and the line and
/// column (as serde_json counts them: the column in bytes from the line's start) of its first
/// byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: u64,
    pub end: u64,
    pub line: usize,
    pub column: usize,
}

/// What stopped the scanner: the file, or a structure that is not JSON (which serde_json will
/// describe).
#[derive(Debug)]
pub enum Stop {
    Io(io::Error),
    Malformed,
}

impl From<io::Error> for Stop {
    fn from(error: io::Error) -> Stop {
        Stop::Io(error)
    }
}

/// A reader that keeps the position, line and column of the next byte.
pub struct Scanner<R> {
    inner: R,
    offset: u64,
    line: usize,
    column: usize,
}

impl<R: BufRead + Seek> Scanner<R> {
    /// Starts at `span`'s first byte.
    pub fn at(mut inner: R, span: Span) -> Result<Scanner<R>, Stop> {
        inner.seek(SeekFrom::Start(span.start))?;
        Ok(Scanner {
            inner,
            offset: span.start,
            line: span.line,
            column: span.column,
        })
    }
}

impl<R: BufRead> Scanner<R> {
    /// Starts at the reader's position, taken as the file's first byte.
    #[cfg(test)]
    pub fn new(inner: R) -> Scanner<R> {
        Scanner {
            inner,
            offset: 0,
            line: 1,
            column: 0,
        }
    }

    fn peek(&mut self) -> Result<Option<u8>, Stop> {
        Ok(self.inner.fill_buf()?.first().copied())
    }

    /// Takes `n` bytes of the buffer, counting lines.
    fn take(&mut self, n: usize, out: Option<&mut Vec<u8>>) {
        let buffer = &self.inner.fill_buf().unwrap_or_default()[..n];
        match memchr::memrchr(b'\n', buffer) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', buffer).count();
                self.column = n - last - 1;
            }
            None => self.column += n,
        }
        if let Some(out) = out {
            out.extend_from_slice(buffer);
        }
        self.offset += n as u64;
        self.inner.consume(n);
    }

    /// Skips white space; returns the next byte, not taken.
    pub fn next_byte(&mut self) -> Result<Option<u8>, Stop> {
        loop {
            let buffer = self.inner.fill_buf()?;
            if buffer.is_empty() {
                return Ok(None);
            }
            match buffer.iter().position(|&b| !is_space(b)) {
                Some(n) => {
                    let next = buffer[n];
                    self.take(n, None);
                    return Ok(Some(next));
                }
                None => {
                    let n = buffer.len();
                    self.take(n, None);
                }
            }
        }
    }

    /// Takes the byte `expected`, after white space.
    pub fn expect(&mut self, expected: u8) -> Result<(), Stop> {
        if self.next_byte()? != Some(expected) {
            return Err(Stop::Malformed);
        }
        self.take(1, None);
        Ok(())
    }

    /// The next value, after white space: its span, with its bytes added to `out` if given,
    /// and, for an array, how many elements it holds.
    pub fn value(&mut self, mut out: Option<&mut Vec<u8>>) -> Result<(Span, u64), Stop> {
        if matches!(self.next_byte()?, None | Some(b',' | b':' | b']' | b'}')) {
            return Err(Stop::Malformed);
        }
        let (start, line, column) = (self.offset, self.line, self.column);
        let mut walk = Walk::default();
        loop {
            let buffer = self.inner.fill_buf()?;
            if buffer.is_empty() {
                // The end of the file ends a number or a word, nothing else.
                if walk.stack.is_empty() && !walk.in_string && walk.started {
                    break;
                }
                return Err(Stop::Malformed);
            }
            let (n, done) = walk.feed(buffer)?;
            self.take(n, out.as_deref_mut());
            if done {
                break;
            }
        }
        let span = Span {
            start,
            end: self.offset,
            line,
            column,
        };
        Ok((span, walk.elements()))
    }

    /// The elements of the array that starts here, one at a time (see [`Elements`]).
    pub fn elements(mut self) -> Result<Elements<R>, Stop> {
        self.expect(b'[')?;
        Ok(Elements {
            scanner: self,
            first: true,
            done: false,
        })
    }
}

/// The elements of an array, read one at a time into a buffer.
pub struct Elements<R> {
    scanner: Scanner<R>,
    first: bool,
    done: bool,
}

impl<R: BufRead> Elements<R> {
    /// Reads the next element's bytes into `out` (cleared first); returns its span, or `None`
    /// after the last.
    pub fn next(&mut self, out: &mut Vec<u8>) -> Result<Option<Span>, Stop> {
        if self.done {
            return Ok(None);
        }
        let scanner = &mut self.scanner;
        match scanner.next_byte()? {
            Some(b']') => {
                scanner.take(1, None);
                self.done = true;
                return Ok(None);
            }
            Some(b',') if !self.first => scanner.take(1, None),
            _ if self.first => {}
            _ => return Err(Stop::Malformed),
        }
        self.first = false;
        out.clear();
        let (span, _) = scanner.value(Some(out))?;
        Ok(Some(span))
    }
}

/// White space as JSON has it (not a form feed, which Rust's ASCII white space includes).
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The bytes that matter to the walk within a record: quotes, brackets and braces.
const STRUCTURE: [bool; 256] = {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'[' as usize] = true;
    table[b']' as usize] = true;
    table[b'{' as usize] = true;
    table[b'}' as usize] = true;
    table
};

/// The walk through one value's bytes.
#[derive(Default)]
struct Walk {
    /// The brackets and braces open, innermost last.
    stack: Vec<u8>,
    in_string: bool,
    escaped: bool,
    /// Whether a number or a word (`true`, `null`…) has begun at the top.
    started: bool,
    /// Whether the array (at the top) holds anything, and its commas.
    any: bool,
    commas: u64,
}

impl Walk {
    /// How many elements the array walked holds.
    fn elements(&self) -> u64 {
        if self.any { self.commas + 1 } else { 0 }
    }

    /// Walks `buffer`: how many bytes belong to the value, and whether it ended there.
    fn feed(&mut self, buffer: &[u8]) -> Result<(usize, bool), Stop> {
        let mut i = 0;
        while i < buffer.len() {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                    i += 1;
                    continue;
                }
                // Most of a file is inside strings: on to the next quote or backslash.
                let Some(n) = memchr::memchr2(b'"', b'\\', &buffer[i..]) else {
                    return Ok((buffer.len(), false));
                };
                i += n;
                if buffer[i] == b'\\' {
                    self.escaped = true;
                } else {
                    self.in_string = false;
                    if self.stack.is_empty() {
                        return Ok((i + 1, true));
                    }
                }
                i += 1;
                continue;
            }
            if !matches!(self.stack.as_slice(), [] | [b'[']) {
                // Within a record: only quotes, brackets and braces matter here (its commas,
                // colons, numbers and words are serde_json's to check). A third of an export
                // lies between its strings, mostly indentation: skipped by a look-up in a
                // table rather than a walk through the branches below.
                match buffer[i..].iter().position(|&b| STRUCTURE[usize::from(b)]) {
                    Some(n) => i += n,
                    None => return Ok((buffer.len(), false)),
                }
            }
            let b = buffer[i];
            if (b == b' ' || b == b'\n') && !self.stack.is_empty() {
                // Indentation between the records of an array.
                i += 1;
                continue;
            }
            let top_array = self.stack.len() == 1 && self.stack[0] == b'[';
            if self.stack.is_empty() && self.started {
                // A number or a word ends at the first byte that cannot be in it.
                if is_space(b) || matches!(b, b',' | b']' | b'}' | b':') {
                    return Ok((i, true));
                }
                i += 1;
                continue;
            }
            match b {
                b'"' => {
                    self.in_string = true;
                    self.any |= top_array;
                }
                b'[' | b'{' => {
                    self.any |= top_array;
                    self.stack.push(b);
                }
                b']' | b'}' => {
                    let open = if b == b']' { b'[' } else { b'{' };
                    if self.stack.pop() != Some(open) {
                        return Err(Stop::Malformed);
                    }
                    if self.stack.is_empty() {
                        return Ok((i + 1, true));
                    }
                }
                b',' if top_array => self.commas += 1,
                _ if is_space(b) => {}
                _ if self.stack.is_empty() => self.started = true,
                _ => self.any |= top_array,
            }
            i += 1;
        }
        Ok((buffer.len(), false))
    }
}

/// A top-level field: its key (as written, with its quotes and escapes), its value's span, the
/// number of elements of an array, and the value's first byte.
pub type Field = (Vec<u8>, Span, u64, u8);

/// The top-level fields of the JSON object that starts where `scanner` is. Checks that nothing
/// but white space follows the object.
pub fn outline<R: BufRead>(mut scanner: Scanner<R>) -> Result<Vec<Field>, Stop> {
    scanner.expect(b'{')?;
    let mut fields = Vec::new();
    if scanner.next_byte()? == Some(b'}') {
        scanner.take(1, None);
    } else {
        loop {
            if scanner.peek()? != Some(b'"') {
                return Err(Stop::Malformed);
            }
            let mut key = Vec::new();
            scanner.value(Some(&mut key))?;
            scanner.expect(b':')?;
            let first = scanner.next_byte()?.ok_or(Stop::Malformed)?;
            let (span, elements) = scanner.value(None)?;
            fields.push((key, span, elements, first));
            match scanner.next_byte()? {
                Some(b',') => scanner.take(1, None),
                Some(b'}') => {
                    scanner.take(1, None);
                    break;
                }
                _ => return Err(Stop::Malformed),
            }
            if scanner.next_byte()? != Some(b'"') {
                return Err(Stop::Malformed);
            }
        }
    }
    if scanner.next_byte()?.is_some() {
        return Err(Stop::Malformed);
    }
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Result<Vec<(String, String, u64)>, ()> {
        outline(Scanner::new(text.as_bytes()))
            .map_err(|_| ())
            .map(|fields| {
                fields
                    .into_iter()
                    .map(|(key, span, n, _)| {
                        let value = &text[span.start as usize..span.end as usize];
                        (String::from_utf8(key).unwrap(), value.to_string(), n)
                    })
                    .collect()
            })
    }

    #[test]
    fn the_outline_gives_each_fields_value_and_its_elements() {
        let text = "{\"a\": 1, \"b\" : [ {\"x\": \"],}\\\"\"}, [1,2], \"s\" ],\n \"c\":null,\"d\":[],\"e\":\"t\"}\n";
        assert_eq!(
            fields(text).unwrap(),
            vec![
                ("\"a\"".into(), "1".into(), 0),
                (
                    "\"b\"".into(),
                    "[ {\"x\": \"],}\\\"\"}, [1,2], \"s\" ]".into(),
                    3
                ),
                ("\"c\"".into(), "null".into(), 0),
                ("\"d\"".into(), "[]".into(), 0),
                ("\"e\"".into(), "\"t\"".into(), 0),
            ]
        );
        assert_eq!(fields("{}").unwrap(), vec![]);
        assert_eq!(fields(" {\"n\": [ 7 ]} ").unwrap()[0].2, 1);
    }

    #[test]
    fn records_are_walked_alike_whatever_the_reads_cut_them_into() {
        // Records whose strings hold brackets, braces, escaped quotes and backslashes, read
        // through buffers of every small size: the walk's state carries from one to the next.
        let text = "{\"t\": [\n  {\"a\": \"[{\\\"}\\\\\", \"b\": [1, {\"c\": \"}\"}], \"d\": null},\n  \
                    {\"e\": {\"f\": [[], {}]}, \"g\": \"x,y\"}\n], \"n\": 1}";
        let whole = fields(text).unwrap();
        assert_eq!(whole[0].2, 2);
        assert!(whole[0].1.starts_with("[\n  {\"a\"") && whole[0].1.ends_with("\"x,y\"}\n]"));
        assert_eq!(whole[1], ("\"n\"".into(), "1".into(), 0));
        for capacity in 1..=9 {
            let reader = std::io::BufReader::with_capacity(capacity, text.as_bytes());
            let outlined = outline(Scanner::new(reader)).unwrap();
            let spans: Vec<_> = outlined.iter().map(|(_, span, n, _)| (*span, *n)).collect();
            let expected: Vec<_> = outline(Scanner::new(text.as_bytes()))
                .unwrap()
                .iter()
                .map(|(_, span, n, _)| (*span, *n))
                .collect();
            assert_eq!(spans, expected, "capacity {capacity}");
        }
    }

    #[test]
    fn a_broken_structure_stops_the_outline() {
        for bad in [
            "",
            "[]",
            "{",
            "{\"a\": [1, 2}",
            "{\"a\": {]}",
            "{\"a\": 1,}",
            "{\"a\" 1}",
            "{\"a\": 1} x",
            "{\"a\": \"open}",
            "{\"a\": 1 2}",
            "{a: 1}",
            "{\"a\": [1], \"b\": [}",
            "{\"a\": 1}\u{c}",
        ] {
            assert!(fields(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn elements_come_one_at_a_time_with_their_place() {
        let text = "[\n  {\"a\": [1, 2]},\n  \"x\" ,3\n]";
        let reader = std::io::Cursor::new(text.as_bytes());
        let whole = Span {
            start: 0,
            end: text.len() as u64,
            line: 1,
            column: 0,
        };
        let mut elements = Scanner::at(reader, whole).unwrap().elements().unwrap();
        let mut buffer = Vec::new();
        let mut seen = Vec::new();
        while let Some(span) = elements.next(&mut buffer).unwrap() {
            seen.push((
                String::from_utf8(buffer.clone()).unwrap(),
                span.line,
                span.column,
            ));
        }
        assert_eq!(
            seen,
            vec![
                ("{\"a\": [1, 2]}".to_string(), 2, 2),
                ("\"x\"".to_string(), 3, 2),
                ("3".to_string(), 3, 7),
            ]
        );
        for bad in ["[1 2]", "[,1]", "[1,,2]", "[1"] {
            let reader = std::io::Cursor::new(bad.as_bytes());
            let span = Span {
                start: 0,
                end: bad.len() as u64,
                line: 1,
                column: 0,
            };
            let mut elements = Scanner::at(reader, span).unwrap().elements().unwrap();
            let mut result = Ok(Some(span));
            while let Ok(Some(_)) = result {
                result = elements.next(&mut buffer);
            }
            assert!(result.is_err(), "{bad}");
        }
    }
}
