/*
 * restore/restore_private.h - shared between the files of the restore jobs. Not installed.
 *
 *   journal.c   the SQLite journal (jobs, transitions, attempts, backup verifications)
 *   lock.c      per-ECID lock files
 *   parse.c     idevicerestore output and exit codes -> steps, percent, causes
 *   names.c     names, plain-language causes and next actions
 *   tool.c      running idevicerestore (process group, pipes, silence timeout)
 *   preflight.c the safety gate
 *   job.c       the state machine of one job (its thread)
 *   manager.c   the public handle: start, resume, cancel, wait, snapshots
 */
#ifndef RB_RESTORE_RESTORE_PRIVATE_H
#define RB_RESTORE_RESTORE_PRIVATE_H

#include <pthread.h>
#include <sqlite3.h>
#include <stdbool.h>

#include "core/internal.h"
#include "rescuebay/restore.h"

#define RS_SCHEMA_CURRENT 1

/* One job as the journal holds it. */
struct rs_job {
    int64_t id;
    uint64_t ecid;
    char udid[64];
    char product_type[32];
    char hardware_model[32];
    char model_name[64];
    uint32_t cpid, bdid;
    int erase;
    char build[32], version[32];
    char start_build[32];        /* the device's build when the job was created */
    char ipsw[4096];
    char sha1[41];
    char ticket[64];
    char backup_path[4096];
    int gate_ok;                 /* the safety gate passed (backup or waiver recorded) */
    rb_restore_state state;
    rb_restore_state resume_from;/* while interrupted: the state it was interrupted in */
    rb_restore_cause cause;
    char detail[512];
    rb_restore_next next;
    int attempts, max_attempts;
    double percent;
    int eta;
    int step;
    unsigned int warnings;
    int cancel_requested;
    int driver_pid;
    char created_at[32], updated_at[32];
    char log_path[4096];
};

struct rb_restore_job {
    struct rs_job j;
    int driven;
    char next_text[640];
};

/* ---- journal.c ---- */
struct rs_journal {
    sqlite3 *db;
    pthread_mutex_t mu;
    rb__errs *err;
};
/* Helpers shared by journal.c and attempts.c (callers hold jr->mu where they write). */
int64_t rb__rs_j_wall_ms(void);
rb_status rb__rs_j_dberr(struct rs_journal *jr, const char *what);
rb_status rb__rs_j_exec(struct rs_journal *jr, const char *sql);
rb_status rb__rs_j_end_tx(struct rs_journal *jr, rb_status st);
void rb__rs_j_now_iso(char out[32]);
void rb__rs_j_ecid_text(char out[24], uint64_t ecid);
rb_status rb__rs_j_save_locked(struct rs_journal *jr, const struct rs_job *j, const char *now);
/* One statement with parameters by `types` ('i' int64_t, 't' text), run to completion;
 * _locked: the caller holds jr->mu (inside a transaction); *rowid (may be NULL) gets the
 * inserted row. */
rb_status rb__rs_j_run_locked(struct rs_journal *jr, int64_t *rowid, const char *sql,
                              const char *types, ...);
rb_status rb__rs_j_run(struct rs_journal *jr, const char *sql, const char *types, ...);
rb_status rb__rs_journal_open(struct rs_journal **out, rb_context *ctx, rb__errs *err);
void rb__rs_journal_close(struct rs_journal *jr);
rb_status rb__rs_job_insert(struct rs_journal *jr, struct rs_job *job);
rb_status rb__rs_job_load(struct rs_journal *jr, int64_t id, struct rs_job *out);
/* Commits state (and cause, detail, next action) plus a transitions row, in one
 * transaction, and only then updates *job. */
rb_status rb__rs_transition(struct rs_journal *jr, struct rs_job *job, rb_restore_state to,
                            rb_restore_cause cause, rb_restore_next next, const char *detail);
/* Percent, step, ETA, warnings, ipsw/build/version: not a transition, no row. */
rb_status rb__rs_job_save(struct rs_journal *jr, const struct rs_job *job);
/* attempts++ and an attempt row (before the tool starts); *attempt_id out. */
rb_status rb__rs_attempt_begin(struct rs_journal *jr, struct rs_job *job, const char *log_path,
                               int64_t *attempt_id);
/* The tool's process id (for the log and for tests that kill the tool). */
rb_status rb__rs_attempt_set_pid(struct rs_journal *jr, int64_t attempt_id, int tool_pid);
rb_status rb__rs_attempt_end(struct rs_journal *jr, int64_t attempt_id, int exit_code,
                             rb_restore_cause cause, const char *summary);
/* Attempts whose tool start was recorded but whose end was not (driver died). */
rb_status rb__rs_attempts_close_open(struct rs_journal *jr, int64_t job_id, const char *why);
rb_status rb__rs_job_ids(struct rs_journal *jr, int unfinished_only, size_t limit,
                         int64_t **ids, size_t *count);
/* The unfinished job of this ECID, 0 if none. */
int64_t rb__rs_job_for_ecid(struct rs_journal *jr, uint64_t ecid);
rb_status rb__rs_cancel_request(struct rs_journal *jr, int64_t id);
int rb__rs_cancel_requested(struct rs_journal *jr, int64_t id);
rb_status rb__rs_set_driver(struct rs_journal *jr, struct rs_job *job, int pid);
/* Backup verifications: fingerprint of the backup's key files; verdict recorded. */
rb_status rb__rs_backup_record(struct rs_journal *jr, const char *path, const char *fingerprint,
                               const char *product_type, const char *target_version,
                               const char *verdict);
/* 1 if a restorable verdict for this fingerprint/target was recorded within max_age s. */
int rb__rs_backup_recent(struct rs_journal *jr, const char *fingerprint,
                         const char *product_type, const char *target_version,
                         int64_t max_age);

/* ---- lock.c ---- */
/* Takes the ECID's lock without waiting: the fd (>= 0), or -1 with errno EWOULDBLOCK
 * when another process (or a surviving tool) holds it. */
int rb__rs_lock_try(const char *home, uint64_t ecid);
void rb__rs_lock_release(int fd);
/* 1 if somebody holds the ECID's lock right now. */
int rb__rs_lock_held(const char *home, uint64_t ecid);

/* ---- parse.c ---- */
struct rs_parse {
    int step;                 /* last "progress: N" step, -1 none */
    double fraction;
    int done_seen;            /* "DONE" */
    int failed_seen;          /* "RESTORE FAILED" */
    int finished_status;      /* "Status: Restore Finished" */
    int error_lines;          /* "ERROR:" / "<Error>" lines (stderr or stdout) */
    int amr_error;            /* AMRError N, 0 none */
    int unknown_type;         /* "Unable to discover device type" */
    int no_device;            /* "Unable to discover device mode" / no device found */
    int signing;              /* TSS / signing trouble */
    int not_signed;           /* the build is not being signed */
    int disconnected;         /* connection dropped / device vanished */
    int restore_mode;         /* failed to enter restore mode / iBEC */
    int enter_recovery;       /* failed to enter recovery */
    int lines;
    char last_error[256];
    char mode_seen[16];       /* "Recovery", "DFU", "Normal"... from "Found device in" */
};
void rb__rs_parse_init(struct rs_parse *p);
/* One output line (without the newline). Returns 1 if step/fraction changed. */
int rb__rs_parse_line(struct rs_parse *p, const char *line, int is_stderr);

struct rs_verdict {
    int success;              /* the tool claims a finished restore (still to be checked) */
    int retryable;
    rb_restore_cause cause;
    rb_restore_next next;
    char detail[384];
};
/* how: 0 exited (code), 1 killed by signal `code` not sent by us, 2 we stopped it because
 * it was silent too long, 3 cancelled by us. */
void rb__rs_classify(struct rs_verdict *out, const struct rs_parse *p, int how, int code);
/* Overall job percent (0..100) for a state and, while restoring, the tool's step. */
double rb__rs_percent(rb_restore_state state, int step, double fraction);

/* ---- names.c ---- */
rb_restore_state rb__rs_state_from_name(const char *name);
rb_restore_cause rb__rs_cause_from_name(const char *name);
rb_restore_next rb__rs_next_from_name(const char *name);
/* The default next action of a cause. */
rb_restore_next rb__rs_next_for_cause(rb_restore_cause cause);
/* English next-action sentence; model-specific buttons filled from the catalog. */
void rb__rs_next_text(char *out, size_t cap, rb_restore_next next, const struct rs_job *job);

/* ---- tool.c ---- */
struct rs_tool_run {
    const char *tool;          /* path */
    const char *home;
    const struct rs_job *job;
    const char *log_path;
    int lock_fd;               /* inherited by the child */
    int silence_ms;
    /* called for every line and about every 500 ms; return nonzero to stop the tool */
    int (*on_line)(void *arg, const char *line, int is_stderr);
    int (*should_stop)(void *arg);
    void (*on_start)(void *arg, int pid);
    void *arg;
    /* out */
    int how, code;             /* as rb__rs_classify takes them */
    int pid;
};
rb_status rb__rs_tool_run(struct rs_tool_run *run, rb__errs *err);
/* The tool's path: setting/option, else idevicerestore from PATH; NULL if none. */
char *rb__rs_find_tool(const char *configured);

/* ---- manager.c / job.c ---- */
struct rs_runner;
struct rs_manager {
    rb_context *ctx;
    rb_device_monitor *mon;
    int own_mon;
    char *tool_opt;
    rb_restore_progress_cb progress;
    void *payload;
    struct rs_journal *jr;
    pthread_mutex_t mu;
    pthread_cond_t cv;          /* a runner ended, or the device table changed */
    struct rs_runner *runners;
    unsigned dev_gen;           /* bumped on every device event */
    bool stopping;
    rb__errs *err;              /* the one error model: core/internal.h */
};

struct rs_runner {
    struct rs_manager *m;
    struct rs_job job;
    pthread_t thread;
    int lock_fd;
    bool running;
    bool parked;                /* interrupted, device not back in time: thread ended */
    bool wait_lock;             /* resume: a dead driver's tool may still hold the lock */
    uint64_t fw_done, fw_total; /* preflight's firmware download */
    bool cancel;
    bool thread_started;        /* a thread exists that was not joined yet */
    bool adopted;               /* taken over from the journal (resume), not started here */
    double fraction;            /* tool step fraction */
    uint64_t cancel_checked_ms;
    uint64_t tool_started_ms, tool_ended_ms, done_ms;
    uint64_t dev_event_ms;      /* this ECID's last device event (on_device, under mu) */
    struct rs_runner *next;
};

/* Sleeps ms milliseconds (poll-based, no signals involved). */
void rb__rs_sleep_ms(int ms);
/* Settings with defaults. */
long rb__rs_setting_long(rb_context *ctx, const char *key, long fallback);
/* restore.min_battery: the percent a restore from normal mode needs (checklist.c). */
long rb__rs_min_battery(rb_context *ctx);

void *rb__rs_job_thread(void *arg);
/* Reports progress for the runner's job; returns nonzero if the callback asked to cancel. */
int rb__rs_report(struct rs_runner *r);
/* Appends to the job's ticket (if any); failures are logged, never fatal. */
void rb__rs_ticket_event(rb_context *ctx, const struct rs_job *job, int type,
                         const char *summary, const char *detail_json);

/* ---- preflight.c ---- */
struct rs_preflight_in {
    const rb_restore_request *req;
    const rb_device_info *dev;
    const char *tool;           /* found tool or NULL */
};
/* Runs every check, filling job (build, version, ipsw, sha1, warnings, gate_ok). On a
 * refusal returns RB_ERR_REFUSED with job->cause / next / detail set. */
rb_status rb__rs_preflight(struct rs_manager *m, struct rs_runner *r,
                           const struct rs_preflight_in *in);
/* ---- manifest.c ---- */
struct rs_manifest_want {
    const char *product_type;   /* must be in SupportedProductTypes */
    const char *hardware_model; /* "" / NULL unknown: DeviceClass not compared */
    uint32_t cpid, bdid;        /* 0 unknown: ApChipID/ApBoardID not compared */
    int erase;                  /* 0: an "Update" identity is needed */
};
/* RB_CAUSE_NONE if the IPSW's manifest fits; else firmware_damaged, firmware_mismatch or
 * update_not_offered with the specifics in detail. */
rb_restore_cause rb__rs_manifest_check(const char *ipsw, const struct rs_manifest_want *w,
                                       char *detail, size_t cap);
/* The same for the manifest's bytes (named `name` in messages); for tests and fuzzing. */
rb_restore_cause rb__rs_manifest_check_data(const char *data, size_t len,
                                            const struct rs_manifest_want *w, const char *name,
                                            char *detail, size_t cap);

/* Whether the installed libirecovery knows the model (by product type or cpid/bdid). */
int rb__rs_tool_knows_model(const char *product_type, uint32_t cpid, uint32_t bdid);

#endif
