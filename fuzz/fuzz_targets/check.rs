//! The drift rules and the plan diff on whatever the .docx reader makes of a mutated
//! document.xml (packaged as in `docx_xml`, whose corpus seeds this one): `kehoach check`
//! against the provincial plan 004 at both stages, and `kehoach diff` both ways. A plan
//! compared with itself must come out unchanged. (Against 004, 45 items of 1,587 words,
//! the match limit is out of reach of a 256 KB input: some 20,000,000 word comparisons at
//! most, of 250,000,000.)
#![no_main]

#[path = "common.rs"]
mod common;

use std::sync::OnceLock;

use kehoach_diff::{check, Options, Source, Stage};
use libfuzzer_sys::fuzz_target;

fn parent() -> &'static Source {
    static PARENT: OnceLock<Source> = OnceLock::new();
    PARENT.get_or_init(|| {
        let bytes = include_bytes!("../../fixtures/docx/004_eb12abc5933443e7.A.docx");
        let parsed = kehoach_parse::parse_bytes(bytes, &Default::default()).expect("fixture 004");
        Source::from_parsed("004.docx", parsed)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(parsed) = kehoach_parse::parse_bytes(&common::docx_of_parts(data), &common::limits())
    else {
        return;
    };
    let draft = Source::from_parsed("fuzz.docx", parsed);
    let parents = std::slice::from_ref(parent());
    for stage in [Stage::Draft, Stage::Signed] {
        let opts = Options {
            stage,
            ..Options::default()
        };
        let findings = check(&draft, parents, &opts).expect("within the match limit");
        for f in &findings {
            let _ = std::hint::black_box(f.to_string());
        }
        let _ = std::hint::black_box(serde_json::to_string(&findings));
    }
    let limit = Default::default();
    let _ = std::hint::black_box(kehoach_diff::diff::diff_limited(
        &parent().plan,
        &draft.plan,
        limit,
    ));
    // Past the limit (a table of thousands of rows against itself) the refusal is the answer.
    let Ok(same) = kehoach_diff::diff::diff_limited(&draft.plan, &draft.plan, limit) else {
        return;
    };
    assert!(
        same.entries.iter().all(|e| e.is_same()) && same.meta.is_empty(),
        "a plan differs from itself: {:?}",
        same.entries.iter().find(|e| !e.is_same())
    );
});
