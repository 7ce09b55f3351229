/* bkgen.c - backup fixture generator (see bkgen.h). */
#include "bkgen.h"
#include "bkgen_format.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <plist/plist.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *const bkgen_damages[] = {
    "no_info_plist", "bad_manifest_plist", "no_status_plist", "snapshot_unfinished",
    "snapshot_folder", "udid_mismatch", "no_manifest_db", "garbage_manifest_db",
    "truncated_manifest_db", "corrupt_manifest_db_page", "missing_file", "truncated_file",
    "bitflip_file", "fileid_mismatch", "fileid_malformed", "path_traversal", "absolute_path",
    "garbage_mbfile", "orphan", "blob_symlink", "wal_sidecar", "bad_padding", "bad_file_key",
    "bad_manifest_key", "bad_keybag", "flag_mismatch", "size_field_off", "no_file_key",
    /* Over the verifier's limits, and records it cannot fully check. A damage may be a
     * comma-separated list ("snapshot_unfinished,status_plist_huge_zeros"). */
    "info_plist_huge_zeros", "info_plist_huge_spaces", "info_plist_huge_junk",
    "manifest_plist_huge_zeros", "manifest_plist_huge_spaces", "manifest_plist_huge_junk",
    "status_plist_huge_zeros", "status_plist_huge_spaces", "status_plist_huge_junk",
    "info_plist_trailing_junk", "info_plist_trailing_zeros", "info_plist_trailing_spaces",
    "mbfile_huge", "row_huge", "row_flags_unknown", "digest_odd", "version_differs",
    NULL};

/* Past the verifier's 16 MB plist limit (BK_MAX_PLIST_BYTES), and its row limit. */
#define BKGEN_HUGE_PLIST ((16u << 20) + 4096)
#define BKGEN_HUGE_MBFILE ((1u << 20) + (512u << 10))
#define BKGEN_HUGE_ROW (5u << 20)

struct gen {
    const bkgen_opts *o;
    char *err;
    size_t errlen;
    uint8_t class_keys[12][32];
    uint8_t kek[32];
    uint64_t rng;
    sqlite3 *db;
    sqlite3_stmt *ins;
    uint8_t *buf;
    size_t bufcap;
    unsigned nfile;     /* index of the file row being written */
    char victim_id[41]; /* fileID of the file picked for file-level damage */
};

static int fail(struct gen *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g->err, g->errlen, fmt, ap);
    va_end(ap);
    return -1;
}

static bool dmg(const struct gen *g, const char *name)
{
    size_t n = strlen(name);
    for (const char *d = g->o->damage; d && *d;) {
        const char *e = strchr(d, ',');
        size_t l = e ? (size_t)(e - d) : strlen(d);
        if (l == n && memcmp(d, name, n) == 0)
            return true;
        d = e ? e + 1 : NULL;
    }
    return false;
}

static uint64_t rnd(struct gen *g)
{
    return bkgen_rnd(&g->rng);
}

static void fill(struct gen *g, uint8_t *p, size_t n)
{
    bkgen_fill(&g->rng, p, n);
}

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", a, b);
    return p;
}

static int write_file(struct gen *g, const char *name, const void *data, size_t len)
{
    char *p = join(g->o->dir, name);
    int fd = p ? open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644) : -1;
    free(p);
    if (fd < 0)
        return fail(g, "create %s: %s", name, strerror(errno));
    ssize_t n = len ? write(fd, data, len) : 0;
    close(fd);
    return n == (ssize_t)len ? 0 : fail(g, "write %s", name);
}

static int write_plist(struct gen *g, const char *name, plist_t p, bool xml)
{
    char *out = NULL;
    uint32_t len = 0;
    if (xml)
        plist_to_xml(p, &out, &len);
    else
        plist_to_bin(p, &out, &len);
    int rc = write_file(g, name, out, len);
    free(out);
    return rc;
}

/* Appends to a written plist: "zeros" (sparse), "spaces" or "junk", up to `to` bytes. */
static int pad_file(struct gen *g, const char *name, const char *how, uint64_t to)
{
    char *p = join(g->o->dir, name);
    int fd = p ? open(p, O_WRONLY | O_APPEND) : -1;
    free(p);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        if (fd >= 0)
            close(fd);
        return fail(g, "pad %s", name);
    }
    int rc = 0;
    if (!strcmp(how, "zeros")) {
        rc = ftruncate(fd, (off_t)to);
    } else {
        uint8_t chunk[65536];
        for (uint64_t have = (uint64_t)st.st_size; rc == 0 && have < to;) {
            size_t n = to - have < sizeof chunk ? (size_t)(to - have) : sizeof chunk;
            if (!strcmp(how, "spaces"))
                memset(chunk, ' ', n);
            else
                fill(g, chunk, n);
            rc = write(fd, chunk, n) == (ssize_t)n ? 0 : -1;
            have += n;
        }
    }
    close(fd);
    return rc == 0 ? 0 : fail(g, "pad %s: %s", name, strerror(errno));
}

/* The damages "<which>_plist_huge_<how>" and "info_plist_trailing_<how>". */
static int pad_plists(struct gen *g)
{
    static const char *const which[][2] = {{"info", "Info.plist"}, {"manifest", "Manifest.plist"},
                                           {"status", "Status.plist"}};
    static const char *const how[] = {"zeros", "spaces", "junk"};
    char name[64];
    for (size_t w = 0; w < 3; w++)
        for (size_t h = 0; h < 3; h++) {
            snprintf(name, sizeof name, "%s_plist_huge_%s", which[w][0], how[h]);
            if (dmg(g, name) && pad_file(g, which[w][1], how[h], BKGEN_HUGE_PLIST))
                return -1;
        }
    for (size_t h = 0; h < 3; h++) {
        char *p = join(g->o->dir, "Info.plist");
        struct stat st;
        int ok = p && stat(p, &st) == 0;
        free(p);
        snprintf(name, sizeof name, "info_plist_trailing_%s", how[h]);
        if (ok && dmg(g, name) && pad_file(g, "Info.plist", how[h], (uint64_t)st.st_size + 100))
            return -1;
    }
    return 0;
}

/* Keybag like a real iOS 16 one: header, then classes 11..1, each opened by a UUID. */
static size_t make_keybag(struct gen *g, uint8_t *kb)
{
    uint8_t *w = kb, uuid[16], salt[20], dpsl[20], hmck[40];
    fill(g, uuid, 16);
    fill(g, salt, 20);
    fill(g, dpsl, 20);
    fill(g, hmck, 40);
    const char *pw = g->o->password ? g->o->password : "kiosk-test-1234";
    uint32_t dpic = g->o->dpic ? g->o->dpic : 1000, iter = g->o->iter ? g->o->iter : 10000;
    uint8_t k1[32];
    PKCS5_PBKDF2_HMAC(pw, (int)strlen(pw), dpsl, 20, (int)dpic, EVP_sha256(), 32, k1);
    PKCS5_PBKDF2_HMAC((const char *)k1, 32, salt, 20, (int)iter, EVP_sha1(), 32, g->kek);
    bkgen_tlv32(&w, "VERS", 5);
    bkgen_tlv32(&w, "TYPE", 1);
    bkgen_tlv(&w, "UUID", uuid, 16);
    bkgen_tlv(&w, "HMCK", hmck, 40);
    bkgen_tlv32(&w, "WRAP", 0);
    bkgen_tlv(&w, "SALT", salt, 20);
    bkgen_tlv32(&w, "ITER", iter);
    bkgen_tlv32(&w, "DPWT", 1);
    bkgen_tlv32(&w, "DPIC", dpic);
    bkgen_tlv(&w, "DPSL", dpsl, 20);
    for (int c = 11; c >= 1; c--) {
        uint8_t wpky[40];
        fill(g, g->class_keys[c], 32);
        fill(g, uuid, 16);
        bkgen_aes_wrap(g->kek, g->class_keys[c], wpky);
        bkgen_tlv(&w, "UUID", uuid, 16);
        bkgen_tlv32(&w, "CLAS", (uint32_t)c);
        bkgen_tlv32(&w, "WRAP", c <= 4 ? 2 : 3);
        bkgen_tlv32(&w, "KTYP", 0);
        bkgen_tlv(&w, "WPKY", wpky, 40);
    }
    return (size_t)(w - kb);
}

static int insert_row(struct gen *g, const char *id, const char *domain, const char *rel, int flags,
                      plist_t mf)
{
    char *bin = NULL;
    uint32_t blen = 0;
    plist_to_bin(mf, &bin, &blen);
    if (dmg(g, "garbage_mbfile") && strcmp(id, g->victim_id) == 0)
        memset(bin + 8, 0xff, blen > 40 ? 32 : blen - 8);
    bool huge = (dmg(g, "mbfile_huge") && strcmp(id, g->victim_id) == 0) ||
                (dmg(g, "row_huge") && strcmp(rel, "Library/huge-row.db") == 0);
    if (huge) {
        uint32_t to = dmg(g, "row_huge") ? BKGEN_HUGE_ROW : BKGEN_HUGE_MBFILE;
        char *nb = calloc(1, to);
        if (!nb) {
            free(bin);
            return fail(g, "out of memory");
        }
        memcpy(nb, bin, blen);
        free(bin);
        bin = nb;
        blen = to;
    }
    sqlite3_reset(g->ins);
    sqlite3_bind_text(g->ins, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(g->ins, 2, domain, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(g->ins, 3, rel, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(g->ins, 4, flags);
    sqlite3_bind_blob(g->ins, 5, bin, (int)blen, SQLITE_TRANSIENT);
    int rc = sqlite3_step(g->ins);
    free(bin);
    return rc == SQLITE_DONE ? 0 : fail(g, "insert: %s", sqlite3_errmsg(g->db));
}

static int add_file(struct gen *g, const char *domain, const char *rel, uint64_t size)
{
    const bkgen_opts *o = g->o;
    char id[41];
    bkgen_sha1_hex(domain, rel, id);
    bool victim = g->nfile++ == 1; /* Library/SMS/sms.db: HomeDomain, has a Digest */
    if (victim)
        memcpy(g->victim_id, id, 41);
    char rowid[64];
    snprintf(rowid, sizeof rowid, "%s", id);
    if (victim && dmg(g, "fileid_mismatch"))
        rowid[39] = rowid[39] == '0' ? '1' : '0';
    if (victim && dmg(g, "fileid_malformed"))
        snprintf(rowid, sizeof rowid, "../../../../tmp/rb-evil");
    if (size + 32 > g->bufcap) {
        free(g->buf);
        g->bufcap = size + 64;
        g->buf = malloc(g->bufcap * 2);
        if (!g->buf)
            return fail(g, "out of memory");
    }
    uint8_t *plain = g->buf, *blob = g->buf + g->bufcap;
    fill(g, plain, size);
    size_t blen = size;
    uint8_t key44[44], fk[32];
    int pclass = !strcmp(domain, "CameraRollDomain") || !strncmp(domain, "AppDomain", 9) ? 3 : 4;
    if (o->encrypted) {
        fill(g, fk, 32);
        key44[0] = (uint8_t)pclass;
        key44[1] = key44[2] = key44[3] = 0;
        bkgen_aes_wrap(g->class_keys[pclass], fk, key44 + 4);
        if (victim && dmg(g, "bad_file_key"))
            fill(g, key44 + 4, 40);
        blen = bkgen_aes_cbc(fk, plain, size, blob);
        if (victim && dmg(g, "bad_padding")) {
            /* Re-encrypt the last block with a pad byte of 0 (invalid PKCS#7). */
            uint8_t last[16];
            memset(last, 0, 16);
            static const uint8_t iv[16];
            EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
            int n = 0;
            EVP_EncryptInit_ex(c, EVP_aes_256_cbc(), NULL, fk, iv);
            EVP_CIPHER_CTX_set_padding(c, 0);
            uint8_t *tmp = malloc(blen);
            memcpy(tmp, plain, size);
            memset(tmp + size, 0, blen - size);
            EVP_EncryptUpdate(c, blob, &n, tmp, (int)blen);
            EVP_CIPHER_CTX_free(c);
            free(tmp);
        }
    } else {
        memcpy(blob, plain, size);
    }
    uint8_t digest[20];
    bool with_digest = o->digest_all || bkgen_system_domain(domain);
    if (with_digest)
        SHA1(blob, blen, digest);
    if (victim && dmg(g, "digest_odd"))
        memset(digest + 16, 0, 4); /* written as 16 bytes below */
    uint64_t recorded = size;
    if (victim && dmg(g, "size_field_off"))
        recorded = size % 16 == 15 ? size - 1 : size + 1;
    plist_t mf = bkgen_mbfile(rel, recorded, 0100644, pclass, with_digest ? digest : NULL,
                        o->encrypted && !(victim && dmg(g, "no_file_key")) ? key44 : NULL, NULL);
    if (victim && dmg(g, "digest_odd"))
        bkgen_mbfile_set_digest(mf, digest, 16);
    int rc = insert_row(g, rowid, domain, rel, 1, mf);
    plist_free(mf);
    if (rc)
        return rc;
    if (victim && (dmg(g, "missing_file") || dmg(g, "fileid_malformed")))
        return 0;
    if (victim && dmg(g, "bitflip_file") && blen)
        blob[blen / 2] ^= 0x01;
    if (victim && dmg(g, "truncated_file"))
        blen = blen / 2;
    char sub[3] = {id[0], id[1], 0}, name[48];
    char *subdir = join(o->dir, sub);
    mkdir(subdir, 0755);
    free(subdir);
    snprintf(name, sizeof name, "%s/%s", sub, id);
    if (victim && dmg(g, "blob_symlink")) {
        char *p = join(o->dir, name);
        int s = symlink("/etc/passwd", p);
        free(p);
        return s == 0 ? 0 : fail(g, "symlink: %s", strerror(errno));
    }
    return write_file(g, name, blob, blen);
}

static int add_other(struct gen *g, const char *domain, const char *rel, int flags)
{
    char id[41];
    bkgen_sha1_hex(domain, rel, id);
    plist_t mf = bkgen_mbfile(rel, 0, flags == 2 ? 040755 : 0120755, 0, NULL, NULL,
                        flags == 4 ? "/private/var/mobile/target" : NULL);
    int rc = insert_row(g, id, domain, rel, flags, mf);
    plist_free(mf);
    return rc;
}

/* The files a customer cares about, one per inventory category, then generic ones. */
static const char *const named[][2] = {
    {"CameraRollDomain", "Media/DCIM/100APPLE/IMG_0001.HEIC"},
    {"HomeDomain", "Library/SMS/sms.db"},
    {"HomeDomain", "Library/AddressBook/AddressBook.sqlitedb"},
    {"HomeDomain", "Library/CallHistoryDB/CallHistory.storedata"},
    {"HomeDomain", "Library/Notes/notes.sqlite"},
    {"MediaDomain", "Media/Recordings/20240101 101010.m4a"},
    {"HomeDomain", "Library/Safari/History.db"},
    {"AppDomain-com.example.app", "Documents/data.json"},
    {"HealthDomain", "Health/healthdb.sqlite"},
    {"KeychainDomain", "keychain-backup.plist"},
    {"HomeDomain", "Library/Preferences/empty.plist"},
};

const char *const bkgen_hostile_names[] = {
    "Media/DCIM/100APPLE/IMG_\x1b[2J\x1b]0;pwned\x07.HEIC",
    "Media/DCIM/100APPLE/IMG_\xc2\x9b" "31m.HEIC",
    "Media/DCIM/100APPLE/IMG_\xe2\x80\xae" "CIEH.exe",
    "Media/DCIM/100APPLE/IMG_\xe2\x81\xa6x\xe2\x81\xa9.HEIC",
    "Media/DCIM/100APPLE/IMG_\xff\xfe" ".HEIC",
    "Media/DCIM/100APPLE/IMG_two\nlines\r.HEIC",
    NULL,
};

static int make_rows(struct gen *g)
{
    const bkgen_opts *o = g->o;
    uint64_t avg = o->file_size ? o->file_size : 1000;
    static const char *const dirs[][2] = {{"HomeDomain", ""}, {"HomeDomain", "Library"},
                                          {"HomeDomain", "Library/SMS"}, {"CameraRollDomain", "Media/DCIM"}};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
        if (add_other(g, dirs[i][0], dirs[i][1], 2))
            return -1;
    if (add_other(g, "HomeDomain", "Library/Caches/link", 4))
        return -1;
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (add_file(g, named[i][0], named[i][1], strstr(named[i][1], "empty") ? 0 : avg))
            return -1;
    /* Before the generic rows, so that rows follow the one that cannot be read. */
    if (dmg(g, "row_huge") && add_file(g, "HomeDomain", "Library/huge-row.db", 64))
        return -1;
    if (dmg(g, "row_flags_unknown") && add_other(g, "HomeDomain", "Library/odd-row", 8))
        return -1;
    for (unsigned i = 0; i < o->files; i++) {
        char rel[96], dom[64];
        switch (i % 3) {
        case 0:
            snprintf(dom, sizeof dom, "CameraRollDomain");
            snprintf(rel, sizeof rel, "Media/DCIM/%03uAPPLE/IMG_%05u.HEIC", 100 + i / 3000, i);
            break;
        case 1:
            snprintf(dom, sizeof dom, "HomeDomain");
            snprintf(rel, sizeof rel, "Library/Caches/com.apple.x/f%06u.db", i);
            break;
        default:
            snprintf(dom, sizeof dom, "AppDomain-com.example.app%u", i % 50);
            snprintf(rel, sizeof rel, "Documents/f%06u.bin", i);
        }
        uint64_t size = avg / 2 + rnd(g) % (avg + 1);
        if (add_file(g, dom, rel, size))
            return -1;
    }
    for (size_t i = 0; o->hostile_names && bkgen_hostile_names[i]; i++)
        if (add_file(g, "CameraRollDomain", bkgen_hostile_names[i], 100))
            return -1;
    if (dmg(g, "path_traversal") && add_file(g, "HomeDomain", "Library/SMS/../../../../../rb-escape.txt", 64))
        return -1;
    if (dmg(g, "absolute_path") && add_file(g, "HomeDomain", "/tmp/rb-abs-escape.txt", 64))
        return -1;
    return 0;
}

static int make_db(struct gen *g, const char *path)
{
    unlink(path);
    if (sqlite3_open(path, &g->db) != SQLITE_OK)
        return fail(g, "sqlite open %s", path);
    int rc = sqlite3_exec(g->db,
        "PRAGMA page_size=4096; PRAGMA user_version=2;"
        "CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, flags INTEGER, file BLOB);"
        "CREATE INDEX FilesDomainIdx ON Files(domain);"
        "CREATE INDEX FilesRelativePathIdx ON Files(relativePath);"
        "CREATE INDEX FilesFlagsIdx ON Files(flags);"
        "CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB);"
        "BEGIN;", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(g->db, "INSERT INTO Files VALUES (?1, ?2, ?3, ?4, ?5)", -1, &g->ins, NULL);
    if (rc != SQLITE_OK)
        return fail(g, "sqlite: %s", sqlite3_errmsg(g->db));
    if (make_rows(g))
        return -1;
    sqlite3_finalize(g->ins);
    g->ins = NULL;
    rc = sqlite3_exec(g->db, "COMMIT; PRAGMA journal_mode=WAL;", NULL, NULL, NULL);
    sqlite3_close(g->db);
    g->db = NULL;
    return rc == SQLITE_OK ? 0 : fail(g, "commit failed");
}

/* A committed transaction left in Manifest.db-wal: a row only visible through the WAL. */
static int add_wal_row(struct gen *g, const char *path)
{
    sqlite3 *db = NULL;
    char id[41], *p = NULL;
    bkgen_sha1_hex("HomeDomain", "Library/only-in-wal.db", id);
    plist_t mf = bkgen_mbfile("Library/only-in-wal.db", 10, 0100644, 4, NULL, NULL, NULL);
    char *bin = NULL;
    uint32_t blen = 0;
    plist_to_bin(mf, &bin, &blen);
    plist_free(mf);
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_open(path, &db);
    rc |= sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;", NULL, NULL, NULL);
    rc |= sqlite3_prepare_v2(db, "INSERT INTO Files VALUES (?1, 'HomeDomain', 'Library/only-in-wal.db', 1, ?2)",
                             -1, &s, NULL);
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_blob(s, 2, bin, (int)blen, SQLITE_STATIC);
    rc |= sqlite3_step(s) != SQLITE_DONE;
    sqlite3_finalize(s);
    free(bin);
    /* Copy db and WAL while the connection still holds them (closing would checkpoint). */
    p = malloc(strlen(path) + 8);
    for (int k = 0; k < 2; k++) {
        sprintf(p, "%s%s", path, k ? "-wal" : "");
        char *dst = join(g->o->dir, k ? "Manifest.db-wal" : "Manifest.db");
        FILE *in = fopen(p, "rb"), *out = fopen(dst, "wb");
        char buf[8192];
        size_t n;
        while (in && out && (n = fread(buf, 1, sizeof buf, in)) > 0)
            fwrite(buf, 1, n, out);
        if (in) fclose(in);
        if (out) fclose(out);
        free(dst);
    }
    free(p);
    sqlite3_close(db);
    return rc ? fail(g, "wal row failed") : 0;
}

static int read_all(const char *path, uint8_t **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    *out = malloc((size_t)n + 32);
    *len = *out ? fread(*out, 1, (size_t)n, f) : 0;
    fclose(f);
    return *out && *len == (size_t)n ? 0 : -1;
}

int bkgen_write(const bkgen_opts *o, char *err, size_t errlen)
{
    if (o->legacy)
        return bkgen_legacy_write(o, err, errlen);
    struct gen g = {.o = o, .err = err, .errlen = errlen};
    g.rng = 0x9E3779B97F4A7C15ull ^ ((uint64_t)o->seed * 2654435761u) ^ 1;
    const char *ios = o->ios ? o->ios : "17.5.1", *pt = o->product_type ? o->product_type : "iPhone14,5";
    const char *udid = o->udid ? o->udid : "00008110-000000000000001E";
    if (mkdir(o->dir, 0755) != 0 && errno != EEXIST)
        return fail(&g, "mkdir %s: %s", o->dir, strerror(errno));
    uint8_t keybag[2048];
    size_t kblen = 0;
    if (o->encrypted)
        kblen = make_keybag(&g, keybag);
    char *dbpath = join(o->dir, "Manifest.db");
    bool wal = dmg(&g, "wal_sidecar") && !o->encrypted;
    char *plainpath = malloc(strlen(o->dir) + 32);
    sprintf(plainpath, "%s.gen-manifest.db", o->dir);
    int rc = make_db(&g, o->encrypted || wal ? plainpath : dbpath);
    if (!rc && wal) {
        /* Built beside the backup, then published as Manifest.db + Manifest.db-wal. */
        rc = add_wal_row(&g, plainpath);
        char *side = malloc(strlen(plainpath) + 8);
        sprintf(side, "%s-wal", plainpath);
        unlink(side);
        sprintf(side, "%s-shm", plainpath);
        unlink(side);
        free(side);
        unlink(plainpath);
    }
    uint8_t mkey44[44];
    if (!rc && o->encrypted) {
        uint8_t mk[32], *plain = NULL, *enc;
        size_t plen = 0;
        fill(&g, mk, 32);
        mkey44[0] = 4;
        mkey44[1] = mkey44[2] = mkey44[3] = 0;
        bkgen_aes_wrap(g.class_keys[4], mk, mkey44 + 4);
        if (read_all(plainpath, &plain, &plen) != 0)
            rc = fail(&g, "read back db");
        else if (dmg(&g, "flag_mismatch")) {
            rc = write_file(&g, "Manifest.db", plain, plen);
        } else {
            enc = malloc(plen + 32);
            size_t elen = bkgen_aes_cbc(mk, plain, plen, enc);
            rc = write_file(&g, "Manifest.db", enc, elen);
            free(enc);
        }
        free(plain);
        unlink(plainpath);
        if (dmg(&g, "bad_manifest_key"))
            fill(&g, mkey44 + 4, 40);
    }
    free(plainpath);
    free(g.buf);
    if (rc) {
        free(dbpath);
        return -1;
    }
    /* Info.plist: host-written, XML. */
    plist_t info = plist_new_dict();
    plist_dict_set_item(info, "Build Version", plist_new_string("21F90"));
    const char *devname = g.o->device_name ? o->device_name : "Test iPhone";
    plist_dict_set_item(info, "Device Name", plist_new_string(devname));
    plist_dict_set_item(info, "Display Name", plist_new_string(devname));
    plist_dict_set_item(info, "Last Backup Date", plist_new_date(785548800, 0));
    plist_dict_set_item(info, "Product Type", plist_new_string(pt));
    plist_dict_set_item(info, "Product Version", plist_new_string(dmg(&g, "version_differs") ? "16.0" : ios));
    plist_dict_set_item(info, "Serial Number", plist_new_string("TEST00000000"));
    plist_dict_set_item(info, "Target Identifier", plist_new_string(udid));
    plist_dict_set_item(info, "Target Type", plist_new_string("Device"));
    plist_dict_set_item(info, "Unique Identifier",
                        plist_new_string(dmg(&g, "udid_mismatch") ? "00008030-0000000000000BAD" : udid));
    plist_dict_set_item(info, "iTunes Version", plist_new_string("12.13"));
    if (!dmg(&g, "no_info_plist"))
        rc |= write_plist(&g, "Info.plist", info, true);
    plist_free(info);
    /* Manifest.plist: device-written, binary. */
    plist_t man = plist_new_dict();
    plist_dict_set_item(man, "Version", plist_new_string("10.0"));
    plist_dict_set_item(man, "SystemDomainsVersion", plist_new_string("24.0"));
    plist_dict_set_item(man, "Date", plist_new_date(785548800, 0));
    plist_dict_set_item(man, "IsEncrypted", plist_new_bool(o->encrypted));
    plist_dict_set_item(man, "WasPasscodeSet", plist_new_bool(1));
    plist_t lock = plist_new_dict();
    plist_dict_set_item(lock, "BuildVersion", plist_new_string("21F90"));
    plist_dict_set_item(lock, "DeviceName", plist_new_string(g.o->device_name ? g.o->device_name : "Test iPhone"));
    plist_dict_set_item(lock, "ProductType", plist_new_string(pt));
    plist_dict_set_item(lock, "ProductVersion", plist_new_string(ios));
    plist_dict_set_item(lock, "SerialNumber", plist_new_string("TEST00000000"));
    plist_dict_set_item(lock, "UniqueDeviceID", plist_new_string(udid));
    plist_dict_set_item(man, "Lockdown", lock);
    plist_dict_set_item(man, "Applications", plist_new_dict());
    if (o->encrypted) {
        size_t kl = dmg(&g, "bad_keybag") ? kblen / 2 + 3 : kblen;
        plist_dict_set_item(man, "BackupKeyBag", plist_new_data((const char *)keybag, kl));
        plist_dict_set_item(man, "ManifestKey", plist_new_data((const char *)mkey44, 44));
    }
    if (dmg(&g, "bad_manifest_plist")) {
        rc |= write_file(&g, "Manifest.plist", "bplist00\xff\xfe garbage garbage garbage", 32);
    } else {
        rc |= write_plist(&g, "Manifest.plist", man, false);
    }
    plist_free(man);
    plist_t st = plist_new_dict();
    plist_dict_set_item(st, "BackupState", plist_new_string("new"));
    plist_dict_set_item(st, "Date", plist_new_date(785548800, 0));
    plist_dict_set_item(st, "IsFullBackup", plist_new_bool(0));
    plist_dict_set_item(st, "SnapshotState",
                        plist_new_string(dmg(&g, "snapshot_unfinished") ? "uploading" : "finished"));
    plist_dict_set_item(st, "UUID", plist_new_string("8D7A1C2E-0000-4000-8000-000000000001"));
    plist_dict_set_item(st, "Version", plist_new_string("3.3"));
    if (!dmg(&g, "no_status_plist"))
        rc |= write_plist(&g, "Status.plist", st, false);
    plist_free(st);
    if (dmg(&g, "snapshot_folder")) {
        char *p = join(o->dir, "Snapshot");
        mkdir(p, 0755);
        free(p);
        rc |= write_file(&g, "Snapshot/Manifest.plist", "x", 1);
    }
    if (dmg(&g, "orphan")) {
        char *p = join(o->dir, "ff");
        mkdir(p, 0755);
        free(p);
        rc |= write_file(&g, "ff/ffffffffffffffffffffffffffffffffffffffff", "orphan!", 7);
    }
    if (!rc && pad_plists(&g))
        rc = -1;
    if (dmg(&g, "no_manifest_db"))
        unlink(dbpath);
    if (dmg(&g, "garbage_manifest_db")) {
        uint8_t junk[8192];
        fill(&g, junk, sizeof junk);
        rc |= write_file(&g, "Manifest.db", junk, sizeof junk);
    }
    struct stat sb;
    if (dmg(&g, "truncated_manifest_db") && stat(dbpath, &sb) == 0)
        rc |= truncate(dbpath, o->encrypted ? sb.st_size - 5 : sb.st_size / 2);
    if (dmg(&g, "corrupt_manifest_db_page")) {
        int fd = open(dbpath, O_WRONLY);
        uint8_t junk[600];
        fill(&g, junk, sizeof junk);
        if (fd < 0 || pwrite(fd, junk, sizeof junk, 4096 * 2 + 8) != (ssize_t)sizeof junk)
            rc = -1;
        if (fd >= 0)
            close(fd);
    }
    free(dbpath);
    return rc ? fail(&g, "writing the backup failed") : 0;
}
