#!/usr/bin/env bash
# Whole-process search beside `fzf --filter` on the same text, in the same run: wall time from
# start to printed answer (median and p99) and peak memory (median and max, from /usr/bin/time),
# for the built-in catalogue and for a 50,000-entry folder read from its compiled form (as every
# start after the first is). fzf is given the very same catalogue text: every TOML file, line by
# line.
#
#   cargo build --release
#   cargo run --release --example sample_catalogue -- 50000 /tmp/cat50k
#   benches/process.sh [FRONTDESK_BINARY] [/tmp/cat50k] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$here/target/release/frontdesk}"
large="${2:-/tmp/cat50k}"
runs="${3:-40}"
command -v fzf >/dev/null || { echo "fzf is not installed (apt-get install fzf)"; exit 1; }
[ -x "$bin" ] || { echo "no binary at $bin: cargo build --release first"; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export FRONTDESK_DATA_DIR="$work/data" FRONTDESK_CONFIG="$here/tests/fixtures/empty-config.toml"

# Microseconds of one run of "$@" (stdin from $input).
one() {
  local start end
  start=${EPOCHREALTIME/./}
  "$@" < "$input" > /dev/null 2>&1 || true
  end=${EPOCHREALTIME/./}
  echo $(( end - start ))
}

# Prints the median and p99 of a column of numbers (microseconds), in ms.
stats() {
  sort -n | awk '{ v[NR] = $1 } END {
    m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.99 + 0.999)]; if (p == "") p = v[NR];
    printf "median %7.1f ms  p99 %7.1f ms", m / 1000, p / 1000 }'
}

measure() {
  local name="$1" n="$2"; shift 2
  "$@" < "$input" > /dev/null 2>&1 || true   # warm the file cache (and make a compiled form)
  local times memory
  times=$(for _ in $(seq "$n"); do one "$@"; done | stats)
  memory=$(for _ in $(seq 5); do
    /usr/bin/time -f "%M" -o "$work/time" "$@" < "$input" > /dev/null 2>&1 || true
    tail -1 "$work/time"
  done | sort -n | awk '{ v[NR] = $1 } END { printf "peak memory median %6.1f MB  max %6.1f MB", v[3] / 1024, v[NR] / 1024 }')
  printf "  %-18s %s   %s   (%s runs)\n" "$name" "$times" "$memory" "$n"
}

text_of() { find "$1" -name '*.toml' | sort | xargs cat; }

for query in "council tax" "missed bin"; do
  echo "built-in catalogue, \"$query\":"
  text_of "$here/assets/catalogue" > "$work/builtin.txt"
  input="$work/builtin.txt"
  measure "frontdesk search" "$runs" env -u FRONTDESK_CATALOGUE "$bin" search "$query"
  measure "fzf --filter" "$runs" env fzf --filter "$query"
  if [ -d "$large" ]; then
    echo "50,000 entries ($large), \"$query\":"
    text_of "$large" > "$work/large.txt"
    input="$work/large.txt"
    n=$(( runs / 4 + 1 ))
    measure "frontdesk search" "$n" env FRONTDESK_CATALOGUE="$large" "$bin" search "$query"
    measure "fzf --filter" "$n" env fzf --filter "$query"
  fi
done
