#!/usr/bin/env python3
"""Make the Word 97-2003 (.doc) fixtures of fixtures/doc/.

usage: tools/make_doc_fixtures.py            (writes fixtures/doc/, needs `soffice`)

LibreOffice is only for making fixtures; the tests read the committed outputs with Rust alone.

Outputs:
  fixtures/doc/NAME.doc          each seed fixtures/docx/*.docx and each plan fixtures/plans/*.docx
                                 saved as "MS Word 97" by LibreOffice
  fixtures/doc/variants/*.doc    the .docx variants with TCVN3 text, VNI text, vertically merged
                                 cells, tracked changes and automatic numbering, saved the same way
  fixtures/doc/own/*.doc         documents written here (not from the seeds), in the wording of
                                 other provinces and bodies: tracked insertions and deletions
                                 (Hà Tĩnh), a table with cells merged down and across and a
                                 nested table (Cần Thơ), a TCVN3 plan in .VnTime (Lào Cai), a
                                 field whose code must not show (Bộ Nội vụ)
  fixtures/doc/hostile/*         hand-made damaged or foreign OLE files, built by the small
                                 compound-file reader and writer below from a good .doc: cut
                                 short, a sector chain that loops, sizes that lie, a piece table
                                 pointing past its stream, an encrypted .doc, an encrypted .docx
                                 package, .xls / .ppt / .msg containers, a Word 95 file
"""
import pathlib, shutil, struct, subprocess, sys, tempfile, zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "doc"

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def soffice_to_doc(src: pathlib.Path, outdir: pathlib.Path):
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(["soffice", "--headless", "--convert-to", 'doc:MS Word 97', "--outdir",
                    str(outdir), str(src)], check=True, capture_output=True)


def docx(path: pathlib.Path, body: str, styles: str = ""):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", doc)
        if styles:
            z.writestr("word/_rels/document.xml.rels",
                       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                       '</Relationships>')
            z.writestr("word/styles.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>{styles}</w:styles>')


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def p(text, bold=False, jc=None, font=None):
    ppr = f'<w:pPr><w:jc w:val="{jc}"/></w:pPr>' if jc else ""
    rpr = ""
    if bold or font:
        rpr = "<w:rPr>" + (f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>' if font else "") + ("<w:b/>" if bold else "") + "</w:rPr>"
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{esc(text)}</w:t></w:r></w:p>'


def tc(inner, span=1, vmerge=None, width=2000):
    pr = f'<w:tcW w:w="{width * span}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{inner}</w:tc>"


def table(rows, cols, width=2000, borders=True):
    b = "<w:tblBorders>" + "".join(f'<w:{s} w:val="nil"/>' for s in
                                   ["top", "left", "bottom", "right", "insideH", "insideV"]) + "</w:tblBorders>"
    if borders:
        b = "<w:tblBorders>" + "".join(f'<w:{s} w:val="single" w:sz="4"/>' for s in
                                       ["top", "left", "bottom", "right", "insideH", "insideV"]) + "</w:tblBorders>"
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(cols))
    return f"<w:tbl><w:tblPr>{b}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>" + "".join(
        f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"


def header_block(left, right, number, place_date):
    rows = [
        tc(p(left[0], True, "center") + p(left[1], True, "center"), width=4500)
        + tc(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, "center") + p("Độc lập - Tự do - Hạnh phúc", True, "center"), width=4500),
        tc(p(number, jc="center"), width=4500) + tc(p(place_date, jc="center"), width=4500),
    ]
    return table(rows, 2, 4500, borders=False)


def own_docs(tmp: pathlib.Path):
    """The documents written here, as .docx, to be saved as .doc."""
    out = []
    # 1. Tracked changes, Hà Tĩnh 2027: an insertion kept, a deletion dropped, a deleted
    #    paragraph mark joining two paragraphs, a deleted row-cell text.
    ins = lambda t: f'<w:ins w:id="1" w:author="Văn thư" w:date="2027-01-05T08:00:00Z"><w:r><w:t xml:space="preserve">{esc(t)}</w:t></w:r></w:ins>'
    dele = lambda t: f'<w:del w:id="2" w:author="Văn thư" w:date="2027-01-05T08:00:00Z"><w:r><w:delText xml:space="preserve">{esc(t)}</w:delText></w:r></w:del>'
    r = lambda t: f'<w:r><w:t xml:space="preserve">{esc(t)}</w:t></w:r>'
    body = header_block(["UBND HUYỆN CẨM XUYÊN", "UBND XÃ CẨM DUỆ"], None, "Số: 12/KH-UBND", "Cẩm Duệ, ngày 05 tháng 01 năm 2027")
    body += p("KẾ HOẠCH", True, "center")
    body += f'<w:p>{r("Tuyên truyền phổ biến pháp luật ")}{dele("trên địa bàn huyện ")}{ins("trên địa bàn xã ")}{r("năm 2027")}</w:p>'
    body += table([
        tc(p("TT", True)) + tc(p("Nội dung", True)) + tc(p("Đơn vị chủ trì", True)) + tc(p("Thời gian", True)),
        tc(p("1")) + tc(f'<w:p>{r("Tổ chức hội nghị ")}{dele("trực tuyến ")}{r("tuyên truyền Luật Đất đai")}</w:p>')
        + tc(f'<w:p>{dele("Phòng Tư pháp")}{ins("Công chức Tư pháp - Hộ tịch")}</w:p>') + tc(p("Quý II/2027")),
        tc(p("2")) + tc(p("Cập nhật tài liệu trên Trang thông tin điện tử xã")) + tc(p("Văn phòng HĐND và UBND xã"))
        + tc(f'<w:p>{dele("Tháng 3")}{ins("Tháng 6")}{r("/2027")}</w:p>'),
    ], 4)
    out.append(("hatinh_xa_tracked_2027", body))
    # 2. Merges and a nested table, Cần Thơ 2026: a lead cell merged down three rows, a group
    #    row merged across, a nested table inside a cell of another row. (LibreOffice 7.4
    #    drops the covered cell of a row whose neighbour holds a nested table, so the two are
    #    kept in different rows.)
    nested = table([tc(p("Quận Ninh Kiều")) + tc(p("Quận Cái Răng")), tc(p("25 phường")) + tc(p("7 phường"))], 2, 1500)
    body = header_block(["UBND THÀNH PHỐ CẦN THƠ", "SỞ NỘI VỤ"], None, "Số: 88/KH-SNV", "Cần Thơ, ngày 15 tháng 3 năm 2026")
    body += p("KẾ HOẠCH", True, "center") + p("Kiểm tra công tác văn thư, lưu trữ năm 2026", True, "center")
    body += table([
        tc(p("STT", True)) + tc(p("Nội dung kiểm tra", True)) + tc(p("Đơn vị thực hiện", True)) + tc(p("Thời hạn", True)),
        tc(p("I", True)) + tc(p("KIỂM TRA CẤP QUẬN, HUYỆN", True), span=3),
        tc(p("1")) + tc(p("Kiểm tra việc lập hồ sơ điện tử")) + tc(p("Phòng Văn thư - Lưu trữ"), vmerge="restart") + tc(p("Tháng 5/2026")),
        tc(p("2")) + tc(p("Kiểm tra việc số hóa tài liệu")) + tc(p(""), vmerge="continue") + tc(p("Tháng 6/2026")),
        tc(p("3")) + tc(p("Kiểm tra kho lưu trữ")) + tc(p(""), vmerge="continue") + tc(p("Quý III/2026")),
        tc(p("4")) + tc(p("Kiểm tra các quận theo danh sách") + nested + p("")) + tc(p("Chánh Văn phòng Sở")) + tc(p("Quý IV/2026")),
    ], 4)
    out.append(("cantho_merges_2026", body))
    # 3. TCVN3 text in .VnTime/.VnTimeH, Lào Cai: "KẾ HOẠCH" and a task line.
    body = p("kÕ ho¹ch", True, "center", ".VnTimeH")
    body += p("Ph¸t triÓn du lÞch céng ®ång huyÖn B¾c Hµ n¨m 2026", font=".VnTime")
    body += table([
        tc(p("TT", True, font=".VnTime")) + tc(p("Néi dung", True, font=".VnTime")) + tc(p("C¬ quan chñ tr×", True, font=".VnTime")),
        tc(p("1", font=".VnTime")) + tc(p("X©y dùng b¶n ®å du lÞch", font=".VnTime")) + tc(p("Phßng V¨n hãa vµ Th«ng tin", font=".VnTime")),
    ], 3)
    out.append(("laocai_tcvn3_2026", body))
    # 3b. TCVN3 by the document's default font only (no run names a font), as old
    #     documents typed in a .VnTime Normal style are: short cells must still convert.
    styles = ('<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>'
              '</w:rPr></w:rPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>')
    body = p("Së Y tÕ tØnh Hµ TÜnh") + table([
        tc(p("TT")) + tc(p("Néi dung")) + tc(p("Chñ tr×")),
        tc(p("1")) + tc(p("KiÓm tra an toµn thùc phÈm")) + tc(p("V¨n phßng")),
    ], 3)
    out.append(("hatinh_tcvn3_default_font", body, styles))
    # 4. A field: the page number field's code must not show, its result must.
    fld = ('<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
           '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
           '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
           '<w:r><w:t xml:space="preserve"> - Bộ Nội vụ</w:t></w:r></w:p>')
    body = p("BỘ NỘI VỤ", True) + fld + p("Hướng dẫn lập kế hoạch 2026–2030")
    out.append(("bonoivu_field_2026", body))
    paths = []
    for name, body, *styles in out:
        path = tmp / f"{name}.docx"
        docx(path, body, *styles)
        paths.append(path)
    return paths


# --- a small compound-file (OLE) reader and writer ------------------------------------------

ENDOFCHAIN, FREESECT, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def ole_read(b: bytes):
    """Streams at the root of a v3 compound file: {name: bytes}."""
    ss = 1 << struct.unpack_from("<H", b, 30)[0]
    nfat = struct.unpack_from("<I", b, 44)[0]
    dir_start = struct.unpack_from("<I", b, 48)[0]
    minifat_start = struct.unpack_from("<I", b, 60)[0]
    difat = struct.unpack_from("<109I", b, 76)[:nfat]
    sec = lambda i: b[512 + i * ss: 512 + (i + 1) * ss]
    fat = []
    for s in difat:
        fat += struct.unpack(f"<{ss // 4}I", sec(s))

    def chain(start):
        out, seen = [], set()
        while start not in (ENDOFCHAIN, FREESECT) and start not in seen:
            seen.add(start); out.append(start); start = fat[start]
        return out

    d = b"".join(sec(i) for i in chain(dir_start))
    entries = []
    for k in range(len(d) // 128):
        e = d[k * 128:(k + 1) * 128]
        nl = struct.unpack_from("<H", e, 64)[0]
        name = e[:max(nl - 2, 0)].decode("utf-16-le")
        typ = e[66]
        start, size = struct.unpack_from("<IQ", e, 116)
        entries.append((name, typ, start, size & 0xFFFFFFFF))
    root = entries[0]
    mini = b"".join(sec(i) for i in chain(root[2]))
    minifat = []
    for s in chain(minifat_start):
        minifat += struct.unpack(f"<{ss // 4}I", sec(s))
    streams = {}
    for name, typ, start, size in entries[1:]:
        if typ != 2:
            continue
        if size < 4096:
            data, i, seen = b"", start, set()
            while i not in (ENDOFCHAIN, FREESECT) and i not in seen:
                seen.add(i); data += mini[i * 64:(i + 1) * 64]; i = minifat[i]
        else:
            data = b"".join(sec(i) for i in chain(start))
        streams[name] = data[:size]
    return streams


def ole_write(streams: dict, fat_hook=None) -> bytes:
    """A v3 compound file holding `streams` at its root. Streams are padded to 4096 bytes so
    none goes to the mini stream. `fat_hook(fat, starts)` may damage the FAT before writing."""
    ss = 512
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    body, fat, starts = b"", [], {}
    for n in names:
        data = streams[n]
        data = data + b"\0" * max(0, 4096 - len(data))
        data += b"\0" * (-len(data) % ss)
        k = len(data) // ss
        first = len(fat)
        starts[n] = first
        fat += [first + i + 1 for i in range(k - 1)] + [ENDOFCHAIN]
        body += data
    ents = len(names) + 1
    dir_secs = (ents * 128 + ss - 1) // ss
    dir_start = len(fat)
    fat += [dir_start + i + 1 for i in range(dir_secs - 1)] + [ENDOFCHAIN]
    nfat = 1
    while (len(fat) + nfat) > nfat * (ss // 4):
        nfat += 1
    fat_start = len(fat)
    fat += [FATSECT] * nfat
    fat += [FREESECT] * (nfat * (ss // 4) - len(fat))
    if fat_hook:
        fat_hook(fat, starts)

    def entry(name, typ, child, right, start, size):
        nm = name.encode("utf-16-le") + b"\0\0"
        e = nm.ljust(64, b"\0") + struct.pack("<HBBIII", len(nm), typ, 1, FREESECT, right, child)
        e += b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", start, size)
        return e

    d = entry("Root Entry", 5, 1 if names else FREESECT, FREESECT, ENDOFCHAIN, 0)
    for i, n in enumerate(names):
        right = i + 2 if i + 1 < len(names) else FREESECT
        d += entry(n, 2, FREESECT, right, starts[n], max(len(streams[n]), 4096))
    d = d.ljust(dir_secs * ss, b"\0")
    hdr = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    hdr += b"\0" * 6 + struct.pack("<IIIIIIIII", 0, nfat, dir_start, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    difat = [fat_start + i for i in range(nfat)] + [FREESECT] * (109 - nfat)
    hdr += struct.pack("<109I", *difat)
    fatb = struct.pack(f"<{len(fat)}I", *fat)
    return hdr + body + d + fatb


def patch(b: bytes, at: int, fmt: str, *v) -> bytes:
    b = bytearray(b)
    struct.pack_into(fmt, b, at, *v)
    return bytes(b)


def fib_rglw(word: bytes) -> int:
    csw = struct.unpack_from("<H", word, 32)[0]
    return 34 + csw * 2 + 2


def fib_fclcb(word: bytes, index: int) -> int:
    lw = fib_rglw(word)
    cslw = struct.unpack_from("<H", word, lw - 2)[0]
    return lw + cslw * 4 + 2 + index * 8


def hostile(good: pathlib.Path, out: pathlib.Path):
    out.mkdir(parents=True, exist_ok=True)
    raw = good.read_bytes()
    st = ole_read(raw)
    word = st["WordDocument"]
    table_name = "1Table" if struct.unpack_from("<H", word, 10)[0] & 0x0200 else "0Table"
    keep = {k: v for k, v in st.items() if k in ("WordDocument", table_name, "Data")}
    # The rewritten good file must read as the original does (checked by the tests).
    (out / "rewritten_ok.doc").write_bytes(ole_write(keep))
    (out / "truncated.doc").write_bytes(raw[: len(raw) // 3])

    def loop(fat, starts):  # the WordDocument chain's last sector points back to its first
        s = starts["WordDocument"]
        i = s
        while fat[i] != ENDOFCHAIN:
            i = fat[i]
        fat[i] = s
    (out / "fat_loop.doc").write_bytes(ole_write(keep, loop))

    def cross(fat, starts):  # two chains run into the same sector
        s = starts[table_name]
        fat[s] = starts["WordDocument"] + 1
    (out / "fat_cross.doc").write_bytes(ole_write(keep, cross))
    # ccpText larger than the stream.
    w = patch(word, fib_rglw(word) + 12, "<I", 0x7FFFFFF0)
    (out / "ccp_lies.doc").write_bytes(ole_write({**keep, "WordDocument": w}))
    # The CLX said to be far larger than the table stream.
    w = patch(word, fib_fclcb(word, 33) + 4, "<I", 0x0FFFFFFF)
    (out / "clx_past_stream.doc").write_bytes(ole_write({**keep, "WordDocument": w}))
    # A piece pointing past the WordDocument stream.
    fc, lcb = struct.unpack_from("<II", word, fib_fclcb(word, 33))
    t = bytearray(st[table_name])
    clx = t[fc:fc + lcb]
    at = 0
    while clx[at] == 1:
        at += 3 + struct.unpack_from("<H", clx, at + 1)[0]
    plc = fc + at + 5
    n = (struct.unpack_from("<I", clx, at + 1)[0] - 4) // 12
    struct.pack_into("<I", t, plc + (n + 1) * 4 + 2, 0x3FFFFF00)
    (out / "piece_past_stream.doc").write_bytes(ole_write({**keep, table_name: bytes(t)}))
    # A property page said to be far past the stream.
    fc, lcb = struct.unpack_from("<II", word, fib_fclcb(word, 12))
    t = bytearray(st[table_name])
    struct.pack_into("<I", t, fc + lcb - 4, 0x3FFFFF)
    (out / "fkp_past_stream.doc").write_bytes(ole_write({**keep, table_name: bytes(t)}))
    # Encrypted (fEncrypted set), Word 95 (nFib 104).
    w = patch(word, 10, "<H", struct.unpack_from("<H", word, 10)[0] | 0x0100)
    (out / "encrypted.doc").write_bytes(ole_write({**keep, "WordDocument": w}))
    (out / "word95.doc").write_bytes(ole_write({**keep, "WordDocument": patch(word, 2, "<H", 104)}))
    # Other OLE files.
    (out / "encrypted_package.docx").write_bytes(ole_write({"EncryptionInfo": b"\4\0\4\0" + b"\0" * 60, "EncryptedPackage": b"\0" * 5000}))
    (out / "workbook.xls").write_bytes(ole_write({"Workbook": b"\x09\x08" + b"\0" * 100}))
    (out / "slides.ppt").write_bytes(ole_write({"PowerPoint Document": b"\0" * 100, "Current User": b"\0" * 20}))
    (out / "mail.msg").write_bytes(ole_write({"__substg1.0_0037001F": "Kế hoạch".encode("utf-16-le"), "__properties_version1.0": b"\0" * 32}))
    (out / "other.ole").write_bytes(ole_write({"Contents": b"\0" * 10}))


def main():
    if not shutil.which("soffice"):
        sys.exit("soffice (LibreOffice) is needed to make the .doc fixtures")
    seeds = sorted((ROOT / "fixtures" / "docx").glob("*.docx")) + sorted((ROOT / "fixtures" / "plans").glob("*.docx"))
    for s in seeds:
        soffice_to_doc(s, OUT)
    variants = [ROOT / "fixtures" / "variants" / f"004_eb12abc5933443e7.{v}.docx" for v in ("tcvn3", "vni", "vmerge", "tracked", "autonum")]
    for v in variants:
        soffice_to_doc(v, OUT / "variants")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for path in own_docs(tmp):
            soffice_to_doc(path, OUT / "own")
            shutil.copy(path, OUT / "own" / path.name)
    hostile(OUT / "004_eb12abc5933443e7.A.doc", OUT / "hostile")


if __name__ == "__main__":
    main()
