//! Findings as one self-contained HTML page a reviewer works from: a summary (counts by
//! severity and by rule, the file, the parent plans, the stage, the date), filters by
//! severity and by rule, every finding listed once and linked to where it is (a row of the
//! task table, a body paragraph, a field of the document), the offending words marked in
//! place, and for findings about a parent's item the parent's item beside the draft's.
//!
//! No network and no external file: the style and the small filter script are inline. Every
//! text of the document is escaped. The page prints on A4 (filters hidden, rows not cut).

use std::collections::BTreeMap;
use std::io::{self, Write};

use kehoach_diff::{Finding, Severity, Source, Stage, Where};
use kehoach_i18n::{tr, tr_args, Lang};
use kehoach_parse::model::Block;
use kehoach_parse::plan::{Item, ItemKind};

use super::findings::Report;

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

pub const STYLE: &str = r#"
body{font-family:"Times New Roman",serif;margin:2em;color:#222;max-width:1400px}
h1{font-size:1.3em} .meta{color:#555} table{border-collapse:collapse;width:100%}
th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eee} tr.group td{font-weight:bold;background:#fafafa}
tr.error td{background:#fde8e8} tr.warning td{background:#fff6d6} tr.info td{background:#e8f4fd}
.f{font-family:system-ui,sans-serif;font-size:.85em;margin:2px 0;padding:2px 4px;border-left:4px solid}
.f.error{border-color:#c0392b} .f.warning{border-color:#d4a017} .f.info{border-color:#2e86c1}
.code{font-weight:bold} .sev-error{color:#c0392b} .sev-warning{color:#a67c00} .sev-info{color:#2e86c1}
td.findings{min-width:18em} ins{background:#d4f7d4;text-decoration:none} del{background:#f7d4d4}
"#;

const REPORT_STYLE: &str = r#"
.summary{border:1px solid #999;padding:.6em 1em;margin:1em 0;background:#fcfcf7}
.summary h2{margin-top:0} .summary dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 1em;margin:0 0 .6em}
.summary dt{font-weight:bold} .summary dd{margin:0} .counts{width:auto;margin:.4em 1.5em .4em 0;display:inline-table}
.filters{font-family:system-ui,sans-serif;font-size:.9em;margin:1em 0;padding:.4em .8em;background:#f3f3f3}
.filters label{margin-right:1em;white-space:nowrap}
ol.findings{padding-left:2em} ol.findings li{margin:.3em 0}
mark{background:#ffe066;padding:0 1px} mark.error{background:#f5b7b1} mark.info{background:#aed6f1}
.side{display:grid;grid-template-columns:1fr 1fr;gap:.5em;margin:.3em 0}
.side>div{border:1px solid #ccc;padding:.3em .5em;background:#fff}
.side h4{margin:0 0 .2em;font-size:.95em}
.body p{margin:.25em 0;padding:1px 4px} .body p.error{background:#fde8e8} .body p.warning{background:#fff6d6} .body p.info{background:#e8f4fd}
a.badge{text-decoration:none;color:inherit}
:target{outline:3px solid #2e86c1}
@media print{
 body{margin:0;max-width:none;font-size:11pt} .filters,.nav{display:none}
 table,th,td{border:1px solid #000} tr,li,.side,.body p{break-inside:avoid}
 thead{display:table-header-group} a{color:inherit;text-decoration:none}
 td.findings{min-width:0;width:24%} table.items td:nth-child(2){width:38%} th,td{padding:2px 4px}
 @page{size:A4;margin:2cm}
}
"#;

/// The filter script: a finding (list entry, badge, mark) stays visible when both its
/// severity and its rule are ticked; "only rows with findings" hides the others.
const SCRIPT: &str = r#"
(function(){
 function on(kind){var m={};document.querySelectorAll('input[data-'+kind+']').forEach(function(b){m[b.getAttribute('data-'+kind)]=b.checked});return m}
 function apply(){
  var s=on('sev'),r=on('rule'),rows=document.getElementById('only-rows');
  document.querySelectorAll('[data-f-sev]').forEach(function(e){
   var v=s[e.getAttribute('data-f-sev')]!==false&&r[e.getAttribute('data-f-rule')]!==false;
   if(e.tagName==='MARK'){e.classList.toggle('off',!v)}else{e.style.display=v?'':'none'}
  });
  document.querySelectorAll('tr[data-row]').forEach(function(tr){
   var any=false;tr.querySelectorAll('.f[data-f-sev]').forEach(function(f){if(f.style.display!=='none')any=true});
   tr.style.display=(rows&&rows.checked&&!any)?'none':'';
  });
 }
 document.querySelectorAll('.filters input').forEach(function(b){b.addEventListener('change',apply)});
 apply();
})();
"#;

fn sev_word(lang: Lang, s: Severity) -> String {
    tr(lang, &format!("severity-{}", s.name()))
}

/// The severity word with a capital, for labels ("Lỗi", "Cảnh báo").
fn sev_label(lang: Lang, s: Severity) -> String {
    let w = sev_word(lang, s);
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => w,
    }
}

/// The rule's name in the language, where the catalogue has one (`rule-kh102`), else the
/// rule's own short name.
fn rule_name(lang: Lang, code: &str, name: &str) -> String {
    let id = format!("rule-{}", code.to_lowercase());
    if kehoach_i18n::has(lang, &id) || kehoach_i18n::has(Lang::En, &id) {
        tr(lang, &id)
    } else {
        name.to_string()
    }
}

fn field_label(lang: Lang, field: &str) -> String {
    let id = format!("report-field-{}", field.replace(['.', '_'], "-"));
    if kehoach_i18n::has(lang, &id) {
        tr(lang, &id)
    } else {
        field.to_string()
    }
}

fn column_label(lang: Lang, column: &str) -> String {
    match column {
        "stt" | "content" | "lead" | "support" | "deadline" => {
            tr(lang, &format!("report-col-{column}"))
        }
        c => c.to_string(),
    }
}

/// Where a finding is, in words.
fn location_text(lang: Lang, w: &Where) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = &w.stt {
        let mut p = tr_args(lang, "report-loc-item", &[("stt", s.as_str().into())]);
        if let Some(c) = &w.column {
            p.push_str(", ");
            p.push_str(&tr_args(
                lang,
                "report-loc-column",
                &[("column", column_label(lang, c).into())],
            ));
        }
        parts.push(p);
        if let (Some(t), Some(r)) = (w.table, w.row) {
            let mut p = tr_args(
                lang,
                "report-loc-row",
                &[("table", t.into()), ("row", r.into())],
            );
            if let Some(pg) = w.page {
                p.push_str(", ");
                p.push_str(&tr_args(lang, "report-loc-page", &[("page", pg.into())]));
            }
            parts.push(format!("({p})"));
        }
    }
    if let Some(f) = &w.field {
        parts.push(field_label(lang, f));
    }
    if let Some(n) = w.paragraph {
        let mut p = tr_args(lang, "report-loc-paragraph", &[("n", n.into())]);
        if let Some(t) = &w.paragraph_start {
            p.push_str(&format!(" “{t}”"));
        }
        parts.push(p);
    }
    if let Some(s) = &w.parent_stt {
        parts.push(tr_args(
            lang,
            "report-loc-parent",
            &[("stt", s.as_str().into())],
        ));
    }
    if parts.is_empty() {
        parts.push(tr(lang, "report-loc-document"));
    }
    // "Mục 1.3, cột Nội dung (bảng 2, dòng 5) · Kế hoạch cấp trên, mục 1.4"
    let mut s = String::new();
    for p in parts {
        if !s.is_empty() {
            s.push_str(if p.starts_with('(') { " " } else { " · " });
        }
        s.push_str(&p);
    }
    s
}

/// The anchor a finding points to.
fn target(k: usize, f: &Finding) -> String {
    if let Some(i) = f.location.item {
        format!("row-{i}")
    } else if let Some(p) = f.location.paragraph {
        format!("para-{p}")
    } else if let Some(fl) = &f.location.field {
        format!("meta-{}", fl.replace(['.', '_'], "-"))
    } else {
        format!("f-{k}")
    }
}

/// The words a finding marks in its cell or paragraph: the certain fix's words, else the
/// quoted text.
fn needle(f: &Finding) -> Option<&str> {
    f.fix
        .as_ref()
        .map(|x| x.find.as_str())
        .or(f.text.as_deref())
        .filter(|s| !s.trim().is_empty())
}

/// `text` escaped, with each needle's first occurrence marked: a mark inside another nests
/// ("kiểm" of a twin-wording finding inside "kiểm toàn đội ngũ" of a misspelling); marks that
/// cross are skipped.
fn marked(text: &str, needles: &[(usize, &Finding)]) -> String {
    let mut spans: Vec<(usize, std::cmp::Reverse<usize>, usize)> = Vec::new();
    // At most this many marks in one text: each costs a search through it.
    const MAX_MARKS: usize = 64;
    for &(k, f) in needles.iter().take(MAX_MARKS) {
        let Some(n) = needle(f) else { continue };
        if let Some(at) = text.find(n) {
            spans.push((at, std::cmp::Reverse(at + n.len()), k));
        }
    }
    spans.sort();
    let mut out = String::with_capacity(text.len() + 64 * spans.len());
    let mut pos = 0;
    let mut open: Vec<usize> = Vec::new();
    for (a, std::cmp::Reverse(b), k) in spans {
        while let Some(&e) = open.last() {
            if e > a {
                break;
            }
            out.push_str(&esc(&text[pos..e]));
            out.push_str("</mark>");
            pos = e;
            open.pop();
        }
        if a < pos || open.last().is_some_and(|&e| b > e) {
            continue;
        }
        let Some(f) = needles.iter().find(|x| x.0 == k).map(|x| x.1) else {
            continue;
        };
        let sev = f.severity.name();
        out.push_str(&esc(&text[pos..a]));
        out.push_str(&format!(
            "<mark class=\"{sev}\" data-f=\"{k}\" data-f-sev=\"{sev}\" data-f-rule=\"{}\">",
            esc(f.code)
        ));
        pos = a;
        open.push(b);
    }
    while let Some(e) = open.pop() {
        out.push_str(&esc(&text[pos..e]));
        out.push_str("</mark>");
        pos = e;
    }
    out.push_str(&esc(&text[pos..]));
    out
}

fn worst(fs: &[(usize, &Finding)]) -> &'static str {
    match fs.iter().map(|f| f.1.severity).min() {
        Some(Severity::Error) => "error",
        Some(Severity::Warning) => "warning",
        Some(Severity::Info) => "info",
        None => "",
    }
}

/// The parent's item a finding names (`location.parent_stt`), from the first parent that
/// has an item of that number.
fn parent_item<'a>(parents: &'a [Source], stt: &str) -> Option<&'a Item> {
    let key = |s: &str| s.trim().trim_end_matches('.').to_string();
    let k = key(stt);
    parents
        .iter()
        .flat_map(|p| p.plan.items.iter())
        .find(|it| key(&it.stt) == k)
}

fn item_box(lang: Lang, heading: &str, it: &Item) -> String {
    let mut s = format!(
        "<div><h4>{}</h4><div>{}</div>",
        esc(heading),
        esc(&it.content)
    );
    for (col, v) in [
        ("lead", it.lead.join("; ")),
        ("support", it.support.join("; ")),
        ("deadline", it.deadline.text.clone()),
    ] {
        if !v.trim().is_empty() {
            s.push_str(&format!(
                "<div><small><b>{}:</b> {}</small></div>",
                esc(&column_label(lang, col)),
                esc(&v)
            ));
        }
    }
    s.push_str("</div>");
    s
}

/// The parent's item beside the draft's, for a finding about a parent item.
fn side_by_side(lang: Lang, r: &Report, f: &Finding) -> Option<String> {
    let stt = f.location.parent_stt.as_deref()?;
    let left = match parent_item(r.parents, stt) {
        Some(p) => item_box(
            lang,
            &tr_args(lang, "report-parent-item", &[("stt", p.stt.trim().into())]),
            p,
        ),
        None => format!(
            "<div>{}</div>",
            esc(&tr_args(
                lang,
                "report-parent-missing",
                &[("stt", stt.into())]
            ))
        ),
    };
    let right = match f.location.item.and_then(|i| r.draft.plan.items.get(i)) {
        Some(d) => item_box(
            lang,
            &tr_args(lang, "report-draft-item", &[("stt", d.stt.trim().into())]),
            d,
        ),
        None => format!(
            "<div><h4>{}</h4><div>{}</div></div>",
            esc(&tr(lang, "report-draft-closest")),
            esc(f.note.as_deref().unwrap_or("—"))
        ),
    };
    Some(format!("<div class=\"side\">{left}{right}</div>"))
}

fn excerpt(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n).collect::<String>() + "…"
    }
}

/// One finding in the list: severity, code, where (a link), message, quote, suggestion, note,
/// and the parent's item beside the draft's where it names one.
fn finding_entry(lang: Lang, r: &Report, k: usize, f: &Finding) -> String {
    let sev = f.severity.name();
    let t = target(k, f);
    let own = t == format!("f-{k}");
    let mut s = format!(
        "<li class=\"f {sev}\" id=\"f-{k}\" data-f-sev=\"{sev}\" data-f-rule=\"{}\"><span class=\"code sev-{sev}\">{} [{}]</span> ",
        esc(f.code),
        esc(&sev_word(lang, f.severity)),
        esc(f.code)
    );
    let loc = esc(&location_text(lang, &f.location));
    if own {
        s.push_str(&format!("<i>{loc}</i>"));
    } else {
        s.push_str(&format!("<a href=\"#{t}\">{loc}</a>"));
    }
    s.push_str(&format!(": {}", esc(&f.message)));
    if let Some(t) = &f.text {
        s.push_str(&format!("<br>“{}”", esc(&excerpt(t, 200))));
    }
    if let Some(x) = &f.suggestion {
        s.push_str(&format!(
            "<br><b>{}:</b> {}",
            esc(&tr(lang, "report-suggestion")),
            esc(x)
        ));
    }
    if let Some(fix) = &f.fix {
        s.push_str(&format!(
            "<br><del>{}</del> → <ins>{}</ins>",
            esc(&fix.find),
            esc(&fix.replace)
        ));
    }
    match side_by_side(lang, r, f) {
        Some(side) => s.push_str(&side),
        None => {
            if let Some(n) = &f.note {
                s.push_str(&format!(
                    "<br><small><b>{}:</b> {}</small>",
                    esc(&tr(lang, "report-note")),
                    esc(n)
                ));
            }
        }
    }
    s.push_str("</li>");
    s
}

/// A finding's badge in its row: a link back to its entry in the list.
fn badge(lang: Lang, k: usize, f: &Finding) -> String {
    let sev = f.severity.name();
    format!(
        "<div class=\"f {sev}\" data-f-sev=\"{sev}\" data-f-rule=\"{code}\"><a class=\"badge\" href=\"#f-{k}\"><span class=\"code sev-{sev}\">{} [{code}]</span> {}</a></div>",
        esc(&sev_word(lang, f.severity)),
        esc(&excerpt(&f.message, 160)),
        code = esc(f.code)
    )
}

/// Today's date (UTC) as dd/mm/yyyy, without a date library.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{d:02}/{m:02}/{y}")
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn summary(out: &mut impl Write, lang: Lang, r: &Report) -> io::Result<()> {
    let d = &r.draft.plan.document;
    writeln!(
        out,
        "<section class=\"summary\" id=\"summary\"><h2>{}</h2><dl>",
        esc(&tr(lang, "report-summary"))
    )?;
    let file = [
        Some(r.draft.name.clone()),
        d.issuer.clone(),
        d.number.as_ref().map(|n| n.text.clone()),
        d.date.as_ref().map(|n| n.text.clone()),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let parents_html = if r.parents.is_empty() {
        esc(&tr(lang, "report-no-parent"))
    } else {
        r.parents
            .iter()
            .map(|p| {
                let pd = &p.plan.document;
                esc(&[
                    Some(p.name.clone()),
                    pd.issuer.clone(),
                    pd.number.as_ref().map(|n| n.text.clone()),
                ]
                .into_iter()
                .flatten()
                .filter(|s| !s.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" · "))
            })
            .collect::<Vec<_>>()
            .join("<br>")
    };
    let stage = match r.stage {
        Stage::Draft => tr(lang, "report-stage-draft"),
        Stage::Signed => tr(lang, "report-stage-signed"),
    };
    for (id, label, value) in [
        ("sum-file", tr(lang, "report-file"), esc(&file)),
        ("sum-parents", tr(lang, "report-parents"), parents_html),
        ("sum-stage", tr(lang, "report-stage"), esc(&stage)),
        ("sum-date", tr(lang, "report-run-date"), esc(&today())),
    ] {
        writeln!(out, "<dt>{}</dt><dd id=\"{id}\">{value}</dd>", esc(&label))?;
    }
    writeln!(out, "</dl>")?;
    // Counts by severity.
    writeln!(
        out,
        "<table class=\"counts by-severity\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(&tr(lang, "report-severity")),
        esc(&tr(lang, "report-count"))
    )?;
    for s in [Severity::Error, Severity::Warning, Severity::Info] {
        let n = r.findings.iter().filter(|f| f.severity == s).count();
        writeln!(
            out,
            "<tr data-sev=\"{0}\"><td class=\"sev-{0}\">{1}</td><td class=\"n\">{n}</td></tr>",
            s.name(),
            esc(&sev_label(lang, s))
        )?;
    }
    writeln!(
        out,
        "<tr><th>{}</th><th class=\"n\">{}</th></tr></tbody></table>",
        esc(&tr(lang, "report-total")),
        r.findings.len()
    )?;
    // Counts by rule.
    let mut rules: BTreeMap<&str, (&str, Severity, usize)> = BTreeMap::new();
    for f in r.findings {
        let e = rules.entry(f.code).or_insert((f.name, f.severity, 0));
        e.1 = e.1.min(f.severity);
        e.2 += 1;
    }
    if !rules.is_empty() {
        writeln!(
            out,
            "<table class=\"counts by-rule\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(&tr(lang, "report-code")),
            esc(&tr(lang, "report-rule")),
            esc(&tr(lang, "report-count"))
        )?;
        for (code, (name, sev, n)) in &rules {
            writeln!(
                out,
                "<tr data-rule=\"{c}\"><td class=\"code sev-{}\">{c}</td><td>{}</td><td class=\"n\">{n}</td></tr>",
                sev.name(),
                esc(&rule_name(lang, code, name)),
                c = esc(code)
            )?;
        }
        writeln!(out, "</tbody></table>")?;
    }
    writeln!(out, "</section>")?;
    // Filters.
    if !r.findings.is_empty() {
        write!(
            out,
            "<section class=\"filters\"><b>{}</b><br>{} ",
            esc(&tr(lang, "report-filters")),
            esc(&tr(lang, "report-filter-severity"))
        )?;
        for s in [Severity::Error, Severity::Warning, Severity::Info] {
            write!(
                out,
                "<label><input type=\"checkbox\" checked data-sev=\"{}\"> {}</label>",
                s.name(),
                esc(&sev_label(lang, s))
            )?;
        }
        write!(out, "<br>{} ", esc(&tr(lang, "report-filter-rule")))?;
        for (code, (name, _, _)) in &rules {
            write!(
                out,
                "<label title=\"{}\"><input type=\"checkbox\" checked data-rule=\"{c}\"> {c}</label>",
                esc(&rule_name(lang, code, name)),
                c = esc(code)
            )?;
        }
        writeln!(
            out,
            "<br><label><input type=\"checkbox\" id=\"only-rows\"> {}</label></section>",
            esc(&tr(lang, "report-filter-rows"))
        )?;
    }
    Ok(())
}

/// The document's fields a finding may name, as written; then any other field a finding
/// names, so that every finding's link has its anchor.
fn meta_rows(r: &Report) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = known_meta_rows(r)
        .into_iter()
        .map(|(f, t)| (f.to_string(), t))
        .collect();
    for f in r.findings {
        if let Some(fl) = &f.location.field {
            if f.location.item.is_none()
                && f.location.paragraph.is_none()
                && !v.iter().any(|(x, _)| x == fl)
            {
                v.push((fl.clone(), String::new()));
            }
        }
    }
    v
}

fn known_meta_rows(r: &Report) -> Vec<(&'static str, String)> {
    let d = &r.draft.plan.document;
    let mut v: Vec<(&'static str, String)> = vec![
        (
            "number",
            d.number
                .as_ref()
                .map(|n| n.text.clone())
                .unwrap_or_default(),
        ),
        (
            "date",
            d.date.as_ref().map(|n| n.text.clone()).unwrap_or_default(),
        ),
        ("issuer", d.issuer.clone().unwrap_or_default()),
        ("title", d.title.clone().unwrap_or_default()),
    ];
    if let Some(a) = &d.appendix {
        v.push(("appendix.title", a.title.clone().unwrap_or_default()));
        v.push(("appendix.reference", a.text.clone()));
    }
    v.push((
        "legal_bases",
        d.legal_bases
            .iter()
            .map(|l| l.text.clone())
            .collect::<Vec<_>>()
            .join("\n"),
    ));
    v.push(("recipients", d.recipients.join("\n")));
    if let Some(s) = &d.signer {
        let line = [&s.authority, &s.on_behalf_of, &s.position, &s.name]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        v.push(("signer", line));
    }
    v
}

pub fn html(out: &mut impl Write, r: &Report, lang: Lang) -> io::Result<()> {
    let plan = &r.draft.plan;
    let d = &plan.document;
    let fs: Vec<(usize, &Finding)> = r.findings.iter().enumerate().collect();
    // Findings by row and by paragraph, once (a hostile plan may have many of both).
    let mut by_item: BTreeMap<usize, Vec<(usize, &Finding)>> = BTreeMap::new();
    let mut by_para: BTreeMap<usize, Vec<(usize, &Finding)>> = BTreeMap::new();
    for &(k, f) in &fs {
        if let Some(i) = f.location.item {
            by_item.entry(i).or_default().push((k, f));
        } else if let Some(p) = f.location.paragraph {
            by_para.entry(p).or_default().push((k, f));
        }
    }
    writeln!(
        out,
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">",
        lang.code()
    )?;
    writeln!(
        out,
        "<title>{}</title><style>{STYLE}{REPORT_STYLE}</style></head><body>",
        esc(&tr_args(
            lang,
            "report-title",
            &[("name", r.draft.name.as_str().into())]
        ))
    )?;
    writeln!(
        out,
        "<h1>{}</h1>",
        esc(d.title.as_deref().unwrap_or(&r.draft.name))
    )?;
    summary(out, lang, r)?;

    // Every finding, once, linked to where it is.
    writeln!(
        out,
        "<section id=\"findings\"><h2>{}</h2>",
        esc(&tr(lang, "report-findings"))
    )?;
    if fs.is_empty() {
        writeln!(out, "<p>{}</p>", esc(&tr(lang, "report-no-findings")))?;
    } else {
        writeln!(out, "<ol class=\"findings\">")?;
        for &(k, f) in &fs {
            writeln!(out, "{}", finding_entry(lang, r, k, f))?;
        }
        writeln!(out, "</ol>")?;
    }
    writeln!(out, "</section>")?;

    // The document's fields, with their findings' words marked.
    let meta = meta_rows(r);
    writeln!(
        out,
        "<section id=\"document\"><h2>{}</h2><table class=\"meta-table\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(&tr(lang, "report-document")),
        esc(&tr(lang, "report-col-field")),
        esc(&tr(lang, "report-col-value")),
        esc(&tr(lang, "report-col-findings"))
    )?;
    for (field, value) in &meta {
        let here: Vec<(usize, &Finding)> = fs
            .iter()
            .copied()
            .filter(|(_, f)| {
                f.location.item.is_none()
                    && f.location.paragraph.is_none()
                    && f.location.field.as_deref() == Some(field.as_str())
            })
            .collect();
        if value.trim().is_empty() && here.is_empty() {
            continue;
        }
        let shown = value
            .split('\n')
            .map(|l| marked(l, &here))
            .collect::<Vec<_>>()
            .join("<br>");
        writeln!(
            out,
            "<tr id=\"meta-{}\" class=\"{}\"><th>{}</th><td>{shown}</td><td class=\"findings\">{}</td></tr>",
            field.replace(['.', '_'], "-"),
            worst(&here),
            esc(&field_label(lang, field)),
            here.iter().map(|(k, f)| badge(lang, *k, f)).collect::<String>()
        )?;
    }
    writeln!(out, "</tbody></table></section>")?;

    // The body paragraphs, each with its id; the paragraphs with findings marked.
    if let Some(doc) = &r.draft.document {
        let paras: Vec<(usize, String)> = doc
            .blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| match b {
                Block::Paragraph(p) => {
                    let t = kehoach_text::clean(&p.display_text());
                    (!t.is_empty()).then_some((i + 1, t))
                }
                Block::Table(_) => None,
            })
            .collect();
        if !paras.is_empty() {
            writeln!(
                out,
                "<section id=\"body\" class=\"body\"><h2>{}</h2>",
                esc(&tr(lang, "report-body"))
            )?;
            for (n, t) in paras {
                let here: Vec<(usize, &Finding)> = by_para.get(&n).cloned().unwrap_or_default();
                let badges: String = here.iter().map(|(k, f)| badge(lang, *k, f)).collect();
                writeln!(
                    out,
                    "<p id=\"para-{n}\" class=\"{}\">{}{badges}</p>",
                    worst(&here),
                    marked(&t, &here)
                )?;
            }
            writeln!(out, "</section>")?;
        }
    }

    // The task table.
    if !plan.items.is_empty() {
        let mut extras: Vec<&str> = Vec::new();
        for it in &plan.items {
            for k in it.extra.keys() {
                if !extras.contains(&k.as_str()) {
                    extras.push(k);
                }
            }
        }
        write!(
            out,
            "<section id=\"table\"><h2>{}</h2><table class=\"items\"><thead><tr>",
            esc(&tr(lang, "report-table"))
        )?;
        for c in ["stt", "content", "lead", "support", "deadline"] {
            write!(out, "<th>{}</th>", esc(&column_label(lang, c)))?;
        }
        for e in &extras {
            write!(out, "<th>{}</th>", esc(e))?;
        }
        writeln!(
            out,
            "<th>{}</th></tr></thead><tbody>",
            esc(&tr(lang, "report-col-findings"))
        )?;
        for (i, it) in plan.items.iter().enumerate() {
            let here: Vec<(usize, &Finding)> = by_item.get(&i).cloned().unwrap_or_default();
            let in_col = |c: &str| -> Vec<(usize, &Finding)> {
                here.iter()
                    .copied()
                    .filter(|(_, f)| f.location.column.as_deref() == Some(c))
                    .collect()
            };
            let mut class = worst(&here).to_string();
            if it.kind == ItemKind::Group {
                class.push_str(" group");
            }
            let list = |v: &[String], c: &str| {
                let n = in_col(c);
                v.iter()
                    .map(|s| marked(s, &n))
                    .collect::<Vec<_>>()
                    .join("<br>")
            };
            write!(
                out,
                "<tr id=\"row-{i}\" data-row=\"{i}\" class=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
                class.trim(),
                marked(&it.stt, &in_col("stt")),
                marked(&it.content, &in_col("content")),
                list(&it.lead, "lead"),
                list(&it.support, "support"),
                marked(&it.deadline.text, &in_col("deadline")),
            )?;
            for e in &extras {
                write!(
                    out,
                    "<td>{}</td>",
                    marked(
                        it.extra.get(*e).map(String::as_str).unwrap_or(""),
                        &in_col(e)
                    )
                )?;
            }
            writeln!(
                out,
                "<td class=\"findings\">{}</td></tr>",
                here.iter()
                    .map(|(k, f)| badge(lang, *k, f))
                    .collect::<String>()
            )?;
        }
        writeln!(out, "</tbody></table></section>")?;
    }
    writeln!(out, "<script>{SCRIPT}</script>")?;
    writeln!(out, "</body></html>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
        assert_eq!(civil_from_days(20_513), (2026, 3, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn marks_escape_nest_and_skip_crossings() {
        let info = kehoach_diff::explain("KH102").unwrap();
        let f = Finding::new(info, "m", Where::default()).text("<b>năm 2025</b>");
        let g = Finding::new(info, "m", Where::default()).text("năm");
        let h = Finding::new(info, "m", Where::default()).text("2025</b> &");
        let s = marked(
            "Tuyên truyền <b>năm 2025</b> & năm 2026",
            &[(0, &f), (1, &g), (2, &h)],
        );
        let open = |k: usize| {
            format!(
                "<mark class=\"error\" data-f=\"{k}\" data-f-sev=\"error\" data-f-rule=\"KH102\">"
            )
        };
        assert_eq!(
            s,
            format!(
                "Tuyên truyền {}&lt;b&gt;{}năm</mark> 2025&lt;/b&gt;</mark> &amp; năm 2026",
                open(0),
                open(1)
            )
        );
    }

    #[test]
    fn every_link_has_its_anchor_even_for_fields_the_plan_lacks() {
        let draft = Source::from_plan("xa_cap_tien_2029.txt", kehoach_parse::plan::Plan::default());
        let info = kehoach_diff::explain("KH101").unwrap();
        let fs = vec![
            Finding::new(
                info,
                "Dòng dẫn phụ lục <sai>",
                Where::field("appendix.reference"),
            )
            .text("(Kèm theo Kế hoạch số /KH-UBND)"),
            Finding::new(info, "Toàn văn bản", Where::default()),
        ];
        let r = Report {
            draft: &draft,
            parents: &[],
            stage: Stage::Signed,
            findings: &fs,
        };
        let mut out = Vec::new();
        html(&mut out, &r, Lang::Vi).unwrap();
        let page = String::from_utf8(out).unwrap();
        for part in page.split("href=\"#").skip(1) {
            let id = part.split('"').next().unwrap();
            assert_eq!(
                page.matches(&format!(" id=\"{id}\"")).count(),
                1,
                "{id}\n{page}"
            );
        }
        assert!(page.contains("<tr id=\"meta-appendix-reference\" class=\"error\"><th>Dòng dẫn phụ lục</th><td></td>"), "{page}");
        assert!(page.contains("Dòng dẫn phụ lục &lt;sai&gt;"));
        assert!(page.contains("<dd id=\"sum-stage\">Đã ký ban hành</dd>"));
        assert!(page.contains("<i>Toàn văn bản</i>"));
    }
}
