//! A pass over any document that decodes paragraphs written in a legacy 8-bit Vietnamese
//! font encoding (TCVN3, VNI) whose font the reader could not see: a style's font in .docx,
//! a PDF whose text layer shows Latin-1 letters, converted text.
//!
//! Paragraphs that are clearly legacy on their own decide the document's encoding; once it is
//! known, short paragraphs ("Văn phòng" in a cell) need less evidence ([`decode_document`]).
//! Ordinary Unicode text takes a fast path: a paragraph without any U+0080..U+00FF character
//! is not examined further.

use kehoach_text::{Evidence, LegacyEncoding};

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

/// Decodes legacy-encoded paragraphs in place; returns how many were decoded.
///
/// Rule (a general one: a document typed in an old font is typed in it throughout, but a
/// single short cell shows too little to tell): 1. every paragraph with Latin-1 letters is
/// judged on its own ([`kehoach_text::convert_unknown`], [`Evidence::None`]); 2. if some
/// were clearly TCVN3 or VNI, the document's encoding is the more frequent one and the other
/// paragraphs (short cells: "Së Y tÕ", "V¨n phßng") are judged again with
/// [`Evidence::Document`], which asks for one mended word instead of two. A paragraph of
/// Portuguese, French, Danish or German, or a symbol (® © ° ± µ ×), mends no word and is
/// never converted.
pub fn decode_document(doc: &mut Document) -> usize {
    // 1. Paragraphs that are clearly legacy on their own (most paragraphs take the fast path:
    // no Latin-1 character at all).
    let mut clear: Vec<Option<(LegacyEncoding, String)>> = Vec::new();
    let (mut tcvn, mut vni) = (0usize, 0usize);
    for_each_paragraph(doc, &mut |p| {
        let v = kehoach_text::convert_unknown(&p.text, Evidence::None, None);
        match v {
            Some((LegacyEncoding::Tcvn3, _)) => tcvn += 1,
            Some((LegacyEncoding::Vni, _)) => vni += 1,
            None => {}
        }
        clear.push(v);
    });
    let enc = match (tcvn, vni) {
        (0, 0) => return 0,
        (t, v) if t >= v => LegacyEncoding::Tcvn3,
        _ => LegacyEncoding::Vni,
    };
    // 2. Apply those, and judge the rest knowing the document's encoding.
    let mut n = 0;
    let mut i = 0;
    for_each_paragraph(doc, &mut |p| {
        let v = clear.get_mut(i).and_then(Option::take);
        i += 1;
        let text = match v {
            Some((_, text)) => Some(text),
            None => kehoach_text::convert_legacy(&p.text, enc, false, Evidence::Document),
        };
        if let Some(text) = text {
            p.text = text;
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
