#!/bin/sh
# The meta-tests must be able to fail: run each checker on fixtures with known offenders
# and on a clean fixture, and check the verdicts and the offender lists.
set -u
here=$(dirname "$0")
fx="$here/fixtures"
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() {
    desc=$1; shift
    if "$@"; then echo "ok   $desc"; else echo "FAIL $desc"; fails=$((fails + 1)); fi
}
lists() { grep -q -- "$1" "$tmp/out"; }
silent() { ! grep -q -- "$1" "$tmp/out"; }

sh "$here/check_docs.sh" "$fx/good" >"$tmp/out" 2>&1
check "docs: clean fixture passes" [ $? -eq 0 ]
check "docs: counts 5 functions" lists "ok: 5 public functions"
sh "$here/check_docs.sh" "$fx/bad" >"$tmp/out" 2>&1
check "docs: bad fixture fails" [ $? -ne 0 ]
for f in rb_after_blank rb_after_define rb_after_struct rb_without_extern; do
    check "docs: reports $f" lists "$f has no doc comment"
done
check "docs: documented rb_fine not reported" silent "rb_fine has"
check "docs: documented rb_mentions_internal not reported" silent "rb_mentions_internal has"
check "docs: four offenders" lists "^4 offender"
sh "$here/check_docs.sh" "$fx/nowhere" >"$tmp/out" 2>&1
check "docs: missing folder fails" [ $? -ne 0 ]

sh "$here/check_status.sh" "$fx/common.h" "$fx/status.c" >"$tmp/out" 2>&1
check "status: bad fixture fails" [ $? -ne 0 ]
check "status: wrong name" lists 'RB_ERR_B is named "RB_ERR_BB"'
check "status: empty text" lists "RB_ERR_C has an empty description"
check "status: missing entry" lists "without an entry in .*: RB_ERR_D"
check "status: duplicate value" lists "values used twice: -4: RB_ERR_D RB_ERR_E"
check "status: stray table row" lists "lists RB_ERR_Z"
check "status: fine codes quiet" silent "RB_ERR_A "

if [ -n "${RB_META_FIXTURE_LIB:-}" ]; then
    sh "$here/check_symbols.sh" --headers "$fx/good" "$RB_META_FIXTURE_LIB" >"$tmp/out" 2>&1
    check "symbols: fixture library fails" [ $? -ne 0 ]
    check "symbols: reports helper_without_prefix" lists "helper_without_prefix (T)"
    check "symbols: reports data symbol" lists "fixture_counter (D)"
    check "symbols: rb_ and rb__ accepted" silent "rb_fixture"
    check "symbols: static not exported" silent "hidden"
    sh "$here/check_symbols.sh" --headers "$fx/bad" "$RB_META_FIXTURE_LIB" >"$tmp/out" 2>&1
    check "symbols: rb__ in a public header reported" lists "bad.h:16:.*rb__hidden"
fi
sh "$here/check_symbols.sh" "$tmp/missing.a" >"$tmp/out" 2>&1
check "symbols: unbuilt library fails" [ $? -ne 0 ]

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
