//! The text normaliser: no panic on any string, `clean` idempotent, `is_clean` never wrong
//! when it says yes, the keys' fast path equal to their general path, keys stable under `clean` (a key of raw text equals the key of its cleaned text).
#![no_main]

use kehoach_text::{ascii_key, clean, clean_lines, is_clean, key_general, match_key, similarity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let c = clean(&s);
    assert_eq!(clean(&c), c, "clean is not idempotent on {s:?}");
    // is_clean may say no to clean text (a combining mark after a space is "maybe" in the
    // NFC quick check), never yes to text clean would change.
    if is_clean(&s) {
        assert_eq!(c, s, "is_clean said yes to text clean changes");
    }
    assert_eq!(
        match_key(&c),
        match_key(&s),
        "match_key changes under clean: {s:?}"
    );
    assert_eq!(
        ascii_key(&c),
        ascii_key(&s),
        "ascii_key changes under clean: {s:?}"
    );
    // The table-driven fast path and the general path agree.
    assert_eq!(
        match_key(&s),
        key_general::match_key(&s),
        "match_key fast path on {s:?}"
    );
    assert_eq!(
        ascii_key(&s),
        key_general::ascii_key(&s),
        "ascii_key fast path on {s:?}"
    );
    let k = match_key(&s);
    assert_eq!(match_key(&k), k, "match_key is not idempotent on {s:?}");
    for line in clean_lines(&s) {
        assert!(!line.is_empty() && clean(&line) == line);
    }
    let sim = similarity(&s, &c);
    assert!((0.0..=1.0).contains(&sim));
});
