/* backup/keybag.c - BackupKeyBag TLV parsing and password unlock (PBKDF2 + RFC 3394). */
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

#include "backup/backup_private.h"

/* Hostile keybags could ask for billions of PBKDF2 rounds; real ones use 10 000 and
 * 10 000 000. Beyond these the keybag is refused rather than hanging the counter. */
#define BK_MAX_ITER 10000000u
#define BK_MAX_DPIC 100000000u

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int rb__bk_keybag_parse(rb__bk_keybag *kb, const uint8_t *data, size_t len, char *err, size_t errlen)
{
    memset(kb, 0, sizeof *kb);
    if (!data || len < 8) {
        snprintf(err, errlen, "keybag is empty");
        return -1;
    }
    int uuids = 0;
    long cur = -1; /* class number of the block being read; -1 in the header */
    bool have_salt = false, have_iter = false;
    size_t off = 0;
    while (off + 8 <= len) {
        const uint8_t *tag = data + off;
        uint32_t l = be32(data + off + 4);
        off += 8;
        if (l > len - off) {
            snprintf(err, errlen, "keybag entry %.4s runs past the end", (const char *)tag);
            return -1;
        }
        const uint8_t *v = data + off;
        off += l;
        uint32_t u = l == 4 ? be32(v) : 0;
        if (!memcmp(tag, "UUID", 4)) {
            /* The first UUID names the bag; every later one opens a class block. */
            if (uuids++ > 0)
                cur = 0;
        } else if (cur < 0) {
            if (!memcmp(tag, "VERS", 4)) kb->vers = u;
            else if (!memcmp(tag, "TYPE", 4)) kb->type = u;
            else if (!memcmp(tag, "ITER", 4)) { kb->iter = u; have_iter = l == 4; }
            else if (!memcmp(tag, "DPIC", 4)) { kb->dpic = u; kb->has_dp = true; }
            else if (!memcmp(tag, "SALT", 4) && l <= sizeof kb->salt) {
                memcpy(kb->salt, v, l);
                kb->salt_len = l;
                have_salt = true;
            } else if (!memcmp(tag, "DPSL", 4) && l <= sizeof kb->dpsl) {
                memcpy(kb->dpsl, v, l);
                kb->dpsl_len = l;
            }
        } else {
            if (!memcmp(tag, "CLAS", 4)) {
                if (l != 4 || u == 0 || u >= BK_MAX_CLASSES) {
                    snprintf(err, errlen, "keybag class number out of range");
                    return -1;
                }
                cur = (long)u;
                kb->cls[cur].present = true;
            } else if (cur > 0 && !memcmp(tag, "WRAP", 4)) {
                kb->cls[cur].wrap = u;
            } else if (cur > 0 && !memcmp(tag, "WPKY", 4)) {
                if (l != 40) {
                    snprintf(err, errlen, "keybag class %ld key is %u bytes, not 40", cur, l);
                    return -1;
                }
                memcpy(kb->cls[cur].wpky, v, 40);
                kb->cls[cur].has_wpky = true;
            }
        }
    }
    if (off != len) {
        snprintf(err, errlen, "keybag has %zu trailing bytes", len - off);
        return -1;
    }
    if (!have_salt || !have_iter || kb->iter == 0) {
        snprintf(err, errlen, "keybag has no SALT/ITER");
        return -1;
    }
    if (kb->iter > BK_MAX_ITER || (kb->has_dp && (kb->dpic == 0 || kb->dpic > BK_MAX_DPIC))) {
        snprintf(err, errlen, "keybag asks for an unreasonable number of rounds");
        return -1;
    }
    int ncls = 0;
    for (int i = 0; i < BK_MAX_CLASSES; i++)
        ncls += kb->cls[i].present && kb->cls[i].has_wpky;
    if (ncls == 0) {
        snprintf(err, errlen, "keybag has no class keys");
        return -1;
    }
    return 0;
}

int rb__bk_aes_unwrap(const uint8_t kek[32], const uint8_t in[40], uint8_t out[32])
{
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    if (!c)
        return -1;
    int ok = 0, n = 0, m = 0;
    EVP_CIPHER_CTX_set_flags(c, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    if (EVP_DecryptInit_ex(c, EVP_aes_256_wrap(), NULL, kek, NULL) == 1 &&
        EVP_DecryptUpdate(c, out, &n, in, 40) == 1 && n == 32 &&
        EVP_DecryptFinal_ex(c, out + n, &m) == 1)
        ok = 1;
    EVP_CIPHER_CTX_free(c);
    if (!ok)
        OPENSSL_cleanse(out, 32); /* a partial unwrap is still key material */
    return ok ? 0 : -1;
}

rb_status rb__bk_keybag_unlock(rb__bk_keybag *kb, const char *password, size_t password_len)
{
    uint8_t k1[32], kek[32];
    const uint8_t *pw = (const uint8_t *)password;
    size_t pwlen = password_len;
    if (kb->has_dp) {
        if (!PKCS5_PBKDF2_HMAC(password, (int)password_len, kb->dpsl, (int)kb->dpsl_len,
                               (int)kb->dpic, EVP_sha256(), 32, k1)) {
            OPENSSL_cleanse(k1, sizeof k1);
            return RB_ERR_GENERIC;
        }
        pw = k1;
        pwlen = 32;
    }
    if (!PKCS5_PBKDF2_HMAC((const char *)pw, (int)pwlen, kb->salt, (int)kb->salt_len,
                           (int)kb->iter, EVP_sha1(), 32, kek)) {
        OPENSSL_cleanse(k1, sizeof k1);
        OPENSSL_cleanse(kek, sizeof kek);
        return RB_ERR_GENERIC;
    }
    OPENSSL_cleanse(k1, sizeof k1);
    int unlocked = 0, tried = 0;
    for (int i = 0; i < BK_MAX_CLASSES; i++) {
        if (!kb->cls[i].present || !kb->cls[i].has_wpky || !(kb->cls[i].wrap & 2))
            continue;
        tried++;
        if (rb__bk_aes_unwrap(kek, kb->cls[i].wpky, kb->cls[i].key) == 0) {
            kb->cls[i].unlocked = true;
            unlocked++;
        }
    }
    OPENSSL_cleanse(kek, sizeof kek);
    if (tried == 0)
        return RB_ERR_CORRUPT;
    /* The RFC 3394 integrity value is the password check: all fail = wrong password. */
    return unlocked ? RB_OK : RB_ERR_PASSWORD;
}

int rb__bk_keybag_unwrap(const rb__bk_keybag *kb, const uint8_t *wrapped, size_t len, uint8_t key[32])
{
    if (len != 44)
        return -1;
    uint32_t cls = (uint32_t)wrapped[0] | (uint32_t)wrapped[1] << 8 |
                   (uint32_t)wrapped[2] << 16 | (uint32_t)wrapped[3] << 24;
    if (cls >= BK_MAX_CLASSES || !kb->cls[cls].unlocked)
        return -1;
    return rb__bk_aes_unwrap(kb->cls[cls].key, wrapped + 4, key);
}

void rb__bk_keybag_wipe(rb__bk_keybag *kb)
{
    OPENSSL_cleanse(kb, sizeof *kb);
}
