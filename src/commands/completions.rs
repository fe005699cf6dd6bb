//! `completions SHELL`: a completion script for a shell, made (clap_complete) from the same
//! parser that reads the command line, so that it never falls behind a new command or option.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::context::Context;
use crate::error::CliError;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples, to install them where each shell looks (see README.md):
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
    let script = script(args.shell);
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(())
}

/// The completion script for `shell`. Made in memory: clap_complete panics on a failed write,
/// and a closed pipe (`netjournal completions bash | head`) is not worth a panic.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "netjournal", &mut script);
    script
}
