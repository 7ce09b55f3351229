/* test_hostile.c - the safety gate never says "restorable" for a backup it did not fully
 * read: every limit the verifier hits (plist size, MBFile size, SQLite row length, the
 * findings cap), every record it cannot check and every read that stops part way is an
 * error naming the file and the limit. Also: every kind of device in the catalog as the
 * target (the family names once read past a table of four). */
#include <string.h>

#include "rescuebay/catalog.h"
#include "rescuebay/restore.h"
#include "support.h"

struct limit_case {
    const char *damage;
    bool encrypted;
    const char *code;       /* the error that must be reported */
    const char *file;       /* its relative_path */
    const char *words;      /* in its detail: the limit or what is wrong */
};

static const struct limit_case limit_cases[] = {
    {"info_plist_huge_zeros", false, "plist_too_large", "Info.plist", "16 MB limit"},
    {"info_plist_huge_spaces", false, "plist_too_large", "Info.plist", "16 MB limit"},
    {"info_plist_huge_junk", false, "plist_too_large", "Info.plist", "16 MB limit"},
    {"manifest_plist_huge_zeros", false, "plist_too_large", "Manifest.plist", "16 MB limit"},
    {"manifest_plist_huge_spaces", false, "plist_too_large", "Manifest.plist", "16 MB limit"},
    {"manifest_plist_huge_junk", false, "plist_too_large", "Manifest.plist", "16 MB limit"},
    {"status_plist_huge_zeros", false, "plist_too_large", "Status.plist", "16 MB limit"},
    {"status_plist_huge_spaces", false, "plist_too_large", "Status.plist", "16 MB limit"},
    {"status_plist_huge_junk", false, "plist_too_large", "Status.plist", "16 MB limit"},
    /* An interrupted backup whose Status.plist was padded past the limit. */
    {"snapshot_unfinished,status_plist_huge_zeros", false, "plist_too_large", "Status.plist", "16 MB limit"},
    {"status_plist_huge_junk", true, "plist_too_large", "Status.plist", "16 MB limit"},
    {"manifest_plist_huge_zeros", true, "plist_too_large", "Manifest.plist", "16 MB limit"},
    /* Under the limit, but not only a plist. */
    {"info_plist_trailing_junk", false, "info_plist_invalid", "Info.plist", "after the end"},
    {"info_plist_trailing_zeros", false, "info_plist_invalid", "Info.plist", "after the end"},
    /* Rows and records the verifier cannot check. */
    {"mbfile_huge", false, "mbfile_invalid", "Library/SMS/sms.db", "1 MB limit"},
    {"row_huge", false, "manifest_db_incomplete", "Manifest.db", "4 MB limit"},
    {"row_huge", true, "manifest_db_incomplete", "Manifest.db", "4 MB limit"},
    {"row_flags_unknown", false, "row_flags_unknown", "Library/odd-row", "not checked"},
    {"digest_odd", false, "digest_unknown", "Library/SMS/sms.db", "cannot be checked"},
};

static const rb_backup_finding *find(const rb_backup_report *r, const char *code)
{
    for (size_t i = 0; i < rb_backup_report_finding_count(r); i++)
        if (strcmp(rb_backup_report_finding(r, i)->code, code) == 0)
            return rb_backup_report_finding(r, i);
    return NULL;
}

static void test_backup_hostile__limits_are_errors(void)
{
    for (size_t i = 0; i < sizeof limit_cases / sizeof limit_cases[0]; i++) {
        const struct limit_case *c = &limit_cases[i];
        const char *dir = rb__bk_gen("limit", c->encrypted, c->damage, 6);
        /* Headers-only (backup list) reads no rows: the row cases need a row pass. */
        bool rows = strstr(c->damage, "plist") == NULL;
        for (int depth = rows ? RB_BACKUP_QUICK : RB_BACKUP_HEADERS; depth <= RB_BACKUP_DEEP; depth++) {
            /* digest_odd is a content check: deep only. */
            if (!strcmp(c->damage, "digest_odd") && depth != RB_BACKUP_DEEP)
                continue;
            rb_backup_report *r = rb__bk_verify(dir, c->encrypted ? BK_PASSWORD : NULL, (rb_backup_depth)depth);
            const rb_backup_finding *f = find(r, c->code);
            rbt_assert_msg(rb_backup_report_verdict(r) == RB_BACKUP_CORRUPT, "%s (depth %d): verdict %s",
                           c->damage, depth, rb_backup_verdict_name(rb_backup_report_verdict(r)));
            rbt_assert_msg(f != NULL, "%s (depth %d): no %s", c->damage, depth, c->code);
            rbt_assert_msg(f->severity == RB_BACKUP_ERROR, "%s: %s is not an error", c->damage, c->code);
            rbt_assert_msg(strstr(f->relative_path, c->file) || strstr(f->detail, c->file),
                           "%s: finding does not name %s: %s", c->damage, c->file, f->detail);
            rbt_assert_msg(strstr(f->detail, c->words) != NULL, "%s: detail \"%s\" lacks \"%s\"", c->damage,
                           f->detail, c->words);
            rb_backup_report_free(r);
        }
        rbt_rmtree(dir);
    }
}

/* White space after the end of an XML plist is allowed by XML and harmless. */
static void test_backup_hostile__trailing_spaces_are_fine(void)
{
    const char *dir = rb__bk_gen("spaces", false, "info_plist_trailing_spaces", 6);
    rb_backup_report *r = rb__bk_verify(dir, NULL, RB_BACKUP_DEEP);
    rb__bk_assert_outcome(r, RB_BACKUP_RESTORABLE, NULL);
    rb_backup_report_free(r);
}

/* The cap keeps memory bounded, never the verdict, and a capped list says so. */
static void test_backup_hostile__findings_cap(void)
{
    static const struct {
        const char *damage;
        size_t cap;
        rb_backup_verdict verdict;
        rb_backup_severity truncated; /* severity of findings_truncated; INFO: none expected */
    } cases[] = {
        /* A warning (plists_version_differs) first, then the error: the error is dropped. */
        {"version_differs,missing_file", 1, RB_BACKUP_CORRUPT, RB_BACKUP_ERROR},
        {"version_differs,row_flags_unknown,missing_file", 2, RB_BACKUP_CORRUPT, RB_BACKUP_ERROR},
        {"version_differs,missing_file", 2, RB_BACKUP_CORRUPT, RB_BACKUP_INFO},
        /* Only warnings dropped: still restorable, and the list says it is cut short. */
        {"version_differs,orphan", 1, RB_BACKUP_RESTORABLE, RB_BACKUP_WARNING},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *dir = rb__bk_gen("cap", false, cases[i].damage, 6);
        rb_context *ctx = NULL;
        rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
        for (int depth = RB_BACKUP_QUICK; depth <= RB_BACKUP_DEEP; depth++) {
            rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
            o.depth = (rb_backup_depth)depth;
            o.max_findings = cases[i].cap;
            rb_backup_report *r = NULL;
            rbt_assert_ok(rb_backup_verify(&r, ctx, dir, &o));
            rbt_assert_msg(rb_backup_report_verdict(r) == cases[i].verdict, "%s cap %zu: %s", cases[i].damage,
                           cases[i].cap, rb_backup_verdict_name(rb_backup_report_verdict(r)));
            const rb_backup_finding *t = find(r, "findings_truncated");
            if (cases[i].truncated == RB_BACKUP_INFO) {
                rbt_assert(t == NULL);
                rbt_assert_int(0, rb_backup_report_summary(r)->findings_dropped);
            } else {
                rbt_assert_msg(t != NULL, "%s cap %zu: no findings_truncated", cases[i].damage, cases[i].cap);
                rbt_assert_int(cases[i].truncated, t->severity);
                rbt_assert_contains(t->detail, "--max-findings");
                rbt_assert_int(cases[i].cap + 1, rb_backup_report_finding_count(r));
            }
            rb_backup_report_free(r);
        }
        rb_context_free(ctx);
    }
}

/* A Manifest.db that stops being readable part way: the verdict, the inventory and the
 * extraction all say so; with enough rows the two lanes split the table. */
static void test_backup_hostile__row_pass_stops(void)
{
    static const unsigned files[] = {6, 300};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        const char *clean = rb__bk_gen("rows-ok", false, NULL, files[i]);
        rb_backup_report *r = rb__bk_verify(clean, NULL, RB_BACKUP_QUICK);
        rbt_assert_int(1, rb_backup_report_inventory_complete(r));
        rb_backup_report_free(r);
        const char *dir = rb__bk_gen("rows", false, "row_huge", files[i]);
        for (int depth = RB_BACKUP_QUICK; depth <= RB_BACKUP_DEEP; depth++) {
            r = rb__bk_verify(dir, NULL, (rb_backup_depth)depth);
            rb__bk_assert_outcome(r, RB_BACKUP_CORRUPT, "manifest_db_incomplete");
            rbt_assert_int(0, rb_backup_report_inventory_complete(r));
            /* Unread rows are not reported as stray files. */
            rbt_assert_int(0, rb_backup_report_code_count(r, "orphan_file"));
            rb_backup_report_free(r);
        }
        rb_context *ctx = NULL;
        rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
        char out[1100];
        snprintf(out, sizeof out, "%s-photos", dir);
        rb_backup_extract_result res;
        rb_status st = rb_backup_extract(&res, ctx, dir, RB_BACKUP_CAT_PHOTOS, out, NULL);
        rbt_assert_msg(st == RB_ERR_CORRUPT, "extract on a list that stops: %s", rb_status_name(st));
        rbt_assert_contains(rb_context_last_error(ctx), "incomplete");
        rb_context_free(ctx);
    }
}

/* Every product type the catalog knows, as the device to restore to. */
static void test_backup_hostile__every_catalog_target(void)
{
    rb_catalog *cat = NULL;
    rbt_assert_ok(rb_catalog_open(&cat, NULL, NULL));
    const char *dir = rb__bk_gen("target", false, NULL, 0);
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
    size_t seen[5] = {0};
    for (size_t i = 0; i < rb_catalog_count(cat); i++) {
        const rb_model *m = rb_catalog_at(cat, i);
        rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
        o.depth = RB_BACKUP_HEADERS;
        rb_restore_target t;
        rb_restore_target_from_model(&t, cat, m->product_type, "99.0");
        rb_restore_backup_options(&o, &t, cat);
        rb_backup_report *r = NULL;
        rbt_assert_ok(rb_backup_verify(&r, ctx, dir, &o));
        const rb_backup_finding *f = find(r, "device_family_mismatch");
        if (m->family == RB_FAMILY_IPHONE) {
            rbt_assert_msg(rb_backup_report_verdict(r) == RB_BACKUP_RESTORABLE, "%s", m->product_type);
        } else {
            rbt_assert_msg(rb_backup_report_verdict(r) == RB_BACKUP_NOT_COMPATIBLE, "%s: %s", m->product_type,
                           rb_backup_verdict_name(rb_backup_report_verdict(r)));
            rbt_assert_msg(f != NULL, "%s: no device_family_mismatch", m->product_type);
            rbt_assert_contains(f->detail, m->product_type);
            rbt_assert_msg(!strstr(f->detail, ".plist") && !strstr(f->detail, "(null)"), "%s: %s",
                           m->product_type, f->detail);
        }
        seen[(unsigned)m->family < 5 ? m->family : 0]++;
        rb_backup_report_free(r);
    }
    /* The table has every kind, or this test covers less than it says. */
    rbt_assert(seen[RB_FAMILY_IPHONE] && seen[RB_FAMILY_IPAD] && seen[RB_FAMILY_IPOD] && seen[RB_FAMILY_OTHER]);
    rb_context_free(ctx);
    rb_catalog_free(cat);
}

/* One backup of each kind of device (the backup side of the same names) to an iPhone. */
static void test_backup_hostile__every_family_as_backup(void)
{
    rb_catalog *cat = NULL;
    rbt_assert_ok(rb_catalog_open(&cat, NULL, NULL));
    bool done[5] = {false};
    for (size_t i = 0; i < rb_catalog_count(cat); i++) {
        const rb_model *m = rb_catalog_at(cat, i);
        if ((unsigned)m->family >= 5 || done[m->family])
            continue;
        done[m->family] = true;
        char path[1024], err[256];
        snprintf(path, sizeof path, "%s/family-%d", rbt_tmpdir(), (int)m->family);
        bkgen_opts g = {.dir = path, .product_type = m->product_type, .seed = 3};
        rbt_assert_msg(bkgen_write(&g, err, sizeof err) == 0, "generator: %s", err);
        rb_context *ctx = NULL;
        rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
        rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
        o.depth = RB_BACKUP_HEADERS;
        rb_restore_target t;
        rb_restore_target_from_model(&t, cat, "iPhone14,5", NULL);
        rb_restore_backup_options(&o, &t, cat);
        rb_backup_report *r = NULL;
        rbt_assert_ok(rb_backup_verify(&r, ctx, path, &o));
        bool same = m->family == RB_FAMILY_IPHONE;
        rbt_assert_msg(rb_backup_report_verdict(r) == (same ? RB_BACKUP_RESTORABLE : RB_BACKUP_NOT_COMPATIBLE),
                       "%s backup: %s", m->product_type, rb_backup_verdict_name(rb_backup_report_verdict(r)));
        const rb_backup_finding *f = find(r, "device_family_mismatch");
        if (!same) {
            rbt_assert(f != NULL);
            rbt_assert_msg(!strstr(f->detail, ".plist"), "%s", f->detail);
        }
        rb_backup_report_free(r);
        rb_context_free(ctx);
    }
    rb_catalog_free(cat);
}

RBT_MAIN(T(test_backup_hostile__limits_are_errors), T(test_backup_hostile__trailing_spaces_are_fine),
         T(test_backup_hostile__findings_cap), T(test_backup_hostile__row_pass_stops),
         T(test_backup_hostile__every_catalog_target), T(test_backup_hostile__every_family_as_backup))
