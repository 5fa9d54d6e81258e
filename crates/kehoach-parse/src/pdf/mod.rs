//! The .pdf reader (positioned text, ruling lines, tables across pages).

use crate::error::{ParseError, Result};
use crate::limits::Limits;
use crate::model::Document;

/// Reads a PDF into the document model.
pub fn read(_bytes: &[u8], _limits: &Limits) -> Result<Document> {
    Err(ParseError::Unsupported(
        "PDF reading is not implemented yet".into(),
    ))
}
