//! `import ics FILE [--network N] [--match TEXT] [--format F] [--since D] [--until D] [--me E]`:
//! meetings from a calendar (`tests/fixtures/events.ics`, a Google Calendar export: a weekly
//! breakfast with an exception and a moved occurrence, a lunch in UTC, an all-day fair, an
//! evening without an end, a call with a DURATION, a cancelled event, an event the user
//! declined, and one after today).

use std::fs;
use std::process::Stdio;

use rexpect::process::WaitStatus;
use rexpect::session::spawn_command;
use serde_json::{Value, json};

use crate::common::TestEnv;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/events.ics");

fn fixture() -> String {
    fs::read_to_string(FIXTURE).expect("the events.ics fixture")
}

fn with_file(env: &TestEnv, name: &str, bytes: &[u8]) {
    fs::write(env.path(name), bytes).expect("write the file to import");
}

/// Every meeting as `date format minutes network [met…] notes`, in order.
fn meetings(env: &TestEnv) -> Vec<String> {
    env.list_json("meetings", &[])
        .iter()
        .map(|m| {
            let met: Vec<&str> = m["contacts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect();
            let notes = m["notes"].as_str().unwrap_or("");
            format!(
                "{} {} {} {} [{}] {}",
                m["date"].as_str().unwrap(),
                m["format"].as_str().unwrap(),
                m["minutes"],
                m["network"].as_str().unwrap_or("-"),
                met.join(", "),
                notes.lines().next().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn every_event_up_to_today_becomes_a_meeting() {
    let env = TestEnv::new();
    with_file(&env, "events.ics", fixture().as_bytes());
    env.run(["import", "ics", "events.ics"])
        .success()
        .stdout_is(
            "Imported events.ics (up to 2024-06-15): 7 meetings added, 0 updated, 0 already in the journal.\n\
         Left out: 1 cancelled, 1 declined, 1 event outside the period.\n\
         Added contact `Paul Martin`.\n\
         Added contact `Sophie Durand`.\n\
         Added contact `Julie Bernard`.\n\
         Added contact `Marc Leroy`.\n\
         Added contact `Roux, Anne`.\n\
         Added contact `Zoë O'Brien`.\n",
        );
    assert_eq!(
        meetings(&env),
        [
            // A weekly breakfast: the 20th is an exception, the 13th moved to the 14th.
            "2024-02-06 event 90 - [Paul Martin, Sophie Durand] Petit-déjeuner BNI Montpellier",
            "2024-02-14 event 90 - [Paul Martin, Sophie Durand] Petit-déjeuner BNI Montpellier \
             (décalé au mercredi)",
            "2024-02-27 event 90 - [Paul Martin, Sophie Durand] Petit-déjeuner BNI Montpellier",
            "2024-03-12 event 90 - [Julie Bernard] Déjeuner avec Julie Bernard",
            // All day: no minutes.
            "2024-04-04 event null - [] Salon des Entrepreneurs — Montpellier",
            // No end: no minutes; an address without a name, a declined guest: no contact.
            "2024-04-18 event null - [Marc Leroy, Roux, Anne] Apéro Freelances Montpellier",
            "2024-05-14 event 45 - [Marc Leroy, Zoë O'Brien] Visio Freelances Montpellier",
        ]
    );
    let breakfast = &env.list_json("meetings", &[])[0];
    assert_eq!(
        breakfast["notes"],
        "Petit-déjeuner BNI Montpellier\n\nPetit-déjeuner hebdomadaire du chapitre.\n\
         Ordre du jour : présentations de 60 secondes, une présentation de 10 minutes, \
         recommandations."
    );
    // The calendar's owner (named after her address) is not her own contact, nor is the room.
    let names: Vec<Value> = env
        .list_json("contacts", &[])
        .iter()
        .map(|c| c["name"].clone())
        .collect();
    assert_eq!(names.len(), 6, "{names:?}");
    let paul = env.row_named("contacts", "Paul Martin");
    assert_eq!(paul["email"], "paul.martin@example.com");
    assert_eq!(paul["added_on"], "2024-02-06");
    assert_eq!(paul["meetings"], 3);
}

#[test]
fn importing_the_same_file_again_changes_nothing() {
    let env = TestEnv::with_journal();
    with_file(&env, "events.ics", fixture().as_bytes());
    env.run(["import", "ics", "events.ics"]).success();
    let bytes = env.bytes();
    let dump = env.dump();
    env.run(["import", "ics", "events.ics"])
        .success()
        .stdout_is(
            "Imported events.ics (up to 2024-06-15): 0 meetings added, 0 updated, 7 already in the journal.\n\
         Left out: 1 cancelled, 1 declined, 1 event outside the period.\n",
        );
    assert_eq!(
        env.dump(),
        dump,
        "a second import changed the journal's rows"
    );
    assert!(
        env.bytes() == bytes,
        "a second import changed the journal's bytes"
    );
    // A wider period later brings in only what is new.
    env.run(["import", "ics", "events.ics", "--until", "2024-07"])
        .success()
        .stdout_contains("1 meeting added, 0 updated, 7 already in the journal.");
}

#[test]
fn a_journal_merged_elsewhere_knows_the_meetings_it_imported() {
    // Imported on the laptop, exported, merged into the phone's journal: the calendar
    // imported again on the phone finds its meetings there.
    let laptop = TestEnv::new();
    with_file(&laptop, "events.ics", fixture().as_bytes());
    laptop.run(["import", "ics", "events.ics"]).success();
    let exported = laptop.path("journal.json");
    // (`export --output` says where it wrote on stderr.)
    laptop
        .run([
            "export".into(),
            "--output".into(),
            exported.clone().into_os_string(),
        ])
        .exit(0);
    let phone = TestEnv::new();
    phone
        .run(["import".into(), exported.into_os_string()])
        .success();
    with_file(&phone, "events.ics", fixture().as_bytes());
    phone
        .run(["import", "ics", "events.ics"])
        .success()
        .stdout_contains("0 meetings added, 0 updated, 7 already in the journal.");
}

#[test]
fn the_people_invited_are_the_contacts_the_journal_knows() {
    // The story journal knows Paul Martin and Sophie Durand by name, Julie Bernard by e-mail.
    let env = TestEnv::with_journal();
    let contacts = env.list_json("contacts", &[]).len();
    with_file(&env, "events.ics", fixture().as_bytes());
    env.run(["import", "ics", "events.ics"])
        .success()
        .stdout_contains("7 meetings added")
        .stdout_contains("Added contact `Roux, Anne`.\nAdded contact `Zoë O'Brien`.\n")
        .stdout_lacks("`Paul Martin`")
        .stdout_lacks("`Julie Bernard`");
    assert_eq!(env.list_json("contacts", &[]).len(), contacts + 2);
    assert_eq!(env.row_named("contacts", "Paul Martin")["meetings"], 4);
    assert_eq!(env.row_named("contacts", "Julie Bernard")["meetings"], 1);
}

#[test]
fn match_format_network_and_period_choose_what_comes_in() {
    let env = TestEnv::with_journal();
    with_file(&env, "events.ics", fixture().as_bytes());
    let before = env.list_json("meetings", &[]).len();
    env.run([
        "import",
        "ics",
        "events.ics",
        "--match",
        "petit-DÉJEUNER bni",
        "--format",
        "breakfast",
        "--network",
        "bni montpellier",
        "--since",
        "2024-02-10",
    ])
    .success()
    .stdout_is(
        "Imported events.ics (from 2024-02-10 to 2024-06-15): 2 meetings added, 0 updated, 0 already in \
         the journal.\n\
         Left out: 1 cancelled, 1 declined, 4 not matching `petit-DÉJEUNER bni`, 1 event \
         outside the period.\n",
    );
    assert_eq!(env.list_json("meetings", &[]).len(), before + 2);
    let added = env.list_json(
        "meetings",
        &["--network", "BNI Montpellier", "--since", "2024-02-10"],
    );
    assert_eq!(
        added
            .iter()
            .map(|m| json!([m["date"], m["format"], m["network"], m["in_person"]]))
            .collect::<Vec<_>>(),
        [
            json!(["2024-02-14", "breakfast", "BNI Montpellier", true]),
            json!(["2024-02-27", "breakfast", "BNI Montpellier", true]),
        ]
    );
    // Then the rest, as events with no network: the breakfasts already in stay as they are.
    env.run(["import", "ics", "events.ics"])
        .success()
        .stdout_contains("5 meetings added, 0 updated, 2 already in the journal.");
}

#[test]
fn me_names_the_user_whatever_the_calendar_is_called() {
    let env = TestEnv::new();
    let renamed = fixture().replace(
        "X-WR-CALNAME:claire.petit.design@example.com",
        "X-WR-CALNAME:Travail",
    );
    with_file(&env, "events.ics", renamed.as_bytes());
    env.run([
        "import",
        "ics",
        "events.ics",
        "--me",
        "Claire.Petit.Design@example.com",
    ])
    .success()
    .stdout_contains("Left out: 1 cancelled, 1 declined, 1 event outside the period.\n")
    .stdout_lacks("claire.petit");
}

/// The fixture with its line `from` (exactly) replaced by `to`.
fn fixture_with(from: &str, to: &str) -> Vec<u8> {
    let text = fixture();
    assert!(text.contains(from), "the fixture has no {from:?}");
    text.replacen(from, to, 1).into_bytes()
}

#[test]
fn bad_files_are_refused_whole_with_the_place_named() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "journal.json",
            br#"{"format": "netjournal-export", "networks": []}"#.to_vec(),
            "error: journal.json:1: not an iCalendar file: expected it to start with \
             BEGIN:VCALENDAR",
        ),
        (
            "Connections.csv",
            b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n".to_vec(),
            "error: Connections.csv:1: not an iCalendar file",
        ),
        (
            "events.ics",
            fixture_with(
                "SUMMARY:Apéro Freelances Montpellier\r\n",
                "SUMMARY:Apéro Freelances\r\nMontpellier\r\n",
            ),
            "error: events.ics:94: `Montpellier` is not an iCalendar line: expected NAME:VALUE",
        ),
        (
            "events.ics",
            fixture_with(
                "SUMMARY:Déjeuner avec Julie Bernard\r\nEND:VEVENT",
                "SUMMARY:Déjeuner avec Julie Bernard\r\nEND:VTODO",
            ),
            "error: events.ics:75: END:VTODO while BEGIN:VEVENT of line 67 is open: expected \
             END:VEVENT",
        ),
        (
            "events.ics",
            fixture_with(
                "END:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART:20240312",
                "BEGIN:VEVENT\r\nDTSTART:20240312",
            ),
            "error: events.ics:66: BEGIN:VEVENT inside BEGIN:VEVENT",
        ),
        (
            "events.ics",
            fixture_with("DTSTART:20240514T080000Z\r\n", ""),
            "error: events.ics:95: event 6 (UID visio-freelances-mai@example.org): no DTSTART",
        ),
        (
            "events.ics",
            fixture_with("UID:salon-entrepreneurs-2024@example.org\r\n", ""),
            "error: events.ics:76: event 4: no UID",
        ),
        (
            "events.ics",
            fixture_with("DURATION:PT45M", "DURATION:45 minutes"),
            "error: events.ics:95: event 6 (UID visio-freelances-mai@example.org): DURATION \
             `45 minutes` is not a duration",
        ),
        (
            "events.ics",
            fixture_with("DTEND:20240312T130000Z", "DTEND:20240312T100000Z"),
            "error: events.ics:67: event 3 (UID 0f4e2a1c-lunch-julie@example.com): it ends \
             before it starts",
        ),
        (
            "events.ics",
            fixture_with(
                "DTSTART;VALUE=DATE:20240404",
                "DTSTART;VALUE=DATE:2024-04-04",
            ),
            "error: events.ics:76: event 4 (UID salon-entrepreneurs-2024@example.org): \
             DTSTART `2024-04-04` is not an iCalendar date or time",
        ),
        (
            "events.ics",
            fixture_with("FREQ=WEEKLY;BYDAY=TU;", "FREQ=BIWEEKLY;BYDAY=TU;"),
            "error: events.ics:26: event 1 (UID 7kq3bni0breakfast2024@google.com): RRULE \
             `FREQ=BIWEEKLY;BYDAY=TU;UNTIL=20240227T060000Z`: `BIWEEKLY` is not a valid \
             frequency",
        ),
        (
            "events.ics",
            [
                &fixture().as_bytes()[..200],
                b"\xff",
                &fixture().as_bytes()[200..],
            ]
            .concat(),
            "error: events.ics:8: the text is not UTF-8",
        ),
        (
            "events.ics",
            fixture().replace("END:VCALENDAR\r\n", "").into_bytes(),
            "error: events.ics:1: BEGIN:VCALENDAR is never closed",
        ),
    ];
    for (name, bytes, message) in cases {
        for env in [TestEnv::new(), TestEnv::with_journal()] {
            with_file(&env, name, &bytes);
            env.rejects(["import", "ics", name], message);
        }
    }
}

#[test]
fn bad_options_are_refused() {
    let env = TestEnv::with_journal();
    with_file(&env, "events.ics", fixture().as_bytes());
    env.rejects(
        ["import", "ics", "calendar.ics"],
        "error: cannot read `calendar.ics`: no such file",
    );
    env.rejects(
        ["import", "ics", "events.ics", "--network", "BNI Montpelier"],
        "no network named `BNI Montpelier`",
    );
    env.rejects(
        ["import", "ics", "events.ics", "--since", "2024-07-01"],
        "--since 2024-07-01 is after --until 2024-06-15",
    );
    env.rejects(
        ["import", "ics", "events.ics", "--format", "brunch"],
        "brunch",
    );
    env.rejects(
        ["import", "ics", "events.ics", "--me", "claire"],
        "`claire` is not an e-mail address",
    );
}

#[test]
fn a_progress_bar_shows_on_a_terminal_only() {
    // A daily stand-up since 2017: 2,500 meetings.
    let calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n\
                    UID:standup@example.org\r\nDTSTART:20170101T080000Z\r\n\
                    DTEND:20170101T081500Z\r\nSUMMARY:Stand-up\r\nRRULE:FREQ=DAILY;COUNT=2500\r\n\
                    END:VEVENT\r\nEND:VCALENDAR\r\n";
    // Piped: no bar (`success` wants nothing on stderr).
    let env = TestEnv::new();
    with_file(&env, "standup.ics", calendar.as_bytes());
    env.run(["import", "ics", "standup.ics"])
        .success()
        .stdout_contains("2500 meetings added");

    let other = TestEnv::new();
    with_file(&other, "standup.ics", calendar.as_bytes());
    let mut command = other.spawnable(["import", "ics", "standup.ics"]);
    command
        .stdin(Stdio::inherit())
        .stdout(Stdio::inherit())
        .stderr(Stdio::inherit())
        .env("TERM", "xterm");
    let mut session = spawn_command(command, Some(30_000)).expect("start in a pty");
    let printed = session.exp_eof().expect("the end");
    let status = session.process().wait();
    assert!(
        matches!(status, Ok(WaitStatus::Exited(_, 0))),
        "{status:?}: {printed}"
    );
    assert!(printed.contains("Importing ["), "{printed}");
    assert!(printed.contains("/2500 rows ("), "{printed}");
    assert!(printed.contains("2500 meetings added"), "{printed}");
}
