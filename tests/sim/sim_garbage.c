/* sim_garbage ADDR - throws malformed input at a running rescuebay-sim: random bytes, lying
 * lengths, non-plist payloads, wrong types, garbage on the lockdown and control channels,
 * and a burst of connections that hang up at once. Exits 0 if the sim still answers a
 * well-formed ListDevices afterwards, 1 otherwise. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mux_frame.h"

static const char *addr;

static int conn(void)
{
    int fd = sim_connect(addr);
    if (fd < 0) {
        fprintf(stderr, "cannot connect to %s\n", addr);
        exit(1);
    }
    return fd;
}

static void raw(const void *data, size_t len, int wait_reply)
{
    int fd = conn();
    sim_write_full(fd, data, len);
    if (wait_reply) {
        plist_t r = NULL;
        sim_mux_recv(fd, NULL, &r, 2000);
        plist_free(r);
    }
    close(fd);
}

static void mux_xml(const char *xml, int wait_reply)
{
    size_t n = strlen(xml);
    unsigned char *buf = malloc(16 + n);
    if (!buf)
        exit(1);
    uint32_t len = (uint32_t)(16 + n), v[4] = {len, 1, 8, 7};
    memcpy(buf, v, 16); /* little-endian host, as the header wants */
    memcpy(buf + 16, xml, n);
    raw(buf, 16 + n, wait_reply);
    free(buf);
}

/* Connect to lockdown on device 1, then send `junk` on the device connection. */
static void lockdown_junk(const void *junk, size_t len)
{
    int fd = conn();
    plist_t m = plist_new_dict();
    plist_dict_set_item(m, "MessageType", plist_new_string("Connect"));
    plist_dict_set_item(m, "DeviceID", plist_new_uint(1));
    plist_dict_set_item(m, "PortNumber", plist_new_uint(32498)); /* 62078 byte-swapped */
    sim_mux_send(fd, 1, m);
    plist_free(m);
    plist_t r = NULL;
    sim_mux_recv(fd, NULL, &r, 2000);
    plist_free(r);
    sim_write_full(fd, junk, len);
    char buf[512];
    usleep(20000);
    (void)!read(fd, buf, 0);
    close(fd);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: sim_garbage ADDR\n");
        return 2;
    }
    addr = argv[1];
    srand(42);
    unsigned char *noise = malloc(65536);
    if (!noise)
        return 1;
    for (int i = 0; i < 65536; i++)
        noise[i] = (unsigned char)rand();
    raw(noise, 65536, 0);
    static const unsigned char huge[16] = {0xff, 0xff, 0xff, 0x7f, 1, 0, 0, 0, 8, 0, 0, 0};
    raw(huge, sizeof huge, 0);
    static const unsigned char tiny[16] = {3, 0, 0, 0, 1, 0, 0, 0, 8, 0, 0, 0};
    raw(tiny, sizeof tiny, 0);
    mux_xml("this is not a plist", 1);
    mux_xml("<plist><array><string>x</string></array></plist>", 1);
    mux_xml("<plist><dict><key>MessageType</key><integer>5</integer></dict></plist>", 1);
    mux_xml("<plist><dict><key>MessageType</key><string>Connect</string>"
            "<key>DeviceID</key><string>1</string></dict></plist>", 1);
    mux_xml("<plist><dict><key>MessageType</key><string>ReadPairRecord</string></dict></plist>", 1);
    mux_xml("<plist><dict><key>MessageType</key><string>SavePairRecord</string>"
            "<key>PairRecordID</key><integer>1</integer></dict></plist>", 1);
    mux_xml("<plist><dict><key>MessageType</key><string>RbSim</string>"
            "<key>Command</key><dict/></dict></plist>", 1);
    mux_xml("<plist><dict><key>MessageType</key><string>RbSim</string><key>Command</key>"
            "<array><string>slow</string><string>1</string><string>-5</string></array>"
            "</dict></plist>", 1);
    mux_xml("<plist><dict><key>MessageType</key><string>RbSimUsbControl</string>"
            "<key>ECID</key><string>x</string><key>Data</key><integer>3</integer></dict></plist>", 1);
    mux_xml("<plist><dict><key>MessageType</key><string>Listen</string></dict></plist>", 0);
    mux_xml("<plist><dict><key>MessageType</key><string>Listen</string></dict>", 0);
    lockdown_junk("\0\0\0\x0agarbage!!!", 14);
    lockdown_junk("\x0f\xff\xff\xff", 4);
    lockdown_junk("\0\0\0\x20<plist><string>x</string></plist>", 36);
    lockdown_junk("\0\0\0\x40<plist><dict><key>Request</key><integer>1</integer></dict></plist>", 68);
    lockdown_junk(noise, 4096);
    int fds[64];
    for (int i = 0; i < 64; i++)
        fds[i] = sim_connect(addr);
    for (int i = 0; i < 64; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    free(noise);

    int fd = conn();
    plist_t m = plist_new_dict(), r = NULL;
    plist_dict_set_item(m, "MessageType", plist_new_string("ListDevices"));
    int rc = sim_mux_send(fd, 9, m) == 0 && sim_mux_recv(fd, NULL, &r, 5000) == 0 &&
             r && plist_dict_get_item(r, "DeviceList") ? 0 : 1;
    plist_free(m);
    plist_free(r);
    close(fd);
    if (rc)
        fprintf(stderr, "the sim did not answer ListDevices after the garbage\n");
    return rc;
}
