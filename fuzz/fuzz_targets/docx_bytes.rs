//! Arbitrary bytes into `parse_bytes` (sniff, then the reader it picks; seeds are .docx
//! packages, so most mutations stay zips).
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::parse(data);
});
