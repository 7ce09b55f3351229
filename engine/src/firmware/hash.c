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

#include "firmware/fw_internal.h"

#define HASH_CHUNK (4u << 20)

struct hash_job {
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
    struct hash_job j1 = {.path = path, .md = EVP_sha1(), .stop = &stop};
    struct hash_job j2 = {.path = path, .md = EVP_sha256(), .stop = &stop};
    atomic_init(&j1.done, 0);
    atomic_init(&j2.done, 0);
    pthread_t t1, t2;
    if (pthread_create(&t1, NULL, hash_run, &j1) != 0)
        return FW_ERR(fw, RB_ERR_GENERIC, "cannot start a thread");
    bool two = want256 && pthread_create(&t2, NULL, hash_run, &j2) == 0;
    rb_status st = RB_OK;
    /* Poll for progress and cancellation; the hashing threads never call back. */
    for (;;) {
        uint64_t d1 = atomic_load(&j1.done), d2 = two ? atomic_load(&j2.done) : d1;
        uint64_t d = d1 < d2 ? d1 : d2;
        if (rb__fw_report(opts, RB_FIRMWARE_STEP_VERIFY, d, total) < 0) {
            atomic_store(&stop, 1);
            st = RB_ERR_CANCELLED;
            break;
        }
        if (d >= total)
            break;
        struct timespec ts = {0, 50 * 1000 * 1000};
        nanosleep(&ts, NULL);
        if (j1.err || (two && j2.err))
            break;
    }
    pthread_join(t1, NULL);
    if (two)
        pthread_join(t2, NULL);
    if (st == RB_ERR_CANCELLED)
        return FW_ERR(fw, st, "verification cancelled");
    int err = j1.err ? j1.err : (two ? j2.err : 0);
    if (err == -1)
        return FW_ERR(fw, RB_ERR_GENERIC, "hashing failed (libcrypto)");
    if (err)
        return FW_ERR(fw, rb__status_from_errno(err), "cannot read %s: %s", path, strerror(err));
    if (want256 && !two)
        hash_run(&j2);
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
