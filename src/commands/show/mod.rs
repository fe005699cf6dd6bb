//! `show network`.

pub mod network;
