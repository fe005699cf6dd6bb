//! Journals from other versions of the program. One written by the first schema (kept as a SQL
//! dump, `tests/fixtures/journal-v1.sql`, made by netjournal when schema version 1 was the
//! latest) opens under this program with every row intact; one written by a newer program is
//! refused by every command, and left byte for byte as it was.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use netjournal::db::migrate::LATEST;
use rusqlite::Connection;
use rusqlite::types::Value;

use crate::common::{TestEnv, sidecar};
use crate::support::{figure, integrity};

/// A version-1 journal, as `sqlite3 journal.db .dump` wrote it, with its two header pragmas.
const V1: &str = include_str!("../fixtures/journal-v1.sql");

/// The tables of schema version 1.
const V1_TABLES: &[&str] = &[
    "settings",
    "networks",
    "contacts",
    "meetings",
    "meeting_contacts",
    "referrals",
    "notes",
];

/// The names of `table`'s columns.
fn columns(conn: &Connection, table: &str) -> Vec<String> {
    conn.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")
        .unwrap()
        .query_map([table], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Every row of `table`, its `columns` read and ordered by all of them: a later schema may add
/// columns, never change those already there.
fn rows(conn: &Connection, table: &str, columns: &[String]) -> Vec<Vec<Value>> {
    let names: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
    let order: Vec<String> = (1..=columns.len()).map(|i| i.to_string()).collect();
    let sql = format!(
        "SELECT {} FROM \"{table}\" ORDER BY {}",
        names.join(", "),
        order.join(", ")
    );
    let mut stmt = conn.prepare(&sql).unwrap();
    stmt.query_map([], |row| (0..columns.len()).map(|i| row.get(i)).collect())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn user_version(path: &Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap()
}

#[test]
fn a_version_1_journal_opens_with_every_row_intact() {
    let env = TestEnv::new();
    Connection::open(env.db())
        .unwrap()
        .execute_batch(V1)
        .unwrap();
    assert_eq!(user_version(env.db()), 1);
    let (v1_columns, before): (Vec<_>, Vec<_>) = {
        let conn = Connection::open(env.db()).unwrap();
        V1_TABLES
            .iter()
            .map(|t| {
                // `name_key` is derived from `name`: migration 004 folded it anew (checked
                // below), every other column stays as it was.
                let mut columns = columns(&conn, t);
                columns.retain(|c| c != "name_key");
                let rows = rows(&conn, t, &columns);
                (columns, rows)
            })
            .unzip()
    };
    for (table, rows) in V1_TABLES.iter().zip(&before) {
        assert!(!rows.is_empty(), "the fixture has no row in {table}");
    }

    // The program reads it, upgraded in memory: a read leaves the file as it is.
    let networks = env.list_json("networks", &[]);
    assert_eq!(user_version(env.db()), 1);
    let bni = networks
        .iter()
        .find(|n| n["name"] == "BNI Montpellier")
        .expect("BNI Montpellier");
    assert_eq!(bni["fee_cents"], 60000);
    assert_eq!(bni["status"], "left");
    let meetings = env.list_json("meetings", &[]);
    assert!(
        meetings
            .iter()
            .any(|m| m["notes"] == "one croissant, many business cards")
    );
    let notes = env.list_json("notes", &[]);
    assert!(notes.iter().any(|n| n["text"] == "line one\nline two"));
    assert!(notes.iter().any(|n| n["concern"] == true));
    let referrals = env.list_json("referrals", &[]);
    assert!(referrals.iter().any(|r| r["value_cents"] == 320000));
    assert_eq!(env.ok(["config", "get", "rate.hourly"]), "60.00\n");
    let report = env.run(["report", "--format", "json"]).success().json();
    assert_eq!(report["networks"].as_array().unwrap().len(), networks.len());

    // A command that may write upgrades the file as it opens it, even one then refused.
    env.run(["add", "network", "BNI Montpellier", "--kind", "local"])
        .bad_input();
    assert_eq!(user_version(env.db()), LATEST);

    // Every row of the first schema is still there, unchanged, and the file is sound.
    let conn = Connection::open(env.db()).unwrap();
    let after: Vec<_> = V1_TABLES
        .iter()
        .zip(&v1_columns)
        .map(|(t, columns)| rows(&conn, t, columns))
        .collect();
    for ((table, before), after) in V1_TABLES.iter().zip(&before).zip(&after) {
        assert_eq!(before, after, "{table} changed in the upgrade");
    }
    for table in ["networks", "contacts"] {
        let keys: Vec<(String, String)> = conn
            .prepare(&format!("SELECT name, name_key FROM {table}"))
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for (name, key) in keys {
            assert_eq!(key, netjournal::domain::text::name_key(&name), "{table}");
        }
    }
    assert_eq!(integrity(env.db()), "ok");
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0, "rows refer to rows that are gone");
    drop(conn);

    // And it takes new rows.
    env.ok([
        "log",
        "meeting",
        "--network",
        "Freelances Montpellier",
        "--format",
        "lunch",
        "--met",
        "Claire Petit",
    ]);
    assert_eq!(env.list_json("meetings", &[]).len(), meetings.len() + 1);
    let total: usize = before.iter().map(Vec::len).sum();
    figure(&format!(
        "migrations: a version-1 journal ({total} rows in {} tables) opened by this program \
         (schema version {LATEST}): every row intact, integrity_check ok",
        V1_TABLES.len()
    ));
}

/// The names of the files in `dir`.
fn files(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn a_journal_from_a_newer_program_is_refused_untouched_by_every_command() {
    let mut refused = 0;
    for journal_mode in ["DELETE", "WAL"] {
        let env = TestEnv::with_journal();
        let export = env.path("export.json");
        env.run(["export", "--output", export.to_str().unwrap()])
            .exit(0);
        {
            let conn = Connection::open(env.db()).unwrap();
            conn.pragma_update(None, "journal_mode", journal_mode)
                .unwrap();
            conn.pragma_update(None, "user_version", LATEST + 1)
                .unwrap();
        }
        let bytes = fs::read(env.db()).unwrap();
        let listing = files(env.dir());
        let export = export.to_str().unwrap();
        let backup = env.path("backup.db");
        let commands: &[&[&str]] = &[
            &["list", "networks"],
            &["show", "network", "BNI Montpellier"],
            &["report"],
            &["export"],
            &["config", "list"],
            &["add", "network", "New", "--kind", "local"],
            &[
                "log",
                "meeting",
                "--format",
                "lunch",
                "--met",
                "Claire Petit",
            ],
            &["note", "a thought"],
            &["edit", "meeting", "1", "--rating", "5"],
            &["rm", "meeting", "1", "--yes"],
            &["config", "set", "rate.hourly", "60"],
            &["import", export],
            &["backup", backup.to_str().unwrap()],
            &["forget", "contact", "Claire Petit", "--yes"],
        ];
        for args in commands {
            env.run(*args)
                .failure()
                .stderr_contains("newer netjournal")
                .stderr_contains("left untouched");
            assert!(
                fs::read(env.db()).unwrap() == bytes,
                "{args:?} ({journal_mode}) changed the journal's bytes"
            );
            assert_eq!(
                files(env.dir()),
                listing,
                "{args:?} ({journal_mode}) left files"
            );
            assert!(!sidecar(env.db(), "-wal").exists());
            refused += 1;
        }
    }
    figure(&format!(
        "migrations: a journal from a newer program (schema version {}, in rollback and WAL \
         mode) refused by {refused} commands, each exit 1 and the file byte for byte unchanged",
        LATEST + 1
    ));
}
