//! The terminal a question is asked on: Ctrl-C while a question waits, the terminal put back
//! after a question that ended early, and dialoguer's errors said as the command's.

use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use dialoguer::console::Term;

use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::{Message, Msg};

/// A prompt that could not be shown or answered: Ctrl-C (exit 2, like any answer missing), or
/// the terminal went away (exit 1). Nothing was recorded either way.
pub fn prompt_error(error: dialoguer::Error) -> CliError {
    let dialoguer::Error::IO(error) = error;
    if error.kind() == std::io::ErrorKind::Interrupted && HANDLER.load(Ordering::SeqCst) {
        // console raised SIGINT on Ctrl-C; the handler (see `answer`) ends the program.
        loop {
            std::thread::park();
        }
    }
    restore_terminal();
    match error.kind() {
        std::io::ErrorKind::Interrupted => {
            CliError::bad_input(Message::keyed(Msg::Interrupted, &[]))
        }
        _ => CliError::failure(Message::keyed(
            Msg::CannotAsk,
            &[("why", &error.to_string())],
        ))
        .with_hint(Message::keyed(Msg::CannotAskHint, &[])),
    }
}

/// A picker left with Escape (or `q`): exit 2, like any answer missing; nothing was changed.
pub fn cancelled() -> CliError {
    CliError::bad_input(Message::keyed(Msg::PickCancelled, &[]))
}

/// Whether the Ctrl-C handler, which has no context, speaks French.
static FRENCH: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back after a prompt that ended early: a list hides the cursor while it is
/// shown, and the error message must start on a line of its own.
fn restore_terminal() {
    let term = Term::stderr();
    let _ = term.show_cursor();
    let _ = term.write_line("");
}

/// Whether a question is waiting for its answer (see [`answer`]).
static WAITING: AtomicBool = AtomicBool::new(false);
/// Whether [`answer`] installed its Ctrl-C handler.
static HANDLER: AtomicBool = AtomicBool::new(false);

/// Runs one dialoguer question so that Ctrl-C ends the program cleanly.
///
/// By default Ctrl-C kills the program where it stands, with the cursor a list hid still
/// hidden. The handler installed here shows it again, says that nothing was changed, and exits
/// with 2. It also catches the SIGINT console raises itself on a Ctrl-C read as a key, since
/// the question then returns an `Interrupted` error only once the handler is on its way (see
/// [`prompt_error`]). Outside a question, Ctrl-C ends the program with 130, as before.
pub(super) fn answer<T>(
    lang: Lang,
    question: impl FnOnce() -> dialoguer::Result<T>,
) -> Result<T, CliError> {
    FRENCH.store(lang == Lang::Fr, Ordering::SeqCst);
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let installed = ctrlc::set_handler(|| {
            let _ = Term::stderr().show_cursor();
            if WAITING.load(Ordering::SeqCst) {
                let lang = if FRENCH.load(Ordering::SeqCst) {
                    Lang::Fr
                } else {
                    Lang::En
                };
                let error = CliError::bad_input(Message::keyed(Msg::Interrupted, &[]));
                eprintln!("\n{}", error.render(lang));
                std::process::exit(2);
            }
            std::process::exit(130);
        });
        // Without it (another handler was set first), Ctrl-C keeps its default meaning.
        HANDLER.store(installed.is_ok(), Ordering::SeqCst);
    });
    WAITING.store(true, Ordering::SeqCst);
    let answered = question().map_err(prompt_error);
    WAITING.store(false, Ordering::SeqCst);
    answered
}
