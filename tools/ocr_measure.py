#!/usr/bin/env python3
"""Scores kehoach on scans of held-out plans: items found and cell accuracy, a cell counting
right when its text is at least 0.97 similar to the truth (difflib ratio on NFC text), since
OCR text is rarely equal to the character. Same alignment as /work/shared/tools/score.py.

    python3 tools/make_ocr_fixtures.py --scan PLAN.pdf /tmp/scans/PLAN.pdf   # not committed
    python3 tools/ocr_measure.py target/release/kehoach TRUTH_DIR /tmp/scans/*.pdf [-- parse flags]
"""
import difflib, json, pathlib, re, subprocess, sys, time, unicodedata

SIM = 0.97


def norm(s):
    if s is None:
        return ""
    if isinstance(s, dict):
        s = s.get("text") or s.get("raw") or ""
    if isinstance(s, list):
        s = " | ".join(norm(x) for x in s)
    s = unicodedata.normalize("NFC", str(s)).replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"\s+", " ", s).strip()


def orgs(v):
    if v is None:
        return ""
    if isinstance(v, str):
        v = [v]
    out = []
    for x in v:
        if isinstance(x, dict):
            x = x.get("name") or x.get("text") or ""
        out.append(norm(x).lstrip("- ").rstrip(";").strip())
    return " | ".join(o for o in out if o)


def similar(a, b):
    if a == b:
        return True
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SIM


def main():
    args = sys.argv[1:]
    extra = []
    if "--" in args:
        extra = args[args.index("--") + 1:]
        args = args[: args.index("--")]
    binp, truth_dir, files = args[0], pathlib.Path(args[1]), args[2:]
    tot = dict(cells=0, right=0, exact=0, items=0, found=0, secs=0.0, pages=0)
    for f in files:
        key = pathlib.Path(f).name[:3]
        truth = json.load(open(next(truth_dir.glob(key + "_*.json"))))
        t0 = time.time()
        p = subprocess.run([binp, "parse", f, "--format", "json", *extra], capture_output=True, text=True, timeout=600)
        tot["secs"] += time.time() - t0
        try:
            rec = json.loads(p.stdout)
            pred = rec["items"]
            tot["pages"] += len((rec.get("ocr") or {}).get("pages", []))
        except Exception:
            rec, pred = {}, []
            print(f"{pathlib.Path(f).name}: no parse (rc={p.returncode}) {p.stderr.strip()[:200]}")
        items = truth["items"]
        a = [norm(t["content"]) for t in items]
        b = [norm(x.get("content")) for x in pred]
        sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
        pairs = {}
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                for k in range(i2 - i1):
                    pairs[i1 + k] = j1 + k
            elif tag == "replace":
                for k in range(min(i2 - i1, j2 - j1)):
                    if difflib.SequenceMatcher(None, a[i1 + k], b[j1 + k]).ratio() > 0.6:
                        pairs[i1 + k] = j1 + k
        right = exact = cells = 0
        wrong = []
        for i, t in enumerate(items):
            cells += 5
            j = pairs.get(i)
            if j is None:
                wrong.append(f"{t['stt']}:missing")
                continue
            x = pred[j]
            for name, want, got in [
                ("stt", norm(t["stt"]).rstrip("."), norm(x.get("stt")).rstrip(".")),
                ("content", norm(t["content"]), norm(x.get("content"))),
                ("lead", orgs(t["lead"]), orgs(x.get("lead"))),
                ("support", orgs(t["support"]), orgs(x.get("support"))),
                ("deadline", norm(t["deadline"]), norm(x.get("deadline"))),
            ]:
                exact += want == got
                if similar(want, got):
                    right += 1
                else:
                    wrong.append(f"{t['stt']}:{name}")
        issuer = (rec.get("document") or {}).get("issuer")
        tot["cells"] += cells
        tot["right"] += right
        tot["exact"] += exact
        tot["items"] += len(items)
        tot["found"] += len(pairs)
        print(f"{pathlib.Path(f).name}: items {len(pairs)}/{len(items)} (pred {len(pred)}), cells ≥{SIM} {right/max(cells,1):.3f}, exact {exact/max(cells,1):.3f}, issuer {issuer!r}"
              + (f"  wrong: {' '.join(wrong[:10])}" if wrong else ""))
    print(f"TOTAL items found {tot['found']}/{tot['items']} = {tot['found']/max(tot['items'],1):.3f}; "
          f"cell accuracy (≥{SIM}) {tot['right']/max(tot['cells'],1):.4f}; exact {tot['exact']/max(tot['cells'],1):.4f}; "
          f"OCR pages {tot['pages']}, wall {tot['secs']:.1f}s")


main()
