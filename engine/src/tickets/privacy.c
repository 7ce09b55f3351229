/* tickets/privacy.c - erasing a customer's personal data, and the retention period.
 *
 * An erase keeps the repair record (number, model, problem, resolution, status, times,
 * the kinds of events) and removes what identifies the customer: contact fields, the
 * device identifiers, the text of notes and every event detail. The event log stays
 * append-only: its trigger lets exactly this one-way redaction through (schema.c). For the
 * data to leave the file, and not only the tables: secure_delete zeroes freed space, an
 * FTS5 'optimize' rewrites the index without the deleted tokens (SQLite 3.40 has no
 * FTS5 secure-delete option), and a TRUNCATE checkpoint empties the WAL.
 */
#include <stdlib.h>
#include <string.h>

#include "tickets/tickets_internal.h"

static rb_status erase_one(rb_ticket_store *s, int64_t id)
{
    char now[32];
    rb__tk_now_iso(now);
    sqlite3_stmt *u = rb__tk_prepare(s,
        "UPDATE tickets SET customer_name = '', customer_phone = '', customer_email = '',"
        " phone_rev = '', serial = '', imei = '', udid = '', ecid = '', erased_at = ?1,"
        " updated_at = ?1, updated_by = ?2 WHERE id = ?3");
    if (!u)
        return s->err.status;
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
        return s->err.status;
    sqlite3_bind_int64(u, 1, id);
    st = sqlite3_step(u) == SQLITE_DONE ? RB_OK : rb__tk_dberr(s, "erase events");
    sqlite3_finalize(u);
    if (st == RB_OK)
        st = rb__tk_event_insert(s, id, RB_TICKET_EVENT_PERSONAL_DATA_ERASED, NULL, NULL);
    if (st == RB_OK)
        st = rb__tk_fts_refresh(s, id);
    return st;
}

static void scrub_file(rb_ticket_store *s)
{
    /* Failures here leave the data unreachable through the tables, only not yet
     * overwritten; they are logged and retried by the next erase or purge. */
    if (rb__tk_begin(s) == RB_OK)
        rb__tk_end(s, rb__tk_exec(s, "INSERT INTO ticket_fts(ticket_fts) VALUES ('optimize')"));
    int log = 0, done = 0;
    if (sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done) != SQLITE_OK)
        rb__log("tickets", "checkpoint after erase: %s", sqlite3_errmsg(s->db));
}

rb_status rb_ticket_erase_personal_data(rb_ticket_store *s, const char *number)
{
    if (!s)
        return RB_ERR_INVALID_ARG;
    int64_t id = 0;
    rb_status st = rb__tk_require_staff(s);
    if (st == RB_OK)
        st = rb__tk_begin(s);
    if (st != RB_OK)
        return st;
    st = rb__tk_ticket_id(s, number, &id);
    if (st == RB_OK)
        st = erase_one(s, id);
    st = rb__tk_end(s, st);
    if (st == RB_OK)
        scrub_file(s);
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
    char cutoff[32];
    rb__utc_iso8601(rb__tk_now() - (int64_t)days * 86400, cutoff);
    rb_status st = dry_run ? RB_OK : rb__tk_begin(s);
    if (st != RB_OK)
        return st;
    /* ISO 8601 UTC strings of one width sort as time. */
    sqlite3_stmt *q = rb__tk_prepare(s, "SELECT id FROM tickets WHERE closed_at <> ''"
                                    " AND closed_at < ? AND erased_at = ''");
    if (!q)
        return dry_run ? s->err.status : rb__tk_end(s, s->err.status);
    sqlite3_bind_text(q, 1, cutoff, -1, SQLITE_STATIC);
    size_t n = 0, cap = 0;
    int64_t *ids = NULL;
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
    for (size_t i = 0; !dry_run && st == RB_OK && i < n; i++)
        st = erase_one(s, ids[i]);
    if (!dry_run && st == RB_OK) {
        /* The sign-in record names staff, and what was typed as a name; keep it no longer. */
        sqlite3_stmt *d = rb__tk_prepare(s, "DELETE FROM sign_ins WHERE at < ?");
        if (!d) {
            st = s->err.status;
        } else {
            sqlite3_bind_text(d, 1, cutoff, -1, SQLITE_STATIC);
            if (sqlite3_step(d) != SQLITE_DONE)
                st = rb__tk_dberr(s, "purge sign-ins");
            sqlite3_finalize(d);
        }
    }
    free(ids);
    if (!dry_run)
        st = rb__tk_end(s, st);
    if (st == RB_OK && !dry_run && n)
        scrub_file(s);
    if (st == RB_OK && count_out)
        *count_out = n;
    return st;
}
