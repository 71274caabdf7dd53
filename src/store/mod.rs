//! The visit log on disk (to be built).
