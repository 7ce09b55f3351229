# devices_lib.sh - shared by tests/cli/devices_*.sh: a private rescuebay-sim per test.
# Sourced; expects RB_BIN (ctest sets it) and uses $1 of sim_start as scenario text.
set -eu
RB_BIN=${RB_BIN:-$(cd "$(dirname "$0")/../../build/bin" && pwd)}
T=$(mktemp -d "${TMPDIR:-/tmp}/rb-devcli.XXXXXX")
SIM_PID=
cleanup() {
  if [ -n "$SIM_PID" ]; then
    kill "$SIM_PID" 2>/dev/null || true
    wait "$SIM_PID" 2>/dev/null || true
  fi
  rm -rf "$T"
}
trap cleanup EXIT INT TERM
fail() { echo "FAIL: $*" >&2; exit 1; }

sim_start() {
  printf '%s\n' "$1" > "$T/test.scenario"
  ADDR="UNIX:$T/mux.sock"
  "$RB_BIN/rescuebay-sim" --listen "$ADDR" --scenario "$T/test.scenario" 2>"$T/sim.log" &
  SIM_PID=$!
  i=0
  until "$RB_BIN/rescuebay-sim" ctl --listen "$ADDR" list >/dev/null 2>&1; do
    i=$((i + 1)); [ $i -lt 200 ] || fail "rescuebay-sim did not start: $(cat "$T/sim.log")"
    sleep 0.05
  done
  # USBMUXD_SOCKET_ADDRESS and LD_PRELOAD of the fake libusb, for rescuebay and Debian's tools.
  for kv in $("$RB_BIN/rescuebay-sim" env --listen "$ADDR"); do export "$kv"; done
  # An ASan-built rescuebay accepts the (uninstrumented) preloaded fake libusb this way.
  export ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}verify_asan_link_order=0"
  export RESCUEBAY_HOME="$T/home"
}

# wait_lines FILE PATTERN COUNT DESC: FILE has COUNT lines matching PATTERN within 10 s
# (polled: the test waits on the state it needs, never on an assumed time).
wait_lines() {
  _i=0
  while :; do
    _n=$(grep -c -e "$2" "$1" 2>/dev/null) || _n=0
    [ "$_n" -ge "$3" ] && break
    _i=$((_i + 1)); [ $_i -lt 200 ] || fail "$4 not seen within 10 s: $(cat "$1")"
    sleep 0.05
  done
}

ctl() { "$RB_BIN/rescuebay-sim" ctl --listen "$ADDR" "$@" >/dev/null; }

# json_has FILE KEY VALUE: the pretty JSON has "KEY": VALUE somewhere (VALUE as printed).
json_has() {
  grep -Eq "\"$2\":[[:space:]]*$3" "$1" || fail "$1 lacks \"$2\": $3: $(cat "$1")"
}

IPHONE11='[device iphone11]
mode = normal
product_type = iPhone12,1
hardware_model = N104AP
cpid = 0x8030
bdid = 0x04
ecid = 0x001A2B3C4D5E6F70
udid = 00008030-001A2B3C4D5E6F70
serial = F2LXK0FAKE01
imei = 356789012345678
ios = 16.7.2
build = 20H115
device_name = Counter Test Phone
battery = 87
charging = yes
disk_total = 64000000000
disk_free = 12345678901
activation = Activated
find_my = on'

# The other phone and the iPad of the device tests: their identity lines (mode, versions
# and pairing differ per test and follow in each scenario).
IPHONE8='[device iphone8]
product_type = iPhone10,4
cpid = 0x8015
bdid = 0x0a
ecid = 0x000A1B2C3D4E5F60
udid = 4b6c1d2e3f405162738495a6b7c8d9e0f1a2b3c4'
IPAD='[device ipad]
product_type = iPad7,11
cpid = 0x8010
bdid = 0x1c
ecid = 0x0000123456789ABC'
