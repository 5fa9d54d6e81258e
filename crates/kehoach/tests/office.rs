//! Outputs for people: the xlsx an office prints (read back from the file), the CSV Excel
//! reads, terminal tables that fit, completions, the man page and `--version`.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use unicode_width::UnicodeWidthStr;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn run(args: &[&str]) -> Output {
    let o = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .env("KEHOACH_LANG", "en")
        .current_dir(root())
        .env_remove("COLUMNS")
        .args(args)
        .output()
        .expect("run kehoach");
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn text(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Our own plans (Lào Cai, Cần Thơ, Hà Tĩnh, Quảng Ninh, Nghệ An), as .docx.
fn own_plans() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/plans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    v.sort();
    assert!(v.len() >= 5);
    v
}

/// A store holding our own plans, imported with --check (findings stored).
fn store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("ke-hoach");
    std::fs::create_dir(&src).unwrap();
    for p in own_plans() {
        std::fs::copy(&p, src.join(p.file_name().unwrap())).unwrap();
    }
    let db = dir.path().join("kehoach.db");
    run(&[
        "import",
        "--db",
        db.to_str().unwrap(),
        "--check",
        "--all-types",
        src.to_str().unwrap(),
    ]);
    (dir, db)
}

fn entry(zip: &mut zip::ZipArchive<std::fs::File>, name: &str) -> String {
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} missing"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// The children `<tag …>` of the first `<list …>…</list>` of an XML text, as raw strings.
fn elements<'a>(xml: &'a str, list: &str, tag: &str) -> Vec<&'a str> {
    let start = xml.find(&format!("<{list}")).expect(list);
    let end = xml[start..].find(&format!("</{list}>")).unwrap() + start;
    let body = &xml[start..end];
    let open = format!("<{tag}");
    let mut out = Vec::new();
    let mut rest = body;
    // Skip the list's own tag.
    rest = &rest[rest.find('>').unwrap() + 1..];
    while let Some(i) = rest.find(&open) {
        let after = &rest[i + open.len()..];
        // `<font>` vs `<fonts>`: the tag name must end here.
        if !after.starts_with([' ', '>', '/']) {
            rest = after;
            continue;
        }
        let close = format!("</{tag}>");
        let self_end = after.find("/>");
        let gt = after.find('>').unwrap();
        let len = if self_end.is_some_and(|s| s + 1 == gt) {
            gt + 1
        } else {
            after
                .find(&close)
                .map(|c| c + close.len())
                .unwrap_or(gt + 1)
        };
        out.push(&rest[i..i + open.len() + len]);
        rest = &after[len..];
    }
    out
}

fn attr<'a>(el: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let i = el.find(&key)? + key.len();
    Some(&el[i..i + el[i..].find('"')?])
}

/// The cells of one sheet: (reference, style index, inner XML).
fn cells(sheet: &str) -> Vec<(String, usize, String)> {
    let mut out = Vec::new();
    let mut rest = sheet;
    while let Some(i) = rest.find("<c r=\"") {
        let el_end = rest[i..].find('>').unwrap() + i;
        let head = &rest[i..=el_end];
        let r = attr(head, "r").unwrap().to_string();
        let s = attr(head, "s").map(|s| s.parse().unwrap()).unwrap_or(0);
        let (inner, next) = if head.ends_with("/>") {
            (String::new(), el_end + 1)
        } else {
            let close = rest[el_end..].find("</c>").unwrap() + el_end;
            (rest[el_end + 1..close].to_string(), close + 4)
        };
        out.push((r, s, inner));
        rest = &rest[next..];
    }
    out
}

fn col(r: &str) -> &str {
    r.trim_end_matches(|c: char| c.is_ascii_digit())
}

fn row_of(r: &str) -> &str {
    &r[col(r).len()..]
}

#[test]
fn xlsx_prints_on_a4_with_real_dates() {
    let (dir, db) = store();
    let xlsx = dir.path().join("ke-hoach.xlsx");
    let o = run(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "xlsx",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains("findings"), "{said}");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();

    // Sheets, and each prints its header row on every page.
    let wb = entry(&mut zip, "xl/workbook.xml");
    for name in ["Kế hoạch", "Nhiệm vụ", "Phát hiện"] {
        assert!(wb.contains(&format!("<sheet name=\"{name}\"")), "{wb}");
        assert!(
            wb.contains(&format!(">'{name}'!$1:$1</definedName>")),
            "no print titles for {name}: {wb}"
        );
    }
    assert!(wb.contains("name=\"_xlnm.Print_Titles\""));
    // The print area is the table's columns: A–N for items (14 columns).
    assert!(
        wb.contains("name=\"_xlnm.Print_Area\" localSheetId=\"1\">'Nhiệm vụ'!$A$1:$N$"),
        "no print area on the items sheet: {wb}"
    );

    // Print setup of every sheet: A4 landscape, one page wide, margins, footer, frozen header.
    for n in 1..=3 {
        let sheet = entry(&mut zip, &format!("xl/worksheets/sheet{n}.xml"));
        let setup = sheet
            .split("<pageSetup ")
            .nth(1)
            .map(|s| &s[..s.find("/>").unwrap()])
            .unwrap_or_else(|| panic!("sheet{n}: no pageSetup"));
        let setup = format!(" {setup}");
        assert_eq!(attr(&setup, "paperSize"), Some("9"), "sheet{n}");
        assert_eq!(attr(&setup, "orientation"), Some("landscape"), "sheet{n}");
        assert_eq!(attr(&setup, "fitToHeight"), Some("0"), "sheet{n}");
        // fitToWidth defaults to 1 when absent.
        assert!(matches!(attr(&setup, "fitToWidth"), None | Some("1")));
        assert!(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"), "sheet{n}");
        assert!(
            sheet.contains("<pageMargins left=\"0.4\" right=\"0.4\""),
            "sheet{n}"
        );
        assert!(
            sheet.contains("<printOptions gridLines=\"1\"/>"),
            "sheet{n}"
        );
        let footer = sheet
            .split("<oddFooter>")
            .nth(1)
            .map(|s| &s[..s.find('<').unwrap()])
            .unwrap_or_else(|| panic!("sheet{n}: no footer"));
        assert!(footer.contains("Trang &amp;P/&amp;N"), "{footer}");
        assert!(footer.contains("kehoach.db"), "{footer}");
        assert!(
            sheet.contains("ySplit=\"1\""),
            "sheet{n}: header not frozen"
        );
        assert!(
            sheet.contains("<autoFilter ref=\"A1:"),
            "sheet{n}: no filter"
        );
    }

    // Styles: the date format, and which cell styles are dates, bold, shaded.
    let styles = entry(&mut zip, "xl/styles.xml");
    let date_fmt = elements(&styles, "numFmts", "numFmt")
        .into_iter()
        .find(|f| attr(f, "formatCode") == Some("dd/mm/yyyy"))
        .and_then(|f| attr(f, "numFmtId"))
        .expect("no dd/mm/yyyy number format")
        .to_string();
    let fonts = elements(&styles, "fonts", "font");
    let fills = elements(&styles, "fills", "fill");
    let xfs = elements(&styles, "cellXfs", "xf");
    let is_date = |s: usize| attr(xfs[s], "numFmtId") == Some(date_fmt.as_str());
    let is_bold = |s: usize| {
        let f: usize = attr(xfs[s], "fontId").unwrap_or("0").parse().unwrap();
        fonts[f].contains("<b/>")
    };
    let is_shaded = |s: usize| {
        let f: usize = attr(xfs[s], "fillId").unwrap_or("0").parse().unwrap();
        fills[f].contains("E2EFDA")
    };

    // Items: due dates are date cells (numbers in a date style) that match the store.
    let items_sheet = entry(&mut zip, "xl/worksheets/sheet2.xml");
    let cs = cells(&items_sheet);
    let due: Vec<&(String, usize, String)> = cs
        .iter()
        .filter(|(r, _, inner)| col(r) == "M" && row_of(r) != "1" && !inner.is_empty())
        .collect();
    assert!(due.len() >= 5, "too few due dates: {}", due.len());
    let expected_due: Vec<String> = {
        let o = run(&[
            "query",
            "items",
            "--db",
            db.to_str().unwrap(),
            "--format",
            "jsonl",
        ]);
        text(&o)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter_map(|v| v["deadline_date"].as_str().map(String::from))
            .collect()
    };
    assert_eq!(due.len(), expected_due.len());
    for ((r, s, inner), iso) in due.iter().zip(&expected_due) {
        assert!(is_date(*s), "{r}: style {s} is not a date style");
        assert!(!inner.contains("inlineStr"), "{r}: date stored as text");
        let v: f64 = inner
            .trim_start_matches("<v>")
            .trim_end_matches("</v>")
            .parse()
            .unwrap_or_else(|_| panic!("{r}: {inner}"));
        assert_eq!(excel_serial(iso), v, "{r}: {iso}");
    }
    // Deadline kinds in Vietnamese, not their JSON names.
    let kinds: Vec<&str> = cs
        .iter()
        .filter(|(r, _, _)| col(r) == "L" && row_of(r) != "1")
        .map(|(_, _, inner)| inner.as_str())
        .collect();
    assert!(kinds
        .iter()
        .any(|k| k.contains("Trước ngày") || k.contains("Thường xuyên")));
    for k in &kinds {
        for json in [
            ">before<",
            ">continuous<",
            ">on_date<",
            ">year<",
            ">unparsed<",
        ] {
            assert!(!k.contains(json), "{k}");
        }
    }
    // Group rows: bold and shaded across the row; task rows plain.
    let group_rows: HashSet<&str> = cs
        .iter()
        .filter(|(r, _, inner)| col(r) == "G" && inner.contains(">Nhóm<"))
        .map(|(r, _, _)| row_of(r))
        .collect();
    let task_rows: HashSet<&str> = cs
        .iter()
        .filter(|(r, _, inner)| col(r) == "G" && inner.contains(">Nhiệm vụ<"))
        .map(|(r, _, _)| row_of(r))
        .collect();
    assert_eq!((group_rows.len(), task_rows.len()), (4, 23));
    for (r, s, _) in &cs {
        if group_rows.contains(row_of(r)) {
            assert!(
                is_bold(*s) && is_shaded(*s),
                "{r}: group cell not bold+shaded"
            );
        } else if task_rows.contains(row_of(r)) {
            assert!(
                !is_bold(*s) && !is_shaded(*s),
                "{r}: task cell styled as a group"
            );
        }
    }

    // Plans: issue dates are date cells.
    let plans_sheet = entry(&mut zip, "xl/worksheets/sheet1.xml");
    let dated = cells(&plans_sheet)
        .into_iter()
        .filter(|(r, s, _)| col(r) == "F" && row_of(r) != "1" && is_date(*s))
        .count();
    let with_date = text(&run(&[
        "query",
        "plans",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "jsonl",
    ]))
    .lines()
    .filter(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["date"].is_string())
    .count();
    assert!(with_date >= 4, "{with_date}");
    assert_eq!(dated, with_date, "every issue date is a date cell");

    // Findings: Vietnamese headers, codes and severities.
    let findings = entry(&mut zip, "xl/worksheets/sheet3.xml");
    assert!(findings.contains("Nội dung phát hiện") && findings.contains("Vị trí"));
    assert!(findings.contains(">KH"), "no finding code");
    assert!(
        ["Lỗi", "Cảnh báo", "Lưu ý"]
            .iter()
            .any(|s| findings.contains(&format!(">{s}<"))),
        "no Vietnamese severity"
    );
}

/// Days since 1899-12-30 (Excel's serial date for dates after 1 March 1900).
fn excel_serial(iso: &str) -> f64 {
    let y: i64 = iso[0..4].parse().unwrap();
    let m: i64 = iso[5..7].parse().unwrap();
    let d: i64 = iso[8..10].parse().unwrap();
    // Days from civil (Howard Hinnant's algorithm), relative to 1970-01-01.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146097 + doe - 719468;
    (days + 25569) as f64
}

#[test]
fn excel_serials() {
    assert_eq!(excel_serial("2026-01-31"), 46053.0);
    assert_eq!(excel_serial("1970-01-01"), 25569.0);
}

#[test]
fn one_plan_footer_names_its_file_and_no_findings_sheet_without_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let plan = &own_plans()[0];
    run(&[
        "import",
        "--db",
        db.to_str().unwrap(),
        plan.to_str().unwrap(),
    ]);
    let xlsx = dir.path().join("one.xlsx");
    run(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "-f",
        "xlsx",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let wb = entry(&mut zip, "xl/workbook.xml");
    assert!(!wb.contains("Phát hiện"), "findings sheet without --check");
    let sheet = entry(&mut zip, "xl/worksheets/sheet2.xml");
    let name = plan.file_name().unwrap().to_str().unwrap();
    assert!(sheet.contains(name), "footer does not name {name}");
}

#[test]
fn csv_for_excel_has_a_bom_when_written_to_a_csv_file() {
    let (dir, db) = store();
    let db = db.to_str().unwrap();
    let bom = b"\xEF\xBB\xBF";
    let file = dir.path().join("nhiem-vu.CSV");
    run(&[
        "export",
        "--db",
        db,
        "-f",
        "csv",
        "-o",
        file.to_str().unwrap(),
    ]);
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(bom));
    // One line per item, plus the header.
    let n_items = text(&run(&["query", "items", "--db", db, "-f", "jsonl"]))
        .lines()
        .count();
    let body = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert_eq!(body.lines().count(), n_items + 1);
    assert!(body.contains("Ủy ban") || body.contains("Sở") || body.contains("phối hợp"));
    // RFC 4180: a field with a comma is quoted, with its quotes doubled.
    assert!(body.lines().skip(1).any(|l| l.contains(",\"")));

    run(&[
        "export",
        "--db",
        db,
        "-f",
        "csv",
        "-o",
        file.to_str().unwrap(),
        "--no-bom",
    ]);
    assert!(!std::fs::read(&file).unwrap().starts_with(bom));
    let other = dir.path().join("items.txt");
    run(&[
        "export",
        "--db",
        db,
        "-f",
        "csv",
        "-o",
        other.to_str().unwrap(),
    ]);
    assert!(!std::fs::read(&other).unwrap().starts_with(bom));
    // Standard output: none unless asked.
    assert!(!run(&["export", "--db", db, "-f", "csv"])
        .stdout
        .starts_with(bom));
    assert!(run(&["export", "--db", db, "-f", "csv", "--bom"])
        .stdout
        .starts_with(bom));
    let plan = own_plans()[1].to_str().unwrap().to_string();
    assert!(run(&["parse", &plan, "-f", "csv", "--bom"])
        .stdout
        .starts_with(bom));
    assert!(!run(&["parse", &plan, "-f", "csv"]).stdout.starts_with(bom));
}

/// Every line at most `width` columns, every word of every item's content printed whole.
fn check_table(out: &str, width: usize, plans: &[PathBuf]) {
    for l in out.lines() {
        assert!(
            UnicodeWidthStr::width(l) <= width,
            "{} > {width}: {l}",
            UnicodeWidthStr::width(l)
        );
    }
    let tokens: HashSet<&str> = out
        .split(|c: char| c.is_whitespace() || c == '│')
        .filter(|t| !t.is_empty())
        .collect();
    for p in plans {
        let rec: serde_json::Value =
            serde_json::from_slice(&run(&["parse", p.to_str().unwrap()]).stdout).unwrap();
        for it in rec["items"].as_array().unwrap() {
            for w in it["content"].as_str().unwrap().split_whitespace() {
                if UnicodeWidthStr::width(w) < 20 {
                    assert!(
                        tokens.contains(w),
                        "word {w:?} cut or lost at width {width}"
                    );
                }
            }
        }
    }
}

#[test]
fn parse_table_fits_80_and_200_columns() {
    let plans = own_plans();
    let args: Vec<&str> = plans.iter().map(|p| p.to_str().unwrap()).collect();
    for width in [80usize, 200] {
        let w = width.to_string();
        let mut a = vec!["parse", "-f", "table", "--width", &w];
        a.extend(&args);
        let out = text(&run(&a));
        check_table(&out, width, &plans);
        // The rule under the header spans the table.
        let rule = out.lines().find(|l| l.starts_with('─')).unwrap();
        assert!(UnicodeWidthStr::width(rule) <= width);
    }
    // In a pipe, without --width or $COLUMNS: 100 columns.
    let mut a = vec!["parse", "-f", "table"];
    a.extend(&args);
    check_table(&text(&run(&a)), 100, &plans);
}

#[test]
fn query_table_fits_the_width() {
    let (_dir, db) = store();
    for width in ["80", "200"] {
        let out = text(&run(&[
            "query",
            "items",
            "--db",
            db.to_str().unwrap(),
            "--width",
            width,
        ]));
        let w: usize = width.parse().unwrap();
        assert!(out.lines().all(|l| UnicodeWidthStr::width(l) <= w), "{out}");
        assert!(out.contains("Nội dung"));
    }
}

#[test]
fn completions_and_man_page() {
    let bash = text(&run(&["completions", "bash"]));
    assert!(bash.contains("_kehoach()") && bash.contains("--width"));
    assert!(text(&run(&["completions", "zsh"])).starts_with("#compdef kehoach"));
    assert!(text(&run(&["completions", "fish"])).contains("complete -c kehoach"));
    assert!(text(&run(&["completions", "powershell"])).contains("Register-ArgumentCompleter"));
    let man = text(&run(&["man"]));
    assert!(
        man.contains(".TH kehoach 1"),
        "{}",
        &man[..200.min(man.len())]
    );
    assert!(man.contains(".SH \"KEHOACH PARSE\""));
    assert!(man.contains(".SH \"KEHOACH EXPORT\""));
    assert!(man.contains("\\-\\-width") || man.contains("--width"));
}

#[test]
fn version_names_the_commit_in_a_checkout() {
    let v = text(&run(&["--version"]));
    assert!(
        v.starts_with(&format!("kehoach {}", env!("CARGO_PKG_VERSION"))),
        "{v}"
    );
    let git = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(root())
        .output();
    if let Ok(g) = git {
        if g.status.success() {
            let c = String::from_utf8_lossy(&g.stdout).trim().to_string();
            assert!(v.contains(&format!("({c})")), "{v} lacks {c}");
        }
    }
}
