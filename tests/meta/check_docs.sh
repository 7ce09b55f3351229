#!/bin/sh
# Meta-test (after curl test1139): every function declared in a public header has a doc
# comment right above it. Declarations written back to back (no blank line) form a group
# that shares the comment above the first one, as in sqlite.h:
#     /* Number of models and the i-th, in file order. */
#     RB_EXTERN size_t rb_catalog_count(const rb_catalog *cat);
#     RB_EXTERN const rb_model *rb_catalog_at(const rb_catalog *cat, size_t i);
#   check_docs.sh [DIR_OR_HEADER...]   (default: engine/include/rescuebay, globbed now)
set -u
[ $# -gt 0 ] || set -- "${RB_SOURCE_DIR:-.}/engine/include/rescuebay"
files=""
for a in "$@"; do
    if [ -d "$a" ]; then
        files="$files $(find "$a" -name '*.h' | sort)"
    elif [ -r "$a" ]; then
        files="$files $a"
    else
        echo "FAIL: no such header or folder: $a"
        exit 1
    fi
done
[ -n "$(echo $files)" ] || { echo "FAIL: no headers found in $*"; exit 1; }

total=0
out=$(awk '
    function flush_decl(   name, t) {
        t = decl
        sub(/\(.*/, "", t)                 # text before the parameter list
        if (match(t, /[A-Za-z_][A-Za-z0-9_]*[ \t]*$/)) {
            name = substr(t, RSTART, RLENGTH); gsub(/[ \t]/, "", name)
        } else name = "?"
        total++
        if (!documented) printf "%s:%d: %s has no doc comment above it\n", FILENAME, decl_line, name
        prev = documented ? "decl_ok" : "decl_bad"
        in_decl = 0
    }
    FNR == 1 { in_comment = 0; in_decl = 0; prev = "other"; cont = 0 }
    {
        line = $0
        if (cont) { cont = (line ~ /\\[ \t]*$/); next }          # macro continuation
        if (in_comment) {
            if (line ~ /\*\//) { in_comment = 0; if (line ~ /\*\/[ \t]*$/) prev = "comment" }
            next
        }
        if (in_decl) {
            decl = decl " " line
            if (line ~ /;/) flush_decl()
            next
        }
        if (line ~ /^[ \t]*$/) { prev = "blank"; next }
        if (line ~ /^[ \t]*#/) { cont = (line ~ /\\[ \t]*$/); prev = "other"; next }
        if (line ~ /^[ \t]*\/\*/) {
            if (line ~ /\*\//) { if (line ~ /\*\/[ \t]*$/) prev = "comment"; else prev = "other" }
            else in_comment = 1
            next
        }
        if (line ~ /^[ \t]*\/\//) { prev = "comment"; next }
        # A function declaration: RB_EXTERN ..., or a prototype of an rb_ function.
        if ((line ~ /^[ \t]*RB_EXTERN[ \t]/ && line !~ /^[ \t]*RB_EXTERN[^(]*;/) ||
            (line ~ /^[A-Za-z_][A-Za-z0-9_ \t*]*[ \t*]rb_[A-Za-z0-9_]*[ \t]*\(/ && line !~ /^[ \t]*(typedef|return)[ \t]/)) {
            documented = (prev == "comment" || prev == "decl_ok")
            decl = line; decl_line = FNR; in_decl = 1
            if (line ~ /;/) flush_decl()
            next
        }
        prev = "other"
    }
    END { print "TOTAL " total + 0 }' $files)
total=$(echo "$out" | awk '/^TOTAL / { print $2 }')
offenders=$(echo "$out" | grep -v '^TOTAL ')
if [ -n "$offenders" ]; then
    echo "FAIL: public functions without a doc comment (put /* ... */ right above):"
    echo "$offenders" | sed 's/^/  /'
    echo "$(echo "$offenders" | wc -l) offender(s)"
    exit 1
fi
[ "$total" -gt 0 ] || { echo "FAIL: no function declarations found in $*"; exit 1; }
echo "ok: $total public functions documented in $(echo $files | wc -w) headers"
