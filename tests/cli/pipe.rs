//! A reader that has gone before netjournal writes (`netjournal … | true`): the command does
//! its work and ends quietly, with exit 0, as `git` or `ripgrep` do; never a panic.

use std::io::Read;
use std::process::Stdio;

use crate::common::TestEnv;

/// Runs `args` with its standard output a pipe whose reading end is already closed: exit code
/// and standard error.
fn into_a_closed_pipe(env: &TestEnv, args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let mut child = env
        .spawnable(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .expect("start netjournal");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (child.wait().unwrap().code(), stderr)
}

#[test]
fn a_reader_that_has_gone_ends_the_command_quietly_and_its_work_is_done() {
    let env = TestEnv::new();
    let commands: &[&[&str]] = &[
        &["add", "network", "BNI Montpellier", "--kind", "co-optation"],
        &["add", "contact", "Paul Martin"],
        &[
            "log",
            "meeting",
            "--network",
            "BNI Montpellier",
            "--format",
            "lunch",
            "--met",
            "Zoé",
        ],
        &["log", "referral", "--received", "--contact", "Paul Martin"],
        &["note", "knows everyone", "--contact", "Paul Martin"],
        &["edit", "meeting", "1", "--minutes", "60"],
        &["list", "meetings"],
        &["report"],
        &["export"],
        &["rm", "note", "1", "--yes"],
    ];
    for args in commands {
        let (code, stderr) = into_a_closed_pipe(&env, args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?} said: {stderr}");
    }
    // Every change was made, though nobody read that it was.
    assert_eq!(env.list_json("networks", &[]).len(), 1);
    assert_eq!(env.list_json("contacts", &[]).len(), 2);
    assert_eq!(env.list_json("meetings", &[])[0]["minutes"], 60);
    assert_eq!(env.list_json("referrals", &[]).len(), 1);
    assert!(env.list_json("notes", &[]).is_empty());
}
