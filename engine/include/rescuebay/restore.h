/*
 * rescuebay/restore.h - restore jobs: a journaled state machine per device (by ECID) around
 * Debian's idevicerestore, that carries each device to the end by itself.
 *
 *   rb_restore *rs;
 *   rb_restore_options o = RB_RESTORE_OPTIONS_INIT;
 *   o.progress = on_progress; o.payload = me;         // engine threads, see "Threads"
 *   rb_restore_new(&rs, ctx, &o);                      // opens the journal, adopts nothing
 *   rb_restore_resume(&n, rs);                         // kiosk start: adopt unfinished jobs
 *   rb_restore_request rq = RB_RESTORE_REQUEST_INIT;
 *   rq.device_id = "0x1A2B3C"; rq.erase = 1; rq.backup_path = dir; rq.ticket = "RB-2026-00042";
 *   int64_t job;
 *   if (rb_restore_start(&job, rs, &rq) == RB_ERR_REFUSED) ... cause says why
 *   rb_restore_wait(rs, job, -1);                      // or follow the progress callback
 *   rb_restore_job *j; rb_restore_job_get(&j, rs, job);
 *   rb_restore_job_state(j), _cause(j), _next_action(j), _percent(j), _eta_seconds(j) ...
 *   rb_restore_job_free(j); rb_restore_free(rs);
 *
 * States (the UI mirrors rb_restore_state):
 *
 *   preflight -> entering_recovery [-> waiting_for_buttons] -> restoring -> rebooting
 *             -> verifying -> done
 *   any running state --(device gone, tool failed retryably, engine restarted)-->
 *       interrupted -> (same ECID seen in any mode, after a backoff) -> the right state again
 *   failed (cause + next action) | cancelled
 *
 * Every transition is committed to the journal (`restore.db` in the data home; SQLite WAL)
 * before it is acted on, so a process that is killed or a PC that loses power resumes each
 * job from its last committed state (rb_restore_resume). A job is driven by one process at
 * a time: a per-ECID lock file (`restore-locks/<ECID>.lock`, flock) is held by the driving
 * process and inherited by the idevicerestore child, so never two tool runs work on one
 * device, even across processes and even when the driver died before its child.
 *
 * The tool is the setting `restore.tool` (default: idevicerestore from PATH), run as
 *   idevicerestore -i ECID -y -P -C <home>/restore-cache [-e] <cached IPSW>
 * in its own process group, with a log per attempt in <home>/restore-logs/. Its exit code
 * is never the verdict: a job is done when the device is back in normal mode with the
 * build asked for.
 *
 * Settings (rescuebay.conf): restore.tool, restore.max_attempts (3), restore.backoff_ms
 * (2000, doubled per attempt, at most 60000), restore.silence_timeout (seconds without
 * tool output before it counts as hung: 300), restore.device_timeout (seconds to wait for
 * the device to reappear or reboot: 600), restore.button_timeout (seconds to wait for the
 * staff to put a device into recovery/DFU with the buttons: 900), restore.backup_max_age
 * (seconds a recorded deep verification of an unchanged backup stays valid: 86400),
 * restore.min_battery (percent, 20).
 *
 * Threads: an rb_restore handle may be called from any thread; every call is serialised
 * on the handle. Each running job has its own engine thread; callbacks (progress) arrive
 * on those threads, one job's callbacks never overlap each other but two jobs' may; copy
 * what you need and return quickly. Do not call rb_restore_free from a callback. Errors
 * follow the engine's one model (context.h, "Errors"): rb_restore_last_error gives the
 * calling thread's own last failure on the handle, never another thread's; job failures
 * carry their own cause and detail on the job (rb_restore_job_cause_detail).
 */
#ifndef RESCUEBAY_RESTORE_H
#define RESCUEBAY_RESTORE_H

#include "backup.h"
#include "catalog.h"
#include "common.h"
#include "context.h"
#include "device.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Job states. Stored by name in the journal: values may only be appended. */
typedef enum rb_restore_state {
    RB_RESTORE_PREFLIGHT = 1,           /* checking backup, firmware, tool, battery, disk */
    RB_RESTORE_ENTERING_RECOVERY = 2,   /* normal -> recovery by software */
    RB_RESTORE_WAITING_FOR_BUTTONS = 3, /* staff must put it in recovery/DFU (guide) */
    RB_RESTORE_RESTORING = 4,           /* idevicerestore is running */
    RB_RESTORE_REBOOTING = 5,           /* waiting for normal mode */
    RB_RESTORE_VERIFYING = 6,           /* reading build and version */
    RB_RESTORE_DONE = 7,
    RB_RESTORE_INTERRUPTED = 8,         /* waiting for the same ECID, then resumes */
    RB_RESTORE_FAILED = 9,
    RB_RESTORE_CANCELLED = 10
} rb_restore_state;

/* Why a job was interrupted or failed. Stable values and names (JSON, journal). */
typedef enum rb_restore_cause {
    RB_CAUSE_NONE = 0,
    RB_CAUSE_DEVICE_GONE = 1,         /* unplugged / dropped off the bus mid-way */
    RB_CAUSE_TOOL_FAILED = 2,         /* idevicerestore failed for a reason it did not name */
    RB_CAUSE_TOOL_KILLED = 3,         /* the tool died from a signal */
    RB_CAUSE_TOOL_HUNG = 4,           /* no output for restore.silence_timeout */
    RB_CAUSE_ENGINE_RESTARTED = 5,    /* the driving process died (crash, power loss) */
    RB_CAUSE_AMR_ERROR = 6,           /* the device reported an AMRError */
    RB_CAUSE_MASKED_FAILURE = 7,      /* exit 0 but "ERROR:" lines / no DONE */
    RB_CAUSE_RESTORE_MODE_FAILED = 8, /* iBEC / restore-mode / ASR failure (exit 254) */
    RB_CAUSE_ENTER_RECOVERY_FAILED = 9,
    RB_CAUSE_NOT_DETECTED = 10,       /* the tool did not find the device (exit 255) */
    RB_CAUSE_SIGNING_FAILED = 11,     /* the signing server refused or was unreachable */
    RB_CAUSE_NOT_SIGNED = 12,         /* Apple no longer signs this build */
    RB_CAUSE_MODEL_TOO_NEW = 13,      /* the installed idevicerestore/libirecovery lack it */
    RB_CAUSE_TOOL_MISSING = 14,
    RB_CAUSE_NO_BACKUP = 15,          /* erase without a verified backup or a waiver */
    RB_CAUSE_BACKUP_NOT_RESTORABLE = 16,
    RB_CAUSE_BACKUP_NOT_COMPATIBLE = 17,
    RB_CAUSE_BATTERY_LOW = 18,
    RB_CAUSE_DISK_FULL = 19,
    RB_CAUSE_FIRMWARE_UNAVAILABLE = 20,
    RB_CAUSE_WRONG_BUILD = 21,        /* came back with another build than asked */
    RB_CAUSE_DID_NOT_RETURN = 22,     /* never came back in normal mode */
    RB_CAUSE_OUT_OF_RETRIES = 23,     /* the retry budget is spent (last cause in detail) */
    RB_CAUSE_CANCELLED = 24,
    RB_CAUSE_DEVICE_NOT_FOUND = 25,   /* the device to restore is not connected */
    RB_CAUSE_WAIVER_REFUSED = 26,     /* staff sign-in failed, or no ticket for the waiver */
    RB_CAUSE_BUTTONS_TIMEOUT = 27,    /* nobody put the device into recovery/DFU */
    RB_CAUSE_ENGINE_ERROR = 28,       /* journal, disk or memory failure in the engine */
    RB_CAUSE_FIRMWARE_MISMATCH = 29,  /* the IPSW's BuildManifest is for another model/board */
    RB_CAUSE_UPDATE_NOT_OFFERED = 30, /* update asked, the IPSW can only erase this device */
    RB_CAUSE_FIRMWARE_DAMAGED = 31,   /* the IPSW or its BuildManifest cannot be read */
    RB_CAUSE_BACKUP_PASSWORD = 32     /* encrypted backup: password missing or wrong */
} rb_restore_cause;

/* The staff member's next action. Stable values and names. */
typedef enum rb_restore_next {
    RB_RESTORE_NEXT_NONE = 0,
    RB_RESTORE_NEXT_WAIT = 1,            /* leave the cable alone, it works */
    RB_RESTORE_NEXT_RECONNECT = 2,       /* plug the device back in (same bay is fine) */
    RB_RESTORE_NEXT_CHANGE_CABLE = 3,    /* try another cable or port, then resume */
    RB_RESTORE_NEXT_FORCE_RESTART = 4,   /* the model's force-restart steps (guide) */
    RB_RESTORE_NEXT_ENTER_RECOVERY = 5,  /* the model's recovery/DFU button steps (guide) */
    RB_RESTORE_NEXT_CHARGE = 6,
    RB_RESTORE_NEXT_CONTACT_APPLE = 7,   /* hardware fault or nothing else helps */
    RB_RESTORE_NEXT_UPDATE_TOOL = 8,     /* install a newer idevicerestore/libirecovery */
    RB_RESTORE_NEXT_VERIFY_BACKUP = 9,   /* make/verify a backup, or record a waiver */
    RB_RESTORE_NEXT_FREE_DISK = 10,
    RB_RESTORE_NEXT_CHECK_NETWORK = 11,  /* signing/catalog server unreachable */
    RB_RESTORE_NEXT_CHOOSE_BUILD = 12,   /* pick a build Apple still signs */
    RB_RESTORE_NEXT_SIGN_IN = 13,        /* sign in with a valid staff PIN / pick a ticket */
    RB_RESTORE_NEXT_RETRY = 14,          /* start the restore again */
    RB_RESTORE_NEXT_SET_UP_DEVICE = 15,  /* done: hand over / set up the device */
    RB_RESTORE_NEXT_BACKUP_PASSWORD = 16,/* ask the customer for the backup's password */
    RB_RESTORE_NEXT_ERASE_INSTEAD = 17,  /* this firmware cannot update: erase (after a
                                            verified backup) or choose another build */
    RB_RESTORE_NEXT_CHECK_FIRMWARE = 18  /* the catalog's IPSW is wrong or damaged */
} rb_restore_next;

/* Warnings preflight found that do not stop the job (bits). */
#define RB_RESTORE_WARN_FIND_MY           0x01u /* owner's Apple ID needed after an erase */
#define RB_RESTORE_WARN_SIGNING_UNCHECKED 0x02u /* catalog offline: signing not confirmed */
#define RB_RESTORE_WARN_BATTERY_UNKNOWN   0x04u /* not in normal mode: charge not read */
#define RB_RESTORE_WARN_WAIVER            0x08u /* erase runs on a waiver, not a backup */

/* idevicerestore's -P steps (rb_restore_progress.step while restoring). */
typedef enum rb_restore_step {
    RB_RESTORE_STEP_DETECT = 0,
    RB_RESTORE_STEP_PREPARE = 1,
    RB_RESTORE_STEP_UPLOAD_FS = 2,
    RB_RESTORE_STEP_VERIFY_FS = 3,
    RB_RESTORE_STEP_FLASH_FW = 4,
    RB_RESTORE_STEP_FLASH_BB = 5,
    RB_RESTORE_STEP_FUD = 6,
    RB_RESTORE_STEP_UPLOAD_IMG = 7,
    RB_RESTORE_STEP_FIRMWARE = 100   /* preflight is fetching the IPSW (bytes_*) */
} rb_restore_step;

#define RB_RESTORE_PROGRESS_VERSION 1

/* Starts like rb_progress ({version, step, step_fraction, bytes_done, bytes_total}); says
 * which job, its state and the estimates. Valid only during the callback. */
typedef struct rb_restore_progress {
    unsigned int version;       /* RB_RESTORE_PROGRESS_VERSION */
    int step;                   /* rb_restore_step, -1 before the tool reported one */
    double step_fraction;       /* 0..1, -1 unknown */
    uint64_t bytes_done;
    uint64_t bytes_total;       /* 0 if unknown */
    int64_t job;
    uint64_t ecid;
    rb_restore_state state;
    rb_restore_cause cause;     /* while interrupted/failed */
    double percent;             /* 0..100 of the whole job, -1 unknown */
    int eta_seconds;            /* -1 unknown */
    int attempts;
} rb_restore_progress;

/* Called on the job's thread for every state change and every progress line. Return 0 to
 * go on, a negative value to cancel that job (it ends in cancelled). */
typedef int (*rb_restore_progress_cb)(const rb_restore_progress *progress, void *payload);

#define RB_RESTORE_OPTIONS_VERSION 1
typedef struct rb_restore_options {
    unsigned int version;            /* RB_RESTORE_OPTIONS_VERSION */
    rb_restore_progress_cb progress; /* may be NULL */
    void *payload;
    rb_device_monitor *monitor;      /* share the kiosk's monitor; NULL: the handle makes one */
    const char *tool;                /* NULL: setting restore.tool, else PATH */
} rb_restore_options;
#define RB_RESTORE_OPTIONS_INIT { RB_RESTORE_OPTIONS_VERSION, NULL, NULL, NULL, NULL }
/* Fills opts with the defaults of this version (as RB_RESTORE_OPTIONS_INIT). */
RB_EXTERN rb_status rb_restore_options_init(rb_restore_options *opts, unsigned int version);

typedef struct rb_restore rb_restore;

/* Opens the journal (creating or migrating it) and the device monitor. `ctx` (and a
 * shared monitor) must outlive the handle. Starts no job. */
RB_EXTERN rb_status rb_restore_new(rb_restore **out, rb_context *ctx,
                                   const rb_restore_options *opts);
/* Stops driving (running tools are stopped; their jobs stay resumable in the journal, as
 * after a crash) and releases the handle. NULL is a no-op. */
RB_EXTERN void rb_restore_free(rb_restore *rs);
/* Detail of the calling thread's last failure on this handle ("" if none). */
RB_EXTERN const char *rb_restore_last_error(const rb_restore *rs);

#define RB_RESTORE_REQUEST_VERSION 2
typedef struct rb_restore_request {
    unsigned int version;       /* RB_RESTORE_REQUEST_VERSION */
    const char *device_id;      /* UDID or ECID (decimal / 0x-hex) */
    int erase;                  /* 1: erase install (needs backup or waiver); 0: update */
    const char *build;          /* "17E262"; NULL: newest signed */
    const char *backup_path;    /* erase: the customer's backup folder */
    const char *backup_password;/* encrypted backups; never stored */
    const char *ticket;         /* ticket number to log every step on; NULL: none */
    const char *waiver;         /* erase without backup: the customer's consent text */
    const char *staff;          /* who records the waiver ... */
    const char *pin;            /* ... signed in with this PIN (tickets API) */
    /* version 2: 1 = run the preflight only and leave the passed job in the journal for
     * another process to drive (rb_restore_resume there): this handle never touches the
     * device, so nothing it started has to be stopped when it is freed right after. */
    int hand_off;
} rb_restore_request;
#define RB_RESTORE_REQUEST_INIT \
    { RB_RESTORE_REQUEST_VERSION, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0 }
/* Fills req with the defaults of this version (as RB_RESTORE_REQUEST_INIT). */
RB_EXTERN rb_status rb_restore_request_init(rb_restore_request *req, unsigned int version);

/* Creates a job and runs its preflight on the calling thread (firmware may be fetched:
 * progress arrives with step RB_RESTORE_STEP_FIRMWARE), then drives the job on its own
 * thread (unless req->hand_off). *out receives the job id whenever a job was created.
 * RB_ERR_REFUSED when the safety gate says no (the job is failed with its cause), RB_ERR_BUSY if an
 * unfinished job exists for this device, RB_ERR_NOT_FOUND if the device is not seen. */
RB_EXTERN rb_status rb_restore_start(int64_t *out, rb_restore *rs, const rb_restore_request *req);

/* Adopts every unfinished job of the journal that no other process drives (its ECID lock
 * is free) and drives it on its own thread; *count_out (may be NULL) gets how many. */
RB_EXTERN rb_status rb_restore_resume(size_t *count_out, rb_restore *rs);

/* Cancels a job: its tool is stopped (SIGTERM, then SIGKILL) and it ends in cancelled.
 * A job driven by another process is marked for cancel in the journal; that process stops
 * it within a second. RB_ERR_CONFLICT if it already ended. */
RB_EXTERN rb_status rb_restore_cancel(rb_restore *rs, int64_t job);

/* Waits until the job ends (done, failed, cancelled) or timeout_ms (-1: forever) passes:
 * RB_OK when it ended, RB_ERR_TIMEOUT otherwise. For a job this handle does not drive, it
 * polls the journal. */
RB_EXTERN rb_status rb_restore_wait(rb_restore *rs, int64_t job, int timeout_ms);

/* Waits until none of the jobs this handle drives is running any more. */
RB_EXTERN rb_status rb_restore_wait_all(rb_restore *rs, int timeout_ms);

/* ---- one job (a snapshot read from the journal) ---------------------------------- */

typedef struct rb_restore_job rb_restore_job;

/* Reads job `job` (0: the newest). RB_ERR_NOT_FOUND if none. Free with rb_restore_job_free. */
RB_EXTERN rb_status rb_restore_job_get(rb_restore_job **out, rb_restore *rs, int64_t job);
/* Every job, newest first (limit 0: all); ids into *ids (free with rb_free). */
RB_EXTERN rb_status rb_restore_job_list(int64_t **ids, size_t *count, rb_restore *rs,
                                        int unfinished_only, size_t limit);
/* Releases a snapshot; NULL is a no-op. */
RB_EXTERN void rb_restore_job_free(rb_restore_job *job);

/* Accessors; strings are owned by the snapshot and never NULL ("" if unset). */
RB_EXTERN int64_t rb_restore_job_id(const rb_restore_job *job);
RB_EXTERN uint64_t rb_restore_job_ecid(const rb_restore_job *job);
RB_EXTERN rb_restore_state rb_restore_job_state(const rb_restore_job *job);
RB_EXTERN rb_restore_cause rb_restore_job_cause(const rb_restore_job *job);
/* The cause in plain English for logs and the CLI (the UI translates from the code). */
RB_EXTERN const char *rb_restore_job_cause_detail(const rb_restore_job *job);
RB_EXTERN rb_restore_next rb_restore_job_next_action(const rb_restore_job *job);
/* The next action in plain English, for this model (e.g. its force-restart buttons). */
RB_EXTERN const char *rb_restore_job_next_action_text(const rb_restore_job *job);
RB_EXTERN int rb_restore_job_attempts(const rb_restore_job *job);     /* tool runs started */
RB_EXTERN int rb_restore_job_max_attempts(const rb_restore_job *job);
RB_EXTERN double rb_restore_job_percent(const rb_restore_job *job);   /* 0..100 */
RB_EXTERN int rb_restore_job_eta_seconds(const rb_restore_job *job);  /* -1 unknown */
RB_EXTERN int rb_restore_job_step(const rb_restore_job *job);         /* rb_restore_step, -1 */
RB_EXTERN int rb_restore_job_erase(const rb_restore_job *job);
RB_EXTERN unsigned int rb_restore_job_warnings(const rb_restore_job *job);
RB_EXTERN const char *rb_restore_job_product_type(const rb_restore_job *job);
RB_EXTERN const char *rb_restore_job_build(const rb_restore_job *job);   /* target */
RB_EXTERN const char *rb_restore_job_version(const rb_restore_job *job); /* target */
RB_EXTERN const char *rb_restore_job_ipsw(const rb_restore_job *job);
RB_EXTERN const char *rb_restore_job_ticket(const rb_restore_job *job);
RB_EXTERN const char *rb_restore_job_created_at(const rb_restore_job *job);
RB_EXTERN const char *rb_restore_job_updated_at(const rb_restore_job *job);
/* Log file of the latest attempt ("" before the first). */
RB_EXTERN const char *rb_restore_job_log_path(const rb_restore_job *job);
/* 1 while a live process drives the job (its ECID lock is held). */
RB_EXTERN int rb_restore_job_driven(const rb_restore_job *job);

/* Names for JSON and the journal: "preflight", "entering_recovery", "waiting_for_buttons",
 * "restoring", "rebooting", "verifying", "done", "interrupted", "failed", "cancelled";
 * causes "device_gone", ...; next actions "reconnect", ... Never NULL. */
RB_EXTERN const char *rb_restore_state_name(rb_restore_state state);
RB_EXTERN const char *rb_restore_cause_name(rb_restore_cause cause);
RB_EXTERN const char *rb_restore_next_name(rb_restore_next next);
/* English fallback sentence for a cause (the UI translates from the code). */
RB_EXTERN const char *rb_restore_cause_text(rb_restore_cause cause);
/* 1 for done, failed and cancelled. */
RB_EXTERN int rb_restore_state_is_final(rb_restore_state state);

/* ---- the preflight as a checklist (for a screen that shows every check) -------- */

/* The preflight's checks, in the order a screen lists them. Values may only be appended. */
typedef enum rb_restore_check {
    RB_RESTORE_CHECK_TOOL = 0,      /* idevicerestore is installed */
    RB_RESTORE_CHECK_MODEL = 1,     /* the installed tools know this model */
    RB_RESTORE_CHECK_FIRMWARE = 2,  /* the IPSW is in the cache and Apple signs it */
    RB_RESTORE_CHECK_BACKUP = 3,    /* erase: a verified backup of this device, or a waiver */
    RB_RESTORE_CHECK_BATTERY = 4,   /* charge at least restore.min_battery */
    RB_RESTORE_CHECK_FIND_MY = 5,   /* erase with Find My on needs the owner's Apple ID */
    RB_RESTORE_CHECK_DISK = 6       /* room for the tool's working copy */
} rb_restore_check;
#define RB_RESTORE_CHECK_COUNT 7

typedef enum rb_restore_check_result {
    RB_RESTORE_CHECK_PENDING = 0,   /* not run yet (preflight running, or it stopped earlier) */
    RB_RESTORE_CHECK_PASSED = 1,
    RB_RESTORE_CHECK_WARNING = 2,   /* does not stop the job; `warning` says which */
    RB_RESTORE_CHECK_FAILED = 3,    /* the job was refused here; `cause` says why */
    RB_RESTORE_CHECK_SKIPPED = 4    /* does not apply (an update keeps the data) */
} rb_restore_check_result;

typedef struct rb_restore_check_item {
    rb_restore_check check;
    rb_restore_check_result result;
    rb_restore_cause cause;   /* RB_RESTORE_CHECK_FAILED: the refusal, else RB_CAUSE_NONE */
    unsigned int warning;     /* RB_RESTORE_CHECK_WARNING: an RB_RESTORE_WARN_* bit, else 0 */
} rb_restore_check_item;

/* The preflight of a job as RB_RESTORE_CHECK_COUNT items (in rb_restore_check order) from
 * what its snapshot says: rb_restore_job_state, _cause, _warnings, _erase, _attempts. The
 * preflight stops at its first refusal, so the checks it never reached stay pending. */
RB_EXTERN void rb_restore_checklist(rb_restore_check_item out[RB_RESTORE_CHECK_COUNT],
                                    rb_restore_state state, rb_restore_cause cause,
                                    unsigned int warnings, int erase, int attempts);
/* "tool", "model", "firmware", "backup", "battery", "find_my", "disk"; never NULL. */
RB_EXTERN const char *rb_restore_check_name(rb_restore_check check);

/* ---- The device a backup would go to: where devices, the catalog and backups meet ----
 * Backup reads neither devices nor the catalog; these fill what a backup check needs
 * (for `rescuebay backup verify --device/--target-model`, the kiosk and preflight).
 * Threading: no state of their own; cat is immutable and may be shared by threads. */
typedef struct rb_restore_target {
    char ios_version[16];       /* "" if not known */
    char product_type[32];      /* "" if not known */
    char model_name[64];        /* marketing name from the catalog, "" if unknown */
    rb_backup_family family;
} rb_restore_target;

/* The target from a product type and iOS version (either may be NULL), named from cat
 * (NULL: family from the prefix only, no name). Never fails. */
RB_EXTERN void rb_restore_target_from_model(rb_restore_target *out, const rb_catalog *cat,
                                            const char *product_type, const char *ios_version);

/* The target read from a connected device (UDID or ECID), waiting up to timeout_ms (<= 0:
 * 5000) for it: RB_ERR_NOT_FOUND if it is not there, RB_ERR_DEVICE if it does not tell its
 * iOS version (not paired, or in recovery). Detail on ctx. */
RB_EXTERN rb_status rb_restore_target_from_device(rb_restore_target *out, rb_context *ctx,
                                                  const rb_catalog *cat, const char *device_id,
                                                  int timeout_ms);

/* Points o's target fields at t (NULL: none; t must outlive the verify) and its
 * describe_model at cat (NULL: none; cat must outlive the verify or list). */
RB_EXTERN void rb_restore_backup_options(rb_backup_options *o, const rb_restore_target *t,
                                         const rb_catalog *cat);

/* rb_backup_model_cb over a catalog (payload: const rb_catalog *). */
RB_EXTERN int rb_restore_describe_model(rb_backup_model *out, const char *product_type,
                                        void *catalog);

/* The battery check on its own, for screens that show the charge before any restore
 * (the kiosk's card marks it): 1 when `dev` is in normal mode with a known charge below
 * restore.min_battery (a restore would be refused with RB_CAUSE_BATTERY_LOW), else 0.
 * Reads only settings: any thread; ctx NULL uses the built-in 20 %. */
RB_EXTERN int rb_restore_battery_low(rb_context *ctx, const rb_device_info *dev);

#ifdef __cplusplus
}
#endif

#endif
