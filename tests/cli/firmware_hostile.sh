#!/bin/sh
# Hostile or broken firmware servers end with a clear error within a bound, never hang:
# an error page that never ends or trickles, a body that trickles or stalls, a catalog
# that does the same, and the overall limit (--max-time, firmware.max_time). Each row
# checks exit code, message and elapsed time against an upper bound generous for a loaded
# CI machine (a deadline check, not a speed test). libcurl averages the speed over ~5 s,
# so a 2 s window ends a trickle after 5-8 s; one try per row (retries: firmware_errors.sh).
. "${RB_SOURCE_DIR:-$(dirname "$0")/../..}/tests/firmware/common.sh"

cat >> "$HOME_DIR/rescuebay.conf" <<CONF
firmware.min_speed = 1K
firmware.min_speed_window = 2
CONF
fx_make_ipsw "$FX_WWW/files/x.ipsw" 2
now() { date +%s; }

# row NAME URLPATH MAXSECONDS EXPECT [fetch options...]
row() {
    name=$1 path=$2 bound=$3 expect=$4
    shift 4
    fx_catalog iPhone9,1 "$FX_WWW/files/x.ipsw" "$path"
    n=$((n + 1))
    touch -d "2030-01-01 00:00:$(printf %02d $n)" "$FX_WWW/v4/device/iPhone9,1"
    t0=$(now)
    rb fetch iPhone9,1 -q --retries 0 "$@" >/dev/null 2>"$T/err"; rc=$?
    el=$(($(now) - t0))
    [ $rc -eq 1 ] || fail "$name: exit $rc: $(cat "$T/err")"
    grep -q -- "$expect" "$T/err" || fail "$name: message: $(cat "$T/err")"
    [ $el -le "$bound" ] || fail "$name: took $el s, bound $bound s"
    [ "$(objects)" -eq 0 ] || fail "$name: something was cached"
    ok "$name: exit 1 after $el s (bound $bound s): $(tail -n 1 "$T/err" | cut -c1-150)"
}
n=0
#   name                          path                  bound  message
row "500 with an endless page"    /endless500/x.ipsw    15     "HTTP 500 (its error page went on past 64 KiB: cut off)"
# (nginx logs the error page's own path; what it pushed into the socket buffers, not 1 GiB)
[ "$(fx_sent /huge/endless.bin)" -lt $((32 << 20)) ] || fail "the endless page was read: $(fx_sent /huge/endless.bin) bytes"
row "500 with a trickling page"   /slow500/x.ipsw       15     "HTTP 500"
row "body trickling at 10 B/s"    /trickle/x.ipsw       15     "less than 1024 bytes/s for 2 s"
row "body stalling after 64 KiB"  /stall/x.ipsw         15     "less than 1024 bytes/s for 2 s"
row "--max-time 3 on a trickle"   /trickle/x.ipsw       7      "did not finish within 3 s" --max-time 3 --retries 50
[ "$(fx_requests /trickle/x.ipsw)" -ge 2 ] || fail "trickle rows made $(fx_requests /trickle/x.ipsw) requests"

# The setting is the default limit; --max-time 0 lifts it (then min_speed ends it).
echo "firmware.max_time = 3" >> "$HOME_DIR/rescuebay.conf"
row "firmware.max_time = 3"       /trickle/x.ipsw       7      "did not finish within 3 s" --retries 50
row "--max-time 0 overrides it"   /trickle/x.ipsw       15     "less than 1024 bytes/s"    --max-time 0
sed -i '/firmware.max_time/d' "$HOME_DIR/rescuebay.conf"
rb fetch iPhone9,1 --max-time abc -q >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--max-time abc exit $rc"
ok "--max-time abc: usage error"

# The catalog: a 503 with an endless page, a trickling body.
for v in "v4endless|HTTP 503 (its error page went on past 64 KiB: cut off)|10" \
         "v4trickle|answered too slowly|10"; do
    base=${v%%|*}; rest=${v#*|}; expect=${rest%|*}; bound=${rest##*|}
    fx_catalog iPhone9,3 "$FX_WWW/files/x.ipsw"
    t0=$(now)
    RESCUEBAY_CATALOG_URL="$FX_BASE/$base" rb list iPhone9,3 --refresh >/dev/null 2>"$T/err"; rc=$?
    el=$(($(now) - t0))
    [ $rc -eq 1 ] || fail "catalog $base: exit $rc: $(cat "$T/err")"
    grep -q -- "$expect" "$T/err" || fail "catalog $base: $(cat "$T/err")"
    [ $el -le "$bound" ] || fail "catalog $base: took $el s, bound $bound s"
    ok "catalog /$base/: exit 1 after $el s: $(cut -c1-150 "$T/err")"
done
