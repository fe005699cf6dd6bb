//! `merge contact KEEP OTHER`: one person recorded twice made one record, and kept one across
//! export and import.

use std::fs;

use serde_json::{Value as Json, json};

use crate::common::TestEnv;

/// The story's journal, with Claire Petit recorded a second time, without her accent-free
/// spelling being noticed (`--new-contact`): a meeting, a referral and a note of her own.
fn twice() -> TestEnv {
    let env = TestEnv::with_journal();
    env.replay(
        r#"
        add contact "Claire Petitt" --new-contact --profession designer --email claire@studio.example --date 2023-08-01
        log meeting --date 2024-05-20 --format lunch --met "Claire Petitt" --met "Claire Petit" --minutes 60
        log meeting --date 2024-05-21 --format phone --met "Claire Petitt" --minutes 15
        log referral --given --contact "Claire Petitt" --date 2024-05-22 --network none
        note "prefers mornings" --contact "Claire Petitt" --date 2024-05-22
        "#,
    );
    env
}

fn export(env: &TestEnv) -> Json {
    env.run(["export"]).success().json()
}

fn file(env: &TestEnv, name: &str, document: &Json) -> String {
    let path = env.path(name);
    fs::write(&path, serde_json::to_string_pretty(document).unwrap()).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn everything_of_the_other_moves_to_the_one_kept() {
    let env = twice();
    let before = env.row_named("contacts", "Claire Petit");
    assert_eq!(before["meetings"], 4);
    env.run(["merge", "contact", "claire petit", "Claire Petitt", "--yes"])
        .success()
        .stdout_is(
            "Merged `Claire Petitt` into contact #1 `Claire Petit`: 2 meetings, 1 referral, 1 note moved.\n\
             Filled in from `Claire Petitt`: profession, email.\n",
        );
    let contacts = env.list_json("contacts", &[]);
    assert!(
        contacts.iter().all(|c| c["name"] != "Claire Petitt"),
        "{contacts:?}"
    );
    let claire = env.row_named("contacts", "Claire Petit");
    // The lunch with both is one meeting with her.
    assert_eq!(claire["meetings"], 5);
    assert_eq!(claire["profession"], "designer");
    assert_eq!(claire["email"], "claire@studio.example");
    // Her first meeting is the earlier of the two.
    assert_eq!(claire["added_on"], "2023-08-01");
    // What was hers stays hers: the network she was met through.
    assert_eq!(claire["network"], before["network"]);
    let referrals = env.list_json("referrals", &[]);
    assert_eq!(
        referrals
            .iter()
            .filter(|r| r["contact"] == "Claire Petit")
            .count(),
        3
    );
    let notes = env.list_json("notes", &[]);
    assert!(
        notes
            .iter()
            .any(|n| n["text"] == "prefers mornings" && n["contact"] == "Claire Petit"),
        "{notes:?}"
    );
}

#[test]
fn without_a_terminal_or_yes_nothing_is_merged() {
    let env = twice();
    env.rejects(
        ["merge", "contact", "Claire Petit", "Claire Petitt"],
        "Merge `Claire Petitt` into `Claire Petit`?",
    )
    .stderr_contains("--yes");
    env.rejects(
        [
            "--lang",
            "fr",
            "merge",
            "contact",
            "Claire Petit",
            "claire petit",
            "--yes",
        ],
        "erreur : `Claire Petit` est deux fois le même contact",
    );
    env.rejects(
        ["merge", "contact", "Claire Petit", "Nobody Here", "--yes"],
        "no contact named `Nobody Here`",
    );
}

#[test]
fn by_numbers_and_in_french() {
    let env = twice();
    let other = env.row_named("contacts", "Claire Petitt")["id"].to_string();
    env.run(["--lang", "fr", "merge", "contact", "1", &other, "--yes"])
        .success()
        .stdout_is(
            "`Claire Petitt` réuni dans le contact n°1 `Claire Petit` : 2 réunions, 1 recommandation, 1 note déplacés.\n\
             Complété depuis `Claire Petitt` : métier, e-mail.\n",
        );
}

#[test]
fn merging_then_exporting_then_importing_is_idempotent() {
    let env = twice();
    let old = export(&env);
    let old_file = file(&env, "before.json", &old);
    env.run(["merge", "contact", "Claire Petit", "Claire Petitt", "--yes"])
        .success();
    let merged = export(&env);
    assert_eq!(merged["format_version"], 4);
    let petitt = old["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Claire Petitt")
        .unwrap()["uuid"]
        .clone();
    assert_eq!(merged["merged_contacts"][0]["old_uuid"], petitt);

    // The export taken before the merge does not bring her back, and adds nothing (the one kept
    // differs from her record before the merge, as after any edit: the journal's is kept).
    let dump = env.dump();
    let run = env.run(["import", &old_file]);
    run.success()
        .stdout_contains("Nothing new in")
        .stdout_contains("contacts        0 added,      5 already there,    1 in conflict");
    assert_eq!(env.dump(), dump, "{}", run.stdout());
    assert_eq!(export(&env)["contacts"], merged["contacts"]);

    // Into a new journal: the merged export, then the old one, give the merged journal.
    let other = TestEnv::new();
    let merged_file = file(&other, "merged.json", &merged);
    other.run(["import", &merged_file]).success();
    let old_file = file(&other, "before.json", &old);
    other.run(["import", &old_file]).success();
    let mut again = export(&other);
    let mut expected = merged.clone();
    again["exported_at"] = json!(null);
    expected["exported_at"] = json!(null);
    assert_eq!(again, expected);

    // A journal that never merged them takes the merge from the file.
    let laptop = TestEnv::new();
    let old_file = file(&laptop, "before.json", &old);
    laptop.run(["import", &old_file]).success();
    assert_eq!(
        laptop.list_json("contacts", &[]).len(),
        old["contacts"].as_array().unwrap().len()
    );
    let merged_file = file(&laptop, "merged.json", &merged);
    laptop.run(["import", &merged_file]).success();
    let mut synced = export(&laptop);
    synced["exported_at"] = json!(null);
    assert_eq!(synced["contacts"], expected["contacts"]);
    assert_eq!(synced["meetings"], expected["meetings"]);
    assert_eq!(synced["referrals"], expected["referrals"]);
}

#[test]
fn an_export_of_version_2_still_imports() {
    let env = twice();
    let mut old = export(&env);
    old["format_version"] = json!(2);
    old.as_object_mut().unwrap().remove("merged_contacts");
    let other = TestEnv::new();
    let path = file(&other, "v2.json", &old);
    other.run(["import", &path]).success();
    assert_eq!(
        other.list_json("contacts", &[]).len(),
        old["contacts"].as_array().unwrap().len()
    );
}
