//! Arbitrary bytes into `parse_bytes`, seeded with Word 97–2003 .doc files (fixtures/doc):
//! mutations reach the OLE container (cfb), the FIB, the piece table, the property pages
//! and the table builder of the .doc reader.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::parse(data);
});
