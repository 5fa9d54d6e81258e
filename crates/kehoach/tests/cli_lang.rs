//! The language of what the CLI says: Vietnamese by default, English with `--lang en`,
//! `KEHOACH_LANG=en` or an English locale; codes and JSON keys the same in both.

mod support;

use support::{json, kehoach_env, stdout};

const DRAFT: &str = "fixtures/docx/003_e474f24c970af6a5.A.docx";
const PARENT: &str = "fixtures/docx/004_eb12abc5933443e7.A.docx";

#[test]
fn check_speaks_vietnamese_by_default() {
    let o = kehoach_env(&["check", DRAFT], &[]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    // The wrong year of item 1.2, as a Vietnamese reviewer writes it, with its place.
    assert!(
        out.contains("lỗi[KH102]: Năm kế hoạch là 2026 nhưng nhiệm vụ xây dựng kế hoạch năm 2025"),
        "{out}"
    );
    assert!(
        out.contains("STT 1.2, cột nội dung (bảng 2, dòng 4)"),
        "{out}"
    );
    assert!(
        out.contains("= gợi ý: \"năm 2025\" → \"năm 2026\""),
        "{out}"
    );
    assert!(
        out.contains("= quy tắc: Năm ghi trong nhiệm vụ (KH102)"),
        "{out}"
    );
    assert!(out.contains("Đã kiểm tra: "), "{out}");
    assert!(out.contains("(giai đoạn dự thảo): 1 lỗi, "), "{out}");
    assert!(!out.contains("error["), "{out}");
}

#[test]
fn english_on_request_by_flag_variable_or_locale() {
    for (args, env) in [
        (vec!["check", "--lang", "en", DRAFT], vec![]),
        (vec!["check", DRAFT], vec![("KEHOACH_LANG", "en")]),
        (vec!["check", DRAFT], vec![("LANG", "en_US.UTF-8")]),
        (
            vec!["--lang", "en", "check", DRAFT],
            vec![("LANG", "vi_VN.UTF-8")],
        ),
    ] {
        let o = kehoach_env(&args, &env);
        let out = stdout(&o);
        assert!(
            out.contains("error[KH102]: draws up a plan for year 2025 in a plan for 2026"),
            "{args:?} {env:?}: {out}"
        );
        assert!(out.contains("(draft stage): 1 error, "), "{out}");
    }
    // The flag wins over the variable, the variable over the locale; "C" is not English.
    for (args, env) in [
        (
            vec!["check", "--lang", "vi", DRAFT],
            vec![("KEHOACH_LANG", "en")],
        ),
        (
            vec!["check", DRAFT],
            vec![("KEHOACH_LANG", "vi"), ("LANG", "en_US.UTF-8")],
        ),
        (vec!["check", DRAFT], vec![("LANG", "C.UTF-8")]),
    ] {
        let out = stdout(&kehoach_env(&args, &env));
        assert!(out.contains("lỗi[KH102]"), "{args:?} {env:?}: {out}");
    }
}

#[test]
fn json_keeps_codes_and_keys_and_gives_the_message_in_the_language() {
    let vi = json(&kehoach_env(
        &["check", "--format", "json", DRAFT, "--against", PARENT],
        &[],
    ));
    let en = json(&kehoach_env(
        &[
            "check",
            "--format",
            "json",
            "--lang",
            "en",
            DRAFT,
            "--against",
            PARENT,
        ],
        &[],
    ));
    assert_eq!(vi["lang"], "vi");
    assert_eq!(en["lang"], "en");
    let (fv, fe) = (
        vi["findings"].as_array().unwrap(),
        en["findings"].as_array().unwrap(),
    );
    assert_eq!(fv.len(), fe.len());
    assert!(!fv.is_empty());
    for (a, b) in fv.iter().zip(fe) {
        // Same code, name, severity, location, message id; the words differ.
        for k in [
            "code",
            "name",
            "severity",
            "location",
            "message_id",
            "text",
            "fix",
        ] {
            assert_eq!(a[k], b[k], "{k}");
        }
        assert_ne!(a["message"], b["message"]);
    }
    let kh102 = fv.iter().find(|f| f["code"] == "KH102").unwrap();
    assert_eq!(kh102["message_id"], "kh102-plan-for-other-year");
    assert_eq!(
        kh102["message"],
        "Năm kế hoạch là 2026 nhưng nhiệm vụ xây dựng kế hoạch năm 2025"
    );
    // A certain fix travels with the finding: the words as written and what replaces them.
    assert_eq!(
        kh102["fix"],
        serde_json::json!({"find": "năm 2025", "replace": "năm 2026"})
    );
}

#[test]
fn rules_list_and_explain_in_vietnamese() {
    let out = stdout(&kehoach_env(&["rules"], &[]));
    let first = out.lines().next().unwrap();
    assert_eq!(
        first.split_whitespace().collect::<Vec<_>>(),
        ["mã", "tên", "mức", "độ", "tóm", "tắt"]
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("KH301  Cơ quan không còn tồn tại")),
        "{out}"
    );
    assert!(out.contains("`kehoach rules MÃ` giải thích một quy tắc."));
    let out = stdout(&kehoach_env(&["rules", "KH301"], &[]));
    assert!(
        out.starts_with("KH301 Cơ quan không còn tồn tại (tên: stale-body; mức độ: lỗi)"),
        "{out}"
    );
    // An unknown rule, said in Vietnamese.
    let o = kehoach_env(&["rules", "KH999"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("không có quy tắc \"KH999\""));
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let o = kehoach_env(&["--lang", "fr", "rules"], &[]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn help_in_vietnamese_by_default_and_english_on_request() {
    let out = stdout(&kehoach_env(&["check", "--help"], &[]));
    assert!(out.contains("Cách dùng: kehoach check"), "{out}");
    assert!(
        out.contains("Kế hoạch cấp trên mà dự thảo triển khai"),
        "{out}"
    );
    assert!(out.contains("Giới hạn (cho mỗi văn bản):"), "{out}");
    assert!(out.contains("[mặc định: 60]"), "{out}");
    let out = stdout(&kehoach_env(&["--lang", "en", "check", "--help"], &[]));
    assert!(out.contains("Usage: kehoach check"), "{out}");
    assert!(out.contains("A parent plan the draft implements"), "{out}");
    let out = stdout(&kehoach_env(
        &["check", "--help"],
        &[("LANG", "en_GB.UTF-8")],
    ));
    assert!(out.contains("Usage: kehoach check"), "{out}");
    // `kehoach help CMD` as well.
    let out = stdout(&kehoach_env(&["help", "import"], &[]));
    assert!(out.contains("Các tệp và thư mục cần nhập"), "{out}");
}

#[test]
fn reading_errors_in_vietnamese() {
    let o = kehoach_env(&["check", "--max-cells", "20", DRAFT], &[]);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(e.starts_with("lỗi: "), "{e}");
    assert!(e.contains(": vượt giới hạn: "), "{e}");
    assert!(e.contains("có thể nâng bằng --max-cells"), "{e}");
    let o = kehoach_env(
        &["parse", "fixtures/scans/scan-2-pages.pdf", "--ocr", "never"],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(e.contains("bản quét, không có lớp chữ trên 2 trang"), "{e}");
    let o = kehoach_env(&["parse", "no/such/file.docx"], &[]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("không đọc được tệp"));
}
