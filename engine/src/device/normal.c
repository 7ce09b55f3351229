/*
 * device/normal.c - devices seen through usbmuxd: normal and restore mode.
 *
 * Each attach starts a worker that reads lockdownd twice: first the public values
 * (one GetValue without a session, as `ideviceinfo -s` does; this is what makes the
 * device appear within milliseconds), then, only if a pair record exists, the private
 * values, battery, disk usage and Find My in a TLS session. A pair record is looked up
 * first because lockdownd_client_new_with_handshake would otherwise start pairing and
 * pop a Trust prompt the staff did not ask for.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libimobiledevice/libimobiledevice.h>
#include <libimobiledevice/lockdown.h>
#include <libimobiledevice/restore.h>
#include <openssl/crypto.h>
#include <plist/plist.h>
#include <usbmuxd.h>

#include "device/device_private.h"
#include "device/lockdown_client_private.h"

#define LABEL "rescuebay"
/* Asking usbmuxd for the port: a local daemon answers in a millisecond. */
#define PORT_TIMEOUT_MS 1500
/* The whole public read (docs/cli-devices.md: a device that has not finished answering by
 * then is given up with a note, however it spreads its bytes). */
#define PUBLIC_TIMEOUT_MS 5000
#define PAIR_RETRY_MS 1000
#define PAIR_GIVE_UP_MS (10 * 60 * 1000)

struct job {
    rb_device_monitor *mon;
    char udid[64];
    unsigned gen;
    uint32_t handle;  /* usbmuxd DeviceID (0: match by UDID) */
};

/* ---- reading values ---- */

static void note(rb_device_info *info, const char *fmt, ...) RB_PRINTF(2, 3);
static void note(rb_device_info *info, const char *fmt, ...)
{
    if (info->note[0])
        return; /* the first problem is the one to show */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(info->note, sizeof info->note, fmt, ap);
    va_end(ap);
}

static const char *lerr(lockdownd_error_t e)
{
    switch (e) {
    case LOCKDOWN_E_PLIST_ERROR: return "a malformed plist";
    case LOCKDOWN_E_MUX_ERROR: return "a broken connection (it hung up)";
    case LOCKDOWN_E_UNKNOWN_ERROR: return "a failure or a cut-off answer";
    case LOCKDOWN_E_RECEIVE_TIMEOUT: return "no answer in time";
    case LOCKDOWN_E_SSL_ERROR: return "a failed TLS handshake";
    default: return lockdownd_strerror(e);
    }
}

/* Copies a string value; a value of the wrong type is a lying device, noted. */
static void get_str(plist_t dict, const char *key, char *dst, size_t cap, rb_device_info *info)
{
    plist_t n = plist_dict_get_item(dict, key);
    if (!n)
        return;
    if (plist_get_node_type(n) != PLIST_STRING) {
        note(info, "lockdownd gave %s as a non-string value", key);
        return;
    }
    uint64_t len = 0;
    const char *s = plist_get_string_ptr(n, &len);
    if (s)
        rb__dev_copy(dst, cap, s);
}

static int64_t get_int(plist_t dict, const char *key)
{
    plist_t n = plist_dict_get_item(dict, key);
    if (!n)
        return -1;
    if (plist_get_node_type(n) == PLIST_UINT) {
        uint64_t v = 0;
        plist_get_uint_val(n, &v);
        return v > (uint64_t)INT64_MAX ? -1 : (int64_t)v;
    }
    if (plist_get_node_type(n) == PLIST_REAL) {
        double d = 0;
        plist_get_real_val(n, &d);
        return d >= 0 && d < 9.2e18 ? (int64_t)d : -1;
    }
    return -1;
}

static int get_bool(plist_t dict, const char *key)
{
    plist_t n = dict && plist_get_node_type(dict) == PLIST_DICT ? plist_dict_get_item(dict, key)
                                                                 : dict;
    if (!n || plist_get_node_type(n) != PLIST_BOOLEAN)
        return -1;
    uint8_t b = 0;
    plist_get_bool_val(n, &b);
    return b ? 1 : 0;
}

static void parse_root(plist_t d, rb_device_info *info)
{
    if (!d || plist_get_node_type(d) != PLIST_DICT) {
        note(info, "lockdownd answered GetValue with something that is not a dictionary");
        return;
    }
    get_str(d, "ProductType", info->product_type, sizeof info->product_type, info);
    get_str(d, "ProductVersion", info->ios_version, sizeof info->ios_version, info);
    get_str(d, "BuildVersion", info->build_version, sizeof info->build_version, info);
    get_str(d, "HardwareModel", info->hardware_model, sizeof info->hardware_model, info);
    get_str(d, "DeviceClass", info->device_class, sizeof info->device_class, info);
    get_str(d, "DeviceName", info->device_name, sizeof info->device_name, info);
    get_str(d, "SerialNumber", info->serial, sizeof info->serial, info);
    get_str(d, "InternationalMobileEquipmentIdentity", info->imei, sizeof info->imei, info);
    get_str(d, "ActivationState", info->activation_state, sizeof info->activation_state, info);
    plist_t ecid = plist_dict_get_item(d, "UniqueChipID");
    if (ecid && plist_get_node_type(ecid) == PLIST_UINT) {
        uint64_t v = 0;
        plist_get_uint_val(ecid, &v);
        info->ecid = v;
    } else if (ecid) {
        note(info, "lockdownd gave UniqueChipID (the ECID) as a non-number");
    }
    int64_t cpid = get_int(d, "ChipID"), bdid = get_int(d, "BoardId");
    if (cpid > 0 && cpid <= 0xFFFF && bdid >= 0 && bdid <= 0xFF) {
        info->cpid = (uint32_t)cpid;
        info->bdid = (uint32_t)bdid;
    }
    /* Apple types look like "iPhone12,1"; anything else is shown but flagged. */
    const char *pt = info->product_type;
    if (*pt) {
        const char *c = strchr(pt, ',');
        bool ok = c && c > pt && c[1];
        for (const char *p = pt; ok && *p; p++)
            ok = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
                 (*p >= '0' && *p <= '9') || *p == ',';
        if (!ok)
            note(info, "lockdownd gave an implausible ProductType \"%s\"", pt);
    }
}

static bool has_pair_record(const char *udid)
{
    char *rec = NULL;
    uint32_t len = 0;
    int rc = usbmuxd_read_pair_record(udid, &rec, &len);
    free(rec);
    return rc == 0 && len > 0;
}

static void read_private(lockdownd_client_t l, rb_device_info *info)
{
    plist_t v = NULL;
    lockdownd_error_t e = lockdownd_get_value(l, NULL, NULL, &v);
    if (e == LOCKDOWN_E_SUCCESS)
        parse_root(v, info);
    else
        note(info, "reading the trusted values failed: %s", lerr(e));
    plist_free(v);
    v = NULL;
    if (lockdownd_get_value(l, "com.apple.mobile.battery", NULL, &v) == LOCKDOWN_E_SUCCESS &&
        plist_get_node_type(v) == PLIST_DICT) {
        int64_t pct = get_int(v, "BatteryCurrentCapacity");
        info->battery_percent = pct >= 0 && pct <= 100 ? (int)pct : -1;
        info->battery_charging = get_bool(v, "BatteryIsCharging");
    }
    plist_free(v);
    v = NULL;
    if (lockdownd_get_value(l, "com.apple.disk_usage", NULL, &v) == LOCKDOWN_E_SUCCESS &&
        plist_get_node_type(v) == PLIST_DICT) {
        info->disk_total_bytes = get_int(v, "TotalDataCapacity");
        info->disk_free_bytes = get_int(v, "TotalDataAvailable");
    }
    plist_free(v);
    v = NULL;
    if (lockdownd_get_value(l, "com.apple.fmip", "IsAssociated", &v) == LOCKDOWN_E_SUCCESS)
        info->find_my = get_bool(v, NULL);
    plist_free(v);
}

/* A device in the restore ramdisk is still the same ECID: ask restored for HardwareInfo as
 * idevicerestore does, else read it from an A12-style UDID (CPID-ECID), so that a restore
 * job keeps following its device through this mode. */
static void restore_mode_ids(idevice_t dev, const char *udid, rb_device_info *info)
{
    restored_client_t rc = NULL;
    if (restored_client_new(dev, &rc, LABEL) == RESTORE_E_SUCCESS) {
        plist_t hw = NULL;
        if (restored_query_value(rc, "HardwareInfo", &hw) == RESTORE_E_SUCCESS && hw) {
            plist_t d = plist_get_node_type(hw) == PLIST_DICT ? plist_dict_get_item(hw, "HardwareInfo")
                                                               : NULL;
            if (!d || plist_get_node_type(d) != PLIST_DICT)
                d = hw;
            int64_t v = get_int(d, "UniqueChipID");
            if (v > 0)
                info->ecid = (uint64_t)v;
            v = get_int(d, "ChipID");
            if (v > 0)
                info->cpid = (uint32_t)v;
            v = get_int(d, "BoardID");
            if (v >= 0)
                info->bdid = (uint32_t)v;
        }
        plist_free(hw);
        restored_goodbye(rc);
        restored_client_free(rc);
    }
    unsigned cpid = 0;
    unsigned long long ecid = 0;
    if (!info->ecid && strlen(udid) == 25 && udid[8] == '-' &&
        sscanf(udid, "%8x-%16llx", &cpid, &ecid) == 2 && ecid)
        info->ecid = ecid;
}

static void post_read(struct job *j, const rb_device_info *info, rb_status st, int final)
{
    struct dev_msg *m = rb__dev_msg_new(MSG_READ_DONE);
    if (!m)
        return;
    rb__dev_copy(m->udid, sizeof m->udid, j->udid);
    m->gen = j->gen;
    m->final = final;
    m->info = *info;
    m->status = st;
    rb__dev_post(j->mon, m);
}

static bool stop_cb(void *mon)
{
    return rb__dev_stopping(mon);
}

static void *read_job_body(void *arg)
{
    struct job *j = arg;
    rb_device_info info;
    rb__dev_info_init(&info);
    /* The port first: it is known even when lockdownd then misbehaves. */
    rb__dev_port_from_location(&info, rb__dev_mux_location(j->handle, j->udid,
                                                           PORT_TIMEOUT_MS));
    idevice_t dev = NULL;
    lockdownd_client_t l = NULL;
    rb_status st = RB_OK;
    if (idevice_new_with_options(&dev, j->udid, IDEVICE_LOOKUP_USBMUX) != IDEVICE_E_SUCCESS) {
        note(&info, "usbmuxd no longer lists the device");
        post_read(j, &info, RB_ERR_DEVICE, 1);
        free(j);
        return NULL;
    }
    lockdownd_error_t e;
    char type[64], why[256] = "";
    plist_t v = NULL;
    st = rb__dev_lockdown_public(dev, PUBLIC_TIMEOUT_MS, stop_cb, j->mon, type, sizeof type, &v,
                                 why, sizeof why);
    if (st != RB_OK) {
        note(&info, "%s", why);
    } else if (strcmp(type, "com.apple.mobile.restored") == 0) {
        /* Restore ramdisk: restored owns the port; values come back after the reboot. */
        info.mode = RB_MODE_RESTORE;
        info.trust = RB_TRUST_NOT_APPLICABLE;
        restore_mode_ids(dev, j->udid, &info);
    } else if (strcmp(type, "com.apple.mobile.lockdown") != 0) {
        note(&info, "lockdownd answered QueryType with an unexpected \"%s\"", type);
        st = RB_ERR_DEVICE;
    } else {
        info.mode = RB_MODE_NORMAL;
        parse_root(v, &info);
        if (!info.ecid)
            note(&info, "lockdownd did not give UniqueChipID (the ECID)");
    }
    plist_free(v);
    bool has_rec = st == RB_OK && info.mode == RB_MODE_NORMAL && has_pair_record(j->udid);
    bool paired_try = has_rec && rb__dev_wanted(j->mon, j->udid, info.ecid);
    if (st == RB_OK && info.mode == RB_MODE_NORMAL && !has_rec)
        info.trust = RB_TRUST_NOT_PAIRED;
    if (st == RB_OK && info.note[0])
        st = RB_ERR_PARSE;
    post_read(j, &info, st, !paired_try);
    if (paired_try && !rb__dev_stopping(j->mon)) {
        rb_device_info priv;
        rb__dev_info_init(&priv);
        priv.ecid = info.ecid;
        priv.mode = RB_MODE_NORMAL;
        e = lockdownd_client_new_with_handshake(dev, &l, LABEL);
        if (e == LOCKDOWN_E_SUCCESS) {
            priv.trust = RB_TRUST_PAIRED;
            read_private(l, &priv);
            lockdownd_client_free(l);
        } else if (e == LOCKDOWN_E_INVALID_HOST_ID || e == LOCKDOWN_E_INVALID_CONF ||
                   e == LOCKDOWN_E_MISSING_PAIR_RECORD) {
            priv.trust = RB_TRUST_NOT_PAIRED;
            note(&priv, "the device no longer accepts this computer's pairing: pair again");
        } else if (e == LOCKDOWN_E_PASSWORD_PROTECTED) {
            priv.trust = RB_TRUST_PAIRED;
            note(&priv, "unlock the device to read battery, storage and Find My");
        } else {
            note(&priv, "the trusted session failed: %s", lerr(e));
        }
        post_read(j, &priv, priv.note[0] && priv.trust != RB_TRUST_NOT_PAIRED ? RB_ERR_DEVICE
                                                                              : RB_OK, 1);
    }
    idevice_free(dev);
    free(j);
    return NULL;
}

/* A worker's lockdown TLS (libimobiledevice over OpenSSL) leaves OpenSSL per-thread state
 * (error queue, DRBG) that OpenSSL frees only in its thread-exit handler, after the worker
 * has counted itself done; the monitor could then be freed, and the process exit, while
 * that state was still being freed (LeakSanitizer saw it about once in 30 paired reads).
 * So each worker that may have spoken TLS frees it before it returns. Kept here, not in
 * monitor.c, so the monitor's core needs no OpenSSL (it also builds for Windows alone). */
static void *read_job(void *arg)
{
    read_job_body(arg);
    OPENSSL_thread_stop();
    return NULL;
}

void rb__dev_start_read(rb_device_monitor *mon, const char *udid, unsigned gen,
                        uint32_t handle)
{
    struct job *j = calloc(1, sizeof *j);
    if (!j)
        return;
    j->mon = mon;
    j->gen = gen;
    j->handle = handle;
    rb__dev_copy(j->udid, sizeof j->udid, udid);
    if (!rb__dev_spawn(mon, read_job, j)) {
        rb__dev_problem(mon, RB_ERR_NOMEM, "cannot start a worker for %s", udid);
        free(j);
    }
}

/* ---- pairing ---- */

static lockdownd_error_t try_pair(const char *udid)
{
    idevice_t dev = NULL;
    if (idevice_new_with_options(&dev, udid, IDEVICE_LOOKUP_USBMUX) != IDEVICE_E_SUCCESS)
        return LOCKDOWN_E_MUX_ERROR;
    lockdownd_client_t l = NULL;
    lockdownd_error_t e = lockdownd_client_new(dev, &l, LABEL);
    if (e == LOCKDOWN_E_SUCCESS)
        e = lockdownd_pair(l, NULL);
    lockdownd_client_free(l);
    idevice_free(dev);
    return e;
}

static void post_trust(rb_device_monitor *mon, const char *udid, rb_trust_state t,
                       const char *text, int final)
{
    struct dev_msg *m = rb__dev_msg_new(MSG_TRUST);
    if (!m)
        return;
    rb__dev_copy(m->udid, sizeof m->udid, udid);
    m->info.trust = t;
    rb__dev_copy(m->info.note, sizeof m->info.note, text);
    m->final = final;
    rb__dev_post(mon, m);
}

#define TEXT_PENDING "a Trust prompt is showing: ask the customer to tap Trust and enter the passcode"
#define TEXT_UNLOCK "the device is locked: ask the customer to unlock it so the Trust prompt shows"

static void *pair_loop_body(void *arg)
{
    struct job *j = arg;
    uint64_t give_up = rb__now_ms() + PAIR_GIVE_UP_MS;
    for (;;) {
        for (int i = 0; i < PAIR_RETRY_MS / 50 && !rb__dev_stopping(j->mon); i++)
            nanosleep(&(struct timespec){0, 50 * 1000000L}, NULL);
        if (rb__dev_stopping(j->mon))
            break;
        rb_device_info cur;
        if (rb__dev_lookup(j->mon, j->udid, &cur) != RB_OK || !cur.connected ||
            cur.mode != RB_MODE_NORMAL) {
            post_trust(j->mon, j->udid, RB_TRUST_NOT_PAIRED, "", 1);
            break;
        }
        lockdownd_error_t e = try_pair(j->udid);
        if (e == LOCKDOWN_E_SUCCESS) {
            post_trust(j->mon, j->udid, RB_TRUST_PAIRED, "", 1);
            break;
        } else if (e == LOCKDOWN_E_USER_DENIED_PAIRING) {
            post_trust(j->mon, j->udid, RB_TRUST_REFUSED,
                       "the customer tapped Don't Trust", 1);
            break;
        } else if (e == LOCKDOWN_E_PASSWORD_PROTECTED) {
            post_trust(j->mon, j->udid, RB_TRUST_NOT_PAIRED, TEXT_UNLOCK, 0);
        } else if (e == LOCKDOWN_E_PAIRING_DIALOG_RESPONSE_PENDING) {
            post_trust(j->mon, j->udid, RB_TRUST_PENDING, TEXT_PENDING, 0);
        } else {
            char text[160];
            snprintf(text, sizeof text, "pairing failed: %s", lerr(e));
            post_trust(j->mon, j->udid, RB_TRUST_NOT_PAIRED, text, 1);
            break;
        }
        if (rb__now_ms() > give_up) {
            post_trust(j->mon, j->udid, RB_TRUST_NOT_PAIRED,
                       "nobody answered the Trust prompt for 10 minutes: pair again", 1);
            break;
        }
    }
    free(j);
    return NULL;
}

static void *pair_loop(void *arg)
{
    pair_loop_body(arg);
    OPENSSL_thread_stop();
    return NULL;
}

void rb__dev_start_pair_loop(rb_device_monitor *mon, const char *udid)
{
    if (!rb__dev_claim_pair_loop(mon, udid))
        return;
    struct job *j = calloc(1, sizeof *j);
    if (j) {
        j->mon = mon;
        rb__dev_copy(j->udid, sizeof j->udid, udid);
    }
    if (!j || !rb__dev_spawn(mon, pair_loop, j)) {
        free(j);
        post_trust(mon, udid, RB_TRUST_NOT_PAIRED, "", 1);
    }
}

rb_status rb_device_pair(rb_device_monitor *mon, const char *id)
{
    if (!mon || !id || !*id)
        return RB_ERR_INVALID_ARG;
    rb_device_info d;
    rb_status st = rb__dev_lookup(mon, id, &d);
    if (st != RB_OK)
        return st;
    if ((st = rb__dev_check_free(mon, d.ecid)) != RB_OK)
        return st;
    if (d.mode != RB_MODE_NORMAL || !d.connected)
        return rb__dev_fail(mon, RB_ERR_UNSUPPORTED,
                         "%s is in %s mode: pairing needs the device booted (normal mode)", id,
                         d.connected ? rb_device_mode_name(d.mode) : "no");
    if (d.trust == RB_TRUST_PAIRED && has_pair_record(d.udid))
        return RB_OK;
    if (d.trust == RB_TRUST_PENDING) {
        rb__dev_start_pair_loop(mon, d.udid);
        return rb__dev_fail(mon, RB_ERR_PAIR_PENDING, TEXT_PENDING);
    }
    lockdownd_error_t e = try_pair(d.udid);
    switch (e) {
    case LOCKDOWN_E_SUCCESS:
        post_trust(mon, d.udid, RB_TRUST_PAIRED, "", 0);
        return RB_OK;
    case LOCKDOWN_E_PAIRING_DIALOG_RESPONSE_PENDING:
        post_trust(mon, d.udid, RB_TRUST_PENDING, TEXT_PENDING, 0);
        rb__dev_start_pair_loop(mon, d.udid);
        return rb__dev_fail(mon, RB_ERR_PAIR_PENDING, TEXT_PENDING);
    case LOCKDOWN_E_PASSWORD_PROTECTED:
        post_trust(mon, d.udid, RB_TRUST_NOT_PAIRED, TEXT_UNLOCK, 0);
        rb__dev_start_pair_loop(mon, d.udid);
        return rb__dev_fail(mon, RB_ERR_PAIR_PENDING, TEXT_UNLOCK);
    case LOCKDOWN_E_USER_DENIED_PAIRING:
        post_trust(mon, d.udid, RB_TRUST_REFUSED, "the customer tapped Don't Trust", 0);
        return rb__dev_fail(mon, RB_ERR_PAIR_REFUSED,
                         "the customer tapped Don't Trust on %s; unplug and plug it in again "
                         "to ask once more",
                         id);
    default:
        return rb__dev_fail(mon, RB_ERR_DEVICE, "pairing with %s failed: the device answered %s",
                         id, lerr(e));
    }
}

/* ---- normal -> recovery ---- */

rb_status rb_device_enter_recovery(rb_device_monitor *mon, const char *id)
{
    if (!mon || !id || !*id)
        return RB_ERR_INVALID_ARG;
    rb_device_info d;
    rb_status st = rb__dev_lookup(mon, id, &d);
    if (st != RB_OK)
        return st;
    if ((st = rb__dev_check_free(mon, d.ecid)) != RB_OK)
        return st;
    if (d.mode == RB_MODE_RECOVERY)
        return RB_OK;
    if (d.mode != RB_MODE_NORMAL || !d.connected)
        return rb__dev_fail(mon, RB_ERR_UNSUPPORTED,
                         "%s is in %s mode: only a booted device can be sent to recovery", id,
                         d.connected ? rb_device_mode_name(d.mode) : "no");
    idevice_t dev = NULL;
    if (idevice_new_with_options(&dev, d.udid, IDEVICE_LOOKUP_USBMUX) != IDEVICE_E_SUCCESS)
        return rb__dev_fail(mon, RB_ERR_NOT_FOUND, "usbmuxd no longer lists %s", id);
    lockdownd_client_t l = NULL;
    lockdownd_error_t e = LOCKDOWN_E_UNKNOWN_ERROR;
    /* iOS 14.5+ wants a session; older versions accept it without one. */
    if (has_pair_record(d.udid))
        e = lockdownd_client_new_with_handshake(dev, &l, LABEL);
    if (e != LOCKDOWN_E_SUCCESS)
        e = lockdownd_client_new(dev, &l, LABEL);
    if (e == LOCKDOWN_E_SUCCESS) {
        rb__dev_expect_reboot(mon, d.ecid, d.udid);
        e = lockdownd_enter_recovery(l);
    }
    lockdownd_client_free(l);
    idevice_free(dev);
    if (e == LOCKDOWN_E_SUCCESS)
        return RB_OK;
    if (e == LOCKDOWN_E_SESSION_INACTIVE || e == LOCKDOWN_E_NO_RUNNING_SESSION)
        return rb__dev_fail(mon, RB_ERR_NOT_PAIRED,
                         "%s accepts EnterRecovery only from a trusted computer: pair first "
                         "(or use the buttons)",
                         id);
    return rb__dev_fail(mon, RB_ERR_DEVICE, "EnterRecovery on %s failed: the device answered %s",
                     id, lerr(e));
}
