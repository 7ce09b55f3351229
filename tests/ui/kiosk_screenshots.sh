#!/bin/sh
# rescuebay-kiosk --screenshots on the demo scenario: every screen in every language at the
# given size (default 1280x800) renders without a QML warning or a layout problem (text cut
# off, text over text, off screen: the kiosk walks its item tree), and each picture exists.
# Also: bad options are refused with exit 2 and a message naming the option.
# Usage: kiosk_screenshots.sh [WxH [KIOSK OPTIONS...]], e.g. 1280x800 --bays 8 --scenario eight-bays
# ($KIOSK_SHOT_LANGS: the languages, default all four)
set -eu
BIN=${RB_BIN:?}
SIZE=${1:-1280x800}
[ $# -gt 0 ] && shift
OUT=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-shots.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$RB_SOURCE_DIR/tests/ui/lsan.supp"

refused() {   # refused OPTION ARGS...: exit 2 and the option named on stderr
  opt=$1; shift
  rc=0; "$BIN/rescuebay-kiosk" "$@" --dump-state >/dev/null 2>"$OUT/err" || rc=$?
  [ "$rc" = 2 ] || { echo "FAIL: $* gave exit $rc, want 2"; exit 1; }
  grep -q -- "$opt" "$OUT/err" || { echo "FAIL: $* does not name $opt:"; cat "$OUT/err"; exit 1; }
}
refused --screen --screen nope
refused --size --size 10x10
refused --size --size 1280x800x3
refused --lang --lang xx
refused --bays --bays 0
refused --scenario --demo --scenario no-such-scenario

for lang in ${KIOSK_SHOT_LANGS:-en de fr es}; do
  "$BIN/rescuebay-kiosk" --screenshots "$OUT" --lang "$lang" --size "$SIZE" "$@" 2>"$OUT/log-$lang" || {
    echo "FAIL: --screenshots $lang $SIZE:"; grep -v hunspell "$OUT/log-$lang"; exit 1; }
  for screen in bays flow backup backup-restorable backup-damaged choose consent consent-update \
                restore restore-interrupted done receipt guide-iphone-home-top guide-ipad-top-volume \
                tickets settings keyboard; do
    [ -s "$OUT/$screen-$lang-$SIZE.png" ] || { echo "FAIL: no $screen-$lang-$SIZE.png"; ls "$OUT"; exit 1; }
  done
done
echo "ok: $(ls "$OUT"/*.png | wc -l) pictures at $SIZE"
