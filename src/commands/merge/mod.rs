//! `merge contact KEEP OTHER`: two records of one person made one.

pub mod contact;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Make two contacts one person: OTHER's meetings, referrals and notes move to KEEP
    Contact(contact::Args),
}

pub fn run(ctx: &crate::context::Context, command: Command) -> Result<(), crate::error::CliError> {
    match command {
        Command::Contact(args) => contact::run(ctx, args),
    }
}
