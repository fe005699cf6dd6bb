//! `backup FILE`: a copy that SQLite finds sound even when taken while other processes write
//! to the journal, owner-only, never over an existing file without `--force`, and usable as a
//! journal with `--db` (the documented restore).

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use rusqlite::{Connection, OpenFlags};

use crate::common::{TestEnv, sidecar};

/// Opens a backup read-only and returns its meetings, after checking it is a sound journal.
#[track_caller]
fn check_backup(path: &Path) -> i64 {
    let mode = fs::metadata(path).expect("the backup").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{} is not owner-only", path.display());
    assert!(
        !sidecar(path, "-wal").exists(),
        "a write-ahead log beside the backup"
    );
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open the backup");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity_check");
    assert_eq!(check, "ok", "{}", path.display());
    let application_id: i64 = conn
        .query_row("PRAGMA application_id", [], |row| row.get(0))
        .unwrap();
    assert_eq!(application_id, 0x4E4A_524E, "not marked as a journal");
    conn.query_row("SELECT count(*) FROM meetings", [], |row| row.get(0))
        .unwrap()
}

#[test]
fn a_backup_taken_while_others_write_is_sound() {
    let env = TestEnv::with_journal();
    let before = check_backup_of(&env, "first.db");
    assert_eq!(before, 6);

    // Processes log meetings one after another while backups are taken.
    let writing = AtomicBool::new(true);
    let written = thread::scope(|scope| {
        let writer = scope.spawn(|| {
            let mut written = 0;
            for i in 0..40 {
                let day = format!("2024-05-{:02}", 1 + i % 28);
                let status = env
                    .spawnable([
                        "log",
                        "meeting",
                        "--date",
                        &day,
                        "--format",
                        "lunch",
                        "--met",
                        "Paul Martin",
                        "--notes",
                        "written during a backup",
                    ])
                    .status()
                    .expect("run log meeting");
                assert!(status.success(), "log meeting failed");
                written += 1;
            }
            writing.store(false, Ordering::SeqCst);
            written
        });
        let mut seen = Vec::new();
        let mut i = 0;
        while writing.load(Ordering::SeqCst) || i < 3 {
            let name = format!("during-{i}.db");
            seen.push(check_backup_of(&env, &name));
            i += 1;
        }
        let written = writer.join().expect("the writer");
        // Each copy is one moment of the journal: between the start and the end.
        for meetings in &seen {
            assert!((6..=6 + written).contains(meetings), "{seen:?}");
        }
        assert!(seen.len() >= 3);
        written
    });
    assert_eq!(check_backup_of(&env, "after.db"), 6 + written);
}

/// `backup NAME` into the test's folder; the backup's meetings.
#[track_caller]
fn check_backup_of(env: &TestEnv, name: &str) -> i64 {
    let path = env.path(name);
    let run = env.cmd(["backup"]).arg(&path).run();
    run.success().stdout_contains("Backed up the journal to");
    check_backup(&path)
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let env = TestEnv::with_journal();
    let target = env.path("backup.db");
    fs::write(&target, "precious").unwrap();
    let path = target.to_string_lossy().into_owned();
    env.rejects(["backup", &path], "already exists")
        .stderr_contains("--force");
    assert_eq!(fs::read(&target).unwrap(), b"precious");

    env.run(["backup", &path, "--force"])
        .success()
        .stdout_is(&format!(
            "Backed up the journal to {path}: 4 networks, 5 contacts, 6 meetings, 3 referrals, 4 \
             notes.\n"
        ));
    assert_eq!(check_backup(&target), 6);
}

#[test]
fn a_backup_is_a_journal_to_restore_with_db() {
    let env = TestEnv::with_journal();
    let target = env.path("backup.db");
    env.run(["backup", &target.to_string_lossy()]).success();
    let report = env.ok(["report", "--format", "json"]);
    let restored = env
        .invocation()
        .arg("--db")
        .arg(&target)
        .args(["report", "--format", "json"])
        .run();
    assert_eq!(restored.success().stdout(), report);
    // Carried on with, it is a journal like any other.
    env.invocation()
        .arg("--db")
        .arg(&target)
        .args([
            "log",
            "meeting",
            "--format",
            "phone",
            "--date",
            "2024-06-01",
        ])
        .run()
        .success();
    assert_eq!(check_backup(&target), 7);
}

#[test]
fn what_cannot_be_backed_up_is_refused() {
    let env = TestEnv::with_journal();
    let db = env.db().to_string_lossy().into_owned();
    env.rejects(["backup", &db], "is the journal itself");
    env.rejects(["backup"], "missing FILE");
    let folder = env.dir().to_string_lossy().into_owned();
    env.rejects(["backup", &folder], "is a folder");
    // No journal yet: nothing to copy, and none is created.
    let empty = TestEnv::new();
    let target = empty.path("backup.db");
    empty.rejects(
        ["backup", &target.to_string_lossy()],
        "there is no journal at",
    );
    assert!(!target.exists());
    // Nothing is left beside a refused backup.
    let leftovers: Vec<_> = fs::read_dir(env.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".new"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
