/*
 * bench/tickets.c - the ticket store at shop scale (driven by the script bench/tickets).
 *
 *   bench_tickets DIR [TICKETS EVENTS_PER_TICKET]
 *
 * Builds (once, then reused from DIR) a tickets.db of 100,000 tickets with 20 events each
 * (2 million), then times the counter's everyday lookups through the engine API and prints
 * one line per measure: the median in ms, the goal, and the same lookup done the naive
 * way (a LIKE scan over the same table, which is what a store without these indexes
 * would do) as the peer in the same run.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "rescuebay/context.h"
#include "rescuebay/tickets.h"

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static const char *const FIRST[] = {"Anna", "Ben", "Chen", "Dara", "Elif", "Femi", "Greta",
    "Hugo", "Ines", "Jonas", "Kemal", "Lena", "Malik", "Nora", "Omar", "Priya", "Quinn",
    "Rosa", "Sami", "Tara", "Umar", "Vera", "Wei", "Xena", "Yusuf", "Zoe"};
static const char *const LAST[] = {"Smith", "Jones", "Müller", "Garcia", "Nguyen", "Kowalski",
    "Okafor", "Rossi", "Haddad", "Lee", "Silva", "Novak", "Dubois", "Kaya", "Sato", "Brown",
    "Ivanova", "Jensen", "Moreau", "Patel", "Schmidt", "Walsh", "Young", "Zhou"};
static const char *const MODELS[] = {"iPhone 8", "iPhone X", "iPhone 11", "iPhone 12",
    "iPhone 13", "iPhone 14 Pro", "iPhone 15", "iPad Air", "iPad (9th generation)"};
static const char *const STATUS[] = {"open", "waiting_for_customer", "in_progress", "done",
                                     "collected", "collected", "collected", "collected"};
static const char *const EVENT_TYPES[] = {"device_detected", "backup_verified",
    "firmware_fetched", "restore_step", "restore_step", "restore_step", "interrupted",
    "resumed", "outcome", "note", "status_changed"};

/* A vocabulary of 4096 made-up problem words, so that each word is in ~1% of tickets. */
static void word(unsigned i, char out[16])
{
    static const char *const syl[] = {"ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi",
                                      "pe", "su", "da", "fo", "gu", "hi", "ja", "ke"};
    snprintf(out, 16, "%s%s%s", syl[i & 15], syl[(i >> 4) & 15], syl[(i >> 8) & 15]);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void die(const char *what, sqlite3 *db)
{
    fprintf(stderr, "bench_tickets: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
    exit(1);
}

struct gen {
    char phone[32], serial[16], imei[16], problem[64], name[64];
};

static void ticket_data(long i, struct gen *g)
{
    rng = 0x9e3779b97f4a7c15ULL ^ ((uint64_t)i * 0x2545F4914F6CDD1DULL);
    next();
    snprintf(g->name, sizeof g->name, "%s %s", FIRST[next() % 26], LAST[next() % 24]);
    snprintf(g->phone, sizeof g->phone, "+44 7%03u %06u", (unsigned)(next() % 1000),
             (unsigned)(next() % 1000000));
    static const char an[] = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    for (int k = 0; k < 12; k++)
        g->serial[k] = an[next() % 34];
    g->serial[12] = '\0';
    snprintf(g->imei, sizeof g->imei, "35%06u%07u", (unsigned)(next() % 1000000),
             (unsigned)(next() % 10000000));
    char w1[16], w2[16], w3[16];
    word((unsigned)(next() % 4096), w1);
    word((unsigned)(next() % 4096), w2);
    word((unsigned)(next() % 4096), w3);
    snprintf(g->problem, sizeof g->problem, "%s %s %s", w1, w2, w3);
}

static void generate(const char *path, long tickets, int per)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        die("open", db);
    /* Bulk load: one transaction, prepared statements, no syncing (it is a benchmark
     * fixture, rebuilt if damaged). */
    sqlite3_exec(db, "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000; BEGIN", NULL, NULL, NULL);
    sqlite3_stmt *t = NULL, *e = NULL, *f = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO tickets(id, number, status, customer_name,"
            " customer_phone, phone_rev, customer_email, device_model, serial, imei, problem,"
            " staff, created_at, created_by, updated_at, updated_by, closed_at)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'ann', ?12, 'ann', ?12,"
            " 'ann', CASE WHEN ?3 IN ('done', 'collected') THEN ?12 ELSE '' END)",
            -1, &t, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "INSERT INTO events(ticket_id, at, type, actor, summary, detail)"
            " VALUES (?, ?, ?, 'engine', ?, '')", -1, &e, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "INSERT INTO ticket_fts(rowid, number, customer, device, text)"
            " VALUES (?, ?, ?, ?, ?)", -1, &f, NULL) != SQLITE_OK)
        die("prepare", db);
    double t0 = now_ms();
    for (long i = 1; i <= tickets; i++) {
        struct gen g;
        ticket_data(i, &g);
        char number[32], email[96], at[32], rev[32], digits[32], customer[256], device[256];
        snprintf(number, sizeof number, "RB-%04ld-%05ld", 2020 + i / 20000, i % 20000 + 1);
        snprintf(email, sizeof email, "customer%ld@example.com", i);
        long secs = 1577836800L + i * 1500;
        time_t tt = (time_t)secs;
        struct tm tm;
        gmtime_r(&tt, &tm);
        strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
        size_t nd = 0;
        for (const char *p = g.phone; *p; p++)
            if (*p >= '0' && *p <= '9')
                digits[nd++] = *p;
        digits[nd] = '\0';
        for (size_t k = 0; k < nd; k++)
            rev[k] = digits[nd - 1 - k];
        rev[nd] = '\0';
        const char *status = i > tickets - 2000 ? STATUS[next() % 3] : STATUS[next() % 8];
        const char *model = MODELS[next() % 9];
        sqlite3_bind_int64(t, 1, i);
        sqlite3_bind_text(t, 2, number, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(t, 3, status, -1, SQLITE_STATIC);
        sqlite3_bind_text(t, 4, g.name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(t, 5, g.phone, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(t, 6, rev, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(t, 7, email, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(t, 8, model, -1, SQLITE_STATIC);
        sqlite3_bind_text(t, 9, g.serial, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(t, 10, g.imei, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(t, 11, g.problem, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(t, 12, at, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(t) != SQLITE_DONE)
            die("insert ticket", db);
        sqlite3_reset(t);
        char notes[256] = "";
        for (int k = 0; k < per; k++) {
            const char *type = k == 0 ? "created" : EVENT_TYPES[next() % 11];
            char summary[64];
            if (strcmp(type, "note") == 0) {
                char w[16];
                word((unsigned)(next() % 4096), w);
                snprintf(summary, sizeof summary, "customer says %s", w);
                if (strlen(notes) + strlen(summary) + 2 < sizeof notes) {
                    strcat(notes, " ");
                    strcat(notes, summary);
                }
            } else {
                snprintf(summary, sizeof summary, "%s", k % 3 ? "ok" : "step");
            }
            sqlite3_bind_int64(e, 1, i);
            sqlite3_bind_text(e, 2, at, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(e, 3, type, -1, SQLITE_STATIC);
            sqlite3_bind_text(e, 4, summary, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(e) != SQLITE_DONE)
                die("insert event", db);
            sqlite3_reset(e);
        }
        char text[400];
        snprintf(customer, sizeof customer, "%s %s %s %s", g.name, email, g.phone, digits);
        snprintf(device, sizeof device, "%s %s %s", model, g.serial, g.imei);
        snprintf(text, sizeof text, "%s %s", g.problem, notes);
        sqlite3_bind_int64(f, 1, i);
        sqlite3_bind_text(f, 2, number, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(f, 3, customer, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(f, 4, device, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(f, 5, text, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(f) != SQLITE_DONE)
            die("insert fts", db);
        sqlite3_reset(f);
    }
    sqlite3_finalize(t);
    sqlite3_finalize(e);
    sqlite3_finalize(f);
    if (sqlite3_exec(db, "COMMIT; INSERT INTO ticket_fts(ticket_fts) VALUES ('optimize');"
                         " ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL) != SQLITE_OK)
        die("commit", db);
    sqlite3_close(db);
    fprintf(stderr, "generated %ld tickets, %ld events in %.1f s\n", tickets, tickets * per,
            (now_ms() - t0) / 1000);
}

static long long count_rows(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    long long n = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

enum { REPS = 31 };

static double time_search(rb_ticket_store *s, rb_ticket_search_field field, int status,
                          long tickets, const char *fixed_text)
{
    double v[REPS];
    for (int r = 0; r < REPS; r++) {
        struct gen g;
        ticket_data(1 + (long)(((uint64_t)r * 7919u) % (uint64_t)tickets), &g);
        char text[64];
        const char *p = fixed_text;
        if (!p) {
            if (field == RB_TICKET_SEARCH_PHONE)
                p = g.phone;
            else if (field == RB_TICKET_SEARCH_SERIAL)
                p = g.serial;
            else {
                /* Two words of that ticket's problem. */
                snprintf(text, sizeof text, "%s", g.problem);
                char *sp = strrchr(text, ' ');
                if (sp)
                    *sp = '\0';
                p = text;
            }
        }
        rb_ticket_query q = RB_TICKET_QUERY_INIT;
        q.field = field;
        q.text = p;
        q.status = status;
        rb_ticket_list *l = NULL;
        double t0 = now_ms();
        rb_status st = rb_ticket_search(&l, s, &q);
        v[r] = now_ms() - t0;
        if (st != RB_OK || (!status && l->count == 0)) {
            fprintf(stderr, "search %s failed: %d %s\n", p, st, rb_ticket_store_last_error(s));
            exit(1);
        }
        rb_ticket_list_free(l);
    }
    return median(v, REPS);
}

static double time_naive(const char *path, const char *sql, long tickets, int which)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        die("open", db);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        die("prepare naive", db);
    double v[REPS];
    for (int r = 0; r < REPS; r++) {
        struct gen g;
        ticket_data(1 + (long)(((uint64_t)r * 7919u) % (uint64_t)tickets), &g);
        char pat[256];
        char *sp = strchr(g.problem, ' ');
        if (sp)
            *sp = '\0';
        snprintf(pat, sizeof pat, "%%%s%%", which == 0 ? g.phone + 4 : which == 1 ? g.serial
                                                                             : g.problem);
        sqlite3_bind_text(st, 1, pat, -1, SQLITE_TRANSIENT);
        double t0 = now_ms();
        while (sqlite3_step(st) == SQLITE_ROW) {
        }
        v[r] = now_ms() - t0;
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return median(v, REPS);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_tickets DIR [TICKETS EVENTS_PER_TICKET]\n");
        return 2;
    }
    long tickets = argc > 2 ? atol(argv[2]) : 100000;
    int per = argc > 3 ? atoi(argv[3]) : 20;
    rb_context *ctx = NULL;
    if (rb_context_new(&ctx, argv[1]) != RB_OK)
        return 1;
    char path[4200];
    snprintf(path, sizeof path, "%s/tickets.db", argv[1]);
    if (count_rows(path, "SELECT count(*) FROM tickets") != tickets ||
        count_rows(path, "SELECT count(*) FROM events") != (long long)tickets * per) {
        remove(path);
        rb_ticket_store *s = NULL;
        if (rb_ticket_store_open(&s, ctx, NULL) != RB_OK)
            return 1;
        rb_ticket_store_free(s);
        generate(path, tickets, per);
    }
    struct stat stt;
    stat(path, &stt);
    printf("# %ld tickets, %lld events, %.0f MB, SQLite %s, median of %d runs\n", tickets,
           count_rows(path, "SELECT count(*) FROM events"), stt.st_size / 1048576.0,
           sqlite3_libversion(), REPS);

    double opens[REPS];
    for (int r = 0; r < REPS; r++) {
        rb_ticket_store *s = NULL;
        double t0 = now_ms();
        /* Opening counts until the first answer: that parses the schema too. */
        rb_status st = rb_ticket_store_open(&s, ctx, NULL);
        rb_ticket_query q = RB_TICKET_QUERY_INIT;
        q.limit = 1;
        rb_ticket_list *l = NULL;
        if (st == RB_OK)
            st = rb_ticket_search(&l, s, &q);
        rb_ticket_list_free(l);
        rb_ticket_store_free(s);
        opens[r] = now_ms() - t0;
        if (st != RB_OK)
            return 1;
    }
    rb_ticket_store *s = NULL;
    if (rb_ticket_store_open(&s, ctx, NULL) != RB_OK)
        return 1;
    double phone = time_search(s, RB_TICKET_SEARCH_PHONE, 0, tickets, NULL);
    double serial = time_search(s, RB_TICKET_SEARCH_SERIAL, 0, tickets, NULL);
    double text = time_search(s, RB_TICKET_SEARCH_TEXT, 0, tickets, NULL);
    double broad = time_search(s, RB_TICKET_SEARCH_TEXT, 0, tickets, "iphone");
    double open_list = time_search(s, RB_TICKET_SEARCH_ANY, RB_TICKET_OPEN, tickets, "");
    rb_ticket_store_free(s);
    double n_phone = time_naive(path, "SELECT id FROM tickets WHERE customer_phone LIKE ?1", tickets, 0);
    double n_serial = time_naive(path, "SELECT id FROM tickets WHERE serial LIKE ?1", tickets, 1);
    double n_text = time_naive(path, "SELECT id FROM tickets WHERE problem LIKE ?1 OR id IN"
                               " (SELECT ticket_id FROM events WHERE summary LIKE ?1)", tickets, 2);

    printf("%-28s %10s %8s %6s %16s\n", "measure", "median_ms", "goal_ms", "met", "naive_scan_ms");
    struct { const char *name; double ms, goal, naive; } rows[] = {
        {"search by phone", phone, 20, n_phone},
        {"search by serial", serial, 20, n_serial},
        {"free-text search", text, 100, n_text},
        {"free-text, broad (iphone)", broad, 100, -1},
        {"list open tickets (100)", open_list, 20, -1},
        {"open + first query", median(opens, REPS), 200, -1},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int met = rows[i].ms < rows[i].goal;
        char naive[32] = "-";
        if (rows[i].naive >= 0)
            snprintf(naive, sizeof naive, "%.2f", rows[i].naive);
        printf("%-28s %10.3f %8.0f %6s %16s\n", rows[i].name, rows[i].ms, rows[i].goal,
               met ? "yes" : "NO", naive);
    }
    rb_context_free(ctx);
    return 0; /* goals are reported, not asserted: see the met column */
}
