//! Generated journals (examples/generate.rs): the generator is deterministic, and the report's
//! figures on a generated journal are those of benches/report.sql, the same aggregates written
//! straightforwardly in SQL — whatever the report does to be fast, it must count the same.
//! Timings live in the benchmarks (benches/), never here.

use std::collections::HashMap;
use std::path::Path;

use netjournal::db::{Access, Journal};
use rusqlite::Connection;
use serde_json::Value as Json;

use crate::common::TestEnv;

#[path = "../../examples/generate.rs"]
#[allow(dead_code)] // The example's `main` and command line are not used here.
mod generate;

use generate::{NOW, Spec};

/// A journal generated from `spec` in a fresh environment.
fn generated(spec: &Spec) -> TestEnv {
    let env = TestEnv::new();
    let mut journal = Journal::open(env.db(), Access::Write).expect("create the journal");
    generate::generate(&mut journal, spec).expect("generate the journal");
    env
}

#[test]
fn the_same_seed_gives_the_same_journal_and_another_seed_another() {
    let spec = Spec::scaled(1_500, 7);
    let first = generated(&spec);
    let again = generated(&spec);
    let first_dump = first.dump();
    assert_eq!(
        first_dump,
        again.dump(),
        "one seed, one journal, uuids included"
    );
    let other = generated(&Spec { seed: 8, ..spec });
    assert_ne!(first_dump, other.dump());

    let count = |table: &str| -> i64 {
        first
            .sql()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count("networks"), spec.networks as i64);
    assert_eq!(count("meetings"), spec.meetings as i64);
    assert_eq!(count("contacts"), spec.contacts as i64);
    assert_eq!(count("meeting_contacts"), spec.links as i64);
    assert_eq!(count("referrals"), spec.referrals as i64);
    assert_eq!(count("notes"), spec.notes as i64);
    // Every kind of network, some left, some concerns, referrals of every status.
    let distinct = |sql: &str| -> i64 { first.sql().query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(distinct("SELECT count(DISTINCT kind) FROM networks"), 8);
    assert!(distinct("SELECT count(*) FROM networks WHERE left_on IS NOT NULL") > 0);
    assert!(distinct("SELECT count(*) FROM notes WHERE concern = 1") > 0);
    assert_eq!(distinct("SELECT count(DISTINCT status) FROM referrals"), 3);
}

/// benches/report.sql's rows over the period, by network name (`None`: outside any network),
/// each as the report's JSON figures.
fn straightforward(db: &Path, since: Option<&str>, until: &str) -> HashMap<Option<String>, Json> {
    let sql = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/benches/report.sql"))
        .expect("read benches/report.sql");
    let conn = Connection::open(db).expect("open the journal");
    let mut stmt = conn
        .prepare(&sql)
        .expect("benches/report.sql is one statement");
    let mut rows = stmt
        .query(rusqlite::named_params! { "@since": since, "@until": until })
        .unwrap();
    let mut figures = HashMap::new();
    while let Some(row) = rows.next().unwrap() {
        let n = |i: usize| row.get::<_, i64>(i).unwrap();
        let minutes = n(4);
        figures.insert(
            row.get(0).unwrap(),
            serde_json::json!({
                "meetings": { "total": n(1), "in_person": n(2), "remote": n(3) },
                "hours": (minutes as f64 / 60.0 * 100.0).round() / 100.0,
                "meeting_costs_cents": n(5),
                "contacts": {
                    "total": n(6), "met_once": n(7), "met_twice": n(8), "met_three_plus": n(9),
                },
                "referrals": {
                    "received": n(10), "given": n(11), "won": n(12), "lost": n(13),
                    "open": n(14), "won_value_cents": n(15),
                },
                "concerns": n(16),
            }),
        );
    }
    figures
}

/// The report's figures for one network (or for `one_to_one`), in the shape of
/// [`straightforward`]'s.
fn figures(network: &Json, costs: &str) -> Json {
    serde_json::json!({
        "meetings": network["meetings"],
        "hours": network["hours"],
        "meeting_costs_cents": network[costs],
        "contacts": network["contacts"],
        "referrals": network["referrals"],
        "concerns": network["concerns"],
    })
}

#[track_caller]
fn assert_report_counts_as_sql(env: &TestEnv, since: Option<&str>, until: &str, extra: &[&str]) {
    let mut args = vec!["report", "--format", "json", "--until", until];
    if let Some(since) = since {
        args.extend(["--since", since]);
    }
    args.extend_from_slice(extra);
    let report = env
        .cmd(args)
        .env("NETJOURNAL_NOW", NOW)
        .run()
        .success()
        .json();
    let expected = straightforward(env.db(), since, until);
    let networks = report["networks"].as_array().unwrap();
    assert!(!networks.is_empty());
    for network in networks {
        let name = network["name"].as_str().unwrap().to_string();
        let ours = figures(network, "meeting_costs_cents");
        assert_eq!(ours, expected[&Some(name.clone())], "network `{name}`");
    }
    // Outside any network, nothing but the meetings costs money; a report on one network
    // leaves it out.
    let outside = figures(&report["one_to_one"], "spent_cents");
    if extra.contains(&"--network") {
        assert_eq!(report["one_to_one"]["meetings"]["total"], 0);
        assert_eq!(report["won_business"]["one_to_one_cents"], 0);
    } else {
        assert_eq!(outside, expected[&None], "outside any network");
    }
}

#[test]
fn the_report_counts_what_the_straightforward_sql_counts() {
    let env = generated(&Spec::scaled(3_000, 11));
    // The whole journal, a period in its middle, and one network.
    assert_report_counts_as_sql(&env, None, NOW, &[]);
    assert_report_counts_as_sql(&env, Some("2016-03-01"), "2019-08-31", &[]);
    let busiest = busiest_network(&env);
    assert_report_counts_as_sql(&env, Some("2013-01-01"), NOW, &["--network", &busiest]);
}

/// The contacts to have a coffee with, as a straightforward query finds them: met at two or
/// more meetings of a network one is still in, in the period, never one-to-one; most meetings
/// first, then by name.
fn to_deepen_sql(
    db: &Path,
    since: Option<&str>,
    until: &str,
    network: Option<&str>,
) -> Vec<String> {
    let conn = Connection::open(db).expect("open the journal");
    let mut stmt = conn
        .prepare(
            "SELECT c.name, n.name, count(*) AS shared
             FROM meeting_contacts mc
             JOIN meetings m ON m.id = mc.meeting_id
             JOIN networks n ON n.id = m.network_id
             JOIN contacts c ON c.id = mc.contact_id
             WHERE (?1 IS NULL OR m.date >= ?1) AND m.date <= ?2
               AND (?3 IS NULL OR n.name = ?3)
               AND n.left_on IS NULL
               AND c.id NOT IN (
                   SELECT mc2.contact_id FROM meeting_contacts mc2
                   JOIN meetings m2 ON m2.id = mc2.meeting_id
                   WHERE m2.format = 'one-to-one')
             GROUP BY c.id, n.id
             HAVING count(*) >= 2
             ORDER BY shared DESC, c.name_key, c.id, n.id
             LIMIT 5",
        )
        .unwrap();
    stmt.query_map(rusqlite::params![since, until, network], |row| {
        Ok(format!(
            "Have a coffee with {}: {} meetings shared at {}, never one-to-one.",
            row.get::<_, String>(0)?,
            row.get::<_, i64>(2)?,
            row.get::<_, String>(1)?
        ))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[test]
fn the_report_suggests_the_coffees_the_straightforward_sql_finds() {
    // No referral to follow up: the next steps leave room for the people to meet one-to-one.
    let env = generated(&Spec {
        referrals: 0,
        ..Spec::scaled(3_000, 5)
    });
    let busiest = busiest_network(&env);
    let mut shown = 0;
    for (since, network) in [
        (None, None),
        (Some("2019-01-01"), None),
        // A short period, where two meetings shared already make the cut.
        (Some("2025-07-01"), None),
        (None, Some(&busiest)),
    ] {
        let mut args = vec!["report", "--format", "json"];
        if let Some(since) = since {
            args.extend(["--since", since]);
        }
        if let Some(network) = network {
            args.extend(["--network", network.as_str()]);
        }
        let report = env
            .cmd(args)
            .env("NETJOURNAL_NOW", NOW)
            .run()
            .success()
            .json();
        let steps: Vec<&str> = report["next_steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|step| step.as_str().unwrap())
            .collect();
        let coffees: Vec<&str> = steps
            .iter()
            .copied()
            .filter(|step| step.starts_with("Have a coffee with "))
            .collect();
        let expected = to_deepen_sql(env.db(), since, NOW, network.map(String::as_str));
        // Renewals come first; the coffees fill what is left of the five steps.
        let room = 5 - (steps.len() - coffees.len());
        assert!(!expected.is_empty(), "the journal has people to deepen");
        assert_eq!(
            coffees,
            expected[..expected.len().min(room)],
            "{since:?} {network:?}"
        );
        shown += coffees.len();
    }
    assert!(shown >= 5, "the reports suggested {shown} coffees");
}

/// The network with the most meetings.
fn busiest_network(env: &TestEnv) -> String {
    env.sql()
        .query_row(
            "SELECT n.name FROM networks n JOIN meetings m ON m.network_id = n.id
             GROUP BY n.id ORDER BY count(*) DESC, n.name LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
}
