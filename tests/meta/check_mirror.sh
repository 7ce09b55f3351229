#!/bin/sh
# Meta-test: tests/ mirrors engine/src/: every engine module has tests/<module>/ with a
# CMakeLists.txt (tests/CMakeLists.txt adds the folders it lists; a missing one is named).
#   check_mirror.sh [SRC_DIR TESTS_DIR]   (default: engine/src tests)
set -u
src=${1:-${RB_SOURCE_DIR:-.}/engine/src}
tests=${2:-${RB_SOURCE_DIR:-.}/tests}
[ -d "$src" ] || { echo "FAIL: no such folder: $src"; exit 1; }
bad=0 n=0
for d in "$src"/*/; do
    m=$(basename "$d")
    n=$((n + 1))
    if [ ! -f "$tests/$m/CMakeLists.txt" ]; then
        echo "  engine/src/$m has no tests/$m/CMakeLists.txt: put its tests there"
        bad=$((bad + 1))
    elif [ -f "$tests/CMakeLists.txt" ] &&
         ! grep -Eq "^foreach\(dir( | .* )$m( |\))" "$tests/CMakeLists.txt"; then
        echo "  tests/$m is not in the foreach(dir ...) list of $tests/CMakeLists.txt"
        bad=$((bad + 1))
    fi
done
[ "$n" -gt 0 ] || { echo "FAIL: no modules in $src"; exit 1; }
if [ "$bad" -gt 0 ]; then
    echo "FAIL: $bad module(s) without their tests folder"
    exit 1
fi
echo "ok: $n modules, each with tests/<module>/"
