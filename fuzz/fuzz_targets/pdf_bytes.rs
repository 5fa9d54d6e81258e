//! Bytes into the PDF reader (through `parse_bytes`, which sniffs them; seeds are the PDF
//! fixtures, so most mutations keep the %PDF- header).
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::parse(data);
});
