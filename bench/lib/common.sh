# Shared helpers for bench/run sections. Source it; it defines:
#   ROOT, BENCH, QUICK (0/1), RUNS, WARMUP  - where things are and how hard to measure
#   ensure_hyperfine                        - installs hyperfine from Debian's packages if missing
#   jmh_jar                                 - prints the path of the JMH uber jar, building it if needed
#   hyperfine_table JSON REFERENCE          - markdown table: median/min/max and ratio of medians
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(dirname "$BENCH")"
QUICK="${QUICK:-0}"
if [ "$QUICK" = 1 ]; then RUNS="${RUNS:-5}"; WARMUP="${WARMUP:-1}"; else RUNS="${RUNS:-20}"; WARMUP="${WARMUP:-3}"; fi

ensure_hyperfine() {
  command -v hyperfine >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bench: installing hyperfine" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine) >/dev/null
  else
    echo "bench: hyperfine is needed (apt-get install hyperfine)" >&2
    return 1
  fi
}

jmh_jar() {
  local jar="$BENCH/target/benchmarks.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$ROOT" \( -name target -o -name .git \) -prune -o -path '*/src/main/*' -type f -newer "$jar" -print -quit)" ]; then
    (cd "$ROOT" && mvn -B -q -DskipTests -pl bench -am package) >&2
  fi
  echo "$jar"
}

hyperfine_table() {
  python3 "$BENCH/lib/hyperfine_table.py" "$@"
}
