//! Questions asked of a person at a terminal (dialoguer). Nothing here is ever called without
//! one: commands check `Context::interactive` (a terminal on stdin, and no `--no-input`).

use dialoguer::Confirm;
use dialoguer::theme::ColorfulTheme;

use crate::context::Context;
use crate::error::CliError;

/// Asks a yes/no question; `--yes` answers yes without asking. Without a terminal (or with
/// `--no-input`) and without `--yes`, the command stops with exit 2: nothing is done unasked.
pub fn confirm(ctx: &Context, question: &str) -> Result<bool, CliError> {
    if ctx.assume_yes {
        return Ok(true);
    }
    if !ctx.interactive {
        return Err(CliError::bad_input(format!("{question} — no answer without a terminal"))
            .with_hint("add `--yes` to confirm"));
    }
    Confirm::with_theme(&ColorfulTheme::default())
        .with_prompt(question)
        .default(false)
        .interact()
        .map_err(prompt_error)
}

/// A prompt that could not be shown or answered (the terminal went away, Ctrl-C).
pub fn prompt_error(error: dialoguer::Error) -> CliError {
    CliError::bad_input(format!("no answer: {error}"))
}
