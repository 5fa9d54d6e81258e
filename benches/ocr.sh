#!/usr/bin/env bash
# OCR bench: kehoach's OCR path against the `tesseract` command alone on the same page images.
#
#   benches/ocr.sh                       # fixtures/ocr/*.pdf
#   benches/ocr.sh /tmp/scans/*.pdf      # any scanned PDFs
#
# "tesseract alone" is each page's own image (pdfimages -all: the JPEG or bitmap the scanner
# stored, which is what kehoach reads) through `tesseract IMG stdout -l vie --psm 4 tsv`, one
# page after another, one engine thread (OMP_THREAD_LIMIT=1, as kehoach runs it).
# "kehoach, 1 thread" is `kehoach parse` with RAYON_NUM_THREADS=1 (pages one after another, the
# same work as tesseract alone plus decode, deskew, rules, the cells' second reading, cleanup
# and the plan); "kehoach" is the default (pages in parallel, bounded by cores).
# Prints pages/s, the ratio to tesseract alone and peak memory (max RSS, GNU time: the largest
# of the process and the children it waited for). Needs tesseract-ocr-vie, poppler-utils and
# /usr/bin/time.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
FILES=("$@")
[ ${#FILES[@]} -gt 0 ] || FILES=(fixtures/ocr/*.pdf)
cargo build -q --release -p kehoach
BIN=$ROOT/target/release/kehoach
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
pages=0
for f in "${FILES[@]}"; do
  d=$WORK/$(basename "$f" .pdf)
  mkdir -p "$d"
  pdfimages -all "$f" "$d/p"
  pages=$((pages + $(ls "$d" | wc -l)))
done
measure() { # label, command...: seconds and peak KB
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/t" "$@" >/dev/null 2>&1 || true
  read -r secs kb <"$WORK/t"
  echo "$label $secs $kb"
}
{
  measure "tesseract-alone" bash -c "for i in $WORK/*/p-*; do OMP_THREAD_LIMIT=1 tesseract \$i stdout -l vie --psm 4 tsv; done"
  measure "kehoach-1-thread" env RAYON_NUM_THREADS=1 "$BIN" parse --max-seconds 0 "${FILES[@]}"
  measure "kehoach" "$BIN" parse --max-seconds 0 "${FILES[@]}"
} >"$WORK/r"
base=$(awk '$1=="tesseract-alone"{print $2}' "$WORK/r")
echo "pages: $pages ($(nproc) cores)"
printf "%-18s %8s %9s %8s %10s\n" run seconds pages/s ratio "peak MB"
while read -r label secs kb; do
  awk -v l="$label" -v s="$secs" -v k="$kb" -v p="$pages" -v b="$base" \
    'BEGIN{printf "%-18s %8.2f %9.2f %8.2f %10.1f\n", l, s, p/s, s/b, k/1024}'
done <"$WORK/r"
