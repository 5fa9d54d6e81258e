//! Structure-aware: the fuzz input is split into word/document.xml and word/numbering.xml
//! (at the first 0xFF byte) and stored in a valid zip package, so that mutations reach the
//! XML walker instead of dying in the zip directory. Seeds are the document.xml (and
//! numbering.xml) of the fixtures.
#![no_main]

#[path = "common.rs"]
mod common;

use std::io::Write;

use libfuzzer_sys::fuzz_target;

fn package(document: &[u8], numbering: Option<&[u8]>) -> Vec<u8> {
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

fuzz_target!(|data: &[u8]| {
    let (doc, num) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    common::parse(&package(doc, num));
});
