#!/usr/bin/env bash
# bench/peer.sh (`make bench-peer`) — marsad against a FastAPI peer doing
# the same work, and against the libmicrohttpd ceiling, in one run.
#
# On bench/out/scale-N.db (N generated reports, imported once and reused as
# bench-scale does), four servers run side by side:
#   ceiling   bench/ceiling, a fixed 1 KB body (what the machine allows);
#   cached    marsad with its response cache, one target repeated;
#   rendered  marsad with --cache-mb 0: every answer rendered;
#   peer      bench/peer/app.py under uvicorn, 2 workers (Debian's
#             python3-fastapi and python3-uvicorn; installed when missing),
#             reading the same file read-only and answering the same bytes.
# Before measuring, bench/peer/check.py compares 120+ answers of marsad and
# the peer byte for byte; any difference stops the run.
#
# Rendered marsad and the peer get random targets (bench/peer/random.lua
# drawing from targets.py's lists: random ids of the corpus, random types
# and pages of figures, random pages of articles). wrk -c64 -t2 for each
# route and server in turn, BENCH_REPEATS rounds interleaved, the ceiling
# once a round; the table gives the medians (and the spread of the runs).
# Writes bench/out/peer.json and bench/out/peer.md, prints the table.
# Exit 1 when any measured run saw errors (the numbers are then not valid).
#
# Knobs (environment): BENCH_PEER_ARTICLES (10000), BENCH_REPEATS (3),
# BENCH_DURATION (8), BENCH_WARMUP (2), BENCH_CEILING_DURATION (5),
# BENCH_PEER_WORKERS (2), BENCH_PEER_PYTHON (/usr/bin/python3: Debian's,
# where apt installs the packages), BENCH_SEED (1), BENCH_DB_DIR,
# BENCH_REIMPORT=1, BENCH_NO_BUILD=1 (see bench/README.md).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init

N=${BENCH_PEER_ARTICLES:-10000}
REPEATS=${BENCH_REPEATS:-3}
DUR=${BENCH_DURATION:-8}
WARM=${BENCH_WARMUP:-2}
CEIL_DUR=${BENCH_CEILING_DURATION:-5}
WORKERS=${BENCH_PEER_WORKERS:-2}
PY=${BENCH_PEER_PYTHON:-/usr/bin/python3}
CONNS=64
THREADS=2

# The peer's packages, from Debian (not part of `make deps`).
if ! "$PY" -c 'import fastapi, uvicorn' 2>/dev/null; then
    bench_log "installing python3-fastapi and python3-uvicorn"
    sudo=
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    $sudo apt-get install -y -q python3-fastapi python3-uvicorn >&2 ||
        bench_die "cannot install python3-fastapi python3-uvicorn; install them and retry"
fi

# The peer runs as a supervisor and its worker processes: its CPU time (for
# wait_idle and the CPU shares) is theirs too. marsad and the ceiling have no
# children, so this is their own time as before.
cpu_ticks() {
    local p t sum=0
    for p in "$1" $(ps -o pid= --ppid "$1" 2>/dev/null); do
        t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null) || continue
        sum=$((sum + ${t:-0}))
    done
    kill -0 "$1" 2>/dev/null && echo "$sum" || echo gone
}

machine=$(bench_machine_json)
bench_log "$(bench_machine_md "$machine")"
load_before=$(uptime)
bench_log "load: $load_before"

db=$(bench_scale_db "$N")
targets=$BENCH_TMP/targets
"$PY" bench/peer/targets.py "$db" "$targets" --seed "${BENCH_SEED:-1}"

start_server ceiling 10 "$CEILING" --port 0 --threads "$THREADS"
ceiling_pid=$SRV_PID ceiling_url=http://127.0.0.1:$SRV_PORT
start_server cached 120 "$MARSAD" serve --port 0 --db "$db" --seeds "" --access-log=0 \
    --threads "$THREADS"
cached_pid=$SRV_PID cached_url=http://127.0.0.1:$SRV_PORT
start_server rendered 120 "$MARSAD" serve --port 0 --db "$db" --seeds "" --access-log=0 \
    --threads "$THREADS" --cache-mb 0
rendered_pid=$SRV_PID rendered_url=http://127.0.0.1:$SRV_PORT
start_server peer 60 "$PY" bench/peer/serve.py --db "$db" --port 0 --workers "$WORKERS"
peer_pid=$SRV_PID peer_url=http://127.0.0.1:$SRV_PORT
peer_line=$(curl -s -o /dev/null -w '%{http_code}' "$peer_url/v1/articles?limit=1")
[[ $peer_line == 200 ]] || bench_die "the peer answers HTTP $peer_line (see $BENCH_TMP/peer.log)"
bench_log "ceiling $ceiling_url, marsad $cached_url (cache) and $rendered_url (--cache-mb 0), peer $peer_url"

bench_log "checking the peer's answers against marsad's"
"$PY" bench/peer/check.py "$rendered_url" "$peer_url" "$targets" >"$BENCH_TMP/check.txt" ||
    { cat "$BENCH_TMP/check.txt" >&2; bench_die "the peer does not answer what marsad answers"; }
check_line=$(tail -1 "$BENCH_TMP/check.txt")
bench_log "$check_line"

routes=(article figures articles)
rows=()
# measure ROUND ROUTE MODE URL PID [TARGETS]
measure() {
    local round=$1 route=$2 mode=$3 url=$4 pid=$5 paths=${6:-} w script=bench/report.lua
    [[ -n $paths ]] && script=bench/peer/random.lua
    bench_log "round $round: $route, $mode"
    w=$(BENCH_SERVER_PID=$pid BENCH_WRK_SCRIPT=$script \
        wrk_run "peer-$round-$route-$mode" "$url" "$([[ $mode == ceiling ]] && echo "$CEIL_DUR" || echo "$DUR")" \
        "$WARM" "$CONNS" "$THREADS" "$paths")
    rows+=("$(jq -c --argjson r "$round" --arg route "$route" --arg m "$mode" \
        '{round: $r, route: $route, mode: $m} + .' <<<"$w")")
}

for ((round = 1; round <= REPEATS; round++)); do
    measure "$round" ceiling ceiling "$ceiling_url/" "$ceiling_pid"
    for route in "${routes[@]}"; do
        # The repeated target of the cached column: the first of the list.
        measure "$round" "$route" cached "$cached_url$(head -1 "$targets/$route.txt")" "$cached_pid"
        measure "$round" "$route" rendered "$rendered_url" "$rendered_pid" "$targets/$route.txt"
        measure "$round" "$route" peer "$peer_url" "$peer_pid" "$targets/$route.txt"
    done
done
load_after=$(uptime)

printf '%s\n' "${rows[@]}" | jq -s --argjson machine "$machine" --arg check "$check_line" \
    --arg lb "$load_before" --arg la "$load_after" --argjson n "$N" --argjson rep "$REPEATS" \
    --argjson dur "$DUR" --argjson warm "$WARM" --argjson workers "$WORKERS" \
    --arg peer "$("$PY" bench/peer/serve.py --stack | sed "s/, 2 workers/, $WORKERS workers/")" '
    def median: sort | if length == 0 then null elif length % 2 == 1 then .[length / 2 | floor]
                       else (.[length / 2 - 1] + .[length / 2]) / 2 end;
    def errs: .errors.connect + .errors.read + .errors.write + .errors.timeout + .non2xx
              + (if .requests == 0 then 1 else 0 end);
    {machine: $machine, articles: $n, repeats: $rep, duration_s: $dur, warmup_s: $warm,
     connections: 64, threads: 2, peer_workers: $workers, peer: $peer, check: $check,
     load_before: $lb, load_after: $la, runs: .,
     summary: (group_by([.route, .mode]) | map({key: "\(.[0].route) \(.[0].mode)", value: {
         rps: (map(.rps) | median), min: (map(.rps) | min), max: (map(.rps) | max),
         others_pct_max: (map(.cpu.others_pct) | max), errors: (map(errs) | add)}})
       | from_entries),
     errors_total: (map(errs) | add)}' >"$BENCH_OUT/peer.json"

{
    echo "# marsad and a FastAPI peer, same database, same answers"
    echo
    errs=$(jq .errors_total "$BENCH_OUT/peer.json")
    if [[ $errs != 0 ]]; then
        echo "**!!! THIS RUN HAD $errs ERRORS (non-2xx, timeouts or socket errors): not valid. See bench/out/raw/peer-*. !!!**"
        echo
    fi
    bench_machine_md "$machine"
    echo
    jq -r '"\(.articles) generated reports; wrk -c\(.connections) -t\(.threads), \(.duration_s) s per run after a \(.warmup_s) s warm-up, \(.repeats) rounds interleaved, medians (range of the runs); the peer: \(.peer). \(.check | sub("^check: "; "Checked: "))."' "$BENCH_OUT/peer.json"
    echo
    echo "Load before: \`$(jq -r .load_before "$BENCH_OUT/peer.json" | sed 's/^ *//')\`; after: \`$(jq -r .load_after "$BENCH_OUT/peer.json" | sed 's/^ *//')\`"
    echo
    echo "| route | marsad cached req/s (one target repeated) | marsad rendered req/s (\`--cache-mb 0\`, random targets) | peer req/s (random targets) | rendered ÷ peer | CPU of other processes, max % |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    jq -r '
        def k: if . >= 1000 then "\(. / 100 | round / 10) k" else "\(. | round)" end;
        def cell: "\(.rps | k) (\(.min | k)–\(.max | k))" + (if .errors > 0 then " **\(.errors) ERRORS**" else "" end);
        .summary as $s
        | [["article", "`/v1/articles/{id}`, random ids of \(.articles)"],
           ["figures", "`/v1/figures?type=T&limit=50`, random types and cursors"],
           ["articles", "`/v1/articles?limit=20`, random cursors"]][]
        | . as [$r, $shown]
        | "| \($shown) | \($s["\($r) cached"] | cell) | \($s["\($r) rendered"] | cell) | " +
          "\($s["\($r) peer"] | cell) | \($s["\($r) rendered"].rps / $s["\($r) peer"].rps * 100 | round / 100)× | " +
          "\([$s["\($r) cached"], $s["\($r) rendered"], $s["\($r) peer"]] | map(.others_pct_max) | max | round) |"' \
        "$BENCH_OUT/peer.json"
    echo
    jq -r '.summary as $s |
        "Ceiling (bare libmicrohttpd, 1 KB fixed body): \($s["ceiling ceiling"].rps / 100 | round / 10) k req/s (\($s["ceiling ceiling"].min / 100 | round / 10)–\($s["ceiling ceiling"].max / 100 | round / 10) k). " +
        "Article by id, rendered: \($s["article rendered"].rps / $s["ceiling ceiling"].rps * 1000 | round / 10) % of the ceiling; " +
        "cached: \($s["article cached"].rps / $s["ceiling ceiling"].rps * 1000 | round / 10) %."' "$BENCH_OUT/peer.json"
} >"$BENCH_OUT/peer.md"

cat "$BENCH_OUT/peer.md"
if [[ $(jq .errors_total "$BENCH_OUT/peer.json") != 0 ]]; then
    printf '\n!!! bench-peer: requests failed, timed out or were not 2xx: see the rows marked ERRORS !!!\n\n' >&2
    exit 1
fi
