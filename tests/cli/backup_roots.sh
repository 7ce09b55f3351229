#!/bin/sh
# Where backups are searched is one engine rule (rb_backup_roots): `rescuebay backup list`
# finds exactly what the engine's listing (the kiosk's) finds, with $RB_BACKUP_ROOTS, with
# the setting backup.roots in rescuebay.conf, with both, and with --root on top.
set -eu
rb="$RB_BIN/rescuebay"
gen="$RB_BACKUP_GEN"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/backup_lib.sh"
ok() { echo "ok: $*"; }
export HOME="$tmp/user"
unset APPDATA USERPROFILE RB_BACKUP_ROOTS || true
mkdir -p "$tmp/home" "$HOME/Library/Application Support/MobileSync/Backup" "$tmp/env" "$tmp/conf" "$tmp/extra"
"$gen" "$HOME/Library/Application Support/MobileSync/Backup/00008110-0000000000000001" --files 1
"$gen" "$tmp/env/00008110-0000000000000002" --files 1 --ios 16.1
"$gen" "$tmp/conf/00008110-0000000000000003" --files 1 --product-type iPad13,1
"$gen" "$tmp/extra/00008110-0000000000000004" --files 1

agree() { # agree WANT_COUNT [--root DIR]...: CLI and engine list the same backups
    count=$1; shift
    expect 0 - -- backup list --json "$@"
    python3 -c 'import json,sys; [print(b["path"]) for b in json.load(open(sys.argv[1]))["backups"]]' \
        "$tmp/out" > "$tmp/cli.txt"
    roots=""
    [ $# -gt 0 ] && roots=$2
    # shellcheck disable=SC2086
    "$RB_BACKUP_LIST_PATHS" "$tmp/home" $roots > "$tmp/engine.txt"
    diff "$tmp/engine.txt" "$tmp/cli.txt" > /dev/null ||
        { diff "$tmp/engine.txt" "$tmp/cli.txt" || true; fail "CLI and engine differ ($*)"; }
    n=$(wc -l < "$tmp/cli.txt")
    [ "$n" -eq "$count" ] || { cat "$tmp/cli.txt"; fail "$n backups listed, want $count ($*)"; }
}

agree 1
grep -q 00008110-0000000000000001 "$tmp/cli.txt" || fail "default folder not searched"
ok "default folder only"

export RB_BACKUP_ROOTS="$tmp/nowhere::$tmp/env"
agree 2
grep -q "$tmp/env/" "$tmp/cli.txt" || fail "RB_BACKUP_ROOTS not searched by the CLI"
ok "RB_BACKUP_ROOTS"

unset RB_BACKUP_ROOTS
printf 'backup.roots = %s\n' "$tmp/conf" > "$tmp/home/rescuebay.conf"
agree 2
grep -q "$tmp/conf/" "$tmp/cli.txt" || fail "backup.roots not searched by the CLI"
python3 - "$tmp/out" <<'PY'
import json, sys
b = [x for x in json.load(open(sys.argv[1]))["backups"] if "/conf/" in x["path"]]
assert b and b[0]["model_name"].startswith("iPad"), b  # named from the catalog by the CLI
PY
ok "backup.roots in rescuebay.conf"

export RB_BACKUP_ROOTS="$tmp/env:$tmp/conf"
agree 3
agree 4 --root "$tmp/extra"
ok "setting, environment and --root together, each backup once"

# Nothing found: say where it looked, in plain words.
rm -rf "$HOME/Library" "$tmp/env" "$tmp/conf"
expect 0 - -- backup list
grep -q "No backups found" "$tmp/out" || fail "no 'No backups found'"
grep -qF "$tmp/conf" "$tmp/out" || { cat "$tmp/out"; fail "searched folders not shown"; }
ok "empty list names the folders searched"
