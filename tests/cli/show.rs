//! `show network NAME [--format text|json]`, on the journal of `common::STORY`.

use serde_json::json;

use crate::common::{TestEnv, keys};

#[test]
fn snapshot_of_a_left_network() {
    let env = TestEnv::with_journal();
    insta::assert_snapshot!(
        "show_network_bni",
        env.ok(["show", "network", "bni montpellier"])
    );
}

#[test]
fn snapshot_of_an_active_network() {
    let env = TestEnv::with_journal();
    insta::assert_snapshot!(
        "show_network_freelances",
        env.ok(["show", "network", "Freelances Montpellier"])
    );
}

#[test]
fn text_is_the_default_format_and_names_match_in_any_case() {
    let env = TestEnv::with_journal();
    let text = env.ok(["show", "network", "CPME Hérault", "--format", "text"]);
    assert_eq!(text, env.ok(["show", "network", "cpme HÉRAULT"]));
    assert!(
        text.starts_with("CPME Hérault — political, left\n"),
        "{text}"
    );
    for line in [
        "  joined       2023-11-01",
        "  left         2024-03-01",
        "  exit reason  my name on press releases without my consent",
        "Meetings (1)",
        "Contacts (0)",
        "Referrals (0)",
        "Notes (1)",
        "My name on a press release I never agreed to",
    ] {
        assert!(text.contains(line), "no {line:?} in:\n{text}");
    }
}

#[test]
fn json_holds_the_network_and_only_its_rows() {
    let env = TestEnv::with_journal();
    let shown = env
        .run([
            "show",
            "network",
            "femmes ENTREPRENEURES 34",
            "--format",
            "json",
        ])
        .success()
        .json();
    assert_eq!(
        keys(&shown),
        ["contacts", "meetings", "network", "notes", "referrals"]
    );
    let network = &shown["network"];
    assert_eq!(network["name"], "Femmes Entrepreneures 34");
    assert_eq!(network["status"], "left");
    assert_eq!(network["left_on"], "2023-12-01");
    assert_eq!(network["invited_by"], "Anne, a client");
    assert_eq!(
        network,
        &env.row_named("networks", "Femmes Entrepreneures 34"),
        "the same object as in `list networks`"
    );
    let ids = |list: &str| -> Vec<i64> {
        shown[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| row["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(ids("meetings"), [1, 2]);
    assert_eq!(ids("contacts"), [1]);
    assert_eq!(ids("referrals"), [2]);
    assert_eq!(ids("notes"), [2]);
    assert_eq!(shown["contacts"][0]["meetings"], json!(3));
}

#[test]
fn an_unknown_network_is_refused_with_the_closest_name() {
    let env = TestEnv::with_journal();
    env.rejects(
        ["show", "network", "BNI Montpelier"],
        "no network named `BNI Montpelier`",
    )
    .stderr_is(
        "error: no network named `BNI Montpelier`\n\
         hint: did you mean `BNI Montpellier`?\n",
    );
    env.rejects(["show", "network", "femmes"], "no network named `femmes`")
        .stderr_contains("hint: did you mean `Femmes Entrepreneures 34`?");
}

#[test]
fn the_name_is_required() {
    let env = TestEnv::with_journal();
    env.rejects(["show", "network"], "NAME");
}

#[test]
fn a_fee_paid_once_is_said_once() {
    let env = TestEnv::new();
    env.run([
        "add",
        "network",
        "Salon",
        "--kind",
        "other",
        "--fee",
        "50",
        "--fee-period",
        "once",
    ])
    .success();
    env.run(["show", "network", "salon"])
        .success()
        .stdout_contains("  fee          €50.00 once\n")
        .stdout_lacks("per once");
    env.run(["--lang", "fr", "show", "network", "salon"])
        .success()
        .stdout_contains("  cotisation   50,00 € une fois\n");
}
