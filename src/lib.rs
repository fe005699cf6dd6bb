//! netjournal: a command-line journal of professional networking. It records the networks a
//! freelancer joins, the meetings, the people met, the referrals and what they turned into,
//! the money and hours spent and the concerns, and tells, network by network, whether it is
//! worth staying.

pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
pub mod db;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod messages;
pub mod output;
pub mod prompt;
pub mod report;
pub mod sources;
pub mod staging;
pub mod transfer;
