#!/bin/sh
# Fuzzes the outside-text helper (rb_text_escape, rb_text_json) with libFuzzer for a few
# seconds (FUZZ_SECONDS, default 4). Skipped (exit 0 with a note) without clang+libFuzzer.
set -eu
src="$RB_SOURCE_DIR"
out="$RB_BINARY_DIR/fuzz-text"
secs="${FUZZ_SECONDS:-4}"
command -v clang >/dev/null 2>&1 || { echo "SKIP: no clang"; exit 0; }
mkdir -p "$out/corpus"
echo 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n){(void)d;(void)n;return 0;}' > "$out/probe.c"
if ! clang -fsanitize=fuzzer "$out/probe.c" -o "$out/probe" 2>/dev/null; then
    echo "SKIP: clang without libFuzzer"; exit 0
fi
clang -g -O1 -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -DRB_LIBFUZZER \
    -fsanitize=fuzzer,address,undefined -I"$src/engine/include" \
    "$src/tests/core/fuzz/fuzz_text.c" "$src/engine/src/core/text.c" \
    $(pkg-config --cflags --libs libcjson) -o "$out/fuzz_text"
"$out/fuzz_text" -max_total_time="$secs" -max_len=4096 "$out/corpus" \
    "$src/tests/core/fuzz/corpus" 2>"$out/fuzz_text.log" || { tail -40 "$out/fuzz_text.log"; exit 1; }
grep -E "^#[0-9]+ *DONE" "$out/fuzz_text.log" || tail -2 "$out/fuzz_text.log"
