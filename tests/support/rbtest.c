/* rbtest.c - runner and helpers for rbtest.h. */
#define _GNU_SOURCE
#include "rbtest.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

_Atomic unsigned long rbt_checks;
static jmp_buf rbt_jump;
static int rbt_in_case;
static char rbt_tmp[4096];

void rbt_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "  %s:%d: ", file, line);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (rbt_in_case)
        longjmp(rbt_jump, 1);
    abort();
}

static int rm_cb(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb; (void)flag; (void)ftw;
    chmod(path, 0700);
    return remove(path);
}

void rbt_rmtree(const char *path)
{
    /* Make read-only folders removable first (tests create them on purpose). */
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null", path);
    if (system(cmd) != 0) { /* the folder may not exist */ }
    nftw(path, rm_cb, 16, FTW_DEPTH | FTW_PHYS);
}

const char *rbt_source_dir(void)
{
    const char *s = getenv("RB_SOURCE_DIR");
    return s ? s : ".";
}

const char *rbt_binary_dir(void)
{
    const char *s = getenv("RB_BINARY_DIR");
    return s ? s : ".";
}

const char *rbt_tmpdir(void)
{
    if (rbt_tmp[0])
        return rbt_tmp;
    const char *base = getenv("TMPDIR");
    snprintf(rbt_tmp, sizeof rbt_tmp, "%s/rbtest-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(rbt_tmp)) {
        perror("mkdtemp");
        abort();
    }
    return rbt_tmp;
}

void rbt_write_file(const char *path, const void *data, size_t len)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    for (char *p = dir + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(dir, 0755);
            *p = '/';
        }
    FILE *f = fopen(path, "wb");
    rbt_assert_msg(f != NULL, "cannot create %s: %s", path, strerror(errno));
    rbt_assert_msg(fwrite(data, 1, len, f) == len, "short write to %s", path);
    fclose(f);
}

int rbt_run_cmd(const char *cmd, char *out, size_t cap)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    size_t got = 0;
    if (out && cap)
        out[0] = '\0';
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) {
        if (out && got + 1 < cap) {
            size_t take = n < cap - 1 - got ? n : cap - 1 - got;
            memcpy(out + got, buf, take);
            got += take;
            out[got] = '\0';
        }
    }
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int selected(const char *name, int argc, char **argv)
{
    if (argc < 2)
        return 1;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return 1;
    return 0;
}

static int run_one(const struct rbt_case *c)
{
    fprintf(stderr, "%s ...\n", c->name);
    fflush(stderr);
    rbt_in_case = 1;
    int ok = 0;
    unsigned long before = rbt_checks;
    if (setjmp(rbt_jump) == 0) {
        c->fn();
        ok = 1;
        if (rbt_checks == before) {
            fprintf(stderr, "  %s checked nothing: a case that cannot fail is not a test\n",
                    c->name);
            ok = 0;
        }
    }
    rbt_in_case = 0;
    fprintf(stderr, "%s %s\n", ok ? "ok  " : "FAIL", c->name);
    return ok;
}

int rbt_run(const struct rbt_case *cases, int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    int failed = 0, ran = 0;
    for (const struct rbt_case *c = cases; c->name; c++) {
        if (!selected(c->name, argc, argv))
            continue;
        ran++;
        if (!run_one(c))
            failed++;
    }
    if (rbt_tmp[0]) {
        if (failed)
            fprintf(stderr, "kept %s for inspection\n", rbt_tmp);
        else
            rbt_rmtree(rbt_tmp);
    }
    fprintf(stderr, "%d of %d passed\n", ran - failed, ran);
    if (ran == 0) {
        fprintf(stderr, "no test matched\n");
        return 1;
    }
    return failed ? 1 : 0;
}
