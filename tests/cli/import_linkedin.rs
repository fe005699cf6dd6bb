//! `import linkedin FILE [--network N]`: contacts from LinkedIn's `Connections.csv`
//! (`tests/fixtures/Connections.csv`: a BOM, the `Notes:` preamble, quoted commas, empty
//! e-mails, non-ASCII names and a member without a name), and the progress bar of a large
//! file, on a terminal only.

use std::fs;
use std::process::Stdio;

use rexpect::process::WaitStatus;
use rexpect::session::spawn_command;

use serde_json::{Value, json};

use crate::common::{TODAY, TestEnv};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/Connections.csv"
);

/// The fixture, copied into the environment's folder (where commands run) as `name`, so that
/// messages name it as a user would see it.
fn with_file(env: &TestEnv, name: &str, bytes: &[u8]) {
    fs::write(env.path(name), bytes).expect("write the file to import");
}

fn fixture() -> Vec<u8> {
    fs::read(FIXTURE).expect("the Connections.csv fixture")
}

/// The fixture with `line` (from 1) replaced by `text`.
fn fixture_with_line(line: usize, text: &str) -> Vec<u8> {
    let original = String::from_utf8(fixture()).unwrap();
    let mut lines: Vec<&str> = original.split('\n').collect();
    lines[line - 1] = text;
    lines.join("\n").into_bytes()
}

/// `name`'s row in `list contacts --format json`, without its uuid.
fn contact(env: &TestEnv, name: &str) -> Value {
    let mut row = env.row_named("contacts", name);
    row["uuid"].take();
    row
}

#[test]
fn a_fresh_journal_takes_every_named_connection() {
    let env = TestEnv::new();
    with_file(&env, "Connections.csv", &fixture());
    env.run(["import", "linkedin", "Connections.csv"])
        .success()
        .stdout_is(
            "Imported Connections.csv: 8 connections read; 7 added, 0 updated, 0 already up to \
             date, 1 skipped.\n\
             Skipped:\n  \
             line 11: no name (LinkedIn leaves it empty for some members)\n",
        );
    let names: Vec<Value> = env
        .list_json("contacts", &[])
        .into_iter()
        .map(|row| row["name"].clone())
        .collect();
    assert_eq!(
        names,
        json!([
            "Claire Petit",
            "Hélène Müller-Lefèvre",
            "Julie Bernard",
            "Marc Leroy",
            "Paul Martin",
            "Sophie Durand",
            "Zoë O'Brien"
        ])
        .as_array()
        .unwrap()
        .clone()
    );
    assert_eq!(
        contact(&env, "Sophie Durand"),
        json!({
            "id": 1,
            "uuid": null,
            "name": "Sophie Durand",
            "profession": "Architecte",
            "company": "Durand, Architectes associés",
            "email": "sophie.durand@example.com",
            "linkedin": "https://www.linkedin.com/in/sophie-durand-archi",
            "network": null,
            "notes": null,
            "added_on": "2024-03-15",
            "meetings": 0,
        })
    );
    let helene = contact(&env, "Hélène Müller-Lefèvre");
    assert_eq!(helene["email"], Value::Null);
    assert_eq!(helene["position"], Value::Null);
    assert_eq!(helene["profession"], "Designer UX, freelance");
    assert_eq!(helene["added_on"], "2024-02-02");
    assert_eq!(contact(&env, "Zoë O'Brien")["company"], "O'Brien & Co, Ltd");
}

#[test]
fn importing_the_same_file_again_changes_nothing() {
    let env = TestEnv::with_journal();
    with_file(&env, "Connections.csv", &fixture());
    env.run(["import", "linkedin", "Connections.csv"]).success();
    let bytes = env.bytes();
    let dump = env.dump();
    env.run(["import", "linkedin", "Connections.csv"])
        .success()
        .stdout_contains("0 added, 0 updated, 7 already up to date, 1 skipped.");
    assert_eq!(
        env.dump(),
        dump,
        "a second import changed the journal's rows"
    );
    assert!(
        env.bytes() == bytes,
        "a second import changed the journal's bytes"
    );
}

#[test]
fn known_people_are_completed_never_overwritten() {
    // The story journal: Paul Martin, Sophie Durand, Claire Petit and Marc Leroy were met
    // (known by name only); Julie Bernard was added with her e-mail and a profession.
    let env = TestEnv::with_journal();
    let before = env.list_json("contacts", &[]).len();
    with_file(&env, "Connections.csv", &fixture());
    env.run(["import", "linkedin", "Connections.csv"])
        .success()
        .stdout_is(
            "Imported Connections.csv: 8 connections read; 2 added, 5 updated, 0 already up to \
             date, 1 skipped.\n\
             Completed by name alone (no profile or e-mail in common: check it is them):\n  \
             line 5: Sophie Durand\n  \
             line 7: Paul Martin\n  \
             line 9: Marc Leroy\n  \
             line 12: Claire Petit\n\
             Skipped:\n  \
             line 11: no name (LinkedIn leaves it empty for some members)\n",
        );
    assert_eq!(env.list_json("contacts", &[]).len(), before + 2);
    // Matched by e-mail: the profile is added, the profession she was recorded with stays.
    let julie = contact(&env, "Julie Bernard");
    assert_eq!(julie["profession"], "accountant");
    assert_eq!(julie["company"], "Bernard & Associés");
    assert_eq!(
        julie["linkedin"],
        "https://www.linkedin.com/in/julie-bernard-expert"
    );
    assert_eq!(julie["network"], "Freelances Montpellier");
    // Matched by name: what the journal lacked is filled in; the day first met stays.
    let paul = contact(&env, "Paul Martin");
    assert_eq!(paul["profession"], "Plombier");
    assert_eq!(paul["company"], "Martin Plomberie");
    assert_eq!(paul["added_on"], "2024-02-06");
    assert_eq!(paul["network"], "BNI Montpellier");
    assert_eq!(paul["meetings"], 1);
}

#[test]
fn a_namesake_with_another_profile_is_reported_not_merged() {
    let env = TestEnv::new();
    env.run([
        "add",
        "contact",
        "Claire Petit",
        "--linkedin",
        "https://www.linkedin.com/in/claire-petit-notaire",
        "--profession",
        "notaire",
    ])
    .success();
    env.run([
        "add",
        "contact",
        "Paul Martin",
        "--email",
        "paul@martin.example",
    ])
    .success();
    let without_email = fixture_with_line(
        7,
        "Paul,Martin,https://www.linkedin.com/in/paul-martin-plombier,p.martin@example.com,\
         Martin Plomberie,Plombier,06 Feb 2024",
    );
    with_file(&env, "Connections.csv", &without_email);
    env.run(["import", "linkedin", "Connections.csv"])
        .success()
        .stdout_contains("5 added, 0 updated, 0 already up to date, 3 skipped.")
        .stdout_contains(
            "  line 7: Paul Martin: `Paul Martin` in the journal has another e-mail address \
             (paul@martin.example); if they are two people, add this one by hand under a name \
             that tells them apart\n",
        )
        .stdout_contains(
            "  line 12: Claire Petit: `Claire Petit` in the journal has another LinkedIn profile \
             (https://www.linkedin.com/in/claire-petit-notaire); if they are two people",
        );
    let claire = contact(&env, "Claire Petit");
    assert_eq!(claire["profession"], "notaire");
    assert_eq!(claire["company"], Value::Null);
}

#[test]
fn network_attaches_the_new_contacts_only() {
    let env = TestEnv::with_journal();
    with_file(&env, "Connections.csv", &fixture());
    env.run([
        "import",
        "linkedin",
        "Connections.csv",
        "--network",
        "freelances montpellier",
    ])
    .success()
    .stdout_contains("New contacts are met through Freelances Montpellier.\n");
    assert_eq!(
        contact(&env, "Hélène Müller-Lefèvre")["network"],
        "Freelances Montpellier"
    );
    assert_eq!(contact(&env, "Paul Martin")["network"], "BNI Montpellier");
    assert_eq!(
        contact(&env, "Claire Petit")["network"],
        "Femmes Entrepreneures 34"
    );
}

#[test]
fn a_connection_without_a_date_is_added_today() {
    let env = TestEnv::new();
    let text = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
                Anne,Roux,,,,,\n";
    with_file(&env, "Connections.csv", text.as_bytes());
    env.run(["import", "linkedin", "Connections.csv"]).success();
    assert_eq!(contact(&env, "Anne Roux")["added_on"], TODAY);
}

#[test]
fn bad_files_are_refused_whole_with_the_place_named() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "journal.json",
            br#"{"format": "netjournal-export", "networks": []}"#.to_vec(),
            "error: journal.json: no LinkedIn header: expected LinkedIn's Connections.csv",
        ),
        (
            "contacts.csv",
            b"Name,Email\nPaul Martin,paul@example.com\n".to_vec(),
            "error: contacts.csv: no LinkedIn header",
        ),
        (
            "Connections.csv",
            b"First Name,Last Name,Email Address\nPaul,Martin,p@example.com\n".to_vec(),
            "error: Connections.csv:1: the header lacks `URL`, `Company`, `Position`, \
             `Connected On`",
        ),
        (
            "Connections.csv",
            fixture_with_line(
                7,
                "Paul,Martin,,,Martin Plomberie, SARL,Plombier,06 Feb 2024",
            ),
            "error: Connections.csv:7: 8 values where the header has 7",
        ),
        (
            "Connections.csv",
            fixture_with_line(7, "Paul,Martin,,,Martin Plomberie,Plombier,le 6 février"),
            "error: Connections.csv:7: `le 6 février` in Connected On is not a date",
        ),
        (
            "Connections.csv",
            fixture_with_line(9, "Marc,Leroy,https://example.com/marc,,,,14 May 2024"),
            "error: Connections.csv:9: `https://example.com/marc` is not a LinkedIn profile",
        ),
        (
            "Connections.csv",
            fixture_with_line(8, "Julie,Bernard,,julie(at)example.com,,,20 Jan 2024"),
            "error: Connections.csv:8: `julie(at)example.com` is not an e-mail address",
        ),
        (
            "Connections.csv",
            [&fixture()[..], b"Ren\xe9,Dupuis,,,,,01 Jan 2024\n"].concat(),
            "error: Connections.csv:13: the text is not UTF-8",
        ),
    ];
    for (name, bytes, message) in cases {
        for env in [TestEnv::new(), TestEnv::with_journal()] {
            with_file(&env, name, &bytes);
            env.rejects(["import", "linkedin", name], message);
        }
    }
}

#[test]
fn a_missing_file_or_network_is_bad_input() {
    let env = TestEnv::with_journal();
    env.rejects(
        ["import", "linkedin", "Connexions.csv"],
        "error: cannot read `Connexions.csv`: no such file",
    );
    with_file(&env, "Connections.csv", &fixture());
    env.rejects(
        [
            "import",
            "linkedin",
            "Connections.csv",
            "--network",
            "Freelance Montpelier",
        ],
        "no network named `Freelance Montpelier`",
    );
}

#[test]
fn a_progress_bar_shows_on_a_terminal_only() {
    let mut text =
        String::from("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
    for i in 0..3_000 {
        text.push_str(&format!(
            "Anne,Roux {i},https://www.linkedin.com/in/anne-roux-{i},,,,15 Mar 2024\n"
        ));
    }
    // Piped: no bar (`success` wants nothing on stderr).
    let env = TestEnv::new();
    with_file(&env, "Connections.csv", text.as_bytes());
    env.run(["import", "linkedin", "Connections.csv"])
        .success()
        .stdout_contains("3000 added");

    let other = TestEnv::new();
    with_file(&other, "Connections.csv", text.as_bytes());
    let on_terminal = |args: &[&str]| -> String {
        let mut command = other.spawnable(args);
        command
            .stdin(Stdio::inherit())
            .stdout(Stdio::inherit())
            .stderr(Stdio::inherit())
            .env("TERM", "xterm");
        let mut session = spawn_command(command, Some(30_000)).expect("start in a pty");
        let printed = session.exp_eof().expect("the end");
        match session.process().wait() {
            Ok(WaitStatus::Exited(_, 0)) => printed,
            other => panic!("{args:?}: {other:?}; it printed:\n{printed}"),
        }
    };
    let printed = on_terminal(&["import", "linkedin", "Connections.csv"]);
    assert!(printed.contains("Importing ["), "{printed}");
    assert!(printed.contains("/3000 rows ("), "{printed}");
    assert!(printed.contains("3000 added"), "{printed}");
    // In French, the bar too; the second import goes over every row again.
    let printed = on_terminal(&["--lang", "fr", "import", "linkedin", "Connections.csv"]);
    assert!(printed.contains("Import en cours ["), "{printed}");
    assert!(printed.contains("/3000 lignes (encore "), "{printed}");
    // A small file shows none, even on a terminal.
    with_file(&other, "small.csv", &fixture());
    let printed = on_terminal(&["import", "linkedin", "small.csv"]);
    assert!(!printed.contains("Importing"), "{printed}");
}

#[test]
fn exports_in_linkedins_languages_are_read_with_their_month_names() {
    // The same two connections, as LinkedIn exports them in each of its languages.
    let exports = [
        (
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
            "05 Dec 2023",
            "14 May 2024",
        ),
        (
            "Prénom,Nom,URL,Adresse e-mail,Entreprise,Poste,Date de connexion",
            "05 déc. 2023",
            "14 mai 2024",
        ),
        (
            "Vorname,Nachname,URL,E-Mail-Adresse,Unternehmen,Position,Verbunden am",
            "05. Dez. 2023",
            "14. Mai 2024",
        ),
        (
            "Nombre,Apellidos,URL,Dirección de correo electrónico,Empresa,Cargo,Fecha de conexión",
            "05 dic 2023",
            "14 may 2024",
        ),
        (
            "Nome,Cognome,URL,Indirizzo email,Azienda,Posizione,Data di collegamento",
            "05 dic 2023",
            "14 mag 2024",
        ),
        (
            "Nome,Sobrenome,URL,Endereço de e-mail,Empresa,Cargo,Data de conexão",
            "05 de dez. de 2023",
            "14 de mai. de 2024",
        ),
        (
            "Voornaam,Achternaam,URL,E-mailadres,Bedrijf,Functie,Verbonden op",
            "05 dec 2023",
            "14 mei 2024",
        ),
    ];
    for (header, december, may) in exports {
        let env = TestEnv::new();
        let file = format!(
            "\u{feff}Notes:\n\"…\"\n\n{header}\n\
             Sophie,Durand,https://www.linkedin.com/in/sophie,sophie@example.com,Durand,Architecte,\
             {december}\n\
             Marc,Leroy,https://www.linkedin.com/in/marc,,,\"Développeur Rust, Go\",{may}\n"
        );
        with_file(&env, "Connections.csv", file.as_bytes());
        env.run(["import", "linkedin", "Connections.csv"])
            .success()
            .stdout_contains("2 connections read; 2 added");
        assert_eq!(
            contact(&env, "Sophie Durand")["added_on"],
            "2023-12-05",
            "{header}"
        );
        assert_eq!(
            contact(&env, "Marc Leroy")["added_on"],
            "2024-05-14",
            "{header}"
        );
        assert_eq!(
            contact(&env, "Sophie Durand")["email"],
            "sophie@example.com"
        );
    }
}

#[test]
fn values_add_contact_would_refuse_are_refused_with_their_line() {
    let header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
    let cases = [
        (
            "Paul,Martin,,,ACME,Boss,12/05/2024",
            "error: Connections.csv:2: `12/05/2024` in Connected On could be read two ways (day \
             first or month first): expected the date as LinkedIn writes it, such as 05 Dec 2025",
        ),
        (
            "Paul,Martin,,,ACME,Boss,05 Dec 2099",
            "error: Connections.csv:2: `05 Dec 2099` in Connected On is not a day one could \
             connect on: expected a date from 2003, when LinkedIn opened, to today",
        ),
        (
            "Paul,Martin,,,ACME,Boss,16 Jun 2024",
            "`16 Jun 2024` in Connected On is not a day one could connect on",
        ),
        (
            "Paul,Martin,javascript:alert(1),,,,",
            "error: Connections.csv:2: `javascript:alert(1)` is not a LinkedIn profile",
        ),
        (
            "Paul,Martin,,\"paul@example.com\nBcc: all@example.com\",,,",
            "is not an e-mail address",
        ),
        (
            "\u{200B}\u{200B},\u{200D},,,,,",
            "error: Connections.csv:2: the name `\u{200B}\u{200B} \u{200D}`: \
             \"\\u{200b}\\u{200b} \\u{200d}\" has no visible character",
        ),
        (
            "Paul,\u{202E}nitraM,,,,,",
            "contains a character that reverses the text's direction",
        ),
        (
            "Paul,Martin,,,\"ACME\rPaid in full\",,",
            "error: Connections.csv:2: Company: \"ACME\\rPaid in full\" contains a control \
             character",
        ),
    ];
    for (values, message) in cases {
        for env in [TestEnv::new(), TestEnv::with_journal()] {
            with_file(
                &env,
                "Connections.csv",
                format!("{header}\n{values}\n").as_bytes(),
            );
            env.rejects(["import", "linkedin", "Connections.csv"], message);
        }
    }
}
