//! The verdict a seasoned adviser would give, on journals built from ordinary situations
//! through the command line (the clock pinned on 2024-06-15): each case, its call, and the
//! figure its reasons must state.

use chrono::{Days, NaiveDate};
use serde_json::Value as Json;

use crate::common::TestEnv;
use crate::report::report_json;

/// `count` meetings of `network`, every `every` days from `first`, each meeting the people in
/// `met` for its first `met_times` meetings.
fn meetings(
    network: &str,
    format: &str,
    first: &str,
    every: u64,
    count: u64,
    met: &[&str],
    met_times: u64,
) -> String {
    let first: NaiveDate = first.parse().unwrap();
    (0..count)
        .map(|i| {
            let date = first + Days::new(i * every);
            let mut line = format!(
                "log meeting --network \"{network}\" --date {date} --format {format} --minutes 90 --travel 30 --cost 12"
            );
            if i < met_times {
                for who in met {
                    line += &format!(" --met \"{who}\"");
                }
            }
            line + "\n"
        })
        .collect()
}

/// The one network of the report.
fn the_network(env: &TestEnv) -> Json {
    let report = report_json(env, &[]);
    report["networks"][0].clone()
}

fn reasons(network: &Json) -> String {
    network["verdict"]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// 45 weekly breakfasts over eleven months at €1,300 a year.
fn breakfast_club(env: &TestEnv) {
    env.replay(
        "add network \"Les Matinales\" --kind co-optation --joined 2023-07-20 --fee 1300 --fee-period year",
    );
    env.replay(&meetings(
        "Les Matinales",
        "breakfast",
        "2023-07-25",
        7,
        45,
        &["Paul Martin"],
        20,
    ));
}

#[test]
fn each_situation_gets_the_call_an_adviser_would_give() {
    type Build = fn(&TestEnv);
    // (situation, journal, the calls allowed, a figure the reasons state)
    let cases: [(&str, Build, &[&str], &str); 6] = [
        (
            "45 weekly breakfasts, two wins from a member met 20 times",
            |env| {
                breakfast_club(env);
                env.replay(
                    "log referral --received --network \"Les Matinales\" --contact \"Paul Martin\" --date 2024-01-10 --value 4000
                     log referral --received --network \"Les Matinales\" --contact \"Paul Martin\" --date 2024-04-02 --value 1500",
                );
            },
            &["stay"],
            "won €5,500",
        ),
        (
            "the same, nothing received, six referrals given",
            |env| {
                breakfast_club(env);
                for month in 1..=6 {
                    env.replay(&format!(
                        "log referral --given --network \"Les Matinales\" --contact \"Paul Martin\" --date 2024-0{month}-05"
                    ));
                }
            },
            &["watch", "leave"],
            "6 referrals given, no referral received after 45 meetings",
        ),
        (
            "joined three weeks ago, three weekly breakfasts",
            |env| {
                env.replay(
                    "add network \"Les Matinales\" --kind co-optation --joined 2024-05-25 --fee 1300 --fee-period year",
                );
                env.replay(&meetings(
                    "Les Matinales",
                    "breakfast",
                    "2024-05-28",
                    7,
                    3,
                    &[],
                    0,
                ));
            },
            &["watch"],
            "too early to judge (3 meetings in 21 days)",
        ),
        (
            "a cheap alumni association, four people met six times each, one referral given",
            |env| {
                env.replay(
                    "add network \"Anciens de Sup de Co\" --kind alumni --joined 2022-06-01 --fee 60 --fee-period year",
                );
                env.replay(&meetings(
                    "Anciens de Sup de Co",
                    "evening",
                    "2022-06-20",
                    120,
                    6,
                    &["Ana", "Bruno", "Chloé", "David"],
                    6,
                ));
                env.replay(
                    "log referral --given --network \"Anciens de Sup de Co\" --contact Ana --date 2023-10-02",
                );
            },
            &["stay", "watch"],
            "4 people met three times or more",
        ),
        (
            "one big win 14 months ago, 12 meetings since with nothing, renewal in 3 weeks",
            |env| {
                env.replay(
                    "add network \"Club Affaires Sud\" --kind professional --joined 2022-07-06 --fee 900 --fee-period year",
                );
                env.replay(&meetings(
                    "Club Affaires Sud",
                    "lunch",
                    "2022-09-01",
                    30,
                    8,
                    &["Hugo Lambert"],
                    8,
                ));
                env.replay(
                    "log referral --received --network \"Club Affaires Sud\" --contact \"Hugo Lambert\" --date 2023-04-10 --value 20000",
                );
                env.replay(&meetings(
                    "Club Affaires Sud",
                    "lunch",
                    "2023-06-01",
                    30,
                    12,
                    &[],
                    0,
                ));
            },
            &["watch"],
            "no referral received in 14 months",
        ),
        (
            "a political network, two phone calls, a serious concern on its president",
            |env| {
                env.replay(
                    "add network \"CPME Hérault\" --kind political --joined 2024-01-10 --fee 50 --fee-period year
                     log meeting --network \"CPME Hérault\" --date 2024-02-01 --format phone --minutes 20 --met \"Jean Dupont\"
                     log meeting --network \"CPME Hérault\" --date 2024-03-01 --format phone --minutes 20 --met \"Jean Dupont\"
                     note \"Put my name on a press release without asking me\" --contact \"Jean Dupont\" --concern --date 2024-03-05",
                );
            },
            &["leave"],
            "an unresolved serious concern (“Put my name on a press release without asking me”)",
        ),
    ];
    for (situation, build, calls, figure) in cases {
        let env = TestEnv::new();
        build(&env);
        let network = the_network(&env);
        let call = network["verdict"]["call"].as_str().unwrap();
        let reasons = reasons(&network);
        assert!(
            calls.contains(&call),
            "{situation}: {call}, expected one of {calls:?}: {reasons}"
        );
        assert!(
            reasons.contains(figure),
            "{situation}: the reasons do not state `{figure}`: {reasons}"
        );
        // Every active network with a fee shows its renewal, whatever the call.
        assert!(
            network["renewal"].is_object(),
            "{situation}: no renewal block"
        );
        // A watch says what to watch for and by when.
        if call == "watch" {
            assert!(network["verdict"]["watch_for"].is_string(), "{situation}");
            assert!(network["verdict"]["decide_by"].is_string(), "{situation}");
        }
    }
}

#[test]
fn the_person_a_concern_is_about_is_never_suggested_for_a_coffee() {
    let env = TestEnv::new();
    env.replay(
        "add network \"CPME Hérault\" --kind political --joined 2023-01-10
         log meeting --network \"CPME Hérault\" --date 2023-02-01 --format lunch --met \"Jean Dupont\" --met \"Marie Curie\"
         log meeting --network \"CPME Hérault\" --date 2023-03-01 --format lunch --met \"Jean Dupont\" --met \"Marie Curie\"
         log referral --received --network \"CPME Hérault\" --contact \"Marie Curie\" --date 2023-04-01 --value 500
         note \"Used my name without asking\" --contact \"Jean Dupont\" --concern --date 2024-03-05",
    );
    let report = report_json(&env, &[]);
    let steps = report["next_steps"].to_string();
    assert!(steps.contains("Marie Curie"), "{steps}");
    assert!(!steps.contains("coffee with Jean Dupont"), "{steps}");
    assert!(
        steps.contains("Raise “Used my name without asking” with the organisers of CPME Hérault"),
        "{steps}"
    );
    // Won business once: a serious concern makes it watch, not leave.
    assert_eq!(report["networks"][0]["verdict"]["call"], "watch");
}

#[test]
fn the_renewal_block_forecasts_until_the_renewal() {
    let env = TestEnv::new();
    breakfast_club(&env);
    env.replay(
        "log referral --received --network \"Les Matinales\" --contact \"Paul Martin\" --date 2024-01-10 --value 4000
         log referral --received --network \"Les Matinales\" --contact \"Paul Martin\" --date 2024-04-02 --value 1500",
    );
    let network = the_network(&env);
    let renewal = &network["renewal"];
    assert_eq!(renewal["on"], "2024-07-20");
    assert_eq!(renewal["fee_cents"], 130000);
    assert_eq!(renewal["days_left"], 35);
    // Paid to date: the fee at joining and 45 breakfasts at €12.
    assert_eq!(renewal["paid_cents"], 130000 + 45 * 1200);
    assert_eq!(renewal["hours"], 90.0);
    // A breakfast a week: about 5 more in 35 days.
    assert_eq!(renewal["forecast"]["meetings"], 5);
    let referrals = &renewal["forecast"]["referrals"];
    let (low, mid, high) = (
        referrals["low"].as_f64().unwrap(),
        referrals["mid"].as_f64().unwrap(),
        referrals["high"].as_f64().unwrap(),
    );
    assert!(low <= mid && mid <= high && high > mid, "{referrals}");
    assert_eq!(network["fees_paid_cents"], 130000);
    assert_eq!(network["last_referral_on"], "2024-04-02");
    assert_eq!(network["cost_per_won_cents"], (130000 + 45 * 1200) / 2);
    let text = env.ok(["report"]);
    assert!(
        text.contains("Les Matinales renews on 20 July 2024 (in 35 days) for €1,300."),
        "{text}"
    );
    let french = env.ok(["report", "--lang", "fr"]);
    assert!(
        french.contains("renouvellement le 20 juillet 2024"),
        "{french}"
    );
}

#[test]
fn fees_are_counted_as_paid() {
    let env = TestEnv::new();
    // Paid €350 at joining, left after two months: €350 spent, not €58.
    env.replay(
        "add network \"Réseau Entreprendre\" --kind professional --joined 2024-01-10 --fee 350 --fee-period year
         leave network \"Réseau Entreprendre\" --date 2024-03-10 --reason \"not for me\"",
    );
    let network = the_network(&env);
    assert_eq!(network["fees_paid_cents"], 35000);
    assert_eq!(network["spent_cents"], 35000);
    assert_eq!(network["fees_cents"], 5753);
    assert!(network["renewal"].is_null());
}

#[test]
fn ratings_count() {
    let env = TestEnv::new();
    env.replay("add network \"Club\" --kind professional --joined 2023-01-10");
    for (i, rating) in [4, 4, 5, 2, 2, 2].iter().enumerate() {
        env.replay(&format!(
            "log meeting --network Club --date 2024-0{}-10 --format lunch --rating {rating} --met Ana",
            i + 1
        ));
    }
    env.replay(
        "log referral --received --network Club --contact Ana --date 2024-02-01 --value 900",
    );
    let network = the_network(&env);
    assert_eq!(network["rating_avg"], 3.2);
    assert_eq!(network["verdict"]["call"], "watch");
    assert!(
        reasons(&network).contains("last 3 meetings rated 2/5 on average"),
        "{}",
        reasons(&network)
    );
}

#[test]
fn filters_tell_the_truth() {
    let env = TestEnv::new();
    env.replay(
        "add network \"Club\" --kind professional --joined 2023-01-10
         add network \"Autre\" --kind local --joined 2023-01-10
         log meeting --network Club --date 2023-02-01 --format lunch --met Ana
         log meeting --network Club --date 2023-03-01 --format lunch --met Ana
         log meeting --network Club --date 2023-04-01 --format lunch --met Ana
         log meeting --network Club --date 2024-04-01 --format lunch --met Ana
         log referral --received --network Autre --date 2024-04-01 --value 900
         log referral --received --date 2024-04-01 --value 700",
    );
    // --network leaves the other network and one-to-one business out of every section.
    let report = report_json(&env, &["--network", "Club"]);
    assert_eq!(report["won_business"]["total_cents"], 0);
    assert_eq!(report["one_to_one"]["referrals"]["received"], 0);
    // Depth counts every meeting up to the period's end, whatever --since.
    let report = report_json(&env, &["--network", "Club", "--since", "2024-03-01"]);
    assert_eq!(report["networks"][0]["contacts"]["met_three_plus"], 1);
    // A chosen period is told with its dates.
    let text = env.ok(["report", "--network", "Club", "--since", "2024-03-01"]);
    assert!(text.contains("From 1 March 2024 to 15 June 2024"), "{text}");
}

#[test]
fn a_fee_change_takes_effect_from_its_date_and_keeps_the_past() {
    let env = TestEnv::new();
    env.replay(
        "add network \"Club\" --kind professional --joined 2022-01-10 --fee 150 --fee-period year
         edit network Club --fee 200 --from 2024-01-10",
    );
    let network = the_network(&env);
    // Paid €150 in 2022 and 2023, €200 in 2024.
    assert_eq!(network["fees_paid_cents"], 15000 + 15000 + 20000);
    assert_eq!(network["fee_cents"], 20000);
    let past = report_json(&env, &["--until", "2023-12-31"]);
    assert_eq!(past["networks"][0]["fees_paid_cents"], 30000);
    // The cost pro rata: €150 a year over the 721 days to 31 December 2023.
    assert_eq!(past["networks"][0]["fees_cents"], 29630);
    assert_eq!(past["networks"][0]["fee_cents"], 15000);
    // The renewal is due at the new fee.
    assert_eq!(network["renewal"]["fee_cents"], 20000);
    assert_eq!(network["renewal"]["on"], "2025-01-10");
}
