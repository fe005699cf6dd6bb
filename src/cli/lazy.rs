//! A command's arguments built only when the command line reaches it.
//!
//! The derived parser builds every command of netjournal, with all their arguments and help,
//! before it reads the first word: for `log meeting`, that was a third of the program's own
//! work before the journal is even opened. Wrapped in [`Lazy`], a command's arguments (or its
//! subcommands) are given to clap through `Command::defer`: built when the parser enters that
//! command, or when the whole tree is asked for (help, completions, the manual page).

use clap::{ArgMatches, Args, Command, Error, FromArgMatches, Subcommand};

/// `T`'s arguments or subcommands, deferred until the parser enters the command that holds
/// them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lazy<T>(pub T);

impl<T: FromArgMatches> FromArgMatches for Lazy<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, Error> {
        T::from_arg_matches(matches).map(Lazy)
    }

    fn from_arg_matches_mut(matches: &mut ArgMatches) -> Result<Self, Error> {
        T::from_arg_matches_mut(matches).map(Lazy)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), Error> {
        self.0.update_from_arg_matches(matches)
    }

    fn update_from_arg_matches_mut(&mut self, matches: &mut ArgMatches) -> Result<(), Error> {
        self.0.update_from_arg_matches_mut(matches)
    }
}

impl<T: Args> Args for Lazy<T> {
    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }

    fn augment_args(command: Command) -> Command {
        command.defer(|command| keep_about(command, T::augment_args))
    }

    fn augment_args_for_update(command: Command) -> Command {
        command.defer(|command| keep_about(command, T::augment_args_for_update))
    }
}

/// Adds the arguments to `command`, keeping what it says it does. Built in place, the
/// arguments came first and the command's own description (its variant's doc comment) was set
/// over whatever they brought, such as the doc comment of a flattened struct: deferred, they
/// come last, and must not replace it.
///
/// The arguments are then put in the order a help page shows them: the positional ones, the
/// command's own options, and the global options (given by its parent before the command's
/// own were added). The English help sorts them into its sections anyway; the French one,
/// where every argument has a heading, shows its sections in the order of their first
/// argument (see `help_fr`).
fn keep_about(command: Command, augment: fn(Command) -> Command) -> Command {
    let about = command.get_about().cloned();
    let long_about = command.get_long_about().cloned();
    let mut command = augment(command);
    let ids = |command: &Command, global: bool| -> Vec<String> {
        command
            .get_arguments()
            .filter(|arg| !arg.is_positional() && arg.is_global_set() == global)
            .map(|arg| arg.get_id().to_string())
            .collect()
    };
    // `mut_arg` puts the argument it is given last.
    for id in [ids(&command, false), ids(&command, true)].concat() {
        command = command.mut_arg(id, |arg| arg);
    }
    match (about, long_about) {
        (Some(about), Some(long_about)) => command.about(about).long_about(long_about),
        (Some(about), None) => command.about(about).long_about(None::<&str>),
        (None, _) => command,
    }
}

impl<T: Subcommand> Subcommand for Lazy<T> {
    fn augment_subcommands(command: Command) -> Command {
        command.defer(T::augment_subcommands)
    }

    fn augment_subcommands_for_update(command: Command) -> Command {
        command.defer(T::augment_subcommands_for_update)
    }

    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}
