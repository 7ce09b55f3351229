/* restore/manifest.c - does the cached IPSW fit this device and this kind of restore?
 *
 * idevicerestore 1.0.0 picks its build identity by Info.DeviceClass and RestoreBehavior
 * and, when an update has no "Update" identity, silently takes any other one: an
 * erase-only IPSW given for an update erases the customer's data. So the preflight reads
 * the manifest the tool will read (BuildManifesto.plist first, as the tool does, else
 * BuildManifest.plist) and refuses before anything is touched. The file comes from a
 * catalog we do not control: every size, type and key is checked, nothing is trusted.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <plist/plist.h>
#include <zip.h>

#include "restore/restore_private.h"

/* Real manifests are 0.1-3 MB; ten times that is still plausible, more is hostile. */
#define MANIFEST_MAX (32u << 20)
/* Real manifests nest six levels deep; libplist frees (and may parse) recursively. */
#define MANIFEST_MAX_DEPTH 32

static rb_restore_cause fail(char *detail, size_t cap, rb_restore_cause cause, const char *fmt,
                             ...) RB_PRINTF(4, 5);
static rb_restore_cause fail(char *detail, size_t cap, rb_restore_cause cause, const char *fmt,
                             ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, cap, fmt, ap);
    va_end(ap);
    return cause;
}

/* Deepest <dict>/<array> nesting of an XML plist, counted before libplist sees it. */
static int xml_depth(const char *s, size_t n)
{
    int depth = 0, max = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '<')
            continue;
        const char *t = s + i + 1;
        size_t left = n - i - 1;
        int close = left > 0 && *t == '/';
        t += close, left -= (size_t)close;
        int open_tag = (left >= 5 && !memcmp(t, "dict>", 5)) ||
                       (left >= 6 && !memcmp(t, "array>", 6));
        if (!open_tag)
            continue;
        depth += close ? -1 : 1;
        if (depth > max)
            max = depth;
    }
    return max;
}

/* Whether `tag` occurs in the first 512 bytes (after a BOM, a comment, a doctype...). */
static int near_start(const char *s, size_t n, const char *tag)
{
    size_t tl = strlen(tag), end = n < 512 ? n : 512;
    for (size_t i = 0; i + tl <= end; i++)
        if (!memcmp(s + i, tag, tl))
            return 1;
    return 0;
}

static const char *str_item(plist_t dict, const char *key)
{
    plist_t v = dict ? plist_dict_get_item(dict, key) : NULL;
    if (!v || plist_get_node_type(v) != PLIST_STRING)
        return NULL;
    uint64_t len = 0;
    const char *s = plist_get_string_ptr(v, &len);
    return s && len < 256 && strlen(s) == len ? s : NULL;
}

/* "0x8010" (how manifests write chip and board ids) or an integer; -1 if neither. */
static long long id_item(plist_t dict, const char *key)
{
    plist_t v = plist_dict_get_item(dict, key);
    if (v && plist_get_node_type(v) == PLIST_UINT) {
        uint64_t u = 0;
        plist_get_uint_val(v, &u);
        return u <= 0xffffffffu ? (long long)u : -1;
    }
    const char *s = str_item(dict, key);
    if (!s || !*s)
        return -1;
    char *end = NULL;
    errno = 0;
    unsigned long long u = strtoull(s, &end, 0);
    return errno || *end || u > 0xffffffffu ? -1 : (long long)u;
}

static int identity_fits(plist_t id, const struct rs_manifest_want *w, const char **cls)
{
    plist_t info = plist_dict_get_item(id, "Info");
    *cls = str_item(info, "DeviceClass");
    if (w->hardware_model && *w->hardware_model && *cls && strcasecmp(*cls, w->hardware_model))
        return 0;
    long long chip = id_item(id, "ApChipID"), board = id_item(id, "ApBoardID");
    if (w->cpid && chip >= 0 && (uint32_t)chip != w->cpid)
        return 0;
    if (w->cpid && board >= 0 && (uint32_t)board != w->bdid)
        return 0;
    /* Nothing to compare with at all: the tool could not pick this identity either. */
    return *cls || chip >= 0;
}

static rb_restore_cause check_tree(plist_t root, const struct rs_manifest_want *w,
                                   const char *name, char *detail, size_t cap)
{
    if (plist_get_node_type(root) != PLIST_DICT)
        return fail(detail, cap, RB_CAUSE_FIRMWARE_DAMAGED, "%s is not a dictionary", name);
    plist_t types = plist_dict_get_item(root, "SupportedProductTypes");
    if (!types || plist_get_node_type(types) != PLIST_ARRAY)
        return fail(detail, cap, RB_CAUSE_FIRMWARE_DAMAGED,
                    "%s has no SupportedProductTypes list", name);
    int listed = 0;
    char first[64] = "";
    for (uint32_t i = 0, n = plist_array_get_size(types); i < n; i++) {
        plist_t item = plist_array_get_item(types, i);
        uint64_t len = 0;
        const char *t = plist_get_node_type(item) == PLIST_STRING
                            ? plist_get_string_ptr(item, &len) : NULL;
        if (!t || len > 64)
            continue;
        if (!first[0])
            snprintf(first, sizeof first, "%s", t);
        if (w->product_type && !strcmp(t, w->product_type))
            listed = 1;
    }
    if (!listed)
        return fail(detail, cap, RB_CAUSE_FIRMWARE_MISMATCH,
                    "the firmware is for %s%s, not for this %s", first[0] ? first : "no model",
                    plist_array_get_size(types) > 1 ? " and others" : "", w->product_type);
    plist_t ids = plist_dict_get_item(root, "BuildIdentities");
    if (!ids || plist_get_node_type(ids) != PLIST_ARRAY || plist_array_get_size(ids) == 0)
        return fail(detail, cap, RB_CAUSE_FIRMWARE_DAMAGED, "%s has no BuildIdentities", name);
    int fits = 0, erase = 0, update = 0;
    char other[64] = "";
    for (uint32_t i = 0, n = plist_array_get_size(ids); i < n; i++) {
        plist_t id = plist_array_get_item(ids, i);
        if (plist_get_node_type(id) != PLIST_DICT)
            return fail(detail, cap, RB_CAUSE_FIRMWARE_DAMAGED,
                        "%s: build identity %u is not a dictionary", name, i);
        plist_t info = plist_dict_get_item(id, "Info");
        if (!info || plist_get_node_type(info) != PLIST_DICT)
            return fail(detail, cap, RB_CAUSE_FIRMWARE_DAMAGED,
                        "%s: build identity %u has no Info", name, i);
        const char *cls = NULL;
        if (!identity_fits(id, w, &cls)) {
            if (cls && !other[0])
                snprintf(other, sizeof other, "%s", cls);
            continue;
        }
        fits = 1;
        const char *b = str_item(info, "RestoreBehavior");
        erase |= b && !strcmp(b, "Erase");
        update |= b && !strcmp(b, "Update");
    }
    const char *board = w->hardware_model && *w->hardware_model ? w->hardware_model : "?";
    if (!fits)
        return fail(detail, cap, RB_CAUSE_FIRMWARE_MISMATCH,
                    "the firmware has no build identity for this device's board %s (CPID 0x%x, "
                    "BDID 0x%x)%s%s", board, w->cpid, w->bdid, other[0] ? "; it is for " : "",
                    other);
    if (w->erase && !erase)
        return fail(detail, cap, RB_CAUSE_FIRMWARE_MISMATCH,
                    "the firmware offers no erase install for this device");
    if (!w->erase && !update)
        return fail(detail, cap, RB_CAUSE_UPDATE_NOT_OFFERED,
                    "the firmware has only an erase install for this device (no \"Update\" "
                    "build identity); idevicerestore would erase the data instead of updating");
    return RB_CAUSE_NONE;
}

rb_restore_cause rb__rs_manifest_check_data(const char *data, size_t len,
                                            const struct rs_manifest_want *w, const char *name,
                                            char *detail, size_t cap)
{
    detail[0] = '\0';
    if (len > MANIFEST_MAX)
        return fail(detail, cap, RB_CAUSE_FIRMWARE_DAMAGED, "%s is %zu MiB, more than a real one "
                    "(at most %u MiB)", name, len >> 20, MANIFEST_MAX >> 20);
    if (len >= 8 && !memcmp(data, "bplist00", 8))
        return fail(detail, cap, RB_CAUSE_FIRMWARE_DAMAGED,
                    "%s is a binary plist; idevicerestore reads only XML ones", name);
    if (len < 8 || (!near_start(data, len, "<plist") && !near_start(data, len, "<?xml")))
        return fail(detail, cap, RB_CAUSE_FIRMWARE_DAMAGED, "%s is not a plist", name);
    if (xml_depth(data, len) > MANIFEST_MAX_DEPTH)
        return fail(detail, cap, RB_CAUSE_FIRMWARE_DAMAGED,
                    "%s nests more than %d levels deep", name, MANIFEST_MAX_DEPTH);
    plist_t root = NULL;
    plist_from_xml(data, (uint32_t)len, &root);
    if (!root)
        return fail(detail, cap, RB_CAUSE_FIRMWARE_DAMAGED, "%s is not a readable XML plist", name);
    rb_restore_cause c = check_tree(root, w, name, detail, cap);
    plist_free(root);
    return c;
}

/* Reads `name` from the zip into *out; 0 ok, ENOENT absent, else fills detail. */
static int read_entry(zip_t *z, const char *name, char **out, size_t *len, char *detail,
                      size_t cap)
{
    zip_stat_t zs;
    zip_stat_init(&zs);
    if (zip_stat(z, name, 0, &zs) != 0)
        return ENOENT;
    if (!(zs.valid & ZIP_STAT_SIZE) || zs.size > MANIFEST_MAX) {
        snprintf(detail, cap, "%s in the IPSW is %llu MiB, more than a real one (at most %u MiB)",
                 name, (unsigned long long)(zs.size >> 20), MANIFEST_MAX >> 20);
        return EFBIG;
    }
    zip_file_t *f = zip_fopen(z, name, 0);
    char *buf = malloc((size_t)zs.size + 1);
    zip_int64_t got = f && buf ? zip_fread(f, buf, zs.size) : -1;
    if (got < 0 || (zip_uint64_t)got != zs.size) {
        snprintf(detail, cap, "%s in the IPSW cannot be read: %s", name,
                 f ? zip_file_strerror(f) : zip_strerror(z));
        free(buf);
        if (f)
            zip_fclose(f);
        return EIO;
    }
    zip_fclose(f);
    buf[zs.size] = '\0';
    *out = buf;
    *len = (size_t)zs.size;
    return 0;
}

rb_restore_cause rb__rs_manifest_check(const char *ipsw, const struct rs_manifest_want *w,
                                       char *detail, size_t cap)
{
    /* The tool looks for the legacy name first: that is the manifest it will use. */
    static const char *const names[] = {"BuildManifesto.plist", "BuildManifest.plist"};
    int zerr = 0;
    zip_t *z = zip_open(ipsw, ZIP_RDONLY, &zerr);
    if (!z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, zerr);
        fail(detail, cap, RB_CAUSE_FIRMWARE_DAMAGED, "the IPSW %s is not a readable zip: %s",
             ipsw, zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return RB_CAUSE_FIRMWARE_DAMAGED;
    }
    char *data = NULL;
    size_t len = 0;
    int rc = ENOENT;
    const char *name = names[1];
    for (size_t i = 0; i < 2 && rc == ENOENT; i++) {
        name = names[i];
        rc = read_entry(z, name, &data, &len, detail, cap);
    }
    zip_discard(z);
    if (rc == ENOENT)
        return fail(detail, cap, RB_CAUSE_FIRMWARE_DAMAGED,
                    "the IPSW %s has no BuildManifest.plist", ipsw);
    if (rc != 0)
        return RB_CAUSE_FIRMWARE_DAMAGED;
    rb_restore_cause c = rb__rs_manifest_check_data(data, len, w, name, detail, cap);
    free(data);
    return c;
}
