# restore_modes: four devices restored at once (one job each), starting from normal,
# recovery and DFU mode, erase under a verified backup and update; the backup gate refuses
# a damaged backup and another device's backup; a model too new for Debian's tools is
# refused before anything is touched.
. "$RB_SOURCE_DIR/tests/restore/lib.sh"
rs_setup "$RB_SOURCE_DIR/tests/restore/four-bays.scenario"
rs_firmware iPod9,1 13.5 17F75
GEN="$TESTS_BIN/rb-backup-gen"; [ -x "$GEN" ] || GEN=$(find "$RB_BINARY_DIR" -name rb-backup-gen -type f | head -n 1)
"$GEN" "$T/backup" --files 40 --ios 12.4.1 --product-type iPod9,1 --digest-all >/dev/null ||
    fail "backup fixture"
"$GEN" "$T/damaged" --files 40 --ios 12.4.1 --product-type iPod9,1 --damage bitflip_file >/dev/null ||
    fail "damaged backup fixture"

# the gate: a damaged backup and another device's backup are refused (exit 3)
expect_rc "damaged backup refused" 3 rb restore start 0xB1B003 --erase --backup "$T/damaged"
[ "$(rs_field 0 cause)" = backup_not_restorable ] || fail "cause $(rs_field 0 cause)"
expect_rc "another device's backup refused" 3 rb restore start 0xB1B001 --erase --backup "$T/backup"
[ "$(rs_field 0 cause)" = backup_not_compatible ] || fail "cause $(rs_field 0 cause)"
ctl list | grep -q '"mode": *"dfu"' || fail "a refused job touched the DFU device"
ok "the gate refuses damaged and foreign backups before touching the device"

# four at once: update from normal, update from recovery, erase from DFU with a verified
# backup, update from recovery with an unplug at ASR on the way
ctl fault bay4 asr replug >/dev/null
rb restore start 0xB1B001 --update >/dev/null 2>&1 || fail "start bay1"
rb restore start 0xB1B002 --update >/dev/null 2>&1 || fail "start bay2"
rb restore start 0xB1B003 --erase --backup "$T/backup" >/dev/null 2>&1 || fail "start bay3: $(rb restore status)"
rb restore start 0xB1B004 --update >/dev/null 2>&1 || fail "start bay4"
for e in 0xB1B001 0xB1B002 0xB1B003 0xB1B004; do
    J=$(sq "SELECT id FROM jobs WHERE ecid='0x0000000000$(echo $e | cut -c3- | tr a-f A-F)' ORDER BY id DESC LIMIT 1")
    [ -n "$J" ] || fail "no job for $e"
    rs_wait_state "$J" done 180
done
ok "four devices restored in parallel (normal, recovery, DFU, one unplugged on the way)"
[ "$(ctl list | grep -o 17F75 | wc -l)" -ge 4 ] || fail "not every device runs 17F75: $(ctl list)"
[ "$(rs_overlaps)" = 0 ] || fail "two tool runs overlapped on one device"
# the runs really overlapped in time across devices
P=$(sq "SELECT count(*) FROM attempts a JOIN attempts b ON a.ecid <> b.ecid
    AND a.id < b.id AND b.started_ms < a.ended_ms AND a.started_ms < b.ended_ms")
[ "$P" -ge 1 ] || fail "the four restores did not run at the same time"
ok "tool runs overlapped across devices ($P pairs), never on one device"
ctl list | python3 -c '
import json, sys
d = {x["name"]: x for x in json.load(sys.stdin)}
assert d["bay1"]["activation"] == "Activated", "an update must keep the device activated"
assert d["bay3"]["activation"] == "Unactivated", "the erase must leave it unactivated"
' || fail "update kept / erase removed the data: $(ctl list)"
ok "the update kept the device set up, the erase wiped it"
expect "a backup verification is recorded on the journal" "restorable" \
    sq "SELECT verdict FROM backup_checks"

# the other way round: erase from recovery, update from DFU
ctl reset bay2 >/dev/null
ctl reset bay3 >/dev/null
rb restore start 0xB1B002 --erase --backup "$T/backup" >/dev/null 2>&1 || fail "start bay2 erase"
J2=$(rs_field 0 job)
rb restore start 0xB1B003 --update >/dev/null 2>&1 || fail "start bay3 update"
J3=$(rs_field 0 job)
rs_wait_state "$J2" done 180
rs_wait_state "$J3" done 180
ok "erase from recovery and update from DFU"

# a model Debian's idevicerestore/libirecovery do not know: refused plainly
stop_sim sim
start_sim sim2 iphone15-normal
export $("$SIM" env --listen "$USBMUXD_SOCKET_ADDRESS")
ID=$(ctl list | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["ecid"])')
expect_rc "model too new for the tool is refused (exit 3)" 3 rb restore start "$ID" --update
[ "$(rs_field 0 cause)" = model_too_new ] || fail "cause $(rs_field 0 cause)"
rb restore status | grep -q "iPhone 12 and later need newer tools" || fail "no plain explanation: $(rb restore status)"
ok "model too new: cause model_too_new, next update_tool, said plainly"
