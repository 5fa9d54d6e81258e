//! Rendering results for people and machines, apart from finding them.

pub mod findings;
pub mod findings_html;
pub mod plandiff;
pub mod records;
pub mod store;
pub mod table;
pub mod xlsx;
