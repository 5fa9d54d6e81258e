use super::{Ctx, Rule, RuleInfo};
use crate::local_government::Stale;
use crate::textscan::{find_phrase, words, Phrase};
use crate::{Finding, Where};

/// Where a stale name comes from.
#[derive(Debug, Clone, Copy)]
enum Source {
    /// An entry of the data (`bodies`).
    Data(usize),
    /// A district-level body, by grammar.
    District,
    /// A merged province (`provinces`).
    Province(usize),
}

declare_rule! {
    /// What it does: looks for bodies that were abolished, merged or renamed — from the data
    /// shipped with the crate (`data/stale.json`) and any `--rules-data` file — in every
    /// text of the plan: items (content, lead, support, deadline), title, issuer, appendix,
    /// recipients and body paragraphs. An entry applies only to plans dated on or after its
    /// effective date (the plan date, else 1 January of the plan year). Names match whatever
    /// the tone placement, case, spacing, punctuation or "và"/"&" ("Sở TT&TT", "SỞ THÔNG TIN
    /// VÀ TRUYỀN THÔNG"), on word boundaries; the longest name wins ("UBND cấp huyện", not
    /// also "cấp huyện").
    ///
    /// Why: plans are copied from earlier years. Since 1 July 2025 there is no district level
    /// ("UBND cấp huyện"), and in 2025 provincial departments were merged (Sở Thông tin và
    /// Truyền thông into Sở Khoa học và Công nghệ, Ban Dân tộc into Sở Dân tộc và Tôn giáo …);
    /// a task assigned to a body that no longer exists has no one to do it.
    ///
    /// Bad: in a plan for 2026, lead "UBND cấp huyện", support "Sở Thông tin và Truyền
    /// thông", content "… của Ban Dân tộc năm 2026".
    ///
    /// Good: "UBND cấp xã", "Sở Khoa học và Công nghệ", "… của Sở Dân tộc và Tôn giáo năm
    /// 2026"; "UBND cấp huyện" in a plan for 2024.
    pub struct StaleBody {
        code: "KH301",
        name: "stale-body",
        severity: Error,
        summary: "Names a body abolished, merged or renamed before the plan's date",
    }
}

impl Rule for StaleBody {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>) {
        let Some(eff) = cx.facts.effective else {
            return;
        };
        let entries: Vec<(usize, Vec<Phrase>)> = cx
            .opts
            .data
            .bodies
            .iter()
            .enumerate()
            .filter(|(_, b)| crate::data::parse_iso(&b.effective).is_some_and(|d| d <= eff))
            .map(|(i, b)| (i, b.names.iter().map(|n| Phrase::new(n, true)).collect()))
            .collect();
        let data = &cx.opts.data;
        // Two levels of local government from 1 July 2025: district bodies and merged
        // provinces are found by grammar (crate::local_government), not by a list of names.
        let two_levels = eff >= crate::data::DISTRICT_LEVEL_ENDS;
        let provinces_merged =
            crate::data::parse_iso(&data.provinces_effective).is_some_and(|d| d <= eff);
        if entries.is_empty() && !two_levels {
            return;
        }
        for span in &cx.facts.spans {
            let ws = words(&span.text);
            let mut hits: Vec<(usize, usize, Source)> = Vec::new();
            for (ei, phrases) in &entries {
                for ph in phrases {
                    for h in find_phrase(&ws, ph, true, false) {
                        hits.push((h.start, h.end, Source::Data(*ei)));
                    }
                }
            }
            if two_levels {
                for f in crate::local_government::stale_names(&span.text, &ws, data) {
                    match f.what {
                        Stale::District => hits.push((f.start, f.end, Source::District)),
                        Stale::Province(p) if provinces_merged => {
                            hits.push((f.start, f.end, Source::Province(p)))
                        }
                        Stale::Province(_) => {}
                    }
                }
            }
            // Longest match wins; drop hits inside another, and a listed name over the
            // same words as a grammar hit.
            hits.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
            let mut kept: Vec<(usize, usize, Source)> = Vec::new();
            for h in hits {
                if kept
                    .iter()
                    .any(|k| (h.0 >= k.0 && h.1 <= k.1) || (h.0 < k.1 && k.0 < h.1))
                {
                    continue;
                }
                kept.push(h);
            }
            kept.sort_by_key(|h| h.0);
            for (s, e, src) in kept {
                // The issuer of a document dated before the change is history, not a
                // stale name: "Quyết định số 12/QĐ-UBND ngày 10/3/2024 của UBND huyện X".
                let since = match src {
                    Source::Data(ei) => crate::data::parse_iso(&data.bodies[ei].effective),
                    Source::District => Some(crate::data::DISTRICT_LEVEL_ENDS),
                    Source::Province(_) => crate::data::parse_iso(&data.provinces_effective),
                };
                if let (Some(since), Some(issued)) = (since, issued_by(&span.text, s)) {
                    if issued < since {
                        continue;
                    }
                }
                let found = &span.text[s..e];
                let at = span.at.clone();
                out.push(match src {
                    Source::Data(ei) => stale_finding(&Self::INFO, at, found, &data.bodies[ei]),
                    Source::District => {
                        Finding::new(&Self::INFO, crate::msg!("kh301-district", name = found), at)
                            .text(found)
                            .suggest(crate::msg!("kh301-district-help"))
                            .note(crate::Msg::both(
                                &data.district_source,
                                data.district_source_en.as_deref(),
                            ))
                    }
                    Source::Province(p) => {
                        let pr = &data.provinces[p];
                        Finding::new(
                            &Self::INFO,
                            crate::msg!(
                                "kh301-province",
                                name = found,
                                province = pr.name.as_str(),
                                into = pr.into.as_str()
                            ),
                            at,
                        )
                        .text(found)
                        .suggest(crate::msg!("kh301-province-help", into = pr.into.as_str()))
                        .note(crate::Msg::both(
                            &data.provinces_source,
                            data.provinces_source_en.as_deref(),
                        ))
                    }
                });
            }
        }
    }
}

/// When the name at byte `at` is the issuer of a dated document — "… ngày 10/3/2024 của
/// <name>", "… ngày 10 tháng 3 năm 2024 của <name>" — that document's date.
pub fn issued_by(text: &str, at: usize) -> Option<(i32, u32, u32)> {
    let before = text.get(..at)?.trim_end();
    let before = before
        .strip_suffix("của")
        .or_else(|| before.strip_suffix("Của"))?
        .trim_end();
    // The date right before "của".
    // Its last 30 characters.
    let from = before.char_indices().rev().nth(29).map_or(0, |(i, _)| i);
    let tail = &before[from..];
    let nums: Vec<u32> = tail
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.parse().ok())
        .collect();
    let ends_with_digit = tail.chars().last().is_some_and(|c| c.is_ascii_digit());
    if !ends_with_digit || nums.len() < 3 {
        return None;
    }
    let (d, m, y) = (
        nums[nums.len() - 3],
        nums[nums.len() - 2],
        nums[nums.len() - 1],
    );
    let k = kehoach_text::ascii_key(tail);
    let dated = k.contains("ngay") && (1..=31).contains(&d) && (1..=12).contains(&m);
    (dated && (1900..=2200).contains(&y)).then_some((y as i32, m, d))
}

fn stale_finding(info: &RuleInfo, at: Where, found: &str, b: &crate::data::StaleBody) -> Finding {
    let since = crate::data::parse_iso(&b.effective)
        .map(crate::facts::show_date)
        .unwrap_or_else(|| b.effective.clone());
    let f = Finding::new(
        info,
        crate::msg!("kh301-stale", name = found, since = since),
        at,
    )
    .text(found)
    .suggest(crate::Msg::both(
        &b.replacement,
        b.replacement_en.as_deref(),
    ))
    .note(crate::Msg::both(&b.source, b.source_en.as_deref()));
    if b.certain {
        f.fix(found, b.replacement.as_str())
    } else {
        f
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::*;

    #[test]
    fn stale_names_in_2026_not_2024() {
        let mut p = plan_2026();
        p.items[4].support = vec!["Sở TT&TT".into(), "UBND cấp huyện".into()];
        p.items[1].content = "Xây dựng Kế hoạch của Ban Dân tộc năm 2026".into();
        let f = findings(&p);
        let n = f.iter().filter(|f| f.code == "KH301").count();
        assert_eq!(n, 3, "{f:#?}");
        let mut old = p.clone();
        old.document.date.as_mut().unwrap().year = Some(2024);
        old.document.plan_year = Some(2024);
        assert!(!codes(&old).contains(&"KH301"));
        // "Sở Dân tộc và Tôn giáo" is not "Ban Dân tộc"; ICT is not the department.
        let mut p = plan_2026();
        p.items[1].content =
            "Sở Dân tộc và Tôn giáo ứng dụng công nghệ thông tin và truyền thông".into();
        assert!(!codes(&p).contains(&"KH301"));
    }
}

#[cfg(test)]
mod spellings {
    use crate::rules::tests_support::*;

    /// Every way of writing a merged department is found, and says what replaced it.
    #[test]
    fn abbreviations_case_spacing() {
        let cases = [
            ("Sở TT&TT", "Sở Khoa học và Công nghệ"),
            ("SỞ TTTT", "Sở Khoa học và Công nghệ"),
            ("Sở Thông tin - Truyền thông", "Sở Khoa học và Công nghệ"),
            ("sở thông tin và truyền thông", "Sở Khoa học và Công nghệ"),
            ("Sở LĐTBXH", "Sở Nội vụ"),
            ("Sở LĐ-TB&XH", "Sở Nội vụ"),
            ("Sở Lao động-Thương binh và Xã hội", "Sở Nội vụ"),
            ("Sở KH&ĐT", "Sở Tài chính"),
            ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Tài chính"),
            ("Sở GTVT", "Sở Xây dựng"),
            ("Sở NN&PTNT", "Sở Nông nghiệp và Môi trường"),
            ("Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và Môi trường"),
            ("Sở TN&MT", "Sở Nông nghiệp và Môi trường"),
            ("Sở Tài nguyên - Môi trường", "Sở Nông nghiệp và Môi trường"),
            ("Ban Dân tộc tỉnh", "Sở Dân tộc và Tôn giáo"),
            ("Bộ TT&TT", "Bộ Khoa học và Công nghệ"),
            (
                "Ủy ban nhân dân cấp huyện",
                "UBND cấp xã (hoặc cơ quan cấp tỉnh nhận nhiệm vụ)",
            ),
            (
                "UBND các huyện, thành phố",
                "UBND cấp xã (hoặc cơ quan cấp tỉnh nhận nhiệm vụ)",
            ),
        ];
        for (name, want) in cases {
            let mut p = plan_2026();
            p.items[2].support = vec![name.to_string()];
            let f = findings(&p);
            let s: Vec<_> = f.iter().filter(|f| f.code == "KH301").collect();
            assert_eq!(s.len(), 1, "{name}: {f:#?}");
            assert_eq!(s[0].suggestion.as_deref(), Some(want), "{name}");
            assert_eq!(s[0].text.as_deref(), Some(name), "{name}");
        }
        // Not stale: the successors, ICT as a field, the ministry of the interior.
        for name in [
            "Sở Khoa học và Công nghệ",
            "Sở Nội vụ",
            "Trung tâm Công nghệ thông tin và Truyền thông",
            "Sở Dân tộc và Tôn giáo",
            "UBND cấp xã",
        ] {
            let mut p = plan_2026();
            p.items[2].support = vec![name.to_string()];
            assert!(!codes(&p).contains(&"KH301"), "{name}");
        }
    }
}

#[cfg(test)]
mod issued_tests {
    use super::issued_by;
    use crate::rules::tests_support::*;

    #[test]
    fn the_issuer_of_a_dated_document() {
        let t = "Căn cứ Quyết định số 12/QĐ-UBND ngày 10/3/2024 của UBND huyện Đại Từ";
        assert_eq!(
            issued_by(t, t.find("UBND huyện").unwrap()),
            Some((2024, 3, 10))
        );
        let t = "Kế hoạch số 5/KH-STTTT ngày 05 tháng 02 năm 2025 của Sở Thông tin và Truyền thông";
        assert_eq!(issued_by(t, t.find("Sở").unwrap()), Some((2025, 2, 5)));
        let t = "giao UBND huyện Đại Từ";
        assert_eq!(issued_by(t, t.find("UBND").unwrap()), None);
    }

    #[test]
    fn an_old_document_of_a_former_body_is_history() {
        let mut p = plan_2026();
        p.items[1].content =
            "Triển khai Quyết định số 12/QĐ-UBND ngày 10/3/2024 của UBND huyện Đại Từ".into();
        assert!(!codes(&p).contains(&"KH301"), "{:?}", codes(&p));
        // Dated after the change: the body could not have issued it.
        p.items[1].content =
            "Triển khai Kế hoạch số 15/KH-UBND ngày 05/01/2026 của UBND huyện Đại Từ".into();
        assert!(codes(&p).contains(&"KH301"));
        // Named as the one to act: stale.
        p.items[1].content = "Phối hợp với Sở Thông tin và Truyền thông".into();
        assert!(codes(&p).contains(&"KH301"));
    }
}
