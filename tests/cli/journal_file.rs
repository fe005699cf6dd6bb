//! The journal file itself: where it is, who may read it, what it refuses to open, and two
//! commands writing to it at once.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use rusqlite::Connection;

use crate::common::{TestEnv, sidecar};

/// netjournal's mark in the SQLite header (`PRAGMA application_id`): "NJRN".
const APPLICATION_ID: i64 = 0x4E4A_524E;

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_new_journal_is_readable_by_its_owner_only() {
    let env = TestEnv::new();
    env.run(["add", "network", "N", "--kind", "local"])
        .success();
    assert_eq!(mode(env.db()), 0o600, "{:o}", mode(env.db()));
}

#[test]
fn a_missing_folder_is_created_owner_only() {
    let env = TestEnv::new();
    let db = env.path("data/netjournal/journal.db");
    env.invocation()
        .arg("--db")
        .arg(&db)
        .args(["add", "network", "N", "--kind", "local"])
        .run()
        .success();
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(&env.path("data/netjournal")), 0o700);
    assert_eq!(mode(&env.path("data")), 0o700);
}

#[test]
fn a_new_journal_is_marked_versioned_and_in_wal_mode() {
    let env = TestEnv::new();
    env.run(["log", "meeting", "--format", "lunch"]).success();
    let conn = env.sql();
    let pragma = |name: &str| -> String {
        conn.query_row(&format!("SELECT * FROM pragma_{name}"), [], |row| {
            row.get::<_, rusqlite::types::Value>(0)
        })
        .map(|value| match value {
            rusqlite::types::Value::Integer(n) => n.to_string(),
            rusqlite::types::Value::Text(text) => text,
            other => format!("{other:?}"),
        })
        .unwrap()
    };
    assert_eq!(pragma("application_id"), APPLICATION_ID.to_string());
    assert!(pragma("user_version").parse::<i64>().unwrap() >= 1);
    assert_eq!(pragma("journal_mode"), "wal");
    drop(conn);
    env.assert_no_pending_wal();
}

#[test]
fn a_finished_command_leaves_everything_in_the_journal_file() {
    let env = TestEnv::with_journal();
    env.assert_no_pending_wal();
    assert!(!sidecar(env.db(), "-shm").exists());
}

#[test]
fn reading_changes_nothing() {
    let env = TestEnv::with_journal();
    let bytes = env.bytes();
    let dump = env.dump();
    for args in [
        &["list", "networks"][..],
        &["list", "meetings", "--format", "json"],
        &[
            "list",
            "contacts",
            "--format",
            "csv",
            "--network",
            "BNI Montpellier",
        ],
        &["show", "network", "CPME Hérault"],
    ] {
        let run = env.run(args.iter().copied());
        run.success();
        env.assert_unchanged(&bytes, &dump, &run);
    }
}

#[test]
fn a_journal_from_a_newer_netjournal_is_refused_and_left_untouched() {
    let env = TestEnv::new();
    {
        let conn = Connection::open(env.db()).unwrap();
        conn.execute_batch(
            "CREATE TABLE networks (id INTEGER PRIMARY KEY, name TEXT, shiny_new_column TEXT);
             INSERT INTO networks (name) VALUES ('from the future');",
        )
        .unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
    }
    for args in [
        &["add", "network", "N", "--kind", "local"][..],
        &["log", "meeting", "--format", "lunch"],
        &["list", "networks"],
    ] {
        env.fails_untouched(
            env.cmd(args.iter().copied()),
            env.db(),
            1,
            "was written by a newer netjournal",
        )
        .stderr_contains("schema version 99")
        .stderr_contains("left untouched");
    }
    assert!(!sidecar(env.db(), "-wal").exists());
}

#[test]
fn a_folder_is_not_a_journal() {
    let env = TestEnv::new();
    fs::create_dir(env.db()).unwrap();
    for args in [
        &["add", "network", "N", "--kind", "local"][..],
        &["list", "networks"],
    ] {
        env.run(args.iter().copied())
            .bad_input()
            .stderr_contains("is a folder, not a journal file")
            .stderr_contains("hint: ");
    }
    assert_eq!(fs::read_dir(env.db()).unwrap().count(), 0);
}

#[test]
fn a_text_file_is_not_a_journal_and_is_left_untouched() {
    let env = TestEnv::new();
    fs::write(env.db(), "my shopping list\nbread\n").unwrap();
    for args in [
        &["add", "network", "N", "--kind", "local"][..],
        &["list", "networks"],
    ] {
        env.fails_untouched(
            env.cmd(args.iter().copied()),
            env.db(),
            2,
            "is not a netjournal journal",
        );
    }
    assert_eq!(
        fs::read_to_string(env.db()).unwrap(),
        "my shopping list\nbread\n"
    );
}

#[test]
fn another_program_s_database_is_not_a_journal_and_is_left_untouched() {
    let env = TestEnv::new();
    {
        let conn = Connection::open(env.db()).unwrap();
        conn.execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
            .unwrap();
    }
    for args in [
        &["log", "meeting", "--format", "lunch"][..],
        &["list", "meetings"],
    ] {
        env.fails_untouched(
            env.cmd(args.iter().copied()),
            env.db(),
            2,
            "is not a netjournal journal",
        );
    }
}

#[test]
fn a_journal_that_cannot_be_created_is_a_failure() {
    let env = TestEnv::new();
    fs::write(env.path("plain-file"), "x").unwrap();
    env.invocation()
        .arg("--db")
        .arg(env.path("plain-file/journal.db"))
        .args(["add", "network", "N", "--kind", "local"])
        .run()
        .failure()
        .stderr_contains("plain-file/journal.db");
}

#[test]
fn reading_a_journal_that_does_not_exist_creates_nothing() {
    let env = TestEnv::new();
    // Read empty, and said on stderr not to exist: a mistyped `--db` is no empty journal.
    let note = format!(
        "note: no journal at `{}` yet (the first command that records something creates it)\n",
        env.db().display()
    );
    env.run(["list", "networks"])
        .exit(0)
        .stdout_is("Nothing to list.\n")
        .stderr_is(&note);
    env.run(["list", "meetings", "--format", "json"])
        .exit(0)
        .stdout_is("[]\n")
        .stderr_is(&note);
    env.run(["--lang", "fr", "list", "networks"])
        .exit(0)
        .stderr_contains("note : pas encore de journal à");
    env.run(["show", "network", "BNI Montpellier"])
        .bad_input()
        .stderr_contains("no network named `BNI Montpellier`")
        .stderr_contains("the journal has no network yet");
    let nested = env.path("not/yet/journal.db");
    env.invocation()
        .arg("--db")
        .arg(&nested)
        .args(["list", "referrals", "--format", "csv"])
        .run()
        .exit(0)
        .stderr_contains("not/yet/journal.db");
    // A path with an escape sequence in it is shown, not obeyed.
    env.invocation()
        .arg("--db")
        .arg(env.path("x\u{1b}[31mred.db"))
        .args(["list", "networks"])
        .run()
        .exit(0)
        .stderr_lacks("\u{1b}");
    let left: Vec<_> = fs::read_dir(env.dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "a read created {left:?}");
}

#[test]
fn a_first_command_that_fails_creates_nothing() {
    let env = TestEnv::new();
    // A file referring to a network that is neither in it nor in the journal: refused at the
    // merge, once the journal would have been opened for writing.
    let orphan = r#"{"format": "netjournal-export", "format_version": 1, "schema_version": 1, "exported_at": "2024-06-15T12:00:00+00:00",
        "currency": "EUR", "settings": {}, "networks": [], "contacts": [], "referrals": [], "notes": [],
        "meetings": [{"uuid": "6f1c2a52-1d6b-4c53-9d7a-3f4f4b1e9a10", "date": "2024-05-02",
            "network_uuid": "0b0e7d0e-5a8e-4a55-8f6e-2f7a9c1d3b44", "format": "breakfast",
            "contact_uuids": [], "created_at": "2024-05-02T08:00:00+00:00",
            "updated_at": "2024-05-02T08:00:00+00:00"}]}"#;
    fs::write(env.path("orphan.json"), orphan).unwrap();
    let nested = env.path("not/yet/journal.db");
    let failing: &[&[&str]] = &[
        &["log", "meeting", "--network", "Nope", "--format", "lunch"],
        &["log", "referral", "--received", "--network", "Nope"],
        &["note", "a concern", "--network", "Nope", "--concern"],
        &["leave", "network", "Nope"],
        &["edit", "meeting", "1", "--minutes", "60"],
        &["import", "orphan.json"],
    ];
    for args in failing {
        for db in [env.db(), nested.as_path()] {
            let run = env.invocation().arg("--db").arg(db).args(*args).run();
            run.bad_input();
            if args[0] == "import" {
                // Read whole, then refused at the merge.
                assert!(
                    run.stderr()
                        .contains("is no network of the file nor of the journal")
                );
            }
            assert!(!db.exists(), "{args:?} created {}", db.display());
        }
    }
    assert!(
        !env.path("not").exists(),
        "a failing command left its folder"
    );
    let left: Vec<_> = fs::read_dir(env.dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "orphan.json")
        .collect();
    assert!(left.is_empty(), "failing commands left {left:?}");
    // The first command that succeeds makes it, whole, in its folder.
    env.invocation()
        .arg("--db")
        .arg(&nested)
        .args(["add", "network", "N", "--kind", "local"])
        .run()
        .success();
    assert_eq!(mode(&nested), 0o600);
    assert_eq!(mode(nested.parent().unwrap()), 0o700);
    let names: Vec<_> = fs::read_dir(nested.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["journal.db"]);
}

#[test]
fn netjournal_db_names_the_journal_and_db_overrides_it() {
    let env = TestEnv::new();
    let from_env = env.path("from-env.db");
    env.invocation()
        .env("NETJOURNAL_DB", &from_env)
        .args(["add", "network", "Via Env", "--kind", "local"])
        .run()
        .success();
    assert!(from_env.exists());
    assert!(!env.db().exists());
    env.invocation()
        .env("NETJOURNAL_DB", &from_env)
        .args(["list", "networks"])
        .run()
        .success()
        .stdout_contains("Via Env");
    // --db wins over the environment.
    env.cmd(["add", "network", "Via Flag", "--kind", "local"])
        .env("NETJOURNAL_DB", &from_env)
        .run()
        .success();
    assert_eq!(env.list_json("networks", &[]).len(), 1);
    let names: Vec<_> = serde_json::from_str::<serde_json::Value>(
        &env.invocation()
            .env("NETJOURNAL_DB", &from_env)
            .args(["list", "networks", "--format", "json"])
            .run()
            .success()
            .stdout(),
    )
    .unwrap()
    .as_array()
    .unwrap()
    .iter()
    .map(|n| n["name"].as_str().unwrap().to_string())
    .collect();
    assert_eq!(names, ["Via Env"]);
}

#[test]
fn without_db_the_journal_lives_in_the_platform_data_folder() {
    let env = TestEnv::new();
    env.invocation()
        .args(["add", "network", "Home", "--kind", "local"])
        .run()
        .success();
    let db = env.path(".local/share/netjournal/journal.db");
    assert!(db.exists(), "no journal at {}", db.display());
    assert_eq!(mode(&db), 0o600);
    env.invocation()
        .args(["list", "networks"])
        .run()
        .success()
        .stdout_contains("Home");
}

/// Starts `log meeting` in `count` processes at once on `env`'s journal; all must succeed.
#[track_caller]
fn log_meetings_at_once(env: &TestEnv, count: usize) {
    let children: Vec<_> = (0..count)
        .map(|i| {
            env.spawnable([
                "log",
                "meeting",
                "--format",
                "lunch",
                "--met",
                &format!("Person {i}"),
            ])
            .spawn()
            .expect("start netjournal")
        })
        .collect();
    for (i, child) in children.into_iter().enumerate() {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success() && output.stderr.is_empty(),
            "process {i} of {count}: {:?}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let meetings = env.list_json("meetings", &[]);
    let contacts = env.list_json("contacts", &[]);
    assert_eq!(meetings.len(), count);
    assert_eq!(contacts.len(), count);
    env.assert_no_pending_wal();
}

#[test]
fn commands_started_at_once_on_one_journal_all_succeed() {
    let env = TestEnv::with_journal();
    let before = env.list_json("meetings", &[]).len();
    let children: Vec<_> = (0..4)
        .map(|i| {
            env.spawnable([
                "log",
                "meeting",
                "--format",
                "lunch",
                "--met",
                &format!("P{i}"),
            ])
            .spawn()
            .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_eq!(env.list_json("meetings", &[]).len(), before + 4);
}

#[test]
fn commands_started_at_once_on_a_journal_not_yet_created_all_succeed() {
    // The first use is the delicate one: the file, its schema and its mode are being made
    // while the other command arrives. Several rounds, since a race does not show every time.
    for _ in 0..16 {
        let env = TestEnv::new();
        log_meetings_at_once(&env, 8);
        assert_eq!(mode(env.db()), 0o600);
    }
}
