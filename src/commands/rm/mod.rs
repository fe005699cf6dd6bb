//! `rm`: being written (issue 4); its owner replaces this module.

use crate::context::Context;
use crate::error::CliError;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Not yet available
    Network,
}

pub fn run(_ctx: &Context, _command: Command) -> Result<(), CliError> {
    Err(CliError::failure("`rm` is not available yet"))
}
