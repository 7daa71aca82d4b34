#!/usr/bin/env bash
# bench/run.sh (`make bench`) — marsad against the libmicrohttpd ceiling.
#
# Imports the seeds plus a generated 1k-report corpus into a scratch
# database, starts bench/ceiling (a bare libmicrohttpd server answering a
# fixed 1 KB JSON body, in marsad's threading mode) and marsad on that
# database, and drives both with wrk in the same run: 64 connections, 2
# threads, a short warm-up then ~10 s per endpoint. The ceiling is measured
# before every endpoint and at the end (5 s each); the ratios use its
# median, and the spread of its runs shows the machine's drift. Then the extraction
# micro-benchmark. Writes bench/out/bench.json and bench/out/bench.md (and
# the raw wrk output under bench/out/raw/), prints the table.
#
# Exit status 1 when any measured run saw errors (non-2xx responses or
# socket errors): such numbers are not comparable. Missing a target is
# reported, not failed.
#
# Knobs (environment): BENCH_DURATION (10), BENCH_WARMUP (2),
# BENCH_CEILING_DURATION (5),
# BENCH_CONNECTIONS (64), BENCH_THREADS (2: wrk threads and server pool),
# BENCH_CORPUS (1000 generated reports + the seeds; "seeds" for the seeds
# alone), BENCH_SEED (1), BENCH_COMPARE_PATH (/v1/figures/compare).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init

DUR=${BENCH_DURATION:-10}
CEIL_DUR=${BENCH_CEILING_DURATION:-5}
WARM=${BENCH_WARMUP:-2}
CONNS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
CORPUS=${BENCH_CORPUS:-1000}
COMPARE_PATH=${BENCH_COMPARE_PATH:-/v1/figures/compare}
ARTICLE_ID=000_e1e3e40d7f5e5c95 # a seed: a real 4 KB report with 15 figures

machine=$(bench_machine_json)
bench_log "$(bench_machine_md "$machine")"

# ---- the data ---------------------------------------------------------------
db=$BENCH_TMP/bench.db
import_dirs=(data/seeds)
if [[ $CORPUS != seeds ]]; then
    import_dirs+=("$(bench_corpus "$CORPUS")")
fi
bench_log "importing ${import_dirs[*]}"
import_line=$("$MARSAD" import --db "$db" "${import_dirs[@]}" 2>&1 | grep 'marsad: imported' || true)
[[ -n $import_line ]] || bench_die "marsad import printed no summary"
bench_log "${import_line#marsad: }"

# ---- the servers ------------------------------------------------------------
start_server ceiling 10 "$CEILING" --port 0 --threads "$THREADS"
ceiling_pid=$SRV_PID
ceiling_url=http://127.0.0.1:$SRV_PORT
start_server marsad 120 "$MARSAD" serve --port 0 --db "$db" --seeds "" --access-log=0 \
    --threads "$THREADS"
marsad_pid=$SRV_PID
base=http://127.0.0.1:$SRV_PORT
bench_log "ceiling on $ceiling_url, marsad on $base"

q=$(bench_urlencode حلب)
# label | path | target ratio to the ceiling | what the target is for
endpoints=(
    "article|/v1/articles/$ARTICLE_ID|0.50|single-article GET"
    "articles|/v1/articles?limit=20|0.30|list"
    "figures|/v1/figures?type=killed&limit=50|0.30|filter"
    "search|/v1/articles?q=$q|0.15|search"
    "compare|$COMPARE_PATH|0.30|filter"
)

rows=()
run_one() { # label url target kind display server-pid seconds warm-up
    local label=$1 url=$2 target=$3 kind=$4 display=$5 pid=$6 secs=$7 warm=$8 status bytes w
    read -r status bytes < <(probe "$url")
    if [[ $label == compare && $status != 200 ]]; then
        bench_log "$display: HTTP $status: n/a (route not yet implemented)"
        rows+=("$(jq -nc --arg l "$label" --arg p "$display" --arg k "$kind" \
            --argjson t "$target" --arg s "$status" \
            '{label: $l, path: $p, kind: $k, target: $t, status: ($s | tonumber),
              skipped: "n/a (route not yet implemented)"}')")
        return
    fi
    [[ $status == 200 ]] || bench_log "!!! $display answers HTTP $status before the run"
    bench_log "wrk: $display (${secs}s, $CONNS connections, $THREADS threads)"
    w=$(BENCH_SERVER_PID=$pid wrk_run "$label" "$url" "$secs" "$warm" "$CONNS" "$THREADS")
    rows+=("$(jq -c --arg l "$label" --arg p "$display" --arg k "$kind" --argjson t "$target" \
        --argjson s "$status" --argjson b "$bytes" \
        '{label: $l, path: $p, kind: $k, target: $t, status: $s, body_bytes: $b} + .' <<<"$w")")
}

# The ceiling is measured before every endpoint and once more at the end;
# its median is the reference. This VM's speed drifts by tens of percent
# over minutes, and one ceiling run at the start would carry that drift
# into every ratio.
ceiling_run() {
    ((++n_ceiling))
    run_one "ceiling-$n_ceiling" "$ceiling_url/" null ceiling "ceiling (1 KB fixed body)" \
        "$ceiling_pid" "$CEIL_DUR" 1
}
n_ceiling=0
for e in "${endpoints[@]}"; do
    IFS='|' read -r label path target kind <<<"$e"
    display=$path
    [[ $label == search ]] && display="/v1/articles?q=حلب"
    ceiling_run
    run_one "$label" "$base$path" "$target" "$kind" "$display" "$marsad_pid" "$DUR" "$WARM"
done
ceiling_run

# RSS of marsad after the load.
rss=$(awk '/^VmRSS/ {r = $2} /^VmHWM/ {h = $2} END {printf "{\"vmrss_kb\":%d,\"vmhwm_kb\":%d}", r, h}' \
    "/proc/$marsad_pid/status")
marsad_errors=$(grep -c 'store error' "$BENCH_TMP/marsad.log" || true)
stop_server "$marsad_pid"
stop_server "$ceiling_pid"

# ---- extraction -------------------------------------------------------------
bench_log "extract_bench over data/seeds"
"$EXTRACT_BENCH" --dir data/seeds --reps 9 --min-ms 100 --json "$BENCH_TMP/extract.json" \
    >"$BENCH_OUT/raw/extract.txt"
extract=$(cat "$BENCH_TMP/extract.json")

# ---- the report -------------------------------------------------------------
printf '%s\n' "${rows[@]}" | jq -s \
    --argjson machine "$machine" --argjson extract "$extract" --argjson rss "$rss" \
    --arg imp "${import_line#marsad: }" --arg corpus "$CORPUS" \
    --argjson dur "$DUR" --argjson warm "$WARM" --argjson ceil_dur "$CEIL_DUR" --argjson store_errors "${marsad_errors:-0}" '
    (map(select(.kind == "ceiling") | .rps) | sort) as $c
    | (if ($c | length) % 2 == 1 then $c[($c | length - 1) / 2]
       else ($c[($c | length) / 2 - 1] + $c[($c | length) / 2]) / 2 end) as $ceiling
    | (map(select(.kind == "ceiling")) | min_by((.rps - $ceiling) | fabs)) as $median_run
    | {machine: $machine,
       settings: {duration_s: $dur, warmup_s: $warm, ceiling_duration_s: $ceil_dur,
                  corpus: $corpus, import_summary: $imp},
       ceiling_rps: $ceiling,
       ceiling_runs_rps: map(select(.kind == "ceiling") | .rps),
       endpoints: ([$median_run + {path: "ceiling (1 KB fixed body), median of \($c | length) runs"}]
                   + map(select(.kind != "ceiling"))
                   | map(. + (if .rps == null then {} else
           {ratio: (.rps / $ceiling),
            errors_total: (.errors.connect + .errors.read + .errors.write + .errors.timeout
                           + .non2xx + (if .requests == 0 then 1 else 0 end)),
            meets_target: (if .target == null then null else (.rps / $ceiling >= .target) end)}
           end))),
       ceiling_all: map(select(.kind == "ceiling")),
       marsad_after_load: $rss, marsad_store_errors: $store_errors,
       extract: $extract}
    | .errors_total = ([(.endpoints + .ceiling_all)[] | .errors_total // 0] | add)
    ' >"$BENCH_OUT/bench.json"

{
    echo "# marsad benchmark: marsad vs the libmicrohttpd ceiling"
    echo
    errs=$(jq '.errors_total' "$BENCH_OUT/bench.json")
    if [[ $errs != 0 ]]; then
        echo "**!!! THIS RUN HAD $errs ERRORS (non-2xx responses or socket errors): its numbers are not valid. See bench/out/raw/. !!!**"
        echo
    fi
    bench_machine_md "$machine"
    echo
    jq -r '"wrk: \(.endpoints[0].connections) connections, \(.endpoints[0].threads) threads, " +
        "\(.settings.duration_s) s per endpoint after a \(.settings.warmup_s) s warm-up; " +
        "wrk and the servers share the machine. Data: seeds + " +
        "\(if .settings.corpus == "seeds" then "nothing else" else "\(.settings.corpus) generated reports" end)" +
        " (\(.settings.import_summary))."' "$BENCH_OUT/bench.json"
    echo
    busy=$(jq '[(.endpoints + .ceiling_all)[] | .cpu.others_pct // 0] | max' "$BENCH_OUT/bench.json")
    if jq -e '. > 10' <<<"$busy" >/dev/null; then
        echo "**Other processes used up to $busy% of the machine during a run (see the CPU column): this machine was not quiet, the numbers are low and noisy.**"
        echo
    fi
    echo "| endpoint | HTTP | body bytes | req/s | p50 ms | p99 ms | vs ceiling | target | | CPU % server / wrk / other |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
    jq -r '.endpoints[] |
        if .skipped then
            "| `\(.path)` | \(.status) | | \(.skipped) | | | | ≥ \(.target * 100 | floor)% | | |"
        else
            "| `\(.path)` | \(.status) | \(.body_bytes) | " +
            "\(if .rps < 10 then (.rps * 10 | round / 10) else (.rps | floor) end) | " +
            "\(.latency_us.p50 / 1000 * 100 | round / 100) | \(.latency_us.p99 / 1000 * 100 | round / 100) | " +
            (if .kind == "ceiling" then "reference | " else "\(.ratio * 1000 | round / 10)% | " end) +
            (if .target == null then "| " else "≥ \(.target * 100 | floor)% | " end) +
            (if .requests == 0 then "**NO REQUEST COMPLETED**"
             elif .errors_total > 0 then "**\(.errors_total) ERRORS** (\(.non2xx) non-2xx, \(.errors.timeout) timeouts)"
             elif .target == null then ""
             elif .meets_target then "ok" else "**below target**" end) +
            " | \(.cpu.server_pct | round) / \(.cpu.wrk_pct | round) / \(.cpu.others_pct | round) |"
        end' "$BENCH_OUT/bench.json"
    echo
    jq -r '"Ceiling: median of \(.ceiling_runs_rps | length) runs of \(.settings.ceiling_duration_s) s " +
        "(one before each endpoint, one at the end): \(.ceiling_rps | floor) req/s; the runs: " +
        "\(.ceiling_runs_rps | map(floor | tostring) | join(", ")). " +
        "marsad after the load: VmRSS \(.marsad_after_load.vmrss_kb / 1024 * 10 | round / 10) MiB, " +
        "VmHWM \(.marsad_after_load.vmhwm_kb / 1024 * 10 | round / 10) MiB; " +
        "store errors logged: \(.marsad_store_errors)."' "$BENCH_OUT/bench.json"
    echo
    echo "## Extraction (extract_document, data/seeds)"
    echo
    cat "$BENCH_OUT/raw/extract.txt"
} >"$BENCH_OUT/bench.md"

cat "$BENCH_OUT/bench.md"
errs=$(jq '.errors_total' "$BENCH_OUT/bench.json")
if [[ $errs != 0 ]]; then
    printf '\n!!! bench: %s requests failed or were not 2xx/3xx: the numbers above are NOT valid !!!\n\n' "$errs" >&2
    exit 1
fi
