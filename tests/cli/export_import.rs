//! `export` and `import FILE.json`: the document's shape, CSV as `list` writes it, the round
//! trip (exported, imported into an empty journal, exported again: the same document), a
//! second import that changes nothing, a merge of two journals with their conflicts, each
//! class of bad file refused with its place named and the journal unchanged, and the progress
//! bar on a terminal only.

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::process::Stdio;
use std::sync::OnceLock;

use rexpect::process::WaitStatus;
use rexpect::session::spawn_command;
use serde_json::{Value as Json, json};

use crate::common::TestEnv;

/// The story's journal (see `common::STORY`) with an hourly rate, built once.
fn story() -> TestEnv {
    static JOURNAL: OnceLock<Vec<u8>> = OnceLock::new();
    let bytes = JOURNAL.get_or_init(|| {
        let env = TestEnv::with_journal();
        env.run(["config", "set", "rate.hourly", "60"]).success();
        env.bytes().expect("the story's journal")
    });
    TestEnv::with_bytes(bytes)
}

/// `export` of `env`'s journal, parsed.
#[track_caller]
fn export(env: &TestEnv) -> Json {
    env.run(["export"]).success().json()
}

/// Writes `document` into `env`'s folder as `name`; returns its path as an argument.
fn file(env: &TestEnv, name: &str, document: &Json) -> String {
    let path = env.path(name);
    fs::write(&path, serde_json::to_string_pretty(document).unwrap()).expect("write the file");
    path.to_string_lossy().into_owned()
}

/// The lines of `import`'s tally: `("meetings", "6 added, 0 already there, 0 in conflict")`.
fn tally(stdout: &str, table: &str) -> String {
    let line = stdout
        .lines()
        .find(|line| line.trim_start().starts_with(&format!("{table} ")))
        .unwrap_or_else(|| panic!("no tally for {table} in:\n{stdout}"));
    line.trim_start()[table.len()..]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_document_holds_every_row_with_its_uuid_and_references_by_uuid() {
    let env = story();
    let document = export(&env);
    assert_eq!(document["format"], "netjournal-export");
    assert_eq!(document["format_version"], 4);
    let schema_version: i64 = env
        .sql()
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    assert_eq!(document["schema_version"], schema_version);
    assert_eq!(document["exported_at"], "2024-06-15T12:00:00+00:00");
    assert_eq!(document["currency"], "EUR");
    assert_eq!(document["settings"], json!({ "rate.hourly": "6000" }));
    let count = |table: &str| document[table].as_array().map(Vec::len);
    assert_eq!(count("networks"), Some(4));
    assert_eq!(count("contacts"), Some(5));
    assert_eq!(count("meetings"), Some(6));
    assert_eq!(count("referrals"), Some(3));
    assert_eq!(count("notes"), Some(4));

    let uuids = |table: &str| -> BTreeSet<String> {
        document[table]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| row["uuid"].as_str().unwrap().to_string())
            .collect()
    };
    let (networks, contacts, meetings) = (uuids("networks"), uuids("contacts"), uuids("meetings"));
    for table in ["networks", "contacts", "meetings", "referrals", "notes"] {
        for row in document[table].as_array().unwrap() {
            assert!(row.get("id").is_none(), "{table} row with an id: {row}");
            for stamp in ["created_at", "updated_at"] {
                assert!(row[stamp].is_string(), "{table} row without {stamp}: {row}");
            }
            for (key, pointed) in [
                ("network_uuid", &networks),
                ("contact_uuid", &contacts),
                ("meeting_uuid", &meetings),
            ] {
                if let Some(uuid) = row.get(key).and_then(Json::as_str) {
                    assert!(
                        pointed.contains(uuid),
                        "{table}.{key} points at nothing: {row}"
                    );
                }
            }
        }
    }
    let breakfast = document["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["date"] == "2024-02-06")
        .unwrap();
    let met: Vec<&str> = breakfast["contact_uuids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap())
        .collect();
    let names: BTreeSet<&str> = document["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| met.contains(&c["uuid"].as_str().unwrap()))
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, BTreeSet::from(["Paul Martin", "Sophie Durand"]));
    // Whether a meeting was in person follows from its format: not repeated.
    assert!(breakfast.get("in_person").is_none());
}

#[test]
fn csv_exports_have_the_columns_of_list() {
    let env = story();
    for what in ["networks", "meetings", "contacts", "referrals", "notes"] {
        let exported = env.ok(["export", "--format", "csv", "--what", what]);
        let listed = env.ok(["list", what, "--format", "csv"]);
        assert_eq!(exported, listed, "{what}");
    }
    env.rejects(["export", "--format", "csv"], "missing --what");
    env.rejects(
        ["export", "--what", "notes"],
        "--what goes with --format csv",
    );
    env.rejects(["export", "--format", "xml"], "xml");
}

#[test]
fn output_is_written_owner_only_and_replaces_a_file() {
    let env = story();
    let out = env.path("journal.json");
    fs::write(&out, "old").unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o644)).unwrap();
    let run = env.cmd(["export", "--output"]).arg(&out).run();
    run.exit(0).stdout_is("");
    run.stderr_contains("Exported the journal to");
    let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let written: Json = serde_json::from_slice(&fs::read(&out).unwrap()).unwrap();
    assert_eq!(written, export(&env));
    // No file of the export's own is left beside it.
    let names: Vec<_> = fs::read_dir(env.dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".new"))
        .collect();
    assert!(names.is_empty(), "{names:?}");

    let csv = env.path("meetings.csv");
    env.cmd(["export", "--format", "csv", "--what", "meetings", "-o"])
        .arg(&csv)
        .run()
        .exit(0);
    assert_eq!(
        fs::metadata(&csv).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        fs::read_to_string(&csv).unwrap(),
        env.ok(["list", "meetings", "--format", "csv"])
    );
    // Never over the journal itself.
    let db = env.db().to_string_lossy().into_owned();
    env.rejects(["export", "--output", &db], "is the journal itself");
}

#[test]
fn a_round_trip_gives_the_same_document() {
    let env = story();
    let first = export(&env);
    let path = file(&env, "journal.json", &first);

    let other = TestEnv::new();
    let stdout = other.ok(["import", &path]);
    assert!(stdout.contains("Imported"), "{stdout}");
    assert_eq!(
        tally(&stdout, "meetings"),
        "6 added, 0 already there, 0 in conflict"
    );
    assert_eq!(
        tally(&stdout, "settings"),
        "1 added, 0 already there, 0 in conflict"
    );
    assert_eq!(export(&other), first);

    // Exported at another moment, only `exported_at` differs.
    let mut later = other
        .cmd(["export"])
        .env("NETJOURNAL_NOW", "2025-01-01")
        .run()
        .success()
        .json();
    assert_eq!(later["exported_at"], "2025-01-01T12:00:00+00:00");
    later["exported_at"] = first["exported_at"].clone();
    assert_eq!(later, first);

    // The journal made from the file reports as the one it came from.
    assert_eq!(
        other.ok(["report", "--format", "json"]),
        env.ok(["report", "--format", "json"])
    );
}

#[test]
fn meetings_come_by_date_then_creation_then_uuid_with_their_contacts_by_uuid() {
    let env = TestEnv::new();
    env.ok([
        "add",
        "network",
        "BNI",
        "--kind",
        "co-optation",
        "--joined",
        "2024-01-01",
    ]);
    // Logged in an order unlike the document's: a later day first, then on one day a meeting
    // written later before six written at the same moment (whose order is their uuids'), with
    // people met in an order unlike their uuids'.
    let log = |now: &str, date: &str, met: &[&str]| {
        let mut args = vec!["log", "meeting", "--network", "BNI", "--date", date];
        args.extend(["--format", "breakfast"]);
        for name in met {
            args.extend(["--met", name]);
        }
        env.cmd(args).env("NETJOURNAL_NOW", now).run().success();
    };
    log("2024-06-14T09:00:00+00:00", "2024-05-02", &["Zoé", "Yann"]);
    log("2024-06-15T09:00:00+00:00", "2024-05-01", &[]);
    for _ in 0..6 {
        log(
            "2024-06-14T08:00:00+00:00",
            "2024-05-01",
            &["Xavier", "Zoé", "Yann"],
        );
    }
    log("2024-06-13T09:00:00+00:00", "2024-04-30", &["Yann"]);

    let document = export(&env);
    let meetings = document["meetings"].as_array().unwrap();
    assert_eq!(meetings.len(), 9);
    let key = |meeting: &Json| {
        let text = |field: &str| meeting[field].as_str().unwrap().to_string();
        (text("date"), text("created_at"), text("uuid"))
    };
    let keys: Vec<_> = meetings.iter().map(key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert_eq!(keys[0].0, "2024-04-30");
    assert_eq!(keys[7].1, "2024-06-15T09:00:00+00:00");
    assert_eq!(keys[8].0, "2024-05-02");
    let people: Vec<usize> = meetings
        .iter()
        .map(|meeting| meeting["contact_uuids"].as_array().unwrap().len())
        .collect();
    assert_eq!(people, [1, 3, 3, 3, 3, 3, 3, 0, 2]);
    for meeting in meetings {
        let uuids: Vec<&str> = meeting["contact_uuids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|uuid| uuid.as_str().unwrap())
            .collect();
        assert!(uuids.is_sorted(), "{uuids:?}");
    }
    // The order of the uuids is the only one: whatever the rows' ids, the same document.
    let other = TestEnv::new();
    other.ok(["import", &file(&env, "journal.json", &document)]);
    assert_eq!(export(&other), document);
}

/// The schema's objects (tables and indexes, with their SQL) in a dump of the journal.
fn schema(env: &TestEnv) -> Vec<String> {
    env.dump()
        .lines()
        .filter(|line| line.starts_with("table ") || line.starts_with("index "))
        .map(str::to_string)
        .collect()
}

#[test]
fn an_import_into_an_empty_journal_ends_with_every_index() {
    // A journal with a setting and no row: the import builds its indexes after the rows.
    let env = story();
    let document = export(&env);
    let path = file(&env, "journal.json", &document);
    let empty = TestEnv::new();
    empty.ok(["config", "set", "rate.hourly", "60"]);
    let before = schema(&empty);
    assert!(
        before
            .iter()
            .any(|line| line.starts_with("index meetings_date:"))
    );

    // Refused at the merge (a meeting's network is in neither the file nor the journal): the
    // journal is as it was, indexes included.
    let dump = empty.dump();
    let orphan = mended(&env, "orphan.json", |d| {
        d["meetings"][5]["network_uuid"] = json!("0b0e7d0e-5a8e-4a55-8f6e-2f7a9c1d3b44");
    });
    empty.run(["import", &orphan]).bad_input();
    assert_eq!(empty.dump(), dump);

    empty.ok(["import", &path]);
    assert_eq!(schema(&empty), before);
    let conn = rusqlite::Connection::open(empty.db()).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    // The indexes hold every row: the report reads through them as on the source journal.
    assert_eq!(
        empty.ok(["report", "--format", "json"]),
        env.ok(["report", "--format", "json"])
    );
}

#[test]
fn a_second_import_changes_nothing() {
    let env = story();
    let path = file(&env, "journal.json", &export(&env));
    let other = TestEnv::new();
    other.run(["import", &path]).success();
    let bytes = other.bytes();
    let dump = other.dump();
    let run = other.run(["import", &path]);
    run.success().stdout_contains("Nothing new in");
    let stdout = run.stdout();
    for (table, rows) in [
        ("networks", 4),
        ("contacts", 5),
        ("meetings", 6),
        ("referrals", 3),
        ("notes", 4),
        ("settings", 1),
    ] {
        assert_eq!(
            tally(&stdout, table),
            format!("0 added, {rows} already there, 0 in conflict")
        );
    }
    other.assert_unchanged(&bytes, &dump, &run);
    // Into the journal it came from, too.
    let bytes = env.bytes();
    let dump = env.dump();
    let run = env.run(["import", &path]);
    run.success().stdout_contains("Nothing new in");
    env.assert_unchanged(&bytes, &dump, &run);
}

#[test]
fn two_journals_merge_with_their_conflicts_reported() {
    // The laptop's journal goes to the phone, and each side lives on.
    let laptop = story();
    let phone = TestEnv::new();
    phone
        .run(["import", &file(&laptop, "laptop.json", &export(&laptop))])
        .success();
    phone.replay(
        r#"
        edit network "BNI Montpellier" --rules "one member per trade"
        add contact "Nadia Roux" --profession designer
        log meeting --date 2024-06-01 --format lunch --met "Nadia Roux" --met "Claire Petit"
        add contact "Hugo Blanc" --network "Freelances Montpellier"
        config set rate.hourly 45
        "#,
    );
    laptop.replay(
        r#"
        add contact "hugo blanc" --profession photographer
        log meeting --date 2024-06-03 --format phone --met "Julie Bernard"
        "#,
    );
    let from_phone = file(&phone, "phone.json", &export(&phone));
    let run = laptop.run(["import", &from_phone]);
    run.success();
    let stdout = run.stdout();
    assert_eq!(
        tally(&stdout, "networks"),
        "0 added, 3 already there, 1 in conflict"
    );
    assert_eq!(
        tally(&stdout, "contacts"),
        "1 added, 5 already there, 1 in conflict"
    );
    assert_eq!(
        tally(&stdout, "meetings"),
        "1 added, 6 already there, 0 in conflict"
    );
    assert_eq!(
        tally(&stdout, "settings"),
        "0 added, 0 already there, 1 in conflict"
    );
    assert!(
        stdout.contains(
            "conflict: network `BNI Montpellier` differs from the journal's: kept the journal's; \
             the file has rules `one member per trade` (the journal: `one member per profession`)"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("conflict: contact `Hugo Blanc` (contacts[")
            && stdout.contains("has the name of the journal's contact `hugo blanc`"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "conflict: setting `rate.hourly` differs from the journal's: kept the journal's"
        ),
        "{stdout}"
    );
    // The journal's rows are kept; the new ones are added, pointing at the journal's rows.
    let bni = laptop.row_named("networks", "BNI Montpellier");
    assert_eq!(bni["rules"], "one member per profession");
    let hugo = laptop.row_named("contacts", "hugo blanc");
    assert_eq!(hugo["profession"], "photographer");
    let lunch = laptop
        .list_json("meetings", &[])
        .into_iter()
        .find(|m| m["date"] == "2024-06-01")
        .expect("the phone's lunch");
    assert_eq!(lunch["contacts"], json!(["Claire Petit", "Nadia Roux"]));
    assert_eq!(laptop.list_json("meetings", &[]).len(), 8);
    assert_eq!(laptop.ok(["config", "get", "rate.hourly"]).trim(), "60.00");

    // Merged back the other way, the phone gets the laptop's call, and both agree on it.
    let from_laptop = file(&laptop, "laptop2.json", &export(&laptop));
    phone.run(["import", &from_laptop]).success();
    assert_eq!(phone.list_json("meetings", &[]).len(), 8);
    // Imported again, nothing new either way.
    laptop
        .run(["import", &from_phone])
        .success()
        .stdout_contains("Nothing new in");
}

/// The story's export with one change made by `mend`.
fn mended(env: &TestEnv, name: &str, mend: impl FnOnce(&mut Json)) -> String {
    let mut document = export(env);
    mend(&mut document);
    file(env, name, &document)
}

#[test]
fn bad_files_are_refused_with_their_place_named_and_nothing_imported() {
    let env = TestEnv::new();
    env.run(["add", "network", "Ateliers", "--kind", "local"])
        .success();
    let source = story();
    let good = export(&source);

    // Not JSON: the file, line and column.
    let path = env.path("broken.json");
    fs::write(
        &path,
        "{\n  \"format\": \"netjournal-export\",\n  \"networks\": [,]\n}",
    )
    .unwrap();
    let broken = path.to_string_lossy().into_owned();
    env.rejects(["import", &broken], &format!("{broken}:3:"));
    let path = env.path("cut.json");
    let text = serde_json::to_string_pretty(&good).unwrap();
    fs::write(&path, &text[..text.len() / 2]).unwrap();
    env.rejects(["import", &path.to_string_lossy()], "cut.json:");

    // Not an export.
    let list = file(
        &env,
        "list.json",
        &source
            .run(["list", "networks", "--format", "json"])
            .success()
            .json(),
    );
    env.rejects(
        ["import", &list],
        "not a netjournal export: it holds a list",
    );
    let other = file(&env, "other.json", &json!({ "name": "a config file" }));
    env.rejects(["import", &other], "not a netjournal export");
    let wrong = file(
        &env,
        "wrong.json",
        &json!({ "format": "something-else", "format_version": 1 }),
    );
    env.rejects(["import", &wrong], "\"something-else\"");

    // An unknown or newer version.
    let newer = mended(&source, "newer.json", |d| d["format_version"] = json!(5));
    env.rejects(
        ["import", &newer],
        "newer netjournal (export format version 5",
    );
    let zero = mended(&source, "zero.json", |d| d["format_version"] = json!(0));
    env.rejects(["import", &zero], "export format version 0 is unknown");
    let text = mended(&source, "text.json", |d| d["format_version"] = json!("one"));
    env.rejects(
        ["import", &text],
        "export format version \"one\" is unknown",
    );

    // A record with a bad field: the record and the field named.
    let brunch = mended(&source, "brunch.json", |d| {
        d["meetings"][3]["format"] = json!("brunch")
    });
    let uuid = good["meetings"][3]["uuid"].as_str().unwrap();
    env.rejects(
        ["import", &brunch],
        &format!("meetings[3] (uuid {uuid}): format `brunch` is not a meeting format"),
    );
    let rating = mended(&source, "rating.json", |d| {
        d["meetings"][0]["rating"] = json!(7)
    });
    env.rejects(
        ["import", &rating],
        "rating 7 is out of range: expected 1 to 5",
    );
    // Longer than `log meeting` takes for its kind: refused as typed.
    let long = mended(&source, "long.json", |d| {
        d["meetings"][3]["format"] = json!("breakfast");
        d["meetings"][3]["minutes"] = json!(600)
    });
    env.rejects(
        ["import", &long],
        &format!(
            "meetings[3] (uuid {uuid}): 600 minutes (10h) is longer than a meeting of this kind \
             lasts (breakfast): expected at most 300 minutes"
        ),
    );
    let date = mended(&source, "date.json", |d| {
        d["referrals"][1]["date"] = json!("2024-02-30")
    });
    env.rejects(["import", &date], "referrals[1] (uuid");
    let minutes = mended(&source, "minutes.json", |d| {
        d["meetings"][2]["minutes"] = json!("ninety")
    });
    env.rejects(["import", &minutes], "meetings[2].minutes: invalid type");
    let missing = mended(&source, "missing.json", |d| {
        d["networks"][0].as_object_mut().unwrap().remove("kind");
    });
    env.rejects(["import", &missing], "networks[0]: missing field `kind`");
    let unknown = mended(&source, "unknown.json", |d| {
        d["notes"][0]["colour"] = json!("red")
    });
    env.rejects(
        ["import", &unknown],
        "notes[0].colour: unknown field `colour`",
    );
    let twice = mended(&source, "twice.json", |d| {
        d["contacts"][2]["uuid"] = d["contacts"][0]["uuid"].clone();
    });
    env.rejects(["import", &twice], "the same uuid as contacts[0]");
    let names = mended(&source, "names.json", |d| {
        d["contacts"][1]["name"] = json!("CLAIRE PETIT")
    });
    env.rejects(["import", &names], "names are unique in a journal");
    let setting = mended(&source, "setting.json", |d| {
        d["settings"]["rate.weekly"] = json!("1")
    });
    env.rejects(
        ["import", &setting],
        "settings.rate.weekly: no setting named",
    );

    // A reference to nothing, found late: the rows before it are not imported either.
    let dangling = mended(&source, "dangling.json", |d| {
        d["notes"][3]["meeting_uuid"] = json!("00000000-0000-4000-8000-000000000000");
        d["notes"][3]["network_uuid"] = Json::Null;
        d["notes"][3]["contact_uuid"] = Json::Null;
    });
    env.rejects(
        ["import", &dangling],
        "meeting_uuid `00000000-0000-4000-8000-000000000000` is no meeting of the file nor of \
         the journal",
    );

    // Another currency, into a journal that holds amounts already.
    let dollars = mended(&source, "dollars.json", |d| d["currency"] = json!("USD"));
    env.rejects(
        ["import", &dollars],
        "its amounts are in USD and the journal's in EUR",
    );

    // No such file.
    env.rejects(["import", "nowhere.json"], "cannot read `nowhere.json`");
    env.rejects(["import"], "missing FILE");
}

#[test]
fn an_empty_journal_takes_the_files_currency() {
    let source = story();
    let dollars = mended(&source, "dollars.json", |d| d["currency"] = json!("USD"));
    let env = TestEnv::new();
    env.run(["import", &dollars])
        .success()
        .stdout_contains("its currency is now the file's, USD");
    assert_eq!(env.ok(["config", "get", "currency"]).trim(), "USD");
}

/// An export of `meetings` meetings with one network and one contact, made without the
/// program (as fast as a test needs).
fn large_document(meetings: usize) -> Json {
    let stamp = "2024-06-15T12:00:00+00:00";
    let network = "11111111-1111-4111-8111-111111111111";
    let contact = "22222222-2222-4222-8222-222222222222";
    let meetings: Vec<Json> = (0..meetings)
        .map(|i| {
            json!({
                "uuid": format!("33333333-3333-4333-8333-{i:012}"),
                "date": format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
                "network_uuid": network, "format": "breakfast", "minutes": 60,
                "travel_minutes": null, "cost_cents": 1200, "rating": 3, "notes": null,
                "contact_uuids": [contact], "created_at": stamp, "updated_at": stamp,
            })
        })
        .collect();
    json!({
        "format": "netjournal-export", "format_version": 1, "schema_version": 1,
        "exported_at": stamp, "currency": "EUR", "settings": {},
        "networks": [{
            "uuid": network, "name": "BNI", "kind": "co-optation", "joined_on": "2024-01-01",
            "left_on": null, "exit_reason": null, "invited_by": null, "fee_cents": null,
            "fee_period": null, "rules": null, "notes": null,
            "created_at": stamp, "updated_at": stamp,
        }],
        "contacts": [{
            "uuid": contact, "name": "Paul Martin", "profession": null, "company": null,
            "email": null, "linkedin": null, "network_uuid": network, "notes": null,
            "added_on": "2024-01-01", "created_at": stamp, "updated_at": stamp,
        }],
        "meetings": meetings, "referrals": [], "notes": [],
    })
}

#[test]
fn a_progress_bar_shows_on_a_terminal_only() {
    let env = TestEnv::new();
    let path = file(&env, "large.json", &large_document(3_000));
    // Piped: no bar (`success` wants nothing on stderr).
    env.run(["import", &path]).success();
    env.run(["export"]).success();

    let other = TestEnv::new();
    let on_terminal = |args: &[&str]| -> String {
        let mut command = other.spawnable(args);
        command
            .stdin(Stdio::inherit())
            .stdout(Stdio::inherit())
            .stderr(Stdio::inherit())
            .env("TERM", "xterm");
        let mut session = spawn_command(command, Some(20_000)).expect("start in a pty");
        let printed = session.exp_eof().expect("the end");
        match session.process().wait() {
            Ok(WaitStatus::Exited(_, 0)) => printed,
            other => panic!("{args:?}: {other:?}; it printed:\n{printed}"),
        }
    };
    let printed = on_terminal(&["import", &path]);
    assert!(printed.contains("Importing"), "{printed}");
    assert!(printed.contains("3000 added"), "{printed}");
    let out = other.path("out.json");
    let printed = on_terminal(&["export", "--output", &out.to_string_lossy()]);
    assert!(printed.contains("Exporting"), "{printed}");
    // To the terminal itself, the document is not mixed with a bar.
    let printed = on_terminal(&["export"]);
    assert!(!printed.contains("Exporting"), "{printed}");
}

/// The story's journal with a fee that changes at Freelances Montpellier's next renewal, a
/// minor concern and a resolved one.
fn with_history() -> TestEnv {
    let env = story();
    env.replay(
        r#"
        edit network "Freelances Montpellier" --fee 20
        edit network "Freelances Montpellier" --fee 25 --from 2025-01-02
        note "Lunches start late" --network "Freelances Montpellier" --severity minor --date 2024-05-14
        edit note 1 --resolved 2024-03-01
        "#,
    );
    env
}

#[test]
fn fee_changes_severities_and_resolutions_make_the_round_trip() {
    let env = with_history();
    let document = export(&env);
    let freelances = document["networks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["name"] == "Freelances Montpellier")
        .unwrap();
    let changes: Vec<_> = document["fee_changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            assert_eq!(c["network_uuid"], freelances["uuid"]);
            (
                c["from_on"].clone(),
                c["fee_cents"].clone(),
                c["fee_period"].clone(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            (json!("2024-07-02"), json!(2000), json!("month")),
            (json!("2025-01-02"), json!(2500), json!("month"))
        ]
    );
    // The fee joined at stays the network's own.
    assert_eq!(freelances["fee_cents"], 1500);
    let notes: Vec<_> = document["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["text"].clone(),
                n["severity"].clone(),
                n["resolved_on"].clone(),
            )
        })
        .collect();
    assert!(notes.contains(&(
        json!("My name on a press release I never agreed to"),
        json!("serious"),
        json!("2024-03-01")
    )));
    assert!(notes.contains(&(json!("Lunches start late"), json!("minor"), json!(null))));
    assert!(notes.contains(&(json!("Breakfast at 7 sharp"), json!(null), json!(null))));

    let path = file(&env, "journal.json", &document);
    let other = TestEnv::new();
    let stdout = other.ok(["import", &path]);
    assert_eq!(
        tally(&stdout, "fee changes"),
        "2 added, 0 already there, 0 in conflict"
    );
    assert_eq!(export(&other), document);
    assert_eq!(
        other.row_named("networks", "Freelances Montpellier")["fees"],
        env.row_named("networks", "Freelances Montpellier")["fees"]
    );
    // Again: nothing new.
    let bytes = other.bytes();
    let dump = other.dump();
    let run = other.run(["import", &path]);
    run.success().stdout_contains("Nothing new in");
    assert_eq!(
        tally(&run.stdout(), "fee changes"),
        "0 added, 2 already there, 0 in conflict"
    );
    other.assert_unchanged(&bytes, &dump, &run);
    // In French, the table has its name.
    let stdout = other.ok(["--lang", "fr", "import", &path]);
    assert!(
        stdout.contains(
            "  changements de cotisation      0 ajouté,       2 déjà là,    0 en conflit"
        ),
        "{stdout}"
    );
}

#[test]
fn a_fee_change_made_on_each_side_is_a_conflict_and_the_journal_s_is_kept() {
    let laptop = story();
    let phone = story();
    laptop.replay(r#"edit network "Freelances Montpellier" --fee 20"#);
    phone.replay(r#"edit network "Freelances Montpellier" --fee 18"#);
    let from_phone = file(&phone, "phone.json", &export(&phone));
    let run = laptop.run(["import", &from_phone]);
    let stdout = run.success().stdout();
    assert_eq!(
        tally(&stdout, "fee changes"),
        "0 added, 0 already there, 1 in conflict"
    );
    assert!(
        stdout.contains(
            "conflict: the fee change of `Freelances Montpellier` from 2024-07-02 (fee_changes[0] \
             of the file) is in the journal already, under another uuid: kept the journal's"
        ),
        "{stdout}"
    );
    assert_eq!(
        laptop.row_named("networks", "Freelances Montpellier")["fees"][1]["fee_cents"],
        2000
    );
    // The same change, edited on one side since: a conflict on its fee.
    let copy = TestEnv::new();
    copy.run(["import", &file(&laptop, "laptop.json", &export(&laptop))])
        .success();
    copy.replay(r#"edit network "Freelances Montpellier" --fee 21 --from 2024-07-02"#);
    let stdout = laptop.ok(["import", &file(&copy, "copy.json", &export(&copy))]);
    assert!(
        stdout.contains(
            "conflict: the fee change of `Freelances Montpellier` from 2024-07-02 (uuid "
        ) && stdout.contains("fee_cents 2100 (the journal: 2000)"),
        "{stdout}"
    );
}

/// A version 1 export: no fee changes, notes without severity nor resolution.
fn version_one(document: &Json) -> Json {
    let mut old = document.clone();
    old["format_version"] = json!(1);
    old["schema_version"] = json!(1);
    old.as_object_mut().unwrap().remove("fee_changes");
    for note in old["notes"].as_array_mut().unwrap() {
        let note = note.as_object_mut().unwrap();
        note.remove("severity");
        note.remove("resolved_on");
    }
    for meeting in old["meetings"].as_array_mut().unwrap() {
        meeting.as_object_mut().unwrap().remove("start_time");
    }
    old
}

#[test]
fn an_older_export_still_imports_its_concerns_serious_and_unresolved() {
    let env = with_history();
    let old = version_one(&export(&env));
    let path = file(&env, "old.json", &old);
    let other = TestEnv::new();
    let stdout = other.ok(["import", &path]);
    assert!(!stdout.contains("fee changes"), "{stdout}");
    let notes = other.list_json("notes", &[]);
    for note in &notes {
        let severity = if note["concern"] == true {
            json!("serious")
        } else {
            json!(null)
        };
        assert_eq!(note["severity"], severity, "{note}");
        assert_eq!(note["resolved_on"], json!(null), "{note}");
    }
    // Its fees apply from joining.
    assert_eq!(
        other.row_named("networks", "Freelances Montpellier")["fees"],
        json!([{"from_on": "2024-04-02", "fee_cents": 1500, "fee_period": "month"}])
    );
    // Imported again, nothing new; nor into the journal it came from, whose concerns have
    // since been found minor or resolved: the old file says nothing of that.
    for env in [&other, &env] {
        let bytes = env.bytes();
        let dump = env.dump();
        let run = env.run(["import", &path]);
        run.success().stdout_contains("Nothing new in");
        assert!(!run.stdout().contains("conflict:"), "{}", run.stdout());
        env.assert_unchanged(&bytes, &dump, &run);
    }
}

/// A change made to a good export, to make it bad.
type Mend = Box<dyn Fn(&mut Json)>;

#[test]
fn bad_fee_changes_and_severities_are_refused_with_their_place_named() {
    let source = with_history();
    let good = export(&source);
    let env = TestEnv::new();
    let note = good["notes"]
        .as_array()
        .unwrap()
        .iter()
        .position(|n| n["concern"] == false)
        .unwrap();
    let concern = good["notes"]
        .as_array()
        .unwrap()
        .iter()
        .position(|n| n["concern"] == true)
        .unwrap();
    let cases: Vec<(Mend, String)> = vec![
        (
            Box::new(move |d: &mut Json| d["notes"][concern]["severity"] = json!("urgent")),
            "severity `urgent` is not a severity: expected minor or serious".into(),
        ),
        (
            Box::new(move |d: &mut Json| d["notes"][note]["severity"] = json!("minor")),
            "severity `minor` is given for a note that is not a concern".into(),
        ),
        (
            Box::new(move |d: &mut Json| d["notes"][note]["resolved_on"] = json!("2024-05-01")),
            "resolved_on is given for a note that is not a concern".into(),
        ),
        (
            Box::new(move |d: &mut Json| d["notes"][concern]["resolved_on"] = json!("2024-13-01")),
            "resolved_on `2024-13-01` is not a date".into(),
        ),
        (
            Box::new(|d: &mut Json| d["fee_changes"][1]["fee_period"] = json!("weekly")),
            "fee_changes[1] (uuid".into(),
        ),
        (
            Box::new(|d: &mut Json| d["fee_changes"][0]["fee_cents"] = json!(-5)),
            "fee_cents -5 is out of range".into(),
        ),
        (
            Box::new(|d: &mut Json| d["fee_changes"][0]["from_on"] = json!("soon")),
            "from_on `soon` is not a date".into(),
        ),
        (
            Box::new(|d: &mut Json| {
                d["fee_changes"][1]["from_on"] = d["fee_changes"][0]["from_on"].clone()
            }),
            "the same network_uuid and from_on as fee_changes[0]".into(),
        ),
        (
            Box::new(|d: &mut Json| {
                d["fee_changes"][0]["network_uuid"] = json!("0b0e7d0e-5a8e-4a55-8f6e-2f7a9c1d3b44")
            }),
            "network_uuid `0b0e7d0e-5a8e-4a55-8f6e-2f7a9c1d3b44` is no network of the file nor of \
             the journal"
                .into(),
        ),
    ];
    for (index, (mend, named)) in cases.into_iter().enumerate() {
        let mut document = good.clone();
        mend(&mut document);
        let path = file(&env, &format!("bad{index}.json"), &document);
        env.rejects(["import", &path], &named);
    }
    // In French.
    let mut document = good.clone();
    document["notes"][note]["severity"] = json!("minor");
    let path = file(&env, "bad-fr.json", &document);
    env.rejects(
        ["--lang", "fr", "import", &path],
        "severity `minor` est donné pour une note qui n'est pas une alerte",
    );
}

/// Runs `import FILE` (`/dev/stdin` or `-`) on `env`'s journal with `text` written to its
/// standard input (a pipe, which cannot be read twice): exit code, standard output and standard
/// error.
fn import_piped(env: &TestEnv, file: &str, text: &str) -> (Option<i32>, String, String) {
    use std::io::Write;
    let mut child = env
        .spawnable(["import", file])
        .stdin(Stdio::piped())
        .spawn()
        .expect("start netjournal");
    let mut stdin = child.stdin.take().unwrap();
    let text = text.to_string();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(text.as_bytes());
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let said = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (
        output.status.code(),
        said(output.stdout),
        said(output.stderr),
    )
}

#[test]
fn an_export_piped_in_imports_as_the_file_would() {
    let source = story();
    let document = export(&source);
    let text = serde_json::to_string_pretty(&document).unwrap();

    // `-` is standard input too, as for most tools that read a file.
    for file in ["/dev/stdin", "-"] {
        let env = TestEnv::new();
        let (code, stdout, stderr) = import_piped(&env, file, &text);
        assert_eq!(code, Some(0), "{file}: {stderr}");
        assert_eq!(
            tally(&stdout, "meetings"),
            "6 added, 0 already there, 0 in conflict"
        );
        assert_eq!(export(&env), document);
    }

    // A pipe cut half-way: refused with its place, in words rather than the parser's, and
    // nothing imported.
    let other = TestEnv::new();
    let (code, _, stderr) = import_piped(&other, "-", &text[..text.len() / 2]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("/dev/stdin:"), "{stderr}");
    assert!(
        stderr.contains("the file ends in the middle of the JSON"),
        "{stderr}"
    );
    assert!(!other.db().exists(), "a refused import made a journal");
    // Nothing at all: said so.
    let (code, _, stderr) = import_piped(&other, "-", "");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("/dev/stdin: the file is empty"), "{stderr}");
    assert!(!other.db().exists(), "a refused import made a journal");
}

#[test]
fn a_broken_record_is_named_at_its_line_and_column_in_the_file() {
    let source = story();
    let env = TestEnv::new();
    let text = serde_json::to_string_pretty(&export(&source)).unwrap();
    // A number cut in two inside the third meeting: the file's outline is whole, the record
    // is not. Its place is the one serde_json gives reading the whole file.
    let minutes = text.match_indices("\"minutes\": ").nth(2).unwrap().0;
    let end = minutes + text[minutes..].find(',').unwrap();
    let broken = format!("{} 0{}", &text[..end], &text[end..]);
    let whole = serde_json::from_str::<Json>(&broken).unwrap_err();
    let path = env.path("broken.json");
    fs::write(&path, &broken).unwrap();
    let path = path.to_string_lossy().into_owned();
    env.rejects(
        ["import", &path],
        &format!("{path}:{}:{}: meetings[2]", whole.line(), whole.column()),
    );
    assert!(!env.db().exists(), "a refused import made a journal");

    // A record that is no object at all, in the middle of its table.
    let mut document = export(&source);
    document["meetings"][1] = json!(42);
    let path = file(&env, "number.json", &document);
    env.rejects(["import", &path], "meetings[1]: invalid type: integer `42`");
}

#[test]
fn the_fields_of_an_export_are_read_in_any_order() {
    let source = story();
    let document = export(&source);
    // Written by hand, the tables in reverse order and the header last: each table is still
    // merged after those it refers to.
    let object = document.as_object().unwrap();
    let mut fields: Vec<String> = object
        .iter()
        .map(|(key, value)| format!("{}: {}", json!(key), value))
        .collect();
    fields.sort();
    fields.reverse();
    let text = format!("{{\n{}\n}}\n", fields.join(",\n"));
    let env = TestEnv::new();
    fs::write(env.path("reversed.json"), &text).unwrap();
    env.ok(["import", "reversed.json"]);
    assert_eq!(export(&env), document);

    // A field given twice is refused, as serde_json refuses it.
    let twice = text.replacen("{\n", "{\n\"currency\": \"EUR\",\n", 1);
    fs::write(env.path("twice.json"), &twice).unwrap();
    TestEnv::new().rejects(
        ["import", &env.path("twice.json").to_string_lossy()],
        "duplicate field `currency`",
    );
}
