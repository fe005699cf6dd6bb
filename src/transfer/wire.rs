//! The records of an export as a file holds them, read leniently: every field the string or
//! the number the file gives, unchecked. An import reads each record into one of these, then
//! checks it into the typed record of [`super`] (see `import::records`), which says in words
//! which value the journal refuses. Tests that build files (well formed or not) write these.

use serde::{Deserialize, Serialize};

/// A network, as a file gives it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkRecord {
    pub uuid: String,
    pub name: String,
    pub kind: String,
    pub joined_on: Option<String>,
    pub left_on: Option<String>,
    pub exit_reason: Option<String>,
    pub invited_by: Option<String>,
    pub fee_cents: Option<i64>,
    pub fee_period: Option<String>,
    pub rules: Option<String>,
    pub notes: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A fee change, as a file gives it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeChangeRecord {
    pub uuid: String,
    pub network_uuid: String,
    pub from_on: String,
    pub fee_cents: i64,
    pub fee_period: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A contact, as a file gives it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactRecord {
    pub uuid: String,
    pub name: String,
    pub profession: Option<String>,
    pub company: Option<String>,
    pub email: Option<String>,
    pub linkedin: Option<String>,
    pub network_uuid: Option<String>,
    pub notes: Option<String>,
    pub added_on: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A meeting, as a file gives it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingRecord {
    pub uuid: String,
    pub date: String,
    /// `HH:MM`, or null; absent from a file of version 2 or older.
    #[serde(default)]
    pub start_time: Option<String>,
    pub network_uuid: Option<String>,
    pub format: String,
    pub minutes: Option<i64>,
    pub travel_minutes: Option<i64>,
    pub cost_cents: Option<i64>,
    pub rating: Option<i64>,
    pub notes: Option<String>,
    #[serde(default)]
    pub contact_uuids: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A referral, as a file gives it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralRecord {
    pub uuid: String,
    pub direction: String,
    pub date: String,
    pub network_uuid: Option<String>,
    pub contact_uuid: Option<String>,
    pub description: Option<String>,
    pub status: String,
    pub value_cents: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

/// A merged contact, as a file gives it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergedContactRecord {
    pub old_uuid: String,
    pub into_uuid: String,
    pub merged_at: String,
}

/// A note, as a file gives it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRecord {
    pub uuid: String,
    pub date: String,
    pub text: String,
    #[serde(default)]
    pub concern: bool,
    /// A concern's severity (`minor`, `serious`); none for a plain note. Absent from a version
    /// 1 file, whose concerns are serious.
    #[serde(default)]
    pub severity: Option<String>,
    /// When a concern was resolved.
    #[serde(default)]
    pub resolved_on: Option<String>,
    pub network_uuid: Option<String>,
    pub meeting_uuid: Option<String>,
    pub contact_uuid: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}
