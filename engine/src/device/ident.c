/*
 * device/ident.c - names from the engine's own model catalog, and device id parsing.
 *
 * Debian 12's libirecovery does not know anything after 2020, so recovery/DFU devices
 * are named from (CPID, BDID) in our table, never from irecv_devices_get_device_by_client.
 * A model missing from the table (a phone newer than the data file) is still shown: its
 * name falls back to its identifiers and known_model stays 0.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device/device_private.h"
#include "rescuebay/catalog.h"

/* One catalog per process, loaded by the first monitor and kept: it is read-only after
 * loading, and the kiosk or a test creates monitors again and again. */
static pthread_mutex_t cat_mu = PTHREAD_MUTEX_INITIALIZER;
static rb_catalog *cat_shared;

void rb__dev_catalog_open(rb_device_monitor *mon)
{
    pthread_mutex_lock(&cat_mu);
    if (!cat_shared) {
        rb_status st = rb_catalog_open(&cat_shared, mon->ctx, NULL);
        if (st != RB_OK) {
            const char *why = mon->ctx ? rb_context_last_error(mon->ctx) : "";
            rb__dev_problem(mon, st, "model catalog unavailable, devices shown by identifiers: %s",
                            *why ? why : rb_strerror(st));
            cat_shared = NULL;
        }
    }
    mon->catalog = cat_shared;
    pthread_mutex_unlock(&cat_mu);
}

void rb__dev_catalog_free(rb_device_monitor *mon)
{
    mon->catalog = NULL;
}

static const rb_model *lookup(rb_device_monitor *mon, const rb_device_info *info)
{
    const rb_catalog *cat = mon->catalog;
    if (!cat)
        return NULL;
    /* A ProductType the device states wins: a model newer than the table (or a device
     * that lies) must not be renamed after another model sharing its chip and board. */
    if (info->product_type[0])
        return rb_catalog_by_product_type(cat, info->product_type);
    return info->cpid ? rb_catalog_by_chip(cat, info->cpid, info->bdid) : NULL;
}

void rb__dev_identify(rb_device_monitor *mon, rb_device_info *info)
{
    const rb_model *m = lookup(mon, info);
    if (m) {
        info->known_model = 1;
        rb__dev_copy(info->name, sizeof info->name, m->name);
        if (!info->product_type[0])
            rb__dev_copy(info->product_type, sizeof info->product_type, m->product_type);
        if (!info->hardware_model[0])
            rb__dev_copy(info->hardware_model, sizeof info->hardware_model, m->hardware_model);
        if (!info->device_class[0] && m->family >= RB_FAMILY_IPHONE && m->family <= RB_FAMILY_IPOD)
            rb__dev_copy(info->device_class, sizeof info->device_class,
                      m->family == RB_FAMILY_IPHONE ? "iPhone"
                      : m->family == RB_FAMILY_IPAD ? "iPad" : "iPod");
        if (!info->cpid)
            info->cpid = m->cpid, info->bdid = m->bdid;
        return;
    }
    info->known_model = 0;
    if (info->product_type[0])
        rb__dev_copy(info->name, sizeof info->name, info->product_type);
    else if (info->cpid)
        snprintf(info->name, sizeof info->name, "Apple device CPID 0x%04" PRIX32 " BDID 0x%02" PRIX32,
                 info->cpid, info->bdid);
    else
        rb__dev_copy(info->name, sizeof info->name, "Apple device");
}

void rb__dev_exit_dfu_steps(rb_device_monitor *mon, const rb_device_info *info, char *buf,
                            size_t cap)
{
    /* The catalog's guide is the one source of button procedures (the kiosk's Guide
     * screen shows the same steps); a model without one gets the generic advice. */
    const rb_model *m = lookup(mon, info);
    const rb_guide_step *steps = NULL;
    size_t n = 0, off = 0;
    buf[0] = '\0';
    if (m && rb_catalog_guide(mon->catalog, m, RB_GUIDE_EXIT_DFU, &steps, &n) == RB_OK)
        for (size_t i = 0; i < n && off < cap; i++)
            if (steps[i].text && *steps[i].text)
                off += (size_t)snprintf(buf + off, cap - off, "%s%s", off ? " " : "",
                                        steps[i].text);
    if (buf[0] == '\0')
        snprintf(buf, cap, "force-restart it with its buttons until the Apple logo appears");
}

uint64_t rb__dev_parse_ecid(const char *id)
{
    if (!id || !*id)
        return 0;
    const char *p = id;
    int base = 10;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        p += 2;
        base = 16;
    } else {
        for (const char *q = p; *q; q++)
            if (isxdigit((unsigned char)*q) && !isdigit((unsigned char)*q))
                base = 16;
    }
    if (!*p)
        return 0;
    for (const char *q = p; *q; q++)
        if (!isxdigit((unsigned char)*q))
            return 0;
    errno = 0;
    char *end = NULL;
    unsigned long long v = strtoull(p, &end, base);
    if (errno || !end || *end)
        return 0;
    return (uint64_t)v;
}
