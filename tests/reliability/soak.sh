#!/usr/bin/env bash
# tests/reliability/soak.sh (`make soak`) — marsad under steady load for
# minutes: no socket error, no 5xx, and memory that does not grow.
#
# The server (`serve --seeds "" --access-log=0 --max-per-ip 2048`, so 256
# connections from 127.0.0.1 are all let in) runs on a database of
# SOAK_ARTICLES (100000) generated reports, and wrk drives it for
# SOAK_SECONDS (600) with SOAK_CONNECTIONS (256) connections and 2 threads
# over a mix of endpoints (tests/reliability/soak.lua): articles by id,
# filtered lists, figures by id, compare (SOAK_COMPARE=0 leaves it out),
# full-text search, places near a point, a small CSV export and a 404. The
# server's VmRSS is sampled every 10 s.
#
# Passes when wrk reports no socket error (connect, read, write, timeout),
# no response is a 5xx (but the documented 503 with Retry-After of an
# overloaded server, at most 1 % of requests) or an unexpected 4xx (only
# the 404 of the mix), and
# the anonymous RSS (RssAnon) at the end is within SOAK_RSS_TOLERANCE (10) %
# of the one at SOAK_RSS_FROM seconds (120, or a third of the run when it is
# shorter than 5 minutes): the caches have filled by then, so growth past it
# is a leak. VmRSS is reported but not judged: it also counts the pages of
# the database file SQLite maps (up to 2 GiB), which grow as the load
# touches more of the file and are the kernel's page cache, not a leak.
#
# The corpus is bench/out/corpus-N when bench made it with the same
# generator (else build/reliability/corpus-N), and its import is kept in
# build/reliability/soak-N.db, reused while the corpus is the same (an older
# schema is migrated when the server opens it; SOAK_REIMPORT=1 imports
# again). The import is
# resumable: an interrupted one goes on where it stopped. The first import
# of 100k reports took about an hour before the import was made faster.
#
# Writes the summary (markdown) to bench/out/soak.md (and soak-N.md, the
# last run at each size) and prints it; the raw
# wrk output and the RSS series go to bench/out/raw/soak.*. Every process
# it starts is stopped by its pid on exit; loopback only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export LC_ALL=C

O=${O:-build}
SECS=${SOAK_SECONDS:-600}
N=${SOAK_ARTICLES:-100000}
CONNS=${SOAK_CONNECTIONS:-256}
TOL=${SOAK_RSS_TOLERANCE:-10}
if [[ -n ${SOAK_RSS_FROM:-} ]]; then
    FROM=$SOAK_RSS_FROM
elif ((SECS >= 300)); then
    FROM=120
else
    FROM=$((SECS / 3))
fi
SAMPLE=10
# A short run (under 5 minutes, as in CI) judges memory from a third of the
# run, so the server gets small caches (SOAK_CACHE_MB, 4; SOAK_PAGE_CACHE_MB,
# 2) that are full by then: at their defaults (a 32 MiB response cache, 16
# MiB of pages per connection) they go on filling for minutes on a database
# just imported, and that growth is theirs, not a leak. A long run keeps the
# defaults.
if ((SECS >= 300)); then
    CACHE_ARGS=()
else
    CACHE_ARGS=(--cache-mb "${SOAK_CACHE_MB:-4}" --page-cache-mb "${SOAK_PAGE_CACHE_MB:-2}")
fi
MARSAD=$O/marsad
GEN=$O/bench/gen_corpus
CACHE=build/reliability
OUT=bench/out

[[ $SECS =~ ^[0-9]+$ && $SECS -ge 30 ]] || { echo "soak: SOAK_SECONDS must be at least 30" >&2; exit 2; }
for tool in wrk jq curl sqlite3; do
    command -v "$tool" >/dev/null || { echo "soak: needs $tool (apt-get install $tool)" >&2; exit 2; }
done
[[ -x $MARSAD && -x $GEN ]] || { echo "soak: build $MARSAD and $GEN first (make soak does)" >&2; exit 2; }

mkdir -p "$CACHE" "$OUT/raw"
TMP=$(mktemp -d "$CACHE/tmp.soak.XXXXXX") # under build/: nothing else cleans it
PIDS=()
cleanup() {
    local p
    for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do
        for ((i = 0; i < 100; i++)); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$p" 2>/dev/null || true
        wait "$p" 2>/dev/null || true
    done
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- corpus and database ------------------------------------------------------
stamp="count=$N seed=1 inputs=$(cat bench/gen_corpus.c data/gazetteer.tsv data/sources.tsv | sha256sum | cut -c1-16)"
corpus=$OUT/corpus-$N
if [[ ! -f $corpus/.stamp || $(cat "$corpus/.stamp") != "$stamp" ]]; then
    corpus=$CACHE/corpus-$N
    if [[ ! -f $corpus/.stamp || $(cat "$corpus/.stamp") != "$stamp" ]]; then
        log "corpus: generating $N reports into $corpus"
        rm -rf "$corpus"
        "$GEN" --count "$N" --out "$corpus" --seed 1 --data data >/dev/null
        printf '%s\n' "$stamp" >"$corpus/.stamp"
    fi
fi
log "corpus: $corpus"
DB=$CACHE/soak-$N.db
# Keyed by the corpus only: a database of an older schema is migrated by
# the server when it opens it, as any user's would be (a newer one than the
# binary knows is refused: SOAK_REIMPORT=1 then).
key="$stamp"
if [[ ${SOAK_REIMPORT:-0} == 1 || ! -f $DB || ! -f $DB.key || $(cat "$DB.key") != "$key" ]]; then
    rm -f "$DB" "$DB-wal" "$DB-shm" "$DB.key"
    partial=$DB.partial
    if [[ -f $partial.key && $(cat "$partial.key") != "$key" ]]; then
        rm -f "$partial" "$partial-wal" "$partial-shm" "$partial.key"
    fi
    printf '%s\n' "$key" >"$partial.key"
    log "import: $corpus -> $DB (resumable; 100k reports take tens of minutes)"
    "$MARSAD" import --db "$partial" "$corpus" 2>"$TMP/import.log" ||
        { tail -5 "$TMP/import.log" >&2; echo "soak: the import failed" >&2; exit 1; }
    grep 'marsad: imported' "$TMP/import.log" >&2 || true
    sqlite3 "$partial" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
    mv "$partial" "$DB"
    rm -f "$partial-wal" "$partial-shm"
    mv "$partial.key" "$DB.key"
fi
have=$(sqlite3 "$DB" 'SELECT count(*) FROM articles')
[[ $have == "$N" ]] || { echo "soak: $DB holds $have articles, not $N (SOAK_REIMPORT=1)" >&2; exit 1; }

# ---- the mix of requests ------------------------------------------------------
# 20000 targets, ids drawn at random over the corpus (the server keeps
# finished responses per thread: 2048 slots, so a mix of few targets would
# measure that cache alone); names from the data, so every path but the
# 404 answers 200.
paths=$TMP/paths.txt
enc() { jq -rn --arg s "$1" '$s | @uri'; }
q1=$(enc 'مارع')
q2=$(enc 'تل رفعت')
# Lists with selective filters: every list also counts its total, so a
# broad filter costs time in proportion to the corpus (see the report).
awk -v n="$N" -v q1="$q1" -v q2="$q2" -v cmp="${SOAK_COMPARE:-1}" 'BEGIN {
    srand(42)
    split("killed injured captured displaced destroyed seized fired airstrikes casualties trapped", types, " ")
    split("aleppo-gov idlib-gov damascus-gov", govs, " ")
    # the 28 letters, percent-encoded: two-letter prefixes for the
    # expensive searches (each expands to many terms; none repeats, so the
    # response cache never answers them)
    split("%D8%A7 %D8%A8 %D8%AA %D8%AB %D8%AC %D8%AD %D8%AE %D8%AF %D8%B0 %D8%B1 %D8%B2 %D8%B3 %D8%B4 %D8%B5 %D8%B6 %D8%B7 %D8%B8 %D8%B9 %D8%BA %D9%81 %D9%82 %D9%83 %D9%84 %D9%85 %D9%86 %D9%87 %D9%88 %D9%8A", L, " ")
    for (k = 0; k < 20000; k++) {
        a = sprintf("gen_%07d", 1 + int(rand() * n))
        r = k % 20
        # compare: 1 request in 100, over 40 targets (every type, by
        # itself and within a governorate, and unfiltered), as a reader
        # of the comparison would ask
        # expensive searches: 1 request in 50, four distinct prefixes each
        if (k % 50 == 25) {
            e = int(k / 50)
            print "/v1/search?q=" L[e % 28 + 1] L[int(e / 28) % 28 + 1] "*%20OR%20" L[(e + 7) % 28 + 1] L[int(e / 28 + 3) % 28 + 1] "*%20OR%20" L[(e + 13) % 28 + 1] L[int(e / 28 + 9) % 28 + 1] "*%20OR%20" L[(e + 19) % 28 + 1] L[int(e / 28 + 17) % 28 + 1] "*&limit=10"
        }
        else if (cmp && k % 100 == 99) {
            c = int(k / 100) % 40
            t = types[c % 10 + 1]
            if (c == 39)     print "/v1/figures/compare"
            else if (c < 10) print "/v1/figures/compare?type=" t
            else             print "/v1/figures/compare?type=" t "&location=" govs[int(c / 10)] "&claims=3"
        }
        else if (r < 6)  print "/v1/articles/" a
        else if (r == 6) print "/v1/figures/" a "-f1"
        else if (r == 7) print "/v1/figures?article=" a "&format=csv"
        else if (r == 8) print "/v1/articles/nope-" k
        else if (r == 9) print "/v1/figures?article=" a
        else if (r == 10) print "/v1/figures?claimant=ahrar-al-sham&limit=20"
        else if (r == 11) print "/v1/articles?outlet=aljazeera&limit=20"
        else if (r == 12) print "/v1/sources?kind=armed_group&affiliation=opposition"
        else if (r == 13) print "/v1/locations?near=36.2,37.13,5"
        else if (r == 14) print "/v1/articles?q=" q1 "&limit=20"
        else if (r == 15) print "/v1/search?q=" q2 "&limit=10"
        else if (r == 16) print "/v1/articles?sort=-n_figures&limit=20"
        else if (r == 17) print "/v1/locations?kind=city&limit=50"
        else if (r == 18) print "/v1/figures?value__gte=1000&limit=20"
        else              print "/v1/sources/ahrar-al-sham/figures?limit=20"
    } }' >"$paths"

# ---- the server ---------------------------------------------------------------
# A copy of the binary, so that a rebuild during the run cannot swap it.
cp "$MARSAD" "$TMP/marsad"
: >"$TMP/serve.out" # before the server starts: the loop below reads it at once
"$TMP/marsad" serve --bind 127.0.0.1 --port 0 --db "$DB" --seeds "" --access-log=0 \
    --max-per-ip 2048 --max-connections 4096 ${CACHE_ARGS[@]+"${CACHE_ARGS[@]}"} \
    >"$TMP/serve.out" 2>"$TMP/serve.log" &
pid=$!
PIDS+=("$pid")
port=
for ((i = 0; i < 1200; i++)); do
    port=$(sed -nE 's|.*listening on http://127\.0\.0\.1:([0-9]+).*|\1|p' "$TMP/serve.out" | tail -1 || true)
    [[ -n $port ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
[[ -n $port ]] || { tail -5 "$TMP/serve.log" >&2; echo "soak: the server did not start" >&2; exit 1; }
base=http://127.0.0.1:$port
# The paths of the mix, before the load: their statuses (every fixed path,
# and one in 40 of those with an id or a prefix search).
bad_paths=$(sort -u "$paths" | awk '(!/gen_/ && !/\*/) || NR % 40 == 1' | while read -r p; do
    st=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 "$base$p" || echo 000)
    want=200
    [[ $p == /v1/articles/nope-* ]] && want=404
    # a search of four short prefixes may pass the query time limit on a
    # large corpus: its documented 503 is an answer too
    [[ $p == *'*'* && $st == 503 ]] && continue
    [[ $st == "$want" ]] || echo "$st $p"
done | awk 'n++ < 5')
[[ -z $bad_paths ]] || { printf 'soak: a path of the mix does not answer as expected:\n%s\n' "$bad_paths" >&2; exit 1; }

# VmRSS, and its anonymous and file-backed parts (SQLite maps the database:
# mmap_size pages count in VmRSS as they are touched, without any leak).
rss_kb() { awk '/^VmRSS/ {r = $2} /^RssAnon/ {a = $2} /^RssFile/ {f = $2} END {printf "%d\t%d\t%d", r, a, f}' "/proc/$1/status" 2>/dev/null || printf '0\t0\t0'; }
log "soak: $N articles, $CONNS connections, ${SECS} s, server pid $pid on port $port"
: >"$TMP/rss.tsv"
# Every SAMPLE s from the start of the load, and the last one 2 s before
# its end (so "the RSS at the end" is still under load), on the clock
# rather than by adding sleeps.
(
    start=$EPOCHSECONDS
    for ((t = 0; t <= SECS; t += SAMPLE)); do
        at=$((t < SECS - 2 ? t : SECS - 2))
        while ((EPOCHSECONDS - start < at)); do sleep 0.2; done
        printf '%d\t%s\n' "$at" "$(rss_kb "$pid")" >>"$TMP/rss.tsv"
    done
) &
sampler=$!
PIDS+=("$sampler")
raw=$OUT/raw/soak.txt
ulimit -n 65536 2>/dev/null || true
# CPU ticks of the machine (busy, total) and of the server around the run,
# and wrk's own time: what is left was used by other processes.
machine_ticks() { awk '/^cpu / {busy = $2 + $3 + $4 + $9; print busy, busy + $5 + $6; exit}' /proc/stat; }
proc_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
m0=$(machine_ticks)
p0=$(proc_ticks "$pid")
# /healthz beside the load, five times a second: what a health check
# sees while the mix (expensive searches included) runs.
( end=$((SECONDS + SECS)); while ((SECONDS < end)); do
      curl -s -o /dev/null -w '%{time_total} %{http_code}\n' --max-time 10 "$base/healthz" || echo "10 000"
      sleep 0.2
  done >"$TMP/health.txt" ) &
prober=$!
PIDS+=("$prober")
TIMEFORMAT='%U %S'
{ time wrk -c "$CONNS" -t 2 -d "${SECS}s" --timeout 10s --latency -s tests/reliability/soak.lua \
    "$base" -- "$paths" >"$raw" 2>&1 || true; } 2>"$TMP/wrk.time"
m1=$(machine_ticks)
p1=$(proc_ticks "$pid")
cpu=$(awk -v m0="$m0" -v m1="$m1" -v p0="$p0" -v p1="$p1" -v w="$(tail -1 "$TMP/wrk.time")" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN {
    split(m0, a, " "); split(m1, b, " "); split(w, u, " ")
    total = b[2] - a[2]; if (total <= 0) total = 1
    srv = p1 - p0; wrk = (u[1] + u[2]) * hz; other = b[1] - a[1] - srv - wrk
    if (other < 0) other = 0
    printf "%.0f %.0f %.0f", 100 * srv / total, 100 * wrk / total, 100 * other / total }')
read -r cpu_server cpu_wrk cpu_other <<<"$cpu"
wait "$sampler" 2>/dev/null || true
wait "$prober" 2>/dev/null || true
health_p99=$(sort -n "$TMP/health.txt" | awk '{t[NR] = $1} END {i = int(NR * 0.99 + 0.999); if (i < 1) i = 1; printf "%.0f", 1000 * t[i]}')
health_bad=$(awk '$2 != 200' "$TMP/health.txt" | wc -l)
cp "$TMP/rss.tsv" "$OUT/raw/soak.rss.tsv"
alive=0
kill -0 "$pid" 2>/dev/null && alive=1
health=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base/healthz" || echo 000)
store_errors=$(grep -c 'store error\|cannot open' "$TMP/serve.log" || true)

j=$(sed -n 's/^SOAK_JSON //p' "$raw")
[[ -n $j ]] || { tail -20 "$raw" >&2; echo "soak: wrk printed no summary (see $raw)" >&2; exit 1; }
rss_from=$(awk -v f="$FROM" '$1 >= f {print $2; exit}' "$TMP/rss.tsv")
rss_end=$(awk 'END {print $2}' "$TMP/rss.tsv")
t_end=$(awk 'END {print $1}' "$TMP/rss.tsv")
growth=$(awk -v a="${rss_from:-0}" -v b="${rss_end:-0}" 'BEGIN {if (a > 0) printf "%.1f", 100 * (b - a) / a; else print "nan"}')
anon_from=$(awk -v f="$FROM" '$1 >= f {print $3; exit}' "$TMP/rss.tsv")
anon_end=$(awk 'END {print $3}' "$TMP/rss.tsv")
anon_growth=$(awk -v a="${anon_from:-0}" -v b="${anon_end:-0}" 'BEGIN {if (a > 0) printf "%.1f", 100 * (b - a) / a; else print "nan"}')

socket_errors=$(jq '.errors.connect + .errors.read + .errors.write + .errors.timeout' <<<"$j")
s5xx=$(jq '.statuses["5xx"]' <<<"$j")
s4xx=$(jq '.statuses.other_4xx + .statuses.other' <<<"$j")
verdict=()
((socket_errors == 0)) || verdict+=("$socket_errors socket errors")
((s5xx == 0)) || verdict+=("$s5xx responses 5xx")
# 503 with Retry-After is the documented answer of an overloaded server (a
# full query queue, a query past --query-timeout); a few are allowed, a
# share over SOAK_MAX_503_PERMILLE (10 per thousand) is not.
s503=$(jq '.statuses["503_retry"]' <<<"$j")
max503=${SOAK_MAX_503_PERMILLE:-10}
requests=$(jq '.requests' <<<"$j")
((s503 * 1000 <= max503 * requests)) ||
    verdict+=("$s503 answers 503 (more than $max503 per thousand of $requests)")
((s4xx == 0)) || verdict+=("$s4xx unexpected statuses")
awk -v g="$anon_growth" -v t="$TOL" 'BEGIN {exit !(g != "nan" && g <= t && g >= -t)}' ||
    verdict+=("RssAnon changed by $anon_growth % between ${FROM} s and ${t_end} s (tolerance $TOL %)")
((alive == 1)) || verdict+=("the server died")
[[ $health == 200 ]] || verdict+=("/healthz answered $health after the run")
((health_p99 < 100)) || verdict+=("/healthz p99 $health_p99 ms during the run (100 at most)")
((health_bad == 0)) || verdict+=("$health_bad /healthz answers other than 200 during the run")

{
    echo "# make soak: ${SECS} s at $CONNS connections, $N articles"
    echo
    echo "$(date -u +%Y-%m-%dT%H:%M:%SZ); CPU of the machine during the run: server $cpu_server %, wrk $cpu_wrk %, other processes $cpu_other %$( ((cpu_other > 10)) && echo ' (**the machine was not quiet: req/s and latencies are low and noisy**)'); $(nproc) cores ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)), wrk and the server on the same machine; commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$([[ -n $(git status --porcelain --untracked-files=no 2>/dev/null) ]] && echo '+local changes')"
    echo
    if ((${#verdict[@]} == 0)); then
        echo "**PASS**: no socket error, no 5xx but $s503 documented 503 with Retry-After, RssAnon within $TOL % from ${FROM} s to the end, /healthz p99 $health_p99 ms beside the load."
    else
        echo "**FAIL**: $(IFS=';'; echo "${verdict[*]}")."
    fi
    echo
    jq -r --argjson secs "$SECS" '
        def ms: . / 1000 * 100 | round / 100;
        "| requests | req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | MB received |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        "| \(.requests) | \(.requests / (.duration_us / 1e6) | floor) | \(.latency_us.p50 | ms) | \(.latency_us.p90 | ms) | \(.latency_us.p99 | ms) | \(.latency_us.p999 | ms) | \(.latency_us.max | ms) | \(.bytes / 1e6 | floor) |",
        "",
        "| 2xx | 404 (the mix has one) | other 4xx | 503 with Retry-After | other 5xx | socket errors: connect / read / write / timeout |",
        "| ---: | ---: | ---: | ---: | ---: | --- |",
        "| \(.statuses["2xx"]) | \(.statuses["404"]) | \(.statuses.other_4xx + .statuses.other) | \(.statuses["503_retry"]) | \(.statuses["5xx"]) | \(.errors.connect) / \(.errors.read) / \(.errors.write) / \(.errors.timeout) |"' <<<"$j"
    echo
    echo "Server VmRSS every ${SAMPLE} s, MiB (anonymous + file-backed, the file being the database SQLite maps):"
    echo
    echo "| s | VmRSS | RssAnon | RssFile |"
    echo "| ---: | ---: | ---: | ---: |"
    awk '{printf "| %s | %.1f | %.1f | %.1f |\n", $1, $2 / 1024, $3 / 1024, $4 / 1024}' "$TMP/rss.tsv"
    echo
    echo "VmRSS at ${FROM} s: $(awk -v k="${rss_from:-0}" 'BEGIN {printf "%.1f", k / 1024}') MiB; at ${t_end} s: $(awk -v k="${rss_end:-0}" 'BEGIN {printf "%.1f", k / 1024}') MiB; change ${growth} % (not judged: the mapped file). RssAnon: ${anon_growth} % (tolerance $TOL %)."
    echo
    echo "Mix (each wrk thread rotates through 20000 targets from its own offset (ids drawn at random over the corpus, so the response cache misses as it would with real clients)): 30 % articles by id, 5 % figures by id, 5 % a CSV export of one article's figures (a small list), 5 % a 404, 35 % lists with selective filters (an article's figures, a claimant's figures twice, articles of an outlet, armed opposition groups, places near a point, articles with most figures, cities, figures of 1000 and more), 5 % articles?q=, 5 % /v1/search, 2 % expensive searches (four distinct two-letter prefixes each), and $( [[ ${SOAK_COMPARE:-1} == 0 ]] && echo 'no compare (SOAK_COMPARE=0)' || echo '1 % compare (40 targets: each of 10 types, alone and within one of 3 governorates, and unfiltered)'). Server: \`serve --seeds \"\" --access-log=0 --max-per-ip 2048 --max-connections 4096${CACHE_ARGS[*]+ ${CACHE_ARGS[*]}}\`, threads one per core; wrk: 2 threads, 10 s timeout. Store errors in the server log: ${store_errors:-0}."
} >"$OUT/soak.md"
cp "$OUT/soak.md" "$OUT/soak-$N.md" # the last run of each size stays
cat "$OUT/soak.md"
((${#verdict[@]} == 0))
