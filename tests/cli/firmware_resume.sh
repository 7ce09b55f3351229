#!/bin/sh
# Interrupted downloads: the server stops mid-transfer (then comes back) and the next run
# resumes, fetching (almost) nothing twice; the file changes on the server between two
# attempts and the download restarts cleanly; Ctrl-C keeps the partial.
. "${RB_SOURCE_DIR:-$(dirname "$0")/../..}/tests/firmware/common.sh"
size=$((6 * 1048576))

# part_has SHA: the download has written some bytes to its partial file (10 s deadline);
# the test acts on the download's progress, never on a guess of how long it takes.
part_has() {
    _i=0
    until [ "$(stat -c %s "$HOME_DIR/firmware/partial/$1.part" 2>/dev/null || echo 0)" -gt 0 ]; do
        _i=$((_i + 1)); [ $_i -lt 200 ] || fail "no download progress on $1 within 10 s"; sleep 0.05
    done
}

fx_make_ipsw "$FX_WWW/files/r.ipsw" 6
fx_catalog iPhone10,6 "$FX_WWW/files/r.ipsw" /slow/r.ipsw
SHA=$(sha1sum "$FX_WWW/files/r.ipsw" | cut -d' ' -f1)

# 1. server stopped mid-transfer (limit_rate 1m: ~6 s for the whole file)
rbx fetch iPhone10,6 --retries 1 -q >/dev/null 2>"$T/err" &
pid=$!
part_has "$SHA"
fx_stop
wait $pid && fail "fetch survived a dead server?"
grep -qi "refused\|connect\|ended early\|network\|recv" "$T/err" || fail "network error message: $(cat "$T/err")"
part=$(stat -c %s "$HOME_DIR/firmware/partial/$SHA.part")
[ "$part" -gt 0 ] && [ "$part" -lt $size ] || fail "partial size $part"
[ "$(objects)" -eq 0 ] || fail "partial was committed"
fx_restart || fail "restart"
j=$("$RB" --home "$HOME_DIR" --json firmware fetch iPhone10,6 -q) || fail "resume"
echo "$j" | grep -q "\"bytes_resumed\":	$part" || fail "resumed from $part: $j"
# nginx does not log a request cut by its own shutdown: what it logged is the resumed one,
# which must start exactly at the kept length and carry If-Range with the ETag.
sent=$(fx_sent /slow/r.ipsw)
[ "$sent" -eq $((size - part)) ] || fail "resumed request sent $sent, expected $((size - part))"
grep -q "^/slow/r.ipsw 206 $((size - part)) \"bytes=$part-\" \"\\\\x22" "$FX_DIR/access.log" || fail "resume used Range + If-Range(ETag)"
twice=0
rb verify "$SHA" >/dev/null 2>&1 || fail "verify"
ok "resume after the server stopped ($twice bytes fetched twice)"

# 2. the file changes on the server between attempts: If-Range makes nginx send it whole
fx_make_ipsw "$FX_WWW/files/good.ipsw" 6
fx_catalog iPad8,1 "$FX_WWW/files/good.ipsw" /slow/c.ipsw
SHA2=$(sha1sum "$FX_WWW/files/good.ipsw" | cut -d' ' -f1)
fx_make_ipsw "$FX_WWW/files/c.ipsw" 6            # an older, different file at that URL
touch -d '2020-01-01' "$FX_WWW/files/c.ipsw"
rbx fetch iPad8,1 --retries 0 -q >/dev/null 2>&1 &
pid=$!
part_has "$SHA2"
kill -INT $pid
wait $pid; rc=$?
[ $rc -eq 130 ] || fail "Ctrl-C exit code $rc"
p2=$(stat -c %s "$HOME_DIR/firmware/partial/$SHA2.part")
[ "$p2" -gt 0 ] || fail "Ctrl-C kept no partial"
ok "Ctrl-C stops with 130 and keeps $p2 bytes"
cp "$FX_WWW/files/good.ipsw" "$FX_WWW/files/c.ipsw"   # new mtime -> new ETag
j=$("$RB" --home "$HOME_DIR" --json firmware fetch iPad8,1 -q) || fail "fetch after change"
[ "$(sha1sum "$HOME_DIR/firmware/objects/$SHA2.ipsw" | cut -d' ' -f1)" = "$SHA2" ] || fail "content after change"
tail -1 "$FX_DIR/access.log" | grep -q "^/slow/c.ipsw 200 $size \"bytes=" || fail "changed file not restarted whole: $(tail -1 "$FX_DIR/access.log")"
ok "server file changed between attempts: clean restart, verified"

# 3. simulated power loss: the sidecar says another boot wrote the .part; bytes past
# `validated` (here: garbage appended) must not be trusted, the rest is resumed.
fx_make_ipsw "$FX_WWW/files/p.ipsw" 6
fx_catalog iPad11,1 "$FX_WWW/files/p.ipsw" /slow/p.ipsw
SHA3=$(sha1sum "$FX_WWW/files/p.ipsw" | cut -d' ' -f1)
rbx fetch iPad11,1 --retries 0 -q >/dev/null 2>&1 &
pid=$!
part_has "$SHA3"
kill -INT $pid; wait $pid
side="$HOME_DIR/firmware/partial/$SHA3.json"
valid=$(sed 's/.*"validated":\([0-9]*\).*/\1/' "$side")
[ "$valid" -gt 0 ] || fail "nothing validated after Ctrl-C: $(cat "$side")"
sed -i 's/"boot_id":"[^"]*"/"boot_id":"an-earlier-boot"/' "$side"
head -c 300000 /dev/urandom >> "$HOME_DIR/firmware/partial/$SHA3.part"
j=$("$RB" --home "$HOME_DIR" --json firmware fetch iPad11,1 -q) || fail "fetch after power loss"
echo "$j" | grep -q "\"bytes_resumed\":	$valid," || fail "resumed from validated $valid: $j"
ok "power loss: only fsynced bytes ($valid) are kept, the result verifies"

# 4. a file committed before a reboot is re-hashed before use; damaged -> fetched again
sqlite3 "$HOME_DIR/firmware/index.db" "UPDATE objects SET commit_boot='an-earlier-boot' WHERE sha1='$SHA3'"
obj="$HOME_DIR/firmware/objects/$SHA3.ipsw"
chmod u+w "$obj"; head -c 4096 /dev/zero | dd of="$obj" bs=4096 seek=10 conv=notrunc 2>/dev/null
j=$("$RB" --home "$HOME_DIR" --json firmware fetch iPad11,1 -q) || fail "refetch after reboot"
echo "$j" | grep -q '"already_cached":	false' || fail "damaged object after reboot was trusted: $j"
[ "$(sha1sum "$obj" | cut -d' ' -f1)" = "$SHA3" ] || fail "content after refetch"
ok "object committed before a reboot is re-verified before use"
