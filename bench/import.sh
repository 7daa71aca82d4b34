#!/usr/bin/env bash
# import.sh — how fast `marsad import` stores Arabic reports: MB of text per
# second of wall time and per second of CPU time (user + sys: the machine is
# shared, and other load stretches the wall time far more than the CPU
# time), and articles per second, on a fresh database at each size of
# BENCH_SIZES; then a second corpus of the largest size (another seed,
# other ids) imported on top of the first, which tells whether the
# throughput holds as the database grows. Each import is run plain and
# with --bulk (indexes and counts built once at the end).
#
#   bash bench/import.sh        (about 6 min with the defaults)
#
# Settings: BENCH_SIZES ("1000 10000"), BENCH_RUNS (3: the run with the
# least CPU is reported, and the spread), BENCH_IMPORT_DIR (where the
# databases go: /dev/shm when there is one, so that the disk is not what is
# measured; they are removed at the end), BENCH_NO_BUILD=1 (take build/marsad
# as it is). Corpora are generated under bench/out (corpus-N as make
# bench-corpus makes them; corpus-N-s2 the second one). Writes
# bench/out/import.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
O=${O:-build}
MARSAD=$O/marsad
GEN=$O/bench/gen_corpus
bench_need /usr/bin/time time
if [[ ${BENCH_NO_BUILD:-0} != 1 ]]; then
    make -s --no-print-directory O="$O" "$MARSAD" "$GEN" >&2
fi
read -r -a sizes <<<"${BENCH_SIZES:-1000 10000}"
RUNS=${BENCH_RUNS:-3}
DIR=${BENCH_IMPORT_DIR:-}
[[ -n $DIR ]] || { [[ -d /dev/shm && -w /dev/shm ]] && DIR=/dev/shm || DIR=$BENCH_OUT; }
mkdir -p "$BENCH_OUT/raw"
BENCH_TMP=$(mktemp -d "$DIR/marsad-import.XXXXXX")
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# A copy: a rebuild in the shared tree must not swap the binary mid-run.
cp "$MARSAD" "$BENCH_TMP/marsad"
MARSAD=$BENCH_TMP/marsad

text_bytes() { find "$1" -maxdepth 1 -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }

# run_import DB CORPUS [FLAG]: one `marsad import`; prints "wall_s cpu_s articles".
run_import() {
    local db=$1 corpus=$2 t=$BENCH_TMP/time log=$BENCH_TMP/import.log
    /usr/bin/time -f '%e %U %S' -o "$t" "$MARSAD" import --db "$db" ${3:+"$3"} "$corpus" 2>"$log" ||
        { tail -5 "$log" >&2; bench_die "marsad import failed on $corpus"; }
    local n
    n=$(sed -n 's/.*imported \([0-9]*\) articles.*/\1/p' "$log" | tail -1)
    awk -v n="$n" '{printf "%s %.2f %s\n", $1, $2 + $3, n}' "$t"
}

# row LABEL BYTES RESULTS...: the table row of the run with the least CPU.
row() {
    local label=$1 bytes=$2
    shift 2
    printf '%s\n' "$@" | sort -k2,2n | awk -v l="$label" -v b="$bytes" -v runs="$#" '
        NR == 1 { w = $1; c = $2; n = $3 }
        { cpus = cpus (NR > 1 ? ", " : "") $2 }
        END { printf "| %s | %.1f | %d | %.1f | %.1f | %.2f | %.2f | %.0f | %.0f | %s |\n",
                     l, b / 1e6, n, w, c, b / 1e6 / w, b / 1e6 / c, n / w, n / c, cpus }'
}

rows=()
modes=("" --bulk)
for n in "${sizes[@]}"; do
    corpus=$(bench_corpus "$n")
    bytes=$(text_bytes "$corpus")
    for mode in "${modes[@]}"; do
        results=()
        for ((r = 1; r <= RUNS; r++)); do
            db=$BENCH_TMP/fresh-$n${mode}.db
            rm -f "$db" "$db-wal" "$db-shm"
            results+=("$(run_import "$db" "$corpus" "$mode")")
            bench_log "fresh $n ${mode}, run $r: $(awk '{print $1 " s wall, " $2 " s CPU"}' <<<"${results[-1]}")"
        done
        rows+=("$(row "$n, fresh database${mode:+, $mode}" "$bytes" "${results[@]}")")
    done
done

# The largest size again, other reports, on top of its fresh database (kept
# from the last run above, copied for each run).
n=${sizes[-1]}
second=$BENCH_OUT/corpus-$n-s2
stamp="count=$n seed=2 prefix=s2_ inputs=$(cat bench/gen_corpus.c data/gazetteer.tsv data/sources.tsv | sha256sum | cut -c1-16)"
if [[ ! -f $second/.stamp || $(cat "$second/.stamp") != "$stamp" ]]; then
    bench_log "corpus-$n-s2: generating $n reports (seed 2, ids s2_...) into $second"
    rm -rf "$second"
    "$GEN" --count "$n" --out "$second" --seed 2 --data data >&2
    (cd "$second" && for f in gen_*.txt; do mv "$f" "s2_$f"; done)
    printf '%s\n' "$stamp" >"$second/.stamp"
fi
bytes=$(text_bytes "$second")
for mode in "${modes[@]}"; do
    results=()
    for ((r = 1; r <= RUNS; r++)); do
        db=$BENCH_TMP/top-$n.db
        rm -f "$db" "$db-wal" "$db-shm"
        cp "$BENCH_TMP/fresh-$n.db" "$db"
        [[ -f $BENCH_TMP/fresh-$n.db-wal ]] && cp "$BENCH_TMP/fresh-$n.db-wal" "$db-wal"
        results+=("$(run_import "$db" "$second" "$mode")")
        bench_log "$n on top of $n ${mode}, run $r: $(awk '{print $1 " s wall, " $2 " s CPU"}' <<<"${results[-1]}")"
    done
    rows+=("$(row "$n more, on top of $n${mode:+, $mode}" "$bytes" "${results[@]}")")
done

{
    echo "# marsad import throughput"
    echo
    echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, databases in $DIR, $RUNS runs each (the one with the least CPU shown)."
    echo
    echo "| import | text MB | articles | wall s | CPU s | MB/s wall | MB/s per CPU-s | articles/s wall | articles/s per CPU-s | CPU s of each run |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
    printf '%s\n' "${rows[@]}"
} >"$BENCH_OUT/import.md"
cat "$BENCH_OUT/import.md"
