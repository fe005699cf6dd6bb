//! `add network`, `add contact`.

pub mod contact;
pub mod network;
