//! `forget contact NAME`: the person, the notes on them and their place at meetings go, the
//! meetings and referrals stay; and no byte of what was erased is left in the journal's files
//! (the file, its write-ahead log, its shared memory), searched raw. Free text elsewhere that
//! names them is listed, and rewritten only with `--redact`.

use std::fs;

use crate::common::{TestEnv, sidecar};

/// The story's journal, plus a person with a distinctive name: a contact with their own
/// details, met at two meetings, with two notes on them and a referral from them.
fn journal() -> TestEnv {
    let env = TestEnv::with_journal();
    env.replay(
        r#"
        add contact "Zoé Quintal" --profession "brand designer" --company "Atelier Quintal" --email zoe.quintal@example.com --network "BNI Montpellier" --notes "met her at the door"
        log meeting --network "BNI Montpellier" --date 2024-02-13 --format breakfast --met "Zoé Quintal" --met "Paul Martin"
        log meeting --date 2024-03-12 --format lunch --met "zoé quintal"
        note "knows every printer in town" --contact "Zoé Quintal"
        note "asked for a lawyer's name" --contact "zoé quintal" --concern
        log referral --received --contact "Zoé Quintal" --date 2024-03-20 --status won --value 900 --notes "a logo" --force
        "#,
    );
    env
}

/// Every file SQLite keeps for the journal, read raw and joined.
fn raw_files(env: &TestEnv) -> Vec<u8> {
    let mut bytes = fs::read(env.db()).expect("the journal");
    for suffix in ["-wal", "-shm", "-journal"] {
        if let Ok(more) = fs::read(sidecar(env.db(), suffix)) {
            bytes.extend(more);
        }
    }
    bytes
}

/// How many times `needle` occurs in the journal's files, byte for byte.
fn occurrences(env: &TestEnv, needle: &str) -> usize {
    let bytes = raw_files(env);
    let needle = needle.as_bytes();
    bytes.windows(needle.len()).filter(|w| *w == needle).count()
}

/// What was erased must not be found, in any case.
const ERASED: &[&str] = &[
    "Quintal",
    "quintal",
    "QUINTAL",
    "brand designer",
    "met her at the door",
    "every printer in town",
    "a lawyer's name",
];

#[test]
fn a_forgotten_person_leaves_no_byte_in_the_journals_files() {
    let env = journal();
    for text in ERASED.iter().filter(|t| **t != "QUINTAL") {
        assert!(
            occurrences(&env, text) > 0,
            "{text:?} is not in the journal to begin with"
        );
    }
    let meetings_before = env.list_json("meetings", &[]).len();

    env.run(["forget", "contact", "zoé QUINTAL", "--yes"])
        .success()
        .stdout_is(
            "Forgot `Zoé Quintal`: erased them, the 2 notes on them and their place at 2 \
             meetings.\n\
             Kept 1 referral, now with no contact.\n\
             The journal's file was rewritten: none of the erased text remains in it.\n",
        );

    for text in ERASED {
        assert_eq!(
            occurrences(&env, text),
            0,
            "{text:?} is still in the journal's files"
        );
    }
    // What belongs to the meetings and the referral stays.
    assert_eq!(env.list_json("meetings", &[]).len(), meetings_before);
    let breakfast = env
        .list_json("meetings", &[])
        .into_iter()
        .find(|m| m["date"] == "2024-02-13")
        .expect("the breakfast");
    assert_eq!(breakfast["contacts"], serde_json::json!(["Paul Martin"]));
    let referral = env
        .list_json("referrals", &[])
        .into_iter()
        .find(|r| r["date"] == "2024-03-20")
        .expect("the referral");
    assert_eq!(referral["contact"], serde_json::Value::Null);
    assert_eq!(referral["value_cents"], 90_000);
    assert_eq!(referral["description"], "a logo");
    assert_eq!(env.list_json("notes", &[]).len(), 4);
    assert_eq!(env.list_json("contacts", &[]).len(), 5);
    // The file is sound, and carries on as a journal.
    let conn = env.sql();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let free: i64 = conn
        .query_row("PRAGMA freelist_count", [], |r| r.get(0))
        .unwrap();
    assert_eq!(free, 0, "free pages left in the file");
    drop(conn);
    env.run(["log", "meeting", "--format", "phone"]).success();
}

#[test]
fn mentions_elsewhere_are_listed_and_redacted_only_when_asked() {
    let setup = r#"
        log meeting --date 2024-04-02 --format one-to-one --notes "coffee with Zoé Quintal about her rebrand"
        note "ask ZOÉ QUINTAL for the printer's name" --network "Freelances Montpellier"
        edit network "Freelances Montpellier" --invited-by "Zoé Quintal"
    "#;
    let env = journal();
    env.replay(setup);
    let run = env.run(["forget", "contact", "Zoé Quintal", "--yes"]);
    run.success()
        .stdout_contains("Their name is still written in (not rewritten without --redact):")
        .stdout_contains("  network #4 (invited by)\n")
        .stdout_contains("  meeting #9 (notes)\n")
        .stdout_contains("  note #7\n");
    // The contact's own text is gone; the user's own writing is as it was.
    assert_eq!(occurrences(&env, "every printer in town"), 0);
    assert_eq!(occurrences(&env, "coffee with Zoé Quintal"), 1);
    assert_eq!(occurrences(&env, "Atelier Quintal"), 0);

    let env = journal();
    env.replay(setup);
    env.run(["forget", "contact", "Zoé Quintal", "--redact", "--yes"])
        .success()
        .stdout_contains("Replaced their name with `[forgotten]` in:");
    for text in ERASED {
        assert_eq!(
            occurrences(&env, text),
            0,
            "{text:?} is still in the journal's files"
        );
    }
    let meeting = env
        .list_json("meetings", &[])
        .into_iter()
        .find(|m| m["date"] == "2024-04-02")
        .unwrap();
    assert_eq!(
        meeting["notes"],
        "coffee with [forgotten] about her rebrand"
    );
    let network = env.row_named("networks", "Freelances Montpellier");
    assert_eq!(network["invited_by"], "[forgotten]");
}

#[test]
fn nothing_is_erased_unconfirmed_or_unknown() {
    let env = journal();
    env.rejects(
        ["forget", "contact", "Zoé Quintal"],
        "not confirmed: Forget `Zoé Quintal`: erase them, the 2 notes on them and their place \
         at 2 meetings (1 referral with them stays, with no contact)?",
    )
    .stderr_contains("--yes");
    env.rejects(
        ["forget", "contact", "Zoe Quintl", "--yes"],
        "no contact named `Zoe Quintl`",
    )
    .stderr_contains("did you mean `Zoé Quintal`?");
    env.rejects(["forget", "contact", "#99", "--yes"], "no contact #99");
    env.rejects(["forget", "contact", "--yes"], "missing NAME");
    assert!(occurrences(&env, "every printer in town") > 0);
}
