/* test_api.c - progress and cancellation, compatibility, inventory, extraction (including
 * hostile names), listing, and the parsers' contracts. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string.h>

#include "backup/backup_private.h"
#include "support.h"

static rb_context *ctx_new(void)
{
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
    return ctx;
}

struct prog {
    int calls;
    int cancel_after;
    uint64_t max_items, max_bytes, total;
};

static int on_progress(const rb_progress *p, void *payload)
{
    struct prog *s = payload;
    s->calls++;
    if (p->items_done > s->max_items)
        s->max_items = p->items_done;
    if (p->bytes_done > s->max_bytes)
        s->max_bytes = p->bytes_done;
    s->total = p->items_total;
    return s->cancel_after && s->calls >= s->cancel_after ? -1 : 0;
}

static void test_backup_api__progress_reports_files_and_bytes(void)
{
    const char *dir = rb__bk_gen("prog", false, NULL, 3000);
    rb_context *ctx = ctx_new();
    struct prog s = {0};
    rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
    o.progress = on_progress;
    o.progress_payload = &s;
    rb_backup_report *r = NULL;
    rbt_assert_ok(rb_backup_verify(&r, ctx, dir, &o));
    rbt_assert(s.calls >= 3);
    rbt_assert_int(3011, s.total);
    rbt_assert(s.max_items >= 3000);
    rbt_assert_int(rb_backup_report_summary(r)->bytes_read, s.max_bytes);
    rb_backup_report_free(r);
    rb_context_free(ctx);
}

static void test_backup_api__cancel_stops_with_cancelled(void)
{
    const char *dir = rb__bk_gen("cancel", false, NULL, 3000);
    rb_context *ctx = ctx_new();
    struct prog s = {.cancel_after = 4};
    rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
    o.progress = on_progress;
    o.progress_payload = &s;
    rb_backup_report *r = (rb_backup_report *)1;
    rbt_assert_int(RB_ERR_CANCELLED, rb_backup_verify(&r, ctx, dir, &o));
    rbt_assert(r == NULL);
    rbt_assert(s.max_items < 3000);
    rb_context_free(ctx);
}

static void test_backup_api__options_init_matches_the_macro(void)
{
    rb_backup_options a = RB_BACKUP_OPTIONS_INIT, b;
    memset(&b, 0x5a, sizeof b);
    rbt_assert_ok(rb_backup_options_init(&b, RB_BACKUP_OPTIONS_VERSION));
    rbt_assert_int(a.version, b.version);
    rbt_assert_int(RB_BACKUP_DEEP, b.depth);
    rbt_assert(b.password == NULL && b.target_ios == NULL && b.progress == NULL);
    rbt_assert_int(0, (int)b.max_findings);
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_backup_options_init(&b, 99));
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_backup_options_init(NULL, RB_BACKUP_OPTIONS_VERSION));
}

static void test_backup_api__missing_folder_is_not_found(void)
{
    rb_context *ctx = ctx_new();
    rb_backup_report *r = NULL;
    rbt_assert_int(RB_ERR_NOT_FOUND, rb_backup_verify(&r, ctx, "/nonexistent/backup", NULL));
    rb_context_free(ctx);
}

static rb_backup_verdict verdict_for(const char *dir, const char *ios, const char *model)
{
    rb_context *ctx = ctx_new();
    rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
    o.depth = RB_BACKUP_QUICK;
    o.target_ios = ios;
    o.target_product_type = model;
    rb_backup_report *r = NULL;
    rbt_assert_ok(rb_backup_verify(&r, ctx, dir, &o));
    rb_backup_verdict v = rb_backup_report_verdict(r);
    if (v == RB_BACKUP_NOT_COMPATIBLE)
        rbt_assert(rb_backup_report_code_count(r, "ios_newer_than_device") +
                   rb_backup_report_code_count(r, "device_family_mismatch") >= 1);
    rb_backup_report_free(r);
    rb_context_free(ctx);
    return v;
}

static void test_backup_api__compatibility(void)
{
    const char *dir = rb__bk_gen("compat", false, NULL, 2); /* iPhone14,5, iOS 17.5.1 */
    rbt_assert_int(RB_BACKUP_RESTORABLE, verdict_for(dir, "17.5.1", "iPhone14,5"));
    rbt_assert_int(RB_BACKUP_RESTORABLE, verdict_for(dir, "18.0", "iPhone16,1"));
    rbt_assert_int(RB_BACKUP_RESTORABLE, verdict_for(dir, "17.10", NULL));
    rbt_assert_int(RB_BACKUP_NOT_COMPATIBLE, verdict_for(dir, "17.5", NULL));
    rbt_assert_int(RB_BACKUP_NOT_COMPATIBLE, verdict_for(dir, "16.7.2", "iPhone14,5"));
    rbt_assert_int(RB_BACKUP_NOT_COMPATIBLE, verdict_for(dir, "18.0", "iPad13,1"));
    rbt_assert(rb__bk_version_cmp("17.10", "17.9") > 0);
    rbt_assert(rb__bk_version_cmp("17.0", "17") == 0);
    rbt_assert(rb__bk_version_cmp("9.3.5", "10.0") < 0);
}

static void test_backup_api__inventory_counts_intact_and_damaged(void)
{
    const char *dir = rb__bk_gen("inv", false, "missing_file", 30);
    rb_backup_report *r = rb__bk_verify(dir, NULL, RB_BACKUP_DEEP);
    const rb_backup_category_stats *m = rb_backup_report_category(r, RB_BACKUP_CAT_MESSAGES);
    rbt_assert_int(0, m->files_intact);
    rbt_assert_int(1, m->files_damaged);
    rbt_assert_int(700, m->bytes_damaged);
    for (int c = 0; c < RB_BACKUP_CAT_OTHER; c++)
        if (c != RB_BACKUP_CAT_MESSAGES)
            rbt_assert_msg(rb_backup_report_category(r, (rb_backup_category)c)->files_intact >= 1,
                           "category %s empty", rb_backup_category_name((rb_backup_category)c));
    rbt_assert_int(RB_BACKUP_CAT_PHOTOS, rb_backup_classify("CameraRollDomain", "Media/DCIM/x.HEIC"));
    rbt_assert_int(RB_BACKUP_CAT_APP_DATA, rb_backup_classify("AppDomainGroup-group.x", "a"));
    rb_backup_report_free(r);
}

static bool exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static void test_backup_api__extract_decrypts_with_real_names(void)
{
    const char *dir = rb__bk_gen("ext", true, NULL, 6);
    rb_context *ctx = ctx_new();
    char out[1024], p[1200];
    snprintf(out, sizeof out, "%s/ext-out", rbt_tmpdir());
    rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
    o.password = BK_PASSWORD;
    rb_backup_extract_result res;
    rbt_assert_ok(rb_backup_extract(&res, ctx, dir, RB_BACKUP_CAT_MESSAGES, out, &o));
    rbt_assert_int(1, res.files_written);
    rbt_assert_int(700, res.bytes_written);
    snprintf(p, sizeof p, "%s/HomeDomain/Library/SMS/sms.db", out);
    struct stat st;
    rbt_assert(stat(p, &st) == 0);
    rbt_assert_int(700, st.st_size);
    /* Not empty any more: refused rather than overwriting. */
    rbt_assert_int(RB_ERR_CONFLICT, rb_backup_extract(&res, ctx, dir, RB_BACKUP_CAT_MESSAGES, out, &o));
    o.password = NULL;
    snprintf(out, sizeof out, "%s/ext-out2", rbt_tmpdir());
    rbt_assert_int(RB_ERR_PASSWORD, rb_backup_extract(&res, ctx, dir, RB_BACKUP_CAT_MESSAGES, out, &o));
    rb_context_free(ctx);
}

static void test_backup_api__extract_plain_content_is_identical(void)
{
    const char *dir = rb__bk_gen("extp", false, NULL, 3);
    rb_context *ctx = ctx_new();
    char out[1024], cmd[3000];
    snprintf(out, sizeof out, "%s/extp-out", rbt_tmpdir());
    rb_backup_extract_result res;
    rbt_assert_ok(rb_backup_extract(&res, ctx, dir, RB_BACKUP_CAT_PHOTOS, out, NULL));
    rbt_assert_int(2, res.files_written);
    /* fileID of CameraRollDomain-Media/DCIM/100APPLE/IMG_0001.HEIC */
    snprintf(cmd, sizeof cmd,
             "id=$(printf %%s 'CameraRollDomain-Media/DCIM/100APPLE/IMG_0001.HEIC' | sha1sum | cut -c1-40);"
             " cmp '%s/CameraRollDomain/Media/DCIM/100APPLE/IMG_0001.HEIC' \"%s/$(echo $id | cut -c1-2)/$id\"",
             out, dir);
    rbt_assert_int(0, rbt_run_cmd(cmd, NULL, 0));
    rb_context_free(ctx);
}

/* Hostile rows: "../" and absolute names, a malformed fileID pointing outside, and a
 * content file that is a symbolic link. Nothing may appear outside the output folder. */
static void test_backup_api__extract_never_writes_outside(void)
{
    unlink("/tmp/rb-abs-escape.txt");
    const char *cases[][2] = {{"path_traversal", "messages"}, {"absolute_path", "other"},
                              {"fileid_malformed", "messages"}, {"blob_symlink", "messages"}};
    rb_context *ctx = ctx_new();
    for (size_t i = 0; i < 4; i++) {
        char base[1024], out[1100], cmd[2400];
        snprintf(base, sizeof base, "%s/hostile-%zu", rbt_tmpdir(), i);
        rbt_assert_int(0, mkdir(base, 0755));
        snprintf(out, sizeof out, "%s/a/b/out", base);
        const char *dir = rb__bk_gen(cases[i][0], false, cases[i][0], 2);
        rb_backup_category cat;
        rbt_assert_ok(rb_backup_category_from_name(&cat, cases[i][1]));
        rb_backup_extract_result res;
        rbt_assert_ok(rb_backup_extract(&res, ctx, dir, cat, out, NULL));
        rbt_assert_msg(res.files_unsafe + res.files_damaged >= 1, "%s: nothing refused", cases[i][0]);
        /* Everything under base is inside out (the a/b/out chain itself aside). */
        snprintf(cmd, sizeof cmd, "cd '%s' && find . -mindepth 1 | grep -v '^./a$' | grep -v '^./a/b$' "
                                  "| grep -v '^./a/b/out' | wc -l", base);
        char n[64];
        rbt_assert_int(0, rbt_run_cmd(cmd, n, sizeof n));
        rbt_assert_int(0, atoi(n));
        snprintf(cmd, sizeof cmd, "find '%s' -type l | wc -l", out);
        rbt_assert_int(0, rbt_run_cmd(cmd, n, sizeof n));
        rbt_assert_int(0, atoi(n));
        snprintf(cmd, sizeof cmd, "grep -rl root: '%s' | wc -l", out);
        rbt_assert_int(0, rbt_run_cmd(cmd, n, sizeof n));
        rbt_assert_int(0, atoi(n));
    }
    rbt_assert(!exists("/tmp/rb-abs-escape.txt"));
    rbt_assert(!exists("/tmp/rb-evil"));
    char p[1100];
    snprintf(p, sizeof p, "%s/rb-escape.txt", rbt_tmpdir());
    rbt_assert(!exists(p));
    rb_context_free(ctx);
}

static int name_iphone13(rb_backup_model *out, const char *product_type, void *payload)
{
    (void)payload;
    if (strcmp(product_type, "iPhone14,5") != 0)
        return -1;
    out->family = RB_BACKUP_FAMILY_IPHONE;
    snprintf(out->name, sizeof out->name, "iPhone 13");
    return 0;
}

static void test_backup_api__list_finds_backups(void)
{
    char root[1024];
    snprintf(root, sizeof root, "%s/listroot", rbt_tmpdir());
    mkdir(root, 0755);
    char p[1100];
    snprintf(p, sizeof p, "%s/00008110-000000000000001E", root);
    bkgen_opts a = {.dir = p, .files = 2, .encrypted = true};
    char err[256];
    rbt_assert(bkgen_write(&a, err, sizeof err) == 0);
    snprintf(p, sizeof p, "%s/00008030-00000000000000AA", root);
    bkgen_opts b = {.dir = p, .files = 2, .damage = "snapshot_unfinished", .ios = "16.1"};
    rbt_assert(bkgen_write(&b, err, sizeof err) == 0);
    snprintf(p, sizeof p, "%s/not-a-backup", root);
    mkdir(p, 0755);
    rb_context *ctx = ctx_new();
    rb_backup_entry *e = NULL;
    size_t n = 0;
    const char *roots[] = {root};
    /* Backup names models only through the caller's describer (no catalog of its own). */
    rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
    o.describe_model = name_iphone13;
    rbt_assert_ok(rb_backup_list(&e, &n, ctx, roots, 1, 0, &o));
    rbt_assert_int(2, n);
    rbt_assert_str("16.1", e[0].info.ios_version);
    rbt_assert_str("incomplete", e[0].status);
    rbt_assert_int(0, e[0].info.encrypted);
    rbt_assert_str("17.5.1", e[1].info.ios_version);
    rbt_assert_str("complete", e[1].status);
    rbt_assert_int(1, e[1].info.encrypted);
    rbt_assert_str("iPhone 13", e[1].info.model_name);
    rbt_assert(e[1].size_bytes > 1000);
    rb_backup_list_free(e, n);
    rb_context_free(ctx);
}

static void test_backup_api__keybag_test_vector(void)
{
    /* pyiosbackup's vector (reference/backup-format.md §3): KEK unwraps WPKY to 32 zeros. */
    static const uint8_t kek[32] = {0xec, 0x8e, 0xdc, 0x16, 0x0b, 0x57, 0x45, 0xcc, 0xae, 0x00, 0x0b,
                                    0xfb, 0x47, 0x87, 0x63, 0x0f, 0x32, 0x28, 0x21, 0x19, 0x1f, 0xba,
                                    0x7e, 0xea, 0x38, 0xfe, 0xab, 0x2c, 0x63, 0x07, 0xcd, 0x9b};
    static const uint8_t wpky[40] = {0x52, 0x8c, 0x9c, 0x51, 0x71, 0xbf, 0x8b, 0xef, 0x1e, 0xa3,
                                     0x97, 0xcf, 0x29, 0xd2, 0xa8, 0x38, 0xc9, 0x05, 0x29, 0xdf,
                                     0x02, 0xa6, 0xad, 0x2f, 0x82, 0x3a, 0x1c, 0x6f, 0x3a, 0x5b,
                                     0x20, 0x40, 0xe2, 0xa3, 0x09, 0xc5, 0x20, 0xc6, 0xa2, 0xab};
    uint8_t key[32], zero[32] = {0};
    rbt_assert_int(0, rb__bk_aes_unwrap(kek, wpky, key));
    rbt_assert(memcmp(key, zero, 32) == 0);
    uint8_t bad[40];
    memcpy(bad, wpky, 40);
    bad[5] ^= 1;
    rbt_assert_int(-1, rb__bk_aes_unwrap(kek, bad, key));
}

static void test_backup_api__parsers_refuse_garbage(void)
{
    rb__bk_mbfile mf;
    rb__bk_keybag kb;
    char err[128];
    static const uint8_t junk[] = "bplist00\x00\x01\x02garbage-garbage-garbage";
    rbt_assert_int(-1, rb__bk_mbfile_parse(&mf, junk, sizeof junk, err, sizeof err));
    rbt_assert_int(-1, rb__bk_mbfile_parse(&mf, NULL, 0, err, sizeof err));
    rbt_assert_int(-1, rb__bk_keybag_parse(&kb, junk, sizeof junk, err, sizeof err));
    /* A TLV whose length runs past the end. */
    static const uint8_t tlv[] = {'V', 'E', 'R', 'S', 0x7f, 0, 0, 0, 1, 2, 3, 4};
    rbt_assert_int(-1, rb__bk_keybag_parse(&kb, tlv, sizeof tlv, err, sizeof err));
    rbt_assert(rb__bk_path_unsafe("a/../../b", 9));
    rbt_assert(rb__bk_path_unsafe("/etc/passwd", 11));
    rbt_assert(!rb__bk_path_unsafe("Library/..foo/x", 15));
}

RBT_MAIN(T(test_backup_api__options_init_matches_the_macro),
         T(test_backup_api__progress_reports_files_and_bytes),
         T(test_backup_api__cancel_stops_with_cancelled),
         T(test_backup_api__missing_folder_is_not_found), T(test_backup_api__compatibility),
         T(test_backup_api__inventory_counts_intact_and_damaged),
         T(test_backup_api__extract_decrypts_with_real_names),
         T(test_backup_api__extract_plain_content_is_identical),
         T(test_backup_api__extract_never_writes_outside), T(test_backup_api__list_finds_backups),
         T(test_backup_api__keybag_test_vector), T(test_backup_api__parsers_refuse_garbage))
