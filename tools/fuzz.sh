#!/usr/bin/env bash
# Fuzz the readers and the text normaliser with cargo-fuzz (libFuzzer) on the stable toolchain.
#
# usage: tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   targets: docx_bytes docx_xml text_keys deadline scanners pdf_bytes html_text (default: all)
#   needs:   cargo install cargo-fuzz   (RUSTC_BOOTSTRAP=1 lets libFuzzer's nightly flags
#            build on stable; set it for this script only)
# Extra libFuzzer flags: FUZZ_ARGS="-max_len=65536" tools/fuzz.sh …
# Corpora start from the fixtures (fuzz/corpus/<target>, not committed); crashes land in
# fuzz/artifacts/<target>/. Each crash found becomes a fixed bug plus a regression file in
# fixtures/hostile/, which `cargo test` (tests/hostile.rs) reads; CI never runs the fuzzers.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-240}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=($(sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v kehoach-fuzz))
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/fuzz/target}
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2}

seed() {
  local t=$1 dir=fuzz/corpus/$1
  mkdir -p "$dir"
  case $t in
    docx_bytes)
      find fixtures -name '*.docx' -exec cp -n {} "$dir"/ \; ;;
    pdf_bytes)
      find fixtures -name '*.pdf' -size -400k -exec cp -n {} "$dir"/ \; ;;
    html_text)
      find fixtures/html fixtures/text -type f -size -400k -exec cp -n {} "$dir"/ \; ;;
    docx_xml)
      # document.xml, then 0xFF, then numbering.xml: the split the target makes.
      python3 - "$dir" <<'PY'
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
      ;;
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

cargo fuzz build
for t in "${targets[@]}"; do
  seed "$t"
  mkdir -p "fuzz/artifacts/$t"
  echo "== $t: ${secs}s"
  cargo fuzz run "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 \
    -max_len=1048576 -print_final_stats=1 ${FUZZ_ARGS:-} 2>&1 | tee "fuzz/artifacts/$t/last_run.log" |
    grep -E '^#[0-9]+.*DONE|stat::|SUMMARY|ERROR|panicked' || true
done
