/* pki.c - the keys and certificates a device and a pre-paired host need, made at start-up.
 * One key set is shared by all simulated devices. RSA-2048 generation is slow (up to 0.7 s
 * a key), so only the root key is RSA-2048, made only when a scenario has pre-paired devices
 * (libimobiledevice 1.3.0 loads RootPrivateKey as RSA: it is its TLS client key). The TLS
 * server key is P-256 (the client does not check it). DevicePublicKey must be PKCS#1 RSA,
 * but nothing ever uses its private half, so a quick 1024-bit key does. */
#include "sim.h"

#include <openssl/bio.h>
#include <openssl/encoder.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *bio_take(BIO *b, size_t *len)
{
    char *data = NULL;
    long n = BIO_get_mem_data(b, &data);
    char *out = NULL;
    if (n >= 0 && (out = malloc((size_t)n + 1))) {
        memcpy(out, data, (size_t)n);
        out[n] = 0;
        if (len)
            *len = (size_t)n;
    }
    BIO_free(b);
    return out;
}

/* Type-specific PEM: PKCS#1 "RSA PUBLIC KEY" as lockdownd publishes it, "EC PRIVATE KEY". */
static char *key_pem(EVP_PKEY *k, int priv, size_t *len)
{
    BIO *b = BIO_new(BIO_s_mem());
    OSSL_ENCODER_CTX *ec = OSSL_ENCODER_CTX_new_for_pkey(
        k, priv ? OSSL_KEYMGMT_SELECT_KEYPAIR : OSSL_KEYMGMT_SELECT_PUBLIC_KEY, "PEM",
        "type-specific", NULL);
    int ok = ec && b && OSSL_ENCODER_to_bio(ec, b) == 1;
    OSSL_ENCODER_CTX_free(ec);
    if (!ok) {
        BIO_free(b);
        return NULL;
    }
    return bio_take(b, len);
}

static char *cert_pem(X509 *c, size_t *len)
{
    BIO *b = BIO_new(BIO_s_mem());
    if (!b || PEM_write_bio_X509(b, c) != 1) {
        BIO_free(b);
        return NULL;
    }
    return bio_take(b, len);
}

static X509 *make_cert(EVP_PKEY *subject_key, const char *cn, X509 *issuer, EVP_PKEY *issuer_key,
                       int ca)
{
    X509 *c = X509_new();
    if (!c)
        return NULL;
    X509_set_version(c, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(c), ca ? 1 : 2);
    X509_gmtime_adj(X509_getm_notBefore(c), -86400L);
    X509_gmtime_adj(X509_getm_notAfter(c), 86400L * 3650);
    X509_set_pubkey(c, subject_key);
    X509_NAME *n = X509_get_subject_name(c);
    X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC, (const unsigned char *)cn, -1, -1, 0);
    X509_set_issuer_name(c, issuer ? X509_get_subject_name(issuer) : n);
    X509V3_CTX v3;
    X509V3_set_ctx(&v3, issuer ? issuer : c, c, NULL, NULL, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(NULL, &v3, NID_basic_constraints,
                                              ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
    if (ext) {
        X509_add_ext(c, ext, -1);
        X509_EXTENSION_free(ext);
    }
    if (X509_sign(c, issuer_key, EVP_sha256()) <= 0) {
        X509_free(c);
        return NULL;
    }
    return c;
}

int sim_pki_init(void)
{
    struct sim *s = &g_sim;
    int any_paired = 0;
    for (int i = 0; i < s->ndev; i++)
        any_paired |= s->dev[i].p.paired;
    EVP_PKEY *published = EVP_RSA_gen(1024);
    s->device_key = EVP_EC_gen("P-256");
    s->root_key = any_paired ? EVP_RSA_gen(2048) : EVP_EC_gen("P-256");
    s->host_key = EVP_EC_gen("P-256");
    if (!published || !s->device_key || !s->root_key || !s->host_key) {
        EVP_PKEY_free(published);
        return -1;
    }
    s->device_pubkey_pem = key_pem(published, 0, NULL);
    EVP_PKEY_free(published);
    s->root_cert = make_cert(s->root_key, "Root Certification Authority", NULL, s->root_key, 1);
    if (!s->root_cert)
        return -1;
    s->host_cert = make_cert(s->host_key, "rescuebay-sim host", s->root_cert, s->root_key, 0);
    s->device_cert = make_cert(s->device_key, "rescuebay-sim device", s->root_cert, s->root_key, 0);
    if (!s->host_cert || !s->device_cert || !s->device_pubkey_pem)
        return -1;
    unsigned char r[16];
    RAND_bytes(r, sizeof r);
    snprintf(s->host_id, sizeof s->host_id,
             "%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-%02X%02X%02X%02X%02X%02X", r[0], r[1],
             r[2], r[3], r[4], r[5], (r[6] & 0x0f) | 0x40, r[7], (r[8] & 0x3f) | 0x80, r[9], r[10],
             r[11], r[12], r[13], r[14], r[15]);
    return 0;
}

static void dict_pem(plist_t d, const char *key, char *pem, size_t len)
{
    if (pem)
        plist_dict_set_item(d, key, plist_new_data(pem, len));
    free(pem);
}

plist_t sim_pki_pair_record(const struct sim_device *d)
{
    struct sim *s = &g_sim;
    size_t len = 0;
    char *pem;
    plist_t rec = plist_new_dict();
    pem = cert_pem(s->device_cert, &len);
    dict_pem(rec, "DeviceCertificate", pem, len);
    pem = cert_pem(s->host_cert, &len);
    dict_pem(rec, "HostCertificate", pem, len);
    pem = key_pem(s->host_key, 1, &len);
    dict_pem(rec, "HostPrivateKey", pem, len);
    pem = cert_pem(s->root_cert, &len);
    dict_pem(rec, "RootCertificate", pem, len);
    pem = key_pem(s->root_key, 1, &len);
    dict_pem(rec, "RootPrivateKey", pem, len);
    plist_dict_set_item(rec, "HostID", plist_new_string(s->host_id));
    plist_dict_set_item(rec, "SystemBUID", plist_new_string(s->buid));
    plist_dict_set_item(rec, "WiFiMACAddress", plist_new_string(d->p.wifi_mac));
    unsigned char bag[32];
    RAND_bytes(bag, sizeof bag);
    plist_dict_set_item(rec, "EscrowBag", plist_new_data((const char *)bag, sizeof bag));
    return rec;
}

X509 *sim_pki_x509_from_pem(const char *pem, size_t len)
{
    if (!pem || len == 0 || len > (1u << 20))
        return NULL;
    BIO *b = BIO_new_mem_buf(pem, (int)len);
    X509 *c = b ? PEM_read_bio_X509(b, NULL, NULL, NULL) : NULL;
    BIO_free(b);
    return c;
}
