/*
 * rbtest.h - a tiny clar-style test runner for the engine's C tests.
 *
 *   static void test_core_context__creates_home(void) { ... rbt_assert(...); }
 *   RBT_MAIN(T(test_core_context__creates_home), T(...))
 *
 * Each test executable runs all its cases, or only those named on the command line.
 * A failed assertion stops that case, prints file:line and the expression, and the
 * executable exits non-zero. Names follow `test_<module>_<area>__<behaviour>`.
 * A case that checks nothing (no rbt_assert* ran) fails too: it could never have failed.
 */
#ifndef RBTEST_H
#define RBTEST_H

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct rbt_case {
    const char *name;
    void (*fn)(void);
};

int rbt_run(const struct rbt_case *cases, int argc, char **argv);
void rbt_fail(const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4), noreturn))
#endif
    ;

/* Assertions evaluated so far (any thread): the runner fails a case that made none. */
extern _Atomic unsigned long rbt_checks;

#define T(fn) { #fn, fn }
#define RBT_MAIN(...)                                                         \
    static const struct rbt_case rbt_cases_[] = {__VA_ARGS__, {NULL, NULL}};  \
    int main(int argc, char **argv) { return rbt_run(rbt_cases_, argc, argv); }

#define rbt_assert(cond)                                                      \
    do { rbt_checks++;                                                        \
         if (!(cond)) rbt_fail(__FILE__, __LINE__, "assertion failed: %s", #cond); } while (0)
#define rbt_assert_msg(cond, ...)                                             \
    do { rbt_checks++; if (!(cond)) rbt_fail(__FILE__, __LINE__, __VA_ARGS__); } while (0)
#define rbt_assert_int(expected, actual)                                      \
    do { rbt_checks++;                                                        \
         long long e_ = (long long)(expected), a_ = (long long)(actual);      \
         if (e_ != a_) rbt_fail(__FILE__, __LINE__, "%s == %s: expected %lld, got %lld", \
                                #expected, #actual, e_, a_); } while (0)
#define rbt_assert_str(expected, actual)                                      \
    do { rbt_checks++;                                                        \
         const char *e_ = (expected), *a_ = (actual);                         \
         if (!e_ || !a_ || strcmp(e_, a_) != 0)                               \
             rbt_fail(__FILE__, __LINE__, "%s == %s: expected \"%s\", got \"%s\"", \
                      #expected, #actual, e_ ? e_ : "(null)", a_ ? a_ : "(null)"); } while (0)
#define rbt_assert_contains(haystack, needle)                                 \
    do { rbt_checks++;                                                        \
         const char *h_ = (haystack), *n_ = (needle);                         \
         if (!h_ || !strstr(h_, n_))                                          \
             rbt_fail(__FILE__, __LINE__, "expected \"%s\" to contain \"%s\"", \
                      h_ ? h_ : "(null)", n_); } while (0)
/* Asserts an rb_status call succeeded; prints rb_status_name on failure. */
#define rbt_assert_ok(call)                                                   \
    do { rbt_checks++;                                                        \
         int s_ = (int)(call);                                                \
         if (s_ != 0) rbt_fail(__FILE__, __LINE__, "%s returned %d", #call, s_); } while (0)

/* A fresh empty directory under the build tree (or $TMPDIR), removed at exit unless
 * the test failed. The returned string is owned by the runner. */
const char *rbt_tmpdir(void);

/* rm -rf of a path (used by the runner; handy in tests). */
void rbt_rmtree(const char *path);

/* Source and build directories (from RB_SOURCE_DIR / RB_BINARY_DIR, set by ctest). */
const char *rbt_source_dir(void);
const char *rbt_binary_dir(void);

/* Writes a file, creating parent folders; aborts the case on failure. */
void rbt_write_file(const char *path, const void *data, size_t len);

/* Runs a shell command, capturing stdout (up to cap bytes) into out; returns exit status
 * (or -1). */
int rbt_run_cmd(const char *cmd, char *out, size_t cap);

#endif
