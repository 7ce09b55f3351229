/* Tests of engine/src/core: status codes, context home, settings file. */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "core/internal.h"
#include "rbtest.h"
#include "rescuebay/context.h"

static void test_core_status__every_code_has_a_name(void)
{
    for (int s = RB_OK; s >= RB_ERR_NEEDS_BUTTONS; s--) {
        rbt_assert(strcmp(rb_status_name((rb_status)s), "RB_ERR_UNKNOWN") != 0);
        rbt_assert(strcmp(rb_strerror((rb_status)s), "unknown error") != 0);
    }
    rbt_assert_str("RB_ERR_UNKNOWN", rb_status_name((rb_status)-999));
}

static void test_core_context__creates_home_given(void)
{
    char home[4200];
    snprintf(home, sizeof home, "%s/a/b/home", rbt_tmpdir());
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, home));
    rbt_assert_str(home, rb_context_home(ctx));
    struct stat st;
    rbt_assert(stat(home, &st) == 0 && S_ISDIR(st.st_mode));
    rb_context_free(ctx);
    rb_context_free(NULL);
}

static void test_core_context__home_from_environment(void)
{
    char home[4200];
    snprintf(home, sizeof home, "%s/envhome", rbt_tmpdir());
    setenv("RESCUEBAY_HOME", home, 1);
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, NULL));
    rbt_assert_str(home, rb_context_home(ctx));
    rb_context_free(ctx);
    unsetenv("RESCUEBAY_HOME");
}

static void test_core_context__default_home_is_xdg(void)
{
    char xdg[4200], want[4300];
    snprintf(xdg, sizeof xdg, "%s/xdg", rbt_tmpdir());
    snprintf(want, sizeof want, "%s/rescuebay", xdg);
    unsetenv("RESCUEBAY_HOME");
    setenv("XDG_DATA_HOME", xdg, 1);
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, NULL));
    rbt_assert_str(want, rb_context_home(ctx));
    rb_context_free(ctx);
}

static void test_core_settings__round_trip_and_comments(void)
{
    char home[4200], conf[4300];
    snprintf(home, sizeof home, "%s/settings", rbt_tmpdir());
    snprintf(conf, sizeof conf, "%s/rescuebay.conf", home);
    const char *text = "# comment\n\nfirmware.catalog_url = http://127.0.0.1:8080/v4 \n"
                       "  store.name=Counter One\n";
    rbt_write_file(conf, text, strlen(text));
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, home));
    rbt_assert_str("http://127.0.0.1:8080/v4", rb_context_setting(ctx, "firmware.catalog_url", NULL));
    rbt_assert_str("Counter One", rb_context_setting(ctx, "store.name", NULL));
    rbt_assert_str("dflt", rb_context_setting(ctx, "missing.key", "dflt"));
    rbt_assert_ok(rb_context_set_setting(ctx, "firmware.cache_dir", "/srv/ipsw"));
    rbt_assert_ok(rb_context_set_setting(ctx, "store.name", NULL));
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_context_set_setting(ctx, "bad key", "x"));
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_context_set_setting(ctx, "k", "two\nlines"));
    rb_context_free(ctx);

    rbt_assert_ok(rb_context_new(&ctx, home));
    rbt_assert_str("/srv/ipsw", rb_context_setting(ctx, "firmware.cache_dir", NULL));
    rbt_assert(rb_context_setting(ctx, "store.name", NULL) == NULL);
    rb_context_free(ctx);
}

static void test_core_settings__malformed_line_is_named(void)
{
    char home[4200], conf[4300];
    snprintf(home, sizeof home, "%s/badsettings", rbt_tmpdir());
    snprintf(conf, sizeof conf, "%s/rescuebay.conf", home);
    rbt_write_file(conf, "ok = 1\nthis line has no equals\n", 31);
    rb_context *ctx = NULL;
    rbt_assert_int(RB_ERR_PARSE, rb_context_new(&ctx, home));
    rbt_assert(ctx == NULL);
}

static void test_core_util__atomic_write_replaces(void)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/atomic.txt", rbt_tmpdir());
    rbt_assert_int(0, rb__write_file_atomic(path, "one", 3));
    rbt_assert_int(0, rb__write_file_atomic(path, "second", 6));
    char *data = NULL;
    size_t len = 0;
    rbt_assert_int(0, rb__read_file(path, 100, &data, &len));
    rbt_assert_str("second", data);
    free(data);
    rbt_assert_int(EFBIG, rb__read_file(path, 2, &data, &len));
}

RBT_MAIN(T(test_core_status__every_code_has_a_name),
         T(test_core_context__creates_home_given),
         T(test_core_context__home_from_environment),
         T(test_core_context__default_home_is_xdg),
         T(test_core_settings__round_trip_and_comments),
         T(test_core_settings__malformed_line_is_named),
         T(test_core_util__atomic_write_replaces))
