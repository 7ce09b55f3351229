/*
 * rescuebay/firmware.h - the firmware catalog (ipsw.me v4 JSON) and the IPSW cache.
 *
 * The catalog base URL is the setting `firmware.catalog_url` (default
 * https://api.ipsw.me/v4; $RESCUEBAY_CATALOG_URL wins, see context.h). Each device's catalog
 * is kept on disk for offline use and refreshed with conditional requests; the `signed`
 * flag comes with the time it was last confirmed by the server.
 *
 * The cache lives in `firmware.cache_dir`, else <data home>/firmware. Files are
 * content-addressed by SHA-1 (one IPSW serves several models), indexed in SQLite,
 * bounded by `firmware.cache_budget` (bytes, or with a K/M/G/T suffix; unset = no limit)
 * with least-recently-used eviction; pinned files are never evicted.
 *
 * Network rules against hostile or broken servers: URLs must be https (plain http only
 * with the setting `firmware.allow_http = yes`, e.g. a store mirror on the LAN; each call
 * then warns once); an error page is read up to 64 KiB, no further; a transfer slower than
 * `firmware.min_speed` (bytes/s, default 1K) averaged over `firmware.min_speed_window`
 * seconds (default 60) is dropped and retried; `firmware.max_time` (seconds, or per fetch
 * rb_firmware_fetch_options.max_seconds) bounds a whole download. Catalog requests end
 * after 60 s.
 *
 * Downloads resume with HTTP ranges guarded by ETag/Last-Modified (If-Range), are
 * verified (SHA-1, and SHA-256 when the catalog gives one) and only then committed by
 * atomic rename. A file committed before a reboot is re-hashed before its first use
 * after it (the commit does not wait for the disk's writeback). Several processes sharing one cache folder never download the same file
 * at once: the second waits for the first and shares its result.
 *
 * Threading: a handle is used by one thread at a time (calls on it are not serialised;
 * open one handle per thread, several handles may share one cache folder and one
 * context). Progress callbacks run on the calling thread. Errors follow the engine's one
 * model (context.h, "Errors"): the detail is on the handle, read with
 * rb_firmware_last_error on the thread that made the call; rb_firmware_open reports on
 * the context. rb_firmware_parse_size and rb_firmware_options_init are pure and may be
 * called from any thread.
 */
#ifndef RESCUEBAY_FIRMWARE_H
#define RESCUEBAY_FIRMWARE_H

#include "common.h"
#include "context.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rb_firmware rb_firmware;

typedef struct rb_firmware_options {
    unsigned int version;        /* RB_FIRMWARE_OPTIONS_VERSION */
    const char *catalog_url;     /* NULL: the setting firmware.catalog_url */
    const char *cache_dir;       /* NULL: the setting, else <home>/firmware */
    uint64_t budget_bytes;       /* 0: the setting firmware.cache_budget (unset: none) */
    uint64_t rate_limit;         /* download bytes per second, 0: unlimited */
    int max_retries;             /* -1: default (5); retries of a failed transfer */
    int offline;                 /* never contact the catalog server */
} rb_firmware_options;

#define RB_FIRMWARE_OPTIONS_VERSION 1
#define RB_FIRMWARE_OPTIONS_INIT { RB_FIRMWARE_OPTIONS_VERSION, NULL, NULL, 0, 0, -1, 0 }

/* Fills `opts` with the defaults of this version (as RB_FIRMWARE_OPTIONS_INIT). */
RB_EXTERN rb_status rb_firmware_options_init(rb_firmware_options *opts, unsigned int version);

/* Opens the cache (creating its folder and index). `ctx` must outlive the handle. */
RB_EXTERN rb_status rb_firmware_open(rb_firmware **out, rb_context *ctx,
                                     const rb_firmware_options *opts);
RB_EXTERN void rb_firmware_free(rb_firmware *fw);

/* Detail of the last failure on this handle ("" if none). */
RB_EXTERN const char *rb_firmware_last_error(const rb_firmware *fw);

/* The warning of the last rb_firmware_catalog / _fetch / _ensure call on this handle, ""
 * if none: today only "plain http allowed by firmware.allow_http" (every URL must be
 * https unless that setting is yes; then each call warns once). */
RB_EXTERN const char *rb_firmware_last_warning(const rb_firmware *fw);

/* Absolute path of the cache folder; owned by the handle. */
RB_EXTERN const char *rb_firmware_cache_dir(const rb_firmware *fw);

/* One build of one device, as the catalog lists it. */
typedef struct rb_firmware_build {
    const char *product_type;    /* "iPhone12,1" */
    const char *version;         /* "15.0.2" */
    const char *build;           /* "19A404" */
    const char *sha1;            /* 40 lowercase hex */
    const char *sha256;          /* 64 lowercase hex, or "" if the catalog gives none */
    const char *url;
    const char *released;        /* ISO 8601 or "" */
    uint64_t size;
    int signed_now;              /* as of rb_firmware_list.checked_at */
    int cached;                  /* a verified copy is in the cache */
    int pinned;
} rb_firmware_build;

typedef struct rb_firmware_list {
    const char *product_type;
    const char *name;            /* "iPhone 11", or "" */
    int64_t checked_at;          /* unix time the server last confirmed this catalog */
    int offline;                 /* the server could not be reached; data is from disk */
    size_t count;
    rb_firmware_build *builds;   /* newest first, as served */
} rb_firmware_list;

/* Flags for rb_firmware_catalog. */
#define RB_FIRMWARE_REFRESH 1u   /* ask the server even if the copy on disk is fresh */

/* The builds of `product_type`. The disk copy younger than an hour is used as is unless
 * RB_FIRMWARE_REFRESH; otherwise the server is asked (conditionally) and, when it cannot
 * be reached, the disk copy is returned with `offline` set. Free with
 * rb_firmware_list_free. */
RB_EXTERN rb_status rb_firmware_catalog(rb_firmware_list **out, rb_firmware *fw,
                                        const char *product_type, unsigned int flags);
RB_EXTERN void rb_firmware_list_free(rb_firmware_list *list);

/* Steps reported in rb_progress.step. */
typedef enum rb_firmware_step {
    RB_FIRMWARE_STEP_CATALOG = 1,
    RB_FIRMWARE_STEP_WAITING = 2,   /* another process is downloading this file */
    RB_FIRMWARE_STEP_DOWNLOAD = 3,
    RB_FIRMWARE_STEP_VERIFY = 4,
    RB_FIRMWARE_STEP_COMMIT = 5,
    RB_FIRMWARE_STEP_RETRY = 6,     /* a transfer failed; waiting before the next try */
    RB_FIRMWARE_STEP_INSECURE = 7   /* a plain-http transfer starts (allowed by the setting
                                       firmware.allow_http); rb_firmware_last_warning says
                                       which; reported once per call */
} rb_firmware_step;

typedef struct rb_firmware_fetch_options {
    unsigned int version;        /* RB_FIRMWARE_FETCH_OPTIONS_VERSION */
    rb_progress_cb progress;     /* may be NULL; a negative return cancels */
    void *payload;
    int pin;                     /* pin the file once it is in the cache */
    /* version 2: overall limit of the download in seconds, retries and their waits
     * included (RB_ERR_TIMEOUT when it runs out; what arrived is kept for the next
     * fetch). -1: the setting firmware.max_time (unset: none); 0: none. */
    int max_seconds;
} rb_firmware_fetch_options;

#define RB_FIRMWARE_FETCH_OPTIONS_VERSION 2
#define RB_FIRMWARE_FETCH_OPTIONS_INIT { RB_FIRMWARE_FETCH_OPTIONS_VERSION, NULL, NULL, 0, -1 }

/* Fills `opts` with the defaults of this version (as RB_FIRMWARE_FETCH_OPTIONS_INIT). */
RB_EXTERN rb_status rb_firmware_fetch_options_init(rb_firmware_fetch_options *opts,
                                                   unsigned int version);

/* Outcome of a fetch, import or ensure. */
typedef struct rb_firmware_result {
    char sha1[41];
    char path[4096];             /* the verified file in the cache */
    uint64_t size;
    uint64_t bytes_downloaded;   /* by this call (0: already cached or shared) */
    uint64_t bytes_resumed;      /* bytes of an earlier partial download that were kept */
    int already_cached;
    int waited_for_other;        /* another process downloaded it */
    uint64_t transfer_ms;        /* first request to last byte on disk (0 if none) */
    uint64_t verify_tail_ms;     /* last byte to verified (hashing runs during the transfer) */
} rb_firmware_result;

/* Downloads one build into the cache (no-op if already there). */
RB_EXTERN rb_status rb_firmware_fetch(rb_firmware_result *out, rb_firmware *fw,
                                      const rb_firmware_build *build,
                                      const rb_firmware_fetch_options *opts);

/* Downloads the file with this SHA-1, found in any catalog on disk. */
RB_EXTERN rb_status rb_firmware_fetch_sha1(rb_firmware_result *out, rb_firmware *fw,
                                           const char *sha1,
                                           const rb_firmware_fetch_options *opts);

/* "Make sure this device's firmware is ready": `build` NULL or "" means the newest
 * signed build. Refreshes the catalog (offline copy if unreachable), then fetches.
 * Used by the restore jobs. */
RB_EXTERN rb_status rb_firmware_ensure(rb_firmware_result *out, rb_firmware *fw,
                                       const char *product_type, const char *build,
                                       const rb_firmware_fetch_options *opts);

/* Adds a local IPSW after verifying it against the catalogs on disk (and those of the
 * product types named in its file name). Same filesystem: hard link (or reflink), else
 * one copy hashed on the way. */
RB_EXTERN rb_status rb_firmware_import(rb_firmware_result *out, rb_firmware *fw,
                                       const char *file, const rb_firmware_fetch_options *opts);

/* One file in the cache. */
typedef struct rb_firmware_entry {
    char sha1[41];
    char sha256[65];
    char label[96];              /* "iPhone12,1 15.0.2 (19A404)" or "" */
    uint64_t size;
    int64_t added_at;
    int64_t last_used;
    int64_t verified_at;
    int pinned;
} rb_firmware_entry;

typedef struct rb_firmware_status {
    uint64_t total_bytes;
    uint64_t budget_bytes;       /* 0: none */
    uint64_t partial_bytes;      /* unfinished downloads */
    size_t count;
    size_t partial_count;
    rb_firmware_entry *entries;  /* most recently used first */
} rb_firmware_status;

/* What the cache holds (reconciling the index with the folder first). Free with
 * rb_firmware_status_free (NULL is a no-op). */
RB_EXTERN rb_status rb_firmware_status_get(rb_firmware_status **out, rb_firmware *fw);
RB_EXTERN void rb_firmware_status_free(rb_firmware_status *st);

/* Re-hashes one cached file (sha1 given) or all (sha1 NULL). A file that no longer
 * matches is removed from the cache; `bad_out` (may be NULL) receives how many. Returns
 * RB_ERR_VERIFY if any was bad. */
RB_EXTERN rb_status rb_firmware_verify(size_t *bad_out, rb_firmware *fw, const char *sha1,
                                       const rb_firmware_fetch_options *opts);

/* Evicts least-recently-used unpinned files until the cache holds at most `to_bytes`
 * (UINT64_MAX: the budget). Also removes abandoned partial downloads when to_bytes is 0. */
RB_EXTERN rb_status rb_firmware_prune(uint64_t *freed_out, rb_firmware *fw, uint64_t to_bytes);

/* Pins/unpins a cached file (a prefix of at least 6 hex digits is accepted). */
RB_EXTERN rb_status rb_firmware_pin(rb_firmware *fw, const char *sha1, int pinned);

/* Parses "12G", "500M", "1024" into bytes (binary units). */
RB_EXTERN rb_status rb_firmware_parse_size(uint64_t *out, const char *text);

#ifdef __cplusplus
}
#endif

#endif
