#!/usr/bin/env bash
# Instructions per document for floor / read / parse (callgrind; repeatable under load).
# usage: tools/instr.sh FILE...   (needs valgrind and a release build of the loop example)
set -euo pipefail
bin=${LOOP_BIN:-target/release/examples/loop}
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" "$3" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
for f in "$@"; do
  line="$(basename "$f")"
  for mode in floor read parse; do
    a=$(count "$f" 5 "$mode"); b=$(count "$f" 25 "$mode")
    per=$(( (b - a) / 20 ))
    line="$line $mode=$per"
    eval "v_$mode=$per"
  done
  echo "$line parse/floor=$(python3 -c "print(round($v_parse/$v_floor,2))")"
done
