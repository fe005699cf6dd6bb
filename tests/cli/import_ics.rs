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

/// A calendar of `body` (events written with `\n`), in CRLF lines as programs write.
fn calendar(body: &str) -> String {
    format!("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n{body}END:VCALENDAR\n")
        .replace('\n', "\r\n")
}

/// A weekly breakfast of 15 occurrences from 2024-01-02, at `start` to `end` (Paris time), its
/// third occurrence moved to the Wednesday at the same hours.
fn weekly(start: &str, end: &str, sequence: u32) -> String {
    calendar(&format!(
        "BEGIN:VEVENT\nUID:bni-weekly@example.com\nSEQUENCE:{sequence}\n\
         DTSTART;TZID=Europe/Paris:20240102T{start}00\nDTEND;TZID=Europe/Paris:20240102T{end}00\n\
         RRULE:FREQ=WEEKLY;COUNT=15\nSUMMARY:Petit-déjeuner BNI\n\
         ATTENDEE;CN=Paul Martin:mailto:paul@example.com\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:bni-weekly@example.com\nSEQUENCE:{sequence}\n\
         RECURRENCE-ID;TZID=Europe/Paris:20240116T{start}00\n\
         DTSTART;TZID=Europe/Paris:20240117T{start}00\nDTEND;TZID=Europe/Paris:20240117T{end}00\n\
         SUMMARY:Petit-déjeuner BNI (mercredi)\nEND:VEVENT\n"
    ))
}

/// The meetings as `date minutes`, in order.
fn dates_and_minutes(env: &TestEnv) -> Vec<String> {
    env.list_json("meetings", &[])
        .iter()
        .map(|m| format!("{} {}", m["date"].as_str().unwrap(), m["minutes"]))
        .collect()
}

#[test]
fn a_series_moved_to_another_time_updates_its_meetings_instead_of_doubling_them() {
    let env = TestEnv::new();
    with_file(&env, "cal.ics", weekly("0700", "0830", 0).as_bytes());
    env.run(["import", "ics", "cal.ics"])
        .success()
        .stdout_contains("15 meetings added, 0 updated, 0 already in the journal.");
    let before = dates_and_minutes(&env);
    assert_eq!(before.len(), 15);
    assert!(before.contains(&"2024-01-17 90".to_string()), "{before:?}");
    env.sql()
        .execute("UPDATE meetings SET rating = 4, notes = 'mine'", [])
        .unwrap();

    // Moved from 7:00 to 7:30, the same length: the same 15 meetings, at their new time.
    with_file(&env, "cal.ics", weekly("0730", "0900", 1).as_bytes());
    env.run(["import", "ics", "cal.ics"])
        .success()
        .stdout_contains("0 meetings added, 15 updated, 0 already in the journal.");
    let meetings = env.list_json("meetings", &[]);
    assert_eq!(meetings.len(), 15);
    assert!(
        meetings
            .iter()
            .all(|m| m["start_time"] == "07:30" && m["minutes"] == 90),
        "{meetings:?}"
    );
    // The same file again: nothing to change.
    let dump = env.dump();
    env.run(["import", "ics", "cal.ics"])
        .success()
        .stdout_contains("0 meetings added, 0 updated, 15 already in the journal.");
    assert_eq!(env.dump(), dump);

    // Then shortened to an hour: the same 15 meetings, updated; what the user added stays.
    with_file(&env, "cal.ics", weekly("0730", "0830", 2).as_bytes());
    env.run(["import", "ics", "cal.ics"])
        .success()
        .stdout_contains("0 meetings added, 15 updated, 0 already in the journal.");
    let after = dates_and_minutes(&env);
    assert_eq!(after.len(), 15);
    assert!(after.iter().all(|m| m.ends_with(" 60")), "{after:?}");
    let meetings = env.list_json("meetings", &[]);
    assert!(
        meetings
            .iter()
            .all(|m| m["rating"] == 4 && m["notes"] == "mine"),
        "{meetings:?}"
    );

    // The moved occurrence moved again, to the Thursday: its meeting follows.
    let thursday = weekly("0730", "0830", 3).replace(
        "DTSTART;TZID=Europe/Paris:20240117T073000\r\nDTEND;TZID=Europe/Paris:20240117T",
        "DTSTART;TZID=Europe/Paris:20240118T073000\r\nDTEND;TZID=Europe/Paris:20240118T",
    );
    with_file(&env, "cal.ics", thursday.as_bytes());
    env.run(["import", "ics", "cal.ics"])
        .success()
        .stdout_contains("0 meetings added, 1 updated, 14 already in the journal.");
    let dates = dates_and_minutes(&env);
    assert!(dates.contains(&"2024-01-18 60".to_string()), "{dates:?}");
    assert!(!dates.contains(&"2024-01-17 60".to_string()), "{dates:?}");
}

#[test]
fn meetings_imported_by_an_earlier_version_are_found_again() {
    // Earlier versions named a series' occurrence by its start time: a journal they filled
    // holds those uuids. Made here by renaming the meetings as they did.
    const CALENDAR_EVENTS: uuid::Uuid =
        uuid::Uuid::from_u128(0x7ad2_75c8_0ea2_4542_b9c2_977d_4fa7_4e3f);
    let old = |key: &str| {
        let name = format!("bni-weekly@example.com\n{key}");
        uuid::Uuid::new_v5(&CALENDAR_EVENTS, name.as_bytes()).to_string()
    };
    let env = TestEnv::new();
    with_file(&env, "cal.ics", weekly("0700", "0830", 0).as_bytes());
    env.run(["import", "ics", "cal.ics"]).success();
    let conn = env.sql();
    let mut renamed = Vec::new();
    for meeting in env.list_json("meetings", &[]) {
        let date = meeting["date"].as_str().unwrap();
        // The moved occurrence was named after the one it replaced, the Tuesday before.
        let planned = if date == "2024-01-17" {
            "2024-01-16"
        } else {
            date
        };
        let uuid = old(&format!("{planned}T07:00:00"));
        conn.execute(
            "UPDATE meetings SET uuid = ?1 WHERE id = ?2",
            rusqlite::params![uuid, meeting["id"].as_i64().unwrap()],
        )
        .unwrap();
        renamed.push(uuid);
    }
    drop(conn);

    // The same calendar: found at the time the file gives.
    env.run(["import", "ics", "cal.ics"])
        .success()
        .stdout_contains("0 meetings added, 0 updated, 15 already in the journal.");
    // Moved to 7:30 since: found at the time they had, and they keep their uuids.
    with_file(&env, "cal.ics", weekly("0730", "0830", 1).as_bytes());
    env.run(["import", "ics", "cal.ics"])
        .success()
        .stdout_contains("0 meetings added, 15 updated, 0 already in the journal.");
    let mut uuids: Vec<String> = env
        .list_json("meetings", &[])
        .iter()
        .map(|m| m["uuid"].as_str().unwrap().to_string())
        .collect();
    uuids.sort();
    renamed.sort();
    assert_eq!(uuids, renamed);
}

#[test]
fn hostile_values_are_refused_with_the_event_and_its_line() {
    let event = |lines: &str| {
        calendar(&format!(
            "BEGIN:VEVENT\nUID:ok@example.com\nDTSTART:20240305T070000Z\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:bad@example.com\n{lines}END:VEVENT\n"
        ))
    };
    let place = "error: cal.ics:8: event 2 (UID bad@example.com): ";
    let cases = [
        (
            "DTSTART:20240305T070000Z\nDURATION:P99999999999W\n",
            "DURATION `P99999999999W` ends after 2100: expected an event within the years 1900 \
             to 2100",
        ),
        (
            "DTSTART:20240305T070000Z\nDURATION:PT9999999999999H\n",
            "DURATION `PT9999999999999H` ends after 2100",
        ),
        (
            "DTSTART:20240305T070000Z\nDURATION:P4294967295W\n",
            "DURATION `P4294967295W` ends after 2100: expected an event within the years 1900 \
             to 2100",
        ),
        (
            "DTSTART:00010101T070000Z\nRRULE:FREQ=YEARLY\n",
            "DTSTART 0001-01-01 is outside the years 1900 to 2100",
        ),
        (
            "DTSTART;VALUE=DATE:99991231\n",
            "DTSTART 9999-12-31 is outside the years 1900 to 2100",
        ),
        (
            "DTSTART:20240305T070000Z\nEXDATE:18000101T070000Z\n",
            "EXDATE 1800-01-01 is outside the years 1900 to 2100",
        ),
        (
            "DTSTART:20240305T070000Z\nRRULE:FREQ=SECONDLY;COUNT=5000\n",
            "more than 24 occurrences on 2024-03-05: expected at most 24 meetings a day from \
             one event",
        ),
        (
            "DTSTART:20240305T070000Z\nRRULE:FREQ=MINUTELY\n",
            "more than 24 occurrences on 2024-03-05",
        ),
        (
            "DTSTART:20240305T070000Z\nRRULE:FREQ=DAILY;COUNT=99999999999\n",
            "RRULE `FREQ=DAILY;COUNT=99999999999`",
        ),
        (
            "DTSTART:20240305T070000Z\nRRULE:FREQ=DAILY;UNTIL=2024030\n",
            "RRULE `FREQ=DAILY;UNTIL=2024030`: UNTIL `2024030` is not a date or a time",
        ),
    ];
    for (lines, message) in cases {
        for env in [TestEnv::new(), TestEnv::with_journal()] {
            with_file(&env, "cal.ics", event(lines).as_bytes());
            env.rejects(["import", "ics", "cal.ics"], &format!("{place}{message}"));
        }
    }
    // An UNTIL in year 9999 is read as no end: the period stops the series.
    let env = TestEnv::new();
    with_file(
        &env,
        "cal.ics",
        event("DTSTART:20240305T070000Z\nRRULE:FREQ=MONTHLY;UNTIL=99991231T000000Z\n").as_bytes(),
    );
    env.run(["import", "ics", "cal.ics"])
        .success()
        .stdout_contains("5 meetings added");
}

#[test]
fn files_as_calendar_programs_really_write_them_are_read() {
    let env = TestEnv::new();
    // Two calendars in one file (two exports put together): the series in the first, its
    // moved occurrence in the second; a single event twice, the same; another twice, changed
    // (the newer SEQUENCE wins); an occurrence of the series exported on its own, without
    // RECURRENCE-ID; an `é` cut by a fold; an X- part in a rule.
    let first = calendar(
        "X-WR-TIMEZONE:Europe/Paris\n\
         BEGIN:VEVENT\nUID:series@example.com\nDTSTART;TZID=Europe/Paris:20240102T070000\n\
         DTEND;TZID=Europe/Paris:20240102T083000\n\
         RRULE:FREQ=WEEKLY;X-EVOLUTION-ENDDATE=20240123T060000Z;COUNT=4\n\
         SUMMARY:Petit-d\u{e9}jeuner\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:lunch@example.com\nDTSTART:20240110T113000Z\nDTEND:20240110T130000Z\n\
         SUMMARY:Déjeuner\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:call@example.com\nSEQUENCE:0\nDTSTART:20240111T090000Z\n\
         DTEND:20240111T093000Z\nSUMMARY:Appel\nEND:VEVENT\n",
    );
    let second = calendar(
        "BEGIN:VEVENT\nUID:series@example.com\n\
         RECURRENCE-ID;TZID=Europe/Paris:20240109T070000\n\
         DTSTART;TZID=Europe/Paris:20240110T070000\nDTEND;TZID=Europe/Paris:20240110T080000\n\
         SUMMARY:Petit-déjeuner (mercredi)\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:series@example.com\nDTSTART;TZID=Europe/Paris:20240116T070000\n\
         DTEND;TZID=Europe/Paris:20240116T074500\nSUMMARY:Petit-déjeuner (court)\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:lunch@example.com\nDTSTART:20240110T113000Z\nDTEND:20240110T130000Z\n\
         SUMMARY:Déjeuner\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:call@example.com\nSEQUENCE:1\nDTSTART:20240111T100000Z\n\
         DTEND:20240111T110000Z\nSUMMARY:Appel (décalé)\nEND:VEVENT\n",
    );
    // The `é` of "Petit-déjeuner" (C3 A9) cut between two lines.
    let mut bytes = first.into_bytes();
    let cut = bytes
        .windows(2)
        .position(|w| w == [0xC3, 0xA9])
        .expect("an é");
    bytes.splice(cut + 1..cut + 1, b"\r\n ".iter().copied());
    bytes.extend_from_slice(second.as_bytes());
    with_file(&env, "cal.ics", &bytes);
    env.run(["import", "ics", "cal.ics"])
        .exit(0)
        .stdout_is(
            "Imported cal.ics (up to 2024-06-15): 6 meetings added, 0 updated, 0 already in the \
             journal.\n",
        )
        .stderr_is(
            "warning: cal.ics:5: event 1 (UID series@example.com): RRULE part \
             `X-EVOLUTION-ENDDATE=20240123T060000Z` ignored: it is a calendar program's own \
             extension\n\
             warning: cal.ics:19: event 3 (UID call@example.com): an older copy of event 7 \
             (line 49): left out, the newer one is imported\n",
        );
    assert_eq!(
        meetings(&env),
        [
            "2024-01-02 event 90 - [] Petit-déjeuner",
            "2024-01-10 event 90 - [] Déjeuner",
            "2024-01-10 event 60 - [] Petit-déjeuner (mercredi)",
            "2024-01-11 event 60 - [] Appel (décalé)",
            "2024-01-16 event 45 - [] Petit-déjeuner (court)",
            "2024-01-23 event 90 - [] Petit-déjeuner",
        ]
    );
}

#[test]
fn invitees_whose_names_the_journal_refuses_are_left_out_with_a_warning() {
    let env = TestEnv::new();
    let file = calendar(
        "BEGIN:VEVENT\nUID:a@example.com\nDTSTART:20240305T070000Z\n\
         ATTENDEE;CN=Paul \u{202E}nitraM:mailto:paul@example.com\n\
         ATTENDEE;CN=\u{200B}\u{200B}:mailto:ghost@example.com\n\
         ATTENDEE;CN=Anne Roux:mailto:anne@example.com\nEND:VEVENT\n",
    );
    with_file(&env, "cal.ics", file.as_bytes());
    env.run(["import", "ics", "cal.ics"])
        .exit(0)
        .stdout_contains("1 meeting added")
        .stdout_contains("Added contact `Anne Roux`.\n")
        .stderr_contains(
            "warning: cal.ics:4: event 1 (UID a@example.com): the name \"Paul \\u{202e}nitraM\" \
             is left out: \"Paul \\u{202e}nitraM\" contains a character that reverses the \
             text's direction",
        )
        .stderr_contains(
            "the name \"\\u{200b}\\u{200b}\" is left out: \"\\u{200b}\\u{200b}\" has no \
             visible character",
        )
        .stderr_is_clean();
    assert_eq!(meetings(&env), ["2024-03-05 event null - [Anne Roux] "]);
}

#[test]
fn a_large_calendar_shows_its_reading_from_the_first_byte() {
    // 1.1 MB of events: a bar follows the bytes read, then the rows written.
    let mut body = String::new();
    let mut n = 0;
    while body.len() < 1_100_000 {
        n += 1;
        body.push_str(&format!(
            "BEGIN:VEVENT\nUID:e{n}@example.com\nDTSTART:20240305T070000Z\n\
             DESCRIPTION:{}\nEND:VEVENT\n",
            "x".repeat(300)
        ));
    }
    let env = TestEnv::new();
    with_file(&env, "big.ics", calendar(&body).as_bytes());
    let mut command = env.spawnable(["import", "ics", "big.ics"]);
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
    assert!(printed.contains("Reading ["), "{printed}");
    assert!(printed.contains(" MiB"), "{printed}");
    assert!(
        printed.contains(&format!("{n} meetings added")),
        "{printed}"
    );
}

#[test]
fn a_warning_said_for_every_series_is_said_twenty_times_then_counted() {
    let body: String = (1..=25)
        .map(|n| {
            format!(
                "BEGIN:VEVENT\nUID:s{n}\nDTSTART:20240305T070000Z\n\
                 RRULE:FREQ=WEEKLY;COUNT=2;X-EVOLUTION-ENDDATE=20240312T070000Z\nEND:VEVENT\n"
            )
        })
        .collect();
    let env = TestEnv::new();
    with_file(&env, "cal.ics", calendar(&body).as_bytes());
    let run = env.run(["import", "ics", "cal.ics"]);
    run.exit(0)
        .stdout_contains("50 meetings added")
        .stderr_contains("warning: 5 more warnings like these\n");
    assert_eq!(run.stderr().lines().count(), 21, "{}", run.stderr());
}

#[test]
fn meetings_take_their_start_time_from_the_calendar() {
    let env = TestEnv::new();
    let file = calendar(
        "BEGIN:VEVENT\nUID:paris@example.com\nDTSTART;TZID=Europe/Paris:20240305T073000\n\
         DTEND;TZID=Europe/Paris:20240305T090000\nSUMMARY:Breakfast\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:floating@example.com\nDTSTART:20240306T191500\n\
         DTEND:20240306T200000\nSUMMARY:Afterwork\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:allday@example.com\nDTSTART;VALUE=DATE:20240307\n\
         SUMMARY:Salon\nEND:VEVENT\n",
    );
    with_file(&env, "cal.ics", file.as_bytes());
    env.run(["import", "ics", "cal.ics"])
        .success()
        .stdout_contains("3 meetings added, 0 updated, 0 already in the journal.");
    let starts = |env: &TestEnv| -> Vec<String> {
        env.list_json("meetings", &[])
            .iter()
            .map(|m| {
                format!(
                    "{} {} {}",
                    m["date"].as_str().unwrap(),
                    m["start_time"],
                    m["minutes"]
                )
            })
            .collect()
    };
    assert_eq!(
        starts(&env),
        [
            "2024-03-05 \"07:30\" 90",
            "2024-03-06 \"19:15\" 45",
            "2024-03-07 null null"
        ]
    );

    // A meeting imported before the journal kept start times takes the calendar's, which is no
    // change to report; one whose time the calendar moved is updated.
    env.sql()
        .execute("UPDATE meetings SET start_time = NULL", [])
        .unwrap();
    env.run(["import", "ics", "cal.ics"])
        .success()
        .stdout_contains("0 meetings added, 0 updated, 3 already in the journal.");
    assert_eq!(
        starts(&env),
        [
            "2024-03-05 \"07:30\" 90",
            "2024-03-06 \"19:15\" 45",
            "2024-03-07 null null"
        ]
    );
    let moved = file.replace("20240305T073000", "20240305T080000");
    with_file(&env, "cal.ics", moved.as_bytes());
    env.run(["import", "ics", "cal.ics"])
        .success()
        .stdout_contains("0 meetings added, 1 updated, 2 already in the journal.");
    assert_eq!(starts(&env)[0], "2024-03-05 \"08:00\" 60");
}
