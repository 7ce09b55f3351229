/* test_restore.c - unit tests of restore jobs: the idevicerestore output parser and
 * exit-code mapping (a table of real tool outputs), names, percent, the journal and the
 * per-ECID lock. The state machine against the real tool is in the tests/restore scripts. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "rbtest.h"
#include "restore/restore_private.h"

/* One tool run: its output lines ("E " = stderr), how it ended, and what we must conclude. */
struct run_case {
    const char *name;
    const char *lines[12];
    int how, code;
    int success;
    rb_restore_cause cause;
    int retryable;
};

/* Lines are as Debian's idevicerestore 1.0.0 prints them (restore-protocol.md §3,
 * restore-tools.md §1.5-1.8, and logs of runs against the simulator). */
static const struct run_case runs[] = {
    {"success", {"Found device in Recovery mode", "progress: 2 1.000000",
                 "Status: Restore Finished", "Cleaning up...", "DONE", "progress: 6 1.000000"},
     0, 0, 1, RB_CAUSE_NONE, 0},
    {"masked ASR error, exit 0",
     {"progress: 2 0.500000", "E ERROR: Unable to send data to ASR. Sent 0 of 131072 bytes.",
      "E ERROR: Unable to send payload to ASR", "Status: Restore Finished", "DONE"},
     0, 0, 0, RB_CAUSE_MASKED_FAILURE, 1},
    {"exit 0 without DONE", {"progress: 1 0.300000"}, 0, 0, 0, RB_CAUSE_MASKED_FAILURE, 1},
    {"no device (255)",
     {"E ERROR: Unable to discover device mode. Please make sure a device is attached."},
     0, 255, 0, RB_CAUSE_NOT_DETECTED, 1},
    {"model unknown to libirecovery (255)",
     {"Found device in Recovery mode", "E ERROR: Unable to discover device type"},
     0, 255, 0, RB_CAUSE_MODEL_TOO_NEW, 0},
    {"restore mode (254)", {"E ERROR: Unable to place device into restore mode"}, 0, 254, 0,
     RB_CAUSE_RESTORE_MODE_FAILED, 1},
    {"bare 254", {"progress: 1 0.200000"}, 0, 254, 0, RB_CAUSE_RESTORE_MODE_FAILED, 1},
    {"recovery (251)", {"Entering recovery mode...", "E ERROR: Unable to enter recovery mode"},
     0, 251, 0, RB_CAUSE_ENTER_RECOVERY_FAILED, 1},
    {"bare 251", {NULL}, 0, 251, 0, RB_CAUSE_ENTER_RECOVERY_FAILED, 1},
    {"dropped mid-restore (245)",
     {"progress: 2 0.400000", "E ERROR: Could not read data (-4). Aborting.", "RESTORE FAILED"},
     0, 245, 0, RB_CAUSE_DEVICE_GONE, 1},
    {"AMRError 14 (242)", {"Got status message", "Status: Fail", "RESTORE FAILED"}, 0, 242, 0,
     RB_CAUSE_AMR_ERROR, 1},
    {"AMRError 6 disk failure (250)", {"Status: Disk Failure"}, 0, 250, 0, RB_CAUSE_AMR_ERROR, 0},
    {"AMRError printed", {"E ERROR: AMRError 1015", "RESTORE FAILED"}, 0, 1, 0,
     RB_CAUSE_AMR_ERROR, 0},
    {"signing refused", {"E ERROR: Unable to send TSS request", "E ERROR: Unable to fetch TSS"},
     0, 255, 0, RB_CAUSE_SIGNING_FAILED, 1},
    {"upstream exit 1", {"E ERROR: Unable to restore device"}, 0, 1, 0, RB_CAUSE_TOOL_FAILED, 1},
    {"killed by SIGKILL", {"progress: 2 0.100000"}, 1, 9, 0, RB_CAUSE_TOOL_KILLED, 1},
    {"silent device", {"progress: 2 0.500000"}, 2, 0, 0, RB_CAUSE_TOOL_HUNG, 1},
    {"cancelled", {NULL}, 3, 0, 0, RB_CAUSE_CANCELLED, 0},
};

static void test_restore_parse__table_of_tool_runs(void)
{
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        const struct run_case *c = &runs[i];
        struct rs_parse p;
        rb__rs_parse_init(&p);
        for (int k = 0; k < 12 && c->lines[k]; k++) {
            int err = !strncmp(c->lines[k], "E ", 2);
            rb__rs_parse_line(&p, c->lines[k] + (err ? 2 : 0), err);
        }
        struct rs_verdict v;
        rb__rs_classify(&v, &p, c->how, c->code);
        rbt_assert_msg(v.success == c->success, "%s: success %d", c->name, v.success);
        rbt_assert_msg(v.cause == c->cause, "%s: cause %s, expected %s", c->name,
                       rb_restore_cause_name(v.cause), rb_restore_cause_name(c->cause));
        if (!c->success)
            rbt_assert_msg(v.retryable == c->retryable, "%s: retryable %d", c->name, v.retryable);
        rbt_assert_msg(c->success || v.detail[0], "%s: no detail", c->name);
    }
}

static void test_restore_parse__progress_lines(void)
{
    struct rs_parse p;
    rb__rs_parse_init(&p);
    rbt_assert_int(1, rb__rs_parse_line(&p, "progress: 2 0.450000", 0));
    rbt_assert_int(2, p.step);
    rbt_assert(p.fraction > 0.449 && p.fraction < 0.451);
    rbt_assert_int(0, rb__rs_parse_line(&p, "progress: 2 0.450000", 0)); /* no change */
    rbt_assert_int(0, rb__rs_parse_line(&p, "progress: 9 0.5", 0));        /* unknown step */
    rbt_assert_int(0, rb__rs_parse_line(&p, "progress: 3 7.5", 0));        /* bad fraction */
    rbt_assert_int(0, rb__rs_parse_line(&p, "Downloading:   0.4", 0));
    rbt_assert_int(0, rb__rs_parse_line(&p, "", 0));
    /* the image-copy bar shares the line through \r */
    rbt_assert_int(1, rb__rs_parse_line(&p, "[=====     ]  50.0%\rprogress: 3 0.100000", 0));
    rbt_assert_int(3, p.step);
    rb__rs_parse_line(&p, "Found device in DFU mode", 0);
    rbt_assert_str("DFU", p.mode_seen);
    /* hostile input: very long and binary lines neither crash nor count as progress */
    char big[5000];
    memset(big, 'A', sizeof big - 1);
    big[sizeof big - 1] = 0;
    rbt_assert_int(0, rb__rs_parse_line(&p, big, 1));
    rbt_assert_int(0, rb__rs_parse_line(&p, "progress: \xff\xfe", 0));
    rb__rs_parse_line(&p, "AMRError 99999999999999", 1);
    rbt_assert_int(0, p.amr_error);
}

static void test_restore_names__round_trip(void)
{
    for (int s = RB_RESTORE_PREFLIGHT; s <= RB_RESTORE_CANCELLED; s++)
        rbt_assert_int(s, rb__rs_state_from_name(rb_restore_state_name((rb_restore_state)s)));
    for (int c = RB_CAUSE_NONE; c <= RB_CAUSE_BACKUP_PASSWORD; c++) {
        rbt_assert_int(c, rb__rs_cause_from_name(rb_restore_cause_name((rb_restore_cause)c)));
        rbt_assert(c == RB_CAUSE_NONE || rb_restore_cause_text((rb_restore_cause)c)[0]);
    }
    for (int n = RB_RESTORE_NEXT_NONE; n <= RB_RESTORE_NEXT_CHECK_FIRMWARE; n++)
        rbt_assert_int(n, rb__rs_next_from_name(rb_restore_next_name((rb_restore_next)n)));
    rbt_assert_str("done", rb_restore_state_name(RB_RESTORE_DONE));
    rbt_assert_str("interrupted", rb_restore_state_name(RB_RESTORE_INTERRUPTED));
    rbt_assert_str("unknown", rb_restore_state_name((rb_restore_state)99));
    rbt_assert_str("unknown", rb_restore_cause_name((rb_restore_cause)-1));
    rbt_assert(rb_restore_state_is_final(RB_RESTORE_FAILED));
    rbt_assert(!rb_restore_state_is_final(RB_RESTORE_INTERRUPTED));
    rbt_assert_str("RB_ERR_REFUSED", rb_status_name(RB_ERR_REFUSED));
}

static void test_restore_percent__never_goes_back(void)
{
    double last = -1;
    rbt_assert(rb__rs_percent(RB_RESTORE_PREFLIGHT, -1, -1) < rb__rs_percent(RB_RESTORE_RESTORING, -1, -1));
    for (int step = 0; step <= 6; step++)
        for (int k = 0; k <= 10; k++) {
            double p = rb__rs_percent(RB_RESTORE_RESTORING, step, k / 10.0);
            rbt_assert_msg(p >= last, "step %d %.1f: %.2f < %.2f", step, k / 10.0, p, last);
            last = p;
        }
    rbt_assert(last <= rb__rs_percent(RB_RESTORE_REBOOTING, -1, -1));
    rbt_assert(rb__rs_percent(RB_RESTORE_VERIFYING, -1, -1) < 100.0);
    rbt_assert(rb__rs_percent(RB_RESTORE_DONE, -1, -1) == 100.0);
}

/* A fresh folder per case (rbt_tmpdir is shared by the cases of one run). */
static const char *sub(const char *name)
{
    static char path[4][1024];
    static int i;
    char *p = path[i++ % 4];
    snprintf(p, 1024, "%s/%s", rbt_tmpdir(), name);
    rbt_rmtree(p);
    rb__mkdirs(p, 0700);
    return p;
}

static rb_context *ctx_in(const char *dir)
{
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, dir));
    return ctx;
}

static void test_restore_journal__transitions_persist(void)
{
    const char *dir = sub("transitions_persist");
    rb_context *ctx = ctx_in(dir);
    rb__errs *eb = rb__errs_new();
    struct rs_journal *jr = NULL;
    rbt_assert_ok(rb__rs_journal_open(&jr, ctx, eb));
    struct rs_job j;
    memset(&j, 0, sizeof j);
    j.ecid = 0x1A2B3C4D5EULL;
    snprintf(j.product_type, sizeof j.product_type, "iPod9,1");
    j.erase = 1;
    j.max_attempts = 3;
    snprintf(j.ticket, sizeof j.ticket, "RB-2026-00001");
    rbt_assert_ok(rb__rs_job_insert(jr, &j));
    rbt_assert(j.id > 0);
    rbt_assert_int(RB_RESTORE_PREFLIGHT, j.state);
    rbt_assert_int(j.id, rb__rs_job_for_ecid(jr, j.ecid));
    rbt_assert_ok(rb__rs_transition(jr, &j, RB_RESTORE_RESTORING, RB_CAUSE_NONE,
                                    RB_RESTORE_NEXT_WAIT, NULL));
    int64_t att = 0;
    rbt_assert_ok(rb__rs_attempt_begin(jr, &j, "/tmp/x.log", &att));
    rbt_assert_int(1, j.attempts);
    rbt_assert_ok(rb__rs_transition(jr, &j, RB_RESTORE_INTERRUPTED, RB_CAUSE_DEVICE_GONE,
                                    RB_RESTORE_NEXT_RECONNECT, "unplugged"));
    rbt_assert_int(RB_RESTORE_RESTORING, j.resume_from);
    rbt_assert_ok(rb__rs_attempts_close_open(jr, j.id, "test"));
    rbt_assert_ok(rb__rs_cancel_request(jr, j.id));
    rbt_assert_int(1, rb__rs_cancel_requested(jr, j.id));
    rb__rs_journal_close(jr);

    /* a new process (new connection) sees exactly what was committed */
    jr = NULL;
    rbt_assert_ok(rb__rs_journal_open(&jr, ctx, eb));
    struct rs_job k;
    rbt_assert_ok(rb__rs_job_load(jr, j.id, &k));
    rbt_assert_int(RB_RESTORE_INTERRUPTED, k.state);
    rbt_assert_int(RB_RESTORE_RESTORING, k.resume_from);
    rbt_assert_int(RB_CAUSE_DEVICE_GONE, k.cause);
    rbt_assert_int(RB_RESTORE_NEXT_RECONNECT, k.next);
    rbt_assert_str("unplugged", k.detail);
    rbt_assert_int(1, k.attempts);
    rbt_assert_str("/tmp/x.log", k.log_path);
    rbt_assert(k.ecid == j.ecid);
    rbt_assert_ok(rb__rs_transition(jr, &k, RB_RESTORE_DONE, RB_CAUSE_NONE,
                                    RB_RESTORE_NEXT_SET_UP_DEVICE, NULL));
    rbt_assert_int(0, rb__rs_job_for_ecid(jr, j.ecid)); /* finished jobs are not "the" job */
    int64_t *ids = NULL;
    size_t n = 0;
    rbt_assert_ok(rb__rs_job_ids(jr, 1, 0, &ids, &n));
    rbt_assert_int(0, n);
    free(ids);
    rbt_assert_ok(rb__rs_job_ids(jr, 0, 0, &ids, &n));
    rbt_assert_int(1, n);
    free(ids);
    rbt_assert_int(RB_ERR_NOT_FOUND, rb__rs_job_load(jr, 999, &k));
    rb__rs_journal_close(jr);

    /* the transitions table holds every step, in order */
    char *path = rb__path_join(dir, "restore.db");
    sqlite3 *db = NULL;
    rbt_assert_int(SQLITE_OK, sqlite3_open(path, &db));
    sqlite3_stmt *q = NULL;
    sqlite3_prepare_v2(db, "SELECT group_concat(to_state, ',') FROM (SELECT to_state FROM"
                           " transitions ORDER BY id)", -1, &q, NULL);
    rbt_assert_int(SQLITE_ROW, sqlite3_step(q));
    rbt_assert_str("restoring,interrupted,done", (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL);
    sqlite3_step(q);
    rbt_assert_int(RS_SCHEMA_CURRENT, sqlite3_column_int(q, 0));
    sqlite3_finalize(q);
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &q, NULL);
    sqlite3_step(q);
    rbt_assert_str("wal", (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    sqlite3_close(db);
    free(path);
    rb__errs_free(eb);
    rb_context_free(ctx);
}

static void test_restore_journal__refuses_a_newer_schema(void)
{
    const char *dir = sub("refuses_a_newer_schema");
    char *path = rb__path_join(dir, "restore.db");
    sqlite3 *db = NULL;
    sqlite3_open(path, &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    free(path);
    rb_context *ctx = ctx_in(dir);
    rb__errs *eb = rb__errs_new();
    struct rs_journal *jr = NULL;
    rbt_assert_int(RB_ERR_UNSUPPORTED, rb__rs_journal_open(&jr, ctx, eb));
    rbt_assert_contains(rb__errs_last(eb), "newer");
    rbt_assert(jr == NULL);
    rb__errs_free(eb);
    rb_context_free(ctx);
}

static void test_restore_journal__backup_verifications_expire(void)
{
    const char *dir = sub("backup_verifications_expire");
    rb_context *ctx = ctx_in(dir);
    rb__errs *eb = rb__errs_new();
    struct rs_journal *jr = NULL;
    rbt_assert_ok(rb__rs_journal_open(&jr, ctx, eb));
    rbt_assert_int(0, rb__rs_backup_recent(jr, "fp1", "iPod9,1", "13.5", 3600));
    rbt_assert_ok(rb__rs_backup_record(jr, "/b", "fp1", "iPod9,1", "13.5", "restorable"));
    rbt_assert_ok(rb__rs_backup_record(jr, "/b", "fp2", "iPod9,1", "13.5", "corrupt"));
    rbt_assert_int(1, rb__rs_backup_recent(jr, "fp1", "iPod9,1", "13.5", 3600));
    rbt_assert_int(0, rb__rs_backup_recent(jr, "fp1", "iPod9,1", "14.0", 3600)); /* other target */
    rbt_assert_int(0, rb__rs_backup_recent(jr, "fp2", "iPod9,1", "13.5", 3600)); /* not restorable */
    rbt_assert_int(0, rb__rs_backup_recent(jr, "fp1", "iPod9,1", "13.5", -10));  /* too old */
    rb__rs_journal_close(jr);
    rb__errs_free(eb);
    rb_context_free(ctx);
}

static void test_restore_lock__one_driver_per_ecid(void)
{
    const char *dir = sub("one_driver_per_ecid");
    int a = rb__rs_lock_try(dir, 0x42);
    rbt_assert(a >= 0);
    rbt_assert_int(1, rb__rs_lock_held(dir, 0x42));
    errno = 0;
    rbt_assert_int(-1, rb__rs_lock_try(dir, 0x42));
    rbt_assert_int(EWOULDBLOCK, errno);
    int b = rb__rs_lock_try(dir, 0x43); /* another device is independent */
    rbt_assert(b >= 0);
    rb__rs_lock_release(a);
    rbt_assert_int(0, rb__rs_lock_held(dir, 0x42));
    rb__rs_lock_release(b);
}

static void test_restore_api__options_and_request_init(void)
{
    rb_restore_options o;
    rbt_assert_ok(rb_restore_options_init(&o, RB_RESTORE_OPTIONS_VERSION));
    rbt_assert_int(RB_RESTORE_OPTIONS_VERSION, o.version);
    rbt_assert(o.progress == NULL && o.monitor == NULL);
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_restore_options_init(&o, 999));
    rb_restore_request rq;
    rbt_assert_ok(rb_restore_request_init(&rq, RB_RESTORE_REQUEST_VERSION));
    rbt_assert(rq.erase == 0 && rq.device_id == NULL);
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_restore_request_init(NULL, RB_RESTORE_REQUEST_VERSION));
    /* A caller built against version 1 has no hand_off: init must not write it. */
    rq.hand_off = 7;
    rbt_assert_ok(rb_restore_request_init(&rq, 1));
    rbt_assert_int(1, rq.version);
    rbt_assert_int(7, rq.hand_off);
    rbt_assert_ok(rb_restore_request_init(&rq, RB_RESTORE_REQUEST_VERSION));
    rbt_assert_int(0, rq.hand_off);
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_restore_request_init(&rq, 0));
    rb_restore_free(NULL);
    rb_restore_job_free(NULL);
    rbt_assert_int(0, rb_restore_job_attempts(NULL));
    rbt_assert_str("", rb_restore_job_cause_detail(NULL));
}

static void test_restore_tool__knows_models_of_debian12(void)
{
    rbt_assert_int(1, rb__rs_tool_knows_model("iPod9,1", 0, 0));
    rbt_assert_int(1, rb__rs_tool_knows_model("", 0x8010, 0x16));   /* by CPID/BDID */
    rbt_assert_int(0, rb__rs_tool_knows_model("iPhone99,1", 0x9999, 0x1));
}

static void test_restore_tool__find(void)
{
    char *t = rb__rs_find_tool("/nonexistent/idevicerestore");
    rbt_assert(t == NULL);
    t = rb__rs_find_tool("sh");
    rbt_assert(t != NULL);
    free(t);
}

RBT_MAIN(T(test_restore_parse__table_of_tool_runs), T(test_restore_parse__progress_lines),
         T(test_restore_names__round_trip), T(test_restore_percent__never_goes_back),
         T(test_restore_journal__transitions_persist),
         T(test_restore_journal__refuses_a_newer_schema),
         T(test_restore_journal__backup_verifications_expire),
         T(test_restore_lock__one_driver_per_ecid),
         T(test_restore_api__options_and_request_init),
         T(test_restore_tool__knows_models_of_debian12), T(test_restore_tool__find))
