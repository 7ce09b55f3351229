# common.sh - shared setup of the firmware CLI tests (sourced).
set -u
SRC=${RB_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
RB=${RB_BIN:-$SRC/build/bin}/rescuebay
. "$SRC/tests/firmware/nginx-fixture.sh"
T=$(mktemp -d "${TMPDIR:-/tmp}/rb-fwtest.XXXXXX")
HOME_DIR="$T/home"
mkdir -p "$HOME_DIR"
# nginx serves plain http on 127.0.0.1: allowed only by the setting (loopback is not special).
echo "firmware.allow_http = yes" > "$HOME_DIR/rescuebay.conf"
trap 'fx_cleanup; rm -rf "$T"' EXIT
fx_start || exit 1
export RESCUEBAY_CATALOG_URL="$FX_BASE/v4"
export RESCUEBAY_FW_BACKOFF_MS=100
unset RESCUEBAY_HOME
rb() { "$RB" --home "$HOME_DIR" firmware "$@"; }
# for background jobs: $! is then the rescuebay process itself
rbx() { exec "$RB" --home "$HOME_DIR" firmware "$@"; }
fail() { echo "FAIL: $*" >&2; echo "--- access log" >&2; cat "$FX_DIR/access.log" >&2 2>/dev/null; exit 1; }
ok() { echo "ok - $*"; }
objects() { ls "$HOME_DIR/firmware/objects" 2>/dev/null | wc -l; }
