/*
 * backup/backup_private.h - pieces of the backup verifier shared between its files. Not installed.
 */
#ifndef RB_BACKUP_BACKUP_PRIVATE_H
#define RB_BACKUP_BACKUP_PRIVATE_H

#include <openssl/evp.h>
#include <plist/plist.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "core/internal.h"
#include "rescuebay/backup.h"

/* Host-written Info.plist may embed app icons; refuse to parse beyond this so memory
 * stays bounded (a finding says it was skipped). */
#define BK_MAX_PLIST_BYTES (16u << 20)
#define BK_MAX_MBFILE_BYTES (1u << 20)
/* SQLite's length limit on the verifier's connections: no value (a row's MBFile blob)
 * larger than this is ever loaded; reading such a row fails and is reported. */
#define BK_MAX_ROW_MB 4
#define BK_MAX_ROW_MB_STR "4"
#define BK_MAX_ROW_BYTES (BK_MAX_ROW_MB << 20)
#define BK_BUF_BYTES (1u << 20)

/* ---- plists (plist.c) ---- */
typedef enum { BK_PLIST_OK, BK_PLIST_MISSING, BK_PLIST_INVALID, BK_PLIST_TOO_LARGE, BK_PLIST_IO } rb__bk_plist_rc;
rb__bk_plist_rc rb__bk_plist_load(plist_t *out, int dirfd, const char *name, char *err, size_t errlen);
/* Parses bytes (binary or XML); NULL when not a plist. */
plist_t rb__bk_plist_parse(const void *data, size_t len);
const char *rb__bk_dict_str(plist_t dict, const char *key);            /* NULL if absent/not string */
int rb__bk_dict_bool(plist_t dict, const char *key);                   /* 1/0, -1 absent */
const uint8_t *rb__bk_dict_data(plist_t dict, const char *key, size_t *len);
int rb__bk_dict_date(plist_t dict, const char *key, int64_t *unix_seconds); /* 0 ok */

/* ---- MBFile: NSKeyedArchiver blob in Manifest.db Files.file (mbfile.c) ---- */
typedef struct rb__bk_mbfile {
    uint64_t size;
    int64_t mode;
    int64_t protection_class;
    bool has_size;
    bool has_digest;
    size_t digest_len;
    uint8_t digest[32];
    bool has_key;
    size_t key_len;
    uint8_t key[44];
} rb__bk_mbfile;
/* 0 on success, else -1 with a reason in err. Never reads outside [data, data+len). */
int rb__bk_mbfile_parse(rb__bk_mbfile *out, const void *data, size_t len, char *err, size_t errlen);

/* ---- keybag (keybag.c) ---- */
#define BK_MAX_CLASSES 32
typedef struct rb__bk_keybag {
    uint32_t vers, type, iter, dpic;
    bool has_dp;
    uint8_t salt[64];
    size_t salt_len;
    uint8_t dpsl[64];
    size_t dpsl_len;
    struct {
        bool present, has_wpky, unlocked;
        uint32_t wrap;
        uint8_t wpky[40];
        uint8_t key[32];
    } cls[BK_MAX_CLASSES];
} rb__bk_keybag;
int rb__bk_keybag_parse(rb__bk_keybag *kb, const uint8_t *data, size_t len, char *err, size_t errlen);
/* RB_OK, RB_ERR_PASSWORD (unwrap failed: wrong password) or RB_ERR_CORRUPT. */
rb_status rb__bk_keybag_unlock(rb__bk_keybag *kb, const char *password, size_t password_len);
/* Unwraps a 44-byte class+wrapped key (class u32 LE, then RFC 3394 blob). 0 on success. */
int rb__bk_keybag_unwrap(const rb__bk_keybag *kb, const uint8_t *wrapped, size_t len, uint8_t key[32]);
int rb__bk_aes_unwrap(const uint8_t kek[32], const uint8_t in[40], uint8_t out[32]);
void rb__bk_keybag_wipe(rb__bk_keybag *kb);

/* ---- streaming content reader (stream.c) ---- */
typedef int (*rb__bk_sink_fn)(void *payload, const uint8_t *data, size_t len); /* <0: stop */
typedef int (*rb__bk_tick_fn)(void *payload, uint64_t bytes);                  /* <0: cancel */
typedef struct rb__bk_stream_result {
    uint64_t bytes_read;
    uint64_t plain_len;
    uint8_t sha1[20];
    int read_errno;     /* non-zero: read failed */
    bool padding_ok;    /* decrypting: PKCS#7 padding valid */
    bool cancelled;
    bool sink_failed;
} rb__bk_stream_result;
/* Reads fd to its end through buf (BK_BUF_BYTES), hashing with SHA-1 if want_sha1 and
 * decrypting with AES-256-CBC (IV 0, PKCS#7) if key; plaintext goes to sink if given. */
void rb__bk_stream(rb__bk_stream_result *res, int fd, const uint8_t *key, bool want_sha1, uint8_t *buf,
               rb__bk_sink_fn sink, void *sink_payload, rb__bk_tick_fn tick, void *tick_payload);

/* ---- Manifest.db (manifest.c) ---- */
typedef struct rb__bk_db {
    sqlite3 *db;
    sqlite3 *db2;   /* second connection for the second row lane; may be NULL */
    char *tmpdir;   /* private copy folder under <home>/tmp, removed on close */
    int lockfd;     /* tmpdir, flock()ed while in use; -1 none */
} rb__bk_db;
/* Opens <dir>/Manifest.db read-only without ever writing next to it. key: decrypt first.
 * Private copies go to <home>/tmp (the data home). */
rb_status rb__bk_db_open(rb__bk_db *db, const char *home, const char *dir, int dirfd, const uint8_t *key,
                     char *err, size_t errlen);
/* Removes the private folders in <home>/tmp left by verifications that were killed. */
void rb__bk_tmp_sweep(const char *home);
void rb__bk_db_close(rb__bk_db *db);
/* Header sniff: 1 = SQLite, 0 = not SQLite, -1 = missing/unreadable; *size set. */
int rb__bk_db_sniff(int dirfd, uint64_t *size);

/* ---- report (report.c) ---- */
#define BK_MAX_CODES 64
struct rb_backup_report {
    rb_backup_verdict verdict;
    rb_backup_depth depth;
    rb_backup_info info;
    rb_backup_summary summary;
    rb_backup_category_stats cats[RB_BACKUP_CATEGORY_COUNT];
    rb_backup_finding *findings;
    size_t nfindings, capfindings, maxfindings;
    /* worst: the highest severity met for the code, so "serious" is judged on every
     * finding, also those dropped beyond max_findings. */
    struct { const char *code; uint64_t count; rb_backup_severity worst; } codes[BK_MAX_CODES];
    size_t ncodes;
    bool any[5];    /* an ERROR implying each verdict was found */
    uint64_t dropped_errors;    /* ERROR findings beyond maxfindings */
    bool rows_complete;         /* the row pass read every row of Manifest.db */
};
rb_backup_report *rb__bk_report_new(size_t max_findings);
/* Records a finding; `code` must be a string literal. Returns 0, or -1 out of memory. */
int rb__bk_report_add(rb_backup_report *r, const char *code, rb_backup_severity sev,
                  rb_backup_verdict verdict, const char *domain, const char *path,
                  const char *file_id, const char *fmt, ...) RB_PRINTF(8, 9);
void rb__bk_report_finish(rb_backup_report *r);
/* Moves src's findings and adds its counts into dst; src is left empty. */
void rb__bk_report_merge(rb_backup_report *dst, rb_backup_report *src);

/* ---- compatibility (compat.c) ---- */
/* Compares dotted versions numerically: <0, 0, >0. */
int rb__bk_version_cmp(const char *a, const char *b);
/* Family and marketing name ("" if unknown) of a product type: options->describe_model
 * when given, else the family from the prefix. Always a value of rb_backup_family. */
rb_backup_family rb__bk_describe(const rb_backup_options *o, const char *product_type,
                                 char *name, size_t namelen);
/* Copies the caller's options of any known version into a current struct. */
void rb__bk_options_copy(rb_backup_options *dst, const rb_backup_options *o);

/* ---- helpers ---- */
bool rb__bk_is_fileid(const char *s, size_t len);
/* True if the relative path could escape its folder (absolute, "..", embedded NUL). */
bool rb__bk_path_unsafe(const char *p, size_t len);

/* ---- the verifier's state (verify.c, files.c, extract.c) ---- */

/* One worker's private state: the row pass runs in two lanes (even and odd rowids) on
 * their own SQLite connections, because parsing MBFile records and hashing are CPU-bound
 * and the kiosk has several cores. Lanes share nothing mutable but atomics. */
typedef struct rb__bk_lane {
    rb_backup_report *r;
    uint8_t *buf;
    uint32_t present[256];  /* content files found per sub-folder (orphan check) */
    bool main;              /* this lane calls the progress callback */
    uint64_t tick_bytes;
    EVP_MD *sha1;
    EVP_MD_CTX *md;
} rb__bk_lane;

typedef struct rb__bk_verifier {
    rb_context *ctx;
    rb_context *own_ctx;    /* when the caller gave none: for the data home */
    const char *home;       /* data home: private copies go to <home>/tmp */
    rb_backup_options opt;
    rb_backup_report *r;
    const char *dir;
    int dirfd;
    int pfd[256];           /* content sub-folders 00..ff: fd, -1 absent, -2 not opened */
    uint32_t present[256];
    uint32_t entries[256];  /* names in each content sub-folder, counted during the DB check */
    bool entries_counted;
    bool count_folders;     /* the orphan pass will run (verify, not extract) */
    bool encrypted;         /* files are encrypted */
    bool db_ok;             /* Manifest.db open and readable */
    bool have_keys;
    bool legacy;            /* iOS 5-9 layout: Manifest.mbdb, content files flat (legacy.c) */
    bool mbdb_ok;           /* legacy: Manifest.mbdb opens and has its header */
    atomic_bool cancel;
    atomic_uint_fast64_t items_done, bytes_done;
    rb__bk_keybag kb;
    rb__bk_db db;
    rb_progress prog;
} rb__bk_verifier;

/* Header checks, compatibility, keybag, Manifest.db open (verify.c). RB_OK unless the
 * folder cannot be read at all, memory ran out, or the caller cancelled. `orphans`: the
 * caller will run the orphan pass, so the content folders are counted meanwhile. */
rb_status rb__bk_prepare(rb__bk_verifier *v, rb_context *ctx, const char *dir,
                     const rb_backup_options *o, rb_backup_report *r, bool orphans);
void rb__bk_release(rb__bk_verifier *v);
/* Calls the progress callback; false when the caller asked to stop. */
bool rb__bk_progress(rb__bk_verifier *v);
/* Opens all 256 content sub-folders (so lanes only read the table). */
void rb__bk_open_prefixes(rb__bk_verifier *v);
int rb__bk_prefix_fd(rb__bk_verifier *v, const char *file_id);
/* Number of entries (not "." names) in an open content sub-folder; 0 if unreadable. */
uint32_t rb__bk_count_entries(int dirfd);

/* Lanes (files.c). */
int rb__bk_lane_init(rb__bk_lane *l, rb_backup_report *r, bool main);
void rb__bk_lane_free(rb__bk_lane *l);

/* Per-row and orphan passes (files.c). */
rb_status rb__bk_check_files(rb__bk_verifier *v);
rb_status rb__bk_check_orphans(rb__bk_verifier *v);
/* Checks one file row's content; content goes to sink if given. true if intact. */
bool rb__bk_check_content(rb__bk_verifier *v, rb__bk_lane *l, const char *file_id, const char *domain,
                      const char *rel, const rb__bk_mbfile *mf, bool deep, rb__bk_sink_fn sink,
                      void *sink_payload);
#define BK_FILES_SQL "SELECT fileID, domain, relativePath, flags, file FROM Files"
/* Counts a file row as intact or damaged in its inventory category. */
void rb__bk_count_cat(rb__bk_lane *l, rb_backup_category c, bool intact, uint64_t size);

#include "backup/legacy_private.h"

#endif
