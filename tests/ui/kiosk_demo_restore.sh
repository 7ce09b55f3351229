#!/bin/sh
# The demo restores end to end: `rescuebay-kiosk --demo` (demo scenario) caches the demo
# iPod's firmware in its throwaway home from its loopback catalog; an erase of that iPod
# under its own sample backup (built by rb-backup-gen) then runs with Debian's real
# idevicerestore against the demo's simulator and ends done with the new iOS.
set -eu
BIN=${RB_BIN:?}
command -v idevicerestore >/dev/null 2>&1 || { echo "SKIP: idevicerestore is not installed"; exit 77; }
T=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-demo-restore.XXXXXX")
KPID=
cleanup() {
  if [ -n "$KPID" ]; then kill "$KPID" 2>/dev/null; wait "$KPID" 2>/dev/null || :; fi
  rm -rf "$T"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; [ -f "$T/kiosk.log" ] && cat "$T/kiosk.log"; exit 1; }
export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$RB_SOURCE_DIR/tests/ui/lsan.supp"
BACKUP="$RB_BINARY_DIR/demo-backups/bay4-ipod"
[ -f "$BACKUP/Info.plist" ] || fail "no demo backup at $BACKUP"

# The demo's folder lands in TMPDIR; the firmware is cached before the sim starts, so
# both present means the demo is ready.
TMPDIR="$T" "$BIN/rescuebay-kiosk" --demo > "$T/kiosk.log" 2>&1 &
KPID=$!
deadline=$(( $(date +%s) + 60 ))
D=
while :; do
  for d in "$T"/rescuebay-kiosk-*; do [ -S "$d/usbmuxd.sock" ] && D=$d; done
  [ -n "$D" ] && [ -d "$D/home/firmware/objects" ] && \
    ls "$D/home/firmware/objects/"*.ipsw >/dev/null 2>&1 && break
  kill -0 "$KPID" 2>/dev/null || fail "the demo kiosk exited"
  [ "$(date +%s)" -lt "$deadline" ] || fail "demo not ready within 60 s"
  sleep 0.1
done
grep -q "demo restores will not work" "$T/kiosk.log" && fail "demo firmware setup failed"
ADDR="UNIX:$D/usbmuxd.sock"
SIM="$BIN/rescuebay-sim"
RB() { env $("$SIM" env --listen "$ADDR") "$BIN/rescuebay" --home "$D/home" "$@"; }

RB firmware status | grep -q "iPod9,1" || { RB firmware status; fail "firmware not in the demo cache"; }
RB backup verify "$BACKUP" --device 00008010-0000001A2B3C4D5E > "$T/verify.txt" 2>&1 || true
grep -qi "restorable" "$T/verify.txt" || { cat "$T/verify.txt"; fail "demo backup not restorable"; }

RB restore start 00008010-0000001A2B3C4D5E --erase --backup "$BACKUP" --wait > "$T/restore.txt" 2>&1 ||
  { cat "$T/restore.txt"; RB restore log "$(RB --json restore status | python3 -c 'import json,sys;print(json.load(sys.stdin)["job"])')" | tail -30; fail "restore did not finish"; }
RB --json restore status > "$T/status.json"
python3 - "$T/status.json" <<'PY' || fail "restore status"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["state"] == "done", s
PY
"$SIM" ctl --listen "$ADDR" list | python3 -c '
import json, sys
d = [x for x in json.load(sys.stdin) if x["name"] == "bay4"][0]
assert d["ios"] == "15.8" and d["build"] == "19H370" and d["mode"] == "normal", d
' || fail "the demo iPod does not run iOS 15.8 (19H370)"
echo "ok: demo iPod erased under its verified backup, now iOS 15.8"
