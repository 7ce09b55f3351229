/* bkgen_legacy.c - iOS 5-9 backups for the tests and the benchmark: Info, Manifest and
 * Status plists of that era, Manifest.mbdb records written field by field (big-endian,
 * 0xFFFF for an absent string), content files flat in the folder, plain or encrypted with
 * a keybag of that era (no DPSL/DPIC stage) and per-file keys in the records; and damaged
 * on request. Independent of the verifier's code: it shares only the libraries. */
#include "bkgen.h"
#include "bkgen_format.h"

#include <errno.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <plist/plist.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *const bkgen_legacy_damages[] = {
    "missing_file", "truncated_file", "bitflip_file", "cut_mbdb", "bad_mbdb_header", "bad_mode",
    "link_no_target", "dir_with_size", "snapshot_unfinished", "orphan", "path_traversal",
    "absolute_path", "blob_symlink", NULL};

/* "Café" with the é decomposed (e + U+0301), as HFS+ stores names: the fileID is the
 * SHA-1 of these bytes, not of a normalised form. */
#define NFD_NAME "Media/DCIM/100APPLE/Cafe\xcc\x81 IMG_0002.JPG"

struct lg {
    const bkgen_opts *o;
    char *err;
    size_t errlen;
    FILE *mbdb;
    uint8_t class_keys[12][32];
    uint64_t rng, inode;
    unsigned nfile;
    uint8_t *buf;
    size_t cap;
};

static int fail(struct lg *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g->err, g->errlen, fmt, ap);
    va_end(ap);
    return -1;
}

static bool dmg(const struct lg *g, const char *name)
{
    return g->o->damage && strcmp(g->o->damage, name) == 0;
}

static uint64_t rnd(struct lg *g)
{
    return bkgen_rnd(&g->rng);
}

static void fill(struct lg *g, uint8_t *p, size_t n)
{
    bkgen_fill(&g->rng, p, n);
}

static int put_file(struct lg *g, const char *name, const void *data, size_t len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", g->o->dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return fail(g, "create %s: %s", name, strerror(errno));
    size_t n = len ? fwrite(data, 1, len, f) : 0;
    return fclose(f) == 0 && n == len ? 0 : fail(g, "write %s", name);
}

static void be(FILE *f, uint64_t v, int n)
{
    for (int i = n - 1; i >= 0; i--)
        fputc((int)(v >> (8 * i)) & 0xff, f);
}

/* NULL: absent (0xFFFF). */
static void str(FILE *f, const void *s, size_t len)
{
    if (!s) {
        be(f, 0xFFFF, 2);
        return;
    }
    be(f, len, 2);
    fwrite(s, 1, len, f);
}

struct rec {
    const char *domain, *path, *target;
    const uint8_t *hash, *key;
    size_t hlen, klen;
    uint16_t mode;
    uint64_t size;
    uint8_t pclass;
    bool props;
};

static void record(struct lg *g, const struct rec *r)
{
    FILE *f = g->mbdb;
    str(f, r->domain, strlen(r->domain));
    str(f, r->path, strlen(r->path));
    str(f, r->target, r->target ? strlen(r->target) : 0);
    str(f, r->hash, r->hlen);
    str(f, r->key, r->klen);
    be(f, r->mode, 2);
    be(f, ++g->inode, 8);
    be(f, 501, 4);
    be(f, 501, 4);
    for (int i = 0; i < 3; i++)
        be(f, 1388534400u + (uint32_t)i, 4);
    be(f, r->size, 8);
    fputc(r->pclass, f);
    if (!r->props) {
        fputc(0, f);
        return;
    }
    /* Extended attributes: binary values, one with NUL and 0xFF bytes, one absent. */
    static const uint8_t bin[] = {0x00, 0xff, 0x62, 0x70, 0x6c, 0x00, 0xfe, 0x01};
    fputc(3, f);
    str(f, "com.apple.assetsd.UUID", 22);
    str(f, bin, sizeof bin);
    str(f, "com.apple.metadata:kMDItemWhereFroms", 36);
    str(f, "bplist00\xd1\x01\x02", 11);
    str(f, "com.apple.empty", 15);
    str(f, NULL, 0);
}

static int add_file(struct lg *g, const char *domain, const char *rel, uint64_t size)
{
    const bkgen_opts *o = g->o;
    char id[41];
    bkgen_sha1_hex(domain, rel, id);
    bool victim = g->nfile++ == 1; /* HomeDomain Library/SMS/sms.db, with a data hash */
    if (size * 2 + 64 > g->cap) {
        free(g->buf);
        g->cap = size * 2 + 64;
        g->buf = malloc(g->cap);
        if (!g->buf)
            return fail(g, "out of memory");
    }
    uint8_t *plain = g->buf, *blob = g->buf + size + 16;
    fill(g, plain, size);
    size_t blen = size;
    uint8_t key[44];
    int pclass = !strcmp(domain, "CameraRollDomain") || !strncmp(domain, "AppDomain", 9) ? 3 : 4;
    if (o->encrypted) {
        uint8_t fk[32];
        fill(g, fk, 32);
        key[0] = (uint8_t)pclass;
        key[1] = key[2] = key[3] = 0;
        bkgen_aes_wrap(g->class_keys[pclass], fk, key + 4);
        blen = bkgen_aes_cbc(fk, plain, size, blob);
    } else {
        memcpy(blob, plain, size);
    }
    uint8_t hash[20];
    bool with_hash = o->digest_all || bkgen_system_domain(domain);
    if (with_hash)
        SHA1(blob, blen, hash);
    struct rec r = {domain, rel, NULL, with_hash ? hash : NULL, o->encrypted ? key : NULL,
                    with_hash ? 20 : 0, o->encrypted ? 44 : 0, 0100644, size, (uint8_t)pclass,
                    strstr(rel, "IMG_0001") != NULL};
    record(g, &r);
    if (victim && dmg(g, "missing_file"))
        return 0;
    if (victim && dmg(g, "bitflip_file") && blen)
        blob[blen / 2] ^= 0x01;
    if (victim && dmg(g, "truncated_file"))
        blen /= 2;
    if (victim && dmg(g, "blob_symlink")) {
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", o->dir, id);
        return symlink("/etc/passwd", p) == 0 ? 0 : fail(g, "symlink: %s", strerror(errno));
    }
    return put_file(g, id, blob, blen);
}

static void other(struct lg *g, const char *domain, const char *path, uint16_t mode, const char *target,
                  uint64_t size)
{
    struct rec r = {domain, path, target, NULL, NULL, 0, 0, mode, size, 0, false};
    record(g, &r);
}

static const char *const named[][2] = {
    {"CameraRollDomain", "Media/DCIM/100APPLE/IMG_0001.JPG"},
    {"HomeDomain", "Library/SMS/sms.db"},
    {"HomeDomain", "Library/AddressBook/AddressBook.sqlitedb"},
    {"WirelessDomain", "Library/CallHistory/call_history.db"},
    {"HomeDomain", "Library/Notes/notes.sqlite"},
    {"MediaDomain", "Media/Recordings/20140101 101010.m4a"},
    {"HomeDomain", "Library/Safari/History.plist"},
    {"AppDomain-com.example.app", "Documents/data.json"},
    {"HealthDomain", "Health/healthdb.sqlite"},
    {"KeychainDomain", "keychain-backup.plist"},
    {"HomeDomain", "Library/Preferences/empty.plist"},
    {"CameraRollDomain", NFD_NAME},
};

static int records(struct lg *g)
{
    const bkgen_opts *o = g->o;
    uint64_t avg = o->file_size ? o->file_size : 1000;
    other(g, "HomeDomain", "", 040755, NULL, dmg(g, "dir_with_size") ? 4096 : 0);
    other(g, "HomeDomain", "Library", 040755, NULL, 0);
    other(g, "HomeDomain", "Library/SMS", 040755, NULL, 0);
    other(g, "CameraRollDomain", "Media/DCIM", 040755, NULL, 0);
    other(g, "HomeDomain", "Library/Caches/link", 0120755,
          dmg(g, "link_no_target") ? NULL : "/private/var/mobile/target", 0);
    if (dmg(g, "bad_mode"))
        other(g, "HomeDomain", "Library/Caches/fifo", 010644, NULL, 0);
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (add_file(g, named[i][0], named[i][1], strstr(named[i][1], "empty") ? 0 : avg))
            return -1;
    for (unsigned i = 0; i < o->files; i++) {
        char rel[96], dom[64];
        switch (i % 3) {
        case 0:
            snprintf(dom, sizeof dom, "CameraRollDomain");
            snprintf(rel, sizeof rel, "Media/DCIM/%03uAPPLE/IMG_%05u.JPG", 100 + i / 3000, i);
            break;
        case 1:
            snprintf(dom, sizeof dom, "HomeDomain");
            snprintf(rel, sizeof rel, "Library/Caches/com.apple.x/f%06u.db", i);
            break;
        default:
            snprintf(dom, sizeof dom, "AppDomain-com.example.app%u", i % 50);
            snprintf(rel, sizeof rel, "Documents/f%06u.bin", i);
        }
        if (add_file(g, dom, rel, avg / 2 + rnd(g) % (avg + 1)))
            return -1;
    }
    if (dmg(g, "path_traversal") && add_file(g, "HomeDomain", "Library/SMS/../../../../../rb-escape.txt", 64))
        return -1;
    if (dmg(g, "absolute_path") && add_file(g, "HomeDomain", "/tmp/rb-abs-escape.txt", 64))
        return -1;
    return 0;
}

/* An iOS 5-9 keybag: PBKDF2-SHA1 of the password only, classes 1..11 ascending. */
static size_t keybag(struct lg *g, uint8_t *kb)
{
    uint8_t *w = kb, uuid[16], salt[20], kek[32];
    const char *pw = g->o->password ? g->o->password : "kiosk-test-1234";
    uint32_t iter = g->o->iter ? g->o->iter : 10000;
    fill(g, uuid, 16);
    fill(g, salt, 20);
    PKCS5_PBKDF2_HMAC(pw, (int)strlen(pw), salt, 20, (int)iter, EVP_sha1(), 32, kek);
    bkgen_tlv32(&w, "VERS", 3);
    bkgen_tlv32(&w, "TYPE", 1);
    bkgen_tlv(&w, "UUID", uuid, 16);
    bkgen_tlv(&w, "HMCK", salt, 20);
    bkgen_tlv32(&w, "WRAP", 0);
    bkgen_tlv(&w, "SALT", salt, 20);
    bkgen_tlv32(&w, "ITER", iter);
    for (uint32_t c = 1; c <= 11; c++) {
        uint8_t wpky[40];
        fill(g, g->class_keys[c], 32);
        fill(g, uuid, 16);
        bkgen_aes_wrap(kek, g->class_keys[c], wpky);
        bkgen_tlv(&w, "UUID", uuid, 16);
        bkgen_tlv32(&w, "CLAS", c);
        bkgen_tlv32(&w, "WRAP", c <= 4 ? 2 : 3);
        bkgen_tlv32(&w, "KTYP", 0);
        bkgen_tlv(&w, "WPKY", wpky, 40);
    }
    return (size_t)(w - kb);
}

static int plists(struct lg *g, const uint8_t *kb, size_t kblen)
{
    const bkgen_opts *o = g->o;
    const char *ios = o->ios ? o->ios : "9.3.5", *pt = o->product_type ? o->product_type : "iPhone5,2";
    const char *udid = "3d0d7e5fb2ce288813306e4d4636395e047a3d28";
    char *out = NULL;
    uint32_t len = 0;
    plist_t info = plist_new_dict();
    plist_dict_set_item(info, "Build Version", plist_new_string("13G36"));
    plist_dict_set_item(info, "Device Name", plist_new_string("Old iPhone"));
    plist_dict_set_item(info, "Last Backup Date", plist_new_date(441763200, 0));
    plist_dict_set_item(info, "Product Type", plist_new_string(pt));
    plist_dict_set_item(info, "Product Version", plist_new_string(ios));
    plist_dict_set_item(info, "Target Identifier", plist_new_string(udid));
    plist_dict_set_item(info, "Unique Identifier", plist_new_string(udid));
    plist_dict_set_item(info, "iTunes Version", plist_new_string("12.3.3"));
    plist_to_xml(info, &out, &len);
    int rc = put_file(g, "Info.plist", out, len);
    free(out);
    plist_free(info);
    plist_t man = plist_new_dict(), lock = plist_new_dict();
    plist_dict_set_item(man, "Version", plist_new_string("9.1"));
    plist_dict_set_item(man, "Date", plist_new_date(441763200, 0));
    plist_dict_set_item(man, "IsEncrypted", plist_new_bool(o->encrypted));
    plist_dict_set_item(man, "WasPasscodeSet", plist_new_bool(0));
    plist_dict_set_item(lock, "BuildVersion", plist_new_string("13G36"));
    plist_dict_set_item(lock, "DeviceName", plist_new_string("Old iPhone"));
    plist_dict_set_item(lock, "ProductType", plist_new_string(pt));
    plist_dict_set_item(lock, "ProductVersion", plist_new_string(ios));
    plist_dict_set_item(lock, "UniqueDeviceID", plist_new_string(udid));
    plist_dict_set_item(man, "Lockdown", lock);
    plist_dict_set_item(man, "Applications", plist_new_dict());
    if (o->encrypted)
        plist_dict_set_item(man, "BackupKeyBag", plist_new_data((const char *)kb, kblen));
    out = NULL;
    plist_to_bin(man, &out, &len);
    rc |= put_file(g, "Manifest.plist", out, len);
    free(out);
    plist_free(man);
    plist_t st = plist_new_dict();
    plist_dict_set_item(st, "BackupState", plist_new_string("new"));
    plist_dict_set_item(st, "Date", plist_new_date(441763200, 0));
    plist_dict_set_item(st, "IsFullBackup", plist_new_bool(1));
    plist_dict_set_item(st, "SnapshotState",
                        plist_new_string(dmg(g, "snapshot_unfinished") ? "uploading" : "finished"));
    plist_dict_set_item(st, "UUID", plist_new_string("8D7A1C2E-0000-4000-8000-000000000009"));
    plist_dict_set_item(st, "Version", plist_new_string("2.4"));
    out = NULL;
    plist_to_bin(st, &out, &len);
    rc |= put_file(g, "Status.plist", out, len);
    free(out);
    plist_free(st);
    return rc;
}

int bkgen_legacy_write(const bkgen_opts *o, char *err, size_t errlen)
{
    struct lg g = {.o = o, .err = err, .errlen = errlen};
    err[0] = '\0';
    g.rng = 0x9E3779B97F4A7C15ull ^ ((uint64_t)o->seed * 2654435761u) ^ 2;
    if (mkdir(o->dir, 0755) != 0 && errno != EEXIST)
        return fail(&g, "mkdir %s: %s", o->dir, strerror(errno));
    uint8_t kb[2048];
    size_t kblen = o->encrypted ? keybag(&g, kb) : 0;
    char path[4096];
    snprintf(path, sizeof path, "%s/Manifest.mbdb", o->dir);
    g.mbdb = fopen(path, "wb");
    if (!g.mbdb)
        return fail(&g, "create Manifest.mbdb: %s", strerror(errno));
    fwrite(dmg(&g, "bad_mbdb_header") ? "mbdq\x05\x00" : "mbdb\x05\x00", 1, 6, g.mbdb);
    int rc = records(&g);
    free(g.buf);
    if (fclose(g.mbdb) != 0 && !rc)
        rc = fail(&g, "write Manifest.mbdb");
    struct stat sb;
    /* Cut inside the last record's fixed fields. */
    if (!rc && dmg(&g, "cut_mbdb") && (stat(path, &sb) != 0 || truncate(path, sb.st_size - 20) != 0))
        rc = fail(&g, "truncate Manifest.mbdb");
    if (!rc)
        rc = plists(&g, kb, kblen);
    if (!rc && dmg(&g, "orphan"))
        rc = put_file(&g, "ffffffffffffffffffffffffffffffffffffffff", "orphan!", 7);
    return rc ? (g.err[0] ? -1 : fail(&g, "writing the backup failed")) : 0;
}
