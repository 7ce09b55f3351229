/* tickets/search.c - listing and searching tickets.
 *
 * Every search is an index lookup: the number is UNIQUE, phones are kept as their digits
 * reversed (so "ends with these digits" is a range scan), serial and IMEI have their own
 * indexes, and names, e-mail, device and free text go through the FTS5 table. */
#include <stdlib.h>
#include <string.h>

#include "tickets/tickets_private.h"

rb_status rb_ticket_query_init(rb_ticket_query *q, unsigned int version)
{
    if (!q || version != RB_TICKET_QUERY_VERSION)
        return RB_ERR_INVALID_ARG;
    rb_ticket_query def = RB_TICKET_QUERY_INIT;
    *q = def;
    return RB_OK;
}

void rb_ticket_list_free(rb_ticket_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->count; i++)
        rb_ticket_free(l->items[i]);
    free(l->items);
    free(l);
}

struct built {
    char sql[1400];
    char *bind[3];
    int nbind;
};

static char *digits_only(const char *s)
{
    char *d = rb__tk_phone_rev(s); /* reversed digits */
    if (!d)
        return NULL;
    size_t n = strlen(d);
    for (size_t i = 0; i < n / 2; i++) {
        char t = d[i];
        d[i] = d[n - 1 - i];
        d[n - 1 - i] = t;
    }
    return d;
}

static rb_status add_bind(struct built *b, char *v)
{
    if (!v)
        return RB_ERR_NOMEM;
    b->bind[b->nbind++] = v;
    return RB_OK;
}

static rb_status build(rb_ticket_store *s, const rb_ticket_query *q, struct built *b)
{
    char where[700] = "";
    const char *text = q->text && *q->text ? q->text : NULL;
    rb_status st = RB_OK;
    if (text && strlen(text) > 1024)
        return rb__tk_err(s, RB_ERR_INVALID_ARG, "search text is longer than 1024 bytes");
    if (text) {
        switch (q->field) {
        case RB_TICKET_SEARCH_NUMBER:
            snprintf(where, sizeof where, " AND t.number = upper(trim(?1))");
            st = add_bind(b, rb__strdup(text));
            break;
        case RB_TICKET_SEARCH_PHONE: {
            char *rev = rb__tk_phone_rev(text);
            if (rev && strlen(rev) < 4) {
                free(rev);
                return rb__tk_err(s, RB_ERR_INVALID_ARG, "give at least 4 digits of the phone number");
            }
            char *hi = rev ? rb__strdup(rev) : NULL;
            if (hi)
                hi[strlen(hi) - 1]++; /* '9' + 1 is ':', still above every digit */
            snprintf(where, sizeof where,
                     " AND t.phone_rev <> '' AND t.phone_rev >= ?1 AND t.phone_rev < ?2");
            if ((st = add_bind(b, rev)) == RB_OK)
                st = add_bind(b, hi);
            break;
        }
        case RB_TICKET_SEARCH_SERIAL: {
            char *v = rb__strdup(text);
            size_t o = 0;
            for (size_t i = 0; v && v[i]; i++)
                if ((unsigned char)v[i] > ' ')
                    v[o++] = (char)(v[i] >= 'a' && v[i] <= 'z' ? v[i] - 32 : v[i]);
            if (v)
                v[o] = '\0';
            snprintf(where, sizeof where, " AND t.serial <> '' AND t.serial = ?1");
            st = add_bind(b, v);
            break;
        }
        case RB_TICKET_SEARCH_IMEI:
            snprintf(where, sizeof where, " AND t.imei <> '' AND t.imei = ?1");
            st = add_bind(b, digits_only(text));
            break;
        case RB_TICKET_SEARCH_CUSTOMER:
        case RB_TICKET_SEARCH_TEXT:
        case RB_TICKET_SEARCH_ANY: {
            char *fts = rb__tk_fts_query(text);
            if (!fts)
                return rb__tk_err(s, RB_ERR_INVALID_ARG, "nothing to search for");
            if (q->field == RB_TICKET_SEARCH_CUSTOMER) {
                char *col = rb__sprintf("customer : (%s)", fts);
                free(fts);
                fts = col;
            }
            if (q->field == RB_TICKET_SEARCH_ANY) {
                snprintf(where, sizeof where,
                         " AND t.id IN (SELECT id FROM tickets WHERE number = upper(trim(?1))"
                         " UNION SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ?2)");
                if ((st = add_bind(b, rb__strdup(text))) == RB_OK)
                    st = add_bind(b, fts);
            } else {
                snprintf(where, sizeof where,
                         " AND t.id IN (SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ?1)");
                st = add_bind(b, fts);
            }
            break;
        }
        default:
            return rb__tk_err(s, RB_ERR_INVALID_ARG, "unknown search field");
        }
    }
    if (st != RB_OK)
        return st;
    char filter[120] = "";
    if (q->status) {
        const char *name = rb_ticket_status_name((rb_ticket_status)q->status);
        if (strcmp(name, "unknown") == 0)
            return rb__tk_err(s, RB_ERR_INVALID_ARG, "unknown ticket status");
        snprintf(filter, sizeof filter, " AND t.status = '%s'", name);
    } else if (q->active_only) {
        snprintf(filter, sizeof filter, " AND t.status <> 'collected'");
    }
    snprintf(b->sql, sizeof b->sql, "SELECT %s FROM tickets t WHERE 1%s%s ORDER BY t.id DESC"
             " LIMIT %lld OFFSET %lld", rb__tk_ticket_columns, where, filter,
             q->limit ? (long long)q->limit : -1LL, (long long)q->offset);
    return RB_OK;
}

/* Runs the query; limit_default applies when q->limit is 0 (0: no limit). */
rb_status rb__tk_search(rb_ticket_list **out, rb_ticket_store *s, const rb_ticket_query *query,
                    size_t limit_default)
{
    if (!out || !s)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    rb_ticket_query q = RB_TICKET_QUERY_INIT;
    if (query) {
        if (query->version != RB_TICKET_QUERY_VERSION)
            return rb__tk_err(s, RB_ERR_INVALID_ARG, "unknown rb_ticket_query version");
        q = *query;
    }
    if (!q.limit)
        q.limit = limit_default;
    struct built b;
    memset(&b, 0, sizeof b);
    rb_status st = build(s, &q, &b);
    sqlite3_stmt *stmt = st == RB_OK ? rb__tk_prepare(s, b.sql) : NULL;
    if (st == RB_OK && !stmt)
        st = rb__errs_status(s->err);
    for (int i = 0; stmt && i < b.nbind; i++)
        sqlite3_bind_text(stmt, i + 1, b.bind[i], -1, SQLITE_STATIC);
    rb_ticket_list *l = st == RB_OK ? calloc(1, sizeof *l) : NULL;
    if (st == RB_OK && !l)
        st = RB_ERR_NOMEM;
    int rc = SQLITE_DONE;
    size_t cap = 0;
    while (st == RB_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (l->count == cap) {
            cap = cap ? cap * 2 : 16;
            rb_ticket **grown = realloc(l->items, cap * sizeof *grown);
            if (!grown) {
                st = RB_ERR_NOMEM;
                break;
            }
            l->items = grown;
        }
        rb_ticket *t = rb__tk_ticket_from_row(stmt);
        if (!t) {
            st = RB_ERR_NOMEM;
            break;
        }
        l->items[l->count++] = t;
    }
    if (st == RB_OK && rc != SQLITE_DONE)
        st = rb__tk_dberr(s, "search");
    sqlite3_finalize(stmt);
    for (int i = 0; i < b.nbind; i++)
        free(b.bind[i]);
    if (st != RB_OK) {
        rb_ticket_list_free(l);
        return st;
    }
    *out = l;
    return RB_OK;
}

rb_status rb_ticket_search(rb_ticket_list **out, rb_ticket_store *s, const rb_ticket_query *q)
{
    return rb__tk_search(out, s, q, 100);
}
