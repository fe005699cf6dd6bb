//! `import FILE.json`: a journal written by `netjournal export` (here or on another machine)
//! merged into this one by uuid, in one transaction. See [`crate::transfer::import`] for what
//! is added, what is kept, and what is a conflict.

use std::path::Path;

use crate::context::Context;
use crate::db::Access;
use crate::error::CliError;
use crate::transfer::{self, import};

pub fn run(ctx: &Context, file: &Path) -> Result<(), CliError> {
    let shown = file.display();
    let bytes = std::fs::read(file)
        .map_err(|error| CliError::bad_input(format!("cannot read `{shown}`: {error}")))?;
    let document = import::read(&bytes).map_err(|error| refused(file, error))?;
    drop(bytes);
    let mut journal = ctx.open(Access::Write)?;
    // The whole file goes in in one transaction: a page cache that holds the pages it touches
    // keeps SQLite from writing them to the log half-way and reading them back (with the
    // default 2 MiB, an import of 100,000 meetings made 300,000 reads and 150,000 writes). At
    // most 256 MiB, taken as needed: the document read is already larger.
    journal
        .conn()
        .pragma_update(None, "cache_size", -256 * 1024)
        .map_err(crate::db::Error::from)?;
    let progress = transfer::progress(document.rows(), "Importing", true);
    let merged = journal.write(|tx| import::merge(tx, &document, &progress));
    progress.finish_and_clear();
    let summary = merged.map_err(|error| refused(file, error))?;

    let mut out = std::io::stdout().lock();
    use std::io::Write;
    for conflict in &summary.conflicts {
        writeln!(out, "conflict: {conflict}")?;
    }
    if let Some(currency) = &summary.currency_set {
        writeln!(
            out,
            "The journal was empty: its currency is now the file's, {currency}."
        )?;
    }
    let verb = if summary.changed() {
        "Imported"
    } else {
        "Nothing new in"
    };
    writeln!(out, "{verb} {shown}:")?;
    for (table, tally) in summary.tables() {
        writeln!(
            out,
            "  {table:<10} {:>6} added, {:>6} already there, {:>4} in conflict",
            tally.added, tally.present, tally.conflicts
        )?;
    }
    out.flush()?;
    Ok(())
}

/// The error as the user sees it: the file's fault is bad input (exit 2) naming the file, and
/// the place in it; the journal's is a failure (exit 1).
fn refused(file: &Path, error: import::Error) -> CliError {
    let file = file.display();
    match error {
        import::Error::Db(error) => CliError::from(error),
        import::Error::Syntax { .. } => {
            CliError::bad_input(format!("{file}:{error}")).with_hint(NOTHING)
        }
        import::Error::Currency { .. } => CliError::bad_input(format!("`{file}`: {error}"))
            .with_hint(
                "import it into a journal of its own, e.g. `netjournal --db other.db import FILE`",
            ),
        import::Error::TooNew(_) => CliError::bad_input(format!("`{file}` was {error}"))
            .with_hint("install the newer netjournal to import it"),
        _ => CliError::bad_input(format!("`{file}`: {error}")).with_hint(NOTHING),
    }
}

const NOTHING: &str = "nothing was imported: mend the file, then import it again";
