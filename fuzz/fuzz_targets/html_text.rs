//! Bytes into the HTML and text readers: the same input read as HTML and as plain text
//! (the reader is forced, not sniffed).
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = common::limits();
    if let Ok(doc) = kehoach_parse::html::read(data, &limits) {
        let _ = kehoach_parse::plan::extract(&doc);
    }
    if let Ok(doc) = kehoach_parse::text::read(data, &limits) {
        let _ = kehoach_parse::plan::extract(&doc);
    }
});
