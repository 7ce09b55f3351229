/* restore/tool.c - running idevicerestore for one attempt.
 *
 * The child gets its own process group (so a cancel or a hang stops the tool and whatever
 * it spawned), dies with its driver thread (PR_SET_PDEATHSIG: a killed engine does not
 * leave a tool restoring on its own), inherits the ECID lock, and runs in the attempt's
 * folder so that stray files land there. stdout and stderr are read line by line into the
 * attempt's log ("E " marks stderr) and handed to the parser.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "restore/restore_private.h"

char *rb__rs_find_tool(const char *configured)
{
    if (configured && *configured) {
        if (strchr(configured, '/'))
            return access(configured, X_OK) == 0 ? rb__strdup(configured) : NULL;
    }
    const char *name = configured && *configured ? configured : "idevicerestore";
    const char *path = getenv("PATH");
    if (!path || !*path)
        path = "/usr/local/bin:/usr/bin:/bin";
    char *copy = rb__strdup(path);
    char *found = NULL;
    for (char *save = NULL, *dir = copy ? strtok_r(copy, ":", &save) : NULL; dir && !found;
         dir = strtok_r(NULL, ":", &save)) {
        char *p = rb__path_join(*dir ? dir : ".", name);
        if (p && access(p, X_OK) == 0)
            found = p;
        else
            free(p);
    }
    free(copy);
    return found;
}

struct linebuf {
    char buf[8192];
    size_t len;
};

/* Splits what arrived into lines (\n, and \r for the tool's progress bars). */
static int feed(struct rs_tool_run *run, struct linebuf *lb, const char *data, size_t n,
                int is_stderr, FILE *log)
{
    int stop = 0;
    for (size_t i = 0; i < n; i++) {
        char c = data[i];
        if (c == '\n' || c == '\r' || lb->len == sizeof lb->buf - 1) {
            lb->buf[lb->len] = '\0';
            if (lb->len) {
                if (log)
                    fprintf(log, "%s%s\n", is_stderr ? "E " : "", lb->buf);
                if (run->on_line && run->on_line(run->arg, lb->buf, is_stderr))
                    stop = 1;
            }
            lb->len = 0;
            if (c == '\n' || c == '\r')
                continue;
        }
        lb->buf[lb->len++] = c;
    }
    if (log)
        fflush(log);
    return stop;
}

static void kill_group(pid_t pid, int sig)
{
    if (kill(-pid, sig) != 0)
        kill(pid, sig);
}

/* Why and since when the tool is being stopped: cancel or silence -> SIGTERM to its group,
 * SIGKILL 5 s later (and again every 5 s) while it lingers. */
struct watchdog {
    int reason;          /* 0 running, 2 silent too long, 3 cancelled */
    uint64_t term_at;
    uint64_t last_output;
};

static void watch(struct rs_tool_run *run, struct watchdog *w, pid_t pid, FILE *log)
{
    uint64_t now = rb__now_ms();
    if (!w->reason && run->should_stop && run->should_stop(run->arg))
        w->reason = 3;
    if (!w->reason && run->silence_ms > 0 && now - w->last_output > (uint64_t)run->silence_ms)
        w->reason = 2;
    if (w->reason && !w->term_at) {
        fprintf(log, "# rescuebay: stopping the tool (%s)\n",
                w->reason == 2 ? "no output for too long" : "cancelled");
        kill_group(pid, SIGTERM);
        w->term_at = now;
    } else if (w->term_at && now - w->term_at > 5000) {
        kill_group(pid, SIGKILL);
        w->term_at = now;
    }
}

rb_status rb__rs_tool_run(struct rs_tool_run *run, rb__errs *err)
{
    const struct rs_job *job = run->job;
    char *cache = rb__path_join(run->home, "restore-cache");
    if (!cache)
        return RB_ERR_NOMEM;
    rb__mkdirs(cache, 0700);
    FILE *log = fopen(run->log_path, "a");
    if (!log) {
        free(cache);
        return rb__errs_set(err, rb__status_from_errno(errno), "cannot write %s: %s",
                              run->log_path, strerror(errno));
    }
    char ecid[24];
    snprintf(ecid, sizeof ecid, "0x%llX", (unsigned long long)job->ecid);
    /* execv's argv is char *const[] for historical reasons (it never writes to the strings):
     * writable copies rather than casts keep -Wcast-qual meaningful. */
    char f_i[] = "-i", f_y[] = "-y", f_p[] = "-P", f_c[] = "-C", f_e[] = "-e";
    char *tool = rb__strdup(run->tool), *ipsw = rb__strdup(job->ipsw);
    if (!tool || !ipsw) {
        free(tool);
        free(ipsw);
        free(cache);
        fclose(log);
        return rb__errs_set(err, RB_ERR_NOMEM, "out of memory");
    }
    char *argv[12];
    int a = 0;
    argv[a++] = tool;
    argv[a++] = f_i;
    argv[a++] = ecid;
    argv[a++] = f_y;
    argv[a++] = f_p;
    argv[a++] = f_c;
    argv[a++] = cache;
    if (job->erase)
        argv[a++] = f_e;
    argv[a++] = ipsw;
    argv[a] = NULL;
    fprintf(log, "# rescuebay job %lld attempt %d:", (long long)job->id, job->attempts);
    for (int i = 0; i < a; i++)
        fprintf(log, " %s", argv[i]);
    fprintf(log, "\n");
    fflush(log);

    int out[2], errp[2];
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(errp, O_CLOEXEC) != 0) {
        fclose(log);
        free(cache);
        free(tool);
        free(ipsw);
        return rb__errs_set(err, RB_ERR_IO, "pipe: %s", strerror(errno));
    }
    char *dir = rb__strdup(run->log_path);
    char *slash = dir ? strrchr(dir, '/') : NULL;
    if (slash)
        *slash = '\0';
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(127);
        dup2(out[1], 1);
        dup2(errp[1], 2);
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0)
            dup2(devnull, 0);
        /* The lock descriptor is the one thing the child keeps on purpose. */
        if (run->lock_fd >= 0)
            fcntl(run->lock_fd, F_SETFD, 0);
        if (dir && slash)
            (void)chdir(dir);
        signal(SIGPIPE, SIG_DFL);
        execv(run->tool, argv);
        dprintf(2, "ERROR: cannot run %s: %s\n", run->tool, strerror(errno));
        _exit(127);
    }
    free(dir);
    close(out[1]);
    close(errp[1]);
    if (pid < 0) {
        close(out[0]);
        close(errp[0]);
        fclose(log);
        free(cache);
        free(tool);
        free(ipsw);
        return rb__errs_set(err, RB_ERR_GENERIC, "fork: %s", strerror(errno));
    }
    setpgid(pid, pid);
    run->pid = (int)pid;
    if (run->on_start)
        run->on_start(run->arg, (int)pid);

    struct linebuf lo = {{0}, 0}, le = {{0}, 0};
    struct pollfd fds[2] = {{out[0], POLLIN, 0}, {errp[0], POLLIN, 0}};
    int open_fds = 2;
    struct watchdog wd = {0, 0, rb__now_ms()};
    while (open_fds > 0) {
        int r = poll(fds, 2, 250);
        if (r < 0 && errno != EINTR)
            break;
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buf[4096];
            ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                wd.last_output = rb__now_ms();
                if (feed(run, i ? &le : &lo, buf, (size_t)n, i, log) && !wd.reason)
                    wd.reason = 3;
            } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            }
        }
        watch(run, &wd, pid, log);
    }
    /* Output closed; the process may still be finishing (or stuck: no output, no exit). */
    int status = 0;
    for (;;) {
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid || (w < 0 && errno != EINTR))
            break;
        watch(run, &wd, pid, log);
        poll(NULL, 0, 50);
    }
    /* Whatever the tool left running in its group goes with it. */
    kill_group(pid, SIGKILL);
    if (lo.len)
        feed(run, &lo, "\n", 1, 0, log);
    if (le.len)
        feed(run, &le, "\n", 1, 1, log);
    if (wd.reason) {
        run->how = wd.reason;
        run->code = 0;
    } else if (WIFSIGNALED(status)) {
        run->how = 1;
        run->code = WTERMSIG(status);
    } else {
        run->how = 0;
        run->code = WEXITSTATUS(status);
    }
    fprintf(log, "# rescuebay: tool ended: %s %d\n",
            run->how == 1 ? "signal" : run->how == 0 ? "exit" : "stopped", run->code);
    fclose(log);
    free(cache);
    free(tool);
    free(ipsw);
    return RB_OK;
}
