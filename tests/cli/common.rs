//! The test environment every CLI test runs in: a private temporary folder and journal, a
//! cleared environment, a pinned clock, and a fluent set of `#[track_caller]` assertions on
//! what a run printed and how it exited.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;
use predicates::Predicate;
use rusqlite::Connection;
use rusqlite::types::Value;
use serde_json::Value as Json;
use tempfile::TempDir;

/// The day every test lives on (`NETJOURNAL_NOW`), so that `today` and `yesterday` resolve to
/// dates a test can assert.
pub const TODAY: &str = "2024-06-15";
pub const YESTERDAY: &str = "2024-06-14";

/// Texts that must never reach a user: a panic, a backtrace, or the storage's SQL.
const LEAKS: &[&str] = &[
    "panicked",
    "RUST_BACKTRACE",
    "backtrace",
    "SQL",
    "INSERT",
    "SELECT",
    "constraint",
    "CONSTRAINT",
    "UNIQUE",
    "sqlite_",
];

/// A temporary folder holding a private journal, and the environment commands run in.
pub struct TestEnv {
    dir: TempDir,
    db: PathBuf,
}

impl TestEnv {
    /// A fresh environment whose journal does not exist yet.
    pub fn new() -> TestEnv {
        let dir = tempfile::Builder::new()
            .prefix("netjournal-test-")
            .tempdir()
            .expect("create a temporary folder");
        let db = dir.path().join("journal.db");
        TestEnv { dir, db }
    }

    /// An environment holding the small fixed journal of [`TestEnv::populate`].
    pub fn with_journal() -> TestEnv {
        let env = TestEnv::new();
        env.populate();
        env
    }

    /// The journal `--db` points to.
    pub fn db(&self) -> &Path {
        &self.db
    }

    /// The temporary folder (also `HOME` and the working folder of every command).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the temporary folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A command in a cleared environment: only `PATH`, `HOME` (the temporary folder) and the
    /// pinned clock are set; no `--db` is given. No `COLUMNS` either: the output is piped, so
    /// tables keep their natural width, as a script reads them; a test of a screen's width sets
    /// `COLUMNS` itself (see `widths.rs`).
    pub fn invocation(&self) -> Invocation {
        let mut command = Command::cargo_bin("netjournal").expect("the netjournal binary");
        command
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir())
            .env("NETJOURNAL_NOW", TODAY)
            .current_dir(self.dir())
            // A hung command (a lock never released, a prompt) fails the test instead of CI.
            .timeout(Duration::from_secs(30));
        Invocation {
            command,
            args: Vec::new(),
        }
    }

    /// The same command as [`TestEnv::cmd`], as a `std::process::Command` that can be spawned
    /// and left running while others start.
    pub fn spawnable<I, S>(&self, args: I) -> std::process::Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_netjournal"));
        command
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir())
            .env("NETJOURNAL_NOW", TODAY)
            .current_dir(self.dir())
            .arg("--db")
            .arg(self.db())
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        command
    }

    /// A command on this environment's journal: `netjournal --db JOURNAL ARGS…`.
    pub fn cmd<I, S>(&self, args: I) -> Invocation
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.invocation().arg("--db").arg(self.db()).args(args)
    }

    /// Runs `netjournal --db JOURNAL ARGS…`.
    #[must_use = "check the outcome: .success(), .bad_input() or .failure()"]
    pub fn run<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.cmd(args).run()
    }

    /// Runs a command that must succeed, and returns its standard output.
    #[track_caller]
    pub fn ok<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.run(args).success().stdout()
    }

    /// `list WHAT --format json [EXTRA…]`, parsed: the array of rows.
    #[track_caller]
    pub fn list_json(&self, what: &str, extra: &[&str]) -> Vec<Json> {
        let mut args = vec!["list", what, "--format", "json"];
        args.extend_from_slice(extra);
        match self.run(args).success().json() {
            Json::Array(rows) => rows,
            other => panic!("`list {what} --format json` printed no array: {other}"),
        }
    }

    /// The one row of `list WHAT --format json` whose `name` is `name`.
    #[track_caller]
    pub fn row_named(&self, what: &str, name: &str) -> Json {
        let rows = self.list_json(what, &[]);
        rows.iter()
            .find(|row| row["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("no {what} named {name:?} in {rows:#?}"))
    }

    /// Runs a command that must be refused as bad input (exit 2) without changing the
    /// journal: neither its bytes nor a dump of its rows, and without leaving a write-ahead
    /// log behind. `named` is the bad value or missing option the message must name.
    #[track_caller]
    pub fn rejects<I, S>(&self, args: I, named: &str) -> Run
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        let bytes = self.bytes();
        let dump = self.dump();
        let run = self.run(args);
        run.bad_input().stderr_contains(named);
        self.assert_unchanged(&bytes, &dump, &run);
        run
    }

    /// Runs a command that must fail with the exit `code` (1, or 2 for a bad value given)
    /// without changing the file at `path`.
    #[track_caller]
    pub fn fails_untouched(
        &self,
        invocation: Invocation,
        path: &Path,
        code: i32,
        named: &str,
    ) -> Run {
        let before = fs::read(path).ok();
        let run = invocation.run();
        run.exit(code).stderr_contains(named);
        assert!(
            fs::read(path).ok() == before,
            "`{}` changed the file {}",
            run.command_line(),
            path.display()
        );
        run
    }

    /// Asserts the journal still has these bytes and rows, and no pending write-ahead log.
    #[track_caller]
    pub fn assert_unchanged(&self, bytes: &Option<Vec<u8>>, dump: &str, run: &Run) {
        assert!(
            self.bytes() == *bytes,
            "`{}` changed the journal's bytes",
            run.command_line()
        );
        assert_eq!(
            self.dump(),
            dump,
            "`{}` changed the journal's rows",
            run.command_line()
        );
        self.assert_no_pending_wal();
    }

    /// The journal's bytes, `None` when it does not exist.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        fs::read(self.db()).ok()
    }

    /// Every row of the journal, for comparisons (see [`dump`]).
    pub fn dump(&self) -> String {
        dump(self.db())
    }

    /// A finished command leaves no write-ahead log with content: everything it wrote is in
    /// the journal file itself.
    #[track_caller]
    pub fn assert_no_pending_wal(&self) {
        let wal = sidecar(self.db(), "-wal");
        let len = fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        assert_eq!(len, 0, "{} holds {len} bytes", wal.display());
    }

    /// Opens the journal directly, to look at what the program stored.
    pub fn sql(&self) -> Connection {
        Connection::open(self.db()).expect("open the journal with rusqlite")
    }

    /// Fills the journal with [`STORY`].
    pub fn populate(&self) {
        self.replay(STORY);
    }

    /// Runs every command line of `script` (one a line, see [`split`]); each must succeed.
    #[track_caller]
    pub fn replay(&self, script: &str) {
        for line in script.lines().map(str::trim).filter(|l| !l.is_empty()) {
            self.run(split(line)).success();
        }
    }

    /// An environment whose journal is a copy of `bytes` (a journal built once, by
    /// [`TestEnv::replay`], and shared by many tests without replaying it each time).
    pub fn with_bytes(bytes: &[u8]) -> TestEnv {
        let env = TestEnv::new();
        fs::write(env.db(), bytes).expect("write the journal");
        env
    }
}

/// A small journal: four networks (three of them left), meetings with and without a network,
/// contacts made by `--met` and by `add contact`, referrals both ways, notes and a concern.
/// Every date is fixed, so tables and texts can be snapshotted. Names are typed in varying
/// case on purpose.
pub const STORY: &str = r#"
    add network "Femmes Entrepreneures 34" --kind gender-based --joined 2023-09-01 --invited-by "Anne, a client"
    add network "BNI Montpellier" --kind co-optation --joined 2024-01-10 --invited-by "a LinkedIn relation never met" --fee 600 --fee-period year --rules "one member per profession" --notes "breakfast every Tuesday at 7"
    add network "CPME Hérault" --kind political --joined 2023-11
    add network "Freelances Montpellier" --kind professional --joined 2024-04-02 --fee 15 --fee-period month
    log meeting --network "femmes entrepreneures 34" --date 2023-09-15 --format evening --minutes 120 --travel 30 --cost 25 --met "Claire Petit" --rating 3
    log meeting --network "Femmes Entrepreneures 34" --date 2023-10-20 --format lunch --minutes 90 --cost 32,50 --met "claire petit" --rating 2
    log meeting --network "CPME Hérault" --date 2024-01-20 --format phone --minutes 30
    log meeting --network "BNI MONTPELLIER" --date 2024-02-06 --format breakfast --minutes 90 --travel 40 --cost 14 --met "Paul Martin" --met "Sophie Durand" --rating 2 --notes "one croissant, many business cards"
    log meeting --date 2024-03-05 --format one-to-one --minutes 60 --met "Claire Petit" --rating 5 --notes "a real talk"
    log meeting --network "Freelances Montpellier" --date 2024-05-14 --format video --minutes 45 --met "Marc Leroy" --rating 4
    add contact "Julie Bernard" --profession accountant --company "Bernard & Associés" --network "freelances montpellier" --email julie@example.com
    log referral --received --network "BNI Montpellier" --contact "paul martin" --date 2024-02-20 --status lost --notes "a website for his brother-in-law"
    log referral --given --network "Femmes Entrepreneures 34" --contact "Claire Petit" --date 2023-11-10
    log referral --received --contact "Claire Petit" --network none --date 2024-04-02 --value "3 200" --notes "brand identity"
    note "My name on a press release I never agreed to" --network "CPME Hérault" --concern --date 2024-02-10
    note "Talks about being a mother, not about business" --network "femmes entrepreneures 34" --date 2023-10-20
    note "Breakfast at 7 sharp" --meeting 4 --date 2024-02-06
    note "Knows every architect in town" --contact "sophie durand" --date 2024-02-06
    leave network "Femmes Entrepreneures 34" --date 2023-12 --reason "talks centred on being a woman, not on business"
    leave network "BNI Montpellier" --date 2024-02-15 --reason "cannot recommend someone known from one croissant" --force
    leave network "cpme hérault" --date 2024-03-01 --reason "my name on press releases without my consent"
"#;

/// Splits a command line into words as a shell would: white space (new lines too, so that a
/// long command can be written over several lines) separates, double quotes group.
pub fn split(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            c if c.is_whitespace() && !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            _ => {
                word.push(c);
                started = true;
            }
        }
    }
    assert!(!quoted, "unbalanced quotes in {line:?}");
    if started {
        words.push(word);
    }
    words
}

/// A command being prepared: arguments and environment on top of [`TestEnv::invocation`].
#[must_use = "run it with .run()"]
pub struct Invocation {
    command: Command,
    args: Vec<OsString>,
}

impl Invocation {
    pub fn arg(mut self, arg: impl Into<OsString>) -> Invocation {
        let arg = arg.into();
        self.command.arg(&arg);
        self.args.push(arg);
        self
    }

    pub fn args<I, S>(self, args: I) -> Invocation
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        args.into_iter().fold(self, |this, arg| this.arg(arg))
    }

    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Invocation {
        self.command.env(key, value);
        self
    }

    #[must_use = "check the outcome: .success(), .bad_input() or .failure()"]
    pub fn run(mut self) -> Run {
        let output = self.command.output().expect("run netjournal");
        Run {
            args: self.args,
            output,
        }
    }
}

/// What a finished command printed and how it exited. Every assertion names the command line
/// and shows both streams when it fails. The functions that produce one are `#[must_use]`: a
/// run whose outcome is never checked tests nothing.
pub struct Run {
    args: Vec<OsString>,
    output: Output,
}

impl Run {
    pub fn command_line(&self) -> String {
        let args: Vec<String> = self
            .args
            .iter()
            .map(|arg| {
                let arg = arg.to_string_lossy();
                if arg.contains(' ') || arg.is_empty() {
                    format!("{arg:?}")
                } else {
                    arg.into_owned()
                }
            })
            .collect();
        format!("netjournal {}", args.join(" "))
    }

    pub fn stdout(&self) -> String {
        String::from_utf8(self.output.stdout.clone()).expect("stdout is UTF-8")
    }

    pub fn stderr(&self) -> String {
        String::from_utf8(self.output.stderr.clone()).expect("stderr is UTF-8")
    }

    pub fn code(&self) -> Option<i32> {
        self.output.status.code()
    }

    #[track_caller]
    fn fail(&self, what: &str) -> ! {
        panic!(
            "`{}`: {what}\n--- exit: {:?}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.command_line(),
            self.code(),
            self.stdout(),
            self.stderr()
        )
    }

    /// Exit 0 and nothing on stderr.
    #[track_caller]
    pub fn success(&self) -> &Run {
        if self.code() != Some(0) {
            self.fail("expected success (exit 0)");
        }
        if !self.output.stderr.is_empty() {
            self.fail("expected nothing on stderr");
        }
        self
    }

    /// Exit 2, nothing on stdout, and one clean `error:` message on stderr.
    #[track_caller]
    pub fn bad_input(&self) -> &Run {
        self.exit(2).error_message()
    }

    /// Exit 1, nothing on stdout, and one clean `error:` message on stderr.
    #[track_caller]
    pub fn failure(&self) -> &Run {
        self.exit(1).error_message()
    }

    #[track_caller]
    pub fn exit(&self, code: i32) -> &Run {
        if self.code() != Some(code) {
            self.fail(&format!("expected exit {code}"));
        }
        self
    }

    #[track_caller]
    fn error_message(&self) -> &Run {
        if !self.output.stdout.is_empty() {
            self.fail("expected nothing on stdout");
        }
        // `erreur : ` when the language is French.
        if !self.stderr().starts_with("error: ") && !self.stderr().starts_with("erreur : ") {
            self.fail("expected stderr to start with `error: ` or `erreur : `");
        }
        self.stderr_is_clean()
    }

    /// No panic, backtrace or SQL text on stderr.
    #[track_caller]
    pub fn stderr_is_clean(&self) -> &Run {
        let stderr = self.stderr();
        if let Some(leak) = LEAKS.iter().find(|leak| stderr.contains(*leak)) {
            self.fail(&format!("stderr leaks {leak:?}"));
        }
        self
    }

    #[track_caller]
    pub fn stdout_is(&self, expected: &str) -> &Run {
        if self.stdout() != expected {
            self.fail(&format!("expected stdout to be exactly:\n{expected}"));
        }
        self
    }

    #[track_caller]
    pub fn stdout_contains(&self, needle: &str) -> &Run {
        if !self.stdout().contains(needle) {
            self.fail(&format!("expected stdout to contain {needle:?}"));
        }
        self
    }

    #[track_caller]
    pub fn stdout_lacks(&self, needle: &str) -> &Run {
        if self.stdout().contains(needle) {
            self.fail(&format!("expected stdout not to contain {needle:?}"));
        }
        self
    }

    #[track_caller]
    pub fn stdout_satisfies(&self, predicate: impl Predicate<str>) -> &Run {
        if !predicate.eval(&self.stdout()) {
            self.fail("stdout does not satisfy the predicate");
        }
        self
    }

    #[track_caller]
    pub fn stderr_is(&self, expected: &str) -> &Run {
        if self.stderr() != expected {
            self.fail(&format!("expected stderr to be exactly:\n{expected}"));
        }
        self
    }

    #[track_caller]
    pub fn stderr_contains(&self, needle: &str) -> &Run {
        if !self.stderr().contains(needle) {
            self.fail(&format!("expected stderr to contain {needle:?}"));
        }
        self
    }

    #[track_caller]
    pub fn stderr_lacks(&self, needle: &str) -> &Run {
        if self.stderr().contains(needle) {
            self.fail(&format!("expected stderr not to contain {needle:?}"));
        }
        self
    }

    /// Standard output parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> Json {
        serde_json::from_str(&self.stdout())
            .unwrap_or_else(|error| self.fail(&format!("stdout is not JSON: {error}")))
    }
}

/// `journal.db-wal`, `journal.db-shm`: SQLite's files beside the journal.
pub fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A logical dump of a journal: its header pragmas, its schema, then every row of every table
/// in a fixed order. The journal itself is never opened (a copy is), so taking a dump cannot
/// change what it compares.
pub fn dump(path: &Path) -> String {
    if !path.exists() {
        return "<no journal>".into();
    }
    let scratch = tempfile::tempdir().expect("a folder for the copy");
    let copy = scratch.path().join("copy.db");
    fs::copy(path, &copy).expect("copy the journal");
    let wal = sidecar(path, "-wal");
    if wal.exists() {
        fs::copy(&wal, sidecar(&copy, "-wal")).expect("copy the write-ahead log");
    }
    let conn = Connection::open(&copy).expect("open the copy");
    let mut out = String::new();
    for pragma in ["user_version", "application_id"] {
        let value: i64 = conn
            .pragma_query_value(None, pragma, |row| row.get(0))
            .expect(pragma);
        writeln!(out, "{pragma} = {value}").unwrap();
    }
    let mut schema = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
        .unwrap();
    let objects: Vec<(String, String, String)> = schema
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (kind, name, sql) in &objects {
        writeln!(out, "{kind} {name}: {sql}").unwrap();
    }
    for (_, table, _) in objects.iter().filter(|(kind, _, _)| kind == "table") {
        let columns: i64 = conn
            .query_row(
                "SELECT count(*) FROM pragma_table_info(?1)",
                [table],
                |row| row.get(0),
            )
            .unwrap();
        let order: Vec<String> = (1..=columns).map(|i| i.to_string()).collect();
        let sql = format!("SELECT * FROM \"{table}\" ORDER BY {}", order.join(", "));
        let mut stmt = conn.prepare(&sql).unwrap();
        let rows = stmt
            .query_map([], |row| {
                (0..columns as usize)
                    .map(|i| row.get::<_, Value>(i))
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        for row in rows {
            writeln!(out, "{table}: {:?}", row.unwrap()).unwrap();
        }
    }
    out
}

/// The keys of a JSON object, sorted (a parsed object does not keep the printed order).
#[track_caller]
pub fn keys(row: &Json) -> Vec<String> {
    let mut keys: Vec<String> = row
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {row}"))
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}

/// Whether `text` has the shape of a UUID: 8-4-4-4-12 lower-case hex digits.
pub fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups.iter().all(|g| {
            g.chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
        })
}
