#!/usr/bin/env bash
# Scale bench of the store: generate N distinct plans from fixtures/docx, import them, reparse
# them (nothing changed), reparse again after a simulated parser change (every stored record
# tampered), and report docs/second, peak memory and store size.
#
#   benches/scale.sh 1000          # about a minute on 2 cores
#   benches/scale.sh 10000         # not for CI
#
# WORK=/path keeps the corpus and store there (default /tmp/kehoach-scale-N); the corpus is
# reused when present. Needs /usr/bin/time (GNU time).
set -euo pipefail
N=${1:-1000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/kehoach-scale-$N}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
JOBS=${JOBS:-2}

cd "$ROOT"
cargo build -q --release -j "$JOBS" -p kehoach -p kehoach-store --example gen_corpus
mkdir -p "$WORK"
# Copies, so that a rebuild during the run does not swap the binaries under it.
cp "$TARGET/release/kehoach" "$WORK/kehoach"
cp "$TARGET/release/examples/gen_corpus" "$WORK/gen_corpus"
BIN=$WORK/kehoach
GEN=$WORK/gen_corpus
if [ ! -f "$WORK/corpus.done" ]; then
  rm -rf "$WORK/corpus"
  "$GEN" "$WORK/corpus" "$N" 1
  touch "$WORK/corpus.done"
fi
DB=$WORK/kehoach.db
rm -f "$DB" "$DB-wal" "$DB-shm"

# run NAME CMD...: runs under GNU time, prints wall seconds, docs/s and peak RSS.
run() {
  local name=$1; shift
  /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || true
  local wall rss cpu
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$WORK/$name.time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/$name.time" \
    | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/$name.time")
  printf '%-16s %6d docs  %7.1f s wall  %7.1f s cpu  %7.1f docs/s  peak RSS %6.1f MB\n' \
    "$name" "$N" "$wall" "$cpu" "$(echo "$N / $wall" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "kehoach scale bench: N=$N, $(nproc) cores, corpus $(du -sh "$WORK/corpus" | cut -f1)"
run import "$BIN" import --db "$DB" --format json "$WORK/corpus"
run reimport "$BIN" import --db "$DB" --format json "$WORK/corpus"
run reparse "$BIN" reparse --db "$DB" --format json
# A parser change on every document: each stored record loses its last item.
"$BIN" query --db "$DB" plans --limit 1 > /dev/null
python3 - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE document SET record_json = json_remove(record_json, '$.items[#-1]') WHERE item_count > 0")
c.commit()
PY
run reparse-changed "$BIN" reparse --db "$DB" --format json
grep -o '"summary":{[^}]*}' "$WORK/reparse-changed.out" || true
echo "store: $(du -h "$DB" | cut -f1) ($(stat -c %s "$DB") bytes; WAL $(stat -c %s "$DB-wal" 2>/dev/null || echo 0) bytes)"
"$BIN" query --db "$DB" plans --format jsonl | wc -l | xargs echo "plans in store:"
