#!/bin/sh
# rescuebay ticket and a hostile or damaged database folder (issue 9): a missing database
# is created only by commands that create data; a journal without its database is kept;
# a damaged database is reported by every command; exports never follow a link and are
# owner-only; a readable database is tightened; the lock-out lives in the database; an
# erase while another program holds the file fails loudly and succeeds once it lets go.
set -eu
RB="${RB_BIN:-build/bin}/rescuebay"
T=$(mktemp -d "${TMPDIR:-/tmp}/rbcli-tkdb.XXXXXX")
READER_PID=
trap '[ -n "$READER_PID" ] && kill "$READER_PID" 2>/dev/null; rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
H=
rb() { "$RB" --home "$H" "$@"; }
# rbx EXPECTED_EXIT ARGS...: runs with stdin from $PIN_IN, keeps stdout/stderr in $T/out, $T/err.
rbx() {
    want=$1; shift
    set +e; printf '%s' "${PIN_IN:-}" | "$RB" --home "$H" "$@" >"$T/out" 2>"$T/err"; rc=$?; set -e
    [ "$rc" = "$want" ] || fail "$*: exit $rc, wanted $want: $(cat "$T/err")"
}
newhome() { H="$T/$1"; mkdir -p "$H"; printf 'tickets.pin_iterations = 1000\n' > "$H/rescuebay.conf"; }
only_conf() { [ "$(ls -A "$H")" = "rescuebay.conf" ] || fail "$1: files appeared: $(ls -A "$H")"; }
mode() { stat -c %a "$1"; }

# --- 1. A missing database: reading commands say so and create nothing. -----------------
newhome missing
for cmd in "list" "search jane" "staff list" "purge" "settings"; do
    # shellcheck disable=SC2086
    rbx 0 ticket $cmd
    grep -q "no tickets yet" "$T/err" || fail "$cmd: $(cat "$T/err")"
    only_conf "$cmd"
done
rbx 0 --json ticket list
grep -q '"tickets":[[:space:]]*\[\]' "$T/out" || fail "json list: $(cat "$T/out")"
for cmd in "show RB-2026-00001" "receipt RB-2026-00001" "export --format csv" \
           "export --format json" "export --output $T/x.csv"; do
    # shellcheck disable=SC2086
    rbx 5 ticket $cmd
    grep -q "no tickets yet" "$T/err" || fail "$cmd: $(cat "$T/err")"
    [ ! -s "$T/out" ] || fail "$cmd printed: $(cat "$T/out")"
    only_conf "$cmd"
done
[ ! -e "$T/x.csv" ] || fail "export made a file without a database"
PIN_IN=1234
for cmd in "note RB-2026-00001 hi" "close RB-2026-00001" "erase RB-2026-00001" \
           "staff unlock bob" "settings set tickets.pin_max_failures 3"; do
    # shellcheck disable=SC2086
    rbx 5 ticket $cmd --staff ann --pin-stdin
    only_conf "$cmd"
done
# The commands that create data create it.
rbx 0 ticket staff add ann --pin-stdin
[ -f "$H/tickets.db" ] || fail "staff add did not create the database"
[ "$(mode "$H/tickets.db")" = 600 ] || fail "new database mode $(mode "$H/tickets.db")"
newhome missing-new
rbx 3 ticket new --customer x --staff ann --pin-stdin  # no such staff, but the file exists now
[ -f "$H/tickets.db" ] || fail "new did not create the database"

# --- 2. A journal without its database is never discarded. -------------------------------
newhome src
PIN_IN=1234
rbx 0 ticket staff add ann --pin-stdin
rbx 0 ticket new --customer "Walburga Journalkeep" --staff ann --pin-stdin
N=$(cat "$T/out")
# Copy the journal while another connection keeps it from being checkpointed.
mkfifo "$T/fifo"
sqlite3 "$H/tickets.db" < "$T/fifo" > "$T/reader.out" &
READER_PID=$!
exec 3>"$T/fifo"
echo "SELECT 'ready', count(*) FROM tickets;" >&3
i=0; while ! grep -q ready "$T/reader.out"; do i=$((i + 1)); [ $i -lt 500 ] || fail "reader"; sleep 0.02; done
rbx 0 ticket note "$N" "written while held" --staff ann --pin-stdin
cp "$H/tickets.db-wal" "$T/saved-wal"
echo ".quit" >&3; exec 3>&-; wait "$READER_PID"; READER_PID=
grep -q "Walburga" "$T/saved-wal" || fail "the saved journal holds no ticket"
for state in missing empty; do
    for cmd in "list" "show $N" "export --format json" "staff list" "new --customer y" \
               "staff add bob" "purge"; do
        newhome "wal-$state"
        cp "$T/saved-wal" "$H/tickets.db-wal"
        [ "$state" = empty ] && : > "$H/tickets.db"
        PIN_IN=$(printf '1234\n5555\n')
        case "$cmd" in new*|"staff add"*) extra="--staff ann --pin-stdin" ;; *) extra= ;; esac
        # shellcheck disable=SC2086
        rbx 1 ticket $cmd $extra
        grep -q "tickets.db-wal" "$T/err" || fail "$state/$cmd: $(cat "$T/err")"
        cmp -s "$T/saved-wal" "$H/tickets.db-wal" || fail "$state/$cmd changed the journal"
        if [ "$state" = missing ]; then
            [ ! -e "$H/tickets.db" ] || fail "$state/$cmd created the database"
        else
            [ ! -s "$H/tickets.db" ] || fail "$state/$cmd wrote the database"
        fi
        rm -rf "$H"
    done
done

# --- 3. A damaged database is reported by every command. ---------------------------------
newhome damaged-src
PIN_IN=1234
rbx 0 ticket staff add ann --pin-stdin
i=0; while [ $i -lt 4 ]; do rbx 0 ticket new --customer "Page Filler $i" --staff ann --pin-stdin; i=$((i + 1)); done
N=$(cat "$T/out")
SRC="$H"
PAGE=$(sqlite3 "$SRC/tickets.db" "PRAGMA page_size")
# Every command with one kind of damage; the C test (test_tickets_files) has more kinds.
ALL="list|search filler|show $N|receipt $N|export --format csv|export --format json|export --output $T/d.json --format json|staff list|settings|purge|note $N x|erase $N|new --customer z"
for damage in "tickets:0:42:$ALL" "events_by_ticket:8:ffff:list|export --format csv|new --customer z"; do
    table=${damage%%:*}; rest=${damage#*:}; off=${rest%%:*}; rest=${rest#*:}; hex=${rest%%:*}
    cmds=${rest#*:}
    ROOT=$(sqlite3 "$SRC/tickets.db" "SELECT rootpage FROM sqlite_schema WHERE name = '$table'")
    IFS='|'; set -f
    # shellcheck disable=SC2086
    set -- $cmds
    unset IFS; set +f
    for cmd in "$@"; do
        newhome "damaged"
        cp "$SRC/tickets.db" "$H/tickets.db"
        printf "$(echo "$hex" | sed 's/../\\x&/g')" |
            dd of="$H/tickets.db" bs=1 seek=$(( (ROOT - 1) * PAGE + off )) conv=notrunc 2>/dev/null
        case "$cmd" in note*|erase*|new*) extra="--staff ann --pin-stdin" ;; *) extra= ;; esac
        # shellcheck disable=SC2086
        rbx 1 ticket $cmd $extra
        grep -q "is damaged" "$T/err" || fail "$damage/$cmd: $(cat "$T/err")"
        [ ! -s "$T/out" ] || fail "$damage/$cmd printed: $(cat "$T/out")"
        [ ! -e "$T/d.json" ] || fail "$damage/$cmd wrote an export"
        rm -rf "$H"
    done
done

# --- 4. Exports: owner-only, replaced atomically, never through a link or into a folder. --
newhome export
PIN_IN=1234
rbx 0 ticket staff add ann --pin-stdin
rbx 0 ticket new --customer "Export Person" --staff ann --pin-stdin
for fmt in csv json; do
    echo precious > "$T/victim"
    ln -s "$T/victim" "$T/link.$fmt"
    rbx 1 ticket export --format $fmt --output "$T/link.$fmt"
    grep -q "symbolic link" "$T/err" || fail "link: $(cat "$T/err")"
    [ "$(cat "$T/victim")" = precious ] || fail "export wrote through a link"
    [ -L "$T/link.$fmt" ] || fail "the link was replaced"
    ln -s "$T/not-there.$fmt" "$T/dangling.$fmt"
    rbx 1 ticket export --format $fmt --output "$T/dangling.$fmt"
    [ ! -e "$T/not-there.$fmt" ] || fail "export created a link's target"
    mkdir "$T/dir.$fmt"
    rbx 1 ticket export --format $fmt --output "$T/dir.$fmt"
    grep -q "folder" "$T/err" || fail "dir: $(cat "$T/err")"
    echo old > "$T/old.$fmt"; chmod 644 "$T/old.$fmt"
    rbx 0 ticket export --format $fmt --output "$T/old.$fmt"
    grep -q "Export Person" "$T/old.$fmt" || fail "existing file not replaced"
    [ "$(mode "$T/old.$fmt")" = 600 ] || fail "export mode $(mode "$T/old.$fmt")"
    rbx 0 ticket export --format $fmt --output "$T/new.$fmt"
    [ "$(mode "$T/new.$fmt")" = 600 ] || fail "new export mode $(mode "$T/new.$fmt")"
done
ls -a "$T" | grep -q '\.tmp$' && fail "temporary export file left"

# --- 5. A database readable by others is tightened by any command. -----------------------
for cmd in "list" "staff list" "export --format csv"; do
    chmod 644 "$H/tickets.db"
    # shellcheck disable=SC2086
    rbx 0 ticket $cmd
    [ "$(mode "$H/tickets.db")" = 600 ] || fail "$cmd left mode $(mode "$H/tickets.db")"
done

# --- 6. The lock-out is a database setting; a conf file cannot loosen it. ----------------
newhome lockout
printf 'tickets.pin_max_failures = 1000\ntickets.pin_lockout_seconds = 1\n' >> "$H/rescuebay.conf"
PIN_IN=1234
rbx 0 ticket staff add ann --pin-stdin
PIN_IN=$(printf '1234\n5555\n')
rbx 0 ticket staff add bob --staff ann --pin-stdin
PIN_IN=0000
for i in 1 2 3 4; do rbx 3 ticket note RB-2026-00001 x --staff bob --pin-stdin; done
rbx 4 ticket note RB-2026-00001 x --staff bob --pin-stdin  # the default 5, not 1000
rbx 0 ticket settings
grep -q "tickets.pin_max_failures = 5" "$T/out" || fail "settings: $(cat "$T/out")"
PIN_IN=1234
rbx 0 ticket staff unlock bob --staff ann --pin-stdin
PIN_IN=5555
rbx 1 ticket settings set tickets.pin_max_failures 1000 --staff bob --pin-stdin
grep -q "administrator" "$T/err" || fail "non-admin set: $(cat "$T/err")"
PIN_IN=1234
rbx 1 ticket settings set tickets.pin_max_failures 0 --staff ann --pin-stdin
rbx 1 ticket settings set tickets.pin_iterations 10 --staff ann --pin-stdin
rbx 0 ticket settings set tickets.pin_max_failures 2 --staff ann --pin-stdin
rbx 0 --json ticket settings
grep -q '"tickets.pin_max_failures":[[:space:]]*"2"' "$T/out" || fail "json settings"
PIN_IN=0000
rbx 3 ticket note RB-2026-00001 x --staff bob --pin-stdin
rbx 4 ticket note RB-2026-00001 x --staff bob --pin-stdin

# --- 7. Erase while another program holds a read transaction. ---------------------------
newhome erase
PIN_IN=1234
rbx 0 ticket staff add ann --pin-stdin
rbx 0 ticket new --customer "Thaddeus Erasewell" --phone "+44 20 7946 0999" --staff ann --pin-stdin
N=$(cat "$T/out")
rbx 0 ticket note "$N" "Thaddeus Erasewell pays cash" --staff ann --pin-stdin
rm -f "$T/fifo"; mkfifo "$T/fifo"
: > "$T/reader.out"
sqlite3 "$H/tickets.db" < "$T/fifo" > "$T/reader.out" &
READER_PID=$!
exec 3>"$T/fifo"
echo "BEGIN; SELECT 'holding', count(*) FROM tickets;" >&3
i=0; while ! grep -q holding "$T/reader.out"; do i=$((i + 1)); [ $i -lt 500 ] || fail "reader"; sleep 0.02; done
rbx 1 ticket erase "$N" --staff ann --pin-stdin
grep -q "personal data not yet erased from disk: the kiosk holds the database; close it and retry" \
    "$T/err" || fail "erase message: $(cat "$T/err")"
printf "COMMIT;\n.quit\n" >&3; exec 3>&-; wait "$READER_PID"; READER_PID=
rbx 0 ticket erase "$N" --staff ann --pin-stdin
grep -q "Erasewell" "$H"/tickets.db* && fail "erase left the name on disk"
rbx 0 ticket show "$N"
grep -q "Erasewell" "$T/out" && fail "erase left the name in the ticket"
echo "ok"
