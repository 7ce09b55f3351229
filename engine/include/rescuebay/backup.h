/*
 * rescuebay/backup.h - offline verification of iTunes/Finder backups before a device is
 * erased: a verdict with every reason, an inventory of what can be saved, and extraction
 * of the intact files of a category.
 *
 *   rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
 *   o.password = "...";                      // optional; encrypted backups need it
 *   o.target_ios = "17.4"; o.target_product_type = "iPhone15,2";   // optional
 *   // The model catalog is not read here: the caller gives family and names (the
 *   // restore module's rb_restore_target_* fill them from a device and the catalog).
 *   rb_backup_report *r;
 *   if (rb_backup_verify(&r, ctx, dir, &o) == RB_OK) {
 *       switch (rb_backup_report_verdict(r)) { ... }
 *       rb_backup_report_free(r);
 *   }
 *
 * The backup folder is never created, written or modified: Manifest.db is opened with
 * SQLite's immutable=1, or read from a private copy (decrypted, or with its -wal), made
 * under the data home's tmp/ folder (never $TMPDIR) and removed at once; copies left by
 * a run that was killed are removed by the next verification. Memory stays bounded whatever the number of files:
 * rows are streamed from SQLite and at most `max_findings` findings are kept (counts are
 * always exact).
 *
 * Threading: no handle of its own; calls on different backups, or on the same one, may run
 * on any threads at once (each call opens what it reads). Reports are immutable once
 * returned and may be read from any thread. Progress callbacks run on the calling thread.
 * Errors follow the engine's one model (context.h, "Errors"): the detail is on the
 * context given, for the calling thread.
 */
#ifndef RESCUEBAY_BACKUP_H
#define RESCUEBAY_BACKUP_H

#include "common.h"
#include "context.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum rb_backup_verdict {
    RB_BACKUP_RESTORABLE = 0,
    RB_BACKUP_CORRUPT = 1,
    RB_BACKUP_NOT_COMPATIBLE = 2,
    RB_BACKUP_PASSWORD_NEEDED = 3,
    RB_BACKUP_WRONG_PASSWORD = 4
} rb_backup_verdict;

typedef enum rb_backup_depth {
    RB_BACKUP_HEADERS = 0,  /* plists, Snapshot/, Manifest.db header only (backup list) */
    RB_BACKUP_QUICK = 1,    /* + every row, presence and size of every file; no content read */
    RB_BACKUP_DEEP = 2      /* + Digests, readability, and with a password every decryption */
} rb_backup_depth;

typedef enum rb_backup_severity {
    RB_BACKUP_INFO = 0,
    RB_BACKUP_WARNING = 1,
    RB_BACKUP_ERROR = 2     /* decides the verdict */
} rb_backup_severity;

typedef enum rb_backup_category {
    RB_BACKUP_CAT_PHOTOS = 0,
    RB_BACKUP_CAT_MESSAGES,
    RB_BACKUP_CAT_CONTACTS,
    RB_BACKUP_CAT_CALL_HISTORY,
    RB_BACKUP_CAT_NOTES,
    RB_BACKUP_CAT_VOICE_MEMOS,
    RB_BACKUP_CAT_SAFARI,
    RB_BACKUP_CAT_APP_DATA,
    RB_BACKUP_CAT_HEALTH,
    RB_BACKUP_CAT_KEYCHAIN,
    RB_BACKUP_CAT_OTHER,
    RB_BACKUP_CATEGORY_COUNT
} rb_backup_category;

/* One reason. Strings are owned by the report; never NULL ("" when not applicable). */
typedef struct rb_backup_finding {
    const char *code;           /* stable snake_case, e.g. "file_missing" (docs/cli-backup.md) */
    rb_backup_severity severity;
    rb_backup_verdict verdict;  /* the verdict an ERROR implies */
    const char *domain;         /* Manifest.db domain, "" for backup-level findings */
    const char *relative_path;  /* path in the domain, or the backup-relative file name */
    const char *file_id;
    const char *detail;         /* plain English */
} rb_backup_finding;

/* What the backup says about itself (Manifest.plist first, Info.plist as fallback). */
typedef struct rb_backup_info {
    char udid[64];
    char device_name[128];
    char product_type[32];      /* "iPhone14,5" */
    char model_name[64];        /* marketing name from options->describe_model, else "" */
    char ios_version[16];
    char build_version[16];
    char date[32];              /* ISO 8601 UTC, "" if unknown */
    int encrypted;              /* 1/0, -1 unknown */
    int snapshot_finished;      /* 1/0, -1 unknown */
} rb_backup_info;

typedef struct rb_backup_summary {
    uint64_t rows, files, directories, symlinks;
    uint64_t bytes_total;       /* sum of recorded Size of file rows */
    uint64_t files_present, files_missing, size_mismatches;
    uint64_t files_read, bytes_read;            /* deep */
    uint64_t digests_checked, digest_mismatches;
    uint64_t files_decrypted, decrypt_failures;
    uint64_t orphans;
    uint64_t errors, warnings, infos;
    uint64_t findings_dropped;  /* beyond max_findings: counted, not kept */
} rb_backup_summary;

typedef struct rb_backup_category_stats {
    uint64_t files_intact, bytes_intact;
    uint64_t files_damaged, bytes_damaged;
} rb_backup_category_stats;

/* Progress steps reported through rb_progress.step. */
typedef enum rb_backup_step {
    RB_BACKUP_STEP_HEADERS = 1,
    RB_BACKUP_STEP_KEYBAG = 2,      /* password derivation: about a second */
    RB_BACKUP_STEP_MANIFEST = 3,
    RB_BACKUP_STEP_FILES = 4,       /* items = file rows, bytes = content read */
    RB_BACKUP_STEP_ORPHANS = 5
} rb_backup_step;

/* Kind of device, as the model catalog's rb_device_family (same values). */
typedef enum rb_backup_family {
    RB_BACKUP_FAMILY_UNKNOWN = 0,
    RB_BACKUP_FAMILY_IPHONE = 1,
    RB_BACKUP_FAMILY_IPAD = 2,
    RB_BACKUP_FAMILY_IPOD = 3,
    RB_BACKUP_FAMILY_OTHER = 4      /* Apple TV, Watch...: never a restore target */
} rb_backup_family;

/* What the caller knows about a product type, e.g. from the model catalog. */
typedef struct rb_backup_model {
    rb_backup_family family;
    char name[64];                  /* marketing name, "" if unknown */
} rb_backup_model;

/* Describes a product type into *out (zeroed before the call); returns 0, or -1 if it
 * is unknown (the family then comes from the product type's prefix). May be called from
 * any thread that verifies or lists. */
typedef int (*rb_backup_model_cb)(rb_backup_model *out, const char *product_type, void *payload);

#define RB_BACKUP_OPTIONS_VERSION 2

typedef struct rb_backup_options {
    unsigned int version;           /* RB_BACKUP_OPTIONS_VERSION */
    rb_backup_depth depth;          /* default RB_BACKUP_DEEP */
    const char *password;           /* NULL: none given; never stored or logged */
    const char *target_ios;         /* device iOS version, e.g. "17.4"; NULL: not checked */
    const char *target_product_type; /* "iPhone15,2"; NULL: not checked */
    rb_progress_cb progress;
    void *progress_payload;
    size_t max_findings;            /* findings kept in the report; 0 = 1000 */
    /* Version 2: */
    rb_backup_family target_family; /* UNKNOWN: from describe_model, else the prefix */
    const char *target_model_name;  /* "iPhone 14 Pro" for messages; NULL: describe_model */
    rb_backup_model_cb describe_model; /* names the backup's (and target's) model; NULL:
                                        * family from the prefix, info.model_name "" */
    void *describe_payload;
} rb_backup_options;

#define RB_BACKUP_OPTIONS_INIT \
    { RB_BACKUP_OPTIONS_VERSION, RB_BACKUP_DEEP, NULL, NULL, NULL, NULL, NULL, 0, \
      RB_BACKUP_FAMILY_UNKNOWN, NULL, NULL, NULL }

/* Fills opts with the defaults of `version` (1 or 2; as RB_BACKUP_OPTIONS_INIT);
 * RB_ERR_INVALID_ARG for an unknown version. A version 1 struct is read up to
 * max_findings only. */
RB_EXTERN rb_status rb_backup_options_init(rb_backup_options *opts, unsigned int version);

typedef struct rb_backup_report rb_backup_report;

/* Verifies the backup in `dir`. Returns RB_OK whenever a verdict was reached (a corrupt
 * backup is RB_OK with verdict CORRUPT); RB_ERR_NOT_FOUND if dir is not a folder,
 * RB_ERR_CANCELLED if the progress callback asked to stop, RB_ERR_NOMEM... (detail on ctx). */
RB_EXTERN rb_status rb_backup_verify(rb_backup_report **out, rb_context *ctx, const char *dir,
                                     const rb_backup_options *options);

/* Releases a report; NULL is a no-op. */
RB_EXTERN void rb_backup_report_free(rb_backup_report *report);
/* Accessors of a report, valid until rb_backup_report_free: the verdict, the depth that
 * was checked, what the backup says about itself, summary counts, and the stored findings
 * (the i-th of rb_backup_report_finding_count; the list may be capped, counts are exact). */
RB_EXTERN rb_backup_verdict rb_backup_report_verdict(const rb_backup_report *report);
RB_EXTERN rb_backup_depth rb_backup_report_depth(const rb_backup_report *report);
/* 1 when every row of Manifest.db was read, so the category counts cover the whole backup;
 * 0 when it could not be read (to its end: finding `manifest_db_incomplete`), was not
 * opened (no password, damaged) or the depth was RB_BACKUP_HEADERS. */
RB_EXTERN int rb_backup_report_inventory_complete(const rb_backup_report *report);
RB_EXTERN const rb_backup_info *rb_backup_report_info(const rb_backup_report *report);
RB_EXTERN const rb_backup_summary *rb_backup_report_summary(const rb_backup_report *report);
RB_EXTERN size_t rb_backup_report_finding_count(const rb_backup_report *report);
RB_EXTERN const rb_backup_finding *rb_backup_report_finding(const rb_backup_report *report,
                                                            size_t i);
/* Number of findings with `code` (exact, including dropped ones). */
RB_EXTERN uint64_t rb_backup_report_code_count(const rb_backup_report *report, const char *code);
/* Distinct finding codes seen, with exact counts: fills up to max, returns how many. */
RB_EXTERN size_t rb_backup_report_codes(const rb_backup_report *report, const char **codes,
                                        uint64_t *counts, size_t max);
/* Whether findings of this severity are "serious": worth showing staff as a reason for the
 * verdict (warnings and errors). Info findings are noise to staff. Pure. */
RB_EXTERN int rb_backup_severity_serious(rb_backup_severity severity);
/* The serious codes (any finding of the code, kept or dropped, is serious), most frequent
 * first (equal counts in the order first met), with exact counts: what the kiosk lists
 * as the reasons for a verdict. Fills up to max, returns how many. */
RB_EXTERN size_t rb_backup_report_serious_codes(const rb_backup_report *report,
                                                const char **codes, uint64_t *counts,
                                                size_t max);
RB_EXTERN const rb_backup_category_stats *rb_backup_report_category(const rb_backup_report *report,
                                                                    rb_backup_category cat);

/* Result of rb_backup_extract. */
typedef struct rb_backup_extract_result {
    uint64_t files_written, bytes_written;
    uint64_t files_damaged;     /* skipped: missing, wrong size/digest, undecryptable */
    uint64_t files_unsafe;      /* skipped: path would leave the output folder */
} rb_backup_extract_result;

/* Copies (decrypting if needed) the intact files of `category` into out_dir as
 * out_dir/<domain>/<relativePath>. Never writes outside out_dir: unsafe paths are
 * skipped, symbolic links are never followed or created, existing files are not
 * overwritten (RB_ERR_CONFLICT). Uses options->password and ->progress only. */
RB_EXTERN rb_status rb_backup_extract(rb_backup_extract_result *out, rb_context *ctx,
                                      const char *dir, rb_backup_category category,
                                      const char *out_dir, const rb_backup_options *options);

/* One backup found by rb_backup_list. */
typedef struct rb_backup_entry {
    char *path;
    rb_backup_info info;
    uint64_t size_bytes;        /* sum of the folder's file sizes */
    rb_backup_verdict verdict;  /* from a HEADERS-depth check */
    char status[32];            /* "complete", "incomplete", "damaged", "unreadable" */
} rb_backup_entry;

/* Where backups are searched, the one rule for kiosk and CLI, in this order: this
 * computer's default folders (macOS ~/Library/Application Support/MobileSync/Backup,
 * Windows %APPDATA%\Apple Computer\MobileSync\Backup and
 * %USERPROFILE%\Apple\MobileSync\Backup), the folders of the setting `backup.roots`
 * (`:`-separated), then those of $RB_BACKUP_ROOTS (adds to the setting, does not replace
 * it). Empty entries are skipped, duplicates kept once. *out is a NULL-terminated array
 * freed with rb_backup_roots_free; *count may be NULL. */
RB_EXTERN rb_status rb_backup_roots(char ***out, size_t *count, rb_context *ctx);
RB_EXTERN void rb_backup_roots_free(char **roots);

/* Lists backups under the folders of rb_backup_roots (if include_defaults) and under each
 * of `roots`. Uses options->describe_model only (NULL: no marketing names). *out is an
 * array the caller frees with rb_backup_list_free. */
RB_EXTERN rb_status rb_backup_list(rb_backup_entry **out, size_t *count, rb_context *ctx,
                                   const char *const *roots, size_t root_count,
                                   int include_defaults, const rb_backup_options *options);
RB_EXTERN void rb_backup_list_free(rb_backup_entry *entries, size_t count);

/* "restorable", "corrupt", "not_compatible", "password_needed", "wrong_password". */
RB_EXTERN const char *rb_backup_verdict_name(rb_backup_verdict verdict);
RB_EXTERN const char *rb_backup_severity_name(rb_backup_severity severity);
/* "photos", "messages", "contacts", "call_history", "notes", "voice_memos", "safari",
 * "app_data", "health", "keychain", "other". */
RB_EXTERN const char *rb_backup_category_name(rb_backup_category category);
/* RB_OK and *out set, or RB_ERR_NOT_FOUND for an unknown name. */
RB_EXTERN rb_status rb_backup_category_from_name(rb_backup_category *out, const char *name);
/* Category of a Manifest.db row. */
RB_EXTERN rb_backup_category rb_backup_classify(const char *domain, const char *relative_path);

#ifdef __cplusplus
}
#endif

#endif
