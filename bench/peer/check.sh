#!/usr/bin/env bash
# bench/peer/check.sh — does the FastAPI peer answer what marsad answers,
# byte for byte?
#
#   bash bench/peer/check.sh [DB]
#
# Without DB, on bench/out/scale-N.db (N = BENCH_PEER_ARTICLES, 1000 here;
# generated and imported when missing, as bench-scale does). Starts marsad
# (--cache-mb 0) and the peer on it, draws targets from the database
# (targets.py) and compares 120+ answers (check.py). Exit 1 at the first
# difference, which it prints. `make bench-peer` runs the same check before
# it measures.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
bench_init
PY=${BENCH_PEER_PYTHON:-/usr/bin/python3}
"$PY" -c 'import fastapi, uvicorn' 2>/dev/null ||
    bench_die "the peer needs python3-fastapi and python3-uvicorn (apt-get install; make bench-peer installs them)"
db=${1:-$(bench_scale_db "${BENCH_PEER_ARTICLES:-1000}")}
[[ -f $db ]] || bench_die "no database $db"
"$PY" bench/peer/targets.py "$db" "$BENCH_TMP/targets" --count 2000
start_server marsad 120 "$MARSAD" serve --port 0 --db "$db" --seeds "" --access-log=0 \
    --threads 2 --cache-mb 0
marsad_url=http://127.0.0.1:$SRV_PORT
start_server peer 60 "$PY" bench/peer/serve.py --db "$db" --port 0 --workers 2
peer_url=http://127.0.0.1:$SRV_PORT
"$PY" bench/peer/check.py "$marsad_url" "$peer_url" "$BENCH_TMP/targets"
