#!/usr/bin/env python3
"""Extraction figures over any set of documents, no truth needed: what issue 14 measures on
real plans kehoach has never seen.

usage: tools/measure_plans.py BIN FILE...      e.g. tools/measure_plans.py target/release/kehoach ~/plans/*

For each file, `BIN parse FILE --format json`; then, over all files:
  plans / not plans        by the record's is_plan (and the document types seen)
  tasks with a lead        share of task items with at least one lead agency
  tasks with content       share of task items with non-empty content
  deadlines unparsed       share of non-empty deadlines whose kind is `unparsed`
  legal bases              bases read, and how many have a symbol / a date / an issuer
  header fields            share of files with type, number, date, place, issuer, title
  warnings                 count, and the most common openings
Files that fail to parse are counted and listed.
"""
import collections, json, subprocess, sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binp, files = sys.argv[1], sys.argv[2:]
    c = collections.Counter()
    types = collections.Counter()
    warn = collections.Counter()
    failed = []
    for f in files:
        p = subprocess.run([binp, "parse", f, "--format", "json"], capture_output=True, text=True, timeout=300)
        if p.returncode != 0 or not p.stdout.strip():
            failed.append((f, (p.stderr or "").strip().splitlines()[-1:] or ["?"]))
            continue
        r = json.loads(p.stdout)
        c["files"] += 1
        c["plans" if r.get("is_plan", True) else "not_plans"] += 1
        d = r["document"]
        types[d.get("doc_type") or "(none)"] += 1
        for k, v in [("type", d.get("doc_type")), ("number", (d.get("number") or {}).get("symbol")),
                     ("date", (d.get("date") or {}).get("year")), ("place", d.get("place")),
                     ("issuer", d.get("issuer")), ("title", d.get("title"))]:
            c["hdr_" + k] += bool(v)
        for b in d.get("legal_bases", []):
            c["bases"] += 1
            c["bases_symbol"] += bool(b.get("symbol"))
            c["bases_date"] += bool(b.get("date"))
            c["bases_issuer"] += bool(b.get("issuer"))
        for it in r["items"]:
            if it["kind"] != "task":
                continue
            c["tasks"] += 1
            c["tasks_lead"] += bool(it["lead"])
            c["tasks_content"] += bool(it["content"].strip())
            dl = it["deadline"]
            if dl["text"].strip():
                c["deadlines"] += 1
                c["unparsed"] += dl["kind"] == "unparsed"
        for w in r.get("warnings", []):
            c["warnings"] += 1
            warn[" ".join(w.split()[:4])] += 1

    def pct(a, b):
        return f"{100 * c[a] / c[b]:.1f}% ({c[a]}/{c[b]})" if c[b] else "-"

    print(f"files parsed {c['files']}, failed {len(failed)}; plans {c['plans']}, not plans {c['not_plans']}")
    print("document types: " + ", ".join(f"{t} {n}" for t, n in types.most_common()))
    print(f"tasks with a lead     {pct('tasks_lead', 'tasks')}")
    print(f"tasks with content    {pct('tasks_content', 'tasks')}")
    print(f"deadlines unparsed    {pct('unparsed', 'deadlines')}")
    print(f"legal bases           {c['bases']}: symbol {pct('bases_symbol', 'bases')}, date {pct('bases_date', 'bases')}, issuer {pct('bases_issuer', 'bases')}")
    print("header fields         " + ", ".join(f"{k} {pct('hdr_' + k, 'files')}" for k in ["type", "number", "date", "place", "issuer", "title"]))
    print(f"warnings              {c['warnings']}: " + "; ".join(f"{w}… {n}" for w, n in warn.most_common(5)))
    for f, e in failed:
        print(f"failed: {f}: {e[0]}")


if __name__ == "__main__":
    main()
