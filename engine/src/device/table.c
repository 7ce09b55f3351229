/* device/table.c - the device table keyed by ECID: how the messages of the sources and
 * workers become entries and ADDED / CHANGED / REMOVED events. Everything here runs with
 * mon->mu held, so events are only collected; the loop delivers them unlocked.
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
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "device/device_private.h"

struct dev_entry *rb__dev_find_udid(rb_device_monitor *mon, const char *udid)
{
    if (!udid || !*udid)
        return NULL;
    for (struct dev_entry *e = mon->entries; e; e = e->next)
        if (strcasecmp(e->info.udid, udid) == 0)
            return e;
    return NULL;
}

struct dev_entry *rb__dev_find_ecid(rb_device_monitor *mon, uint64_t ecid, struct dev_entry *skip)
{
    if (!ecid)
        return NULL;
    for (struct dev_entry *e = mon->entries; e; e = e->next)
        if (e != skip && e->info.ecid == ecid)
            return e;
    return NULL;
}

static struct dev_entry *entry_new(rb_device_monitor *mon)
{
    struct dev_entry *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    rb__dev_info_init(&e->info);
    e->order = mon->next_order++;
    e->info.seen_order = e->order;
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

static void emit(struct dev_events *out, rb_device_event_type type, const rb_device_info *info)
{

    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 8;
        struct dev_event *v = realloc(out->v, cap * sizeof *v);
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
static void emit_entry(rb_device_monitor *mon, struct dev_events *out,
                       rb_device_event_type type, struct dev_entry *e)
{
    rb__dev_label(mon, &e->info); /* staff may have renamed the port since */
    if (type == RB_DEVICE_CHANGED && memcmp(&e->sent, &e->info, sizeof e->info) == 0)
        return;
    e->sent = e->info;
    emit(out, type, &e->info);
}

static void announce(rb_device_monitor *mon, struct dev_entry *e, struct dev_events *out)
{
    emit_entry(mon, out, e->announced ? RB_DEVICE_CHANGED : RB_DEVICE_ADDED, e);
    e->announced = true;
}

static void go_gone(rb_device_monitor *mon, struct dev_entry *e, struct dev_events *out)
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
    emit_entry(mon, out, RB_DEVICE_CHANGED, e);
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
    if (s->usb_bus >= 0) { /* a port lookup was made: its outcome, even "unknown", wins */
        rb__dev_copy(d->location, sizeof d->location, s->location);
        d->usb_location = s->usb_location;
        d->usb_bus = s->usb_bus;
        d->usb_address = s->usb_address;
    }
}

static void on_mux_add(rb_device_monitor *mon, struct dev_msg *m, struct dev_events *out)
{
    struct dev_entry *e = rb__dev_find_udid(mon, m->udid);
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
            emit_entry(mon, out, RB_DEVICE_CHANGED, e);
    }
    e->info.usb_product_id = m->info.usb_product_id;
    e->mux_present = true;
    e->mux_handle = m->mux_handle;
    e->gen++;
    rb__dev_start_read(mon, m->udid, e->gen, m->mux_handle);
}

static void on_mux_remove(rb_device_monitor *mon, struct dev_msg *m, struct dev_events *out)
{
    struct dev_entry *e = rb__dev_find_udid(mon, m->udid);
    if (!e || !e->mux_present)
        return;
    e->mux_present = false;
    e->gen++; /* results of reads still running are stale now */
    if (!e->irecv_present)
        go_gone(mon, e, out);
}

static void on_read_done(rb_device_monitor *mon, struct dev_msg *m, struct dev_events *out)
{
    struct dev_entry *e = rb__dev_find_udid(mon, m->udid);
    if (!e || e->gen != m->gen || !e->mux_present)
        return;
    if (m->final)
        e->read_done = true;
    struct dev_entry *other = rb__dev_find_ecid(mon, m->info.ecid, e);
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
            emit_entry(mon, out, RB_DEVICE_REMOVED, e);
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
        rb__dev_problem(mon, m->status, "device %s: %s", e->info.udid, m->info.note);
    rb__dev_identify(mon, &e->info);
    announce(mon, e, out);
}

static void on_irecv_add(rb_device_monitor *mon, struct dev_msg *m, struct dev_events *out)
{
    mon->irecv_seen++;
    if (!m->info.ecid) {
        rb__dev_problem(mon, RB_ERR_DEVICE,
                       "a device in mode 0x%04" PRIx32 " did not report its ECID",
                       m->info.usb_product_id);
        return;
    }
    struct dev_entry *e = rb__dev_find_ecid(mon, m->info.ecid, NULL);
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
    rb__dev_copy(d->location, sizeof d->location, m->info.location);
    d->usb_location = 0; /* usbmuxd's number; libusb has none */
    d->usb_bus = m->info.usb_bus;
    d->usb_address = m->info.usb_address;
    set_str(d->serial, sizeof d->serial, m->info.serial);
    set_str(d->imei, sizeof d->imei, m->info.imei);
    /* Live values of the booted OS are meaningless now. */
    d->battery_percent = d->battery_charging = -1;
    d->disk_total_bytes = d->disk_free_bytes = -1;
    d->note[0] = '\0';
    rb__dev_identify(mon, d);
    announce(mon, e, out);
}

static void on_irecv_remove(rb_device_monitor *mon, struct dev_msg *m, struct dev_events *out)
{
    struct dev_entry *e = rb__dev_find_ecid(mon, m->info.ecid, NULL);
    if (!e || !e->irecv_present)
        return;
    e->irecv_present = false;
    if (!e->mux_present)
        go_gone(mon, e, out);
}

static void on_trust(rb_device_monitor *mon, struct dev_msg *m, struct dev_events *out)
{
    struct dev_entry *e = rb__dev_find_udid(mon, m->udid);
    if (!e)
        return;
    if (m->final)
        e->pair_loop = false;
    if (e->info.trust == m->info.trust && strcmp(e->info.note, m->info.note) == 0)
        return;
    e->info.trust = m->info.trust;
    rb__dev_copy(e->info.note, sizeof e->info.note, m->info.note);
    if (e->announced)
        emit_entry(mon, out, RB_DEVICE_CHANGED, e);
    if (m->info.trust == RB_TRUST_PAIRED && e->mux_present) {
        e->gen++;
        rb__dev_start_read(mon, e->info.udid, e->gen, e->mux_handle);
    }
}

void rb__dev_apply(rb_device_monitor *mon, struct dev_msg *m, struct dev_events *out)
{
    switch (m->kind) {
    case MSG_MUX_ADD: on_mux_add(mon, m, out); break;
    case MSG_MUX_REMOVE: on_mux_remove(mon, m, out); break;
    case MSG_MUX_PAIRED: {
        struct dev_entry *e = rb__dev_find_udid(mon, m->udid);
        if (e && e->mux_present) {
            e->gen++;
            rb__dev_start_read(mon, e->info.udid, e->gen, e->mux_handle);
        }
        break;
    }
    case MSG_IRECV_ADD: on_irecv_add(mon, m, out); break;
    case MSG_IRECV_REMOVE: on_irecv_remove(mon, m, out); break;
    case MSG_READ_DONE: on_read_done(mon, m, out); break;
    case MSG_TRUST: on_trust(mon, m, out); break;
    case MSG_RELABEL:
        for (struct dev_entry *e = mon->entries; e; e = e->next)
            if (e->announced)
                emit_entry(mon, out, RB_DEVICE_CHANGED, e);
        break;
    }
}

/* Grace and announce deadlines; returns the next deadline (0 = none). */
uint64_t rb__dev_run_timers(rb_device_monitor *mon, struct dev_events *out)
{
    uint64_t now = rb__now_ms(), next = 0;
    struct dev_entry *e = mon->entries;
    while (e) {
        struct dev_entry *nx = e->next;
        if (e->gone_deadline) {
            if (e->gone_deadline <= now) {
                emit_entry(mon, out, RB_DEVICE_REMOVED, e);
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
                announce(mon, e, out);
            } else if (!next || e->announce_at < next) {
                next = e->announce_at;
            }
        }
        e = nx;
    }
    return next;
}
