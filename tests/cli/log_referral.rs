//! `log referral --received|--given [--network] [--contact] [--date] [--status] [--value]
//! [--notes]`.

use serde_json::json;

use crate::common::{TODAY, TestEnv, split};

fn with_people() -> TestEnv {
    let env = TestEnv::new();
    env.run([
        "add",
        "network",
        "BNI Montpellier",
        "--kind",
        "co-optation",
        "--joined",
        "2024-01-10",
    ])
    .success();
    env.run([
        "add",
        "contact",
        "Paul Martin",
        "--network",
        "BNI Montpellier",
    ])
    .success();
    env.run(["add", "contact", "Claire Petit"]).success();
    env
}

#[test]
fn a_received_referral_with_every_option() {
    let env = with_people();
    env.run(split(
        r#"
            log referral --received --network "bni MONTPELLIER" --contact "paul martin"
            --date 15/03/2024 --status won --value "1 200"
            --notes "a website for his brother-in-law"
        "#,
    ))
    .success()
    .stdout_is("Logged referral #1: received, won, on 2024-03-15.\n");
    let mut rows = env.list_json("referrals", &[]);
    rows[0]["uuid"].take();
    assert_eq!(
        rows,
        [json!({
            "id": 1,
            "uuid": null,
            "direction": "received",
            "date": "2024-03-15",
            "network": "BNI Montpellier",
            "contact": "Paul Martin",
            "description": "a website for his brother-in-law",
            "status": "won",
            "value_cents": 120000,
        })]
    );
}

#[test]
fn a_given_referral_is_open_today_by_default() {
    let env = with_people();
    env.run(["log", "referral", "--given", "--contact", "CLAIRE PETIT"])
        .success()
        .stdout_is(&format!("Logged referral #1: given, open, on {TODAY}.\n"));
    let row = &env.list_json("referrals", &[])[0];
    assert_eq!(row["direction"], "given");
    assert_eq!(row["status"], "open");
    assert_eq!(row["date"], TODAY);
    assert_eq!(row["contact"], "Claire Petit");
    assert_eq!(row["network"], json!(null));
    assert_eq!(row["value_cents"], json!(null));
    assert_eq!(row["description"], json!(null));
}

#[test]
fn a_value_means_won_and_every_status_is_accepted() {
    let env = with_people();
    let cases: [&[&str]; 5] = [
        &["--value", "3 200 €"],
        &["--status", "lost"],
        &["--status", "OPEN"],
        &["--status", "gagnée"],
        &["--status", "won", "--value", "€45"],
    ];
    for extra in cases {
        let mut args = vec!["log", "referral", "--received"];
        args.extend_from_slice(extra);
        env.run(args).success();
    }
    let got: Vec<_> = env
        .list_json("referrals", &[])
        .iter()
        .map(|r| (r["status"].clone(), r["value_cents"].clone()))
        .collect();
    assert_eq!(
        got,
        [
            (json!("won"), json!(320000)),
            (json!("lost"), json!(null)),
            (json!("open"), json!(null)),
            (json!("won"), json!(null)),
            (json!("won"), json!(4500)),
        ]
    );
}

#[test]
fn description_is_an_alias_of_notes() {
    let env = TestEnv::new();
    env.run([
        "log",
        "referral",
        "--given",
        "--description",
        "logo for a bakery",
    ])
    .success();
    assert_eq!(
        env.list_json("referrals", &[])[0]["description"],
        "logo for a bakery"
    );
}

#[test]
fn a_value_with_a_status_other_than_won_is_refused() {
    let env = TestEnv::with_journal();
    env.rejects(
        [
            "log",
            "referral",
            "--received",
            "--status",
            "lost",
            "--value",
            "10",
        ],
        "--value 10.00",
    )
    .stderr_contains("`lost`");
}

#[test]
fn received_and_given_together_are_refused() {
    let env = TestEnv::with_journal();
    env.rejects(["log", "referral", "--received", "--given"], "--given")
        .stderr_contains("--received");
}

#[test]
fn a_name_close_to_a_contact_is_refused_with_a_suggestion_and_a_way_to_add_them() {
    // A new person is recorded (see `names`), but not one whose name is a typo away from a
    // contact's without a word from the user.
    let env = TestEnv::with_journal();
    env.rejects(
        ["log", "referral", "--received", "--contact", "Pol Martin"],
        "no contact named `Pol Martin`",
    )
    .stderr_contains("hint: did you mean `Paul Martin`?")
    .stderr_contains("hint: if `Pol Martin` is someone else, add `--new-contact`");
}

/// Paul Martin is BNI's (his own network); Zoé Durand was met at BNI and at the Freelances,
/// and has no network of her own; Hugo Roux was met only at the Freelances; Claire Petit was
/// met nowhere.
fn met_around() -> TestEnv {
    let env = TestEnv::new();
    env.replay(
        r#"
        add network "BNI Montpellier" --kind co-optation --joined 2024-01-10
        add network "Freelances Montpellier" --kind professional --joined 2024-02-01
        add contact "Paul Martin" --network "BNI Montpellier"
        add contact "Zoé Durand"
        add contact "Hugo Roux"
        add contact "Claire Petit"
        log meeting --network "Freelances Montpellier" --date 2024-03-05 --format lunch --met "Paul Martin" --met "Zoé Durand" --met "Hugo Roux"
        log meeting --network "BNI Montpellier" --date 2024-03-12 --format breakfast --met "Zoé Durand"
        "#,
    );
    env
}

#[test]
fn a_referral_takes_the_network_its_contact_was_met_through_and_says_so() {
    let env = met_around();
    // His own network, though he was also met elsewhere.
    env.run([
        "log",
        "referral",
        "--received",
        "--contact",
        "paul martin",
        "--value",
        "5 500",
    ])
    .success()
    .stdout_is(&format!(
        "Logged referral #1: received, won, on {TODAY}.\n\
             Recorded under BNI Montpellier, where Paul Martin was met.\n"
    ));
    // The only network where they met.
    env.run(["log", "referral", "--given", "--contact", "Hugo Roux"])
        .success()
        .stdout_is(&format!(
            "Logged referral #2: given, open, on {TODAY}.\n\
             Recorded under Freelances Montpellier, where Hugo Roux was met.\n"
        ));
    env.run([
        "--lang",
        "fr",
        "log",
        "referral",
        "--received",
        "--contact",
        "hugo roux",
    ])
    .success()
    .stdout_is(
        "Recommandation n°3 enregistrée : reçue, en cours, le 15 juin 2024.\n\
         Rattachée au réseau Freelances Montpellier, où vous avez rencontré Hugo Roux.\n",
    );
    // Met in no network: outside any, as before, and nothing more to say.
    env.run(["log", "referral", "--received", "--contact", "Claire Petit"])
        .success()
        .stdout_is(&format!(
            "Logged referral #4: received, open, on {TODAY}.\n"
        ));
    let networks: Vec<_> = env
        .list_json("referrals", &[])
        .iter()
        .map(|r| r["network"].clone())
        .collect();
    assert_eq!(
        networks,
        [
            json!("BNI Montpellier"),
            json!("Freelances Montpellier"),
            json!("Freelances Montpellier"),
            json!(null)
        ]
    );
}

#[test]
fn a_network_named_or_none_is_taken_as_said() {
    let env = met_around();
    for (extra, network) in [
        (
            &["--network", "freelances montpellier"][..],
            json!("Freelances Montpellier"),
        ),
        (&["--network", "none"][..], json!(null)),
        (&["--network", "NONE"][..], json!(null)),
        (&["--network", "aucun"][..], json!(null)),
        (&["--outside"][..], json!(null)),
    ] {
        let mut args = vec!["log", "referral", "--received", "--contact", "Paul Martin"];
        args.extend_from_slice(extra);
        let run = env.run(args);
        run.success().stdout_lacks("Recorded under");
        let last = env.list_json("referrals", &[]).pop().unwrap();
        assert_eq!(last["network"], network, "{extra:?}");
        assert_eq!(last["contact"], "Paul Martin");
    }
}

#[test]
fn a_contact_met_in_several_networks_is_refused_without_a_terminal() {
    let env = met_around();
    env.rejects(
        ["log", "referral", "--received", "--contact", "Zoé Durand"],
        "`Zoé Durand` was met in several networks, `BNI Montpellier` and `Freelances \
         Montpellier`: which one did the referral come through?",
    )
    .stderr_contains(
        "hint: say it with `--network NAME`, or `--network none` for a referral outside any \
         network",
    );
    env.rejects(
        [
            "--lang",
            "fr",
            "log",
            "referral",
            "--given",
            "--contact",
            "zoé durand",
            "--no-input",
        ],
        "vous avez rencontré `Zoé Durand` dans plusieurs réseaux, `BNI Montpellier` et \
         `Freelances Montpellier` : par lequel la recommandation est-elle venue ?",
    )
    .stderr_contains("astuce : précisez-le avec `--network NOM`, ou `--network none`");
    // Said: recorded as said.
    env.run([
        "log",
        "referral",
        "--received",
        "--contact",
        "Zoé Durand",
        "--network",
        "none",
    ])
    .success();
    env.run([
        "log",
        "referral",
        "--received",
        "--contact",
        "Zoé Durand",
        "--network",
        "BNI Montpellier",
    ])
    .success();
    let networks: Vec<_> = env
        .list_json("referrals", &[])
        .iter()
        .map(|r| r["network"].clone())
        .collect();
    assert_eq!(networks, [json!(null), json!("BNI Montpellier")]);
}

#[test]
fn outside_and_a_network_together_are_refused() {
    let env = met_around();
    env.rejects(
        [
            "log",
            "referral",
            "--received",
            "--outside",
            "--network",
            "BNI Montpellier",
        ],
        "--outside",
    );
    env.rejects(
        [
            "log",
            "referral",
            "--received",
            "--contact",
            "Paul Martin",
            "--network",
            "BNI",
        ],
        "no network named `BNI`",
    );
}

#[test]
fn an_unknown_contact_is_not_created_to_find_a_network() {
    let env = met_around();
    env.rejects(
        ["log", "referral", "--received", "--contact", "Zoe Durant"],
        "no contact named `Zoe Durant`",
    );
    assert_eq!(env.list_json("contacts", &[]).len(), 4);
}
