/* Migrations: every earlier schema version (fixtures/v<N>.sql, frozen) opens, is backed
 * up, and arrives at the current version with its data, search and sign-in working. */
#include <dirent.h>

#include "tk_test.h"

static int count_backups(rb_context *ctx, int from)
{
    char prefix[32];
    snprintf(prefix, sizeof prefix, "tickets.db.v%d-", from);
    DIR *d = opendir(rb_context_home(ctx));
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += strncmp(e->d_name, prefix, strlen(prefix)) == 0 && strstr(e->d_name, ".bak");
    if (d)
        closedir(d);
    return n;
}

static void check_migrated(rb_context *ctx, int from)
{
    rb_ticket_store *s = tk_open(ctx);
    rbt_assert_int(rb_ticket_schema_current(), rb_ticket_store_schema_version(s));
    rbt_assert_int(1, count_backups(ctx, from));
    rb_ticket *t = NULL;
    rbt_assert_ok(rb_ticket_get(&t, s, "RB-2024-00001"));
    rbt_assert_str("Ana Müller", t->customer_name);
    rbt_assert_str("F2LXK0ABN72J", t->serial);  /* normalised by the migration */
    rbt_assert_int(RB_TICKET_COLLECTED, t->status);
    rbt_assert_str(from >= 2 ? "352099001761481" : "", t->imei);
    rb_ticket_free(t);
    const struct { rb_ticket_search_field f; const char *text; } hits[] = {
        {RB_TICKET_SEARCH_PHONE, "7946 0018"}, {RB_TICKET_SEARCH_SERIAL, "c39vx0xxjc67"},
        {RB_TICKET_SEARCH_CUSTOMER, "muller"}, {RB_TICKET_SEARCH_TEXT, "evening"},
        {RB_TICKET_SEARCH_TEXT, "charge"}};
    for (size_t i = 0; i < sizeof hits / sizeof hits[0]; i++) {
        rb_ticket_query q = RB_TICKET_QUERY_INIT;
        q.field = hits[i].f;
        q.text = hits[i].text;
        rb_ticket_list *l = NULL;
        rbt_assert_ok(rb_ticket_search(&l, s, &q));
        rbt_assert_msg(l->count == 1, "%s: %zu hits", hits[i].text, l->count);
        rb_ticket_list_free(l);
    }
    rb_ticket_event_list *ev = NULL;
    rbt_assert_ok(rb_ticket_events_get(&ev, s, "RB-2024-00001"));
    rbt_assert_int(5, ev->count);
    rbt_assert_int(RB_TICKET_EVENT_BACKUP_VERIFIED, ev->items[2].type);
    rb_ticket_event_list_free(ev);
    /* Staff from v2 sign in with their old hash; a v1 file starts without staff. */
    if (from >= 2) {
        rbt_assert_ok(rb_ticket_store_sign_in(s, "sam", "2468"));
    } else {
        rbt_assert_ok(rb_ticket_staff_add(s, "sam", "2468", 1));
        rbt_assert_ok(rb_ticket_store_sign_in(s, "sam", "2468"));
    }
    /* Migrated tickets take changes. */
    rbt_assert_ok(rb_ticket_set_status(s, "RB-2024-00002", RB_TICKET_IN_PROGRESS, NULL));
    rb_ticket_store_free(s);
    char ok[64];
    tk_sql_text(tk_db_path(ctx), "PRAGMA integrity_check", ok, sizeof ok);
    rbt_assert_str("ok", ok);
    /* The log is append-only after migrating too. */
    sqlite3 *db = NULL;
    rbt_assert(sqlite3_open(tk_db_path(ctx), &db) == SQLITE_OK);
    rbt_assert(sqlite3_exec(db, "DELETE FROM events", NULL, NULL, NULL) != SQLITE_OK);
    sqlite3_close(db);
    /* Opening again neither migrates nor backs up. */
    s = tk_open(ctx);
    rb_ticket_store_free(s);
    rbt_assert_int(1, count_backups(ctx, from));
}

static void test_tickets_migrate__from_v1(void)
{
    rb_context *ctx = tk_ctx("from1");
    tk_load_fixture(ctx, 1);
    check_migrated(ctx, 1);
    rb_context_free(ctx);
}

static void test_tickets_migrate__from_v2(void)
{
    rb_context *ctx = tk_ctx("from2");
    tk_load_fixture(ctx, 2);
    check_migrated(ctx, 2);
    rb_context_free(ctx);
}

static void test_tickets_migrate__from_v3(void)
{
    rb_context *ctx = tk_ctx("from3");
    tk_load_fixture(ctx, 3);
    check_migrated(ctx, 3);
    /* v4: the lock-out lives in the database, with nothing imported from a conf file. */
    rbt_assert_int(0, tk_sql_int(tk_db_path(ctx), "SELECT count(*) FROM settings"));
    rb_context_free(ctx);
}

static void test_tickets_migrate__every_earlier_version_has_a_fixture(void)
{
    for (int v = 1; v < rb_ticket_schema_current(); v++) {
        char path[4300];
        snprintf(path, sizeof path, "%s/tests/tickets/fixtures/v%d.sql", rbt_source_dir(), v);
        FILE *f = fopen(path, "r");
        rbt_assert_msg(f != NULL, "schema v%d has no fixture %s", v, path);
        fclose(f);
    }
}

static void test_tickets_migrate__newer_file_is_refused(void)
{
    rb_context *ctx = tk_ctx("newer");
    rb_ticket_store *s = tk_open(ctx);
    rb_ticket_store_free(s);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", rb_ticket_schema_current() + 1);
    sqlite3 *db = NULL;
    rbt_assert(sqlite3_open(tk_db_path(ctx), &db) == SQLITE_OK);
    rbt_assert(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    rbt_assert_int(RB_ERR_UNSUPPORTED, rb_ticket_store_open(&s, ctx, NULL));
    rbt_assert_contains(rb_ticket_store_last_error(s), "newer");
    rb_ticket_store_free(s);
    rb_context_free(ctx);
}

RBT_MAIN(T(test_tickets_migrate__from_v1), T(test_tickets_migrate__from_v2),
         T(test_tickets_migrate__from_v3),
         T(test_tickets_migrate__every_earlier_version_has_a_fixture),
         T(test_tickets_migrate__newer_file_is_refused))
