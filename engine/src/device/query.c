/* device/query.c - the public calls that look into the device table from the caller's
 * thread (wait, list, find, last error, grace settings), the few table accesses the
 * workers need, and the names of modes and trust states.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "device/device_private.h"

static struct dev_entry *find_id(rb_device_monitor *mon, const char *id)
{
    struct dev_entry *e = rb__dev_find_udid(mon, id);
    if (!e) {
        uint64_t ecid = rb__dev_parse_ecid(id);
        e = rb__dev_find_ecid(mon, ecid, NULL);
    }
    return e;
}

static bool is_ready(rb_device_monitor *mon)
{
    if (mon->mux_state == RB_USBMUXD_ASKING)
        return false;
    for (size_t i = 0; i < mon->n_initial; i++) {
        struct dev_entry *e = rb__dev_find_udid(mon, mon->initial[i]);
        if (!e && rb__now_ms() >= mon->mux_gone_after)
            continue; /* listed at start but gone before the subscription saw it */
        if (!e || !e->read_done)
            return false;
    }
    return mon->irecv_seen >= mon->irecv_expected || rb__now_ms() >= mon->irecv_deadline;
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
            if (mon->mux_state == RB_USBMUXD_ASKING)
                rb__errs_set(mon->err, st,
                               "usbmuxd did not answer within %d ms (it accepts connections "
                               "but says nothing): devices in normal mode cannot be seen; "
                               "restart usbmuxd",
                               timeout_ms);
            else
                rb__errs_set(mon->err, st, "devices still being read after %d ms",
                               timeout_ms);
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
            st = rb__errs_set(mon->err, RB_ERR_NOT_FOUND, "no connected device has the id %s",
                                id);
            break;
        }
        uint64_t now = rb__now_ms();
        if (now >= deadline || mon->stopping) {
            st = rb__errs_set(mon->err, RB_ERR_TIMEOUT,
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

static int by_bay(const void *a, const void *b)
{
    return rb_device_order_compare(a, b);
}

size_t rb_device_monitor_list(rb_device_monitor *mon, rb_device_info *out, size_t max)
{
    if (!mon)
        return 0;
    size_t n = 0;
    pthread_mutex_lock(&mon->mu);
    for (struct dev_entry *e = mon->entries; e; e = e->next)
        if (e->announced)
            n++;
    /* All of them are ordered, then the first `max` copied: a short array gets the first
     * bays, not the first-seen devices. */
    rb_device_info *all = n ? malloc(n * sizeof *all) : NULL;
    size_t k = 0;
    for (struct dev_entry *e = mon->entries; all && e; e = e->next)
        if (e->announced) {
            all[k] = e->info;
            rb__dev_label(mon, &all[k]);
            k++;
        }
    pthread_mutex_unlock(&mon->mu);
    if (all) {
        qsort(all, k, sizeof *all, by_bay);
        for (size_t i = 0; out && i < k && i < max; i++)
            out[i] = all[i];
        free(all);
    }
    return n;
}

rb_status rb__dev_lookup(rb_device_monitor *mon, const char *id, rb_device_info *out)
{
    pthread_mutex_lock(&mon->mu);
    struct dev_entry *e = find_id(mon, id);
    if (e && out)
        *out = e->info;
    if (!e)
        rb__errs_set(mon->err, RB_ERR_NOT_FOUND, "no connected device has the id %s", id);
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
    struct dev_entry *e = rb__dev_find_ecid(mon, ecid, NULL);
    if (!e)
        e = rb__dev_find_udid(mon, udid);
    if (e)
        e->reboot_until = rb__now_ms() + (uint64_t)mon->reboot_grace_ms;
    pthread_mutex_unlock(&mon->mu);
}

void rb__dev_hold(rb_device_monitor *mon, uint64_t ecid, bool hold)
{
    if (!mon || !ecid)
        return;
    pthread_mutex_lock(&mon->mu);
    size_t n = sizeof mon->held / sizeof mon->held[0], free_slot = n;
    for (size_t i = 0; i < n; i++) {
        if (mon->held[i] == ecid) {
            if (!hold)
                mon->held[i] = 0;
            hold = false; /* already held */
        } else if (!mon->held[i] && free_slot == n) {
            free_slot = i;
        }
    }
    if (hold && free_slot < n)
        mon->held[free_slot] = ecid;
    struct dev_entry *e = rb__dev_find_ecid(mon, ecid, NULL);
    if (e) /* the tool reboots it between modes: keep the entry meanwhile */
        e->reboot_until = rb__now_ms() + (uint64_t)mon->reboot_grace_ms;
    pthread_mutex_unlock(&mon->mu);
}

rb_status rb__dev_check_free(rb_device_monitor *mon, uint64_t ecid)
{
    bool held = false;
    pthread_mutex_lock(&mon->mu);
    for (size_t i = 0; ecid && i < sizeof mon->held / sizeof mon->held[0]; i++)
        held = held || mon->held[i] == ecid;
    pthread_mutex_unlock(&mon->mu);
    if (held)
        return rb__dev_fail(mon, RB_ERR_BUSY,
                            "a restore is working on this device; it is left alone until it ends");
    return RB_OK;
}

const char *rb_device_monitor_last_error(const rb_device_monitor *mon)
{
    return rb__errs_last(mon ? mon->err : NULL);
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
    struct dev_entry *e = rb__dev_find_udid(mon, udid);
    bool claimed = e && e->mux_present && !e->pair_loop && !mon->stopping;
    if (claimed)
        e->pair_loop = true;
    pthread_mutex_unlock(&mon->mu);
    return claimed;
}
