//! A corpus generator for scale tests: N distinct plans made from fixtures.
//!
//! A .docx is varied inside `word/document.xml` and re-zipped (the other parts are copied
//! as they are): the issuer in the header, the plan year, a unique document number, some
//! agencies, some item texts, and some item rows dropped. HTML, text and Markdown get the
//! same text rewrites; any other file (PDF …) is kept as it is with a unique trailer comment
//! after its end, so it is distinct without being reinterpreted.
//!
//! Deterministic: the same fixtures, count and seed give the same files.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use kehoach_parse::{parse_bytes, Limits};

use crate::{Error, Result};

/// Issuers written into the header of generated plans.
pub const ISSUERS: &[&str] = &[
    "SỞ TƯ PHÁP",
    "SỞ TÀI CHÍNH",
    "SỞ NỘI VỤ",
    "SỞ Y TẾ",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "SỞ DÂN TỘC VÀ TÔN GIÁO",
    "SỞ XÂY DỰNG",
    "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
    "ỦY BAN NHÂN DÂN XÃ ĐỊNH HOÁ",
    "ỦY BAN NHÂN DÂN PHƯỜNG PHAN ĐÌNH PHÙNG",
    "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
];

/// Lead agencies swapped in for "Văn phòng Sở" in some rows.
const AGENCIES: &[&str] = &[
    "Phòng Hành chính - Tổng hợp",
    "Thanh tra Sở",
    "Phòng Kế hoạch - Tài chính",
    "Văn phòng UBND xã",
];

/// splitmix64: small, deterministic, good enough to vary test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// What a fixture says about itself, to know what to rewrite.
struct Seed {
    path: PathBuf,
    bytes: Vec<u8>,
    issuer: Option<String>,
    year: Option<i32>,
}

/// Writes `count` generated files into `out` (created if needed); returns their paths.
pub fn generate(fixtures: &[PathBuf], out: &Path, count: usize, seed: u64) -> Result<Vec<PathBuf>> {
    if fixtures.is_empty() {
        return Err(Error::Other("no fixtures to generate from".into()));
    }
    let seeds: Vec<Seed> = fixtures
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p)?;
            let (issuer, year) = match parse_bytes(&bytes, &Limits::default()) {
                Ok(parsed) => (
                    parsed.plan.document.issuer.clone(),
                    parsed.plan.document.plan_year,
                ),
                Err(_) => (None, None),
            };
            Ok(Seed {
                path: p.clone(),
                bytes,
                issuer,
                year,
            })
        })
        .collect::<Result<_>>()?;
    std::fs::create_dir_all(out)?;
    let mut paths = Vec::with_capacity(count);
    for i in 0..count {
        let s = &seeds[i % seeds.len()];
        let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
        let bytes = vary(s, i, &mut rng)?;
        let stem = s
            .path
            .file_stem()
            .and_then(|x| x.to_str())
            .unwrap_or("plan");
        let ext = s.path.extension().and_then(|x| x.to_str()).unwrap_or("bin");
        let p = out
            .join(format!("{:02}", i / 1000))
            .join(format!("{i:06}_{stem}.{ext}"));
        std::fs::create_dir_all(p.parent().expect("has a parent"))?;
        std::fs::write(&p, bytes)?;
        paths.push(p);
    }
    Ok(paths)
}

fn vary(s: &Seed, i: usize, rng: &mut Rng) -> Result<Vec<u8>> {
    let ext = s
        .path
        .extension()
        .and_then(|x| x.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let plan = Variation::new(s, i, rng);
    match ext.as_str() {
        "docx" => vary_docx(&s.bytes, &plan, rng),
        "html" | "htm" | "txt" | "md" => match std::str::from_utf8(&s.bytes) {
            Ok(text) => Ok(plan.rewrite_text(text, rng).into_bytes()),
            Err(_) => Ok(trailer(&s.bytes, i)),
        },
        _ => Ok(trailer(&s.bytes, i)),
    }
}

fn trailer(bytes: &[u8], i: usize) -> Vec<u8> {
    let mut b = bytes.to_vec();
    b.extend_from_slice(format!("\n%kehoach-corpus {i}\n").as_bytes());
    b
}

/// The rewrites chosen for one generated document.
struct Variation {
    number: usize,
    issuer_from: Option<String>,
    issuer_to: String,
    year_from: Option<String>,
    year_to: String,
}

impl Variation {
    fn new(s: &Seed, i: usize, rng: &mut Rng) -> Variation {
        Variation {
            number: i + 1,
            issuer_from: s.issuer.clone(),
            issuer_to: ISSUERS[rng.below(ISSUERS.len())].to_string(),
            year_from: s.year.map(|y| y.to_string()),
            year_to: (2019 + rng.below(9)).to_string(),
        }
    }

    /// Rewrites one run of text.
    fn text(&self, t: &str, rng: &mut Rng) -> String {
        let mut t = t.to_string();
        if let Some(from) = &self.issuer_from {
            if t.trim() == from {
                t = self.issuer_to.clone();
            }
        }
        if let Some(rest) = t.trim_start().strip_prefix("Số:") {
            // "Số: /KH-STP", "Số: 3161/QĐ-UBND" → "Số: {n}/…": unique per document.
            if let Some((_, sym)) = rest.split_once('/') {
                t = format!("Số: {}/{}", self.number, sym);
            }
        }
        if let Some(y) = &self.year_from {
            if t.contains(y.as_str()) {
                t = t.replace(y.as_str(), &self.year_to);
            }
        }
        if t.trim() == "Văn phòng Sở" && rng.chance(30) {
            t = AGENCIES[rng.below(AGENCIES.len())].to_string();
        }
        if t.chars().count() > 40 && rng.chance(10) {
            t.push_str(&format!(" (đợt {})", 1 + rng.below(4)));
        }
        t
    }

    fn rewrite_text(&self, text: &str, rng: &mut Rng) -> String {
        let mut out: String = text
            .split('\n')
            .map(|l| self.text(l, rng))
            .collect::<Vec<_>>()
            .join("\n");
        if !out.contains(&format!("Số: {}/", self.number)) {
            out.push_str(&format!("\n<!-- kehoach-corpus {} -->\n", self.number));
        }
        out
    }
}

fn zip_err(e: zip::result::ZipError) -> Error {
    Error::Other(format!("zip: {e}"))
}

fn vary_docx(bytes: &[u8], plan: &Variation, rng: &mut Rng) -> Result<Vec<u8>> {
    let mut zin = zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_err)?;
    let mut doc = String::new();
    zin.by_name("word/document.xml")
        .map_err(zip_err)?
        .read_to_string(&mut doc)?;
    let doc = rewrite_document_xml(&doc, plan, rng);
    let mut zout = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len() + 4096)));
    for idx in 0..zin.len() {
        let f = zin.by_index_raw(idx).map_err(zip_err)?;
        if f.name() == "word/document.xml" {
            drop(f);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            zout.start_file("word/document.xml", opts)
                .map_err(zip_err)?;
            zout.write_all(doc.as_bytes())?;
        } else {
            zout.raw_copy_file(f).map_err(zip_err)?;
        }
    }
    Ok(zout.finish().map_err(zip_err)?.into_inner())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Rewrites the text of every `<w:t>` and drops some rows of long tables.
fn rewrite_document_xml(xml: &str, plan: &Variation, rng: &mut Rng) -> String {
    let xml = drop_rows(xml, rng);
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml.as_str();
    while let Some(start) = rest.find("<w:t") {
        // `<w:t>` or `<w:t xml:space=…>`, not `<w:tbl>`, `<w:tc>` …
        let after = &rest[start + 4..];
        if !(after.starts_with('>') || after.starts_with(' ')) {
            out.push_str(&rest[..start + 4]);
            rest = after;
            continue;
        }
        let Some(gt) = after.find('>') else { break };
        if after[..gt].ends_with('/') {
            out.push_str(&rest[..start + 4 + gt + 1]);
            rest = &after[gt + 1..];
            continue;
        }
        let body = &after[gt + 1..];
        let Some(end) = body.find("</w:t>") else {
            break;
        };
        out.push_str(&rest[..start + 4 + gt + 1]);
        let text = unescape(&body[..end]);
        out.push_str(&escape(&plan.text(&text, rng)));
        out.push_str("</w:t>");
        rest = &body[end + "</w:t>".len()..];
    }
    out.push_str(rest);
    out
}

/// Drops about one row in seven from tables of more than eight rows (never the first two,
/// which hold the header).
fn drop_rows(xml: &str, rng: &mut Rng) -> String {
    // Find the top-level rows of each top-level table.
    let mut out = String::with_capacity(xml.len());
    let mut pos = 0;
    while let Some(t) = xml[pos..].find("<w:tbl>").map(|t| t + pos) {
        let Some(end) = matching_end(xml, t, "<w:tbl>", "</w:tbl>") else {
            break;
        };
        out.push_str(&xml[pos..t]);
        let table = &xml[t..end];
        let rows = top_level(table, "<w:tr");
        if rows.len() > 8 {
            let mut last = 0;
            for (k, (a, b)) in rows.iter().enumerate() {
                if k >= 2 && rng.chance(14) {
                    out.push_str(&table[last..*a]);
                    last = *b;
                }
            }
            out.push_str(&table[last..]);
        } else {
            out.push_str(table);
        }
        pos = end;
    }
    out.push_str(&xml[pos..]);
    out
}

/// The end (exclusive) of the element opened at `start`, counting nested ones.
fn matching_end(xml: &str, start: usize, open: &str, close: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    loop {
        let o = xml[i..].find(open).map(|x| x + i);
        let c = xml[i..].find(close).map(|x| x + i)?;
        match o {
            Some(o) if o < c => {
                depth += 1;
                i = o + open.len();
            }
            _ => {
                depth -= 1;
                i = c + close.len();
                if depth == 0 {
                    return Some(i);
                }
            }
        }
    }
}

/// Ranges of the top-level `<w:tr …>…</w:tr>` inside one table.
fn top_level(table: &str, open: &str) -> Vec<(usize, usize)> {
    let mut v = Vec::new();
    let mut i = "<w:tbl>".len();
    while let Some(o) = table[i..].find(open).map(|x| x + i) {
        let next = table.as_bytes().get(o + open.len()).copied();
        if !matches!(next, Some(b'>') | Some(b' ')) {
            i = o + open.len();
            continue;
        }
        // A nested table inside this row is skipped with the row.
        let Some(e) = row_end(table, o) else { break };
        v.push((o, e));
        i = e;
    }
    v
}

fn row_end(table: &str, start: usize) -> Option<usize> {
    // Rows nest only through nested tables; count `<w:tr` openings that are rows.
    let mut depth = 0usize;
    let mut i = start;
    loop {
        let c = table[i..].find("</w:tr>").map(|x| x + i)?;
        let mut o = table[i..].find("<w:tr").map(|x| x + i);
        while let Some(op) = o {
            let n = table.as_bytes().get(op + 5).copied();
            if matches!(n, Some(b'>') | Some(b' ')) {
                break;
            }
            o = table[op + 5..].find("<w:tr").map(|x| x + op + 5);
        }
        match o {
            Some(op) if op < c => {
                depth += 1;
                i = op + 5;
            }
            _ => {
                depth -= 1;
                i = c + "</w:tr>".len();
                if depth == 0 {
                    return Some(i);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        assert_eq!(a.next_u64(), b.next_u64());
    }

    #[test]
    fn rows_dropped_only_from_long_tables() {
        let row = "<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>";
        let short = format!("<w:tbl>{}</w:tbl>", row.repeat(3));
        let mut rng = Rng::new(1);
        assert_eq!(drop_rows(&short, &mut rng), short);
        let long = format!("<w:tbl><w:tblPr/>{}</w:tbl>", row.repeat(40));
        let out = drop_rows(&long, &mut rng);
        let n = out.matches("<w:tr>").count();
        assert!((20..40).contains(&n), "{n}");
        assert!(out.starts_with("<w:tbl><w:tblPr/>") && out.ends_with("</w:tbl>"));
    }
}
