//! Local government since 1 July 2025, read from the words of a text: bodies of the district
//! level, which ended that day, and provinces merged into others (63 provinces became 34).
//!
//! The rule (Luật Tổ chức chính quyền địa phương số 72/2025/QH15; Nghị quyết số
//! 202/2025/QH15): local government has two levels, the province and the commune. So in a
//! plan dated from 1 July 2025:
//! - a body of a district ("huyện", "quận", "thị xã", or a "thành phố" that is not one of the
//!   six centrally-run cities) is stale, whatever its name: "UBND huyện Đại Từ", "Ủy ban nhân
//!   dân thị xã Kỳ Anh", "UBND các huyện", "Chủ tịch UBND quận", "Phòng Tư pháp huyện",
//!   "Phòng Văn hóa và Thông tin thành phố Sông Công", "Huyện ủy", "Công an huyện";
//! - a province that was merged into another is stale as a province: "UBND tỉnh Bắc Giang",
//!   "tỉnh Quảng Nam" (the list and what each became is data: `data/stale.json`,
//!   "provinces");
//! - what is said as history is not: "huyện Đại Từ (cũ)", "nguyên UBND huyện …", "trước
//!   đây là tỉnh Hà Nam".
//!
//! Place names alone ("trên địa bàn huyện", "xã Phú Lương, huyện …" in an address) are not
//! bodies and are not reported; only a body named by its district is.

use std::sync::OnceLock;

use crate::textscan::Word;

/// Match keys (diacritics kept: "quận" is not "quản", "thị" not "thì") of the words that
/// name units and heads.
struct Keys {
    huyen: String,
    quan: String,
    thi: String,
    xa: String,
    thanh: String,
    pho: String,
    phong: String,
    uy: String,
    cu: String,
}

fn keys() -> &'static Keys {
    static K: OnceLock<Keys> = OnceLock::new();
    K.get_or_init(|| {
        let k = kehoach_text::match_key;
        Keys {
            huyen: k("huyện"),
            quan: k("quận"),
            thi: k("thị"),
            xa: k("xã"),
            thanh: k("thành"),
            pho: k("phố"),
            phong: k("phòng"),
            uy: k("ủy"),
            cu: k("cũ"),
        }
    })
}

fn is(ws: &[Word], j: usize, key: &str) -> bool {
    ws.get(j).is_some_and(|w| w.key == key)
}

/// A stale name found in a text: its byte span and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub what: Stale,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stale {
    /// A body of the district level.
    District,
    /// A merged province: index into [`crate::RulesData::provinces`].
    Province(usize),
}

/// Words (ascii keys) that name a district-level unit after a body's head.
fn district_unit(text: &str, ws: &[Word], i: usize, central: &[Vec<String>]) -> Option<usize> {
    // A proper name: capitalised ("Sông Công") or a number ("quận 1").
    let named = |j: usize| {
        ws.get(j).is_some_and(|w| {
            !w.after_punct
                && text[w.start..w.end]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
    };
    let k = |j: usize| ws.get(j).map(|w| w.ascii.as_str());
    // One of the six centrally-run cities named from word `j`: a province, not a district.
    let central_at = |j: usize| {
        central.iter().any(|c| {
            c.iter()
                .enumerate()
                .all(|(o, w)| k(j + o) == Some(w.as_str()))
        })
    };
    let kk = keys();
    if is(ws, i, &kk.huyen) || is(ws, i, &kk.quan) {
        return Some(i + 1);
    }
    if is(ws, i, &kk.thi) && is(ws, i + 1, &kk.xa) {
        return Some(i + 2);
    }
    match k(i)? {
        "thanh" if is(ws, i, &kk.thanh) && is(ws, i + 1, &kk.pho) => {
            // "thành phố" of a province is stale; the six centrally-run cities are not, nor
            // "thành phố" with no name: a city's own plan says "UBND thành phố" of itself
            // ("các huyện, thành phố" is caught by its "huyện").
            let name_at = i + 2;
            (named(name_at) && !central_at(name_at)).then_some(name_at)
        }
        "tp" => {
            let name_at = i + 1;
            let abbreviated = matches!(k(name_at), Some("hcm" | "hn"));
            (named(name_at) && !central_at(name_at) && !abbreviated).then_some(name_at)
        }
        _ => None,
    }
}

/// The end (exclusive word index) of a body's head starting at word `i`, for heads that are
/// followed by the unit: "UBND", "Ủy ban nhân dân", "HĐND", "Hội đồng nhân dân", "Chủ tịch
/// UBND", "Văn phòng HĐND và UBND", "Công an", "Ban Chỉ huy Quân sự", "Trung tâm Y tế",
/// "Phòng <name>" (up to eight words of the name), with "các" allowed before the unit.
fn head(ws: &[Word], i: usize) -> Option<usize> {
    let k = |j: usize| ws.get(j).map(|w| w.ascii.as_str());
    let seq = |j: usize, s: &[&str]| s.iter().enumerate().all(|(o, w)| k(j + o) == Some(*w));
    let mut j = i;
    if seq(j, &["chu", "tich"]) {
        j += 2;
    } else if seq(j, &["pho", "chu", "tich"]) {
        j += 3;
    }
    let end = if k(j) == Some("ubnd") || k(j) == Some("hdnd") {
        j + 1
    } else if seq(j, &["uy", "ban", "nhan", "dan"]) || seq(j, &["hoi", "dong", "nhan", "dan"]) {
        j + 4
    } else if seq(j, &["van", "phong", "hdnd", "va", "ubnd"]) {
        j + 5
    } else if seq(j, &["cong", "an"]) {
        j + 2
    } else if seq(j, &["ban", "chi", "huy", "quan", "su"]) {
        j + 5
    } else if seq(j, &["trung", "tam", "y", "te"]) {
        j + 4
    } else if is(ws, j, &keys().phong) && j == i {
        // "Phòng Tư pháp huyện": the department's name runs to the unit word, within one
        // clause; at most eight words.
        let kk = keys();
        let mut e = j + 1;
        while e < ws.len() && e <= j + 8 && !ws[e].after_punct {
            let w = &ws[e];
            if w.key == kk.huyen
                || w.key == kk.quan
                || (w.key == kk.thi && is(ws, e + 1, &kk.xa))
                || (w.key == kk.thanh && is(ws, e + 1, &kk.pho))
                || w.ascii == "tp"
            {
                return Some(e);
            }
            e += 1;
        }
        return None;
    } else {
        return None;
    };
    Some(if k(end) == Some("cac") { end + 1 } else { end })
}

/// Whether the name ending at word `last` is said as history: "(cũ)", "cũ" right after it,
/// or "nguyên", "trước đây", "trước sắp xếp" shortly before it.
fn as_history(ws: &[Word], first: usize, last: usize) -> bool {
    if is(ws, last + 1, &keys().cu) {
        return true;
    }
    let from = first.saturating_sub(4);
    let before: Vec<&str> = ws[from..first].iter().map(|w| w.ascii.as_str()).collect();
    before.contains(&"nguyen")
        || before
            .windows(2)
            .any(|p| p == ["truoc", "day"] || p == ["truoc", "sap"])
}

/// The end word (inclusive) of a unit's proper name starting at `i`: capitalised words
/// ("Đại Từ", "Sông Công", "Kỳ Anh") or a number ("quận 1"), within the clause.
fn name_end(text: &str, ws: &[Word], i: usize) -> usize {
    let mut e = i;
    let mut j = i;
    while j < ws.len() && j < i + 4 && (j == i || !ws[j].after_punct) {
        let w = &text[ws[j].start..ws[j].end];
        let cap = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !cap {
            break;
        }
        e = j;
        j += 1;
    }
    e
}

/// District-level bodies and merged provinces named in `text` (words `ws`).
pub fn stale_names(text: &str, ws: &[Word], data: &crate::RulesData) -> Vec<Found> {
    let central: Vec<Vec<String>> = data
        .central_cities
        .iter()
        .map(|c| {
            crate::textscan::words(c)
                .into_iter()
                .map(|w| w.ascii)
                .collect()
        })
        .collect();
    let provinces: Vec<Vec<String>> = data
        .provinces
        .iter()
        .map(|p| {
            crate::textscan::words(&p.name)
                .into_iter()
                .map(|w| w.ascii)
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let a = ws[i].ascii.as_str();
        // "Huyện ủy", "Quận ủy", "Thị ủy": the Party committee of a district.
        let kk = keys();
        let uy_next = ws
            .get(i + 1)
            .is_some_and(|w| w.key == kk.uy && !w.after_punct);
        let party = (is(ws, i, &kk.huyen) || is(ws, i, &kk.quan) || is(ws, i, &kk.thi)) && uy_next;
        if party && !as_history(ws, i, i + 1) {
            out.push(Found {
                start: ws[i].start,
                end: ws[i + 1].end,
                what: Stale::District,
            });
            i += 2;
            continue;
        }
        if let Some(h) = head(ws, i) {
            if h < ws.len() && !ws[h].after_punct {
                if let Some(name_at) = district_unit(text, ws, h, &central) {
                    let last = if name_at < ws.len() && !ws[name_at].after_punct {
                        name_end(text, ws, name_at).max(name_at - 1)
                    } else {
                        name_at - 1
                    };
                    // "UBND các huyện, thành phố": the unit word alone is the end.
                    let last = last.min(ws.len() - 1);
                    if !as_history(ws, i, last) {
                        out.push(Found {
                            start: ws[i].start,
                            end: ws[last].end,
                            what: Stale::District,
                        });
                    }
                    i = last + 1;
                    continue;
                }
            }
        }
        // "tỉnh Bắc Giang": a merged province.
        if a == "tinh" {
            for (pi, p) in provinces.iter().enumerate() {
                let n = p.len();
                let fits = n > 0
                    && (0..n).all(|o| {
                        ws.get(i + 1 + o)
                            .is_some_and(|w| w.ascii == p[o] && !w.after_punct)
                    });
                if fits && !as_history(ws, i, i + n) {
                    out.push(Found {
                        start: ws[i].start,
                        end: ws[i + n].end,
                        what: Stale::Province(pi),
                    });
                    i += n;
                    break;
                }
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::textscan::words;

    fn found(text: &str) -> Vec<String> {
        let data = crate::RulesData::builtin();
        let ws = words(text);
        stale_names(text, &ws, &data)
            .into_iter()
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn district_bodies_by_their_head_and_unit() {
        for (text, want) in [
            ("Giao UBND huyện Đại Từ chủ trì", vec!["UBND huyện Đại Từ"]),
            (
                "Ủy ban nhân dân thị xã Kỳ Anh",
                vec!["Ủy ban nhân dân thị xã Kỳ Anh"],
            ),
            ("UBND các huyện, thành phố", vec!["UBND các huyện"]),
            ("Chủ tịch UBND quận 1", vec!["Chủ tịch UBND quận 1"]),
            ("Phòng Tư pháp huyện", vec!["Phòng Tư pháp huyện"]),
            (
                "Phòng Văn hóa và Thông tin thành phố Sông Công",
                vec!["Phòng Văn hóa và Thông tin thành phố Sông Công"],
            ),
            ("Huyện ủy, UBND xã", vec!["Huyện ủy"]),
            ("Công an huyện Bảo Thắng", vec!["Công an huyện Bảo Thắng"]),
            (
                "HĐND và UBND thị xã Hương Trà",
                vec!["UBND thị xã Hương Trà"],
            ),
            (
                "Trung tâm Y tế huyện Vũ Quang",
                vec!["Trung tâm Y tế huyện Vũ Quang"],
            ),
            // Centrally-run cities and the communes are the two levels that stay.
            ("UBND thành phố Cần Thơ", vec![]),
            // A city's own plan names itself "thành phố" without a name.
            (
                "Ủy ban nhân dân thành phố ban hành; Hội đồng nhân dân thành phố về",
                vec![],
            ),
            ("UBND Thành phố Hồ Chí Minh; UBND TP. Hà Nội", vec![]),
            ("UBND xã Phú Lương; UBND phường Phan Đình Phùng", vec![]),
            ("Phòng Văn hóa - Xã hội xã Cẩm Xuyên", vec![]),
            // Places and history are not bodies.
            ("trên địa bàn huyện Đại Từ", vec![]),
            ("UBND huyện Đại Từ (cũ)", vec![]),
            ("nguyên Chủ tịch UBND huyện Can Lộc", vec![]),
            ("Công an tỉnh; Công an xã", vec![]),
            // "Quản" is not "quận", "thì" not "thị".
            ("Phòng Quản lý khoa học", vec![]),
            (
                "Phòng Quản lý đô thị thị xã Sa Pa",
                vec!["Phòng Quản lý đô thị thị xã Sa Pa"],
            ),
            ("UBND tỉnh thì xã phải báo cáo", vec![]),
        ] {
            assert_eq!(found(text), want, "{text}");
        }
    }

    #[test]
    fn merged_provinces_named_as_provinces() {
        for (text, want) in [
            ("UBND tỉnh Bắc Giang", vec!["tỉnh Bắc Giang"]),
            (
                "Sở Tư pháp tỉnh Bà Rịa - Vũng Tàu",
                vec!["tỉnh Bà Rịa - Vũng Tàu"],
            ),
            ("UBND TỈNH QUẢNG NAM", vec!["TỈNH QUẢNG NAM"]),
            ("tỉnh Hòa Bình", vec!["tỉnh Hòa Bình"]),
            // Provinces that continue, and history.
            ("UBND tỉnh Thái Nguyên; tỉnh Hà Tĩnh; tỉnh Lào Cai", vec![]),
            ("tỉnh Bắc Kạn (cũ)", vec![]),
            ("trước đây là tỉnh Hà Nam", vec![]),
            ("góp phần giữ vững hòa bình", vec![]),
        ] {
            assert_eq!(found(text), want, "{text}");
        }
    }
}
