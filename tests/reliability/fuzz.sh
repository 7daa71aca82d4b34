#!/usr/bin/env bash
# tests/reliability/fuzz.sh (`make fuzz`) — runs marsad's libFuzzer targets.
#
#   FUZZ_SECONDS=60 FUZZ_BIN=build/fuzz/fuzz bash tests/reliability/fuzz.sh [TARGET...]
#
# Each target (numbers extract query body page feed by default; tests/fuzz/fuzz_*.c)
# runs FUZZ_SECONDS (60) from its seed corpus tests/fuzz/corpus/TARGET/ plus
# what earlier runs found (build/fuzz/corpus/TARGET/, kept between runs and
# written by libFuzzer; the seeds in git are never written), FUZZ_JOBS
# targets at a time (the number of cores; in batches). AddressSanitizer,
# UndefinedBehaviorSanitizer (every finding fatal) and LeakSanitizer are on.
#
# A crash, a leak, a timeout (10 s for one input) or a broken invariant of
# the target stops that target; its input is kept as
# build/fuzz/artifacts/TARGET/crash-... and named in the summary. Make it a
# regression test: copy it to tests/fuzz/regressions/TARGET/ under a name
# that says what it does (`make test` replays that folder).
#
# Prints, and writes to build/fuzz/fuzz.md, per target: executions, execs/s,
# coverage (edges reached of the instrumented edges linked in), features
# and corpus size. Exits 1 when any target found something.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

SECS=${FUZZ_SECONDS:-60}
BIN=${FUZZ_BIN:-build/fuzz/fuzz}
JOBS=${FUZZ_JOBS:-$(nproc)}
OUT=build/fuzz
RUN=$OUT/run
targets=("$@")
((${#targets[@]})) || targets=(numbers extract query body page feed)
[[ $SECS =~ ^[0-9]+$ && $SECS -gt 0 ]] || { echo "fuzz: FUZZ_SECONDS must be a positive integer" >&2; exit 2; }

# The longest input tried, per target: a request target is at most 8 KiB
# (--max-url), documents and bodies are cut short to keep executions fast.
max_len() {
    case $1 in
    numbers) echo 4096 ;;
    extract) echo 16384 ;;
    query) echo 8192 ;;
    body) echo 16384 ;;
    page | feed) echo 65536 ;;
    *) echo 4096 ;;
    esac
}

pids=()
cleanup() {
    local p
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$RUN"
run_one() {
    local t=$1 dict=() shared=()
    mkdir -p "$OUT/corpus/$t" "$OUT/artifacts/$t"
    [[ -f tests/fuzz/$t.dict ]] && dict=(-dict="tests/fuzz/$t.dict")
    # The import tests' pages and feeds seed the readers as well: kept once,
    # in tests/data/pages, not copied into the fuzz corpus.
    [[ $t == page || $t == feed ]] && shared=(tests/data/pages)
    # exec: the pid cleanup() signals is timeout's, which passes the signal on;
    # timeout: a bound of its own in case libFuzzer itself hangs.
    exec timeout -k 10 $((SECS + 300)) "$BIN/fuzz_$t" -max_total_time="$SECS" -timeout=10 \
        -rss_limit_mb=2048 -max_len="$(max_len "$t")" -print_final_stats=1 \
        -artifact_prefix="$OUT/artifacts/$t/" "${dict[@]}" \
        "$OUT/corpus/$t" "tests/fuzz/corpus/$t" "${shared[@]}" >"$RUN/$t.log" 2>&1
}

for t in "${targets[@]}"; do
    [[ -x $BIN/fuzz_$t ]] || { echo "fuzz: $BIN/fuzz_$t is missing (make fuzz-build)" >&2; exit 2; }
    [[ -d tests/fuzz/corpus/$t ]] || { echo "fuzz: no seed corpus tests/fuzz/corpus/$t" >&2; exit 2; }
done
echo "fuzz: ${targets[*]}, ${SECS} s each, $JOBS at a time (logs in $RUN/)"
declare -A rc
# In batches of JOBS: each batch waits for its slowest target (they all
# run FUZZ_SECONDS unless one stops early on a finding).
for ((b = 0; b < ${#targets[@]}; b += JOBS)); do
    batch=("${targets[@]:b:JOBS}")
    pids=()
    for t in "${batch[@]}"; do
        run_one "$t" &
        pids+=($!)
    done
    for k in "${!batch[@]}"; do
        if wait "${pids[$k]}"; then rc[${batch[$k]}]=0; else rc[${batch[$k]}]=$?; fi
    done
done
pids=()

{
    echo "# make fuzz: ${SECS} s per target"
    echo
    echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $JOBS targets at a time, $(clang --version | head -1)"
    echo
    echo "| target | executions | execs/s | edges reached | of edges | features | corpus | peak RSS MB | result |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
    for t in "${targets[@]}"; do
        log=$RUN/$t.log
        # (|| true: a log without the line must not end the script under pipefail)
        total=$(grep -aoE 'Loaded [0-9]+ modules +\(([0-9]+) inline 8-bit counters\)' "$log" | grep -oE '\([0-9]+' | tr -d '(' | awk 'NR == 1' || true)
        last=$(grep -aE '^#[0-9]+' "$log" | grep -a 'cov:' | tail -1 || true)
        cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
        ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
        corp=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$last")
        execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -1)
        eps=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log" | tail -1)
        rss=$(sed -nE 's/^stat::peak_rss_mb: *([0-9]+)/\1/p' "$log" | tail -1)
        pct=
        [[ -n $cov && -n $total && $total -gt 0 ]] && pct=" ($(awk -v a="$cov" -v b="$total" 'BEGIN {printf "%.1f%%", 100 * a / b}'))"
        if [[ ${rc[$t]} == 0 ]]; then
            result=ok
        else
            art=$(grep -aoE 'Test unit written to [^ ]+' "$log" | tail -1 | sed 's/Test unit written to //' || true)
            why=$(grep -aE -m1 'fuzz: invariant broken|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|SUMMARY' "$log" | cut -c1-200 || true)
            result="**FOUND** (exit ${rc[$t]}): ${why:-see $log}${art:+; input: \`$art\`}"
        fi
        echo "| $t | ${execs:-?} | ${eps:-?} | ${cov:-?}${pct} | ${total:-?} | ${ft:-?} | ${corp:-?} | ${rss:-?} | $result |"
    done
} | tee "$OUT/fuzz.md"
failed=0
for t in "${targets[@]}"; do [[ ${rc[$t]} == 0 ]] || failed=1; done
if ((failed)); then
    echo
    echo "fuzz: a target found a crash, a leak or a broken invariant: see the logs in $RUN/."
    echo "fuzz: copy each input named above to tests/fuzz/regressions/TARGET/ (make test replays it)."
    exit 1
fi
