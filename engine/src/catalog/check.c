/* catalog/check.c - rb-catalog-check: validates the model table, its chip table and the
 * button guides; the build runs it over data/ and fails on any error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rescuebay/catalog.h"
#include "rescuebay/context.h"

int main(int argc, char **argv)
{
    int quiet = 0, files = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quiet")) {
            quiet = 1;
            continue;
        }
        if (!strcmp(argv[i], "--help") || argv[i][0] == '-') {
            fprintf(stderr, "usage: rb-catalog-check [--quiet] models.csv...\n"
                            "Loads each table (with chips.csv and button-guides.json beside it)\n"
                            "and prints path:line:column: reason for the first error.\n");
            return 2;
        }
        files++;
        rb_catalog *cat = NULL;
        /* The error detail lives on a context; its home is the table's own folder (a
         * build-time check must not create the user's data folder). Nothing is written. */
        rb_context *ctx = NULL;
        char *dir = strdup(argv[i]);
        char *slash = dir ? strrchr(dir, '/') : NULL;
        if (slash)
            *slash = '\0';
        rb_status st = rb_context_new(&ctx, slash ? dir : ".");
        free(dir);
        if (st == RB_OK)
            st = rb_catalog_open(&cat, ctx, argv[i]);
        if (st != RB_OK) {
            const char *why = ctx ? rb_context_last_error(ctx) : "";
            fprintf(stderr, "error: %s\n", *why ? why : rb_strerror(st));
            failed = 1;
        } else {
            size_t fam[5] = {0};
            int guides = 0;
            for (size_t k = 0; k < rb_catalog_count(cat); k++)
                fam[rb_catalog_at(cat, k)->family]++;
            const rb_guide_step *steps;
            size_t n;
            guides = rb_catalog_guide_for_scheme(cat, RB_BUTTONS_HOME_TOP, RB_GUIDE_ENTER_DFU,
                                                 &steps, &n) == RB_OK;
            if (!guides) {
                fprintf(stderr, "error: %s: no button-guides.json beside it\n", argv[i]);
                failed = 1;
            }
            if (!quiet)
                printf("%s: %zu models (%zu iPhone, %zu iPad, %zu iPod, %zu other), guides %s\n",
                       argv[i], rb_catalog_count(cat), fam[1], fam[2], fam[3], fam[4],
                       guides ? "ok" : "missing");
        }
        rb_catalog_free(cat);
        rb_context_free(ctx);
    }
    if (!files) {
        fprintf(stderr, "usage: rb-catalog-check [--quiet] models.csv...\n");
        return 2;
    }
    return failed;
}
