//! Vietnamese-aware cleanup of OCR words, conservative: a word is changed only where one
//! reading is certain.
//!
//! 1. NFC, whitespace folded ([`kehoach_text::clean`]).
//! 2. Tone marks placed by one rule (the placement of Nghị định 30/2020's templates, "CỘNG
//!    HÒA", "Thủy lợi"): on the vowel with a hat, breve or horn (the last one: "người",
//!    "thuở"); else, with a final consonant, on the last vowel ("hoàng", "huyện"); else on the
//!    middle of three vowels ("ngoài", "khuỷu") or the first of two ("hòa", "khỏe", "của");
//!    "qu" and "gi" before a vowel are consonants ("quý", "giữa"). The engine's model mixes
//!    both conventions; the text keeps one.
//! 3. Digits: in a number, a date or a symbol's number part ("2O26", "3l/12/2026"), the
//!    letters the engine confuses with digits (O o → 0, l I → 1) when the part is otherwise
//!    digits (one at least, and two in the word: "l0" alone is left).
//! 4. A quarter's numeral after "Quý" misread as l, 1, | or ! ("Quý IIl/2026" → "Quý
//!    III/2026"); an underscore or bar stuck to a word's end is dropped ("2.2_"), and so is a
//!    quote mark stuck to the front of a short numeral ("\"II").
//! 5. Dictionary: a run of two to six words whose diacritic-free key is that of exactly one
//!    phrase of the domain dictionary (bodies and ministries of `plan::citation::issuer`,
//!    departments named like them, document types of `plan::meta::doctype`, the words of
//!    deadlines and table headers below) and that differs from it only in its marks, takes the
//!    phrase's marks ("Uy ban nhăn dân" → "Ủy ban nhân dân"), keeping the word's case.
//!    One-word runs are never changed: "nhan" alone could be nhân, nhận, nhãn…

use std::collections::HashMap;
use std::sync::OnceLock;

use kehoach_text::{ascii_key, match_key};
use unicode_normalization::UnicodeNormalization;

/// Words of deadlines, table headers and plan sections written out (their diacritic-free
/// keys alone are what the rest of the parser holds).
const DOMAIN: &[&str] = &[
    "Thường xuyên",
    "Hằng năm",
    "Hàng năm",
    "Hằng quý",
    "Hằng tháng",
    "Trước ngày",
    "Hoàn thành",
    "Thời gian hoàn thành",
    "Thời gian thực hiện",
    "Cơ quan chủ trì",
    "Đơn vị chủ trì",
    "Cơ quan phối hợp",
    "Đơn vị phối hợp",
    "Chủ trì",
    "Phối hợp",
    "Nội dung công việc",
    "Nội dung nhiệm vụ",
    "Sản phẩm",
    "Ghi chú",
    "Quý I",
    "Quý II",
    "Quý III",
    "Quý IV",
    "Năm",
    "Tháng",
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Ủy ban nhân dân tỉnh",
    "Ủy ban nhân dân huyện",
    "Ủy ban nhân dân xã",
    "Ủy ban nhân dân phường",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Nơi nhận",
    "Tổ chức thực hiện",
    "Mục đích, yêu cầu",
    "Nhiệm vụ, giải pháp",
    "Kinh phí thực hiện",
    "Công an tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh",
    "các cơ quan, đơn vị liên quan",
    "các sở, ban, ngành",
    // Two-word terms of plans' tasks whose marks OCR most often gets wrong (hook for acute:
    // "kiếm tra"); each has one reading.
    "kiểm tra",
    "tổ chức",
    "tìm hiểu",
    "thủ tục hành chính",
    "cải cách hành chính",
    "cải cách thủ tục hành chính",
    "cải cách thể chế",
    "Cổng Dịch vụ công quốc gia",
    "Cổng thông tin điện tử",
    "triển khai",
    "tuyên truyền",
    "hướng dẫn",
    "đánh giá",
    "rà soát",
    "xây dựng",
    "chuyển đổi số",
    "Văn phòng Ủy ban nhân dân",
];

/// One reading per diacritic-free key of two or more words; keys with two readings are
/// dropped (no certain reading).
fn dictionary() -> &'static HashMap<String, Option<Vec<String>>> {
    static D: OnceLock<HashMap<String, Option<Vec<String>>>> = OnceLock::new();
    D.get_or_init(|| {
        use crate::plan::citation::issuer::{MINISTRIES, PARTY_DEPARTMENTS, STATE_BODIES};
        let mut phrases: Vec<String> = Vec::new();
        phrases.extend(STATE_BODIES.iter().map(|(_, n)| n.to_string()));
        phrases.extend(PARTY_DEPARTMENTS.iter().map(|(_, n)| n.to_string()));
        for (_, n) in MINISTRIES {
            phrases.push(n.to_string());
            // A province's department is named as its ministry ("Sở Tài chính").
            if let Some(rest) = n.strip_prefix("Bộ ") {
                phrases.push(format!("Sở {rest}"));
            }
        }
        phrases.extend(
            crate::plan::meta::doctype::DOC_TYPES
                .iter()
                .map(|t| t.name.to_string()),
        );
        phrases.extend(DOMAIN.iter().map(|s| s.to_string()));
        let mut d: HashMap<String, Option<Vec<String>>> = HashMap::new();
        for p in phrases {
            let words: Vec<String> = words_of(&p);
            if words.len() < 2 {
                continue;
            }
            let key = ascii_key(&words.join(" "));
            match d.get_mut(&key) {
                Some(Some(w)) if match_key(&w.join(" ")) != match_key(&words.join(" ")) => {
                    d.insert(key, None);
                }
                Some(_) => {}
                None => {
                    d.insert(key, Some(words));
                }
            }
        }
        d
    })
}

/// The letter words of a phrase (punctuation dropped).
fn words_of(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_vowel(c: char) -> bool {
    matches!(
        c.to_lowercase().next().unwrap_or(c),
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

fn has_hat(c: char) -> bool {
    matches!(
        c.to_lowercase().next().unwrap_or(c),
        'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư'
    )
}

const TONES: [char; 5] = ['\u{0301}', '\u{0300}', '\u{0309}', '\u{0303}', '\u{0323}'];

/// The word with its tone mark on the vowel the rule names (module comment, 2); unchanged
/// when it is not one Vietnamese syllable with one tone mark.
pub fn place_tone(word: &str) -> String {
    // Letters with their vowel marks composed, and the tone mark taken off.
    let mut letters: Vec<char> = Vec::new();
    let mut tone = None;
    for c in word.nfd() {
        if TONES.contains(&c) {
            if tone.is_some() {
                return word.to_string();
            }
            tone = Some(c);
        } else if let Some(last) = letters
            .last_mut()
            .filter(|_| unicode_normalization::char::is_combining_mark(c))
        {
            match unicode_normalization::char::compose(*last, c) {
                Some(k) => *last = k,
                None => return word.to_string(),
            }
        } else {
            if !c.is_alphabetic() {
                return word.to_string();
            }
            letters.push(c);
        }
    }
    let Some(tone) = tone else {
        return word.to_string();
    };
    let lower: Vec<char> = letters
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let mut start = lower
        .iter()
        .position(|&c| is_vowel(c))
        .unwrap_or(lower.len());
    if start >= lower.len() {
        return word.to_string();
    }
    // "qu", "gi" before another vowel: the u and i belong to the consonant.
    if start > 0
        && ((lower[start - 1] == 'q' && lower[start] == 'u')
            || (lower[start - 1] == 'g' && lower[start] == 'i'))
        && lower.get(start + 1).is_some_and(|&c| is_vowel(c))
    {
        start += 1;
    }
    let mut end = start;
    while end < lower.len() && is_vowel(lower[end]) {
        end += 1;
    }
    if lower[end..].iter().any(|&c| is_vowel(c)) || end - start > 3 {
        return word.to_string();
    }
    let run = start..end;
    let target = if let Some(k) = run.clone().rev().find(|&k| has_hat(lower[k])) {
        k
    } else if end < lower.len() {
        end - 1
    } else {
        match run.len() {
            3 => start + 1,
            _ => start,
        }
    };
    let mut out = String::new();
    for (k, &c) in letters.iter().enumerate() {
        out.push(c);
        if k == target {
            out.push(tone);
        }
    }
    out.nfc().collect()
}

/// Letters the engine reads for digits, fixed in a part that is otherwise digits (module
/// comment, 3).
pub fn fix_digits(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut part = String::new();
    let in_word = word.chars().filter(char::is_ascii_digit).count();
    let flush = |part: &mut String, out: &mut String| {
        let digits = part.chars().filter(char::is_ascii_digit).count();
        let confusable = |c: char| matches!(c, 'O' | 'o' | 'l' | 'I');
        if in_word >= 2 && digits >= 1 && part.chars().all(|c| c.is_ascii_digit() || confusable(c))
        {
            out.extend(part.chars().map(|c| match c {
                'O' | 'o' => '0',
                'l' | 'I' => '1',
                c => c,
            }));
        } else {
            out.push_str(part);
        }
        part.clear();
    };
    for c in word.chars() {
        if c.is_alphanumeric() {
            part.push(c);
        } else {
            flush(&mut part, &mut out);
            out.push(c);
        }
    }
    flush(&mut part, &mut out);
    out
}

/// A quarter's Roman numeral as the engine misreads it after "Quý" ("Quý IIl/2026",
/// "Quý!/2027", "Quý |V"): I, l, 1, | and ! are I, a V stays; only for at most four such
/// marks followed by "/", a space or the end (quarters are I to IV). `prev` is the word
/// before; `word` may also start with "Quý" itself.
pub fn fix_quarter(prev: Option<&str>, word: &str) -> String {
    let is_quy = |w: &str| kehoach_text::ascii_key(w) == "quy";
    let (head, rest) = match word.char_indices().find(|(_, c)| matches!(c, '!' | '|')) {
        Some((i, _)) if i > 0 && is_quy(&word[..i]) => (&word[..i], &word[i..]),
        _ if prev.is_some_and(is_quy) => ("", word),
        _ => return word.to_string(),
    };
    let end = rest.find(['/', ',', ';', ')']).unwrap_or(rest.len());
    let numeral = &rest[..end];
    let ok = !numeral.is_empty()
        && numeral.chars().count() <= 4
        && numeral
            .chars()
            .all(|c| matches!(c, 'I' | 'l' | '1' | '|' | '!' | 'V'))
        && numeral.chars().any(|c| c != '1')
        && (end < rest.len() || !head.is_empty() || numeral.chars().any(|c| c != 'l'));
    if !ok {
        return word.to_string();
    }
    let fixed: String = numeral
        .chars()
        .map(|c| if c == 'V' { 'V' } else { 'I' })
        .collect();
    let sep = if head.is_empty() { "" } else { " " };
    format!("{head}{sep}{fixed}{}", &rest[end..])
}

/// Underscores and bars stuck to the end of a word ("2.2_", "tỉnh|"): the engine reads
/// table-rule remains and underlining as them; words that are only such marks stay.
fn trim_marks(w: &str) -> &str {
    let t = w.trim_end_matches(['_', '|']);
    if t.is_empty() {
        w
    } else {
        t
    }
}

/// A quote mark stuck to the front of a short numeral ("\"I", "'2."): a speck the engine
/// read as a quote; a quoted word ("\"Một cửa\"") keeps its quote.
fn trim_speck(w: &str) -> &str {
    let t = w.trim_start_matches(['"', '\'', '“', '”', '‘', '’', '`']);
    let numeral = !t.is_empty()
        && t.chars().count() <= 5
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X' | '.' | ')'));
    if numeral && t.len() < w.len() {
        t
    } else {
        w
    }
}

/// One word cleaned (steps 1–3).
pub fn clean_word(raw: &str) -> String {
    let w = kehoach_text::clean(raw);
    let w = trim_speck(trim_marks(&w));
    let w = w
        .split(' ')
        .map(|p| fix_digits(&place_tone_in(p)))
        .collect::<Vec<_>>()
        .join(" ");
    kehoach_text::clean(&w)
}

/// [`place_tone`] on the letters of a word with punctuation around it ("(hoà),").
fn place_tone_in(w: &str) -> String {
    let s = w.find(|c: char| c.is_alphabetic()).unwrap_or(w.len());
    let e = w
        .rfind(|c: char| c.is_alphabetic())
        .map_or(s, |i| i + w[i..].chars().next().map_or(1, char::len_utf8));
    if s >= e {
        return w.to_string();
    }
    format!("{}{}{}", &w[..s], place_tone(&w[s..e]), &w[e..])
}

/// The dictionary step over a line's words (module comment, 4), and quarters' numerals, in
/// place.
pub fn correct_line(words: &mut [String]) {
    for k in 0..words.len() {
        let fixed = fix_quarter(k.checked_sub(1).map(|p| words[p].as_str()), &words[k]);
        words[k] = fixed;
    }
    let d = dictionary();
    let mut i = 0;
    while i < words.len() {
        let mut advanced = false;
        for n in (2..=6).rev() {
            if i + n > words.len() {
                continue;
            }
            let cores: Vec<(usize, usize)> = words[i..i + n].iter().map(|w| core(w)).collect();
            if cores.iter().any(|&(s, e)| s >= e) {
                continue;
            }
            // Punctuation inside the run only after its last word.
            if words[i..i + n - 1]
                .iter()
                .zip(&cores)
                .any(|(w, &(s, e))| s > 0 || e < w.len())
                || cores[n - 1].0 > 0
            {
                continue;
            }
            let text: Vec<&str> = words[i..i + n]
                .iter()
                .zip(&cores)
                .map(|(w, &(s, e))| &w[s..e])
                .collect();
            let Some(Some(reading)) = d.get(&ascii_key(&text.join(" "))) else {
                continue;
            };
            // Equal but for tone placement or an accepted variant ("hàng năm"): nothing to fix.
            if reading.len() != n || match_key(&reading.join(" ")) == match_key(&text.join(" ")) {
                continue;
            }
            for (k, r) in reading.iter().enumerate() {
                let (s, e) = cores[k];
                let w = &words[i + k];
                let fixed = with_case_of(r, &w[s..e]);
                words[i + k] = format!("{}{}{}", &w[..s], fixed, &w[e..]);
            }
            i += n;
            advanced = true;
            break;
        }
        if !advanced {
            i += 1;
        }
    }
}

/// The dictionary and quarter steps over a paragraph's text (a line wrapped in a cell is one
/// text again here: "Đoàn kiếm / tra"); `None` when nothing changes.
pub fn correct_text(text: &str) -> Option<String> {
    let mut words: Vec<String> = text.split(' ').map(String::from).collect();
    correct_line(&mut words);
    let out = words.join(" ");
    (out != text).then_some(out)
}

/// Byte range of a word's letters and digits.
fn core(w: &str) -> (usize, usize) {
    let s = w.find(|c: char| c.is_alphanumeric()).unwrap_or(w.len());
    let e = w
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(s, |(i, c)| i + c.len_utf8());
    (s, e.max(s))
}

/// `reading` in the case of `like`: all capitals, a capital first, or all small.
fn with_case_of(reading: &str, like: &str) -> String {
    let letters: Vec<char> = like.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        reading.to_uppercase()
    } else if letters.first().is_some_and(|c| c.is_uppercase()) {
        let mut cs = reading.chars();
        cs.next()
            .map_or(String::new(), |f| f.to_uppercase().chain(cs).collect())
    } else {
        reading.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_marks_go_where_the_rule_says() {
        for (raw, want) in [
            ("hoà", "hòa"),
            ("HOÀ", "HÒA"),
            ("thuỷ", "thủy"),
            ("khoẻ", "khỏe"),
            ("hòang", "hoàng"),
            ("huỵên", "huyện"),
            ("quý", "quý"),
            ("giữa", "giữa"),
            ("ngoài", "ngoài"),
            ("ngòai", "ngoài"),
            ("nguời", "nguời"),
            ("ngừơi", "người"),
            ("tuổi", "tuổi"),
            ("của", "của"),
            ("cuả", "của"),
            ("nghĩa", "nghĩa"),
            ("Lào", "Lào"),
            ("Cần", "Cần"),
            ("UBND", "UBND"),
            ("Đăk", "Đăk"),
            ("email", "email"),
        ] {
            assert_eq!(place_tone(raw), want, "{raw}");
        }
    }

    #[test]
    fn digits_fixed_only_in_numbers() {
        assert_eq!(fix_digits("2O26"), "2026");
        assert_eq!(fix_digits("3l/12/2O30"), "31/12/2030");
        assert_eq!(fix_digits("15/KH-UBND"), "15/KH-UBND");
        assert_eq!(fix_digits("IO"), "IO");
        assert_eq!(fix_digits("Quý"), "Quý");
        assert_eq!(fix_digits("l0"), "l0");
    }

    #[test]
    fn dictionary_restores_marks_of_known_phrases_only() {
        let mut w: Vec<String> = "Uy ban nhăn dân tỉnh Hà Tĩnh; Sở Tai chính, Bô Nội vu."
            .split(' ')
            .map(String::from)
            .collect();
        correct_line(&mut w);
        assert_eq!(
            w.join(" "),
            "Ủy ban nhân dân tỉnh Hà Tĩnh; Sở Tài chính, Bộ Nội vụ."
        );
        let mut w: Vec<String> = "THƯƠNG XUYÊN".split(' ').map(String::from).collect();
        correct_line(&mut w);
        assert_eq!(w.join(" "), "THƯỜNG XUYÊN");
        // One word alone is never changed.
        let mut w: Vec<String> = vec!["nhăn".into()];
        correct_line(&mut w);
        assert_eq!(w, ["nhăn"]);
        // "Hàng năm" and "Hằng năm" differ in a mark but both are right: kept as written.
        let mut w: Vec<String> = "hàng năm".split(' ').map(String::from).collect();
        correct_line(&mut w);
        assert_eq!(w.join(" "), "hàng năm");
    }

    #[test]
    fn quarters_and_stuck_marks() {
        assert_eq!(fix_quarter(Some("Quý"), "IIl/2026"), "III/2026");
        assert_eq!(fix_quarter(None, "Quý!/2027"), "Quý I/2027");
        assert_eq!(fix_quarter(Some("quý"), "|V"), "IV");
        assert_eq!(fix_quarter(Some("Quý"), "II/2026"), "II/2026");
        assert_eq!(fix_quarter(Some("Quý"), "1/2026"), "1/2026");
        assert_eq!(fix_quarter(Some("năm"), "l/2026"), "l/2026");
        assert_eq!(fix_quarter(Some("Quý"), "là"), "là");
        assert_eq!(clean_word("2.2_"), "2.2");
        assert_eq!(clean_word("_"), "_");
        assert_eq!(clean_word("\"II"), "II");
        assert_eq!(clean_word("'2."), "2.");
        assert_eq!(clean_word("\"Một"), "\"Một");
        let mut w: Vec<String> = "Trong quý Il năm 2026 KIÊM TRA"
            .split(' ')
            .map(String::from)
            .collect();
        correct_line(&mut w);
        assert_eq!(w.join(" "), "Trong quý II năm 2026 KIỂM TRA");
    }

    #[test]
    fn clean_word_is_nfc() {
        let nfd: String = "Hoà".nfd().collect();
        assert_eq!(clean_word(&nfd), "Hòa");
        assert_eq!(clean_word("(hoà),"), "(hòa),");
    }
}
