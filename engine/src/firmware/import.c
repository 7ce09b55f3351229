/* firmware/import.c - adding an IPSW the shop already has (USB stick, another counter).
 *
 * Same filesystem: the file is hashed once and hard-linked into objects/ (no copy at all).
 * Otherwise it is copied once, hashed on the way, and the copy is what gets committed.
 * Either way it must match a catalog row (SHA-1, size and, if known, SHA-256).
 */
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__linux__)
#include <linux/fs.h>
#endif

#include "firmware/firmware_private.h"

#define COPY_CHUNK (4u << 20)

/* Copies src to dst (new file) while hashing; returns errno or -1 for crypto errors. */
static int copy_hashed(int in, int out, char sha1[41], char sha256[65], uint64_t total,
                       const rb_firmware_fetch_options *opts, int *cancelled)
{
    unsigned char *buf = malloc(COPY_CHUNK), d[EVP_MAX_MD_SIZE];
    EVP_MD_CTX *m1 = EVP_MD_CTX_new(), *m2 = EVP_MD_CTX_new();
    int err = 0;
    uint64_t done = 0;
    if (!buf || !m1 || !m2 || EVP_DigestInit_ex(m1, EVP_sha1(), NULL) != 1 ||
        EVP_DigestInit_ex(m2, EVP_sha256(), NULL) != 1) {
        err = ENOMEM;
        goto out;
    }
    for (;;) {
        ssize_t n = read(in, buf, COPY_CHUNK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            err = errno;
            break;
        }
        if (n == 0)
            break;
        EVP_DigestUpdate(m1, buf, (size_t)n);
        EVP_DigestUpdate(m2, buf, (size_t)n);
        if ((err = rb__write_all(out, buf, (size_t)n, NULL)) != 0)
            goto out;
        done += (uint64_t)n;
        if (rb__fw_report(opts, RB_FIRMWARE_STEP_VERIFY, done, total) < 0) {
            *cancelled = 1;
            goto out;
        }
    }
    unsigned int len;
    EVP_DigestFinal_ex(m1, d, &len);
    rb__hex(d, 20, sha1);
    EVP_DigestFinal_ex(m2, d, &len);
    rb__hex(d, 32, sha256);
    if (fsync(out) != 0)
        err = errno;
out:
    EVP_MD_CTX_free(m1);
    EVP_MD_CTX_free(m2);
    free(buf);
    return err;
}

/* Finds the catalog row for sha1; if unknown, refreshes the catalogs of the product
 * types named in Apple's file name ("iPhone11,8,iPhone12,1_15.0.2_19A404_Restore.ipsw"). */
static rb_status find_row(rb_firmware *fw, const char *file, const char *sha1,
                          rb_firmware_list **row)
{
    if (rb__fw_index_find_build(row, fw, sha1) == RB_OK)
        return RB_OK;
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    char names[256];
    snprintf(names, sizeof names, "%.*s", (int)strcspn(base, "_"), base);
    /* Pairs "Family N,M" are separated by commas too: rejoin them. */
    char *save = NULL, *tok = strtok_r(names, ",", &save);
    while (tok) {
        char *minor = strtok_r(NULL, ",", &save);
        if (!minor)
            break;
        char pt[128];
        snprintf(pt, sizeof pt, "%s,%s", tok, minor);
        rb_firmware_list *l = NULL;
        if (rb_firmware_catalog(&l, fw, pt, 0) == RB_OK)
            rb_firmware_list_free(l);
        tok = strtok_r(NULL, ",", &save);
    }
    rb_status st = rb__fw_index_find_build(row, fw, sha1);
    if (st != RB_OK)
        FW_ERR(fw, RB_ERR_NOT_FOUND, "%s (SHA-1 %s) is in no known catalog: run 'firmware list "
               "PRODUCTTYPE' for its model first", base, sha1);
    return st;
}

static rb_status check_row(rb_firmware *fw, const rb_firmware_build *b, const char *sha256,
                           uint64_t size)
{
    if (b->size != size)
        return FW_ERR(fw, RB_ERR_VERIFY, "size %llu differs from the catalog's %llu",
                      (unsigned long long)size, (unsigned long long)b->size);
    if (*b->sha256 && strcmp(b->sha256, sha256) != 0)
        return FW_ERR(fw, RB_ERR_VERIFY, "SHA-256 %s differs from the catalog's %s", sha256,
                      b->sha256);
    return RB_OK;
}

static rb_status import_file(rb_firmware_result *res, rb_firmware *fw, const char *file,
                             const rb_firmware_fetch_options *opts, bool force_copy)
{
    memset(res, 0, sizeof *res);
    struct stat sb, cb;
    if (stat(file, &sb) != 0)
        return FW_ERR(fw, rb__status_from_errno(errno), "cannot open %s: %s", file, strerror(errno));
    if (!S_ISREG(sb.st_mode))
        return FW_ERR(fw, RB_ERR_INVALID_ARG, "%s is not a regular file", file);
    bool same_fs = !force_copy && stat(fw->objdir, &cb) == 0 && cb.st_dev == sb.st_dev;
    char sha1[41], sha256[65];
    rb_firmware_list *row = NULL;
    char *tmp = NULL, *dst = NULL;
    int in = -1, out = -1;
    rb_status st;
    if (same_fs) {
        st = rb__fw_hash_file(fw, file, true, sha1, sha256, &res->size, opts);
    } else {
        tmp = rb__sprintf("%s/import-%ld.tmp", fw->partdir, (long)getpid());
        in = open(file, O_RDONLY | O_CLOEXEC);
        out = tmp ? open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0444) : -1;
        if (in < 0 || out < 0) {
            st = FW_ERR(fw, rb__status_from_errno(errno), "cannot copy %s: %s", file,
                        strerror(errno));
            goto out;
        }
        int cancelled = 0, err = 0;
        bool cloned = false;
#if defined(FICLONE)
        /* A reflink shares blocks (btrfs, XFS): no bytes copied; hashing reads once. */
        cloned = ioctl(out, FICLONE, in) == 0;
#endif
        if (!cloned)
            err = copy_hashed(in, out, sha1, sha256, (uint64_t)sb.st_size, opts, &cancelled);
        res->size = (uint64_t)sb.st_size;
        if (cloned)
            st = rb__fw_hash_file(fw, tmp, true, sha1, sha256, &res->size, opts);
        else if (cancelled)
            st = FW_ERR(fw, RB_ERR_CANCELLED, "import cancelled");
        else if (err)
            st = FW_ERR(fw, err > 0 ? rb__status_from_errno(err) : RB_ERR_GENERIC,
                        "cannot copy %s: %s", file, err > 0 ? strerror(err) : "crypto");
        else
            st = RB_OK;
    }
    if (st != RB_OK)
        goto out;
    memcpy(res->sha1, sha1, 41);
    if ((st = find_row(fw, file, sha1, &row)) != RB_OK ||
        (st = check_row(fw, &row->builds[0], sha256, res->size)) != RB_OK)
        goto out;
    dst = rb__fw_object_path(fw, sha1);
    if (!dst) {
        st = FW_ERR(fw, RB_ERR_NOMEM, "out of memory");
        goto out;
    }
    if (rb__fw_index_has(fw, sha1, NULL) && access(dst, R_OK) == 0) {
        res->already_cached = 1;
    } else if (tmp) {
        if (rename(tmp, dst) != 0) {
            st = FW_ERR(fw, rb__status_from_errno(errno), "cannot move into the cache: %s",
                        strerror(errno));
            goto out;
        }
        free(tmp);
        tmp = NULL;
    } else if (link(file, dst) != 0 && errno != EEXIST) {
        /* Same filesystem but no hard links (FAT stick, protected_hardlinks): copy. */
        rb__log("firmware", "link failed (%s): copying", strerror(errno));
        rb_firmware_list_free(row);
        free(dst);
        return import_file(res, fw, file, opts, true);
    }
    int dfd = open(fw->objdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    snprintf(res->path, sizeof res->path, "%s", dst);
    if (!res->already_cached)
        st = rb__fw_index_add(fw, sha1, sha256, res->size, opts && opts->pin);
    else if (opts && opts->pin)
        st = rb_firmware_pin(fw, sha1, 1);
out:
    if (in >= 0)
        close(in);
    if (out >= 0)
        close(out);
    if (tmp)
        unlink(tmp);
    free(tmp);
    free(dst);
    rb_firmware_list_free(row);
    return st;
}

rb_status rb_firmware_import(rb_firmware_result *res, rb_firmware *fw, const char *file,
                             const rb_firmware_fetch_options *opts)
{
    if (!res || !fw || !file)
        return RB_ERR_INVALID_ARG;
    return import_file(res, fw, file, opts, false);
}
