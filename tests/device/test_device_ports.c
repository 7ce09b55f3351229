/*
 * test_device_ports.c - bays are physical ports: the port names (setting ports.names), the
 * one bay order rule, the sysfs lookup on a fake tree, and against rescuebay-sim the port
 * of normal and recovery devices across replugs and mode changes, and usbmuxd's state
 * when the daemon stops and starts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "device/device_private.h"
#include "rbtest.h"
#include "rescuebay/context.h"
#include "rescuebay/device.h"
#include "simproc.h"

static rb_device_info dev(const char *port, const char *label, uint32_t seen)
{
    rb_device_info d;
    memset(&d, 0, sizeof d);
    snprintf(d.location, sizeof d.location, "%s", port);
    snprintf(d.port_label, sizeof d.port_label, "%s", label);
    d.seen_order = seen;
    return d;
}

static int cmp(const void *a, const void *b)
{
    return rb_device_order_compare(a, b);
}

static void test_device_ports__order_rule(void)
{
    /* named by label (natural: 2 before 10), then unnamed by path (1-1.9 before 1-1.10),
     * then unknown ports in first-seen order */
    rb_device_info v[] = {dev("", "", 7),          dev("1-1.10", "", 1), dev("1-4", "10", 2),
                          dev("", "", 3),          dev("1-1.9", "", 4),  dev("2-1", "2", 5),
                          dev("1-2", "Counter", 6)};
    qsort(v, sizeof v / sizeof *v, sizeof *v, cmp);
    const char *want[] = {"2-1", "1-4", "1-2", "1-1.9", "1-1.10", "", ""};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++)
        rbt_assert_str(want[i], v[i].location);
    rbt_assert_int(3, v[5].seen_order);
    rbt_assert_int(7, v[6].seen_order);
    rb_device_info a = dev("1-1", "", 1), b = dev("1-1", "", 1);
    rbt_assert_int(0, rb_device_order_compare(&a, &b));
}

static void test_device_ports__labels(void)
{
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
    rbt_assert_int(0, rb_device_port_labels(NULL, 0, ctx));
    rbt_assert_ok(rb_device_set_port_label(ctx, "1-1.3", "10"));
    rbt_assert_ok(rb_device_set_port_label(ctx, "1-1.2", "2"));
    rbt_assert_ok(rb_device_set_port_label(ctx, "3-1", "1"));
    rb_port_label l[8];
    rbt_assert_int(3, rb_device_port_labels(l, 8, ctx));
    rbt_assert_str("3-1", l[0].port);
    rbt_assert_str("1-1.2", l[1].port);
    rbt_assert_str("10", l[2].label);
    char out[32];
    rbt_assert_int(1, rb_device_port_label(out, sizeof out, ctx, "1-1.2"));
    rbt_assert_str("2", out);
    rbt_assert_int(0, rb_device_port_label(out, sizeof out, ctx, "1-9"));
    rbt_assert_str("", out);
    /* a label moves: "1" now names 1-1.3, and 3-1 is unnamed */
    rbt_assert_ok(rb_device_set_port_label(ctx, "1-1.3", "1"));
    rbt_assert_int(0, rb_device_port_label(out, sizeof out, ctx, "3-1"));
    rbt_assert_int(2, rb_device_port_labels(l, 8, ctx));
    /* unnaming */
    rbt_assert_ok(rb_device_set_port_label(ctx, "1-1.2", NULL));
    rbt_assert_int(1, rb_device_port_labels(l, 8, ctx));
    /* refused with the reason */
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_device_set_port_label(ctx, "1-1", "a;b"));
    rbt_assert_contains(rb_context_last_error(ctx), "';'");
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_device_set_port_label(ctx, "../x", "1"));
    rbt_assert_contains(rb_context_last_error(ctx), "not a USB port path");
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_device_set_port_label(ctx, "1-1", "a\tb"));
    rbt_assert_int(RB_ERR_INVALID_ARG,
                   rb_device_set_port_label(ctx, "1-1", "a label far too long for a port bay"));
    /* a damaged setting: bad entries skipped, good ones kept */
    rbt_assert_ok(rb_context_set_setting(ctx, "ports.names",
                                         "garbage;1-2=A;=x;1-3=;x-1=B;1-4=B=C;;1-5=C"));
    rbt_assert_int(2, rb_device_port_labels(l, 8, ctx));
    rbt_assert_str("A", l[0].label);
    rbt_assert_str("1-5", l[1].port);
    rb_context_free(ctx);
    rbt_assert_int(0, rb_device_port_labels(l, 8, NULL));
}

static void put(const char *dir, const char *name, const char *text)
{
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    mkdir(dir, 0755);
    rbt_write_file(p, text, strlen(text));
}

static void test_device_ports__sysfs_lookup(void)
{
    char root[600], d[800];
    snprintf(root, sizeof root, "%s/sysfs", rbt_tmpdir());
    mkdir(root, 0755);
    /* a root hub and an interface carry numbers too but are never the phone */
    snprintf(d, sizeof d, "%s/usb1", root);
    put(d, "busnum", "1\n"), put(d, "devnum", "5\n");
    snprintf(d, sizeof d, "%s/1-1.2:1.0", root);
    put(d, "busnum", "1\n"), put(d, "devnum", "5\n");
    snprintf(d, sizeof d, "%s/1-1", root);
    put(d, "busnum", "1\n"), put(d, "devnum", "3\n");
    snprintf(d, sizeof d, "%s/1-1.2", root);
    put(d, "busnum", "1\n"), put(d, "devnum", "5\n");
    snprintf(d, sizeof d, "%s/2-3", root);
    put(d, "busnum", "garbage"), put(d, "devnum", "5\n");
    setenv("RB_USB_SYSFS_ROOT", root, 1);
    char out[32];
    rbt_assert_int(0, rb__dev_sysfs_port(out, sizeof out, 1, 5));
    rbt_assert_str("1-1.2", out);
    rbt_assert_int(-1, rb__dev_sysfs_port(out, sizeof out, 2, 5));
    rbt_assert_str("", out);
    rb_device_info info;
    rb__dev_info_init(&info);
    rb__dev_port_from_location(&info, (1u << 16) | 3u);
    rbt_assert_str("1-1", info.location);
    rbt_assert_int(1, info.usb_bus);
    rbt_assert_int(3, info.usb_address);
    setenv("RB_USB_SYSFS_ROOT", "/nonexistent/sysfs", 1);
    rbt_assert_int(-1, rb__dev_sysfs_port(out, sizeof out, 1, 5));
    unsetenv("RB_USB_SYSFS_ROOT");
}

/* ---- against the simulator ---- */

#define PHONE                                                                               \
    "[sim]\nreboot_ms = 200\n"                                                              \
    "[device phone]\nmode = normal\nproduct_type = iPhone12,1\ncpid = 0x8030\nbdid = 0x04\n" \
    "ecid = 0x001A2B3C4D5E6F70\nudid = 00008030-001A2B3C4D5E6F70\npaired = no\n"            \
    "port = 1-1.2\n"                                                                        \
    "[device ipad]\nmode = recovery\nproduct_type = iPad7,11\ncpid = 0x8010\nbdid = 0x1a\n" \
    "ecid = 0x0000123456789ABC\nport = 1-3\n"
#define PHONE_ECID "0x001A2B3C4D5E6F70"
#define IPAD_ECID "0x0000123456789ABC"

static struct simproc *g_sim;
static rb_device_monitor *g_mon;
static rb_context *g_ctx;

static void cleanup(void)
{
    rb_device_monitor_free(g_mon);
    g_mon = NULL;
    rb_context_free(g_ctx);
    g_ctx = NULL;
    if (g_sim)
        simproc_kill(g_sim);
    g_sim = NULL;
}

static rb_device_monitor *start(struct simproc *sim)
{
    /* A failed case's monitor and sim go at the next start or at exit: a teardown is not a
     * test case of its own. */
    static bool at_exit;
    if (!at_exit)
        at_exit = atexit(cleanup) == 0;
    cleanup();
    simproc_start(sim, rbt_tmpdir(), PHONE);
    g_sim = sim;
    char root[600];
    snprintf(root, sizeof root, "%s.usb", sim->sock);
    setenv("RB_USB_SYSFS_ROOT", root, 1);
    char home[600];
    snprintf(home, sizeof home, "%s/home", rbt_tmpdir());
    rbt_assert_ok(rb_context_new(&g_ctx, home));
    rbt_assert_ok(rb_device_monitor_new(&g_mon, g_ctx, NULL, NULL));
    rbt_assert_ok(rb_device_monitor_wait_ready(g_mon, 10000));
    return g_mon;
}

/* Waits until device `id` is connected on `port` with `mode` (the state itself, under a
 * deadline); returns its last snapshot. */
static rb_device_info wait_port(const char *id, const char *port, rb_device_mode mode)
{
    rb_device_info d;
    memset(&d, 0, sizeof d);
    for (int i = 0; i < 400; i++) {
        if (rb_device_monitor_find(g_mon, id, &d) == RB_OK && d.connected && d.mode == mode &&
            strcmp(d.location, port) == 0)
            return d;
        nanosleep(&(struct timespec){0, 25 * 1000000L}, NULL);
    }
    rbt_fail(__FILE__, __LINE__, "%s: wanted port %s in mode %s, have \"%s\" in %s", id, port,
             rb_device_mode_name(mode), d.location, rb_device_mode_name(d.mode));
    return d;
}

static void test_device_ports__replug_normal_and_recovery(void)
{
    static struct simproc sim;
    start(&sim);
    rb_device_info p = wait_port(PHONE_ECID, "1-1.2", RB_MODE_NORMAL);
    rbt_assert_int(1, p.usb_bus);
    rbt_assert(p.usb_address > 1);
    rbt_assert_int((1u << 16) | (uint32_t)p.usb_address, p.usb_location);
    rb_device_info r = wait_port(IPAD_ECID, "1-3", RB_MODE_RECOVERY);
    rbt_assert_int(1, r.usb_bus);
    /* into another port: same device, new port, new address */
    rbt_assert_int(0, simproc_ctl(&sim, "replug phone 2-4.1"));
    rb_device_info p2 = wait_port(PHONE_ECID, "2-4.1", RB_MODE_NORMAL);
    rbt_assert_int(2, p2.usb_bus);
    rbt_assert(p2.usb_address != p.usb_address);
    rbt_assert_int(0, simproc_ctl(&sim, "replug ipad 1-1.4"));
    wait_port(IPAD_ECID, "1-1.4", RB_MODE_RECOVERY);
    /* a mode change re-enumerates on the same port: the port stays */
    rbt_assert_int(0, simproc_ctl(&sim, "reboot phone recovery"));
    wait_port(PHONE_ECID, "2-4.1", RB_MODE_RECOVERY);
    rbt_assert_int(0, simproc_ctl(&sim, "reboot phone normal"));
    wait_port(PHONE_ECID, "2-4.1", RB_MODE_NORMAL);
    rbt_assert_int(2, rb_device_monitor_list(g_mon, NULL, 0));
    rbt_assert_int(1, simproc_ctl(&sim, "replug phone not-a-port"));
    cleanup();
}

static void test_device_ports__names_order_the_bays(void)
{
    static struct simproc sim;
    start(&sim);
    wait_port(PHONE_ECID, "1-1.2", RB_MODE_NORMAL);
    wait_port(IPAD_ECID, "1-3", RB_MODE_RECOVERY);
    rb_device_info l[4];
    rbt_assert_int(2, rb_device_monitor_list(g_mon, l, 4));
    rbt_assert_str("1-1.2", l[0].location); /* unnamed: by path */
    rbt_assert_ok(rb_device_monitor_set_port_label(g_mon, "1-3", "1"));
    rbt_assert_ok(rb_device_monitor_set_port_label(g_mon, "1-1.2", "2"));
    rbt_assert_int(2, rb_device_monitor_list(g_mon, l, 4));
    rbt_assert_str("1-3", l[0].location);
    rbt_assert_str("1", l[0].port_label);
    rbt_assert_str("2", l[1].port_label);
    /* only the first bay fits: it is the first by the rule, not the first seen */
    rbt_assert_int(2, rb_device_monitor_list(g_mon, l, 1));
    rbt_assert_str("1-3", l[0].location);
    /* the name stays with the port: a phone replugged there gets it */
    rbt_assert_int(0, simproc_ctl(&sim, "replug phone 1-4"));
    rb_device_info d = wait_port(PHONE_ECID, "1-4", RB_MODE_NORMAL);
    rbt_assert_str("", d.port_label);
    rbt_assert_int(0, simproc_ctl(&sim, "replug phone 1-1.2"));
    d = wait_port(PHONE_ECID, "1-1.2", RB_MODE_NORMAL);
    rbt_assert_str("2", d.port_label);
    rbt_assert_int(RB_ERR_INVALID_ARG, rb_device_monitor_set_port_label(g_mon, "1-1", "x=y"));
    rbt_assert_contains(rb_device_monitor_last_error(g_mon), "port name");
    cleanup();
}

static rb_usbmuxd_state wait_state(rb_usbmuxd_state want)
{
    rb_usbmuxd_state s = RB_USBMUXD_ASKING;
    for (int i = 0; i < 400 && (s = rb_device_monitor_usbmuxd_state(g_mon)) != want; i++)
        nanosleep(&(struct timespec){0, 25 * 1000000L}, NULL);
    return s;
}

static void test_device_ports__usbmuxd_state_follows_the_daemon(void)
{
    static struct simproc sim;
    start(&sim);
    rbt_assert_int(RB_USBMUXD_OK, rb_device_monitor_usbmuxd_state(g_mon));
    simproc_kill(&sim); /* its socket file goes with it */
    rbt_assert_int(RB_USBMUXD_NOT_RUNNING, wait_state(RB_USBMUXD_NOT_RUNNING));
    rbt_assert_contains(rb_device_monitor_last_error(g_mon), "usbmuxd");
    simproc_restart(&sim);
    rbt_assert_int(RB_USBMUXD_OK, wait_state(RB_USBMUXD_OK));
    cleanup();
}

RBT_MAIN(T(test_device_ports__order_rule), T(test_device_ports__labels),
         T(test_device_ports__sysfs_lookup), T(test_device_ports__replug_normal_and_recovery),
         T(test_device_ports__names_order_the_bays),
         T(test_device_ports__usbmuxd_state_follows_the_daemon))
