//! Document metadata: the header block (issuer over its parent body, national motto, number
//! and symbol, place and date), the document type and title, the plan year, legal bases,
//! recipients, the signer, and the appendix reference "(Kèm theo Kế hoạch số … ngày …)".
//!
//! It works on the text lines of the document in reading order, so the two-column header
//! block gives the same result whether a reader produced it as a borderless table (.docx,
//! HTML), as interleaved lines (PDF, text) or as "|"-separated cells on one line (text copied
//! from a legal-text site).
//!
//! * [`header`]: issuer and parent body, motto, number and symbol, place and date;
//! * [`doctype`]: the document type (Nghị định 30/2020/NĐ-CP, Phụ lục III) and [`is_plan`];
//! * here: the title (trích yếu), the closing (recipients, signer) and the appendix heading.

pub mod doctype;
pub mod header;

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
    /// The type line as written: "KẾ HOẠCH", "QUYẾT ĐỊNH", "Kế hoạch" … (spaced letters
    /// "K Ế H O Ạ C H" are given as "KẾ HOẠCH"); none for a Công văn, which has no type line.
    pub doc_type: Option<String>,
    /// The type's abbreviation (Nghị định 30/2020/NĐ-CP, Phụ lục III): "KH", "QĐ", "BC",
    /// "CTr" …, "CV" for a Công văn; from the type line, else from the symbol.
    #[serde(default)]
    pub type_code: Option<String>,
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

fn regex(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("static regex"))
}

/// Parses "Số: 182/KH-UBND" (or the blank "Số: /KH-STP", or the Party's "Số 152-KH/TU"); see
/// [`header::number`].
pub fn parse_number(line: &str) -> Option<DocNumber> {
    header::number(line).map(|(n, _)| n)
}

/// Parses "Thái Nguyên, ngày 25 tháng 12 năm 2025", blanks allowed; see
/// [`header::place_date`]. Only a line with a place.
pub fn parse_place_date(line: &str) -> Option<(String, PartialDate)> {
    match header::place_date(line)? {
        (Some(p), d) => Some((p, d)),
        _ => None,
    }
}

/// The last year 19xx/20xx named in a text ("… năm 2026" → 2026).
pub fn last_year(text: &str) -> Option<i32> {
    last_year_after(text, false)
}

/// The last year 19xx/20xx written after "năm" and white space, or right after a slash
/// when `slash` ("10/3/2026"), and not followed by a letter, digit or "_". "năm" is read in
/// any case unless `slash` (as the two regexes this scanner replaced did: their compile cost
/// a millisecond each).
fn last_year_after(text: &str, slash: bool) -> Option<i32> {
    let any_case = !slash;
    let b = text.as_bytes();
    let year_at = |i: usize| -> Option<i32> {
        let d = b.get(i..i + 4)?;
        let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
        (d.iter().all(u8::is_ascii_digit)
            && matches!(&d[..2], b"19" | b"20")
            && !b.get(i + 4).copied().is_some_and(word))
        .then(|| d.iter().fold(0, |y, c| y * 10 + (c - b'0') as i32))
    };
    let mut last = None;
    for (i, c) in text.char_indices() {
        let year = match c {
            '/' if slash => year_at(i + 1),
            'n' | 'N' if c == 'n' || any_case => {
                let mut it = text[i + 1..].chars();
                let am = if any_case {
                    matches!(it.next(), Some('ă' | 'Ă')) && matches!(it.next(), Some('m' | 'M'))
                } else {
                    it.next() == Some('ă') && it.next() == Some('m')
                };
                let after = i + 1 + 'ă'.len_utf8() + 1;
                match text.get(after..) {
                    Some(rest) if am => {
                        let ws: usize = rest
                            .chars()
                            .take_while(|c| c.is_whitespace())
                            .map(char::len_utf8)
                            .sum();
                        if ws > 0 {
                            year_at(after + ws)
                        } else {
                            None
                        }
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        if year.is_some() {
            last = year;
        }
    }
    last
}

/// A line of text with where it came from, borrowed from the document.
struct Line<'d> {
    text: std::borrow::Cow<'d, str>,
    /// Diacritic-free key of the start of the line, computed when first asked for: every
    /// test below looks at how a line begins ("căn cứ", "nơi nhận", "kèm theo") or at short
    /// lines, and most lines of a long plan's body are never asked.
    key: std::cell::OnceCell<String>,
}

impl Line<'_> {
    /// The diacritic-free key of the line's first 48 characters.
    fn key(&self) -> &str {
        self.key.get_or_init(|| {
            let t = self.text.trim();
            let head = t.char_indices().nth(48).map_or(t, |(i, _)| &t[..i]);
            kehoach_text::ascii_key(head)
        })
    }

    /// Whether the key can start with the ASCII letter `first`: false when the line's first
    /// letter or digit is ASCII and another one (a key starts with that character,
    /// lower-cased), so scans for "nơi nhận" or "kèm theo" skip most lines without a key.
    fn may_start(&self, first: u8) -> bool {
        match self.text.chars().find(|c| c.is_alphanumeric()) {
            Some(c) if c.is_ascii() => c.to_ascii_lowercase() as u32 == u32::from(first),
            Some(_) => true,
            None => false,
        }
    }
}

/// The lines of the document in reading order: paragraphs line by line, layout tables (two
/// or three columns: header block, signature block) row by row and cell by cell. A line
/// holding the cells of a layout row side by side — "ỦY BAN NHÂN DÂN | CỘNG HÒA …", or with
/// tabs — is split into its cells, as a layout table would be.
fn lines_of(doc: &Document) -> Vec<Line<'_>> {
    fn push<'d>(l: std::borrow::Cow<'d, str>, out: &mut Vec<Line<'d>>) {
        let mut add = |text: std::borrow::Cow<'d, str>| {
            if !text.trim().is_empty() {
                out.push(Line {
                    text,
                    key: std::cell::OnceCell::new(),
                });
            }
        };
        // Layout rows are short lines; a long one is running text and is not split.
        if l.len() > LONG_LINE || !l.as_bytes().iter().any(|&b| b == b'|' || b == b'\t') {
            return add(l);
        }
        match l {
            std::borrow::Cow::Borrowed(b) => b.split(['|', '\t']).for_each(|c| add(c.into())),
            std::borrow::Cow::Owned(o) => {
                o.split(['|', '\t']).for_each(|c| add(c.to_string().into()))
            }
        }
    }
    let mut out: Vec<Line<'_>> = Vec::new();
    for b in &doc.blocks {
        match b {
            Block::Paragraph(p) => match &p.list_label {
                None => p.text.split('\n').for_each(|l| push(l.into(), &mut out)),
                Some(_) => p
                    .display_text()
                    .split('\n')
                    .for_each(|l| push(l.to_string().into(), &mut out)),
            },
            // Layout tables (header block, signature block): their lines, row by row.
            Block::Table(t) if t.grid_cols <= 3 => {
                for row in &t.rows {
                    for cell in row.cells.iter().filter(|c| !c.covered) {
                        for l in cell.lines() {
                            for l in l.split('\n') {
                                push(l.to_string().into(), &mut out);
                            }
                        }
                    }
                }
            }
            Block::Table(_) => {}
        }
    }
    out
}

/// Lines the header zone may span: the header block is the top of the first page.
const HEADER_LINES: usize = 40;

/// Bytes above which a line is running text: no header line or title line is this long, and
/// the header rules are not run on such a line (a hostile input can be one 50 MB line).
const LONG_LINE: usize = 2000;

/// Reads the metadata of a document, with warnings for the plan about what could not be read.
pub fn extract(doc: &Document) -> (DocumentMeta, Vec<String>) {
    let lines = lines_of(doc);
    let mut m = DocumentMeta::default();
    let mut warnings: Vec<String> = Vec::new();
    let mut body_lines: Vec<String> = Vec::new();
    let mut type_line: Option<doctype::TypeLine> = None;
    let mut title: Vec<String> = Vec::new();
    let mut cv_title: Vec<String> = Vec::new();
    let mut letter = false;
    let mut i = 0;
    // 1. Header zone: up to the type line (or, in a Công văn, to "Kính gửi").
    while i < lines.len() && i < HEADER_LINES {
        if lines[i].text.len() > LONG_LINE {
            // Running text, never part of the header.
            if m.number.is_some() || m.date.is_some() || !body_lines.is_empty() {
                break;
            }
            i += 1;
            continue;
        }
        let mut t = kehoach_text::clean(&lines[i].text);
        let mut key_owned = None;
        if t.len() < 400 {
            if let Some(rest) = header::without_motto(&t) {
                if rest.is_empty() {
                    i += 1;
                    continue;
                }
                key_owned = Some(kehoach_text::ascii_key(&rest));
                t = rest;
            }
        }
        let key: &str = key_owned.as_deref().unwrap_or_else(|| lines[i].key());
        let next = lines.get(i + 1);
        if is_section_heading(&t) || key.starts_with("can cu ") {
            break;
        }
        if key.starts_with("kinh gui") {
            letter = true;
            break;
        }
        // "(Kèm theo Kế hoạch số …)" under a heading and no header read: a bare appendix,
        // whose capitals above are its heading, not bodies.
        if key.starts_with("kem theo") {
            if m.number.is_none() && m.date.is_none() {
                title = std::mem::take(&mut body_lines);
            }
            break;
        }
        if header::is_motto(key) || header::is_rule(&t) || header::is_marking(key) {
            i += 1;
            continue;
        }
        if m.number.is_none() && key.starts_with("so") {
            if let Some((n, end)) = header::number(&t) {
                m.number = Some(n);
                // The place-date may share the line: "Số: 45/KH-UBND    Cần Thơ, ngày …".
                let rest = t[end..].trim();
                if m.date.is_none() && !rest.is_empty() {
                    i += read_date(rest, next, &mut m, &mut body_lines);
                }
                i += 1;
                continue;
            }
        }
        if m.date.is_none() {
            let used = read_date(&t, next, &mut m, &mut body_lines);
            if m.date.is_some() {
                i += 1 + used;
                continue;
            }
        }
        // "V/v …" (or "Về việc …") under the number: a Công văn's subject, wrapped lines
        // starting lower-case.
        if cv_title.is_empty()
            && (key.starts_with("v v ")
                || key.starts_with("vv ")
                || (key.starts_with("ve viec ") && m.number.is_some()))
        {
            letter = true;
            cv_title.push(t.clone());
            while let Some(l) = lines.get(i + 1) {
                let lt = kehoach_text::clean(&l.text);
                if lt.chars().next().is_some_and(|c| c.is_lowercase()) && cv_title.len() < 6 {
                    cv_title.push(lt);
                    i += 1;
                } else {
                    break;
                }
            }
            i += 1;
            continue;
        }
        let header_read = m.number.is_some() || m.date.is_some();
        if let Some(tl) = doctype::type_line(&t, key, header_read) {
            type_line = Some(tl);
            i += 1;
            break;
        }
        if is_upper(&t) && t.split_whitespace().count() <= 12 {
            body_lines.push(t);
        } else if header_read && !body_lines.is_empty() {
            // Running text after the number and date: the header is over.
            break;
        }
        i += 1;
    }
    (m.parent_body, m.issuer) = header::bodies(body_lines);
    // 2. Type and title.
    if let Some(tl) = type_line {
        m.doc_type = Some(tl.written);
        m.type_code = tl.doc.code.map(str::to_string);
        let from_rest = tl.rest.is_some();
        title.extend(tl.rest);
        i = read_title(&lines, i, &mut title, from_rest, &mut m);
    } else if !cv_title.is_empty() {
        title = cv_title;
    }
    if m.type_code.is_none() && m.doc_type.is_none() {
        m.type_code = m
            .number
            .as_ref()
            .and_then(|n| n.symbol.as_deref())
            .and_then(doctype::code_from_symbol)
            .and_then(|d| d.code)
            .map(str::to_string)
            .or_else(|| letter.then(|| "CV".to_string()));
    }
    if !title.is_empty() {
        m.title = Some(kehoach_text::clean(&title.join(" ")));
    }
    // 3. Legal bases: the lines before the first section (see `citation::legal_bases`).
    let basis_lines = lines[i.min(lines.len())..]
        .iter()
        .take_while(|l| !is_section_heading(l.text.trim()) && l.key() != "quyet dinh")
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

/// Reads a place-date starting on `t`, joined with the next line when the date breaks there
/// ("Hà Nội, ngày 01" / "tháng 07 năm 2021"; "Cần Thơ," / "ngày 10 tháng 01 năm 2026").
/// Returns how many extra lines it used (0 or 1); sets nothing if `t` holds no date.
fn read_date(
    t: &str,
    next: Option<&Line>,
    m: &mut DocumentMeta,
    bodies: &mut Vec<String>,
) -> usize {
    // A place-date is a short line; running text is not read for one.
    if t.len() > 300 {
        return 0;
    }
    let key = kehoach_text::ascii_key(t);
    if !(key.contains("ngay") || key.contains("thang") || t.trim_end().ends_with(',')) {
        return 0;
    }
    let alone = header::place_date_after_body(t);
    let complete = alone.as_ref().is_some_and(|(_, d, _)| d.year.is_some());
    let mut used = 0;
    let mut best = alone;
    if !complete {
        if let Some(n) = next {
            let nk = n.key();
            let nt = kehoach_text::clean(&n.text);
            let starts = ["thang", "nam", "ngay"].iter().any(|w| nk.starts_with(w))
                || nt.starts_with(|c: char| c.is_ascii_digit() || c == '/');
            if starts {
                if let Some(j) = header::place_date_after_body(&format!("{} {}", t.trim(), nt)) {
                    if j.1.year.is_some() || best.is_none() {
                        best = Some(j);
                        used = 1;
                    }
                }
            }
        }
    }
    match best {
        Some((place, date, body)) => {
            m.place = place;
            m.date = Some(date);
            bodies.extend(body);
            used
        }
        None => 0,
    }
}

/// Reads the title (trích yếu) from line `i` on: the lines under the type, up to the first
/// basis ("Căn cứ …"), "Kính gửi", section heading, the underline under the title, the
/// uppercase line of the issuing authority in a Quyết định ("CHỦ TỊCH ỦY BAN NHÂN DÂN …"), or
/// the first line of body text. A title line wrapped in the source continues the title when
/// it starts lower-case ("… phòng, chống thiên tai" / "và tìm kiếm cứu nạn …"), or when it is
/// a short line after a line with no closing punctuation; a title in capitals continues with
/// lines in capitals. A place-date under the title (meeting papers) is read and ends it.
/// Returns the index after the title.
fn read_title(
    lines: &[Line],
    mut i: usize,
    title: &mut Vec<String>,
    from_rest: bool,
    m: &mut DocumentMeta,
) -> usize {
    const STOP: &[&str] = &[
        "can cu ",
        "kinh gui",
        "theo de nghi",
        "xet de nghi",
        "kem theo",
        "noi nhan",
    ];
    const BODY_START: &[&str] = &["thuc hien ", "ngay ", "nham ", "de ", "qua ", "tiep tuc "];
    const AUTHORITY: &[&str] = &[
        "chu tich",
        "bo truong",
        "thu truong",
        "giam doc",
        "uy ban nhan dan",
        "hoi dong nhan dan",
        "ban thuong vu",
        "ban chap hanh",
        "truong ban",
        "tong cuc truong",
        "cuc truong",
        "thu tuong",
        "chinh phu",
    ];
    let mut chars = title.iter().map(|s| s.chars().count()).sum::<usize>();
    while i < lines.len() {
        if lines[i].text.len() > LONG_LINE {
            break;
        }
        let t = kehoach_text::clean(&lines[i].text);
        let key = lines[i].key();
        let upper = is_upper(&t);
        if header::is_rule(&t) {
            if title.is_empty() {
                i += 1;
                continue;
            }
            break;
        }
        if header::is_motto(key) || header::is_marking(key) {
            i += 1;
            continue;
        }
        if STOP.iter().any(|w| key.starts_with(w))
            || is_section_heading(&t)
            || (upper && AUTHORITY.iter().any(|w| key.starts_with(w)))
            || title.len() >= 8
            || chars > 600
        {
            break;
        }
        if m.date.is_none() && (key.contains("ngay") || key.contains("thang")) {
            if let Some((place, date)) = header::place_date(&t).filter(|(p, _)| p.is_some()) {
                m.place = place;
                m.date = Some(date);
                i += 1;
                break;
            }
        }
        if let Some(prev) = title.last() {
            let title_upper = title.iter().all(|l| is_upper(l));
            let first = t.chars().next().unwrap_or(' ');
            let lower_start = first.is_lowercase() || first.is_ascii_digit() || first == '(';
            let continues = if upper {
                title_upper
            } else if lower_start {
                true
            } else if title_upper {
                // "HƯỚNG DẪN CHẤM ĐIỂM" / "Bộ tiêu chí …": the capitals were the type line's
                // own words and the title follows in sentence case.
                from_rest
                    && title.len() == 1
                    && !BODY_START.iter().any(|w| key.starts_with(w))
                    && !t.ends_with(':')
                    && t.chars().count() <= 300
            } else {
                // A wrapped line starting with a capital (a proper name): short, and neither
                // the line above nor this one closes a sentence.
                !BODY_START.iter().any(|w| key.starts_with(w))
                    && !prev.ends_with(['.', ':', ';'])
                    && !t.ends_with(['.', ':', ';'])
                    && t.chars().count() <= 80
            };
            if !continues {
                break;
            }
        }
        chars += t.chars().count();
        title.push(t);
        i += 1;
    }
    i
}

/// Whether the document is a plan (a Kế hoạch, a Chương trình, a Quyết định issuing one …)
/// rather than a report, a letter or another kind of document; see [`doctype::is_plan`].
pub fn is_plan(meta: &DocumentMeta) -> bool {
    doctype::is_plan(meta)
}

/// An authority line, `^(KT|TM|TL|TUQ|Q)\s*\.\s*(.+)$` read by hand: "KT. CHỦ TỊCH" →
/// ("KT", "CHỦ TỊCH"). The rest is what follows the dot and its spaces (or, when only
/// spaces follow, the last of them), on one line.
fn authority_line(t: &str) -> Option<(&str, &str)> {
    let a = ["KT", "TM", "TL", "TUQ", "Q"]
        .into_iter()
        .find(|a| t.starts_with(a))?;
    let ws = |s: &str| s.len() - s.trim_start_matches(char::is_whitespace).len();
    let i = a.len() + ws(&t[a.len()..]);
    let rest = t[i..].strip_prefix('.')?;
    let dot = t.len() - rest.len();
    let mut start = dot + ws(rest);
    // `\s*` gives back a space when nothing else would be left for `.+`.
    while start > dot && start == t.len() {
        start -= t[..start].chars().next_back().map_or(1, char::len_utf8);
    }
    let behalf = &t[start..];
    (!behalf.is_empty() && !behalf.contains('\n')).then_some((a, behalf))
}

/// A section heading: "I. MỤC ĐÍCH", "Điều 1.", "Phần I", "Chương II".
fn is_section_heading(t: &str) -> bool {
    let t = t.trim();
    // Cheap test first: this runs on every line before the first section.
    if !t.starts_with(['I', 'V', 'X', 'Đ', 'P', 'p', 'C', 'c']) {
        return false;
    }
    section_heading_scan(t)
}

/// `^(?:[IVX]{1,4}|Điều\s+\d+|(?i:phần|chương)\s+(?:[IVX]{1,4}|\d+))\s*(?:[.:\-]\s*\S|$)`
/// read by hand (each step is decided by the next character, so greedy reading is exact).
fn section_heading_scan(t: &str) -> bool {
    let skip = |mut i: usize, f: &dyn Fn(char) -> bool| {
        while let Some(c) = t[i..].chars().next().filter(|&c| f(c)) {
            i += c.len_utf8();
        }
        i
    };
    let roman = |i: usize| {
        let n = t[i..]
            .bytes()
            .take_while(|c| b"IVX".contains(c))
            .take(5)
            .count();
        (1..=4).contains(&n).then_some(i + n)
    };
    let digits = |i: usize| {
        let n = t[i..].bytes().take_while(u8::is_ascii_digit).count();
        (n > 0).then_some(i + n)
    };
    // A word in any case (the words' letters fold to their lower case).
    let word = |w: &str| {
        let mut i = 0;
        for want in w.chars() {
            let c = t[i..].chars().next()?;
            if c.to_lowercase().ne(std::iter::once(want)) {
                return None;
            }
            i += c.len_utf8();
        }
        Some(i)
    };
    let head = if let Some(e) = roman(0) {
        Some(e)
    } else if let Some(rest) = t.strip_prefix("Điều") {
        let i = t.len() - rest.len();
        let j = skip(i, &char::is_whitespace);
        if j > i {
            digits(j)
        } else {
            None
        }
    } else if let Some(i) = word("phần").or_else(|| word("chương")) {
        let j = skip(i, &char::is_whitespace);
        if j > i {
            roman(j).or_else(|| digits(j))
        } else {
            None
        }
    } else {
        None
    };
    let Some(i) = head else {
        return false;
    };
    let i = skip(i, &char::is_whitespace);
    match t[i..].chars().next() {
        None => true,
        Some('.' | ':' | '-') => {
            let j = skip(i + 1, &char::is_whitespace);
            j < t.len()
        }
        Some(_) => false,
    }
}

/// A line of the signature area that is not the signer's name: "(Đã ký)", "(Ký, đóng dấu)",
/// "[Chữ ký số]", seal text ("Đã ký", "Đã đóng dấu").
fn is_signature_mark(key: &str, t: &str) -> bool {
    t.starts_with(['(', '['])
        || key.contains("da ky")
        || key.contains("dong dau")
        || key.contains("ky ten")
        || key.contains("chu ky")
}

/// Reads the closing: recipients ("Nơi nhận:" and its "- …" lines) and the signer.
///
/// The closing is two columns (recipients left, signature right) and may come as lines in
/// either column order or row by row, so recipient lines and signature lines interleave:
/// recipients are the "-"/"+" lines after "Nơi nhận" with the signature lines skipped, and the
/// signer is the authority line ("KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "TL.", "TUQ.", "Q.") or
/// a position line ("GIÁM ĐỐC"), then the position under it, then the first line that is a
/// person's name, past "(Đã ký)", seal text and recipient lines, within a dozen lines. The
/// signature may also stand just above "Nơi nhận" (right column first).
fn read_closing(lines: &[Line], m: &mut DocumentMeta) {
    let auth = authority_line;
    let mut idx = 0;
    let is_list = |t: &str| t.starts_with(['-', '+', '•', '*']);
    // Recipients.
    if let Some(start) = lines
        .iter()
        .position(|l| l.may_start(b'n') && l.key().starts_with("noi nhan"))
    {
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
        while j < lines.len() && j < start + 60 {
            let t = lines[j].text.trim();
            if !is_list(t) {
                // Signature lines between recipient lines (a two-column closing read row by
                // row): skip them; anything else ends the list.
                if is_upper(t) || is_signature_mark(lines[j].key(), t) || is_person_name(t) {
                    j += 1;
                    continue;
                }
                break;
            }
            m.recipients.push(
                t.trim_start_matches(['-', '+', '•', '*', ' '])
                    .trim_end_matches([';', '.'])
                    .trim()
                    .to_string(),
            );
            j += 1;
        }
        idx = start.saturating_sub(8);
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
        "bo truong",
        "hieu truong",
        "cuc truong",
        "vien truong",
        "chanh an",
        "chu nhiem",
        "thu tuong",
    ];
    let scan_end = lines
        .iter()
        .enumerate()
        .skip(idx)
        .find(|(_, l)| {
            (l.may_start(b'k') && l.key().starts_with("kem theo"))
                || (l.may_start(b'p') && l.key() == "phu luc")
        })
        .map(|(j, _)| j)
        .unwrap_or(lines.len());
    let mut j = idx;
    while j < scan_end {
        let t = lines[j].text.trim();
        let mut signer = Signer::default();
        let upper = is_upper(t);
        let is_auth = if upper { auth(t) } else { None };
        let is_position = upper && {
            let key = lines[j].key();
            positions.iter().any(|p| key.ends_with(p)) && key.split(' ').count() <= 6
        };
        if let Some((a, behalf)) = is_auth {
            signer.authority = Some(format!("{a}."));
            signer.on_behalf_of = Some(behalf.trim().to_string());
        } else if !is_position {
            j += 1;
            continue;
        } else {
            signer.position = Some(t.to_string());
        }
        let mut k = j + 1;
        while k < scan_end && k < j + 12 {
            let t = lines[k].text.trim();
            let key = lines[k].key();
            if is_list(t) || key.starts_with("noi nhan") || is_signature_mark(key, t) {
                k += 1;
                continue;
            }
            if is_upper(t) && signer.position.is_none() {
                signer.position = Some(t.to_string());
            } else if !is_upper(t) && is_person_name(t) {
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
        .position(|l| l.text.trim_start().starts_with('(') && l.key().starts_with("kem theo"))
    {
        let text = lines[a].text.trim().to_string();
        let mut heading: Vec<String> = Vec::new();
        let mut b = a;
        while b > 0 {
            b -= 1;
            let t = lines[b].text.trim();
            let key = lines[b].key();
            if !is_upper(t)
                || doctype::by_name_key(key).is_some()
                || doctype::type_line(t, key, false).is_some_and(|tl| tl.rest.is_none())
                || header::is_rule(t)
                || heading.len() >= 6
            {
                break;
            }
            heading.insert(0, t.to_string());
        }
        let reference = find_citations(&text).into_iter().next();
        let year = last_year_after(&text, true);
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
    /// The hand scanners read what the regexes they replaced read, on lines of many shapes
    /// and every prefix of them.
    #[test]
    fn scanners_agree_with_the_regexes_they_replaced() {
        use regex::Regex;
        let prefixes = |l: &'static str| {
            let mut v: Vec<&str> = l.char_indices().map(|(i, _)| &l[..i]).collect();
            v.push(l);
            v
        };
        let year = Regex::new(r"(?i)năm\s+((?:19|20)\d{2})(?-u:\b)").unwrap();
        let year_slash = Regex::new(r"(?:năm\s+|/)((?:19|20)\d{2})(?-u:\b)").unwrap();
        let last = |re: &Regex, t: &str| {
            re.captures_iter(t)
                .last()
                .and_then(|m| m[1].parse::<i32>().ok())
        };
        for l in [
            "Kế hoạch năm 2026 và NĂM  2027, giai đoạn 2026-2030",
            "ngày 10/3/2026, năm 20261, năm 1999_ , hằngnăm 2030.",
            "Năm\u{a0}2025 /2019 năm2024 năm 1899 /20 năm 2031",
        ] {
            for t in prefixes(l) {
                assert_eq!(super::last_year(t), last(&year, t), "{t:?}");
                assert_eq!(
                    super::last_year_after(t, true),
                    last(&year_slash, t),
                    "{t:?}"
                );
            }
        }
        let heading = Regex::new(
            r"^(?:[IVX]{1,4}|Điều\s+\d+|(?i:phần|chương)\s+(?:[IVX]{1,4}|\d+))\s*(?:[.:\-]\s*\S|$)",
        )
        .unwrap();
        for l in [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "XIV: Nhiệm vụ",
            "IIIII. Sai",
            "Điều 12 - Hiệu lực",
            "Điều 3",
            "Điều3. Sai",
            "PHẦN II. TỔ CHỨC THỰC HIỆN",
            "Chương 4 : Điều khoản",
            "CHƯƠNG IV",
            "phần  XII -",
            "Phần thưởng",
            "Chương trình hành động",
            "V .  x",
            "IV Mục tiêu",
        ] {
            for t in prefixes(l) {
                assert_eq!(super::section_heading_scan(t), heading.is_match(t), "{t:?}");
            }
        }
        let auth = Regex::new(r"^(KT|TM|TL|TUQ|Q)\s*\.\s*(.+)$").unwrap();
        for l in [
            "KT. CHỦ TỊCH",
            "TM . ỦY BAN NHÂN DÂN",
            "TUQ.GIÁM ĐỐC",
            "Q. TRƯỞNG BAN ",
            "TL. \nCHÁNH VĂN PHÒNG",
            "KT.  \n ",
            "KT.\n",
            "TT. SAI",
            "QUẢN LÝ",
        ] {
            for t in prefixes(l) {
                let want = auth
                    .captures(t)
                    .map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str()));
                assert_eq!(super::authority_line(t), want, "{t:?}");
            }
        }
    }
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
