/* fakeusb.h - internals shared by the fake libusb's files (fakeusb.c, fakeusb_xfer.c). */
#ifndef RB_FAKEUSB_H
#define RB_FAKEUSB_H

#include <libusb.h>
#include <plist/plist.h>
#include <stdint.h>

#define FAKEUSB_MAX_IFACES 2

struct libusb_context {
    int unused;
};

struct libusb_device {
    struct libusb_device *next;   /* all devices ever seen; never freed (libirecovery keeps
                                     pointers in its hotplug threads) */
    uint64_t ecid, gen;
    uint16_t pid;
    uint8_t bus, addr;
    int present;
    unsigned reported;            /* bit i: hotplug callback i was told it arrived */
    char serial[256];
    char nonce[256];
    uint8_t ports[7];             /* the port chain below the root hub ("1-1.2": 1, 2) */
    int nports;
};

struct libusb_device_handle {
    struct libusb_device *dev;
    int claim_fd[FAKEUSB_MAX_IFACES]; /* open while the interface is claimed (-1: not) */
};

/* Sends msg (freed) to the sim on its own connection; returns the reply or NULL. */
plist_t rb_fakeusb_ask(plist_t msg);
/* Releases every interface the handle claimed (libusb_close). */
void rb_fakeusb_release_all(libusb_device_handle *h);

#endif
