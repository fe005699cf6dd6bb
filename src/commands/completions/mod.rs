//! `completions SHELL`: the script that has a shell complete netjournal's command lines, and
//! the answers the program gives that script at each Tab.
//!
//! The script is clap_complete's dynamic one: at each Tab, the shell runs `netjournal` with
//! `NETJOURNAL_COMPLETE` set and the words typed so far, and the program answers from the same
//! parser that reads the command line (so that commands, options and their values never fall
//! behind) and, for the names of networks and contacts, from the journal (see [`names`]).

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap_complete::env::{EnvCompleter, Shells};
use clap_complete::{CompleteEnv, Shell};

use crate::context::Context;
use crate::error::CliError;

pub mod names;
pub mod shells;

pub use names::{contacts, networks};

/// Set by the scripts when they ask the program for the candidates of a command line.
pub const VAR: &str = "NETJOURNAL_COMPLETE";

#[derive(Debug, clap::Args)]
#[command(
    after_help = "The script asks netjournal for candidates at each Tab: commands, options, their \
values, and the names of the journal's networks and contacts (from the journal --db names on \
the line, else NETJOURNAL_DB, else the default one; read, never written).

Examples, to install them where each shell looks (see README.md):
  netjournal completions bash > ~/.local/share/bash-completion/completions/netjournal
  netjournal completions zsh > ~/.zfunc/_netjournal    # with fpath=(~/.zfunc $fpath) in ~/.zshrc
  netjournal completions fish > ~/.config/fish/completions/netjournal.fish
  netjournal completions powershell >> $PROFILE"
)]
pub struct Args {
    /// The shell to complete in
    #[arg(value_enum, ignore_case = true)]
    pub shell: Shell,
}

pub fn run(_ctx: &Context, args: Args) -> Result<(), CliError> {
    let program = std::env::args_os().next().unwrap_or_default();
    let script = script(args.shell, &program);
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(())
}

/// The completion script for `shell`, calling `program` (as netjournal was started: a bare
/// name is looked up in `PATH` at each Tab, so that an upgrade is followed; a relative path
/// is made absolute). Made in memory, so that a closed pipe is an error like any other.
pub fn script(shell: Shell, program: &OsString) -> Vec<u8> {
    let mut completer = PathBuf::from(program);
    if completer.components().count() > 1
        && let Ok(here) = std::env::current_dir()
    {
        completer = here.join(completer);
    }
    let completer = completer.to_string_lossy();
    let mut script = Vec::new();
    let adapter = adapter(shell);
    // Writing to memory cannot fail.
    let _ = adapter.write_registration(VAR, "netjournal", "netjournal", &completer, &mut script);
    script
}

/// The shells the scripts are written for, and that answer at each Tab.
const SHELLS: Shells<'static> = Shells(&[
    &shells::BASH,
    &clap_complete::env::Elvish,
    &shells::FISH,
    &clap_complete::env::Powershell,
    &shells::ZSH,
]);

fn adapter(shell: Shell) -> &'static dyn EnvCompleter {
    SHELLS
        .completer(&shell.to_string())
        .unwrap_or(&shells::BASH)
}

/// Answers a completion script (when `NETJOURNAL_COMPLETE` names a shell): writes the
/// candidates for the words after `--` and returns the exit code; `None` on an ordinary run.
///
/// Nothing is ever printed on stderr, which is the user's terminal while they type: a request
/// that cannot be answered ends with status 1 and no candidates.
/// `cli` makes the command line's parser (given by the parser's module, which imports this one).
pub fn answer(args: &[OsString], cli: fn() -> clap::Command) -> Option<ExitCode> {
    let asked = std::env::var_os(VAR)?;
    if asked.is_empty() || asked == "0" {
        return None;
    }
    let after = args
        .iter()
        .skip_while(|word| *word != "--")
        .skip(1)
        .cloned()
        .collect::<Vec<_>>();
    // bash's script passes the line as it was typed, the others its words.
    let words = if asked == "bash" {
        shells::line_words(&after)
            .into_iter()
            .map(|word| word.text.into())
            .collect()
    } else {
        after
    };
    names::use_journal(journal_named(&words));
    let here = std::env::current_dir().ok();
    let answered = CompleteEnv::with_factory(cli)
        .var(VAR)
        .shells(SHELLS)
        .try_complete(args.iter().cloned(), here.as_deref());
    Some(match answered {
        Ok(_) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    })
}

/// The journal the words of a command line name: the last `--db` before a lone `--`, else
/// `NETJOURNAL_DB`, else the default one. `~/` is the home folder, as the shell would make
/// it when the command runs.
fn journal_named(words: &[OsString]) -> Option<PathBuf> {
    let mut given = None;
    let mut words = words.iter().skip(1);
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--db" {
            given = words.next().cloned();
        } else if let Some(path) = word.to_str().and_then(|w| w.strip_prefix("--db=")) {
            given = Some(path.into());
        }
    }
    let given = given
        .or_else(|| std::env::var_os("NETJOURNAL_DB"))
        .filter(|path| !path.is_empty());
    match given {
        Some(path) => Some(home_expanded(Path::new(&path))),
        None => crate::context::default_db_path().ok(),
    }
}

/// `path` with a leading `~/` made the home folder.
fn home_expanded(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) if !home.is_empty() => PathBuf::from(home).join(rest),
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_journal_is_the_one_the_line_names() {
        let words = |line: &str| -> Vec<OsString> { line.split(' ').map(OsString::from).collect() };
        let at = |path: &str| Some(PathBuf::from(path));
        assert_eq!(
            journal_named(&words("netjournal --db a.db show network")),
            at("a.db")
        );
        assert_eq!(
            journal_named(&words("netjournal --db=b.db --db c.db rm")),
            at("c.db")
        );
        assert_ne!(journal_named(&words("netjournal note -- --db x")), at("x"));
        let home = std::env::var_os("HOME").map(PathBuf::from);
        if let Some(home) = home.filter(|home| !home.as_os_str().is_empty()) {
            assert_eq!(
                journal_named(&words("netjournal --db ~/j.db list")),
                Some(home.join("j.db"))
            );
        }
    }
}
