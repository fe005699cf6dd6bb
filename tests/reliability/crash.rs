//! Crash safety: a command killed with SIGKILL at a random (seeded) moment while it writes
//! leaves a journal that passes `PRAGMA integrity_check` and holds either none or all of what
//! the command was writing, row for row. Then the program opens it, and the command run again
//! does its whole work.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use netjournal::transfer::wire::{
    ContactRecord, MeetingRecord, NetworkRecord, NoteRecord, ReferralRecord,
};
use netjournal::transfer::{FORMAT, FORMAT_VERSION};
use serde_json::json;

use crate::common::{TODAY, TestEnv, dump};
use crate::support::{
    Rng, TABLES, counts, figure, integrity, killed, netjournal, seed, wait_until, without_uuids,
};

/// Kills per command at random moments of its write.
const TRIALS: usize = 10;
/// More kills per command, while its commit writes the log.
const AT_COMMIT: usize = 5;

/// A uuid made of a table's tag and a row's number.
fn uuid(tag: u32, n: usize) -> String {
    format!("{tag:08x}-0000-4000-8000-{n:012x}")
}

/// An export of a journal with `scale` meetings and as many rows again in the other tables:
/// networks, contacts met two at a time, referrals and notes, every field filled.
pub fn big_export(scale: usize) -> Vec<u8> {
    let stamp = format!("{TODAY}T12:00:00+00:00");
    let networks = scale / 60 + 1;
    let contacts = scale * 3 / 5;
    let networks: Vec<NetworkRecord> = (0..networks)
        .map(|i| NetworkRecord {
            uuid: uuid(1, i),
            name: format!("Generated network {i}"),
            kind: "professional".into(),
            joined_on: Some("2020-01-15".into()),
            left_on: None,
            exit_reason: None,
            invited_by: Some(format!("someone {i}")),
            fee_cents: Some(12_000),
            fee_period: Some("year".into()),
            rules: Some("one member per profession".into()),
            notes: Some("n".repeat(80)),
            created_at: stamp.clone(),
            updated_at: stamp.clone(),
        })
        .collect();
    let network_of = |i: usize| Some(uuid(1, i % networks.len()));
    let contacts: Vec<ContactRecord> = (0..contacts)
        .map(|i| ContactRecord {
            uuid: uuid(2, i),
            name: format!("Generated person {i}"),
            profession: Some("architect".into()),
            company: Some(format!("Company {i}")),
            email: Some(format!("person{i}@example.com")),
            linkedin: Some(format!("https://www.linkedin.com/in/person-{i}")),
            network_uuid: network_of(i),
            notes: Some("c".repeat(80)),
            added_on: "2021-03-04".into(),
            created_at: stamp.clone(),
            updated_at: stamp.clone(),
        })
        .collect();
    let meetings: Vec<MeetingRecord> = (0..scale)
        .map(|i| MeetingRecord {
            uuid: uuid(3, i),
            date: format!("2022-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
            start_time: Some("07:30".into()),
            network_uuid: network_of(i),
            format: "breakfast".into(),
            minutes: Some(90),
            travel_minutes: Some(30),
            cost_cents: Some(1_400),
            rating: Some((i % 5 + 1) as i64),
            notes: Some("m".repeat(80)),
            contact_uuids: vec![
                uuid(2, i % contacts.len()),
                uuid(2, (i * 7 + 1) % contacts.len()),
            ],
            created_at: stamp.clone(),
            updated_at: stamp.clone(),
        })
        .map(|mut m| {
            m.contact_uuids.dedup();
            m
        })
        .collect();
    let referrals: Vec<ReferralRecord> = (0..scale / 5)
        .map(|i| ReferralRecord {
            uuid: uuid(4, i),
            direction: if i % 2 == 0 { "received" } else { "given" }.into(),
            date: "2023-05-06".into(),
            network_uuid: network_of(i),
            contact_uuid: Some(uuid(2, i % contacts.len())),
            description: Some("a website".into()),
            status: "won".into(),
            value_cents: Some(250_000),
            created_at: stamp.clone(),
            updated_at: stamp.clone(),
        })
        .collect();
    let notes: Vec<NoteRecord> = (0..scale / 5)
        .map(|i| NoteRecord {
            uuid: uuid(5, i),
            date: "2023-05-07".into(),
            text: format!("note {i}: {}", "t".repeat(60)),
            concern: i % 10 == 0,
            severity: (i % 10 == 0).then(|| "serious".into()),
            resolved_on: None,
            network_uuid: None,
            meeting_uuid: Some(uuid(3, i)),
            contact_uuid: None,
            created_at: stamp.clone(),
            updated_at: stamp.clone(),
        })
        .collect();
    let document = json!({
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": stamp,
        "currency": "EUR",
        "settings": { "rate.hourly": "6000" },
        "networks": networks,
        "contacts": contacts,
        "meetings": meetings,
        "referrals": referrals,
        "notes": notes,
    });
    serde_json::to_vec(&document).unwrap()
}

/// What the trials of one command came to.
#[derive(Default)]
struct Tally {
    /// Kills at random moments of the write.
    random: Outcomes,
    /// Kills while the commit wrote the log.
    at_commit: Outcomes,
}

/// How the trials of one kind ended.
#[derive(Default)]
struct Outcomes {
    /// Killed, and the journal holds none of the command's rows.
    none: usize,
    /// Killed after the commit: the journal holds them all.
    all: usize,
    /// The command had finished before the kill.
    finished: usize,
}

impl std::fmt::Display for Outcomes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} left no row, {} every row (killed after its commit), {} had finished",
            self.none, self.all, self.finished
        )
    }
}

/// `DB-wal`: the log SQLite creates when a command opens the journal to write.
fn wal(db: &Path) -> std::path::PathBuf {
    crate::common::sidecar(db, "-wal")
}

/// Starts `args` on `db` and returns it once it has opened the journal (its log appeared),
/// with how long that took, or once it has exited.
fn start_writing(env: &TestEnv, db: &Path, args: &[&str]) -> (std::process::Child, Duration) {
    let started = Instant::now();
    let mut child = netjournal(env, db, args).spawn().unwrap();
    while !wal(db).exists()
        && child.try_wait().unwrap().is_none()
        && started.elapsed() < Duration::from_secs(30)
    {
        std::thread::sleep(Duration::from_micros(200));
    }
    (child, started.elapsed())
}

/// Runs `args` on a copy of `base` `TRIALS` times, each killed at a random moment of its write:
/// after it opened the journal, within the time a whole run spends writing. Checks each journal
/// left, and returns the tally.
fn kill_trials(env: &TestEnv, name: &str, base: &[u8], args: &[&str], rng: &mut Rng) -> Tally {
    // The journal before, and after a whole run: a killed run must leave one of the two.
    let before_db = env.path(&format!("{name}-before.db"));
    fs::write(&before_db, base).unwrap();
    let before = without_uuids(&dump(&before_db));
    let after_db = env.path(&format!("{name}-after.db"));
    fs::write(&after_db, base).unwrap();
    // How long it writes: the shortest of three whole runs, so that most kills land before
    // the end.
    let (mut opened, mut writing) = (Duration::MAX, Duration::MAX);
    for run in 0..3 {
        let db = if run == 0 {
            after_db.clone()
        } else {
            env.path(&format!("{name}-calibration-{run}.db"))
        };
        fs::write(&db, base).unwrap();
        let (child, open) = start_writing(env, &db, args);
        let started = Instant::now();
        let output = wait_until(child, started + Duration::from_secs(60), name);
        opened = opened.min(open);
        writing = writing.min(started.elapsed());
        assert!(
            output.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let after = without_uuids(&dump(&after_db));
    assert_ne!(before, after, "{name} changed nothing");
    let (rows_before, rows_after) = (counts(&before_db, TABLES), counts(&after_db, TABLES));

    let mut tally = Tally::default();
    for trial in 0..TRIALS + AT_COMMIT {
        let db = env.path(&format!("{name}-{trial}.db"));
        fs::write(&db, base).unwrap();
        let at_commit = trial >= TRIALS;
        let (mut child, _) = start_writing(env, &db, args);
        let delay = if at_commit {
            // Until the commit starts writing the log, then up to 2 ms into it.
            let waited = Instant::now();
            while fs::metadata(wal(&db)).map_or(0, |m| m.len()) == 0
                && child.try_wait().unwrap().is_none()
                && waited.elapsed() < Duration::from_secs(30)
            {
                std::hint::spin_loop();
            }
            rng.between(Duration::ZERO, Duration::from_millis(2))
        } else {
            rng.between(Duration::ZERO, writing)
        };
        std::thread::sleep(delay);
        // SIGKILL: no destructor, no rollback, no checkpoint runs.
        let _ = child.kill();
        let output = wait_until(child, Instant::now() + Duration::from_secs(30), name);

        let check = integrity(&db);
        assert_eq!(
            check, "ok",
            "{name}, trial {trial}: integrity_check after the kill"
        );
        let now = without_uuids(&dump(&db));
        let rows = counts(&db, TABLES);
        let kept_none = now == before;
        let kept_all = now == after;
        assert!(
            kept_none || kept_all,
            "{name}, trial {trial} (killed {delay:?} into its write): the journal holds part \
             of the command's rows: {rows:?} rows, expected {rows_before:?} or {rows_after:?}"
        );
        let outcomes = if at_commit {
            &mut tally.at_commit
        } else {
            &mut tally.random
        };
        match (killed(&output.status), kept_all) {
            (true, false) => outcomes.none += 1,
            (true, true) => outcomes.all += 1,
            (false, _) => {
                assert!(output.status.success(), "{name}, trial {trial}: {output:?}");
                outcomes.finished += 1;
            }
        }

        // The program opens what was left, and the command run again does all its work.
        let again = netjournal(env, &db, args).output().unwrap();
        assert!(
            again.status.success(),
            "{name}, trial {trial}, run again: {}",
            String::from_utf8_lossy(&again.stderr)
        );
        if kept_none {
            assert_eq!(
                counts(&db, TABLES),
                rows_after,
                "{name}, trial {trial}, run again"
            );
        }
        fs::remove_file(&db).unwrap();
    }
    figure(&format!(
        "crash: `{name}` ({} rows; opens the journal after {opened:.2?}, then writes for \
         {writing:.2?}) SIGKILLed at {TRIALS} random moments of its write (seed {}): {}; then \
         {AT_COMMIT} times while its commit wrote the log: {}; integrity_check ok and \
         none-or-all every time, and the command run again did all its work",
        rows_after.iter().sum::<i64>() - rows_before.iter().sum::<i64>(),
        seed(),
        tally.random,
        tally.at_commit,
    ));
    tally
}

#[test]
fn an_import_killed_at_random_moments_leaves_none_or_all_of_its_rows() {
    let env = TestEnv::with_journal();
    let base = fs::read(env.db()).unwrap();
    let file = env.path("big.json");
    fs::write(&file, big_export(2_500)).unwrap();
    let mut rng = Rng::new(seed());
    let file = file.to_str().unwrap();
    let tally = kill_trials(&env, "import", &base, &["import", file], &mut rng);
    assert!(
        tally.random.none > 0,
        "no kill landed while the import was writing"
    );
}

#[test]
fn a_log_meeting_killed_at_random_moments_leaves_none_or_all_of_its_rows() {
    let env = TestEnv::with_journal();
    let base = fs::read(env.db()).unwrap();
    // Forty people met, all new: one meeting, forty contacts and forty links, in one write.
    let names: Vec<String> = (0..40).map(|i| format!("New person {i}")).collect();
    let mut args = vec![
        "log",
        "meeting",
        "--network",
        "Freelances Montpellier",
        "--format",
        "event",
        "--minutes",
        "1h30",
        "--cost",
        "25",
        "--notes",
        "a crowded evening",
    ];
    for name in &names {
        args.extend(["--met", name]);
    }
    let mut rng = Rng::new(seed().wrapping_add(1));
    let tally = kill_trials(&env, "log meeting", &base, &args, &mut rng);
    assert!(
        tally.random.none + tally.random.all > 0,
        "no kill landed while log meeting ran"
    );
}

/// A journal being created is made whole beside its place, then linked there: killed at any
/// moment, the first command leaves no journal or a whole one, never a half-made file that
/// the next command would take for some other program's.
#[test]
fn a_first_command_killed_while_it_creates_the_journal_leaves_none_or_a_whole_one() {
    let env = TestEnv::new();
    let mut rng = Rng::new(seed().wrapping_add(2));
    let args = ["add", "network", "BNI Montpellier", "--kind", "co-optation"];
    // How long a whole first command takes.
    let probe = env.path("probe");
    fs::create_dir(&probe).unwrap();
    let started = Instant::now();
    let output = netjournal(&env, &probe.join("journal.db"), &args)
        .output()
        .unwrap();
    assert!(output.status.success());
    let whole = started.elapsed();
    let (mut absent, mut whole_journals, mut leftovers) = (0, 0, 0);
    for trial in 0..TRIALS {
        let folder = env.path(&format!("new-{trial}"));
        fs::create_dir(&folder).unwrap();
        let db = folder.join("journal.db");
        let mut child = netjournal(&env, &db, &args).spawn().unwrap();
        std::thread::sleep(rng.between(Duration::ZERO, whole));
        let _ = child.kill();
        let _ = wait_until(
            child,
            Instant::now() + Duration::from_secs(30),
            "add network",
        );
        if db.exists() {
            assert_eq!(integrity(&db), "ok", "trial {trial}");
            whole_journals += 1;
        } else {
            absent += 1;
        }
        // The private files a kill left beside it: the journal being made, with its first
        // change perhaps.
        let hidden = || {
            fs::read_dir(&folder)
                .unwrap()
                .filter(|e| {
                    e.as_ref()
                        .unwrap()
                        .file_name()
                        .to_string_lossy()
                        .starts_with('.')
                })
                .count()
        };
        leftovers += hidden();
        let existed = db.exists();
        // The next command finds a journal it can use, or makes one.
        let output = netjournal(&env, &db, &["add", "network", "Other", "--kind", "local"])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "trial {trial}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        // Making it, it removed what the killed command left.
        if !existed {
            assert_eq!(hidden(), 0, "trial {trial}: private files left");
        }
    }
    figure(&format!(
        "crash: a first `add network` SIGKILLed at {TRIALS} random moments while it created the \
         journal (seed {}): {absent} left no journal, {whole_journals} a whole one (integrity_check \
         ok), never a half-made one; the next command succeeded every time (the kills left \
         {leftovers} hidden private files beside it, which the next command removed as it made \
         the journal)",
        seed()
    ));
}
