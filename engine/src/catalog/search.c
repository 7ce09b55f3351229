/* catalog/search.c - free-text search over the model table for the CLI and the kiosk. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog/catalog_private.h"

size_t rb_catalog_by_cpid(const rb_catalog *cat, uint32_t cpid, const rb_model **out, size_t max)
{
    size_t total = 0;
    for (size_t i = 0; cat && i < cat->count; i++)
        if (cat->models[i].cpid == cpid) {
            if (out && total < max)
                out[total] = &cat->models[i];
            total++;
        }
    return total;
}

/* Case-insensitive substring test, ASCII folding (model names are ASCII). */
static int icontains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (!n)
        return 1;
    for (; *hay; hay++)
        if (!strncasecmp(hay, needle, n))
            return 1;
    return 0;
}

/* "0x8030" or "0x8030:0x04" / "0x8030/0x04": chip id, optional board id. */
static int parse_chip_query(const char *q, uint32_t *cpid, uint32_t *bdid, int *has_bdid)
{
    char *end;
    if (q[0] != '0' || (q[1] != 'x' && q[1] != 'X') || !isxdigit((unsigned char)q[2]))
        return 0;
    unsigned long v = strtoul(q + 2, &end, 16);
    if (v > 0xFFFF)
        return 0;
    *cpid = (uint32_t)v;
    *has_bdid = 0;
    if (!*end)
        return 1;
    if ((*end != ':' && *end != '/') || end[1] != '0' || (end[2] != 'x' && end[2] != 'X') ||
        !isxdigit((unsigned char)end[3]))
        return 0;
    v = strtoul(end + 3, &end, 16);
    if (*end || v > 0xFF)
        return 0;
    *bdid = (uint32_t)v;
    *has_bdid = 1;
    return 1;
}

static int looks_like_product_type(const char *q)
{
    const char *p = q;
    while (isalpha((unsigned char)*p))
        p++;
    if (p == q || !isdigit((unsigned char)*p))
        return 0;
    p += strspn(p, "0123456789");
    if (*p++ != ',')
        return 0;
    return isdigit((unsigned char)*p) && p[strspn(p, "0123456789")] == '\0';
}

/* Lower rank sorts first: exact identifier or name, then name prefix, then substring. */
static int rank(const rb_model *m, const char *q)
{
    if (!strcasecmp(m->product_type, q) || !strcasecmp(m->hardware_model, q) ||
        !strcasecmp(m->name, q))
        return 0;
    if (!strncasecmp(m->name, q, strlen(q)))
        return 1;
    if (icontains(m->name, q) || icontains(m->product_type, q) || icontains(m->hardware_model, q) ||
        icontains(m->chip, q) || icontains(m->variant, q))
        return 2;
    return -1;
}

size_t rb_catalog_search(const rb_catalog *cat, const char *query, const rb_model **out,
                         size_t max)
{
    if (!cat)
        return 0;
    while (query && isspace((unsigned char)*query))
        query++;
    size_t total = 0;
    uint32_t cpid = 0, bdid = 0;
    int has_bdid = 0;
    if (!query || !*query) {
        for (size_t i = 0; i < cat->count; i++)
            if (out && total < max)
                out[total++] = &cat->models[i];
            else
                total++;
        return total;
    }
    if (parse_chip_query(query, &cpid, &bdid, &has_bdid)) {
        if (!has_bdid)
            return rb_catalog_by_cpid(cat, cpid, out, max);
        const rb_model *m = rb_catalog_by_chip(cat, cpid, bdid);
        if (m && out && max)
            out[0] = m;
        return m ? 1 : 0;
    }
    if (looks_like_product_type(query)) {
        /* Exact only: "iPad8,1" must not also list iPad8,10..8,12. */
        for (size_t i = 0; i < cat->count; i++)
            if (!strcasecmp(cat->models[i].product_type, query)) {
                if (out && total < max)
                    out[total] = &cat->models[i];
                total++;
            }
        return total;
    }
    /* Three passes keep file order inside each rank without allocating. */
    for (int r = 0; r <= 2; r++)
        for (size_t i = 0; i < cat->count; i++)
            if (rank(&cat->models[i], query) == r) {
                if (out && total < max)
                    out[total] = &cat->models[i];
                total++;
            }
    return total;
}
