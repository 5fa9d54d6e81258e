//! Rendering results for people and machines, apart from finding them.

pub mod records;
pub mod store;
pub mod xlsx;
