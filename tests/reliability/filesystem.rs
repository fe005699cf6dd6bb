//! The file system says no: a journal file or folder that cannot be written, a `--db` that is
//! a folder, a disk that is full. A command that must write fails with exit 1 and a message
//! that says what is wrong, and the journal is left as it was; a command that only reads still
//! reads.
//!
//! Tests run as root on CI, and root ignores file permissions: a read-only file or folder is
//! then a read-only bind mount, and a full disk a small tmpfs. Run as another user, the
//! permissions do the job, and the full disk, which needs a mount, is skipped with its reason.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::{Invocation, TestEnv, dump, sidecar};
use crate::crash::big_export;
use crate::support::{Mount, figure, integrity, is_root};

/// `netjournal --db DB …` in `env`.
fn on(env: &TestEnv, db: &Path) -> Invocation {
    env.invocation().arg("--db").arg(db)
}

/// A write that must fail, a read that must still work, and what the failing write must say.
fn refuses_writes(env: &TestEnv, db: &Path, what: &str, says: &[&str]) {
    let bytes = fs::read(db).unwrap();
    let rows = dump(db);
    let writes: &[&[&str]] = &[
        &[
            "log",
            "meeting",
            "--format",
            "lunch",
            "--met",
            "Claire Petit",
        ],
        &["add", "network", "New network", "--kind", "local"],
        &["config", "set", "rate.hourly", "60"],
    ];
    for args in writes {
        let run = on(env, db).args(*args).run();
        run.failure();
        let stderr = run.stderr();
        assert!(
            says.iter().any(|words| stderr.contains(words)),
            "{what}: `{}` says {stderr:?}, expected one of {says:?}",
            run.command_line()
        );
        assert!(
            fs::read(db).unwrap() == bytes,
            "{what}: {args:?} changed the journal"
        );
    }
    assert_eq!(dump(db), rows, "{what}: the rows changed");
}

/// A read that must still work on a journal that cannot be written.
fn still_reads(env: &TestEnv, db: &Path, what: &str) {
    for args in [["list", "networks"], ["report", "--format=json"]] {
        let run = on(env, db).args(args).run();
        assert_eq!(
            run.code(),
            Some(0),
            "{what}: `{}` failed: {}",
            run.command_line(),
            run.stderr()
        );
    }
}

/// What keeps a file or folder read-only for the length of a test, undone when dropped.
enum ReadOnly {
    /// Root: a read-only bind mount of the file or folder onto itself.
    Mount(#[allow(dead_code)] Mount),
    /// Root where nothing can be mounted: the immutable attribute (`chattr +i`, ext4 and
    /// others), which root obeys too.
    Immutable(std::path::PathBuf),
    /// Any other user: the permissions.
    Permissions,
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if let ReadOnly::Immutable(path) = self {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&*path)
                .status();
        }
    }
}

/// Makes `path` read-only, by the first means that works for this user (see [`ReadOnly`]);
/// when none does, says why.
fn read_only(path: &Path, mode: u32) -> Result<ReadOnly, String> {
    if !is_root() {
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
        return Ok(ReadOnly::Permissions);
    }
    let mount = match Mount::read_only_bind(path) {
        Ok(mount) => return Ok(ReadOnly::Mount(mount)),
        Err(reason) => reason,
    };
    let chattr = std::process::Command::new("chattr")
        .arg("+i")
        .arg(path)
        .output()
        .map_err(|e| e.to_string())
        .and_then(|output| {
            if output.status.success() {
                Ok(())
            } else {
                Err(String::from_utf8_lossy(&output.stderr).trim().to_string())
            }
        });
    match chattr {
        Ok(()) => Ok(ReadOnly::Immutable(path.to_path_buf())),
        Err(reason) => Err(format!(
            "root ignores permissions, and neither a read-only mount ({mount}) nor `chattr +i` \
             ({reason}) is possible here"
        )),
    }
}

#[test]
fn a_read_only_journal_file_refuses_writes_and_stays_readable() {
    let env = TestEnv::with_journal();
    let guard = match read_only(env.db(), 0o400) {
        Ok(guard) => guard,
        Err(reason) => {
            figure(&format!(
                "file system: read-only journal file SKIPPED: {reason}"
            ));
            return;
        }
    };
    refuses_writes(&env, env.db(), "a read-only journal file", &["read-only"]);
    still_reads(&env, env.db(), "a read-only journal file");
    drop(guard);
    figure(
        "file system: a read-only journal file: 3 writes refused (exit 1, says read-only), journal unchanged; list and report still work",
    );
}

#[test]
fn a_read_only_folder_refuses_writes() {
    let env = TestEnv::with_journal();
    let folder = env.path("journals");
    fs::create_dir(&folder).unwrap();
    let db = folder.join("journal.db");
    fs::copy(env.db(), &db).unwrap();
    let guard = match read_only(&folder, 0o500) {
        Ok(guard) => guard,
        Err(reason) => {
            figure(&format!("file system: read-only folder SKIPPED: {reason}"));
            return;
        }
    };
    refuses_writes(
        &env,
        &db,
        "a journal in a read-only folder",
        &["read-only", "cannot"],
    );
    drop(guard);
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o700)).unwrap();
    figure(
        "file system: a journal in a read-only folder: 3 writes refused (exit 1), journal unchanged",
    );
}

#[test]
fn a_db_that_is_a_folder_is_refused() {
    let env = TestEnv::new();
    let folder = env.path("a-folder");
    fs::create_dir(&folder).unwrap();
    for args in [
        &["list", "networks"][..],
        &["log", "meeting", "--format", "lunch"],
        &["report"],
    ] {
        on(&env, &folder)
            .args(args)
            .run()
            .bad_input()
            .stderr_contains("is a folder, not a journal file");
    }
    assert!(
        fs::read_dir(&folder).unwrap().next().is_none(),
        "the folder was written to"
    );
    figure(
        "file system: `--db` a folder: 3 commands (a read, a write, a report) refused with exit 2, saying it is a folder; nothing written in it",
    );
}

/// Fills the disk `filler` is on, but for `room` bytes.
fn fill(filler: &Path, room: u64) {
    use std::io::Write;
    let mut file = fs::File::create(filler).unwrap();
    let block = vec![b'x'; 4096];
    while file.write_all(&block).is_ok() {}
    while file.write_all(b"x").is_ok() {}
    let len = file.metadata().unwrap().len();
    file.set_len(len.saturating_sub(room)).unwrap();
}

#[test]
fn a_full_disk_refuses_writes_and_leaves_the_journal_as_it_was() {
    let env = TestEnv::with_journal();
    let disk = env.path("disk");
    let mount = match Mount::tmpfs(&disk, "400k") {
        Ok(mount) => mount,
        Err(reason) => {
            figure(&format!(
                "file system: full disk SKIPPED (needs a tmpfs mount): {reason}"
            ));
            return;
        }
    };
    let db = disk.join("journal.db");
    fs::copy(env.db(), &db).unwrap();
    let bytes = fs::read(&db).unwrap();
    let rows = dump(&db);
    let big = env.path("big.json");
    fs::write(&big, big_export(300)).unwrap();
    let note = "é".repeat(20_000);
    let writes: &[&[&str]] = &[
        &["log", "meeting", "--format", "lunch", "--notes", &note],
        &["import", big.to_str().unwrap()],
    ];
    let filler = disk.join("filler");
    let mut refused = 0;
    // Full to the last byte; then with room for SQLite's shared memory (32 kB) but not for
    // the log of the write, which fills the disk half-way through.
    for room in [0u64, 48 * 1024] {
        fill(&filler, room);
        for args in writes {
            let run = on(&env, &db).args(*args).run();
            run.failure();
            let stderr = run.stderr();
            assert!(
                stderr.contains("disk is full"),
                "a full disk ({room} bytes left): `{}` says {stderr:?}",
                run.command_line()
            );
            assert!(
                fs::read(&db).unwrap() == bytes,
                "a full disk ({room} bytes left): {args:?} changed the journal"
            );
            // Read with its log, if SQLite left one: nothing of the write is in it.
            assert_eq!(dump(&db), rows, "a full disk ({room} bytes left): {args:?}");
            refused += 1;
        }
    }
    // Files asked for on the full disk, from a journal elsewhere: refused, and nothing
    // half-written left there; a report written over last month's leaves last month's whole.
    let retro = disk.join("retro.md");
    let last_month = "# Networking report of last month\n";
    fs::write(&retro, last_month).unwrap();
    fill(&filler, 0);
    let export = disk.join("export.json");
    let backup = disk.join("backup.db");
    let files: &[&[&str]] = &[
        &["export", "--output", export.to_str().unwrap()],
        &["backup", backup.to_str().unwrap()],
        &[
            "report",
            "--format",
            "md",
            "--output",
            retro.to_str().unwrap(),
        ],
    ];
    for args in files {
        // Read from the journal outside: the files' writes are what meets the full disk.
        let run = on(&env, env.db()).args(*args).run();
        run.failure();
        // The file is named: the journal, which is fine, is not blamed.
        let file = args.last().unwrap();
        assert!(
            run.stderr() == format!("error: cannot write `{file}`: the disk is full\n"),
            "`{}` says {:?}",
            run.command_line(),
            run.stderr()
        );
        let left: Vec<_> = fs::read_dir(&disk)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| {
                !name.starts_with("journal.db") && name != "filler" && name != "retro.md"
            })
            .collect();
        assert!(left.is_empty(), "{args:?} left {left:?} on the full disk");
        refused += 1;
    }
    assert_eq!(fs::read_to_string(&retro).unwrap(), last_month);
    // Room again: the journal is sound, and takes the write it could not.
    fs::remove_file(&filler).unwrap();
    assert_eq!(integrity(&db), "ok");
    on(&env, &db)
        .args(["log", "meeting", "--format", "lunch", "--notes", &note])
        .run()
        .success();
    assert!(!sidecar(&db, "-wal").exists() && !sidecar(&db, "-shm").exists());
    drop(mount);
    figure(&format!(
        "file system: a full disk (a 400 kB tmpfs, filled to the last byte, then but for \
         48 kB): {refused} writes refused (exit 1, says the disk is full), the journal \
         unchanged and sound, no half-written export, backup or report (the previous report \
         kept whole); with room again, the write \
         succeeds"
    ));
}
