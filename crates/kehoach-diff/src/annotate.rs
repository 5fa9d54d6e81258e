//! Findings as Word comments: where each finding goes in a .docx draft, and what its comment
//! says. The XML is written by [`kehoach_parse::docx::annotate`]; this module only decides
//! the anchors, from the finding's [`Where`] and the document model the reader mapped:
//!
//! * an item's cell (`item` + `column`): the paragraphs of the cell holding that column in
//!   the item's row (a merged cell is followed up to the cell that owns it); the whole row
//!   when the plan has no column of that role;
//! * a metadata field (`field`): the first paragraph (top level or in a header table) that
//!   holds the finding's text, else the field's value as the plan read it; else the first
//!   paragraph of the document (the last for the signer and recipients, which close it);
//! * a body paragraph (`paragraph`, 1-based among the blocks): that block;
//! * a parent item the draft lacks (`parent_stt`): the start of the task table, else the
//!   first paragraph, with a line naming the missing item.
//!
//! Within its paragraphs a comment is anchored on the exact words where they are found: the
//! fix's words when the finding has a certain fix (then written as a tracked change), else
//! the offending text when it is short.

use kehoach_i18n::{tr_args, Lang};
use kehoach_parse::docx::annotate::{Annotated, Author, Note};
use kehoach_parse::model::{Block, Document, Paragraph, Table};
use kehoach_parse::plan::{Plan, Role};
use kehoach_parse::{Limits, ParseError};

use crate::finding::Finding;

/// Offending text longer than this is not used as the comment's anchor words.
const MAX_ANCHOR_CHARS: usize = 160;

/// Writes a copy of the .docx `bytes` with one comment per finding (and its fix as a tracked
/// change where it has one). `plan` is the plan the findings were computed on (extracted from
/// the same bytes).
pub fn annotate_docx(
    bytes: &[u8],
    plan: &Plan,
    findings: &[Finding],
    lang: Lang,
    who: &Author,
    limits: &Limits,
) -> Result<Annotated, ParseError> {
    let mapped = kehoach_parse::docx::read_mapped(bytes, limits)?;
    let notes = notes(&mapped.document, plan, findings, lang);
    mapped.annotate(bytes, &notes, who, limits)
}

/// One note per finding, in the order of `findings` (a finding with nowhere to go is
/// anchored on the document's first paragraph, so that the count always matches).
pub fn notes(doc: &Document, plan: &Plan, findings: &[Finding], lang: Lang) -> Vec<Note> {
    let mut all: Vec<&Paragraph> = Vec::new();
    for b in &doc.blocks {
        block_paragraphs(b, &mut all);
    }
    let mapped: Vec<&Paragraph> = all.into_iter().filter(|p| p.source.is_some()).collect();
    if mapped.is_empty() {
        return Vec::new();
    }
    let keys: Vec<String> = if findings.iter().any(|f| f.location.field.is_some()) {
        mapped
            .iter()
            .map(|p| kehoach_text::match_key(&p.text))
            .collect()
    } else {
        Vec::new()
    };
    let tables: Vec<&Table> = doc.tables().collect();
    let first_text = mapped
        .iter()
        .find(|p| !p.text.is_empty())
        .or(mapped.first())
        .and_then(|p| p.source)
        .unwrap_or(0);
    let last_text = mapped
        .iter()
        .rev()
        .find(|p| !p.text.is_empty())
        .and_then(|p| p.source)
        .unwrap_or(first_text);
    findings
        .iter()
        .map(|f| {
            let at = &f.location;
            let range = if let Some(i) = at.item.filter(|&i| i < plan.items.len()) {
                let loc = &plan.items[i].location;
                cell_range(&tables, plan, loc.table, loc.row, at.column.as_deref())
            } else if let (Some(t), Some(r)) = (at.table, at.row) {
                cell_range(
                    &tables,
                    plan,
                    t.saturating_sub(1),
                    r.saturating_sub(1),
                    at.column.as_deref(),
                )
            } else if let Some(field) = at.field.as_deref() {
                field_range(&mapped, &keys, plan, f, field).or(Some(
                    if matches!(field, "signer" | "recipients") {
                        (last_text, last_text)
                    } else {
                        (first_text, first_text)
                    },
                ))
            } else if let Some(b) = at.paragraph.and_then(|p| doc.blocks.get(p.wrapping_sub(1))) {
                let mut ps = Vec::new();
                block_paragraphs(b, &mut ps);
                span(&ps)
            } else if at.parent_stt.is_some() {
                plan.items
                    .first()
                    .and_then(|it| tables.get(it.location.table))
                    .and_then(|t| t.rows.first())
                    .and_then(|r| r.cells.first())
                    .and_then(|c| span(&c.paragraphs.iter().collect::<Vec<_>>()))
            } else {
                None
            };
            let (first, last) = range.unwrap_or((first_text, first_text));
            note(f, first, last, lang)
        })
        .collect()
}

/// The comment of one finding over paragraphs `first..=last`.
fn note(f: &Finding, first: u32, last: u32, lang: Lang) -> Note {
    let mut text = vec![format!("[{}] {}", f.code, f.message)];
    if let Some(stt) = &f.location.parent_stt {
        text.push(tr_args(
            lang,
            "annotate-missing-parent-item",
            &[("stt", stt.into())],
        ));
    }
    if let Some(s) = &f.suggestion {
        text.push(tr_args(lang, "annotate-suggestion", &[("text", s.into())]));
    }
    if let Some(n) = &f.note {
        text.push(tr_args(lang, "annotate-note", &[("text", n.into())]));
    }
    let (words, replace, fix_failed) = match &f.fix {
        Some(fix) => (
            Some(fix.find.clone()),
            Some(fix.replace.clone()),
            Some(tr_args(
                lang,
                "annotate-fix-by-hand",
                &[
                    ("find", (&fix.find).into()),
                    ("replace", (&fix.replace).into()),
                ],
            )),
        ),
        None => (
            f.text
                .clone()
                .filter(|t| t.chars().count() <= MAX_ANCHOR_CHARS && !t.contains('\n')),
            None,
            None,
        ),
    };
    Note {
        first,
        last,
        text,
        words,
        replace,
        fix_failed,
    }
}

/// Paragraphs of a block in reading order (table cells row by row, nested tables included).
fn block_paragraphs<'a>(b: &'a Block, out: &mut Vec<&'a Paragraph>) {
    match b {
        Block::Paragraph(p) => out.push(p),
        Block::Table(t) => table_paragraphs(t, out, 0),
    }
}

fn table_paragraphs<'a>(t: &'a Table, out: &mut Vec<&'a Paragraph>, depth: usize) {
    for row in &t.rows {
        for cell in &row.cells {
            out.extend(cell.paragraphs.iter());
            if depth < 8 {
                for nested in &cell.tables {
                    table_paragraphs(nested, out, depth + 1);
                }
            }
        }
    }
}

/// The first and last mapped paragraph.
fn span(ps: &[&Paragraph]) -> Option<(u32, u32)> {
    let first = ps.iter().find_map(|p| p.source)?;
    let last = ps.iter().rev().find_map(|p| p.source)?;
    Some((first, last))
}

/// The paragraphs of the cell of `column` in a row; the whole row when the column is not
/// known.
fn cell_range(
    tables: &[&Table],
    plan: &Plan,
    table: usize,
    row: usize,
    column: Option<&str>,
) -> Option<(u32, u32)> {
    let t = tables.get(table)?;
    let role = column.and_then(|c| match c {
        "stt" => Some(Role::Stt),
        "content" => Some(Role::Content),
        "lead" => Some(Role::Lead),
        "support" => Some(Role::Support),
        "deadline" => Some(Role::Deadline),
        _ => None,
    });
    let col = role.and_then(|r| plan.columns.iter().find(|c| c.role == r).map(|c| c.index));
    if let Some((_, cell)) = col.and_then(|c| t.cell_at(row, c)) {
        if let Some(r) = span(&cell.paragraphs.iter().collect::<Vec<_>>()) {
            return Some(r);
        }
    }
    let cells = &t.rows.get(row)?.cells;
    let ps: Vec<&Paragraph> = cells.iter().flat_map(|c| c.paragraphs.iter()).collect();
    span(&ps)
}

/// The first paragraph holding the finding's text or the field's value.
fn field_range(
    mapped: &[&Paragraph],
    keys: &[String],
    plan: &Plan,
    f: &Finding,
    field: &str,
) -> Option<(u32, u32)> {
    let m = &plan.document;
    let value: Option<String> = match field {
        "title" => m.title.clone(),
        "date" => m.date.as_ref().map(|d| d.text.clone()),
        "number" => m.number.as_ref().map(|n| n.text.clone()),
        "issuer" => m.issuer.clone(),
        "signer" => m
            .signer
            .as_ref()
            .and_then(|s| s.name.clone().or_else(|| s.position.clone())),
        "legal_bases" => m.legal_bases.first().map(|l| l.text.clone()),
        "recipients" => m.recipients.first().cloned(),
        "appendix.title" => m.appendix.as_ref().and_then(|a| a.title.clone()),
        "appendix.reference" => m.appendix.as_ref().map(|a| a.text.clone()),
        _ => None,
    };
    for cand in f.text.iter().chain(value.iter()) {
        // The first words are enough to find the paragraph (a title may run over lines).
        let head: Vec<&str> = cand.split_whitespace().take(8).collect();
        let key = kehoach_text::match_key(&head.join(" "));
        if key.is_empty() {
            continue;
        }
        if let Some(i) = keys.iter().position(|k| k.contains(&key)) {
            let s = mapped[i].source?;
            return Some((s, s));
        }
    }
    None
}
