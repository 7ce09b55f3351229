/* restore_hold_check ID - while a restore job holds a device (rb__dev_hold), the monitor
 * opens nothing on it: pair and enter-recovery answer RB_ERR_BUSY; once let go, they work.
 * Run by hold.sh against a simulated paired iPhone. Exit 0 on success. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "device/device_hold.h"

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    signal(SIGPIPE, SIG_IGN); /* a device that hangs up is an error, not a dead process */
    rb_device_monitor *mon = NULL;
    rb_device_info d;
    if (rb_device_monitor_new(&mon, NULL, NULL, NULL) != RB_OK ||
        rb_device_monitor_wait_device(mon, argv[1], 10000, &d) != RB_OK || !d.ecid) {
        fprintf(stderr, "no device %s\n", argv[1]);
        return 1;
    }
    int rc = 0;
    rb__dev_hold(mon, d.ecid, true);
    rb_status st = rb_device_enter_recovery(mon, argv[1]);
    if (st != RB_ERR_BUSY || !strstr(rb_device_monitor_last_error(mon), "restore")) {
        fprintf(stderr, "held: enter_recovery gave %s (%s)\n", rb_status_name(st),
                rb_device_monitor_last_error(mon));
        rc = 1;
    }
    if (rb_device_pair(mon, argv[1]) != RB_ERR_BUSY) {
        fprintf(stderr, "held: pair was not refused\n");
        rc = 1;
    }
    rb__dev_hold(mon, d.ecid, false);
    st = rb_device_enter_recovery(mon, argv[1]);
    if (st != RB_OK) {
        fprintf(stderr, "let go: enter_recovery gave %s (%s)\n", rb_status_name(st),
                rb_device_monitor_last_error(mon));
        rc = 1;
    }
    rb_device_monitor_free(mon);
    if (!rc)
        printf("ok\n");
    return rc;
}
