//! Messages in French: confirmations, errors and hints, including the parser's own, when the
//! language is French (`--lang fr`, `NETJOURNAL_LANG=fr` or `LANG=fr_…`).

use crate::common::TestEnv;

#[test]
fn confirmations_are_in_french() {
    let env = TestEnv::new();
    env.run([
        "--lang",
        "fr",
        "add",
        "network",
        "BNI Montpellier",
        "--kind",
        "co-optation",
    ])
    .success()
    .stdout_is("Réseau n°1 `BNI Montpellier` ajouté (cooptation), rejoint le 15 juin 2024.\n");
    let args = [
        "log",
        "meeting",
        "--network",
        "bni montpellier",
        "--format",
        "breakfast",
    ];
    env.cmd(args)
        .args(["--met", "Paul Martin"])
        .env("NETJOURNAL_LANG", "fr")
        .run()
        .success()
        .stdout_is(
            "Réunion n°1 enregistrée : petit-déjeuner au réseau BNI Montpellier le 15 juin 2024.\n\
             Contact `Paul Martin` ajouté, rencontré via le réseau BNI Montpellier.\n",
        );
    env.cmd([
        "note",
        "mon nom sur un communiqué",
        "--network",
        "BNI Montpellier",
        "--concern",
    ])
    .env("LANG", "fr_FR.UTF-8")
    .run()
    .success()
    .stdout_is("Alerte grave n°1 ajoutée sur le réseau BNI Montpellier.\n");
    env.run([
        "--lang",
        "fr",
        "leave",
        "network",
        "BNI Montpellier",
        "--reason",
        "un croissant",
    ])
    .success()
    .stdout_is("Réseau `BNI Montpellier` quitté le 15 juin 2024.\n");
}

#[test]
fn errors_and_hints_are_in_french_and_change_nothing() {
    let env = TestEnv::with_journal();
    let run = env.rejects(
        [
            "--lang",
            "fr",
            "log",
            "meeting",
            "--network",
            "BNI Montpelier",
            "--format",
            "lunch",
        ],
        "BNI Montpelier",
    );
    run.stderr_contains("erreur : aucun réseau nommé `BNI Montpelier`")
        .stderr_contains("astuce : vouliez-vous dire `BNI Montpellier` ?");
    env.rejects(
        ["--lang", "fr", "add", "network", "Nouveau", "--no-input"],
        "--kind",
    )
    .stderr_contains("erreur : il manque --kind : attendu une valeur parmi gender-based")
    .stderr_contains("local ou other");
}

#[test]
fn the_parser_s_errors_are_in_french() {
    let env = TestEnv::with_journal();
    let cases: [(&[&str], &[&str]); 5] = [
        (
            &[
                "log",
                "meeting",
                "--format",
                "lunch",
                "--date",
                "2024-02-30",
            ],
            &[
                "erreur : valeur `2024-02-30` invalide pour `--date <DATE>` : `2024-02-30` n'est pas un jour du calendrier",
            ],
        ),
        (
            &["log", "meeting", "--format", "lunch", "--cost", "abc"],
            &["`abc` n'est pas un montant"],
        ),
        (
            &["add", "network", "X", "--kind", "cult"],
            &[
                "valeur `cult` invalide pour `--kind <TYPE>`",
                // The words of the reader's language.
                "attendu réseau féminin, cooptation, politique, professionnel, anciens élèves, \
                 en ligne, local ou autre",
            ],
        ),
        (
            &["log", "meeting", "--formt", "lunch"],
            &[
                "erreur : argument `--formt` inattendu",
                "vouliez-vous dire `--format` ?",
            ],
        ),
        (
            &["lst", "networks"],
            &[
                "erreur : commande `lst` inconnue",
                "vouliez-vous dire `list` ?",
            ],
        ),
    ];
    for (args, expected) in cases {
        let run = env
            .cmd(args.iter().copied())
            .env("NETJOURNAL_LANG", "fr")
            .run();
        run.bad_input();
        for needle in expected {
            run.stderr_contains(needle);
        }
    }
}

#[test]
fn english_stays_the_default_and_lang_en_wins() {
    let env = TestEnv::with_journal();
    env.cmd([
        "--lang",
        "en",
        "log",
        "meeting",
        "--network",
        "nowhere",
        "--format",
        "lunch",
    ])
    .env("LANG", "fr_FR.UTF-8")
    .run()
    .bad_input()
    .stderr_contains("error: no network named `nowhere`");
}

#[test]
fn journal_errors_are_in_french() {
    let env = TestEnv::new();
    let folder = env.path("a-folder");
    std::fs::create_dir(&folder).unwrap();
    env.cmd(["--lang", "fr", "list", "networks"])
        .arg("--db")
        .arg(&folder)
        .run()
        .bad_input()
        .stderr_contains("est un dossier, pas un fichier journal")
        .stderr_contains("astuce : choisissez le fichier journal avec `--db CHEMIN`");
}

/// `netjournal --lang fr ARGS…` on `env`'s journal.
fn fr<'a>(env: &TestEnv, args: impl IntoIterator<Item = &'a str>) -> crate::common::Run {
    env.cmd(["--lang", "fr"]).args(args).run()
}

#[test]
fn edit_says_what_changed_in_french() {
    let env = TestEnv::with_journal();
    fr(
        &env,
        [
            "edit", "referral", "2", "--status", "won", "--value", "3200",
        ],
    )
    .success()
    .stdout_is("Recommandation n°2 modifiée : statut en cours → gagnée, valeur → 3 200,00 €.\n");
    fr(&env, ["edit", "referral", "2", "--value", "3200"])
        .success()
        .stdout_is("Rien n'a changé : la recommandation n°2 a déjà ces valeurs.\n");
    fr(
        &env,
        [
            "edit",
            "network",
            "BNI Montpellier",
            "--fee",
            "720",
            "--clear",
            "notes",
        ],
    )
    .success()
    .stdout_is(
        "Réseau n°2 `BNI Montpellier` modifié : cotisation 600,00 € par an → 720,00 € par an, \
             notes « breakfast every Tuesday at 7 » → néant.\n",
    );
    fr(
        &env,
        [
            "edit",
            "meeting",
            "4",
            "--format",
            "lunch",
            "--met",
            "Zoé Blanc",
        ],
    )
    .success()
    .stdout_is(
        "Réunion n°4 modifiée : format petit-déjeuner → déjeuner, contacts + `Zoé Blanc`.\n\
             Contact `Zoé Blanc` ajouté, rencontré via le réseau BNI Montpellier.\n",
    );
    fr(
        &env,
        [
            "edit",
            "contact",
            "julie bernard",
            "--profession",
            "comptable",
        ],
    )
    .success()
    .stdout_is("Contact n°5 `Julie Bernard` modifié : métier « accountant » → « comptable ».\n");
    fr(&env, ["edit", "note", "3", "--concern"])
        .success()
        .stdout_is("Note n°3 modifiée : alerte non → oui, gravité → grave.\n");
    // Refusals, with their hints.
    env.rejects(["--lang", "fr", "edit", "referral", "2"], "rien à changer")
        .stderr_contains("par exemple --status won --value MONTANT")
        .stderr_contains("astuce : ce qui peut être changé : `netjournal edit referral --help`");
    env.rejects(
        [
            "--lang", "fr", "edit", "contact", "5", "--email", "a@b.co", "--clear", "email",
        ],
        "erreur : --email et `--clear email` se contredisent",
    );
    env.rejects(
        [
            "--lang",
            "fr",
            "edit",
            "network",
            "4",
            "--left",
            "2024-05-01",
        ],
        "--left est pour un réseau quitté, et `Freelances Montpellier` est toujours actif",
    )
    .stderr_contains("--reason TEXTE`");
    env.rejects(
        ["--lang", "fr", "edit", "meeting", "99", "--rating", "3"],
        "aucune réunion n°99",
    );
}

#[test]
fn rm_asks_and_says_what_went_in_french() {
    let env = TestEnv::with_journal();
    env.rejects(["--lang", "fr", "rm", "network", "BNI Montpellier"], "")
        .stderr_is(
            "erreur : non confirmé : Supprimer le réseau `BNI Montpellier`, avec 1 réunion, 1 \
             recommandation et 1 note (les 2 contacts rencontrés grâce à ce réseau restent) ?\n\
             astuce : rien n'est demandé sans terminal ni avec `--no-input` : ajoutez `--yes` \
             pour confirmer\n",
        );
    env.rejects(["--lang", "fr", "rm", "referral", "1"], "")
        .stderr_contains(
            "Supprimer la recommandation n°1 : reçue de Paul Martin, perdue, le 20 février 2024 ?",
        );
    env.rejects(["--lang", "fr", "rm", "note", "1"], "").stderr_contains(
        "Supprimer l'alerte grave n°1 du 10 février 2024 : « My name on a press release I never agreed to » ?",
    );
    fr(&env, ["rm", "network", "BNI Montpellier", "--yes"])
        .success()
        .stdout_is(
            "Réseau `BNI Montpellier` supprimé, ainsi que 1 réunion, 1 recommandation et 1 note.\n\
             Les 2 contacts rencontrés grâce à ce réseau sont gardés, désormais sans réseau.\n",
        );
    fr(&env, ["rm", "contact", "Claire Petit", "--yes"])
        .success()
        .stdout_is(
            "Contact `Claire Petit` supprimé.\n\
             Restent au journal : 3 réunions et 2 recommandations avec ce contact.\n",
        );
    fr(&env, ["rm", "meeting", "5", "--yes"])
        .success()
        .stdout_is("Réunion n°5 supprimée.\n");
    env.rejects(
        ["--lang", "fr", "rm", "note", "99", "--yes"],
        "erreur : aucune note n°99",
    )
    .stderr_contains("astuce : les numéros des notes sont dans `netjournal list notes`");
}

#[test]
fn rm_on_a_terminal_asks_oui_or_non() {
    use rexpect::process::WaitStatus;
    let env = TestEnv::with_journal();
    let answer = |key: &str| {
        let mut command = env.spawnable(["--lang", "fr", "rm", "network", "BNI Montpellier"]);
        command
            .stdin(std::process::Stdio::inherit())
            .stdout(std::process::Stdio::inherit())
            .stderr(std::process::Stdio::inherit())
            .env("TERM", "dumb");
        let mut session = rexpect::session::spawn_command(command, Some(10_000)).expect("spawn");
        // rexpect reads the terminal byte by byte, each byte taken for a character.
        let as_read = |text: &str| -> String { text.bytes().map(char::from).collect() };
        session
            .exp_string(&as_read("restent) ? (o/n) ›"))
            .expect("the question, in French");
        session.send(key).expect("answer");
        session.flush().expect("answer");
        let rest = session.exp_eof().expect("the end");
        let status = session.process().wait().expect("the exit status");
        assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
        String::from_utf8_lossy(&rest.chars().map(|c| c as u8).collect::<Vec<u8>>()).into_owned()
    };
    let shown = answer("n\r");
    assert!(shown.contains("· non"), "{shown}");
    assert!(shown.contains("Rien n'a été supprimé."), "{shown}");
    // The whole word, then Enter: `oui` no longer acts on its `o` (issue 14).
    let shown = answer("oui\r");
    assert!(shown.contains("· oui"), "{shown}");
    assert!(
        shown.contains("Réseau `BNI Montpellier` supprimé"),
        "{shown}"
    );
}

#[test]
fn config_speaks_french() {
    let env = TestEnv::with_journal();
    fr(&env, ["config", "list"])
        .success()
        .stdout_contains("Réglage")
        .stdout_contains("Par défaut")
        .stdout_contains("(non défini)")
        .stdout_contains("la devise du journal, un code ISO")
        .stdout_lacks("Meaning");
    fr(&env, ["config", "set", "rate.hourly", "45,50"])
        .success()
        .stdout_is("rate.hourly = 45,50\n");
    fr(&env, ["config", "get", "rate.hourly"])
        .success()
        .stdout_is("45,50\n");
    fr(&env, ["config", "unset", "verdict.min_meetings"])
        .success()
        .stdout_is("verdict.min_meetings = 3 (la valeur par défaut)\n");
    fr(&env, ["config", "unset", "rate.hourly"])
        .success()
        .stdout_is("rate.hourly n'est plus défini\n");
    fr(&env, ["config", "get", "rate.hourly"])
        .failure()
        .stderr_is(
            "erreur : `rate.hourly` n'est pas défini\n\
             astuce : définissez-le avec `netjournal config set rate.hourly VALEUR`\n",
        );
    env.rejects(
        [
            "--lang",
            "fr",
            "config",
            "set",
            "verdict.min_meetings",
            "beaucoup",
        ],
        "erreur : `beaucoup` n'est pas une valeur pour verdict.min_meetings : attendu un nombre \
         entier de 0 à 1000",
    );
    env.rejects(
        ["--lang", "fr", "config", "get", "verdict.min_meeting"],
        "erreur : aucun réglage nommé `verdict.min_meeting`",
    )
    .stderr_contains("astuce : vouliez-vous dire `verdict.min_meetings` ?");
}

#[test]
fn show_network_is_labelled_in_french() {
    let env = TestEnv::with_journal();
    fr(&env, ["show", "network", "bni montpellier"])
        .success()
        .stdout_contains("BNI Montpellier — cooptation, quitté\n")
        .stdout_contains("  cotisation        600,00 € par an\n")
        .stdout_contains("  raison du départ  cannot recommend someone known from one croissant\n")
        .stdout_contains("\nRéunions (1)\n")
        .stdout_contains("\nRecommandations (1)\n")
        .stdout_contains("┆ petit-déjeuner ┆")
        .stdout_lacks("invited by")
        .stdout_lacks("Meetings");
}

#[test]
fn list_tables_are_in_french_and_json_and_csv_are_not() {
    let env = TestEnv::with_journal();
    fr(&env, ["list", "networks"])
        .success()
        .stdout_contains("│ n° ┆ Réseau ")
        .stdout_contains("┆ Raison du départ ")
        .stdout_contains("┆ réseau féminin ┆ quitté ┆")
        .stdout_contains("┆ 15,00 € / mois ┆");
    fr(&env, ["list", "referrals"])
        .success()
        .stdout_contains("┆ Sens ")
        .stdout_contains("┆ reçue  ┆")
        .stdout_contains("┆ en cours ┆");
    fr(&env, ["list", "notes"])
        .success()
        .stdout_contains("┆ Alerte ┆")
        .stdout_contains("┆ grave  ┆")
        .stdout_contains("┆ réunion n°4 ");
    fr(&env, ["list", "contacts"])
        .success()
        .stdout_contains("┆ Réunions communes ┆");
    fr(&env, ["list", "meetings"])
        .success()
        .stdout_contains("┆ Évaluation ┆")
        .stdout_contains("┆ tête-à-tête ");
    // Formats for programs keep their English keys and keywords.
    for what in ["networks", "meetings", "contacts", "referrals", "notes"] {
        for format in ["json", "csv"] {
            let english = env.ok(["list", what, "--format", format]);
            fr(&env, ["list", what, "--format", format])
                .success()
                .stdout_is(&english);
        }
    }
}

/// The fixture `name` of `tests/fixtures`, copied into `env`'s folder under the same name.
fn with_fixture(env: &TestEnv, name: &str) {
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::fs::copy(from.join(name), env.path(name)).expect("copy the fixture");
}

#[test]
fn export_says_where_it_wrote_in_french() {
    let env = TestEnv::with_journal();
    let run = fr(&env, ["export", "--output", "journal.json"]);
    run.exit(0)
        .stdout_is("")
        .stderr_is("Journal exporté dans journal.json.\n");
    fr(
        &env,
        [
            "export", "--format", "csv", "--what", "meetings", "-o", "m.csv",
        ],
    )
    .exit(0)
    .stderr_is("Réunions exportées dans m.csv.\n");
    env.rejects(
        ["--lang", "fr", "export", "--format", "csv"],
        "erreur : il manque --what : un export CSV est une seule table",
    )
    .stderr_contains("astuce : pour le journal entier, exportez-le en JSON (le format par défaut)");
}

#[test]
fn import_tallies_and_refuses_a_bad_file_in_french() {
    let source = TestEnv::with_journal();
    let document = source.run(["export"]).success().stdout();
    let env = TestEnv::new();
    std::fs::write(env.path("journal.json"), &document).unwrap();
    fr(&env, ["import", "journal.json"])
        .success()
        .stdout_contains("Import de journal.json :\n")
        .stdout_contains("  réseaux              4 ajoutés,       0 déjà là,    0 en conflit\n")
        .stdout_contains("  réunions             6 ajoutées,      0 déjà là,    0 en conflit\n");
    fr(&env, ["import", "journal.json"])
        .success()
        .stdout_contains("Rien de nouveau dans journal.json :\n")
        .stdout_contains("  recommandations      0 ajoutée,      3 déjà là,    0 en conflit\n");

    // A conflict, said as the journal's kept.
    let mut edited: serde_json::Value = serde_json::from_str(&document).unwrap();
    let bni = edited["networks"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|n| n["name"] == "BNI Montpellier")
        .unwrap();
    bni["rules"] = "one member per trade".into();
    std::fs::write(env.path("edited.json"), edited.to_string()).unwrap();
    fr(&env, ["import", "edited.json"])
        .success()
        .stdout_contains(
            "conflit : le réseau `BNI Montpellier` diffère de la version du journal, qui est \
         gardée ; dans le fichier : règles « one member per trade » (dans le journal : « one \
         member per profession »)\n",
        );

    // Bad files: the place stays as tools read it, the words are French.
    edited["meetings"][3]["format"] = "brunch".into();
    std::fs::write(env.path("brunch.json"), edited.to_string()).unwrap();
    let uuid = edited["meetings"][3]["uuid"].as_str().unwrap();
    env.rejects(
        ["--lang", "fr", "import", "brunch.json"],
        &format!(
            "erreur : `brunch.json` : meetings[3] (uuid {uuid}) : format `brunch` n'est pas un \
             format de réunion : attendu breakfast, lunch"
        ),
    )
    .stderr_contains(
        "astuce : rien n'a été importé : corrigez le fichier, puis importez-le à nouveau",
    );
    std::fs::write(env.path("broken.json"), "{\n  \"networks\": [,]\n}").unwrap();
    env.rejects(
        ["--lang", "fr", "import", "broken.json"],
        "erreur : broken.json:2:16: valeur attendue\n",
    );
}

#[test]
fn backup_says_what_it_copied_in_french() {
    let env = TestEnv::with_journal();
    fr(&env, ["backup", "copie.db"]).success().stdout_is(
        "Journal sauvegardé dans copie.db : 4 réseaux, 5 contacts, 6 réunions, 3 \
             recommandations, 4 notes.\n",
    );
    env.rejects(
        ["--lang", "fr", "backup", "copie.db"],
        "erreur : `copie.db` existe déjà : attendu un nouveau fichier\n\
         astuce : ajoutez `--force` pour le remplacer\n",
    );
}

#[test]
fn forget_asks_and_says_what_it_erased_in_french() {
    let env = TestEnv::with_journal();
    env.replay(
        r#"
        add contact "Zoé Quintal" --notes "met her at the door"
        log meeting --date 2024-02-13 --format lunch --met "Zoé Quintal" --notes "lunch with Zoé Quintal"
        note "knows every printer in town" --contact "Zoé Quintal"
        log referral --received --contact "Zoé Quintal" --date 2024-03-20
        "#,
    );
    env.rejects(["--lang", "fr", "forget", "contact", "Zoé Quintal"], "")
        .stderr_contains(
            "erreur : non confirmé : Oublier `Zoé Quintal` : effacer ce contact, avec la note sur \
             ce contact et sa présence à 1 réunion (1 recommandation avec ce contact reste, \
             désormais sans contact ; 1 texte qui cite ce contact reste tel quel) ?\n",
        );
    fr(&env, ["forget", "contact", "Zoé Quintal", "--yes"])
        .success()
        .stdout_is(
            "Contact `Zoé Quintal` oublié : effacé, avec la note sur ce contact et sa présence à \
             1 réunion.\n\
             1 recommandation est gardée, désormais sans contact.\n\
             Son nom reste écrit dans (rien n'est réécrit sans --redact) :\n  \
             réunion n°7 (notes)\n\
             Le fichier du journal a été réécrit : il ne contient plus rien du texte effacé.\n",
        );
}

#[test]
fn import_linkedin_sums_up_and_refuses_in_french() {
    let env = TestEnv::with_journal();
    with_fixture(&env, "Connections.csv");
    fr(&env, ["import", "linkedin", "Connections.csv"])
        .success()
        .stdout_contains(
            "Import de Connections.csv : 8 relations lues ; 2 ajoutées, 5 mises à jour, aucune \
             déjà à jour, 1 ignorée.\n",
        )
        .stdout_contains("  ligne 7 : Paul Martin\n")
        .stdout_contains(
            "Ignorées :\n  ligne 11 : pas de nom (LinkedIn le laisse vide pour certains membres)\n",
        );
    std::fs::write(env.path("contacts.csv"), "Name,Email\nPaul,p@x.fr\n").unwrap();
    env.rejects(
        ["--lang", "fr", "import", "linkedin", "contacts.csv"],
        "erreur : contacts.csv: pas d'en-tête LinkedIn : attendu le fichier Connections.csv de \
         LinkedIn",
    )
    .stderr_contains("astuce : LinkedIn le fournit dans l'export de vos données");
    let text = std::fs::read_to_string(env.path("Connections.csv")).unwrap();
    let bad = text.replace(",06 Feb 2024", ",le 6 février");
    std::fs::write(env.path("bad.csv"), bad).unwrap();
    env.rejects(
        ["--lang", "fr", "import", "linkedin", "bad.csv"],
        "erreur : bad.csv:7: `le 6 février` dans Connected On n'est pas une date : attendu une \
         date comme 15 Mar 2024\n",
    );
}

#[test]
fn import_ics_sums_up_and_refuses_in_french() {
    let env = TestEnv::new();
    with_fixture(&env, "events.ics");
    fr(
        &env,
        ["import", "ics", "events.ics", "--match", "petit-déjeuner"],
    )
    .success()
    .stdout_is(
        "Import de events.ics (jusqu'au 15 juin 2024) : 3 réunions ajoutées, aucune mise à jour, 0 déjà \
             dans le journal.\n\
             Écartés : 1 annulé, 1 refusé, 4 ne contenant pas « petit-déjeuner », 1 événement \
             hors de la période.\n\
             Contact `Paul Martin` ajouté.\n\
             Contact `Sophie Durand` ajouté.\n",
    );
    let text = std::fs::read_to_string(env.path("events.ics")).unwrap();
    std::fs::write(
        env.path("bad.ics"),
        text.replacen("DURATION:PT45M", "DURATION:45 minutes", 1),
    )
    .unwrap();
    env.rejects(
        ["--lang", "fr", "import", "ics", "bad.ics"],
        "erreur : bad.ics:95: événement n°6 (UID visio-freelances-mai@example.org) : DURATION \
         `45 minutes` n'est pas une durée : attendu PT1H30M ou P1D\n",
    );
}

#[test]
fn the_locale_variables_decide_in_posix_order() {
    let env = TestEnv::with_journal();
    let says = |vars: &[(&str, &str)], args: &[&str]| {
        let mut invocation = env.cmd(["list", "networks", "--network", "nowhere"]);
        for arg in args {
            invocation = invocation.arg(*arg);
        }
        for (key, value) in vars {
            invocation = invocation.env(key, value);
        }
        let run = invocation.run();
        run.bad_input();
        if run.stderr().contains("aucun réseau") {
            "fr"
        } else {
            assert!(run.stderr().contains("no network"), "{}", run.stderr());
            "en"
        }
    };
    // LC_ALL wins over LANG, LC_MESSAGES over LANG; the first one set and not empty decides.
    assert_eq!(
        says(&[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "C.UTF-8")], &[]),
        "fr"
    );
    assert_eq!(says(&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")], &[]), "en");
    assert_eq!(
        says(&[("LC_MESSAGES", "fr_FR.UTF-8"), ("LANG", "en_US")], &[]),
        "fr"
    );
    assert_eq!(says(&[("LC_ALL", ""), ("LANG", "fr_FR.UTF-8")], &[]), "fr");
    // NETJOURNAL_LANG and --lang still win over the locale.
    let french = [("LC_ALL", "fr_FR.UTF-8")];
    assert_eq!(
        says(&[("LC_ALL", "fr_FR.UTF-8"), ("NETJOURNAL_LANG", "en")], &[]),
        "en"
    );
    assert_eq!(says(&french, &["--lang", "en"]), "en");
    assert_eq!(
        says(&[("LC_ALL", "C"), ("NETJOURNAL_LANG", "fr")], &[]),
        "fr"
    );
}

#[test]
fn a_missing_command_and_a_missing_name_are_said_in_french() {
    let env = TestEnv::with_journal();
    let run = env.cmd(["--lang", "fr"]).run();
    run.bad_input()
        .stderr_contains("erreur : il manque une commande après `netjournal`")
        .stderr_contains("astuce : les commandes sont add, log,")
        .stderr_lacks("requires a subcommand");
    // A name has no list of possible values: no hint that ends on nothing.
    let run = env
        .cmd(["--lang", "fr", "log", "meeting", "--network"])
        .run();
    run.bad_input()
        .stderr_contains("`--network <NOM>` attend une valeur")
        .stderr_lacks("valeurs possibles");
}

#[test]
fn import_ics_warns_and_refuses_hostile_calendars_in_french() {
    let env = TestEnv::new();
    let calendar = |body: &str| {
        format!("BEGIN:VCALENDAR\nVERSION:2.0\n{body}END:VCALENDAR\n").replace('\n', "\r\n")
    };
    std::fs::write(
        env.path("x.ics"),
        calendar(
            "BEGIN:VEVENT\nUID:a\nDTSTART:20240305T070000Z\n\
             RRULE:FREQ=WEEKLY;COUNT=2;X-FOO=1\nEND:VEVENT\n",
        ),
    )
    .unwrap();
    fr(&env, ["import", "ics", "x.ics"])
        .exit(0)
        .stdout_is(
            "Import de x.ics (jusqu'au 15 juin 2024) : 2 réunions ajoutées, aucune mise à jour, 0 \
             déjà dans le journal.\n",
        )
        .stderr_is(
            "avertissement : x.ics:3: événement n°1 (UID a) : partie `X-FOO=1` de RRULE \
             ignorée : c'est une extension propre à un logiciel d'agenda\n",
        );
    for (body, message) in [
        (
            "DTSTART:00010101T070000Z\n",
            "erreur : old.ics:3: événement n°1 (UID b) : DTSTART 0001-01-01 est hors des \
             années 1900 à 2100 : attendu une date comprise entre les deux\n",
        ),
        (
            "DTSTART:20240305T070000Z\nRRULE:FREQ=SECONDLY;COUNT=5000\n",
            "erreur : old.ics:3: événement n°1 (UID b) : plus de 24 occurrences le 2024-03-05 : \
             attendu au plus 24 réunions par jour pour un même événement\n",
        ),
        (
            "DTSTART:20240305T070000Z\nDURATION:P4294967295W\n",
            "erreur : old.ics:3: événement n°1 (UID b) : DURATION `P4294967295W` finit après \
             2100 : attendu un événement compris dans les années 1900 à 2100\n",
        ),
    ] {
        std::fs::write(
            env.path("old.ics"),
            calendar(&format!("BEGIN:VEVENT\nUID:b\n{body}END:VEVENT\n")),
        )
        .unwrap();
        env.rejects(["--lang", "fr", "import", "ics", "old.ics"], message)
            .stderr_is(message);
    }
}

#[test]
fn import_linkedin_reads_a_french_export_and_refuses_in_french() {
    let env = TestEnv::new();
    let header = "Prénom,Nom,URL,Adresse e-mail,Entreprise,Poste,Date de connexion";
    std::fs::write(
        env.path("Connections.csv"),
        format!(
            "{header}\nSophie,Durand,https://www.linkedin.com/in/sophie,,Durand,Architecte,\
             05 déc. 2023\n"
        ),
    )
    .unwrap();
    fr(&env, ["import", "linkedin", "Connections.csv"])
        .success()
        .stdout_contains("1 relation lue ; 1 ajoutée");
    for (date, message) in [
        (
            "12/05/2024",
            "erreur : bad.csv:2: `12/05/2024` dans Date de connexion se lit de deux \
             façons (le jour ou le mois d'abord) : attendu la date telle que LinkedIn l'écrit, \
             comme 05 Dec 2025\n",
        ),
        (
            "05 déc. 2099",
            "erreur : bad.csv:2: `05 déc. 2099` dans Date de connexion n'est pas un \
             jour où l'on a pu se connecter : attendu une date entre 2003, ouverture de \
             LinkedIn, et aujourd'hui\n",
        ),
    ] {
        std::fs::write(
            env.path("bad.csv"),
            format!("{header}\nPaul,Martin,,,,,{date}\n"),
        )
        .unwrap();
        env.rejects(["--lang", "fr", "import", "linkedin", "bad.csv"], message)
            .stderr_is(message);
    }
}

#[test]
fn import_ics_says_updates_copies_and_names_left_out_in_french() {
    let env = TestEnv::new();
    let calendar = |body: &str| {
        format!("BEGIN:VCALENDAR\nVERSION:2.0\n{body}END:VCALENDAR\n").replace('\n', "\r\n")
    };
    let weekly = |end: &str, sequence: u32| {
        calendar(&format!(
            "BEGIN:VEVENT\nUID:w\nSEQUENCE:{sequence}\nDTSTART:20240305T070000Z\n\
             DTEND:20240305T{end}00Z\nRRULE:FREQ=WEEKLY;COUNT=2\n\
             ATTENDEE;CN=\u{202E}x:mailto:x@example.com\nEND:VEVENT\n"
        ))
    };
    std::fs::write(env.path("w.ics"), weekly("0830", 0)).unwrap();
    fr(&env, ["import", "ics", "w.ics"]).exit(0).stderr_is(
        "avertissement : w.ics:3: événement n°1 (UID w) : le nom \"\\u{202e}x\" est écarté : \
         \"\\u{202e}x\" contient un caractère qui inverse le sens du texte : attendu du texte \
         imprimable\n",
    );
    let twice = format!("{}{}", weekly("0800", 1), weekly("0830", 0));
    std::fs::write(env.path("w.ics"), twice).unwrap();
    fr(&env, ["import", "ics", "w.ics"])
        .exit(0)
        .stdout_contains("aucune réunion ajoutée, 2 mises à jour, 0 déjà dans le journal.")
        .stderr_contains(
            "avertissement : w.ics:14: événement n°2 (UID w) : une copie plus ancienne de \
             l'événement n°1 (ligne 3) : écartée, la plus récente est importée\n",
        );
    std::fs::write(
        env.path("bad.ics"),
        calendar("BEGIN:VEVENT\nUID:b\nDTSTART:20240305T070000Z\nRRULE:FREQ=DAILY;BYDAY=MO\u{feff}\nEND:VEVENT\n"),
    )
    .unwrap();
    env.rejects(
        ["--lang", "fr", "import", "ics", "bad.ics"],
        "erreur : bad.ics:3: événement n°1 (UID b) : RRULE `FREQ=DAILY;BYDAY=MO\u{feff}` : il \
         contient des caractères qu'aucune règle n'a : attendu des parties comme \
         FREQ=WEEKLY;BYDAY=TU, en ASCII simple\n",
    );
}
