/* backup/files.c - the per-row pass over Manifest.db (streamed from the SQLite cursor, so
 * memory does not grow with the number of files) and the orphan pass over 00..ff. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup/backup_private.h"

#define CORRUPT RB_BACKUP_CORRUPT
#define ERR RB_BACKUP_ERROR
#define WARN RB_BACKUP_WARNING

static int hexval(char c)
{
    return c <= '9' ? c - '0' : c - 'a' + 10;
}

struct tick {
    rb__bk_verifier *v;
    rb__bk_lane *l;
};

static int on_bytes(void *payload, uint64_t n)
{
    struct tick *t = payload;
    atomic_fetch_add(&t->v->bytes_done, n);
    t->l->tick_bytes += n;
    if (t->l->tick_bytes >= (64u << 20)) {
        t->l->tick_bytes = 0;
        if (t->l->main ? !rb__bk_progress(t->v) : atomic_load(&t->v->cancel))
            return -1;
    }
    return 0;
}

int rb__bk_lane_init(rb__bk_lane *l, rb_backup_report *r, bool main)
{
    memset(l, 0, sizeof *l);
    l->r = r;
    l->main = main;
    l->buf = malloc(BK_BUF_BYTES + 64);
    l->sha1 = EVP_MD_fetch(NULL, "SHA1", NULL);
    l->md = EVP_MD_CTX_new();
    return l->buf && l->sha1 && l->md ? 0 : -1;
}

void rb__bk_lane_free(rb__bk_lane *l)
{
    /* The buffer held decrypted content of the customer's files. */
    if (l->buf)
        OPENSSL_cleanse(l->buf, BK_BUF_BYTES + 64);
    free(l->buf);
    EVP_MD_free(l->sha1);
    EVP_MD_CTX_free(l->md);
    l->buf = NULL;
    l->sha1 = NULL;
    l->md = NULL;
}

bool rb__bk_check_content(rb__bk_verifier *v, rb__bk_lane *l, const char *id, const char *domain,
                      const char *rel, const rb__bk_mbfile *mf, bool deep, rb__bk_sink_fn sink,
                      void *sink_payload)
{
    rb_backup_summary *s = &l->r->summary;
    /* iOS 5-9 backups keep content files flat in the backup folder. */
    int pfd = v->legacy ? v->dirfd : rb__bk_prefix_fd(v, id);
    int plen = v->legacy ? 0 : 2;
    const char *slash = v->legacy ? "" : "/";
    struct stat st;
    if (pfd < 0 || fstatat(pfd, id, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        int e = pfd < 0 ? ENOENT : errno;
        s->files_missing++;
        if (e == ENOENT && mf->size == 0) {
            rb__bk_report_add(l->r, "empty_file_missing", WARN, CORRUPT, domain, rel, id,
                          "an empty file has no content file");
            return true;
        }
        rb__bk_report_add(l->r, "file_missing", ERR, CORRUPT, domain, rel, id,
                      "the content file %.*s%s%s is %s", plen, id, slash, id,
                      e == ENOENT ? "missing" : strerror(e));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        rb__bk_report_add(l->r, "file_not_regular", ERR, CORRUPT, domain, rel, id,
                      "the content file %.*s%s%s is not a regular file (%s)", plen, id, slash, id,
                      S_ISLNK(st.st_mode) ? "a symbolic link" : "a folder or device");
        return false;
    }
    s->files_present++;
    l->present[hexval(id[0]) * 16 + hexval(id[1])]++;
    uint64_t want = v->encrypted ? (mf->size / 16 + 1) * 16 : mf->size;
    if ((uint64_t)st.st_size != want) {
        s->size_mismatches++;
        rb__bk_report_add(l->r, "file_size_mismatch", ERR, CORRUPT, domain, rel, id,
                      "the content file is %llu bytes, %llu expected%s",
                      (unsigned long long)st.st_size, (unsigned long long)want,
                      (uint64_t)st.st_size < want ? " (cut short)" : "");
        return false;
    }
    if (!deep)
        return true;
    bool want_sha1 = mf->has_digest && mf->digest_len == 20;
    if (mf->has_digest && mf->digest_len != 20) {
        /* Apple records a 20-byte SHA-1; anything else is a record this check cannot use,
         * and a content check skipped must not count as passed. */
        rb__bk_report_add(l->r, "digest_unknown", ERR, CORRUPT, domain, rel, id,
                      "the recorded digest is %zu bytes, not a 20-byte SHA-1: the content cannot "
                      "be checked against it (damaged file record)", mf->digest_len);
        return false;
    }
    uint8_t fkey[32];
    const uint8_t *key = NULL;
    if (v->encrypted) {
        if (!v->have_keys) {
            /* Without the password the verdict already is password_needed / wrong_password,
             * never restorable: presence and size were checked, content waits for the key. */
            if (v->r->any[RB_BACKUP_PASSWORD_NEEDED] || v->r->any[RB_BACKUP_WRONG_PASSWORD])
                return true;
            rb__bk_report_add(l->r, "file_not_checked", ERR, CORRUPT, domain, rel, id,
                          "the content was not checked: the backup's keys are not available");
            return false;
        }
        if (!mf->has_key || mf->key_len != 44) {
            s->decrypt_failures++;
            rb__bk_report_add(l->r, "file_key_invalid", ERR, CORRUPT, domain, rel, id,
                          "the file's encryption key is %s", mf->has_key ? "malformed" : "missing");
            return false;
        }
        if (rb__bk_keybag_unwrap(&v->kb, mf->key, mf->key_len, fkey) != 0) {
            OPENSSL_cleanse(fkey, sizeof fkey);
            s->decrypt_failures++;
            rb__bk_report_add(l->r, "file_key_invalid", ERR, CORRUPT, domain, rel, id,
                          "the file's encryption key does not unwrap with the backup's keys");
            return false;
        }
        uint32_t cls = (uint32_t)mf->key[0] | (uint32_t)mf->key[1] << 8 |
                       (uint32_t)mf->key[2] << 16 | (uint32_t)mf->key[3] << 24;
        if (mf->protection_class >= 0 && (int64_t)cls != mf->protection_class)
            rb__bk_report_add(l->r, "protection_class_mismatch", WARN, CORRUPT, domain, rel, id,
                          "key class %u differs from protection class %lld", cls,
                          (long long)mf->protection_class);
        key = fkey;
    }
    int fd = openat(pfd, id, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        OPENSSL_cleanse(fkey, sizeof fkey);
        rb__bk_report_add(l->r, "file_unreadable", ERR, CORRUPT, domain, rel, id,
                      "the content file cannot be opened: %s", strerror(errno));
        return false;
    }
    rb__bk_stream_result res;
    struct tick t = {v, l};
    rb__bk_stream(&res, fd, key, want_sha1, l->buf, sink, sink_payload, on_bytes, &t);
    close(fd);
    OPENSSL_cleanse(fkey, sizeof fkey);
    if (res.cancelled || res.sink_failed)
        return false;
    s->files_read++;
    s->bytes_read += res.bytes_read;
    if (res.read_errno) {
        rb__bk_report_add(l->r, "file_unreadable", ERR, CORRUPT, domain, rel, id,
                      "reading the content file failed: %s (disk damage?)", strerror(res.read_errno));
        return false;
    }
    bool ok = true;
    if (want_sha1) {
        s->digests_checked++;
        if (memcmp(res.sha1, mf->digest, 20) != 0) {
            s->digest_mismatches++;
            rb__bk_report_add(l->r, "file_digest_mismatch", ERR, CORRUPT, domain, rel, id,
                          "the content does not match its recorded SHA-1: it was changed or damaged");
            ok = false;
        }
    }
    if (key) {
        if (!res.padding_ok) {
            s->decrypt_failures++;
            rb__bk_report_add(l->r, "file_padding_invalid", ERR, CORRUPT, domain, rel, id,
                          "the file does not decrypt (invalid padding): damaged or re-encrypted badly");
            return false;
        }
        s->files_decrypted++;
        if (res.plain_len != mf->size)
            /* Reported by others on live WAL databases in real backups: not fatal. */
            rb__bk_report_add(l->r, "file_decrypted_size_mismatch", WARN, CORRUPT, domain, rel, id,
                          "decrypted to %llu bytes, %llu recorded",
                          (unsigned long long)res.plain_len, (unsigned long long)mf->size);
    }
    return ok;
}

void rb__bk_count_cat(rb__bk_lane *l, rb_backup_category c, bool intact, uint64_t size)
{
    rb_backup_category_stats *cs = &l->r->cats[c];
    if (intact) {
        cs->files_intact++;
        cs->bytes_intact += size;
    } else {
        cs->files_damaged++;
        cs->bytes_damaged += size;
    }
}

static void check_row(rb__bk_verifier *v, rb__bk_lane *l, sqlite3_stmt *s)
{
    rb_backup_summary *sm = &l->r->summary;
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
    unsigned char md[20];
    char hex[41];
    EVP_MD_CTX *c = l->md;
    bool hashed = EVP_DigestInit_ex(c, l->sha1, NULL) == 1 && EVP_DigestUpdate(c, domain, dlen) == 1 &&
                  EVP_DigestUpdate(c, "-", 1) == 1 && EVP_DigestUpdate(c, rel, rlen) == 1 &&
                  EVP_DigestFinal_ex(c, md, NULL) == 1;
    if (hashed)
        rb__hex(md, 20, hex);
    /* An ID equal to the hex digest is well formed; only a mismatch needs the slow look. */
    bool id_matches = hashed && idlen == 40 && memcmp(hex, id, 40) == 0;
    if (!id_matches && !rb__bk_is_fileid(id, idlen)) {
        rb__bk_report_add(l->r, "file_id_malformed", ERR, CORRUPT, domain, rel, "",
                      "the row's file ID \"%.60s\" is not 40 lowercase hex digits", id ? id : "");
        if (flags == 1)
            rb__bk_count_cat(l, cat, false, 0);
        return;
    }
    if (hashed && !id_matches)
        rb__bk_report_add(l->r, "file_id_mismatch", ERR, CORRUPT, domain, rel, id,
                      "the file ID is not SHA-1(domain-path) (%s expected)", hex);
    if (!hashed)
        rb__bk_report_add(l->r, "file_not_checked", ERR, CORRUPT, domain, rel, id,
                      "the file ID could not be checked (SHA-1 failed: out of memory?)");
    bool unsafe = rb__bk_path_unsafe(rel, rlen) || rb__bk_path_unsafe(domain, dlen) || strchr(domain, '/');
    if (unsafe)
        rb__bk_report_add(l->r, "path_unsafe", ERR, CORRUPT, domain, rel, id,
                      "the path tries to leave its folder (absolute, \"..\" or NUL)");
    if (flags != 1 && flags != 2 && flags != 4) {
        /* Neither file, folder nor link: nothing about it can be checked. */
        rb__bk_report_add(l->r, "row_flags_unknown", ERR, CORRUPT, domain, rel, id,
                      "unknown row kind %lld (1 file, 2 folder, 4 link expected): this row was "
                      "not checked", (long long)flags);
        return;
    }
    if (flags != 1)
        return;
    rb__bk_mbfile mf;
    char err[160];
    if (rb__bk_mbfile_parse(&mf, blob, blen, err, sizeof err) != 0) {
        rb__bk_report_add(l->r, "mbfile_invalid", ERR, CORRUPT, domain, rel, id, "%s", err);
        rb__bk_count_cat(l, cat, false, 0);
        return;
    }
    sm->bytes_total += mf.size;
    bool ok = rb__bk_check_content(v, l, id, domain, rel, &mf, v->opt.depth == RB_BACKUP_DEEP, NULL, NULL);
    rb__bk_count_cat(l, cat, ok && !unsafe, mf.size);
}

/* The rows are cut into rowid ranges that the lanes take in turn, each range into its
 * own report: a lane that runs slower (it shares its core with more of the kernel's work,
 * or its rows cost more) no longer leaves the other core idle at the end, and merging the
 * reports in range order keeps the findings in table order whichever lane read them. */
#define BK_CHUNKS 64

struct plan {
    rb__bk_verifier *v;
    int n;                              /* ranges; 1 with no rowids: the whole table */
    int64_t lo[BK_CHUNKS], hi[BK_CHUNKS];
    rb_backup_report *rep[BK_CHUNKS];
    atomic_int next;
};

struct lane_run {
    struct plan *plan;
    rb__bk_lane lane;
    sqlite3 *db;
    int rc;         /* last sqlite3_step result */
    bool failed;    /* a read stopped early: errmsg says why */
    char errmsg[200];
    bool nomem;
};

static bool run_range(struct lane_run *lr, sqlite3_stmt *s, uint64_t *n, uint64_t *pending)
{
    rb__bk_verifier *v = lr->plan->v;
    while ((lr->rc = sqlite3_step(s)) == SQLITE_ROW) {
        check_row(v, &lr->lane, s);
        if (sqlite3_column_int64(s, 3) == 1) {
            (*pending)++;
            (*n)++;
        }
        /* The shared counter is touched once per 512 files: per file, the two lanes
         * would bounce its cache line between the cores 200,000 times. */
        if ((*n & 511) == 0 && *pending) {
            atomic_fetch_add(&v->items_done, *pending);
            *pending = 0;
            if (lr->lane.main ? !rb__bk_progress(v) : atomic_load(&v->cancel))
                return false;
        }
        if (atomic_load(&v->cancel))
            return false;
    }
    if (lr->rc != SQLITE_DONE) {
        lr->failed = true;
        snprintf(lr->errmsg, sizeof lr->errmsg, "%s", sqlite3_errmsg(lr->db));
        return false;
    }
    return true;
}

static void *run_lane(void *payload)
{
    struct lane_run *lr = payload;
    struct plan *pl = lr->plan;
    sqlite3_stmt *s = NULL;
    const char *sql = pl->n > 1 ? BK_FILES_SQL " WHERE rowid BETWEEN ?1 AND ?2" : BK_FILES_SQL;
    lr->rc = sqlite3_prepare_v2(lr->db, sql, -1, &s, NULL);
    if (lr->rc != SQLITE_OK) {
        lr->failed = true;
        snprintf(lr->errmsg, sizeof lr->errmsg, "%s", sqlite3_errmsg(lr->db));
        return NULL;
    }
    uint64_t n = 0, pending = 0;
    int i;
    while ((i = atomic_fetch_add(&pl->next, 1)) < pl->n) {
        rb_backup_report *rep = rb__bk_report_new(pl->v->r->maxfindings);
        if (!rep) {
            lr->nomem = true;
            atomic_store(&pl->v->cancel, true);
            break;
        }
        pl->rep[i] = rep;
        lr->lane.r = rep;
        if (pl->n > 1) {
            sqlite3_bind_int64(s, 1, pl->lo[i]);
            sqlite3_bind_int64(s, 2, pl->hi[i]);
        }
        bool go_on = run_range(lr, s, &n, &pending);
        sqlite3_reset(s);
        if (!go_on)
            break;
    }
    atomic_fetch_add(&pl->v->items_done, pending);
    sqlite3_finalize(s);
    return NULL;
}

rb_status rb__bk_check_files(rb__bk_verifier *v)
{
    sqlite3_stmt *s = NULL;
    v->prog.step = RB_BACKUP_STEP_FILES;
    v->prog.step_fraction = 0;
    if (sqlite3_prepare_v2(v->db.db, "SELECT count(*) FROM Files WHERE flags = 1", -1, &s, NULL) ==
            SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        v->prog.items_total = (uint64_t)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    if (!rb__bk_progress(v))
        return rb__error(v->ctx, RB_ERR_CANCELLED, "cancelled");
    rb__bk_open_prefixes(v);
    struct plan *pl = calloc(1, sizeof *pl);
    if (!pl)
        return rb__error(v->ctx, RB_ERR_NOMEM, "out of memory");
    pl->v = v;
    pl->n = 1;
    atomic_init(&pl->next, 0);
    sqlite3_stmt *probe = NULL;
    if (sqlite3_prepare_v2(v->db.db, "SELECT min(rowid), max(rowid) FROM Files", -1, &probe, NULL) ==
            SQLITE_OK &&
        sqlite3_step(probe) == SQLITE_ROW && sqlite3_column_type(probe, 0) == SQLITE_INTEGER) {
        int64_t lo = sqlite3_column_int64(probe, 0), hi = sqlite3_column_int64(probe, 1);
        uint64_t span = (uint64_t)hi - (uint64_t)lo + 1;
        pl->n = span < BK_CHUNKS ? 1 : BK_CHUNKS;
        for (int i = 0; i < pl->n && pl->n > 1; i++) {
            pl->lo[i] = lo + (int64_t)(span / BK_CHUNKS * (uint64_t)i);
            pl->hi[i] = i == pl->n - 1 ? hi : lo + (int64_t)(span / BK_CHUNKS * (uint64_t)(i + 1)) - 1;
        }
    }
    sqlite3_finalize(probe);
    struct lane_run lr[2];
    memset(lr, 0, sizeof lr);
    int nl = v->db.db2 && pl->n > 1 ? 2 : 1;
    for (int i = 0; i < nl; i++) {
        lr[i].plan = pl;
        lr[i].db = i ? v->db.db2 : v->db.db;
        if (rb__bk_lane_init(&lr[i].lane, NULL, i == 0) != 0) {
            rb__bk_lane_free(&lr[0].lane);
            rb__bk_lane_free(&lr[1].lane);
            free(pl);
            return rb__error(v->ctx, RB_ERR_NOMEM, "out of memory");
        }
    }
    pthread_t th;
    bool threaded = nl == 2 && pthread_create(&th, NULL, run_lane, &lr[1]) == 0;
    run_lane(&lr[0]);
    if (threaded)
        pthread_join(th, NULL);
    else if (nl == 2)
        run_lane(&lr[1]);
    bool nomem = false, failed = false;
    for (int i = 0; i < pl->n; i++)
        if (pl->rep[i]) {
            rb__bk_report_merge(v->r, pl->rep[i]);
            rb_backup_report_free(pl->rep[i]);
        }
    for (int i = 0; i < nl; i++) {
        for (int k = 0; k < 256; k++)
            v->present[k] += lr[i].lane.present[k];
        if (lr[i].failed && !atomic_load(&v->cancel))
            rb__bk_report_add(v->r, "manifest_db_incomplete", RB_BACKUP_ERROR, CORRUPT, "", "Manifest.db", "",
                          "reading Manifest.db stopped part way (%s%s): the rows after that point "
                          "were not checked",
                          lr[i].errmsg, lr[i].rc == SQLITE_TOOBIG ? ": a row is over the "
                          BK_MAX_ROW_MB_STR " MB limit this check reads" : "");
        failed = failed || lr[i].failed;
        nomem = nomem || lr[i].nomem;
        rb__bk_lane_free(&lr[i].lane);
    }
    /* Every range taken and read to its end: only then do the counts cover the backup. */
    v->r->rows_complete = !failed && !nomem && !atomic_load(&v->cancel) && atomic_load(&pl->next) >= pl->n;
    free(pl);
    v->prog.bytes_total = v->r->summary.bytes_total;
    if (nomem)
        return rb__error(v->ctx, RB_ERR_NOMEM, "out of memory");
    if (atomic_load(&v->cancel))
        return rb__error(v->ctx, RB_ERR_CANCELLED, "cancelled");
    return RB_OK;
}

uint32_t rb__bk_count_entries(int dirfd)
{
    int dfd = dup(dirfd);
    DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
    if (!d) {
        if (dfd >= 0)
            close(dfd);
        return 0;
    }
    /* A dup shares the read position with every other dup of this folder. */
    rewinddir(d);
    uint32_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

/* Entries in a content folder that no row references. Only folders holding more entries
 * than rows found in them are looked up, so a healthy backup costs one readdir each. */
rb_status rb__bk_check_orphans(rb__bk_verifier *v)
{
    v->prog.step = RB_BACKUP_STEP_ORPHANS;
    if (!rb__bk_progress(v))
        return rb__error(v->ctx, RB_ERR_CANCELLED, "cancelled");
    sqlite3_stmt *q = NULL;
    if (v->db_ok)
        sqlite3_prepare_v2(v->db.db, "SELECT 1 FROM Files WHERE fileID = ?1", -1, &q, NULL);
    for (int i = 0; i < 256; i++) {
        unsigned char b = (unsigned char)i;
        char pre[3];
        rb__hex(&b, 1, pre);
        int fd = rb__bk_prefix_fd(v, pre);
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
        uint64_t n = v->entries_counted ? v->entries[i] : rb__bk_count_entries(fd);
        if ((v->db_ok && n > v->present[i]) || (!v->db_ok && v->encrypted)) {
            rewinddir(d);
            while ((e = readdir(d)) != NULL) {
                if (e->d_name[0] == '.')
                    continue;
                size_t l = strlen(e->d_name);
                if (q && rb__bk_is_fileid(e->d_name, l)) {
                    sqlite3_bind_text(q, 1, e->d_name, (int)l, SQLITE_STATIC);
                    int rc = sqlite3_step(q);
                    sqlite3_reset(q);
                    if (rc == SQLITE_ROW)
                        continue;
                    if (rc != SQLITE_DONE) {
                        rb__bk_report_add(v->r, "manifest_db_incomplete", ERR, CORRUPT, "", "Manifest.db", "",
                                      "looking up %s/%s in Manifest.db failed (%s)", pre, e->d_name,
                                      sqlite3_errmsg(v->db.db));
                        continue;
                    }
                }
                if (!q) {
                    /* No usable Manifest.db (password missing): sizes are still checkable. */
                    struct stat st;
                    if (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
                        (st.st_size == 0 || st.st_size % 16 != 0))
                        rb__bk_report_add(v->r, "file_size_mismatch", ERR, CORRUPT, "", e->d_name, "",
                                      "encrypted content file %s/%s is %lld bytes, not whole blocks",
                                      pre, e->d_name, (long long)st.st_size);
                    continue;
                }
                v->r->summary.orphans++;
                rb__bk_report_add(v->r, "orphan_file", WARN, CORRUPT, "", e->d_name, "",
                              "%s/%s is not listed in Manifest.db (left over; ignored on restore)",
                              pre, e->d_name);
            }
        }
        closedir(d);
    }
    sqlite3_finalize(q);
    return RB_OK;
}
