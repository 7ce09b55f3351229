/* rb-backup-gen - command-line front of the fixture generator, for the benchmark and
 * the CLI tests:  rb-backup-gen DIR [--files N] [--size BYTES] [--encrypted]
 *                 [--password P] [--dpic N] [--digest-all] [--ios V] [--product-type T] [--udid U]
 *                 [--damage KIND] [--seed N] [--device-name NAME] [--hostile-names] [--legacy] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bkgen.h"

int main(int argc, char **argv)
{
    bkgen_opts o = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--encrypted")) o.encrypted = true;
        else if (!strcmp(a, "--hostile-names")) o.hostile_names = true;
        else if (v && !strcmp(a, "--device-name")) { o.device_name = v; i++; }
        else if (!strcmp(a, "--legacy")) o.legacy = true;
        else if (!strcmp(a, "--digest-all")) o.digest_all = true;
        else if (v && !strcmp(a, "--files")) { o.files = (unsigned)strtoul(v, NULL, 10); i++; }
        else if (v && !strcmp(a, "--size")) { o.file_size = strtoull(v, NULL, 10); i++; }
        else if (v && !strcmp(a, "--password")) { o.password = v; i++; }
        else if (v && !strcmp(a, "--dpic")) { o.dpic = (uint32_t)strtoul(v, NULL, 10); i++; }
        else if (v && !strcmp(a, "--ios")) { o.ios = v; i++; }
        else if (v && !strcmp(a, "--product-type")) { o.product_type = v; i++; }
        else if (v && !strcmp(a, "--udid")) { o.udid = v; i++; }
        else if (v && !strcmp(a, "--damage")) { o.damage = v; i++; }
        else if (v && !strcmp(a, "--seed")) { o.seed = (uint32_t)strtoul(v, NULL, 10); i++; }
        else if (a[0] != '-' && !o.dir) o.dir = a;
        else {
            fprintf(stderr, "usage: rb-backup-gen DIR [--files N] [--size BYTES] [--encrypted] "
                            "[--password P] [--dpic N] [--digest-all] [--ios V] [--product-type T] [--udid U] "
                            "[--damage KIND] [--seed N] [--device-name NAME] [--hostile-names] [--legacy]\ndamages:");
            for (int k = 0; bkgen_damages[k]; k++)
                fprintf(stderr, " %s", bkgen_damages[k]);
            fprintf(stderr, "\nlegacy damages:");
            for (int k = 0; bkgen_legacy_damages[k]; k++)
                fprintf(stderr, " %s", bkgen_legacy_damages[k]);
            fprintf(stderr, "\n");
            return 2;
        }
    }
    if (!o.dir)
        return 2;
    char err[256];
    if (bkgen_write(&o, err, sizeof err) != 0) {
        fprintf(stderr, "rb-backup-gen: %s\n", err);
        return 1;
    }
    return 0;
}
