/*
 * firmware/firmware_private.h - shared between the firmware cache's source files. Not installed.
 *
 * Layout of the cache folder:
 *   index.db                 SQLite: objects (cached files), builds (catalog rows), catalogs
 *   catalog/<PT>.json        last good catalog body per ProductType, for offline use
 *   objects/<sha1>.ipsw      verified files only (they get there by rename after hashing)
 *   partial/<sha1>.part      unfinished download, with <sha1>.json (its sidecar) and
 *                            <sha1>.lock (flock held by the process downloading it)
 */
#ifndef RB_FIRMWARE_FIRMWARE_PRIVATE_H
#define RB_FIRMWARE_FIRMWARE_PRIVATE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "core/internal.h"
#include "rescuebay/firmware.h"

struct rb_firmware {
    rb_context *ctx;
    rb__errs *err;                 /* the one error model: core/internal.h */
    char *dir, *objdir, *partdir, *catdir;
    char *catalog_url;
    uint64_t budget;
    uint64_t rate_limit;
    int max_retries;
    int offline;
    /* hostile servers: firmware.allow_http, firmware.min_speed (+ _window), firmware.max_time */
    int allow_http;
    uint64_t min_speed;            /* bytes/s averaged over min_speed_window seconds */
    int min_speed_window;
    int max_time_s;                /* 0: no overall limit */
    char warning[320];             /* rb_firmware_last_warning: set once per call */
    sqlite3 *db;
};

/* An error page longer than this is cut off: a server that answers 500 with an endless
 * body must not keep a download (or the catalog refresh) busy forever. */
#define FW_ERROR_BODY_MAX (64u * 1024)

#define FW_ERR(fw, st, ...) rb__errs_set((fw)->err, (st), __VA_ARGS__)

/* ipsw_catalog_parse.c: parses an ipsw.me v4 /device/{id} body (or a bare firmware array).
 * `expect` (may be NULL) must match the device identifier. On failure returns
 * RB_ERR_PARSE with a reason in err. */
rb_status rb__fw_parse_catalog(rb_firmware_list **out, const char *json, size_t len,
                               const char *expect, char *err, size_t errlen);
bool rb__fw_is_hex(const char *s, size_t n);

/* index.c */
rb_status rb__fw_index_open(rb_firmware *fw);
void rb__fw_index_close(rb_firmware *fw);
rb_status rb__fw_index_reconcile(rb_firmware *fw);
rb_status rb__fw_index_add(rb_firmware *fw, const char *sha1, const char *sha256,
                           uint64_t size, int pin);
rb_status rb__fw_index_add_unsynced(rb_firmware *fw, const char *sha1, const char *sha256,
                                    uint64_t size, int pin, const char *boot);
int rb__fw_index_needs_check(rb_firmware *fw, const char *sha1, const char *boot);
rb_status rb__fw_index_mark_durable(rb_firmware *fw, const char *sha1);
void rb__fw_boot_id(char out[64]);
/* maint.c: re-hashes a cached file; a bad one is removed (*bad set). */
rb_status rb__fw_verify_one(rb_firmware *fw, const char *sha1, bool *bad,
                            const rb_firmware_fetch_options *opts);
rb_status rb__fw_index_remove(rb_firmware *fw, const char *sha1);
rb_status rb__fw_index_touch(rb_firmware *fw, const char *sha1);
rb_status rb__fw_index_set_verified(rb_firmware *fw, const char *sha1);
/* 1 cached, 0 not; *pinned (may be NULL) */
int rb__fw_index_has(rb_firmware *fw, const char *sha1, int *pinned);
rb_status rb__fw_index_store_builds(rb_firmware *fw, const rb_firmware_list *list);
/* Looks a SHA-1 (or unique prefix) up in the catalogs on disk; fills a one-entry list. */
rb_status rb__fw_index_find_build(rb_firmware_list **out, rb_firmware *fw, const char *sha1);
rb_status rb__fw_index_catalog_meta(rb_firmware *fw, const char *pt, char **etag,
                                    char **last_modified, int64_t *checked_at);
rb_status rb__fw_index_set_catalog_meta(rb_firmware *fw, const char *pt, const char *etag,
                                        const char *last_modified, int64_t checked_at);
rb_status rb__fw_index_resolve(rb_firmware *fw, const char *prefix, char out[41]);
char *rb__fw_object_path(rb_firmware *fw, const char *sha1);

/* hash.c: hashes a file (SHA-1, and SHA-256 if want256) with progress (step VERIFY). */
rb_status rb__fw_hash_file(rb_firmware *fw, const char *path, bool want256, char sha1[41],
                           char sha256[65], uint64_t *size_out,
                           const rb_firmware_fetch_options *opts);

/* download.c: brings partial/<sha1>.part to the full, verified file (caller holds the
 * lock) and renames it to objects/. */
rb_status rb__fw_download(rb_firmware *fw, const rb_firmware_build *b,
                          const rb_firmware_fetch_options *opts, rb_firmware_result *res);

/* http.c: a small GET into memory with conditional headers, for catalogs. */
typedef struct fw_http_reply {
    long status;
    char *body;
    size_t len;
    char etag[256];
    char last_modified[128];
} fw_http_reply;
rb_status rb__fw_http_get(rb_firmware *fw, const char *url, const char *etag,
                          const char *last_modified, fw_http_reply *reply);
void rb__fw_http_setup_common(void *curl, const rb_firmware *fw);
/* The scheme rule: https always; http only with firmware.allow_http = yes, and then the
 * first plain-http URL of a call sets fw->warning and reports RB_FIRMWARE_STEP_INSECURE.
 * `what` names the URL in messages ("the catalog", "the firmware file"). */
rb_status rb__fw_url_check(rb_firmware *fw, const char *url, const char *what,
                           const rb_firmware_fetch_options *opts);
/* Reads the firmware.* settings about hostile servers into fw. */
rb_status rb__fw_net_settings(rb_firmware *fw);

/* Sleeps, calling progress (step RETRY) so that a cancel is honoured; never past
 * deadline_ms (rb__now_ms time, 0 = none). */
rb_status rb__fw_backoff(rb_firmware *fw, int attempt, const rb_firmware_fetch_options *opts,
                         uint64_t deadline_ms);
int rb__fw_report(const rb_firmware_fetch_options *opts, int step, uint64_t done,
                  uint64_t total);

int64_t rb__fw_now(void);
rb_status rb__fw_prune(rb_firmware *fw, uint64_t to, const char *keep, uint64_t *freed);

#endif
