//! The report's words beyond the figures: one retrospective paragraph per network, told in the
//! first person as the user would tell it, and the next steps drawn from the data.

use chrono::Days;
use rusqlite::Connection;

use super::verdict::Call;
use super::words::Words;
use super::{NetworkReport, Report, Request};
use crate::db;
use crate::db::report as query;
use crate::messages::Msg;

/// At most this many next steps.
pub const MAX_STEPS: usize = 5;
/// Renewals within this many days call for a decision.
pub const RENEWAL_DAYS: i64 = 60;
/// Open referrals older than this many days call for a follow-up.
pub const FOLLOW_UP_DAYS: u64 = 30;

/// One paragraph: how the user joined, what happened, what came of it, and why they left or
/// what the figures say now.
pub fn retrospective(network: &NetworkReport, period: query::Period, words: &Words) -> String {
    let mut sentences = Vec::new();
    let kind = network.kind.label(words.lang);
    if let Some(joined) = network.joined_on {
        let date = words.date(joined);
        let base = [
            ("name", network.name.as_str()),
            ("kind", kind),
            ("date", date.as_str()),
        ];
        sentences.push(match &network.invited_by {
            Some(who) => {
                let by = words.lang.by(who);
                let mut args = base.to_vec();
                args.push(("who", &by));
                words.say(Msg::ProseJoinedInvited, &args)
            }
            None => words.say(Msg::ProseJoined, &base),
        });
    }
    // Over the whole membership, "over 7 months"; over a chosen period, "from 1 July to 30
    // September 2025" (from joining, when it came later).
    let between = period.since.map(|since| {
        let from = network.joined_on.map_or(since, |joined| joined.max(since));
        let to = network
            .left_on
            .map_or(period.until, |left| left.min(period.until));
        (words.date(from), words.date(to))
    });
    let span = match network.joined_on {
        Some(joined) => {
            let end = joined + chrono::Duration::days(network.membership_days);
            words.span(network.membership_days, joined, end)
        }
        None => words.count(Msg::Days, network.membership_days),
    };
    let spent = words.money(network.spent_cents);
    let mut args = vec![("span", span.as_str()), ("spent", spent.as_str())];
    if let Some((from, to)) = &between {
        args.extend([("from", from.as_str()), ("to", to.as_str())]);
    }
    if network.meetings.total == 0 {
        let key = match (&between, network.spent_cents) {
            (None, 0) => Msg::ProseNoMeetingFree,
            (None, _) => Msg::ProseNoMeeting,
            (Some(_), 0) => Msg::ProseNoMeetingBetweenFree,
            (Some(_), _) => Msg::ProseNoMeetingBetween,
        };
        sentences.push(words.say(key, &args));
    } else {
        let meetings = words.count(Msg::Meetings, network.meetings.total);
        let in_person = network.meetings.in_person.to_string();
        let remote = network.meetings.remote.to_string();
        let hours = words.hours(network.minutes);
        let held = [
            ("in_person", in_person.as_str()),
            ("remote", remote.as_str()),
        ];
        let total = network.meetings.total;
        let mode = match (network.meetings.in_person, network.meetings.remote) {
            (_, 0) => words.count(Msg::ProseModeInPerson, total),
            (0, _) => words.count(Msg::ProseModeRemote, total),
            _ => words.say(Msg::ProseModeBoth, &held),
        };
        let took = [("hours", hours.as_str()), ("spent", spent.as_str())];
        let cost = match (network.minutes, network.spent_cents) {
            (0, 0) => String::new(),
            (_, 0) => words.say(Msg::ProseCostTime, &took),
            (0, _) => words.say(Msg::ProseCostMoney, &took),
            _ => words.say(Msg::ProseCost, &took),
        };
        args.extend([
            ("meetings", meetings.as_str()),
            ("mode", mode.as_str()),
            ("cost", cost.as_str()),
        ]);
        let key = if between.is_some() {
            Msg::ProseActivityBetween
        } else {
            Msg::ProseActivity
        };
        sentences.push(words.say(key, &args));
    }
    let contacts = &network.contacts;
    if contacts.total == 0 {
        sentences.push(words.say(Msg::ProseNoContact, &[]));
    } else {
        let people = words.count(Msg::People, contacts.total);
        let once = contacts.met_once.to_string();
        let deep = contacts.met_three_plus.to_string();
        let (key, args): (Msg, Vec<(&str, &str)>) =
            match (contacts.met_once, contacts.met_three_plus) {
                // One person: how often, without "each of them" nor "1 of them".
                (1, _) if contacts.total == 1 => (Msg::ProseContactOnce, vec![]),
                (_, 1) if contacts.total == 1 => (Msg::ProseContactDeep, vec![]),
                _ if contacts.total == 1 => (Msg::ProseContactTwice, vec![]),
                (n, _) if n == contacts.total => (Msg::ProseContactsAllOnce, vec![]),
                // All of them three times or more: not "3 of them" of three.
                (_, n) if n == contacts.total => (Msg::ProseContactsAllDeep, vec![]),
                (0, 0) => (Msg::ProseContactsTwice, vec![]),
                (0, _) => (Msg::ProseContactsOnlyDeep, vec![("deep", &deep)]),
                (_, 0) => (Msg::ProseContacts, vec![("once", &once)]),
                _ => (
                    Msg::ProseContactsDeep,
                    vec![("once", &once), ("deep", &deep)],
                ),
            };
        let mut all = vec![("people", people.as_str())];
        all.extend(args);
        sentences.push(words.say(key, &all));
    }
    sentences.push(referrals_sentence(network, words));
    if network.concerns > 0 {
        let texts: Vec<String> = network
            .concern_notes
            .iter()
            .filter(|c| !c.resolved)
            .map(|c| words.quote(&c.text))
            .collect();
        sentences.push(words.say(
            Msg::ProseConcerns,
            &[
                ("concerns", &words.count(Msg::Concerns, network.concerns)),
                ("texts", &texts.join(&words.say(Msg::ListSeparator, &[]))),
            ],
        ));
    }
    match (network.left_on, network.verdict.call) {
        (Some(left), _) => {
            let reason = network.exit_reason.as_deref().unwrap_or("—");
            sentences.push(words.say(
                Msg::ProseLeft,
                &[
                    ("date", &words.date(left)),
                    ("reason", &words.quote(reason)),
                ],
            ));
        }
        (None, call) => {
            sentences.push(
                words.say(
                    Msg::ProseVerdict,
                    &[
                        ("call", &words.quote(&call.label(words))),
                        (
                            "reasons",
                            &network
                                .verdict
                                .reasons
                                .join(&words.say(Msg::ListSeparator, &[])),
                        ),
                    ],
                ),
            );
        }
    }
    sentences.join(" ")
}

/// What the network brought and what came of it, in fragments so that each case reads right:
/// "It brought me 2 referrals and I gave 1; 1 turned into business worth €2,400."
fn referrals_sentence(network: &NetworkReport, words: &Words) -> String {
    let r = &network.referrals;
    let mut sentence = if r.received == 0 {
        words.say(Msg::ProseBroughtNone, &[])
    } else {
        words.say(
            Msg::ProseBrought,
            &[("received", &words.count(Msg::Referrals, r.received))],
        )
    };
    if r.given > 0 {
        sentence += &words.say(Msg::ProseGave, &[("given", &r.given.to_string())]);
    }
    if r.received > 0 {
        sentence += &if r.won > 0 {
            let won = words.count(Msg::WonReferrals, r.won);
            words.say(
                Msg::ProseWon,
                &[("won", &won), ("value", &words.money(r.won_value_cents))],
            )
        } else if r.open > 0 {
            words.say(Msg::ProseNoneWonYet, &[])
        } else {
            words.say(Msg::ProseNoneWon, &[])
        };
    }
    sentence.push('.');
    sentence
}

/// At most [`MAX_STEPS`] suggestions: renewals coming up on a network not worth staying in,
/// open referrals to follow up, contacts to meet one-to-one (`to_deepen`, found by
/// [`query::activity`]) — for the report's network only, when it has one.
pub fn next_steps(
    conn: &Connection,
    request: &Request,
    networks: &[NetworkReport],
    to_deepen: Vec<query::ToDeepen>,
    words: &Words,
) -> Result<Vec<String>, db::Error> {
    let today = request.today;
    let mut steps = Vec::new();
    // Next steps are what to do now: a look back on a period that ended has none.
    if request.period.until < today {
        return Ok(steps);
    }

    // A serious concern is raised now, before anything else.
    for network in networks.iter().filter(|n| n.left_on.is_none()) {
        let serious = network
            .concern_notes
            .iter()
            .find(|c| !c.resolved && c.severity == query::Severity::Serious);
        if let Some(concern) = serious {
            steps.push(words.say(
                Msg::StepConcern,
                &[
                    ("text", &words.quote(&concern.text)),
                    ("network", &network.name),
                ],
            ));
        }
    }

    let mut renewals: Vec<&NetworkReport> = networks
        .iter()
        .filter(|n| n.verdict.call != Call::Stay)
        .filter(|n| {
            n.next_renewal
                .is_some_and(|r| (r - today).num_days() <= RENEWAL_DAYS)
        })
        .collect();
    renewals.sort_by_key(|n| n.next_renewal);
    for network in renewals {
        let (Some(renewal), Some(fee)) = (network.next_renewal, network.fee_cents) else {
            continue;
        };
        steps.push(words.say(
            Msg::StepRenewal,
            &[
                ("network", &network.name),
                ("date", &words.date(renewal)),
                (
                    "days",
                    &words.count(Msg::Days, (renewal - today).num_days()),
                ),
                ("fee", &words.money(fee)),
                ("call", &words.quote(&network.verdict.call.label(words))),
            ],
        ));
    }

    let opened_by = today
        .checked_sub_days(Days::new(FOLLOW_UP_DAYS))
        .unwrap_or(today);
    for referral in query::to_follow_up(conn, opened_by, request.network_id, MAX_STEPS as i64)? {
        let someone = words.say(Msg::SomeoneUnnamed, &[]);
        let contact = referral.contact.unwrap_or(someone);
        // "from Rémi" in English; "de Rémi", "d'Hélène" in French, where it follows the date.
        let contact = match (referral.received, words.lang) {
            (true, crate::i18n::Lang::Fr) => words.lang.by(&contact),
            _ => contact,
        };
        let about = referral
            .description
            .map(|text| words.say(Msg::About, &[("text", &text)]))
            .unwrap_or_default();
        let key = if referral.received {
            Msg::StepFollowUpReceived
        } else {
            Msg::StepFollowUpGiven
        };
        steps.push(words.say(
            key,
            &[
                ("contact", &contact),
                ("date", &words.date(referral.date)),
                (
                    "days",
                    &words.count(Msg::Days, (today - referral.date).num_days()),
                ),
                ("about", &about),
            ],
        ));
    }

    // Business that rests on one person is fragile: widen it.
    for network in networks
        .iter()
        .filter(|n| n.left_on.is_none() && n.verdict.call == Call::Stay)
        .filter(|n| n.evidence.won_from == 1 && n.contacts.met_three_plus <= 1)
    {
        steps.push(words.say(Msg::StepDeepenMore, &[("network", &network.name)]));
    }

    for candidate in to_deepen {
        steps.push(words.say(
            Msg::StepDeepen,
            &[
                ("contact", &candidate.contact),
                ("meetings", &words.count(Msg::Meetings, candidate.meetings)),
                ("network", &candidate.network),
            ],
        ));
    }
    steps.truncate(MAX_STEPS);
    Ok(steps)
}

/// What the journal itself may have wrong: referrals recorded outside any network whose
/// contact was met through one network only.
pub fn checks(unplaced: &[query::Unplaced], words: &Words) -> Vec<String> {
    unplaced
        .iter()
        .map(|u| {
            words.say(
                Msg::CheckUnplaced,
                &[
                    ("referrals", &words.count(Msg::Referrals, u.referrals)),
                    ("contact", &u.contact),
                    ("network", &u.network),
                ],
            )
        })
        .collect()
}

/// How the business won splits between networks and one-to-one relationships, in a sentence.
pub fn won_split(report: &Report, words: &Words) -> String {
    let won = &report.won_business;
    match won.network_share {
        Some(share) => words.say(
            Msg::WonSplit,
            &[
                ("total", &words.money(won.total_cents)),
                ("net_share", &words.lang.percent(share)),
                ("net", &words.money(won.through_networks_cents)),
                ("o2o_share", &words.lang.percent(1.0 - share)),
                ("o2o", &words.money(won.one_to_one_cents)),
            ],
        ),
        None => words.say(Msg::WonNone, &[]),
    }
}

/// What the report says when it has no next step: nothing to do now, or, for a period that
/// ended before today, nothing that was due then.
pub fn no_next_step(report: &Report, words: &Words) -> String {
    let key = if report.period.until < report.generated_on {
        Msg::NoNextStepPast
    } else {
        Msg::NoNextStep
    };
    words.say(key, &[])
}

/// The period the report covers: `Period: 1 January 2024 to 15 June 2024`, or `Period:
/// everything up to 15 June 2024`.
pub fn period(report: &Report, words: &Words) -> String {
    let until = words.date(report.period.until);
    match report.period.since {
        Some(since) => words.say(
            Msg::PeriodFrom,
            &[("since", &words.date(since)), ("until", &until)],
        ),
        None => words.say(Msg::PeriodAll, &[("until", &until)]),
    }
}
