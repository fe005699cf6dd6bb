//! `add contact NAME …`: record a person one has met.

use crate::commands::people::{self, Newcomers};
use crate::context::{Context, resolve_network};
use crate::db::Access;
use crate::db::contact::{self, NewContact};
use crate::domain::{DateArg, Invalid, Name, Text};
use crate::error::CliError;
use crate::messages::Msg;
use crate::output::say_line;
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
    /// This is a new person, even when a contact's name is close to it (without it, a close
    /// name is asked about, or refused with --no-input)
    #[arg(long)]
    pub new_contact: bool,
}

/// An e-mail address: something, `@`, a domain with a dot; no spaces.
pub fn parse_email(text: &str) -> Result<String, Invalid> {
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
        Err(Invalid::new(Msg::NotAnEmail, text))
    }
}

/// A LinkedIn profile address, completed with `https://` when typed without it.
pub fn parse_linkedin(text: &str) -> Result<String, Invalid> {
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
        Err(Invalid::new(Msg::NotALinkedin, text))
    }
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let ask = Questions::new(ctx, args.name.is_some());
    let name = ask.new_name(
        args.name,
        Named::Contact,
        &ctx.say(Msg::AskContactName, &[]),
    )?;
    // A name close to a contact's is asked about first: the answer may be that they are
    // already in the journal.
    let mut newcomers = Newcomers::all(args.new_contact);
    let name = people::settle(ctx, vec![name.clone()], &mut newcomers)?
        .pop()
        .unwrap_or(name);
    let profession = ask.optional(args.profession, &ctx.say(Msg::AskProfession, &[]))?;
    let company = ask.optional(args.company, &ctx.say(Msg::AskCompany, &[]))?;
    let network = ask.network_or_none(
        args.network,
        &ctx.say(Msg::NoneOutside, &[]),
        &ctx.say(Msg::AskContactNetwork, &[]),
    )?;
    let email = ask.optional_with(args.email, &ctx.say(Msg::AskEmail, &[]), parse_email)?;
    let linkedin = ask.optional_with(
        args.linkedin,
        &ctx.say(Msg::AskLinkedin, &[]),
        parse_linkedin,
    )?;
    let notes = ask.optional(args.notes, &ctx.say(Msg::AskOther, &[]))?;
    let added_on = ask.date(args.date, &ctx.say(Msg::AskFirstMet, &[]))?;
    let mut journal = ctx.open(Access::Write)?;
    let (id, network) = journal.write(|tx| {
        if let Some(existing) = contact::find_id(tx, &name)? {
            let known = contact::name_of(tx, existing)?;
            return Err(
                CliError::bad_input(ctx.say(Msg::ContactExists, &[("name", &known)]))
                    .with_hint(ctx.say(Msg::TwoPeopleOneName, &[])),
            );
        }
        if !newcomers.allows(&name)
            && let Some((_, near)) = people::close_contacts(tx, &name)?.into_iter().next()
        {
            return Err(people::close_refused(&name, &near));
        }
        let network = network
            .as_ref()
            .map(|n| resolve_network(tx, n))
            .transpose()?;
        let new = NewContact {
            name: name.clone(),
            profession: profession.clone().map(Text::into_string),
            company: company.clone().map(Text::into_string),
            email: email.clone(),
            linkedin: linkedin.clone(),
            network_id: network.as_ref().map(|n| n.id),
            notes: notes.clone().map(Text::into_string),
            added_on,
        };
        let id = contact::insert(tx, &new, &ctx.timestamp())?;
        Ok((id, network.map(|n| n.name)))
    })?;
    let id = id.to_string();
    let said = match network {
        Some(network) => ctx.say(
            Msg::AddedContactThrough,
            &[("id", &id), ("name", name.as_str()), ("network", &network)],
        ),
        None => ctx.say(Msg::AddedContact, &[("id", &id), ("name", name.as_str())]),
    };
    say_line!("{said}")?;
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
            let error = parse_email(bad).unwrap_err().to_string();
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
