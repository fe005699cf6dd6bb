//! `log referral --received|--given [--network] [--contact] [--date] [--status] [--value]
//! [--notes]`.

use serde_json::json;

use crate::common::{TODAY, TestEnv, split};

fn with_people() -> TestEnv {
    let env = TestEnv::new();
    env.run(["add", "network", "BNI Montpellier", "--kind", "co-optation"])
        .success();
    env.run([
        "add",
        "contact",
        "Paul Martin",
        "--network",
        "BNI Montpellier",
    ])
    .success();
    env.run(["add", "contact", "Claire Petit"]).success();
    env
}

#[test]
fn a_received_referral_with_every_option() {
    let env = with_people();
    env.run(split(
        r#"
            log referral --received --network "bni MONTPELLIER" --contact "paul martin"
            --date 15/03/2024 --status won --value "1 200"
            --notes "a website for his brother-in-law"
        "#,
    ))
    .success()
    .stdout_is("Logged referral #1: received, won, on 2024-03-15.\n");
    let mut rows = env.list_json("referrals", &[]);
    rows[0]["uuid"].take();
    assert_eq!(
        rows,
        [json!({
            "id": 1,
            "uuid": null,
            "direction": "received",
            "date": "2024-03-15",
            "network": "BNI Montpellier",
            "contact": "Paul Martin",
            "description": "a website for his brother-in-law",
            "status": "won",
            "value_cents": 120000,
        })]
    );
}

#[test]
fn a_given_referral_is_open_today_by_default() {
    let env = with_people();
    env.run(["log", "referral", "--given", "--contact", "CLAIRE PETIT"])
        .success()
        .stdout_is(&format!("Logged referral #1: given, open, on {TODAY}.\n"));
    let row = &env.list_json("referrals", &[])[0];
    assert_eq!(row["direction"], "given");
    assert_eq!(row["status"], "open");
    assert_eq!(row["date"], TODAY);
    assert_eq!(row["contact"], "Claire Petit");
    assert_eq!(row["network"], json!(null));
    assert_eq!(row["value_cents"], json!(null));
    assert_eq!(row["description"], json!(null));
}

#[test]
fn a_value_means_won_and_every_status_is_accepted() {
    let env = with_people();
    let cases: [&[&str]; 5] = [
        &["--value", "3 200 €"],
        &["--status", "lost"],
        &["--status", "OPEN"],
        &["--status", "gagnée"],
        &["--status", "won", "--value", "€45"],
    ];
    for extra in cases {
        let mut args = vec!["log", "referral", "--received"];
        args.extend_from_slice(extra);
        env.run(args).success();
    }
    let got: Vec<_> = env
        .list_json("referrals", &[])
        .iter()
        .map(|r| (r["status"].clone(), r["value_cents"].clone()))
        .collect();
    assert_eq!(
        got,
        [
            (json!("won"), json!(320000)),
            (json!("lost"), json!(null)),
            (json!("open"), json!(null)),
            (json!("won"), json!(null)),
            (json!("won"), json!(4500)),
        ]
    );
}

#[test]
fn description_is_an_alias_of_notes() {
    let env = TestEnv::new();
    env.run([
        "log",
        "referral",
        "--given",
        "--description",
        "logo for a bakery",
    ])
    .success();
    assert_eq!(
        env.list_json("referrals", &[])[0]["description"],
        "logo for a bakery"
    );
}

#[test]
fn a_value_with_a_status_other_than_won_is_refused() {
    let env = TestEnv::with_journal();
    env.rejects(
        [
            "log",
            "referral",
            "--received",
            "--status",
            "lost",
            "--value",
            "10",
        ],
        "--value 10.00",
    )
    .stderr_contains("`lost`");
}

#[test]
fn received_and_given_together_are_refused() {
    let env = TestEnv::with_journal();
    env.rejects(["log", "referral", "--received", "--given"], "--given")
        .stderr_contains("--received");
}

#[test]
fn an_unknown_contact_is_refused_with_a_suggestion_and_a_way_to_add_them() {
    let env = TestEnv::with_journal();
    env.rejects(
        ["log", "referral", "--received", "--contact", "Pol Martin"],
        "no contact named `Pol Martin`",
    )
    .stderr_contains("hint: did you mean `Paul Martin`?")
    .stderr_contains("netjournal add contact \"Pol Martin\"");
}
