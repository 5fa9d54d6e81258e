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
    let has = |w: &str| contains_words(&k, w);
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

/// Whether `key` contains the words of `phrase` as whole words.
fn contains_words(key: &str, phrase: &str) -> bool {
    let mut start = 0;
    while let Some(i) = key[start..].find(phrase) {
        let at = start + i;
        let end = at + phrase.len();
        let before_ok = at == 0 || key.as_bytes()[at - 1] == b' ';
        let after_ok = end == key.len() || key.as_bytes()[end] == b' ';
        if before_ok && after_ok {
            return true;
        }
        start = at + 1;
    }
    false
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
