/* asr.c - the device's ASR (Apple Software Restore) end on port 12345, as idevicerestore
 * 1.0.0 streams the OS image: XML plists without framing, Initiate (checksummed chunks),
 * the host's packet info, an OOBData request, then Payload: the image in 128 KiB chunks,
 * each followed by its SHA-1. Every checksum and the out-of-band bytes are verified. */
#include "sim.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define CHUNK 131072
#define OOB_LEN 512

static int asr_send(int fd, plist_t m)
{
    char *xml = NULL;
    uint32_t n = 0;
    plist_to_xml(m, &xml, &n);
    plist_free(m);
    int rc = xml ? sim_write_full(fd, xml, n) : -1;
    free(xml);
    return rc;
}

static plist_t command(const char *name)
{
    plist_t m = plist_new_dict();
    plist_dict_set_item(m, "Command", plist_new_string(name));
    return m;
}

/* The host's packet info: one XML plist, read up to its end tag. */
static plist_t asr_recv(int fd)
{
    char buf[65536];
    size_t n = 0;
    while (n < sizeof buf - 1) {
        ssize_t r = recv(fd, buf + n, sizeof buf - 1 - n, 0);
        if (r <= 0)
            return NULL;
        n += (size_t)r;
        buf[n] = 0;
        if (strstr(buf, "</plist>"))
            break;
    }
    plist_t p = NULL;
    sim_plist_parse(buf, (uint32_t)n, &p);
    return p;
}

/* Under lock. */
static int current(const struct sim_device *d, unsigned session)
{
    return d->epoch == session && d->mode == SIM_RESTORE && d->attached;
}

static void set_result(struct sim_device *d, unsigned session, int result)
{
    pthread_mutex_lock(&g_sim.lock);
    if (current(d, session))
        d->rs.asr = result;
    pthread_mutex_unlock(&g_sim.lock);
    sim_restore_wake();
}

/* Half-way through the payload: a scripted unplug or silence. 1 = stop here. */
static int midway_fault(int fd, struct sim_device *d, unsigned session)
{
    struct sim_fault f;
    pthread_mutex_lock(&g_sim.lock);
    int hit = current(d, session) && sim_fault_take(d, "asr", &f);
    if (hit && !strcmp(f.action, "silent"))
        d->rs.silent = (int)d->epoch + 1;
    else if (hit)
        sim_fault_unplug(d, !strcmp(f.action, "replug"), SIM_RECOVERY);
    pthread_mutex_unlock(&g_sim.lock);
    if (hit && !strcmp(f.action, "silent")) {
        char buf[4096];
        while (recv(fd, buf, sizeof buf, 0) > 0) {
        }
    }
    return hit;
}

static int payload(int fd, struct sim_device *d, unsigned session, uint64_t size,
                   const unsigned char *oob, uint64_t oob_off)
{
    unsigned char *buf = malloc(CHUNK), sum[20], md[EVP_MAX_MD_SIZE];
    uint64_t got = 0;
    int ok = buf != NULL, faulted = 0;
    while (ok && got < size) {
        size_t n = size - got < CHUNK ? (size_t)(size - got) : CHUNK;
        unsigned len = 0;
        if (sim_read_full(fd, buf, n) != 0 || sim_read_full(fd, sum, 20) != 0) {
            ok = 0;
            break;
        }
        EVP_Digest(buf, n, md, &len, EVP_sha1(), NULL);
        if (memcmp(md, sum, 20) != 0) {
            fprintf(stderr, "rescuebay-sim: %s: ASR chunk at %llu: bad SHA-1\n", d->p.name,
                    (unsigned long long)got);
            ok = 0;
        }
        for (uint64_t i = got; ok && oob && i < got + n; i++) /* the OOB bytes were these */
            if (i >= oob_off && i < oob_off + OOB_LEN && oob[i - oob_off] != buf[i - got])
                ok = 0;
        got += n;
        pthread_mutex_lock(&g_sim.lock);
        if (current(d, session)) {
            d->rs.asr_percent = (int)(got * 100 / size);
            snprintf(d->rs.step, sizeof d->rs.step, "asr %d%%", d->rs.asr_percent);
        }
        pthread_mutex_unlock(&g_sim.lock);
        if (!faulted && got * 2 >= size && got < size) {
            faulted = 1;
            if (midway_fault(fd, d, session)) {
                free(buf);
                return -1;
            }
        }
    }
    free(buf);
    return ok ? 0 : 1;
}

void sim_asr_run(int fd, struct sim_device *d)
{
    pthread_mutex_lock(&g_sim.lock);
    unsigned session = d->epoch;
    d->rs.asr = 1;
    d->rs.asr_percent = 0;
    pthread_mutex_unlock(&g_sim.lock);
    plist_t init = command("Initiate");
    plist_dict_set_item(init, "Checksum Chunks", plist_new_bool(1));
    plist_t info = asr_send(fd, init) == 0 ? asr_recv(fd) : NULL;
    plist_t pl = info ? plist_dict_get_item(info, "Payload") : NULL;
    uint64_t size = 0;
    sim_dict_uint(pl, "Size", &size);
    plist_free(info);
    if (size == 0) {
        set_result(d, session, 3);
        return;
    }
    struct sim_fault f;
    pthread_mutex_lock(&g_sim.lock);
    int error = current(d, session) && sim_fault_take(d, "asr", &f);
    if (error && strcmp(f.action, "error")) { /* unplug/silent: half-way, not here */
        d->faults[d->nfaults++] = f;
        error = 0;
    }
    pthread_mutex_unlock(&g_sim.lock);
    if (error) { /* the image is refused at validation: a command the host does not know */
        plist_t e = command("Error");
        plist_dict_set_item(e, "Error", plist_new_string("image validation failed"));
        asr_send(fd, e);
        set_result(d, session, 3);
        return;
    }
    unsigned char oob[OOB_LEN];
    uint64_t oob_off = size >= OOB_LEN ? size - OOB_LEN : 0;
    int have_oob = size >= OOB_LEN;
    if (have_oob) {
        plist_t o = command("OOBData");
        plist_dict_set_item(o, "OOB Length", plist_new_uint(OOB_LEN));
        plist_dict_set_item(o, "OOB Offset", plist_new_uint(oob_off));
        if (asr_send(fd, o) != 0 || sim_read_full(fd, oob, OOB_LEN) != 0) {
            set_result(d, session, 3);
            return;
        }
    }
    if (asr_send(fd, command("Payload")) != 0) {
        set_result(d, session, 3);
        return;
    }
    int rc = payload(fd, d, session, size, have_oob ? oob : NULL, oob_off);
    if (rc >= 0)
        set_result(d, session, rc == 0 ? 2 : 3);
}
