//! Privacy: a journal holds notes about real people. Every file netjournal creates with them is
//! readable by its owner only (0600), whatever the umask, the journal's log and shared memory
//! included; `forget contact` leaves no byte of the person in the journal's files; and no
//! command writes anything anywhere but where it was asked to.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::{STORY, TODAY, TestEnv, sidecar, split};
use crate::crash::big_export;
use crate::support::{figure, mode, wait_until};

/// `netjournal ARGS…` run with umask 000, in `env`'s cleared environment, so that only the
/// program's own choice of permissions stands between the files and other users.
fn wide_open(env: &TestEnv, args: &[&str]) -> Command {
    let mut command = Command::new("sh");
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.dir())
        .env("NETJOURNAL_NOW", TODAY)
        .current_dir(env.dir())
        .arg("-c")
        .arg("umask 000; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_netjournal"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    command
}

#[track_caller]
fn succeeds(command: &mut Command) {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{command:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn every_file_with_the_user_s_data_is_owner_only_whatever_the_umask() {
    let env = TestEnv::new();
    let folder = env.path("new-folder");
    let db = folder.join("journal.db");
    let db_arg = db.to_str().unwrap();
    succeeds(&mut wide_open(
        &env,
        &["--db", db_arg, "add", "network", "BNI", "--kind", "local"],
    ));
    assert_eq!(mode(&folder), "0700", "the journal's folder");
    assert_eq!(mode(&db), "0600", "the journal");

    // The log and the shared memory, looked at while a long import holds them open.
    let big = env.path("big.json");
    fs::write(&big, big_export(2_000)).unwrap();
    let mut child = wide_open(&env, &["--db", db_arg, "import", big.to_str().unwrap()])
        .spawn()
        .unwrap();
    let (wal, shm) = (sidecar(&db, "-wal"), sidecar(&db, "-shm"));
    let started = Instant::now();
    while !(wal.exists() && shm.exists()) {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import ended before its log was seen"
        );
        assert!(started.elapsed() < Duration::from_secs(30));
        std::thread::sleep(Duration::from_micros(200));
    }
    let (wal_mode, shm_mode) = (mode(&wal), mode(&shm));
    let output = wait_until(child, Instant::now() + Duration::from_secs(60), "import");
    assert!(output.status.success());
    assert_eq!(wal_mode, "0600", "the journal's write-ahead log");
    assert_eq!(shm_mode, "0600", "the journal's shared-memory file");

    // What the user asks to be written: new files, and files already there with wide
    // permissions, which are replaced or narrowed.
    let out = |name: &str| env.path(name).to_str().unwrap().to_string();
    let asked: Vec<(String, Vec<String>)> = vec![
        (out("backup.db"), vec!["backup".into(), out("backup.db")]),
        (
            out("export.json"),
            vec!["export".into(), "--output".into(), out("export.json")],
        ),
        (
            out("meetings.csv"),
            vec![
                "export".into(),
                "--format".into(),
                "csv".into(),
                "--what".into(),
                "meetings".into(),
                "--output".into(),
                out("meetings.csv"),
            ],
        ),
        (
            out("report.html"),
            vec![
                "report".into(),
                "--format".into(),
                "html".into(),
                "--output".into(),
                out("report.html"),
            ],
        ),
        (
            out("report.md"),
            vec![
                "report".into(),
                "--format".into(),
                "md".into(),
                "--output".into(),
                out("report.md"),
            ],
        ),
    ];
    for (file, args) in &asked {
        let mut all = vec!["--db".to_string(), db_arg.to_string()];
        all.extend(args.iter().cloned());
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        succeeds(&mut wide_open(&env, &all));
        assert_eq!(mode(Path::new(file)), "0600", "{file}, created");
        // Again, over a copy left readable by all.
        fs::set_permissions(file, std::os::unix::fs::PermissionsExt::from_mode(0o666)).unwrap();
        let mut again = all.clone();
        if args[0] == "backup" {
            again.push("--force");
        }
        succeeds(&mut wide_open(&env, &again));
        assert_eq!(
            mode(Path::new(file)),
            "0600",
            "{file}, written over a file readable by all"
        );
    }
    figure(&format!(
        "privacy: under umask 000, the journal, its folder (0700), its log and shared memory \
         (seen while an import held them), and {} backups, exports and reports, created or \
         written over a 0666 file, all owner-only (0600)",
        asked.len()
    ));
}

/// Where `needle` occurs in the bytes of `path` and its log and shared-memory files.
fn traces(path: &Path, needle: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let file = sidecar(path, suffix);
        if let Ok(bytes) = fs::read(&file)
            && bytes.windows(needle.len()).any(|w| w == needle)
        {
            found.push(file.display().to_string());
        }
    }
    found
}

#[test]
fn forget_contact_leaves_no_byte_of_the_person_in_the_journal_s_files() {
    let env = TestEnv::with_journal();
    let name = "Zoé Quintal-Marchetti";
    let email = "zoe.quintal@example.org";
    let secret = "told me about her divorce";
    env.ok([
        "add",
        "contact",
        name,
        "--email",
        email,
        "--company",
        "Quintal SARL",
        "--notes",
        secret,
    ]);
    env.ok([
        "log",
        "meeting",
        "--format",
        "lunch",
        "--met",
        name,
        "--met",
        "Claire Petit",
    ]);
    env.ok([
        "note",
        "her second lunch, still about her divorce",
        "--contact",
        name,
    ]);
    env.ok([
        "log",
        "referral",
        "--received",
        "--contact",
        name,
        "--value",
        "900",
    ]);
    // Her name in the user's own words elsewhere: gone only with --redact.
    env.ok([
        "note",
        &format!("ask {name} about the tender"),
        "--network",
        "BNI Montpellier",
    ]);
    // The name, and the key it is matched under (folded: `zoe quintal-marchetti`).
    let key = netjournal::domain::text::name_key(name);
    let needles = [name, &key, email, secret, "Quintal SARL"];
    for needle in needles {
        assert!(
            !traces(env.db(), needle.as_bytes()).is_empty(),
            "{needle} is not in the journal to begin with"
        );
    }
    let meetings = env.list_json("meetings", &[]).len();

    env.ok(["forget", "contact", name, "--redact", "--yes"]);

    for needle in needles {
        let found = traces(env.db(), needle.as_bytes());
        assert!(found.is_empty(), "{needle:?} is still in {found:?}");
    }
    // Everything else is still there.
    assert_eq!(env.list_json("meetings", &[]).len(), meetings);
    assert!(
        env.list_json("contacts", &[])
            .iter()
            .any(|c| c["name"] == "Claire Petit")
    );
    figure(&format!(
        "privacy: `forget contact --redact` left none of {} traces of the person (name, its \
         case-folded key, e-mail, company, a secret in her notes) in the journal, its log or \
         its shared memory",
        needles.len()
    ));
}

/// Every file under `dir`, as paths relative to it.
fn tree(dir: &Path) -> BTreeSet<PathBuf> {
    let mut found = BTreeSet::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(folder) = todo.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path.clone());
            }
            found.insert(path.strip_prefix(dir).unwrap().to_path_buf());
        }
    }
    found
}

#[test]
fn no_command_writes_anywhere_but_where_it_was_asked() {
    let root = tempfile::tempdir().unwrap();
    let folder = |name: &str| {
        let path = root.path().join(name);
        fs::create_dir(&path).unwrap();
        path
    };
    let (home, tmp, xdg, cwd, journals, out) = (
        folder("home"),
        folder("tmp"),
        folder("xdg"),
        folder("cwd"),
        folder("journals"),
        folder("out"),
    );
    let db = journals.join("journal.db");
    let run = |args: &[String]| {
        let output = Command::new(env!("CARGO_BIN_EXE_netjournal"))
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("TMPDIR", &tmp)
            .env("TMP", &tmp)
            .env("TEMP", &tmp)
            .env("XDG_DATA_HOME", xdg.join("data"))
            .env("XDG_CONFIG_HOME", xdg.join("config"))
            .env("XDG_CACHE_HOME", xdg.join("cache"))
            .env("XDG_STATE_HOME", xdg.join("state"))
            .env("XDG_RUNTIME_DIR", xdg.join("runtime"))
            .env("NETJOURNAL_NOW", TODAY)
            .env("NETJOURNAL_DB", &db)
            .current_dir(&cwd)
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let at = |name: &str| out.join(name).to_str().unwrap().to_string();
    let mut session: Vec<Vec<String>> = STORY
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(split)
        .collect();
    let more = [
        vec!["list", "meetings", "--format", "json"],
        vec!["list", "contacts", "--format", "csv"],
        vec!["show", "network", "BNI Montpellier"],
        vec!["report"],
        vec!["report", "--format", "html"],
        vec!["config", "set", "rate.hourly", "60"],
        vec!["edit", "meeting", "1", "--rating", "4"],
        vec!["export"],
        vec!["rm", "note", "1", "--yes"],
        vec!["forget", "contact", "Sophie Durand", "--yes"],
        vec!["completions", "bash"],
        vec!["man"],
        vec!["--help"],
    ];
    session.extend(
        more.iter()
            .map(|args| args.iter().map(|s| s.to_string()).collect()),
    );
    let files = [
        vec!["export".into(), "--output".into(), at("journal.json")],
        vec!["backup".into(), at("backup.db")],
        vec![
            "report".into(),
            "--format".into(),
            "md".into(),
            "--output".into(),
            at("report.md"),
        ],
        vec![
            "--db".into(),
            at("copy.db"),
            "import".into(),
            at("journal.json"),
        ],
    ];
    session.extend(files.iter().cloned());
    for args in &session {
        run(args);
    }
    for (name, place) in [
        ("HOME", &home),
        ("TMPDIR", &tmp),
        ("the XDG folders", &xdg),
        ("the working folder", &cwd),
    ] {
        assert!(
            tree(place).is_empty(),
            "{name} was written to: {:?}",
            tree(place)
        );
    }
    let expected: BTreeSet<PathBuf> = ["journal.db"].iter().map(PathBuf::from).collect();
    assert_eq!(tree(&journals), expected, "the journal's folder");
    let expected: BTreeSet<PathBuf> = ["journal.json", "backup.db", "report.md", "copy.db"]
        .iter()
        .map(PathBuf::from)
        .collect();
    assert_eq!(tree(&out), expected, "the folder files were asked for");
    figure(&format!(
        "privacy: a session of {} commands left HOME, TMPDIR, the XDG folders and the working \
         folder empty; the journal's folder holds the journal alone, the output folder the 4 \
         files asked for",
        session.len()
    ));
}
