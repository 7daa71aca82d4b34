#!/usr/bin/env bash
# bench/run.sh (`make bench`) — marsad against the libmicrohttpd ceiling.
#
# Imports the seeds plus a generated 1k-report corpus into a scratch
# database, starts bench/ceiling (a bare libmicrohttpd server answering a
# fixed 1 KB JSON body, in marsad's threading mode) and marsad on that
# database, and drives both with wrk in the same run: 64 connections, 2
# threads, a short warm-up then ~10 s per endpoint. Then the extraction
# micro-benchmark. Writes bench/out/bench.json and bench/out/bench.md (and
# the raw wrk output under bench/out/raw/), prints the tables.
#
# Three tables, because marsad keeps finished GET answers in a per-thread
# response cache (server/cache.h) until the data changes:
#   - as asked: the endpoint's own target, again and again; after the first
#     request each thread answers from its cache;
#   - rendered: the same request with a target the cache does not keep (over
#     511 bytes: an integer parameter padded with percent-encoded zeros, which
#     means the same), so every answer is rendered: store, JSON, ETag. For
#     the article by id, which takes no parameter, one connection asks each
#     article once (the render service time; no throughput figure);
#   - gzip: the first three cached targets with `Accept-Encoding: gzip`, so
#     compression's cost shows against the same ceiling.
#
# The ceiling is measured at the start, in the middle and at the end (5 s
# each); the ratios use its median, and the spread of its runs shows the
# machine's drift. Each run also says how much CPU the server, wrk and the
# rest of the machine used: other processes make the numbers low and noisy.
#
# Exit status 1 when any measured run saw errors (non-2xx responses, socket
# errors, timeouts, or no answer at all): such numbers are not comparable.
# Missing a target is reported, not failed.
#
# Knobs (environment): BENCH_DURATION (10), BENCH_WARMUP (2),
# BENCH_CEILING_DURATION (5), BENCH_CEILING_MEMORY_KB (64), BENCH_CONNECTIONS (64), BENCH_THREADS (2: wrk
# threads and server pool), BENCH_CORPUS (1000 generated reports + the seeds;
# "seeds" for the seeds alone), BENCH_SEED (1), BENCH_COMPARE_PATH
# (/v1/figures/compare), BENCH_NO_BUILD=1 (use the binaries as they are).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init

DUR=${BENCH_DURATION:-10}
CEIL_DUR=${BENCH_CEILING_DURATION:-5}
# libmicrohttpd's per-connection memory pool; it is zeroed after every
# request, so its size is a per-request cost (see bench/ceiling.c).
CEIL_MEMORY_KB=${BENCH_CEILING_MEMORY_KB:-64}
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

# ---- import: the reports as .txt and as saved pages -------------------------
# Each into a fresh database (--json summary: bytes read and wall time), so
# that the page reader's cost shows beside the text import's.
import_json() { # import_json NAME DIR: the summary of one import into a fresh database
    "$MARSAD" import --db "$BENCH_TMP/import-$1.db" --json "$2" 2>/dev/null ||
        bench_die "marsad import of $2 failed"
}
imports='{}'
if [[ $CORPUS != seeds ]]; then
    bench_log "import of corpus-$CORPUS as .txt and as saved pages"
    imports=$(jq -n --argjson txt "$(import_json txt "$(bench_corpus "$CORPUS")")" \
        --argjson html "$(import_json html "$(bench_corpus "$CORPUS" --pages)")" '
        def rates: . + {mb_per_s: (.bytes / 1e6 / (.ms / 1000)),
                        articles_per_s: (.articles / (.ms / 1000))};
        {txt: ($txt | rates), html: ($html | rates)}')
fi

# ---- the servers ------------------------------------------------------------
start_server ceiling 10 "$CEILING" --port 0 --threads "$THREADS" --memory-kb "$CEIL_MEMORY_KB"
ceiling_pid=$SRV_PID
ceiling_url=http://127.0.0.1:$SRV_PORT
start_server marsad 120 "$MARSAD" serve --port 0 --db "$db" --seeds "" --access-log=0 \
    --threads "$THREADS"
marsad_pid=$SRV_PID
base=http://127.0.0.1:$SRV_PORT
bench_log "ceiling on $ceiling_url, marsad on $base"

q=$(bench_urlencode حلب)
# label | path | target ratio to the ceiling | kind | shown as
endpoints=(
    "article|/v1/articles/$ARTICLE_ID|0.50|single-article GET|/v1/articles/$ARTICLE_ID"
    "articles|/v1/articles?limit=20|0.30|list|/v1/articles?limit=20"
    "figures|/v1/figures?type=killed&limit=50|0.30|filter|/v1/figures?type=killed&limit=50"
    "search|/v1/articles?q=$q|0.15|search|/v1/articles?q=حلب"
    "compare|$COMPARE_PATH|0.30|filter|$COMPARE_PATH"
)
# The same requests, rendered every time (see the top of this file).
rendered=(
    "articles|/v1/articles?limit=$(uncached_int 20)|0.30|list|/v1/articles?limit=20"
    "figures|/v1/figures?type=killed&limit=$(uncached_int 50)|0.30|filter|/v1/figures?type=killed&limit=50"
    "search|/v1/articles?q=$q&limit=$(uncached_int 50)|0.15|search|/v1/articles?q=حلب"
    "compare|$COMPARE_PATH?min_claimants=$(uncached_int 2)|0.30|filter|$COMPARE_PATH"
)

rows=()
# run_one TABLE LABEL URL TARGET KIND SHOWN PID SECONDS WARMUP [PATHS MAX CONNS THREADS]
run_one() {
    local table=$1 label=$2 url=$3 target=$4 kind=$5 display=$6 pid=$7 secs=$8 warm=$9
    local paths=${10:-} max=${11:-} conns=${12:-$CONNS} threads=${13:-$THREADS}
    local status bytes took w
    read -r status bytes took < <(probe "$url")
    if [[ $label == compare && $status == 404 ]]; then
        bench_log "$display: HTTP 404: n/a (route not yet implemented)"
        rows+=("$(jq -nc --arg tb "$table" --arg l "$label" --arg p "$display" --arg k "$kind" \
            --argjson t "$target" \
            '{table: $tb, label: $l, path: $p, kind: $k, target: $t, status: 404,
              skipped: "n/a (route not yet implemented)"}')")
        return
    fi
    [[ $status == 200 ]] || bench_log "!!! $display answers HTTP $status before the run"
    if [[ -z $max ]]; then
        secs=$(run_seconds "$took" "$secs")
    else
        secs=$(pass_seconds "$took" "$max")
    fi
    bench_log "wrk [$table]: $display (${secs}s, $conns connections, $threads threads)"
    w=$(BENCH_SERVER_PID=$pid wrk_run "$table-$label" "$url" "$secs" "$warm" "$conns" "$threads" \
        "$paths" "$max")
    rows+=("$(jq -c --arg tb "$table" --arg l "$label" --arg p "$display" --arg k "$kind" \
        --argjson t "$target" --argjson s "$status" --argjson b "$bytes" \
        '{table: $tb, label: $l, path: $p, kind: $k, target: $t, status: $s, body_bytes: $b} + .' \
        <<<"$w")")
}
ceiling_run() {
    run_one ceiling "ceiling-$1" "$ceiling_url/" null ceiling "ceiling (1 KB fixed body)" \
        "$ceiling_pid" "$CEIL_DUR" 1
}

# The render service time of the article by id first, while no article is
# in the cache yet: one connection asks each article once.
ids=$BENCH_TMP/ids.txt
curl -s "$base/v1/articles?limit=500" | jq -r '.data[].id' | sed 's|^|/v1/articles/|' >"$ids"
n_ids=$(wc -l <"$ids")
run_one rendered article "$base$(head -1 "$ids")" 0.50 "single-article GET" \
    "/v1/articles/{id}, 1 connection, each of $n_ids ids at most once" "$marsad_pid" 0 0 "$ids" \
    "$n_ids" 1 1

ceiling_run 1
for e in "${endpoints[@]}"; do
    IFS='|' read -r label path target kind display <<<"$e"
    run_one cached "$label" "$base$path" "$target" "$kind" "$display" "$marsad_pid" "$DUR" "$WARM"
done
ceiling_run 2
for e in "${rendered[@]}"; do
    IFS='|' read -r label path target kind display <<<"$e"
    run_one rendered "$label" "$base$path" "$target" "$kind" "$display" "$marsad_pid" "$DUR" "$WARM"
done
# The cached routes again with gzip asked, as browsers ask: answers of 1 KiB
# and more are sent compressed, from the form the cache keeps.
for e in "${endpoints[@]:0:3}"; do
    IFS='|' read -r label path target kind display <<<"$e"
    BENCH_WRK_HEADER="Accept-Encoding: gzip" run_one gzip "$label" "$base$path" "$target" "$kind" \
        "$display (gzip)" "$marsad_pid" "$DUR" "$WARM"
done
ceiling_run 3

# RSS of marsad after the load.
rss=$(proc_memory "$marsad_pid")
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
    --argjson dur "$DUR" --argjson warm "$WARM" --argjson ceil_dur "$CEIL_DUR" \
    --argjson ceil_mem "$CEIL_MEMORY_KB" \
    --argjson store_errors "${marsad_errors:-0}" --argjson imports "$imports" '
    def median: sort | if length % 2 == 1 then .[(length - 1) / 2]
                       else (.[length / 2 - 1] + .[length / 2]) / 2 end;
    (map(select(.kind == "ceiling") | .rps) | median) as $ceiling
    | map(. + (if .rps == null then {} else
          {ratio: (.rps / $ceiling),
           errors_total: (.errors.connect + .errors.read + .errors.write + .errors.timeout
                          + .non2xx + (if .requests == 0 then 1 else 0 end)),
           meets_target: (if .target == null or .connections == 1 then null
                          else (.rps / $ceiling >= .target) end)}
          end)) as $rows
    | {machine: $machine,
       settings: {duration_s: $dur, warmup_s: $warm, ceiling_duration_s: $ceil_dur,
                  ceiling_memory_kb: $ceil_mem,
                  corpus: $corpus, import_summary: $imp},
       ceiling_rps: $ceiling,
       ceiling_runs: [$rows[] | select(.kind == "ceiling")],
       cached: [$rows[] | select(.table == "cached")],
       rendered: [$rows[] | select(.table == "rendered")],
       gzip: [$rows[] | select(.table == "gzip")],
       marsad_after_load: $rss, marsad_store_errors: $store_errors,
       extract: $extract, imports: $imports,
       errors_total: ([$rows[] | .errors_total // 0] | add)}
    ' >"$BENCH_OUT/bench.json"

table() { # the rows of .[$1] as markdown
    jq -r --arg t "$1" '
        def ms: . / 1000 * 100 | round / 100;
        .ceiling_runs[0].connections as $c
        | (if $t == "cached" then [.ceiling_runs | sort_by(.rps) | .[length / 2 | floor]
              | . + {path: "ceiling (1 KB fixed body), median run"}] else [] end) + .[$t]
        | .[] |
        if .skipped then
            "| `\(.path)` | \(.status) | | \(.skipped) | | | | ≥ \(.target * 100 | floor)% | | |"
        else
            "| `\(.path)` | \(.status) | \(.body_bytes) | " +
            "\(if .rps < 10 then (.rps * 10 | round / 10) else (.rps | floor) end) | " +
            "\(.latency_us.p50 | ms) | \(.latency_us.p99 | ms) | " +
            (if .kind == "ceiling" then "reference | "
             elif .connections == 1 then "(1 connection) | "
             else "\(.ratio * 1000 | round / 10)% | " end) +
            (if .target == null then "| " else "≥ \(.target * 100 | floor)% | " end) +
            (if .requests == 0 then "**NO REQUEST COMPLETED**"
             elif .errors_total > 0 then "**\(.errors_total) ERRORS** (\(.non2xx) non-2xx, \(.errors.timeout) timeouts)"
             elif .meets_target == null then ""
             elif .meets_target then "ok" else "**below target**" end) +
            " | \(.cpu.server_pct | round) / \(.cpu.wrk_pct | round) / \(.cpu.others_pct | round) |"
        end' "$BENCH_OUT/bench.json"
}

{
    echo "# marsad benchmark: marsad vs the libmicrohttpd ceiling"
    echo
    errs=$(jq '.errors_total' "$BENCH_OUT/bench.json")
    if [[ $errs != 0 ]]; then
        echo "**!!! THIS RUN HAD $errs ERRORS (non-2xx responses, socket errors or timeouts): the rows marked ERRORS are not valid. See bench/out/raw/. !!!**"
        echo
    fi
    bench_machine_md "$machine"
    echo
    jq -r '"wrk: \(.cached[0].connections) connections, \(.cached[0].threads) threads, " +
        "\(.settings.duration_s) s per endpoint (longer for slow ones) after a \(.settings.warmup_s) s warm-up; " +
        "wrk and the servers share the machine. Data: seeds + " +
        "\(if .settings.corpus == "seeds" then "nothing else" else "\(.settings.corpus) generated reports" end)" +
        " (\(.settings.import_summary))."' "$BENCH_OUT/bench.json"
    echo
    busy=$(jq '[(.ceiling_runs + .cached + .rendered + .gzip)[] | .cpu.others_pct // 0] | max' "$BENCH_OUT/bench.json")
    if jq -e '. > 10' <<<"$busy" >/dev/null; then
        echo "**Other processes used up to $busy% of the machine during a run (see the CPU column): the machine was not quiet; those rows are low and noisy.**"
        echo
    fi
    header="| endpoint | HTTP | body bytes | req/s | p50 ms | p99 ms | vs ceiling | target | | CPU % marsad / wrk / other |"
    rule="| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
    echo "## As asked (a repeated target: answered from marsad's response cache)"
    echo
    echo "$header"
    echo "$rule"
    table cached
    echo
    echo "## Rendered (a target the response cache does not keep: store, JSON and ETag every time)"
    echo
    echo "$header"
    echo "$rule"
    table rendered
    echo
    echo "## As asked, with \`Accept-Encoding: gzip\` (the cache's compressed form; body bytes as sent)"
    echo
    echo "$header"
    echo "$rule"
    table gzip
    echo
    jq -r '"Ceiling: \(.settings.ceiling_memory_kb) KiB connection memory pool; median of \(.ceiling_runs | length) runs of \(.settings.ceiling_duration_s) s " +
        "(start, middle, end): \(.ceiling_rps | floor) req/s; the runs: " +
        "\(.ceiling_runs | map(.rps | floor | tostring) | join(", ")). " +
        "marsad after the load: VmRSS \(.marsad_after_load.vmrss_kb / 1024 * 10 | round / 10) MiB " +
        "(anonymous \(.marsad_after_load.rssanon_kb / 1024 * 10 | round / 10), file \(.marsad_after_load.rssfile_kb / 1024 * 10 | round / 10)), " +
        "VmHWM \(.marsad_after_load.vmhwm_kb / 1024 * 10 | round / 10) MiB; " +
        "store errors logged: \(.marsad_store_errors)."' "$BENCH_OUT/bench.json"
    echo
    if jq -e '.imports.txt' "$BENCH_OUT/bench.json" >/dev/null; then
        echo "## Import (marsad import into a fresh database, wall time)"
        echo
        echo "| corpus | files | MB | articles | MB/s | articles/s |"
        echo "| --- | ---: | ---: | ---: | ---: | ---: |"
        jq -r '.imports | to_entries[] | .value as $v |
            "| \(.key | if . == "txt" then ".txt reports" else "the same as saved pages (HTML)" end) " +
            "| \($v.files) | \($v.bytes / 1e6 * 100 | round / 100) | \($v.articles) " +
            "| \($v.mb_per_s * 100 | round / 100) | \($v.articles_per_s | round) |"' "$BENCH_OUT/bench.json"
        echo
    fi
    echo "## Extraction (extract_document, data/seeds)"
    echo
    cat "$BENCH_OUT/raw/extract.txt"
} >"$BENCH_OUT/bench.md"

cat "$BENCH_OUT/bench.md"
errs=$(jq '.errors_total' "$BENCH_OUT/bench.json")
if [[ $errs != 0 ]]; then
    printf '\n!!! bench: %s requests failed, timed out or were not 2xx/3xx: those rows are NOT valid !!!\n\n' "$errs" >&2
    exit 1
fi
