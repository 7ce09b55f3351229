/*
 * device/mux.c - the usbmuxd source: the first device list, then libusbmuxd's events.
 *
 * Why the first list is asked on a thread of its own: libusbmuxd 2.0.2 waits 5 s for
 * each answer and then retries once, and it reads a length it was announced without
 * any overall limit, so a usbmuxd that accepts the connection and says nothing costs
 * 10 s, and one that trickles bytes holds the call forever. Nothing in the library
 * bounds that, so the monitor does not wait for it: the lister posts what it found when
 * it returns, rb_device_monitor_wait_ready stops waiting at its deadline (and says
 * "usbmuxd did not answer"), and rb_device_monitor_free does not wait for the lister
 * at all (it holds a reference; a stuck one costs a thread, never the caller's time).
 * When the list fails, a plain connect to usbmuxd's socket tells "not running" from
 * "running but answering nonsense".
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <usbmuxd.h>

#include "device/device_private.h"

#define PROBE_TIMEOUT_MS 1000
#define WATCH_MS 1000

static void mux_cb(const usbmuxd_event_t *ev, void *user)
{
    rb_device_monitor *mon = user;
    if (ev->device.conn_type != CONNECTION_TYPE_USB)
        return; /* Wi-Fi sync: not a device on the counter */
    enum dev_msg_kind k;
    if (ev->event == UE_DEVICE_ADD)
        k = MSG_MUX_ADD;
    else if (ev->event == UE_DEVICE_REMOVE)
        k = MSG_MUX_REMOVE;
    else if (ev->event == UE_DEVICE_PAIRED)
        k = MSG_MUX_PAIRED;
    else
        return;
    struct dev_msg *m = rb__dev_msg_new(k);
    if (!m)
        return;
    rb__dev_copy(m->udid, sizeof m->udid, ev->device.udid);
    m->mux_handle = ev->device.handle;
    m->info.usb_product_id = ev->device.product_id;
    rb__dev_post(mon, m);
}

static void keeper_cb(const usbmuxd_event_t *ev, void *user)
{
    (void)ev;
    (void)user;
}

/* libusbmuxd 2.0.2 spins at full CPU forever when its last listener unsubscribes while
 * the daemon is absent (the cancelled thread loops without reaching a cancellation
 * point). One do-nothing listener held for the life of the process means a monitor's
 * unsubscribe is never the last one. */
static void keeper_subscribe(void)
{
    usbmuxd_subscription_context_t ctx = NULL;
    usbmuxd_events_subscribe(&ctx, keeper_cb, NULL);
}

/* True if something accepts connections at usbmuxd's socket. */
static bool probe_socket(void)
{
    int fd = rb__dev_mux_connect(PROBE_TIMEOUT_MS);
    if (fd >= 0)
        close(fd);
    return fd >= 0;
}

/* After the first list: looks at the socket about once a second until the monitor stops,
 * so the state follows a daemon that stops or starts (the kiosk shows it). */
static void watch(rb_device_monitor *mon)
{
    pthread_mutex_lock(&mon->mu);
    while (!mon->stopping) {
        /* ready_cv, not cv: cv is signalled for the loop thread alone. */
        uint64_t until = rb__now_ms() + WATCH_MS, t;
        while (!mon->stopping && (t = rb__now_ms()) < until)
            rb__cond_wait_ms(&mon->ready_cv, &mon->mu, until - t);
        if (mon->stopping)
            break;
        rb_usbmuxd_state was = mon->mux_state;
        pthread_mutex_unlock(&mon->mu);
        rb_usbmuxd_state now = was;
        if (!probe_socket())
            now = RB_USBMUXD_NOT_RUNNING;
        else if (was == RB_USBMUXD_NOT_RUNNING)
            now = rb__dev_mux_answers(PROBE_TIMEOUT_MS) ? RB_USBMUXD_OK : RB_USBMUXD_BAD_ANSWER;
        if (now != was && now == RB_USBMUXD_NOT_RUNNING)
            rb__dev_problem(mon, RB_ERR_NOT_FOUND,
                            "usbmuxd stopped: normal-mode devices cannot be seen until it "
                            "runs again");
        pthread_mutex_lock(&mon->mu);
        mon->mux_state = now;
    }
    pthread_mutex_unlock(&mon->mu);
}

static void *lister_main(void *arg)
{
    rb_device_monitor *mon = arg;
    static pthread_once_t keeper_once = PTHREAD_ONCE_INIT;
    usbmuxd_device_info_t *list = NULL;
    /* Listed before any subscription starts libusbmuxd's event thread: 2.0.2 fills its
     * program-name static on the first message it builds, without a lock, and that
     * thread's Listen racing this call leaked one copy (seen by LeakSanitizer in CI). */
    int n = usbmuxd_get_device_list(&list);
    pthread_once(&keeper_once, keeper_subscribe);
    rb_usbmuxd_state state = RB_USBMUXD_OK;
    if (n < 0)
        state = probe_socket() ? RB_USBMUXD_BAD_ANSWER : RB_USBMUXD_NOT_RUNNING;
    char (*initial)[64] = n > 0 ? calloc((size_t)n, sizeof *initial) : NULL;
    size_t n_initial = 0;
    for (int i = 0; initial && i < n; i++)
        if (list[i].conn_type == CONNECTION_TYPE_USB)
            rb__dev_copy(initial[n_initial++], 64, list[i].udid);
    if (list)
        usbmuxd_device_list_free(&list);
    if (state == RB_USBMUXD_NOT_RUNNING)
        rb__dev_problem(mon, RB_ERR_NOT_FOUND,
                     "usbmuxd is not reachable (%d): normal-mode devices will appear once it "
                     "runs", n);
    else if (state == RB_USBMUXD_BAD_ANSWER)
        rb__dev_problem(mon, RB_ERR_DEVICE,
                     "usbmuxd did not answer in its protocol (%d: a broken or foreign service "
                     "listens on its socket): restart usbmuxd", n);
    pthread_mutex_lock(&mon->mu);
    mon->initial = initial;
    mon->n_initial = n_initial;
    mon->mux_state = state;
    /* The subscription below starts only now: its Attached events get the same 1.5 s the
     * recovery source gets for its first enumeration. */
    mon->mux_gone_after = rb__now_ms() + 1500;
    pthread_cond_broadcast(&mon->cv);
    pthread_cond_broadcast(&mon->ready_cv);
    bool stopping = mon->stopping;
    pthread_mutex_unlock(&mon->mu);
    /* Subscribed without mu: libusbmuxd calls mux_cb from inside subscribe and
     * unsubscribe, and mux_cb takes mu. */
    usbmuxd_subscription_context_t ctx = NULL;
    int rc = stopping ? 0 : usbmuxd_events_subscribe(&ctx, mux_cb, mon);
    if (rc != 0)
        rb__dev_problem(mon, RB_ERR_GENERIC, "cannot watch usbmuxd events (%d)", rc);
    pthread_mutex_lock(&mon->mu);
    if (ctx && !mon->stopping) {
        mon->mux_ctx = ctx;
        ctx = NULL;
    }
    pthread_mutex_unlock(&mon->mu);
    if (ctx) /* the monitor was freed meanwhile */
        usbmuxd_events_unsubscribe(ctx);
    else
        watch(mon);
    return NULL;
}

rb_status rb__dev_mux_start(rb_device_monitor *mon)
{
    /* Without this, libusbmuxd 2.0.2 waits on an inotify watch of /var/run when the
     * daemon is absent or restarts, ignores USBMUXD_SOCKET_ADDRESS, and never
     * reconnects (reference/simulator-notes.md, Q3). Polling finds it within 1 s. */
    libusbmuxd_set_use_inotify(0);
    if (!rb__dev_spawn_unwaited(mon, lister_main, mon)) {
        pthread_mutex_lock(&mon->mu);
        mon->mux_state = RB_USBMUXD_NOT_RUNNING;
        pthread_mutex_unlock(&mon->mu);
        return rb__dev_problem(mon, RB_ERR_NOMEM, "cannot start the usbmuxd lister");
    }
    return RB_OK;
}

void rb__dev_mux_stop(rb_device_monitor *mon)
{
    pthread_mutex_lock(&mon->mu);
    void *ctx = mon->mux_ctx;
    mon->mux_ctx = NULL;
    pthread_mutex_unlock(&mon->mu);
    if (ctx)
        usbmuxd_events_unsubscribe((usbmuxd_subscription_context_t)ctx);
}

rb_usbmuxd_state rb_device_monitor_usbmuxd_state(rb_device_monitor *mon)
{
    if (!mon)
        return RB_USBMUXD_NOT_RUNNING;
    pthread_mutex_lock(&mon->mu);
    rb_usbmuxd_state s = mon->mux_state;
    pthread_mutex_unlock(&mon->mu);
    return s;
}
