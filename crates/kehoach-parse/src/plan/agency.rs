//! Responsible-agency cells → one entry per agency.
//!
//! A cell lists agencies one per paragraph, usually with a leading "- ". Separators inside
//! a name are kept: "Tôn giáo, tín ngưỡng" and "Bộ phận …; Các phòng …" as written stay one
//! entry, because only the author's line structure says where an agency ends. Two cases need
//! more care:
//! * a line that does not start with a bullet, in a cell whose entries do, continues the entry
//!   above (a name wrapped by a page or a narrow column: "- Các ngành: Công an, Quân đội, Bảo"
//!   + "hiểm xã hội");
//! * converted text flattens a list into one line, "- Công an tỉnh - UBND cấp xã"; such a line
//!   is split before " - " when a new name follows (a capitalised word or a known acronym
//!   such as UBND), but not before an unknown abbreviation ("Phòng Hỗ trợ - HCTP").

/// Acronyms that begin an agency name.
const ACRONYMS: &[&str] = &[
    "UBND", "HĐND", "MTTQ", "UBMTTQ", "BHXH", "BCH", "VP", "TAND", "VKSND", "CA",
];

const BULLETS: &[char] = &['-', '–', '—', '+', '•', '*', '·'];

fn bullet_rest(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let first = t.chars().next()?;
    if BULLETS.contains(&first) {
        let rest = &t[first.len_utf8()..];
        // "-Văn phòng" and "- Văn phòng" are bullets; "-1" is not.
        if rest.starts_with(' ') || rest.chars().next().is_some_and(|c| c.is_alphabetic()) {
            return Some(rest.trim_start());
        }
    }
    None
}

fn starts_new_name(s: &str) -> bool {
    let word: String = s.chars().take_while(|c| c.is_alphanumeric()).collect();
    if word.is_empty() {
        return false;
    }
    if ACRONYMS.contains(&word.as_str()) {
        return true;
    }
    let mut cs = word.chars();
    let first = cs.next().unwrap_or(' ');
    first.is_uppercase() && cs.next().is_some_and(|c| c.is_lowercase())
}

/// Splits a flattened bullet list "A - B - C" at the separators that start a new name.
fn split_inline(rest: &str) -> Vec<String> {
    if !rest.contains('-') {
        // No separator at all (most cells): a character search, no substring searcher.
        return vec![rest.to_string()];
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut parts = rest.split(" - ").peekable();
    while let Some(p) = parts.next() {
        if cur.is_empty() {
            cur.push_str(p);
        } else if starts_new_name(p) {
            out.push(std::mem::take(&mut cur));
            cur.push_str(p);
        } else {
            cur.push_str(" - ");
            cur.push_str(p);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn tidy(s: &str) -> String {
    let cleaned = kehoach_text::clean(s);
    let t = cleaned.trim_end_matches([';', ',']).trim();
    if t.len() == cleaned.len() {
        cleaned
    } else {
        t.to_string()
    }
}

/// Splits the lines of an agency cell into agencies.
///
/// ```
/// use kehoach_parse::plan::agency::split;
/// let lines = vec!["- Văn phòng UBND tỉnh;".to_string(), "- Sở Tư pháp".to_string()];
/// assert_eq!(split(&lines), ["Văn phòng UBND tỉnh", "Sở Tư pháp"]);
/// assert_eq!(split(&["Tôn giáo, tín ngưỡng; Văn phòng".to_string()]), ["Tôn giáo, tín ngưỡng; Văn phòng"]);
/// ```
pub fn split(lines: &[String]) -> Vec<String> {
    let any_bullet = lines.iter().any(|l| bullet_rest(l).is_some());
    let mut out: Vec<String> = Vec::new();
    let mut seen_bullet = false;
    for line in lines.iter().flat_map(|l| l.split('\n')) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match bullet_rest(line) {
            Some(rest) => {
                seen_bullet = true;
                out.extend(split_inline(rest).iter().map(|s| tidy(s)));
            }
            None if any_bullet && seen_bullet => {
                // A wrapped continuation of the entry above.
                if let Some(last) = out.last_mut() {
                    last.push(' ');
                    last.push_str(line);
                    *last = tidy(last);
                }
            }
            None => out.push(tidy(line)),
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn cells() {
        assert_eq!(split(&v(&["Văn phòng"])), ["Văn phòng"]);
        assert_eq!(
            split(&v(&["- Các sở, ban, ngành", "- UBND cấp huyện"])),
            ["Các sở, ban, ngành", "UBND cấp huyện"]
        );
        assert_eq!(
            split(&v(&[
                "- Các ngành: Công an, Quân đội, Bảo",
                "hiểm xã hội",
                "- UBND cấp xã"
            ])),
            [
                "Các ngành: Công an, Quân đội, Bảo hiểm xã hội",
                "UBND cấp xã"
            ]
        );
        assert_eq!(
            split(&v(&[
                "- Công an tỉnh - Sở Lao động - Thương binh và Xã hội - UBND cấp xã"
            ])),
            [
                "Công an tỉnh",
                "Sở Lao động",
                "Thương binh và Xã hội",
                "UBND cấp xã"
            ]
        );
        assert_eq!(
            split(&v(&["- Phòng Hỗ trợ - HCTP - Văn phòng Sở"])),
            ["Phòng Hỗ trợ - HCTP", "Văn phòng Sở"]
        );
        assert_eq!(
            split(&v(&["Sở Lao động - Thương binh và Xã hội"])),
            ["Sở Lao động - Thương binh và Xã hội"]
        );
        assert_eq!(split(&v(&["", "  "])), Vec::<String>::new());
    }
}
