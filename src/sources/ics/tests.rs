use super::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn options(since: Option<&str>, until: &str) -> Options<'static> {
    Options {
        since: since.map(day),
        until: day(until),
        matching: None,
        me: &[],
        offset: FixedOffset::east_opt(0).unwrap(),
    }
}

/// A calendar around `body` (events written with `\n`), in CRLF lines as programs write.
fn calendar(body: &str) -> Vec<u8> {
    format!("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n{body}END:VCALENDAR\n")
        .replace('\n', "\r\n")
        .into_bytes()
}

/// The occurrences and the tally of `bytes`, or why they are refused.
fn read_bytes(bytes: &[u8], options: &Options) -> Result<Calendar, Error> {
    read(bytes, "t.ics", options, &mut |_| {})
}

fn read_ok(body: &str, options: &Options) -> (Vec<Occurrence>, Tally) {
    let calendar = read_bytes(&calendar(body), options).unwrap();
    (calendar.occurrences, calendar.tally)
}

/// Each occurrence as `date recurrence minutes`.
fn lines(occurrences: &[Occurrence]) -> Vec<String> {
    occurrences
        .iter()
        .map(|o| {
            let minutes = o.minutes.map_or("-".to_string(), |m| m.to_string());
            format!("{} {} {minutes}", o.date, o.recurrence)
        })
        .collect()
}

#[test]
fn single_events_with_and_without_an_end() {
    let body = "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=Europe/Paris:20240305T070000\n\
                DTEND;TZID=Europe/Paris:20240305T083000\nSUMMARY:Breakfast\\, BNI\n\
                DESCRIPTION:one croissant\\nmany cards\nEND:VEVENT\n\
                BEGIN:VEVENT\nUID:b\nDTSTART;VALUE=DATE:20240310\nDTEND;VALUE=DATE:20240311\n\
                SUMMARY:Salon des entrepreneurs\nEND:VEVENT\n\
                BEGIN:VEVENT\nUID:c\nDTSTART:20240312T120000Z\nSUMMARY:Call\nEND:VEVENT\n\
                BEGIN:VEVENT\nUID:d\nDTSTART:20240314T120000\nDURATION:PT45M\nEND:VEVENT\n\
                BEGIN:VEVENT\nUID:e\nDTSTART:20240315T090000Z\nDTEND:20240317T090000Z\n\
                END:VEVENT\n";
    let (occurrences, tally) = read_ok(body, &options(None, "2024-06-15"));
    assert_eq!(
        lines(&occurrences),
        [
            "2024-03-05  90",
            "2024-03-10  -",
            "2024-03-12  -",
            "2024-03-14  45",
            "2024-03-15  -"
        ]
    );
    assert_eq!(occurrences[0].summary.as_deref(), Some("Breakfast, BNI"));
    assert_eq!(
        occurrences[0].description.as_deref(),
        Some("one croissant\nmany cards")
    );
    assert_eq!(tally.events, 5);
}

#[test]
fn weekly_and_monthly_rules_with_count_until_interval_and_byday() {
    let body = "BEGIN:VEVENT\nUID:w\nDTSTART;TZID=Europe/Paris:20240102T070000\n\
                DTEND;TZID=Europe/Paris:20240102T083000\nRRULE:FREQ=WEEKLY;COUNT=3\n\
                END:VEVENT\n\
                BEGIN:VEVENT\nUID:i\nDTSTART;TZID=Europe/Paris:20240305T120000\n\
                RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20240321T110000Z\nEND:VEVENT\n\
                BEGIN:VEVENT\nUID:m\nDTSTART;VALUE=DATE:20240402\n\
                RRULE:FREQ=MONTHLY;BYDAY=1TU;UNTIL=20240604\nEND:VEVENT\n";
    let (occurrences, _) = read_ok(body, &options(None, "2024-12-31"));
    assert_eq!(
        lines(&occurrences),
        [
            "2024-01-02 2024-01-02 90",
            "2024-01-09 2024-01-09 90",
            "2024-01-16 2024-01-16 90",
            "2024-03-05 2024-03-05 -",
            "2024-03-07 2024-03-07 -",
            // UNTIL in UTC is 12:00 in Paris: the last occurrence is kept.
            "2024-03-19 2024-03-19 -",
            "2024-03-21 2024-03-21 -",
            "2024-04-02 2024-04-02 -",
            "2024-05-07 2024-05-07 -",
            "2024-06-04 2024-06-04 -",
        ]
    );
}

#[test]
fn open_ended_rules_stop_at_the_period() {
    let body = "BEGIN:VEVENT\nUID:w\nDTSTART;TZID=Europe/Paris:20240507T070000\n\
                RRULE:FREQ=WEEKLY;BYDAY=TU\nEND:VEVENT\n\
                BEGIN:VEVENT\nUID:future\nDTSTART:20240701T070000Z\nEND:VEVENT\n";
    let (occurrences, tally) = read_ok(body, &options(Some("2024-05-20"), "2024-06-15"));
    assert_eq!(
        occurrences
            .iter()
            .map(|o| o.date.to_string())
            .collect::<Vec<_>>(),
        ["2024-05-21", "2024-05-28", "2024-06-04", "2024-06-11"]
    );
    assert_eq!(tally.outside, 1);
}

#[test]
fn exceptions_moved_and_cancelled_occurrences() {
    let body = "BEGIN:VEVENT\nUID:w\nDTSTART;TZID=Europe/Paris:20240102T070000\n\
                DTEND;TZID=Europe/Paris:20240102T083000\nRRULE:FREQ=WEEKLY;COUNT=5\n\
                EXDATE;TZID=Europe/Paris:20240109T070000\nSUMMARY:BNI\nEND:VEVENT\n\
                BEGIN:VEVENT\nUID:w\nRECURRENCE-ID;TZID=Europe/Paris:20240116T070000\n\
                DTSTART;TZID=Europe/Paris:20240117T080000\n\
                DTEND;TZID=Europe/Paris:20240117T090000\nSUMMARY:BNI (moved)\nEND:VEVENT\n\
                BEGIN:VEVENT\nUID:w\nRECURRENCE-ID;TZID=Europe/Paris:20240123T070000\n\
                DTSTART;TZID=Europe/Paris:20240123T070000\nSTATUS:CANCELLED\nEND:VEVENT\n";
    let (occurrences, tally) = read_ok(body, &options(None, "2024-06-15"));
    assert_eq!(
        lines(&occurrences),
        [
            "2024-01-02 2024-01-02 90",
            "2024-01-17 2024-01-16 60",
            "2024-01-30 2024-01-30 90",
        ]
    );
    assert_eq!(occurrences[1].summary.as_deref(), Some("BNI (moved)"));
    assert_eq!(tally.cancelled, 1);
}

#[test]
fn utc_times_are_dated_in_the_calendar_zone() {
    let body = "X-WR-TIMEZONE:Europe/Paris\nBEGIN:VEVENT\nUID:late\n\
                DTSTART:20240305T233000Z\nDTEND:20240306T003000Z\nEND:VEVENT\n";
    let (occurrences, _) = read_ok(body, &options(None, "2024-06-15"));
    assert_eq!(lines(&occurrences), ["2024-03-06  60"]);
}

#[test]
fn outlook_zone_names_recur_on_their_wall_clock() {
    let body = "BEGIN:VTIMEZONE\nTZID:Some Custom Zone\nBEGIN:STANDARD\n\
                DTSTART:16010101T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD\n\
                BEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:+0100\n\
                TZOFFSETTO:+0200\nEND:DAYLIGHT\nEND:VTIMEZONE\n\
                BEGIN:VEVENT\nUID:o\nDTSTART;TZID=Romance Standard Time:20240604T073000\n\
                DTEND;TZID=Romance Standard Time:20240604T090000\n\
                RRULE:FREQ=WEEKLY;UNTIL=20240611T053000Z\nEND:VEVENT\n\
                BEGIN:VEVENT\nUID:c\nDTSTART;TZID=Some Custom Zone:20240604T073000\n\
                RRULE:FREQ=DAILY;UNTIL=20240605T053000Z\nEND:VEVENT\n";
    let (occurrences, _) = read_ok(body, &options(None, "2024-06-15"));
    assert_eq!(
        lines(&occurrences),
        [
            "2024-06-04 2024-06-04 -",
            "2024-06-04 2024-06-04 90",
            "2024-06-05 2024-06-05 -",
            "2024-06-11 2024-06-11 90",
        ]
    );
}

#[test]
fn people_met_leave_out_the_user_rooms_and_those_who_declined() {
    let body = "X-WR-CALNAME:claire@example.com\nBEGIN:VEVENT\nUID:a\n\
                DTSTART:20240305T070000Z\n\
                ORGANIZER;CN=Paul Martin:mailto:paul@example.com\n\
                ATTENDEE;CN=\"Durand, Sophie\";PARTSTAT=ACCEPTED:mailto:sophie@example.com\n\
                ATTENDEE;CN=Paul Martin:mailto:PAUL@example.com\n\
                ATTENDEE;CN=Me:mailto:me@example.com\n\
                ATTENDEE;CN=Claire:mailto:claire@example.com\n\
                ATTENDEE;CUTYPE=ROOM;CN=Salle 2:mailto:room2@example.com\n\
                ATTENDEE;PARTSTAT=DECLINED;CN=Marc Leroy:mailto:marc@example.com\n\
                ATTENDEE:mailto:anne@example.com\nEND:VEVENT\n\
                BEGIN:VEVENT\nUID:b\nDTSTART:20240306T070000Z\n\
                ATTENDEE;PARTSTAT=DECLINED:mailto:me@example.com\nEND:VEVENT\n";
    let me = ["me@example.com".to_string()];
    let options = Options {
        me: &me,
        ..options(None, "2024-06-15")
    };
    let (occurrences, tally) = read_ok(body, &options);
    assert_eq!(occurrences.len(), 1);
    let people: Vec<(Option<&str>, Option<&str>)> = occurrences[0]
        .people
        .iter()
        .map(|p| {
            (
                p.name.as_ref().map(Name::as_str),
                p.email.as_ref().map(Email::as_str),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            (Some("Paul Martin"), Some("paul@example.com")),
            (Some("Durand, Sophie"), Some("sophie@example.com")),
            (None, Some("anne@example.com")),
        ]
    );
    assert_eq!(tally.declined, 1);
}

#[test]
fn match_keeps_the_summaries_that_contain_the_text() {
    let body = "BEGIN:VEVENT\nUID:a\nDTSTART:20240305T070000Z\nSUMMARY:Petit-déj BNI\n\
                END:VEVENT\nBEGIN:VEVENT\nUID:b\nDTSTART:20240306T070000Z\n\
                SUMMARY:Dentist\nEND:VEVENT\nBEGIN:VEVENT\nUID:c\n\
                DTSTART:20240307T070000Z\nEND:VEVENT\n";
    let options = Options {
        matching: Some("bni"),
        ..options(None, "2024-06-15")
    };
    let (occurrences, tally) = read_ok(body, &options);
    assert_eq!(occurrences.len(), 1);
    assert_eq!(occurrences[0].uid, "a");
    assert_eq!(tally.unmatched, 2);
}

#[test]
fn one_occurrence_is_one_identifier() {
    let body = "BEGIN:VEVENT\nUID:w\nDTSTART;TZID=Europe/Paris:20240102T070000\n\
                RRULE:FREQ=WEEKLY;COUNT=2\nEND:VEVENT\n\
                BEGIN:VEVENT\nUID:s\nDTSTART:20240103T070000Z\nEND:VEVENT\n";
    let read = || read_ok(body, &options(None, "2024-06-15")).0;
    let uuids: Vec<String> = read().iter().map(Occurrence::uuid).collect();
    assert_eq!(
        uuids,
        read().iter().map(Occurrence::uuid).collect::<Vec<_>>()
    );
    assert_eq!(uuids.len(), 3);
    assert!(uuids[0] != uuids[1] && uuids[1] != uuids[2] && uuids[0] != uuids[2]);
    // Pinned: a journal must find the meetings it imported from any later version.
    assert_eq!(
        Occurrence {
            uid: "s".into(),
            recurrence: String::new(),
            ..read()[1].clone()
        }
        .uuid(),
        "0bb8c323-e375-5bfb-a592-5097dc369994"
    );
}

#[test]
fn bad_files_name_the_line_or_the_event() {
    let event = |lines: &str| format!("BEGIN:VEVENT\n{lines}END:VEVENT\n");
    let good = event("UID:ok\nDTSTART:20240101T090000Z\n");
    let cases: Vec<(Vec<u8>, &str, &str)> = vec![
        (
            b"{\"networks\": []}\n".to_vec(),
            "t.ics:1",
            "not an iCalendar file",
        ),
        (
            b"First Name,Last Name\n".to_vec(),
            "t.ics:1",
            "not an iCalendar file",
        ),
        (b"".to_vec(), "t.ics", "empty"),
        (
            calendar(&format!(
                "{good}BEGIN:VEVENT\nUID:x\nthis line lost its fold\n"
            )),
            "t.ics:10",
            "`this line lost its fold` is not an iCalendar line",
        ),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20240101\n".to_vec(),
            "t.ics:2",
            "BEGIN:VEVENT is never closed",
        ),
        (
            calendar("BEGIN:VEVENT\nUID:a\nDTSTART:20240101\nEND:VTODO\n"),
            "t.ics:7",
            "END:VTODO while BEGIN:VEVENT of line 4 is open",
        ),
        (
            calendar(&format!("{good}{}", event("UID:x\nSUMMARY:lost\n"))),
            "t.ics:8: event 2 (UID x)",
            "no DTSTART",
        ),
        (
            calendar(&event("DTSTART:20240101T090000Z\n")),
            "t.ics:4: event 1",
            "no UID",
        ),
        (
            calendar(&event("UID:x\nDTSTART:2024-01-01\n")),
            "t.ics:4: event 1 (UID x)",
            "DTSTART `2024-01-01` is not an iCalendar date or time",
        ),
        (
            calendar(&event(
                "UID:x\nDTSTART:20240101T090000Z\nDTEND:20240101T080000Z\n",
            )),
            "t.ics:4: event 1 (UID x)",
            "ends before it starts",
        ),
        (
            calendar(&event("UID:x\nDTSTART:20240101T090000Z\nDURATION:1 hour\n")),
            "t.ics:4: event 1 (UID x)",
            "DURATION `1 hour` is not a duration",
        ),
        (
            calendar(&event("UID:x\nDTSTART:20240101T090000Z\nX-A;B=\"c\"d:e\n")),
            "t.ics:7",
            "malformed iCalendar content",
        ),
        (
            calendar(&event(
                "UID:x\nDTSTART:20240101T090000Z\nRRULE:FREQ=WEEKLY;BYDAY=SU\u{feff}\n",
            )),
            "t.ics:4: event 1 (UID x)",
            "it holds characters no rule has",
        ),
        (
            calendar(&event(
                "UID:x\nDTSTART:20240101T090000Z\nRRULE:FREQ=FORTNIGHTLY\n",
            )),
            "t.ics:4: event 1 (UID x)",
            "RRULE `FREQ=FORTNIGHTLY`: `FORTNIGHTLY` is not a valid frequency",
        ),
    ];
    for (bytes, place, message) in cases {
        let text = String::from_utf8_lossy(&bytes).to_string();
        let error = read_bytes(&bytes, &options(None, "2024-06-15")).unwrap_err();
        assert_eq!(error.at(crate::i18n::Lang::En), place, "{text}\n{error}");
        assert!(error.message.contains(message), "{text}\n{error}");
    }
}

#[test]
fn rdates_count_towards_the_limits_and_many_exceptions_stay_linear() {
    let rdates = |times: Vec<String>| {
        format!(
            "BEGIN:VEVENT\nUID:r\nDTSTART:20240305T070000Z\nRDATE:{}\nEND:VEVENT\n",
            times.join(",")
        )
    };
    let one_day: Vec<String> = (0..30)
        .map(|minute| format!("20240305T08{minute:02}00Z"))
        .collect();
    let error = read_bytes(&calendar(&rdates(one_day)), &options(None, "2024-06-15")).unwrap_err();
    assert!(
        error
            .message
            .contains("more than 24 occurrences on 2024-03-05"),
        "{error}"
    );
    let days: Vec<String> = (0..10_001)
        .map(|n| {
            let day = day("2024-03-06") + Days::new(n);
            format!("{}T070000Z", day.format("%Y%m%d"))
        })
        .collect();
    let error = read_bytes(&calendar(&rdates(days)), &options(None, "2060-01-01")).unwrap_err();
    assert!(
        error.message.contains("more than 10000 occurrences"),
        "{error}"
    );

    // A daily series of 9 000 days, every other one excluded, and 2 000 moved: each removed
    // once, by hash, not by a search through the series.
    let mut body = String::from(
        "BEGIN:VEVENT\nUID:d\nDTSTART:20000101T070000Z\nRRULE:FREQ=DAILY;COUNT=9000\n",
    );
    for n in (0..9000).step_by(2) {
        let day = day("2000-01-01") + Days::new(n);
        body.push_str(&format!("EXDATE:{}T070000Z\n", day.format("%Y%m%d")));
    }
    body.push_str("END:VEVENT\n");
    for n in (1..4000).step_by(2) {
        let day = (day("2000-01-01") + Days::new(n)).format("%Y%m%d");
        body.push_str(&format!(
            "BEGIN:VEVENT\nUID:d\nRECURRENCE-ID:{day}T070000Z\nDTSTART:{day}T090000Z\n\
             END:VEVENT\n"
        ));
    }
    let started = std::time::Instant::now();
    let (occurrences, _) = read_ok(&body, &options(None, "2030-01-01"));
    assert_eq!(occurrences.len(), 4500);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}
