/* tickets/privacy.c - erasing a customer's personal data, and the retention period.
 *
 * An erase keeps the repair record (number, model, problem, resolution, status, times,
 * the kinds of events) and removes what identifies the customer: contact fields, the
 * device identifiers, the text of notes and every event detail. The event log stays
 * append-only: its trigger lets exactly this one-way redaction through (schema.c). For the
 * data to leave the file, and not only the tables: secure_delete zeroes freed space, an
 * FTS5 'optimize' rewrites the index without the deleted tokens (SQLite 3.40 has no
 * FTS5 secure-delete option), and a TRUNCATE checkpoint copies the pages over the old
 * ones in the database file and empties the WAL.
 *
 * All or nothing: the checkpoint cannot finish while another connection (the kiosk) is
 * inside a read transaction. The erase first waits for a checkpoint to go through, so
 * that the common case ("the kiosk holds the database") changes nothing at all; then
 * changes the rows; then waits again. Each wait is bounded by the store's busy timeout,
 * and an erase that could not finish says so (RB_ERR_BUSY) instead of reporting success
 * with the data still on disk. Running it again finishes the job.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tickets/tickets_private.h"

static rb_status erase_one(rb_ticket_store *s, int64_t id)
{
    char now[32];
    rb__tk_now_iso(now);
    sqlite3_stmt *u = rb__tk_prepare(s,
        "UPDATE tickets SET customer_name = '', customer_phone = '', customer_email = '',"
        " phone_rev = '', serial = '', imei = '', udid = '', ecid = '', erased_at = ?1,"
        " updated_at = ?1, updated_by = ?2 WHERE id = ?3");
    if (!u)
        return rb__errs_status(s->err);
    sqlite3_bind_text(u, 1, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(u, 2, s->staff_id ? s->staff_name : "engine", -1, SQLITE_STATIC);
    sqlite3_bind_int64(u, 3, id);
    rb_status st = sqlite3_step(u) == SQLITE_DONE ? RB_OK : rb__tk_dberr(s, "erase");
    sqlite3_finalize(u);
    if (st != RB_OK)
        return st;
    /* Verdicts, steps and outcomes are short codes the engine writes and stay; the kinds
     * that carry staff prose or device identity lose their summary too. */
    u = rb__tk_prepare(s,
        "UPDATE events SET redacted = 1, detail = '', summary = CASE WHEN type IN"
        " ('note', 'consent_recorded', 'device_detected', 'previous_restore_log')"
        " THEN '' ELSE summary END WHERE ticket_id = ? AND redacted = 0");
    if (!u)
        return rb__errs_status(s->err);
    sqlite3_bind_int64(u, 1, id);
    st = sqlite3_step(u) == SQLITE_DONE ? RB_OK : rb__tk_dberr(s, "erase events");
    sqlite3_finalize(u);
    if (st == RB_OK)
        st = rb__tk_event_insert(s, id, RB_TICKET_EVENT_PERSONAL_DATA_ERASED, NULL, NULL);
    if (st == RB_OK)
        st = rb__tk_fts_refresh(s, id);
    return st;
}

/* Test seams: called when a checkpoint attempt found the file held, and after the rows of
 * an erase were committed (before the second checkpoint). */
void (*rb__tickets_checkpoint_busy_hook)(void);
void (*rb__tickets_erase_committed_hook)(void);

static void nap_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* TRUNCATE checkpoint, retried until the deadline while readers or a writer hold it up. */
static rb_status checkpoint_until(rb_ticket_store *s, uint64_t deadline)
{
    for (long nap = 5;; nap = nap < 100 ? nap * 2 : 100) {
        uint64_t now = rb__now_ms();
        long left = now < deadline ? (long)(deadline - now) : 0;
        /* SQLite's own busy wait covers the short holds; the loop covers a reader that
         * comes back between two attempts. */
        sqlite3_busy_timeout(s->db, (int)(left < 200 ? left : 200));
        int rc = sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
        sqlite3_busy_timeout(s->db, s->busy_ms);
        if (rc == SQLITE_OK)
            return RB_OK;
        if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
            return rb__tk_err(s, rb__tk_dberr(s, "checkpoint"),
                              "personal data not yet erased from disk: the journal cannot be "
                              "written back (%s); erase again once this is fixed",
                              sqlite3_errmsg(s->db));
        if (rb__now_ms() >= deadline)
            return rb__tk_err(s, RB_ERR_BUSY,
                              "personal data not yet erased from disk: the kiosk holds the "
                              "database; close it and retry (another program kept %s open "
                              "for more than %d ms)", s->path, s->busy_ms);
        if (rb__tickets_checkpoint_busy_hook)
            rb__tickets_checkpoint_busy_hook();
        now = rb__now_ms();
        left = now < deadline ? (long)(deadline - now) : 0;
        nap_ms(nap < left ? nap : left);
    }
}

/* secure_delete is what zeroes the freed bytes; a build or a connection where it does not
 * take effect would leave the old text in free pages. */
static rb_status require_secure_delete(rb_ticket_store *s)
{
    sqlite3_stmt *q = rb__tk_prepare(s, "PRAGMA secure_delete");
    if (!q)
        return rb__errs_status(s->err);
    int on = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) == 1;
    sqlite3_finalize(q);
    return on ? RB_OK : rb__tk_err(s, RB_ERR_UNSUPPORTED, "personal data cannot be erased from "
                                   "disk: SQLite's secure_delete is not in effect");
}

/* Runs `erase` (which changes the rows inside a write transaction) between two bounded
 * checkpoints; see the top of this file. */
static rb_status erase_all_or_nothing(rb_ticket_store *s, rb_status (*erase)(rb_ticket_store *, void *),
                                      void *arg)
{
    uint64_t deadline = rb__now_ms() + (uint64_t)s->busy_ms;
    rb_status st = require_secure_delete(s);
    if (st == RB_OK)
        st = checkpoint_until(s, deadline);
    if (st == RB_OK)
        st = rb__tk_begin(s);
    if (st != RB_OK)
        return st;
    st = erase(s, arg);
    /* The rewrite drops the erased words from the index pages; freed pages are zeroed. */
    if (st == RB_OK)
        st = rb__tk_exec(s, "INSERT INTO ticket_fts(ticket_fts) VALUES ('optimize')");
    st = rb__tk_end(s, st);
    if (st == RB_OK && rb__tickets_erase_committed_hook)
        rb__tickets_erase_committed_hook();
    if (st == RB_OK)
        st = checkpoint_until(s, deadline);
    return st;
}

struct erase_req {
    const char *number;
};

static rb_status erase_number(rb_ticket_store *s, void *arg)
{
    const struct erase_req *req = arg;
    int64_t id = 0;
    rb_status st = rb__tk_ticket_id(s, req->number, &id);
    if (st != RB_OK)
        return st;
    /* A retry after an erase that could not reach the disk only finishes the scrub. */
    sqlite3_stmt *q = rb__tk_prepare(s, "SELECT erased_at <> '' FROM tickets WHERE id = ?");
    if (!q)
        return rb__errs_status(s->err);
    sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    int done = rc == SQLITE_ROW && sqlite3_column_int(q, 0);
    st = rc == SQLITE_ROW ? RB_OK : rb__tk_dberr(s, "erase");
    sqlite3_finalize(q);
    return st != RB_OK || done ? st : erase_one(s, id);
}

rb_status rb_ticket_erase_personal_data(rb_ticket_store *s, const char *number)
{
    if (!s)
        return RB_ERR_INVALID_ARG;
    rb_status st = rb__tk_require_staff(s);
    if (st != RB_OK)
        return st;
    struct erase_req req = {number};
    return erase_all_or_nothing(s, erase_number, &req);
}

struct purge {
    char cutoff[32];
    int dry_run;
    size_t count;
};

static rb_status purge_rows(rb_ticket_store *s, void *arg)
{
    struct purge *p = arg;
    /* ISO 8601 UTC strings of one width sort as time. */
    sqlite3_stmt *q = rb__tk_prepare(s, "SELECT id FROM tickets WHERE closed_at <> ''"
                                    " AND closed_at < ? AND erased_at = ''");
    if (!q)
        return rb__errs_status(s->err);
    sqlite3_bind_text(q, 1, p->cutoff, -1, SQLITE_STATIC);
    size_t n = 0, cap = 0;
    int64_t *ids = NULL;
    rb_status st = RB_OK;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            int64_t *g = realloc(ids, cap * sizeof *g);
            if (!g) {
                st = RB_ERR_NOMEM;
                break;
            }
            ids = g;
        }
        ids[n++] = sqlite3_column_int64(q, 0);
    }
    if (st == RB_OK && rc != SQLITE_DONE)
        st = rb__tk_dberr(s, "purge");
    sqlite3_finalize(q);
    for (size_t i = 0; !p->dry_run && st == RB_OK && i < n; i++)
        st = erase_one(s, ids[i]);
    if (!p->dry_run && st == RB_OK) {
        /* The sign-in record names staff, and what was typed as a name; keep it no longer. */
        sqlite3_stmt *d = rb__tk_prepare(s, "DELETE FROM sign_ins WHERE at < ?");
        if (!d) {
            st = rb__errs_status(s->err);
        } else {
            sqlite3_bind_text(d, 1, p->cutoff, -1, SQLITE_STATIC);
            if (sqlite3_step(d) != SQLITE_DONE)
                st = rb__tk_dberr(s, "purge sign-ins");
            sqlite3_finalize(d);
        }
    }
    free(ids);
    p->count = n;
    return st;
}

rb_status rb_ticket_purge_expired(size_t *count_out, rb_ticket_store *s, int dry_run)
{
    if (!s)
        return RB_ERR_INVALID_ARG;
    if (count_out)
        *count_out = 0;
    const char *v = rb_context_setting(s->ctx, "tickets.retention_days", NULL);
    if (!v || !*v)
        return RB_OK;
    char *end = NULL;
    long days = strtol(v, &end, 10);
    if (*end || days < 0 || days > 36500)
        return rb__tk_err(s, RB_ERR_INVALID_ARG, "tickets.retention_days must be 0..36500 days");
    if (days == 0)
        return RB_OK;
    struct purge p = {.dry_run = dry_run};
    rb__utc_iso8601(rb__tk_now() - (int64_t)days * 86400, p.cutoff);
    rb_status st = dry_run ? purge_rows(s, &p) : erase_all_or_nothing(s, purge_rows, &p);
    if (st == RB_OK && count_out)
        *count_out = p.count;
    return st;
}
