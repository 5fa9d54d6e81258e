//! The rule registry. One file per rule; each declares its code, name, default severity and
//! documentation with the `declare_rule!` macro, and implements [`Rule`].
//!
//! Codes are grouped by what they look at:
//!
//! | range | about |
//! |-------|-------|
//! | KH1xx | years and dates |
//! | KH2xx | the parent plan (`--against`) |
//! | KH3xx | stale bodies and legal bases |
//! | KH4xx | table structure |
//! | KH5xx | references and numbers |
//! | KH6xx | wording |
//! | KH7xx | the signing stage |

use crate::facts::Facts;
use crate::{Finding, Options, Severity, Source, TooMuchMatching};

/// Declares a rule: a unit struct with its documentation and a `const INFO: RuleInfo`.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident {
            code: $code:literal,
            name: $rname:literal,
            severity: $sev:ident,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        $vis struct $name;
        impl $name {
            pub const INFO: $crate::rules::RuleInfo = $crate::rules::RuleInfo {
                code: $code,
                name: $rname,
                severity: $crate::Severity::$sev,
                summary: $summary,
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}

pub mod kh101_date_year;
pub mod kh102_item_year;
pub mod kh103_deadline;
pub mod kh104_cited_plan_year;
pub mod kh105_impossible_date;
pub mod kh201_missing_item;
pub mod kh202_parent_citation;
pub mod kh203_twin_wording;
pub mod kh301_stale_body;
pub mod kh302_superseded_basis;
pub mod kh401_stt_duplicate;
pub mod kh402_stt_sequence;
pub mod kh403_stt_style;
pub mod kh404_task_without_lead;
pub mod kh405_lead_is_support;
pub mod kh406_misplaced_cell;
pub mod kh407_empty_deadline;
pub mod kh501_number_symbol;
pub mod kh502_citation_type;
pub mod kh503_foreign_owner;
pub mod kh601_repeated_phrase;
pub mod kh602_misspelling;
pub mod kh603_name_spelling;
pub mod kh701_signed_fields;
pub mod kh702_signed_format;
#[cfg(test)]
pub(crate) mod tests_support;

/// A rule's metadata.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct RuleInfo {
    /// Stable code, "KH101".
    pub code: &'static str,
    /// Short kebab-case name.
    pub name: &'static str,
    /// Default severity (a finding may be milder, as the rule's documentation says).
    pub severity: Severity,
    /// One line.
    pub summary: &'static str,
    /// What it does, why, an example of bad and of good.
    #[serde(skip)]
    pub doc: &'static str,
}

impl RuleInfo {
    /// The rule's title in `lang`: a short Vietnamese name, or the kebab-case name in English.
    pub fn title(&self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::En => self.name.to_string(),
            crate::Lang::Vi => kehoach_i18n::tr(lang, &self.catalogue_id()),
        }
    }

    /// The one-line summary in `lang`.
    pub fn summary_in(&self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::En => self.summary.to_string(),
            crate::Lang::Vi => kehoach_i18n::tr_attr(lang, &self.catalogue_id(), "summary", &[])
                .unwrap_or_else(|| self.summary.to_string()),
        }
    }

    /// What it does, why, bad and good examples, in `lang` (English: the documentation in
    /// code; Vietnamese: `explain-khNNN` in the catalogue, or the English where missing).
    pub fn explanation_in(&self, lang: crate::Lang) -> String {
        let id = format!("explain-{}", self.code.to_lowercase());
        let mut text = match lang {
            crate::Lang::Vi if kehoach_i18n::has(lang, &id) => kehoach_i18n::tr(lang, &id),
            _ => self.explanation(),
        };
        if let Some(p) = self.precision_line(lang) {
            text.push_str("\n\n");
            text.push_str(&p);
        }
        text
    }

    /// Findings and true findings of the rule on kehoach's own fixture plans, and how many
    /// plans were checked (`data/precision.tsv`, held true by `tests/precision.rs`).
    pub fn precision(&self) -> Option<(usize, usize, usize)> {
        PRECISION.lines().find_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() == 4 && f[0] == self.code).then(|| {
                let n = |i: usize| f[i].parse().unwrap_or(0);
                (n(1), n(2), n(3))
            })
        })
    }

    /// The precision line of the explanation, in `lang`.
    pub fn precision_line(&self, lang: crate::Lang) -> Option<String> {
        let (n, t, docs) = self.precision()?;
        let id = if n == 0 {
            "rule-precision-none"
        } else {
            "rule-precision"
        };
        Some(kehoach_i18n::tr_args(
            lang,
            id,
            &[
                ("findings", n.into()),
                ("right", t.into()),
                ("documents", docs.into()),
            ],
        ))
    }

    fn catalogue_id(&self) -> String {
        format!("rule-{}", self.code.to_lowercase())
    }

    /// The documentation with the doc-comment indentation removed.
    pub fn explanation(&self) -> String {
        let mut s: String = self
            .doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n");
        while s.ends_with('\n') {
            s.pop();
        }
        s
    }
}

/// Each rule's findings on the fixture plans (see [`RuleInfo::precision`]).
const PRECISION: &str = include_str!("../../data/precision.tsv");

/// What a rule sees.
pub struct Ctx<'a> {
    pub draft: &'a Source,
    pub facts: Facts,
    pub parents: &'a [Source],
    pub parent_facts: Vec<Facts>,
    pub opts: &'a Options,
}

/// A rule.
pub trait Rule: Sync {
    fn info(&self) -> &'static RuleInfo;
    fn check(&self, cx: &Ctx, out: &mut Vec<Finding>);
}

static RULES: &[&dyn Rule] = &[
    &kh101_date_year::DateYear,
    &kh102_item_year::ItemYear,
    &kh103_deadline::DeadlineRange,
    &kh104_cited_plan_year::CitedPlanYear,
    &kh105_impossible_date::ImpossibleDate,
    &kh201_missing_item::MissingItem,
    &kh202_parent_citation::ParentCitation,
    &kh203_twin_wording::TwinWording,
    &kh301_stale_body::StaleBody,
    &kh302_superseded_basis::SupersededBasis,
    &kh401_stt_duplicate::SttDuplicate,
    &kh402_stt_sequence::SttSequence,
    &kh403_stt_style::SttStyle,
    &kh404_task_without_lead::TaskWithoutLead,
    &kh405_lead_is_support::LeadIsSupport,
    &kh406_misplaced_cell::MisplacedCell,
    &kh407_empty_deadline::EmptyDeadline,
    &kh501_number_symbol::NumberSymbol,
    &kh502_citation_type::CitationType,
    &kh503_foreign_owner::ForeignOwner,
    &kh601_repeated_phrase::RepeatedPhrase,
    &kh602_misspelling::Misspelling,
    &kh603_name_spelling::NameSpelling,
    &kh701_signed_fields::SignedFields,
    &kh702_signed_format::SignedFormat,
];

/// Every rule, in code order.
pub fn registry() -> &'static [&'static dyn Rule] {
    RULES
}

/// The rule with a code (case-insensitive) or name.
pub fn explain(code_or_name: &str) -> Option<&'static RuleInfo> {
    RULES
        .iter()
        .map(|r| r.info())
        .find(|i| i.code.eq_ignore_ascii_case(code_or_name) || i.name == code_or_name)
}

/// Which rules run: codes or code prefixes to select (none: all) and to ignore, compared
/// without regard to case ("KH3" selects KH301 and KH302; "kh403" ignores KH403).
#[derive(Debug, Clone, Default)]
pub struct RuleFilter {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

impl RuleFilter {
    /// Whether the rule with this code runs.
    pub fn allows(&self, code: &str) -> bool {
        let hit = |list: &[String]| list.iter().any(|p| prefix_of(p, code));
        (self.select.is_empty() || hit(&self.select)) && !hit(&self.ignore)
    }

    /// The patterns of `select` and `ignore` that name no rule: a usage error, not a filter
    /// that silently selects nothing.
    pub fn unknown(&self) -> Vec<&str> {
        self.select
            .iter()
            .chain(&self.ignore)
            .filter(|p| !RULES.iter().any(|r| prefix_of(p, r.info().code)))
            .map(String::as_str)
            .collect()
    }
}

fn prefix_of(pattern: &str, code: &str) -> bool {
    let p = pattern.trim();
    !p.is_empty()
        && code.len() >= p.len()
        && code.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
}

/// The rules that match the draft's items with a parent's, scoring every pair (bounded by
/// [`Options::max_word_comparisons`](crate::Options)).
const MATCHING_RULES: &[&str] = &["KH201", "KH203"];

/// Runs the rules on a draft, with the parent plans it should follow. Findings come sorted
/// by place in the document (metadata first, then items in order), then by code.
/// Refused when matching the draft's items with a parent's would pass
/// `opts.max_word_comparisons`: the rules that match items (KH201, KH203) score every pair.
/// Only the rules `opts.rules` allows run (and the match limit applies only when one of the
/// matching rules is among them).
pub fn check(
    draft: &Source,
    parents: &[Source],
    opts: &Options,
) -> Result<Vec<Finding>, TooMuchMatching> {
    if MATCHING_RULES.iter().any(|c| opts.rules.allows(c)) {
        for p in parents {
            opts.max_word_comparisons
                .allow(&draft.plan.items, &p.plan.items)?;
        }
    }
    let cx = Ctx {
        draft,
        facts: Facts::of(draft),
        parents,
        parent_facts: parents.iter().map(Facts::of).collect(),
        opts,
    };
    let mut out = Vec::new();
    for r in RULES.iter().filter(|r| opts.rules.allows(r.info().code)) {
        r.check(&cx, &mut out);
    }
    for f in &mut out {
        f.localize(opts.lang);
    }
    sort(&mut out);
    out.dedup();
    Ok(out)
}

/// Document order: fields, paragraphs, items, parent items.
pub fn sort(fs: &mut [Finding]) {
    fs.sort_by(|a, b| {
        let key = |f: &Finding| {
            let l = &f.location;
            let group = if l.item.is_some() {
                2
            } else if l.parent_stt.is_some() {
                3
            } else if l.paragraph.is_some() {
                1
            } else {
                0
            };
            (
                group,
                l.item.unwrap_or(0),
                l.paragraph.unwrap_or(0),
                l.parent_stt.clone().map(|s| stt_sort_key(&s)),
            )
        };
        key(a).cmp(&key(b)).then(a.code.cmp(b.code))
    });
}

fn stt_sort_key(s: &str) -> Vec<u32> {
    kehoach_parse::plan::stt::parse(s)
        .map(|p| p.parts)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let mut codes: Vec<&str> = registry().iter().map(|r| r.info().code).collect();
        let n = codes.len();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), n, "duplicate codes");
        for r in registry() {
            let i = r.info();
            assert!(i.code.starts_with("KH") && i.code.len() == 5, "{}", i.code);
            let doc = i.explanation();
            for part in ["What it does", "Why", "Bad", "Good"] {
                assert!(doc.contains(part), "{} lacks {part:?}", i.code);
            }
        }
        assert_eq!(explain("kh301").unwrap().name, "stale-body");
    }
}
