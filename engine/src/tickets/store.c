/* tickets/store.c - opening the ticket database, its pragmas, errors and the one write
 * path. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>

#include "tickets/tickets_internal.h"

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
    s->err.status = st;
    vsnprintf(s->err.msg, sizeof s->err.msg, fmt, ap);
    va_end(ap);
    rb__log("tickets", "%s", s->err.msg);
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

rb_status rb_ticket_store_open(rb_ticket_store **out, rb_context *ctx,
                               const rb_ticket_store_options *opts)
{
    if (!out || !ctx)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    if (opts && opts->version != RB_TICKET_STORE_OPTIONS_VERSION)
        return rb__error(ctx, RB_ERR_INVALID_ARG, "unknown rb_ticket_store_options version");
    rb_ticket_store *s = calloc(1, sizeof *s);
    if (!s)
        return RB_ERR_NOMEM;
    *out = s;
    s->ctx = ctx;
    s->read_only = opts ? opts->read_only : 0;
    s->path = opts && opts->path ? rb__strdup(opts->path)
                                 : rb__path_join(rb_context_home(ctx), "tickets.db");
    if (!s->path)
        return RB_ERR_NOMEM;
#ifndef _WIN32
    if (!s->read_only) {
        /* Customer data: only the kiosk's user may read it. SQLite gives the -wal and
         * -shm files the mode of the database file. */
        int fd = open(s->path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd >= 0)
            close(fd);
    }
#endif
    int flags = s->read_only ? SQLITE_OPEN_READONLY
                             : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(s->path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
        return rb__tk_dberr(s, s->path);
    int busy = opts && opts->busy_timeout_ms > 0 ? opts->busy_timeout_ms : 10000;
    rb_status st = configure(s, busy);
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
    free(s);
}

const char *rb_ticket_store_last_error(const rb_ticket_store *s)
{
    return s ? s->err.msg : "";
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
