/*
 * devices.c - `rescuebay devices [--watch]` and `rescuebay device info|pair|
 * enter-recovery|exit-recovery ID`. JSON shapes and exit codes: docs/cli-devices.md.
 */
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

enum { EXIT_REFUSED = 3, EXIT_PENDING = 4, EXIT_BUTTONS = 5 };

/* Upper bounds of the waits staff can ask for: an hour is already far more than any
 * device needs to answer; larger values are typos. */
#define MAX_TIMEOUT_MS 3600000
#define MAX_WAIT_S 3600

#define DEVICES_USAGE "devices [--watch] [--json] [--timeout MS]"
#define DEVICE_USAGE                                                                        \
    "device info ID [--json] | device pair ID [--wait SECONDS] | "                          \
    "device enter-recovery ID [--no-wait] | device exit-recovery ID [--no-wait]"

static volatile sig_atomic_t g_stop;
static pthread_mutex_t g_out = PTHREAD_MUTEX_INITIALIZER;

static void on_signal(int sig)
{
    (void)sig;
    g_stop = 1;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static void add_str(cJSON *o, const char *key, const char *v)
{
    if (v && *v)
        cJSON_AddStringToObject(o, key, v);
    else
        cJSON_AddNullToObject(o, key);
}

static void add_hex(cJSON *o, const char *key, uint32_t v, int width)
{
    char buf[16];
    if (!v) {
        cJSON_AddNullToObject(o, key);
        return;
    }
    snprintf(buf, sizeof buf, "0x%0*" PRIx32, width, v);
    cJSON_AddStringToObject(o, key, buf);
}

static void add_num(cJSON *o, const char *key, int64_t v)
{
    if (v < 0)
        cJSON_AddNullToObject(o, key);
    else
        cJSON_AddNumberToObject(o, key, (double)v);
}

static void add_bool(cJSON *o, const char *key, int v)
{
    if (v < 0)
        cJSON_AddNullToObject(o, key);
    else
        cJSON_AddBoolToObject(o, key, v);
}

static cJSON *device_json(const rb_device_info *d)
{
    cJSON *o = cJSON_CreateObject();
    char ecid[32], ecid_dec[32];
    snprintf(ecid, sizeof ecid, "0x%016" PRIx64, d->ecid);
    snprintf(ecid_dec, sizeof ecid_dec, "%" PRIu64, d->ecid);
    add_str(o, "name", d->name);
    cJSON_AddBoolToObject(o, "known_model", d->known_model != 0);
    add_str(o, "product_type", d->product_type);
    add_str(o, "hardware_model", d->hardware_model);
    add_str(o, "device_class", d->device_class);
    cJSON_AddStringToObject(o, "mode", rb_device_mode_name(d->mode));
    cJSON_AddBoolToObject(o, "connected", d->connected != 0);
    cJSON_AddStringToObject(o, "trust", rb_trust_state_name(d->trust));
    add_str(o, "udid", d->udid);
    add_str(o, "ecid", d->ecid ? ecid : NULL);
    add_str(o, "ecid_decimal", d->ecid ? ecid_dec : NULL);
    add_hex(o, "cpid", d->cpid, 4);
    add_hex(o, "bdid", d->bdid, 2);
    add_hex(o, "usb_product_id", d->usb_product_id, 4);
    add_str(o, "ios_version", d->ios_version);
    add_str(o, "build_version", d->build_version);
    add_str(o, "serial", d->serial);
    add_str(o, "imei", d->imei);
    add_str(o, "device_name", d->device_name);
    add_str(o, "activation_state", d->activation_state);
    add_num(o, "battery_percent", d->battery_percent);
    add_bool(o, "battery_charging", d->battery_charging);
    add_bool(o, "find_my", d->find_my);
    add_num(o, "disk_total_bytes", d->disk_total_bytes);
    add_num(o, "disk_free_bytes", d->disk_free_bytes);
    add_str(o, "location", d->location);
    add_str(o, "port", d->location);
    add_str(o, "port_label", d->port_label);
    add_num(o, "usb_bus", d->usb_bus);
    add_num(o, "usb_address", d->usb_address);
    add_str(o, "note", d->note);
    return o;
}

/* "iPhone 11 (iPhone12,1) — normal, not trusted: ask the customer to unlock and tap Trust" */
static void headline(const rb_device_info *d, char *buf, size_t cap)
{
    char model[160];
    if (d->known_model && d->product_type[0])
        snprintf(model, sizeof model, "%s (%s)", d->name, d->product_type);
    else if (d->product_type[0] && d->cpid)
        snprintf(model, sizeof model, "%s (unknown model, CPID 0x%04" PRIx32 " BDID 0x%02" PRIx32 ")",
                 d->product_type, d->cpid, d->bdid);
    else if (d->product_type[0])
        snprintf(model, sizeof model, "%s (unknown model)", d->product_type);
    else
        snprintf(model, sizeof model, "%s (unknown model)", d->name[0] ? d->name : "Apple device");
    /* The state is described here; what to do next is the engine's rule and sentence,
     * the same the kiosk's card shows. */
    const char *state;
    switch (d->mode) {
    case RB_MODE_NORMAL:
        switch (d->trust) {
        case RB_TRUST_PAIRED: state = "normal, trusted"; break;
        case RB_TRUST_NOT_PAIRED: state = "normal, not trusted"; break;
        case RB_TRUST_PENDING: state = "normal, Trust prompt showing"; break;
        case RB_TRUST_REFUSED: state = "normal, trust refused"; break;
        default: state = "normal, checking trust"; break;
        }
        break;
    case RB_MODE_RECOVERY: state = "recovery mode"; break;
    case RB_MODE_DFU: state = "DFU mode"; break;
    case RB_MODE_RESTORE: state = "restore mode (restoring)"; break;
    default: state = "mode unknown"; break;
    }
    const char *next = rb_next_action_text(rb_guide_next_action(d, NULL));
    snprintf(buf, cap, "%s \xe2\x80\x94 %s%s%s%s", model, state, next[0] ? ": " : "", next,
             d->connected ? "" : " (disconnected, waiting for it to come back)");
}

static void print_device_short(const rb_device_info *d)
{
    char line[512];
    headline(d, line, sizeof line);
    cli_printf("%s\n", line);
    cli_printf("    ");
    if (d->port_label[0])
        cli_printf("Port %s (%s) · ", d->port_label, d->location);
    else if (d->location[0])
        cli_printf("Port %s · ", d->location);
    if (d->ios_version[0])
        cli_printf("iOS %s%s%s%s · ", d->ios_version, d->build_version[0] ? " (" : "",
               d->build_version, d->build_version[0] ? ")" : "");
    if (d->ecid)
        cli_printf("ECID 0x%016" PRIx64 " · ", d->ecid);
    cli_printf("UDID %s\n", d->udid[0] ? d->udid : "-");
    if (d->note[0])
        cli_printf("    note: %s\n", d->note);
}

static void print_device_long(const rb_device_info *d)
{
    char line[512];
    headline(d, line, sizeof line);
    cli_printf("%s\n", line);
#define ROW(label, ...)                                                                     \
    do {                                                                                    \
        cli_printf("  %-14s", label);                                                           \
        cli_printf(__VA_ARGS__);                                                                \
        cli_printf("\n");                                                                       \
    } while (0)
    ROW("Mode:", "%s", rb_device_mode_name(d->mode));
    if (d->location[0])
        ROW("Port:", "%s%s%s%s", d->port_label[0] ? d->port_label : "", d->port_label[0] ? " (" : "",
            d->location, d->port_label[0] ? ")" : "");
    ROW("Trust:", "%s", rb_trust_state_name(d->trust));
    if (d->ios_version[0])
        ROW("iOS:", "%s (%s)", d->ios_version, d->build_version[0] ? d->build_version : "?");
    if (d->serial[0])
        ROW("Serial:", "%s", d->serial);
    if (d->ecid)
        ROW("ECID:", "0x%016" PRIx64 " (%" PRIu64 ")", d->ecid, d->ecid);
    if (d->udid[0])
        ROW("UDID:", "%s", d->udid);
    if (d->hardware_model[0] || d->cpid)
        ROW("Board:", "%s (CPID 0x%04" PRIx32 ", BDID 0x%02" PRIx32 ")",
            d->hardware_model[0] ? d->hardware_model : "?", d->cpid, d->bdid);
    if (d->device_name[0])
        ROW("Device name:", "%s", d->device_name);
    if (d->imei[0])
        ROW("IMEI:", "%s", d->imei);
    if (d->battery_percent >= 0)
        ROW("Battery:", "%d %%%s", d->battery_percent,
            d->battery_charging == 1 ? ", charging" : "");
    if (d->disk_total_bytes >= 0)
        ROW("Storage:", "%.1f GB free of %.1f GB",
            d->disk_free_bytes >= 0 ? (double)d->disk_free_bytes / 1e9 : 0.0,
            (double)d->disk_total_bytes / 1e9);
    if (d->activation_state[0])
        ROW("Activation:", "%s", d->activation_state);
    if (d->find_my >= 0)
        ROW("Find My:", "%s", d->find_my ? "on (turn it off before erasing)" : "off");
    if (d->note[0])
        ROW("Note:", "%s", d->note);
#undef ROW
}

/* ---- devices [--watch] ---- */

static void watch_cb(const rb_device_event *ev, void *payload)
{
    struct cli *c = payload;
    const char *what = ev->type == RB_DEVICE_ADDED     ? "added"
                       : ev->type == RB_DEVICE_CHANGED ? "changed"
                                                       : "removed";
    pthread_mutex_lock(&g_out);
    if (c->json) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "event", what);
        cJSON_AddItemToObject(o, "device", device_json(ev->device));
        cli_print_json_line(o);
    } else {
        char line[512];
        headline(ev->device, line, sizeof line);
        cli_printf("%-8s %s\n", what, line);
    }
    fflush(stdout);
    pthread_mutex_unlock(&g_out);
}

static int open_monitor(struct cli *c, rb_device_monitor **mon, rb_device_event_cb cb,
                        int timeout_ms)
{
    rb_status st = rb_device_monitor_new(mon, cli_context(c), cb, c);
    if (st != RB_OK)
        return cli_fail(c, st, "cannot watch devices");
    if (rb_device_monitor_wait_ready(*mon, timeout_ms) != RB_OK &&
        rb_device_monitor_usbmuxd_state(*mon) != RB_USBMUXD_ASKING)
        cli_eprintf("%s: some devices did not answer within %d ms\n", c->prog, timeout_ms);
    return CLI_OK;
}

int cli_devices(struct cli *c, int argc, char **argv)
{
    bool watch = false;
    int timeout_ms = 5000;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        if (strcmp(argv[i], "--watch") == 0 || strcmp(argv[i], "-w") == 0) {
            watch = true;
        } else if (cli_opt(argc, argv, &i, "--timeout", &v)) {
            long long ms;
            if (!v || cli_parse_int(c, "--timeout", v, 0, MAX_TIMEOUT_MS, &ms) != CLI_OK)
                return CLI_USAGE;
            timeout_ms = (int)ms;
        } else if (cli_is_help(argv[i])) {
            return cli_help(c, DEVICES_USAGE);
        } else {
            return cli_unknown(c, argv[i][0] == '-' ? "option" : "argument", argv[i], NULL, 0,
                               DEVICES_USAGE);
        }
    }
    rb_device_monitor *mon = NULL;
    if (watch) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        signal(SIGPIPE, SIG_IGN);
        rb_status st = rb_device_monitor_new(&mon, cli_context(c), watch_cb, c);
        if (st != RB_OK)
            return cli_fail(c, st, "cannot watch devices");
        while (!g_stop && !ferror(stdout))
            sleep_ms(100);
        rb_device_monitor_free(mon);
        return CLI_OK;
    }
    int rc = open_monitor(c, &mon, NULL, timeout_ms);
    if (rc != CLI_OK)
        return rc;
    size_t n = rb_device_monitor_list(mon, NULL, 0);
    rb_device_info *list = calloc(n ? n : 1, sizeof *list);
    if (!list) {
        rb_device_monitor_free(mon);
        return cli_fail(c, RB_ERR_NOMEM, "out of memory");
    }
    n = rb_device_monitor_list(mon, list, n);
    switch (rb_device_monitor_usbmuxd_state(mon)) {
    case RB_USBMUXD_NOT_RUNNING:
        cli_eprintf("%s: usbmuxd is not running: devices in normal mode cannot be seen\n",
                c->prog);
        break;
    case RB_USBMUXD_ASKING:
        cli_eprintf("%s: usbmuxd did not answer within %d ms: devices in normal mode cannot "
                "be seen; restart usbmuxd\n", c->prog, timeout_ms);
        break;
    case RB_USBMUXD_BAD_ANSWER:
        cli_eprintf("%s: %s\n", c->prog, rb_device_monitor_last_error(mon));
        break;
    default:
        break;
    }
    if (c->json) {
        cJSON *root = cJSON_CreateObject();
        cJSON *arr = cJSON_AddArrayToObject(root, "devices");
        for (size_t i = 0; i < n; i++)
            cJSON_AddItemToArray(arr, device_json(&list[i]));
        cli_print_json(root);
    } else if (n == 0) {
        cli_printf("No devices connected.\n");
    } else {
        for (size_t i = 0; i < n; i++)
            print_device_short(&list[i]);
    }
    free(list);
    rb_device_monitor_free(mon);
    return CLI_OK;
}

/* ---- device info|pair|enter-recovery|exit-recovery ID ---- */

static int device_fail(struct cli *c, rb_device_monitor *mon, rb_status st, const char *what)
{
    const char *detail = rb_device_monitor_last_error(mon);
    int rc = cli_fail(c, st, "%s: %s", what, detail && *detail ? detail : rb_strerror(st));
    if (st == RB_ERR_PAIR_REFUSED)
        rc = EXIT_REFUSED;
    else if (st == RB_ERR_PAIR_PENDING)
        rc = EXIT_PENDING;
    else if (st == RB_ERR_NEEDS_BUTTONS)
        rc = EXIT_BUTTONS;
    return rc;
}

static void print_result(struct cli *c, const char *result, const rb_device_info *d)
{
    if (c->json) {
        cJSON *root = cJSON_CreateObject();
        if (result)
            cJSON_AddStringToObject(root, "result", result);
        cJSON_AddItemToObject(root, "device", device_json(d));
        cli_print_json(root);
    } else {
        print_device_long(d);
    }
}

/* Polls until `done` says the device reached the wanted state or time runs out. */
static bool wait_for(rb_device_monitor *mon, const char *id, rb_device_info *d, int seconds,
                     bool (*done)(const rb_device_info *))
{
    for (long waited = 0; waited <= seconds * 1000L && !g_stop; waited += 100) {
        if (rb_device_monitor_find(mon, id, d) == RB_OK && done(d))
            return true;
        sleep_ms(100);
    }
    return false;
}

static bool trust_settled(const rb_device_info *d)
{
    return d->trust == RB_TRUST_PAIRED || d->trust == RB_TRUST_REFUSED;
}
static bool trusted_read(const rb_device_info *d)
{
    return d->trust == RB_TRUST_PAIRED && (d->battery_percent >= 0 || d->activation_state[0]);
}
static bool in_recovery(const rb_device_info *d)
{
    return d->connected && d->mode == RB_MODE_RECOVERY;
}
static bool booted(const rb_device_info *d)
{
    return d->connected && d->mode == RB_MODE_NORMAL && d->trust != RB_TRUST_UNKNOWN;
}

int cli_device(struct cli *c, int argc, char **argv)
{
    if (argc < 2)
        return cli_usage(c, DEVICE_USAGE);
    if (cli_is_help(argv[1]) || strcmp(argv[1], "help") == 0)
        return cli_help(c, DEVICE_USAGE);
    const char *verb = argv[1], *id = NULL;
    int wait_s = 120, timeout_ms = 8000;
    bool no_wait = false;
    for (int i = 2; i < argc; i++) {
        const char *v = NULL;
        long long n;
        if (cli_is_help(argv[i])) {
            return cli_help(c, DEVICE_USAGE);
        } else if (cli_opt(argc, argv, &i, "--wait", &v)) {
            if (!v || cli_parse_int(c, "--wait", v, 0, MAX_WAIT_S, &n) != CLI_OK)
                return CLI_USAGE;
            wait_s = (int)n;
        } else if (cli_opt(argc, argv, &i, "--timeout", &v)) {
            if (!v || cli_parse_int(c, "--timeout", v, 0, MAX_TIMEOUT_MS, &n) != CLI_OK)
                return CLI_USAGE;
            timeout_ms = (int)n;
        } else if (strcmp(argv[i], "--no-wait") == 0) {
            no_wait = true;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_unknown(c, "option", argv[i], NULL, 0, DEVICE_USAGE);
        } else if (id) {
            return cli_unknown(c, "argument", argv[i], NULL, 0, DEVICE_USAGE);
        } else {
            id = argv[i];
        }
    }
    bool info = strcmp(verb, "info") == 0, pair = strcmp(verb, "pair") == 0;
    bool enter = strcmp(verb, "enter-recovery") == 0, exitr = strcmp(verb, "exit-recovery") == 0;
    static const char *const verbs[] = {"info", "pair", "enter-recovery", "exit-recovery"};
    if (!(info || pair || enter || exitr))
        return cli_unknown(c, "device command", verb, verbs, 4, DEVICE_USAGE);
    if (!id)
        return cli_usage(c, DEVICE_USAGE);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    rb_device_monitor *mon = NULL;
    rb_status st = rb_device_monitor_new_for(&mon, cli_context(c), NULL, c, id);
    if (st != RB_OK)
        return cli_fail(c, st, "cannot watch devices");
    int rc = CLI_OK;
    rb_device_info d;
    /* Only this device matters: no need to wait for every other bay to answer. */
    st = rb_device_monitor_wait_device(mon, id, timeout_ms, &d);
    if (st == RB_ERR_TIMEOUT && rb_device_monitor_find(mon, id, &d) == RB_OK) {
        cli_eprintf("%s: %s\n", c->prog, rb_device_monitor_last_error(mon));
        st = RB_OK;
    }
    if (st != RB_OK && rb_device_monitor_usbmuxd_state(mon) == RB_USBMUXD_ASKING) {
        rc = cli_fail(c, st, "usbmuxd did not answer within %d ms, so %s cannot be seen in "
                      "normal mode; restart usbmuxd", timeout_ms, id);
        rb_device_monitor_free(mon);
        return rc;
    }
    if (st != RB_OK) {
        rc = cli_fail(c, st, "no connected device has the id %s (run '%s devices')", id, c->prog);
        rb_device_monitor_free(mon);
        return rc;
    }
    if (info) {
        print_result(c, NULL, &d);
    } else if (pair) {
        st = rb_device_pair(mon, id);
        if (st == RB_ERR_PAIR_PENDING && wait_s > 0) {
            cli_eprintf("%s: %s; waiting up to %d s...\n", c->prog,
                    rb_device_monitor_last_error(mon), wait_s);
            if (wait_for(mon, id, &d, wait_s, trust_settled))
                st = d.trust == RB_TRUST_PAIRED ? RB_OK : RB_ERR_PAIR_REFUSED;
        }
        if (st == RB_OK) {
            /* Pairing triggers a trusted read; show its values. */
            wait_for(mon, id, &d, 3, trusted_read);
            rb_device_monitor_find(mon, id, &d);
            print_result(c, "paired", &d);
        } else if (st == RB_ERR_PAIR_REFUSED) {
            rc = cli_fail(c, st, "the customer tapped Don't Trust on %s", id);
            rc = EXIT_REFUSED;
        } else {
            rc = device_fail(c, mon, st, "pairing failed");
        }
    } else {
        st = enter ? rb_device_enter_recovery(mon, id) : rb_device_exit_recovery(mon, id);
        if (st != RB_OK) {
            rc = device_fail(c, mon, st, enter ? "cannot enter recovery" : "cannot exit recovery");
        } else if (no_wait) {
            print_result(c, "sent", &d);
        } else if (wait_for(mon, id, &d, 60, enter ? in_recovery : booted)) {
            print_result(c, enter ? "recovery" : "normal", &d);
        } else {
            rc = cli_fail(c, RB_ERR_TIMEOUT, "the device did not come back in %s mode within 60 s",
                          enter ? "recovery" : "normal");
        }
    }
    rb_device_monitor_free(mon);
    return rc;
}
