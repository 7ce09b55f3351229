/* core/util.c - small portable helpers used across the engine. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/internal.h"
#include "core/platform.h"

void rb_free(void *ptr)
{
    free(ptr);
}

void rb__free_const(const void *p)
{
    free((void *)(uintptr_t)p);
}

rb_status rb__status_from_errno(int err)
{
    switch (err) {
    case 0: return RB_OK;
    case ENOMEM: return RB_ERR_NOMEM;
    case ENOENT: case ENOTDIR: return RB_ERR_NOT_FOUND;
    case EACCES: case EPERM: case EROFS: return RB_ERR_PERMISSION;
    case ENOSPC: case EFBIG: return RB_ERR_DISK_FULL;
#ifdef EDQUOT   /* not on Windows */
    case EDQUOT: return RB_ERR_DISK_FULL;
#endif
    case EEXIST: return RB_ERR_CONFLICT;
    case ETIMEDOUT: return RB_ERR_TIMEOUT;
    case EBUSY: case EAGAIN: return RB_ERR_BUSY;
    case EINVAL: return RB_ERR_INVALID_ARG;
    default: return RB_ERR_IO;
    }
}

char *rb__strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t len = strlen(s);
    char *p = malloc(len + 1);
    if (p)
        memcpy(p, s, len + 1);
    return p;
}

char *rb__sprintf(const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (p)
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

char *rb__path_join(const char *a, const char *b)
{
    size_t la = strlen(a);
    if (la && (a[la - 1] == '/' || a[la - 1] == '\\'))
        return rb__sprintf("%s%s", a, b);
    return rb__sprintf("%s/%s", a, b);
}

int rb__mkdirs(const char *path, unsigned int mode)
{
    char *p = rb__strdup(path);
    if (!p)
        return ENOMEM;
    int rc = 0;
    for (char *s = p + 1; ; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (rb__mkdir(p, mode) != 0 && errno != EEXIST) {
                rc = errno;
                break;
            }
            *s = c;
            if (c == '\0')
                break;
        }
    }
    if (rc == 0) {
        struct stat st;
        if (stat(path, &st) != 0)
            rc = errno;
        else if (!S_ISDIR(st.st_mode))
            rc = ENOTDIR;
    }
    free(p);
    return rc;
}

static int fsync_dir_of(const char *path)
{
    char *dir = rb__strdup(path);
    if (!dir)
        return ENOMEM;
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        strcpy(dir, ".");
    int rc = rb__fsync_dir(dir) == 0 ? 0 : errno;
    free(dir);
    /* Some filesystems refuse fsync on a directory; the rename is still atomic. */
    return rc == EINVAL ? 0 : rc;
}

int rb__write_all(int fd, const void *buf, size_t len, size_t *written)
{
    const char *p = buf;
    size_t done = 0;
    int rc = 0;
    while (done < len) {
        ssize_t w = write(fd, p + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            rc = errno;
            break;
        }
        /* write() returning 0 for a non-empty buffer would loop forever */
        if (w == 0) {
            rc = EIO;
            break;
        }
        done += (size_t)w;
    }
    if (written)
        *written = done;
    return rc;
}

int rb__write_file_atomic(const char *path, const void *data, size_t len)
{
    char *tmp = rb__sprintf("%s.tmp.%ld", path, (long)getpid());
    if (!tmp)
        return ENOMEM;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | RB_O_CLOEXEC, 0644);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return e;
    }
    int rc = rb__write_all(fd, data, len, NULL);
    if (rc == 0 && rb__fsync(fd) != 0)
        rc = errno;
    if (close(fd) != 0 && rc == 0)
        rc = errno;
    if (rc == 0 && rb__rename_replace(tmp, path) != 0)
        rc = errno;
    if (rc != 0)
        unlink(tmp);
    else
        rc = fsync_dir_of(path);
    free(tmp);
    return rc;
}

int rb__read_file(const char *path, size_t max_len, char **out, size_t *out_len)
{
    *out = NULL;
    if (out_len)
        *out_len = 0;
    int fd = open(path, O_RDONLY | RB_O_CLOEXEC);
    if (fd < 0)
        return errno;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return e;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return EISDIR;
    }
    if ((uint64_t)st.st_size > max_len) {
        close(fd);
        return EFBIG;
    }
    size_t cap = (size_t)st.st_size;
    char *buf = malloc(cap + 1);
    if (!buf) {
        close(fd);
        return ENOMEM;
    }
    size_t got = 0;
    while (got < cap) {
        ssize_t r = read(fd, buf + got, cap - got);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            close(fd);
            return e;
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    buf[got] = '\0';
    *out = buf;
    if (out_len)
        *out_len = got;
    return 0;
}

uint64_t rb__now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

int rb__cond_wait_ms(pthread_cond_t *cv, pthread_mutex_t *mu, uint64_t ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += (time_t)(ms / 1000);
    ts.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    return pthread_cond_timedwait(cv, mu, &ts);
}

void rb__utc_iso8601(int64_t unix_seconds, char out[32])
{
    time_t t = (time_t)unix_seconds;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void rb__hex(const unsigned char *bytes, size_t len, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < len; i++) {
        out[2 * i] = digits[bytes[i] >> 4];
        out[2 * i + 1] = digits[bytes[i] & 15];
    }
    out[2 * len] = '\0';
}

void rb__log(const char *module, const char *fmt, ...)
{
    if (!getenv("RESCUEBAY_LOG"))
        return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "[rescuebay:%s] ", module);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}
