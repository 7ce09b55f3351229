/* catalog/parse.c - what a row of models.csv or chips.csv must look like: the columns,
 * the value rules and their names, the duplicate checks and the sorted indexes the
 * lookups rely on. Reading the files and the handle's life are in models.c. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog_private.h"
#include "catalog/csv_private.h"

#define MAX_ROWS 20000
#define MAX_FIELDS 32

enum col {
    C_PRODUCT_TYPE, C_HW_MODEL, C_CPID, C_BDID, C_NAME, C_VARIANT, C_FAMILY, C_CHIP,
    C_BUTTONS, C_HOME, C_CONNECTOR, C_HAZARDS, C_KIS, C_DEBIAN12, C_NOTE, C_COUNT
};

static const struct {
    const char *name;
    int required;
} columns[C_COUNT] = {
    {"product_type", 1}, {"hardware_model", 1}, {"cpid", 1}, {"bdid", 1}, {"name", 1},
    {"variant", 0}, {"family", 1}, {"chip", 0}, {"buttons", 1}, {"home_button", 1},
    {"connector", 1}, {"hazards", 0}, {"dfu_may_use_kis", 0}, {"debian12_irecv", 0},
    {"controls_note", 0},
};

rb_status rb__catalog_failf(struct rb__catalog_loader *ld, rb_status st, unsigned line,
                            unsigned col, const char *fmt, ...)
{
    char reason[480];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    if (line)
        snprintf(ld->err, sizeof ld->err, "%s:%u:%u: %s", ld->path, line, col, reason);
    else
        snprintf(ld->err, sizeof ld->err, "%s: %s", ld->path, reason);
    return st;
}

/* "0x8030" -> 0x8030; hex only, bounded, no sign or spaces. */
static int parse_hex(const char *s, uint32_t limit, uint32_t *out)
{
    if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X') || !s[2])
        return -1;
    uint32_t v = 0;
    for (const char *p = s + 2; *p; p++) {
        int d;
        if (*p >= '0' && *p <= '9')
            d = *p - '0';
        else if (*p >= 'a' && *p <= 'f')
            d = *p - 'a' + 10;
        else if (*p >= 'A' && *p <= 'F')
            d = *p - 'A' + 10;
        else
            return -1;
        if (v > (limit >> 4))
            return -1;
        v = (v << 4) | (uint32_t)d;
        if (v > limit)
            return -1;
    }
    *out = v;
    return 0;
}

/* Letters, then "major,minor" digits: "iPhone12,1", "AppleTV5,3". */
static int valid_product_type(const char *s)
{
    const char *p = s;
    while (isalpha((unsigned char)*p))
        p++;
    if (p == s || !isdigit((unsigned char)*p))
        return 0;
    while (isdigit((unsigned char)*p))
        p++;
    if (*p++ != ',' || !isdigit((unsigned char)*p))
        return 0;
    while (isdigit((unsigned char)*p))
        p++;
    return *p == '\0' && (size_t)(p - s) < 32;
}

static int valid_board(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!islower((unsigned char)s[n]) && !isdigit((unsigned char)s[n]))
            return 0;
    return n > 0 && n < 32;
}

static int parse_yesno(const char *s, int *out)
{
    if (!strcmp(s, "yes"))
        *out = 1;
    else if (!strcmp(s, "no") || !*s)
        *out = 0;
    else
        return -1;
    return 0;
}

static int cmp_chip(const void *a, const void *b)
{
    const struct rb_chip *x = a, *y = b;
    if (x->cpid != y->cpid)
        return x->cpid < y->cpid ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* "<path>:L:C: reason" from the CSV reader's "L:C: reason". */
static rb_status fail_csv(struct rb__catalog_loader *ld, const char *csverr)
{
    snprintf(ld->err, sizeof ld->err, "%s:%s", ld->path, csverr);
    return RB_ERR_PARSE;
}

rb_status rb__catalog_parse_chips(rb_catalog *cat, struct rb__catalog_loader *ld, size_t len)
{
    rb__csv csv;
    rb__csv_init(&csv, cat->chips_buf, len);
    char *f[MAX_FIELDS], csverr[200];
    unsigned col[MAX_FIELDS], line = 0;
    size_t n, cap = 0;
    int r, header = 1;
    while ((r = rb__csv_row(&csv, f, col, MAX_FIELDS, &n, &line, csverr, sizeof csverr)) > 0) {
        if (header) {
            if (n != 2 || strcmp(f[0], "cpid") || strcmp(f[1], "chip"))
                return rb__catalog_failf(ld, RB_ERR_PARSE, line, 1, "header must be \"cpid,chip\"");
            header = 0;
            continue;
        }
        if (n != 2)
            return rb__catalog_failf(ld, RB_ERR_PARSE, line, col[n - 1],
                                     "expected 2 fields, found %zu", n);
        uint32_t cpid;
        if (parse_hex(f[0], 0xFFFF, &cpid))
            return rb__catalog_failf(ld, RB_ERR_PARSE, line, col[0],
                                     "cpid: bad hex number \"%s\"", f[0]);
        if (!*f[1])
            return rb__catalog_failf(ld, RB_ERR_PARSE, line, col[1], "chip: empty name");
        if (cat->nchips == cap) {
            if (cap >= MAX_ROWS)
                return rb__catalog_failf(ld, RB_ERR_PARSE, line, 1,
                                         "too many rows (limit %d)", MAX_ROWS);
            cap = cap ? cap * 2 : 64;
            struct rb_chip *nc = realloc(cat->chips, cap * sizeof *nc);
            if (!nc)
                return rb__catalog_failf(ld, RB_ERR_NOMEM, 0, 0, "out of memory");
            cat->chips = nc;
        }
        cat->chips[cat->nchips++] = (struct rb_chip){cpid, f[1], line};
    }
    if (r < 0)
        return fail_csv(ld, csverr);
    if (header)
        return rb__catalog_failf(ld, RB_ERR_PARSE, 0, 0, "no header row");
    qsort(cat->chips, cat->nchips, sizeof *cat->chips, cmp_chip);
    for (size_t k = 1; k < cat->nchips; k++)
        if (cat->chips[k].cpid == cat->chips[k - 1].cpid) {
            const struct rb_chip *a = &cat->chips[k - 1], *b = &cat->chips[k];
            unsigned first = a->line < b->line ? a->line : b->line;
            unsigned second = a->line < b->line ? b->line : a->line;
            return rb__catalog_failf(ld, RB_ERR_PARSE, second, 1,
                                     "duplicate cpid 0x%04X, first on line %u",
                                     (unsigned)a->cpid, first);
        }
    return RB_OK;
}

static const char *family_names[] = {"unknown", "iPhone", "iPad", "iPod", "other"};
static const char *scheme_names[] = {"NONE", "HOME_TOP", "VOLDOWN_SIDE", "VOLUP_VOLDOWN_SIDE",
                                     "IPAD_NOHOME"};
static const char *home_names[] = {"none", "mechanical", "solid_state"};

rb_status rb_button_scheme_from_name(rb_button_scheme *out, const char *name)
{
    if (!out || !name)
        return RB_ERR_INVALID_ARG;
    for (int i = 1; i < 5; i++)
        if (!strcmp(name, scheme_names[i])) {
            *out = (rb_button_scheme)i;
            return RB_OK;
        }
    return RB_ERR_NOT_FOUND;
}

/* Fills one model from a row; `idx` maps column -> field index or -1. */
static rb_status parse_row(rb_catalog *cat, struct rb__catalog_loader *ld, rb_model *m,
                           unsigned line, char **f, const unsigned *col, const int *idx)
{
    static char empty[] = "";
    char *v[C_COUNT];
    unsigned c[C_COUNT];
    for (int i = 0; i < C_COUNT; i++) {
        v[i] = idx[i] >= 0 ? f[idx[i]] : empty;
        c[i] = idx[i] >= 0 ? col[idx[i]] : 1;
    }
#define BAD(k, ...) rb__catalog_failf(ld, RB_ERR_PARSE, line, c[k], __VA_ARGS__)
    if (!valid_product_type(v[C_PRODUCT_TYPE]))
        return BAD(C_PRODUCT_TYPE, "product_type: \"%s\" is not like \"iPhone12,1\"", v[C_PRODUCT_TYPE]);
    if (!valid_board(v[C_HW_MODEL]))
        return BAD(C_HW_MODEL, "hardware_model: \"%s\" is not a lowercase board name like \"n104ap\"", v[C_HW_MODEL]);
    if (parse_hex(v[C_CPID], 0xFFFF, &m->cpid))
        return BAD(C_CPID, "cpid: bad hex number \"%s\" (want 0x0000..0xFFFF)", v[C_CPID]);
    if (parse_hex(v[C_BDID], 0xFF, &m->bdid))
        return BAD(C_BDID, "bdid: bad hex number \"%s\" (want 0x00..0xFF)", v[C_BDID]);
    if (!*v[C_NAME])
        return BAD(C_NAME, "name: missing");
    m->family = RB_FAMILY_UNKNOWN;
    for (int i = 1; i < 5; i++)
        if (!strcmp(v[C_FAMILY], family_names[i]))
            m->family = (rb_device_family)i;
    if (m->family == RB_FAMILY_UNKNOWN)
        return BAD(C_FAMILY, "family: \"%s\" is not iPhone, iPad, iPod or other", v[C_FAMILY]);
    int serviced = m->family != RB_FAMILY_OTHER;
    if (!strcmp(v[C_BUTTONS], "NONE") && !serviced)
        m->buttons = RB_BUTTONS_UNKNOWN;
    else if (rb_button_scheme_from_name(&m->buttons, v[C_BUTTONS]) != RB_OK)
        return BAD(C_BUTTONS, "buttons: unknown scheme \"%s\" (HOME_TOP, VOLDOWN_SIDE, "
                   "VOLUP_VOLDOWN_SIDE, IPAD_NOHOME%s)", v[C_BUTTONS], serviced ? "" : ", NONE");
    m->home_button = RB_HOME_NONE;
    if (*v[C_HOME]) {
        int found = 0;
        for (int i = 0; i < 3; i++)
            if (!strcmp(v[C_HOME], home_names[i])) {
                m->home_button = (rb_home_button)i;
                found = 1;
            }
        if (!found)
            return BAD(C_HOME, "home_button: \"%s\" is not none, mechanical or solid_state", v[C_HOME]);
    } else if (serviced) {
        return BAD(C_HOME, "home_button: missing");
    }
    if (strcmp(v[C_CONNECTOR], "30-pin") && strcmp(v[C_CONNECTOR], "Lightning") &&
        strcmp(v[C_CONNECTOR], "USB-C") && (serviced || *v[C_CONNECTOR]))
        return BAD(C_CONNECTOR, "connector: \"%s\" is not 30-pin, Lightning or USB-C", v[C_CONNECTOR]);
    m->hazards = 0;
    for (const char *p = v[C_HAZARDS]; *p;) {
        size_t len = strcspn(p, ";");
        unsigned bit = rb__hazard_from_name(p, len);
        if (!bit)
            return BAD(C_HAZARDS, "hazards: unknown hazard \"%.*s\"", (int)len, p);
        m->hazards |= bit;
        p += len + (p[len] == ';');
    }
    if (parse_yesno(v[C_KIS], &m->dfu_may_use_kis))
        return BAD(C_KIS, "dfu_may_use_kis: \"%s\" is not yes or no", v[C_KIS]);
    if (parse_yesno(v[C_DEBIAN12], &m->in_debian12_libirecovery))
        return BAD(C_DEBIAN12, "debian12_irecv: \"%s\" is not yes or no", v[C_DEBIAN12]);
    m->product_type = v[C_PRODUCT_TYPE];
    m->hardware_model = v[C_HW_MODEL];
    m->name = v[C_NAME];
    m->variant = v[C_VARIANT];
    m->connector = v[C_CONNECTOR];
    m->controls_note = v[C_NOTE];
    m->chip = v[C_CHIP];
    if (!*m->chip) {
        const char *chip = rb_catalog_chip_name(cat, m->cpid);
        if (!chip && cat->nchips)
            return BAD(C_CPID, "cpid: no chip name for %s (add it to chips.csv or fill the chip column)", v[C_CPID]);
        m->chip = chip ? chip : empty;
    }
#undef BAD
    return RB_OK;
}

/* Sort keys carry what they compare, so sorting needs no shared state (qsort has no
 * context argument in C11, and catalogs may be opened on several threads). */
struct sort_key {
    const rb_model *m;
    size_t idx;
};

static int cmp_type(const void *a, const void *b)
{
    const struct sort_key *x = a, *y = b;
    int c = strcmp(x->m->product_type, y->m->product_type);
    return c ? c : (x->idx < y->idx ? -1 : x->idx > y->idx);
}

static int cmp_chipid(const void *a, const void *b)
{
    const struct sort_key *x = a, *y = b;
    if (x->m->cpid != y->m->cpid)
        return x->m->cpid < y->m->cpid ? -1 : 1;
    if (x->m->bdid != y->m->bdid)
        return x->m->bdid < y->m->bdid ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static size_t *sorted_index(const rb_catalog *cat, int (*cmp)(const void *, const void *))
{
    size_t n = cat->count;
    struct sort_key *keys = malloc((n ? n : 1) * sizeof *keys);
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    if (!keys || !idx) {
        free(keys);
        free(idx);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        keys[i] = (struct sort_key){&cat->models[i], i};
    qsort(keys, n, sizeof *keys, cmp);
    for (size_t i = 0; i < n; i++)
        idx[i] = keys[i].idx;
    free(keys);
    return idx;
}

/* Builds the indexes and refuses duplicates, naming both lines. */
static rb_status build_indexes(rb_catalog *cat, struct rb__catalog_loader *ld)
{
    size_t n = cat->count;
    cat->by_type = sorted_index(cat, cmp_type);
    cat->by_chip = sorted_index(cat, cmp_chipid);
    if (!cat->by_type || !cat->by_chip)
        return rb__catalog_failf(ld, RB_ERR_NOMEM, 0, 0, "out of memory");
    for (size_t k = 1; k < n; k++) {
        const rb_model *a = &cat->models[cat->by_chip[k - 1]], *b = &cat->models[cat->by_chip[k]];
        if (a->cpid == b->cpid && a->bdid == b->bdid)
            return rb__catalog_failf(ld, RB_ERR_PARSE, cat->lines[cat->by_chip[k]], 1,
                                     "duplicate (cpid, bdid) (0x%04X, 0x%02X), first on line %u",
                                     (unsigned)b->cpid, (unsigned)b->bdid,
                                     cat->lines[cat->by_chip[k - 1]]);
    }
    for (size_t k = 1; k < n; k++) {
        size_t ia = cat->by_type[k - 1], ib = cat->by_type[k];
        const rb_model *a = &cat->models[ia], *b = &cat->models[ib];
        if (strcmp(a->product_type, b->product_type))
            continue;
        /* A product type repeats only for a second board of one model (iPhone8,1 is
         * n71ap from Samsung and n71map from TSMC). */
        if (!strcmp(a->hardware_model, b->hardware_model) || strcmp(a->name, b->name) ||
            a->family != b->family || a->buttons != b->buttons)
            return rb__catalog_failf(ld, RB_ERR_PARSE, cat->lines[ib], 1,
                                     "duplicate product type %s (first on line %u); a product "
                                     "type may repeat only for another board of the same model",
                                     b->product_type, cat->lines[ia]);
    }
    return RB_OK;
}

rb_status rb__catalog_parse_models(rb_catalog *cat, struct rb__catalog_loader *ld, size_t len)
{
    rb__csv csv;
    rb__csv_init(&csv, cat->models_buf, len);
    char *f[MAX_FIELDS], csverr[200];
    unsigned col[MAX_FIELDS], line = 0;
    size_t n, cap = 0, nheader = 0;
    int idx[C_COUNT], r, header = 1;
    while ((r = rb__csv_row(&csv, f, col, MAX_FIELDS, &n, &line, csverr, sizeof csverr)) > 0) {
        if (header) {
            for (int i = 0; i < C_COUNT; i++)
                idx[i] = -1;
            for (size_t k = 0; k < n; k++) {
                int found = -1;
                for (int i = 0; i < C_COUNT; i++)
                    if (!strcmp(f[k], columns[i].name))
                        found = i;
                if (found < 0)
                    return rb__catalog_failf(ld, RB_ERR_PARSE, line, col[k],
                                             "unknown column \"%s\"", f[k]);
                if (idx[found] >= 0)
                    return rb__catalog_failf(ld, RB_ERR_PARSE, line, col[k],
                                             "column \"%s\" appears twice", f[k]);
                idx[found] = (int)k;
            }
            for (int i = 0; i < C_COUNT; i++)
                if (columns[i].required && idx[i] < 0)
                    return rb__catalog_failf(ld, RB_ERR_PARSE, line, 1,
                                             "header lacks the \"%s\" column", columns[i].name);
            nheader = n;
            header = 0;
            continue;
        }
        if (n != nheader)
            return rb__catalog_failf(ld, RB_ERR_PARSE, line, n ? col[n - 1] : 1,
                                     "expected %zu fields, found %zu", nheader, n);
        if (cat->count == cap) {
            if (cap >= MAX_ROWS)
                return rb__catalog_failf(ld, RB_ERR_PARSE, line, 1,
                                         "too many rows (limit %d)", MAX_ROWS);
            cap = cap ? cap * 2 : 256;
            rb_model *nm = realloc(cat->models, cap * sizeof *nm);
            unsigned *nl = nm ? realloc(cat->lines, cap * sizeof *nl) : NULL;
            if (nm)
                cat->models = nm;
            if (!nl)
                return rb__catalog_failf(ld, RB_ERR_NOMEM, 0, 0, "out of memory");
            cat->lines = nl;
        }
        rb_model *m = &cat->models[cat->count];
        memset(m, 0, sizeof *m);
        rb_status st = parse_row(cat, ld, m, line, f, col, idx);
        if (st != RB_OK)
            return st;
        cat->lines[cat->count++] = line;
    }
    if (r < 0)
        return fail_csv(ld, csverr);
    if (header)
        return rb__catalog_failf(ld, RB_ERR_PARSE, 0, 0, "no header row");
    return build_indexes(cat, ld);
}

const char *rb_device_family_name(rb_device_family family)
{
    switch (family) {
    case RB_FAMILY_IPHONE: return "iPhone";
    case RB_FAMILY_IPAD: return "iPad";
    case RB_FAMILY_IPOD: return "iPod touch";
    case RB_FAMILY_OTHER: return "other";
    default: return "unknown";
    }
}

const char *rb_button_scheme_name(rb_button_scheme scheme)
{
    return (int)scheme > 0 && (int)scheme < 5 ? scheme_names[scheme] : "UNKNOWN";
}

const char *rb_home_button_name(rb_home_button home)
{
    return (int)home >= 0 && (int)home < 3 ? home_names[home] : "unknown";
}
