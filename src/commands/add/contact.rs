//! `add contact NAME …`: record a person one has met.

use crate::context::{Context, resolve_network};
use crate::db::Access;
use crate::db::contact::{self, NewContact};
use crate::domain::{DateArg, Name, Text};
use crate::error::CliError;
use crate::prompt::{Named, Questions};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal add contact \"Paul Martin\" --profession plumber --network \"BNI Montpellier\"
  netjournal add contact \"Sophie Durand\" --email sophie@example.com \\
      --linkedin https://www.linkedin.com/in/sophie-durand")]
pub struct Args {
    /// The person's name (unique in the journal, compared case-insensitively)
    #[arg(value_name = "NAME")]
    pub name: Option<Name>,
    /// What they do
    #[arg(long, value_name = "TEXT")]
    pub profession: Option<Text>,
    /// Where they work
    #[arg(long, value_name = "TEXT")]
    pub company: Option<Text>,
    /// The network you met them through
    #[arg(long, value_name = "NAME")]
    pub network: Option<Name>,
    /// Their e-mail address
    #[arg(long, value_name = "EMAIL", value_parser = parse_email)]
    pub email: Option<String>,
    /// Their LinkedIn profile
    #[arg(long, value_name = "URL", value_parser = parse_linkedin)]
    pub linkedin: Option<String>,
    /// Anything else worth remembering
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<Text>,
    /// When you first met them [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<DateArg>,
}

/// An e-mail address: something, `@`, a domain with a dot; no spaces.
pub fn parse_email(text: &str) -> Result<String, String> {
    let trimmed = text.trim();
    let valid = match trimmed.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !trimmed.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    };
    if valid {
        Ok(trimmed.to_string())
    } else {
        Err(format!(
            "`{text}` is not an e-mail address: expected name@example.com"
        ))
    }
}

/// A LinkedIn profile address, completed with `https://` when typed without it.
pub fn parse_linkedin(text: &str) -> Result<String, String> {
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
        && !trimmed.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        Ok(format!("https://{without_scheme}"))
    } else {
        Err(format!(
            "`{text}` is not a LinkedIn profile: expected https://www.linkedin.com/in/NAME"
        ))
    }
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let ask = Questions::new(ctx, args.name.is_some());
    let name = ask.new_name(args.name, Named::Contact, "Their name?")?;
    let profession = ask.optional(args.profession, "What do they do?")?;
    let company = ask.optional(args.company, "Where do they work?")?;
    let network = ask.network_or_none(
        args.network,
        "(none — met outside any network)",
        "Which network did you meet them through?",
    )?;
    let email = ask.optional_with(args.email, "Their e-mail address?", parse_email)?;
    let linkedin = ask.optional_with(args.linkedin, "Their LinkedIn profile?", parse_linkedin)?;
    let notes = ask.optional(args.notes, "Anything else worth remembering?")?;
    let added_on = ask.date(args.date, "When did you first meet them?")?;
    let mut journal = ctx.open(Access::Write)?;
    let (id, network) = journal.write(|tx| {
        if let Some(existing) = contact::find_id(tx, &name)? {
            return Err(CliError::bad_input(format!(
                "a contact named `{}` is already in the journal",
                contact::name_of(tx, existing)?
            ))
            .with_hint(
                "two people with one name? add what tells them apart, e.g. `Paul Martin (BNI)`",
            ));
        }
        let network = network
            .as_ref()
            .map(|n| resolve_network(tx, n))
            .transpose()?;
        let new = NewContact {
            name: name.clone(),
            profession: profession.map(Text::into_string),
            company: company.map(Text::into_string),
            email,
            linkedin,
            network_id: network.as_ref().map(|n| n.id),
            notes: notes.map(Text::into_string),
            added_on,
        };
        let id = contact::insert(tx, &new, &ctx.timestamp())?;
        Ok((id, network.map(|n| n.name)))
    })?;
    match network {
        Some(network) => println!("Added contact #{id} `{name}`, met through {network}."),
        None => println!("Added contact #{id} `{name}`."),
    }
    Ok(())
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
            assert!(parse_email(ok).is_ok(), "{ok}");
        }
        for bad in [
            "", "a", "a@", "@b.co", "a@b", "a b@c.d", "a@b.", "a@.b", "a@b@c.d",
        ] {
            let error = parse_email(bad).unwrap_err();
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
        ] {
            assert!(parse_linkedin(bad).is_err(), "{bad}");
        }
    }
}
