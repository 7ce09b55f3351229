/* firmware/index.c - the SQLite index of cached files, catalog rows and catalog meta. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "firmware/firmware_private.h"

static const char *schema =
    "PRAGMA journal_mode=WAL;"
    "CREATE TABLE IF NOT EXISTS objects(sha1 TEXT PRIMARY KEY, sha256 TEXT NOT NULL DEFAULT '',"
    " size INTEGER NOT NULL, added_at INTEGER NOT NULL, last_used INTEGER NOT NULL,"
    " verified_at INTEGER NOT NULL DEFAULT 0, pinned INTEGER NOT NULL DEFAULT 0,"
    " commit_boot TEXT NOT NULL DEFAULT '', use_seq INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE IF NOT EXISTS builds(product_type TEXT NOT NULL, build TEXT NOT NULL,"
    " version TEXT NOT NULL, sha1 TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL,"
    " url TEXT NOT NULL, released TEXT NOT NULL, signed INTEGER NOT NULL,"
    " PRIMARY KEY(product_type, build));"
    "CREATE INDEX IF NOT EXISTS builds_sha1 ON builds(sha1);"
    "CREATE TABLE IF NOT EXISTS catalogs(product_type TEXT PRIMARY KEY, etag TEXT,"
    " last_modified TEXT, checked_at INTEGER NOT NULL);";

/* last_used has whole seconds (what `firmware status` shows); use_seq orders uses within
 * one second too, so eviction takes the least recently used file, not the smaller sha1.
 * Indexes written before use_seq existed get the column (0: older than any new use). */
static const char *add_use_seq = "ALTER TABLE objects ADD COLUMN use_seq INTEGER NOT NULL DEFAULT 0";
#define NEXT_USE_SEQ "(SELECT coalesce(max(use_seq), 0) + 1 FROM objects)"

static int has_use_seq(sqlite3 *db)
{
    sqlite3_stmt *s;
    int found = 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info('objects') WHERE name='use_seq'",
                           -1, &s, NULL) != SQLITE_OK)
        return 0;
    found = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_finalize(s);
    return found;
}

int64_t rb__fw_now(void)
{
    return (int64_t)time(NULL);
}

static rb_status db_err(rb_firmware *fw, const char *what)
{
    return FW_ERR(fw, RB_ERR_DB, "cache index: %s: %s", what, sqlite3_errmsg(fw->db));
}

rb_status rb__fw_index_open(rb_firmware *fw)
{
    char *path = rb__path_join(fw->dir, "index.db");
    if (!path)
        return FW_ERR(fw, RB_ERR_NOMEM, "out of memory");
    int rc = sqlite3_open_v2(path, &fw->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                                SQLITE_OPEN_FULLMUTEX, NULL);
    free(path);
    if (rc != SQLITE_OK)
        return db_err(fw, "open");
    /* Counters sharing the folder write the index at the same moments (commit). */
    sqlite3_busy_timeout(fw->db, 30000);
    if (sqlite3_exec(fw->db, schema, NULL, NULL, NULL) != SQLITE_OK)
        return db_err(fw, "schema");
    /* Two counters upgrading at once: the loser's ALTER fails, and the column is there. */
    if (!has_use_seq(fw->db) && sqlite3_exec(fw->db, add_use_seq, NULL, NULL, NULL) != SQLITE_OK &&
        !has_use_seq(fw->db))
        return db_err(fw, "schema upgrade");
    return RB_OK;
}

void rb__fw_index_close(rb_firmware *fw)
{
    if (fw->db)
        sqlite3_close(fw->db);
    fw->db = NULL;
}

char *rb__fw_object_path(rb_firmware *fw, const char *sha1)
{
    return rb__sprintf("%s/%s.ipsw", fw->objdir, sha1);
}

static rb_status exec1(rb_firmware *fw, const char *sql, const char *a, const char *b,
                       int64_t n1, int64_t n2)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(fw->db, sql, -1, &s, NULL) != SQLITE_OK)
        return db_err(fw, "prepare");
    int np = sqlite3_bind_parameter_count(s);
    if (np >= 1) sqlite3_bind_text(s, 1, a, -1, SQLITE_TRANSIENT);
    if (np >= 2) sqlite3_bind_text(s, 2, b, -1, SQLITE_TRANSIENT);
    if (np >= 3) sqlite3_bind_int64(s, 3, n1);
    if (np >= 4) sqlite3_bind_int64(s, 4, n2);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? RB_OK : db_err(fw, "write");
}

rb_status rb__fw_index_add(rb_firmware *fw, const char *sha1, const char *sha256,
                           uint64_t size, int pin)
{
    int64_t now = rb__fw_now();
    rb_status st = exec1(fw,
                         "INSERT INTO objects(sha1, sha256, size, added_at, last_used,"
                         " verified_at, use_seq) VALUES(?1, ?2, ?3, ?4, ?4, ?4, " NEXT_USE_SEQ ")"
                         " ON CONFLICT(sha1) DO UPDATE SET sha256=excluded.sha256,"
                         " size=excluded.size, last_used=excluded.last_used,"
                         " verified_at=excluded.verified_at, commit_boot='',"
                         " use_seq=excluded.use_seq",
                         sha1, sha256 ? sha256 : "", (int64_t)size, now);
    if (st == RB_OK && pin)
        st = exec1(fw, "UPDATE objects SET pinned=1 WHERE sha1=?1", sha1, NULL, 0, 0);
    return st;
}

/* A downloaded file is renamed into objects/ without waiting for its writeback; the row
 * remembers the boot it was committed in (see rb__fw_index_needs_check). */
rb_status rb__fw_index_add_unsynced(rb_firmware *fw, const char *sha1, const char *sha256,
                                    uint64_t size, int pin, const char *boot)
{
    rb_status st = rb__fw_index_add(fw, sha1, sha256, size, pin);
    if (st == RB_OK && boot && *boot)
        st = exec1(fw, "UPDATE objects SET commit_boot=?2 WHERE sha1=?1", sha1, boot, 0, 0);
    return st;
}

/* 1 when the file was committed in an earlier boot and never re-checked since: a power
 * loss may have left it short or zero-filled, so it must be hashed before use. */
int rb__fw_index_needs_check(rb_firmware *fw, const char *sha1, const char *boot)
{
    sqlite3_stmt *s;
    int need = 0;
    if (sqlite3_prepare_v2(fw->db, "SELECT commit_boot FROM objects WHERE sha1=?1", -1, &s,
                           NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(s, 1, sha1, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) == SQLITE_ROW) {
        const char *b = (const char *)sqlite3_column_text(s, 0);
        need = b && *b && (!boot || !*boot || strcmp(b, boot) != 0);
    }
    sqlite3_finalize(s);
    return need;
}

rb_status rb__fw_index_mark_durable(rb_firmware *fw, const char *sha1)
{
    return exec1(fw, "UPDATE objects SET commit_boot='' WHERE sha1=?1", sha1, NULL, 0, 0);
}

rb_status rb__fw_index_remove(rb_firmware *fw, const char *sha1)
{
    return exec1(fw, "DELETE FROM objects WHERE sha1=?1", sha1, NULL, 0, 0);
}

rb_status rb__fw_index_touch(rb_firmware *fw, const char *sha1)
{
    return exec1(fw, "UPDATE objects SET last_used=?3, use_seq=" NEXT_USE_SEQ " WHERE sha1=?1",
                 sha1, NULL, rb__fw_now(), 0);
}

rb_status rb__fw_index_set_verified(rb_firmware *fw, const char *sha1)
{
    return exec1(fw, "UPDATE objects SET verified_at=?3 WHERE sha1=?1", sha1, NULL,
                 rb__fw_now(), 0);
}

int rb__fw_index_has(rb_firmware *fw, const char *sha1, int *pinned)
{
    sqlite3_stmt *s;
    int found = 0;
    if (pinned)
        *pinned = 0;
    if (sqlite3_prepare_v2(fw->db, "SELECT pinned FROM objects WHERE sha1=?1", -1, &s, NULL) !=
        SQLITE_OK)
        return 0;
    sqlite3_bind_text(s, 1, sha1, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) == SQLITE_ROW) {
        found = 1;
        if (pinned)
            *pinned = sqlite3_column_int(s, 0);
    }
    sqlite3_finalize(s);
    return found;
}

rb_status rb__fw_index_resolve(rb_firmware *fw, const char *prefix, char out[41])
{
    size_t n = strlen(prefix);
    if (n < 6 || n > 40 || !rb__fw_is_hex(prefix, n))
        return FW_ERR(fw, RB_ERR_INVALID_ARG, "'%s' is not a SHA-1 (or a prefix of 6+ hex digits)",
                      prefix);
    char *like = rb__sprintf("%s%%", prefix);
    for (char *p = like; p && *p; p++)
        if (*p >= 'A' && *p <= 'F')
            *p = (char)(*p - 'A' + 'a');
    sqlite3_stmt *s;
    rb_status st = RB_OK;
    int hits = 0;
    if (!like || sqlite3_prepare_v2(fw->db, "SELECT sha1 FROM objects WHERE sha1 LIKE ?1 LIMIT 2",
                                    -1, &s, NULL) != SQLITE_OK) {
        free(like);
        return db_err(fw, "prepare");
    }
    sqlite3_bind_text(s, 1, like, -1, SQLITE_TRANSIENT);
    while (sqlite3_step(s) == SQLITE_ROW) {
        if (hits++ == 0)
            snprintf(out, 41, "%s", (const char *)sqlite3_column_text(s, 0));
    }
    sqlite3_finalize(s);
    if (hits == 0)
        st = FW_ERR(fw, RB_ERR_NOT_FOUND, "no cached firmware %s", prefix);
    else if (hits > 1)
        st = FW_ERR(fw, RB_ERR_INVALID_ARG, "%s matches several cached files", prefix);
    free(like);
    return st;
}

/* Brings the index in line with objects/: a crash between rename and INSERT leaves a
 * verified file unindexed (it only got its name after hashing), and a file removed by
 * hand leaves a row behind. */
rb_status rb__fw_index_reconcile(rb_firmware *fw)
{
    DIR *d = opendir(fw->objdir);
    if (!d)
        return FW_ERR(fw, rb__status_from_errno(errno), "cannot read %s: %s", fw->objdir,
                      strerror(errno));
    struct dirent *e;
    rb_status st = RB_OK;
    while ((e = readdir(d)) != NULL && st == RB_OK) {
        size_t n = strlen(e->d_name);
        if (n != 45 || strcmp(e->d_name + 40, ".ipsw") != 0)
            continue;
        char sha1[41];
        memcpy(sha1, e->d_name, 40);
        sha1[40] = '\0';
        if (!rb__fw_is_hex(sha1, 40))
            continue;
        if (rb__fw_index_has(fw, sha1, NULL))
            continue;
        char *p = rb__fw_object_path(fw, sha1);
        struct stat sb;
        if (p && stat(p, &sb) == 0) {
            /* Its rename may predate a power loss: hash it before first use. */
            rb__log("firmware", "indexing unindexed object %s", sha1);
            st = rb__fw_index_add_unsynced(fw, sha1, "", (uint64_t)sb.st_size, 0, "unknown");
        }
        free(p);
    }
    closedir(d);
    if (st != RB_OK)
        return st;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(fw->db, "SELECT sha1 FROM objects", -1, &s, NULL) != SQLITE_OK)
        return db_err(fw, "prepare");
    char gone[64][41];
    int ngone = 0;
    while (sqlite3_step(s) == SQLITE_ROW && ngone < 64) {
        const char *sha1 = (const char *)sqlite3_column_text(s, 0);
        char *p = rb__fw_object_path(fw, sha1);
        if (p && access(p, F_OK) != 0 && errno == ENOENT)
            snprintf(gone[ngone++], 41, "%s", sha1);
        free(p);
    }
    sqlite3_finalize(s);
    for (int i = 0; i < ngone && st == RB_OK; i++)
        st = rb__fw_index_remove(fw, gone[i]);
    return st;
}

rb_status rb__fw_index_store_builds(rb_firmware *fw, const rb_firmware_list *l)
{
    if (sqlite3_exec(fw->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_err(fw, "begin");
    sqlite3_stmt *del = NULL, *ins = NULL;
    rb_status st = RB_OK;
    if (sqlite3_prepare_v2(fw->db, "DELETE FROM builds WHERE product_type=?1", -1, &del, NULL) !=
            SQLITE_OK ||
        sqlite3_prepare_v2(fw->db,
                           "INSERT OR REPLACE INTO builds VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)", -1,
                           &ins, NULL) != SQLITE_OK) {
        st = db_err(fw, "prepare");
        goto out;
    }
    sqlite3_bind_text(del, 1, l->product_type, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(del) != SQLITE_DONE) {
        st = db_err(fw, "delete");
        goto out;
    }
    for (size_t i = 0; i < l->count; i++) {
        const rb_firmware_build *b = &l->builds[i];
        sqlite3_reset(ins);
        sqlite3_bind_text(ins, 1, b->product_type, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 2, b->build, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 3, b->version, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 4, b->sha1, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 5, b->sha256, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(ins, 6, (int64_t)b->size);
        sqlite3_bind_text(ins, 7, b->url, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 8, b->released, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ins, 9, b->signed_now);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            st = db_err(fw, "insert");
            goto out;
        }
    }
out:
    sqlite3_finalize(del);
    sqlite3_finalize(ins);
    sqlite3_exec(fw->db, st == RB_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
    return st;
}

rb_status rb__fw_index_find_build(rb_firmware_list **out, rb_firmware *fw, const char *sha1)
{
    *out = NULL;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(fw->db,
                           "SELECT product_type, version, build, sha1, sha256, url, released,"
                           " size, signed FROM builds WHERE sha1=?1 LIMIT 1",
                           -1, &s, NULL) != SQLITE_OK)
        return db_err(fw, "prepare");
    sqlite3_bind_text(s, 1, sha1, -1, SQLITE_TRANSIENT);
    rb_status st = FW_ERR(fw, RB_ERR_NOT_FOUND,
                          "SHA-1 %s is in no catalog on disk (run 'firmware list PRODUCTTYPE' "
                          "first)", sha1);
    if (sqlite3_step(s) == SQLITE_ROW) {
        rb_firmware_list *l = calloc(1, sizeof *l);
        rb_firmware_build *b = l ? calloc(1, sizeof *b) : NULL;
        if (!b) {
            free(l);
            st = FW_ERR(fw, RB_ERR_NOMEM, "out of memory");
        } else {
            l->builds = b;
            l->count = 1;
            const char **f[] = {&b->product_type, &b->version, &b->build, &b->sha1,
                                &b->sha256, &b->url, &b->released};
            for (int i = 0; i < 7; i++)
                *f[i] = rb__strdup((const char *)sqlite3_column_text(s, i));
            b->size = (uint64_t)sqlite3_column_int64(s, 7);
            b->signed_now = sqlite3_column_int(s, 8);
            l->product_type = rb__strdup(b->product_type);
            l->name = rb__strdup("");
            *out = l;
            st = RB_OK;
        }
    }
    sqlite3_finalize(s);
    return st;
}

rb_status rb__fw_index_catalog_meta(rb_firmware *fw, const char *pt, char **etag,
                                    char **last_modified, int64_t *checked_at)
{
    *etag = *last_modified = NULL;
    *checked_at = 0;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(fw->db,
                           "SELECT etag, last_modified, checked_at FROM catalogs WHERE"
                           " product_type=?1", -1, &s, NULL) != SQLITE_OK)
        return db_err(fw, "prepare");
    sqlite3_bind_text(s, 1, pt, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) == SQLITE_ROW) {
        *etag = rb__strdup((const char *)sqlite3_column_text(s, 0));
        *last_modified = rb__strdup((const char *)sqlite3_column_text(s, 1));
        *checked_at = sqlite3_column_int64(s, 2);
    }
    sqlite3_finalize(s);
    return RB_OK;
}

rb_status rb__fw_index_set_catalog_meta(rb_firmware *fw, const char *pt, const char *etag,
                                        const char *last_modified, int64_t checked_at)
{
    return exec1(fw, "INSERT OR REPLACE INTO catalogs VALUES(?1, ?2, ?4, ?3)", pt, etag,
                 checked_at, 0) == RB_OK &&
                   exec1(fw, "UPDATE catalogs SET last_modified=?2 WHERE product_type=?1", pt,
                         last_modified, 0, 0) == RB_OK
               ? RB_OK
               : db_err(fw, "catalog meta");
}
