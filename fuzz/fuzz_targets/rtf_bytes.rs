//! Bytes into the RTF reader (forced, not sniffed: inputs need not start with `{\rtf`; a
//! `{\rtf1 ` prefix is added so the reader always runs), then plan extraction; and the same
//! bytes through `parse_bytes`, which sniffs. An error is fine, a panic is a bug.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = common::limits().started();
    let mut bytes = Vec::with_capacity(data.len() + 7);
    if !kehoach_parse::rtf::is_rtf(data) {
        bytes.extend_from_slice(b"{\\rtf1 ");
    }
    bytes.extend_from_slice(data);
    match kehoach_parse::rtf::read(&bytes, &limits) {
        Ok(mut doc) => {
            kehoach_parse::legacy::decode_document(&mut doc);
            let _ = std::hint::black_box(serde_json::to_string(&doc));
            let _ = kehoach_parse::plan::extract(&doc);
        }
        Err(e) => {
            let _ = std::hint::black_box(e.to_string());
        }
    }
    common::parse(&bytes);
});
