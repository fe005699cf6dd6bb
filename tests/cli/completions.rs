//! Completion in real shells. bash, zsh and fish are started interactively on a pseudo-terminal,
//! with the script `netjournal completions SHELL` prints installed as README.md tells; a line
//! is typed, then Tab, then Enter. In those shells `netjournal` is a function that prints the
//! words it was given: what Tab put on the line is read back as the shell itself understood it,
//! quotes and backslashes included. The script still calls the real program.
//!
//! The shells are Debian's `bash`, `zsh` and `fish`: `.ci/run` installs them as root. Elsewhere
//! a missing one is skipped with a message; on CI (`CI=true`) it is a failure.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use rexpect::session::{PtySession, spawn_command};

use crate::common::TestEnv;

/// The words each shell gave `netjournal` for a line typed, Tab, Enter.
struct Case {
    typed: &'static str,
    words: &'static [&'static str],
    /// fish matches what the program offers against what was typed, ignoring case but not
    /// accents: `elo` finds `Éloïse` in bash and zsh only.
    not_in_fish: bool,
}

const fn case(typed: &'static str, words: &'static [&'static str]) -> Case {
    Case {
        typed,
        words,
        not_in_fish: false,
    }
}

/// What Tab does: `NETJOURNAL_DB` names the first journal, and `--db` on the line another one
/// or a missing one (see [`Journals`]).
const CASES: &[Case] = &[
    // Names with spaces, accents and quotes, begun plain, escaped or in either quotes.
    case(
        "netjournal show network Les",
        &["show", "network", "Les Matinales du Lez"],
    ),
    case(
        r"netjournal show network Les\ Mat",
        &["show", "network", "Les Matinales du Lez"],
    ),
    case(
        r#"netjournal show network "les ma"#,
        &["show", "network", "Les Matinales du Lez"],
    ),
    case(
        "netjournal show network 'Les M",
        &["show", "network", "Les Matinales du Lez"],
    ),
    case(
        "netjournal leave network BN",
        &["leave", "network", "BNI Montpellier"],
    ),
    case(
        "netjournal log meeting --met Élo",
        &["log", "meeting", "--met", "Éloïse Martin"],
    ),
    case(
        "netjournal log referral --received --contact Paul",
        &["log", "referral", "--received", "--contact", "Paul O'Neil"],
    ),
    case(
        r#"netjournal log referral --given --contact "Paul O"#,
        &["log", "referral", "--given", "--contact", "Paul O'Neil"],
    ),
    case(
        "netjournal report --network=Les",
        &["report", "--network=Les Matinales du Lez"],
    ),
    case(
        r#"netjournal merge contact "Paul O'Neil" Élo"#,
        &["merge", "contact", "Paul O'Neil", "Éloïse Martin"],
    ),
    case(
        r"netjournal rm contact Paul\ O\'",
        &["rm", "contact", "Paul O'Neil"],
    ),
    // `--db` on the line wins over NETJOURNAL_DB: the second journal holds another contact.
    case(
        "netjournal --db OTHER show contact Zo",
        &["--db", "OTHER", "show", "contact", r#"Zoé "Zaza" Quintal"#],
    ),
    case(
        "netjournal --db=OTHER edit contact Zo",
        &["--db=OTHER", "edit", "contact", r#"Zoé "Zaza" Quintal"#],
    ),
    case(
        "netjournal --db OTHER show network Les",
        &["--db", "OTHER", "show", "network", "Les"],
    ),
    // A journal that does not exist offers nothing, and is not made.
    case(
        "netjournal --db MISSING show network Les",
        &["--db", "MISSING", "show", "network", "Les"],
    ),
    // Commands, options and their values complete as before.
    case("netjournal log me", &["log", "meeting"]),
    case("netjournal rep", &["report"]),
    case(
        "netjournal log meeting --form",
        &["log", "meeting", "--format"],
    ),
    case(
        "netjournal log meeting --format brea",
        &["log", "meeting", "--format", "breakfast"],
    ),
    case("netjournal --lang f", &["--lang", "fr"]),
    Case {
        typed: "netjournal log meeting --met eloi",
        words: &["log", "meeting", "--met", "Éloïse Martin"],
        not_in_fish: true,
    },
];

/// The journals of the cases: `NETJOURNAL_DB`'s, another one, and one that does not exist.
struct Journals {
    env: TestEnv,
    other: PathBuf,
    missing: PathBuf,
}

impl Journals {
    fn new() -> Journals {
        let env = TestEnv::new();
        for args in [
            &["add", "network", "Les Matinales du Lez", "--kind", "local"][..],
            &["add", "network", "BNI Montpellier", "--kind", "co-optation"],
            &["add", "contact", "Éloïse Martin"],
            &["add", "contact", "Paul O'Neil"],
        ] {
            env.run(args).success();
        }
        let other = env.path("other journal.db");
        env.invocation()
            .arg("--db")
            .arg(&other)
            .args(["add", "contact", r#"Zoé "Zaza" Quintal"#])
            .run()
            .success();
        let missing = env.path("missing.db");
        Journals {
            env,
            other,
            missing,
        }
    }

    /// `typed` with the journals' paths in place of `OTHER` and `MISSING`, quoted for the
    /// shell (the folder's path has no quote in it).
    fn line(&self, typed: &str) -> String {
        let quoted = |path: &Path| format!("'{}'", path.display());
        typed
            .replace("OTHER", &quoted(&self.other))
            .replace("MISSING", &quoted(&self.missing))
    }

    /// `words` with the journals' paths in place of `OTHER` and `MISSING`.
    fn words(&self, words: &[&str]) -> Vec<String> {
        words
            .iter()
            .map(|word| {
                word.replace("OTHER", &self.other.display().to_string())
                    .replace("MISSING", &self.missing.display().to_string())
            })
            .collect()
    }
}

/// Whether `shell` is installed; when it is not, says the test is skipped (and fails on CI,
/// which installs it).
fn installed(shell: &str) -> bool {
    let found = Command::new(shell)
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "{shell} is missing: .ci/run installs it with apt-get"
        );
        eprintln!("skipped: {shell} is not installed (apt-get install {shell})");
    }
    found
}

/// An interactive shell on a pseudo-terminal, with netjournal's completion installed.
struct Shell {
    session: PtySession,
    name: &'static str,
}

impl Shell {
    /// Starts `name` with the completion script installed in `env`'s folder, and `netjournal`
    /// a function printing its words as `ARGS:[word][word]…:END`.
    fn start(name: &'static str, journals: &Journals) -> Shell {
        let env = &journals.env;
        let script = env.run(["completions", name]).success().stdout();
        let (program, args): (&str, Vec<OsString>) = match name {
            "bash" => {
                let rc = env.path("bashrc");
                std::fs::write(env.path("netjournal.bash"), script).expect("write the script");
                std::fs::write(
                    &rc,
                    r#"PS1='$ '
source ./netjournal.bash
netjournal() { printf 'ARGS:'; for word in "$@"; do printf '[%s]' "$word"; done; printf ':END\n'; }
"#,
                )
                .expect("write bashrc");
                (
                    "bash",
                    vec![
                        "--noprofile".into(),
                        "--rcfile".into(),
                        rc.into(),
                        "-i".into(),
                    ],
                )
            }
            "zsh" => {
                // As README.md installs it: a file `_netjournal` in a folder of fpath.
                let functions = env.path("zfunc");
                std::fs::create_dir_all(&functions).expect("a folder for zsh");
                std::fs::write(functions.join("_netjournal"), script).expect("write the script");
                std::fs::write(
                    env.path(".zshrc"),
                    r#"PS1='$ '
fpath=(./zfunc $fpath)
autoload -Uz compinit && compinit -u -D
netjournal() { printf 'ARGS:'; for word in "$@"; do printf '[%s]' "$word"; done; printf ':END\n' }
"#,
                )
                .expect("write .zshrc");
                ("zsh", vec!["-i".into()])
            }
            "fish" => {
                std::fs::write(env.path("netjournal.fish"), script).expect("write the script");
                let init = r#"set -g fish_greeting
function fish_prompt; printf '$ '; end
source ./netjournal.fish
function netjournal; printf 'ARGS:'; for word in $argv; printf '[%s]' $word; end; printf ':END\n'; end
"#;
                (
                    "fish",
                    vec!["--no-config".into(), "-C".into(), init.into(), "-i".into()],
                )
            }
            other => panic!("no harness for {other}"),
        };
        // The terminal's size is set (by stty, from a shell that then becomes the one tested)
        // before the shell starts, as a terminal emulator sets it.
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg("stty rows 40 cols 250 && exec \"$0\" \"$@\"")
            .arg(program)
            .args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", env.dir())
            .env("ZDOTDIR", env.dir())
            .env("XDG_CONFIG_HOME", env.path("config"))
            .env("XDG_DATA_HOME", env.path("data"))
            .env("NETJOURNAL_NOW", crate::common::TODAY)
            .env("NETJOURNAL_DB", env.db())
            .env("TERM", "xterm")
            .env("LANG", "C.UTF-8")
            .current_dir(env.dir());
        let session = spawn_command(command, Some(10_000)).expect("start the shell in a pty");
        Shell { session, name }
    }

    /// Types `line`, Tab, Enter: the words `netjournal` was then given.
    #[track_caller]
    fn words_after_tab(&mut self, line: &str) -> Vec<String> {
        self.session
            .send(&format!("{line}\t\r"))
            .expect("type on the terminal");
        self.session.flush().expect("type on the terminal");
        let (_, found) = match self.session.exp_regex(r"ARGS:[^\r\n]*:END") {
            Ok(found) => found,
            Err(error) => panic!(
                "{}: `{line}` Tab Enter printed no words: {error}",
                self.name
            ),
        };
        // rexpect reads one character per byte: back to UTF-8.
        let bytes: Vec<u8> = found.chars().map(|c| c as u8).collect();
        let found = String::from_utf8(bytes).expect("UTF-8");
        let inner = &found["ARGS:".len()..found.len() - ":END".len()];
        match inner.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            Some(words) => words.split("][").map(String::from).collect(),
            None => Vec::new(),
        }
    }
}

/// Runs every case in `name`, then checks that completing wrote nothing.
fn completes_in(name: &'static str) {
    if !installed(name) {
        return;
    }
    let journals = Journals::new();
    let before = journals.env.bytes();
    let other_before = std::fs::read(&journals.other).expect("the other journal");
    let mut shell = Shell::start(name, &journals);
    let mut wrong = Vec::new();
    for case in CASES
        .iter()
        .filter(|case| !(name == "fish" && case.not_in_fish))
    {
        let line = journals.line(case.typed);
        let words = shell.words_after_tab(&line);
        let expected = journals.words(case.words);
        if words != expected {
            wrong.push(format!("{line}⇥\n  gave {words:?}\n  not  {expected:?}"));
        }
    }
    assert!(wrong.is_empty(), "{name}:\n{}", wrong.join("\n"));
    // Completing reads the journals and writes nothing, not even beside them.
    assert_eq!(journals.env.bytes(), before, "the journal changed");
    assert_eq!(
        std::fs::read(&journals.other).expect("the other journal"),
        other_before
    );
    assert!(!journals.missing.exists(), "a journal was created");
    let beside: Vec<_> = std::fs::read_dir(journals.env.dir())
        .expect("the folder")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".db-") || name.contains("journal.db."))
        .collect();
    assert!(
        beside.is_empty(),
        "files left beside the journals: {beside:?}"
    );
}

#[test]
fn bash_completes_the_journals_names() {
    completes_in("bash");
}

#[test]
fn zsh_completes_the_journals_names() {
    completes_in("zsh");
}

#[test]
fn fish_completes_the_journals_names() {
    completes_in("fish");
}

/// What a script asks at each Tab, asked directly: `netjournal` with `NETJOURNAL_COMPLETE`
/// set and the line after `--`, as bash's script passes it.
fn ask(env: &TestEnv, shell: &str, line: &str) -> crate::common::Run {
    env.invocation()
        .env("NETJOURNAL_COMPLETE", shell)
        .args(["--", line])
        .run()
}

#[test]
fn without_a_journal_nothing_is_offered_nor_created() {
    let env = TestEnv::new();
    // No --db, no NETJOURNAL_DB: the default journal, under HOME, which does not exist.
    let run = ask(&env, "bash", "netjournal show network ");
    run.success().stderr_is("");
    assert!(
        run.stdout().lines().all(|line| line.starts_with("--")),
        "only options are offered: {}",
        run.stdout()
    );
    ask(&env, "bash", "netjournal show network B")
        .success()
        .stdout_is("")
        .stderr_is("");
    let left: Vec<_> = walk(env.dir());
    assert!(left.is_empty(), "completing made {left:?}");
}

#[test]
fn a_journal_that_cannot_be_read_offers_nothing_and_says_nothing() {
    let env = TestEnv::with_journal();
    let folder = env.path("a folder");
    std::fs::create_dir(&folder).expect("a folder");
    let not_a_journal = env.path("notes.txt");
    std::fs::write(&not_a_journal, "not a journal").expect("a text file");
    // A journal whose header was overwritten: SQLite takes it for no database at all.
    let damaged = env.path("damaged.db");
    let mut bytes = std::fs::read(env.db()).expect("the journal");
    bytes[..16].copy_from_slice(b"not a journal...");
    std::fs::write(&damaged, bytes).expect("a damaged journal");
    for path in [&folder, &not_a_journal, &damaged] {
        let line = format!("netjournal --db '{}' show network B", path.display());
        ask(&env, "bash", &line)
            .success()
            .stdout_is("")
            .stderr_is("");
    }
    assert_eq!(
        std::fs::read(&not_a_journal).expect("the text file"),
        b"not a journal"
    );
    // An unknown shell, or a line the program cannot make sense of: no answer, no message.
    ask(&env, "tcsh", "netjournal show network B")
        .exit(1)
        .stdout_is("")
        .stderr_is("");
    env.invocation()
        .env("NETJOURNAL_COMPLETE", "zsh")
        .env("_CLAP_COMPLETE_INDEX", "99")
        .args(["--", "netjournal", "show"])
        .run()
        .exit(1)
        .stdout_is("")
        .stderr_is("");
}

#[test]
fn names_are_offered_by_name_whatever_the_case_or_the_accents() {
    let env = TestEnv::with_journal();
    let networks = env.list_json("networks", &[]);
    let names: Vec<&str> = networks
        .iter()
        .map(|network| network["name"].as_str().expect("a name"))
        .collect();
    let line = |typed: &str| {
        env.invocation()
            .env("NETJOURNAL_COMPLETE", "fish")
            .arg("--")
            .args(["netjournal", "--db"])
            .arg(env.db())
            .args(["report", "--network", typed])
            .run()
            .success()
            .stdout()
    };
    let all = line("");
    let mut sorted = names.clone();
    sorted.sort_by_key(|name| name.to_lowercase());
    assert_eq!(all.lines().collect::<Vec<_>>(), sorted);
    let first = names[0];
    let typed: String = first.to_uppercase().chars().take(3).collect();
    assert!(
        line(&typed).lines().any(|offered| offered == first),
        "{typed} does not offer {first}"
    );
}

/// Every file and folder under `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)
        .expect("a folder")
        .filter_map(|e| e.ok())
    {
        found.push(entry.path());
        if entry.path().is_dir() {
            found.extend(walk(&entry.path()));
        }
    }
    found
}
