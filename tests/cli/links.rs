//! Symbolic links (issue 15): `--db` through a link to a journal not created yet creates the
//! file the link points to; `--output` and `backup` through a link write the file it points to
//! and keep the link; a link another user made is not written through.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use crate::common::TestEnv;

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink())
}

#[test]
fn a_db_link_to_a_journal_not_created_yet_creates_it_where_it_points() {
    let env = TestEnv::new();
    let link = env.path("journal-link.db");
    // Relative, into a folder that does not exist yet, as `ln -s` makes it.
    symlink("data/real.db", &link).unwrap();
    let real = env.path("data/real.db");
    env.invocation()
        .args([
            "--db",
            link.to_str().unwrap(),
            "add",
            "network",
            "BNI",
            "--kind",
            "local",
        ])
        .run()
        .success();
    assert!(is_link(&link), "the link was replaced");
    assert!(real.is_file());
    env.invocation()
        .args(["--db", link.to_str().unwrap(), "list", "networks"])
        .run()
        .success()
        .stdout_contains("BNI");
}

#[test]
fn outputs_through_a_link_write_the_file_it_points_to() {
    let env = TestEnv::with_journal();
    let shared = env.path("shared");
    fs::create_dir(&shared).unwrap();
    let cases: &[(&str, &[&str])] = &[
        ("export.json", &["export", "--output"]),
        ("report.md", &["report", "--format", "md", "--output"]),
        ("backup.db", &["backup"]),
    ];
    for (name, args) in cases {
        let link = env.path(name);
        let target = shared.join(name);
        symlink(&target, &link).unwrap();
        // A file not there yet, then written over (a backup with --force).
        for again in [false, true] {
            let mut args: Vec<&str> = args.to_vec();
            args.push(link.to_str().unwrap());
            if again && *name == "backup.db" {
                args.push("--force");
            }
            env.run(&args).exit(0);
            assert!(is_link(&link), "{args:?} replaced the link");
            assert!(
                target.is_file(),
                "{args:?} did not write {}",
                target.display()
            );
        }
    }
    // Without --force, a backup over a link to a file that exists is refused like any file.
    env.run(["backup", env.path("backup.db").to_str().unwrap()])
        .bad_input()
        .stderr_contains("already exists");
    assert!(
        fs::read(shared.join("export.json"))
            .unwrap()
            .starts_with(b"{")
    );
}

#[test]
fn a_link_another_user_made_is_not_written_through() {
    let env = TestEnv::with_journal();
    let link = env.path("report.md");
    let target = env.path("elsewhere.md");
    fs::write(&target, "someone else's file\n").unwrap();
    symlink(&target, &link).unwrap();
    // Only root can give a link to another user.
    if std::os::unix::fs::lchown(&link, Some(4242), Some(4242)).is_err() {
        return;
    }
    let run = env.run(["report", "--output", link.to_str().unwrap()]);
    run.failure()
        .stderr_contains("is a link another user made: it is not written through");
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "someone else's file\n"
    );
    assert!(is_link(&link));
}
