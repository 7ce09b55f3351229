#!/bin/sh
# Outside text is data (issue 9, class 3): a table of hostile strings (terminal control,
# C1, bidi overrides and isolates, line separators, invalid UTF-8) through the real paths:
# a simulated device's lockdown values, a backup's DeviceName and file names, ticket
# fields. Human output must hold none of them raw; every --json output must parse.
. "$(dirname "$0")/devices_lib.sh"
RB="$RB_BIN/rescuebay"
CHECK="python3 $(dirname "$0")/text_check.py"

# One hostile string per line, written with printf escapes.
cat > "$T/table" <<'TABLE'
red\033[31mX\033[0m
title\033]0;pwned\007end
clear\033[2J\033[H
c1csi\302\2332Jc1osc\302\235x
photo\342\200\256gpj.exe
iso\342\201\246x\342\201\247y\342\201\250z\342\201\251
marks\342\200\216\342\200\217\330\234
lre\342\200\252lro\342\200\255pdf\342\200\254
bad\377\376utf8\300\257
surrogate\355\240\200
cut\342\200
del\177bel\007bs\010
cr\rover
two\nlines\ttab
ls\342\200\250ps\342\200\251
TABLE
n=0
while IFS= read -r row; do
    n=$((n + 1))
    printf "$row" > "$T/s$n"
done < "$T/table"
count=$n

# ---- devices: the simulator serves the strings through lockdownd ----
sim_start '[device a]
mode = normal
paired = yes
trust = accept
product_type = iPhone12,1
udid = 00008030-001A2B3C4D5E6F70
ecid = 0x001A2B3C4D5E6F70'
ID=00008030-001A2B3C4D5E6F70
n=1
while [ $n -le $count ]; do
    s=$(cat "$T/s$n"; printf x); s=${s%x}
    for key in device_name serial activation; do
        ctl set a "$key" "$s"
    done
    # A hostile product type makes the model unknown: the headline shows it too.
    [ $((n % 3)) = 0 ] && ctl set a product_type "$s"
    [ $((n % 3)) = 1 ] && ctl set a product_type iPhone12,1
    # Generous waits: a loaded CI machine running the ASan build is slow to answer.
    "$RB" device info "$ID" --timeout 60000 > "$T/di$n" 2>&1 || fail "device info, string $n: $(cat "$T/di$n")"
    "$RB" --json device info "$ID" --timeout 60000 > "$T/dk$n" 2>"$T/dke$n" ||
        fail "device info --json, string $n: $(cat "$T/dk$n" "$T/dke$n")"
    if [ $((n % 3)) = 0 ]; then # the list shows the headline (with the product type)
        "$RB" devices --timeout 60000 > "$T/dh$n" 2>&1 || fail "devices, string $n: $(cat "$T/dh$n")"
        "$RB" --json devices --timeout 60000 > "$T/dj$n" 2>"$T/dje$n" ||
            fail "devices --json, string $n: $(cat "$T/dj$n" "$T/dje$n")"
    fi
    n=$((n + 1))
done
# One checker run per section (python starts slowly on a busy machine).
$CHECK human "$T"/di* "$T"/dh* "$T"/dje* "$T"/dke*
$CHECK json "$T"/dj[0-9]* "$T"/dk[0-9]*
# The table really reached the output, escaped (the check above cannot pass vacuously).
grep -qF 'Device name:  c1csi\u009b2Jc1osc\u009dx' "$T/di4" || fail "escaped C1: $(cat "$T/di4")"
grep -qF 'Serial:       two\nlines\ttab' "$T/di14" || fail "escaped newline: $(cat "$T/di14")"
grep -qF 'photo\u202egpj.exe' "$T/di5" || fail "escaped bidi: $(cat "$T/di5")"
grep -qF 'bad\xff\xfeutf8\xc0\xaf' "$T/di9" || fail "escaped bytes: $(cat "$T/di9")"
grep -qF '"device_name":	"bad\ufffd\ufffdutf8\ufffd\ufffd"' "$T/dk9" || fail "json U+FFFD: $(cat "$T/dk9")"
grep -q '"replaced_invalid_utf8":.*"/device/device_name"' "$T/dk9" || fail "json note: $(cat "$T/dk9")"
grep -q 'replaced_invalid_utf8' "$T/dk1" && fail "note without a replacement"
# Over a trusted session lockdownd's XML plists turn C0 controls other than TAB/LF/CR into
# spaces (libplist); before trust, values come as sent, ESC included.
ctl unpair a
ctl set a device_name "$(cat "$T/s1")"
"$RB" device info "$ID" --timeout 60000 > "$T/du" 2>&1 || fail "device info untrusted: $(cat "$T/du")"
$CHECK human "$T/du"
grep -qF 'Device name:  red\x1b[31mX\x1b[0m' "$T/du" || fail "escaped ESC: $(cat "$T/du")"
# --watch prints one JSON object per line: still one valid document per line.
"$RB" --json devices --watch > "$T/watch" 2>/dev/null &
WP=$!
i=0
until [ -s "$T/watch" ]; do
    i=$((i + 1)); [ $i -lt 200 ] || fail "devices --watch printed nothing"
    sleep 0.05
done
kill $WP; wait $WP 2>/dev/null || true
$CHECK json --lines "$T/watch"


# ---- backups: DeviceName and file names from the customer's backup ----
GEN="$RB_BINARY_DIR/tests/rb-backup-gen"
n=1
while [ $n -le $count ]; do
    s=$(cat "$T/s$n"; printf x); s=${s%x}
    "$GEN" "$T/b$n" --files 2 --hostile-names --device-name "$s" >/dev/null
    n=$((n + 4))
done
# Take the hostile photos' content away so that verify names them in its findings.
python3 - "$T/b1" <<'PY'
import hashlib, os, sqlite3, sys
db = sqlite3.connect(os.path.join(sys.argv[1], "Manifest.db"))
db.text_factory = bytes
for fid, rel in db.execute("SELECT fileID, relativePath FROM Files WHERE relativePath LIKE '%IMG\\_%' ESCAPE '\\' AND relativePath NOT LIKE '%IMG\\_0%' ESCAPE '\\'"):
    fid = fid.decode()
    os.remove(os.path.join(sys.argv[1], fid[:2], fid))
PY
"$RB" backup list --root "$T" > "$T/bl" 2>&1 || fail "backup list"
"$RB" --json backup list --root "$T" > "$T/blj" 2>/dev/null || fail "backup list --json"
$CHECK human "$T/bl"
$CHECK json "$T/blj"
[ "$(grep -c 'rb-devcli' "$T/bl")" = 4 ] || fail "backup list: $(cat "$T/bl")"
for b in "$T"/b*; do
    [ -d "$b" ] || continue
    k=${b##*/}
    "$RB" backup verify --quick "$b" > "$T/bv-$k" 2>&1 || true
    "$RB" --json backup verify --quick "$b" > "$T/bvj-$k" 2>/dev/null || true
    "$RB" backup inventory --quick "$b" > "$T/bi-$k" 2>&1 || true
done
$CHECK human "$T"/bv-* "$T"/bi-*
$CHECK json "$T"/bvj-*
"$RB" backup verify "$T/b1" > "$T/bv1" 2>&1 && fail "verify passed with the photos missing"
grep -qF 'IMG_\x1b[2J\x1b]0;pwned\x07.HEIC' "$T/bv1" || fail "escaped file name: $(cat "$T/bv1")"
grep -qF 'Backup of "red\x1b[31mX\x1b[0m"' "$T/bv1" || fail "escaped DeviceName: $(cat "$T/bv1")"
# extract refuses every hostile name (none reaches the disk) and copies the rest.
"$RB" --json backup extract "$T/b5" --category photos --out "$T/out" > "$T/ex" 2>&1 || fail "extract: $(cat "$T/ex")"
$CHECK json "$T/ex"
python3 - "$T/ex" "$T/out" <<'PY'
import json, os, sys
d = json.load(open(sys.argv[1]))
assert d["files_unsafe"] == 6, d
for root, dirs, files in os.walk(sys.argv[2]):
    for name in dirs + files:
        assert name.isprintable() and not any(0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069 for c in name), repr(name)
assert d["files_written"] >= 1, d
PY

# ---- tickets: what staff typed ----
H="$T/tk"
mkdir -p "$H"
printf 'tickets.pin_iterations = 1000\n' > "$H/rescuebay.conf"
echo 1234 | "$RB" --home "$H" ticket staff add ann --pin-stdin
n=1
while [ $n -le $count ]; do
    s=$(cat "$T/s$n"; printf x); s=${s%x}
    num=$(echo 1234 | "$RB" --home "$H" ticket new --customer "$s" --problem "$s" --model "$s" \
          --serial "$s" --note "$s" --staff ann --pin-stdin)
    "$RB" --home "$H" ticket show "$num" > "$T/ts$n" 2>&1 || fail "ticket show"
    "$RB" --home "$H" ticket receipt "$num" > "$T/tr$n" 2>&1 || fail "ticket receipt"
    "$RB" --home "$H" --json ticket show "$num" > "$T/tsj$n" 2>/dev/null || fail "ticket show --json"
    "$RB" --home "$H" --json ticket receipt "$num" > "$T/trj$n" 2>/dev/null || fail "ticket receipt --json"
    n=$((n + 1))
done
"$RB" --home "$H" ticket list > "$T/tl" 2>&1
"$RB" --home "$H" ticket search bad > "$T/tq" 2>&1 || true
"$RB" --home "$H" --json ticket list > "$T/tlj"
$CHECK human "$T/tl" "$T/tq" "$T"/ts[0-9]* "$T"/tr[0-9]*
$CHECK json "$T/tlj" "$T"/tsj* "$T"/trj*
[ "$(grep -c . "$T/tl")" = "$count" ] || fail "ticket list: $(cat "$T/tl")"

# ---- errors carry outside text too: an id nobody has, with control bytes ----
"$RB" device info "$(cat "$T/s1")" --timeout 200 > /dev/null 2> "$T/err" && fail "no such device"
"$RB" --json device info "$(cat "$T/s9")" --timeout 200 > "$T/errj" 2>/dev/null && fail "no such device"
$CHECK human "$T/err"
$CHECK json "$T/errj"
grep -qF 'red\x1b[31mX' "$T/err" || fail "escaped id in the error: $(cat "$T/err")"
echo "ok: $count hostile strings"
