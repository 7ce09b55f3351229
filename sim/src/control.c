/* control.c - the sim's private messages on its own muxd socket:
 *   RbSim           {Command: [words]}  -> {Ok, Text}   (rescuebay-sim ctl)
 *   RbSimUsbList    {}                  -> {Devices: [...]}   (fake libusb)
 *   RbSimUsbControl {ECID, Gen, RequestType, Request, Value, Index, Length, Data}
 *                                       -> {Return, Data}
 * Keeping them on the muxd socket means USBMUXD_SOCKET_ADDRESS is all a client needs. */
#include "sim.h"
#include "hostile.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sim_env_set(struct sim_env *env, int *n, const char *k, const char *v)
{
    for (int i = 0; i < *n; i++)
        if (!strcmp(env[i].key, k)) {
            snprintf(env[i].val, sizeof env[i].val, "%s", v);
            return;
        }
    if (*n < SIM_MAX_ENV) {
        snprintf(env[*n].key, sizeof env[*n].key, "%s", k);
        snprintf(env[*n].val, sizeof env[*n].val, "%s", v);
        (*n)++;
    }
}

static const char *env_get(const struct sim_env *env, int n, const char *k)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(env[i].key, k))
            return env[i].val;
    return NULL;
}

char *sim_iboot_serial(const struct sim_device *d)
{
    char *s = malloc(256);
    if (!s)
        return NULL;
    if (d->mode == SIM_DFU)
        snprintf(s, 256,
                 "CPID:%04" PRIX32 " CPRV:11 CPFM:03 SCEP:01 BDID:%02" PRIX32
                 " ECID:%016" PRIX64 " IBFL:3C SRTG:[%s]",
                 d->p.cpid, d->p.bdid, d->p.ecid, d->p.iboot);
    else
        snprintf(s, 256,
                 "SDOM:01 CPID:%04" PRIX32 " CPRV:11 CPFM:03 SCEP:01 BDID:%02" PRIX32
                 " ECID:%016" PRIX64 " IBFL:3D SRNM:[%s]%s%s%s",
                 d->p.cpid, d->p.bdid, d->p.ecid, d->p.serial,
                 strcmp(d->p.device_class, "iPhone") ? "" : " IMEI:[",
                 strcmp(d->p.device_class, "iPhone") ? "" : d->p.imei,
                 strcmp(d->p.device_class, "iPhone") ? "" : "]");
    return s;
}

static void nonces(const struct sim_device *d, char *out, size_t len)
{
    char nonc[65], snon[41];
    sim_nonce_hex(d, nonc, snon);
    snprintf(out, len, "NONC:%s SNON:%s", nonc, snon);
}

static void usb_list(int fd, uint32_t tag)
{
    plist_t arr = plist_new_array();
    pthread_mutex_lock(&g_sim.lock);
    for (int i = 0; i < g_sim.ndev; i++) {
        struct sim_device *d = &g_sim.dev[i];
        if (!d->attached || d->rebooting || (d->mode != SIM_RECOVERY && d->mode != SIM_DFU))
            continue;
        plist_t e = plist_new_dict();
        char *serial = sim_iboot_serial(d);
        char nonce[160];
        nonces(d, nonce, sizeof nonce);
        plist_dict_set_item(e, "ECID", plist_new_uint(d->p.ecid));
        plist_dict_set_item(e, "Gen", plist_new_uint((uint64_t)d->usb_gen));
        plist_dict_set_item(e, "PID", plist_new_uint(d->mode == SIM_DFU ? 0x1227 : 0x1281));
        plist_dict_set_item(e, "Bus", plist_new_uint((uint64_t)sim_port_bus(d->port)));
        plist_dict_set_item(e, "Address", plist_new_uint((uint64_t)d->usb_addr));
        plist_dict_set_item(e, "Port", plist_new_string(d->port));
        plist_dict_set_item(e, "Serial", plist_new_string(serial ? serial : ""));
        plist_dict_set_item(e, "Nonce", plist_new_string(nonce));
        plist_array_append_item(arr, e);
        free(serial);
    }
    pthread_mutex_unlock(&g_sim.lock);
    plist_t m = plist_new_dict();
    plist_dict_set_item(m, "Devices", arr);
    sim_mux_send(fd, tag, m);
    plist_free(m);
}

/* An iBoot command sent with a 0x40 control transfer. Under lock. */
static void iboot_command(struct sim_device *d, const char *cmd)
{
    char word[32] = "", a[64] = "", b[128] = "";
    if (sscanf(cmd, "%31s %63s %127[^\n]", word, a, b) < 1)
        return;
    if (!strcmp(word, "setenv") && a[0]) {
        size_t n = strlen(b); /* iBoot accepts quoted values */
        if (n >= 2 && b[0] == '"' && b[n - 1] == '"') {
            memmove(b, b + 1, n - 2);
            b[n - 2] = 0;
        }
        sim_env_set(d->env, &d->nenv, a, b);
    } else if (!strcmp(word, "saveenv")) {
        memcpy(d->nv, d->env, sizeof d->nv);
        d->nnv = d->nenv;
    } else if (!strcmp(word, "getenv")) {
        snprintf(d->last_getenv, sizeof d->last_getenv, "%s", a);
    } else if (sim_iboot_command(d, word, cmd)) {
        /* boot commands of a restore (iboot.c) */
    } else if (!strcmp(word, "reboot") || !strcmp(word, "reset")) {
        memcpy(d->env, d->nv, sizeof d->env);
        d->nenv = d->nnv;
        const char *ab = env_get(d->nv, d->nnv, "auto-boot");
        sim_later_mode(d, ab && !strcmp(ab, "true") ? SIM_NORMAL : SIM_RECOVERY);
    }
}

static void usb_control(int fd, uint32_t tag, plist_t req)
{
    uint64_t ecid = 0, gen = 0, rt = 0, rq = 0, len = 0, value = 0;
    sim_dict_uint(req, "Value", &value);
    sim_dict_uint(req, "ECID", &ecid);
    sim_dict_uint(req, "Gen", &gen);
    sim_dict_uint(req, "RequestType", &rt);
    sim_dict_uint(req, "Request", &rq);
    sim_dict_uint(req, "Length", &len);
    plist_t data = plist_dict_get_item(req, "Data");
    uint64_t dlen = 0;
    const char *dp = data && plist_get_node_type(data) == PLIST_DATA
                         ? plist_get_data_ptr(data, &dlen) : NULL;
    int64_t ret = -4; /* LIBUSB_ERROR_NO_DEVICE */
    char out[256] = {0};
    size_t outlen = 0;
    pthread_mutex_lock(&g_sim.lock);
    struct sim_device *d = NULL;
    for (int i = 0; i < g_sim.ndev; i++)
        if (g_sim.dev[i].p.ecid == ecid)
            d = &g_sim.dev[i];
    if (d && d->attached && !d->rebooting && (uint64_t)d->usb_gen == gen &&
        (d->mode == SIM_RECOVERY || d->mode == SIM_DFU)) {
        ret = (int64_t)len;
        if (sim_iboot_control(d, rt, rq, value, dp, dlen, len, out, &outlen, &ret)) {
            /* uploads, DFU states (iboot.c) */
        } else if (rt == 0x40 && (rq == 0 || rq == 1) && d->mode == SIM_RECOVERY) {
            /* bRequest 1: the commands after which iBoot leaves USB (go, bootx, reset), as
             * idevicerestore 2024 sends them through irecv_send_command_breq */
            char cmd[256];
            size_t n = dlen < sizeof cmd - 1 ? (size_t)dlen : sizeof cmd - 1;
            memcpy(cmd, dp ? dp : "", dp ? n : 0);
            cmd[dp ? n : 0] = 0;
            iboot_command(d, cmd);
        } else if (rt == 0xC0 && rq == 0 && d->mode == SIM_RECOVERY) {
            const char *v = env_get(d->env, d->nenv, d->last_getenv);
            snprintf(out, sizeof out, "%s", v ? v : "");
            outlen = strlen(out) + 1;
            if (outlen > len)
                outlen = (size_t)len;
            ret = (int64_t)outlen;
        } else if (rt == 0xA1 && rq == 3) { /* DFU_GETSTATUS: OK, dfuIDLE */
            out[4] = 2;
            outlen = len < 6 ? (size_t)len : 6;
            ret = (int64_t)outlen;
        } else if (rt == 0xA1 && rq == 5) { /* DFU_GETSTATE */
            out[0] = 2;
            outlen = len < 1 ? 0 : 1;
            ret = (int64_t)outlen;
        }
    }
    int slow = d ? d->slow_ms : 0;
    pthread_mutex_unlock(&g_sim.lock);
    sim_msleep(slow);
    plist_t m = plist_new_dict();
    plist_dict_set_item(m, "Return", plist_new_uint((uint64_t)(ret < 0 ? 0 : ret)));
    plist_dict_set_item(m, "Error", plist_new_uint((uint64_t)(ret < 0 ? -ret : 0)));
    plist_dict_set_item(m, "Data", plist_new_data(out, outlen));
    sim_mux_send(fd, tag, m);
    plist_free(m);
}

static cJSON *device_json(const struct sim_device *d)
{
    char ecid[32];
    snprintf(ecid, sizeof ecid, "0x%016" PRIX64, d->p.ecid);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", d->p.name);
    cJSON_AddStringToObject(o, "udid", d->p.udid);
    cJSON_AddStringToObject(o, "ecid", ecid);
    cJSON_AddStringToObject(o, "product_type", d->p.product_type);
    cJSON_AddStringToObject(o, "mode", sim_mode_name(d->mode));
    cJSON_AddBoolToObject(o, "attached", d->attached);
    cJSON_AddBoolToObject(o, "rebooting", d->rebooting);
    cJSON_AddNumberToObject(o, "device_id", d->device_id);
    /* Tests wait on these instead of sleeping: usb_gen moves each time the device appears
     * to libusb again (a reboot in recovery/DFU), connections counts open lockdown links. */
    cJSON_AddNumberToObject(o, "usb_gen", d->usb_gen);
    cJSON_AddNumberToObject(o, "connections", d->nconns);
    cJSON_AddNumberToObject(o, "paired_hosts", d->nhosts);
    static const char *trust[] = {"accept", "refuse", "wait"};
    cJSON_AddStringToObject(o, "trust", trust[d->trust]);
    cJSON_AddNumberToObject(o, "trust_pending", d->trust_pending);
    cJSON_AddNumberToObject(o, "slow_ms", d->slow_ms);
    cJSON_AddStringToObject(o, "ios", d->p.ios_version);
    cJSON_AddStringToObject(o, "build", d->p.build_version);
    cJSON_AddStringToObject(o, "activation", d->p.activation);
    cJSON_AddStringToObject(o, "restore_step", d->rs.step);
    cJSON_AddStringToObject(o, "last_restore", d->rs.last);
    cJSON_AddNumberToObject(o, "tss_requests", d->rs.tss_requests);
    cJSON_AddNumberToObject(o, "usb_claims", d->nclaims);
    cJSON_AddStringToObject(o, "port", d->port);
    cJSON_AddNumberToObject(o, "usb_address", d->usb_addr);
    return o;
}

/* `ctl set` changes what the device reports; identity, mode, plug state and trust have
 * their own commands (or stay as the scenario says). */
static int settable(const char *key)
{
    static const char *keys[] = {
        "product_type", "hardware_model", "device_class", "cpu_arch", "serial", "imei", "ios",
        "ios_version", "build", "build_version", "device_name", "wifi_mac", "iboot",
        "activation", "battery", "charging", "battery_cycles", "disk_total", "disk_free",
        "find_my", "cpid", "bdid", "reboot_ms"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (!strcmp(key, keys[i]))
            return 1;
    return 0;
}

/* Under lock. Returns 0 and fills text, or -1 with the error in text. */
static int run_command(int argc, const char **argv, char **text)
{
    const char *cmd = argc > 0 ? argv[0] : "";
    if (!strcmp(cmd, "list")) {
        cJSON *arr = cJSON_CreateArray();
        for (int i = 0; i < g_sim.ndev; i++)
            cJSON_AddItemToArray(arr, device_json(&g_sim.dev[i]));
        *text = cJSON_PrintUnformatted(arr);
        cJSON_Delete(arr);
        return 0;
    }
    if (!strcmp(cmd, "hostile"))
        return sim_hostile_command(argc, argv, text);
    if (argc < 2) {
        *text = strdup("usage: list | attach|detach|drop|garbage|reset ID | reboot ID MODE | replug ID PORT | "
                       "trust ID accept|refuse | slow ID MS | set ID KEY VALUE | unpair ID | "
                       "hostile muxd|ID MODE | fault ID STEP ACTION|clear|list");
        return -1;
    }
    struct sim_device *d = sim_find(argv[1]);
    if (!d) {
        *text = strdup("no such device (use a scenario name, UDID or ECID)");
        return -1;
    }
    sim_mode m;
    if (!strcmp(cmd, "attach") || !strcmp(cmd, "detach")) {
        sim_restore_interrupted(d);
        sim_set_attached(d, cmd[0] == 'a');
    } else if (!strcmp(cmd, "reboot") && argc > 2 && sim_mode_parse(argv[2], &m) == 0) {
        sim_restore_interrupted(d);
        sim_later_mode(d, m);
    } else if (!strcmp(cmd, "replug") && argc > 2) {
        if (!sim_port_ok(argv[2])) {
            *text = strdup("bad port path (like 1-1.2: bus, dash, ports separated by dots)");
            return -1;
        }
        sim_restore_interrupted(d);
        sim_replug(d, argv[2]);
    } else if (!strcmp(cmd, "trust") && argc > 2 &&
               (!strcmp(argv[2], "accept") || !strcmp(argv[2], "refuse"))) {
        d->trust = argv[2][0] == 'a' ? TRUST_ACCEPT : TRUST_REFUSE;
        d->trust_pending = 0;
    } else if (!strcmp(cmd, "slow") && argc > 2) {
        d->slow_ms = atoi(argv[2]) < 0 ? 0 : atoi(argv[2]);
    } else if (!strcmp(cmd, "drop")) {
        d->drop_next = 1;
    } else if (!strcmp(cmd, "garbage")) {
        d->garbage_next = 1;
    } else if (!strcmp(cmd, "set") && argc > 3 && settable(argv[2])) {
        struct sim_profile np = d->p;
        if (sim_profile_set(&np, argv[2], argv[3]) != 0) {
            *text = strdup("bad key or value");
            return -1;
        }
        d->p = np;
    } else if (!strcmp(cmd, "fault")) {
        return sim_fault_ctl(d, argc, argv, text);
    } else if (!strcmp(cmd, "unpair")) {
        sim_device_unpair(d);
    } else if (!strcmp(cmd, "reset")) {
        sim_device_reset(d);
    } else {
        *text = strdup("unknown command or bad arguments");
        return -1;
    }
    *text = strdup("ok");
    return 0;
}

static void ctl(int fd, uint32_t tag, plist_t req)
{
    plist_t arr = plist_dict_get_item(req, "Command");
    const char *argv[8];
    int argc = 0;
    if (arr && plist_get_node_type(arr) == PLIST_ARRAY)
        for (uint32_t i = 0; i < plist_array_get_size(arr) && argc < 8; i++) {
            plist_t it = plist_array_get_item(arr, i);
            if (plist_get_node_type(it) == PLIST_STRING)
                argv[argc++] = plist_get_string_ptr(it, NULL);
        }
    char *text = NULL;
    pthread_mutex_lock(&g_sim.lock);
    int rc = run_command(argc, argv, &text);
    pthread_mutex_unlock(&g_sim.lock);
    plist_t m = plist_new_dict();
    plist_dict_set_item(m, "Ok", plist_new_bool(rc == 0));
    plist_dict_set_item(m, "Text", plist_new_string(text ? text : ""));
    sim_mux_send(fd, tag, m);
    plist_free(m);
    free(text);
}

void sim_control_handle(int fd, uint32_t tag, plist_t req)
{
    const char *mt = sim_dict_str(req, "MessageType");
    if (!strcmp(mt, "RbSimUsbList"))
        usb_list(fd, tag);
    else if (!strcmp(mt, "RbSimUsbBulk") || !strcmp(mt, "RbSimUsbReset") ||
             !strcmp(mt, "RbSimUsbClaim"))
        sim_iboot_message(fd, tag, req, mt);
    else if (!strcmp(mt, "RbSimEnv")) {
        plist_t m = plist_new_dict();
        plist_dict_set_item(m, "TssPort", plist_new_uint((uint64_t)g_sim.tss_port));
        plist_dict_set_item(m, "UsbSysfsRoot", plist_new_string(sim_usb_root()));
        sim_mux_send(fd, tag, m);
        plist_free(m);
    }
    else if (!strcmp(mt, "RbSimUsbControl"))
        usb_control(fd, tag, req);
    else
        ctl(fd, tag, req);
}
