#!/usr/bin/env bash
# bench/profile.sh — where marsad's time goes per request, counted exactly.
#
#   bash bench/profile.sh DB [LABEL...]
#
# For each endpoint (ceiling, article, articles, figures, search, compare;
# or the labels given; "ceiling" is bench/ceiling, the libmicrohttpd
# baseline), starts marsad under valgrind --tool=callgrind on the
# existing database DB (one HTTP thread, access log off), sends a warm-up,
# zeroes the counters, sends PROFILE_REQUESTS (200) requests over one
# keep-alive connection, and dumps. Prints instructions per request and the
# heaviest functions (inclusive), and keeps the callgrind files in
# bench/out/profile/ for callgrind_annotate or kcachegrind.
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
[[ ${#labels[@]} -gt 0 ]] || labels=(ceiling article articles figures search compare)
out=$BENCH_OUT/profile
mkdir -p "$out"

# The first article id of the database, unless PROFILE_ARTICLE names one.
article_id=${PROFILE_ARTICLE:-}

path_of() {
    case $1 in
    ceiling) echo "/" ;;
    article) echo "/v1/articles/$article_id" ;;
    articles) echo "/v1/articles?limit=20" ;;
    figures) echo "/v1/figures?type=killed&limit=50" ;;
    search) echo "/v1/articles?q=$(bench_urlencode حلب)" ;;
    compare) echo "/v1/figures/compare" ;;
    *) bench_die "unknown label $1" ;;
    esac
}

for label in "${labels[@]}"; do
    file=$out/callgrind.$label.out
    rm -f "$file" "$file".*
    server=("$MARSAD" serve --port 0 --db "$db" --seeds "" --access-log=0 --threads 1)
    [[ $label == ceiling ]] && server=("$CEILING" --port 0 --threads 1)
    start_server "cg-$label" 300 valgrind --tool=callgrind --callgrind-out-file="$file" \
        --dump-instr=no --separate-threads=no "${server[@]}"
    pid=$SRV_PID
    base=http://127.0.0.1:$SRV_PORT
    if [[ -z $article_id && $label != ceiling ]]; then
        article_id=$(curl -s "$base/v1/articles?limit=1" | jq -r '.data[0].id')
    fi
    url=$base$(path_of "$label")
    status=$(probe "$url")
    urls=()
    for ((i = 0; i < 20; i++)); do urls+=("$url"); done
    curl -s "${urls[@]}" >/dev/null
    callgrind_control -z "$pid" >/dev/null
    urls=()
    for ((i = 0; i < n; i++)); do urls+=("$url"); done
    curl -s "${urls[@]}" >/dev/null
    callgrind_control -d "$pid" >/dev/null
    stop_server "$pid"
    dumps=("$file".*)
    dump=${dumps[0]}
    [[ -f $dump ]] || bench_die "callgrind wrote no dump for $label"
    total=$(callgrind_annotate "$dump" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1; exit}')
    printf '\n== %s  %s  (HTTP %s)\n' "$label" "$(path_of "$label")" "$status"
    printf 'instructions per request: %s\n' "$(awk -v t="$total" -v n="$n" 'BEGIN {printf "%.0f", t / n}')"
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
