//! Colour: verdicts and statuses coloured on a terminal only, never with `NO_COLOR`, never when
//! piped unless `--color always`, never with `--color never`.

use crate::common::TestEnv;

const ESC: &str = "\u{1b}[";

#[test]
fn piped_output_is_plain_by_default() {
    let env = TestEnv::with_journal();
    for args in [
        &["list", "networks"][..],
        &["list", "referrals"],
        &["report"],
        &["show", "network", "BNI Montpellier"],
    ] {
        let out = env.ok(args.iter().copied());
        assert!(
            !out.contains(ESC),
            "{args:?} printed colour when piped:\n{out}"
        );
    }
}

#[test]
fn color_always_colours_statuses_and_verdicts() {
    let env = TestEnv::with_journal();
    let networks = env.ok(["--color", "always", "list", "networks"]);
    assert!(
        networks.contains(&format!("{ESC}38;5;10m active")),
        "{networks}"
    );
    assert!(
        networks.contains(&format!("{ESC}38;5;8m left")),
        "{networks}"
    );
    let report = env.ok(["report", "--color", "always"]);
    assert!(report.contains(ESC), "{report}");
    // The verdict lines below the table are coloured too.
    assert!(
        report.contains(&format!("{ESC}1m{ESC}90mLEFT{ESC}0m")),
        "{report}"
    );
}

#[test]
fn color_never_and_no_color_win() {
    let env = TestEnv::with_journal();
    let out = env.ok(["--color", "never", "list", "networks"]);
    assert!(!out.contains(ESC), "{out}");
    let run = env.cmd(["list", "networks"]).env("NO_COLOR", "1").run();
    run.success();
    assert!(!run.stdout().contains(ESC), "{}", run.stdout());
}

#[test]
fn reports_written_to_a_file_and_other_formats_are_never_coloured() {
    let env = TestEnv::with_journal();
    for format in ["json", "md"] {
        let out = env.ok(["--color", "always", "report", "--format", format]);
        assert!(!out.contains(ESC), "{format}: {out}");
    }
    let file = env.path("report.txt");
    env.run([
        "--color",
        "always",
        "report",
        "--output",
        file.to_str().unwrap(),
    ])
    .exit(0);
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(!written.contains(ESC), "{written}");
}

#[test]
fn a_bad_color_choice_is_refused() {
    let env = TestEnv::new();
    let run = env.run(["--color", "sometimes", "list", "networks"]);
    run.bad_input().stderr_contains("sometimes");
}

/// `rm network "BNI Montpellier"` on a colour terminal (`xterm-256color`), with `options`
/// before it and `vars` in its environment, answered no: what the terminal showed.
fn question_on_a_terminal(env: &TestEnv, options: &[&str], vars: &[(&str, &str)]) -> String {
    use std::process::Stdio;
    let mut args: Vec<&str> = options.to_vec();
    args.extend(["rm", "network", "BNI Montpellier"]);
    let mut command = env.spawnable(args);
    command
        .stdin(Stdio::inherit())
        .stdout(Stdio::inherit())
        .stderr(Stdio::inherit())
        .env("TERM", "xterm-256color");
    for (name, value) in vars {
        command.env(name, value);
    }
    let mut session = rexpect::session::spawn_command(command, Some(10_000)).expect("spawn");
    let asked = session
        .exp_string("Remove network `BNI Montpellier`")
        .expect("the question");
    session.send("n\r").expect("answer");
    session.flush().expect("answer");
    let rest = session.exp_eof().expect("the end");
    format!("{asked}{rest}")
}

#[test]
fn questions_follow_color_and_no_color_too() {
    let env = TestEnv::with_journal();
    // A colour terminal colours the question (dialoguer's theme)…
    let coloured = question_on_a_terminal(&env, &[], &[]);
    assert!(coloured.contains(&format!("{ESC}33m")), "{coloured:?}");
    // …unless told not to, either way.
    for (options, vars) in [
        (&["--color", "never"][..], &[][..]),
        (&[], &[("NO_COLOR", "1")]),
    ] {
        let plain = question_on_a_terminal(&env, options, vars);
        assert!(plain.contains("Nothing removed."), "{plain:?}");
        let sgr = plain.match_indices(ESC).any(|(at, _)| {
            plain[at + 2..]
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == ';')
                .starts_with('m')
        });
        assert!(
            !sgr,
            "{options:?} {vars:?} coloured the question: {plain:?}"
        );
    }
}
