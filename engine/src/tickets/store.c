/* tickets/store.c - opening the ticket database, its pragmas, errors and the one write
 * path. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tickets/tickets_private.h"

int64_t rb__tickets_clock_offset;

int64_t rb__tk_now(void)
{
    return (int64_t)time(NULL) + rb__tickets_clock_offset;
}

void rb__tk_now_iso(char out[32])
{
    rb__utc_iso8601(rb__tk_now(), out);
}

rb_status rb__tk_err(rb_ticket_store *s, rb_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rb__errs_vset(s->err, st, fmt, ap);
    va_end(ap);
    rb__log("tickets", "%s", rb__errs_last(s->err));
    return st;
}

rb_status rb__tk_dberr(rb_ticket_store *s, const char *what)
{
    int code = s->db ? sqlite3_extended_errcode(s->db) : SQLITE_ERROR;
    rb_status st = RB_ERR_DB;
    switch (code & 0xff) {
    case SQLITE_BUSY: case SQLITE_LOCKED: st = RB_ERR_BUSY; break;
    case SQLITE_FULL: st = RB_ERR_DISK_FULL; break;
    case SQLITE_NOMEM: st = RB_ERR_NOMEM; break;
    case SQLITE_CORRUPT: case SQLITE_NOTADB: st = RB_ERR_CORRUPT; break;
    case SQLITE_READONLY: case SQLITE_PERM: case SQLITE_CANTOPEN: st = RB_ERR_PERMISSION; break;
    case SQLITE_IOERR: st = RB_ERR_IO; break;
    default: break;
    }
    return rb__tk_err(s, st, "%s: %s", what, s->db ? sqlite3_errmsg(s->db) : "no database");
}

rb_status rb__tk_exec(rb_ticket_store *s, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        rb_status st = rb__tk_dberr(s, "database");
        sqlite3_free(msg);
        return st;
    }
    return RB_OK;
}

sqlite3_stmt *rb__tk_prepare(rb_ticket_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        rb__tk_dberr(s, "prepare");
        sqlite3_finalize(st);
        return NULL;
    }
    return st;
}

rb_status rb__tk_begin(rb_ticket_store *s)
{
    if (s->read_only)
        return rb__tk_err(s, RB_ERR_PERMISSION, "the ticket store was opened read-only");
    /* IMMEDIATE takes the write lock up front, so two writers queue on the busy timeout
     * instead of failing with SQLITE_BUSY when one upgrades a read lock. */
    return rb__tk_exec(s, "BEGIN IMMEDIATE");
}

rb_status rb__tk_end(rb_ticket_store *s, rb_status st)
{
    if (st == RB_OK) {
        if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
            return RB_OK;
        st = rb__tk_dberr(s, "commit");
    }
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return st;
}

char *rb__tk_col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return rb__strdup(t ? (const char *)t : "");
}

rb_status rb__tk_require_staff(rb_ticket_store *s)
{
    if (!s->staff_id)
        return rb__tk_err(s, RB_ERR_AUTH, "sign in with a staff name and PIN first");
    return RB_OK;
}

rb_status rb_ticket_store_options_init(rb_ticket_store_options *opts, unsigned int version)
{
    if (!opts || version != RB_TICKET_STORE_OPTIONS_VERSION)
        return RB_ERR_INVALID_ARG;
    rb_ticket_store_options def = RB_TICKET_STORE_OPTIONS_INIT;
    *opts = def;
    return RB_OK;
}

static rb_status configure(rb_ticket_store *s, int busy_ms)
{
    sqlite3_busy_timeout(s->db, busy_ms);
    sqlite3_extended_result_codes(s->db, 1);
    /* WAL lets the kiosk read while the CLI writes. synchronous=FULL also syncs the WAL on
     * every commit: a ticket whose number was shown must survive a power cut, which NORMAL
     * does not promise in WAL mode. secure_delete overwrites freed content so that an
     * erased customer is really gone from the file. */
    const char *pragmas = s->read_only
        ? "PRAGMA foreign_keys=ON; PRAGMA query_only=ON;"
        : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
          "PRAGMA secure_delete=ON;";
    rb_status st = rb__tk_exec(s, pragmas);
    if (st != RB_OK)
        return st;
    return rb__tk_register_functions(s->db) == RB_OK ? RB_OK : rb__tk_dberr(s, "functions");
}

#ifndef _WIN32
/* Size of `path`, -1 if it does not exist (or cannot be examined). */
static long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* Customer data: only the kiosk's user may read it. A database made by an older version,
 * restored from a copy or created under a loose umask is tightened, journals included
 * (SQLite gives new -wal/-shm files the mode of the database, but not existing ones). */
static void tighten(rb_ticket_store *s)
{
    static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
        char *p = rb__sprintf("%s%s", s->path, suffix[i]);
        struct stat st;
        if (p && stat(p, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077)) {
            if (chmod(p, st.st_mode & 0700) == 0)
                rb__log("tickets", "%s was readable by others; now owner-only", p);
            else
                rb__log("tickets", "cannot make %s owner-only: %s", p, strerror(errno));
        }
        free(p);
    }
}

/* What must hold before SQLite touches the file: SQLite deletes a -wal whose database is
 * missing or empty, and that journal may hold every ticket since the last checkpoint. */
static rb_status check_files(rb_ticket_store *s, int must_exist)
{
    char *wal = rb__sprintf("%s-wal", s->path);
    if (!wal)
        return RB_ERR_NOMEM;
    long long db = file_size(s->path), journal = file_size(wal);
    free(wal);
    if (db <= 0 && journal > 0)
        return rb__tk_err(s, RB_ERR_CORRUPT,
                          "%s is %s but its journal %s-wal is still there and may hold the "
                          "latest tickets; nothing was changed: put the database file back "
                          "(from where it was moved or a backup) before using tickets",
                          s->path, db < 0 ? "missing" : "empty", s->path);
    if (db < 0 && must_exist)
        return rb__tk_err(s, RB_ERR_NOT_FOUND,
                          "no tickets yet: there is no ticket database %s (the first "
                          "`ticket staff add` or `ticket new` creates it)", s->path);
    if (db < 0 && !s->read_only) {
        int fd = open(s->path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            close(fd);
    }
    tighten(s);
    return RB_OK;
}
#endif

static rb_status quick_check_all(rb_ticket_store *s);

#ifndef _WIN32
/* What identifies the bytes of the database and its journal without reading them: any
 * write, by SQLite or anything else, changes a size, a modification or a status-change
 * time (the last cannot be set back by a program). An empty journal holds nothing and is
 * recreated by every first connection, so only its size counts. */
static void fingerprint(rb_ticket_store *s, char *out, size_t cap)
{
    struct stat db, wal;
    char *walp = rb__sprintf("%s-wal", s->path);
    int have_db = stat(s->path, &db) == 0, have_wal = walp && stat(walp, &wal) == 0;
    free(walp);
    snprintf(out, cap, "v1 %llu %llu %lld %lld.%09ld %lld.%09ld | %lld %lld.%09ld %lld.%09ld\n",
             have_db ? (unsigned long long)db.st_dev : 0, have_db ? (unsigned long long)db.st_ino : 0,
             have_db ? (long long)db.st_size : -1,
             have_db ? (long long)db.st_mtim.tv_sec : 0, have_db ? db.st_mtim.tv_nsec : 0L,
             have_db ? (long long)db.st_ctim.tv_sec : 0, have_db ? db.st_ctim.tv_nsec : 0L,
             have_wal ? (long long)wal.st_size : 0,
             have_wal && wal.st_size ? (long long)wal.st_mtim.tv_sec : 0,
             have_wal && wal.st_size ? wal.st_mtim.tv_nsec : 0L,
             have_wal && wal.st_size ? (long long)wal.st_ctim.tv_sec : 0,
             have_wal && wal.st_size ? wal.st_ctim.tv_nsec : 0L);
}
#endif

/* A damaged file is reported by every command, the read-only ones included: a list or an
 * export of a damaged file would silently leave tickets out. quick_check reads every page
 * (about 2 s for 100,000 tickets), so a file whose bytes have not changed since it last
 * passed (tickets.db-checked holds their fingerprint) is not read again. */
static rb_status quick_check(rb_ticket_store *s)
{
#ifndef _WIN32
    char now[256], *before = NULL, *marker = rb__sprintf("%s-checked", s->path);
    fingerprint(s, now, sizeof now);
    int same = marker && rb__read_file(marker, 512, &before, NULL) == 0 && strcmp(before, now) == 0;
    free(before);
    rb_status st = same ? RB_OK : quick_check_all(s);
    if (!same && st == RB_OK && marker && !s->read_only)
        rb__write_file_atomic(marker, now, strlen(now)); /* only a time saver: may fail */
    else if (st != RB_OK && marker)
        remove(marker);
    free(marker);
    return st;
#else
    return quick_check_all(s);
#endif
}

static rb_status quick_check_all(rb_ticket_store *s)
{
    sqlite3_stmt *q = rb__tk_prepare(s, "PRAGMA quick_check(3)");
    if (!q)
        return rb__errs_status(s->err) == RB_ERR_CORRUPT
                   ? rb__tk_err(s, RB_ERR_CORRUPT, "%s is damaged (%s); restore it from a backup "
                                "copy", s->path, sqlite3_errmsg(s->db))
                   : rb__errs_status(s->err);
    char found[300] = "";
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(q, 0);
        if (t && strcmp(t, "ok") != 0 && strlen(found) + 4 < sizeof found)
            snprintf(found + strlen(found), sizeof found - strlen(found), "%s%s",
                     found[0] ? "; " : "", t);
    }
    rb_status st = RB_OK;
    if (rc != SQLITE_DONE && !found[0])
        snprintf(found, sizeof found, "%s", sqlite3_errmsg(s->db));
    sqlite3_finalize(q);
    if (found[0])
        st = rb__tk_err(s, RB_ERR_CORRUPT, "%s is damaged (SQLite quick_check: %s); nothing "
                        "was changed: restore it from a backup copy, or ask for it to be "
                        "recovered", s->path, found);
    return st;
}

rb_status rb_ticket_store_open(rb_ticket_store **out, rb_context *ctx,
                               const rb_ticket_store_options *opts)
{
    if (!out || !ctx)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    if (opts && (opts->version < 1 || opts->version > RB_TICKET_STORE_OPTIONS_VERSION))
        return rb__error(ctx, RB_ERR_INVALID_ARG, "unknown rb_ticket_store_options version");
    rb_ticket_store *s = calloc(1, sizeof *s);
    if (!s)
        return RB_ERR_NOMEM;
    if (!(s->err = rb__errs_new())) {
        free(s);
        return RB_ERR_NOMEM;
    }
    *out = s;
    s->ctx = ctx;
    s->read_only = opts ? opts->read_only : 0;
    int must_exist = opts && opts->version >= 2 ? opts->must_exist : 0;
    s->path = opts && opts->path ? rb__strdup(opts->path)
                                 : rb__path_join(rb_context_home(ctx), "tickets.db");
    if (!s->path)
        return RB_ERR_NOMEM;
    s->busy_ms = opts && opts->busy_timeout_ms > 0 ? opts->busy_timeout_ms : 10000;
#ifndef _WIN32
    rb_status pre = check_files(s, must_exist);
    if (pre != RB_OK)
        return pre;
    int flags = s->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
#else
    int flags = s->read_only ? SQLITE_OPEN_READONLY
                : must_exist ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
#endif
    if (sqlite3_open_v2(s->path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        if (must_exist && (sqlite3_errcode(s->db) & 0xff) == SQLITE_CANTOPEN)
            return rb__tk_err(s, RB_ERR_NOT_FOUND, "no tickets yet: there is no ticket "
                              "database %s", s->path);
        return rb__tk_dberr(s, s->path);
    }
    rb_status st = configure(s, s->busy_ms);
    if (st == RB_ERR_CORRUPT)
        st = rb__tk_err(s, RB_ERR_CORRUPT, "%s is damaged or not a ticket database (%s); "
                        "restore it from a backup copy", s->path, sqlite3_errmsg(s->db));
    if (st == RB_OK)
        st = quick_check(s);
    if (st == RB_OK)
        st = rb__tk_migrate(s);
    return st;
}

void rb_ticket_store_free(rb_ticket_store *s)
{
    if (!s)
        return;
    if (s->db)
        sqlite3_close_v2(s->db);
    free(s->path);
    free(s->staff_name);
    rb__errs_free(s->err);
    free(s);
}

const char *rb_ticket_store_last_error(const rb_ticket_store *s)
{
    return rb__errs_last(s ? s->err : NULL);
}

int rb_ticket_store_schema_version(const rb_ticket_store *s)
{
    return s ? s->schema_version : 0;
}

int rb_ticket_schema_current(void)
{
    return TK_SCHEMA_CURRENT;
}

const char *rb_ticket_store_staff(const rb_ticket_store *s)
{
    return s && s->staff_id ? s->staff_name : NULL;
}

void rb_ticket_store_sign_out(rb_ticket_store *s)
{
    if (!s)
        return;
    s->staff_id = 0;
    s->staff_admin = 0;
    free(s->staff_name);
    s->staff_name = NULL;
}
