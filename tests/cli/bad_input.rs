//! Every class of bad input: exit 2, a message that names the bad value (or the missing
//! option) and what is expected, no panic or SQL text, and a journal left exactly as it was —
//! the same bytes and the same rows (see `TestEnv::rejects`). Commands are written as typed
//! in a shell (see `common::split`), and run on the journal of `common::STORY`.

use crate::common::{TestEnv, split};

/// `(the command as typed, what stderr must name)`.
type Case = (&'static str, &'static str);

#[track_caller]
fn check(cases: &[Case]) {
    let env = TestEnv::with_journal();
    for (line, named) in cases {
        env.rejects(split(line), named);
    }
}

#[test]
fn impossible_or_unreadable_dates() {
    check(&[
        (
            "log meeting --format lunch --date 2024-02-30",
            "`2024-02-30` is not a day of the calendar",
        ),
        (
            "add network X --kind local --joined 31/04/2024",
            "`31/04/2024` is not a day of the calendar",
        ),
        ("list meetings --since 2024-13", "`2024-13`"),
        (
            r#"leave network "Freelances Montpellier" --date 2023-02-29 --reason x"#,
            "`2023-02-29`",
        ),
        (
            "log referral --given --date tomorrow",
            "`tomorrow` is not a date: expected YYYY-MM-DD, YYYY-MM, DD/MM/YYYY, `today` or \
             `yesterday`",
        ),
        ("note x --date 15/03/24", "`15/03/24`"),
        (
            "list referrals --since 2024-07 --until 2024-06",
            "--since 2024-07-01 is after --until 2024-06-30",
        ),
    ]);
}

#[test]
fn an_unknown_network_is_named_with_the_closest_one_by_every_command() {
    let env = TestEnv::with_journal();
    for line in [
        r#"log meeting --format lunch --network "BNI Montpelier""#,
        r#"log referral --given --network "BNI Montpelier""#,
        r#"add contact X --network "BNI Montpelier""#,
        r#"note x --network "BNI Montpelier""#,
        r#"leave network "BNI Montpelier" --reason x"#,
        r#"list meetings --network "BNI Montpelier""#,
        r#"show network "BNI Montpelier""#,
    ] {
        env.rejects(split(line), "no network named `BNI Montpelier`")
            .stderr_is(
                "error: no network named `BNI Montpelier`\n\
                 hint: did you mean `BNI Montpellier`?\n",
            );
    }
    env.rejects(split("log meeting --format lunch --network cpme"), "`cpme`")
        .stderr_contains("hint: did you mean `CPME Hérault`?");
}

#[test]
fn an_unknown_contact_is_named_with_the_closest_one() {
    let env = TestEnv::with_journal();
    for line in [
        r#"log referral --received --contact "Claire Pettit""#,
        r#"note x --contact "Claire Pettit""#,
    ] {
        env.rejects(split(line), "error: no contact named `Claire Pettit`\n")
            .stderr_contains("hint: did you mean `Claire Petit`?\n");
    }
}

#[test]
fn unknown_words_of_the_fixed_vocabularies() {
    check(&[
        ("add network X --kind cult", "'cult'"),
        (
            "add network X --kind local --fee 5 --fee-period weekly",
            "'weekly'",
        ),
        ("log meeting --format brunch", "'brunch'"),
        ("log referral --given --status maybe", "'maybe'"),
        ("list projects", "'projects'"),
        ("list networks --format xml", "'xml'"),
        (r#"show network "BNI Montpellier" --format html"#, "'html'"),
        ("--lang de list networks", "'de'"),
    ]);
    // The message lists what is expected.
    let env = TestEnv::with_journal();
    env.rejects(split("add network X --kind cult"), "cult")
        .stderr_contains("gender-based, co-optation, political, professional, alumni");
}

#[test]
fn ratings_out_of_range() {
    check(&[
        (
            "log meeting --format lunch --rating 0",
            "`0` is not a rating: expected a whole number from 1 to 5",
        ),
        (
            "log meeting --format lunch --rating 6",
            "`6` is not a rating",
        ),
        ("log meeting --format lunch --rating five", "`five`"),
        ("log meeting --format lunch --rating 2.5", "`2.5`"),
    ]);
}

#[test]
fn unparsable_amounts_and_durations() {
    check(&[
        (
            "log meeting --format lunch --cost abc",
            "`abc` is not an amount: expected a number such as 45, 45.50, 45,50, 1 200 or 45 €",
        ),
        (
            "add network X --kind local --fee 12.3456",
            "`12.3456` has more than two decimals",
        ),
        (
            "log referral --received --value=-5",
            "`-5` cannot be negative",
        ),
        (r#"log meeting --format lunch --cost "1 20""#, "`1 20`"),
        ("log meeting --format lunch --cost 45$", "`45$`"),
        (
            "log meeting --format lunch --cost 9999999999999999",
            "`9999999999999999` is too large",
        ),
        (
            "log meeting --format lunch --minutes 1441",
            "`1441` is not a duration",
        ),
        ("log meeting --format lunch --travel far", "`far`"),
    ]);
}

#[test]
fn names_and_texts_that_are_no_names() {
    let env = TestEnv::with_journal();
    env.rejects(["add", "network", "   ", "--kind", "local"], "empty");
    env.rejects(["add", "contact", "Bell\u{7}"], "control character");
    let long = "x".repeat(201);
    env.rejects(
        ["add", "network", &long, "--kind", "local"],
        "201 characters",
    );
    env.rejects(
        ["leave", "network", "CPME Hérault", "--reason", " "],
        "empty",
    );
}

#[test]
fn duplicate_names() {
    check(&[
        (
            "add network \"bni MONTPELLIER\" --kind local",
            "a network named `BNI Montpellier` is already in the journal",
        ),
        (
            r#"add network " Freelances   Montpellier " --kind local"#,
            "a network named `Freelances Montpellier`",
        ),
        (
            r#"add contact "claire petit""#,
            "a contact named `Claire Petit` is already in the journal",
        ),
    ]);
}

#[test]
fn missing_required_options_without_a_terminal() {
    let env = TestEnv::with_journal();
    for (line, named) in [
        ("add network X", "missing --kind"),
        ("add network --kind local", "missing NAME"),
        ("add contact --profession x", "missing NAME"),
        (r#"log meeting --met "Someone New""#, "missing --format"),
        (
            r#"log referral --contact "Claire Petit""#,
            "missing --received or --given",
        ),
        ("note --concern", "missing TEXT"),
        (
            r#"leave network "Freelances Montpellier""#,
            "missing --reason",
        ),
        ("leave network --reason x", "missing NAME"),
        ("show network", "missing NAME"),
    ] {
        // Stdin is a pipe, not a terminal: nothing is asked.
        env.rejects(split(line), named)
            .stderr_contains(": expected ")
            .stderr_contains("on the command line");
        // The same with --no-input, before or after the command.
        env.rejects(split(&format!("--no-input {line}")), named);
        env.rejects(split(&format!("{line} --no-input")), named);
    }
    env.rejects(split("add network X"), "--kind")
        .stderr_contains(
            "gender-based, co-optation, political, professional, alumni, online, local or other",
        );
    env.rejects(split("log meeting"), "--format")
        .stderr_contains(
            "breakfast, lunch, dinner, evening, event, one-to-one, phone, video or email",
        );
}

#[test]
fn usage_errors() {
    check(&[
        ("add network X --kind local --colour red", "--colour"),
        ("remove network X", "remove"),
        (
            "add network X --kind local --fee-period month",
            "--fee <AMOUNT>",
        ),
        ("note x --meeting #0", "`#0` is not a row number"),
        ("note x --meeting 99", "no meeting #99"),
        (
            r#"note x --network "CPME Hérault" --contact "Paul Martin""#,
            "cannot be used with",
        ),
        ("log referral --received --given", "cannot be used with"),
    ]);
}
