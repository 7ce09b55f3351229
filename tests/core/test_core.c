/* Tests of engine/src/core: status codes, context home, settings file. */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* A write the file system cuts short (here: the file size limit) reports the bytes that
 * did land and the reason; a full write lands whole. */
static void test_core_util__write_all_reports_short_writes(void)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/short.bin", rbt_tmpdir());
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    rbt_assert(fd >= 0);
    char buf[100];
    memset(buf, 'x', sizeof buf);
    size_t written = 99;
    rbt_assert_int(0, rb__write_all(fd, buf, sizeof buf, &written));
    rbt_assert_int(sizeof buf, written);

    struct rlimit old, lim;
    rbt_assert_int(0, getrlimit(RLIMIT_FSIZE, &old));
    lim = old;
    lim.rlim_cur = 130;   /* 30 more bytes fit: the next write is short, then EFBIG */
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    rbt_assert_int(0, setrlimit(RLIMIT_FSIZE, &lim));
    int rc = rb__write_all(fd, buf, sizeof buf, &written);
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, prev);
    close(fd);
    rbt_assert_int(EFBIG, rc);
    rbt_assert_int(30, written);
    rbt_assert_int(EBADF, rb__write_all(-1, buf, 1, NULL));
}

/* The engine's one error model: several threads failing on one handle each read their own
 * detail, never another thread's (the kiosk shim's worker pool shares handles). */
struct err_thread {
    rb_context *ctx;
    int id;
    int bad;      /* rounds where the thread read someone else's text */
};

static void *err_thread_main(void *arg)
{
    struct err_thread *t = arg;
    char want[64];
    for (int round = 0; round < 2000; round++) {
        snprintf(want, sizeof want, "thread %d round %d", t->id, round);
        rb_status st = (rb_status)(-1 - t->id);
        rb__error(t->ctx, st, "%s", want);
        if (strcmp(rb_context_last_error(t->ctx), want) != 0 ||
            rb_context_last_status(t->ctx) != st)
            t->bad++;
    }
    return NULL;
}

static void test_core_errors__each_thread_reads_its_own(void)
{
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
    struct err_thread t[4];
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        t[i] = (struct err_thread){ctx, i, 0};
        rbt_assert_int(0, pthread_create(&th[i], NULL, err_thread_main, &t[i]));
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        rbt_assert_msg(t[i].bad == 0, "thread %d read another thread's error %d times", i,
                       t[i].bad);
    }
    /* This thread never failed on ctx: nothing of the others shows through. */
    rbt_assert_str("", rb_context_last_error(ctx));
    rbt_assert_int(RB_OK, rb_context_last_status(ctx));
    rb__error(ctx, RB_ERR_IO, "mine");
    rbt_assert_str("mine", rb_context_last_error(ctx));
    rb_context_free(ctx);
}

static rb_status set_shared(rb__errs *e, rb_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rb__errs_vset_shared(e, st, fmt, ap);
    va_end(ap);
    return st;
}

static void test_core_errors__problem_without_a_caller_is_seen_until_a_newer_failure(void)
{
    rb__errs *e = rb__errs_new();
    rbt_assert(e != NULL);
    char buf[RB__ERR_MSG];
    rbt_assert_int(RB_OK, rb__errs_get(e, buf, sizeof buf));
    rbt_assert_str("", buf);
    rb__errs_set(e, RB_ERR_NOT_FOUND, "own failure");
    set_shared(e, RB_ERR_DEVICE, "usbmuxd went away");
    rbt_assert_int(RB_ERR_DEVICE, rb__errs_get(e, buf, sizeof buf));
    rbt_assert_str("usbmuxd went away", buf);
    rb__errs_set(e, RB_ERR_TIMEOUT, "own, newer");
    rbt_assert_int(RB_ERR_TIMEOUT, rb__errs_get(e, buf, sizeof buf));
    rbt_assert_str("own, newer", buf);
    /* Truncated, never overflowing, always terminated. */
    char small[5];
    rb__errs_get(e, small, sizeof small);
    rbt_assert_str("own,", small);
    rb__errs_free(e);
    rb__errs_free(NULL);
    rbt_assert_str("", rb__errs_last(NULL));
}

/* A value handed out stays readable while another thread replaces or removes it. */
struct setting_reader {
    rb_context *ctx;
    _Atomic int stop;
    int bad;
};

static void *setting_reader_main(void *arg)
{
    struct setting_reader *r = arg;
    while (!r->stop) {
        const char *v = rb_context_setting(r->ctx, "store.name", "none");
        if (strcmp(v, "none") != 0 && strncmp(v, "Counter ", 8) != 0)
            r->bad++;
    }
    return NULL;
}

static void test_core_settings__read_while_another_thread_replaces(void)
{
    char home[4200];
    snprintf(home, sizeof home, "%s/race", rbt_tmpdir());
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, home));
    struct setting_reader r = {ctx, 0, 0};
    pthread_t th;
    rbt_assert_int(0, pthread_create(&th, NULL, setting_reader_main, &r));
    char v[32];
    for (int i = 0; i < 40; i++) {
        snprintf(v, sizeof v, "Counter %d", i);
        rbt_assert_ok(rb_context_set_setting(ctx, "store.name", i % 5 == 4 ? NULL : v));
    }
    r.stop = 1;
    pthread_join(th, NULL);
    rbt_assert_int(0, r.bad);
    rb_context_free(ctx);
}

static void test_core_settings__environment_wins_and_is_not_written(void)
{
    char home[4200], conf[4300];
    snprintf(home, sizeof home, "%s/envset", rbt_tmpdir());
    snprintf(conf, sizeof conf, "%s/rescuebay.conf", home);
    rbt_write_file(conf, "device.grace_ms = 900\n", 22);
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, home));
    unsetenv("RESCUEBAY_DEVICE_GRACE_MS");
    rbt_assert_str("900", rb_context_setting(ctx, "device.grace_ms", NULL));
    setenv("RESCUEBAY_DEVICE_GRACE_MS", "250", 1);
    rbt_assert_str("250", rb_context_setting(ctx, "device.grace_ms", NULL));
    rbt_assert_str("250", rb_context_setting(NULL, "device.grace_ms", NULL));
    rbt_assert_ok(rb_context_set_setting(ctx, "store.name", "x"));
    unsetenv("RESCUEBAY_DEVICE_GRACE_MS");
    char *text = NULL;
    rbt_assert_int(0, rb__read_file(conf, 4096, &text, NULL));
    rbt_assert_contains(text, "device.grace_ms = 900");
    free(text);
    rb_context_free(ctx);
}

RBT_MAIN(T(test_core_status__every_code_has_a_name),
         T(test_core_context__creates_home_given),
         T(test_core_context__home_from_environment),
         T(test_core_context__default_home_is_xdg),
         T(test_core_settings__round_trip_and_comments),
         T(test_core_settings__malformed_line_is_named),
         T(test_core_util__atomic_write_replaces),
         T(test_core_util__write_all_reports_short_writes),
         T(test_core_errors__each_thread_reads_its_own),
         T(test_core_errors__problem_without_a_caller_is_seen_until_a_newer_failure),
         T(test_core_settings__read_while_another_thread_replaces),
         T(test_core_settings__environment_wins_and_is_not_written))
