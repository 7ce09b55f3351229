/* firmware/hash.c - SHA-1 and SHA-256 of a whole file, the two in parallel threads so
 * that verifying costs the time of the slower one, not of both. */
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "firmware/firmware_private.h"

#define HASH_CHUNK (4u << 20)

/* Lets the waiting caller wake the moment the last hasher ends (instead of at its next
 * progress tick, which cost up to a tick per verify). */
struct hash_sync {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int running;
};

struct hash_job {
    struct hash_sync *sync;
    const char *path;
    const EVP_MD *md;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int dlen;
    int err;                       /* errno, or -1 for a crypto failure */
    atomic_uint_fast64_t done;
    atomic_int *stop;
};

static void *hash_run(void *arg)
{
    struct hash_job *j = arg;
    unsigned char *buf = malloc(HASH_CHUNK);
    EVP_MD_CTX *mc = EVP_MD_CTX_new();
    int fd = open(j->path, O_RDONLY | O_CLOEXEC);
    if (!buf || !mc || fd < 0) {
        j->err = fd < 0 ? errno : ENOMEM;
        goto out;
    }
#ifdef POSIX_FADV_SEQUENTIAL
    posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    if (EVP_DigestInit_ex(mc, j->md, NULL) != 1) {
        j->err = -1;
        goto out;
    }
    for (;;) {
        if (atomic_load(j->stop)) {
            j->err = ECANCELED;
            break;
        }
        ssize_t n = read(fd, buf, HASH_CHUNK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            j->err = errno;
            break;
        }
        if (n == 0) {
            if (EVP_DigestFinal_ex(mc, j->digest, &j->dlen) != 1)
                j->err = -1;
            break;
        }
        if (EVP_DigestUpdate(mc, buf, (size_t)n) != 1) {
            j->err = -1;
            break;
        }
        atomic_fetch_add(&j->done, (uint64_t)n);
    }
out:
    if (fd >= 0)
        close(fd);
    EVP_MD_CTX_free(mc);
    free(buf);
    if (j->sync) {
        pthread_mutex_lock(&j->sync->mu);
        j->sync->running--;
        pthread_cond_broadcast(&j->sync->cv);
        pthread_mutex_unlock(&j->sync->mu);
    }
    return NULL;
}

int rb__fw_report(const rb_firmware_fetch_options *opts, int step, uint64_t done,
                  uint64_t total)
{
    if (!opts || !opts->progress)
        return 0;
    rb_progress p = {RB_PROGRESS_VERSION, step, total ? (double)done / (double)total : -1.0,
                     done, total, 0, 0};
    return opts->progress(&p, opts->payload);
}

rb_status rb__fw_hash_file(rb_firmware *fw, const char *path, bool want256, char sha1[41],
                           char sha256[65], uint64_t *size_out,
                           const rb_firmware_fetch_options *opts)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return FW_ERR(fw, rb__status_from_errno(errno), "cannot read %s: %s", path,
                      strerror(errno));
    uint64_t total = (uint64_t)sb.st_size;
    atomic_int stop = 0;
    struct hash_sync sync = {.running = 1};
    pthread_mutex_init(&sync.mu, NULL);
    pthread_cond_init(&sync.cv, NULL);
    struct hash_job j1 = {.sync = &sync, .path = path, .md = EVP_sha1(), .stop = &stop};
    struct hash_job j2 = {.sync = &sync, .path = path, .md = EVP_sha256(), .stop = &stop};
    atomic_init(&j1.done, 0);
    atomic_init(&j2.done, 0);
    pthread_t t1, t2;
    if (pthread_create(&t1, NULL, hash_run, &j1) != 0) {
        pthread_mutex_destroy(&sync.mu);
        pthread_cond_destroy(&sync.cv);
        return FW_ERR(fw, RB_ERR_GENERIC, "cannot start a thread");
    }
    pthread_mutex_lock(&sync.mu);
    sync.running++;
    pthread_mutex_unlock(&sync.mu);
    bool two = want256 && pthread_create(&t2, NULL, hash_run, &j2) == 0;
    if (!two) {
        pthread_mutex_lock(&sync.mu);
        sync.running--;
        pthread_mutex_unlock(&sync.mu);
    }
    rb_status st = RB_OK;
    /* Progress and cancellation every 50 ms; the hashing threads never call back. */
    pthread_mutex_lock(&sync.mu);
    while (sync.running > 0) {
        pthread_mutex_unlock(&sync.mu);
        uint64_t d1 = atomic_load(&j1.done), d2 = two ? atomic_load(&j2.done) : d1;
        if (rb__fw_report(opts, RB_FIRMWARE_STEP_VERIFY, d1 < d2 ? d1 : d2, total) < 0) {
            atomic_store(&stop, 1);
            st = RB_ERR_CANCELLED;
            pthread_mutex_lock(&sync.mu);
            break;
        }
        pthread_mutex_lock(&sync.mu);
        if (sync.running > 0)
            rb__cond_wait_ms(&sync.cv, &sync.mu, 50);
    }
    pthread_mutex_unlock(&sync.mu);
    pthread_join(t1, NULL);
    if (two)
        pthread_join(t2, NULL);
    pthread_mutex_destroy(&sync.mu);
    pthread_cond_destroy(&sync.cv);
    if (st == RB_ERR_CANCELLED)
        return FW_ERR(fw, st, "verification cancelled");
    int err = j1.err ? j1.err : (two ? j2.err : 0);
    if (err == -1)
        return FW_ERR(fw, RB_ERR_GENERIC, "hashing failed (libcrypto)");
    if (err)
        return FW_ERR(fw, rb__status_from_errno(err), "cannot read %s: %s", path, strerror(err));
    if (want256 && !two) {
        j2.sync = NULL;
        hash_run(&j2);
    }
    if (want256 && j2.err)
        return FW_ERR(fw, RB_ERR_IO, "cannot hash %s", path);
    rb__hex(j1.digest, 20, sha1);
    if (sha256) {
        if (want256)
            rb__hex(j2.digest, 32, sha256);
        else
            sha256[0] = '\0';
    }
    if (size_out)
        *size_out = atomic_load(&j1.done);
    return RB_OK;
}
