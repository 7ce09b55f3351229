/*
 * attach.c - how long from `rescuebay-sim ctl attach` until the device is reported:
 *   rescuebay  RB_DEVICE_ADDED (already identified: name, iOS, ECID, trust)
 *   peer       libimobiledevice IDEVICE_DEVICE_ADD (a bare UDID, nothing read yet)
 * and for a recovery-mode device the RB_DEVICE_ADDED through libirecovery.
 *
 * and, in one process (no process start-up in the numbers), a full read of one device:
 *   rescuebay  rb_device_monitor_new_for + rb_device_monitor_wait_device + free
 *   peer       idevice_new + lockdownd (handshake when paired) + the same GetValues
 *
 *   rb-bench-device-attach SIM_BIN ADDR NORMAL_NAME RECOVERY_NAME N [PAIRED_UDID UNPAIRED_UDID]
 * (environment from `rescuebay-sim env`). Prints "label median p90 max" in ms, one line each.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libimobiledevice/libimobiledevice.h>
#include <libimobiledevice/lockdown.h>

#include "rescuebay/device.h"

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int added, removed;
static rb_device_mode added_mode;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void on_rb(const rb_device_event *ev, void *p)
{
    (void)p;
    pthread_mutex_lock(&mu);
    if (ev->type == RB_DEVICE_ADDED) {
        added++;
        added_mode = ev->device->mode;
    } else if (ev->type == RB_DEVICE_REMOVED) {
        removed++;
    }
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
}

static void on_idev(const idevice_event_t *ev, void *p)
{
    (void)p;
    pthread_mutex_lock(&mu);
    if (ev->event == IDEVICE_DEVICE_ADD)
        added++;
    else if (ev->event == IDEVICE_DEVICE_REMOVE)
        removed++;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
}

static int wait_count(int *counter, int target, int timeout_ms)
{
    struct timespec dl;
    clock_gettime(CLOCK_REALTIME, &dl);
    dl.tv_sec += timeout_ms / 1000 + 1;
    pthread_mutex_lock(&mu);
    while (*counter < target)
        if (pthread_cond_timedwait(&cv, &mu, &dl) != 0)
            break;
    int ok = *counter >= target;
    pthread_mutex_unlock(&mu);
    return ok;
}

static const char *g_sim, *g_addr;

static void ctl(const char *verb, const char *name)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "'%s' ctl --listen '%s' %s %s >/dev/null", g_sim, g_addr, verb, name);
    if (system(cmd) != 0)
        fprintf(stderr, "ctl %s %s failed\n", verb, name);
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void report(const char *label, double *v, int n)
{
    if (n == 0) {
        printf("%s - - -\n", label);
        return;
    }
    qsort(v, (size_t)n, sizeof *v, cmp);
    printf("%s %.1f %.1f %.1f\n", label, v[n / 2], v[(n * 9) / 10 < n ? (n * 9) / 10 : n - 1],
           v[n - 1]);
}

/* One attach measurement: detach, wait until it is gone, then time the attach. */
static int measure(const char *name, double *out)
{
    int r0 = removed;
    ctl("detach", name);
    if (!wait_count(&removed, r0 + 1, 5000))
        return 0;
    int a0 = added;
    double t0 = now_ms();
    ctl("attach", name);
    if (!wait_count(&added, a0 + 1, 5000))
        return 0;
    *out = now_ms() - t0;
    return 1;
}

static int rb_read(const char *udid)
{
    rb_device_monitor *m = NULL;
    if (rb_device_monitor_new_for(&m, NULL, NULL, NULL, udid) != RB_OK)
        return 0;
    rb_device_info d;
    int ok = rb_device_monitor_wait_device(m, udid, 5000, &d) == RB_OK;
    rb_device_monitor_free(m);
    return ok;
}

static int peer_read(const char *udid, int paired)
{
    idevice_t dev = NULL;
    if (idevice_new_with_options(&dev, udid, IDEVICE_LOOKUP_USBMUX) != IDEVICE_E_SUCCESS)
        return 0;
    lockdownd_client_t l = NULL;
    lockdownd_error_t e = paired ? lockdownd_client_new_with_handshake(dev, &l, "bench")
                                 : lockdownd_client_new(dev, &l, "bench");
    int ok = e == LOCKDOWN_E_SUCCESS;
    static const char *domains[] = {NULL, "com.apple.mobile.battery", "com.apple.disk_usage"};
    for (int i = 0; ok && i < (paired ? 3 : 1); i++) {
        plist_t v = NULL;
        ok = lockdownd_get_value(l, domains[i], NULL, &v) == LOCKDOWN_E_SUCCESS;
        plist_free(v);
    }
    if (ok && paired) {
        plist_t v = NULL;
        lockdownd_get_value(l, "com.apple.fmip", "IsAssociated", &v);
        plist_free(v);
    }
    lockdownd_client_free(l);
    idevice_free(dev);
    return ok;
}

static void read_rows(const char *paired, const char *unpaired, int n, double *v)
{
    /* A long-lived monitor, as in the kiosk: libirecovery's subscription is warm, so each
     * measured monitor pays for what a CLI run pays minus process start-up. */
    rb_device_monitor *anchor = NULL;
    rb_device_monitor_new(&anchor, NULL, NULL, NULL);
    rb_device_monitor_wait_ready(anchor, 5000);
    const struct {
        const char *label, *udid;
        int rb, paired;
    } rows[] = {{"inproc-rb-paired", paired, 1, 1},
                {"inproc-peer-paired", paired, 0, 1},
                {"inproc-rb-unpaired", unpaired, 1, 0},
                {"inproc-peer-unpaired", unpaired, 0, 0}};
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            double t0 = now_ms();
            int ok = rows[r].rb ? rb_read(rows[r].udid) : peer_read(rows[r].udid, rows[r].paired);
            if (ok)
                v[k++] = now_ms() - t0;
        }
        report(rows[r].label, v, k);
    }
    rb_device_monitor_free(anchor);
}

int main(int argc, char **argv)
{
    if (argc < 6) {
        fprintf(stderr, "usage: %s SIM_BIN ADDR NORMAL_NAME RECOVERY_NAME N\n", argv[0]);
        return 2;
    }
    g_sim = argv[1];
    g_addr = argv[2];
    int n = atoi(argv[5]);
    double *v = calloc((size_t)n, sizeof *v);
    /* ctl's own cost (process start + socket round trip), so the table can show it. */
    int k = 0;
    for (int i = 0; i < n; i++) {
        double t0 = now_ms();
        ctl("list", "");
        v[k++] = now_ms() - t0;
    }
    report("ctl-command-alone", v, k);
    if (argc >= 8)
        read_rows(argv[6], argv[7], n, v);

    rb_device_monitor *mon = NULL;
    if (rb_device_monitor_new(&mon, NULL, on_rb, NULL) != RB_OK)
        return 1;
    rb_device_monitor_set_grace(mon, 0, 0);
    rb_device_monitor_wait_ready(mon, 5000);
    k = 0;
    for (int i = 0; i < n; i++)
        k += measure(argv[3], &v[k]);
    report("rescuebay-normal", v, k);
    k = 0;
    for (int i = 0; i < n; i++)
        k += measure(argv[4], &v[k]);
    report("rescuebay-recovery", v, k);
    rb_device_monitor_free(mon);

    added = removed = 0;
    if (idevice_event_subscribe(on_idev, NULL) != IDEVICE_E_SUCCESS)
        return 1;
    wait_count(&added, 1, 2000);
    k = 0;
    for (int i = 0; i < n; i++)
        k += measure(argv[3], &v[k]);
    report("libimobiledevice-normal", v, k);
    idevice_event_unsubscribe();
    free(v);
    return 0;
}
