/* test_restore_checklist.c - the preflight as a checklist: what passed before the refusal,
 * what refused, what never ran, what does not apply to an update, which warnings show. */
#include <string.h>

#include "rbtest.h"
#include "rescuebay/restore.h"

static rb_restore_check_item items[RB_RESTORE_CHECK_COUNT];

static rb_restore_check_result res(rb_restore_check c) { return items[c].result; }

static void test_restore_checklist__running_preflight_is_all_pending(void)
{
    rb_restore_checklist(items, RB_RESTORE_PREFLIGHT, RB_CAUSE_NONE, 0, 1, 0);
    for (int i = 0; i < RB_RESTORE_CHECK_COUNT; i++) {
        rbt_assert_int(i, items[i].check);
        rbt_assert_int(RB_RESTORE_CHECK_PENDING, items[i].result);
    }
}

static void test_restore_checklist__update_skips_backup_and_find_my(void)
{
    rb_restore_checklist(items, RB_RESTORE_RESTORING, RB_CAUSE_NONE, RB_RESTORE_WARN_FIND_MY, 0, 1);
    rbt_assert_int(RB_RESTORE_CHECK_PASSED, res(RB_RESTORE_CHECK_TOOL));
    rbt_assert_int(RB_RESTORE_CHECK_PASSED, res(RB_RESTORE_CHECK_FIRMWARE));
    rbt_assert_int(RB_RESTORE_CHECK_SKIPPED, res(RB_RESTORE_CHECK_BACKUP));
    rbt_assert_int(RB_RESTORE_CHECK_SKIPPED, res(RB_RESTORE_CHECK_FIND_MY));
    rbt_assert_int(RB_RESTORE_CHECK_PASSED, res(RB_RESTORE_CHECK_DISK));
}

/* "No backup" is refused before the firmware is fetched: the firmware was never checked. */
static void test_restore_checklist__no_backup_stops_before_the_firmware(void)
{
    rb_restore_checklist(items, RB_RESTORE_FAILED, RB_CAUSE_NO_BACKUP, 0, 1, 0);
    rbt_assert_int(RB_RESTORE_CHECK_PASSED, res(RB_RESTORE_CHECK_TOOL));
    rbt_assert_int(RB_RESTORE_CHECK_PASSED, res(RB_RESTORE_CHECK_MODEL));
    rbt_assert_int(RB_RESTORE_CHECK_FAILED, res(RB_RESTORE_CHECK_BACKUP));
    rbt_assert_int(RB_CAUSE_NO_BACKUP, items[RB_RESTORE_CHECK_BACKUP].cause);
    rbt_assert_int(RB_RESTORE_CHECK_PENDING, res(RB_RESTORE_CHECK_FIRMWARE));
    rbt_assert_int(RB_RESTORE_CHECK_PENDING, res(RB_RESTORE_CHECK_BATTERY));
    rbt_assert_int(RB_RESTORE_CHECK_PENDING, res(RB_RESTORE_CHECK_DISK));
}

static void test_restore_checklist__a_backup_that_does_not_verify_comes_after_the_firmware(void)
{
    rb_restore_checklist(items, RB_RESTORE_FAILED, RB_CAUSE_BACKUP_NOT_RESTORABLE, 0, 1, 0);
    rbt_assert_int(RB_RESTORE_CHECK_PASSED, res(RB_RESTORE_CHECK_FIRMWARE));
    rbt_assert_int(RB_RESTORE_CHECK_FAILED, res(RB_RESTORE_CHECK_BACKUP));
    rbt_assert_int(RB_RESTORE_CHECK_PENDING, res(RB_RESTORE_CHECK_BATTERY));
}

static void test_restore_checklist__warnings_and_the_last_refusal(void)
{
    unsigned w = RB_RESTORE_WARN_WAIVER | RB_RESTORE_WARN_FIND_MY | RB_RESTORE_WARN_SIGNING_UNCHECKED;
    rb_restore_checklist(items, RB_RESTORE_FAILED, RB_CAUSE_DISK_FULL, w, 1, 0);
    rbt_assert_int(RB_RESTORE_CHECK_WARNING, res(RB_RESTORE_CHECK_FIRMWARE));
    rbt_assert_int(RB_RESTORE_WARN_SIGNING_UNCHECKED, items[RB_RESTORE_CHECK_FIRMWARE].warning);
    rbt_assert_int(RB_RESTORE_CHECK_WARNING, res(RB_RESTORE_CHECK_BACKUP));
    rbt_assert_int(RB_RESTORE_WARN_WAIVER, items[RB_RESTORE_CHECK_BACKUP].warning);
    rbt_assert_int(RB_RESTORE_CHECK_WARNING, res(RB_RESTORE_CHECK_FIND_MY));
    rbt_assert_int(RB_RESTORE_CHECK_PASSED, res(RB_RESTORE_CHECK_BATTERY));
    rbt_assert_int(RB_RESTORE_CHECK_FAILED, res(RB_RESTORE_CHECK_DISK));
}

/* The tool can say "not signed" too: after a tool run the preflight had passed. */
static void test_restore_checklist__a_cause_from_the_tool_is_not_a_refusal(void)
{
    rb_restore_checklist(items, RB_RESTORE_FAILED, RB_CAUSE_NOT_SIGNED, 0, 0, 1);
    rbt_assert_int(RB_RESTORE_CHECK_PASSED, res(RB_RESTORE_CHECK_FIRMWARE));
    rb_restore_checklist(items, RB_RESTORE_FAILED, RB_CAUSE_NOT_SIGNED, 0, 0, 0);
    rbt_assert_int(RB_RESTORE_CHECK_FAILED, res(RB_RESTORE_CHECK_FIRMWARE));
    rbt_assert_int(RB_RESTORE_CHECK_PASSED, res(RB_RESTORE_CHECK_MODEL));
}

static void test_restore_checklist__names(void)
{
    rbt_assert_str("tool", rb_restore_check_name(RB_RESTORE_CHECK_TOOL));
    rbt_assert_str("find_my", rb_restore_check_name(RB_RESTORE_CHECK_FIND_MY));
    rbt_assert_str("disk", rb_restore_check_name(RB_RESTORE_CHECK_DISK));
    rbt_assert_str("unknown", rb_restore_check_name((rb_restore_check)99));
}

/* The kiosk's card marks the charge the preflight would refuse: one rule, one setting. */
static void test_restore_checklist__battery_low_follows_the_setting(void)
{
    rb_device_info d;
    memset(&d, 0, sizeof d);
    d.version = RB_DEVICE_INFO_VERSION;
    d.mode = RB_MODE_NORMAL;
    d.battery_percent = 19;
    rbt_assert(rb_restore_battery_low(NULL, &d));   /* built-in 20 % */
    d.battery_percent = 20;
    rbt_assert(!rb_restore_battery_low(NULL, &d));
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
    rbt_assert_ok(rb_context_set_setting(ctx, "restore.min_battery", "35"));
    d.battery_percent = 30;
    rbt_assert(rb_restore_battery_low(ctx, &d));
    rbt_assert(!rb_restore_battery_low(NULL, &d));
    d.battery_percent = -1;   /* unknown is not low */
    rbt_assert(!rb_restore_battery_low(ctx, &d));
    d.battery_percent = 5;
    d.mode = RB_MODE_RECOVERY;   /* no charge reported outside normal mode */
    rbt_assert(!rb_restore_battery_low(ctx, &d));
    rbt_assert(!rb_restore_battery_low(ctx, NULL));
    rb_context_free(ctx);
}


/* The IPSW's manifest is read with the firmware; the backup's password with the backup. */
static void test_restore_checklist__manifest_and_password_refusals(void)
{
    rb_restore_cause fw[] = {RB_CAUSE_FIRMWARE_MISMATCH, RB_CAUSE_UPDATE_NOT_OFFERED,
                             RB_CAUSE_FIRMWARE_DAMAGED};
    for (size_t i = 0; i < 3; i++) {
        rb_restore_checklist(items, RB_RESTORE_FAILED, fw[i], 0, 0, 0);
        rbt_assert_int(RB_RESTORE_CHECK_PASSED, res(RB_RESTORE_CHECK_MODEL));
        rbt_assert_int(RB_RESTORE_CHECK_FAILED, res(RB_RESTORE_CHECK_FIRMWARE));
        rbt_assert_int(fw[i], items[RB_RESTORE_CHECK_FIRMWARE].cause);
        rbt_assert_int(RB_RESTORE_CHECK_PENDING, res(RB_RESTORE_CHECK_BATTERY));
    }
    rb_restore_checklist(items, RB_RESTORE_FAILED, RB_CAUSE_BACKUP_PASSWORD, 0, 1, 0);
    rbt_assert_int(RB_RESTORE_CHECK_PASSED, res(RB_RESTORE_CHECK_FIRMWARE));
    rbt_assert_int(RB_RESTORE_CHECK_FAILED, res(RB_RESTORE_CHECK_BACKUP));
    rbt_assert_int(RB_RESTORE_CHECK_PENDING, res(RB_RESTORE_CHECK_DISK));
}

RBT_MAIN(T(test_restore_checklist__running_preflight_is_all_pending),
         T(test_restore_checklist__battery_low_follows_the_setting),
         T(test_restore_checklist__manifest_and_password_refusals),
         T(test_restore_checklist__update_skips_backup_and_find_my),
         T(test_restore_checklist__no_backup_stops_before_the_firmware),
         T(test_restore_checklist__a_backup_that_does_not_verify_comes_after_the_firmware),
         T(test_restore_checklist__warnings_and_the_last_refusal),
         T(test_restore_checklist__a_cause_from_the_tool_is_not_a_refusal),
         T(test_restore_checklist__names))
