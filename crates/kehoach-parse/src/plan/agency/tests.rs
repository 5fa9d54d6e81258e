//! Table-driven tests of the agency grammar, in the wording of many provinces and levels.

use super::*;

/// One cell per line: `lines of the cell (separated by " ¶ ") => entries (separated by " | ")`.
const CELLS: &str = "\
Sở Tư pháp, Văn phòng UBND tỉnh, Công an tỉnh => Sở Tư pháp | Văn phòng UBND tỉnh | Công an tỉnh
Sở Nội vụ; Sở Tài chính. => Sở Nội vụ | Sở Tài chính
Sở Nội vụ và Sở Tài chính => Sở Nội vụ | Sở Tài chính
Sở Khoa học và Công nghệ => Sở Khoa học và Công nghệ
Sở Văn hóa, Thể thao và Du lịch => Sở Văn hóa, Thể thao và Du lịch
Sở Nông nghiệp và Môi trường => Sở Nông nghiệp và Môi trường
Sở Lao động - Thương binh và Xã hội => Sở Lao động - Thương binh và Xã hội
Sở Văn hoá, Thể thao và Du lịch, Sở Nội vụ và UBND các xã, phường => Sở Văn hoá, Thể thao và Du lịch | Sở Nội vụ | UBND các xã, phường
Các sở, ban, ngành => Các sở, ban, ngành
các sở, ban, ngành tỉnh => các sở, ban, ngành tỉnh
Các cơ quan, đơn vị, địa phương => Các cơ quan, đơn vị, địa phương
UBND các xã, phường, đặc khu => UBND các xã, phường, đặc khu
UBND các huyện, thành phố => UBND các huyện, thành phố
Tôn giáo, tín ngưỡng => Tôn giáo, tín ngưỡng
các cơ quan, tổ chức, cá nhân có liên quan => các cơ quan, tổ chức, cá nhân có liên quan
Các phòng, đơn vị thuộc Sở => Các phòng, đơn vị thuộc Sở
Theo phân công tại Quyết định số 1441/QĐ-UBND => Theo phân công tại Quyết định số 1441/QĐ-UBND
Theo chức năng, nhiệm vụ => Theo chức năng, nhiệm vụ
Các cơ quan được giao tại Phụ lục II => Các cơ quan được giao tại Phụ lục II
Theo chức năng, nhiệm vụ được giao; Sở Y tế => Theo chức năng, nhiệm vụ được giao | Sở Y tế
- Sở Tài chính; ¶ - Sở Xây dựng. => Sở Tài chính | Sở Xây dựng
1. Sở Giáo dục và Đào tạo ¶ 2. Sở Y tế => Sở Giáo dục và Đào tạo | Sở Y tế
a) Công an tỉnh Hà Tĩnh; b) Bộ Chỉ huy Quân sự tỉnh => Công an tỉnh Hà Tĩnh | Bộ Chỉ huy Quân sự tỉnh
+ Ban Dân tộc ¶ + Ban Quản lý các khu công nghiệp tỉnh => Ban Dân tộc | Ban Quản lý các khu công nghiệp tỉnh
Ban Quản lý các khu công nghiệp, Sở Công Thương => Ban Quản lý các khu công nghiệp | Sở Công Thương
Văn phòng Đoàn ĐBQH và HĐND tỉnh => Văn phòng Đoàn ĐBQH và HĐND tỉnh
Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh, Sở Nội vụ => Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh | Sở Nội vụ
Văn phòng UBND tỉnh và UBND các xã => Văn phòng UBND tỉnh | UBND các xã
Ủy ban nhân dân phường Hà Huy Tập, Công an phường => Ủy ban nhân dân phường Hà Huy Tập | Công an phường
UBND đặc khu Phú Quốc; Đồn Biên phòng Dương Đông => UBND đặc khu Phú Quốc | Đồn Biên phòng Dương Đông
UBND đặc khu Cồn Cỏ; Tổ dân phố số 1 => UBND đặc khu Cồn Cỏ; Tổ dân phố số 1
UBND đặc khu Vân Đồn; Bộ Chỉ huy Bộ đội Biên phòng tỉnh => UBND đặc khu Vân Đồn | Bộ Chỉ huy Bộ đội Biên phòng tỉnh
Bảo hiểm xã hội tỉnh Lào Cai, Kho bạc Nhà nước khu vực VIII => Bảo hiểm xã hội tỉnh Lào Cai | Kho bạc Nhà nước khu vực VIII
Thuế tỉnh Cần Thơ và Cục Thống kê => Thuế tỉnh Cần Thơ | Cục Thống kê
Trung tâm Phục vụ hành chính công tỉnh, Sở Khoa học và Công nghệ => Trung tâm Phục vụ hành chính công tỉnh | Sở Khoa học và Công nghệ
Phòng Văn hóa - Xã hội, Phòng Kinh tế => Phòng Văn hóa - Xã hội | Phòng Kinh tế
Chi cục Thuế khu vực II, Chi cục Kiểm lâm => Chi cục Thuế khu vực II | Chi cục Kiểm lâm
Vụ Pháp chế, Vụ Tổ chức cán bộ, Văn phòng Bộ => Vụ Pháp chế | Vụ Tổ chức cán bộ | Văn phòng Bộ
Bộ Tư pháp và Bộ Công an => Bộ Tư pháp | Bộ Công an
Thanh tra tỉnh, Sở Nội vụ => Thanh tra tỉnh | Sở Nội vụ
Đài Phát thanh và Truyền hình tỉnh, Báo Nghệ An => Đài Phát thanh và Truyền hình tỉnh | Báo Nghệ An
Cổng Thông tin điện tử tỉnh; Báo Quảng Ninh điện tử => Cổng Thông tin điện tử tỉnh | Báo Quảng Ninh điện tử
Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh => Tòa án nhân dân tỉnh | Viện kiểm sát nhân dân tỉnh
Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội => Ủy ban MTTQ Việt Nam tỉnh | các tổ chức chính trị - xã hội
Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn => Liên đoàn Lao động tỉnh | Hội Liên hiệp Phụ nữ tỉnh | Tỉnh đoàn
Đoàn TNCS Hồ Chí Minh tỉnh, Hội Nông dân tỉnh, Hội Cựu chiến binh tỉnh => Đoàn TNCS Hồ Chí Minh tỉnh | Hội Nông dân tỉnh | Hội Cựu chiến binh tỉnh
Đảng ủy xã Tân Phú; Ủy ban MTTQ xã => Đảng ủy xã Tân Phú | Ủy ban MTTQ xã
Ban Tuyên giáo và Dân vận Tỉnh ủy => Ban Tuyên giáo và Dân vận Tỉnh ủy
Trường Chính trị tỉnh, Bệnh viện Đa khoa tỉnh => Trường Chính trị tỉnh | Bệnh viện Đa khoa tỉnh
Sở Tài chính, các doanh nghiệp có liên quan => Sở Tài chính | các doanh nghiệp có liên quan
Sở Nội vụ, các cơ quan, đơn vị liên quan => Sở Nội vụ | các cơ quan, đơn vị liên quan
BHXH tỉnh, VPĐKĐĐ, TTHCC => BHXH tỉnh | VPĐKĐĐ | TTHCC
UBND cấp xã; BCĐ 138 tỉnh => UBND cấp xã | BCĐ 138 tỉnh
Uỷ ban nhân dân tỉnh, Sở Xây dựng => Uỷ ban nhân dân tỉnh | Sở Xây dựng
SỞ TƯ PHÁP, CÔNG AN TỈNH => SỞ TƯ PHÁP | CÔNG AN TỈNH
Sở Văn hóa, Thể thao và ¶ Du lịch => Sở Văn hóa, Thể thao và Du lịch
Văn phòng UBND ¶ tỉnh ¶ Sở Nội vụ => Văn phòng UBND tỉnh | Sở Nội vụ
Sở Tư pháp ¶ các cơ quan liên quan => Sở Tư pháp | các cơ quan liên quan
Tôn giáo, tín ngưỡng, ¶ Văn phòng => Tôn giáo, tín ngưỡng | Văn phòng
Văn phòng Đoàn ĐBQH và ¶ HĐND tỉnh Quảng Trị => Văn phòng Đoàn ĐBQH và HĐND tỉnh Quảng Trị
Sở Lao động - ¶ Thương binh và Xã hội => Sở Lao động - Thương binh và Xã hội
Các phòng thuộc Sở ¶ Văn phòng Sở => Các phòng thuộc Sở | Văn phòng Sở
Sở Tư pháp, ¶ Công an tỉnh => Sở Tư pháp | Công an tỉnh
Viettel Hà Tĩnh, VNPT Hà Tĩnh, Bưu điện tỉnh => Viettel Hà Tĩnh | VNPT Hà Tĩnh | Bưu điện tỉnh
- Các ngành: Công an, Quân đội, Bảo ¶ hiểm xã hội ¶ - UBND cấp xã => Các ngành: Công an, Quân đội, Bảo hiểm xã hội | UBND cấp xã
- Công an tỉnh - UBND cấp xã => Công an tỉnh | UBND cấp xã
- Sở Lao động - Thương binh và Xã hội => Sở Lao động - Thương binh và Xã hội
- Phòng Hỗ trợ - HCTP - Văn phòng Sở => Phòng Hỗ trợ - HCTP | Văn phòng Sở
Công an tỉnh - Sở Tư pháp => Công an tỉnh | Sở Tư pháp
Tôn giáo, tín ngưỡng; Văn phòng => Tôn giáo, tín ngưỡng; Văn phòng
Phòng Tôn giáo, tín ngưỡng; Văn phòng => Phòng Tôn giáo, tín ngưỡng | Văn phòng
Các sở, ban, ngành; UBND các huyện, thị xã, thành phố => Các sở, ban, ngành | UBND các huyện, thị xã, thành phố
UBND huyện Bảo Thắng, UBND thị trấn Phong Hải => UBND huyện Bảo Thắng | UBND thị trấn Phong Hải
Chủ tịch UBND các xã, phường => Chủ tịch UBND các xã, phường
Giám đốc Sở Y tế, Giám đốc Bệnh viện tỉnh => Giám đốc Sở Y tế | Giám đốc Bệnh viện tỉnh
Sở Y tế (chủ trì), Sở Tài chính => Sở Y tế (chủ trì) | Sở Tài chính
Số 12, Sở Tài chính => Số 12, Sở Tài chính
Bộ phận Một cửa, Văn phòng => Bộ phận Một cửa, Văn phòng
Sở Nội vụ, theo chức năng, nhiệm vụ => Sở Nội vụ, theo chức năng, nhiệm vụ
Các đơn vị theo Phụ lục kèm theo, Sở Tài chính => Các đơn vị theo Phụ lục kèm theo, Sở Tài chính
Như trên => Như trên
Sở Tài chính, Sở Nội vụ: => Sở Tài chính | Sở Nội vụ
• Hội Chữ thập đỏ tỉnh ¶ • Liên minh Hợp tác xã tỉnh => Hội Chữ thập đỏ tỉnh | Liên minh Hợp tác xã tỉnh
Tập đoàn Điện lực Việt Nam và các doanh nghiệp => Tập đoàn Điện lực Việt Nam | các doanh nghiệp
Sở Giáo dục và Đào tạo, Trường Đại học Vinh và Bệnh viện Hữu nghị Đa khoa Nghệ An => Sở Giáo dục và Đào tạo | Trường Đại học Vinh | Bệnh viện Hữu nghị Đa khoa Nghệ An
Chi nhánh Ngân hàng Chính sách xã hội tỉnh; Bưu điện tỉnh => Chi nhánh Ngân hàng Chính sách xã hội tỉnh | Bưu điện tỉnh
Sở Nội vụ ; Sở Tư pháp ; => Sở Nội vụ | Sở Tư pháp
Các sở, ban, ngành, UBND các xã => Các sở, ban, ngành | UBND các xã
Các Sở, Ban, Ngành tỉnh; các Sở, Ban ngành => Các Sở, Ban, Ngành tỉnh | các Sở, Ban ngành
Phòng chuyên môn, Sở Nội vụ => Phòng chuyên môn, Sở Nội vụ
Các ngành: Công an, Quân đội => Các ngành: Công an, Quân đội
 ¶   ¶ -  => 
Sở Tư pháp./. => Sở Tư pháp
Sở Nội vụ chủ trì, phối hợp với Sở Tài chính => Sở Nội vụ chủ trì, phối hợp với Sở Tài chính
Hội đồng nhân dân và Ủy ban nhân dân tỉnh Bắc Ninh => Hội đồng nhân dân | Ủy ban nhân dân tỉnh Bắc Ninh
Sở Giáo dục và Đào tạo; các trường THPT, THCS trên địa bàn => Sở Giáo dục và Đào tạo | các trường THPT, THCS trên địa bàn
Văn phòng HĐND và UBND huyện, Phòng Tài chính - Kế hoạch => Văn phòng HĐND và UBND huyện | Phòng Tài chính - Kế hoạch
Đảng ủy, HĐND, UBND, Ủy ban MTTQ xã Nghĩa Đàn => Đảng ủy | HĐND | UBND | Ủy ban MTTQ xã Nghĩa Đàn
Chi nhánh Văn phòng Đăng ký đất đai các huyện, thành phố => Chi nhánh Văn phòng Đăng ký đất đai các huyện, thành phố
Các Sở: Tài chính, Nội vụ, Tư pháp => Các Sở: Tài chính, Nội vụ, Tư pháp
Cơ quan chủ trì soạn thảo; Sở Tư pháp => Cơ quan chủ trì soạn thảo | Sở Tư pháp
Ủy ban nhân dân cấp xã; cơ quan, đơn vị liên quan => Ủy ban nhân dân cấp xã | cơ quan, đơn vị liên quan
BCH Quân sự tỉnh, BCH Bộ đội Biên phòng tỉnh => BCH Quân sự tỉnh | BCH Bộ đội Biên phòng tỉnh
Sở Tài nguyên và Môi trường (nay là Sở Nông nghiệp và Môi trường) => Sở Tài nguyên và Môi trường (nay là Sở Nông nghiệp và Môi trường)
Sở Y tế (Bệnh viện Đa khoa tỉnh, Trung tâm Kiểm soát bệnh tật), Sở Tài chính => Sở Y tế (Bệnh viện Đa khoa tỉnh, Trung tâm Kiểm soát bệnh tật) | Sở Tài chính
Sở Công Thương, Sở Xây dựng, và Sở Giao thông vận tải => Sở Công Thương | Sở Xây dựng | Sở Giao thông vận tải
Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh => Công an tỉnh | Bộ Chỉ huy Quân sự tỉnh | Bộ Chỉ huy Bộ đội Biên phòng tỉnh
- Công an tỉnh Hà Tĩnh - Sở Lao động - Thương binh và Xã hội - UBND các xã => Công an tỉnh Hà Tĩnh | Sở Lao động | Thương binh và Xã hội | UBND các xã
Bộ Nội vụ (Vụ Chính quyền địa phương); Văn phòng Chính phủ => Bộ Nội vụ (Vụ Chính quyền địa phương) | Văn phòng Chính phủ
Ủy ban nhân dân thành phố Cần Thơ và Ủy ban nhân dân các phường => Ủy ban nhân dân thành phố Cần Thơ | Ủy ban nhân dân các phường
UBND xã ¶ Công an xã ¶ Ban Chỉ huy Quân sự xã => UBND xã | Công an xã | Ban Chỉ huy Quân sự xã
Phòng Kinh tế, Hạ tầng và Đô thị; Phòng Văn hóa - Xã hội => Phòng Kinh tế, Hạ tầng và Đô thị | Phòng Văn hóa - Xã hội
";

fn cell(spec: &str) -> Vec<String> {
    spec.split(" ¶ ").map(|s| s.to_string()).collect()
}

#[test]
fn table_of_cells() {
    let mut fails = Vec::new();
    let mut n = 0;
    for row in CELLS.lines() {
        let Some((input, want)) = row.split_once("=>") else {
            continue;
        };
        n += 1;
        let want: Vec<String> = want
            .split(" | ")
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let got = split(&cell(input.trim_end()));
        if got != want {
            fails.push(format!("{input}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(n >= 60, "{n} cells");
    assert!(
        fails.is_empty(),
        "{} of {n} cells:\n{}",
        fails.len(),
        fails.join("\n")
    );
}

#[test]
fn kinds() {
    let k = |s: &str| {
        let e = entries(&[s.to_string()]);
        assert_eq!(e.len(), 1, "{s}: {e:?}");
        e[0].kind
    };
    assert_eq!(k("Sở Tư pháp"), AgencyKind::Body);
    assert_eq!(k("UBND phường Thành Sen"), AgencyKind::Body);
    assert_eq!(k("Các sở, ban, ngành"), AgencyKind::Collective);
    assert_eq!(k("UBND các xã, phường, đặc khu"), AgencyKind::Collective);
    assert_eq!(
        k("Theo phân công tại Quyết định số 1441/QĐ-UBND"),
        AgencyKind::Reference
    );
    assert_eq!(
        k("Các cơ quan được giao tại Phụ lục II"),
        AgencyKind::Reference
    );
    assert_eq!(k("Căn cứ chức năng, nhiệm vụ"), AgencyKind::Reference);
    assert_eq!(k("Tôn giáo, tín ngưỡng"), AgencyKind::Other);
    // A body named by its level of government is every body of that level.
    assert_eq!(k("Công an cấp tỉnh"), AgencyKind::Collective);
    assert_eq!(k("Ủy ban nhân dân cấp xã"), AgencyKind::Collective);
    assert_eq!(k("UBND CẤP PHƯỜNG"), AgencyKind::Collective);
    assert_eq!(k("Trạm Y tế cấp cơ sở"), AgencyKind::Collective);
    assert_eq!(k("UBND xã Cấp Tiến"), AgencyKind::Body);
    let e = entries(&["Sở Y tế; UBND cấp xã".to_string()]);
    let kinds: Vec<AgencyKind> = e.iter().map(|a| a.kind).collect();
    assert_eq!(kinds, [AgencyKind::Body, AgencyKind::Collective], "{e:?}");
    assert_eq!(kind_of("Sở Nội vụ"), AgencyKind::Body);
    assert_eq!(kind_of("theo chuc nang, nhiem vu"), AgencyKind::Reference);
    assert!(is_reference("THEO PHÂN CÔNG"));
    assert!(!is_reference("Sở Nội vụ"));
    assert!(!is_reference("Theodore")); // word-bounded
}

/// Decisions are taken on keys: tone placement, NFD, case, non-breaking spaces.
#[test]
fn keys_not_spelling() {
    let nfd = "So\u{31b}\u{309} Tư pha\u{301}p, Co\u{302}ng an ti\u{309}nh";
    assert_eq!(split(&[nfd.to_string()]), ["Sở Tư pháp", "Công an tỉnh"]);
    assert_eq!(
        split(&["Uỷ ban nhân dân xã\u{a0}Tân Lập, Ủy ban MTTQ xã".to_string()]),
        ["Uỷ ban nhân dân xã Tân Lập", "Ủy ban MTTQ xã"]
    );
    assert_eq!(
        split(&["sở y tế, SỞ TÀI CHÍNH".to_string()]),
        ["sở y tế, SỞ TÀI CHÍNH"],
        "a lower-case head is not recognised: the text is kept"
    );
}

#[test]
fn shapes_file_is_valid() {
    let (s, errors) = shapes::parse(shapes::DATA);
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(s.heads.len() > 100, "{}", s.heads.len());
    for h in [
        "so",
        "ubnd",
        "uy ban nhan dan",
        "cong an",
        "hoi nong dan",
        "tinh uy",
    ] {
        assert!(s.heads.get(h).is_some(), "{h}");
    }
    assert_eq!(s.heads.get("bo phan"), Some(shapes::Head::Not));
    assert_eq!(s.heads.get("so"), Some(shapes::Head::Named));
    assert_eq!(
        s.heads.get("dai phat thanh va truyen hinh"),
        Some(shapes::Head::Alone)
    );
    assert_eq!(s.heads.get("dai phat"), None);
    assert!(s.heads.max_words <= 8);
    let (_, errors) = shapes::parse("[body]\nSở +\n[nope]\nx\n[collective]\ncac +\n");
    assert_eq!(errors.len(), 4, "{errors:?}");
}

#[test]
fn marks() {
    assert_eq!(mark_rest("- Sở"), Some(("Sở", true)));
    assert_eq!(mark_rest("-Sở"), Some(("Sở", true)));
    assert_eq!(mark_rest("+ Sở"), Some(("Sở", false)));
    assert_eq!(mark_rest("12. Sở"), Some(("Sở", false)));
    assert_eq!(mark_rest("đ) Sở"), Some(("Sở", false)));
    assert_eq!(mark_rest("(3) Sở"), Some(("Sở", false)));
    assert_eq!(mark_rest("-1"), None);
    assert_eq!(mark_rest("2026 Sở"), None);
    assert_eq!(mark_rest("UBND"), None);
}

/// A cell of 20,000 names, on one line and on many, in linear time; odd input never panics.
#[test]
fn big_and_hostile_cells() {
    let names = [
        "Sở Tư pháp",
        "UBND các xã, phường",
        "Văn phòng Đoàn ĐBQH và HĐND",
    ];
    let one_line: String = (0..20_000)
        .map(|i| names[i % 3])
        .collect::<Vec<_>>()
        .join(", ");
    // No clock (speed: `cargo bench -p kehoach-benches --bench scanners`).
    let got = split(&[one_line]);
    assert_eq!(got.len(), 20_000);
    let many: Vec<String> = (0..20_000)
        .map(|i| format!("- {} {i};", names[i % 3]))
        .collect();
    assert_eq!(split(&many).len(), 20_000);
    let dashes = vec![format!("- {}", vec!["Công an tỉnh"; 20_000].join(" - "))];
    assert_eq!(split(&dashes).len(), 20_000);
    let vas = vec![vec!["Văn phòng HĐND"; 20_000].join(" và ")];
    assert_eq!(split(&vas).len(), 20_000);
    for junk in [
        ",,,;;; - - và và",
        "và",
        "- ",
        "1.",
        "(",
        "Sở",
        "Sở,",
        "Văn phòng và",
        "a) b) c)",
        "\u{301}\u{300}",
        "1,5, 2,5",
        "– — -",
    ] {
        let _ = split(&[junk.to_string()]);
        let _ = entries(&junk.split(' ').map(String::from).collect::<Vec<_>>());
    }
}

/// Random cells from a vocabulary of names, separators and marks: every entry is a non-empty
/// piece of the cleaned cell, and nothing panics.
#[test]
fn random_cells_give_pieces_of_the_cell() {
    const VOCAB: &[&str] = &[
        "Sở",
        "Tư pháp",
        "UBND",
        "các",
        "xã",
        ",",
        ";",
        "và",
        "-",
        " - ",
        "Văn phòng",
        "HĐND",
        "Đoàn ĐBQH",
        "(",
        ")",
        "Theo",
        "Phụ lục",
        ":",
        ".",
        "1.",
        "a)",
        "+",
        "Công an",
        "tỉnh",
        "Ban",
        "ngành",
        "Hội",
        "Nông dân",
        "\n",
        "\n- ",
        "Uỷ",
        "ban",
        "nhân dân",
        "Bộ phận",
        "Số",
        "12",
        "[",
        "]",
        "tín ngưỡng",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3_000 {
        let n = (next() % 24) as usize;
        let text: String = (0..n)
            .map(|_| VOCAB[(next() % VOCAB.len() as u64) as usize])
            .collect::<Vec<_>>()
            .join(" ");
        let lines: Vec<String> = text.split('|').map(String::from).collect();
        let flat = kehoach_text::clean(&text);
        for e in entries(&lines) {
            assert!(!e.text.is_empty(), "{text:?}");
            // Continuation lines are joined with one space, as `clean` folds a line break.
            assert!(flat.contains(&e.text), "{text:?} → {:?}", e.text);
        }
    }
}

#[test]
fn push_key_is_ascii_key() {
    let mut words: Vec<String> = [
        "Sở",
        "Tư",
        "pháp",
        "UBND",
        "1441/QĐ-UBND",
        "và",
        "VÀ",
        "Uỷ",
        "Ủy",
        "(Bệnh",
        "viện)",
        "a)",
        "ĐBQH,",
        "x\u{7}y",
        "hằng",
        "Hằng",
        "“trích",
        "yếu”",
        "a\u{301}",
        "ǅ",
        "ß",
        "İ",
        "ﬁ",
        "",
    ]
    .map(String::from)
    .to_vec();
    for c in (0xc0u32..0x250)
        .chain(0x1e00..0x1f00)
        .filter_map(char::from_u32)
    {
        words.push(format!("{c}"));
        words.push(format!("A{c}b-{c}"));
    }
    for w in &words {
        let mut buf = String::from("x ");
        push_key(w, &mut buf);
        assert_eq!(&buf[2..], kehoach_text::ascii_key(w), "{w:?}");
    }
}
