//! Who issued a document, read from its symbol ("ký hiệu") when the text does not say it
//! with "của …".
//!
//! Sources of the rules below:
//! * State bodies: Nghị định 30/2020/NĐ-CP on văn thư, Điều 8 khoản 3 and Phụ lục I–III: the
//!   symbol of a document is `TYPE-BODY` (the abbreviation of the document type, then the
//!   abbreviation of the issuing body: "QĐ-UBND", "NQ-CP", "TT-BNV"); a letter (công văn)
//!   has no type part, it is `BODY-UNIT` ("UBND-VX", "SNV-CCVC"). Joint documents chain the
//!   bodies ("TTLT-BTC-BNV"). Laws passed by the National Assembly carry "QH" with the term
//!   number ("QH15"). The abbreviations of the bodies are each body's own (the government's
//!   list of ministries; the provinces' lists of their departments, "Sở" = `S` + the
//!   ministry's abbreviation without its `B`: "SNV" Sở Nội vụ, "STP" Sở Tư pháp).
//! * Party bodies: Quy định 66-QĐ/TW (2017) and Hướng dẫn 36-HD/VPTW (2018) on the format of
//!   Party documents: the symbol is `NUMBER-TYPE/BODY` ("57-NQ/TW", "141-KH/BDVTU"); central
//!   bodies (Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư) all sign `TW`, provincial
//!   committees `TU`, district `HU`/`QU`, others `ĐU`; the departments of a committee prefix
//!   its letters ("BTGTW" Ban Tuyên giáo Trung ương, "BDVTU" Ban Dân vận Tỉnh ủy).
//!
//! The table is data: a symbol part is looked up upper-cased ("TTg" and "TTG" alike), with
//! a term number ("QH15") dropped.

/// Whole bodies, by the abbreviation in a state symbol.
pub const STATE_BODIES: &[(&str, &str)] = &[
    ("CP", "Chính phủ"),
    ("TTG", "Thủ tướng Chính phủ"),
    ("QH", "Quốc hội"),
    ("UBTVQH", "Ủy ban Thường vụ Quốc hội"),
    ("CTN", "Chủ tịch nước"),
    ("VPCP", "Văn phòng Chính phủ"),
    ("TTCP", "Thanh tra Chính phủ"),
    ("NHNN", "Ngân hàng Nhà nước Việt Nam"),
    ("KTNN", "Kiểm toán nhà nước"),
    ("UBDT", "Ủy ban Dân tộc"),
    ("TANDTC", "Tòa án nhân dân tối cao"),
    ("VKSNDTC", "Viện kiểm sát nhân dân tối cao"),
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("TTHĐND", "Thường trực Hội đồng nhân dân"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("MTTQ", "Mặt trận Tổ quốc Việt Nam"),
    ("BCĐ", "Ban Chỉ đạo"),
    ("VP", "Văn phòng"),
    ("VPUBND", "Văn phòng Ủy ban nhân dân"),
    ("VPĐĐBQH", "Văn phòng Đoàn đại biểu Quốc hội"),
    ("BQL", "Ban Quản lý"),
];

/// Ministries ("B" + letters); a provincial department is "S" + the same letters.
pub const MINISTRIES: &[(&str, &str)] = &[
    ("BNV", "Bộ Nội vụ"),
    ("BTC", "Bộ Tài chính"),
    ("BTP", "Bộ Tư pháp"),
    ("BCA", "Bộ Công an"),
    ("BQP", "Bộ Quốc phòng"),
    ("BNG", "Bộ Ngoại giao"),
    ("BYT", "Bộ Y tế"),
    ("BXD", "Bộ Xây dựng"),
    ("BCT", "Bộ Công Thương"),
    ("BGDĐT", "Bộ Giáo dục và Đào tạo"),
    ("BKHCN", "Bộ Khoa học và Công nghệ"),
    ("BTTTT", "Bộ Thông tin và Truyền thông"),
    ("BKHĐT", "Bộ Kế hoạch và Đầu tư"),
    ("BTNMT", "Bộ Tài nguyên và Môi trường"),
    ("BNNMT", "Bộ Nông nghiệp và Môi trường"),
    ("BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ("BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
    ("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("BGTVT", "Bộ Giao thông vận tải"),
    ("BDTTG", "Bộ Dân tộc và Tôn giáo"),
];

/// Party committees, by the letters ending a Party symbol.
pub const PARTY_COMMITTEES: &[(&str, &str, &str)] = &[
    // (letters, the committee alone, the committee after a department's name)
    ("TW", "Ban Chấp hành Trung ương", "Trung ương"),
    ("TU", "Tỉnh ủy", "Tỉnh ủy"),
    ("HU", "Huyện ủy", "Huyện ủy"),
    ("QU", "Quận ủy", "Quận ủy"),
    ("TXU", "Thị xã ủy", "Thị xã ủy"),
    ("ĐU", "Đảng ủy", "Đảng ủy"),
    ("ĐUK", "Đảng ủy Khối", "Đảng ủy Khối"),
    ("BCT", "Bộ Chính trị", "Bộ Chính trị"),
    ("BBT", "Ban Bí thư", "Ban Bí thư"),
];

/// Departments of a Party committee, prefixed to the committee's letters.
pub const PARTY_DEPARTMENTS: &[(&str, &str)] = &[
    ("BTGDV", "Ban Tuyên giáo và Dân vận"),
    ("BTG", "Ban Tuyên giáo"),
    ("BTC", "Ban Tổ chức"),
    ("BDV", "Ban Dân vận"),
    ("BNC", "Ban Nội chính"),
    ("BKT", "Ban Kinh tế"),
    ("BCSĐ", "Ban cán sự đảng"),
    ("BTV", "Ban Thường vụ"),
    ("BCĐ", "Ban Chỉ đạo"),
    ("UBKT", "Ủy ban Kiểm tra"),
    ("VP", "Văn phòng"),
];

/// Document-type abbreviations (Nghị định 30/2020/NĐ-CP Phụ lục III; Hướng dẫn
/// 36-HD/VPTW for the Party's): the first part of a state symbol when it is one of these.
pub const TYPE_ABBREVIATIONS: &[&str] = &[
    "NQ", "NĐ", "QĐ", "QĐI", "CT", "QC", "QYĐ", "TB", "HD", "CTR", "KH", "PA", "ĐA", "DA", "BC",
    "BB", "TTR", "HĐ", "CĐ", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "TC", "TT", "TTLT",
    "NQLT", "KL", "VBHN", "PL", "TBKL", "CV",
];

fn norm(part: &str) -> String {
    // "QH15" → "QH": a term number is not part of the body.
    part.trim_end_matches(|c: char| c.is_ascii_digit())
        .chars()
        .map(|c| match c {
            'đ' | 'Ð' | 'ð' => 'Đ',
            c => c.to_uppercase().next().unwrap_or(c),
        })
        .collect()
}

fn lookup<'t>(table: &'t [(&str, &str)], key: &str) -> Option<&'t str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The body an abbreviation of a state symbol names: "UBND", "TTg", "BNV", "SNV", "QH15".
pub fn state_body(part: &str) -> Option<String> {
    let k = norm(part);
    if let Some(v) = lookup(STATE_BODIES, &k).or_else(|| lookup(MINISTRIES, &k)) {
        return Some(v.to_string());
    }
    // A provincial department: "S" + the ministry's letters ("STP" → Sở Tư pháp).
    let rest = k.strip_prefix('S')?;
    let ministry = lookup(MINISTRIES, &format!("B{rest}"))?;
    Some(format!("Sở {}", ministry.strip_prefix("Bộ ")?))
}

/// The body the letters after "/" of a Party symbol name: "TW", "TU", "BDVTU", "BTGTW".
pub fn party_body(part: &str) -> Option<String> {
    let k = norm(part);
    if let Some((_, alone, _)) = PARTY_COMMITTEES.iter().find(|(l, _, _)| *l == k) {
        return Some(alone.to_string());
    }
    // A department of a committee: its prefix, then the committee's letters.
    for (prefix, dept) in PARTY_DEPARTMENTS {
        if let Some(rest) = k.strip_prefix(prefix) {
            if let Some((_, _, after)) = PARTY_COMMITTEES.iter().find(|(l, _, _)| *l == rest) {
                return Some(format!("{dept} {after}"));
            }
        }
    }
    None
}

/// The issuer a symbol names, if its body is in the tables: "QĐ-TTg" → "Thủ tướng Chính
/// phủ", "TTLT-BTC-BNV" → "Bộ Tài chính, Bộ Nội vụ", "UBND-VX" → "Ủy ban nhân dân",
/// "NQ/TW" (Party) → "Ban Chấp hành Trung ương".
pub fn from_symbol(symbol: &str) -> Option<String> {
    if let Some((_, body)) = symbol.split_once('/') {
        return party_body(body.split('-').next()?);
    }
    let parts: Vec<&str> = symbol.split('-').collect();
    let first_is_type = parts.len() > 1 && TYPE_ABBREVIATIONS.contains(&norm(parts[0]).as_str());
    if first_is_type {
        let bodies: Option<Vec<String>> = parts[1..].iter().map(|p| state_body(p)).collect();
        match bodies {
            Some(b) if parts.len() > 2 && parts[0].eq_ignore_ascii_case("TTLT") => {
                Some(b.join(", "))
            }
            // "QĐ-UBND-VP": the body, then a unit of it.
            _ => state_body(parts[1]),
        }
    } else {
        // A law "QH15", or a letter "UBND-VX" (body, then the unit that drafted it).
        state_body(parts[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_name_their_issuers() {
        let cases = [
            ("QĐ-TTg", Some("Thủ tướng Chính phủ")),
            ("CT-TTg", Some("Thủ tướng Chính phủ")),
            ("CĐ-TTg", Some("Thủ tướng Chính phủ")),
            ("NQ-CP", Some("Chính phủ")),
            ("NĐ-CP", Some("Chính phủ")),
            ("TB-VPCP", Some("Văn phòng Chính phủ")),
            ("CTr-UBND", Some("Ủy ban nhân dân")),
            ("QyĐ-UBND", Some("Ủy ban nhân dân")),
            ("TT-BNV", Some("Bộ Nội vụ")),
            ("TT-BCT", Some("Bộ Công Thương")),
            ("KH-SNV", Some("Sở Nội vụ")),
            ("KH-STP", Some("Sở Tư pháp")),
            ("KH-SGDĐT", Some("Sở Giáo dục và Đào tạo")),
            ("HD-BCĐ", Some("Ban Chỉ đạo")),
            ("NQ-HĐND", Some("Hội đồng nhân dân")),
            ("TTLT-BTC-BNV", Some("Bộ Tài chính, Bộ Nội vụ")),
            ("BC-UBND", Some("Ủy ban nhân dân")),
            ("UBND-VX", Some("Ủy ban nhân dân")),
            ("SNV-CCVC", Some("Sở Nội vụ")),
            ("QH15", Some("Quốc hội")),
            ("NQ-UBTVQH15", Some("Ủy ban Thường vụ Quốc hội")),
            ("KH-XYZ", None),
            ("NQ/TW", Some("Ban Chấp hành Trung ương")),
            ("KH/BDVTU", Some("Ban Dân vận Tỉnh ủy")),
            ("CTr/TU", Some("Tỉnh ủy")),
            ("HD/BTGTW", Some("Ban Tuyên giáo Trung ương")),
            ("HD/VPTW", Some("Văn phòng Trung ương")),
            ("KL/UBKTTU", Some("Ủy ban Kiểm tra Tỉnh ủy")),
            ("NQ/ĐU", Some("Đảng ủy")),
            ("KH/HU", Some("Huyện ủy")),
            ("QĐ/XYZ", None),
        ];
        for (s, want) in cases {
            assert_eq!(from_symbol(s).as_deref(), want, "{s}");
        }
    }
}
