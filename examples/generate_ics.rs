//! A deterministic generator of large calendars, for the `import ics` benchmark
//! (`benches/ics.sh`) and for trying the import at scale.
//!
//! ```text
//! cargo run --release --example generate_ics -- --megabytes 20 --seed 42 > /tmp/busy.ics
//! ```
//!
//! The file looks like a busy calendar exported by Google Calendar over the years 2011 to
//! 2025: a `VTIMEZONE`, then about 900 bytes an event (23 000 events in 20 MB) — timed events in Paris time or in UTC,
//! all-day fairs, a weekly breakfast series each year with an exception and a moved
//! occurrence, cancelled and declined events, descriptions with escaped commas and new lines,
//! organizers and attendees on folded lines (folded at 75 octets, sometimes inside a
//! character). The same seed and size give the same file, byte for byte.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use chrono::{Datelike, Days, NaiveDate};

const FIRST: NaiveDate = NaiveDate::from_ymd_opt(2011, 1, 3).unwrap();
const DAYS: u64 = 15 * 365;

const PEOPLE: &[(&str, &str)] = &[
    ("Paul Martin", "paul.martin@example.com"),
    ("Sophie Durand", "sophie.durand@example.com"),
    ("Julie Bernard", "julie@example.com"),
    ("Marc Leroy", "marc.leroy@example.org"),
    ("Zoë O'Brien", "zoe@example.ie"),
    ("Hélène Müller-Lefèvre", "helene@example.de"),
    ("Anne Roux", "anne.roux@example.fr"),
    ("Gérard Vidal", "gerard.vidal@example.fr"),
    ("Julien Moreau", "julien.moreau@example.com"),
    ("Léa Fontaine", "lea.fontaine@example.fr"),
];

const SUMMARIES: &[&str] = &[
    "Petit-déjeuner BNI Montpellier",
    "Déjeuner avec un client",
    "Apéro Freelances Montpellier",
    "Visio de suivi",
    "Café réseau — Femmes Chefs d'Entreprise",
    "Atelier CPME Hérault",
    "Rendez-vous prospect",
];

fn main() -> ExitCode {
    let mut megabytes = 1.0_f64;
    let mut seed = 42_u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_default();
        match (arg.as_str(), value.parse::<f64>()) {
            ("--megabytes", Ok(n)) if n > 0.0 => megabytes = n,
            ("--seed", Ok(n)) if n >= 0.0 => seed = n as u64,
            _ => {
                eprintln!("usage: generate_ics [--megabytes N] [--seed N] > FILE.ics");
                return ExitCode::from(2);
            }
        }
    }
    let target = (megabytes * 1024.0 * 1024.0) as usize;
    match write(&mut BufWriter::new(io::stdout().lock()), target, seed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Where the calendar goes, and how many bytes went there.
struct Out<W> {
    to: W,
    written: usize,
}

/// Writes `text` as content lines folded at 75 octets, as RFC 5545 asks (a fold may cut a
/// character, as calendar programs do).
fn line<W: Write>(out: &mut Out<W>, text: &str) -> io::Result<()> {
    let mut first = true;
    let mut rest = text.as_bytes();
    while !rest.is_empty() {
        let room = if first { 75 } else { 74 };
        let (head, tail) = rest.split_at(room.min(rest.len()));
        if !first {
            out.to.write_all(b" ")?;
            out.written += 1;
        }
        out.to.write_all(head)?;
        out.to.write_all(b"\r\n")?;
        out.written += head.len() + 2;
        rest = tail;
        first = false;
    }
    Ok(())
}

fn write(to: &mut impl Write, target: usize, seed: u64) -> io::Result<()> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let out = &mut Out { to, written: 0 };
    for text in [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:claire.petit.design@example.com",
        "X-WR-TIMEZONE:Europe/Paris",
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Paris",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ] {
        line(out, text)?;
    }
    let mut n = 0_u64;
    let mut series_years = std::collections::HashSet::new();
    // Leave room for END:VCALENDAR.
    while out.written + 17 < target {
        n += 1;
        let day = FIRST + Days::new(rng.u64(0..DAYS));
        // One weekly breakfast series a year, with an exception and a moved occurrence.
        if series_years.insert(day.year()) {
            let year = day.year();
            let uid = format!("bni-{year}-{seed}@google.com");
            let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
            let tuesday = first
                + Days::new(u64::from(
                    (8 - first.weekday().number_from_monday()) % 7 + 1,
                ));
            let ymd = |d: NaiveDate| d.format("%Y%m%d").to_string();
            for text in [
                "BEGIN:VEVENT".to_string(),
                format!("DTSTART;TZID=Europe/Paris:{}T070000", ymd(tuesday)),
                format!("DTEND;TZID=Europe/Paris:{}T083000", ymd(tuesday)),
                "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=40".to_string(),
                format!(
                    "EXDATE;TZID=Europe/Paris:{}T070000",
                    ymd(tuesday + Days::new(14))
                ),
                "DTSTAMP:20250601T090000Z".to_string(),
                format!("UID:{uid}"),
                "ORGANIZER;CN=Paul Martin:mailto:paul.martin@example.com".to_string(),
                attendee(PEOPLE[1]),
                "SUMMARY:Petit-déjeuner BNI Montpellier".to_string(),
                "END:VEVENT".to_string(),
                "BEGIN:VEVENT".to_string(),
                format!(
                    "DTSTART;TZID=Europe/Paris:{}T073000",
                    ymd(tuesday + Days::new(22))
                ),
                format!(
                    "DTEND;TZID=Europe/Paris:{}T090000",
                    ymd(tuesday + Days::new(22))
                ),
                format!(
                    "RECURRENCE-ID;TZID=Europe/Paris:{}T070000",
                    ymd(tuesday + Days::new(21))
                ),
                "DTSTAMP:20250601T090000Z".to_string(),
                format!("UID:{uid}"),
                "SEQUENCE:1".to_string(),
                "SUMMARY:Petit-déjeuner BNI Montpellier (décalé au mercredi)".to_string(),
                "END:VEVENT".to_string(),
            ] {
                line(out, &text)?;
            }
        }
        let ymd = day.format("%Y%m%d");
        let kind = rng.u8(0..20);
        line(out, "BEGIN:VEVENT")?;
        match kind {
            0 => {
                line(out, &format!("DTSTART;VALUE=DATE:{ymd}"))?;
                let next = (day + Days::new(1)).format("%Y%m%d");
                line(out, &format!("DTEND;VALUE=DATE:{next}"))?;
            }
            1..=6 => {
                let hour = rng.u8(6..18);
                line(out, &format!("DTSTART:{ymd}T{hour:02}3000Z"))?;
                line(out, &format!("DTEND:{ymd}T{:02}0000Z", hour + 1))?;
            }
            7 => {
                let hour = rng.u8(8..18);
                line(
                    out,
                    &format!("DTSTART;TZID=Europe/Paris:{ymd}T{hour:02}0000"),
                )?;
                line(out, &format!("DURATION:PT{}M", 15 * rng.u8(1..8)))?;
            }
            _ => {
                let hour = rng.u8(7..20);
                line(
                    out,
                    &format!("DTSTART;TZID=Europe/Paris:{ymd}T{hour:02}0000"),
                )?;
                line(
                    out,
                    &format!("DTEND;TZID=Europe/Paris:{ymd}T{:02}3000", hour + 1),
                )?;
            }
        }
        line(out, "DTSTAMP:20250601T090000Z")?;
        line(out, &format!("UID:{n:08x}-{:016x}@google.com", rng.u64(..)))?;
        let organizer = PEOPLE[rng.usize(0..PEOPLE.len())];
        line(
            out,
            &format!("ORGANIZER;CN={}:mailto:{}", organizer.0, organizer.1),
        )?;
        for _ in 0..rng.usize(1..4) {
            line(out, &attendee(PEOPLE[rng.usize(0..PEOPLE.len())]))?;
        }
        if rng.u8(0..10) == 0 {
            line(
                out,
                "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;CN=claire\
                 .petit.design@example.com:mailto:claire.petit.design@example.com",
            )?;
        }
        line(
            out,
            &format!(
                "DESCRIPTION:Ordre du jour : présentations de 60 secondes\\, une présentation \
                 de 10 minutes\\, recommandations.\\nRéunion n°{n}\\, salle {}. Merci \
                 d'arriver cinq minutes en avance : le petit-déjeuner est servi à l'heure\\, \
                 et chacun présente son activité à tour de rôle.",
                rng.u16(1..400)
            ),
        )?;
        line(out, "LOCATION:Brasserie du Corum\\, Montpellier")?;
        if rng.u8(0..40) == 0 {
            line(out, "STATUS:CANCELLED")?;
        } else {
            line(out, "STATUS:CONFIRMED")?;
        }
        line(
            out,
            &format!("SUMMARY:{}", SUMMARIES[rng.usize(0..SUMMARIES.len())]),
        )?;
        line(out, "TRANSP:OPAQUE")?;
        line(out, "END:VEVENT")?;
    }
    line(out, "END:VCALENDAR")?;
    out.to.flush()
}

fn attendee((name, email): (&str, &str)) -> String {
    format!(
        "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN={name};\
         X-NUM-GUESTS=0:mailto:{email}"
    )
}
