//! `list networks|meetings|contacts|referrals|notes [--network] [--since] [--until]
//! [--format table|json|csv]`, on the journal of `common::STORY`.

use serde_json::Value as Json;

use crate::common::{TestEnv, is_uuid, keys};

const WHATS: [&str; 5] = ["networks", "meetings", "contacts", "referrals", "notes"];

/// The keys DESIGN.md promises for each list (the fields of the data model in snake_case,
/// with `id` and `uuid`).
fn promised_keys(what: &str) -> &'static [&'static str] {
    match what {
        "networks" => &[
            "id",
            "uuid",
            "name",
            "kind",
            "status",
            "joined_on",
            "left_on",
            "exit_reason",
            "invited_by",
            "fee_cents",
            "fee_period",
            "rules",
            "notes",
        ],
        "meetings" => &[
            "id",
            "uuid",
            "date",
            "network",
            "format",
            "in_person",
            "minutes",
            "travel_minutes",
            "cost_cents",
            "rating",
            "notes",
            "contacts",
        ],
        "contacts" => &[
            "id",
            "uuid",
            "name",
            "profession",
            "company",
            "email",
            "linkedin",
            "network",
            "notes",
        ],
        "referrals" => &[
            "id",
            "uuid",
            "direction",
            "date",
            "network",
            "contact",
            "description",
            "status",
            "value_cents",
        ],
        "notes" => &[
            "id",
            "uuid",
            "date",
            "text",
            "concern",
            "network",
            "meeting_id",
            "contact",
        ],
        other => panic!("no list of {other}"),
    }
}

/// The `id`s of `list WHAT --format json ARGS…`, in the order printed.
#[track_caller]
fn ids(env: &TestEnv, what: &str, args: &[&str]) -> Vec<i64> {
    env.list_json(what, args)
        .iter()
        .map(|row| row["id"].as_i64().expect("an integer id"))
        .collect()
}

/// A JSON value as the CSV writes it.
fn as_csv_field(value: &Json) -> String {
    match value {
        Json::Null => String::new(),
        Json::String(text) => text.clone(),
        Json::Array(items) => items
            .iter()
            .map(|item| match item {
                Json::String(text) => text.clone(),
                // A step of a network's fee, its values in order: `2024-01-10 60000 year`.
                Json::Object(fields) => ["from_on", "fee_cents", "fee_period"]
                    .iter()
                    .map(|key| as_csv_field(&fields[*key]))
                    .collect::<Vec<_>>()
                    .join(" "),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

#[test]
fn json_lists_carry_the_promised_snake_case_keys_and_uuids() {
    let env = TestEnv::with_journal();
    for what in WHATS {
        let rows = env.list_json(what, &[]);
        assert!(!rows.is_empty(), "{what}");
        for row in &rows {
            let keys = keys(row);
            for key in promised_keys(what) {
                assert!(keys.iter().any(|k| k == key), "{what} lacks `{key}`: {row}");
            }
            for key in &keys {
                assert!(
                    key.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                    "{what}: `{key}` is not snake_case"
                );
            }
            assert!(row["id"].is_i64(), "{what}: {row}");
            assert!(
                is_uuid(row["uuid"].as_str().unwrap_or_default()),
                "{what}: {row}"
            );
        }
        let mut uuids: Vec<_> = rows.iter().map(|r| r["uuid"].to_string()).collect();
        uuids.sort();
        uuids.dedup();
        assert_eq!(uuids.len(), rows.len(), "{what}: uuids are distinct");
    }
}

#[test]
fn networks_are_active_or_left() {
    let env = TestEnv::with_journal();
    let status: Vec<_> = env
        .list_json("networks", &[])
        .iter()
        .map(|n| (n["name"].as_str().unwrap().to_string(), n["status"].clone()))
        .collect();
    assert_eq!(
        status,
        [
            ("Femmes Entrepreneures 34".to_string(), "left".into()),
            ("CPME Hérault".to_string(), "left".into()),
            ("BNI Montpellier".to_string(), "left".into()),
            ("Freelances Montpellier".to_string(), "active".into()),
        ]
    );
}

#[test]
fn csv_has_the_json_keys_as_header_and_the_same_values() {
    let env = TestEnv::with_journal();
    for what in WHATS {
        let rows = env.list_json(what, &[]);
        let csv_text = env.ok(["list", what, "--format", "csv"]);
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let mut sorted = header.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            keys(&rows[0]),
            "{what}: the CSV columns are the JSON keys"
        );
        assert_eq!(header[..2], ["id", "uuid"], "{what}");
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), rows.len(), "{what}");
        for (record, row) in records.iter().zip(&rows) {
            for (field, key) in record.iter().zip(&header) {
                assert_eq!(field, as_csv_field(&row[key]), "{what}.{key}");
            }
        }
    }
}

#[test]
fn tables_have_a_header_and_one_line_per_row() {
    let env = TestEnv::with_journal();
    let cases = [
        ("networks", "Exit reason", "Freelances Montpellier"),
        ("meetings", "Travel", "Paul Martin, Sophie Durand"),
        ("contacts", "Meetings shared", "Julie Bernard"),
        ("referrals", "Direction", "brand identity"),
        ("notes", "Concern", "press release"),
    ];
    for (what, column, value) in cases {
        let json_rows = env.list_json(what, &[]);
        let table = env.ok(["list", what]);
        let table_explicit = env.ok(["list", what, "--format", "table"]);
        assert_eq!(table, table_explicit, "table is the default format");
        assert!(
            table.contains(column),
            "{what} has no `{column}` column:\n{table}"
        );
        assert!(table.contains(value), "{what} lacks {value:?}:\n{table}");
        // Top border, header, separator, rows, bottom border: one line per row.
        assert_eq!(
            table.lines().count(),
            json_rows.len() + 4,
            "{what}:\n{table}"
        );
        for row in &json_rows {
            let uuid = row["uuid"].as_str().unwrap();
            assert!(
                !table.contains(uuid),
                "tables are for people, without uuids:\n{table}"
            );
        }
    }
}

#[test]
fn an_empty_journal_lists_nothing_in_every_format() {
    let env = TestEnv::new();
    env.run(["add", "network", "Alone", "--kind", "other"])
        .success();
    for what in ["meetings", "contacts", "referrals", "notes"] {
        env.run(["list", what])
            .success()
            .stdout_is("Nothing to list.\n");
        env.run(["list", what, "--format", "json"])
            .success()
            .stdout_is("[]\n");
        let header = promised_keys(what)[..2].join(",");
        env.run(["list", what, "--format", "csv"])
            .success()
            .stdout_satisfies(predicates::str::starts_with(header))
            .stdout_satisfies(predicates::function::function(|out: &str| {
                out.lines().count() == 1
            }));
    }
}

#[test]
fn the_network_filter_matches_case_insensitively() {
    let env = TestEnv::with_journal();
    let bni = ["--network", "bni montpellier"];
    let femmes = ["--network", "FEMMES ENTREPRENEURES 34"];
    assert_eq!(ids(&env, "networks", &bni), [2]);
    assert_eq!(ids(&env, "meetings", &bni), [4]);
    assert_eq!(ids(&env, "meetings", &femmes), [1, 2]);
    assert_eq!(ids(&env, "referrals", &bni), [1]);
    assert_eq!(ids(&env, "referrals", &femmes), [2]);
    // Notes on the network itself and on its meetings.
    assert_eq!(ids(&env, "notes", &bni), [3]);
    assert_eq!(ids(&env, "notes", &femmes), [2]);
    assert_eq!(ids(&env, "notes", &["--network", "cpme hérault"]), [1]);
    let names = |args: &[&str]| -> Vec<String> {
        env.list_json("contacts", args)
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(&bni), ["Paul Martin", "Sophie Durand"]);
    assert_eq!(names(&femmes), ["Claire Petit"]);
    assert_eq!(
        names(&["--network", "freelances montpellier"]),
        ["Julie Bernard", "Marc Leroy"]
    );
}

#[test]
fn since_and_until_bound_the_period_inclusively() {
    let env = TestEnv::with_journal();
    assert_eq!(ids(&env, "meetings", &[]), [1, 2, 3, 4, 5, 6]);
    // A month runs from its first to its last day.
    assert_eq!(
        ids(
            &env,
            "meetings",
            &["--since", "2024-01", "--until", "2024-03"]
        ),
        [3, 4, 5]
    );
    assert_eq!(
        ids(
            &env,
            "meetings",
            &["--since", "2024-02-06", "--until", "06/02/2024"]
        ),
        [4]
    );
    assert_eq!(ids(&env, "meetings", &["--until", "2023-09-15"]), [1]);
    assert_eq!(
        ids(&env, "meetings", &["--since", "yesterday"]),
        [] as [i64; 0]
    );
    assert_eq!(
        ids(
            &env,
            "meetings",
            &["--network", "BNI Montpellier", "--since", "2024-03"]
        ),
        [] as [i64; 0]
    );
    assert_eq!(ids(&env, "referrals", &["--since", "2024-01"]), [1, 3]);
    assert_eq!(ids(&env, "referrals", &["--until", "2023-12"]), [2]);
    assert_eq!(ids(&env, "notes", &[]), [2, 3, 4, 1]);
    assert_eq!(ids(&env, "notes", &["--since", "2024-02"]), [3, 4, 1]);
    assert_eq!(ids(&env, "notes", &["--until", "2023-12"]), [2]);
}

#[test]
fn a_network_is_listed_for_a_period_it_overlaps() {
    let env = TestEnv::with_journal();
    // Joined by the end of the period and not left before its start.
    assert_eq!(ids(&env, "networks", &["--since", "2024-01"]), [3, 2, 4]);
    assert_eq!(ids(&env, "networks", &["--until", "2023-12"]), [1, 3]);
    assert_eq!(
        ids(
            &env,
            "networks",
            &["--since", "2024-03-02", "--until", "2024-04-01"]
        ),
        [] as [i64; 0]
    );
}

#[test]
fn a_contact_is_listed_for_a_period_when_added_or_met_in_it() {
    let env = TestEnv::with_journal();
    let names: Vec<_> = env
        .list_json("contacts", &["--since", "2024-03"])
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    // Claire was added in 2023 but met again in March; Julie was added today.
    assert_eq!(names, ["Claire Petit", "Julie Bernard", "Marc Leroy"]);
}

#[test]
fn the_depth_of_a_relationship_is_the_meetings_shared() {
    let env = TestEnv::with_journal();
    let depth: Vec<_> = env
        .list_json("contacts", &[])
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["meetings"].clone(),
            )
        })
        .collect();
    assert_eq!(
        depth,
        [
            ("Claire Petit".to_string(), 3.into()),
            ("Julie Bernard".to_string(), 0.into()),
            ("Marc Leroy".to_string(), 1.into()),
            ("Paul Martin".to_string(), 1.into()),
            ("Sophie Durand".to_string(), 1.into()),
        ]
    );
}

#[test]
fn the_noun_may_be_singular_or_in_any_case() {
    let env = TestEnv::with_journal();
    assert_eq!(env.ok(["list", "MEETINGS"]), env.ok(["list", "meeting"]));
    assert_eq!(
        env.ok(["list", "network", "--format", "JSON"]),
        env.ok(["list", "networks", "--format", "json"])
    );
}

#[test]
fn money_is_written_in_the_reader_s_language() {
    let env = TestEnv::with_journal();
    env.run(["list", "networks"])
        .success()
        .stdout_contains("€600.00 / year")
        .stdout_contains("€15.00 / month");
    env.run(["list", "referrals"])
        .success()
        .stdout_contains("€3,200.00");
    let french = [
        env.cmd(["--lang", "fr", "list", "referrals"]).run(),
        env.cmd(["list", "referrals"])
            .env("NETJOURNAL_LANG", "fr")
            .run(),
        env.cmd(["list", "referrals"])
            .env("LANG", "fr_FR.UTF-8")
            .run(),
    ];
    for run in &french {
        run.success()
            .stdout_contains("3 200,00 €")
            .stdout_lacks("€3,200.00");
    }
    // --lang wins over the environment.
    env.cmd(["--lang", "en", "list", "referrals"])
        .env("NETJOURNAL_LANG", "fr")
        .run()
        .success()
        .stdout_contains("€3,200.00");
}

#[test]
fn snapshot_of_the_meetings_table() {
    let env = TestEnv::with_journal();
    insta::assert_snapshot!("list_meetings_table", env.ok(["list", "meetings"]));
}

#[test]
fn snapshot_of_the_networks_table() {
    let env = TestEnv::with_journal();
    insta::assert_snapshot!("list_networks_table", env.ok(["list", "networks"]));
}

#[test]
fn snapshot_of_the_networks_json() {
    let env = TestEnv::with_journal();
    // The printed text, keys in their printed order, with the random uuids replaced.
    let run = env.run(["list", "networks", "--format", "json"]);
    let mut text = run.success().stdout();
    for row in run.json().as_array().unwrap() {
        text = text.replace(row["uuid"].as_str().unwrap(), "[uuid]");
    }
    insta::assert_snapshot!("list_networks_json", text);
}
