use super::*;

/// One expected citation: (text, doc_type, number, ref_year, symbol, date, issuer).
type Want = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<i32>,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

fn got(
    r: &LegalRef,
) -> (
    String,
    String,
    Option<String>,
    Option<i32>,
    Option<String>,
    Option<String>,
    Option<String>,
) {
    (
        r.text.clone(),
        r.doc_type.clone(),
        r.number.clone(),
        r.ref_year,
        r.symbol.clone(),
        r.date.clone(),
        r.issuer.clone(),
    )
}

fn want(
    w: &Want,
) -> (
    String,
    String,
    Option<String>,
    Option<i32>,
    Option<String>,
    Option<String>,
    Option<String>,
) {
    let s = |o: Option<&str>| o.map(str::to_string);
    (
        w.0.to_string(),
        w.1.to_string(),
        s(w.2),
        w.3,
        s(w.4),
        s(w.5),
        s(w.6),
    )
}

/// Basis lines of many bodies, provinces and years, each with the one basis it gives.
const CASES: &[(&str, Want)] = &[
    // Government, Prime Minister (mixed-case symbols).
    ("Căn cứ Chỉ thị số 23/CT-TTg ngày 26/12/2025 của Thủ tướng Chính phủ về tăng cường kỷ luật;",
     ("Chỉ thị số 23/CT-TTg ngày 26/12/2025 của Thủ tướng Chính phủ", "Chỉ thị", Some("23"), None, Some("CT-TTg"), Some("2025-12-26"), Some("Thủ tướng Chính phủ"))),
    ("Căn cứ Quyết định số 282/QĐ-TTg ngày 15/3/2026 phê duyệt Đề án chuyển đổi số tỉnh Lào Cai;",
     ("Quyết định số 282/QĐ-TTg ngày 15/3/2026", "Quyết định", Some("282"), None, Some("QĐ-TTg"), Some("2026-03-15"), Some("Thủ tướng Chính phủ"))),
    ("Thực hiện Công điện số 05/CĐ-TTg ngày 02 tháng 02 năm 2026 của Thủ tướng Chính phủ;",
     ("Công điện số 05/CĐ-TTg ngày 02 tháng 02 năm 2026 của Thủ tướng Chính phủ", "Công điện", Some("05"), None, Some("CĐ-TTg"), Some("2026-02-02"), Some("Thủ tướng Chính phủ"))),
    ("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;",
     ("Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ", "Nghị quyết", Some("76"), None, Some("NQ-CP"), Some("2021-07-15"), Some("Chính phủ"))),
    ("Thực hiện Thông báo số 12/TB-VPCP ngày 10/01/2026 của Văn phòng Chính phủ về kết luận của Phó Thủ tướng;",
     ("Thông báo số 12/TB-VPCP ngày 10/01/2026 của Văn phòng Chính phủ", "Thông báo", Some("12"), None, Some("TB-VPCP"), Some("2026-01-10"), Some("Văn phòng Chính phủ"))),
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
     ("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ", "Nghị định", Some("30"), Some(2020), Some("NĐ-CP"), Some("2020-03-05"), Some("Chính phủ"))),
    ("Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 về thực hiện thủ tục hành chính theo cơ chế một cửa;",
     ("Nghị định số 118/2025/NĐ-CP ngày 09/6/2025", "Nghị định", Some("118"), Some(2025), Some("NĐ-CP"), Some("2025-06-09"), Some("Chính phủ"))),
    ("Căn cứ Nghị định số 24/2026/NĐ-CP, ngày 20 tháng 01 năm 2026 của Chính phủ;",
     ("Nghị định số 24/2026/NĐ-CP, ngày 20 tháng 01 năm 2026 của Chính phủ", "Nghị định", Some("24"), Some(2026), Some("NĐ-CP"), Some("2026-01-20"), Some("Chính phủ"))),
    ("Căn cứ Nghị định 61/2018/NĐ-CP;",
     ("Nghị định 61/2018/NĐ-CP", "Nghị định", Some("61"), Some(2018), Some("NĐ-CP"), None, Some("Chính phủ"))),
    // Ministries.
    ("Căn cứ Thông tư số 01/2023/TT-VPCP ngày 05/4/2023 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ quy định một số nội dung;",
     ("Thông tư số 01/2023/TT-VPCP ngày 05/4/2023 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", "Thông tư", Some("01"), Some(2023), Some("TT-VPCP"), Some("2023-04-05"), Some("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"))),
    ("Căn cứ Thông tư số 13/2025/TT-BNV ngày 30/6/2025 của Bộ trưởng Bộ Nội vụ hướng dẫn chức năng, nhiệm vụ;",
     ("Thông tư số 13/2025/TT-BNV ngày 30/6/2025 của Bộ trưởng Bộ Nội vụ", "Thông tư", Some("13"), Some(2025), Some("TT-BNV"), Some("2025-06-30"), Some("Bộ trưởng Bộ Nội vụ"))),
    ("Căn cứ Thông tư số 22/2024/TT-BTTTT ngày 15/11/2024 của Bộ trưởng Bộ Thông tin và Truyền thông;",
     ("Thông tư số 22/2024/TT-BTTTT ngày 15/11/2024 của Bộ trưởng Bộ Thông tin và Truyền thông", "Thông tư", Some("22"), Some(2024), Some("TT-BTTTT"), Some("2024-11-15"), Some("Bộ trưởng Bộ Thông tin và Truyền thông"))),
    ("Căn cứ Thông tư liên tịch số 14/2015/TTLT-BTC-BNV ngày 10/02/2015 hướng dẫn thực hiện;",
     ("Thông tư liên tịch số 14/2015/TTLT-BTC-BNV ngày 10/02/2015", "Thông tư liên tịch", Some("14"), Some(2015), Some("TTLT-BTC-BNV"), Some("2015-02-10"), Some("Bộ Tài chính, Bộ Nội vụ"))),
    ("Căn cứ Thông tư số 09/2025/TT-BGDĐT ngày 12/5/2025 của Bộ Giáo dục và Đào tạo;",
     ("Thông tư số 09/2025/TT-BGDĐT ngày 12/5/2025 của Bộ Giáo dục và Đào tạo", "Thông tư", Some("09"), Some(2025), Some("TT-BGDĐT"), Some("2025-05-12"), Some("Bộ Giáo dục và Đào tạo"))),
    ("Thực hiện Công văn số 1234/BNV-CCVC ngày 20/3/2026 của Bộ Nội vụ về việc tuyển dụng;",
     ("Công văn số 1234/BNV-CCVC ngày 20/3/2026 của Bộ Nội vụ", "Công văn", Some("1234"), None, Some("BNV-CCVC"), Some("2026-03-20"), Some("Bộ Nội vụ"))),
    ("Thực hiện Văn bản số 456/BTC-NSNN ngày 04/02/2026 hướng dẫn dự toán;",
     ("Văn bản số 456/BTC-NSNN ngày 04/02/2026", "Văn bản", Some("456"), None, Some("BTC-NSNN"), Some("2026-02-04"), Some("Bộ Tài chính"))),
    ("Căn cứ Quyết định số 1500/QĐ-BYT ngày 01/6/2025 của Bộ trưởng Bộ Y tế ban hành Kế hoạch;",
     ("Quyết định số 1500/QĐ-BYT ngày 01/6/2025 của Bộ trưởng Bộ Y tế", "Quyết định", Some("1500"), None, Some("QĐ-BYT"), Some("2025-06-01"), Some("Bộ trưởng Bộ Y tế"))),
    ("Căn cứ Quyết định số 87/QĐ-BLĐTBXH ngày 20/01/2024 của Bộ Lao động - Thương binh và Xã hội;",
     ("Quyết định số 87/QĐ-BLĐTBXH ngày 20/01/2024 của Bộ Lao động - Thương binh và Xã hội", "Quyết định", Some("87"), None, Some("QĐ-BLĐTBXH"), Some("2024-01-20"), Some("Bộ Lao động - Thương binh và Xã hội"))),
    ("Căn cứ Thông tư số 42/2019/TT-BCT ngày 18/12/2019;",
     ("Thông tư số 42/2019/TT-BCT ngày 18/12/2019", "Thông tư", Some("42"), Some(2019), Some("TT-BCT"), Some("2019-12-18"), Some("Bộ Công Thương"))),
    // Provinces, departments.
    ("Căn cứ Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND tỉnh Hà Tĩnh về cải cách hành chính năm 2026;",
     ("Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND tỉnh Hà Tĩnh", "Kế hoạch", Some("15"), None, Some("KH-UBND"), Some("2026-01-20"), Some("UBND tỉnh Hà Tĩnh"))),
    ("Thực hiện Chương trình số 03/CTr-UBND ngày 05/02/2026 của Ủy ban nhân dân thành phố Cần Thơ;",
     ("Chương trình số 03/CTr-UBND ngày 05/02/2026 của Ủy ban nhân dân thành phố Cần Thơ", "Chương trình", Some("03"), None, Some("CTr-UBND"), Some("2026-02-05"), Some("Ủy ban nhân dân thành phố Cần Thơ"))),
    ("Căn cứ Quy định số 02/QyĐ-UBND ngày 10/4/2025 của UBND tỉnh Lào Cai về phân cấp quản lý;",
     ("Quy định số 02/QyĐ-UBND ngày 10/4/2025 của UBND tỉnh Lào Cai", "Quy định", Some("02"), None, Some("QyĐ-UBND"), Some("2025-04-10"), Some("UBND tỉnh Lào Cai"))),
    ("Thực hiện Kế hoạch số 45/KH-SNV ngày 12/02/2026 của Sở Nội vụ tỉnh Nghệ An;",
     ("Kế hoạch số 45/KH-SNV ngày 12/02/2026 của Sở Nội vụ tỉnh Nghệ An", "Kế hoạch", Some("45"), None, Some("KH-SNV"), Some("2026-02-12"), Some("Sở Nội vụ tỉnh Nghệ An"))),
    ("Thực hiện Kế hoạch số 07/KH-SNV ngày 08/01/2026;",
     ("Kế hoạch số 07/KH-SNV ngày 08/01/2026", "Kế hoạch", Some("07"), None, Some("KH-SNV"), Some("2026-01-08"), Some("Sở Nội vụ"))),
    ("Thực hiện Hướng dẫn số 01/HD-BCĐ ngày 03/3/2026 của Ban Chỉ đạo chuyển đổi số tỉnh Quảng Ninh;",
     ("Hướng dẫn số 01/HD-BCĐ ngày 03/3/2026 của Ban Chỉ đạo chuyển đổi số tỉnh Quảng Ninh", "Hướng dẫn", Some("01"), None, Some("HD-BCĐ"), Some("2026-03-03"), Some("Ban Chỉ đạo chuyển đổi số tỉnh Quảng Ninh"))),
    ("Căn cứ Nghị quyết số 25/NQ-HĐND ngày 09/12/2025 của Hội đồng nhân dân tỉnh Đắk Lắk khóa X, kỳ họp thứ 12;",
     ("Nghị quyết số 25/NQ-HĐND ngày 09/12/2025 của Hội đồng nhân dân tỉnh Đắk Lắk khóa X", "Nghị quyết", Some("25"), None, Some("NQ-HĐND"), Some("2025-12-09"), Some("Hội đồng nhân dân tỉnh Đắk Lắk khóa X"))),
    ("Căn cứ Nghị quyết số 12/2024/NQ-HĐND ngày 10/7/2024 quy định mức chi;",
     ("Nghị quyết số 12/2024/NQ-HĐND ngày 10/7/2024", "Nghị quyết", Some("12"), Some(2024), Some("NQ-HĐND"), Some("2024-07-10"), Some("Hội đồng nhân dân"))),
    ("Căn cứ Báo cáo số 210/BC-UBND ngày 30/11/2025 của UBND huyện Mường Khương;",
     ("Báo cáo số 210/BC-UBND ngày 30/11/2025 của UBND huyện Mường Khương", "Báo cáo", Some("210"), None, Some("BC-UBND"), Some("2025-11-30"), Some("UBND huyện Mường Khương"))),
    ("Căn cứ Quyết định số 3161/QĐ-UBND ngày 13 tháng 12 năm 2023 của Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu;",
     ("Quyết định số 3161/QĐ-UBND ngày 13 tháng 12 năm 2023 của Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", "Quyết định", Some("3161"), None, Some("QĐ-UBND"), Some("2023-12-13"), Some("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"))),
    ("Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND TP. Hồ Chí Minh về chuyển đổi số;",
     ("Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND TP. Hồ Chí Minh", "Kế hoạch", Some("12"), None, Some("KH-UBND"), Some("2026-01-10"), Some("UBND TP. Hồ Chí Minh"))),
    ("Thực hiện Kế hoạch số 256-KH/TU, ngày 18/3/2026 của Ban Thường vụ Tỉnh ủy Hưng Yên;",
     ("Kế hoạch số 256-KH/TU, ngày 18/3/2026 của Ban Thường vụ Tỉnh ủy Hưng Yên", "Kế hoạch", Some("256"), None, Some("KH/TU"), Some("2026-03-18"), Some("Ban Thường vụ Tỉnh ủy Hưng Yên"))),
    ("Thực hiện ý kiến chỉ đạo của Chủ tịch UBND tỉnh tại Văn bản số 1234/UBND-KGVX ngày 5/5/2026;",
     ("Văn bản số 1234/UBND-KGVX ngày 5/5/2026", "Văn bản", Some("1234"), None, Some("UBND-KGVX"), Some("2026-05-05"), Some("Ủy ban nhân dân"))),
    ("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;",
     ("Luật Tổ chức chính quyền địa phương số 72/2025/QH15", "Luật", Some("72"), Some(2025), Some("QH15"), None, Some("Quốc hội"))),
    ("Căn cứ Bộ luật Hình sự năm 2015, sửa đổi, bổ sung năm 2017;",
     ("Bộ luật Hình sự năm 2015", "Bộ luật", None, Some(2015), None, None, Some("Quốc hội"))),
    ("Thực hiện Kế hoạch số 88/KH-UBND ngày 14/3/2026 của UBND xã Tân Thành;",
     ("Kế hoạch số 88/KH-UBND ngày 14/3/2026 của UBND xã Tân Thành", "Kế hoạch", Some("88"), None, Some("KH-UBND"), Some("2026-03-14"), Some("UBND xã Tân Thành"))),
    ("Thực hiện Kế hoạch số 21/KH-UBND ngày 02/4/2027 của UBND phường Ninh Kiều về chuyển đổi số;",
     ("Kế hoạch số 21/KH-UBND ngày 02/4/2027 của UBND phường Ninh Kiều", "Kế hoạch", Some("21"), None, Some("KH-UBND"), Some("2027-04-02"), Some("UBND phường Ninh Kiều"))),
    ("Căn cứ Quyết định số 45/2025/QĐ-UBND ngày 30/9/2025 của UBND tỉnh Gia Lai ban hành Quy chế;",
     ("Quyết định số 45/2025/QĐ-UBND ngày 30/9/2025 của UBND tỉnh Gia Lai", "Quyết định", Some("45"), Some(2025), Some("QĐ-UBND"), Some("2025-09-30"), Some("UBND tỉnh Gia Lai"))),
    ("Thực hiện Công văn số 512/UBND-VX ngày 18/02/2026 của UBND tỉnh Hà Tĩnh;",
     ("Công văn số 512/UBND-VX ngày 18/02/2026 của UBND tỉnh Hà Tĩnh", "Công văn", Some("512"), None, Some("UBND-VX"), Some("2026-02-18"), Some("UBND tỉnh Hà Tĩnh"))),
    ("Thực hiện Văn bản số 77/STP-HCTP ngày 06/01/2026 của Sở Tư pháp;",
     ("Văn bản số 77/STP-HCTP ngày 06/01/2026 của Sở Tư pháp", "Văn bản", Some("77"), None, Some("STP-HCTP"), Some("2026-01-06"), Some("Sở Tư pháp"))),
    ("Căn cứ Kế hoạch số 30/KH-SGDĐT ngày 10/9/2028;",
     ("Kế hoạch số 30/KH-SGDĐT ngày 10/9/2028", "Kế hoạch", Some("30"), None, Some("KH-SGDĐT"), Some("2028-09-10"), Some("Sở Giáo dục và Đào tạo"))),
    ("Căn cứ Quyết định số 1009/QĐ-UBND ngày 5-8-2025 của UBND tỉnh An Giang;",
     ("Quyết định số 1009/QĐ-UBND ngày 5-8-2025 của UBND tỉnh An Giang", "Quyết định", Some("1009"), None, Some("QĐ-UBND"), Some("2025-08-05"), Some("UBND tỉnh An Giang"))),
    ("Căn cứ Quyết định số: 99 / QĐ - UBND ngày 01/01/2030 của UBND tỉnh Điện Biên;",
     ("Quyết định số: 99 / QĐ - UBND ngày 01/01/2030 của UBND tỉnh Điện Biên", "Quyết định", Some("99"), None, Some("QĐ-UBND"), Some("2030-01-01"), Some("UBND tỉnh Điện Biên"))),
    ("CĂN CỨ QUYẾT ĐỊNH SỐ 12/QĐ-UBND NGÀY 03/01/2026 CỦA UBND TỈNH SƠN LA;",
     ("QUYẾT ĐỊNH SỐ 12/QĐ-UBND NGÀY 03/01/2026 CỦA UBND TỈNH SƠN LA", "Quyết định", Some("12"), None, Some("QĐ-UBND"), Some("2026-01-03"), Some("UBND TỈNH SƠN LA"))),
    ("CĂN CỨ NGHỊ ĐỊNH SỐ 30/2020/NĐ-CP NGÀY 05/3/2020 CỦA CHÍNH PHỦ VỀ CÔNG TÁC VĂN THƯ;",
     ("NGHỊ ĐỊNH SỐ 30/2020/NĐ-CP NGÀY 05/3/2020 CỦA CHÍNH PHỦ", "Nghị định", Some("30"), Some(2020), Some("NĐ-CP"), Some("2020-03-05"), Some("CHÍNH PHỦ"))),
    ("căn cứ kế hoạch số 5/KH-UBND ngày 7/1/2026 của ủy ban nhân dân xã Hòa An;",
     ("kế hoạch số 5/KH-UBND ngày 7/1/2026 của ủy ban nhân dân xã Hòa An", "Kế hoạch", Some("5"), None, Some("KH-UBND"), Some("2026-01-07"), Some("ủy ban nhân dân xã Hòa An"))),
    ("Thực hiện Thông báo kết luận số 15/TBKL-UBND ngày 20/02/2026 của Chủ tịch UBND tỉnh Cà Mau;",
     ("Thông báo kết luận số 15/TBKL-UBND ngày 20/02/2026 của Chủ tịch UBND tỉnh Cà Mau", "Thông báo kết luận", Some("15"), None, Some("TBKL-UBND"), Some("2026-02-20"), Some("Chủ tịch UBND tỉnh Cà Mau"))),
    ("Căn cứ Tờ trình số 40/TTr-SNV ngày 11/3/2026 của Sở Nội vụ thành phố Hải Phòng;",
     ("Tờ trình số 40/TTr-SNV ngày 11/3/2026 của Sở Nội vụ thành phố Hải Phòng", "Tờ trình", Some("40"), None, Some("TTr-SNV"), Some("2026-03-11"), Some("Sở Nội vụ thành phố Hải Phòng"))),
    ("Căn cứ Đề án số 06/ĐA-UBND ngày 12/6/2025 của UBND tỉnh Thanh Hóa;",
     ("Đề án số 06/ĐA-UBND ngày 12/6/2025 của UBND tỉnh Thanh Hóa", "Đề án", Some("06"), None, Some("ĐA-UBND"), Some("2025-06-12"), Some("UBND tỉnh Thanh Hóa"))),
    ("Căn cứ Quy chế số 01/QC-UBND ngày 02/01/2026 của UBND xã Phong Điền;",
     ("Quy chế số 01/QC-UBND ngày 02/01/2026 của UBND xã Phong Điền", "Quy chế", Some("01"), None, Some("QC-UBND"), Some("2026-01-02"), Some("UBND xã Phong Điền"))),
    ("Căn cứ Quyết định số 17/QĐ-UBND ngày 02/01/2026 của UBND tỉnh (khóa XVII) về giao chỉ tiêu;",
     ("Quyết định số 17/QĐ-UBND ngày 02/01/2026 của UBND tỉnh (khóa XVII)", "Quyết định", Some("17"), None, Some("QĐ-UBND"), Some("2026-01-02"), Some("UBND tỉnh (khóa XVII)"))),
    ("Căn cứ Quyết định số 245/QĐ-UBND của UBND tỉnh Bắc Ninh ngày 14/02/2026 về giao nhiệm vụ;",
     ("Quyết định số 245/QĐ-UBND của UBND tỉnh Bắc Ninh ngày 14/02/2026", "Quyết định", Some("245"), None, Some("QĐ-UBND"), Some("2026-02-14"), Some("UBND tỉnh Bắc Ninh"))),
    ("Căn cứ Kế hoạch số /KH-UBND ngày    /01/2026 của UBND tỉnh Phú Thọ;",
     ("Kế hoạch số /KH-UBND ngày /01/2026 của UBND tỉnh Phú Thọ", "Kế hoạch", None, None, Some("KH-UBND"), None, Some("UBND tỉnh Phú Thọ"))),
    // Party.
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ;",
     ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "Nghị quyết", Some("57"), None, Some("NQ/TW"), Some("2024-12-22"), Some("Bộ Chính trị"))),
    ("Căn cứ Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về một số vấn đề;",
     ("Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII", "Nghị quyết", Some("18"), None, Some("NQ/TW"), Some("2017-10-25"), Some("Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII"))),
    ("Thực hiện Kết luận số 126-KL/TW ngày 14/02/2025 của Bộ Chính trị, Ban Bí thư về một số nội dung;",
     ("Kết luận số 126-KL/TW ngày 14/02/2025 của Bộ Chính trị, Ban Bí thư", "Kết luận", Some("126"), None, Some("KL/TW"), Some("2025-02-14"), Some("Bộ Chính trị, Ban Bí thư"))),
    ("Căn cứ Văn bản hợp nhất số 05/VBHN-VPQH ngày 15/7/2020 của Văn phòng Quốc hội;",
     ("Văn bản hợp nhất số 05/VBHN-VPQH ngày 15/7/2020 của Văn phòng Quốc hội", "Văn bản hợp nhất", Some("05"), None, Some("VBHN-VPQH"), Some("2020-07-15"), Some("Văn phòng Quốc hội"))),
    ("Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị;",
     ("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị", "Chỉ thị", Some("05"), None, Some("CT/TW"), Some("2016-05-15"), Some("Bộ Chính trị"))),
    ("Thực hiện Kết luận số 123-KL/TW ngày 24/01/2025;",
     ("Kết luận số 123-KL/TW ngày 24/01/2025", "Kết luận", Some("123"), None, Some("KL/TW"), Some("2025-01-24"), Some("Ban Chấp hành Trung ương"))),
    ("Thực hiện Kế hoạch số 141-KH/BDVTU ngày 10/3/2026 của Ban Dân vận Tỉnh ủy Lạng Sơn;",
     ("Kế hoạch số 141-KH/BDVTU ngày 10/3/2026 của Ban Dân vận Tỉnh ủy Lạng Sơn", "Kế hoạch", Some("141"), None, Some("KH/BDVTU"), Some("2026-03-10"), Some("Ban Dân vận Tỉnh ủy Lạng Sơn"))),
    ("Thực hiện Chương trình số 02-CTr/TU ngày 18/01/2026 của Ban Chấp hành Đảng bộ tỉnh Tuyên Quang;",
     ("Chương trình số 02-CTr/TU ngày 18/01/2026 của Ban Chấp hành Đảng bộ tỉnh Tuyên Quang", "Chương trình", Some("02"), None, Some("CTr/TU"), Some("2026-01-18"), Some("Ban Chấp hành Đảng bộ tỉnh Tuyên Quang"))),
    ("Căn cứ Quy định số 05-QĐi/TW ngày 28/8/2018 của Ban Bí thư;",
     ("Quy định số 05-QĐi/TW ngày 28/8/2018 của Ban Bí thư", "Quy định", Some("05"), None, Some("QĐi/TW"), Some("2018-08-28"), Some("Ban Bí thư"))),
    ("Thực hiện Hướng dẫn số 12-HD/BTGTW ngày 02/4/2025;",
     ("Hướng dẫn số 12-HD/BTGTW ngày 02/4/2025", "Hướng dẫn", Some("12"), None, Some("HD/BTGTW"), Some("2025-04-02"), Some("Ban Tuyên giáo Trung ương"))),
    ("Thực hiện Nghị quyết số 09-NQ/ĐU ngày 20/7/2026 của Đảng ủy xã Nậm Pồ;",
     ("Nghị quyết số 09-NQ/ĐU ngày 20/7/2026 của Đảng ủy xã Nậm Pồ", "Nghị quyết", Some("09"), None, Some("NQ/ĐU"), Some("2026-07-20"), Some("Đảng ủy xã Nậm Pồ"))),
    ("Thực hiện Kế hoạch số 33-KH/HU ngày 01/02/2024 của Ban Thường vụ Huyện ủy Bảo Thắng;",
     ("Kế hoạch số 33-KH/HU ngày 01/02/2024 của Ban Thường vụ Huyện ủy Bảo Thắng", "Kế hoạch", Some("33"), None, Some("KH/HU"), Some("2024-02-01"), Some("Ban Thường vụ Huyện ủy Bảo Thắng"))),
    ("Căn cứ Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng;",
     ("Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị", "Chỉ thị", Some("35"), None, Some("CT/TW"), Some("2024-06-14"), Some("Bộ Chính trị"))),
    ("Thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW;",
     ("Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị", "Kết luận", Some("01"), None, Some("KL/TW"), Some("2021-05-18"), Some("Bộ Chính trị"))),
    ("Thực hiện Hướng dẫn số 05-HD/UBKTTU ngày 06/3/2026;",
     ("Hướng dẫn số 05-HD/UBKTTU ngày 06/3/2026", "Hướng dẫn", Some("05"), None, Some("HD/UBKTTU"), Some("2026-03-06"), Some("Ủy ban Kiểm tra Tỉnh ủy"))),
    ("Thực hiện Thông tri số 03-TT/TU ngày 02/5/2029 của Ban Thường vụ Tỉnh ủy Cao Bằng;",
     ("Thông tri số 03-TT/TU ngày 02/5/2029 của Ban Thường vụ Tỉnh ủy Cao Bằng", "Thông tri", Some("03"), None, Some("TT/TU"), Some("2029-05-02"), Some("Ban Thường vụ Tỉnh ủy Cao Bằng"))),
    ("Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
     ("Điều lệ Đảng Cộng sản Việt Nam", "Điều lệ", None, None, None, None, None)),
    ("Căn cứ Điều lệ Hội Nông dân Việt Nam khóa VIII năm 2023;",
     ("Điều lệ Hội Nông dân Việt Nam khóa VIII năm 2023", "Điều lệ", None, Some(2023), None, None, None)),
    // Laws, Constitution.
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
     ("Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025", "Luật", None, Some(2025), None, Some("2025-02-19"), Some("Quốc hội"))),
    ("Căn cứ Luật Tổ chức Chính phủ ngày 18/02/2025;",
     ("Luật Tổ chức Chính phủ ngày 18/02/2025", "Luật", None, Some(2025), None, Some("2025-02-18"), Some("Quốc hội"))),
    ("Căn cứ Luật Phòng, chống tham nhũng năm 2018;",
     ("Luật Phòng, chống tham nhũng năm 2018", "Luật", None, Some(2018), None, None, Some("Quốc hội"))),
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;",
     ("Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15", "Luật", Some("64"), Some(2025), Some("QH15"), None, Some("Quốc hội"))),
    ("Căn cứ Luật số 47/2019/QH14 ngày 22/11/2019 sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ;",
     ("Luật số 47/2019/QH14 ngày 22/11/2019", "Luật", Some("47"), Some(2019), Some("QH14"), Some("2019-11-22"), Some("Quốc hội"))),
    ("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013;",
     ("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013", "Hiến pháp", None, Some(2013), None, None, Some("Quốc hội"))),
    ("Căn cứ Hiến pháp năm 2013;",
     ("Hiến pháp năm 2013", "Hiến pháp", None, Some(2013), None, None, Some("Quốc hội"))),
    ("Căn cứ Bộ luật Lao động ngày 20/11/2019;",
     ("Bộ luật Lao động ngày 20/11/2019", "Bộ luật", None, Some(2019), None, Some("2019-11-20"), Some("Quốc hội"))),
    ("Căn cứ Luật Đất đai;",
     ("Luật Đất đai", "Luật", None, None, None, None, Some("Quốc hội"))),
    ("Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng năm 2020;",
     ("Pháp lệnh Ưu đãi người có công với cách mạng năm 2020", "Pháp lệnh", None, Some(2020), None, None, Some("Ủy ban Thường vụ Quốc hội"))),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch ngày 29 tháng 11 năm 2024;",
     ("Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch ngày 29 tháng 11 năm 2024", "Luật", None, Some(2024), None, Some("2024-11-29"), Some("Quốc hội"))),
    ("Căn cứ Nghị quyết số 190/2025/QH15 ngày 19/02/2025 của Quốc hội quy định về xử lý một số vấn đề;",
     ("Nghị quyết số 190/2025/QH15 ngày 19/02/2025 của Quốc hội", "Nghị quyết", Some("190"), Some(2025), Some("QH15"), Some("2025-02-19"), Some("Quốc hội"))),
    ("Căn cứ Nghị quyết số 35/2023/UBTVQH15 ngày 12/7/2023 của Ủy ban Thường vụ Quốc hội;",
     ("Nghị quyết số 35/2023/UBTVQH15 ngày 12/7/2023 của Ủy ban Thường vụ Quốc hội", "Nghị quyết", Some("35"), Some(2023), Some("UBTVQH15"), Some("2023-07-12"), Some("Ủy ban Thường vụ Quốc hội"))),
    // Not a document: kept as text.
    ("Căn cứ chức năng, nhiệm vụ, quyền hạn của Sở Nội vụ tỉnh Quảng Trị;",
     ("Căn cứ chức năng, nhiệm vụ, quyền hạn của Sở Nội vụ tỉnh Quảng Trị", "", None, None, None, None, None)),
    ("Căn cứ tình hình thực tế tại địa phương,",
     ("Căn cứ tình hình thực tế tại địa phương", "", None, None, None, None, None)),
];

#[test]
fn every_field_of_each_basis() {
    let mut full = 0;
    let mut failures = Vec::new();
    for (line, w) in CASES {
        let b = legal_bases([*line]);
        let ok = b.refs.len() == 1 && got(&b.refs[0]) == want(w);
        if ok {
            full += 1;
        } else {
            failures.push(format!(
                "{line}\n   got {:?}\n  want {:?}",
                b.refs.iter().map(got).collect::<Vec<_>>(),
                want(w)
            ));
        }
        // A basis read as text only comes with its warning; a read one with none.
        assert_eq!(
            b.warnings.len(),
            usize::from(w.1.is_empty()),
            "{line}: {:?}",
            b.warnings
        );
    }
    eprintln!("bases read fully: {full} of {}", CASES.len());
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(CASES.len() >= 60);
}

fn refs_of(b: &Bases) -> Vec<String> {
    b.refs
        .iter()
        .map(|r| r.reference().unwrap_or_else(|| r.text.clone()))
        .collect()
}

/// The provincial plan fixture 004: the amending law by its whole name, 61/2018 once (it is
/// also cited inside the descriptions of 107/2021 and 01/2018), the Thông tư's issuer whole.
#[test]
fn bases_of_fixture_004() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/text/004_eb12abc5933443e7.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Căn cứ"))
        .take_while(|l| !l.starts_with("QUYẾT ĐỊNH"))
        .collect();
    let b = legal_bases(lines);
    assert_eq!(
        refs_of(&b),
        [
            "Luật Tổ chức chính quyền địa phương năm 2015",
            "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương năm 2019",
            "20/2008/NĐ-CP",
            "63/2010/NĐ-CP",
            "48/2013/NĐ-CP",
            "92/2017/NĐ-CP",
            "61/2018/NĐ-CP",
            "107/2021/NĐ-CP",
            "45/2020/NĐ-CP",
            "02/2017/TT-VPCP",
            "01/2018/TT-VPCP",
        ]
    );
    assert_eq!(b.refs[1].ref_year, Some(2019));
    for r in &b.refs[9..] {
        assert_eq!(
            r.issuer.as_deref(),
            Some("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ")
        );
    }
    assert!(b.warnings.is_empty(), "{:?}", b.warnings);
}

#[test]
fn several_bases_in_one_paragraph() {
    let b = legal_bases(["Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025; Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính, Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định liên quan; Quyết định số 12/QĐ-UBND và Kế hoạch số 30/KH-UBND của UBND tỉnh Cần Thơ."]);
    assert_eq!(
        refs_of(&b),
        [
            "Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025",
            "Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025",
            "63/2010/NĐ-CP",
            "92/2017/NĐ-CP",
            "12/QĐ-UBND",
            "30/KH-UBND",
        ]
    );
    // "Căn cứ A. Căn cứ B.": each sentence that starts as a basis; other prose is not.
    let b = legal_bases(["Căn cứ Quyết định số 5/QĐ-UBND ngày 2/1/2026 của UBND tỉnh Lào Cai. Căn cứ Kế hoạch số 9/KH-SNV ngày 3/1/2026 của Sở Nội vụ. Sở Tư pháp ban hành Kế hoạch như sau:"]);
    assert_eq!(refs_of(&b), ["5/QĐ-UBND", "9/KH-SNV"]);
    assert!(b.warnings.is_empty(), "{:?}", b.warnings);
}

#[test]
fn a_list_of_bases_under_can_cu() {
    let b = legal_bases([
        "Căn cứ các văn bản sau:",
        "- Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025;",
        "- Quyết định số 7/QĐ-UBND ngày 3/2/2026 của UBND xã Tả Van.",
    ]);
    assert_eq!(
        refs_of(&b),
        [
            "Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025",
            "7/QĐ-UBND"
        ]
    );
    let lines = [
        "CĂN CỨ:",
        "1. Luật Tổ chức chính quyền địa phương năm 2025;",
        "2. Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
        "- Chỉ thị số 23/CT-TTg ngày 26/12/2025;",
        "a) Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;",
        "Quyết định số 282/QĐ-TTg ngày 15/3/2026;",
        "+ Tình hình thực tế của địa phương.",
        "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 40/TTr-SNV ngày 11/3/2026.",
        "Triển khai Kế hoạch số 8/KH-UBND ngày 4/4/2026 của UBND xã Bình Minh;",
        "Ủy ban nhân dân xã ban hành Kế hoạch:",
        "- Nghị định số 1/2026/NĐ-CP (after the list: not a basis)",
    ];
    let b = legal_bases(lines);
    assert_eq!(
        refs_of(&b),
        [
            "Luật Tổ chức chính quyền địa phương năm 2025",
            "30/2020/NĐ-CP",
            "23/CT-TTg",
            "57-NQ/TW",
            "282/QĐ-TTg",
            "Tình hình thực tế của địa phương",
            "8/KH-UBND",
        ]
    );
    assert_eq!(
        b.warnings,
        ["không đọc được căn cứ: Tình hình thực tế của địa phương"]
    );
    assert_eq!(b.refs[5].doc_type, "");
}

#[test]
fn nested_citations_are_not_bases() {
    let cases = [
        ("Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ về việc sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;",
         vec!["107/2021/NĐ-CP"]),
        ("Căn cứ Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn thi hành một số nội dung của Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ;",
         vec!["03/2025/TT-VPCP"]),
        ("Căn cứ Nghị định số 45/2026/NĐ-CP ngày 1/3/2026 của Chính phủ quy định chi tiết Luật Đất đai năm 2024;",
         vec!["45/2026/NĐ-CP"]),
        ("Thực hiện Công văn số 88/UBND-NC ngày 5/1/2026 của UBND tỉnh Hà Tĩnh về triển khai Kế hoạch số 3/KH-BCĐ, Kế hoạch số 4/KH-BCĐ và Chỉ thị số 2/CT-TTg;",
         vec!["88/UBND-NC"]),
        ("Thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016; Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị;",
         vec!["01-KL/TW", "05-CT/TW"]),
        ("Căn cứ Quyết định số 9/QĐ-UBND ngày 2/2/2026 của UBND tỉnh (thay thế Quyết định số 1/QĐ-UBND);",
         vec!["9/QĐ-UBND"]),
        ("Căn cứ Nghị định số 1/2026/NĐ-CP, Nghị định số 2/2026/NĐ-CP và Nghị định số 3/2026/NĐ-CP của Chính phủ;",
         vec!["1/2026/NĐ-CP", "2/2026/NĐ-CP", "3/2026/NĐ-CP"]),
    ];
    for (line, want) in &cases {
        assert_eq!(refs_of(&legal_bases([*line])), *want, "{line}");
    }
    // find_citations still reports every document a text names.
    let all = find_citations(cases[0].0);
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].reference().as_deref(), Some("61/2018/NĐ-CP"));
}

#[test]
fn citations_in_running_text() {
    let refs = find_citations("Thực hiện Kế hoạch số 182/KH-UBND ngày 25 tháng 12 năm 2025 của UBND tỉnh Thái Nguyên về Kiểm soát");
    assert_eq!(refs.len(), 1);
    assert_eq!(
        refs[0].text,
        "Kế hoạch số 182/KH-UBND ngày 25 tháng 12 năm 2025 của UBND tỉnh Thái Nguyên"
    );
    let refs = find_citations(
        "(Kèm theo Kế hoạch số /KH- SDDTTG ngày /01/2026 của Sở Dân tộc và Tôn giáo)",
    );
    assert_eq!(refs[0].number, None);
    assert_eq!(refs[0].symbol.as_deref(), Some("KH-SDDTTG"));
    assert_eq!(refs[0].issuer.as_deref(), Some("Sở Dân tộc và Tôn giáo"));
    // A law by name without a date is a citation in a basis line only.
    assert!(find_citations("theo quy định của Luật Đất đai và các văn bản hướng dẫn.").is_empty());
    // Tone placement, NFD and non-breaking spaces.
    let nfd = "Căn cứ Nghi\u{323} đi\u{323}nh\u{a0}số 61/2018/NĐ-CP";
    let refs = find_citations(nfd);
    assert_eq!(refs[0].doc_type, "Nghị định");
    assert_eq!(refs[0].reference().as_deref(), Some("61/2018/NĐ-CP"));
    // A type word not followed by a number is no citation.
    assert!(find_citations("Ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2026").is_empty());
    assert!(find_citations("xây dựng kế hoạch số hóa hồ sơ").is_empty());
}

/// Hostile inputs end quickly: the scanner looks ahead a bounded number of words.
#[test]
fn hostile_inputs_are_linear() {
    let pieces = [
        "Luật ".repeat(20_000),
        "Luật A ".repeat(20_000),
        "Nghị định số 1/".repeat(20_000),
        "Quyết định số 1/QĐ-UBND của ".repeat(10_000),
        format!(
            "Quyết định số 1/QĐ-UBND của {}",
            "A, Chủ tịch ".repeat(20_000)
        ),
        format!("Căn cứ Luật sửa đổi {}", "Luật ".repeat(20_000)),
        "Căn cứ ((((((((".repeat(10_000),
        format!("Kế hoạch số 1/{}", "A-".repeat(50_000)),
        format!("Nghị quyết số 1-{}", "NQ/TW-".repeat(20_000)),
        "ngày 1/1/2020 ".repeat(20_000),
        "; ".repeat(50_000),
        "Nghị định số 1/NĐ-CP; ".repeat(20_000),
        "Căn cứ Nghị định số 1/NĐ-CP của ".repeat(10_000),
        "a".repeat(4 << 20),
        format!("Căn cứ {}", "a".repeat(4 << 20)),
        format!(
            "Căn cứ Quyết định số 1/QĐ-UBND của UBND {}",
            "ư".repeat(2 << 20)
        ),
    ];
    // No clock here (a loaded machine would make it flaky): the speed of these is measured
    // in `benches/` (`cargo bench -p kehoach-benches --bench scanners`).
    for p in &pieces {
        let _ = find_citations(p);
        let _ = legal_bases(p.split_inclusive(';').take(2000));
        let _ = legal_bases([p.as_str()]);
    }
}

/// Cut anywhere, a citation never panics the scanner.
#[test]
fn every_prefix_of_a_citation() {
    for (line, _) in CASES {
        for (i, _) in line.char_indices() {
            let _ = find_citations(&line[..i]);
            let _ = legal_bases([&line[..i]]);
        }
    }
}

/// Random sequences of the grammar's pieces (a fixed-seed generator): the invariants the
/// fuzz target `scanners` holds the scanner to.
#[test]
fn invariants_on_generated_texts() {
    let pieces = [
        "Nghị định",
        "kế hoạch",
        "THÔNG TƯ",
        "Luật",
        "Bộ luật",
        "Hiến pháp",
        "Tổ chức",
        "đất",
        "Thông tư liên tịch",
        "Nghị quyết",
        "Căn cứ",
        "Thực hiện",
        "CĂN CỨ:",
        "\n",
        "1. ",
        "- ",
        " ",
        "  ",
        "\u{a0}",
        "số",
        "Số",
        ":",
        "12",
        "5",
        "2018",
        "123",
        "/",
        "NĐ",
        "Đ",
        "-",
        "CP",
        "TTg",
        "QĐi",
        "TW",
        "&",
        "ngày",
        "tháng",
        "năm",
        "của",
        "về",
        "quy định",
        ";",
        ",",
        ".",
        "(",
        ")",
        "x",
        "ê",
        "UBND",
        "sửa đổi",
        "Bộ trưởng",
        "Chủ nhiệm",
        "và",
        "Theo đề nghị",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize % n
    };
    let mut read = 0;
    for _ in 0..20_000 {
        let len = 1 + next(16);
        let s: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
        for basis in [false, true] {
            let found = scan(&s, basis);
            let mut end = 0;
            for f in &found {
                assert!(f.span.start >= end && f.span.end <= s.len(), "{s:?}");
                end = f.span.end;
                let r = &f.r;
                assert!(!r.doc_type.is_empty(), "{s:?}");
                assert_eq!(r.text, kehoach_text::clean(&s[f.span.clone()]), "{s:?}");
                assert!(r
                    .number
                    .iter()
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())));
                assert!(r
                    .symbol
                    .iter()
                    .all(|y| y.chars().next().is_some_and(char::is_uppercase)));
                assert!(r.issuer.iter().all(|i| !i.is_empty()), "{s:?}");
                read += 1;
            }
        }
        let b = legal_bases(s.lines());
        let unread = b.refs.iter().filter(|r| r.doc_type.is_empty()).count();
        assert_eq!(unread, b.warnings.len(), "{s:?}");
        assert!(b.refs.iter().all(|r| !r.text.is_empty()), "{s:?}");
    }
    assert!(read > 100, "{read}");
}

/// The in-place keys agree with `kehoach_text::ascii_key` and `match_key` on words of ASCII
/// letters, the Latin blocks and other characters (combining marks, other scripts).
#[test]
fn in_place_keys_agree_with_the_general_ones() {
    let mut pool: Vec<char> = ('\u{00C0}'..='\u{024F}')
        .chain('\u{1E00}'..='\u{1EFF}')
        .chain('a'..='z')
        .chain('A'..='Z')
        .chain('0'..='9')
        .collect();
    pool.extend([
        '\u{0301}', '\u{0302}', '\u{0323}', 'ß', 'Ω', '中', ' ', ',', '\u{00A0}', '-',
    ]);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..4000 {
        let mut w = String::new();
        for _ in 0..1 + (x % 7) as usize {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            w.push(pool[(x % pool.len() as u64) as usize]);
        }
        assert_eq!(text_ascii_key(&w), kehoach_text::ascii_key(&w), "{w:?}");
        let p = Scan { t: &w, at: 0 };
        if let Some((word, key)) = p.short_word_key() {
            assert_eq!(
                key.as_bytes(),
                kehoach_text::ascii_key(word).as_bytes(),
                "{w:?}"
            );
        }
        if let Some(word) = p.short_word() {
            assert_eq!(
                WordKey::matching(word).as_bytes(),
                kehoach_text::match_key(word).as_bytes(),
                "{w:?}"
            );
        }
    }
}
