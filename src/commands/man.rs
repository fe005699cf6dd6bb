//! `man [--dir DIR]`: the manual page (roff, clap_mangen), made from the same parser that reads
//! the command line. Printed, it is one page: the options, then every command with its use;
//! with `--dir`, one page per command is written, as `man` finds them once installed.

use std::io::{self, Write};
use std::path::PathBuf;

use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use crate::context::Context;
use crate::error::CliError;
use crate::messages::Message;
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

/// `cli` is the command line's parser, the source of every page (given by `cli`, which this
/// module does not import: the parser's module imports the commands).
pub fn run(ctx: &Context, args: Args, cli: &clap::Command) -> Result<(), CliError> {
    match args.dir {
        Some(dir) => {
            write_pages(&dir, cli)?;
            let path = dir.display().to_string();
            say_line!("{}", ctx.say(Msg::WroteManPages, &[("path", &path)]))?;
            Ok(())
        }
        None => {
            let page = page(cli)?;
            let mut out = io::stdout().lock();
            out.write_all(page.as_bytes())?;
            out.flush()?;
            Ok(())
        }
    }
}

/// The top page: NAME, SYNOPSIS, DESCRIPTION and the options as clap_mangen writes them, then
/// COMMANDS (every command that runs — `log meeting`, not only `log` — with its use, so that one
/// page is enough to find one's way), ENVIRONMENT, FILES, EXIT STATUS, EXAMPLES and VERSION.
///
/// clap_mangen's SUBCOMMANDS section, which points at pages (`netjournal-help(1)`…) that a
/// printed page does not come with, and its EXTRA section (the `--help` examples, told again in
/// EXAMPLES) are left out.
pub fn page(cli: &clap::Command) -> Result<String, CliError> {
    let mut buffer = Vec::new();
    Man::new(cli.clone()).render(&mut buffer).map_err(|error| {
        CliError::failure(Message::keyed(
            Msg::CannotMakeManPage,
            &[("why", &error.to_string())],
        ))
    })?;
    let mut page = String::from_utf8_lossy(&buffer).into_owned();
    for section in ["SUBCOMMANDS", "EXTRA"] {
        page = without_section(&page, section);
    }
    let ours = format!("{}{}", commands_section(cli), reference_sections());
    // Before VERSION, the page's last section; the section's own preamble is the page's.
    Ok(match page.find("\n.SH VERSION") {
        Some(at) => format!("{}\n{ours}{}", &page[..at], &page[at + 1..]),
        None => format!("{page}{ours}"),
    })
}

/// `page` without its section `.SH NAME` (up to the next `.SH`).
fn without_section(page: &str, name: &str) -> String {
    let Some(start) = page.find(&format!("\n.SH {name}\n")) else {
        return page.to_string();
    };
    let rest = &page[start + 1..];
    match rest[1..].find("\n.SH ") {
        Some(end) => format!("{}{}", &page[..=start], &rest[end + 2..]),
        None => page[..=start].to_string(),
    }
}

/// ENVIRONMENT, FILES, EXIT STATUS and EXAMPLES: what the parser does not know.
fn reference_sections() -> String {
    let mut roff = Roff::new();
    let item = |roff: &mut Roff, name: &str, text: &str| {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(text)]);
    };
    roff.control("SH", ["ENVIRONMENT"]);
    item(
        &mut roff,
        "NETJOURNAL_DB",
        "The journal file, as --db (which wins over it).",
    );
    item(
        &mut roff,
        "NETJOURNAL_LANG",
        "The language, en or fr, as --lang (which wins over it).",
    );
    item(
        &mut roff,
        "LC_ALL, LC_MESSAGES, LANG",
        "Without --lang or NETJOURNAL_LANG, the first of these that is set and not empty decides \
         the language, as POSIX reads the locale: French when it starts with fr, else English.",
    );
    item(
        &mut roff,
        "NO_COLOR",
        "Set and not empty: no colour, unless --color always.",
    );
    item(
        &mut roff,
        "COLUMNS",
        "The width that tables and the text report are fitted to; without it, the terminal's. \
         Piped without COLUMNS, tables keep their full width. Below 100 columns the report \
         shows one block per network (report --wide keeps the tables).",
    );
    item(
        &mut roff,
        "NETJOURNAL_NOW",
        "The moment taken as now (a date such as 2024-06-15, or an RFC 3339 moment), for \
         reproducible examples and tests.",
    );
    roff.control("SH", ["FILES"]);
    item(
        &mut roff,
        "~/.local/share/netjournal/journal.db",
        "The journal, unless --db or NETJOURNAL_DB says otherwise: in the platform's data \
         folder ($XDG_DATA_HOME/netjournal on Linux, ~/Library/Application Support/netjournal \
         on macOS, %APPDATA%\\netjournal\\data on Windows). One SQLite file, readable by you \
         only; journal.db-wal and journal.db-shm may sit beside it while it is in use.",
    );
    roff.control("SH", ["EXIT STATUS"]);
    item(
        &mut roff,
        "0",
        "Success (and a reader that stopped reading, as head does).",
    );
    item(
        &mut roff,
        "1",
        "A failure: the journal cannot be read or written, a file is missing…",
    );
    item(
        &mut roff,
        "2",
        "Bad input or usage: the message names the bad value and what is expected; nothing in \
         the journal has changed.",
    );
    roff.control("SH", ["EXAMPLES"]);
    let examples: [(&str, &str); 6] = [
        (
            "After joining a group:",
            "netjournal add network \"BNI Montpellier\" --kind co-optation --fee 600",
        ),
        (
            "After a breakfast, with the people met:",
            "netjournal log meeting --network \"BNI Montpellier\" --format breakfast --met \"Paul Martin\"",
        ),
        (
            "A referral received that turned into business:",
            "netjournal log referral --received --contact \"Paul Martin\" --status won --value 3200",
        ),
        (
            "Whether to stay, network by network:",
            "netjournal report --network \"BNI Montpellier\"",
        ),
        (
            "The same in French, as a Markdown document:",
            "netjournal report --lang fr --format md --output bilan.md",
        ),
        (
            "This page, one page per command:",
            "netjournal man --dir ~/.local/share/man/man1",
        ),
    ];
    for (what, command) in examples {
        roff.control("PP", []);
        roff.text([roman(what)]);
        roff.control("RS", ["4"]);
        roff.control("EX", []);
        roff.text([roman(command)]);
        roff.control("EE", []);
        roff.control("RE", []);
    }
    let rendered = roff.render();
    // Drop the preamble `render` puts first (it defines the apostrophe the page already has).
    rendered
        .find(".SH")
        .map_or(rendered.as_str(), |at| &rendered[at..])
        .to_string()
}

/// `.SH COMMANDS`: each command that does something, with its synopsis and what it does.
fn commands_section(cli: &clap::Command) -> String {
    let mut cli = cli.clone();
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
fn write_pages(dir: &std::path::Path, cli: &clap::Command) -> Result<(), CliError> {
    let cannot = |error: io::Error| {
        let message = Message::new(Msg::CannotWriteManPages)
            .with("path", dir.display().to_string())
            .with("why", &error);
        CliError::failure(message)
            .with_hint(Message::keyed(Msg::ChooseManDir, &[]))
            .caused_by(error)
    };
    std::fs::create_dir_all(dir).map_err(cannot)?;
    clap_mangen::generate_to(cli.clone(), dir).map_err(cannot)?;
    // clap_mangen heads each command's `after_help` (its examples and notes) EXTRA, which no
    // manual has: NOTES is the section man readers know.
    for entry in std::fs::read_dir(dir).map_err(cannot)? {
        let path = entry.map_err(cannot)?.path();
        let ours = path
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| name.starts_with("netjournal-") && name.ends_with(".1"));
        if !ours {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(cannot)?;
        if text.contains("\n.SH EXTRA\n") {
            std::fs::write(&path, text.replace("\n.SH EXTRA\n", "\n.SH NOTES\n"))
                .map_err(cannot)?;
        }
    }
    // The top page as printed, with its COMMANDS section, in place of clap_mangen's own.
    std::fs::write(dir.join("netjournal.1"), page(cli)?).map_err(cannot)?;
    Ok(())
}
