//! Limits that make hostile input harmless: a zip bomb, an XML bomb or a huge table is
//! refused with a [`ParseError::Limit`] that names the limit, instead of eating the machine.

use crate::error::ParseError;

/// Resource limits for one document. The defaults are generous for real plans (the largest
/// real plan we have seen is under 1 MB of XML) and small enough to refuse bombs early.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Size of the input file in bytes.
    pub max_file_bytes: u64,
    /// Entries in a zip package.
    pub max_zip_entries: u64,
    /// Inflated size of one zip entry we read.
    pub max_entry_bytes: u64,
    /// Inflated size / compressed size of one entry.
    pub max_inflate_ratio: u64,
    /// Nesting depth of XML or HTML elements.
    pub max_xml_depth: u64,
    /// XML elements in one part.
    pub max_xml_elements: u64,
    /// Rows of one table.
    pub max_table_rows: u64,
    /// Cells of one document.
    pub max_cells: u64,
    /// Objects in a PDF.
    pub max_pdf_objects: u64,
    /// Pages in a PDF.
    pub max_pdf_pages: u64,
    /// Decoded size of one PDF stream.
    pub max_stream_bytes: u64,
    /// Content-stream operations on one PDF page.
    pub max_ops_per_page: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 256 << 20,
            max_zip_entries: 10_000,
            max_entry_bytes: 256 << 20,
            max_inflate_ratio: 200,
            max_xml_depth: 256,
            max_xml_elements: 20_000_000,
            max_table_rows: 200_000,
            max_cells: 2_000_000,
            max_pdf_objects: 2_000_000,
            max_pdf_pages: 5_000,
            max_stream_bytes: 256 << 20,
            max_ops_per_page: 5_000_000,
        }
    }
}

impl Limits {
    /// Returns an error naming the limit when `value > limit`.
    pub fn check(
        value: u64,
        limit: u64,
        what: &'static str,
        flag: &'static str,
    ) -> Result<(), ParseError> {
        if value > limit {
            Err(ParseError::Limit {
                what,
                value,
                limit,
                flag,
            })
        } else {
            Ok(())
        }
    }
}
