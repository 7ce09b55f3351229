#!/bin/sh
# kiosk_restore_sim: the kiosk's restore screens (tests/restore/kiosk/tst_*.qml) against the
# simulated iPod touch 7 and Debian's real idevicerestore, with a local nginx catalog (the
# restore tests' setup): update with an unplug and automatic resumption, erase under a
# verified backup, erase under a waiver signed with a staff PIN.
. "$RB_SOURCE_DIR/tests/restore/lib.sh"
RS_BACKOFF_MS=200
rs_setup restore-ipod7
# newer than the sample backup's iOS 17.5.1, so the backup fits the target
rs_firmware iPod9,1 18.0 22A3354
printf '1234\n' | rb ticket staff add alice --admin --pin-stdin >/dev/null
# A backup of the simulated iPod itself: the sample backup with the iPod's identity, so
# the verifier finds "this device" and says restorable.
B="$T/backups"
mkdir -p "$B"
cp -r "$RB_SOURCE_DIR/tests/fixtures/backups/SYNTHETIC_plain" "$B/ipod7"
python3 "$RB_SOURCE_DIR/tests/restore/kiosk/retarget_backup.py" "$B/ipod7" \
    00008010-0000001A2B3C4D5E iPod9,1 "iPod touch" || fail "retarget the sample backup"
# The encrypted sample (password kiosk-test-1234) as the iPod's own backup, offered only to
# the test that verifies it with its password (RB_ENC_BACKUPS).
E="$T/enc-backups"
mkdir -p "$E"
cp -r "$RB_SOURCE_DIR/tests/fixtures/backups/SYNTHETIC_encrypted_pw_kiosk-test-1234" "$E/ipod7-encrypted"
python3 "$RB_SOURCE_DIR/tests/restore/kiosk/retarget_backup.py" "$E/ipod7-encrypted" \
    00008010-0000001A2B3C4D5E iPod9,1 "iPod touch" || fail "retarget the encrypted sample backup"
export RB_ENC_BACKUPS="$E"
export QT_QPA_PLATFORM=offscreen RB_SIM_ADDR="$USBMUXD_SOCKET_ADDRESS" RB_BACKUP_ROOTS="$B" RB_HOME="$H"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
"$RB_BINARY_DIR/tests/tst_kiosk_restore" -input "$RB_SOURCE_DIR/tests/restore/kiosk" || fail "tst_kiosk_restore"
ok "kiosk restore screens against the simulator"
