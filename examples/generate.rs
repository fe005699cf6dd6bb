//! A deterministic generator of realistic journals, for benchmarks and for tests at scale.
//!
//! ```text
//! cargo run --release --example generate -- --db /tmp/big.db --networks 50 --meetings 100000 \
//!     --contacts 20000 --links 200000 --referrals 10000 --seed 42
//! ```
//!
//! The journal is written through netjournal's own storage layer (`netjournal::db`), in one
//! transaction, with every uuid and time stamp derived from the seed: the same seed and sizes
//! give the same journal, row for row, uuids included. What it holds looks like a long-time
//! member's journal over 15 years ([`START`] to [`END`]):
//!
//! - networks of every kind, each joined at some point of the 15 years, more than half of them
//!   left since (with a reason), with a mix of yearly, monthly, one-off and no fees;
//! - most meetings in a few active networks (the networks' shares follow a Zipf law, the
//!   networks still active first), about one in ten outside any network (one-to-ones, calls),
//!   each dated within its network's membership, with formats, durations, travel and costs
//!   that go with one another;
//! - `--links` contacts met at meetings, mostly people of the meeting's network, drawn with a
//!   strong skew: a long tail of people met once (or only recorded), a few met very often;
//! - referrals received and given, won, lost and still open (the recent ones mostly open),
//!   with values for business won;
//! - notes on networks, meetings, contacts or nothing, about one in ten a concern.
//!
//! Tests and benchmarks include this file as a module (`#[path]`) and call [`generate`].

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use netjournal::db::contact::NewContact;
use netjournal::db::meeting::{self, NewMeeting};
use netjournal::db::network::{self, NewNetwork};
use netjournal::db::note::{NewNote, Target};
use netjournal::db::referral::NewReferral;
use netjournal::db::{self, Access, Journal, written};
use netjournal::domain::{
    Direction, FeePeriod, Kind, MeetingFormat, Money, Name, Rating, ReferralStatus,
};

/// The first day of the generated journal's 15 years.
pub const START: NaiveDate = NaiveDate::from_ymd_opt(2011, 1, 1).unwrap();
/// The last day anything happens in a generated journal. Run reports a little after it (the
/// benchmarks pin `NETJOURNAL_NOW` to [`NOW`]).
pub const END: NaiveDate = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
/// The day the benchmarks and tests tell the report it is: two weeks after [`END`].
pub const NOW: &str = "2026-01-15";

/// How large a journal to make, and from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub networks: usize,
    pub meetings: usize,
    pub contacts: usize,
    /// Contacts met at meetings: rows of `meeting_contacts`.
    pub links: usize,
    pub referrals: usize,
    pub notes: usize,
    pub seed: u64,
}

impl Spec {
    /// A journal of `meetings` meetings with the proportions of the issue's 100,000-meeting
    /// journal (50 networks, 20,000 contacts, 200,000 links, 10,000 referrals, 2,000 notes).
    pub fn scaled(meetings: usize, seed: u64) -> Spec {
        let part = |per_100k: usize| (per_100k * meetings).div_ceil(100_000);
        Spec {
            networks: part(50).max(8),
            meetings,
            contacts: part(20_000).max(1),
            links: part(200_000),
            referrals: part(10_000),
            notes: part(2_000),
            seed,
        }
    }
}

/// What was written, for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub networks: usize,
    pub left: usize,
    pub meetings: usize,
    pub contacts: usize,
    pub links: usize,
    pub referrals: usize,
    pub notes: usize,
    pub concerns: usize,
}

/// A network as generated, before it is written.
struct Net {
    id: i64,
    joined: NaiveDate,
    /// The last day of membership: the day it was left, or [`END`].
    last: NaiveDate,
    /// Contacts met through it (ids), in the order they were drawn.
    contacts: Vec<i64>,
}

/// A meeting as generated: written in date order, as a journal fills up.
struct Planned {
    date: NaiveDate,
    network: Option<usize>,
    format: MeetingFormat,
}

/// A 128-bit random uuid from the seeded generator: version 4 in shape, reproducible.
fn uuid(rng: &mut fastrand::Rng) -> String {
    uuid::Builder::from_random_bytes(rng.u128(..).to_le_bytes())
        .into_uuid()
        .to_string()
}

/// The time stamp of a row written on `day`: the evening after it happened.
fn stamp(day: NaiveDate) -> String {
    format!("{}T20:00:00+00:00", day.format("%Y-%m-%d"))
}

fn day_between(rng: &mut fastrand::Rng, first: NaiveDate, last: NaiveDate) -> NaiveDate {
    let span = (last - first).num_days().max(0) as u64;
    first + Days::new(rng.u64(0..=span))
}

/// An index below `len`, drawn with a skew: `power` 1 is uniform, larger powers favour the
/// first indexes more and more (a long tail of rarely drawn ones).
fn skewed(rng: &mut fastrand::Rng, len: usize, power: f64) -> usize {
    ((rng.f64().powf(power) * len as f64) as usize).min(len - 1)
}

/// An index drawn along cumulative weights.
fn weighted(rng: &mut fastrand::Rng, cumulative: &[f64]) -> usize {
    let total = cumulative.last().copied().unwrap_or(0.0);
    let x = rng.f64() * total;
    cumulative
        .partition_point(|&c| c <= x)
        .min(cumulative.len() - 1)
}

fn one_of<'a>(rng: &mut fastrand::Rng, items: &[&'a str]) -> &'a str {
    items[rng.usize(..items.len())]
}

fn euros(rng: &mut fastrand::Rng, low: i64, high: i64) -> Money {
    Money::from_cents(rng.i64(low..=high) * 100)
}

const CITIES: &[&str] = &[
    "Montpellier",
    "Sète",
    "Nîmes",
    "Béziers",
    "Lunel",
    "Lodève",
    "Agde",
    "Pézenas",
    "Castelnau",
    "Lattes",
    "Mauguio",
    "Ganges",
];

const FIRST_NAMES: &[&str] = &[
    "Claire", "Paul", "Sophie", "Karim", "Inès", "Hugo", "Marc", "Emma", "Léa", "Luc", "Nadia",
    "Anne", "Julien", "Camille", "Thomas", "Sarah", "Nicolas", "Julie", "Antoine", "Chloé",
    "Mehdi", "Laura", "Pierre", "Manon", "Yann", "Élodie", "Olivier", "Fatima", "Louis",
    "Mathilde", "Rémi", "Hélène", "Bruno", "Aurélie", "Samir", "Pauline", "Franck", "Lucie",
    "David", "Margaux",
];

const LAST_NAMES: &[&str] = &[
    "Martin",
    "Durand",
    "Haddad",
    "Garcia",
    "Lambert",
    "Leroy",
    "Blanc",
    "Fontaine",
    "Moreau",
    "Petit",
    "Bensaïd",
    "Roux",
    "Fabre",
    "Dumas",
    "Marchand",
    "Roussel",
    "Girard",
    "Bonnet",
    "Mercier",
    "Faure",
    "André",
    "Chevalier",
    "Gauthier",
    "Perrin",
    "Robin",
    "Clément",
    "Morin",
    "Nicolas",
    "Henry",
    "Lefèvre",
    "Mathieu",
    "Garnier",
    "Chauvin",
    "Barbier",
    "Brun",
    "Schmitt",
    "Colin",
    "Vidal",
    "Caron",
    "Picard",
    "Roger",
    "Renaud",
    "Aubert",
    "Giraud",
    "Lemoine",
    "Rey",
    "Meunier",
    "Dupuis",
    "Lucas",
    "Brunet",
];

const PROFESSIONS: &[&str] = &[
    "plumber",
    "accountant",
    "lawyer",
    "architect",
    "photographer",
    "web developer",
    "notary",
    "insurance broker",
    "real-estate agent",
    "printer",
    "marketing director",
    "HR consultant",
    "baker",
    "restaurant owner",
    "banker",
    "coach",
];

/// The names a network of each kind goes by.
fn network_base(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::GenderBased => &[
            "Femmes Entrepreneures",
            "Elles Entreprennent",
            "Dirigeantes",
        ],
        Kind::CoOptation => &["BNI", "Business Club", "Club des Décideurs"],
        Kind::Political => &["CPME", "MEDEF", "Union des Commerçants"],
        Kind::Professional => &["Club Affaires", "Réseau Entreprendre", "DCF"],
        Kind::Alumni => &["Alumni Sup de Co", "Anciens de l'IAE", "Alumni Polytech"],
        Kind::Online => &["Freelances Slack", "Indés en ligne", "Communauté Malt"],
        Kind::Local => &["Freelances", "Cowork", "Entreprendre à"],
        Kind::Other => &["Rotary", "Lions Club", "Jeune Chambre"],
    }
}

/// Writes a journal of the size `spec` says into `journal`, in one transaction. The journal
/// should be empty: ids, names and dates are drawn on that assumption.
pub fn generate(journal: &mut Journal, spec: &Spec) -> Result<Written, db::Error> {
    // The whole journal is one transaction: let SQLite keep its pages in memory (64 MiB)
    // rather than spill them to the log half-way.
    journal.conn().pragma_update(None, "cache_size", -65_536)?;
    journal.write(|tx| write(tx, spec))
}

fn write(tx: &rusqlite::Connection, spec: &Spec) -> Result<Written, db::Error> {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let mut written = Written::default();

    // Networks: every kind in turn, in an order of their own.
    let mut kinds: Vec<Kind> = (0..spec.networks)
        .map(|i| Kind::ALL[i % Kind::ALL.len()])
        .collect();
    rng.shuffle(&mut kinds);
    let mut names = HashSet::new();
    let mut nets: Vec<Net> = Vec::with_capacity(spec.networks);
    for kind in kinds {
        let base = one_of(&mut rng, network_base(kind));
        let city = one_of(&mut rng, CITIES);
        let mut name = format!("{base} {city}");
        let mut n = 2;
        while !names.insert(name.to_lowercase()) {
            name = format!("{base} {city} {n}");
            n += 1;
        }
        let joined = day_between(&mut rng, START, END - Days::new(60));
        let fee = match rng.u32(0..100) {
            0..25 => Some((euros(&mut rng, 100, 1200), FeePeriod::Year)),
            25..40 => Some((euros(&mut rng, 20, 80), FeePeriod::Month)),
            40..50 => Some((euros(&mut rng, 50, 500), FeePeriod::Once)),
            _ => None,
        };
        let new = NewNetwork {
            name: name.parse().expect("a generated name is a name"),
            kind,
            joined_on: joined,
            invited_by: rng
                .bool()
                .then(|| format!("{} {}", one_of(&mut rng, FIRST_NAMES), "a member")),
            fee,
            rules: (kind == Kind::CoOptation).then(|| "one member per profession".to_string()),
            notes: (rng.u32(0..4) == 0).then(|| format!("found through a colleague in {city}")),
        };
        let id = network::insert_with_uuid(tx, &uuid(&mut rng), &new, &stamp(joined))?;
        // More than half of them left since, after a month to several years.
        let mut last = END;
        if rng.u32(0..100) < 55 {
            let left = day_between(&mut rng, joined + Days::new(30), END);
            let reason = one_of(
                &mut rng,
                &[
                    "no business after a year of breakfasts",
                    "talks about anything but business",
                    "my name on a press release without my consent",
                    "cannot recommend someone met once over a croissant",
                    "too expensive for what it brought",
                    "moved away",
                ],
            );
            network::leave(tx, id, left, reason, &stamp(left))?;
            last = left;
            written.left += 1;
        }
        nets.push(Net {
            id,
            joined,
            last,
            contacts: Vec::new(),
        });
        written.networks += 1;
    }

    // How busy each network is: a Zipf law over the networks, the active ones first, so that
    // most meetings happen in a few networks one still belongs to.
    let mut order: Vec<usize> = (0..nets.len()).collect();
    rng.shuffle(&mut order);
    order.sort_by_key(|&i| nets[i].last != END);
    let mut weight = vec![0.0; nets.len()];
    for (rank, &i) in order.iter().enumerate() {
        weight[i] = 1.0 / ((rank + 1) as f64).powf(1.3);
    }
    let cumulative: Vec<f64> = weight
        .iter()
        .scan(0.0, |sum, w| {
            *sum += w;
            Some(*sum)
        })
        .collect();

    // Contacts: most met through a network, as busy networks bring more people.
    let mut contact_ids = Vec::with_capacity(spec.contacts);
    let mut taken = HashSet::new();
    for i in 0..spec.contacts {
        let first = one_of(&mut rng, FIRST_NAMES);
        let last = one_of(&mut rng, LAST_NAMES);
        let mut name = format!("{first} {last}");
        if !taken.insert(name.to_lowercase()) {
            name = format!("{first} {last} ({})", i + 1);
            taken.insert(name.to_lowercase());
        }
        let through =
            (!nets.is_empty() && rng.u32(0..100) < 85).then(|| weighted(&mut rng, &cumulative));
        let added_on = match through {
            Some(n) => day_between(&mut rng, nets[n].joined, nets[n].last),
            None => day_between(&mut rng, START, END),
        };
        let slug = name.to_lowercase().replace([' ', '(', ')'], "");
        let new = NewContact {
            name: name.parse::<Name>().expect("a generated name is a name"),
            profession: (rng.u32(0..100) < 70).then(|| one_of(&mut rng, PROFESSIONS).to_string()),
            company: rng.bool().then(|| format!("{last} & associés")),
            email: (rng.u32(0..100) < 30).then(|| format!("{slug}@example.com")),
            linkedin: (rng.u32(0..100) < 30).then(|| format!("linkedin.com/in/{slug}")),
            network_id: through.map(|n| nets[n].id),
            notes: (rng.u32(0..10) == 0).then(|| "met at the welcome evening".to_string()),
            added_on,
        };
        let id = written::insert_with_uuid(tx, &uuid(&mut rng), &new, &stamp(added_on))?;
        if let Some(n) = through {
            nets[n].contacts.push(id);
        }
        contact_ids.push(id);
        written.contacts += 1;
    }

    // Meetings, planned then written in date order, as a journal fills up.
    let mut planned: Vec<Planned> = (0..spec.meetings)
        .map(|_| {
            let network = (!nets.is_empty() && rng.u32(0..100) >= 10)
                .then(|| weighted(&mut rng, &cumulative));
            let (date, format) = match network {
                Some(n) => {
                    let format = match rng.u32(0..100) {
                        0..25 => MeetingFormat::Breakfast,
                        25..45 => MeetingFormat::Lunch,
                        45..65 => MeetingFormat::Evening,
                        65..75 => MeetingFormat::Event,
                        75..80 => MeetingFormat::Dinner,
                        80..85 => MeetingFormat::OneToOne,
                        85..92 => MeetingFormat::Video,
                        92..97 => MeetingFormat::Phone,
                        _ => MeetingFormat::Email,
                    };
                    (day_between(&mut rng, nets[n].joined, nets[n].last), format)
                }
                None => {
                    let format = match rng.u32(0..100) {
                        0..60 => MeetingFormat::OneToOne,
                        60..80 => MeetingFormat::Phone,
                        80..95 => MeetingFormat::Video,
                        _ => MeetingFormat::Lunch,
                    };
                    (day_between(&mut rng, START, END), format)
                }
            };
            Planned {
                date,
                network,
                format,
            }
        })
        .collect();
    planned.sort_by_key(|m| m.date);
    let mut meetings: Vec<(i64, Option<usize>, MeetingFormat)> = Vec::with_capacity(planned.len());
    for plan in &planned {
        let (minutes, travel, cost) = match plan.format {
            MeetingFormat::Breakfast => (rng.u32(60..=120), rng.u32(10..=60), rng.i64(8..=25)),
            MeetingFormat::Lunch => (rng.u32(60..=150), rng.u32(10..=60), rng.i64(15..=45)),
            MeetingFormat::Dinner => (rng.u32(120..=180), rng.u32(15..=60), rng.i64(30..=80)),
            MeetingFormat::Evening => (rng.u32(90..=180), rng.u32(15..=60), rng.i64(0..=30)),
            MeetingFormat::Event => (rng.u32(120..=480), rng.u32(20..=120), rng.i64(0..=150)),
            MeetingFormat::OneToOne => (rng.u32(30..=90), rng.u32(0..=40), rng.i64(0..=20)),
            MeetingFormat::Phone | MeetingFormat::Video => (rng.u32(15..=60), 0, 0),
            MeetingFormat::Email => (rng.u32(5..=20), 0, 0),
        };
        let new = NewMeeting {
            date: plan.date,
            start_time: None,
            network_id: plan.network.map(|n| nets[n].id),
            format: plan.format,
            minutes: (rng.u32(0..10) > 0).then_some(minutes),
            travel_minutes: (travel > 0 && rng.u32(0..10) > 1).then_some(travel),
            cost: (cost > 0 && rng.u32(0..10) > 1).then(|| Money::from_cents(cost * 100)),
            rating: (rng.u32(0..10) < 6).then(|| Rating::new(rng.u8(1..=5)).expect("1 to 5")),
            notes: (rng.u32(0..20) == 0).then(|| {
                one_of(
                    &mut rng,
                    &[
                        "a good talk",
                        "too many people",
                        "a pitch, nothing more",
                        "met a client",
                    ],
                )
                .to_string()
            }),
        };
        let id = written::insert_with_uuid(tx, &uuid(&mut rng), &new, &stamp(plan.date))?;
        meetings.push((id, plan.network, plan.format));
        written.meetings += 1;
    }

    // Who was met where: mostly people of the meeting's network, drawn with a strong skew
    // (a few people met again and again, a long tail met once).
    if !meetings.is_empty() && !contact_ids.is_empty() {
        let possible = meetings.len().saturating_mul(contact_ids.len());
        let mut linked = HashSet::with_capacity(spec.links);
        while linked.len() < spec.links.min(possible) {
            let (meeting_id, net, _) = meetings[rng.usize(..meetings.len())];
            let pool: &[i64] = match net {
                Some(n) if !nets[n].contacts.is_empty() && rng.u32(0..100) < 80 => {
                    &nets[n].contacts
                }
                _ => &contact_ids,
            };
            let contact_id = pool[skewed(&mut rng, pool.len(), 5.0)];
            if linked.insert((meeting_id, contact_id)) {
                meeting::link_contact(tx, meeting_id, contact_id)?;
                written.links += 1;
            }
        }
    }

    // Referrals: the recent ones mostly still open; business won has a value.
    for _ in 0..spec.referrals {
        let net =
            (!nets.is_empty() && rng.u32(0..100) < 85).then(|| weighted(&mut rng, &cumulative));
        let date = match net {
            Some(n) => day_between(&mut rng, nets[n].joined, nets[n].last),
            None => day_between(&mut rng, START, END),
        };
        let contact_id = (!contact_ids.is_empty() && rng.u32(0..100) < 80).then(|| {
            let pool = match net {
                Some(n) if !nets[n].contacts.is_empty() => &nets[n].contacts,
                _ => &contact_ids,
            };
            pool[skewed(&mut rng, pool.len(), 2.0)]
        });
        let recent = (END - date).num_days() < 90;
        let status = match (recent, rng.u32(0..100)) {
            (true, 0..70) | (false, 0..15) => ReferralStatus::Open,
            (true, 70..85) | (false, 15..50) => ReferralStatus::Won,
            _ => ReferralStatus::Lost,
        };
        let value = (status == ReferralStatus::Won && rng.u32(0..10) > 0).then(|| {
            // From 200 to 20,000, most of them small: a log-uniform draw.
            let euros = (200.0 * 100f64.powf(rng.f64())).round() as i64;
            Money::from_cents(euros * 100)
        });
        let new = NewReferral {
            direction: if rng.u32(0..100) < 60 {
                Direction::Received
            } else {
                Direction::Given
            },
            date,
            network_id: net.map(|n| nets[n].id),
            contact_id,
            description: (rng.u32(0..10) < 7).then(|| {
                one_of(
                    &mut rng,
                    &[
                        "a website",
                        "a brand identity",
                        "a logo",
                        "a menu",
                        "bookkeeping",
                    ],
                )
                .to_string()
            }),
            status,
            value,
        };
        written::insert_with_uuid(tx, &uuid(&mut rng), &new, &stamp(date))?;
        written.referrals += 1;
    }

    // Notes, about one in ten a concern.
    for _ in 0..spec.notes {
        let concern = rng.u32(0..10) == 0;
        let (target, date) = match rng.u32(0..10) {
            0..4 if !nets.is_empty() => {
                let n = weighted(&mut rng, &cumulative);
                let date = day_between(&mut rng, nets[n].joined, nets[n].last);
                (Target::Network(nets[n].id), date)
            }
            4..7 if !meetings.is_empty() => {
                let i = rng.usize(..meetings.len());
                (Target::Meeting(meetings[i].0), planned[i].date)
            }
            7..9 if !contact_ids.is_empty() => (
                Target::Contact(contact_ids[rng.usize(..contact_ids.len())]),
                day_between(&mut rng, START, END),
            ),
            _ => (Target::Nothing, day_between(&mut rng, START, END)),
        };
        let text = if concern {
            one_of(
                &mut rng,
                &[
                    "my name on a press release without my consent",
                    "pressed to recommend someone I barely know",
                    "fees raised without a vote",
                    "my contacts' details passed on without asking",
                ],
            )
        } else {
            one_of(
                &mut rng,
                &[
                    "follow up in a month",
                    "a useful talk on pricing",
                    "asked for my rates",
                    "the next breakfast moves to Thursdays",
                ],
            )
        };
        let new = NewNote {
            date,
            text: text.to_string(),
            severity: concern.then_some(netjournal::domain::Severity::Serious),
            resolved_on: None,
            target,
        };
        written::insert_with_uuid(tx, &uuid(&mut rng), &new, &stamp(date))?;
        written.notes += 1;
        written.concerns += usize::from(concern);
    }
    Ok(written)
}

/// The command line: `--db PATH` and the sizes; see the module's documentation.
fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            eprintln!(
                "usage: generate --db PATH [--networks N] [--meetings N] [--contacts N] \
                 [--links N] [--referrals N] [--notes N] [--seed N] [--force]"
            );
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut db: Option<PathBuf> = None;
    let mut force = false;
    let mut spec = Spec::scaled(100_000, 42);
    let mut notes = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--force" {
            force = true;
            continue;
        }
        let value = args
            .next()
            .ok_or_else(|| format!("`{arg}` expects a value"))?;
        let number = || {
            value
                .replace('_', "")
                .parse::<u64>()
                .map_err(|_| format!("{arg} `{value}` is not a whole number"))
        };
        match arg.as_str() {
            "--db" => db = Some(PathBuf::from(&value)),
            "--networks" => spec.networks = number()? as usize,
            "--meetings" => spec.meetings = number()? as usize,
            "--contacts" => spec.contacts = number()? as usize,
            "--links" => spec.links = number()? as usize,
            "--referrals" => spec.referrals = number()? as usize,
            "--notes" => notes = Some(number()? as usize),
            "--seed" => spec.seed = number()?,
            _ => return Err(format!("unknown option `{arg}`")),
        }
    }
    // Unless told, notes follow the meetings: one for fifty.
    spec.notes = notes.unwrap_or(spec.meetings.div_ceil(50));
    let db = db.ok_or("missing --db PATH")?;
    if db.exists() {
        if !force {
            return Err(format!(
                "`{}` exists: the generator writes a new journal (--force replaces it)",
                db.display()
            ));
        }
        for suffix in ["", "-wal", "-shm"] {
            let mut path = db.clone().into_os_string();
            path.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(path));
        }
    }
    let started = Instant::now();
    let mut journal = Journal::open(&db, Access::Write).map_err(|e| e.to_string())?;
    let written = generate(&mut journal, &spec).map_err(|e| e.to_string())?;
    drop(journal);
    println!(
        "{}: {} networks ({} left), {} meetings, {} contacts, {} links, {} referrals, {} notes \
         ({} concerns); seed {}, in {:.1} s",
        db.display(),
        written.networks,
        written.left,
        written.meetings,
        written.contacts,
        written.links,
        written.referrals,
        written.notes,
        written.concerns,
        spec.seed,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
