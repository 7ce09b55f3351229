/* Hostile and damaged surroundings of the ticket database (issue 9): an erase while
 * another connection holds the file, a missing database, a journal without its database,
 * a damaged file, export destinations that are links or folders, loose file modes, a
 * lock-out configured from a conf file, and sign-in bookkeeping that cannot be written.
 * Each test walks a table of variants. */
#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tk_test.h"

extern int64_t rb__tickets_clock_offset;
extern void (*rb__tickets_checkpoint_busy_hook)(void);
extern void (*rb__tickets_erase_committed_hook)(void);

static long long size_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

static int exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static char *slurp(const char *path, size_t *len)
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

static int file_contains(const char *path, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    char *buf = slurp(path, &n);
    int found = 0;
    for (size_t i = 0; buf && !found && i + k <= n; i++)
        found = memcmp(buf + i, needle, k) == 0;
    free(buf);
    return found;
}

/* The database file and its journal, byte by byte. */
static int on_disk(rb_context *ctx, const char *needle)
{
    char wal[4400];
    snprintf(wal, sizeof wal, "%s-wal", tk_db_path(ctx));
    return file_contains(tk_db_path(ctx), needle) || file_contains(wal, needle);
}

static void raw_exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    rbt_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK, "%s: %s", sql,
                   msg ? msg : "");
}

static sqlite3 *raw_open(rb_context *ctx)
{
    sqlite3 *db = NULL;
    rbt_assert(sqlite3_open(tk_db_path(ctx), &db) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    return db;
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
        /* A short bound, so that "never" is quick; the holder below decides the outcome. */
        s = open_with(ctx, 400);
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

/* ---- missing database, journal without database ----------------------------------- */

static void test_tickets_hostile__missing_database_is_created_only_on_request(void)
{
    static const struct {
        const char *name;
        int must_exist, read_only;
        rb_status expect;
    } cases[] = {
        {"reading command (must exist)", 1, 0, RB_ERR_NOT_FOUND},
        {"read-only", 0, 1, RB_ERR_NOT_FOUND},
        {"read-only and must exist", 1, 1, RB_ERR_NOT_FOUND},
        {"creating command", 0, 0, RB_OK},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char dir[32];
        snprintf(dir, sizeof dir, "missing%zu", c);
        rb_context *ctx = tk_ctx(dir);
        rb_ticket_store_options o = RB_TICKET_STORE_OPTIONS_INIT;
        o.must_exist = cases[c].must_exist;
        o.read_only = cases[c].read_only;
        rb_ticket_store *s = NULL;
        rb_status st = rb_ticket_store_open(&s, ctx, &o);
        if (cases[c].expect == RB_ERR_NOT_FOUND)
            st = st == RB_ERR_NOT_FOUND || (cases[c].read_only && st == RB_ERR_PERMISSION)
                     ? RB_ERR_NOT_FOUND : st;
        rbt_assert_msg(st == cases[c].expect, "%s: %d %s", cases[c].name, st,
                       rb_ticket_store_last_error(s));
        rb_ticket_store_free(s);
        char p[4400];
        const char *suffix[] = {"", "-wal", "-shm", "-journal"};
        for (size_t i = 0; i < 4; i++) {
            snprintf(p, sizeof p, "%s%s", tk_db_path(ctx), suffix[i]);
            if (cases[c].expect != RB_OK)
                rbt_assert_msg(!exists(p), "%s: %s was created", cases[c].name, p);
        }
        if (cases[c].expect == RB_OK)
            rbt_assert(exists(tk_db_path(ctx)));
        rb_context_free(ctx);
    }
    /* A version 1 options struct (no must_exist member) still opens, creating. */
    rb_context *ctx = tk_ctx("missing-v1");
    rb_ticket_store_options o = RB_TICKET_STORE_OPTIONS_INIT;
    o.version = 1;
    o.must_exist = 1; /* not part of a version 1 struct: ignored */
    rb_ticket_store *s = NULL;
    rbt_assert_ok(rb_ticket_store_open(&s, ctx, &o));
    rb_ticket_store_free(s);
    rb_context_free(ctx);
}

static void test_tickets_hostile__journal_without_database_is_never_discarded(void)
{
    /* A journal that holds tickets not yet in the database file. */
    rb_context *src = tk_ctx("wal-src");
    rb_ticket_store *s = tk_open_signed_in(src);
    sqlite3 *hold = raw_open(src);
    raw_exec(hold, "PRAGMA wal_autocheckpoint = 0;");
    rb_free(make_customer(s, "Octavia Journalkept"));
    char walp[4400];
    snprintf(walp, sizeof walp, "%s-wal", tk_db_path(src));
    size_t wal_len = 0;
    char *wal = slurp(walp, &wal_len);
    rbt_assert(wal && wal_len > 0 && file_contains(walp, "Octavia Journalkept"));
    rb_ticket_store_free(s);
    sqlite3_close(hold);

    static const struct {
        const char *name;
        int db_state; /* 0 missing, 1 empty file */
        int must_exist, read_only;
    } cases[] = {
        {"missing, creating command", 0, 0, 0}, {"missing, reading command", 0, 1, 0},
        {"missing, read-only", 0, 0, 1},        {"empty file, creating command", 1, 0, 0},
        {"empty file, reading command", 1, 1, 0},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char dir[32];
        snprintf(dir, sizeof dir, "walonly%zu", c);
        rb_context *ctx = tk_ctx(dir);
        char p[4400];
        snprintf(p, sizeof p, "%s-wal", tk_db_path(ctx));
        rbt_write_file(p, wal, wal_len);
        if (cases[c].db_state == 1)
            rbt_write_file(tk_db_path(ctx), "", 0);
        rb_ticket_store_options o = RB_TICKET_STORE_OPTIONS_INIT;
        o.must_exist = cases[c].must_exist;
        o.read_only = cases[c].read_only;
        s = NULL;
        rb_status st = rb_ticket_store_open(&s, ctx, &o);
        rbt_assert_msg(st == RB_ERR_CORRUPT, "%s: open returned %d", cases[c].name, st);
        rbt_assert_contains(rb_ticket_store_last_error(s), "tickets.db-wal");
        rbt_assert_contains(rb_ticket_store_last_error(s), "nothing was changed");
        rb_ticket_store_free(s);
        size_t n = 0;
        char *now = slurp(p, &n);
        rbt_assert_msg(now && n == wal_len && memcmp(now, wal, n) == 0,
                       "%s: the journal changed", cases[c].name);
        free(now);
        rbt_assert_int(cases[c].db_state == 0 ? -1 : 0, size_of(tk_db_path(ctx)));
        rb_context_free(ctx);
    }
    free(wal);
    rb_context_free(src);
}

/* ---- damaged database ------------------------------------------------------------- */

static void flip(const char *path, long offset, const unsigned char *bytes, size_t n)
{
    FILE *f = fopen(path, "r+b");
    rbt_assert(f && fseek(f, offset, SEEK_SET) == 0 && fwrite(bytes, 1, n, f) == n);
    fclose(f);
}

/* File times come from a coarse clock: wait (on the state, under a deadline) until a
 * new write would get a later time than the last write to `path`. */
static void wait_for_clock_past(const char *path)
{
    struct stat ref, probe;
    rbt_assert(stat(path, &ref) == 0);
    char tmp[4400];
    snprintf(tmp, sizeof tmp, "%s.clock", path);
    for (int i = 0;; i++) {
        rbt_write_file(tmp, "x", 1);
        rbt_assert(stat(tmp, &probe) == 0);
        if (probe.st_mtim.tv_sec > ref.st_ctim.tv_sec ||
            (probe.st_mtim.tv_sec == ref.st_ctim.tv_sec && probe.st_mtim.tv_nsec > ref.st_ctim.tv_nsec))
            break;
        rbt_assert_msg(i < 1000000, "the file clock does not move");
    }
    remove(tmp);
}

static void test_tickets_hostile__damaged_database_is_reported(void)
{
    static const struct {
        const char *name;
        const char *table;   /* whose root page is damaged; NULL: see offset */
        long offset;         /* within that page (or the file) */
        unsigned char bytes[4];
        size_t n;
        int truncate_pages;
    } cases[] = {
        {"tickets page type", "tickets", 0, {0x42}, 1, 0},
        {"events cell count", "events", 3, {0xff, 0xff}, 2, 0},
        {"tickets first freeblock", "tickets", 1, {0xff, 0xf0}, 2, 0},
        {"index cell pointer", "events_by_ticket", 8, {0xff, 0xff}, 2, 0},
        {"staff cell content area", "staff", 5, {0x00, 0x01}, 2, 0},
        {"header magic", NULL, 0, {'X', 'Q', 'L', 'x'}, 4, 0},
        {"file cut short", NULL, 0, {0}, 0, 3},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char dir[32];
        snprintf(dir, sizeof dir, "damaged%zu", c);
        rb_context *ctx = tk_ctx(dir);
        rb_ticket_store *s = tk_open_signed_in(ctx);
        for (int i = 0; i < 60; i++)
            rb_free(make_customer(s, "Ignatius Pagefiller"));
        rb_ticket_store_free(s); /* the last close checkpoints: all is in the file */
        /* The file passes once (and its fingerprint is kept), then is damaged: the damage
         * must be found anyway. */
        s = tk_open(ctx);
        rb_ticket_store_free(s);
        char marker[4400];
        snprintf(marker, sizeof marker, "%s-checked", tk_db_path(ctx));
        rbt_assert(exists(marker));
        wait_for_clock_past(tk_db_path(ctx));
        long page = 4096, offset = cases[c].offset;
        if (cases[c].table) {
            char sql[160];
            snprintf(sql, sizeof sql, "SELECT rootpage FROM sqlite_schema WHERE name = '%s'",
                     cases[c].table);
            long root = (long)tk_sql_int(tk_db_path(ctx), sql);
            page = (long)tk_sql_int(tk_db_path(ctx), "PRAGMA page_size");
            rbt_assert(root > 1);
            offset += (root - 1) * page;
        }
        if (cases[c].n)
            flip(tk_db_path(ctx), offset, cases[c].bytes, cases[c].n);
        if (cases[c].truncate_pages)
            rbt_assert(truncate(tk_db_path(ctx), size_of(tk_db_path(ctx)) -
                                                 cases[c].truncate_pages * 4096) == 0);
        for (int must_exist = 0; must_exist <= 1; must_exist++) {
            rb_ticket_store_options o = RB_TICKET_STORE_OPTIONS_INIT;
            o.must_exist = must_exist;
            s = NULL;
            rb_status st = rb_ticket_store_open(&s, ctx, &o);
            rbt_assert_msg(st == RB_ERR_CORRUPT, "%s: open returned %d (%s)", cases[c].name, st,
                           rb_ticket_store_last_error(s));
            rbt_assert_contains(rb_ticket_store_last_error(s), "is damaged");
            rbt_assert_contains(rb_ticket_store_last_error(s), "tickets.db");
            rb_ticket_store_free(s);
        }
        rb_context_free(ctx);
    }
}

/* ---- export destinations ---------------------------------------------------------- */

static void test_tickets_hostile__export_never_follows_links_and_is_all_or_nothing(void)
{
    rb_context *ctx = tk_ctx("export");
    rb_ticket_store *s = tk_open_signed_in(ctx);
    rb_free(make_customer(s, "Rosalind Exportable"));
    rb_free(make_customer(s, "Second Person"));
    const char *home = rb_context_home(ctx);
    char victim[4400], out[4400];
    snprintf(victim, sizeof victim, "%s/victim.txt", home);
    rbt_write_file(victim, "precious", 8);
    enum { NEW, EXISTING, LINK, DANGLING, FOLDER };
    static const struct {
        const char *name;
        int kind;
        rb_status expect;
    } cases[] = {
        {"new file", NEW, RB_OK},
        {"existing file (replaced)", EXISTING, RB_OK},
        {"symbolic link to a file", LINK, RB_ERR_PERMISSION},
        {"dangling symbolic link", DANGLING, RB_ERR_PERMISSION},
        {"folder", FOLDER, RB_ERR_INVALID_ARG},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        for (int fmt = RB_TICKET_EXPORT_CSV; fmt <= RB_TICKET_EXPORT_JSON; fmt++) {
            snprintf(out, sizeof out, "%s/out%zu-%d", home, c, fmt);
            char made[4400];
            snprintf(made, sizeof made, "%s/made-by-link%zu-%d", home, c, fmt);
            if (cases[c].kind == EXISTING) {
                rbt_write_file(out, "old", 3);
                rbt_assert(chmod(out, 0644) == 0);
            } else if (cases[c].kind == LINK) {
                rbt_assert(symlink(victim, out) == 0);
            } else if (cases[c].kind == DANGLING) {
                rbt_assert(symlink(made, out) == 0);
            } else if (cases[c].kind == FOLDER) {
                rbt_assert(mkdir(out, 0700) == 0);
            }
            rb_status st = rb_ticket_export_file(s, out, (rb_ticket_export_format)fmt, NULL);
            rbt_assert_msg(st == cases[c].expect, "%s: %d %s", cases[c].name, st,
                           rb_ticket_store_last_error(s));
            struct stat sb;
            if (st == RB_OK) {
                rbt_assert(lstat(out, &sb) == 0 && S_ISREG(sb.st_mode));
                rbt_assert_msg((sb.st_mode & 0777) == 0600, "%s: mode %o", cases[c].name,
                               (unsigned)(sb.st_mode & 0777));
                rbt_assert(file_contains(out, "Rosalind Exportable"));
            } else {
                rbt_assert_contains(rb_ticket_store_last_error(s), out);
            }
            size_t n = 0;
            char *v = slurp(victim, &n);
            rbt_assert_msg(v && strcmp(v, "precious") == 0, "%s: wrote through", cases[c].name);
            free(v);
            rbt_assert_msg(!exists(made), "%s: created the link's target", cases[c].name);
            if (cases[c].kind == LINK || cases[c].kind == DANGLING)
                rbt_assert(lstat(out, &sb) == 0 && S_ISLNK(sb.st_mode));
        }
    }
    /* A failure half-way (the event log vanishes under the export) prints nothing and
     * leaves the old file as it was, with no temporary file behind. */
    snprintf(out, sizeof out, "%s/keep.json", home);
    rbt_write_file(out, "old export", 10);
    sqlite3 *db = raw_open(ctx);
    raw_exec(db, "ALTER TABLE events RENAME TO events_gone");
    sqlite3_close(db);
    rbt_assert(rb_ticket_export_file(s, out, RB_TICKET_EXPORT_JSON, NULL) != RB_OK);
    size_t n = 0;
    char *v = slurp(out, &n);
    rbt_assert(v && strcmp(v, "old export") == 0);
    free(v);
    char listing[8192];
    char cmd[4600];
    snprintf(cmd, sizeof cmd, "ls -a '%s'", home);
    rbt_run_cmd(cmd, listing, sizeof listing);
    rbt_assert_msg(!strstr(listing, ".tmp"), "temporary file left: %s", listing);
    FILE *mem = tmpfile();
    rbt_assert(mem != NULL);
    rbt_assert(rb_ticket_export(s, mem, RB_TICKET_EXPORT_JSON, NULL) != RB_OK);
    rbt_assert_int(0, ftell(mem)); /* not half an array */
    fclose(mem);
    rb_ticket_store_free(s);
    rb_context_free(ctx);
}

/* ---- file modes ------------------------------------------------------------------- */

static void test_tickets_hostile__readable_database_is_made_owner_only(void)
{
    static const struct {
        const char *name;
        unsigned mode;
        int journals_open; /* another connection keeps -wal and -shm in place */
        int must_exist;
    } cases[] = {
        {"0644 database", 0644, 0, 0},
        {"0666 database with journals", 0666, 1, 0},
        {"0640 database, reading command", 0640, 1, 1},
        {"0604 database", 0604, 0, 1},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char dir[32];
        snprintf(dir, sizeof dir, "mode%zu", c);
        rb_context *ctx = tk_ctx(dir);
        rb_ticket_store *s = tk_open_signed_in(ctx);
        rb_free(make_customer(s, "Modest Person"));
        rb_ticket_store_free(s);
        sqlite3 *hold = NULL;
        char p[4400];
        const char *suffix[] = {"", "-wal", "-shm"};
        if (cases[c].journals_open) {
            hold = raw_open(ctx);
            raw_exec(hold, "SELECT count(*) FROM tickets");
        }
        for (size_t i = 0; i < 3; i++) {
            snprintf(p, sizeof p, "%s%s", tk_db_path(ctx), suffix[i]);
            if (exists(p))
                rbt_assert(chmod(p, cases[c].mode) == 0);
        }
        rb_ticket_store_options o = RB_TICKET_STORE_OPTIONS_INIT;
        o.must_exist = cases[c].must_exist;
        rbt_assert_ok(rb_ticket_store_open(&s, ctx, &o));
        for (size_t i = 0; i < 3; i++) {
            snprintf(p, sizeof p, "%s%s", tk_db_path(ctx), suffix[i]);
            struct stat sb;
            if (stat(p, &sb) == 0)
                rbt_assert_msg((sb.st_mode & 0777) == 0600, "%s: %s is %o", cases[c].name, p,
                               (unsigned)(sb.st_mode & 0777));
            else
                rbt_assert_msg(i > 0, "%s: no database", cases[c].name);
        }
        rb_ticket_store_free(s);
        sqlite3_close(hold);
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
    rb__tickets_clock_offset = 299;
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
        {"ann", "1234", "tickets.pin_lockout_seconds", "60", RB_OK},
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
    rb__tickets_clock_offset += 59;
    rbt_assert_int(RB_ERR_LOCKED, rb_ticket_store_sign_in(s, "bob", "5555"));
    rb__tickets_clock_offset += 2;
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
         T(test_tickets_hostile__missing_database_is_created_only_on_request),
         T(test_tickets_hostile__journal_without_database_is_never_discarded),
         T(test_tickets_hostile__damaged_database_is_reported),
         T(test_tickets_hostile__export_never_follows_links_and_is_all_or_nothing),
         T(test_tickets_hostile__readable_database_is_made_owner_only),
         T(test_tickets_hostile__lockout_settings_live_in_the_database),
         T(test_tickets_hostile__sign_in_fails_when_its_record_cannot_be_written))
