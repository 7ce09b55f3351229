/* sim_breq ECID BREQUEST COMMAND - sends one iBoot command to a recovery-mode device as a
 * 0x40 control transfer with the given bRequest, through the real libirecovery.
 * libirecovery 1.2 sends go/bootx/reset with bRequest 1 (irecv_send_command_breq, used by
 * idevicerestore 2024); Debian 12's 1.0.0 has no such call and its irecovery tool always
 * sends bRequest 0, so the sim tests need this to speak the newer tool's way. Linked with
 * rb_fakeusb_static (no LD_PRELOAD, works under ASan). */
#include <libirecovery.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: sim_breq ECID BREQUEST COMMAND\n");
        return 2;
    }
    unsigned long long ecid = strtoull(argv[1], NULL, 0);
    int breq = atoi(argv[2]);
    irecv_client_t c = NULL;
    irecv_error_t e = irecv_open_with_ecid_and_attempts(&c, ecid, 10);
    if (e != IRECV_E_SUCCESS) {
        fprintf(stderr, "sim_breq: no recovery device with ECID %s: %s\n", argv[1],
                irecv_strerror(e));
        return 1;
    }
    size_t n = strlen(argv[3]) + 1;
    int rc = irecv_usb_control_transfer(c, 0x40, (uint8_t)breq, 0, 0, (unsigned char *)argv[3],
                                        (uint16_t)n, 1000);
    irecv_close(c);
    if (rc < 0) {
        fprintf(stderr, "sim_breq: control transfer failed: %d\n", rc);
        return 1;
    }
    return 0;
}
