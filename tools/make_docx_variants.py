#!/usr/bin/env python3
"""Make .docx variants of one plan that must all give the same records.

usage: tools/make_docx_variants.py BASE.docx OUTDIR

Each variant rewrites the appendix table (the last table) of the base document in one of
the ways real files differ, and `all` applies every rewrite at once:
  autonum  STT produced by Word's multi-level auto-numbering (numbering.xml), not typed
  vmerge   runs of equal lead cells merged down (w:vMerge restart/continue)
  header2  a two-row header: "Cơ quan, đơn vị thực hiện" spanning Chủ trì | Phối hợp
  runs     every text split over runs of 1-4 characters
  tracked  a tracked insertion around each content run and a tracked deletion before it
  nfd      all text in Unicode NFD (decomposed tones)
  prefix   WordprocessingML bound to the prefix ns0: instead of w:
  tcvn3    the table typed in the legacy TCVN3 encoding with .VnTime run fonts
  vni      the table typed in the legacy VNI encoding, with no font information at all
The outputs are committed under fixtures/variants/; tests need no Python.
"""
import re, sys, unicodedata, zipfile, pathlib

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

def last_table_span(x):
    start = x.rfind('<w:tbl>')
    end = x.find('</w:tbl>', start) + len('</w:tbl>')
    return start, end

def rows_of(tbl):
    return re.findall(r'<w:tr>.*?</w:tr>', tbl, flags=re.S)

def cells_of(tr):
    return re.findall(r'<w:tc>.*?</w:tc>', tr, flags=re.S)

def text_of(xml):
    return ''.join(re.findall(r'<w:t(?: [^>]*)?>([^<]*)</w:t>', xml))

def map_table(x, f):
    s, e = last_table_span(x)
    return x[:s] + f(x[s:e]) + x[e:]

def header2(tbl):
    rows = rows_of(tbl)
    head = rows[0]
    cells = cells_of(head)
    def cell(text, extra_pr=''):
        return ('<w:tc><w:tcPr>%s</w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
                '<w:t>%s</w:t></w:r></w:p></w:tc>') % (extra_pr, text)
    t = [text_of(c) for c in cells]
    r1 = ('<w:tr><w:trPr><w:tblHeader/></w:trPr>' + cell(t[0], '<w:vMerge w:val="restart"/>') +
          cell(t[1], '<w:vMerge w:val="restart"/>') + cell('Cơ quan, đơn vị thực hiện', '<w:gridSpan w:val="2"/>') +
          cell(t[4], '<w:vMerge w:val="restart"/>') + '</w:tr>')
    cont = '<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>'
    r2 = ('<w:tr><w:trPr><w:tblHeader/></w:trPr>' + cont + cont + cell('Chủ trì') + cell('Phối hợp/theo dõi') + cont + '</w:tr>')
    return tbl.replace(head, r1 + r2, 1)

def vmerge(tbl, col=2):
    rows = rows_of(tbl)
    out = tbl
    prev_text, new_rows = None, []
    for i, tr in enumerate(rows):
        cells = cells_of(tr)
        if i == 0 or len(cells) <= col:
            new_rows.append(tr); prev_text = None; continue
        c = cells[col]
        txt = '\n'.join(re.findall(r'<w:p>.*?</w:p>', c, flags=re.S))
        plain = text_of(c)
        if plain and plain == prev_text:
            nc = '<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>'
            # mark the first of the run as restart
            new_rows.append(tr.replace(c, nc, 1))
            prev_first = new_rows[first_idx]
            if 'w:vMerge w:val="restart"' not in prev_first:
                fc = cells_of(prev_first)[col]
                new_rows[first_idx] = prev_first.replace(fc, fc.replace('<w:tcPr>', '<w:tcPr><w:vMerge w:val="restart"/>', 1), 1)
        else:
            new_rows.append(tr); first_idx = len(new_rows) - 1
        prev_text = plain if plain else None
    for a, b in zip(rows, new_rows):
        out = out.replace(a, b, 1)
    return out

def autonum(tbl, num_id=90):
    rows = rows_of(tbl)
    out = tbl
    for tr in rows[1:]:
        cells = cells_of(tr)
        if not cells: continue
        c = cells[0]
        stt = text_of(c).strip()
        if not re.fullmatch(r'\d+(\.\d+)*\.?', stt): continue
        lvl = len([p for p in stt.split('.') if p]) - 1
        nc = ('<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="850"/></w:tcPr><w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/>'
              '<w:numId w:val="%d"/></w:numPr><w:jc w:val="center"/></w:pPr></w:p></w:tc>') % (lvl, num_id)
        out = out.replace(tr, tr.replace(c, nc, 1), 1)
    return out

NUMBERING_ADD = ('<w:abstractNum w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/><w:lvlJc w:val="left"/></w:lvl>'
    '</w:abstractNum>')
NUM_ADD = '<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>'

def patch_numbering(n):
    # abstractNum elements must precede num elements.
    i = n.find('<w:num ')
    n = n[:i] + NUMBERING_ADD + n[i:] if i >= 0 else n.replace('</w:numbering>', NUMBERING_ADD + '</w:numbering>')
    return n.replace('</w:numbering>', NUM_ADD + '</w:numbering>')

def runs(x):
    def split(m):
        rpr, text = m.group(1) or '', m.group(2)
        if len(text) <= 1: return m.group(0)
        parts, i, k = [], 0, 0
        while i < len(text):
            n = 1 + (k % 4); k += 1
            parts.append(text[i:i + n]); i += n
        return ''.join('<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, p) for p in parts)
    return re.sub(r'<w:r>(<w:rPr>.*?</w:rPr>|<w:rPr/>)?<w:t(?: [^>]*)?>([^<]*)</w:t></w:r>', split, x)

def tracked(tbl):
    rows = rows_of(tbl)
    out = tbl
    for k, tr in enumerate(rows[1:]):
        cells = cells_of(tr)
        if len(cells) < 2: continue
        c = cells[1]
        nc = re.sub(r'(<w:r>(?:(?!</w:r>).)*?<w:t(?: [^>]*)?>[^<]+</w:t></w:r>)',
                    lambda m: ('<w:del w:id="%d" w:author="kehoach" w:date="2026-01-05T00:00:00Z"><w:r><w:delText xml:space="preserve">ĐÃ XOÁ </w:delText></w:r></w:del>'
                               '<w:ins w:id="%d" w:author="kehoach" w:date="2026-01-05T00:00:00Z">%s</w:ins>') % (1000 + 2 * k, 1001 + 2 * k, m.group(1)),
                    c, count=1, flags=re.S)
        out = out.replace(tr, tr.replace(c, nc, 1), 1)
    return out

def nfd(x):
    return re.sub(r'(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)', lambda m: m.group(1) + unicodedata.normalize('NFD', m.group(2)) + m.group(3), x)

def prefix(x):
    x = x.replace('xmlns:w="%s"' % W, 'xmlns:ns0="%s"' % W)
    x = re.sub(r'<(/?)w:', r'<\1ns0:', x)
    x = re.sub(r'(\s)w:([A-Za-z]+=)', r'\1ns0:\2', x)
    return x

def tcvn3_table():
    import subprocess
    t = {}
    for b in range(0xA1, 0xFF):
        r = subprocess.run(['iconv', '-f', 'TCVN5712-1', '-t', 'UTF-8'], input=bytes([b]), capture_output=True)
        ch = r.stdout.decode()
        if len(ch) == 1 and not (0xB0 <= b <= 0xB4) and (ch.islower() or 0xA1 <= b <= 0xA7):
            t[ch] = chr(b)
    return t

TCVN3 = None

def to_tcvn3(text):
    """Unicode -> TCVN3, or None when a letter has no VN3 code (a toned capital)."""
    global TCVN3
    if TCVN3 is None: TCVN3 = tcvn3_table()
    out = []
    for c in unicodedata.normalize('NFC', text):
        if ord(c) < 0x80: out.append(c)
        elif c in TCVN3: out.append(TCVN3[c])
        else: return None
    return ''.join(out)

VNI_MARKS = {'\u0301': 'ù', '\u0300': 'ø', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï'}
VNI_CIRC = {'': 'â', '\u0301': 'á', '\u0300': 'à', '\u0309': 'å', '\u0303': 'ã', '\u0323': 'ä'}
VNI_BREVE = {'': 'ê', '\u0301': 'é', '\u0300': 'è', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë'}
VNI_I = {'\u0301': 'í', '\u0300': 'ì', '\u0309': 'æ', '\u0303': 'ó', '\u0323': 'ò'}

def to_vni(text):
    out = []
    for c in unicodedata.normalize('NFC', text):
        if ord(c) < 0x80: out.append(c); continue
        d = unicodedata.normalize('NFD', c)
        base, marks = d[0], d[1:]
        upper = base.isupper()
        tone = ''.join(m for m in marks if m in VNI_MARKS)
        if c in 'đĐ': out.append('ñ' if c == 'đ' else 'Ñ'); continue
        if '\u031b' in marks:   # horn: ơ ư
            out.append({'o': 'ô', 'O': 'Ô', 'u': 'ö', 'U': 'Ö'}[base]); 
            if tone: out.append(VNI_MARKS[tone].upper() if upper else VNI_MARKS[tone])
            continue
        if base in 'iI' and tone:
            out.append(VNI_I[tone].upper() if upper else VNI_I[tone]); continue
        out.append(base)
        if '\u0302' in marks: m = VNI_CIRC[tone]
        elif '\u0306' in marks: m = VNI_BREVE[tone]
        elif tone: m = VNI_MARKS[tone]
        else: return None
        out.append(m.upper() if upper else m)
    return ''.join(out)

def legacy(tbl, enc, font):
    def run(m):
        rpr, text = m.group(1) or '', m.group(2)
        coded = enc(text)
        if coded is None: return m.group(0)
        coded = coded.replace('&', '&amp;').replace('<', '&lt;')
        if font:
            f = '<w:rFonts w:ascii="%s" w:hAnsi="%s"/>' % (font, font)
            rpr = rpr.replace('<w:rPr>', '<w:rPr>' + f, 1) if rpr.startswith('<w:rPr>') else '<w:rPr>%s</w:rPr>' % f
        return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, coded)
    return re.sub(r'<w:r>(<w:rPr>.*?</w:rPr>|<w:rPr/>)?<w:t(?: [^>]*)?>([^<]*)</w:t></w:r>', run, tbl)

def write(base, out, doc_xml, numbering=None):
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == 'word/document.xml':
                data = doc_xml.encode('utf-8')
            elif item.filename == 'word/numbering.xml' and numbering is not None:
                data = numbering.encode('utf-8')
            zout.writestr(item, data)

def main():
    base, outdir = sys.argv[1], pathlib.Path(sys.argv[2])
    outdir.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(base) as z:
        doc = z.read('word/document.xml').decode('utf-8')
        numbering = z.read('word/numbering.xml').decode('utf-8')
    stem = pathlib.Path(base).name.split('.')[0]
    variants = {
        'autonum': (map_table(doc, autonum), patch_numbering(numbering)),
        'vmerge': (map_table(doc, vmerge), None),
        'header2': (map_table(doc, header2), None),
        'runs': (map_table(doc, runs), None),
        'tracked': (map_table(doc, tracked), None),
        'nfd': (nfd(doc), None),
        'prefix': (prefix(doc), None),
        'tcvn3': (map_table(doc, lambda t: legacy(t, to_tcvn3, '.VnTime')), None),
        'vni': (map_table(doc, lambda t: legacy(t, to_vni, None)), None),
    }
    all_doc = map_table(doc, lambda t: runs(tracked(autonum(vmerge(header2(t))))))
    variants['all'] = (nfd(all_doc), patch_numbering(numbering))
    for name, (d, n) in variants.items():
        write(base, outdir / ('%s.%s.docx' % (stem, name)), d, n)
        print(outdir / ('%s.%s.docx' % (stem, name)))

main()
