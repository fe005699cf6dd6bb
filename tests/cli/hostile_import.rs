//! A JSON import takes nothing the commands would refuse (issue 15): e-mails and LinkedIn
//! profiles checked as `add contact` checks them, names without control, bidirectional or only
//! invisible characters, texts without a lone carriage return, and amounts whose totals a report
//! can add. Each refusal is bad input (exit 2) naming the record and the field, and the journal
//! is left as it was.

use std::fs;

use serde_json::{Value as Json, json};

use crate::common::TestEnv;

/// The story's journal exported, changed by `mend`, and written as `name`; returns its path.
fn mended(source: &TestEnv, name: &str, mend: impl FnOnce(&mut Json)) -> String {
    let mut document = source.run(["export"]).success().json();
    mend(&mut document);
    let path = source.path(name);
    fs::write(&path, serde_json::to_string_pretty(&document).unwrap()).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn fields_the_commands_refuse_are_refused_with_their_record_and_field_named() {
    let source = TestEnv::with_journal();
    let env = TestEnv::new();
    env.ok(["add", "network", "Ateliers", "--kind", "local"]);
    type Mend = Box<dyn FnOnce(&mut Json)>;
    let cases: Vec<(&str, Mend, &str)> = vec![
        (
            "email.json",
            Box::new(|d| d["contacts"][0]["email"] = json!("a@example.com\nBcc: all@example.com")),
            "contacts[0] (uuid ",
        ),
        (
            "linkedin.json",
            Box::new(|d| d["contacts"][1]["linkedin"] = json!("javascript:alert(1)")),
            "linkedin: `javascript:alert(1)` is not a LinkedIn profile",
        ),
        (
            "zero-width.json",
            Box::new(|d| d["contacts"][2]["name"] = json!("\u{200B}\u{200B}")),
            "has no visible character",
        ),
        (
            "bidi.json",
            Box::new(|d| d["networks"][0]["name"] = json!("Club \u{202E}evil")),
            "reverses the text's direction",
        ),
        (
            "escape.json",
            Box::new(|d| d["contacts"][0]["name"] = json!("Paul\u{1b}[2J")),
            "contains a control character",
        ),
        (
            "carriage-return.json",
            Box::new(|d| d["notes"][0]["text"] = json!("paid\rFREE")),
            "text: \"paid\\rFREE\" contains a control character",
        ),
        (
            "reason.json",
            Box::new(|d| d["networks"][0]["exit_reason"] = json!("left\u{7}")),
            "exit_reason: ",
        ),
    ];
    for (name, mend, says) in cases {
        let path = mended(&source, name, mend);
        env.rejects(["import", &path], says);
    }
    let email = mended(&source, "email2.json", |d| {
        d["contacts"][0]["email"] = json!("a@example.com\nBcc: all@example.com")
    });
    env.rejects(
        ["import", &email],
        "email: `a@example.com\\nBcc: all@example.com` is not an e-mail address",
    );
    // French too.
    let linkedin = mended(&source, "linkedin2.json", |d| {
        d["contacts"][1]["linkedin"] = json!("javascript:alert(1)")
    });
    env.rejects(
        ["--lang", "fr", "import", &linkedin],
        "n'est pas un profil LinkedIn",
    );
}

#[test]
fn a_windows_line_break_in_a_note_is_taken_as_a_line_break() {
    let source = TestEnv::with_journal();
    let path = mended(&source, "crlf.json", |d| {
        d["notes"][0]["text"] = json!("line one\r\nline two")
    });
    let env = TestEnv::new();
    env.ok(["import", &path]);
    let notes = env.list_json("notes", &[]);
    assert!(
        notes.iter().any(|n| n["text"] == "line one\nline two"),
        "{notes:?}"
    );
}

#[test]
fn amounts_whose_totals_a_report_could_not_add_are_refused() {
    // 93 000 meetings at the largest cost once made the report print "Spent
    // -€91,467,440,737,095,516.16": totals are capped at the largest amount, 1 000 000 000 000.
    let source = TestEnv::with_journal();
    let env = TestEnv::new();
    env.ok(["add", "network", "Ateliers", "--kind", "local"]);
    let costs = mended(&source, "costs.json", |d| {
        d["meetings"][0]["cost_cents"] = json!(60_000_000_000_000_i64);
        d["meetings"][1]["cost_cents"] = json!(60_000_000_000_000_i64);
    });
    env.rejects(
        ["import", &costs],
        "meetings[1] (uuid ",
    )
    .stderr_contains("cost_cents: the journal's amounts of this kind would add up to more than 1 000 000 000 000");
    let values = mended(&source, "values.json", |d| {
        d["referrals"][1]["status"] = json!("won");
        d["referrals"][1]["value_cents"] = json!(1);
        d["referrals"][2]["value_cents"] = json!(100_000_000_000_000_i64);
    });
    env.rejects(["import", &values], "referrals[2] (uuid ");

    // The journal's own amounts count: one that holds the largest cost takes no more.
    env.ok([
        "log",
        "meeting",
        "--format",
        "lunch",
        "--cost",
        "1000000000000",
    ]);
    let cheap = mended(&source, "cheap.json", |_| {});
    env.rejects(
        ["import", &cheap],
        "meetings: cost_cents: the journal's amounts",
    );
}
