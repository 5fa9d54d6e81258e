//! The deadline grammar: any text reads to some kind without panicking, the text kept is the
//! cleaned input, and reading the kept text again gives the same reading.
#![no_main]

use kehoach_parse::plan::deadline::{looks_like_deadline, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let d = parse(&s);
    assert_eq!(d.text, kehoach_text::clean(&s));
    assert_eq!(
        parse(&d.text),
        d,
        "deadline reading changes when re-read: {s:?}"
    );
    let _ = looks_like_deadline(&s);
});
