/*
 * core/internal.h - helpers shared by the engine's capability folders. Not installed.
 */
#ifndef RB_CORE_INTERNAL_H
#define RB_CORE_INTERNAL_H

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rescuebay/common.h"
#include "rescuebay/context.h"

#if defined(__MINGW32__)
/* MinGW builds use the C99 printf (__USE_MINGW_ANSI_STDIO=1): %zu and friends work. */
#define RB_PRINTF(a, b) __attribute__((format(gnu_printf, a, b)))
#elif defined(__GNUC__)
#define RB_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define RB_PRINTF(a, b)
#endif

/* Records `status` and a formatted detail as the context's last error; returns status
 * so that callers can write `return rb__error(ctx, RB_ERR_IO, "...", ...)`. */
rb_status rb__error(rb_context *ctx, rb_status status, const char *fmt, ...) RB_PRINTF(3, 4);

/* Error detail buffer for handles that carry their own last error. */
typedef struct rb_errbuf {
    rb_status status;
    char msg[512];
} rb_errbuf;
rb_status rb__errbuf_set(rb_errbuf *eb, rb_status status, const char *fmt, ...) RB_PRINTF(3, 4);

/* Maps errno to an rb_status (ENOSPC -> RB_ERR_DISK_FULL, EACCES -> RB_ERR_PERMISSION...). */
rb_status rb__status_from_errno(int err);

/* Allocation helpers: abort-free, return NULL on failure. */
char *rb__strdup(const char *s);
char *rb__sprintf(const char *fmt, ...) RB_PRINTF(1, 2);

/* Joins two path components with the platform separator; caller frees. */
char *rb__path_join(const char *a, const char *b);

/* mkdir -p; returns 0 or an errno value. */
int rb__mkdirs(const char *path, unsigned int mode);

/* Writes `len` bytes to `path` atomically: temp file in the same folder, fsync, rename,
 * fsync of the folder. Returns 0 or an errno value. */
int rb__write_file_atomic(const char *path, const void *data, size_t len);

/* Reads a whole file (up to max_len bytes, else EFBIG); NUL-terminates. Returns 0 or errno. */
int rb__read_file(const char *path, size_t max_len, char **out, size_t *out_len);

/* Monotonic clock in milliseconds, and UTC wall clock as ISO 8601 "YYYY-MM-DDTHH:MM:SSZ". */
uint64_t rb__now_ms(void);
void rb__utc_iso8601(int64_t unix_seconds, char out[32]);

/* Waits on `cv` (with `mu` held) for at most `ms` milliseconds of wall clock; returns
 * pthread_cond_timedwait's result (ETIMEDOUT when the time ran out). Callers re-check
 * their condition: spurious wake-ups happen. */
int rb__cond_wait_ms(pthread_cond_t *cv, pthread_mutex_t *mu, uint64_t ms);

/* Lowercase hex of `len` bytes into out (2*len+1 bytes). */
void rb__hex(const unsigned char *bytes, size_t len, char *out);

/* Diagnostic log to stderr when $RESCUEBAY_LOG is set (never staff-facing). */
void rb__log(const char *module, const char *fmt, ...) RB_PRINTF(2, 3);

#endif
