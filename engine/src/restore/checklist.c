/* checklist.c - the preflight seen as a list of checks, so a screen can show each one
 * green or red with its reason. The order the checks run in lives in preflight.c; this
 * file must follow it (test_restore_checklist pins both). The battery rule is here too,
 * shared by the preflight and the kiosk's card (rb_restore_battery_low). */
#include "rescuebay/restore.h"
#include "restore/restore_private.h"

/* When each check runs inside rb__rs_preflight: a refusal at step k means every check of
 * a smaller step passed and every later one never ran. "No backup at all" is refused
 * before the firmware is fetched; the backup's verification happens after. */
enum { STEP_TOOL, STEP_MODEL, STEP_NO_BACKUP, STEP_FIRMWARE, STEP_BACKUP, STEP_BATTERY,
       STEP_DISK, STEP_END };

static const int check_step[RB_RESTORE_CHECK_COUNT] = {
    [RB_RESTORE_CHECK_TOOL] = STEP_TOOL,         [RB_RESTORE_CHECK_MODEL] = STEP_MODEL,
    [RB_RESTORE_CHECK_FIRMWARE] = STEP_FIRMWARE, [RB_RESTORE_CHECK_BACKUP] = STEP_BACKUP,
    [RB_RESTORE_CHECK_BATTERY] = STEP_BATTERY,   [RB_RESTORE_CHECK_FIND_MY] = STEP_BATTERY,
    [RB_RESTORE_CHECK_DISK] = STEP_DISK,
};

/* Which check refused, and at which step; -1 for causes the preflight never gives. */
static int refused_at(rb_restore_cause cause, rb_restore_check *check)
{
    switch (cause) {
    case RB_CAUSE_TOOL_MISSING: *check = RB_RESTORE_CHECK_TOOL; return STEP_TOOL;
    case RB_CAUSE_MODEL_TOO_NEW: *check = RB_RESTORE_CHECK_MODEL; return STEP_MODEL;
    case RB_CAUSE_NO_BACKUP: *check = RB_RESTORE_CHECK_BACKUP; return STEP_NO_BACKUP;
    case RB_CAUSE_FIRMWARE_UNAVAILABLE:
    case RB_CAUSE_FIRMWARE_MISMATCH:
    case RB_CAUSE_UPDATE_NOT_OFFERED:
    case RB_CAUSE_FIRMWARE_DAMAGED:
    case RB_CAUSE_NOT_SIGNED: *check = RB_RESTORE_CHECK_FIRMWARE; return STEP_FIRMWARE;
    case RB_CAUSE_BACKUP_NOT_RESTORABLE:
    case RB_CAUSE_BACKUP_NOT_COMPATIBLE:
    case RB_CAUSE_BACKUP_PASSWORD:
    case RB_CAUSE_WAIVER_REFUSED: *check = RB_RESTORE_CHECK_BACKUP; return STEP_BACKUP;
    case RB_CAUSE_BATTERY_LOW: *check = RB_RESTORE_CHECK_BATTERY; return STEP_BATTERY;
    case RB_CAUSE_DISK_FULL: *check = RB_RESTORE_CHECK_DISK; return STEP_DISK;
    default: return -1;
    }
}

static unsigned int warning_of(rb_restore_check check, unsigned int warnings, int erase)
{
    switch (check) {
    case RB_RESTORE_CHECK_FIRMWARE: return warnings & RB_RESTORE_WARN_SIGNING_UNCHECKED;
    case RB_RESTORE_CHECK_BACKUP: return erase ? warnings & RB_RESTORE_WARN_WAIVER : 0;
    case RB_RESTORE_CHECK_BATTERY: return warnings & RB_RESTORE_WARN_BATTERY_UNKNOWN;
    case RB_RESTORE_CHECK_FIND_MY: return warnings & RB_RESTORE_WARN_FIND_MY;
    default: return 0;
    }
}

void rb_restore_checklist(rb_restore_check_item out[RB_RESTORE_CHECK_COUNT],
                          rb_restore_state state, rb_restore_cause cause,
                          unsigned int warnings, int erase, int attempts)
{
    rb_restore_check failed = RB_RESTORE_CHECK_TOOL;
    /* A job that ran the tool passed its preflight, whatever stopped it later (the tool
     * can also say "model too new" or "not signed"). */
    int stop = attempts > 0 ? -1 : refused_at(cause, &failed);
    int end = stop >= 0 ? stop : state == RB_RESTORE_PREFLIGHT ? -1 : STEP_END;
    if (state == RB_RESTORE_CANCELLED && attempts == 0 && stop < 0)
        end = -1;   /* cancelled during its preflight: nothing is known */
    for (int i = 0; i < RB_RESTORE_CHECK_COUNT; i++) {
        rb_restore_check_item *it = &out[i];
        it->check = (rb_restore_check)i;
        it->cause = RB_CAUSE_NONE;
        it->warning = 0;
        if (!erase && (i == RB_RESTORE_CHECK_BACKUP || i == RB_RESTORE_CHECK_FIND_MY)) {
            it->result = RB_RESTORE_CHECK_SKIPPED;
        } else if (stop >= 0 && (rb_restore_check)i == failed) {
            it->result = RB_RESTORE_CHECK_FAILED;
            it->cause = cause;
        } else if (check_step[i] < end) {
            it->warning = warning_of((rb_restore_check)i, warnings, erase);
            it->result = it->warning ? RB_RESTORE_CHECK_WARNING : RB_RESTORE_CHECK_PASSED;
        } else {
            it->result = RB_RESTORE_CHECK_PENDING;
        }
    }
}

const char *rb_restore_check_name(rb_restore_check check)
{
    static const char *const names[RB_RESTORE_CHECK_COUNT] = {
        "tool", "model", "firmware", "backup", "battery", "find_my", "disk"};
    return (unsigned)check < RB_RESTORE_CHECK_COUNT ? names[check] : "unknown";
}

long rb__rs_min_battery(rb_context *ctx)
{
    return rb__rs_setting_long(ctx, "restore.min_battery", 20);
}

int rb_restore_battery_low(rb_context *ctx, const rb_device_info *dev)
{
    /* Only normal mode reports a charge; recovery and DFU are "unknown", not low. */
    return dev && dev->mode == RB_MODE_NORMAL && dev->battery_percent >= 0 &&
           dev->battery_percent < rb__rs_min_battery(ctx);
}
