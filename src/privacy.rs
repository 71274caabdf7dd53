//! Personal-data checks for notes (to be built).
