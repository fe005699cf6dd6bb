//! `show contact NAME|ID [--format text|json]`, on the journal of `common::STORY`.

use crate::common::{TestEnv, keys};

#[test]
fn text_tells_who_they_are_and_every_meeting_referral_and_note() {
    let env = TestEnv::with_journal();
    let text = env.ok(["show", "contact", "CLAIRE PETIT"]);
    assert!(text.starts_with("Claire Petit\n"), "{text}");
    for line in [
        "  met through  Femmes Entrepreneures 34",
        "  depth        met 3 times",
        "  first met    2023-09-15",
        "  last met     2024-03-05",
        "Meetings (3)",
        "Referrals (2)",
        "Notes (0)",
        "brand identity",
    ] {
        assert!(text.contains(line), "no {line:?} in:\n{text}");
    }
    // Found whatever the typing, and by number.
    let sophie = env.ok(["show", "contact", "sophie  durand"]);
    assert!(sophie.contains("Knows every architect in town"), "{sophie}");
    assert!(sophie.contains("  depth        met once"), "{sophie}");
    let julie = env.row_named("contacts", "Julie Bernard")["id"].to_string();
    let text = env.ok(["show", "contact", &julie]);
    for line in [
        "  profession   accountant",
        "  company      Bernard & Associés",
        "  email        julie@example.com",
        "  depth        never met",
        "Meetings (0)",
    ] {
        assert!(text.contains(line), "no {line:?} in:\n{text}");
    }
}

#[test]
fn in_french() {
    let env = TestEnv::with_journal();
    let text = env.ok(["--lang", "fr", "show", "contact", "claire petit"]);
    for line in [
        "  rencontré via       Femmes Entrepreneures 34",
        "  profondeur          rencontré 3 fois",
        "  première rencontre  2023-09-15",
        "Réunions (3)",
        "Recommandations (2)",
    ] {
        assert!(text.contains(line), "no {line:?} in:\n{text}");
    }
}

#[test]
fn json_holds_the_contact_as_listed_and_only_their_rows() {
    let env = TestEnv::with_journal();
    let shown = env
        .run(["show", "contact", "Claire Petit", "--format", "json"])
        .success()
        .json();
    assert_eq!(
        keys(&shown),
        [
            "contact",
            "first_met",
            "last_met",
            "meetings",
            "notes",
            "referrals"
        ]
    );
    assert_eq!(shown["contact"], env.row_named("contacts", "Claire Petit"));
    assert_eq!(shown["first_met"], "2023-09-15");
    assert_eq!(shown["last_met"], "2024-03-05");
    let meetings = shown["meetings"].as_array().unwrap();
    assert_eq!(meetings.len(), 3);
    assert!(meetings.iter().all(|m| {
        m["contacts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "Claire Petit")
    }));
    let directions: Vec<&str> = shown["referrals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["direction"].as_str().unwrap())
        .collect();
    assert_eq!(directions, ["given", "received"]);
}

#[test]
fn an_unknown_contact_is_refused_with_the_closest_name() {
    let env = TestEnv::with_journal();
    env.rejects(
        ["show", "contact", "Claire Pettit"],
        "no contact named `Claire Pettit`",
    )
    .stderr_contains("did you mean `Claire Petit`?");
}

#[test]
fn stored_text_is_shown_not_obeyed() {
    let env = TestEnv::new();
    env.ok(["add", "contact", "Eve"]);
    // Text an older program or another tool may have written: an escape sequence.
    env.sql()
        .execute(
            "UPDATE contacts SET notes = 'line\u{1b}[31mRED', company = 'A\rB' WHERE name = 'Eve'",
            [],
        )
        .unwrap();
    let out = env.ok(["show", "contact", "Eve"]);
    assert!(!out.contains('\u{1b}') && !out.contains('\r'), "{out:?}");
    assert!(out.contains("line\u{fffd}[31mRED"), "{out}");
}
