use kehoach_parse::plan::{ItemKind, Plan};

use super::{Ctx, Rule, RuleInfo};
use crate::facts::{body_key, Level};
use crate::matching::{tokens, Vocab, Weights};
use crate::textscan::excerpt;
use crate::{Finding, Severity, Where};

declare_rule! {
    /// What it does: with a parent plan (`--against`), lists the parent's tasks that the
    /// draft's level must carry out — their lead agencies name the draft's level ("Các sở,
    /// ban, ngành" for a department, "UBND cấp xã" for a commune) or the draft's issuer by
    /// name — and reports each one that no draft item matches. Items are matched on their
    /// content (token Dice on normalised keys, plus containment, so rewording, merged and
    /// split items still match). The finding gives the parent's STT and text and the closest
    /// draft item with its score. A commune's draft from after 1 July 2025 checked against a
    /// parent from before also inherits the district level's tasks ("UBND cấp huyện"): a
    /// missing one is info. Where the draft's level is only a supporting agency, or
    /// where only a group heading of the draft matches (the heading is there, no task under
    /// it says so), a missing item is info.
    ///
    /// Why: a department or commune plan implements the provincial plan; a task assigned to
    /// "Các sở, ban, ngành" that the department's plan leaves out will not be done.
    ///
    /// Bad: the provincial plan gives "Báo cáo thực hiện kiểm soát TTHC — Các sở, ban, ngành"
    /// and the department's plan has no reporting item.
    ///
    /// Good: the department's plan has "2.5 Báo cáo thực hiện kiểm soát TTHC — Văn phòng Sở —
    /// Định kỳ hàng quý, năm".
    pub struct MissingItem {
        code: "KH201",
        name: "missing-mandatory-item",
        severity: Error,
        summary: "A parent task assigned to the draft's level has no matching draft item",
    }
}

/// How a parent item concerns the draft's issuer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duty {
    Lead,
    Support,
    /// Led by the district level in a parent from before 1 July 2025, for a commune's draft
    /// from after: the commune inherited it.
    Inherited,
}

/// Whether an agency entry names the district level.
fn names_district(entry: &str) -> bool {
    let a = crate::facts::normalise_ubnd(&kehoach_text::ascii_key(entry));
    a.contains("cap huyen") || a.contains("ubnd cac huyen") || a.starts_with("ubnd huyen")
}

/// The day the district level ended.
const DISTRICT_END: (i32, u32, u32) = (2025, 7, 1);

/// Whether an agency entry names the draft's level or issuer.
pub fn names_drafter(
    entry: &str,
    level: Level,
    issuer_key: Option<&str>,
    aliases: &[String],
) -> bool {
    let a = kehoach_text::ascii_key(entry);
    let a = crate::facts::normalise_ubnd(&a);
    let by_level = match level {
        Level::Department => {
            a.contains("so ban nganh")
                || a.contains("so nganh")
                || a.starts_with("cac so")
                || a.contains("co quan chuyen mon thuoc ubnd tinh")
        }
        Level::Commune => {
            a.contains("cap xa")
                || a.contains("ubnd cac xa")
                || a.contains("ubnd xa phuong")
                || a.contains("xa phuong thi tran")
        }
        _ => false,
    };
    if by_level {
        return true;
    }
    let k = body_key(entry);
    let has = |name: &str| !name.is_empty() && (format!(" {k} ").contains(&format!(" {name} ")));
    issuer_key.is_some_and(has) || aliases.iter().any(|n| has(n))
}

/// The parent's tasks the draft must (Lead) or should help (Support) carry out.
pub fn duties(cx: &Ctx, parent: &Plan) -> Vec<(usize, Duty)> {
    let level = cx.facts.level;
    let issuer_key = cx.draft.plan.document.issuer.as_deref().map(body_key);
    // Former names of the issuer, from the stale-body data (a parent from before a merger
    // names the body the draft's issuer replaced).
    let aliases: Vec<String> = issuer_key
        .as_deref()
        .map(|ik| {
            cx.opts
                .data
                .bodies
                .iter()
                .filter(|b| body_key(&b.replacement) == ik)
                .flat_map(|b| b.names.iter().map(|n| body_key(n)))
                .collect()
        })
        .unwrap_or_default();
    let parent_date = parent
        .document
        .date
        .as_ref()
        .and_then(|d| Some((d.year?, d.month.unwrap_or(1), d.day.unwrap_or(1))));
    let inherits = level == Level::Commune
        && parent_date.is_some_and(|d| d < DISTRICT_END)
        && cx.facts.effective.is_some_and(|d| d >= DISTRICT_END);
    let mut out = Vec::new();
    for (i, it) in parent.items.iter().enumerate() {
        if it.kind != ItemKind::Task || it.content.trim().is_empty() {
            continue;
        }
        let named = |list: &[String]| {
            list.iter()
                .any(|e| names_drafter(e, level, issuer_key.as_deref(), &aliases))
        };
        if named(&it.lead) {
            out.push((i, Duty::Lead));
        } else if inherits && it.lead.iter().any(|e| names_district(e)) {
            out.push((i, Duty::Inherited));
        } else if named(&it.support) {
            out.push((i, Duty::Support));
        }
    }
    out
}

impl Rule for MissingItem {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let plan = &cx.draft.plan;
        if plan.items.is_empty() {
            return;
        }
        // Group headings do not carry out tasks: only tasks (and headings that name a lead,
        // which act as tasks) can match.
        let draft_tokens: Vec<Option<Vec<String>>> = plan
            .items
            .iter()
            .map(|it| {
                (it.kind == ItemKind::Task || !it.lead.is_empty()).then(|| tokens(&it.content))
            })
            .collect();
        for parent in cx.parents {
            let ptoks: Vec<Vec<String>> = parent
                .plan
                .items
                .iter()
                .map(|it| tokens(&it.content))
                .collect();
            let w = Weights::from_docs(ptoks.iter().chain(draft_tokens.iter().flatten()));
            let mut vocab = Vocab::default();
            let draft_bags: Vec<_> = draft_tokens
                .iter()
                .map(|t| t.as_ref().map(|t| vocab.bag(t, &w)))
                .collect();
            let group_bags: Vec<_> = plan
                .items
                .iter()
                .zip(&draft_tokens)
                .map(|(it, t)| t.is_none().then(|| vocab.bag(&tokens(&it.content), &w)))
                .collect();
            for (pi, duty) in duties(cx, &parent.plan) {
                let p = &parent.plan.items[pi];
                let pt = vocab.bag(&ptoks[pi], &w);
                let Some((di, score, pair)) = vocab.best_match(&pt, &draft_bags) else {
                    continue;
                };
                if score >= cx.opts.threshold {
                    continue;
                }
                // Only a group heading says it: the draft has the heading but no task.
                let heading = vocab
                    .best_match(&pt, &group_bags)
                    .filter(|g| g.1 >= cx.opts.threshold && !g.2);
                let d = &plan.items[di];
                let closest_stt = if pair && di + 1 < plan.items.len() {
                    format!("{} + {}", d.stt.trim(), plan.items[di + 1].stt.trim())
                } else {
                    d.stt.trim().to_string()
                };
                let mut sev = match duty {
                    Duty::Lead => Severity::Error,
                    Duty::Support | Duty::Inherited => Severity::Info,
                };
                let closest = match heading {
                    Some((gi, gs, _)) => {
                        sev = Severity::Info;
                        crate::msg!(
                            "kh201-heading-only",
                            heading_stt = plan.items[gi].stt.trim(),
                            heading = excerpt(&plan.items[gi].content, 60),
                            heading_score = format!("{:.0}%", gs * 100.0),
                            stt = closest_stt,
                            content = excerpt(&d.content, 60),
                            score = format!("{:.0}%", score * 100.0)
                        )
                    }
                    None => crate::msg!(
                        "kh201-closest",
                        stt = closest_stt,
                        content = excerpt(&d.content, 60),
                        score = format!("{:.0}%", score * 100.0)
                    ),
                };
                let parent_stt = p.stt.trim();
                let message = match duty {
                    Duty::Lead => crate::msg!(
                        "kh201-missing-lead",
                        stt = parent_stt,
                        agencies = p.lead.join("; ")
                    ),
                    Duty::Support => crate::msg!(
                        "kh201-missing-support",
                        stt = parent_stt,
                        agencies = p.support.join("; ")
                    ),
                    Duty::Inherited => crate::msg!(
                        "kh201-missing-inherited",
                        stt = parent_stt,
                        agencies = p.lead.join("; ")
                    ),
                };
                let mut at = Where::parent_item(&parent.plan, pi);
                at.column = Some("content".into());
                out.push(
                    Finding::new(&Self::INFO, message, at)
                        .severity(sev)
                        .text(&p.content)
                        .suggest(crate::msg!("kh201-missing-help", stt = parent_stt))
                        .note(closest),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests_support::*;
    use kehoach_parse::plan::ItemKind;

    #[test]
    fn level_names() {
        let l = Level::Department;
        assert!(names_drafter("Các sở, ban, ngành", l, None, &[]));
        assert!(!names_drafter(
            "Các ngành: Công an, Quân đội, Bảo hiểm xã hội",
            l,
            None,
            &[]
        ));
        assert!(names_drafter("UBND cấp xã", Level::Commune, None, &[]));
        assert!(!names_drafter("UBND cấp huyện", Level::Commune, None, &[]));
        let k = body_key("SỞ TƯ PHÁP");
        assert!(names_drafter("Sở Tư pháp", Level::Other, Some(&k), &[]));
    }

    #[test]
    fn missing_item_found() {
        let parent = {
            let mut p = plan_2026();
            p.items[5].lead = vec!["Các sở, ban, ngành".into()];
            p.items[5].support = vec!["Văn phòng UBND tỉnh".into()];
            p
        };
        let mut draft = plan_2026();
        assert!(!codes_against(&draft, &parent).contains(&"KH201"));
        draft.items.remove(5);
        assert!(codes_against(&draft, &parent).contains(&"KH201"));
    }

    fn parent_with(items: &[(&str, &str)]) -> kehoach_parse::plan::Plan {
        let mut p = plan_2026();
        p.items = items
            .iter()
            .map(|(stt, c)| {
                item(
                    stt,
                    ItemKind::Task,
                    c,
                    &["Các sở, ban, ngành", "UBND cấp huyện"],
                    &["Văn phòng UBND tỉnh"],
                    "Thường xuyên",
                )
            })
            .collect();
        p
    }

    #[test]
    fn merged_split_and_reworded_items_match() {
        let parent = parent_with(&[
            ("1.1", "Cập nhật kịp thời, đầy đủ Quyết định công bố TTHC của bộ, ngành Trung ương"),
            ("1.2", "Công khai TTHC tại nơi giải quyết TTHC; trên Cổng/Trang thông tin điện tử của đơn vị"),
            ("1.3", "Đẩy mạnh việc tích hợp, cung cấp dịch vụ công trực tuyến; thực hiện thanh toán trực tuyến cho cá nhân, tổ chức; tăng cường tạo tài khoản cho công dân trên Cổng Dịch vụ công quốc gia"),
        ]);
        let mut draft = plan_2026();
        draft.items = vec![
            // 1.1 and 1.2 merged into one item.
            item("1.1", ItemKind::Task, "Cập nhật kịp thời, đầy đủ Quyết định công bố thủ tục hành chính của bộ, ngành Trung ương và công khai thủ tục hành chính tại nơi giải quyết, trên Cổng/Trang thông tin điện tử của Sở", &["Văn phòng Sở"], &[], "Thường xuyên"),
            // 1.3 split in two.
            item("1.2", ItemKind::Task, "Đẩy mạnh việc tích hợp, cung cấp dịch vụ công trực tuyến", &["Văn phòng Sở"], &[], "Thường xuyên"),
            item("1.3", ItemKind::Task, "Thực hiện thanh toán trực tuyến cho cá nhân, tổ chức; tạo tài khoản cho công dân trên Cổng Dịch vụ công quốc gia", &["Văn phòng Sở"], &[], "Thường xuyên"),
        ];
        let got = codes_against(&draft, &parent);
        assert!(!got.contains(&"KH201"), "{got:?}");
        // Without the merged item, 1.1 and 1.2 are missing.
        draft.items.remove(0);
        let n = codes_against(&draft, &parent)
            .iter()
            .filter(|c| **c == "KH201")
            .count();
        assert_eq!(n, 2);
    }
}

#[cfg(test)]
mod district {
    use crate::rules::tests_support::*;
    use kehoach_parse::plan::{ItemKind, PartialDate};

    /// A commune's 2026 draft against a 2024 parent inherits the district's tasks (info);
    /// against a parent from after the abolition, it does not.
    #[test]
    fn communes_inherit_district_tasks() {
        let mut parent = plan_2026();
        parent.document.date = Some(PartialDate {
            text: "ngày 13 tháng 12 năm 2023".into(),
            day: Some(13),
            month: Some(12),
            year: Some(2023),
        });
        parent.items = vec![item(
            "1.1",
            ItemKind::Task,
            "Tổ chức thực hiện toàn bộ quy trình tiếp nhận, giải quyết TTHC tại Bộ phận một cửa",
            &["Các sở, ban, ngành", "UBND cấp huyện"],
            &["Văn phòng UBND tỉnh"],
            "Thường xuyên",
        )];
        let mut draft = plan_2026();
        draft.document.issuer = Some("ỦY BAN NHÂN DÂN XÃ ĐỊNH HOÁ".into());
        let f: Vec<_> = crate::check(
            &crate::Source::from_plan("d", draft.clone()),
            &[crate::Source::from_plan("p", parent.clone())],
            &crate::Options::default(),
        )
        .unwrap()
        .into_iter()
        .filter(|f| f.code == "KH201")
        .collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, crate::Severity::Info);
        parent.document.date.as_mut().unwrap().year = Some(2025);
        assert!(!codes_against(&draft, &parent).contains(&"KH201"));
    }
}
