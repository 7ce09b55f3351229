#!/bin/sh
# The synthetic encrypted sample backup keeps iOS's 10 000 000 PBKDF2 rounds (an independent
# decryptor accepts it): the CLI finds the password missing, wrong, and right. Labelled slow
# (seconds per password natively, minutes under ASan); generated backups with fewer rounds
# cover the same code in backup_verify.sh.
set -eu
rb="$RB_BIN/rescuebay"
fx="$RB_SOURCE_DIR/tests/fixtures/backups/SYNTHETIC_encrypted_pw_kiosk-test-1234"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/backup_lib.sh"

expect 12 password_needed -- backup verify "$fx" --json
printf 'kiosk-test-1234\n' | expect 0 restorable -- backup verify "$fx" --password-stdin --json
echo "backup_verify_10m_rounds: ok"
