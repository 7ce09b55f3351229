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

/*
 * The engine's one error model. Every handle that calls can fail on (context, firmware
 * cache, ticket store, device monitor) embeds an rb__errs: the detail of a failure is
 * recorded on that handle, keyed by the calling thread, under the handle's own mutex.
 * rb_<handle>_last_error() copies the calling thread's detail out under the mutex, so a
 * handle shared by a thread pool never shows torn text or another thread's failure.
 * Slots are reused least-recently-written first when more threads than RB__ERR_SLOTS
 * fail on one handle; the evicted thread then reads "" rather than someone else's text.
 * A problem that no call caused (a device monitor's own threads meeting a dead usbmuxd)
 * goes to the shared slot with rb__errs_set_shared: every thread reads it until that
 * thread's own next failure on the handle is newer.
 */
#define RB__ERR_SLOTS 8
#define RB__ERR_MSG 512
typedef struct rb__errs {
    pthread_mutex_t mu;
    uint64_t tick;
    struct rb__errslot {
        pthread_t tid;
        uint64_t written;          /* 0: unused */
        rb_status status;
        char msg[RB__ERR_MSG];
    } slot[RB__ERR_SLOTS], shared;
} rb__errs;

/* Handles hold a pointer (so that a const handle can still lock it). NULL on no memory;
 * every function below accepts NULL (then records nothing, reads "" and RB_OK). */
rb__errs *rb__errs_new(void);
void rb__errs_free(rb__errs *e);
/* Records status + formatted detail for the calling thread; returns status. */
rb_status rb__errs_set(rb__errs *e, rb_status status, const char *fmt, ...) RB_PRINTF(3, 4);
rb_status rb__errs_vset(rb__errs *e, rb_status status, const char *fmt, va_list ap);
/* Records a problem no caller made, for every thread (see above); returns status. */
rb_status rb__errs_vset_shared(rb__errs *e, rb_status status, const char *fmt, va_list ap);
/* Copies the calling thread's detail into buf (always NUL-terminated); returns its status
 * (RB_OK and "" when this thread has not failed on the handle). */
rb_status rb__errs_get(rb__errs *e, char *buf, size_t size);
/* The calling thread's last status on the handle. */
rb_status rb__errs_status(rb__errs *e);
/* The calling thread's detail, copied into a thread-local buffer that stays valid until
 * this thread's next engine call: what the public rb_<handle>_last_error return. */
const char *rb__errs_last(rb__errs *e);

/* Records `status` and a formatted detail on the context (for the calling thread); returns
 * status so that callers can write `return rb__error(ctx, RB_ERR_IO, "...", ...)`. */
rb_status rb__error(rb_context *ctx, rb_status status, const char *fmt, ...) RB_PRINTF(3, 4);

/* Maps errno to an rb_status (ENOSPC -> RB_ERR_DISK_FULL, EACCES -> RB_ERR_PERMISSION...). */
rb_status rb__status_from_errno(int err);

/* Allocation helpers: abort-free, return NULL on failure. */
char *rb__strdup(const char *s);
char *rb__sprintf(const char *fmt, ...) RB_PRINTF(1, 2);

/* Frees what the engine allocated but hands out through a const pointer (the strings of
 * public result structs, which callers must not change): the one place const is dropped. */
void rb__free_const(const void *p);

/* Joins two path components with the platform separator; caller frees. */
char *rb__path_join(const char *a, const char *b);

/* mkdir -p; returns 0 or an errno value. */
int rb__mkdirs(const char *path, unsigned int mode);

/* Writes all `len` bytes to fd, retrying short writes and EINTR. Returns 0 or an errno
 * value; *written (may be NULL) gets the bytes that did reach fd, also on failure. */
int rb__write_all(int fd, const void *buf, size_t len, size_t *written);

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
