/* hostile.c - what a broken or malicious usbmuxd or device does to its clients, so tests
 * can prove that every wait has a deadline (docs/sim.md, "Hostile mode"):
 *   silent        accept, read the request, never answer (until the client hangs up)
 *   huge          answer a header announcing an enormous message, then nothing
 *   garbage       answer a well-framed message that is not a plist
 *   trickle MS    usbmuxd: announce 64 KiB and send one byte every MS ms, forever;
 *                 lockdownd: send the real answer one byte every MS ms
 * usbmuxd's mode applies to every client request except the sim's own RbSim* messages,
 * so `ctl` and the fake libusb keep working; a device's mode applies to its lockdownd
 * answers outside TLS. */
#include "hostile.h"

#include "sim.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

enum hmode { H_OFF = 0, H_SILENT, H_HUGE, H_GARBAGE, H_TRICKLE };
static const char *names[] = {"off", "silent", "huge", "garbage", "trickle"};

struct hostile {
    enum hmode mode;
    int ms;
};

/* under sim.lock */
static struct hostile g_muxd, g_dev[SIM_MAX_DEVICES];

static struct hostile get(const struct hostile *h)
{
    pthread_mutex_lock(&g_sim.lock);
    struct hostile v = *h;
    pthread_mutex_unlock(&g_sim.lock);
    return v;
}

int sim_hostile_command(int argc, const char **argv, char **text)
{
    struct hostile *h = NULL, v = {H_OFF, 0};
    if (argc >= 3 && !strcmp(argv[1], "muxd")) {
        h = &g_muxd;
    } else if (argc >= 3) {
        struct sim_device *d = sim_find(argv[1]);
        if (!d) {
            *text = strdup("no such device (use a scenario name, UDID or ECID)");
            return -1;
        }
        h = &g_dev[d - g_sim.dev];
    }
    for (int i = 0; h && i < (int)(sizeof names / sizeof *names); i++)
        if (!strcmp(argv[2], names[i]))
            v.mode = (enum hmode)i;
    if (v.mode == H_TRICKLE)
        v.ms = argc > 3 ? atoi(argv[3]) : 0;
    if (!h || (v.mode == H_OFF && strcmp(argv[2], "off")) || (v.mode == H_TRICKLE && v.ms <= 0)) {
        *text = strdup("usage: hostile muxd|ID off|silent|huge|garbage|trickle MS");
        return -1;
    }
    *h = v;
    *text = strdup("ok");
    return 0;
}

/* Holds the connection without a word until the client gives up. */
static void hold(int fd)
{
    char buf[512];
    while (recv(fd, buf, sizeof buf, 0) > 0) {
    }
}

static void put_le32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* One byte every `ms` until `n` bytes went out (0: forever) or the client left. */
static int trickle(int fd, const unsigned char *data, size_t n, int ms)
{
    for (size_t i = 0; n == 0 || i < n; i++) {
        unsigned char b = data ? data[i] : (unsigned char)('A' + i % 26);
        if (send(fd, &b, 1, MSG_NOSIGNAL) != 1)
            return -1;
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, ms) > 0) {   /* a client that hung up ends it at once */
            char c;
            if (recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT) <= 0)
                return -1;
            sim_msleep(ms);          /* it sent something: still one byte per ms */
        }
    }
    return 0;
}

static const char junk[] = "\x01\xffnot a plist at all\x00<plist><dict><key>";

int sim_hostile_muxd(int fd, uint32_t tag)
{
    struct hostile h = get(&g_muxd);
    unsigned char hdr[16];
    put_le32(hdr + 4, 1);
    put_le32(hdr + 8, 8);
    put_le32(hdr + 12, tag);
    switch (h.mode) {
    case H_OFF:
        return 0;
    case H_SILENT:
        hold(fd);
        return 1;
    case H_HUGE:
        put_le32(hdr, 0xFFFFFF00u);
        if (sim_write_full(fd, hdr, sizeof hdr) == 0)
            hold(fd);
        return 1;
    case H_GARBAGE:
        put_le32(hdr, (uint32_t)(16 + sizeof junk));
        if (sim_write_full(fd, hdr, sizeof hdr) == 0)
            sim_write_full(fd, junk, sizeof junk);
        hold(fd);
        return 1;
    case H_TRICKLE:
        put_le32(hdr, 16 + 65536);
        if (sim_write_full(fd, hdr, sizeof hdr) == 0)
            trickle(fd, NULL, 0, h.ms);
        return 1;
    }
    return 0;
}

int sim_hostile_lockdown(int fd, const struct sim_device *d, const char *xml, uint32_t len)
{
    struct hostile h = get(&g_dev[d - g_sim.dev]);
    unsigned char be[4];
    switch (h.mode) {
    case H_OFF:
        return 0;
    case H_SILENT:
        hold(fd);
        return -1;
    case H_HUGE:
        if (sim_write_full(fd, "\x7f\xff\xff\xff", 4) == 0)
            hold(fd);
        return -1;
    case H_GARBAGE:
        be[0] = 0, be[1] = 0, be[2] = 0, be[3] = (unsigned char)sizeof junk;
        if (sim_write_full(fd, be, 4) != 0 || sim_write_full(fd, junk, sizeof junk) != 0)
            return -1;
        return 1;
    case H_TRICKLE: {
        unsigned char *buf = malloc(4 + (size_t)len);
        if (!buf)
            return -1;
        buf[0] = (unsigned char)(len >> 24), buf[1] = (unsigned char)(len >> 16);
        buf[2] = (unsigned char)(len >> 8), buf[3] = (unsigned char)len;
        memcpy(buf + 4, xml, len);
        int rc = trickle(fd, buf, 4 + (size_t)len, h.ms);
        free(buf);
        return rc == 0 ? 1 : -1;
    }
    }
    return 0;
}
