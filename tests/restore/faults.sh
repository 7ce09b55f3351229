# restore_faults: interruptions the real idevicerestore meets against the simulated iPod
# touch 7, each resumed by the job by itself until the device is back with the new build:
# an unplug (with automatic replug) at every step of the restore, an unplug that waits for
# the cable, the tool killed, AMRError, a masked ASR failure (exit 0 with ERROR lines), a
# silent device (tool hung -> stopped -> resumed), and a spent retry budget.
. "$RB_SOURCE_DIR/tests/restore/lib.sh"
ECID=0x0000001A2B3C4D5E
RS_SILENCE=25  # idevicerestore 1.0.0 itself is silent for up to ~20 s (FDR retries)
rs_setup restore-ipod7
rs_firmware iPod9,1 13.5 17F75
STEPS=${RS_FAULT_STEPS:-ibec ramdisk kernel restore asr nor}

fresh() { ctl reset ipod7 >/dev/null; ctl fault ipod7 clear >/dev/null; }

# run_fault STEP ACTION CAUSE...: arms the fault, restores, expects done after > 1 attempt
# and one interruption whose cause is one of CAUSE...
run_fault() {
    _step=$1 _act=$2
    shift 2
    fresh
    ctl fault ipod7 "$_step" "$_act" >/dev/null || fail "cannot arm $_step:$_act"
    set +e
    rb restore start $ECID --update --wait >"$T/run.out" 2>&1
    _rc=$?
    set -e
    _j=$(rs_field 0 job)
    [ $_rc = 0 ] || fail "$_step:$_act: exit $_rc, state $(rs_field "$_j" state) $(rs_field "$_j" cause): $(rs_field "$_j" cause_detail)"
    if [ "$1" = - ]; then # the restore itself was complete: done without another run
        ctl list | grep -q 17F75 || fail "$_step:$_act: device not on 17F75"
        ok "$_step:$_act -> done after $(rs_field "$_j" attempts) attempt(s)"
        return 0
    fi
    [ "$(rs_field "$_j" attempts)" -ge 2 ] || fail "$_step:$_act: the fault did not cost an attempt"
    _c=$(sq "SELECT cause FROM transitions WHERE job_id=$_j AND to_state='interrupted' ORDER BY id LIMIT 1")
    _okc=0
    for c in "$@"; do [ "$_c" = "$c" ] && _okc=1; done
    [ $_okc = 1 ] || fail "$_step:$_act: interrupted with cause '$_c', expected one of: $*"
    ctl list | grep -q 17F75 || fail "$_step:$_act: device not on 17F75"
    ok "$_step:$_act -> interrupted ($_c) -> resumed -> done"
}

for s in $STEPS; do
    run_fault "$s" replug device_gone restore_mode_failed tool_failed not_detected masked_failure
done
# a cable pulled after the final status: the device was restored, boots normally
run_fault final replug -
run_fault final amr=14 amr_error
run_fault asr error masked_failure

# a device that goes silent: the tool is stopped after restore.silence_timeout, staff are
# asked to force-restart it (it stays in restore mode, as a real one does), then it resumes
fresh
ctl fault ipod7 asr silent >/dev/null
J=$(rs_start_bg $ECID --update)
rs_wait_state "$J" interrupted 90
[ "$(rs_field "$J" cause)" = tool_hung ] || fail "silent device: cause $(rs_field "$J" cause)"
_deadline=$(( $(date +%s) + 30 ))
until [ "$(rs_field "$J" next_action)" = force_restart ]; do
    [ "$(date +%s)" -lt "$_deadline" ] || fail "silent device: next action $(rs_field "$J" next_action)"
    sleep 0.1
done
rb restore status "$J" | grep -q "Force-restart" || fail "no force-restart steps in: $(rb restore status "$J")"
ctl reboot ipod7 recovery >/dev/null
rs_wait_state "$J" done 90
rs_handed_off "$J"
ok "asr:silent -> tool hung, stopped -> force restart asked -> resumed -> done"

# unplugged and left out: the job waits for the same ECID, then resumes by itself
fresh
ctl fault ipod7 asr unplug >/dev/null
J=$(rs_start_bg $ECID --update)
rs_wait_state "$J" interrupted 60
[ "$(rs_field "$J" next_action)" = reconnect ] || [ "$(rs_field "$J" cause)" != device_gone ] ||
    fail "device_gone without next action reconnect"
ctl attach ipod7 >/dev/null
rs_wait_state "$J" done 90
rs_handed_off "$J"
ok "unplugged at ASR, plugged back later: resumed and done"

# the tool killed from outside (e.g. by the OOM killer). The tool starts through a wrapper
# that waits while $T/hold exists, so the run is certainly still going when it is killed:
# timing it with a slow device failed both ways under load (the run had ended before the
# test looked; or the slowness itself failed the run: "Device did not disconnect").
printf '#!/bin/sh\nwhile [ -e "%s/hold" ]; do sleep 0.05; done\nexec idevicerestore "$@"\n' "$T" >"$T/tool"
chmod +x "$T/tool"
echo "restore.tool = $T/tool" >>"$H/rescuebay.conf"
fresh
touch "$T/hold"
J=$(rs_start_bg $ECID --update)
_deadline=$(( $(date +%s) + 60 ))
while :; do
    P=$(sq "SELECT tool_pid FROM attempts WHERE job_id=$J AND ended_ms=0 AND tool_pid>0")
    [ -n "$P" ] && break
    [ "$(date +%s)" -lt "$_deadline" ] || fail "no tool pid recorded"
    sleep 0.05
done
kill -9 "$P"
rm -f "$T/hold"
rs_wait_state "$J" done 90
[ "$(sq "SELECT cause FROM attempts WHERE job_id=$J ORDER BY id LIMIT 1")" = tool_killed ] ||
    fail "the killed run was not recorded as tool_killed"
[ "$(sq "SELECT count(*) FROM attempts WHERE job_id=$J")" -ge 2 ] || fail "no run after the kill"
rs_handed_off "$J"
ok "tool killed -> resumed -> done"

# the retry budget: one attempt allowed, a fault spends it
fresh
echo "restore.max_attempts = 1" >>"$H/rescuebay.conf"
ctl fault ipod7 asr replug >/dev/null
expect_rc "spent budget ends failed (exit 4)" 4 rb restore start $ECID --update --wait
J=$(rs_field 0 job)
[ "$(rs_field "$J" cause)" = out_of_retries ] || fail "cause $(rs_field "$J" cause)"
[ "$(rs_field "$J" next_action)" = change_cable ] || fail "next $(rs_field "$J" next_action)"
ok "retry budget exhausted: failed, out_of_retries, change cable"
[ "$(rs_overlaps)" = 0 ] || fail "two tool runs overlapped on one device"
ok "never two tool runs at once"
