/* Tests of the privacy rules: personal-data erase (tables, search index and the file
 * itself), retention purge, and that no password can be stored. */
#include <stdint.h>
#include <sys/stat.h>

#include "tk_test.h"

extern int64_t rb__tickets_clock_offset;

static int db_files_contain(rb_context *ctx, const char *needle)
{
    char p[4400];
    const char *suffix[] = {"", "-wal", "-journal"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", tk_db_path(ctx), suffix[i]);
        if (file_contains(p, needle))
            return 1;
    }
    return 0;
}

static char *make(rb_ticket_store *s, const char *tag)
{
    char name[64], phone[64], email[64], serial[64], problem[128];
    snprintf(name, sizeof name, "Quexotl %s Vandermeer", tag);
    snprintf(phone, sizeof phone, "+1 (415) 555-%s", tag);
    snprintf(email, sizeof email, "quexotl.%s@example.net", tag);
    snprintf(serial, sizeof serial, "SERQX%sZZ", tag);
    snprintf(problem, sizeof problem, "water damage %s", tag);
    rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
    f.customer_name = name;
    f.customer_phone = phone;
    f.customer_email = email;
    f.serial = serial;
    f.imei = "356938035643809";
    f.udid = "00008030-00AAAAQXQXQX01";
    f.device_model = "iPhone 13";
    f.problem = problem;
    char *n = NULL;
    rbt_assert_ok(rb_ticket_create(&n, s, &f));
    char note[80];
    snprintf(note, sizeof note, "Quexotl's sister Wilhelmina%s will collect", tag);
    rbt_assert_ok(rb_ticket_event_append(s, n, RB_TICKET_EVENT_NOTE, note, NULL));
    rbt_assert_ok(rb_ticket_event_append(s, n, RB_TICKET_EVENT_DEVICE_DETECTED,
                                         "SERQX detected", "{\"udid\":\"00008030-00AAAAQXQXQX01\"}"));
    rbt_assert_ok(rb_ticket_event_append(s, n, RB_TICKET_EVENT_BACKUP_VERIFIED, "ok", NULL));
    return n;
}

static void test_tickets_privacy__erase_removes_data_from_tables_index_and_file(void)
{
    rb_context *ctx = tk_ctx("erase");
    rb_ticket_store *s = tk_open_signed_in(ctx);
    char *gone = make(s, "7001");
    char *kept = make(s, "8002");
    /* Enough other tickets that the index has several segments and pages. */
    for (int i = 0; i < 40; i++) {
        rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
        f.customer_name = "Filler Person";
        f.problem = "battery swelling";
        rbt_assert_ok(rb_ticket_create(NULL, s, &f));
    }
    rbt_assert(db_files_contain(ctx, "Wilhelmina7001"));
    rbt_assert_ok(rb_ticket_erase_personal_data(s, gone));

    rb_ticket *t = NULL;
    rbt_assert_ok(rb_ticket_get(&t, s, gone));
    rbt_assert_str("", t->customer_name);
    rbt_assert_str("", t->customer_phone);
    rbt_assert_str("", t->customer_email);
    rbt_assert_str("", t->serial);
    rbt_assert_str("", t->imei);
    rbt_assert_str("", t->udid);
    rbt_assert_str("iPhone 13", t->device_model);  /* the repair record stays */
    rbt_assert_str("water damage 7001", t->problem);
    rbt_assert(t->erased_at[0]);
    rb_ticket_free(t);
    rb_ticket_event_list *ev = NULL;
    rbt_assert_ok(rb_ticket_events_get(&ev, s, gone));
    rbt_assert_int(5, ev->count);
    rbt_assert_str("", ev->items[1].summary);      /* note */
    rbt_assert_str("", ev->items[2].detail);       /* device detected */
    rbt_assert_str("ok", ev->items[3].summary);    /* verdict kept */
    rbt_assert_int(1, ev->items[3].redacted);
    rbt_assert_int(RB_TICKET_EVENT_PERSONAL_DATA_ERASED, ev->items[4].type);
    rb_ticket_event_list_free(ev);

    rb_ticket_query q = RB_TICKET_QUERY_INIT;
    rb_ticket_list *l = NULL;
    q.text = "Wilhelmina7001";
    rbt_assert_ok(rb_ticket_search(&l, s, &q));
    rbt_assert_int(0, l->count);
    rb_ticket_list_free(l);
    q.field = RB_TICKET_SEARCH_PHONE;
    q.text = "4155557001";
    rbt_assert_ok(rb_ticket_search(&l, s, &q));
    rbt_assert_int(0, l->count);
    rb_ticket_list_free(l);
    q.text = "4155558002";
    rbt_assert_ok(rb_ticket_search(&l, s, &q));
    rbt_assert_int(1, l->count); /* the other customer is untouched */
    rb_ticket_list_free(l);
    rb_ticket_store_free(s);

    const char *db = tk_db_path(ctx);
    rbt_assert_int(0, tk_sql_int(db, "SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH 'quexotl'"
                                     " AND rowid = 1"));
    rbt_assert_int(1, tk_sql_int(db, "SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH 'quexotl'"));
    const char *secrets[] = {"Wilhelmina7001", "7001 Vandermeer", "quexotl.7001", "555-7001",
                             "4155557001", "1007555514", "SERQX7001ZZ"};
    for (size_t i = 0; i < sizeof secrets / sizeof secrets[0]; i++)
        rbt_assert_msg(!db_files_contain(ctx, secrets[i]), "%s is still in the file", secrets[i]);
    rbt_assert(db_files_contain(ctx, "Wilhelmina8002"));
    rbt_assert(db_files_contain(ctx, "SERQX8002ZZ"));
    char ok[64];
    tk_sql_text(db, "PRAGMA integrity_check", ok, sizeof ok);
    rbt_assert_str("ok", ok);
    rb_free(gone);
    rb_free(kept);
    rb_context_free(ctx);
}

static void test_tickets_privacy__retention_purges_old_closed_tickets(void)
{
    rb_context *ctx = tk_ctx("retention");
    rb_ticket_store *s = tk_open_signed_in(ctx);
    size_t n = 99;
    rbt_assert_ok(rb_ticket_purge_expired(&n, s, 0));
    rbt_assert_int(0, n); /* no retention set: keep everything */
    rbt_assert_ok(rb_context_set_setting(ctx, "tickets.retention_days", "30"));
    char *old = make(s, "1111");
    char *open_old = make(s, "2222");
    rbt_assert_ok(rb_ticket_close(s, old, "fixed", RB_TICKET_COLLECTED));
    rb__tickets_clock_offset = 31 * 86400;
    char *recent = make(s, "3333");
    rbt_assert_ok(rb_ticket_close(s, recent, "fixed", RB_TICKET_DONE));
    rbt_assert_ok(rb_ticket_purge_expired(&n, s, 1));
    rbt_assert_int(1, n);
    rb_ticket *t = NULL;
    rbt_assert_ok(rb_ticket_get(&t, s, old));
    rbt_assert(t->customer_name[0]); /* dry run */
    rb_ticket_free(t);
    rbt_assert_ok(rb_ticket_purge_expired(&n, s, 0));
    rbt_assert_int(1, n);
    /* The sign-in record (from before the clock moved) went too. */
    rbt_assert_int(0, tk_sql_int(tk_db_path(ctx), "SELECT count(*) FROM sign_ins"));
    rbt_assert_ok(rb_ticket_get(&t, s, old));
    rbt_assert_str("", t->customer_name);
    rbt_assert_str("fixed", t->resolution);
    rb_ticket_free(t);
    rbt_assert_ok(rb_ticket_get(&t, s, open_old));
    rbt_assert(t->customer_name[0]); /* never closed: kept */
    rb_ticket_free(t);
    rbt_assert_ok(rb_ticket_get(&t, s, recent));
    rbt_assert(t->customer_name[0]);
    rb_ticket_free(t);
    rbt_assert_ok(rb_ticket_purge_expired(&n, s, 0));
    rbt_assert_int(0, n);
    rb__tickets_clock_offset = 0;
    rbt_assert_ok(rb_context_set_setting(ctx, "tickets.retention_days", "soon"));
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_ticket_purge_expired(&n, s, 0));
    rb_free(old);
    rb_free(open_old);
    rb_free(recent);
    rb_ticket_store_free(s);
    rb_context_free(ctx);
}

static void test_tickets_privacy__passwords_are_refused_everywhere(void)
{
    rb_context *ctx = tk_ctx("password");
    rb_ticket_store *s = tk_open_signed_in(ctx);
    char *n = NULL;
    rbt_assert_ok(rb_ticket_create(&n, s, NULL));
    const char *bad[] = {"backup password: hunter2", "Password=kiosk-test-1234",
                         "pw: 1234", "Passcode : 0000", "the pwd=abc"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
        f.problem = bad[i];
        rbt_assert_int(RB_ERR_INVALID_ARG, rb_ticket_update(s, n, &f));
        rbt_assert_int(RB_ERR_INVALID_ARG,
                       rb_ticket_event_append(s, n, RB_TICKET_EVENT_NOTE, bad[i], NULL));
        rbt_assert_contains(rb_ticket_store_last_error(s), "password");
    }
    rbt_assert_int(RB_ERR_INVALID_ARG,
                   rb_ticket_event_append(s, n, RB_TICKET_EVENT_BACKUP_VERIFIED, "ok",
                                          "{\"backup_password\": \"kiosk-test-1234\"}"));
    rbt_assert_int(RB_ERR_INVALID_ARG,
                   rb_ticket_set_status(s, n, RB_TICKET_DONE, "password: kiosk-test-1234"));
    /* Prose about passwords is fine. */
    rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
    f.problem = "customer forgot the passcode; backup is encrypted (password known to customer)";
    rbt_assert_ok(rb_ticket_update(s, n, &f));
    rbt_assert_ok(rb_ticket_event_append(s, n, RB_TICKET_EVENT_BACKUP_VERIFIED, "ok",
                                         "{\"encrypted\": true, \"password_checked\": true}"));
    rb_ticket_store_free(s);
    rb_free(n);
    rbt_assert(!db_files_contain(ctx, "hunter2"));
    rbt_assert(!db_files_contain(ctx, "kiosk-test-1234"));
    /* No table has a column for a password. */
    rbt_assert_int(0, tk_sql_int(tk_db_path(ctx),
        "SELECT count(*) FROM sqlite_schema m, pragma_table_info(m.name) c WHERE m.type = 'table'"
        " AND (c.name LIKE '%pass%' OR c.name LIKE '%pwd%')"));
    /* And the public API takes none: no member or parameter of tickets.h is named so. */
    char hdr[4300];
    snprintf(hdr, sizeof hdr, "%s/engine/include/rescuebay/tickets.h", rbt_source_dir());
    FILE *fh = fopen(hdr, "r");
    rbt_assert(fh != NULL);
    char line[512];
    int in_comment = 0;
    while (fgets(line, sizeof line, fh)) {
        char *code = line;
        if (in_comment) {
            char *end = strstr(code, "*/");
            if (!end)
                continue;
            code = end + 2;
            in_comment = 0;
        }
        char *c = strstr(code, "/*");
        if (c) {
            in_comment = strstr(c, "*/") == NULL;
            *c = '\0';
        }
        for (char *p = code; *p; p++)
            *p = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
        rbt_assert_msg(!strstr(code, "pass") && !strstr(code, "pwd"), "tickets.h: %s", line);
    }
    fclose(fh);
    rb_context_free(ctx);
}

RBT_MAIN(T(test_tickets_privacy__erase_removes_data_from_tables_index_and_file),
         T(test_tickets_privacy__retention_purges_old_closed_tickets),
         T(test_tickets_privacy__passwords_are_refused_everywhere))
