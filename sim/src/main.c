/* main.c - rescuebay-sim: serve a scenario, steer a running sim (ctl), print its env. */
#include "sim.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct sim g_sim;

static const char usage[] =
    "usage: rescuebay-sim --listen ADDR --scenario FILE\n"
    "       rescuebay-sim ctl --listen ADDR COMMAND [ARGS...]\n"
    "       rescuebay-sim env --listen ADDR\n"
    "       rescuebay-sim ipsw OUT.ipsw --product TYPE --version V --build B [--update]\n"
    "ADDR is UNIX:/path/to/socket or 127.0.0.1:PORT (as in USBMUXD_SOCKET_ADDRESS).\n"
    "ctl commands: list | attach ID | detach ID | reboot ID normal|recovery|dfu|restore |\n"
    "              replug ID PORT |\n"
    "              trust ID accept|refuse | slow ID MS | drop ID | garbage ID | reset ID |\n"
    "              set ID KEY VALUE | unpair ID | fault ID STEP ACTION|clear|list |\n"
    "              hostile muxd|ID off|silent|huge|garbage|trickle MS\n"
    "ID is a scenario device name, a UDID or an ECID. See docs/sim.md.\n";

static char unix_path[PATH_MAX];
static ino_t unix_ino;
static struct timespec unix_ctime; /* inode numbers get reused; with ctime they do not */

/* Is the socket file still the one this process bound? (A new sim may have taken the path.) */
static int socket_is_ours(void)
{
    struct stat st;
    return unix_path[0] && stat(unix_path, &st) == 0 && st.st_ino == unix_ino &&
           st.st_ctim.tv_sec == unix_ctime.tv_sec && st.st_ctim.tv_nsec == unix_ctime.tv_nsec;
}

static void on_term(int sig)
{
    if (socket_is_ours())
        unlink(unix_path);
    sim_usb_cleanup();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* A sim whose socket file was deleted (test dir removed) or taken over by a new sim can
 * never be reached again: exit instead of lingering when a test forgot to kill it. */
static void *watchdog_main(void *arg)
{
    (void)arg;
    for (;;) {
        sim_msleep(1000);
        if (!socket_is_ours()) {
            fprintf(stderr, "rescuebay-sim: %s is gone or taken over; exiting\n", unix_path);
            _exit(0);
        }
    }
    return NULL;
}

static int file_exists(const char *p) { return access(p, R_OK) == 0; }

/* The folder this executable lives in ("" if unknown). */
static void exe_dir(char *out, size_t len)
{
    ssize_t n = readlink("/proc/self/exe", out, len - 1);
    out[n > 0 ? n : 0] = 0;
    char *slash = strrchr(out, '/');
    if (slash)
        *slash = 0;
}

/* FILE as given, else a bare name from the scenario folder (with or without .scenario):
 * the installed one (../share/rescuebay/scenarios), then the source tree's. */
static int resolve_scenario(const char *arg, char *out, size_t len)
{
    char exe[PATH_MAX], installed[PATH_MAX + 40];
    exe_dir(exe, sizeof exe);
    snprintf(installed, sizeof installed, "%s/../share/rescuebay/scenarios", exe);
    const char *dirs[] = {".", installed,
#ifdef RB_SIM_SCENARIO_DIR
                          RB_SIM_SCENARIO_DIR,
#endif
    };
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        if (i > 0 && strchr(arg, '/'))
            break;
        /* A path too long for out is no match (and keeps -Wformat-truncation quiet). */
        if ((size_t)snprintf(out, len, i ? "%s/%s" : "%.0s%s", dirs[i], arg) < len &&
            file_exists(out))
            return 0;
        if ((size_t)snprintf(out, len, i ? "%s/%s.scenario" : "%.0s%s.scenario", dirs[i], arg) <
                len &&
            file_exists(out))
            return 0;
    }
    return -1;
}

static int serve(const char *addr, const char *scenario)
{
    char path[PATH_MAX], err[512];
    if (resolve_scenario(scenario, path, sizeof path) != 0) {
        fprintf(stderr, "rescuebay-sim: scenario not found: %s\n", scenario);
        return 1;
    }
    pthread_mutex_init(&g_sim.lock, NULL);
    g_sim.next_device_id = 1;
    g_sim.reboot_ms = 300;
    strcpy(g_sim.buid, "C0FFEE00-0000-4000-8000-000000000001");
    snprintf(g_sim.listen_addr, sizeof g_sim.listen_addr, "%s", addr);
    if (sim_scenario_load(path, err, sizeof err) != 0) {
        fprintf(stderr, "rescuebay-sim: %s\n", err);
        return 1;
    }
    signal(SIGPIPE, SIG_IGN);
    /* Listen before making keys: early clients wait in the backlog instead of failing. */
    int lfd = sim_listen(addr);
    if (lfd < 0) {
        fprintf(stderr, "rescuebay-sim: cannot listen on %s: %s\n", addr, strerror(errno));
        return 1;
    }
    if (sim_tss_start() != 0)
        fprintf(stderr, "rescuebay-sim: no signing server (restores need -T or an offline IPSW)\n");
    if (sim_pki_init() != 0) {
        fprintf(stderr, "rescuebay-sim: cannot make keys and certificates\n");
        return 1;
    }
    if (sim_usb_init(addr) != 0)
        fprintf(stderr, "rescuebay-sim: cannot make the fake sysfs tree (ports unknown to "
                        "clients): %s\n", strerror(errno));
    for (int i = 0; i < g_sim.ndev; i++) {
        memcpy(g_sim.dev[i].port, g_sim.dev[i].p.port, sizeof g_sim.dev[i].port);
        g_sim.dev[i].attached = 0;
        sim_device_reset(&g_sim.dev[i]);
    }
    struct stat st;
    if (!strncmp(addr, "UNIX:", 5) && stat(addr + 5, &st) == 0) {
        snprintf(unix_path, sizeof unix_path, "%s", addr + 5);
        unix_ino = st.st_ino;
        unix_ctime = st.st_ctim;
        pthread_t th;
        if (pthread_create(&th, NULL, watchdog_main, NULL) == 0)
            pthread_detach(th);
    }
    signal(SIGTERM, on_term);
    signal(SIGINT, on_term);
    fprintf(stderr, "rescuebay-sim: %d device(s) from %s on %s\n", g_sim.ndev, path, addr);
    sim_serve(lfd);
    return 1;
}

static int ctl(const char *addr, int argc, char **argv)
{
    int fd = sim_connect(addr);
    if (fd < 0) {
        fprintf(stderr, "error: no simulator at %s\n", addr);
        return 1;
    }
    plist_t m = plist_new_dict(), cmd = plist_new_array();
    for (int i = 0; i < argc; i++)
        plist_array_append_item(cmd, plist_new_string(argv[i]));
    plist_dict_set_item(m, "MessageType", plist_new_string("RbSim"));
    plist_dict_set_item(m, "Command", cmd);
    plist_t r = NULL;
    int rc = sim_mux_send(fd, 1, m) == 0 ? sim_mux_recv(fd, NULL, &r, 10000) : -1;
    plist_free(m);
    close(fd);
    const char *text = sim_dict_str(r, "Text");
    uint8_t ok = 0;
    plist_t okn = r && plist_get_node_type(r) == PLIST_DICT ? plist_dict_get_item(r, "Ok") : NULL;
    if (okn && plist_get_node_type(okn) == PLIST_BOOLEAN)
        plist_get_bool_val(okn, &ok);
    if (rc != 0 || !text) {
        fprintf(stderr, "error: no answer from the simulator at %s\n", addr);
        plist_free(r);
        return 1;
    }
    if (ok)
        printf("%s\n", text);
    else
        fprintf(stderr, "error: %s\n", text);
    plist_free(r);
    return ok ? 0 : 1;
}

static int env(const char *addr)
{
    char exe[PATH_MAX], lib[PATH_MAX + 64], abs[PATH_MAX];
    exe_dir(exe, sizeof exe);
    /* The build tree's lib/, else the installed private folder. */
    snprintf(lib, sizeof lib, "%s/../lib/librescuebay-fakeusb.so", exe);
    if (exe[0] && !realpath(lib, abs)) {
        snprintf(lib, sizeof lib, "%s/%s/librescuebay-fakeusb.so", exe, RB_SIM_FAKEUSB_REL);
        if (!realpath(lib, abs))
            abs[0] = 0;
    }
    if (!exe[0] || !abs[0]) {
#ifdef RB_SIM_FAKEUSB_PATH
        snprintf(abs, sizeof abs, "%s", RB_SIM_FAKEUSB_PATH);
#else
        fprintf(stderr, "rescuebay-sim: librescuebay-fakeusb.so not found next to %s\n", exe);
        return 1;
#endif
    }
    if (!strncmp(addr, "UNIX:", 5) && addr[5] != '/') {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd))
            return 1;
        printf("USBMUXD_SOCKET_ADDRESS=UNIX:%s/%s\n", cwd, addr + 5);
    } else {
        printf("USBMUXD_SOCKET_ADDRESS=%s\n", addr);
    }
    printf("LD_PRELOAD=%s\n", abs);
    /* the sim's signing server, as libcurl's proxy for idevicerestore; loopback stays direct */
    int fd = sim_connect(addr);
    plist_t m = plist_new_dict(), r = NULL;
    plist_dict_set_item(m, "MessageType", plist_new_string("RbSimEnv"));
    if (fd >= 0 && sim_mux_send(fd, 1, m) == 0)
        sim_mux_recv(fd, NULL, &r, 5000);
    plist_free(m);
    if (fd >= 0)
        close(fd);
    const char *usb = sim_dict_str(r, "UsbSysfsRoot");
    if (usb && *usb)
        printf("RB_USB_SYSFS_ROOT=%s\n", usb);
    uint64_t port = 0;
    if (sim_dict_uint(r, "TssPort", &port) == 0 && port) {
        printf("http_proxy=http://127.0.0.1:%u\n", (unsigned)port);
        printf("https_proxy=http://127.0.0.1:%u\n", (unsigned)port);
        printf("no_proxy=localhost,127.0.0.1\n");
    }
    plist_free(r);
    return 0;
}

int main(int argc, char **argv)
{
    const char *sub = NULL, *listen = NULL, *scenario = NULL;
    int i = 1;
    if (argc > 1 && !strcmp(argv[1], "ipsw"))
        return sim_ipsw_main(argc - 2, argv + 2);
    if (argc > 1 && (!strcmp(argv[1], "ctl") || !strcmp(argv[1], "env")))
        sub = argv[i++];
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "--listen") && i + 1 < argc)
            listen = argv[++i];
        else if (!strncmp(argv[i], "--listen=", 9))
            listen = argv[i] + 9;
        else if (!sub && !strcmp(argv[i], "--scenario") && i + 1 < argc)
            scenario = argv[++i];
        else if (!sub && !strncmp(argv[i], "--scenario=", 11))
            scenario = argv[i] + 11;
        else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(usage, stdout);
            return 0;
        } else if (sub && !strcmp(sub, "ctl") && argv[i][0] != '-')
            break;
        else {
            fputs(usage, stderr);
            return 2;
        }
    }
    if (!listen) {
        listen = getenv("USBMUXD_SOCKET_ADDRESS");
        if (!listen || !*listen) {
            fputs(usage, stderr);
            return 2;
        }
    }
    if (sub && !strcmp(sub, "env"))
        return env(listen);
    if (sub)
        return i < argc ? ctl(listen, argc - i, argv + i) : (fputs(usage, stderr), 2);
    if (!scenario) {
        fputs(usage, stderr);
        return 2;
    }
    return serve(listen, scenario);
}
