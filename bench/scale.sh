#!/usr/bin/env bash
# bench/scale.sh (`make bench-scale`) — does marsad stay flat as the corpus
# grows?
#
# For each size (1k, 10k, 100k reports; 1M with BENCH_1M=1):
#   1. the corpus: bench/out/corpus-N from gen_corpus (kept, reused while
#      the generator, its data and the seed are unchanged);
#   2. import: `marsad import --db bench/out/scale-N.db corpus-N` into a new
#      database; MB/s of text and articles/s from its own summary line
#      (its "in X ms"), and the database's size;
#   3. start-up on that existing database (`serve --seeds ""`, nothing to
#      import): process start to the "marsad listening on" line, several
#      times, the median;
#   4. latency: p50/p99 and req/s of the endpoints of `make bench` under
#      wrk (64 connections, 2 threads, short runs), and the p50 of one
#      connection alone (the service time, without queueing); the by-id GET
#      rotates through 1000 ids spread over the corpus;
#   5. VmRSS and VmHWM of the server after the load, and its anonymous
#      memory less the page caches it was given (BENCH_PAGE_CACHE_MB, 16,
#      per connection; the response cache, BENCH_CACHE_MB, 32, counts as
#      marsad's own).
# Writes bench/out/scale.json and bench/out/scale.md, prints the tables.
#
#   bash bench/scale.sh [--corpus-only]    (--corpus-only: step 1 only)
#
# Knobs (environment): BENCH_SIZES ("1000 10000 100000"), BENCH_1M=1 (adds
# 1000000: ~3.7 GB of text and, at ~25 KB per article, ~25 GB of database;
# refused without 40 GB free), BENCH_DURATION (5), BENCH_WARMUP (1),
# BENCH_C1_DURATION (2), BENCH_STARTUP_RUNS (5), BENCH_SEED (1),
# BENCH_DB_DIR (bench/out; the databases are kept there for profiling),
# BENCH_REIMPORT=1 (import even when the database can be reused).
#
# Reuse: importing is by far the slowest step (marsad import slows down as
# the database grows: ~1 h for 100k reports on this VM's disk), and its
# result depends only on the corpus and the import code. So scale-N.db is
# kept with a record of its import (scale-N.import.json) and reused while
# the corpus and every file the import runs (schema.sql, db/, ingest/,
# extract/, data/) are unchanged; the import figures shown are then the
# recorded ones, marked "(recorded)". Server-side changes never need a new
# import.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init

corpus_only=false
[[ ${1:-} == --corpus-only ]] && corpus_only=true

read -r -a sizes <<<"${BENCH_SIZES:-1000 10000 100000}"
if [[ ${BENCH_1M:-0} == 1 ]]; then
    avail_gb=$(df -BG --output=avail "$BENCH_OUT" | tail -1 | tr -dc 0-9)
    if ((avail_gb < 40)) && [[ ! -f ${BENCH_DB_DIR:-$BENCH_OUT}/scale-1000000.db ]]; then
        bench_die "BENCH_1M=1 needs ~40 GB free under $BENCH_OUT (corpus + database); $avail_gb GB free"
    fi
    sizes+=(1000000)
fi

if $corpus_only; then
    for n in "${sizes[@]}"; do bench_corpus "$n" >/dev/null; done
    exit 0
fi

DUR=${BENCH_DURATION:-5}
WARM=${BENCH_WARMUP:-1}
C1_DUR=${BENCH_C1_DURATION:-2}
STARTUP_RUNS=${BENCH_STARTUP_RUNS:-5}
DB_DIR=${BENCH_DB_DIR:-$BENCH_OUT}
# The server's caches, as its defaults: SQLite's page cache per connection
# (2 polling threads + the writer: 3) and the response cache in all. The
# report subtracts the page caches from the anonymous memory: the rest is
# what marsad itself holds.
PAGE_CACHE_MB=${BENCH_PAGE_CACHE_MB:-16}
CACHE_MB=${BENCH_CACHE_MB:-32}
mkdir -p "$DB_DIR"
machine=$(bench_machine_json)
bench_log "$(bench_machine_md "$machine")"
q=$(bench_urlencode حلب)

# label | target as asked | target rendered every time | shown as
# (The response cache does not keep targets over 511 bytes: see
# uncached_int in lib.sh. The article by id takes no parameter: its
# rendered runs rotate through the corpus's ids instead.)
endpoints=(
    "article|/v1/articles/gen_0000001|IDS|/v1/articles/{id}"
    "articles|/v1/articles?limit=20|/v1/articles?limit=$(uncached_int 20)|/v1/articles?limit=20"
    "figures|/v1/figures?type=killed&limit=50|/v1/figures?type=killed&limit=$(uncached_int 50)|/v1/figures?type=killed&limit=50"
    "search|/v1/articles?q=$q|/v1/articles?q=$q&limit=$(uncached_int 50)|/v1/articles?q=حلب"
    "compare|/v1/figures/compare|/v1/figures/compare?min_claimants=$(uncached_int 2)|/v1/figures/compare"
)

results=()
for n in "${sizes[@]}"; do
    bench_log "==== $n reports"
    corpus=$(bench_corpus "$n")
    text_bytes=$(find "$corpus" -maxdepth 1 -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s + 0}')
    db=$DB_DIR/scale-$n.db
    record=$DB_DIR/scale-$n.import.json

    # ---- import ----
    key=$(cat "$corpus/.stamp" schema.sql db/*.[ch] ingest/*.[ch] extract/*.[ch] data/*.tsv \
        data/lexicon/*.tsv | sha256sum | cut -c1-16)
    if [[ ${BENCH_REIMPORT:-0} != 1 && -f $db && -f $record &&
        $(jq -r '.key // ""' "$record") == "$key" ]]; then
        bench_log "import: reusing $db (same corpus and import code as on $(jq -r .date "$record"))"
        import=$(jq -c '. + {cached: true}' "$record")
    else
        rm -f "$db" "$db-wal" "$db-shm" "$record"
        bench_log "import: $corpus -> $db"
        t0=$EPOCHREALTIME
        "$MARSAD" import --db "$db" "$corpus" 2>"$BENCH_TMP/import-$n.log" ||
            { tail -5 "$BENCH_TMP/import-$n.log" >&2; bench_die "marsad import failed at $n"; }
        t1=$EPOCHREALTIME
        line=$(grep 'marsad: imported' "$BENCH_TMP/import-$n.log" | tail -1)
        [[ $line =~ imported\ ([0-9]+)\ articles:\ ([0-9]+)\ figures,\ ([0-9]+)\ place\ mentions,\ ([0-9]+)\ source\ mentions\ in\ ([0-9]+)\ ms ]] ||
            bench_die "cannot read the import summary: $line"
        import=$(jq -nc --argjson a "${BASH_REMATCH[1]}" --argjson f "${BASH_REMATCH[2]}" \
            --argjson pm "${BASH_REMATCH[3]}" --argjson sm "${BASH_REMATCH[4]}" \
            --argjson ms "${BASH_REMATCH[5]}" --argjson bytes "$text_bytes" \
            --arg wall "$(awk -v a="${t0/,/.}" -v b="${t1/,/.}" 'BEGIN {printf "%.1f", b - a}')" \
            --arg line "${line#marsad: }" --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
            --arg key "$key" \
            '{key: $key, articles: $a, figures: $f, place_mentions: $pm, source_mentions: $sm,
              ms: $ms, wall_s: ($wall | tonumber), text_bytes: $bytes,
              mb_per_s: ($bytes / 1e6 / ($ms / 1000)), articles_per_s: ($a / ($ms / 1000)),
              summary: $line, date: $date, cached: false}')
        printf '%s\n' "$import" >"$record"
    fi
    db_bytes=$(stat -c %s "$db")
    wal_bytes=$(stat -c %s "$db-wal" 2>/dev/null || echo 0)
    bench_log "import: $(jq -r '"\(.articles) articles in \(.ms / 1000) s: \(.mb_per_s * 100 | round / 100) MB/s, \(.articles_per_s | round) articles/s"' <<<"$import"); database $((db_bytes / 1048576)) MiB"

    # ---- start-up on the existing database ----
    startups=()
    for ((r = 0; r < STARTUP_RUNS; r++)); do
        start_server "startup-$n" 600 "$MARSAD" serve --port 0 --db "$db" --seeds "" \
            --access-log=0 --threads 2
        startups+=("$SRV_STARTUP_MS")
        stop_server "$SRV_PID"
    done
    startup_median=$(bench_median "${startups[@]}")
    bench_log "start-up: ${startups[*]} ms (median $startup_median)"

    # ---- latency under load ----
    start_server "serve-$n" 600 "$MARSAD" serve --port 0 --db "$db" --seeds "" \
        --access-log=0 --threads 2 --page-cache-mb "$PAGE_CACHE_MB" --cache-mb "$CACHE_MB"
    pid=$SRV_PID
    base=http://127.0.0.1:$SRV_PORT
    # Every id, and a one-pass sample of at most 2000 spread over the corpus.
    ids=$BENCH_TMP/ids-$n.txt
    sample=$BENCH_TMP/sample-$n.txt
    awk -v n="$n" 'BEGIN { for (k = 1; k <= n; k++) printf "/v1/articles/gen_%07d\n", k }' >"$ids"
    awk -v n="$n" 'BEGIN { m = n < 2000 ? n : 2000
        for (k = 0; k < m; k++) printf "/v1/articles/gen_%07d\n", 1 + int(k * n / m) }' >"$sample"
    n_sample=$(wc -l <"$sample")
    search_total=$(curl -s "$base/v1/articles?q=$q&limit=1" | jq '.total // null')
    rows=()
    # Rendered first, while the caches are empty; then as asked.
    for mode in rendered cached; do
        for e in "${endpoints[@]}"; do
            IFS='|' read -r label hot cold shown <<<"$e"
            path=$hot paths_one='' max_one='' paths_load='' shown_mode=$shown
            if [[ $mode == rendered && $cold == IDS ]]; then
                path=$(head -1 "$sample")
                paths_one=$sample max_one=$n_sample paths_load=$ids
                shown_mode="$shown (1 conn: $n_sample ids once; load: all $n ids rotating)"
            elif [[ $mode == rendered ]]; then
                path=$cold
            fi
            read -r status bytes took < <(probe "$base$path")
            if [[ $label == compare && $status == 404 ]]; then
                rows+=("$(jq -nc --arg l "$label" --arg m "$mode" --arg p "$shown" \
                    '{label: $l, mode: $m, path: $p, skipped: "n/a (route not yet implemented)"}')")
                continue
            fi
            bench_log "wrk [$mode]: $shown_mode (HTTP $status, $bytes bytes, first answer ${took}s)"
            # One connection first: the service time, before any queue builds.
            if [[ -n $max_one ]]; then
                secs=$(pass_seconds "$took" "$max_one")
            else
                secs=$(run_seconds "$took" "$C1_DUR")
            fi
            one=$(BENCH_SERVER_PID=$pid wrk_run "scale-$n-$mode-$label-c1" "$base$path" "$secs" 0 1 1 \
                "$paths_one" "$max_one")
            secs=$(run_seconds "$took" "$DUR")
            load=$(BENCH_SERVER_PID=$pid wrk_run "scale-$n-$mode-$label" "$base$path" "$secs" "$WARM" \
                64 2 "$paths_load")
            rows+=("$(jq -nc --arg l "$label" --arg m "$mode" --arg p "$shown_mode" \
                --argjson s "$status" --argjson b "$bytes" --argjson load "$load" --argjson one "$one" \
                '{label: $l, mode: $m, path: $p, status: $s, body_bytes: $b, load: $load, one: $one,
                  errors_total: ($load.errors.connect + $load.errors.read + $load.errors.write
                                 + $load.errors.timeout + $load.non2xx + $one.non2xx
                                 + $one.errors.timeout
                                 + (if $load.requests == 0 or $one.requests == 0 then 1 else 0 end))}')")
        done
    done
    rss=$(proc_memory "$pid")
    store_errors=$(grep -c 'store error' "$BENCH_TMP/serve-$n.log" || true)
    stop_server "$pid"

    results+=("$(printf '%s\n' "${rows[@]}" | jq -sc --argjson n "$n" --argjson imp "$import" \
        --argjson db "$db_bytes" --argjson wal "$wal_bytes" \
        --argjson startups "$(printf '%s\n' "${startups[@]}" | jq -sc .)" \
        --argjson startup "$startup_median" --argjson rss "$rss" \
        --argjson search_total "$search_total" --argjson store_errors "${store_errors:-0}" \
        '{size: $n, ingest: $imp, db_bytes: $db, wal_bytes: $wal,
          startup_ms: {median: $startup, runs: $startups}, rss: $rss,
          search_total: $search_total, store_errors: $store_errors, endpoints: .}')")
done

printf '%s\n' "${results[@]}" | jq -s --argjson machine "$machine" \
    --argjson dur "$DUR" --argjson warm "$WARM" --argjson c1 "$C1_DUR" '
    {machine: $machine, settings: {duration_s: $dur, warmup_s: $warm, one_connection_s: $c1,
     connections: 64, threads: 2}, sizes: .,
     errors_total: ([.[].endpoints[].errors_total // 0] | add)}' >"$BENCH_OUT/scale.json"

# ---- the report ---------------------------------------------------------------
{
    echo "# marsad at scale: 1k → $(jq -r '.sizes[-1].size' "$BENCH_OUT/scale.json") reports"
    echo
    errs=$(jq '.errors_total' "$BENCH_OUT/scale.json")
    if [[ $errs != 0 ]]; then
        echo "**!!! THIS RUN HAD $errs ERRORS (non-2xx responses, timeouts or socket errors): the rows marked ERRORS are not valid. See bench/out/raw/. !!!**"
        echo
    fi
    bench_machine_md "$machine"
    echo
    echo "## Import, size, start-up, memory"
    echo
    echo "| reports | text MB | import s | MB/s | articles/s | figures | DB MiB | start-up ms (median) | start-up runs | after load, MiB: VmRSS (anon + file) / VmHWM | anon beyond the page caches ($((3 * PAGE_CACHE_MB)) MiB), MiB |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |"
    jq -r '.sizes[] |
        "| \(.size) | \(.ingest.text_bytes / 1e6 * 10 | round / 10) | " +
        "\(.ingest.ms / 1000 * 10 | round / 10)\(if .ingest.cached then " (recorded \(.ingest.date[0:10]))" else "" end) | " +
        "\(.ingest.mb_per_s * 100 | round / 100) | \(.ingest.articles_per_s | round) | " +
        "\(.ingest.figures) | \((.db_bytes + .wal_bytes) / 1048576 | round) | \(.startup_ms.median) | " +
        "\(.startup_ms.runs | map(tostring) | join(", ")) | " +
        "\(.rss.vmrss_kb / 1024 | round) (\(.rss.rssanon_kb / 1024 | round) + \(.rss.rssfile_kb / 1024 | round)) / \(.rss.vmhwm_kb / 1024 | round) | " +
        "\(.rss.rssanon_kb / 1024 - 3 * $pc | round) |"' --argjson pc "$PAGE_CACHE_MB" \
        "$BENCH_OUT/scale.json"
    echo
    echo "## Latency (wrk: 64 connections, 2 threads, $DUR s after a $WARM s warm-up; one connection: $C1_DUR s; longer for slow endpoints)"
    echo
    echo "*rendered*: a target marsad's response cache does not keep, so every answer is"
    echo "rendered (store, JSON, ETag); *cached*: the endpoint's own target, repeated, answered"
    echo "from the per-thread cache after the first request. The 1-connection p50 is the service"
    echo "time of one request; at 64 connections p50 is mostly queueing (64 / req/s)."
    echo
    busy=$(jq '[.sizes[].endpoints[] | (.load.cpu.others_pct // 0), (.one.cpu.others_pct // 0)] | max' "$BENCH_OUT/scale.json")
    if jq -e '. > 10' <<<"$busy" >/dev/null; then
        echo "**Other processes used up to $busy% of the machine during a run (see the last column): the machine was not quiet; those rows are low and noisy.**"
        echo
    fi
    echo "| endpoint | mode | reports | HTTP | body bytes | req/s | p50 ms | p99 ms | 1-conn p50 ms | | CPU % marsad / wrk / other |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
    jq -r '
        def ms: . / 1000 * 100 | round / 100;
        def rate: if . < 10 then (. * 10 | round / 10) else floor end;
        [.sizes[] | .size as $n | .endpoints[] | . + {size: $n}]
        | group_by([.mode, .label])
        | sort_by((.[0].mode | {"rendered": 0, "cached": 1}[.]) * 10
                  + (.[0].label | {"article": 0, "articles": 1, "figures": 2, "search": 3, "compare": 4}[.]))
        | .[] | sort_by(.size) | .[] |
        if .skipped then "| `\(.path)` | \(.mode) | \(.size) | | | \(.skipped) | | | | | |"
        else
            "| `\(.path)` | \(.mode) | \(.size) | \(.status) | \(.body_bytes) | \(.load.rps | rate) | " +
            "\(.load.latency_us.p50 | ms) | \(.load.latency_us.p99 | ms) | \(.one.latency_us.p50 | ms) | " +
            (if .load.requests == 0 or .one.requests == 0 then "**NO REQUEST COMPLETED**"
             elif .errors_total > 0 then "**\(.errors_total) ERRORS** (\(.load.non2xx + .one.non2xx) non-2xx, \(.load.errors.timeout + .one.errors.timeout) timeouts)"
             else "" end) +
            " | \(.load.cpu.server_pct | round) / \(.load.cpu.wrk_pct | round) / \(.load.cpu.others_pct | round) |"
        end' "$BENCH_OUT/scale.json"
    echo
    first=$(jq -r '.sizes[0].size' "$BENCH_OUT/scale.json")
    last=$(jq -r '.sizes[-1].size' "$BENCH_OUT/scale.json")
    echo "## Growth ${first} → ${last} (1-connection p50; flat is 1.0×)"
    echo
    jq -r '
        def ms: . / 1000 * 100 | round / 100;
        (.sizes[0].endpoints | map({key: "\(.mode) \(.label)", value: .}) | from_entries) as $a
        | (.sizes[-1].endpoints | map({key: "\(.mode) \(.label)", value: .}) | from_entries) as $b
        | $b | keys_unsorted[] as $k
        | if ($a[$k].one and $b[$k].one) then
            "- \($b[$k].mode) `\($b[$k].label)`: \($a[$k].one.latency_us.p50 | ms) ms" +
            "\(if $a[$k].status != 200 then " (HTTP \($a[$k].status))" else "" end) → " +
            "\($b[$k].one.latency_us.p50 | ms) ms" +
            "\(if $b[$k].status != 200 then " (HTTP \($b[$k].status))" else "" end)" +
            (if $b[$k].one.requests == 0 or $a[$k].one.requests == 0 then " (no answer in the run)"
             else " (\($b[$k].one.latency_us.p50 / ([$a[$k].one.latency_us.p50, 1] | max) * 10 | round / 10)×)" end)
          else empty end' "$BENCH_OUT/scale.json"
    jq -r '"- start-up: \(.sizes[0].startup_ms.median) ms → \(.sizes[-1].startup_ms.median) ms; " +
        "search matches (q=حلب): \(.sizes | map("\(.search_total)") | join(" → "))"' "$BENCH_OUT/scale.json"
} >"$BENCH_OUT/scale.md"

cat "$BENCH_OUT/scale.md"
errs=$(jq '.errors_total' "$BENCH_OUT/scale.json")
if [[ $errs != 0 ]]; then
    printf '\n!!! bench-scale: %s requests failed, timed out or were not 2xx/3xx: see the rows marked ERRORS !!!\n\n' "$errs" >&2
    exit 1
fi
