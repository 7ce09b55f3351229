# restore_lib.sh - helpers for the restore tests (sourced after lib.sh): Debian's real
# idevicerestore against the sim, with the sim's fake libusb and signing proxy.

# make_ipsw NAME TYPE VERSION BUILD [--update]: $T/NAME.ipsw
make_ipsw() {
    _n=$1 _t=$2 _v=$3 _b=$4
    shift 4
    "$SIM" ipsw "$T/$_n.ipsw" --product "$_t" --version "$_v" --build "$_b" "$@" ||
        fail "rescuebay-sim ipsw $_t failed"
}

# run_restore NAME LIMIT ARGS...: idevicerestore -y -P -C $T/cache ARGS; stdout in
# $T/NAME.out, stderr in $T/NAME.err, exit code in RC. LIMIT seconds, then SIGTERM and
# (the tool ignores it while blocked) SIGKILL 2 s later.
run_restore() {
    _n=$1 _l=$2
    shift 2
    set +e
    with_fakeusb timeout -k 2 "$_l" idevicerestore -y -P -C "$T/cache" "$@" \
        >"$T/$_n.out" 2>"$T/$_n.err"
    RC=$?
    set -e
}

# expect_restore DESC NAME RC: the run ended with that exit code.
expect_restore() {
    [ "$RC" = "$3" ] || fail "$1: exit $RC, expected $3; stdout: $(tail -n 8 "$T/$2.out"); stderr: $(cat "$T/$2.err")"
    ok "$1 (exit $RC)"
}

# wait_dev DESC NAME PATTERN [SECONDS]: the device's `ctl list` entry matches PATTERN
# (a grep pattern on its JSON object) within SECONDS (default 15).
wait_dev() {
    _d=$1 _name=$2 _p=$3 _s=${4:-15}
    _i=0
    while :; do
        _j=$(ctl list | sed 's/},{/}\n{/g' | grep "\"name\":\"$_name\"" || true)
        printf '%s\n' "$_j" | grep -q -e "$_p" && break
        _i=$((_i + 1))
        [ $_i -lt $((_s * 10)) ] || fail "$_d: expected /$_p/ within $_s s, last: $_j"
        sleep 0.1
    done
    ok "$_d"
}

# fault_run DESC STEP ACTION RC [MODE]: arm the fault on a fresh ipod7 (restore-ipod7), erase
# it with $T/fw.ipsw, check the exit code and where the device comes back (default
# recovery; "unplugged": it stays out).
fault_run() {
    ctl reset ipod7 >/dev/null
    wait_dev "$1: device ready" ipod7 '"mode":"recovery","attached":true,"rebooting":false'
    ctl fault ipod7 "$2" "$3" >/dev/null || fail "ctl fault $2 $3 refused"
    run_restore "$2-$3" 60 -e "$T/fw.ipsw"
    expect_restore "$1" "$2-$3" "$4"
    if [ "${5:-}" = unplugged ]; then
        wait_dev "$1: the device stays unplugged" ipod7 '"attached":false'
        return
    fi
    wait_dev "$1: the device comes back in ${5:-recovery} mode" ipod7 "\"mode\":\"${5:-recovery}\",\"attached\":true,\"rebooting\":false"
}
