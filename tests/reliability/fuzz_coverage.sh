#!/usr/bin/env bash
# tests/reliability/fuzz_coverage.sh (`make fuzz-coverage`) — line and
# branch coverage of the code each fuzz target is about, reached by its
# corpus: the seeds (tests/fuzz/corpus/TARGET/) plus what `make fuzz` has
# found so far (build/fuzz/corpus/TARGET/).
#
# The targets are built with clang's source-based coverage under
# build/fuzz-cov/ (by the Makefile), each runs its corpus once (-runs=0),
# and llvm-cov reports the files the target is meant to exercise. Prints
# the table and writes it to build/fuzz/coverage.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

BIN=${FUZZ_COV_BIN:-build/fuzz-cov/fuzz}
OUT=build/fuzz-cov
targets=("$@")
((${#targets[@]})) || targets=(numbers extract query body)
files_of() {
    case $1 in
    numbers) echo extract/numbers.c extract/text.c extract/lexicon.c extract/utf8.c ;;
    extract) echo extract/extract.c extract/figures.c extract/places.c extract/sources.c extract/model.c extract/numbers.c extract/text.c ;;
    query) echo server/params.c server/reply.c ;;
    body) echo server/body.c ;;
    esac
}
if ! command -v llvm-profdata >/dev/null || ! command -v llvm-cov >/dev/null; then
    echo "fuzz-coverage: needs llvm-profdata and llvm-cov (apt-get install llvm)" >&2
    exit 2
fi
{
    echo "# fuzz coverage: the corpus of each target, run once"
    echo
    echo "| target | inputs | file | lines | line coverage | branches | branch coverage |"
    echo "| --- | ---: | --- | ---: | ---: | ---: | ---: |"
    for t in "${targets[@]}"; do
        dirs=(tests/fuzz/corpus/"$t")
        [[ -d build/fuzz/corpus/$t ]] && dirs+=(build/fuzz/corpus/"$t")
        inputs=$(find "${dirs[@]}" -type f | wc -l)
        rm -f "$OUT/$t.profraw"
        LLVM_PROFILE_FILE=$OUT/$t.profraw timeout 900 "$BIN/fuzz_$t" -runs=0 "${dirs[@]}" >"$OUT/$t.log" 2>&1 ||
            { tail -5 "$OUT/$t.log" >&2; echo "fuzz-coverage: $t failed on its corpus" >&2; exit 1; }
        llvm-profdata merge -sparse "$OUT/$t.profraw" -o "$OUT/$t.profdata"
        # shellcheck disable=SC2046 # the file list is word-split on purpose
        llvm-cov report "$BIN/fuzz_$t" -instr-profile="$OUT/$t.profdata" $(files_of "$t") |
            awk -v t="$t" -v n="$inputs" -v files="$(files_of "$t")" '$1 ~ /\.c$/ {
                # Filename Regions Missed Cover Functions Missed Executed Lines Missed Cover Branches Missed Cover
                # (llvm-cov shortens the names: give them back their folder)
                name = $1; k = split(files, f, " ")
                for (i = 1; i <= k; i++)
                    if (substr(f[i], length(f[i]) - length($1) + 1) == $1 || substr($1, length($1) - length(f[i]) + 1) == f[i])
                        name = f[i]
                printf "| %s | %s | `%s` | %s | %s | %s | %s |\n", t, n, name, $8, $10, $11, $13 }'
    done
} | tee build/fuzz/coverage.md
