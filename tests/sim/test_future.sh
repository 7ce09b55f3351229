# Models Debian's libirecovery does not know are still listed by their identifiers.
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
start_sim fut future-model
expect "unknown model listed by UDID" "^00009990-00ABCDEF01234567" idevice_id -l
expect "unknown model's ProductType" "^iPhone99,1\$" ideviceinfo -k ProductType
expect "unknown chip in recovery: CPID" "^CPID: 0x9991" with_fakeusb irecovery -q
expect "unknown chip in recovery: ECID" "^ECID: 0x00abcdef01234568" with_fakeusb irecovery -q

start_sim i15 iphone15-normal
expect "iPhone 15 ProductType" "^iPhone15,4\$" ideviceinfo -k ProductType
ctl reboot iphone15 recovery >/dev/null
eventually "iPhone 15 in recovery: CPID 0x8120" "^CPID: 0x8120" with_fakeusb irecovery -q
expect "iPhone 15 in recovery: BDID" "^BDID: 0x08" with_fakeusb irecovery -q
