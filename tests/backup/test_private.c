/* test_private.c - nothing of the customer's is left behind: the private copies of
 * Manifest.db (WAL sidecar, encrypted) live in the data home's tmp/ folder, never in
 * $TMPDIR; a copy left by a run that was killed is removed by the next verification, and
 * one still in use by a live run is not. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/internal.h"
#include "support.h"

static char world_tmp[1024];

/* Entries of `dir` whose name starts with `prefix` ("" for all); -1 if it does not exist. */
static int count_entries(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.' && strncmp(e->d_name, prefix, strlen(prefix)) == 0)
            n++;
    closedir(d);
    return n;
}

static void setup_world_tmp(void)
{
    snprintf(world_tmp, sizeof world_tmp, "%s/world-tmp", rbt_tmpdir());
    mkdir(world_tmp, 0700);
    setenv("TMPDIR", world_tmp, 1);
}

static rb_backup_report *verify_in(const char *home, const char *dir, const char *password)
{
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, home));
    rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
    o.password = password;
    rb_backup_report *r = NULL;
    rbt_assert_ok(rb_backup_verify(&r, ctx, dir, &o));
    rb_context_free(ctx);
    return r;
}

struct hold {
    int ready_fd;   /* written once the row pass runs (the private copy exists) */
    int wait_fd;    /* read until the parent closes it: never, it kills us */
};

static int hold_in_files_step(const rb_progress *p, void *payload)
{
    struct hold *h = payload;
    if (p->step == RB_BACKUP_STEP_FILES && h->ready_fd >= 0) {
        char c = 'x';
        if (write(h->ready_fd, &c, 1) != 1)
            _exit(3);
        close(h->ready_fd);
        h->ready_fd = -1;
        while (read(h->wait_fd, &c, 1) != 0)
            ;
        _exit(0);
    }
    return 0;
}

/* Starts a child verifying `dir` in `home` and returns once it holds its private copy. */
static pid_t start_holder(const char *home, const char *dir)
{
    int ready[2], wait_[2];
    rbt_assert(pipe(ready) == 0 && pipe(wait_) == 0);
    pid_t pid = fork();
    rbt_assert(pid >= 0);
    if (pid == 0) {
        close(ready[0]);
        close(wait_[1]);
        rb_context *ctx = NULL;
        if (rb_context_new(&ctx, home) != RB_OK)
            _exit(2);
        struct hold h = {ready[1], wait_[0]};
        rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
        o.progress = hold_in_files_step;
        o.progress_payload = &h;
        rb_backup_report *r = NULL;
        rb_backup_verify(&r, ctx, dir, &o);
        _exit(4); /* never reached: the callback blocks */
    }
    close(ready[1]);
    close(wait_[0]);
    char c;
    rbt_assert_msg(read(ready[0], &c, 1) == 1, "the child did not reach the row pass");
    close(ready[0]);
    /* wait_[1] stays open in the parent until the child is killed. */
    return pid;
}

static void kill_holder(pid_t pid)
{
    int status = 0;
    rbt_assert(kill(pid, SIGKILL) == 0);
    rbt_assert(waitpid(pid, &status, 0) == pid);
    rbt_assert(WIFSIGNALED(status));
}

static void test_backup_private__wal_copy_killed_mid_run(void)
{
    setup_world_tmp();
    const char *dir = rb__bk_gen("wal", false, "wal_sidecar", 6);
    char home[1024], tmp[1100];
    snprintf(home, sizeof home, "%s/home-kill", rbt_tmpdir());
    snprintf(tmp, sizeof tmp, "%s/tmp", home);

    pid_t a = start_holder(home, dir);
    rbt_assert_int(1, count_entries(tmp, "backup-"));
    /* A second, live run alongside: it must not take the first one's copy away. */
    pid_t b = start_holder(home, dir);
    rbt_assert_int(2, count_entries(tmp, "backup-"));
    rb_backup_report *r = verify_in(home, dir, NULL);
    rb__bk_assert_outcome(r, RB_BACKUP_CORRUPT, "file_missing");
    rb_backup_report_free(r);
    rbt_assert_int(2, count_entries(tmp, "backup-"));

    /* Killed: its copy stays behind until the next verification starts. */
    kill_holder(a);
    rbt_assert_int(2, count_entries(tmp, "backup-"));
    r = verify_in(home, dir, NULL);
    rb__bk_assert_outcome(r, RB_BACKUP_CORRUPT, "file_missing");
    rb_backup_report_free(r);
    rbt_assert_int(1, count_entries(tmp, "backup-"));
    kill_holder(b);
    /* Any verification sweeps, also one that needs no copy (headers only). */
    const char *clean = rb__bk_gen("clean", false, NULL, 2);
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, home));
    rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
    o.depth = RB_BACKUP_HEADERS;
    rbt_assert_ok(rb_backup_verify(&r, ctx, clean, &o));
    rb_backup_report_free(r);
    rb_context_free(ctx);
    rbt_assert_int(0, count_entries(tmp, ""));
    rbt_assert_int(0, count_entries(world_tmp, ""));
}

/* Folders in <home>/tmp the sweep must keep or remove, whatever their content. */
static void test_backup_private__sweep_table(void)
{
    setup_world_tmp();
    char home[1024], tmp[1100], path[1300];
    snprintf(home, sizeof home, "%s/home-sweep", rbt_tmpdir());
    snprintf(tmp, sizeof tmp, "%s/tmp", home);
    rbt_assert_int(0, rb__mkdirs(tmp, 0700));
    pid_t dead = fork();
    if (dead == 0)
        _exit(0);
    rbt_assert(waitpid(dead, NULL, 0) == dead);
    static const struct {
        const char *prefix, *suffix;   /* the name is prefix-<pid>-suffix */
        int pid_kind;      /* 0 dead, 1 this process, 2 none ("x") */
        bool locked;       /* an open flock on it */
        bool kept;
    } cases[] = {
        {"backup", "stale1", 0, false, false},   /* killed run */
        {"backup", "live01", 1, false, true},    /* between mkdtemp and flock */
        {"backup", "held01", 0, true, true},     /* lock held (another pid namespace) */
        {"backup", "held02", 1, true, true},
        {"other", "keep01", 0, false, true},     /* not ours */
        {"backup", "notapid", 2, false, false},  /* no pid: nobody can own it */
    };
    int lockfds[sizeof cases / sizeof cases[0]];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char name[128];
        char pid[24] = "x";
        if (cases[i].pid_kind < 2)
            snprintf(pid, sizeof pid, "%ld", cases[i].pid_kind ? (long)getpid() : (long)dead);
        snprintf(name, sizeof name, "%s-%s-%s", cases[i].prefix, pid, cases[i].suffix);
        snprintf(path, sizeof path, "%s/%s", tmp, name);
        rbt_assert(mkdir(path, 0700) == 0);
        snprintf(path, sizeof path, "%s/%s/Manifest.db", tmp, name);
        rbt_write_file(path, "customer data", 13);
        snprintf(path, sizeof path, "%s/%s", tmp, name);
        lockfds[i] = -1;
        if (cases[i].locked) {
            lockfds[i] = open(path, O_RDONLY | O_DIRECTORY);
            rbt_assert(lockfds[i] >= 0 && flock(lockfds[i], LOCK_EX) == 0);
        }
    }
    const char *clean = rb__bk_gen("clean", false, NULL, 2);
    rb_backup_report *r = verify_in(home, clean, NULL);
    rb_backup_report_free(r);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char name[128];
        char pid[24] = "x";
        if (cases[i].pid_kind < 2)
            snprintf(pid, sizeof pid, "%ld", cases[i].pid_kind ? (long)getpid() : (long)dead);
        snprintf(name, sizeof name, "%s-%s-%s", cases[i].prefix, pid, cases[i].suffix);
        snprintf(path, sizeof path, "%s/%s", tmp, name);
        struct stat st;
        bool exists = stat(path, &st) == 0;
        rbt_assert_msg(exists == cases[i].kept, "%s: %s", name, exists ? "kept" : "removed");
        if (lockfds[i] >= 0)
            close(lockfds[i]);
    }
}

/* Encrypted (decrypted copy), WAL, cancelled and damaged runs leave nothing anywhere. */
static int cancel_in_files(const rb_progress *p, void *payload)
{
    (void)payload;
    return p->step == RB_BACKUP_STEP_FILES ? -1 : 0;
}

static void test_backup_private__nothing_left(void)
{
    setup_world_tmp();
    static const struct {
        const char *damage;
        bool encrypted;
        bool cancel;
    } cases[] = {
        {"wal_sidecar", false, false}, {"wal_sidecar", false, true}, {NULL, true, false},
        {NULL, true, true}, {"bad_padding", true, false}, {"corrupt_manifest_db_page", true, false},
        {"row_huge", true, false},
    };
    char home[1024], tmp[1100];
    snprintf(home, sizeof home, "%s/home-left", rbt_tmpdir());
    snprintf(tmp, sizeof tmp, "%s/tmp", home);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *dir = rb__bk_gen("left", cases[i].encrypted, cases[i].damage, 6);
        rb_context *ctx = NULL;
        rbt_assert_ok(rb_context_new(&ctx, home));
        rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
        o.password = cases[i].encrypted ? BK_PASSWORD : NULL;
        if (cases[i].cancel)
            o.progress = cancel_in_files;
        rb_backup_report *r = NULL;
        rb_status st = rb_backup_verify(&r, ctx, dir, &o);
        rbt_assert_int(cases[i].cancel ? RB_ERR_CANCELLED : RB_OK, st);
        rb_backup_report_free(r);
        rb_context_free(ctx);
        rbt_assert_msg(count_entries(tmp, "") == 0, "case %zu left something in %s", i, tmp);
        rbt_assert_msg(count_entries(world_tmp, "") == 0, "case %zu wrote to $TMPDIR", i);
    }
}

RBT_MAIN(T(test_backup_private__wal_copy_killed_mid_run), T(test_backup_private__sweep_table),
         T(test_backup_private__nothing_left))
