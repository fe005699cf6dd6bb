//! Names as people type them (issue 14): matched ignoring case, accents, apostrophe and dash
//! styles, Unicode normalisation and extra spaces; near-duplicates asked about or refused, never
//! silently created; and messages that show a typed name as typed.

use crate::common::{TODAY, TestEnv};

#[test]
fn a_name_with_braces_is_shown_as_typed() {
    let env = TestEnv::new();
    env.run(["add", "network", "Club {date}", "--kind", "local"])
        .success()
        .stdout_is(&format!(
            "Added network #1 `Club {{date}}` (local), joined on {TODAY}.\n"
        ));
    env.run([
        "--lang", "fr", "add", "contact", "{name} {id}", "--network", "Club {date}",
    ])
    .success()
    .stdout_is("Contact n°1 `{name} {id}` ajouté, rencontré via Club {date}.\n");
}

/// A journal whose people and network were recorded with their real accents and typography.
fn typographic() -> TestEnv {
    let env = TestEnv::new();
    env.replay(
        r#"
        add network "Femmes Chefs d’Entreprises 69" --kind gender-based --joined 2024-01-10
        add contact "Amélie Dupré-Lefèvre" --network "Femmes Chefs d’Entreprises 69" --date 2024-01-10
        add contact "Loïc N’Diaye" --date 2024-01-10
        "#,
    );
    env
}

#[test]
fn a_network_is_found_whatever_the_apostrophe() {
    let env = typographic();
    let shown = env.ok(["show", "network", "Femmes Chefs d'Entreprises 69"]);
    assert!(
        shown.starts_with("Femmes Chefs d’Entreprises 69 — gender-based, active"),
        "{shown}"
    );
    // Any case, extra spaces, a typographic dash or an accent typed or not.
    env.ok(["show", "network", "  FEMMES  chefs D’entreprises 69 "]);
    env.run([
        "log", "meeting", "--network", "femmes chefs d‘entreprises 69", "--format", "lunch",
        "--date", "2024-02-01",
    ])
    .success()
    .stdout_is("Logged meeting #1: lunch at Femmes Chefs d’Entreprises 69 on 2024-02-01.\n");
}

#[test]
fn a_name_typed_without_accents_or_with_other_punctuation_finds_the_contact() {
    let env = typographic();
    env.run([
        "log", "meeting", "--format", "one-to-one", "--date", "2024-02-01",
        "--met", "Amelie Dupre-Lefevre", "--met", "Loic N'Diaye", "--no-input",
    ])
    .success()
    // Nobody created: both are the journal's.
    .stdout_is("Logged meeting #1: one-to-one on 2024-02-01.\n");
    // Decomposed Unicode (NFD), as some systems and exports write it.
    let nfd = "Ame\u{301}lie Dupre\u{301}\u{2011}Lefe\u{300}vre";
    env.run(["log", "meeting", "--format", "phone", "--date", "2024-02-02", "--met", nfd])
        .success()
        .stdout_is("Logged meeting #2: phone on 2024-02-02.\n");
    let contacts = env.list_json("contacts", &[]);
    assert_eq!(contacts.len(), 2, "{contacts:?}");
    let amelie = env.row_named("contacts", "Amélie Dupré-Lefèvre");
    // The name keeps the form first typed.
    assert_eq!(amelie["meetings"], 2);
    assert_eq!(env.row_named("contacts", "Loïc N’Diaye")["meetings"], 1);
    // Every command that names a contact finds them so.
    env.run(["note", "met twice", "--contact", "AMELIE DUPRE LEFEVRE"]);
    env.ok(["note", "kind words", "--contact", "loic n’diaye"]);
}

#[test]
fn adding_a_contact_whose_name_folds_like_another_is_refused() {
    let env = typographic();
    env.rejects(
        ["add", "contact", "amelie dupre-lefevre"],
        "a contact named `Amélie Dupré-Lefèvre` is already in the journal",
    );
}

#[test]
fn a_close_name_is_refused_without_a_terminal_with_the_suggestion() {
    let env = typographic();
    for line in [
        ["log", "meeting", "--format", "lunch", "--met", "Amelie Dupre Lefevre"].as_slice(),
        ["log", "referral", "--received", "--contact", "Amélie Dupré-Lefebvre"].as_slice(),
        ["add", "contact", "Loic NDiaye"].as_slice(),
    ] {
        let name = line[line.len() - 1];
        env.rejects(line, &format!("error: no contact named `{name}`\n"))
            .stderr_contains("hint: did you mean `")
            .stderr_contains("add `--new-contact`");
    }
    // In French too.
    env.rejects(
        [
            "--lang", "fr", "log", "meeting", "--format", "lunch", "--met", "Loic NDiaye",
            "--no-input",
        ],
        "erreur : aucun contact nommé `Loic NDiaye`\n",
    )
    .stderr_contains("astuce : vouliez-vous dire `Loïc N’Diaye` ?")
    .stderr_contains("ajoutez `--new-contact`");
}

#[test]
fn new_contact_says_a_close_name_is_someone_else() {
    let env = typographic();
    env.run([
        "log", "meeting", "--format", "lunch", "--date", "2024-02-01", "--met",
        "Amélie Dupré-Lefebvre", "--met", "Sophie Nouvelle", "--new-contact",
    ])
    .success()
    .stdout_is(
        "Logged meeting #1: lunch on 2024-02-01.\n\
         Added contact `Amélie Dupré-Lefebvre`.\n\
         Added contact `Sophie Nouvelle`.\n",
    );
    env.run(["add", "contact", "Loic NDiaye", "--new-contact"]).success();
    assert_eq!(env.list_json("contacts", &[]).len(), 5);
}

#[test]
fn log_referral_records_a_new_person_met_through_its_network() {
    let env = typographic();
    env.run([
        "log", "referral", "--received", "--contact", "Sophie Nouvelle", "--network",
        "Femmes Chefs d'Entreprises 69", "--date", "2024-03-01",
    ])
    .success()
    .stdout_is(
        "Logged referral #1: received, open, on 2024-03-01.\n\
         Added contact `Sophie Nouvelle`, met through Femmes Chefs d’Entreprises 69.\n",
    );
    let sophie = env.row_named("contacts", "Sophie Nouvelle");
    assert_eq!(sophie["network"], "Femmes Chefs d’Entreprises 69");
    let referral = &env.list_json("referrals", &[])[0];
    assert_eq!(referral["contact"], "Sophie Nouvelle");
    assert_eq!(referral["network"], "Femmes Chefs d’Entreprises 69");
    // Without a network: a person met through none yet, a referral outside any network.
    env.run([
        "--lang", "fr", "log", "referral", "--given", "--contact", "Hugo Neuf", "--date",
        "2024-03-02",
    ])
    .success()
    .stdout_is(
        "Recommandation n°2 enregistrée : donnée, en cours, le 2024-03-02.\n\
         Contact `Hugo Neuf` ajouté.\n",
    );
    // A known contact typed another way is theirs, with their network.
    env.run([
        "log", "referral", "--given", "--contact", "amelie dupre-lefevre", "--date", "2024-03-03",
    ])
    .success()
    .stdout_contains("under Femmes Chefs d’Entreprises 69")
    .stdout_lacks("Added contact");
}

#[test]
fn renaming_a_contact_onto_another_suggests_merging_them() {
    let env = typographic();
    env.run(["add", "contact", "Amelie D.", "--no-input"]).success();
    env.rejects(
        ["edit", "contact", "Amelie D.", "--name", "Amelie Dupre-Lefevre"],
        "a contact named `Amélie Dupré-Lefèvre` is already in the journal",
    )
    .stderr_contains("netjournal merge contact 1 3");
}
