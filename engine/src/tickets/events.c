/* tickets/events.c - the append-only event log of a ticket. The database refuses any
 * UPDATE or DELETE of an event by trigger (schema.c); this file only ever INSERTs. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "tickets/tickets_private.h"

static const char *const EVENT_NAMES[] = {
    NULL, "created", "updated", "status_changed", "note", "device_detected",
    "backup_verified", "firmware_fetched", "restore_step", "interrupted", "resumed",
    "outcome", "consent_recorded", "previous_restore_log", "personal_data_erased"};

const char *rb_ticket_event_type_name(rb_ticket_event_type t)
{
    return t >= RB_TICKET_EVENT_CREATED && t <= RB_TICKET_EVENT_PERSONAL_DATA_ERASED
               ? EVENT_NAMES[t] : "unknown";
}

rb_ticket_event_type rb_ticket_event_type_from_name(const char *name)
{
    for (int i = 1; name && i <= RB_TICKET_EVENT_PERSONAL_DATA_ERASED; i++)
        if (strcmp(name, EVENT_NAMES[i]) == 0)
            return (rb_ticket_event_type)i;
    return (rb_ticket_event_type)0;
}

rb_status rb__tk_event_insert(rb_ticket_store *s, int64_t ticket_id, rb_ticket_event_type type,
                          const char *summary, const char *detail)
{
    char now[32];
    rb__tk_now_iso(now);
    sqlite3_stmt *ins = rb__tk_prepare(s, "INSERT INTO events(ticket_id, at, type, actor, summary,"
                                      " detail) VALUES (?, ?, ?, ?, ?, ?)");
    if (!ins)
        return rb__errs_status(s->err);
    sqlite3_bind_int64(ins, 1, ticket_id);
    sqlite3_bind_text(ins, 2, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, rb_ticket_event_type_name(type), -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 4, s->staff_id ? s->staff_name : "engine", -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 5, summary ? summary : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 6, detail ? detail : "", -1, SQLITE_STATIC);
    rb_status st = sqlite3_step(ins) == SQLITE_DONE ? RB_OK : rb__tk_dberr(s, "append event");
    sqlite3_finalize(ins);
    return st;
}

rb_status rb_ticket_event_append(rb_ticket_store *s, const char *number,
                                 rb_ticket_event_type type, const char *summary,
                                 const char *detail_json)
{
    if (!s)
        return RB_ERR_INVALID_ARG;
    if (type < RB_TICKET_EVENT_CREATED || type > RB_TICKET_EVENT_PERSONAL_DATA_ERASED ||
        type == RB_TICKET_EVENT_CREATED || type == RB_TICKET_EVENT_PERSONAL_DATA_ERASED)
        return rb__tk_err(s, RB_ERR_INVALID_ARG, "this event type cannot be appended by hand");
    if (detail_json && *detail_json) {
        cJSON *j = cJSON_Parse(detail_json);
        int object = cJSON_IsObject(j);
        cJSON_Delete(j);
        if (!object)
            return rb__tk_err(s, RB_ERR_PARSE, "an event detail is a JSON object");
    }
    char *sum = NULL, *det = NULL;
    int64_t id = 0;
    rb_status st = rb__tk_checked_text(s, "the event summary", summary, RB_TICKET_FIELD_MAX, &sum);
    if (st == RB_OK)
        st = rb__tk_checked_text(s, "the event detail", detail_json, RB_TICKET_DETAIL_MAX,
                                 &det);
    if (st == RB_OK)
        st = rb__tk_begin(s);
    if (st == RB_OK) {
        st = rb__tk_ticket_id(s, number, &id);
        if (st == RB_OK)
            st = rb__tk_event_insert(s, id, type, sum, det);
        if (st == RB_OK && type == RB_TICKET_EVENT_NOTE)
            st = rb__tk_fts_refresh(s, id);
        st = rb__tk_end(s, st);
    }
    free(sum);
    free(det);
    return st;
}

rb_status rb_ticket_events_get(rb_ticket_event_list **out, rb_ticket_store *s, const char *number)
{
    if (!out || !s)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    int64_t id = 0;
    rb_status st = rb__tk_ticket_id(s, number, &id);
    if (st != RB_OK)
        return st;
    sqlite3_stmt *q = rb__tk_prepare(s, "SELECT id, at, type, actor, summary, detail, redacted"
                                    " FROM events WHERE ticket_id = ? ORDER BY id");
    if (!q)
        return rb__errs_status(s->err);
    sqlite3_bind_int64(q, 1, id);
    rb_ticket_event_list *l = calloc(1, sizeof *l);
    st = l ? RB_OK : RB_ERR_NOMEM;
    int rc = SQLITE_DONE;
    while (st == RB_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        rb_ticket_event *grown = realloc(l->items, (l->count + 1) * sizeof *grown);
        if (!grown) {
            st = RB_ERR_NOMEM;
            break;
        }
        l->items = grown;
        rb_ticket_event *e = &l->items[l->count++];
        e->id = sqlite3_column_int64(q, 0);
        e->at = rb__tk_col(q, 1);
        e->type = rb_ticket_event_type_from_name((const char *)sqlite3_column_text(q, 2));
        e->actor = rb__tk_col(q, 3);
        e->summary = rb__tk_col(q, 4);
        e->detail = rb__tk_col(q, 5);
        e->redacted = sqlite3_column_int(q, 6);
        if (!e->at || !e->actor || !e->summary || !e->detail)
            st = RB_ERR_NOMEM;
    }
    if (st == RB_OK && rc != SQLITE_DONE)
        st = rb__tk_dberr(s, "read events");
    sqlite3_finalize(q);
    if (st != RB_OK) {
        rb_ticket_event_list_free(l);
        return st;
    }
    *out = l;
    return RB_OK;
}

void rb_ticket_event_list_free(rb_ticket_event_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->count; i++) {
        free(l->items[i].at);
        free(l->items[i].actor);
        free(l->items[i].summary);
        free(l->items[i].detail);
    }
    free(l->items);
    free(l);
}
