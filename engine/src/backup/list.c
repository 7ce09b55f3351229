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

static rb_status add_entry(struct list *l, rb_context *ctx, const char *path,
                           const rb_backup_options *opts)
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
    rb_backup_options o;
    rb__bk_options_copy(&o, opts);
    o.target_ios = o.target_product_type = NULL;
    o.progress = NULL;
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

static rb_status scan_root(struct list *l, rb_context *ctx, const char *root,
                           const rb_backup_options *opts)
{
    if (looks_like_backup(root))
        return add_entry(l, ctx, root, opts);
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
            st = add_entry(l, ctx, p, opts);
        free(p);
    }
    closedir(d);
    return st;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const rb_backup_entry *)a)->path, ((const rb_backup_entry *)b)->path);
}

/* Appends the `:`-separated folders of `spec` to v (kept once each). */
static rb_status add_roots(char ***v, size_t *n, size_t *cap, const char *spec)
{
    while (spec && *spec) {
        size_t len = strcspn(spec, ":");
        char *p = len ? rb__sprintf("%.*s", (int)len, spec) : NULL;
        spec += len + (spec[len] == ':');
        if (!len)
            continue;
        if (!p)
            return RB_ERR_NOMEM;
        bool dup = false;
        for (size_t i = 0; i < *n && !dup; i++)
            dup = strcmp((*v)[i], p) == 0;
        if (dup) {
            free(p);
            continue;
        }
        if (*n + 2 > *cap) {
            size_t nc = *cap ? *cap * 2 : 8;
            char **nv = realloc(*v, nc * sizeof *nv);
            if (!nv) {
                free(p);
                return RB_ERR_NOMEM;
            }
            *v = nv;
            *cap = nc;
        }
        (*v)[(*n)++] = p;
        (*v)[*n] = NULL;
    }
    return RB_OK;
}

rb_status rb_backup_roots(char ***out, size_t *count, rb_context *ctx)
{
    if (!out)
        return rb__error(ctx, RB_ERR_INVALID_ARG, "out is NULL");
    *out = NULL;
    if (count)
        *count = 0;
    char **v = calloc(1, sizeof *v);
    size_t n = 0, cap = 1;
    if (!v)
        return rb__error(ctx, RB_ERR_NOMEM, "out of memory");
    const char *home = getenv("HOME"), *appdata = getenv("APPDATA"), *profile = getenv("USERPROFILE");
    char *defs[3] = {
        home && *home ? rb__sprintf("%s/Library/Application Support/MobileSync/Backup", home) : NULL,
        appdata && *appdata ? rb__sprintf("%s/Apple Computer/MobileSync/Backup", appdata) : NULL,
        profile && *profile ? rb__sprintf("%s/Apple/MobileSync/Backup", profile) : NULL};
    rb_status st = RB_OK;
    /* The default folders hold no ':' on the platforms that have them. */
    for (int i = 0; i < 3; i++) {
        if (defs[i] && st == RB_OK)
            st = add_roots(&v, &n, &cap, defs[i]);
        free(defs[i]);
    }
    if (st == RB_OK && ctx)
        st = add_roots(&v, &n, &cap, rb_context_setting(ctx, "backup.roots", NULL));
    if (st == RB_OK)
        st = add_roots(&v, &n, &cap, getenv("RB_BACKUP_ROOTS"));
    if (st != RB_OK) {
        rb_backup_roots_free(v);
        return rb__error(ctx, st, "out of memory");
    }
    *out = v;
    if (count)
        *count = n;
    return RB_OK;
}

void rb_backup_roots_free(char **roots)
{
    for (size_t i = 0; roots && roots[i]; i++)
        free(roots[i]);
    free(roots);
}

rb_status rb_backup_list(rb_backup_entry **out, size_t *count, rb_context *ctx,
                         const char *const *roots, size_t root_count, int include_defaults,
                         const rb_backup_options *options)
{
    if (!out || !count)
        return rb__error(ctx, RB_ERR_INVALID_ARG, "out is NULL");
    *out = NULL;
    *count = 0;
    struct list l = {0};
    rb_status st = RB_OK;
    if (include_defaults) {
        char **defs = NULL;
        st = rb_backup_roots(&defs, NULL, ctx);
        for (size_t i = 0; st == RB_OK && defs[i]; i++)
            st = scan_root(&l, ctx, defs[i], options);
        rb_backup_roots_free(defs);
    }
    for (size_t i = 0; st == RB_OK && i < root_count; i++)
        if (roots[i])
            st = scan_root(&l, ctx, roots[i], options);
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
