/*
 * fuzz_catalog.c - fuzz target for the catalog loaders (models.csv, chips.csv,
 * button-guides.json). The first input byte picks the file under test; the rest is its
 * content. Built with clang -fsanitize=fuzzer when RB_FUZZ=ON; otherwise built with a
 * main() that replays every file given on the command line (the corpus), so the seeds
 * and every past crash keep running in ctest.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog_private.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char small_models[] =
    "product_type,hardware_model,cpid,bdid,name,family,buttons,home_button,connector\n"
    "\"iPhone12,1\",n104ap,0x8030,0x04,iPhone 11,iPhone,VOLUP_VOLDOWN_SIDE,none,Lightning\n"
    "\"iPad14,1\",j310ap,0x8110,0x04,iPad mini (6th gen),iPad,IPAD_NOHOME,none,USB-C\n";

static void exercise(const rb_catalog *cat, const char *text, size_t len)
{
    const rb_model *out[8];
    char q[64];
    size_t n = len < sizeof q - 1 ? len : sizeof q - 1;
    memcpy(q, text, n);
    q[n] = '\0';
    rb_catalog_search(cat, q, out, 8);
    rb_catalog_by_product_type(cat, q);
    for (size_t i = 0; i < rb_catalog_count(cat); i++) {
        const rb_model *m = rb_catalog_at(cat, i);
        if (rb_catalog_by_chip(cat, m->cpid, m->bdid) == NULL)
            abort(); /* every row must be findable by its own ids */
        for (int p = 0; p < RB_GUIDE_PROCEDURE_COUNT; p++) {
            const rb_guide_step *s;
            size_t ns;
            if (rb_catalog_guide(cat, m, (rb_guide_procedure)p, &s, &ns) == RB_OK && ns == 0)
                abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *body = (const char *)data + 1;
    size_t len = size - 1;
    rb_catalog *cat = NULL;
    char *err = NULL;
    rb_status st;
    switch (data[0] % 3) {
    case 0:
        st = rb__catalog_from_buffers(&cat, body, len, NULL, 0, NULL, 0, &err);
        break;
    case 1:
        st = rb__catalog_from_buffers(&cat, small_models, sizeof small_models - 1, body, len,
                                      NULL, 0, &err);
        break;
    default:
        st = rb__catalog_from_buffers(&cat, small_models, sizeof small_models - 1, NULL, 0,
                                      body, len, &err);
        break;
    }
    if ((st == RB_OK) != (cat != NULL) || (st != RB_OK && st != RB_ERR_NOMEM && (!err || !*err)))
        abort(); /* a refusal always says why */
    if (cat)
        exercise(cat, body, len);
    rb_catalog_free(cat);
    rb_free(err);
    return 0;
}

#ifndef RB_LIBFUZZER
static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return 1;
    }
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            uint8_t *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (!buf)
        return 1;
    LLVMFuzzerTestOneInput(buf, n);
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    int files = 0, rc = 0;
    for (int i = 1; i < argc; i++) {
        DIR *d = opendir(argv[i]);
        if (!d) {
            rc |= run_file(argv[i]);
            files++;
            continue;
        }
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
            rc |= run_file(path);
            files++;
        }
        closedir(d);
    }
    printf("replayed %d input(s)\n", files);
    return rc || files == 0;
}
#endif
