#!/bin/sh
# Every device wait has an overall deadline. A usbmuxd that accepts the connection and
# then says nothing, announces a huge message, answers garbage or trickles bytes: `devices
# --timeout N` still returns within N (bound N+3 s here, generous for a loaded CI machine:
# a deadline check, not a speed test) and says "usbmuxd did not answer", never "not
# running". A device whose lockdownd is silent, trickles, lies about a length or answers
# garbage is given up within 5 s (docs/cli-devices.md) with a note saying which.
. "$(dirname "$0")/devices_lib.sh"
sim_start "$IPHONE11
paired = no"
RB="$RB_BIN/rescuebay"
ms() { date +%s%N | cut -c1-13; }

# mux MODE TIMEOUT_MS EXIT EXPECT COMMAND...: the command under a hostile usbmuxd
mux() {
  mode=$1 to=$2 want=$3 expect=$4
  shift 4
  ctl hostile muxd $mode
  t0=$(ms)
  # "huge": libusbmuxd 2.0.2 allocates whatever length usbmuxd announces (2 GB here) and
  # the lister thread still holds it at exit. LeakSanitizer would scan those 2 GB for
  # pointers when the process ends (15-20 s, not rescuebay's time): no leak check there.
  lsan=
  [ "$mode" != huge ] || lsan=detect_leaks=0
  set +e
  ASAN_OPTIONS="$ASAN_OPTIONS${lsan:+:$lsan}" "$@" --timeout "$to" > "$T/out" 2> "$T/err"; rc=$?
  set -e
  el=$(($(ms) - t0))
  [ $el -le $((to + 3000)) ] || fail "muxd $mode: $* took $el ms, bound $((to + 3000))"
  grep -q "$expect" "$T/err" || fail "muxd $mode: $*: $(cat "$T/err")"
  ! grep -q "not running" "$T/err" || fail "muxd $mode: said not running: $(cat "$T/err")"
  [ $rc -eq "$want" ] || fail "muxd $mode: $*: exit $rc, expected $want: $(cat "$T/err")"
  echo "ok - usbmuxd $mode: $* returned after $el ms (exit $rc): $(head -n 1 "$T/err")"
}
#   mode           timeout exit message
mux silent         2000  0  "usbmuxd did not answer within 2000 ms"  "$RB" devices
mux huge           2000  0  "usbmuxd did not answer within 2000 ms"  "$RB" devices
mux "trickle 1000" 2000  0  "usbmuxd did not answer within 2000 ms"  "$RB" devices
mux garbage        2000  0  "usbmuxd did not answer in its protocol" "$RB" devices
mux silent         1000  0  "usbmuxd did not answer within 1000 ms"  "$RB" --json devices
grep -q '"devices"' "$T/out" || fail "--json output: $(cat "$T/out")"
mux huge           2000  1  "usbmuxd did not answer within 2000 ms"  "$RB" device info 00008030-001A2B3C4D5E6F70

# The same commands with usbmuxd answering: the rows above could fail.
ctl hostile muxd off
"$RB" devices --timeout 5000 > "$T/out" 2> "$T/err" || fail "devices exit $?"
grep -q '^iPhone 11 (iPhone12,1)' "$T/out" || fail "usbmuxd off: $(cat "$T/out") $(cat "$T/err")"
! grep -q usbmuxd "$T/err" || fail "usbmuxd off: $(cat "$T/err")"
echo "ok - usbmuxd answering: the device is listed"

# dev MODE TIMEOUT_MS BOUND_MS NOTE: a hostile lockdownd
dev() {
  mode=$1 to=$2 bound=$3 expect=$4
  ctl hostile iphone11 $mode
  t0=$(ms)
  "$RB" devices --timeout "$to" > "$T/out" 2> "$T/err" || fail "lockdownd $mode: exit $?"
  el=$(($(ms) - t0))
  [ $el -le "$bound" ] || fail "lockdownd $mode: took $el ms, bound $bound"
  grep -q "note: .*$expect" "$T/out" || fail "lockdownd $mode: $(cat "$T/out")"
  echo "ok - lockdownd $mode: given up after $el ms: $(grep note: "$T/out" | sed 's/^ *//')"
}
#   mode            timeout  bound  note
dev silent          20000    8000   "no answer within 5000 ms"
dev "trickle 1000"  20000    8000   "answered too slowly (.* bytes within 5000 ms): gave up"
dev "trickle 3000"  20000    8000   "answered too slowly (.* within 5000 ms): gave up"
dev huge            20000    8000   "implausible message length of 2147483647 bytes"
dev garbage         20000    8000   "malformed plist"
# a shorter --timeout ends the wait first: the device is listed as not answered yet
dev "trickle 1000"  2000     5000   "has not answered yet"
ctl hostile iphone11 off
"$RB" devices --timeout 5000 > "$T/out" || fail "devices exit $?"
! grep -q note: "$T/out" || fail "lockdownd off: $(cat "$T/out")"
echo "devices_hostile: ok"
