// Shared by the targets: small limits so that one input cannot take seconds, and a check
// that every refusal is a clean error.
#![allow(dead_code)]

use std::io::Write;

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

/// Structure-aware .docx: the fuzz input is split into word/document.xml and
/// word/numbering.xml at the first 0xFF byte (never in UTF-8) and stored in a valid zip
/// package, so that mutations reach the XML walker instead of dying in the zip directory.
pub fn docx_of_parts(data: &[u8]) -> Vec<u8> {
    let (document, numbering) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        z.start_file("[Content_Types].xml", opts).unwrap();
        z.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#).unwrap();
        z.start_file("word/document.xml", opts).unwrap();
        z.write_all(document).unwrap();
        if let Some(n) = numbering {
            z.start_file("word/numbering.xml", opts).unwrap();
            z.write_all(n).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}
