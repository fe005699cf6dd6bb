//! Where a person can be reached: an e-mail address and a LinkedIn profile, checked once by
//! the same rules whether they were typed (`add contact --email`), asked on a terminal, or read
//! from a file (`import linkedin`, `import ics`).

use std::fmt;
use std::str::FromStr;

use super::Invalid;
use crate::messages::Msg;

/// An e-mail address: something, `@`, a domain with a dot; no spaces, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl FromStr for Email {
    type Err = Invalid;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let valid = match trimmed.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
                    && !trimmed.chars().any(|c| {
                        c.is_whitespace() || c.is_control() || super::text::is_invisible(c)
                    })
            }
            None => false,
        };
        if valid {
            Ok(Email(trimmed.to_string()))
        } else {
            Err(Invalid::new(Msg::NotAnEmail, text))
        }
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A LinkedIn profile address on `linkedin.com` or one of its subdomains, always `https://`
/// (completed when typed without a scheme).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LinkedinUrl(String);

impl LinkedinUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl FromStr for LinkedinUrl {
    type Err = Invalid;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let without_scheme = trimmed
            .strip_prefix("https://")
            .or_else(|| trimmed.strip_prefix("http://"))
            .unwrap_or(trimmed);
        let host = without_scheme
            .split('/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let valid = (host == "linkedin.com" || host.ends_with(".linkedin.com"))
            && without_scheme.len() > host.len() + 1
            && !trimmed
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || super::text::is_invisible(c));
        if valid {
            Ok(LinkedinUrl(format!("https://{without_scheme}")))
        } else {
            Err(Invalid::new(Msg::NotALinkedin, text))
        }
    }
}

impl fmt::Display for LinkedinUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An e-mail address as text, for the commands whose fields are still strings.
pub fn parse_email(text: &str) -> Result<String, Invalid> {
    text.parse::<Email>().map(Email::into_string)
}

/// A LinkedIn profile as text, for the commands whose fields are still strings.
pub fn parse_linkedin(text: &str) -> Result<String, Invalid> {
    text.parse::<LinkedinUrl>().map(LinkedinUrl::into_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for ok in [
            "a@b.co",
            " sophie.durand@example.com ",
            "x+y@mail.example.org",
        ] {
            assert!(ok.parse::<Email>().is_ok(), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@",
            "@b.co",
            "a@b",
            "a b@c.d",
            "a@b.",
            "a@.b",
            "a@b@c.d",
            "a@b.co\nBcc: x@y.z",
            "a\u{200b}@b.co",
            "a@b\u{202e}.co",
        ] {
            let error = bad.parse::<Email>().unwrap_err().to_string();
            assert!(error.contains(&format!("`{bad}`")), "{error}");
        }
    }

    #[test]
    fn linkedin_profiles() {
        let cases = [
            (
                "https://www.linkedin.com/in/sophie",
                "https://www.linkedin.com/in/sophie",
            ),
            ("linkedin.com/in/sophie", "https://linkedin.com/in/sophie"),
            (
                "http://fr.linkedin.com/in/paul",
                "https://fr.linkedin.com/in/paul",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_linkedin(text).as_deref(), Ok(expected), "{text}");
        }
        for bad in [
            "",
            "sophie",
            "https://example.com/in/x",
            "https://linkedin.com",
            "https://notlinkedin.com/in/x",
            "javascript:alert(1)",
            "javascript://linkedin.com/%0aalert(1)",
            "https://linkedin.com/in/x\u{202e}",
        ] {
            assert!(bad.parse::<LinkedinUrl>().is_err(), "{bad}");
        }
    }
}
