#!/usr/bin/env python3
"""Write the RTF and XLSX fixtures of fixtures/rtf/ and fixtures/xlsx/.

usage: tools/make_rtf_fixtures.py            (run from the workspace root)

Outputs (committed; the tests need no Python and no LibreOffice):
  fixtures/rtf/NNN_*.A.rtf, fixtures/rtf/<plan>.rtf, fixtures/rtf/004_*.{tcvn3,vni,tracked,
      vmerge}.rtf   the seeds, our own plans and four variants saved as .rtf by LibreOffice
      (`soffice --headless --convert-to rtf`; skipped with a message when soffice is absent)
  fixtures/rtf/handmade_xa_camxuyen_2027.rtf   a commune plan of our own (Hà Tĩnh, 2027)
      written here as Word writes RTF: `\\uN?` escapes, a paragraph in cp1258 bytes
      (`\\'e0`, tone marks as combining bytes), \\uc0/\\uc2 runs, a surrogate pair, header and
      footer, a field, deleted and hidden text, a picture with \\bin data, an unknown `\\*`
      destination, list labels, a task table with horizontal (\\clmgf/\\clmrg) and vertical
      (\\clvmgf/\\clvmrg) merges, a repeated header row and a nested table (\\itap2)
  fixtures/rtf/handmade_tcvn3_phuong_2026.rtf  a ward plan of our own (Cần Thơ, 2026) typed
      in the TCVN3 fonts .VnTime/.VnTimeH as `\\'hh` bytes (encoded with glibc's TCVN5712-1)
  fixtures/rtf/hostile/*.rtf   deep groups, a \\cellx flood, a lying \\bin, \\u out of range,
      tables nested too deep, unbalanced groups, random bytes
  fixtures/xlsx/laocai_xa_nhiemvu_2027.xlsx   a task table of our own (STT | Nội dung | Cơ
      quan chủ trì | Phối hợp | Thời gian) with title rows, merged group rows, a lead merged
      down two rows, a date stored as a serial number, and a hidden sheet
  fixtures/xlsx/000_task_table.xlsx   seed 000's task table (seed 001 has none), taken
      cell by cell with its spans from fixtures/docx/000_*.docx
  fixtures/xlsx/hostile_*.xlsx   a sheet claiming a huge range; a shared-strings zip bomb
"""
import glob, os, pathlib, random, re, shutil, subprocess, sys, tempfile, unicodedata, zipfile
import xml.etree.ElementTree as ET

RTF = pathlib.Path("fixtures/rtf")
XLSX = pathlib.Path("fixtures/xlsx")

# ---------------------------------------------------------------------------------------------
# Encoders.

def u(text):
    """Text as Word writes it: ASCII as is, everything else as \\uN? (signed 16-bit units)."""
    out = []
    for ch in text:
        o = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\line ")
        elif o < 128:
            out.append(ch)
        else:
            units = [o] if o < 0x10000 else [0xD800 + ((o - 0x10000) >> 10), 0xDC00 + ((o - 0x10000) & 0x3FF)]
            for n in units:
                out.append("\\u%d?" % (n if n < 32768 else n - 65536))
    return "".join(out)

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

def cp1258(text):
    """Text as \\'hh bytes in Windows-1258: a toned letter is its base letter then the tone
    as a combining byte, as Vietnamese Windows keyboards type it."""
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append("\\" + ch if ch in "\\{}" else ch)
            continue
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        tone = "".join(c for c in d if c in TONES)
        for b in (base + tone).encode("cp1258"):
            out.append("\\'%02x" % b if b >= 128 else chr(b))
    return "".join(out)

def tcvn3(text):
    """Text as \\'hh bytes in TCVN3 (VN3): lower-case letters only outside the plain
    capitals Ă Â Ê Ô Ơ Ư Đ; capitals lines go in the .VnTimeH font as their lower case."""
    raw = subprocess.run(["iconv", "-f", "utf-8", "-t", "TCVN5712-1"], input=text.encode(),
                         capture_output=True, check=True).stdout
    out = []
    for b in raw:
        if b < 128:
            if 0x20 <= b:
                out.append("\\" + chr(b) if chr(b) in "\\{}" else chr(b))
            else:
                raise ValueError(f"{text!r}: capital with a tone has no TCVN3 (VN3) code")
        elif b < 0xA1:
            raise ValueError(f"{text!r}: byte {b:#x} is not in VN3")
        else:
            out.append("\\'%02x" % b)
    return "".join(out)

# ---------------------------------------------------------------------------------------------
# 1. LibreOffice conversions of the .docx fixtures.

def convert():
    if not shutil.which("soffice"):
        print("soffice not found: the converted .rtf files are kept as they are")
        return
    srcs = sorted(glob.glob("fixtures/docx/*.docx")) + sorted(glob.glob("fixtures/plans/*.docx"))
    srcs += [f"fixtures/variants/004_eb12abc5933443e7.{v}.docx" for v in ("tcvn3", "vni", "tracked", "vmerge")]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "rtf", "--outdir", str(RTF)] + srcs, check=True,
                       stdout=subprocess.DEVNULL)

# ---------------------------------------------------------------------------------------------
# 2. A commune plan written as Word writes RTF.

def par(text, *, b=False, c=False, enc=u, font=0, extra=""):
    props = ("\\qc" if c else "\\qj") + ("\\b" if b else "")
    return "\\pard\\plain\\f%d%s%s %s\\par\n" % (font, props, extra, enc(text))

def cell_par(text, *, b=False, enc=u, font=0, last=True, itap=None):
    it = "\\itap%d" % itap if itap else ""
    return "\\pard\\plain\\intbl%s\\f%d%s %s%s\n" % (it, font, "\\b" if b else "", enc(text), "\\cell" if last else "\\par")

BORDER = "\\clbrdrt\\brdrs\\brdrw10\\clbrdrl\\brdrs\\brdrw10\\clbrdrb\\brdrs\\brdrw10\\clbrdrr\\brdrs\\brdrw10"
COLS = [700, 5200, 7600, 9800, 11600]

def rowdef(merge=None, header=False, borders=True, cols=COLS):
    """merge: per cell '', 'mgf', 'mrg', 'vmgf', 'vmrg'."""
    merge = merge or [""] * len(cols)
    s = "\\trowd\\trgaph108\\trleft-108" + ("\\trhdr" if header else "")
    for x, m in zip(cols, merge):
        s += ("\\cl" + m if m else "") + (BORDER if borders else "") + "\\cellx%d" % x
    return s + "\n"

class Raw(str):
    """A cell already written as RTF."""

def row(cells, merge=None, header=False, b=False):
    s = rowdef(merge, header)
    for t in cells:
        s += t if isinstance(t, Raw) else cell_par(t, b=b)
    return s + "\\row\n"

def handmade_commune():
    h = []
    h.append("{\\rtf1\\ansi\\ansicpg1258\\uc1\\deff0\\deflang1066\n")
    h.append("{\\fonttbl{\\f0\\froman\\fcharset0\\fprq2{\\*\\panose 02020603050405020304}Times New Roman;}"
             "{\\f1\\froman\\fcharset163\\fprq2 Times New Roman;}{\\f2\\fswiss\\fcharset0 Arial;}}\n")
    h.append("{\\colortbl;\\red0\\green0\\blue0;}\n")
    h.append("{\\stylesheet{\\ql \\f0\\fs26 Normal;}{\\s1\\b\\f0 heading 1;}}\n")
    h.append("{\\*\\listtable{\\list\\listtemplateid1{\\listlevel\\levelnfc0{\\leveltext\\'02\\'00.;}}\\listid1}}\n")
    h.append("{\\info{\\title " + u("Kế hoạch chuyển đổi số") + "}{\\author Van phong}}\n")
    h.append("\\paperw11906\\paperh16838\\margl1701\\margr1134\n")
    h.append("{\\header \\pard\\plain " + u("Số: 999/KH-UBND ngày 01/01/2020 (đầu trang)") + "\\par}\n")
    h.append("{\\footer \\pard\\plain " + u("Trang 1 - bản nháp của UBND tỉnh Nghệ An") + "\\par}\n")
    h.append("{\\*\\unknowndestination " + u("Chữ này không được đọc") + "}\n")
    # Header block: a borderless two-column table.
    two = [4200, 9600]
    h.append(rowdef(borders=False, cols=two))
    h.append(cell_par("ỦY BAN NHÂN DÂN", b=True, last=False))
    h.append(cell_par("XÃ CẨM XUYÊN", b=True, last=False))
    h.append(cell_par("Số: 27/KH-UBND"))
    h.append(cell_par("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, last=False))
    h.append(cell_par("Độc lập - Tự do - Hạnh phúc", b=True, last=False))
    h.append("\\pard\\plain\\intbl\\i " + u("Cẩm Xuyên, ngày 12 tháng 01 năm 2027") + "\\cell\n")
    h.append("\\row\n")
    h.append(par("KẾ HOẠCH", b=True, c=True))
    h.append(par("Chuyển đổi số trên địa bàn xã năm 2027", b=True, c=True))
    # A basis in cp1258 bytes, font 1 (\fcharset163).
    h.append(par("Căn cứ Kế hoạch số 15/KH-UBND ngày 05/01/2027 của UBND huyện Cẩm Xuyên về chuyển đổi số năm 2027;",
                 enc=cp1258, font=1))
    h.append(par("Ủy ban nhân dân xã ban hành Kế hoạch thực hiện như sau:"))
    # List labels, as Word writes them.
    h.append("\\pard\\plain\\ls1\\b{\\listtext\\pard\\plain\\b I.\\tab}" + u("MỤC ĐÍCH, YÊU CẦU") + "\\par\n")
    # A field: the result is kept, the instruction dropped.
    h.append("\\pard\\plain " + u("Thông tin được đăng trên ")
             + "{\\field{\\*\\fldinst {HYPERLINK \"http://camxuyen.example\"}}{\\fldrslt {\\ul " + u("Cổng thông tin điện tử xã") + "}}}"
             + ".\\par\n")
    # Tracked changes: deletion dropped, insertion kept; hidden text dropped.
    h.append("\\pard\\plain " + u("Tổ chức ") + "{\\deleted\\revauthdel1 " + u("hội nghị ") + "}"
             + "{\\revised\\revauth1 " + u("tuyên truyền ") + "}" + u("đến từng thôn") + "{\\v  " + u("mã nội bộ 123") + "}.\\par\n")
    # \uc0 (no fallback), \uc2 (two-byte fallback), a surrogate pair.
    h.append("\\pard\\plain{\\uc0 Ph\\u432\\u417\\u769 ng}{\\uc2 \\u7913 ab}{\\uc1  ch\\u7871?}"
             " \\u-10179?\\u-9012?\\par\n")
    # A picture whose \bin data holds braces and backslashes.
    h.append("{\\pict\\wmetafile8\\picw10\\pich10\\bin6 }{\\\\x}}\n")
    h.append("\\pard\\plain\\b{\\listtext\\pard\\plain\\b II.\\tab}" + u("NHIỆM VỤ") + "\\par\n")
    # The task table.
    h.append(row(["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
                 header=True, b=True))
    h.append(row(["I", "Công tác tuyên truyền", "", "", ""], merge=["", "mgf", "mrg", "mrg", "mrg"], b=True))
    h.append(row(["1", "Tuyên truyền về chuyển đổi số trên hệ thống loa truyền thanh xã",
                  "Công chức Văn hóa - Xã hội", "Các thôn, tổ dân phố", "Thường xuyên"],
                 merge=["", "", "vmgf", "", ""]))
    h.append(row(["2", "Tổ chức tập huấn kỹ năng số cho tổ công nghệ số cộng đồng",
                  "", "Đoàn Thanh niên xã", "Quý II/2027"],
                 merge=["", "", "vmrg", "", ""]))
    h.append(row(["II", "Hạ tầng số", "", "", ""], merge=["", "mgf", "mrg", "mrg", "mrg"], b=True))
    nested = Raw(cell_par("Rà soát, nâng cấp mạng nội bộ tại Bộ phận một cửa", last=False, itap=1)
              + "\\pard\\plain\\intbl\\itap2 " + u("Hạng mục") + "\\nestcell " + u("Số lượng") + "\\nestcell"
              + "{\\*\\nesttableprops\\trowd\\trleft0" + BORDER + "\\cellx1500" + BORDER + "\\cellx3000\\nestrow}{\\nonesttables\\par}\n"
              + "\\pard\\plain\\intbl\\itap2 " + u("Máy tính") + "\\nestcell 05\\nestcell"
              + "{\\*\\nesttableprops\\trowd\\trleft0" + BORDER + "\\cellx1500" + BORDER + "\\cellx3000\\nestrow}{\\nonesttables\\par}\n"
              + "\\pard\\plain\\intbl\\itap1\\cell\n")
    h.append(row(["1", nested, "Văn phòng HĐND và UBND xã", "Viễn thông Hà Tĩnh", "Trước ngày 30/6/2027"]))
    h.append(row(["2", Raw(cell_par("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", enc=cp1258, font=1)),
                  "Công chức Tư pháp - Hộ tịch", "Bưu điện xã", "Tháng 9/2027"]))
    h.append(par("Trên đây là Kế hoạch chuyển đổi số năm 2027 của UBND xã Cẩm Xuyên."))
    h.append(par("TM. ỦY BAN NHÂN DÂN", b=True, c=True))
    h.append(par("CHỦ TỊCH", b=True, c=True))
    h.append("}")
    (RTF / "handmade_xa_camxuyen_2027.rtf").write_text("".join(h), encoding="ascii")

# ---------------------------------------------------------------------------------------------
# 3. A ward plan typed in TCVN3 fonts.

def handmade_tcvn3():
    h = ["{\\rtf1\\ansi\\ansicpg1252\\deff0\n",
         "{\\fonttbl{\\f0\\froman\\fcharset0 .VnTime;}{\\f1\\froman\\fcharset0 .VnTimeH;}{\\f2\\froman\\fcharset0 Times New Roman;}}\n"]
    def p(text, font=0, b=False, c=False):
        enc = tcvn3(text.lower() if font == 1 else text)
        return "\\pard\\plain\\f%d%s%s %s\\par\n" % (font, "\\b" if b else "", "\\qc" if c else "", enc)
    two = [4200, 9600]
    h.append(rowdef(borders=False, cols=two))
    h.append("\\pard\\plain\\intbl\\f1\\b " + tcvn3("ủy ban nhân dân") + "\\par\n")
    h.append("\\pard\\plain\\intbl\\f1\\b " + tcvn3("phường an khánh") + "\\par\n")
    h.append("\\pard\\plain\\intbl\\f0 " + tcvn3("Số: 08/KH-UBND") + "\\cell\n")
    h.append("\\pard\\plain\\intbl\\f1\\b " + tcvn3("cộng hòa xã hội chủ nghĩa việt nam") + "\\par\n")
    h.append("\\pard\\plain\\intbl\\f0\\b " + tcvn3("Độc lập - Tự do - Hạnh phúc") + "\\par\n")
    h.append("\\pard\\plain\\intbl\\f0\\i " + tcvn3("An Khánh, ngày 20 tháng 3 năm 2026") + "\\cell\\row\n")
    h.append(p("kế hoạch", font=1, b=True, c=True))
    h.append(p("Phòng, chống thiên tai trên địa bàn phường năm 2026", b=True, c=True))
    h.append(p("Căn cứ Luật Phòng, chống thiên tai năm 2013;"))
    h.append(p("ii. nhiệm vụ", font=1, b=True))
    def trow(cells, b=False):
        s = rowdef()
        for t in cells:
            s += "\\pard\\plain\\intbl\\f0%s %s\\cell\n" % ("\\b" if b else "", tcvn3(t))
        return s + "\\row\n"
    h.append(trow(["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"], b=True))
    h.append(trow(["1", "Kiện toàn Ban chỉ huy phòng, chống thiên tai phường", "Văn phòng HĐND và UBND phường",
                   "Các khu vực", "Tháng 4/2026"]))
    h.append(trow(["2", "Tổ chức diễn tập ứng phó ngập lụt tại khu vực 3", "Ban chỉ huy Quân sự phường",
                   "Công an phường", "Quý III/2026"]))
    h.append(trow(["3", "Tuyên truyền kỹ năng ứng phó thiên tai cho người dân", "Hội Liên hiệp Phụ nữ phường",
                   "Đoàn Thanh niên phường", "Thường xuyên"]))
    h.append("}")
    (RTF / "handmade_tcvn3_phuong_2026.rtf").write_text("".join(h), encoding="ascii")

# ---------------------------------------------------------------------------------------------
# 4. Hostile RTF.

def hostile():
    d = RTF / "hostile"
    d.mkdir(exist_ok=True)
    w = lambda name, data: (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    w("deep_groups.rtf", "{\\rtf1 " + "{" * 5000 + "x" + "}" * 5000 + "}")
    w("deep_skipped_groups.rtf", "{\\rtf1 {\\*\\unknown " + "{" * 5000 + "}" * 5000 + "}}")
    w("cellx_flood.rtf", "{\\rtf1 \\trowd" + "\\cellx1" * 5000 + "\\pard\\intbl a\\cell\\row}")
    w("bin_lying.rtf", "{\\rtf1 {\\pict\\bin99999999 abc}}")
    w("u_out_of_range.rtf", "{\\rtf1 \\u70000?\\par}")
    w("itap_deep.rtf", "{\\rtf1 \\pard\\intbl\\itap5000 x\\nestcell\\par}")
    w("unbalanced.rtf", "{\\rtf1 {{{\\b " + u("Đoạn văn không đóng nhóm") + "\\par")
    w("stray_marks.rtf", "{\\rtf1 \\row\\cell\\nestrow\\nestcell}}}\\par x\\'zz\\u\\bin \\")
    rnd = random.Random(24)
    w("random_after_header.rtf", b"{\\rtf1 " + bytes(rnd.randrange(256) for _ in range(4096)))

# ---------------------------------------------------------------------------------------------
# 5. Workbooks.

def col_name(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s

def xml_esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

def write_xlsx(path, sheets, deflate=True):
    """sheets: list of (name, cells, merges, hidden); cells: {(r, c): str | ('date', serial)
    | int}; merges: list of (r0, c0, r1, c1)."""
    strings, index = [], {}
    def sid(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]
    parts = {}
    for n, (name, cells, merges, hidden) in enumerate(sheets, 1):
        rows = {}
        for (r, c), v in cells.items():
            rows.setdefault(r, []).append((c, v))
        x = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
        for r in sorted(rows):
            x.append('<row r="%d">' % (r + 1))
            for c, v in sorted(rows[r]):
                ref = "%s%d" % (col_name(c), r + 1)
                if isinstance(v, tuple):
                    x.append('<c r="%s" s="1"><v>%d</v></c>' % (ref, v[1]))
                elif isinstance(v, int):
                    x.append('<c r="%s"><v>%d</v></c>' % (ref, v))
                else:
                    x.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, sid(v)))
            x.append("</row>")
        x.append("</sheetData>")
        if merges:
            x.append('<mergeCells count="%d">' % len(merges))
            for r0, c0, r1, c1 in merges:
                x.append('<mergeCell ref="%s%d:%s%d"/>' % (col_name(c0), r0 + 1, col_name(c1), r1 + 1))
            x.append("</mergeCells>")
        x.append("</worksheet>")
        parts["xl/worksheets/sheet%d.xml" % n] = "".join(x)
    sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings))]
    for s in strings:
        sst.append('<si><t xml:space="preserve">%s</t></si>' % xml_esc(s))
    sst.append("</sst>")
    parts["xl/sharedStrings.xml"] = "".join(sst)
    parts["xl/styles.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="13"/><name val="Times New Roman"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>')
    wb = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>']
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    for n, (name, _, _, hidden) in enumerate(sheets, 1):
        wb.append('<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>' % (xml_esc(name), n, ' state="hidden"' if hidden else "", n))
        rels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (n, n))
    k = len(sheets)
    rels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' % (k + 1))
    rels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' % (k + 2))
    wb.append("</sheets></workbook>")
    rels.append("</Relationships>")
    parts["xl/workbook.xml"] = "".join(wb)
    parts["xl/_rels/workbook.xml.rels"] = "".join(rels)
    ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>']
    for n in range(1, k + 1):
        ct.append('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % n)
    ct.append("</Types>")
    top = {"[Content_Types].xml": "".join(ct),
           "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED) as z:
        for name, data in list(top.items()) + list(parts.items()):
            zi = zipfile.ZipInfo(name, date_time=(2027, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
            z.writestr(zi, data)

def own_workbook():
    cells, merges = {}, []
    def put(r, c, v):
        cells[(r, c)] = v
    put(0, 0, "PHỤ LỤC"); merges.append((0, 0, 0, 4))
    put(1, 0, "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2027"); merges.append((1, 0, 1, 4))
    put(2, 0, "(Kèm theo Kế hoạch số 31/KH-UBND ngày 10/02/2027 của UBND xã Bản Lầu, tỉnh Lào Cai)"); merges.append((2, 0, 2, 4))
    hdr = ["STT", "Nội dung", "Cơ quan chủ trì", "Phối hợp", "Thời gian"]
    for c, t in enumerate(hdr):
        put(4, c, t)
    put(5, 0, "I"); put(5, 1, "Phát triển hạ tầng số"); merges.append((5, 1, 5, 4))
    put(6, 0, 1); put(6, 1, "Phủ sóng 4G đến các thôn vùng cao"); put(6, 2, "Văn phòng HĐND và UBND xã")
    merges.append((6, 2, 7, 2)); put(6, 3, "Viettel Lào Cai"); put(6, 4, "Quý III/2027")
    put(7, 0, 2); put(7, 1, "Lắp đặt wifi miễn phí tại nhà văn hóa thôn"); put(7, 3, "Các thôn")
    put(7, 4, ("date", 46568))  # 30/06/2027
    put(8, 0, "II"); put(8, 1, "Phát triển công dân số"); merges.append((8, 1, 8, 4))
    put(9, 0, 1); put(9, 1, "Hướng dẫn người dân\ncài đặt và sử dụng VNeID mức độ 2"); put(9, 2, "Công an xã")
    put(9, 3, "Đoàn Thanh niên xã"); put(9, 4, "Thường xuyên")
    hidden = {(0, 0): "Bảng nháp", (0, 1): "không đọc", (1, 0): "x", (1, 1): "y"}
    write_xlsx(XLSX / "laocai_xa_nhiemvu_2027.xlsx",
               [("Nhiệm vụ", cells, merges, False), ("Nháp", hidden, [], True)])

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

def seed_workbook():
    src = sorted(glob.glob("fixtures/docx/000_*.docx"))[0]
    root = ET.fromstring(zipfile.ZipFile(src).read("word/document.xml"))
    table = None
    for tbl in root.iter(W + "tbl"):
        first = "".join(t.text or "" for t in tbl.find(W + "tr").iter(W + "t"))
        if "STT" in first:
            table = tbl
            break
    # Horizontal spans (gridSpan) and vertical ones (vMerge restart … continue) as regions.
    cells, merges, final = {}, [], []
    open_v, r = {}, 4
    for tr in table.findall(W + "tr"):
        c = 0
        for tc in tr.findall(W + "tc"):
            pr = tc.find(W + "tcPr")
            span, vm = 1, None
            if pr is not None:
                gs = pr.find(W + "gridSpan")
                if gs is not None:
                    span = int(gs.get(W + "val"))
                v = pr.find(W + "vMerge")
                if v is not None:
                    vm = v.get(W + "val") or "continue"
            text = "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in tc.findall(W + "p")).strip("\n")
            if vm == "continue" and c in open_v:
                open_v[c][2] = r
            else:
                if c in open_v:
                    final.append(open_v.pop(c))
                if text:
                    cells[(r, c)] = text
                if vm == "restart":
                    open_v[c] = [r, c, r, c + span - 1]
                elif span > 1:
                    merges.append([r, c, r, c + span - 1])
            c += span
        r += 1
    final += list(open_v.values())
    merges += [m for m in final if m[2] > m[0] or m[3] > m[1]]
    cells[(0, 0)] = "PHỤ LỤC"
    cells[(1, 0)] = "NHIỆM VỤ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026"
    cells[(2, 0)] = "(Kèm theo Kế hoạch số /KH-SDTTG ngày tháng 01 năm 2026 của Sở Dân tộc và Tôn giáo)"
    width = max(m[3] for m in merges) if merges else 4
    merges += [[0, 0, 0, width], [1, 0, 1, width], [2, 0, 2, width]]
    write_xlsx(XLSX / "000_task_table.xlsx", [("Phụ lục", cells, [tuple(m) for m in merges], False)])

def hostile_workbooks():
    write_xlsx(XLSX / "hostile_huge_range.xlsx",
               [("Sheet1", {(0, 0): "STT", (0, 1): "Nội dung", (1048575, 16383): "x"}, [], False)])
    # Shared strings that inflate 8 MB of spaces: past the inflation ratio.
    path = XLSX / "hostile_strings_bomb.xlsx"
    write_xlsx(path, [("Sheet1", {(0, 0): "STT", (0, 1): "Nội dung"}, [], False)])
    with zipfile.ZipFile(path) as z:
        items = {n: z.read(n) for n in z.namelist()}
    items["xl/sharedStrings.xml"] = items["xl/sharedStrings.xml"][:-6] + b"<si><t>" + b" " * (8 << 20) + b"</t></si></sst>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in items.items():
            zi = zipfile.ZipInfo(n, date_time=(2027, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data, compresslevel=9)

def main():
    RTF.mkdir(parents=True, exist_ok=True)
    XLSX.mkdir(parents=True, exist_ok=True)
    if "--no-soffice" not in sys.argv:
        convert()
    handmade_commune()
    handmade_tcvn3()
    hostile()
    own_workbook()
    seed_workbook()
    hostile_workbooks()

if __name__ == "__main__":
    main()
