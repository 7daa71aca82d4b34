#!/usr/bin/env bash
# tests/reliability/crash.sh (`make crash-test`) — kill -9 during an import
# loses nothing.
#
# A folder of CRASH_ARTICLES (3000) generated reports (bench/gen_corpus,
# cached in build/reliability/) is imported into a fresh database, and the
# importer is killed with SIGKILL CRASH_ROUNDS (5) times at different
# moments: once after a short random delay (possibly before the first
# article), then each time once the database holds a chosen number of
# articles between the last count and N (polled with sqlite3). Rounds
# alternate `marsad import --db DB DIR` and `marsad serve --seeds DIR`
# (which imports at start). After every kill:
#   - PRAGMA integrity_check is ok, PRAGMA foreign_key_check is empty;
#   - no figure, place mention or source mention names a missing article;
#   - every article present is whole: its numbers of figures, place
#     mentions and source mentions, and the sum of its figures' span
#     offsets, are those `marsad extract FILE` finds in its file (the
#     reference, cached next to the corpus);
#   - nothing committed before the kill is lost (the count is at least the
#     one seen just before it) and the count is below N (the kill came
#     during the import).
# Then the import is run to its end: every article is there and whole, and
# its summary adds up (imported + unchanged = N, imported = N - what was
# there). Last, `serve --seeds DIR` on that database imports nothing
# (N unchanged) and /v1/meta counts N articles. Last of all, `import --bulk`
# into a second database is killed the same way, and a plain import must
# finish it (see the end).
#
# Prints one line per check and closes with `crash-test: N passed, M failed`;
# exits 1 on any failure. Knobs: CRASH_ARTICLES, CRASH_ROUNDS, CRASH_SEED
# (the kill points; default 1), O (build folder). Every process it starts
# is killed by its pid and its temporary folder (build/reliability/tmp.*)
# removed on exit; loopback only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export LC_ALL=C # sort and join in byte order, as SQLite orders ids

O=${O:-build}
N=${CRASH_ARTICLES:-3000}
ROUNDS=${CRASH_ROUNDS:-5}
RANDOM=${CRASH_SEED:-1}
MARSAD=$O/marsad
GEN=$O/bench/gen_corpus
CACHE=build/reliability
STEP_TIMEOUT=600 # seconds any one command may take

for tool in sqlite3 jq curl; do
    command -v "$tool" >/dev/null || { echo "crash-test: needs $tool (apt-get install $tool)" >&2; exit 2; }
done
[[ -x $MARSAD && -x $GEN ]] || { echo "crash-test: build $MARSAD and $GEN first (make crash-test does)" >&2; exit 2; }
((N >= 10)) || { echo "crash-test: CRASH_ARTICLES must be at least 10" >&2; exit 2; }

mkdir -p "$CACHE"
TMP=$(mktemp -d "$CACHE/tmp.crash.XXXXXX") # under build/: nothing else cleans it
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

passed=0
failed=0
check() { # check WHAT CONDITION-RESULT(0/1) [DETAIL]
    if [[ $2 == 0 ]]; then
        passed=$((passed + 1))
        printf '  ok    %s\n' "$1"
    else
        failed=$((failed + 1))
        printf '  FAIL  %s%s\n' "$1" "${3:+: $3}"
    fi
}
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# ---- the corpus and what the extractor finds in it (cached) -------------------
CORPUS=$CACHE/crash-corpus-$N
stamp="count=$N seed=7 inputs=$(cat bench/gen_corpus.c data/gazetteer.tsv data/sources.tsv | sha256sum | cut -c1-16)"
if [[ -f $CORPUS/.stamp && $(cat "$CORPUS/.stamp") == "$stamp" ]]; then
    log "corpus: reusing $CORPUS"
else
    log "corpus: generating $N reports into $CORPUS"
    rm -rf "$CORPUS"
    timeout "$STEP_TIMEOUT" "$GEN" --count "$N" --out "$CORPUS" --seed 7 --data data >/dev/null
    printf '%s\n' "$stamp" >"$CORPUS/.stamp"
fi
# The reference depends on the corpus and the extractor (code and data).
refkey=$( (echo reference-v2; cat "$CORPUS/.stamp" extract/*.[ch] data/*.tsv data/lexicon/*.tsv) | sha256sum | cut -c1-16)
REF=$CACHE/crash-reference-$N-$refkey.tsv
if [[ -s $REF ]]; then
    log "reference: reusing $REF"
else
    log "reference: marsad extract on each of the $N files"
    rm -f "$CACHE"/crash-reference-"$N"-*.tsv
    # id, figures, place mentions, source mentions, and the sum of the
    # figures' span offsets (so the figures themselves are compared, not
    # only counted)
    # shellcheck disable=SC2016 # $0 and $f belong to the inner bash
    find "$CORPUS" -maxdepth 1 -name '*.txt' -print0 |
        timeout "$STEP_TIMEOUT" xargs -0 -n 50 -P "$(nproc)" bash -c '
            for f; do
                "$0" extract "$f" | jq -r "[.id, (.figures | length),
                    ([.locations[].mentions | length] | add // 0),
                    ([.sources[].mentions | length] | add // 0),
                    ([.figures[] | .span.start + .span.end] | add // 0)] | @tsv"
            done' "$MARSAD" | sort >"$REF.tmp"
    mv "$REF.tmp" "$REF"
fi
[[ $(wc -l <"$REF") == "$N" ]] || { echo "crash-test: the reference has $(wc -l <"$REF") lines, not $N" >&2; exit 1; }

DB=$TMP/marsad.db
sql() { sqlite3 -batch -noheader -cmd '.timeout 5000' "$DB" "$@"; }
count() { [[ -f $DB ]] && sql 'SELECT count(*) FROM articles' 2>/dev/null || echo 0; }

# What the database holds per article, in the reference's shape.
stored() {
    sql "SELECT a.id,
        (SELECT count(*) FROM figures f WHERE f.article_id = a.id),
        (SELECT count(*) FROM location_mentions l WHERE l.article_id = a.id),
        (SELECT count(*) FROM source_mentions s WHERE s.article_id = a.id),
        (SELECT coalesce(sum(f.start + f.\"end\"), 0) FROM figures f WHERE f.article_id = a.id)
        FROM articles a ORDER BY a.id" | tr '|' '\t'
}

verify() { # verify LABEL: the checks that hold after any kill
    local label=$1 ic fk orphans bad n
    ic=$(sql 'PRAGMA integrity_check' 2>&1 | tr '\n' ' ')
    check "$label: integrity_check" "$([[ $ic == 'ok ' ]] && echo 0 || echo 1)" "$ic"
    fk=$(sql 'PRAGMA foreign_key_check' 2>&1 | awk 'NR <= 5' | tr '\n' ' ' || true)
    check "$label: foreign_key_check" "$([[ -z $fk ]] && echo 0 || echo 1)" "$fk"
    orphans=$(sql "SELECT
        (SELECT count(*) FROM figures WHERE article_id NOT IN (SELECT id FROM articles)) +
        (SELECT count(*) FROM location_mentions WHERE article_id NOT IN (SELECT id FROM articles)) +
        (SELECT count(*) FROM source_mentions WHERE article_id NOT IN (SELECT id FROM articles))")
    check "$label: no figure or mention without its article" "$([[ $orphans == 0 ]] && echo 0 || echo 1)" "$orphans orphans"
    n=$(count)
    # Articles whose counts differ from the reference (or are not in it).
    # (awk, not head, keeps the first three: no SIGPIPE under pipefail)
    bad=$(stored | join --nocheck-order -t $'\t' -a 1 -e MISSING -o 1.1,1.2,1.3,1.4,1.5,2.2,2.3,2.4,2.5 - "$REF" |
        awk -F'\t' '($2 != $6 || $3 != $7 || $4 != $8 || $5 != $9) && n++ < 3' | tr '\n' ';' || true)
    check "$label: each of the $n articles is whole (figures and their spans, place and source mentions as marsad extract finds)" \
        "$([[ -z $bad ]] && echo 0 || echo 1)" "id, stored (figures, places, sources, span sum), reference (same): $bad"
}

# start_import MODE: the importer in the background (no wrapper, so that
# IMP_PID is marsad itself); every wait on it below is bounded.
start_import() {
    if [[ $1 == import ]]; then
        "$MARSAD" import --db "$DB" "$CORPUS" >>"$TMP/import.out" 2>>"$TMP/import.err" &
    else
        "$MARSAD" serve --bind 127.0.0.1 --port 0 --db "$DB" --seeds "$CORPUS" \
            --create --access-log=0 >>"$TMP/serve.out" 2>>"$TMP/serve.err" &
    fi
    IMP_PID=$!
    PIDS+=("$IMP_PID")
}

kill9() {
    kill -KILL "$IMP_PID" 2>/dev/null || true
    wait "$IMP_PID" 2>/dev/null || true
}

: >"$TMP/import.out"
: >"$TMP/import.err"
: >"$TMP/serve.out"
: >"$TMP/serve.err"
log "crash-test: $N articles, $ROUNDS kills, database in $TMP"
last=0
for ((r = 1; r <= ROUNDS; r++)); do
    mode=import
    ((r % 2 == 0)) && mode=serve
    if ((r == 1)); then
        delay=$(awk -v x="$RANDOM" 'BEGIN {printf "%.2f", 0.05 + (x % 45) / 100}')
        log "round $r ($mode): kill -9 after ${delay} s"
        start_import "$mode"
        sleep "$delay"
        seen=$(count)
    else
        # A target between the last count and N that leaves two import
        # batches (INGEST_BATCH documents per transaction) for each
        # round still to come: with less, the rest commits at once and the
        # import ends before the kill can land.
        batch=$(sed -n 's/^#define INGEST_BATCH \([0-9]*\).*/\1/p' ingest/ingest.h)
        hi=$((N - (ROUNDS - r + 1) * 2 * ${batch:-64}))
        ((hi > last + 1)) || hi=$((last + 2))
        target=$((last + 1 + RANDOM % (hi - last - 1)))
        log "round $r ($mode): kill -9 once $target articles are in (had $last)"
        start_import "$mode"
        seen=0
        deadline=$((SECONDS + STEP_TIMEOUT))
        while :; do
            seen=$(count)
            ((seen >= target)) && break
            kill -0 "$IMP_PID" 2>/dev/null || break
            ((SECONDS < deadline)) || break
            sleep 0.02
        done
    fi
    kill9
    now=$(count)
    log "round $r: killed with $seen seen, $now in the database after the kill"
    check "round $r: nothing committed is lost ($now >= $seen)" "$((now >= seen ? 0 : 1))"
    if ((r > 1)); then
        check "round $r: killed during the import ($last < $now < $N)" "$((now > last && now < N ? 0 : 1))"
    else
        check "round $r: killed during the import ($now < $N)" "$((now < N ? 0 : 1))"
    fi
    [[ -f $DB ]] && verify "round $r"
    last=$now
done

log "completing the import"
before=$(count)
: >"$TMP/import.err"
if timeout "$STEP_TIMEOUT" "$MARSAD" import --db "$DB" "$CORPUS" >/dev/null 2>>"$TMP/import.err"; then rc=0; else rc=$?; fi
check "the last import exits 0" "$rc" "$(tail -3 "$TMP/import.err" | tr '\n' ' ')"
line=$(grep 'marsad: imported' "$TMP/import.err" | tail -1 || true)
log "${line#marsad: }"
if [[ $line =~ imported\ ([0-9]+)\ articles:.*\(([0-9]+)\ unchanged,\ ([0-9]+)\ skipped ]]; then
    imported=${BASH_REMATCH[1]} unchanged=${BASH_REMATCH[2]} skipped=${BASH_REMATCH[3]}
    check "imported + unchanged = N ($imported + $unchanged = $N), nothing skipped" \
        "$((imported + unchanged == N && skipped == 0 ? 0 : 1))"
    check "imported = what was missing ($imported = $N - $before)" "$((imported == N - before ? 0 : 1))"
else
    check "the import prints its summary" 1 "$line"
fi
check "all $N articles are in" "$(( $(count) == N ? 0 : 1 ))" "$(count)"
verify "after the import"

log "serve on the finished database"
start_import serve
port=
for ((i = 0; i < 600; i++)); do
    port=$(sed -nE 's|.*listening on http://127\.0\.0\.1:([0-9]+).*|\1|p' "$TMP/serve.out" | tail -1 || true)
    [[ -n $port ]] && break
    kill -0 "$IMP_PID" 2>/dev/null || break
    sleep 0.1
done
if [[ -n $port ]]; then
    articles=$(curl -s --max-time 10 "http://127.0.0.1:$port/v1/meta" | jq '.counts.articles')
    check "serve: /v1/meta counts $N articles" "$([[ $articles == "$N" ]] && echo 0 || echo 1)" "$articles"
    sline=$(grep 'marsad: imported' "$TMP/serve.err" | tail -1 || true)
    check "serve: nothing to import ($N unchanged)" \
        "$([[ $sline =~ imported\ 0\ articles:.*\($N\ unchanged ]] && echo 0 || echo 1)" "$sline"
    kill -TERM "$IMP_PID" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do
        kill -0 "$IMP_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$IMP_PID" 2>/dev/null || true
    if wait "$IMP_PID"; then rc=0; else rc=$?; fi
    check "serve: stops cleanly on SIGTERM (within 30 s)" "$rc"
else
    check "serve: listening on the finished database" 1 "$(tail -3 "$TMP/serve.err" | tr '\n' ' ')"
fi
ic=$(sql 'PRAGMA integrity_check' 2>&1 | tr '\n' ' ')
check "at the end: integrity_check" "$([[ $ic == 'ok ' ]] && echo 0 || echo 1)" "$ic"

# ---- a bulk import cut short ---------------------------------------------------
# `import --bulk` holds the database to itself (nothing can poll it), so it
# is killed after a delay: late enough that the deferred indexes are gone
# and batches are in, well before a bulk import of N ends. A plain import
# then finishes it (indexes back, everything counted) and completes the
# folder: the same checks as above, the kept counts against the rows, and
# the schema's objects those of the database imported without --bulk.
log "bulk: import --bulk killed with -9, then a plain import"
plain_db=$DB
DB=$TMP/bulk.db
delay=$(awk -v x="$RANDOM" 'BEGIN {printf "%.2f", 1.0 + (x % 100) / 100}')
"$MARSAD" import --bulk --db "$DB" "$CORPUS" >/dev/null 2>"$TMP/bulk.err" &
IMP_PID=$!
PIDS+=("$IMP_PID")
sleep "$delay"
kill9
now=$(count)
log "bulk: killed after ${delay} s with $now articles in"
check "bulk: killed during the import (0 < $now < $N)" "$((now > 0 && now < N ? 0 : 1))" "$(tail -2 "$TMP/bulk.err" | tr '\n' ' ')"
check "bulk: the database says it is unfinished" \
    "$([[ $(sql "SELECT count(*) FROM meta WHERE key = 'bulk_import'") == 1 ]] && echo 0 || echo 1)"
if timeout "$STEP_TIMEOUT" "$MARSAD" import --db "$DB" "$CORPUS" >/dev/null 2>"$TMP/bulk.err"; then rc=0; else rc=$?; fi
check "bulk: the plain import after it exits 0" "$rc" "$(tail -3 "$TMP/bulk.err" | tr '\n' ' ')"
check "bulk: the plain import finishes the bulk one" \
    "$(grep -q 'finished a bulk import that was cut short' "$TMP/bulk.err" && echo 0 || echo 1)"
line=$(grep 'marsad: imported' "$TMP/bulk.err" | tail -1 || true)
check "bulk: imported + unchanged = N" \
    "$([[ $line =~ imported\ ([0-9]+)\ articles:.*\(([0-9]+)\ unchanged ]] &&
        ((BASH_REMATCH[1] + BASH_REMATCH[2] == N && BASH_REMATCH[2] == now)) && echo 0 || echo 1)" "$line"
check "bulk: all $N articles are in" "$(( $(count) == N ? 0 : 1 ))" "$(count)"
verify "bulk: after the plain import"
agree=$(sql "SELECT (SELECT n FROM row_counts WHERE name = 'articles') = (SELECT count(*) FROM articles)
    AND (SELECT n FROM row_counts WHERE name = 'figures') = (SELECT count(*) FROM figures)
    AND (SELECT sum(n) FROM row_counts WHERE name LIKE 'figures?type=%') = (SELECT count(*) FROM figures)
    AND (SELECT sum(n_mentions) FROM sources) = (SELECT count(*) FROM source_mentions)
    AND (SELECT sum(n_figures) FROM sources) = (SELECT count(*) FROM figures WHERE claimant_id IS NOT NULL)
    AND (SELECT sum(n_mentions) FROM locations) = (SELECT count(*) FROM location_mentions)")
check "bulk: kept counts agree with the rows" "$([[ $agree == 1 ]] && echo 0 || echo 1)" "$agree"
objects() { sqlite3 -batch -noheader "$1" "SELECT type, name, sql FROM sqlite_schema ORDER BY name" | md5sum; }
check "bulk: the schema's objects are those of a plain import" \
    "$([[ $(objects "$DB") == "$(objects "$plain_db")" ]] && echo 0 || echo 1)"
kept() {
    sqlite3 -batch -noheader "$1" "SELECT * FROM row_counts WHERE n > 0 ORDER BY name;
        SELECT id, n_mentions, n_articles, n_figures FROM sources ORDER BY id;
        SELECT id, n_mentions FROM locations ORDER BY id;
        SELECT * FROM claim_cells ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
        SELECT * FROM claim_groups ORDER BY 1, 2, 3, 4, 5, 6, 7" | md5sum
}
check "bulk: counts, compare's cells and groups are those of a plain import" \
    "$([[ $(kept "$DB") == "$(kept "$plain_db")" ]] && echo 0 || echo 1)"

echo "crash-test: $passed passed, $failed failed"
((failed == 0))
