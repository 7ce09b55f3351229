# backup_lib.sh - shared by tests/cli/backup_verify.sh and backup_legacy.sh. Sourced after
# rb, gen and tmp are set: `expect CODE VERDICT -- ARGS...` runs rescuebay with ARGS, checks
# the exit code and (unless VERDICT is "-") the JSON verdict; output is in $tmp/out.
fail() { echo "FAIL: $*" >&2; exit 1; }

expect() { # expect CODE VERDICT -- ARGS...
    want=$1; verdict=$2; shift 3
    set +e
    "$rb" --home "$tmp/home" "$@" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    set -e
    [ "$rc" = "$want" ] || { cat "$tmp/out" "$tmp/err"; fail "$* exited $rc, want $want"; }
    if [ "$verdict" != "-" ]; then
        got=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["verdict"])' "$tmp/out")
        [ "$got" = "$verdict" ] || fail "$*: verdict $got, want $verdict"
    fi
}
