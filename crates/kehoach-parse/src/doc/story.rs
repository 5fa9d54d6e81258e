//! The main document's characters → paragraphs, each with what the table builder needs.
//!
//! Rules (general to Word's binary format, [MS-DOC] 2.4):
//! * a paragraph ends at `\r` (0x0D), at a cell or row mark (0x07), and at a section mark
//!   (0x0C) that ends its paragraph's property run; any other 0x0C is a page break, read
//!   as a space (as the .docx reader reads `w:br type="page"`);
//! * 0x0B (line break) is a line break, 0x09 a tab, 0x1E (non-breaking hyphen) "-";
//!   0x1F (optional hyphen) and other control characters are dropped; special characters
//!   (fSpec: pictures 0x01, footnote marks 0x02, drawn objects 0x08, symbols 0x28) dropped;
//! * field codes dropped, results kept ([`super::fields`]);
//! * hidden text and deleted revision text dropped; a deleted paragraph mark joins its
//!   paragraph to the next (the accepted view);
//! * runs in a legacy Vietnamese font (TCVN3, VNI) decoded by font as in .docx.

use crate::error::Result;
use crate::limits::Limits;
use crate::model::Paragraph;

use super::chars::Chp;
use super::fields::Fields;
use super::fkp::Runs;
use super::paragraphs::Pap;
use super::pieces::Ch;

type LegacyRun = (usize, usize, kehoach_text::LegacyEncoding, bool);

/// How a paragraph ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Paragraph,
    Cell,
    Row,
}

/// A paragraph read, with its properties.
pub struct Para<'p> {
    pub p: Paragraph,
    pub end: End,
    pub pap: Option<&'p Pap>,
}

impl Para<'_> {
    pub fn depth(&self) -> u32 {
        match (self.pap.map_or(0, Pap::depth), self.end) {
            (0, End::Cell | End::Row) => 1,
            (d, _) => d,
        }
    }
}

pub fn paragraphs<'p>(
    text: &[Ch],
    chpx: &Runs<Chp>,
    papx: &'p Runs<Pap>,
    fonts: &[Option<(kehoach_text::LegacyEncoding, bool)>],
    limits: &Limits,
    mut emit: impl FnMut(Para<'p>) -> Result<()>,
) -> Result<()> {
    let mut fields = Fields::default();
    let mut raw = String::new();
    let mut legacy: Vec<LegacyRun> = Vec::new();
    let (mut any, mut bold, mut italic) = (false, true, true);
    let none = Chp::default();
    for (i, ch) in text.iter().enumerate() {
        if i % 4096 == 4095 {
            limits.check_time()?;
        }
        let chp = chpx.at(ch.fc).unwrap_or(&none);
        let c = ch.c;
        if fields.feed(c) {
            continue;
        }
        let end = match c {
            '\r' if chp.deleted => continue,
            '\r' => Some(End::Paragraph),
            '\u{7}' => Some(End::Cell),
            '\u{c}' => papx
                .range_at(ch.fc)
                .filter(|r| r.1 == ch.fc + 1 || r.1 == ch.fc + 2)
                .map(|_| End::Paragraph),
            _ => None,
        };
        if let Some(mut end) = end {
            // A section mark straight after a paragraph mark is the section break alone
            // (LibreOffice writes "\r\x0c" for a .docx paragraph holding `w:sectPr`; Word
            // writes the one mark): no empty paragraph of its own.
            if c == '\u{c}' && raw.is_empty() && i > 0 && text[i - 1].c == '\r' {
                continue;
            }
            let pap = papx.at(ch.fc);
            if let Some(pap) = pap {
                end = match end {
                    End::Cell if pap.ttp => End::Row,
                    End::Cell if pap.depth() == 0 && !pap.in_table => End::Paragraph,
                    End::Paragraph if pap.inner_ttp => End::Row,
                    End::Paragraph if pap.inner_cell => End::Cell,
                    e => e,
                };
            }
            let mut p = Paragraph {
                bold: any && bold,
                italic: any && italic,
                align: pap.map(|p| p.align).unwrap_or_default(),
                ..Paragraph::default()
            };
            if !legacy.is_empty() {
                raw = crate::docx::decode_legacy_runs(std::mem::take(&mut raw), &legacy);
            }
            p.text = crate::docx::clean_keep_lines(&raw);
            raw.clear();
            legacy.clear();
            (any, bold, italic) = (false, true, true);
            emit(Para { p, end, pap })?;
            continue;
        }
        if fields.hidden() || chp.hidden || chp.deleted {
            continue;
        }
        let start = raw.len();
        match c {
            '\t' => raw.push('\t'),
            '\u{b}' => raw.push('\n'),
            '\u{c}' => raw.push(' '),
            '\u{1e}' => raw.push('-'),
            // The optional hyphen: the soft hyphen of Unicode text, and TCVN3's "ư" in a
            // legacy font (Word stores U+00AD as 0x1F); `clean` drops it where it is a hyphen.
            '\u{1f}' => raw.push('\u{AD}'),
            c if (c as u32) < 0x20 => continue,
            '\u{28}' | '\u{1}'..='\u{8}' if chp.special => continue,
            c => raw.push(c),
        }
        if !c.is_whitespace() {
            any = true;
            bold &= chp.bold;
            italic &= chp.italic;
        }
        if let Some(Some((enc, upper))) = chp.ftc.and_then(|f| fonts.get(f as usize)) {
            match legacy.last_mut() {
                Some(last) if last.1 == start && last.2 == *enc && last.3 == *upper => {
                    last.1 = raw.len()
                }
                _ => legacy.push((start, raw.len(), *enc, *upper)),
            }
        }
    }
    if !raw.trim().is_empty() {
        if !legacy.is_empty() {
            raw = crate::docx::decode_legacy_runs(std::mem::take(&mut raw), &legacy);
        }
        let p = Paragraph {
            text: crate::docx::clean_keep_lines(&raw),
            bold: any && bold,
            italic: any && italic,
            ..Paragraph::default()
        };
        emit(Para {
            p,
            end: End::Paragraph,
            pap: None,
        })?;
    }
    Ok(())
}
