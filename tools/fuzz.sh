#!/usr/bin/env bash
# Fuzz the readers, the text normaliser and the drift checks with cargo-fuzz (libFuzzer) on the
# stable toolchain.
#
# usage: tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#        tools/fuzz.sh merge [TARGET...]     # minimise each corpus (libFuzzer -merge=1)
#        tools/fuzz.sh report [TARGET...]    # per run: seconds, executions, coverage, and how
#                                            # long before the end coverage last grew (plateau)
#   targets: docx_bytes docx_xml check text_keys deadline scanners pdf_bytes html_text doc_bytes rtf_bytes (default: all)
#   needs:   cargo install cargo-fuzz   (RUSTC_BOOTSTRAP=1 lets libFuzzer's nightly flags
#            build on stable; set it for this script only)
# Extra libFuzzer flags: FUZZ_ARGS="-max_len=65536" tools/fuzz.sh …
# pdf_bytes mutates with a token dictionary, fuzz/pdf.dict (PDF keywords and operators).
# Where a target still finds paths: FUZZ_ARGS=-print_pcs=1 tools/fuzz.sh …, then
# tools/fuzz_edges.py fuzz/artifacts/<target>/run-<n>.log (new edges by crate and source line).
# Built without a sanitizer by default: the crates are safe Rust, and AddressSanitizer made
# the readers 3-4.5x slower (pdf_bytes 65 -> 14 ms per corpus input); debug assertions and
# overflow checks stay on. FUZZ_SANITIZER=address tools/fuzz.sh … to use it anyway.
# Corpora start from the fixtures (fuzz/corpus/<target>, not committed); crashes, timeouts,
# slow units (> 1 s) land in fuzz/artifacts/<target>/, with one log per run (run-<n>.log).
# Each crash found becomes a fixed bug plus a regression file in fixtures/hostile/, which
# `cargo test` (tests/hostile.rs) reads; CI never runs the fuzzers.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=run
case "${1:-}" in
  merge|report) mode=$1; shift ;;
  *) secs=${1:-240}; shift || true ;;
esac
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=($(sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v kehoach-fuzz))

# One line per run log: its length, executions, edge coverage (cov) at the start and end, the
# seconds between the last new edge and the end, and the edges gained in the run's last quarter. Logs written before runs were stamped
# estimate time as executions / exec/s.
if [ $mode = report ]; then
  printf '%-11s %-10s %7s %10s %13s %9s %9s\n' target run seconds execs cov 'quiet(s)' 'last 1/4'
  for t in "${targets[@]}"; do
    # Numeric order (run-2 before run-10).
    while IFS= read -r log; do
      awk -v t="$t" -v run="$(basename "$log" .log)" '
        /#[0-9]+[ \t]+(INITED|NEW|REDUCE|pulse|DONE)[ \t]+cov:/ {
          stamped = ($1 ~ /^[0-9]+s$/)
          for (i = 1; i <= NF; i++) {
            if ($i ~ /^#[0-9]+$/) n = substr($i, 2) + 0
            if ($i == "cov:") cov = $(i + 1) + 0
            if ($i == "exec/s:") eps = $(i + 1) + 0
          }
          now = stamped ? $1 + 0 : (eps > 0 ? n / eps : 0)
          if (cov0 == "") cov0 = cov
          if (cov > best) { best = cov; grew = now }
          k++; ts[k] = now; cs[k] = best
          last = now; execs = n
        }
        /stat::number_of_executed_units:/ { execs = $NF }
        END {
          if (cov0 == "") exit
          # Edges gained in the last quarter of the run.
          q = cov0
          for (i = 1; i <= k; i++) if (ts[i] <= last * 0.75) q = cs[i]
          printf "%-11s %-10s %7d %10d %6d->%-6d %9d %9s\n", t, run, last, execs, cov0, best, last - grew, "+" (best - q)
        }' "$log"
    done < <(ls -v fuzz/artifacts/"$t"/run-*.log 2>/dev/null)
  done
  exit 0
fi
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/fuzz/target}
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2}
san=${FUZZ_SANITIZER:-none}

# Longest input per target: the largest seeds fit; longer inputs only make runs slower.
max_len() {
  case $1 in
    docx_bytes|html_text|rtf_bytes) echo 65536 ;;
    docx_xml|check|pdf_bytes) echo 262144 ;;
    doc_bytes) echo 131072 ;;
    text_keys|scanners) echo 4096 ;;
    deadline) echo 1024 ;;
    *) echo 1048576 ;;
  esac
}

# Token dictionary per target (libFuzzer -dict): PDF syntax and operators for pdf_bytes.
dict_args() {
  case $1 in
    pdf_bytes) echo "-dict=$PWD/fuzz/pdf.dict" ;;
  esac
}

# Prefixes each line with the seconds since the run started (when coverage last grew).
stamp() {
  local t0=$SECONDS l
  while IFS= read -r l; do printf '%6ds %s\n' $((SECONDS - t0)) "$l"; done
}

# document.xml, then 0xFF, then numbering.xml of each fixture: the split docx_xml and check make.
seed_docx_xml() {
  python3 - "$1" <<'PY'
import sys, zipfile, glob, os, hashlib
out = sys.argv[1]
for p in sorted(glob.glob("fixtures/**/*.docx", recursive=True)):
    try:
        z = zipfile.ZipFile(p)
        doc = z.read("word/document.xml")
        num = z.read("word/numbering.xml") if "word/numbering.xml" in z.namelist() else None
    except Exception:
        continue
    data = doc + (b"\xff" + num if num is not None else b"")
    open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb").write(data)
PY
}

seed() {
  local t=$1 dir=fuzz/corpus/$1
  mkdir -p "$dir"
  case $t in
    docx_bytes)
      find fixtures -name '*.docx' -exec cp -n {} "$dir"/ \; ;;
    pdf_bytes)
      find fixtures -name '*.pdf' -size -400k -exec cp -n {} "$dir"/ \; ;;
    doc_bytes)
      find fixtures/doc -type f -size -128k -exec cp -n {} "$dir"/ \; ;;
    rtf_bytes)
      find fixtures/rtf -name '*.rtf' -size -200k -exec cp -n {} "$dir"/ \; ;;
    html_text)
      find fixtures/html fixtures/text -type f -size -400k -exec cp -n {} "$dir"/ \; ;;
    check)
      # The same inputs as docx_xml (documents the reader makes plans of); its corpus, once
      # it has one, has the most.
      [ -d fuzz/corpus/docx_xml ] && cp -n fuzz/corpus/docx_xml/* "$dir"/ 2>/dev/null || true
      seed_docx_xml "$dir" ;;
    docx_xml)
      seed_docx_xml "$dir" ;;
    text_keys|deadline|scanners)
      # Strings from the reviewed records: contents, agencies, deadlines, metadata (and,
      # for the citation/date scanners, every line of the seed texts).
      python3 - "$dir" "$t" <<'PY'
import sys, json, glob, os, hashlib
out, target = sys.argv[1], sys.argv[2]
seen = set()
def walk(v, key=""):
    if isinstance(v, dict):
        for k, x in v.items(): walk(x, k)
    elif isinstance(v, list):
        for x in v: walk(x, key)
    elif isinstance(v, str) and v and (target != "deadline" or key == "text"):
        seen.add(v)
for p in glob.glob("golden/**/*.json", recursive=True) + glob.glob("fixtures/truth/*.json"):
    try: walk(json.load(open(p)))
    except Exception: pass
if target == "scanners":
    for p in glob.glob("fixtures/text/*.txt"):
        try: seen.update(l for l in open(p, encoding="utf-8").read().splitlines() if l.strip())
        except Exception: pass
for s in list(seen)[:3000]:
    b = s.encode()
    open(os.path.join(out, hashlib.sha1(b).hexdigest()), "wb").write(b)
PY
      ;;
  esac
}

cargo fuzz build -s "$san"
for t in "${targets[@]}"; do
  seed "$t"
  mkdir -p "fuzz/artifacts/$t"
  if [ $mode = merge ]; then
    rm -rf "fuzz/corpus/$t.merged" && mkdir "fuzz/corpus/$t.merged"
    cargo fuzz run -s "$san" "$t" "fuzz/corpus/$t.merged" "fuzz/corpus/$t" -- \
      -merge=1 -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$t")" \
      >"fuzz/artifacts/$t/merge.log" 2>&1
    echo "== $t: $(ls "fuzz/corpus/$t" | wc -l) -> $(ls "fuzz/corpus/$t.merged" | wc -l) files"
    rm -rf "fuzz/corpus/$t" && mv "fuzz/corpus/$t.merged" "fuzz/corpus/$t"
    continue
  fi
  n=1
  while [ -e "fuzz/artifacts/$t/run-$n.log" ]; do n=$((n + 1)); done
  echo "== $t: ${secs}s, log fuzz/artifacts/$t/run-$n.log"
  # -timeout is twice the fuzz limits' max_seconds: a timeout is a loop that ignores it.
  # The corpus is held in memory (pdf_bytes: hundreds of MB), so the RSS limit is high;
  # one allocation over 1 GB still counts as out-of-memory.
  cargo fuzz run -s "$san" "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -report_slow_units=1 \
    -max_len="$(max_len "$t")" -print_final_stats=1 $(dict_args "$t") ${FUZZ_ARGS:-} 2>&1 | stamp | tee "fuzz/artifacts/$t/run-$n.log" |
    grep -E 's #[0-9]+.*DONE|stat::|SUMMARY|ERROR|panicked|Slowest' || true
done
