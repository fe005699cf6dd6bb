//! `log meeting`, `log referral`.

pub mod meeting;
pub mod referral;
