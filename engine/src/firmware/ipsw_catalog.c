/* firmware/ipsw_catalog.c - per-device catalogs: conditional refresh, disk copy for offline
 * use, and the cached/pinned flags from the index. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "firmware/firmware_private.h"

#define CATALOG_FRESH_SECONDS 3600

static bool valid_product_type(const char *pt)
{
    size_t n = pt ? strlen(pt) : 0;
    if (n == 0 || n > 64 || pt[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)pt[i]) && pt[i] != ',' && pt[i] != '-' && pt[i] != '_' &&
            pt[i] != '.')
            return false;
    return true;
}

static rb_status load_disk(rb_firmware *fw, const char *path, const char *pt,
                           rb_firmware_list **out)
{
    char *txt = NULL;
    size_t len = 0;
    int err = rb__read_file(path, 16u << 20, &txt, &len);
    if (err)
        return FW_ERR(fw, rb__status_from_errno(err), "no catalog on disk for %s", pt);
    char why[256];
    rb_status st = rb__fw_parse_catalog(out, txt, len, pt, why, sizeof why);
    free(txt);
    if (st != RB_OK)
        return FW_ERR(fw, st, "catalog on disk for %s is damaged: %s", pt, why);
    return RB_OK;
}

static void mark_cached(rb_firmware *fw, rb_firmware_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        l->builds[i].cached = rb__fw_index_has(fw, l->builds[i].sha1, &l->builds[i].pinned);
}

rb_status rb_firmware_catalog(rb_firmware_list **out, rb_firmware *fw, const char *pt,
                              unsigned int flags)
{
    if (!out || !fw)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    fw->warning[0] = '\0';
    if (!valid_product_type(pt))
        return FW_ERR(fw, RB_ERR_INVALID_ARG, "'%s' is not a ProductType (e.g. iPhone12,1)",
                      pt ? pt : "");
    char *path = rb__sprintf("%s/%s.json", fw->catdir, pt);
    char *etag = NULL, *lm = NULL;
    int64_t checked = 0;
    rb_firmware_list *disk = NULL, *l = NULL;
    rb_status st = rb__fw_index_catalog_meta(fw, pt, &etag, &lm, &checked);
    if (st != RB_OK || !path)
        goto out;
    if (load_disk(fw, path, pt, &disk) != RB_OK)
        disk = NULL;
    int64_t now = rb__fw_now();
    bool fresh = disk && now - checked >= 0 && now - checked < CATALOG_FRESH_SECONDS &&
                 !(flags & RB_FIRMWARE_REFRESH);
    if (fresh || fw->offline) {
        if (!disk) {
            st = FW_ERR(fw, RB_ERR_NOT_FOUND, "no catalog on disk for %s (offline)", pt);
            goto out;
        }
        l = disk;
        disk = NULL;
        l->offline = fw->offline;
        l->checked_at = checked;
        goto done;
    }
    char *url = rb__sprintf("%s/device/%s?type=ipsw", fw->catalog_url, pt);
    fw_http_reply r;
    memset(&r, 0, sizeof r);
    rb_status hst = url ? rb__fw_http_get(fw, url, disk ? etag : NULL, disk ? lm : NULL, &r)
                        : RB_ERR_NOMEM;
    if (hst != RB_OK) {
        free(r.body);
        free(url);
        if (!disk || hst == RB_ERR_NOMEM) {
            st = hst;
            goto out;
        }
        /* Unreachable: the disk copy stands in, flagged so the age of `signed` shows. */
        rb__log("firmware", "catalog %s unreachable (%s): using the copy on disk", pt, rb__errs_last(fw->err));
        l = disk;
        disk = NULL;
        l->offline = 1;
        l->checked_at = checked;
        goto done;
    }
    if (r.status == 304 && disk) {
        free(r.body);
        l = disk;
        disk = NULL;
        l->checked_at = now;
        st = rb__fw_index_set_catalog_meta(fw, pt, etag, lm, now);
    } else {
        char why[256];
        st = rb__fw_parse_catalog(&l, r.body ? r.body : "", r.len, pt, why, sizeof why);
        if (st != RB_OK) {
            /* The previous good copy on disk is left as it was. */
            st = FW_ERR(fw, st, "the catalog from %s is malformed: %s", url, why);
        } else {
            int err = rb__write_file_atomic(path, r.body, r.len);
            if (err)
                st = FW_ERR(fw, rb__status_from_errno(err), "cannot save the catalog %s: %s",
                            path, strerror(err));
            else if ((st = rb__fw_index_store_builds(fw, l)) == RB_OK)
                st = rb__fw_index_set_catalog_meta(fw, pt, r.etag, r.last_modified, now);
            l->checked_at = now;
        }
        free(r.body);
    }
    free(url);
    if (st != RB_OK)
        goto out;
done:
    mark_cached(fw, l);
    *out = l;
    l = NULL;
out:
    rb_firmware_list_free(l);
    rb_firmware_list_free(disk);
    free(path);
    free(etag);
    free(lm);
    return st;
}
