#!/usr/bin/env python3
"""Adds each item's location and extra columns to fixtures/truth/items/<seed>.json, read from
the seed's .docx XML with Python's own XML parser (not from kehoach): the item table is the
top-level table whose first row is headed "STT"; it has one header row, then one row per item
in order, and its five columns all have a role (no extra column).

    python3 tools/truth_locations.py
"""
import json
import xml.etree.ElementTree as ET
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEEDS = ["000_bac8a76d1f608aa3", "001_6353f7d068eb39a6", "002_ee099550d2cd63e2",
         "003_e474f24c970af6a5", "004_eb12abc5933443e7"]


def text(el):
    return "".join(x.text or "" for x in el.iter(W + "t"))


for s in SEEDS:
    z = zipfile.ZipFile(f"fixtures/docx/{s}.A.docx")
    body = ET.fromstring(z.read("word/document.xml")).find(W + "body")
    tables = [t for t in body if t.tag == W + "tbl"]
    path = f"fixtures/truth/items/{s}.json"
    d = json.load(open(path))
    items = d["items"]
    if not items:
        continue
    ti = next(i for i, t in enumerate(tables) if text(t.findall(W + "tr")[0]).startswith("STT"))
    rows = tables[ti].findall(W + "tr")
    header = [text(c) for c in rows[0].findall(W + "tc")]
    assert len(rows) == len(items) + 1, (s, len(rows), len(items))
    assert len(header) == 5, header
    for k, it in enumerate(items):
        it["location"] = {"table": ti, "row": k + 1, "rows": 1}
        it["extra"] = {}
    with open(path, "w") as f:
        f.write(json.dumps(d, ensure_ascii=False, indent=2) + "\n")
    print(s, "table", ti, "rows", len(rows))
