//! Finding the work-item table(s) and turning their rows into items.

use crate::model::{Cell, Document, Table};

use super::columns::{classify, Role};
use super::{agency, deadline, stt, ColumnInfo, Item, ItemKind, Location};

/// What [`extract_items`] found.
#[derive(Debug, Default)]
pub struct Found {
    pub items: Vec<Item>,
    pub columns: Vec<ColumnInfo>,
    pub warnings: Vec<String>,
}

/// A recognised header: how many rows it takes and the role of each grid column.
#[derive(Debug, Clone)]
struct Header {
    /// Index of the first row after the header.
    body_start: usize,
    columns: Vec<ColumnInfo>,
    /// Match keys of the header cells, to recognise the header when it is repeated.
    keys: Vec<String>,
}

impl Header {
    fn role_of(&self, col: usize) -> Role {
        self.columns
            .iter()
            .find(|c| c.index == col)
            .map(|c| c.role)
            .unwrap_or(Role::Extra)
    }
}

/// An item being assembled from one or more rows.
struct Draft {
    stt: String,
    content: String,
    lead: Vec<String>,
    support: Vec<String>,
    deadline: String,
    extra: Vec<(String, String)>,
    bold: bool,
    location: Location,
}

fn row_texts_key(table: &Table, row: usize) -> Vec<String> {
    table.rows[row]
        .cells
        .iter()
        .filter(|c| !c.covered)
        .map(|c| kehoach_text::match_key(&c.text()))
        .collect()
}

/// Recognises the header of a table within its first rows.
fn find_header(table: &Table) -> Option<Header> {
    let scan = table.rows.len().min(6);
    for r in 0..scan {
        let roles: Vec<Role> = table.rows[r]
            .cells
            .iter()
            .filter(|c| !c.covered)
            .filter_map(|c| classify(&c.text()))
            .collect();
        let has_anchor = roles.contains(&Role::Content) || roles.contains(&Role::Stt);
        let distinct = [
            Role::Stt,
            Role::Content,
            Role::Lead,
            Role::Support,
            Role::Deadline,
        ]
        .iter()
        .filter(|role| roles.contains(role))
        .count();
        if !has_anchor || distinct < 2 {
            continue;
        }
        // Further header rows: a second row that names roles ("Chủ trì", "Phối hợp") and
        // holds no item number, or cells merged down from the first header row.
        let mut end = r + 1;
        while end < table.rows.len() && end < r + 3 {
            let row = &table.rows[end];
            let named = row
                .cells
                .iter()
                .filter(|c| !c.covered)
                .filter(|c| classify(&c.text()).is_some())
                .count();
            let numbered = row
                .cells
                .iter()
                .filter(|c| !c.covered)
                .any(|c| stt::parse(&c.text()).is_some());
            if named > 0 && !numbered {
                end += 1;
            } else {
                break;
            }
        }
        let mut columns = Vec::new();
        let mut taken: Vec<Role> = Vec::new();
        for col in 0..table.grid_cols {
            // Header text of the column: the texts of the header cells covering it, top down.
            let mut parts: Vec<String> = Vec::new();
            let mut deepest_role = None;
            for hr in r..end {
                if let Some((_, cell)) = table.cell_at(hr, col) {
                    let t = cell.text();
                    if !t.is_empty() && parts.last() != Some(&t) {
                        if let Some(role) = classify(&t) {
                            deepest_role = Some(role);
                        }
                        parts.push(t);
                    }
                }
            }
            let header = kehoach_text::clean(&parts.join(" "));
            let mut role = deepest_role
                .or_else(|| classify(&header))
                .unwrap_or(Role::Extra);
            if role != Role::Extra && taken.contains(&role) {
                // The same role twice: a cell spanning two grid columns, or a second column
                // of that kind; only the first keeps the role.
                if columns
                    .last()
                    .is_some_and(|c: &ColumnInfo| c.header == header)
                {
                    continue;
                }
                role = Role::Extra;
            }
            if role != Role::Extra {
                taken.push(role);
            }
            columns.push(ColumnInfo {
                index: col,
                header,
                role,
            });
        }
        let mut body_start = end;
        while body_start < table.rows.len() && is_column_number_row(table, body_start) {
            body_start += 1;
        }
        let keys = row_texts_key(table, r);
        return Some(Header {
            body_start,
            columns,
            keys,
        });
    }
    None
}

/// A row that only numbers the columns: "(1) (2) (3) (4) (5)" or "1 2 3 4 5".
fn is_column_number_row(table: &Table, row: usize) -> bool {
    // Fast reject: the first cell must read "1" or "(1)".
    let first = table.rows[row]
        .cells
        .iter()
        .find(|c| !c.covered)
        .map(|c| c.text())
        .unwrap_or_default();
    if first
        .trim_matches(|c| c == '(' || c == ')' || c == '.')
        .trim()
        != "1"
    {
        return false;
    }
    let texts: Vec<String> = table.rows[row]
        .cells
        .iter()
        .filter(|c| !c.covered)
        .map(|c| c.text())
        .filter(|t| !t.is_empty())
        .collect();
    if texts.len() < 3 {
        return false;
    }
    let nums: Vec<Option<u32>> = texts
        .iter()
        .map(|t| {
            t.trim_matches(|c| c == '(' || c == ')' || c == '.')
                .trim()
                .parse()
                .ok()
        })
        .collect();
    nums.iter().all(|n| n.is_some()) && nums.windows(2).all(|w| w[1] == w[0].map(|v| v + 1))
}

/// A row that repeats the header (a table split over pages, converted to text).
fn is_repeated_header(table: &Table, row: usize, header: &Header) -> bool {
    if table.rows[row].repeat_header {
        return true;
    }
    // A numbered row is never a header; only rows without a number need the key check.
    if let Some(col) = header
        .columns
        .iter()
        .find(|c| c.role == Role::Stt)
        .map(|c| c.index)
    {
        if let Some((_, cell)) = table.cell_at(row, col) {
            if stt::parse(&cell.text()).is_some() {
                return false;
            }
        }
    }
    let keys = row_texts_key(table, row);
    let nonempty: Vec<&String> = keys.iter().filter(|k| !k.is_empty()).collect();
    if nonempty.len() < 2 {
        return false;
    }
    let hits = nonempty.iter().filter(|k| header.keys.contains(k)).count();
    hits * 2 > nonempty.len() && hits >= 2
}

/// The roles a cell covers, in column order.
fn roles_covered(header: &Header, cell: &Cell) -> Vec<Role> {
    (cell.col..cell.col_end())
        .map(|c| header.role_of(c))
        .collect()
}

/// Which role receives the text of a cell that covers `roles`.
fn assign_role(roles: &[Role], text: &str) -> Role {
    if roles.len() == 1 {
        return roles[0];
    }
    if roles.contains(&Role::Content) {
        return Role::Content;
    }
    if roles.contains(&Role::Deadline) && deadline::looks_like_deadline(text) {
        return Role::Deadline;
    }
    roles
        .iter()
        .copied()
        .find(|r| *r != Role::Extra)
        .unwrap_or(Role::Extra)
}

/// Finds the work-item tables of a document and reads their items.
pub fn extract_items(doc: &Document) -> Found {
    let mut found = Found::default();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut current: Option<(Header, usize)> = None; // header and grid width of the table family
    for (ti, table) in doc.tables().enumerate() {
        let (header, start) = match find_header(table) {
            Some(h) => {
                let start = h.body_start;
                (h, start)
            }
            None => match &current {
                // A continuation of the previous item table without its header.
                Some((h, width)) if *width == table.grid_cols && !table.borderless => {
                    (h.clone(), 0)
                }
                _ => continue,
            },
        };
        if found.columns.is_empty() {
            found.columns = header.columns.clone();
        }
        read_rows(table, ti, &header, start, &mut drafts, &mut found.warnings);
        current = Some((header, table.grid_cols));
    }
    found.items = finish(drafts);
    found
}

fn read_rows(
    table: &Table,
    ti: usize,
    header: &Header,
    start: usize,
    drafts: &mut Vec<Draft>,
    warnings: &mut Vec<String>,
) {
    for r in start..table.rows.len() {
        if is_repeated_header(table, r, header) || is_column_number_row(table, r) {
            continue;
        }
        let row = &table.rows[r];
        let mut stt_text = String::new();
        let mut content = String::new();
        let mut lead: Vec<String> = Vec::new();
        let mut support: Vec<String> = Vec::new();
        let mut dl = String::new();
        let mut extra: Vec<(String, String)> = Vec::new();
        let mut bold = false;
        let mut stt_covered = false;
        for cell in &row.cells {
            let (owner, inherited) = if cell.covered {
                match table.cell_at(r, cell.col) {
                    Some((_, c)) => (c, true),
                    None => continue,
                }
            } else {
                (cell, false)
            };
            let roles = roles_covered(header, cell);
            let text = owner.text();
            let role = assign_role(&roles, &text);
            if inherited && matches!(role, Role::Stt | Role::Content) {
                if role == Role::Stt {
                    stt_covered = true;
                }
                continue;
            }
            match role {
                Role::Stt => stt_text = text,
                Role::Content => {
                    bold = owner.is_bold();
                    content = text;
                }
                Role::Lead => lead.extend(owner.lines()),
                Role::Support => support.extend(owner.lines()),
                Role::Deadline => dl = text,
                Role::Extra => {
                    if !text.is_empty() {
                        let name = header
                            .columns
                            .iter()
                            .find(|c| c.index == cell.col)
                            .map(|c| c.header.clone());
                        extra.push((
                            name.unwrap_or_else(|| format!("column {}", cell.col + 1)),
                            text,
                        ));
                    }
                }
            }
        }
        let stt_text = kehoach_text::clean(&stt_text);
        let content = kehoach_text::clean(&content);
        if stt_text.is_empty()
            && content.is_empty()
            && lead.is_empty()
            && support.is_empty()
            && dl.is_empty()
        {
            continue;
        }
        // A row with no number continues the row above (a row cut by a page break).
        if stt_text.is_empty() && !stt_covered {
            if let Some(prev) = drafts.last_mut() {
                append_text(&mut prev.content, &content);
                append_lines(&mut prev.lead, lead);
                append_lines(&mut prev.support, support);
                append_text(&mut prev.deadline, &dl);
                prev.extra.extend(extra);
                prev.location.rows += 1;
                continue;
            }
            warnings.push(format!(
                "table {}, row {}: a row without STT before any numbered row",
                ti + 1,
                r + 1
            ));
        }
        drafts.push(Draft {
            stt: stt_text,
            content,
            lead,
            support,
            deadline: kehoach_text::clean(&dl),
            extra,
            bold,
            location: Location {
                table: ti,
                row: r,
                rows: 1,
                page: row.page,
            },
        });
    }
}

fn append_text(to: &mut String, more: &str) {
    let more = more.trim();
    if more.is_empty() {
        return;
    }
    if !to.is_empty() {
        to.push(' ');
    }
    to.push_str(more);
}

/// Appends the lines of a continued cell: a first line that is not a new bullet continues
/// the last line above.
fn append_lines(to: &mut Vec<String>, more: Vec<String>) {
    let mut it = more.into_iter();
    if let Some(first) = it.next() {
        let is_bullet = first.trim_start().starts_with(['-', '+', '•', '–']);
        match to.last_mut() {
            Some(last) if !is_bullet => {
                last.push(' ');
                last.push_str(first.trim());
            }
            _ => to.push(first),
        }
    }
    to.extend(it);
}

/// Turns drafts into items: kinds, levels, parents, agencies, deadlines.
fn finish(drafts: Vec<Draft>) -> Vec<Item> {
    let parsed: Vec<Option<stt::Stt>> = drafts.iter().map(|d| stt::parse(&d.stt)).collect();
    let has_roman = parsed.iter().flatten().any(|s| s.roman);
    let mut items: Vec<Item> = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.into_iter().enumerate() {
        let lead = agency::split(&d.lead);
        let support = agency::split(&d.support);
        let deadline = deadline::parse(&d.deadline);
        let level = match &parsed[i] {
            Some(s) if s.roman => 1,
            Some(s) if s.letter => items.last().map(|p: &Item| p.level + 1).unwrap_or(1),
            Some(s) => s.parts.len() as u32 + u32::from(has_roman),
            None => items.last().map(|p| p.level).unwrap_or(1),
        };
        let empty_cells = lead.is_empty() && support.is_empty() && d.deadline.is_empty();
        // The next item with a different number is a child ("2.1" then "2.1.1"). A repeated
        // number ("2.1" twice, a real typing mistake) is looked past.
        let next = parsed[i + 1..]
            .iter()
            .find(|n| {
                n.as_ref().map(|n| n.canonical()) != parsed[i].as_ref().map(|s| s.canonical())
            })
            .and_then(|n| n.as_ref());
        let child_follows = match (&parsed[i], next) {
            (Some(a), Some(b)) if !a.roman && !b.roman => {
                b.parts.len() > a.parts.len() && b.parts.starts_with(&a.parts)
            }
            (Some(a), Some(b)) => a.roman && !b.roman,
            _ => false,
        };
        let is_roman = parsed[i].as_ref().is_some_and(|s| s.roman);
        let kind = if empty_cells && (d.bold || child_follows || is_roman) {
            ItemKind::Group
        } else {
            ItemKind::Task
        };
        let parent = items
            .iter()
            .rev()
            .find(|p| p.level < level)
            .map(|p| p.stt.clone());
        items.push(Item {
            stt: d.stt,
            level,
            parent,
            kind,
            content: d.content,
            lead,
            support,
            deadline,
            extra: d.extra.into_iter().collect(),
            location: d.location,
        });
    }
    items
}
