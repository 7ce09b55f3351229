/* backup/manifest.c - opening Manifest.db without ever writing into the backup folder.
 *
 * Plain: `file:<path>?immutable=1`, so SQLite creates no -shm/-wal next to it. When a
 * -wal sidecar exists, immutable mode would read stale rows, so Manifest.db and its WAL
 * are copied into a private folder and opened there. Encrypted: decrypted (streaming) into
 * a private file, opened immutable, and unlinked at once.
 *
 * Private folders are <data home>/tmp/backup-<pid>-XXXXXX, never the world's $TMPDIR:
 * they hold the customer's file list. Each is flock()ed by its owner while in use; one
 * whose lock is free and whose process is gone was left by a run that was killed, and
 * the next verification removes it (rb__bk_tmp_sweep). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup/backup_private.h"

int rb__bk_db_sniff(int dirfd, uint64_t *size)
{
    *size = 0;
    int fd = openat(dirfd, "Manifest.db", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    char hdr[16];
    int rc = -1;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        *size = (uint64_t)st.st_size;
        ssize_t n = pread(fd, hdr, sizeof hdr, 0);
        rc = (n == 16 && memcmp(hdr, "SQLite format 3", 16) == 0) ? 1 : 0;
    }
    close(fd);
    return rc;
}

/* Percent-encodes a path for an SQLite URI. */
static char *uri_for(const char *path, const char *query)
{
    size_t n = strlen(path);
    char *u = malloc(n * 3 + strlen(query) + 8);
    if (!u)
        return NULL;
    char *w = u;
    w += sprintf(w, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20 || *p >= 0x7f)
            w += sprintf(w, "%%%02X", *p);
        else
            *w++ = (char)*p;
    }
    strcpy(w, query);
    return u;
}

#define BK_TMP_PREFIX "backup-"

/* Empties and removes <tmpfd>/<name> (a private folder: plain files only). */
static void remove_private(int tmpfd, int dfd, const char *name)
{
    int d2 = dup(dfd);
    DIR *d = d2 >= 0 ? fdopendir(d2) : NULL;
    if (!d) {
        if (d2 >= 0)
            close(d2);
    } else {
        rewinddir(d);
        struct dirent *e;
        while ((e = readdir(d)) != NULL)
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
                unlinkat(dfd, e->d_name, 0);
        closedir(d);
    }
    unlinkat(tmpfd, name, AT_REMOVEDIR);
}

static bool process_alive(const char *name)
{
    char *end = NULL;
    long pid = strtol(name + strlen(BK_TMP_PREFIX), &end, 10);
    if (pid <= 0 || !end || *end != '-')
        return false;
    return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

void rb__bk_tmp_sweep(const char *home)
{
    char *tmp = home ? rb__path_join(home, "tmp") : NULL;
    int tmpfd = tmp ? open(tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
    free(tmp);
    int t2 = tmpfd >= 0 ? dup(tmpfd) : -1;
    DIR *d = t2 >= 0 ? fdopendir(t2) : NULL;
    if (!d) {
        if (t2 >= 0)
            close(t2);
        if (tmpfd >= 0)
            close(tmpfd);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, BK_TMP_PREFIX, strlen(BK_TMP_PREFIX)) != 0)
            continue;
        int dfd = openat(tmpfd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (dfd < 0)
            continue;
        /* Lock held: in use (also by another process or container sharing the home).
         * Lock free but its process alive: it may be between creating and locking. */
        if (flock(dfd, LOCK_EX | LOCK_NB) == 0 && !process_alive(e->d_name)) {
            rb__log("backup", "removing %s/tmp/%s left by a verification that was stopped", home, e->d_name);
            remove_private(tmpfd, dfd, e->d_name);
        }
        close(dfd);
    }
    closedir(d);
    close(tmpfd);
}

/* Makes and locks a private folder under <home>/tmp; NULL with errno on failure. */
static char *make_tmpdir(const char *home, int *lockfd)
{
    *lockfd = -1;
    if (!home) {
        errno = ENOENT;
        return NULL;
    }
    char *tmp = rb__path_join(home, "tmp");
    int e = tmp ? rb__mkdirs(tmp, 0700) : ENOMEM;
    char *tmpl = e ? NULL : rb__sprintf("%s/" BK_TMP_PREFIX "%ld-XXXXXX", tmp, (long)getpid());
    free(tmp);
    if (!tmpl) {
        errno = e ? e : ENOMEM;
        return NULL;
    }
    if (!mkdtemp(tmpl)) {
        e = errno;
        free(tmpl);
        errno = e;
        return NULL;
    }
    *lockfd = open(tmpl, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (*lockfd < 0 || flock(*lockfd, LOCK_EX) != 0) {
        e = errno;
        if (*lockfd >= 0)
            close(*lockfd);
        *lockfd = -1;
        rmdir(tmpl);
        free(tmpl);
        errno = e;
        return NULL;
    }
    return tmpl;
}

static int copy_fd(int in, int out, uint8_t *buf, size_t cap)
{
    for (;;) {
        ssize_t n = read(in, buf, cap);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        if (n == 0)
            return 0;
        int err = rb__write_all(out, buf, (size_t)n, NULL);
        if (err)
            return err;
    }
}

struct dec_sink {
    int fd;
    int err;
};

static int dec_write(void *payload, const uint8_t *data, size_t len)
{
    struct dec_sink *s = payload;
    if ((s->err = rb__write_all(s->fd, data, len, NULL)) != 0)
        return -1;
    return 0;
}

/* Bounds what one value may make SQLite allocate, and keeps its own temporary files
 * (sorts) in memory rather than in $TMPDIR. */
static void limit(sqlite3 *db)
{
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, BK_MAX_ROW_BYTES);
    sqlite3_exec(db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
}

static rb_status open_uri(rb__bk_db *db, const char *path, const char *query, int flags, char *err,
                          size_t errlen)
{
    char *uri = uri_for(path, query);
    if (!uri)
        return RB_ERR_NOMEM;
    int rc = sqlite3_open_v2(uri, &db->db, flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    free(uri);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "Manifest.db does not open: %s",
                 db->db ? sqlite3_errmsg(db->db) : sqlite3_errstr(rc));
        sqlite3_close(db->db);
        db->db = NULL;
        return RB_ERR_DB;
    }
    limit(db->db);
    /* The first real read tells whether this is a database at all. */
    rc = sqlite3_exec(db->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "Manifest.db is not a readable database: %s", sqlite3_errmsg(db->db));
        sqlite3_close(db->db);
        db->db = NULL;
        return RB_ERR_CORRUPT;
    }
    return RB_OK;
}

/* The second lane's connection; without it the row pass simply runs in one lane. */
static void open_second(rb__bk_db *db, const char *path, const char *query, int flags)
{
    char *uri = uri_for(path, query);
    if (uri && sqlite3_open_v2(uri, &db->db2, flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL) !=
                   SQLITE_OK) {
        sqlite3_close(db->db2);
        db->db2 = NULL;
    }
    if (db->db2)
        limit(db->db2);
    free(uri);
}

rb_status rb__bk_db_open(rb__bk_db *db, const char *home, const char *dir, int dirfd, const uint8_t *key,
                     char *err, size_t errlen)
{
    memset(db, 0, sizeof *db);
    db->lockfd = -1;
    rb_status st = RB_OK;
    char *path = NULL, *tmp = NULL;
    uint8_t *buf = NULL;
    struct stat wst;
    bool wal = fstatat(dirfd, "Manifest.db-wal", &wst, AT_SYMLINK_NOFOLLOW) == 0 &&
               S_ISREG(wst.st_mode) && wst.st_size > 0;
    if (!key && !wal) {
        path = rb__path_join(dir, "Manifest.db");
        if (!path)
            return RB_ERR_NOMEM;
        st = open_uri(db, path, "?immutable=1", SQLITE_OPEN_READONLY, err, errlen);
        if (st == RB_OK)
            open_second(db, path, "?immutable=1", SQLITE_OPEN_READONLY);
        free(path);
        return st;
    }
    db->tmpdir = make_tmpdir(home, &db->lockfd);
    buf = db->tmpdir ? malloc(BK_BUF_BYTES + 64) : NULL;
    if (!db->tmpdir || !buf) {
        snprintf(err, errlen, "cannot make a private folder for Manifest.db in %s/tmp: %s",
                 home ? home : "(no data home)", strerror(errno));
        st = RB_ERR_IO;
        goto fail;
    }
    tmp = rb__path_join(db->tmpdir, "Manifest.db");
    int in = openat(dirfd, "Manifest.db", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    int out = tmp ? open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600) : -1;
    if (in < 0 || out < 0) {
        snprintf(err, errlen, "cannot copy Manifest.db: %s", strerror(errno));
        if (in >= 0) close(in);
        if (out >= 0) close(out);
        st = RB_ERR_IO;
        goto fail;
    }
    if (key) {
        struct dec_sink s = {out, 0};
        rb__bk_stream_result r;
        rb__bk_stream(&r, in, key, false, buf, dec_write, &s, NULL, NULL);
        close(in);
        close(out);
        if (r.read_errno || s.err) {
            snprintf(err, errlen, "cannot decrypt Manifest.db: %s",
                     strerror(r.read_errno ? r.read_errno : s.err));
            st = RB_ERR_IO;
            goto fail;
        }
        if (!r.padding_ok) {
            snprintf(err, errlen, "Manifest.db does not decrypt (bad padding): damaged or wrong key");
            st = RB_ERR_CORRUPT;
            goto fail;
        }
        st = open_uri(db, tmp, "?immutable=1", SQLITE_OPEN_READONLY, err, errlen);
        if (st == RB_OK)
            open_second(db, tmp, "?immutable=1", SQLITE_OPEN_READONLY);
        /* Nothing decrypted stays on disk longer than needed: the open handle is enough. */
        unlink(tmp);
        rmdir(db->tmpdir);
        free(db->tmpdir);
        db->tmpdir = NULL;
        close(db->lockfd);
        db->lockfd = -1;
        if (st != RB_OK)
            goto fail;
    } else {
        int e = copy_fd(in, out, buf, BK_BUF_BYTES);
        close(in);
        close(out);
        char *wtmp = rb__path_join(db->tmpdir, "Manifest.db-wal");
        int win = openat(dirfd, "Manifest.db-wal", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        int wout = wtmp ? open(wtmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600) : -1;
        if (!e && win >= 0 && wout >= 0)
            e = copy_fd(win, wout, buf, BK_BUF_BYTES);
        else if (!e)
            e = errno ? errno : EIO;
        if (win >= 0) close(win);
        if (wout >= 0) close(wout);
        free(wtmp);
        if (e) {
            snprintf(err, errlen, "cannot copy Manifest.db and its WAL: %s", strerror(e));
            st = RB_ERR_IO;
            goto fail;
        }
        /* A private copy: SQLite may make its -shm there to read the WAL. */
        st = open_uri(db, tmp, "", SQLITE_OPEN_READWRITE, err, errlen);
        if (st != RB_OK)
            goto fail;
        open_second(db, tmp, "", SQLITE_OPEN_READWRITE);
    }
    free(tmp);
    OPENSSL_cleanse(buf, BK_BUF_BYTES + 64);
    free(buf);
    return RB_OK;
fail:
    free(tmp);
    if (buf)
        OPENSSL_cleanse(buf, BK_BUF_BYTES + 64); /* decrypted pages of Manifest.db */
    free(buf);
    rb__bk_db_close(db);
    return st;
}

void rb__bk_db_close(rb__bk_db *db)
{
    if (db->db)
        sqlite3_close(db->db);
    if (db->db2)
        sqlite3_close(db->db2);
    db->db = db->db2 = NULL;
    if (db->tmpdir) {
        /* Everything in it goes (SQLite's -shm too), through the locked folder's fd. */
        char *slash = strrchr(db->tmpdir, '/');
        *slash = '\0';
        int tmpfd = open(db->tmpdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (tmpfd >= 0 && db->lockfd >= 0)
            remove_private(tmpfd, db->lockfd, slash + 1);
        if (tmpfd >= 0)
            close(tmpfd);
        free(db->tmpdir);
        db->tmpdir = NULL;
    }
    /* Closed last: until the folder is gone, the lock says it is in use. */
    if (db->lockfd >= 0)
        close(db->lockfd);
    db->lockfd = -1;
}
