/* test_alone.c - backup without the model catalog or a device: the target and names come
 * from the caller's options (old and new option versions), and where backups are searched
 * (rb_backup_roots, the rule the kiosk and the CLI share). Links rb_backup only. */
#include <string.h>
#include <sys/stat.h>

#include "support.h"

static rb_context *ctx_new(const char *name)
{
    char home[1024];
    snprintf(home, sizeof home, "%s/%s", rbt_tmpdir(), name);
    mkdir(home, 0755);
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, home));
    return ctx;
}

static const rb_backup_finding *find(const rb_backup_report *r, const char *code)
{
    for (size_t i = 0; i < rb_backup_report_finding_count(r); i++)
        if (strcmp(rb_backup_report_finding(r, i)->code, code) == 0)
            return rb_backup_report_finding(r, i);
    return NULL;
}

static rb_backup_report *check(rb_context *ctx, const char *dir, const rb_backup_options *o)
{
    rb_backup_report *r = NULL;
    rbt_assert_ok(rb_backup_verify(&r, ctx, dir, o));
    return r;
}

/* A version 1 caller's struct ends at max_findings: nothing after it is read (here it is
 * garbage that would crash if describe_model were called). */
static void test_backup_alone__version1_options_read_no_further(void)
{
    const char *dir = rb__bk_gen("v1", false, NULL, 0); /* iPhone14,5, iOS 17.5.1 */
    rb_context *ctx = ctx_new("v1home");
    rb_backup_options o;
    memset(&o, 0x5a, sizeof o);
    rbt_assert_ok(rb_backup_options_init(&o, 1));
    rbt_assert_int(1, o.version);
    rbt_assert(o.password == NULL && o.target_ios == NULL && o.progress == NULL);
    o.depth = RB_BACKUP_HEADERS;
    o.target_product_type = "iPad13,1";
    rb_backup_report *r = check(ctx, dir, &o);
    rbt_assert_int(RB_BACKUP_NOT_COMPATIBLE, rb_backup_report_verdict(r));
    rbt_assert(find(r, "device_family_mismatch") != NULL);
    rbt_assert_str("", rb_backup_report_info(r)->model_name);
    rb_backup_report_free(r);
    rb_context_free(ctx);
}

/* No describer: families from the product type's prefix, Apple TV and Watch included. */
static void test_backup_alone__families_from_the_prefix(void)
{
    const char *dir = rb__bk_gen("prefix", false, NULL, 0);
    rb_context *ctx = ctx_new("prefixhome");
    static const struct { const char *pt; rb_backup_verdict want; const char *code; } cases[] = {
        {"iPhone16,1", RB_BACKUP_RESTORABLE, NULL},
        {"iPad13,1", RB_BACKUP_NOT_COMPATIBLE, "device_family_mismatch"},
        {"AppleTV11,1", RB_BACKUP_NOT_COMPATIBLE, "device_family_mismatch"},
        {"Watch6,1", RB_BACKUP_NOT_COMPATIBLE, "device_family_mismatch"},
        {"Gadget1,1", RB_BACKUP_NOT_COMPATIBLE, "compat_unknown"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
        o.depth = RB_BACKUP_HEADERS;
        o.target_product_type = cases[i].pt;
        rb_backup_report *r = check(ctx, dir, &o);
        rbt_assert_msg(rb_backup_report_verdict(r) == cases[i].want, "%s: %s", cases[i].pt,
                       rb_backup_verdict_name(rb_backup_report_verdict(r)));
        if (cases[i].code)
            rbt_assert_msg(find(r, cases[i].code) != NULL, "%s: no %s", cases[i].pt, cases[i].code);
        rb_backup_report_free(r);
    }
    rb_context_free(ctx);
}

/* What the caller says about its device wins: family and name in the options. */
static void test_backup_alone__target_family_and_name_from_options(void)
{
    const char *dir = rb__bk_gen("tgt", false, NULL, 0);
    rb_context *ctx = ctx_new("tgthome");
    rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
    o.depth = RB_BACKUP_HEADERS;
    o.target_product_type = "J999AP";       /* no prefix backup knows */
    o.target_family = RB_BACKUP_FAMILY_IPAD;
    o.target_model_name = "Counter iPad";
    rb_backup_report *r = check(ctx, dir, &o);
    rbt_assert_int(RB_BACKUP_NOT_COMPATIBLE, rb_backup_report_verdict(r));
    const rb_backup_finding *f = find(r, "device_family_mismatch");
    rbt_assert(f != NULL);
    rbt_assert_contains(f->detail, "Counter iPad");
    rbt_assert_contains(f->detail, "an iPad");
    rb_backup_report_free(r);
    o.target_family = RB_BACKUP_FAMILY_IPHONE;
    r = check(ctx, dir, &o);
    rbt_assert_int(RB_BACKUP_RESTORABLE, rb_backup_report_verdict(r));
    rb_backup_report_free(r);
    rb_context_free(ctx);
}

struct calls {
    int n;
};

/* A describer that knows one model and answers garbage for another. */
static int describe(rb_backup_model *out, const char *product_type, void *payload)
{
    ((struct calls *)payload)->n++;
    if (strcmp(product_type, "iPhone14,5") == 0) {
        out->family = RB_BACKUP_FAMILY_IPHONE;
        memset(out->name, 'x', sizeof out->name);  /* not terminated: must be cut, not overrun */
        memcpy(out->name, "iPhone 13", 9);
        return 0;
    }
    if (strcmp(product_type, "Odd1,1") == 0) {
        out->family = (rb_backup_family)77;
        return 0;
    }
    return -1;
}

static void test_backup_alone__describer_names_and_is_bounded(void)
{
    const char *dir = rb__bk_gen("desc", false, NULL, 0);
    rb_context *ctx = ctx_new("deschome");
    struct calls c = {0};
    rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
    o.depth = RB_BACKUP_HEADERS;
    o.describe_model = describe;
    o.describe_payload = &c;
    o.target_product_type = "Odd1,1";
    rb_backup_report *r = check(ctx, dir, &o);
    rbt_assert(c.n >= 2);
    const rb_backup_info *in = rb_backup_report_info(r);
    rbt_assert_int(sizeof in->model_name - 1, strlen(in->model_name));
    rbt_assert(strncmp(in->model_name, "iPhone 13", 9) == 0);
    /* 77 is no family: treated as "other", never as an index. */
    rbt_assert_int(RB_BACKUP_NOT_COMPATIBLE, rb_backup_report_verdict(r));
    rbt_assert(find(r, "device_family_mismatch") != NULL);
    rb_backup_report_free(r);
    rb_context_free(ctx);
}

static size_t index_of(char **v, const char *s)
{
    for (size_t i = 0; v[i]; i++)
        if (strcmp(v[i], s) == 0)
            return i;
    return (size_t)-1;
}

/* Defaults, then backup.roots, then $RB_BACKUP_ROOTS; empty entries skipped, each once;
 * rb_backup_list's defaults are exactly these folders. */
static void test_backup_alone__roots_setting_then_environment(void)
{
    char root[1024], other[1100], spec[2400], p[1200];
    snprintf(root, sizeof root, "%s/setting-root", rbt_tmpdir());
    snprintf(other, sizeof other, "%s/env-root", rbt_tmpdir());
    mkdir(root, 0755);
    mkdir(other, 0755);
    snprintf(p, sizeof p, "%s/00008110-00000000000000AB", root);
    bkgen_opts a = {.dir = p, .files = 1};
    char err[256];
    rbt_assert(bkgen_write(&a, err, sizeof err) == 0);
    snprintf(p, sizeof p, "%s/00008110-00000000000000CD", other);
    bkgen_opts b = {.dir = p, .files = 1, .ios = "16.1"};
    rbt_assert(bkgen_write(&b, err, sizeof err) == 0);

    rb_context *ctx = ctx_new("rootshome");
    setenv("HOME", rbt_tmpdir(), 1);
    unsetenv("APPDATA");
    unsetenv("USERPROFILE");
    unsetenv("RB_BACKUP_ROOTS");
    char **v = NULL;
    size_t n = 99;
    rbt_assert_ok(rb_backup_roots(&v, &n, ctx));
    rbt_assert_int(1, n); /* $HOME/Library/Application Support/MobileSync/Backup */
    rbt_assert_contains(v[0], "MobileSync/Backup");
    rbt_assert(v[1] == NULL);
    rb_backup_roots_free(v);

    snprintf(spec, sizeof spec, "::%s:%s:", root, root);
    rbt_assert_ok(rb_context_set_setting(ctx, "backup.roots", spec));
    snprintf(spec, sizeof spec, "%s:%s", root, other);
    setenv("RB_BACKUP_ROOTS", spec, 1);
    rbt_assert_ok(rb_backup_roots(&v, &n, ctx));
    rbt_assert_int(3, n);
    rbt_assert_int(1, index_of(v, root));
    rbt_assert_int(2, index_of(v, other));
    rb_backup_roots_free(v);

    rb_backup_entry *e = NULL;
    rbt_assert_ok(rb_backup_list(&e, &n, ctx, NULL, 0, 1, NULL));
    rbt_assert_int(2, n);
    rbt_assert_contains(e[0].path, "env-root");
    rbt_assert_contains(e[1].path, "setting-root");
    rb_backup_list_free(e, n);
    /* Without the defaults nothing of the setting or the environment is searched. */
    rbt_assert_ok(rb_backup_list(&e, &n, ctx, NULL, 0, 0, NULL));
    rbt_assert_int(0, n);
    rb_backup_list_free(e, n);
    unsetenv("RB_BACKUP_ROOTS");
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_backup_roots(NULL, NULL, ctx));
    rb_backup_roots_free(NULL);
    rb_context_free(ctx);
}

RBT_MAIN(T(test_backup_alone__version1_options_read_no_further),
         T(test_backup_alone__families_from_the_prefix),
         T(test_backup_alone__target_family_and_name_from_options),
         T(test_backup_alone__describer_names_and_is_bounded),
         T(test_backup_alone__roots_setting_then_environment))
