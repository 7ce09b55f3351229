/* device/monitor.c - the monitor's life: creation and teardown, the reference count the
 * workers hold, the queue that sources and workers post to, and the loop thread that
 * drains it into the device table (table.c) and calls the user back. The public calls
 * that read the table are in query.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "device/device_private.h"

#define DEFAULT_GRACE_MS 3000
#define DEFAULT_REBOOT_GRACE_MS 60000
#define DEFAULT_ANNOUNCE_MS 1000
#define FREE_WAIT_MS 3000

void rb__dev_copy(char *dst, size_t cap, const char *src)
{
    if (!cap)
        return;
    size_t n = src ? strlen(src) : 0;
    if (n >= cap)
        n = cap - 1;
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

void rb__dev_info_init(rb_device_info *info)
{
    memset(info, 0, sizeof *info);
    info->version = RB_DEVICE_INFO_VERSION;
    info->battery_percent = -1;
    info->battery_charging = -1;
    info->find_my = -1;
    info->disk_total_bytes = -1;
    info->disk_free_bytes = -1;
    info->connected = 1;
    info->usb_bus = -1;
    info->usb_address = -1;
}

struct dev_msg *rb__dev_msg_new(enum dev_msg_kind kind)
{
    struct dev_msg *m = calloc(1, sizeof *m);
    if (m) {
        m->kind = kind;
        rb__dev_info_init(&m->info);
    }
    return m;
}

/* Called from source threads: libusbmuxd may cancel its thread while it runs our
 * callback, so nothing here may be a cancellation point (no stdio, no waits). */
void rb__dev_post(rb_device_monitor *mon, struct dev_msg *msg)
{
    if (!msg)
        return;
    pthread_mutex_lock(&mon->mu);
    if (mon->stopping) {
        pthread_mutex_unlock(&mon->mu);
        free(msg);
        return;
    }
    msg->next = NULL;
    if (mon->q_tail)
        mon->q_tail->next = msg;
    else
        mon->q_head = msg;
    mon->q_tail = msg;
    pthread_cond_signal(&mon->cv);
    pthread_mutex_unlock(&mon->mu);
}

void rb__dev_ref(rb_device_monitor *mon)
{
    __atomic_add_fetch(&mon->refs, 1, __ATOMIC_SEQ_CST);
}

static void monitor_destroy(rb_device_monitor *mon)
{
    while (mon->q_head) {
        struct dev_msg *m = mon->q_head;
        mon->q_head = m->next;
        free(m);
    }
    while (mon->entries) {
        struct dev_entry *e = mon->entries;
        mon->entries = e->next;
        free(e);
    }
    rb__dev_catalog_free(mon);
    free(mon->initial);
    pthread_cond_destroy(&mon->ready_cv);
    pthread_cond_destroy(&mon->idle_cv);
    pthread_cond_destroy(&mon->cv);
    pthread_mutex_destroy(&mon->mu);
    rb__errs_free(mon->err);
    free(mon);
}

void rb__dev_unref(rb_device_monitor *mon)
{
    if (__atomic_sub_fetch(&mon->refs, 1, __ATOMIC_SEQ_CST) == 0)
        monitor_destroy(mon);
}

bool rb__dev_stopping(rb_device_monitor *mon)
{
    pthread_mutex_lock(&mon->mu);
    bool s = mon->stopping;
    pthread_mutex_unlock(&mon->mu);
    return s;
}

rb_status rb__dev_fail(rb_device_monitor *mon, rb_status st, const char *fmt, ...)
{
    char msg[RB__ERR_MSG];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rb__errs_set(mon->err, st, "%s", msg);
    rb__log("device", "%s", msg);
    return st;
}

rb_status rb__dev_problem(rb_device_monitor *mon, rb_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rb__errs_vset_shared(mon->err, st, fmt, ap);
    va_end(ap);
    rb__log("device", "%s", rb__errs_last(mon->err));
    return st;
}

struct spawn_arg {
    rb_device_monitor *mon;
    void *(*fn)(void *);
    void *arg;
    bool counted;
};

static void *spawn_trampoline(void *p)
{
    struct spawn_arg sa = *(struct spawn_arg *)p;
    free(p);
    sa.fn(sa.arg);
    if (sa.counted && __atomic_sub_fetch(&sa.mon->workers, 1, __ATOMIC_SEQ_CST) == 0) {
        pthread_mutex_lock(&sa.mon->mu);
        pthread_cond_broadcast(&sa.mon->idle_cv);
        pthread_mutex_unlock(&sa.mon->mu);
    }
    rb__dev_unref(sa.mon);
    return NULL;
}

static bool spawn(rb_device_monitor *mon, void *(*fn)(void *), void *arg, bool counted)
{
    struct spawn_arg *sa = malloc(sizeof *sa);
    if (!sa)
        return false;
    *sa = (struct spawn_arg){mon, fn, arg, counted};
    rb__dev_ref(mon);
    if (counted)
        __atomic_add_fetch(&mon->workers, 1, __ATOMIC_SEQ_CST);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t t;
    int rc = pthread_create(&t, &attr, spawn_trampoline, sa);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        if (counted)
            __atomic_sub_fetch(&mon->workers, 1, __ATOMIC_SEQ_CST);
        __atomic_sub_fetch(&mon->refs, 1, __ATOMIC_SEQ_CST);
        free(sa);
        return false;
    }
    return true;
}

bool rb__dev_spawn(rb_device_monitor *mon, void *(*fn)(void *), void *arg)
{
    return spawn(mon, fn, arg, true);
}

bool rb__dev_spawn_unwaited(rb_device_monitor *mon, void *(*fn)(void *), void *arg)
{
    return spawn(mon, fn, arg, false);
}

static void *loop_main(void *arg)
{
    rb_device_monitor *mon = arg;
    struct dev_events out = {0};
    pthread_mutex_lock(&mon->mu);
    while (!mon->stopping) {
        uint64_t next = rb__dev_run_timers(mon, &out);
        if (!mon->q_head && out.n == 0) {
            uint64_t now = rb__now_ms();
            uint64_t wait = next ? (next > now ? next - now : 0) : 1000;
            if (wait > 1000)
                wait = 1000;
            rb__cond_wait_ms(&mon->cv, &mon->mu, wait);
            continue;
        }
        while (mon->q_head) {
            struct dev_msg *m = mon->q_head;
            mon->q_head = m->next;
            if (!mon->q_head)
                mon->q_tail = NULL;
            rb__dev_apply(mon, m, &out);
            free(m);
        }
        rb__dev_run_timers(mon, &out);
        pthread_cond_broadcast(&mon->ready_cv);
        if (out.n && mon->cb) {
            pthread_mutex_unlock(&mon->mu);
            for (size_t i = 0; i < out.n; i++) {
                rb_device_event ev = {RB_DEVICE_INFO_VERSION, out.v[i].type, &out.v[i].info};
                mon->cb(&ev, mon->payload);
            }
            pthread_mutex_lock(&mon->mu);
        }
        out.n = 0;
    }
    pthread_mutex_unlock(&mon->mu);
    free(out.v);
    return NULL;
}

rb_status rb_device_monitor_new(rb_device_monitor **out, rb_context *ctx, rb_device_event_cb cb,
                                void *payload)
{
    return rb_device_monitor_new_for(out, ctx, cb, payload, NULL);
}

bool rb__dev_wanted(rb_device_monitor *mon, const char *udid, uint64_t ecid)
{
    if (!mon->only_id[0])
        return true;
    return strcasecmp(mon->only_id, udid) == 0 || (ecid && rb__dev_parse_ecid(mon->only_id) == ecid);
}

rb_status rb_device_monitor_new_for(rb_device_monitor **out, rb_context *ctx,
                                    rb_device_event_cb cb, void *payload, const char *only_id)
{
    if (!out)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    rb_device_monitor *mon = calloc(1, sizeof *mon);
    if (!mon || !(mon->err = rb__errs_new())) {
        free(mon);
        return rb__error(ctx, RB_ERR_NOMEM, "out of memory");
    }
    mon->ctx = ctx;
    pthread_mutex_init(&mon->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_cond_init(&mon->cv, &ca);
    pthread_cond_init(&mon->ready_cv, &ca);
    pthread_cond_init(&mon->idle_cv, &ca);
    pthread_condattr_destroy(&ca);
    mon->refs = 1;
    mon->cb = cb;
    mon->payload = payload;
    mon->grace_ms = DEFAULT_GRACE_MS;
    mon->reboot_grace_ms = DEFAULT_REBOOT_GRACE_MS;
    mon->announce_ms = DEFAULT_ANNOUNCE_MS;
    if (only_id)
        rb__dev_copy(mon->only_id, sizeof mon->only_id, only_id);
    const char *g = rb_context_setting(ctx, "device.grace_ms", NULL);
    if (g && *g)
        mon->grace_ms = atoi(g);
    rb__dev_catalog_open(mon);

    if (pthread_create(&mon->loop, NULL, loop_main, mon) != 0) {
        monitor_destroy(mon);
        return RB_ERR_NOMEM;
    }
    mon->loop_started = true;
    /* Neither source is fatal: a kiosk may start before usbmuxd, or without USB access
     * for libusb; the detail stays in last_error and the other source keeps working. */
    rb__dev_mux_start(mon);
    rb__dev_irecv_start(mon);
    *out = mon;
    return RB_OK;
}

void rb_device_monitor_free(rb_device_monitor *mon)
{
    if (!mon)
        return;
    rb__dev_irecv_stop(mon);
    pthread_mutex_lock(&mon->mu);
    mon->stopping = true;
    pthread_cond_broadcast(&mon->cv);
    pthread_cond_broadcast(&mon->ready_cv);
    pthread_mutex_unlock(&mon->mu);
    rb__dev_mux_stop(mon);
    if (mon->loop_started) {
        if (pthread_equal(pthread_self(), mon->loop))
            pthread_detach(mon->loop); /* freed from inside its own callback */
        else
            pthread_join(mon->loop, NULL);
    }
    /* Workers see `stopping` between steps and end within a round trip; a device that
     * hangs mid-answer is not waited for longer than this (its worker holds a reference
     * and finishes on its own). Waiting matters: a process that exits while a worker is
     * inside OpenSSL crashes in OpenSSL's exit handlers. */
    uint64_t deadline = rb__now_ms() + FREE_WAIT_MS;
    pthread_mutex_lock(&mon->mu);
    while (__atomic_load_n(&mon->workers, __ATOMIC_SEQ_CST) > 0 && rb__now_ms() < deadline) {
        rb__cond_wait_ms(&mon->idle_cv, &mon->mu, 20);
    }
    pthread_mutex_unlock(&mon->mu);
    rb__dev_unref(mon);
}

rb_status rb_device_monitor_set_port_label(rb_device_monitor *mon, const char *port,
                                           const char *label)
{
    if (!mon)
        return RB_ERR_INVALID_ARG;
    if (!mon->ctx)
        return rb__dev_fail(mon, RB_ERR_INVALID_ARG,
                            "this monitor has no context to keep port names in");
    rb_status st = rb_device_set_port_label(mon->ctx, port, label);
    if (st != RB_OK)
        return rb__dev_fail(mon, st, "%s", rb_context_last_error(mon->ctx));
    rb__dev_post(mon, rb__dev_msg_new(MSG_RELABEL));
    return RB_OK;
}
