//! `--help` in French. The English help is the doc comments of the parser's structs; the French
//! one is the plain-text table `help_fr/pages.txt`, one page per command keyed by its path (the
//! top, "log meeting"…), with each argument's help keyed by its id (and a possible value's by
//! `id=value`). When the language is French and clap answers with a help page, the whole parser
//! is built, dressed in French by [`french`], and asked again: the French tree is only built for
//! a help page, never on the way to a command.
//!
//! clap writes a few words itself: "Usage:", the "Arguments:", "Options:" and "Commands:"
//! headings, `[default: …]`, `[env: …]` and the possible values. In French the usage heading
//! comes from our own template, every argument gets a heading of its own (so that clap's
//! English ones are never used), and the bracketed details are hidden from clap and written
//! into the help text in French. `-h`/`--help` and `-V`/`--version`, which clap adds last, are
//! listed with the global options: sections follow the order of their first argument. Option
//! names, value names (`<NAME>`, `[OPTIONS]`) and values stay as they are typed. The manual page
//! (`netjournal man`) stays English.
//!
//! A unit test walks the whole parser and fails when a command, an argument or a possible value
//! with help has no French text, or when the table names one the parser does not have.

use clap::builder::{PossibleValue, Str, StyledStr};
use clap::error::ErrorKind;
use clap::{Arg, Command, CommandFactory};

use crate::i18n::Lang;

mod pages;

use pages::{PAGES, Page};

/// clap ends every heading with a bare colon; French puts a space before it.
const ARGUMENTS: &str = "Arguments ";
const OPTIONS: &str = "Options ";
const GLOBAL_OPTIONS: &str = "Options globales ";
const COMMANDS: &str = "Commandes ";

/// The help page of the built-in `help` command, and of its argument.
const HELP_COMMAND: &str = "Afficher ce message, ou l'aide des commandes données";
const HELP_COMMAND_ARG: &str = "La commande dont afficher l'aide";

/// `error` in `lang`: when it is a help page and the language French, the same page in French,
/// from the same command line.
pub fn localize(error: clap::Error, args: &[std::ffi::OsString], lang: Lang) -> clap::Error {
    let help = matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if lang != Lang::Fr || !help {
        return error;
    }
    // The same words give the same page; were the French parser ever to answer otherwise, the
    // English page is still better than an error.
    match french(crate::cli::Cli::command()).try_get_matches_from(args) {
        Err(french) if french.kind() == error.kind() => french,
        _ => error,
    }
}

/// The whole parser, built, with its help in French.
pub fn french(mut command: Command) -> Command {
    command.build();
    translate(command, "")
}

/// The page of the command at `path`.
fn page(path: &str) -> Option<&'static Page> {
    PAGES.iter().find(|page| page.path == path)
}

/// The command at `path`, its arguments and its subcommands, in French.
fn translate(command: Command, path: &str) -> Command {
    let mut command = dress(command).mut_args(|arg| french_arg(arg, path));
    if let Some(page) = page(path) {
        command = about(command, &page.about);
        if command.get_after_help().is_some() {
            command = command.after_help(page.after_help.clone());
        }
    }
    command.mut_subcommands(|sub| {
        let name = sub.get_name().to_owned();
        if name == "help" {
            help_command(sub, path)
        } else {
            translate(sub, &join(path, &name))
        }
    })
}

/// The usage heading and the commands' heading in French, for any command.
fn dress(command: Command) -> Command {
    let style = command.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}Utilisation :{} {{usage}}\n\n{{all-args}}{{after-help}}",
        style.render(),
        style.render_reset()
    );
    command
        .help_template(StyledStr::from(template))
        .subcommand_help_heading(COMMANDS)
        .subcommand_value_name("COMMANDE")
}

/// What a command does: the first paragraph as the summary, the whole text as the long
/// description when the English has one.
fn about(command: Command, text: &str) -> Command {
    let summary = text.split("\n\n").next().unwrap_or(text);
    if command.get_long_about().is_some() {
        command
            .about(summary.to_string())
            .long_about(text.to_string())
    } else {
        command.about(summary.to_string())
    }
}

/// clap's own `help` command under the command at `path`: its subcommands are copies of the
/// commands beside it, and say what those say.
fn help_command(command: Command, path: &str) -> Command {
    dress(command)
        .about(HELP_COMMAND)
        .mut_args(|arg| {
            if arg.is_positional() {
                arg.help(HELP_COMMAND_ARG).help_heading(ARGUMENTS)
            } else {
                french_arg(arg, path)
            }
        })
        .mut_subcommands(|sub| {
            let name = sub.get_name().to_owned();
            if name == "help" {
                help_command(sub, path)
            } else {
                let about = page(&join(path, &name)).map_or("", |page| page.about.as_str());
                dress(sub).about(about.split("\n\n").next().unwrap_or(about).to_string())
            }
        })
}

/// The French help of an argument of the command at `path`: a global option's is on the top
/// page; the built-in `--help` and `--version` are said here.
fn french_arg(arg: Arg, path: &str) -> Arg {
    // `--help` and `--version`, which every command takes, are listed with the global options:
    // clap adds them last, and sections follow the order of their first argument.
    let builtin = matches!(arg.get_id().as_str(), "help" | "version");
    let heading = if arg.is_global_set() || builtin {
        GLOBAL_OPTIONS
    } else if arg.is_positional() {
        ARGUMENTS
    } else {
        OPTIONS
    };
    let arg = arg.help_heading(heading);
    let id = arg.get_id().as_str().to_owned();
    match id.as_str() {
        "help" if arg.get_long_help().is_some() => {
            return arg
                .help("Afficher l'aide (plus de détails avec `--help`)")
                .long_help("Afficher l'aide (un résumé avec `-h`)");
        }
        "help" => return arg.help("Afficher l'aide"),
        "version" => return arg.help("Afficher la version"),
        _ => {}
    }
    let at = if arg.is_global_set() { "" } else { path };
    let text = arg_text(at, &id).unwrap_or_default();
    let details = details(&arg, at);
    let mut summary = text.split("\n\n").next().unwrap_or(text).to_string();
    for detail in &details.short {
        summary.push(' ');
        summary.push_str(detail);
    }
    let long = (arg.get_long_help().is_some() || !details.long.is_empty()).then(|| {
        [text]
            .into_iter()
            .chain(details.long.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join("\n\n")
    });
    // clap would say `[alias: --unset]`: the aliases stay, hidden, and are said in French.
    let aliases: Vec<String> = arg
        .get_all_aliases()
        .unwrap_or_default()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let names: Vec<Str> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .map(|name| {
            crate::i18n::french_value_name(name.as_str()).map_or_else(|| name.clone(), Str::from)
        })
        .collect();
    let arg = if names.is_empty() || !arg.get_action().takes_values() {
        arg
    } else {
        arg.value_names(names)
    };
    let arg = arg
        .visible_alias(None::<&'static str>)
        .aliases(aliases)
        .hide_env(true)
        .hide_default_value(true)
        .hide_possible_values(true)
        .help(summary);
    match long {
        Some(long) => arg.long_help(long),
        None => arg,
    }
}

/// What clap would have written in brackets after an argument's help, in French: in the short
/// help on one line; in the long help on lines of their own, then the possible values' help as
/// a list, as clap does.
#[derive(Default)]
struct Details {
    short: Vec<String>,
    long: Vec<String>,
}

fn details(arg: &Arg, path: &str) -> Details {
    let mut bracketed = Vec::new();
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        bracketed.push(format!("[env : {}]", env.to_string_lossy()));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    if arg.get_action().takes_values() && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        bracketed.push(format!("[par défaut : {}]", defaults.join(" ")));
    }
    let aliases = arg.get_visible_aliases().unwrap_or_default();
    if !aliases.is_empty() {
        let aliases: Vec<String> = aliases.iter().map(|alias| format!("--{alias}")).collect();
        bracketed.push(format!("[alias : {}]", aliases.join(", ")));
    }
    let values: Vec<PossibleValue> = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        arg.get_possible_values()
            .into_iter()
            .filter(|value| !value.is_hide_set())
            .collect()
    };
    let mut short = bracketed.clone();
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        short.push(format!("[valeurs possibles : {}]", names.join(", ")));
    }
    let described = values.iter().any(|value| value.get_help().is_some());
    if !described {
        bracketed = short.clone();
    }
    let mut long = Vec::new();
    if !bracketed.is_empty() {
        long.push(bracketed.join("\n"));
    }
    if described {
        let id = arg.get_id().as_str();
        let lines: Vec<String> = values
            .iter()
            .map(|value| {
                let name = value.get_name();
                match value
                    .get_help()
                    .and(arg_text(path, &format!("{id}={name}")))
                {
                    Some(help) => format!("- {name} : {help}"),
                    None => format!("- {name}"),
                }
            })
            .collect();
        long.push(format!("Valeurs possibles :\n{}", lines.join("\n")));
    }
    Details { short, long }
}

/// The French text of the argument (or `id=value`) `id` on the page at `path`.
fn arg_text(path: &str, id: &str) -> Option<&'static str> {
    page(path)?
        .args
        .iter()
        .find(|(key, _)| *key == id)
        .map(|(_, text)| text.as_str())
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path} {name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command of the parser, built, with its path; clap's own `help` commands aside.
    fn commands() -> Vec<(String, Command)> {
        fn walk(command: &Command, path: &str, found: &mut Vec<(String, Command)>) {
            found.push((path.to_string(), command.clone()));
            for sub in command
                .get_subcommands()
                .filter(|sub| sub.get_name() != "help")
            {
                walk(sub, &join(path, sub.get_name()), found);
            }
        }
        let mut command = crate::cli::Cli::command();
        command.build();
        let mut found = Vec::new();
        walk(&command, "", &mut found);
        found
    }

    /// Whether the argument is clap's own (`--help`, `--version`), said by this module.
    fn builtin(arg: &Arg) -> bool {
        matches!(arg.get_id().as_str(), "help" | "version")
    }

    #[test]
    fn every_command_argument_and_value_has_its_french_help() {
        let mut missing = Vec::new();
        for (path, command) in commands() {
            let Some(page) = page(&path) else {
                missing.push(format!("no page for `netjournal {path}`"));
                continue;
            };
            if page.about.is_empty() {
                missing.push(format!("`{path}`: no about"));
            }
            if command.get_long_about().is_some() && !page.about.contains("\n\n") {
                missing.push(format!(
                    "`{path}`: the English has a long about, not the French"
                ));
            }
            if command.get_after_help().is_some() == page.after_help.is_empty() {
                missing.push(format!("`{path}`: after_help in one language only"));
            }
            for arg in command.get_arguments().filter(|arg| !builtin(arg)) {
                // A global option is said once, on the top page.
                if arg.is_global_set() && !path.is_empty() {
                    continue;
                }
                let id = arg.get_id().as_str();
                match arg_text(&path, id) {
                    None => missing.push(format!("`{path}`: no help for `{id}`")),
                    Some(text) if arg.get_long_help().is_some() && !text.contains("\n\n") => {
                        missing.push(format!("`{path}`: no long help for `{id}`"));
                    }
                    Some(_) => {}
                }
                for value in arg.get_possible_values() {
                    let key = format!("{id}={}", value.get_name());
                    if value.get_help().is_some() != arg_text(&path, &key).is_some() {
                        missing.push(format!("`{path}`: help of `{key}` in one language only"));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "French help missing:\n{}",
            missing.join("\n")
        );
    }

    /// An example is copied whole: none is wrapped at the help's 100 columns.
    #[test]
    fn every_example_fits_on_its_line() {
        for page in PAGES.iter() {
            for line in page.after_help.lines() {
                if line.trim_start().starts_with("netjournal") {
                    assert!(line.chars().count() <= 100, "too long: {line}");
                }
            }
        }
    }

    #[test]
    fn the_table_names_only_what_the_parser_has() {
        let commands = commands();
        for page in PAGES.iter() {
            let command = commands
                .iter()
                .find(|(path, _)| *path == page.path)
                .map(|(_, command)| command)
                .unwrap_or_else(|| panic!("a page for `{}`, which is no command", page.path));
            for (key, _) in &page.args {
                let (id, value) = key
                    .split_once('=')
                    .map_or((key.as_str(), None), |(id, v)| (id, Some(v)));
                let arg = command
                    .get_arguments()
                    .find(|arg| arg.get_id() == id)
                    .unwrap_or_else(|| panic!("`{}` has no argument `{id}`", page.path));
                if let Some(value) = value {
                    assert!(
                        arg.get_possible_values()
                            .iter()
                            .any(|v| v.get_name() == value),
                        "`{}`: `{id}` takes no `{value}`",
                        page.path
                    );
                }
            }
        }
    }

    /// Every placeholder of a value in words (`<NAME>`) has its French (`<NOM>`).
    #[test]
    fn every_value_name_has_its_french() {
        for (path, command) in commands() {
            let valued = command
                .get_arguments()
                .filter(|arg| !builtin(arg) && arg.get_action().takes_values());
            for arg in valued {
                let words = arg.get_value_names().unwrap_or_default().iter();
                // `<1-5>` says itself in any language.
                for name in words.filter(|name| name.chars().any(char::is_alphabetic)) {
                    assert!(
                        crate::i18n::french_value_name(name.as_str()).is_some(),
                        "`<{name}>` of `netjournal {path}` has no French in VALUE_NAMES"
                    );
                }
            }
        }
    }

    /// Every help page, in French: what clap would have said in English is nowhere.
    #[test]
    fn no_english_is_left_in_a_french_help_page() {
        let mut french = french(crate::cli::Cli::command());
        for (path, _) in commands() {
            let mut command = &mut french;
            for word in path.split_whitespace() {
                command = command.find_subcommand_mut(word).expect("the command");
            }
            for help in [command.render_help(), command.render_long_help()] {
                let help = help.to_string();
                for english in [
                    "Usage:",
                    "Options:",
                    "Arguments:",
                    "Commands:",
                    "Global options",
                    "[default:",
                    "[env:",
                    "possible values",
                    "Possible values",
                    "Print ",
                    "Examples:",
                    "Example:",
                ] {
                    assert!(
                        !help.contains(english),
                        "`{english}` in `netjournal {path} --help`:\n{help}"
                    );
                }
                assert!(help.contains("Utilisation :"), "{help}");
            }
        }
    }
}
