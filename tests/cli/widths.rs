//! Tables and the report on screens of 60, 80, 120 and 200 columns (`COLUMNS`): everything fits,
//! no word or figure is cut; a table whose words cannot fit shows one block per row, the report
//! one block per network (below 100 columns, or when its tables cannot fit); `--wide` or a pipe
//! keep the full tables.

use crate::common::TestEnv;
use crate::report::story;

const WIDTHS: [u16; 4] = [60, 80, 120, 200];

fn at(env: &TestEnv, width: u16, args: &[&str]) -> String {
    env.cmd(args)
        .env("COLUMNS", width.to_string())
        .run()
        .success()
        .stdout()
}

/// The lines of `text` wider than `width` characters.
fn too_wide(text: &str, width: u16) -> Vec<&str> {
    text.lines()
        .filter(|line| line.chars().count() > usize::from(width))
        .collect()
}

#[test]
fn the_report_at_each_width() {
    let env = story();
    for width in WIDTHS {
        let text = at(&env, width, &["report"]);
        assert!(too_wide(&text, width).is_empty(), "at {width}:\n{text}");
        insta::assert_snapshot!(format!("report_at_{width}"), text);
    }
}

#[test]
fn the_report_in_french_at_80_columns() {
    let env = story();
    let text = at(&env, 80, &["report", "--lang", "fr"]);
    assert!(too_wide(&text, 80).is_empty(), "{text}");
    insta::assert_snapshot!("report_fr_at_80", text);
}

#[test]
fn list_meetings_at_each_width() {
    let env = TestEnv::with_journal();
    for width in WIDTHS {
        let text = at(&env, width, &["list", "meetings"]);
        assert!(too_wide(&text, width).is_empty(), "at {width}:\n{text}");
        insta::assert_snapshot!(format!("list_meetings_at_{width}"), text);
    }
}

#[test]
fn below_100_columns_or_when_the_table_cannot_fit_the_report_has_one_block_per_network() {
    let env = story();
    let narrow = at(&env, 99, &["report"]);
    assert!(!narrow.contains('┌'), "{narrow}");
    assert!(narrow.contains(" spent · "), "{narrow}");
    // This story's table needs 125 columns to keep every word and figure whole.
    assert!(!at(&env, 124, &["report"]).contains('┌'));
    let full = at(&env, 125, &["report"]);
    assert!(full.contains('┌'), "{full}");
    assert!(too_wide(&full, 125).is_empty(), "{full}");
}

#[test]
fn wide_forces_the_full_tables_and_a_pipe_keeps_them() {
    let env = story();
    let wide = at(&env, 60, &["report", "--wide"]);
    let piped = env.ok(["report"]);
    assert!(wide.contains('┌'), "{wide}");
    // The tables are as a pipe writes them; only the prose is wrapped to the screen.
    let tables = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|line| line.starts_with(['┌', '│', '╞', '├', '└']))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(tables(&wide), tables(&piped));
    assert!(
        too_wide(&wide, 60)
            .iter()
            .all(|line| line.starts_with(['┌', '│', '╞', '├', '└']))
    );
}

#[test]
fn no_word_or_figure_is_cut_in_list_tables() {
    let env = TestEnv::with_journal();
    for width in WIDTHS {
        let text = at(&env, width, &["list", "meetings"]);
        for whole in [
            "2024-02-06",
            "€32.50",
            "Entrepreneures",
            "one-to-one",
            "breakfast",
        ] {
            assert!(text.contains(whole), "{whole} cut at {width}:\n{text}");
        }
    }
}

#[test]
fn a_file_keeps_the_full_tables() {
    let env = story();
    let path = env.path("report.txt");
    env.cmd(["report", "--output"])
        .arg(&path)
        .env("COLUMNS", "60")
        .run()
        .exit(0);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains('┌'), "{text}");
}

#[test]
fn show_network_and_list_networks_fit_at_60_and_80_columns() {
    let env = TestEnv::with_journal();
    for width in [60, 80] {
        for args in [
            &["show", "network", "BNI Montpellier"][..],
            &["list", "networks"],
            &["list", "referrals"],
        ] {
            let text = at(&env, width, args);
            assert!(
                too_wide(&text, width).is_empty(),
                "{args:?} at {width}:\n{text}"
            );
        }
    }
    // A table that cannot fit shows one block per row, each value by its header.
    let text = at(&env, 60, &["list", "networks"]);
    assert!(text.starts_with("#1\n  Network "), "{text}");
    assert!(text.contains("  Fee          €600.00 / year\n"), "{text}");
}
