#!/bin/sh
# The CLI and the kiosk serve malloc from mimalloc (cmake/RbAllocator.cmake): libplist's
# per-record node trees made glibc malloc a third of `backup verify --quick`. This fails if
# a link-order or packaging change hands the allocations back to libc unnoticed.
# RB_EXPECT_ALLOCATOR is what the build configured (mimalloc, or system when off/ASan).
set -eu
want=${RB_EXPECT_ALLOCATOR:?}
got=$("$RB_BIN/rescuebay" version --json | sed -n 's/.*"allocator":[[:space:]]*"\([a-z]*\)".*/\1/p')
[ "$got" = "$want" ] || { echo "FAIL: rescuebay allocator is '$got', build says '$want'" >&2; exit 1; }
echo "ok - rescuebay allocates with $got"
if [ "$want" = mimalloc ]; then
  for exe in "$RB_BIN/rescuebay" "$RB_BIN/rescuebay-kiosk"; do
    [ -x "$exe" ] || continue
    # mimalloc must come before libc in the NEEDED order, or libc's malloc wins the lookup.
    order=$(readelf -d "$exe" | sed -n 's/.*NEEDED.*\[\(lib[a-z]*\).*/\1/p' | grep -n -e '^libmimalloc$' -e '^libc$' | cut -d: -f2 | tr '\n' ' ')
    [ "$order" = "libmimalloc libc " ] || { echo "FAIL: $exe NEEDED order: '$order'" >&2; exit 1; }
    echo "ok - $(basename "$exe") loads mimalloc before libc"
  done
fi
