#!/usr/bin/env python3
"""Where a fuzz run still finds new paths: attributes the NEW_PC lines of a run log to source.

Run the fuzzer with libFuzzer's -print_pcs=1 (FUZZ_ARGS="-print_pcs=1" tools/fuzz.sh …); each
new edge is then logged as an address. This maps those found after start-up (INITED), and those
in the run's last quarter, to the source line llvm-symbolizer gives for them, and sorts them into

  own        the edge is on a line of that crate (kehoach's crates/, or a dependency's source)
  inlined    standard-library code inlined into a line of that crate (a comparison, an
             iterator's next, a Vec's growth or drop at that line)
  generic    standard-library code instantiated for that crate's types with none of its lines
             around it (drop glue, sorting, hashing, debug-assertion checks): more input
             variety, not new logic
  std        standard-library or libFuzzer code with no crate of ours or a dependency around it
The kehoach lines with edges new in the last quarter (own or inlined) are listed at the end.

usage: tools/fuzz_edges.py LOG [BINARY]
  BINARY defaults to the pdf_bytes-style path cargo-fuzz builds for the log's target:
  $CARGO_TARGET_DIR (or fuzz/target)/x86_64-unknown-linux-gnu/release/<target>.
needs: nm, llvm-symbolizer (any LLVM version that reads DWARF 4).
"""
import bisect
import collections
import os
import re
import shutil
import subprocess
import sys


def symbols(binary):
    """Function symbols of the binary: sorted (start, size)."""
    out = subprocess.run(["nm", "-S", "--defined-only", binary],
                         capture_output=True, text=True, check=True).stdout
    syms = []
    for line in out.splitlines():
        p = line.split()
        if len(p) == 4 and p[2] in "tTwW":
            syms.append((int(p[0], 16), int(p[1], 16)))
    syms.sort()
    return syms


def load_base(addrs, syms):
    """The address the (position-independent) binary was loaded at: the page-aligned offset
    that puts the most logged addresses inside functions."""
    starts = [s for s, _ in syms]

    def inside(off):
        i = bisect.bisect_right(starts, off) - 1
        return i >= 0 and syms[i][0] <= off < syms[i][0] + syms[i][1]

    sample = addrs[:300]
    best = (0, 0)
    a0 = addrs[0]
    for start, _ in syms[:: max(1, len(syms) // 4000)]:
        base = (a0 - start) & ~0xFFF
        for b in (base, base + 0x1000, base - 0x1000):
            hits = sum(1 for a in sample if inside(a - b))
            if hits > best[0]:
                best = (hits, b)
    return best[1], best[0], len(sample)


def read_log(log):
    """NEW_PC addresses with the second they were logged; the INITED second; the last second."""
    pcs, inited, last = [], None, 0
    for line in open(log, errors="replace"):
        m = re.match(r"\s*(\d+)s\s", line)
        if not m:
            continue
        t = int(m.group(1))
        last = max(last, t)
        if inited is None and "INITED" in line:
            inited = t
        m = re.search(r"NEW_PC: (0x[0-9a-f]+)", line)
        if m and inited is not None:
            pcs.append((t, int(m.group(1), 16)))
    return pcs, inited, last


def crate_of(path):
    """'kehoach-parse::pdf/cmap', 'lopdf', … for a source path; None for the standard library."""
    path = re.sub(r"(:\d+)+$", "", path)
    m = re.search(r"/crates/([^/]+)/src/(.*)", path)
    if m:
        return m.group(1) + "::" + re.sub(r"\.rs$", "", m.group(2)).replace("/mod", "")
    m = re.search(r"/registry/src/[^/]+/([^/]+?)-\d[^/]*/", path)
    if m:
        return m.group(1)
    if "/fuzz/fuzz_targets/" in path:
        return "fuzz target"
    return None


def classify(frames):
    """(area, kind, source line) of one address from its inlined frames, innermost first."""
    for i, (_fn, loc) in enumerate(frames):
        c = crate_of(loc)
        if c:
            line = re.sub(r":\d+$", "", loc.split("/crates/")[-1])
            return c, "own" if i == 0 else "inlined", line
    # All frames in std: name the crate from the outermost function's name, a kehoach crate
    # first (`drop_in_place::<Vec<kehoach_parse::model::Row>>`), else the first path that is
    # not the standard library's or libFuzzer's.
    for fn, _loc in reversed(frames):
        roots = re.findall(r"(?<![:\w])([a-z_][a-z0-9_]*)::(\w+)", fn)
        ours = [(r, m) for r, m in roots if r.startswith("kehoach_")]
        for root, module in ours or roots:
            if root in ("core", "alloc", "std", "fuzzer", "__gnu_cxx"):
                continue
            crate = root.replace("_", "-")
            return (crate + "::" + module if ours else crate), "generic", None
    return "std / libFuzzer", "std", None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    log = sys.argv[1]
    if len(sys.argv) > 2:
        binary = sys.argv[2]
    else:
        target = os.path.basename(os.path.dirname(os.path.abspath(log)))
        tdir = os.environ.get("CARGO_TARGET_DIR", "fuzz/target")
        binary = os.path.join(tdir, "x86_64-unknown-linux-gnu", "release", target)
    symbolizer = shutil.which("llvm-symbolizer") or shutil.which("llvm-symbolizer-14")
    if not symbolizer:
        sys.exit("needs llvm-symbolizer")
    pcs, inited, last = read_log(log)
    if inited is None:
        sys.exit(f"{log}: no INITED line (the run never finished loading its corpus)")
    if not pcs:
        sys.exit(f"{log}: no NEW_PC lines after INITED (run with FUZZ_ARGS=-print_pcs=1)")
    base, hits, n = load_base([a for _, a in pcs], symbols(binary))
    quarter = inited + (last - inited) * 0.75
    print(f"{log}: {len(pcs)} new edges from {inited}s (INITED) to {last}s; last quarter from "
          f"{quarter:.0f}s; load base {base:#x} ({hits}/{n} sampled addresses inside functions)")
    out = subprocess.run([symbolizer, "--obj=" + binary],
                         input="\n".join(hex(a - base) for _, a in pcs),
                         capture_output=True, text=True, check=True).stdout
    blocks = [b.splitlines() for b in out.strip("\n").split("\n\n")]
    total = collections.Counter()
    late = collections.Counter()
    lines = collections.Counter()
    for (t, _), block in zip(pcs, blocks):
        area, kind, line = classify(list(zip(block[0::2], block[1::2])))
        key = (area, kind)
        total[key] += 1
        if t >= quarter:
            late[key] += 1
            if line and area.startswith("kehoach"):
                lines[line] += 1
    print(f"\n{'where':42} {'kind':8} {'edges':>6} {'last 1/4':>9}")
    for (area, kind), n in sorted(total.items(), key=lambda kv: (-late[kv[0]], -kv[1])):
        print(f"{area:42} {kind:8} {n:6} {late[(area, kind)]:9}")
    print()
    for kind in ("own", "inlined", "generic", "std"):
        ours = sum(n for (a, k), n in late.items() if k == kind and a.startswith("kehoach"))
        deps = sum(n for (a, k), n in late.items() if k == kind and not a.startswith("kehoach"))
        print(f"last quarter, {kind:8}: {ours:5} in kehoach crates, {deps:5} elsewhere")
    print(f"last quarter, all     : {sum(late.values()):5} of {sum(total.values())} new edges")
    if lines:
        print("\nkehoach lines with edges new in the last quarter:")
        for line, n in sorted(lines.items()):
            print(f"  {line}  ({n})")


if __name__ == "__main__":
    main()
