/* restore/target.c - what a backup check needs to know about the device it would go to,
 * from the device monitor and the model catalog (backup itself reads neither). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/internal.h"
#include "rescuebay/restore.h"

/* Backup's family values are the catalog's: the mapping below is a cast. */
_Static_assert((int)RB_BACKUP_FAMILY_IPHONE == (int)RB_FAMILY_IPHONE &&
                   (int)RB_BACKUP_FAMILY_IPAD == (int)RB_FAMILY_IPAD &&
                   (int)RB_BACKUP_FAMILY_IPOD == (int)RB_FAMILY_IPOD &&
                   (int)RB_BACKUP_FAMILY_OTHER == (int)RB_FAMILY_OTHER,
               "rb_backup_family must match rb_device_family");

int rb_restore_describe_model(rb_backup_model *out, const char *product_type, void *catalog)
{
    if (!out || !product_type || !catalog)
        return -1;
    const rb_model *m = rb_catalog_by_product_type(catalog, product_type);
    if (!m)
        return -1;
    out->family = m->family <= RB_FAMILY_OTHER ? (rb_backup_family)m->family : RB_BACKUP_FAMILY_OTHER;
    snprintf(out->name, sizeof out->name, "%s", m->name ? m->name : "");
    return 0;
}

void rb_restore_target_from_model(rb_restore_target *out, const rb_catalog *cat,
                                  const char *product_type, const char *ios_version)
{
    if (!out)
        return;
    memset(out, 0, sizeof *out);
    snprintf(out->ios_version, sizeof out->ios_version, "%s", ios_version ? ios_version : "");
    snprintf(out->product_type, sizeof out->product_type, "%s", product_type ? product_type : "");
    rb_backup_model m;
    memset(&m, 0, sizeof m);
    /* Cast: the callback type takes a mutable payload; the catalog is only read. */
    if (product_type && rb_restore_describe_model(&m, product_type, (void *)(uintptr_t)cat) == 0) {
        out->family = m.family;
        snprintf(out->model_name, sizeof out->model_name, "%s", m.name);
    }
}

rb_status rb_restore_target_from_device(rb_restore_target *out, rb_context *ctx,
                                        const rb_catalog *cat, const char *device_id,
                                        int timeout_ms)
{
    if (!out || !device_id)
        return rb__error(ctx, RB_ERR_INVALID_ARG, "missing device id or output");
    memset(out, 0, sizeof *out);
    rb_device_monitor *mon = NULL;
    /* Only this device gets the trusted read: other bays cost nothing. */
    rb_status st = rb_device_monitor_new_for(&mon, ctx, NULL, NULL, device_id);
    if (st != RB_OK)
        return rb__error(ctx, st, "cannot watch for devices");
    rb_device_info info;
    memset(&info, 0, sizeof info);
    info.version = RB_DEVICE_INFO_VERSION;
    st = rb_device_monitor_wait_device(mon, device_id, timeout_ms > 0 ? timeout_ms : 5000, &info);
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
    rb_restore_target_from_model(out, cat, info.product_type, info.ios_version);
    /* The monitor names the device from its own catalog; keep it when ours has none. */
    if (!out->model_name[0])
        snprintf(out->model_name, sizeof out->model_name, "%s", info.name);
    return RB_OK;
}

void rb_restore_backup_options(rb_backup_options *o, const rb_restore_target *t,
                               const rb_catalog *cat)
{
    if (!o)
        return;
    if (t) {
        o->target_ios = t->ios_version[0] ? t->ios_version : NULL;
        o->target_product_type = t->product_type[0] ? t->product_type : NULL;
    }
    if (o->version >= 2) { /* a caller's version 1 struct ends before these */
        if (t) {
            o->target_family = t->family;
            o->target_model_name = t->model_name[0] ? t->model_name : NULL;
        }
        o->describe_model = cat ? rb_restore_describe_model : NULL;
        o->describe_payload = (void *)(uintptr_t)cat;
    }
}
