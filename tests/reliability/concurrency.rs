//! Many netjournals on one journal at once: writers each running `log meeting` over and over
//! while a reader runs `report` and `backup`. Every command must succeed (no "database is
//! locked" reaches the user: the busy timeout waits for the other writers), every meeting must
//! be recorded exactly once, and every backup must be a whole journal.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::common::TestEnv;
use crate::support::{figure, integrity, wait_until};

/// `log meeting` runs per writer.
const PER_WRITER: usize = 200;

/// How long one round of writers may take in all, on a loaded CI machine with two cores.
const BOUND: Duration = Duration::from_secs(150);

/// Checks what a command printed on stderr: nothing, and above all no word of a lock.
#[track_caller]
fn quiet(what: &str, output: &std::process::Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    for word in ["locked", "busy", "panicked"] {
        assert!(
            !stderr.contains(word),
            "{what}: {word:?} reached the user: {stderr}"
        );
    }
    assert!(
        output.status.success() && stderr.is_empty(),
        "{what}: {:?}\n{stderr}",
        output.status
    );
}

/// `writers` processes at a time, each logging [`PER_WRITER`] meetings one after the other,
/// while `report` and `backup` run in a loop beside them.
fn writers_at_once(writers: usize) {
    let env = TestEnv::with_journal();
    let before = env.list_json("meetings", &[]).len();
    let deadline = Instant::now() + BOUND;
    let started = Instant::now();
    let running = AtomicUsize::new(writers);
    let stop = AtomicBool::new(false);
    let (reports, backups) = (AtomicUsize::new(0), AtomicUsize::new(0));

    std::thread::scope(|scope| {
        for writer in 0..writers {
            let (env, running) = (&env, &running);
            scope.spawn(move || {
                for n in 0..PER_WRITER {
                    let notes = format!("writer {writer} meeting {n}");
                    let child = env
                        .spawnable([
                            "log",
                            "meeting",
                            "--network",
                            "Freelances Montpellier",
                            "--format",
                            "lunch",
                            "--date",
                            "2024-06-01",
                            "--notes",
                            &notes,
                        ])
                        .spawn()
                        .unwrap();
                    let output = wait_until(child, deadline, &notes);
                    quiet(&format!("log meeting ({notes})"), &output);
                }
                running.fetch_sub(1, Ordering::SeqCst);
            });
        }
        // The reader: a report and a backup, again and again, while the writers write.
        let (env, running, stop, reports, backups) = (&env, &running, &stop, &reports, &backups);
        scope.spawn(move || {
            let mut round = 0;
            while running.load(Ordering::SeqCst) > 0 && !stop.load(Ordering::SeqCst) {
                let child = env
                    .spawnable(["report", "--format", "json"])
                    .spawn()
                    .unwrap();
                let output = wait_until(child, deadline, "report");
                quiet("report during the writes", &output);
                let report: serde_json::Value =
                    serde_json::from_slice(&output.stdout).expect("the report is JSON");
                assert!(report["networks"].is_array());
                reports.fetch_add(1, Ordering::SeqCst);

                let copy = env.path(&format!("backup-{round}.db"));
                let copy_arg = copy.to_str().unwrap();
                let child = env.spawnable(["backup", copy_arg]).spawn().unwrap();
                let output = wait_until(child, deadline, "backup");
                quiet("backup during the writes", &output);
                assert_eq!(integrity(&copy), "ok", "backup {round}");
                std::fs::remove_file(&copy).unwrap();
                backups.fetch_add(1, Ordering::SeqCst);
                round += 1;
            }
        });
    });
    stop.store(true, Ordering::SeqCst);
    let elapsed = started.elapsed();

    // Every meeting, exactly once.
    let meetings = env.list_json("meetings", &[]);
    assert_eq!(meetings.len(), before + writers * PER_WRITER);
    let mut seen: HashMap<String, usize> = HashMap::new();
    for meeting in &meetings {
        if let Some(notes) = meeting["notes"].as_str() {
            *seen.entry(notes.to_string()).or_default() += 1;
        }
    }
    for writer in 0..writers {
        for n in 0..PER_WRITER {
            let notes = format!("writer {writer} meeting {n}");
            assert_eq!(seen.get(&notes), Some(&1), "{notes}");
        }
    }
    assert_eq!(integrity(env.db()), "ok");
    let (reports, backups) = (reports.into_inner(), backups.into_inner());
    assert!(reports > 0 && backups > 0, "the reader never ran");
    figure(&format!(
        "concurrency: {writers} processes × {PER_WRITER} `log meeting` at once, with {reports} \
         `report` and {backups} `backup` beside them, in {elapsed:.1?}: every command exit 0, \
         {} meetings all recorded once, none lost or doubled, no lock reached a user",
        writers * PER_WRITER
    ));
}

#[test]
fn two_writers_at_once_lose_nothing() {
    writers_at_once(2);
}

#[test]
fn four_writers_at_once_lose_nothing() {
    writers_at_once(4);
}
