# Listing and info in normal mode, unpaired and paired, through Debian's own tools.
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
BAY1=00008030-001A2B3C4D5E6F70
BAY2=4b6c1d2e3f405162738495a6b7c8d9e0f1a2b3c4
start_sim bays three-bays

expect "idevice_id lists the paired iPhone 11" "^$BAY1" idevice_id -l
expect "idevice_id lists the untrusted iPhone 8" "^$BAY2" idevice_id -l
expect_not "the recovery-mode iPad is not on usbmuxd" "0f1e2d3c4b5a" idevice_id -l
expect "unpaired -s: ProductType" "^ProductType: iPhone10,4" ideviceinfo -s -u $BAY2
expect "unpaired -s: ECID" "^UniqueChipID: $(printf %d 0x000A1B2C3D4E5F60)" ideviceinfo -s -u $BAY2
expect "unpaired -s: iOS version" "^ProductVersion: 16.7.8" ideviceinfo -s -u $BAY2
expect_not "unpaired -s: no SerialNumber" "SerialNumber" ideviceinfo -s -u $BAY2
expect "paired: SerialNumber over TLS" "^SerialNumber: F2LXK0FAKE01" ideviceinfo -u $BAY1
expect "paired: ActivationState" "^ActivationState: Activated" ideviceinfo -u $BAY1
expect "paired: battery domain" "^BatteryCurrentCapacity: 87" \
    ideviceinfo -u $BAY1 -q com.apple.mobile.battery
expect "paired: disk domain" "^TotalDiskCapacity: 64000000000" \
    ideviceinfo -u $BAY1 -q com.apple.disk_usage
expect "paired: Find My domain" "^IsAssociated: false" ideviceinfo -u $BAY1 -q com.apple.fmip
expect "ctl set changes a reported value" "^ok\$" ctl set bay1 battery 12
expect "... and the device reports it" "^BatteryCurrentCapacity: 12" \
    ideviceinfo -u $BAY1 -q com.apple.mobile.battery
expect_rc "ctl set refuses identity keys" 1 ctl set bay1 ecid 5
ctl reset bay1 >/dev/null
expect "ctl reset restores it" "^BatteryCurrentCapacity: 87" \
    ideviceinfo -u $BAY1 -q com.apple.mobile.battery
expect "paired: validate" "SUCCESS: Validated" idevicepair -u $BAY1 validate
expect "paired: diagnostics_relay battery over a TLS service" "<key>CycleCount</key>" \
    idevicediagnostics -u $BAY1 ioregentry AppleSmartBattery
expect "ctl list: three devices, bay3 in recovery" '"name":"bay3".*"mode":"recovery"' ctl list
expect "env prints the muxd address" "^USBMUXD_SOCKET_ADDRESS=$USBMUXD_SOCKET_ADDRESS\$" \
    "$SIM" env --listen "$USBMUXD_SOCKET_ADDRESS"
expect "libimobiledevice tools work with the fake libusb preloaded" "^$BAY2" with_fakeusb idevice_id -l
expect "env prints the fake libusb" "^LD_PRELOAD=/.*librescuebay-fakeusb.so\$" \
    "$SIM" env --listen "$USBMUXD_SOCKET_ADDRESS"

# TCP address form, and an iOS 9 device (the client caps TLS at 1.0).
PORT=$((20000 + $$ % 12000))   # below the ephemeral port range
start_sim tcp iphone6s-ios9 127.0.0.1:$PORT
expect "TCP address: idevice_id" "^2a8f0c9e7b6d" idevice_id -l
expect "iOS 9: paired session over TLS 1.0" "^F17SIM6S0005\$" ideviceinfo -k SerialNumber
