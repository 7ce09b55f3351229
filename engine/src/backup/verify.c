/* backup/verify.c - the backup-level checks (plists, snapshot, Manifest.db, keybag,
 * compatibility) and the rb_backup_verify entry point. Row checks are in files.c. */
#include <errno.h>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup/backup_private.h"

#define CORRUPT RB_BACKUP_CORRUPT
#define ERR RB_BACKUP_ERROR
#define WARN RB_BACKUP_WARNING

/* Backup-level finding (no domain/file). */
#define FIND(v, code, sev, verdict, path, ...) \
    rb__bk_report_add((v)->r, code, sev, verdict, "", path, "", __VA_ARGS__)

bool rb__bk_progress(rb__bk_verifier *v)
{
    if (atomic_load(&v->cancel))
        return false;
    v->prog.items_done = atomic_load(&v->items_done);
    v->prog.bytes_done = atomic_load(&v->bytes_done);
    if (v->prog.items_total && v->prog.step == RB_BACKUP_STEP_FILES)
        v->prog.step_fraction = (double)v->prog.items_done / (double)v->prog.items_total;
    if (v->opt.progress && v->opt.progress(&v->prog, v->opt.progress_payload) < 0)
        atomic_store(&v->cancel, true);
    return !atomic_load(&v->cancel);
}

void rb__bk_open_prefixes(rb__bk_verifier *v)
{
    for (int i = 0; i < 256; i++) {
        unsigned char b = (unsigned char)i;
        char id[3];
        rb__hex(&b, 1, id);
        rb__bk_prefix_fd(v, id);
    }
}

int rb__bk_prefix_fd(rb__bk_verifier *v, const char *file_id)
{
    int hi = file_id[0] <= '9' ? file_id[0] - '0' : file_id[0] - 'a' + 10;
    int lo = file_id[1] <= '9' ? file_id[1] - '0' : file_id[1] - 'a' + 10;
    int i = hi * 16 + lo;
    if (v->pfd[i] == -2) {
        char name[3] = {file_id[0], file_id[1], '\0'};
        v->pfd[i] = openat(v->dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (v->pfd[i] < 0)
            v->pfd[i] = -1;
    }
    return v->pfd[i];
}

static void copy_str(char *dst, size_t n, const char *a, const char *b)
{
    const char *s = a && *a ? a : b;
    if (s && !*dst)
        snprintf(dst, n, "%s", s);
}

static plist_t load(rb__bk_verifier *v, const char *name, const char *missing_code,
                    const char *invalid_code, const char *what)
{
    plist_t p = NULL;
    char err[256];
    switch (rb__bk_plist_load(&p, v->dirfd, name, err, sizeof err)) {
    case BK_PLIST_OK:
        return p;
    case BK_PLIST_MISSING:
        FIND(v, missing_code, ERR, CORRUPT, name, "%s is missing: %s", name, what);
        break;
    case BK_PLIST_TOO_LARGE:
        /* Not read is not checked: never "restorable" on a file the check skipped. */
        FIND(v, "plist_too_large", ERR, CORRUPT, name, "%s", err);
        break;
    default:
        FIND(v, invalid_code, ERR, CORRUPT, name, "%s", err);
        break;
    }
    return NULL;
}

/* Plists, Snapshot/, Manifest.db presence; fills the report's info. Returns the
 * Manifest.plist (caller frees) for the keybag. */
static plist_t check_headers(rb__bk_verifier *v, int *db_sqlite, uint64_t *db_size)
{
    rb_backup_info *in = &v->r->info;
    plist_t info = load(v, "Info.plist", "info_plist_missing", "info_plist_invalid",
                        "the computer's description of the backup; restore tools refuse without it");
    plist_t man = load(v, "Manifest.plist", "manifest_plist_missing", "manifest_plist_invalid",
                       "the device's description of the backup; it is needed to restore");
    plist_t status = load(v, "Status.plist", "status_plist_missing", "status_plist_invalid",
                          "without it there is no proof the backup finished");
    plist_t lock = man ? plist_dict_get_item(man, "Lockdown") : NULL;
    if (man && (!lock || plist_get_node_type(lock) != PLIST_DICT)) {
        FIND(v, "manifest_plist_invalid", ERR, CORRUPT, "Manifest.plist",
             "Manifest.plist has no Lockdown section (device type and iOS version)");
        lock = NULL;
    }
    copy_str(in->udid, sizeof in->udid, rb__bk_dict_str(lock, "UniqueDeviceID"),
             rb__bk_dict_str(info, "Unique Identifier"));
    copy_str(in->device_name, sizeof in->device_name, rb__bk_dict_str(lock, "DeviceName"),
             rb__bk_dict_str(info, "Device Name"));
    copy_str(in->product_type, sizeof in->product_type, rb__bk_dict_str(lock, "ProductType"),
             rb__bk_dict_str(info, "Product Type"));
    copy_str(in->ios_version, sizeof in->ios_version, rb__bk_dict_str(lock, "ProductVersion"),
             rb__bk_dict_str(info, "Product Version"));
    copy_str(in->build_version, sizeof in->build_version, rb__bk_dict_str(lock, "BuildVersion"),
             rb__bk_dict_str(info, "Build Version"));
    int64_t t = 0;
    if (rb__bk_dict_date(man, "Date", &t) == 0 || rb__bk_dict_date(info, "Last Backup Date", &t) == 0 ||
        rb__bk_dict_date(status, "Date", &t) == 0)
        rb__utc_iso8601(t, in->date);
    rb__bk_describe(&v->opt, in->product_type, in->model_name, sizeof in->model_name);
    in->encrypted = man ? rb__bk_dict_bool(man, "IsEncrypted") : -1;

    if (info && lock) {
        const char *a = rb__bk_dict_str(info, "Unique Identifier");
        const char *b = rb__bk_dict_str(lock, "UniqueDeviceID");
        if (a && b && strcasecmp(a, b) != 0)
            FIND(v, "plists_disagree", ERR, CORRUPT, "Info.plist",
                 "Info.plist is for device %s but Manifest.plist for %s: files of two backups are mixed",
                 a, b);
        const char *pa = rb__bk_dict_str(info, "Product Version"), *pb = rb__bk_dict_str(lock, "ProductVersion");
        const char *ta = rb__bk_dict_str(info, "Product Type"), *tb = rb__bk_dict_str(lock, "ProductType");
        if ((pa && pb && strcmp(pa, pb) != 0) || (ta && tb && strcmp(ta, tb) != 0))
            FIND(v, "plists_version_differs", WARN, CORRUPT, "Info.plist",
                 "Info.plist says %s iOS %s, Manifest.plist says %s iOS %s (Manifest.plist is used)",
                 ta ? ta : "?", pa ? pa : "?", tb ? tb : "?", pb ? pb : "?");
    }
    if (status) {
        const char *ss = rb__bk_dict_str(status, "SnapshotState");
        if (!ss) {
            FIND(v, "status_plist_invalid", ERR, CORRUPT, "Status.plist",
                 "Status.plist does not say whether the backup finished (no SnapshotState)");
        } else if (strcmp(ss, "finished") != 0) {
            in->snapshot_finished = 0;
            FIND(v, "snapshot_unfinished", ERR, CORRUPT, "Status.plist",
                 "the backup did not finish (state \"%s\"): it was interrupted", ss);
        } else {
            in->snapshot_finished = 1;
        }
    }
    struct stat st;
    if (fstatat(v->dirfd, "Snapshot", &st, AT_SYMLINK_NOFOLLOW) == 0) {
        in->snapshot_finished = 0;
        FIND(v, "snapshot_folder_left", ERR, CORRUPT, "Snapshot",
             "a Snapshot folder is left over: the backup was interrupted while files were moved in");
    }
    *db_sqlite = rb__bk_db_sniff(v->dirfd, db_size);
    if (*db_sqlite < 0) {
        if (fstatat(v->dirfd, "Manifest.mbdb", &st, AT_SYMLINK_NOFOLLOW) == 0)
            rb__bk_legacy_headers(v);
        else
            FIND(v, "manifest_db_missing", ERR, CORRUPT, "Manifest.db",
                 "Manifest.db, the list of every file in the backup, is missing");
    }
    plist_free(info);
    plist_free(status);
    return man;
}

/* "an iPhone"...; bounded: the catalog knows more kinds (Apple TV, Watch: family OTHER)
 * than the three a backup can be restored to. */
static const char *family_words(rb_backup_family fam)
{
    static const char *const w[] = {"of an unknown kind", "an iPhone", "an iPad", "an iPod touch"};
    return (int)fam > 0 && (int)fam < (int)(sizeof w / sizeof w[0]) ? w[fam] : w[0];
}

static void check_compat(rb__bk_verifier *v)
{
    const rb_backup_info *in = &v->r->info;
    const char *tios = v->opt.target_ios, *tpt = v->opt.target_product_type;
    if (tios && *tios) {
        if (!in->ios_version[0])
            FIND(v, "compat_unknown", ERR, RB_BACKUP_NOT_COMPATIBLE, "Manifest.plist",
                 "the backup does not say its iOS version, so it cannot be confirmed to restore "
                 "to a device with iOS %s", tios);
        else if (rb__bk_version_cmp(in->ios_version, tios) > 0)
            FIND(v, "ios_newer_than_device", ERR, RB_BACKUP_NOT_COMPATIBLE, "",
                 "the backup was made with iOS %s but the device has iOS %s: update the device "
                 "to iOS %s or later before restoring",
                 in->ios_version, tios, in->ios_version);
    }
    if (tpt && *tpt) {
        char tname[64];
        rb_backup_family tf = rb__bk_describe(&v->opt, tpt, tname, sizeof tname);
        rb_backup_family bf = rb__bk_describe(&v->opt, in->product_type, NULL, 0);
        /* What the caller says about its device wins over what the callback knows. */
        if (v->opt.target_family > RB_BACKUP_FAMILY_UNKNOWN && v->opt.target_family <= RB_BACKUP_FAMILY_OTHER)
            tf = v->opt.target_family;
        if (v->opt.target_model_name && *v->opt.target_model_name)
            snprintf(tname, sizeof tname, "%s", v->opt.target_model_name);
        const char *bname = in->model_name[0] ? in->model_name : in->product_type;
        if (bf == 0 || tf == 0)
            FIND(v, "compat_unknown", ERR, RB_BACKUP_NOT_COMPATIBLE, "",
                 "cannot tell what kind of device %s is, so the backup cannot be confirmed to "
                 "restore to it (backup: %s, device: %s)",
                 bf ? "the target" : "the backup was made from",
                 in->product_type[0] ? in->product_type : "not stated", tpt);
        else if (tf == RB_BACKUP_FAMILY_OTHER)
            FIND(v, "device_family_mismatch", ERR, RB_BACKUP_NOT_COMPATIBLE, "",
                 "the device (%s%s%s) is not an iPhone, iPad or iPod touch: this backup of %s "
                 "cannot be restored to it",
                 tname[0] ? tname : tpt, tname[0] ? ", " : "", tname[0] ? tpt : "", bname);
        else if (bf == RB_BACKUP_FAMILY_OTHER)
            FIND(v, "device_family_mismatch", ERR, RB_BACKUP_NOT_COMPATIBLE, "",
                 "the backup is of %s, not of an iPhone, iPad or iPod touch: it cannot be restored "
                 "to the device", bname);
        else if (bf != tf)
            FIND(v, "device_family_mismatch", ERR, RB_BACKUP_NOT_COMPATIBLE, "",
                 "this is a backup of %s (%s) and the device (%s%s%s) is %s: it cannot be restored to it",
                 family_words(bf), bname, tname[0] ? tname : tpt, tname[0] ? ", " : "",
                 tname[0] ? tpt : "", family_words(tf));
    }
}

/* Keybag and ManifestKey; on success *mkey holds the Manifest.db key if it is encrypted. */
static bool unlock(rb__bk_verifier *v, plist_t man, int db_sqlite, uint8_t mkey[32], bool *have_mkey)
{
    char err[256];
    size_t kl = 0;
    const uint8_t *kbd = rb__bk_dict_data(man, "BackupKeyBag", &kl);
    if (!kbd || rb__bk_keybag_parse(&v->kb, kbd, kl, err, sizeof err) != 0) {
        FIND(v, "keybag_invalid", ERR, CORRUPT, "Manifest.plist",
             "the encryption keybag in Manifest.plist is %s%s", kbd ? "damaged: " : "missing",
             kbd ? err : "");
        return false;
    }
    if (!v->opt.password) {
        FIND(v, "password_needed", ERR, RB_BACKUP_PASSWORD_NEEDED, "",
             "the backup is encrypted: the customer's backup password is needed to check its files");
        return false;
    }
    v->prog.step = RB_BACKUP_STEP_KEYBAG;
    v->prog.step_fraction = -1;
    if (!rb__bk_progress(v))
        return false;
    rb_status st = rb__bk_keybag_unlock(&v->kb, v->opt.password, strlen(v->opt.password));
    if (st == RB_ERR_PASSWORD) {
        FIND(v, "wrong_password", ERR, RB_BACKUP_WRONG_PASSWORD, "",
             "the password does not open this backup: ask the customer for the password they set "
             "for iPhone backups in Finder/iTunes");
        return false;
    }
    if (st != RB_OK) {
        FIND(v, "keybag_invalid", ERR, CORRUPT, "Manifest.plist",
             "the encryption keybag has no password-protected keys");
        return false;
    }
    v->have_keys = true;
    *have_mkey = false;
    if (db_sqlite == 0) {
        const uint8_t *mk = rb__bk_dict_data(man, "ManifestKey", &kl);
        if (!mk || kl != 44 || rb__bk_keybag_unwrap(&v->kb, mk, kl, mkey) != 0) {
            FIND(v, "manifest_key_invalid", ERR, CORRUPT, "Manifest.plist",
                 "the key of Manifest.db is %s", mk ? "damaged" : "missing");
            return false;
        }
        *have_mkey = true;
    }
    return true;
}

/* Counting the content folders costs a readdir of every entry, as much kernel time as the
 * integrity check's reads; run on the otherwise idle second core, the two overlap. */
static void *count_entries(void *payload)
{
    rb__bk_verifier *v = payload;
    for (int i = 0; i < 256; i++)
        v->entries[i] = v->pfd[i] >= 0 ? rb__bk_count_entries(v->pfd[i]) : 0;
    return NULL;
}

static void open_db(rb__bk_verifier *v, const uint8_t *mkey)
{
    char err[300];
    v->prog.step = RB_BACKUP_STEP_MANIFEST;
    if (!rb__bk_progress(v))
        return;
    rb_status st = rb__bk_db_open(&v->db, v->home, v->dir, v->dirfd, mkey, err, sizeof err);
    if (st == RB_ERR_NOMEM || st == RB_ERR_IO) {
        FIND(v, "manifest_db_unreadable", ERR, CORRUPT, "Manifest.db", "%s", err);
        return;
    }
    if (st != RB_OK) {
        FIND(v, "manifest_db_unreadable", ERR, CORRUPT, "Manifest.db", "%s", err);
        return;
    }
    const char *pragma = v->opt.depth == RB_BACKUP_DEEP ? "PRAGMA integrity_check(20)"
                                                        : "PRAGMA quick_check(20)";
    pthread_t counter;
    bool counting = false;
    if (v->count_folders) {
        rb__bk_open_prefixes(v);
        counting = pthread_create(&counter, NULL, count_entries, v) == 0;
    }
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(v->db.db, pragma, -1, &s, NULL);
    bool ok = rc == SQLITE_OK;
    while (ok && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(s, 0);
        if (t && strcmp(t, "ok") == 0)
            continue;
        ok = false;
        FIND(v, "manifest_db_integrity", ERR, CORRUPT, "Manifest.db",
             "Manifest.db is damaged: %s", t ? t : "?");
    }
    if (ok && rc != SQLITE_DONE) {
        ok = false;
        FIND(v, "manifest_db_integrity", ERR, CORRUPT, "Manifest.db", "Manifest.db is damaged: %s",
             sqlite3_errmsg(v->db.db));
    }
    sqlite3_finalize(s);
    s = NULL;
    if (counting) {
        pthread_join(counter, NULL);
        v->entries_counted = true;
    }
    if (ok && sqlite3_prepare_v2(v->db.db, BK_FILES_SQL " LIMIT 0", -1, &s, NULL) != SQLITE_OK) {
        ok = false;
        FIND(v, "manifest_db_schema", ERR, CORRUPT, "Manifest.db",
             "Manifest.db has no proper Files table: %s", sqlite3_errmsg(v->db.db));
    }
    sqlite3_finalize(s);
    v->db_ok = ok;
}

rb_status rb__bk_prepare(rb__bk_verifier *v, rb_context *ctx, const char *dir,
                     const rb_backup_options *o, rb_backup_report *r, bool orphans)
{
    memset(v, 0, sizeof *v);
    atomic_init(&v->cancel, false);
    atomic_init(&v->items_done, 0);
    atomic_init(&v->bytes_done, 0);
    v->dirfd = -1;
    v->db.lockfd = -1;
    for (int i = 0; i < 256; i++)
        v->pfd[i] = -2;
    v->ctx = ctx;
    v->r = r;
    v->dir = dir;
    rb__bk_options_copy(&v->opt, o);
    v->count_folders = orphans && v->opt.depth >= RB_BACKUP_QUICK;
    r->depth = v->opt.depth;
    v->prog.version = RB_PROGRESS_VERSION;
    v->prog.step = RB_BACKUP_STEP_HEADERS;
    v->prog.step_fraction = -1;
    if (!dir)
        return rb__error(ctx, RB_ERR_INVALID_ARG, "no backup folder given");
    v->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (v->dirfd < 0)
        return rb__error(ctx, errno == ENOENT || errno == ENOTDIR ? RB_ERR_NOT_FOUND
                                                                  : rb__status_from_errno(errno),
                         "%s: %s", dir, strerror(errno));
    /* Private copies of Manifest.db go to the data home; without a context, the default one. */
    v->home = rb_context_home(ctx);
    if (!v->home && rb_context_new(&v->own_ctx, NULL) == RB_OK)
        v->home = rb_context_home(v->own_ctx);
    rb__bk_tmp_sweep(v->home);
    if (!rb__bk_progress(v))
        return rb__error(ctx, RB_ERR_CANCELLED, "cancelled");
    int db_sqlite = -1;
    uint64_t db_size = 0;
    plist_t man = check_headers(v, &db_sqlite, &db_size);
    int flag = r->info.encrypted;
    bool has_mkey_field = false;
    size_t kl = 0;
    if (man && rb__bk_dict_data(man, "ManifestKey", &kl))
        has_mkey_field = true;
    bool db_usable = db_sqlite >= 0;
    if (db_sqlite == 1 && flag == 1 && has_mkey_field) {
        FIND(v, "encryption_flag_mismatch", ERR, CORRUPT, "Manifest.db",
             "Manifest.plist says the backup is encrypted but Manifest.db is not: files were replaced");
        db_usable = false;
    } else if (db_sqlite == 0 && flag != 1) {
        FIND(v, "manifest_db_unreadable", ERR, CORRUPT, "Manifest.db", "%s",
             flag == 0 ? "Manifest.db is not a database (and the backup is not encrypted): it is "
                         "damaged or was replaced"
                       : "Manifest.db is not a database and nothing says the backup is encrypted");
        db_usable = false;
    } else if (db_sqlite == 0 && (db_size == 0 || db_size % 16 != 0)) {
        FIND(v, "manifest_db_truncated", ERR, CORRUPT, "Manifest.db",
             "the encrypted Manifest.db is %llu bytes, not a whole number of blocks: it was cut short",
             (unsigned long long)db_size);
        db_usable = false;
    }
    v->encrypted = flag == 1;
    if (r->info.encrypted < 0 && db_sqlite >= 0)
        r->info.encrypted = db_sqlite == 0;
    check_compat(v);
    if (v->opt.depth == RB_BACKUP_HEADERS) {
        plist_free(man);
        return RB_OK;
    }
    uint8_t mkey[32];
    bool have_mkey = false, go = db_usable;
    /* Manifest.mbdb is never encrypted: no ManifestKey (as if the database were plain). */
    if (v->encrypted)
        go = unlock(v, man, v->legacy ? 1 : db_sqlite, mkey, &have_mkey) && go;
    plist_free(man);
    /* Legacy records are readable without the password: presence and sizes are checked
     * even when the keybag does not open. */
    if (v->legacy)
        v->db_ok = v->mbdb_ok;
    else if (go && !atomic_load(&v->cancel))
        open_db(v, have_mkey ? mkey : NULL);
    OPENSSL_cleanse(mkey, sizeof mkey);
    if (atomic_load(&v->cancel))
        return rb__error(ctx, RB_ERR_CANCELLED, "cancelled");
    return RB_OK;
}

void rb__bk_release(rb__bk_verifier *v)
{
    rb__bk_db_close(&v->db);
    for (int i = 0; i < 256; i++)
        if (v->pfd[i] >= 0)
            close(v->pfd[i]);
    if (v->dirfd >= 0)
        close(v->dirfd);
    v->dirfd = -1;
    rb__bk_keybag_wipe(&v->kb);
    rb_context_free(v->own_ctx);
    v->own_ctx = NULL;
}

rb_status rb_backup_verify(rb_backup_report **out, rb_context *ctx, const char *dir,
                           const rb_backup_options *options)
{
    if (!out)
        return rb__error(ctx, RB_ERR_INVALID_ARG, "out is NULL");
    *out = NULL;
    rb_backup_report *r = rb__bk_report_new(options ? options->max_findings : 0);
    if (!r)
        return rb__error(ctx, RB_ERR_NOMEM, "out of memory");
    rb__bk_verifier v;
    uint64_t t0 = rb__now_ms();
    rb_status st = rb__bk_prepare(&v, ctx, dir, options, r, true);
    uint64_t t1 = rb__now_ms();
    if (st == RB_OK && v.db_ok)
        st = v.legacy ? rb__bk_legacy_check_files(&v) : rb__bk_check_files(&v);
    uint64_t t2 = rb__now_ms();
    /* After a row pass that stopped part way, every unread file would look stray. */
    if (st == RB_OK && v.count_folders && (!v.db_ok || r->rows_complete))
        st = v.legacy ? rb__bk_legacy_check_orphans(&v) : rb__bk_check_orphans(&v);
    rb__log("backup", "verify phases (ms): prepare %llu, files %llu, orphans %llu",
            (unsigned long long)(t1 - t0), (unsigned long long)(t2 - t1),
            (unsigned long long)(rb__now_ms() - t2));
    rb__bk_release(&v);
    if (st != RB_OK) {
        rb_backup_report_free(r);
        return st;
    }
    rb__bk_report_finish(r);
    *out = r;
    return RB_OK;
}
