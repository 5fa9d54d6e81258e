//! Selections of plans and items.
//!
//! Agencies and exact text are matched on [`kehoach_text::match_key`] (case, tone placement,
//! đ look-alikes and punctuation do not matter, diacritics do); free text is matched
//! diacritic-free through the FTS5 index over [`kehoach_text::ascii_key`] of the content
//! ("kiem soat" finds "kiểm soát", and "tinh" finds both "tính" and "tỉnh").

use kehoach_text::{ascii_key, match_key};
use rusqlite::types::Value as SqlValue;
use serde::Serialize;

use crate::{Result, Store};

/// What to select. Empty fields do not filter. Plan filters (issuer, year, number, source)
/// apply to items through their plan; item filters apply to plans as "has a matching item".
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Issuer, matched on match_key, whole words: "sở tư pháp" finds "SỞ TƯ PHÁP".
    pub issuer: Option<String>,
    /// The plan year (else the year of the document's date).
    pub year: Option<i32>,
    /// "182", "182/KH-UBND" or a symbol "KH-UBND".
    pub number: Option<String>,
    /// A SHA-256 prefix or a part of a path the source was seen at.
    pub source: Option<String>,
    /// Lead or supporting agency (match_key equality, or whole-word containment with
    /// `agency_contains`).
    pub agency: Option<String>,
    pub lead: Option<String>,
    pub support: Option<String>,
    pub agency_contains: bool,
    /// "task" or "group".
    pub kind: Option<String>,
    /// A deadline kind: before, on_date, months, year, continuous, recurring …
    pub deadline_kind: Option<String>,
    /// Items due on or after / on or before this ISO date (those whose deadline names a date).
    pub due_from: Option<String>,
    pub due_to: Option<String>,
    /// Diacritic-free full-text search of the content (all words, as a phrase when quoted).
    pub text: Option<String>,
    /// Content contains these words exactly (diacritics count; case and tone placement not).
    pub exact: Option<String>,
    pub limit: Option<usize>,
}

impl Filter {
    fn has_item_filter(&self) -> bool {
        self.agency.is_some()
            || self.lead.is_some()
            || self.support.is_some()
            || self.kind.is_some()
            || self.deadline_kind.is_some()
            || self.due_from.is_some()
            || self.due_to.is_some()
            || self.text.is_some()
            || self.exact.is_some()
    }
}

/// One plan (document) row.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlanRow {
    pub id: i64,
    pub sha256: String,
    pub path: String,
    pub format: String,
    pub doc_type: Option<String>,
    pub issuer: Option<String>,
    pub parent_body: Option<String>,
    pub number: Option<String>,
    pub symbol: Option<String>,
    pub number_text: Option<String>,
    pub date: Option<String>,
    pub date_text: Option<String>,
    pub year: Option<i32>,
    pub title: Option<String>,
    pub items: i64,
    pub parser_version: String,
}

/// One item row, with its plan's identifying columns.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ItemRow {
    pub document_id: i64,
    pub path: String,
    pub issuer: Option<String>,
    pub number_text: Option<String>,
    pub year: Option<i32>,
    pub seq: i64,
    pub stt: String,
    pub level: i64,
    pub kind: String,
    pub content: String,
    pub lead: Vec<String>,
    pub support: Vec<String>,
    pub deadline: String,
    pub deadline_kind: String,
    pub deadline_date: Option<String>,
}

/// Builds the WHERE clause over `item i` (joined to `document d`).
fn item_where(f: &Filter, sql: &mut String, args: &mut Vec<SqlValue>) -> Result<()> {
    let agency = |sql: &mut String, args: &mut Vec<SqlValue>, role: Option<&str>, name: &str| {
        let key = match_key(name);
        let role_sql = match role {
            Some(r) => format!(" AND a.role = '{r}'"),
            None => String::new(),
        };
        if f.agency_contains {
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM item_agency a WHERE a.item_id = i.id{role_sql}
                   AND instr(' ' || a.key || ' ', ?) > 0)"
            ));
            args.push(SqlValue::Text(format!(" {key} ")));
        } else {
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM item_agency a WHERE a.item_id = i.id{role_sql} AND a.key = ?)"
            ));
            args.push(SqlValue::Text(key));
        }
    };
    if let Some(a) = &f.agency {
        agency(sql, args, None, a);
    }
    if let Some(a) = &f.lead {
        agency(sql, args, Some("lead"), a);
    }
    if let Some(a) = &f.support {
        agency(sql, args, Some("support"), a);
    }
    if let Some(k) = &f.kind {
        sql.push_str(" AND i.kind = ?");
        args.push(SqlValue::Text(k.clone()));
    }
    if let Some(k) = &f.deadline_kind {
        sql.push_str(" AND i.deadline_kind = ?");
        args.push(SqlValue::Text(k.clone()));
    }
    if let Some(d) = &f.due_from {
        sql.push_str(" AND i.deadline_date >= ?");
        args.push(SqlValue::Text(d.clone()));
    }
    if let Some(d) = &f.due_to {
        sql.push_str(" AND i.deadline_date <= ?");
        args.push(SqlValue::Text(d.clone()));
    }
    if let Some(t) = &f.text {
        let q = fts_query(t);
        if q.is_empty() {
            return Err(crate::Error::Other(format!(
                "--text {t:?} has no words to search for"
            )));
        }
        sql.push_str(" AND i.id IN (SELECT rowid FROM item_fts WHERE item_fts MATCH ?)");
        args.push(SqlValue::Text(q));
    }
    if let Some(t) = &f.exact {
        let key = match_key(t);
        if key.is_empty() {
            return Err(crate::Error::Other(format!(
                "--exact {t:?} has no words to search for"
            )));
        }
        sql.push_str(" AND instr(' ' || i.content_key || ' ', ?) > 0");
        args.push(SqlValue::Text(format!(" {key} ")));
    }
    Ok(())
}

/// An FTS5 query from what a person typed: every word must occur (diacritics ignored); a
/// part in double quotes is a phrase; a word ending in `*` is a prefix.
pub fn fts_query(text: &str) -> String {
    let mut parts = Vec::new();
    for (i, chunk) in text.split('"').enumerate() {
        let phrase = i % 2 == 1;
        let key = ascii_key(chunk);
        if key.is_empty() {
            continue;
        }
        if phrase {
            parts.push(format!("\"{key}\""));
        } else {
            let words: Vec<&str> = chunk.split_whitespace().collect();
            for w in words {
                let k = ascii_key(w);
                if k.is_empty() {
                    continue;
                }
                // ascii_key may split a word ("TTHC-KS" → "tthc ks"): keep it a phrase.
                if w.ends_with('*') && !k.contains(' ') {
                    parts.push(format!("\"{k}\"*"));
                } else {
                    parts.push(format!("\"{k}\""));
                }
            }
        }
    }
    parts.join(" AND ")
}

fn plan_where(f: &Filter, sql: &mut String, args: &mut Vec<SqlValue>) {
    if let Some(iss) = &f.issuer {
        sql.push_str(" AND instr(' ' || coalesce(d.issuer_key, '') || ' ', ?) > 0");
        args.push(SqlValue::Text(format!(" {} ", match_key(iss))));
    }
    if let Some(y) = f.year {
        sql.push_str(" AND d.year = ?");
        args.push(SqlValue::Integer(y as i64));
    }
    if let Some(n) = &f.number {
        let n = n.trim();
        match n.split_once('/') {
            Some((num, sym)) if !num.trim().is_empty() => {
                sql.push_str(" AND d.number = ? AND upper(d.symbol) = upper(?)");
                args.push(SqlValue::Text(num.trim().to_string()));
                args.push(SqlValue::Text(sym.trim().replace(' ', "")));
            }
            Some((_, sym)) => {
                sql.push_str(" AND upper(d.symbol) = upper(?)");
                args.push(SqlValue::Text(sym.trim().replace(' ', "")));
            }
            None => {
                sql.push_str(" AND (d.number = ? OR upper(d.symbol) = upper(?))");
                args.push(SqlValue::Text(n.to_string()));
                args.push(SqlValue::Text(n.to_string()));
            }
        }
    }
    if let Some(s) = &f.source {
        sql.push_str(
            " AND (EXISTS (SELECT 1 FROM source s WHERE s.id = d.id AND instr(s.sha256, ?) = 1)
               OR EXISTS (SELECT 1 FROM source_path p WHERE p.source_id = d.id AND instr(p.path, ?) > 0))",
        );
        args.push(SqlValue::Text(s.to_ascii_lowercase()));
        args.push(SqlValue::Text(s.clone()));
    }
}

const PATH_SQL: &str = "(SELECT min(path) FROM source_path p WHERE p.source_id = d.id)";

/// Plans matching the filter, by id. Rows are handed to `each` as they are read.
pub fn plans(store: &Store, f: &Filter, each: &mut dyn FnMut(PlanRow) -> Result<()>) -> Result<()> {
    let mut sql = format!(
        "SELECT d.id, (SELECT sha256 FROM source s WHERE s.id = d.id), {PATH_SQL}, d.format,
                d.doc_type, d.issuer, d.parent_body, d.number, d.symbol, d.number_text, d.date,
                d.date_text, d.year, d.title, d.item_count, d.parser_version
         FROM document d WHERE 1=1"
    );
    let mut args = Vec::new();
    plan_where(f, &mut sql, &mut args);
    if f.has_item_filter() {
        sql.push_str(" AND EXISTS (SELECT 1 FROM item i WHERE i.document_id = d.id");
        item_where(f, &mut sql, &mut args)?;
        sql.push(')');
    }
    sql.push_str(" ORDER BY d.id");
    if let Some(l) = f.limit {
        sql.push_str(&format!(" LIMIT {l}"));
    }
    let mut stmt = store.conn().prepare(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
    while let Some(r) = rows.next()? {
        each(PlanRow {
            id: r.get(0)?,
            sha256: r.get(1)?,
            path: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
            format: r.get(3)?,
            doc_type: r.get(4)?,
            issuer: r.get(5)?,
            parent_body: r.get(6)?,
            number: r.get(7)?,
            symbol: r.get(8)?,
            number_text: r.get(9)?,
            date: r.get(10)?,
            date_text: r.get(11)?,
            year: r.get(12)?,
            title: r.get(13)?,
            items: r.get(14)?,
            parser_version: r.get(15)?,
        })?;
    }
    Ok(())
}

/// Items matching the filter, in plan order then document order.
pub fn items(store: &Store, f: &Filter, each: &mut dyn FnMut(ItemRow) -> Result<()>) -> Result<()> {
    let mut sql = format!(
        "SELECT i.document_id, {PATH_SQL}, d.issuer, d.number_text, d.year, i.seq, i.stt, i.level,
                i.kind, i.content, i.deadline_text, i.deadline_kind, i.deadline_date,
                (SELECT group_concat(name, char(31)) FROM
                    (SELECT name FROM item_agency a WHERE a.item_id = i.id AND a.role = 'lead' ORDER BY position)),
                (SELECT group_concat(name, char(31)) FROM
                    (SELECT name FROM item_agency a WHERE a.item_id = i.id AND a.role = 'support' ORDER BY position))
         FROM item i JOIN document d ON d.id = i.document_id WHERE 1=1"
    );
    let mut args = Vec::new();
    plan_where(f, &mut sql, &mut args);
    item_where(f, &mut sql, &mut args)?;
    sql.push_str(" ORDER BY i.document_id, i.seq");
    if let Some(l) = f.limit {
        sql.push_str(&format!(" LIMIT {l}"));
    }
    let split = |s: Option<String>| -> Vec<String> {
        s.map(|s| s.split('\u{1f}').map(String::from).collect())
            .unwrap_or_default()
    };
    let mut stmt = store.conn().prepare(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
    while let Some(r) = rows.next()? {
        each(ItemRow {
            document_id: r.get(0)?,
            path: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
            issuer: r.get(2)?,
            number_text: r.get(3)?,
            year: r.get(4)?,
            seq: r.get(5)?,
            stt: r.get(6)?,
            level: r.get(7)?,
            kind: r.get(8)?,
            content: r.get(9)?,
            deadline: r.get(10)?,
            deadline_kind: r.get(11)?,
            deadline_date: r.get(12)?,
            lead: split(r.get(13)?),
            support: split(r.get(14)?),
        })?;
    }
    Ok(())
}

/// One stored finding of `import --check` / `reparse --check`, with its plan's identifying
/// columns and the STT of the item it is about.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FindingRow {
    pub document_id: i64,
    pub number_text: Option<String>,
    pub issuer: Option<String>,
    /// Index of the item in the plan, when the finding is about one.
    pub item_seq: Option<i64>,
    /// That item's STT as written.
    pub stt: Option<String>,
    pub code: String,
    /// error | warning | info
    pub severity: String,
    pub message: String,
    /// The finding as the checker wrote it (its `location`: table, row, field, paragraph …).
    pub detail: Option<serde_json::Value>,
}

/// Findings stored for the plans the filter selects (plan filters and "has a matching item"
/// filters, as [`plans`]), by plan, then item order (plan-wide findings first), then code.
pub fn findings(
    store: &Store,
    f: &Filter,
    each: &mut dyn FnMut(FindingRow) -> Result<()>,
) -> Result<()> {
    let mut sql = String::from(
        "SELECT x.document_id, d.number_text, d.issuer, x.item_seq,
                (SELECT i.stt FROM item i WHERE i.document_id = x.document_id AND i.seq = x.item_seq),
                x.code, x.severity, x.message, x.detail_json
         FROM finding x JOIN document d ON d.id = x.document_id WHERE 1=1",
    );
    let mut args = Vec::new();
    plan_where(f, &mut sql, &mut args);
    if f.has_item_filter() {
        sql.push_str(" AND EXISTS (SELECT 1 FROM item i WHERE i.document_id = d.id");
        item_where(f, &mut sql, &mut args)?;
        sql.push(')');
    }
    sql.push_str(" ORDER BY x.document_id, coalesce(x.item_seq, -1), x.code, x.id");
    let mut stmt = store.conn().prepare(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
    while let Some(r) = rows.next()? {
        let detail: Option<String> = r.get(8)?;
        each(FindingRow {
            document_id: r.get(0)?,
            number_text: r.get(1)?,
            issuer: r.get(2)?,
            item_seq: r.get(3)?,
            stt: r.get(4)?,
            code: r.get(5)?,
            severity: r.get(6)?,
            message: r.get(7)?,
            detail: detail.and_then(|d| serde_json::from_str(&d).ok()),
        })?;
    }
    Ok(())
}

/// Collects plans into a vector (for small selections and tests).
pub fn plans_vec(store: &Store, f: &Filter) -> Result<Vec<PlanRow>> {
    let mut v = Vec::new();
    plans(store, f, &mut |r| {
        v.push(r);
        Ok(())
    })?;
    Ok(v)
}

/// Collects items into a vector (for small selections and tests).
pub fn items_vec(store: &Store, f: &Filter) -> Result<Vec<ItemRow>> {
    let mut v = Vec::new();
    items(store, f, &mut |r| {
        v.push(r);
        Ok(())
    })?;
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn fts_queries() {
        assert_eq!(fts_query("kiểm soát"), "\"kiem\" AND \"soat\"");
        assert_eq!(
            fts_query("\"kiem soat\" tthc"),
            "\"kiem soat\" AND \"tthc\""
        );
        assert_eq!(fts_query("kiem*"), "\"kiem\"*");
        assert_eq!(fts_query("a OR b"), "\"a\" AND \"or\" AND \"b\"");
        assert_eq!(fts_query("  ,; "), "");
    }
}
