/*
 * rescuebay/device.h - one live view of every connected iPhone/iPad/iPod in every mode.
 *
 * A device is the same device in every mode by its ECID: normal and restore mode are
 * seen through usbmuxd/lockdownd (libimobiledevice), recovery and DFU through
 * libirecovery. The monitor merges both into add / change / remove events keyed by ECID,
 * so a phone that reboots into recovery stays one entry whose mode changes.
 *
 *   rb_device_monitor *mon;
 *   rb_device_monitor_new(&mon, ctx, on_event, payload); // events arrive on engine threads
 *   ...
 *   rb_device_monitor_free(mon);
 *
 * Identifiers accepted wherever a call takes `id`: the UDID (as printed by idevice_id),
 * or the ECID in decimal or hex ("0x1A2B...").
 *
 * Settings (from the context): device.grace_ms ($RESCUEBAY_DEVICE_GRACE_MS), how long a
 * vanished device is kept before RB_DEVICE_REMOVED; catalog.data_dir for the model table;
 * ports.names, the staff's names of the USB ports (see "Ports").
 *
 * Threading: a monitor may be shared by any number of threads; every call takes the
 * monitor's lock (rb_device_pair, _enter_recovery and _exit_recovery talk to the device
 * on the calling thread and may take seconds). Event callbacks run on an engine thread,
 * one at a time, in order; they must not call rb_device_monitor_free. rb_device_monitor_free
 * must not race with other calls on the same monitor. The *_name functions are pure.
 * Errors follow the engine's one model (context.h, "Errors"): rb_device_monitor_last_error
 * gives the calling thread's own last failure on the monitor, or a newer problem the
 * monitor met by itself (usbmuxd gone, a device answering garbage), never the failure of
 * another thread's call.
 */
#ifndef RESCUEBAY_DEVICE_H
#define RESCUEBAY_DEVICE_H

#include "common.h"
#include "context.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum rb_device_mode {
    RB_MODE_UNKNOWN = 0,
    RB_MODE_NORMAL = 1,    /* booted iOS, lockdownd reachable */
    RB_MODE_RECOVERY = 2,  /* iBoot recovery (USB PID 0x1280-0x1283) */
    RB_MODE_DFU = 3,       /* DFU (0x1227, 0x1881) */
    RB_MODE_RESTORE = 4    /* restore ramdisk (restored over usbmuxd) */
} rb_device_mode;

typedef enum rb_trust_state {
    RB_TRUST_UNKNOWN = 0,
    RB_TRUST_NOT_PAIRED = 1,     /* ask the customer to unlock and tap Trust */
    RB_TRUST_PENDING = 2,        /* a Trust prompt is showing on the device */
    RB_TRUST_PAIRED = 3,
    RB_TRUST_REFUSED = 4,        /* the customer tapped Don't Trust */
    RB_TRUST_NOT_APPLICABLE = 5  /* recovery / DFU: no lockdownd */
} rb_trust_state;

#define RB_DEVICE_INFO_VERSION 1

/* A snapshot of one device. Strings are empty when unknown; numbers are -1 when unknown. */
typedef struct rb_device_info {
    unsigned int version;          /* RB_DEVICE_INFO_VERSION */
    uint64_t ecid;                 /* 0 only if not yet known */
    rb_device_mode mode;
    rb_trust_state trust;
    char udid[64];
    char product_type[32];         /* "iPhone12,1" */
    char name[64];                 /* marketing name from the engine catalog, "iPhone 11" */
    char hardware_model[32];       /* board, "n104ap" */
    char device_class[16];         /* "iPhone", "iPad", "iPod" */
    char device_name[128];         /* the owner's name for it, when paired */
    char ios_version[16];          /* "16.7.2" */
    char build_version[16];        /* "20H115" */
    char serial[32];
    char imei[24];
    char activation_state[32];     /* "Activated", "Unactivated"... (paired only) */
    char location[32];             /* physical USB port path, "1-1.2" (bus-port.port...): the
                                    * same for a port across replugs and modes; "" unknown
                                    * (see "Ports" below) */
    uint32_t cpid;                 /* chip id; 0 if unknown */
    uint32_t bdid;                 /* board id */
    uint32_t usb_product_id;       /* Apple USB PID seen for the current mode */
    int known_model;               /* 1 if the catalog knows this model */
    int battery_percent;           /* 0..100, -1 unknown */
    int battery_charging;          /* 0/1, -1 unknown */
    int find_my;                   /* 1 on, 0 off, -1 unknown (paired only) */
    int64_t disk_total_bytes;      /* -1 unknown */
    int64_t disk_free_bytes;       /* -1 unknown */
    /* Appended after the first draft of version 1 (append-only, never reorder): */
    int connected;                 /* 1 while seen on USB; 0 during the short grace period
                                    * after it vanished (a reboot between modes keeps the
                                    * entry; it comes back CHANGED or leaves REMOVED) */
    char note[192];                /* why values are missing or stale, e.g. "lockdownd answered
                                    * a malformed plist"; "" when all is well */
    /* Appended for ports (append-only): */
    uint32_t usb_location;         /* usbmuxd's LocationID, (bus << 16) | address on Linux;
                                    * 0 unknown or recovery/DFU */
    int usb_bus;                   /* USB bus number, -1 unknown */
    int usb_address;               /* device address on the bus, -1 unknown; the kernel gives
                                    * a new one on every plug and mode change */
    char port_label[64];           /* the staff's name for `location` ("1"), "" unnamed */
    uint32_t seen_order;           /* first-seen rank in this monitor (ties of the order) */
} rb_device_info;

typedef enum rb_device_event_type {
    RB_DEVICE_ADDED = 1,
    RB_DEVICE_CHANGED = 2,   /* mode, trust, or read values changed */
    RB_DEVICE_REMOVED = 3
} rb_device_event_type;

typedef struct rb_device_event {
    unsigned int version;    /* RB_DEVICE_INFO_VERSION */
    rb_device_event_type type;
    const rb_device_info *device;  /* valid only during the callback */
} rb_device_event;

/* Called on an engine thread; copy what you need and return quickly. */
typedef void (*rb_device_event_cb)(const rb_device_event *event, void *payload);

typedef struct rb_device_monitor rb_device_monitor;

/* Starts watching. Devices already connected are reported as RB_DEVICE_ADDED. cb may be
 * NULL (then use rb_device_monitor_list). ctx gives the settings and must outlive the
 * monitor; NULL uses the built-in defaults (and the environment overrides). */
RB_EXTERN rb_status rb_device_monitor_new(rb_device_monitor **out, rb_context *ctx,
                                          rb_device_event_cb cb, void *payload);

/* Like rb_device_monitor_new, for one-shot work on a single device (`rescuebay device
 * info ID`): every device is still listed, but only the one matching `only_id` (UDID or
 * ECID) gets the trusted-session read (battery, storage, Find My...), so other bays cost
 * nothing. only_id NULL behaves as rb_device_monitor_new. */
RB_EXTERN rb_status rb_device_monitor_new_for(rb_device_monitor **out, rb_context *ctx,
                                              rb_device_event_cb cb, void *payload,
                                              const char *only_id);

/* Stops watching and waits for the engine threads; no callback runs after it returns.
 * NULL is a no-op. */
RB_EXTERN void rb_device_monitor_free(rb_device_monitor *mon);

/* Waits until the first enumeration of every source is complete (or timeout_ms passed). */
RB_EXTERN rb_status rb_device_monitor_wait_ready(rb_device_monitor *mon, int timeout_ms);

/* Copies up to `max` current devices into out, in bay order (rb_device_order_compare);
 * returns the total. The device order is one rule, kept here only: the kiosk's cards and
 * the CLI's lists show devices in this order and never sort them themselves (the kiosk
 * re-reads it after every event). */
RB_EXTERN size_t rb_device_monitor_list(rb_device_monitor *mon, rb_device_info *out, size_t max);

/* Finds one device by UDID or ECID. RB_ERR_NOT_FOUND if absent. */
RB_EXTERN rb_status rb_device_monitor_find(rb_device_monitor *mon, const char *id,
                                           rb_device_info *out);

/* Waits until the device `id` (UDID or ECID) is present and its first read is complete
 * (lockdown values, or the recovery/DFU identity), then copies it to out. Faster than
 * rb_device_monitor_wait_ready when only one device matters. RB_ERR_NOT_FOUND once the
 * first enumeration is complete without it; RB_ERR_TIMEOUT after timeout_ms. */
RB_EXTERN rb_status rb_device_monitor_wait_device(rb_device_monitor *mon, const char *id,
                                                  int timeout_ms, rb_device_info *out);

/* What the monitor knows of usbmuxd, the daemon that shows normal- and restore-mode
 * devices. A usbmuxd that accepts the connection but never answers (or trickles, or
 * announces a huge message) stays RB_USBMUXD_ASKING: rb_device_monitor_wait_ready gives
 * up at its deadline regardless, with "usbmuxd did not answer" in last_error. */
typedef enum rb_usbmuxd_state {
    RB_USBMUXD_ASKING = 0,       /* its first device list has not come back (yet) */
    RB_USBMUXD_OK = 1,
    RB_USBMUXD_NOT_RUNNING = 2,  /* nothing accepts connections at its socket */
    RB_USBMUXD_BAD_ANSWER = 3    /* something accepts them but answers nonsense */
} rb_usbmuxd_state;

/* usbmuxd's state as this monitor sees it (RB_USBMUXD_NOT_RUNNING for NULL). After the
 * first list the monitor looks at usbmuxd's socket about once a second, so a daemon that
 * stops becomes NOT_RUNNING and one that starts (answering ListDevices) becomes OK. */
RB_EXTERN rb_usbmuxd_state rb_device_monitor_usbmuxd_state(rb_device_monitor *mon);

/* Detail of the calling thread's last failure on this monitor, or of a newer problem the
 * monitor met by itself ("" if none); see "Threading" above. */
RB_EXTERN const char *rb_device_monitor_last_error(const rb_device_monitor *mon);

/* Asks the device to trust this computer. Returns RB_OK when paired,
 * RB_ERR_PAIR_PENDING while the Trust prompt shows (the monitor keeps asking and reports
 * the change), RB_ERR_PAIR_REFUSED if the customer refused. */
RB_EXTERN rb_status rb_device_pair(rb_device_monitor *mon, const char *id);

/* Normal mode -> recovery mode (lockdown EnterRecovery). */
RB_EXTERN rb_status rb_device_enter_recovery(rb_device_monitor *mon, const char *id);

/* Recovery mode -> normal boot: sets auto-boot=true, saves, reboots (libirecovery).
 * On a DFU device returns RB_ERR_NEEDS_BUTTONS: leaving DFU needs the buttons. */
RB_EXTERN rb_status rb_device_exit_recovery(rb_device_monitor *mon, const char *id);

/* How long a vanished device is kept (connected = 0) before RB_DEVICE_REMOVED:
 * `grace_ms` for any disappearance (default 3000, setting device.grace_ms),
 * `reboot_grace_ms` after this monitor asked the device to reboot or while it restores
 * (default 60000). A value < 0 keeps the current setting. */
RB_EXTERN rb_status rb_device_monitor_set_grace(rb_device_monitor *mon, int grace_ms,
                                                int reboot_grace_ms);

/*
 * Ports. Bays are physical USB ports: `location` is the port path as Linux names it in
 * sysfs ("1-1.2": bus 1, root port 1, hub port 2). Normal/restore mode: the monitor asks
 * usbmuxd's ListDevices itself for LocationID (libusbmuxd 2.0 drops it), that is (bus <<
 * 16) | address, and finds the folder of /sys/bus/usb/devices whose busnum/devnum match
 * (test-only override of that root: $RB_USB_SYSFS_ROOT). Recovery/DFU: libusb's bus and
 * port numbers of the device whose serial string carries the ECID. Elsewhere (macOS,
 * Windows) and when a lookup fails, location is "" (unknown).
 *
 * Staff name ports once; names live in the setting `ports.names`, as
 * "PATH=LABEL;PATH=LABEL" (a label is 1..31 characters without ';', '=' or control
 * characters).
 *
 * Bay order (the one rule; the kiosk and the CLI use it and never order on their own):
 * 1. devices on a named port, by label in natural order ("2" before "10");
 * 2. devices on an unnamed known port, by path in natural order ("1-1.2" before "1-1.10");
 * 3. devices whose port is unknown, in first-seen order (seen_order).
 */
typedef struct rb_port_label {
    char port[32];    /* "1-1.2" */
    char label[32];   /* "1" */
} rb_port_label;

/* <0, 0, >0 as a comes before, with, after b in bay order (see above). Pure. */
RB_EXTERN int rb_device_order_compare(const rb_device_info *a, const rb_device_info *b);

/* Copies up to `max` named ports into out, in label order; returns the total. ctx NULL or
 * an unset setting: 0. Malformed entries of the setting are skipped. */
RB_EXTERN size_t rb_device_port_labels(rb_port_label *out, size_t max, const rb_context *ctx);

/* The label of port `port` into out ("" if unnamed). Returns 1 if named, else 0. */
RB_EXTERN int rb_device_port_label(char *out, size_t cap, const rb_context *ctx,
                                   const char *port);

/* Names (label non-empty) or unnames (label NULL or "") a port and saves the setting. A
 * label another port has moves to this one. RB_ERR_INVALID_ARG, with the reason in
 * rb_context_last_error, for a malformed port path or label. */
RB_EXTERN rb_status rb_device_set_port_label(rb_context *ctx, const char *port,
                                             const char *label);

/* rb_device_set_port_label on the monitor's context, then every device on that port (and
 * on the port the label came from) is reported again (RB_DEVICE_CHANGED) with its label.
 * RB_ERR_INVALID_ARG if the monitor has no context. */
RB_EXTERN rb_status rb_device_monitor_set_port_label(rb_device_monitor *mon, const char *port,
                                                     const char *label);

/* Names for display and JSON: "normal", "recovery", "dfu", "restore", "unknown";
 * "not_paired", "pending", "paired", "refused", "not_applicable", "unknown". */
RB_EXTERN const char *rb_device_mode_name(rb_device_mode mode);
RB_EXTERN const char *rb_trust_state_name(rb_trust_state trust);

#ifdef __cplusplus
}
#endif

#endif
