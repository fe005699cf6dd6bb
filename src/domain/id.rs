//! How a person points at one row: by its number (`12`, or `#12` as the lists show it), or, for
//! networks and contacts, by its name.

use std::fmt;
use std::str::FromStr;

use super::{Invalid, Name};
use crate::messages::Msg;

/// A row's number, as `list` shows it in its `#` column: `12` or `#12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(i64);

impl Id {
    /// The number of a row read from the journal.
    pub fn new(id: i64) -> Id {
        Id(id)
    }

    pub fn get(self) -> i64 {
        self.0
    }
}

/// The number in `12` or `#12`, if that is what `text` is.
fn number(text: &str) -> Option<i64> {
    let digits = text.trim();
    let digits = digits.strip_prefix('#').unwrap_or(digits);
    let ok = !digits.is_empty() && digits.len() <= 18 && digits.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| digits.parse().ok())
        .flatten()
        .filter(|id| *id > 0)
}

impl FromStr for Id {
    type Err = Invalid;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        number(text)
            .map(Id)
            .ok_or_else(|| Invalid::new(Msg::NotAnId, text))
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// A network or a contact as typed: its name, or its number.
///
/// `#12` is always the number 12. A bare `12` is first a name (a network may be called
/// `1789`), and the number 12 only when no name matches: so a name is never shadowed, and `#`
/// always reaches a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameOrId {
    /// A name that cannot be a number: `BNI Montpellier`.
    Name(Name),
    /// `#12`: a number only.
    Id(Id),
    /// `12`: the name `12` if there is one, else the number 12.
    Either(Name, Id),
}

impl NameOrId {
    /// The name to look up first, if any.
    pub fn name(&self) -> Option<&Name> {
        match self {
            NameOrId::Name(name) | NameOrId::Either(name, _) => Some(name),
            NameOrId::Id(_) => None,
        }
    }

    /// The number to look up when no name matches, if any.
    pub fn id(&self) -> Option<Id> {
        match self {
            NameOrId::Id(id) | NameOrId::Either(_, id) => Some(*id),
            NameOrId::Name(_) => None,
        }
    }
}

impl FromStr for NameOrId {
    type Err = Invalid;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.trim().starts_with('#')
            && let Some(id) = number(text)
        {
            return Ok(NameOrId::Id(Id(id)));
        }
        let name: Name = text
            .parse()
            .map_err(|error: super::text::TextError| Invalid(error.message()))?;
        Ok(match number(text) {
            Some(id) => NameOrId::Either(name, Id(id)),
            None => NameOrId::Name(name),
        })
    }
}

impl fmt::Display for NameOrId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameOrId::Name(name) | NameOrId::Either(name, _) => write!(f, "{name}"),
            NameOrId::Id(id) => write!(f, "{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_numbers_with_or_without_a_hash() {
        for (text, id) in [("12", 12), ("#12", 12), (" #3 ", 3), ("007", 7)] {
            assert_eq!(text.parse::<Id>().map(Id::get), Ok(id), "{text}");
        }
        for text in [
            "",
            "#",
            "0",
            "#0",
            "-1",
            "1.5",
            "twelve",
            "# 12",
            "12a",
            "99999999999999999999",
        ] {
            let error = text.parse::<Id>().unwrap_err().to_string();
            assert!(error.contains(&format!("`{text}`")), "{error}");
        }
    }

    #[test]
    fn a_hash_is_a_number_a_bare_number_may_be_a_name() {
        let parse = |text: &str| text.parse::<NameOrId>().unwrap();
        let bni = parse("BNI Montpellier");
        assert_eq!(bni.name().map(Name::as_str), Some("BNI Montpellier"));
        assert_eq!(bni.id(), None);

        let hash = parse("#4");
        assert_eq!(hash.name(), None);
        assert_eq!(hash.id().map(Id::get), Some(4));

        let bare = parse("1789");
        assert_eq!(bare.name().map(Name::as_str), Some("1789"));
        assert_eq!(bare.id().map(Id::get), Some(1789));

        // A `#` that is not followed by a number is part of a name.
        let tagged = parse("#TeamLocal");
        assert_eq!(tagged.name().map(Name::as_str), Some("#TeamLocal"));
        assert_eq!(tagged.id(), None);
    }

    #[test]
    fn an_empty_name_is_refused() {
        assert!(
            "  ".parse::<NameOrId>()
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
    }
}
