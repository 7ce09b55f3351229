/*
 * sim.h - shared state of rescuebay-sim: simulated devices behind a fake usbmuxd.
 *
 * One process, one global `struct sim` guarded by sim.lock. Every client connection runs
 * on its own thread; long work (TLS, slow answers) happens without the lock held.
 */
#ifndef RB_SIM_H
#define RB_SIM_H

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <plist/plist.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "mux_frame.h"

#define SIM_MAX_DEVICES 32
#define SIM_MAX_HOSTS 8
#define SIM_MAX_ENV 16
#define SIM_MAX_PORTS 8

typedef enum sim_mode { SIM_NORMAL = 0, SIM_RECOVERY, SIM_DFU, SIM_RESTORE } sim_mode;
#define SIM_MAX_FAULTS 8
#define SIM_MAX_CLAIMS 4

/* A scripted fault (fault.c): at STEP, do ACTION (arg: AMRError number). One-shot. */
struct sim_fault {
    char step[16];
    char action[16];
    int arg;
};

typedef enum sim_trust { TRUST_ACCEPT = 0, TRUST_REFUSE, TRUST_WAIT } sim_trust;

/* Everything a scenario file sets for one device; `reset` goes back to it. */
struct sim_profile {
    char name[64];
    sim_mode mode;
    int attached;
    char product_type[32];
    char hardware_model[32];
    char device_class[16];
    char cpu_arch[16];
    uint64_t ecid;
    char udid[64];
    uint32_t cpid, bdid;
    char serial[32];
    char imei[24];
    char ios_version[16];
    char build_version[16];
    char device_name[128];
    char wifi_mac[24];
    char iboot[64];
    int battery_percent, battery_charging, battery_cycles;
    int64_t disk_total, disk_free;
    char activation[32];
    int find_my;
    int paired;          /* a pair record exists at start (served by ReadPairRecord) */
    sim_trust trust;
    int trust_pending;   /* "pending" answers to Pair before the decision */
    char port[32];       /* USB port path, "1-1.2" (`port`, or `location = BUS-PORT`) */
    int slow_ms;
    int reboot_ms;       /* -1: the [sim] value */
    struct sim_fault faults[SIM_MAX_FAULTS]; /* `fault = step:action` lines */
    int nfaults;
};

/* The device side of a restore (iboot.c, restored.c, asr.c); under sim.lock. */
struct sim_restore {
    unsigned char *upload;   /* the USB upload in progress (recovery bulk or DFU blocks) */
    size_t upload_len, upload_cap;
    char upload_comp[16];    /* its component, from the IM4P tag ("ibec", "ramdisk", ...) */
    int dfu_state;           /* DFU: 2 idle, 5 download-idle, 7 manifest, 10 error */
    int dfu_image_ok;        /* a complete image with a good CRC is waiting for reset */
    char loaded[8][16];      /* components iBoot holds (ramdisk, devicetree, kernel, ...) */
    int nloaded;
    /* what the uploaded ramdisk says it installs (ipsw.c writes it into the payload) */
    char new_version[16], new_build[16], new_product[32];
    int update;              /* the ramdisk is an update (keeps data) */
    /* the restore-mode session */
    unsigned session;        /* device epoch when restore mode began */
    int started;             /* StartRestore received */
    int host_seen;           /* a restore host asked for HardwareInfo */
    int nconn;               /* open connections to restored/ASR/FDR */
    int asr;                 /* 0 waiting, 1 running, 2 done, 3 failed */
    int asr_percent;
    int fdr[4];              /* FDR control connections, closed when the restore ends */
    int nfdr;
    int silent;              /* stops answering (fault `silent`) */
    char step[40];           /* what it is doing now, for ctl list */
    char last[64];           /* outcome of the last restore: "", "done", "failed: ..." */
    int tss_requests;        /* signing requests for this ECID (tss.c) */
};

struct sim_claim {           /* an interface a process holds (fake libusb) */
    uint64_t gen;
    int iface;
    int fd;
};

struct sim_host {            /* a computer this device trusts */
    char host_id[64];
    X509 *root;              /* RootCertificate it must present as TLS client */
};

struct sim_env {
    char key[32];
    char val[128];
};

struct sim_service_port {
    int port;
    char service[64];
    X509 *root;              /* owned copy (X509_up_ref) */
};

struct sim_device {
    struct sim_profile p;    /* what it reports (ctl set changes it; under sim.lock) */
    struct sim_profile orig; /* the scenario's version, restored by reset */
    /* live state (under sim.lock) */
    sim_mode mode;
    int attached;
    int device_id;           /* usbmuxd DeviceID, new on each appearance */
    int usb_gen;             /* bumps on each USB appearance in recovery/DFU */
    char port[32];           /* the port it is plugged into now (ctl replug moves it) */
    int usb_addr;            /* its device address on the bus now, new on every appearance */
    sim_trust trust;
    int trust_pending;
    int slow_ms;
    int drop_next, garbage_next;
    struct sim_host hosts[SIM_MAX_HOSTS];
    int nhosts;
    struct sim_service_port ports[SIM_MAX_PORTS];
    int next_port;
    int conns[16];           /* muxed connections to this device (shut down on unplug) */
    int nconns;
    int rebooting;           /* away from both buses until a timer brings it back */
    unsigned epoch;          /* bumps on every state change; stale timers do nothing */
    struct sim_env env[SIM_MAX_ENV], nv[SIM_MAX_ENV]; /* iBoot: live and saved variables */
    int nenv, nnv;
    char last_getenv[64];
    struct sim_restore rs;
    struct sim_fault faults[SIM_MAX_FAULTS]; /* armed faults (reset re-arms the scenario's) */
    int nfaults;
    struct sim_claim claims[SIM_MAX_CLAIMS];
    int nclaims;
};

struct sim_saved_record {    /* SavePairRecord store */
    char id[64];
    char *data;
    uint64_t len;
};

struct sim {
    pthread_mutex_t lock;
    struct sim_device dev[SIM_MAX_DEVICES];
    int ndev;
    int next_device_id;
    char buid[64];
    char listen_addr[512];
    int listeners[64];
    int nlisteners;
    struct sim_saved_record saved[64];
    int nsaved;
    int reboot_ms;           /* how long a reboot keeps the device away */
    /* key material made at start-up (RSA 2048; shared by all devices) */
    EVP_PKEY *device_key;
    X509 *device_cert;
    char *device_pubkey_pem; /* PKCS#1 "RSA PUBLIC KEY", what lockdownd publishes */
    EVP_PKEY *root_key, *host_key;
    X509 *root_cert, *host_cert;
    char host_id[64];
    int tss_port;            /* the fake signing server / proxy (tss.c), 0 if not running */
};

extern struct sim g_sim;

/* scenario.c */
int sim_scenario_load(const char *path, char *err, size_t errlen);
int sim_profile_set(struct sim_profile *p, const char *key, const char *val);
const char *sim_mode_name(sim_mode m);
int sim_mode_parse(const char *s, sim_mode *out);

/* usbsys.c: ports, addresses and the fake sysfs tree */
int sim_port_ok(const char *port);
int sim_port_bus(const char *port);
int sim_usb_init(const char *listen_addr);
const char *sim_usb_root(void);
void sim_usb_cleanup(void);
void sim_usb_place(struct sim_device *d, int visible);  /* under lock */
void sim_replug(struct sim_device *d, const char *port); /* under lock (muxd.c) */

/* pki.c */
int sim_pki_init(void);
plist_t sim_pki_pair_record(const struct sim_device *d); /* for a pre-paired device */
X509 *sim_pki_x509_from_pem(const char *pem, size_t len);

/* muxd.c */
void sim_serve(int lfd);
void sim_device_props(const struct sim_device *d, plist_t props);
void sim_set_attached(struct sim_device *d, int on);   /* under lock */
void sim_set_mode(struct sim_device *d, sim_mode m);   /* under lock */
void sim_later_mode(struct sim_device *d, sim_mode m);          /* under lock */
void sim_device_reset(struct sim_device *d);           /* under lock */
void sim_device_unpair(struct sim_device *d);          /* under lock */
struct sim_device *sim_find(const char *id);           /* under lock */
struct sim_device *sim_find_device_id(uint64_t id);    /* under lock */
const char *sim_saved_get(const char *id, uint64_t *len);

/* lockdown.c */
void sim_lockdown_run(int fd, struct sim_device *d);
void sim_service_run(int fd, struct sim_device *d, const struct sim_service_port *sp);

/* control.c: private "RbSim*" messages on the muxd socket */
void sim_control_handle(int fd, uint32_t tag, plist_t req);
char *sim_iboot_serial(const struct sim_device *d);
void sim_env_set(struct sim_env *env, int *n, const char *key, const char *val);

/* fault.c */
int sim_fault_parse(const char *spec, struct sim_fault *f);   /* "step:action[=N]" */
int sim_fault_take(struct sim_device *d, const char *step, struct sim_fault *out); /* lock */
int sim_fault_ctl(struct sim_device *d, int argc, const char **argv, char **text); /* lock */
void sim_fault_unplug(struct sim_device *d, int replug, sim_mode mode); /* under lock */
void sim_leave_later(struct sim_device *d, sim_mode m, int after_ms); /* under lock */

/* iboot.c: recovery/DFU device side of the fake libusb */
int sim_iboot_control(struct sim_device *d, uint64_t rt, uint64_t rq, uint64_t value,
                      const char *data, uint64_t dlen, uint64_t len, char *out,
                      size_t *outlen, int64_t *ret);                /* under lock */
int sim_iboot_command(struct sim_device *d, const char *word, const char *cmd); /* lock */
void sim_nonce_hex(const struct sim_device *d, char nonc[65], char snon[41]);
void sim_iboot_lockdown_values(const struct sim_device *d, plist_t v);
void sim_iboot_message(int fd, uint32_t tag, plist_t req, const char *mt);
void sim_restore_reset(struct sim_device *d);                  /* under lock */
void sim_restore_interrupted(struct sim_device *d);            /* under lock */
void sim_nv_set(struct sim_device *d, const char *key, const char *val); /* under lock */

/* restored.c, asr.c: restore mode (ports 62078, 12345, 1082) */
int sim_restore_port(int port);
void sim_restore_wake(void);     /* the ASR session changed (asr.c -> restored.c) */
void sim_restore_serve(int fd, struct sim_device *d, int port);
void sim_asr_run(int fd, struct sim_device *d);
void sim_restore_finish(struct sim_device *d, int ok, const char *why); /* under lock */

/* tss.c */
int sim_tss_start(void);

/* ipsw.c */
int sim_ipsw_main(int argc, char **argv);

#endif
