/*
 * fakeusb.c - a stand-in for libusb-1.0 that shows rescuebay-sim's recovery and DFU
 * devices to the real libirecovery.
 *
 * Built twice: librescuebay-fakeusb.so for LD_PRELOAD into any process (irecovery,
 * rescuebay, the kiosk), and the object library rb_fakeusb_static that a test binary links
 * (under ASan, where preloading is not possible). It implements the 24 libusb symbols
 * Debian's libirecovery 1.0.0 imports, plus a few neighbours. Devices and control
 * transfers go to the sim found through USBMUXD_SOCKET_ADDRESS (private RbSimUsb*
 * messages on the muxd socket); with no sim running, the bus is simply empty.
 */
#include <libusb.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "fakeusb.h"
#include "mux_frame.h"

#define MAX_CALLBACKS 8
#define LIST_RING 16

struct callback {
    int used;
    int events;
    int vendor;
    libusb_hotplug_callback_fn fn;
    void *user_data;
    libusb_context *ctx;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct libusb_device *devices;
static struct callback callbacks[MAX_CALLBACKS];
static libusb_device **list_ring[LIST_RING]; /* libirecovery 1.0.0 reads a list after freeing it */
static int list_next;
static struct libusb_context default_ctx;

static const char *sim_addr(void)
{
    const char *a = getenv("USBMUXD_SOCKET_ADDRESS");
    return a && *a ? a : "UNIX:/var/run/usbmuxd";
}

/* One connection to the sim for all questions, kept open: libirecovery polls every 100 ms,
 * and a new socket per poll recycles descriptor numbers so fast that a host program's own
 * use-after-close races (idevicerestore 1.0.0's FDR thread) hit our sockets. */
static pthread_mutex_t ask_lock = PTHREAD_MUTEX_INITIALIZER;
static int ask_fd = -1;
static pid_t ask_pid;
static char ask_addr[512];

plist_t rb_fakeusb_ask(plist_t msg)
{
    plist_t reply = NULL;
    const char *addr = sim_addr();
    pthread_mutex_lock(&ask_lock);
    if (ask_fd >= 0 && (ask_pid != getpid() || strcmp(ask_addr, addr))) {
        if (ask_pid == getpid()) /* after fork() the socket is the parent's */
            close(ask_fd);
        ask_fd = -1;
    }
    for (int attempt = 0; attempt < 2 && !reply; attempt++) {
        if (ask_fd < 0) {
            ask_fd = sim_connect(addr);
            ask_pid = getpid();
            snprintf(ask_addr, sizeof ask_addr, "%s", addr);
        }
        if (ask_fd < 0)
            break;
        if (sim_mux_send(ask_fd, 1, msg) != 0 || sim_mux_recv(ask_fd, NULL, &reply, 5000) != 0) {
            close(ask_fd); /* the sim restarted, or a late answer would confuse the next */
            ask_fd = -1;
        }
    }
    pthread_mutex_unlock(&ask_lock);
    plist_free(msg);
    return reply;
}

static void copy_str(plist_t d, const char *key, char *out, size_t len)
{
    const char *s = sim_dict_str(d, key);
    snprintf(out, len, "%s", s ? s : "");
}

/* Under lock: asks the sim which recovery/DFU devices are on the bus now. */
static void refresh(void)
{
    plist_t m = plist_new_dict();
    plist_dict_set_item(m, "MessageType", plist_new_string("RbSimUsbList"));
    plist_t r = rb_fakeusb_ask(m);
    plist_t arr = r && plist_get_node_type(r) == PLIST_DICT ? plist_dict_get_item(r, "Devices")
                                                            : NULL;
    for (struct libusb_device *d = devices; d; d = d->next)
        d->present = 0;
    uint32_t n = arr && plist_get_node_type(arr) == PLIST_ARRAY ? plist_array_get_size(arr) : 0;
    for (uint32_t i = 0; i < n; i++) {
        plist_t e = plist_array_get_item(arr, i);
        uint64_t ecid = 0, gen = 0, pid = 0, bus = 0, addr = 0;
        sim_dict_uint(e, "ECID", &ecid);
        sim_dict_uint(e, "Gen", &gen);
        sim_dict_uint(e, "PID", &pid);
        sim_dict_uint(e, "Bus", &bus);
        sim_dict_uint(e, "Address", &addr);
        struct libusb_device *d;
        for (d = devices; d; d = d->next)
            if (d->ecid == ecid && d->gen == gen && d->pid == pid)
                break;
        if (!d) {
            d = calloc(1, sizeof *d);
            if (!d)
                break;
            d->ecid = ecid;
            d->gen = gen;
            d->pid = (uint16_t)pid;
            d->bus = (uint8_t)bus;
            d->addr = (uint8_t)addr;
            copy_str(e, "Serial", d->serial, sizeof d->serial);
            copy_str(e, "Nonce", d->nonce, sizeof d->nonce);
            char port[32];
            copy_str(e, "Port", port, sizeof port);
            const char *p = strchr(port, '-');
            while (p && d->nports < (int)sizeof d->ports) {
                d->ports[d->nports++] = (uint8_t)atoi(p + 1);
                p = strchr(p + 1, '.');
            }
            d->next = devices;
            devices = d;
        }
        d->present = 1;
    }
    plist_free(r);
}

int libusb_init(libusb_context **ctx)
{
    if (ctx) {
        *ctx = calloc(1, sizeof **ctx);
        if (!*ctx)
            return LIBUSB_ERROR_NO_MEM;
    }
    return 0;
}

void libusb_exit(libusb_context *ctx)
{
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_CALLBACKS; i++)
        if (callbacks[i].ctx == ctx)
            callbacks[i].used = 0;
    pthread_mutex_unlock(&lock);
    if (ctx != &default_ctx)
        free(ctx);
}

int libusb_set_option(libusb_context *ctx, enum libusb_option option, ...)
{
    (void)ctx;
    (void)option;
    return 0;
}

const char *libusb_error_name(int code)
{
    switch (code) {
    case LIBUSB_SUCCESS: return "LIBUSB_SUCCESS";
    case LIBUSB_ERROR_IO: return "LIBUSB_ERROR_IO";
    case LIBUSB_ERROR_NO_DEVICE: return "LIBUSB_ERROR_NO_DEVICE";
    case LIBUSB_ERROR_PIPE: return "LIBUSB_ERROR_PIPE";
    case LIBUSB_ERROR_NO_MEM: return "LIBUSB_ERROR_NO_MEM";
    default: return "LIBUSB_ERROR_OTHER";
    }
}

const char *libusb_strerror(int code) { return libusb_error_name(code); }

int libusb_has_capability(uint32_t capability)
{
    return capability == LIBUSB_CAP_HAS_CAPABILITY || capability == LIBUSB_CAP_HAS_HOTPLUG;
}

ssize_t libusb_get_device_list(libusb_context *ctx, libusb_device ***list)
{
    (void)ctx;
    pthread_mutex_lock(&lock);
    refresh();
    ssize_t n = 0;
    for (struct libusb_device *d = devices; d; d = d->next)
        n += d->present;
    libusb_device **l = calloc((size_t)n + 1, sizeof *l);
    if (!l) {
        pthread_mutex_unlock(&lock);
        return LIBUSB_ERROR_NO_MEM;
    }
    ssize_t i = 0;
    for (struct libusb_device *d = devices; d; d = d->next)
        if (d->present)
            l[i++] = d;
    pthread_mutex_unlock(&lock);
    *list = l;
    return n;
}

void libusb_free_device_list(libusb_device **list, int unref_devices)
{
    (void)unref_devices;
    if (!list)
        return;
    pthread_mutex_lock(&lock);
    free(list_ring[list_next]);
    list_ring[list_next] = list;
    list_next = (list_next + 1) % LIST_RING;
    pthread_mutex_unlock(&lock);
}

libusb_device *libusb_ref_device(libusb_device *dev) { return dev; }
void libusb_unref_device(libusb_device *dev) { (void)dev; }
uint8_t libusb_get_bus_number(libusb_device *dev) { return dev->bus; }
uint8_t libusb_get_device_address(libusb_device *dev) { return dev->addr; }
uint8_t libusb_get_port_number(libusb_device *dev)
{
    return dev->nports ? dev->ports[dev->nports - 1] : 0;
}

int libusb_get_port_numbers(libusb_device *dev, uint8_t *port_numbers, int len)
{
    if (len < dev->nports)
        return LIBUSB_ERROR_OVERFLOW;
    memcpy(port_numbers, dev->ports, (size_t)dev->nports);
    return dev->nports;
}

int libusb_get_device_descriptor(libusb_device *dev, struct libusb_device_descriptor *desc)
{
    memset(desc, 0, sizeof *desc);
    desc->bLength = LIBUSB_DT_DEVICE_SIZE;
    desc->bDescriptorType = LIBUSB_DT_DEVICE;
    desc->bcdUSB = 0x0200;
    desc->bMaxPacketSize0 = 64;
    desc->idVendor = 0x05AC;
    desc->idProduct = dev->pid;
    desc->iManufacturer = 2;
    desc->iProduct = 3;
    desc->iSerialNumber = 4;
    desc->bNumConfigurations = 1;
    return 0;
}

int libusb_open(libusb_device *dev, libusb_device_handle **handle)
{
    *handle = NULL;
    pthread_mutex_lock(&lock);
    int present = dev->present;
    pthread_mutex_unlock(&lock);
    if (!present)
        return LIBUSB_ERROR_NO_DEVICE;
    *handle = calloc(1, sizeof **handle);
    if (!*handle)
        return LIBUSB_ERROR_NO_MEM;
    (*handle)->dev = dev;
    for (int i = 0; i < FAKEUSB_MAX_IFACES; i++)
        (*handle)->claim_fd[i] = -1;
    return 0;
}

void libusb_close(libusb_device_handle *handle)
{
    /* Real libusb ignores NULL, and libirecovery's hotplug thread relies on it: it closes
     * the handle of a device that was gone before libusb_open could open it. */
    if (!handle)
        return;
    rb_fakeusb_release_all(handle);
    free(handle);
}

libusb_device *libusb_get_device(libusb_device_handle *handle) { return handle->dev; }

int libusb_get_string_descriptor_ascii(libusb_device_handle *handle, uint8_t index,
                                       unsigned char *data, int length)
{
    const struct libusb_device *d = handle->dev;
    const char *s = index == 1   ? d->nonce
                    : index == 2 ? "Apple Inc."
                    : index == 3 ? (d->pid == 0x1227 ? "Apple Mobile Device (DFU Mode)"
                                                     : "Apple Mobile Device (Recovery Mode)")
                    : index == 4 ? d->serial
                                 : NULL;
    if (!s)
        return LIBUSB_ERROR_PIPE;
    if (length <= 0)
        return LIBUSB_ERROR_INVALID_PARAM;
    int n = (int)strlen(s);
    if (n >= length)
        n = length - 1;
    memcpy(data, s, (size_t)n);
    data[n] = 0;
    return n;
}

int libusb_get_configuration(libusb_device_handle *h, int *config)
{
    (void)h;
    *config = 1;
    return 0;
}

int libusb_set_configuration(libusb_device_handle *h, int c) { (void)h; (void)c; return 0; }
int libusb_set_interface_alt_setting(libusb_device_handle *h, int i, int a)
{
    (void)h; (void)i; (void)a;
    return 0;
}
int libusb_clear_halt(libusb_device_handle *h, unsigned char ep) { (void)h; (void)ep; return 0; }

int libusb_control_transfer(libusb_device_handle *h, uint8_t request_type, uint8_t request,
                            uint16_t value, uint16_t index, unsigned char *data, uint16_t length,
                            unsigned int timeout)
{
    plist_t m = plist_new_dict();
    plist_dict_set_item(m, "MessageType", plist_new_string("RbSimUsbControl"));
    plist_dict_set_item(m, "ECID", plist_new_uint(h->dev->ecid));
    plist_dict_set_item(m, "Gen", plist_new_uint(h->dev->gen));
    plist_dict_set_item(m, "RequestType", plist_new_uint(request_type));
    plist_dict_set_item(m, "Request", plist_new_uint(request));
    plist_dict_set_item(m, "Value", plist_new_uint(value));
    plist_dict_set_item(m, "Index", plist_new_uint(index));
    plist_dict_set_item(m, "Length", plist_new_uint(length));
    if (!(request_type & 0x80) && data && length)
        plist_dict_set_item(m, "Data", plist_new_data((const char *)data, length));
    plist_t r = rb_fakeusb_ask(m);
    uint64_t ret = 0, err = 0;
    if (!r || sim_dict_uint(r, "Return", &ret) != 0) {
        plist_free(r);
        return LIBUSB_ERROR_NO_DEVICE;
    }
    sim_dict_uint(r, "Error", &err);
    if (err) {
        plist_free(r);
        if (-(int)err == LIBUSB_ERROR_TIMEOUT) /* a silent device: the wait is real */
            sim_msleep((int)timeout);
        return -(int)err;
    }
    plist_t dn = plist_dict_get_item(r, "Data");
    if ((request_type & 0x80) && data && dn && plist_get_node_type(dn) == PLIST_DATA) {
        uint64_t n = 0;
        const char *p = plist_get_data_ptr(dn, &n);
        if (n > length)
            n = length;
        memcpy(data, p, (size_t)n);
        ret = n;
    }
    plist_free(r);
    return (int)ret;
}

/* Under lock: collects (callback, device, event) to deliver after unlocking. */
struct pending {
    struct callback cb;
    int slot;
    libusb_device *dev;
    libusb_hotplug_event ev;
};

/* Departures before arrivals, as the kernel reports a re-enumeration: a device replugged
 * between two polls has left before its new self arrives. libirecovery matches a departure
 * by bus and address only, idevicerestore wakes on the first event (an arrival first reads
 * "did not disconnect"), and a client keyed by ECID must not see the new arrival undone by
 * the old departure. */
static int collect(struct pending *out, int max, int only_slot)
{
    int n = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < MAX_CALLBACKS; i++) {
            if (!callbacks[i].used || (only_slot >= 0 && i != only_slot))
                continue;
            for (struct libusb_device *d = devices; d && n < max; d = d->next) {
                unsigned bit = 1u << i;
                libusb_hotplug_event ev = 0;
                if (pass == 1 && d->present && !(d->reported & bit)) {
                    d->reported |= bit;
                    ev = LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED;
                } else if (pass == 0 && !d->present && (d->reported & bit)) {
                    d->reported &= ~bit;
                    ev = LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT;
                }
                if (ev && (callbacks[i].events & (int)ev) &&
                    (callbacks[i].vendor == LIBUSB_HOTPLUG_MATCH_ANY ||
                     callbacks[i].vendor == 0x05AC))
                    out[n++] = (struct pending){callbacks[i], i, d, ev};
            }
        }
    return n;
}

static void deliver(struct pending *p, int n)
{
    for (int i = 0; i < n; i++)
        if (p[i].cb.fn(p[i].cb.ctx, p[i].dev, p[i].ev, p[i].cb.user_data)) {
            pthread_mutex_lock(&lock);
            callbacks[p[i].slot].used = 0;
            pthread_mutex_unlock(&lock);
        }
}

int libusb_hotplug_register_callback(libusb_context *ctx, int events, int flags, int vendor_id,
                                     int product_id, int dev_class,
                                     libusb_hotplug_callback_fn cb_fn, void *user_data,
                                     libusb_hotplug_callback_handle *handle)
{
    (void)product_id; (void)dev_class;
    struct pending p[64];
    int n = 0, slot = -1;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_CALLBACKS && slot < 0; i++)
        if (!callbacks[i].used)
            slot = i;
    if (slot < 0) {
        pthread_mutex_unlock(&lock);
        return LIBUSB_ERROR_NO_MEM;
    }
    callbacks[slot] = (struct callback){1, events, vendor_id, cb_fn, user_data, ctx};
    for (struct libusb_device *d = devices; d; d = d->next)
        d->reported &= ~(1u << slot);
    if (flags & LIBUSB_HOTPLUG_ENUMERATE) {
        refresh();
        n = collect(p, 64, slot);
    } else {
        for (struct libusb_device *d = devices; d; d = d->next)
            if (d->present)
                d->reported |= 1u << slot;
    }
    pthread_mutex_unlock(&lock);
    if (handle)
        *handle = slot + 1;
    deliver(p, n);
    return 0;
}

void libusb_hotplug_deregister_callback(libusb_context *ctx, libusb_hotplug_callback_handle h)
{
    (void)ctx;
    pthread_mutex_lock(&lock);
    if (h >= 1 && h <= MAX_CALLBACKS)
        callbacks[h - 1].used = 0;
    pthread_mutex_unlock(&lock);
}

int libusb_handle_events_timeout_completed(libusb_context *ctx, struct timeval *tv, int *completed)
{
    (void)ctx; (void)completed;
    struct pending p[64];
    pthread_mutex_lock(&lock);
    int any = 0;
    for (int i = 0; i < MAX_CALLBACKS; i++)
        any |= callbacks[i].used;
    int n = 0;
    if (any) {
        refresh();
        n = collect(p, 64, -1);
    }
    pthread_mutex_unlock(&lock);
    deliver(p, n);
    if (tv && n == 0) {
        long ms = (long)tv->tv_sec * 1000 + tv->tv_usec / 1000;
        sim_msleep((int)(ms > 1000 ? 1000 : ms));
    }
    return 0;
}

int libusb_handle_events_timeout(libusb_context *ctx, struct timeval *tv)
{
    return libusb_handle_events_timeout_completed(ctx, tv, NULL);
}

int libusb_handle_events_completed(libusb_context *ctx, int *completed)
{
    struct timeval tv = {0, 100000};
    return libusb_handle_events_timeout_completed(ctx, &tv, completed);
}

int libusb_handle_events(libusb_context *ctx) { return libusb_handle_events_completed(ctx, NULL); }
