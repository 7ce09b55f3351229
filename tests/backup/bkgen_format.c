/* bkgen_format.c - key wrapping, CBC encryption, fileIDs and MBFile records for the
 * fixture generator. */
#include "bkgen_format.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

int bkgen_aes_wrap(const uint8_t kek[32], const uint8_t key[32], uint8_t out[40])
{
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int n = 0, m = 0, ok;
    EVP_CIPHER_CTX_set_flags(c, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    ok = EVP_EncryptInit_ex(c, EVP_aes_256_wrap(), NULL, kek, NULL) == 1 &&
         EVP_EncryptUpdate(c, out, &n, key, 32) == 1 && EVP_EncryptFinal_ex(c, out + n, &m) == 1 &&
         n + m == 40;
    EVP_CIPHER_CTX_free(c);
    return ok ? 0 : -1;
}

size_t bkgen_aes_cbc(const uint8_t key[32], const uint8_t *in, size_t len, uint8_t *out)
{
    static const uint8_t iv[16];
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int n = 0, m = 0;
    EVP_EncryptInit_ex(c, EVP_aes_256_cbc(), NULL, key, iv);
    EVP_EncryptUpdate(c, out, &n, in, (int)len);
    EVP_EncryptFinal_ex(c, out + n, &m);
    EVP_CIPHER_CTX_free(c);
    return (size_t)(n + m);
}

void bkgen_sha1_hex(const char *domain, const char *rel, char out[41])
{
    uint8_t md[20];
    EVP_MD_CTX *c = EVP_MD_CTX_new();
    EVP_DigestInit_ex(c, EVP_sha1(), NULL);
    EVP_DigestUpdate(c, domain, strlen(domain));
    EVP_DigestUpdate(c, "-", 1);
    EVP_DigestUpdate(c, rel, strlen(rel));
    EVP_DigestFinal_ex(c, md, NULL);
    EVP_MD_CTX_free(c);
    for (int i = 0; i < 20; i++)
        sprintf(out + 2 * i, "%02x", md[i]);
}

/* NSKeyedArchiver MBFile, laid out like real records. */
plist_t bkgen_mbfile(const char *rel, uint64_t size, int64_t mode, int pclass, const uint8_t *digest,
                      const uint8_t *key44, const char *target)
{
    plist_t objs = plist_new_array();
    plist_array_append_item(objs, plist_new_string("$null"));
    plist_t f = plist_new_dict();
    plist_array_append_item(objs, f);
    plist_dict_set_item(f, "Size", plist_new_uint(size));
    plist_dict_set_item(f, "Mode", plist_new_uint((uint64_t)mode));
    plist_dict_set_item(f, "ProtectionClass", plist_new_uint((uint64_t)pclass));
    plist_dict_set_item(f, "LastModified", plist_new_uint(1700000000));
    plist_dict_set_item(f, "LastStatusChange", plist_new_uint(1700000000));
    plist_dict_set_item(f, "Birth", plist_new_uint(1700000000));
    plist_dict_set_item(f, "InodeNumber", plist_new_uint(12345));
    plist_dict_set_item(f, "UserID", plist_new_uint(501));
    plist_dict_set_item(f, "GroupID", plist_new_uint(501));
    plist_dict_set_item(f, "Flags", plist_new_uint(0));
    plist_array_append_item(objs, plist_new_string(rel));
    plist_dict_set_item(f, "RelativePath", plist_new_uid(2));
    uint32_t next = 3;
    if (digest) {
        plist_array_append_item(objs, plist_new_data((const char *)digest, 20));
        plist_dict_set_item(f, "Digest", plist_new_uid(next++));
    }
    if (target) {
        plist_array_append_item(objs, plist_new_string(target));
        plist_dict_set_item(f, "Target", plist_new_uid(next++));
    }
    uint32_t cls = next++;
    plist_t mbcls = plist_new_dict();
    plist_dict_set_item(mbcls, "$classname", plist_new_string("MBFile"));
    plist_t arr = plist_new_array();
    plist_array_append_item(arr, plist_new_string("MBFile"));
    plist_array_append_item(arr, plist_new_string("NSObject"));
    plist_dict_set_item(mbcls, "$classes", arr);
    plist_array_append_item(objs, mbcls);
    if (key44) {
        plist_t kd = plist_new_dict();
        plist_dict_set_item(kd, "NS.data", plist_new_data((const char *)key44, 44));
        plist_dict_set_item(kd, "$class", plist_new_uid(next + 1));
        plist_array_append_item(objs, kd);
        plist_dict_set_item(f, "EncryptionKey", plist_new_uid(next));
        plist_t dc = plist_new_dict();
        plist_dict_set_item(dc, "$classname", plist_new_string("NSMutableData"));
        plist_t a2 = plist_new_array();
        plist_array_append_item(a2, plist_new_string("NSMutableData"));
        plist_array_append_item(a2, plist_new_string("NSData"));
        plist_array_append_item(a2, plist_new_string("NSObject"));
        plist_dict_set_item(dc, "$classes", a2);
        plist_array_append_item(objs, dc);
    }
    plist_dict_set_item(f, "$class", plist_new_uid(cls));
    plist_t root = plist_new_dict();
    plist_dict_set_item(root, "$version", plist_new_uint(100000));
    plist_dict_set_item(root, "$archiver", plist_new_string("NSKeyedArchiver"));
    plist_t top = plist_new_dict();
    plist_dict_set_item(top, "root", plist_new_uid(1));
    plist_dict_set_item(root, "$top", top);
    plist_dict_set_item(root, "$objects", objs);
    return root;
}


void bkgen_mbfile_set_digest(plist_t root, const uint8_t *digest, size_t len)
{
    plist_t objs = plist_dict_get_item(root, "$objects");
    plist_t f = plist_array_get_item(objs, 1);
    plist_t ref = f ? plist_dict_get_item(f, "Digest") : NULL;
    uint64_t uid = 0;
    if (!ref)
        return;
    plist_get_uid_val(ref, &uid);
    plist_array_set_item(objs, plist_new_data((const char *)digest, len), (uint32_t)uid);
}

uint64_t bkgen_rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

void bkgen_fill(uint64_t *s, uint8_t *p, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t r = bkgen_rnd(s);
        memcpy(p + i, &r, 8);
    }
    for (; i < n; i++)
        p[i] = (uint8_t)bkgen_rnd(s);
}

void bkgen_tlv(uint8_t **w, const char *tag, const void *v, uint32_t len)
{
    memcpy(*w, tag, 4);
    (*w)[4] = (uint8_t)(len >> 24);
    (*w)[5] = (uint8_t)(len >> 16);
    (*w)[6] = (uint8_t)(len >> 8);
    (*w)[7] = (uint8_t)len;
    memcpy(*w + 8, v, len);
    *w += 8 + len;
}

void bkgen_tlv32(uint8_t **w, const char *tag, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
    bkgen_tlv(w, tag, b, 4);
}

bool bkgen_system_domain(const char *d)
{
    return !strcmp(d, "HomeDomain") || !strcmp(d, "HealthDomain") || !strcmp(d, "KeychainDomain") ||
           !strcmp(d, "WirelessDomain");
}
