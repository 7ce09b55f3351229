# restore_kill: the process driving a restore is SIGKILLed at random points (as a crash or
# a power cut would stop it); `rescuebay restore resume --wait` then finishes every job,
# the device is restored once per job, and no two tool runs ever overlap on a device.
. "$RB_SOURCE_DIR/tests/restore/lib.sh"
ECID=0x0000001A2B3C4D5E
ROUNDS=${RB_RESTORE_KILL_ROUNDS:-4}
rs_setup restore-ipod7
rs_firmware iPod9,1 13.5 17F75
SEED=${RB_RESTORE_KILL_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
echo "seed $SEED"
KILLS=0

i=0
while [ $i -lt "$ROUNDS" ]; do
    i=$((i + 1))
    ctl reset ipod7 >/dev/null
    # every other round a slower device, so that more kills land while the tool runs
    [ $((i % 2)) = 0 ] && ctl slow ipod7 3 >/dev/null
    rb restore start $ECID --update >/dev/null 2>&1 || fail "round $i: start"
    J=$(rs_field 0 job)
    # a random point between the start and a little after the usual end of the tool run
    ms=$(awk -v s="$SEED" -v i="$i" 'BEGIN { srand(s + i); printf "%d", 50 + rand() * 3000 }')
    # The driver is the background process `restore start` hands the job to. On a loaded
    # machine it can record itself late, or finish a fast round before this loop sees it
    # alive: such a round had nothing to kill and is said so (the last check requires kills).
    _deadline=$(( $(date +%s) + 60 ))
    D=""
    while [ -z "$D" ] || [ "$D" = 0 ]; do
        D=$(sq "SELECT driver_pid FROM jobs WHERE id=$J" 2>/dev/null || true)
        [ -n "$D" ] && [ "$D" != 0 ] && kill -0 "$D" 2>/dev/null || D=""
        [ -z "$D" ] && [ "$(rs_field "$J" state)" = done ] && break
        [ "$(date +%s)" -lt "$_deadline" ] || fail "round $i: no driver recorded: $(rb restore status "$J")"
        sleep 0.05
    done
    if [ -z "$D" ]; then
        ok "round $i: done before a driver could be killed (nothing to kill)"
        ctl slow ipod7 0 >/dev/null
        continue
    fi
    KILLS=$((KILLS + 1))
    sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')"
    kill -9 "$D" 2>/dev/null || true
    state=$(rs_field "$J" state)
    # nothing drives the job now: a resuming process finishes it; a device left in the
    # restore ramdisk asks for the buttons (the test plays the staff member)
    _deadline=$(( $(date +%s) + 150 ))
    RP=""
    while :; do
        if [ -z "$RP" ] || ! kill -0 "$RP" 2>/dev/null; then
            [ -n "$RP" ] && wait "$RP" 2>/dev/null || true
            rb restore resume --wait >"$T/resume.out" 2>&1 &
            RP=$!
            PIDS="$PIDS $RP"
        fi
        s=$(rs_field "$J" state)
        [ "$s" = done ] && break
        case "$s" in failed|cancelled) fail "round $i (killed in $state after $ms ms): $s $(rs_field "$J" cause): $(rs_field "$J" cause_detail)";; esac
        if [ "$(rs_field "$J" next_action)" = force_restart ] && ctl list | grep -q '"mode":"restore"'; then
            ctl reboot ipod7 recovery >/dev/null
        fi
        [ "$(date +%s)" -lt "$_deadline" ] || fail "round $i (killed in $state after $ms ms): not done after resume: $(rb restore status "$J"; ctl list; cat "$T/resume.out"; sq "select * from transitions where job_id=$J")"
        sleep 0.2
    done
    wait "$RP" 2>/dev/null || true
    ctl list | grep -q 17F75 || fail "round $i: device not on 17F75"
    ctl slow ipod7 0 >/dev/null
    ok "round $i: driver killed in $state after $ms ms -> resume -> done ($(rs_field "$J" attempts) attempts)"
done
[ "$KILLS" -gt 0 ] || fail "no round had a driver to kill: nothing was tested"
[ "$(rs_overlaps)" = 0 ] || fail "two tool runs overlapped on one device"
# every job finished once: no job has a tool run after its 'done'
late=$(sq "SELECT count(*) FROM attempts a JOIN transitions t ON t.job_id = a.job_id
    AND t.to_state = 'done' AND a.started_ms > t.at_ms")
[ "$late" = 0 ] || fail "$late tool runs after a job was done"
[ "$(sq "SELECT count(*) FROM jobs WHERE state <> 'done'")" = 0 ] || fail "unfinished jobs"
ok "every job done once, never two tool runs at once"
