//! A pass over any document that decodes paragraphs written in a legacy 8-bit Vietnamese
//! font encoding (TCVN3, VNI) whose font the reader could not see: a style's font in .docx,
//! a PDF whose text layer shows Latin-1 letters, converted text.
//!
//! Long paragraphs decide ([`kehoach_text::detect_legacy`]); once the document is known to
//! hold legacy text, short paragraphs ("Văn phòng" in a cell) that show the same encoding's
//! marks are decoded too ([`kehoach_text::could_be_legacy`]).

use kehoach_text::LegacyEncoding;

use crate::model::{Block, Document, Paragraph, Table};

/// Calls `f` on every paragraph of the document, cells and nested tables included.
fn for_each_paragraph(doc: &mut Document, f: &mut impl FnMut(&mut Paragraph)) {
    fn table(t: &mut Table, f: &mut impl FnMut(&mut Paragraph)) {
        for row in &mut t.rows {
            for cell in &mut row.cells {
                cell.paragraphs.iter_mut().for_each(&mut *f);
                for nested in &mut cell.tables {
                    table(nested, f);
                }
            }
        }
    }
    for b in &mut doc.blocks {
        match b {
            Block::Paragraph(p) => f(p),
            Block::Table(t) => table(t, f),
        }
    }
}

fn decode(p: &mut Paragraph, enc: LegacyEncoding) {
    let lines: Vec<String> = p
        .text
        .split('\n')
        .map(|l| kehoach_text::decode_legacy(l, enc, false))
        .collect();
    p.text = lines.join("\n");
}

/// Decodes legacy-encoded paragraphs in place; returns how many were decoded.
pub fn decode_document(doc: &mut Document) -> usize {
    // 1. Which encoding do the long paragraphs show?
    let (mut tcvn, mut vni) = (0usize, 0usize);
    for_each_paragraph(doc, &mut |p| match kehoach_text::detect_legacy(&p.text) {
        Some(LegacyEncoding::Tcvn3) => tcvn += 1,
        Some(LegacyEncoding::Vni) => vni += 1,
        None => {}
    });
    let enc = match (tcvn, vni) {
        (0, 0) => return 0,
        (t, v) if t >= v => LegacyEncoding::Tcvn3,
        _ => LegacyEncoding::Vni,
    };
    // 2. Decode those and the short ones that show the same marks.
    let mut n = 0;
    for_each_paragraph(doc, &mut |p| {
        if kehoach_text::detect_legacy(&p.text) == Some(enc)
            || kehoach_text::could_be_legacy(&p.text, enc)
        {
            decode(p, enc);
            n += 1;
        }
    });
    let name = match enc {
        LegacyEncoding::Tcvn3 => "TCVN3",
        LegacyEncoding::Vni => "VNI",
    };
    doc.warnings.push(format!(
        "{n} paragraph(s) in the legacy {name} font encoding were converted to Unicode"
    ));
    n
}
