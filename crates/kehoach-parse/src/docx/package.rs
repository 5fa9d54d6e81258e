//! The OOXML package: a zip read straight from memory, with limits on entries, sizes and
//! inflation ratio so that a zip bomb is refused before it is inflated.

use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::ZipArchive;

use crate::error::{ParseError, Result};
use crate::limits::Limits;

pub struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    limits: &'a Limits,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8], limits: &'a Limits) -> Result<Self> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
        Limits::check(
            zip.len() as u64,
            limits.max_zip_entries,
            "the number of zip entries",
            "--max-zip-entries",
        )?;
        Ok(Package { zip, limits })
    }

    /// Reads one part, or `None` when the package has no such part.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>> {
        let mut file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(zip_error(e)),
        };
        let declared = file.size();
        let compressed = file.compressed_size().max(1);
        let limits = self.limits;
        Limits::check(
            declared,
            limits.max_entry_bytes,
            "the inflated size of a zip entry (bytes)",
            "--max-entry-bytes",
        )?;
        // Header sizes can lie: read at most one byte past the limit and check again.
        let cap = limits.max_entry_bytes.min(
            compressed
                .saturating_mul(limits.max_inflate_ratio)
                .max(1 << 20),
        );
        let mut out = Vec::with_capacity(declared.min(cap) as usize);
        (&mut file)
            .take(cap + 1)
            .read_to_end(&mut out)
            .map_err(|e| ParseError::corrupt(format!("cannot inflate {name}: {e}")))?;
        if out.len() as u64 > cap {
            let ratio = out.len() as u64 / compressed;
            if ratio > limits.max_inflate_ratio && cap < limits.max_entry_bytes {
                return Err(ParseError::Limit {
                    what: "the inflation ratio of a zip entry",
                    value: ratio,
                    limit: limits.max_inflate_ratio,
                    flag: "--max-inflate-ratio",
                });
            }
            return Err(ParseError::Limit {
                what: "the inflated size of a zip entry (bytes)",
                value: out.len() as u64,
                limit: cap,
                flag: "--max-entry-bytes",
            });
        }
        Ok(Some(out))
    }

    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }
}

fn zip_error(e: ZipError) -> ParseError {
    match e {
        ZipError::UnsupportedArchive(m)
            if m.to_ascii_lowercase().contains("password") || m.contains("encrypt") =>
        {
            ParseError::Encrypted(format!("zip entries are encrypted: {m}"))
        }
        ZipError::UnsupportedArchive(m) => {
            ParseError::Unsupported(format!("zip feature not supported: {m}"))
        }
        ZipError::InvalidArchive(m) => ParseError::corrupt(format!(
            "not a valid zip archive ({m}); the file may be truncated"
        )),
        ZipError::Io(e) => ParseError::corrupt(format!(
            "cannot read the zip archive ({e}); the file may be truncated"
        )),
        ZipError::FileNotFound => ParseError::corrupt("a zip entry is missing"),
        other => ParseError::corrupt(format!("zip archive error: {other}")),
    }
}
