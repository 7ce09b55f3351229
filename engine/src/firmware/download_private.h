/* firmware/download_private.h - state of one download, shared by download.c (the transfer) and
 * download_bg.c (its hasher and syncer threads). Not installed. */
#ifndef RB_FIRMWARE_DOWNLOAD_PRIVATE_H
#define RB_FIRMWARE_DOWNLOAD_PRIVATE_H

#include <openssl/evp.h>
#include <pthread.h>

#include "firmware/firmware_private.h"

#define CHECKPOINT_MS 5000

struct dl {
    rb_firmware *fw;
    const rb_firmware_build *b;
    const rb_firmware_fetch_options *opts;
    int fd;
    char *part, *side;
    char boot[64];
    /* `mu` guards offset/avail/validated/gen/etag/lm/stop/finished between the transfer
     * (writer) and the threads; `side_mu` serializes fdatasync + sidecar writes. */
    pthread_mutex_t mu, side_mu;
    pthread_cond_t cv, scv;
    uint64_t offset, avail, validated;
    unsigned gen;                  /* bumped when the .part restarts from zero */
    char etag[256], lm[128];
    int stop, finished;
    /* background threads: one hasher per digest (SHA-1, SHA-256), so that on a multi-core
     * machine verifying keeps up with a fast network */
    struct dl_hasher {
        struct dl *d;
        const EVP_MD *md;
        pthread_t t;
        int on, done, err;         /* err: errno, -1 crypto */
        uint64_t hashed;
        unsigned char digest[EVP_MAX_MD_SIZE];
    } h[2];
    pthread_t syncer;
    int syncer_on;
    /* the response being received (transfer thread only) */
    long status;
    char r_etag[256], r_lm[128];
    int have_cr, body_started, cancelled;
    uint64_t errbody;              /* bytes of an error page, discarded */
    int errbody_cut;               /* ... and cut off at FW_ERROR_BODY_MAX */
    uint64_t deadline_ms;          /* rb__now_ms time the whole download must end by; 0 none */
    int max_s;
    uint64_t cr_start, cr_total;
    int64_t clen;
    rb_status werr;
    char werrmsg[600];
    uint64_t downloaded;
};

void rb__fw_boot_id(char out[64]);
int rb__fw_write_sidecar(struct dl *d);
void rb__fw_dl_bg_start(struct dl *d);
/* Waits for the hasher to reach the end; fills the digests (sha256 "" if not wanted). */
rb_status rb__fw_dl_bg_finish(struct dl *d, char sha1[41], char sha256[65]);
void rb__fw_dl_bg_stop(struct dl *d);

#endif
