//! Column roles, recognised from header text whatever its wording, case, accents or order.

use serde::{Deserialize, Serialize};

/// What a column of the work-item table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Số thứ tự.
    Stt,
    /// Nội dung công việc / nhiệm vụ.
    Content,
    /// Cơ quan chủ trì.
    Lead,
    /// Cơ quan phối hợp / theo dõi.
    Support,
    /// Thời gian hoàn thành / thời hạn / tiến độ.
    Deadline,
    /// Any other column (sản phẩm, ghi chú, theo dõi đôn đốc …), kept by its header text.
    Extra,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Stt => "stt",
            Role::Content => "content",
            Role::Lead => "lead",
            Role::Support => "support",
            Role::Deadline => "deadline",
            Role::Extra => "extra",
        }
    }
}

/// Classifies one header text. Works on the diacritic-free key, so "Thời gian hoàn thành",
/// "THỜI GIAN HOÀN THÀNH" and "Thoi gian hoan thanh" agree.
pub fn classify(header: &str) -> Option<Role> {
    let k = kehoach_text::ascii_key(header);
    if k.is_empty() {
        return None;
    }
    let words: Vec<&str> = k.split(' ').collect();
    let has = |phrase: &str| contains_words(&words, phrase);
    if k == "stt" || k == "tt" || k == "so tt" || k == "so thu tu" || k.starts_with("stt ") {
        return Some(Role::Stt);
    }
    if has("chu tri") {
        return Some(Role::Lead);
    }
    if has("phoi hop") {
        return Some(Role::Support);
    }
    if has("theo doi") && !has("don doc") {
        return Some(Role::Support);
    }
    if has("thoi gian") || has("thoi han") || has("tien do") || has("hoan thanh") {
        return Some(Role::Deadline);
    }
    if has("noi dung")
        || has("nhiem vu")
        || has("cong viec")
        || has("hoat dong")
        || has("giai phap")
    {
        return Some(Role::Content);
    }
    if has("san pham") || has("ghi chu") || has("don doc") || has("kinh phi") || has("ket qua") {
        return Some(Role::Extra);
    }
    None
}

/// Whether the words of a key contain the words of `phrase` in a row. (Compared word by
/// word: headers are classified for every cell of a table's first rows.)
fn contains_words(words: &[&str], phrase: &str) -> bool {
    let (first, second) = match phrase.split_once(' ') {
        Some((a, b)) => (a, Some(b)),
        None => (phrase, None),
    };
    words.iter().enumerate().any(|(i, w)| {
        *w == first
            && match second {
                None => true,
                Some(rest) => {
                    let n = rest.split(' ').count();
                    words
                        .get(i + 1..i + 1 + n)
                        .is_some_and(|ws| ws.iter().copied().eq(rest.split(' ')))
                }
            }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_wordings() {
        let cases = [
            ("STT", Some(Role::Stt)),
            ("TT", Some(Role::Stt)),
            ("Số TT", Some(Role::Stt)),
            ("Nội dung công việc", Some(Role::Content)),
            ("NHIỆM VỤ", Some(Role::Content)),
            ("Cơ quan, đơn vị chủ trì thực hiện", Some(Role::Lead)),
            ("Cơ quan chủ trì", Some(Role::Lead)),
            ("Cơ quan, đơn vị phối hợp/theo dõi", Some(Role::Support)),
            ("Đơn vị phối hợp", Some(Role::Support)),
            ("Thời gian hoàn thành", Some(Role::Deadline)),
            ("Thời hạn", Some(Role::Deadline)),
            ("Tiến độ thực hiện", Some(Role::Deadline)),
            ("Sản phẩm", Some(Role::Extra)),
            ("Theo dõi, đôn đốc", Some(Role::Extra)),
            ("Ghi chú", Some(Role::Extra)),
            ("Văn phòng", None),
            ("1.1", None),
        ];
        for (h, want) in cases {
            assert_eq!(classify(h), want, "{h}");
        }
    }
}
