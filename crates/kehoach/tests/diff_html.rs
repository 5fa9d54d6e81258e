//! `diff --format html` shows what the text and JSON outputs show: the metadata changes, and
//! with `--all` the unchanged items too.

mod support;

use support::*;

fn diff(extra: &[&str]) -> String {
    let mut args = vec![
        "diff",
        "fixtures/docx/004_eb12abc5933443e7.A.docx",
        "fixtures/docx/003_e474f24c970af6a5.A.docx",
        "--format",
        "html",
    ];
    args.extend_from_slice(extra);
    let o = kehoach_env(&args, &[]);
    assert!(o.status.code().is_some_and(|c| c < 2), "{}", stderr(&o));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn html_lists_metadata_changes_and_with_all_the_unchanged_items() {
    let plain = diff(&[]);
    // 004 (Quyết định 3161/QĐ-UBND) against 003 (a Sở Tư pháp plan): the header differs.
    assert!(plain.contains("<h2>Thông tin văn bản</h2>"), "{plain}");
    assert!(plain.contains("<li><b>"), "{plain}");
    // The summary says 5 unchanged (in Vietnamese, the default): without --all they are not
    // rows, with it they are.
    assert!(plain.contains("5 mục không đổi"), "{plain}");
    assert_eq!(plain.matches("<tr class=\"same\">").count(), 0);
    let all = diff(&["--all"]);
    assert_eq!(all.matches("<tr class=\"same\">").count(), 5, "{all}");
}
