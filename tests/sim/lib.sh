# lib.sh - shared helpers for the simulator tests (POSIX sh, sourced by each test).
# Every test gets its own temp dir and socket; every sim it starts is killed on exit.
set -eu
: "${RB_BIN:?RB_BIN must point at build/bin}"
SIM="$RB_BIN/rescuebay-sim"
TESTS_BIN="${RB_BINARY_DIR:-$RB_BIN/..}/tests"
T=$(mktemp -d "${TMPDIR:-/tmp}/rbsim.XXXXXX")
PIDS=""
FAILED=0

cleanup() {
    for p in $PIDS; do kill "$p" 2>/dev/null || true; done
    for p in $PIDS; do wait "$p" 2>/dev/null || true; done
    if [ "$FAILED" = 1 ]; then
        for f in "$T"/*.log; do [ -f "$f" ] && { echo "--- $f"; tail -n 20 "$f"; }; done
    fi
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

fail() { FAILED=1; echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok - $*"; }

# start_sim NAME SCENARIO [ADDR]: starts a sim, waits until it answers, exports its address.
start_sim() {
    _addr=${3:-UNIX:$T/$1.sock}
    "$SIM" --listen "$_addr" --scenario "$2" >>"$T/$1.log" 2>&1 &
    _pid=$!
    PIDS="$PIDS $_pid"
    eval "PID_$1=$_pid"
    _i=0
    until "$SIM" ctl --listen "$_addr" list >/dev/null 2>&1; do
        _i=$((_i + 1))
        [ $_i -lt 100 ] || fail "sim $1 did not start (see $T/$1.log)"
        kill -0 "$_pid" 2>/dev/null || fail "sim $1 exited: $(cat "$T/$1.log")"
        sleep 0.05
    done
    USBMUXD_SOCKET_ADDRESS=$_addr
    export USBMUXD_SOCKET_ADDRESS
}

# stop_sim NAME
stop_sim() {
    eval "_pid=\$PID_$1"
    kill "$_pid" 2>/dev/null || true
    wait "$_pid" 2>/dev/null || true
}

ctl() { "$SIM" ctl --listen "$USBMUXD_SOCKET_ADDRESS" "$@"; }

# sim_field DEVICE KEY: one field of `ctl list` for a device (by scenario name), e.g.
# mode, rebooting, usb_gen, connections. Tests wait on these instead of sleeping.
sim_field() {
    ctl list | python3 -c '
import json, sys
for d in json.load(sys.stdin):
    if d["name"] == sys.argv[1]:
        v = d[sys.argv[2]]
        print(str(v).lower() if isinstance(v, bool) else v)
' "$1" "$2"
}

# wait_until DESC CMD...: CMD (a test) must succeed within 10 s; polls, never assumes timing.
wait_until() {
    _d=$1
    shift
    _i=0
    until "$@"; do
        _i=$((_i + 1))
        [ $_i -lt 200 ] || fail "$_d: not reached within 10 s"
        sleep 0.05
    done
}

# with_fakeusb CMD...: runs CMD with the fake libusb preloaded (what `env` prints).
# An ASan-built program accepts the (uninstrumented) preloaded fake libusb only with
# verify_asan_link_order=0; harmless for normal builds.
with_fakeusb() {
    env ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}verify_asan_link_order=0" \
        $("$SIM" env --listen "$USBMUXD_SOCKET_ADDRESS") "$@"
}

# expect DESC PATTERN CMD...: CMD's output (stdout+stderr) must match the grep PATTERN.
expect() {
    _d=$1 _p=$2
    shift 2
    _out=$("$@" 2>&1) || true
    printf '%s\n' "$_out" | grep -q -e "$_p" || fail "$_d: expected /$_p/ in: $_out"
    ok "$_d"
}

# expect_not DESC PATTERN CMD...
expect_not() {
    _d=$1 _p=$2
    shift 2
    _out=$("$@" 2>&1) || true
    if printf '%s\n' "$_out" | grep -q -e "$_p"; then fail "$_d: unexpected /$_p/ in: $_out"; fi
    ok "$_d"
}

# eventually DESC PATTERN CMD...: like expect, retried for up to 5 s (devices take a
# moment to come back from a reboot).
eventually() {
    _d=$1 _p=$2
    shift 2
    _i=0
    while :; do
        _out=$("$@" 2>&1) || true
        printf '%s\n' "$_out" | grep -q -e "$_p" && break
        _i=$((_i + 1))
        [ $_i -lt 50 ] || fail "$_d: expected /$_p/ within 5 s, last: $_out"
        sleep 0.1
    done
    ok "$_d"
}

# expect_rc DESC RC CMD...
expect_rc() {
    _d=$1 _rc=$2
    shift 2
    set +e
    "$@" >"$T/rc.out" 2>&1
    _got=$?
    set -e
    [ "$_got" = "$_rc" ] || fail "$_d: exit code $_got, expected $_rc: $(cat "$T/rc.out")"
    ok "$_d"
}

alive() { eval "kill -0 \$PID_$1" 2>/dev/null || fail "sim $1 died: $(tail -n 20 "$T/$1.log")"; }
