/* backup/compat.c - which device a backup can go to: iOS version order and device family.
 * Names and families come from the caller (options->describe_model, target_*): backup does
 * not read the model catalog or watch devices, so it can be checked and linked alone. */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backup/backup_private.h"

int rb__bk_version_cmp(const char *a, const char *b)
{
    while ((a && *a) || (b && *b)) {
        long x = 0, y = 0;
        char *end;
        if (a && *a) {
            x = strtol(a, &end, 10);
            a = end;
            while (*a && *a != '.')
                a++;
            if (*a == '.')
                a++;
        }
        if (b && *b) {
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

/* Apple's product type prefixes; enough to refuse a backup of the wrong kind when the
 * caller has no catalog. */
static rb_backup_family family_from_prefix(const char *pt)
{
    static const struct { const char *prefix; rb_backup_family family; } t[] = {
        {"iPhone", RB_BACKUP_FAMILY_IPHONE}, {"iPad", RB_BACKUP_FAMILY_IPAD},
        {"iPod", RB_BACKUP_FAMILY_IPOD}, {"AppleTV", RB_BACKUP_FAMILY_OTHER},
        {"Watch", RB_BACKUP_FAMILY_OTHER}, {"AudioAccessory", RB_BACKUP_FAMILY_OTHER},
        {"iBridge", RB_BACKUP_FAMILY_OTHER}, {"RealityDevice", RB_BACKUP_FAMILY_OTHER}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strncmp(pt, t[i].prefix, strlen(t[i].prefix)) == 0)
            return t[i].family;
    return RB_BACKUP_FAMILY_UNKNOWN;
}

rb_backup_family rb__bk_describe(const rb_backup_options *o, const char *product_type,
                                 char *name, size_t namelen)
{
    if (name && namelen)
        name[0] = '\0';
    if (!product_type || !*product_type)
        return RB_BACKUP_FAMILY_UNKNOWN;
    rb_backup_family fam = family_from_prefix(product_type);
    if (o && o->describe_model) {
        rb_backup_model m;
        memset(&m, 0, sizeof m);
        if (o->describe_model(&m, product_type, o->describe_payload) == 0) {
            /* Bounded: a callback's value outside the enum is "other", never an index. */
            if (m.family >= RB_BACKUP_FAMILY_IPHONE && m.family <= RB_BACKUP_FAMILY_OTHER)
                fam = m.family;
            else if (m.family != RB_BACKUP_FAMILY_UNKNOWN)
                fam = RB_BACKUP_FAMILY_OTHER;
            m.name[sizeof m.name - 1] = '\0';
            if (name && namelen)
                snprintf(name, namelen, "%s", m.name);
        }
    }
    return fam;
}

void rb__bk_options_copy(rb_backup_options *dst, const rb_backup_options *o)
{
    const rb_backup_options def = RB_BACKUP_OPTIONS_INIT;
    *dst = def;
    if (!o || o->version < 1)
        return;
    /* A version 1 caller's struct ends at max_findings: read no further. */
    if (o->version == 1)
        memcpy(dst, o, offsetof(rb_backup_options, target_family));
    else
        *dst = *o;
    dst->version = RB_BACKUP_OPTIONS_VERSION;
}
