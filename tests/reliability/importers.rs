//! The importers' fuzzing corpora, replayed. `cargo fuzz` (see `fuzz/`) grew a corpus for each
//! reader; every file of it goes through the fuzz target's own checks (`fuzz/checks.rs`) here,
//! in-process, and a sample through the program itself: no panic, a file refused is refused
//! cleanly (exit 2, one message, the journal unchanged), a file accepted is imported.

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::common::{TestEnv, sidecar};
use crate::support::{figure, netjournal};

#[allow(dead_code)]
#[path = "../../fuzz/checks.rs"]
mod checks;

use checks::Outcome;

/// Every file of a target's corpus, in a fixed order.
fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(
        files.len() >= 10,
        "{} holds {} files only",
        dir.display(),
        files.len()
    );
    files
}

/// Feeds every file of `target`'s corpus to `check`, then a sample of it to
/// `netjournal import ARGS… FILE` on a journal of its own.
fn replay(target: &str, check: fn(&[u8]) -> Outcome, args: &[&str]) {
    let started = Instant::now();
    let files = corpus(target);
    let (mut accepted, mut refused) = (0, 0);
    let mut failures = Vec::new();
    for file in &files {
        let bytes = fs::read(file).unwrap();
        match catch_unwind(AssertUnwindSafe(|| check(&bytes))) {
            Ok(Outcome::Accepted(_)) => accepted += 1,
            Ok(Outcome::Refused(message)) if !message.trim().is_empty() => refused += 1,
            Ok(Outcome::Refused(_)) => {
                failures.push(format!("{}: an empty message", file.display()))
            }
            Err(_) => failures.push(format!("{}: a panic (see above)", file.display())),
        }
    }
    assert!(failures.is_empty(), "{target}:\n{}", failures.join("\n"));

    // A sample as the user would run it: one file in every few, up to 60.
    let env = TestEnv::with_journal();
    let base = fs::read(env.db()).unwrap();
    let step = files.len().div_ceil(60);
    let mut ran = 0;
    let (mut imported, mut rejected) = (0, 0);
    for file in files.iter().step_by(step) {
        fs::write(env.db(), &base).unwrap();
        let mut command = netjournal(&env, env.db(), args);
        let output = command.arg(file).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        let what = format!(
            "netjournal import {} {}",
            args[1..].join(" "),
            file.display()
        );
        assert!(!stderr.contains("panicked"), "{what}: {stderr}");
        match output.status.code() {
            Some(0) => imported += 1,
            Some(2) => {
                assert!(
                    stderr.starts_with("error: ") && output.stdout.is_empty(),
                    "{what}: {stderr}"
                );
                assert!(
                    fs::read(env.db()).unwrap() == base,
                    "{what} changed the journal"
                );
                assert!(!sidecar(env.db(), "-wal").exists(), "{what} left a log");
                rejected += 1;
            }
            other => panic!("{what}: exit {other:?}: {stderr}"),
        }
        ran += 1;
    }
    figure(&format!(
        "importers: `{target}` corpus, {} files replayed through the fuzz target's checks \
         ({accepted} read whole, {refused} refused cleanly, no panic), {ran} of them imported \
         by the program ({imported} exit 0, {rejected} exit 2 with the journal unchanged), in \
         {:.1?}",
        files.len(),
        started.elapsed()
    ));
}

#[test]
fn the_json_corpus_replays_cleanly() {
    replay("import_json", checks::json, &["import"]);
}

#[test]
fn the_linkedin_corpus_replays_cleanly() {
    replay("import_linkedin", checks::linkedin, &["import", "linkedin"]);
}

#[test]
fn the_ics_corpus_replays_cleanly() {
    replay(
        "import_ics",
        checks::ics,
        &["import", "ics", "--since", "1900-01-01"],
    );
}
