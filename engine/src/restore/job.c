/* restore/job.c - the state machine of one job, on its own thread.
 *
 * Each step first commits its transition (rb__rs_transition), then acts. A failure to
 * write the journal stops the thread without acting: the job stays where the journal says
 * and is picked up again by the next resume.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "device/device_hold.h"
#include "restore/restore_private.h"
#include "rescuebay/tickets.h"

/* Commits a transition, logs it on the ticket and reports it. false: the journal refused,
 * so the thread must stop without acting. */
static bool go(struct rs_runner *r, rb_restore_state to, rb_restore_cause cause,
               rb_restore_next next, const char *detail)
{
    rb_restore_state from = r->job.state;
    if (rb__rs_transition(r->m->jr, &r->job, to, cause, next, detail) != RB_OK) {
        rb__log("restore", "job %lld: journal: %s", (long long)r->job.id, rb__errs_last(r->m->err));
        return false;
    }
    rb__log("restore", "job %lld: %s -> %s (%s) %s", (long long)r->job.id,
            rb_restore_state_name(from), rb_restore_state_name(to), rb_restore_cause_name(cause),
            detail ? detail : "");
    int type = to == RB_RESTORE_INTERRUPTED                                  ? RB_TICKET_EVENT_INTERRUPTED
               : from == RB_RESTORE_INTERRUPTED                              ? RB_TICKET_EVENT_RESUMED
               : rb_restore_state_is_final(to)                               ? RB_TICKET_EVENT_OUTCOME
                                                                             : RB_TICKET_EVENT_RESTORE_STEP;
    char summary[160];
    if (to == RB_RESTORE_DONE)
        snprintf(summary, sizeof summary, "success: iOS %s (%s)", r->job.version, r->job.build);
    else if (to == RB_RESTORE_FAILED || to == RB_RESTORE_INTERRUPTED)
        snprintf(summary, sizeof summary, "%s: %s", rb_restore_state_name(to),
                 rb_restore_cause_name(cause));
    else
        snprintf(summary, sizeof summary, "%s", rb_restore_state_name(to));
    if (r->job.ticket[0]) {
        cJSON *d = cJSON_CreateObject();
        cJSON_AddNumberToObject(d, "job", (double)r->job.id);
        cJSON_AddStringToObject(d, "from", rb_restore_state_name(from));
        cJSON_AddStringToObject(d, "to", rb_restore_state_name(to));
        cJSON_AddStringToObject(d, "cause", rb_restore_cause_name(cause));
        cJSON_AddStringToObject(d, "next_action", rb_restore_next_name(next));
        cJSON_AddNumberToObject(d, "attempts", r->job.attempts);
        cJSON_AddStringToObject(d, "detail", detail ? detail : "");
        char *js = cJSON_PrintUnformatted(d);
        cJSON_Delete(d);
        rb__rs_ticket_event(r->m->ctx, &r->job, type, summary, js);
        cJSON_free(js);
    }
    rb__rs_report(r);
    return true;
}

static bool fail(struct rs_runner *r, rb_restore_cause cause, const char *detail)
{
    return go(r, RB_RESTORE_FAILED, cause, rb__rs_next_for_cause(cause), detail);
}

static bool interrupt(struct rs_runner *r, rb_restore_cause cause, rb_restore_next next,
                      const char *detail)
{
    return go(r, RB_RESTORE_INTERRUPTED, cause, next, detail);
}

/* Cancel (by this process, the callback, or another process through the journal) or stop
 * (the handle is being freed). */
static int stop_wanted(struct rs_runner *r)
{
    struct rs_manager *m = r->m;
    uint64_t now = rb__now_ms();
    if (now - r->cancel_checked_ms > 700) {
        r->cancel_checked_ms = now;
        if (rb__rs_cancel_requested(m->jr, r->job.id)) {
            pthread_mutex_lock(&m->mu);
            r->cancel = true;
            pthread_mutex_unlock(&m->mu);
        }
    }
    pthread_mutex_lock(&m->mu);
    int s = r->cancel ? 1 : m->stopping ? 2 : 0;
    pthread_mutex_unlock(&m->mu);
    return s;
}

typedef bool (*dev_pred)(const rb_device_info *d, const struct rs_runner *r);

/* Waits until the job's device satisfies pred (or timeout_ms). 1 matched (info in *out),
 * 0 timed out, -1 stop wanted. */
static int wait_dev(struct rs_runner *r, dev_pred pred, long timeout_ms, rb_device_info *out)
{
    struct rs_manager *m = r->m;
    char id[24];
    snprintf(id, sizeof id, "0x%llX", (unsigned long long)r->job.ecid);
    uint64_t deadline = rb__now_ms() + (uint64_t)timeout_ms;
    for (;;) {
        rb_device_info d;
        if (rb_device_monitor_find(m->mon, id, &d) == RB_OK && d.connected && pred(&d, r)) {
            if (out)
                *out = d;
            return 1;
        }
        if (stop_wanted(r))
            return -1;
        uint64_t now = rb__now_ms();
        if (timeout_ms >= 0 && now >= deadline)
            return 0;
        pthread_mutex_lock(&m->mu);
        unsigned gen = m->dev_gen;
        uint64_t left = timeout_ms >= 0 ? deadline - now : 250;
        if (m->dev_gen == gen && !m->stopping)
            rb__cond_wait_ms(&m->cv, &m->mu, left < 250 ? left : 250);
        pthread_mutex_unlock(&m->mu);
    }
}

static bool any_mode(const rb_device_info *d, const struct rs_runner *r)
{
    (void)r;
    return d->mode != RB_MODE_UNKNOWN;
}
static bool in_recovery(const rb_device_info *d, const struct rs_runner *r)
{
    (void)r;
    return d->mode == RB_MODE_RECOVERY || d->mode == RB_MODE_DFU;
}
static bool not_restore_mode(const rb_device_info *d, const struct rs_runner *r)
{
    (void)r;
    return d->mode != RB_MODE_RESTORE && d->mode != RB_MODE_UNKNOWN;
}
static bool booted(const rb_device_info *d, const struct rs_runner *r)
{
    (void)r;
    return d->mode == RB_MODE_NORMAL && d->build_version[0];
}
static bool booted_or_recovery(const rb_device_info *d, const struct rs_runner *r)
{
    return booted(d, r) || d->mode == RB_MODE_RECOVERY;
}

static long setting_ms(struct rs_runner *r, const char *key, long seconds)
{
    return rb__rs_setting_long(r->m->ctx, key, seconds) * 1000;
}

/* A device left in restore mode by a dead or stopped tool (a real one stays there, silent,
 * until someone force-restarts it). Outside `interrupted` that is an interruption at once;
 * while interrupted, the job asks for a force restart and waits for the device to leave. */
static bool leave_restore_mode(struct rs_runner *r, rb_device_info *d)
{
    if (d->mode != RB_MODE_RESTORE)
        return true;
    if (r->job.state != RB_RESTORE_INTERRUPTED) {
        interrupt(r, RB_CAUSE_TOOL_HUNG, RB_RESTORE_NEXT_FORCE_RESTART,
                  "the device is stuck in restore mode");
        return false;
    }
    if (r->job.next != RB_RESTORE_NEXT_FORCE_RESTART) {
        r->job.next = RB_RESTORE_NEXT_FORCE_RESTART;
        rb__rs_job_save(r->m->jr, &r->job);
        rb__rs_report(r);
    }
    int w = wait_dev(r, not_restore_mode, setting_ms(r, "restore.device_timeout", 600), d);
    if (w == 0) {
        pthread_mutex_lock(&r->m->mu);
        r->parked = true;
        pthread_mutex_unlock(&r->m->mu);
    }
    return w > 0;
}

/* The job's device, out of restore mode, within a few seconds; false when the job moved
 * on instead (interrupted: not connected or stuck in restore mode) or must stop. */
static bool present(struct rs_runner *r, rb_device_info *d)
{
    int w = wait_dev(r, any_mode, 10000, d);
    if (w == 0)
        interrupt(r, RB_CAUSE_DEVICE_GONE, RB_RESTORE_NEXT_RECONNECT, "the device is not connected");
    return w > 0 && leave_restore_mode(r, d);
}

static void do_entering_recovery(struct rs_runner *r)
{
    rb_device_info d;
    if (!present(r, &d))
        return;
    if (d.mode == RB_MODE_RECOVERY || d.mode == RB_MODE_DFU) {
        go(r, RB_RESTORE_RESTORING, RB_CAUSE_NONE, RB_RESTORE_NEXT_WAIT, NULL);
        return;
    }
    char id[24];
    snprintf(id, sizeof id, "0x%llX", (unsigned long long)r->job.ecid);
    rb_status st = rb_device_enter_recovery(r->m->mon, id);
    if (st != RB_OK) {
        char why[300];
        snprintf(why, sizeof why, "recovery mode by software failed (%s): %s", rb_status_name(st),
                 rb_device_monitor_last_error(r->m->mon));
        go(r, RB_RESTORE_WAITING_FOR_BUTTONS, RB_CAUSE_ENTER_RECOVERY_FAILED,
           RB_RESTORE_NEXT_ENTER_RECOVERY, why);
        return;
    }
    int w = wait_dev(r, in_recovery, 120000, &d);
    if (w > 0)
        go(r, RB_RESTORE_RESTORING, RB_CAUSE_NONE, RB_RESTORE_NEXT_WAIT, NULL);
    else if (w == 0)
        go(r, RB_RESTORE_WAITING_FOR_BUTTONS, RB_CAUSE_ENTER_RECOVERY_FAILED,
           RB_RESTORE_NEXT_ENTER_RECOVERY, "the device did not reach recovery mode");
}

static void do_waiting_for_buttons(struct rs_runner *r)
{
    int w = wait_dev(r, in_recovery, setting_ms(r, "restore.button_timeout", 900), NULL);
    if (w > 0)
        go(r, RB_RESTORE_RESTORING, RB_CAUSE_NONE, RB_RESTORE_NEXT_WAIT, NULL);
    else if (w == 0)
        fail(r, RB_CAUSE_BUTTONS_TIMEOUT, "nobody put the device into recovery or DFU mode");
}

struct tool_ctx {
    struct rs_runner *r;
    struct rs_parse parse;
    uint64_t t0, last_save;
    int64_t attempt;
};

static void on_start(void *arg, int pid)
{
    struct tool_ctx *t = arg;
    rb__rs_attempt_set_pid(t->r->m->jr, t->attempt, pid);
}

static int on_line(void *arg, const char *line, int is_stderr)
{
    struct tool_ctx *t = arg;
    struct rs_runner *r = t->r;
    if (!rb__rs_parse_line(&t->parse, line, is_stderr))
        return 0;
    r->job.step = t->parse.step;
    r->fraction = t->parse.fraction;
    double p = rb__rs_percent(RB_RESTORE_RESTORING, t->parse.step, t->parse.fraction);
    if (p > r->job.percent)
        r->job.percent = p;
    double frac = (r->job.percent - 10) / 80;
    double el = (double)(rb__now_ms() - t->t0) / 1000.0;
    r->job.eta = frac > 0.02 ? (int)(el * (1 - frac) / frac) + 10 : -1;
    uint64_t now = rb__now_ms();
    if (now - t->last_save > 1000) {
        t->last_save = now;
        rb__rs_job_save(r->m->jr, &r->job);
    }
    return rb__rs_report(r);
}

static int should_stop(void *arg)
{
    struct tool_ctx *t = arg;
    return stop_wanted(t->r) != 0;
}

static void do_restoring(struct rs_runner *r)
{
    struct rs_manager *m = r->m;
    if (r->job.attempts >= r->job.max_attempts) {
        char d[600];
        snprintf(d, sizeof d, "%d attempts; last: %s", r->job.attempts, r->job.detail);
        fail(r, RB_CAUSE_OUT_OF_RETRIES, d);
        return;
    }
    rb_device_info d;
    if (!present(r, &d))
        return;
    if (d.mode == RB_MODE_NORMAL) {
        go(r, RB_RESTORE_ENTERING_RECOVERY, RB_CAUSE_NONE, RB_RESTORE_NEXT_WAIT, NULL);
        return;
    }
    char *tool = rb__rs_find_tool(m->tool_opt ? m->tool_opt
                                              : rb_context_setting(m->ctx, "restore.tool", NULL));
    if (!tool) {
        fail(r, RB_CAUSE_TOOL_MISSING, "idevicerestore was not found");
        return;
    }
    char *logs = rb__path_join(rb_context_home(m->ctx), "restore-logs");
    char name[96];
    snprintf(name, sizeof name, "job-%lld-attempt-%d.log", (long long)r->job.id,
             r->job.attempts + 1);
    char *log_path = logs ? rb__path_join(logs, name) : NULL;
    if (logs)
        rb__mkdirs(logs, 0700);
    int64_t attempt = 0;
    if (!log_path || rb__rs_attempt_begin(m->jr, &r->job, log_path, &attempt) != RB_OK) {
        free(tool);
        free(logs);
        free(log_path);
        return;
    }
    struct tool_ctx t;
    memset(&t, 0, sizeof t);
    t.r = r;
    t.attempt = attempt;
    t.t0 = rb__now_ms();
    rb__rs_parse_init(&t.parse);
    r->job.step = -1;
    r->fraction = -1;
    struct rs_tool_run run;
    memset(&run, 0, sizeof run);
    run.tool = tool;
    run.home = rb_context_home(m->ctx);
    run.job = &r->job;
    run.log_path = log_path;
    run.lock_fd = r->lock_fd;
    run.silence_ms = (int)setting_ms(r, "restore.silence_timeout", 300);
    run.on_line = on_line;
    run.should_stop = should_stop;
    run.on_start = on_start;
    run.arg = &t;
    /* One USB claim at a time: the monitor leaves the device to the tool (and keeps its
     * entry through the tool's reboots) until the run ends. */
    rb__dev_hold(m->mon, r->job.ecid, true);
    r->tool_started_ms = rb__now_ms();
    rb__log("restore", "job %lld: tool started (attempt %d)", (long long)r->job.id,
            r->job.attempts);
    rb_status st = rb__rs_tool_run(&run, m->err);
    r->tool_ended_ms = rb__now_ms();
    rb__dev_hold(m->mon, r->job.ecid, false);
    free(tool);
    free(logs);
    free(log_path);
    struct rs_verdict v;
    if (st != RB_OK) {
        memset(&v, 0, sizeof v);
        v.cause = RB_CAUSE_ENGINE_ERROR;
        v.next = RB_RESTORE_NEXT_FREE_DISK;
        snprintf(v.detail, sizeof v.detail, "%.380s", rb__errs_last(m->err));
    } else {
        int stop = run.how == 3 ? stop_wanted(r) : 0;
        rb__rs_classify(&v, &t.parse, run.how, run.code);
        if (stop == 2) {
            v.cause = RB_CAUSE_ENGINE_RESTARTED;
            v.retryable = 1;
            v.next = RB_RESTORE_NEXT_WAIT;
        }
    }
    rb__rs_attempt_end(m->jr, attempt, run.how == 0 ? run.code : -run.code, v.cause, v.detail);
    if (v.success)
        go(r, RB_RESTORE_REBOOTING, RB_CAUSE_NONE, RB_RESTORE_NEXT_WAIT, NULL);
    else if (v.cause == RB_CAUSE_CANCELLED)
        go(r, RB_RESTORE_CANCELLED, RB_CAUSE_CANCELLED, RB_RESTORE_NEXT_NONE, v.detail);
    else if (v.retryable)
        interrupt(r, v.cause, v.next, v.detail);
    else
        go(r, RB_RESTORE_FAILED, v.cause, v.next, v.detail);
}

static void do_rebooting(struct rs_runner *r)
{
    rb_device_info d;
    long total = setting_ms(r, "restore.device_timeout", 600);
    uint64_t deadline = rb__now_ms() + (uint64_t)total;
    uint64_t recovery_since = 0;
    for (;;) {
        long left = (long)(deadline - rb__now_ms());
        int w = wait_dev(r, booted_or_recovery, left > 0 ? (left < 1000 ? left : 1000) : 0, &d);
        if (w < 0)
            return;
        if (w > 0 && d.mode == RB_MODE_NORMAL) {
            go(r, RB_RESTORE_VERIFYING, RB_CAUSE_NONE, RB_RESTORE_NEXT_WAIT, NULL);
            return;
        }
        /* A failed restore leaves the device in recovery mode; a good one boots. */
        if (w > 0 && d.mode == RB_MODE_RECOVERY) {
            if (!recovery_since)
                recovery_since = rb__now_ms();
            if (rb__now_ms() - recovery_since > 15000) {
                interrupt(r, RB_CAUSE_MASKED_FAILURE, RB_RESTORE_NEXT_WAIT,
                          "the device came back in recovery mode, not booted");
                return;
            }
        } else {
            recovery_since = 0;
        }
        if (rb__now_ms() >= deadline) {
            interrupt(r, RB_CAUSE_DID_NOT_RETURN, RB_RESTORE_NEXT_FORCE_RESTART,
                      "the device did not boot after the restore");
            return;
        }
    }
}

static void do_verifying(struct rs_runner *r)
{
    rb_device_info d;
    int w = wait_dev(r, booted, 30000, &d);
    if (w < 0)
        return;
    if (w == 0) {
        interrupt(r, RB_CAUSE_DEVICE_GONE, RB_RESTORE_NEXT_RECONNECT,
                  "the device left before its build could be read");
        return;
    }
    bool build_ok = !r->job.build[0] || strcmp(d.build_version, r->job.build) == 0;
    bool version_ok = !r->job.version[0] || !d.ios_version[0] ||
                      strcmp(d.ios_version, r->job.version) == 0;
    if (build_ok && version_ok) {
        go(r, RB_RESTORE_DONE, RB_CAUSE_NONE, RB_RESTORE_NEXT_SET_UP_DEVICE, NULL);
        return;
    }
    char detail[200];
    snprintf(detail, sizeof detail, "expected iOS %s (%s), the device runs %s (%s)", r->job.version,
             r->job.build, d.ios_version, d.build_version);
    interrupt(r, RB_CAUSE_WRONG_BUILD, RB_RESTORE_NEXT_WAIT, detail);
}

static void do_interrupted(struct rs_runner *r)
{
    struct rs_manager *m = r->m;
    if (r->job.attempts >= r->job.max_attempts && r->job.resume_from == RB_RESTORE_RESTORING) {
        char d[600];
        snprintf(d, sizeof d, "%d attempts; last: %s: %s", r->job.attempts,
                 rb_restore_cause_name(r->job.cause), r->job.detail);
        fail(r, RB_CAUSE_OUT_OF_RETRIES, d);
        return;
    }
    /* Backoff before touching the device again, doubled per attempt. */
    long base = rb__rs_setting_long(m->ctx, "restore.backoff_ms", 2000);
    long backoff = base;
    for (int i = 1; i < r->job.attempts && backoff < 60000; i++)
        backoff *= 2;
    if (backoff > 60000)
        backoff = 60000;
    uint64_t until = rb__now_ms() + (uint64_t)backoff;
    for (uint64_t now = rb__now_ms(); now < until; now = rb__now_ms()) {
        if (stop_wanted(r))
            return;
        /* Wakes for a stop at least every 100 ms, and at the backoff's end, not after it. */
        pthread_mutex_lock(&m->mu);
        rb__cond_wait_ms(&m->cv, &m->mu, until - now < 100 ? until - now : 100);
        pthread_mutex_unlock(&m->mu);
    }
    rb_device_info d;
    int w = wait_dev(r, any_mode, setting_ms(r, "restore.device_timeout", 600), &d);
    if (w < 0)
        return;
    if (w == 0) {
        pthread_mutex_lock(&m->mu);
        r->parked = true;
        pthread_mutex_unlock(&m->mu);
        return;
    }
    if (!leave_restore_mode(r, &d))
        return;
    /* How long the engine took to act once it could: from the later of the backoff's end
     * and the device's last event (its return, or its leaving restore mode) to here
     * (bench/restore-soak reads it from the journal). */
    pthread_mutex_lock(&m->mu);
    uint64_t seen = r->dev_event_ms;
    pthread_mutex_unlock(&m->mu);
    uint64_t ready = seen > until ? seen : until, now = rb__now_ms();
    char resumed[64];
    snprintf(resumed, sizeof resumed, "resumed; device seen %llu ms before",
             (unsigned long long)(now > ready ? now - ready : 0));
    if (d.mode == RB_MODE_NORMAL) {
        bool new_build = r->job.build[0] && strcmp(d.build_version, r->job.build) == 0 &&
                         strcmp(r->job.start_build, r->job.build) != 0;
        if (new_build || r->job.resume_from == RB_RESTORE_REBOOTING ||
            r->job.resume_from == RB_RESTORE_VERIFYING)
            go(r, RB_RESTORE_VERIFYING, RB_CAUSE_NONE, RB_RESTORE_NEXT_WAIT, resumed);
        else
            go(r, RB_RESTORE_ENTERING_RECOVERY, RB_CAUSE_NONE, RB_RESTORE_NEXT_WAIT, resumed);
    } else {
        go(r, RB_RESTORE_RESTORING, RB_CAUSE_NONE, RB_RESTORE_NEXT_WAIT, resumed);
    }
}

void *rb__rs_job_thread(void *arg)
{
    struct rs_runner *r = arg;
    struct rs_manager *m = r->m;
    /* A driver that died may leave its tool holding the lock for a moment (until the
     * kernel's parent-death signal reaches it); wait for it rather than give up. */
    uint64_t lock_deadline = rb__now_ms() + 60000;
    while (r->lock_fd < 0 && !stop_wanted(r) && rb__now_ms() < lock_deadline) {
        r->lock_fd = rb__rs_lock_try(rb_context_home(m->ctx), r->job.ecid);
        if (r->lock_fd < 0)
            rb__rs_sleep_ms(100);
    }
    if (r->lock_fd >= 0 && rb__rs_set_driver(m->jr, &r->job, (int)getpid()) == RB_OK) {
        if (r->job.state == RB_RESTORE_RESTORING && r->adopted) {
            rb__rs_attempts_close_open(m->jr, r->job.id, "the driving process ended");
            interrupt(r, RB_CAUSE_ENGINE_RESTARTED, RB_RESTORE_NEXT_WAIT,
                      "the previous driver of this job ended while the tool ran");
        }
        while (!rb_restore_state_is_final(r->job.state)) {
            int s = stop_wanted(r);
            if (s == 1) {
                go(r, RB_RESTORE_CANCELLED, RB_CAUSE_CANCELLED, RB_RESTORE_NEXT_NONE, NULL);
                break;
            }
            if (s == 2 || r->parked)
                break;
            rb_restore_state before = r->job.state;
            int64_t updated = r->job.attempts;
            switch (r->job.state) {
            case RB_RESTORE_PREFLIGHT:
                if (r->job.gate_ok && r->job.ipsw[0])
                    go(r, RB_RESTORE_ENTERING_RECOVERY, RB_CAUSE_NONE, RB_RESTORE_NEXT_WAIT, NULL);
                else
                    fail(r, RB_CAUSE_ENGINE_RESTARTED, "the kiosk stopped during the checks");
                break;
            case RB_RESTORE_ENTERING_RECOVERY:
                do_entering_recovery(r);
                break;
            case RB_RESTORE_WAITING_FOR_BUTTONS:
                do_waiting_for_buttons(r);
                break;
            case RB_RESTORE_RESTORING:
                do_restoring(r);
                break;
            case RB_RESTORE_REBOOTING:
                do_rebooting(r);
                break;
            case RB_RESTORE_VERIFYING:
                do_verifying(r);
                break;
            case RB_RESTORE_INTERRUPTED:
                do_interrupted(r);
                break;
            default:
                fail(r, RB_CAUSE_ENGINE_ERROR, "unknown state in the journal");
                break;
            }
            /* Nothing moved and nothing asked to stop: the journal refused a write. */
            if (r->job.state == before && r->job.attempts == updated && !stop_wanted(r) &&
                !r->parked && before != RB_RESTORE_INTERRUPTED)
                break;
        }
        if (r->job.state == RB_RESTORE_DONE)
            r->done_ms = rb__now_ms();
    }
    pthread_mutex_lock(&m->mu);
    rb__rs_lock_release(r->lock_fd);
    r->lock_fd = -1;
    r->running = false;
    pthread_cond_broadcast(&m->cv);
    pthread_mutex_unlock(&m->mu);
    return NULL;
}
