#!/bin/sh
# kill -9 of the fetching process at random points, FW_KILL_RUNS times (20; more under the
# `slow` label): each run resumes what the previous one left, nothing unverified is ever
# committed, and the last run completes with a verified file.
# nginx paces the file (limit_rate) and the client reads slower still (--rate-limit), so the
# socket buffers hold little and each run stops part-way; FX_RATE is read by fx_start.
FX_RATE=${FX_RATE:-4m}
. "${RB_SOURCE_DIR:-$(dirname "$0")/../..}/tests/firmware/common.sh"
RUNS=${FW_KILL_RUNS:-20}
MB=${FW_KILL_MB:-48}
size=$((MB * 1048576))
fx_make_ipsw "$FX_WWW/files/k.ipsw" "$MB"
fx_catalog iPhone11,8 "$FX_WWW/files/k.ipsw" /slow/k.ipsw
SHA=$(sha1sum "$FX_WWW/files/k.ipsw" | cut -d' ' -f1)
rb list iPhone11,8 >/dev/null || fail "catalog"

i=0
while [ $i -lt "$RUNS" ]; do
    # kill somewhere in 0-0.6 s: before, during or after the request
    rbx fetch iPhone11,8 --rate-limit 3M -q >/dev/null 2>&1 &
    pid=$!
    ms=$(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 600 ))
    sleep "$(printf '0.%03d' "$ms")"
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    [ -n "${FW_DEBUG:-}" ] && ls -l "$HOME_DIR/firmware/partial/" >&2
    # whatever is in objects/ must be the right file
    if [ -f "$HOME_DIR/firmware/objects/$SHA.ipsw" ]; then
        [ "$(sha1sum "$HOME_DIR/firmware/objects/$SHA.ipsw" | cut -d' ' -f1)" = "$SHA" ] || fail "bad object after kill $i"
    fi
    i=$((i + 1))
done
part=$(stat -c %s "$HOME_DIR/firmware/partial/$SHA.part" 2>/dev/null || echo 0)
j=$("$RB" --home "$HOME_DIR" --json firmware fetch iPhone11,8 -q) || fail "final fetch"
[ "$(sha1sum "$HOME_DIR/firmware/objects/$SHA.ipsw" | cut -d' ' -f1)" = "$SHA" ] || fail "final content"
rb verify "$SHA" >/dev/null 2>&1 || fail "verify"
fx_stop   # flushes the log of every request
sent=$(fx_sent /slow/k.ipsw)
twice=$((sent - size))
n=$(fx_requests /slow/k.ipsw)
echo "runs=$RUNS requests=$n partial-before-last=$part bytes-sent=$sent fetched-twice=$twice"
# A kill can lose only what sat in the kernel's socket buffers (received, not yet
# written), never what reached the file: bound it by the buffer maxima per kill.
rmax=$(awk '{print $3}' /proc/sys/net/ipv4/tcp_rmem 2>/dev/null || echo 6291456)
wmax=$(awk '{print $3}' /proc/sys/net/ipv4/tcp_wmem 2>/dev/null || echo 4194304)
[ $twice -le $((RUNS * (rmax + wmax))) ] || fail "fetched $twice bytes twice over $RUNS kills"
ok "kill -9 x$RUNS then resume: verified, $twice bytes fetched twice"
