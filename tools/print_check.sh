#!/usr/bin/env bash
# Prints kehoach's xlsx export the way an office would, with LibreOffice, and checks the pages:
# every page A4 landscape, every page of the items sheet carrying the whole header row (all
# columns on one page wide, the header repeated), and the page count. Run it in CI where
# LibreOffice Calc (libreoffice-calc-nogui) and poppler-utils are installed; without them it
# says so and exits 0 (the cargo tests check the workbook's print settings without them).
#
#   tools/print_check.sh [PLAN FILES OR DIRS...]   (default: fixtures/plans fixtures/docx)
#   KEHOACH=path/to/kehoach tools/print_check.sh   (default: target/release/kehoach, built)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in soffice pdfinfo pdftotext; do
    if ! command -v "$tool" >/dev/null; then
        echo "print_check: SKIPPED: $tool not installed (apt-get install libreoffice-calc-nogui poppler-utils)"
        # CI installs them (.ci/run) and sets KEHOACH_REQUIRE_TOOLS=1: there a skip is a failure.
        [ "${KEHOACH_REQUIRE_TOOLS:-0}" = 1 ] && exit 1
        exit 0
    fi
done

KEHOACH=${KEHOACH:-target/release/kehoach}
if [ ! -x "$KEHOACH" ]; then
    cargo build --release -q -p kehoach
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $# -eq 0 ]; then
    set -- fixtures/plans fixtures/docx
fi
# import takes the plan files it reads (.docx .pdf .html .txt …) and skips the rest; a
# broken file among them is reported, not fatal.
"$KEHOACH" import --db "$work/k.db" --check "$@" >/dev/null 2>&1 || true
"$KEHOACH" export --db "$work/k.db" -f xlsx -o "$work/ke-hoach.xlsx"
SECONDS=0
# A private profile: no clash with a LibreOffice the user has open.
soffice -env:UserInstallation=file://"$work/profile" --headless \
    --convert-to pdf --outdir "$work" "$work/ke-hoach.xlsx" >/dev/null 2>&1
secs=$SECONDS
pdf="$work/ke-hoach.pdf"
[ -f "$pdf" ] || { echo "print_check: FAILED: LibreOffice made no PDF"; exit 1; }
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
fail=0
items_pages=0
for p in $(seq 1 "$pages"); do
    size=$(pdfinfo -f "$p" -l "$p" "$pdf" | awk '/^Page.*size:/ {print $4, $6; exit}')
    # A4 landscape: 841.89 x 595.28 pt.
    case "$size" in
        841.89\ 595.*) ;;
        *) echo "page $p: not A4 landscape ($size pt)"; fail=1 ;;
    esac
    # Columns are never split: a page starting the items header carries its last column too.
    page=$(pdftotext -layout -f "$p" -l "$p" "$pdf" - | tr -s ' \n' ' ')
    if [[ "$page" == *"Nội dung công việc"* ]]; then
        items_pages=$((items_pages + 1))
        if [[ "$page" != *"Tệp nguồn"* || "$page" != *"Mã kế"* ]]; then
            echo "page $p: the items header is not whole (columns split over pages)"
            fail=1
        fi
    fi
    if [[ "$page" != *"Trang $p/$pages"* ]]; then
        echo "page $p: no footer 'Trang $p/$pages'"
        fail=1
    fi
done
plans=$("$KEHOACH" query plans --db "$work/k.db" -f jsonl | wc -l)
items=$("$KEHOACH" query items --db "$work/k.db" -f jsonl | wc -l)
echo "print_check: $plans plans, $items items -> $pages A4 landscape pages ($items_pages of items) in ${secs}s"
if [ "$fail" -ne 0 ]; then
    echo "print_check: FAILED"
    exit 1
fi
echo "print_check: ok"
