//! The File Information Block ([MS-DOC] 2.5.1): the header at the start of the
//! WordDocument stream that says where everything else is.
//!
//! Read here: the identifier and version, the flags (encrypted, obfuscated, which table
//! stream), the character counts of the main text and the other stories (the main
//! document's text is CPs `0..ccpText`; footnotes, headers, comments, endnotes and text
//! boxes follow it and are not part of the body), and the (offset, size) pairs of the
//! structures in the table stream that the reader uses.

use crate::error::{ParseError, Result};

use super::sprm::{le_u16, le_u32};

/// Indexes into FibRgFcLcb97 of the (fc, lcb) pairs we read.
pub const PLCF_BTE_CHPX: usize = 12;
pub const PLCF_BTE_PAPX: usize = 13;
pub const STTBF_FFN: usize = 15;
pub const CLX: usize = 33;
pub const PLF_LST: usize = 73;
pub const PLF_LFO: usize = 74;

/// The FIB fields the reader needs.
#[derive(Debug, Clone)]
pub struct Fib {
    /// The document is encrypted (RC4 or XOR obfuscated): its streams cannot be read
    /// without the password.
    pub encrypted: bool,
    /// The table stream is "1Table" (else "0Table").
    pub table_1: bool,
    /// Characters of the main document story.
    pub ccp_text: u32,
    fc_lcb: Vec<(u32, u32)>,
}

impl Fib {
    pub fn parse(b: &[u8]) -> Result<Fib> {
        let bad = |what: &str| ParseError::corrupt(format!("the Word file header (FIB) {what}"));
        let ident = le_u16(b, 0).ok_or_else(|| bad("is cut short"))?;
        if ident != 0xA5EC {
            return Err(bad("does not start with Word's identifier (0xA5EC)"));
        }
        let n_fib = le_u16(b, 2).unwrap_or(0);
        let flags = le_u16(b, 0x0A).unwrap_or(0);
        if (0x65..0xC0).contains(&n_fib) {
            return Err(ParseError::Unsupported(format!(
                "a Word 6.0/95 document (file format version {n_fib}), older than Word 97; \
                 open it in Word or LibreOffice and save it as .docx"
            )));
        }
        let encrypted = flags & 0x0100 != 0;
        let table_1 = flags & 0x0200 != 0;
        let csw = le_u16(b, 32).ok_or_else(|| bad("is cut short"))? as usize;
        let lw_at = 34 + csw * 2;
        let cslw = le_u16(b, lw_at).ok_or_else(|| bad("is cut short"))? as usize;
        let rg_lw = lw_at + 2;
        let ccp_text = if cslw > 3 {
            le_u32(b, rg_lw + 12).ok_or_else(|| bad("is cut short"))?
        } else {
            0
        };
        let fc_at = rg_lw + cslw * 4;
        let cb = le_u16(b, fc_at).ok_or_else(|| bad("is cut short"))? as usize;
        let mut fc_lcb = Vec::with_capacity(cb.min(256));
        for i in 0..cb.min(256) {
            let at = fc_at + 2 + i * 8;
            match (le_u32(b, at), le_u32(b, at + 4)) {
                (Some(fc), Some(lcb)) => fc_lcb.push((fc, lcb)),
                _ => break,
            }
        }
        Ok(Fib {
            encrypted,
            table_1,
            ccp_text,
            fc_lcb,
        })
    }

    /// The table stream from the end of structure `index` on (list levels follow the list
    /// table there without being counted in its size).
    pub fn after<'t>(&self, index: usize, table: &'t [u8]) -> &'t [u8] {
        let Some(&(fc, lcb)) = self.fc_lcb.get(index) else {
            return &[];
        };
        (fc as usize)
            .checked_add(lcb as usize)
            .and_then(|at| table.get(at..))
            .unwrap_or(&[])
    }

    /// The bytes of structure `index` in the table stream: `None` when the FIB has no such
    /// entry or it is empty; an error when it points past the stream (a size that lies).
    pub fn slice<'t>(&self, index: usize, table: &'t [u8], name: &str) -> Result<Option<&'t [u8]>> {
        let Some(&(fc, lcb)) = self.fc_lcb.get(index) else {
            return Ok(None);
        };
        if lcb == 0 {
            return Ok(None);
        }
        let (fc, lcb) = (fc as usize, lcb as usize);
        match fc.checked_add(lcb).and_then(|end| table.get(fc..end)) {
            Some(s) => Ok(Some(s)),
            None => Err(ParseError::corrupt(format!(
                "the {name} is said to be {lcb} bytes at offset {fc}, past the end of the table stream ({} bytes)",
                table.len()
            ))),
        }
    }
}
