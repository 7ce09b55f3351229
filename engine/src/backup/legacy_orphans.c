/* backup/legacy_orphans.c - content files in an iOS 5-9 backup folder that no record of
 * Manifest.mbdb names. The folder is counted per first byte of the name; only groups of
 * those buckets holding more files than the record pass found are looked up, by streaming
 * the mbdb again and keeping just the names of those buckets (a set capped per pass), so
 * memory stays bounded and a healthy backup costs one readdir. */
#include <dirent.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup/backup_private.h"

#define GROUP_NAMES 65536u

static const char *const known[] = {"Info.plist", "Manifest.plist", "Manifest.mbdb", "Manifest.mbdx",
                                    "Status.plist", "Snapshot"};

static int hexval(char c)
{
    return c <= '9' ? c - '0' : c - 'a' + 10;
}

static void unhex(const char *s, unsigned char out[20])
{
    for (int i = 0; i < 20; i++)
        out[i] = (unsigned char)(hexval(s[2 * i]) << 4 | hexval(s[2 * i + 1]));
}

/* Open-addressing set of 20-byte names; slot byte 20 marks use. */
struct set {
    unsigned char (*slot)[21];
    size_t cap, n;
};

static size_t slot_of(const struct set *s, const unsigned char k[20])
{
    uint64_t h;
    memcpy(&h, k + 4, 8); /* SHA-1 bytes are uniform; byte 0 is the bucket */
    return (size_t)(h & (s->cap - 1));
}

static bool set_has(const struct set *s, const unsigned char k[20])
{
    for (size_t i = slot_of(s, k);; i = (i + 1) & (s->cap - 1)) {
        if (!s->slot[i][20])
            return false;
        if (memcmp(s->slot[i], k, 20) == 0)
            return true;
    }
}

static int set_add(struct set *s, const unsigned char k[20])
{
    if ((s->n + 1) * 2 > s->cap) {
        struct set g = {calloc(s->cap * 2, 21), s->cap * 2, 0};
        if (!g.slot)
            return -1;
        for (size_t i = 0; i < s->cap; i++)
            if (s->slot[i][20])
                set_add(&g, s->slot[i]);
        free(s->slot);
        *s = g;
    }
    size_t i = slot_of(s, k);
    while (s->slot[i][20]) {
        if (memcmp(s->slot[i], k, 20) == 0)
            return 0;
        i = (i + 1) & (s->cap - 1);
    }
    memcpy(s->slot[i], k, 20);
    s->slot[i][20] = 1;
    s->n++;
    return 0;
}

static DIR *open_folder(int dirfd)
{
    int dfd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
    if (!d && dfd >= 0)
        close(dfd);
    return d;
}

static void orphan(rb__bk_verifier *v, const char *name, const char *why)
{
    v->r->summary.orphans++;
    rb__bk_report_add(v->r, "orphan_file", RB_BACKUP_WARNING, RB_BACKUP_CORRUPT, "", name, "",
                      "%s %s (left over; ignored on restore)", name, why);
}

/* Names of the referenced files in buckets [lo, hi] (flagged ones only), from the mbdb. */
static int collect(rb__bk_verifier *v, const bool *flag, int lo, int hi, struct set *s)
{
    char err[300];
    rb__bk_mbdb m;
    rb__bk_mbdb_rec rec;
    EVP_MD *sha1 = EVP_MD_fetch(NULL, "SHA1", NULL);
    EVP_MD_CTX *c = EVP_MD_CTX_new();
    bool opened = sha1 && c && rb__bk_mbdb_open(&m, v->dirfd, err, sizeof err) == 0;
    int rc = opened ? 0 : -2;
    while (rc == 0 && rb__bk_mbdb_next(&m, &rec, err, sizeof err) == BK_MBDB_RECORD) {
        unsigned char md[20];
        if ((rec.mode & 0xF000u) != BK_MBDB_FILE || EVP_DigestInit_ex(c, sha1, NULL) != 1 ||
            EVP_DigestUpdate(c, rec.domain.p, rec.domain.len) != 1 || EVP_DigestUpdate(c, "-", 1) != 1 ||
            EVP_DigestUpdate(c, rec.path.p, rec.path.len) != 1 || EVP_DigestFinal_ex(c, md, NULL) != 1)
            continue;
        if (md[0] >= lo && md[0] <= hi && flag[md[0]] && set_add(s, md) != 0)
            rc = -1;
    }
    if (opened)
        rb__bk_mbdb_close(&m);
    EVP_MD_free(sha1);
    EVP_MD_CTX_free(c);
    return rc;
}

rb_status rb__bk_legacy_check_orphans(rb__bk_verifier *v)
{
    v->prog.step = RB_BACKUP_STEP_ORPHANS;
    if (!rb__bk_progress(v))
        return rb__error(v->ctx, RB_ERR_CANCELLED, "cancelled");
    if (!v->db_ok)
        return RB_OK; /* no usable Manifest.mbdb: nothing says which files belong */
    DIR *d = open_folder(v->dirfd);
    if (!d)
        return RB_OK;
    uint32_t count[256] = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t l = strlen(e->d_name);
        if (rb__bk_is_fileid(e->d_name, l)) {
            count[hexval(e->d_name[0]) * 16 + hexval(e->d_name[1])]++;
            continue;
        }
        bool ok = false;
        for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
            ok = ok || strcmp(e->d_name, known[i]) == 0;
        if (!ok)
            orphan(v, e->d_name, "is not part of an iOS 5-9 backup");
    }
    bool flag[256];
    for (int i = 0; i < 256; i++)
        flag[i] = count[i] > v->present[i];
    rb_status st = RB_OK;
    for (int lo = 0; lo < 256 && st == RB_OK;) {
        if (!flag[lo]) {
            lo++;
            continue;
        }
        int hi = lo;
        uint64_t names = count[lo];
        while (hi + 1 < 256 && names + (flag[hi + 1] ? count[hi + 1] : 0) <= GROUP_NAMES) {
            hi++;
            names += flag[hi] ? count[hi] : 0;
        }
        struct set s = {calloc(1024, 21), 1024, 0};
        int rc = s.slot ? collect(v, flag, lo, hi, &s) : -1;
        if (rc != 0) {
            /* -2: Manifest.mbdb no longer opens; the record pass has said so already. */
            free(s.slot);
            if (rc == -1)
                st = rb__error(v->ctx, RB_ERR_NOMEM, "out of memory");
            break;
        }
        rewinddir(d);
        while ((e = readdir(d)) != NULL) {
            unsigned char k[20];
            if (!rb__bk_is_fileid(e->d_name, strlen(e->d_name)))
                continue;
            unhex(e->d_name, k);
            if (k[0] >= lo && k[0] <= hi && flag[k[0]] && !set_has(&s, k))
                orphan(v, e->d_name, "is not listed in Manifest.mbdb");
        }
        free(s.slot);
        lo = hi + 1;
        if (!rb__bk_progress(v))
            st = rb__error(v->ctx, RB_ERR_CANCELLED, "cancelled");
    }
    closedir(d);
    return st;
}
