/* backup/extract.c - copying the intact files of one category out of a backup.
 *
 * Names come from the (customer-controlled, possibly hostile) Manifest.db, so every path
 * is checked component by component and created with *at() calls relative to the output
 * folder, refusing to follow symbolic links: nothing can be written outside it. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup/backup_private.h"
#include "rescuebay/text.h"

#define BK_MAX_NAME 255

/* A component is safe if non-empty, not "." or "..", without '/' or '\\', and clean
 * text by rb_text_escape's rules: no C0/C1 control, no bidi override or isolate (a file
 * named "photo\u202egpj.exe" reads as "photoexe.jpg"), valid UTF-8. */
static bool safe_component(const char *s, size_t n)
{
    if (n == 0 || n > BK_MAX_NAME || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))
        return false;
    if (memchr(s, '/', n) || memchr(s, '\\', n))
        return false;
    unsigned int found = 0;
    rb_text_escape(NULL, 0, s, n, &found);
    return found == 0;
}

/* Opens (creating) the folder `name` inside dirfd without following links. */
static int subdir(int dirfd, const char *name)
{
    if (mkdirat(dirfd, name, 0755) != 0 && errno != EEXIST)
        return -1;
    return openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

/* Creates out/<domain>/<rel> exclusively; returns an fd or -1 (errno; EINVAL = unsafe). */
static int create_path(int outfd, const char *domain, const char *rel, size_t rlen)
{
    if (strlen(rel) != rlen || !safe_component(domain, strlen(domain))) {
        errno = EINVAL;
        return -1;
    }
    int d = subdir(outfd, domain);
    if (d < 0)
        return -1;
    const char *s = rel;
    for (;;) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        char comp[BK_MAX_NAME + 1];
        if (!safe_component(s, n)) {
            close(d);
            errno = EINVAL;
            return -1;
        }
        memcpy(comp, s, n);
        comp[n] = '\0';
        if (!e) {
            int fd = openat(d, comp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
            int saved = errno;
            close(d);
            errno = saved;
            return fd;
        }
        int nd = subdir(d, comp);
        int saved = errno;
        close(d);
        if (nd < 0) {
            errno = saved == ELOOP || saved == ENOTDIR ? EINVAL : saved;
            return -1;
        }
        d = nd;
        s = e + 1;
    }
}

struct out_sink {
    int fd;
    int err;
};

static int write_out(void *payload, const uint8_t *data, size_t len)
{
    struct out_sink *o = payload;
    if ((o->err = rb__write_all(o->fd, data, len, NULL)) != 0)
        return -1;
    return 0;
}

/* Removes a partly written file again: its folder is reopened the same safe way. */
static void remove_path(int outfd, const char *domain, const char *rel)
{
    char *p = rb__sprintf("%s/%s", domain, rel);
    if (p)
        unlinkat(outfd, p, 0);
    free(p);
}

/* The next file row of Manifest.db (its MBFile record still to be parsed). */
/* *rc keeps the last step's result: a list that ends with anything but SQLITE_DONE stopped part way. */
static bool sql_row(sqlite3_stmt *s, rb__bk_row *row, int *rc)
{
    if ((*rc = sqlite3_step(s)) != SQLITE_ROW)
        return false;
    memset(row, 0, sizeof *row);
    row->id = (const char *)sqlite3_column_text(s, 0);
    row->idlen = (size_t)sqlite3_column_bytes(s, 0);
    row->domain = (const char *)sqlite3_column_text(s, 1);
    row->dlen = (size_t)sqlite3_column_bytes(s, 1);
    row->rel = (const char *)sqlite3_column_text(s, 2);
    row->rlen = (size_t)sqlite3_column_bytes(s, 2);
    row->blob = sqlite3_column_blob(s, 4);
    row->blen = (size_t)sqlite3_column_bytes(s, 4);
    return true;
}

static bool dir_empty(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return true;
    struct dirent *e;
    bool empty = true;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            empty = false;
    closedir(d);
    return empty;
}

rb_status rb_backup_extract(rb_backup_extract_result *out, rb_context *ctx, const char *dir,
                            rb_backup_category category, const char *out_dir,
                            const rb_backup_options *options)
{
    if (!out || !dir || !out_dir || (unsigned)category >= RB_BACKUP_CATEGORY_COUNT)
        return rb__error(ctx, RB_ERR_INVALID_ARG, "missing argument");
    memset(out, 0, sizeof *out);
    if (!dir_empty(out_dir))
        return rb__error(ctx, RB_ERR_CONFLICT, "%s is not empty: extract into a new folder", out_dir);
    int e = rb__mkdirs(out_dir, 0755);
    if (e)
        return rb__error(ctx, rb__status_from_errno(e), "%s: %s", out_dir, strerror(e));
    rb_backup_options o;
    rb__bk_options_copy(&o, options);
    o.depth = RB_BACKUP_DEEP;
    o.max_findings = 1;
    rb_backup_report *r = rb__bk_report_new(1);
    if (!r)
        return rb__error(ctx, RB_ERR_NOMEM, "out of memory");
    rb__bk_verifier v;
    rb_status st = rb__bk_prepare(&v, ctx, dir, &o, r, false);
    int outfd = -1;
    sqlite3_stmt *s = NULL;
    rb__bk_legacy_iter *it = NULL;
    if (st != RB_OK)
        goto done;
    if (r->any[RB_BACKUP_PASSWORD_NEEDED] || r->any[RB_BACKUP_WRONG_PASSWORD]) {
        st = rb__error(ctx, RB_ERR_PASSWORD, "%s", r->any[RB_BACKUP_WRONG_PASSWORD]
                                                         ? "the password does not open this backup"
                                                         : "the backup is encrypted: a password is needed");
        goto done;
    }
    if (!v.db_ok) {
        st = rb__error(ctx, RB_ERR_CORRUPT, "%s cannot be read, so no file can be named",
                       v.legacy ? "Manifest.mbdb" : "Manifest.db");
        goto done;
    }
    outfd = open(out_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (outfd < 0) {
        st = rb__error(ctx, rb__status_from_errno(errno), "%s: %s", out_dir, strerror(errno));
        goto done;
    }
    if (v.legacy ? !(it = rb__bk_legacy_iter_new(&v))
                 : sqlite3_prepare_v2(v.db.db, BK_FILES_SQL " WHERE flags = 1", -1, &s, NULL) != SQLITE_OK) {
        st = v.legacy ? rb__error(ctx, RB_ERR_IO, "Manifest.mbdb cannot be read")
                      : rb__error(ctx, RB_ERR_DB, "Manifest.db: %s", sqlite3_errmsg(v.db.db));
        goto done;
    }
    v.prog.step = RB_BACKUP_STEP_FILES;
    rb__bk_lane lane;
    if (rb__bk_lane_init(&lane, r, true) != 0) {
        rb__bk_lane_free(&lane);
        st = rb__error(ctx, RB_ERR_NOMEM, "out of memory");
        goto done;
    }
    rb__bk_row row;
    rb__bk_mbfile mf;
    int rc = SQLITE_DONE, lk = 0;
    while (v.legacy ? (lk = rb__bk_legacy_next_file(it, &row, &mf)) > 0 : sql_row(s, &row, &rc)) {
        const char *id = row.id, *domain = row.domain, *rel = row.rel;
        size_t rlen = row.rlen;
        if (!domain || !rel || rb_backup_classify(domain, rel) != category)
            continue;
        uint64_t done = atomic_fetch_add(&v.items_done, 1) + 1;
        char err[160];
        if (!rb__bk_is_fileid(id, row.idlen) ||
            (!row.parsed && rb__bk_mbfile_parse(&mf, row.blob, row.blen, err, sizeof err) != 0)) {
            out->files_damaged++;
            continue;
        }
        if (strlen(domain) != row.dlen) {
            out->files_unsafe++;
            continue;
        }
        int fd = create_path(outfd, domain, rel, rlen);
        if (fd < 0) {
            if (errno == EINVAL || errno == EEXIST || errno == ELOOP || errno == ENAMETOOLONG) {
                out->files_unsafe++;
                continue;
            }
            st = rb__error(ctx, rb__status_from_errno(errno), "cannot create %s/%s: %s", domain, rel,
                           strerror(errno));
            break;
        }
        struct out_sink os = {fd, 0};
        bool ok = rb__bk_check_content(&v, &lane, id, domain, rel, &mf, true, write_out, &os);
        if (close(fd) != 0 && !os.err)
            os.err = errno;
        if (os.err) {
            remove_path(outfd, domain, rel);
            st = rb__error(ctx, rb__status_from_errno(os.err), "writing %s/%s: %s", domain, rel,
                           strerror(os.err));
            break;
        }
        if (atomic_load(&v.cancel)) {
            remove_path(outfd, domain, rel);
            st = rb__error(ctx, RB_ERR_CANCELLED, "cancelled");
            break;
        }
        if (!ok) {
            remove_path(outfd, domain, rel);
            out->files_damaged++;
            continue;
        }
        out->files_written++;
        out->bytes_written += mf.size;
        if ((done & 255) == 0 && !rb__bk_progress(&v)) {
            st = rb__error(ctx, RB_ERR_CANCELLED, "cancelled");
            break;
        }
    }
    /* A list that stops part way must not read as a finished extraction. */
    if (st == RB_OK && v.legacy && lk != 0)
        st = rb__error(ctx, RB_ERR_CORRUPT,
                       "Manifest.mbdb is cut or unreadable part way: %llu files were copied, the files "
                       "listed after that point were not; the extraction is incomplete",
                       (unsigned long long)out->files_written);
    else if (st == RB_OK && !v.legacy && rc != SQLITE_DONE)
        st = rb__error(ctx, RB_ERR_CORRUPT,
                       "Manifest.db stopped being readable part way (%s%s): %llu files were copied, "
                       "the files listed after that point were not; the extraction is incomplete",
                       sqlite3_errmsg(v.db.db),
                       rc == SQLITE_TOOBIG ? ": a row is over the " BK_MAX_ROW_MB_STR " MB limit" : "",
                       (unsigned long long)out->files_written);
    rb__bk_lane_free(&lane);
done:
    sqlite3_finalize(s);
    rb__bk_legacy_iter_free(it);
    if (outfd >= 0)
        close(outfd);
    rb__bk_release(&v);
    rb_backup_report_free(r);
    return st;
}
