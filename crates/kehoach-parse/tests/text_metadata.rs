//! The seed texts give the same metadata as the issued .docx of the same plan: number, place,
//! date, title, plan year and signer (the converted text lost some header blocks, so the
//! issuer is checked only where the seed has it).

mod common;

use common::*;

#[test]
fn seed_metadata_equals_docx() {
    // The plan year and signer each document states (its title's "năm …" and the name under
    // the signature; 000 really spells it "Đình").
    for (key, year, signer) in [
        ("000_bac8a76d1f608aa3", 2026, "Đình Hồng Kiên"),
        ("001_6353f7d068eb39a6", 2026, "Đinh Hồng Kiên"),
        ("002_ee099550d2cd63e2", 2026, "Phan Thanh Nam"),
        ("003_e474f24c970af6a5", 2026, "Vũ Thị Lệ Hằng"),
        ("004_eb12abc5933443e7", 2024, "Lê Quang Tiến"),
    ] {
        let text = record(&fixture(&format!("text/{key}.txt")));
        let docx = record(&fixture(&format!("docx/{key}.A.docx")));
        let (t, d) = (&text.document, &docx.document);
        assert_eq!(text.source.format, "text");
        assert_eq!(t.number, d.number, "{key} number");
        assert_eq!(t.place, d.place, "{key} place");
        assert_eq!(t.date, d.date, "{key} date");
        assert_eq!(t.title, d.title, "{key} title");
        assert_eq!(t.plan_year, d.plan_year, "{key} plan year");
        assert_eq!(t.signer, d.signer, "{key} signer");
        assert_eq!(t.plan_year, Some(year), "{key}");
        assert_eq!(
            t.signer.as_ref().and_then(|s| s.name.as_deref()),
            Some(signer),
            "{key}"
        );
    }
    // 004's seed keeps its header block, wrapped over two lines.
    let t = record(&fixture("text/004_eb12abc5933443e7.txt"));
    assert_eq!(
        t.document.issuer.as_deref(),
        Some("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN")
    );
}

/// A seed saved as UTF-16 (with a byte-order mark) reads like the UTF-8 one.
#[test]
fn utf16_text_reads_like_utf8() {
    let a = record(&fixture("text/003_e474f24c970af6a5.txt"));
    let b = record(&fixture("text/003_e474f24c970af6a5.utf16.txt"));
    assert_eq!(b.source.format, "text");
    assert_eq!(a.items, b.items);
    assert_eq!(a.document, b.document);
}
