/* test_fixtures.c - the real (partial) sample backups and the synthetic encrypted one,
 * with their expected findings; and proof that verifying never changes a backup folder. */
#include <sys/stat.h>

#include "support.h"

static const char *fixture(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/tests/fixtures/backups/%s", rbt_source_dir(), name);
    return path;
}

static void test_backup_fixtures__synthetic_plain(void)
{
    rb_backup_report *r = rb__bk_verify(fixture("SYNTHETIC_plain"), NULL, RB_BACKUP_DEEP);
    rb__bk_assert_outcome(r, RB_BACKUP_RESTORABLE, NULL);
    const rb_backup_summary *s = rb_backup_report_summary(r);
    rbt_assert_int(4, s->files);
    rbt_assert_int(2, s->digests_checked);
    rbt_assert_str("iPhone14,5", rb_backup_report_info(r)->product_type);
    rbt_assert_str("17.5.1", rb_backup_report_info(r)->ios_version);
    rb_backup_report_free(r);
}

static void test_backup_fixtures__synthetic_encrypted(void)
{
    const char *dir = fixture("SYNTHETIC_encrypted_pw_kiosk-test-1234");
    rb_backup_report *r = rb__bk_verify(dir, NULL, RB_BACKUP_DEEP);
    rb__bk_assert_outcome(r, RB_BACKUP_PASSWORD_NEEDED, "password_needed");
    rbt_assert_int(1, rb_backup_report_info(r)->encrypted);
    rb_backup_report_free(r);
    r = rb__bk_verify(dir, "wrong", RB_BACKUP_DEEP);
    rb__bk_assert_outcome(r, RB_BACKUP_WRONG_PASSWORD, "wrong_password");
    rb_backup_report_free(r);
    r = rb__bk_verify(dir, BK_PASSWORD, RB_BACKUP_DEEP);
    rb__bk_assert_outcome(r, RB_BACKUP_RESTORABLE, NULL);
    rbt_assert_int(4, rb_backup_report_summary(r)->files_decrypted);
    rbt_assert_int(2, rb_backup_report_summary(r)->digests_checked);
    rb_backup_report_free(r);
}

/* mvt's fixture: real iOS 14.3 Manifest.db (stored decrypted), no Manifest/Status plist,
 * only 10 of 1089 content files, swapped contents, one orphan. */
static void test_backup_fixtures__mvt_partial(void)
{
    rb_backup_report *r = rb__bk_verify(fixture("mvt-project_mvt"), NULL, RB_BACKUP_DEEP);
    rbt_assert_int(RB_BACKUP_CORRUPT, rb_backup_report_verdict(r));
    const rb_backup_summary *s = rb_backup_report_summary(r);
    rbt_assert_int(3721, s->rows);
    rbt_assert_int(1089, s->files);
    rbt_assert_int(2618, s->directories);
    rbt_assert_int(14, s->symlinks);
    rbt_assert_int(1, rb_backup_report_code_count(r, "manifest_plist_missing"));
    rbt_assert_int(1, rb_backup_report_code_count(r, "status_plist_missing"));
    rbt_assert_int(1055, rb_backup_report_code_count(r, "file_missing"));
    rbt_assert_int(24, rb_backup_report_code_count(r, "empty_file_missing"));
    rbt_assert_int(9, rb_backup_report_code_count(r, "file_size_mismatch"));
    rbt_assert_int(1, rb_backup_report_code_count(r, "file_digest_mismatch"));
    rbt_assert_int(1, rb_backup_report_code_count(r, "orphan_file"));
    rbt_assert_int(0, rb_backup_report_code_count(r, "file_id_mismatch"));
    rbt_assert_str("iPhone9,3", rb_backup_report_info(r)->product_type);
    rbt_assert_str("14.3", rb_backup_report_info(r)->ios_version);
    rb_backup_report_free(r);
}

/* greatvovan's fixture: real rows, dummy plists. */
static void test_backup_fixtures__greatvovan_dummy_plists(void)
{
    rb_backup_report *r = rb__bk_verify(fixture("greatvovan_ios-backup-browser"), NULL, RB_BACKUP_DEEP);
    rbt_assert_int(RB_BACKUP_CORRUPT, rb_backup_report_verdict(r));
    rbt_assert_int(1, rb_backup_report_code_count(r, "manifest_plist_invalid"));
    rbt_assert_int(1, rb_backup_report_code_count(r, "status_plist_invalid"));
    rbt_assert_int(0, rb_backup_report_code_count(r, "file_missing"));
    rbt_assert_int(0, rb_backup_report_code_count(r, "file_size_mismatch"));
    rbt_assert_int(0, rb_backup_report_code_count(r, "file_id_mismatch"));
    rbt_assert_int(1, rb_backup_report_summary(r)->files);
    rb_backup_report_free(r);
}

/* Listing, sizes, modes, mtimes (ns) and SHA-1 of everything in a folder. */
static char *snapshot(const char *dir)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && find . -printf '%%p %%y %%s %%m %%T@ %%C@\\n' | LC_ALL=C sort && "
             "find . -type f -exec sha1sum {} + | LC_ALL=C sort", dir);
    char *out = calloc(1, 1 << 20);
    rbt_assert(out);
    rbt_assert_int(0, rbt_run_cmd(cmd, out, 1 << 20));
    rbt_assert(strlen(out) > 10);
    return out;
}

static void verify_untouched(const char *dir, const char *password)
{
    char *before = snapshot(dir);
    rb_backup_report *r = rb__bk_verify(dir, password, RB_BACKUP_DEEP);
    rb_backup_report_free(r);
    r = rb__bk_verify(dir, password, RB_BACKUP_QUICK);
    rb_backup_report_free(r);
    char *after = snapshot(dir);
    rbt_assert_str(before, after);
    free(before);
    free(after);
}

static void test_backup_fixtures__never_modifies_backups(void)
{
    verify_untouched(fixture("SYNTHETIC_plain"), NULL);
    verify_untouched(fixture("mvt-project_mvt"), NULL);
    verify_untouched(fixture("greatvovan_ios-backup-browser"), NULL);
    /* With a -wal sidecar SQLite would create -shm and checkpoint next to the file. */
    verify_untouched(rb__bk_gen("wal", false, "wal_sidecar", 4), NULL);
    verify_untouched(rb__bk_gen("enc", true, NULL, 4), BK_PASSWORD);
}

/* A read-only copy (as on a write-protected drive) verifies the same. The encrypted case
 * uses a generated backup: the fixture's 10 000 000 PBKDF2 rounds are slow under ASan. */
static void test_backup_fixtures__read_only_copy(void)
{
    char enc[1024];
    snprintf(enc, sizeof enc, "%s", rb__bk_gen("ro-enc", true, NULL, 4));
    char src[3][1024];
    for (size_t i = 0; i < 3; i++)
        snprintf(src[i], sizeof src[i], "%s", i == 1 ? enc : (i == 0 ? fixture("SYNTHETIC_plain")
                                                                     : fixture("mvt-project_mvt")));
    for (size_t i = 0; i < 3; i++) {
        char cmd[4096 + 3 * 1024], copy[1024];
        snprintf(copy, sizeof copy, "%s/ro-%zu", rbt_tmpdir(), i);
        snprintf(cmd, sizeof cmd, "cp -r '%s' '%s' && chmod -R a-w '%s'", src[i], copy, copy);
        rbt_assert_int(0, rbt_run_cmd(cmd, NULL, 0));
        rb_backup_report *a = rb__bk_verify(src[i], i == 1 ? BK_PASSWORD : NULL, RB_BACKUP_DEEP);
        char *before = snapshot(copy);
        rb_backup_report *b = rb__bk_verify(copy, i == 1 ? BK_PASSWORD : NULL, RB_BACKUP_DEEP);
        char *after = snapshot(copy);
        rbt_assert_str(before, after);
        rbt_assert_int(rb_backup_report_verdict(a), rb_backup_report_verdict(b));
        rbt_assert_int(rb_backup_report_summary(a)->errors, rb_backup_report_summary(b)->errors);
        rb_backup_report_free(a);
        rb_backup_report_free(b);
        free(before);
        free(after);
        snprintf(cmd, sizeof cmd, "chmod -R u+w '%s'", copy);
        rbt_run_cmd(cmd, NULL, 0);
    }
}

RBT_MAIN(T(test_backup_fixtures__synthetic_plain), T(test_backup_fixtures__synthetic_encrypted),
         T(test_backup_fixtures__mvt_partial), T(test_backup_fixtures__greatvovan_dummy_plists),
         T(test_backup_fixtures__never_modifies_backups), T(test_backup_fixtures__read_only_copy))
