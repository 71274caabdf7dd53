//! The plain values figures are made of, below every room that counts or shows them: how many
//! of one fact a period holds ([`Count`], read from the visit log or the central server) and
//! what one contact costs ([`UnitCosts`], from the settings). The desk, the report, the store,
//! the central server and the settings all use them; they import nothing.

use serde::Serialize;

/// How many of one fact the period holds. For `hour`, `key` is the local weekday (0 Monday to
/// 6 Sunday) and `sub` the local hour; otherwise they are as the store's `summary` names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub figure: String,
    pub key: String,
    pub sub: String,
    pub n: u64,
}

/// What one contact costs the council by each channel, in pence, as set in `[unit_costs]`
/// (in pounds). Unset means unknown: reports leave out the figures that need it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct UnitCosts {
    pub face_to_face: Option<u64>,
    pub phone: Option<u64>,
    pub web: Option<u64>,
}
