/* Hostile surroundings of the ticket store (issue 9), part 2: the files. A missing
 * database, a journal without its database, a damaged file, export destinations that are
 * links or folders, and loose file modes. Each test walks a table of variants. */
#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tk_test.h"

static char *make_customer(rb_ticket_store *s, const char *name)
{
    rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
    f.customer_name = name;
    f.problem = "cracked screen";
    char *n = NULL;
    rbt_assert_ok(rb_ticket_create(&n, s, &f));
    return n;
}

/* ---- missing database, journal without database ----------------------------------- */

static void test_tickets_files__missing_database_is_created_only_on_request(void)
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

static void test_tickets_files__journal_without_database_is_never_discarded(void)
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

static void test_tickets_files__damaged_database_is_reported(void)
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

static void test_tickets_files__export_never_follows_links_and_is_all_or_nothing(void)
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

static void test_tickets_files__readable_database_is_made_owner_only(void)
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

RBT_MAIN(T(test_tickets_files__missing_database_is_created_only_on_request),
         T(test_tickets_files__journal_without_database_is_never_discarded),
         T(test_tickets_files__damaged_database_is_reported),
         T(test_tickets_files__export_never_follows_links_and_is_all_or_nothing),
         T(test_tickets_files__readable_database_is_made_owner_only))
