//! Character properties (CHPX, [MS-DOC] 2.9.39) and the font table (SttbfFfn, 2.9.286).
//!
//! What a run's properties decide here: bold and italic (the paragraph's flags), hidden
//! text and deleted revision text (dropped: the accepted view, as the .docx reader shows),
//! special characters (pictures, footnote marks, drawn objects: dropped) and the font, whose
//! name says whether the text is in a legacy Vietnamese encoding (TCVN3 `.VnTime`, VNI
//! `VNI-Times`), exactly as the .docx reader decides it from `w:rFonts`.

use kehoach_text::LegacyEncoding;

use super::sprm::{self, le_u16, Sprms};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Chp {
    pub bold: bool,
    pub italic: bool,
    /// Hidden (sprmCFVanish).
    pub hidden: bool,
    /// Deleted with change tracking on (sprmCFRMarkDel).
    pub deleted: bool,
    /// The character is special (a picture, an automatic footnote mark, a field char).
    pub special: bool,
    /// Index into the font table of the run's font for Latin text.
    pub ftc: Option<u16>,
}

impl Chp {
    pub fn parse(g: &[u8]) -> Chp {
        let mut c = Chp::default();
        let mut ftc_other = None;
        for (code, op) in Sprms::new(g) {
            match code {
                sprm::C_F_BOLD => c.bold = sprm::on(op),
                sprm::C_F_ITALIC => c.italic = sprm::on(op),
                sprm::C_F_VANISH => c.hidden = sprm::on(op),
                sprm::C_F_R_MARK_DEL => c.deleted = sprm::on(op),
                sprm::C_F_SPEC => c.special = sprm::on(op),
                sprm::C_RG_FTC0 | sprm::C_FTC => c.ftc = Some(sprm::u16_of(op)),
                sprm::C_RG_FTC2 => ftc_other = Some(sprm::u16_of(op)),
                _ => {}
            }
        }
        c.ftc = c.ftc.or(ftc_other);
        c
    }
}

/// The legacy encoding each font of the font table implies, by index (ftc).
pub fn font_encodings(sttbf: &[u8]) -> Vec<Option<(LegacyEncoding, bool)>> {
    let mut out = Vec::new();
    let Some(n) = le_u16(sttbf, 0) else {
        return out;
    };
    let mut at = 4usize;
    for _ in 0..n.min(4096) {
        let Some(&cb) = sttbf.get(at) else { break };
        let ffn = sttbf.get(at + 1..at + 1 + cb as usize).unwrap_or(&[]);
        at += 1 + cb as usize;
        let name: Vec<u16> = ffn
            .get(39..)
            .unwrap_or(&[])
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .take_while(|&u| u != 0)
            .collect();
        let name = String::from_utf16_lossy(&name);
        out.push(kehoach_text::encoding_of_font(&name));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_run_properties() {
        let c = Chp::parse(&[0x35, 0x08, 1, 0x00, 0x08, 1, 0x4F, 0x4A, 3, 0]);
        assert!(c.bold && c.deleted && !c.italic);
        assert_eq!(c.ftc, Some(3));
        // 0x80: "as the style" (not read): off.
        assert!(!Chp::parse(&[0x36, 0x08, 0x80]).italic);
    }

    #[test]
    fn font_names_say_the_encoding() {
        let mut t = vec![2, 0, 0, 0];
        for name in [".VnTimeH", "Times New Roman"] {
            let mut ffn = vec![0u8; 39];
            ffn.extend(name.encode_utf16().flat_map(|u| u.to_le_bytes()));
            ffn.extend([0, 0]);
            t.push(ffn.len() as u8);
            t.extend(ffn);
        }
        let f = font_encodings(&t);
        assert_eq!(f, vec![Some((LegacyEncoding::Tcvn3, true)), None]);
        assert!(font_encodings(&[5, 0, 0, 0, 200])
            .iter()
            .all(Option::is_none));
    }
}
