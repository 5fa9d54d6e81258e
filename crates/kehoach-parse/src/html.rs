//! The HTML reader.

use crate::error::{ParseError, Result};
use crate::limits::Limits;
use crate::model::Document;

/// Reads an HTML page into the document model.
pub fn read(_bytes: &[u8], _limits: &Limits) -> Result<Document> {
    Err(ParseError::Unsupported(
        "HTML reading is not implemented yet".into(),
    ))
}
