/* test_serious.c - which findings are "serious" (the reasons the kiosk and the CLI show
 * for a verdict) is decided once, by the engine: warnings and errors, never info; judged
 * on every finding of a code, also those dropped beyond max_findings and those merged in
 * from a worker's report; most frequent first. */
#include "backup/backup_private.h"
#include "rbtest.h"

static void add(rb_backup_report *r, const char *code, rb_backup_severity sev, int times)
{
    for (int i = 0; i < times; i++)
        rbt_assert_int(0, rb__bk_report_add(r, code, sev, RB_BACKUP_CORRUPT, "HomeDomain",
                                            "Library/x", "", "finding %d", i));
}

/* The report's serious codes are exactly `code`, `count` times. */
static void expect_only(const rb_backup_report *r, const char *code, uint64_t count)
{
    const char *codes[4];
    uint64_t counts[4];
    rbt_assert_int(1, rb_backup_report_serious_codes(r, codes, counts, 4));
    rbt_assert_str(code, codes[0]);
    rbt_assert_int(count, counts[0]);
}

static void test_backup_serious__severity_rule(void)
{
    rbt_assert(!rb_backup_severity_serious(RB_BACKUP_INFO));
    rbt_assert(rb_backup_severity_serious(RB_BACKUP_WARNING));
    rbt_assert(rb_backup_severity_serious(RB_BACKUP_ERROR));
    rbt_assert(!rb_backup_severity_serious((rb_backup_severity)7));
}

static void test_backup_serious__info_left_out_most_frequent_first(void)
{
    rb_backup_report *r = rb__bk_report_new(0);
    rbt_assert(r);
    add(r, "noise_info", RB_BACKUP_INFO, 9);
    add(r, "file_missing", RB_BACKUP_ERROR, 2);
    add(r, "odd_date", RB_BACKUP_WARNING, 5);
    add(r, "digest_mismatch", RB_BACKUP_ERROR, 2);
    const char *codes[8];
    uint64_t counts[8];
    rbt_assert_int(3, rb_backup_report_serious_codes(r, codes, counts, 8));
    rbt_assert_str("odd_date", codes[0]);
    rbt_assert_int(5, counts[0]);
    /* Equal counts keep the order they were first met in. */
    rbt_assert_str("file_missing", codes[1]);
    rbt_assert_str("digest_mismatch", codes[2]);
    rbt_assert_int(2, counts[2]);
    /* max caps what is filled and returned; NULL arrays only count. */
    rbt_assert_int(1, rb_backup_report_serious_codes(r, codes, NULL, 1));
    rbt_assert_str("odd_date", codes[0]);
    rbt_assert_int(3, rb_backup_report_serious_codes(r, NULL, NULL, 64));
    rbt_assert_int(0, rb_backup_report_serious_codes(NULL, codes, counts, 8));
    rb_backup_report_free(r);
}

static void test_backup_serious__one_serious_finding_makes_the_code_serious(void)
{
    rb_backup_report *r = rb__bk_report_new(0);
    add(r, "mixed", RB_BACKUP_INFO, 3);
    add(r, "mixed", RB_BACKUP_WARNING, 1);
    expect_only(r, "mixed", 4);
    rb_backup_report_free(r);
}

/* The kiosk once judged codes by the kept findings only: a code whose findings were all
 * beyond the cap vanished from the reasons. */
static void test_backup_serious__dropped_findings_count(void)
{
    rb_backup_report *r = rb__bk_report_new(2);
    add(r, "first_info", RB_BACKUP_INFO, 2);
    add(r, "late_error", RB_BACKUP_ERROR, 3);
    rbt_assert_int(2, rb_backup_report_finding_count(r));
    expect_only(r, "late_error", 3);
    rb_backup_report_free(r);
}

static void test_backup_serious__merged_reports_keep_the_worst(void)
{
    rb_backup_report *dst = rb__bk_report_new(0), *src = rb__bk_report_new(0);
    add(dst, "shared", RB_BACKUP_INFO, 1);
    add(src, "shared", RB_BACKUP_ERROR, 1);
    add(src, "worker_only", RB_BACKUP_WARNING, 1);
    add(src, "worker_info", RB_BACKUP_INFO, 4);
    rb__bk_report_merge(dst, src);
    /* The emptied worker report is reused: a reused slot starts as info again. */
    add(src, "fresh", RB_BACKUP_INFO, 1);
    const char *codes[8];
    uint64_t counts[8];
    rbt_assert_int(0, rb_backup_report_serious_codes(src, codes, counts, 8));
    rbt_assert_int(2, rb_backup_report_serious_codes(dst, codes, counts, 8));
    rbt_assert_str("shared", codes[0]);
    rbt_assert_int(2, counts[0]);
    rbt_assert_str("worker_only", codes[1]);
    rb_backup_report_free(dst);
    rb_backup_report_free(src);
}

RBT_MAIN(T(test_backup_serious__severity_rule),
         T(test_backup_serious__info_left_out_most_frequent_first),
         T(test_backup_serious__one_serious_finding_makes_the_code_serious),
         T(test_backup_serious__dropped_findings_count),
         T(test_backup_serious__merged_reports_keep_the_worst))
