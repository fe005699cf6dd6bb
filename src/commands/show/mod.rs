//! `show network`, `show contact`.

pub mod contact;
pub mod network;
