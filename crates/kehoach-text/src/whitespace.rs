//! Faithful cleaning: NFC and folded whitespace.

use unicode_normalization::UnicodeNormalization;

/// Characters that carry no visible content and are dropped outright: zero-width space,
/// zero-width (non-)joiner, word joiner, soft hyphen, byte-order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}' | '\u{FEFF}' | '\u{180E}'
    )
}

/// Characters [`clean`] removes: invisible ones and control characters other than
/// whitespace (NUL, bell, DEL…), which carry no text.
pub(crate) fn is_dropped(c: char) -> bool {
    is_invisible(c) || (c.is_ascii_control() && !is_space(c))
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}')
}

/// NFC, invisible characters removed, every run of whitespace (including line breaks and
/// non-breaking spaces) folded to one ASCII space, trimmed. Spelling and case are untouched.
///
/// ```
/// assert_eq!(kehoach_text::clean("  Kế\thoạch\n\u{200b}năm\u{00a0}2026 "), "Kế hoạch năm 2026");
/// ```
pub fn clean(s: &str) -> String {
    if is_clean(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    // Dropped characters go before NFC: a combining mark after a dropped one must compose
    // with the letter before it now, or a second cleaning would compose it.
    for c in s.chars().filter(|&c| !is_dropped(c)).nfc() {
        if is_space(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Whether [`clean`] would return `s` unchanged: no leading, trailing or doubled space, no
/// other whitespace or invisible character, and NFC (checked with the quick test, which says
/// "yes" for almost all real text). Most text read from documents is already clean, so this
/// one cheap pass saves the normalising one.
pub fn is_clean(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    if plainly_clean(b) {
        return true;
    }
    // Bytes, not chars: printable ASCII (most of any text) is one compare; a multi-byte
    // character is decoded only when its lead byte is met, Vietnamese letters straight
    // from their bytes. The index stays in a register (no slicing in the loop).
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x > b' ' && x < 0x7f {
            i += 1;
        } else if x == b' ' {
            // Not last (checked above); a second space would be folded.
            if b[i + 1] == b' ' {
                return false;
            }
            i += 1;
        } else if x < 0x80 {
            // Control characters and DEL.
            return false;
        } else {
            match clean_char_len(s, i) {
                Some(n) => i += n,
                None => return false,
            }
        }
    }
    true
}

/// A branch-free first pass (the compiler vectorises it): true when every byte is
/// printable ASCII, a single space, a Latin letter of two bytes (lead 0xC2..0xC9, not
/// U+0080..U+00A0 nor the soft hyphen), a Vietnamese letter of Latin Extended Additional
/// (E1 B8..BB) or general punctuation U+2010..U+2027 (dashes, quotes). Anything else
/// (false) goes to the exact scan, which decides.
fn plainly_clean(b: &[u8]) -> bool {
    #[inline(always)]
    fn odd(x: u8, y: u8, z: u8) -> bool {
        let control = (x < 0x20) | (x == 0x7f);
        let double_space = (x == b' ') & (y == b' ');
        let latin1 = (x == 0xc2) & ((y < 0xa1) | (y == 0xad));
        let other_lead = (x >= 0xca) & (x != 0xe1) & (x != 0xe2);
        let extended = (x == 0xe1) & !(0xb8..=0xbb).contains(&y);
        let punctuation = (x == 0xe2) & ((y != 0x80) | !(0x90..=0xa7).contains(&z));
        control | double_space | latin1 | other_lead | extended | punctuation
    }
    let n = b.len();
    let mut bad = false;
    if n >= 2 {
        // Three views shifted by one byte, zipped: no bounds checks, so it vectorises.
        let (x, y, z) = (&b[..n - 2], &b[1..n - 1], &b[2..]);
        bad = x
            .iter()
            .zip(y)
            .zip(z)
            .fold(false, |bad, ((&x, &y), &z)| bad | odd(x, y, z));
    }
    // The last two bytes, with zeros after them.
    match *b {
        [.., x, y] => bad |= odd(x, y, 0) | odd(y, 0, 0),
        [y] => bad |= odd(y, 0, 0),
        [] => {}
    }
    !bad
}

/// The length of the character starting at byte `i` when clean leaves it as it is.
#[inline]
fn clean_char_len(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let x = b[i];
    // Latin-1 and Latin Extended-A/B (U+00A1..U+024F but the soft hyphen U+00AD) are two
    // bytes with lead 0xC2..0xC9; Latin Extended Additional (U+1E00..U+1EFF: "ế", "ạ") is
    // E1 B8..BB. `s` is UTF-8, so the continuation bytes are there.
    if (0xC2..=0xC9).contains(&x) {
        let c = (u32::from(x & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F);
        if (0xA1..=0x24F).contains(&c) && c != 0xAD {
            return Some(2);
        }
    } else if x == 0xE1 && (0xB8..=0xBB).contains(&b[i + 1]) {
        return Some(3);
    }
    other_clean_char_len(s, i)
}

#[inline(never)]
fn other_clean_char_len(s: &str, i: usize) -> Option<usize> {
    let c = s.get(i..)?.chars().next()?;
    if is_invisible(c) || is_space(c) || !nfc_yes(c) {
        return None;
    }
    Some(c.len_utf8())
}

/// Whether a character may stand in NFC text whatever its neighbours. Precomposed Latin
/// letters (all Vietnamese letters among them) answer without a table lookup; anything
/// else asks the NFC quick-check table, and "maybe" counts as no. So does every combining
/// mark (canonical class ≠ 0): whether marks are in canonical order depends on their
/// neighbours ("H\u{317}\u{321}" is not NFC, though each mark alone is "yes"; a PDF
/// fuzz find where a cell's text changed under `clean` once its lines were joined).
fn nfc_yes(c: char) -> bool {
    matches!(c, '\u{00A1}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2010}'..='\u{2027}')
        || (unicode_normalization::char::canonical_combining_class(c) == 0
            && unicode_normalization::is_nfc_quick(std::iter::once(c))
                == unicode_normalization::IsNormalized::Yes)
}

/// Like [`clean`], but keeps line structure: each line is cleaned on its own and empty lines
/// are dropped. Used for cells whose paragraphs matter (one agency per line).
pub fn clean_lines(s: &str) -> Vec<String> {
    s.split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{000B}'])
        .map(clean)
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_table() {
        let cases = [
            ("", ""),
            ("   ", ""),
            ("a\u{00A0}b", "a b"),
            ("a\u{202F}\u{2007}b", "a b"),
            ("\u{FEFF}Kế hoạch", "Kế hoạch"),
            ("đơn\u{00AD}giản", "đơngiản"),
            ("Thu\u{0309} tu\u{0323}c", "Thủ tục"),
            ("line\r\nbreak\tand  tab", "line break and tab"),
            ("zero\u{200B}width", "zerowidth"),
            ("hoá", "hoá"), // tone placement kept as written
            ("a\u{0}b\u{7}c\u{7f}", "abc"),
            // A mark after a dropped character composes with the letter (idempotence).
            ("m\u{0}\u{301}", "\u{1E3F}"),
            ("e\u{200B}\u{301}", "é"),
            // Marks out of canonical order are put in order (classes 202 < 220 < 232).
            (
                "H\u{317}\u{321}\u{315}\u{317}",
                "H\u{321}\u{317}\u{317}\u{315}",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(clean(input), want, "input {input:?}");
        }
        // Each of those marks alone is NFC "yes"; in that order the text is not clean.
        assert!(!is_clean("H\u{317}\u{321}\u{315}\u{317}"));
    }

    #[test]
    fn clean_text_is_recognised() {
        for s in ["", "Kế hoạch năm 2026", "a b", "Thủ tục"] {
            assert!(is_clean(s), "{s:?}");
            assert_eq!(clean(s), s);
        }
        for s in [
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\u{00A0}b",
            "Thu\u{0309}",
            "a\u{200B}",
        ] {
            assert!(!is_clean(s), "{s:?}");
        }
    }

    #[test]
    fn the_first_pass_never_says_clean_wrongly() {
        // Every character alone, between letters, doubled and next to a space: the first
        // pass may say "not sure" (false) but never "clean" when the exact scan disagrees.
        for u in (0u32..0x3000).chain(0xFE00..0xFF10) {
            let Some(c) = char::from_u32(u) else { continue };
            for t in ["{c}", "a{c}b", "{c}{c}", "a {c}", "{c} a", "ế{c}"] {
                let s = t.replace("{c}", &c.to_string());
                // (Leading and trailing spaces are checked before the first pass.)
                let edges = s.starts_with(' ') || s.ends_with(' ');
                if plainly_clean(s.as_bytes()) && !edges {
                    assert!(is_clean(&s) && clean(&s) == s, "{s:?}");
                }
            }
        }
        assert!(plainly_clean("Kế hoạch – “năm 2026”".as_bytes()));
        assert!(!plainly_clean("a  b".as_bytes()));
        assert!(!plainly_clean("a\u{a0}b".as_bytes()));
        assert!(!plainly_clean("a\u{ad}b".as_bytes()));
        assert!(!plainly_clean("a\u{200b}b".as_bytes()));
    }

    #[test]
    fn lines_are_kept_apart() {
        assert_eq!(
            clean_lines("- Văn phòng\n\n - Sở\u{00A0}Tư pháp \r\n"),
            vec!["- Văn phòng", "- Sở Tư pháp"]
        );
    }
}
