//! `leave network NAME [--date DATE] --reason TEXT`.

use serde_json::json;

use crate::common::{TODAY, TestEnv};

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
fn leaving_records_the_date_and_the_reason_and_keeps_the_uuid() {
    let env = with_bni();
    let before = env.row_named("networks", "BNI Montpellier");
    env.run([
        "leave",
        "network",
        "bni montpellier",
        "--date",
        "2024-03",
        "--reason",
        "cannot recommend someone known from one croissant",
    ])
    .success()
    .stdout_is("Left network `BNI Montpellier` on 2024-03-01.\n");
    let after = env.row_named("networks", "BNI Montpellier");
    assert_eq!(after["status"], "left");
    assert_eq!(after["left_on"], "2024-03-01");
    assert_eq!(
        after["exit_reason"],
        "cannot recommend someone known from one croissant"
    );
    assert_eq!(after["uuid"], before["uuid"]);
    assert_eq!(after["joined_on"], before["joined_on"]);
}

#[test]
fn the_date_defaults_to_today() {
    let env = with_bni();
    env.run([
        "leave",
        "network",
        "BNI Montpellier",
        "--reason",
        "too early",
    ])
    .success()
    .stdout_is(&format!("Left network `BNI Montpellier` on {TODAY}.\n"));
    assert_eq!(
        env.row_named("networks", "BNI Montpellier")["left_on"],
        TODAY
    );
}

#[test]
fn a_network_is_left_once() {
    let env = TestEnv::with_journal();
    env.rejects(
        ["leave", "network", "BNI Montpellier", "--reason", "again"],
        "network `BNI Montpellier` was already left on 2024-02-15",
    );
}

#[test]
fn one_cannot_leave_before_joining() {
    let env = with_bni();
    env.rejects(
        [
            "leave",
            "network",
            "BNI Montpellier",
            "--date",
            "2023-12-31",
            "--reason",
            "x",
        ],
        "--date 2023-12-31",
    )
    .stderr_contains("2024-01-10");
    assert_eq!(
        env.row_named("networks", "BNI Montpellier")["left_on"],
        json!(null)
    );
}

#[test]
fn an_unknown_network_is_refused_with_a_suggestion() {
    let env = TestEnv::with_journal();
    env.rejects(
        ["leave", "network", "Freelances Montpelier", "--reason", "x"],
        "no network named `Freelances Montpelier`",
    )
    .stderr_contains("hint: did you mean `Freelances Montpellier`?");
}
