# usbmuxd (the sim) restarting while a client watches (libusbmuxd polling, inotify off).
. "$RB_SOURCE_DIR/tests/sim/lib.sh"
UDID=00008030-001A2B3C4D5E6F70
start_sim r iphone11-paired
"$TESTS_BIN/sim_events" >"$T/events.txt" 2>&1 &
PIDS="$PIDS $!"
events() { tr '\n' '|' <"$T/events.txt"; }

eventually "device reported" "usbmuxd ADD $UDID" events
stop_sim r
eventually "the muxd going away removes the device" "usbmuxd REMOVE $UDID" events
start_sim r iphone11-paired
eventually "the restarted muxd is found again" "REMOVE $UDID|usbmuxd ADD $UDID" events
expect "tools work against the restarted sim" "^F2LXK0FAKE01\$" ideviceinfo -k SerialNumber

# A sim whose socket path is taken over by a new sim exits by itself (no lingering sims).
start_sim old iphone11-paired "UNIX:$T/shared.sock"
start_sim new iphone11-paired "UNIX:$T/shared.sock"
eventually "the replaced sim exits by itself" "taken over; exiting" cat "$T/old.log"
expect "the new one serves the path" "^$UDID" idevice_id -l
