//! The .docx reader: the OOXML package read straight from the zip with quick-xml.
//!
//! docx-rs, named on the design card, was replaced: its reader drops `w:tblHeader`, keeps
//! spans and list text private, double-unescapes entities, depends on the literal `w:`
//! prefix, panics on some valid input and loops on truncated XML (see the project notes).

pub mod annotate;
mod body;
mod comments;
mod numbering;
mod package;
mod xml;

pub(crate) use body::{clean_keep_lines, decode_legacy_runs};
pub use numbering::format_number;

pub(crate) use package::Package;

use crate::error::{ParseError, Result};
use crate::limits::Limits;
use crate::model::{Document, Format};

/// Reads a .docx (WordprocessingML package) into the document model.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document> {
    Ok(read_inner(bytes, limits, false)?.0)
}

/// A .docx read for annotation: the document model, with each paragraph's
/// [`Paragraph::source`](crate::model::Paragraph::source) indexing where it is in the main
/// part (see [`annotate`]).
pub struct Mapped {
    pub document: Document,
    /// The main part's name and text.
    main: String,
    xml: String,
    sources: Vec<body::ParaSource>,
}

/// Reads a .docx and records where each paragraph and run is in `word/document.xml`.
pub fn read_mapped(bytes: &[u8], limits: &Limits) -> Result<Mapped> {
    let (document, map) = read_inner(bytes, limits, true)?;
    let (main, xml, sources) = map.unwrap_or_default();
    Ok(Mapped {
        document,
        main,
        xml,
        sources,
    })
}

type SourceMap = (String, String, Vec<body::ParaSource>);

fn read_inner(bytes: &[u8], limits: &Limits, map: bool) -> Result<(Document, Option<SourceMap>)> {
    let mut pkg = Package::open(bytes, limits)?;
    let main = main_part(&mut pkg, limits)?;
    let xml = pkg.read(&main)?.ok_or_else(|| {
        ParseError::corrupt(format!("the package has no main document part ({main})"))
    })?;
    // List numbering applies only to paragraphs that name a list (numPr) or a style that
    // may be linked to one (pStyle): without either, numbering.xml is not read at all.
    let numbered = memchr::memmem::find(&xml, b"numPr").is_some()
        || memchr::memmem::find(&xml, b"pStyle").is_some();
    let commented = memchr::memmem::find(&xml, b"commentRangeStart").is_some()
        || memchr::memmem::find(&xml, b"commentReference").is_some();
    let numbering = match numbered
        .then(|| pkg.read("word/numbering.xml"))
        .transpose()?
    {
        Some(Some(n)) => Some(numbering::Numbering::parse(&xml::part_text(&n), limits)?),
        _ => None,
    };
    let mut doc = Document::new(Format::Docx);
    let text = xml::part_text(&xml);
    let mut walker = body::Walker::new(&text, numbering, limits);
    if map {
        walker = walker.mapping();
    }
    doc.blocks = walker.document()?;
    doc.revisions = std::mem::take(&mut walker.revisions);
    if commented {
        if let Some(c) = pkg.read("word/comments.xml")? {
            doc.comments = comments::read(&xml::part_text(&c), &walker.anchors, limits)?;
        }
    }
    let sources = walker.map.take();
    drop(walker);
    let map = sources.map(|s| (main, text.into_owned(), s));
    Ok((doc, map))
}

/// The main document part named by the package relationships, `word/document.xml` by default.
fn main_part(pkg: &mut Package<'_>, limits: &Limits) -> Result<String> {
    const DEFAULT: &str = "word/document.xml";
    if pkg.has(DEFAULT) {
        return Ok(DEFAULT.to_string());
    }
    let rels = match pkg.read("_rels/.rels")? {
        Some(r) => r,
        None if pkg.has("EncryptedPackage") => {
            return Err(ParseError::Encrypted(
                "the package holds an EncryptedPackage stream".into(),
            ))
        }
        None => {
            return Err(ParseError::Unsupported(
                "a zip archive without a Word document in it".into(),
            ))
        }
    };
    let rels = xml::part_text(&rels);
    let mut c = xml::Cursor::new(&rels, "_rels/.rels", limits);
    loop {
        match c.next()? {
            xml::Ev::Empty(_, e) | xml::Ev::Start(_, e) => {
                let ty = xml::attr(&e, b"Type").unwrap_or_default();
                if ty.ends_with("/officeDocument") {
                    let target = xml::attr(&e, b"Target").unwrap_or_default();
                    return Ok(target.trim_start_matches('/').to_string());
                }
            }
            xml::Ev::Eof => break,
            _ => {}
        }
    }
    Err(ParseError::Unsupported(
        "a zip archive without a Word document in it".into(),
    ))
}
