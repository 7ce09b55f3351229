/*
 * bkgen.h - writes iTunes/Finder backups in Apple's format (iOS 10.2+ layout: Info,
 * Manifest and Status plists, Manifest.db with NSKeyedArchiver MBFile records, 00..ff
 * content folders), plain or encrypted (keybag, ManifestKey, per-file keys), and damages
 * them on request. Independent of the verifier's code: it shares only the libraries.
 */
#ifndef BKGEN_H
#define BKGEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct bkgen_opts {
    const char *dir;            /* created; must not exist or be empty */
    unsigned files;             /* generic file rows besides the named ones (one per category) */
    uint64_t file_size;         /* average content size of generic files */
    bool encrypted;
    const char *password;       /* default "kiosk-test-1234" */
    uint32_t dpic;              /* PBKDF2-SHA256 rounds; default 1000 (real: 10 000 000) */
    uint32_t iter;              /* PBKDF2-SHA1 rounds; default 10 000 */
    bool digest_all;            /* Digest on every file (default: HomeDomain-like only) */
    const char *ios;            /* default "17.5.1" */
    const char *product_type;   /* default "iPhone14,5" */
    const char *udid;           /* default "00008110-000000000000001E" */
    const char *damage;         /* NULL, or one of bkgen_damages[] */
    const char *device_name;    /* Info/Manifest DeviceName; default "Test iPhone" */
    bool hostile_names;         /* also photos named with terminal control, C1, bidi and
                                   invalid UTF-8 (bkgen_hostile_names) */
    uint32_t seed;
    bool legacy;                /* iOS 5-9 layout: Manifest.mbdb, flat content files
                                   (defaults then iOS "9.3.5", "iPhone5,2") */
} bkgen_opts;

extern const char *const bkgen_damages[];
/* The relativePaths (CameraRollDomain) that hostile_names adds, NULL-terminated. */
extern const char *const bkgen_hostile_names[];
extern const char *const bkgen_legacy_damages[];
/* The legacy layout (bkgen_legacy.c); bkgen_write calls it when o->legacy. */
int bkgen_legacy_write(const bkgen_opts *o, char *err, size_t errlen);

/* 0 on success, else -1 with a reason in err. */
int bkgen_write(const bkgen_opts *o, char *err, size_t errlen);

#endif
