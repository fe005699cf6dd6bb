//! What the reliability tests share: a seeded random source, figures printed past the test
//! harness's capture, looks into a journal file (integrity, row counts), processes waited for
//! with a deadline, and small file systems mounted for a test.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use crate::common::{TODAY, TestEnv};

/// The seed of every random choice, printed with the figures: `NETJOURNAL_TEST_SEED=N` replays
/// a run, or explores another.
pub fn seed() -> u64 {
    std::env::var("NETJOURNAL_TEST_SEED")
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(0x6e6a_0008)
}

/// `netjournal --db DB ARGS…` in `env`'s cleared environment.
pub fn netjournal(env: &TestEnv, db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_netjournal"));
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.dir())
        .env("NETJOURNAL_NOW", TODAY)
        .current_dir(env.dir())
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    command
}

/// How many times more generated cases than in CI to run: `NETJOURNAL_TEST_SCALE=20` for a
/// longer search on a workstation.
pub fn scale() -> u32 {
    std::env::var("NETJOURNAL_TEST_SCALE")
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(1)
}

/// A small deterministic random source (SplitMix64): the same seed gives the same trials.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A duration in `from..to`.
    pub fn between(&mut self, from: Duration, to: Duration) -> Duration {
        let span = to.saturating_sub(from).as_micros() as u64;
        from + Duration::from_micros(self.below(span.max(1)))
    }
}

/// Prints one line of figures on stderr, written straight to the stream so that the test
/// harness, which captures `eprintln!`, lets it through: `cargo test` shows it.
pub fn figure(line: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "reliability: {line}");
}

/// `PRAGMA integrity_check` of the journal, opened as the next netjournal would open it (a
/// log left by a killed process is recovered first).
pub fn integrity(path: &Path) -> String {
    let conn = Connection::open(path).expect("open the journal");
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    let mut stmt = conn.prepare("PRAGMA integrity_check").unwrap();
    let lines: Vec<String> = stmt
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    lines.join("\n")
}

/// How many rows each of `tables` holds.
pub fn counts(path: &Path, tables: &[&str]) -> Vec<i64> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open the journal to count");
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    tables
        .iter()
        .map(|table| {
            conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |row| {
                row.get(0)
            })
            .unwrap()
        })
        .collect()
}

/// The tables of a journal, in the order the figures name them.
pub const TABLES: &[&str] = &[
    "networks",
    "contacts",
    "meetings",
    "meeting_contacts",
    "referrals",
    "notes",
];

/// Waits for `child`, killing it and failing the test past `deadline`.
#[track_caller]
pub fn wait_until(mut child: Child, deadline: Instant, what: &str) -> Output {
    loop {
        match child.try_wait().expect("wait for the child") {
            Some(_) => return child.wait_with_output().expect("collect the output"),
            None if Instant::now() > deadline => {
                let _ = child.kill();
                let output = child.wait_with_output().unwrap();
                panic!(
                    "{what} did not finish in time\n--- stderr:\n{}",
                    String::from_utf8_lossy(&output.stderr)
                );
            }
            None => std::thread::sleep(Duration::from_millis(2)),
        }
    }
}

/// Whether a finished process was ended by a signal rather than exiting.
pub fn killed(status: &ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    status.signal().is_some()
}

/// The permission bits of a file, as `ls` and `chmod` write them: `0600`.
pub fn mode(path: &Path) -> String {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("stat {}: {e}", path.display()))
        .permissions()
        .mode();
    format!("{:04o}", mode & 0o777)
}

/// A tmpfs mounted on a folder for one test, unmounted (with anything left on it) when
/// dropped. Mounting needs root (CI runs as root); [`Mount::tmpfs`] says why it could not.
pub struct Mount {
    dir: PathBuf,
}

impl Mount {
    /// Mounts a tmpfs of `size` (as `mount` takes it: `200k`) on `dir`.
    pub fn tmpfs(dir: &Path, size: &str) -> Result<Mount, String> {
        std::fs::create_dir_all(dir).unwrap();
        run_mount(&[
            "-t",
            "tmpfs",
            "-o",
            &format!("size={size},mode=0700"),
            "tmpfs",
            &dir.to_string_lossy(),
        ])?;
        Ok(Mount {
            dir: dir.to_path_buf(),
        })
    }

    /// Binds `path` (a file or a folder) onto itself, read-only: that one file or folder
    /// refuses writes, even root's, while what is beside it does not.
    pub fn read_only_bind(path: &Path) -> Result<Mount, String> {
        let path_text = path.to_string_lossy();
        run_mount(&["--bind", &path_text, &path_text])?;
        let mount = Mount {
            dir: path.to_path_buf(),
        };
        run_mount(&["-o", "remount,bind,ro", &path_text])?;
        Ok(mount)
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.dir).status();
    }
}

fn run_mount(args: &[&str]) -> Result<(), String> {
    let output = Command::new("mount")
        .args(args)
        .output()
        .map_err(|e| format!("cannot run mount: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "`mount {}` failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

/// Whether the tests run as root, who ignores file permissions.
pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// `text` with every uuid (8-4-4-4-12 hex digits) replaced by `<uuid>`: two journals that
/// recorded the same rows, each with its own random uuids, compare equal.
pub fn without_uuids(text: &str) -> String {
    const SHAPE: [usize; 5] = [8, 4, 4, 4, 12];
    let bytes = text.as_bytes();
    let is_uuid_at = |at: usize| {
        let mut i = at;
        for (n, len) in SHAPE.iter().enumerate() {
            if n > 0 {
                if bytes.get(i) != Some(&b'-') {
                    return false;
                }
                i += 1;
            }
            for _ in 0..*len {
                if !bytes.get(i).is_some_and(u8::is_ascii_hexdigit) {
                    return false;
                }
                i += 1;
            }
        }
        true
    };
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < bytes.len() {
        if is_uuid_at(at) {
            out.push_str("<uuid>");
            at += 36;
        } else {
            let c = text[at..].chars().next().unwrap();
            out.push(c);
            at += c.len_utf8();
        }
    }
    out
}
