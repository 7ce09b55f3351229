/* backup/mbdb.c - the Manifest.mbdb reader (iOS 5-9 backups), streaming and strictly
 * bounded: every length is checked against the bytes that are really there, property
 * values (possibly binary) are skipped without being kept, and a record cut short is
 * reported with the fields read so far instead of being guessed at. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup/backup_private.h"

/* Five strings of at most 65535 bytes, each with its NUL. */
#define STORE_BYTES (5u * 65536u)

static int init(rb__bk_mbdb *m)
{
    m->store = malloc(STORE_BYTES);
    return m->store ? 0 : -3;
}

static int check_magic(rb__bk_mbdb *m, char *err, size_t errlen);

int rb__bk_mbdb_open_mem(rb__bk_mbdb *m, const uint8_t *data, size_t len, char *err, size_t errlen)
{
    memset(m, 0, sizeof *m);
    m->fd = -1;
    m->mem = data;
    m->memlen = len;
    m->len = len;
    if (init(m) != 0)
        return -3;
    return check_magic(m, err, errlen);
}

int rb__bk_mbdb_open(rb__bk_mbdb *m, int dirfd, char *err, size_t errlen)
{
    memset(m, 0, sizeof *m);
    m->fd = openat(dirfd, "Manifest.mbdb", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (m->fd < 0) {
        snprintf(err, errlen, "Manifest.mbdb cannot be opened: %s", strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(m->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "Manifest.mbdb is not a regular file");
        rb__bk_mbdb_close(m);
        return -1;
    }
    m->win = malloc(BK_MBDB_WINDOW);
    if (!m->win || init(m) != 0) {
        rb__bk_mbdb_close(m);
        return -3;
    }
    int rc = check_magic(m, err, errlen);
    if (rc != 0)
        rb__bk_mbdb_close(m);
    return rc;
}

void rb__bk_mbdb_close(rb__bk_mbdb *m)
{
    if (m->fd >= 0)
        close(m->fd);
    m->fd = -1;
    free(m->win);
    free(m->store);
    m->win = NULL;
    m->store = NULL;
}

static const uint8_t *window(const rb__bk_mbdb *m)
{
    return m->win ? m->win : m->mem;
}

/* Makes n bytes readable at the position: 0, BK_MBDB_CUT (the file ends first) or
 * BK_MBDB_IO. n is at most 65535 + 2, well inside the window. */
static int need(rb__bk_mbdb *m, size_t n)
{
    if (m->len - m->pos >= n)
        return 0;
    if (m->fd < 0)
        return BK_MBDB_CUT;
    memmove(m->win, m->win + m->pos, m->len - m->pos);
    m->len -= m->pos;
    m->pos = 0;
    while (m->len < n) {
        ssize_t r = read(m->fd, m->win + m->len, BK_MBDB_WINDOW - m->len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            m->read_errno = errno;
            return BK_MBDB_IO;
        }
        if (r == 0)
            return BK_MBDB_CUT;
        m->len += (size_t)r;
    }
    return 0;
}

static void advance(rb__bk_mbdb *m, size_t n)
{
    m->pos += n;
    m->off += n;
}

static uint64_t be(const uint8_t *p, int n)
{
    uint64_t v = 0;
    for (int i = 0; i < n; i++)
        v = v << 8 | p[i];
    return v;
}

static int check_magic(rb__bk_mbdb *m, char *err, size_t errlen)
{
    int rc = need(m, BK_MBDB_MAGIC_LEN);
    if (rc == BK_MBDB_IO) {
        snprintf(err, errlen, "Manifest.mbdb cannot be read: %s", strerror(m->read_errno));
        return -1;
    }
    const uint8_t *w = window(m) + m->pos;
    if (rc != 0 || memcmp(w, BK_MBDB_MAGIC, BK_MBDB_MAGIC_LEN) != 0) {
        size_t have = m->len - m->pos < BK_MBDB_MAGIC_LEN ? m->len - m->pos : BK_MBDB_MAGIC_LEN;
        char hex[16] = "";
        for (size_t i = 0; i < have; i++) /* not rb__hex: the fuzzer links this file alone */
            snprintf(hex + 2 * i, 3, "%02x", w[i]);
        if (have == BK_MBDB_MAGIC_LEN && memcmp(w, "mbdb", 4) == 0)
            snprintf(err, errlen, "Manifest.mbdb has format version %u.%u, not 5.0 (iOS 5-9); "
                     "it cannot be read", w[4], w[5]);
        else
            snprintf(err, errlen, "Manifest.mbdb does not start with the mbdb 5.0 header (%s%s found)",
                     have ? hex : "nothing", have && have < BK_MBDB_MAGIC_LEN ? ", cut short" : "");
        return -2;
    }
    advance(m, BK_MBDB_MAGIC_LEN);
    return 0;
}

/* Reads one length-prefixed string into the store at *used (NULL store: skipped). */
static int read_str(rb__bk_mbdb *m, rb__bk_mbdb_str *s, size_t *used)
{
    int rc = need(m, 2);
    if (rc)
        return rc;
    size_t n = (size_t)be(window(m) + m->pos, 2);
    if (n == 0xFFFF) {
        advance(m, 2);
        if (s) {
            s->p = "";
            s->len = 0;
            s->present = false;
        }
        return 0;
    }
    if ((rc = need(m, 2 + n)) != 0)
        return rc;
    if (s) {
        char *dst = m->store + *used;
        memcpy(dst, window(m) + m->pos + 2, n);
        dst[n] = '\0';
        *used += n + 1;
        s->p = dst;
        s->len = n;
        s->present = true;
    }
    advance(m, 2 + n);
    return 0;
}

static void fail(char *err, size_t errlen, const rb__bk_mbdb_rec *r, int rc, const char *where,
                 const rb__bk_mbdb *m)
{
    if (rc == BK_MBDB_IO)
        snprintf(err, errlen, "reading Manifest.mbdb failed in record %llu: %s",
                 (unsigned long long)r->index + 1, strerror(m->read_errno));
    else
        snprintf(err, errlen, "Manifest.mbdb ends in the middle of record %llu (byte %llu, in its %s): "
                 "the file was cut short, the records after it are lost",
                 (unsigned long long)r->index + 1, (unsigned long long)r->offset, where);
}

int rb__bk_mbdb_next(rb__bk_mbdb *m, rb__bk_mbdb_rec *r, char *err, size_t errlen)
{
    memset(r, 0, sizeof *r);
    r->domain.p = r->path.p = r->target.p = r->hash.p = r->key.p = "";
    r->index = m->index;
    r->offset = m->off;
    int rc = need(m, 1);
    if (rc == BK_MBDB_CUT)
        return BK_MBDB_END;
    if (rc) {
        fail(err, errlen, r, rc, "", m);
        return rc;
    }
    static const char *const names[] = {"domain", "path", "link target", "data hash", "encryption key"};
    rb__bk_mbdb_str *fields[] = {&r->domain, &r->path, &r->target, &r->hash, &r->key};
    size_t used = 0;
    for (int i = 0; i < 5; i++)
        if ((rc = read_str(m, fields[i], &used)) != 0) {
            fail(err, errlen, r, rc, names[i], m);
            return rc;
        }
    if ((rc = need(m, 40)) != 0) {
        fail(err, errlen, r, rc, "fixed fields (mode, times, size)", m);
        return rc;
    }
    const uint8_t *p = window(m) + m->pos;
    r->mode = (uint16_t)be(p, 2);
    r->inode = be(p + 2, 8);
    r->uid = (uint32_t)be(p + 10, 4);
    r->gid = (uint32_t)be(p + 14, 4);
    r->mtime = (uint32_t)be(p + 18, 4);
    r->atime = (uint32_t)be(p + 22, 4);
    r->ctime = (uint32_t)be(p + 26, 4);
    r->size = be(p + 30, 8);
    r->pclass = p[38];
    r->nprops = p[39];
    advance(m, 40);
    for (unsigned i = 0; i < r->nprops; i++)
        for (int k = 0; k < 2; k++)
            if ((rc = read_str(m, NULL, NULL)) != 0) {
                fail(err, errlen, r, rc, k ? "property values" : "property names", m);
                return rc;
            }
    m->index++;
    return BK_MBDB_RECORD;
}

const char *rb__bk_mbdb_record_problem(const rb__bk_mbdb_rec *r)
{
    unsigned type = r->mode & 0xF000u;
    if (type != BK_MBDB_DIR && type != BK_MBDB_FILE && type != BK_MBDB_LINK)
        return "its file type is unknown (neither file, folder nor link)";
    if (type == BK_MBDB_LINK && r->target.len == 0)
        return "it is a symbolic link without a target";
    if (type != BK_MBDB_FILE && r->size != 0)
        return type == BK_MBDB_DIR ? "it is a folder with a size" : "it is a link with a size";
    return NULL;
}
