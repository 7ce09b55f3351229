# tests/restore/lib.sh - shared by the restore integration tests: a simulator with
# restorable devices, a local nginx catalog serving IPSWs made by `rescuebay-sim ipsw`
# (as a user's mirror would), and a data home whose settings point at both. The real
# /usr/bin/idevicerestore does the restores.
#
#   . "$RB_SOURCE_DIR/tests/restore/lib.sh"
#   rs_setup SCENARIO            -> $H (data home), sim running, env exported
#   rs_firmware PT VERSION BUILD [SIGNED]     -> IPSW in the catalog
#   rb restore ...               -> the CLI with --home $H
#   rs_wait_state JOB STATE SECS -> waits on `restore status --json` (no fixed sleeps)
#   rs_field JOB KEY             -> one field of `restore status JOB --json`
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
. "$RB_SOURCE_DIR/tests/firmware/nginx-fixture.sh"

RB="$RB_BIN/rescuebay"
command -v idevicerestore >/dev/null 2>&1 || { echo "SKIP: idevicerestore is not installed"; exit 77; }

rs_cleanup() {
    # A failure shows what the journal and the drivers saw (the temp dir goes away).
    if [ "${FAILED:-0}" = 1 ] && [ -n "${H:-}" ] && [ -f "$H/restore.db" ]; then
        echo "--- journal: jobs, attempts, transitions"
        sq "SELECT id, state, cause, attempts, driver_pid, detail FROM jobs ORDER BY id DESC LIMIT 3" 2>&1 || true
        sq "SELECT id, job_id, pid, tool_pid, started_ms, ended_ms, exit_code, cause, summary FROM attempts ORDER BY id DESC LIMIT 6" 2>&1 || true
        sq "SELECT job_id, from_state, to_state, cause, at_ms, detail FROM transitions ORDER BY id DESC LIMIT 12" 2>&1 || true
        for f in "$H/restore-logs/driver.log" $(ls -t "$H"/restore-logs/job-*.log 2>/dev/null | head -2); do
            [ -f "$f" ] && { echo "--- $f"; tail -n 25 "$f"; }
        done
    fi
    # Drivers started in the background (restore start without --wait) die with the test:
    # the journal names each job's driver; only those of this data home are stopped.
    if [ -n "${H:-}" ] && [ -f "$H/restore.db" ]; then
        for p in $(sq "SELECT DISTINCT driver_pid FROM jobs WHERE driver_pid > 0" 2>/dev/null); do
            tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline" | grep -q -- "--home $H " && kill "$p" 2>/dev/null
        done
    fi
    fx_cleanup
    cleanup
}
trap rs_cleanup EXIT

rs_setup() {
    start_sim sim "$1"
    export $("$SIM" env --listen "$USBMUXD_SOCKET_ADDRESS")
    # The fake libusb is preloaded ahead of ASan's runtime in the sanitizer build (as
    # tests/sim/lib.sh's with_fakeusb allows); harmless for normal builds.
    export ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}verify_asan_link_order=0"
    fx_start || fail "nginx fixture"
    H="$T/home"
    mkdir -p "$H"
    cat > "$H/rescuebay.conf" <<CONF
firmware.catalog_url = $FX_BASE/v4
firmware.allow_http = yes
restore.backoff_ms = ${RS_BACKOFF_MS:-200}
restore.silence_timeout = ${RS_SILENCE:-60}
restore.device_timeout = ${RS_DEVICE_TIMEOUT:-60}
restore.max_attempts = ${RS_MAX_ATTEMPTS:-3}
CONF
    export RESCUEBAY_HOME="$H"
}

rb() { "$RB" --home "$H" "$@"; }

# sq SQL: a query of the journal that waits for a writer instead of failing "locked"
sq() { sqlite3 -cmd ".timeout 10000" "$H/restore.db" "$@"; }

# rs_firmware PT VERSION BUILD [SIGNED] [erase-only]: an IPSW with Erase and Update
# identities (erase-only: Erase alone, on which idevicerestore turns an update into an erase)
rs_firmware() {
    _f="$FX_WWW/files/$1-$2-$3.ipsw"
    _u=--update
    [ "${5:-}" = erase-only ] && _u=
    "$SIM" ipsw "$_f" --product "$1" --version "$2" --build "$3" $_u >/dev/null || fail "sim ipsw"
    fx_catalog "$1" "$_f" "" "${4:-true}" "$3" "$2"
}

# rs_start_bg ID ARGS...: `restore start` without --wait; prints the job number from the
# command's own answer (a second CLI call to find it costs seconds under load, and a
# failing one would give an empty number).
rs_start_bg() {
    _out=$(rb --json restore start "$@" 2>"$T/start.err") || fail "restore start $*: $(cat "$T/start.err")"
    _j=$(printf '%s' "$_out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["job"])') ||
        fail "restore start $*: no job in: $_out"
    echo "$_j"
}

rs_field() {
    rb --json restore status "$1" 2>/dev/null |
        python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2" 2>/dev/null
}

# rs_wait_state JOB STATE SECONDS: until the job's state is STATE (fails on another final one).
rs_wait_state() {
    _deadline=$(( $(date +%s) + $3 ))
    while :; do
        _s=$(rs_field "$1" state)
        [ "$_s" = "$2" ] && return 0
        case "$_s" in done|failed|cancelled)
            fail "job $1 ended $_s ($(rs_field "$1" cause): $(rs_field "$1" cause_detail)), expected $2";;
        esac
        [ "$(date +%s)" -lt "$_deadline" ] || fail "job $1 not $2 within $3 s (state $_s)"
        sleep 0.1
    done
}

# rs_wait_attempt_step JOB: waits until the tool is running (state restoring, attempts >= N)
rs_wait_restoring() {
    _deadline=$(( $(date +%s) + $3 ))
    while :; do
        [ "$(rs_field "$1" state)" = restoring ] && [ "$(rs_field "$1" attempts)" -ge "$2" ] && return 0
        [ "$(date +%s)" -lt "$_deadline" ] || fail "job $1 did not start attempt $2 within $3 s"
        sleep 0.1
    done
}

# rs_handed_off JOB: `restore start` without --wait only ran the preflight; every later
# transition and tool run of the job came from the background driver.
rs_handed_off() {
    _sp=$(sq "SELECT pid FROM transitions WHERE job_id=$1 AND detail='preflight passed'")
    [ -n "$_sp" ] || fail "job $1: no preflight transition"
    _n=$(sq "SELECT (SELECT count(*) FROM attempts WHERE job_id=$1 AND pid=$_sp) +
                    (SELECT count(*) FROM transitions WHERE job_id=$1 AND pid=$_sp
                     AND detail != 'preflight passed')")
    [ "$_n" = 0 ] || fail "job $1: the start process itself acted on the device ($_n rows)"
}

# The count of tool runs that overlapped in time on one ECID (must stay 0).
rs_overlaps() {
    sq "SELECT count(*) FROM attempts a JOIN attempts b ON a.ecid = b.ecid
        AND a.id < b.id AND b.started_ms < (CASE WHEN a.ended_ms = 0 THEN 9e15 ELSE a.ended_ms END)"
}
