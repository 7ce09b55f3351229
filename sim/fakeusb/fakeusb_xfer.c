/*
 * fakeusb_xfer.c - the fake libusb's data path to the sim: bulk uploads (recovery mode),
 * device reset (DFU: run the uploaded image) and interface claims.
 *
 * A claim is a connection to the sim that stays open while the interface is held: the
 * sim refuses a second claimant of the same device with LIBUSB_ERROR_BUSY, and a process
 * that dies releases its claims with its sockets, as the kernel does for real USB.
 */
#include <stdlib.h>
#include <unistd.h>

#include "fakeusb.h"
#include "mux_frame.h"

static plist_t base_msg(const char *type, const libusb_device_handle *h)
{
    plist_t m = plist_new_dict();
    plist_dict_set_item(m, "MessageType", plist_new_string(type));
    plist_dict_set_item(m, "ECID", plist_new_uint(h->dev->ecid));
    plist_dict_set_item(m, "Gen", plist_new_uint(h->dev->gen));
    return m;
}

/* Returns the libusb result the sim sent (0 or a negative LIBUSB_ERROR_*). */
static int result_of(plist_t r, unsigned timeout)
{
    uint64_t err = 0;
    if (!r || plist_get_node_type(r) != PLIST_DICT)
        return LIBUSB_ERROR_NO_DEVICE;
    sim_dict_uint(r, "Error", &err);
    if (-(int)err == LIBUSB_ERROR_TIMEOUT) /* a silent device: the wait is real */
        sim_msleep((int)timeout);
    return -(int)err;
}

int libusb_bulk_transfer(libusb_device_handle *h, unsigned char endpoint, unsigned char *data,
                         int length, int *transferred, unsigned int timeout)
{
    if (transferred)
        *transferred = 0;
    if (endpoint & 0x80)
        return LIBUSB_ERROR_TIMEOUT; /* iBoot sends nothing on its IN endpoint */
    plist_t m = base_msg("RbSimUsbBulk", h);
    plist_dict_set_item(m, "Endpoint", plist_new_uint(endpoint));
    plist_dict_set_item(m, "Data", plist_new_data((const char *)data, (uint64_t)length));
    plist_t r = rb_fakeusb_ask(m);
    int rc = result_of(r, timeout);
    uint64_t n = 0;
    sim_dict_uint(r, "Return", &n);
    plist_free(r);
    if (rc == 0 && transferred)
        *transferred = (int)n;
    return rc;
}

int libusb_reset_device(libusb_device_handle *h)
{
    plist_t r = rb_fakeusb_ask(base_msg("RbSimUsbReset", h));
    int rc = result_of(r, 0);
    plist_free(r);
    /* after a reset the device re-enumerates: libusb reports NOT_FOUND for the old handle */
    return rc == LIBUSB_ERROR_NO_DEVICE ? LIBUSB_ERROR_NOT_FOUND : rc;
}

int libusb_claim_interface(libusb_device_handle *h, int iface)
{
    if (iface < 0 || iface >= FAKEUSB_MAX_IFACES)
        return LIBUSB_ERROR_NOT_FOUND;
    if (h->claim_fd[iface] >= 0)
        return 0;
    const char *a = getenv("USBMUXD_SOCKET_ADDRESS");
    int fd = sim_connect(a && *a ? a : "UNIX:/var/run/usbmuxd");
    if (fd < 0)
        return LIBUSB_ERROR_NO_DEVICE;
    plist_t m = base_msg("RbSimUsbClaim", h);
    plist_dict_set_item(m, "Interface", plist_new_uint((uint64_t)iface));
    plist_t r = NULL;
    if (sim_mux_send(fd, 1, m) == 0)
        sim_mux_recv(fd, NULL, &r, 5000);
    plist_free(m);
    int rc = result_of(r, 0);
    plist_free(r);
    if (rc != 0) {
        close(fd);
        return rc;
    }
    h->claim_fd[iface] = fd; /* the sim holds the claim until this closes */
    return 0;
}

int libusb_release_interface(libusb_device_handle *h, int iface)
{
    if (iface < 0 || iface >= FAKEUSB_MAX_IFACES || h->claim_fd[iface] < 0)
        return LIBUSB_ERROR_NOT_FOUND;
    /* say so and wait: a claim right after this one (the next irecv_open) must find it free */
    plist_t m = plist_new_dict(), r = NULL;
    plist_dict_set_item(m, "MessageType", plist_new_string("RbSimUsbRelease"));
    if (sim_mux_send(h->claim_fd[iface], 2, m) == 0)
        sim_mux_recv(h->claim_fd[iface], NULL, &r, 1000);
    plist_free(m);
    plist_free(r);
    close(h->claim_fd[iface]);
    h->claim_fd[iface] = -1;
    return 0;
}

void rb_fakeusb_release_all(libusb_device_handle *h)
{
    for (int i = 0; i < FAKEUSB_MAX_IFACES; i++)
        if (h->claim_fd[i] >= 0)
            libusb_release_interface(h, i);
}
