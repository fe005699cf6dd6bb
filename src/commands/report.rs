//! `report [--network N] [--since D] [--until D] [--format text|json|md|html] [--output FILE]`.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::commands::resolve::resolve_network;
use crate::context::Context;
use crate::db::Access;
use crate::db::report::Period;
use crate::domain::Name;
use crate::error::CliError;
use crate::messages::Msg;
use crate::report::{self, Request, render};
use crate::transfer::staged::Staged;

/// How the report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ReportFormat {
    /// Tables, verdicts and prose for a terminal
    #[default]
    Text,
    /// The stable interface for scripts (keys in English, money in cents)
    Json,
    /// A Markdown document to paste into a blog post
    #[value(alias = "markdown")]
    Md,
    /// A self-contained web page with charts, to open in a browser or print
    Html,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal report
  netjournal report --network \"BNI Montpellier\" --since 2024-01
  netjournal report --lang fr --format md --output bilan.md
  netjournal report --format html --output retro.html
  netjournal report --format json | jq '.networks[] | {name, verdict}'")]
pub struct Args {
    /// Only this network
    #[arg(long, value_name = "NAME", add = crate::commands::completions::networks())]
    pub network: Option<Name>,
    #[command(flatten)]
    pub period: super::PeriodArgs,
    /// How to write it
    #[arg(long, value_enum, ignore_case = true, default_value_t)]
    pub format: ReportFormat,
    /// Write it to this file (created readable by you only) instead of the terminal
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Keep the full tables on a narrow terminal (otherwise, below 100 columns or when they
    /// cannot fit, the report shows one block per network)
    #[arg(long)]
    pub wide: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let today = ctx.today();
    let (since, until) = args.period.resolve(today)?;
    // A report runs to today unless told otherwise; a --since in the future is a period that
    // runs backwards.
    let until = until.unwrap_or(today);
    super::check_forward(since, Some(until))?;
    if let Some(output) = &args.output {
        super::check_output(ctx, output)?;
    }
    let journal = ctx.open(Access::ReadOnly)?;
    // One read transaction for the whole report: every figure from the same state of the
    // journal, and one lock taken for the report's queries rather than one each.
    let snapshot = journal
        .conn()
        .unchecked_transaction()
        .map_err(crate::db::Error::from)?;
    let conn: &rusqlite::Connection = &snapshot;
    let network_id = args
        .network
        .as_ref()
        .map(|n| resolve_network(conn, n))
        .transpose()?
        .map(|n| n.id);
    let request = Request {
        network_id,
        period: Period { since, until },
        today,
        lang: ctx.lang,
    };
    let mut report = report::build(conn, &request)?;
    let mut body = match args.format {
        // Colour only on the terminal: a file keeps plain text.
        ReportFormat::Text => {
            printable(&mut report);
            // A file keeps the full tables, like a pipe; the terminal gets them fitted to
            // its width, or the narrow layout.
            let width = if args.output.is_none() {
                ctx.width
            } else {
                None
            };
            render::text(
                &report,
                ctx.color && args.output.is_none(),
                width,
                args.wide,
            )
        }
        ReportFormat::Md => render::markdown(&report),
        ReportFormat::Json => serde_json::to_string_pretty(&report)?,
        ReportFormat::Html => report::html::html(&report, &report::marks(conn, &request)?),
    };
    if !body.ends_with('\n') {
        body.push('\n');
    }
    match &args.output {
        Some(path) => {
            // Written beside the file and moved into place once whole: a full disk or a
            // failure half-way leaves the previous report as it was.
            let (staged, mut file) = Staged::create(path)?;
            file.write_all(body.as_bytes())
                .and_then(|()| file.sync_all())
                .map_err(|e| staged.cannot_write(e))?;
            staged.finish(true)?;
            let path = path.display().to_string();
            eprintln!("{}", ctx.say(Msg::WroteReport, &[("path", &path)]));
        }
        None => {
            let stdout = io::stdout();
            let mut out = stdout.lock();
            out.write_all(body.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(())
}

/// The stored text the text report shows (names, and the reasons, what a watch waits for, next
/// steps, checks and retrospectives that quote notes and exit reasons) with its control characters shown, not obeyed: an escape
/// sequence from an imported note must not act on the reader's terminal. The JSON, Markdown and
/// HTML reports escape in their own ways.
fn printable(report: &mut report::Report) {
    let clean = |text: &mut String| {
        if let std::borrow::Cow::Owned(clean) = crate::domain::text::printable(text) {
            *text = clean;
        }
    };
    for network in &mut report.networks {
        clean(&mut network.name);
        network.verdict.reasons.iter_mut().for_each(clean);
        network.verdict.watch_for.iter_mut().for_each(clean);
        clean(&mut network.retrospective);
    }
    report.next_steps.iter_mut().for_each(clean);
    report.checks.iter_mut().for_each(clean);
}
