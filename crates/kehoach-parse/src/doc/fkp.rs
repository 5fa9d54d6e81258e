//! Formatted disk pages ([MS-DOC] 2.9.44 ChpxFkp, 2.9.176 PapxFkp) and the bin tables that
//! list them (PlcBteChpx, PlcBtePapx): properties by file position (FC).
//!
//! A bin table names 512-byte pages of the WordDocument stream; each page maps FC ranges to
//! a grpprl (a list of sprms). Both kinds are read into [`Runs`]: sorted ranges with a
//! property value, looked up in O(1) when characters are visited in order.

use crate::error::{ParseError, Result};

use super::sprm::{le_u16, le_u32};

/// Property ranges by FC, sorted by start.
#[derive(Debug)]
pub struct Runs<T> {
    pub ranges: Vec<(u32, u32, usize)>,
    pub props: Vec<T>,
    last: std::cell::Cell<usize>,
}

impl<T> Runs<T> {
    pub fn empty() -> Self {
        Runs {
            ranges: Vec::new(),
            props: Vec::new(),
            last: std::cell::Cell::new(0),
        }
    }

    /// The properties of the character at `fc`: checks the range found last and the one
    /// after it before searching, so a walk in file order costs O(1) a character.
    pub fn at(&self, fc: u32) -> Option<&T> {
        self.range_at(fc).map(|r| r.2)
    }

    /// The range holding `fc`: its start, its end and its properties.
    pub fn range_at(&self, fc: u32) -> Option<(u32, u32, &T)> {
        let r = &self.ranges;
        let i = self.last.get();
        let hit = |k: usize| r.get(k).is_some_and(|&(a, b, _)| a <= fc && fc < b);
        let k = if hit(i) {
            i
        } else if hit(i + 1) {
            i + 1
        } else {
            let p = r.partition_point(|&(a, _, _)| a <= fc);
            if p == 0 || !hit(p - 1) {
                return None;
            }
            p - 1
        };
        self.last.set(k);
        let (a, b, i) = r[k];
        Some((a, b, self.props.get(i)?))
    }
}

/// Reads a bin table and its pages. `parse` turns one grpprl into a property value; a
/// page's entry of kind `chpx` or not decides how the grpprl is found on the page.
pub fn read<T>(
    plc: &[u8],
    word: &[u8],
    chpx: bool,
    mut parse: impl FnMut(&[u8]) -> T,
) -> Result<Runs<T>> {
    let mut runs = Runs::empty();
    if plc.len() < 4 {
        return Ok(runs);
    }
    let n = (plc.len() - 4) / 8;
    let what = if chpx { "character" } else { "paragraph" };
    for i in 0..n {
        let pn = le_u32(plc, (n + 1) * 4 + i * 4).unwrap_or(0) & 0x003F_FFFF;
        let at = pn as usize * 512;
        let page = word.get(at..at + 512).ok_or_else(|| {
            ParseError::corrupt(format!(
                "a {what} property page is said to be at byte {at}, past the end of the WordDocument stream ({} bytes)",
                word.len()
            ))
        })?;
        let count = page[511] as usize;
        let size = if chpx { 1 } else { 13 };
        if (count + 1) * 4 + count * size > 511 {
            return Err(ParseError::corrupt(format!(
                "a {what} property page claims {count} entries, more than fit in 512 bytes"
            )));
        }
        for k in 0..count {
            let (Some(a), Some(b)) = (le_u32(page, k * 4), le_u32(page, k * 4 + 4)) else {
                break;
            };
            if b <= a {
                continue;
            }
            let off = page[(count + 1) * 4 + k * size] as usize * 2;
            let grpprl: &[u8] = if off == 0 {
                &[]
            } else if chpx {
                let cb = page.get(off).copied().unwrap_or(0) as usize;
                page.get(off + 1..(off + 1 + cb).min(511)).unwrap_or(&[])
            } else {
                match page.get(off).copied().unwrap_or(0) {
                    0 => {
                        let cb = page.get(off + 1).copied().unwrap_or(0) as usize * 2;
                        page.get(off + 2..(off + 2 + cb).min(511)).unwrap_or(&[])
                    }
                    cb => {
                        let cb = cb as usize * 2 - 1;
                        page.get(off + 1..(off + 1 + cb).min(511)).unwrap_or(&[])
                    }
                }
            };
            runs.props.push(parse(grpprl));
            runs.ranges.push((a, b, runs.props.len() - 1));
        }
    }
    runs.ranges.sort_by_key(|r| r.0);
    Ok(runs)
}

/// A grpprl of a paragraph (PapxInFkp): its style index and sprms.
pub fn split_istd(g: &[u8]) -> (u16, &[u8]) {
    (le_u16(g, 0).unwrap_or(0), g.get(2..).unwrap_or(&[]))
}
