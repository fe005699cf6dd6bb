//! `show network`, `show contact`: one record and everything on it, as text or JSON.

pub mod contact;
pub mod network;

use std::io::{self, Write};

use rusqlite::Connection;
use serde::Serialize;

use crate::context::Context;
use crate::db;
use crate::error::CliError;
use crate::output::CellFormat;
use network::ShowFormat;

/// Prints what a `show` command gathered: as JSON, or as text written by `text`, its cells in
/// the journal's currency, the user's language and the terminal's width.
fn print<T: Serialize>(
    ctx: &Context,
    conn: &Connection,
    format: ShowFormat,
    shown: &T,
    text: impl FnOnce(&mut io::StdoutLock<'static>, &T, &CellFormat) -> io::Result<()>,
) -> Result<(), CliError> {
    let cells = CellFormat {
        currency: db::settings::currency(conn)?,
        lang: ctx.lang,
        color: ctx.color,
        width: ctx.width,
    };
    let mut out = io::stdout().lock();
    match format {
        ShowFormat::Json => {
            serde_json::to_writer_pretty(&mut out, shown)?;
            writeln!(out)?;
        }
        ShowFormat::Text => text(&mut out, shown, &cells)?,
    }
    out.flush()?;
    Ok(())
}
