//! English never reaches a French user: a range of failing commands run with `--lang fr` say
//! what went wrong in French only, with the `erreur :` prefix written once.

use crate::common::{Run, TestEnv};

/// Words that only an English sentence holds. A French message may quote English (an option,
/// a keyword, a value typed, a file name) between backticks; what is quoted is left out.
const ENGLISH: [&str; 24] = [
    "the",
    "is",
    "not",
    "expected",
    "error",
    "hint",
    "cannot",
    "named",
    "with",
    "was",
    "of",
    "and",
    "or",
    "to",
    "for",
    "found",
    "invalid",
    "unknown",
    "missing",
    "required",
    "more",
    "information",
    "try",
    "no",
];

/// The words of `text` outside backticks, « guillemets » and "double quotes".
fn unquoted_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut quoted: Option<char> = None;
    let mut word = String::new();
    for c in text.chars() {
        match (quoted, c) {
            (None, '`' | '"') => quoted = Some(c),
            (None, '«') => quoted = Some('»'),
            (Some(close), c) if c == close => quoted = None,
            (Some(_), _) => {}
            (None, c) if c.is_alphabetic() => word.push(c),
            (None, _) => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Asserts that `run` failed with a message in French only.
#[track_caller]
fn in_french_only(run: &Run) {
    let stderr = run.stderr();
    assert!(
        stderr.starts_with("erreur : "),
        "`{}`:\n{stderr}",
        run.command_line()
    );
    assert_eq!(
        stderr.matches("erreur :").count(),
        1,
        "`{}`:\n{stderr}",
        run.command_line()
    );
    // A path or a file's own line is quoted back as it is; each line after the prefix is ours.
    for line in stderr.lines() {
        let english: Vec<String> = unquoted_words(line)
            .into_iter()
            .filter(|word| ENGLISH.contains(&word.to_lowercase().as_str()))
            .collect();
        assert!(
            english.is_empty(),
            "`{}` says English words {english:?}:\n{stderr}",
            run.command_line()
        );
    }
}

#[test]
fn failing_commands_say_why_in_french_only() {
    let env = TestEnv::with_journal();
    let fr = |args: &[&str]| -> Run {
        let mut all = vec!["--lang", "fr"];
        all.extend_from_slice(args);
        env.run(all)
    };
    let bad_input: &[&[&str]] = &[
        // A bad date, amount, kind, format, rating: the parser's own refusals.
        &[
            "log",
            "meeting",
            "--network",
            "BNI Montpellier",
            "--format",
            "breakfast",
            "--date",
            "2024-13-45",
        ],
        &[
            "log",
            "meeting",
            "--network",
            "BNI Montpellier",
            "--format",
            "breakfast",
            "--date",
            "demain",
        ],
        &[
            "add",
            "network",
            "Le Cercle",
            "--kind",
            "local",
            "--fee",
            "douze",
        ],
        &[
            "add",
            "network",
            "Le Cercle",
            "--kind",
            "local",
            "--fee",
            "-12",
        ],
        &["add", "network", "Le Cercle", "--kind", "bogus"],
        &[
            "log",
            "meeting",
            "--network",
            "BNI Montpellier",
            "--format",
            "breakfest",
        ],
        &[
            "log",
            "meeting",
            "--network",
            "BNI Montpellier",
            "--format",
            "breakfast",
            "--rating",
            "9",
        ],
        &[
            "log",
            "meeting",
            "--network",
            "BNI Montpellier",
            "--format",
            "breakfast",
            "--minutes",
            "beaucoup",
        ],
        // Names the journal does not hold.
        &[
            "log",
            "meeting",
            "--network",
            "Les Matinales du Lez",
            "--format",
            "breakfast",
        ],
        &["show", "contact", "Zoé Inconnue"],
        &["edit", "contact", "Zoé Inconnue", "--company", "Acme"],
        &["rm", "network", "L’Envol", "--yes"],
        // Settings.
        &["config", "set", "colour", "3"],
        &["config", "set", "verdict.min_meetings", "beaucoup"],
        &["config", "get", "verdict.min_meeting"],
        // The parser's own errors.
        &["lsit", "networks"],
        &["add", "network", "A", "B", "--kind", "local"],
        &["log", "meeting", "--network"],
        &["add", "network", "Le Cercle"],
        &[
            "add",
            "network",
            "Le Cercle",
            "--kind",
            "local",
            "--kind",
            "local",
        ],
        // Files.
        &["import", "absent.json"],
        &["import", "linkedin", "absent.csv"],
        &["report", "--since", "2025-01-01", "--until", "2024-01-01"],
        &["add", "network", "BNI Montpellier", "--kind", "local"],
    ];
    for args in bad_input {
        let run = fr(args);
        run.bad_input();
        in_french_only(&run);
    }
}

#[test]
fn a_damaged_or_foreign_journal_is_said_in_french_only() {
    let env = TestEnv::new();
    std::fs::write(
        env.db(),
        b"ceci n'est pas un journal, mais un texte assez long pour SQLite",
    )
    .unwrap();
    let damaged: [&[&str]; 2] = [
        &["--lang", "fr", "list", "networks"],
        &["--lang", "fr", "report", "--format", "json"],
    ];
    for args in damaged {
        let run = env.run(args);
        run.bad_input();
        in_french_only(&run);
    }
    // A journal that is a folder; a backup of a journal that does not exist.
    let env = TestEnv::new();
    std::fs::create_dir(env.db()).unwrap();
    let run = env.run(["--lang", "fr", "list", "networks"]);
    assert_ne!(run.code(), Some(0));
    in_french_only(&run);
    let env = TestEnv::new();
    let copy = env.path("copie.db");
    let run = env.run(["--lang", "fr", "backup", copy.to_str().unwrap()]);
    assert_ne!(run.code(), Some(0));
    in_french_only(&run);
}

#[test]
fn a_bad_export_is_said_in_french_only() {
    let env = TestEnv::new();
    let file = env.path("export.json");
    for bytes in [
        &b"{\"format\": \"netjournal\", \"format_version\": 1, "[..],
        b"[1, 2, 3]",
        b"{\"format\": \"autre chose\"}",
    ] {
        std::fs::write(&file, bytes).unwrap();
        let run = env.run(["--lang", "fr", "import", file.to_str().unwrap()]);
        run.bad_input();
        in_french_only(&run);
    }
}

#[test]
fn the_english_detector_finds_english() {
    assert_eq!(
        unquoted_words("erreur : `the value` is not « the » valid"),
        ["erreur", "is", "not", "valid"]
    );
}

#[test]
fn the_retrospective_reads_well_in_french() {
    let env = TestEnv::new();
    env.ok([
        "add",
        "network",
        "Le Cercle",
        "--kind",
        "local",
        "--joined",
        "2024-01-10",
    ]);
    for date in ["2024-02-06", "2024-03-05", "2024-04-02"] {
        env.ok([
            "log",
            "meeting",
            "--network",
            "Le Cercle",
            "--format",
            "breakfast",
            "--date",
            date,
            "--met",
            "Ana Lopez",
            "--met",
            "Hélène Roux",
        ]);
    }
    // The prose is wrapped: its lines are joined back into sentences.
    let report = |lang: &str| env.ok(["--lang", lang, "report"]).replace('\n', " ");
    let french = report("fr");
    // The article of the name joins the sentence; every person met three times is said so,
    // not "dont 2 au moins trois fois" of two.
    assert!(
        french.contains("J'ai rejoint le Cercle (local) le 10 janvier 2024."),
        "{french}"
    );
    assert!(
        french.contains("J'y ai rencontré 2 personnes, chacune au moins trois fois."),
        "{french}"
    );
    let english = report("en");
    assert!(
        english.contains("I met 2 people there, each of them three times or more."),
        "{english}"
    );
}
