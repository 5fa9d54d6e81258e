// Shared by the targets: small limits so that one input cannot take seconds, and a check
// that every refusal is a clean error.
#![allow(dead_code)]

use kehoach_parse::{Limits, ParseError};

/// Limits for fuzzing: a real plan fits; libFuzzer's -rss_limit_mb and -timeout catch what
/// gets past them.
pub fn limits() -> Limits {
    Limits {
        max_file_bytes: 4 << 20,
        max_entry_bytes: 16 << 20,
        max_seconds: 5.0,
        ..Limits::default()
    }
}

/// Reads and extracts; an error is fine, a panic is a bug (libFuzzer reports it).
pub fn parse(bytes: &[u8]) {
    match kehoach_parse::parse_bytes(bytes, &limits()) {
        Ok(p) => {
            // Serialising the record exercises every field the CLI would print.
            let rec = kehoach_parse::record::Record::new("fuzz", bytes, p);
            let _ = std::hint::black_box(serde_json::to_string(&rec));
        }
        Err(e) => {
            // Every error renders to a message.
            let _ = std::hint::black_box(e.to_string());
            if let ParseError::Limit { what, .. } = &e {
                assert!(!what.is_empty());
            }
        }
    }
}
