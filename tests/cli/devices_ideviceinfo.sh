#!/bin/sh
# Debian's ideviceinfo and `rescuebay device info --json` agree about the same simulated
# device, unpaired (public values) and paired (everything, battery, disk usage).
. "$(dirname "$0")/devices_lib.sh"
command -v ideviceinfo >/dev/null || fail "ideviceinfo missing (package libimobiledevice-utils)"
sim_start "$IPHONE11
paired = yes
$IPHONE8
mode = normal
hardware_model = D201AP
ios = 16.7.8
build = 20H343
paired = no"

check() { # UDID SIMPLE(-s or "") JSONKEY LOCKDOWNKEY [DOMAIN]
  want=$(ideviceinfo -u "$1" $2 ${5:+-q "$5"} -k "$4" 2>/dev/null) || fail "ideviceinfo -k $4 failed"
  [ -n "$want" ] || fail "ideviceinfo gave no $4"
  case "$3" in battery_percent|disk_*) pat="$want" ;; *) pat="\"$want\"" ;; esac
  json_has "$T/$1.json" "$3" "$pat"
}

U11=00008030-001A2B3C4D5E6F70
U8=4b6c1d2e3f405162738495a6b7c8d9e0f1a2b3c4
"$RB_BIN/rescuebay" device info $U11 --json > "$T/$U11.json" || fail "info exited $?"
"$RB_BIN/rescuebay" device info $U8 --json > "$T/$U8.json" || fail "info exited $?"

for u in $U11 $U8; do
  check $u -s product_type ProductType
  check $u -s ios_version ProductVersion
  check $u -s build_version BuildVersion
  check $u -s hardware_model HardwareModel
  check $u -s device_class DeviceClass
  check $u -s ecid_decimal UniqueChipID
done
# Paired: the private values and the two domains.
check $U11 "" serial SerialNumber
check $U11 "" device_name DeviceName
check $U11 "" activation_state ActivationState
check $U11 "" imei InternationalMobileEquipmentIdentity
check $U11 "" battery_percent BatteryCurrentCapacity com.apple.mobile.battery
check $U11 "" disk_free_bytes TotalDataAvailable com.apple.disk_usage
check $U11 "" disk_total_bytes TotalDataCapacity com.apple.disk_usage
echo "devices_ideviceinfo: ok"
