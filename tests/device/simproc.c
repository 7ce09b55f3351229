/* simproc.c - see simproc.h. */
#include "simproc.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "rbtest.h"

static void sim_path(char *out, size_t cap)
{
    snprintf(out, cap, "%s/bin/rescuebay-sim", rbt_binary_dir());
}

static bool sock_ready(const char *path)
{
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    snprintf(sa.sun_path, sizeof sa.sun_path, "%.100s", path);
    bool ok = connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0;
    close(fd);
    return ok;
}

static void spawn(struct simproc *s)
{
    char bin[1024];
    sim_path(bin, sizeof bin);
    unlink(s->sock);
    pid_t pid = fork();
    rbt_assert(pid >= 0);
    if (pid == 0) {
        /* Never outlive the test, even when it is killed by a timeout. */
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        char log[700];
        snprintf(log, sizeof log, "%s.log", s->scenario);
        FILE *f = freopen(log, "a", stderr);
        (void)f;
        execl(bin, bin, "--listen", s->addr, "--scenario", s->scenario, (char *)NULL);
        _exit(127);
    }
    s->pid = pid;
    for (int i = 0; i < 500; i++) {
        if (sock_ready(s->sock))
            return;
        struct timespec ts = {0, 10 * 1000000L};
        nanosleep(&ts, NULL);
    }
    rbt_fail(__FILE__, __LINE__, "rescuebay-sim did not start (%s)", bin);
}

void simproc_start(struct simproc *s, const char *dir, const char *scenario_text)
{
    static int seq;
    memset(s, 0, sizeof *s);
    char sub[400];
    snprintf(sub, sizeof sub, "%.300s/sim%d", dir, ++seq);
    mkdir(sub, 0700);
    snprintf(s->sock, sizeof s->sock, "%s/mux.sock", sub);
    snprintf(s->scenario, sizeof s->scenario, "%s/test.scenario", sub);
    snprintf(s->addr, sizeof s->addr, "UNIX:%s", s->sock);
    rbt_write_file(s->scenario, scenario_text, strlen(scenario_text));
    setenv("USBMUXD_SOCKET_ADDRESS", s->addr, 1);
    spawn(s);
}

void simproc_restart(struct simproc *s)
{
    spawn(s);
}

void simproc_kill(struct simproc *s)
{
    if (s->pid > 0) {
        kill(s->pid, SIGTERM);
        waitpid(s->pid, NULL, 0);
    }
    s->pid = 0;
}

int simproc_ctl(struct simproc *s, const char *fmt, ...)
{
    char args[512], cmd[4096], bin[1024], out[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    sim_path(bin, sizeof bin);
    snprintf(cmd, sizeof cmd, "'%s' ctl --listen '%s' %s 2>&1", bin, s->addr, args);
    return rbt_run_cmd(cmd, out, sizeof out);
}
