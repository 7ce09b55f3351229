#!/bin/sh
# Hostile input through the CLI: control characters, escape sequences, bidi overrides,
# SQL metacharacters and invalid UTF-8 are stored and shown without reaching the terminal.
set -eu
RB="${RB_BIN:-build/bin}/rescuebay"
H=$(mktemp -d "${TMPDIR:-/tmp}/rbcli-hostile.XXXXXX")
trap 'rm -rf "$H"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
rb() { "$RB" --home "$H" "$@"; }
printf 'tickets.pin_iterations = 1000\n' > "$H/rescuebay.conf"
echo 1234 | rb ticket staff add ann --pin-stdin

ESC=$(printf '\033')
BEL=$(printf '\007')
RLO=$(printf '\342\200\256')
BAD=$(printf 'bad\377utf8')
NAME="Robert'); DROP TABLE tickets;--"
N=$(echo 1234 | rb ticket new --customer "$NAME" --problem "red${ESC}[31mX${BEL} ${RLO}txt.exe" \
    --email "$BAD" --model "$(printf 'two\nlines')" --staff ann --pin-stdin)

OUT=$(rb ticket show "$N")
printf '%s' "$OUT" | grep -q "$ESC" && fail "escape reached the terminal"
printf '%s' "$OUT" | grep -q "$BEL" && fail "bell reached the terminal"
printf '%s' "$OUT" | grep -q "$RLO" && fail "bidi override reached the terminal"
printf '%s' "$OUT" | grep -qF 'red\x1b[31mX\x07 \u202etxt.exe' || fail "escaped problem: $OUT"
printf '%s' "$OUT" | grep -qF 'two\nlines' || fail "escaped newline"
printf '%s' "$OUT" | grep -qF "$NAME" || fail "sql text shown as is"
printf '%s' "$OUT" | grep -q "bad$(printf '\357\277\275')utf8" || fail "invalid utf-8 replaced"
rb ticket list | grep -q "$ESC" && fail "escape in list"
rb --json ticket show "$N" | grep -q '\\u001b\[31m' || fail "json escapes control chars"
# The table survived the metacharacters and a long field is fine.
LONG=$(head -c 60000 /dev/zero | tr '\0' 'x')
echo 1234 | rb ticket update "$N" --resolution "$LONG" --staff ann --pin-stdin >/dev/null
rb --json ticket show "$N" | grep -q "xxxxxxxxxx" || fail "long field"
[ "$(rb ticket list | wc -l)" = 1 ] || fail "list after hostile input"
# FTS syntax in a search is just text.
for q in '"' '*' 'NEAR(a b)' 'customer:x' "'; --"; do
    rb ticket search "$q" >/dev/null 2>&1 || [ $? = 1 ] || fail "search $q crashed"
done
echo "ok"
