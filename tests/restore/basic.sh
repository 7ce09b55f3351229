# restore_basic: Debian's real idevicerestore restores a simulated iPod touch 7 through
# `rescuebay restore`: update from recovery, erase from normal mode under a recorded
# waiver, every step on the ticket; the safety gate refuses what it must (no backup, bad
# PIN, tool missing) before anything is touched.
. "$RB_SOURCE_DIR/tests/restore/lib.sh"
ECID=0x0000001A2B3C4D5E
rs_setup restore-ipod7
rs_firmware iPod9,1 13.5 17F75

# a ticket and a staff member to record the steps and the waiver
printf '1234\n' | rb ticket staff add alice --admin --pin-stdin >/dev/null
TICKET=$(printf '1234\n' | rb --json ticket new --customer "Test Customer" --ecid $ECID \
    --staff alice --pin-stdin | python3 -c 'import json,sys; print(json.load(sys.stdin)["number"])')
[ -n "$TICKET" ] || fail "no ticket"

expect_rc "update from recovery mode finishes" 0 rb restore start $ECID --update --ticket "$TICKET" --wait
[ "$(rs_field 1 state)" = done ] || fail "job 1 not done"
[ "$(rs_field 1 attempts)" = 1 ] || fail "job 1 took $(rs_field 1 attempts) attempts"
[ "$(rs_field 1 next_action)" = set_up_device ] || fail "next action $(rs_field 1 next_action)"
ctl list | grep -q '"mode": *"normal"' || fail "the device is not booted: $(ctl list)"
ctl list | grep -q '13.5' || fail "the device does not run 13.5: $(ctl list)"
ok "the device is back in normal mode with the build asked for"
expect "the tool's log is kept" "^DONE" rb restore log 1
expect "the ticket has every step and the outcome" "success" rb ticket show "$TICKET"
expect "the ticket has the restoring step" "restoring" rb ticket show "$TICKET"
for k in state cause next_action attempts percent eta_seconds ecid build version; do
    rb --json restore status 1 | grep -q "\"$k\"" || fail "status --json lacks $k"
done
ok "status --json has state, cause, next_action, attempts ..."

# erase: refused without a backup, with a wrong PIN; accepted with a waiver
expect_rc "erase without backup or waiver is refused (exit 3)" 3 rb restore start $ECID --erase
[ "$(rs_field 0 cause)" = no_backup ] || fail "cause $(rs_field 0 cause)"
[ "$(rs_field 0 next_action)" = verify_backup ] || fail "next $(rs_field 0 next_action)"
[ "$(sq 'SELECT count(*) FROM attempts')" = 1 ] || fail "a refused job ran the tool"
set +e
printf '9999\n' | rb restore start $ECID --erase --waiver "customer has no backup" --staff alice \
    --pin-stdin --ticket "$TICKET" >"$T/out" 2>&1
rc=$?
set -e
[ $rc = 3 ] || fail "a wrong PIN gave exit $rc: $(cat "$T/out")"
[ "$(rs_field 0 cause)" = waiver_refused ] || fail "cause $(rs_field 0 cause)"
ok "a waiver with a wrong PIN is refused (exit 3)"
rs_firmware iPod9,1 13.6 17G68
set +e
printf '1234\n' | rb restore start $ECID --erase --waiver "customer has no backup" --staff alice \
    --pin-stdin --ticket "$TICKET" --wait >"$T/out" 2>&1
rc=$?
set -e
[ $rc = 0 ] || fail "erase with a waiver: exit $rc: $(cat "$T/out")"
J=$(rs_field 0 job)
[ "$(rs_field "$J" state)" = done ] || fail "erase job not done"
rb --json restore status "$J" | grep -q '"waiver"' || fail "the waiver is not among the warnings"
ctl list | grep -q '17G68' || fail "the device does not run 17G68 after the erase: $(ctl list)"
ok "erase from normal mode under a waiver: entered recovery by software, restored, verified"
expect "the waiver is on the ticket" "consent_recorded\|waiver" rb ticket show "$TICKET"

# a build Apple no longer signs (as the catalog says): refused before anything is touched
rs_firmware iPod9,1 13.7 17H35 false
expect_rc "an unsigned build is refused (exit 3)" 3 rb restore start $ECID --update --build 17H35
[ "$(rs_field 0 cause)" = not_signed ] || fail "cause $(rs_field 0 cause): $(rs_field 0 cause_detail)"
[ "$(rs_field 0 next_action)" = choose_build ] || fail "next $(rs_field 0 next_action)"
expect_rc "no signed build at all is refused (exit 3)" 3 rb restore start $ECID --update
[ "$(rs_field 0 cause)" = not_signed ] || fail "cause $(rs_field 0 cause): $(rs_field 0 cause_detail)"
ok "not signed: cause not_signed, next choose_build"

# the tool itself missing: refused plainly before anything is touched
echo "restore.tool = /nonexistent/idevicerestore" >>"$H/rescuebay.conf"
expect_rc "tool missing is refused (exit 3)" 3 rb restore start $ECID --update
[ "$(rs_field 0 cause)" = tool_missing ] || fail "cause $(rs_field 0 cause)"
[ "$(rs_field 0 next_action)" = update_tool ] || fail "next $(rs_field 0 next_action)"
ok "tool missing: cause tool_missing, next update_tool"
[ "$(rs_overlaps)" = 0 ] || fail "two tool runs overlapped on one device"
