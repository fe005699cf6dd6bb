//! `man [--dir DIR]`: the manual page (roff, clap_mangen), made from the same parser that reads
//! the command line. Printed, it is one page: the options, then every command with its use;
//! with `--dir`, one page per command is written, as `man` finds them once installed.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::CommandFactory;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use crate::cli::Cli;
use crate::context::Context;
use crate::error::{CliError, Said, io_reason};
use crate::messages::Msg;
use crate::output::say_line;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal man | man -l -
  netjournal man --dir ~/.local/share/man/man1    # one page per command, then `man netjournal`")]
pub struct Args {
    /// Write one page per command (netjournal.1, netjournal-log-meeting.1, …) into this folder,
    /// instead of printing the top page
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    match args.dir {
        Some(dir) => {
            write_pages(&dir)?;
            let path = dir.display().to_string();
            say_line!("{}", ctx.say(Msg::WroteManPages, &[("path", &path)]))?;
            Ok(())
        }
        None => {
            let page = page()?;
            let mut out = io::stdout().lock();
            out.write_all(page.as_bytes())?;
            out.flush()?;
            Ok(())
        }
    }
}

/// The top page, followed by a COMMANDS section that gives every command (`log meeting`, not
/// only `log`) with its use, so that one page is enough to find one's way.
pub fn page() -> Result<String, CliError> {
    let mut buffer = Vec::new();
    Man::new(Cli::command())
        .render(&mut buffer)
        .map_err(|error| {
            CliError::failure(Said::keyed(
                Msg::CannotMakeManPage,
                &[("why", &error.to_string())],
            ))
        })?;
    let page = String::from_utf8_lossy(&buffer).into_owned();
    let commands = commands_section();
    // Before VERSION, the page's last section; the section's own preamble is the page's.
    Ok(match page.find("\n.SH VERSION") {
        Some(at) => format!("{}\n{commands}{}", &page[..at], &page[at + 1..]),
        None => format!("{page}{commands}"),
    })
}

/// `.SH COMMANDS`: each command that does something, with its synopsis and what it does.
fn commands_section() -> String {
    let mut cli = Cli::command();
    cli.build();
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    for command in leaves(&cli) {
        let usage = command.clone().render_usage().to_string();
        let usage = usage.trim_start_matches("Usage:").trim();
        let name = command.get_bin_name().unwrap_or_else(|| command.get_name());
        roff.control("TP", []);
        roff.text([bold(name), roman(usage.strip_prefix(name).unwrap_or(usage))]);
        if let Some(about) = command.get_about() {
            roff.text([roman(about.to_string())]);
        }
    }
    let rendered = roff.render();
    // Drop the preamble `render` puts first (it defines the apostrophe the page already has).
    let body = rendered
        .find(".SH")
        .map_or(rendered.as_str(), |at| &rendered[at..]);
    body.to_string()
}

/// The commands that run something, depth first: `add network`, `add contact`, `log meeting`…
fn leaves(command: &clap::Command) -> Vec<&clap::Command> {
    let mut found = Vec::new();
    for sub in command
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help")
    {
        if sub.has_subcommands() {
            found.extend(leaves(sub));
        } else {
            found.push(sub);
        }
    }
    found
}

/// One page per command in `dir` (created when missing): `netjournal.1`, `netjournal-log.1`,
/// `netjournal-log-meeting.1`… (`run` says where they went.)
fn write_pages(dir: &std::path::Path) -> Result<(), CliError> {
    let cannot = |error: io::Error| {
        CliError::failure(Said::each(|lang| {
            lang.say(
                Msg::CannotWriteManPages,
                &[
                    ("path", &dir.display().to_string()),
                    ("why", &io_reason(&error, lang)),
                ],
            )
        }))
        .with_hint(Said::keyed(Msg::ChooseManDir, &[]))
    };
    std::fs::create_dir_all(dir).map_err(cannot)?;
    clap_mangen::generate_to(Cli::command(), dir).map_err(cannot)?;
    // The top page as printed, with its COMMANDS section, in place of clap_mangen's own.
    std::fs::write(dir.join("netjournal.1"), page()?).map_err(cannot)?;
    Ok(())
}
