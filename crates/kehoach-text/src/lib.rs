//! Vietnamese text normalisation.
//!
//! Two kinds of output, for two jobs:
//!
//! * [`clean`] keeps text *faithful*: it is what we print and store. It is NFC, has its
//!   whitespace folded (non-breaking spaces, tabs, line breaks, zero-width characters, soft
//!   hyphens and byte-order marks become one ASCII space or nothing), and keeps spelling, case
//!   and tone placement exactly as written.
//! * [`match_key`] and [`ascii_key`] are *canonical keys* used only to compare texts: two
//!   strings that a Vietnamese reader would call the same text get the same key.
//!
//! ```
//! use kehoach_text::{clean, match_key, ascii_key};
//! // NFD input (from copy-paste) and a non-breaking space come out as NFC with a plain space.
//! assert_eq!(clean("Ho\u{0301}a\u{00a0}  đơn"), "Hóa đơn");
//! // Old and new tone placement, case, and punctuation variants share one key.
//! assert_eq!(match_key("Đơn giản hoá"), match_key("đơn giản hóa"));
//! assert_eq!(match_key("Sở Lao động-Thương binh"), match_key("sở lao động - thương binh"));
//! // The diacritic-free key is for search typed without accents.
//! assert_eq!(ascii_key("Kiểm soát TTHC"), "kiem soat tthc");
//! ```

mod key;
mod legacy;
mod whitespace;

pub use key::{ascii_key, general as key_general, match_key, similarity};
pub use legacy::{
    convert_legacy, convert_unknown, decode_legacy, decode_legacy_words, detect_legacy,
    encoding_of_font, font_decision, has_latin1_marks, is_vietnamese_syllable, worth_a_look,
    Evidence, LegacyEncoding,
};
pub use whitespace::{clean, clean_lines, is_clean, is_invisible};
