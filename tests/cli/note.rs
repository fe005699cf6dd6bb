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
    .stdout_is("Added serious concern #1 on network CPME Hérault.\n");
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
            "severity": "serious",
            "resolved_on": null,
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

#[test]
fn a_concern_is_serious_unless_said_minor() {
    let env = with_targets();
    let cases: [(&[&str], &str, Option<&str>); 6] = [
        (
            &["--concern"],
            "Added serious concern #1.\n",
            Some("serious"),
        ),
        (
            &["--concern", "--severity", "minor"],
            "Added minor concern #2.\n",
            Some("minor"),
        ),
        // A severity alone says it is a concern.
        (
            &["--severity", "Serious"],
            "Added serious concern #3.\n",
            Some("serious"),
        ),
        // French words are taken too.
        (
            &["--severity", "mineure"],
            "Added minor concern #4.\n",
            Some("minor"),
        ),
        (
            &["--severity", "grave"],
            "Added serious concern #5.\n",
            Some("serious"),
        ),
        (&[], "Added note #6.\n", None),
    ];
    for (extra, said, _) in cases {
        let mut args = vec!["note", "Lunches start late"];
        args.extend_from_slice(extra);
        env.run(args).success().stdout_is(said);
    }
    let got: Vec<_> = env
        .list_json("notes", &[])
        .iter()
        .map(|n| {
            (
                n["concern"].clone(),
                n["severity"].clone(),
                n["resolved_on"].clone(),
            )
        })
        .collect();
    let expected: Vec<_> = cases
        .iter()
        .map(|(_, _, severity)| (json!(severity.is_some()), json!(severity), json!(null)))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn a_concern_in_french() {
    let env = with_targets();
    env.run([
        "--lang",
        "fr",
        "note",
        "Les déjeuners commencent en retard",
        "--network",
        "cpme hérault",
        "--severity",
        "mineure",
    ])
    .success()
    .stdout_is("Alerte mineure n°1 ajoutée sur le réseau CPME Hérault.\n");
    env.run([
        "--lang",
        "fr",
        "note",
        "Mon nom sur un communiqué",
        "--concern",
    ])
    .success()
    .stdout_is("Alerte grave n°2 ajoutée.\n");
}

#[test]
fn a_severity_that_is_none_is_refused() {
    let env = with_targets();
    env.rejects(["note", "x", "--severity", "urgent"], "urgent")
        .stderr_contains("minor")
        .stderr_contains("serious");
    env.rejects(
        ["--lang", "fr", "note", "x", "--severity", "urgente"],
        "urgente",
    );
}

#[test]
fn the_list_shows_severity_and_resolution() {
    let env = with_targets();
    env.replay(
        r#"
        note "My name on a press release" --network "CPME Hérault" --concern --date 2024-02-10
        note "Lunches start late" --network "CPME Hérault" --severity minor --date 2024-03-01
        note "Knows every architect" --contact "Sophie Durand" --date 2024-03-02
        edit note 2 --resolved 2024-05-02
        "#,
    );
    let table = env.ok(["list", "notes"]);
    assert!(table.contains("│ 1 ┆ 2024-02-10 ┆ serious "), "{table}");
    assert!(
        table.contains("┆ minor, resolved on 2024-05-02 ┆"),
        "{table}"
    );
    let table = env.ok(["--lang", "fr", "list", "notes"]);
    assert!(table.contains("┆ grave "), "{table}");
    assert!(
        table.contains("┆ mineure, résolue le 2024-05-02 ┆"),
        "{table}"
    );
    let csv = env.ok(["list", "notes", "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "id,uuid,date,text,concern,severity,resolved_on,network,meeting_id,contact"
    );
    assert!(lines[1].ends_with(",true,serious,,CPME Hérault,,"), "{csv}");
    assert!(
        lines[2].ends_with(",true,minor,2024-05-02,CPME Hérault,,"),
        "{csv}"
    );
    assert!(lines[3].ends_with(",false,,,,,Sophie Durand"), "{csv}");
    // `show network` lists them the same way.
    let shown = env.ok(["show", "network", "CPME Hérault"]);
    assert!(shown.contains("minor, resolved on 2024-05-02"), "{shown}");
    // So do the confirmations of `rm`.
    env.run(["rm", "note", "2"]).bad_input().stderr_contains(
        "not confirmed: Remove minor concern #2 of 2024-03-01, resolved on 2024-05-02: \
             “Lunches start late”?",
    );
    env.run(["--lang", "fr", "rm", "note", "1"])
        .bad_input()
        .stderr_contains(
            "non confirmé : Supprimer l'alerte grave n°1 du 10 février 2024 : « My name on a press \
             release » ?",
        );
    env.run(["--lang", "fr", "rm", "note", "2", "--yes"])
        .success()
        .stdout_is("Alerte mineure n°2 supprimée.\n");
}
