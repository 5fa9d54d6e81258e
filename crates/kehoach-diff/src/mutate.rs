//! A mutation generator: injects one kind of drift into a clean plan, and says which rule
//! must find it and where. Used by the mutation tests (every kind must be found, and the
//! untouched plan must not give that finding) and by `kehoach diff` demonstrations.

use kehoach_parse::plan::{deadline, meta::find_citations, ItemKind, Plan};

use crate::facts::Facts;
use crate::matching::{tokens, Vocab, Weights};
use crate::rules::kh201_missing_item::{duties, Duty};
use crate::rules::Ctx;
use crate::{Options, Source};

/// Kinds of drift.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An item names last year.
    ItemYear,
    /// A deadline in last year.
    DeadlineYear,
    /// The appendix title names another year.
    AppendixYear,
    /// A cited parent plan dated in the year before last.
    CitedPlanYear,
    /// A task the parent assigns to the draft's level is deleted (needs a parent).
    DeleteMandatory,
    /// The parent is cited with another document type and symbol (needs a parent).
    ParentCitedWrongly,
    /// A word of an item differs from the parent's twin by its diacritics (needs a parent).
    ToneVsParent,
    /// A supporting agency renamed to a merged department.
    StaleDepartment,
    /// The lead becomes the abolished district level.
    StaleDistrict,
    /// An item cites a superseded decree.
    SupersededDecree,
    /// An item takes the number of the item before.
    DuplicateStt,
    /// A task's lead cell is emptied.
    EmptyLead,
    /// A task's lead is repeated as support.
    LeadIsSupport,
    /// A deadline phrase is put in the lead column.
    DeadlineInLead,
    /// A task's deadline is emptied.
    EmptyDeadline,
    /// A phrase is written twice.
    RepeatPhrase,
    /// A known misspelling is typed.
    Misspelling,
    /// The appendix line's symbol drifts from the number line's.
    SymbolMismatch,
    /// The document is dated two years before its plan year.
    DateYear,
    /// An item skips a number ("1.3" after "1.1").
    SttGap,
    /// One top-level number loses its trailing dot ("3" beside "1.", "2.").
    SttStyle,
    /// A citation whose type contradicts its symbol ("Quyết định số 12/KH-UBND").
    CitationType,
    /// The title names another unit of the issuer's kind as the owner.
    ForeignOwner,
}

pub const ALL: &[Kind] = &[
    Kind::ItemYear,
    Kind::DeadlineYear,
    Kind::AppendixYear,
    Kind::CitedPlanYear,
    Kind::DeleteMandatory,
    Kind::ParentCitedWrongly,
    Kind::ToneVsParent,
    Kind::StaleDepartment,
    Kind::StaleDistrict,
    Kind::SupersededDecree,
    Kind::DuplicateStt,
    Kind::EmptyLead,
    Kind::LeadIsSupport,
    Kind::DeadlineInLead,
    Kind::EmptyDeadline,
    Kind::RepeatPhrase,
    Kind::Misspelling,
    Kind::SymbolMismatch,
    Kind::DateYear,
    Kind::SttGap,
    Kind::SttStyle,
    Kind::CitationType,
    Kind::ForeignOwner,
];

/// A mutated plan and what must be found in it.
#[derive(Debug, Clone)]
pub struct Mutant {
    pub kind: Kind,
    pub plan: Plan,
    /// The rule that must report it.
    pub code: &'static str,
    /// The draft item's STT where it must be reported (None: a document field).
    pub stt: Option<String>,
    /// The parent item's STT (missing items).
    pub parent_stt: Option<String>,
    /// The severity the finding must have, where the rule gives several.
    pub severity: Option<crate::Severity>,
    pub description: String,
}

fn tasks(p: &Plan) -> impl Iterator<Item = usize> + '_ {
    p.items
        .iter()
        .enumerate()
        .filter(|(_, it)| it.kind == ItemKind::Task && !it.content.is_empty())
        .map(|(i, _)| i)
}

/// Applies one kind of drift to a copy of `plan`; `None` when the plan offers no place for
/// it (or the kind needs a parent and none is given).
pub fn mutate(plan: &Plan, parent: Option<&Plan>, kind: Kind) -> Option<Mutant> {
    let mut p = plan.clone();
    let py = plan.document.plan_year?;
    let stt = |p: &Plan, i: usize| Some(p.items[i].stt.trim().to_string());
    let mk = |p: Plan, code, stt: Option<String>, d: String| Mutant {
        kind,
        plan: p,
        code,
        stt,
        parent_stt: None,
        severity: None,
        description: d,
    };
    match kind {
        Kind::ItemYear => {
            let needle = format!("năm {py}");
            let i = tasks(&p).find(|&i| p.items[i].content.contains(&needle))?;
            p.items[i].content = p.items[i]
                .content
                .replace(&needle, &format!("năm {}", py - 1));
            let s = stt(&p, i);
            Some(mk(
                p,
                "KH102",
                s,
                format!("item names {} instead of {py}", py - 1),
            ))
        }
        Kind::DeadlineYear => {
            let i = tasks(&p).find(|&i| {
                matches!(
                    p.items[i].deadline.kind,
                    kehoach_parse::plan::DeadlineKind::Continuous
                )
            })?;
            p.items[i].deadline = deadline::parse(&format!("Trước ngày 15/01/{}", py - 1));
            let s = stt(&p, i);
            Some(mk(p, "KH103", s, "deadline in last year".into()))
        }
        Kind::AppendixYear => {
            let a = p.document.appendix.as_mut()?;
            let t = a.title.clone()?;
            a.title = Some(t.replace(&py.to_string(), &(py - 1).to_string()));
            Some(mk(
                p,
                "KH101",
                None,
                "appendix title names last year".into(),
            ))
        }
        Kind::CitedPlanYear => {
            p.document.legal_bases = find_citations(&format!(
                "Thực hiện Kế hoạch số 12/KH-UBND ngày 20/01/{} của UBND tỉnh",
                py - 2
            ));
            Some(mk(
                p,
                "KH104",
                None,
                "cites a plan dated two years back".into(),
            ))
        }
        Kind::DeleteMandatory => {
            let parent = parent?;
            let draft = Source::from_plan("draft", plan.clone());
            let psrc = [Source::from_plan("parent", parent.clone())];
            let opts = Options::default();
            let cx = Ctx {
                draft: &draft,
                facts: Facts::of(&draft),
                parents: &psrc,
                parent_facts: vec![],
                opts: &opts,
            };
            let dt: Vec<Option<Vec<String>>> = plan
                .items
                .iter()
                .map(|it| (it.kind == ItemKind::Task).then(|| tokens(&it.content)))
                .collect();
            let pt: Vec<Vec<String>> = parent.items.iter().map(|it| tokens(&it.content)).collect();
            let w = Weights::from_docs(pt.iter().chain(dt.iter().flatten()));
            let mut vocab = Vocab::default();
            let db: Vec<_> = dt
                .iter()
                .map(|t| t.as_ref().map(|t| vocab.bag(t, &w)))
                .collect();
            let pb: Vec<_> = pt.iter().map(|t| vocab.bag(t, &w)).collect();
            for (pi, duty) in duties(&cx, parent) {
                if duty != Duty::Lead {
                    continue;
                }
                let Some((di, s, false)) = vocab.best_match(&pb[pi], &db) else {
                    continue;
                };
                if s < 0.9 {
                    continue;
                }
                // Without that item, nothing else may cover the parent item.
                let mut rest = db.clone();
                rest[di] = None;
                if vocab
                    .best_match(&pb[pi], &rest)
                    .is_some_and(|b| b.1 >= opts.threshold)
                {
                    continue;
                }
                p.items.remove(di);
                return Some(Mutant {
                    kind,
                    plan: p,
                    code: "KH201",
                    stt: None,
                    parent_stt: Some(parent.items[pi].stt.trim().to_string()),
                    severity: Some(crate::Severity::Error),
                    description: format!(
                        "deleted {} (parent {})",
                        plan.items[di].stt.trim(),
                        parent.items[pi].stt.trim()
                    ),
                });
            }
            None
        }
        Kind::ParentCitedWrongly => {
            let parent = parent?;
            let n = parent.document.number.as_ref()?.number.clone()?;
            let t = kehoach_text::ascii_key(parent.document.doc_type.as_deref()?);
            let d = parent.document.date.as_ref()?;
            let date = format!("{:02}/{:02}/{}", d.day?, d.month?, d.year?);
            let wrong = if t == "quyet dinh" {
                format!("Thực hiện Kế hoạch số {n}/KH-UBND ngày {date} của UBND tỉnh")
            } else {
                format!("Căn cứ Quyết định số {n}/QĐ-UBND ngày {date} của UBND tỉnh")
            };
            p.document.legal_bases = find_citations(&wrong);
            let mut m = mk(p, "KH202", None, "parent cited with the wrong type".into());
            m.severity = Some(crate::Severity::Error);
            Some(m)
        }
        Kind::ToneVsParent => {
            let parent = parent?;
            let i = tasks(&p).find(|&i| {
                p.items[i].content.contains("Cổng")
                    && parent.items.iter().any(|q| {
                        q.content.contains("Cổng")
                            && crate::matching::dice(
                                &tokens(&q.content),
                                &tokens(&p.items[i].content),
                            ) >= 0.6
                    })
            })?;
            p.items[i].content = p.items[i].content.replacen("Cổng", "Cộng", 1);
            let s = stt(&p, i);
            Some(mk(p, "KH203", s, "\"Cổng\" → \"Cộng\"".into()))
        }
        Kind::StaleDepartment => {
            let i = tasks(&p).find(|&i| !p.items[i].support.is_empty())?;
            p.items[i]
                .support
                .push("Sở Thông tin và Truyền thông".into());
            let s = stt(&p, i);
            Some(mk(p, "KH301", s, "support names Sở TT&TT".into()))
        }
        Kind::StaleDistrict => {
            let i = tasks(&p).find(|&i| !p.items[i].lead.is_empty())?;
            p.items[i].lead.push("UBND cấp huyện".into());
            let s = stt(&p, i);
            Some(mk(p, "KH301", s, "lead names UBND cấp huyện".into()))
        }
        Kind::SupersededDecree => {
            let i = tasks(&p).next()?;
            p.items[i]
                .content
                .push_str(" theo Nghị định số 61/2018/NĐ-CP của Chính phủ");
            let s = stt(&p, i);
            Some(mk(p, "KH302", s, "cites Nghị định 61/2018/NĐ-CP".into()))
        }
        Kind::DuplicateStt => {
            let i = (1..p.items.len()).find(|&i| {
                p.items[i].kind == ItemKind::Task
                    && p.items[i - 1].kind == ItemKind::Task
                    && p.items[i].level == p.items[i - 1].level
            })?;
            p.items[i].stt = p.items[i - 1].stt.clone();
            let s = stt(&p, i);
            Some(mk(p, "KH401", s, "item takes the number before".into()))
        }
        Kind::EmptyLead => {
            let i = tasks(&p).find(|&i| !p.items[i].lead.is_empty())?;
            p.items[i].lead.clear();
            let s = stt(&p, i);
            Some(mk(p, "KH404", s, "lead emptied".into()))
        }
        Kind::LeadIsSupport => {
            let i = tasks(&p).find(|&i| !p.items[i].lead.is_empty())?;
            let l = p.items[i].lead[0].clone();
            p.items[i].support.push(l);
            let s = stt(&p, i);
            Some(mk(p, "KH405", s, "lead repeated as support".into()))
        }
        Kind::DeadlineInLead => {
            let i = tasks(&p).find(|&i| !p.items[i].lead.is_empty())?;
            p.items[i].lead = vec!["Thường xuyên".into()];
            let s = stt(&p, i);
            Some(mk(
                p,
                "KH406",
                s,
                "deadline phrase in the lead column".into(),
            ))
        }
        Kind::EmptyDeadline => {
            let i = tasks(&p).find(|&i| !p.items[i].deadline.text.is_empty())?;
            p.items[i].deadline = deadline::parse("");
            let s = stt(&p, i);
            Some(mk(p, "KH407", s, "deadline emptied".into()))
        }
        Kind::RepeatPhrase => {
            let i = tasks(&p).find(|&i| {
                let c = &p.items[i].content;
                c.find(", ")
                    .is_some_and(|k| c[..k].split_whitespace().count() >= 3)
            })?;
            let c = p.items[i].content.clone();
            let k = c.find(", ")?;
            let head: Vec<&str> = c[..k].split_whitespace().collect();
            let tail = head[head.len() - 2..].join(" ");
            p.items[i].content = format!("{}, {}{}", &c[..k], tail, &c[k..]);
            let s = stt(&p, i);
            Some(mk(p, "KH601", s, format!("\"{tail}\" written twice")))
        }
        Kind::Misspelling => {
            let i = tasks(&p).find(|&i| p.items[i].content.contains("Cổng Dịch vụ công"))?;
            p.items[i].content =
                p.items[i]
                    .content
                    .replacen("Cổng Dịch vụ công", "Công Dịch vụ công", 1);
            let s = stt(&p, i);
            Some(mk(p, "KH602", s, "\"Cổng\" typed \"Công\"".into()))
        }
        Kind::SymbolMismatch => {
            let sym = p.document.number.as_ref()?.symbol.clone()?;
            let a = p.document.appendix.as_mut()?;
            let r = a.reference.as_mut()?;
            r.symbol = Some(format!("{sym}X"));
            Some(mk(p, "KH501", None, "appendix symbol drifts".into()))
        }
        Kind::DateYear => {
            let d = p.document.date.as_mut()?;
            d.year = Some(py - 2);
            d.text = d.text.replace(&py.to_string(), &(py - 2).to_string());
            Some(mk(p, "KH101", None, format!("dated in {}", py - 2)))
        }
        Kind::SttGap => {
            // The last of a run of sibling tasks jumps one number ahead.
            let i = (1..p.items.len()).rev().find(|&i| {
                p.items[i].kind == ItemKind::Task
                    && p.items[i - 1].kind == ItemKind::Task
                    && p.items[i].level == p.items[i - 1].level
                    && p.items
                        .get(i + 1)
                        .is_none_or(|n| n.level < p.items[i].level)
            })?;
            let st = p.items[i].stt.trim().trim_end_matches('.').to_string();
            let (head, last) = st.rsplit_once('.')?;
            let n: u32 = last.parse().ok()?;
            p.items[i].stt = format!("{head}.{}", n + 1);
            let s = stt(&p, i);
            Some(mk(p, "KH402", s, "a number skipped".into()))
        }
        Kind::SttStyle => {
            // At the first depth whose numbers share one style, flip the style of one.
            for depth in 1..=3u32 {
                let at: Vec<usize> = (0..p.items.len())
                    .filter(|&i| p.items[i].level == depth)
                    .collect();
                let dotted = at
                    .iter()
                    .filter(|&&i| p.items[i].stt.trim().ends_with('.'))
                    .count();
                if at.len() < 3 || (dotted != 0 && dotted != at.len()) {
                    continue;
                }
                let i = at[at.len() - 1];
                let t = p.items[i].stt.trim().to_string();
                p.items[i].stt = if dotted == 0 {
                    format!("{t}.")
                } else {
                    t.trim_end_matches('.').to_string()
                };
                let s = stt(&p, i);
                return Some(mk(p, "KH403", s, "one number in the other style".into()));
            }
            None
        }
        Kind::ForeignOwner => {
            let issuer = kehoach_text::ascii_key(p.document.issuer.as_deref()?);
            let other = match crate::facts::level_of(p.document.issuer.as_deref()?) {
                crate::facts::Level::Department if issuer.contains("tai chinh") => "của Sở Nội vụ",
                crate::facts::Level::Department => "của Sở Tài chính",
                crate::facts::Level::Commune => "xã Phú Đình",
                _ => return None,
            };
            let t = p.document.title.clone()?;
            let needle = format!("năm {py}");
            let k = t.rfind(&needle)?;
            p.document.title = Some(format!("{}{other} {}", &t[..k], &t[k..]));
            Some(mk(p, "KH503", None, format!("title names \"{other}\"")))
        }
        Kind::CitationType => {
            let i = tasks(&p).nth(1)?;
            p.items[i]
                .content
                .push_str(" theo Quyết định số 12/KH-UBND ngày 10/01/2025 của UBND tỉnh");
            let s = stt(&p, i);
            Some(mk(p, "KH502", s, "type and symbol disagree".into()))
        }
    }
}

/// Every mutant the plan allows.
pub fn all(plan: &Plan, parent: Option<&Plan>) -> Vec<Mutant> {
    ALL.iter()
        .filter_map(|&k| mutate(plan, parent, k))
        .collect()
}

/// Applies several kinds of drift in turn (each to the result of the one before).
pub fn apply_many(plan: &Plan, parent: Option<&Plan>, kinds: &[Kind]) -> Plan {
    let mut p = plan.clone();
    for &k in kinds {
        if let Some(m) = mutate(&p, parent, k) {
            p = m.plan;
        }
    }
    p
}
