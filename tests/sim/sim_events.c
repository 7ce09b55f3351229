/* sim_events - prints hotplug events as the real libraries report them, one per line:
 *   usbmuxd ADD|REMOVE|PAIRED UDID          (libimobiledevice idevice_event_subscribe)
 *   irecv ADD|REMOVE ECID MODE              (libirecovery irecv_device_event_subscribe)
 * Runs for SECONDS (default: until killed). Used by the sim tests to watch attach/detach/
 * reboots. Linked with rb_fakeusb_static, so it needs no LD_PRELOAD (works under ASan). */
#include <inttypes.h>
#include <libimobiledevice/libimobiledevice.h>
#include <libirecovery.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <usbmuxd.h>

/* SIM_EVENTS_TIME=1 prefixes each line with CLOCK_REALTIME in ms (latency checks). */
static void stamp(void)
{
    if (!getenv("SIM_EVENTS_TIME"))
        return;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    printf("%lld.%03ld ", (long long)ts.tv_sec, ts.tv_nsec / 1000000);
}

static void on_idevice(const idevice_event_t *e, void *payload)
{
    (void)payload;
    const char *n = e->event == IDEVICE_DEVICE_ADD      ? "ADD"
                    : e->event == IDEVICE_DEVICE_REMOVE ? "REMOVE"
                                                        : "PAIRED";
    stamp();
    printf("usbmuxd %s %s\n", n, e->udid);
    fflush(stdout);
}

static void on_irecv(const irecv_device_event_t *e, void *payload)
{
    (void)payload;
    const char *mode = e->mode == IRECV_K_DFU_MODE ? "dfu" : "recovery";
    stamp();
    printf("irecv %s 0x%016" PRIX64 " %s\n", e->type == IRECV_DEVICE_ADD ? "ADD" : "REMOVE",
           (uint64_t)(e->device_info ? e->device_info->ecid : 0), mode);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    double secs = argc > 1 ? atof(argv[1]) : 0;
    irecv_device_event_context_t ictx = NULL;
    libusbmuxd_set_use_inotify(0);
    if (idevice_event_subscribe(on_idevice, NULL) != IDEVICE_E_SUCCESS) {
        fprintf(stderr, "idevice_event_subscribe failed\n");
        return 1;
    }
    if (irecv_device_event_subscribe(&ictx, on_irecv, NULL) != IRECV_E_SUCCESS) {
        fprintf(stderr, "irecv_device_event_subscribe failed\n");
        return 1;
    }
    printf("ready\n");
    fflush(stdout);
    if (secs <= 0)
        for (;;)
            pause();
    usleep((useconds_t)(secs * 1e6));
    idevice_event_unsubscribe();
    irecv_device_event_unsubscribe(ictx);
    return 0;
}
