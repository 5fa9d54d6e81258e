//! Parsed records as JSON, JSON lines, CSV or a terminal table.

use std::io::{self, Write};

use kehoach_parse::record::Record;

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

/// RFC 4180 quoting.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn csv(out: &mut impl Write, recs: &[Record]) -> io::Result<()> {
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

fn fit(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n <= width {
        format!("{s}{}", " ".repeat(width - n))
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

pub fn table(out: &mut impl Write, recs: &[Record]) -> io::Result<()> {
    for r in recs {
        let d = &r.document;
        writeln!(
            out,
            "{} — {} {} ({} items)",
            r.source.path,
            d.doc_type.as_deref().unwrap_or("?"),
            d.number.as_ref().map(|n| n.text.as_str()).unwrap_or(""),
            r.items.len()
        )?;
        if let Some(t) = &d.title {
            writeln!(out, "  {t}")?;
        }
        writeln!(
            out,
            "{} │ {} │ {} │ {} │ {}",
            fit("STT", 7),
            fit("Nội dung", 56),
            fit("Chủ trì", 24),
            fit("Phối hợp", 24),
            "Thời hạn"
        )?;
        writeln!(out, "{}", "─".repeat(140))?;
        for it in &r.items {
            let indent = "  ".repeat(it.level.saturating_sub(1) as usize);
            writeln!(
                out,
                "{} │ {} │ {} │ {} │ {}",
                fit(&it.stt, 7),
                fit(&format!("{indent}{}", it.content), 56),
                fit(&it.lead.join("; "), 24),
                fit(&it.support.join("; "), 24),
                it.deadline.text
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}
