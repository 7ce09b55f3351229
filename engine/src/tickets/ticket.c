/* tickets/ticket.c - creating, changing and reading tickets; the event log. */
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "tickets/tickets_private.h"

const char rb__tk_ticket_columns[] =
    "t.id, t.number, t.status, t.customer_name, t.customer_phone, t.customer_email,"
    " t.device_model, t.product_type, t.serial, t.ecid, t.udid, t.ios_version, t.imei,"
    " t.problem, t.resolution, t.staff, t.created_at, t.created_by, t.updated_at,"
    " t.updated_by, t.closed_at, t.erased_at";

enum kind { K_TEXT, K_SERIAL, K_DIGITS, K_ECID, K_PHONE };

/* Input member -> column, in the order of rb__tk_ticket_columns from index 3 on (status
 * excluded) so that a row's old value is column first_col + i. */
static const struct field {
    const char *column;
    size_t offset;
    enum kind kind;
    int row_col;
} FIELDS[] = {
    {"customer_name", offsetof(rb_ticket_fields, customer_name), K_TEXT, 3},
    {"customer_phone", offsetof(rb_ticket_fields, customer_phone), K_PHONE, 4},
    {"customer_email", offsetof(rb_ticket_fields, customer_email), K_TEXT, 5},
    {"device_model", offsetof(rb_ticket_fields, device_model), K_TEXT, 6},
    {"product_type", offsetof(rb_ticket_fields, product_type), K_TEXT, 7},
    {"serial", offsetof(rb_ticket_fields, serial), K_SERIAL, 8},
    {"ecid", offsetof(rb_ticket_fields, ecid), K_ECID, 9},
    {"udid", offsetof(rb_ticket_fields, udid), K_TEXT, 10},
    {"ios_version", offsetof(rb_ticket_fields, ios_version), K_TEXT, 11},
    {"imei", offsetof(rb_ticket_fields, imei), K_DIGITS, 12},
    {"problem", offsetof(rb_ticket_fields, problem), K_TEXT, 13},
    {"resolution", offsetof(rb_ticket_fields, resolution), K_TEXT, 14},
    {"staff", offsetof(rb_ticket_fields, assigned_staff), K_TEXT, 15},
};
#define N_FIELDS (sizeof FIELDS / sizeof FIELDS[0])

static const char *const STATUS_NAMES[] = {NULL, "open", "waiting_for_customer",
                                           "in_progress", "done", "collected"};
const char *rb_ticket_status_name(rb_ticket_status st)
{
    return st >= RB_TICKET_OPEN && st <= RB_TICKET_COLLECTED ? STATUS_NAMES[st] : "unknown";
}

rb_ticket_status rb_ticket_status_from_name(const char *name)
{
    for (int i = 1; name && i <= RB_TICKET_COLLECTED; i++)
        if (strcmp(name, STATUS_NAMES[i]) == 0)
            return (rb_ticket_status)i;
    return (rb_ticket_status)0;
}

rb_status rb_ticket_fields_init(rb_ticket_fields *f, unsigned int version)
{
    if (!f || version != RB_TICKET_FIELDS_VERSION)
        return RB_ERR_INVALID_ARG;
    rb_ticket_fields def = RB_TICKET_FIELDS_INIT;
    *f = def;
    return RB_OK;
}

rb_status rb_ticket_fields_set_device(rb_ticket_fields *f, const rb_device_info *info)
{
    if (!f || !info)
        return RB_ERR_INVALID_ARG;
    if (info->name[0])
        f->device_model = info->name;
    else if (info->product_type[0])
        f->device_model = info->product_type;
    if (info->product_type[0])
        f->product_type = info->product_type;
    if (info->serial[0])
        f->serial = info->serial;
    if (info->udid[0])
        f->udid = info->udid;
    if (info->ios_version[0])
        f->ios_version = info->ios_version;
    if (info->imei[0])
        f->imei = info->imei;
    if (info->ecid) {
        snprintf(f->ecid_text_, sizeof f->ecid_text_, "0x%" PRIX64, info->ecid);
        f->ecid = f->ecid_text_;
    }
    return RB_OK;
}

/* Canonical ECID "0x<HEX>" from decimal or 0x-hex; 0 if `s` is not one. */
static int ecid_canon(const char *s, char out[24])
{
    if (!s || !*s)
        return 0;
    errno = 0;
    char *end = NULL;
    int hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    unsigned long long v = strtoull(s, &end, hex ? 16 : 10);
    if (errno || *end || end == s || v == 0)
        return 0;
    snprintf(out, 24, "0x%llX", v);
    return 1;
}

/* Normalised copy of an input value, checked; NULL with the error set on failure. */
static char *normalise(rb_ticket_store *s, const struct field *fd, const char *in, rb_status *st)
{
    if (strlen(in) > RB_TICKET_FIELD_MAX) {
        *st = rb__tk_err(s, RB_ERR_INVALID_ARG, "%s is longer than %d bytes", fd->column,
                     RB_TICKET_FIELD_MAX);
        return NULL;
    }
    if ((*st = rb__tk_check_no_password(s, fd->column, in)) != RB_OK)
        return NULL;
    char *v = rb__tk_utf8_clean(in);
    if (!v) {
        *st = RB_ERR_NOMEM;
        return NULL;
    }
    if (fd->kind == K_SERIAL || fd->kind == K_DIGITS) {
        size_t o = 0;
        for (size_t i = 0; v[i]; i++) {
            unsigned char c = (unsigned char)v[i];
            if (fd->kind == K_DIGITS ? (c >= '0' && c <= '9') : (c > ' ' && c != 0x7f))
                v[o++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
        }
        v[o] = '\0';
    } else if (fd->kind == K_ECID && *v) {
        char canon[24];
        if (!ecid_canon(v, canon)) {
            free(v);
            *st = rb__tk_err(s, RB_ERR_INVALID_ARG, "an ECID is a decimal or 0x-hex number");
            return NULL;
        }
        strcpy(v, canon);
    }
    *st = RB_OK;
    return v;
}

rb_status rb__tk_ticket_id(rb_ticket_store *s, const char *number, int64_t *id)
{
    sqlite3_stmt *q = rb__tk_prepare(s, "SELECT id FROM tickets WHERE number = upper(trim(?))");
    if (!q)
        return rb__errs_status(s->err);
    sqlite3_bind_text(q, 1, number ? number : "", -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    rb_status st = RB_OK;
    if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64(q, 0);
    else if (rc == SQLITE_DONE)
        st = rb__tk_err(s, RB_ERR_NOT_FOUND, "no ticket numbered %.80s", number ? number : "");
    else
        st = rb__tk_dberr(s, "find ticket");
    sqlite3_finalize(q);
    return st;
}

static rb_status next_number(rb_ticket_store *s, char **out)
{
    const char *prefix = rb_context_setting(s->ctx, "tickets.number_prefix", "RB");
    size_t plen = strlen(prefix);
    int valid = plen >= 1 && plen <= 8;
    for (size_t i = 0; valid && i < plen; i++)
        valid = (prefix[i] >= 'A' && prefix[i] <= 'Z') || (prefix[i] >= '0' && prefix[i] <= '9');
    if (!valid)
        return rb__tk_err(s, RB_ERR_INVALID_ARG, "tickets.number_prefix must be 1-8 of A-Z, 0-9");
    time_t now = (time_t)rb__tk_now();
    struct tm tm;
    gmtime_r(&now, &tm);
    int year = tm.tm_year + 1900;
    sqlite3_stmt *q = rb__tk_prepare(s, "INSERT INTO counters(prefix, year, last) VALUES (?, ?, 1)"
                                    " ON CONFLICT(prefix, year) DO UPDATE SET last = last + 1"
                                    " RETURNING last");
    if (!q)
        return rb__errs_status(s->err);
    sqlite3_bind_text(q, 1, prefix, -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 2, year);
    rb_status st = RB_OK;
    if (sqlite3_step(q) != SQLITE_ROW) {
        st = rb__tk_dberr(s, "ticket number");
    } else {
        *out = rb__sprintf("%s-%04d-%05lld", prefix, year, (long long)sqlite3_column_int64(q, 0));
        if (!*out)
            st = RB_ERR_NOMEM;
        /* Finishing the RETURNING statement is part of the write: check it too. */
        else if (sqlite3_step(q) != SQLITE_DONE)
            st = rb__tk_dberr(s, "ticket number");
        if (st != RB_OK) {
            free(*out);
            *out = NULL;
        }
    }
    sqlite3_finalize(q);
    return st;
}

/* Writes the non-NULL members of `f` to ticket `id` (whose current row is `old`, or
 * NULL for a new ticket). *changed gets a JSON array of the changed column names. */
static rb_status apply_fields(rb_ticket_store *s, int64_t id, sqlite3_stmt *old,
                              const rb_ticket_fields *f, cJSON *changed)
{
    rb_status st = RB_OK;
    for (size_t i = 0; i < N_FIELDS && st == RB_OK; i++) {
        const char *in = *(const char *const *)((const char *)f + FIELDS[i].offset);
        if (!in)
            continue;
        char *v = normalise(s, &FIELDS[i], in, &st);
        if (!v)
            break;
        const unsigned char *was = old ? sqlite3_column_text(old, FIELDS[i].row_col) : NULL;
        if (was && strcmp((const char *)was, v) == 0) {
            free(v);
            continue;
        }
        char sql[160];
        snprintf(sql, sizeof sql, "UPDATE tickets SET %s = ?1%s WHERE id = ?2",
                 FIELDS[i].column,
                 FIELDS[i].kind == K_PHONE ? ", phone_rev = rb_phone_rev(?1)" : "");
        sqlite3_stmt *u = rb__tk_prepare(s, sql);
        int record = *v || old;
        if (!u) {
            free(v);
            return rb__errs_status(s->err);
        }
        sqlite3_bind_text(u, 1, v, -1, free);
        sqlite3_bind_int64(u, 2, id);
        if (sqlite3_step(u) != SQLITE_DONE)
            st = rb__tk_dberr(s, "update ticket");
        sqlite3_finalize(u);
        if (record)
            cJSON_AddItemToArray(changed, cJSON_CreateString(FIELDS[i].column));
    }
    return st;
}

static rb_status touch(rb_ticket_store *s, int64_t id)
{
    char now[32];
    rb__tk_now_iso(now);
    sqlite3_stmt *u = rb__tk_prepare(s, "UPDATE tickets SET updated_at = ?, updated_by = ? WHERE id = ?");
    if (!u)
        return rb__errs_status(s->err);
    sqlite3_bind_text(u, 1, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(u, 2, s->staff_name, -1, SQLITE_STATIC);
    sqlite3_bind_int64(u, 3, id);
    rb_status st = sqlite3_step(u) == SQLITE_DONE ? RB_OK : rb__tk_dberr(s, "update ticket");
    sqlite3_finalize(u);
    return st;
}

static rb_status changed_event(rb_ticket_store *s, int64_t id, rb_ticket_event_type type,
                               cJSON *changed)
{
    /* Only the names of the changed fields go to the log: values stay in the ticket row,
     * where an erase can reach them. */
    cJSON *detail = cJSON_CreateObject();
    char *text = NULL;
    if (detail && cJSON_AddItemReferenceToObject(detail, "fields", changed))
        text = cJSON_PrintUnformatted(detail);
    cJSON_Delete(detail);
    if (!text)
        return RB_ERR_NOMEM;
    rb_status st = rb__tk_event_insert(s, id, type, NULL, text);
    cJSON_free(text);
    return st;
}

rb_status rb_ticket_create(char **number_out, rb_ticket_store *s, const rb_ticket_fields *f)
{
    if (number_out)
        *number_out = NULL;
    if (!s || (f && f->version != RB_TICKET_FIELDS_VERSION))
        return RB_ERR_INVALID_ARG;
    rb_ticket_fields none = RB_TICKET_FIELDS_INIT;
    if (!f)
        f = &none;
    rb_status st = rb__tk_require_staff(s);
    if (st == RB_OK)
        st = rb__tk_begin(s);
    if (st != RB_OK)
        return st;
    char *number = NULL;
    int64_t id = 0;
    cJSON *changed = cJSON_CreateArray();
    st = changed ? next_number(s, &number) : RB_ERR_NOMEM;
    if (st == RB_OK) {
        char now[32];
        rb__tk_now_iso(now);
        sqlite3_stmt *ins = rb__tk_prepare(s, "INSERT INTO tickets(number, status, created_at,"
                                          " created_by, updated_at, updated_by)"
                                          " VALUES (?1, 'open', ?2, ?3, ?2, ?3)");
        if (!ins) {
            st = rb__errs_status(s->err);
        } else {
            sqlite3_bind_text(ins, 1, number, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 2, now, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 3, s->staff_name, -1, SQLITE_STATIC);
            if (sqlite3_step(ins) != SQLITE_DONE)
                st = rb__tk_dberr(s, "create ticket");
            id = sqlite3_last_insert_rowid(s->db);
            sqlite3_finalize(ins);
        }
    }
    if (st == RB_OK)
        st = apply_fields(s, id, NULL, f, changed);
    if (st == RB_OK)
        st = changed_event(s, id, RB_TICKET_EVENT_CREATED, changed);
    if (st == RB_OK)
        st = rb__tk_fts_refresh(s, id);
    cJSON_Delete(changed);
    st = rb__tk_end(s, st);
    if (st == RB_OK && number_out)
        *number_out = number;
    else
        free(number);
    return st;
}

/* Applies `f` to ticket `id` inside the caller's transaction. */
static rb_status update_locked(rb_ticket_store *s, int64_t id, const rb_ticket_fields *f)
{
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT %s FROM tickets t WHERE t.id = ?", rb__tk_ticket_columns);
    sqlite3_stmt *old = rb__tk_prepare(s, sql);
    cJSON *changed = cJSON_CreateArray();
    rb_status st = RB_OK;
    if (!old || !changed) {
        sqlite3_finalize(old);
        cJSON_Delete(changed);
        return old ? RB_ERR_NOMEM : rb__errs_status(s->err);
    }
    sqlite3_bind_int64(old, 1, id);
    if (sqlite3_step(old) != SQLITE_ROW)
        st = rb__tk_dberr(s, "read ticket");
    if (st == RB_OK)
        st = apply_fields(s, id, old, f, changed);
    sqlite3_finalize(old);
    if (st == RB_OK && cJSON_GetArraySize(changed) > 0) {
        st = touch(s, id);
        if (st == RB_OK)
            st = changed_event(s, id, RB_TICKET_EVENT_UPDATED, changed);
        if (st == RB_OK)
            st = rb__tk_fts_refresh(s, id);
    }
    cJSON_Delete(changed);
    return st;
}

rb_status rb_ticket_update(rb_ticket_store *s, const char *number, const rb_ticket_fields *f)
{
    if (!s || !f || f->version != RB_TICKET_FIELDS_VERSION)
        return RB_ERR_INVALID_ARG;
    int64_t id = 0;
    rb_status st = rb__tk_require_staff(s);
    if (st == RB_OK)
        st = rb__tk_begin(s);
    if (st != RB_OK)
        return st;
    st = rb__tk_ticket_id(s, number, &id);
    if (st == RB_OK)
        st = update_locked(s, id, f);
    return rb__tk_end(s, st);
}

static rb_status set_status(rb_ticket_store *s, int64_t id, rb_ticket_status status,
                            const char *note)
{
    char now[32];
    rb__tk_now_iso(now);
    int closing = status == RB_TICKET_DONE || status == RB_TICKET_COLLECTED;
    sqlite3_stmt *u = rb__tk_prepare(s,
        "UPDATE tickets SET status = ?1, closed_at = CASE WHEN ?2 THEN"
        " CASE closed_at WHEN '' THEN ?3 ELSE closed_at END ELSE '' END WHERE id = ?4"
        " AND status <> ?1");
    if (!u)
        return rb__errs_status(s->err);
    sqlite3_bind_text(u, 1, rb_ticket_status_name(status), -1, SQLITE_STATIC);
    sqlite3_bind_int(u, 2, closing);
    sqlite3_bind_text(u, 3, now, -1, SQLITE_STATIC);
    sqlite3_bind_int64(u, 4, id);
    rb_status st = sqlite3_step(u) == SQLITE_DONE ? RB_OK : rb__tk_dberr(s, "set status");
    int changed = sqlite3_changes(s->db);
    sqlite3_finalize(u);
    if (st == RB_OK && changed) {
        st = touch(s, id);
        if (st == RB_OK)
            st = rb__tk_event_insert(s, id, RB_TICKET_EVENT_STATUS_CHANGED,
                                 rb_ticket_status_name(status), NULL);
    }
    if (st == RB_OK && note && *note) {
        st = rb__tk_event_insert(s, id, RB_TICKET_EVENT_NOTE, note, NULL);
        if (st == RB_OK)
            st = rb__tk_fts_refresh(s, id);
    }
    return st;
}

rb_status rb__tk_checked_text(rb_ticket_store *s, const char *what, const char *in, size_t max,
                             char **out)
{
    *out = NULL;
    if (!in)
        return RB_OK;
    if (strlen(in) > max)
        return rb__tk_err(s, RB_ERR_INVALID_ARG, "%s is longer than %zu bytes", what, max);
    rb_status st = rb__tk_check_no_password(s, what, in);
    if (st != RB_OK)
        return st;
    *out = rb__tk_utf8_clean(in);
    return *out ? RB_OK : RB_ERR_NOMEM;
}

rb_status rb_ticket_set_status(rb_ticket_store *s, const char *number, rb_ticket_status status,
                               const char *note)
{
    if (!s || status < RB_TICKET_OPEN || status > RB_TICKET_COLLECTED)
        return s ? rb__tk_err(s, RB_ERR_INVALID_ARG, "unknown ticket status") : RB_ERR_INVALID_ARG;
    char *clean = NULL;
    int64_t id = 0;
    rb_status st = rb__tk_require_staff(s);
    if (st == RB_OK)
        st = rb__tk_checked_text(s, "the note", note, RB_TICKET_FIELD_MAX, &clean);
    if (st == RB_OK)
        st = rb__tk_begin(s);
    if (st == RB_OK) {
        st = rb__tk_ticket_id(s, number, &id);
        if (st == RB_OK)
            st = set_status(s, id, status, clean);
        st = rb__tk_end(s, st);
    }
    free(clean);
    return st;
}

rb_status rb_ticket_close(rb_ticket_store *s, const char *number, const char *resolution,
                          rb_ticket_status status)
{
    if (!s || (status != RB_TICKET_DONE && status != RB_TICKET_COLLECTED))
        return s ? rb__tk_err(s, RB_ERR_INVALID_ARG, "a ticket closes as done or collected")
                 : RB_ERR_INVALID_ARG;
    /* Resolution and status in one transaction: never a resolved ticket left open. */
    int64_t id = 0;
    rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
    f.resolution = resolution;
    rb_status st = rb__tk_require_staff(s);
    if (st == RB_OK)
        st = rb__tk_begin(s);
    if (st != RB_OK)
        return st;
    st = rb__tk_ticket_id(s, number, &id);
    if (st == RB_OK && resolution)
        st = update_locked(s, id, &f);
    if (st == RB_OK)
        st = set_status(s, id, status, NULL);
    return rb__tk_end(s, st);
}

rb_ticket *rb__tk_ticket_from_row(sqlite3_stmt *q)
{
    rb_ticket *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->version = 1;
    t->id = sqlite3_column_int64(q, 0);
    t->number = rb__tk_col(q, 1);
    t->status = rb_ticket_status_from_name((const char *)sqlite3_column_text(q, 2));
    char **dst[] = {&t->customer_name, &t->customer_phone, &t->customer_email, &t->device_model,
                    &t->product_type, &t->serial, &t->ecid, &t->udid, &t->ios_version,
                    &t->imei, &t->problem, &t->resolution, &t->assigned_staff, &t->created_at,
                    &t->created_by, &t->updated_at, &t->updated_by, &t->closed_at,
                    &t->erased_at};
    int ok = t->number != NULL;
    for (size_t i = 0; i < sizeof dst / sizeof dst[0]; i++) {
        *dst[i] = rb__tk_col(q, (int)i + 3);
        ok = ok && *dst[i];
    }
    if (!ok) {
        rb_ticket_free(t);
        return NULL;
    }
    return t;
}

void rb_ticket_free(rb_ticket *t)
{
    if (!t)
        return;
    char *all[] = {t->number, t->customer_name, t->customer_phone, t->customer_email,
                   t->device_model, t->product_type, t->serial, t->ecid, t->udid,
                   t->ios_version, t->imei, t->problem, t->resolution, t->assigned_staff,
                   t->created_at, t->created_by, t->updated_at, t->updated_by, t->closed_at,
                   t->erased_at};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        free(all[i]);
    free(t);
}

rb_status rb_ticket_get(rb_ticket **out, rb_ticket_store *s, const char *number)
{
    if (!out || !s)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT %s FROM tickets t WHERE t.number = upper(trim(?))",
             rb__tk_ticket_columns);
    sqlite3_stmt *q = rb__tk_prepare(s, sql);
    if (!q)
        return rb__errs_status(s->err);
    sqlite3_bind_text(q, 1, number ? number : "", -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    rb_status st = RB_OK;
    if (rc == SQLITE_ROW)
        st = (*out = rb__tk_ticket_from_row(q)) ? RB_OK : RB_ERR_NOMEM;
    else if (rc == SQLITE_DONE)
        st = rb__tk_err(s, RB_ERR_NOT_FOUND, "no ticket numbered %.80s", number ? number : "");
    else
        st = rb__tk_dberr(s, "read ticket");
    sqlite3_finalize(q);
    return st;
}

rb_status rb_ticket_find_for_device(char **number_out, rb_ticket_store *s, const char *device_id)
{
    if (!number_out || !s || !device_id || !*device_id)
        return RB_ERR_INVALID_ARG;
    *number_out = NULL;
    char ecid[24] = "";
    if (!ecid_canon(device_id, ecid))
        ecid[0] = '\0';
    sqlite3_stmt *q = rb__tk_prepare(s,
        "SELECT number FROM tickets WHERE status <> 'collected' AND (udid = ?1"
        " OR serial = upper(?1) OR (?2 <> '' AND ecid = ?2)) ORDER BY id DESC LIMIT 1");
    if (!q)
        return rb__errs_status(s->err);
    sqlite3_bind_text(q, 1, device_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, ecid, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    rb_status st = RB_OK;
    if (rc == SQLITE_ROW)
        st = (*number_out = rb__tk_col(q, 0)) ? RB_OK : RB_ERR_NOMEM;
    else if (rc == SQLITE_DONE)
        st = rb__tk_err(s, RB_ERR_NOT_FOUND, "no open ticket for that device");
    else
        st = rb__tk_dberr(s, "find ticket");
    sqlite3_finalize(q);
    return st;
}

