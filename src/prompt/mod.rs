//! Questions asked of a person at a terminal, in three rooms: [`terminal`] (Ctrl-C, the
//! terminal put back, dialoguer's errors), [`questions`] (the walk-through of a command's
//! values) and [`pickers`] (lists that fit the terminal, their items given by the command).

mod names;
pub mod pickers;
mod questions;
mod terminal;

pub use names::complete_last;
pub use pickers::Choice;
pub use questions::{Named, Networks, Numbered, Questions, Recent, confirm, yes_or_no};
pub use terminal::prompt_error;
