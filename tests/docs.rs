//! The documentation, run: every ```` ```console ```` block of `README.md` and `docs/*.md` is a
//! list of commands with their output, and this test runs them with the built binary and
//! compares what they print, so that the documentation cannot drift from the program.
//!
//! Each Markdown file is one session: its blocks run in order, in one temporary `HOME` (where
//! the journal lives, as on a user's machine) and one working folder, with the clock pinned
//! and the environment cleared. A command is a line starting with `$ `, continued by lines
//! ending in `\`, run by `bash` as typed (so `\`, `<`, `>` and `|` mean what they mean in a
//! shell); what follows it, up to the next `$ ` line, is its output, standard output and errors
//! as a terminal shows them. A last line `[exit N]` is the exit code expected (0 without it).
//! In an expected line, `[..]` stands for any text (a uuid, a temporary path); a line `...`
//! for any number of lines.
//!
//! Other fences (`sh`, `text`, `json`) are not run: they show what needs a terminal, a damaged
//! disk or the network. HTML comments steer a session without showing in the rendered page:
//!
//! - `<!-- doctest: env NAME=VALUE … -->` sets variables for the commands that follow;
//! - `<!-- doctest: fresh -->` starts again in a new `HOME` and working folder;
//! - `<!-- doctest: setup` … `-->` runs the lines between as a `bash` script (it must succeed;
//!   `$DOCS_REPO` is the repository, for its `tests/fixtures`).
//!
//! When the program's output changes on purpose, `NETJOURNAL_DOCS=overwrite cargo test --test
//! docs` writes what the commands print now into the files (keeping the expected lines whose
//! `[..]` still match); read the diff before committing it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tempfile::TempDir;

/// The day every session lives on, unless a file says otherwise (`doctest: env`).
const TODAY: &str = "2024-06-15";

/// The marker of an HTML comment that steers a session.
const DIRECTIVE: &str = "<!-- doctest:";

#[test]
fn readme() {
    check(&repo().join("README.md"));
}

#[test]
fn docs_folder() {
    let mut files: Vec<PathBuf> = fs::read_dir(repo().join("docs"))
        .expect("read docs/")
        .map(|entry| entry.expect("a docs/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "docs/ holds no Markdown file");
    for file in files {
        check(&file);
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One command of a `console` block: where it stands in the file, and what it should print.
#[derive(Debug, PartialEq)]
struct Step {
    /// The command as bash reads it (continuation lines included).
    command: String,
    /// The line of the `$ ` in the file (from 0).
    line: usize,
    /// The expected output's lines in the file: `output.start..output.end` (without the
    /// `[exit N]` line and the blank lines before the next command).
    output: std::ops::Range<usize>,
    expected: Vec<String>,
    exit: i32,
}

/// What a Markdown file asks for, in order.
#[derive(Debug, PartialEq)]
enum Item {
    Env(Vec<(String, String)>),
    Fresh,
    Setup { line: usize, script: String },
    Step(Step),
}

/// Reads the `console` blocks and the directives of a Markdown file.
fn parse(text: &str) -> Result<Vec<Item>, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut items = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_start();
        if let Some(rest) = line.strip_prefix(DIRECTIVE) {
            let rest = rest.trim();
            if rest == "fresh -->" {
                items.push(Item::Fresh);
            } else if let Some(vars) = rest.strip_prefix("env ") {
                let vars = vars.strip_suffix("-->").ok_or(format!(
                    "line {}: `doctest: env` must end on its line",
                    i + 1
                ))?;
                let pairs = vars
                    .split_whitespace()
                    .map(|pair| match pair.split_once('=') {
                        Some((name, value)) => Ok((name.to_owned(), value.to_owned())),
                        None => Err(format!("line {}: `{pair}` is not NAME=VALUE", i + 1)),
                    })
                    .collect::<Result<_, _>>()?;
                items.push(Item::Env(pairs));
            } else if rest == "setup" {
                let start = i;
                let mut script = String::new();
                i += 1;
                while i < lines.len() && lines[i].trim() != "-->" {
                    script.push_str(lines[i]);
                    script.push('\n');
                    i += 1;
                }
                if i == lines.len() {
                    return Err(format!("line {}: `doctest: setup` never closed", start + 1));
                }
                items.push(Item::Setup {
                    line: start,
                    script,
                });
            } else {
                return Err(format!("line {}: unknown directive `{line}`", i + 1));
            }
            i += 1;
            continue;
        }
        if line.starts_with("```") && line.trim_start_matches('`').trim() == "console" {
            let start = i;
            i += 1;
            let block_start = i;
            while i < lines.len() && !lines[i].trim_start().starts_with("```") {
                i += 1;
            }
            if i == lines.len() {
                return Err(format!("line {}: console block never closed", start + 1));
            }
            let steps = parse_block(&lines, block_start, i)?;
            if steps.is_empty() {
                return Err(format!(
                    "line {}: console block without a `$ ` line",
                    start + 1
                ));
            }
            items.extend(steps.into_iter().map(Item::Step));
        }
        i += 1;
    }
    Ok(items)
}

/// The commands of the block `lines[start..end]` and their expected outputs.
fn parse_block(lines: &[&str], start: usize, end: usize) -> Result<Vec<Step>, String> {
    let mut steps = Vec::new();
    let mut i = start;
    while i < end {
        let Some(first) = lines[i].strip_prefix("$ ") else {
            if lines[i].trim().is_empty() {
                i += 1;
                continue;
            }
            return Err(format!(
                "line {}: expected a `$ ` command in a console block",
                i + 1
            ));
        };
        let line = i;
        let mut command = first.to_owned();
        while command.ends_with('\\') && i + 1 < end {
            i += 1;
            command.push('\n');
            command.push_str(lines[i]);
        }
        i += 1;
        let output_start = i;
        while i < end && !lines[i].starts_with("$ ") {
            i += 1;
        }
        let mut output_end = i;
        while output_end > output_start && lines[output_end - 1].trim().is_empty() {
            output_end -= 1;
        }
        let mut exit = 0;
        let mut expected_end = output_end;
        if let Some(code) = output_end
            .checked_sub(1)
            .filter(|&last| last >= output_start)
            .and_then(|last| lines[last].strip_prefix("[exit "))
            .and_then(|rest| rest.strip_suffix(']'))
        {
            exit = code
                .parse()
                .map_err(|_| format!("line {output_end}: `[exit {code}]` is not an exit code"))?;
            expected_end -= 1;
        }
        steps.push(Step {
            command,
            line,
            output: output_start..expected_end,
            expected: lines[output_start..expected_end]
                .iter()
                .map(|line| (*line).to_owned())
                .collect(),
            exit,
        });
    }
    Ok(steps)
}

/// Whether `actual` reads as `expected`: line for line, trailing spaces ignored, `[..]` any
/// text within a line, a line `...` any number of lines.
fn lines_match(expected: &[String], actual: &[String]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first.trim() == "..." => {
            (0..=actual.len()).any(|skip| lines_match(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(line, others)| line_matches(first, line) && lines_match(rest, others)),
    }
}

fn line_matches(expected: &str, actual: &str) -> bool {
    let expected = expected.trim_end();
    let actual = actual.trim_end();
    let mut parts = expected.split("[..]");
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = actual.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

/// The temporary machine a session runs on.
struct Session {
    dir: TempDir,
    env: Vec<(String, String)>,
}

impl Session {
    fn new() -> Session {
        let dir = tempfile::Builder::new()
            .prefix("netjournal-docs-")
            .tempdir()
            .expect("create a temporary folder");
        fs::create_dir(dir.path().join("home")).expect("create HOME");
        fs::create_dir(dir.path().join("work")).expect("create the working folder");
        Session {
            dir,
            env: Vec::new(),
        }
    }

    /// Runs `script` with bash in the session: its output (standard output and errors, in
    /// the order they were written) and its exit code.
    fn run(&self, script: &str) -> (String, i32) {
        let binary = Path::new(env!("CARGO_BIN_EXE_netjournal"));
        let bin_dir = binary.parent().expect("the binary's folder");
        let mut command = Command::new("bash");
        command
            .arg("--noprofile")
            .arg("--norc")
            .arg("-c")
            .arg(format!("exec 2>&1\n{script}"))
            .env_clear()
            .env(
                "PATH",
                format!("{}:/usr/local/bin:/usr/bin:/bin", bin_dir.display()),
            )
            .env("HOME", self.dir.path().join("home"))
            .env("LANG", "C.UTF-8")
            .env("TZ", "UTC")
            .env("NO_COLOR", "1")
            .env("NETJOURNAL_NOW", TODAY)
            // Where a setup script finds the repository's test files (`tests/fixtures`).
            .env("DOCS_REPO", repo())
            .envs(self.env.iter().map(|(name, value)| (name, value)))
            .current_dir(self.dir.path().join("work"))
            .stdin(Stdio::null())
            .stderr(Stdio::inherit());
        let output = command.output().expect("run bash");
        let code = output.status.code().unwrap_or(-1);
        (String::from_utf8_lossy(&output.stdout).into_owned(), code)
    }
}

/// Runs every step of `file`, then fails with every difference found, or (with
/// `NETJOURNAL_DOCS=overwrite`) writes the outputs into the file.
fn check(file: &Path) {
    let text = fs::read_to_string(file).expect("read the Markdown file");
    let name = file
        .strip_prefix(repo())
        .unwrap_or(file)
        .display()
        .to_string();
    let items = parse(&text).unwrap_or_else(|error| panic!("{name}: {error}"));
    let overwrite = std::env::var("NETJOURNAL_DOCS").is_ok_and(|value| value == "overwrite");
    let mut session = Session::new();
    let mut failures = String::new();
    let mut rewrites: Vec<(std::ops::Range<usize>, Vec<String>)> = Vec::new();
    for item in items {
        let step = match item {
            Item::Env(pairs) => {
                session.env.extend(pairs);
                continue;
            }
            Item::Fresh => {
                let env = std::mem::take(&mut session.env);
                session = Session::new();
                session.env = env;
                continue;
            }
            Item::Setup { line, script } => {
                let (output, code) = session.run(&format!("set -e\n{script}"));
                assert_eq!(code, 0, "{name}:{}: the setup failed:\n{output}", line + 1);
                continue;
            }
            Item::Step(step) => step,
        };
        let (output, code) = session.run(&step.command);
        let actual: Vec<String> = output.trim_end().lines().map(str::to_owned).collect();
        if code == step.exit && lines_match(&step.expected, &actual) {
            continue;
        }
        if overwrite {
            let mut lines: Vec<String> = actual
                .iter()
                .enumerate()
                .map(|(i, line)| match step.expected.get(i) {
                    Some(kept) if kept.contains("[..]") && line_matches(kept, line) => kept.clone(),
                    _ => line.clone(),
                })
                .collect();
            if code != 0 {
                lines.push(format!("[exit {code}]"));
            }
            // An `[exit N]` line already there follows the output: replaced too.
            let end = step.output.end + usize::from(step.exit != 0);
            rewrites.push((step.output.start..end, lines));
            continue;
        }
        let _ = writeln!(
            failures,
            "\n{name}:{}: $ {}\n--- expected (exit {}):\n{}\n--- actual (exit {code}):\n{}",
            step.line + 1,
            step.command,
            step.exit,
            step.expected.join("\n"),
            actual.join("\n"),
        );
    }
    if overwrite && !rewrites.is_empty() {
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        for (range, new) in rewrites.into_iter().rev() {
            lines.splice(range, new);
        }
        let mut new_text = lines.join("\n");
        new_text.push('\n');
        fs::write(file, new_text).expect("write the Markdown file");
    }
    assert!(
        failures.is_empty(),
        "{name}: the documented output differs from the program's:{failures}\n\n\
         If the program changed on purpose: NETJOURNAL_DOCS=overwrite cargo test --test docs, \
         then read the diff"
    );
}

#[cfg(test)]
mod harness {
    use super::*;

    fn strings(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|line| (*line).to_owned()).collect()
    }

    #[test]
    fn a_block_reads_as_commands_outputs_and_exit_codes() {
        let text = "intro\n```console\n$ netjournal a \\\n    --b\nout 1\n\nout 2\n\n\
                    $ netjournal c\nerror: no\n[exit 2]\n```\n```sh\n$ not run\n```\n";
        let items = parse(text).unwrap();
        assert_eq!(
            items,
            vec![
                Item::Step(Step {
                    command: "netjournal a \\\n    --b".into(),
                    line: 2,
                    output: 4..7,
                    expected: strings(&["out 1", "", "out 2"]),
                    exit: 0,
                }),
                Item::Step(Step {
                    command: "netjournal c".into(),
                    line: 8,
                    output: 9..10,
                    expected: strings(&["error: no"]),
                    exit: 2,
                }),
            ]
        );
    }

    #[test]
    fn directives_set_variables_start_again_and_prepare() {
        let text = "<!-- doctest: env A=1 B=x=y -->\n<!-- doctest: fresh -->\n\
                    <!-- doctest: setup\nnetjournal add network X --kind local\n-->\n";
        assert_eq!(
            parse(text).unwrap(),
            vec![
                Item::Env(vec![("A".into(), "1".into()), ("B".into(), "x=y".into())]),
                Item::Fresh,
                Item::Setup {
                    line: 2,
                    script: "netjournal add network X --kind local\n".into()
                },
            ]
        );
        assert!(parse("<!-- doctest: typo -->\n").is_err());
        assert!(parse("```console\nno dollar\n```\n").is_err());
    }

    #[test]
    fn one_line_that_drifts_fails() {
        let actual = strings(&["Added network #1 `X` (local), joined on 2024-06-15."]);
        assert!(lines_match(&actual, &actual));
        let drifted = strings(&["Added network #1 `X` (local), joined on 2024-06-14."]);
        assert!(!lines_match(&drifted, &actual));
        assert!(!lines_match(&strings(&[]), &actual));
        assert!(!lines_match(
            &strings(&[
                "Added network #1 `X` (local), joined on 2024-06-15.",
                "more"
            ]),
            &actual
        ));
    }

    #[test]
    fn wildcards_stand_for_text_and_lines() {
        let actual = strings(&["a", "\"uuid\": \"0f-12\",", "b", "c", "d"]);
        assert!(lines_match(
            &strings(&["a", "\"uuid\": \"[..]\",", "...", "d"]),
            &actual
        ));
        assert!(lines_match(&strings(&["...", "c", "d"]), &actual));
        assert!(!lines_match(&strings(&["a", "...", "e"]), &actual));
        assert!(line_matches("x[..]y[..]z", "x1y2z"));
        assert!(!line_matches("x[..]y", "x1z"));
        assert!(!line_matches("ab[..]ba", "aba"));
    }
}
