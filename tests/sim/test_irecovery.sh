# Recovery and DFU through Debian's irecovery + libirecovery 1.0.0 on the fake libusb.
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
UDID=4b6c1d2e3f405162738495a6b7c8d9e0f1a2b3c4
start_sim rec iphone8-recovery

expect "irecovery -q: CPID" "^CPID: 0x8015" with_fakeusb irecovery -q
expect "irecovery -q: BDID" "^BDID: 0x0a" with_fakeusb irecovery -q
expect "irecovery -q: ECID" "^ECID: 0x000a1b2c3d4e5f60" with_fakeusb irecovery -q
expect "irecovery -q: serial" "^SRNM: C39SIM000002" with_fakeusb irecovery -q
expect "irecovery -q: mode" "^MODE: Recovery" with_fakeusb irecovery -q
expect "irecovery -m" "Recovery Mode" with_fakeusb irecovery -m
expect_not "not on usbmuxd in recovery" "$UDID" idevice_id -l

# The reboot is over when the device reappears on USB (usb_gen moves), not after a guess.
gen=$(sim_field iphone8 usb_gen)
with_fakeusb irecovery -c reboot
moved() { [ "$(sim_field iphone8 usb_gen)" != "$gen" ]; }
wait_until "the device rebooted and is back on USB" moved
eventually "reboot with auto-boot false comes back in recovery" "^MODE: Recovery" \
    with_fakeusb irecovery -q
expect_not "... and not in normal mode" "$UDID" idevice_id -l

with_fakeusb irecovery -c "setenv auto-boot true"
with_fakeusb irecovery -c saveenv
with_fakeusb irecovery -c reboot
eventually "setenv auto-boot true + saveenv + reboot: normal mode" "^$UDID" idevice_id -l
expect "same ECID in normal mode" "^$(printf %d 0x000A1B2C3D4E5F60)\$" \
    ideviceinfo -s -u $UDID -k UniqueChipID

expect "ideviceenterrecovery" "successfully" ideviceenterrecovery $UDID
eventually "back in recovery, same ECID" "^ECID: 0x000a1b2c3d4e5f60" with_fakeusb irecovery -q
with_fakeusb irecovery -n
eventually "irecovery -n (exit recovery) brings it to normal" "^$UDID" idevice_id -l

start_sim dfu ipad-dfu
expect "DFU: mode" "^MODE: DFU" with_fakeusb irecovery -q
expect "DFU: CPID" "^CPID: 0x8010" with_fakeusb irecovery -q
expect "DFU: SRTG" "^SRTG: iBoot-2696.0.0.1.33" with_fakeusb irecovery -q
gen=$(sim_field ipad usb_gen)
with_fakeusb irecovery -n
# irecovery -n returns after the sim handled its transfers (a reboot would already show as
# rebooting, synchronously): the same USB appearance, not rebooting, still DFU.
[ "$(sim_field ipad rebooting)" = false ] || fail "DFU device started a reboot"
[ "$(sim_field ipad usb_gen)" = "$gen" ] || fail "DFU device left and came back"
expect "DFU cannot be left by software" "^MODE: DFU" with_fakeusb irecovery -q
expect "ctl list still says dfu" '"mode":"dfu"' ctl list
