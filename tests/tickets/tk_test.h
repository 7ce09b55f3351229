/* tk_test.h - helpers shared by the ticket store tests. */
#ifndef TK_TEST_H
#define TK_TEST_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rbtest.h"
#include "rescuebay/context.h"
#include "rescuebay/tickets.h"

/* A context in a fresh sub-folder of the test's tmpdir, with a cheap PIN hash so that
 * the tests stay fast (the production default is in staff.c). */
static inline rb_context *tk_ctx(const char *name)
{
    char home[4200];
    snprintf(home, sizeof home, "%s/%s", rbt_tmpdir(), name);
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, home));
    rbt_assert_ok(rb_context_set_setting(ctx, "tickets.pin_iterations", "1000"));
    return ctx;
}

static inline rb_ticket_store *tk_open(rb_context *ctx)
{
    rb_ticket_store *s = NULL;
    rb_status st = rb_ticket_store_open(&s, ctx, NULL);
    rbt_assert_msg(st == RB_OK, "open: %d %s", st, rb_ticket_store_last_error(s));
    return s;
}

/* Opens the store, adds the admin "ann" (PIN 1234) if needed and signs her in. */
static inline rb_ticket_store *tk_open_signed_in(rb_context *ctx)
{
    rb_ticket_store *s = tk_open(ctx);
    rb_status st = rb_ticket_staff_add(s, "ann", "1234", 1);
    rbt_assert(st == RB_OK || st == RB_ERR_CONFLICT || st == RB_ERR_AUTH);
    rbt_assert_ok(rb_ticket_store_sign_in(s, "ann", "1234"));
    return s;
}

static inline char *tk_db_path(rb_context *ctx)
{
    static char path[4300];
    snprintf(path, sizeof path, "%s/tickets.db", rb_context_home(ctx));
    return path;
}

/* The single integer or text result of a query on a separate raw connection. */
static inline long long tk_sql_int(const char *db_path, const char *sql)
{
    sqlite3 *db = NULL;
    rbt_assert(sqlite3_open(db_path, &db) == SQLITE_OK);
    sqlite3_stmt *st = NULL;
    rbt_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
                   sqlite3_errmsg(db));
    long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static inline void tk_sql_text(const char *db_path, const char *sql, char *out, size_t cap)
{
    sqlite3 *db = NULL;
    rbt_assert(sqlite3_open(db_path, &db) == SQLITE_OK);
    sqlite3_stmt *st = NULL;
    rbt_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
                   sqlite3_errmsg(db));
    out[0] = '\0';
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, cap, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static inline void tk_load_fixture(rb_context *ctx, int version)
{
    char path[4300], *sql = NULL;
    snprintf(path, sizeof path, "%s/tests/tickets/fixtures/v%d.sql", rbt_source_dir(), version);
    FILE *f = fopen(path, "rb");
    rbt_assert_msg(f != NULL, "missing fixture %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    sql = malloc((size_t)n + 1);
    rbt_assert(sql && fread(sql, 1, (size_t)n, f) == (size_t)n);
    sql[n] = '\0';
    fclose(f);
    sqlite3 *db = NULL;
    rbt_assert(sqlite3_open(tk_db_path(ctx), &db) == SQLITE_OK);
    char *msg = NULL;
    rbt_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK, "%s", msg);
    sqlite3_close(db);
    free(sql);
    rbt_assert_int(version, tk_sql_int(tk_db_path(ctx), "PRAGMA user_version"));
}

/* Files and raw connections, for the tests that damage or hold the database. */
static inline long long size_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

static inline int exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static inline char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    rbt_assert(buf && fread(buf, 1, (size_t)n, f) == (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static inline int file_contains(const char *path, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    char *buf = slurp(path, &n);
    int found = 0;
    for (size_t i = 0; buf && !found && i + k <= n; i++)
        found = memcmp(buf + i, needle, k) == 0;
    free(buf);
    return found;
}

static inline void raw_exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    rbt_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK, "%s: %s", sql,
                   msg ? msg : "");
}

static inline sqlite3 *raw_open(rb_context *ctx)
{
    sqlite3 *db = NULL;
    rbt_assert(sqlite3_open(tk_db_path(ctx), &db) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    return db;
}

#endif
