#!/bin/sh
# Runs tst_devicemonitor_sim against a private rescuebay-sim (three-bays).
set -eu
BIN=${RB_BIN:?}
DIR=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-monitor.XXXXXX")
ADDR="UNIX:$DIR/usbmuxd.sock"
"$BIN/rescuebay-sim" --listen "$ADDR" --scenario "$RB_SOURCE_DIR/sim/scenarios/three-bays.scenario" &
SIM=$!
trap 'kill $SIM 2>/dev/null || true; wait $SIM 2>/dev/null || true; rm -rf "$DIR"' EXIT
i=0
while [ ! -S "$DIR/usbmuxd.sock" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
export QT_QPA_PLATFORM=offscreen RB_SIM_ADDR="$ADDR" RESCUEBAY_HOME="$DIR/home"
# In a sanitizer build the preloaded fake libusb comes before the ASan runtime.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
env $("$BIN/rescuebay-sim" env --listen "$ADDR") "$RB_BINARY_DIR/tests/tst_devicemonitor_sim"
