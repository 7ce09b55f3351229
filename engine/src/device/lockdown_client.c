/*
 * device/lockdown_client.c - the public lockdown read (QueryType + GetValue without a session) on a
 * muxed connection opened by libimobiledevice, framed here.
 *
 * Why not lockdownd_client_new + lockdownd_get_value for this part: libimobiledevice
 * 1.3.0 reports a device that hangs up mid-message, one that answers "Failure" and an
 * allocation failure all as LOCKDOWN_E_UNKNOWN_ERROR, and waits 30 s on a silent device.
 * The counter needs to say which it was and must not wait that long, so this read keeps
 * its own deadline (for the whole read, not per recv: a device trickling one byte every
 * few seconds is given up at it too) and error text. Everything that needs pairing or TLS stays on
 * lockdownd_* (see normal.c).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "device/lockdown_client_private.h"

#define LOCKDOWN_PORT 62078
#define MAX_MESSAGE (4u << 20)

/* One exchange's clock: the whole public read must end by `deadline`, however the
 * device spreads its bytes (a trickle of one byte every few seconds defeats any
 * per-read timeout), and gives up early when the monitor stops. */
struct clock {
    uint64_t start, deadline;
    bool (*stop)(void *);
    void *stop_arg;
};

#define SLICE_MS 200

static rb_status recv_exact(idevice_connection_t c, char *buf, uint32_t len, struct clock *k,
                            uint32_t *got)
{
    *got = 0;
    while (*got < len) {
        uint64_t now = rb__now_ms();
        if (now >= k->deadline)
            return RB_ERR_TIMEOUT;
        if (k->stop && k->stop(k->stop_arg))
            return RB_ERR_CANCELLED;
        uint64_t left = k->deadline - now;
        uint32_t n = 0;
        idevice_error_t e = idevice_connection_receive_timeout(
            c, buf + *got, len - *got, &n, (unsigned)(left < SLICE_MS ? left : SLICE_MS));
        if (e == IDEVICE_E_TIMEOUT && n == 0)
            continue;
        if (e != IDEVICE_E_SUCCESS && e != IDEVICE_E_TIMEOUT)
            return RB_ERR_DEVICE;
        if (n == 0)
            return RB_ERR_DEVICE;
        *got += n;
    }
    return RB_OK;
}

static rb_status wire_recv(idevice_connection_t c, struct clock *k, plist_t *out, char *err,
                           size_t cap)
{
    *out = NULL;
    uint32_t be = 0, got = 0;
    unsigned limit = (unsigned)(k->deadline - k->start);
    rb_status st = recv_exact(c, (char *)&be, 4, k, &got);
    if (st == RB_ERR_CANCELLED) {
        snprintf(err, cap, "stopped while waiting for its answer");
        return st;
    }
    if (st == RB_ERR_TIMEOUT) {
        if (got)
            snprintf(err, cap, "it answered too slowly (%u of 4 header bytes within %u ms): "
                     "gave up", got, limit);
        else
            snprintf(err, cap, "no answer within %u ms", limit);
        return st;
    }
    if (st != RB_OK) {
        snprintf(err, cap, got ? "it hung up in the middle of a message header"
                               : "it hung up instead of answering");
        return st;
    }
    uint32_t len = ntohl(be);
    if (len == 0 || len > MAX_MESSAGE) {
        snprintf(err, cap, "it announced an implausible message length of %u bytes", len);
        return RB_ERR_PARSE;
    }
    char *body = malloc(len);
    if (!body) {
        snprintf(err, cap, "out of memory for a %u-byte message", len);
        return RB_ERR_NOMEM;
    }
    st = recv_exact(c, body, len, k, &got);
    if (st != RB_OK) {
        if (st == RB_ERR_TIMEOUT)
            snprintf(err, cap, "it answered too slowly (%u of %u bytes within %u ms): gave up",
                     got, len, limit);
        else if (st == RB_ERR_CANCELLED)
            snprintf(err, cap, "stopped while it was answering (%u of %u bytes)", got, len);
        else
            snprintf(err, cap, "it hung up in the middle of a message (%u of %u bytes)", got,
                     len);
        free(body);
        return st;
    }
    rb__dev_plist_parse(body, len, out);
    free(body);
    if (!*out || plist_get_node_type(*out) != PLIST_DICT) {
        snprintf(err, cap, "it answered with a malformed plist (%u bytes)", len);
        plist_free(*out);
        *out = NULL;
        return RB_ERR_PARSE;
    }
    return RB_OK;
}

static rb_status wire_send(idevice_connection_t c, const char *request, char *err, size_t cap)
{
    plist_t d = plist_new_dict();
    plist_dict_set_item(d, "Label", plist_new_string("rescuebay"));
    plist_dict_set_item(d, "Request", plist_new_string(request));
    char *xml = NULL;
    uint32_t len = 0;
    plist_to_xml(d, &xml, &len);
    plist_free(d);
    if (!xml)
        return RB_ERR_NOMEM;
    uint32_t be = htonl(len), sent = 0;
    idevice_error_t e = idevice_connection_send(c, (const char *)&be, 4, &sent);
    if (e == IDEVICE_E_SUCCESS)
        e = idevice_connection_send(c, xml, len, &sent);
    free(xml);
    if (e != IDEVICE_E_SUCCESS) {
        snprintf(err, cap, "it closed the connection before the %s request", request);
        return RB_ERR_DEVICE;
    }
    return RB_OK;
}

rb_status rb__dev_lockdown_public(idevice_t dev, unsigned timeout_ms, bool (*stop)(void *),
                                  void *stop_arg, char *type, size_t type_cap, plist_t *values,
                                  char *err, size_t cap)
{
    struct clock k = {rb__now_ms(), 0, stop, stop_arg};
    k.deadline = k.start + timeout_ms;
    *values = NULL;
    if (type_cap)
        type[0] = '\0';
    idevice_connection_t c = NULL;
    if (idevice_connect(dev, LOCKDOWN_PORT, &c) != IDEVICE_E_SUCCESS) {
        snprintf(err, cap, "usbmuxd could not connect to lockdownd on the device");
        return RB_ERR_DEVICE;
    }
    char why[160] = "";
    plist_t r = NULL;
    /* GetValue first (one round trip, as `ideviceinfo -s`); only a device that does not
     * answer it like lockdownd is asked QueryType, to tell a restore ramdisk apart. */
    rb_status st = wire_send(c, "GetValue", why, sizeof why);
    if (st == RB_OK)
        st = wire_recv(c, &k, &r, why, sizeof why);
    if (st != RB_OK) {
        snprintf(err, cap, "lockdownd GetValue failed: %s", why);
        goto out;
    }
    plist_t v = plist_dict_get_item(r, "Value");
    if (v && plist_get_node_type(v) == PLIST_DICT) {
        snprintf(type, type_cap, "com.apple.mobile.lockdown");
        *values = plist_copy(v);
        goto out;
    }
    plist_t e = plist_dict_get_item(r, "Error");
    const char *es = e && plist_get_node_type(e) == PLIST_STRING ? plist_get_string_ptr(e, NULL)
                                                                 : NULL;
    char first[96];
    snprintf(first, sizeof first, "%s", es ? es : "no Value dictionary");
    plist_free(r);
    r = NULL;
    st = wire_send(c, "QueryType", why, sizeof why);
    if (st == RB_OK)
        st = wire_recv(c, &k, &r, why, sizeof why);
    if (st != RB_OK) {
        snprintf(err, cap, "lockdownd QueryType failed: %s", why);
        goto out;
    }
    plist_t t = plist_dict_get_item(r, "Type");
    if (t && plist_get_node_type(t) == PLIST_STRING) {
        const char *ts = plist_get_string_ptr(t, NULL);
        snprintf(type, type_cap, "%s", ts ? ts : "");
    }
    if (strcmp(type, "com.apple.mobile.lockdown") == 0) {
        snprintf(err, cap, "lockdownd GetValue answered %s", first);
        st = RB_ERR_DEVICE;
    }
out:
    plist_free(r);
    idevice_disconnect(c);
    return st;
}

void rb__dev_plist_parse(const char *buf, uint32_t len, plist_t *out)
{
#if RB_PLIST_FROM_MEMORY_HAS_FORMAT
    plist_from_memory(buf, len, out, NULL);
#else
    plist_from_memory(buf, len, out);
#endif
}
