//! `log meeting [--network] [--date] --format F [--minutes] [--travel] [--cost] [--met]…
//! [--rating] [--notes]`.

use serde_json::json;

use crate::common::{TODAY, TestEnv, YESTERDAY, split};

fn with_bni() -> TestEnv {
    let env = TestEnv::new();
    env.run([
        "add",
        "network",
        "BNI Montpellier",
        "--kind",
        "co-optation",
        "--joined",
        "2024-01-10",
    ])
    .success();
    env
}

#[test]
fn every_option_is_stored_and_missing_contacts_are_created() {
    let env = with_bni();
    env.run(split(
        r#"
            log meeting --network "bni montpellier" --date yesterday --format breakfast
            --minutes 90 --travel 40 --cost 14 --met "Sophie Durand" --met "Paul Martin"
            --rating 2 --notes "one croissant, many business cards"
        "#,
    ))
    .success()
    .stdout_is(&format!(
        "Logged meeting #1: breakfast at BNI Montpellier on {YESTERDAY}.\n\
         Added contact `Sophie Durand`, met through BNI Montpellier.\n\
         Added contact `Paul Martin`, met through BNI Montpellier.\n"
    ));

    let mut meetings = env.list_json("meetings", &[]);
    assert_eq!(meetings.len(), 1);
    meetings[0]["uuid"].take();
    assert_eq!(
        meetings[0],
        json!({
            "id": 1,
            "uuid": null,
            "date": YESTERDAY,
            "start_time": null,
            "network": "BNI Montpellier",
            "format": "breakfast",
            "in_person": true,
            "minutes": 90,
            "travel_minutes": 40,
            "cost_cents": 1400,
            "rating": 2,
            "notes": "one croissant, many business cards",
            "contacts": ["Paul Martin", "Sophie Durand"],
        })
    );
    // The new contacts belong to the meeting's network, added on the meeting's day.
    for name in ["Paul Martin", "Sophie Durand"] {
        let contact = env.row_named("contacts", name);
        assert_eq!(contact["network"], "BNI Montpellier", "{name}");
        assert_eq!(contact["added_on"], YESTERDAY, "{name}");
        assert_eq!(contact["meetings"], 1, "{name}");
    }
}

#[test]
fn an_existing_contact_is_reused_case_insensitively() {
    let env = with_bni();
    env.run(["add", "contact", "Paul Martin", "--profession", "plumber"])
        .success();
    env.run([
        "log",
        "meeting",
        "--network",
        "BNI Montpellier",
        "--format",
        "lunch",
        "--met",
        "PAUL   MARTIN",
    ])
    .success()
    .stdout_is(&format!(
        "Logged meeting #1: lunch at BNI Montpellier on {TODAY}.\n"
    ))
    .stdout_lacks("Added contact");
    env.run([
        "log",
        "meeting",
        "--format",
        "phone",
        "--met",
        "paul martin",
    ])
    .success()
    .stdout_lacks("Added contact");

    let contacts = env.list_json("contacts", &[]);
    assert_eq!(contacts.len(), 1, "{contacts:#?}");
    assert_eq!(contacts[0]["name"], "Paul Martin");
    assert_eq!(contacts[0]["profession"], "plumber");
    assert_eq!(contacts[0]["meetings"], 2, "the depth of the relationship");
    for meeting in env.list_json("meetings", &[]) {
        assert_eq!(meeting["contacts"], json!(["Paul Martin"]), "{meeting}");
    }
}

#[test]
fn a_person_named_twice_is_met_once() {
    let env = TestEnv::new();
    env.run([
        "log",
        "meeting",
        "--format",
        "event",
        "--met",
        "Anne Roux",
        "--met",
        "anne roux",
    ])
    .success()
    .stdout_is(&format!(
        "Logged meeting #1: event on {TODAY}.\nAdded contact `Anne Roux`.\n"
    ));
    let meetings = env.list_json("meetings", &[]);
    assert_eq!(meetings[0]["contacts"], json!(["Anne Roux"]));
    assert_eq!(env.row_named("contacts", "Anne Roux")["meetings"], 1);
}

#[test]
fn a_one_to_one_belongs_to_no_network() {
    let env = with_bni();
    env.run([
        "log",
        "meeting",
        "--format",
        "one-to-one",
        "--met",
        "Claire Petit",
        "--notes",
        "coffee, a real talk",
    ])
    .success()
    .stdout_is(&format!(
        "Logged meeting #1: one-to-one on {TODAY}.\nAdded contact `Claire Petit`.\n"
    ));
    let meeting = &env.list_json("meetings", &[])[0];
    assert_eq!(meeting["network"], json!(null));
    assert_eq!(meeting["date"], TODAY, "the date defaults to today");
    for absent in ["minutes", "travel_minutes", "cost_cents", "rating"] {
        assert_eq!(meeting[absent], json!(null), "{absent}");
    }
    assert_eq!(
        env.row_named("contacts", "Claire Petit")["network"],
        json!(null)
    );
}

#[test]
fn the_format_decides_in_person_or_remote_and_aliases_are_accepted() {
    let env = TestEnv::new();
    let cases = [
        ("breakfast", "breakfast", true),
        ("lunch", "lunch", true),
        ("dinner", "dinner", true),
        ("evening", "evening", true),
        ("event", "event", true),
        ("one-to-one", "one-to-one", true),
        ("phone", "phone", false),
        ("video", "video", false),
        ("email", "email", false),
        ("PHONE", "phone", false),
        ("visio", "video", false),
        ("petit-déjeuner", "breakfast", true),
        ("1-1", "one-to-one", true),
        ("courriel", "email", false),
    ];
    for (typed, _, _) in cases {
        env.run(["log", "meeting", "--format", typed]).success();
    }
    let meetings = env.list_json("meetings", &[]);
    assert_eq!(meetings.len(), cases.len());
    for ((typed, format, in_person), meeting) in cases.iter().zip(&meetings) {
        assert_eq!(meeting["format"], *format, "--format {typed}");
        assert_eq!(meeting["in_person"], *in_person, "--format {typed}");
    }
}

#[test]
fn durations_accept_minutes_and_hours() {
    let env = TestEnv::new();
    let cases = [
        ("90", 90),
        ("1h30", 90),
        ("2h", 120),
        ("45min", 45),
        ("0", 0),
    ];
    for (typed, _) in cases {
        env.run([
            "log",
            "meeting",
            "--format",
            "lunch",
            "--minutes",
            typed,
            "--travel",
            typed,
        ])
        .success();
    }
    let meetings = env.list_json("meetings", &[]);
    for ((typed, minutes), meeting) in cases.iter().zip(&meetings) {
        assert_eq!(meeting["minutes"], *minutes, "--minutes {typed}");
        assert_eq!(meeting["travel_minutes"], *minutes, "--travel {typed}");
    }
}

#[test]
fn every_rating_from_one_to_five_is_accepted() {
    let env = TestEnv::new();
    for rating in ["1", "2", "3", "4", "5"] {
        env.run(["log", "meeting", "--format", "lunch", "--rating", rating])
            .success();
    }
    let ratings: Vec<_> = env
        .list_json("meetings", &[])
        .iter()
        .map(|m| m["rating"].clone())
        .collect();
    assert_eq!(ratings, [1, 2, 3, 4, 5]);
}

#[test]
fn an_unknown_network_creates_neither_the_meeting_nor_its_contacts() {
    let env = TestEnv::with_journal();
    env.rejects(
        [
            "log",
            "meeting",
            "--network",
            "BNI Montpelier",
            "--format",
            "breakfast",
            "--met",
            "Someone New",
        ],
        "no network named `BNI Montpelier`",
    )
    .stderr_contains("hint: did you mean `BNI Montpellier`?")
    .stderr_lacks("Someone New");
}
