# Every shipped scenario loads, and its devices are listed by ctl with their identifiers.
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
n=0
for f in "$RB_SOURCE_DIR"/sim/scenarios/*.scenario; do
    name=$(basename "$f" .scenario)
    start_sim "s$n" "$name"
    sections=$(grep -c '^\[device ' "$f")
    listed=$(ctl list | grep -o '"name":' | wc -l)
    [ "$sections" = "$listed" ] || fail "$name: $sections devices in the file, $listed listed"
    grep -q '^\[device ' "$f" || fail "$name: no devices"
    expect "$name: every device has a UDID and an ECID" '"udid":"[0-9A-Fa-f-]\{24,\}","ecid":"0x' ctl list
    stop_sim "s$n"
    n=$((n + 1))
done
[ $n -ge 8 ] || fail "only $n scenarios found"
ok "$n scenarios load"
