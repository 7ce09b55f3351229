# restore_hold: while a restore job's tool works on a device the monitor opens nothing on
# it (one USB claim at a time): pair / enter-recovery are refused with RB_ERR_BUSY, and
# work again once the job lets go.
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
start_sim sim iphone11-paired
expect "held device is left alone, then usable again" "^ok" "$TESTS_BIN/restore_hold_check" 0x001A2B3C4D5E6F70
eventually "it went to recovery once let go" '"mode": *"recovery"' ctl list
