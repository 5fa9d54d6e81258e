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
        let mut out: Vec<u8> = Vec::with_capacity(declared.min(cap) as usize);
        // Inflate into a buffer that grows by doubling but never past cap + 1 (a lying
        // header must not make it reserve more), checking the time limit every megabyte.
        let want = cap + 1;
        let mut reader = (&mut file).take(want);
        let mut since_check = 0usize;
        let read = |reader: &mut dyn Read, buf: &mut [u8]| loop {
            match reader.read(buf) {
                Ok(n) => return Ok(n),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(ParseError::corrupt(format!("cannot inflate {name}: {e}"))),
            }
        };
        loop {
            if out.len() == out.capacity() {
                // Full (usually exactly at the declared size): probe before growing, so that
                // an honest entry is not copied into a larger buffer only to meet its end.
                let mut probe = [0u8; 4096];
                let n = read(&mut reader, &mut probe)?;
                if n == 0 {
                    break;
                }
                let room = (want - out.len() as u64).min(out.len().max(64 << 10) as u64);
                out.reserve_exact(room as usize);
                out.extend_from_slice(&probe[..n]);
                continue;
            }
            let start = out.len();
            out.resize(out.capacity().min(start + (1 << 20)), 0);
            let n = read(&mut reader, &mut out[start..])?;
            out.truncate(start + n);
            if n == 0 {
                break;
            }
            since_check += n;
            if since_check >= 1 << 20 {
                since_check = 0;
                limits.check_time()?;
            }
        }
        if out.len() as u64 > cap {
            if cap < limits.max_entry_bytes {
                // The cap was set by the ratio: the entry inflates past it.
                return Err(ParseError::Limit {
                    what: "the inflation ratio of a zip entry",
                    value: (out.len() as u64).div_ceil(compressed),
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

    /// The names of the package's entries.
    pub fn names(&self) -> Vec<String> {
        self.zip.file_names().map(str::to_string).collect()
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
