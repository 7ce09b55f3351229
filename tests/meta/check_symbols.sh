#!/bin/sh
# Meta-test (after curl test1167): every symbol the engine's static libraries export
# starts with rb_, and rb__ internals never show up in a public header.
#   check_symbols.sh [--headers DIR] [LIB.a...]
# Without LIBs: the libraries listed in $RB_ENGINE_LIBS_FILE (written by CMake from the
# engine's module list), else every $RB_BINARY_DIR/lib/librb_*.a.
set -u
headers="${RB_SOURCE_DIR:-.}/engine/include/rescuebay"
if [ "${1:-}" = "--headers" ]; then headers=$2; shift 2; fi
libs="$*"
if [ -z "$libs" ] && [ -n "${RB_ENGINE_LIBS_FILE:-}" ] && [ -r "$RB_ENGINE_LIBS_FILE" ]; then
    libs=$(cat "$RB_ENGINE_LIBS_FILE")
fi
if [ -z "$libs" ]; then
    libs=$(ls "${RB_BINARY_DIR:-build}"/lib/librb_*.a 2>/dev/null)
fi
[ -n "$libs" ] || { echo "FAIL: no engine libraries found (build first)"; exit 1; }
command -v nm >/dev/null 2>&1 || { echo "FAIL: nm not found"; exit 1; }

bad=0
nlibs=0
nsyms=0
for lib in $libs; do
    if [ ! -r "$lib" ]; then
        echo "FAIL: $lib: not built"
        bad=$((bad + 1))
        continue
    fi
    nlibs=$((nlibs + 1))
    # -P: "name type value size"; archive member headers end in ':' and are skipped.
    # Sanitizer and coverage instrumentation add their own globals; those are not ours.
    out=$(nm -g --defined-only -P "$lib" 2>/dev/null | awk '
        NF >= 2 && $1 !~ /:$/ && $2 ~ /^[A-Za-z]$/ {
            n++
            if ($1 ~ /^rb_/ || $1 ~ /^(__odr_asan|__asan_|__ubsan_|__sancov_|__gcov_|__llvm_)/) next
            print "  " $1 " (" $2 ")"
        }
        END { print n + 0 > "/dev/stderr" }' 2>"${TMPDIR:-/tmp}/rb_meta_n.$$")
    nsyms=$((nsyms + $(cat "${TMPDIR:-/tmp}/rb_meta_n.$$")))
    rm -f "${TMPDIR:-/tmp}/rb_meta_n.$$"
    if [ -n "$out" ]; then
        echo "FAIL: $lib exports symbols without the rb_ prefix (make them static, or rb__ if shared inside the engine):"
        echo "$out"
        bad=$((bad + $(echo "$out" | wc -l)))
    fi
done

# rb__ is the engine-internal prefix: a public header must not mention it.
if [ -d "$headers" ]; then
    hits=$(find "$headers" -name '*.h' -exec grep -Hn 'rb__' {} + 2>/dev/null)
    if [ -n "$hits" ]; then
        echo "FAIL: engine-internal rb__ names in public headers:"
        echo "$hits" | sed 's/^/  /'
        bad=$((bad + $(echo "$hits" | wc -l)))
    fi
else
    echo "FAIL: no header folder $headers"
    bad=$((bad + 1))
fi

if [ "$bad" -ne 0 ]; then
    echo "$bad offender(s)"
    exit 1
fi
echo "ok: $nsyms exported symbols in $nlibs libraries all start with rb_; no rb__ in $headers"
