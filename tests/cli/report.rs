//! `report [--network N] [--since D] [--until D] [--format text|json|md] [--output FILE]`: the
//! story's journal replayed through the binary, snapshotted in every format and both languages,
//! and its figures checked by hand through the JSON interface.

use std::os::unix::fs::PermissionsExt;
use std::sync::OnceLock;

use chrono::{Days, NaiveDate};
use serde_json::Value as Json;

use crate::common::{TestEnv, keys, sidecar};

/// The story's journal on 2024-06-15: the three networks the user left (a gender-based club
/// after 4 meetings, a co-optation breakfast club after 1 breakfast, a political association
/// met only by phone and e-mail that put her name on a press release), a club still paid for
/// that brought business (`stay`), a local network still paid for that brought nothing and
/// renews in 35 days (`leave`), and what happened one-to-one outside any network.
pub const REPORT_STORY: &str = r#"
    add network "Femmes Entrepreneures 34" --kind gender-based --joined 2023-09-01 --invited-by "Anne, a client" --fee 120 --fee-period year
    log meeting --network "Femmes Entrepreneures 34" --date 2023-09-12 --format evening --minutes 120 --travel 30 --cost 25 --met "Claire Petit" --met "Nadia Bensaïd"
    log meeting --network "femmes entrepreneures 34" --date 2023-10-10 --format lunch --minutes 90 --travel 30 --cost 32,50 --met "claire petit"
    log meeting --network "Femmes Entrepreneures 34" --date 2023-11-14 --format evening --minutes 120 --travel 30 --cost 25
    log meeting --network "Femmes Entrepreneures 34" --date 2023-12-05 --format breakfast --minutes 60 --travel 30 --cost 12
    note "Talks about being a woman, a mother, a boss; never about business" --network "Femmes Entrepreneures 34" --date 2023-11-14
    log referral --given --network "Femmes Entrepreneures 34" --contact "Claire Petit" --date 2023-11-20 --status lost
    leave network "Femmes Entrepreneures 34" --date 2023-12-15 --reason "talks centred on being a woman, not on business"

    add network "CPME Hérault" --kind political --joined 2023-11 --fee 50 --fee-period once
    log meeting --network "CPME Hérault" --date 2023-11-20 --format phone --minutes 30
    log meeting --network "CPME Hérault" --date 2024-01-09 --format email --minutes 15
    log meeting --network "cpme hérault" --date 2024-01-25 --format phone --minutes 20
    note "My name on a press release without my consent" --network "CPME Hérault" --concern --date 2024-02-10
    leave network "CPME Hérault" --date 2024-03-01 --reason "my name on press releases without my consent"

    add network "BNI Montpellier" --kind co-optation --joined 2024-01-10 --invited-by "a LinkedIn relation never met in person" --fee 600 --fee-period year --rules "one member per profession"
    log meeting --network "BNI Montpellier" --date 2024-01-16 --format breakfast --minutes 75 --travel 45 --cost 14 --met "Paul Martin" --met "Sophie Durand" --met "Karim Haddad"
    log referral --received --network "BNI Montpellier" --contact "Paul Martin" --date 2024-02-06 --status lost --notes "a website for his brother-in-law"
    leave network "BNI Montpellier" --date 2024-02-15 --reason "cannot recommend someone known from a coffee, a croissant and a business card"

    add network "Club Affaires Sud" --kind professional --joined 2023-10-01 --fee 25 --fee-period month
    log meeting --network "Club Affaires Sud" --date 2023-10-12 --format lunch --minutes 90 --travel 30 --cost 28 --met "Paul Roux" --met "Inès Garcia"
    log meeting --network "Club Affaires Sud" --date 2024-01-11 --format lunch --minutes 90 --travel 30 --cost 28 --met "Paul Roux" --met "Inès Garcia" --met "Hugo Lambert"
    log meeting --network "Club Affaires Sud" --date 2024-03-14 --format lunch --minutes 90 --travel 30 --cost 30 --met "Paul Roux"
    log meeting --network "Club Affaires Sud" --date 2024-05-16 --format video --minutes 60 --met "Paul Roux"
    log referral --received --network "Club Affaires Sud" --contact "Paul Roux" --date 2024-04-15 --value 2400 --notes "a brand identity for his restaurant"

    add network "Freelances Montpellier" --kind local --joined 2023-07-20 --fee 240 --fee-period year
    log meeting --network "Freelances Montpellier" --date 2023-09-14 --format evening --minutes 120 --travel 40 --cost 15 --met "Marc Leroy" --met "Emma Blanc"
    log meeting --network "Freelances Montpellier" --date 2023-11-09 --format evening --minutes 120 --travel 40 --cost 15 --met "Marc Leroy"
    log meeting --network "Freelances Montpellier" --date 2024-02-08 --format evening --minutes 120 --travel 40 --cost 15 --met "Emma Blanc" --met "Léa Fontaine"
    log meeting --network "Freelances Montpellier" --date 2024-05-07 --format video --minutes 60 --met "Marc Leroy"
    log referral --given --network "Freelances Montpellier" --contact "Marc Leroy" --date 2024-04-20 --notes "a developer for his shop"

    log meeting --date 2024-01-05 --format one-to-one --minutes 60 --travel 20 --cost 8 --met "Claire Petit" --notes "a real talk"
    log meeting --date 2024-04-04 --format one-to-one --minutes 60 --met "Paul Roux"
    log meeting --date 2024-04-10 --format one-to-one --minutes 90 --cost 22 --met "Luc Moreau"
    log referral --received --contact "Claire Petit" --network none --date 2024-03-10 --value "3 200" --notes "brand identity"
    log referral --received --contact "Luc Moreau" --date 2024-04-25 --value 1500 --notes "a logo for his bakery"
    log referral --received --contact "Luc Moreau" --date 2024-05-26 --notes "a menu for his bakery"
"#;

/// A fresh copy of the story's journal. It is replayed once per test run, then copied.
pub fn story() -> TestEnv {
    static JOURNAL: OnceLock<Vec<u8>> = OnceLock::new();
    let bytes = JOURNAL.get_or_init(|| {
        let env = TestEnv::new();
        env.replay(REPORT_STORY);
        env.assert_no_pending_wal();
        env.bytes().expect("the story's journal exists")
    });
    TestEnv::with_bytes(bytes)
}

/// `report --format json EXTRA…`, parsed.
#[track_caller]
pub fn report_json(env: &TestEnv, extra: &[&str]) -> Json {
    let mut args = vec!["report", "--format", "json"];
    args.extend_from_slice(extra);
    env.run(args).success().json()
}

/// The network named `name` in a JSON report.
#[track_caller]
pub fn network<'a>(report: &'a Json, name: &str) -> &'a Json {
    report["networks"]
        .as_array()
        .unwrap_or_else(|| panic!("no `networks` list in {report:#}"))
        .iter()
        .find(|n| n["name"] == name)
        .unwrap_or_else(|| panic!("no network {name:?} in the report"))
}

/// The names of a JSON report's networks, in order.
fn names(report: &Json) -> Vec<&str> {
    report["networks"]
        .as_array()
        .expect("a `networks` list")
        .iter()
        .map(|n| n["name"].as_str().expect("a name"))
        .collect()
}

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

/// A fee's share of the period, computed independently of the program: the fee (counted
/// `per_year` times a year) × days of membership within the period / 365, the days running
/// from max(joined, since) to min(left, until + 1).
pub fn fee_share(
    fee_cents: i64,
    per_year: i64,
    joined: &str,
    left: Option<&str>,
    since: Option<&str>,
    until: &str,
) -> i64 {
    let joined = day(joined);
    let start = since.map_or(joined, |since| day(since).max(joined));
    let after_until = day(until).checked_add_days(Days::new(1)).unwrap();
    let end = left.map_or(after_until, |left| day(left).min(after_until));
    let days = (end - start).num_days().max(0);
    (fee_cents as f64 * per_year as f64 * days as f64 / 365.0).round() as i64
}

/// Whole minutes as the report's hours (two decimals).
fn hours(minutes: i64) -> f64 {
    (minutes as f64 / 60.0 * 100.0).round() / 100.0
}

/// An amount under €1,000 as the English report writes it.
fn euros(cents: i64) -> String {
    match cents % 100 {
        0 => format!("€{}", cents / 100),
        c => format!("€{}.{c:02}", cents / 100),
    }
}

#[track_caller]
fn reasons(network: &Json) -> Vec<String> {
    network["verdict"]["reasons"]
        .as_array()
        .expect("a list of reasons")
        .iter()
        .map(|r| r.as_str().expect("a reason is a string").to_string())
        .collect()
}

#[track_caller]
/// `won ÷ spent` rounded down to two decimals, as the report gives it.
pub fn floor_ratio(won: i64, spent: i64) -> f64 {
    (won * 100 / spent) as f64 / 100.0
}

fn assert_close(actual: &Json, expected: f64, what: &str) {
    let actual = actual
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: not a number: {actual}"));
    assert!(
        (actual - expected).abs() <= 0.005,
        "{what}: {actual}, expected {expected:.4}"
    );
}

// ---------------------------------------------------------------------------------------------
// Snapshots: what the user reads.

fn report(format: &str, lang: &str) -> String {
    story().ok(["report", "--format", format, "--lang", lang])
}

#[test]
fn text_en() {
    insta::assert_snapshot!("report_text_en", report("text", "en"));
}

#[test]
fn text_fr() {
    insta::assert_snapshot!("report_text_fr", report("text", "fr"));
}

#[test]
fn md_en() {
    insta::assert_snapshot!("report_md_en", report("md", "en"));
}

#[test]
fn md_fr() {
    insta::assert_snapshot!("report_md_fr", report("md", "fr"));
}

#[test]
fn json_en() {
    insta::assert_snapshot!("report_json_en", report("json", "en"));
}

#[test]
fn json_fr() {
    insta::assert_snapshot!("report_json_fr", report("json", "fr"));
}

// ---------------------------------------------------------------------------------------------
// The JSON contract and the figures, by hand.

#[test]
fn json_holds_the_documented_keys() {
    let report = report_json(&story(), &[]);
    for key in ["currency", "period", "networks", "totals", "by_kind"] {
        assert!(report.get(key).is_some(), "no top-level `{key}`");
    }
    assert_eq!(report["currency"], "EUR");
    assert_eq!(report["period"]["since"], Json::Null);
    assert_eq!(report["period"]["until"], "2024-06-15");
    assert_eq!(report["by_kind"].as_array().map(Vec::len), Some(5));
    let nested: &[(&str, &[&str])] = &[
        ("meetings", &["in_person", "remote", "total"]),
        (
            "contacts",
            &["met_once", "met_three_plus", "met_twice", "total"],
        ),
        (
            "referrals",
            &["given", "received", "won", "won_value_cents"],
        ),
        ("verdict", &["call", "reasons"]),
    ];
    let networks = report["networks"].as_array().expect("a list");
    assert_eq!(networks.len(), 5);
    for network in networks {
        let own = keys(network);
        for key in [
            "name",
            "kind",
            "status",
            "joined_on",
            "left_on",
            "exit_reason",
            "meetings",
            "hours",
            "spent_cents",
            "contacts",
            "referrals",
            "concerns",
            "roi",
            "verdict",
        ] {
            assert!(own.contains(&key.to_string()), "no `{key}` in {network:#}");
        }
        for (object, inner) in nested {
            let present = keys(&network[object]);
            for key in *inner {
                assert!(
                    present.contains(&key.to_string()),
                    "no `{object}.{key}` in {network:#}"
                );
            }
        }
        assert!(network["verdict"]["reasons"].is_array());
        assert!(network["roi"].is_number() || network["roi"].is_null());
    }
}

#[test]
fn a_club_still_paid_for_that_brought_business_is_a_stay() {
    let report = report_json(&story(), &[]);
    let club = network(&report, "Club Affaires Sud");
    assert_eq!(club["kind"], "professional");
    assert_eq!(club["status"], "active");
    assert_eq!(club["joined_on"], "2023-10-01");
    assert_eq!(club["left_on"], Json::Null);
    assert_eq!(club["exit_reason"], Json::Null);
    assert_eq!(
        club["meetings"],
        serde_json::json!({"total": 4, "in_person": 3, "remote": 1})
    );
    // Three lunches of 90 minutes plus 30 of travel, and an hour of video.
    assert_close(&club["hours"], hours(3 * (90 + 30) + 60), "hours");
    // A monthly fee of €25 paid on the first of each month from October to June, and €28 +
    // €28 + €30 of lunches; its cost pro rata over the same days is what the verdict weighs.
    let lunches = 2800 + 2800 + 3000;
    let paid = 9 * 2500 + lunches;
    assert_eq!(club["spent_cents"], paid);
    assert_eq!(club["fees_paid_cents"], 9 * 2500);
    let fee = fee_share(2500, 12, "2023-10-01", None, None, "2024-06-15");
    assert_eq!(club["fees_cents"], fee);
    let spent = fee + lunches;
    // Paul Roux: 3 lunches and a video here, plus a one-to-one; Inès Garcia 2; Hugo 1.
    assert_eq!(
        club["contacts"],
        serde_json::json!({"total": 3, "met_once": 1, "met_twice": 1, "met_three_plus": 1})
    );
    assert_eq!(club["referrals"]["received"], 1);
    assert_eq!(club["referrals"]["given"], 0);
    assert_eq!(club["referrals"]["won"], 1);
    assert_eq!(club["referrals"]["won_value_cents"], 240_000);
    assert_eq!(club["concerns"], 0);
    // The return is rounded down to two decimals, never up past a threshold.
    assert_eq!(
        club["roi"].as_f64(),
        Some(floor_ratio(240_000, paid)),
        "roi"
    );
    assert_eq!(club["verdict"]["call"], "stay");
    assert_eq!(
        reasons(club)[0],
        format!(
            "won €2,400 for {} spent since joining ({}×)",
            euros(spent),
            floor_ratio(240_000, spent)
        )
    );
}

#[test]
fn a_network_still_paid_for_that_brought_nothing_yet_is_a_watch_and_its_renewal_a_next_step() {
    let report = report_json(&story(), &[]);
    let local = network(&report, "Freelances Montpellier");
    assert_eq!(local["status"], "active");
    assert_eq!(
        local["meetings"],
        serde_json::json!({"total": 4, "in_person": 3, "remote": 1})
    );
    assert_close(&local["hours"], hours(3 * (120 + 40) + 60), "hours");
    // The yearly fee paid at joining, and three evenings at €15.
    let spent = 24000 + 3 * 1500;
    assert_eq!(local["spent_cents"], spent);
    assert_eq!(local["referrals"]["received"], 0);
    assert_eq!(local["referrals"]["given"], 1);
    assert_eq!(local["referrals"]["won_value_cents"], 0);
    assert_close(&local["roi"], 0.0, "roi");
    // Nothing came back yet, but a referral was given and Marc Leroy was met three times:
    // not a leave on its own. What to watch for, by the renewal.
    assert_eq!(local["verdict"]["call"], "watch");
    assert_eq!(
        reasons(local)[0],
        "1 referral given, no referral received after 4 meetings; 1 person met three times or more"
    );
    assert_eq!(
        local["verdict"]["watch_for"],
        "a first referral received in return"
    );
    assert_eq!(local["verdict"]["decide_by"], "2024-07-20");

    let steps: Vec<&str> = report["next_steps"]
        .as_array()
        .expect("a list of next steps")
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(steps.len() <= 5, "{steps:#?}");
    assert!(
        steps[0].starts_with("Freelances Montpellier renews on 20 July 2024 (in 35 days) for €240"),
        "{steps:#?}"
    );
    // The club renews on 1 July too, but its verdict is `stay`: nothing to decide.
    assert!(!steps.iter().any(|s| s.contains("Club Affaires Sud renews")));
    // The referral given on 20 April is open for 56 days; the one received on 26 May, for 20
    // days only, is not yet to follow up.
    assert!(
        steps
            .iter()
            .any(|s| s.contains("Marc Leroy") && s.contains("56 days")),
        "{steps:#?}"
    );
    assert!(!steps.iter().any(|s| s.contains("Luc Moreau")));
    // The club's business rests on Paul Roux alone: widen it.
    assert!(
        steps.contains(
            &"The business from Club Affaires Sud rests on one person: deepen two or three more relationships there."
        ),
        "{steps:#?}"
    );
    // Met twice in a network still active, never one-to-one: Emma Blanc. Paul Roux was seen
    // one-to-one, Claire Petit belongs to a network left.
    assert!(
        steps
            .iter()
            .any(|s| s.contains("Emma Blanc") && s.contains("2 meetings shared")),
        "{steps:#?}"
    );
    assert!(!steps.iter().any(|s| s.contains("Paul Roux")));
    assert!(!steps.iter().any(|s| s.contains("Claire Petit")));
}

#[test]
fn the_networks_left_are_left_with_their_exit_reason_first() {
    let report = report_json(&story(), &[]);
    let cases = [
        (
            "Femmes Entrepreneures 34",
            "gender-based",
            "2023-12-15",
            "left on 15 December 2023",
            "talks centred on being a woman, not on business",
        ),
        (
            "BNI Montpellier",
            "co-optation",
            "2024-02-15",
            "left on 15 February 2024",
            "cannot recommend someone known from a coffee, a croissant and a business card",
        ),
        (
            "CPME Hérault",
            "political",
            "2024-03-01",
            "left on 1 March 2024",
            "my name on press releases without my consent",
        ),
    ];
    for (name, kind, left_on, said, reason) in cases {
        let left = network(&report, name);
        assert_eq!(left["kind"], kind, "{name}");
        assert_eq!(left["status"], "left", "{name}");
        assert_eq!(left["left_on"], left_on, "{name}");
        assert_eq!(left["exit_reason"], reason, "{name}");
        assert_eq!(left["verdict"]["call"], "left", "{name}");
        let first = &reasons(left)[0];
        assert!(
            first.starts_with(said) && first.contains(reason),
            "{name}: {first}"
        );
    }

    // Four meetings at the gender-based club, all in person, for a fee counted until leaving.
    let club = network(&report, "Femmes Entrepreneures 34");
    assert_eq!(
        club["meetings"],
        serde_json::json!({"total": 4, "in_person": 4, "remote": 0})
    );
    assert_close(&club["hours"], hours(150 + 120 + 150 + 90), "hours");
    let fee = fee_share(
        12000,
        1,
        "2023-09-01",
        Some("2023-12-15"),
        None,
        "2024-06-15",
    );
    // Its fee was paid in full at joining: €120, though the membership lasted 3 months.
    assert_eq!(club["spent_cents"], 12000 + 2500 + 3250 + 2500 + 1200);
    assert_eq!(club["fees_cents"], fee);
    assert_eq!(club["referrals"]["given"], 1);

    // One breakfast, three people met once, one referral lost.
    let bni = network(&report, "BNI Montpellier");
    assert_eq!(bni["meetings"]["total"], 1);
    assert_close(&bni["hours"], 2.0, "hours");
    let fee = fee_share(
        60000,
        1,
        "2024-01-10",
        Some("2024-02-15"),
        None,
        "2024-06-15",
    );
    // A year's fee paid at joining for a month of membership: €600 spent, €58.22 of cost.
    assert_eq!(bni["spent_cents"], 60000 + 1400);
    assert_eq!(bni["fees_cents"], fee);
    assert_eq!(
        bni["contacts"],
        serde_json::json!({"total": 3, "met_once": 3, "met_twice": 0, "met_three_plus": 0})
    );
    assert_eq!(bni["referrals"]["received"], 1);
    assert_eq!(bni["referrals"]["won"], 0);
    assert_eq!(bni["roi"], 0.0);

    // No meeting in person, a concern, a one-off fee paid in the period.
    let cpme = network(&report, "CPME Hérault");
    assert_eq!(
        cpme["meetings"],
        serde_json::json!({"total": 3, "in_person": 0, "remote": 3})
    );
    assert_close(&cpme["hours"], hours(30 + 15 + 20), "hours");
    assert_eq!(cpme["spent_cents"], 5000);
    assert_eq!(cpme["contacts"]["total"], 0);
    assert_eq!(cpme["concerns"], 1);
    assert!(
        reasons(cpme).iter().any(|r| r
            == "an unresolved serious concern (“My name on a press release without my consent”)"),
        "{:#?}",
        reasons(cpme)
    );
}

#[test]
fn totals_add_up_the_networks_and_one_to_one_is_counted_apart() {
    let report = report_json(&story(), &[]);
    let networks = report["networks"].as_array().unwrap();
    let sum = |field: &dyn Fn(&Json) -> i64| networks.iter().map(field).sum::<i64>();
    let totals = &report["totals"];
    assert_eq!(
        totals["spent_cents"],
        sum(&|n| n["spent_cents"].as_i64().unwrap())
    );
    assert_eq!(totals["meetings"]["total"], 16);
    assert_eq!(totals["meetings"]["in_person"], 11);
    assert_eq!(totals["referrals"]["won_value_cents"], 240_000);
    assert_eq!(totals["concerns"], 1);
    for kind in report["by_kind"].as_array().unwrap() {
        let members: Vec<&Json> = networks
            .iter()
            .filter(|n| n["kind"] == kind["kind"])
            .collect();
        assert_eq!(kind["networks"], members.len(), "{kind}");
        assert_eq!(
            kind["spent_cents"],
            members
                .iter()
                .map(|n| n["spent_cents"].as_i64().unwrap())
                .sum::<i64>(),
            "{kind}"
        );
    }
    // Claire Petit's €3,200 and Luc Moreau's €1,500 came one-to-one, outside any network.
    let won = &report["won_business"];
    assert_eq!(won["through_networks_cents"], 240_000);
    assert_eq!(won["one_to_one_cents"], 470_000);
    assert_close(&won["network_share"], 2400.0 / 7100.0, "network share");
    assert_eq!(report["one_to_one"]["meetings"]["total"], 3);
}

#[test]
fn a_concern_never_leaves_a_network_at_stay() {
    let env = story();
    env.run([
        "note",
        "They shared my phone number with a sponsor",
        "--network",
        "Club Affaires Sud",
        "--concern",
        "--date",
        "2024-06-01",
    ])
    .success();
    let report = report_json(&env, &[]);
    let club = network(&report, "Club Affaires Sud");
    assert_eq!(club["concerns"], 1);
    assert_eq!(club["verdict"]["call"], "watch");
    let reasons = reasons(club);
    assert_eq!(
        reasons[0], "an unresolved serious concern (“They shared my phone number with a sponsor”)",
        "{reasons:#?}"
    );
    assert!(reasons.iter().any(|r| r.starts_with("won €2,400")));
}

#[test]
fn nothing_spent_gives_no_return_and_no_meeting_gives_zeros() {
    let env = TestEnv::new();
    env.replay(
        r#"
        add network "Alumni ESC" --kind alumni --joined 2024-02-01
        log meeting --network "Alumni ESC" --date 2024-03-01 --format video --minutes 45
        log referral --received --network "Alumni ESC" --date 2024-04-01 --value 800
        add network "Réseau Vide" --kind online --joined 2024-05-01 --fee 10 --fee-period month
        add network "Silent Club" --kind other --joined 2024-06-01
    "#,
    );
    let report = report_json(&env, &[]);
    let alumni = network(&report, "Alumni ESC");
    assert_eq!(alumni["spent_cents"], 0);
    assert_eq!(alumni["roi"], Json::Null);
    assert_eq!(alumni["verdict"]["call"], "stay");
    assert_eq!(
        reasons(alumni)[0],
        "won €800 since joining with nothing spent"
    );

    // Réseau Vide's monthly fee was paid on 1 May and 1 June.
    for (name, spent, span) in [
        ("Réseau Vide", 2 * 1000, "1 month"),
        ("Silent Club", 0, "14 days"),
    ] {
        let empty = network(&report, name);
        assert_eq!(
            empty["meetings"],
            serde_json::json!({"total": 0, "in_person": 0, "remote": 0}),
            "{name}"
        );
        assert_eq!(empty["hours"], 0.0, "{name}");
        assert_eq!(empty["spent_cents"], spent, "{name}");
        assert_eq!(empty["contacts"]["total"], 0, "{name}");
        assert_eq!(empty["referrals"]["received"], 0, "{name}");
        assert_eq!(empty["verdict"]["call"], "watch", "{name}");
        assert_eq!(
            reasons(empty)[0],
            format!(
                "too early to judge (no meeting in {span}); to be judged after 3 meetings and 6 months of membership"
            ),
            "{name}"
        );
    }
    assert_eq!(network(&report, "Silent Club")["roi"], Json::Null);
    for format in ["text", "md"] {
        for lang in ["en", "fr"] {
            env.run(["report", "--format", format, "--lang", lang])
                .success()
                .stdout_contains("Silent Club");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Periods and filters.

#[test]
fn a_period_crossing_a_join_date_counts_the_fee_from_joining() {
    let env = story();
    // The club joined on 1 October 2023: from September on or from November on.
    // (since, until, as read, lunches, monthly fees paid on the 1st within the period)
    let cases = [
        (Some("2023-09"), "2023-12", "2023-09-01", "2023-12-31", 1, 3),
        (
            Some("2023-11-01"),
            "2023-12-31",
            "2023-11-01",
            "2023-12-31",
            0,
            2,
        ),
        (None, "2023-12", "", "2023-12-31", 1, 3),
    ];
    for (since, until, since_day, until_day, lunches, paid) in cases {
        let mut args = vec!["--until", until, "--network", "club affaires sud"];
        if let Some(since) = since {
            args.extend(["--since", since]);
        }
        let report = report_json(&env, &args);
        assert_eq!(report["period"]["until"], until_day);
        match since {
            Some(_) => assert_eq!(report["period"]["since"], since_day),
            None => assert_eq!(report["period"]["since"], Json::Null),
        }
        let club = network(&report, "Club Affaires Sud");
        let fee = fee_share(
            2500,
            12,
            "2023-10-01",
            None,
            since.map(|_| since_day),
            until_day,
        );
        assert_eq!(club["meetings"]["total"], lunches, "{args:?}");
        assert_eq!(club["fees_cents"], fee, "{args:?}");
        assert_eq!(club["fees_paid_cents"], paid * 2500, "{args:?}");
        assert_eq!(
            club["spent_cents"],
            paid * 2500 + lunches * 2800,
            "{args:?}"
        );
    }
    // Crossing a leave date: BNI's fee from 1 February to 15 February only, and the breakfast
    // of 16 January is out of the period.
    let report = report_json(&env, &["--since", "2024-02-01", "--until", "2024-06-15"]);
    let bni = network(&report, "BNI Montpellier");
    assert_eq!(bni["meetings"]["total"], 0);
    assert_eq!(
        bni["fees_cents"],
        fee_share(
            60000,
            1,
            "2024-01-10",
            Some("2024-02-15"),
            Some("2024-02-01"),
            "2024-06-15"
        )
    );
    // Its fee fell due at joining, before the period: nothing paid within it.
    assert_eq!(bni["spent_cents"], 0);
    // Left before the period began: not in it.
    assert!(!names(&report).contains(&"Femmes Entrepreneures 34"));
}

#[test]
fn a_period_with_no_data_has_no_network_and_zero_totals() {
    let env = story();
    let period = ["--since", "2020-01", "--until", "2020-12"];
    let report = report_json(&env, &period);
    assert_eq!(report["networks"], serde_json::json!([]));
    assert_eq!(report["by_kind"], serde_json::json!([]));
    let totals = &report["totals"];
    assert_eq!(totals["networks"], 0);
    assert_eq!(totals["meetings"]["total"], 0);
    assert_eq!(totals["hours"], 0.0);
    assert_eq!(totals["spent_cents"], 0);
    assert_eq!(totals["referrals"]["won_value_cents"], 0);
    assert_eq!(totals["roi"], Json::Null);
    let mut args = vec!["report"];
    args.extend(period);
    env.run(args.clone())
        .success()
        .stdout_contains("No network in this period.");
    args.extend(["--lang", "fr"]);
    env.run(args)
        .success()
        .stdout_contains("Aucun réseau sur cette période.");
}

#[test]
fn one_network_by_name_in_any_case() {
    let env = story();
    for name in [
        "Club Affaires Sud",
        "CLUB AFFAIRES SUD",
        "club affaires sud",
    ] {
        let report = report_json(&env, &["--network", name]);
        assert_eq!(names(&report), ["Club Affaires Sud"]);
        assert_eq!(report["by_kind"].as_array().map(Vec::len), Some(1));
        // The next steps follow the filter: only the club's contact to meet one-to-one.
        let steps = report["next_steps"].as_array().unwrap();
        assert!(!steps.is_empty());
        for step in steps {
            let step = step.as_str().unwrap();
            assert!(step.contains("Club Affaires Sud"), "{step}");
        }
    }
    env.run(["report", "--network", "bni montpellier"])
        .success()
        .stdout_contains("BNI Montpellier")
        .stdout_lacks("Club Affaires Sud")
        .stdout_lacks("Freelances Montpellier");
}

#[test]
fn an_unknown_network_is_refused_with_the_closest_name() {
    story()
        .rejects(
            ["report", "--network", "Club Affaire Sud"],
            "Club Affaire Sud",
        )
        .stderr_contains("did you mean `Club Affaires Sud`?");
}

#[test]
fn bad_periods_and_formats_are_refused() {
    let env = story();
    env.rejects(
        ["report", "--since", "2024-05-01", "--until", "2024-04-30"],
        "2024-05-01",
    )
    .stderr_contains("2024-04-30");
    env.rejects(["report", "--since", "2024-13-45"], "2024-13-45");
    env.rejects(["report", "--until", "soon"], "soon");
    env.rejects(["report", "--format", "pdf"], "pdf");
}

#[test]
fn a_journal_that_does_not_exist_has_nothing_to_report_and_is_not_created() {
    let env = TestEnv::new();
    env.run(["report"])
        .exit(0)
        .stdout_contains("No network in this period.")
        .stderr_contains("no journal at");
    let report = env.run(["report", "--format", "json"]).exit(0).json();
    assert_eq!(report["networks"], serde_json::json!([]));
    assert!(!env.db().exists(), "`report` created the journal");
    assert!(!sidecar(env.db(), "-wal").exists());
    assert!(!sidecar(env.db(), "-shm").exists());
}

// ---------------------------------------------------------------------------------------------
// Output and language.

#[test]
fn output_writes_the_same_report_to_a_private_file() {
    let env = story();
    for format in ["text", "md", "json", "html"] {
        let expected = env.ok(["report", "--format", format, "--lang", "fr"]);
        let path = env.path(&format!("bilan.{format}"));
        let run = env
            .cmd(["report", "--format", format, "--lang", "fr", "--output"])
            .arg(&path)
            .run();
        run.exit(0).stdout_is("").stderr_is_clean();
        let written = std::fs::read_to_string(&path).expect("the report was written");
        assert_eq!(written, expected, "--format {format}");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{format}: mode {mode:o}");
    }
}

#[test]
fn french_from_the_option_the_environment_or_the_locale() {
    let env = story();
    let runs = [
        env.cmd(["report", "--lang", "fr"]).run(),
        env.cmd(["report", "--lang", "FR"]).run(),
        env.cmd(["report"]).env("NETJOURNAL_LANG", "fr").run(),
        env.cmd(["report"]).env("LANG", "fr_FR.UTF-8").run(),
    ];
    for run in &runs {
        run.success()
            .stdout_contains("Rétrospective")
            .stdout_contains("2 400 €")
            .stdout_contains("7 100 € gagnés en tout")
            .stdout_contains("15 juin 2024")
            .stdout_lacks("Retrospective")
            .stdout_lacks("€2,400");
    }
    let english = [
        env.cmd(["report", "--lang", "en"])
            .env("LANG", "fr_FR.UTF-8")
            .run(),
        env.cmd(["report", "--lang", "en"])
            .env("NETJOURNAL_LANG", "fr")
            .run(),
        env.cmd(["report"]).env("LANG", "en_GB.UTF-8").run(),
        env.cmd(["report"]).run(),
    ];
    for run in &english {
        run.success()
            .stdout_contains("Retrospective")
            .stdout_contains("€2,400")
            .stdout_lacks("Rétrospective");
    }
}

#[test]
fn json_keys_and_calls_stay_in_english_in_french() {
    let env = story();
    let en = report_json(&env, &["--lang", "en"]);
    let fr = report_json(&env, &["--lang", "fr"]);
    assert_eq!(keys(&en), keys(&fr));
    for (a, b) in en["networks"]
        .as_array()
        .unwrap()
        .iter()
        .zip(fr["networks"].as_array().unwrap())
    {
        assert_eq!(keys(a), keys(b));
        for key in ["kind", "status", "spent_cents", "hours", "roi"] {
            assert_eq!(a[key], b[key], "{key}");
        }
        assert_eq!(a["verdict"]["call"], b["verdict"]["call"]);
    }
    let club = network(&fr, "Club Affaires Sud");
    assert_eq!(club["verdict"]["call"], "stay");
    assert!(
        reasons(club)[0].starts_with("2 400 € gagnés pour"),
        "{:?}",
        reasons(club)
    );
}

// ---------------------------------------------------------------------------------------------
// A report on a period that ended: as the networks stood then, and no next steps.

#[test]
fn a_period_that_ended_tells_the_networks_as_they_stood_then() {
    let env = story();
    // CPME Hérault was left on 2024-03-01: at the end of January it was still a member.
    let report = report_json(&env, &["--until", "2024-01"]);
    let cpme = network(&report, "CPME Hérault");
    assert_eq!(cpme["status"], "active");
    assert_eq!(cpme["left_on"], Json::Null);
    assert_eq!(cpme["exit_reason"], Json::Null);
    assert_ne!(cpme["verdict"]["call"], "left");
    // Gone by now: no renewal to come.
    assert_eq!(cpme["next_renewal"], Json::Null);
    // Femmes Entrepreneures 34 was left before the period's end: left.
    let femmes = network(&report, "Femmes Entrepreneures 34");
    assert_eq!(femmes["status"], "left");
    assert_eq!(femmes["verdict"]["call"], "left");
}

#[test]
fn next_steps_are_only_drawn_for_a_period_that_runs_to_today() {
    let env = story();
    let past = report_json(&env, &["--since", "2023-09", "--until", "2023-12"]);
    assert_eq!(past["next_steps"], serde_json::json!([]));
    env.run(["report", "--since", "2023-09", "--until", "2023-12"])
        .success()
        .stdout_contains("None: next steps are drawn for a period that runs to today.");
    let now = report_json(&env, &["--since", "2023-09"]);
    assert!(!now["next_steps"].as_array().unwrap().is_empty(), "{now}");
}

#[test]
fn output_to_an_existing_file_makes_it_owner_only() {
    let env = story();
    let file = env.path("retro.md");
    std::fs::write(&file, "old").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    env.run([
        "report",
        "--format",
        "md",
        "--output",
        file.to_str().unwrap(),
    ])
    .exit(0);
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("# Networking report")
    );
}

#[test]
fn the_return_shown_never_rounds_up_past_the_verdict() {
    let env = TestEnv::new();
    env.replay(
        r#"
        add network "Tight" --kind local --joined 2024-01-01
        log meeting --network Tight --date 2024-02-01 --format lunch --cost 100.44
        log meeting --network Tight --date 2024-03-01 --format lunch
        log meeting --network Tight --date 2024-04-01 --format lunch
        log referral --received --network Tight --date 2024-04-02 --value 100
        "#,
    );
    let report = report_json(&env, &[]);
    let tight = network(&report, "Tight");
    assert_eq!(tight["roi"].as_f64(), Some(0.99));
    assert_eq!(tight["verdict"]["call"], "watch");
    assert_eq!(
        reasons(tight)[0],
        "won €100 for €100.44 spent since joining, a return of 0.99×, below 2×"
    );
}

#[test]
fn the_retrospective_tells_one_person_met_as_one() {
    let env = TestEnv::new();
    env.replay(
        r#"
        add network "Once" --kind local --joined 2024-01-01
        log meeting --network Once --date 2024-02-01 --format lunch --met "Ana"
        add network "Twice" --kind local --joined 2024-01-01
        log meeting --network Twice --date 2024-02-01 --format lunch --met "Bo"
        log meeting --network Twice --date 2024-03-01 --format lunch --met "Bo"
        add network "Often" --kind local --joined 2024-01-01
        log meeting --network Often --date 2024-02-01 --format lunch --met "Cy"
        log meeting --network Often --date 2024-03-01 --format lunch --met "Cy"
        log meeting --network Often --date 2024-04-01 --format lunch --met "Cy"
        "#,
    );
    // The prose is wrapped: its lines are joined back into sentences.
    let en = env.ok(["report"]).replace('\n', " ");
    for sentence in [
        "I met 1 person there, only once.",
        "I met 1 person there, twice.",
        "I met 1 person there, three times or more.",
    ] {
        assert!(en.contains(sentence), "{sentence:?} in\n{en}");
    }
    let fr = env.ok(["report", "--lang", "fr"]).replace('\n', " ");
    for sentence in [
        "J'y ai rencontré 1 personne, une seule fois.",
        "J'y ai rencontré 1 personne, deux fois.",
        "J'y ai rencontré 1 personne, au moins trois fois.",
    ] {
        assert!(fr.contains(sentence), "{sentence:?} in\n{fr}");
    }
    for text in [&en, &fr] {
        assert!(
            !text.contains("each of them") && !text.contains("chacune"),
            "{text}"
        );
        assert!(
            !text.contains("1 of them") && !text.contains("dont 1 "),
            "{text}"
        );
    }
}
