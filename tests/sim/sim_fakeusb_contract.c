/* sim_fakeusb_contract - the fake libusb accepts what real libusb accepts, so that the
 * real libirecovery never crashes on the fake where it would not on hardware. A device
 * that leaves between the hotplug event and libusb_open made libirecovery 1.0.0's event
 * thread call libusb_close(NULL), which crashed the fake (one restore start in about 40
 * under bench/restore-soak). Needs no simulator: only calls that work without a device. */
#include <libusb.h>
#include <stdio.h>

int main(void)
{
    libusb_context *ctx = NULL;
    if (libusb_init(&ctx) != 0 || !ctx) {
        fprintf(stderr, "FAIL: libusb_init\n");
        return 1;
    }
    libusb_close(NULL);
    libusb_free_device_list(NULL, 1);
    libusb_unref_device(NULL);
    libusb_exit(ctx);
    libusb_exit(NULL);
    puts("ok - libusb_close(NULL), libusb_free_device_list(NULL), libusb_unref_device(NULL), "
         "libusb_exit(NULL) are no-ops, as in real libusb");
    return 0;
}
