//! `rm network|meeting|contact|referral|note`: what goes and what stays, checked through
//! `list --format json`; the refusals (no terminal without `--yes`, unknown names and
//! numbers) that leave the journal byte for byte as it was; a journal whose foreign keys and
//! pages are sound afterwards; and, on a pseudo-terminal, the question answered no and yes.
//!
//! The story's journal (see `common::STORY`), by number:
//! - networks: 1 Femmes Entrepreneures 34, 2 BNI Montpellier, 3 CPME Hérault, 4 Freelances
//!   Montpellier;
//! - meetings: 1 and 2 at Femmes Entrepreneures 34 (Claire Petit), 3 a phone call at CPME
//!   Hérault, 4 a breakfast at BNI Montpellier (Paul Martin, Sophie Durand), 5 a one-to-one
//!   (Claire Petit), 6 a video at Freelances Montpellier (Marc Leroy);
//! - contacts: 1 Claire Petit, 2 Paul Martin, 3 Sophie Durand, 4 Marc Leroy, 5 Julie Bernard;
//! - referrals: 1 from Paul Martin at BNI Montpellier, 2 to Claire Petit at Femmes
//!   Entrepreneures 34, 3 from Claire Petit outside any network;
//! - notes: 1 a concern on CPME Hérault, 2 on Femmes Entrepreneures 34, 3 on meeting 4, 4 on
//!   Sophie Durand.

use std::sync::OnceLock;
use std::time::Duration;

use rexpect::process::WaitStatus;
use serde_json::Value as Json;

use crate::common::TestEnv;

/// The story's journal, built once and copied into each test's environment.
fn story() -> TestEnv {
    static JOURNAL: OnceLock<Vec<u8>> = OnceLock::new();
    let bytes = JOURNAL.get_or_init(|| {
        let env = TestEnv::with_journal();
        env.bytes().expect("the story's journal")
    });
    TestEnv::with_bytes(bytes)
}

/// The `id`s of `list WHAT --format json`, in increasing order.
#[track_caller]
fn ids(env: &TestEnv, what: &str) -> Vec<i64> {
    let mut ids: Vec<i64> = env
        .list_json(what, &[])
        .iter()
        .map(|row| row["id"].as_i64().expect("an id"))
        .collect();
    ids.sort_unstable();
    ids
}

/// The row of `list WHAT --format json` whose `id` is `id`.
#[track_caller]
fn row(env: &TestEnv, what: &str, id: i64) -> Json {
    env.list_json(what, &[])
        .into_iter()
        .find(|row| row["id"] == id)
        .unwrap_or_else(|| panic!("no {what} #{id}"))
}

/// No row points at a row that is gone, and SQLite finds the file sound.
#[track_caller]
fn assert_consistent(env: &TestEnv) {
    let conn = env.sql();
    let mut check = conn.prepare("PRAGMA foreign_key_check").unwrap();
    let dangling: Vec<String> = check
        .query_map([], |row| {
            Ok(format!(
                "{} row {:?} -> {}",
                row.get::<_, String>(0)?,
                row.get::<_, Option<i64>>(1)?,
                row.get::<_, String>(2)?
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(dangling.is_empty(), "dangling references: {dangling:#?}");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}

#[test]
fn a_network_goes_with_its_meetings_referrals_and_notes_and_its_contacts_stay() {
    let env = story();
    env.run(["rm", "network", "bni montpellier", "--yes"])
        .success()
        .stdout_is(
            "Removed network `BNI Montpellier`, 1 meeting, 1 referral, 1 note.\n\
             Kept the 2 contacts met through it, now with no network.\n",
        );
    assert_eq!(ids(&env, "networks"), [1, 3, 4]);
    assert_eq!(ids(&env, "meetings"), [1, 2, 3, 5, 6]);
    assert_eq!(ids(&env, "referrals"), [2, 3]);
    // Note 3 was on the breakfast; note 4, on Sophie Durand, stays with her.
    assert_eq!(ids(&env, "notes"), [1, 2, 4]);
    for name in ["Paul Martin", "Sophie Durand"] {
        let contact = env.row_named("contacts", name);
        assert_eq!(contact["network"], Json::Null, "{name}");
        assert_eq!(contact["meetings"], 0, "{name}");
    }
    assert_eq!(env.row_named("contacts", "Claire Petit")["meetings"], 3);
    assert_consistent(&env);
}

#[test]
fn a_network_with_its_notes_and_the_notes_on_its_meetings() {
    let env = story();
    env.run(["rm", "network", "Femmes Entrepreneures 34", "--yes"])
        .success()
        .stdout_is(
            "Removed network `Femmes Entrepreneures 34`, 2 meetings, 1 referral, 1 note.\n\
             Kept the contact met through it, now with no network.\n",
        );
    assert_eq!(ids(&env, "meetings"), [3, 4, 5, 6]);
    assert_eq!(ids(&env, "referrals"), [1, 3]);
    assert_eq!(ids(&env, "notes"), [1, 3, 4]);
    // Claire Petit stays, with the one-to-one that belonged to no network.
    let claire = env.row_named("contacts", "Claire Petit");
    assert_eq!(claire["network"], Json::Null);
    assert_eq!(claire["meetings"], 1);
    assert_consistent(&env);
}

#[test]
fn a_network_with_nothing_on_it_goes_alone() {
    let env = story();
    env.run(["add", "network", "Empty Club", "--kind", "other"])
        .success();
    env.run(["rm", "network", "empty club", "--yes"])
        .success()
        .stdout_is("Removed network `Empty Club`.\n");
    assert_eq!(ids(&env, "networks"), [1, 2, 3, 4]);
}

#[test]
fn a_network_by_number() {
    let env = story();
    env.run(["rm", "network", "#3", "--yes"])
        .success()
        .stdout_is("Removed network `CPME Hérault`, 1 meeting, 1 note.\n");
    env.run(["rm", "network", "2", "--yes"])
        .success()
        .stdout_contains("Removed network `BNI Montpellier`");
    assert_eq!(ids(&env, "networks"), [1, 4]);
    assert_consistent(&env);
}

#[test]
fn a_hash_is_a_number_a_bare_number_is_a_name_first() {
    let env = story();
    env.run(["add", "network", "1", "--kind", "other"])
        .success();
    env.run(["rm", "network", "#1", "--yes"])
        .success()
        .stdout_contains("Removed network `Femmes Entrepreneures 34`");
    env.run(["rm", "network", "1", "--yes"])
        .success()
        .stdout_is("Removed network `1`.\n");
    assert_eq!(ids(&env, "networks"), [2, 3, 4]);
}

#[test]
fn a_contact_goes_with_the_notes_on_them_and_their_meetings_and_referrals_stay() {
    let env = story();
    env.run(["rm", "contact", "claire petit", "--yes"])
        .success()
        .stdout_is(
            "Removed contact `Claire Petit`.\n\
             Kept 3 meetings and 2 referrals with them.\n",
        );
    assert!(
        !env.list_json("contacts", &[])
            .iter()
            .any(|c| c["name"] == "Claire Petit")
    );
    assert_eq!(ids(&env, "meetings"), [1, 2, 3, 4, 5, 6]);
    for id in [1, 2, 5] {
        assert_eq!(row(&env, "meetings", id)["contacts"], serde_json::json!([]));
    }
    // The business happened: the referrals stay, with no contact.
    assert_eq!(ids(&env, "referrals"), [1, 2, 3]);
    for id in [2, 3] {
        assert_eq!(row(&env, "referrals", id)["contact"], Json::Null);
    }
    assert_eq!(row(&env, "referrals", 3)["value_cents"], 320_000);
    assert_consistent(&env);
}

#[test]
fn a_contact_by_number_with_a_note() {
    let env = story();
    env.run(["rm", "contact", "3", "--yes"])
        .success()
        .stdout_is(
            "Removed contact `Sophie Durand`, 1 note.\n\
             Kept 1 meeting with them.\n",
        );
    assert_eq!(ids(&env, "notes"), [1, 2, 3]);
    assert_eq!(
        row(&env, "meetings", 4)["contacts"],
        serde_json::json!(["Paul Martin"])
    );
    assert_consistent(&env);
}

#[test]
fn a_meeting_goes_with_its_notes_and_the_people_met_stay() {
    let env = story();
    env.run(["rm", "meeting", "#4", "--yes"])
        .success()
        .stdout_is("Removed meeting #4, 1 note.\n");
    assert_eq!(ids(&env, "meetings"), [1, 2, 3, 5, 6]);
    assert_eq!(ids(&env, "notes"), [1, 2, 4]);
    for name in ["Paul Martin", "Sophie Durand"] {
        let contact = env.row_named("contacts", name);
        assert_eq!(contact["meetings"], 0, "{name}");
        assert_eq!(contact["network"], "BNI Montpellier", "{name}");
    }
    assert_eq!(ids(&env, "referrals"), [1, 2, 3]);
    assert_consistent(&env);
}

#[test]
fn a_referral_goes_alone() {
    let env = story();
    env.run(["rm", "referral", "3", "--yes"])
        .success()
        .stdout_is("Removed referral #3.\n");
    assert_eq!(ids(&env, "referrals"), [1, 2]);
    assert_eq!(env.row_named("contacts", "Claire Petit")["meetings"], 3);
    assert_consistent(&env);
}

#[test]
fn a_note_or_a_concern_goes_alone() {
    let env = story();
    env.run(["rm", "note", "1", "--yes"])
        .success()
        .stdout_is("Removed serious concern #1.\n");
    env.run(["rm", "note", "3", "--yes"])
        .success()
        .stdout_is("Removed note #3.\n");
    assert_eq!(ids(&env, "notes"), [2, 4]);
    assert_eq!(ids(&env, "meetings"), [1, 2, 3, 4, 5, 6]);
    assert_consistent(&env);
}

#[test]
fn every_noun_removed_in_turn_leaves_a_sound_journal() {
    let env = story();
    for args in [
        ["rm", "note", "2"],
        ["rm", "referral", "1"],
        ["rm", "meeting", "1"],
        ["rm", "contact", "Paul Martin"],
        ["rm", "network", "Freelances Montpellier"],
        ["rm", "network", "BNI Montpellier"],
        ["rm", "contact", "Marc Leroy"],
        ["rm", "network", "Femmes Entrepreneures 34"],
        ["rm", "network", "CPME Hérault"],
    ] {
        env.cmd(args).arg("--yes").run().success();
        assert_consistent(&env);
    }
    assert!(env.list_json("networks", &[]).is_empty());
    assert_eq!(ids(&env, "meetings"), [5]);
    assert_eq!(ids(&env, "referrals"), [3]);
    assert_eq!(ids(&env, "notes"), [4]);
}

#[test]
fn without_a_terminal_and_without_yes_nothing_is_removed() {
    let env = story();
    for args in [
        vec!["rm", "network", "BNI Montpellier"],
        vec!["rm", "contact", "Claire Petit"],
        vec!["rm", "meeting", "4"],
        vec!["rm", "referral", "3"],
        vec!["rm", "note", "1"],
        vec!["rm", "network", "BNI Montpellier", "--no-input"],
    ] {
        env.rejects(args, "not confirmed: Remove ")
            .stderr_contains("hint: ")
            .stderr_contains("`--yes`");
    }
}

#[test]
fn the_refusal_says_what_would_have_gone() {
    let env = story();
    env.rejects(["rm", "network", "BNI Montpellier"], "")
        .stderr_is(
            "error: not confirmed: Remove network `BNI Montpellier`, with 1 meeting, 1 referral \
             and 1 note (the 2 contacts met through it stay)?\n\
             hint: nothing is asked without a terminal or with `--no-input`: add `--yes` to \
             confirm\n",
        );
    env.rejects(["rm", "contact", "Claire Petit"], "")
        .stderr_contains(
            "Remove contact `Claire Petit` (3 meetings and 2 referrals with them stay)?",
        );
    env.rejects(["rm", "meeting", "4"], "").stderr_contains(
        "Remove meeting #4: breakfast at BNI Montpellier on 2024-02-06, with 1 note (the 2 \
         contacts met there stay)?",
    );
    env.rejects(["rm", "referral", "1"], "")
        .stderr_contains("Remove referral #1: received from Paul Martin, lost, on 2024-02-20?");
    env.rejects(["rm", "note", "1"], "").stderr_contains(
        "Remove serious concern #1 of 2024-02-10: “My name on a press release I never agreed to”?",
    );
}

#[test]
fn unknown_names_and_numbers_are_refused_with_a_suggestion() {
    let env = story();
    env.rejects(
        ["rm", "network", "BNI Montpelier", "--yes"],
        "no network named `BNI Montpelier`",
    )
    .stderr_contains("hint: did you mean `BNI Montpellier`?");
    env.rejects(
        ["rm", "network", "9", "--yes"],
        "no network named `9` and no network #9",
    )
    .stderr_contains("`netjournal list networks`");
    env.rejects(
        ["rm", "contact", "Sophie Durant", "--yes"],
        "no contact named `Sophie Durant`",
    )
    .stderr_is("error: no contact named `Sophie Durant`\nhint: did you mean `Sophie Durand`?\n");
    env.rejects(["rm", "contact", "#42", "--yes"], "no contact #42")
        .stderr_contains("`netjournal list contacts`");
    for (noun, list) in [
        ("meeting", "meetings"),
        ("referral", "referrals"),
        ("note", "notes"),
    ] {
        env.rejects(["rm", noun, "99", "--yes"], &format!("no {noun} #99"))
            .stderr_contains(&format!("`netjournal list {list}`"));
    }
    env.rejects(["rm", "meeting", "four", "--yes"], "four");
    env.rejects(["rm", "network", "--yes"], "NAME");
}

#[test]
fn removing_from_a_journal_not_yet_created_creates_nothing() {
    let env = TestEnv::new();
    env.rejects(
        ["rm", "network", "BNI Montpellier", "--yes"],
        "no network named",
    )
    .stderr_contains("netjournal add network");
    env.rejects(["rm", "meeting", "1", "--yes"], "no meeting #1");
    assert!(!env.db().exists());
}

#[test]
fn the_help_tells_what_goes_and_that_no_is_not_an_error() {
    let env = TestEnv::new();
    // The help is wrapped to the terminal's width: compare it on one line.
    let help = |args: &[&str]| {
        env.ok(args)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let network = help(&["rm", "network", "--help"]);
    for said in [
        "its meetings",
        "its referrals",
        "What stays: the people met through it",
        "netjournal leave network",
        "Answering no removes nothing and is not an error (exit 0)",
        "exit 2",
    ] {
        assert!(network.contains(said), "{said:?} not in:\n{network}");
    }
    let contact = help(&["rm", "contact", "--help"]);
    assert!(
        contact.contains("the referrals from or to them, with no contact"),
        "{contact}"
    );
    let rm = help(&["rm", "--help"]);
    assert!(rm.contains("is not an error (exit 0)"), "{rm}");
}

/// `rm network "BNI Montpellier"` started on a pseudo-terminal, once it asks its question:
/// the session, and what the terminal showed so far.
fn asked_on_a_terminal(env: &TestEnv) -> (rexpect::session::PtySession, String) {
    let mut command = env.spawnable(["rm", "network", "BNI Montpellier"]);
    // The terminal is stdin, stdout and stderr: no pipes.
    command
        .stdin(std::process::Stdio::inherit())
        .stdout(std::process::Stdio::inherit())
        .stderr(std::process::Stdio::inherit());
    let timeout = Duration::from_secs(10).as_millis() as u64;
    let mut session = rexpect::session::spawn_command(command, Some(timeout)).expect("spawn");
    let asked = session
        .exp_string("Remove network `BNI Montpellier`, with 1 meeting")
        .expect("the question");
    (session, asked)
}

/// `rm network "BNI Montpellier"` on a pseudo-terminal, the question answered with `keys`
/// (an answer is a line: Enter ends it); returns everything the terminal showed, and checks
/// the exit code is 0.
fn answer_on_a_terminal(env: &TestEnv, keys: &str) -> String {
    let (mut session, asked) = asked_on_a_terminal(env);
    session.send(keys).expect("answer");
    session.flush().expect("answer");
    let rest = session.exp_eof().expect("the end");
    let status = session.process().wait().expect("the exit status");
    assert!(
        matches!(status, WaitStatus::Exited(_, 0)),
        "exit {status:?}\n{asked}{rest}"
    );
    format!("{asked}{rest}")
}

#[test]
fn on_a_terminal_answered_no_nothing_is_removed() {
    let env = story();
    let bytes = env.bytes();
    let dump = env.dump();
    let shown = answer_on_a_terminal(&env, "n\r");
    assert!(shown.contains("Nothing removed."), "{shown}");
    assert!(!shown.contains("Removed"), "{shown}");
    assert_eq!(env.bytes(), bytes, "the journal changed");
    assert_eq!(env.dump(), dump, "the journal's rows changed");
}

#[test]
fn on_a_terminal_enter_or_escape_answers_no() {
    for key in ["\r", "\x1b"] {
        let env = story();
        let dump = env.dump();
        let shown = answer_on_a_terminal(&env, key);
        assert!(shown.contains("Nothing removed."), "{key:?}: {shown}");
        assert_eq!(env.dump(), dump, "{key:?}: the journal's rows changed");
    }
}

#[test]
fn on_a_terminal_answered_yes_it_is_removed() {
    let env = story();
    let shown = answer_on_a_terminal(&env, "y\r");
    assert!(
        shown.contains("Removed network `BNI Montpellier`, 1 meeting, 1 referral, 1 note."),
        "{shown}"
    );
    assert_eq!(ids(&env, "networks"), [1, 3, 4]);
    assert_eq!(ids(&env, "meetings"), [1, 2, 3, 5, 6]);
    assert_consistent(&env);
}

#[test]
fn ctrl_c_at_the_question_removes_nothing_and_shows_the_cursor_again() {
    let env = story();
    let dump = env.dump();
    let (mut session, asked) = asked_on_a_terminal(&env);
    session.send_control('c').expect("press Ctrl-C");
    let rest = session.exp_eof().expect("the end");
    let status = session.process().wait().expect("the exit status");
    let shown = format!("{asked}{rest}");
    assert!(
        matches!(status, WaitStatus::Exited(_, 2)),
        "exit {status:?}\n{shown}"
    );
    assert!(
        shown.contains("error: interrupted: nothing was changed"),
        "{shown:?}"
    );
    assert!(!shown.contains("panicked"), "{shown:?}");
    // The cursor is visible while an answer is typed, and never left hidden.
    let hidden = shown.rfind("\u{1b}[?25l");
    let visible = shown.rfind("\u{1b}[?25h");
    assert!(visible >= hidden, "the cursor was left hidden: {shown:?}");
    assert_eq!(env.dump(), dump, "the journal's rows changed");
}

#[test]
fn on_a_terminal_an_answer_is_a_word_then_enter_in_either_language() {
    // `oui⏎` used to remove on the `o` and leave `ui⏎` to the shell (issue 14).
    for keys in ["oui\r", "OUI\r", "yes\r", "o\r", "Y\r"] {
        let env = story();
        let shown = answer_on_a_terminal(&env, keys);
        assert!(
            shown.contains("Removed network `BNI Montpellier`"),
            "{keys:?}: {shown}"
        );
        assert_eq!(ids(&env, "networks"), [1, 3, 4], "{keys:?}");
    }
    for keys in ["non\r", "No\r", "n\r"] {
        let env = story();
        let dump = env.dump();
        let shown = answer_on_a_terminal(&env, keys);
        assert!(shown.contains("Nothing removed."), "{keys:?}: {shown}");
        assert_eq!(env.dump(), dump, "{keys:?}: the journal's rows changed");
    }
}

#[test]
fn on_a_terminal_anything_else_is_asked_again() {
    let env = story();
    let dump = env.dump();
    // A key alone does nothing until Enter; `ui` is no answer and is asked again; then no.
    let shown = answer_on_a_terminal(&env, "ui\rnon\r");
    assert!(
        shown.contains("`ui` is not an answer: type y or yes, n or no (o/oui, n/non), then Enter"),
        "{shown}"
    );
    assert!(shown.contains("Nothing removed."), "{shown}");
    assert_eq!(env.dump(), dump, "the journal's rows changed");
    let shown = answer_on_a_terminal(&env, "maybe\ry\r");
    assert!(shown.contains("`maybe` is not an answer"), "{shown}");
    assert!(
        shown.contains("Removed network `BNI Montpellier`"),
        "{shown}"
    );
}
