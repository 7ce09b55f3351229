/*
 * attach.c - how long from `rescuebay-sim ctl attach` until the device is reported:
 *   rescuebay  RB_DEVICE_ADDED (already identified: name, iOS, ECID, trust)
 *   peer       libimobiledevice IDEVICE_DEVICE_ADD (a bare UDID, nothing read yet)
 * and for a recovery-mode device the RB_DEVICE_ADDED through libirecovery.
 *
 *   rb-bench-device-attach SIM_BIN ADDR NORMAL_NAME RECOVERY_NAME ITERATIONS
 * (environment from `rescuebay-sim env`). Prints "label median p90 max" in ms, one line each.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libimobiledevice/libimobiledevice.h>

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

    rb_device_monitor *mon = NULL;
    if (rb_device_monitor_new(&mon, on_rb, NULL) != RB_OK)
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
