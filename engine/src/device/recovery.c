/*
 * device/recovery.c - devices seen through libirecovery: recovery and DFU mode.
 *
 * libirecovery 1.0.0 (Debian 12) runs one event thread per process and replays the
 * present devices only when that thread starts, so a second subscriber would never hear
 * about phones already in recovery. One process-wide hub therefore holds the single
 * subscription, remembers what is present and replays it to every monitor that joins.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <libirecovery.h>
#include <libusb.h>

#include "device/device_private.h"

#define APPLE_VID 0x05ac
#define MAX_MONITORS 32
#define MAX_DEVICES 64

struct hub_dev {
    uint64_t ecid;
    uint32_t pid, cpid, bdid;
    char srnm[32], imei[24];
    char port[32];   /* libusb's port path, "" unknown */
    int bus, address;
};

static pthread_mutex_t hub_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hub_cv = PTHREAD_COND_INITIALIZER;
static bool hub_busy; /* a (un)subscription is in flight */
static irecv_device_event_context_t hub_ctx;
static rb_device_monitor *hub_mons[MAX_MONITORS];
static size_t hub_nmons;
static struct hub_dev hub_devs[MAX_DEVICES];
static size_t hub_ndevs;

rb_device_mode rb__dev_mode_from_pid(uint32_t pid)
{
    if (pid >= 0x1280 && pid <= 0x1283)
        return RB_MODE_RECOVERY;
    if (pid == 0x1227 || pid == 0x1222 || pid == 0x1881 || pid == 0xf014)
        return RB_MODE_DFU;
    return RB_MODE_UNKNOWN;
}

static void post_dev(rb_device_monitor *mon, const struct hub_dev *d, bool add)
{
    struct dev_msg *m = rb__dev_msg_new(add ? MSG_IRECV_ADD : MSG_IRECV_REMOVE);
    if (!m)
        return;
    m->info.ecid = d->ecid;
    m->info.usb_product_id = d->pid;
    m->info.mode = rb__dev_mode_from_pid(d->pid);
    m->info.cpid = d->cpid;
    m->info.bdid = d->bdid;
    rb__dev_copy(m->info.serial, sizeof m->info.serial, d->srnm);
    rb__dev_copy(m->info.imei, sizeof m->info.imei, d->imei);
    rb__dev_copy(m->info.location, sizeof m->info.location, d->port);
    m->info.usb_bus = d->bus;
    m->info.usb_address = d->address;
    rb__dev_post(mon, m);
}

static void hub_cb(const irecv_device_event_t *ev, void *user)
{
    (void)user;
    const struct irecv_device_info *di = ev->device_info;
    if (!di)
        return;
    /* libirecovery does not say where the device is; libusb does (outside hub_mu: it
     * opens the device to read its serial string). */
    char port[32] = "";
    int bus = -1, address = -1;
    if (ev->type == IRECV_DEVICE_ADD)
        rb__dev_libusb_port(port, sizeof port, &bus, &address, di->ecid, APPLE_VID);
    pthread_mutex_lock(&hub_mu);
    size_t i = 0;
    while (i < hub_ndevs && hub_devs[i].ecid != di->ecid)
        i++;
    if (ev->type == IRECV_DEVICE_ADD) {
        if (i == hub_ndevs && hub_ndevs < MAX_DEVICES)
            hub_ndevs++;
        if (i < hub_ndevs) {
            struct hub_dev *d = &hub_devs[i];
            memset(d, 0, sizeof *d);
            d->ecid = di->ecid;
            d->pid = (uint32_t)ev->mode;
            d->cpid = di->cpid;
            d->bdid = di->bdid;
            rb__dev_copy(d->srnm, sizeof d->srnm, di->srnm);
            rb__dev_copy(d->imei, sizeof d->imei, di->imei);
            rb__dev_copy(d->port, sizeof d->port, port);
            d->bus = bus;
            d->address = address;
            for (size_t k = 0; k < hub_nmons; k++)
                post_dev(hub_mons[k], d, true);
        }
    } else if (ev->type == IRECV_DEVICE_REMOVE) {
        struct hub_dev gone = {.ecid = di->ecid};
        if (i < hub_ndevs) {
            gone = hub_devs[i];
            hub_devs[i] = hub_devs[--hub_ndevs];
        }
        for (size_t k = 0; k < hub_nmons; k++)
            post_dev(hub_mons[k], &gone, false);
    }
    pthread_mutex_unlock(&hub_mu);
}

/* How many recovery/DFU devices are on the bus right now, so wait_ready knows how many
 * libirecovery ADD events to expect (its enumeration has no end marker). */
static int count_recovery_devices(void)
{
    libusb_context *ctx = NULL;
    if (libusb_init(&ctx) != 0)
        return 0;
    libusb_device **list = NULL;
    ssize_t n = libusb_get_device_list(ctx, &list);
    int count = 0;
    for (ssize_t i = 0; i < n; i++) {
        struct libusb_device_descriptor dd;
        if (libusb_get_device_descriptor(list[i], &dd) == 0 && dd.idVendor == APPLE_VID &&
            rb__dev_mode_from_pid(dd.idProduct) != RB_MODE_UNKNOWN)
            count++;
    }
    if (n >= 0)
        libusb_free_device_list(list, 1);
    libusb_exit(ctx);
    return count;
}

/* Waits until no (un)subscription is in flight; hub_mu held. */
static void hub_settle(void)
{
    while (hub_busy)
        pthread_cond_wait(&hub_cv, &hub_mu);
}

rb_status rb__dev_irecv_start(rb_device_monitor *mon)
{
    int expected = count_recovery_devices();
    pthread_mutex_lock(&hub_mu);
    hub_settle();
    if (hub_nmons == MAX_MONITORS) {
        pthread_mutex_unlock(&hub_mu);
        return rb__dev_problem(mon, RB_ERR_BUSY, "too many device monitors in this process");
    }
    pthread_mutex_lock(&mon->mu);
    mon->irecv_expected = expected;
    /* libirecovery polls its hotplug source every 100 ms and opens each device to read
     * its serial string; give the first enumeration up to 1.5 s. */
    mon->irecv_deadline = rb__now_ms() + 1500;
    mon->irecv_attached = true;
    pthread_mutex_unlock(&mon->mu);
    hub_mons[hub_nmons++] = mon;
    for (size_t i = 0; i < hub_ndevs; i++)
        post_dev(mon, &hub_devs[i], true);
    rb_status st = RB_OK;
    if (!hub_ctx) {
        /* Subscribe outside hub_mu: libirecovery calls hub_cb, which takes it. */
        hub_busy = true;
        pthread_mutex_unlock(&hub_mu);
        irecv_device_event_context_t ctx = NULL;
        irecv_error_t e = irecv_device_event_subscribe(&ctx, hub_cb, NULL);
        if (e != IRECV_E_SUCCESS)
            st = rb__dev_problem(mon, RB_ERR_PERMISSION, "cannot watch recovery/DFU devices: %s",
                           irecv_strerror(e));
        pthread_mutex_lock(&hub_mu);
        hub_ctx = e == IRECV_E_SUCCESS ? ctx : NULL;
        hub_busy = false;
        pthread_cond_broadcast(&hub_cv);
    }
    pthread_mutex_unlock(&hub_mu);
    return st;
}

/* Unsubscribing joins libirecovery's thread, which sleeps in 100 ms steps: a reaper thread
 * does it so that freeing a monitor (and so every CLI run) does not wait for it. */
static void *reaper(void *ctx)
{
    irecv_device_event_unsubscribe(ctx);
    pthread_mutex_lock(&hub_mu);
    hub_busy = false;
    pthread_cond_broadcast(&hub_cv);
    pthread_mutex_unlock(&hub_mu);
    return NULL;
}

void rb__dev_irecv_stop(rb_device_monitor *mon)
{
    pthread_mutex_lock(&hub_mu);
    hub_settle();
    for (size_t i = 0; i < hub_nmons; i++)
        if (hub_mons[i] == mon) {
            hub_mons[i] = hub_mons[--hub_nmons];
            break;
        }
    irecv_device_event_context_t ctx = NULL;
    if (hub_nmons == 0 && hub_ctx) {
        ctx = hub_ctx;
        hub_ctx = NULL;
        hub_ndevs = 0;
        hub_busy = true;
    }
    pthread_mutex_unlock(&hub_mu);
    if (!ctx)
        return;
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&t, &attr, reaper, ctx) != 0)
        reaper(ctx);
    pthread_attr_destroy(&attr);
}

rb_status rb_device_exit_recovery(rb_device_monitor *mon, const char *id)
{
    if (!mon || !id || !*id)
        return RB_ERR_INVALID_ARG;
    rb_device_info d;
    rb_status st = rb__dev_lookup(mon, id, &d);
    if (st != RB_OK)
        return st;
    if ((st = rb__dev_check_free(mon, d.ecid)) != RB_OK)
        return st;
    if (!d.connected)
        return rb__dev_fail(mon, RB_ERR_NOT_FOUND, "%s is not connected right now", id);
    if (d.mode == RB_MODE_DFU) {
        char steps[400];
        rb__dev_exit_dfu_steps(mon, &d, steps, sizeof steps);
        return rb__dev_fail(mon, RB_ERR_NEEDS_BUTTONS,
                         "%s is in DFU mode, which software cannot leave: %s",
                         d.name[0] ? d.name : id, steps);
    }
    if (d.mode == RB_MODE_NORMAL)
        return RB_OK;
    if (d.mode != RB_MODE_RECOVERY)
        return rb__dev_fail(mon, RB_ERR_UNSUPPORTED, "%s is in %s mode, not recovery mode", id,
                         rb_device_mode_name(d.mode));
    irecv_client_t c = NULL;
    irecv_error_t e = irecv_open_with_ecid_and_attempts(&c, d.ecid, 3);
    if (e != IRECV_E_SUCCESS)
        return rb__dev_fail(mon, RB_ERR_DEVICE, "cannot open %s in recovery mode: %s", id,
                         irecv_strerror(e));
    const char *step = "setenv auto-boot true";
    e = irecv_setenv(c, "auto-boot", "true");
    if (e == IRECV_E_SUCCESS) {
        step = "saveenv";
        e = irecv_saveenv(c);
    }
    if (e == IRECV_E_SUCCESS) {
        rb__dev_expect_reboot(mon, d.ecid, d.udid);
        /* The device drops off the bus while answering, so the transfer may report an
         * error although the reboot happened; the monitor shows the outcome. */
        irecv_reboot(c);
    }
    irecv_close(c);
    if (e != IRECV_E_SUCCESS)
        return rb__dev_fail(mon, RB_ERR_DEVICE, "%s failed on %s: %s", step, id,
                         irecv_strerror(e));
    return RB_OK;
}
