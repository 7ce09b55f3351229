#include "demo.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ftw.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern "C" {
#include <rescuebay/context.h>
#include <rescuebay/tickets.h>
}

static const char *kChildMarker = "RB_KIOSK_DEMO_CHILD";
static volatile sig_atomic_t g_kiosk_pid = 0;

static std::string selfDir()
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return ".";
    buf[n] = 0;
    std::string p(buf);
    return p.substr(0, p.rfind('/'));
}

static bool exists(const std::string &p)
{
    struct stat st;
    return stat(p.c_str(), &st) == 0;
}

// A file as given, else a bare name (with or without .scenario) from the scenario folders,
// as rescuebay-sim resolves it: `--demo --scenario ipad-dfu` takes the simulator's names.
static std::string findScenario(const std::string &exeDir, const std::string &arg)
{
    if (arg.find('/') != std::string::npos)
        return exists(arg) ? arg : std::string();
    const std::string dirs[] = {
        exeDir + "/../share/rescuebay/scenarios",   // an installed kiosk
        std::string(RB_INSTALL_DATADIR) + "/scenarios",
#ifdef RB_SOURCE_DIR
        std::string(RB_SOURCE_DIR) + "/sim/scenarios",  // the build tree
#endif
    };
    const bool hasExt = arg.size() > 9 && arg.compare(arg.size() - 9, 9, ".scenario") == 0;
    for (const auto &d : dirs) {
        const std::string p = d + "/" + arg + (hasExt ? "" : ".scenario");
        if (exists(p))
            return p;
    }
    return exists(arg) ? arg : std::string();
}

static void forward(int sig)
{
    if (g_kiosk_pid > 0)
        kill(g_kiosk_pid, sig);
}

static int rmEntry(const char *path, const struct stat *, int, struct FTW *)
{
    remove(path);
    return 0;
}

// Reads `rescuebay-sim env --listen ADDR`: lines of KEY=VALUE (an "export " prefix and
// quotes are tolerated).
static std::vector<std::pair<std::string, std::string>> simEnv(const std::string &sim,
                                                               const std::string &addr)
{
    std::vector<std::pair<std::string, std::string>> env;
    std::string cmd = "'" + sim + "' env --listen '" + addr + "'";
    FILE *f = popen(cmd.c_str(), "r");
    if (!f)
        return env;
    char line[8192];
    while (fgets(line, sizeof line, f)) {
        std::string s(line);
        while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
            s.pop_back();
        if (s.rfind("export ", 0) == 0)
            s = s.substr(7);
        size_t eq = s.find('=');
        if (eq == std::string::npos || eq == 0)
            continue;
        std::string v = s.substr(eq + 1);
        if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
            v = v.substr(1, v.size() - 2);
        env.emplace_back(s.substr(0, eq), v);
    }
    pclose(f);
    return env;
}

int rb_demo_supervise(char **argv, const DemoOptions &opts)
{
    if (getenv(kChildMarker))
        return -1;
    const std::string exeDir = selfDir();
    const char *simOverride = getenv("RB_SIM");
    const std::string sim = simOverride ? simOverride : exeDir + "/rescuebay-sim";
    if (!exists(sim)) {
        fprintf(stderr, "rescuebay-kiosk: demo mode needs %s (build the rescuebay-sim target)\n",
                sim.c_str());
        return 2;
    }
    const std::string wanted = opts.scenario.empty() ? "demo" : opts.scenario;
    const std::string scenario = findScenario(exeDir, wanted);
    if (scenario.empty()) {
        fprintf(stderr, "rescuebay-kiosk: --scenario %s: no such scenario (a file, or a name "
                "from sim/scenarios such as demo, three-bays, ipad-dfu)\n", wanted.c_str());
        return 2;
    }

    const char *tmpdir = getenv("TMPDIR");
    std::string tmpl = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/rescuebay-kiosk-XXXXXX";
    if (!mkdtemp(&tmpl[0])) {
        perror("rescuebay-kiosk: mkdtemp");
        return 2;
    }
    const std::string dir = tmpl;
    // A throwaway data folder (the demo leaves nothing behind) holding the firmware of
    // the restorable demo device, so a restore runs from start to Done. $RESCUEBAY_HOME is
    // not taken as consent: the kiosk session sets it to the shop's real data folder, and a
    // demo must never seed its staff and tickets there; only an explicit --home is used.
    if (!opts.ownHome) {
        const std::string home = dir + "/home";
        std::string why;
        if (!rb_demo_prepare_firmware(sim, dir, home, why))
            fprintf(stderr, "rescuebay-kiosk: demo restores will not work: %s\n", why.c_str());
        setenv("RESCUEBAY_HOME", home.c_str(), 1);
    }
    const std::string sock = dir + "/usbmuxd.sock";
    const std::string addr = "UNIX:" + sock;

    pid_t simPid = fork();
    if (simPid == 0) {
        // The simulator must not outlive a supervisor that was killed outright.
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        execl(sim.c_str(), sim.c_str(), "--listen", addr.c_str(), "--scenario",
              scenario.c_str(), (char *)nullptr);
        _exit(127);
    }
    for (int i = 0; i < 100 && !exists(sock); i++) {
        if (waitpid(simPid, nullptr, WNOHANG) == simPid) {
            fprintf(stderr, "rescuebay-kiosk: rescuebay-sim exited at start\n");
            nftw(dir.c_str(), rmEntry, 8, FTW_DEPTH | FTW_PHYS);
            return 2;
        }
        usleep(50 * 1000);
    }

    // A simulator that crashed right after binding its socket would leave an empty kiosk.
    usleep(200 * 1000);
    int early;
    if (waitpid(simPid, &early, WNOHANG) == simPid) {
        fprintf(stderr, "rescuebay-kiosk: rescuebay-sim stopped at start (status %d)\n", early);
        nftw(dir.c_str(), rmEntry, 8, FTW_DEPTH | FTW_PHYS);
        return 2;
    }

    // Asked of the running sim: only then does it name its signing server (http_proxy).
    const auto env = simEnv(sim, addr);
    pid_t kiosk = fork();
    if (kiosk == 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        for (const auto &kv : env)
            setenv(kv.first.c_str(), kv.second.c_str(), 1);
        setenv("USBMUXD_SOCKET_ADDRESS", addr.c_str(), 0);
        // Sample backups, so the Backup step has something to verify: the installed ones,
        // else the source tree's, and the build tree's backup of the demo iPod (restorable).
        std::string roots, samples = exeDir + "/../share/rescuebay/demo-backups";
#ifdef RB_SOURCE_DIR
        if (!exists(samples))
            samples = std::string(RB_SOURCE_DIR) + "/tests/fixtures/backups";
#endif
        std::vector<std::string> dirs{samples};
#ifdef RB_DEMO_BACKUPS
        dirs.push_back(RB_DEMO_BACKUPS);
#endif
        for (const std::string &d : dirs)
            if (exists(d))
                roots += (roots.empty() ? "" : ":") + d;
        if (!getenv("RB_BACKUP_ROOTS") && !roots.empty())
            setenv("RB_BACKUP_ROOTS", roots.c_str(), 1);
        setenv(kChildMarker, "1", 1);
        execv("/proc/self/exe", argv);
        _exit(127);
    }
    g_kiosk_pid = kiosk;
    signal(SIGINT, forward);
    signal(SIGTERM, forward);
    signal(SIGHUP, forward);

    int status = 0;
    while (waitpid(kiosk, &status, 0) < 0 && errno == EINTR) {
    }
    kill(simPid, SIGTERM);
    int simStatus;
    bool reaped = false;
    for (int i = 0; i < 40 && !reaped; i++) {
        reaped = waitpid(simPid, &simStatus, WNOHANG) == simPid;
        if (!reaped)
            usleep(50 * 1000);
    }
    if (!reaped) {
        kill(simPid, SIGKILL);
        waitpid(simPid, &simStatus, 0);
    }
    nftw(dir.c_str(), rmEntry, 8, FTW_DEPTH | FTW_PHYS);
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

void rb_demo_seed_tickets()
{
    if (!getenv(kChildMarker))
        return;
    rb_context *ctx = nullptr;
    rb_ticket_store *store = nullptr;
    rb_ticket_store_options o = RB_TICKET_STORE_OPTIONS_INIT;
    if (rb_context_new(&ctx, nullptr) != RB_OK || rb_ticket_store_open(&store, ctx, &o) != RB_OK) {
        rb_ticket_store_free(store); // set even on failure, to carry the reason
        rb_context_free(ctx);
        return;
    }
    if (rb_ticket_staff_add(store, "demo", "1234", 1) == RB_OK
        && rb_ticket_store_sign_in(store, "demo", "1234") == RB_OK) {
        rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
        f.customer_name = "Jane Doe";
        f.customer_phone = "+44 20 7946 0018";
        f.device_model = "iPhone 8";
        f.product_type = "iPhone10,4";
        f.serial = "C39SIM000002";
        f.problem = "Forgot the passcode; wants the phone reset, photos must be kept";
        char *number = nullptr;
        if (rb_ticket_create(&number, store, &f) == RB_OK)
            rb_ticket_event_append(store, number, RB_TICKET_EVENT_DEVICE_DETECTED,
                                   "iPhone 8 on port 2, not trusted yet", nullptr);
        rb_free(number);
        number = nullptr;
        rb_ticket_fields g = RB_TICKET_FIELDS_INIT;
        g.customer_name = "Max Mustermann";
        g.device_model = "iPad (7th gen)";
        g.product_type = "iPad7,11";
        g.serial = "DMPSIM000003";
        g.problem = "Stuck on the recovery screen after an update";
        if (rb_ticket_create(&number, store, &g) == RB_OK)
            rb_ticket_set_status(store, number, RB_TICKET_IN_PROGRESS, "Exit recovery first");
        rb_free(number);
        rb_ticket_store_sign_out(store);
        fprintf(stderr, "rescuebay-kiosk: demo tickets: staff \"demo\", PIN 1234\n");
    }
    rb_ticket_store_free(store);
    rb_context_free(ctx);
}
