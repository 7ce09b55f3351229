/* restore/journal.c - the restore journal: `restore.db` in the data home.
 *
 * SQLite in WAL mode with synchronous=FULL: a transition is on disk when the call returns,
 * and only then does the job act on it (a power cut right after still finds it). The
 * schema follows the ticket store's pattern (PRAGMA user_version, forward steps, each in
 * its own transaction). Several processes share the file; writers wait on the busy timeout.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "restore/restore_private.h"

static const char MIGRATE_TO_1[] =
    "CREATE TABLE jobs("
    " id INTEGER PRIMARY KEY,"
    " ecid TEXT NOT NULL,"
    " udid TEXT NOT NULL DEFAULT '',"
    " product_type TEXT NOT NULL DEFAULT '',"
    " hardware_model TEXT NOT NULL DEFAULT '',"
    " model_name TEXT NOT NULL DEFAULT '',"
    " cpid INTEGER NOT NULL DEFAULT 0,"
    " bdid INTEGER NOT NULL DEFAULT 0,"
    " erase INTEGER NOT NULL,"
    " build TEXT NOT NULL DEFAULT '',"
    " version TEXT NOT NULL DEFAULT '',"
    " start_build TEXT NOT NULL DEFAULT '',"
    " ipsw TEXT NOT NULL DEFAULT '',"
    " sha1 TEXT NOT NULL DEFAULT '',"
    " ticket TEXT NOT NULL DEFAULT '',"
    " backup_path TEXT NOT NULL DEFAULT '',"
    " gate_ok INTEGER NOT NULL DEFAULT 0,"
    " state TEXT NOT NULL,"
    " resume_from TEXT NOT NULL DEFAULT '',"
    " cause TEXT NOT NULL DEFAULT 'none',"
    " detail TEXT NOT NULL DEFAULT '',"
    " next_action TEXT NOT NULL DEFAULT 'none',"
    " attempts INTEGER NOT NULL DEFAULT 0,"
    " max_attempts INTEGER NOT NULL,"
    " percent REAL NOT NULL DEFAULT 0,"
    " eta INTEGER NOT NULL DEFAULT -1,"
    " step INTEGER NOT NULL DEFAULT -1,"
    " warnings INTEGER NOT NULL DEFAULT 0,"
    " cancel_requested INTEGER NOT NULL DEFAULT 0,"
    " driver_pid INTEGER NOT NULL DEFAULT 0,"
    " log_path TEXT NOT NULL DEFAULT '',"
    " created_at TEXT NOT NULL,"
    " updated_at TEXT NOT NULL);"
    "CREATE INDEX jobs_by_ecid ON jobs(ecid, id);"
    "CREATE TABLE transitions("
    " id INTEGER PRIMARY KEY,"
    " job_id INTEGER NOT NULL REFERENCES jobs(id),"
    " at TEXT NOT NULL,"
    " at_ms INTEGER NOT NULL,"
    " from_state TEXT NOT NULL,"
    " to_state TEXT NOT NULL,"
    " cause TEXT NOT NULL,"
    " detail TEXT NOT NULL DEFAULT '',"
    " pid INTEGER NOT NULL);"
    "CREATE INDEX transitions_by_job ON transitions(job_id, id);"
    "CREATE TABLE attempts("
    " id INTEGER PRIMARY KEY,"
    " job_id INTEGER NOT NULL REFERENCES jobs(id),"
    " n INTEGER NOT NULL,"
    " ecid TEXT NOT NULL,"
    " started_at TEXT NOT NULL,"
    " started_ms INTEGER NOT NULL,"
    " ended_ms INTEGER NOT NULL DEFAULT 0,"
    " exit_code INTEGER NOT NULL DEFAULT -1,"
    " cause TEXT NOT NULL DEFAULT '',"
    " summary TEXT NOT NULL DEFAULT '',"
    " log_path TEXT NOT NULL DEFAULT '',"
    " pid INTEGER NOT NULL,"
    " tool_pid INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE backup_checks("
    " id INTEGER PRIMARY KEY,"
    " path TEXT NOT NULL,"
    " fingerprint TEXT NOT NULL,"
    " product_type TEXT NOT NULL,"
    " target_version TEXT NOT NULL,"
    " verdict TEXT NOT NULL,"
    " at INTEGER NOT NULL);"
    "CREATE INDEX backup_checks_by_fp ON backup_checks(fingerprint, at);";

static const char *const MIGRATIONS[RS_SCHEMA_CURRENT] = {MIGRATE_TO_1};

int64_t rb__rs_j_wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

rb_status rb__rs_j_dberr(struct rs_journal *jr, const char *what)
{
    int code = sqlite3_errcode(jr->db) & 0xff;
    rb_status st = code == SQLITE_BUSY || code == SQLITE_LOCKED ? RB_ERR_BUSY
                   : code == SQLITE_FULL                         ? RB_ERR_DISK_FULL
                   : code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? RB_ERR_CORRUPT
                                                                  : RB_ERR_DB;
    return rb__errs_set(jr->err, st, "restore journal: %s: %s", what, sqlite3_errmsg(jr->db));
}

rb_status rb__rs_j_exec(struct rs_journal *jr, const char *sql)
{
    if (sqlite3_exec(jr->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return rb__rs_j_dberr(jr, "exec");
    return RB_OK;
}

rb_status rb__rs_j_end_tx(struct rs_journal *jr, rb_status st)
{
    if (st == RB_OK && sqlite3_exec(jr->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        st = rb__rs_j_dberr(jr, "commit");
    if (!sqlite3_get_autocommit(jr->db))
        sqlite3_exec(jr->db, "ROLLBACK", NULL, NULL, NULL);
    return st;
}

static rb_status migrate(struct rs_journal *jr)
{
    for (;;) {
        rb_status st = rb__rs_j_exec(jr, "BEGIN IMMEDIATE");
        if (st != RB_OK)
            return st;
        sqlite3_stmt *q = NULL;
        int version = 0;
        if (sqlite3_prepare_v2(jr->db, "PRAGMA user_version", -1, &q, NULL) == SQLITE_OK &&
            sqlite3_step(q) == SQLITE_ROW)
            version = sqlite3_column_int(q, 0);
        sqlite3_finalize(q);
        if (version > RS_SCHEMA_CURRENT) {
            rb__rs_j_end_tx(jr, RB_ERR_GENERIC);
            return rb__errs_set(jr->err, RB_ERR_UNSUPPORTED,
                                  "restore journal: version %d is newer than this program (%d)",
                                  version, RS_SCHEMA_CURRENT);
        }
        if (version == RS_SCHEMA_CURRENT)
            return rb__rs_j_end_tx(jr, RB_OK);
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version + 1);
        st = rb__rs_j_exec(jr, MIGRATIONS[version]);
        if (st == RB_OK)
            st = rb__rs_j_exec(jr, pragma);
        st = rb__rs_j_end_tx(jr, st);
        if (st != RB_OK)
            return st;
    }
}

static rb_status run_v(struct rs_journal *jr, int64_t *rowid, const char *sql,
                       const char *types, va_list ap)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(jr->db, sql, -1, &q, NULL) != SQLITE_OK)
        return rb__rs_j_dberr(jr, "prepare");
    for (int i = 0; types[i]; i++) {
        if (types[i] == 'i')
            sqlite3_bind_int64(q, i + 1, va_arg(ap, int64_t));
        else
            sqlite3_bind_text(q, i + 1, va_arg(ap, const char *), -1, SQLITE_TRANSIENT);
    }
    rb_status st = sqlite3_step(q) == SQLITE_DONE ? RB_OK : rb__rs_j_dberr(jr, "write");
    if (st == RB_OK && rowid)
        *rowid = sqlite3_last_insert_rowid(jr->db);
    sqlite3_finalize(q);
    return st;
}

rb_status rb__rs_j_run_locked(struct rs_journal *jr, int64_t *rowid, const char *sql,
                              const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    rb_status st = run_v(jr, rowid, sql, types, ap);
    va_end(ap);
    return st;
}

rb_status rb__rs_j_run(struct rs_journal *jr, const char *sql, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    pthread_mutex_lock(&jr->mu);
    rb_status st = run_v(jr, NULL, sql, types, ap);
    pthread_mutex_unlock(&jr->mu);
    va_end(ap);
    return st;
}

rb_status rb__rs_journal_open(struct rs_journal **out, rb_context *ctx, rb__errs *err)
{
    *out = NULL;
    struct rs_journal *jr = calloc(1, sizeof *jr);
    if (!jr)
        return RB_ERR_NOMEM;
    jr->err = err;
    pthread_mutex_init(&jr->mu, NULL);
    char *path = rb__path_join(rb_context_home(ctx), "restore.db");
    if (!path) {
        free(jr);
        return RB_ERR_NOMEM;
    }
    int rc = sqlite3_open_v2(path, &jr->db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                             NULL);
    rb_status st = RB_OK;
    if (rc != SQLITE_OK) {
        st = rb__errs_set(err, RB_ERR_DB, "cannot open %s: %s", path,
                            jr->db ? sqlite3_errmsg(jr->db) : "out of memory");
    } else {
        sqlite3_busy_timeout(jr->db, 15000);
        sqlite3_exec(jr->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
        st = rb__rs_j_exec(jr, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON");
        if (st == RB_OK)
            st = migrate(jr);
    }
    free(path);
    if (st != RB_OK) {
        rb__rs_journal_close(jr);
        return st;
    }
    *out = jr;
    return RB_OK;
}

void rb__rs_journal_close(struct rs_journal *jr)
{
    if (!jr)
        return;
    sqlite3_close(jr->db);
    pthread_mutex_destroy(&jr->mu);
    free(jr);
}

void rb__rs_j_now_iso(char out[32])
{
    rb__utc_iso8601((int64_t)time(NULL), out);
}

void rb__rs_j_ecid_text(char out[24], uint64_t ecid)
{
    snprintf(out, 24, "0x%016llX", (unsigned long long)ecid);
}

#define JOB_COLS                                                                          \
    "id, ecid, udid, product_type, hardware_model, model_name, cpid, bdid, erase, build," \
    " version, ipsw, sha1, ticket, backup_path, gate_ok, state, resume_from, cause, detail," \
    " next_action, attempts, max_attempts, percent, eta, step, warnings, cancel_requested," \
    " driver_pid, log_path, created_at, updated_at, start_build"

static void col(char *dst, size_t cap, sqlite3_stmt *q, int i)
{
    const unsigned char *t = sqlite3_column_text(q, i);
    snprintf(dst, cap, "%s", t ? (const char *)t : "");
}

static void read_row(sqlite3_stmt *q, struct rs_job *j)
{
    char buf[64];
    memset(j, 0, sizeof *j);
    j->id = sqlite3_column_int64(q, 0);
    col(buf, sizeof buf, q, 1);
    j->ecid = strtoull(buf, NULL, 0);
    col(j->udid, sizeof j->udid, q, 2);
    col(j->product_type, sizeof j->product_type, q, 3);
    col(j->hardware_model, sizeof j->hardware_model, q, 4);
    col(j->model_name, sizeof j->model_name, q, 5);
    j->cpid = (uint32_t)sqlite3_column_int64(q, 6);
    j->bdid = (uint32_t)sqlite3_column_int64(q, 7);
    j->erase = sqlite3_column_int(q, 8);
    col(j->build, sizeof j->build, q, 9);
    col(j->version, sizeof j->version, q, 10);
    col(j->ipsw, sizeof j->ipsw, q, 11);
    col(j->sha1, sizeof j->sha1, q, 12);
    col(j->ticket, sizeof j->ticket, q, 13);
    col(j->backup_path, sizeof j->backup_path, q, 14);
    j->gate_ok = sqlite3_column_int(q, 15);
    col(buf, sizeof buf, q, 16);
    j->state = rb__rs_state_from_name(buf);
    col(buf, sizeof buf, q, 17);
    j->resume_from = rb__rs_state_from_name(buf);
    col(buf, sizeof buf, q, 18);
    j->cause = rb__rs_cause_from_name(buf);
    col(j->detail, sizeof j->detail, q, 19);
    col(buf, sizeof buf, q, 20);
    j->next = rb__rs_next_from_name(buf);
    j->attempts = sqlite3_column_int(q, 21);
    j->max_attempts = sqlite3_column_int(q, 22);
    j->percent = sqlite3_column_double(q, 23);
    j->eta = sqlite3_column_int(q, 24);
    j->step = sqlite3_column_int(q, 25);
    j->warnings = (unsigned)sqlite3_column_int(q, 26);
    j->cancel_requested = sqlite3_column_int(q, 27);
    j->driver_pid = sqlite3_column_int(q, 28);
    col(j->log_path, sizeof j->log_path, q, 29);
    col(j->created_at, sizeof j->created_at, q, 30);
    col(j->updated_at, sizeof j->updated_at, q, 31);
    col(j->start_build, sizeof j->start_build, q, 32);
}

rb_status rb__rs_job_insert(struct rs_journal *jr, struct rs_job *job)
{
    char e[24], now[32];
    rb__rs_j_ecid_text(e, job->ecid);
    rb__rs_j_now_iso(now);
    sqlite3_stmt *q = NULL;
    rb_status st = RB_OK;
    pthread_mutex_lock(&jr->mu);
    if (sqlite3_prepare_v2(jr->db,
                           "INSERT INTO jobs(ecid, udid, product_type, hardware_model, model_name,"
                           " cpid, bdid, erase, ticket, backup_path, state, max_attempts,"
                           " created_at, updated_at, driver_pid, start_build)"
                           " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                           -1, &q, NULL) != SQLITE_OK) {
        st = rb__rs_j_dberr(jr, "insert");
    } else {
        sqlite3_bind_text(q, 1, e, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 2, job->udid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 3, job->product_type, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 4, job->hardware_model, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 5, job->model_name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(q, 6, job->cpid);
        sqlite3_bind_int64(q, 7, job->bdid);
        sqlite3_bind_int(q, 8, job->erase);
        sqlite3_bind_text(q, 9, job->ticket, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 10, job->backup_path, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 11, rb_restore_state_name(RB_RESTORE_PREFLIGHT), -1, SQLITE_STATIC);
        sqlite3_bind_int(q, 12, job->max_attempts);
        sqlite3_bind_text(q, 13, now, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 14, now, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(q, 15, (int)getpid());
        sqlite3_bind_text(q, 16, job->start_build, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(q) != SQLITE_DONE) {
            st = rb__rs_j_dberr(jr, "insert");
        } else {
            job->id = sqlite3_last_insert_rowid(jr->db);
            job->state = RB_RESTORE_PREFLIGHT;
            job->driver_pid = (int)getpid();
            snprintf(job->created_at, sizeof job->created_at, "%s", now);
            snprintf(job->updated_at, sizeof job->updated_at, "%s", now);
        }
    }
    sqlite3_finalize(q);
    pthread_mutex_unlock(&jr->mu);
    return st;
}

rb_status rb__rs_job_load(struct rs_journal *jr, int64_t id, struct rs_job *out)
{
    sqlite3_stmt *q = NULL;
    rb_status st = RB_OK;
    pthread_mutex_lock(&jr->mu);
    const char *sql = id > 0 ? "SELECT " JOB_COLS " FROM jobs WHERE id = ?"
                             : "SELECT " JOB_COLS " FROM jobs ORDER BY id DESC LIMIT 1";
    if (sqlite3_prepare_v2(jr->db, sql, -1, &q, NULL) != SQLITE_OK) {
        st = rb__rs_j_dberr(jr, "read");
    } else {
        if (id > 0)
            sqlite3_bind_int64(q, 1, id);
        int rc = sqlite3_step(q);
        if (rc == SQLITE_ROW)
            read_row(q, out);
        else if (rc == SQLITE_DONE)
            st = rb__errs_set(jr->err, RB_ERR_NOT_FOUND, "no restore job %lld", (long long)id);
        else
            st = rb__rs_j_dberr(jr, "read");
    }
    sqlite3_finalize(q);
    pthread_mutex_unlock(&jr->mu);
    return st;
}

rb_status rb__rs_j_save_locked(struct rs_journal *jr, const struct rs_job *j, const char *now)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(jr->db,
                           "UPDATE jobs SET state=?, resume_from=?, cause=?, detail=?, next_action=?,"
                           " attempts=?, percent=?, eta=?, step=?, warnings=?, build=?, version=?,"
                           " ipsw=?, sha1=?, gate_ok=?, log_path=?, product_type=?, model_name=?,"
                           " updated_at=? WHERE id=?",
                           -1, &q, NULL) != SQLITE_OK)
        return rb__rs_j_dberr(jr, "update");
    sqlite3_bind_text(q, 1, rb_restore_state_name(j->state), -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, j->resume_from ? rb_restore_state_name(j->resume_from) : "", -1,
                      SQLITE_STATIC);
    sqlite3_bind_text(q, 3, rb_restore_cause_name(j->cause), -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 4, j->detail, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q, 5, rb_restore_next_name(j->next), -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 6, j->attempts);
    sqlite3_bind_double(q, 7, j->percent);
    sqlite3_bind_int(q, 8, j->eta);
    sqlite3_bind_int(q, 9, j->step);
    sqlite3_bind_int(q, 10, (int)j->warnings);
    sqlite3_bind_text(q, 11, j->build, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q, 12, j->version, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q, 13, j->ipsw, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q, 14, j->sha1, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(q, 15, j->gate_ok);
    sqlite3_bind_text(q, 16, j->log_path, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q, 17, j->product_type, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q, 18, j->model_name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q, 19, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q, 20, j->id);
    rb_status st = sqlite3_step(q) == SQLITE_DONE ? RB_OK : rb__rs_j_dberr(jr, "update");
    sqlite3_finalize(q);
    return st;
}

rb_status rb__rs_job_save(struct rs_journal *jr, const struct rs_job *job)
{
    char now[32];
    rb__rs_j_now_iso(now);
    pthread_mutex_lock(&jr->mu);
    rb_status st = rb__rs_j_save_locked(jr, job, now);
    pthread_mutex_unlock(&jr->mu);
    return st;
}

rb_status rb__rs_transition(struct rs_journal *jr, struct rs_job *job, rb_restore_state to,
                            rb_restore_cause cause, rb_restore_next next, const char *detail)
{
    struct rs_job n = *job;
    char now[32];
    rb__rs_j_now_iso(now);
    if (to == RB_RESTORE_INTERRUPTED && job->state != RB_RESTORE_INTERRUPTED)
        n.resume_from = job->state;
    n.state = to;
    n.cause = cause;
    n.next = next;
    snprintf(n.detail, sizeof n.detail, "%s", detail ? detail : "");
    double p = rb__rs_percent(to, n.step, -1);
    if (p >= 0)
        n.percent = p;
    if (rb_restore_state_is_final(to))
        n.eta = to == RB_RESTORE_DONE ? 0 : -1;
    pthread_mutex_lock(&jr->mu);
    rb_status st = rb__rs_j_exec(jr, "BEGIN IMMEDIATE");
    if (st == RB_OK)
        st = rb__rs_j_save_locked(jr, &n, now);
    if (st == RB_OK)
        st = rb__rs_j_run_locked(jr, NULL,
                                 "INSERT INTO transitions(job_id, at, at_ms, from_state, to_state,"
                                 " cause, detail, pid) VALUES(?,?,?,?,?,?,?,?)",
                                 "ititttti", job->id, now, rb__rs_j_wall_ms(),
                                 rb_restore_state_name(job->state), rb_restore_state_name(to),
                                 rb_restore_cause_name(cause), n.detail, (int64_t)getpid());
    st = rb__rs_j_end_tx(jr, st);
    pthread_mutex_unlock(&jr->mu);
    if (st == RB_OK) {
        snprintf(n.updated_at, sizeof n.updated_at, "%s", now);
        *job = n;
    }
    return st;
}




rb_status rb__rs_job_ids(struct rs_journal *jr, int unfinished_only, size_t limit, int64_t **ids,
                         size_t *count)
{
    *ids = NULL;
    *count = 0;
    sqlite3_stmt *q = NULL;
    rb_status st = RB_OK;
    pthread_mutex_lock(&jr->mu);
    const char *sql = unfinished_only
                          ? "SELECT id FROM jobs WHERE state NOT IN ('done','failed','cancelled')"
                            " ORDER BY id DESC LIMIT ?"
                          : "SELECT id FROM jobs ORDER BY id DESC LIMIT ?";
    if (sqlite3_prepare_v2(jr->db, sql, -1, &q, NULL) != SQLITE_OK) {
        st = rb__rs_j_dberr(jr, "list");
    } else {
        sqlite3_bind_int64(q, 1, limit ? (int64_t)limit : -1);
        size_t cap = 0;
        int rc;
        while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
            if (*count == cap) {
                cap = cap ? cap * 2 : 16;
                int64_t *n = realloc(*ids, cap * sizeof *n);
                if (!n) {
                    st = RB_ERR_NOMEM;
                    break;
                }
                *ids = n;
            }
            (*ids)[(*count)++] = sqlite3_column_int64(q, 0);
        }
        if (st == RB_OK && rc != SQLITE_DONE)
            st = rb__rs_j_dberr(jr, "list");
    }
    sqlite3_finalize(q);
    pthread_mutex_unlock(&jr->mu);
    if (st != RB_OK) {
        free(*ids);
        *ids = NULL;
        *count = 0;
    }
    return st;
}

int64_t rb__rs_job_for_ecid(struct rs_journal *jr, uint64_t ecid)
{
    char e[24];
    rb__rs_j_ecid_text(e, ecid);
    sqlite3_stmt *q = NULL;
    int64_t id = 0;
    pthread_mutex_lock(&jr->mu);
    if (sqlite3_prepare_v2(jr->db,
                           "SELECT id FROM jobs WHERE ecid=? AND state NOT IN"
                           " ('done','failed','cancelled') ORDER BY id DESC LIMIT 1",
                           -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, e, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(q) == SQLITE_ROW)
            id = sqlite3_column_int64(q, 0);
    }
    sqlite3_finalize(q);
    pthread_mutex_unlock(&jr->mu);
    return id;
}

static rb_status exec_id(struct rs_journal *jr, const char *sql, int64_t a, int64_t id)
{
    return rb__rs_j_run(jr, sql, "ii", a, id);
}

rb_status rb__rs_cancel_request(struct rs_journal *jr, int64_t id)
{
    return exec_id(jr, "UPDATE jobs SET cancel_requested=? WHERE id=?", 1, id);
}

int rb__rs_cancel_requested(struct rs_journal *jr, int64_t id)
{
    sqlite3_stmt *q = NULL;
    int v = 0;
    pthread_mutex_lock(&jr->mu);
    if (sqlite3_prepare_v2(jr->db, "SELECT cancel_requested FROM jobs WHERE id=?", -1, &q, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_int64(q, 1, id);
        if (sqlite3_step(q) == SQLITE_ROW)
            v = sqlite3_column_int(q, 0);
    }
    sqlite3_finalize(q);
    pthread_mutex_unlock(&jr->mu);
    return v;
}

rb_status rb__rs_set_driver(struct rs_journal *jr, struct rs_job *job, int pid)
{
    rb_status st = exec_id(jr, "UPDATE jobs SET driver_pid=? WHERE id=?", pid, job->id);
    if (st == RB_OK)
        job->driver_pid = pid;
    return st;
}


