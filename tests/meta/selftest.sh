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

e="$fx/edges"
python3 "$here/check_edges.py" --table "$e/table.txt" --src "$e/src" --links "$e/links.txt" >"$tmp/out" 2>&1
check "edges: bad fixture fails" [ $? -ne 0 ]
check "edges: private header of another module" lists "a.c:4: beta/beta_private.h: alpha includes beta's private header"
check "edges: own private header fine" silent "alpha/alpha_private.h"
check "edges: include edge not allowed" lists "b.c:1: rescuebay/gamma.h: beta uses gamma"
check "edges: allowed include edge quiet" silent "alpha/alpha_api.h"
check "edges: core public header is core" silent "rescuebay/context.h"
check "edges: umbrella header" lists "gamma includes rescuebay.h"
check "edges: link edge not allowed" lists "rb_beta links rb_gamma: beta links gamma"
check "edges: module without a row" lists "module delta .* has no row"
check "edges: row without a module" lists "table.txt:7: module omega does not exist"
check "edges: removed edge names its line" lists "table.txt:6: gamma -> beta is gone"
check "edges: seven problems" lists "^7 problem"
g="$fx/edges_good"
python3 "$here/check_edges.py" --table "$g/table.txt" --src "$g/src" --links "$g/links.txt" >"$tmp/out" 2>&1
check "edges: clean fixture passes" [ $? -eq 0 ]
check "edges: edge due to go noted" lists "note: beta -> alpha still exists; due to go (.*table.txt:4)"
python3 "$here/check_edges.py" --table "$g/table.txt" --src "$g/src" --links "$tmp/none.txt" >"$tmp/out" 2>&1
check "edges: missing build graph fails" [ $? -ne 0 ]

python3 "$here/check_threading.py" "$fx/threading" >"$tmp/out" 2>&1
check "threading: fixture fails" [ $? -ne 0 ]
check "threading: comment without a rule" lists "perfunc.h:12: rb_silent has no threading rule"
check "threading: no comment, split line" lists "perfunc.h:14: rb_no_comment has no threading rule"
check "threading: own rule accepted" silent "rb_own_rule"
check "threading: group shares the rule" silent "rb_group_"
check "threading: header contract covers" silent "rb_contract_"
check "threading: prototype without RB_EXTERN" silent "rb_without_extern"
check "threading: two offenders" lists "^2 offender"
python3 "$here/check_threading.py" "$fx/threading/contract.h" >"$tmp/out" 2>&1
check "threading: contract fixture passes" [ $? -eq 0 ]
check "threading: counts 2 by contract" lists "ok: 2 public functions .*2 by their header"
python3 "$here/check_threading.py" "$fx/nowhere" >"$tmp/out" 2>&1
check "threading: missing folder fails" [ $? -ne 0 ]

mkdir -p "$tmp/m/src/one" "$tmp/m/src/two" "$tmp/m/src/three" "$tmp/m/tests/one" "$tmp/m/tests/three"
: >"$tmp/m/tests/one/CMakeLists.txt"
: >"$tmp/m/tests/three/CMakeLists.txt"
echo "foreach(dir one sim)" >"$tmp/m/tests/CMakeLists.txt"
sh "$here/check_mirror.sh" "$tmp/m/src" "$tmp/m/tests" >"$tmp/out" 2>&1
check "mirror: fixture fails" [ $? -ne 0 ]
check "mirror: missing tests folder" lists "engine/src/two has no tests/two/CMakeLists.txt"
check "mirror: folder not added" lists "tests/three is not in the foreach"
check "mirror: complete module quiet" silent "/one"

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
