#!/usr/bin/env bash
# bench/profile.sh — where marsad's time goes per request, counted exactly.
#
#   bash bench/profile.sh DB [LABEL...]
#
# For each endpoint (ceiling, article, articles, figures, search, compare,
# cached; or the labels given), starts the server under valgrind
# --tool=callgrind on the existing database DB (one HTTP thread, access log
# off), sends a warm-up, zeroes the counters, sends PROFILE_REQUESTS (200)
# requests over one keep-alive connection, and dumps. Prints instructions
# per request and the heaviest functions (inclusive), and keeps the
# callgrind files in bench/out/profile/ for callgrind_annotate or
# kcachegrind.
#
# What is measured is the rendering path: marsad keeps finished answers in
# a response cache, so "article" asks for a different article each time
# and the list endpoints use a target the cache does not keep (see
# uncached_int in lib.sh). "cached" is one article asked again and again,
# answered from the cache; "ceiling" is bench/ceiling, libmicrohttpd alone.
#
# Why callgrind and not perf: the hardware counters are not available in
# this VM (`perf stat -e instructions true` says <not supported>), and
# instruction counts do not move with the noise of a shared 2-core machine.
# What it does not see: time in the kernel (sockets, epoll), which perf's
# cpu-clock sampling under wrk load shows instead.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init
bench_need valgrind

db=${1:?usage: bench/profile.sh DB [LABEL...]}
shift
[[ -f $db ]] || bench_die "$db: no such database"
n=${PROFILE_REQUESTS:-200}
labels=("$@")
[[ ${#labels[@]} -gt 0 ]] || labels=(ceiling cached article articles figures search compare)
out=$BENCH_OUT/profile
mkdir -p "$out"

# The targets of one label: the warm-up's, then the measured ones (one a
# line). Article ids come from the database (ids.txt, read once).
ids=$BENCH_TMP/ids.txt
targets() { # LABEL WARMUP COUNT
    local label=$1 warm=$2 count=$3 path i
    case $label in
    ceiling) path=/ ;;
    cached) path=$(head -1 "$ids") ;;
    article)
        sed -n "1,${warm}p" "$ids"
        sed -n "$((warm + 1)),$((warm + count))p" "$ids"
        return
        ;;
    articles) path="/v1/articles?limit=$(uncached_int 20)" ;;
    figures) path="/v1/figures?type=killed&limit=$(uncached_int 50)" ;;
    search) path="/v1/articles?q=$(bench_urlencode حلب)&limit=$(uncached_int 50)" ;;
    compare) path="/v1/figures/compare?min_claimants=$(uncached_int 2)" ;;
    *) bench_die "unknown label $label" ;;
    esac
    for ((i = 0; i < warm + count; i++)); do echo "$path"; done
}
warm=20

for label in "${labels[@]}"; do
    file=$out/callgrind.$label.out
    rm -f "$file" "$file".*
    # No query time limit: under valgrind everything is ~50x slower.
    server=("$MARSAD" serve --port 0 --db "$db" --seeds "" --access-log=0 --threads 1 --query-timeout 0)
    [[ $label == ceiling ]] && server=("$CEILING" --port 0 --threads 1)
    start_server "cg-$label" 300 valgrind --tool=callgrind --callgrind-out-file="$file" \
        --dump-instr=no --separate-threads=no "${server[@]}"
    pid=$SRV_PID
    base=http://127.0.0.1:$SRV_PORT
    if [[ ! -s $ids && $label != ceiling ]]; then
        curl -s "$base/v1/articles?limit=500" | jq -r '.data[].id' | sed 's|^|/v1/articles/|' >"$ids"
        (($(wc -l <"$ids") >= warm + n)) ||
            bench_die "the database has fewer than $((warm + n)) articles for distinct requests"
    fi
    mapfile -t all < <(targets "$label" "$warm" "$n")
    status=$(probe "$base${all[0]}")
    urls=()
    for ((i = 0; i < warm; i++)); do urls+=("$base${all[i]}"); done
    curl -s "${urls[@]}" >/dev/null
    callgrind_control -z "$pid" >/dev/null
    urls=()
    for ((i = warm; i < warm + n; i++)); do urls+=("$base${all[i]}"); done
    curl -s "${urls[@]}" >/dev/null
    callgrind_control -d "$pid" >/dev/null
    stop_server "$pid"
    dumps=("$file".*)
    dump=${dumps[0]}
    [[ -f $dump ]] || bench_die "callgrind wrote no dump for $label"
    total=$(callgrind_annotate "$dump" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1; exit}')
    # On a database too large for the start-up's budget the integrity check
    # goes on in a thread of its own (server/integrity.c) while the requests
    # run: its instructions are no request's, so they are taken out.
    background=$(callgrind_annotate --inclusive=yes "$dump" 2>/dev/null |
        awk '!n && /integrity\.c:run / {gsub(",", "", $1); print $1; n = 1}')
    total=$((total - ${background:-0}))
    shown=${all[$warm]//$(uncached_int "")/0…0}
    printf '\n== %s  %s  (HTTP, bytes, s: %s)\n' "$label" "$shown" "$status"
    printf 'instructions per request: %s\n' "$(awk -v t="$total" -v n="$n" 'BEGIN {printf "%.0f", t / n}')"
    [[ ${background:-0} -gt 0 ]] &&
        printf '(the integrity check beside them, %s per request, left out; the functions below that it also\nruns, SQLite and libc, include it)\n' \
            "$(awk -v t="$background" -v n="$n" 'BEGIN {printf "%.0f", t / n}')"
    # Inclusive cost per request of the heaviest functions, each once (no
    # recursion entries, no duplicate file spellings).
    callgrind_annotate --inclusive=yes "$dump" 2>/dev/null |
        awk -v n="$n" -v total="$total" -v top="${PROFILE_TOP:-30}" '
        k >= top { next } # read to the end: an early exit would SIGPIPE the writer
        /^-+$/ { sep++; next }
        sep >= 3 && /^ *[0-9,]+ / {
            ir = $1; gsub(",", "", ir)
            line = $0
            sub(/^ *[0-9,]+ +(\( *[0-9.]+%\) +)?/, "", line)
            if (line ~ /PROGRAM TOTALS/ || line ~ /\x27[0-9]/) next
            fn = line; sub(/ \[.*$/, "", fn); sub(/^.*:/, "", fn)
            if (fn in seen) next
            seen[fn] = 1
            printf "%12.0f Ir/req %5.1f%%  %s\n", ir / n, 100 * ir / total, line
            k++
        }'
done
