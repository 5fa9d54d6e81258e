//! What a rule reports.

use std::fmt;

use serde::Serialize;

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

impl fmt::Display for Where {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if let Some(s) = &self.stt {
            let mut p = format!("STT {s}");
            if let Some(c) = &self.column {
                p.push_str(&format!(", {c}"));
            }
            parts.push(p);
            if let (Some(t), Some(r)) = (self.table, self.row) {
                let mut p = format!("table {t}, row {r}");
                if let Some(pg) = self.page {
                    p.push_str(&format!(", page {pg}"));
                }
                parts.push(format!("({p})"));
            }
        }
        if let Some(fl) = &self.field {
            parts.push(format!("field {fl}"));
        }
        if let Some(p) = self.paragraph {
            match &self.paragraph_start {
                Some(t) => parts.push(format!("paragraph {p} \"{t}\"")),
                None => parts.push(format!("paragraph {p}")),
            }
        }
        if let Some(p) = &self.parent_stt {
            parts.push(format!("parent STT {p}"));
        }
        if parts.is_empty() {
            parts.push("document".into());
        }
        f.write_str(&parts.join(" "))
    }
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
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
}

/// Replace `find` (as written in the document, NFC) with `replace`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub find: String,
    pub replace: String,
}

impl Finding {
    pub fn new(info: &crate::RuleInfo, message: impl Into<String>, location: Where) -> Self {
        Finding {
            code: info.code,
            name: info.name,
            severity: info.severity,
            message: message.into(),
            location,
            text: None,
            suggestion: None,
            note: None,
            fix: None,
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

    pub fn suggest(mut self, s: impl Into<String>) -> Self {
        self.suggestion = Some(s.into());
        self
    }

    pub fn note(mut self, n: impl Into<String>) -> Self {
        self.note = Some(n.into());
        self
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
