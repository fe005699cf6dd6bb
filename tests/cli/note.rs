//! `note TEXT [--network N | --meeting ID | --contact NAME] [--concern] [--date]`.

use serde_json::json;

use crate::common::{TODAY, TestEnv};

fn with_targets() -> TestEnv {
    let env = TestEnv::new();
    env.run(["add", "network", "CPME Hérault", "--kind", "political"])
        .success();
    env.run([
        "log",
        "meeting",
        "--network",
        "cpme hérault",
        "--format",
        "phone",
        "--met",
        "Sophie Durand",
    ])
    .success();
    env
}

#[test]
fn a_concern_on_a_network() {
    let env = with_targets();
    env.run([
        "note",
        "My name on a press release I never agreed to",
        "--network",
        "CPME HÉRAULT",
        "--concern",
        "--date",
        "2024-02-10",
    ])
    .success()
    .stdout_is("Added concern #1 on network CPME Hérault.\n");
    let mut rows = env.list_json("notes", &[]);
    rows[0]["uuid"].take();
    assert_eq!(
        rows,
        [json!({
            "id": 1,
            "uuid": null,
            "date": "2024-02-10",
            "text": "My name on a press release I never agreed to",
            "concern": true,
            "network": "CPME Hérault",
            "meeting_id": null,
            "contact": null,
        })]
    );
}

#[test]
fn a_note_on_a_meeting_carries_the_meeting_s_network() {
    let env = with_targets();
    env.run([
        "note",
        "Only phone calls, never a meeting",
        "--meeting",
        "1",
    ])
    .success()
    .stdout_is("Added note #1 on meeting #1.\n");
    let row = &env.list_json("notes", &[])[0];
    assert_eq!(row["meeting_id"], 1);
    assert_eq!(row["network"], "CPME Hérault");
    assert_eq!(row["concern"], false);
    assert_eq!(row["date"], TODAY, "the date defaults to today");
}

#[test]
fn a_meeting_is_given_as_the_lists_show_it() {
    let env = with_targets();
    env.run(["note", "From the list", "--meeting", "#1"])
        .success()
        .stdout_is("Added note #1 on meeting #1.\n");
    env.rejects(["note", "x", "--meeting", "0"], "`0` is not a row number");
}

#[test]
fn a_note_on_a_contact_names_the_contact_as_recorded() {
    let env = with_targets();
    env.run([
        "note",
        "Knows every architect in town",
        "--contact",
        "sophie DURAND",
    ])
    .success()
    .stdout_is("Added note #1 on contact Sophie Durand.\n");
    let row = &env.list_json("notes", &[])[0];
    assert_eq!(row["contact"], "Sophie Durand");
    assert_eq!(row["network"], json!(null));
    assert_eq!(row["meeting_id"], json!(null));
}

#[test]
fn a_note_on_nothing_in_particular() {
    let env = TestEnv::new();
    env.run([
        "note",
        "Networking takes more evenings than I thought",
        "--date",
        "yesterday",
    ])
    .success()
    .stdout_is("Added note #1.\n");
    let row = &env.list_json("notes", &[])[0];
    assert_eq!(row["date"], "2024-06-14");
    for target in ["network", "meeting_id", "contact"] {
        assert_eq!(row[target], json!(null), "{target}");
    }
}

#[test]
fn text_keeps_its_lines_and_loses_its_outer_spaces() {
    let env = TestEnv::new();
    env.run(["note", "  first line\nsecond line  "]).success();
    assert_eq!(
        env.list_json("notes", &[])[0]["text"],
        "first line\nsecond line"
    );
}

#[test]
fn a_note_has_at_most_one_target() {
    let env = TestEnv::with_journal();
    env.rejects(
        [
            "note",
            "x",
            "--network",
            "CPME Hérault",
            "--contact",
            "Paul Martin",
        ],
        "--contact",
    );
}

#[test]
fn an_unknown_target_is_refused() {
    let env = TestEnv::with_journal();
    env.rejects(["note", "x", "--meeting", "99"], "no meeting #99")
        .stderr_contains("netjournal list meetings");
    env.rejects(["note", "x", "--meeting", "one"], "one");
    env.rejects(
        ["note", "x", "--network", "CPME"],
        "no network named `CPME`",
    )
    .stderr_contains("hint: did you mean `CPME Hérault`?");
    env.rejects(
        ["note", "x", "--contact", "Sophie Durant"],
        "no contact named `Sophie Durant`",
    )
    .stderr_contains("hint: did you mean `Sophie Durand`?");
}

#[test]
fn an_empty_note_is_refused() {
    let env = TestEnv::with_journal();
    env.rejects(["note", "   ", "--concern"], "empty");
}
