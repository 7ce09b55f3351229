/* firmware/maint.c - status, verify, prune (LRU eviction) and pin. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/platform.h"
#include "firmware/firmware_private.h"

static void partial_usage(rb_firmware *fw, uint64_t *bytes, size_t *count)
{
    *bytes = 0;
    *count = 0;
    DIR *d = opendir(fw->partdir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".part") != 0)
            continue;
        char *p = rb__path_join(fw->partdir, e->d_name);
        struct stat sb;
        if (p && stat(p, &sb) == 0) {
            *bytes += (uint64_t)sb.st_size;
            (*count)++;
        }
        free(p);
    }
    closedir(d);
}

void rb_firmware_status_free(rb_firmware_status *st)
{
    if (st)
        free(st->entries);
    free(st);
}

rb_status rb_firmware_status_get(rb_firmware_status **out, rb_firmware *fw)
{
    if (!out || !fw)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    rb__fw_index_reconcile(fw);
    rb_firmware_status *st = calloc(1, sizeof *st);
    if (!st)
        return FW_ERR(fw, RB_ERR_NOMEM, "out of memory");
    st->budget_bytes = fw->budget;
    partial_usage(fw, &st->partial_bytes, &st->partial_count);
    sqlite3_stmt *s;
    const char *sql =
        "SELECT o.sha1, o.sha256, o.size, o.added_at, o.last_used, o.verified_at, o.pinned,"
        " (SELECT group_concat(product_type, ',') || ' ' || version || ' (' || build || ')'"
        "  FROM builds b WHERE b.sha1 = o.sha1 GROUP BY version, build LIMIT 1)"
        " FROM objects o ORDER BY o.use_seq DESC, o.last_used DESC, o.sha1";
    if (sqlite3_prepare_v2(fw->db, sql, -1, &s, NULL) != SQLITE_OK) {
        free(st);
        return FW_ERR(fw, RB_ERR_DB, "cache index: %s", sqlite3_errmsg(fw->db));
    }
    size_t cap = 0;
    rb_status rc = RB_OK;
    while (sqlite3_step(s) == SQLITE_ROW) {
        if (st->count == cap) {
            cap = cap ? cap * 2 : 16;
            rb_firmware_entry *ne = realloc(st->entries, cap * sizeof *ne);
            if (!ne) {
                rc = FW_ERR(fw, RB_ERR_NOMEM, "out of memory");
                break;
            }
            st->entries = ne;
        }
        rb_firmware_entry *e = &st->entries[st->count++];
        memset(e, 0, sizeof *e);
        snprintf(e->sha1, sizeof e->sha1, "%s", (const char *)sqlite3_column_text(s, 0));
        snprintf(e->sha256, sizeof e->sha256, "%s", (const char *)sqlite3_column_text(s, 1));
        e->size = (uint64_t)sqlite3_column_int64(s, 2);
        e->added_at = sqlite3_column_int64(s, 3);
        e->last_used = sqlite3_column_int64(s, 4);
        e->verified_at = sqlite3_column_int64(s, 5);
        e->pinned = sqlite3_column_int(s, 6);
        const unsigned char *label = sqlite3_column_text(s, 7);
        snprintf(e->label, sizeof e->label, "%s", label ? (const char *)label : "");
        st->total_bytes += e->size;
    }
    sqlite3_finalize(s);
    if (rc != RB_OK) {
        rb_firmware_status_free(st);
        return rc;
    }
    *out = st;
    return RB_OK;
}

static rb_status catalog_sha256(rb_firmware *fw, const char *sha1, char out[65])
{
    out[0] = '\0';
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(fw->db,
                           "SELECT sha256 FROM objects WHERE sha1=?1 UNION ALL SELECT sha256 FROM"
                           " builds WHERE sha1=?1", -1, &s, NULL) != SQLITE_OK)
        return RB_ERR_DB;
    sqlite3_bind_text(s, 1, sha1, -1, SQLITE_TRANSIENT);
    while (!out[0] && sqlite3_step(s) == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(s, 0);
        if (v && strlen(v) == 64)
            snprintf(out, 65, "%s", v);
    }
    sqlite3_finalize(s);
    return RB_OK;
}

rb_status rb__fw_verify_one(rb_firmware *fw, const char *sha1, bool *bad,
                            const rb_firmware_fetch_options *opts)
{
    *bad = false;
    char want256[65], got1[41], got256[65];
    catalog_sha256(fw, sha1, want256);
    char *p = rb__fw_object_path(fw, sha1);
    if (!p)
        return FW_ERR(fw, RB_ERR_NOMEM, "out of memory");
    rb_status st = rb__fw_hash_file(fw, p, want256[0] != 0, got1, got256, NULL, opts);
    if (st == RB_ERR_NOT_FOUND || (st == RB_OK && (strcmp(got1, sha1) != 0 ||
                                                   (want256[0] && strcmp(got256, want256) != 0)))) {
        rb__log("firmware", "%s is damaged or missing: removed from the cache", sha1);
        *bad = true;
        unlink(p);
        st = rb__fw_index_remove(fw, sha1);
    } else if (st == RB_OK) {
        st = rb__fw_index_set_verified(fw, sha1);
        char boot[64];
        rb__fw_boot_id(boot);
        /* Read back intact after a reboot: what is on disk now is durable. */
        if (st == RB_OK && rb__fw_index_needs_check(fw, sha1, boot))
            st = rb__fw_index_mark_durable(fw, sha1);
    }
    free(p);
    return st;
}

rb_status rb_firmware_verify(size_t *bad_out, rb_firmware *fw, const char *sha1,
                             const rb_firmware_fetch_options *opts)
{
    if (!fw)
        return RB_ERR_INVALID_ARG;
    size_t bad = 0;
    rb_status st = RB_OK;
    if (sha1) {
        char full[41];
        if ((st = rb__fw_index_resolve(fw, sha1, full)) != RB_OK)
            return st;
        bool b;
        st = rb__fw_verify_one(fw, full, &b, opts);
        bad += b;
    } else {
        rb_firmware_status *s = NULL;
        if ((st = rb_firmware_status_get(&s, fw)) != RB_OK)
            return st;
        for (size_t i = 0; i < s->count && st == RB_OK; i++) {
            bool b;
            st = rb__fw_verify_one(fw, s->entries[i].sha1, &b, opts);
            bad += b;
        }
        rb_firmware_status_free(s);
    }
    if (bad_out)
        *bad_out = bad;
    if (st == RB_OK && bad)
        st = FW_ERR(fw, RB_ERR_VERIFY, "%zu cached file(s) did not match and were removed", bad);
    return st;
}

/* Removes .part files nobody is downloading (their lock can be taken). */
static void prune_partials(rb_firmware *fw, uint64_t *freed)
{
    DIR *d = opendir(fw->partdir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n != 45 || strcmp(e->d_name + 40, ".part") != 0)
            continue;
        char base[41];
        memcpy(base, e->d_name, 40);
        base[40] = '\0';
        char *lp = rb__sprintf("%s/%s.lock", fw->partdir, base);
        char *pp = rb__sprintf("%s/%s.part", fw->partdir, base);
        char *sp = rb__sprintf("%s/%s.json", fw->partdir, base);
        int fd = lp ? open(lp, O_RDWR | O_CREAT | O_CLOEXEC, 0644) : -1;
        if (fd >= 0 && rb__lock_try(fd) == 0) {
            struct stat sb;
            if (pp && stat(pp, &sb) == 0 && unlink(pp) == 0)
                *freed += (uint64_t)sb.st_size;
            if (sp)
                unlink(sp);
        }
        if (fd >= 0)
            close(fd);
        free(lp);
        free(pp);
        free(sp);
    }
    closedir(d);
}

rb_status rb__fw_prune(rb_firmware *fw, uint64_t to, const char *keep, uint64_t *freed)
{
    *freed = 0;
    rb_firmware_status *s = NULL;
    rb_status st = rb_firmware_status_get(&s, fw);
    if (st != RB_OK)
        return st;
    uint64_t total = s->total_bytes;
    /* entries are most recently used first: evict from the end */
    for (size_t i = s->count; i-- > 0 && total > to;) {
        const rb_firmware_entry *e = &s->entries[i];
        if (e->pinned || (keep && strcmp(e->sha1, keep) == 0))
            continue;
        char *p = rb__fw_object_path(fw, e->sha1);
        if (!p)
            break;
        /* Index row first: a crash after it leaves a file that reconcile re-adds, never a
         * row pointing at nothing. */
        if (rb__fw_index_remove(fw, e->sha1) == RB_OK && (unlink(p) == 0 || errno == ENOENT)) {
            rb__log("firmware", "evicted %s (%s)", e->sha1, e->label);
            total -= e->size;
            *freed += e->size;
        }
        free(p);
    }
    rb_firmware_status_free(s);
    if (to == 0)
        prune_partials(fw, freed);
    return RB_OK;
}

rb_status rb_firmware_prune(uint64_t *freed_out, rb_firmware *fw, uint64_t to_bytes)
{
    if (!fw)
        return RB_ERR_INVALID_ARG;
    uint64_t freed = 0;
    if (to_bytes == UINT64_MAX)
        to_bytes = fw->budget ? fw->budget : UINT64_MAX;
    rb_status st = rb__fw_prune(fw, to_bytes, NULL, &freed);
    if (freed_out)
        *freed_out = freed;
    return st;
}

rb_status rb_firmware_pin(rb_firmware *fw, const char *sha1, int pinned)
{
    if (!fw || !sha1)
        return RB_ERR_INVALID_ARG;
    char full[41];
    rb_status st = rb__fw_index_resolve(fw, sha1, full);
    if (st != RB_OK)
        return st;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(fw->db, "UPDATE objects SET pinned=?2 WHERE sha1=?1", -1, &s, NULL) !=
        SQLITE_OK)
        return FW_ERR(fw, RB_ERR_DB, "cache index: %s", sqlite3_errmsg(fw->db));
    sqlite3_bind_text(s, 1, full, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 2, pinned ? 1 : 0);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? RB_OK : FW_ERR(fw, RB_ERR_DB, "cache index: %s", sqlite3_errmsg(fw->db));
}
