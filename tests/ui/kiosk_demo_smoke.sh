#!/bin/sh
# Smoke test of the real kiosk binary in demo mode (rescuebay-sim three-bays): the device
# list reaches the model, the screenshot is a real picture, and nothing is left running.
set -eu
BIN=${RB_BIN:?}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-smoke.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
export QT_QPA_PLATFORM=offscreen
# In a sanitizer build the preloaded fake libusb comes before the ASan runtime.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$RB_SOURCE_DIR/tests/ui/lsan.supp"
# The demo's simulator listens under $TMPDIR: ours, so the check below sees only our sims.
export TMPDIR="$OUT"

"$BIN/rescuebay-kiosk" --demo --dump-state > "$OUT/state.json"
for name in "iPhone 11" "iPhone 8"; do
  grep -q "\"name\": \"$name\"" "$OUT/state.json" || {
    echo "FAIL: $name missing from --dump-state"; cat "$OUT/state.json"; exit 1; }
done
grep -q '"nextActionName": "' "$OUT/state.json" || { echo "FAIL: no next action"; exit 1; }

"$BIN/rescuebay-kiosk" --demo --grab "$OUT/bays.png"
"$BIN/rescuebay-kiosk" --demo --lang de --grab "$OUT/bays_de.png"
python3 - "$OUT/bays.png" "$OUT/bays_de.png" <<'PY'
import struct, sys, zlib
for path in sys.argv[1:]:
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', path + ': not a PNG'
    w, h = struct.unpack('>II', data[16:24])
    assert (w, h) == (1280, 800), '%s: %dx%d, expected 1280x800' % (path, w, h)
    # Non-trivial: the compressed image data of a blank window is tiny.
    pos, idat = 8, 0
    while pos < len(data):
        n, = struct.unpack('>I', data[pos:pos + 4])
        if data[pos + 4:pos + 8] == b'IDAT':
            idat += n
        pos += 12 + n
    assert idat > 20000, '%s: only %d bytes of image data' % (path, idat)
    print(path, w, h, idat, 'bytes of image data')
PY
# The demo supervisor reaps its simulator before it exits: none may be left by now.
if pgrep -f "rescuebay-sim --listen UNIX:$OUT/" >/dev/null 2>&1; then
  echo "FAIL: simulator left running: $(pgrep -af "rescuebay-sim --listen UNIX:$OUT/")"; exit 1
fi
echo "ok"
