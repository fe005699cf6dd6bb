//! Real files, hostile files (issue 15): a journal that stays private whatever existed before
//! it, copies a killed command left that do not outlive the next command writing beside them,
//! backups that read on read-only media without being changed, `forget` on a full disk, and a
//! damaged journal that refuses writes and can be recovered.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::common::{TestEnv, dump, sidecar};
use crate::crash::big_export;
use crate::support::{Mount, figure, integrity, is_root, mode};

/// `netjournal --db DB ARGS…` in `env`.
fn on(env: &TestEnv, db: &Path) -> crate::common::Invocation {
    env.invocation().arg("--db").arg(db)
}

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_touched_db_file_becomes_a_private_journal() {
    let env = TestEnv::new();
    fs::write(env.db(), "").unwrap();
    chmod(env.db(), 0o644);
    // Read, it is an empty journal, and stays the empty file it was.
    env.run(["list", "networks"])
        .success()
        .stdout_is("Nothing to list.\n");
    assert_eq!(fs::metadata(env.db()).unwrap().len(), 0);
    assert_eq!(mode(env.db()), "0644");
    // Written, it becomes a journal readable by its owner only.
    env.ok(["add", "network", "BNI", "--kind", "local"]);
    assert_eq!(mode(env.db()), "0600");
    assert_eq!(env.list_json("networks", &[]).len(), 1);

    // A journal, its log and its shared memory made readable by others (a copy, a restore
    // with the wrong umask) are private again from the next command that writes. Another
    // reader keeps the log and the shared memory there to be looked at.
    let reader = Connection::open(env.db()).unwrap();
    let _: i64 = reader
        .query_row("SELECT count(*) FROM networks", [], |row| row.get(0))
        .unwrap();
    let (wal, shm) = (sidecar(env.db(), "-wal"), sidecar(env.db(), "-shm"));
    assert!(wal.exists() && shm.exists());
    for file in [env.db(), &wal, &shm] {
        chmod(file, 0o644);
    }
    env.ok(["add", "network", "CPME", "--kind", "political"]);
    for file in [env.db(), &wal, &shm] {
        assert_eq!(mode(file), "0600", "{}", file.display());
    }
    drop(reader);
    figure(
        "hostile files: a touched 0644 --db file read as an empty journal and left as it was; \
         written, it became a 0600 journal; a journal, log and shared memory set to 0644 were \
         0600 again after the next write",
    );
}

/// Writes `text` as a private copy a command killed half-way left in `folder`: `.NAME.PID-1.new`
/// (with `suffix`), for a process `pid`.
fn leftover(folder: &Path, name: &str, pid: u32, suffix: &str, text: &str) -> PathBuf {
    let path = folder.join(format!(".{name}.{pid}-1.new{suffix}"));
    fs::write(&path, text).unwrap();
    chmod(&path, 0o600);
    path
}

/// A process id above the kernel's maximum (4,194,304): never running.
const GONE: u32 = 4_999_999;

#[test]
fn copies_a_killed_command_left_go_with_the_next_command_that_writes_beside_them() {
    let env = TestEnv::with_journal();
    let out = env.path("out");
    fs::create_dir(&out).unwrap();
    // A killed export and a killed backup in the output folder, under other names than the
    // next file written there; one of a command still running (this test) stays.
    let export = leftover(&out, "old.json", GONE, "", "{\"name\": \"Claire Petit\"}");
    let backup = leftover(&out, "backup.db", GONE, "-wal", "Claire Petit");
    let running = leftover(&out, "mine.json", std::process::id(), "", "in progress");
    let report = out.join("report.md");
    env.run([
        "report",
        "--format",
        "md",
        "--output",
        report.to_str().unwrap(),
    ])
    .exit(0);
    assert!(!export.exists() && !backup.exists(), "the leftovers stayed");
    assert!(running.exists(), "a running command's file was removed");

    // Beside the journal: removed by any command that writes the journal.
    let folder = env.db().parent().unwrap();
    let journal_copy = leftover(folder, "journal.db", GONE, "", "Claire Petit");
    let other = leftover(folder, "export.json", GONE, "", "Claire Petit");
    env.ok(["list", "networks"]);
    assert!(journal_copy.exists(), "a read removed files");
    env.ok(["add", "network", "Ateliers", "--kind", "local"]);
    assert!(!journal_copy.exists() && !other.exists());
    fs::remove_file(&running).unwrap();
    figure(
        "hostile files: copies left by a killed export and backup (other names) were removed \
         by the next report written in their folder, those beside the journal by the next \
         write; a running command's copy stayed; a read removed nothing",
    );
}

#[test]
fn forget_removes_the_copies_a_killed_command_left_and_names_those_still_being_written() {
    let env = TestEnv::with_journal();
    let folder = env.db().parent().unwrap();
    let dead = leftover(folder, "backup.db", GONE, "", "… Claire Petit …");
    let live = leftover(
        folder,
        "export.json",
        std::process::id(),
        "",
        "{\"name\": \"Claire Petit\"}",
    );
    let unrelated = leftover(folder, "report.md", std::process::id(), "", "nobody");
    let run = env.run(["forget", "contact", "Claire Petit", "--yes"]);
    run.success()
        .stdout_contains("Removed 1 unfinished copy a stopped command had left")
        .stdout_contains(dead.to_str().unwrap())
        .stdout_contains("A copy another command is still writing holds them")
        .stdout_contains(live.to_str().unwrap())
        .stdout_lacks(unrelated.to_str().unwrap());
    assert!(!dead.exists());
    assert!(live.exists() && unrelated.exists());
    fs::remove_file(&live).unwrap();
    fs::remove_file(&unrelated).unwrap();
}

/// The byte of the SQLite header that says whether a file is in WAL mode (2) or not (1).
fn write_version(path: &Path) -> u8 {
    fs::read(path).unwrap()[18]
}

#[test]
fn a_backup_reads_unchanged_on_writable_and_read_only_media() {
    let env = TestEnv::with_journal();
    let media = env.path("media");
    fs::create_dir(&media).unwrap();
    let backup = media.join("backup.db");
    env.ok(["backup", backup.to_str().unwrap()]);
    assert_eq!(write_version(&backup), 1, "a backup is not in WAL mode");
    // A raw copy of the journal, in WAL mode, with no log or shared memory beside it.
    let copy = media.join("copy.db");
    fs::copy(env.db(), &copy).unwrap();
    assert_eq!(write_version(&copy), 2);
    let bytes = fs::read(&backup).unwrap();
    let reads: &[&[&str]] = &[
        &["report"],
        &["report", "--format", "json"],
        &["list", "meetings"],
        &["show", "network", "BNI Montpellier"],
        &["export"],
        &["config", "list"],
    ];
    // On writable media: read as it is, its header untouched.
    for args in reads {
        on(&env, &backup).args(*args).run().success();
        assert!(
            fs::read(&backup).unwrap() == bytes,
            "{args:?} changed the backup"
        );
    }
    let listing = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(listing(&media), ["backup.db", "copy.db"]);

    // On read-only media: a read-only bind mount as root, the permissions otherwise.
    let _mount = if is_root() {
        match Mount::read_only_bind(&media) {
            Ok(mount) => Some(mount),
            Err(reason) => {
                figure(&format!(
                    "hostile files: backup on read-only media SKIPPED: {reason}"
                ));
                return;
            }
        }
    } else {
        chmod(&backup, 0o400);
        chmod(&copy, 0o400);
        chmod(&media, 0o500);
        None
    };
    let expected = on(&env, env.db())
        .args(["report", "--format", "json"])
        .run();
    for db in [&backup, &copy] {
        for args in reads {
            let run = on(&env, db).args(*args).run();
            run.success();
        }
        let run = on(&env, db).args(["report", "--format", "json"]).run();
        assert_eq!(run.json(), expected.json(), "{}", db.display());
    }
    assert!(fs::read(&backup).unwrap() == bytes);
    // A write is refused, and says so.
    on(&env, &backup)
        .args(["add", "network", "New", "--kind", "local"])
        .run()
        .failure();
    drop(_mount);
    chmod(&media, 0o700);
    figure(&format!(
        "hostile files: a backup and a raw copy of a journal in WAL mode read by {} commands \
         each, on writable media (bytes and header unchanged) and on read-only media",
        reads.len()
    ));
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
fn forget_on_a_nearly_full_disk_succeeds_once_the_erase_is_committed() {
    let env = TestEnv::new();
    let disk = env.path("disk");
    let mount = match Mount::tmpfs(&disk, "4m") {
        Ok(mount) => mount,
        Err(reason) => {
            figure(&format!(
                "hostile files: forget on a full disk SKIPPED (needs a tmpfs mount): {reason}"
            ));
            return;
        }
    };
    let db = disk.join("journal.db");
    let big = env.path("big.json");
    fs::write(&big, big_export(1_500)).unwrap();
    on(&env, &db)
        .args(["import", big.to_str().unwrap()])
        .run()
        .success();
    let size = fs::metadata(&db).unwrap().len();
    let person = "Generated person 7";
    // Room for the erase (a few pages in the log, and the shared memory) but not for the
    // rewrite of the whole file that follows it.
    let filler = disk.join("filler");
    fill(&filler, 256 * 1024);
    let run = on(&env, &db)
        .args(["forget", "contact", person, "--yes"])
        .run();
    assert_eq!(run.code(), Some(0), "{}", run.stderr());
    run.stdout_contains(&format!("Forgot `{person}`"));
    let stderr = run.stderr();
    assert!(
        stderr.starts_with("warning: they are erased"),
        "{size} bytes of journal: {stderr}"
    );
    assert!(stderr.contains("disk is full"), "{stderr}");
    assert!(stderr.contains("hint: make room on the disk"), "{stderr}");
    fs::remove_file(&filler).unwrap();
    assert_eq!(integrity(&db), "ok");
    let contacts = on(&env, &db)
        .args(["list", "contacts", "--format", "json"])
        .run();
    assert!(!contacts.stdout().contains(&format!("\"{person}\"")));
    drop(mount);
    figure(&format!(
        "hostile files: forget on a full disk (a {} kB journal, 256 kB left): exit 0, the \
         person erased, a warning saying the file could not be rebuilt and how to finish",
        size / 1024
    ));
}

/// Overwrites part of the `nth` leaf page of `table` in the journal at `db` with garbage, as a
/// failing disk or a bad copy would: SQLite reads the file, and reports it damaged.
fn damage(db: &Path, table: &str, nth: usize) {
    let (page, size): (i64, i64) = {
        let conn = Connection::open(db).unwrap();
        let size: i64 = conn
            .pragma_query_value(None, "page_size", |row| row.get(0))
            .unwrap();
        let page = conn
            .query_row(
                "SELECT pageno FROM dbstat WHERE name = ?1 AND pagetype = 'leaf'
                 ORDER BY pageno LIMIT 1 OFFSET ?2",
                rusqlite::params![table, nth as i64],
                |row| row.get(0),
            )
            .unwrap();
        (page, size)
    };
    use std::io::{Seek, SeekFrom, Write};
    let mut file = fs::OpenOptions::new().write(true).open(db).unwrap();
    file.seek(SeekFrom::Start(((page - 1) * size) as u64))
        .unwrap();
    file.write_all(&[0xFF; 64]).unwrap();
}

#[test]
fn a_damaged_journal_refuses_writes_and_recover_saves_the_rest() {
    let env = TestEnv::new();
    let big = env.path("big.json");
    fs::write(&big, big_export(2_000)).unwrap();
    env.ok(["import", big.to_str().unwrap()]);
    let meetings = env.list_json("meetings", &[]).len();
    damage(env.db(), "meetings", 10);
    let bytes = env.bytes();

    // Writes are refused, the journal left as it was, with the way out.
    for args in [
        &["log", "meeting", "--format", "lunch"][..],
        &["add", "network", "New", "--kind", "local"],
        &["config", "set", "rate.hourly", "60"],
    ] {
        env.run(args)
            .failure()
            .stderr_contains("is damaged: nothing was written to it")
            .stderr_contains("hint: save what can still be read into a new journal with `netjournal recover NEW.db`");
        assert!(env.bytes() == bytes, "{args:?} changed the damaged journal");
    }
    // So are a backup and an export, saying the same (an export to the standard output has
    // written what it read before the damage).
    let backup = env.path("backup.db");
    for args in [
        vec!["backup", backup.to_str().unwrap()],
        vec!["export"],
        vec!["report"],
    ] {
        env.run(&args)
            .exit(1)
            .stderr_is_clean()
            .stderr_contains("damaged")
            .stderr_contains("netjournal recover NEW.db");
    }
    assert!(!backup.exists());

    // What can be read is saved.
    let recovered = env.path("recovered.db");
    let run = env.run(["recover", recovered.to_str().unwrap()]);
    run.success()
        .stdout_contains("Saved what could be read of the journal into")
        .stdout_contains("networks: ")
        .stdout_contains("could not be read")
        .stdout_contains("What could not be read is lost.");
    let stdout = run.stdout();
    let line = stdout
        .lines()
        .find(|line| line.trim_start().starts_with("meetings: "))
        .unwrap();
    let saved: usize = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(saved < meetings && saved > meetings / 2, "{line}");
    assert_eq!(mode(&recovered), "0600");
    assert_eq!(integrity(&recovered), "ok");
    let again = on(&env, &recovered)
        .args(["list", "meetings", "--format", "json"])
        .run();
    assert_eq!(again.json().as_array().unwrap().len(), saved);
    on(&env, &recovered).args(["report"]).run().success();
    on(&env, &recovered)
        .args(["log", "meeting", "--format", "lunch"])
        .run()
        .success();
    assert!(env.bytes() == bytes, "recover changed the damaged journal");
    // In French too, over the file with --force.
    env.run([
        "--lang",
        "fr",
        "recover",
        recovered.to_str().unwrap(),
        "--force",
    ])
    .success()
    .stdout_contains("Ce qui pouvait être lu du journal a été sauvé dans")
    .stdout_contains("n'ont pas pu être lues");
    figure(&format!(
        "hostile files: a journal of {meetings} meetings with one damaged page: 3 writes \
         refused (exit 1, journal unchanged, hint to recover), backup, export and report \
         refused with the same hint; recover saved {saved} meetings into a sound, private \
         journal, and said which rows were lost"
    ));
}

#[test]
fn a_sound_journal_recovers_whole() {
    let env = TestEnv::with_journal();
    let recovered = env.path("recovered.db");
    env.run(["recover", recovered.to_str().unwrap()])
        .success()
        .stdout_contains("meetings: 6 rows recovered, nothing lost")
        .stdout_contains("Nothing was lost.");
    assert_eq!(dump(&recovered), dump(env.db()));
    env.run(["recover", recovered.to_str().unwrap()])
        .bad_input()
        .stderr_contains("already exists");
    let nowhere = env.path("nowhere.db");
    on(&env, &nowhere)
        .args(["recover", recovered.to_str().unwrap(), "--force"])
        .run()
        .bad_input()
        .stderr_contains("there is no journal at");
}
