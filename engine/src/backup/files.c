/* backup/files.c - the per-row pass over Manifest.db (streamed from the SQLite cursor, so
 * memory does not grow with the number of files) and the orphan pass over 00..ff. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup/internal.h"

#define CORRUPT RB_BACKUP_CORRUPT
#define ERR RB_BACKUP_ERROR
#define WARN RB_BACKUP_WARNING

static int hexval(char c)
{
    return c <= '9' ? c - '0' : c - 'a' + 10;
}

static int on_bytes(void *payload, uint64_t n)
{
    bk_verifier *v = payload;
    v->prog.bytes_done += n;
    v->tick_bytes += n;
    if (v->tick_bytes >= (64u << 20)) {
        v->tick_bytes = 0;
        if (!bk_progress(v))
            return -1;
    }
    return 0;
}

bool bk_check_content(bk_verifier *v, const char *id, const char *domain, const char *rel,
                      const bk_mbfile *mf, bool deep, bk_sink_fn sink, void *sink_payload)
{
    rb_backup_summary *s = &v->r->summary;
    int pfd = bk_prefix_fd(v, id);
    struct stat st;
    if (pfd < 0 || fstatat(pfd, id, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        int e = pfd < 0 ? ENOENT : errno;
        s->files_missing++;
        if (e == ENOENT && mf->size == 0) {
            bk_report_add(v->r, "empty_file_missing", WARN, CORRUPT, domain, rel, id,
                          "an empty file has no content file");
            return true;
        }
        bk_report_add(v->r, "file_missing", ERR, CORRUPT, domain, rel, id,
                      "the content file %.2s/%s is %s", id, id,
                      e == ENOENT ? "missing" : strerror(e));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        bk_report_add(v->r, "file_not_regular", ERR, CORRUPT, domain, rel, id,
                      "the content file %.2s/%s is not a regular file (%s)", id, id,
                      S_ISLNK(st.st_mode) ? "a symbolic link" : "a folder or device");
        return false;
    }
    s->files_present++;
    v->present[hexval(id[0]) * 16 + hexval(id[1])]++;
    uint64_t want = v->encrypted ? (mf->size / 16 + 1) * 16 : mf->size;
    if ((uint64_t)st.st_size != want) {
        s->size_mismatches++;
        bk_report_add(v->r, "file_size_mismatch", ERR, CORRUPT, domain, rel, id,
                      "the content file is %llu bytes, %llu expected%s",
                      (unsigned long long)st.st_size, (unsigned long long)want,
                      (uint64_t)st.st_size < want ? " (cut short)" : "");
        return false;
    }
    if (!deep)
        return true;
    bool want_sha1 = mf->has_digest && mf->digest_len == 20;
    if (mf->has_digest && mf->digest_len != 20)
        bk_report_add(v->r, "digest_unknown", RB_BACKUP_INFO, CORRUPT, domain, rel, id,
                      "the recorded digest is %zu bytes, not a SHA-1; not checked", mf->digest_len);
    uint8_t fkey[32];
    const uint8_t *key = NULL;
    if (v->encrypted) {
        if (!v->have_keys)
            return true;
        if (!mf->has_key || mf->key_len != 44) {
            s->decrypt_failures++;
            bk_report_add(v->r, "file_key_invalid", ERR, CORRUPT, domain, rel, id,
                          "the file's encryption key is %s", mf->has_key ? "malformed" : "missing");
            return false;
        }
        if (bk_keybag_unwrap(&v->kb, mf->key, mf->key_len, fkey) != 0) {
            s->decrypt_failures++;
            bk_report_add(v->r, "file_key_invalid", ERR, CORRUPT, domain, rel, id,
                          "the file's encryption key does not unwrap with the backup's keys");
            return false;
        }
        uint32_t cls = (uint32_t)mf->key[0] | (uint32_t)mf->key[1] << 8 |
                       (uint32_t)mf->key[2] << 16 | (uint32_t)mf->key[3] << 24;
        if (mf->protection_class >= 0 && (int64_t)cls != mf->protection_class)
            bk_report_add(v->r, "protection_class_mismatch", WARN, CORRUPT, domain, rel, id,
                          "key class %u differs from protection class %lld", cls,
                          (long long)mf->protection_class);
        key = fkey;
    }
    int fd = openat(pfd, id, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        OPENSSL_cleanse(fkey, sizeof fkey);
        bk_report_add(v->r, "file_unreadable", ERR, CORRUPT, domain, rel, id,
                      "the content file cannot be opened: %s", strerror(errno));
        return false;
    }
    bk_stream_result res;
    bk_stream(&res, fd, key, want_sha1, v->buf, sink, sink_payload, on_bytes, v);
    close(fd);
    OPENSSL_cleanse(fkey, sizeof fkey);
    if (res.cancelled || res.sink_failed)
        return false;
    s->files_read++;
    s->bytes_read += res.bytes_read;
    if (res.read_errno) {
        bk_report_add(v->r, "file_unreadable", ERR, CORRUPT, domain, rel, id,
                      "reading the content file failed: %s (disk damage?)", strerror(res.read_errno));
        return false;
    }
    bool ok = true;
    if (want_sha1) {
        s->digests_checked++;
        if (memcmp(res.sha1, mf->digest, 20) != 0) {
            s->digest_mismatches++;
            bk_report_add(v->r, "file_digest_mismatch", ERR, CORRUPT, domain, rel, id,
                          "the content does not match its recorded SHA-1: it was changed or damaged");
            ok = false;
        }
    }
    if (key) {
        if (!res.padding_ok) {
            s->decrypt_failures++;
            bk_report_add(v->r, "file_padding_invalid", ERR, CORRUPT, domain, rel, id,
                          "the file does not decrypt (invalid padding): damaged or re-encrypted badly");
            return false;
        }
        s->files_decrypted++;
        if (res.plain_len != mf->size)
            /* Reported by others on live WAL databases in real backups: not fatal. */
            bk_report_add(v->r, "file_decrypted_size_mismatch", WARN, CORRUPT, domain, rel, id,
                          "decrypted to %llu bytes, %llu recorded",
                          (unsigned long long)res.plain_len, (unsigned long long)mf->size);
    }
    return ok;
}

static void count_cat(bk_verifier *v, rb_backup_category c, bool intact, uint64_t size)
{
    rb_backup_category_stats *cs = &v->r->cats[c];
    if (intact) {
        cs->files_intact++;
        cs->bytes_intact += size;
    } else {
        cs->files_damaged++;
        cs->bytes_damaged += size;
    }
}

static void check_row(bk_verifier *v, sqlite3_stmt *s)
{
    rb_backup_summary *sm = &v->r->summary;
    const char *id = (const char *)sqlite3_column_text(s, 0);
    size_t idlen = (size_t)sqlite3_column_bytes(s, 0);
    const char *domain = (const char *)sqlite3_column_text(s, 1);
    size_t dlen = (size_t)sqlite3_column_bytes(s, 1);
    const char *rel = (const char *)sqlite3_column_text(s, 2);
    size_t rlen = (size_t)sqlite3_column_bytes(s, 2);
    int64_t flags = sqlite3_column_int64(s, 3);
    const void *blob = sqlite3_column_blob(s, 4);
    size_t blen = (size_t)sqlite3_column_bytes(s, 4);
    if (!domain) domain = "";
    if (!rel) rel = "";
    sm->rows++;
    if (flags == 2) sm->directories++;
    else if (flags == 4) sm->symlinks++;
    else if (flags == 1) sm->files++;
    rb_backup_category cat = rb_backup_classify(domain, rel);
    if (!bk_is_fileid(id, idlen)) {
        bk_report_add(v->r, "file_id_malformed", ERR, CORRUPT, domain, rel, "",
                      "the row's file ID \"%.60s\" is not 40 lowercase hex digits", id ? id : "");
        if (flags == 1)
            count_cat(v, cat, false, 0);
        return;
    }
    unsigned char md[20];
    char hex[41];
    EVP_MD_CTX *c = EVP_MD_CTX_new();
    if (c && EVP_DigestInit_ex(c, EVP_sha1(), NULL) == 1) {
        EVP_DigestUpdate(c, domain, dlen);
        EVP_DigestUpdate(c, "-", 1);
        EVP_DigestUpdate(c, rel, rlen);
        EVP_DigestFinal_ex(c, md, NULL);
        rb__hex(md, 20, hex);
        if (memcmp(hex, id, 40) != 0)
            bk_report_add(v->r, "file_id_mismatch", ERR, CORRUPT, domain, rel, id,
                          "the file ID is not SHA-1(domain-path) (%s expected)", hex);
    }
    EVP_MD_CTX_free(c);
    bool unsafe = bk_path_unsafe(rel, rlen) || bk_path_unsafe(domain, dlen) || strchr(domain, '/');
    if (unsafe)
        bk_report_add(v->r, "path_unsafe", ERR, CORRUPT, domain, rel, id,
                      "the path tries to leave its folder (absolute, \"..\" or NUL)");
    if (flags != 1 && flags != 2 && flags != 4) {
        bk_report_add(v->r, "row_flags_unknown", WARN, CORRUPT, domain, rel, id,
                      "unknown row kind %lld", (long long)flags);
        return;
    }
    if (flags != 1)
        return;
    bk_mbfile mf;
    char err[160];
    if (bk_mbfile_parse(&mf, blob, blen, err, sizeof err) != 0) {
        bk_report_add(v->r, "mbfile_invalid", ERR, CORRUPT, domain, rel, id, "%s", err);
        count_cat(v, cat, false, 0);
        return;
    }
    sm->bytes_total += mf.size;
    v->prog.bytes_total = sm->bytes_total;
    bool ok = bk_check_content(v, id, domain, rel, &mf, v->opt.depth == RB_BACKUP_DEEP, NULL, NULL);
    count_cat(v, cat, ok && !unsafe, mf.size);
}

rb_status bk_check_files(bk_verifier *v)
{
    sqlite3_stmt *s = NULL;
    v->prog.step = RB_BACKUP_STEP_FILES;
    v->prog.step_fraction = 0;
    if (sqlite3_prepare_v2(v->db.db, "SELECT count(*) FROM Files WHERE flags = 1", -1, &s, NULL) ==
            SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        v->prog.items_total = (uint64_t)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    if (!bk_progress(v))
        return rb__error(v->ctx, RB_ERR_CANCELLED, "cancelled");
    if (sqlite3_prepare_v2(v->db.db, BK_FILES_SQL, -1, &s, NULL) != SQLITE_OK)
        return rb__error(v->ctx, RB_ERR_DB, "Manifest.db: %s", sqlite3_errmsg(v->db.db));
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        check_row(v, s);
        if (sqlite3_column_int64(s, 3) == 1)
            v->prog.items_done++;
        if (v->cancelled || ((v->prog.items_done & 1023) == 0 && !bk_progress(v))) {
            sqlite3_finalize(s);
            return rb__error(v->ctx, RB_ERR_CANCELLED, "cancelled");
        }
        if (v->prog.items_total)
            v->prog.step_fraction = (double)v->prog.items_done / (double)v->prog.items_total;
    }
    if (rc != SQLITE_DONE)
        bk_report_add(v->r, "manifest_db_integrity", ERR, CORRUPT, "", "Manifest.db", "",
                      "reading Manifest.db stopped: %s", sqlite3_errmsg(v->db.db));
    sqlite3_finalize(s);
    return RB_OK;
}

/* Entries in a content folder that no row references. Only folders holding more entries
 * than rows found in them are looked up, so a healthy backup costs one readdir each. */
rb_status bk_check_orphans(bk_verifier *v)
{
    v->prog.step = RB_BACKUP_STEP_ORPHANS;
    if (!bk_progress(v))
        return rb__error(v->ctx, RB_ERR_CANCELLED, "cancelled");
    sqlite3_stmt *q = NULL;
    if (v->db_ok)
        sqlite3_prepare_v2(v->db.db, "SELECT 1 FROM Files WHERE fileID = ?1", -1, &q, NULL);
    static const char hexd[] = "0123456789abcdef";
    for (int i = 0; i < 256; i++) {
        char pre[3] = {hexd[i >> 4], hexd[i & 15], 0};
        int fd = bk_prefix_fd(v, pre);
        if (fd < 0)
            continue;
        int dfd = dup(fd);
        DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
        if (!d) {
            if (dfd >= 0)
                close(dfd);
            continue;
        }
        struct dirent *e;
        uint64_t n = 0;
        while ((e = readdir(d)) != NULL)
            n += e->d_name[0] != '.';
        if ((v->db_ok && n > v->present[i]) || (!v->db_ok && v->encrypted)) {
            rewinddir(d);
            while ((e = readdir(d)) != NULL) {
                if (e->d_name[0] == '.')
                    continue;
                size_t l = strlen(e->d_name);
                if (q && bk_is_fileid(e->d_name, l)) {
                    sqlite3_bind_text(q, 1, e->d_name, (int)l, SQLITE_STATIC);
                    int rc = sqlite3_step(q);
                    sqlite3_reset(q);
                    if (rc == SQLITE_ROW)
                        continue;
                }
                if (!q) {
                    /* No usable Manifest.db (password missing): sizes are still checkable. */
                    struct stat st;
                    if (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
                        (st.st_size == 0 || st.st_size % 16 != 0))
                        bk_report_add(v->r, "file_size_mismatch", ERR, CORRUPT, "", e->d_name, "",
                                      "encrypted content file %s/%s is %lld bytes, not whole blocks",
                                      pre, e->d_name, (long long)st.st_size);
                    continue;
                }
                v->r->summary.orphans++;
                bk_report_add(v->r, "orphan_file", WARN, CORRUPT, "", e->d_name, "",
                              "%s/%s is not listed in Manifest.db (left over; ignored on restore)",
                              pre, e->d_name);
            }
        }
        closedir(d);
    }
    sqlite3_finalize(q);
    return RB_OK;
}
