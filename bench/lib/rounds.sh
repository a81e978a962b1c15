# Rounds of whole processes that time themselves, for bench/sections/spawn and spawn-exit.
# Source it after setting jar (the JMH jar), java_bin and tmp; it defines case_reset, case_add,
# case_multi, run_rounds, list_commands, show and report (SpawnReport's tables).

# What the fragment shows: the jar and the C binaries by their repository paths.
show() {
  local s="$*"
  s="${s//$jar/bench/target/benchmarks.jar}"
  s="${s//$tmp\//bench/c/}"
  s="${s//$java_bin/java}"
  printf '%s' "$s"
}

# The cases of the current part. case_add NAME CMD: CMD prints "RESULT metric value" lines, filed
# under NAME. case_multi LIST SUFFIX CMD: CMD prints "RESULT metric value label...", filed under
# label + SUFFIX; LIST names them in the command list.
declare -a case_names case_suffixes case_lists case_cmds
case_reset() { case_names=(); case_suffixes=(); case_lists=(); case_cmds=(); }
case_add() { case_names+=("$1"); case_suffixes+=(""); case_lists+=("$1"); shift; case_cmds+=("$*"); }
case_multi() { case_names+=(""); case_lists+=("$1"); case_suffixes+=("$2"); shift 2; case_cmds+=("$*"); }

# run_rounds SAMPLES ROUNDS: runs every case once per round, in order, appending
# "case<TAB>round<TAB>metric<TAB>value" for each RESULT line.
run_rounds() {
  local samples="$1" rounds="$2" r i started=$SECONDS
  for ((r = 1; r <= rounds; r++)); do
    for i in "${!case_cmds[@]}"; do
      # shellcheck disable=SC2086 # the command is a word list on purpose
      ${case_cmds[$i]} </dev/null | awk -v name="${case_names[$i]}" -v suffix="${case_suffixes[$i]}" -v r="$r" '
        $1 == "RESULT" {
          c = name
          if (NF > 3) { c = $4; for (f = 5; f <= NF; f++) c = c " " $f; c = c suffix }
          printf "%s\t%s\t%s\t%s\n", c, r, $2, $3
        }' >> "$samples"
    done
  done
  echo "bench: $rounds round(s) of ${#case_cmds[@]} case(s) took $((SECONDS - started)) s" >&2
}

list_commands() {
  local i
  echo "Commands (each run once per round, in this order):"
  echo
  for i in "${!case_cmds[@]}"; do
    echo "- ${case_lists[$i]}: \`$(show "${case_cmds[$i]}")\`"
  done
  echo
}

report() { "$java_bin" -cp "$jar" io.procmux.bench.spawn.SpawnReport "$@"; }
