#!/bin/sh
# Meta-test (after curl test1477): every rb_status code in common.h has an entry, with
# the same name and a non-empty text, in engine/src/core/status.c; values never repeat.
#   check_status.sh [COMMON_H STATUS_C]
set -u
common=${1:-${RB_SOURCE_DIR:-.}/engine/include/rescuebay/common.h}
table=${2:-${RB_SOURCE_DIR:-.}/engine/src/core/status.c}
for f in "$common" "$table"; do
    [ -r "$f" ] || { echo "FAIL: cannot read $f"; exit 1; }
done

# "NAME VALUE" for each enumerator of rb_status.
codes=$(awk '
    /typedef enum rb_status[ \t]*\{/ { on = 1; next }
    on && /\}[ \t]*rb_status[ \t]*;/ { on = 0 }
    on {
        sub(/\/\*.*\*\//, "")
        if (match($0, /RB_[A-Z0-9_]+[ \t]*=[ \t]*-?[0-9]+/)) {
            s = substr($0, RSTART, RLENGTH); gsub(/[ \t]/, "", s); split(s, kv, "=")
            print kv[1], kv[2]
        } else if (match($0, /RB_[A-Z0-9_]+/)) {
            print substr($0, RSTART, RLENGTH), "?"
        }
    }' "$common")
[ -n "$codes" ] || { echo "FAIL: no rb_status enum found in $common"; exit 1; }

# "CODE NAME TEXT" for each {RB_X, "NAME", "text"} row of the table.
rows=$(awk '
    match($0, /\{[ \t]*RB_[A-Z0-9_]+[ \t]*,[ \t]*"[^"]*"[ \t]*,[ \t]*"[^"]*"/) {
        s = substr($0, RSTART + 1, RLENGTH - 1)
        n = split(s, p, "\"")
        code = p[1]; gsub(/[ \t,]/, "", code)
        printf "%s\t%s\t%s\n", code, p[2], p[4]
    }' "$table")

bad=0
report() { echo "FAIL: $*"; bad=$((bad + 1)); }
echo "$codes" | while read -r name value; do
    if [ "$value" = "?" ]; then
        echo "FAIL: $name has no explicit value in $common (values are ABI: write them out)"
    fi
done | grep . && bad=$((bad + 1))
dups=$(echo "$codes" | awk '$2 != "?" { c[$2]++; n[$2] = n[$2] " " $1 } END { for (v in c) if (c[v] > 1) print v ":" n[v] }')
[ -z "$dups" ] || report "rb_status values used twice: $dups"

missing=""
for name in $(echo "$codes" | awk '{print $1}'); do
    row=$(printf '%s\n' "$rows" | awk -F '\t' -v c="$name" '$1 == c' | head -n 1)
    if [ -z "$row" ]; then
        missing="$missing $name"
        continue
    fi
    rname=$(printf '%s' "$row" | cut -f 2)
    rtext=$(printf '%s' "$row" | cut -f 3)
    [ "$rname" = "$name" ] || report "$name is named \"$rname\" in $table"
    [ -n "$rtext" ] || report "$name has an empty description in $table"
done
[ -z "$missing" ] || report "codes without an entry in $table:$missing"
for code in $(printf '%s\n' "$rows" | cut -f 1); do
    echo "$codes" | awk -v c="$code" '$1 == c { f = 1 } END { exit !f }' ||
        report "$table lists $code, which common.h does not define"
done

if [ "$bad" -ne 0 ]; then
    echo "$bad problem(s)"
    exit 1
fi
echo "ok: $(echo "$codes" | wc -l) rb_status codes, each named and described in $table"
