/* support.h - helpers shared by the backup tests. */
#ifndef BK_TEST_SUPPORT_H
#define BK_TEST_SUPPORT_H

#include <stdio.h>
#include <stdlib.h>

#include "bkgen.h"
#include "rbtest.h"
#include "rescuebay/backup.h"

#define BK_PASSWORD "kiosk-test-1234"

/* Generates a backup under the test's temp folder; returns its path (static buffer). */
static inline const char *rb__bk_gen(const char *name, bool encrypted, const char *damage, unsigned files)
{
    static char path[1024];
    static unsigned serial;
    snprintf(path, sizeof path, "%s/%s-%u", rbt_tmpdir(), name, serial++);
    bkgen_opts o = {.dir = path, .files = files, .file_size = 700, .encrypted = encrypted,
                    .damage = damage, .seed = 7};
    char err[256];
    rbt_assert_msg(bkgen_write(&o, err, sizeof err) == 0, "generator: %s", err);
    return path;
}

static inline rb_backup_report *rb__bk_verify(const char *dir, const char *password, rb_backup_depth depth)
{
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
    rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
    o.password = password;
    o.depth = depth;
    rb_backup_report *r = NULL;
    rbt_assert_ok(rb_backup_verify(&r, ctx, dir, &o));
    rb_context_free(ctx);
    return r;
}

/* Asserts the verdict and that `code` was reported (NULL: no finding at all). */
#define rb__bk_assert_outcome(r, verdict, code)                                                   \
    do {                                                                                      \
        rbt_assert_str(rb_backup_verdict_name(verdict),                                       \
                       rb_backup_verdict_name(rb_backup_report_verdict(r)));                   \
        if (code)                                                                             \
            rbt_assert_msg(rb_backup_report_code_count(r, code) >= 1, "no finding %s", (const char *)(code)); \
        else                                                                                  \
            rbt_assert_int(0, rb_backup_report_finding_count(r));                             \
    } while (0)

#endif
