/* device/usbport.c - which physical port a device is on (device.h, "Ports";
 * reference/usb-ports.md).
 *
 * Normal/restore mode: libusbmuxd 2.0's usbmuxd_device_info_t drops the LocationID that
 * usbmuxd's own device records carry, so one ListDevices is asked here over usbmuxd's
 * socket (its plist protocol, the plist made and read by libplist), bounded by a deadline
 * like every other wait of the monitor. LocationID is (bus << 16) | address, and the
 * address changes on every plug, so the stable port path comes from the sysfs folder with
 * that busnum/devnum. Recovery/DFU: libusb knows the bus and port chain itself.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <libusb.h>
#include <plist/plist.h>

#include "device/device_private.h"
#include "device/lockdown_client_private.h"

#define SYSFS_DEFAULT "/sys/bus/usb/devices"
#define SYSFS_MAX_ENTRIES 1024
#define LIST_MAX_BYTES (1u << 20)

int rb__dev_mux_connect(int timeout_ms)
{
    const char *addr = getenv("USBMUXD_SOCKET_ADDRESS");
    struct sockaddr_un un = {.sun_family = AF_UNIX};
    struct addrinfo *ai = NULL;
    const struct sockaddr *sa = (const struct sockaddr *)&un;
    socklen_t sl = sizeof un;
    int family = AF_UNIX;
    if (addr && strncmp(addr, "UNIX:", 5) != 0 && strrchr(addr, ':')) {
        char host[256];
        const char *colon = strrchr(addr, ':');
        size_t hl = (size_t)(colon - addr);
        const char *h = addr;
        if (h[0] == '[' && hl >= 2 && h[hl - 1] == ']') {
            h++;
            hl -= 2;
        }
        if (hl >= sizeof host)
            return -1;
        memcpy(host, h, hl);
        host[hl] = '\0';
        struct addrinfo hints = {.ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV};
        if (getaddrinfo(host, colon + 1, &hints, &ai) != 0 || !ai)
            return -1;
        sa = ai->ai_addr;
        sl = ai->ai_addrlen;
        family = ai->ai_family;
    } else {
        rb__dev_copy(un.sun_path, sizeof un.sun_path,
                     addr && !strncmp(addr, "UNIX:", 5) && addr[5] ? addr + 5 : "/var/run/usbmuxd");
    }
    int fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd >= 0) {
        int rc = connect(fd, sa, sl);
        if (rc != 0 && errno == EINPROGRESS) {
            struct pollfd p = {.fd = fd, .events = POLLOUT};
            int err = 0;
            socklen_t el = sizeof err;
            rc = poll(&p, 1, timeout_ms) == 1 &&
                         getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el) == 0 && err == 0
                     ? 0
                     : -1;
        }
        if (rc != 0) {
            close(fd);
            fd = -1;
        }
    }
    if (ai)
        freeaddrinfo(ai);
    return fd;
}

/* Moves exactly len bytes in either direction before the deadline; 0 or -1. */
static int io_all(int fd, void *buf, size_t len, bool out, uint64_t deadline)
{
    char *p = buf;
    while (len) {
        uint64_t now = rb__now_ms();
        if (now >= deadline)
            return -1;
        struct pollfd pf = {.fd = fd, .events = out ? POLLOUT : POLLIN};
        if (poll(&pf, 1, (int)(deadline - now)) != 1)
            return -1;
        ssize_t n = out ? send(fd, p, len, MSG_NOSIGNAL) : recv(fd, p, len, 0);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

static void put_le32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16), p[3] = (unsigned char)(v >> 24);
}

static uint32_t get_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* usbmuxd's answer to ListDevices, or NULL (not running, silent, nonsense) by the deadline. */
static plist_t list_devices(int timeout_ms)
{
    uint64_t deadline = rb__now_ms() + (uint64_t)timeout_ms;
    int fd = rb__dev_mux_connect(timeout_ms);
    if (fd < 0)
        return NULL;
    plist_t req = plist_new_dict();
    plist_dict_set_item(req, "MessageType", plist_new_string("ListDevices"));
    plist_dict_set_item(req, "ClientVersionString", plist_new_string("rescuebay"));
    plist_dict_set_item(req, "ProgName", plist_new_string("rescuebay"));
    plist_dict_set_item(req, "kLibUSBMuxVersion", plist_new_uint(3));
    char *xml = NULL;
    uint32_t xlen = 0;
    plist_to_xml(req, &xml, &xlen);
    plist_free(req);
    plist_t answer = NULL;
    unsigned char hdr[16];
    /* header: total length, version 1 (plist), message 8 (plist), tag */
    put_le32(hdr, 16 + xlen), put_le32(hdr + 4, 1), put_le32(hdr + 8, 8), put_le32(hdr + 12, 1);
    if (xml && io_all(fd, hdr, 16, true, deadline) == 0 &&
        io_all(fd, xml, xlen, true, deadline) == 0 && io_all(fd, hdr, 16, false, deadline) == 0) {
        uint32_t len = get_le32(hdr);
        char *body = len > 16 && len - 16 <= LIST_MAX_BYTES ? malloc(len - 16) : NULL;
        if (body && io_all(fd, body, len - 16, false, deadline) == 0)
            rb__dev_plist_parse(body, len - 16, &answer);
        free(body);
    }
    free(xml);
    close(fd);
    if (answer && plist_get_node_type(answer) != PLIST_DICT) {
        plist_free(answer);
        answer = NULL;
    }
    return answer;
}

bool rb__dev_mux_answers(int timeout_ms)
{
    plist_t a = list_devices(timeout_ms);
    bool ok = a && plist_dict_get_item(a, "DeviceList");
    plist_free(a);
    return ok;
}

static uint64_t dict_uint(plist_t d, const char *key)
{
    plist_t n = d ? plist_dict_get_item(d, key) : NULL;
    uint64_t v = 0;
    if (n && plist_get_node_type(n) == PLIST_UINT)
        plist_get_uint_val(n, &v);
    return v;
}

uint32_t rb__dev_mux_location(uint32_t device_id, const char *udid, int timeout_ms)
{
    plist_t a = list_devices(timeout_ms);
    plist_t arr = a ? plist_dict_get_item(a, "DeviceList") : NULL;
    uint32_t loc = 0, n = arr && plist_get_node_type(arr) == PLIST_ARRAY
                              ? plist_array_get_size(arr) : 0;
    for (uint32_t i = 0; i < n && !loc; i++) {
        plist_t props = plist_dict_get_item(plist_array_get_item(arr, i), "Properties");
        if (!props || plist_get_node_type(props) != PLIST_DICT)
            continue;
        plist_t sn = plist_dict_get_item(props, "SerialNumber");
        const char *s = sn && plist_get_node_type(sn) == PLIST_STRING
                            ? plist_get_string_ptr(sn, NULL) : NULL;
        if ((device_id && dict_uint(props, "DeviceID") == device_id) ||
            (s && udid && *udid && !strcmp(s, udid))) {
            uint64_t v = dict_uint(props, "LocationID");
            loc = v <= UINT32_MAX ? (uint32_t)v : 0;
        }
    }
    plist_free(a);
    return loc;
}

/* Reads a small decimal file; -1 if absent or not a number. */
static long read_num(int dirfd, const char *name)
{
    int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return -1;
    char buf[16];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return -1;
    buf[n] = '\0';
    char *end;
    long v = strtol(buf, &end, 10);
    return end != buf && (*end == '\n' || *end == '\0') && v >= 0 && v < 65536 ? v : -1;
}

int rb__dev_sysfs_port(char *out, size_t cap, int bus, int address)
{
    out[0] = '\0';
    const char *root = getenv("RB_USB_SYSFS_ROOT");
    if (!root || !*root)
        root = SYSFS_DEFAULT;
    DIR *dir = opendir(root);
    if (!dir)
        return -1;
    struct dirent *de;
    int seen = 0;
    while ((de = readdir(dir)) && seen++ < SYSFS_MAX_ENTRIES) {
        /* Interfaces ("1-1.2:1.0") and root hubs ("usb1") are never the phone. */
        if (!rb__dev_port_path_ok(de->d_name))
            continue;
        int dfd = openat(dirfd(dir), de->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd < 0)
            continue;
        long b = read_num(dfd, "busnum"), d = read_num(dfd, "devnum");
        close(dfd);
        if (b == bus && d == address) {
            rb__dev_copy(out, cap, de->d_name);
            break;
        }
    }
    closedir(dir);
    return out[0] ? 0 : -1;
}

void rb__dev_port_from_location(rb_device_info *info, uint32_t loc)
{
    if (!loc)
        return;
    info->usb_location = loc;
    info->usb_bus = (int)(loc >> 16);
    info->usb_address = (int)(loc & 0xffff);
    rb__dev_sysfs_port(info->location, sizeof info->location, info->usb_bus, info->usb_address);
}

/* The ECID in an iBoot serial string: "CPID:8010 ... ECID:001A2B3C4D5E6F70 ...". */
static uint64_t serial_ecid(const char *s)
{
    const char *p = strstr(s, "ECID:");
    return p ? strtoull(p + 5, NULL, 16) : 0;
}

int rb__dev_libusb_port(char *out, size_t cap, int *bus, int *address, uint64_t ecid,
                        uint16_t vid)
{
    out[0] = '\0';
    libusb_context *ctx = NULL;
    if (!ecid || libusb_init(&ctx) != 0)
        return -1;
    libusb_device **list = NULL;
    ssize_t n = libusb_get_device_list(ctx, &list);
    for (ssize_t i = 0; i < n && !out[0]; i++) {
        struct libusb_device_descriptor dd;
        libusb_device_handle *h = NULL;
        if (libusb_get_device_descriptor(list[i], &dd) != 0 || dd.idVendor != vid ||
            rb__dev_mode_from_pid(dd.idProduct) == RB_MODE_UNKNOWN || !dd.iSerialNumber ||
            libusb_open(list[i], &h) != 0)
            continue;
        unsigned char sn[256];
        int len = libusb_get_string_descriptor_ascii(h, dd.iSerialNumber, sn, sizeof sn);
        libusb_close(h);
        if (len <= 0 || len >= (int)sizeof sn)
            continue;
        sn[len] = '\0';
        if (serial_ecid((const char *)sn) != ecid)
            continue;
        uint8_t ports[8];
        int np = libusb_get_port_numbers(list[i], ports, sizeof ports);
        int b = libusb_get_bus_number(list[i]);
        if (np <= 0)
            continue;
        size_t off = (size_t)snprintf(out, cap, "%d-%u", b, ports[0]);
        for (int k = 1; k < np && off < cap; k++)
            off += (size_t)snprintf(out + off, cap - off, ".%u", ports[k]);
        if (off >= cap || !rb__dev_port_path_ok(out))
            out[0] = '\0';
        *bus = b;
        *address = libusb_get_device_address(list[i]);
    }
    if (n >= 0)
        libusb_free_device_list(list, 1);
    libusb_exit(ctx);
    return out[0] ? 0 : -1;
}
