# shellcheck shell=bash
# lib.sh — what bench/run.sh, bench/scale.sh and bench/profile.sh share
# (sourced, not run).
#
# Processes: every server is started through start_server, which records
# its pid; bench_cleanup (installed as the EXIT/INT/TERM trap by
# bench_init) stops exactly those pids and removes the scratch folder.
# Nothing is ever killed by name.
#
# Everything written goes under bench/out/ (gitignored).

BENCH_PIDS=()
BENCH_TMP=
BENCH_OUT=bench/out

bench_log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
bench_die() { printf '\n!!! bench: %s\n\n' "$*" >&2; exit 1; }

bench_cleanup() {
    local pid
    for pid in "${BENCH_PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${BENCH_PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    BENCH_PIDS=()
    if [[ -n $BENCH_TMP && -d $BENCH_TMP ]]; then
        rm -rf "$BENCH_TMP"
    fi
}

# Installs a Debian package when its command is missing (root or sudo).
bench_need() {
    local cmd=$1 pkg=${2:-$1}
    command -v "$cmd" >/dev/null 2>&1 && return 0
    bench_log "installing $pkg (for $cmd)"
    local sudo=
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    $sudo apt-get install -y -q "$pkg" >&2 || bench_die "cannot install $pkg; install it and retry"
}

# Changes to the repository root, checks the tools, builds what is needed,
# sets the binaries' paths and the cleanup trap.
bench_init() {
    cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
    O=${O:-build}
    MARSAD=$O/marsad
    CEILING=$O/bench/ceiling
    GEN=$O/bench/gen_corpus
    EXTRACT_BENCH=$O/bench/extract_bench
    bench_need wrk
    bench_need jq
    bench_need curl
    # A no-op when called from `make bench`; builds when the script is run
    # alone. BENCH_NO_BUILD=1 takes the binaries as they are (a tree in the
    # middle of an edit may not build).
    if [[ ${BENCH_NO_BUILD:-0} != 1 ]]; then
        make -s --no-print-directory O="$O" "$MARSAD" "$CEILING" "$GEN" "$EXTRACT_BENCH" >&2
    fi
    local b
    for b in "$MARSAD" "$CEILING" "$GEN" "$EXTRACT_BENCH"; do
        [[ -x $b ]] || bench_die "$b is missing (run make, or unset BENCH_NO_BUILD)"
    done
    mkdir -p "$BENCH_OUT/raw"
    BENCH_TMP=$(mktemp -d "$BENCH_OUT/tmp.XXXXXX")
    trap bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    # Run copies: a rebuild during a long run (the tree is shared) must not
    # swap the binary between two measurements.
    mkdir -p "$BENCH_TMP/bin"
    cp "$MARSAD" "$CEILING" "$GEN" "$EXTRACT_BENCH" "$BENCH_TMP/bin/"
    MARSAD=$BENCH_TMP/bin/marsad
    CEILING=$BENCH_TMP/bin/ceiling
    GEN=$BENCH_TMP/bin/gen_corpus
    EXTRACT_BENCH=$BENCH_TMP/bin/extract_bench
}

# The machine and the software, as JSON.
bench_machine_json() {
    local cpu kernel mem commit dirty
    cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
    kernel=$(uname -r)
    mem=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
    commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
    dirty=
    if [[ -n $(git status --porcelain --untracked-files=no 2>/dev/null) ]]; then
        dirty="+local changes"
    fi
    jq -n --arg cpu "$cpu" --arg kernel "$kernel" --arg mem "$mem" \
        --argjson nproc "$(nproc)" --arg commit "$commit$dirty" \
        --arg mhd "$(pkg-config --modversion libmicrohttpd 2>/dev/null || echo '?')" \
        --arg sqlite "$(pkg-config --modversion sqlite3 2>/dev/null || echo '?')" \
        --arg jansson "$(pkg-config --modversion jansson 2>/dev/null || echo '?')" \
        --arg wrk "$(wrk --version 2>&1 | awk 'NR==1 {print $2}')" \
        --arg cc "$(${CC:-cc} --version | head -1)" \
        --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
        '{date: $date, nproc: $nproc, cpu: $cpu, kernel: $kernel, memory: $mem,
          commit: $commit, compiler: $cc,
          versions: {libmicrohttpd: $mhd, sqlite: $sqlite, jansson: $jansson, wrk: $wrk}}'
}

bench_machine_md() {
    jq -r '"machine: \(.nproc) cores, \(.cpu), kernel \(.kernel), \(.memory) RAM; " +
           "libmicrohttpd \(.versions.libmicrohttpd), SQLite \(.versions.sqlite), " +
           "jansson \(.versions.jansson), wrk \(.versions.wrk); commit \(.commit); \(.date)"' <<<"$1"
}

# A query value percent-encoded (UTF-8).
bench_urlencode() { jq -rn --arg s "$1" '$s | @uri'; }

# The median of the numbers given as arguments.
bench_median() {
    printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {
        if (NR == 0) print "null"; else if (NR % 2) print v[(NR + 1) / 2];
        else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Generates (or reuses) bench/out/corpus-N: N reports from gen_corpus.
# Reused when its stamp names the same count, seed and generator inputs.
# bench_corpus N [--pages]: the corpus of N reports (as saved pages with
# --pages, in corpus-N-pages), generated unless an identical one is there.
bench_corpus() {
    local n=$1 mode=${2:-} seed=${BENCH_SEED:-1} dir=$BENCH_OUT/corpus-$1${2:+-pages} stamp
    stamp="count=$n seed=$seed${mode:+ $mode} inputs=$(cat bench/gen_corpus.c data/gazetteer.tsv data/sources.tsv | sha256sum | cut -c1-16)"
    if [[ -f $dir/.stamp && $(cat "$dir/.stamp") == "$stamp" ]]; then
        bench_log "corpus-$n: reusing $dir"
    else
        bench_log "corpus-$n: generating $n reports into $dir"
        rm -rf "$dir"
        "$GEN" --count "$n" --out "$dir" --seed "$seed" --data data $mode >&2
        printf '%s\n' "$stamp" >"$dir/.stamp"
    fi
    printf '%s\n' "$dir"
}

# start_server NAME TIMEOUT_S CMD...: starts CMD with its standard output
# on a FIFO and waits for its "listening on http://127.0.0.1:PORT" line.
# Sets SRV_PID, SRV_PORT and SRV_STARTUP_MS (process start to that line,
# measured without forking: $EPOCHREALTIME). Standard error goes to
# $BENCH_TMP/NAME.log. Dies with the log's tail when the server fails.
start_server() {
    local name=$1 timeout=$2
    shift 2
    local fifo=$BENCH_TMP/$name.fifo line t0 t1
    rm -f "$fifo"
    mkfifo "$fifo"
    t0=$EPOCHREALTIME
    "$@" >"$fifo" 2>>"$BENCH_TMP/$name.log" &
    SRV_PID=$!
    BENCH_PIDS+=("$SRV_PID")
    exec {SRV_FD}<"$fifo"
    SRV_PORT=
    while IFS= read -r -t "$timeout" -u "$SRV_FD" line; do
        if [[ $line =~ listening\ on\ http://127\.0\.0\.1:([0-9]+) ]]; then
            t1=$EPOCHREALTIME
            SRV_PORT=${BASH_REMATCH[1]}
            break
        fi
    done
    if [[ -z $SRV_PORT ]]; then
        tail -20 "$BENCH_TMP/$name.log" >&2 || true
        bench_die "$name did not say it was listening within ${timeout}s"
    fi
    # Nothing else comes on standard output; both servers ignore SIGPIPE.
    exec {SRV_FD}<&-
    # shellcheck disable=SC2034 # read by the callers
    SRV_STARTUP_MS=$(awk -v a="${t0/,/.}" -v b="${t1/,/.}" 'BEGIN {printf "%.1f", (b - a) * 1000}')
}

# stop_server PID: SIGTERM, then SIGKILL after 10 s; forgets the pid.
stop_server() {
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    local keep=() p
    for p in "${BENCH_PIDS[@]}"; do
        [[ $p == "$pid" ]] || keep+=("$p")
    done
    BENCH_PIDS=("${keep[@]}")
}

# proc_memory PID: its memory as JSON (kB): VmRSS and its peak VmHWM, and
# RSS split into anonymous memory (heap: SQLite page caches, response
# caches, JSON) and file pages (the database mapped with mmap, which the
# kernel can drop at will).
proc_memory() {
    awk '/^VmRSS/ {r = $2} /^VmHWM/ {h = $2} /^RssAnon/ {a = $2} /^RssFile/ {f = $2}
        END {printf "{\"vmrss_kb\":%d,\"vmhwm_kb\":%d,\"rssanon_kb\":%d,\"rssfile_kb\":%d}", r, h, a, f}' \
        "/proc/$1/status"
}

# probe URL: "STATUS BYTES SECONDS" of one GET.
probe() {
    local hdr=()
    [[ -n ${BENCH_WRK_HEADER:-} ]] && hdr=(-H "$BENCH_WRK_HEADER")
    curl -s "${hdr[@]}" -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' --max-time 60 "$1" ||
        echo "000 0 60"
}

# A run long enough for a few answers of an endpoint that took SECONDS
# once: at least MIN seconds, 3 answers' worth, at most 30 s.
run_seconds() {
    awk -v t="$1" -v min="$2" 'BEGIN { s = int(3 * t + 1); if (s < min) s = min; if (s > 30) s = 30; print s }'
}

# A one-connection pass over N targets that took SECONDS for the first one:
# about half of them in time (so none is asked twice even if the others are
# quicker), 1 to 20 s.
pass_seconds() {
    awk -v t="$1" -v n="$2" 'BEGIN { s = int(n * t / 2); if (s < 1) s = 1; if (s > 20) s = 20; print s }'
}

# What the response cache (server/cache.h) does not keep: a request target
# over 511 bytes. An integer parameter written with 170 leading zeros, each
# percent-encoded, means what it meant (limit=000...020 is limit=20) and
# makes the target long enough: the answer is rendered every time. Usage:
# "limit=$(uncached_int 20)".
uncached_int() {
    local zeros
    printf -v zeros '%%30%.0s' {1..170}
    printf '%s%s' "$zeros" "$1"
}

# CPU ticks (user + system) a process has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo gone; }

# wait_idle PID: returns once the process has used no CPU for 0.3 s (an
# idle libmicrohttpd server uses none), or after 300 s with a warning. No
# PID: returns at once.
wait_idle() {
    local pid=$1 prev cur i
    [[ -n $pid ]] || return 0
    prev=$(cpu_ticks "$pid")
    for ((i = 0; i < 1000; i++)); do
        sleep 0.3
        cur=$(cpu_ticks "$pid")
        [[ $cur == "$prev" ]] && return 0
        prev=$cur
    done
    bench_log "warning: pid $pid still busy after 300 s"
}

# wrk_run LABEL URL SECONDS WARMUP [CONNECTIONS] [THREADS] [PATHS_FILE [MAX]]:
# a warm-up run (discarded), then the measured run. Prints one JSON object:
# req/s, latency percentiles (µs), error counts, and non2xx (responses that
# were not 2xx or 3xx, from wrk's own report). The raw output is kept in
# bench/out/raw/LABEL.txt. wrk's request timeout is BENCH_WRK_TIMEOUT (30 s,
# not wrk's 2 s: a slow answer is a latency to report, not a lost sample).
# When BENCH_SERVER_PID is set, waits after each wrk run until that server
# is idle again: requests still queued when wrk stops would otherwise run
# into the next measurement. BENCH_WRK_SCRIPT: another wrk script taking
# the same arguments and printing the same summary (bench/report.lua).
wrk_run() {
    local label=$1 url=$2 secs=$3 warm=$4 conns=${5:-64} threads=${6:-2} paths=${7:-} max=${8:-}
    local raw=$BENCH_OUT/raw/$label.txt args=() tmo=${BENCH_WRK_TIMEOUT:-30s}
    local script=${BENCH_WRK_SCRIPT:-bench/report.lua}
    local hdr=() # BENCH_WRK_HEADER: one request header for every request (Accept-Encoding)
    [[ -n ${BENCH_WRK_HEADER:-} ]] && hdr=(-H "$BENCH_WRK_HEADER")
    [[ -n $paths ]] && args=(-- "$paths")
    [[ -n $paths && -n $max ]] && args+=("$max")
    if [[ $warm != 0 ]]; then
        wrk -c "$conns" -t "$threads" -d "${warm}s" --timeout "$tmo" "${hdr[@]}" -s "$script" \
            "$url" "${args[@]}" >/dev/null
        wait_idle "${BENCH_SERVER_PID:-}"
    fi
    # The machine's CPU time around the run, the server's and wrk's: what
    # is left was used by other processes, which make the numbers low and
    # noisy (this machine is shared).
    local m0 m1 p0=0 p1=0 w TIMEFORMAT='%U %S'
    m0=$(machine_ticks)
    [[ -n ${BENCH_SERVER_PID:-} ]] && p0=$(cpu_ticks "$BENCH_SERVER_PID")
    { time wrk -c "$conns" -t "$threads" -d "${secs}s" --timeout "$tmo" --latency "${hdr[@]}" \
        -s "$script" "$url" "${args[@]}" >"$raw"; } 2>"$raw.time"
    m1=$(machine_ticks)
    [[ -n ${BENCH_SERVER_PID:-} ]] && p1=$(cpu_ticks "$BENCH_SERVER_PID")
    w=$(tail -1 "$raw.time")
    wait_idle "${BENCH_SERVER_PID:-}"
    local j non2xx
    j=$(sed -n 's/^WRK_JSON //p' "$raw")
    [[ -n $j ]] || bench_die "wrk printed no summary for $label (see $raw)"
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$raw")
    jq -c --argjson non2xx "${non2xx:-0}" --argjson c "$conns" --argjson t "$threads" \
        --argjson cpu "$(awk -v m0="$m0" -v m1="$m1" -v p0="$p0" -v p1="$p1" -v w="$w" \
            -v hz="$(getconf CLK_TCK)" 'BEGIN {
            split(m0, a, " "); split(m1, b, " "); split(w, u, " ")
            busy = b[1] - a[1]; total = b[2] - a[2]; srv = p1 - p0; wrk = (u[1] + u[2]) * hz
            other = busy - srv - wrk; if (other < 0) other = 0
            if (total <= 0) total = 1
            printf "{\"server_pct\":%.1f,\"wrk_pct\":%.1f,\"others_pct\":%.1f}",
                100 * srv / total, 100 * wrk / total, 100 * other / total }')" \
        --arg max "$max" \
        '. + {non2xx: $non2xx, connections: $c, threads: $t, cpu: $cpu,
              rps: (if $max == "" then .requests / (.duration_us / 1e6)
                    # A thread that stops early leaves wrk waiting out -d:
                    # the rate is what the latencies allow.
                    else $c * 1e6 / ([.latency_us.mean, 1] | max) end)}' <<<"$j"
}

# "BUSY TOTAL": CPU ticks of the whole machine (/proc/stat), busy = user,
# nice, system and steal; interrupt time is left out of both (it is not
# charged to any process, so it would pass for "other processes").
machine_ticks() {
    awk '/^cpu / {busy = $2 + $3 + $4 + $9; print busy, busy + $5 + $6; exit}' /proc/stat
}

# bench_scale_db N: bench/out/scale-N.db (BENCH_DB_DIR) imported from
# corpus-N, reused while the corpus and the import code are unchanged;
# prints its path. The same database and import record (scale-N.import.json)
# as bench/scale.sh's, so either script reuses the other's import.
bench_scale_db() {
    local n=$1 dir=${BENCH_DB_DIR:-$BENCH_OUT} corpus db record key line
    corpus=$(bench_corpus "$n")
    db=$dir/scale-$n.db
    record=$dir/scale-$n.import.json
    mkdir -p "$dir"
    key=$(cat "$corpus/.stamp" schema.sql db/*.[ch] ingest/*.[ch] extract/*.[ch] data/*.tsv \
        data/lexicon/*.tsv | sha256sum | cut -c1-16)
    if [[ ${BENCH_REIMPORT:-0} != 1 && -f $db && -f $record &&
        $(jq -r '.key // ""' "$record") == "$key" ]]; then
        bench_log "import: reusing $db (same corpus and import code as on $(jq -r .date "$record"))"
        printf '%s\n' "$db"
        return
    fi
    rm -f "$db" "$db-wal" "$db-shm" "$record"
    bench_log "import: $corpus -> $db"
    local t0=$EPOCHREALTIME t1 text_bytes
    "$MARSAD" import --db "$db" "$corpus" 2>"$BENCH_TMP/import-$n.log" ||
        { tail -5 "$BENCH_TMP/import-$n.log" >&2; bench_die "marsad import failed at $n"; }
    t1=$EPOCHREALTIME
    text_bytes=$(find "$corpus" -maxdepth 1 -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s + 0}')
    line=$(grep 'marsad: imported' "$BENCH_TMP/import-$n.log" | tail -1)
    [[ $line =~ imported\ ([0-9]+)\ articles:\ ([0-9]+)\ figures,\ ([0-9]+)\ place\ mentions,\ ([0-9]+)\ source\ mentions\ in\ ([0-9]+)\ ms ]] ||
        bench_die "cannot read the import summary: $line"
    jq -nc --argjson a "${BASH_REMATCH[1]}" --argjson f "${BASH_REMATCH[2]}" \
        --argjson pm "${BASH_REMATCH[3]}" --argjson sm "${BASH_REMATCH[4]}" \
        --argjson ms "${BASH_REMATCH[5]}" --argjson bytes "$text_bytes" \
        --arg wall "$(awk -v a="${t0/,/.}" -v b="${t1/,/.}" 'BEGIN {printf "%.1f", b - a}')" \
        --arg line "${line#marsad: }" --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg key "$key" \
        '{key: $key, articles: $a, figures: $f, place_mentions: $pm, source_mentions: $sm,
          ms: $ms, wall_s: ($wall | tonumber), text_bytes: $bytes,
          mb_per_s: ($bytes / 1e6 / ($ms / 1000)), articles_per_s: ($a / ($ms / 1000)),
          summary: $line, date: $date, cached: false}' >"$record"
    bench_log "import: ${line#marsad: }"
    printf '%s\n' "$db"
}
