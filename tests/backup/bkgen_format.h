/* bkgen_format.h - the generator's building blocks for Apple's formats (bkgen_format.c). */
#ifndef BKGEN_FORMAT_H
#define BKGEN_FORMAT_H

#include <plist/plist.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* RFC 3394 wrap of a 32-byte key; 0 on success. */
int bkgen_aes_wrap(const uint8_t kek[32], const uint8_t key[32], uint8_t out[40]);
/* AES-256-CBC, IV 0, PKCS#7; out must hold len + 16. Returns the ciphertext length. */
size_t bkgen_aes_cbc(const uint8_t key[32], const uint8_t *in, size_t len, uint8_t *out);
/* fileID: lowercase hex SHA-1 of "domain-relativePath". */
void bkgen_sha1_hex(const char *domain, const char *rel, char out[41]);
/* NSKeyedArchiver MBFile record laid out like real ones. */
plist_t bkgen_mbfile(const char *rel, uint64_t size, int64_t mode, int pclass, const uint8_t *digest,
                     const uint8_t *key44, const char *target);
/* Replaces the record's Digest (it must have one) with `len` bytes. */
void bkgen_mbfile_set_digest(plist_t root, const uint8_t *digest, size_t len);
/* xorshift64: deterministic fixture bytes from a seed. */
uint64_t bkgen_rnd(uint64_t *state);
void bkgen_fill(uint64_t *state, uint8_t *p, size_t n);
/* Keybag TLV entry: tag, u32 BE length, value; *w advances. */
void bkgen_tlv(uint8_t **w, const char *tag, const void *v, uint32_t len);
void bkgen_tlv32(uint8_t **w, const char *tag, uint32_t v);
/* Domains whose files carry a SHA-1 in real backups (HomeDomain and the like). */
bool bkgen_system_domain(const char *domain);

#endif
