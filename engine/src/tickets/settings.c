/* tickets/settings.c - the settings that guard the data, kept in the database.
 *
 * The lock-out is what protects a 4-digit PIN, so its limits cannot come from a
 * rescuebay.conf: that file is per folder, and anyone who can run the command can write
 * one and point it (--home, a symlink) at the shop's database. An administrator sets
 * them with a sign-in; a value in a conf file is ignored (and logged as such).
 */
#include <stdlib.h>
#include <string.h>

#include "tickets/tickets_private.h"

static const struct known {
    const char *key;
    long def, min, max;
} KNOWN[] = {
    {"tickets.pin_max_failures", 5, 1, 1000},
    {"tickets.pin_lockout_seconds", 300, 1, 86400L * 30},
};
#define N_KNOWN (sizeof KNOWN / sizeof KNOWN[0])

static const struct known *find(const char *key)
{
    for (size_t i = 0; key && i < N_KNOWN; i++)
        if (strcmp(KNOWN[i].key, key) == 0)
            return &KNOWN[i];
    return NULL;
}

const char *rb_ticket_setting_name(size_t index)
{
    return index < N_KNOWN ? KNOWN[index].key : NULL;
}

static int parse(const struct known *k, const char *v, long *out)
{
    char *end = NULL;
    if (!v || !*v)
        return 0;
    long n = strtol(v, &end, 10);
    if (*end || n < k->min || n > k->max)
        return 0;
    *out = n;
    return 1;
}

rb_status rb__tk_setting_long(rb_ticket_store *s, const char *key, long *out)
{
    const struct known *k = find(key);
    if (!k)
        return rb__tk_err(s, RB_ERR_INVALID_ARG, "unknown ticket setting %s", key);
    *out = k->def;
    if (rb_context_setting(s->ctx, key, NULL))
        rb__log("tickets", "%s in rescuebay.conf is ignored: it is kept in the ticket "
                "database (`rescuebay ticket settings set`)", key);
    if (s->schema_version < 4)
        return RB_OK; /* a read-only store of an older file: its defaults */
    sqlite3_stmt *q = rb__tk_prepare(s, "SELECT value FROM settings WHERE key = ?");
    if (!q)
        return rb__errs_status(s->err);
    sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    rb_status st = RB_OK;
    if (rc == SQLITE_ROW) {
        if (!parse(k, (const char *)sqlite3_column_text(q, 0), out))
            st = rb__tk_err(s, RB_ERR_CORRUPT, "the ticket database holds an invalid %s", key);
    } else if (rc != SQLITE_DONE) {
        st = rb__tk_dberr(s, "read settings");
    }
    sqlite3_finalize(q);
    return st;
}

rb_status rb_ticket_setting_get(char **out, rb_ticket_store *s, const char *key)
{
    if (!out || !s)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    long v = 0;
    rb_status st = rb__tk_setting_long(s, key, &v);
    if (st != RB_OK)
        return st;
    *out = rb__sprintf("%ld", v);
    return *out ? RB_OK : RB_ERR_NOMEM;
}

rb_status rb_ticket_setting_set(rb_ticket_store *s, const char *key, const char *value)
{
    if (!s)
        return RB_ERR_INVALID_ARG;
    const struct known *k = find(key);
    long n = 0;
    if (!k)
        return rb__tk_err(s, RB_ERR_INVALID_ARG, "unknown ticket setting %.80s (known: "
                          "tickets.pin_max_failures, tickets.pin_lockout_seconds)",
                          key ? key : "");
    if (value && !parse(k, value, &n))
        return rb__tk_err(s, RB_ERR_INVALID_ARG, "%s must be a whole number from %ld to %ld",
                          key, k->min, k->max);
    rb_status st = rb__tk_require_staff(s);
    if (st == RB_OK && !s->staff_admin)
        st = rb__tk_err(s, RB_ERR_PERMISSION, "only an administrator may change ticket settings");
    if (st == RB_OK)
        st = rb__tk_begin(s);
    if (st != RB_OK)
        return st;
    char now[32];
    rb__tk_now_iso(now);
    sqlite3_stmt *u = rb__tk_prepare(s, value
        ? "INSERT INTO settings(key, value, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)"
          " ON CONFLICT(key) DO UPDATE SET value = ?2, updated_at = ?3, updated_by = ?4"
        : "DELETE FROM settings WHERE key = ?1");
    if (!u)
        return rb__tk_end(s, rb__errs_status(s->err));
    char text[32];
    snprintf(text, sizeof text, "%ld", n);
    sqlite3_bind_text(u, 1, key, -1, SQLITE_STATIC);
    if (value) {
        sqlite3_bind_text(u, 2, text, -1, SQLITE_STATIC);
        sqlite3_bind_text(u, 3, now, -1, SQLITE_STATIC);
        sqlite3_bind_text(u, 4, s->staff_name, -1, SQLITE_STATIC);
    }
    if (sqlite3_step(u) != SQLITE_DONE)
        st = rb__tk_dberr(s, "save setting");
    sqlite3_finalize(u);
    return rb__tk_end(s, st);
}
