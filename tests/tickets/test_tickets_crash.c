/* Crash safety and concurrency: a writer killed with SIGKILL at random points loses no
 * acknowledged ticket and leaves a sound file; two processes writing at once both get
 * through (busy timeout + BEGIN IMMEDIATE) with unique numbers. */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tk_test.h"

/* Child: creates tickets forever (or `max`), writing each number to fd once
 * rb_ticket_create has returned: that is the acknowledgement. */
static void writer(rb_context *ctx, int fd, int max, const char *tag)
{
    rb_ticket_store *s = NULL;
    if (rb_ticket_store_open(&s, ctx, NULL) != RB_OK ||
        rb_ticket_store_sign_in(s, "ann", "1234") != RB_OK)
        _exit(3);
    for (int i = 0; max == 0 || i < max; i++) {
        char name[64], note[64];
        snprintf(name, sizeof name, "%s customer %d", tag, i);
        snprintf(note, sizeof note, "note %d", i);
        rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
        f.customer_name = name;
        f.customer_phone = "+44 20 7946 0018";
        f.problem = "random crash test";
        char *n = NULL;
        rb_status st = rb_ticket_create(&n, s, &f);
        if (st == RB_OK)
            st = rb_ticket_event_append(s, n, RB_TICKET_EVENT_NOTE, note, NULL);
        if (st != RB_OK) {
            fprintf(stderr, "writer: %d %s\n", st, rb_ticket_store_last_error(s));
            _exit(4);
        }
        char line[80];
        int len = snprintf(line, sizeof line, "%s\n", n);
        if (write(fd, line, (size_t)len) != len)
            _exit(5);
        rb_free(n);
    }
    rb_ticket_store_free(s);
    _exit(0);
}

static void prepare(rb_context *ctx)
{
    rb_ticket_store *s = tk_open_signed_in(ctx);
    rb_ticket_store_free(s);
}

/* Reads everything the child wrote into buf (NUL-terminated). */
static void drain(int fd, char *buf, size_t cap)
{
    size_t n = 0;
    ssize_t r;
    while (n + 1 < cap && ((r = read(fd, buf + n, cap - 1 - n)) > 0 || (r < 0 && errno == EINTR)))
        if (r > 0)
            n += (size_t)r;
    buf[n] = '\0';
}

static void check_sound(rb_context *ctx)
{
    char ok[64];
    tk_sql_text(tk_db_path(ctx), "PRAGMA integrity_check", ok, sizeof ok);
    rbt_assert_str("ok", ok);
    sqlite3 *db = NULL;
    rbt_assert(sqlite3_open(tk_db_path(ctx), &db) == SQLITE_OK);
    char *msg = NULL;
    int rc = sqlite3_exec(db, "INSERT INTO ticket_fts(ticket_fts) VALUES ('integrity-check')",
                          NULL, NULL, &msg);
    rbt_assert_msg(rc == SQLITE_OK, "fts integrity: %s", msg ? msg : "");
    sqlite3_close(db);
}

static void test_tickets_crash__sigkill_keeps_every_acknowledged_ticket(void)
{
    rb_context *ctx = tk_ctx("kill");
    prepare(ctx);
    const char *r = getenv("RB_TICKETS_KILL_ROUNDS");
    int rounds = r ? atoi(r) : 20;
    unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
    fprintf(stderr, "seed %u, %d rounds\n", seed, rounds);
    srand(seed);
    size_t total_acked = 0;
    static char buf[1 << 20];
    for (int round = 0; round < rounds; round++) {
        int p[2];
        rbt_assert(pipe(p) == 0);
        pid_t pid = fork();
        rbt_assert(pid >= 0);
        if (pid == 0) {
            close(p[0]);
            writer(ctx, p[1], 0, "kill");
        }
        close(p[1]);
        /* Anywhere from before the first write to deep into a run of them. */
        struct timespec ts = {0, (long)(rand() % 150) * 1000000L + (long)(rand() % 1000) * 1000L};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        rbt_assert_msg(WIFSIGNALED(status), "writer ended by itself (status %d)", status);
        drain(p[0], buf, sizeof buf);
        close(p[0]);

        check_sound(ctx);
        rb_ticket_store *s = tk_open(ctx);
        for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
            rb_ticket *t = NULL;
            rb_status st = rb_ticket_get(&t, s, line);
            rbt_assert_msg(st == RB_OK, "round %d: acknowledged %s is missing", round, line);
            rbt_assert_str("random crash test", t->problem);
            rb_ticket_free(t);
            total_acked++;
        }
        rb_ticket_store_free(s);
    }
    fprintf(stderr, "%zu acknowledged tickets survived\n", total_acked);
    /* Numbers never repeat, even across crashes. */
    rbt_assert_int(0, tk_sql_int(tk_db_path(ctx),
                                 "SELECT count(*) - count(DISTINCT number) FROM tickets"));
    rb_context_free(ctx);
}

static void test_tickets_crash__two_concurrent_writers(void)
{
    rb_context *ctx = tk_ctx("concurrent");
    prepare(ctx);
    enum { PER = 40 };
    pid_t pids[2];
    int fds[2];
    for (int i = 0; i < 2; i++) {
        int p[2];
        rbt_assert(pipe(p) == 0);
        pids[i] = fork();
        rbt_assert(pids[i] >= 0);
        if (pids[i] == 0) {
            close(p[0]);
            writer(ctx, p[1], PER, i ? "cli" : "kiosk");
        }
        close(p[1]);
        fds[i] = p[0];
    }
    static char buf[2][1 << 16];
    for (int i = 0; i < 2; i++) {
        drain(fds[i], buf[i], sizeof buf[i]);
        close(fds[i]);
        int status = 0;
        waitpid(pids[i], &status, 0);
        rbt_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "writer %d: status %d", i,
                       status);
    }
    check_sound(ctx);
    const char *db = tk_db_path(ctx);
    rbt_assert_int(2 * PER, tk_sql_int(db, "SELECT count(DISTINCT number) FROM tickets"));
    rbt_assert_int(2 * PER, tk_sql_int(db, "SELECT max(last) FROM counters"));
    rbt_assert_int(PER, tk_sql_int(db, "SELECT count(*) FROM tickets WHERE customer_name LIKE 'cli %'"));
    rbt_assert_int(4 * PER, tk_sql_int(db, "SELECT count(*) FROM events"));
    rb_context_free(ctx);
}

static void test_tickets_crash__sigkill_during_migration(void)
{
    unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
    srand(seed);
    fprintf(stderr, "seed %u\n", seed);
    int killed = 0, mid = 0;
    for (int round = 0; round < 12; round++) {
        char name[32];
        snprintf(name, sizeof name, "migkill%d", round);
        rb_context *ctx = tk_ctx(name);
        tk_load_fixture(ctx, 2);
        pid_t pid = fork();
        rbt_assert(pid >= 0);
        if (pid == 0) {
            rb_ticket_store *s = NULL;
            rb_status st = rb_ticket_store_open(&s, ctx, NULL);
            rb_ticket_store_free(s);
            _exit(st == RB_OK ? 0 : 3);
        }
        /* From before the backup to after the last step (a migration here takes ~50 ms,
         * most of it the syncs of the backup and of each step). */
        struct timespec ts = {0, (long)(rand() % 60000) * 1000L};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        rbt_assert_msg(WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0),
                       "migrating child failed: %d", status);
        killed += WIFSIGNALED(status);
        int reached = (int)tk_sql_int(tk_db_path(ctx), "PRAGMA user_version");
        mid += WIFSIGNALED(status) && reached < rb_ticket_schema_current();
        /* Whatever step it died in, the next open finishes the job with the data intact. */
        rb_ticket_store *s = tk_open(ctx);
        rbt_assert_int(rb_ticket_schema_current(), rb_ticket_store_schema_version(s));
        rb_ticket *t = NULL;
        rbt_assert_ok(rb_ticket_get(&t, s, "RB-2024-00001"));
        rbt_assert_str("Ana Müller", t->customer_name);
        rb_ticket_free(t);
        rbt_assert_ok(rb_ticket_store_sign_in(s, "sam", "2468"));
        rb_ticket_store_free(s);
        check_sound(ctx);
        rbt_assert_int(7, tk_sql_int(tk_db_path(ctx), "SELECT count(*) FROM events"));
        rb_context_free(ctx);
    }
    fprintf(stderr, "%d of 12 killed, %d before the last step committed\n", killed, mid);
}

RBT_MAIN(T(test_tickets_crash__sigkill_keeps_every_acknowledged_ticket),
         T(test_tickets_crash__sigkill_during_migration),
         T(test_tickets_crash__two_concurrent_writers))
