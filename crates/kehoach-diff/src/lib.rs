//! Drift checks and plan diff for Vietnamese government plans (Kế hoạch).
//!
//! Everything here works on the parsed model ([`kehoach_parse::plan::Plan`], and the
//! [`kehoach_parse::Document`] where a rule reads body paragraphs); nothing reads files or
//! prints. Rules live one per file under [`rules`], each with a stable code (`KH101`), a short
//! name, a default severity and its own documentation, like ruff's registry:
//!
//! ```no_run
//! use kehoach_diff::{check, Options, Source};
//! let bytes = std::fs::read("draft.docx").unwrap();
//! let parsed = kehoach_parse::parse_bytes(&bytes, &Default::default()).unwrap();
//! let draft = Source::from_parsed("draft.docx", parsed);
//! for f in check(&draft, &[], &Options::default()).unwrap() {
//!     println!("{f}");
//! }
//! ```
//!
//! [`diff::diff`] aligns the items of two plans by content and says what changed.

pub mod annotate;
pub mod data;
pub mod diff;
pub mod docdiff;
pub mod facts;
pub mod finding;
pub mod local_government;
pub mod matching;
pub mod mutate;
pub mod rules;
pub mod textscan;

pub use data::RulesData;
pub use finding::{Finding, Fix, Msg, Severity, Where};
pub use kehoach_i18n::Arg;
pub use kehoach_i18n::Lang;
pub use matching::{MatchLimit, TooMuchMatching};
pub use rules::{check, explain, registry, RuleFilter, RuleInfo};

use kehoach_parse::plan::Plan;
use kehoach_parse::{Document, Parsed};

/// One plan to check or compare: its model and, where there is one, the document it came
/// from (body paragraphs are read from it).
#[derive(Debug, Clone)]
pub struct Source {
    /// How to name the source in messages (a file path).
    pub name: String,
    pub plan: Plan,
    pub document: Option<Document>,
}

impl Source {
    pub fn from_parsed(name: &str, parsed: Parsed) -> Self {
        Source {
            name: name.to_string(),
            plan: parsed.plan,
            document: Some(parsed.document),
        }
    }

    /// A source with the model only (no body paragraphs), e.g. a generated plan.
    pub fn from_plan(name: &str, plan: Plan) -> Self {
        Source {
            name: name.to_string(),
            plan,
            document: None,
        }
    }
}

/// How far a plan is along: a draft may leave the number and day blank; a signed plan may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    #[default]
    Draft,
    Signed,
}

/// What a check run is told.
#[derive(Debug, Clone)]
pub struct Options {
    pub stage: Stage,
    /// Stale bodies, superseded legal bases and known misspellings.
    pub data: RulesData,
    /// Minimum similarity for a draft item to count as the parent item's twin.
    pub threshold: f64,
    /// How much matching of draft items with one parent's items may be done (in word
    /// comparisons; every pair of items is scored).
    pub max_word_comparisons: MatchLimit,
    /// Which rules run (`--select`, `--ignore`); rules left out are not run at all.
    pub rules: rules::RuleFilter,
    /// The language of messages, suggestions and notes (codes never change).
    pub lang: Lang,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            stage: Stage::Draft,
            data: RulesData::builtin(),
            threshold: 0.6,
            max_word_comparisons: MatchLimit::default(),
            rules: rules::RuleFilter::default(),
            lang: Lang::default(),
        }
    }
}
