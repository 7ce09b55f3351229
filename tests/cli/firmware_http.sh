#!/bin/sh
# Plain http:// is refused for catalogs and firmware files unless firmware.allow_http =
# yes (loopback is not special: the rule is about the scheme); allowed, each fetch warns
# once (not per retry). Refusals send no request at all.
. "${RB_SOURCE_DIR:-$(dirname "$0")/../..}/tests/firmware/common.sh"

fx_make_ipsw "$FX_WWW/files/x.ipsw" 1
fx_catalog iPhone9,1 "$FX_WWW/files/x.ipsw"
H2="$T/strict"
mkdir -p "$H2"
strict() { "$RB" --home "$H2" firmware "$@"; }
host_port=${FX_BASE#http://}

# refuse URL CONF-LINE: `list` with catalog URL (env, or the setting when URL is "-")
for v in "http://$host_port/v4|" "http://localhost:${FX_PORT}/v4|" "HTTP://$host_port/v4|" \
         "http://$host_port/v4|firmware.allow_http = no" "-|firmware.catalog_url = http://$host_port/v4" \
         "ftp://$host_port/v4|firmware.allow_http = yes"; do
    url=${v%%|*} conf=${v#*|}
    printf '%s\n' "$conf" > "$H2/rescuebay.conf"
    : > "$FX_DIR/access.log"
    if [ "$url" = - ]; then
        ( unset RESCUEBAY_CATALOG_URL; strict list iPhone9,1 --refresh ) >/dev/null 2>"$T/err"; rc=$?
    else
        RESCUEBAY_CATALOG_URL=$url strict list iPhone9,1 --refresh >/dev/null 2>"$T/err"; rc=$?
    fi
    [ $rc -eq 1 ] || fail "$v: exit $rc"
    case $url in
        ftp*) grep -q "neither https:// nor http://" "$T/err" || fail "$v: $(cat "$T/err")" ;;
        *) grep -q "refusing plain http for the catalog" "$T/err" || fail "$v: $(cat "$T/err")"
           grep -q "firmware.allow_http = yes" "$T/err" || fail "$v: no hint: $(cat "$T/err")" ;;
    esac
    [ ! -s "$FX_DIR/access.log" ] || fail "$v: a request was sent: $(cat "$FX_DIR/access.log")"
    ok "refused: catalog $url ${conf:+($conf)}"
done

printf 'firmware.allow_http = maybe\n' > "$H2/rescuebay.conf"
strict status >/dev/null 2>"$T/err" && fail "allow_http = maybe accepted"
grep -q "firmware.allow_http 'maybe' is not yes or no" "$T/err" || fail "bad value: $(cat "$T/err")"
ok "firmware.allow_http = maybe: clear error"

# Allowed: the catalog is read with one warning; a later strict run refuses the file URL
# of that catalog (fetch --sha1 from the copy on disk) without a request.
printf 'firmware.allow_http = yes\n' > "$H2/rescuebay.conf"
strict list iPhone9,1 --refresh >/dev/null 2>"$T/err" || fail "allowed list: $(cat "$T/err")"
[ "$(grep -c 'warning: the catalog comes over plain http' "$T/err")" -eq 1 ] || fail "list warning: $(cat "$T/err")"
ok "allowed: list warns once"
SHA=$(sha1sum "$FX_WWW/files/x.ipsw" | cut -d' ' -f1)
: > "$H2/rescuebay.conf"
: > "$FX_DIR/access.log"
strict fetch --sha1 "$SHA" -q >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 1 ] || fail "strict fetch exit $rc"
grep -q "refusing plain http for the firmware file" "$T/err" || fail "strict fetch: $(cat "$T/err")"
[ ! -s "$FX_DIR/access.log" ] || fail "strict fetch sent a request"
ok "refused: firmware file URL of a catalog on disk"

# Allowed fetch through retries (500 twice): one warning for the catalog, one for the file.
fx_catalog iPhone9,1 "$FX_WWW/files/x.ipsw" /err500/x.ipsw
rb fetch iPhone9,1 --retries 2 >/dev/null 2>"$T/err"
[ "$(fx_requests /err500/x.ipsw)" -eq 3 ] || fail "expected 3 requests"
[ "$(grep -c 'warning: the firmware file comes over plain http' "$T/err")" -eq 1 ] || fail "file warning count: $(cat "$T/err")"
[ "$(grep -c 'warning: the catalog comes over plain http' "$T/err")" -eq 1 ] || fail "catalog warning count: $(cat "$T/err")"
ok "allowed: one warning per fetch, not per retry"
fx_catalog iPhone9,1 "$FX_WWW/files/x.ipsw"
rb fetch iPhone9,1 -q >/dev/null 2>"$T/err" || fail "allowed fetch: $(cat "$T/err")"
grep -q "warning: the firmware file comes over plain http" "$T/err" || fail "--quiet hid the warning"
[ "$(objects)" -eq 1 ] || fail "not cached"
ok "allowed: fetch works, warning shown even with --quiet"
