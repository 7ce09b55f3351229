#!/bin/sh
# libcurl must not be a load-time dependency of the CLI (engine/src/firmware/curl_lazy_private.h):
# it costs every process ~6.5 ms of start-up, which made `device info` slower than
# ideviceinfo. Firmware commands must still reach libcurl when they need it.
set -eu
rb="$RB_BIN/rescuebay"
if readelf -d "$rb" | grep -q 'NEEDED.*libcurl'; then
  echo "FAIL: $rb links libcurl at load time" >&2; exit 1
fi
ldd "$rb" | grep -q libcurl && { echo "FAIL: libcurl loaded at start-up" >&2; exit 1; }
echo "ok - libcurl is not loaded at start-up"
# A firmware command still loads it: an unreachable catalog gives a network error from
# libcurl, not "cannot start libcurl".
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
echo "firmware.allow_http = yes" > "$home/rescuebay.conf"   # else refused before libcurl
set +e
RESCUEBAY_CATALOG_URL=http://127.0.0.1:9/v4 "$rb" --home "$home" firmware list iPhone12,1 --refresh >/dev/null 2>"$home/err"
set -e
if grep -q "cannot start libcurl" "$home/err"; then
  echo "FAIL: libcurl could not be loaded: $(cat "$home/err")" >&2; exit 1
fi
grep -qi "127.0.0.1\|connect\|network\|catalog" "$home/err" || { echo "FAIL: unexpected: $(cat "$home/err")" >&2; exit 1; }
echo "ok - firmware commands load libcurl on demand"
