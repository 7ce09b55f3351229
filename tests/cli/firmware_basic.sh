#!/bin/sh
# firmware list/fetch/verify/status against a local nginx: fetch and verify, already
# cached, --sha1, conditional catalog refresh, offline catalog, malformed catalog, a
# catalog that lies about size, a corrupted byte, unknown build.
. "${RB_SOURCE_DIR:-$(dirname "$0")/../..}/tests/firmware/common.sh"

fx_make_ipsw "$FX_WWW/files/a.ipsw" 4
fx_catalog iPhone12,1 "$FX_WWW/files/a.ipsw"
SHA=$(sha1sum "$FX_WWW/files/a.ipsw" | cut -d' ' -f1)

out=$(rb list iPhone12,1) || fail "list"
echo "$out" | grep -q "19A404" || fail "list shows the build: $out"
echo "$out" | grep -q "signing status as of" || fail "list shows the age of signed"
j=$("$RB" --home "$HOME_DIR" --json firmware list iPhone12,1) || fail "list --json"
echo "$j" | grep -q '"signed":	true' || fail "json signed: $j"
echo "$j" | grep -q '"cached":	false' || fail "json not cached yet"
ok "list"

# conditional refresh: the second asks with If-None-Match and gets 304
rb list iPhone12,1 --refresh >/dev/null || fail "refresh"
grep -q '^/v4/device/iPhone12,1 304' "$FX_DIR/access.log" || fail "conditional refresh gave no 304"
ok "conditional catalog refresh (304)"

p=$(rb fetch iPhone12,1 --latest-signed 2>"$T/err") || { cat "$T/err"; fail "fetch"; }
[ -f "$p" ] || fail "fetched path $p"
[ "$(sha1sum "$p" | cut -d' ' -f1)" = "$SHA" ] || fail "content"
grep -q "downloading" "$T/err" || fail "progress line on stderr"
[ "$(fx_sent /files/a.ipsw)" -eq $((4 * 1048576)) ] || fail "bytes sent"
ok "fetch and verify"

j=$("$RB" --home "$HOME_DIR" --json firmware fetch iPhone12,1 --build 19A404) || fail "refetch"
echo "$j" | grep -q '"already_cached":	true' || fail "already cached: $j"
[ "$(fx_requests /files/a.ipsw)" -eq 1 ] || fail "second fetch downloaded again"
j=$("$RB" --home "$HOME_DIR" --json firmware fetch --sha1 "$SHA") || fail "fetch --sha1"
echo "$j" | grep -q '"already_cached":	true' || fail "sha1 cached"
rb verify --all >/dev/null || fail "verify --all"
rb status | grep -q "$SHA" || fail "status lists the file"
rb list iPhone12,1 | grep -q "yes      $SHA\|yes  *$SHA" || true
"$RB" --home "$HOME_DIR" --json firmware list iPhone12,1 | grep -q '"cached":	true' || fail "list shows cached"
ok "cached, --sha1, verify, status"

# offline: server down, the catalog on disk is used and flagged
fx_stop
out=$(rb list iPhone12,1 --refresh) || fail "offline list"
echo "$out" | grep -q "OFFLINE" || fail "offline flag: $out"
"$RB" --home "$HOME_DIR" --json firmware list iPhone12,1 --offline | grep -q '"offline":	true' || fail "--offline json"
fx_restart || fail "restart"
ok "offline catalog"

# malformed catalog: clear error, the good copy on disk stays
cp "$FX_WWW/v4/device/iPhone12,1" "$T/good.json"
printf '{"identifier":"iPhone12,1","firmwares":[{"identifier":"iPhone12,1","buildid":' > "$FX_WWW/v4/device/iPhone12,1"
touch -d '2030-01-01' "$FX_WWW/v4/device/iPhone12,1"
rb list iPhone12,1 --refresh >"$T/out" 2>"$T/err" && fail "malformed catalog accepted"
grep -q "malformed" "$T/err" || fail "malformed message: $(cat "$T/err")"
rb list iPhone12,1 --offline | grep -q 19A404 || fail "good copy kept"
printf '{"identifier":"iPhone12,1","firmwares":[{"identifier":"iPhone12,1","version":"1","buildid":"X","sha1sum":"zz","filesize":1,"url":"http://x/","signed":true}]}' > "$FX_WWW/v4/device/iPhone12,1"
rb list iPhone12,1 --refresh 2>"$T/err" && fail "bad sha1 accepted"
grep -q sha1sum "$T/err" || fail "names the bad field: $(cat "$T/err")"
ok "malformed catalog refused, disk copy kept"

# a catalog that lies about the size
fx_make_ipsw "$FX_WWW/files/b.ipsw" 2
fx_catalog iPad7,4 "$FX_WWW/files/b.ipsw"
sed -i 's/"filesize":[0-9]*/"filesize":3000000/' "$FX_WWW/v4/device/iPad7,4"
rb fetch iPad7,4 --latest-signed -q >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 3 ] || fail "size lie exit $rc: $(cat "$T/err")"
grep -q "catalog says" "$T/err" || fail "size lie message: $(cat "$T/err")"
[ "$(objects)" -eq 1 ] || fail "nothing new cached"
ok "catalog lying about the size is refused"

# a corrupted byte on the server: rejected, not cached, no partial kept
fx_catalog iPad7,4 "$FX_WWW/files/b.ipsw"
touch -d '2031-01-01' "$FX_WWW/v4/device/iPad7,4"   # nginx's ETag is mtime-size
orig=$(dd if="$FX_WWW/files/b.ipsw" bs=1 skip=1000000 count=1 2>/dev/null | od -An -c | tr -d ' ')
new=X; [ "$orig" = X ] && new=Y
printf '%s' "$new" | dd of="$FX_WWW/files/b.ipsw" bs=1 seek=1000000 conv=notrunc 2>/dev/null
rb fetch iPad7,4 -q >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 3 ] || fail "corrupt exit $rc: $(cat "$T/err")"
grep -q "does not match" "$T/err" || fail "corrupt message"
[ "$(objects)" -eq 1 ] || fail "corrupt file cached"
[ -z "$(ls "$HOME_DIR/firmware/partial/" | grep -v lock)" ] || fail "partial kept after mismatch"
ok "corrupted byte rejected, not cached"

rb fetch iPhone12,1 --build NOPE 2>/dev/null && fail "unknown build"
rb fetch --sha1 0123456789012345678901234567890123456789 2>/dev/null && fail "unknown sha1"
rb list 'bad/../x' 2>/dev/null && fail "path-like product type"
rb frobnicate 2>/dev/null; [ $? -eq 2 ] || fail "usage exit code"
ok "errors and usage"
