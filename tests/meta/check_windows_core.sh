#!/bin/sh
# The engine parts that installers/windows/mingw-check cross-compiles for Windows must keep
# building there: CI runs that script only after the whole suite, so a Linux-only include
# in one of them (openssl/crypto.h in device/monitor.c once) failed CI at its last step.
# Skipped (77) when Debian's MinGW compiler is not installed (installers/linux/setup has it).
set -eu
command -v "${MINGW_CC:-x86_64-w64-mingw32-gcc}" >/dev/null 2>&1 || {
  echo "SKIP: x86_64-w64-mingw32-gcc not installed"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$RB_SOURCE_DIR/installers/windows/mingw-check" "$out"
