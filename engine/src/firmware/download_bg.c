/* firmware/download_bg.c - the two helpers of a download:
 *  - the hasher reads the .part back from the file (page cache) just behind the writer
 *    and computes SHA-1/SHA-256, so the file is verified as it arrives; it starts from
 *    byte 0, so a resumed prefix is re-read from disk and hashed like the rest;
 *  - the syncer makes the written bytes durable every few seconds (fdatasync) and only
 *    then records them as `validated` in the sidecar, without ever blocking the writer. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "firmware/download.h"

#define HASH_CHUNK (4u << 20)

static void *hasher_main(void *arg)
{
    struct dl *d = arg;
    bool want256 = d->b->sha256 && *d->b->sha256;
    unsigned char *buf = malloc(HASH_CHUNK);
    EVP_MD_CTX *m1 = EVP_MD_CTX_new(), *m2 = EVP_MD_CTX_new();
    int fd = open(d->part, O_RDONLY | O_CLOEXEC);
    int err = (!buf || !m1 || !m2) ? ENOMEM : fd < 0 ? errno : 0;
    unsigned gen = 0;
    uint64_t h = 0;
    bool init = false;
    pthread_mutex_lock(&d->mu);
    while (!err && !d->stop) {
        if (!init || gen != d->gen) {
            gen = d->gen;
            h = 0;
            init = EVP_DigestInit_ex(m1, EVP_sha1(), NULL) == 1 &&
                   (!want256 || EVP_DigestInit_ex(m2, EVP_sha256(), NULL) == 1);
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
            if (r > 0) {
                EVP_DigestUpdate(m1, buf, (size_t)r);
                if (want256)
                    EVP_DigestUpdate(m2, buf, (size_t)r);
            }
            pthread_mutex_lock(&d->mu);
            if (r < 0 && errno != EINTR)
                err = errno;
            else if (r == 0 && gen == d->gen)
                err = EIO;   /* shorter than the writer says: never expected */
            else if (r > 0 && gen == d->gen)
                h += (uint64_t)r;
            d->hashed = h;
            continue;
        }
        if (d->finished && h == d->b->size && gen == d->gen) {
            unsigned int len;
            EVP_DigestFinal_ex(m1, d->d1, &len);
            if (want256)
                EVP_DigestFinal_ex(m2, d->d256, &len);
            d->hdone = 1;
            break;
        }
        pthread_cond_wait(&d->cv, &d->mu);
    }
    d->herr = err;
    pthread_cond_broadcast(&d->cv);
    pthread_mutex_unlock(&d->mu);
    if (fd >= 0)
        close(fd);
    EVP_MD_CTX_free(m1);
    EVP_MD_CTX_free(m2);
    free(buf);
    return NULL;
}

static void *syncer_main(void *arg)
{
    struct dl *d = arg;
    pthread_mutex_lock(&d->mu);
    while (!d->stop) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += CHECKPOINT_MS / 1000;
        pthread_cond_timedwait(&d->scv, &d->mu, &ts);
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
    d->hasher_on = pthread_create(&d->hasher, NULL, hasher_main, d) == 0;
    d->syncer_on = pthread_create(&d->syncer, NULL, syncer_main, d) == 0;
}

rb_status rb__fw_dl_bg_finish(struct dl *d, char sha1[41], char sha256[65])
{
    if (!d->hasher_on)
        return FW_ERR(d->fw, RB_ERR_GENERIC, "no hasher thread");
    pthread_mutex_lock(&d->mu);
    d->finished = 1;
    pthread_cond_broadcast(&d->cv);
    while (!d->hdone && !d->herr) {
        pthread_mutex_unlock(&d->mu);
        if (rb__fw_report(d->opts, RB_FIRMWARE_STEP_VERIFY, d->hashed, d->b->size) < 0) {
            pthread_mutex_lock(&d->mu);
            d->stop = 1;
            pthread_cond_broadcast(&d->cv);
            pthread_mutex_unlock(&d->mu);
            return FW_ERR(d->fw, RB_ERR_CANCELLED, "verification cancelled");
        }
        pthread_mutex_lock(&d->mu);
        if (d->hdone || d->herr)
            break;
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 100 * 1000 * 1000;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&d->cv, &d->mu, &ts);
    }
    int herr = d->herr, done = d->hdone;
    pthread_mutex_unlock(&d->mu);
    if (!done)
        return FW_ERR(d->fw, RB_ERR_IO, "reading back %s failed: %s", d->part,
                      herr > 0 ? strerror(herr) : "crypto");
    rb__hex(d->d1, 20, sha1);
    if (d->b->sha256 && *d->b->sha256)
        rb__hex(d->d256, 32, sha256);
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
    if (d->hasher_on)
        pthread_join(d->hasher, NULL);
    if (d->syncer_on)
        pthread_join(d->syncer, NULL);
    d->hasher_on = d->syncer_on = 0;
}
