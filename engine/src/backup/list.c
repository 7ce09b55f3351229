/* backup/list.c - finding the backups on this computer. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup/backup_private.h"

/* Sum of regular file sizes under dirfd (consumed), not following links; a backup is
 * two levels deep, the depth limit only guards against hostile trees. */
static uint64_t tree_size(int dirfd, int depth)
{
    DIR *d = fdopendir(dirfd);
    if (!d) {
        close(dirfd);
        return 0;
    }
    uint64_t total = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        struct stat st;
        if (fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (S_ISREG(st.st_mode)) {
            total += (uint64_t)st.st_size;
        } else if (S_ISDIR(st.st_mode) && depth < 8) {
            int sub = openat(dirfd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub >= 0)
                total += tree_size(sub, depth + 1);
        }
    }
    closedir(d);
    return total;
}

static bool looks_like_backup(const char *path)
{
    static const char *const marks[] = {"Manifest.plist", "Manifest.db", "Manifest.mbdb", "Info.plist",
                                        "Status.plist"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        char *p = rb__path_join(path, marks[i]);
        struct stat st;
        bool ok = p && lstat(p, &st) == 0 && S_ISREG(st.st_mode);
        free(p);
        if (ok)
            return true;
    }
    return false;
}

struct list {
    rb_backup_entry *v;
    size_t n, cap;
};

static rb_status add_entry(struct list *l, rb_context *ctx, const char *path)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].path, path) == 0)
            return RB_OK;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        rb_backup_entry *nv = realloc(l->v, cap * sizeof *nv);
        if (!nv)
            return RB_ERR_NOMEM;
        l->v = nv;
        l->cap = cap;
    }
    rb_backup_entry *e = &l->v[l->n];
    memset(e, 0, sizeof *e);
    e->path = rb__strdup(path);
    if (!e->path)
        return RB_ERR_NOMEM;
    l->n++;
    rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
    o.depth = RB_BACKUP_HEADERS;
    o.max_findings = 1;
    rb_backup_report *r = NULL;
    rb_status st = rb_backup_verify(&r, ctx, path, &o);
    if (st != RB_OK) {
        /* Not read is not restorable. */
        e->verdict = RB_BACKUP_CORRUPT;
        snprintf(e->status, sizeof e->status, "unreadable");
        return st == RB_ERR_NOMEM ? st : RB_OK;
    }
    e->info = r->info;
    e->verdict = r->verdict;
    const char *status = "complete";
    if (r->info.snapshot_finished == 0)
        status = "incomplete";
    else if (r->verdict == RB_BACKUP_CORRUPT)
        status = "damaged";
    snprintf(e->status, sizeof e->status, "%s", status);
    rb_backup_report_free(r);
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    e->size_bytes = fd >= 0 ? tree_size(fd, 0) : 0;
    return RB_OK;
}

static rb_status scan_root(struct list *l, rb_context *ctx, const char *root)
{
    if (looks_like_backup(root))
        return add_entry(l, ctx, root);
    DIR *d = opendir(root);
    if (!d)
        return RB_OK;
    rb_status st = RB_OK;
    struct dirent *de;
    while (st == RB_OK && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char *p = rb__path_join(root, de->d_name);
        if (!p) {
            st = RB_ERR_NOMEM;
            break;
        }
        struct stat sb;
        if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode) && looks_like_backup(p))
            st = add_entry(l, ctx, p);
        free(p);
    }
    closedir(d);
    return st;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const rb_backup_entry *)a)->path, ((const rb_backup_entry *)b)->path);
}

rb_status rb_backup_list(rb_backup_entry **out, size_t *count, rb_context *ctx,
                         const char *const *roots, size_t root_count, int include_defaults)
{
    if (!out || !count)
        return rb__error(ctx, RB_ERR_INVALID_ARG, "out is NULL");
    *out = NULL;
    *count = 0;
    struct list l = {0};
    rb_status st = RB_OK;
    if (include_defaults) {
        const char *home = getenv("HOME"), *appdata = getenv("APPDATA"),
                   *profile = getenv("USERPROFILE");
        char *defs[3] = {
            home ? rb__sprintf("%s/Library/Application Support/MobileSync/Backup", home) : NULL,
            appdata ? rb__sprintf("%s/Apple Computer/MobileSync/Backup", appdata) : NULL,
            profile ? rb__sprintf("%s/Apple/MobileSync/Backup", profile) : NULL};
        for (int i = 0; i < 3; i++) {
            if (defs[i] && st == RB_OK)
                st = scan_root(&l, ctx, defs[i]);
            free(defs[i]);
        }
    }
    for (size_t i = 0; st == RB_OK && i < root_count; i++)
        if (roots[i])
            st = scan_root(&l, ctx, roots[i]);
    if (st != RB_OK) {
        rb_backup_list_free(l.v, l.n);
        return rb__error(ctx, st, "listing backups failed");
    }
    if (l.n > 1)
        qsort(l.v, l.n, sizeof *l.v, by_path);
    *out = l.v;
    *count = l.n;
    return RB_OK;
}

void rb_backup_list_free(rb_backup_entry *entries, size_t count)
{
    for (size_t i = 0; entries && i < count; i++)
        free(entries[i].path);
    free(entries);
}
