/* Hostile surroundings of the ticket store (issue 9), part 1: an erase while another
 * connection holds the file, a lock-out configured from a conf file, and sign-in
 * bookkeeping that cannot be written. Each test walks a table of variants. The files
 * themselves (missing, damaged, exports, modes) are in test_tickets_files.c. */
#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tk_test.h"

extern int64_t rb__tickets_clock_offset;
extern void (*rb__tickets_checkpoint_busy_hook)(void);
extern void (*rb__tickets_erase_committed_hook)(void);

/* The database file and its journal, byte by byte. */
static int on_disk(rb_context *ctx, const char *needle)
{
    char wal[4400];
    snprintf(wal, sizeof wal, "%s-wal", tk_db_path(ctx));
    return file_contains(tk_db_path(ctx), needle) || file_contains(wal, needle);
}

static rb_ticket_store *open_with(rb_context *ctx, int busy_ms)
{
    rb_ticket_store_options o = RB_TICKET_STORE_OPTIONS_INIT;
    o.busy_timeout_ms = busy_ms;
    rb_ticket_store *s = NULL;
    rb_status st = rb_ticket_store_open(&s, ctx, &o);
    rbt_assert_msg(st == RB_OK, "open: %d %s", st, rb_ticket_store_last_error(s));
    return s;
}

static char *make_customer(rb_ticket_store *s, const char *name)
{
    rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
    f.customer_name = name;
    f.customer_phone = "+1 415 555 0199";
    f.device_model = "iPhone 12";
    f.problem = "cracked screen";
    char *n = NULL;
    rbt_assert_ok(rb_ticket_create(&n, s, &f));
    char note[128];
    snprintf(note, sizeof note, "%s will collect on Friday", name);
    rbt_assert_ok(rb_ticket_event_append(s, n, RB_TICKET_EVENT_NOTE, note, NULL));
    return n;
}

/* ---- erase: all or nothing ------------------------------------------------------- */

static sqlite3 *g_reader;
static int g_busy_calls;

static void end_reader_on_busy(void)
{
    g_busy_calls++;
    if (g_reader)
        raw_exec(g_reader, "COMMIT");
}

static void count_busy(void)
{
    g_busy_calls++;
}

static void start_reader_after_commit(void)
{
    raw_exec(g_reader, "BEGIN; SELECT count(*) FROM tickets;");
}

enum hold { HOLD_NONE, HOLD_READ, HOLD_WRITE, HOLD_READ_AFTER_COMMIT };

static void test_tickets_hostile__erase_is_all_or_nothing(void)
{
    static const struct {
        const char *name;
        enum hold hold;
        int released_on_busy; /* the holder lets go once the erase waits for it */
        rb_status expect;
        int rows_erased;      /* on failure: did the tables change? */
    } cases[] = {
        {"nobody else", HOLD_NONE, 0, RB_OK, 1},
        {"reader that ends within the bound", HOLD_READ, 1, RB_OK, 1},
        {"writer that ends within the bound", HOLD_WRITE, 1, RB_OK, 1},
        {"reader that never ends", HOLD_READ, 0, RB_ERR_BUSY, 0},
        {"writer that never ends (WAL not checkpointable)", HOLD_WRITE, 0, RB_ERR_BUSY, 0},
        {"reader arriving after the rows changed", HOLD_READ_AFTER_COMMIT, 0, RB_ERR_BUSY, 1},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char dir[32], who[64];
        snprintf(dir, sizeof dir, "erase%zu", c);
        snprintf(who, sizeof who, "Zebediah%zuQuornfield", c);
        rb_context *ctx = tk_ctx(dir);
        rb_ticket_store *s = tk_open_signed_in(ctx);
        char *gone = make_customer(s, who);
        char *kept = make_customer(s, "Philippa Keepsake");
        for (int i = 0; i < 30; i++)
            rb_free(make_customer(s, "Filler Person"));
        rb_ticket_store_free(s);
        /* A short bound where the holder never lets go, so that "never" is quick; a long
         * one where it does, so that a slow machine cannot turn the case into a failure. */
        s = open_with(ctx, cases[c].expect == RB_OK ? 30000 : 400);
        rbt_assert_ok(rb_ticket_store_sign_in(s, "ann", "1234"));
        rbt_assert_msg(on_disk(ctx, who), "%s: the name is on disk before", cases[c].name);

        g_reader = raw_open(ctx);
        g_busy_calls = 0;
        if (cases[c].hold == HOLD_READ)
            raw_exec(g_reader, "BEGIN; SELECT count(*) FROM events;");
        else if (cases[c].hold == HOLD_WRITE)
            raw_exec(g_reader, "BEGIN IMMEDIATE;");
        rb__tickets_checkpoint_busy_hook = cases[c].released_on_busy ? end_reader_on_busy
                                                                      : count_busy;
        rb__tickets_erase_committed_hook =
            cases[c].hold == HOLD_READ_AFTER_COMMIT ? start_reader_after_commit : NULL;

        rb_status st = rb_ticket_erase_personal_data(s, gone);
        rb__tickets_checkpoint_busy_hook = NULL;
        rb__tickets_erase_committed_hook = NULL;
        rbt_assert_msg(st == cases[c].expect, "%s: erase returned %d (%s)", cases[c].name, st,
                       rb_ticket_store_last_error(s));
        if (cases[c].hold != HOLD_NONE)
            rbt_assert_msg(g_busy_calls > 0, "%s: the erase never waited", cases[c].name);

        rb_ticket *t = NULL;
        rbt_assert_ok(rb_ticket_get(&t, s, gone));
        if (st == RB_OK) {
            rbt_assert_msg(!on_disk(ctx, who), "%s: the name is still on disk", cases[c].name);
            rbt_assert_str("", t->customer_name);
        } else {
            rbt_assert_contains(rb_ticket_store_last_error(s),
                                "personal data not yet erased from disk");
            rbt_assert_contains(rb_ticket_store_last_error(s), "close it and retry");
            rbt_assert_int(cases[c].rows_erased, t->erased_at[0] != '\0');
            /* Once the other connection lets go, erasing again finishes the job. */
            sqlite3_exec(g_reader, "COMMIT", NULL, NULL, NULL);
            rbt_assert_ok(rb_ticket_erase_personal_data(s, gone));
            rbt_assert_msg(!on_disk(ctx, who), "%s: retry left the name", cases[c].name);
        }
        rb_ticket_free(t);
        rb_ticket_event_list *ev = NULL;
        rbt_assert_ok(rb_ticket_events_get(&ev, s, gone));
        size_t erased_events = 0;
        for (size_t i = 0; i < ev->count; i++)
            erased_events += ev->items[i].type == RB_TICKET_EVENT_PERSONAL_DATA_ERASED;
        rbt_assert_int(1, erased_events); /* a retry does not log a second erase */
        rb_ticket_event_list_free(ev);
        rbt_assert_ok(rb_ticket_get(&t, s, kept));
        rbt_assert_str("Philippa Keepsake", t->customer_name);
        rb_ticket_free(t);
        sqlite3_close(g_reader);
        g_reader = NULL;
        rb_free(gone);
        rb_free(kept);
        rb_ticket_store_free(s);
        rb_context_free(ctx);
    }
}

/* ---- lock-out settings ------------------------------------------------------------ */

static int wrong_pins_until_locked(rb_ticket_store *s, const char *who, int limit)
{
    for (int i = 1; i <= limit; i++) {
        rb_status st = rb_ticket_store_sign_in(s, who, "0000");
        if (st == RB_ERR_LOCKED)
            return i;
        rbt_assert_int(RB_ERR_AUTH, st);
    }
    return 0;
}

static void test_tickets_hostile__lockout_settings_live_in_the_database(void)
{
    rb_context *ctx = tk_ctx("lockout");
    rb_ticket_store *s = tk_open_signed_in(ctx);
    rbt_assert_ok(rb_ticket_staff_add(s, "bob", "5555", 0));
    /* Whoever writes a conf file next to the database gets nothing from it. */
    rbt_assert_ok(rb_context_set_setting(ctx, "tickets.pin_max_failures", "1000"));
    rbt_assert_ok(rb_context_set_setting(ctx, "tickets.pin_lockout_seconds", "1"));
    rbt_assert_int(5, wrong_pins_until_locked(s, "bob", 20));
    rbt_assert_int(RB_ERR_LOCKED, rb_ticket_store_sign_in(s, "bob", "5555"));
    /* Far from the end of the default 300 s, so that a slow run cannot cross it. */
    rb__tickets_clock_offset = 200;
    rbt_assert_int(RB_ERR_LOCKED, rb_ticket_store_sign_in(s, "bob", "5555"));
    rb__tickets_clock_offset = 301;
    rbt_assert_ok(rb_ticket_store_sign_in(s, "bob", "5555"));

    /* Only a signed-in administrator sets them, and only to sane values. */
    static const struct {
        const char *who, *pin, *key, *value;
        rb_status expect;
    } sets[] = {
        {NULL, NULL, "tickets.pin_max_failures", "3", RB_ERR_AUTH},
        {"bob", "5555", "tickets.pin_max_failures", "1000", RB_ERR_PERMISSION},
        {"ann", "1234", "tickets.pin_max_failures", "0", RB_ERR_INVALID_ARG},
        {"ann", "1234", "tickets.pin_max_failures", "-1", RB_ERR_INVALID_ARG},
        {"ann", "1234", "tickets.pin_max_failures", "1001", RB_ERR_INVALID_ARG},
        {"ann", "1234", "tickets.pin_max_failures", "3x", RB_ERR_INVALID_ARG},
        {"ann", "1234", "tickets.pin_max_failures", "", RB_ERR_INVALID_ARG},
        {"ann", "1234", "tickets.pin_lockout_seconds", "2592001", RB_ERR_INVALID_ARG},
        {"ann", "1234", "tickets.pin_iterations", "1000", RB_ERR_INVALID_ARG},
        {"ann", "1234", "tickets.pin_max_failures", "3", RB_OK},
        {"ann", "1234", "tickets.pin_lockout_seconds", "3600", RB_OK},
    };
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        rb_ticket_store_sign_out(s);
        if (sets[i].who)
            rbt_assert_ok(rb_ticket_store_sign_in(s, sets[i].who, sets[i].pin));
        rb_status st = rb_ticket_setting_set(s, sets[i].key, sets[i].value);
        rbt_assert_msg(st == sets[i].expect, "set %s=%s as %s: %d %s", sets[i].key,
                       sets[i].value, sets[i].who ? sets[i].who : "nobody", st,
                       rb_ticket_store_last_error(s));
    }
    char *v = NULL;
    rbt_assert_ok(rb_ticket_setting_get(&v, s, "tickets.pin_max_failures"));
    rbt_assert_str("3", v);
    rb_free(v);
    rb_ticket_store_free(s);
    /* Another connection (the kiosk, another --home with its own conf) sees the same. */
    rb_context *other = tk_ctx("lockout-other");
    rbt_assert_ok(rb_context_set_setting(other, "tickets.pin_max_failures", "1000"));
    rb_ticket_store_options o = RB_TICKET_STORE_OPTIONS_INIT;
    o.path = tk_db_path(ctx);
    rbt_assert_ok(rb_ticket_store_open(&s, other, &o));
    rbt_assert_int(3, wrong_pins_until_locked(s, "bob", 20));
    rb__tickets_clock_offset += 1800; /* not the conf file's 1 s, nor the default 300 s */
    rbt_assert_int(RB_ERR_LOCKED, rb_ticket_store_sign_in(s, "bob", "5555"));
    rb__tickets_clock_offset += 1801;
    rbt_assert_ok(rb_ticket_store_sign_in(s, "bob", "5555"));
    rb__tickets_clock_offset = 0;
    rb_ticket_store_free(s);
    rb_context_free(other);
    rb_context_free(ctx);
}

/* ---- sign-in bookkeeping ---------------------------------------------------------- */

static void test_tickets_hostile__sign_in_fails_when_its_record_cannot_be_written(void)
{
    static const struct {
        const char *name;
        const char *trigger;
        int right_pin_fails;
    } cases[] = {
        {"every staff update aborts",
         "CREATE TRIGGER t BEFORE UPDATE ON staff BEGIN SELECT RAISE(ABORT, 'no'); END", 1},
        {"every staff update is silently ignored",
         "CREATE TRIGGER t BEFORE UPDATE ON staff BEGIN SELECT RAISE(IGNORE); END", 1},
        {"the failure count cannot grow",
         "CREATE TRIGGER t BEFORE UPDATE ON staff WHEN NEW.failed_attempts > OLD.failed_attempts"
         " OR NEW.locked_until > OLD.locked_until BEGIN SELECT RAISE(ABORT, 'no'); END", 0},
        {"the attempt log refuses rows",
         "CREATE TRIGGER t BEFORE INSERT ON sign_ins BEGIN SELECT RAISE(ABORT, 'no'); END", 1},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char dir[32];
        snprintf(dir, sizeof dir, "record%zu", c);
        rb_context *ctx = tk_ctx(dir);
        rb_ticket_store *s = tk_open_signed_in(ctx);
        rbt_assert_ok(rb_ticket_staff_add(s, "bob", "5555", 0));
        rb_ticket_store_sign_out(s);
        sqlite3 *db = raw_open(ctx);
        raw_exec(db, cases[c].trigger);
        /* A wrong PIN that cannot be counted is an error, not a plain "wrong PIN". */
        for (int i = 0; i < 8; i++) {
            rb_status st = rb_ticket_store_sign_in(s, "bob", "0000");
            rbt_assert_msg(st != RB_OK && st != RB_ERR_AUTH && st != RB_ERR_LOCKED,
                           "%s: wrong PIN %d returned %d", cases[c].name, i, st);
            rbt_assert_contains(rb_ticket_store_last_error(s), "could not be recorded");
        }
        rb_status st = rb_ticket_store_sign_in(s, "bob", "5555");
        if (cases[c].right_pin_fails) {
            rbt_assert_msg(st != RB_OK, "%s: signed in", cases[c].name);
            rbt_assert(rb_ticket_store_staff(s) == NULL);
            rbt_assert_int(RB_ERR_AUTH, rb_ticket_create(NULL, s, NULL));
        } else {
            rbt_assert_ok(st);
        }
        raw_exec(db, "DROP TRIGGER t");
        sqlite3_close(db);
        rbt_assert_ok(rb_ticket_store_sign_in(s, "bob", "5555"));
        rb_ticket_store_free(s);
        rb_context_free(ctx);
    }
}

RBT_MAIN(T(test_tickets_hostile__erase_is_all_or_nothing),
         T(test_tickets_hostile__lockout_settings_live_in_the_database),
         T(test_tickets_hostile__sign_in_fails_when_its_record_cannot_be_written))
