#!/bin/sh
# rescuebay models --guide: button procedures per model, plain and --json.
set -u
RB="${RB_BIN:?}/rescuebay"
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() {
    desc=$1; shift
    if "$@"; then echo "ok   $desc"; else echo "FAIL $desc"; fails=$((fails + 1)); fi
}
has() { grep -q -- "$1" "$tmp/out"; }

"$RB" models --guide iPhone15,4 >"$tmp/out"
check "guide: exit 0" [ $? -eq 0 ]
for p in enter_recovery enter_dfu exit_recovery exit_dfu; do
    check "guide: $p listed" has "^$p ("
done
check "guide: DFU step with Volume Down" has "hold Volume Down for 5 seconds"

"$RB" models --guide iPhone8,4 --procedure enter_dfu >"$tmp/out"
check "home scheme: Home button named" has "Home"
check "--procedure limits output" sh -c "! grep -q '^enter_recovery' '$tmp/out'"

"$RB" models --guide --json iPhone17,1 --procedure enter_dfu >"$tmp/out"
check "json guide: hazards with codes" has '"code":[[:space:]]*"camera_control"'
check "json guide: step buttons" has '"volume_down"'
check "json guide: expect dfu" has '"expect":[[:space:]]*"dfu"'
check "json guide: until usb_mode" has '"until":[[:space:]]*"usb_mode"'
if command -v python3 >/dev/null 2>&1; then
    check "json guide: parses, 8 steps, ends released in DFU" python3 -c "
import json
d = json.load(open('$tmp/out'))
steps = d['procedures']['enter_dfu']['steps']
assert len(steps) == 8 and steps[-1]['expect'] == 'dfu' and steps[-1]['action'] == 'release'
assert d['model']['product_type'] == 'iPhone17,1'
"
fi

"$RB" models --guide iPad14,1 --procedure enter_recovery >"$tmp/out"
check "iPad without Home: nearest/farthest wording" has "nearest the Top button"
check "iPad mini 6: top-edge caution" has "top edge"

"$RB" models --guide Watch6,18 >"$tmp/out" 2>"$tmp/err"
check "watch: no guide, exit 1" [ $? -eq 1 ]
check "watch: says why" grep -q "not an iPhone, iPad or iPod touch" "$tmp/err"

"$RB" models --guide ipad >"$tmp/out" 2>"$tmp/err"
check "ambiguous query: exit 1" [ $? -eq 1 ]
"$RB" models --guide >/dev/null 2>&1
check "guide without query: usage" [ $? -eq 2 ]
"$RB" models --guide iPhone12,1 --procedure fly >/dev/null 2>&1
check "bad procedure: usage" [ $? -eq 2 ]

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
