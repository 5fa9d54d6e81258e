#!/usr/bin/env python3
"""Writes fixtures/scans/: PDFs as a scanner makes them (each page one image, no text layer),
one with a digital-signature stamp drawn as text over the scan, and one text PDF whose first
lines are a signature stamp. Plain PDF written by hand (no library), so the bytes are stable.

    python3 tools/make_scan_fixtures.py
"""
import os
import zlib

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "scans")


def pdf(pages):
    """pages: list of (content bytes, uses_image, uses_font)."""
    objs = []  # bodies, object n = index + 1

    def add(body):
        objs.append(body)
        return len(objs)

    catalog = add(None)
    pages_id = add(None)
    # A grey 40x56 "scan" (deflated), and Helvetica for stamp text.
    raw = bytes((180 + (x * 7 + y * 3) % 60) for y in range(56) for x in range(40))
    data = zlib.compress(raw)
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 40 /Height 56 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(data)
        + data
        + b"\nendstream"
    )
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for content in pages:
        c = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        p = add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /XObject << /Im1 %d 0 R >> /Font << /F1 %d 0 R >> >> >>"
            % (pages_id, c, image, font)
        )
        kids.append(p)
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objs[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        catalog,
        xref,
    )
    return bytes(out)


SCAN = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
STAMP = (
    b"BT /F1 7 Tf 400 815 Td (Nguoi ky: So Noi vu tinh Quang Tri) Tj 0 -9 Td "
    b"(Email: snv@quangtri.gov.vn) Tj 0 -9 Td (Co quan: Tinh Quang Tri) Tj 0 -9 Td "
    b"(Thoi gian ky: 08.01.2026 16:20:41 +07:00) Tj ET"
)
HEADER = (
    b"BT /F1 12 Tf 60 760 Td (UBND TINH QUANG TRI) Tj ET "
    b"BT /F1 12 Tf 60 740 Td (SO NOI VU) Tj ET "
    b"BT /F1 12 Tf 60 700 Td (So: 15/KH-SNV) Tj ET "
    b"BT /F1 14 Tf 250 650 Td (KE HOACH) Tj ET "
    b"BT /F1 12 Tf 120 630 Td (Kiem tra cong tac cai cach hanh chinh nam 2026) Tj ET"
)

FILES = {
    # Two scanned pages, nothing else.
    "scan-2-pages.pdf": [SCAN, SCAN],
    # A scanned page with the signing tool's stamp as its only text.
    "scan-with-stamp.pdf": [SCAN + b" " + STAMP],
    # A text PDF (not a scan) whose first lines are a signature stamp.
    "text-with-stamp.pdf": [STAMP + b" " + HEADER],
}

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for name, pages in FILES.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(pdf(pages))
        print(name)
