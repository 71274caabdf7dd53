//! Opening hours (to be built).
