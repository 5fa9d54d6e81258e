//! Bytes → text for the text and HTML readers.
//!
//! Order of evidence: a byte-order mark; then the encoding the document declares (HTML
//! `<meta charset>`), unless the bytes are plainly UTF-8; then the bytes themselves: valid
//! UTF-8 is UTF-8, anything else is windows-1258 (Word's Vietnamese code page). A file that is
//! mostly UTF-8 with a few stray legacy bytes (text pasted together from two sources) is read
//! as UTF-8 with only the stray bytes read as windows-1258. windows-1258 writes tones as
//! combining marks; [`kehoach_text::clean`] composes them (NFC) later.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1258};

use crate::error::{ParseError, Result};

/// Decoded text and what was noticed on the way.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Decodes `bytes`. `declared` is the encoding the document names for itself, if any.
pub(crate) fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Decoded {
    let mut warnings = Vec::new();
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            warnings.push(format!(
                "the text has bytes that are not valid {}; they were replaced",
                enc.name()
            ));
        }
        return Decoded {
            text: text.into_owned(),
            warnings,
        };
    }
    // A page cannot really be UTF-16 without a BOM if its declaration was readable as ASCII.
    let declared = declared.map(|e| {
        if e == UTF_16LE || e == UTF_16BE {
            UTF_8
        } else {
            e
        }
    });
    let utf8 = std::str::from_utf8(bytes).ok();
    match (declared, utf8) {
        (Some(enc), Some(s)) if enc != UTF_8 => {
            if s.is_ascii() {
                // ASCII reads the same in every code page we accept.
                let (text, _) = enc.decode_without_bom_handling(bytes);
                return Decoded {
                    text: text.into_owned(),
                    warnings,
                };
            }
            warnings.push(format!(
                "the page declares the encoding {} but its bytes are UTF-8; read as UTF-8",
                enc.name()
            ));
            Decoded {
                text: s.to_owned(),
                warnings,
            }
        }
        (Some(enc), None) if enc != UTF_8 => {
            let (text, had_errors) = enc.decode_without_bom_handling(bytes);
            if had_errors {
                warnings.push(format!(
                    "the text has bytes that are not valid {}; they were replaced",
                    enc.name()
                ));
            }
            Decoded {
                text: text.into_owned(),
                warnings,
            }
        }
        (_, Some(s)) => Decoded {
            text: s.to_owned(),
            warnings,
        },
        (_, None) => {
            let (multibyte, invalid) = utf8_evidence(bytes);
            if multibyte > 0 && multibyte >= invalid {
                warnings.push(format!(
                    "the text mixes encodings: {invalid} byte sequence(s) that are not UTF-8 were read as windows-1258"
                ));
                Decoded {
                    text: utf8_with_fallback(bytes),
                    warnings,
                }
            } else {
                let what = if declared == Some(UTF_8) {
                    "is declared UTF-8 but is not"
                } else {
                    "is not UTF-8"
                };
                warnings.push(format!("the text {what}; read as windows-1258"));
                let (text, _) = WINDOWS_1258.decode_without_bom_handling(bytes);
                Decoded {
                    text: text.into_owned(),
                    warnings,
                }
            }
        }
    }
}

/// Counts valid multi-byte UTF-8 characters and invalid sequences.
fn utf8_evidence(mut bytes: &[u8]) -> (usize, usize) {
    let (mut multibyte, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                multibyte += s.chars().filter(|c| c.len_utf8() > 1).count();
                return (multibyte, invalid);
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                // SAFETY-free: `good` is valid by construction.
                multibyte += std::str::from_utf8(good)
                    .map(|s| s.chars().filter(|c| c.len_utf8() > 1).count())
                    .unwrap_or(0);
                invalid += 1;
                let skip = e.error_len().unwrap_or(rest.len()).max(1);
                bytes = &rest[skip.min(rest.len())..];
            }
        }
    }
}

/// UTF-8, with each invalid sequence read as windows-1258 bytes.
fn utf8_with_fallback(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                let skip = e.error_len().unwrap_or(rest.len()).max(1).min(rest.len());
                let (bad, after) = rest.split_at(skip);
                let (legacy, _) = WINDOWS_1258.decode_without_bom_handling(bad);
                out.push_str(&legacy);
                bytes = after;
            }
        }
    }
}

/// Refuses text that is really binary data: NUL characters, or more than 1% control
/// characters (C0 other than tab, line feed, form feed and carriage return; C1).
pub(crate) fn check_textual(text: &str, what: &str) -> Result<()> {
    let mut total = 0usize;
    let mut ctrl = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return Err(ParseError::Unsupported(format!(
                "binary data, not {what} (it contains NUL characters)"
            )));
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}') {
            ctrl += 1;
        }
    }
    if ctrl * 100 > total {
        return Err(ParseError::Unsupported(format!(
            "binary data, not {what} ({ctrl} control characters in {total})"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_utf8() {
        let d = decode("Kế hoạch".as_bytes(), None);
        assert_eq!(d.text, "Kế hoạch");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn bom_wins() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Sở".as_bytes());
        assert_eq!(decode(&b, Some(WINDOWS_1258)).text, "Sở");
        let (utf16, _, _) = UTF_16LE.encode("Sở");
        let mut b = vec![0xFF, 0xFE];
        for c in "Sở".encode_utf16() {
            b.extend_from_slice(&c.to_le_bytes());
        }
        let _ = utf16;
        assert_eq!(decode(&b, None).text, "Sở");
    }

    #[test]
    fn windows_1258_is_sniffed_and_decomposed() {
        // "Kế hoạch" in windows-1258: ê (0xEA) + combining acute (0xEC), a + dot below (0xF2).
        let b = b"K\xea\xec ho\x61\xf2ch";
        let d = decode(b, None);
        assert_eq!(kehoach_text::clean(&d.text), "Kế hoạch");
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn declared_legacy_but_utf8() {
        let d = decode("Hà Nội".as_bytes(), Some(WINDOWS_1258));
        assert_eq!(d.text, "Hà Nội");
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn mixed_encodings() {
        let mut b = "Kế hoạch năm 2026, ".as_bytes().to_vec();
        b.extend_from_slice(b"\xd0\xf4ng"); // "Đông" with ô from windows-1258
        let d = decode(&b, None);
        assert!(d.text.starts_with("Kế hoạch năm 2026, "));
        assert_eq!(kehoach_text::clean(&d.text), "Kế hoạch năm 2026, Đông");
        assert!(d.warnings[0].contains("mixes"));
    }

    #[test]
    fn binary_is_refused() {
        assert!(check_textual("abc\0def", "text").is_err());
        assert!(check_textual("\u{1}\u{2}\u{3}abc", "text").is_err());
        assert!(check_textual("Kế hoạch\tnăm\r\n", "text").is_ok());
    }
}
