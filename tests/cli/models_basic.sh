#!/bin/sh
# rescuebay models: lookups by product type, name, board and CPID; --json shape; exit codes.
set -u
RB="${RB_BIN:?}/rescuebay"
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { # description, command...
    desc=$1; shift
    if "$@"; then echo "ok   $desc"; else echo "FAIL $desc"; fails=$((fails + 1)); fi
}
has() { grep -q -- "$1" "$tmp/out"; }
run() { "$RB" "$@" >"$tmp/out" 2>"$tmp/err"; echo $? >"$tmp/rc"; }
rc() { [ "$(cat "$tmp/rc")" = "$1" ]; }

run models iPhone12,1
check "product type: exit 0" rc 0
check "product type: marketing name" has "^iPhone 11$"
check "product type: board, chip, ids" has "A13 Bionic (CPID 0x8030, BDID 0x04)"
check "product type: scheme" has "VOLUP_VOLDOWN_SIDE"
check "product type: Emergency SOS caution" has "Emergency SOS"

run models "iphone 11"
check "name: exit 0" rc 0
check "name: table lists iPhone 11 first" sh -c "sed -n 2p '$tmp/out' | grep -q '^iPhone12,1 '"
check "name: three models" sh -c "[ \$(wc -l <'$tmp/out') -eq 4 ]"

run models iphone 11 pro max
check "several words joined" has "iPhone12,5"

run models 0x8030
check "cpid: exit 0" rc 0
check "cpid: iPhone 11 and iPad 9" sh -c "grep -q iPhone12,1 '$tmp/out' && grep -q iPad12,1 '$tmp/out'"
check "cpid: only that chip" sh -c "! tail -n +2 '$tmp/out' | grep -v 0x8030/"

run models 0x8120:0x08
check "cpid:bdid resolves iPhone 15 (unknown to Debian 12)" has "^iPhone 15$"
check "cpid:bdid says Debian 12 does not know it" has "unknown to its libirecovery"

run models n104ap
check "board lookup" has "iPhone12,1"

run models
check "no query: exit 0" rc 0
check "no query: 180 iPhone/iPad/iPod rows + header" sh -c "[ \$(wc -l <'$tmp/out') -eq 181 ]"
check "no query: no watches" sh -c "! grep -q Watch '$tmp/out'"
run models --all
check "--all: 316 rows + header" sh -c "[ \$(wc -l <'$tmp/out') -eq 317 ]"

run models Watch6,18
check "identification-only device shown" has "identified only"

run models --json iPhone12,1
check "json: exit 0" rc 0
check "json: product_type" has '"product_type":[[:space:]]*"iPhone12,1"'
check "json: count" has '"count":[[:space:]]*1'
check "json: cpid as hex string" has '"cpid":[[:space:]]*"0x8030"'
check "json: hazards array" has '"hazards":[[:space:]]*\["emergency_sos"\]'
check "json: booleans" has '"dfu_may_use_kis":[[:space:]]*false'
if command -v python3 >/dev/null 2>&1; then
    "$RB" models --json >"$tmp/all.json"
    check "json: parses, 180 models, every field present" python3 -c "
import json, sys
d = json.load(open('$tmp/all.json'))
assert d['query'] is None and d['count'] == len(d['models']) == 180, d['count']
keys = {'product_type','name','variant','family','hardware_model','chip','cpid','bdid','buttons',
        'home_button','connector','hazards','controls_note','dfu_may_use_kis','in_debian12_libirecovery'}
for m in d['models']:
    assert set(m) == keys, set(m) ^ keys
    assert m['buttons'] in ('HOME_TOP','VOLDOWN_SIDE','VOLUP_VOLDOWN_SIDE','IPAD_NOHOME'), m
"
fi

run models "no such phone"
check "no match: exit 1" rc 1
check "no match: message" grep -q "no model matches" "$tmp/err"
run models --json "no such phone"
check "no match json: empty list" has '"count":[[:space:]]*0'

run models --bogus
check "unknown option: exit 2" rc 2

# --data checks an edited table and reports the exact position of a mistake.
sed 's/^"iPhone12,1",n104ap,0x8030,/"iPhone12,1",n104ap,0x80G0,/' "$RB_SOURCE_DIR/data/models.csv" >"$tmp/models.csv"
line=$(grep -n '^"iPhone12,1"' "$tmp/models.csv" | cut -d: -f1)
run models --data "$tmp/models.csv" iPhone12,1
check "bad --data: exit 1" rc 1
check "bad --data: line and column" grep -q "models.csv:$line:21: cpid: bad hex number \"0x80G0\"" "$tmp/err"
cp "$RB_SOURCE_DIR/data/models.csv" "$RB_SOURCE_DIR/data/chips.csv" "$tmp/"
run models --data "$tmp/models.csv" iPhone12,1
check "good --data: found" has "^iPhone 11$"

# RESCUEBAY_DATA_DIR wins over the built-in location.
mkdir -p "$tmp/dd"
grep -v '^"iPhone12,1"' "$RB_SOURCE_DIR/data/models.csv" >"$tmp/dd/models.csv"
cp "$RB_SOURCE_DIR/data/chips.csv" "$tmp/dd/"
RESCUEBAY_DATA_DIR="$tmp/dd" "$RB" models iPhone12,1 >"$tmp/out" 2>&1
check "RESCUEBAY_DATA_DIR is used" grep -q "no model matches" "$tmp/out"

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
