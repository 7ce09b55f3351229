/* tickets/export.c - CSV and JSON export, and the customer's receipt. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef _WIN32
#include <io.h>
#endif

#include <cjson/cJSON.h>

#include "tickets/tickets_private.h"

struct col {
    const char *name;
    size_t offset;
};
#define C(m) {#m, offsetof(rb_ticket, m)}
static const struct col COLS[] = {
    C(number), {"status", 0}, C(created_at), C(created_by), C(updated_at), C(updated_by),
    C(closed_at), C(customer_name), C(customer_phone), C(customer_email), C(device_model),
    C(product_type), C(serial), C(imei), C(ecid), C(udid), C(ios_version), C(problem),
    C(resolution), C(assigned_staff), C(erased_at)};
#undef C
#define N_COLS (sizeof COLS / sizeof COLS[0])

static const char *col_value(const rb_ticket *t, size_t i)
{
    if (i == 1)
        return rb_ticket_status_name(t->status);
    return *(char *const *)((const char *)t + COLS[i].offset);
}

/* Where an export goes: a growing buffer (written out only once complete) or a file
 * (a temporary one, renamed only once complete). Either way nothing half-made is shown. */
struct sink {
    FILE *f;
    char *buf;
    size_t len, cap;
    int failed;
};

static void put(struct sink *k, const char *p, size_t n)
{
    if (k->failed)
        return;
    if (k->f) {
        k->failed = fwrite(p, 1, n, k->f) != n;
        return;
    }
    if (k->len + n + 1 > k->cap) {
        size_t cap = k->cap ? k->cap : 4096;
        while (cap < k->len + n + 1)
            cap *= 2;
        char *g = realloc(k->buf, cap);
        if (!g) {
            k->failed = 1;
            return;
        }
        k->buf = g;
        k->cap = cap;
    }
    memcpy(k->buf + k->len, p, n);
    k->len += n;
}

static void puts_(struct sink *k, const char *s)
{
    put(k, s, strlen(s));
}

/* One CSV cell (RFC 4180). A cell a spreadsheet would read as a formula (= + - @, or a
 * tab/CR that some apps skip before one) gets a leading apostrophe: exports are opened
 * in spreadsheets and customer input must not run there. */
static void csv_cell(struct sink *out, const char *v)
{
    int formula = v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' ||
                  v[0] == '\r';
    int quote = formula || strpbrk(v, ",\"\r\n") != NULL || v[0] == ' ';
    if (quote)
        puts_(out, "\"");
    if (formula)
        puts_(out, "'");
    for (const char *p = v; *p; p++) {
        if (*p == '"')
            puts_(out, "\"");
        put(out, p, 1);
    }
    if (quote)
        puts_(out, "\"");
}

/* Prints and frees `o` into *out, rb_free-able whatever allocator cJSON uses. */
static rb_status print_json(char **out, cJSON *o)
{
    char *text = o ? cJSON_Print(o) : NULL;
    cJSON_Delete(o);
    if (!text)
        return RB_ERR_NOMEM;
    *out = rb__strdup(text);
    cJSON_free(text);
    return *out ? RB_OK : RB_ERR_NOMEM;
}

/* The one shape of a ticket in JSON (rb_ticket_json, the export, the CLI). */
static rb_status ticket_json(cJSON **out, rb_ticket_store *s, const rb_ticket *t,
                             unsigned int flags)
{
    *out = NULL;
    rb_ticket_event_list *ev = NULL;
    if (flags & RB_TICKET_JSON_EVENTS) {
        rb_status st = rb_ticket_events_get(&ev, s, t->number);
        if (st != RB_OK)
            return st;
    }
    cJSON *o = cJSON_CreateObject();
    cJSON *arr = NULL;
    int ok = o != NULL;
    for (size_t i = 0; ok && i < N_COLS; i++)
        ok = cJSON_AddStringToObject(o, COLS[i].name, col_value(t, i)) != NULL;
    if (ev)
        ok = ok && (arr = cJSON_AddArrayToObject(o, "events")) != NULL;
    for (size_t i = 0; ok && ev && i < ev->count; i++) {
        cJSON *e = cJSON_CreateObject();
        ok = e && cJSON_AddItemToArray(arr, e);
        if (!ok) {
            cJSON_Delete(e);
            break;
        }
        /* Detail is stored as a JSON object: shown as one, so readers need not parse twice;
         * text that is not an object (a damaged row) is null rather than passed on. */
        cJSON *d = ev->items[i].detail[0] ? cJSON_Parse(ev->items[i].detail) : NULL;
        if (d && !cJSON_IsObject(d)) {
            cJSON_Delete(d);
            d = NULL;
        }
        ok = cJSON_AddStringToObject(e, "at", ev->items[i].at) &&
             cJSON_AddStringToObject(e, "type", rb_ticket_event_type_name(ev->items[i].type)) &&
             cJSON_AddStringToObject(e, "actor", ev->items[i].actor) &&
             cJSON_AddStringToObject(e, "summary", ev->items[i].summary) &&
             cJSON_AddItemToObject(e, "detail", d ? d : cJSON_CreateNull()) &&
             cJSON_AddBoolToObject(e, "redacted", ev->items[i].redacted);
    }
    rb_ticket_event_list_free(ev);
    if (!ok) {
        cJSON_Delete(o);
        return RB_ERR_NOMEM;
    }
    *out = o;
    return RB_OK;
}

rb_status rb_ticket_json(char **out, rb_ticket_store *s, const rb_ticket *t, unsigned int flags)
{
    if (out)
        *out = NULL;
    if (!out || !t || ((flags & RB_TICKET_JSON_EVENTS) && !s) || (flags & ~RB_TICKET_JSON_EVENTS))
        return RB_ERR_INVALID_ARG;
    cJSON *o = NULL;
    rb_status st = ticket_json(&o, s, t, flags);
    if (st != RB_OK)
        return st;
    return print_json(out, o);
}

static rb_status export_to(rb_ticket_store *s, struct sink *out, rb_ticket_export_format format,
                           const rb_ticket_query *query)
{
    if (format != RB_TICKET_EXPORT_CSV && format != RB_TICKET_EXPORT_JSON)
        return rb__tk_err(s, RB_ERR_INVALID_ARG, "unknown export format");
    rb_ticket_list *l = NULL;
    rb_status st = rb__tk_search(&l, s, query, 0);
    if (st != RB_OK)
        return st;
    if (format == RB_TICKET_EXPORT_CSV) {
        for (size_t i = 0; i < N_COLS; i++) {
            if (i)
                puts_(out, ",");
            puts_(out, COLS[i].name);
        }
        puts_(out, "\r\n");
        for (size_t r = 0; r < l->count; r++) {
            for (size_t i = 0; i < N_COLS; i++) {
                if (i)
                    puts_(out, ",");
                csv_cell(out, col_value(l->items[r], i));
            }
            puts_(out, "\r\n");
        }
    } else {
        /* One ticket's tree at a time; the text goes to the sink. */
        puts_(out, "[");
        for (size_t r = 0; r < l->count && st == RB_OK && !out->failed; r++) {
            cJSON *o = NULL;
            st = ticket_json(&o, s, l->items[r], RB_TICKET_JSON_EVENTS);
            char *text = st == RB_OK ? cJSON_Print(o) : NULL;
            cJSON_Delete(o);
            if (st == RB_OK && !text)
                st = RB_ERR_NOMEM;
            if (st != RB_OK)
                break;
            puts_(out, r ? ",\n" : "\n");
            puts_(out, text);
            cJSON_free(text);
        }
        puts_(out, "\n]\n");
    }
    rb_ticket_list_free(l);
    if (st == RB_OK && out->failed)
        st = out->f ? rb__tk_err(s, rb__status_from_errno(errno), "writing the export failed: %s",
                                 strerror(errno))
                    : RB_ERR_NOMEM;
    return st;
}

rb_status rb_ticket_export(rb_ticket_store *s, FILE *out, rb_ticket_export_format format,
                           const rb_ticket_query *query)
{
    if (!s || !out)
        return RB_ERR_INVALID_ARG;
    struct sink k = {0};
    rb_status st = export_to(s, &k, format, query);
    if (st == RB_OK && k.len && (fwrite(k.buf, 1, k.len, out) != k.len || fflush(out) != 0))
        st = rb__tk_err(s, RB_ERR_IO, "writing the export failed");
    free(k.buf);
    return st;
}

#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

static int sync_file(FILE *f)
{
#ifndef _WIN32
    return fsync(fileno(f));
#else
    return _commit(_fileno(f));
#endif
}

/* The destination may be replaced (a new export over an old one), but never written
 * through: a link there could point at any file of the kiosk's user. */
static rb_status check_destination(rb_ticket_store *s, const char *path)
{
    struct stat st;
#ifndef _WIN32
    if (lstat(path, &st) != 0)
#else
    if (stat(path, &st) != 0)
#endif
        return errno == ENOENT ? RB_OK
                               : rb__tk_err(s, rb__status_from_errno(errno), "cannot export to "
                                            "%s: %s", path, strerror(errno));
#ifdef S_ISLNK
    if (S_ISLNK(st.st_mode))
        return rb__tk_err(s, RB_ERR_PERMISSION, "cannot export to %s: it is a symbolic link, "
                          "which exports never follow; choose another file name", path);
#endif
    if (S_ISDIR(st.st_mode))
        return rb__tk_err(s, RB_ERR_INVALID_ARG, "cannot export to %s: it is a folder; give "
                          "a file name", path);
    if (!S_ISREG(st.st_mode))
        return rb__tk_err(s, RB_ERR_INVALID_ARG, "cannot export to %s: it is not a regular "
                          "file; give a file name", path);
    return RB_OK;
}

rb_status rb_ticket_export_file(rb_ticket_store *s, const char *path,
                                rb_ticket_export_format format, const rb_ticket_query *query)
{
    if (!s || !path || !*path)
        return RB_ERR_INVALID_ARG;
    rb_status st = check_destination(s, path);
    if (st != RB_OK)
        return st;
    /* A fresh name next to the destination (same file system, so the rename is atomic),
     * created exclusively and owner-only: the export holds customer data. */
    char *tmp = NULL;
    int fd = -1;
    for (unsigned k = 0; fd < 0 && k < 100; k++) {
        free(tmp);
        tmp = rb__sprintf("%s.%ld-%u.tmp", path, (long)getpid(), k);
        if (!tmp)
            return RB_ERR_NOMEM;
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        st = rb__tk_err(s, rb__status_from_errno(errno), "cannot export to %s: %s", path,
                        strerror(errno));
        free(tmp);
        return st;
    }
    struct sink k = {.f = fdopen(fd, "wb")};
    if (!k.f) {
        close(fd);
        st = RB_ERR_NOMEM;
    } else {
        st = export_to(s, &k, format, query);
        if (st == RB_OK && (fflush(k.f) != 0 || sync_file(k.f) != 0))
            st = rb__tk_err(s, rb__status_from_errno(errno), "writing %s failed: %s", path,
                            strerror(errno));
        if (fclose(k.f) != 0 && st == RB_OK)
            st = rb__tk_err(s, rb__status_from_errno(errno), "writing %s failed: %s", path,
                            strerror(errno));
    }
    /* Checked again just before the rename: what sits at the name now is replaced, never
     * followed, and a folder is not replaced. */
    if (st == RB_OK)
        st = check_destination(s, path);
    if (st == RB_OK && rename(tmp, path) != 0)
        st = rb__tk_err(s, rb__status_from_errno(errno), "cannot export to %s: %s", path,
                        strerror(errno));
    if (st != RB_OK)
        remove(tmp);
    free(tmp);
    return st;
}

static const char *receipt_text(rb_ticket_event_type type)
{
    switch (type) {
    case RB_TICKET_EVENT_CREATED: return "Ticket opened";
    case RB_TICKET_EVENT_STATUS_CHANGED: return "Status";
    case RB_TICKET_EVENT_BACKUP_VERIFIED: return "Backup verified";
    case RB_TICKET_EVENT_FIRMWARE_FETCHED: return "Firmware prepared";
    case RB_TICKET_EVENT_INTERRUPTED: return "Restore interrupted";
    case RB_TICKET_EVENT_RESUMED: return "Restore resumed";
    case RB_TICKET_EVENT_OUTCOME: return "Outcome";
    case RB_TICKET_EVENT_CONSENT_RECORDED: return "Consent recorded";
    default: return NULL; /* notes and steps are for staff */
    }
}

rb_status rb_ticket_receipt_get(rb_ticket_receipt **out, rb_ticket_store *s, const char *number)
{
    if (!out || !s)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    rb_ticket *t = NULL;
    rb_ticket_event_list *ev = NULL;
    rb_status st = rb_ticket_get(&t, s, number);
    if (st == RB_OK)
        st = rb_ticket_events_get(&ev, s, number);
    rb_ticket_receipt *r = st == RB_OK ? calloc(1, sizeof *r) : NULL;
    if (st == RB_OK && !r)
        st = RB_ERR_NOMEM;
    if (st == RB_OK) {
        rb_context *c = s->ctx;
        r->store_name = rb__strdup(rb_context_setting(c, "store.name", ""));
        r->store_address = rb__strdup(rb_context_setting(c, "store.address", ""));
        r->store_phone = rb__strdup(rb_context_setting(c, "store.phone", ""));
        r->terms = rb__strdup(rb_context_setting(c, "tickets.receipt_terms", ""));
        r->number = rb__strdup(t->number);
        r->status = rb__strdup(rb_ticket_status_name(t->status));
        r->created_at = rb__strdup(t->created_at);
        r->closed_at = rb__strdup(t->closed_at);
        r->customer_name = rb__strdup(t->customer_name);
        r->customer_phone = rb__strdup(t->customer_phone);
        r->device_model = rb__strdup(t->device_model);
        r->serial = rb__strdup(t->serial);
        r->imei = rb__strdup(t->imei);
        r->problem = rb__strdup(t->problem);
        r->resolution = rb__strdup(t->resolution);
        r->staff = rb__strdup(t->assigned_staff[0] ? t->assigned_staff : t->created_by);
        r->lines = calloc(ev->count ? ev->count : 1, sizeof *r->lines);
        for (size_t i = 0; r->lines && i < ev->count; i++) {
            const char *label = receipt_text(ev->items[i].type);
            if (!label)
                continue;
            rb_ticket_receipt_line *ln = &r->lines[r->line_count++];
            ln->at = rb__strdup(ev->items[i].at);
            ln->text = ev->items[i].summary[0] && ev->items[i].type != RB_TICKET_EVENT_CONSENT_RECORDED
                           ? rb__sprintf("%s: %s", label, ev->items[i].summary)
                           : rb__strdup(label);
            if (!ln->at || !ln->text)
                st = RB_ERR_NOMEM;
        }
        if (!r->lines || !r->store_name || !r->store_address || !r->store_phone || !r->terms ||
            !r->number || !r->status || !r->created_at || !r->closed_at || !r->customer_name ||
            !r->customer_phone || !r->device_model || !r->serial || !r->imei || !r->problem ||
            !r->resolution || !r->staff)
            st = RB_ERR_NOMEM;
    }
    rb_ticket_free(t);
    rb_ticket_event_list_free(ev);
    if (st != RB_OK) {
        rb_ticket_receipt_free(r);
        return st;
    }
    *out = r;
    return RB_OK;
}

rb_status rb_ticket_receipt_json(char **out, const rb_ticket_receipt *r)
{
    if (!out || !r)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    cJSON *o = cJSON_CreateObject();
    cJSON *shop = cJSON_AddObjectToObject(o, "store");
    cJSON_AddStringToObject(shop, "name", r->store_name);
    cJSON_AddStringToObject(shop, "address", r->store_address);
    cJSON_AddStringToObject(shop, "phone", r->store_phone);
    cJSON_AddStringToObject(o, "number", r->number);
    cJSON_AddStringToObject(o, "status", r->status);
    cJSON_AddStringToObject(o, "created_at", r->created_at);
    cJSON_AddStringToObject(o, "closed_at", r->closed_at);
    cJSON *cust = cJSON_AddObjectToObject(o, "customer");
    cJSON_AddStringToObject(cust, "name", r->customer_name);
    cJSON_AddStringToObject(cust, "phone", r->customer_phone);
    cJSON *dev = cJSON_AddObjectToObject(o, "device");
    cJSON_AddStringToObject(dev, "model", r->device_model);
    cJSON_AddStringToObject(dev, "serial", r->serial);
    cJSON_AddStringToObject(dev, "imei", r->imei);
    cJSON_AddStringToObject(o, "problem", r->problem);
    cJSON_AddStringToObject(o, "resolution", r->resolution);
    cJSON_AddStringToObject(o, "staff", r->staff);
    cJSON *lines = cJSON_AddArrayToObject(o, "lines");
    for (size_t i = 0; lines && i < r->line_count; i++) {
        cJSON *l = cJSON_CreateObject();
        cJSON_AddStringToObject(l, "at", r->lines[i].at);
        cJSON_AddStringToObject(l, "text", r->lines[i].text);
        cJSON_AddItemToArray(lines, l);
    }
    cJSON_AddStringToObject(o, "terms", r->terms);
    return print_json(out, o);
}

void rb_ticket_receipt_free(rb_ticket_receipt *r)
{
    if (!r)
        return;
    char *all[] = {r->store_name, r->store_address, r->store_phone, r->number, r->status,
                   r->created_at, r->closed_at, r->customer_name, r->customer_phone,
                   r->device_model, r->serial, r->imei, r->problem, r->resolution, r->staff,
                   r->terms};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        free(all[i]);
    for (size_t i = 0; r->lines && i < r->line_count; i++) {
        free(r->lines[i].at);
        free(r->lines[i].text);
    }
    free(r->lines);
    free(r);
}
