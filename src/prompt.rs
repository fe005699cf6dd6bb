//! Questions asked of a person at a terminal (dialoguer). Nothing here is ever called without
//! one: commands check `Context::interactive` (a terminal on stdin, and no `--no-input`).

use dialoguer::Confirm;
use dialoguer::theme::ColorfulTheme;

use crate::context::Context;
use crate::error::CliError;

/// Asks a yes/no question; `--yes` answers yes without asking. Enter, Escape and `q` answer
/// no. Without a terminal (or with `--no-input`) and without `--yes`, the command stops with
/// exit 2: nothing is done unasked.
pub fn confirm(ctx: &Context, question: &str) -> Result<bool, CliError> {
    if ctx.assume_yes {
        return Ok(true);
    }
    // The question is drawn on stderr: with stderr redirected it could not be seen.
    if !ctx.interactive || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return Err(
            CliError::bad_input(format!("not confirmed: {question}")).with_hint(
                "nothing is asked without a terminal or with `--no-input`: add `--yes` to confirm",
            ),
        );
    }
    Confirm::with_theme(&ColorfulTheme::default())
        .with_prompt(question)
        .default(false)
        .interact_opt()
        .map(|answer| answer.unwrap_or(false))
        .map_err(prompt_error)
}

/// A prompt that could not be shown or answered (the terminal went away, Ctrl-C).
pub fn prompt_error(error: dialoguer::Error) -> CliError {
    CliError::bad_input(format!("no answer: {error}"))
}
