//! What a rule reports.

use std::fmt;

use kehoach_i18n::{tr_args, Arg, Lang};
use serde::Serialize;

/// A message to a person, by catalogue id and named arguments; rendered in the run's
/// language when the findings are complete ([`Finding::localize`]). Build with [`msg!`].
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A catalogue message (`crates/kehoach-i18n/locales/*/rules.ftl`).
    Id(&'static str, Vec<(&'static str, Arg)>),
    /// Text that reads the same in every language: quoted words of the document, a name.
    Raw(String),
    /// Text from data that carries both languages (a source note in `stale.json`).
    Both { vi: String, en: String },
    /// Messages joined with a separator ("loại …, ngày …").
    Join(Vec<Msg>, &'static str),
    /// A catalogue message some of whose arguments are messages themselves.
    With(Box<Msg>, Vec<(&'static str, Msg)>),
}

impl Msg {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Msg::Id(id, args) => tr_args(lang, id, args),
            Msg::Raw(s) => s.clone(),
            Msg::Both { vi, en } => match lang {
                Lang::Vi => vi.clone(),
                Lang::En => en.clone(),
            },
            Msg::Join(parts, sep) => parts
                .iter()
                .map(|m| m.render(lang))
                .collect::<Vec<_>>()
                .join(sep),
            Msg::With(outer, subs) => match &**outer {
                Msg::Id(id, args) => {
                    let mut all = args.clone();
                    all.extend(subs.iter().map(|(k, m)| (*k, Arg::Str(m.render(lang)))));
                    tr_args(lang, id, &all)
                }
                other => other.render(lang),
            },
        }
    }

    /// This message with argument `key` given by another message.
    pub fn with(self, key: &'static str, arg: Msg) -> Msg {
        match self {
            Msg::With(outer, mut subs) => {
                subs.push((key, arg));
                Msg::With(outer, subs)
            }
            m => Msg::With(Box::new(m), vec![(key, arg)]),
        }
    }

    /// The catalogue id, where there is one.
    pub fn id(&self) -> &'static str {
        match self {
            Msg::Id(id, _) => id,
            Msg::With(outer, _) => outer.id(),
            _ => "",
        }
    }
}

impl Msg {
    /// Vietnamese text with its English where the data has one.
    pub fn both(vi: &str, en: Option<&str>) -> Msg {
        match en {
            Some(en) => Msg::Both {
                vi: vi.to_string(),
                en: en.to_string(),
            },
            None => Msg::Raw(vi.to_string()),
        }
    }
}

impl From<String> for Msg {
    fn from(s: String) -> Self {
        Msg::Raw(s)
    }
}

impl From<&str> for Msg {
    fn from(s: &str) -> Self {
        Msg::Raw(s.to_string())
    }
}

/// `msg!("kh102-other-year", year = y, plan_year = py)`: a catalogue message with arguments.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::finding::Msg::Id($id, vec![$((stringify!($k), $crate::Arg::from($v))),*])
    };
}

/// How bad a finding is. `kehoach check` exits 1 when any finding is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl Severity {
    /// The word for it in `lang` ("lỗi", "cảnh báo", "thông tin").
    pub fn word(self, lang: Lang) -> String {
        kehoach_i18n::tr(lang, &format!("severity-{}", self.name()))
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a finding is: an item's cell, a metadata field, a body paragraph, or an item of the
/// parent plan (for what the draft lacks).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Where {
    /// STT of the draft item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stt: Option<String>,
    /// Index of the item in the plan's item list (0-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<usize>,
    /// Column role: "stt", "content", "lead", "support", "deadline".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// 1-based table number among the document's tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<usize>,
    /// 1-based row within that table (header rows counted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Metadata field: "title", "date", "number", "issuer", "appendix.title",
    /// "appendix.reference", "legal_bases", "recipients", "signer".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// 1-based index of a body paragraph among the document's blocks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// The beginning of that paragraph, to find it by eye.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph_start: Option<String>,
    /// STT of the parent plan's item (missing items, wording twins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_stt: Option<String>,
}

impl Where {
    pub fn field(name: &str) -> Self {
        Where {
            field: Some(name.to_string()),
            ..Default::default()
        }
    }

    /// Body paragraph `block` (0-based block index) whose text is `text`.
    pub fn paragraph(block: usize, text: &str) -> Self {
        Where {
            paragraph: Some(block + 1),
            paragraph_start: Some(crate::textscan::excerpt(text.trim(), 40)),
            ..Default::default()
        }
    }

    pub fn item(plan: &kehoach_parse::plan::Plan, index: usize, column: &str) -> Self {
        let it = &plan.items[index];
        Where {
            stt: Some(it.stt.trim().to_string()),
            item: Some(index),
            column: Some(column.to_string()),
            table: Some(it.location.table + 1),
            row: Some(it.location.row + 1),
            page: it.location.page,
            ..Default::default()
        }
    }

    pub fn parent_item(plan: &kehoach_parse::plan::Plan, index: usize) -> Self {
        Where {
            parent_stt: Some(plan.items[index].stt.trim().to_string()),
            ..Default::default()
        }
    }
}

/// The name of a column role ("lead" → "chủ trì") in a language.
pub fn column_name(lang: Lang, role: &str) -> String {
    let id = format!("column-{role}");
    if kehoach_i18n::has(Lang::En, &id) {
        kehoach_i18n::tr(lang, &id)
    } else {
        role.to_string()
    }
}

/// The name of a document part ("legal_bases" → "căn cứ") in a language.
pub fn field_name(lang: Lang, field: &str) -> String {
    let id = format!("field-{}", field.replace(['.', '_'], "-"));
    if kehoach_i18n::has(Lang::En, &id) {
        kehoach_i18n::tr(lang, &id)
    } else {
        field.to_string()
    }
}

impl Where {
    /// Where, as a reader of `lang` says it: "STT 1.2, cột nội dung (bảng 2, dòng 4)".
    pub fn describe(&self, lang: Lang) -> String {
        let t = |id: &str, args: &[(&str, Arg)]| tr_args(lang, id, args);
        let mut parts: Vec<String> = Vec::new();
        if let Some(s) = &self.stt {
            parts.push(match &self.column {
                Some(c) => t(
                    "where-stt-column",
                    &[("stt", s.into()), ("column", column_name(lang, c).into())],
                ),
                None => t("where-stt", &[("stt", s.into())]),
            });
            if let (Some(tb), Some(r)) = (self.table, self.row) {
                let p = match self.page {
                    Some(pg) => t(
                        "where-table-row-page",
                        &[("table", tb.into()), ("row", r.into()), ("page", pg.into())],
                    ),
                    None => t(
                        "where-table-row",
                        &[("table", tb.into()), ("row", r.into())],
                    ),
                };
                parts.push(format!("({p})"));
            }
        }
        if let Some(fl) = &self.field {
            parts.push(t("where-field", &[("field", field_name(lang, fl).into())]));
        }
        if let Some(p) = self.paragraph {
            parts.push(match &self.paragraph_start {
                Some(st) => t(
                    "where-paragraph-start",
                    &[("paragraph", p.into()), ("start", st.into())],
                ),
                None => t("where-paragraph", &[("paragraph", p.into())]),
            });
        }
        if let Some(p) = &self.parent_stt {
            if parts.is_empty() {
                parts.push(t("where-parent", &[("stt", p.into())]));
            } else {
                parts.push(t("where-parent-of", &[("stt", p.into())]));
            }
        }
        if parts.is_empty() {
            parts.push(t("where-document", &[]));
        }
        parts.join(" ")
    }
}

/// In English, as written before there were languages (`describe` for others).
impl fmt::Display for Where {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// The message in the run's language.
    pub message: String,
    /// The message's catalogue id: stable whatever the language ("kh102-other-year").
    pub message_id: &'static str,
    pub location: Where,
    /// The offending text as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// What to write instead, or what to do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Further context (the closest draft item and its score, the source of a rule entry).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A certain fix: these exact words, found in the place the location names, replaced by
    /// those. Set only where one reading is certain (a wrong year in "năm 2025", a known
    /// misspelling, a body renamed by a dated decision); an annotated draft offers it as a
    /// tracked change the reviewer accepts or rejects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// What message, suggestion and note say, before they are rendered in a language.
    #[serde(skip)]
    texts: Box<[Option<Msg>; 3]>,
}

/// Replace `find` (as written in the document, NFC) with `replace`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub find: String,
    pub replace: String,
}

impl Finding {
    pub fn new(info: &crate::RuleInfo, message: impl Into<Msg>, location: Where) -> Self {
        let message = message.into();
        let message_id = message.id();
        let shown = message.render(Lang::En);
        Finding {
            code: info.code,
            name: info.name,
            severity: info.severity,
            message: shown,
            message_id,
            location,
            text: None,
            suggestion: None,
            note: None,
            fix: None,
            texts: Box::new([Some(message), None, None]),
        }
    }

    pub fn severity(mut self, s: Severity) -> Self {
        self.severity = s;
        self
    }

    pub fn text(mut self, t: impl Into<String>) -> Self {
        self.text = Some(t.into());
        self
    }

    /// What to write instead, or what to do: quoted words ([`Msg::Raw`]) or a message.
    pub fn suggest(mut self, s: impl Into<Msg>) -> Self {
        let m = s.into();
        self.suggestion = Some(m.render(Lang::En));
        self.texts[1] = Some(m);
        self
    }

    pub fn note(mut self, n: impl Into<Msg>) -> Self {
        let m = n.into();
        self.note = Some(m.render(Lang::En));
        self.texts[2] = Some(m);
        self
    }

    /// Renders message, suggestion and note in `lang` (again, if they were already).
    pub fn localize(&mut self, lang: Lang) {
        let [m, s, n] = &*self.texts;
        if let Some(m) = m {
            self.message = m.render(lang);
        }
        if let Some(s) = s {
            self.suggestion = Some(s.render(lang));
        }
        if let Some(n) = n {
            self.note = Some(n.render(lang));
        }
    }

    /// A certain fix: `find` replaced by `replace` where the finding is.
    pub fn fix(mut self, find: impl Into<String>, replace: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            find: find.into(),
            replace: replace.into(),
        });
        self
    }
}

impl Finding {
    /// One line in `lang`: `lỗi[KH102] STT 1.2, cột nội dung (bảng 2, dòng 3): … — "…" → …`.
    /// Message, suggestion and note are as last localized ([`Finding::localize`]).
    pub fn line(&self, lang: Lang) -> String {
        let mut s = format!(
            "{}[{}] {}: {}",
            self.severity.word(lang),
            self.code,
            self.location.describe(lang),
            self.message
        );
        if let Some(t) = &self.text {
            let short: String = t.chars().take(90).collect();
            let ell = if t.chars().count() > 90 { "…" } else { "" };
            s.push_str(&format!(" — \"{short}{ell}\""));
        }
        if let Some(x) = &self.suggestion {
            s.push_str(&format!(" → {x}"));
        }
        if let Some(n) = &self.note {
            s.push_str(&format!(" ({n})"));
        }
        s
    }
}

/// One line: `error[KH102] STT 1.2, content (table 2, row 3): message — "text" → suggestion`.
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}] {}: {}",
            self.severity, self.code, self.location, self.message
        )?;
        if let Some(t) = &self.text {
            let short: String = t.chars().take(90).collect();
            let ell = if t.chars().count() > 90 { "…" } else { "" };
            write!(f, " — \"{short}{ell}\"")?;
        }
        if let Some(s) = &self.suggestion {
            write!(f, " → {s}")?;
        }
        if let Some(n) = &self.note {
            write!(f, " ({n})")?;
        }
        Ok(())
    }
}
