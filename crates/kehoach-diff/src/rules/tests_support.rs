//! Small plans for the rules' own tests.

use kehoach_parse::plan::{
    deadline, meta::Appendix, DocNumber, DocumentMeta, Item, ItemKind, PartialDate, Plan,
};

use crate::{check, Options, Source};

pub fn item(
    stt: &str,
    kind: ItemKind,
    content: &str,
    lead: &[&str],
    support: &[&str],
    dl: &str,
) -> Item {
    let level = stt.trim_end_matches('.').split('.').count() as u32;
    Item {
        stt: stt.into(),
        level,
        parent: None,
        kind,
        content: content.into(),
        lead: lead.iter().map(|s| s.to_string()).collect(),
        support: support.iter().map(|s| s.to_string()).collect(),
        lead_kinds: Vec::new(),
        support_kinds: Vec::new(),
        deadline: deadline::parse(dl),
        extra: Default::default(),
        location: Default::default(),
    }
}

/// A clean draft plan of a department for 2026.
pub fn plan_2026() -> Plan {
    use ItemKind::*;
    let mut items = vec![
        item("1.", Group, "Công tác chỉ đạo, điều hành", &[], &[], ""),
        item(
            "1.1",
            Task,
            "Xây dựng Kế hoạch kiểm soát TTHC năm 2026",
            &["Văn phòng Sở"],
            &["Các phòng thuộc Sở"],
            "Trước ngày 31/01/2026",
        ),
        item(
            "1.2",
            Task,
            "Rà soát, kiện toàn đội ngũ công chức đầu mối",
            &["Văn phòng Sở"],
            &["Các phòng thuộc Sở"],
            "Thường xuyên",
        ),
        item("2.", Group, "Kiểm soát TTHC", &[], &[], ""),
        item(
            "2.1",
            Task,
            "Công khai TTHC trên Cổng Dịch vụ công quốc gia",
            &["Văn phòng Sở"],
            &["Sở Khoa học và Công nghệ"],
            "Thường xuyên",
        ),
        item(
            "2.2",
            Task,
            "Báo cáo thực hiện kiểm soát TTHC",
            &["Văn phòng Sở"],
            &["Các phòng thuộc Sở"],
            "Định kỳ hàng quý, năm",
        ),
    ];
    for (i, it) in items.iter_mut().enumerate() {
        it.location.table = 1;
        it.location.row = i + 1;
        it.location.rows = 1;
    }
    Plan {
        is_plan: true,
        document: DocumentMeta {
            issuer: Some("SỞ TƯ PHÁP".into()),
            parent_body: Some("UBND TỈNH THÁI NGUYÊN".into()),
            number: Some(DocNumber {
                text: "Số: /KH-STP".into(),
                number: None,
                symbol: Some("KH-STP".into()),
            }),
            doc_type: Some("KẾ HOẠCH".into()),
            place: Some("Thái Nguyên".into()),
            date: Some(PartialDate {
                text: "ngày tháng 01 năm 2026".into(),
                day: None,
                month: Some(1),
                year: Some(2026),
            }),
            title: Some("Kiểm soát thủ tục hành chính năm 2026".into()),
            plan_year: Some(2026),
            appendix: Some(Appendix {
                title: Some("KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026".into()),
                text: "(Kèm theo Kế hoạch số /KH-STP ngày tháng 01 năm 2026 của Sở Tư pháp)".into(),
                reference: kehoach_parse::plan::meta::find_citations(
                    "(Kèm theo Kế hoạch số /KH-STP ngày tháng 01 năm 2026 của Sở Tư pháp)",
                )
                .into_iter()
                .next(),
                year: Some(2026),
            }),
            ..Default::default()
        },
        items,
        columns: vec![],
        warnings: vec![],
    }
}

pub fn findings(p: &Plan) -> Vec<crate::Finding> {
    check(&Source::from_plan("t", p.clone()), &[], &Options::default()).unwrap()
}

pub fn codes(p: &Plan) -> Vec<&'static str> {
    findings(p).iter().map(|f| f.code).collect()
}

pub fn codes_against(p: &Plan, parent: &Plan) -> Vec<&'static str> {
    check(
        &Source::from_plan("t", p.clone()),
        &[Source::from_plan("parent", parent.clone())],
        &Options::default(),
    )
    .unwrap()
    .iter()
    .map(|f| f.code)
    .collect()
}

#[test]
fn the_clean_plan_is_clean() {
    let f = findings(&plan_2026());
    assert!(f.is_empty(), "{f:#?}");
}
