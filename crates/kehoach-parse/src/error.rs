//! Errors a reader can return. Every variant says what is wrong in words a user can act on;
//! the CLI prefixes the file name.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ParseError {
    #[error("the file is empty")]
    Empty,
    #[error("not a document kehoach can read ({0})")]
    Unsupported(String),
    #[error("the document is encrypted or password-protected ({0}); save an unprotected copy and try again")]
    Encrypted(String),
    #[error("the file is damaged: {0}")]
    Corrupt(String),
    #[error("limit exceeded: {what} is {value}, the limit is {limit}; raise it with {flag}")]
    Limit {
        what: &'static str,
        value: u64,
        limit: u64,
        flag: &'static str,
    },
    #[error("limit exceeded: the document took longer than {seconds} s to read; raise it with --max-seconds")]
    TimeLimit { seconds: f64 },
    /// A PDF without a text layer on any page (a scan, or only a signature stamp's text):
    /// not a document with nothing in it, and not damaged.
    #[error("scanned, no text layer on any of its {pages} page(s): the text is an image and needs OCR: install Tesseract with its Vietnamese model (apt-get install tesseract-ocr tesseract-ocr-vie) and read it with --ocr auto, or use the signed file exported from Word or a PDF with a text layer")]
    NeedsOcr { pages: usize },
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
}

impl ParseError {
    pub fn corrupt(msg: impl Into<String>) -> Self {
        ParseError::Corrupt(msg.into())
    }

    /// A short stable code for the kind of failure, for logs and the store.
    pub fn code(&self) -> &'static str {
        match self {
            ParseError::Empty => "empty",
            ParseError::Unsupported(_) => "unsupported",
            ParseError::Encrypted(_) => "encrypted",
            ParseError::Corrupt(_) => "corrupt",
            ParseError::Limit { .. } | ParseError::TimeLimit { .. } => "limit",
            ParseError::NeedsOcr { .. } => "needs_ocr",
            ParseError::Io(_) => "io",
        }
    }
}

/// How the message of [`ParseError::NeedsOcr`] begins: a stored error that starts so is a
/// scan waiting for OCR, not a failure (the store keeps errors as text).
pub const NEEDS_OCR_MESSAGE: &str = "scanned, no text layer";

pub type Result<T, E = ParseError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    #[test]
    fn needs_ocr_message_starts_as_documented() {
        let e = super::ParseError::NeedsOcr { pages: 3 };
        assert!(e.to_string().starts_with(super::NEEDS_OCR_MESSAGE));
    }
}
