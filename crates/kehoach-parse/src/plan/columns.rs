//! Column roles, recognised from header text whatever its wording, case, accents or order —
//! and, where a header names no role, from what the column's cells hold.
//!
//! # The vocabulary
//!
//! Vietnamese task tables name the same five things in many words. A header is read on its
//! diacritic-free key ("Trách nhiệm thực hiện" → `trach nhiem thuc hien`) against an ordered
//! list of word patterns ([`VOCABULARY`]); the first pattern found anywhere in the header
//! decides. The order carries the reasoning:
//!
//! 1. **STT** only as the whole header: "STT", "TT", "Số TT", "Số thứ tự".
//! 2. **Lead** when the header says *chủ trì* ("Cơ quan chủ trì", "Đơn vị chủ trì thực hiện"):
//!    the one word that always means the responsible body, even beside "thực hiện".
//! 3. **Support** for *phối hợp* / *tham gia* / *cùng thực hiện* ("Cơ quan phối hợp",
//!    "Đơn vị phối hợp/theo dõi").
//! 4. **Deadline** for *thời gian*, *thời hạn*, *tiến độ*, *thời điểm*, *mốc*, *hoàn thành*,
//!    *hạn chót*: "Thời gian thực hiện" is a deadline, not a lead, because a time word names what
//!    the column holds and "thực hiện" only qualifies it.
//! 5. **Content** for *nội dung*, *nhiệm vụ* (not *trách nhiệm*), *công việc*, *hoạt động*,
//!    *giải pháp*, *chỉ tiêu*, *đề án*, *chương trình*, the object of an inspection (*được kiểm tra*,
//!    *đối tượng*, *được giám sát*): "Nội dung thực hiện" and "Đơn vị được kiểm tra" hold what
//!    is to be done or to whom — the row's subject.
//! 6. **Extra** for products and notes, kept by header text: *sản phẩm*, *kết quả*, *ghi chú*,
//!    *kinh phí*, *dự toán*, *nguồn vốn*, *hình thức*, *địa điểm*, *căn cứ*, *chỉ đạo*.
//! 7. **Lead** for the body that inspects in an inspection schedule (*đoàn kiểm tra*, *tổ
//!    kiểm tra*, *thành phần đoàn*, *đơn vị kiểm tra*): it carries out the plan's task.
//!    **Follow-up** for who watches rather than does: *theo dõi*, *đôn đốc*, *giám sát*,
//!    *kiểm tra* (as a column of its own, after the content words have had their turn).
//! 8. **Lead** for the remaining ways of naming who does it: *thực hiện*, *trách nhiệm*,
//!    *đầu mối*, *tham mưu*, *phụ trách*, *được giao*, *được phân công*, *giao*, *đơn vị*,
//!    *cơ quan*, *bộ phận*, *người*, *đoàn*: "Trách nhiệm thực hiện", "Đơn vị thực hiện",
//!    "Cơ quan được giao", "Đoàn kiểm tra".
//!
//! A header that matches nothing has no role of its own; [`infer_from_cells`] then looks at
//! the column's cells.

use serde::{Deserialize, Serialize};

/// What a column of the work-item table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Số thứ tự.
    Stt,
    /// Nội dung công việc / nhiệm vụ.
    Content,
    /// Cơ quan chủ trì.
    Lead,
    /// Cơ quan phối hợp / theo dõi.
    Support,
    /// Thời gian hoàn thành / thời hạn / tiến độ.
    Deadline,
    /// Who follows up (theo dõi, đôn đốc, kiểm tra giám sát): kept in `extra` by its header
    /// text, named as its own role so that it is never mistaken for the lead.
    FollowUp,
    /// Any other column (sản phẩm, ghi chú, kinh phí …), kept by its header text.
    Extra,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Stt => "stt",
            Role::Content => "content",
            Role::Lead => "lead",
            Role::Support => "support",
            Role::Deadline => "deadline",
            Role::FollowUp => "follow_up",
            Role::Extra => "extra",
        }
    }

    /// The name a Vietnamese reader knows the role by.
    pub fn name_vi(self) -> &'static str {
        match self {
            Role::Stt => "STT",
            Role::Content => "nội dung",
            Role::Lead => "chủ trì",
            Role::Support => "phối hợp",
            Role::Deadline => "thời gian",
            Role::FollowUp => "theo dõi",
            Role::Extra => "cột khác",
        }
    }

    /// Whether the role's cells go to the item's `extra` map by header text.
    pub fn is_extra(self) -> bool {
        matches!(self, Role::FollowUp | Role::Extra)
    }
}

/// The header vocabulary in the order it is tried: (role, word patterns on the ASCII key).
/// A pattern is one or more whole words in a row. See the module docs for the reasoning.
pub const VOCABULARY: &[(Role, &[&str])] = &[
    (Role::Lead, &["chu tri"]),
    (
        Role::Support,
        &["phoi hop", "tham gia", "cung thuc hien", "ho tro"],
    ),
    (
        Role::Deadline,
        &[
            "thoi gian",
            "thoi han",
            "tien do",
            "thoi diem",
            "moc",
            "hoan thanh",
            "han chot",
        ],
    ),
    (
        Role::Content,
        &[
            "noi dung",
            "nhiem vu",
            "cong viec",
            "hoat dong",
            "giai phap",
            "chi tieu",
            "de an",
            "duoc kiem tra",
            "duoc giam sat",
            "doi tuong",
            "chuong trinh",
        ],
    ),
    (
        Role::Extra,
        &[
            "san pham",
            "ket qua",
            "ghi chu",
            "kinh phi",
            "du toan",
            "nguon von",
            "hinh thuc",
            "dia diem",
            "can cu",
            "chi dao",
            "muc tieu",
            "yeu cau",
        ],
    ),
    (
        Role::Lead,
        &[
            "doan kiem tra",
            "doan giam sat",
            "to kiem tra",
            "thanh phan doan",
            "don vi kiem tra",
            "co quan kiem tra",
        ],
    ),
    (
        Role::FollowUp,
        &["theo doi", "don doc", "giam sat", "kiem tra"],
    ),
    (
        Role::Lead,
        &[
            "thuc hien",
            "trach nhiem",
            "dau moi",
            "tham muu",
            "phu trach",
            "duoc giao",
            "phan cong",
            "giao",
            "don vi",
            "co quan",
            "bo phan",
            "nguoi",
            "doan",
        ],
    ),
];

/// Classifies one header text. Works on the diacritic-free key, so "Thời gian hoàn thành",
/// "THỜI GIAN HOÀN THÀNH" and "Thoi gian hoan thanh" agree.
pub fn classify(header: &str) -> Option<Role> {
    let k = kehoach_text::ascii_key(header);
    if k.is_empty() || k.len() > 160 {
        // A header is a few words; a long cell is content, never a header.
        return None;
    }
    if matches!(
        k.as_str(),
        "stt" | "tt" | "so tt" | "so thu tu" | "thu tu" | "s tt"
    ) || k.starts_with("stt ")
    {
        return Some(Role::Stt);
    }
    let words: Vec<&str> = k.split(' ').collect();
    phrases()
        .iter()
        .find(|(_, pats)| pats.iter().any(|p| contains_words(&words, p)))
        .map(|(role, _)| *role)
}

/// [`VOCABULARY`] with each phrase split into its words once (headers are classified for
/// every cell of a table's first rows).
fn phrases() -> &'static [(Role, Vec<Vec<&'static str>>)] {
    static SPLIT: std::sync::OnceLock<Vec<(Role, Vec<Vec<&'static str>>)>> =
        std::sync::OnceLock::new();
    SPLIT.get_or_init(|| {
        VOCABULARY
            .iter()
            .map(|(role, pats)| (*role, pats.iter().map(|p| p.split(' ').collect()).collect()))
            .collect()
    })
}

/// Whether the words of a key contain the words of `phrase` in a row.
fn contains_words(words: &[&str], phrase: &[&str]) -> bool {
    !phrase.is_empty() && words.windows(phrase.len()).any(|w| w == phrase)
}

/// What the cells of one column look like, counted over its non-empty body cells.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct CellEvidence {
    /// Non-empty cells seen.
    pub cells: usize,
    /// Cells that read as a deadline phrase.
    pub deadlines: usize,
    /// Cells whose every line starts like the name of a public body.
    pub agencies: usize,
    /// Cells of more than eight words that are not agency lists: sentences.
    pub sentences: usize,
    /// Total characters, for the mean length.
    pub chars: usize,
}

impl CellEvidence {
    /// Adds one cell, given its lines.
    pub fn add(&mut self, text: &str, lines: &[String]) {
        let t = text.trim();
        if t.is_empty() {
            return;
        }
        self.cells += 1;
        self.chars += t.chars().count();
        if super::deadline::looks_like_deadline(t) {
            self.deadlines += 1;
        }
        let agency = !lines.is_empty()
            && lines
                .iter()
                .filter(|l| !l.trim().is_empty())
                .all(|l| agency_shaped(l));
        if agency {
            self.agencies += 1;
        } else if t.split_whitespace().count() > 8 {
            self.sentences += 1;
        }
    }

    fn share(&self, n: usize) -> f64 {
        if self.cells == 0 {
            0.0
        } else {
            n as f64 / self.cells as f64
        }
    }

    fn mean_len(&self) -> f64 {
        if self.cells == 0 {
            0.0
        } else {
            self.chars as f64 / self.cells as f64
        }
    }
}

/// Whether a line of a cell names a public body, a collective of them or a lead by
/// reference, as the agency grammar types its entries ([`super::agency::entries`], list
/// marks off): evidence for a column's role.
fn agency_shaped(line: &str) -> bool {
    use super::agency::AgencyKind;
    line.split_whitespace().count() <= 16
        && super::agency::entries(&[line.to_string()])
            .first()
            .is_some_and(|a| {
                matches!(
                    a.kind,
                    AgencyKind::Body | AgencyKind::Collective | AgencyKind::Reference
                )
            })
}

/// A decision taken from the cells, for the plan's warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Inferred {
    pub index: usize,
    pub role: Role,
    /// Why, in Vietnamese.
    pub reason: String,
}

/// The share of a column's cells that must look alike before the column is given a role by
/// them.
const EVIDENCE_SHARE: f64 = 0.6;

/// Gives roles to the columns whose header named none (`roles[i] == None`), from their
/// cells, for the roles no header took: a column of long sentences is the content, one of
/// agency names the lead (then the support), one of deadline phrases the deadline. A
/// column keeps no role unless most of its cells agree ([`EVIDENCE_SHARE`]); the STT column
/// is never inferred (it is found by its numbers, not here).
pub fn infer_from_cells(roles: &[Option<Role>], evidence: &[CellEvidence]) -> Vec<Inferred> {
    let mut taken: Vec<Role> = roles.iter().flatten().copied().collect();
    let mut out: Vec<Inferred> = Vec::new();
    let open = |out: &Vec<Inferred>| {
        (0..roles.len())
            .filter(|&i| roles[i].is_none() && !out.iter().any(|d| d.index == i))
            .filter(|&i| evidence.get(i).is_some_and(|e| e.cells > 0))
            .collect::<Vec<_>>()
    };
    // Content: the column of sentences with the longest cells.
    if !taken.contains(&Role::Content) {
        let best = open(&out).into_iter().max_by(|&a, &b| {
            evidence[a]
                .mean_len()
                .partial_cmp(&evidence[b].mean_len())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        if let Some(i) = best.filter(|&i| evidence[i].share(evidence[i].sentences) >= 0.5) {
            out.push(Inferred {
                index: i,
                role: Role::Content,
                reason: format!(
                    "{}/{} ô là câu dài",
                    evidence[i].sentences, evidence[i].cells
                ),
            });
            taken.push(Role::Content);
        }
    }
    // Deadline: the column most of whose cells read as deadlines.
    if !taken.contains(&Role::Deadline) {
        let best = open(&out)
            .into_iter()
            .max_by_key(|&i| (evidence[i].deadlines * 1000) / evidence[i].cells.max(1));
        if let Some(i) =
            best.filter(|&i| evidence[i].share(evidence[i].deadlines) >= EVIDENCE_SHARE)
        {
            out.push(Inferred {
                index: i,
                role: Role::Deadline,
                reason: format!(
                    "{}/{} ô là mốc thời gian",
                    evidence[i].deadlines, evidence[i].cells
                ),
            });
            taken.push(Role::Deadline);
        }
    }
    // Lead, then support: columns of agency names, left to right.
    for role in [Role::Lead, Role::Support] {
        if taken.contains(&role) {
            continue;
        }
        let first = open(&out)
            .into_iter()
            .find(|&i| evidence[i].share(evidence[i].agencies) >= EVIDENCE_SHARE);
        if let Some(i) = first {
            out.push(Inferred {
                index: i,
                role,
                reason: format!(
                    "{}/{} ô là tên cơ quan, đơn vị",
                    evidence[i].agencies, evidence[i].cells
                ),
            });
            taken.push(role);
        }
    }
    out.sort_by_key(|d| d.index);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_wordings() {
        use Role::*;
        let cases = [
            ("STT", Some(Stt)),
            ("TT", Some(Stt)),
            ("Số TT", Some(Stt)),
            ("Số thứ tự", Some(Stt)),
            ("Nội dung công việc", Some(Content)),
            ("NHIỆM VỤ", Some(Content)),
            ("Tên nhiệm vụ", Some(Content)),
            ("Nhiệm vụ, giải pháp", Some(Content)),
            ("Hoạt động", Some(Content)),
            ("Nội dung thực hiện", Some(Content)),
            ("Đơn vị được kiểm tra", Some(Content)),
            ("Đối tượng kiểm tra", Some(Content)),
            ("Chỉ tiêu", Some(Content)),
            ("Cơ quan, đơn vị chủ trì thực hiện", Some(Lead)),
            ("Cơ quan chủ trì", Some(Lead)),
            ("Chủ trì", Some(Lead)),
            ("Trách nhiệm thực hiện", Some(Lead)),
            ("Đơn vị thực hiện", Some(Lead)),
            ("Cơ quan thực hiện", Some(Lead)),
            ("Cơ quan thực hiện Chủ trì", Some(Lead)),
            ("Đơn vị tham mưu", Some(Lead)),
            ("Cơ quan được giao", Some(Lead)),
            ("Đơn vị đầu mối", Some(Lead)),
            ("Phân công thực hiện", Some(Lead)),
            ("Đoàn kiểm tra", Some(Lead)),
            ("Cơ quan, đơn vị phối hợp/theo dõi", Some(Support)),
            ("Đơn vị phối hợp", Some(Support)),
            ("Phối hợp", Some(Support)),
            ("Đơn vị tham gia", Some(Support)),
            ("Thời gian hoàn thành", Some(Deadline)),
            ("Thời gian thực hiện", Some(Deadline)),
            ("Thời gian kiểm tra", Some(Deadline)),
            ("Thời hạn", Some(Deadline)),
            ("Tiến độ thực hiện", Some(Deadline)),
            ("Thời điểm hoàn thành", Some(Deadline)),
            ("Mốc thời gian", Some(Deadline)),
            ("Hoàn thành", Some(Deadline)),
            ("Sản phẩm", Some(Extra)),
            ("Dự kiến sản phẩm", Some(Extra)),
            ("Kết quả thực hiện", Some(Extra)),
            ("Kinh phí thực hiện", Some(Extra)),
            ("Nguồn kinh phí", Some(Extra)),
            ("Hình thức thực hiện", Some(Extra)),
            ("Ghi chú", Some(Extra)),
            ("Theo dõi, đôn đốc", Some(FollowUp)),
            ("Cơ quan theo dõi", Some(FollowUp)),
            ("Kiểm tra, giám sát", Some(FollowUp)),
            ("Văn phòng", None),
            ("1.1", None),
            ("(1)", None),
            ("", None),
        ];
        for (h, want) in cases {
            assert_eq!(classify(h), want, "{h}");
        }
    }

    #[test]
    fn headers_agree_whatever_the_accents_and_case() {
        for h in [
            "TRÁCH NHIỆM THỰC HIỆN",
            "Trach nhiem thuc hien",
            "Trách  nhiệm\u{a0}thực hiện",
            "Tra\u{301}ch nhiê\u{323}m thư\u{323}c hiê\u{323}n",
        ] {
            assert_eq!(classify(h), Some(Role::Lead), "{h:?}");
        }
    }

    fn ev(cells: &[&str]) -> CellEvidence {
        let mut e = CellEvidence::default();
        for c in cells {
            let lines: Vec<String> = c.split('\n').map(String::from).collect();
            e.add(c, &lines);
        }
        e
    }

    #[test]
    fn agency_shapes() {
        for l in [
            "Sở Tư pháp",
            "- UBND các xã, phường",
            "Các phòng chuyên môn",
            "Công an tỉnh Lào Cai",
            "Văn phòng HĐND và UBND xã",
            "Ủy ban MTTQ Việt Nam tỉnh",
        ] {
            assert!(agency_shaped(l), "{l}");
        }
        for l in [
            "Quý I/2026",
            "Rà soát thủ tục hành chính",
            "Thường xuyên",
            "Có",
            "Ban hành kế hoạch kiểm tra",
            "Báo cáo kết quả",
            "Tổ chức hội nghị",
        ] {
            assert!(!agency_shaped(l), "{l}");
        }
    }

    #[test]
    fn cells_decide_where_the_header_does_not() {
        let roles = [Some(Role::Stt), None, None, None, Some(Role::Extra)];
        let evidence = [
            ev(&["1", "2", "3"]),
            ev(&[
                "Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh",
                "Tổ chức tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho công chức",
                "Công khai kết quả giải quyết hồ sơ trên Cổng Dịch vụ công quốc gia",
            ]),
            ev(&["Sở Tư pháp", "Văn phòng UBND tỉnh", "UBND các xã, phường"]),
            ev(&["Quý I/2026", "Trước ngày 30/6/2026", "Thường xuyên"]),
            ev(&["Báo cáo"]),
        ];
        let got = infer_from_cells(&roles, &evidence);
        let picked: Vec<(usize, Role)> = got.iter().map(|d| (d.index, d.role)).collect();
        assert_eq!(
            picked,
            [(1, Role::Content), (2, Role::Lead), (3, Role::Deadline)]
        );
        assert!(got[1].reason.contains("3/3"), "{:?}", got[1]);
    }

    #[test]
    fn cells_that_disagree_decide_nothing() {
        let roles = [Some(Role::Stt), Some(Role::Content), None];
        let evidence = [
            ev(&["1", "2"]),
            ev(&["x"]),
            ev(&["Sở Tư pháp", "Có", "Không", "Đạt"]),
        ];
        assert!(infer_from_cells(&roles, &evidence).is_empty());
    }
}
