#!/bin/sh
# Arguments are parsed, not guessed (issue 9, class 8): a table of bad numbers for every
# numeric option of every command (exit 2, the option named, nothing run), --help on
# every command and subcommand (exit 0, usage on stdout), unknown options named, typo'd
# commands answered with the nearest one.
set -eu
RB="$RB_BIN/rescuebay"
T=$(mktemp -d "${TMPDIR:-/tmp}/rb-args.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export RESCUEBAY_HOME="$T/home"
# Nothing here may reach a device, a server or a ticket: these would fail loudly if tried.
export USBMUXD_SOCKET_ADDRESS="UNIX:$T/no-muxd.sock"

# expect RC 'STDERR-TEXT' ARGS...: exit code and a fixed string on stderr.
expect() {
    want=$1 text=$2
    shift 2
    set +e
    "$RB" "$@" > "$T/out" 2> "$T/err" < /dev/null
    rc=$?
    set -e
    [ "$rc" = "$want" ] || fail "rescuebay $*: exit $rc, wanted $want: $(cat "$T/err")"
    [ -z "$text" ] || grep -qF -- "$text" "$T/err" || fail "rescuebay $*: stderr lacks '$text': $(cat "$T/err")"
}

printf 'firmware.catalog_url = http://127.0.0.1:9/v4\n' > "$T/rescuebay.conf"
mkdir -p "$T/home" && cp "$T/rescuebay.conf" "$T/home/"

# ---- numeric options: command | option | kind (int: whole numbers, size: 500M) ----
while IFS='|' read -r cmd opt kind; do
    extra=1.5
    [ "$kind" = size ] && extra='1.5.2'
    for bad in abc -1 99999999999999999999 $extra '' ' 5' 5x 0x10 +3 -- nan inf 1e3; do
        # shellcheck disable=SC2086
        expect 2 "$opt" $cmd "$opt=$bad"
    done
done <<'TABLE'
devices|--timeout|int
device info 00008030-001A2B3C4D5E6F70|--timeout|int
device pair 00008030-001A2B3C4D5E6F70|--wait|int
backup verify /nonexistent|--max-findings|int
backup inventory /nonexistent|--max-findings|int
firmware fetch iPhone12,1|--retries|int
firmware fetch iPhone12,1|--max-time|int
firmware fetch iPhone12,1|--rate-limit|size
firmware prune|--to|size
firmware list iPhone12,1|--rate-limit|size
ticket list|--limit|int
ticket list|--offset|int
ticket search x|--limit|int
ticket export|--limit|int
TABLE
# The same values as separate words, and values in range still accepted as numbers.
expect 2 "--timeout" devices --timeout abc
expect 2 "--limit" ticket list --limit -1
expect 2 "--retries" firmware fetch iPhone12,1 --retries -1
expect 2 "--max-findings" backup verify /nonexistent --max-findings 99999999999999999999
expect 2 "too large" backup verify /nonexistent --max-findings 99999999999999999999
expect 2 "not a number" devices --timeout abc
expect 2 "too small" ticket list --limit 0
for v in abc 16. .1 16..1 1.2.3.4 16,7 -16 1234 ""; do
    expect 2 "--target-ios" backup verify /nonexistent --target-ios "$v" --target-model iPhone12,1
done
expect 1 "" backup verify /nonexistent --target-ios 16.7.2 --target-model iPhone12,1 --max-findings 10
expect 0 "" ticket list --limit 5 --offset 0

# ---- --help on every command and subcommand ----
export RESCUEBAY_HOME="$T/help-home"
while IFS= read -r line; do
    # shellcheck disable=SC2086
    set -- $line
    for h in --help -h; do
        set +e
        "$RB" "$@" $h > "$T/out" 2> "$T/err" < /dev/null
        rc=$?
        set -e
        [ $rc = 0 ] || fail "rescuebay $* $h: exit $rc: $(cat "$T/err")"
        grep -q "^usage: rescuebay" "$T/out" || fail "rescuebay $* $h: no usage on stdout"
    done
done <<'TABLE'
devices
device
device info
device pair
device enter-recovery
device exit-recovery
models
backup
backup list
backup verify
backup inventory
backup extract
firmware
firmware list
firmware fetch
firmware import
firmware status
firmware verify
firmware prune
firmware pin
firmware unpin
ticket
ticket new
ticket list
ticket show
ticket search
ticket update
ticket note
ticket close
ticket export
ticket receipt
ticket erase
ticket purge
ticket staff
ticket staff add
ticket settings
TABLE
"$RB" --help | grep -q "^usage: rescuebay" || fail "rescuebay --help"
"$RB" help backup | grep -q "^usage: rescuebay backup" || fail "rescuebay help backup"
[ -z "$(ls -A "$T/help-home" 2>/dev/null)" ] || fail "--help touched the data folder: $(ls -A "$T/help-home")"
export RESCUEBAY_HOME="$T/home"

# ---- typos: the nearest command, or none when nothing is close ----
expect 2 "did you mean devices?" devics
expect 2 "did you mean devices?" devcies
expect 2 "did you mean device?" devic
expect 2 "did you mean backup?" bakup
expect 2 "did you mean firmware?" firmwre
expect 2 "did you mean ticket?" tickets
expect 2 "did you mean models?" model
expect 2 "did you mean verify?" backup verfy /nonexistent
expect 2 "did you mean fetch?" firmware fech iPhone12,1
expect 2 "did you mean list?" ticket lsit
expect 2 "did you mean info?" device inf 00008030-001A2B3C4D5E6F70
expect 2 "unknown command 'zzzzzz'" zzzzzz
grep -q "did you mean" "$T/err" && fail "suggested something for zzzzzz: $(cat "$T/err")"

# ---- unknown options are named ----
for line in "devices" "device info X" "models" "backup verify /x" "firmware status" "ticket list"; do
    # shellcheck disable=SC2086
    expect 2 "unknown option '--frobnicate'" $line --frobnicate
done
expect 2 "did you mean --quick?" backup verify /x --quik
echo ok
