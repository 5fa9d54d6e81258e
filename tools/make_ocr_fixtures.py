#!/usr/bin/env python3
"""Writes fixtures/ocr/: our own fixture plans (fixtures/plans/*.pdf) as a scanner makes
them: each page rasterised by pdftoppm (grey), turned a little (the sheet askew on the glass),
noise added, and stored as one image per page with no text layer: JPEG (DCTDecode) at 150
dpi, or 1-bit Flate at 200 dpi (a fax-like scan). Needs poppler-utils, Pillow and numpy
(pip install pillow numpy).

    python3 tools/make_ocr_fixtures.py                  # the committed fixtures
    python3 tools/make_ocr_fixtures.py --scan IN OUT [--dpi 150] [--angle 0.8] [--quality 50] [--bits 8]

The second form makes a scan of any PDF (tools/ocr_measure.sh uses it on held-out plans).
"""
import argparse
import glob
import io
import os
import random
import subprocess
import tempfile
import zlib

import numpy as np
from PIL import Image, ImageFilter

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "fixtures", "ocr")

# (plan, dpi, angles per page, jpeg quality, bits)
FIXTURES = [
    ("cantho_kiemtra_2026", 150, [0.9], 45, 8),
    ("hatinh_xa_tuyentruyen_2026", 150, [-1.0, 0.6], 40, 8),
    ("laocai_ccch_2026", 150, [0.7, -0.8, 1.1], 30, 8),
    ("quangninh_so_2027", 200, [-0.6], 0, 1),
]


def pdf_of_images(images, width_pt, height_pt):
    """images: list of (w, h, filter, colour space, bits, data). One image a page, covering it."""
    objs = []

    def add(body):
        objs.append(body)
        return len(objs)

    catalog = add(None)
    pages_id = add(None)
    kids = []
    for (w, h, filt, bits, data), (pw, ph) in zip(images, zip(width_pt, height_pt)):
        im = add(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
            b"/BitsPerComponent %d /Filter /%s /Length %d >>\nstream\n"
            % (w, h, bits, filt, len(data))
            + data
            + b"\nendstream"
        )
        content = b"q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q" % (pw, ph)
        c = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        p = add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
            b"/Resources << /XObject << /Im1 %d 0 R >> >> >>" % (pages_id, pw, ph, c, im)
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


def page_sizes(pdf):
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", pdf], capture_output=True, text=True).stdout
    sizes = []
    for line in info.splitlines():
        if line.startswith("Page") and "size:" in line:
            parts = line.split("size:")[1].split()
            sizes.append((float(parts[0]), float(parts[2])))
    return sizes


def scan(src, dst, dpi=150, angles=(0.8,), quality=50, bits=8, seed=7):
    sizes = page_sizes(src)
    rnd = random.Random(seed)
    images = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", src, os.path.join(tmp, "p")], check=True)
        pages = sorted(glob.glob(os.path.join(tmp, "p-*.pgm")))
        for k, pg in enumerate(pages):
            angle = angles[k % len(angles)]
            im = Image.open(pg).convert("L")
            w, h = im.size
            # Turned about the centre (white outside the sheet), paper noise, a little blur.
            im = im.rotate(-angle, resample=Image.BICUBIC, fillcolor=255)
            im = im.filter(ImageFilter.GaussianBlur(0.5))
            a = np.asarray(im, dtype=np.float32)
            noise = np.random.default_rng(rnd.randint(1, 10**6)).normal(0, 7, a.shape)
            a = np.clip(a + noise, 0, 255).astype(np.uint8)
            if bits == 1:
                b = np.packbits(a >= 140, axis=1)
                images.append((w, h, b"FlateDecode", 1, zlib.compress(b.tobytes(), 9)))
            else:
                buf = io.BytesIO()
                Image.fromarray(a, "L").save(buf, "JPEG", quality=quality)
                images.append((w, h, b"DCTDecode", 8, buf.getvalue()))
    sizes = sizes[: len(images)]
    with open(dst, "wb") as f:
        f.write(pdf_of_images(images, [s[0] for s in sizes], [s[1] for s in sizes]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scan", nargs=2, metavar=("IN", "OUT"))
    ap.add_argument("--dpi", type=int, default=150)
    ap.add_argument("--angle", type=float, action="append")
    ap.add_argument("--quality", type=int, default=50)
    ap.add_argument("--bits", type=int, default=8)
    a = ap.parse_args()
    if a.scan:
        scan(a.scan[0], a.scan[1], a.dpi, a.angle or [0.8, -0.7, 1.2], a.quality, a.bits)
        return
    os.makedirs(OUT, exist_ok=True)
    for name, dpi, angles, q, bits in FIXTURES:
        dst = os.path.join(OUT, name + ".scan.pdf")
        scan(os.path.join(ROOT, "fixtures", "plans", name + ".pdf"), dst, dpi, angles, q, bits)
        print(dst, os.path.getsize(dst))


if __name__ == "__main__":
    main()
