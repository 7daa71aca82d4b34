#!/bin/sh
# check_data.sh — tools/check_data as `make` runs it: a copy of data/ passes;
# the copy with one bad line added to one file fails with exit 1 and
# "data/FILE:LINE: reason" naming that line.
# Usage: check_data.sh CHECKER (run from the top of the tree)
checker=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -x "$checker" ] || { echo "check_data.sh: no checker at $checker"; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cp -r data "$tmp/data"
cd "$tmp" || exit 1
files=$(ls data/*.tsv data/lexicon/*.tsv)
fail=0

# shellcheck disable=SC2086 # the file list is words
if ! "$checker" $files 2>err; then
    echo "FAIL: the data as it is does not pass:"; cat err; exit 1
fi

# expect FILE LINE_TEXT MESSAGE: appends LINE_TEXT to FILE, runs the
# checker and wants "FILE:N: MESSAGE" with N the appended line's number.
expect() {
    file=$1 text=$2 want=$3
    cp "$file" "$file.orig"
    printf '%s\n' "$text" >>"$file"
    line=$(wc -l <"$file" | tr -d ' ')
    # shellcheck disable=SC2086
    "$checker" $files 2>err >/dev/null
    rc=$?
    if [ "$rc" -ne 1 ] || ! grep -qF "$file:$line: $want" err; then
        echo "FAIL: $file + \"$text\": exit $rc, want 1 and \"$file:$line: $want\"; got:"
        cat err
        fail=1
    fi
    mv "$file.orig" "$file"
}

tab=$(printf '\t')
expect data/lexicon/triggers.tsv "قتل${tab}kiled${tab}before" 'column type: "kiled" is not one of'
expect data/lexicon/triggers.tsv "قتل${tab}killed${tab}before${tab}x" 'field 4 is an unknown column'
expect data/lexicon/nouns.tsv "طفل${tab}children${tab}kids${tab}-${tab}-${tab}-${tab}-" 'column category'
expect data/lexicon/attribution.tsv "قال${tab}claimed" 'column kind: is missing'
expect data/lexicon/number_words.tsv "خمسة${tab}unit${tab}-${tab}-${tab}5" 'column word: not one word in normalised form'
expect data/lexicon/speaker_forms.tsv "وزارة${tab}party" 'column kind: a party or role needs one'
expect data/sources.tsv "قناة ما${tab}some-tv${tab}outlet${tab}neutral" 'column affiliation: "neutral"'
expect data/gazetteer.tsv "مكان${tab}some-place${tab}town${tab}-${tab}91.5${tab}36.1${tab}exact" 'column lat: "91.5"'
expect data/lexicon/function_words.tsv "قال أن${tab}complementizer" 'column words: "قال ان" is not one word'
expect data/lexicon/windows.tsv "dateline_lines${tab}4" 'window dateline_lines already given on line'
expect data/lexicon/causes.tsv "$(printf 'a b c d e f g h i\tshelling')" 'phrase of more than 8 words'

# A window left out fails too (it would read as 0).
grep -v '^release_subject_at' data/lexicon/windows.tsv >w.tmp && cp data/lexicon/windows.tsv w.orig && mv w.tmp data/lexicon/windows.tsv
# shellcheck disable=SC2086
if "$checker" $files 2>err || ! grep -q "data/lexicon/windows.tsv: window release_subject_at is not given" err; then
    echo "FAIL: a window left out is not reported; got:"; cat err; fail=1
fi
mv w.orig data/lexicon/windows.tsv

# So does a set of function words left out (it would match nothing).
grep -v 'clause_opener$' data/lexicon/function_words.tsv >f.tmp && cp data/lexicon/function_words.tsv f.orig && mv f.tmp data/lexicon/function_words.tsv
# shellcheck disable=SC2086
if "$checker" $files 2>err || ! grep -q "data/lexicon/function_words.tsv: set clause_opener has no words" err; then
    echo "FAIL: a set left out is not reported; got:"; cat err; fail=1
fi
mv f.orig data/lexicon/function_words.tsv

# The number table: a word given twice names both lines.
cp data/lexicon/number_words.tsv nw.orig
printf 'خمسه\tunit\t-\t-\t5\n' >>data/lexicon/number_words.tsv
line=$(wc -l <data/lexicon/number_words.tsv | tr -d ' ')
if "$checker" --number-words data/lexicon/number_words.tsv >/dev/null 2>err ||
    ! grep -q "data/lexicon/number_words.tsv:$line: word \"خمسه\" already given on line" err; then
    echo "FAIL: a repeated number word is not reported at line $line; got:"; cat err; fail=1
fi
mv nw.orig data/lexicon/number_words.tsv
exit $fail
