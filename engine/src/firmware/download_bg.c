/* firmware/download_bg.c - the two helpers of a download:
 *  - the hashers (one per digest) read the .part back from the file (page cache) just
 *    behind the writer, so the file is verified as it arrives; they start from byte 0, so
 *    a resumed prefix is re-read from disk and hashed like the rest;
 *  - the syncer makes the written bytes durable every few seconds (fdatasync) and only
 *    then records them as `validated` in the sidecar, without ever blocking the writer. */
#include <errno.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "firmware/download_private.h"

#define HASH_CHUNK (4u << 20)

static void *hasher_main(void *arg)
{
    struct dl_hasher *j = arg;
    struct dl *d = j->d;
#if defined(__linux__)
    /* Behind the network, never in its way: on a small machine the transfer keeps the
     * CPU it needs and hashing takes what is left (per-thread nice on Linux). */
    setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10);
#endif
    unsigned char *buf = malloc(HASH_CHUNK);
    EVP_MD_CTX *mc = EVP_MD_CTX_new();
    int fd = open(d->part, O_RDONLY | O_CLOEXEC);
    int err = (!buf || !mc) ? ENOMEM : fd < 0 ? errno : 0;
    unsigned gen = 0;
    uint64_t h = 0;
    bool init = false;
    pthread_mutex_lock(&d->mu);
    while (!err && !d->stop) {
        if (!init || gen != d->gen) {
            gen = d->gen;
            h = 0;
            init = EVP_DigestInit_ex(mc, j->md, NULL) == 1;
            if (!init) {
                err = -1;
                break;
            }
        }
        if (h < d->avail) {
            uint64_t want = d->avail - h;
            size_t n = want < HASH_CHUNK ? (size_t)want : HASH_CHUNK;
            pthread_mutex_unlock(&d->mu);
            ssize_t r = pread(fd, buf, n, (off_t)h);
            if (r > 0)
                EVP_DigestUpdate(mc, buf, (size_t)r);
            pthread_mutex_lock(&d->mu);
            if (r < 0 && errno != EINTR)
                err = errno;
            else if (r == 0 && gen == d->gen)
                err = EIO;   /* shorter than the writer says: never expected */
            else if (r > 0 && gen == d->gen)
                h += (uint64_t)r;
            j->hashed = h;
            continue;
        }
        if (d->finished && h == d->b->size && gen == d->gen) {
            unsigned int len;
            if (EVP_DigestFinal_ex(mc, j->digest, &len) != 1)
                err = -1;
            else
                j->done = 1;
            break;
        }
        pthread_cond_wait(&d->cv, &d->mu);
    }
    j->err = err;
    pthread_cond_broadcast(&d->cv);
    pthread_mutex_unlock(&d->mu);
    if (fd >= 0)
        close(fd);
    EVP_MD_CTX_free(mc);
    free(buf);
    return NULL;
}

static void *syncer_main(void *arg)
{
    struct dl *d = arg;
    pthread_mutex_lock(&d->mu);
    while (!d->stop) {
        rb__cond_wait_ms(&d->scv, &d->mu, CHECKPOINT_MS);
        if (d->stop)
            break;
        unsigned gen = d->gen;
        uint64_t upto = d->avail;
        if (upto <= d->validated)
            continue;
        pthread_mutex_unlock(&d->mu);
        pthread_mutex_lock(&d->side_mu);
        int ok = fdatasync(d->fd) == 0;
        pthread_mutex_lock(&d->mu);
        bool record = ok && gen == d->gen && upto > d->validated;
        if (record)
            d->validated = upto;
        pthread_mutex_unlock(&d->mu);
        if (record)
            rb__fw_write_sidecar(d);   /* a failure only costs resume distance */
        pthread_mutex_unlock(&d->side_mu);
        pthread_mutex_lock(&d->mu);
    }
    pthread_mutex_unlock(&d->mu);
    return NULL;
}

void rb__fw_dl_bg_start(struct dl *d)
{
    bool want256 = d->b->sha256 && *d->b->sha256;
    for (int i = 0; i < (want256 ? 2 : 1); i++) {
        d->h[i].d = d;
        d->h[i].md = i == 0 ? EVP_sha1() : EVP_sha256();
        d->h[i].on = pthread_create(&d->h[i].t, NULL, hasher_main, &d->h[i]) == 0;
    }
    d->syncer_on = pthread_create(&d->syncer, NULL, syncer_main, d) == 0;
}

static bool hashers_settled(const struct dl *d, int n)
{
    for (int i = 0; i < n; i++)
        if (!d->h[i].done && !d->h[i].err)
            return false;
    return true;
}

rb_status rb__fw_dl_bg_finish(struct dl *d, char sha1[41], char sha256[65])
{
    int n = d->b->sha256 && *d->b->sha256 ? 2 : 1;
    for (int i = 0; i < n; i++)
        if (!d->h[i].on)
            return FW_ERR(d->fw, RB_ERR_GENERIC, "no hasher thread");
    pthread_mutex_lock(&d->mu);
    d->finished = 1;
    pthread_cond_broadcast(&d->cv);
    while (!hashers_settled(d, n)) {
        uint64_t done = d->h[0].hashed;
        if (n == 2 && d->h[1].hashed < done)
            done = d->h[1].hashed;
        pthread_mutex_unlock(&d->mu);
        if (rb__fw_report(d->opts, RB_FIRMWARE_STEP_VERIFY, done, d->b->size) < 0) {
            pthread_mutex_lock(&d->mu);
            d->stop = 1;
            pthread_cond_broadcast(&d->cv);
            pthread_mutex_unlock(&d->mu);
            return FW_ERR(d->fw, RB_ERR_CANCELLED, "verification cancelled");
        }
        pthread_mutex_lock(&d->mu);
        if (hashers_settled(d, n))
            break;
        rb__cond_wait_ms(&d->cv, &d->mu, 100);
    }
    int err = 0;
    for (int i = 0; i < n; i++)
        if (!d->h[i].done)
            err = d->h[i].err ? d->h[i].err : EIO;
    pthread_mutex_unlock(&d->mu);
    if (err)
        return FW_ERR(d->fw, RB_ERR_IO, "reading back %s failed: %s", d->part,
                      err > 0 ? strerror(err) : "crypto");
    rb__hex(d->h[0].digest, 20, sha1);
    if (n == 2)
        rb__hex(d->h[1].digest, 32, sha256);
    else
        sha256[0] = '\0';
    return RB_OK;
}

void rb__fw_dl_bg_stop(struct dl *d)
{
    pthread_mutex_lock(&d->mu);
    d->stop = 1;
    pthread_cond_broadcast(&d->cv);
    pthread_cond_broadcast(&d->scv);
    pthread_mutex_unlock(&d->mu);
    for (int i = 0; i < 2; i++) {
        if (d->h[i].on)
            pthread_join(d->h[i].t, NULL);
        d->h[i].on = 0;
    }
    if (d->syncer_on)
        pthread_join(d->syncer, NULL);
    d->syncer_on = 0;
}
