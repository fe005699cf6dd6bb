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
        "--lang",
        "fr",
        "add",
        "contact",
        "{name} {id}",
        "--network",
        "Club {date}",
    ])
    .success()
    .stdout_is("Contact n°1 `{name} {id}` ajouté, rencontré via le Club {date}.\n");
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
        "log",
        "meeting",
        "--network",
        "femmes chefs d‘entreprises 69",
        "--format",
        "lunch",
        "--date",
        "2024-02-01",
    ])
    .success()
    .stdout_is("Logged meeting #1: lunch at Femmes Chefs d’Entreprises 69 on 2024-02-01.\n");
}

#[test]
fn a_name_typed_without_accents_or_with_other_punctuation_finds_the_contact() {
    let env = typographic();
    env.run([
        "log",
        "meeting",
        "--format",
        "one-to-one",
        "--date",
        "2024-02-01",
        "--met",
        "Amelie Dupre-Lefevre",
        "--met",
        "Loic N'Diaye",
        "--no-input",
    ])
    .success()
    // Nobody created: both are the journal's.
    .stdout_is("Logged meeting #1: one-to-one on 2024-02-01.\n");
    // Decomposed Unicode (NFD), as some systems and exports write it.
    let nfd = "Ame\u{301}lie Dupre\u{301}\u{2011}Lefe\u{300}vre";
    env.run([
        "log",
        "meeting",
        "--format",
        "phone",
        "--date",
        "2024-02-02",
        "--met",
        nfd,
    ])
    .success()
    .stdout_is("Logged meeting #2: phone on 2024-02-02.\n");
    let contacts = env.list_json("contacts", &[]);
    assert_eq!(contacts.len(), 2, "{contacts:?}");
    let amelie = env.row_named("contacts", "Amélie Dupré-Lefèvre");
    // The name keeps the form first typed.
    assert_eq!(amelie["meetings"], 2);
    assert_eq!(env.row_named("contacts", "Loïc N’Diaye")["meetings"], 1);
    // Every command that names a contact finds them so.
    env.run(["note", "met twice", "--contact", "AMELIE DUPRE–LEFEVRE"])
        .success();
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
        [
            "log",
            "meeting",
            "--format",
            "lunch",
            "--met",
            "Amelie Dupre Lefevre",
        ]
        .as_slice(),
        [
            "log",
            "referral",
            "--received",
            "--contact",
            "Amélie Dupré-Lefebvre",
        ]
        .as_slice(),
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
            "--lang",
            "fr",
            "log",
            "meeting",
            "--format",
            "lunch",
            "--met",
            "Loic NDiaye",
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
        "log",
        "meeting",
        "--format",
        "lunch",
        "--date",
        "2024-02-01",
        "--met",
        "Amélie Dupré-Lefebvre",
        "--met",
        "Sophie Nouvelle",
        "--new-contact",
    ])
    .success()
    .stdout_is(
        "Logged meeting #1: lunch on 2024-02-01.\n\
         Added contact `Amélie Dupré-Lefebvre`.\n\
         Added contact `Sophie Nouvelle`.\n",
    );
    env.run(["add", "contact", "Loic NDiaye", "--new-contact"])
        .success();
    assert_eq!(env.list_json("contacts", &[]).len(), 5);
}

#[test]
fn log_referral_records_a_new_person_met_through_its_network() {
    let env = typographic();
    env.run([
        "log",
        "referral",
        "--received",
        "--contact",
        "Sophie Nouvelle",
        "--network",
        "Femmes Chefs d'Entreprises 69",
        "--date",
        "2024-03-01",
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
        "--lang",
        "fr",
        "log",
        "referral",
        "--given",
        "--contact",
        "Hugo Neuf",
        "--date",
        "2024-03-02",
    ])
    .success()
    .stdout_is(
        "Recommandation n°2 enregistrée : donnée, en cours, le 2 mars 2024.\n\
         Contact `Hugo Neuf` ajouté.\n",
    );
    // A known contact typed another way is theirs, with their network.
    env.run([
        "log",
        "referral",
        "--given",
        "--contact",
        "amelie dupre-lefevre",
        "--date",
        "2024-03-03",
    ])
    .success()
    .stdout_contains("under Femmes Chefs d’Entreprises 69")
    .stdout_lacks("Added contact");
}

#[test]
fn renaming_a_contact_onto_another_suggests_merging_them() {
    let env = typographic();
    env.run(["add", "contact", "Amelie D.", "--no-input"])
        .success();
    env.rejects(
        [
            "edit",
            "contact",
            "Amelie D.",
            "--name",
            "Amelie Dupre-Lefevre",
        ],
        "a contact named `Amélie Dupré-Lefèvre` is already in the journal",
    )
    .stderr_contains("netjournal merge contact 1 3");
}

const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

#[test]
fn linkedin_tells_apart_people_who_share_an_email_address() {
    let env = TestEnv::new();
    env.replay(
        r#"add contact "Claire Petit" --email contact@petit-studio.example --date 2024-01-10"#,
    );
    let file = format!(
        "{HEADER}\
         Marc,Leroy,https://www.linkedin.com/in/marc-leroy-dev,contact@petit-studio.example,Petit Studio,Développeur,14 May 2024\n\
         Lina,Petit,https://www.linkedin.com/in/lina-petit,CONTACT@petit-studio.example,Petit Studio,Stagiaire,15 May 2024\n\
         Claire,Petit,https://www.linkedin.com/in/claire-petit-graphiste,contact@petit-studio.example,Petit Studio,Graphiste,10 Oct 2023\n"
    );
    std::fs::write(env.path("Connections.csv"), file).unwrap();
    env.run(["import", "linkedin", "Connections.csv"])
        .success()
        .stdout_is(
            "Imported Connections.csv: 3 connections read; 2 added, 1 updated, 0 already up to \
             date, 0 skipped.\n\
             Different people with a known e-mail address or name:\n  \
             line 2: `Marc Leroy` shares the e-mail address of `Claire Petit` in the journal but \
             not the name: recorded as a different person\n  \
             line 3: `Lina Petit` shares the e-mail address of `Claire Petit` in the journal but \
             not the name: recorded as a different person\n",
        );
    // Claire keeps her own profile; Marc has his.
    let claire = env.row_named("contacts", "Claire Petit");
    assert_eq!(
        claire["linkedin"],
        "https://www.linkedin.com/in/claire-petit-graphiste"
    );
    assert_eq!(claire["profession"], "Graphiste");
    let marc = env.row_named("contacts", "Marc Leroy");
    assert_eq!(
        marc["linkedin"],
        "https://www.linkedin.com/in/marc-leroy-dev"
    );
    // Again: nothing added, nothing reported.
    env.run(["import", "linkedin", "Connections.csv"])
        .success()
        .stdout_is(
            "Imported Connections.csv: 3 connections read; 0 added, 0 updated, 3 already up to \
             date, 0 skipped.\n",
        );
    // In French.
    let other = TestEnv::new();
    other.replay(r#"add contact "Claire Petit" --email contact@petit-studio.example"#);
    std::fs::write(
        other.path("c.csv"),
        format!("{HEADER}Marc,Leroy,,contact@petit-studio.example,,,14 May 2024\n"),
    )
    .unwrap();
    other
        .run(["--lang", "fr", "import", "linkedin", "c.csv"])
        .success()
        .stdout_contains(
            "  ligne 2 : `Marc Leroy` a la même adresse e-mail que `Claire Petit` dans le journal \
             mais pas le même nom : enregistré comme une autre personne\n",
        );
}

#[test]
fn linkedin_matches_a_profile_percent_encoded_or_not_and_names_folded() {
    let env = TestEnv::new();
    env.replay(
        r#"
        add contact "Hélène Müller" --linkedin https://www.linkedin.com/in/hélène-müller --date 2024-01-10
        add contact "Loïc N’Diaye" --date 2024-01-10
        "#,
    );
    let file = format!(
        "{HEADER}\
         Hélène,Müller,https://www.linkedin.com/in/h%C3%A9l%C3%A8ne-m%C3%BCller,helene@example.com,,,14 May 2024\n\
         Loïc,N'Diaye,https://www.linkedin.com/in/loic-ndiaye,,,,14 May 2024\n\
         Amelie,Dupre,,,,,14 May 2024\n\
         Amélie,Dupré,,,,,14 May 2024\n"
    );
    std::fs::write(env.path("Connections.csv"), file).unwrap();
    env.run(["import", "linkedin", "Connections.csv"])
        .success()
        .stdout_contains("4 connections read; 1 added, 2 updated, 1 already up to date");
    assert_eq!(
        env.row_named("contacts", "Hélène Müller")["email"],
        "helene@example.com"
    );
    assert_eq!(
        env.row_named("contacts", "Loïc N’Diaye")["linkedin"],
        "https://www.linkedin.com/in/loic-ndiaye"
    );
    assert_eq!(env.list_json("contacts", &[]).len(), 3);
}

#[test]
fn linkedin_reports_a_new_name_close_to_a_contact() {
    let env = TestEnv::new();
    env.replay(r#"add contact "Amélie Dupré-Lefèvre" --date 2024-01-10"#);
    std::fs::write(
        env.path("c.csv"),
        format!("{HEADER}Amelie,Dupre Lefevre,,,,,14 May 2024\n"),
    )
    .unwrap();
    env.run(["import", "linkedin", "c.csv"])
        .success()
        .stdout_contains(
            "Close to a contact already in the journal (if they are one person, merge them):\n  \
         line 2: `Amelie Dupre Lefevre` is close to `Amélie Dupré-Lefèvre`: `netjournal merge \
         contact 1 2`\n",
        );
}

fn calendar(attendees: &[&str]) -> String {
    let mut text = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n\
         UID:lunch-1@test\r\nDTSTART:20240510T120000Z\r\nDTEND:20240510T130000Z\r\n\
         SUMMARY:Lunch\r\n",
    );
    for attendee in attendees {
        text.push_str(&format!("ATTENDEE;PARTSTAT=ACCEPTED;CN={attendee}\r\n"));
    }
    text.push_str("END:VEVENT\r\nEND:VCALENDAR\r\n");
    text
}

#[test]
fn a_calendar_guest_with_another_address_is_another_person() {
    let env = TestEnv::new();
    env.replay(
        r#"
        add contact "Paul Martin" --email paul@plumber.example --date 2024-01-10
        add contact "Sophie Durand" --email sophie@archi.example --date 2024-01-10
        add contact "Loïc N’Diaye" --date 2024-01-10
        "#,
    );
    std::fs::write(
        env.path("cal.ics"),
        calendar(&[
            "Paul Martin:mailto:paul.martin@bank.example",
            "S. Durand:mailto:SOPHIE@archi.example",
            "Loic N'Diaye:mailto:loic@example.com",
        ]),
    )
    .unwrap();
    env.run(["import", "ics", "cal.ics"])
        .success()
        .stdout_contains(
            "Added contact `Paul Martin (bank.example)`: `Paul Martin` <paul.martin@bank.example> \
             is not the journal's `Paul Martin` (paul@plumber.example).\n",
        )
        .stdout_lacks("Sophie")
        .stdout_lacks("Loic");
    let lunch = &env.list_json("meetings", &[])[0];
    assert_eq!(
        lunch["contacts"],
        serde_json::json!([
            "Loïc N’Diaye",
            "Paul Martin (bank.example)",
            "Sophie Durand"
        ])
    );
    assert_eq!(env.row_named("contacts", "Paul Martin")["meetings"], 0);
    // Again: nothing added.
    env.run(["import", "ics", "cal.ics"])
        .success()
        .stdout_lacks("Added contact");
    assert_eq!(env.list_json("contacts", &[]).len(), 4);

    // In French, and a new guest close to a contact is reported with the merge to run.
    let other = TestEnv::new();
    other.replay(r#"add contact "Paul Martin" --email paul@plumber.example"#);
    std::fs::write(
        other.path("cal.ics"),
        calendar(&[
            "Paul Martin:mailto:paul.martin@bank.example",
            "Paul Martine:mailto:pm@example.com",
        ]),
    )
    .unwrap();
    other
        .run(["--lang", "fr", "import", "ics", "cal.ics"])
        .success()
        .stdout_contains(
            "Contact `Paul Martin (bank.example)` ajouté : `Paul Martin` \
             <paul.martin@bank.example> n'est pas le `Paul Martin` du journal \
             (paul@plumber.example).\n",
        )
        .stdout_contains(
            "Contact `Paul Martine` ajouté.\n  `Paul Martine` est proche de `Paul Martin` : \
             `netjournal merge contact 1 3`\n",
        );
}

/// A journal as netjournal kept it before names were folded (before migration 004): two contacts
/// whose names differ only by accents, each under its own lower-case key.
fn before_folding() -> TestEnv {
    let env = TestEnv::new();
    env.replay(
        r#"
        add network "Femmes Chefs d’Entreprises 69" --kind gender-based --joined 2024-01-10
        add contact "Amélie Dupré" --email amelie@studio.example --date 2024-01-10
        add contact "Zoé Martin" --date 2024-01-10
        log meeting --format lunch --date 2024-02-01 --met "Zoé Martin"
        "#,
    );
    let conn = env.sql();
    conn.execute_batch(
        "DROP TABLE merged_contacts;
         UPDATE contacts SET name_key = lower(name);
         UPDATE networks SET name_key = lower(name);
         INSERT INTO contacts (uuid, name, name_key, profession, added_on, created_at, updated_at)
         VALUES ('00000000-0000-4000-8000-000000000002', 'Amelie Dupre', 'amelie dupre',
                 'designer', '2024-02-01', '2024-02-01T12:00:00+00:00',
                 '2024-02-01T12:00:00+00:00');
         INSERT INTO meeting_contacts (meeting_id, contact_id) VALUES (1, 3);",
    )
    .unwrap();
    // The version before the one that folds names, whatever its number.
    let before = netjournal::db::migrate::MIGRATIONS
        .iter()
        .position(|sql| sql.contains("CREATE TABLE merged_contacts"))
        .expect("the migration that folds names");
    conn.pragma_update(None, "user_version", before as i64)
        .unwrap();
    drop(conn);
    env
}

#[test]
fn an_upgrade_keeps_both_of_two_names_that_now_fold_alike_and_says_how_to_merge_them() {
    let env = before_folding();
    // The first command that writes upgrades the journal (a read upgrades it in memory only).
    // The later of the two can be changed by its number.
    env.run(["edit", "contact", "3", "--company", "Studio"])
        .success();
    // Every row is still there, and the network is found with a typed apostrophe.
    env.ok(["show", "network", "Femmes Chefs d'Entreprises 69"]);
    let names: Vec<String> = env
        .list_json("contacts", &[])
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["Amélie Dupré", "Amelie Dupre", "Zoé Martin"]);
    // A name that finds both asks which.
    env.rejects(
        ["show", "contact", "amelie dupre"],
        "error: `amelie dupre` names several contacts: #1 `Amélie Dupré`, #3 `Amelie Dupre`\n",
    )
    .stderr_contains("`netjournal merge contact 1 3`");
    env.rejects(
        [
            "--lang",
            "fr",
            "log",
            "meeting",
            "--format",
            "lunch",
            "--met",
            "Amélie Dupré",
        ],
        "erreur : `Amélie Dupré` désigne plusieurs contacts",
    );
    // The others are found by name as before.
    env.ok(["show", "contact", "zoe martin"]);
    // Made one person: her meeting moves, her profession fills the one kept.
    env.run(["merge", "contact", "1", "3", "--yes"])
        .success()
        .stdout_contains("Merged `Amelie Dupre` into contact #1 `Amélie Dupré`: 1 meeting");
    let amelie = env.row_named("contacts", "Amélie Dupré");
    assert_eq!(amelie["profession"], "designer");
    assert_eq!(amelie["company"], "Studio");
    assert_eq!(amelie["meetings"], 1);
    env.ok(["show", "contact", "AMELIE DUPRE"]);
}
