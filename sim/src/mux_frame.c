/* mux_frame.c - socket and usbmux framing helpers, shared by the sim, its ctl client and the
 * fake libusb (which is built from this file too, so no dependency on the rest). */
#include "mux_frame.h"

#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <arpa/inet.h>
#include <time.h>
#include <unistd.h>

#define MUX_MAX_MESSAGE (4u << 20)

int sim_read_full(int fd, void *buf, size_t n)
{
    char *p = buf;
    while (n > 0) {
        ssize_t r = recv(fd, p, n, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

int sim_write_full(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t r = send(fd, p, n, MSG_NOSIGNAL);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

static void put_le32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static uint32_t get_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int sim_mux_send(int fd, uint32_t tag, plist_t msg)
{
    char *xml = NULL;
    uint32_t len = 0;
    plist_to_xml(msg, &xml, &len);
    if (!xml)
        return -1;
    unsigned char *buf = malloc(16 + (size_t)len);
    if (!buf) {
        free(xml);
        return -1;
    }
    put_le32(buf, 16 + len);
    put_le32(buf + 4, 1); /* version: plist */
    put_le32(buf + 8, 8); /* message: plist */
    put_le32(buf + 12, tag);
    memcpy(buf + 16, xml, len);
    free(xml);
    int rc = sim_write_full(fd, buf, 16 + (size_t)len);
    free(buf);
    return rc;
}

/* Returns 0 with *msg set (NULL if the payload was not a plist), -1 on EOF/error,
 * -2 on timeout. */
int sim_mux_recv(int fd, uint32_t *tag, plist_t *msg, int timeout_ms)
{
    unsigned char hdr[16];
    *msg = NULL;
    if (timeout_ms >= 0) {
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        int pr = poll(&pfd, 1, timeout_ms);
        if (pr == 0)
            return -2;
        if (pr < 0)
            return -1;
    }
    if (sim_read_full(fd, hdr, sizeof hdr) != 0)
        return -1;
    uint32_t len = get_le32(hdr);
    if (tag)
        *tag = get_le32(hdr + 12);
    if (len < 16 || len > MUX_MAX_MESSAGE)
        return -1;
    len -= 16;
    char *payload = malloc(len + 1);
    if (!payload)
        return -1;
    if (len && sim_read_full(fd, payload, len) != 0) {
        free(payload);
        return -1;
    }
    payload[len] = 0;
    if (len)
        sim_plist_parse(payload, len, msg);
    free(payload);
    return 0;
}

/* "UNIX:/path", "host:port" or "[v6]:port", as libusbmuxd reads USBMUXD_SOCKET_ADDRESS. */
static int parse_inet(const char *addr, struct sockaddr_storage *ss, socklen_t *sl)
{
    char host[256];
    const char *colon = strrchr(addr, ':');
    if (!colon || colon == addr)
        return -1;
    size_t hl = (size_t)(colon - addr);
    if (addr[0] == '[' && hl >= 2 && addr[hl - 1] == ']') {
        addr++;
        hl -= 2;
    }
    if (hl >= sizeof host)
        return -1;
    memcpy(host, addr, hl);
    host[hl] = 0;
    char *end = NULL;
    long port = strtol(colon + 1, &end, 10);
    if (!end || *end || port <= 0 || port > 65535)
        return -1;
    memset(ss, 0, sizeof *ss);
    struct sockaddr_in *in4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
    if (inet_pton(AF_INET, host, &in4->sin_addr) == 1) {
        in4->sin_family = AF_INET;
        in4->sin_port = htons((uint16_t)port);
        *sl = sizeof *in4;
        return 0;
    }
    if (inet_pton(AF_INET6, host, &in6->sin6_addr) == 1) {
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons((uint16_t)port);
        *sl = sizeof *in6;
        return 0;
    }
    return -1;
}

static int make_socket(const char *addr, int server)
{
    struct sockaddr_storage ss;
    socklen_t sl;
    int fd;
    if (strncmp(addr, "UNIX:", 5) == 0) {
        struct sockaddr_un *un = (struct sockaddr_un *)&ss;
        memset(&ss, 0, sizeof ss);
        if (strlen(addr + 5) >= sizeof un->sun_path || !addr[5])
            return -1;
        un->sun_family = AF_UNIX;
        strcpy(un->sun_path, addr + 5);
        sl = sizeof *un;
        if (server)
            unlink(un->sun_path); /* a stale socket from a killed sim */
    } else if (parse_inet(addr, &ss, &sl) != 0) {
        return -1;
    }
    fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (server) {
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, (struct sockaddr *)&ss, sl) != 0 || listen(fd, 64) != 0) {
            close(fd);
            return -1;
        }
    } else if (connect(fd, (struct sockaddr *)&ss, sl) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int sim_connect(const char *addr) { return make_socket(addr, 0); }
int sim_listen(const char *addr) { return make_socket(addr, 1); }

const char *sim_dict_str(plist_t dict, const char *key)
{
    if (!dict || plist_get_node_type(dict) != PLIST_DICT)
        return NULL;
    plist_t n = plist_dict_get_item(dict, key);
    if (!n || plist_get_node_type(n) != PLIST_STRING)
        return NULL;
    return plist_get_string_ptr(n, NULL);
}

int sim_dict_uint(plist_t dict, const char *key, uint64_t *out)
{
    if (!dict || plist_get_node_type(dict) != PLIST_DICT)
        return -1;
    plist_t n = plist_dict_get_item(dict, key);
    if (!n || plist_get_node_type(n) != PLIST_UINT)
        return -1;
    plist_get_uint_val(n, out);
    return 0;
}

void sim_msleep(int ms)
{
    if (ms <= 0)
        return;
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

void sim_plist_parse(const char *buf, uint32_t len, plist_t *out)
{
#if RB_PLIST_FROM_MEMORY_HAS_FORMAT
    plist_from_memory(buf, len, out, NULL);
#else
    plist_from_memory(buf, len, out);
#endif
}
