//! Rendering results for people and machines, apart from finding them.

pub mod records;
