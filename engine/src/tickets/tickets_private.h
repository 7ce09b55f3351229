/*
 * tickets/tickets_private.h - shared between the files of the ticket store. Not installed.
 */
#ifndef RB_TICKETS_TICKETS_PRIVATE_H
#define RB_TICKETS_TICKETS_PRIVATE_H

#include <sqlite3.h>

#include "core/internal.h"
#include "rescuebay/tickets.h"

#define TK_SCHEMA_CURRENT 4

struct rb_ticket_store {
    rb_context *ctx;
    sqlite3 *db;
    char *path;
    int schema_version;
    int read_only;
    int busy_ms;               /* busy timeout, also the bound of an erase's wait */
    int64_t staff_id;          /* signed-in member, 0 if none */
    char *staff_name;
    int staff_admin;
    rb__errs *err;             /* the one error model: core/internal.h */
};

/* Error helpers: record on the store's buffer and return the status. */
rb_status rb__tk_err(rb_ticket_store *s, rb_status st, const char *fmt, ...) RB_PRINTF(3, 4);
rb_status rb__tk_dberr(rb_ticket_store *s, const char *what);

/* The single write path: BEGIN IMMEDIATE (waits for other writers up to the busy
 * timeout) ... COMMIT. rb__tk_end commits when st is RB_OK, else rolls back; returns st or
 * the commit's failure. */
rb_status rb__tk_begin(rb_ticket_store *s);
rb_status rb__tk_end(rb_ticket_store *s, rb_status st);
rb_status rb__tk_exec(rb_ticket_store *s, const char *sql);

/* Prepares or records the error. */
sqlite3_stmt *rb__tk_prepare(rb_ticket_store *s, const char *sql);

/* Current UTC time (seconds) and as ISO 8601. Tests move the clock with
 * rb__tickets_clock_offset. */
extern int64_t rb__tickets_clock_offset;
int64_t rb__tk_now(void);
void rb__tk_now_iso(char out[32]);

/* Migrations (schema.c). */
rb_status rb__tk_migrate(rb_ticket_store *s);
rb_status rb__tk_register_functions(sqlite3 *db);

/* A database-held setting (settings.c): the value in force, the default if unset. */
rb_status rb__tk_setting_long(rb_ticket_store *s, const char *key, long *out);

/* Text (text.c). */
/* Copies s with invalid UTF-8 replaced by U+FFFD; NULL on allocation failure. */
char *rb__tk_utf8_clean(const char *s);
/* Digits of a phone number, reversed ("+44 (20) 7946-0018" -> "8100649702044"). */
char *rb__tk_phone_rev(const char *s);
/* Refuses text that carries a password (see tickets.h "Privacy"). */
rb_status rb__tk_check_no_password(rb_ticket_store *s, const char *what, const char *text);
/* FTS5 query from user words: each word quoted, last one as a prefix. NULL if no words. */
char *rb__tk_fts_query(const char *text);

/* Ticket rows (ticket.c). */
rb_status rb__tk_ticket_id(rb_ticket_store *s, const char *number, int64_t *id);
rb_ticket *rb__tk_ticket_from_row(sqlite3_stmt *st);
extern const char rb__tk_ticket_columns[];
rb_status rb__tk_fts_refresh(rb_ticket_store *s, int64_t id);
rb_status rb__tk_event_insert(rb_ticket_store *s, int64_t ticket_id, rb_ticket_event_type type,
                          const char *summary, const char *detail);
rb_status rb__tk_require_staff(rb_ticket_store *s);
/* Checks (length, password guard) and cleans (UTF-8) free text; *out NULL if in is. */
rb_status rb__tk_checked_text(rb_ticket_store *s, const char *what, const char *in, size_t max,
                             char **out);

rb_status rb__tk_search(rb_ticket_list **out, rb_ticket_store *s, const rb_ticket_query *q,
                    size_t limit_default);

/* Column text or "" (never NULL), duplicated. */
char *rb__tk_col(sqlite3_stmt *st, int i);

#endif
