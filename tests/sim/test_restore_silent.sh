# A device that goes silent (stays attached, stops answering) and a signing server that
# hangs: idevicerestore 1.0.0 waits forever (it even ignores SIGTERM while blocked), so
# whoever runs it needs its own deadline. Slow: the USB case costs libirecovery's 10 s
# timeout.
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
. "$RB_SOURCE_DIR/tests/sim/restore_lib.sh"
start_sim s restore-ipod7
make_ipsw fw iPod9,1 13.4 17E255

ctl fault ipod7 asr silent >/dev/null
run_restore asr-silent 8 -e "$T/fw.ipsw"
[ "$RC" = 124 ] || [ "$RC" = 137 ] || fail "silent during ASR: exit $RC, expected a timeout"
ok "silent during ASR: the tool hangs until killed"
expect "... the device still sits in restore mode, half-way" \
    '"name":"ipod7"[^}]*"mode":"restore","attached":true[^}]*"restore_step":"asr [0-9]*%"' ctl list
ctl reboot ipod7 recovery >/dev/null
wait_dev "a forced restart brings it to recovery, the restore counted as interrupted" ipod7 \
    '"mode":"recovery","attached":true,"rebooting":false.*"restore_step":"","last_restore":"failed: interrupted (asr [0-9]*%)"'

ctl reset ipod7 >/dev/null
wait_dev "device ready" ipod7 '"mode":"recovery","attached":true,"rebooting":false'

ctl fault ipod7 tss hang >/dev/null
run_restore tss-hang 6 -e "$T/fw.ipsw"
[ "$RC" = 124 ] || [ "$RC" = 137 ] || fail "hanging TSS: exit $RC, expected a timeout"
expect "... it did ask for signing" '"name":"ipod7"[^}]*"tss_requests":1' ctl list
ok "hanging signing server: the tool waits until killed"

ctl reset ipod7 >/dev/null
wait_dev "device ready" ipod7 '"mode":"recovery","attached":true,"rebooting":false'
ctl fault ipod7 ibec silent >/dev/null
run_restore ibec-silent 40 -e "$T/fw.ipsw"
expect_restore "silent during the iBEC upload: USB timeout, iBEC failure" ibec-silent 254
expect "... the device stays attached, where it went quiet" \
    '"name":"ipod7"[^}]*"mode":"recovery","attached":true[^}]*"restore_step":"uploading ibec"' ctl list
alive s
