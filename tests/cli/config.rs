//! `config list|get|set|unset`: the settings kept in the journal, and what they change in the
//! report.

use crate::common::TestEnv;
use crate::report::{network, report_json, story};

/// Every setting with its default, as `config list` shows them.
const DEFAULTS: &[(&str, &str)] = &[
    ("currency", "EUR"),
    ("rate.hourly", "(unset)"),
    ("verdict.min_meetings", "3"),
    ("verdict.min_referrals", "1"),
    ("verdict.min_roi", "2"),
    ("verdict.leave_concerns", "2"),
    ("verdict.max_met_once", "80"),
    ("verdict.min_months", "6"),
    ("verdict.window_months", "12"),
    ("verdict.low_rating", "2.5"),
    ("verdict.min_meetings_per_year", "1"),
];

#[test]
fn list_shows_every_setting_with_its_default_and_creates_nothing() {
    let env = TestEnv::new();
    let run = env.run(["config", "list"]);
    let out = run.exit(0).stderr_contains("no journal at").stdout();
    for (key, default) in DEFAULTS {
        let row = out
            .lines()
            .find(|line| line.contains(&format!(" {key} ")))
            .unwrap_or_else(|| panic!("no row for {key} in\n{out}"));
        assert!(row.contains(&format!(" {default} ")), "{key}: {row}");
    }
    assert_eq!(
        out.lines().filter(|l| l.contains("verdict.")).count(),
        DEFAULTS
            .iter()
            .filter(|(k, _)| k.starts_with("verdict."))
            .count(),
        "{out}"
    );
    assert!(!env.db().exists(), "`config list` created the journal");
}

#[test]
fn an_hourly_rate_values_the_time_in_the_report() {
    let env = story();
    assert_eq!(
        report_json(&env, &[])["hourly_rate_cents"],
        serde_json::Value::Null
    );
    env.run(["config", "set", "rate.hourly", "60"])
        .success()
        .stdout_contains("rate.hourly = 60");
    env.run(["config", "get", "rate.hourly"])
        .success()
        .stdout_contains("60");
    env.run(["config", "list"])
        .success()
        .stdout_satisfies(predicates::str::is_match(r"rate\.hourly\s+┆ 60").unwrap());

    let report = report_json(&env, &[]);
    assert_eq!(report["hourly_rate_cents"], 6000);
    // €60 an hour is €1 a minute: 420 minutes at the club, 540 at the local network.
    for (name, minutes) in [
        ("Club Affaires Sud", 420),
        ("Freelances Montpellier", 540),
        ("CPME Hérault", 65),
    ] {
        assert_eq!(
            network(&report, name)["time_value_cents"],
            minutes * 100,
            "{name}"
        );
    }
    let club = network(&report, "Club Affaires Sud");
    let spent = club["spent_cents"].as_i64().unwrap();
    let with_time = club["roi_with_time"].as_f64().unwrap();
    let expected = crate::report::floor_ratio(240_000, spent + 42_000);
    assert_eq!(with_time, expected);
    env.run(["report"])
        .success()
        .stdout_contains("Time valued at €60 an hour")
        .stdout_contains("Time's worth");
    env.run(["report", "--lang", "fr"])
        .success()
        .stdout_contains("Temps valorisé à 60 € de l'heure");

    env.run(["config", "unset", "rate.hourly"]).success();
    env.run(["config", "get", "rate.hourly"])
        .failure()
        .stderr_contains("`rate.hourly` is not set");
    let report = report_json(&env, &[]);
    assert_eq!(report["hourly_rate_cents"], serde_json::Value::Null);
    assert_eq!(
        network(&report, "Club Affaires Sud")["time_value_cents"],
        serde_json::Value::Null
    );
}

#[test]
fn more_meetings_before_judging_turns_a_leave_into_a_watch_until_unset() {
    // Four evenings in a year, nothing received, nothing given, nobody met twice: a leave.
    let env = TestEnv::new();
    env.replay(
        "add network \"Freelances Montpellier\" --kind local --joined 2023-06-01 --fee 240 --fee-period year
         log meeting --network \"Freelances Montpellier\" --date 2023-09-14 --format evening --met Ana
         log meeting --network \"Freelances Montpellier\" --date 2023-11-09 --format evening --met Bruno
         log meeting --network \"Freelances Montpellier\" --date 2024-02-08 --format evening --met Chloé
         log meeting --network \"Freelances Montpellier\" --date 2024-05-07 --format evening --met David",
    );
    let call = |env: &TestEnv| {
        let report = report_json(env, &[]);
        let local = network(&report, "Freelances Montpellier");
        let reasons: Vec<String> = local["verdict"]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap().to_string())
            .collect();
        (
            local["verdict"]["call"].as_str().unwrap().to_string(),
            reasons,
        )
    };
    let (before, reasons) = call(&env);
    assert_eq!(before, "leave");
    assert_eq!(reasons[0], "no referral received after 4 meetings");

    env.run(["config", "set", "verdict.min_meetings", "10"])
        .success()
        .stdout_is("verdict.min_meetings = 10\n");
    env.run(["config", "get", "verdict.min_meetings"])
        .success()
        .stdout_is("10\n");
    let (after, reasons) = call(&env);
    assert_eq!(after, "watch");
    assert_eq!(
        reasons[0],
        "too early to judge (4 meetings in 12 months); to be judged after 10 meetings"
    );
    assert_eq!(report_json(&env, &[])["thresholds"]["min_meetings"], 10);

    env.run(["config", "unset", "verdict.min_meetings"])
        .success()
        .stdout_is("verdict.min_meetings = 3 (the default)\n");
    env.run(["config", "get", "verdict.min_meetings"])
        .success()
        .stdout_is("3\n");
    assert_eq!(call(&env).0, "leave");
}

#[test]
fn an_unknown_setting_is_refused_with_a_hint() {
    let env = story();
    env.rejects(
        ["config", "set", "verdict.min_meeting", "4"],
        "verdict.min_meeting",
    )
    .stderr_contains("hint: did you mean `verdict.min_meetings`?");
    env.rejects(["config", "get", "colour"], "colour")
        .stderr_contains("hint: the settings are currency, rate.hourly");
    env.rejects(["config", "unset", "rate"], "rate")
        .stderr_contains("hint:");
}

#[test]
fn a_bad_value_is_refused_naming_it_and_changes_nothing() {
    let env = story();
    env.run(["config", "set", "verdict.min_meetings", "4"])
        .success();
    let cases = [
        ("verdict.min_meetings", "many"),
        ("verdict.min_meetings", "-1"),
        ("verdict.leave_concerns", "0"),
        ("verdict.min_roi", "-2"),
        ("verdict.max_met_once", "101"),
        ("rate.hourly", "lots"),
        ("currency", "euro"),
    ];
    for (key, value) in cases {
        env.rejects(["config", "set", key, value], value);
    }
    env.run(["config", "get", "verdict.min_meetings"])
        .success()
        .stdout_is("4\n");
}

#[test]
fn the_currency_is_the_reports() {
    let env = story();
    env.run(["config", "set", "currency", "chf"])
        .success()
        .stdout_is("currency = CHF\n");
    assert_eq!(report_json(&env, &[])["currency"], "CHF");
    env.run(["report"])
        .success()
        .stdout_contains("2,400 CHF")
        .stdout_lacks("€");
}
