//! End-to-end tests of the `netjournal` binary: every command and option run as a user runs
//! them, in a private temporary journal with a cleared environment and a pinned clock (see
//! `common`). One test binary, one module per command, so that the whole suite links once.

mod common;

mod add_contact;
mod add_network;
mod backup;
mod bad_input;
mod binary;
mod color;
mod completions;
mod config;
mod edit;
mod export_import;
mod forget;
mod french;
mod generated;
mod help;
mod help_fr;
mod hostile_import;
mod hostile_output;
mod import_ics;
mod import_linkedin;
mod input_forms;
mod journal_file;
mod leave;
mod links;
mod list;
mod log_meeting;
mod log_referral;
mod merge_contact;
mod messages;
mod names;
mod note;
mod pipe;
mod prompts;
mod report;
mod report_html;
mod rm;
mod show;
mod show_contact;
mod typed_inputs;
mod verdict;
mod widths;
