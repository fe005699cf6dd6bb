//! Hostile values at the command line. Command lines are generated from the real grammar (every
//! recording, listing, editing and removing command, with its options), each value either a
//! well-formed one or a hostile one: empty, white space, 10 kB, control characters,
//! right-to-left marks, SQL, format strings, paths, invalid UTF-8. Whatever the mix, a command
//! exits 0 or 2, never panics, and when it exits 2 the journal is byte for byte what it was.
//!
//! A few hundred run as processes, as a user runs them. Thousands more run in one process
//! through `netjournal::cli::main_with`: this test binary starts itself again as a child whose
//! standard output goes nowhere (commands print tables and reports there), with a cleared
//! environment, and the child runs them, catching any panic.

use std::ffi::OsString;
use std::fs;
use std::os::unix::ffi::OsStringExt;
use std::path::Path;
use std::process::{ExitCode, Stdio};
use std::time::Instant;

use crate::common::{STORY, TODAY, TestEnv, sidecar, split};
use crate::parsers::{HOSTILE, TRICKY};
use crate::support::{Rng, figure, netjournal, scale, seed};

/// Command lines run as processes.
const PROCESS_CASES: usize = 300;
/// Command lines run in one process, through `main_with`.
const IN_PROCESS_CASES: usize = 6_000;
/// Journals the in-process cases are spread over (each starts as `STORY`'s journal, and
/// stays small enough to be compared byte for byte after every case).
const GROUPS: usize = 40;

/// What a value slot holds.
#[derive(Clone, Copy)]
enum Slot {
    /// A network that exists, in any case, or by number.
    Network,
    /// A contact that exists.
    Contact,
    /// A name no row has yet.
    NewName,
    Text,
    Date,
    Amount,
    Minutes,
    Rating,
    /// A row number.
    Id,
    Email,
    LinkedIn,
    /// One of these words.
    Word(&'static [&'static str]),
    /// A file name in the working folder (never a path elsewhere: a command may create it).
    NewFile,
    /// A file to read, anywhere.
    AnyFile,
}

use Slot::*;

const KINDS: &[&str] = &[
    "gender-based",
    "co-optation",
    "political",
    "professional",
    "alumni",
    "online",
    "local",
    "other",
    "Cooptation",
    "en-ligne",
];
const FORMATS: &[&str] = &[
    "breakfast",
    "lunch",
    "dinner",
    "evening",
    "event",
    "one-to-one",
    "phone",
    "video",
    "email",
    "visio",
    "1-1",
];
const PERIODS: &[&str] = &["year", "month", "once", "yearly", "mois"];
const STATUSES: &[&str] = &["open", "won", "lost", "gagnée"];
const TABLES: &[&str] = &[
    "networks",
    "meetings",
    "contacts",
    "referrals",
    "notes",
    "meeting",
];
const LIST_FORMATS: &[&str] = &["table", "json", "csv"];
const REPORT_FORMATS: &[&str] = &["text", "json", "md", "html"];
const EXPORT_FORMATS: &[&str] = &["json", "csv"];
const SETTINGS: &[&str] = &[
    "currency",
    "rate.hourly",
    "verdict.min_meetings",
    "verdict.min_referrals",
    "verdict.min_roi",
    "verdict.leave_concerns",
    "verdict.max_met_once",
];
const SETTING_VALUES: &[&str] = &["EUR", "USD", "60", "45,50", "3", "1.5", "80%", "0", "1000"];
const SHELLS: &[&str] = &["bash", "zsh", "fish", "elvish", "powershell"];

/// A command: its words, its positional values, and its options (`(name, slot, how often it
/// is given, in percent)`; a slot of `None` is a flag).
struct Grammar {
    words: &'static [&'static str],
    positional: &'static [Slot],
    options: &'static [(&'static str, Option<Slot>, u8)],
}

const COMMANDS: &[Grammar] = &[
    Grammar {
        words: &["add", "network"],
        positional: &[NewName],
        options: &[
            ("--kind", Some(Word(KINDS)), 95),
            ("--joined", Some(Date), 40),
            ("--invited-by", Some(Text), 30),
            ("--fee", Some(Amount), 40),
            ("--fee-period", Some(Word(PERIODS)), 40),
            ("--rules", Some(Text), 30),
            ("--notes", Some(Text), 30),
        ],
    },
    Grammar {
        words: &["add", "contact"],
        positional: &[NewName],
        options: &[
            ("--profession", Some(Text), 40),
            ("--company", Some(Text), 40),
            ("--network", Some(Network), 40),
            ("--email", Some(Email), 40),
            ("--linkedin", Some(LinkedIn), 30),
            ("--notes", Some(Text), 30),
            ("--date", Some(Date), 20),
        ],
    },
    Grammar {
        words: &["log", "meeting"],
        positional: &[],
        options: &[
            ("--network", Some(Network), 60),
            ("--date", Some(Date), 60),
            ("--format", Some(Word(FORMATS)), 95),
            ("--minutes", Some(Minutes), 50),
            ("--travel", Some(Minutes), 40),
            ("--cost", Some(Amount), 50),
            ("--met", Some(Contact), 40),
            ("--met", Some(NewName), 30),
            ("--rating", Some(Rating), 50),
            ("--notes", Some(Text), 50),
        ],
    },
    Grammar {
        words: &["log", "referral"],
        positional: &[],
        options: &[
            ("--received", None, 50),
            ("--given", None, 50),
            ("--network", Some(Network), 50),
            ("--contact", Some(Contact), 50),
            ("--date", Some(Date), 50),
            ("--status", Some(Word(STATUSES)), 40),
            ("--value", Some(Amount), 40),
            ("--notes", Some(Text), 40),
        ],
    },
    Grammar {
        words: &["note"],
        positional: &[Text],
        options: &[
            ("--network", Some(Network), 30),
            ("--meeting", Some(Id), 20),
            ("--contact", Some(Contact), 20),
            ("--concern", None, 30),
            ("--date", Some(Date), 40),
        ],
    },
    Grammar {
        words: &["leave", "network"],
        positional: &[Network],
        options: &[("--date", Some(Date), 50), ("--reason", Some(Text), 90)],
    },
    Grammar {
        words: &["list"],
        positional: &[Word(TABLES)],
        options: &[
            ("--network", Some(Network), 40),
            ("--since", Some(Date), 40),
            ("--until", Some(Date), 40),
            ("--format", Some(Word(LIST_FORMATS)), 60),
        ],
    },
    Grammar {
        words: &["show", "network"],
        positional: &[Network],
        options: &[],
    },
    Grammar {
        words: &["report"],
        positional: &[],
        options: &[
            ("--network", Some(Network), 40),
            ("--since", Some(Date), 40),
            ("--until", Some(Date), 40),
            ("--format", Some(Word(REPORT_FORMATS)), 60),
        ],
    },
    Grammar {
        words: &["edit", "network"],
        positional: &[Network],
        options: &[
            ("--name", Some(NewName), 30),
            ("--kind", Some(Word(KINDS)), 30),
            ("--joined", Some(Date), 30),
            ("--fee", Some(Amount), 30),
            ("--fee-period", Some(Word(PERIODS)), 30),
            ("--notes", Some(Text), 30),
            ("--left", Some(Date), 20),
            ("--reason", Some(Text), 20),
        ],
    },
    Grammar {
        words: &["edit", "meeting"],
        positional: &[Id],
        options: &[
            ("--network", Some(Network), 30),
            ("--date", Some(Date), 30),
            ("--format", Some(Word(FORMATS)), 30),
            ("--minutes", Some(Minutes), 30),
            ("--cost", Some(Amount), 30),
            ("--met", Some(Contact), 30),
            ("--unmet", Some(Contact), 20),
            ("--rating", Some(Rating), 30),
            ("--notes", Some(Text), 30),
        ],
    },
    Grammar {
        words: &["edit", "contact"],
        positional: &[Contact],
        options: &[
            ("--name", Some(NewName), 30),
            ("--profession", Some(Text), 30),
            ("--email", Some(Email), 30),
            ("--linkedin", Some(LinkedIn), 30),
            ("--notes", Some(Text), 30),
            ("--date", Some(Date), 20),
        ],
    },
    Grammar {
        words: &["edit", "referral"],
        positional: &[Id],
        options: &[
            ("--status", Some(Word(STATUSES)), 40),
            ("--value", Some(Amount), 40),
            ("--notes", Some(Text), 30),
            ("--date", Some(Date), 30),
        ],
    },
    Grammar {
        words: &["edit", "note"],
        positional: &[Id, Text],
        options: &[("--concern", None, 30), ("--date", Some(Date), 30)],
    },
    Grammar {
        words: &["rm", "meeting"],
        positional: &[Id],
        options: &[("--yes", None, 80)],
    },
    Grammar {
        words: &["rm", "referral"],
        positional: &[Id],
        options: &[("--yes", None, 80)],
    },
    Grammar {
        words: &["rm", "note"],
        positional: &[Id],
        options: &[("--yes", None, 80)],
    },
    Grammar {
        words: &["rm", "contact"],
        positional: &[Contact],
        options: &[("--yes", None, 60)],
    },
    Grammar {
        words: &["rm", "network"],
        positional: &[Network],
        options: &[("--yes", None, 50)],
    },
    Grammar {
        words: &["forget", "contact"],
        positional: &[Contact],
        options: &[("--yes", None, 60), ("--redact", None, 40)],
    },
    Grammar {
        words: &["config", "set"],
        positional: &[Word(SETTINGS), Word(SETTING_VALUES)],
        options: &[],
    },
    Grammar {
        words: &["config", "get"],
        positional: &[Word(SETTINGS)],
        options: &[],
    },
    Grammar {
        words: &["export"],
        positional: &[],
        options: &[
            ("--format", Some(Word(EXPORT_FORMATS)), 50),
            ("--what", Some(Word(TABLES)), 40),
        ],
    },
    Grammar {
        words: &["import"],
        positional: &[AnyFile],
        options: &[],
    },
    Grammar {
        words: &["backup"],
        positional: &[NewFile],
        options: &[("--force", None, 30)],
    },
    Grammar {
        words: &["completions"],
        positional: &[Word(SHELLS)],
        options: &[],
    },
];

const NETWORKS: &[&str] = &[
    "BNI Montpellier",
    "bni montpellier",
    "Freelances Montpellier",
    "CPME Hérault",
    "femmes entrepreneures 34",
    "#2",
    "3",
];
const CONTACTS: &[&str] = &[
    "Claire Petit",
    "paul martin",
    "Julie Bernard",
    "SOPHIE DURAND",
    "Marc Leroy",
];

/// A hostile value: one of [`HOSTILE`], a 10 kB name, random characters from every corner
/// of Unicode, or bytes that are not UTF-8.
fn hostile(rng: &mut Rng) -> OsString {
    match rng.below(12) {
        10 | 11 => {
            // Long runs mixing multi-byte and control characters.
            let len = rng.below(300) as usize;
            let text: String = (0..len)
                .map(|_| TRICKY[rng.below(TRICKY.len() as u64) as usize])
                .collect();
            text.into()
        }
        0..=3 => HOSTILE[rng.below(HOSTILE.len() as u64) as usize].into(),
        4 => "x".repeat(10 * 1024).into(),
        5 => format!("{} {}", "Ünïcödé".repeat(1500), rng.below(1000)).into(),
        6 => OsString::from_vec(vec![b'a', 0xff, 0xfe, b'b']),
        7 => OsString::from_vec(vec![0xc3, 0x28, b'-', 0xed, 0xa0, 0x80]),
        _ => {
            // A few characters from anywhere in Unicode.
            let len = rng.below(12) as usize;
            let text: String = (0..len)
                .map(|_| {
                    let pick = rng.below(4);
                    let code = match pick {
                        0 => rng.below(0x80),
                        1 => 0x80 + rng.below(0x780),
                        2 => 0x2000 + rng.below(0x70),
                        _ => rng.below(0x11_0000),
                    } as u32;
                    char::from_u32(code).unwrap_or('\u{fffd}')
                })
                .collect();
            text.into()
        }
    }
}

/// A well-formed value for `slot`.
fn valid(slot: Slot, rng: &mut Rng) -> OsString {
    let pick = |rng: &mut Rng, from: &[&str]| from[rng.below(from.len() as u64) as usize].into();
    match slot {
        Network => pick(rng, NETWORKS),
        Contact => pick(rng, CONTACTS),
        NewName => format!("Person {}", rng.below(100_000)).into(),
        Text => pick(
            rng,
            &[
                "a real talk",
                "one croissant, many cards",
                "line one\nline two",
            ],
        ),
        Date => pick(
            rng,
            &[
                "2024-03-15",
                "2024-03",
                "15/03/2024",
                "today",
                "yesterday",
                "2023-12",
            ],
        ),
        Amount => pick(rng, &["45", "45.50", "45,50", "1 200", "€45", "45 €", "0"]),
        Minutes => pick(rng, &["90", "1h30", "2h", "45min", "0"]),
        Rating => (1 + rng.below(5)).to_string().into(),
        Id => pick(rng, &["1", "2", "3", "#4", "5", "12"]),
        Email => pick(rng, &["julie@example.com", "a.b@c.fr"]),
        LinkedIn => pick(
            rng,
            &["https://www.linkedin.com/in/claire", "linkedin.com/in/x"],
        ),
        Word(words) => pick(rng, words),
        NewFile => format!("out-{}.db", rng.below(1_000_000)).into(),
        AnyFile => pick(rng, &["missing.json", "."]),
    }
}

/// A value for `slot`: well-formed about two times in three, else hostile.
fn value(slot: Slot, rng: &mut Rng) -> OsString {
    if rng.below(3) < 2 {
        return valid(slot, rng);
    }
    let value = hostile(rng);
    match slot {
        // A file the command may create stays in the working folder.
        NewFile => {
            let bytes: Vec<u8> = value
                .into_vec()
                .into_iter()
                .filter(|&b| b != b'/' && b != 0)
                .collect();
            match bytes.as_slice() {
                b"" | b"." | b".." => "out.db".into(),
                _ => OsString::from_vec(bytes),
            }
        }
        _ => value,
    }
}

/// One generated command line, without the `--db JOURNAL` in front.
pub fn command_line(rng: &mut Rng) -> Vec<OsString> {
    let grammar = &COMMANDS[rng.below(COMMANDS.len() as u64) as usize];
    let mut args: Vec<OsString> = grammar.words.iter().map(OsString::from).collect();
    for slot in grammar.positional {
        args.push(value(*slot, rng));
    }
    for (name, slot, percent) in grammar.options {
        if rng.below(100) < u64::from(*percent) {
            args.push(name.into());
            if let Some(slot) = slot {
                args.push(value(*slot, rng));
            }
        }
    }
    // Now and then, a global option, or a hostile value where a word of the grammar was.
    match rng.below(20) {
        0 => args.push("--no-input".into()),
        1 => args.extend(["--lang".into(), value(Word(&["fr", "en", "FR"]), rng)]),
        2 => args.extend(["--color".into(), value(Word(&["never", "always"]), rng)]),
        3 if args.len() > 2 => {
            let at = 2 + rng.below(args.len() as u64 - 2) as usize;
            args[at] = hostile(rng);
        }
        _ => {}
    }
    args
}

/// How a command line is shown in a message: quoted, invalid UTF-8 escaped, long values cut.
fn shown(args: &[OsString]) -> String {
    args.iter()
        .map(|arg| {
            let text = format!("{arg:?}");
            if text.len() > 60 {
                format!(
                    "{}…({} bytes)",
                    &text[..text.floor_char_boundary(50)],
                    arg.len()
                )
            } else {
                text
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The journal's bytes and its log's, as a command left them.
fn state(db: &Path) -> (Option<Vec<u8>>, Option<Vec<u8>>) {
    (
        fs::read(db).ok(),
        fs::read(sidecar(db, "-wal")).ok().filter(|w| !w.is_empty()),
    )
}

/// What the cases came to.
#[derive(Default, Debug)]
struct Tally {
    cases: usize,
    ok: usize,
    refused: usize,
    failed: usize,
    failures: Vec<String>,
}

impl Tally {
    fn record(&mut self, args: &[OsString], code: Option<u8>, stderr: &str, unchanged: bool) {
        self.cases += 1;
        let problem = match code {
            Some(0) => {
                self.ok += 1;
                None
            }
            Some(2) if !unchanged => Some("exit 2, but the journal changed".to_string()),
            Some(2) => {
                self.refused += 1;
                None
            }
            // Exit 1 is a failure that is not the input's fault: `config get` of a setting
            // never set (as `git config` says it), a backup file the system refuses to create
            // (a name too long for it). The journal stays as it was.
            Some(1)
                if unchanged
                    && (args.starts_with(&["config".into(), "get".into()])
                        || args.first().is_some_and(|a| a == "backup")) =>
            {
                self.failed += 1;
                None
            }
            Some(101) | None => Some(format!("a panic: {stderr}")),
            Some(other) => Some(format!("exit {other}: {stderr}")),
        };
        let problem = problem.or_else(|| {
            ["panicked", "RUST_BACKTRACE"]
                .iter()
                .find(|leak| stderr.contains(*leak))
                .map(|leak| format!("stderr says {leak:?}: {stderr}"))
        });
        if let Some(problem) = problem {
            let cut = problem.floor_char_boundary(400);
            self.failures.push(format!(
                "netjournal --db J {}\n  → {}",
                shown(args),
                &problem[..cut]
            ));
        }
    }

    /// The outcomes, in words.
    fn outcomes(&self) -> String {
        format!(
            "{} exit 0, {} exit 2 with the journal unchanged, {} exit 1 (`config get` of an \
             unset setting, a backup name the system refuses) with the journal unchanged",
            self.ok, self.refused, self.failed
        )
    }

    #[track_caller]
    fn assert_clean(&self, how: &str) {
        assert!(
            self.failures.is_empty(),
            "{how}: {} of {} command lines went wrong (seed {}):\n{}",
            self.failures.len(),
            self.cases,
            seed(),
            self.failures
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn hundreds_of_hostile_command_lines_as_processes() {
    let started = Instant::now();
    let mut rng = Rng::new(seed() ^ 0x5eed);
    let mut tally = Tally::default();
    let cases = PROCESS_CASES * scale() as usize;
    let base = TestEnv::with_journal();
    let bytes = fs::read(base.db()).unwrap();
    for _ in 0..3 {
        let env = TestEnv::with_bytes(&bytes);
        for _ in 0..cases / 3 {
            let args = command_line(&mut rng)
                .into_iter()
                .map(|arg| {
                    // A process cannot be given a NUL byte: the next best, SOH.
                    let bytes = arg.into_vec();
                    OsString::from_vec(bytes.into_iter().map(|b| b.max(1)).collect())
                })
                .collect::<Vec<_>>();
            let before = state(env.db());
            let output = netjournal(&env, env.db(), &[])
                .args(&args)
                .output()
                .unwrap();
            let unchanged = state(env.db()) == before;
            let stderr = String::from_utf8_lossy(&output.stderr);
            let code = output.status.code().map(|c| c as u8);
            tally.record(&args, code, &stderr, unchanged);
            if code != Some(0) && !stderr.starts_with("error:") && !stderr.starts_with("erreur :") {
                tally.failures.push(format!(
                    "{}: exit {code:?} without `error:`: {stderr}",
                    shown(&args)
                ));
            }
        }
    }
    tally.assert_clean("as processes");
    figure(&format!(
        "hostile command lines: {} run as processes in {:.1?} (seed {}): {}; no panic, no \
         other exit code",
        tally.cases,
        started.elapsed(),
        seed(),
        tally.outcomes()
    ));
}

/// Set in the child that runs the in-process cases: the folder to work in.
const CHILD: &str = "NETJOURNAL_HOSTILE_CHILD";

#[test]
fn thousands_of_hostile_command_lines_in_one_process() {
    if let Some(dir) = std::env::var_os(CHILD) {
        in_process(Path::new(&dir));
        return;
    }
    let started = Instant::now();
    // In memory when the system offers it: what is tested here is the input, not the disk,
    // and thousands of commits wait for no disk there.
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    };
    let stderr_file = dir.path().join("stderr");
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "hostile_args::thousands_of_hostile_command_lines_in_one_process",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir.path())
        .env("NETJOURNAL_NOW", TODAY)
        .env("NETJOURNAL_TEST_SEED", seed().to_string())
        .env("NETJOURNAL_TEST_SCALE", scale().to_string())
        .env(CHILD, dir.path())
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(fs::File::create(&stderr_file).unwrap())
        .status()
        .unwrap();
    if !status.success() {
        let stderr = fs::read(&stderr_file).unwrap();
        let tail = String::from_utf8_lossy(&stderr[stderr.len().saturating_sub(20_000)..]);
        panic!("the in-process run failed ({status:?}):\n…{tail}");
    }
    let summary = fs::read_to_string(dir.path().join("summary")).expect("the child's summary");
    figure(&format!(
        "hostile command lines: {summary} run through main_with in one process in {:.1?} \
         (seed {}), no panic, no other exit code",
        started.elapsed(),
        seed()
    ));
}

/// The child's work: `GROUPS` journals, each made by `STORY` then given its share of cases.
fn in_process(dir: &Path) {
    let run = |args: Vec<OsString>| -> Result<ExitCode, String> {
        let mut argv = vec![OsString::from("netjournal")];
        argv.extend(args);
        std::panic::catch_unwind(|| netjournal::cli::main_with(argv)).map_err(|panic| {
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default()
        })
    };
    // What the commands print on stderr goes to this file (see the parent): each case reads
    // what it added.
    let stderr_file = dir.join("stderr");
    let stderr_since = |from: u64| -> String {
        use std::io::{Read, Seek, SeekFrom};
        let mut file = fs::File::open(&stderr_file).unwrap();
        file.seek(SeekFrom::Start(from)).unwrap();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let stderr_len = || fs::metadata(&stderr_file).map_or(0, |m| m.len());
    let mut rng = Rng::new(seed() ^ 0x1_0000);
    let mut tally = Tally::default();
    let cases = IN_PROCESS_CASES * scale() as usize;
    let story = dir.join("story.db");
    for line in STORY.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut args = vec![OsString::from("--db"), story.clone().into_os_string()];
        args.extend(split(line).into_iter().map(OsString::from));
        assert_eq!(run(args), Ok(ExitCode::SUCCESS), "{line}");
    }
    let story = fs::read(&story).unwrap();
    for group in 0..GROUPS {
        let db = dir.join(format!("journal-{group}.db"));
        fs::write(&db, &story).unwrap();
        let with_db = |args: Vec<OsString>| {
            let mut all = vec![OsString::from("--db"), db.clone().into_os_string()];
            all.extend(args);
            all
        };
        for _ in 0..cases / GROUPS {
            let args = command_line(&mut rng);
            let before = state(&db);
            let printed = stderr_len();
            let outcome = run(with_db(args.clone()));
            let unchanged = state(&db) == before;
            let code = match &outcome {
                Ok(code) if *code == ExitCode::SUCCESS => Some(0),
                Ok(code) if *code == ExitCode::from(2) => Some(2),
                Ok(code) if *code == ExitCode::from(1) => Some(1),
                Ok(_) => Some(255),
                Err(_) => None,
            };
            let panic = outcome
                .err()
                .map(|p| format!("panicked: {p}"))
                .unwrap_or_default();
            let stderr = if code == Some(0) {
                String::new()
            } else {
                stderr_since(printed)
            };
            tally.record(&args, code, &format!("{stderr}{panic}"), unchanged);
        }
    }
    if !tally.failures.is_empty() {
        // Keep the report short: the parent shows the end of stderr.
        tally.assert_clean("in one process");
    }
    fs::write(
        dir.join("summary"),
        format!(
            "{} over {GROUPS} journals ({})",
            tally.cases,
            tally.outcomes()
        ),
    )
    .unwrap();
}

/// The journal's own path given where a command writes a file: refused (exit 2), under every
/// spelling of it, and the journal left as it was. Written over, it would be lost.
#[test]
fn no_command_writes_over_the_journal() {
    let env = TestEnv::with_journal();
    fs::create_dir(env.path("sub")).unwrap();
    std::os::unix::fs::symlink(env.db(), env.path("link.db")).unwrap();
    let db = env.db().to_str().unwrap().to_string();
    let spellings = [
        db.clone(),
        env.path("sub/../journal.db").to_str().unwrap().to_string(),
        env.path("link.db").to_str().unwrap().to_string(),
        "journal.db".to_string(),
    ];
    let mut refused = 0;
    for path in &spellings {
        let commands: Vec<Vec<&str>> = vec![
            vec!["report", "--output", path],
            vec!["report", "--format", "html", "--output", path],
            vec!["report", "--format", "json", "--output", path],
            vec!["export", "--output", path],
            vec![
                "export", "--format", "csv", "--what", "notes", "--output", path,
            ],
            vec!["backup", path],
            vec!["backup", path, "--force"],
        ];
        for args in commands {
            env.rejects(args, "the journal itself");
            refused += 1;
        }
    }
    figure(&format!(
        "hostile command lines: the journal's own path as the file to write, in {} spellings \
         (absolute, with `..`, through a link, relative): {refused} commands refused with exit 2, \
         the journal unchanged",
        spellings.len()
    ));
}
