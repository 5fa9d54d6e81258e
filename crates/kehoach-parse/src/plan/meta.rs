//! Document metadata: the header block (issuer over its parent body, national motto, number
//! and symbol, place and date), the document type and title, the plan year, legal bases,
//! recipients, the signer, and the appendix reference "(Kèm theo Kế hoạch số … ngày …)".
//!
//! It works on the text lines of the document in reading order, so the two-column header
//! block gives the same result whether a reader produced it as a borderless table (.docx,
//! HTML) or as interleaved lines (PDF, text).

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::model::{Block, Document};

pub use super::citation::{find_citations, LegalRef};

/// Metadata of a plan document. Every part is optional: a draft leaves the number and the
/// day blank.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// The issuing body ("SỞ TƯ PHÁP").
    pub issuer: Option<String>,
    /// The body above the issuer in the header ("UBND TỈNH THÁI NGUYÊN").
    pub parent_body: Option<String>,
    pub number: Option<DocNumber>,
    /// "KẾ HOẠCH", "QUYẾT ĐỊNH" …
    pub doc_type: Option<String>,
    pub place: Option<String>,
    pub date: Option<PartialDate>,
    /// Trích yếu.
    pub title: Option<String>,
    /// The year the plan is for, from the title (else the appendix title, else the date).
    pub plan_year: Option<i32>,
    pub legal_bases: Vec<LegalRef>,
    pub recipients: Vec<String>,
    pub signer: Option<Signer>,
    pub appendix: Option<Appendix>,
}

/// "Số: 182/KH-UBND" → number "182", symbol "KH-UBND"; a draft's "Số: /KH-STP" has no number.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocNumber {
    pub text: String,
    pub number: Option<String>,
    pub symbol: Option<String>,
}

/// A date that may be partly blank, as in a draft: "ngày   tháng 01 năm 2026".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PartialDate {
    pub text: String,
    pub day: Option<u32>,
    pub month: Option<u32>,
    pub year: Option<i32>,
}

/// The signature block: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Đinh Hồng Kiên".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Signer {
    /// "KT.", "TM.", "TL.", "TUQ.", "Q.".
    pub authority: Option<String>,
    /// The position signed for ("GIÁM ĐỐC" in "KT. GIÁM ĐỐC", "ỦY BAN NHÂN DÂN" in "TM. …").
    pub on_behalf_of: Option<String>,
    pub position: Option<String>,
    pub name: Option<String>,
}

/// The appendix heading and its reference line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Appendix {
    pub title: Option<String>,
    /// The text of "(Kèm theo … số … ngày …)".
    pub text: String,
    pub reference: Option<LegalRef>,
    /// Year of the date in the reference line, even when the day is blank.
    pub year: Option<i32>,
}

const DOC_TYPES: &[&str] = &[
    "ke hoach",
    "quyet dinh",
    "chuong trinh",
    "bao cao",
    "thong bao",
    "to trinh",
    "nghi quyet",
    "chi thi",
    "huong dan",
    "cong van",
    "phu luc",
];

fn is_upper(s: &str) -> bool {
    let mut any = false;
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_lowercase() {
                return false;
            }
            any |= c.is_ascii_uppercase();
        } else {
            if c.is_lowercase() {
                return false;
            }
            any |= c.is_alphabetic();
        }
    }
    any
}

fn is_motto(key: &str) -> bool {
    key.contains("cong hoa xa hoi chu nghia") || key.contains("doc lap tu do hanh phuc")
}

fn regex(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("static regex"))
}

/// Parses "Số: 182/KH-UBND" (or the blank "Số: /KH-STP").
pub fn parse_number(line: &str) -> Option<DocNumber> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &RE,
        r"(?i)^số\s*:?\s*(\d*)\s*/\s*((?:\d{4}/)?[A-ZĐ0-9][A-ZĐ0-9&\s\-]*)",
    );
    let m = re.captures(line.trim())?;
    let number = Some(m[1].to_string()).filter(|s| !s.is_empty());
    let symbol = kehoach_text::clean(&m[2]).replace(' ', "");
    Some(DocNumber {
        text: line.trim().to_string(),
        number,
        symbol: Some(symbol).filter(|s| !s.is_empty()),
    })
}

/// Parses "Thái Nguyên, ngày 25 tháng 12 năm 2025", blanks allowed.
pub fn parse_place_date(line: &str) -> Option<(String, PartialDate)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &RE,
        r"(?i)^([^,\d]{2,40}),\s*ngày\s*(\d{1,2})?\s*(?:tháng|/)\s*(\d{1,2})?\s*(?:năm|/)\s*(\d{4})?",
    );
    let m = re.captures(line.trim())?;
    let date = PartialDate {
        text: line.trim()[m[1].len()..]
            .trim_start_matches([',', ' '])
            .to_string(),
        day: m.get(2).and_then(|d| d.as_str().parse().ok()),
        month: m.get(3).and_then(|d| d.as_str().parse().ok()),
        year: m.get(4).and_then(|d| d.as_str().parse().ok()),
    };
    Some((m[1].trim().to_string(), date))
}

/// The last year 19xx/20xx named in a text ("… năm 2026" → 2026).
pub fn last_year(text: &str) -> Option<i32> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(&RE, r"(?i)năm\s+((?:19|20)\d{2})(?-u:\b)");
    re.captures_iter(text)
        .last()
        .and_then(|m| m[1].parse().ok())
}

/// A line of text with where it came from, borrowed from the document.
struct Line<'d> {
    text: std::borrow::Cow<'d, str>,
    /// Diacritic-free key of the start of the line, computed once: every test below looks
    /// at how a line begins ("căn cứ", "nơi nhận", "kèm theo") or at short lines.
    key: String,
    /// Index of the top-level block.
    block: usize,
    in_table: bool,
}

fn lines_of(doc: &Document) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    for (bi, b) in doc.blocks.iter().enumerate() {
        match b {
            Block::Paragraph(p) => {
                let lines: Vec<std::borrow::Cow<'_, str>> = match &p.list_label {
                    None => p.text.split('\n').map(Into::into).collect(),
                    Some(_) => p
                        .display_text()
                        .split('\n')
                        .map(|l| l.to_string().into())
                        .collect(),
                };
                for l in lines {
                    out.push(Line {
                        text: l,
                        key: String::new(),
                        block: bi,
                        in_table: false,
                    });
                }
            }
            // Layout tables (header block, signature block): their lines, row by row.
            Block::Table(t) if t.grid_cols <= 3 => {
                for row in &t.rows {
                    for cell in row.cells.iter().filter(|c| !c.covered) {
                        for l in cell.lines() {
                            for l in l.split('\n') {
                                out.push(Line {
                                    text: l.to_string().into(),
                                    key: String::new(),
                                    block: bi,
                                    in_table: true,
                                });
                            }
                        }
                    }
                }
            }
            Block::Table(_) => {}
        }
    }
    out.retain(|l| !l.text.trim().is_empty());
    for l in &mut out {
        let t = l.text.trim();
        let head = t.char_indices().nth(48).map_or(t, |(i, _)| &t[..i]);
        l.key = kehoach_text::ascii_key(head);
    }
    out
}

/// Reads the metadata of a document, with warnings for the plan about what could not be read.
pub fn extract(doc: &Document) -> (DocumentMeta, Vec<String>) {
    let lines = lines_of(doc);
    let mut m = DocumentMeta::default();
    let mut warnings: Vec<String> = Vec::new();
    let mut issuer_lines: Vec<String> = Vec::new();
    let mut i = 0;
    // 1. Header zone: up to the document type.
    while i < lines.len() && i < 40 {
        let t = lines[i].text.trim();
        let key = &lines[i].key;
        if is_motto(key) {
        } else if m.number.is_none() && key.starts_with("so ") && parse_number(t).is_some() {
            m.number = parse_number(t);
        } else if let Some((place, date)) = (m.date.is_none() && key.contains(" ngay"))
            .then(|| parse_place_date(t))
            .flatten()
        {
            m.place = Some(place);
            m.date = Some(date);
        } else if is_upper(t) && DOC_TYPES.contains(&key.as_str()) {
            m.doc_type = Some(t.to_string());
            i += 1;
            break;
        } else if is_upper(t) && key.split(' ').count() <= 12 {
            issuer_lines.push(t.to_string());
        }
        i += 1;
    }
    // A line that starts with the name of an administrative unit continues the body name
    // above it, wrapped: "ỦY BAN NHÂN DÂN" / "TỈNH THÁI NGUYÊN".
    let mut joined: Vec<String> = Vec::new();
    for l in issuer_lines {
        let key = kehoach_text::ascii_key(&l);
        let continues = [
            "tinh ",
            "thanh pho ",
            "xa ",
            "phuong ",
            "huyen ",
            "quan ",
            "thi xa ",
            "thi tran ",
        ]
        .iter()
        .any(|w| key.starts_with(w));
        match joined.last_mut() {
            Some(prev) if continues && is_body_type_only(prev) => {
                prev.push(' ');
                prev.push_str(&l);
            }
            _ => joined.push(l),
        }
    }
    let mut issuer_lines = joined;
    match issuer_lines.len() {
        0 => {}
        1 => m.issuer = issuer_lines.pop(),
        _ => {
            m.parent_body = Some(issuer_lines[0].clone());
            m.issuer = Some(issuer_lines[1].clone());
        }
    }
    // 2. Title: the paragraphs after the type, up to the bases or the first heading.
    let mut title: Vec<String> = Vec::new();
    let title_block = lines.get(i).map(|l| l.block);
    while i < lines.len() && m.doc_type.is_some() {
        let t = lines[i].text.trim();
        let key = &lines[i].key;
        if key.starts_with("can cu ")
            || key.starts_with("thuc hien ")
            || key.starts_with("theo de nghi")
            || (is_upper(t) && !title.is_empty())
            || is_section_heading(t)
            || title.len() >= 4
            || (Some(lines[i].block) != title_block
                && title.iter().map(|s| s.len()).sum::<usize>() > 40
                && !lines[i].in_table
                && !title_continues(&title, t))
        {
            break;
        }
        title.push(t.to_string());
        i += 1;
    }
    if !title.is_empty() {
        m.title = Some(kehoach_text::clean(&title.join(" ")));
    }
    // 3. Legal bases: the lines before the first section (see `citation::legal_bases`).
    let basis_lines = lines[i.min(lines.len())..]
        .iter()
        .take_while(|l| !is_section_heading(l.text.trim()) && l.key != "quyet dinh")
        .map(|l| l.text.trim());
    let bases = super::citation::legal_bases(basis_lines);
    m.legal_bases = bases.refs;
    warnings.extend(bases.warnings);
    // 4. Recipients, signer, appendix.
    read_closing(&lines, &mut m);
    m.plan_year = m
        .title
        .as_deref()
        .and_then(last_year)
        .or_else(|| {
            m.appendix
                .as_ref()
                .and_then(|a| a.title.as_deref())
                .and_then(last_year)
        })
        .or_else(|| m.date.as_ref().and_then(|d| d.year));
    (m, warnings)
}

/// Whether the document is a plan (a Kế hoạch, a Chương trình, a Quyết định issuing one …)
/// rather than a report, a letter or another kind of document.
pub fn is_plan(_meta: &DocumentMeta) -> bool {
    true
}

/// A body type without its place: "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "UBND".
fn is_body_type_only(line: &str) -> bool {
    matches!(
        kehoach_text::ascii_key(line).as_str(),
        "uy ban nhan dan"
            | "ubnd"
            | "hoi dong nhan dan"
            | "hdnd"
            | "uy ban mat tran to quoc viet nam"
    )
}

/// The title continues on a new paragraph when the previous line does not end a sentence.
fn title_continues(title: &[String], _next: &str) -> bool {
    title.last().is_some_and(|l| !l.ends_with(['.', ':', ';']))
}

fn is_section_heading(t: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    regex(&RE, r"^(?:[IVX]{1,4}|Điều\s+\d+)\s*[.:\-]\s*\S").is_match(t)
}

fn read_closing(lines: &[Line], m: &mut DocumentMeta) {
    static AUTH: OnceLock<Regex> = OnceLock::new();
    let auth = regex(&AUTH, r"^(KT|TM|TL|TUQ|Q)\s*\.\s*(.+)$");
    let mut idx = 0;
    // Recipients.
    if let Some(start) = lines.iter().position(|l| l.key.starts_with("noi nhan")) {
        let first = lines[start]
            .text
            .split_once(':')
            .map(|x| x.1.trim().to_string())
            .unwrap_or_default();
        if !first.is_empty() {
            m.recipients.push(
                first
                    .trim_start_matches(['-', '+', ' '])
                    .trim_end_matches([';', '.'])
                    .trim()
                    .to_string(),
            );
        }
        let mut j = start + 1;
        while j < lines.len() {
            let t = lines[j].text.trim();
            if !t.starts_with(['-', '+', '•']) {
                break;
            }
            m.recipients.push(
                t.trim_start_matches(['-', '+', '•', ' '])
                    .trim_end_matches([';', '.'])
                    .trim()
                    .to_string(),
            );
            j += 1;
        }
        idx = start;
    }
    // Signer: an authority line ("KT. GIÁM ĐỐC") or a position line, then the name.
    let positions = [
        "giam doc",
        "chu tich",
        "truong ban",
        "truong phong",
        "chanh van phong",
        "bi thu",
        "thu truong",
    ];
    let scan_end = lines
        .iter()
        .enumerate()
        .skip(idx)
        .find(|(_, l)| l.key.starts_with("kem theo") || l.key == "phu luc")
        .map(|(j, _)| j)
        .unwrap_or(lines.len());
    let mut j = idx;
    while j < scan_end {
        let t = lines[j].text.trim();
        let key = &lines[j].key;
        let mut signer = Signer::default();
        let upper = is_upper(t);
        let is_auth = if upper { auth.captures(t) } else { None };
        let is_position =
            upper && positions.iter().any(|p| key.ends_with(p)) && key.split(' ').count() <= 6;
        if let Some(a) = is_auth {
            signer.authority = Some(format!("{}.", &a[1]));
            signer.on_behalf_of = Some(a[2].trim().to_string());
        } else if !is_position {
            j += 1;
            continue;
        } else {
            signer.position = Some(t.to_string());
        }
        let mut k = j + 1;
        while k < scan_end && k < j + 6 {
            let t = lines[k].text.trim();
            let key = &lines[k].key;
            if is_upper(t) && signer.position.is_none() {
                signer.position = Some(t.to_string());
            } else if !is_upper(t) && is_person_name(t) && !key.contains("da ky") {
                signer.name = Some(t.to_string());
                break;
            }
            k += 1;
        }
        if signer.position.is_none() {
            signer.position = signer.on_behalf_of.clone();
        }
        m.signer = Some(signer);
        break;
    }
    // Appendix: "(Kèm theo …)" and the uppercase heading above it.
    if let Some(a) = lines
        .iter()
        .position(|l| l.key.starts_with("kem theo") && l.text.trim_start().starts_with('('))
    {
        let text = lines[a].text.trim().to_string();
        let mut heading: Vec<String> = Vec::new();
        let mut b = a;
        while b > 0 {
            b -= 1;
            let t = lines[b].text.trim();
            let key = &lines[b].key;
            if !is_upper(t) || DOC_TYPES.contains(&key.as_str()) || heading.len() >= 6 {
                break;
            }
            heading.insert(0, t.to_string());
        }
        let reference = find_citations(&text).into_iter().next();
        static YEAR: OnceLock<Regex> = OnceLock::new();
        let year = regex(&YEAR, r"(?:năm\s+|/)((?:19|20)\d{2})(?-u:\b)")
            .captures_iter(&text)
            .last()
            .and_then(|c| c[1].parse().ok());
        m.appendix = Some(Appendix {
            title: Some(kehoach_text::clean(&heading.join(" "))).filter(|s| !s.is_empty()),
            text,
            reference,
            year,
        });
    }
}

/// A Vietnamese personal name: 2–6 capitalised words, no digits.
fn is_person_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates() {
        let n = parse_number("Số: 182/KH-UBND").unwrap();
        assert_eq!(
            (n.number.as_deref(), n.symbol.as_deref()),
            (Some("182"), Some("KH-UBND"))
        );
        let n = parse_number("Số: /KH-STP").unwrap();
        assert_eq!((n.number, n.symbol.as_deref()), (None, Some("KH-STP")));
        let (place, d) = parse_place_date("Thái Nguyên, ngày 25 tháng 12 năm 2025").unwrap();
        assert_eq!(
            (place.as_str(), d.day, d.month, d.year),
            ("Thái Nguyên", Some(25), Some(12), Some(2025))
        );
        let (_, d) = parse_place_date("Thái Nguyên, ngày tháng 01 năm 2026").unwrap();
        assert_eq!((d.day, d.month, d.year), (None, Some(1), Some(2026)));
        let (place, d) = parse_place_date("Định Hoá, ngày   tháng 01 năm 20").unwrap();
        assert_eq!(
            (place.as_str(), d.day, d.month, d.year),
            ("Định Hoá", None, Some(1), None)
        );
    }
}
