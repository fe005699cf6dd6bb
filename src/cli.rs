//! The command line: global options, the verb-noun commands, and the top level that turns a
//! command's result into an exit code.

use std::cell::Cell;
use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand};

use crate::commands;
use crate::context::{self, Context};
use crate::error::{CliError, ErrorKind};
use crate::i18n::Lang;

mod help_fr;
mod lazy;
mod usage;

use lazy::Lazy;

/// A journal of your professional networking: the networks you joined, the meetings, the
/// people, the referrals and what they turned into — and whether each network is worth it.
#[derive(Debug, Parser)]
#[command(name = "netjournal", version, about, max_term_width = 100)]
#[command(after_help = "Examples:
  netjournal add network \"BNI Montpellier\" --kind co-optation --fee 600
  netjournal log meeting          # on a terminal, asks for each value in turn
  netjournal report --network \"BNI Montpellier\"

Start with `netjournal add network NAME --kind KIND` after joining a group, then `netjournal log \
meeting` after each meeting. `netjournal help COMMAND` tells more about each command.")]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes: in every `--help`, under a heading of their own, apart from
/// the command's own options.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// The journal file [default: the platform's data folder, e.g.
    /// ~/.local/share/netjournal/journal.db]
    #[arg(long, global = true, env = "NETJOURNAL_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The language of messages and reports [default: French when the first of LC_ALL,
    /// LC_MESSAGES, LANG set is French]
    #[arg(
        long,
        global = true,
        env = "NETJOURNAL_LANG",
        value_enum,
        ignore_case = true
    )]
    pub lang: Option<Lang>,
    /// Answer yes to every confirmation
    #[arg(long, global = true)]
    pub yes: bool,
    /// Never ask a question: a missing value is an error
    #[arg(long, global = true)]
    pub no_input: bool,
    /// When to colour the output [default: auto, never when NO_COLOR is set]
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        ignore_case = true
    )]
    pub color: Option<ColorChoice>,
}

/// Whether output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Record a network you joined or a person you met
    #[command(
        subcommand,
        after_help = "Examples:
  netjournal add network \"BNI Montpellier\" --kind co-optation --joined 2024-01-10
  netjournal add contact \"Paul Martin\" --profession plumber --network \"BNI Montpellier\""
    )]
    Add(Lazy<AddCommand>),
    /// Record a meeting or a referral
    #[command(
        subcommand,
        after_help = "Examples:
  netjournal log meeting --network \"BNI Montpellier\" --format breakfast --met \"Paul Martin\"
  netjournal log referral --received --contact \"Claire Petit\" --value 3200"
    )]
    Log(Lazy<LogCommand>),
    /// Write a note on a network, a meeting or a contact (--concern for a red flag)
    Note(Lazy<commands::note::Args>),
    /// Record that you left a network, and why
    #[command(
        subcommand,
        after_help = "Example:
  netjournal leave network \"BNI Montpellier\" --reason \"cannot recommend a near stranger\""
    )]
    Leave(Lazy<LeaveCommand>),
    /// List networks, meetings, contacts, referrals or notes
    List(Lazy<commands::list::Args>),
    /// Show one network or one contact, with everything the journal holds on them
    #[command(
        subcommand,
        after_help = "Examples:
  netjournal show network \"BNI Montpellier\"
  netjournal show contact \"Claire Petit\""
    )]
    Show(Lazy<ShowCommand>),
    /// Tell, network by network, what it cost, what came back, and whether to stay
    Report(Lazy<commands::report::Args>),
    /// Show or change the settings kept in the journal (hourly rate, verdict thresholds)
    #[command(
        subcommand,
        after_help = "Examples:
  netjournal config list
  netjournal config set rate.hourly 60"
    )]
    Config(Lazy<commands::config::Command>),
    /// Change a network, meeting, contact, referral or note: only what you give changes
    #[command(subcommand)]
    Edit(Lazy<commands::edit::Command>),
    /// Remove a network, meeting, contact, referral or note, after confirmation
    #[command(subcommand)]
    Rm(Lazy<commands::rm::Command>),
    /// Print a shell completion script
    Completions(Lazy<commands::completions::Args>),
    /// Print the manual page (roff), e.g. `netjournal man | man -l -`
    Man(Lazy<commands::man::Args>),
    /// Write the whole journal as JSON (or one table as CSV)
    Export(Lazy<commands::export::Args>),
    /// Bring in a journal exported elsewhere, LinkedIn connections, or calendar meetings
    Import(Lazy<commands::import::Args>),
    /// Copy the journal to a file, safely, even while it is in use
    Backup(Lazy<commands::backup::Args>),
    /// Erase a person from the journal, leaving no trace of them in the file
    #[command(subcommand)]
    Forget(Lazy<commands::forget::Command>),
    /// Make two records of one person one, after confirmation
    #[command(
        subcommand,
        after_help = "Example:
  netjournal merge contact \"Amélie Dupré-Lefèvre\" \"Amelie Dupre Lefevre\""
    )]
    Merge(Lazy<commands::merge::Command>),
    /// Save what can still be read of a damaged journal into a new one
    Recover(Lazy<commands::recover::Args>),
}

#[derive(Debug, Subcommand)]
pub enum AddCommand {
    /// Record a network you joined
    Network(Lazy<commands::add::network::Args>),
    /// Record a person you met
    Contact(Lazy<commands::add::contact::Args>),
}

#[derive(Debug, Subcommand)]
pub enum LogCommand {
    /// Record a meeting: a breakfast, a lunch, an event, a call…
    Meeting(Lazy<commands::log::meeting::Args>),
    /// Record a referral you received or gave
    Referral(Lazy<commands::log::referral::Args>),
}

#[derive(Debug, Subcommand)]
pub enum LeaveCommand {
    /// Record that you left a network, and why
    Network(Lazy<commands::leave::Args>),
}

#[derive(Debug, Subcommand)]
pub enum ShowCommand {
    /// Show one network with its meetings, contacts, referrals and notes
    Network(Lazy<commands::show::network::Args>),
    /// Show one contact: who they are, every meeting shared, referrals both ways, notes
    Contact(Lazy<commands::show::contact::Args>),
}

/// The whole program: parse, run, and map the result to an exit code.
pub fn main() -> ExitCode {
    main_with(std::env::args_os())
}

pub fn main_with(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().collect();
    if let Some(code) = commands::completions::answer(&args, Cli::command) {
        return code;
    }
    // The language is needed before the arguments are parsed: to say what is wrong with them.
    let lang = requested_lang(&args);
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(error) => {
            let error = help_fr::localize(error, &args, lang);
            // Help and version go to stdout with exit 0; usage errors to stderr with exit 2.
            // A value typed or pasted with control characters in it is quoted back: they
            // are shown, not obeyed (see `domain::text::printable`).
            use crate::domain::text::printable;
            match usage::translate(&error, lang) {
                Some(message) => eprintln!("{}", printable(&message)),
                None if error.use_stderr()
                    && let plain = error.render().to_string()
                    && printable(&plain) != plain =>
                {
                    eprint!("{}", printable(&plain));
                }
                None => {
                    let _ = error.print();
                }
            }
            return ExitCode::from(error.exit_code() as u8);
        }
    };
    let result = context(&cli.global, lang).and_then(|ctx| {
        run(&ctx, cli.command)?;
        // The path is the user's, and may hold control characters: shown, not obeyed.
        if let Some(note) = ctx.read_no_journal() {
            eprintln!("{}", crate::domain::text::printable(&note));
        }
        Ok(())
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", error.render(lang));
            error.exit_code()
        }
    }
}

/// The language asked for: `--lang` (read ahead of the parser), else `NETJOURNAL_LANG`, else
/// the locale variables in POSIX order (`LC_ALL`, `LC_MESSAGES`, `LANG`: French when the first
/// one set starts with `fr`), else English.
fn requested_lang(args: &[OsString]) -> Lang {
    use clap::ValueEnum;
    let parse = |text: &str| Lang::from_str(text, true).ok();
    let mut words = args.iter().skip(1).filter_map(|arg| arg.to_str());
    let mut given = None;
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--lang" {
            given = words.next().and_then(parse).or(given);
        } else if let Some(value) = word.strip_prefix("--lang=") {
            given = parse(value).or(given);
        }
    }
    given
        .or_else(|| {
            std::env::var("NETJOURNAL_LANG")
                .ok()
                .as_deref()
                .and_then(parse)
        })
        .unwrap_or_else(|| Lang::from_locale_vars(|name| std::env::var(name).ok()))
}

/// The context, from the global options and the environment.
fn context(global: &GlobalArgs, lang: Lang) -> Result<Context, CliError> {
    let db_path = match &global.db {
        Some(path) if !path.as_os_str().is_empty() => path.clone(),
        _ => context::default_db_path()?,
    };
    // `--lang` and `NETJOURNAL_LANG` were read by the parser too; they agree with `lang`.
    let lang = global.lang.unwrap_or(lang);
    let now = match std::env::var("NETJOURNAL_NOW") {
        Ok(text) if !text.is_empty() => context::parse_now(&text)?,
        _ => context::real_now(),
    };
    let interactive = !global.no_input && std::io::stdin().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let choice = global.color.unwrap_or(ColorChoice::Auto);
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && std::io::stdout().is_terminal(),
    };
    // The questions and progress bars are drawn on stderr by `console`, which decides colour on
    // its own terminal checks and knows neither --color nor NO_COLOR: they decide for it.
    use dialoguer::console;
    let on_stderr = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && console::colors_enabled_stderr(),
    };
    console::set_colors_enabled(color);
    console::set_colors_enabled_stderr(on_stderr);
    Ok(Context {
        db_path,
        lang,
        now,
        interactive,
        assume_yes: global.yes,
        color,
        width: output_width(std::env::var("COLUMNS").ok().as_deref()),
        read_missing: Cell::new(false),
    })
}

/// The width of the reader's screen: `COLUMNS` when it holds a width, else the terminal's when
/// the output is one; none when piped, so that a script keeps whole table rows.
fn output_width(columns: Option<&str>) -> Option<u16> {
    if let Some(width) = columns.and_then(|text| text.trim().parse::<u16>().ok())
        && width > 0
    {
        return Some(width);
    }
    let stdout = dialoguer::console::Term::stdout();
    if !stdout.is_term() {
        return None;
    }
    stdout.size_checked().map(|(_rows, columns)| columns)
}

fn run(ctx: &Context, command: Command) -> Result<(), CliError> {
    match command {
        Command::Add(Lazy(AddCommand::Network(Lazy(args)))) => {
            commands::add::network::run(ctx, args)
        }
        Command::Add(Lazy(AddCommand::Contact(Lazy(args)))) => {
            commands::add::contact::run(ctx, args)
        }
        Command::Log(Lazy(LogCommand::Meeting(Lazy(args)))) => {
            commands::log::meeting::run(ctx, args)
        }
        Command::Log(Lazy(LogCommand::Referral(Lazy(args)))) => {
            commands::log::referral::run(ctx, args)
        }
        Command::Note(Lazy(args)) => commands::note::run(ctx, args),
        Command::Leave(Lazy(LeaveCommand::Network(Lazy(args)))) => commands::leave::run(ctx, args),
        Command::List(Lazy(args)) => commands::list::run(ctx, args),
        Command::Show(Lazy(ShowCommand::Network(Lazy(args)))) => {
            commands::show::network::run(ctx, args)
        }
        Command::Show(Lazy(ShowCommand::Contact(Lazy(args)))) => {
            commands::show::contact::run(ctx, args)
        }
        Command::Report(Lazy(args)) => commands::report::run(ctx, args),
        Command::Config(Lazy(command)) => commands::config::run(ctx, command),
        Command::Edit(Lazy(command)) => commands::edit::run(ctx, command),
        Command::Rm(Lazy(command)) => commands::rm::run(ctx, command),
        Command::Completions(Lazy(args)) => commands::completions::run(ctx, args),
        Command::Man(Lazy(args)) => commands::man::run(ctx, args, &Cli::command()),
        Command::Export(Lazy(args)) => commands::export::run(ctx, args),
        Command::Import(Lazy(args)) => commands::import::run(ctx, args),
        Command::Backup(Lazy(args)) => commands::backup::run(ctx, args),
        Command::Forget(Lazy(command)) => commands::forget::run(ctx, command),
        Command::Merge(Lazy(command)) => commands::merge::run(ctx, command),
        Command::Recover(Lazy(args)) => commands::recover::run(ctx, args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap_complete::engine::ArgValueCompleter;

    #[test]
    fn columns_gives_the_width() {
        assert_eq!(output_width(Some("80")), Some(80));
        assert_eq!(output_width(Some(" 120 ")), Some(120));
    }

    #[test]
    fn the_parser_is_well_formed() {
        Cli::command().debug_assert();
    }

    /// The arguments that take a name the journal does not hold yet: nothing to complete.
    const NEW_NAMES: &[(&str, &str)] = &[
        ("netjournal add network", "name"),
        ("netjournal add contact", "name"),
        ("netjournal edit network", "name"),
        ("netjournal edit contact", "name"),
    ];

    /// Every argument that takes a network's or a contact's name (its value is called NAME,
    /// ID-OR-NAME, KEEP or OTHER) completes from the journal, but for a new name.
    #[test]
    fn every_name_argument_completes_from_the_journal() {
        fn walk(command: &clap::Command, path: &str, found: &mut Vec<String>) {
            for arg in command.get_arguments() {
                let takes_a_name = arg.get_value_names().is_some_and(|names| {
                    names.iter().any(|name| {
                        ["NAME", "ID-OR-NAME", "KEEP", "OTHER"].contains(&name.as_str())
                    })
                });
                let new = NEW_NAMES.contains(&(path, arg.get_id().as_str()));
                let completes = arg.get::<ArgValueCompleter>().is_some();
                if takes_a_name && !new {
                    found.push(format!("{path} {}: {completes}", arg.get_id()));
                }
                assert!(!(new && completes), "{path} {} completes", arg.get_id());
            }
            for sub in command.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), found);
            }
        }
        let mut cli = Cli::command();
        cli.build();
        let mut found = Vec::new();
        walk(&cli, "netjournal", &mut found);
        let missing: Vec<_> = found.iter().filter(|arg| arg.ends_with("false")).collect();
        assert!(
            missing.is_empty(),
            "names that do not complete: {missing:?}"
        );
        // The walk saw them: the options and the arguments, in every command that takes one.
        assert!(found.len() >= 29, "{found:#?}");
    }
}
