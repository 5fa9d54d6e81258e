//! Parsed records as JSON, JSON lines, CSV or a terminal table.

use std::io::{self, Write};

use kehoach_parse::record::Record;

use super::table::{clean_cell, layout, width, wrap, Column, Table};

pub fn json(out: &mut impl Write, recs: &[Record], single: bool) -> io::Result<()> {
    if single {
        if let Some(r) = recs.first() {
            serde_json::to_writer_pretty(&mut *out, r)?;
            return writeln!(out);
        }
    }
    serde_json::to_writer_pretty(&mut *out, recs)?;
    writeln!(out)
}

pub fn jsonl(out: &mut impl Write, recs: &[Record]) -> io::Result<()> {
    for r in recs {
        serde_json::to_writer(&mut *out, r)?;
        writeln!(out)?;
    }
    Ok(())
}

/// The UTF-8 byte-order mark: Excel reads a CSV that starts with it as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One CSV field, RFC 4180 quoting: a field holding a comma, a double quote or a semicolon
/// (Excel's list separator where the decimal mark is a comma, as in Vietnamese settings) is
/// put in double quotes, with its double quotes doubled. Line breaks in a field become spaces,
/// so every record is one line.
pub fn csv_field(s: &str) -> String {
    let s = if s.contains(['\n', '\r']) {
        std::borrow::Cow::Owned(
            s.split(['\r', '\n'])
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
        )
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    if s.contains([',', '"', ';']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

pub fn csv(out: &mut impl Write, recs: &[Record], bom: bool) -> io::Result<()> {
    if bom {
        out.write_all(BOM)?;
    }
    writeln!(
        out,
        "file,stt,level,kind,content,lead,support,deadline,deadline_kind,table,row"
    )?;
    for r in recs {
        for it in &r.items {
            let kind = serde_json::to_value(&it.deadline)
                .ok()
                .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(String::from))
                .unwrap_or_default();
            let fields = [
                r.source.path.clone(),
                it.stt.clone(),
                it.level.to_string(),
                format!("{:?}", it.kind).to_lowercase(),
                it.content.clone(),
                it.lead.join("; "),
                it.support.join("; "),
                it.deadline.text.clone(),
                kind,
                (it.location.table + 1).to_string(),
                (it.location.row + 1).to_string(),
            ];
            let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            writeln!(out, "{}", line.join(","))?;
        }
    }
    Ok(())
}

/// The columns of `parse --format table`.
const ITEM_COLUMNS: [Column; 5] = [
    Column::fixed("STT", 3, 7, 12),
    Column::flex("Nội dung", 28),
    Column::fixed("Chủ trì", 8, 22, 40),
    Column::fixed("Phối hợp", 8, 22, 48),
    Column::fixed("Thời hạn", 8, 18, 32),
];

/// Each plan: a line naming the file, type, number and item count; its title wrapped to
/// `total` columns; then its items in a table `total` columns wide (see [`super::table`]).
pub fn table(out: &mut impl Write, recs: &[Record], total: usize) -> io::Result<()> {
    for r in recs {
        let d = &r.document;
        let head = format!(
            "{} — {} {} ({} items)",
            r.source.path,
            d.doc_type.as_deref().unwrap_or("?"),
            d.number.as_ref().map(|n| n.text.as_str()).unwrap_or(""),
            r.items.len()
        );
        for l in wrap(&clean_cell(&head), total) {
            writeln!(out, "{l}")?;
        }
        if let Some(t) = &d.title {
            for l in wrap(&clean_cell(t), total.saturating_sub(2)) {
                writeln!(out, "  {l}")?;
            }
        }
        let rows: Vec<(usize, [String; 5])> = r
            .items
            .iter()
            .map(|it| {
                (
                    2 * it.level.saturating_sub(1) as usize,
                    [
                        it.stt.clone(),
                        it.content.clone(),
                        it.lead.join("; "),
                        it.support.join("; "),
                        it.deadline.text.clone(),
                    ],
                )
            })
            .collect();
        let mut natural: Vec<usize> = ITEM_COLUMNS.iter().map(|c| width(c.title)).collect();
        for (indent, cells) in &rows {
            for (i, c) in cells.iter().enumerate() {
                let w = width(&clean_cell(c)) + if i == 1 { *indent } else { 0 };
                natural[i] = natural[i].max(w);
            }
        }
        let t = Table::new(layout(&ITEM_COLUMNS, &natural, total));
        t.header(out, &ITEM_COLUMNS)?;
        for (indent, cells) in &rows {
            t.row(out, cells, &[0, *indent])?;
        }
        writeln!(out)?;
    }
    Ok(())
}
