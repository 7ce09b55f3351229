/*
 * device/monitor.c - the device table keyed by ECID, the loop thread that owns it, and
 * the public rb_device_monitor_* calls.
 *
 * Vanishing devices: a phone rebooting between modes disappears from USB for a moment
 * (normal -> recovery is a few seconds on a real device). Rather than REMOVED + ADDED
 * (the kiosk would lose the tile, its ticket and its job), the entry stays with
 * connected = 0 for a grace period and a CHANGED is sent at once so the UI can grey the
 * tile ("reconnecting"). If the same ECID (or UDID) comes back in any mode it is the same
 * entry (CHANGED); otherwise REMOVED when the grace runs out. The grace is short for an
 * unexplained disappearance (an unplug costs the staff 3 s of a greyed tile) and long
 * after a reboot this monitor asked for or while restoring.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "device/device_internal.h"

#define DEFAULT_GRACE_MS 3000
#define DEFAULT_REBOOT_GRACE_MS 60000
#define DEFAULT_ANNOUNCE_MS 1000
#define FREE_WAIT_MS 3000

struct out_event {
    rb_device_event_type type;
    rb_device_info info;
};

struct out_list {
    struct out_event *v;
    size_t n, cap;
};

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
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pthread_mutex_lock(&mon->mu);
    rb__errbuf_set(&mon->err, st, "%s", msg);
    pthread_mutex_unlock(&mon->mu);
    rb__log("device", "%s", msg);
    return st;
}

struct spawn_arg {
    rb_device_monitor *mon;
    void *(*fn)(void *);
    void *arg;
};

static void *spawn_trampoline(void *p)
{
    struct spawn_arg sa = *(struct spawn_arg *)p;
    free(p);
    sa.fn(sa.arg);
    if (__atomic_sub_fetch(&sa.mon->workers, 1, __ATOMIC_SEQ_CST) == 0) {
        pthread_mutex_lock(&sa.mon->mu);
        pthread_cond_broadcast(&sa.mon->idle_cv);
        pthread_mutex_unlock(&sa.mon->mu);
    }
    rb__dev_unref(sa.mon);
    return NULL;
}

bool rb__dev_spawn(rb_device_monitor *mon, void *(*fn)(void *), void *arg)
{
    struct spawn_arg *sa = malloc(sizeof *sa);
    if (!sa)
        return false;
    *sa = (struct spawn_arg){mon, fn, arg};
    rb__dev_ref(mon);
    __atomic_add_fetch(&mon->workers, 1, __ATOMIC_SEQ_CST);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t t;
    int rc = pthread_create(&t, &attr, spawn_trampoline, sa);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        __atomic_sub_fetch(&mon->workers, 1, __ATOMIC_SEQ_CST);
        __atomic_sub_fetch(&mon->refs, 1, __ATOMIC_SEQ_CST);
        free(sa);
        return false;
    }
    return true;
}

/* ---- the device table (mon->mu held) ---- */

static struct dev_entry *find_udid(rb_device_monitor *mon, const char *udid)
{
    if (!udid || !*udid)
        return NULL;
    for (struct dev_entry *e = mon->entries; e; e = e->next)
        if (strcasecmp(e->info.udid, udid) == 0)
            return e;
    return NULL;
}

static struct dev_entry *find_ecid(rb_device_monitor *mon, uint64_t ecid, struct dev_entry *skip)
{
    if (!ecid)
        return NULL;
    for (struct dev_entry *e = mon->entries; e; e = e->next)
        if (e != skip && e->info.ecid == ecid)
            return e;
    return NULL;
}

static struct dev_entry *find_id(rb_device_monitor *mon, const char *id)
{
    struct dev_entry *e = find_udid(mon, id);
    if (!e) {
        uint64_t ecid = rb__dev_parse_ecid(id);
        e = find_ecid(mon, ecid, NULL);
    }
    return e;
}

static struct dev_entry *entry_new(rb_device_monitor *mon)
{
    struct dev_entry *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    rb__dev_info_init(&e->info);
    e->order = mon->next_order++;
    struct dev_entry **pp = &mon->entries;
    while (*pp)
        pp = &(*pp)->next;
    *pp = e;
    return e;
}

static void entry_delete(rb_device_monitor *mon, struct dev_entry *e)
{
    for (struct dev_entry **pp = &mon->entries; *pp; pp = &(*pp)->next)
        if (*pp == e) {
            *pp = e->next;
            free(e);
            return;
        }
}

static void emit(struct out_list *out, rb_device_event_type type, const rb_device_info *info)
{

    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 8;
        struct out_event *v = realloc(out->v, cap * sizeof *v);
        if (!v)
            return;
        out->v = v;
        out->cap = cap;
    }
    out->v[out->n].type = type;
    out->v[out->n].info = *info;
    out->n++;
}

/* Events about an entry; a CHANGED that changes nothing is dropped. */
static void emit_entry(struct out_list *out, rb_device_event_type type, struct dev_entry *e)
{
    if (type == RB_DEVICE_CHANGED && memcmp(&e->sent, &e->info, sizeof e->info) == 0)
        return;
    e->sent = e->info;
    emit(out, type, &e->info);
}

static void announce(struct dev_entry *e, struct out_list *out)
{
    emit_entry(out, e->announced ? RB_DEVICE_CHANGED : RB_DEVICE_ADDED, e);
    e->announced = true;
}

static void go_gone(rb_device_monitor *mon, struct dev_entry *e, struct out_list *out)
{
    if (!e->announced) {
        entry_delete(mon, e);
        return;
    }
    uint64_t now = rb__now_ms();
    bool reboot = e->reboot_until > now || e->info.mode == RB_MODE_RESTORE;
    e->gone_deadline = now + (uint64_t)(reboot ? mon->reboot_grace_ms : mon->grace_ms);
    if (e->gone_deadline == 0)
        e->gone_deadline = 1;
    e->info.connected = 0;
    emit_entry(out, RB_DEVICE_CHANGED, e);
}

static void set_str(char *dst, size_t cap, const char *src)
{
    if (src && *src)
        rb__dev_copy(dst, cap, src);
}

/* Merges freshly read values into an entry: strings and numbers only when known. */
static void merge_values(rb_device_info *d, const rb_device_info *s)
{
    if (s->ecid)
        d->ecid = s->ecid;
    if (s->mode != RB_MODE_UNKNOWN)
        d->mode = s->mode;
    if (s->trust != RB_TRUST_UNKNOWN)
        d->trust = s->trust;
    set_str(d->product_type, sizeof d->product_type, s->product_type);
    set_str(d->hardware_model, sizeof d->hardware_model, s->hardware_model);
    set_str(d->device_class, sizeof d->device_class, s->device_class);
    set_str(d->device_name, sizeof d->device_name, s->device_name);
    set_str(d->ios_version, sizeof d->ios_version, s->ios_version);
    set_str(d->build_version, sizeof d->build_version, s->build_version);
    set_str(d->serial, sizeof d->serial, s->serial);
    set_str(d->imei, sizeof d->imei, s->imei);
    set_str(d->activation_state, sizeof d->activation_state, s->activation_state);
    if (s->cpid)
        d->cpid = s->cpid, d->bdid = s->bdid;
    if (s->usb_product_id)
        d->usb_product_id = s->usb_product_id;
    if (s->battery_percent >= 0)
        d->battery_percent = s->battery_percent;
    if (s->battery_charging >= 0)
        d->battery_charging = s->battery_charging;
    if (s->find_my >= 0)
        d->find_my = s->find_my;
    if (s->disk_total_bytes >= 0)
        d->disk_total_bytes = s->disk_total_bytes;
    if (s->disk_free_bytes >= 0)
        d->disk_free_bytes = s->disk_free_bytes;
}

static void on_mux_add(rb_device_monitor *mon, struct dev_msg *m, struct out_list *out)
{
    struct dev_entry *e = find_udid(mon, m->udid);
    if (!e) {
        e = entry_new(mon);
        if (!e)
            return;
        rb__dev_copy(e->info.udid, sizeof e->info.udid, m->udid);
        e->info.mode = RB_MODE_NORMAL;
        e->announce_at = rb__now_ms() + (uint64_t)mon->announce_ms;
    } else if (e->gone_deadline || !e->info.connected) {
        e->gone_deadline = 0;
        e->info.connected = 1;
        if (!e->irecv_present) {
            e->info.mode = RB_MODE_NORMAL;
            if (e->info.trust == RB_TRUST_NOT_APPLICABLE)
                e->info.trust = RB_TRUST_UNKNOWN; /* booted again: the read will tell */
        }
        e->info.note[0] = '\0';
        if (e->announced)
            emit_entry(out, RB_DEVICE_CHANGED, e);
    }
    e->info.usb_product_id = m->info.usb_product_id;
    e->mux_present = true;
    e->mux_handle = m->mux_handle;
    e->gen++;
    rb__dev_start_read(mon, m->udid, e->gen);
}

static void on_mux_remove(rb_device_monitor *mon, struct dev_msg *m, struct out_list *out)
{
    struct dev_entry *e = find_udid(mon, m->udid);
    if (!e || !e->mux_present)
        return;
    e->mux_present = false;
    e->gen++; /* results of reads still running are stale now */
    if (!e->irecv_present)
        go_gone(mon, e, out);
}

static void on_read_done(rb_device_monitor *mon, struct dev_msg *m, struct out_list *out)
{
    struct dev_entry *e = find_udid(mon, m->udid);
    if (!e || e->gen != m->gen || !e->mux_present)
        return;
    if (m->final)
        e->read_done = true;
    struct dev_entry *other = find_ecid(mon, m->info.ecid, e);
    if (other) {
        /* Same phone seen before in another mode (or under another UDID): keep the
         * older entry, the one the UI and any job already know. */
        rb__dev_copy(other->info.udid, sizeof other->info.udid, e->info.udid);
        other->mux_present = true;
        other->mux_handle = e->mux_handle;
        other->gen = e->gen;
        other->read_done = e->read_done;
        other->gone_deadline = 0;
        other->info.connected = 1;
        other->info.usb_product_id = e->info.usb_product_id;
        if (other->info.trust == RB_TRUST_NOT_APPLICABLE)
            other->info.trust = e->info.trust;
        if (e->announced)
            emit_entry(out, RB_DEVICE_REMOVED, e);
        entry_delete(mon, e);
        e = other;
        if (e->irecv_present && m->info.mode == RB_MODE_NORMAL)
            e->irecv_present = false; /* it booted; the recovery REMOVE may come later */
    }
    /* A plain read cannot see a Trust prompt or a refusal; keep what pairing learnt. */
    bool keep_trust = e->pair_loop || e->info.trust == RB_TRUST_REFUSED;
    if (keep_trust && m->info.trust == RB_TRUST_NOT_PAIRED)
        m->info.trust = RB_TRUST_UNKNOWN;
    merge_values(&e->info, &m->info);
    if (!keep_trust || m->info.note[0])
        rb__dev_copy(e->info.note, sizeof e->info.note, m->info.note);
    if (m->status != RB_OK)
        rb__errbuf_set(&mon->err, m->status, "device %s: %s", e->info.udid, m->info.note);
    rb__dev_identify(mon, &e->info);
    announce(e, out);
}

static void on_irecv_add(rb_device_monitor *mon, struct dev_msg *m, struct out_list *out)
{
    mon->irecv_seen++;
    if (!m->info.ecid) {
        rb__errbuf_set(&mon->err, RB_ERR_DEVICE,
                       "a device in mode 0x%04" PRIx32 " did not report its ECID",
                       m->info.usb_product_id);
        return;
    }
    struct dev_entry *e = find_ecid(mon, m->info.ecid, NULL);
    if (!e) {
        e = entry_new(mon);
        if (!e)
            return;
    }
    e->irecv_present = true;
    e->gone_deadline = 0;
    rb_device_info *d = &e->info;
    d->connected = 1;
    d->ecid = m->info.ecid;
    d->mode = m->info.mode;
    d->trust = RB_TRUST_NOT_APPLICABLE;
    d->usb_product_id = m->info.usb_product_id;
    d->cpid = m->info.cpid;
    d->bdid = m->info.bdid;
    set_str(d->serial, sizeof d->serial, m->info.serial);
    set_str(d->imei, sizeof d->imei, m->info.imei);
    /* Live values of the booted OS are meaningless now. */
    d->battery_percent = d->battery_charging = -1;
    d->disk_total_bytes = d->disk_free_bytes = -1;
    d->note[0] = '\0';
    rb__dev_identify(mon, d);
    announce(e, out);
}

static void on_irecv_remove(rb_device_monitor *mon, struct dev_msg *m, struct out_list *out)
{
    struct dev_entry *e = find_ecid(mon, m->info.ecid, NULL);
    if (!e || !e->irecv_present)
        return;
    e->irecv_present = false;
    if (!e->mux_present)
        go_gone(mon, e, out);
}

static void on_trust(rb_device_monitor *mon, struct dev_msg *m, struct out_list *out)
{
    struct dev_entry *e = find_udid(mon, m->udid);
    if (!e)
        return;
    if (m->final)
        e->pair_loop = false;
    if (e->info.trust == m->info.trust && strcmp(e->info.note, m->info.note) == 0)
        return;
    e->info.trust = m->info.trust;
    rb__dev_copy(e->info.note, sizeof e->info.note, m->info.note);
    if (e->announced)
        emit_entry(out, RB_DEVICE_CHANGED, e);
    if (m->info.trust == RB_TRUST_PAIRED && e->mux_present) {
        e->gen++;
        rb__dev_start_read(mon, e->info.udid, e->gen);
    }
}

static void process(rb_device_monitor *mon, struct dev_msg *m, struct out_list *out)
{
    switch (m->kind) {
    case MSG_MUX_ADD: on_mux_add(mon, m, out); break;
    case MSG_MUX_REMOVE: on_mux_remove(mon, m, out); break;
    case MSG_MUX_PAIRED: {
        struct dev_entry *e = find_udid(mon, m->udid);
        if (e && e->mux_present) {
            e->gen++;
            rb__dev_start_read(mon, e->info.udid, e->gen);
        }
        break;
    }
    case MSG_IRECV_ADD: on_irecv_add(mon, m, out); break;
    case MSG_IRECV_REMOVE: on_irecv_remove(mon, m, out); break;
    case MSG_READ_DONE: on_read_done(mon, m, out); break;
    case MSG_TRUST: on_trust(mon, m, out); break;
    }
}

/* Grace and announce deadlines; returns the next deadline (0 = none). */
static uint64_t run_timers(rb_device_monitor *mon, struct out_list *out)
{
    uint64_t now = rb__now_ms(), next = 0;
    struct dev_entry *e = mon->entries;
    while (e) {
        struct dev_entry *nx = e->next;
        if (e->gone_deadline) {
            if (e->gone_deadline <= now) {
                emit_entry(out, RB_DEVICE_REMOVED, e);
                entry_delete(mon, e);
            } else if (!next || e->gone_deadline < next) {
                next = e->gone_deadline;
            }
        } else if (!e->announced && e->announce_at) {
            if (e->announce_at <= now) {
                if (!e->info.note[0])
                    rb__dev_copy(e->info.note, sizeof e->info.note,
                              "the device has not answered yet (lockdownd is slow or busy)");
                rb__dev_identify(mon, &e->info);
                announce(e, out);
            } else if (!next || e->announce_at < next) {
                next = e->announce_at;
            }
        }
        e = nx;
    }
    return next;
}

static bool is_ready(rb_device_monitor *mon)
{
    for (size_t i = 0; i < mon->n_initial; i++) {
        struct dev_entry *e = find_udid(mon, mon->initial[i]);
        if (!e && rb__now_ms() >= mon->irecv_deadline)
            continue; /* listed at start but gone before the subscription saw it */
        if (!e || !e->read_done)
            return false;
    }
    return mon->irecv_seen >= mon->irecv_expected || rb__now_ms() >= mon->irecv_deadline;
}

static void *loop_main(void *arg)
{
    rb_device_monitor *mon = arg;
    struct out_list out = {0};
    pthread_mutex_lock(&mon->mu);
    while (!mon->stopping) {
        uint64_t next = run_timers(mon, &out);
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
            process(mon, m, &out);
            free(m);
        }
        run_timers(mon, &out);
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

/* ---- public API ---- */

rb_status rb_device_monitor_new(rb_device_monitor **out, rb_device_event_cb cb, void *payload)
{
    return rb_device_monitor_new_for(out, cb, payload, NULL);
}

bool rb__dev_wanted(rb_device_monitor *mon, const char *udid, uint64_t ecid)
{
    if (!mon->only_id[0])
        return true;
    return strcasecmp(mon->only_id, udid) == 0 || (ecid && rb__dev_parse_ecid(mon->only_id) == ecid);
}

rb_status rb_device_monitor_new_for(rb_device_monitor **out, rb_device_event_cb cb,
                                    void *payload, const char *only_id)
{
    if (!out)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    rb_device_monitor *mon = calloc(1, sizeof *mon);
    if (!mon)
        return RB_ERR_NOMEM;
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
    const char *g = getenv("RESCUEBAY_DEVICE_GRACE_MS");
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

rb_status rb_device_monitor_wait_ready(rb_device_monitor *mon, int timeout_ms)
{
    if (!mon)
        return RB_ERR_INVALID_ARG;
    uint64_t deadline = rb__now_ms() + (uint64_t)(timeout_ms < 0 ? 0 : timeout_ms);
    pthread_mutex_lock(&mon->mu);
    rb_status st = RB_OK;
    while (!is_ready(mon) || mon->q_head) {
        uint64_t now = rb__now_ms();
        if (now >= deadline || mon->stopping) {
            st = RB_ERR_TIMEOUT;
            rb__errbuf_set(&mon->err, st, "devices still being read after %d ms", timeout_ms);
            break;
        }
        uint64_t wait = deadline - now;
        if (wait > 50)
            wait = 50; /* the irecv deadline passes without any signal */
        rb__cond_wait_ms(&mon->ready_cv, &mon->mu, wait);
    }
    pthread_mutex_unlock(&mon->mu);
    return st;
}

rb_status rb_device_monitor_wait_device(rb_device_monitor *mon, const char *id, int timeout_ms,
                                        rb_device_info *out)
{
    if (!mon || !id || !*id)
        return RB_ERR_INVALID_ARG;
    uint64_t deadline = rb__now_ms() + (uint64_t)(timeout_ms < 0 ? 0 : timeout_ms);
    pthread_mutex_lock(&mon->mu);
    rb_status st;
    for (;;) {
        struct dev_entry *e = find_id(mon, id);
        if (e && e->announced && (e->read_done || e->irecv_present || !e->mux_present)) {
            if (out)
                *out = e->info;
            st = RB_OK;
            break;
        }
        if (!e && is_ready(mon) && !mon->q_head) {
            st = rb__errbuf_set(&mon->err, RB_ERR_NOT_FOUND, "no connected device has the id %s",
                                id);
            break;
        }
        uint64_t now = rb__now_ms();
        if (now >= deadline || mon->stopping) {
            st = rb__errbuf_set(&mon->err, RB_ERR_TIMEOUT,
                                e ? "%s did not finish answering within %d ms"
                                  : "%s did not show up within %d ms",
                                id, timeout_ms);
            if (e && out)
                *out = e->info;
            break;
        }
        uint64_t wait = deadline - now;
        if (wait > 50)
            wait = 50;
        rb__cond_wait_ms(&mon->ready_cv, &mon->mu, wait);
    }
    pthread_mutex_unlock(&mon->mu);
    return st;
}

size_t rb_device_monitor_list(rb_device_monitor *mon, rb_device_info *out, size_t max)
{
    if (!mon)
        return 0;
    size_t n = 0;
    pthread_mutex_lock(&mon->mu);
    /* Entries are kept in first-seen order, which is the bay order staff expect. */
    for (struct dev_entry *e = mon->entries; e; e = e->next) {
        if (!e->announced)
            continue;
        if (out && n < max)
            out[n] = e->info;
        n++;
    }
    pthread_mutex_unlock(&mon->mu);
    return n;
}

rb_status rb__dev_lookup(rb_device_monitor *mon, const char *id, rb_device_info *out)
{
    pthread_mutex_lock(&mon->mu);
    struct dev_entry *e = find_id(mon, id);
    if (e && out)
        *out = e->info;
    if (!e)
        rb__errbuf_set(&mon->err, RB_ERR_NOT_FOUND, "no connected device has the id %s", id);
    pthread_mutex_unlock(&mon->mu);
    return e ? RB_OK : RB_ERR_NOT_FOUND;
}

rb_status rb_device_monitor_find(rb_device_monitor *mon, const char *id, rb_device_info *out)
{
    if (!mon || !id || !*id)
        return RB_ERR_INVALID_ARG;
    return rb__dev_lookup(mon, id, out);
}

void rb__dev_expect_reboot(rb_device_monitor *mon, uint64_t ecid, const char *udid)
{
    pthread_mutex_lock(&mon->mu);
    struct dev_entry *e = find_ecid(mon, ecid, NULL);
    if (!e)
        e = find_udid(mon, udid);
    if (e)
        e->reboot_until = rb__now_ms() + (uint64_t)mon->reboot_grace_ms;
    pthread_mutex_unlock(&mon->mu);
}

const char *rb_device_monitor_last_error(const rb_device_monitor *mon)
{
    if (!mon)
        return "";
    rb_device_monitor *m = (rb_device_monitor *)mon;
    pthread_mutex_lock(&m->mu);
    memcpy(m->err_copy, m->err.msg, sizeof m->err_copy);
    m->err_copy[sizeof m->err_copy - 1] = '\0';
    pthread_mutex_unlock(&m->mu);
    return m->err_copy;
}

rb_status rb_device_monitor_set_grace(rb_device_monitor *mon, int grace_ms, int reboot_grace_ms)
{
    if (!mon)
        return RB_ERR_INVALID_ARG;
    pthread_mutex_lock(&mon->mu);
    if (grace_ms >= 0)
        mon->grace_ms = grace_ms;
    if (reboot_grace_ms >= 0)
        mon->reboot_grace_ms = reboot_grace_ms;
    pthread_mutex_unlock(&mon->mu);
    return RB_OK;
}

const char *rb_device_mode_name(rb_device_mode mode)
{
    switch (mode) {
    case RB_MODE_NORMAL: return "normal";
    case RB_MODE_RECOVERY: return "recovery";
    case RB_MODE_DFU: return "dfu";
    case RB_MODE_RESTORE: return "restore";
    default: return "unknown";
    }
}

const char *rb_trust_state_name(rb_trust_state trust)
{
    switch (trust) {
    case RB_TRUST_NOT_PAIRED: return "not_paired";
    case RB_TRUST_PENDING: return "pending";
    case RB_TRUST_PAIRED: return "paired";
    case RB_TRUST_REFUSED: return "refused";
    case RB_TRUST_NOT_APPLICABLE: return "not_applicable";
    default: return "unknown";
    }
}

bool rb__dev_claim_pair_loop(rb_device_monitor *mon, const char *udid)
{
    pthread_mutex_lock(&mon->mu);
    struct dev_entry *e = find_udid(mon, udid);
    bool claimed = e && e->mux_present && !e->pair_loop && !mon->stopping;
    if (claimed)
        e->pair_loop = true;
    pthread_mutex_unlock(&mon->mu);
    return claimed;
}
