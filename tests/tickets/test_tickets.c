/* Tests of engine/src/tickets: CRUD, search, the event log, staff sign-in and lock-out,
 * export, receipt, hostile input and the password guard. */
#include <stdint.h>
#include <sys/stat.h>

#include "tk_test.h"

extern int64_t rb__tickets_clock_offset;

static char *new_ticket(rb_ticket_store *s, const char *name, const char *phone,
                        const char *serial, const char *imei, const char *problem)
{
    rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
    f.customer_name = name;
    f.customer_phone = phone;
    f.serial = serial;
    f.imei = imei;
    f.problem = problem;
    f.device_model = "iPhone 11";
    char *number = NULL;
    rb_status st = rb_ticket_create(&number, s, &f);
    rbt_assert_msg(st == RB_OK, "create: %d %s", st, rb_ticket_store_last_error(s));
    return number;
}

static size_t count(rb_ticket_store *s, rb_ticket_search_field field, const char *text)
{
    rb_ticket_query q = RB_TICKET_QUERY_INIT;
    q.field = field;
    q.text = text;
    rb_ticket_list *l = NULL;
    rb_status st = rb_ticket_search(&l, s, &q);
    rbt_assert_msg(st == RB_OK, "search %s: %d %s", text, st, rb_ticket_store_last_error(s));
    size_t n = l->count;
    rb_ticket_list_free(l);
    return n;
}

static void test_tickets_crud__create_read_update_close(void)
{
    rb_context *ctx = tk_ctx("crud");
    rbt_assert_ok(rb_context_set_setting(ctx, "tickets.number_prefix", "LDN1"));
    rb_ticket_store *s = tk_open_signed_in(ctx);
    rbt_assert_int(rb_ticket_schema_current(), rb_ticket_store_schema_version(s));
    rbt_assert(rb_ticket_schema_current() >= 2);

    char *a = new_ticket(s, "Jane Doe", "+44 20 7946 0018", "f2lxk0abn72j", "35 209900 176148 1",
                         "boot loop");
    char *b = new_ticket(s, "Omar", "555-0100", "DMPQ1234ABCD", NULL, "screen");
    rbt_assert(strncmp(a, "LDN1-20", 7) == 0);
    rbt_assert_str("00001", a + strlen(a) - 5);
    rbt_assert_str("00002", b + strlen(b) - 5);

    rb_ticket *t = NULL;
    rbt_assert_ok(rb_ticket_get(&t, s, a));
    rbt_assert_str("Jane Doe", t->customer_name);
    rbt_assert_str("F2LXK0ABN72J", t->serial);
    rbt_assert_str("352099001761481", t->imei);
    rbt_assert_str("ann", t->created_by);
    rbt_assert_int(RB_TICKET_OPEN, t->status);
    rbt_assert(strlen(t->created_at) == 20 && t->created_at[19] == 'Z');
    rbt_assert_str("", t->closed_at);
    rb_ticket_free(t);

    rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
    f.customer_email = "jane@example.com";
    f.ecid = "1234567890";
    rbt_assert_ok(rb_ticket_update(s, a, &f));
    rbt_assert_ok(rb_ticket_set_status(s, a, RB_TICKET_IN_PROGRESS, "started"));
    rbt_assert_ok(rb_ticket_close(s, a, "restored to iOS 17.1", RB_TICKET_DONE));
    rbt_assert_ok(rb_ticket_get(&t, s, a));
    rbt_assert_str("jane@example.com", t->customer_email);
    rbt_assert_str("0x499602D2", t->ecid);
    rbt_assert_str("restored to iOS 17.1", t->resolution);
    rbt_assert_int(RB_TICKET_DONE, t->status);
    rbt_assert(t->closed_at[0]);
    rb_ticket_free(t);
    /* Reopening clears closed_at. */
    rbt_assert_ok(rb_ticket_set_status(s, a, RB_TICKET_WAITING_FOR_CUSTOMER, NULL));
    rbt_assert_ok(rb_ticket_get(&t, s, a));
    rbt_assert_str("", t->closed_at);
    rb_ticket_free(t);

    rb_ticket_event_list *ev = NULL;
    rbt_assert_ok(rb_ticket_events_get(&ev, s, a));
    const rb_ticket_event_type want[] = {RB_TICKET_EVENT_CREATED, RB_TICKET_EVENT_UPDATED,
        RB_TICKET_EVENT_STATUS_CHANGED, RB_TICKET_EVENT_NOTE, RB_TICKET_EVENT_UPDATED,
        RB_TICKET_EVENT_STATUS_CHANGED, RB_TICKET_EVENT_STATUS_CHANGED};
    rbt_assert_int(sizeof want / sizeof want[0], ev->count);
    for (size_t i = 0; i < ev->count; i++) {
        rbt_assert_int(want[i], ev->items[i].type);
        rbt_assert_str("ann", ev->items[i].actor);
    }
    /* The log names changed fields, never their values. */
    rbt_assert_contains(ev->items[1].detail, "customer_email");
    rbt_assert(strstr(ev->items[1].detail, "jane@") == NULL);
    rb_ticket_event_list_free(ev);

    rbt_assert_int(RB_ERR_NOT_FOUND, rb_ticket_get(&t, s, "LDN1-1999-00009"));
    rbt_assert(t == NULL);
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_ticket_close(s, a, NULL, RB_TICKET_OPEN));
    rb_free(a);
    rb_free(b);
    rb_ticket_store_free(s);
    rb_ticket_store_free(NULL);
    rb_context_free(ctx);
}

static void test_tickets_crud__changes_need_a_signed_in_staff_member(void)
{
    rb_context *ctx = tk_ctx("auth");
    rb_ticket_store *s = tk_open(ctx);
    rbt_assert_int(RB_ERR_AUTH, rb_ticket_create(NULL, s, NULL));
    rbt_assert_ok(rb_ticket_staff_add(s, "ann", "1234", 0));
    /* Only the first member may be added without signing in; she is an admin. */
    rbt_assert_int(RB_ERR_AUTH, rb_ticket_staff_add(s, "bob", "5555", 0));
    rbt_assert_ok(rb_ticket_store_sign_in(s, "ANN", "1234"));
    rbt_assert_str("ann", rb_ticket_store_staff(s));
    rbt_assert_ok(rb_ticket_staff_add(s, "bob", "5555", 0));
    rbt_assert_int(RB_ERR_CONFLICT, rb_ticket_staff_add(s, "Bob", "5555", 0));
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_ticket_staff_add(s, "cy", "12a4", 0));
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_ticket_staff_add(s, "cy", "123", 0));
    rbt_assert_ok(rb_ticket_store_sign_in(s, "bob", "5555"));
    rbt_assert_int(RB_ERR_PERMISSION, rb_ticket_staff_add(s, "cy", "1111", 0));
    char *n = NULL;
    rbt_assert_ok(rb_ticket_create(&n, s, NULL));
    rb_ticket_store_sign_out(s);
    rbt_assert(rb_ticket_store_staff(s) == NULL);
    rbt_assert_int(RB_ERR_AUTH, rb_ticket_set_status(s, n, RB_TICKET_DONE, NULL));
    /* Engine events need nobody signed in and are recorded as the engine's. */
    rbt_assert_ok(rb_ticket_event_append(s, n, RB_TICKET_EVENT_BACKUP_VERIFIED, "ok",
                                         "{\"files\": 1200}"));
    rb_ticket_event_list *ev = NULL;
    rbt_assert_ok(rb_ticket_events_get(&ev, s, n));
    rbt_assert_str("engine", ev->items[ev->count - 1].actor);
    rbt_assert_str("ok", ev->items[ev->count - 1].summary);
    rb_ticket_event_list_free(ev);
    rbt_assert_int(RB_ERR_PARSE, rb_ticket_event_append(s, n, RB_TICKET_EVENT_OUTCOME, "x", "[1]"));
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_ticket_event_append(s, n, RB_TICKET_EVENT_CREATED, "", NULL));
    rb_free(n);
    rb_ticket_store_free(s);
    rb_context_free(ctx);
}

static void test_tickets_staff__wrong_pins_lock_out_for_a_period(void)
{
    rb_context *ctx = tk_ctx("lockout");
    rb_ticket_store *s = tk_open_signed_in(ctx);
    rbt_assert_ok(rb_ticket_setting_set(s, "tickets.pin_max_failures", "3"));
    rbt_assert_ok(rb_ticket_setting_set(s, "tickets.pin_lockout_seconds", "600"));
    rbt_assert_ok(rb_ticket_staff_add(s, "bob", "5555", 0));
    rb_ticket_store_sign_out(s);
    rbt_assert_int(RB_ERR_AUTH, rb_ticket_store_sign_in(s, "bob", "0000"));
    rbt_assert_int(RB_ERR_AUTH, rb_ticket_store_sign_in(s, "bob", "5556"));
    rbt_assert_int(RB_ERR_LOCKED, rb_ticket_store_sign_in(s, "bob", "1111"));
    /* Locked: even the right PIN is refused, and it is not even checked. */
    rbt_assert_int(RB_ERR_LOCKED, rb_ticket_store_sign_in(s, "bob", "5555"));
    rbt_assert(rb_ticket_store_staff(s) == NULL);
    rbt_assert_int(RB_ERR_AUTH, rb_ticket_store_sign_in(s, "nobody", "5555"));

    rb_ticket_staff_list *l = NULL;
    rbt_assert_ok(rb_ticket_staff_list_get(&l, s));
    rbt_assert_int(2, l->count);
    rbt_assert_str("bob", l->items[1].name);
    rbt_assert(l->items[1].locked_until[0] != '\0');
    rb_ticket_staff_list_free(l);

    rb__tickets_clock_offset = 601;
    rbt_assert_ok(rb_ticket_store_sign_in(s, "bob", "5555"));
    rb__tickets_clock_offset = 0;
    /* An administrator can lift a lock-out early. */
    for (int i = 0; i < 3; i++)
        rb_ticket_store_sign_in(s, "bob", "9999");
    rbt_assert_int(RB_ERR_LOCKED, rb_ticket_store_sign_in(s, "bob", "5555"));
    rbt_assert_ok(rb_ticket_store_sign_in(s, "ann", "1234"));
    rbt_assert_ok(rb_ticket_staff_unlock(s, "bob"));
    rbt_assert_ok(rb_ticket_store_sign_in(s, "bob", "5555"));
    rbt_assert_ok(rb_ticket_store_sign_in(s, "ann", "1234"));
    rbt_assert_ok(rb_ticket_staff_disable(s, "bob"));
    rbt_assert_int(RB_ERR_AUTH, rb_ticket_store_sign_in(s, "bob", "5555"));
    rb_ticket_store_free(s);

    /* Every attempt is recorded, and no PIN reaches the file in clear. */
    const char *db = tk_db_path(ctx);
    rbt_assert_int(4, tk_sql_int(db, "SELECT count(*) FROM sign_ins WHERE result = 'wrong_pin'"));
    rbt_assert_int(2, tk_sql_int(db, "SELECT count(*) FROM sign_ins WHERE result = 'wrong_pin_locked'"));
    rbt_assert_int(2, tk_sql_int(db, "SELECT count(*) FROM sign_ins WHERE result = 'locked'"));
    rbt_assert_int(1, tk_sql_int(db, "SELECT count(*) FROM sign_ins WHERE result = 'disabled'"));
    rbt_assert_int(0, tk_sql_int(db, "SELECT count(*) FROM staff WHERE instr(pin_hash, '5555')"
                                     " OR length(pin_salt) <> 16 OR length(pin_hash) <> 32"));
    rb_context_free(ctx);
}

static void test_tickets_search__by_every_key(void)
{
    rb_context *ctx = tk_ctx("search");
    rb_ticket_store *s = tk_open_signed_in(ctx);
    char *a = new_ticket(s, "Zoë Ångström", "+44 (20) 7946-0018", "F2LXK0ABN72J",
                         "35-209900-176148-1", "stuck on the Apple logo after update");
    char *b = new_ticket(s, "Omar Haddad", "020 7946 0018", "DMPQ1234ABCD", NULL, "cracked screen");
    char *c = new_ticket(s, "Kim Lee", "555 0100", "C39VX0XXJC67", "990000862471854", "no sound");
    rbt_assert_ok(rb_ticket_event_append(s, c, RB_TICKET_EVENT_NOTE, "left the charger here", NULL));

    rbt_assert_int(1, count(s, RB_TICKET_SEARCH_NUMBER, a));
    rbt_assert_int(1, count(s, RB_TICKET_SEARCH_ANY, a));
    rbt_assert_int(2, count(s, RB_TICKET_SEARCH_PHONE, "79460018"));   /* both end so */
    rbt_assert_int(2, count(s, RB_TICKET_SEARCH_PHONE, "7946 0018"));
    rbt_assert_int(1, count(s, RB_TICKET_SEARCH_PHONE, "+44 20 7946 0018"));
    rbt_assert_int(0, count(s, RB_TICKET_SEARCH_PHONE, "12345678"));
    rbt_assert_int(1, count(s, RB_TICKET_SEARCH_SERIAL, "dmpq1234abcd"));
    rbt_assert_int(0, count(s, RB_TICKET_SEARCH_SERIAL, "DMPQ1234"));
    rbt_assert_int(1, count(s, RB_TICKET_SEARCH_IMEI, "35 209900 176148 1"));
    rbt_assert_int(1, count(s, RB_TICKET_SEARCH_CUSTOMER, "zoe"));        /* diacritics */
    rbt_assert_int(1, count(s, RB_TICKET_SEARCH_CUSTOMER, "angst"));      /* prefix */
    rbt_assert_int(0, count(s, RB_TICKET_SEARCH_CUSTOMER, "screen"));
    rbt_assert_int(1, count(s, RB_TICKET_SEARCH_TEXT, "apple logo"));
    rbt_assert_int(1, count(s, RB_TICKET_SEARCH_TEXT, "charger"));        /* notes */
    rbt_assert_int(1, count(s, RB_TICKET_SEARCH_ANY, "C39VX0XXJC67"));
    rbt_assert_int(3, count(s, RB_TICKET_SEARCH_ANY, "iphone"));

    rb_ticket_query q = RB_TICKET_QUERY_INIT;
    q.field = RB_TICKET_SEARCH_PHONE;
    q.text = "12";
    rb_ticket_list *l = NULL;
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_ticket_search(&l, s, &q));
    rbt_assert_ok(rb_ticket_set_status(s, b, RB_TICKET_DONE, NULL));
    rbt_assert_ok(rb_ticket_set_status(s, c, RB_TICKET_COLLECTED, NULL));
    q = (rb_ticket_query)RB_TICKET_QUERY_INIT;
    q.status = RB_TICKET_OPEN;
    rbt_assert_ok(rb_ticket_search(&l, s, &q));
    rbt_assert_int(1, l->count);
    rbt_assert_str(a, l->items[0]->number);
    rb_ticket_list_free(l);
    q.status = 0;
    q.active_only = 1;
    rbt_assert_ok(rb_ticket_search(&l, s, &q));
    rbt_assert_int(2, l->count);
    rbt_assert_str(b, l->items[0]->number); /* newest first */
    rb_ticket_list_free(l);

    char *found = NULL;
    rbt_assert_ok(rb_ticket_find_for_device(&found, s, "f2lxk0abn72j"));
    rbt_assert_str(a, found);
    rb_free(found);
    rbt_assert_int(RB_ERR_NOT_FOUND, rb_ticket_find_for_device(&found, s, "C39VX0XXJC67"));
    rb_free(a);
    rb_free(b);
    rb_free(c);
    rb_ticket_store_free(s);
    rb_context_free(ctx);
}

static void test_tickets_device__fields_from_device_info(void)
{
    rb_context *ctx = tk_ctx("device");
    rb_ticket_store *s = tk_open_signed_in(ctx);
    rb_device_info info;
    memset(&info, 0, sizeof info);
    info.version = RB_DEVICE_INFO_VERSION;
    info.ecid = 0x1A2B3C4D5E6FULL;
    snprintf(info.udid, sizeof info.udid, "00008030-001A2B3C4D5E6F");
    snprintf(info.product_type, sizeof info.product_type, "iPhone12,1");
    snprintf(info.name, sizeof info.name, "iPhone 11");
    snprintf(info.ios_version, sizeof info.ios_version, "17.1");
    snprintf(info.serial, sizeof info.serial, "F2LXK0ABN72J");
    rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
    f.customer_name = "Jo";
    rbt_assert_ok(rb_ticket_fields_set_device(&f, &info));
    char *n = NULL;
    rbt_assert_ok(rb_ticket_create(&n, s, &f));
    rb_ticket *t = NULL;
    rbt_assert_ok(rb_ticket_get(&t, s, n));
    rbt_assert_str("iPhone 11", t->device_model);
    rbt_assert_str("iPhone12,1", t->product_type);
    rbt_assert_str("0x1A2B3C4D5E6F", t->ecid);
    rbt_assert_str("00008030-001A2B3C4D5E6F", t->udid);
    rbt_assert_str("17.1", t->ios_version);
    rbt_assert_str("", t->imei);
    rb_ticket_free(t);
    /* The restore job finds "its" ticket by ECID in any spelling, or by UDID. */
    char *found = NULL;
    rbt_assert_ok(rb_ticket_find_for_device(&found, s, "28772997619311"));
    rbt_assert_str(n, found);
    rb_free(found);
    rbt_assert_ok(rb_ticket_find_for_device(&found, s, "0x1a2b3c4d5e6f"));
    rb_free(found);
    rbt_assert_ok(rb_ticket_find_for_device(&found, s, "00008030-001A2B3C4D5E6F"));
    rb_free(found);
    rb_free(n);
    rb_ticket_store_free(s);
    rb_context_free(ctx);
}

static void test_tickets_events__log_is_append_only_in_the_database(void)
{
    rb_context *ctx = tk_ctx("appendonly");
    rb_ticket_store *s = tk_open_signed_in(ctx);
    char *n = new_ticket(s, "A", NULL, NULL, NULL, NULL);
    rbt_assert_ok(rb_ticket_event_append(s, n, RB_TICKET_EVENT_OUTCOME, "success", NULL));
    rb_ticket_store_free(s);
    rb_free(n);
    sqlite3 *db = NULL;
    rbt_assert(sqlite3_open(tk_db_path(ctx), &db) == SQLITE_OK);
    const char *refused[] = {
        "UPDATE events SET summary = 'failed' WHERE type = 'outcome'",
        "UPDATE events SET at = '2000-01-01T00:00:00Z'",
        "UPDATE events SET redacted = 1, detail = '', summary = 'forged'",
        "UPDATE events SET redacted = 1, detail = '', actor = 'mallory'",
        "DELETE FROM events",
        "DELETE FROM tickets",
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        char *msg = NULL;
        int rc = sqlite3_exec(db, refused[i], NULL, NULL, &msg);
        rbt_assert_msg(rc != SQLITE_OK, "allowed: %s", refused[i]);
        sqlite3_free(msg);
    }
    sqlite3_close(db);
    rbt_assert_int(2, tk_sql_int(tk_db_path(ctx), "SELECT count(*) FROM events"));
    rb_context_free(ctx);
}

static void test_tickets_hostile__long_control_sql_and_bad_utf8(void)
{
    rb_context *ctx = tk_ctx("hostile");
    rb_ticket_store *s = tk_open_signed_in(ctx);
    size_t big = RB_TICKET_FIELD_MAX;
    char *longtext = malloc(big + 2);
    memset(longtext, 'x', big);
    longtext[big] = '\0';
    const char *sql = "Robert'); DROP TABLE tickets;-- \"quoted\" % _ \\";
    const char *ctl = "red\x1b[31m\x07 bell\r\nnext\x7f";
    char *n = new_ticket(s, sql, ctl, NULL, NULL, longtext);
    rb_ticket *t = NULL;
    rbt_assert_ok(rb_ticket_get(&t, s, n));
    rbt_assert_str(sql, t->customer_name);
    rbt_assert_str(ctl, t->customer_phone);
    rbt_assert_int(big, strlen(t->problem));
    rb_ticket_free(t);
    longtext[big] = 'y';
    longtext[big + 1] = '\0';
    rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
    f.problem = longtext;
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_ticket_update(s, n, &f));
    f.problem = "bad \xff\xfe utf8 \xc3 end \xed\xa0\x80";
    rbt_assert_ok(rb_ticket_update(s, n, &f));
    rbt_assert_ok(rb_ticket_get(&t, s, n));
    rbt_assert_str("bad \xef\xbf\xbd\xef\xbf\xbd utf8 \xef\xbf\xbd end \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd",
                   t->problem);
    rb_ticket_free(t);
    /* Search input is never FTS5 syntax. */
    const char *nasty[] = {"\"", "*", "NEAR(a b)", "customer:x", "a OR b", "'; --", "^x", "-"};
    for (size_t i = 0; i < sizeof nasty / sizeof nasty[0]; i++) {
        rb_ticket_query q = RB_TICKET_QUERY_INIT;
        q.text = nasty[i];
        rb_ticket_list *l = NULL;
        rb_status st = rb_ticket_search(&l, s, &q);
        rbt_assert_msg(st == RB_OK || st == RB_ERR_INVALID_ARG, "%s: %d", nasty[i], st);
        rb_ticket_list_free(l);
    }
    rbt_assert_int(1, count(s, RB_TICKET_SEARCH_CUSTOMER, "Robert'); DROP"));
    /* An event detail may be larger than a field (a restore log), up to its own limit. */
    char *detail = malloc(RB_TICKET_DETAIL_MAX + 16);
    memset(detail, 'a', RB_TICKET_DETAIL_MAX - 20);
    memcpy(detail, "{\"log\": \"", 9);
    strcpy(detail + RB_TICKET_DETAIL_MAX - 20, "\"}");
    rbt_assert_ok(rb_ticket_event_append(s, n, RB_TICKET_EVENT_PREVIOUS_RESTORE_LOG, "", detail));
    memset(detail + 9, 'b', RB_TICKET_DETAIL_MAX);
    strcpy(detail + 9 + RB_TICKET_DETAIL_MAX, "\"}");
    rbt_assert_int(RB_ERR_INVALID_ARG,
                   rb_ticket_event_append(s, n, RB_TICKET_EVENT_PREVIOUS_RESTORE_LOG, "", detail));
    free(detail);
    rb_ticket_query bq = RB_TICKET_QUERY_INIT;
    bq.text = longtext;
    rb_ticket_list *bl = NULL;
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_ticket_search(&bl, s, &bq));
    free(longtext);
    rb_free(n);
    rb_ticket_store_free(s);
    rbt_assert_int(1, tk_sql_int(tk_db_path(ctx), "SELECT count(*) FROM tickets"));
    /* Customer data is readable by the kiosk's user only. */
    struct stat stt;
    rbt_assert(stat(tk_db_path(ctx), &stt) == 0);
    rbt_assert_int(0600, stt.st_mode & 0777);
    rb_context_free(ctx);
}

static void test_tickets_export__csv_is_rfc4180_and_formula_safe(void)
{
    rb_context *ctx = tk_ctx("export");
    rbt_assert_ok(rb_context_set_setting(ctx, "store.name", "Fix-It Corner"));
    rb_ticket_store *s = tk_open_signed_in(ctx);
    char *n = new_ticket(s, "=HYPERLINK(\"http://x\")", "+44 1", NULL, NULL, "line1\nline2, \"q\"");
    rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
    f.customer_email = "@SUM(A1)";
    f.resolution = "-2+3";
    rbt_assert_ok(rb_ticket_update(s, n, &f));
    rbt_assert_ok(rb_ticket_event_append(s, n, RB_TICKET_EVENT_BACKUP_VERIFIED, "ok", NULL));
    char path[4300];
    snprintf(path, sizeof path, "%s/export.csv", rb_context_home(ctx));
    FILE *out = fopen(path, "wb");
    rbt_assert_ok(rb_ticket_export(s, out, RB_TICKET_EXPORT_CSV, NULL));
    fclose(out);
    char buf[8192] = "";
    FILE *in = fopen(path, "rb");
    buf[fread(buf, 1, sizeof buf - 1, in)] = '\0';
    fclose(in);
    rbt_assert_contains(buf, "number,status,created_at");
    rbt_assert_contains(buf, "\r\n");
    rbt_assert_contains(buf, ",\"'=HYPERLINK(\"\"http://x\"\")\",");
    rbt_assert_contains(buf, ",\"'+44 1\",");
    rbt_assert_contains(buf, ",\"'@SUM(A1)\",");
    rbt_assert_contains(buf, ",\"'-2+3\",");
    rbt_assert_contains(buf, ",\"line1\nline2, \"\"q\"\"\",");

    snprintf(path, sizeof path, "%s/export.json", rb_context_home(ctx));
    out = fopen(path, "wb");
    rbt_assert_ok(rb_ticket_export(s, out, RB_TICKET_EXPORT_JSON, NULL));
    fclose(out);
    in = fopen(path, "rb");
    buf[fread(buf, 1, sizeof buf - 1, in)] = '\0';
    fclose(in);
    rbt_assert_contains(buf, "\"backup_verified\"");
    rbt_assert_contains(buf, "\"customer_name\":\t\"=HYPERLINK(\\\"http://x\\\")\"");

    rb_ticket_receipt *r = NULL;
    rbt_assert_ok(rb_ticket_receipt_get(&r, s, n));
    rbt_assert_str("Fix-It Corner", r->store_name);
    rbt_assert_str(n, r->number);
    rbt_assert_str("open", r->status);
    rbt_assert_int(2, r->line_count);
    rbt_assert_str("Ticket opened", r->lines[0].text);
    rbt_assert_str("Backup verified: ok", r->lines[1].text);
    char *json = NULL;
    rbt_assert_ok(rb_ticket_receipt_json(&json, r));
    rbt_assert_contains(json, "\"Fix-It Corner\"");
    rb_free(json);
    rb_ticket_receipt_free(r);
    rb_ticket_receipt_free(NULL);
    rb_free(n);
    rb_ticket_store_free(s);
    rb_context_free(ctx);
}

/* One shape of a ticket in JSON: rb_ticket_json is, byte for byte, an export's element,
 * and the CLI's show/list print it (tests/cli/ticket_basic.sh). */
static void test_tickets_json__one_shape_for_show_and_export(void)
{
    rb_context *ctx = tk_ctx("json");
    rb_ticket_store *s = tk_open_signed_in(ctx);
    char *n = new_ticket(s, "Jane \x1b[31m", "+44 1", NULL, NULL, "cracked");
    rbt_assert_ok(rb_ticket_event_append(s, n, RB_TICKET_EVENT_BACKUP_VERIFIED, "ok",
                                         "{\"verdict\": \"restorable\", \"files\": 12}"));
    rb_ticket *t = NULL;
    rbt_assert_ok(rb_ticket_get(&t, s, n));

    char *with = NULL, *without = NULL;
    rbt_assert_ok(rb_ticket_json(&with, s, t, RB_TICKET_JSON_EVENTS));
    /* Detail is the event's object, not a string holding JSON. */
    rbt_assert_contains(with, "\"detail\":\t{");
    rbt_assert_contains(with, "\"verdict\":\t\"restorable\"");
    rbt_assert_contains(with, "\"customer_name\":\t\"Jane \\u001b[31m\"");
    rbt_assert_contains(with, "\"redacted\":\tfalse");

    char path[4300];
    snprintf(path, sizeof path, "%s/one.json", rb_context_home(ctx));
    FILE *out = fopen(path, "wb");
    rbt_assert_ok(rb_ticket_export(s, out, RB_TICKET_EXPORT_JSON, NULL));
    fclose(out);
    static char buf[65536];
    FILE *in = fopen(path, "rb");
    buf[fread(buf, 1, sizeof buf - 1, in)] = '\0';
    fclose(in);
    static char want[65536];
    snprintf(want, sizeof want, "[\n%s\n]\n", with);
    rbt_assert_str(want, buf);

    /* Without events (list, search): the same fields, no "events", no store needed. */
    rbt_assert_ok(rb_ticket_json(&without, NULL, t, 0));
    rbt_assert(strstr(without, "\"events\"") == NULL);
    rbt_assert_contains(without, "\"number\":\t\"");
    rbt_assert(strncmp(with, without, strlen(without) - 2) == 0);

    char x[] = "x", *bad = x;
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_ticket_json(&bad, NULL, t, RB_TICKET_JSON_EVENTS));
    rbt_assert(bad == NULL);
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_ticket_json(&bad, s, t, 0x80));
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_ticket_json(&bad, s, NULL, 0));
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_ticket_json(NULL, s, t, 0));
    rb_free(with);
    rb_free(without);
    rb_ticket_free(t);
    rb_free(n);
    rb_ticket_store_free(s);
    rb_context_free(ctx);
}

RBT_MAIN(T(test_tickets_crud__create_read_update_close),
         T(test_tickets_json__one_shape_for_show_and_export),
         T(test_tickets_crud__changes_need_a_signed_in_staff_member),
         T(test_tickets_staff__wrong_pins_lock_out_for_a_period),
         T(test_tickets_search__by_every_key),
         T(test_tickets_device__fields_from_device_info),
         T(test_tickets_events__log_is_append_only_in_the_database),
         T(test_tickets_hostile__long_control_sql_and_bad_utf8),
         T(test_tickets_export__csv_is_rfc4180_and_formula_safe))
