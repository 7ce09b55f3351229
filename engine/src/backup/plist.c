/* backup/plist.c - bounded loading of the backup's plists and typed getters. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup/backup_private.h"

/* libplist dates count from 2001-01-01 (the Mac epoch). */
#define BK_MAC_EPOCH 978307200

plist_t rb__bk_plist_parse(const void *data, size_t len)
{
    if (!data || len < 8 || len > UINT32_MAX)
        return NULL;
    plist_t p = NULL;
    if (plist_is_binary(data, (uint32_t)len))
        plist_from_bin(data, (uint32_t)len, &p);
    else
        plist_from_xml(data, (uint32_t)len, &p);
    return p;
}

/* libplist's XML reader stops at </plist> and ignores what follows, so a plist padded or
 * overwritten past its end would pass; only white space may follow. The first end tag
 * ends the document (inside values "<" is always escaped). Returns the number of other
 * bytes after it (0 for binary plists: their trailer is at the very end). */
static size_t xml_trailing_junk(const char *buf, size_t len)
{
    static const char end[] = "</plist>";
    size_t el = sizeof end - 1;
    if (len < el || plist_is_binary(buf, (uint32_t)(len > UINT32_MAX ? UINT32_MAX : len)))
        return 0;
    size_t i = 0;
    while (i + el <= len && memcmp(buf + i, end, el) != 0)
        i++;
    if (i + el > len)
        return 0; /* no end tag: the parser refuses it anyway */
    size_t junk = 0;
    for (i += el; i < len; i++)
        if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\n' && buf[i] != '\r')
            junk++;
    return junk;
}

rb__bk_plist_rc rb__bk_plist_load(plist_t *out, int dirfd, const char *name, char *err, size_t errlen)
{
    *out = NULL;
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", name, strerror(errno));
        return errno == ENOENT ? BK_PLIST_MISSING : BK_PLIST_IO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s is not a regular file", name);
        close(fd);
        return BK_PLIST_INVALID;
    }
    if ((uint64_t)st.st_size > BK_MAX_PLIST_BYTES) {
        snprintf(err, errlen,
                 "%s is %lld bytes, over the %u MB limit this check reads, so it was not checked "
                 "(padded or damaged)",
                 name, (long long)st.st_size, BK_MAX_PLIST_BYTES >> 20);
        close(fd);
        return BK_PLIST_TOO_LARGE;
    }
    size_t len = (size_t)st.st_size;
    char *buf = malloc(len ? len : 1);
    if (!buf) {
        close(fd);
        snprintf(err, errlen, "out of memory");
        return BK_PLIST_IO;
    }
    size_t got = 0;
    while (got < len) {
        ssize_t n = read(fd, buf + got, len - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            snprintf(err, errlen, "%s: read failed: %s", name, n < 0 ? strerror(errno) : "short");
            free(buf);
            close(fd);
            return BK_PLIST_IO;
        }
        got += (size_t)n;
    }
    close(fd);
    size_t junk = xml_trailing_junk(buf, len);
    plist_t p = junk ? NULL : rb__bk_plist_parse(buf, len);
    free(buf);
    if (junk) {
        snprintf(err, errlen, "%s has %zu bytes of data after the end of the property list (damaged or padded)",
                 name, junk);
        return BK_PLIST_INVALID;
    }
    if (!p || plist_get_node_type(p) != PLIST_DICT) {
        plist_free(p);
        snprintf(err, errlen, "%s is not a valid property list", name);
        return BK_PLIST_INVALID;
    }
    *out = p;
    return BK_PLIST_OK;
}

const char *rb__bk_dict_str(plist_t dict, const char *key)
{
    plist_t n = dict ? plist_dict_get_item(dict, key) : NULL;
    if (!n || plist_get_node_type(n) != PLIST_STRING)
        return NULL;
    uint64_t len = 0;
    return plist_get_string_ptr(n, &len);
}

int rb__bk_dict_bool(plist_t dict, const char *key)
{
    plist_t n = dict ? plist_dict_get_item(dict, key) : NULL;
    if (!n || plist_get_node_type(n) != PLIST_BOOLEAN)
        return -1;
    uint8_t v = 0;
    plist_get_bool_val(n, &v);
    return v ? 1 : 0;
}

const uint8_t *rb__bk_dict_data(plist_t dict, const char *key, size_t *len)
{
    plist_t n = dict ? plist_dict_get_item(dict, key) : NULL;
    *len = 0;
    if (!n || plist_get_node_type(n) != PLIST_DATA)
        return NULL;
    uint64_t l = 0;
    const char *p = plist_get_data_ptr(n, &l);
    *len = (size_t)l;
    return (const uint8_t *)p;
}

int rb__bk_dict_date(plist_t dict, const char *key, int64_t *unix_seconds)
{
    plist_t n = dict ? plist_dict_get_item(dict, key) : NULL;
    if (!n || plist_get_node_type(n) != PLIST_DATE)
        return -1;
    int32_t sec = 0, usec = 0;
    plist_get_date_val(n, &sec, &usec);
    *unix_seconds = (int64_t)sec + BK_MAC_EPOCH;
    return 0;
}

bool rb__bk_is_fileid(const char *s, size_t len)
{
    if (!s || len != 40)
        return false;
    for (size_t i = 0; i < 40; i++) {
        char c = s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

bool rb__bk_path_unsafe(const char *p, size_t len)
{
    if (!p)
        return false;
    if (strlen(p) != len)
        return true; /* embedded NUL */
    if (len && p[0] == '/')
        return true;
    const char *s = p;
    while (*s) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n == 2 && s[0] == '.' && s[1] == '.')
            return true;
        if (!e)
            break;
        s = e + 1;
    }
    return false;
}
