//! A face-to-face visit. (Interim types for the screen; the store branch brings the full module.)

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Resolved,
    Signposted,
    Referred,
    Appointment,
    AssistedDigital,
    NotResolved,
}
impl Outcome {
    pub const ALL: [Outcome; 6] = [
        Outcome::Resolved,
        Outcome::Signposted,
        Outcome::Referred,
        Outcome::Appointment,
        Outcome::AssistedDigital,
        Outcome::NotResolved,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Resolved => "Resolved",
            Outcome::Signposted => "Signposted",
            Outcome::Referred => "Referred",
            Outcome::Appointment => "Appointment made",
            Outcome::AssistedDigital => "Helped online",
            Outcome::NotResolved => "Not resolved",
        }
    }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OnlineAnswer {
    Yes,
    No,
    DontKnow,
}
impl OnlineAnswer {
    pub const ALL: [OnlineAnswer; 3] =
        [OnlineAnswer::Yes, OnlineAnswer::No, OnlineAnswer::DontKnow];
    pub fn label(self) -> &'static str {
        match self {
            OnlineAnswer::Yes => "Yes",
            OnlineAnswer::No => "No",
            OnlineAnswer::DontKnow => "Don't know",
        }
    }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExclusionReason {
    NoDevice,
    NoInternet,
    NoSkills,
    NoConfidence,
    Language,
    Disability,
    PrefersFaceToFace,
}
impl ExclusionReason {
    pub const ALL: [ExclusionReason; 7] = [
        ExclusionReason::NoDevice,
        ExclusionReason::NoInternet,
        ExclusionReason::NoSkills,
        ExclusionReason::NoConfidence,
        ExclusionReason::Language,
        ExclusionReason::Disability,
        ExclusionReason::PrefersFaceToFace,
    ];
    pub fn label(self) -> &'static str {
        match self {
            ExclusionReason::NoDevice => "No device",
            ExclusionReason::NoInternet => "No internet",
            ExclusionReason::NoSkills => "No skills",
            ExclusionReason::NoConfidence => "No confidence",
            ExclusionReason::Language => "Language",
            ExclusionReason::Disability => "Disability",
            ExclusionReason::PrefersFaceToFace => "Prefers face to face",
        }
    }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Feedback {
    #[default]
    None,
    Compliment,
    Complaint,
    Suggestion,
}
impl Feedback {
    pub const ALL: [Feedback; 4] = [
        Feedback::None,
        Feedback::Compliment,
        Feedback::Complaint,
        Feedback::Suggestion,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Feedback::None => "None",
            Feedback::Compliment => "Compliment",
            Feedback::Complaint => "Complaint",
            Feedback::Suggestion => "Suggestion",
        }
    }
}
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    pub id: Uuid,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub desk: String,
    pub staff: String,
    pub services: Vec<String>,
    pub outcome: Outcome,
    pub partners: Vec<String>,
    pub online: Option<OnlineAnswer>,
    pub reasons: Vec<ExclusionReason>,
    pub feedback: Feedback,
    pub note: Option<String>,
    pub catalogue_version: String,
}
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct VisitDraft {
    pub id: Option<Uuid>,
    pub started_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    pub desk: String,
    pub staff: String,
    pub services: Vec<String>,
    pub outcome: Option<Outcome>,
    pub partners: Vec<String>,
    pub online: Option<OnlineAnswer>,
    pub reasons: Vec<ExclusionReason>,
    pub feedback: Feedback,
    pub note: Option<String>,
    pub catalogue_version: String,
}
