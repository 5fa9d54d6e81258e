//! Finding the work-item table(s) and turning their rows into items.

use crate::model::{Cell, Document, Table};

use super::agency::AgencyKind;
use super::columns::{classify, infer_from_cells, CellEvidence, Role};
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
    /// The role of each grid column, by index (a lookup per cell must not scan the columns).
    roles: Vec<Role>,
    /// What was decided from the cells rather than the header text, for the warnings.
    notes: Vec<String>,
}

impl Header {
    fn role_of(&self, col: usize) -> Role {
        self.roles.get(col).copied().unwrap_or(Role::Extra)
    }

    fn set_role(&mut self, col: usize, role: Role) {
        if let Some(slot) = self.roles.get_mut(col) {
            *slot = role;
        }
        if let Some(c) = self.columns.iter_mut().find(|c| c.index == col) {
            c.role = role;
        }
    }
}

/// Finds the cells that covered placeholders (vertical merges) belong to, row by row, in
/// constant time per lookup: [`Table::cell_at`] scans upwards, which is quadratic on a long
/// merged column or on placeholders that nothing covers. Rows must be visited in order.
struct Owners {
    /// Grid column → (row, cell index) of the last uncovered cell starting there, in the rows
    /// before `next_row`.
    starts: std::collections::HashMap<usize, (usize, usize)>,
    next_row: usize,
}

/// How far up a placeholder whose own column has no owner looks for a wider cell.
const OWNER_SCAN_ROWS: usize = 64;

impl Owners {
    fn new() -> Self {
        Owners {
            starts: std::collections::HashMap::new(),
            next_row: 0,
        }
    }

    /// Records the rows before `row`.
    fn advance(&mut self, table: &Table, row: usize) {
        while self.next_row < row.min(table.rows.len()) {
            for (i, c) in table.rows[self.next_row].cells.iter().enumerate() {
                if !c.covered {
                    self.starts.insert(c.col, (self.next_row, i));
                }
            }
            self.next_row += 1;
        }
    }

    /// Like [`Table::cell_at`]: the cell holding grid column `col` in `row`, following a
    /// placeholder up to the cell that spans into it.
    /// Returns `(row, index of the cell in that row)`.
    fn cell_at(&mut self, table: &Table, row: usize, col: usize) -> Option<(usize, usize)> {
        self.advance(table, row);
        let cells = &table.rows.get(row)?.cells;
        let i = cells
            .iter()
            .position(|c| c.col <= col && col < c.col_end())?;
        let cell = &cells[i];
        if !cell.covered {
            return Some((row, i));
        }
        let spans = |r: usize, c: &Cell| {
            !c.covered && c.col <= col && col < c.col_end() && r + c.row_span > row
        };
        if let Some(&(r, i)) = self.starts.get(&cell.col) {
            if spans(r, &table.rows[r].cells[i]) {
                return Some((r, i));
            }
        }
        (row.saturating_sub(OWNER_SCAN_ROWS)..row)
            .rev()
            .find_map(|r| {
                table.rows[r]
                    .cells
                    .iter()
                    .position(|c| spans(r, c))
                    .map(|i| (r, i))
            })
    }
}

/// The text of every cell of a table (see [`Cell::text`]), computed once per table: finding
/// the header, skipping repeated headers and reading the rows all look at them.
struct Texts {
    rows: Vec<Vec<String>>,
}

impl Texts {
    fn new(table: &Table) -> Self {
        Texts {
            rows: table
                .rows
                .iter()
                .map(|r| r.cells.iter().map(Cell::text).collect())
                .collect(),
        }
    }

    fn get(&self, row: usize, cell: usize) -> &str {
        &self.rows[row][cell]
    }
}

/// The cell of a row that holds grid column `col` (no placeholder following). Cells are in
/// column order in every reader, so a binary search finds it; a row out of order (never
/// produced, but not assumed) is searched in full.
fn cell_in_row(cells: &[Cell], col: usize) -> Option<&Cell> {
    let sorted = cells.windows(2).all(|w| w[0].col <= w[1].col);
    if sorted {
        let i = cells.partition_point(|c| c.col <= col);
        let c = cells.get(i.checked_sub(1)?)?;
        (col < c.col_end()).then_some(c)
    } else {
        cells.iter().find(|c| c.col <= col && col < c.col_end())
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

/// The texts of a row's own (not covered) cells, in order.
fn uncovered<'t>(
    table: &'t Table,
    texts: &'t Texts,
    row: usize,
) -> impl Iterator<Item = &'t str> + Clone {
    table.rows[row]
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.covered)
        .map(move |(i, _)| texts.get(row, i))
}

/// The match keys of a row's own cells.
fn row_keys(table: &Table, texts: &Texts, row: usize) -> Vec<String> {
    uncovered(table, texts, row)
        .map(kehoach_text::match_key)
        .collect()
}

/// Recognises the header of a table within its first rows.
fn find_header(table: &Table, texts: &Texts) -> Option<Header> {
    let scan = table.rows.len().min(6);
    for r in 0..scan {
        let roles: Vec<Role> = uncovered(table, texts, r).filter_map(classify).collect();
        // A header row names roles in most of its cells and numbers no item: a body row
        // ("1.2 | Rà soát nhiệm vụ … | Văn phòng | Thời gian …") may name two roles by chance.
        let nonempty = uncovered(table, texts, r).filter(|t| !t.is_empty()).count();
        if roles.len() * 5 < nonempty * 3
            || uncovered(table, texts, r).any(|t| stt::parse(t).is_some())
        {
            continue;
        }
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
            let named = uncovered(table, texts, end)
                .filter(|t| classify(t).is_some())
                .count();
            let numbered = uncovered(table, texts, end).any(|t| stt::parse(t).is_some());
            if named > 0 && !numbered {
                end += 1;
            } else {
                break;
            }
        }
        let mut columns = Vec::new();
        let mut taken: Vec<Role> = Vec::new();
        // Columns whose header text named no role: their cells may (see `infer_roles`).
        let mut unnamed: Vec<usize> = Vec::new();
        for col in 0..table.grid_cols {
            // Header text of the column: the texts of the header cells covering it, top down.
            let mut parts: Vec<String> = Vec::new();
            let mut deepest_role = None;
            for hr in r..end {
                let direct = cell_in_row(&table.rows[hr].cells, col);
                let found = match direct {
                    Some(c) if !c.covered => Some(c),
                    Some(_) => table.cell_at(hr, col).map(|(_, c)| c),
                    None => None,
                };
                if let Some(cell) = found {
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
            let named = deepest_role.or_else(|| classify(&header));
            if named.is_none() {
                unnamed.push(col);
            }
            let mut role = named.unwrap_or(Role::Extra);
            if !role.is_extra() && taken.contains(&role) {
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
            if !role.is_extra() {
                taken.push(role);
            }
            columns.push(ColumnInfo {
                index: col,
                header,
                role,
            });
        }
        let mut body_start = end;
        while body_start < table.rows.len() && numbers_columns(uncovered(table, texts, body_start))
        {
            body_start += 1;
        }
        let keys = row_keys(table, texts, r);
        let mut roles = vec![Role::Extra; table.grid_cols];
        for c in &columns {
            if let Some(slot) = roles.get_mut(c.index) {
                *slot = c.role;
            }
        }
        let mut header = Header {
            body_start,
            columns,
            keys,
            roles,
            notes: Vec::new(),
        };
        infer_roles(table, texts, &mut header, &unnamed);
        return Some(header);
    }
    None
}

/// How many body rows are looked at to infer a column's role from its cells.
const EVIDENCE_ROWS: usize = 200;

/// Gives the columns whose header named no role ("Đơn vị", "Mốc", a blank header cell) the
/// roles that no header took, from what their cells hold (see [`super::columns`]), and
/// notes each decision for the plan's warnings.
fn infer_roles(table: &Table, texts: &Texts, header: &mut Header, unnamed: &[usize]) {
    const NEEDED: [Role; 3] = [Role::Content, Role::Lead, Role::Deadline];
    if unnamed.is_empty() || NEEDED.iter().all(|r| header.roles.contains(r)) {
        return;
    }
    let mut evidence = vec![CellEvidence::default(); table.grid_cols];
    let end = table.rows.len().min(header.body_start + EVIDENCE_ROWS);
    for r in header.body_start..end {
        for (i, cell) in table.rows[r].cells.iter().enumerate() {
            if cell.covered || cell.col_span > 1 || !unnamed.contains(&cell.col) {
                continue;
            }
            if let Some(e) = evidence.get_mut(cell.col) {
                e.add(texts.get(r, i), &cell.lines());
            }
        }
    }
    let named: Vec<Option<Role>> = (0..table.grid_cols)
        .map(|c| (!unnamed.contains(&c)).then(|| header.role_of(c)))
        .collect();
    for d in infer_from_cells(&named, &evidence) {
        let text = header
            .columns
            .iter()
            .find(|c| c.index == d.index)
            .map(|c| c.header.clone())
            .unwrap_or_default();
        header.set_role(d.index, d.role);
        header.notes.push(format!(
            "cột {} «{}»: tiêu đề không cho biết vai trò; theo nội dung các ô ({}), coi là cột {} ({})",
            d.index + 1,
            text,
            d.reason,
            d.role.name_vi(),
            d.role.name()
        ));
    }
}

/// A row that only numbers the columns: "(1) (2) (3) (4) (5)" or "1 2 3 4 5", from the
/// texts of its own cells in order.
fn numbers_columns<'a>(mut cells: impl Iterator<Item = &'a str> + Clone) -> bool {
    // Fast reject: the first cell must read "1" or "(1)".
    let first = cells.clone().next().unwrap_or_default();
    if first
        .trim_matches(|c| c == '(' || c == ')' || c == '.')
        .trim()
        != "1"
    {
        return false;
    }
    let texts: Vec<&str> = cells.by_ref().filter(|t| !t.is_empty()).collect();
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
fn is_repeated_header(
    table: &Table,
    texts: &Texts,
    row: usize,
    header: &Header,
    owners: &mut Owners,
) -> bool {
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
        if let Some((r, i)) = owners.cell_at(table, row, col) {
            if stt::parse(texts.get(r, i)).is_some() {
                return false;
            }
        }
    }
    let keys = row_keys(table, texts, row);
    let nonempty: Vec<&String> = keys.iter().filter(|k| !k.is_empty()).collect();
    if nonempty.len() < 2 {
        return false;
    }
    let hits = nonempty.iter().filter(|k| header.keys.contains(k)).count();
    hits * 2 > nonempty.len() && hits >= 2
}

/// Which role receives the text of a cell, from the roles of the columns it covers.
fn assign_role(header: &Header, cell: &Cell, text: &str) -> Role {
    let mut roles = (cell.col..cell.col_end()).map(|c| header.role_of(c));
    if cell.col_span <= 1 {
        return header.role_of(cell.col);
    }
    if roles.clone().any(|r| r == Role::Content) {
        return Role::Content;
    }
    if roles.clone().any(|r| r == Role::Deadline) && deadline::looks_like_deadline(text) {
        return Role::Deadline;
    }
    roles.find(|r| *r != Role::Extra).unwrap_or(Role::Extra)
}

/// Finds the work-item tables of a document and reads their items.
pub fn extract_items(doc: &Document) -> Found {
    let mut found = Found::default();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut current: Option<(Header, usize)> = None; // header and grid width of the table family
    let mut section = 0;
    for (ti, table) in doc.tables().enumerate() {
        let texts = Texts::new(table);
        let (header, start) = match find_header(table, &texts) {
            Some(h) => {
                let start = h.body_start;
                // A table with a header of its own whose numbers start again from the first
                // ("1", "I", "a") is a new section (one table per part or appendix), not a
                // continuation whose numbers repeat.
                if !drafts.is_empty() && restarts_numbering(table, &texts, &h) {
                    section += 1;
                }
                for note in &h.notes {
                    found.warnings.push(format!("bảng {}: {note}", ti + 1));
                }
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
        read_rows(
            table,
            &texts,
            (ti, section),
            &header,
            start,
            &mut drafts,
            &mut found.warnings,
        );
        current = Some((header, table.grid_cols));
    }
    found.items = finish(drafts, &mut found.warnings);
    found
}

/// Whether the first item number in a table's body is a first number: "1", "1.", "I", "a)".
fn restarts_numbering(table: &Table, texts: &Texts, header: &Header) -> bool {
    let Some(col) = header.roles.iter().position(|r| *r == Role::Stt) else {
        return false;
    };
    (header.body_start..table.rows.len())
        .filter_map(|r| {
            let cells = &table.rows[r].cells;
            let i = cells
                .iter()
                .position(|c| !c.covered && c.col <= col && col < c.col_end())?;
            stt::parse(texts.get(r, i))
        })
        .next()
        .is_some_and(|s| s.parts == [1])
}

/// Reads the body rows of one table (`at` = its index among the document's tables and the
/// section it belongs to) into drafts.
fn read_rows(
    table: &Table,
    texts: &Texts,
    at: (usize, usize),
    header: &Header,
    start: usize,
    drafts: &mut Vec<Draft>,
    warnings: &mut Vec<String>,
) {
    let (ti, section) = at;
    let mut owners = Owners::new();
    for r in start..table.rows.len() {
        if is_repeated_header(table, texts, r, header, &mut owners)
            || numbers_columns(uncovered(table, texts, r))
        {
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
        let mut content_covered = false;
        for (ci, cell) in row.cells.iter().enumerate() {
            let ((or, oi), inherited) = if cell.covered {
                match owners.cell_at(table, r, cell.col) {
                    Some(at) => (at, true),
                    None => continue,
                }
            } else {
                ((r, ci), false)
            };
            let owner = &table.rows[or].cells[oi];
            let text = texts.get(or, oi);
            let role = assign_role(header, cell, text);
            if inherited && role == Role::Stt {
                stt_covered = true;
            }
            match role {
                Role::Stt => stt_text = text.to_string(),
                Role::Content => {
                    bold = owner.is_bold();
                    content = text.to_string();
                    content_covered = inherited;
                }
                Role::Lead => lead.extend(owner.lines()),
                Role::Support => support.extend(owner.lines()),
                Role::Deadline => dl = text.to_string(),
                Role::Extra | Role::FollowUp => {
                    if !text.is_empty() {
                        let name = header
                            .columns
                            .iter()
                            .find(|c| c.index == cell.col)
                            .map(|c| c.header.clone());
                        extra.push((
                            name.unwrap_or_else(|| format!("column {}", cell.col + 1)),
                            text.to_string(),
                        ));
                    }
                }
            }
        }
        // Cell texts are clean already (`Cell::text`).
        if stt_text.is_empty()
            && content.is_empty()
            && lead.is_empty()
            && support.is_empty()
            && dl.is_empty()
        {
            continue;
        }
        // A row whose number is a cell merged down from the row above is one more
        // assignment of the same task (one row per responsible party): it keeps the shared
        // number and content, as every vertically merged cell does.
        let shares_task = stt_covered && !stt_text.is_empty();
        if shares_task && !content_covered && content.is_empty() {
            if let Some(prev) = drafts.last() {
                content = prev.content.clone();
            }
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
            deadline: dl,
            extra,
            bold,
            location: Location {
                table: ti,
                row: r,
                rows: 1,
                page: row.page,
                section,
                shares_task,
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

/// Cell readings remembered per plan: a plan names the same few bodies and deadlines in row
/// after row ("Sở Nội vụ", "UBND các xã, phường", "Năm 2026", "Thường xuyên"), so a cell
/// text already read in this plan is looked up instead of read again.
///
/// Hashed with rustc's FxHash (cheaper than SipHash on short cells). It does not resist chosen
/// collisions, so a memo holds at most [`MEMO_CELLS`] cells: a hostile table of colliding
/// cells costs at most that many comparisons per cell.
struct Memo<K, V>(std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>);

/// Distinct cells remembered per plan and column kind (real plans have a few dozen).
const MEMO_CELLS: usize = 1024;

impl<K: std::hash::Hash + Eq, V: Clone> Memo<K, V> {
    fn new() -> Self {
        Memo(std::collections::HashMap::default())
    }

    fn get<Q>(&mut self, key: &Q, read: impl FnOnce(&Q) -> V) -> V
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        if let Some(hit) = self.0.get(key) {
            return hit.clone();
        }
        let v = read(key);
        if self.0.len() < MEMO_CELLS {
            self.0.insert(key.to_owned(), v.clone());
        }
        v
    }
}

/// The agencies of a cell, one entry each, with their kinds — empty kinds when every entry
/// is a named body (the common case, left out of the record).
fn typed_agencies(lines: &[String]) -> (Vec<String>, Vec<AgencyKind>) {
    let entries = agency::entries(lines);
    let kinds: Vec<AgencyKind> = entries.iter().map(|a| a.kind).collect();
    let all_bodies = kinds.iter().all(|k| *k == AgencyKind::Body);
    (
        entries.into_iter().map(|a| a.text).collect(),
        if all_bodies { Vec::new() } else { kinds },
    )
}

/// Turns drafts into items: kinds, levels, parents, agencies, deadlines (with a warning for
/// each deadline whose date cannot exist).
fn finish(drafts: Vec<Draft>, warnings: &mut Vec<String>) -> Vec<Item> {
    let parsed: Vec<Option<stt::Stt>> = drafts.iter().map(|d| stt::parse(&d.stt)).collect();
    // Sections that number their groups in Roman numerals (the Arabic numbers under them
    // are one level deeper).
    let roman_sections: std::collections::HashSet<usize> = drafts
        .iter()
        .zip(&parsed)
        .filter(|(_, p)| p.as_ref().is_some_and(|s| s.roman))
        .map(|(d, _)| d.location.section)
        .collect();
    // For each draft, the index of the next one whose number differs (computed backwards
    // once: looking ahead from every item is quadratic on a run of equal numbers).
    let canon: Vec<Option<String>> = parsed
        .iter()
        .map(|p| p.as_ref().map(|s| s.canonical()))
        .collect();
    let mut next_different = vec![None; parsed.len()];
    for i in (0..parsed.len().saturating_sub(1)).rev() {
        next_different[i] = if canon[i + 1] != canon[i] {
            Some(i + 1)
        } else {
            next_different[i + 1]
        };
    }
    // Items that may still be a parent: levels strictly rising (the nearest earlier item
    // with a lower level is on this stack).
    let mut open: Vec<usize> = Vec::new();
    let mut items: Vec<Item> = Vec::with_capacity(drafts.len());
    let mut section = 0;
    let mut agencies: Memo<Vec<String>, (Vec<String>, Vec<AgencyKind>)> = Memo::new();
    let mut deadlines: Memo<String, (deadline::Deadline, Option<String>)> = Memo::new();
    for (i, d) in drafts.into_iter().enumerate() {
        if d.location.section != section {
            // Numbers start again: nothing above is a parent any more.
            section = d.location.section;
            open.clear();
        }
        let has_roman = roman_sections.contains(&section);
        let (lead, lead_kinds) = agencies.get(d.lead.as_slice(), typed_agencies);
        let (support, support_kinds) = agencies.get(d.support.as_slice(), typed_agencies);
        let (deadline, warning) = deadlines.get(d.deadline.as_str(), deadline::parse_with_warnings);
        if let Some(w) = warning {
            // An impossible date ("31/02/2026") is never stored as a date: say where it is.
            warnings.push(format!(
                "bảng {}, dòng {}, STT {}: {w}",
                d.location.table + 1,
                d.location.row + 1,
                d.stt.trim()
            ));
        }
        let level = match &parsed[i] {
            Some(s) if s.roman => 1,
            Some(s) if s.letter => items.last().map(|p: &Item| p.level + 1).unwrap_or(1),
            Some(s) => s.parts.len() as u32 + u32::from(has_roman),
            None => items.last().map(|p| p.level).unwrap_or(1),
        };
        let empty_cells = lead.is_empty() && support.is_empty() && d.deadline.is_empty();
        // The next item with a different number is a child ("2.1" then "2.1.1"). A repeated
        // number ("2.1" twice, a real typing mistake) is looked past.
        let next = next_different[i].and_then(|j| parsed[j].as_ref());
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
        while open.last().is_some_and(|&j| items[j].level >= level) {
            open.pop();
        }
        let parent = open.last().map(|&j| items[j].stt.clone());
        open.push(items.len());
        items.push(Item {
            stt: d.stt,
            level,
            parent,
            kind,
            content: d.content,
            lead,
            support,
            lead_kinds,
            support_kinds,
            deadline,
            extra: d.extra.into_iter().collect(),
            location: d.location,
        });
    }
    items
}
