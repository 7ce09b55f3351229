/* test_legacy.c - iOS 5-9 backups (Manifest.mbdb, flat content files): one case per kind
 * of damage, the intact, encrypted, NFD-named and binary-property cases, extraction, and
 * the backup folder left exactly as it was. */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup/backup_private.h"
#include "support.h"

static const char *gen(const char *name, bool encrypted, const char *damage)
{
    static char path[1024];
    static unsigned serial;
    snprintf(path, sizeof path, "%s/legacy-%s-%u", rbt_tmpdir(), name, serial++);
    bkgen_opts o = {.dir = path, .files = 6, .file_size = 700, .encrypted = encrypted, .damage = damage,
                    .seed = 11, .legacy = true};
    char err[256];
    rbt_assert_msg(bkgen_write(&o, err, sizeof err) == 0, "generator: %s", err);
    return path;
}

/* Verifies at both depths where the damage is visible without reading content. */
static rb_backup_report *check(const char *damage, rb_backup_verdict verdict, const char *code)
{
    const char *dir = gen(damage, false, damage);
    rb_backup_report *r = rb__bk_verify(dir, NULL, RB_BACKUP_QUICK);
    if (strcmp(damage, "bitflip_file") != 0)
        rb__bk_assert_outcome(r, verdict, code);
    rb_backup_report_free(r);
    r = rb__bk_verify(dir, NULL, RB_BACKUP_DEEP);
    rb__bk_assert_outcome(r, verdict, code);
    return r;
}

/* The finding names the file (or, for the manifest itself, Manifest.mbdb). */
static void assert_named(rb_backup_report *r, const char *code, const char *domain, const char *path)
{
    for (size_t i = 0; i < rb_backup_report_finding_count(r); i++) {
        const rb_backup_finding *f = rb_backup_report_finding(r, i);
        if (strcmp(f->code, code) == 0) {
            rbt_assert_str(domain, f->domain);
            rbt_assert_str(path, f->relative_path);
            return;
        }
    }
    rbt_assert_msg(0, "no finding %s", code);
}

static void test_legacy__intact_is_restorable(void)
{
    const char *dir = gen("intact", false, NULL);
    rb_backup_report *r = rb__bk_verify(dir, NULL, RB_BACKUP_DEEP);
    rb__bk_assert_outcome(r, RB_BACKUP_RESTORABLE, NULL);
    const rb_backup_summary *s = rb_backup_report_summary(r);
    rbt_assert_int(18, s->files); /* 12 named + 6 generic */
    rbt_assert_int(4, s->directories);
    rbt_assert_int(1, s->symlinks);
    rbt_assert_int(18, s->files_present);
    rbt_assert_int(18, s->files_read);
    rbt_assert(s->digests_checked >= 6);
    rbt_assert_str("9.3.5", rb_backup_report_info(r)->ios_version);
    rbt_assert_str("iPhone5,2", rb_backup_report_info(r)->product_type);
    rbt_assert_int(1, rb_backup_report_category(r, RB_BACKUP_CAT_MESSAGES)->files_intact);
    rb_backup_report_free(r);
}

static void test_legacy__missing_file(void)
{
    rb_backup_report *r = check("missing_file", RB_BACKUP_CORRUPT, "file_missing");
    assert_named(r, "file_missing", "HomeDomain", "Library/SMS/sms.db");
    rbt_assert_int(1, rb_backup_report_category(r, RB_BACKUP_CAT_MESSAGES)->files_damaged);
    rb_backup_report_free(r);
}

static void test_legacy__truncated_file(void)
{
    rb_backup_report *r = check("truncated_file", RB_BACKUP_CORRUPT, "file_size_mismatch");
    assert_named(r, "file_size_mismatch", "HomeDomain", "Library/SMS/sms.db");
    rb_backup_report_free(r);
}

/* Only deep reads content: quick passes, deep finds the recorded SHA-1 wrong. */
static void test_legacy__changed_file(void)
{
    const char *dir = gen("bitflip", false, "bitflip_file");
    rb_backup_report *r = rb__bk_verify(dir, NULL, RB_BACKUP_QUICK);
    rb__bk_assert_outcome(r, RB_BACKUP_RESTORABLE, NULL);
    rb_backup_report_free(r);
    r = check("bitflip_file", RB_BACKUP_CORRUPT, "file_digest_mismatch");
    assert_named(r, "file_digest_mismatch", "HomeDomain", "Library/SMS/sms.db");
    rb_backup_report_free(r);
}

/* Cut inside the last record: the records before it are all checked and the cut one is named.
 * Its content file is not called left over: after a list that stops part way every unread file
 * would look stray, so the stray-file pass is skipped, as for a Manifest.db that stops. */
static void test_legacy__cut_mbdb(void)
{
    rb_backup_report *r = check("cut_mbdb", RB_BACKUP_CORRUPT, "manifest_mbdb_truncated");
    const rb_backup_summary *s = rb_backup_report_summary(r);
    rbt_assert_int(17, s->files);
    rbt_assert_int(0, rb_backup_report_code_count(r, "orphan_file"));
    for (size_t i = 0; i < rb_backup_report_finding_count(r); i++) {
        const rb_backup_finding *f = rb_backup_report_finding(r, i);
        if (!strcmp(f->code, "manifest_mbdb_truncated")) {
            rbt_assert_str("AppDomain-com.example.app5", f->domain);
            rbt_assert(strstr(f->detail, "Manifest.mbdb") && strstr(f->detail, "record 23"));
        }
    }
    rb_backup_report_free(r);
}

static void test_legacy__garbled_header(void)
{
    rb_backup_report *r = check("bad_mbdb_header", RB_BACKUP_CORRUPT, "manifest_mbdb_invalid");
    assert_named(r, "manifest_mbdb_invalid", "", "Manifest.mbdb");
    rbt_assert_int(0, rb_backup_report_summary(r)->rows);
    rb_backup_report_free(r);
}

/* A garbled record is named and the records after it are still checked. */
static void test_legacy__bad_mode(void)
{
    rb_backup_report *r = check("bad_mode", RB_BACKUP_CORRUPT, "mbdb_record_invalid");
    assert_named(r, "mbdb_record_invalid", "HomeDomain", "Library/Caches/fifo");
    rbt_assert_int(18, rb_backup_report_summary(r)->files_present);
    rb_backup_report_free(r);
}

static void test_legacy__link_without_target(void)
{
    rb_backup_report *r = check("link_no_target", RB_BACKUP_CORRUPT, "mbdb_record_invalid");
    assert_named(r, "mbdb_record_invalid", "HomeDomain", "Library/Caches/link");
    rb_backup_report_free(r);
}

static void test_legacy__size_on_folder(void)
{
    rb_backup_report *r = check("dir_with_size", RB_BACKUP_CORRUPT, "mbdb_record_invalid");
    assert_named(r, "mbdb_record_invalid", "HomeDomain", "");
    rb_backup_report_free(r);
}

static void test_legacy__interrupted_snapshot(void)
{
    rb_backup_report *r = check("snapshot_unfinished", RB_BACKUP_CORRUPT, "snapshot_unfinished");
    rbt_assert_int(0, rb_backup_report_info(r)->snapshot_finished);
    rb_backup_report_free(r);
}

static void test_legacy__orphan(void)
{
    rb_backup_report *r = check("orphan", RB_BACKUP_RESTORABLE, "orphan_file");
    assert_named(r, "orphan_file", "", "ffffffffffffffffffffffffffffffffffffffff");
    rbt_assert_int(1, rb_backup_report_summary(r)->orphans);
    rb_backup_report_free(r);
}

static void test_legacy__unsafe_path(void)
{
    rb_backup_report *r = check("path_traversal", RB_BACKUP_CORRUPT, "path_unsafe");
    rb_backup_report_free(r);
}

/* The decomposed name's fileID is the SHA-1 of its bytes as recorded: found, intact, and
 * extracted under exactly those bytes. */
static void test_legacy__decomposed_unicode_name(void)
{
    const char *dir = gen("nfd", false, NULL);
    char p[1200];
    rb_backup_report *r = rb__bk_verify(dir, NULL, RB_BACKUP_DEEP);
    rb__bk_assert_outcome(r, RB_BACKUP_RESTORABLE, NULL);
    rbt_assert_int(2 + 2, rb_backup_report_category(r, RB_BACKUP_CAT_PHOTOS)->files_intact);
    rb_backup_report_free(r);
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
    char out[1024];
    snprintf(out, sizeof out, "%s/nfd-out", rbt_tmpdir());
    rb_backup_extract_result res;
    rbt_assert_ok(rb_backup_extract(&res, ctx, dir, RB_BACKUP_CAT_PHOTOS, out, NULL));
    rbt_assert_int(4, res.files_written);
    snprintf(p, sizeof p, "%s/CameraRollDomain/Media/DCIM/100APPLE/Cafe\xcc\x81 IMG_0002.JPG", out);
    struct stat st;
    rbt_assert_msg(stat(p, &st) == 0, "no %s", p);
    rbt_assert_int(700, st.st_size);
    rb_context_free(ctx);
}

/* IMG_0001's record carries three properties with binary values (NUL, 0xFF, an absent
 * one): skipped exactly, so the records after it are read correctly. */
static void test_legacy__binary_property_values(void)
{
    const char *dir = gen("props", false, NULL);
    char cmd[1400], n[64];
    snprintf(cmd, sizeof cmd, "grep -c com.apple.assetsd.UUID '%s/Manifest.mbdb'", dir);
    rbt_assert_int(0, rbt_run_cmd(cmd, n, sizeof n));
    rbt_assert_int(1, atoi(n));
    rb_backup_report *r = rb__bk_verify(dir, NULL, RB_BACKUP_QUICK);
    rb__bk_assert_outcome(r, RB_BACKUP_RESTORABLE, NULL);
    rbt_assert_int(23, rb_backup_report_summary(r)->rows);
    rb_backup_report_free(r);
}

static void test_legacy__encrypted(void)
{
    const char *dir = gen("enc", true, NULL);
    rb_backup_report *r = rb__bk_verify(dir, NULL, RB_BACKUP_DEEP);
    rb__bk_assert_outcome(r, RB_BACKUP_PASSWORD_NEEDED, "password_needed");
    /* Without the password the records are still read (Manifest.mbdb is not encrypted). */
    rbt_assert_int(18, rb_backup_report_summary(r)->files_present);
    rb_backup_report_free(r);
    r = rb__bk_verify(dir, "not-the-password", RB_BACKUP_DEEP);
    rb__bk_assert_outcome(r, RB_BACKUP_WRONG_PASSWORD, "wrong_password");
    rb_backup_report_free(r);
    r = rb__bk_verify(dir, BK_PASSWORD, RB_BACKUP_DEEP);
    rbt_assert_int(RB_BACKUP_RESTORABLE, rb_backup_report_verdict(r));
    const rb_backup_summary *s = rb_backup_report_summary(r);
    rbt_assert_int(18, s->files_decrypted);
    rbt_assert_int(0, s->decrypt_failures);
    /* Said plainly rather than guessed: the data hashes of this era's encrypted backups. */
    rbt_assert_int(1, rb_backup_report_code_count(r, "legacy_hash_not_checked"));
    rbt_assert_int(1, rb_backup_report_finding_count(r));
    rb_backup_report_free(r);
    r = rb__bk_verify(dir, BK_PASSWORD, RB_BACKUP_QUICK);
    rb__bk_assert_outcome(r, RB_BACKUP_RESTORABLE, NULL);
    rb_backup_report_free(r);
}

static void test_legacy__encrypted_truncated_file(void)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/legacy-enc-trunc", rbt_tmpdir());
    bkgen_opts o = {.dir = path, .files = 3, .encrypted = true, .damage = "truncated_file", .legacy = true};
    char err[256];
    rbt_assert(bkgen_write(&o, err, sizeof err) == 0);
    rb_backup_report *r = rb__bk_verify(path, NULL, RB_BACKUP_QUICK);
    rb__bk_assert_outcome(r, RB_BACKUP_CORRUPT, "file_size_mismatch");
    rb_backup_report_free(r);
}

static void test_legacy__compatibility(void)
{
    const char *dir = gen("compat", false, NULL);
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
    static const struct { const char *ios, *model; rb_backup_verdict want; } cases[] = {
        {"12.5.7", "iPhone10,1", RB_BACKUP_RESTORABLE},   /* an old backup onto a newer iOS */
        {"9.3.5", "iPhone5,2", RB_BACKUP_RESTORABLE},
        {"9.3", "iPhone5,2", RB_BACKUP_NOT_COMPATIBLE},   /* the backup is newer */
        {"10.3.4", "iPad4,1", RB_BACKUP_NOT_COMPATIBLE},  /* other family */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
        o.depth = RB_BACKUP_QUICK;
        o.target_ios = cases[i].ios;
        o.target_product_type = cases[i].model;
        rb_backup_report *r = NULL;
        rbt_assert_ok(rb_backup_verify(&r, ctx, dir, &o));
        rbt_assert_str(rb_backup_verdict_name(cases[i].want), rb_backup_verdict_name(rb_backup_report_verdict(r)));
        rb_backup_report_free(r);
    }
    rb_context_free(ctx);
}

static void test_legacy__list(void)
{
    char root[1024], p[1100];
    snprintf(root, sizeof root, "%s/legacy-root", rbt_tmpdir());
    mkdir(root, 0755);
    snprintf(p, sizeof p, "%s/3d0d7e5fb2ce288813306e4d4636395e047a3d28", root);
    bkgen_opts o = {.dir = p, .files = 2, .legacy = true};
    char err[256];
    rbt_assert(bkgen_write(&o, err, sizeof err) == 0);
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
    rb_backup_entry *e = NULL;
    size_t n = 0;
    const char *roots[] = {root};
    rbt_assert_ok(rb_backup_list(&e, &n, ctx, roots, 1, 0, NULL));
    rbt_assert_int(1, n);
    rbt_assert_str("complete", e[0].status);
    rbt_assert_str("9.3.5", e[0].info.ios_version);
    rbt_assert_int(RB_BACKUP_RESTORABLE, e[0].verdict);
    rb_backup_list_free(e, n);
    rb_context_free(ctx);
}

/* Nothing in the backup folder changes (names, sizes, modes, times, contents), and
 * extraction of hostile names stays inside its destination. */
static void test_legacy__folder_unchanged_and_extract_contained(void)
{
    static const char *const damages[] = {NULL, "path_traversal", "absolute_path", "blob_symlink"};
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
    for (size_t i = 0; i < 4; i++) {
        unlink("/tmp/rb-abs-escape.txt");
        const char *dir = gen(damages[i] ? damages[i] : "ro", false, damages[i]);
        char snap[3000], before[4096], after[4096], base[1100], out[1200], cmd[2600], n[64];
        snprintf(snap, sizeof snap,
                 "cd '%s' && (find . -printf '%%p %%y %%s %%m %%T@\\n'; find . -type f -exec sha1sum {} +) "
                 "| LC_ALL=C sort | sha1sum", dir);
        rbt_assert_int(0, rbt_run_cmd(snap, before, sizeof before));
        for (int d = RB_BACKUP_HEADERS; d <= RB_BACKUP_DEEP; d++)
            rb_backup_report_free(rb__bk_verify(dir, NULL, (rb_backup_depth)d));
        snprintf(base, sizeof base, "%s/legacy-out-%zu", rbt_tmpdir(), i);
        rbt_assert_int(0, mkdir(base, 0755));
        for (int c = 0; c < RB_BACKUP_CATEGORY_COUNT; c++) {
            snprintf(out, sizeof out, "%s/a/b/out-%d", base, c);
            rb_backup_extract_result res;
            rbt_assert_ok(rb_backup_extract(&res, ctx, dir, (rb_backup_category)c, out, NULL));
        }
        rbt_assert_int(0, rbt_run_cmd(snap, after, sizeof after));
        rbt_assert_str(before, after);
        snprintf(cmd, sizeof cmd, "cd '%s' && find . -mindepth 1 | grep -v -e '^./a$' -e '^./a/b$' "
                                  "-e '^./a/b/out-' | wc -l; find . -type l | wc -l; grep -rl root: . | wc -l",
                 base);
        rbt_assert_int(0, rbt_run_cmd(cmd, n, sizeof n));
        rbt_assert_str("0\n0\n0\n", n);
        rbt_assert(access("/tmp/rb-abs-escape.txt", F_OK) != 0);
    }
    rb_context_free(ctx);
}

struct prog {
    int calls, cancel_after;
    uint64_t total, done;
};

static int on_progress(const rb_progress *p, void *payload)
{
    struct prog *s = payload;
    s->calls++;
    s->total = p->items_total;
    if (p->items_done > s->done)
        s->done = p->items_done;
    return s->cancel_after && s->calls >= s->cancel_after ? -1 : 0;
}

/* Progress counts the file records; returning -1 stops the pass with RB_ERR_CANCELLED. */
static void test_legacy__progress_and_cancel(void)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/legacy-progress", rbt_tmpdir());
    bkgen_opts g = {.dir = path, .files = 2000, .file_size = 100, .legacy = true};
    char err[256];
    rbt_assert(bkgen_write(&g, err, sizeof err) == 0);
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
    struct prog s = {0};
    rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
    o.progress = on_progress;
    o.progress_payload = &s;
    rb_backup_report *r = NULL;
    rbt_assert_ok(rb_backup_verify(&r, ctx, path, &o));
    rbt_assert_int(2012, s.total);
    rbt_assert_int(2012, s.done);
    rb_backup_report_free(r);
    struct prog c = {.cancel_after = 4};
    o.progress_payload = &c;
    r = (rb_backup_report *)1;
    rbt_assert_int(RB_ERR_CANCELLED, rb_backup_verify(&r, ctx, path, &o));
    rbt_assert(r == NULL && c.done < 2012);
    rb_context_free(ctx);
}

/* The reader's contract: a header alone is an empty list, garbage is refused. */
static void test_legacy__reader_bounds(void)
{
    rb__bk_mbdb m;
    rb__bk_mbdb_rec rec;
    char err[300];
    static const uint8_t empty[] = "mbdb\x05\x00";
    rbt_assert_int(0, rb__bk_mbdb_open_mem(&m, empty, 6, err, sizeof err));
    rbt_assert_int(BK_MBDB_END, rb__bk_mbdb_next(&m, &rec, err, sizeof err));
    rb__bk_mbdb_close(&m);
    rbt_assert_int(-2, rb__bk_mbdb_open_mem(&m, empty, 4, err, sizeof err));
    rb__bk_mbdb_close(&m);
    /* A domain that claims 0x7000 bytes where 3 are left. */
    static const uint8_t cut[] = "mbdb\x05\x00\x70\x00" "abc";
    rbt_assert_int(0, rb__bk_mbdb_open_mem(&m, cut, sizeof cut - 1, err, sizeof err));
    rbt_assert_int(BK_MBDB_CUT, rb__bk_mbdb_next(&m, &rec, err, sizeof err));
    rbt_assert(strstr(err, "record 1") && strstr(err, "domain"));
    rb__bk_mbdb_close(&m);
}

RBT_MAIN(T(test_legacy__intact_is_restorable), T(test_legacy__missing_file), T(test_legacy__truncated_file),
         T(test_legacy__changed_file), T(test_legacy__cut_mbdb), T(test_legacy__garbled_header),
         T(test_legacy__bad_mode), T(test_legacy__link_without_target), T(test_legacy__size_on_folder),
         T(test_legacy__interrupted_snapshot), T(test_legacy__orphan), T(test_legacy__unsafe_path),
         T(test_legacy__decomposed_unicode_name), T(test_legacy__binary_property_values),
         T(test_legacy__encrypted), T(test_legacy__encrypted_truncated_file),
         T(test_legacy__compatibility), T(test_legacy__list),
         T(test_legacy__folder_unchanged_and_extract_contained), T(test_legacy__progress_and_cancel),
         T(test_legacy__reader_bounds))
