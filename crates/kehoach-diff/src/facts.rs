//! Facts about a plan that several rules need: its year, its date, the administrative level
//! of its issuer, and every text in it with where it is.

use kehoach_parse::model::Block;
use kehoach_parse::plan::{meta, Plan};

use crate::{Source, Where};

/// The level of the issuing body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// A provincial department ("Sở …").
    Department,
    /// A commune, ward or town People's Committee ("UBND xã …").
    Commune,
    /// The provincial People's Committee.
    Province,
    Other,
}

/// The issuing level read from the issuer line.
pub fn level_of(issuer: &str) -> Level {
    let k = kehoach_text::ascii_key(issuer);
    let k = normalise_ubnd(&k);
    if k.starts_with("so ") {
        Level::Department
    } else if k.starts_with("ubnd xa ")
        || k.starts_with("ubnd phuong ")
        || k.starts_with("ubnd thi tran ")
        || k.starts_with("xa ")
        || k.starts_with("phuong ")
    {
        Level::Commune
    } else if k.starts_with("ubnd tinh ") || k.starts_with("chu tich ubnd tinh") {
        Level::Province
    } else {
        Level::Other
    }
}

/// "uy ban nhan dan" → "ubnd" in an ascii or match key.
pub fn normalise_ubnd(k: &str) -> String {
    k.replace("uy ban nhan dan", "ubnd")
        .replace("uyr ban nhân dân", "ubnd")
}

/// A key for comparing body names: match key with "Ủy ban nhân dân" written "UBND".
pub fn body_key(s: &str) -> String {
    let k = kehoach_text::match_key(s);
    k.replace("ury ban nhân dân", "ubnd")
        .replace("uyr ban nhân dân", "ubnd")
}

/// The initials of a body's name, with whether it holds an abbreviation: "Sở KH&CN" and
/// "Sở Khoa học và Công nghệ" both give "skhcn"; "UBND tỉnh" and "Ủy ban nhân dân tỉnh"
/// "ubndt"; "Sở LĐ-TB&XH" and "Sở Lao động - Thương binh và Xã hội" "sldtbxh". An
/// abbreviation is a word of two or more capitals in a name that also has lower-case letters
/// (a name in capitals throughout has none); "và" is not counted.
pub fn initials(s: &str) -> (String, bool) {
    let mixed = s.chars().any(|c| c.is_lowercase());
    let mut out = String::new();
    let mut abbreviated = false;
    for w in crate::textscan::words(s) {
        let word = &s[w.start..w.end];
        if w.ascii == "va" {
            continue;
        }
        let caps = word.chars().filter(|c| c.is_uppercase()).count();
        if mixed && caps >= 2 && caps == word.chars().count() {
            abbreviated = true;
            out.push_str(&w.ascii);
        } else if let Some(c) = w.ascii.chars().next() {
            out.push(c);
        }
    }
    (out, abbreviated)
}

/// Whether two names are the same body: the same key, or one abbreviates the other
/// ("UBND tỉnh" / "Ủy ban nhân dân tỉnh", "VP Sở" / "Văn phòng Sở"). Two full names with the
/// same initials ("Sở Nội vụ", "Sở Ngoại vụ") are not the same.
pub fn same_body(a: &str, b: &str) -> bool {
    if body_key(a) == body_key(b) {
        return true;
    }
    let (ia, aa) = initials(a);
    let (ib, ab) = initials(b);
    (aa || ab) && ia.len() >= 3 && ia == ib
}

/// A date with possibly unknown day or month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Ymd {
    /// The earliest day it can be.
    pub fn earliest(&self) -> (i32, u32, u32) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The latest day it can be.
    pub fn latest(&self) -> (i32, u32, u32) {
        (self.year, self.month.unwrap_or(12), self.day.unwrap_or(31))
    }
}

/// "2026-01-25" or (y, m, d) as "25/01/2026".
pub fn show_date(d: (i32, u32, u32)) -> String {
    format!("{:02}/{:02}/{}", d.2, d.1, d.0)
}

/// A text of the plan and where it is.
#[derive(Debug, Clone)]
pub struct Span {
    pub text: String,
    pub at: Where,
    /// The item it belongs to.
    pub item: Option<usize>,
    /// Kind of text: "content", "lead", "support", "deadline", "extra", a meta field name, or
    /// "paragraph".
    pub kind: &'static str,
}

/// What the rules know about one plan.
#[derive(Debug, Clone)]
pub struct Facts {
    /// The year in the title (else the appendix title, else the date), as the parser gives it.
    pub plan_year: Option<i32>,
    /// The year named in the title itself.
    pub title_year: Option<i32>,
    pub date: Option<Ymd>,
    pub level: Level,
    /// The date from which stale-name rules apply: the plan date, else 1 January of the
    /// plan year.
    pub effective: Option<(i32, u32, u32)>,
    pub spans: Vec<Span>,
}

impl Facts {
    pub fn of(src: &Source) -> Self {
        let plan = &src.plan;
        let d = &plan.document;
        let date = d.date.as_ref().and_then(|p| {
            p.year.map(|year| Ymd {
                year,
                month: p.month,
                day: p.day,
            })
        });
        let title_year = d.title.as_deref().and_then(meta::last_year);
        let effective = date
            .map(|d| d.earliest())
            .or(plan.document.plan_year.map(|y| (y, 1, 1)));
        Facts {
            plan_year: d.plan_year,
            title_year,
            date,
            level: d.issuer.as_deref().map(level_of).unwrap_or(Level::Other),
            effective,
            spans: spans(src),
        }
    }
}

fn spans(src: &Source) -> Vec<Span> {
    let plan = &src.plan;
    let d = &plan.document;
    let mut out = Vec::new();
    let field = |name: &'static str, text: &str, out: &mut Vec<Span>| {
        if !text.trim().is_empty() {
            out.push(Span {
                text: text.to_string(),
                at: Where::field(name),
                item: None,
                kind: name,
            });
        }
    };
    if let Some(t) = &d.issuer {
        field("issuer", t, &mut out);
    }
    if let Some(t) = &d.title {
        field("title", t, &mut out);
    }
    for r in &d.recipients {
        field("recipients", r, &mut out);
    }
    if let Some(a) = &d.appendix {
        if let Some(t) = &a.title {
            field("appendix.title", t, &mut out);
        }
        field("appendix.reference", &a.text, &mut out);
    }
    let meta_keys: Vec<String> = out
        .iter()
        .map(|s| kehoach_text::match_key(&s.text))
        .collect();
    if let Some(doc) = &src.document {
        for (bi, b) in doc.blocks.iter().enumerate() {
            let Block::Paragraph(p) = b else { continue };
            let t = p.display_text();
            if t.trim().is_empty() {
                continue;
            }
            let k = kehoach_text::match_key(&t);
            if k.is_empty() || meta_keys.iter().any(|m| m.contains(&k)) {
                continue;
            }
            out.push(Span {
                at: Where::paragraph(bi, &t),
                text: t,
                item: None,
                kind: "paragraph",
            });
        }
    } else {
        for b in &d.legal_bases {
            field("legal_bases", &b.text, &mut out);
        }
    }
    for (i, it) in plan.items.iter().enumerate() {
        let cell = |kind: &'static str, text: String, out: &mut Vec<Span>| {
            if !text.trim().is_empty() {
                out.push(Span {
                    text,
                    at: Where::item(plan, i, kind),
                    item: Some(i),
                    kind,
                });
            }
        };
        cell("content", it.content.clone(), &mut out);
        cell("lead", it.lead.join("; "), &mut out);
        cell("support", it.support.join("; "), &mut out);
        cell("deadline", it.deadline.text.clone(), &mut out);
        for v in it.extra.values() {
            cell("extra", v.clone(), &mut out);
        }
    }
    out
}

/// Whether an item's content is about drawing up, submitting or issuing a plan or programme.
pub fn prepares_plan(text: &str) -> bool {
    let k = kehoach_text::ascii_key(text);
    let verb = [
        "xay dung", "ban hanh", "trinh", "tham muu", "du thao", "lap ",
    ]
    .iter()
    .any(|v| k.contains(v));
    let object = ["ke hoach", "chuong trinh"].iter().any(|o| k.contains(o));
    verb && object
}

/// Whether an item's content reports on or reviews a period (a past year is normal there).
pub fn reviews_period(text: &str) -> bool {
    let k = kehoach_text::ascii_key(text);
    [
        "bao cao",
        "tong ket",
        "so ket",
        "danh gia ket qua",
        "ket qua thuc hien",
    ]
    .iter()
    .any(|v| k.contains(v))
}

/// Whether a plan's item table exists (rules about items have nothing to say otherwise).
pub fn has_items(plan: &Plan) -> bool {
    !plan.items.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels() {
        assert_eq!(level_of("SỞ TƯ PHÁP"), Level::Department);
        assert_eq!(
            level_of("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
            Level::Department
        );
        assert_eq!(level_of("ỦY BAN NHÂN DÂN XÃ ĐỊNH HOÁ"), Level::Commune);
        assert_eq!(level_of("UBND PHƯỜNG PHAN ĐÌNH PHÙNG"), Level::Commune);
        assert_eq!(
            level_of("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN"),
            Level::Province
        );
        assert_eq!(
            body_key("Ủy ban nhân dân xã Định Hóa"),
            body_key("UBND XÃ ĐỊNH HOÁ")
        );
    }
}

#[cfg(test)]
mod body_tests {
    use super::same_body;

    #[test]
    fn abbreviations_name_the_same_body() {
        for (a, b) in [
            ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
            ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
            ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
            ("VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
            ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
            ("HĐND xã", "Hội đồng nhân dân xã"),
            ("BCH Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
            ("Sở Tư pháp", "SỞ TƯ PHÁP"),
        ] {
            assert!(same_body(a, b), "{a} / {b}");
            assert!(same_body(b, a), "{b} / {a}");
        }
        for (a, b) in [
            ("Sở Nội vụ", "Sở Ngoại vụ"),
            ("Sở TC", "Sở Tư pháp"),
            ("UBND tỉnh", "UBND xã"),
            ("SỞ NỘI VỤ", "SỞ NGOẠI VỤ"),
            ("VP", "Văn phòng Sở"),
        ] {
            assert!(!same_body(a, b), "{a} / {b}");
        }
    }
}
