#!/usr/bin/env python3
"""kehoach's PDF reader against pdfplumber's extract_tables, in one run, on the same PDFs.

usage: python3 benches/pdf_vs_pdfplumber.py [PDF...]     (default: fixtures/pdf/0*.pdf)
needs: pip install pdfplumber; cargo build --release -p kehoach -p kehoach-parse --example loop

Time: ours in-process (the `loop` example parses a file N times; the startup is taken out by
differencing two runs), pdfplumber in-process (best of 3 of opening the file and calling
extract_tables on every page). Accuracy: cell accuracy over stt, content, lead, support and
deadline of every truth item (fixtures/truth), items aligned as ../shared/tools/score.py does.
pdfplumber's rows are used as they come: one row per table row, header rows dropped by their
text, agencies split on line breaks and leading dashes (it has no notion of a row cut by a page
break or of a table continuing on the next page).
"""
import difflib, glob, json, os, pathlib, re, subprocess, sys, time, unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
LOOP = ROOT / "target/release/examples/loop"
KEHOACH = ROOT / "target/release/kehoach"

def norm(s):
    s = unicodedata.normalize("NFC", s or "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip()

def orgs(v):
    return " | ".join(o for o in (norm(x).lstrip("- ").rstrip(";").strip() for x in v) if o)

def accuracy(truth, pred):
    a = [norm(t["content"]) for t in truth]
    b = [norm(p["content"]) for p in pred]
    pairs = {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1): pairs[i1 + k] = j1 + k
        elif tag == "replace":
            for k in range(min(i2 - i1, j2 - j1)):
                if difflib.SequenceMatcher(None, a[i1 + k], b[j1 + k]).ratio() > 0.6: pairs[i1 + k] = j1 + k
    right = 0
    for i, t in enumerate(truth):
        j = pairs.get(i)
        if j is None: continue
        p = pred[j]
        right += norm(t["stt"]).rstrip(".") == norm(p["stt"]).rstrip(".")
        right += norm(t["content"]) == norm(p["content"])
        right += orgs(t["lead"]) == orgs(p["lead"])
        right += orgs(t["support"]) == orgs(p["support"])
        right += norm(t["deadline"]) == norm(p["deadline"])
    return right / (5 * len(truth)) if truth else 1.0

def split_agencies(cell):
    out = []
    for line in (cell or "").split("\n"):
        line = line.strip()
        if not line: continue
        if line.startswith("-") or not out: out.append(line.lstrip("- ").strip())
        else: out[-1] += " " + line
    return out

def pdfplumber_items(pdf_path):
    import pdfplumber
    items, header = [], None
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                for row in table:
                    cells = [c or "" for c in row]
                    if header is None:
                        if any("STT" in c for c in cells) and len(cells) >= 5: header = [norm(c) for c in cells]
                        continue
                    if [norm(c) for c in cells] == header or len(cells) < 5: continue
                    items.append({"stt": cells[0], "content": cells[1].replace("\n", " "),
                                  "lead": split_agencies(cells[2]), "support": split_agencies(cells[3]),
                                  "deadline": cells[4].replace("\n", " ")})
    return items

def time_pdfplumber(pdf_path):
    import pdfplumber
    best = 1e9
    for _ in range(3):
        t0 = time.perf_counter()
        with pdfplumber.open(pdf_path) as pdf:
            for page in pdf.pages: page.extract_tables()
        best = min(best, time.perf_counter() - t0)
    return best

def time_ours(pdf_path, n=30):
    def run(k):
        t0 = time.perf_counter(); subprocess.run([LOOP, pdf_path, str(k), "parse"], check=True, capture_output=True)
        return time.perf_counter() - t0
    return max(min(run(n + 1) for _ in range(3)) - min(run(1) for _ in range(3)), 1e-9) / n

def main():
    files = sys.argv[1:] or sorted(glob.glob(str(ROOT / "fixtures/pdf/0*.pdf")))
    print(f"{'file':32} {'ours ms':>8} {'pdfplumber ms':>14} {'speed-up':>9} {'ours acc':>9} {'pdfplumber acc':>15}")
    tot = [0, 0, 0, 0, 0]
    for f in files:
        key = pathlib.Path(f).name[:3]
        truth = json.load(open(glob.glob(str(ROOT / f"fixtures/truth/{key}_*.json"))[0]))["items"]
        ours = json.loads(subprocess.run([KEHOACH, "parse", f, "--format", "json"], capture_output=True, text=True).stdout)["items"]
        ours = [{"stt": i["stt"], "content": i["content"], "lead": i["lead"], "support": i["support"], "deadline": i["deadline"]["text"]} for i in ours]
        t_ours, t_pp = time_ours(f), time_pdfplumber(f)
        a_ours, a_pp = accuracy(truth, ours), accuracy(truth, pdfplumber_items(f))
        print(f"{pathlib.Path(f).name:32} {t_ours*1e3:8.2f} {t_pp*1e3:14.1f} {t_pp/t_ours:8.0f}x {a_ours:9.3f} {a_pp:15.3f}")
        n = len(truth)
        tot = [tot[0] + t_ours, tot[1] + t_pp, tot[2] + a_ours * n, tot[3] + a_pp * n, tot[4] + n]
    if tot[4]:
        print(f"{'TOTAL':32} {tot[0]*1e3:8.2f} {tot[1]*1e3:14.1f} {tot[1]/tot[0]:8.0f}x {tot[2]/tot[4]:9.3f} {tot[3]/tot[4]:15.3f}")

main()
