/*
 * device/device_private.h - shared between the monitor core (monitor.c: life, queue and
 * loop; table.c: the device table; query.c: the public calls that read it), the usbmuxd /
 * lockdownd side (normal.c), the libirecovery side (recovery.c) and identification
 * (ident.c). Not installed.
 *
 * Threads: sources (libusbmuxd's and libirecovery's event threads) and per-device workers
 * only *post* messages; one loop thread owns the device table and is the only caller of
 * the user's callback. Workers are detached and hold a reference on the monitor, so a
 * device that hangs never delays rb_device_monitor_free. The usbmuxd lister (mux.c) is
 * such a thread too, but not counted in `workers`: free never waits for it.
 */
#ifndef RB_DEVICE_DEVICE_PRIVATE_H
#define RB_DEVICE_DEVICE_PRIVATE_H

#include <pthread.h>
#include <stdbool.h>

#include "core/internal.h"
#include "device/device_hold.h"
#include "rescuebay/device.h"

enum dev_msg_kind {
    MSG_MUX_ADD,
    MSG_MUX_REMOVE,
    MSG_MUX_PAIRED,
    MSG_IRECV_ADD,
    MSG_IRECV_REMOVE,
    MSG_READ_DONE,  /* a worker read lockdown values (public, then paired) */
    MSG_TRUST,      /* pairing state moved (pair call or its retry loop) */
    MSG_RELABEL     /* staff renamed a port: report every device with its label again */
};

struct dev_msg {
    enum dev_msg_kind kind;
    char udid[64];
    uint32_t mux_handle;
    unsigned gen;             /* READ_DONE: the usbmux attach generation it belongs to */
    int final;                /* READ_DONE: last message of this read */
    rb_device_info info;      /* values carried (unknown fields as in rb__dev_info_init) */
    rb_status status;         /* READ_DONE / TRUST: outcome */
    struct dev_msg *next;
};

struct dev_entry {
    rb_device_info info;
    rb_device_info sent;      /* what the last event carried, to drop no-op CHANGED */
    unsigned order;           /* first-seen order: stable bay ordering */
    bool announced;           /* RB_DEVICE_ADDED was sent */
    bool mux_present;
    uint32_t mux_handle;
    unsigned gen;
    bool irecv_present;
    bool read_done;           /* first complete lockdown read finished (ok or not) */
    bool pair_loop;           /* a Trust retry loop is running */
    uint64_t announce_at;     /* announce even if the device has not answered yet */
    uint64_t gone_deadline;   /* 0 = connected */
    uint64_t reboot_until;    /* a reboot we asked for is expected until then */
    struct dev_entry *next;
};

struct rb_device_monitor {
    pthread_mutex_t mu;
    pthread_cond_t cv;        /* wakes the loop */
    pthread_cond_t ready_cv;
    int refs;                 /* the owner + every running worker */
    int workers;              /* running workers (under mu) */
    pthread_cond_t idle_cv;   /* workers dropped to 0 */
    bool stopping;
    rb_device_event_cb cb;
    void *payload;
    pthread_t loop;
    bool loop_started;
    struct dev_msg *q_head, *q_tail;
    struct dev_entry *entries;
    unsigned next_order;
    rb__errs *err;            /* the one error model: core/internal.h */
    rb_context *ctx;          /* settings; may be NULL (built-in defaults) */
    void *catalog;            /* rb_catalog *, when the catalog module is linked */
    void *mux_ctx;            /* usbmuxd_subscription_context_t */
    bool irecv_attached;
    /* readiness of the first enumeration */
    rb_usbmuxd_state mux_state; /* ASKING until the lister (mux.c) returned */
    char (*initial)[64];      /* UDIDs usbmuxd listed at start */
    uint64_t mux_gone_after;  /* an initial UDID not seen by then was unplugged meanwhile */
    size_t n_initial;
    int irecv_expected;
    int irecv_seen;
    uint64_t irecv_deadline;
    char only_id[64];         /* rb_device_monitor_new_for: the one device read fully */
    int grace_ms;
    int reboot_grace_ms;
    uint64_t held[16];        /* ECIDs a restore job's tool works on (rb__dev_hold) */
    int announce_ms;
};

/* What one pass of the loop collected for the user's callback, delivered without mu. */
struct dev_event {
    rb_device_event_type type;
    rb_device_info info;
};

struct dev_events {
    struct dev_event *v;
    size_t n, cap;
};

/* monitor.c */
void rb__dev_info_init(rb_device_info *info);
void rb__dev_post(rb_device_monitor *mon, struct dev_msg *msg);
struct dev_msg *rb__dev_msg_new(enum dev_msg_kind kind);
void rb__dev_ref(rb_device_monitor *mon);
void rb__dev_unref(rb_device_monitor *mon);
bool rb__dev_stopping(rb_device_monitor *mon);
/* A failure of the API call running on this thread (recorded for this thread). */
rb_status rb__dev_fail(rb_device_monitor *mon, rb_status st, const char *fmt, ...) RB_PRINTF(3, 4);
/* A problem the monitor's own threads met, no caller's (recorded for every thread). */
rb_status rb__dev_problem(rb_device_monitor *mon, rb_status st, const char *fmt, ...)
    RB_PRINTF(3, 4);
/* Starts a detached worker holding a monitor reference; false if it could not start. */
bool rb__dev_spawn(rb_device_monitor *mon, void *(*fn)(void *), void *arg);
/* The same, for a thread rb_device_monitor_free never waits for (it may be stuck in a
 * library call without a deadline: mux.c). */
bool rb__dev_spawn_unwaited(rb_device_monitor *mon, void *(*fn)(void *), void *arg);
void rb__dev_copy(char *dst, size_t cap, const char *src);
/* True if the trusted read is wanted for this device (see rb_device_monitor_new_for). */
bool rb__dev_wanted(rb_device_monitor *mon, const char *udid, uint64_t ecid);

/* table.c; all with mon->mu held */
struct dev_entry *rb__dev_find_udid(rb_device_monitor *mon, const char *udid);
/* The entry with this ECID other than `skip` (which may be NULL); NULL for ECID 0. */
struct dev_entry *rb__dev_find_ecid(rb_device_monitor *mon, uint64_t ecid,
                                    struct dev_entry *skip);
/* Applies one queued message to the table, appending the events it causes to `out`. */
void rb__dev_apply(rb_device_monitor *mon, struct dev_msg *m, struct dev_events *out);
/* Grace and announce deadlines; returns the next deadline (0 = none). */
uint64_t rb__dev_run_timers(rb_device_monitor *mon, struct dev_events *out);

/* query.c */
/* Finds a device by UDID/ECID and copies it (under the lock); RB_ERR_NOT_FOUND if absent. */
rb_status rb__dev_lookup(rb_device_monitor *mon, const char *id, rb_device_info *out);
/* Marks that a reboot was requested, so the disappearance gets the long grace period. */
void rb__dev_expect_reboot(rb_device_monitor *mon, uint64_t ecid, const char *udid);
/* RB_ERR_BUSY (with the reason recorded) if ecid is held, else RB_OK. */
rb_status rb__dev_check_free(rb_device_monitor *mon, uint64_t ecid);
/* Marks a Trust retry loop as running for this UDID; false if one already runs. */
bool rb__dev_claim_pair_loop(rb_device_monitor *mon, const char *udid);

/* mux.c: the usbmuxd source (first list on a thread of its own, then events) */
rb_status rb__dev_mux_start(rb_device_monitor *mon);
void rb__dev_mux_stop(rb_device_monitor *mon);

/* normal.c: lockdownd */
void rb__dev_start_read(rb_device_monitor *mon, const char *udid, unsigned gen,
                        uint32_t mux_handle);
void rb__dev_start_pair_loop(rb_device_monitor *mon, const char *udid);

/* ports.c: port names and bay order */
bool rb__dev_port_path_ok(const char *path);
/* Fills info->port_label for info->location from the monitor's settings. */
void rb__dev_label(rb_device_monitor *mon, rb_device_info *info);

/* usbport.c: which port a device is on */
/* A non-blocking connect to usbmuxd's socket, found as libusbmuxd finds it
 * (USBMUXD_SOCKET_ADDRESS "UNIX:/path", "host:port", "[v6]:port"; else /var/run/usbmuxd);
 * the descriptor or -1. */
int rb__dev_mux_connect(int timeout_ms);
/* True if usbmuxd answers a ListDevices within timeout_ms. */
bool rb__dev_mux_answers(int timeout_ms);
/* usbmuxd's LocationID of the device with this DeviceID or UDID; 0 if not known in time. */
uint32_t rb__dev_mux_location(uint32_t device_id, const char *udid, int timeout_ms);
/* The sysfs folder name (port path) of the USB device (bus, address); 0 or -1. */
int rb__dev_sysfs_port(char *out, size_t cap, int bus, int address);
/* Sets usb_location/usb_bus/usb_address and location from a LocationID (0: unknown). */
void rb__dev_port_from_location(rb_device_info *info, uint32_t loc);
/* libusb's port path, bus and address of the recovery/DFU device with this ECID. */
int rb__dev_libusb_port(char *out, size_t cap, int *bus, int *address, uint64_t ecid,
                        uint16_t vid);

/* recovery.c: libirecovery */
rb_status rb__dev_irecv_start(rb_device_monitor *mon);
void rb__dev_irecv_stop(rb_device_monitor *mon);
rb_device_mode rb__dev_mode_from_pid(uint32_t pid);

/* ident.c: catalog names, id parsing */
void rb__dev_catalog_open(rb_device_monitor *mon);
void rb__dev_catalog_free(rb_device_monitor *mon);
void rb__dev_identify(rb_device_monitor *mon, rb_device_info *info);
/* The button scheme text for leaving DFU, e.g. "VOLUP_VOLDOWN_SIDE"; "" if unknown. */
/* The model's exit-DFU button steps from the catalog guide, as one English sentence. */
void rb__dev_exit_dfu_steps(rb_device_monitor *mon, const rb_device_info *info, char *buf,
                            size_t cap);
/* Parses "123", "0x1A2B" or a bare hex ECID; 0 if `id` is not one. */
uint64_t rb__dev_parse_ecid(const char *id);

#endif
