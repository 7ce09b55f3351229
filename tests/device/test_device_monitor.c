/*
 * test_device_monitor.c - the device monitor through the real libusbmuxd,
 * libimobiledevice and libirecovery against rescuebay-sim (the fake libusb is linked in).
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rbtest.h"
#include "rescuebay/device.h"
#include "simproc.h"

#define IPHONE11                                                                            \
    "[device iphone11]\nmode = normal\nproduct_type = iPhone12,1\nhardware_model = N104AP\n" \
    "cpid = 0x8030\nbdid = 0x04\necid = 0x001A2B3C4D5E6F70\n"                               \
    "udid = 00008030-001A2B3C4D5E6F70\nserial = F2LXK0FAKE01\nimei = 356789012345678\n"     \
    "ios = 16.7.2\nbuild = 20H115\ndevice_name = Counter Test Phone\nbattery = 87\n"        \
    "charging = yes\ndisk_total = 64000000000\ndisk_free = 12345678901\n"                   \
    "activation = Activated\nfind_my = on\n"
#define IPHONE11_ECID 0x001A2B3C4D5E6F70ULL
#define IPHONE11_UDID "00008030-001A2B3C4D5E6F70"

#define IPHONE8                                                                             \
    "[device iphone8]\nmode = normal\nproduct_type = iPhone10,4\nhardware_model = D201AP\n" \
    "cpid = 0x8015\nbdid = 0x0a\necid = 0x000A1B2C3D4E5F60\n"                               \
    "udid = 4b6c1d2e3f405162738495a6b7c8d9e0f1a2b3c4\nserial = C39SIM000002\n"              \
    "ios = 16.7.8\nbuild = 20H343\nbattery = 42\npaired = no\ntrust = accept\n"
#define IPHONE8_ECID 0x000A1B2C3D4E5F60ULL

/* ---- event recorder ---- */

struct rec {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int n;
    rb_device_event_type type[512];
    rb_device_info info[512];
};

static struct rec R = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, {0}, {{0}}};

static void rec_reset(void)
{
    pthread_mutex_lock(&R.mu);
    R.n = 0;
    pthread_mutex_unlock(&R.mu);
}

static void rec_cb(const rb_device_event *ev, void *payload)
{
    (void)payload;
    pthread_mutex_lock(&R.mu);
    if (R.n < 512) {
        R.type[R.n] = ev->type;
        R.info[R.n] = *ev->device;
        R.n++;
    }
    pthread_cond_broadcast(&R.cv);
    pthread_mutex_unlock(&R.mu);
}

struct want {
    int type;             /* 0 = any */
    uint64_t ecid;        /* 0 = any */
    rb_device_mode mode;  /* RB_MODE_UNKNOWN = any */
    rb_trust_state trust; /* RB_TRUST_UNKNOWN = any */
    int connected;        /* ANY, YES, NO */
    int battery_known;
    int has_note;
};
enum { ANY = 0, YES = 1, NO = 2 };
#define WANT(...) ((struct want){__VA_ARGS__})

static bool matches(int i, const struct want *w)
{
    const rb_device_info *d = &R.info[i];
    return (!w->type || (int)R.type[i] == w->type) && (!w->ecid || d->ecid == w->ecid) &&
           (!w->mode || d->mode == w->mode) && (!w->trust || d->trust == w->trust) &&
           (!w->connected || (d->connected != 0) == (w->connected == YES)) &&
           (!w->battery_known || (d->battery_percent >= 0) == (w->battery_known == YES)) &&
           (!w->has_note || (d->note[0] != 0) == (w->has_note == YES));
}

/* Waits for an event matching `w` at or after *cursor; moves the cursor past it. */
static bool wait_event(int *cursor, struct want w, int timeout_ms, rb_device_info *out)
{
    struct timespec dl;
    clock_gettime(CLOCK_REALTIME, &dl);
    dl.tv_sec += timeout_ms / 1000;
    dl.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (dl.tv_nsec >= 1000000000L) {
        dl.tv_sec++;
        dl.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&R.mu);
    for (;;) {
        for (int i = *cursor; i < R.n; i++)
            if (matches(i, &w)) {
                if (out)
                    *out = R.info[i];
                *cursor = i + 1;
                pthread_mutex_unlock(&R.mu);
                return true;
            }
        if (pthread_cond_timedwait(&R.cv, &R.mu, &dl) != 0)
            break;
    }
    pthread_mutex_unlock(&R.mu);
    return false;
}

static int count_events(int type, uint64_t ecid)
{
    int c = 0;
    pthread_mutex_lock(&R.mu);
    for (int i = 0; i < R.n; i++)
        if ((int)R.type[i] == type && R.info[i].ecid == ecid)
            c++;
    pthread_mutex_unlock(&R.mu);
    return c;
}

/* What a failed case left behind (an assertion leaves the case early). */
static struct simproc *g_sim;
static rb_device_monitor *g_mon;

static void cleanup(void)
{
    rb_device_monitor_free(g_mon);
    g_mon = NULL;
    if (g_sim)
        simproc_kill(g_sim);
    g_sim = NULL;
}

static rb_device_monitor *start(struct simproc *sim, const char *scenario)
{
    /* The last case's monitor and sim (or a failed case's) go at exit: a teardown is not
     * a test case of its own. */
    static bool at_exit;
    if (!at_exit)
        at_exit = atexit(cleanup) == 0;
    cleanup();
    rec_reset();
    simproc_start(sim, rbt_tmpdir(), scenario);
    rb_device_monitor *mon = NULL;
    g_sim = sim;
    rbt_assert_ok(rb_device_monitor_new(&mon, NULL, rec_cb, NULL));
    g_mon = mon;
    return mon;
}

static void stop(struct simproc *sim, rb_device_monitor *mon)
{
    (void)sim;
    (void)mon;
    cleanup();
}

/* ---- cases ---- */

static void test_device_monitor__normal_unpaired(void)
{
    static struct simproc sim;
    rb_device_monitor *mon = start(&sim, IPHONE11 "paired = no\ntrust = accept\n");
    rbt_assert_ok(rb_device_monitor_wait_ready(mon, 10000));
    rb_device_info list[4];
    rbt_assert_int(1, rb_device_monitor_list(mon, list, 4));
    rb_device_info *d = &list[0];
    rbt_assert_str("iPhone 11", d->name);
    rbt_assert_str("iPhone12,1", d->product_type);
    rbt_assert_str("16.7.2", d->ios_version);
    rbt_assert_str("20H115", d->build_version);
    rbt_assert_str(IPHONE11_UDID, d->udid);
    rbt_assert(d->ecid == IPHONE11_ECID);
    rbt_assert_int(RB_MODE_NORMAL, d->mode);
    rbt_assert_int(RB_TRUST_NOT_PAIRED, d->trust);
    rbt_assert_int(1, d->known_model);
    rbt_assert_int(1, d->connected);
    /* Private values need a trusted session. */
    rbt_assert_int(-1, d->battery_percent);
    rbt_assert_int(-1, d->find_my);
    rbt_assert_str("", d->activation_state);
    /* Both identifiers find it. */
    rb_device_info f;
    rbt_assert_ok(rb_device_monitor_find(mon, IPHONE11_UDID, &f));
    rbt_assert_ok(rb_device_monitor_find(mon, "0x001A2B3C4D5E6F70", &f));
    char dec[32];
    snprintf(dec, sizeof dec, "%" PRIu64, (uint64_t)IPHONE11_ECID);
    rbt_assert_ok(rb_device_monitor_find(mon, dec, &f));
    rbt_assert_int(RB_ERR_NOT_FOUND, rb_device_monitor_find(mon, "0xDEAD", &f));
    stop(&sim, mon);
}

static void test_device_monitor__normal_paired(void)
{
    static struct simproc sim;
    rb_device_monitor *mon = start(&sim, IPHONE11 "paired = yes\n");
    rbt_assert_ok(rb_device_monitor_wait_ready(mon, 10000));
    rb_device_info d;
    rbt_assert_ok(rb_device_monitor_find(mon, IPHONE11_UDID, &d));
    rbt_assert_int(RB_TRUST_PAIRED, d.trust);
    rbt_assert_str("F2LXK0FAKE01", d.serial);
    rbt_assert_str("Counter Test Phone", d.device_name);
    rbt_assert_str("Activated", d.activation_state);
    rbt_assert_int(87, d.battery_percent);
    rbt_assert_int(1, d.battery_charging);
    rbt_assert_int(1, d.find_my);
    rbt_assert(d.disk_free_bytes == 12345678901LL);
    rbt_assert(d.disk_total_bytes > 0);
    rbt_assert_str("", d.note);
    stop(&sim, mon);
}

static void test_device_monitor__pair_accepted(void)
{
    static struct simproc sim;
    rb_device_monitor *mon =
        start(&sim, IPHONE11 "paired = no\ntrust = accept\ntrust_pending = 2\n");
    rbt_assert_ok(rb_device_monitor_wait_ready(mon, 10000));
    int cur = 0;
    rb_status st = rb_device_pair(mon, IPHONE11_UDID);
    rbt_assert_int(RB_ERR_PAIR_PENDING, st);
    rbt_assert_contains(rb_device_monitor_last_error(mon), "Trust");
    rb_device_info d;
    rbt_assert(wait_event(&cur, WANT(.type = RB_DEVICE_CHANGED, .trust = RB_TRUST_PENDING), 5000, &d));
    /* The retry loop notices the tap on its own and a trusted read follows. */
    rbt_assert(wait_event(&cur, WANT(.type = RB_DEVICE_CHANGED, .trust = RB_TRUST_PAIRED,
                                     .battery_known = YES), 15000, &d));
    rbt_assert_int(87, d.battery_percent);
    rbt_assert_ok(rb_device_pair(mon, IPHONE11_UDID)); /* already paired */
    stop(&sim, mon);
}

static void test_device_monitor__pair_refused(void)
{
    static struct simproc sim;
    /* iPhone 11 refuses at once; the iPhone 8 shows the prompt first, then is refused. */
    rb_device_monitor *mon =
        start(&sim, IPHONE11 "paired = no\ntrust = refuse\ntrust_pending = 0\n"
              "[device iphone8]\nmode = normal\nproduct_type = iPhone10,4\ncpid = 0x8015\n"
              "bdid = 0x0a\necid = 0x000A1B2C3D4E5F60\nudid = 4b6c1d2e3f405162738495a6b7c8d9e0f1a2b3c4\n"
              "ios = 16.7.8\nbuild = 20H343\npaired = no\ntrust = refuse\ntrust_pending = 1\n");
    rbt_assert_ok(rb_device_monitor_wait_ready(mon, 10000));
    int cur = 0;
    rbt_assert_int(RB_ERR_PAIR_REFUSED, rb_device_pair(mon, IPHONE11_UDID));
    rbt_assert_contains(rb_device_monitor_last_error(mon), "Don't Trust");
    rb_device_info d;
    rbt_assert(wait_event(&cur, WANT(.ecid = IPHONE11_ECID, .trust = RB_TRUST_REFUSED), 5000, &d));
    rbt_assert_ok(rb_device_monitor_find(mon, IPHONE11_UDID, &d));
    rbt_assert_int(RB_TRUST_REFUSED, d.trust);
    cur = 0;
    rbt_assert_int(RB_ERR_PAIR_PENDING, rb_device_pair(mon, "0x000A1B2C3D4E5F60"));
    rbt_assert(wait_event(&cur, WANT(.ecid = IPHONE8_ECID, .trust = RB_TRUST_REFUSED), 8000, &d));
    rbt_assert_contains(d.note, "Don't Trust");
    stop(&sim, mon);
}

static void test_device_monitor__hotplug(void)
{
    static struct simproc sim;
    rb_device_monitor *mon = start(&sim, IPHONE11 "paired = no\nattached = no\n");
    rbt_assert_ok(rb_device_monitor_set_grace(mon, 300, -1));
    rbt_assert_ok(rb_device_monitor_wait_ready(mon, 10000));
    rbt_assert_int(0, rb_device_monitor_list(mon, NULL, 0));
    int cur = 0;
    rbt_assert_int(0, simproc_ctl(&sim, "attach iphone11"));
    rb_device_info d;
    rbt_assert(wait_event(&cur, WANT(.type = RB_DEVICE_ADDED, .ecid = IPHONE11_ECID), 5000, &d));
    rbt_assert_str("iPhone 11", d.name);
    rbt_assert_int(0, simproc_ctl(&sim, "detach iphone11"));
    /* First greyed out (it may come back), then gone once the grace ran out. */
    rbt_assert(wait_event(&cur, WANT(.type = RB_DEVICE_CHANGED, .connected = NO), 5000, NULL));
    rbt_assert(wait_event(&cur, WANT(.type = RB_DEVICE_REMOVED, .ecid = IPHONE11_ECID), 5000, NULL));
    rbt_assert_int(0, rb_device_monitor_list(mon, NULL, 0));
    rbt_assert_int(0, simproc_ctl(&sim, "attach iphone11"));
    rbt_assert(wait_event(&cur, WANT(.type = RB_DEVICE_ADDED, .ecid = IPHONE11_ECID), 5000, NULL));
    stop(&sim, mon);
}

static void test_device_monitor__same_ecid_through_modes(void)
{
    static struct simproc sim;
    rb_device_monitor *mon = start(&sim, "[sim]\nreboot_ms = 200\n" IPHONE11 "paired = no\n");
    rbt_assert_ok(rb_device_monitor_wait_ready(mon, 10000));
    int cur = 0;
    rbt_assert(wait_event(&cur, WANT(.type = RB_DEVICE_ADDED, .ecid = IPHONE11_ECID), 1000, NULL));
    static const struct {
        const char *to;
        rb_device_mode mode;
    } steps[] = {{"recovery", RB_MODE_RECOVERY}, {"dfu", RB_MODE_DFU}, {"restore", RB_MODE_RESTORE},
                 {"normal", RB_MODE_NORMAL}};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        rbt_assert_int(0, simproc_ctl(&sim, "reboot iphone11 %s", steps[i].to));
        rb_device_info d;
        rbt_assert_msg(wait_event(&cur, WANT(.type = RB_DEVICE_CHANGED, .ecid = IPHONE11_ECID,
                                             .mode = steps[i].mode, .connected = YES), 8000, &d),
                       "no CHANGED to %s", steps[i].to);
        rbt_assert_str("iPhone 11", d.name);
        rbt_assert_int(1, d.known_model);
        if (steps[i].mode == RB_MODE_RECOVERY || steps[i].mode == RB_MODE_DFU) {
            rbt_assert_int(RB_TRUST_NOT_APPLICABLE, d.trust);
            rbt_assert_int(0x8030, d.cpid);
        }
    }
    rbt_assert(wait_event(&cur, WANT(.ecid = IPHONE11_ECID, .trust = RB_TRUST_NOT_PAIRED), 5000, NULL));
    rbt_assert_int(1, count_events(RB_DEVICE_ADDED, IPHONE11_ECID));
    rbt_assert_int(0, count_events(RB_DEVICE_REMOVED, IPHONE11_ECID));
    rbt_assert_int(1, rb_device_monitor_list(mon, NULL, 0));
    stop(&sim, mon);
}

static void test_device_monitor__exit_recovery(void)
{
    static struct simproc sim;
    rb_device_monitor *mon =
        start(&sim, "[sim]\nreboot_ms = 200\n[device iphone8]\nmode = recovery\nproduct_type = iPhone10,4\n"
                    "hardware_model = D201AP\ncpid = 0x8015\nbdid = 0x0a\n"
                    "ecid = 0x000A1B2C3D4E5F60\nudid = 4b6c1d2e3f405162738495a6b7c8d9e0f1a2b3c4\n"
                    "ios = 16.7.8\nbuild = 20H343\npaired = no\n"
                    "[device ipad]\nmode = dfu\nproduct_type = iPad7,11\ncpid = 0x8010\n"
                    "bdid = 0x1a\necid = 0x0000123456789ABC\n");
    rbt_assert_ok(rb_device_monitor_wait_ready(mon, 10000));
    rb_device_info d;
    rbt_assert_ok(rb_device_monitor_find(mon, "0x000A1B2C3D4E5F60", &d));
    rbt_assert_int(RB_MODE_RECOVERY, d.mode);
    rbt_assert_str("iPhone 8", d.name);
    rbt_assert_ok(rb_device_monitor_find(mon, "0x0000123456789ABC", &d));
    rbt_assert_int(RB_MODE_DFU, d.mode);
    int cur = 0;
    rbt_assert_ok(rb_device_exit_recovery(mon, "0x000A1B2C3D4E5F60"));
    rbt_assert(wait_event(&cur, WANT(.type = RB_DEVICE_CHANGED, .ecid = IPHONE8_ECID,
                                     .mode = RB_MODE_NORMAL, .trust = RB_TRUST_NOT_PAIRED),
                          8000, &d));
    rbt_assert_str("4b6c1d2e3f405162738495a6b7c8d9e0f1a2b3c4", d.udid);
    rbt_assert_str("16.7.8", d.ios_version);
    rbt_assert_int(0, count_events(RB_DEVICE_REMOVED, IPHONE8_ECID));
    /* DFU cannot be left by software: a clear message with the buttons to press. */
    rbt_assert_int(RB_ERR_NEEDS_BUTTONS, rb_device_exit_recovery(mon, "0x0000123456789ABC"));
    rbt_assert_contains(rb_device_monitor_last_error(mon), "DFU");
    rbt_assert_contains(rb_device_monitor_last_error(mon), "Apple logo");
    stop(&sim, mon);
}

static void test_device_monitor__enter_recovery(void)
{
    static struct simproc sim;
    rb_device_monitor *mon = start(&sim, "[sim]\nreboot_ms = 200\n" IPHONE11 "paired = yes\n");
    rbt_assert_ok(rb_device_monitor_wait_ready(mon, 10000));
    int cur = 0;
    rbt_assert_ok(rb_device_enter_recovery(mon, IPHONE11_UDID));
    rbt_assert(wait_event(&cur, WANT(.type = RB_DEVICE_CHANGED, .ecid = IPHONE11_ECID,
                                     .mode = RB_MODE_RECOVERY, .connected = YES), 8000, NULL));
    rbt_assert_int(0, count_events(RB_DEVICE_REMOVED, IPHONE11_ECID));
    stop(&sim, mon);
}

static void test_device_monitor__unknown_future_model(void)
{
    static struct simproc sim;
    rb_device_monitor *mon =
        start(&sim, "[device future]\nmode = normal\nproduct_type = iPhone99,1\n"
                    "hardware_model = Z999AP\ncpid = 0x8999\nbdid = 0x42\necid = 0x0099AABBCCDDEEFF\n"
                    "udid = 00008999-0099AABBCCDDEEFF\nios = 30.0\nbuild = 30A1\npaired = no\n"
                    "[device futurerec]\nmode = recovery\nproduct_type = iPhone99,2\n"
                    "cpid = 0x8998\nbdid = 0x44\necid = 0x0098AABBCCDDEEFF\n"
                    "[device liar]\nmode = normal\nproduct_type = Phone <1>\n"
                    "ecid = 0x0097AABBCCDDEEFF\nudid = 00008997-0097AABBCCDDEEFF\nios = 1\n");
    rbt_assert_ok(rb_device_monitor_wait_ready(mon, 10000));
    rbt_assert_int(3, rb_device_monitor_list(mon, NULL, 0));
    rb_device_info liar;
    rbt_assert_ok(rb_device_monitor_find(mon, "00008997-0097AABBCCDDEEFF", &liar));
    rbt_assert_contains(liar.note, "implausible ProductType");
    rbt_assert_int(0, liar.known_model);
    rb_device_info d;
    rbt_assert_ok(rb_device_monitor_find(mon, "00008999-0099AABBCCDDEEFF", &d));
    rbt_assert_int(0, d.known_model);
    rbt_assert_str("iPhone99,1", d.name);
    rbt_assert_str("iPhone99,1", d.product_type);
    rbt_assert_str("30.0", d.ios_version);
    rbt_assert_ok(rb_device_monitor_find(mon, "0x0098AABBCCDDEEFF", &d));
    rbt_assert_int(0, d.known_model);
    rbt_assert_int(RB_MODE_RECOVERY, d.mode);
    rbt_assert_int(0x8998, d.cpid);
    rbt_assert_contains(d.name, "CPID 0x8998");
    stop(&sim, mon);
}

static void test_device_monitor__two_devices(void)
{
    static struct simproc sim;
    rb_device_monitor *mon = start(&sim, IPHONE11 "paired = yes\n" IPHONE8);
    rbt_assert_ok(rb_device_monitor_wait_ready(mon, 10000));
    rb_device_info list[4];
    rbt_assert_int(2, rb_device_monitor_list(mon, list, 4));
    rb_device_info a, b;
    rbt_assert_ok(rb_device_monitor_find(mon, "0x001A2B3C4D5E6F70", &a));
    rbt_assert_ok(rb_device_monitor_find(mon, "0x000A1B2C3D4E5F60", &b));
    rbt_assert_str("iPhone 11", a.name);
    rbt_assert_str("iPhone 8", b.name);
    rbt_assert_int(RB_TRUST_PAIRED, a.trust);
    rbt_assert_int(RB_TRUST_NOT_PAIRED, b.trust);
    stop(&sim, mon);
}

static void test_device_monitor__garbage_and_hangup(void)
{
    static struct simproc sim;
    rb_device_monitor *mon = start(&sim, IPHONE11 "paired = no\n" IPHONE8);
    rbt_assert_ok(rb_device_monitor_set_grace(mon, 5000, -1));
    rbt_assert_ok(rb_device_monitor_wait_ready(mon, 10000));
    int cur = 0;
    rb_device_info d;
    /* Garbage instead of a plist on the next lockdown request. */
    rbt_assert_int(0, simproc_ctl(&sim, "garbage iphone11"));
    rbt_assert_int(0, simproc_ctl(&sim, "detach iphone11"));
    rbt_assert_int(0, simproc_ctl(&sim, "attach iphone11"));
    rbt_assert(wait_event(&cur, WANT(.ecid = IPHONE11_ECID, .has_note = YES), 5000, &d));
    rbt_assert_contains(d.note, "malformed");
    rbt_assert_contains(rb_device_monitor_last_error(mon), "malformed");
    /* Hang-up in the middle of a message. */
    rbt_assert_int(0, simproc_ctl(&sim, "drop iphone8"));
    rbt_assert_int(0, simproc_ctl(&sim, "detach iphone8"));
    rbt_assert_int(0, simproc_ctl(&sim, "attach iphone8"));
    rbt_assert(wait_event(&cur, WANT(.ecid = IPHONE8_ECID, .has_note = YES), 5000, &d));
    rbt_assert_contains(d.note, "hung up");
    /* The monitor keeps running: a clean re-attach reads everything again. */
    rbt_assert_int(0, simproc_ctl(&sim, "detach iphone11"));
    rbt_assert_int(0, simproc_ctl(&sim, "attach iphone11"));
    rbt_assert(wait_event(&cur, WANT(.ecid = IPHONE11_ECID, .has_note = NO, .connected = YES,
                                     .trust = RB_TRUST_NOT_PAIRED), 5000, &d));
    rbt_assert_str("16.7.2", d.ios_version);
    stop(&sim, mon);
}

static void test_device_monitor__slow_device_does_not_block(void)
{
    static struct simproc sim;
    rb_device_monitor *mon = start(&sim, IPHONE11 "paired = no\n" IPHONE8 "attached = no\n");
    rbt_assert_ok(rb_device_monitor_set_grace(mon, 0, -1));
    rbt_assert_ok(rb_device_monitor_wait_ready(mon, 10000));
    int cur = 0;
    rbt_assert_int(0, simproc_ctl(&sim, "slow iphone11 2500"));
    rbt_assert_int(0, simproc_ctl(&sim, "detach iphone11"));
    rbt_assert_int(0, simproc_ctl(&sim, "attach iphone11"));
    rbt_assert_int(0, simproc_ctl(&sim, "attach iphone8"));
    /* The other device is read and reported while the slow one is still answering. */
    rb_device_info d;
    rbt_assert(wait_event(&cur, WANT(.type = RB_DEVICE_ADDED, .ecid = IPHONE8_ECID), 3000, &d));
    /* The slow one is shown after a second, saying why its values are missing. */
    rbt_assert(wait_event(&cur, WANT(.type = RB_DEVICE_ADDED, .has_note = YES), 3000, &d));
    rbt_assert_str(IPHONE11_UDID, d.udid);
    rbt_assert_contains(d.note, "not answered yet");
    rbt_assert_ok(rb_device_monitor_find(mon, IPHONE11_UDID, &d));
    rbt_assert_int(1, d.connected);
    /* Freeing does not wait for the slow worker. */
    stop(&sim, mon);
}

static void test_device_monitor__usbmuxd_restart(void)
{
    static struct simproc sim;
    rb_device_monitor *mon = start(&sim, IPHONE11 "paired = no\n");
    rbt_assert_ok(rb_device_monitor_set_grace(mon, 8000, -1));
    rbt_assert_ok(rb_device_monitor_wait_ready(mon, 10000));
    int cur = 0;
    rbt_assert(wait_event(&cur, WANT(.type = RB_DEVICE_ADDED, .ecid = IPHONE11_ECID), 1000, NULL));
    simproc_kill(&sim);
    rbt_assert(wait_event(&cur, WANT(.type = RB_DEVICE_CHANGED, .connected = NO), 5000, NULL));
    simproc_restart(&sim);
    /* libusbmuxd polls for the daemon (inotify off) and the same entry comes back. */
    rb_device_info d;
    rbt_assert(wait_event(&cur, WANT(.type = RB_DEVICE_CHANGED, .ecid = IPHONE11_ECID,
                                     .connected = YES, .trust = RB_TRUST_NOT_PAIRED), 8000, &d));
    rbt_assert_int(1, count_events(RB_DEVICE_ADDED, IPHONE11_ECID));
    rbt_assert_int(0, count_events(RB_DEVICE_REMOVED, IPHONE11_ECID));
    stop(&sim, mon);
}

static void test_device_monitor__late_usbmuxd(void)
{
    static struct simproc sim;
    cleanup();
    rec_reset();
    /* The kiosk starts before usbmuxd: nothing to see, no error that stops the monitor. */
    simproc_start(&sim, rbt_tmpdir(), IPHONE11 "paired = no\n");
    simproc_kill(&sim);
    g_sim = &sim;
    rb_device_monitor *mon = NULL;
    rbt_assert_ok(rb_device_monitor_new(&mon, NULL, rec_cb, NULL));
    g_mon = mon;
    rbt_assert_ok(rb_device_monitor_wait_ready(mon, 5000));
    rbt_assert_int(0, rb_device_monitor_list(mon, NULL, 0));
    rbt_assert_contains(rb_device_monitor_last_error(mon), "usbmuxd");
    simproc_restart(&sim);
    int cur = 0;
    rbt_assert(wait_event(&cur, WANT(.type = RB_DEVICE_ADDED, .ecid = IPHONE11_ECID), 8000, NULL));
    cleanup();
}

static void test_device_monitor__names(void)
{
    rbt_assert_str("normal", rb_device_mode_name(RB_MODE_NORMAL));
    rbt_assert_str("dfu", rb_device_mode_name(RB_MODE_DFU));
    rbt_assert_str("not_paired", rb_trust_state_name(RB_TRUST_NOT_PAIRED));
    rbt_assert_str("unknown", rb_trust_state_name((rb_trust_state)42));
    rb_device_monitor_free(NULL);
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_device_monitor_new(NULL, NULL, NULL, NULL));
}

RBT_MAIN(T(test_device_monitor__names), T(test_device_monitor__normal_unpaired),
         T(test_device_monitor__normal_paired), T(test_device_monitor__pair_accepted),
         T(test_device_monitor__pair_refused), T(test_device_monitor__hotplug),
         T(test_device_monitor__same_ecid_through_modes), T(test_device_monitor__exit_recovery),
         T(test_device_monitor__enter_recovery), T(test_device_monitor__unknown_future_model),
         T(test_device_monitor__two_devices), T(test_device_monitor__garbage_and_hangup),
         T(test_device_monitor__slow_device_does_not_block),
         T(test_device_monitor__usbmuxd_restart), T(test_device_monitor__late_usbmuxd))
