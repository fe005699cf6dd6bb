//! The forms people really type, accepted by every command: dates (`2024-03-15`, `2024-03`,
//! `15/03/2024`, `today`, `yesterday`) and amounts (`45`, `45.50`, `45,50`, `1 200`, `45 €`,
//! `€45`), checked through what the journal stored. And the pinned clock they resolve
//! against.

use serde_json::Value as Json;

use crate::common::{TODAY, TestEnv, YESTERDAY};

/// Logs one meeting per value of `option`, then returns `field` of each meeting, in order.
#[track_caller]
fn stored(env: &TestEnv, option: &str, typed: &[&str], field: &str) -> Vec<Json> {
    for value in typed {
        env.run(["log", "meeting", "--format", "lunch", option, value])
            .success();
    }
    let mut meetings = env.list_json("meetings", &[]);
    // Listed by date; compared in the order they were typed.
    meetings.sort_by_key(|meeting| meeting["id"].as_i64());
    meetings
        .iter()
        .map(|meeting| meeting[field].clone())
        .collect()
}

#[test]
fn dates() {
    let env = TestEnv::new();
    let cases = [
        ("2024-03-15", "2024-03-15"),
        ("2024-03", "2024-03-01"),
        ("15/03/2024", "2024-03-15"),
        ("today", TODAY),
        ("yesterday", YESTERDAY),
        ("Today", TODAY),
        ("hier", YESTERDAY),
        ("aujourd'hui", TODAY),
        (" 2024-03-16 ", "2024-03-16"),
        ("2024-3-5", "2024-03-05"),
        ("5/3/2024", "2024-03-05"),
        ("03/2024", "2024-03-01"),
        ("2024-02-29", "2024-02-29"),
    ];
    let typed: Vec<_> = cases.iter().map(|(typed, _)| *typed).collect();
    let dates = stored(&env, "--date", &typed, "date");
    for ((typed, expected), date) in cases.iter().zip(&dates) {
        assert_eq!(date, expected, "--date {typed:?}");
    }
}

#[test]
fn every_date_option_takes_every_form() {
    let env = TestEnv::new();
    env.run([
        "add", "network", "N", "--kind", "local", "--joined", "2024-01",
    ])
    .success();
    env.run(["log", "referral", "--given", "--date", "yesterday"])
        .success();
    env.run(["note", "x", "--date", "01/02/2024"]).success();
    env.run(["leave", "network", "n", "--date", "today", "--reason", "r"])
        .success();
    let network = env.row_named("networks", "N");
    assert_eq!(network["joined_on"], "2024-01-01");
    assert_eq!(network["left_on"], TODAY);
    assert_eq!(env.list_json("referrals", &[])[0]["date"], YESTERDAY);
    assert_eq!(env.list_json("notes", &[])[0]["date"], "2024-02-01");
}

#[test]
fn amounts() {
    let env = TestEnv::new();
    let cases = [
        ("45", 4500),
        ("45.50", 4550),
        ("45,50", 4550),
        ("1 200", 120000),
        ("45 €", 4500),
        ("€45", 4500),
        ("45.5", 4550),
        ("1,200", 120000),
        ("1.200", 120000),
        ("1 200,50", 120050),
        ("1\u{a0}200", 120000),
        ("1,200.50", 120050),
        ("45 EUR", 4500),
        ("0", 0),
        (" 14 ", 1400),
    ];
    let typed: Vec<_> = cases.iter().map(|(typed, _)| *typed).collect();
    let cents = stored(&env, "--cost", &typed, "cost_cents");
    for ((typed, expected), stored) in cases.iter().zip(&cents) {
        assert_eq!(stored, expected, "--cost {typed:?}");
    }
}

#[test]
fn every_amount_option_takes_every_form() {
    let env = TestEnv::new();
    env.run([
        "add",
        "network",
        "N",
        "--kind",
        "local",
        "--fee",
        "€1 200,50",
    ])
    .success();
    env.run(["log", "referral", "--received", "--value", "3 200 €"])
        .success();
    assert_eq!(env.row_named("networks", "N")["fee_cents"], 120050);
    assert_eq!(env.list_json("referrals", &[])[0]["value_cents"], 320000);
}

#[test]
fn the_clock_is_read_from_netjournal_now_in_the_user_s_time_zone() {
    let env = TestEnv::new();
    // Half past midnight in Paris is still the day before in UTC: today is the user's day.
    let cases = [
        ("2024-06-16T00:30:00+02:00", "2024-06-16", "2024-06-15"),
        ("2024-03-01", "2024-03-01", "2024-02-29"),
        ("2024-01-01T09:00:00Z", "2024-01-01", "2023-12-31"),
    ];
    for (now, _, _) in cases {
        for date in ["today", "yesterday"] {
            env.cmd(["log", "meeting", "--format", "phone", "--date", date])
                .env("NETJOURNAL_NOW", now)
                .run()
                .success();
        }
    }
    let dates: Vec<_> = env
        .list_json("meetings", &["--since", "2000-01"])
        .iter()
        .map(|m| (m["id"].as_i64().unwrap(), m["date"].clone()))
        .collect();
    for (i, (now, today, yesterday)) in cases.iter().enumerate() {
        let id = 2 * i as i64 + 1;
        let date = |id: i64| dates.iter().find(|(i, _)| *i == id).unwrap().1.clone();
        assert_eq!(date(id), *today, "today at {now}");
        assert_eq!(date(id + 1), *yesterday, "yesterday at {now}");
    }
}

#[test]
fn a_malformed_clock_is_refused() {
    let env = TestEnv::with_journal();
    let bytes = env.bytes();
    let dump = env.dump();
    let run = env
        .cmd(["log", "meeting", "--format", "lunch"])
        .env("NETJOURNAL_NOW", "soon")
        .run();
    run.bad_input().stderr_contains("NETJOURNAL_NOW=`soon`");
    env.assert_unchanged(&bytes, &dump, &run);
}
