//! `--help` and the parser's own errors in French: the help pages a French user reads
//! (snapshotted at the top and for two commands), the language taken from the locale as POSIX
//! says, every command's help free of clap's English, and each kind of command-line error said
//! in French, with the journal left as it was.

use crate::common::{Run, TestEnv};
use crate::help::command_paths;

/// `netjournal --lang fr ARGS…`.
fn fr<'a>(env: &TestEnv, args: impl IntoIterator<Item = &'a str>) -> Run {
    env.cmd(["--lang", "fr"]).args(args).run()
}

/// What clap writes in English on a help page, and must not be on a French one.
const CLAP_ENGLISH: &[&str] = &[
    "Usage:",
    "Arguments:",
    "Options:",
    "Commands:",
    "Global options",
    "Print help",
    "Print version",
    "Print this message",
    "[default:",
    "[env:",
    "[possible values:",
    "Possible values:",
    "Examples:",
    "Example:",
    "[alias:",
];

#[test]
fn the_top_help_in_french() {
    let env = TestEnv::new();
    let help = fr(&env, ["--help"]).success().stdout();
    insta::assert_snapshot!(help);
    // `help` says the same as `--help`.
    fr(&env, ["help"]).success().stdout_is(&help);
}

#[test]
fn the_help_of_log_meeting_and_report_in_french() {
    let env = TestEnv::new();
    let meeting = fr(&env, ["log", "meeting", "--help"]).success().stdout();
    insta::assert_snapshot!("log_meeting", meeting);
    fr(&env, ["help", "log", "meeting"])
        .success()
        .stdout_is(&meeting);
    let report = fr(&env, ["report", "-h"]).success().stdout();
    insta::assert_snapshot!("report_short", report);
}

#[test]
fn the_locale_decides_the_help_s_language_as_posix_says() {
    let env = TestEnv::new();
    let french = env
        .cmd(["--help"])
        .env("LC_ALL", "fr_FR.UTF-8")
        .env("LANG", "C.UTF-8")
        .run();
    french
        .success()
        .stdout_contains("Utilisation : netjournal [OPTIONS] <COMMANDE>")
        .stdout_contains("Options globales :")
        .stdout_lacks("Usage:");
    let english = env
        .cmd(["add", "network", "--help"])
        .env("LC_ALL", "C")
        .env("LANG", "fr_FR.UTF-8")
        .run();
    english
        .success()
        .stdout_contains("Usage: netjournal add network")
        .stdout_lacks("Utilisation");
    env.cmd(["add", "network", "-h"])
        .env("NETJOURNAL_LANG", "fr")
        .run()
        .success()
        .stdout_contains("Enregistrer un réseau rejoint")
        .stdout_contains("Ce qui rassemble ses membres");
}

#[test]
fn no_command_s_help_keeps_clap_s_english() {
    let env = TestEnv::new();
    for path in command_paths() {
        for flag in ["--help", "-h"] {
            let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
            args.push(flag);
            let run = fr(&env, args.iter().copied());
            let help = run.success().stdout();
            assert!(
                help.contains("Utilisation : netjournal"),
                "`{}`:\n{help}",
                run.command_line()
            );
            for english in CLAP_ENGLISH {
                assert!(
                    !help.contains(english),
                    "`{english}` in `{}`:\n{help}",
                    run.command_line()
                );
            }
            // Option names and values stay as they are typed.
            if path.is_empty() || path == ["log", "meeting"] {
                assert!(help.contains("--network"), "{help}");
            }
        }
    }
}

#[test]
fn the_version_is_the_same_in_both_languages() {
    let env = TestEnv::new();
    let english = env.run(["--version"]).success().stdout();
    fr(&env, ["--version"]).success().stdout_is(&english);
}

/// Each kind of error the parser can meet on a command line, said in French: exit 2, the
/// journal unchanged, no English from clap, and no hint left empty.
#[test]
fn every_kind_of_command_line_error_is_said_in_french() {
    let env = TestEnv::with_journal();
    let cases: &[(&[&str], &str)] = &[
        // A command without its subcommand.
        (
            &["log", "--yes"],
            "erreur : il manque une commande après `netjournal log`",
        ),
        (&[], "erreur : il manque une commande après `netjournal`"),
        // An unknown command, with the closest.
        (
            &["lsit"],
            "erreur : commande `lsit` inconnue\nastuce : vouliez-vous dire `list` ?",
        ),
        // An unknown option, a stray value.
        (
            &["list", "networks", "--bogus"],
            "erreur : argument `--bogus` inattendu",
        ),
        (&["note", "a", "b"], "erreur : argument `b` inattendu"),
        // A missing value: for a name, no list; for a choice, the list.
        (
            &["log", "meeting", "--network"],
            "erreur : `--network <NOM>` attend une valeur, et aucune n'a été donnée",
        ),
        (
            &["list", "networks", "--format"],
            "astuce : les valeurs possibles sont table, json, csv",
        ),
        // A value outside the possible ones.
        (
            &["--color", "sometimes", "list", "networks"],
            "erreur : valeur `sometimes` invalide pour `--color <QUAND>`\nastuce : les valeurs \
             possibles sont auto, always, never",
        ),
        (
            &["completions", "tcsh"],
            "astuce : les valeurs possibles sont bash, elvish, fish, powershell, zsh",
        ),
        // A value one of our parsers refused, with its reason.
        (
            &["log", "meeting", "--rating", "9"],
            "erreur : valeur `9` invalide pour `--rating <1-5>` : `9` n'est pas une note",
        ),
        // A missing required argument.
        (&["config", "set"], "erreur : il manque <CLÉ>, <VALEUR>"),
        (&["completions"], "erreur : il manque <SHELL>"),
        // A value given to a flag.
        (
            &["note", "x", "--concern=yes"],
            "erreur : valeur en trop `yes` pour `--concern` : une seule est attendue",
        ),
        // Options that exclude each other; a command after an argument it excludes.
        (
            &["log", "referral", "--received", "--given"],
            "erreur : `--received` ne peut pas s'utiliser avec `--given`",
        ),
        (
            &["import", "x.json", "linkedin"],
            "erreur : la commande `linkedin` ne peut pas s'utiliser avec `[FICHIER]`",
        ),
    ];
    for (args, expected) in cases {
        let run = env.rejects(
            ["--lang", "fr"].iter().chain(args.iter()).copied(),
            expected,
        );
        said_in_french(&run);
    }
}

/// A command that needs a subcommand, given nothing at all after it, shows its help (clap's
/// way): in French, on stderr, with exit 2.
#[test]
fn a_bare_command_shows_its_help_in_french() {
    let env = TestEnv::with_journal();
    let bytes = env.bytes();
    let dump = env.dump();
    let run = fr(&env, ["log"]);
    run.exit(2)
        .stderr_contains("Enregistrer une réunion ou une recommandation")
        .stderr_contains("Utilisation : netjournal log [OPTIONS] <COMMANDE>")
        .stderr_contains("  meeting   Enregistrer une réunion")
        .stderr_lacks("Usage:");
    env.assert_unchanged(&bytes, &dump, &run);
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_refused_in_french() {
    use std::os::unix::ffi::OsStringExt;
    let env = TestEnv::with_journal();
    let text = std::ffi::OsString::from_vec(b"caf\xe9".to_vec());
    let args: Vec<std::ffi::OsString> = vec!["--lang".into(), "fr".into(), "note".into(), text];
    let run = env.rejects(args, "erreur : un argument n'est pas du texte UTF-8 valide");
    said_in_french(&run);
}

/// The error names nothing in clap's English and ends no line on an empty list.
#[track_caller]
fn said_in_french(run: &Run) {
    let stderr = run.stderr();
    for english in [
        "error:",
        "tip:",
        "Usage:",
        "For more information",
        "possible values",
    ] {
        assert!(
            !stderr.contains(english),
            "`{english}` in `{}`:\n{stderr}",
            run.command_line()
        );
    }
    for line in stderr.lines() {
        assert!(
            !line.trim_end().ends_with(':'),
            "`{}` ends a line on nothing: {line:?}",
            run.command_line()
        );
    }
    assert!(
        stderr.ends_with("Pour en savoir plus : `--help`.\n"),
        "{stderr}"
    );
}
