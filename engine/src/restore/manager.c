/* restore/manager.c - the public handle: start, resume, cancel, wait, job snapshots.
 *
 * The handle owns (or shares) a device monitor; every device event wakes the job threads
 * waiting for their ECID, and an ECID whose job was parked (interrupted, device away for
 * longer than restore.device_timeout) gets its job driven again when it reappears.
 */
#include <errno.h>
#include <stddef.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "restore/restore_private.h"
#include "rescuebay/tickets.h"
#include <stdarg.h>

void rb__rs_sleep_ms(int ms)
{
    poll(NULL, 0, ms);
}

rb_status rb_restore_options_init(rb_restore_options *opts, unsigned int version)
{
    if (!opts || version != RB_RESTORE_OPTIONS_VERSION)
        return RB_ERR_INVALID_ARG;
    rb_restore_options d = RB_RESTORE_OPTIONS_INIT;
    *opts = d;
    return RB_OK;
}

rb_status rb_restore_request_init(rb_restore_request *req, unsigned int version)
{
    if (!req || version < 1 || version > RB_RESTORE_REQUEST_VERSION)
        return RB_ERR_INVALID_ARG;
    rb_restore_request d = RB_RESTORE_REQUEST_INIT;
    if (version == 1) {
        /* A caller built against version 1 has the shorter struct. */
        memcpy(req, &d, offsetof(rb_restore_request, hand_off));
        req->version = 1;
    } else {
        *req = d;
    }
    return RB_OK;
}

static rb_status err(struct rs_manager *m, rb_status st, const char *fmt, ...) RB_PRINTF(3, 4);
static rb_status err(struct rs_manager *m, rb_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rb__errs_vset(m->err, st, fmt, ap);
    va_end(ap);
    return st;
}

static bool spawn(struct rs_runner *r);

/* Device events: wake waiting jobs; re-drive a parked job whose device is back. */
static void on_device(const rb_device_event *ev, void *payload)
{
    struct rs_manager *m = payload;
    pthread_mutex_lock(&m->mu);
    m->dev_gen++;
    pthread_cond_broadcast(&m->cv);
    if (ev->type != RB_DEVICE_REMOVED && ev->device->connected && !m->stopping)
        for (struct rs_runner *r = m->runners; r; r = r->next) {
            if (r->job.ecid != ev->device->ecid)
                continue;
            r->dev_event_ms = rb__now_ms();
            if (r->parked && !r->running) {
                r->parked = false;
                r->adopted = false;
                spawn(r);
            }
        }
    pthread_mutex_unlock(&m->mu);
}

rb_status rb_restore_new(rb_restore **out, rb_context *ctx, const rb_restore_options *opts)
{
    if (!out || !ctx)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    if (opts && opts->version != RB_RESTORE_OPTIONS_VERSION)
        return rb__error(ctx, RB_ERR_INVALID_ARG, "rb_restore_options version %u unknown",
                         opts->version);
    struct rs_manager *m = calloc(1, sizeof *m);
    if (!m)
        return RB_ERR_NOMEM;
    m->ctx = ctx;
    if (!(m->err = rb__errs_new())) {
        free(m);
        return rb__error(ctx, RB_ERR_NOMEM, "out of memory");
    }
    pthread_mutex_init(&m->mu, NULL);
    pthread_cond_init(&m->cv, NULL);
    if (opts) {
        m->progress = opts->progress;
        m->payload = opts->payload;
        m->mon = opts->monitor;
        m->tool_opt = opts->tool ? rb__strdup(opts->tool) : NULL;
    }
    rb_status st = rb__rs_journal_open(&m->jr, ctx, m->err);
    if (st == RB_OK && !m->mon) {
        st = rb_device_monitor_new(&m->mon, ctx, on_device, m);
        m->own_mon = 1;
        if (st != RB_OK)
            rb__errs_set(m->err, st, "device monitor: %s",
                           m->mon ? rb_device_monitor_last_error(m->mon) : rb_strerror(st));
    }
    if (st != RB_OK) {
        rb__error(ctx, st, "%s", rb__errs_last(m->err));
        rb_restore_free((rb_restore *)m);
        return st;
    }
    *out = (rb_restore *)m;
    return RB_OK;
}

void rb_restore_free(rb_restore *rs)
{
    struct rs_manager *m = (struct rs_manager *)rs;
    if (!m)
        return;
    pthread_mutex_lock(&m->mu);
    m->stopping = true;
    pthread_cond_broadcast(&m->cv);
    pthread_mutex_unlock(&m->mu);
    for (struct rs_runner *r = m->runners; r; r = r->next)
        if (r->thread_started)
            pthread_join(r->thread, NULL);
    if (m->own_mon)
        rb_device_monitor_free(m->mon);
    while (m->runners) {
        struct rs_runner *n = m->runners->next;
        rb__rs_lock_release(m->runners->lock_fd);
        free(m->runners);
        m->runners = n;
    }
    rb__rs_journal_close(m->jr);
    free(m->tool_opt);
    pthread_cond_destroy(&m->cv);
    pthread_mutex_destroy(&m->mu);
    rb__errs_free(m->err);
    free(m);
}

const char *rb_restore_last_error(const rb_restore *rs)
{
    const struct rs_manager *m = (const struct rs_manager *)rs;
    return rb__errs_last(m ? m->err : NULL);
}

/* With m->mu held. A thread that ended is joined first (it only has to return). */
static bool spawn(struct rs_runner *r)
{
    if (r->thread_started && !r->running) {
        pthread_join(r->thread, NULL);
        r->thread_started = false;
    }
    if (r->thread_started)
        return false;
    r->running = true;
    if (pthread_create(&r->thread, NULL, rb__rs_job_thread, r) != 0) {
        r->running = false;
        return false;
    }
    r->thread_started = true;
    return true;
}

static struct rs_runner *runner_new(struct rs_manager *m)
{
    struct rs_runner *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->m = m;
    r->lock_fd = -1;
    r->fraction = -1;
    pthread_mutex_lock(&m->mu);
    r->next = m->runners;
    m->runners = r;
    pthread_mutex_unlock(&m->mu);
    return r;
}

static struct rs_runner *runner_for(struct rs_manager *m, int64_t id)
{
    for (struct rs_runner *r = m->runners; r; r = r->next)
        if (r->job.id == id)
            return r;
    return NULL;
}

rb_status rb_restore_start(int64_t *out, rb_restore *rs, const rb_restore_request *req)
{
    struct rs_manager *m = (struct rs_manager *)rs;
    if (!out || !m || !req || req->version < 1 || req->version > RB_RESTORE_REQUEST_VERSION ||
        !req->device_id)
        return RB_ERR_INVALID_ARG;
    bool hand_off = req->version >= 2 && req->hand_off;
    *out = 0;
    rb_device_info dev;
    rb_status st = rb_device_monitor_wait_device(m->mon, req->device_id, 10000, &dev);
    if (st != RB_OK)
        return err(m, RB_ERR_NOT_FOUND, "device %s is not connected", req->device_id);
    if (!dev.ecid)
        return err(m, RB_ERR_DEVICE, "device %s did not tell its ECID", req->device_id);
    int64_t existing = rb__rs_job_for_ecid(m->jr, dev.ecid);
    if (existing)
        return err(m, RB_ERR_BUSY, "job %lld is not finished for this device; resume or cancel it",
                   (long long)existing);
    int fd = rb__rs_lock_try(rb_context_home(m->ctx), dev.ecid);
    if (fd < 0)
        return err(m, RB_ERR_BUSY, "another process is restoring this device");
    struct rs_runner *r = runner_new(m);
    if (!r) {
        rb__rs_lock_release(fd);
        return RB_ERR_NOMEM;
    }
    r->lock_fd = fd;
    struct rs_job *j = &r->job;
    j->ecid = dev.ecid;
    snprintf(j->udid, sizeof j->udid, "%s", dev.udid);
    snprintf(j->product_type, sizeof j->product_type, "%s", dev.product_type);
    snprintf(j->hardware_model, sizeof j->hardware_model, "%s", dev.hardware_model);
    snprintf(j->model_name, sizeof j->model_name, "%s", dev.name);
    snprintf(j->start_build, sizeof j->start_build, "%s", dev.build_version);
    j->cpid = dev.cpid;
    j->bdid = dev.bdid;
    j->erase = req->erase ? 1 : 0;
    snprintf(j->ticket, sizeof j->ticket, "%s", req->ticket ? req->ticket : "");
    j->max_attempts = (int)rb__rs_setting_long(m->ctx, "restore.max_attempts", 3);
    if (j->max_attempts < 1)
        j->max_attempts = 1;
    j->step = -1;
    j->eta = -1;
    st = rb__rs_job_insert(m->jr, j);
    if (st != RB_OK) {
        pthread_mutex_lock(&m->mu);
        r->job.id = -1;
        rb__rs_lock_release(r->lock_fd);
        r->lock_fd = -1;
        pthread_mutex_unlock(&m->mu);
        return st;
    }
    *out = j->id;
    char *tool = rb__rs_find_tool(m->tool_opt ? m->tool_opt
                                              : rb_context_setting(m->ctx, "restore.tool", NULL));
    struct rs_preflight_in in = {req, &dev, tool};
    st = rb__rs_preflight(m, r, &in);
    free(tool);
    rb_restore_cause cause = j->cause;
    rb_restore_next next = j->next;
    char detail[512];
    snprintf(detail, sizeof detail, "%s", j->detail);
    j->cause = RB_CAUSE_NONE;
    j->next = RB_RESTORE_NEXT_NONE;
    j->detail[0] = '\0';
    j->step = -1;
    if (st == RB_OK)
        st = rb__rs_job_save(m->jr, j);
    if (st == RB_OK)
        st = rb__rs_transition(m->jr, j, RB_RESTORE_ENTERING_RECOVERY, RB_CAUSE_NONE,
                               RB_RESTORE_NEXT_WAIT, "preflight passed");
    if (st != RB_OK) {
        rb__rs_job_save(m->jr, j);
        if (st != RB_ERR_REFUSED) {
            cause = cause ? cause : RB_CAUSE_ENGINE_ERROR;
            if (!detail[0])
                rb__errs_get(m->err, detail, sizeof detail);
            next = rb__rs_next_for_cause(cause);
        }
        rb_restore_state end = cause == RB_CAUSE_CANCELLED ? RB_RESTORE_CANCELLED : RB_RESTORE_FAILED;
        rb__rs_transition(m->jr, j, end, cause, next, detail);
        rb__rs_ticket_event(m->ctx, j, RB_TICKET_EVENT_OUTCOME, "refused before the restore", detail);
        pthread_mutex_lock(&m->mu);
        rb__rs_lock_release(r->lock_fd);
        r->lock_fd = -1;
        pthread_mutex_unlock(&m->mu);
        err(m, RB_ERR_REFUSED, "%s: %s", rb_restore_cause_name(cause), detail);
        return RB_ERR_REFUSED;
    }
    rb__rs_report(r);
    pthread_mutex_lock(&m->mu);
    bool ok;
    if (hand_off) {
        /* The next driver adopts it from the journal once the lock is free; this handle
         * keeps no runner, so waiting on the job here follows the journal. */
        rb__rs_lock_release(r->lock_fd);
        for (struct rs_runner **p = &m->runners; *p; p = &(*p)->next)
            if (*p == r) {
                *p = r->next;
                break;
            }
        free(r);
        ok = true;
    } else {
        ok = spawn(r);
    }
    pthread_mutex_unlock(&m->mu);
    return ok ? RB_OK : err(m, RB_ERR_GENERIC, "cannot start the job's thread");
}

static bool pid_alive(int pid)
{
    return pid > 0 && (kill(pid, 0) == 0 || errno == EPERM);
}

rb_status rb_restore_resume(size_t *count_out, rb_restore *rs)
{
    struct rs_manager *m = (struct rs_manager *)rs;
    if (count_out)
        *count_out = 0;
    if (!m)
        return RB_ERR_INVALID_ARG;
    int64_t *ids = NULL;
    size_t n = 0;
    rb_status st = rb__rs_job_ids(m->jr, 1, 0, &ids, &n);
    if (st != RB_OK)
        return st;
    size_t adopted = 0;
    for (size_t i = 0; i < n; i++) {
        pthread_mutex_lock(&m->mu);
        struct rs_runner *mine = runner_for(m, ids[i]);
        bool busy = mine && mine->running;
        pthread_mutex_unlock(&m->mu);
        if (busy)
            continue;
        struct rs_job j;
        if (rb__rs_job_load(m->jr, ids[i], &j) != RB_OK)
            continue;
        int fd = rb__rs_lock_try(rb_context_home(m->ctx), j.ecid);
        if (fd < 0 && j.driver_pid != (int)getpid() && pid_alive(j.driver_pid))
            continue; /* another live process drives it */
        struct rs_runner *r = mine;
        if (!r && !(r = runner_new(m))) {
            rb__rs_lock_release(fd);
            free(ids);
            return RB_ERR_NOMEM;
        }
        pthread_mutex_lock(&m->mu);
        r->job = j;
        r->lock_fd = fd;
        r->adopted = true;
        r->parked = false;
        r->cancel = false;
        if (spawn(r))
            adopted++;
        pthread_mutex_unlock(&m->mu);
    }
    free(ids);
    if (count_out)
        *count_out = adopted;
    return RB_OK;
}

rb_status rb_restore_cancel(rb_restore *rs, int64_t job)
{
    struct rs_manager *m = (struct rs_manager *)rs;
    if (!m)
        return RB_ERR_INVALID_ARG;
    struct rs_job j;
    rb_status st = rb__rs_job_load(m->jr, job, &j);
    if (st != RB_OK)
        return err(m, st, "no restore job %lld", (long long)job);
    if (rb_restore_state_is_final(j.state))
        return err(m, RB_ERR_CONFLICT, "job %lld already ended (%s)", (long long)job,
                   rb_restore_state_name(j.state));
    st = rb__rs_cancel_request(m->jr, j.id);
    if (st != RB_OK)
        return st;
    pthread_mutex_lock(&m->mu);
    struct rs_runner *r = runner_for(m, j.id);
    bool mine = r && r->running;
    if (mine) {
        r->cancel = true;
        pthread_cond_broadcast(&m->cv);
    }
    pthread_mutex_unlock(&m->mu);
    if (mine)
        return RB_OK;
    /* Nobody drives it: end it here, under its lock. */
    int fd = rb__rs_lock_try(rb_context_home(m->ctx), j.ecid);
    if (fd < 0)
        return RB_OK; /* its driver sees the request within a second */
    st = rb__rs_transition(m->jr, &j, RB_RESTORE_CANCELLED, RB_CAUSE_CANCELLED,
                           RB_RESTORE_NEXT_NONE, "cancelled while no process drove it");
    rb__rs_lock_release(fd);
    return st;
}

static bool job_final(struct rs_manager *m, int64_t id)
{
    struct rs_job j;
    return rb__rs_job_load(m->jr, id, &j) == RB_OK && rb_restore_state_is_final(j.state);
}

rb_status rb_restore_wait(rb_restore *rs, int64_t job, int timeout_ms)
{
    struct rs_manager *m = (struct rs_manager *)rs;
    if (!m)
        return RB_ERR_INVALID_ARG;
    uint64_t deadline = rb__now_ms() + (uint64_t)(timeout_ms < 0 ? 0 : timeout_ms);
    for (;;) {
        pthread_mutex_lock(&m->mu);
        struct rs_runner *r = runner_for(m, job);
        bool running = r && r->running;
        bool parked = r && r->parked;
        pthread_mutex_unlock(&m->mu);
        (void)parked; /* a parked job has stopped too: the caller reads its state */
        if (r && !running)
            return RB_OK;
        if (!r && job_final(m, job))
            return RB_OK;
        if (timeout_ms >= 0 && rb__now_ms() >= deadline)
            return RB_ERR_TIMEOUT;
        pthread_mutex_lock(&m->mu);
        rb__cond_wait_ms(&m->cv, &m->mu, 200);
        pthread_mutex_unlock(&m->mu);
    }
}

rb_status rb_restore_wait_all(rb_restore *rs, int timeout_ms)
{
    struct rs_manager *m = (struct rs_manager *)rs;
    if (!m)
        return RB_ERR_INVALID_ARG;
    uint64_t deadline = rb__now_ms() + (uint64_t)(timeout_ms < 0 ? 0 : timeout_ms);
    pthread_mutex_lock(&m->mu);
    for (;;) {
        bool any = false;
        for (struct rs_runner *r = m->runners; r; r = r->next)
            any = any || r->running;
        if (!any)
            break;
        if (timeout_ms >= 0 && rb__now_ms() >= deadline) {
            pthread_mutex_unlock(&m->mu);
            return RB_ERR_TIMEOUT;
        }
        rb__cond_wait_ms(&m->cv, &m->mu, 200);
    }
    pthread_mutex_unlock(&m->mu);
    return RB_OK;
}

/* ---- snapshots ---- */

rb_status rb_restore_job_get(rb_restore_job **out, rb_restore *rs, int64_t job)
{
    struct rs_manager *m = (struct rs_manager *)rs;
    if (!out || !m)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    struct rb_restore_job *s = calloc(1, sizeof *s);
    if (!s)
        return RB_ERR_NOMEM;
    rb_status st = rb__rs_job_load(m->jr, job, &s->j);
    if (st != RB_OK) {
        free(s);
        return st;
    }
    pthread_mutex_lock(&m->mu);
    struct rs_runner *r = runner_for(m, s->j.id);
    s->driven = r && r->running;
    pthread_mutex_unlock(&m->mu);
    if (!s->driven && !rb_restore_state_is_final(s->j.state))
        s->driven = rb__rs_lock_held(rb_context_home(m->ctx), s->j.ecid);
    rb__rs_next_text(s->next_text, sizeof s->next_text, s->j.next, &s->j);
    *out = s;
    return RB_OK;
}

rb_status rb_restore_job_list(int64_t **ids, size_t *count, rb_restore *rs, int unfinished_only,
                              size_t limit)
{
    struct rs_manager *m = (struct rs_manager *)rs;
    if (!ids || !count || !m)
        return RB_ERR_INVALID_ARG;
    return rb__rs_job_ids(m->jr, unfinished_only, limit, ids, count);
}

void rb_restore_job_free(rb_restore_job *job)
{
    free(job);
}

int64_t rb_restore_job_id(const rb_restore_job *s) { return s ? s->j.id : 0; }
uint64_t rb_restore_job_ecid(const rb_restore_job *s) { return s ? s->j.ecid : 0; }
rb_restore_state rb_restore_job_state(const rb_restore_job *s) { return s ? s->j.state : (rb_restore_state)0; }
rb_restore_cause rb_restore_job_cause(const rb_restore_job *s) { return s ? s->j.cause : RB_CAUSE_NONE; }
const char *rb_restore_job_cause_detail(const rb_restore_job *s) { return s ? s->j.detail : ""; }
rb_restore_next rb_restore_job_next_action(const rb_restore_job *s) { return s ? s->j.next : RB_RESTORE_NEXT_NONE; }
const char *rb_restore_job_next_action_text(const rb_restore_job *s) { return s ? s->next_text : ""; }
int rb_restore_job_attempts(const rb_restore_job *s) { return s ? s->j.attempts : 0; }
int rb_restore_job_max_attempts(const rb_restore_job *s) { return s ? s->j.max_attempts : 0; }
double rb_restore_job_percent(const rb_restore_job *s) { return s ? s->j.percent : 0; }
int rb_restore_job_eta_seconds(const rb_restore_job *s) { return s ? s->j.eta : -1; }
int rb_restore_job_step(const rb_restore_job *s) { return s ? s->j.step : -1; }
int rb_restore_job_erase(const rb_restore_job *s) { return s ? s->j.erase : 0; }
unsigned int rb_restore_job_warnings(const rb_restore_job *s) { return s ? s->j.warnings : 0; }
const char *rb_restore_job_product_type(const rb_restore_job *s) { return s ? s->j.product_type : ""; }
const char *rb_restore_job_build(const rb_restore_job *s) { return s ? s->j.build : ""; }
const char *rb_restore_job_version(const rb_restore_job *s) { return s ? s->j.version : ""; }
const char *rb_restore_job_ipsw(const rb_restore_job *s) { return s ? s->j.ipsw : ""; }
const char *rb_restore_job_ticket(const rb_restore_job *s) { return s ? s->j.ticket : ""; }
const char *rb_restore_job_created_at(const rb_restore_job *s) { return s ? s->j.created_at : ""; }
const char *rb_restore_job_updated_at(const rb_restore_job *s) { return s ? s->j.updated_at : ""; }
const char *rb_restore_job_log_path(const rb_restore_job *s) { return s ? s->j.log_path : ""; }
int rb_restore_job_driven(const rb_restore_job *s) { return s ? s->driven : 0; }
