//! `add network NAME --kind KIND [--joined] [--invited-by] [--fee --fee-period] [--rules]
//! [--notes]`.

use serde_json::json;

use crate::common::{TODAY, TestEnv, is_uuid, split};

#[test]
fn every_option_is_stored() {
    let env = TestEnv::new();
    env.run(split(
        r#"
            add network "BNI Montpellier" --kind co-optation --joined 2024-01-10
            --invited-by "a LinkedIn relation" --fee 600 --fee-period year
            --rules "one member per profession"
            --notes "breakfast on Tuesdays"
        "#,
    ))
    .success()
    .stdout_is("Added network #1 `BNI Montpellier` (co-optation), joined on 2024-01-10.\n");

    let mut network = env.row_named("networks", "BNI Montpellier");
    let uuid = network["uuid"].take();
    assert!(is_uuid(uuid.as_str().unwrap()), "{uuid}");
    assert_eq!(
        network,
        json!({
            "id": 1,
            "uuid": null,
            "name": "BNI Montpellier",
            "kind": "co-optation",
            "status": "active",
            "joined_on": "2024-01-10",
            "left_on": null,
            "exit_reason": null,
            "invited_by": "a LinkedIn relation",
            "fee_cents": 60000,
            "fee_period": "year",
            "rules": "one member per profession",
            "notes": "breakfast on Tuesdays",
            // The fee's history: the fee joined at, from the joining date.
            "fees": [{"from_on": "2024-01-10", "fee_cents": 60000, "fee_period": "year"}],
        })
    );
}

#[test]
fn only_the_kind_is_required_and_the_rest_defaults() {
    let env = TestEnv::new();
    env.run(["add", "network", "Réseau Local", "--kind", "local"])
        .success()
        .stdout_is(&format!(
            "Added network #1 `Réseau Local` (local), joined on {TODAY}.\n"
        ));
    let network = env.row_named("networks", "Réseau Local");
    assert_eq!(network["joined_on"], TODAY, "joined defaults to today");
    for absent in [
        "invited_by",
        "fee_cents",
        "fee_period",
        "rules",
        "notes",
        "left_on",
        "exit_reason",
    ] {
        assert_eq!(network[absent], json!(null), "{absent}");
    }
}

#[test]
fn a_fee_without_a_period_is_yearly_and_every_period_is_accepted() {
    let env = TestEnv::new();
    let cases = [
        ("Yearly", "600", None, 60000, "year"),
        ("Monthly", "15", Some("month"), 1500, "month"),
        ("Once", "50", Some("once"), 5000, "once"),
        ("Alias", "15,50", Some("MENSUEL"), 1550, "month"),
    ];
    for (name, fee, period, _, _) in cases {
        let mut args = vec!["add", "network", name, "--kind", "other", "--fee", fee];
        args.extend(
            period
                .map(|period| ["--fee-period", period])
                .into_iter()
                .flatten(),
        );
        env.run(args).success();
    }
    for (name, _, _, cents, period) in cases {
        let network = env.row_named("networks", name);
        assert_eq!(network["fee_cents"], cents, "{name}");
        assert_eq!(network["fee_period"], period, "{name}");
    }
}

#[test]
fn every_kind_and_its_aliases_are_accepted_in_any_case() {
    let env = TestEnv::new();
    let cases = [
        ("gender-based", "gender-based"),
        ("CO-OPTATION", "co-optation"),
        ("political", "political"),
        ("Professional", "professional"),
        ("alumni", "alumni"),
        ("online", "online"),
        ("local", "local"),
        ("other", "other"),
        ("cooptation", "co-optation"),
        ("genre", "gender-based"),
        ("politique", "political"),
        ("en-ligne", "online"),
        ("anciens-élèves", "alumni"),
        ("autre", "other"),
    ];
    for (i, (typed, _)) in cases.iter().enumerate() {
        env.run(["add", "network", &format!("Network {i}"), "--kind", typed])
            .success();
    }
    for (i, (typed, stored)) in cases.iter().enumerate() {
        let network = env.row_named("networks", &format!("Network {i}"));
        assert_eq!(network["kind"], *stored, "--kind {typed}");
    }
}

#[test]
fn the_name_is_trimmed_and_its_inner_spaces_folded() {
    let env = TestEnv::new();
    env.run([
        "add",
        "network",
        "  BNI   Montpellier  ",
        "--kind",
        "co-optation",
    ])
    .success()
    .stdout_contains("`BNI Montpellier`");
    env.row_named("networks", "BNI Montpellier");
}

#[test]
fn names_differing_only_in_case_are_one_network_even_beyond_ascii() {
    let env = TestEnv::new();
    env.run(["add", "network", "ÉLAN Entreprendre", "--kind", "local"])
        .success();
    env.rejects(
        ["add", "network", "élan   entreprendre", "--kind", "local"],
        "a network named `ÉLAN Entreprendre` is already in the journal",
    );
}

#[test]
fn rows_get_increasing_ids_and_distinct_uuids() {
    let env = TestEnv::new();
    for name in ["A", "B", "C"] {
        env.run(["add", "network", name, "--kind", "local"])
            .success();
    }
    let rows = env.list_json("networks", &[]);
    let ids: Vec<_> = rows.iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [1, 2, 3]);
    let mut uuids: Vec<_> = rows.iter().map(|r| r["uuid"].as_str().unwrap()).collect();
    uuids.sort_unstable();
    uuids.dedup();
    assert_eq!(uuids.len(), 3, "{rows:#?}");
}
