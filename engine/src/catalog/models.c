/* catalog/models.c - the catalog handle: finding the model table, reading it and its
 * companion files (or taking them from memory), freeing it, and the lookups by product
 * type and chip. The row rules are in parse.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog/catalog_private.h"
#include "core/internal.h"
#include "core/platform.h"

#define MAX_FILE (4u * 1024 * 1024)

const char *rb_catalog_chip_name(const rb_catalog *cat, uint32_t cpid)
{
    if (!cat || !cat->nchips)
        return NULL;
    size_t lo = 0, hi = cat->nchips;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cat->chips[mid].cpid == cpid)
            return cat->chips[mid].name;
        if (cat->chips[mid].cpid < cpid)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static rb_status load_chips_file(rb_catalog *cat, struct rb__catalog_loader *ld)
{
    size_t len = 0;
    int e = rb__read_file(ld->path, MAX_FILE, &cat->chips_buf, &len);
    if (e == ENOENT)
        return RB_OK; /* optional: chip names then come from the models' chip column */
    if (e)
        return rb__catalog_failf(ld, e == EFBIG ? RB_ERR_PARSE : rb__status_from_errno(e), 0, 0,
                                 "cannot read: %s", e == EFBIG ? "file too large" : strerror(e));
    return rb__catalog_parse_chips(cat, ld, len);
}

static rb_status load_models(rb_catalog *cat, struct rb__catalog_loader *ld)
{
    size_t len = 0;
    int e = rb__read_file(cat->path, MAX_FILE, &cat->models_buf, &len);
    if (e)
        return rb__catalog_failf(ld, e == EFBIG ? RB_ERR_PARSE : rb__status_from_errno(e), 0, 0,
                                 "cannot read: %s", e == EFBIG ? "file too large" : strerror(e));
    return rb__catalog_parse_models(cat, ld, len);
}

static char *copy_buf(const char *data, size_t len)
{
    char *b = malloc(len + 1);
    if (b) {
        if (len)
            memcpy(b, data, len);
        b[len] = '\0';
    }
    return b;
}

rb_status rb__catalog_from_buffers(rb_catalog **out, const char *models, size_t models_len,
                                   const char *chips, size_t chips_len, const char *guides,
                                   size_t guides_len, char **error_out)
{
    *out = NULL;
    *error_out = NULL;
    struct rb__catalog_loader ld = {"models.csv", ""}, cl = {"chips.csv", ""};
    rb_catalog *cat = calloc(1, sizeof *cat);
    rb_status st = RB_ERR_NOMEM;
    if (!cat || !(cat->path = rb__strdup("models.csv")) ||
        !(cat->models_buf = copy_buf(models, models_len)) ||
        (chips && !(cat->chips_buf = copy_buf(chips, chips_len))))
        goto done;
    st = chips ? rb__catalog_parse_chips(cat, &cl, chips_len) : RB_OK;
    if (st != RB_OK)
        memcpy(ld.err, cl.err, sizeof ld.err);
    else
        st = rb__catalog_parse_models(cat, &ld, models_len);
    if (st == RB_OK && guides)
        st = rb__catalog_guides_from_buffer(cat, "button-guides.json", guides, guides_len, error_out);
    else if (st != RB_OK)
        *error_out = rb__strdup(ld.err);
done:
    if (st != RB_OK)
        rb_catalog_free(cat);
    else
        *out = cat;
    return st;
}

static char *sibling(const char *path, const char *name)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return rb__strdup(name);
    return rb__sprintf("%.*s/%s", (int)(slash - path), path, name);
}

static int exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

rb_status rb_catalog_default_path(char **out, const rb_context *ctx)
{
    if (!out)
        return RB_ERR_INVALID_ARG;
    *out = NULL;
    const char *env = rb_context_setting(ctx, "catalog.data_dir", NULL);
    if (env && *env) {
        /* An explicit override is honoured even when wrong: no silent fallback. */
        *out = rb__path_join(env, "models.csv");
        return *out ? RB_OK : RB_ERR_NOMEM;
    }
    char exe[4096];
    if (rb__exe_dir(exe, sizeof exe) == 0) {
        char *p = rb__sprintf("%s/../share/rescuebay/models.csv", exe);
        if (p && exists(p)) {
            *out = p;
            return RB_OK;
        }
        free(p);
    }
    static const char *const fixed[] = {
#ifdef RB_DATA_INSTALL_DIR
        RB_DATA_INSTALL_DIR,
#endif
#ifdef RB_DATA_BUILD_DIR
        RB_DATA_BUILD_DIR,
#endif
#ifdef RB_DATA_SOURCE_DIR
        RB_DATA_SOURCE_DIR,
#endif
        NULL};
    for (size_t i = 0; fixed[i]; i++) {
        char *p = rb__path_join(fixed[i], "models.csv");
        if (p && exists(p)) {
            *out = p;
            return RB_OK;
        }
        free(p);
    }
    return RB_ERR_NOT_FOUND;
}

rb_status rb_catalog_open(rb_catalog **out, rb_context *ctx, const char *path)
{
    if (!out)
        return rb__error(ctx, RB_ERR_INVALID_ARG, "rb_catalog_open: out is NULL");
    *out = NULL;
    struct rb__catalog_loader ld = {path ? path : "models.csv", ""};
    rb_catalog *cat = calloc(1, sizeof *cat);
    rb_status st = RB_ERR_NOMEM;
    if (!cat)
        goto fail_nomem;
    if (path) {
        cat->path = rb__strdup(path);
        if (!cat->path)
            goto fail_nomem;
    } else {
        st = rb_catalog_default_path(&cat->path, ctx);
        if (st != RB_OK) {
            rb__catalog_failf(&ld, st, 0, 0,
                              "no model table found (set catalog.data_dir or RESCUEBAY_DATA_DIR)");
            goto fail;
        }
    }
    ld.path = cat->path;
    char *chips = sibling(cat->path, "chips.csv");
    if (!chips)
        goto fail_nomem;
    struct rb__catalog_loader cl = {chips, ""};
    st = load_chips_file(cat, &cl);
    if (st != RB_OK)
        memcpy(ld.err, cl.err, sizeof ld.err);
    free(chips);
    if (st == RB_OK)
        st = load_models(cat, &ld);
    if (st != RB_OK)
        goto fail;
    char *guides = sibling(cat->path, "button-guides.json");
    if (!guides)
        goto fail_nomem;
    if (exists(guides)) {
        st = rb_catalog_load_guides(cat, ctx, guides);
        if (st != RB_OK) {
            free(guides);
            rb_catalog_free(cat);
            return st; /* the detail is on ctx already */
        }
    }
    free(guides);
    *out = cat;
    return RB_OK;
fail_nomem:
    st = RB_ERR_NOMEM;
    snprintf(ld.err, sizeof ld.err, "out of memory");
fail:
    rb__error(ctx, st, "%s", ld.err);
    rb_catalog_free(cat);
    return st;
}

void rb_catalog_free(rb_catalog *cat)
{
    if (!cat)
        return;
    rb__catalog_guides_clear(cat);
    free(cat->path);
    free(cat->models_buf);
    free(cat->chips_buf);
    free(cat->models);
    free(cat->lines);
    free(cat->by_type);
    free(cat->by_chip);
    free(cat->chips);
    free(cat);
}

const char *rb_catalog_path(const rb_catalog *cat)
{
    return cat && cat->path ? cat->path : "";
}

size_t rb_catalog_count(const rb_catalog *cat)
{
    return cat ? cat->count : 0;
}

const rb_model *rb_catalog_at(const rb_catalog *cat, size_t i)
{
    return cat && i < cat->count ? &cat->models[i] : NULL;
}

const rb_model *rb_catalog_by_product_type(const rb_catalog *cat, const char *product_type)
{
    if (!cat || !product_type)
        return NULL;
    size_t lo = 0, hi = cat->count;
    while (lo < hi) { /* lower bound: the first row of that type in file order */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(cat->models[cat->by_type[mid]].product_type, product_type) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < cat->count && !strcmp(cat->models[cat->by_type[lo]].product_type, product_type))
        return &cat->models[cat->by_type[lo]];
    /* Lockdown spells it exactly, but people typing "iphone12,1" mean the same model. */
    for (size_t i = 0; i < cat->count; i++)
        if (!strcasecmp(cat->models[i].product_type, product_type))
            return &cat->models[i];
    return NULL;
}

const rb_model *rb_catalog_by_chip(const rb_catalog *cat, uint32_t cpid, uint32_t bdid)
{
    if (!cat)
        return NULL;
    size_t lo = 0, hi = cat->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const rb_model *m = &cat->models[cat->by_chip[mid]];
        if (m->cpid == cpid && m->bdid == bdid)
            return m;
        if (m->cpid < cpid || (m->cpid == cpid && m->bdid < bdid))
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}
