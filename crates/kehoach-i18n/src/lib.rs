//! What kehoach says to people, in Vietnamese first and in English on request.
//!
//! Messages live in [Project Fluent](https://projectfluent.org) catalogues under
//! `locales/<lang>/<domain>.ftl`, compiled into the binary. Code never spells a sentence a
//! person reads; it names a message and passes its arguments:
//!
//! ```
//! use kehoach_i18n::{tr, tr_args, Lang};
//! assert_eq!(tr(Lang::Vi, "severity-error"), "lỗi");
//! let m = tr_args(Lang::En, "severity-count-error", &[("count", 2.into())]);
//! assert_eq!(m, "2 errors");
//! ```
//!
//! Why Fluent rather than gettext or a hand-written table: it is the Rust ecosystem's
//! standard for this (Firefox's own), the catalogues are plain text a Vietnamese reviewer can
//! correct without touching code, arguments are named (a translation may reorder them), and
//! plural forms follow each language's rules (Vietnamese has one form, English two).
//!
//! Codes (`KH102`), JSON keys and message ids never change with the language.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The language of what people read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Vietnamese: the default.
    #[default]
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// "vi" or "en".
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// A language tag or locale as people and systems write it: "vi", "VI", "vi-VN",
    /// "vi_VN.UTF-8", "en", "en_US.UTF-8", "english", "tiếng việt". `None` for anything else.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_lowercase();
        let head: String = s.chars().take_while(|c| c.is_alphabetic()).collect();
        match head.as_str() {
            "vi" | "vie" | "vietnamese" | "tiếng" | "tieng" => Some(Lang::Vi),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language from the environment: `KEHOACH_LANG`, then the locale (`LC_ALL`,
    /// `LC_MESSAGES`, `LANG`, the first one set). Only an English locale turns English on:
    /// "C", "POSIX" and any other language keep Vietnamese, the tool's first language.
    pub fn from_env() -> Lang {
        if let Some(l) = std::env::var("KEHOACH_LANG")
            .ok()
            .and_then(|v| Lang::parse(&v))
        {
            return l;
        }
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var) {
                if v.is_empty() {
                    continue;
                }
                return match Lang::parse(&v) {
                    Some(Lang::En) => Lang::En,
                    _ => Lang::Vi,
                };
            }
        }
        Lang::Vi
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::parse(s).ok_or_else(|| format!("unknown language {s:?} (vi, en)"))
    }
}

/// A message argument: text or a number (numbers choose plural forms).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Str(String),
    Num(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<&&str> for Arg {
    fn from(s: &&str) -> Self {
        Arg::Str(s.to_string())
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}
macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Num(n as i64)
            }
        }
    )*};
}
num_arg!(i32, i64, u32, u16, u8, usize);

/// The catalogue files: one per domain, the same names in every language.
macro_rules! catalogue {
    ($($domain:literal),* $(,)?) => {
        /// The domains, in load order.
        pub const DOMAINS: &[&str] = &[$($domain),*];
        fn sources(lang: Lang) -> Vec<&'static str> {
            match lang {
                Lang::Vi => vec![$(include_str!(concat!("../locales/vi/", $domain, ".ftl"))),*],
                Lang::En => vec![$(include_str!(concat!("../locales/en/", $domain, ".ftl"))),*],
            }
        }
    };
}

catalogue!["common", "rules", "cli", "cli-help", "report", "diff", "annotate"];

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static VI: OnceLock<Bundle> = OnceLock::new();
    static EN: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        let tag: unic_langid::LanguageIdentifier = lang.code().parse().expect("language tag");
        let mut b = FluentBundle::new_concurrent(vec![tag]);
        // No Unicode isolation marks around arguments: output goes to terminals, JSON and
        // Word comments, where the invisible U+2068/U+2069 would only get in the way.
        b.set_use_isolating(false);
        for src in sources(lang) {
            // The catalogues are ours and tested (every message parses in both languages),
            // so a broken one is a build defect; keep what parsed rather than panic.
            let res = match FluentResource::try_new(src.to_string()) {
                Ok(r) => r,
                Err((r, _)) => r,
            };
            let _ = b.add_resource(res);
        }
        b
    })
}

fn fluent_args<'a>(args: &'a [(&str, Arg)]) -> FluentArgs<'a> {
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        match v {
            Arg::Str(s) => fargs.set(*k, FluentValue::from(s.as_str())),
            Arg::Num(n) => fargs.set(*k, FluentValue::from(*n)),
        }
    }
    fargs
}

/// The message `id` with no arguments.
pub fn tr(lang: Lang, id: &str) -> String {
    tr_args(lang, id, &[])
}

/// The message `id` with its arguments. A message missing from the language's catalogue
/// falls back to English, then to the id itself (never an empty string, never a panic).
pub fn tr_args(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let fargs = fluent_args(args);
    for l in [lang, Lang::En] {
        let b = bundle(l);
        if let Some(msg) = b.get_message(id) {
            if let Some(p) = msg.value() {
                let mut errs = Vec::new();
                return b.format_pattern(p, Some(&fargs), &mut errs).into_owned();
            }
        }
    }
    id.to_string()
}

/// The message `id`'s attribute `attr` (`rule-kh102 = …` / `.summary = …`), with fallback as
/// [`tr_args`].
pub fn tr_attr(lang: Lang, id: &str, attr: &str, args: &[(&str, Arg)]) -> Option<String> {
    let fargs = fluent_args(args);
    for l in [lang, Lang::En] {
        let b = bundle(l);
        if let Some(a) = b.get_message(id).and_then(|m| m.get_attribute(attr)) {
            let mut errs = Vec::new();
            return Some(
                b.format_pattern(a.value(), Some(&fargs), &mut errs)
                    .into_owned(),
            );
        }
    }
    None
}

/// Whether the language's own catalogue has the message (no fallback).
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// Every message id of a language's catalogues, with the names of its attributes and of the
/// variables it uses, for the tests that keep the languages in step.
pub fn inventory(lang: Lang) -> Vec<(String, Vec<String>, Vec<String>)> {
    use fluent_syntax::ast;
    let mut out = Vec::new();
    for src in sources(lang) {
        let Ok(res) = fluent_syntax::parser::parse(src) else {
            continue;
        };
        for entry in res.body {
            if let ast::Entry::Message(m) = entry {
                let attrs = m.attributes.iter().map(|a| a.id.name.to_string()).collect();
                let mut vars = Vec::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                for a in &m.attributes {
                    pattern_vars(&a.value, &mut vars);
                }
                vars.sort();
                vars.dedup();
                out.push((m.id.name.to_string(), attrs, vars));
            }
        }
    }
    out
}

fn pattern_vars(p: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
        if let InlineExpression::VariableReference { id } = e {
            out.push(id.name.to_string());
        }
    }
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            match expression {
                Expression::Inline(e) => inline(e, out),
                Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for v in variants {
                        pattern_vars(&v.value, out);
                    }
                }
            }
        }
    }
}

/// Every catalogue parses without error, in every language: (lang, domain, error).
pub fn syntax_errors() -> Vec<(Lang, &'static str, String)> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        for (domain, src) in DOMAINS.iter().zip(sources(lang)) {
            if let Err((_, errs)) = fluent_syntax::parser::parse(src) {
                for e in errs {
                    out.push((lang, *domain, format!("{e:?}")));
                }
            }
        }
    }
    out
}

/// Messages that only the Vietnamese catalogue has: rule names and explanations, whose
/// English is the rules' own documentation in code.
pub fn vi_only(id: &str) -> bool {
    (id.starts_with("rule-kh"))
        || id.starts_with("explain-")
        || id.starts_with("help-arg-")
        || id.starts_with("help-cmd-")
        || id.starts_with("help-in-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_parse_from_tags_and_locales() {
        for (s, l) in [
            ("vi", Some(Lang::Vi)),
            ("vi_VN.UTF-8", Some(Lang::Vi)),
            ("VI-vn", Some(Lang::Vi)),
            ("en", Some(Lang::En)),
            ("en_US.UTF-8", Some(Lang::En)),
            ("English", Some(Lang::En)),
            ("C.UTF-8", None),
            ("fr_FR", None),
            ("", None),
        ] {
            assert_eq!(Lang::parse(s), l, "{s}");
        }
    }

    #[test]
    fn catalogues_parse_and_keep_languages_in_step() {
        assert_eq!(syntax_errors(), vec![]);
        let vi = inventory(Lang::Vi);
        let en = inventory(Lang::En);
        let ids = |v: &[(String, Vec<String>, Vec<String>)]| {
            let mut i: Vec<String> = v.iter().map(|e| e.0.clone()).collect();
            i.sort();
            i
        };
        let (vi_ids, en_ids) = (ids(&vi), ids(&en));
        // Rule names and explanations ("rule-…", "explain-…") and command-line help
        // ("help-arg-…", "help-cmd-…") are Vietnamese only: their English is the rules'
        // documentation and the flags' doc comments in code, written once.
        let only_vi: Vec<_> = vi_ids
            .iter()
            .filter(|i| !en_ids.contains(i) && !vi_only(i))
            .collect();
        let only_en: Vec<_> = en_ids.iter().filter(|i| !vi_ids.contains(i)).collect();
        assert!(only_vi.is_empty(), "only in vi: {only_vi:?}");
        assert!(only_en.is_empty(), "only in en: {only_en:?}");
        // Same attributes and same variables: a translation may reorder arguments, not drop
        // or invent them.
        for (id, attrs, vars) in vi.iter().filter(|e| !vi_only(&e.0)) {
            let (_, eattrs, evars) = en.iter().find(|e| &e.0 == id).unwrap();
            assert_eq!(attrs, eattrs, "attributes of {id}");
            assert_eq!(vars, evars, "variables of {id}");
        }
        let mut seen = std::collections::HashSet::new();
        for id in &vi_ids {
            assert!(seen.insert(id), "{id} defined twice");
        }
    }

    #[test]
    fn messages_render_with_arguments_and_plurals() {
        assert_eq!(tr(Lang::Vi, "severity-error"), "lỗi");
        assert_eq!(tr(Lang::En, "severity-error"), "error");
        let one = tr_args(Lang::En, "severity-count-error", &[("count", 1.into())]);
        let two = tr_args(Lang::En, "severity-count-error", &[("count", 2.into())]);
        assert_eq!((one.as_str(), two.as_str()), ("1 error", "2 errors"));
        assert_eq!(
            tr_args(Lang::Vi, "severity-count-error", &[("count", 2.into())]),
            "2 lỗi"
        );
        // Years are not grouped as thousands.
        assert_eq!(
            tr_args(Lang::Vi, "test-year", &[("year", 2026.into())]),
            "năm 2026"
        );
    }

    #[test]
    fn missing_messages_fall_back_to_the_id() {
        assert_eq!(tr(Lang::Vi, "no-such-message"), "no-such-message");
    }
}
