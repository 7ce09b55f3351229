/* backup/compat.c - which device a backup can go to: iOS version order, device family,
 * marketing names (catalog), and the target read from a connected device. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backup/internal.h"
#ifdef RB_HAVE_CATALOG
#include "rescuebay/catalog.h"
#endif
#ifdef RB_HAVE_DEVICE
#include "rescuebay/device.h"
#endif

int rb__bk_version_cmp(const char *a, const char *b)
{
    while ((a && *a) || (b && *b)) {
        long x = 0, y = 0;
        if (a && *a) {
            char *end;
            x = strtol(a, &end, 10);
            a = end;
            while (*a && *a != '.')
                a++;
            if (*a == '.')
                a++;
        }
        if (b && *b) {
            char *end;
            y = strtol(b, &end, 10);
            b = end;
            while (*b && *b != '.')
                b++;
            if (*b == '.')
                b++;
        }
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

static int family_from_prefix(const char *pt)
{
    if (strncmp(pt, "iPhone", 6) == 0)
        return 1;
    if (strncmp(pt, "iPad", 4) == 0)
        return 2;
    if (strncmp(pt, "iPod", 4) == 0)
        return 3;
    return 0;
}

int rb__bk_model_lookup(const char *product_type, char *name, size_t namelen)
{
    if (name && namelen)
        name[0] = '\0';
    if (!product_type || !*product_type)
        return 0;
    int fam = family_from_prefix(product_type);
#ifdef RB_HAVE_CATALOG
    rb_catalog *cat = NULL;
    if (rb_catalog_open(&cat, NULL, NULL) == RB_OK) { /* no detail needed: falls back to the prefix */
        const rb_model *m = rb_catalog_by_product_type(cat, product_type);
        if (m) {
            if (m->family == RB_FAMILY_IPHONE || m->family == RB_FAMILY_IPAD || m->family == RB_FAMILY_IPOD)
                fam = (int)m->family;
            else if (m->family != RB_FAMILY_UNKNOWN)
                fam = RB_BK_FAMILY_OTHER;
            if (name && namelen && m->name)
                snprintf(name, namelen, "%s", m->name);
        }
        rb_catalog_free(cat);
    }
#endif
    return fam;
}

rb_status rb_backup_device_target(char ios_version[16], char product_type[32], rb_context *ctx,
                                  const char *device_id, int timeout_ms)
{
    if (!ios_version || !product_type || !device_id)
        return rb__error(ctx, RB_ERR_INVALID_ARG, "missing device id or output");
    ios_version[0] = product_type[0] = '\0';
#ifdef RB_HAVE_DEVICE
    rb_device_monitor *mon = NULL;
    rb_status st = rb_device_monitor_new(&mon, ctx, NULL, NULL);
    if (st != RB_OK)
        return rb__error(ctx, st, "cannot watch for devices");
    st = rb_device_monitor_wait_ready(mon, timeout_ms > 0 ? timeout_ms : 5000);
    rb_device_info info;
    memset(&info, 0, sizeof info);
    info.version = RB_DEVICE_INFO_VERSION;
    if (st == RB_OK)
        st = rb_device_monitor_find(mon, device_id, &info);
    if (st != RB_OK) {
        rb__error(ctx, st, "device %s: %s", device_id, rb_device_monitor_last_error(mon));
        rb_device_monitor_free(mon);
        return st;
    }
    rb_device_monitor_free(mon);
    if (!info.ios_version[0] || !info.product_type[0])
        return rb__error(ctx, RB_ERR_DEVICE,
                         "device %s does not tell its iOS version (not paired, or in recovery)",
                         device_id);
    snprintf(ios_version, 16, "%s", info.ios_version);
    snprintf(product_type, 32, "%s", info.product_type);
    return RB_OK;
#else
    (void)timeout_ms;
    return rb__error(ctx, RB_ERR_UNSUPPORTED,
                     "this build has no device monitor; use --target-ios and --target-model");
#endif
}
