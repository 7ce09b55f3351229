/* tests/catalog: opening the model table the way the tests want it, with the error
 * detail as a string (the engine keeps it on a context). */
#ifndef RB_CAT_TEST_H
#define RB_CAT_TEST_H

#include <stdlib.h>
#include <string.h>

#include "rbtest.h"
#include "rescuebay/catalog.h"
#include "rescuebay/context.h"

/* rb_catalog_open(out, ctx, path) on a fresh context in the test's temporary folder;
 * on failure *err (if err) gets a malloc'd copy of the context's detail, else NULL. */
static inline rb_status cat_open(rb_catalog **out, const char *path, char **err)
{
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
    rb_status st = rb_catalog_open(out, ctx, path);
    if (err)
        *err = st == RB_OK ? NULL : strdup(rb_context_last_error(ctx));
    rb_context_free(ctx);
    return st;
}

/* The same for rb_catalog_load_guides. */
static inline rb_status cat_load_guides(rb_catalog *cat, const char *path, char **err)
{
    rb_context *ctx = NULL;
    rbt_assert_ok(rb_context_new(&ctx, rbt_tmpdir()));
    rb_status st = rb_catalog_load_guides(cat, ctx, path);
    if (err)
        *err = st == RB_OK ? NULL : strdup(rb_context_last_error(ctx));
    rb_context_free(ctx);
    return st;
}

#endif
