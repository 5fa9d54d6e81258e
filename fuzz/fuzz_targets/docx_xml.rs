//! Structure-aware: the fuzz input is split into word/document.xml and word/numbering.xml
//! (at the first 0xFF byte) and stored in a valid zip package, so that mutations reach the
//! XML walker instead of dying in the zip directory. Seeds are the document.xml (and
//! numbering.xml) of the fixtures.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::parse(&common::docx_of_parts(data));
});
