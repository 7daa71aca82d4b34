#!/usr/bin/env bash
# tests/reliability/stop.sh (`make stop-test`) — a SIGTERM under load ends
# the server cleanly, every time.
#
# STOP_ROUNDS (60) times: `serve --threads 8` on a database of the seeds
# (imported once, by the first start), wrk at 32 connections over /healthz,
# /v1/meta and an article, and a SIGTERM after 0.2-0.4 s of it. Each round
# passes when the server had listened, said "SIGTERM received" and exited
# with status 0 within its --grace (1 s) and a margin. The polling threads
# are busy at the signal, as a race in the drain needs: libmicrohttpd
# 0.9.75's MHD_quiesce_daemon, which the drain no longer uses, aborted 3
# such stops in 180 on a machine busy with builds beside them (none on an
# idle one, so a pass here does not prove such a race absent).
#
# Prints one line per failed round and closes with
# `stop-test: N passed, M failed`; exits 1 on any failure. Every process it
# starts is killed by its pid and its folder (build/reliability/tmp.stop.*)
# removed on exit; loopback only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

O=${O:-build}
ROUNDS=${STOP_ROUNDS:-60}
MARSAD=$O/marsad

for tool in wrk curl jq; do
    command -v "$tool" >/dev/null || { echo "stop-test: needs $tool (apt-get install $tool)" >&2; exit 2; }
done
[[ -x $MARSAD ]] || { echo "stop-test: build $MARSAD first (make stop-test does)" >&2; exit 2; }

mkdir -p build/reliability
TMP=$(mktemp -d build/reliability/tmp.stop.XXXXXX)
PIDS=()
cleanup() {
    local p
    for p in "${PIDS[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Starts the server in the background (pid in $server); true once it listens.
start() { # start SEEDS
    : >"$TMP/out"
    "$MARSAD" serve --db "$TMP/marsad.db" --create --seeds "$1" --port "$port" \
        --access-log=off --grace 1 --threads 8 >"$TMP/out" 2>"$TMP/err" &
    server=$!
    PIDS+=("$server")
    local k
    for ((k = 0; k < 3000; k++)); do
        grep -q listening "$TMP/out" 2>/dev/null && return 0
        kill -0 "$server" 2>/dev/null || return 1
        sleep 0.01
    done
    return 1
}

port=$(free_port)
start data/seeds || { echo "stop-test: the first start failed:" >&2; cat "$TMP/err" >&2; exit 1; }
article=$(curl -sf "http://127.0.0.1:$port/v1/articles?limit=1" | jq -r '.data[0].id // empty')
kill -TERM "$server"
wait "$server" || true
[[ -n $article ]] || { echo "stop-test: no article in the seeds database" >&2; exit 1; }
cat >"$TMP/mix.lua" <<EOF
local paths = {"/healthz", "/healthz", "/healthz", "/v1/meta", "/v1/articles/$article"}
local n = 0
request = function()
    n = n + 1
    return wrk.format("GET", paths[n % #paths + 1])
end
EOF

passed=0
failed=0
for ((round = 1; round <= ROUNDS; round++)); do
    if ! start ""; then
        failed=$((failed + 1))
        echo "  FAIL  round $round: the server did not start: $(tail -3 "$TMP/err")"
        kill -KILL "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
        continue
    fi
    wrk -c 32 -t 2 -d 2s -s "$TMP/mix.lua" "http://127.0.0.1:$port" >/dev/null 2>&1 &
    load=$!
    PIDS+=("$load")
    sleep "0.$((2 + RANDOM % 3))"
    kill -TERM "$server"
    status=0
    for ((k = 0; k < 1000; k++)); do # at most 10 s: --grace 1 and a margin
        kill -0 "$server" 2>/dev/null || break
        sleep 0.01
    done
    if kill -0 "$server" 2>/dev/null; then
        kill -KILL "$server"
        status=timeout
    fi
    wait "$server" 2>/dev/null || { [[ $status == timeout ]] || status=$?; }
    kill -KILL "$load" 2>/dev/null || true
    wait "$load" 2>/dev/null || true
    if [[ $status == 0 ]] && grep -q "SIGTERM received" "$TMP/err"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "  FAIL  round $round: exit status $status; the log ends: $(tail -2 "$TMP/err")"
    fi
done
echo "stop-test: $passed passed, $failed failed"
((failed == 0))
