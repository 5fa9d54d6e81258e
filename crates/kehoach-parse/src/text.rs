//! The plain-text and Markdown reader.

use crate::error::{ParseError, Result};
use crate::limits::Limits;
use crate::model::Document;

/// Reads text (Markdown pipe tables, tab-separated tables) into the document model.
pub fn read(_bytes: &[u8], _limits: &Limits) -> Result<Document> {
    Err(ParseError::Unsupported(
        "text reading is not implemented yet".into(),
    ))
}
