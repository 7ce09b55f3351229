#!/bin/sh
# Fuzzes the MBFile, keybag, plist and Manifest.mbdb parsers with libFuzzer for a few seconds each
# (FUZZ_SECONDS, default 4). Skipped (exit 0 with a note) when clang has no libFuzzer.
set -eu
src="$RB_SOURCE_DIR"
out="$RB_BINARY_DIR/fuzz-backup"
secs="${FUZZ_SECONDS:-4}"
command -v clang >/dev/null 2>&1 || { echo "SKIP: no clang"; exit 0; }
mkdir -p "$out"
echo 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n){(void)d;(void)n;return 0;}' > "$out/probe.c"
if ! clang -fsanitize=fuzzer "$out/probe.c" -o "$out/probe" 2>/dev/null; then
    echo "SKIP: clang without libFuzzer"; exit 0
fi
libs="$(pkg-config --cflags --libs libplist-2.0) -lsqlite3 -lcrypto"
common="$src/engine/src/backup/plist.c $src/engine/src/backup/mbfile.c $src/engine/src/backup/keybag.c
        $src/engine/src/backup/mbdb.c"
for t in mbfile keybag plist mbdb; do
    clang -g -O1 -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -DRB_LIBFUZZER \
        -fsanitize=fuzzer,address,undefined -I"$src/engine/include" -I"$src/engine/src" \
        "$src/tests/backup/fuzz/fuzz_$t.c" $common \
        $libs -o "$out/fuzz_$t"
    mkdir -p "$out/corpus_$t"
    "$out/fuzz_$t" -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 \
        "$out/corpus_$t" "$src/tests/backup/fuzz/corpus/$t" 2>"$out/fuzz_$t.log" || {
        tail -40 "$out/fuzz_$t.log"; exit 1; }
    grep -E "^#[0-9]+ *DONE" "$out/fuzz_$t.log" || tail -2 "$out/fuzz_$t.log"
done
