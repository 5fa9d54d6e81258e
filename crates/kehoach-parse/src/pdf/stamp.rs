//! Digital-signature stamps: the visible block a signing tool draws on a signed PDF ("Người
//! ký: Sở Nội vụ / Email: … / Cơ quan: Tỉnh Lào Cai / Thời gian ký: 05.01.2026 09:12:00
//! +07:00", "Digitally signed by …", "Signature Not Verified"). Its text is not the
//! document's: read as text it becomes the issuer, the title or a body paragraph, and on a scan
//! it is the only text there is.
//!
//! Rule (the layout of the signature appearances of the Ban Cơ yếu Chính phủ (VGCA) tools and
//! of Adobe-style signers): a stamp is a run of consecutive lines that are stamp fields —
//! a *label* followed by its value — with at least one *signing* label among them:
//! - signing labels, with their colon: "Người ký:", "Ký bởi:", "Được ký bởi:", "Ký số bởi:",
//!   "Thời gian ký:", "Ngày ký:", "Chữ ký số:", "Signed by:"; and at a line's start, without
//!   one: "Digitally signed by", "Signature valid", "Signature not verified";
//! - field labels, only next to a signing one: "Email:", "Cơ quan:", "Tổ chức:", "Đơn vị:",
//!   "Chức vụ:", "Thời gian:", "Ngày:", "Lý do:", "Vị trí:", "Date:", "Reason:", "Location:",
//!   and a bare time with its zone ("05.01.2026 09:12:00 +07:00").
//!
//! An "Email: …" line in a plan's body (a contact) is kept: it is no stamp without a signing
//! label beside it.

use crate::model::{Block, Document, Paragraph};

/// Signing labels written with their colon ("Người ký: …"), as diacritic-free keys.
const SIGNING: &[&str] = &[
    "nguoi ky",
    "ky boi",
    "duoc ky boi",
    "ky so boi",
    "thoi gian ky",
    "ngay ky",
    "chu ky so",
    "signed by",
];

/// Signing phrases that stand at a line's start without a colon ("Digitally signed by X").
const SIGNING_PHRASES: &[&str] = &[
    "digitally signed by",
    "signature valid",
    "signature not verified",
];

/// Field labels: stamp lines only beside a signing label, and only with their colon.
const FIELDS: &[&str] = &[
    "email",
    "e mail",
    "co quan",
    "to chuc",
    "don vi",
    "chuc vu",
    "thoi gian",
    "ngay",
    "ly do",
    "vi tri",
    "date",
    "reason",
    "location",
];

#[derive(Clone, Copy, PartialEq, Debug)]
enum LineKind {
    Signing,
    Field,
    Other,
}

fn starts_with_words(key: &str, label: &str) -> bool {
    key.strip_prefix(label)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// What one line is: a label is the whole text before the line's first colon; the phrases
/// of Adobe-style signers count at the line's start without one.
fn kind(line: &str) -> LineKind {
    let t = line.trim();
    if t.is_empty() || t.len() > 300 {
        return LineKind::Other;
    }
    if let Some((label, _)) = t.split_once(':') {
        if label.len() <= 40 {
            let lk = kehoach_text::ascii_key(label);
            if SIGNING.contains(&lk.as_str()) {
                return LineKind::Signing;
            }
            if FIELDS.contains(&lk.as_str()) {
                return LineKind::Field;
            }
        }
    }
    let head: String = t.chars().take(30).collect();
    let key = kehoach_text::ascii_key(&head);
    if SIGNING_PHRASES.iter().any(|l| starts_with_words(&key, l)) {
        return LineKind::Signing;
    }
    if is_signing_time(t) {
        return LineKind::Field;
    }
    LineKind::Other
}

/// A time as signing tools print it: digits, separators and a zone ("+07:00").
fn is_signing_time(t: &str) -> bool {
    let zone = t.rfind(['+', '-']).map(|i| &t[i + 1..]);
    zone.is_some_and(|z| z.len() == 5 && z.as_bytes()[2] == b':')
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | '-' | ':' | ' ' | '+'))
        && t.chars().filter(|c| c.is_ascii_digit()).count() >= 12
}

/// Where a line lives: the block, and (for a table) the row, cell and paragraph, and the
/// line's index in its paragraph.
#[derive(Clone, Copy, PartialEq, Debug)]
struct At {
    block: usize,
    row: usize,
    cell: usize,
    para: usize,
    line: usize,
}

fn paragraphs_in_order(doc: &Document) -> Vec<(At, &Paragraph)> {
    let mut out = Vec::new();
    for (bi, b) in doc.blocks.iter().enumerate() {
        match b {
            Block::Paragraph(p) => out.push((
                At {
                    block: bi,
                    row: usize::MAX,
                    cell: 0,
                    para: 0,
                    line: 0,
                },
                p,
            )),
            Block::Table(t) => {
                for (ri, r) in t.rows.iter().enumerate() {
                    for (ci, c) in r.cells.iter().enumerate() {
                        for (pi, p) in c.paragraphs.iter().enumerate() {
                            out.push((
                                At {
                                    block: bi,
                                    row: ri,
                                    cell: ci,
                                    para: pi,
                                    line: 0,
                                },
                                p,
                            ));
                        }
                    }
                }
            }
        }
    }
    out
}

/// Removes the lines of signature stamps from the document; returns how many lines went.
/// Paragraphs left empty are dropped (cells keep their place in the grid).
pub fn remove(doc: &mut Document) -> usize {
    // Every line in reading order, with its kind.
    let mut lines: Vec<(At, LineKind)> = Vec::new();
    for (at, p) in paragraphs_in_order(doc) {
        for (li, l) in p.text.split('\n').enumerate() {
            lines.push((At { line: li, ..at }, kind(l)));
        }
    }
    // Runs of stamp lines with a signing label in them.
    let mut gone: Vec<At> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].1 == LineKind::Other {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && lines[i].1 != LineKind::Other {
            i += 1;
        }
        if lines[start..i].iter().any(|(_, k)| *k == LineKind::Signing) {
            gone.extend(lines[start..i].iter().map(|(at, _)| *at));
        }
    }
    if gone.is_empty() {
        return 0;
    }
    let n = gone.len();
    // Drop the lines, last first so that indices stay valid.
    for at in gone.into_iter().rev() {
        let p = match &mut doc.blocks[at.block] {
            Block::Paragraph(p) => p,
            Block::Table(t) => &mut t.rows[at.row].cells[at.cell].paragraphs[at.para],
        };
        let kept: Vec<&str> = p
            .text
            .split('\n')
            .enumerate()
            .filter(|(li, _)| *li != at.line)
            .map(|(_, l)| l)
            .collect();
        p.text = kept.join("\n");
        // A line removed from the middle leaves its neighbours; an emptied paragraph goes
        // below.
        if p.text.trim().is_empty() {
            p.text.clear();
        }
    }
    // Emptied paragraphs: out of the body and out of cells.
    doc.blocks.retain(|b| match b {
        Block::Paragraph(p) => !p.text.is_empty() || p.list_label.is_some(),
        Block::Table(_) => true,
    });
    for b in &mut doc.blocks {
        if let Block::Table(t) = b {
            for r in &mut t.rows {
                for c in &mut r.cells {
                    c.paragraphs
                        .retain(|p| !p.text.is_empty() || p.list_label.is_some());
                }
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    fn doc(paras: &[&str]) -> Document {
        let mut d = Document::new(Format::Pdf);
        for p in paras {
            d.blocks.push(Block::Paragraph(Paragraph::new(*p)));
        }
        d
    }

    fn texts(d: &Document) -> Vec<String> {
        d.paragraphs().map(|p| p.text.clone()).collect()
    }

    #[test]
    fn a_vgca_stamp_goes_and_the_header_stays() {
        let mut d = doc(&[
            "Người ký: Ủy ban Nhân dân tỉnh Lào Cai\nEmail: ubnd@laocai.gov.vn\nCơ quan: Tỉnh Lào Cai\nThời gian ký: 05.01.2026 09:12:00 +07:00",
            "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
            "Số: 12/KH-UBND",
        ]);
        assert_eq!(remove(&mut d), 4);
        assert_eq!(
            texts(&d),
            ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Số: 12/KH-UBND"]
        );
    }

    #[test]
    fn stamps_in_other_wordings_and_layouts() {
        // One field per paragraph, English labels, a bare time line, unaccented text.
        let mut d = doc(&[
            "Digitally signed by SO NOI VU TINH HA TINH",
            "Date: 2026.01.10 08:01:22 +07'00'",
            "Reason: Ky so van ban",
            "SỞ NỘI VỤ",
        ]);
        assert_eq!(remove(&mut d), 3);
        assert_eq!(texts(&d), ["SỞ NỘI VỤ"]);
        let mut d = doc(&[
            "Ký bởi: Sở Tư pháp",
            "10.01.2026 08:01:22 +07:00",
            "Kế hoạch",
        ]);
        assert_eq!(remove(&mut d), 2);
        assert_eq!(texts(&d), ["Kế hoạch"]);
        let mut d = doc(&["Signature Not Verified", "KẾ HOẠCH"]);
        assert_eq!(remove(&mut d), 1);
    }

    #[test]
    fn contact_lines_without_a_signer_are_body_text() {
        let mut d = doc(&[
            "Đầu mối liên hệ: Phòng Cải cách hành chính, Sở Nội vụ.",
            "Email: cchc.snv@cantho.gov.vn",
            "Cơ quan: Sở Nội vụ thành phố Cần Thơ",
            "Người thực hiện kiểm tra báo cáo kết quả.",
        ]);
        assert_eq!(remove(&mut d), 0);
        assert_eq!(texts(&d).len(), 4);
        // "Người ký" without its colon is a sentence, not a label.
        let mut d = doc(&["Người ký văn bản chịu trách nhiệm về nội dung: Thủ trưởng."]);
        assert_eq!(remove(&mut d), 0);
    }
}
