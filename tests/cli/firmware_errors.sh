#!/bin/sh
# Failures give a clear error, keep nothing half-written as trusted, and leave the index
# consistent: missing file (404), server error (500, retried), catalog server error with
# no copy on disk, disk full (RLIMIT_FSIZE stands in: EFBIG), a cache folder that cannot
# be created.
. "${RB_SOURCE_DIR:-$(dirname "$0")/../..}/tests/firmware/common.sh"

fx_make_ipsw "$FX_WWW/files/x.ipsw" 4
fx_catalog iPhone9,1 "$FX_WWW/files/x.ipsw" /files/missing.ipsw
rb fetch iPhone9,1 -q >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 1 ] || fail "404 exit $rc"
grep -q "HTTP 404" "$T/err" || fail "404 message: $(cat "$T/err")"
ok "missing file: HTTP 404, exit 1"

fx_catalog iPhone9,1 "$FX_WWW/files/x.ipsw" /err500/x.ipsw
touch -d '2031-01-01' "$FX_WWW/v4/device/iPhone9,1"
rb fetch iPhone9,1 --retries 2 -q >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 1 ] || fail "500 exit $rc"
grep -q "HTTP 500" "$T/err" || fail "500 message"
[ "$(fx_requests /err500/x.ipsw)" -eq 3 ] || fail "500 retried $(fx_requests /err500/x.ipsw) times, expected 3"
[ "$(objects)" -eq 0 ] || fail "something cached"
ok "server error: retried with backoff, then exit 1"

RESCUEBAY_CATALOG_URL="$FX_BASE/v4err" rb list iPhone9,2 2>"$T/err" && fail "503 catalog"
grep -q "HTTP 503" "$T/err" || fail "503 message: $(cat "$T/err")"
ok "catalog server error without a copy on disk: clear error"

# disk full: the 2nd MiB cannot be written
fx_catalog iPhone9,1 "$FX_WWW/files/x.ipsw"
touch -d '2032-01-01' "$FX_WWW/v4/device/iPhone9,1"
rb list iPhone9,1 --refresh >/dev/null || fail "catalog"
( trap '' XFSZ; ulimit -f 2048; exec "$RB" --home "$HOME_DIR" firmware fetch iPhone9,1 -q ) >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 1 ] || fail "disk full exit $rc: $(cat "$T/err")"
grep -qi "disk full\|too large\|no space" "$T/err" || fail "disk full message: $(cat "$T/err")"
"$RB" --home "$HOME_DIR" --json firmware status > "$T/st" || fail "status after disk full"
grep -q '"total_bytes":	0' "$T/st" || fail "index after disk full"
[ "$(objects)" -eq 0 ] || fail "half-written file committed"
j=$("$RB" --home "$HOME_DIR" --json firmware fetch iPhone9,1 -q) || fail "resume after space freed"
echo "$j" | grep -q '"bytes_resumed":	0,' && fail "nothing kept after disk full: $j"
ok "disk full: clear error, nothing committed, resumes once space is back"

# a cache folder that cannot be created
touch "$T/afile"
rb --cache "$T/afile/cache" status 2>"$T/err"; rc=$?
[ $rc -eq 1 ] || fail "bad cache dir exit $rc"
grep -q "cannot create the firmware cache" "$T/err" || fail "cache dir message: $(cat "$T/err")"
if [ "$(id -u)" -ne 0 ]; then
    mkdir -p "$T/ro" && chmod 555 "$T/ro"
    rb status --cache "$T/ro/cache" 2>"$T/err" && fail "read-only dir"
    grep -qi "permission" "$T/err" || fail "permission message"
fi
ok "unusable cache folder: clear error"
