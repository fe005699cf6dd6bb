//! `edit network|meeting|contact|referral|note ID-OR-NAME [OPTIONS]`: every field of every
//! noun, clearing, who was met, names and numbers, and every refusal leaving the journal as it
//! was.

use std::sync::OnceLock;

use serde_json::{Value as Json, json};

use crate::common::{TODAY, TestEnv, split};

/// A fresh copy of the journal of `common::STORY`, replayed once per test run. Its rows, by number:
///
/// - networks: 1 Femmes Entrepreneures 34 (left), 2 BNI Montpellier (left; fee, rules, notes),
///   3 CPME Hérault (left; no fee), 4 Freelances Montpellier (active; €15 a month);
/// - meetings: 4 is the BNI breakfast of 2024-02-06 (90 min, 40 min travel, €14, rating 2,
///   notes) where Paul Martin and Sophie Durand were met; 5 a one-to-one with Claire Petit;
/// - contacts: 1 Claire Petit, 2 Paul Martin, 3 Sophie Durand, 4 Marc Leroy, 5 Julie Bernard
///   (accountant at Bernard & Associés, met through Freelances Montpellier, with an e-mail);
/// - referrals: 1 received through BNI from Paul Martin, lost; 2 given to Claire Petit through
///   Femmes Entrepreneures 34, open; 3 received from Claire Petit, won, €3,200;
/// - notes: 1 a concern on CPME Hérault; 2 on Femmes Entrepreneures 34; 3 on meeting 4; 4 on
///   Sophie Durand.
fn story() -> TestEnv {
    static JOURNAL: OnceLock<Vec<u8>> = OnceLock::new();
    let bytes = JOURNAL.get_or_init(|| {
        let env = TestEnv::new();
        env.populate();
        env.assert_no_pending_wal();
        env.bytes().expect("the story's journal exists")
    });
    TestEnv::with_bytes(bytes)
}

/// The row numbered `id` of `list WHAT --format json`.
#[track_caller]
fn row(env: &TestEnv, what: &str, id: i64) -> Json {
    env.list_json(what, &[])
        .into_iter()
        .find(|row| row["id"] == id)
        .unwrap_or_else(|| panic!("no {what} #{id}"))
}

/// Runs one `edit` command line on a fresh copy of the story, checks that it printed exactly
/// `stdout`, and that the row `what` #`id` now holds `fields` (a JSON object of some of the
/// keys of `list WHAT --format json`). Returns the environment for further checks.
#[track_caller]
fn edits(line: &str, stdout: &str, what: &str, id: i64, fields: Json) -> TestEnv {
    let env = story();
    let before = row(&env, what, id);
    env.run(split(line)).success().stdout_is(stdout);
    let after = row(&env, what, id);
    for (key, value) in fields.as_object().expect("fields is an object") {
        assert_eq!(&after[key], value, "`{line}`: {key} in {after:#}");
    }
    assert_eq!(after["uuid"], before["uuid"], "`{line}` kept the uuid");
    env
}

/// The row an `edit NOUN WHICH …` line names: `WHICH` when it is a number (`4`, `#4`), else
/// the story's row of that name.
#[track_caller]
fn number(line: &str) -> i64 {
    let which = &split(line)[2];
    if let Ok(id) = which.trim_start_matches('#').parse() {
        return id;
    }
    match which.to_lowercase().as_str() {
        "bni montpellier" => 2,
        "julie bernard" => 5,
        other => panic!("which row is {other:?}?"),
    }
}

/// Runs `line` on a fresh copy of the story: it must be refused (exit 2) naming `named`,
/// with the journal unchanged. Returns the run, for its hints.
#[track_caller]
fn refused(line: &str, named: &str) -> String {
    let env = story();
    env.rejects(split(line), named).stderr()
}

// --- network -----------------------------------------------------------------------------

#[test]
fn every_network_field() {
    let cases: &[(&str, &str, Json)] = &[
        (
            r#"edit network "bni montpellier" --name "BNI Montpellier Centre""#,
            "Updated network #2 `BNI Montpellier Centre`: name `BNI Montpellier` → \
             `BNI Montpellier Centre`.\n",
            json!({"name": "BNI Montpellier Centre"}),
        ),
        (
            "edit network 2 --kind LOCAL",
            "Updated network #2 `BNI Montpellier`: kind co-optation → local.\n",
            json!({"kind": "local"}),
        ),
        (
            "edit network 2 --joined 2024-01",
            "Updated network #2 `BNI Montpellier`: joined 2024-01-10 → 2024-01-01.\n",
            json!({"joined_on": "2024-01-01"}),
        ),
        (
            r#"edit network 2 --invited-by "Paul Martin""#,
            "Updated network #2 `BNI Montpellier`: invited by “a LinkedIn relation never met” \
             → “Paul Martin”.\n",
            json!({"invited_by": "Paul Martin"}),
        ),
        (
            "edit network 2 --fee 720",
            "Updated network #2 `BNI Montpellier`: fee €600.00 per year → €720.00 per year.\n",
            json!({"fee_cents": 72000, "fee_period": "year"}),
        ),
        (
            "edit network 2 --fee-period month",
            "Updated network #2 `BNI Montpellier`: fee €600.00 per year → €600.00 per month.\n",
            json!({"fee_cents": 60000, "fee_period": "month"}),
        ),
        (
            r#"edit network 2 --fee "49,90" --fee-period once"#,
            "Updated network #2 `BNI Montpellier`: fee €600.00 per year → €49.90 once.\n",
            json!({"fee_cents": 4990, "fee_period": "once"}),
        ),
        (
            r#"edit network 2 --rules "two absences a year at most""#,
            "Updated network #2 `BNI Montpellier`: rules “one member per profession” → “two \
             absences a year at most”.\n",
            json!({"rules": "two absences a year at most"}),
        ),
        (
            r#"edit network 2 --notes "breakfast every Thursday at 7""#,
            "Updated network #2 `BNI Montpellier`: notes “breakfast every Tuesday at 7” → \
             “breakfast every Thursday at 7”.\n",
            json!({"notes": "breakfast every Thursday at 7"}),
        ),
        (
            "edit network 2 --left 20/02/2024",
            "Updated network #2 `BNI Montpellier`: left 2024-02-15 → 2024-02-20.\n",
            json!({"left_on": "2024-02-20", "status": "left"}),
        ),
        (
            r#"edit network 2 --reason "one croissant is not a relationship""#,
            "Updated network #2 `BNI Montpellier`: reason “cannot recommend someone known from \
             one…” → “one croissant is not a relationship”.\n",
            json!({"exit_reason": "one croissant is not a relationship"}),
        ),
        (
            "edit network 2 --clear invited-by",
            "Updated network #2 `BNI Montpellier`: invited by “a LinkedIn relation never met” \
             → none.\n",
            json!({"invited_by": null}),
        ),
        (
            "edit network 2 --clear fee",
            "Updated network #2 `BNI Montpellier`: fee €600.00 per year → none.\n",
            json!({"fee_cents": null, "fee_period": null}),
        ),
        (
            "edit network 2 --unset rules",
            "Updated network #2 `BNI Montpellier`: rules “one member per profession” → none.\n",
            json!({"rules": null}),
        ),
        (
            "edit network 2 --clear NOTES",
            "Updated network #2 `BNI Montpellier`: notes “breakfast every Tuesday at 7” → \
             none.\n",
            json!({"notes": null}),
        ),
        (
            "edit network 2 --clear rules,notes",
            "Updated network #2 `BNI Montpellier`: rules “one member per profession” → none, \
             notes “breakfast every Tuesday at 7” → none.\n",
            json!({"rules": null, "notes": null}),
        ),
        // A first fee is yearly unless said otherwise; a new amount keeps the period.
        (
            "edit network 3 --fee 90",
            "Updated network #3 `CPME Hérault`: fee → €90.00 per year.\n",
            json!({"fee_cents": 9000, "fee_period": "year"}),
        ),
        // An active network's new fee waits for its next renewal: the fee in force stays.
        (
            "edit network 4 --fee 20",
            "Updated network #4 `Freelances Montpellier`: fee €15.00 per month → €15.00 per \
             month, then €20.00 per month from 2024-07-02.\n\
             The new fee takes effect at the next renewal, on 2 July 2024; the periods before \
             keep theirs (`--from DATE` sets another date).\n",
            json!({"fee_cents": 1500, "fee_period": "month", "fees": [
                {"from_on": "2024-04-02", "fee_cents": 1500, "fee_period": "month"},
                {"from_on": "2024-07-02", "fee_cents": 2000, "fee_period": "month"},
            ]}),
        ),
        // From a date given; on or before joining, the fee joined at.
        (
            "edit network 4 --fee 18 --from 2024-05-02",
            "Updated network #4 `Freelances Montpellier`: fee €15.00 per month → €15.00 per \
             month, then €18.00 per month from 2024-05-02.\n",
            json!({"fee_cents": 1800, "fee_period": "month", "fees": [
                {"from_on": "2024-04-02", "fee_cents": 1500, "fee_period": "month"},
                {"from_on": "2024-05-02", "fee_cents": 1800, "fee_period": "month"},
            ]}),
        ),
        (
            "edit network 4 --fee 12 --from 2024-04-02",
            "Updated network #4 `Freelances Montpellier`: fee €15.00 per month → €12.00 per \
             month.\n",
            json!({"fee_cents": 1200, "fee_period": "month", "fees": [
                {"from_on": "2024-04-02", "fee_cents": 1200, "fee_period": "month"},
            ]}),
        ),
        // A period alone, from a date: the amount in force then.
        (
            "edit network 4 --fee-period year --from 2024-06",
            "Updated network #4 `Freelances Montpellier`: fee €15.00 per month → €15.00 per \
             month, then €15.00 per year from 2024-06-01.\n",
            json!({"fee_cents": 1500, "fee_period": "year"}),
        ),
        // A network with no fee, given one from a later date, was free until then.
        (
            "edit network 3 --fee 90 --from 2024-02",
            "Updated network #3 `CPME Hérault`: fee → free, then €90.00 per year from \
             2024-02-01.\n",
            json!({"fee_cents": 9000, "fee_period": "year", "fees": [
                {"from_on": "2023-11-01", "fee_cents": 0, "fee_period": "year"},
                {"from_on": "2024-02-01", "fee_cents": 9000, "fee_period": "year"},
            ]}),
        ),
    ];
    for (line, stdout, fields) in cases {
        edits(line, stdout, "networks", number(line), fields.clone());
    }
}

#[test]
fn a_fee_changes_from_a_date_and_keeps_its_history() {
    let env = story();
    // Freelances Montpellier, joined 2024-04-02 at €15 a month; today is 2024-06-15.
    env.run(split("edit network 4 --fee 20")).success();
    // Again on the same date: the change is replaced, not added.
    env.run(split("edit network 4 --fee 22 --from 2024-07-02"))
        .success()
        .stdout_is(
            "Updated network #4 `Freelances Montpellier`: fee €15.00 per month, then €20.00 per \
             month from 2024-07-02 → €15.00 per month, then €22.00 per month from 2024-07-02.\n",
        );
    env.run(split("edit network 4 --fee 25 --from 2025-01-02"))
        .success();
    let network = row(&env, "networks", 4);
    assert_eq!(network["fee_cents"], 1500, "in force today");
    assert_eq!(
        network["fees"],
        json!([
            {"from_on": "2024-04-02", "fee_cents": 1500, "fee_period": "month"},
            {"from_on": "2024-07-02", "fee_cents": 2200, "fee_period": "month"},
            {"from_on": "2025-01-02", "fee_cents": 2500, "fee_period": "month"},
        ])
    );
    let count = |env: &TestEnv| -> i64 {
        env.sql()
            .query_row("SELECT count(*) FROM fee_changes", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count(&env), 2);
    // `show network` tells the history, the latest first.
    let shown = env.ok(["show", "network", "Freelances Montpellier"]);
    assert!(
        shown.contains(
            "  fee          €25.00 per month from 2 January 2025; €22.00 per month from 2 July \
             2024; €15.00 per month before\n"
        ),
        "{shown}"
    );
    let shown = env.ok(["--lang", "fr", "show", "network", "Freelances Montpellier"]);
    assert!(
        shown.contains(
            "  cotisation   25,00 € par mois à partir du 2 janvier 2025 ; 22,00 € par mois à \
             partir du 2 juillet 2024 ; 15,00 € par mois auparavant\n"
        ),
        "{shown}"
    );
    // The table and the CSV give the fee in force today; the CSV its history too.
    let table = env.ok(["list", "networks"]);
    assert!(table.contains("┆ €15.00 / month ┆"), "{table}");
    let csv = env.ok(["list", "networks", "--format", "csv"]);
    assert!(
        csv.contains(
            ",1500,month,,,2024-04-02 1500 month; 2024-07-02 2200 month; 2025-01-02 2500 month\n"
        ),
        "{csv}"
    );
    // Back to the fee before it: the change goes.
    env.run(split("edit network 4 --fee 22 --from 2025-01-02"))
        .success();
    assert_eq!(count(&env), 1);
    // `--clear fee` removes the fee and every change of it.
    env.run(split("edit network 4 --clear fee"))
        .success()
        .stdout_is(
            "Updated network #4 `Freelances Montpellier`: fee €15.00 per month, then €22.00 per \
             month from 2024-07-02 → none.\n",
        );
    assert_eq!(count(&env), 0);
    let network = row(&env, "networks", 4);
    assert_eq!(
        (&network["fee_cents"], &network["fees"]),
        (&json!(null), &json!([]))
    );
}

#[test]
fn a_fee_change_in_french_and_a_joining_date_that_moves_past_it() {
    let env = story();
    env.run(split("--lang fr edit network 4 --fee 20"))
        .success()
        .stdout_is(
            "Réseau n°4 `Freelances Montpellier` modifié : cotisation 15,00 € par mois → 15,00 € \
             par mois, puis 20,00 € par mois à partir du 2024-07-02.\n\
             La nouvelle cotisation s'applique au prochain renouvellement, le 2 juillet 2024 ; \
             les périodes précédentes gardent la leur (`--from DATE` pour une autre date).\n",
        );
    // Joined later than the change: the change is the fee joined at.
    env.run(split("edit network 4 --joined 2024-07-10 --force"))
        .success()
        .stdout_is(
            "Updated network #4 `Freelances Montpellier`: joined 2024-04-02 → 2024-07-10, fee \
             €15.00 per month, then €20.00 per month from 2024-07-02 → €20.00 per month.\n",
        );
    let network = row(&env, "networks", 4);
    assert_eq!(
        network["fees"],
        json!([{"from_on": "2024-07-10", "fee_cents": 2000, "fee_period": "month"}])
    );
    let changes: i64 = env
        .sql()
        .query_row("SELECT count(*) FROM fee_changes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(changes, 0);
}

#[test]
fn removing_a_network_removes_its_fee_changes() {
    let env = story();
    env.run(split("edit network 4 --fee 20")).success();
    env.run(split(r#"rm network "Freelances Montpellier" --yes"#))
        .success();
    let changes: i64 = env
        .sql()
        .query_row("SELECT count(*) FROM fee_changes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(changes, 0);
}

#[test]
fn a_network_is_named_in_any_case_or_numbered() {
    for which in [
        "BNI Montpellier",
        "bni MONTPELLIER",
        "  bni   montpellier ",
        "2",
        "#2",
    ] {
        let env = story();
        env.run(["edit", "network", which, "--kind", "local"])
            .success()
            .stdout_is("Updated network #2 `BNI Montpellier`: kind co-optation → local.\n");
    }
}

#[test]
fn a_name_made_of_digits_is_a_name_before_a_number() {
    let env = story();
    env.run(["add", "network", "1", "--kind", "online"])
        .success();
    env.run(["edit", "network", "1", "--kind", "local"])
        .success()
        .stdout_is("Updated network #5 `1`: kind online → local.\n");
    env.run(["edit", "network", "#1", "--kind", "local"])
        .success()
        .stdout_is("Updated network #1 `Femmes Entrepreneures 34`: kind gender-based → local.\n");
}

#[test]
fn renaming_a_network_changes_its_case_or_its_name_but_never_takes_another_s() {
    let env = story();
    env.run([
        "edit",
        "network",
        "bni montpellier",
        "--name",
        "BNI montpellier",
    ])
    .success()
    .stdout_is(
        "Updated network #2 `BNI montpellier`: name `BNI Montpellier` → `BNI montpellier`.\n",
    );
    let stderr = env
        .rejects(
            [
                "edit",
                "network",
                "BNI montpellier",
                "--name",
                "cpme HÉRAULT",
            ],
            "a network named `CPME Hérault` is already in the journal",
        )
        .stderr();
    assert!(stderr.contains("hint: see it with"), "{stderr}");
    // The new name is what the other commands know it by.
    env.run([
        "edit",
        "network",
        "BNI Montpellier Centre",
        "--kind",
        "local",
    ])
    .bad_input();
    env.run(["edit", "network", "2", "--name", "BNI Montpellier Centre"])
        .success();
    env.run(["show", "network", "bni montpellier centre"])
        .success();
}

#[test]
fn an_unknown_network_is_refused_with_the_closest_name() {
    let stderr = refused(
        r#"edit network "BNI Montpelier" --kind local"#,
        "no network named `BNI Montpelier`",
    );
    assert!(
        stderr.contains("hint: did you mean `BNI Montpellier`?"),
        "{stderr}"
    );
    let stderr = refused("edit network #9 --kind local", "no network #9");
    assert!(stderr.contains("`netjournal list networks`"), "{stderr}");
    refused(
        "edit network 9 --kind local",
        "no network named `9` and no network #9",
    );
}

#[test]
fn an_edit_never_creates_the_journal() {
    let env = TestEnv::new();
    let stderr = env
        .rejects(
            ["edit", "network", "BNI", "--kind", "local"],
            "no network named `BNI`",
        )
        .stderr();
    assert!(stderr.contains("netjournal add network"), "{stderr}");
    assert!(!env.db().exists());
}

#[test]
fn leaving_dates_and_reasons_are_for_a_network_left() {
    let stderr = refused(
        "edit network 4 --left 2024-06-01",
        "--left is for a network you left, and `Freelances Montpellier` is still active",
    );
    assert!(
        stderr.contains("netjournal leave network \"Freelances Montpellier\""),
        "{stderr}"
    );
    refused(
        r#"edit network 4 --reason "too far""#,
        "--reason is for a network you left",
    );
    refused(
        "edit network 2 --left 2024-01-01",
        "--left 2024-01-01 is before `BNI Montpellier` was joined, on 2024-01-10",
    );
    refused(
        "edit network 2 --joined 2024-03-01",
        "--joined 2024-03-01 is after `BNI Montpellier` was left, on 2024-02-15",
    );
    // Both moved together, in order: accepted.
    edits(
        "edit network 2 --joined 2024-03-01 --left 2024-03-02 --force",
        "Updated network #2 `BNI Montpellier`: joined 2024-01-10 → 2024-03-01, left \
         2024-02-15 → 2024-03-02.\n",
        "networks",
        2,
        json!({"joined_on": "2024-03-01", "left_on": "2024-03-02"}),
    );
}

#[test]
fn bad_network_values_are_refused() {
    refused("edit network 2 --kind cult", "cult");
    refused("edit network 2 --joined 2024-02-30", "2024-02-30");
    refused("edit network 2 --left soon", "soon");
    refused("edit network 2 --fee -5", "-5");
    refused("edit network 2 --fee 45.5055", "45.5055");
    refused("edit network 2 --fee-period weekly", "weekly");
    refused("edit network 4 --fee 20 --from someday", "someday");
    // `--from` says when a fee takes effect: without one, it says nothing.
    let stderr = refused(
        "edit network 4 --from 2024-09-01",
        "--from 2024-09-01 says when a new fee takes effect, and no fee is given",
    );
    assert!(
        stderr.contains("hint: give the fee too: `--fee AMOUNT --from DATE`"),
        "{stderr}"
    );
    refused(
        "--lang fr edit network 4 --from 2024-09-01",
        "--from 2024-09-01 indique quand une nouvelle cotisation s'applique, et aucune \
         cotisation n'est donnée",
    );
    // Not after leaving.
    let stderr = refused(
        "edit network 2 --fee 700 --from 2024-03-01",
        "--from 2024-03-01 is after `BNI Montpellier` was left, on 2024-02-15",
    );
    assert!(
        stderr.contains("give a date on or before 2024-02-15"),
        "{stderr}"
    );
    refused(
        "--lang fr edit network 2 --fee 700 --from 2024-03-01",
        "--from 2024-03-01 est après le départ de `BNI Montpellier`, le 2024-02-15",
    );
    refused(
        "edit network 4 --from 2024-09-01 --clear fee",
        "--from and `--clear fee`",
    );
    refused("edit network 2 --clear kind", "kind");
    refused(r#"edit network 2 --name """#, "empty");
    refused(
        "edit network 3 --fee-period month",
        "--fee-period month needs a fee, and `CPME Hérault` has none",
    );
    refused(
        r#"edit network 2 --notes "x" --clear notes"#,
        "--notes and `--clear notes` contradict each other",
    );
    refused(
        "edit network 2 --fee-period month --clear fee",
        "--fee-period and `--clear fee` contradict each other",
    );
}

// --- meeting -----------------------------------------------------------------------------

#[test]
fn every_meeting_field() {
    let cases: &[(&str, &str, Json)] = &[
        (
            r#"edit meeting 4 --network "freelances montpellier" --force"#,
            "Updated meeting #4: network `BNI Montpellier` → `Freelances Montpellier`.\n",
            json!({"network": "Freelances Montpellier"}),
        ),
        (
            "edit meeting 4 --date yesterday --force",
            &format!(
                "Updated meeting #4: date 2024-02-06 → {}.\n",
                crate::common::YESTERDAY
            ),
            json!({"date": crate::common::YESTERDAY}),
        ),
        (
            "edit meeting 4 --format video",
            "Updated meeting #4: format breakfast → video.\n",
            json!({"format": "video", "in_person": false}),
        ),
        (
            "edit meeting 4 --minutes 2h",
            "Updated meeting #4: minutes 90 → 120.\n",
            json!({"minutes": 120}),
        ),
        (
            "edit meeting 4 --travel 0",
            "Updated meeting #4: travel 40 → 0.\n",
            json!({"travel_minutes": 0}),
        ),
        (
            r#"edit meeting 4 --cost "15,50 €""#,
            "Updated meeting #4: cost €14.00 → €15.50.\n",
            json!({"cost_cents": 1550}),
        ),
        (
            "edit meeting 4 --rating 4",
            "Updated meeting #4: rating 2 → 4.\n",
            json!({"rating": 4}),
        ),
        (
            r#"edit meeting 4 --notes "two croissants""#,
            "Updated meeting #4: notes “one croissant, many business cards” → “two \
             croissants”.\n",
            json!({"notes": "two croissants"}),
        ),
        (
            r#"edit meeting 4 --met "CLAIRE PETIT""#,
            "Updated meeting #4: met + `Claire Petit`.\n",
            json!({"contacts": ["Claire Petit", "Paul Martin", "Sophie Durand"]}),
        ),
        (
            r#"edit meeting 4 --unmet "paul martin""#,
            "Updated meeting #4: met − `Paul Martin`.\n",
            json!({"contacts": ["Sophie Durand"]}),
        ),
        (
            "edit meeting 4 --clear network",
            "Updated meeting #4: network `BNI Montpellier` → none.\n",
            json!({"network": null}),
        ),
        (
            "edit meeting 4 --clear minutes",
            "Updated meeting #4: minutes 90 → none.\n",
            json!({"minutes": null}),
        ),
        (
            "edit meeting 4 --clear travel",
            "Updated meeting #4: travel 40 → none.\n",
            json!({"travel_minutes": null}),
        ),
        (
            "edit meeting 4 --clear cost",
            "Updated meeting #4: cost €14.00 → none.\n",
            json!({"cost_cents": null}),
        ),
        (
            "edit meeting 4 --clear rating",
            "Updated meeting #4: rating 2 → none.\n",
            json!({"rating": null}),
        ),
        (
            "edit meeting 4 --clear notes",
            "Updated meeting #4: notes “one croissant, many business cards” → none.\n",
            json!({"notes": null}),
        ),
        (
            "edit meeting #5 --format phone --minutes 20 --clear rating,notes",
            "Updated meeting #5: format one-to-one → phone, minutes 60 → 20, rating 5 → none, \
             notes “a real talk” → none.\n",
            json!({"format": "phone", "in_person": false, "minutes": 20, "rating": null,
                   "notes": null}),
        ),
    ];
    for (line, stdout, fields) in cases {
        edits(line, stdout, "meetings", number(line), fields.clone());
    }
}

#[test]
fn someone_new_met_becomes_a_contact_of_the_meeting_s_network() {
    let env = edits(
        r#"edit meeting 4 --met "Lucie Garnier" --met "sophie durand" --unmet "Paul Martin""#,
        "Updated meeting #4: met + `Lucie Garnier`, met − `Paul Martin`.\n\
         Added contact `Lucie Garnier`, met through BNI Montpellier.\n",
        "meetings",
        4,
        json!({"contacts": ["Lucie Garnier", "Sophie Durand"]}),
    );
    let lucie = env.row_named("contacts", "Lucie Garnier");
    assert_eq!(lucie["network"], "BNI Montpellier");
    assert_eq!(lucie["added_on"], "2024-02-06");
    assert_eq!(lucie["meetings"], 1);
    // Paul Martin stays in the journal, one meeting shallower.
    assert_eq!(env.row_named("contacts", "Paul Martin")["meetings"], 0);
}

#[test]
fn someone_new_met_follows_the_meeting_s_new_network_and_date() {
    let env = edits(
        r#"edit meeting 5 --network "Freelances Montpellier" --date 2024-05-20 --met "Hugo Blanc""#,
        "Updated meeting #5: network → `Freelances Montpellier`, date 2024-03-05 → \
         2024-05-20, met + `Hugo Blanc`.\n\
         Added contact `Hugo Blanc`, met through Freelances Montpellier.\n",
        "meetings",
        5,
        json!({"network": "Freelances Montpellier", "date": "2024-05-20"}),
    );
    let hugo = env.row_named("contacts", "Hugo Blanc");
    assert_eq!(hugo["network"], "Freelances Montpellier");
    assert_eq!(hugo["added_on"], "2024-05-20");
}

#[test]
fn unmeeting_someone_not_met_there_is_refused_and_nothing_is_created() {
    // `Lucie Garnier` would be created by --met: the refusal takes her back too.
    let stderr = refused(
        r#"edit meeting 4 --met "Lucie Garnier" --unmet "Marc Leroy""#,
        "`Marc Leroy` is not recorded as met at meeting #4",
    );
    assert!(
        stderr.contains("hint: the people met there are `Paul Martin`, `Sophie Durand`"),
        "{stderr}"
    );
    let stderr = refused(
        r#"edit meeting 4 --unmet "Paul Martni""#,
        "no contact named `Paul Martni`",
    );
    assert!(stderr.contains("did you mean `Paul Martin`?"), "{stderr}");
    refused(
        r#"edit meeting 4 --met "Paul Martin" --unmet "paul martin""#,
        "--met `Paul Martin` and --unmet `Paul Martin` contradict each other",
    );
}

#[test]
fn bad_meeting_values_are_refused() {
    refused("edit meeting 99 --rating 3", "no meeting #99");
    refused("edit meeting abc --rating 3", "abc");
    refused("edit meeting 0 --rating 3", "`0`");
    refused("edit meeting 4 --rating 6", "6");
    refused("edit meeting 4 --rating 0", "`0`");
    refused("edit meeting 4 --minutes 25h", "25h");
    refused("edit meeting 4 --travel -5", "-5");
    refused("edit meeting 4 --cost 1O", "1O");
    refused("edit meeting 4 --format brunch", "brunch");
    refused("edit meeting 4 --date 2024-13-01", "2024-13-01");
    refused("edit meeting 4 --clear format", "format");
    let stderr = refused(
        r#"edit meeting 4 --network "BNI Montpelier""#,
        "no network named `BNI Montpelier`",
    );
    assert!(
        stderr.contains("did you mean `BNI Montpellier`?"),
        "{stderr}"
    );
    refused(
        "edit meeting 4 --rating 3 --clear rating",
        "--rating and `--clear rating` contradict each other",
    );
}

// --- contact -----------------------------------------------------------------------------

#[test]
fn every_contact_field() {
    let cases: &[(&str, &str, Json)] = &[
        (
            r#"edit contact "julie bernard" --name "Julie Bernard-Roux""#,
            "Updated contact #5 `Julie Bernard-Roux`: name `Julie Bernard` → \
             `Julie Bernard-Roux`.\n",
            json!({"name": "Julie Bernard-Roux"}),
        ),
        (
            r#"edit contact 5 --profession "chartered accountant""#,
            "Updated contact #5 `Julie Bernard`: profession “accountant” → “chartered \
             accountant”.\n",
            json!({"profession": "chartered accountant"}),
        ),
        (
            r#"edit contact 5 --company "Bernard Conseil""#,
            "Updated contact #5 `Julie Bernard`: company “Bernard & Associés” → “Bernard \
             Conseil”.\n",
            json!({"company": "Bernard Conseil"}),
        ),
        (
            r#"edit contact 5 --network "bni montpellier""#,
            "Updated contact #5 `Julie Bernard`: network `Freelances Montpellier` → `BNI \
             Montpellier`.\n",
            json!({"network": "BNI Montpellier"}),
        ),
        (
            "edit contact 5 --email julie.bernard@example.org",
            "Updated contact #5 `Julie Bernard`: email julie@example.com → \
             julie.bernard@example.org.\n",
            json!({"email": "julie.bernard@example.org"}),
        ),
        (
            "edit contact 5 --linkedin linkedin.com/in/julie-bernard",
            "Updated contact #5 `Julie Bernard`: linkedin → \
             https://linkedin.com/in/julie-bernard.\n",
            json!({"linkedin": "https://linkedin.com/in/julie-bernard"}),
        ),
        (
            r#"edit contact 5 --notes "does the books of half the network""#,
            "Updated contact #5 `Julie Bernard`: notes → “does the books of half the \
             network”.\n",
            json!({"notes": "does the books of half the network"}),
        ),
        (
            "edit contact 5 --date 2024-04-02",
            &format!("Updated contact #5 `Julie Bernard`: date {TODAY} → 2024-04-02.\n"),
            json!({"added_on": "2024-04-02"}),
        ),
        (
            "edit contact 5 --clear profession",
            "Updated contact #5 `Julie Bernard`: profession “accountant” → none.\n",
            json!({"profession": null}),
        ),
        (
            "edit contact 5 --clear company",
            "Updated contact #5 `Julie Bernard`: company “Bernard & Associés” → none.\n",
            json!({"company": null}),
        ),
        (
            "edit contact 5 --clear network",
            "Updated contact #5 `Julie Bernard`: network `Freelances Montpellier` → none.\n",
            json!({"network": null}),
        ),
        (
            "edit contact 5 --clear email",
            "Updated contact #5 `Julie Bernard`: email julie@example.com → none.\n",
            json!({"email": null}),
        ),
        (
            "edit contact #3 --notes x --clear email,linkedin",
            "Updated contact #3 `Sophie Durand`: notes → “x”.\n",
            json!({"notes": "x", "email": null, "linkedin": null}),
        ),
    ];
    for (line, stdout, fields) in cases {
        edits(line, stdout, "contacts", number(line), fields.clone());
    }
    // Clearing a LinkedIn profile and notes that are there.
    let env = story();
    env.run(split(
        "edit contact 5 --linkedin linkedin.com/in/julie --notes books",
    ))
    .success();
    env.run([
        "edit", "contact", "5", "--clear", "linkedin", "--clear", "notes",
    ])
    .success()
    .stdout_is(
        "Updated contact #5 `Julie Bernard`: linkedin https://linkedin.com/in/julie → none, \
             notes “books” → none.\n",
    );
    let julie = row(&env, "contacts", 5);
    assert_eq!(julie["linkedin"], json!(null));
    assert_eq!(julie["notes"], json!(null));
}

#[test]
fn a_contact_is_named_in_any_case_or_numbered() {
    for which in ["Julie Bernard", "JULIE bernard", "5", "#5"] {
        let env = story();
        env.run(["edit", "contact", which, "--profession", "auditor"])
            .success()
            .stdout_is(
                "Updated contact #5 `Julie Bernard`: profession “accountant” → “auditor”.\n",
            );
    }
}

#[test]
fn renaming_a_contact_never_takes_another_s_name() {
    let stderr = refused(
        r#"edit contact "Julie Bernard" --name "PAUL martin""#,
        "a contact named `Paul Martin` is already in the journal",
    );
    assert!(
        stderr.contains("hint: two people with one name?"),
        "{stderr}"
    );
    edits(
        r#"edit contact "Julie Bernard" --name "julie bernard""#,
        "Updated contact #5 `julie bernard`: name `Julie Bernard` → `julie bernard`.\n",
        "contacts",
        5,
        json!({"name": "julie bernard"}),
    );
}

#[test]
fn bad_contact_values_are_refused() {
    let stderr = refused(
        r#"edit contact "Julie Bernad" --profession auditor"#,
        "no contact named `Julie Bernad`",
    );
    assert!(stderr.contains("did you mean `Julie Bernard`?"), "{stderr}");
    refused("edit contact #42 --profession auditor", "no contact #42");
    refused(
        "edit contact 5 --email julie-at-example.com",
        "julie-at-example.com",
    );
    refused(
        "edit contact 5 --linkedin example.com/in/julie",
        "example.com/in/julie",
    );
    refused("edit contact 5 --date 31/04/2024", "31/04/2024");
    refused(
        r#"edit contact 5 --network "Nope""#,
        "no network named `Nope`",
    );
    refused("edit contact 5 --clear name", "name");
    refused(
        "edit contact 5 --email a@b.co --clear email",
        "--email and `--clear email` contradict each other",
    );
}

// --- referral ----------------------------------------------------------------------------

#[test]
fn a_referral_won_with_its_value_the_everyday_case() {
    let env = edits(
        "edit referral 2 --status won --value 3200",
        "Updated referral #2: status open → won, value → €3,200.00.\n",
        "referrals",
        2,
        json!({"status": "won", "value_cents": 320000}),
    );
    env.run(["--lang", "fr", "edit", "referral", "2", "--value", "3 500"])
        .success()
        .stdout_is("Recommandation n°2 modifiée : valeur 3 200,00 € → 3 500,00 €.\n");
}

#[test]
fn every_referral_field() {
    let cases: &[(&str, &str, i64, Json)] = &[
        (
            r#"edit referral 2 --value "1 200 €""#,
            "Updated referral #2: status open → won, value → €1,200.00.\n",
            2,
            json!({"status": "won", "value_cents": 120000}),
        ),
        (
            "edit referral 2 --status lost",
            "Updated referral #2: status open → lost.\n",
            2,
            json!({"status": "lost", "value_cents": null}),
        ),
        (
            "edit referral 2 --received",
            "Updated referral #2: direction given → received.\n",
            2,
            json!({"direction": "received"}),
        ),
        (
            "edit referral 3 --given",
            "Updated referral #3: direction received → given.\n",
            3,
            json!({"direction": "given"}),
        ),
        (
            r#"edit referral 3 --network "freelances montpellier""#,
            "Updated referral #3: network → `Freelances Montpellier`.\n",
            3,
            json!({"network": "Freelances Montpellier"}),
        ),
        (
            r#"edit referral 3 --contact "JULIE BERNARD""#,
            "Updated referral #3: contact `Claire Petit` → `Julie Bernard`.\n",
            3,
            json!({"contact": "Julie Bernard"}),
        ),
        (
            "edit referral 3 --date 2024-04",
            "Updated referral #3: date 2024-04-02 → 2024-04-01.\n",
            3,
            json!({"date": "2024-04-01"}),
        ),
        (
            "edit referral 3 --value 4000",
            "Updated referral #3: value €3,200.00 → €4,000.00.\n",
            3,
            json!({"status": "won", "value_cents": 400000}),
        ),
        (
            r#"edit referral 3 --notes "brand identity and website""#,
            "Updated referral #3: notes “brand identity” → “brand identity and website”.\n",
            3,
            json!({"description": "brand identity and website"}),
        ),
        (
            r#"edit referral 3 --description "logo""#,
            "Updated referral #3: notes “brand identity” → “logo”.\n",
            3,
            json!({"description": "logo"}),
        ),
        (
            "edit referral 1 --clear network",
            "Updated referral #1: network `BNI Montpellier` → none.\n",
            1,
            json!({"network": null}),
        ),
        (
            "edit referral 1 --clear contact",
            "Updated referral #1: contact `Paul Martin` → none.\n",
            1,
            json!({"contact": null}),
        ),
        (
            "edit referral 3 --clear value",
            "Updated referral #3: value €3,200.00 → none.\n",
            3,
            json!({"status": "won", "value_cents": null}),
        ),
        (
            "edit referral 3 --status lost --clear value",
            "Updated referral #3: status won → lost, value €3,200.00 → none.\n",
            3,
            json!({"status": "lost", "value_cents": null}),
        ),
        (
            "edit referral 3 --clear notes",
            "Updated referral #3: notes “brand identity” → none.\n",
            3,
            json!({"description": null}),
        ),
        (
            "edit referral #1 --clear description",
            "Updated referral #1: notes “a website for his brother-in-law” → none.\n",
            1,
            json!({"description": null}),
        ),
    ];
    for (line, stdout, id, fields) in cases {
        edits(line, stdout, "referrals", *id, fields.clone());
    }
}

#[test]
fn a_value_goes_only_with_business_won() {
    let stderr = refused(
        "edit referral 2 --status lost --value 100",
        "--value 100.00 is for business won, but the status is `lost`",
    );
    assert!(
        stderr.contains("hint: use `--status won` with `--value`"),
        "{stderr}"
    );
    // A status that is no longer won cannot keep the value recorded: it must be cleared.
    let stderr = refused(
        "edit referral 3 --status open",
        "the referral's value, 3200.00, is for business won, but its status would become `open`",
    );
    assert!(stderr.contains("hint: add `--clear value`"), "{stderr}");
    // `log referral` keeps the same rule.
    refused(
        "log referral --received --status lost --value 100",
        "--value 100.00 is for business won, but the status is `lost`",
    );
}

#[test]
fn bad_referral_values_are_refused() {
    refused("edit referral 99 --status won", "no referral #99");
    refused("edit referral 3 --value abc", "abc");
    refused("edit referral 3 --status maybe", "maybe");
    refused("edit referral 3 --date 2024/04/02", "2024/04/02");
    refused("edit referral 3 --received --given", "--given");
    refused("edit referral 3 --clear status", "status");
    let stderr = refused(
        r#"edit referral 3 --contact "Claire Petti""#,
        "no contact named `Claire Petti`",
    );
    assert!(stderr.contains("did you mean `Claire Petit`?"), "{stderr}");
    refused(
        r#"edit referral 3 --network "CPME""#,
        "no network named `CPME`",
    );
    refused(
        "edit referral 3 --value 5 --clear value",
        "--value and `--clear value` contradict each other",
    );
}

// --- note --------------------------------------------------------------------------------

#[test]
fn every_note_field() {
    let cases: &[(&str, &str, i64, Json)] = &[
        (
            r#"edit note 2 "Talks about being a mother, never about clients""#,
            "Updated note #2: text “Talks about being a mother, not about b…” → “Talks about \
             being a mother, never about…”.\n",
            2,
            json!({"text": "Talks about being a mother, never about clients"}),
        ),
        (
            "edit note 2 --date 2023-10-21",
            "Updated note #2: date 2023-10-20 → 2023-10-21.\n",
            2,
            json!({"date": "2023-10-21"}),
        ),
        (
            "edit note 2 --concern",
            "Updated note #2: concern no → yes, severity → serious.\n",
            2,
            json!({"concern": true, "severity": "serious", "resolved_on": null}),
        ),
        (
            "edit note 1 --no-concern",
            "Updated note #1: concern yes → no, severity serious → none.\n",
            1,
            json!({"concern": false, "severity": null}),
        ),
        // A severity alone makes a plain note a concern.
        (
            "edit note 2 --severity minor",
            "Updated note #2: concern no → yes, severity → minor.\n",
            2,
            json!({"concern": true, "severity": "minor"}),
        ),
        (
            "edit note 1 --severity MINOR",
            "Updated note #1: severity serious → minor.\n",
            1,
            json!({"concern": true, "severity": "minor"}),
        ),
        (
            "edit note 1 --severity grave",
            "Nothing changed: note #1 already holds these values.\n",
            1,
            json!({"severity": "serious"}),
        ),
        // Resolved today by default, or on the date given.
        (
            "edit note 1 --resolved",
            "Updated note #1: resolved on → 2024-06-15.\n",
            1,
            json!({"concern": true, "severity": "serious", "resolved_on": TODAY}),
        ),
        (
            "edit note 1 --resolved 02/05/2024",
            "Updated note #1: resolved on → 2024-05-02.\n",
            1,
            json!({"resolved_on": "2024-05-02"}),
        ),
        (
            "edit note 2 --concern --resolved 2024-05",
            "Updated note #2: concern no → yes, severity → serious, resolved on → 2024-05-01.\n",
            2,
            json!({"concern": true, "resolved_on": "2024-05-01"}),
        ),
        (
            "edit note 1 --resolved 2024-02-10 --severity minor",
            "Updated note #1: severity serious → minor, resolved on → 2024-02-10.\n",
            1,
            json!({"severity": "minor", "resolved_on": "2024-02-10"}),
        ),
        (
            r#"edit note 2 --network "bni montpellier""#,
            "Updated note #2: on network `Femmes Entrepreneures 34` → network `BNI \
             Montpellier`.\n",
            2,
            json!({"network": "BNI Montpellier", "meeting_id": null, "contact": null}),
        ),
        (
            "edit note 2 --meeting #5",
            "Updated note #2: on network `Femmes Entrepreneures 34` → meeting #5.\n",
            2,
            json!({"network": null, "meeting_id": 5, "contact": null}),
        ),
        (
            r#"edit note 3 --contact "paul martin""#,
            "Updated note #3: on meeting #4 → contact `Paul Martin`.\n",
            3,
            json!({"network": null, "meeting_id": null, "contact": "Paul Martin"}),
        ),
        (
            "edit note 4 --clear target",
            "Updated note #4: on contact `Sophie Durand` → none.\n",
            4,
            json!({"network": null, "meeting_id": null, "contact": null}),
        ),
        (
            r#"edit note #1 "Named on a press release" --concern --date 2024-02-11"#,
            "Updated note #1: text “My name on a press release I never agre…” → “Named on a \
             press release”, date 2024-02-10 → 2024-02-11.\n",
            1,
            json!({"text": "Named on a press release", "concern": true}),
        ),
    ];
    for (line, stdout, id, fields) in cases {
        edits(line, stdout, "notes", *id, fields.clone());
    }
}

#[test]
fn a_resolved_concern_stands_again_or_stops_being_one() {
    let env = story();
    env.run(split("edit note 1 --resolved 2024-05-02"))
        .success();
    env.run(split("edit note 1 --unresolved"))
        .success()
        .stdout_is("Updated note #1: resolved on 2024-05-02 → none.\n");
    assert_eq!(row(&env, "notes", 1)["resolved_on"], json!(null));
    env.run(split("edit note 1 --resolved 2024-05-02"))
        .success();
    // No longer a concern: its severity and resolution go with it.
    env.run(split("edit note 1 --no-concern"))
        .success()
        .stdout_is(
            "Updated note #1: concern yes → no, severity serious → none, resolved on \
             2024-05-02 → none.\n",
        );
    let note = row(&env, "notes", 1);
    assert_eq!(
        (&note["concern"], &note["severity"], &note["resolved_on"]),
        (&json!(false), &json!(null), &json!(null))
    );
    // In French.
    env.run(split(
        "--lang fr edit note 1 --severity mineure --resolved 2024-05-02",
    ))
    .success()
    .stdout_is(
        "Note n°1 modifiée : alerte non → oui, gravité → mineure, résolution → \
             2024-05-02.\n",
    );
}

#[test]
fn bad_note_values_are_refused() {
    refused("edit note 99 --concern", "no note #99");
    refused("edit note 2 --meeting 99", "no meeting #99");
    refused(r#"edit note 2 --network "Nope""#, "no network named `Nope`");
    refused(r#"edit note 2 --contact "Nope""#, "no contact named `Nope`");
    refused(r#"edit note 2 """#, "empty");
    refused("edit note 2 --concern --no-concern", "--no-concern");
    // Only a concern is resolved: the note is named.
    let stderr = refused(
        "edit note 2 --resolved",
        "--resolved is for a concern, and note #2 is a plain note",
    );
    assert!(
        stderr.contains(
            "hint: to flag it as a concern as well: `netjournal edit note 2 --concern --resolved`"
        ),
        "{stderr}"
    );
    refused(
        "edit note 4 --unresolved",
        "--unresolved is for a concern, and note #4 is a plain note",
    );
    refused(
        "--lang fr edit note 2 --resolved",
        "--resolved est pour une alerte, et la note n°2 n'en est pas une",
    );
    // Not before it was raised, even when the date moves.
    refused(
        "edit note 1 --resolved 2024-02-09",
        "the concern would be resolved on 2024-02-09, before it was raised, on 2024-02-10",
    );
    let env = story();
    env.run(split("edit note 1 --resolved 2024-03-01"))
        .success();
    env.rejects(
        split("edit note 1 --date 2024-03-02"),
        "resolved on 2024-03-01",
    );
    env.rejects(
        split("--lang fr edit note 1 --date 2024-03-02"),
        "l'alerte serait résolue le 2024-03-01, avant d'avoir été signalée, le 2024-03-02",
    );
    refused("edit note 1 --severity urgent", "urgent");
    refused("edit note 1 --resolved 2024-13-01", "2024-13-01");
    refused("edit note 1 --resolved --unresolved", "--unresolved");
    refused("edit note 1 --no-concern --severity minor", "--severity");
    refused("edit note 1 --no-concern --resolved", "--resolved");
    refused(
        r#"edit note 2 --meeting 4 --contact "Paul Martin""#,
        "--contact",
    );
    refused(
        r#"edit note 2 --clear target --network "CPME Hérault""#,
        "--network",
    );
}

// --- every noun --------------------------------------------------------------------------

#[test]
fn an_edit_with_nothing_to_change_is_refused() {
    for line in [
        r#"edit network "BNI Montpellier""#,
        "edit meeting 4",
        "edit contact 5",
        "edit referral 3",
        "edit note 2",
    ] {
        let stderr = refused(line, "nothing to change: give at least one option");
        assert!(stderr.contains("--help`"), "{stderr}");
    }
}

#[test]
fn an_edit_that_changes_nothing_says_so_and_writes_nothing() {
    let env = story();
    for line in [
        r#"edit network "bni montpellier" --kind co-optation --fee 600 --fee-period year"#,
        "edit network 3 --clear fee",
        r#"edit meeting 4 --rating 2 --met "Paul Martin""#,
        "edit contact 5 --email julie@example.com --clear linkedin",
        "edit referral 3 --status won --value 3200",
        "edit note 1 --concern",
    ] {
        let bytes = env.bytes();
        let dump = env.dump();
        let run = env.run(split(line));
        run.success();
        assert!(
            run.stdout().starts_with("Nothing changed: ")
                && run.stdout().ends_with(" already holds these values.\n"),
            "`{line}`: {}",
            run.stdout()
        );
        env.assert_unchanged(&bytes, &dump, &run);
    }
}

#[test]
fn an_edit_stamps_the_row_it_changes_and_only_that_row() {
    let env = story();
    let stamp = |table: &str, id: i64| -> (String, String) {
        env.sql()
            .query_row(
                &format!("SELECT created_at, updated_at FROM {table} WHERE id = ?1"),
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .unwrap()
    };
    let later = "2024-07-01T09:30:00+02:00";
    let cases: [(&[&str], &str, i64); 5] = [
        (&["edit", "network", "2", "--kind", "local"], "networks", 2),
        (&["edit", "meeting", "4", "--rating", "3"], "meetings", 4),
        (&["edit", "contact", "5", "--company", "BC"], "contacts", 5),
        (
            &["edit", "referral", "2", "--status", "lost"],
            "referrals",
            2,
        ),
        (&["edit", "note", "2", "--concern"], "notes", 2),
    ];
    for (args, table, id) in cases {
        let (created, updated) = stamp(table, id);
        assert_eq!(created, updated);
        let (_, other_before) = stamp(table, 1);
        env.cmd(args.iter().copied())
            .env("NETJOURNAL_NOW", later)
            .run()
            .success();
        assert_eq!(stamp(table, id), (created, later.to_string()), "{args:?}");
        assert_eq!(stamp(table, 1).1, other_before, "{args:?} touched #1");
    }
    // Changing who was met is a change of the meeting.
    env.cmd(["edit", "meeting", "5", "--met", "Paul Martin"])
        .env("NETJOURNAL_NOW", later)
        .run()
        .success();
    assert_eq!(stamp("meetings", 5).1, later);
}

#[test]
fn every_noun_s_help_has_a_description_and_examples() {
    let env = TestEnv::new();
    for noun in ["network", "meeting", "contact", "referral", "note"] {
        let help = env.run(["edit", noun, "--help"]).success().stdout();
        assert!(help.starts_with("Change a"), "edit {noun}:\n{help}");
        assert!(
            help.contains("\nExamples:\n  netjournal edit"),
            "edit {noun}:\n{help}"
        );
        assert!(help.contains("--clear <FIELD>"), "edit {noun}:\n{help}");
        assert!(help.contains("[alias: --unset]"), "edit {noun}:\n{help}");
    }
    let help = env.run(["edit", "--help"]).success().stdout();
    assert!(help.contains("Only what you give changes"), "{help}");
}
