#!/bin/sh
# Runs test programs for `make unit` / `make e2e` and keeps a tally, so that
# `make test` can end with one line over every suite.
#   run_suites.sh TALLY suites "ARGS" BIN...  Criterion programs, each run with ARGS;
#                                             its Synthesis line gives its counts
#   run_suites.sh TALLY check NAME CMD...     one command, one test (passed when it exits 0)
#   run_suites.sh TALLY summary               prints "N passed, N failed"; exit 1 when N failed > 0
# TALLY is a file of "passed failed" lines (/dev/null keeps none). The
# programs' own output is shown as it comes. Exits 1 when any of them failed.
tally=$1
mode=$2
shift 2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
case $mode in
suites)
    args=$1
    shift
    for t in "$@"; do
        echo "== $t"
        # shellcheck disable=SC2086 # ARGS are words
        { "$t" $args 2>&1; echo $? >"$tmp/rc"; } | tee "$tmp/out"
        rc=$(cat "$tmp/rc")
        counts=$(sed -n 's/.*Synthesis: Tested: [0-9]* | Passing: \([0-9]*\) | Failing: \([0-9]*\) | Crashing: \([0-9]*\).*/\1 \2 \3/p' "$tmp/out" | tail -n 1)
        if [ -n "$counts" ]; then
            passed=${counts%% *}
            rest=${counts#* }
            failed=$((${rest%% *} + ${rest#* }))
        else
            passed=0 failed=0
        fi
        # A program that failed without saying which test (a crash, a bad
        # option) counts as one failure.
        [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
        [ "$rc" -ne 0 ] && fail=1
        echo "$passed $failed" >>"$tally"
    done
    ;;
check)
    name=$1
    shift
    echo "== $name"
    if "$@"; then echo "1 0" >>"$tally"; else echo "0 1" >>"$tally"; fail=1; fi
    ;;
summary)
    [ -f "$tally" ] || : >"$tally"
    awk '{ p += $1; f += $2 } END { printf "%d passed, %d failed\n", p, f; exit (f > 0) }' "$tally"
    exit $?
    ;;
*)
    echo "run_suites.sh: unknown mode $mode" >&2
    exit 2
    ;;
esac
exit $fail
