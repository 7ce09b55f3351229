/* restored.c - a device in restore mode, as an iOS 13-era `restored` speaks to Debian's
 * idevicerestore 1.0.0: port 62078 without TLS (4-byte big-endian length + plist), the
 * device-driven restore after StartRestore, and the FDR control stub on port 1082. The OS
 * image arrives over ASR (asr.c). After the session the device reboots: into normal mode
 * with the new system after a success, into recovery mode after a failure. */
#include "sim.h"

#include <arpa/inet.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define RESTORED_PORT 62078
#define ASR_PORT 12345
#define FDR_PORT 1082
#define MAX_MESSAGE (64u << 20)
#define REPLY_MS 120000 /* the host answers data requests at once; the image copy is ASR's */

static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;

void sim_restore_wake(void) { pthread_cond_broadcast(&wake); }

int sim_restore_port(int port)
{
    return port == RESTORED_PORT || port == ASR_PORT || port == FDR_PORT;
}

static int r_send(int fd, plist_t m)
{
    char *xml = NULL;
    uint32_t n = 0;
    plist_to_xml(m, &xml, &n);
    plist_free(m);
    if (!xml)
        return -1;
    uint32_t be = htonl(n);
    int rc = sim_write_full(fd, &be, 4) == 0 && sim_write_full(fd, xml, n) == 0 ? 0 : -1;
    free(xml);
    return rc;
}

/* -1 closed, -2 timeout */
static int r_recv(int fd, plist_t *out, int timeout_ms)
{
    *out = NULL;
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int pr = poll(&p, 1, timeout_ms);
    if (pr == 0)
        return -2;
    uint32_t be;
    if (pr < 0 || sim_read_full(fd, &be, 4) != 0)
        return -1;
    uint32_t n = ntohl(be);
    char *buf = n && n <= MAX_MESSAGE ? malloc(n) : NULL;
    if (!buf || sim_read_full(fd, buf, n) != 0) {
        free(buf);
        return -1;
    }
    sim_plist_parse(buf, n, out);
    free(buf);
    return *out ? 0 : -1;
}

static plist_t msg(const char *type)
{
    plist_t m = plist_new_dict();
    plist_dict_set_item(m, "MsgType", plist_new_string(type));
    return m;
}

static int progress(int fd, int op, int pct)
{
    plist_t m = msg("ProgressMsg");
    plist_dict_set_item(m, "Operation", plist_new_uint((uint64_t)op));
    plist_dict_set_item(m, "Progress", plist_new_uint((uint64_t)pct));
    return r_send(fd, m);
}

static int status(int fd, int st, int amr)
{
    plist_t m = msg("StatusMsg");
    plist_dict_set_item(m, "Status", plist_new_uint((uint64_t)st));
    if (amr)
        plist_dict_set_item(m, "AMRError", plist_new_uint((uint64_t)amr));
    return r_send(fd, m);
}

/* Under lock: is this still the restore-mode boot the session started in? */
static int current(const struct sim_device *d, unsigned session)
{
    return d->epoch == session && d->mode == SIM_RESTORE && d->attached;
}

static void step(struct sim_device *d, unsigned session, const char *what)
{
    pthread_mutex_lock(&g_sim.lock);
    if (current(d, session))
        snprintf(d->rs.step, sizeof d->rs.step, "%s", what);
    pthread_mutex_unlock(&g_sim.lock);
}

/* A silent device keeps its connections but says nothing more: wait for the host to go. */
static void go_silent(int fd)
{
    char buf[4096];
    while (recv(fd, buf, sizeof buf, 0) > 0) {
    }
}

/* Under lock: what the restore leaves on the device, before it boots. */
static void apply_outcome(struct sim_device *d, int ok, const char *why)
{
    struct sim_restore *rs = &d->rs;
    rs->step[0] = 0;
    snprintf(rs->last, sizeof rs->last, "%s%s", ok ? "done" : "failed: ", ok ? "" : why);
    if (ok) {
        if (rs->new_version[0])
            snprintf(d->p.ios_version, sizeof d->p.ios_version, "%s", rs->new_version);
        if (rs->new_build[0])
            snprintf(d->p.build_version, sizeof d->p.build_version, "%s", rs->new_build);
        if (!rs->update) { /* erased: a new, empty, unactivated device that trusts nobody */
            snprintf(d->p.activation, sizeof d->p.activation, "Unactivated");
            d->p.disk_free = d->p.disk_total - d->p.disk_total / 10;
            d->p.find_my = 0;
            d->p.paired = 0;
            sim_device_unpair(d);
        }
    }
    sim_nv_set(d, "auto-boot", ok ? "true" : "false");
}

/* Under lock. The device's boot after the restore session. */
void sim_restore_finish(struct sim_device *d, int ok, const char *why)
{
    apply_outcome(d, ok, why);
    sim_later_mode(d, ok ? SIM_NORMAL : SIM_RECOVERY);
}

/* The last message is out: close FDR a moment later (the host joins its FDR thread before
 * its Goodbye; closing before it acknowledged the status can crash it), answer Goodbye,
 * then reboot. */
static void end_session(int fd, struct sim_device *d, unsigned session, int ok, const char *why)
{
    step(d, session, ok ? "finishing" : "failing");
    sim_msleep(500);
    pthread_mutex_lock(&g_sim.lock);
    for (int i = 0; i < d->rs.nfdr; i++)
        shutdown(d->rs.fdr[i], SHUT_RDWR);
    d->rs.nfdr = 0;
    pthread_mutex_unlock(&g_sim.lock);
    for (;;) {
        plist_t m = NULL;
        if (r_recv(fd, &m, 30000) != 0)
            break;
        const char *rq = sim_dict_str(m, "Request");
        int bye = rq && !strcmp(rq, "Goodbye");
        plist_free(m);
        if (bye) {
            plist_t r = plist_new_dict();
            plist_dict_set_item(r, "Result", plist_new_string("Success"));
            r_send(fd, r);
            break;
        }
    }
    pthread_mutex_lock(&g_sim.lock);
    if (current(d, session))
        sim_restore_finish(d, ok, why);
    pthread_mutex_unlock(&g_sim.lock);
}

/* A scripted fault at this step? Returns 1 when the session is over (unplugged, silent,
 * failed with AMRError), 0 to go on. */
static int fault_at(int fd, struct sim_device *d, unsigned session, const char *name)
{
    struct sim_fault f;
    pthread_mutex_lock(&g_sim.lock);
    int hit = current(d, session) && sim_fault_take(d, name, &f);
    int done = !strcmp(name, "final"); /* the restore is complete on the device */
    if (hit && (!strcmp(f.action, "unplug") || !strcmp(f.action, "replug"))) {
        if (done)
            apply_outcome(d, 1, NULL);
        sim_fault_unplug(d, !strcmp(f.action, "replug"), done ? SIM_NORMAL : SIM_RECOVERY);
    }
    else if (hit && !strcmp(f.action, "silent"))
        d->rs.silent = (int)d->epoch + 1;
    pthread_mutex_unlock(&g_sim.lock);
    if (!hit)
        return 0;
    if (!strcmp(f.action, "silent"))
        go_silent(fd);
    if (!strcmp(f.action, "amr")) {
        char why[48];
        snprintf(why, sizeof why, "AMRError %d at %s", f.arg, name);
        status(fd, 14, f.arg);
        /* restored's next message, of a kind 1.0.0 does not handle: the host stops with
         * the AMRError at once instead of waiting for a read timeout */
        r_send(fd, msg("CheckpointMsg"));
        end_session(fd, d, session, 0, why);
    }
    return 1;
}

static int has_data(plist_t d, const char *key)
{
    plist_t n = d && plist_get_node_type(d) == PLIST_DICT ? plist_dict_get_item(d, key) : NULL;
    return n && (plist_get_node_type(n) == PLIST_DATA || plist_get_node_type(n) == PLIST_ARRAY);
}

/* DataRequestMsg DataType; the reply must hold `want` (NULL: any reply). */
static int request(int fd, const char *type, const char *want)
{
    plist_t m = msg("DataRequestMsg");
    plist_dict_set_item(m, "DataType", plist_new_string(type));
    if (r_send(fd, m) != 0)
        return -1;
    plist_t r = NULL;
    if (r_recv(fd, &r, REPLY_MS) != 0)
        return -1;
    int ok = !want || has_data(r, want);
    if (ok && !strcmp(type, "NORData"))
        ok = has_data(r, "NorImageData");
    plist_free(r);
    return ok ? 0 : -2;
}

/* Waits for the ASR session to end; 2 done, 3 failed, -1 gone. */
static int wait_asr(struct sim_device *d, unsigned session)
{
    pthread_mutex_lock(&g_sim.lock);
    int r = -1;
    for (int waited = 0; waited < REPLY_MS * 5; waited += 200) {
        if (!current(d, session))
            break;
        if (d->rs.asr >= 2) {
            r = d->rs.asr;
            break;
        }
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 200000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&wake, &g_sim.lock, &ts);
    }
    pthread_mutex_unlock(&g_sim.lock);
    return r;
}

static void fail(int fd, struct sim_device *d, unsigned session, const char *why)
{
    status(fd, 14, 0);
    end_session(fd, d, session, 0, why);
}

static void restore_script(int fd, struct sim_device *d, unsigned session)
{
    step(d, session, "partitioning");
    if (fault_at(fd, d, session, "restore"))
        return;
    if (progress(fd, 28, 0) || progress(fd, 11, 0) || progress(fd, 12, 0))
        goto gone;
    step(d, session, "asr");
    plist_t m = msg("DataRequestMsg");
    plist_dict_set_item(m, "DataType", plist_new_string("SystemImageData"));
    if (r_send(fd, m) != 0)
        goto gone;
    int asr = wait_asr(d, session);
    if (asr < 0)
        return; /* unplugged or silent: nothing more from this boot */
    if (asr == 3) {
        /* restored reports on; idevicerestore 1.0.0 lets this message overwrite its ASR
         * error and ends "DONE" with exit 0 (a masked failure). */
        progress(fd, 14, 0);
        fail(fd, d, session, "ASR failed");
        return;
    }
    step(d, session, "verifying");
    for (int p = 0; p <= 100; p += 50)
        if (progress(fd, 14, p))
            goto gone;
    if (progress(fd, 15, 0) || progress(fd, 16, 0))
        goto gone;
    step(d, session, "firmware");
    int rc = request(fd, "RootTicket", "RootTicketData");
    if (!rc)
        rc = request(fd, "KernelCache", "KernelCacheFile");
    if (!rc)
        rc = request(fd, "DeviceTree", "DeviceTreeFile");
    if (!rc)
        rc = request(fd, "NORData", "LlbImageData");
    if (rc == -1)
        goto gone;
    if (rc == -2) {
        fail(fd, d, session, "firmware data missing");
        return;
    }
    step(d, session, "flashing nor");
    if (progress(fd, 18, 0))
        goto gone;
    if (fault_at(fd, d, session, "nor"))
        return;
    if (progress(fd, 18, 100) || request(fd, "FDRTrustData", NULL))
        goto gone;
    struct sim_fault f;
    pthread_mutex_lock(&g_sim.lock);
    int amr = current(d, session) && sim_fault_take(d, "final", &f);
    if (amr && strcmp(f.action, "amr")) { /* unplug/silent: after the acknowledgement */
        d->faults[d->nfaults++] = f;
        amr = 0;
    }
    pthread_mutex_unlock(&g_sim.lock);
    if (amr) {
        char why[32];
        snprintf(why, sizeof why, "AMRError %d", f.arg);
        status(fd, 14, f.arg);
        r_send(fd, msg("CheckpointMsg"));
        end_session(fd, d, session, 0, why);
        return;
    }
    step(d, session, "final status");
    if (status(fd, 0, 0) != 0)
        goto gone;
    plist_t ack = NULL;
    if (r_recv(fd, &ack, REPLY_MS) != 0)
        goto gone;
    plist_free(ack);
    if (fault_at(fd, d, session, "final"))
        return;
    end_session(fd, d, session, 1, NULL);
    return;
gone: /* the host went away mid-restore (killed, cable): boot to recovery */
    pthread_mutex_lock(&g_sim.lock);
    if (current(d, session))
        sim_restore_finish(d, 0, "host went away");
    pthread_mutex_unlock(&g_sim.lock);
}

static plist_t hardware_info(const struct sim_device *d)
{
    plist_t h = plist_new_dict();
    plist_dict_set_item(h, "UniqueChipID", plist_new_uint(d->p.ecid));
    plist_dict_set_item(h, "ChipID", plist_new_uint(d->p.cpid));
    plist_dict_set_item(h, "BoardID", plist_new_uint(d->p.bdid));
    plist_dict_set_item(h, "SupportsImage4", plist_new_bool(1));
    plist_dict_set_item(h, "ProductionMode", plist_new_bool(1));
    plist_dict_set_item(h, "CertificateSecurityMode", plist_new_bool(1));
    plist_dict_set_item(h, "EffectiveProductionMode", plist_new_bool(1));
    return h;
}

static void restored_conn(int fd, struct sim_device *d, unsigned session)
{
    for (;;) {
        plist_t req = NULL;
        if (r_recv(fd, &req, -1) != 0)
            return;
        pthread_mutex_lock(&g_sim.lock);
        int silent = d->rs.silent == (int)d->epoch + 1;
        char serial[32], model[32];
        snprintf(serial, sizeof serial, "%s", d->p.serial);
        snprintf(model, sizeof model, "%s", d->p.hardware_model);
        plist_t hw = hardware_info(d);
        pthread_mutex_unlock(&g_sim.lock);
        const char *rq = sim_dict_str(req, "Request");
        plist_t out = plist_new_dict();
        int end = 0;
        if (silent) {
            plist_free(hw);
            plist_free(out);
            plist_free(req);
            go_silent(fd);
            return;
        } else if (rq && !strcmp(rq, "QueryType")) {
            plist_dict_set_item(out, "Type", plist_new_string("com.apple.mobile.restored"));
            plist_dict_set_item(out, "RestoreProtocolVersion", plist_new_uint(15));
            plist_dict_set_item(out, "SerialNumber", plist_new_string(serial));
            plist_dict_set_item(out, "HardwareModel", plist_new_string(model));
        } else if (rq && !strcmp(rq, "QueryValue")) {
            const char *key = sim_dict_str(req, "QueryKey");
            if (key && !strcmp(key, "HardwareInfo")) {
                pthread_mutex_lock(&g_sim.lock);
                d->rs.host_seen = 1;
                pthread_mutex_unlock(&g_sim.lock);
                plist_dict_set_item(out, "HardwareInfo", hw);
                hw = NULL;
            } else if (key && !strcmp(key, "SavedDebugInfo")) {
                plist_dict_set_item(out, "SavedDebugInfo", plist_new_dict());
            } else {
                plist_dict_set_item(out, "Error", plist_new_string("UnknownKey"));
            }
        } else if (rq && !strcmp(rq, "Goodbye")) {
            plist_dict_set_item(out, "Result", plist_new_string("Success"));
            end = 1;
        } else if (rq && !strcmp(rq, "StartRestore")) {
            plist_free(hw);
            plist_free(out);
            plist_free(req);
            pthread_mutex_lock(&g_sim.lock);
            int first = current(d, session) && !d->rs.started;
            d->rs.started = 1;
            pthread_mutex_unlock(&g_sim.lock);
            if (first)
                restore_script(fd, d, session);
            return;
        } else {
            plist_dict_set_item(out, "Error", plist_new_string("UnknownRequest"));
        }
        plist_free(hw);
        plist_free(req);
        if (r_send(fd, out) != 0 || end)
            return;
    }
}

/* FDR control: "BeginCtrl\0", then a little-endian length + plist; answer {ConnPort}. The
 * connection then stays open, quiet, until the restore ends (end_session closes it). */
static void fdr_conn(int fd, struct sim_device *d, unsigned session)
{
    char hello[10];
    uint32_t n;
    if (sim_read_full(fd, hello, sizeof hello) != 0 || sim_read_full(fd, &n, 4) != 0)
        return;
    n = le32toh(n);
    char *buf = n && n < 65536 ? malloc(n) : NULL;
    if (!buf || sim_read_full(fd, buf, n) != 0) {
        free(buf);
        return;
    }
    free(buf);
    pthread_mutex_lock(&g_sim.lock);
    int ok = current(d, session) && d->rs.nfdr < 4;
    if (ok)
        d->rs.fdr[d->rs.nfdr++] = fd;
    pthread_mutex_unlock(&g_sim.lock);
    if (!ok)
        return;
    plist_t r = plist_new_dict();
    plist_dict_set_item(r, "ConnPort", plist_new_uint(FDR_PORT + 1));
    char *bin = NULL;
    uint32_t len = 0;
    plist_to_bin(r, &bin, &len);
    plist_free(r);
    uint32_t le = htole32(len);
    if (bin && sim_write_full(fd, &le, 4) == 0 && sim_write_full(fd, bin, len) == 0)
        go_silent(fd);
    free(bin);
    pthread_mutex_lock(&g_sim.lock);
    for (int i = 0; i < d->rs.nfdr; i++)
        if (d->rs.fdr[i] == fd)
            d->rs.fdr[i] = d->rs.fdr[--d->rs.nfdr];
    pthread_mutex_unlock(&g_sim.lock);
}

struct abandoned {
    struct sim_device *d;
    unsigned session;
};

static void *abandoned_main(void *arg)
{
    struct abandoned *a = arg;
    sim_msleep(3000);
    pthread_mutex_lock(&g_sim.lock);
    struct sim_device *d = a->d;
    if (current(d, a->session) && !d->rs.started && d->rs.nconn == 0 &&
        d->rs.silent != (int)d->epoch + 1)
        sim_restore_finish(d, 0, "host went away before the restore started");
    pthread_mutex_unlock(&g_sim.lock);
    free(a);
    return NULL;
}

/* Under lock, after a connection ended. A host that identified the device and then went
 * away without starting the restore (the tool killed): the ramdisk gives up after a few
 * seconds and the device reboots into recovery, where a new run can start. */
static void maybe_abandoned(struct sim_device *d, unsigned session)
{
    if (!current(d, session) || d->rs.started || !d->rs.host_seen || d->rs.nconn > 0)
        return;
    struct abandoned *a = malloc(sizeof *a);
    pthread_t th;
    if (!a)
        return;
    *a = (struct abandoned){d, session};
    if (pthread_create(&th, NULL, abandoned_main, a) != 0)
        free(a);
    else
        pthread_detach(th);
}

void sim_restore_serve(int fd, struct sim_device *d, int port)
{
    pthread_mutex_lock(&g_sim.lock);
    unsigned session = d->epoch;
    if (d->rs.session != session) { /* a new restore-mode boot */
        d->rs.session = session;
        d->rs.started = 0;
        d->rs.asr = 0;
        d->rs.nfdr = 0;
        d->rs.host_seen = 0;
        d->rs.nconn = 0;
        snprintf(d->rs.step, sizeof d->rs.step, "restore mode");
    }
    d->rs.nconn++;
    pthread_mutex_unlock(&g_sim.lock);
    if (port == RESTORED_PORT)
        restored_conn(fd, d, session);
    else if (port == FDR_PORT)
        fdr_conn(fd, d, session);
    else
        sim_asr_run(fd, d);
    pthread_mutex_lock(&g_sim.lock);
    if (d->rs.session == session) {
        d->rs.nconn--;
        maybe_abandoned(d, session);
    }
    pthread_mutex_unlock(&g_sim.lock);
}
