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
            ParseError::Limit { .. } => "limit",
            ParseError::Io(_) => "io",
        }
    }
}

pub type Result<T, E = ParseError> = std::result::Result<T, E>;
