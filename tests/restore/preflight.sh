# restore_preflight: the safety gate reads what it is given before anything is touched.
# The IPSW's BuildManifest: an erase-only IPSW asked for an update (idevicerestore 1.0.0
# would erase instead), firmware for another model, a damaged or hostile manifest -> each
# refused (exit 3) with its cause, the device untouched. An encrypted backup: no password
# or a wrong one -> refused (backup_password); the right one (stdin) -> Debian's real
# idevicerestore erases the simulated iPod, and the password is nowhere in the data home
# (journal, logs, tickets) nor in the tool's argv or environment.
. "$RB_SOURCE_DIR/tests/restore/lib.sh"
ECID=0x0000001A2B3C4D5E
UDID=00008010-0000001A2B3C4D5E
rs_setup restore-ipod7

# refused JOB-CAUSE NEXT WHAT: the newest job was refused with this cause and next action,
# without a tool run, and the device is still in recovery on its old build.
refused() {
    [ "$(rs_field 0 state)" = failed ] || fail "$3: state $(rs_field 0 state)"
    [ "$(rs_field 0 cause)" = "$1" ] || fail "$3: cause $(rs_field 0 cause): $(rs_field 0 cause_detail)"
    [ "$(rs_field 0 next_action)" = "$2" ] || fail "$3: next $(rs_field 0 next_action)"
    [ "$(sq 'SELECT count(*) FROM attempts')" = 0 ] || fail "$3: the tool ran"
    ctl list | grep -q 16G102 || fail "$3: the device was touched: $(ctl list)"
}

rs_firmware iPod9,1 13.5 17F70 true erase-only
expect_rc "an update with an erase-only IPSW is refused (exit 3)" 3 rb restore start $ECID --update
refused update_not_offered erase_instead "erase-only IPSW"
rs_field 0 cause_detail | grep -q "only an erase install" || fail "detail: $(rs_field 0 cause_detail)"
rb restore status | grep -q "verify a backup and restore with erase" ||
    fail "no plain next action in: $(rb restore status)"
ok "erase-only IPSW for an update: update_not_offered, next erase_instead, nothing touched"

# firmware made for another model, listed by the catalog for this one
"$SIM" ipsw "$FX_WWW/files/ipad.ipsw" --product iPad7,5 --version 13.5 --build 17F71 --update >/dev/null
fx_catalog iPod9,1 "$FX_WWW/files/ipad.ipsw" "" true 17F71 13.5
expect_rc "firmware of another model is refused (exit 3)" 3 rb restore start $ECID --update
refused firmware_mismatch check_firmware "iPad IPSW"
rs_field 0 cause_detail | grep -q "for iPad7,5, not for this iPod9,1" ||
    fail "detail: $(rs_field 0 cause_detail)"
ok "IPSW of another model: firmware_mismatch, next check_firmware"

# damaged and hostile manifests inside an otherwise valid zip
hostile_ipsw() { # FILE BUILD KIND
    python3 - "$1" "$3" <<'PY'
import sys, zipfile
out, kind = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    if kind == "garbage":
        z.writestr("BuildManifest.plist", b"\x00\xffthis is not a plist\n" * 100)
    elif kind == "huge":   # 64 MiB of blanks: a few KiB in the zip
        z.writestr("BuildManifest.plist", b" " * (64 << 20))
    elif kind == "types":
        z.writestr("BuildManifest.plist", '<?xml version="1.0"?><plist version="1.0"><dict>'
                   '<key>SupportedProductTypes</key><array><string>iPod9,1</string></array>'
                   '<key>BuildIdentities</key><string>all of them</string></dict></plist>')
    elif kind == "none":
        z.writestr("Restore.plist", "<plist/>")
PY
    fx_catalog iPod9,1 "$1" "" true "$2" 13.5
}
n=0
for kind in garbage:"not a plist" huge:"more than a real one" types:"no BuildIdentities" \
            none:"has no BuildManifest.plist"; do
    n=$((n + 1))
    hostile_ipsw "$FX_WWW/files/bad$n.ipsw" "17F8$n" "${kind%%:*}"
    expect_rc "${kind%%:*} manifest is refused (exit 3)" 3 rb restore start $ECID --update
    refused firmware_damaged check_firmware "${kind%%:*} manifest"
    rs_field 0 cause_detail | grep -q "${kind#*:}" ||
        fail "${kind%%:*}: detail $(rs_field 0 cause_detail)"
done
printf 'this is no zip at all\n' >"$FX_WWW/files/nozip.ipsw"
fx_catalog iPod9,1 "$FX_WWW/files/nozip.ipsw" "" true 17F90 13.5
expect_rc "an IPSW that is no zip is refused (exit 3)" 3 rb restore start $ECID --update
refused firmware_damaged check_firmware "not a zip"
ok "damaged manifests (garbage, 64 MiB, wrong types, missing) and a non-zip: firmware_damaged, each named"

# an encrypted backup of this device: the password decides
PW='kiosk test pw 4711'
"$RB_BACKUP_GEN" "$T/backup" --encrypted --password "$PW" --files 4 --udid $UDID \
    --product-type iPod9,1 --ios 12.4.1 >/dev/null || fail "rb-backup-gen"
rs_firmware iPod9,1 13.5 17F75
expect_rc "an encrypted backup without its password is refused (exit 3)" 3 \
    rb restore start $ECID --erase --backup "$T/backup"
refused backup_password backup_password "no password"
printf 'not the password\n' >"$T/wrong"
expect_rc "a wrong backup password is refused (exit 3)" 3 \
    rb restore start $ECID --erase --backup "$T/backup" --backup-password-file "$T/wrong"
refused backup_password backup_password "wrong password"
rs_field 0 cause_detail | grep -q "does not open" || fail "detail: $(rs_field 0 cause_detail)"
rb restore status | grep -q "Ask the customer for the backup password" ||
    fail "no plain next action in: $(rb restore status)"
ok "encrypted backup: no password / wrong password -> backup_password, nothing touched"
expect_rc "a password with no backup is a usage error" 2 \
    rb restore start $ECID --erase --backup-password-file "$T/wrong"
expect_rc "two secrets on standard input is a usage error" 2 \
    rb restore start $ECID --erase --backup "$T/backup" --backup-password-stdin --waiver x \
    --staff a --pin-stdin </dev/null

# The tool through a wrapper that records its argv and environment.
cat >"$T/tool" <<EOF
#!/bin/sh
printf '%s\n' "\$@" >>"$T/tool-argv"
env >>"$T/tool-env"
exec idevicerestore "\$@"
EOF
chmod +x "$T/tool"
echo "restore.tool = $T/tool" >>"$H/rescuebay.conf"
set +e
printf '%s\n' "$PW" | rb restore start $ECID --erase --backup "$T/backup" \
    --backup-password-stdin --wait >"$T/out" 2>&1
rc=$?
set -e
[ $rc = 0 ] || fail "erase with the right password: exit $rc: $(cat "$T/out")"
J=$(rs_field 0 job)
[ "$(rs_field "$J" state)" = done ] || fail "job $J $(rs_field "$J" state)"
ctl list | grep -q 17F75 || fail "the device does not run 17F75: $(ctl list)"
ok "the right password (stdin): backup verified, erased, device back on 17F75"
[ -s "$T/tool-argv" ] || fail "the tool wrapper did not run"
for f in "$T/tool-argv" "$T/tool-env"; do
    ! grep -q "$PW" "$f" || fail "the password is in the tool's $(basename "$f")"
done
! grep -r -a -q "$PW" "$H" || fail "the password is in the data home: $(grep -r -a -l "$PW" "$H")"
ok "the password is in no journal, log, ticket, tool argv or environment"
