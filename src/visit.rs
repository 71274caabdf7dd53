//! A face-to-face visit (to be built).
