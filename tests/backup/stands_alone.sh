#!/bin/sh
# Backup stands alone: rb_backup neither links nor calls the device monitor or the model
# catalog (nor anything built on them). Checked on the built archive and its link list;
# the same scan on rb_restore must see its device calls, so the check cannot pass blind.
set -eu
fail() { echo "FAIL: $*" >&2; exit 1; }
lib=$RB_BACKUP_LIB
links=$(cat "$RB_BACKUP_LINKS_FILE")
forbidden='rb_(device|catalog|restore|firmware|tickets|guide)_[a-z_]*'
echo "rb_backup links: $links"
for m in rb_device rb_catalog rb_restore rb_firmware rb_tickets rb_guide; do
    echo "$links" | tr ';' '\n' | grep -qx "$m" && fail "rb_backup links $m"
done
nm -A "$lib" > /dev/null || fail "nm cannot read $lib"
nm "$lib" | grep -q ' T rb_backup_verify$' || fail "rb_backup_verify not defined in $lib"
bad=$(nm -u "$lib" | grep -Eo "$forbidden" | sort -u || true)
[ -z "$bad" ] || fail "rb_backup calls other modules: $bad"
nm -u "$RB_RESTORE_LIB" | grep -Eq 'rb_device_monitor_' || fail "scan does not see rb_restore's device calls"
echo "ok: rb_backup stands alone"
