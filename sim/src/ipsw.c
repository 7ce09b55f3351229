/* ipsw.c - `rescuebay-sim ipsw OUT.ipsw --product TYPE --version V --build B [--update]`:
 * a small IPSW (a zip, written with libzip, stored entries) that Debian's idevicerestore
 * 1.0.0 accepts and the simulated device restores. The hardware model, chip and board come
 * from libirecovery's own table, so any model the installed libirecovery knows works.
 * Components are minimal IM4P files; the restore ramdisk's payload tells the simulated
 * device what it installs (iboot.c reads it). Without --update only an "Erase" identity is
 * written (like an erase-only firmware); --update adds the "Update" identity. */
#include "sim.h"

#include <ctype.h>
#include <libirecovery.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define OS_SIZE (1024 * 1024 + 12345)

struct blob {
    unsigned char *p;
    size_t n;
};

static size_t der_len(unsigned char *out, size_t n)
{
    if (n < 0x80) {
        out[0] = (unsigned char)n;
        return 1;
    }
    size_t k = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
    out[0] = (unsigned char)(0x80 | k);
    for (size_t i = 0; i < k; i++)
        out[1 + i] = (unsigned char)(n >> (8 * (k - 1 - i)));
    return 1 + k;
}

/* SEQUENCE { IA5 "IM4P", IA5 type, IA5 description, OCTET STRING payload } */
static struct blob im4p(const char *type, const char *payload, size_t plen)
{
    unsigned char l1[8], l2[8];
    size_t pl = der_len(l2, plen);
    size_t body = 6 + 6 + 2 + 5 + 1 + pl + plen;
    size_t hl = der_len(l1, body);
    struct blob b = {malloc(1 + hl + body), 1 + hl + body};
    if (!b.p)
        return b;
    unsigned char *q = b.p;
    *q++ = 0x30;
    memcpy(q, l1, hl), q += hl;
    memcpy(q, "\x16\x04IM4P\x16\x04", 8), q += 8;
    memcpy(q, type, 4), q += 4;
    memcpy(q, "\x16\x05rbsim\x04", 8), q += 8;
    memcpy(q, l2, pl), q += pl;
    memcpy(q, payload, plen);
    return b;
}

static struct blob os_image(const char *product, const char *version, const char *build)
{
    struct blob b = {malloc(OS_SIZE), OS_SIZE};
    if (!b.p)
        return b;
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (const char *s = build; *s; s++)
        x = (x ^ (unsigned char)*s) * 0x100000001B3ULL;
    for (size_t i = 0; i < b.n; i++) { /* xorshift: incompressible, same for the same build */
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        b.p[i] = (unsigned char)x;
    }
    int n = snprintf((char *)b.p, 128, "rbsim-os product=%s version=%s build=%s\n", product,
                     version, build);
    (void)n;
    return b;
}

struct comp {
    const char *name, *type, *path_before, *path_after; /* the board name goes between */
    int firmware; /* IsFirmwarePayload: flashed to NOR */
};

static int add(zip_t *z, const char *path, struct blob b, plist_t manifest, const char *name,
               int firmware)
{
    if (!b.p)
        return -1;
    if (manifest && name) {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned len = 0;
        EVP_Digest(b.p, b.n, md, &len, EVP_sha1(), NULL);
        plist_t e = plist_new_dict(), info = plist_new_dict();
        plist_dict_set_item(info, "Path", plist_new_string(path));
        if (firmware)
            plist_dict_set_item(info, "IsFirmwarePayload", plist_new_bool(1));
        plist_dict_set_item(e, "Info", info);
        plist_dict_set_item(e, "Digest", plist_new_data((const char *)md, len));
        plist_dict_set_item(e, "Trusted", plist_new_bool(1));
        plist_dict_set_item(manifest, name, e);
    }
    if (!z) { /* manifest entry only (the file is shared with another component) */
        free(b.p);
        return 0;
    }
    zip_source_t *src = zip_source_buffer(z, b.p, b.n, 1);
    zip_int64_t idx = src ? zip_file_add(z, path, src, ZIP_FL_OVERWRITE) : -1;
    if (idx < 0) {
        if (src)
            zip_source_free(src);
        else
            free(b.p);
        return -1;
    }
    return zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
}

static plist_t identity(irecv_device_t dev, const char *build, const char *behavior)
{
    char v[16];
    plist_t id = plist_new_dict(), info = plist_new_dict();
    snprintf(v, sizeof v, "0x%x", dev->chip_id);
    plist_dict_set_item(id, "ApChipID", plist_new_string(v));
    snprintf(v, sizeof v, "0x%x", dev->board_id);
    plist_dict_set_item(id, "ApBoardID", plist_new_string(v));
    plist_dict_set_item(id, "ApSecurityDomain", plist_new_string("0x01"));
    plist_dict_set_item(id, "UniqueBuildID", plist_new_data("rbsim-unique-build-id", 20));
    plist_dict_set_item(info, "DeviceClass", plist_new_string(dev->hardware_model));
    plist_dict_set_item(info, "RestoreBehavior", plist_new_string(behavior));
    plist_dict_set_item(info, "Variant", plist_new_string(
        strcmp(behavior, "Erase") ? "Customer Upgrade Install (IPSW)"
                                  : "Customer Erase Install (IPSW)"));
    plist_dict_set_item(info, "BuildNumber", plist_new_string(build));
    plist_dict_set_item(id, "Info", info);
    return id;
}

static int token_ok(const char *s)
{
    if (!s || !*s || strlen(s) > 15)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '.' && *s != ',')
            return 0;
    return 1;
}

static int write_ipsw(const char *out, irecv_device_t dev, const char *version,
                      const char *build, int update)
{
    char board[32], p[20][96];
    snprintf(board, sizeof board, "%s", dev->hardware_model);
    size_t bl = strlen(board);
    if (bl > 2 && !strcasecmp(board + bl - 2, "ap"))
        board[bl - 2] = 0;
    const struct comp comps[] = {
        {"iBSS", "ibss", "Firmware/dfu/iBSS.", ".RELEASE.im4p", 0},
        {"iBEC", "ibec", "Firmware/dfu/iBEC.", ".RELEASE.im4p", 0},
        {"LLB", "illb", "Firmware/all_flash/LLB.", ".RELEASE.im4p", 1},
        {"iBoot", "ibot", "Firmware/all_flash/iBoot.", ".RELEASE.im4p", 1},
        {"DeviceTree", "dtre", "Firmware/all_flash/DeviceTree.", "ap.im4p", 1},
        {"RestoreLogo", "logo", "Firmware/all_flash/applelogo@2x.", ".im4p", 0},
        {"KernelCache", "krnl", "kernelcache.release.", "", 0},
    };
    int err = 0;
    zip_t *z = zip_open(out, ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z) {
        fprintf(stderr, "rescuebay-sim ipsw: cannot create %s (libzip error %d)\n", out, err);
        return 1;
    }
    const char *behaviors[] = {"Erase", "Update"};
    plist_t ids = plist_new_array();
    int rc = 0;
    for (int b = 0; b <= update && rc == 0; b++) {
        plist_t id = identity(dev, build, behaviors[b]), m = plist_new_dict();
        for (size_t i = 0; i < sizeof comps / sizeof *comps && rc == 0; i++) {
            char *path = p[i];
            snprintf(path, sizeof p[i], "%s%s%s", comps[i].path_before, board, comps[i].path_after);
            char payload[96];
            int n = snprintf(payload, sizeof payload, "rbsim %s %s %s", comps[i].name,
                             dev->product_type, build);
            rc = add(b ? NULL : z, path, im4p(comps[i].type, payload, (size_t)n), m,
                     comps[i].name, comps[i].firmware);
            if (!strcmp(comps[i].name, "DeviceTree") || !strcmp(comps[i].name, "KernelCache"))
                rc |= add(NULL, path, im4p(comps[i].type, payload, (size_t)n), m,
                          comps[i].name[0] == 'D' ? "RestoreDeviceTree" : "RestoreKernelCache",
                          0);
        }
        char rd[160], *rdpath = p[18 + b];
        int n = snprintf(rd, sizeof rd,
                         "rbsim-ramdisk product=%s version=%s build=%s behavior=%s\n",
                         dev->product_type, version, build, behaviors[b]);
        snprintf(rdpath, sizeof p[0], "038-%s-%s.dmg", build, b ? "update" : "erase");
        if (rc == 0)
            rc = add(z, rdpath, im4p("rdsk", rd, (size_t)n), m, "RestoreRamDisk", 0);
        snprintf(p[17], sizeof p[17], "038-%s-os.dmg", build);
        if (rc == 0)
            rc = add(b ? NULL : z, p[17], os_image(dev->product_type, version, build), m, "OS",
                     0);
        if (rc == 0 && !strncmp(dev->product_type, "iPhone", 6)) {
            /* a baseband (the tool adds its tags to the signing request from normal mode) */
            snprintf(p[16], sizeof p[16], "Firmware/%s.Release.bbfw", board);
            const char *bbfw = "rbsim baseband firmware\n";
            struct blob bb = {(unsigned char *)strdup(bbfw), strlen(bbfw)};
            rc = add(b ? NULL : z, p[16], bb, m, "BasebandFirmware", 0);
        }
        plist_dict_set_item(id, "Manifest", m);
        plist_array_append_item(ids, id);
    }
    plist_t bm = plist_new_dict();
    plist_dict_set_item(bm, "BuildIdentities", ids);
    plist_dict_set_item(bm, "ManifestVersion", plist_new_uint(0));
    plist_dict_set_item(bm, "ProductBuildVersion", plist_new_string(build));
    plist_dict_set_item(bm, "ProductVersion", plist_new_string(version));
    plist_t types = plist_new_array();
    plist_array_append_item(types, plist_new_string(dev->product_type));
    plist_dict_set_item(bm, "SupportedProductTypes", types);
    char *xml = NULL;
    uint32_t len = 0;
    plist_to_xml(bm, &xml, &len);
    plist_free(bm);
    struct blob mb = {(unsigned char *)xml, len};
    if (rc == 0)
        rc = add(z, "BuildManifest.plist", mb, NULL, NULL, 0);
    else
        free(xml);
    if (rc != 0 || zip_close(z) != 0) {
        fprintf(stderr, "rescuebay-sim ipsw: cannot write %s: %s\n", out, zip_strerror(z));
        zip_discard(z);
        return 1;
    }
    return 0;
}

int sim_ipsw_main(int argc, char **argv)
{
    const char *out = NULL, *product = NULL, *version = NULL, *build = NULL;
    int update = 0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--product") && i + 1 < argc)
            product = argv[++i];
        else if (!strcmp(argv[i], "--version") && i + 1 < argc)
            version = argv[++i];
        else if (!strcmp(argv[i], "--build") && i + 1 < argc)
            build = argv[++i];
        else if (!strcmp(argv[i], "--update"))
            update = 1;
        else if (argv[i][0] != '-' && !out)
            out = argv[i];
        else
            out = NULL, i = argc;
    }
    if (!out || !product || !version || !build) {
        fputs("usage: rescuebay-sim ipsw OUT.ipsw --product TYPE --version V --build B "
              "[--update]\n", stderr);
        return 2;
    }
    if (!token_ok(version) || !token_ok(build)) {
        fprintf(stderr, "rescuebay-sim ipsw: version and build must be short (letters, "
                        "digits, dots), got \"%s\" and \"%s\"\n", version, build);
        return 2;
    }
    irecv_device_t dev = NULL;
    if (irecv_devices_get_device_by_product_type(product, &dev) != IRECV_E_SUCCESS || !dev) {
        fprintf(stderr, "rescuebay-sim ipsw: %s is not a model the installed libirecovery "
                        "knows\n", product);
        return 1;
    }
    return write_ipsw(out, dev, version, build, update);
}
