//! The reference a user reads: every command's `--help` (snapshotted whole, at 100 columns),
//! the shell completion scripts and the manual page, each checked against the commands the
//! parser really has, so that none can be forgotten.

use clap::CommandFactory;

use crate::common::TestEnv;

/// Every command as typed: `[]` for the top, `["add"]`, `["add", "network"]`…, in the order
/// `--help` lists them.
pub fn command_paths() -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, path: &[String], found: &mut Vec<Vec<String>>) {
        found.push(path.to_vec());
        // clap's own `help` command, added when the tree is built, is not one of netjournal's.
        for sub in command
            .get_subcommands()
            .filter(|sub| sub.get_name() != "help")
        {
            let mut longer = path.to_vec();
            longer.push(sub.get_name().to_string());
            walk(sub, &longer, found);
        }
    }
    // Built, as the parser sees it when it reaches each command: a command's arguments and
    // subcommands are only added then (see `Lazy` in src/cli/lazy.rs).
    let mut cli = netjournal::cli::Cli::command();
    cli.build();
    let mut found = Vec::new();
    walk(&cli, &[], &mut found);
    found
}

#[test]
fn the_whole_help_reference() {
    let env = TestEnv::new();
    let mut reference = String::new();
    for path in command_paths() {
        let mut args = path.clone();
        args.push("--help".into());
        let help = env.run(&args).success().stdout();
        reference.push_str(&format!("===== netjournal {}\n\n{help}\n", args.join(" ")));
    }
    insta::assert_snapshot!(reference);
}

#[test]
fn global_options_have_a_heading_of_their_own_in_every_help() {
    let env = TestEnv::new();
    for path in command_paths() {
        let mut args = path.clone();
        args.push("--help".into());
        let help = env.run(&args).success().stdout();
        let (own, global) = help
            .split_once("\nGlobal options:\n")
            .unwrap_or_else(|| panic!("no `Global options:` in `{}`:\n{help}", args.join(" ")));
        for option in ["--db", "--lang", "--yes", "--no-input", "--color"] {
            assert!(global.contains(option), "{option} not global in {args:?}");
            assert!(
                !own.contains(&format!("  {option} ")),
                "{option} among own {args:?}"
            );
        }
    }
}

#[test]
fn every_command_has_a_description_and_an_example() {
    let env = TestEnv::new();
    for path in command_paths() {
        // `help` prints the help of others: it is described, with nothing to exemplify.
        if path.last().is_some_and(|word| word == "help") {
            continue;
        }
        let mut args = path.clone();
        args.push("--help".into());
        let help = env.run(&args).success().stdout();
        let line = format!("netjournal {}", args.join(" "));
        let first = help.lines().next().unwrap_or_default();
        assert!(
            !first.is_empty() && !first.starts_with("Usage:"),
            "`{line}` starts without a description:\n{help}"
        );
        assert!(
            help.contains("\nExample") || help.contains("\nExamples"),
            "`{line}` shows no example:\n{help}"
        );
    }
}

#[test]
fn completion_offers_every_command_and_its_values() {
    let env = TestEnv::new();
    // What the completion scripts ask at each Tab (see `completions.rs` for the real shells):
    // the line after `--`, as bash's script passes it.
    let offered = |line: &str| -> Vec<String> {
        env.invocation()
            .env("NETJOURNAL_COMPLETE", "bash")
            .args(["--", line])
            .run()
            .success()
            .stdout()
            .lines()
            .map(String::from)
            .collect()
    };
    for path in command_paths() {
        let Some((name, parents)) = path.split_last() else {
            continue;
        };
        let line = format!("netjournal {} ", parents.join(" "));
        let offered = offered(&line);
        assert!(
            offered.contains(name),
            "`{line}` Tab does not offer `{name}`: {offered:?}"
        );
    }
    assert_eq!(
        offered("netjournal log meeting --format "),
        [
            "breakfast",
            "lunch",
            "dinner",
            "evening",
            "event",
            "one-to-one",
            "phone",
            "video",
            "email"
        ]
    );
    assert_eq!(offered("netjournal log me"), ["meeting"]);
    // A script for each shell, that asks netjournal; shells are named in any case, and an
    // unknown one is refused with the list.
    for shell in ["bash", "zsh", "fish", "powershell", "elvish", "Bash"] {
        let script = env.run(["completions", shell]).success().stdout();
        assert!(
            script.contains("NETJOURNAL_COMPLETE"),
            "the {shell} script does not ask netjournal:\n{script}"
        );
    }
    env.run(["completions", "tcsh"])
        .exit(2)
        .stderr_contains("bash");
}

#[test]
fn the_manual_page_names_every_command() {
    let env = TestEnv::new();
    let page = env.run(["man"]).success().stdout();
    assert!(page.starts_with(".ie"), "not roff:\n{page}");
    assert!(page.contains(".TH netjournal 1"), "{page}");
    for path in command_paths().into_iter().filter(|path| !path.is_empty()) {
        if path.last().is_some_and(|word| word == "help") {
            continue;
        }
        // Every command that runs (`log meeting`) is in COMMANDS, and with it its group.
        let named = format!("netjournal {}", path.join(" "));
        let page_name = format!("netjournal\\-{}", path.join("\\-"));
        assert!(
            page.contains(&named) || page.contains(&page_name),
            "the manual page lacks `{named}`"
        );
    }
}

#[test]
fn the_manual_page_has_the_usual_sections_and_no_dangling_reference() {
    let env = TestEnv::new();
    let page = env.run(["man"]).success().stdout();
    let sections: Vec<&str> = page
        .lines()
        .filter_map(|line| line.strip_prefix(".SH "))
        .map(|name| name.trim_matches('"'))
        .collect();
    assert_eq!(
        sections,
        [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "OPTIONS",
            "GLOBAL OPTIONS",
            "COMMANDS",
            "ENVIRONMENT",
            "FILES",
            "EXIT STATUS",
            "EXAMPLES",
            "VERSION"
        ]
    );
    // One printed page: it points at no other page.
    assert!(!page.contains("(1)"), "{page}");
    for variable in [
        "NETJOURNAL_DB",
        "NETJOURNAL_LANG",
        "NETJOURNAL_NOW",
        "NO_COLOR",
        "LC_ALL, LC_MESSAGES, LANG",
        "COLUMNS",
    ] {
        assert!(page.contains(&format!("\\fB{variable}\\fR")), "{variable}");
    }
    assert!(page.contains("journal.db"), "{page}");
}

#[test]
fn man_dir_pages_point_only_at_pages_written_beside_them() {
    let env = TestEnv::new();
    let dir = env.path("man1");
    env.cmd(["man", "--dir"]).arg(&dir).run().success();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains(".SH EXTRA"), "{}", path.display());
        for (at, _) in text.match_indices("(1)") {
            let start = text[..at]
                .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\\'))
                .map_or(0, |i| i + 1);
            let name = text[start..at].replace("\\-", "-");
            assert!(
                dir.join(format!("{name}.1")).exists(),
                "{} points at {name}(1), not written",
                path.display()
            );
        }
    }
}

#[test]
fn man_dir_writes_one_page_per_command() {
    let env = TestEnv::new();
    let dir = env.path("man/man1");
    env.run(["man", "--dir"]).exit(2).stderr_contains("--dir");
    env.cmd(["man", "--dir"])
        .arg(&dir)
        .run()
        .success()
        .stdout_contains("man/man1");
    for path in command_paths() {
        if path.last().is_some_and(|word| word == "help") {
            continue;
        }
        let name = std::iter::once("netjournal".to_string())
            .chain(path)
            .collect::<Vec<_>>()
            .join("-");
        let page = std::fs::read_to_string(dir.join(format!("{name}.1")))
            .unwrap_or_else(|error| panic!("no page {name}.1: {error}"));
        assert!(page.contains(".SH NAME"), "{name}.1:\n{page}");
    }
    // The top page is the one `man` prints, with every command.
    let top = std::fs::read_to_string(dir.join("netjournal.1")).expect("netjournal.1");
    assert!(top.contains(".SH COMMANDS"), "{top}");
}

#[test]
fn man_dir_in_a_place_that_cannot_be_written_fails_with_a_hint() {
    let env = TestEnv::new();
    std::fs::write(env.path("file"), "").expect("write a file");
    env.cmd(["man", "--dir"])
        .arg(env.path("file/man1"))
        .run()
        .failure()
        .stderr_contains("cannot write the manual pages")
        .stderr_contains("hint: ");
}
