//! Catalogue checks (to be built).
