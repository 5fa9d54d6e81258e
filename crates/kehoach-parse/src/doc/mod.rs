//! The Word 97–2003 binary (.doc) reader, native: no Word, no LibreOffice.
//!
//! ```text
//! OLE container (cfb) ─▶ WordDocument stream: FIB ─▶ table stream (0Table/1Table):
//!   piece table (CLX) → the main document's characters, with their file positions
//!   CHPX pages → bold, italic, hidden, deleted, special, font (→ TCVN3/VNI by name)
//!   PAPX pages → alignment, list, table depth, cell/row ends, row properties (TAP)
//! ─▶ paragraphs (fields, revisions, specials resolved) ─▶ tables with spans ─▶ Document
//! ```
//!
//! Only the main document story (CPs `0..ccpText`) is read: footnotes, headers and
//! footers, comments, endnotes and text boxes are separate stories after it, so they stay
//! out of the body as they do in .docx.
//!
//! The container is read with the `cfb` crate: it validates the FAT and DIFAT when the file
//! is opened (a sector pointed to twice is refused, so a chain can only loop back to its own
//! start, which it detects), and reads streams through their sector chains and the mini
//! stream. Hand-rolling that would repeat the same few hundred lines of checks; the reader
//! is still wrapped in `catch_unwind`, like the PDF reader, in case a damaged file finds a
//! panic in it.

mod chars;
mod fib;
mod fields;
mod fkp;
mod lists;
mod paragraphs;
mod pieces;
mod sprm;
mod story;
mod tables;

use std::io::{Cursor, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::error::{ParseError, Result};
use crate::limits::Limits;
use crate::model::{Document, Format};

/// What an OLE compound file holds, by the streams at its root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OleKind {
    /// `WordDocument`: a Word 97–2003 document.
    Word,
    /// `EncryptedPackage`: a .docx/.xlsx/.pptx saved with a password.
    EncryptedPackage,
    /// `Workbook` or `Book`: an Excel 97–2003 workbook.
    Excel,
    /// `PowerPoint Document`.
    PowerPoint,
    /// `__substg1.0_…` streams: an Outlook message.
    OutlookMessage,
    /// Something else (an MSI, a Visio drawing, a thumbnail cache…).
    Other,
    /// The container itself cannot be read: why.
    Damaged(String),
}

/// Opens the container and says what it holds.
pub fn ole_kind(bytes: &[u8]) -> OleKind {
    let r = catch_unwind(AssertUnwindSafe(|| {
        let c = match cfb::CompoundFile::open(Cursor::new(bytes)) {
            Ok(c) => c,
            Err(e) => return OleKind::Damaged(e.to_string()),
        };
        let names: Vec<String> = c
            .read_root_storage()
            .map(|e| e.name().to_string())
            .collect();
        let has = |n: &str| names.iter().any(|x| x == n);
        if has("WordDocument") {
            OleKind::Word
        } else if has("EncryptedPackage") {
            OleKind::EncryptedPackage
        } else if has("Workbook") || has("Book") {
            OleKind::Excel
        } else if has("PowerPoint Document") {
            OleKind::PowerPoint
        } else if names.iter().any(|n| n.starts_with("__substg1.0_")) {
            OleKind::OutlookMessage
        } else {
            OleKind::Other
        }
    }));
    r.unwrap_or_else(|_| OleKind::Damaged("internal error while reading it".into()))
}

/// Reads a .doc into the document model.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document> {
    match catch_unwind(AssertUnwindSafe(|| read_inner(bytes, limits))) {
        Ok(r) => r,
        Err(_) => Err(ParseError::corrupt(
            "the .doc could not be interpreted (internal error while reading it)",
        )),
    }
}

fn stream(
    c: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    name: &str,
    file_len: u64,
    limits: &Limits,
) -> Result<Option<Vec<u8>>> {
    let path = format!("/{name}");
    if !c.is_stream(&path) {
        return Ok(None);
    }
    let mut s = c
        .open_stream(&path)
        .map_err(|e| ParseError::corrupt(format!("the {name} stream cannot be opened: {e}")))?;
    Limits::check(
        s.len(),
        limits.max_stream_bytes,
        "the size of a .doc stream (bytes)",
        "--max-stream-bytes",
    )?;
    // A stream cannot hold more than the file: a size that lies reserves nothing.
    let mut v = Vec::with_capacity(s.len().min(file_len) as usize);
    s.read_to_end(&mut v)
        .map_err(|e| ParseError::corrupt(format!("the {name} stream cannot be read: {e}")))?;
    Ok(Some(v))
}

fn read_inner(bytes: &[u8], limits: &Limits) -> Result<Document> {
    let mut c = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| {
        ParseError::corrupt(format!("the OLE container of the .doc is damaged: {e}"))
    })?;
    let word = stream(&mut c, "WordDocument", bytes.len() as u64, limits)?.ok_or_else(|| {
        ParseError::Unsupported("an OLE file without a WordDocument stream".into())
    })?;
    let fib = fib::Fib::parse(&word)?;
    if fib.encrypted {
        return Err(ParseError::Encrypted(
            "a Word 97–2003 .doc saved with a password to open".into(),
        ));
    }
    let tname = if fib.table_1 { "1Table" } else { "0Table" };
    let table = stream(&mut c, tname, bytes.len() as u64, limits)?.ok_or_else(|| {
        ParseError::corrupt(format!(
            "the .doc has no {tname} stream, which its header names"
        ))
    })?;
    limits.check_time()?;
    let clx = fib
        .slice(fib::CLX, &table, "piece table (CLX)")?
        .ok_or_else(|| ParseError::corrupt("the .doc has no piece table (CLX)"))?;
    let pieces = pieces::parse_clx(clx)?;
    let text = pieces::main_text(&pieces, &word, fib.ccp_text, limits)?;
    let chpx = match fib.slice(fib::PLCF_BTE_CHPX, &table, "character property table")? {
        Some(plc) => fkp::read(plc, &word, true, chars::Chp::parse)?,
        None => fkp::Runs::empty(),
    };
    // Paragraph properties too large for their page live in the Data stream, which also
    // holds pictures: it is read only when some paragraph points into it (and a Data stream
    // that cannot be read leaves those paragraphs with the properties of their page).
    let mut data: Option<Vec<u8>> = None;
    let len = bytes.len() as u64;
    let papx = match fib.slice(fib::PLCF_BTE_PAPX, &table, "paragraph property table")? {
        Some(plc) => fkp::read(plc, &word, false, |g| {
            let (_istd, g) = fkp::split_istd(g);
            if data.is_none() && sprm::Sprms::new(g).any(|(c, _)| c == sprm::P_HUGE_PAPX) {
                data = Some(
                    stream(&mut c, "Data", len, limits)
                        .ok()
                        .flatten()
                        .unwrap_or_default(),
                );
            }
            paragraphs::Pap::parse(g, data.as_deref().unwrap_or_default())
        })?,
        None => fkp::Runs::empty(),
    };
    let fonts = match fib.slice(fib::STTBF_FFN, &table, "font table")? {
        Some(s) => chars::font_encodings(s),
        None => Vec::new(),
    };
    let mut lists = lists::Lists::parse(&fib, &table);
    limits.check_time()?;
    let mut b = tables::Builder::new(limits);
    story::paragraphs(&text, &chpx, &papx, &fonts, limits, |mut para| {
        if let Some(pap) = para.pap {
            if pap.ilfo != 0 {
                para.p.list_label = lists.next_label(pap.ilfo, pap.ilvl);
            }
        }
        b.push(para)
    })?;
    let mut doc = Document::new(Format::Doc);
    doc.blocks = b.finish()?;
    Ok(doc)
}
