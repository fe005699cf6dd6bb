//! `add contact NAME [--profession] [--company] [--network] [--email] [--linkedin] [--notes]`.

use serde_json::json;

use crate::common::{TODAY, TestEnv, split};

#[test]
fn every_option_is_stored_and_the_network_matched_case_insensitively() {
    let env = TestEnv::new();
    env.run([
        "add",
        "network",
        "Femmes Entrepreneures",
        "--kind",
        "gender-based",
    ])
    .success();
    env.run(split(
        r#"
            add contact "Claire Petit" --profession designer --company "Petit Studio"
            --network "FEMMES entrepreneures" --email claire@example.com
            --linkedin linkedin.com/in/claire-petit
            --notes "met at the September evening"
        "#,
    ))
    .success()
    .stdout_is("Added contact #1 `Claire Petit`, met through Femmes Entrepreneures.\n");

    let mut contact = env.row_named("contacts", "Claire Petit");
    contact["uuid"].take();
    assert_eq!(
        contact,
        json!({
            "id": 1,
            "uuid": null,
            "name": "Claire Petit",
            "profession": "designer",
            "company": "Petit Studio",
            "email": "claire@example.com",
            "linkedin": "https://linkedin.com/in/claire-petit",
            "network": "Femmes Entrepreneures",
            "notes": "met at the September evening",
            "added_on": TODAY,
            "meetings": 0,
        })
    );
}

#[test]
fn a_name_is_enough() {
    let env = TestEnv::new();
    env.run(["add", "contact", "Paul Martin"])
        .success()
        .stdout_is("Added contact #1 `Paul Martin`.\n");
    let contact = env.row_named("contacts", "Paul Martin");
    for absent in [
        "profession",
        "company",
        "email",
        "linkedin",
        "network",
        "notes",
    ] {
        assert_eq!(contact[absent], json!(null), "{absent}");
    }
}

#[test]
fn linkedin_profiles_are_kept_as_https_addresses() {
    let env = TestEnv::new();
    let cases = [
        (
            "A",
            "https://www.linkedin.com/in/a",
            "https://www.linkedin.com/in/a",
        ),
        (
            "B",
            "http://fr.linkedin.com/in/b",
            "https://fr.linkedin.com/in/b",
        ),
        ("C", "linkedin.com/in/c", "https://linkedin.com/in/c"),
    ];
    for (name, typed, _) in cases {
        env.run(["add", "contact", name, "--linkedin", typed])
            .success();
    }
    for (name, typed, stored) in cases {
        assert_eq!(
            env.row_named("contacts", name)["linkedin"],
            stored,
            "{typed}"
        );
    }
}

#[test]
fn a_second_contact_of_the_same_name_is_refused_whatever_its_case() {
    let env = TestEnv::new();
    env.run(["add", "contact", "Paul Martin"]).success();
    env.rejects(
        ["add", "contact", "PAUL  martin"],
        "a contact named `Paul Martin` is already in the journal",
    )
    .stderr_contains("hint: ");
}

#[test]
fn bad_addresses_are_refused() {
    let env = TestEnv::with_journal();
    env.rejects(
        ["add", "contact", "X", "--email", "julie(at)example"],
        "julie(at)example",
    )
    .stderr_contains("name@example.com");
    env.rejects(
        [
            "add",
            "contact",
            "X",
            "--linkedin",
            "https://example.com/in/x",
        ],
        "https://example.com/in/x",
    )
    .stderr_contains("linkedin.com/in/");
}

#[test]
fn an_unknown_network_is_refused_with_a_suggestion() {
    let env = TestEnv::with_journal();
    env.rejects(
        ["add", "contact", "X", "--network", "Freelance Montpelier"],
        "no network named `Freelance Montpelier`",
    )
    .stderr_contains("hint: did you mean `Freelances Montpellier`?");
}
