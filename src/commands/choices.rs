//! What the pickers offer: the journal's networks, contacts, and most recent meetings,
//! referrals and notes, read through `db/` and labelled as a person picks them. A command hands
//! these to its questions (see `prompt::Questions`), which never read the journal themselves.

use crate::context::Context;
use crate::db::{Access, Filter, contact, meeting, network, note, referral};
use crate::domain::text::{name_key, one_line};
use crate::domain::{Id, Name};
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Msg;
use crate::prompt::{Choice, Named, Networks, Numbered, Recent};

/// The journal's networks (`which` of them) by name, each labelled with its kind and whether
/// it was left.
pub fn networks(ctx: &Context, which: Networks) -> Result<Vec<Choice<Name>>, CliError> {
    let journal = ctx.open(Access::Read)?;
    let mut networks = network::list(journal.conn(), &Filter::default())?;
    if which == Networks::Active {
        networks.retain(|n| n.left_on.is_none());
    }
    networks.sort_by_key(|n| name_key(&n.name));
    networks
        .iter()
        .map(|n| {
            Ok(Choice::new(
                stored_name(&n.name)?,
                network_label(n, ctx.lang),
            ))
        })
        .collect()
}

/// The names of the journal's contacts.
pub fn contact_names(ctx: &Context) -> Result<Vec<String>, CliError> {
    let journal = ctx.open(Access::Read)?;
    Ok(contact::names(journal.conn())?)
}

/// The names already taken by the journal's networks or contacts.
pub fn taken_names(ctx: &Context, what: Named) -> Result<Vec<String>, CliError> {
    let journal = ctx.open(Access::Read)?;
    Ok(match what {
        Named::Network => network::names(journal.conn())?,
        Named::Contact => contact::names(journal.conn())?,
    })
}

/// The most recent meetings, referrals or notes, the most recent first, each labelled.
pub fn recent(ctx: &Context, what: Numbered) -> Result<Recent, CliError> {
    let journal = ctx.open(Access::Read)?;
    let conn = journal.conn();
    let lang = ctx.lang;
    // The most recent ones, enough to scroll and search: an older row is reached by its
    // number, and a journal of 100,000 meetings is not read whole to ask.
    let recent = Filter {
        latest: Some(PICKED_ROWS + 1),
        ..Filter::default()
    };
    // In date order, as the lists give them.
    let mut rows: Vec<Choice<Id>> = match what {
        Numbered::Meeting => meeting::list(conn, &recent)?
            .iter()
            .map(|m| Choice::new(Id::new(m.id), meeting_label(m, lang)))
            .collect(),
        Numbered::Referral => referral::list(conn, &recent)?
            .iter()
            .map(|r| Choice::new(Id::new(r.id), referral_label(r, lang)))
            .collect(),
        Numbered::Note => note::list(conn, &recent)?
            .iter()
            .map(|n| Choice::new(Id::new(n.id), note_label(n, lang)))
            .collect(),
    };
    // The most recent first.
    rows.reverse();
    let mut only = None;
    if rows.len() > PICKED_ROWS as usize {
        rows.truncate(PICKED_ROWS as usize);
        only = Some(PICKED_ROWS);
    }
    Ok(Recent { rows, only })
}

/// A stored name as a [`Name`] (stored names were parsed as such when recorded).
fn stored_name(stored: &str) -> Result<Name, CliError> {
    stored
        .parse()
        .map_err(|e: crate::domain::text::TextError| CliError::failure(e.message()))
}

/// How many meetings, referrals or notes a picker offers at most, the most recent.
const PICKED_ROWS: u32 = 500;

/// The longest free text a picker shows whole; longer ones are cut with `…`.
const PICKED_TEXT: usize = 50;

/// How a meeting appears in a picker: `#12 · 2024-05-02 · breakfast · BNI Montpellier · Paul
/// Martin, Zoé Durand`.
fn meeting_label(meeting: &meeting::Meeting, lang: Lang) -> String {
    let mut parts = vec![
        format!("#{}", meeting.id),
        meeting.date.format("%Y-%m-%d").to_string(),
        meeting.format.label(lang).to_string(),
    ];
    if let Some(time) = meeting.start_time {
        parts[1] = format!("{} {time}", parts[1]);
    }
    parts.extend(meeting.network.clone());
    if !meeting.contacts.is_empty() {
        parts.push(meeting.contacts.join(", "));
    }
    parts.join(" · ")
}

/// How a referral appears in a picker: `#3 · 2024-05-10 · received · Paul Martin · won`.
fn referral_label(referral: &referral::Referral, lang: Lang) -> String {
    let mut parts = vec![
        format!("#{}", referral.id),
        referral.date.format("%Y-%m-%d").to_string(),
        referral.direction.label(lang).to_string(),
    ];
    parts.extend(referral.contact.clone());
    parts.extend(referral.network.clone());
    parts.push(referral.status.label(lang).to_string());
    parts.extend(
        referral
            .description
            .as_deref()
            .map(|d| lang.quote(&one_line(d, PICKED_TEXT))),
    );
    parts.join(" · ")
}

/// How a note appears in a picker: `#2 · 2024-05-02 · serious concern · BNI Montpellier · “…”`
/// (a resolved one: `minor concern, resolved on 2024-05-20`).
fn note_label(note: &note::Note, lang: Lang) -> String {
    let mut parts = vec![
        format!("#{}", note.id),
        note.date.format("%Y-%m-%d").to_string(),
    ];
    if let Some(severity) = note.severity {
        parts.push(crate::output::concern(severity, note.resolved_on, lang));
    }
    parts.extend(note.network.clone());
    parts.extend(note.contact.clone());
    parts.extend(
        note.meeting_id
            .map(|id| lang.say(Msg::CellOnMeeting, &[("id", &id.to_string())])),
    );
    parts.push(lang.quote(&one_line(&note.text, PICKED_TEXT)));
    parts.join(" · ")
}

/// How a network appears in a picker: its name, its kind, and whether it was left.
fn network_label(network: &network::Network, lang: Lang) -> String {
    let kind = network.kind.label(lang);
    match network.left_on {
        Some(left) => lang.say(
            Msg::NetworkLabelLeft,
            &[
                ("name", &network.name),
                ("kind", kind),
                ("date", &left.format("%Y-%m-%d").to_string()),
            ],
        ),
        None => format!("{} ({kind})", network.name),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::{Kind, MeetingFormat};

    #[test]
    fn pickers_show_a_meeting_s_start_time_beside_its_day() {
        let mut meeting = meeting::Meeting {
            id: 4,
            uuid: String::new(),
            date: NaiveDate::from_ymd_opt(2024, 2, 6).unwrap(),
            start_time: crate::domain::StartTime::new(7, 30),
            network: Some("BNI Montpellier".into()),
            format: MeetingFormat::Breakfast,
            in_person: true,
            minutes: Some(90),
            travel_minutes: None,
            cost_cents: None,
            rating: None,
            notes: None,
            contacts: vec!["Paul Martin".into()],
        };
        assert_eq!(
            meeting_label(&meeting, Lang::Fr),
            "#4 · 2024-02-06 07:30 · petit-déjeuner · BNI Montpellier · Paul Martin"
        );
        meeting.start_time = None;
        assert_eq!(
            meeting_label(&meeting, Lang::En),
            "#4 · 2024-02-06 · breakfast · BNI Montpellier · Paul Martin"
        );
    }

    #[test]
    fn pickers_show_the_kind_and_when_a_network_was_left() {
        let mut network = network::Network {
            id: 1,
            uuid: String::new(),
            name: "BNI Montpellier".into(),
            kind: Kind::CoOptation,
            status: network::Status::Active,
            joined_on: None,
            left_on: None,
            exit_reason: None,
            invited_by: None,
            fee_cents: None,
            fee_period: None,
            rules: None,
            notes: None,
        };
        assert_eq!(
            network_label(&network, Lang::En),
            "BNI Montpellier (co-optation)"
        );
        network.left_on = NaiveDate::from_ymd_opt(2024, 2, 15);
        assert_eq!(
            network_label(&network, Lang::En),
            "BNI Montpellier (co-optation, left 2024-02-15)"
        );
    }
}
