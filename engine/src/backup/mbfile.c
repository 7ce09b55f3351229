/* backup/mbfile.c - the MBFile record (NSKeyedArchiver binary plist) of a Manifest.db row. */
#include <stdio.h>
#include <string.h>

#include "backup/backup_private.h"

/* Follows an NSKeyedArchiver UID into $objects; NULL if out of range. */
static plist_t deref(plist_t objects, plist_t node)
{
    if (!node)
        return NULL;
    if (plist_get_node_type(node) != PLIST_UID)
        return node;
    uint64_t uid = 0;
    plist_get_uid_val(node, &uid);
    if (uid >= plist_array_get_size(objects))
        return NULL;
    return plist_array_get_item(objects, (uint32_t)uid);
}

static bool get_int(plist_t dict, const char *key, int64_t *out)
{
    plist_t n = plist_dict_get_item(dict, key);
    if (!n || plist_get_node_type(n) != PLIST_UINT)
        return false;
    uint64_t v = 0;
    plist_get_uint_val(n, &v);
    *out = (int64_t)v;
    return true;
}

/* NSData is either archived as plain data or as {NS.data: data}. */
static const uint8_t *get_data(plist_t objects, plist_t dict, const char *key, size_t *len)
{
    plist_t n = deref(objects, plist_dict_get_item(dict, key));
    if (n && plist_get_node_type(n) == PLIST_DICT)
        n = deref(objects, plist_dict_get_item(n, "NS.data"));
    if (!n || plist_get_node_type(n) != PLIST_DATA)
        return NULL;
    uint64_t l = 0;
    const char *p = plist_get_data_ptr(n, &l);
    *len = (size_t)l;
    return (const uint8_t *)p;
}

int rb__bk_mbfile_parse(rb__bk_mbfile *out, const void *data, size_t len, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (len > BK_MAX_MBFILE_BYTES) {
        snprintf(err, errlen, "file record is %zu bytes, over the %u MB limit this check reads: not checked",
                 len, BK_MAX_MBFILE_BYTES >> 20);
        return -1;
    }
    if (!data || len < 8 || !plist_is_binary(data, (uint32_t)len)) {
        snprintf(err, errlen, "file record is not a binary property list (%zu bytes)", len);
        return -1;
    }
    plist_t root = NULL;
    plist_from_bin(data, (uint32_t)len, &root);
    if (!root || plist_get_node_type(root) != PLIST_DICT) {
        plist_free(root);
        snprintf(err, errlen, "file record does not parse");
        return -1;
    }
    int rc = -1;
    plist_t objects = plist_dict_get_item(root, "$objects");
    plist_t top = plist_dict_get_item(root, "$top");
    if (!objects || plist_get_node_type(objects) != PLIST_ARRAY || !top ||
        plist_get_node_type(top) != PLIST_DICT) {
        snprintf(err, errlen, "file record is not an NSKeyedArchiver archive");
        goto done;
    }
    plist_t rootref = plist_dict_get_item(top, "root");
    if (!rootref || plist_get_node_type(rootref) != PLIST_UID) {
        snprintf(err, errlen, "file record has no root object");
        goto done;
    }
    plist_t f = deref(objects, rootref);
    if (!f || plist_get_node_type(f) != PLIST_DICT) {
        snprintf(err, errlen, "file record root is not an MBFile");
        goto done;
    }
    int64_t v = 0;
    if (get_int(f, "Size", &v)) {
        out->size = (uint64_t)v;
        out->has_size = true;
    }
    out->mode = get_int(f, "Mode", &v) ? v : -1;
    out->protection_class = get_int(f, "ProtectionClass", &v) ? v : -1;
    size_t l = 0;
    const uint8_t *d = get_data(objects, f, "Digest", &l);
    if (d && l > 0) {
        out->has_digest = true;
        out->digest_len = l;
        memcpy(out->digest, d, l < sizeof out->digest ? l : sizeof out->digest);
    }
    l = 0;
    d = get_data(objects, f, "EncryptionKey", &l);
    if (d) {
        out->has_key = true;
        out->key_len = l;
        memcpy(out->key, d, l < sizeof out->key ? l : sizeof out->key);
    }
    if (!out->has_size) {
        snprintf(err, errlen, "file record has no Size");
        goto done;
    }
    rc = 0;
done:
    plist_free(root);
    return rc;
}
