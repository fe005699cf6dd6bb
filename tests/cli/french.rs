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
    .stdout_is("Réseau n°1 `BNI Montpellier` ajouté (cooptation), rejoint le 2024-06-15.\n");
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
            "Réunion n°1 enregistrée : petit-déjeuner à BNI Montpellier le 2024-06-15.\n\
             Contact `Paul Martin` ajouté, rencontré via BNI Montpellier.\n",
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
    .stdout_is("Alerte n°1 ajoutée sur le réseau BNI Montpellier.\n");
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
    .stdout_is("Réseau `BNI Montpellier` quitté le 2024-06-15.\n");
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
                "valeur `cult` invalide pour `--kind <KIND>`",
                "astuce : valeurs possibles : gender-based",
            ],
        ),
        (
            &["log", "meeting", "--formt", "lunch"],
            &[
                "erreur : option inattendue : `--formt`",
                "vouliez-vous dire `--format` ?",
            ],
        ),
        (
            &["lst", "networks"],
            &[
                "erreur : commande inconnue : `lst`",
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
        .failure()
        .stderr_contains("est un dossier, pas un fichier journal")
        .stderr_contains("astuce : choisissez le fichier journal avec `--db CHEMIN`");
}
