/* backup/legacy.c - iOS 5-9 backups (Manifest.mbdb, content files flat in the backup
 * folder): the record pass, the orphan pass and extraction rows. Each record becomes the
 * same MBFile view as a Manifest.db row and goes through the same per-file checks
 * (rb__bk_check_content), so both layouts give the same findings for the same damage. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup/backup_private.h"

#define CORRUPT RB_BACKUP_CORRUPT
#define ERR RB_BACKUP_ERROR
#define WARN RB_BACKUP_WARNING
#define TYPE(r) ((unsigned)(r)->mode & 0xF000u)

void rb__bk_legacy_headers(rb__bk_verifier *v)
{
    char err[200];
    rb__bk_mbdb m;
    v->legacy = true;
    int rc = rb__bk_mbdb_open(&m, v->dirfd, err, sizeof err);
    if (rc == 0)
        rb__bk_mbdb_close(&m);
    v->mbdb_ok = rc == 0;
    if (rc == -2)
        rb__bk_report_add(v->r, "manifest_mbdb_invalid", ERR, CORRUPT, "", "Manifest.mbdb", "",
                          "%s: it is damaged, so no file of this iOS 5-9 backup can be named", err);
    else if (rc != 0)
        rb__bk_report_add(v->r, "manifest_mbdb_unreadable", ERR, CORRUPT, "", "Manifest.mbdb", "", "%s",
                          rc == -3 ? "out of memory reading Manifest.mbdb" : err);
}

static bool sha1_of_name(EVP_MD_CTX *c, const EVP_MD *sha1, const rb__bk_mbdb_rec *r, unsigned char md[20])
{
    return EVP_DigestInit_ex(c, sha1, NULL) == 1 && EVP_DigestUpdate(c, r->domain.p, r->domain.len) == 1 &&
           EVP_DigestUpdate(c, "-", 1) == 1 && EVP_DigestUpdate(c, r->path.p, r->path.len) == 1 &&
           EVP_DigestFinal_ex(c, md, NULL) == 1;
}

static void file_id(EVP_MD_CTX *c, const EVP_MD *sha1, const rb__bk_mbdb_rec *r, char out[41])
{
    unsigned char md[20];
    if (!sha1_of_name(c, sha1, r, md))
        memset(md, 0, sizeof md);
    rb__hex(md, 20, out);
}

/* The record seen as a Manifest.db MBFile. In encrypted legacy backups the data hash is
 * left out: whether it covers the stored (encrypted) or the decrypted bytes is not
 * documented and cannot be settled without a device, so it must not call a file damaged. */
static void to_mbfile(const rb__bk_verifier *v, const rb__bk_mbdb_rec *r, rb__bk_mbfile *mf)
{
    memset(mf, 0, sizeof *mf);
    mf->size = r->size;
    mf->has_size = true;
    mf->mode = r->mode;
    mf->protection_class = r->pclass;
    if (r->hash.len && !v->encrypted) {
        mf->has_digest = true;
        mf->digest_len = r->hash.len;
        memcpy(mf->digest, r->hash.p, r->hash.len < sizeof mf->digest ? r->hash.len : sizeof mf->digest);
    }
    if (r->key.present) {
        mf->has_key = true;
        mf->key_len = r->key.len;
        memcpy(mf->key, r->key.p, r->key.len < sizeof mf->key ? r->key.len : sizeof mf->key);
    }
}

static void check_record(rb__bk_verifier *v, rb__bk_lane *l, const rb__bk_mbdb_rec *r, bool *hash_seen)
{
    rb_backup_summary *sm = &l->r->summary;
    const char *domain = r->domain.p, *rel = r->path.p;
    char id[41];
    file_id(l->md, l->sha1, r, id);
    sm->rows++;
    unsigned type = TYPE(r);
    if (type == BK_MBDB_DIR) sm->directories++;
    else if (type == BK_MBDB_LINK) sm->symlinks++;
    else if (type == BK_MBDB_FILE) sm->files++;
    const char *why = rb__bk_mbdb_record_problem(r);
    if (why)
        rb__bk_report_add(l->r, "mbdb_record_invalid", ERR, CORRUPT, domain, rel, id,
                          "record %llu of Manifest.mbdb (byte %llu) is damaged: %s (mode 0%06o, size %llu)",
                          (unsigned long long)r->index + 1, (unsigned long long)r->offset, why,
                          (unsigned)r->mode, (unsigned long long)r->size);
    bool unsafe = rb__bk_path_unsafe(rel, r->path.len) || rb__bk_path_unsafe(domain, r->domain.len) ||
                  memchr(domain, '/', r->domain.len);
    if (unsafe)
        rb__bk_report_add(l->r, "path_unsafe", ERR, CORRUPT, domain, rel, id,
                          "the path in record %llu of Manifest.mbdb tries to leave its folder "
                          "(absolute, \"..\" or NUL)", (unsigned long long)r->index + 1);
    if (type != BK_MBDB_FILE)
        return;
    rb__bk_mbfile mf;
    to_mbfile(v, r, &mf);
    *hash_seen = *hash_seen || (v->encrypted && r->hash.len && v->opt.depth == RB_BACKUP_DEEP);
    sm->bytes_total += mf.size;
    bool ok = rb__bk_check_content(v, l, id, domain, rel, &mf, v->opt.depth == RB_BACKUP_DEEP, NULL, NULL);
    rb__bk_count_cat(l, rb_backup_classify(domain, rel), ok && !unsafe, mf.size);
}

/* Where the stream stopped early: the record is named by what could be read of it. */
static void report_stop(rb_backup_report *r, int k, const rb__bk_mbdb_rec *rec, const char *err)
{
    bool named = rec->domain.len > 0;
    rb__bk_report_add(r, k == BK_MBDB_CUT ? "manifest_mbdb_truncated" : "manifest_mbdb_unreadable", ERR,
                      CORRUPT, named ? rec->domain.p : "", named ? rec->path.p : "Manifest.mbdb", "", "%s",
                      k == BK_MBDB_NOMEM ? "out of memory reading Manifest.mbdb" : err);
}

static uint64_t count_files(rb__bk_verifier *v)
{
    char err[300];
    rb__bk_mbdb m;
    rb__bk_mbdb_rec rec;
    uint64_t n = 0;
    if (rb__bk_mbdb_open(&m, v->dirfd, err, sizeof err) != 0)
        return 0;
    while (rb__bk_mbdb_next(&m, &rec, err, sizeof err) == BK_MBDB_RECORD)
        n += TYPE(&rec) == BK_MBDB_FILE;
    rb__bk_mbdb_close(&m);
    return n;
}

rb_status rb__bk_legacy_check_files(rb__bk_verifier *v)
{
    char err[300];
    v->prog.step = RB_BACKUP_STEP_FILES;
    v->prog.step_fraction = 0;
    if (v->opt.progress)
        v->prog.items_total = count_files(v);
    if (!rb__bk_progress(v))
        return rb__error(v->ctx, RB_ERR_CANCELLED, "cancelled");
    rb__bk_mbdb m;
    int rc = rb__bk_mbdb_open(&m, v->dirfd, err, sizeof err);
    if (rc == -3)
        return rb__error(v->ctx, RB_ERR_NOMEM, "out of memory");
    if (rc != 0) {
        /* It was readable when the headers were checked: it changed or the disk failed. */
        rb__bk_report_add(v->r, "manifest_mbdb_unreadable", ERR, CORRUPT, "", "Manifest.mbdb", "", "%s", err);
        return RB_OK;
    }
    rb__bk_lane lane;
    if (rb__bk_lane_init(&lane, v->r, true) != 0) {
        rb__bk_lane_free(&lane);
        rb__bk_mbdb_close(&m);
        return rb__error(v->ctx, RB_ERR_NOMEM, "out of memory");
    }
    bool hash_seen = false;
    uint64_t n = 0, pending = 0;
    rb__bk_mbdb_rec rec;
    int k;
    while ((k = rb__bk_mbdb_next(&m, &rec, err, sizeof err)) == BK_MBDB_RECORD) {
        check_record(v, &lane, &rec, &hash_seen);
        if (TYPE(&rec) == BK_MBDB_FILE && (++pending, (++n & 511) == 0)) {
            atomic_fetch_add(&v->items_done, pending);
            pending = 0;
            if (!rb__bk_progress(v))
                break;
        }
        if (atomic_load(&v->cancel))
            break;
    }
    atomic_fetch_add(&v->items_done, pending);
    if (k < 0 && !atomic_load(&v->cancel))
        report_stop(v->r, k, &rec, err);
    v->r->rows_complete = k == BK_MBDB_END && !atomic_load(&v->cancel);
    if (hash_seen)
        rb__bk_report_add(v->r, "legacy_hash_not_checked", RB_BACKUP_INFO, CORRUPT, "", "Manifest.mbdb", "",
                          "encrypted iOS 5-9 backup: it is not documented whether the recorded SHA-1s cover "
                          "the encrypted or the decrypted bytes, and that cannot be settled without a device, "
                          "so they were not used; with the password every file is decrypted and its padding "
                          "checked instead");
    for (int i = 0; i < 256; i++)
        v->present[i] += lane.present[i];
    rb__bk_lane_free(&lane);
    rb__bk_mbdb_close(&m);
    v->prog.bytes_total = v->r->summary.bytes_total;
    if (atomic_load(&v->cancel))
        return rb__error(v->ctx, RB_ERR_CANCELLED, "cancelled");
    return RB_OK;
}

/* ---- extraction rows ---- */

struct rb__bk_legacy_iter {
    rb__bk_verifier *v;
    rb__bk_mbdb m;
    rb__bk_mbdb_rec rec;
    EVP_MD *sha1;
    EVP_MD_CTX *md;
};

rb__bk_legacy_iter *rb__bk_legacy_iter_new(rb__bk_verifier *v)
{
    char err[300];
    rb__bk_legacy_iter *it = calloc(1, sizeof *it);
    if (!it)
        return NULL;
    it->v = v;
    it->sha1 = EVP_MD_fetch(NULL, "SHA1", NULL);
    it->md = EVP_MD_CTX_new();
    if (!it->sha1 || !it->md || rb__bk_mbdb_open(&it->m, v->dirfd, err, sizeof err) != 0) {
        EVP_MD_free(it->sha1);
        EVP_MD_CTX_free(it->md);
        free(it);
        return NULL;
    }
    return it;
}

int rb__bk_legacy_next_file(rb__bk_legacy_iter *it, rb__bk_row *row, rb__bk_mbfile *mf)
{
    char err[300];
    int k;
    while ((k = rb__bk_mbdb_next(&it->m, &it->rec, err, sizeof err)) == BK_MBDB_RECORD) {
        const rb__bk_mbdb_rec *r = &it->rec;
        if (TYPE(r) != BK_MBDB_FILE)
            continue;
        memset(row, 0, sizeof *row);
        file_id(it->md, it->sha1, r, row->idbuf);
        row->id = row->idbuf;
        row->idlen = 40;
        row->domain = r->domain.p;
        row->dlen = r->domain.len;
        row->rel = r->path.p;
        row->rlen = r->path.len;
        row->parsed = true;
        to_mbfile(it->v, r, mf);
        return 1;
    }
    return k;
}

void rb__bk_legacy_iter_free(rb__bk_legacy_iter *it)
{
    if (!it)
        return;
    rb__bk_mbdb_close(&it->m);
    EVP_MD_free(it->sha1);
    EVP_MD_CTX_free(it->md);
    free(it);
}
