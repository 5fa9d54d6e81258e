//! Picks a reader by what the bytes are, not by the file's name: a .docx renamed .doc, an
//! HTML page saved as .doc by old Word, a PDF without extension all go to the right reader.

use crate::error::ParseError;
use crate::model::Format;

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// A reader exists for this format.
    Readable(Format),
    /// An OLE compound file: an encrypted OOXML package or a legacy binary .doc.
    Ole,
    /// Bytes that are not text in any encoding we know.
    Binary,
    /// Nothing at all.
    Empty,
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Sniffs the format from the content.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.is_empty() {
        return Sniffed::Empty;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        // A workbook (its part `xl/workbook.xml` named in the zip, and no Word document
        // part) goes to the xlsx reader; any other zip to the docx reader, which opens it and
        // tells a damaged archive from any other zip.
        let find = |n: &[u8]| memchr::memmem::find(bytes, n).is_some();
        if !find(b"word/document.xml") && find(b"xl/workbook.xml") {
            return Sniffed::Readable(Format::Xlsx);
        }
        return Sniffed::Readable(Format::Docx);
    }
    if crate::rtf::is_rtf(bytes) {
        return Sniffed::Readable(Format::Rtf);
    }
    if bytes.starts_with(&OLE_MAGIC) {
        return Sniffed::Ole;
    }
    // UTF-16 with a byte-order mark: NUL bytes everywhere, but text; the text reader decodes it.
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Sniffed::Readable(Format::Text);
    }
    let head = &bytes[..bytes.len().min(1024)];
    if memfind(head, b"%PDF-").is_some() {
        return Sniffed::Readable(Format::Pdf);
    }
    let lower: Vec<u8> = bytes[..bytes.len().min(4096)]
        .iter()
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let trimmed = trim_bom_ws(&lower);
    if trimmed.starts_with(b"<!doctype html")
        || trimmed.starts_with(b"<html")
        || memfind(&lower, b"<html").is_some()
        || (trimmed.starts_with(b"<")
            && (memfind(&lower, b"<body").is_some() || memfind(&lower, b"<table").is_some()))
    {
        return Sniffed::Readable(Format::Html);
    }
    if looks_textual(&bytes[..bytes.len().min(64 * 1024)]) {
        return Sniffed::Readable(Format::Text);
    }
    Sniffed::Binary
}

/// Turns a sniff result into the format to read or a clear error.
pub fn readable_format(bytes: &[u8]) -> Result<Format, ParseError> {
    match sniff(bytes) {
        Sniffed::Readable(f) => Ok(f),
        Sniffed::Empty => Err(ParseError::Empty),
        Sniffed::Ole => ole_format(bytes),
        Sniffed::Binary => Err(ParseError::Unsupported(
            "binary data that is not a document kehoach reads (.docx, .doc, .rtf, .xlsx, .pdf, HTML or text)".into(),
        )),
    }
}

/// An OLE compound file by the streams it holds: a Word 97–2003 document is read; anything
/// else is named, with what to do about it.
fn ole_format(bytes: &[u8]) -> Result<Format, ParseError> {
    use crate::doc::OleKind;
    match crate::doc::ole_kind(bytes) {
        OleKind::Word => Ok(Format::Doc),
        OleKind::EncryptedPackage => Err(ParseError::Encrypted(
            "an encrypted Office package: a .docx saved with a password to open".into(),
        )),
        OleKind::Excel => Err(ParseError::Unsupported(
            "an Excel 97–2003 workbook (.xls); save it as .xlsx, or copy its table into a Word document".into(),
        )),
        OleKind::PowerPoint => Err(ParseError::Unsupported(
            "a PowerPoint 97–2003 presentation (.ppt); save the plan as a Word document or PDF".into(),
        )),
        OleKind::OutlookMessage => Err(ParseError::Unsupported(
            "an Outlook e-mail message (.msg); save its attached plan and read that file".into(),
        )),
        OleKind::Other => Err(ParseError::Unsupported(
            "an OLE compound file that holds no Word document (no WordDocument stream)".into(),
        )),
        OleKind::Damaged(why) => Err(ParseError::corrupt(format!(
            "an OLE compound file (the container of .doc files) that cannot be opened: {why}"
        ))),
    }
}

fn trim_bom_ws(b: &[u8]) -> &[u8] {
    let b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    &b[start..]
}

/// Text if it holds no NUL and almost no control bytes; both UTF-8 and single-byte code pages
/// (windows-1258) pass.
fn looks_textual(b: &[u8]) -> bool {
    if b.contains(&0) {
        return false;
    }
    let ctrl = b
        .iter()
        .filter(|&&c| c < 0x20 && !matches!(c, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    ctrl * 100 <= b.len()
}

pub(crate) fn memfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(b""), Sniffed::Empty);
        assert_eq!(sniff(b"%PDF-1.7\n..."), Sniffed::Readable(Format::Pdf));
        assert_eq!(sniff(&OLE_MAGIC), Sniffed::Ole);
        assert_eq!(
            sniff(b"<!DOCTYPE html><html><body>x</body></html>"),
            Sniffed::Readable(Format::Html)
        );
        assert_eq!(
            sniff(b"\xef\xbb\xbf<html>"),
            Sniffed::Readable(Format::Html)
        );
        assert_eq!(
            sniff("KẾ HOẠCH\nSố: 1/KH".as_bytes()),
            Sniffed::Readable(Format::Text)
        );
        assert_eq!(sniff(b"\x00\x01\x02\x03garbage"), Sniffed::Binary);
        assert_eq!(sniff(b"\xff\xfeK\x00"), Sniffed::Readable(Format::Text));
        assert_eq!(
            sniff(b"PK\x03\x04....word/document.xml"),
            Sniffed::Readable(Format::Docx)
        );
        assert_eq!(
            sniff(b"\xef\xbb\xbf \r\n{\\rtf1\\ansi x}"),
            Sniffed::Readable(Format::Rtf)
        );
        assert_eq!(
            sniff(b"PK\x03\x04..[Content_Types].xml..xl/workbook.xml"),
            Sniffed::Readable(Format::Xlsx)
        );
        assert_eq!(sniff(b"{\\rtx not rtf}"), Sniffed::Readable(Format::Text));
    }
}
