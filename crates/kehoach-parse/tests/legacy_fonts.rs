//! Legacy Vietnamese fonts (TCVN3, VNI) are converted where they are, and only there
//! (issue 14, point 7). Fixtures: `fixtures/legacy/`, made by `tools/make_legacy_fixtures.py`;
//! the expected texts below are written by hand.

use kehoach_parse::model::Block;
use kehoach_parse::{read_document, Limits};

/// Every paragraph of a fixture, cells included, in reading order.
fn texts(name: &str) -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/legacy")
        .join(name);
    let doc = read_document(&std::fs::read(path).unwrap(), &Limits::default()).unwrap();
    let mut out = Vec::new();
    for b in &doc.blocks {
        match b {
            Block::Paragraph(p) => out.push(p.text.clone()),
            Block::Table(t) => {
                for r in &t.rows {
                    for c in &r.cells {
                        out.extend(c.paragraphs.iter().map(|p| p.text.clone()));
                    }
                }
            }
        }
    }
    out
}

fn assert_texts(got: Vec<String>, want: &[&str]) {
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!(g, w);
    }
}

#[test]
fn text_file_without_font_information() {
    assert_texts(
        texts("legacy.txt"),
        &[
            // TCVN3, no font: converted (ư restored where the reader dropped the soft hyphen).
            "Kế hoạch thực hiện chương trình chuyển đổi số tỉnh Hà Tĩnh giai đoạn 2026-2030",
            "Sở Nội vụ chủ trì, phối hợp với các huyện, thị xã tổ chức thực hiện",
            // VNI, no font: converted.
            "Ủy ban nhân dân thành phố Cần Thơ ban hành kế hoạch cải cách hành chính năm 2027",
            // Unicode Vietnamese: kept.
            "Bộ Nội vụ hướng dẫn đánh giá, xếp loại chất lượng cán bộ, công chức cấp xã",
            "Thái Bình, Tiền Giang và Cà Mau hoàn thành trước ngày 30 tháng 6 năm 2028",
            // Other languages: kept, although the document holds TCVN3.
            "A Denominação social e a informação estão disponíveis até março.",
            "L'élève a réussi l'examen à Besançon; Noël à la préfecture.",
            "Allerød Kommune: Søren går på rådhuset i Hillerød.",
            "Die Bürger von Göttingen grüßen die Straßenbahn in München.",
            "El niño está en España; aún no sé qué día será.",
            // Symbols: kept.
            "Nhiệt độ 25 °C ± 2 °C, kích thước 5 µm × 10 µm, ® và © 2026",
            // A TCVN3 name in a Unicode sentence: only the name is converted.
            "Giao ông Lê Văn Hùng, Phó Chủ tịch UBND xã Tả Van chủ trì",
        ],
    );
}

#[test]
fn docx_with_and_without_fonts() {
    assert_texts(
        texts("legacy.docx"),
        &[
            // .VnTimeH (capitals font), .VnTime over two runs.
            "KẾ HOẠCH",
            "Triển khai Đề án phát triển du lịch cộng đồng tỉnh Lào Cai",
            // TCVN3 with no font.
            "Thành lập Tổ công tác liên ngành của phường Bến Nghé",
            // VNI-Times, and VNI with no font.
            "Đẩy mạnh cải cách thủ tục hành chính trên địa bàn tỉnh Quảng Ngãi",
            "Hoàn thiện cơ sở dữ liệu quốc gia về dân cư, đất đai",
            // Unicode in Times New Roman, and Unicode under a kept .VnTime font.
            "Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk",
            "Thái Bình và Cà Mau",
            // Other languages.
            "Denominação social da empresa",
            "Allerød Kommune og Søren Kierkegaards Plads",
            "Schöne Grüße aus Göttingen und München",
            "Où est la préfecture de la région? Déjà fermée.",
            // A TCVN3 name in a Unicode paragraph, in its .VnTime run and with no font.
            "Đồng chí Nguyễn Thị Hương, Giám đốc Sở Tài chính",
            "Đồng chí Trần Văn Bình, Chánh Văn phòng",
            // A table of short TCVN3 cells with no font: decided with the document.
            "STT",
            "Nội dung",
            "Cơ quan chủ trì",
            "1",
            "Rà soát thủ tục",
            "Sở Y tế",
            "2",
            "Số hóa hồ sơ",
            "Văn phòng",
        ],
    );
}

/// A document with no legacy text gets no warning, and its text is untouched.
#[test]
fn foreign_only_document_is_untouched() {
    let text =
        "Denominação social: Allerød ApS\n\n®, ©, 25 °C ± 2, 5 µm × 3\n\nSå går vi på stranden\n";
    let doc = read_document(text.as_bytes(), &Limits::default()).unwrap();
    assert!(
        doc.warnings.iter().all(|w| !w.contains("legacy")),
        "{:?}",
        doc.warnings
    );
    let got: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
    assert_eq!(
        got,
        [
            "Denominação social: Allerød ApS",
            "®, ©, 25 °C ± 2, 5 µm × 3",
            "Så går vi på stranden"
        ]
    );
}

/// HTML: `<font face>` and CSS `font-family` name the encoding; Unicode text under an old
/// font name and other languages stay as they are.
#[test]
fn html_font_names() {
    let html = "<html><head><meta charset=\"utf-8\"></head><body>\
        <p><font face=\".VnTime\">QuyÕt ®Þnh ph\u{00AD}¬ng ¸n</font></p>\
        <p style=\"font-family: 'VNI-Times', serif\">Tænh uûy Ñoàng Thaùp</p>\
        <p style=\"font-family: .VnTime\">Kế hoạch năm 2026 của tỉnh Bình Định</p>\
        <p><font face=\".VnTime\">Ban chØ ®¹o</font> tỉnh Lạng Sơn</p>\
        <p style=\"font-family: Arial, '.VnTime'\">Denominação social, Allerød</p>\
        </body></html>";
    let doc = read_document(html.as_bytes(), &Limits::default()).unwrap();
    let got: Vec<&str> = doc.paragraphs().map(|p| p.text.as_str()).collect();
    assert_eq!(
        got,
        [
            "Quyết định phương án",
            "Tỉnh ủy Đồng Tháp",
            "Kế hoạch năm 2026 của tỉnh Bình Định",
            "Ban chỉ đạo tỉnh Lạng Sơn",
            "Denominação social, Allerød",
        ]
    );
}
