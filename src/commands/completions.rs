//! `completions`: being written (issue 4); its owner replaces this module.

use crate::context::Context;
use crate::error::CliError;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_ctx: &Context, _args: Args) -> Result<(), CliError> {
    Err(CliError::failure("`completions` is not available yet"))
}
