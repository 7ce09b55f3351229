/*
 * backup/legacy_private.h - iOS 5-9 backups: the Manifest.mbdb reader (mbdb.c) and the legacy
 * layout's passes (legacy.c: records, orphans, extraction rows). Included by backup_private.h.
 *
 * Manifest.mbdb is "mbdb" 5 0, then records to the end of the file. It has no index and
 * no count, so it is read as a stream through a fixed window: memory does not grow with
 * the number of files, and a record is never trusted beyond the bytes that are there.
 */
#ifndef RB_BACKUP_LEGACY_PRIVATE_H
#define RB_BACKUP_LEGACY_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BK_MBDB_MAGIC "mbdb\x05\x00"
#define BK_MBDB_MAGIC_LEN 6u
#define BK_MBDB_WINDOW (256u << 10)

enum { BK_MBDB_DIR = 0x4000, BK_MBDB_FILE = 0x8000, BK_MBDB_LINK = 0xA000 };

/* One length-prefixed string of a record; `p` is NUL-terminated (it may also contain
 * NULs: `len` is the truth). 0xFFFF = absent; absent and empty both read as "". */
typedef struct rb__bk_mbdb_str {
    const char *p;
    size_t len;
    bool present;
} rb__bk_mbdb_str;

typedef struct rb__bk_mbdb_rec {
    uint64_t index;     /* 0-based position in the file */
    uint64_t offset;    /* byte offset of the record */
    rb__bk_mbdb_str domain, path, target, hash, key;
    uint16_t mode;
    uint64_t inode;
    uint32_t uid, gid, mtime, atime, ctime;
    uint64_t size;
    uint8_t pclass, nprops;
} rb__bk_mbdb_rec;

typedef struct rb__bk_mbdb {
    int fd;                 /* -1: reading from memory */
    const uint8_t *mem;
    size_t memlen;
    uint8_t *win;           /* fd: the read window */
    size_t len, pos;        /* bytes in the window, read position */
    uint64_t off;           /* file offset of win[pos] */
    uint64_t index;         /* records read so far */
    int read_errno;
    char *store;            /* the current record's five strings */
} rb__bk_mbdb;

/* Result of rb__bk_mbdb_next. */
enum { BK_MBDB_END = 0, BK_MBDB_RECORD = 1, BK_MBDB_CUT = -1, BK_MBDB_IO = -2, BK_MBDB_NOMEM = -3 };

/* Opens <dirfd>/Manifest.mbdb read-only and checks its header. 0, or -1 (missing or
 * unreadable: err), -2 (not "mbdb" 5 0: err), -3 out of memory. */
int rb__bk_mbdb_open(rb__bk_mbdb *m, int dirfd, char *err, size_t errlen);
/* The same over bytes in memory (the fuzzer). */
int rb__bk_mbdb_open_mem(rb__bk_mbdb *m, const uint8_t *data, size_t len, char *err, size_t errlen);
/* Reads the next record into rec (valid until the next call). On BK_MBDB_CUT rec holds the
 * fields read before the end, and err says where it stopped. */
int rb__bk_mbdb_next(rb__bk_mbdb *m, rb__bk_mbdb_rec *rec, char *err, size_t errlen);
void rb__bk_mbdb_close(rb__bk_mbdb *m);
/* What is wrong with a complete record (unknown type, link without target, size on a
 * non-file), or NULL. */
const char *rb__bk_mbdb_record_problem(const rb__bk_mbdb_rec *rec);

/* ---- legacy.c, legacy_orphans.c: the passes ---- */
struct rb__bk_verifier;
struct rb__bk_mbfile;

/* No Manifest.db but a Manifest.mbdb: marks the verifier legacy and checks the header. */
void rb__bk_legacy_headers(struct rb__bk_verifier *v);
rb_status rb__bk_legacy_check_files(struct rb__bk_verifier *v);
rb_status rb__bk_legacy_check_orphans(struct rb__bk_verifier *v);

/* One file row as extraction needs it, from either format. */
typedef struct rb__bk_row {
    const char *id, *domain, *rel;
    size_t idlen, dlen, rlen;
    const void *blob;       /* Manifest.db: the MBFile record, parsed by the caller */
    size_t blen;
    bool parsed;            /* legacy: mf is already filled from the record */
    char idbuf[41];
} rb__bk_row;

typedef struct rb__bk_legacy_iter rb__bk_legacy_iter;
rb__bk_legacy_iter *rb__bk_legacy_iter_new(struct rb__bk_verifier *v);
/* Next file record that is sound enough to extract: 1; 0 at the end; BK_MBDB_CUT/IO/NOMEM when the
 * list stops part way (the extraction is then incomplete, never reported as finished). */
int rb__bk_legacy_next_file(rb__bk_legacy_iter *it, rb__bk_row *row, struct rb__bk_mbfile *mf);
void rb__bk_legacy_iter_free(rb__bk_legacy_iter *it);

#endif
