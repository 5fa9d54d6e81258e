//! Readers for Vietnamese government plans, and plan extraction.
//!
//! ```text
//! bytes ──sniff──▶ docx / pdf / html / text / rtf / xlsx reader ──▶ Document (model) ──plan::extract──▶ Plan
//! ```
//!
//! Every reader produces the same [`model::Document`]: paragraphs and tables with cell spans,
//! in reading order. [`plan::extract`] finds the work-item table by what its header says and
//! turns the document into a [`plan::Plan`]: metadata and items. Nothing after the readers
//! sees XML, PDF operators or HTML.
//!
//! ```no_run
//! let bytes = std::fs::read("plan.docx").unwrap();
//! let parsed = kehoach_parse::parse_bytes(&bytes, &kehoach_parse::Limits::default()).unwrap();
//! for item in &parsed.plan.items {
//!     println!("{} {}", item.stt, item.content);
//! }
//! ```

pub mod doc;
pub mod docx;
pub mod error;
pub mod html;
pub mod legacy;
pub mod limits;
pub mod model;
pub mod ocr;
pub mod pdf;
pub mod plan;
pub mod record;
pub mod rtf;
pub mod sniff;
pub mod text;
pub mod xlsx;

pub use error::{ParseError, Result};
pub use limits::Limits;
pub use model::{Document, Format};

/// A document read and its plan extracted.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub document: Document,
    pub plan: plan::Plan,
}

/// Reads bytes with the reader their content calls for.
///
/// The time limit ([`Limits::max_seconds`]) starts now unless `limits.deadline` is set.
pub fn read_document(bytes: &[u8], limits: &Limits) -> Result<Document> {
    let limits = &limits.started();
    limits.check_time()?;
    limits.check_file_size(bytes.len() as u64)?;
    let mut doc = match sniff::readable_format(bytes)? {
        Format::Docx => docx::read(bytes, limits),
        Format::Doc => doc::read(bytes, limits),
        Format::Pdf => pdf::read(bytes, limits),
        Format::Html => html::read(bytes, limits),
        Format::Text => text::read(bytes, limits),
        Format::Rtf => rtf::read(bytes, limits),
        Format::Xlsx => xlsx::read(bytes, limits),
    }?;
    legacy::decode_document(&mut doc);
    Ok(doc)
}

/// Reads bytes and extracts the plan.
pub fn parse_bytes(bytes: &[u8], limits: &Limits) -> Result<Parsed> {
    let limits = &limits.started();
    let document = read_document(bytes, limits)?;
    limits.check_time()?;
    let plan = plan::extract(&document);
    limits.check_time()?;
    Ok(Parsed { document, plan })
}
