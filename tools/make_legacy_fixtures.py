#!/usr/bin/env python3
"""Make the legacy-font fixtures of fixtures/legacy/ (issue 14, point 7).

usage: tools/make_legacy_fixtures.py [OUTDIR]      (default: fixtures/legacy)
       tools/make_legacy_fixtures.py --print TEXT  (show TEXT in TCVN3 and VNI)

Writes, from Unicode sentences in the wording of many provinces and bodies:
  legacy.txt   plain text, one paragraph per line: TCVN3 and VNI with no font information,
               Unicode Vietnamese, Portuguese/French/Danish/German/Spanish, symbols, and a
               Unicode sentence holding a TCVN3 name
  legacy.docx  the same kinds of paragraph with and without w:rFonts (.VnTime, .VnTimeH,
               VNI-Times, Times New Roman), plus a table of short TCVN3 cells with no font
The expected output of each paragraph is written by hand in
crates/kehoach-parse/tests/legacy_fonts.rs, not here. Only the standard library is used
(zipfile); the outputs are committed, so tests need no Python.
"""
import sys, pathlib, unicodedata, zipfile

# TCVN3 (TCVN 5712:1993 VN3) code -> letter: the table of crates/kehoach-text/src/legacy.rs
# (from glibc's TCVN5712-1 charmap), written out so that no iconv is needed.
TCVN3_CODES = {
    0xA1: 'Ă', 0xA2: 'Â', 0xA3: 'Ê', 0xA4: 'Ô', 0xA5: 'Ơ', 0xA6: 'Ư', 0xA7: 'Đ',
    0xA8: 'ă', 0xA9: 'â', 0xAA: 'ê', 0xAB: 'ô', 0xAC: 'ơ', 0xAD: 'ư', 0xAE: 'đ',
    0xB5: 'à', 0xB6: 'ả', 0xB7: 'ã', 0xB8: 'á', 0xB9: 'ạ', 0xBB: 'ằ', 0xBC: 'ẳ', 0xBD: 'ẵ',
    0xBE: 'ắ', 0xC6: 'ặ', 0xC7: 'ầ', 0xC8: 'ẩ', 0xC9: 'ẫ', 0xCA: 'ấ', 0xCB: 'ậ', 0xCC: 'è',
    0xCE: 'ẻ', 0xCF: 'ẽ', 0xD0: 'é', 0xD1: 'ẹ', 0xD2: 'ề', 0xD3: 'ể', 0xD4: 'ễ', 0xD5: 'ế',
    0xD6: 'ệ', 0xD7: 'ì', 0xD8: 'ỉ', 0xDC: 'ĩ', 0xDD: 'í', 0xDE: 'ị', 0xDF: 'ò', 0xE1: 'ỏ',
    0xE2: 'õ', 0xE3: 'ó', 0xE4: 'ọ', 0xE5: 'ồ', 0xE6: 'ổ', 0xE7: 'ỗ', 0xE8: 'ố', 0xE9: 'ộ',
    0xEA: 'ờ', 0xEB: 'ở', 0xEC: 'ỡ', 0xED: 'ớ', 0xEE: 'ợ', 0xEF: 'ù', 0xF1: 'ủ', 0xF2: 'ũ',
    0xF3: 'ú', 0xF4: 'ụ', 0xF5: 'ừ', 0xF6: 'ử', 0xF7: 'ữ', 0xF8: 'ứ', 0xF9: 'ự', 0xFA: 'ỳ',
    0xFB: 'ỷ', 0xFC: 'ỹ', 0xFD: 'ý', 0xFE: 'ỵ',
}
TCVN3 = {v: chr(k) for k, v in TCVN3_CODES.items()}

def to_tcvn3(text, upper_font=False):
    """Unicode -> TCVN3. A capital with a tone has no VN3 code: with `upper_font` (the
    .VnTimeH fonts draw lower-case codes as capitals) it is written lower-case, else it is an
    error (choose words that VN3 can write)."""
    out = []
    for c in unicodedata.normalize('NFC', text):
        if upper_font:
            c = c.lower()
        if ord(c) < 0x80: out.append(c)
        elif c in TCVN3: out.append(TCVN3[c])
        else: raise ValueError('no VN3 code for %r in %r' % (c, text))
    return ''.join(out)

VNI_MARKS = {'\u0301': 'ù', '\u0300': 'ø', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï'}
VNI_CIRC = {'': 'â', '\u0301': 'á', '\u0300': 'à', '\u0309': 'å', '\u0303': 'ã', '\u0323': 'ä'}
VNI_BREVE = {'': 'ê', '\u0301': 'é', '\u0300': 'è', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë'}
VNI_I = {'\u0301': 'í', '\u0300': 'ì', '\u0309': 'æ', '\u0303': 'ó', '\u0323': 'ò'}

def to_vni(text):
    """Unicode -> VNI (base letter, then one mark character; ơ ư đ ĩ … one character)."""
    out = []
    for c in unicodedata.normalize('NFC', text):
        if ord(c) < 0x80: out.append(c); continue
        d = unicodedata.normalize('NFD', c)
        base, marks = d[0], d[1:]
        upper = base.isupper()
        tone = ''.join(m for m in marks if m in VNI_MARKS)
        cap = (lambda m: m.upper()) if upper else (lambda m: m)
        if c in 'đĐ': out.append('ñ' if c == 'đ' else 'Ñ'); continue
        if '\u031b' in marks:
            out.append({'o': 'ô', 'O': 'Ô', 'u': 'ö', 'U': 'Ö'}[base])
            if tone: out.append(cap(VNI_MARKS[tone]))
            continue
        if base in 'iI' and tone:
            out.append(cap(VNI_I[tone])); continue
        out.append(base)
        if '\u0302' in marks: m = VNI_CIRC[tone]
        elif '\u0306' in marks: m = VNI_BREVE[tone]
        elif tone: m = VNI_MARKS[tone]
        else: raise ValueError('no VNI form for %r' % c)
        out.append(cap(m))
    return ''.join(out)

# --- the text file ---------------------------------------------------------------------

def text_paragraphs():
    return [
        to_tcvn3('Kế hoạch thực hiện chương trình chuyển đổi số tỉnh Hà Tĩnh giai đoạn 2026-2030'),
        to_tcvn3('Sở Nội vụ chủ trì, phối hợp với các huyện, thị xã tổ chức thực hiện'),
        to_vni('Ủy ban nhân dân thành phố Cần Thơ ban hành kế hoạch cải cách hành chính năm 2027'),
        'Bộ Nội vụ hướng dẫn đánh giá, xếp loại chất lượng cán bộ, công chức cấp xã',
        'Thái Bình, Tiền Giang và Cà Mau hoàn thành trước ngày 30 tháng 6 năm 2028',
        'A Denominação social e a informação estão disponíveis até março.',
        "L'élève a réussi l'examen à Besançon; Noël à la préfecture.",
        'Allerød Kommune: Søren går på rådhuset i Hillerød.',
        'Die Bürger von Göttingen grüßen die Straßenbahn in München.',
        'El niño está en España; aún no sé qué día será.',
        'Nhiệt độ 25 °C ± 2 °C, kích thước 5 µm × 10 µm, ® và © 2026',
        'Giao ông ' + to_tcvn3('Lê Văn Hùng') + ', Phó Chủ tịch UBND xã Tả Van chủ trì',
    ]

# --- the .docx ---------------------------------------------------------------------------

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')

def run(text, font=None):
    rpr = '<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"/></w:rPr>' % (font, font) if font else ''
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, esc(text))

def para(*runs):
    return '<w:p>%s</w:p>' % ''.join(runs)

def cell(*paras):
    return '<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>%s</w:tc>' % ''.join(paras)

def docx_body():
    tc = lambda s: to_tcvn3(s)
    body = [
        # 1. TCVN3 with .VnTime fonts, split over runs; a .VnTimeH heading.
        para(run(to_tcvn3('kế hoạch', upper_font=True), '.VnTimeH')),
        para(run(tc('Triển khai Đề án phát triển '), '.VnTime'),
             run(tc('du lịch cộng đồng tỉnh Lào Cai'), '.VnTime')),
        # 2. TCVN3 with no font information.
        para(run(tc('Thành lập Tổ công tác liên ngành của phường Bến Nghé'))),
        # 3. VNI with and without fonts.
        para(run(to_vni('Đẩy mạnh cải cách thủ tục hành chính trên địa bàn tỉnh Quảng Ngãi'), 'VNI-Times')),
        para(run(to_vni('Hoàn thiện cơ sở dữ liệu quốc gia về dân cư, đất đai'))),
        # 4. Unicode Vietnamese, in Times New Roman and under a kept .VnTime font.
        para(run('Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk', 'Times New Roman')),
        para(run('Thái Bình và Cà Mau', '.VnTime')),
        # 5. Other languages.
        para(run('Denominação social da empresa', 'Arial')),
        para(run('Allerød Kommune og Søren Kierkegaards Plads', 'Arial')),
        para(run('Schöne Grüße aus Göttingen und München')),
        para(run('Où est la préfecture de la région? Déjà fermée.')),
        # 6. A TCVN3 name in a Unicode paragraph, with and without its font.
        para(run('Đồng chí '), run(tc('Nguyễn Thị Hương'), '.VnTime'), run(', Giám đốc Sở Tài chính')),
        para(run('Đồng chí ' + tc('Trần Văn Bình') + ', Chánh Văn phòng')),
    ]
    # 7. A table of short TCVN3 cells with no font information.
    rows = [('STT', 'Nội dung', 'Cơ quan chủ trì'),
            ('1', 'Rà soát thủ tục', 'Sở Y tế'),
            ('2', 'Số hóa hồ sơ', 'Văn phòng')]
    trs = ''.join('<w:tr>%s</w:tr>' % ''.join(cell(para(run(tc(c)))) for c in r) for r in rows)
    grid = '<w:tblGrid>' + '<w:gridCol w:w="3000"/>' * 3 + '</w:tblGrid>'
    body.append('<w:tbl><w:tblPr/>%s%s</w:tbl>' % (grid, trs))
    return ''.join(body)

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '</Relationships>')

def write_docx(path):
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="%s"><w:body>%s<w:sectPr/></w:body></w:document>' % (W, docx_body()))
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in [('[Content_Types].xml', CONTENT_TYPES), ('_rels/.rels', RELS),
                           ('word/document.xml', doc)]:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode('utf-8'))

def main():
    if len(sys.argv) > 2 and sys.argv[1] == '--print':
        t = ' '.join(sys.argv[2:])
        print('TCVN3:', repr(to_tcvn3(t)))
        print('VNI:  ', repr(to_vni(t)))
        return
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else 'fixtures/legacy')
    out.mkdir(parents=True, exist_ok=True)
    (out / 'legacy.txt').write_text('\n\n'.join(text_paragraphs()) + '\n', encoding='utf-8')
    write_docx(out / 'legacy.docx')
    print(out / 'legacy.txt')
    print(out / 'legacy.docx')

if __name__ == '__main__':
    main()
