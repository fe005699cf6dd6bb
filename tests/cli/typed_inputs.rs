//! What people really type (issue 14's inputs): implausible dates, start times, negative
//! amounts, French words, money in the journal's currency. Every bad input is refused with
//! exit 2 and a journal left as it was (`TestEnv::rejects`), in English and in French.

use crate::common::{TestEnv, split};

/// `(the command as typed, what stderr must name)`, each refused on the story's journal.
#[track_caller]
fn refused(env: &TestEnv, cases: &[(&str, &str)]) {
    for (line, named) in cases {
        let run = env.rejects(split(line), named);
        run.stderr_lacks("tip:").stderr_lacks("unexpected argument");
    }
}

#[test]
fn negative_amounts_are_named_never_taken_for_options() {
    let env = TestEnv::with_journal();
    refused(
        &env,
        &[
            (
                "add network X --kind local --fee -100",
                "`-100` cannot be negative: expected an amount of zero or more",
            ),
            (
                "edit network \"Freelances Montpellier\" --fee -100",
                "`-100` cannot be negative",
            ),
            (
                "log meeting --format lunch --cost -5",
                "`-5` cannot be negative",
            ),
            ("edit meeting 1 --cost -5", "`-5` cannot be negative"),
            (
                "log referral --received --status won --value -1",
                "`-1` cannot be negative",
            ),
            ("edit referral 1 --value -1", "`-1` cannot be negative"),
            (
                "log meeting --format lunch --cost \"-5,50 €\"",
                "`-5,50 €` cannot be negative",
            ),
            ("config set rate.hourly -5", "`-5` cannot be negative"),
            // Not amounts, but no more taken for options either.
            (
                "log meeting --format lunch --minutes -5",
                "`-5` is not a duration",
            ),
            ("edit meeting 1 --travel -10", "`-10` is not a duration"),
            (
                "log meeting --format lunch --rating -1",
                "`-1` is not a rating",
            ),
            (
                "--lang fr add network X --kind local --fee -100",
                "`-100` ne peut pas être négatif : attendu un montant de zéro ou plus",
            ),
            (
                "--lang fr config set rate.hourly -5",
                "`-5` ne peut pas être négatif",
            ),
        ],
    );
}

#[test]
fn dates_outside_1900_to_2100_are_refused_everywhere_a_date_is_typed() {
    let env = TestEnv::with_journal();
    refused(
        &env,
        &[
            (
                "log meeting --format lunch --date 31/12/9999",
                "`31/12/9999` is outside the years a journal keeps: expected a date from 1900 \
                 to 2100",
            ),
            ("log referral --given --date 1899-12-31", "`1899-12-31`"),
            ("add network X --kind local --joined 2101-01", "`2101-01`"),
            ("edit meeting 1 --date 0999-01-01", "`0999-01-01`"),
            ("note x --date 9999-01-01", "`9999-01-01`"),
            ("list meetings --since 31/12/9999", "`31/12/9999`"),
            (
                "--lang fr log meeting --format lunch --date 31/12/9999",
                "`31/12/9999` est hors des années que tient un journal : attendu une date de \
                 1900 à 2100",
            ),
        ],
    );
}

#[test]
fn meetings_and_referrals_after_today_or_outside_the_membership_are_refused() {
    // The story: BNI Montpellier joined on 2024-01-10 and left on 2024-02-15; today is
    // 2024-06-15.
    let env = TestEnv::with_journal();
    let bni = "--network \"BNI Montpellier\"";
    refused(
        &env,
        &[
            (
                &format!("log meeting {bni} --format breakfast --date 2024-01-09"),
                "a meeting dated 2024-01-09 is before you joined `BNI Montpellier`, on 2024-01-10",
            ),
            (
                &format!("log meeting {bni} --format breakfast --date 2024-02-16"),
                "a meeting dated 2024-02-16 is after you left `BNI Montpellier`, on 2024-02-15",
            ),
            (
                "log meeting --format lunch --date 2024-06-16",
                "a meeting dated 2024-06-16 is after today (2024-06-15)",
            ),
            (
                &format!("log referral --received {bni} --date 2024-03"),
                "a referral dated 2024-03-01 is after you left `BNI Montpellier`, on 2024-02-15",
            ),
            (
                "log referral --given --network none --date 2025-01-01",
                "a referral dated 2025-01-01 is after today (2024-06-15)",
            ),
            // Edits that move a meeting or a referral out.
            (
                "edit meeting 4 --date 2024-03-01",
                "a meeting dated 2024-03-01 is after you left",
            ),
            (
                "edit meeting 5 --network \"BNI Montpellier\"",
                "a meeting dated 2024-03-05 is after you left `BNI Montpellier`",
            ),
            (
                "edit referral 1 --date 2023-12-31",
                "a referral dated 2023-12-31 is before you",
            ),
            // French.
            (
                &format!("--lang fr log meeting {bni} --format breakfast --date 2024-01-09"),
                "une réunion datée du 9 janvier 2024 est antérieure à votre arrivée à `BNI \
                 Montpellier`, le 10 janvier 2024",
            ),
            (
                "--lang fr log referral --given --network none --date 2025-01-01",
                "une recommandation datée du 1er janvier 2025 est postérieure à aujourd'hui \
                 (15 juin 2024)",
            ),
        ],
    );
    let run = env.rejects(
        split("log meeting --format lunch --date 2024-06-16"),
        "after today",
    );
    run.stderr_contains("hint: check the date and the network, or add `--force`");
    let run = env.rejects(
        split("--lang fr log meeting --format lunch --date 2024-06-16"),
        "aujourd'hui",
    );
    run.stderr_contains("ajoutez `--force` pour l'enregistrer quand même");

    // `--force` records what the user really means.
    env.run(split(&format!(
        "log meeting {bni} --format breakfast --date 2024-01-09 --force"
    )))
    .success()
    .stdout_contains("on 2024-01-09");
    env.run(split(
        "log referral --given --network none --date 2024-07-01 --force",
    ))
    .success();
    env.run(split("edit meeting 4 --date 2024-03-01 --force"))
        .success();
    // Within the membership, and today, nothing is asked.
    env.run(split(&format!(
        "log meeting {bni} --format breakfast --date 2024-02-15"
    )))
    .success();
    env.run(split("log meeting --format lunch --date today"))
        .success();
}

#[test]
fn changing_a_membership_that_would_leave_meetings_out_is_refused() {
    let env = TestEnv::with_journal();
    // BNI Montpellier: a breakfast on 2024-02-06, a referral on 2024-02-20 (recorded after
    // leaving, by the story, before this check existed: it stays out of the refusal).
    refused(
        &env,
        &[
            (
                "edit network \"BNI Montpellier\" --joined 2024-02-10",
                "what is recorded on 2024-02-06 would fall outside your membership of `BNI \
                 Montpellier` (2024-02-10 to 2024-02-15)",
            ),
            (
                "edit network \"BNI Montpellier\" --left 2024-02-01",
                "what is recorded on 2024-02-06 would fall outside",
            ),
            (
                "leave network \"Freelances Montpellier\" --date 2024-05-01 --reason x",
                "what is recorded on 2024-05-14 would fall outside your membership of \
                 `Freelances Montpellier` (2024-04-02 to 2024-05-01)",
            ),
            (
                "--lang fr edit network \"BNI Montpellier\" --joined 2024-02-10",
                "ce qui est noté le 2024-02-06 tomberait hors de votre adhésion à `BNI \
                 Montpellier` (du 2024-02-10 au 2024-02-15)",
            ),
        ],
    );
    env.rejects(
        split("edit network \"BNI Montpellier\" --joined 2024-02-10"),
        "hint: check the dates, or add `--force` to keep them so",
    );
    env.run(split(
        "edit network \"BNI Montpellier\" --joined 2024-02-10 --force",
    ))
    .success();
    env.run(split(
        "leave network \"Freelances Montpellier\" --date 2024-05-20 --reason x",
    ))
    .success();
}

#[test]
fn a_start_time_is_stored_shown_edited_and_cleared() {
    let env = TestEnv::with_journal();
    for (at, stored) in [
        ("7:30", "07:30"),
        ("7h30", "07:30"),
        ("07:30", "07:30"),
        ("19h", "19:00"),
    ] {
        let out = env.ok(split(&format!(
            "log meeting --format breakfast --minutes 90 --at {at}"
        )));
        let id: i64 = out["Logged meeting #".len()..]
            .split(':')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let meeting = env
            .list_json("meetings", &[])
            .into_iter()
            .find(|m| m["id"] == id)
            .unwrap();
        assert_eq!(meeting["start_time"], stored, "{at}");
        assert_eq!(meeting["minutes"], 90, "{at}");
    }
    // Shown beside the day, in the list, in show network and in French.
    env.ok(split("edit meeting 4 --at 7h"));
    env.run(split("list meetings"))
        .success()
        .stdout_contains("2024-02-06 07:00");
    env.run(split("show network \"BNI Montpellier\""))
        .success()
        .stdout_contains("2024-02-06 07:00");
    env.run(split("--lang fr list meetings"))
        .success()
        .stdout_contains("2024-02-06 07:00");
    env.run(split("edit meeting 4 --at 7:30"))
        .success()
        .stdout_is("Updated meeting #4: start time 07:00 → 07:30.\n");
    env.run(split("--lang fr edit meeting 4 --clear at"))
        .success()
        .stdout_contains("heure de début 07:30 →");
    let meeting = env
        .list_json("meetings", &[])
        .into_iter()
        .find(|m| m["id"] == 4)
        .unwrap();
    assert!(meeting["start_time"].is_null(), "{meeting}");
    refused(
        &env,
        &[
            (
                "log meeting --format lunch --at 25:00",
                "`25:00` is not a time of day: expected 7:30, 07:30, 7h30, 7h or 7:30pm",
            ),
            ("edit meeting 4 --at 7h3", "`7h3` is not a time of day"),
            (
                "--lang fr log meeting --format lunch --at midi",
                "`midi` n'est pas une heure",
            ),
        ],
    );
}

#[test]
fn a_start_time_typed_as_a_duration_is_refused_with_a_hint_to_use_at() {
    let env = TestEnv::with_journal();
    refused(
        &env,
        &[
            (
                "log meeting --format breakfast --minutes 7h30",
                "450 minutes (7h30) is longer than a meeting of this kind lasts (breakfast): \
                 expected at most 300 minutes",
            ),
            (
                "log meeting --format lunch --minutes 6h",
                "360 minutes (6h) is longer than a meeting of this kind lasts (lunch)",
            ),
            (
                "log meeting --format call --minutes 301",
                "301 minutes (5h01) is longer than a meeting of this kind lasts (phone)",
            ),
            (
                "log meeting --format video --minutes 12h",
                "720 minutes (12h) is longer than a meeting of this kind lasts (video)",
            ),
            (
                "edit meeting 4 --minutes 7h30",
                "450 minutes (7h30) is longer than a meeting of this kind lasts (breakfast)",
            ),
            (
                "edit meeting 1 --format lunch --minutes 7h",
                "420 minutes (7h) is longer than a meeting of this kind lasts (lunch)",
            ),
            (
                "log meeting --format event --minutes 25h",
                "`25h` is not a duration",
            ),
            (
                "log meeting --format event --minutes 1441",
                "`1441` is not a duration",
            ),
            (
                "--lang fr log meeting --format petit-déjeuner --minutes 7h30",
                "450 minutes (7h30), c'est plus que ne dure une réunion de ce genre \
                 (petit-déjeuner) : attendu au plus 300 minutes",
            ),
        ],
    );
    env.rejects(
        split("log meeting --format breakfast --minutes 7h30"),
        "hint: to say when it started, use `--at 7h30`",
    );
    env.rejects(
        split("--lang fr log meeting --format breakfast --minutes 7h30"),
        "astuce : pour dire l'heure où elle a commencé, utilisez `--at 7h30`",
    );
    // Five hours is still a (long) lunch; an event or an evening may last longer.
    env.ok(split("log meeting --format lunch --minutes 5h"));
    env.ok(split("log meeting --format event --minutes 8h"));
    env.ok(split(
        "log meeting --format breakfast --at 7h30 --minutes 90",
    ));
}

#[test]
fn a_start_time_goes_out_and_back_in_and_an_older_export_still_imports() {
    let env = TestEnv::with_journal();
    env.ok(split("edit meeting 4 --at 7:30"));
    let exported = env.ok(["export"]);
    let document: serde_json::Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(document["format_version"], 4);
    let breakfast = document["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["date"] == "2024-02-06")
        .unwrap();
    assert_eq!(breakfast["start_time"], "07:30");
    let path = env.path("journal.json");
    std::fs::write(&path, &exported).unwrap();
    let other = TestEnv::new();
    other.ok(["import".into(), path.clone().into_os_string()]);
    let meeting = other
        .list_json("meetings", &[])
        .into_iter()
        .find(|m| m["date"] == "2024-02-06")
        .unwrap();
    assert_eq!(meeting["start_time"], "07:30");
    other
        .run(["import".into(), path.into_os_string()])
        .success()
        .stdout_contains("Nothing new in");

    // A version 2 export has no start times: it imports, and into the journal whose meeting
    // has since been given one, it is no conflict.
    let mut old = document.clone();
    old["format_version"] = serde_json::json!(2);
    for meeting in old["meetings"].as_array_mut().unwrap() {
        meeting.as_object_mut().unwrap().remove("start_time");
    }
    let old_path = env.path("old.json");
    std::fs::write(&old_path, old.to_string()).unwrap();
    let fresh = TestEnv::new();
    fresh.ok(["import".into(), old_path.clone().into_os_string()]);
    assert!(
        fresh
            .list_json("meetings", &[])
            .iter()
            .all(|m| m["start_time"].is_null())
    );
    let run = env.run(["import".into(), old_path.into_os_string()]);
    run.success().stdout_contains("Nothing new in");
    assert!(!run.stdout().contains("conflict:"), "{}", run.stdout());

    // A start time that is not one is refused, nothing imported.
    let mut bad = document;
    bad["meetings"][0]["start_time"] = serde_json::json!("7h30");
    let bad_path = env.path("bad.json");
    std::fs::write(&bad_path, bad.to_string()).unwrap();
    let fresh = TestEnv::new();
    fresh.rejects(
        ["import".into(), bad_path.into_os_string()],
        "start_time `7h30` is not a time of day: expected HH:MM",
    );
    // Nor a date outside 1900-2100.
    let mut far: serde_json::Value = serde_json::from_str(&exported).unwrap();
    far["meetings"][0]["date"] = serde_json::json!("9999-12-31");
    let far_path = env.path("far.json");
    std::fs::write(&far_path, far.to_string()).unwrap();
    TestEnv::new().rejects(
        ["import".into(), far_path.into_os_string()],
        "date `9999-12-31` is outside the years a journal keeps",
    );
}

#[test]
fn money_is_read_in_the_journal_s_currency() {
    let env = TestEnv::with_journal();
    env.ok(split("config set currency CHF"));
    for (typed, cents) in [
        ("45", 4500),
        ("CHF 45", 4500),
        ("45 chf", 4500),
        ("Fr. 12,50", 1250),
    ] {
        env.ok(["log", "meeting", "--format", "lunch", "--cost", typed]);
        let meetings = env.list_json("meetings", &[]);
        let last = meetings.iter().max_by_key(|m| m["id"].as_i64()).unwrap();
        assert_eq!(last["cost_cents"], cents, "{typed}");
    }
    refused(
        &env,
        &[
            (
                "log meeting --format lunch --cost \"45 €\"",
                "`45 €` is in EUR, but this journal keeps its accounts in CHF: expected an \
                 amount in CHF, such as 45 or 45 CHF",
            ),
            (
                "log meeting --format lunch --cost $45",
                "`$45` is in USD, but this journal",
            ),
            (
                "add network X --kind local --fee \"£12\"",
                "`£12` is in GBP",
            ),
            (
                "edit network \"Freelances Montpellier\" --fee \"20 EUR\"",
                "`20 EUR` is in EUR",
            ),
            ("edit meeting 1 --cost \"USD 5\"", "`USD 5` is in USD"),
            (
                "log referral --received --value \"€900\"",
                "`€900` is in EUR",
            ),
            ("edit referral 3 --value \"€900\"", "`€900` is in EUR"),
            ("config set rate.hourly \"60 €\"", "`60 €` is in EUR"),
            (
                "--lang fr log meeting --format lunch --cost \"45 €\"",
                "`45 €` est en EUR, mais ce journal tient ses comptes en CHF : attendu un \
                 montant en CHF, comme 45 ou 45 CHF",
            ),
        ],
    );
    // In dollars, `$` is the journal's own.
    let env = TestEnv::new();
    env.ok(split("config set currency USD"));
    env.ok(split("add network Club --kind local --fee $45"));
    assert_eq!(env.row_named("networks", "Club")["fee_cents"], 4500);
    env.ok(split("config set rate.hourly \"US$ 60\""));
    env.rejects(
        split("log meeting --format lunch --cost 45€"),
        "`45€` is in EUR",
    );
    // A new journal keeps EUR: `€45` is taken, `$45` is not.
    let env = TestEnv::new();
    env.ok(split("log meeting --format lunch --cost €45"));
    env.rejects(
        split("log meeting --format lunch --cost $45"),
        "but this journal keeps its accounts in EUR",
    );
}

#[test]
fn every_word_shown_in_french_is_accepted_back() {
    let env = TestEnv::new();
    for (i, (kind, stored)) in [
        ("réseau féminin", "gender-based"),
        ("réseau du genre", "gender-based"),
        ("cooptation", "co-optation"),
        ("politique", "political"),
        ("professionnel", "professional"),
        ("anciens élèves", "alumni"),
        ("Anciens Eleves", "alumni"),
        ("en ligne", "online"),
        ("EN LIGNE", "online"),
        ("local", "local"),
        ("autre", "other"),
    ]
    .into_iter()
    .enumerate()
    {
        let name = format!("Réseau {i}");
        env.ok([
            "add",
            "network",
            &name,
            "--kind",
            kind,
            "--joined",
            "2024-01-01",
        ]);
        assert_eq!(env.row_named("networks", &name)["kind"], stored, "{kind}");
    }
    env.ok([
        "add",
        "network",
        "Club",
        "--kind",
        "local",
        "--fee",
        "10",
        "--fee-period",
        "une fois",
    ]);
    assert_eq!(env.row_named("networks", "Club")["fee_period"], "once");
    for (format, stored) in [
        ("petit-déjeuner", "breakfast"),
        ("petit dejeuner", "breakfast"),
        ("Déjeuner", "lunch"),
        ("tête-à-tête", "one-to-one"),
        ("téléphone", "phone"),
        ("visio", "video"),
        ("soirée", "evening"),
        ("événement", "event"),
    ] {
        env.ok(["log", "meeting", "--format", format]);
        let meetings = env.list_json("meetings", &[]);
        let last = meetings.iter().max_by_key(|m| m["id"].as_i64()).unwrap();
        assert_eq!(last["format"], stored, "{format}");
    }
    for (status, stored) in [("en cours", "open"), ("gagnée", "won"), ("Perdue", "lost")] {
        env.ok(["log", "referral", "--given", "--status", status]);
        let referrals = env.list_json("referrals", &[]);
        let last = referrals.iter().max_by_key(|r| r["id"].as_i64()).unwrap();
        assert_eq!(last["status"], stored, "{status}");
    }
    env.ok(["note", "x", "--concern", "--severity", "mineure"]);
}

#[test]
fn an_unknown_word_gets_a_did_you_mean_in_the_reader_s_language() {
    let env = TestEnv::with_journal();
    refused(
        &env,
        &[
            (
                "log meeting --format breakfest",
                "`breakfest` is not a meeting format: expected breakfast, lunch, dinner, \
                 evening, event, one-to-one, phone, video or email; did you mean `breakfast`?",
            ),
            ("add network X --kind alumnis", "did you mean `alumni`?"),
            ("log referral --given --status wonn", "did you mean `won`?"),
            (
                "--lang fr log meeting --format breakfest",
                "`breakfest` n'est pas un format de réunion : attendu petit-déjeuner, déjeuner, \
                 dîner, soirée, événement, tête-à-tête, téléphone, visio ou e-mail ; \
                 vouliez-vous dire `petit-déjeuner` ?",
            ),
            (
                "--lang fr add network X --kind alumnis",
                "vouliez-vous dire `anciens élèves` ?",
            ),
            (
                "--lang fr add network X --kind \"en lign\"",
                "vouliez-vous dire `en ligne` ?",
            ),
            (
                "--lang fr log referral --given --status \"en cour\"",
                "vouliez-vous dire `en cours` ?",
            ),
        ],
    );
}
