//! What kind of document this is: the type line under the header ("KẾ HOẠCH", "K Ế H O Ạ C H",
//! "Quyết định"), else the type part of the symbol ("45/KH-UBND" → Kế hoạch, "152-KH/TU" →
//! Kế hoạch), else a Công văn when the header has "V/v …" or "Kính gửi"; and whether that kind
//! of document is a plan ([`is_plan`]).

use super::DocumentMeta;

/// One document type: its name and its abbreviation in symbols.
pub struct DocType {
    /// The name as the table writes it ("Kế hoạch").
    pub name: &'static str,
    /// The abbreviation used in the symbol ("KH"), where there is one.
    pub code: Option<&'static str>,
}

const fn t(name: &'static str, code: Option<&'static str>) -> DocType {
    DocType { name, code }
}

/// Document types and their abbreviations.
///
/// Source: Nghị định 30/2020/NĐ-CP ngày 05/3/2020 về công tác văn thư, Phụ lục III ("Bảng
/// chữ viết tắt tên loại văn bản và bản sao"): the 29 types of administrative documents of
/// Article 7 with their abbreviations (Bản ghi nhớ and Bản thỏa thuận have none; Công văn has no
/// type line and no abbreviation in the symbol, "CV" is ours). Added after them: the legal
/// normative types of Luật Ban hành văn bản quy phạm pháp luật (Luật, Nghị định NĐ, Thông tư
/// TT, Thông tư liên tịch TTLT), and two headings that are not types but stand where the type
/// line stands: "Phụ lục" (a bare appendix) and "Tài liệu" (meeting papers), without a code.
pub const DOC_TYPES: &[DocType] = &[
    t("Nghị quyết", Some("NQ")),
    t("Quyết định", Some("QĐ")),
    t("Chỉ thị", Some("CT")),
    t("Quy chế", Some("QC")),
    t("Quy định", Some("QyĐ")),
    t("Thông cáo", Some("TC")),
    t("Thông báo", Some("TB")),
    t("Hướng dẫn", Some("HD")),
    t("Chương trình", Some("CTr")),
    t("Kế hoạch", Some("KH")),
    t("Phương án", Some("PA")),
    t("Đề án", Some("ĐA")),
    t("Dự án", Some("DA")),
    t("Báo cáo", Some("BC")),
    t("Biên bản", Some("BB")),
    t("Tờ trình", Some("TTr")),
    t("Hợp đồng", Some("HĐ")),
    t("Công văn", Some("CV")),
    t("Công điện", Some("CĐ")),
    t("Bản ghi nhớ", None),
    t("Bản thỏa thuận", None),
    t("Giấy ủy quyền", Some("GUQ")),
    t("Giấy mời", Some("GM")),
    t("Giấy giới thiệu", Some("GGT")),
    t("Giấy nghỉ phép", Some("GNP")),
    t("Phiếu gửi", Some("PG")),
    t("Phiếu chuyển", Some("PC")),
    t("Phiếu báo", Some("PB")),
    t("Thông tư liên tịch", Some("TTLT")),
    t("Thông tư", Some("TT")),
    t("Nghị định", Some("NĐ")),
    t("Luật", None),
    t("Phụ lục", None),
    t("Tài liệu", None),
];

/// The diacritic-free keys of [`DOC_TYPES`]' names, in table order, computed once.
fn name_keys() -> &'static [String] {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        DOC_TYPES
            .iter()
            .map(|d| kehoach_text::ascii_key(d.name))
            .collect()
    })
}

/// The types with their name keys.
fn keyed() -> impl Iterator<Item = (&'static DocType, &'static str)> {
    DOC_TYPES.iter().zip(name_keys().iter().map(String::as_str))
}

/// The type whose name has this diacritic-free key ("ke hoach").
pub fn by_name_key(key: &str) -> Option<&'static DocType> {
    keyed().find(|(_, k)| *k == key).map(|(d, _)| d)
}

/// The type whose abbreviation is this one. "Đ" and "D" are the same letter here (symbols are
/// often typed without it), and case counts first, since "QĐ" (Quyết định) and "QyĐ" (Quy
/// định) differ by it; a code in other case ("QD", "TTR") is taken when only one type has it.
pub fn by_code(code: &str) -> Option<&'static DocType> {
    let fold = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                'Đ' | 'đ' => 'D',
                c => c.to_ascii_uppercase(),
            })
            .collect()
    };
    let want = fold(code);
    let exact = |s: &str| -> String {
        s.chars()
            .map(|c| if matches!(c, 'Đ' | 'đ') { 'D' } else { c })
            .collect()
    };
    let code_exact = exact(code);
    DOC_TYPES
        .iter()
        .find(|d| d.code.is_some_and(|c| exact(c) == code_exact))
        .or_else(|| {
            // "QD", "TTR", "Ctr": a unique case-insensitive match.
            let mut it = DOC_TYPES
                .iter()
                .filter(|d| d.code.is_some_and(|c| fold(c) == want));
            let first = it.next();
            first.filter(|_| it.next().is_none())
        })
}

/// A type line read: the type as written, the table entry, and the rest of the line (the start
/// of the title) when the title follows on the same line.
pub struct TypeLine {
    pub written: String,
    pub doc: &'static DocType,
    pub rest: Option<String>,
}

/// Reads a type line: the whole line is a type name in any case ("KẾ HOẠCH", "Kế hoạch"), its
/// letters spaced out for display ("K Ế H O Ạ C H", given as the name in capitals), or an
/// uppercase type name followed by the title on the same line ("KẾ HOẠCH Triển khai …").
/// With `upper_rest`, an uppercase title on the same line is allowed too ("HƯỚNG DẪN CHẤM
/// ĐIỂM …"): callers allow it only once the number or date was read, since a body name in
/// capitals can begin like a type ("DỰ ÁN …").
pub fn type_line(t: &str, key: &str, upper_rest: bool) -> Option<TypeLine> {
    if let Some(doc) = by_name_key(key) {
        if doc.name == "Công văn" {
            return None;
        }
        return Some(TypeLine {
            written: t.to_string(),
            doc,
            rest: None,
        });
    }
    // Spaced letters: every token one letter.
    let tokens: Vec<&str> = t.split_whitespace().collect();
    if tokens.len() >= 4 && tokens.iter().all(|w| w.chars().count() == 1) {
        let joined: String = key.split(' ').collect();
        if let Some((doc, _)) =
            keyed().find(|(d, k)| d.name != "Công văn" && k.replace(' ', "") == joined)
        {
            return Some(TypeLine {
                written: doc.name.to_uppercase(),
                doc,
                rest: None,
            });
        }
    }
    // An uppercase type name, then the title. The longest name wins ("THÔNG TƯ LIÊN TỊCH").
    let mut best: Option<(&'static DocType, usize)> = None;
    for (d, n) in keyed().filter(|(d, _)| d.name != "Công văn") {
        if key.len() > n.len() && key.starts_with(n) && key.as_bytes()[n.len()] == b' ' {
            let words = n.split(' ').count();
            if best.is_none_or(|(_, w)| words > w) {
                best = Some((d, words));
            }
        }
    }
    let (doc, words) = best?;
    // "PHỤ LỤC I", "Phụ lục 02", "PHỤ LỤC SỐ 3": an appendix heading with its number.
    if doc.name == "Phụ lục" {
        let rest = &key["phu luc".len()..];
        let rest = rest.trim().strip_prefix("so ").unwrap_or(rest.trim());
        let numeral = !rest.is_empty()
            && !rest.contains(' ')
            && (rest.chars().all(|c| c.is_ascii_digit())
                || rest.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
                || (rest.len() == 1 && rest.chars().all(|c| c.is_ascii_lowercase())));
        if numeral {
            return Some(TypeLine {
                written: t.trim().to_string(),
                doc,
                rest: None,
            });
        }
    }
    // Split the written line after as many words as the name has.
    let mut idx = t.len();
    for (n, (i, _)) in t
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .enumerate()
    {
        if n + 1 == words {
            idx = i;
            break;
        }
    }
    let (head, rest) = t.split_at(idx);
    let rest = rest.trim();
    if rest.is_empty() || !super::is_upper(head) {
        return None;
    }
    let rest_upper = super::is_upper(rest);
    let first_word_upper = rest.split_whitespace().next().is_some_and(super::is_upper);
    if rest_upper && !upper_rest {
        return None;
    }
    // "KẾ HOẠCH Triển khai …" (title in sentence case) or "KẾ HOẠCH triển khai …".
    if !rest_upper && first_word_upper && rest.split_whitespace().next().unwrap_or("").len() > 3 {
        // The first word of the rest is itself in capitals ("KẾ HOẠCH UBND …"): not a title.
        return None;
    }
    Some(TypeLine {
        written: head.trim().to_string(),
        doc,
        rest: Some(rest.to_string()),
    })
}

/// The type code from a symbol: its type part ("KH" in "KH-UBND", "QĐ" in "QĐ-UBND", "NQ" in
/// "2025/NQ-HĐND", "KH" in the Party's "KH/TU"), when it is a known code.
pub fn code_from_symbol(symbol: &str) -> Option<&'static DocType> {
    // Drop a year part ("2025/NQ-HĐND").
    let s = match symbol.split_once('/') {
        Some((y, rest)) if y.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => symbol,
    };
    let head = s.split(['-', '/']).next()?.trim();
    if head.is_empty() {
        return None;
    }
    by_code(head).filter(|d| d.name != "Công văn")
}

/// Whether the document is a plan: what the record of issued plans is for.
///
/// * Plans: a Kế hoạch (KH), a Chương trình (CTr: công tác, hành động), a Phương án (PA); an
///   Đề án (ĐA) whose title says it carries something out ("thực hiện", "triển khai", "kế
///   hoạch"); a Quyết định (QĐ) whose title issues or approves one ("Về việc ban hành Kế
///   hoạch …", "Phê duyệt Phương án …").
/// * Not plans, whatever tables they hold: every other type — Báo cáo, Tờ trình, Công văn,
///   Thông báo, Thông tư (drafts too), Hướng dẫn (scoring guides "Hướng dẫn chấm điểm"
///   included), Biên bản, Giấy mời, Nghị quyết (even one that adopts a Chương trình: the
///   programme is the Nghị quyết's appendix, issued by a council, not an executive's plan), a
///   Quyết định issuing anything else ("Ban hành Bộ tiêu chí …"), meeting papers ("TÀI
///   LIỆU").
/// * A document with no type (a bare appendix table, with or without a "PHỤ LỤC" heading): a
///   plan when its reference line says it is attached to a plan ("(Kèm theo Kế hoạch số …)",
///   a Chương trình, a Phương án) or its heading names one; otherwise not, since nothing says
///   it is.
pub fn is_plan(meta: &DocumentMeta) -> bool {
    let title = meta
        .title
        .as_deref()
        .map(kehoach_text::ascii_key)
        .unwrap_or_default();
    let plan_word = |k: &str| {
        ["ke hoach", "chuong trinh", "phuong an"]
            .iter()
            .any(|w| k.contains(w))
    };
    match meta.type_code.as_deref() {
        Some("KH" | "CTr" | "PA") => true,
        Some("ĐA") => ["thuc hien", "trien khai", "ke hoach"]
            .iter()
            .any(|w| title.contains(w)),
        Some("QĐ") => ["ban hanh ", "phe duyet "].iter().any(|verb| {
            title.match_indices(verb).any(|(i, _)| {
                let after = &title[i + verb.len()..];
                ["ke hoach", "chuong trinh", "phuong an"]
                    .iter()
                    .any(|w| after.starts_with(w))
            })
        }),
        Some(_) => false,
        None => {
            let typed = meta
                .doc_type
                .as_deref()
                .map(kehoach_text::ascii_key)
                .is_some_and(|k| !k.starts_with("phu luc"));
            if typed {
                return false;
            }
            meta.appendix.as_ref().is_some_and(|a| {
                let by_ref = a
                    .reference
                    .as_ref()
                    .map(|r| kehoach_text::ascii_key(&r.doc_type))
                    .is_some_and(|k| plan_word(&k));
                let text = kehoach_text::ascii_key(&a.text);
                let by_text = text
                    .strip_prefix("kem theo ")
                    .is_some_and(|rest| plan_word(rest.get(..14).unwrap_or(rest)));
                // "(Kèm theo Quyết định số …)" under "DANH MỤC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH …":
                // the Quyết định issued the plan this table belongs to.
                let heading = a.title.as_deref().or(meta.title.as_deref());
                let by_heading = heading
                    .map(kehoach_text::ascii_key)
                    .is_some_and(|k| plan_word(&k));
                by_ref || by_text || by_heading
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> String {
        kehoach_text::ascii_key(s)
    }

    #[test]
    fn type_lines() {
        let tl =
            |s: &str, up: bool| type_line(s, &key(s), up).map(|t| (t.written, t.doc.code, t.rest));
        assert_eq!(
            tl("KẾ HOẠCH", false),
            Some(("KẾ HOẠCH".into(), Some("KH"), None))
        );
        assert_eq!(
            tl("Quyết định", false),
            Some(("Quyết định".into(), Some("QĐ"), None))
        );
        assert_eq!(
            tl("K Ế H O Ạ C H", false),
            Some(("KẾ HOẠCH".into(), Some("KH"), None))
        );
        assert_eq!(
            tl("B Á O  C Á O", false),
            Some(("BÁO CÁO".into(), Some("BC"), None))
        );
        assert_eq!(
            tl("THÔNG TƯ LIÊN TỊCH", false).map(|t| t.1),
            Some(Some("TTLT"))
        );
        assert_eq!(
            tl("KẾ HOẠCH Triển khai Đề án 06 năm 2026", false),
            Some((
                "KẾ HOẠCH".into(),
                Some("KH"),
                Some("Triển khai Đề án 06 năm 2026".into())
            ))
        );
        // A body name in capitals is not a type line unless the header was read.
        assert!(tl("DỰ ÁN PHÁT TRIỂN NÔNG THÔN", false).is_none());
        assert!(tl("HƯỚNG DẪN CHẤM ĐIỂM CHỈ SỐ CCHC", true).is_some());
        assert!(tl("Kế hoạch này được triển khai", false).is_none());
        assert!(tl("CÔNG VĂN", false).is_none());
        assert_eq!(
            tl("PHỤ LỤC II", false),
            Some(("PHỤ LỤC II".into(), None, None))
        );
        assert_eq!(
            tl("Phụ lục số 03", false).map(|t| t.0),
            Some("Phụ lục số 03".into())
        );
        assert!(tl("ỦY BAN NHÂN DÂN", false).is_none());
    }

    #[test]
    fn codes_from_symbols() {
        let c = |s: &str| code_from_symbol(s).and_then(|d| d.code);
        assert_eq!(c("KH-UBND"), Some("KH"));
        assert_eq!(c("BC-SNV"), Some("BC"));
        assert_eq!(c("2025/NQ-HĐND"), Some("NQ"));
        assert_eq!(c("2026/TT-BNV"), Some("TT"));
        assert_eq!(c("KH/TU"), Some("KH"));
        assert_eq!(c("CTr/ĐU"), Some("CTr"));
        assert_eq!(c("TTr-UBND"), Some("TTr"));
        assert_eq!(c("QyĐ-UBND"), Some("QyĐ"));
        assert_eq!(c("QĐ-UBND"), Some("QĐ"));
        assert_eq!(c("QD-UBND"), Some("QĐ"));
        assert_eq!(c("UBND-VX"), None);
        assert_eq!(c(""), None);
    }

    fn meta(code: Option<&str>, title: &str) -> DocumentMeta {
        DocumentMeta {
            type_code: code.map(Into::into),
            title: Some(title.into()),
            ..Default::default()
        }
    }

    #[test]
    fn plans() {
        assert!(is_plan(&meta(
            Some("KH"),
            "Tổ chức thi tuyển công chức năm 2026"
        )));
        assert!(is_plan(&meta(
            Some("CTr"),
            "Hành động thực hiện Nghị quyết số 12"
        )));
        assert!(is_plan(&meta(Some("PA"), "Ứng phó với bão năm 2026")));
        assert!(is_plan(&meta(
            Some("QĐ"),
            "Về việc ban hành Kế hoạch phòng, chống thiên tai năm 2027"
        )));
        assert!(is_plan(&meta(
            Some("QĐ"),
            "Phê duyệt Phương án phát triển mạng lưới trường học giai đoạn 2026 - 2030"
        )));
        assert!(!is_plan(&meta(
            Some("QĐ"),
            "Ban hành Bộ tiêu chí xã an toàn"
        )));
        assert!(!is_plan(&meta(
            Some("QĐ"),
            "Về việc thành lập Tổ công tác thực hiện Kế hoạch số 12/KH-UBND"
        )));
        assert!(is_plan(&meta(
            Some("ĐA"),
            "Triển khai chuyển đổi số trong ngành y tế"
        )));
        assert!(!is_plan(&meta(Some("ĐA"), "Phát triển du lịch cộng đồng")));
        for code in ["BC", "TTr", "CV", "TB", "TT", "HD", "BB", "GM", "NQ"] {
            assert!(!is_plan(&meta(Some(code), "Kế hoạch năm 2026")), "{code}");
        }
        assert!(!is_plan(&DocumentMeta::default()));
        let appendix = |text: &str, title: &str| DocumentMeta {
            doc_type: Some("PHỤ LỤC I".into()),
            appendix: Some(super::super::Appendix {
                title: Some(title.into()),
                text: text.into(),
                reference: None,
                year: None,
            }),
            ..Default::default()
        };
        assert!(is_plan(&appendix(
            "(Kèm theo Chương trình số 4/CTr-UBND ngày 02/01/2027 của UBND huyện)",
            "DANH MỤC NHIỆM VỤ"
        )));
        assert!(is_plan(&appendix(
            "(Kèm theo Quyết định số 88/QĐ-UBND ngày 02/01/2027)",
            "NHIỆM VỤ THỰC HIỆN KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2027"
        )));
        assert!(!is_plan(&appendix(
            "(Kèm theo Quyết định số 88/QĐ-UBND ngày 02/01/2027)",
            "BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI"
        )));
    }
}
