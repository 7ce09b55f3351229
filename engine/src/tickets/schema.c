/* tickets/schema.c - the schema and its forward migrations.
 *
 * Pattern of KDE Kasts' database.cpp: PRAGMA user_version holds the version, migrateToN
 * steps run in order from it, each in its own transaction, and the file is copied before
 * the first step touches an existing database. A new file runs the same steps from 0, so
 * there is one path to every version. Never edit a released step: append a new one and
 * keep a fixture of the old version in tests/tickets/fixtures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tickets/tickets_private.h"

/* v1: tickets with customer and device, the event log and per-store number counters. */
static const char MIGRATE_TO_1[] =
    "CREATE TABLE tickets("
    " id INTEGER PRIMARY KEY,"
    " number TEXT NOT NULL UNIQUE,"
    " status TEXT NOT NULL DEFAULT 'open',"
    " customer_name TEXT NOT NULL DEFAULT '',"
    " customer_phone TEXT NOT NULL DEFAULT '',"
    " customer_email TEXT NOT NULL DEFAULT '',"
    " device_model TEXT NOT NULL DEFAULT '',"
    " serial TEXT NOT NULL DEFAULT '',"
    " ecid TEXT NOT NULL DEFAULT '',"
    " udid TEXT NOT NULL DEFAULT '',"
    " ios_version TEXT NOT NULL DEFAULT '',"
    " problem TEXT NOT NULL DEFAULT '',"
    " resolution TEXT NOT NULL DEFAULT '',"
    " staff TEXT NOT NULL DEFAULT '',"
    " created_at TEXT NOT NULL,"
    " updated_at TEXT NOT NULL);"
    "CREATE TABLE events("
    " id INTEGER PRIMARY KEY,"
    " ticket_id INTEGER NOT NULL REFERENCES tickets(id),"
    " at TEXT NOT NULL,"
    " type TEXT NOT NULL,"
    " actor TEXT NOT NULL DEFAULT '',"
    " summary TEXT NOT NULL DEFAULT '',"
    " detail TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE counters(prefix TEXT NOT NULL, year INTEGER NOT NULL,"
    " last INTEGER NOT NULL, PRIMARY KEY(prefix, year));"
    "CREATE INDEX events_by_ticket ON events(ticket_id, id);"
    "CREATE INDEX tickets_by_status ON tickets(status, id);";

/* v2: staff with PINs, sign-in log, who changed what, IMEI, append-only log. */
static const char MIGRATE_TO_2[] =
    "CREATE TABLE staff("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
    " is_admin INTEGER NOT NULL DEFAULT 0,"
    " disabled INTEGER NOT NULL DEFAULT 0,"
    " pin_salt BLOB NOT NULL,"
    " pin_hash BLOB NOT NULL,"
    " pin_iterations INTEGER NOT NULL,"
    " failed_attempts INTEGER NOT NULL DEFAULT 0,"
    " locked_until INTEGER NOT NULL DEFAULT 0,"
    " last_sign_in TEXT NOT NULL DEFAULT '',"
    " created_at TEXT NOT NULL);"
    "CREATE TABLE sign_ins(id INTEGER PRIMARY KEY, at TEXT NOT NULL, name TEXT NOT NULL,"
    " result TEXT NOT NULL);"
    "ALTER TABLE tickets ADD COLUMN product_type TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE tickets ADD COLUMN imei TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE tickets ADD COLUMN created_by TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE tickets ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE tickets ADD COLUMN closed_at TEXT NOT NULL DEFAULT '';"
    "UPDATE tickets SET closed_at = updated_at WHERE status IN ('done', 'collected');"
    "CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
    " BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;"
    "CREATE TRIGGER events_no_delete BEFORE DELETE ON events"
    " BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;";

/* v3: search (FTS5, phone digits, serial/IMEI indexes) and privacy (erase, redaction).
 * The update trigger now lets exactly one change through: an erase blanking the text of
 * an event once, marked redacted; everything else still aborts. */
static const char MIGRATE_TO_3[] =
    "ALTER TABLE tickets ADD COLUMN phone_rev TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE tickets ADD COLUMN erased_at TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE events ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0;"
    "UPDATE tickets SET phone_rev = rb_phone_rev(customer_phone),"
    " serial = upper(trim(serial)), imei = rb_digits(imei);"
    "CREATE INDEX tickets_by_phone ON tickets(phone_rev) WHERE phone_rev <> '';"
    "CREATE INDEX tickets_by_serial ON tickets(serial) WHERE serial <> '';"
    "CREATE INDEX tickets_by_imei ON tickets(imei) WHERE imei <> '';"
    "CREATE INDEX tickets_by_ecid ON tickets(ecid) WHERE ecid <> '';"
    "CREATE INDEX tickets_by_udid ON tickets(udid) WHERE udid <> '';"
    "CREATE INDEX tickets_by_closed ON tickets(closed_at) WHERE closed_at <> '';"
    "CREATE TRIGGER tickets_no_delete BEFORE DELETE ON tickets"
    " BEGIN SELECT RAISE(ABORT, 'tickets are never deleted; erase personal data instead'); END;"
    "DROP TRIGGER events_no_update;"
    "CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
    " WHEN NOT (OLD.redacted = 0 AND NEW.redacted = 1 AND NEW.id = OLD.id"
    "  AND NEW.ticket_id = OLD.ticket_id AND NEW.at = OLD.at AND NEW.type = OLD.type"
    "  AND NEW.actor = OLD.actor AND NEW.detail = ''"
    "  AND (NEW.summary = '' OR NEW.summary = OLD.summary))"
    " BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;"
    "CREATE VIRTUAL TABLE ticket_fts USING fts5(number, customer, device, text,"
    " tokenize = 'unicode61 remove_diacritics 2');";

/* v4: settings that guard the data live with the data. A rescuebay.conf is per folder and
 * anyone can point one at the same database, so the lock-out cannot be read from it;
 * only a signed-in administrator changes these rows (staff.c). Nothing is imported from
 * the conf file: the defaults hold until an administrator sets a value. */
static const char MIGRATE_TO_4[] =
    "CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL,"
    " updated_at TEXT NOT NULL, updated_by TEXT NOT NULL) WITHOUT ROWID;";

/* Text indexed for one ticket; shared by the migration's backfill and rb__tk_fts_refresh. */
#define FTS_INSERT                                                                    \
    "INSERT INTO ticket_fts(rowid, number, customer, device, text)"                   \
    " SELECT t.id, t.number,"                                                         \
    "  t.customer_name || ' ' || t.customer_email || ' ' || t.customer_phone || ' '"  \
    "   || rb_digits(t.customer_phone),"                                              \
    "  t.device_model || ' ' || t.product_type || ' ' || t.serial || ' ' || t.imei"   \
    "   || ' ' || t.udid || ' ' || t.ecid || ' ' || t.ios_version,"                   \
    "  t.problem || ' ' || t.resolution || ' ' || coalesce((SELECT group_concat("    \
    "   e.summary, ' ') FROM events e WHERE e.ticket_id = t.id AND e.type = 'note'), '')" \
    " FROM tickets t"

static const char BACKFILL_3[] = FTS_INSERT ";";

rb_status rb__tk_fts_refresh(rb_ticket_store *s, int64_t id)
{
    sqlite3_stmt *del = rb__tk_prepare(s, "DELETE FROM ticket_fts WHERE rowid = ?");
    sqlite3_stmt *ins = rb__tk_prepare(s, FTS_INSERT " WHERE t.id = ?");
    rb_status st = RB_OK;
    if (!del || !ins) {
        st = rb__errs_status(s->err);
    } else {
        sqlite3_bind_int64(del, 1, id);
        sqlite3_bind_int64(ins, 1, id);
        if (sqlite3_step(del) != SQLITE_DONE || sqlite3_step(ins) != SQLITE_DONE)
            st = rb__tk_dberr(s, "search index");
    }
    sqlite3_finalize(del);
    sqlite3_finalize(ins);
    return st;
}

static void fn_phone_rev(sqlite3_context *c, int argc, sqlite3_value **argv)
{
    (void)argc;
    char *r = rb__tk_phone_rev((const char *)sqlite3_value_text(argv[0]));
    if (!r) {
        sqlite3_result_error_nomem(c);
        return;
    }
    sqlite3_result_text(c, r, -1, free);
}

static void fn_digits(sqlite3_context *c, int argc, sqlite3_value **argv)
{
    (void)argc;
    char *r = rb__tk_phone_rev((const char *)sqlite3_value_text(argv[0]));
    if (!r) {
        sqlite3_result_error_nomem(c);
        return;
    }
    size_t n = strlen(r);
    for (size_t i = 0; i < n / 2; i++) {
        char t = r[i];
        r[i] = r[n - 1 - i];
        r[n - 1 - i] = t;
    }
    sqlite3_result_text(c, r, -1, free);
}

rb_status rb__tk_register_functions(sqlite3 *db)
{
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    if (sqlite3_create_function(db, "rb_phone_rev", 1, flags, NULL, fn_phone_rev, NULL, NULL)
            != SQLITE_OK ||
        sqlite3_create_function(db, "rb_digits", 1, flags, NULL, fn_digits, NULL, NULL)
            != SQLITE_OK)
        return RB_ERR_DB;
    return RB_OK;
}

static int read_version(rb_ticket_store *s)
{
    sqlite3_stmt *st = rb__tk_prepare(s, "PRAGMA user_version");
    int v = -1;
    if (st && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* A copy of the file as it is, made before the first migration step touches it:
 * written under a temporary name, synced, then renamed, so that a crash never leaves a
 * half copy under the backup's name. */
static rb_status backup_before(rb_ticket_store *s, int from)
{
    char now[32];
    rb__tk_now_iso(now);
    for (char *p = now; *p; p++)
        if (*p == ':')
            *p = '-'; /* a colon is not allowed in Windows file names */
    char *bak = NULL, *tmp = NULL;
    struct stat st_bak;
    for (int k = 1; k < 100; k++) {
        free(bak);
        bak = k == 1 ? rb__sprintf("%s.v%d-%s.bak", s->path, from, now)
                     : rb__sprintf("%s.v%d-%s-%d.bak", s->path, from, now, k);
        if (!bak || stat(bak, &st_bak) != 0)
            break;
    }
    tmp = bak ? rb__sprintf("%s.tmp", bak) : NULL;
    if (!tmp) {
        free(bak);
        return RB_ERR_NOMEM;
    }
    remove(tmp); /* left by a crash during an earlier attempt */
    sqlite3_stmt *st = rb__tk_prepare(s, "VACUUM INTO ?");
    rb_status rs = RB_OK;
    if (!st) {
        rs = rb__errs_status(s->err);
    } else {
        sqlite3_bind_text(st, 1, tmp, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            rs = rb__tk_dberr(s, "backup before migrating");
    }
    sqlite3_finalize(st);
#ifndef _WIN32
    if (rs == RB_OK) {
        chmod(tmp, 0600); /* the copy holds the same customer data */
        int fd = open(tmp, O_RDONLY | O_CLOEXEC);
        if (fd < 0 || fsync(fd) != 0)
            rs = rb__tk_err(s, RB_ERR_IO, "backup before migrating: cannot sync %s", tmp);
        if (fd >= 0)
            close(fd);
    }
#endif
    if (rs == RB_OK && rename(tmp, bak) != 0)
        rs = rb__tk_err(s, rb__status_from_errno(errno), "backup before migrating: %s: %s", bak,
                        strerror(errno));
#ifndef _WIN32
    if (rs == RB_OK) {
        /* The rename itself must reach the disk before the migration commits. */
        char *dir = rb__strdup(bak);
        char *slash = dir ? strrchr(dir, '/') : NULL;
        if (slash) {
            *slash = '\0';
            int dfd = open(*dir ? dir : "/", O_RDONLY | O_CLOEXEC);
            if (dfd >= 0) {
                fsync(dfd);
                close(dfd);
            }
        }
        free(dir);
    }
#endif
    if (rs != RB_OK)
        remove(tmp);
    else
        rb__log("tickets", "backed up schema v%d to %s", from, bak);
    free(bak);
    free(tmp);
    return rs;
}

rb_status rb__tk_migrate(rb_ticket_store *s)
{
    static const char *const steps[TK_SCHEMA_CURRENT][2] = {
        {MIGRATE_TO_1, NULL},
        {MIGRATE_TO_2, NULL},
        {MIGRATE_TO_3, BACKFILL_3},
        {MIGRATE_TO_4, NULL},
    };
    int v = read_version(s);
    if (v < 0)
        return rb__errs_status(s->err) ? rb__errs_status(s->err) : RB_ERR_DB;
    if (v > TK_SCHEMA_CURRENT)
        return rb__tk_err(s, RB_ERR_UNSUPPORTED,
                      "%s has schema version %d, newer than this program's %d", s->path, v,
                      TK_SCHEMA_CURRENT);
    s->schema_version = v;
    if (v == TK_SCHEMA_CURRENT)
        return RB_OK;
    if (s->read_only)
        return rb__tk_err(s, RB_ERR_UNSUPPORTED, "schema version %d needs a migration", v);
    /* Debian's, Homebrew's, MSYS2's and Apple's SQLite all build FTS5 in; a custom one
     * might not, and would otherwise fail half-way with "no such module". */
    if (!sqlite3_compileoption_used("SQLITE_ENABLE_FTS5") &&
        !sqlite3_compileoption_used("ENABLE_FTS5"))
        return rb__tk_err(s, RB_ERR_UNSUPPORTED, "this SQLite (%s) was built without FTS5",
                          sqlite3_libversion());
    if (v > 0) {
        rb_status st = backup_before(s, v);
        if (st != RB_OK)
            return st;
    }
    for (;;) {
        rb_status st = rb__tk_begin(s);
        if (st != RB_OK)
            return st;
        /* Re-read inside the write lock: another process may have migrated meanwhile. */
        v = read_version(s);
        if (v < 0 || v >= TK_SCHEMA_CURRENT) {
            st = rb__tk_end(s, v < 0 ? RB_ERR_DB : RB_OK);
            if (v >= 0)
                s->schema_version = v;
            return st;
        }
        st = rb__tk_exec(s, steps[v][0]);
        if (st == RB_OK && steps[v][1])
            st = rb__tk_exec(s, steps[v][1]);
        if (st == RB_OK) {
            char sql[40];
            snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
            st = rb__tk_exec(s, sql);
        }
        st = rb__tk_end(s, st);
        if (st != RB_OK) {
            char why[RB__ERR_MSG];
            rb__errs_get(s->err, why, sizeof why);
            return rb__tk_err(s, st, "migration to schema version %d failed: %s", v + 1, why);
        }
        s->schema_version = v + 1;
        rb__log("tickets", "migrated %s to schema version %d", s->path, v + 1);
    }
}
