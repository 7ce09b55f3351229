/* backup/stream.c - one pass over a content file: SHA-1 of the stored bytes and, for
 * encrypted backups, AES-256-CBC decryption with PKCS#7 check, in a fixed buffer. */
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <string.h>
#include <unistd.h>

#include "backup/backup_private.h"

/* Half of the buffer receives ciphertext, the other half plaintext (EVP may emit one
 * held-back block more than it was given, hence the slack). */
#define CHUNK (BK_BUF_BYTES / 2 - 64)

void rb__bk_stream(rb__bk_stream_result *res, int fd, const uint8_t *key, bool want_sha1, uint8_t *buf,
               rb__bk_sink_fn sink, void *sink_payload, rb__bk_tick_fn tick, void *tick_payload)
{
    static const uint8_t iv[16];
    memset(res, 0, sizeof *res);
    EVP_MD_CTX *md = NULL;
    EVP_CIPHER_CTX *cc = NULL;
    uint8_t *plain = buf + BK_BUF_BYTES / 2;
    if (want_sha1) {
        md = EVP_MD_CTX_new();
        if (!md || EVP_DigestInit_ex(md, EVP_sha1(), NULL) != 1) {
            res->read_errno = ENOMEM;
            goto out;
        }
    }
    if (key) {
        cc = EVP_CIPHER_CTX_new();
        if (!cc || EVP_DecryptInit_ex(cc, EVP_aes_256_cbc(), NULL, key, iv) != 1) {
            res->read_errno = ENOMEM;
            goto out;
        }
    }
#ifdef POSIX_FADV_SEQUENTIAL
    posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    for (;;) {
        ssize_t n = read(fd, buf, CHUNK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            res->read_errno = errno;
            goto out;
        }
        if (n == 0)
            break;
        res->bytes_read += (uint64_t)n;
        if (md)
            EVP_DigestUpdate(md, buf, (size_t)n);
        const uint8_t *out = buf;
        int outl = (int)n;
        if (cc) {
            if (EVP_DecryptUpdate(cc, plain, &outl, buf, (int)n) != 1) {
                res->padding_ok = false;
                goto out;
            }
            out = plain;
        }
        res->plain_len += (uint64_t)outl;
        if (sink && outl > 0 && sink(sink_payload, out, (size_t)outl) < 0) {
            res->sink_failed = true;
            goto out;
        }
        if (tick && tick(tick_payload, (uint64_t)n) < 0) {
            res->cancelled = true;
            goto out;
        }
    }
    if (cc) {
        int outl = 0;
        /* DecryptFinal checks the PKCS#7 pad (1..16 equal bytes) and a whole last block. */
        if (res->bytes_read > 0 && EVP_DecryptFinal_ex(cc, plain, &outl) == 1) {
            res->padding_ok = true;
            res->plain_len += (uint64_t)outl;
            if (sink && outl > 0 && sink(sink_payload, plain, (size_t)outl) < 0)
                res->sink_failed = true;
        }
    } else {
        res->padding_ok = true;
    }
    if (md) {
        unsigned int l = 0;
        EVP_DigestFinal_ex(md, res->sha1, &l);
    }
out:
    EVP_MD_CTX_free(md);
    EVP_CIPHER_CTX_free(cc);
}
